"""The split validation (core shapes by pySHACL on rdflib, ``sh:sparql`` constraints by
pySHACL on an Oxigraph-backed graph) gives the report pySHACL alone gives: on the seed
build and on every broken graph of ``tests/test_mutations.py``; in one process and with
the core shapes in shards of their focus nodes in two forked processes
(``validate/shards.py``), the same bytes once serialized."""

from __future__ import annotations

import pytest
from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_canonical_graph, to_isomorphic

from histkg.serialize import to_turtle
from histkg.validate import SH, load_shapes, validate
from histkg.validate.shards import shard_shapes
from histkg.validate.sparql import split_shapes
from tests.test_mutations import FAULTS, GRAPH, PREFIXES


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    return Graph().parse(GRAPH, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def pyshacl_alone(data: Graph, shapes: Graph) -> Graph:
    _conforms, report, _text = shacl_validate(
        data, shacl_graph=shapes, inference="none", advanced=True, inplace=False
    )
    assert isinstance(report, Graph)
    return report


def serialized(report: Graph) -> bytes:
    """A report as histkg writes it (``shacl-report.ttl``: blank nodes named by content)."""
    graph = Graph()
    graph.bind("sh", SH)
    for triple in to_canonical_graph(report):
        graph.add(triple)
    return to_turtle(graph)


def assert_same_report(data: Graph, shapes: Graph, jobs: tuple[int, ...] = (1, 2)) -> None:
    """``validate`` with each number of ``jobs`` gives pySHACL's own report (the same
    graph, and the same bytes written as histkg writes a report)."""
    theirs = pyshacl_alone(data, shapes)
    split = split_shapes(shapes)
    assert split is not None
    for n in jobs:
        assert n == 1 or shard_shapes(data, split[0], n) is not None, "not sharded"
        ours = validate(data, shapes, jobs=n).graph
        if not isomorphic(ours, theirs):
            _both, only_ours, only_theirs = graph_diff(to_isomorphic(ours), to_isomorphic(theirs))
            pytest.fail(
                f"reports differ (jobs={n})\nonly in the split report:\n"
                + only_ours.serialize(format="nt")
                + "\nonly in pySHACL's:\n"
                + only_theirs.serialize(format="nt")
            )
        assert to_turtle(ours) == serialized(theirs), f"same graph, other bytes (jobs={n})"


def test_validate_split_applies_to_the_project_shapes(shapes: Graph) -> None:
    split = split_shapes(shapes)
    assert split is not None
    core, sparql = split
    assert not set(core.triples((None, SH.sparql, None)))
    assert set(sparql.triples((None, SH.sparql, None))) == set(
        shapes.triples((None, SH.sparql, None))
    )


def test_validate_split_same_report_on_the_seed_build(seed_graph: Graph, shapes: Graph) -> None:
    assert_same_report(seed_graph, shapes, jobs=(1, 2, 3))


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_validate_split_same_report_on_a_broken_graph(
    fault: str, seed_graph: Graph, shapes: Graph
) -> None:
    broken = Graph()
    for triple in seed_graph:
        broken.add(triple)
    broken.update(PREFIXES + FAULTS[fault][0])
    report = validate(broken, shapes)
    assert not report.conforms
    assert_same_report(broken, shapes)


def test_validate_split_falls_back_for_an_untargeted_sparql_shape(shapes: Graph) -> None:
    nested = Graph()
    for triple in shapes:
        nested.add(triple)
    holder = BNode()
    nested.add((URIRef("https://example.org/shape"), SH.property, holder))
    nested.add((holder, SH.path, URIRef("https://example.org/p")))
    nested.add((holder, SH.sparql, URIRef("https://w3id.org/histkg/shapes#NoOneVotesBothWays")))
    assert split_shapes(nested) is None
