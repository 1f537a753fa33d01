"""A bounded load test of ``histkg serve`` on loopback (issue 10); not a test of the suite.

Starts ``histkg serve`` on the committed ``output/`` (run ``make build`` first) on a free
loopback port and sends a fixed, seeded mix of requests from a pool of concurrent clients:
pages of the site, content negotiation on the things' IRIs (303 after Accept, 406 for a
type on offer nowhere) and SPARQL queries (the competency questions of ``queries/``, by
GET and POST). While it runs, one client sends half a request and hangs. Every answer's
status is checked against the one expected; anything else, or a failed connection, is an
error. Prints, and writes as Markdown and JSON, the count of errors and the latencies.

    .venv/bin/python bench/load.py --markdown docs/load.md --json bench/load.json
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACCEPTS = [
    ("text/html", 303),
    ("text/turtle", 303),
    ("application/ld+json", 303),
    ("application/n-triples", 303),
    ("image/png", 406),
]
RESULTS = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv"]


@dataclass(frozen=True)
class Request:
    kind: str  # page | conneg | sparql
    method: str
    path: str
    headers: tuple[tuple[str, str], ...]
    body: bytes | None
    expected: int


def plan(site: Path, count: int, seed: int) -> list[Request]:
    """The requests, in a fixed order: half pages, a quarter negotiation, a quarter SPARQL."""
    rng = random.Random(seed)
    pages = sorted(
        "/" + urllib.parse.quote(p.relative_to(site).as_posix())
        for p in site.rglob("*.html")
        if p.name != "404.html"
    )
    things = sorted(p.removesuffix(".html") for p in pages if p.count("/") == 2)
    queries = [q.read_text(encoding="utf-8") for q in sorted((ROOT / "queries").glob("*.rq"))]
    out = []
    for i in range(count):
        roll = i % 4
        if roll in (0, 1):
            out.append(Request("page", "GET", rng.choice(pages), (), None, 200))
        elif roll == 2:
            accept, status = rng.choice(ACCEPTS)
            out.append(
                Request("conneg", "GET", rng.choice(things), (("Accept", accept),), None, status)
            )
        else:
            query, accept = rng.choice(queries), rng.choice(RESULTS)
            if rng.random() < 0.5:
                path = "/sparql?" + urllib.parse.urlencode({"query": query})
                out.append(Request("sparql", "GET", path, (("Accept", accept),), None, 200))
            else:
                headers = (("Accept", accept), ("Content-Type", "application/sparql-query"))
                out.append(Request("sparql", "POST", "/sparql", headers, query.encode(), 200))
    return out


def send(port: int, request: Request) -> tuple[str, int | str, bool, float]:
    start = time.perf_counter()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request(request.method, request.path, body=request.body, headers=dict(request.headers))
        response = conn.getresponse()
        response.read()
        conn.close()
        status: int | str = response.status
    except (OSError, http.client.HTTPException) as exc:
        status = type(exc).__name__
    elapsed = time.perf_counter() - start
    return request.kind, status, status == request.expected, elapsed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(port: int, server: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if server.poll() is not None:
            raise SystemExit(f"histkg serve stopped (exit {server.returncode})")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/index.html")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit("histkg serve did not answer")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--markdown", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    site, graph = ROOT / "output" / "site", ROOT / "output" / "graph.nq"
    if not (site / "index.html").is_file() or not graph.is_file():
        raise SystemExit("no output/site or output/graph.nq: run 'make build' first")
    requests = plan(site, args.requests, args.seed)
    port = free_port()
    command = [sys.executable, "-m", "histkg", "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--site", str(site), "--graph", str(graph)],
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_ready(port, server)
        hanging = socket.create_connection(("127.0.0.1", port))
        hanging.sendall(b"GET /index.html HTTP/1.1\r\nHost: x\r\n")  # never finished
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            results = list(pool.map(lambda r: send(port, r), requests))
        wall = time.perf_counter() - start
        hanging.close()
    finally:
        server.terminate()
        server.wait()
    rows = []
    for kind in ("page", "conneg", "sparql", "all"):
        mine = [r for r in results if kind in ("all", r[0])]
        times = [r[3] * 1000 for r in mine]
        rows.append(
            {
                "kind": kind,
                "requests": len(mine),
                "errors": sum(1 for r in mine if not r[2]),
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": round(percentile(times, 0.95), 1),
                "p99_ms": round(percentile(times, 0.99), 1),
                "max_ms": round(max(times), 1),
            }
        )
    unexpected = sorted({f"{r[0]} {r[1]}" for r in results if not r[2]})
    summary = {
        "requests": len(results),
        "concurrency": args.concurrency,
        "seconds": round(wall, 1),
        "per_second": round(len(results) / wall),
        "errors": sum(1 for r in results if not r[2]),
        "unexpected": unexpected,
        "by_kind": rows,
    }
    lines = [
        f"{len(results):,} requests, {args.concurrency} concurrent, in {wall:.1f} s"
        f" ({summary['per_second']} per second), {summary['errors']} errors"
        + (f" ({', '.join(unexpected)})" if unexpected else ""),
        "",
        "| requests | count | errors | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r['kind']} | {r['requests']:,} | {r['errors']} | {r['p50_ms']} | {r['p95_ms']}"
        f" | {r['p99_ms']} | {r['max_ms']} |"
        for r in rows
    ]
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    if args.markdown:
        args.markdown.write_text(
            "# Load test of `histkg serve`\n\n"
            "Written by `bench/load.py` on the seed build (`make build` first): `histkg serve`"
            " on a free loopback port, a fixed seeded mix of requests (half pages of the site,"
            " a quarter content negotiation on things' IRIs: 303 after `Accept`, 406 for"
            " `image/png`; a quarter SPARQL: the competency questions of `queries/`, by GET and"
            " POST, in JSON, XML and CSV) from a pool of concurrent clients, while one more"
            " client sends half a request and hangs. An error is a failed connection or a"
            " status other than the one expected. The figures depend on the machine and on"
            " what else runs on it (here: 2 cores shared with other work).\n\n"
            + "\n".join(lines)
            + "\n\n"
            "Limits, each answered at once with its status (`tests/test_serve_limits.py`,"
            " `tests/test_publish.py`):\n\n"
            "| limit | option (default) | status |\n|---|---|---|\n"
            "| query longer than the cap, POST body | `--max-query-bytes` (100,000) |"
            " 413, the body is not read |\n"
            "| query longer than the cap, GET URL | `--max-query-bytes` (100,000) | 414 |\n"
            "| answer with more rows or triples | `--max-rows` (100,000) | 413 |\n"
            "| answer of more bytes | `--max-bytes` (10,000,000) | 413 |\n"
            "| query running longer | `--timeout` (10 s; the child is killed) | 503 |\n"
            "| SPARQL update | | 403 |\n"
            "| a client that sends half a request | a thread per connection; its socket"
            " times out after `--timeout` | others are served |\n",
            encoding="utf-8",
        )
    return 1 if summary["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
