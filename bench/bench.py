"""Benchmark histkg's tool choices on synthetic graphs in its own vocabulary.

Measures, side by side and each step in its own process (wall time and peak memory):
parse and serialize (rdflib vs pyoxigraph), SHACL validation (pySHACL vs Jena), query
latency (rdflib vs the embedded Oxigraph store) and loading into an Oxigraph server
over the Graph Store Protocol.

    .venv/bin/python bench/bench.py --sizes 10000 100000 1000000 --out bench/results.json

A step that exceeds --timeout seconds is recorded as a timeout, not waited for.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HKG = "https://w3id.org/histkg/ontology#"
ID = "https://w3id.org/histkg/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"

QUERY = """PREFIX hkg: <https://w3id.org/histkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name ?office ?date WHERE {
  ?t a hkg:Tenure ; hkg:holder ?p ; hkg:office/rdfs:label ?office .
  ?e a hkg:Removal ; hkg:affected ?p ; hkg:date ?date .
  ?p rdfs:label ?name .
} ORDER BY ?date LIMIT 100"""


def generate(triples: int, path: Path) -> int:
    """Write a synthetic graph of about ``triples`` triples as N-Triples; returns the count."""
    lines: list[str] = []
    doc = f"<{ID}document/synthetic>"
    lines += [
        f"{doc} {RDF_TYPE} <{HKG}Document> .",
        f'{doc} <{HKG}title> "Synthetic" .',
        f'{doc} <{HKG}sha256> "{"0" * 64}" .',
    ]
    offices = [f"<{ID}office/office-{i}>" for i in range(50)]
    for i, office in enumerate(offices):
        lines += [f"{office} {RDF_TYPE} <{HKG}Office> .", f'{office} {LABEL} "Office {i}"@en .']
    i = 0
    while len(lines) < triples:
        person, tenure, event = f"<{ID}person/p{i}>", f"<{ID}tenure/t{i}>", f"<{ID}event/e{i}>"
        spans = [f"<{ID}span/s{i}-{k}>" for k in range(3)]
        year = 1900 + i % 100
        for k, span in enumerate(spans):
            quote = f"Sentence {i} {k}."
            lines += [
                f"{span} {RDF_TYPE} <{HKG}TextSpan> .",
                f"{span} <{HKG}document> {doc} .",
                f'{span} <{HKG}begin> "{i * 40 + k}"^^<{XSD}nonNegativeInteger> .',
                f'{span} <{HKG}end> "{i * 40 + k + len(quote)}"^^<{XSD}nonNegativeInteger> .',
                f'{span} <{HKG}quote> "{quote}" .',
            ]
        lines += [
            f"{person} {RDF_TYPE} <{HKG}Person> .",
            f'{person} {LABEL} "Person {i}"@en .',
            f'{person} <{HKG}familyName> "Family{i}" .',
            f"{person} <{HKG}evidence> {spans[0]} .",
            f"{tenure} {RDF_TYPE} <{HKG}Tenure> .",
            f'{tenure} {LABEL} "Tenure {i}"@en .',
            f"{tenure} <{HKG}holder> {person} .",
            f"{tenure} <{HKG}office> {offices[i % 50]} .",
            f'{tenure} <{HKG}startDate> "{year}"^^<{XSD}gYear> .',
            f'{tenure} <{HKG}endDate> "{year + 3}-06-01"^^<{XSD}date> .',
            f"{tenure} <{HKG}evidence> {spans[1]} .",
            f"{event} {RDF_TYPE} <{HKG}Removal> .",
            f"{event} {RDF_TYPE} <{HKG}Event> .",
            f'{event} {LABEL} "Removal {i}"@en .',
            f'{event} <{HKG}date> "{year + 3}"^^<{XSD}gYear> .',
            f"{event} <{HKG}affected> {person} .",
            f"{event} <{HKG}participant> {person} .",
            f"{event} <{HKG}evidence> {spans[2]} .",
            f"{tenure} <{HKG}endedBy> {event} .",
        ]
        i += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


# --- steps: each runs in a child process ---------------------------------------------

STEPS = {
    "rdflib parse nt": "from rdflib import Graph; Graph().parse(P, format='nt')",
    "rdflib serialize nt": "from rdflib import Graph; g=Graph().parse(P, format='nt'); import time; t=time.perf_counter(); g.serialize(format='nt'); print('T', time.perf_counter()-t)",
    "rdflib serialize ttl": "from rdflib import Graph; g=Graph().parse(P, format='nt'); import time; t=time.perf_counter(); g.serialize(format='turtle'); print('T', time.perf_counter()-t)",
    "pyoxigraph parse nt": "import pyoxigraph as ox; s=ox.Store(); s.bulk_load(path=P, format=ox.RdfFormat.N_TRIPLES)",
    "pyoxigraph serialize nt": "import pyoxigraph as ox, time; s=ox.Store(); s.bulk_load(path=P, format=ox.RdfFormat.N_TRIPLES); t=time.perf_counter(); s.dump(format=ox.RdfFormat.N_QUADS); print('T', time.perf_counter()-t)",
    "pyoxigraph serialize ttl": "import pyoxigraph as ox, time; s=ox.Store(); s.bulk_load(path=P, format=ox.RdfFormat.N_TRIPLES); t=time.perf_counter(); s.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()); print('T', time.perf_counter()-t)",
    "pyshacl validate": "from rdflib import Graph; from histkg.validate import validate; g=Graph().parse(P, format='nt'); import time; t=time.perf_counter(); r=validate(g); print('T', time.perf_counter()-t); print('C', r.conforms)",
    "jena shacl validate": "JENA",
    "rdflib query": "from rdflib import Graph; g=Graph().parse(P, format='nt'); import time; t=time.perf_counter(); n=len(list(g.query(Q))); print('T', time.perf_counter()-t)",
    "oxigraph query": "import pyoxigraph as ox, time; s=ox.Store(); s.bulk_load(path=P, format=ox.RdfFormat.N_TRIPLES); t=time.perf_counter(); n=len(list(s.query(Q))); print('T', time.perf_counter()-t)",
}


PEAK = "\nimport resource; print('M', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"


def run_step(name: str, path: Path, timeout: float) -> dict[str, object]:
    if STEPS[name] == "JENA":
        sys.path.insert(0, str(ROOT))
        from tests import jena

        if jena.available():
            return {"status": "skipped", "why": jena.available()}
        java = [
            "java",
            "-Xmx8g",
            "-cp",
            jena.classpath(),
            "shacl.shacl",
            "validate",
            "--shapes",
            str(ROOT / "shapes" / "histkg-shapes.ttl"),
            "--data",
            str(path),
        ]
        wrapper = (
            f"import subprocess, sys, resource\nr = subprocess.run({java!r}, capture_output=True, text=True)\n"
            "print(r.stdout)\nprint('M', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
            "sys.exit(r.returncode)"
        )
        argv = [sys.executable, "-c", wrapper]
    else:
        code = f"P={str(path)!r}; Q={QUERY!r}\n" + STEPS[name]
        argv = [sys.executable, "-c", code + PEAK]
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return {"status": "timeout", "seconds": timeout}
    wall = time.perf_counter() - start
    if process.returncode != 0:
        return {"status": "error", "error": err.strip().splitlines()[-1:] if err else ""}
    timed = [float(line[2:]) for line in out.splitlines() if line.startswith("T ")]
    peak = [int(line[2:]) for line in out.splitlines() if line.startswith("M ")]
    result: dict[str, object] = {"status": "ok", "wall_s": round(wall, 3)}
    if peak:
        result["peak_rss_mb"] = round(peak[-1] / 1024)
    if timed:
        result["timed_s"] = round(timed[0], 3)
    if "sh:conforms  false" in out or "\nC False" in out:
        result["conforms"] = False
    return result


def server_load(path: Path, timeout: float) -> dict[str, object]:
    binary = Path(sys.executable).with_name("oxigraph")
    if not binary.exists():
        return {"status": "skipped", "why": "oxigraph server not installed"}
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    location = Path(tempfile.mkdtemp())
    server = subprocess.Popen(
        [str(binary), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        data = path.read_bytes()
        start = time.perf_counter()
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/store?default",
            data=data,
            method="POST",
            headers={"Content-Type": "application/n-triples"},
        )
        urllib.request.urlopen(request, timeout=timeout)
        wall = time.perf_counter() - start
        return {"status": "ok", "wall_s": round(wall, 3)}
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(location, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    report: dict[str, object] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
        },
        "results": {},
    }
    results: dict[str, dict[str, object]] = report["results"]  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"synthetic-{size}.nt"
            n = generate(size, path)
            row: dict[str, object] = {"triples": n}
            for name in STEPS:
                row[name] = run_step(name, path, args.timeout)
                if not args.quiet:
                    print(f"{n:>9} {name:<26} {row[name]}", flush=True)
            row["oxigraph server load"] = server_load(path, args.timeout)
            if not args.quiet:
                print(
                    f"{n:>9} {'oxigraph server load':<26} {row['oxigraph server load']}", flush=True
                )
            results[str(size)] = row
            args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
