"""Every output parses with independent implementations (Apache Jena's riot, pyld), and
Jena's SHACL engine agrees with pySHACL on the seed build and on crafted bad graphs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Namespace

from histkg import BuildResult
from tests import jena
from tests.conftest import ROOT, assert_isomorphic
from tests.test_shapes import CASES, PREFIXES

SH = Namespace("http://www.w3.org/ns/shacl#")
needs_jena = pytest.mark.skipif(jena.available() is not None, reason=str(jena.available()))
RIOT_SYNTAX = {".ttl": [], ".nt": [], ".nq": [], ".trig": [], ".jsonld": ["--syntax=jsonld10"]}


@needs_jena
@pytest.mark.parametrize(
    "name", ["graph.ttl", "graph.nt", "graph.nq", "graph.trig", "graph.jsonld", "shacl-report.ttl"]
)
def test_independent_riot_validates_every_output_file(name: str) -> None:
    path = ROOT / "output" / name
    result = jena.run("riot", "--validate", *RIOT_SYNTAX[path.suffix], str(path))
    assert result.returncode == 0, result.stderr
    assert "ERROR" not in result.stderr and "WARN" not in result.stderr, result.stderr


@needs_jena
@pytest.mark.parametrize(("name", "unit"), [("graph.nt", "triples"), ("graph.nq", "quads")])
def test_independent_riot_counts_match(seed_build: BuildResult, name: str, unit: str) -> None:
    result = jena.run("riot", "--count", str(ROOT / "output" / name))
    expected = len(seed_build.graph) if unit == "triples" else seed_build.stats["quads"]
    assert f"{unit.capitalize()} = {expected:,}" in result.stdout + result.stderr, result.stderr


def test_independent_pyld_expands_jsonld_to_the_same_triples(seed_build: BuildResult) -> None:
    from pyld import jsonld

    document = json.loads((ROOT / "output" / "graph.jsonld").read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(jsonld.expand(document), {"format": "application/n-quads"})
    # pyld lower-cases language tags ("ru-Latn" -> "ru-latn"); tags are case-insensitive
    assert_isomorphic(
        lower_tags(seed_build.graph), lower_tags(Graph().parse(data=nquads, format="nt"))
    )


def lower_tags(graph: Graph) -> Graph:
    from rdflib import Literal

    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.language:
            o = Literal(str(o), lang=o.language.lower())
        out.add((s, p, o))
    return out


def jena_report(data: Path, shapes: Path) -> Graph:
    result = jena.run("shacl", "validate", "--shapes", str(shapes), "--data", str(data))
    assert "ValidationReport" in result.stdout, result.stderr
    return Graph().parse(data=result.stdout, format="turtle")


def focus_nodes(report: Graph) -> set[str]:
    return {
        str(report.value(r, SH.focusNode)) for r in report.subjects(RDF.type, SH.ValidationResult)
    }


@needs_jena
def test_independent_jena_shacl_agrees_on_the_seed_build() -> None:
    report = jena_report(ROOT / "output" / "graph.ttl", ROOT / "shapes" / "histkg-shapes.ttl")
    assert (None, SH.conforms, None) in report
    assert (
        report.value(next(report.subjects(RDF.type, SH.ValidationReport)), SH.conforms).toPython()
        is True
    )


@needs_jena
@pytest.mark.parametrize("case", sorted(CASES))
def test_independent_jena_shacl_agrees_on_crafted_violations(tmp_path: Path, case: str) -> None:
    from histkg.validate import validate

    data = tmp_path / "bad.ttl"
    data.write_text(PREFIXES + CASES[case][0], encoding="utf-8")
    ours = validate(Graph().parse(data, format="turtle"))
    theirs = jena_report(data, ROOT / "shapes" / "histkg-shapes.ttl")
    assert not ours.conforms
    assert focus_nodes(theirs) == {v.focus_node for v in ours.violations}
    assert len(set(theirs.subjects(RDF.type, SH.ValidationResult))) == len(ours.violations)
