"""Outputs are byte-identical across runs and hash seeds, and parse back to the same graph."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from histkg import BuildResult, render
from histkg.serialize import RdfFormat
from tests.conftest import ROOT, SEEDS, assert_isomorphic


def build_with_seed(out: Path, seed: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run(
        [sys.executable, "-m", "histkg", "build", str(SEEDS), "--out", str(out), "--quiet"],
        check=True,
        env=env,
        cwd=ROOT,
    )
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def test_serialize_byte_identical_under_two_hash_seeds(tmp_path: Path) -> None:
    first = build_with_seed(tmp_path / "a", "1")
    second = build_with_seed(tmp_path / "b", "4242")
    assert set(first) == {
        "graph.ttl",
        "graph.nt",
        "graph.nq",
        "graph.trig",
        "graph.jsonld",
        "shacl-report.ttl",
    }
    assert (tmp_path / "a" / "store" / "store.source").is_file()
    for name in first:
        assert first[name] == second[name], f"{name} differs between hash seeds"


@pytest.mark.parametrize(
    ("fmt", "parser"),
    [(RdfFormat.TURTLE, "turtle"), (RdfFormat.NTRIPLES, "nt"), (RdfFormat.JSONLD, "json-ld")],
)
def test_serialize_round_trip_merged(seed_build: BuildResult, fmt: RdfFormat, parser: str) -> None:
    data = render(seed_build)[fmt.filename]
    assert_isomorphic(seed_build.graph, Graph().parse(data=data, format=parser))


@pytest.mark.parametrize(
    ("fmt", "parser"), [(RdfFormat.TRIG, "trig"), (RdfFormat.NQUADS, "nquads")]
)
def test_serialize_round_trip_named_graphs(
    seed_build: BuildResult, fmt: RdfFormat, parser: str
) -> None:
    data = render(seed_build)[fmt.filename]
    parsed = Dataset()
    parsed.parse(data=data, format=parser)
    names = {
        str(g.identifier)
        for g in seed_build.dataset.graphs()
        if str(g.identifier).startswith("http")
    }
    got = {str(g.identifier) for g in parsed.graphs() if str(g.identifier).startswith("http")}
    assert got == names and len(names) == 2
    for name in names:
        from rdflib import URIRef

        assert_isomorphic(seed_build.dataset.graph(URIRef(name)), parsed.graph(URIRef(name)))


def test_serialize_jsonld_uses_the_context(seed_build: BuildResult) -> None:
    import json

    data = json.loads(render(seed_build)[RdfFormat.JSONLD.filename])
    assert data["@context"]["holder"] == {"@id": "hkg:holder", "@type": "@id"}
    persons = [n for n in data["@graph"] if n.get("type") == "Person"]
    assert persons and all(isinstance(p["label"], str) for p in persons)


def test_serialize_committed_output_matches_a_fresh_build(seed_build: BuildResult) -> None:
    """output/ holds the build of seeds/: compared as graphs here, byte for byte in CI."""
    committed = Graph().parse(ROOT / "output" / "graph.ttl")
    assert_isomorphic(committed, seed_build.graph)


def test_serialize_trig_keeps_multiline_literals_intact() -> None:
    """A quote that spans lines (an infobox block) reads back byte for byte."""
    from rdflib import Dataset, Literal, URIRef

    from histkg.serialize import to_trig
    from histkg.vocab import HKG

    dataset = Dataset()
    graph = dataset.graph(URIRef("https://w3id.org/histkg/id/document/a"))
    quote = "Anna Berg\n- Office: Premier\n@prefix-like line"
    graph.add((URIRef("https://w3id.org/histkg/id/span/a-1-2"), HKG.quote, Literal(quote)))
    back = Dataset()
    back.parse(data=to_trig(dataset).decode("utf-8"), format="trig")
    assert [str(o) for _s, _p, o, _g in back.quads((None, None, None, None))] == [quote]
