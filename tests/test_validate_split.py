"""The split validation (core shapes by pySHACL on rdflib, ``sh:sparql`` constraints by
pySHACL on an Oxigraph-backed graph) gives the report pySHACL alone gives: on the seed
build and on every broken graph of ``tests/test_mutations.py``."""

from __future__ import annotations

import pytest
from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from histkg.validate import SH, load_shapes, validate
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


def assert_same_report(data: Graph, shapes: Graph) -> None:
    ours = validate(data, shapes).graph
    theirs = pyshacl_alone(data, shapes)
    if not isomorphic(ours, theirs):
        _both, only_ours, only_theirs = graph_diff(to_isomorphic(ours), to_isomorphic(theirs))
        pytest.fail(
            "reports differ\nonly in the split report:\n"
            + only_ours.serialize(format="nt")
            + "\nonly in pySHACL's:\n"
            + only_theirs.serialize(format="nt")
        )


def test_validate_split_applies_to_the_project_shapes(shapes: Graph) -> None:
    split = split_shapes(shapes)
    assert split is not None
    core, sparql = split
    assert not set(core.triples((None, SH.sparql, None)))
    assert set(sparql.triples((None, SH.sparql, None))) == set(
        shapes.triples((None, SH.sparql, None))
    )


def test_validate_split_same_report_on_the_seed_build(seed_graph: Graph, shapes: Graph) -> None:
    assert_same_report(seed_graph, shapes)


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
