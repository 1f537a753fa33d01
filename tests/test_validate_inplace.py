"""Validation reads the built graph in place and leaves it as it was; shapes with SHACL
rules, which write inferred triples, still get a copy of it."""

from __future__ import annotations

from rdflib import Graph, URIRef

from histkg.validate import load_shapes, validate

DATA = """
@prefix ex: <https://example.org/id/> .
@prefix hkg: <https://w3id.org/histkg/ontology#> .
ex:p a hkg:Person .
"""

RULE_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/id/> .
@prefix hkg: <https://w3id.org/histkg/ontology#> .
ex:Rule a sh:NodeShape ;
    sh:targetClass hkg:Person ;
    sh:rule [ a sh:TripleRule ; sh:subject sh:this ;
              sh:predicate ex:inferred ; sh:object ex:yes ] .
"""


def triples(graph: Graph) -> set[tuple[object, object, object]]:
    return set(graph)


def test_validation_leaves_the_data_graph_unchanged() -> None:
    data = Graph().parse(data=DATA, format="turtle")
    before = triples(data)
    report = validate(data, load_shapes())
    assert not report.conforms  # the person has no label: pySHACL did look at the graph
    assert triples(data) == before


def test_shapes_with_rules_validate_a_copy() -> None:
    data = Graph().parse(data=DATA, format="turtle")
    before = triples(data)
    report = validate(data, Graph().parse(data=RULE_SHAPES, format="turtle"))
    assert report.conforms
    assert triples(data) == before
    assert (None, URIRef("https://example.org/id/inferred"), None) not in data
