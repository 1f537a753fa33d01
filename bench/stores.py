"""Load + query wall times of a build in each store of the interoperability test (issue 12).

For a built ``graph.nq`` (default: the committed ``output/``), each store is loaded the way
``tests/test_stores_interop.py`` loads it (``tests/interop.py``: the same commands), every
query of ``queries/`` is asked, and the answers are compared with the embedded Oxigraph
store's (solution multisets, ``tests/solutions.py``); counts of quads and distinct triples
in the documents' graphs are checked against the files. Servers run on free loopback ports
in temporary folders and are stopped by process id. ``histkg load`` runs as a command (its
start-up is part of the time), TDB2's tools as ``java`` commands (each pays a JVM start).

    .venv/bin/python bench/stores.py                                  # the seed build
    .venv/bin/python bench/stores.py --graph /tmp/wt/graph.nq --label "62 WikiText articles"

``--repeat N`` reports the median of N runs. Prints a Markdown table (and writes JSON with
``--json``); exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import interop, jena, virtuoso  # noqa: E402
from tests.solutions import differences, solutions  # noqa: E402

from histkg.stores.oxigraph import write_store  # noqa: E402

HISTKG = Path(sys.executable).with_name("histkg")
QUERIES = sorted((ROOT / "queries").glob("*.rq"))


def histkg(*args: str, password: str | None = None) -> None:
    env = dict(os.environ, HISTKG_PASSWORD=password) if password else None
    result = subprocess.run([str(HISTKG), *args], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise SystemExit(f"histkg {' '.join(args)} failed: {result.stderr.strip()}")


def timed(job: Callable[[], object]) -> float:
    started = time.perf_counter()
    job()
    return time.perf_counter() - started


def measure(graph: Path, scratch: Path) -> tuple[list[dict[str, Any]], list[str]]:
    quads = len(graph.read_text(encoding="utf-8").splitlines())
    triples = len(graph.with_suffix(".nt").read_text(encoding="utf-8").splitlines())
    texts = {q.name: q.read_text(encoding="utf-8") for q in QUERIES}
    copy = scratch / "embedded" / "graph.nq"  # the embedded store is built beside its graph
    copy.parent.mkdir(parents=True)
    copy.write_bytes(graph.read_bytes())
    copy.with_suffix(".nt").write_bytes(graph.with_suffix(".nt").read_bytes())
    rows: list[dict[str, Any]] = []
    found: list[str] = []
    reference: dict[str, Any] = {}

    def run(store: str, start: float, load: float, ask: Callable[[str], dict[str, Any]]) -> None:
        seconds, answers = 0.0, {}
        for name, text in texts.items():
            began = time.perf_counter()
            answers[name] = solutions(ask(text))
            seconds += time.perf_counter() - began
        if not reference:
            reference.update(answers)
        for name in texts:
            found.extend(differences(store, name, reference[name], answers[name]))
        counted = (
            interop.number(ask(interop.COUNT_QUADS)),
            interop.number(ask(interop.COUNT_TRIPLES)),
        )
        if counted != (quads, triples):
            found.append(f"{store}: counts {counted} != files ({quads}, {triples})")
        rows.append(
            {
                "store": store,
                "start_s": start,
                "load_s": load,
                "queries_s": seconds,
                "rows": sum(a.total() for a in answers.values()),
                "quads": counted[0],
                "triples": counted[1],
            }
        )

    load = timed(lambda: write_store(copy, copy.parent / "store"))
    run("Oxigraph embedded", 0.0, load, lambda q: interop.ask_embedded(copy, q))

    began = time.perf_counter()
    process, url = interop.start_oxigraph(scratch / "oxigraph")
    start = time.perf_counter() - began
    try:
        load = timed(lambda: histkg(*interop.oxigraph_load_args(graph, url)))
        run("Oxigraph server", start, load, lambda q: interop.ask_http(url + "/query", q))
    finally:
        interop.stop(process)

    began = time.perf_counter()
    server = virtuoso.start(scratch / "virtuoso")
    start = time.perf_counter() - began
    try:
        args = [*interop.virtuoso_load_args(graph, server), "-q"]
        load = timed(lambda: histkg(*args, password="dba"))
        run("Virtuoso", start, load, lambda q: interop.ask_http(server.url + "/sparql", q))
    finally:
        server.stop()

    location = scratch / "tdb2"
    jena.classpath()  # found once per process (apt-cache), not part of a load
    load = timed(lambda: interop.tdb2_load(graph, location))
    run("Jena TDB2", 0.0, load, lambda q: interop.ask_tdb2(location, q, scratch / "q"))
    return rows, found


def markdown(label: str, graph: Path, rows: list[dict[str, Any]]) -> str:
    lines = [
        f"{label}: {rows[0]['quads']:,} quads, {rows[0]['triples']:,} distinct triples"
        f" ({graph.name})",
        "",
        "| store | server start s | load s | 5 queries s | rows | quads | triples |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        start = f"{row['start_s']:.1f}" if row["start_s"] else "–"
        lines.append(
            f"| {row['store']} | {start} | {row['load_s']:.2f} | {row['queries_s']:.2f}"
            f" | {row['rows']:,} | {row['quads']:,} | {row['triples']:,} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--graph", type=Path, default=ROOT / "output" / "graph.nq")
    parser.add_argument("--label", default="the seed build")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--repeat", type=int, default=1, help="runs; times are their medians")
    args = parser.parse_args()
    runs: list[list[dict[str, Any]]] = []
    found: list[str] = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="histkg-stores-") as tmp:
            rows, differ = measure(args.graph.resolve(), Path(tmp))
        runs.append(rows)
        found += differ
    rows = [
        {
            **row,
            **{
                key: statistics.median(run[i][key] for run in runs)
                for key in ("start_s", "load_s", "queries_s")
            },
        }
        for i, row in enumerate(runs[0])
    ]
    print(markdown(args.label, args.graph, rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    for line in found:
        print(line)
    raise SystemExit(1 if found else 0)


if __name__ == "__main__":
    main()
