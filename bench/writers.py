"""The writers of a build's files, timed on its output (issue 9, item 4): N-Triples and
N-Quads as histkg writes them (rdflib's rows, sorted) against pyoxigraph (each rdflib term
converted once, Oxigraph's serializer, lines sorted), and whether the bytes are the same;
then Turtle, TriG and JSON-LD for comparison. CPU seconds, the best of ``--repeat`` runs.

    .venv/bin/python bench/writers.py OUT_DIR --repeat 3

``OUT_DIR`` is the ``--out`` folder of a ``histkg build`` (it reads ``graph.nt`` and
``graph.nq``). Figures: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from histkg.serialize import to_jsonld, to_nquads, to_ntriples, to_trig, to_turtle
from histkg.validate.sparql import _ox_term

DEFAULT = URIRef("urn:x-rdflib:default")


def _converter() -> Callable[[Node], Any]:
    made: dict[Node, Any] = {}

    def term(node: Node) -> Any:
        found = made.get(node)
        if found is None:
            found = made[node] = _ox_term(node)
        return found

    return term


def _sorted_lines(data: bytes) -> bytes:
    return b"".join(sorted(data.splitlines(keepends=True)))


def oxigraph_ntriples(graph: Graph) -> bytes:
    term = _converter()
    triples: Iterable[Any] = (ox.Triple(term(s), term(p), term(o)) for s, p, o in graph)
    return _sorted_lines(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")


def oxigraph_nquads(dataset: Dataset) -> bytes:
    term = _converter()
    quads: Iterable[Any] = (
        ox.Quad(term(s), term(p), term(o), ox.NamedNode(str(g)))
        for s, p, o, g in dataset.quads((None, None, None, None))
        if g is not None and g != DEFAULT
    )
    return _sorted_lines(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")


def best(fn: Callable[[Any], bytes], arg: Any, repeat: int) -> tuple[float, bytes]:
    times, out = [], b""
    for _ in range(repeat):
        start = time.process_time()
        out = fn(arg)
        times.append(time.process_time() - start)
    return min(times), out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="a build's --out folder")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    graph = Graph().parse(args.out / "graph.nt", format="nt")
    dataset = Dataset()
    dataset.parse(args.out / "graph.nq", format="nquads")
    print(f"{len(graph):,} triples; load average {os.getloadavg()[0]:.2f}")
    pairs = (
        ("N-Triples", to_ntriples, oxigraph_ntriples, graph),
        ("N-Quads", to_nquads, oxigraph_nquads, dataset),
    )
    for name, ours, theirs, data in pairs:
        rdflib_s, expected = best(ours, data, args.repeat)
        ox_s, got = best(theirs, data, args.repeat)
        same = "same bytes" if got == expected else "other bytes"
        print(f"{name}: rdflib rows {rdflib_s:.2f} s, pyoxigraph {ox_s:.2f} s ({same})")
    for name, fn, data in (
        ("Turtle", to_turtle, graph),
        ("TriG", to_trig, dataset),
        ("JSON-LD", to_jsonld, graph),
    ):
        seconds, _ = best(fn, data, args.repeat)
        print(f"{name}: {seconds:.2f} s")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
