"""The shapes catch every kind of broken graph (issue 10): each fault below is injected
into the seed build's graph (the committed ``output/graph.ttl``), and ``histkg validate``
must exit 1 on every one, naming the shape that caught it where a new shape is the one.

A fault is a SPARQL Update; its focus nodes are picked in IRI order, so every run breaks
the same nodes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from histkg.cli import main
from histkg.errors import EXIT_OK, EXIT_VIOLATIONS
from tests.conftest import ROOT

GRAPH = ROOT / "output" / "graph.ttl"
PREFIXES = """
PREFIX hkg: <https://w3id.org/histkg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
NOBODY = "<https://w3id.org/histkg/id/person/nobody-at-all>"


def first(var: str, pattern: str) -> str:
    """A sub-select of the first ``?var`` (in IRI order) that matches ``pattern``."""
    return f"{{ SELECT ?{var} WHERE {{ {pattern} }} ORDER BY STR(?{var}) LIMIT 1 }}"


def also_a(cls: str, other: str) -> str:
    """The first node of class ``cls`` typed ``other`` too."""
    return f"INSERT {{ ?x a hkg:{other} }} WHERE {first('x', f'?x a hkg:{cls}')}"


def refill(subject_cls: str, prop: str, filler_cls: str) -> str:
    """The ``prop`` of the first ``subject_cls`` node that has one: the first node of
    ``filler_cls`` instead."""
    return (
        f"DELETE {{ ?x hkg:{prop} ?old }} INSERT {{ ?x hkg:{prop} ?new }} WHERE {{"
        f" {first('x', f'?x a hkg:{subject_cls} ; hkg:{prop} ?any')}"
        f" ?x hkg:{prop} ?old . {first('new', f'?new a hkg:{filler_cls}')} }}"
    )


def wrong_subject(cls: str, prop: str, filler_cls: str) -> str:
    """The first ``cls`` node given ``prop`` (a property of another kind of thing)."""
    return (
        f"INSERT {{ ?x hkg:{prop} ?y }} WHERE {{ {first('x', f'?x a hkg:{cls}')}"
        f" {first('y', f'?y a hkg:{filler_cls}')} }}"
    )


#: fault kind -> (SPARQL Update, a fragment of the violation it must cause, or "")
FAULTS: dict[str, tuple[str, str]] = {
    # nothing is two kinds of thing
    "person is also an event": (also_a("Person", "Event"), "kinds of things are disjoint"),
    "person is also an organization": (
        also_a("Person", "Organization"),
        "kinds of things are disjoint",
    ),
    "event is also an office": (also_a("Event", "Office"), "kinds of things are disjoint"),
    "office is also a place": (also_a("Office", "Place"), "kinds of things are disjoint"),
    "organization is also a place": (
        also_a("Organization", "Place"),
        "kinds of things are disjoint",
    ),
    "place is also a person": (also_a("Place", "Person"), "kinds of things are disjoint"),
    "tenure is also an event": (also_a("Tenure", "Event"), "kinds of things are disjoint"),
    # hkg:partOf never makes a cycle
    "event part of itself": (
        f"INSERT {{ ?x hkg:partOf ?x }} WHERE {first('x', '?x a hkg:Event')}",
        "is part of itself",
    ),
    "cycle of two events": (
        f"INSERT {{ ?b hkg:partOf ?a }} WHERE {{ {first('a', '?a hkg:partOf ?b0')} ?a hkg:partOf ?b }}",
        "is part of itself",
    ),
    "cycle of three events": (
        "INSERT { ?b hkg:partOf ?c . ?c hkg:partOf ?a } WHERE {"
        f" {first('a', '?a hkg:partOf ?b0')} ?a hkg:partOf ?b ."
        f" {first('c', '?c a hkg:Event FILTER NOT EXISTS { ?c hkg:partOf|^hkg:partOf ?any }')}"
        " }",
        "is part of itself",
    ),
    # dates in order, of the right type, one kind of date per event
    "event ends before it starts": (
        "DELETE { ?x hkg:date ?d } INSERT { ?x hkg:startDate '1957-06-29'^^xsd:date ;"
        " hkg:endDate '1957-06-18'^^xsd:date } WHERE {"
        f" {first('x', '?x a hkg:Event ; hkg:date ?any')} ?x hkg:date ?d }}",
        "is before startDate",
    ),
    "tenure ends before it starts": (
        "DELETE { ?x hkg:startDate ?s . ?x hkg:endDate ?e }"
        " INSERT { ?x hkg:startDate '1960'^^xsd:gYear ; hkg:endDate '1950'^^xsd:gYear }"
        f" WHERE {{ {first('x', '?x a hkg:Tenure')}"
        " OPTIONAL { ?x hkg:startDate ?s } OPTIONAL { ?x hkg:endDate ?e } }",
        "is before startDate",
    ),
    "event with a date and a start date": (
        "INSERT { ?x hkg:startDate ?d } WHERE {"
        f" {first('x', '?x a hkg:Event ; hkg:date ?any')} ?x hkg:date ?d }}",
        "has both a date and a start or end date",
    ),
    "date that does not exist": (
        "DELETE { ?x hkg:date ?d } INSERT { ?x hkg:date '1957-02-31'^^xsd:date } WHERE {"
        f" {first('x', '?x a hkg:Event ; hkg:date ?any')} ?x hkg:date ?d }}",
        "",
    ),
    "date as a plain string": (
        "DELETE { ?x hkg:date ?d } INSERT { ?x hkg:date '29 June 1957' } WHERE {"
        f" {first('x', '?x a hkg:Event ; hkg:date ?any')} ?x hkg:date ?d }}",
        "",
    ),
    # every role filler of the right class
    "agent is a place": (refill("Event", "agent", "Place"), ""),
    "affected is an office": (refill("Event", "affected", "Office"), ""),
    "participant is a literal": (
        "DELETE { ?x hkg:participant ?old } INSERT { ?x hkg:participant 'someone' } WHERE {"
        f" {first('x', '?x a hkg:Event ; hkg:participant ?any')} ?x hkg:participant ?old }}",
        "",
    ),
    "affected is a thing of no kind": (
        f"INSERT {{ ?x hkg:affected {NOBODY} }} WHERE {first('x', '?x a hkg:Event')}",
        "",
    ),
    "holder is an organization": (refill("Tenure", "holder", "Organization"), ""),
    "tenure's office is a person": (refill("Tenure", "office", "Person"), ""),
    "event's organization is a person": (refill("Event", "organization", "Person"), ""),
    "event's place is a person": (wrong_subject("Event", "place", "Person"), ""),
    "voted for by an organization": (refill("Vote", "votedFor", "Organization"), ""),
    "leader is a place": (refill("Organization", "leader", "Place"), ""),
    "member is an event": (refill("Organization", "member", "Event"), ""),
    "country is an organization": (refill("Organization", "country", "Organization"), ""),
    "part of an office": (refill("Event", "partOf", "Office"), ""),
    "started by a person": (refill("Tenure", "startedBy", "Person"), ""),
    "predecessor is an organization": (refill("Tenure", "predecessor", "Organization"), ""),
    "evidence is a person": (refill("Person", "evidence", "Person"), ""),
    "span's document is a person": (refill("TextSpan", "document", "Person"), ""),
    "document cites a person": (refill("Document", "cites", "Person"), ""),
    # every role on the right kind of subject
    "person holds a tenure's holder": (
        wrong_subject("Person", "holder", "Person"),
        "none of the kinds that property is for",
    ),
    "person is part of an event": (
        wrong_subject("Person", "partOf", "Event"),
        "none of the kinds that property is for",
    ),
    "organization has an agent": (
        wrong_subject("Organization", "agent", "Person"),
        "none of the kinds that property is for",
    ),
    "office has a leader": (
        wrong_subject("Office", "leader", "Person"),
        "none of the kinds that property is for",
    ),
    # labels, spans, votes, documents
    "second English label": (
        f"INSERT {{ ?x rdfs:label 'Another name'@en }} WHERE {first('x', '?x a hkg:Person')}",
        "",
    ),
    "label missing": (
        f"DELETE {{ ?x rdfs:label ?l }} WHERE {{ {first('x', '?x a hkg:Person')} ?x rdfs:label ?l }}",
        "",
    ),
    "quote longer than its offsets": (
        "DELETE { ?x hkg:quote ?q } INSERT { ?x hkg:quote ?longer } WHERE {"
        f" {first('x', '?x a hkg:TextSpan')} ?x hkg:quote ?q BIND(CONCAT(?q, '!') AS ?longer) }}",
        "",
    ),
    "span ends before it begins": (
        "DELETE { ?x hkg:begin ?b . ?x hkg:end ?e . ?x hkg:quote ?q }"
        " INSERT { ?x hkg:begin 10 ; hkg:end 5 ; hkg:quote '' } WHERE {"
        f" {first('x', '?x a hkg:TextSpan')} ?x hkg:begin ?b ; hkg:end ?e ; hkg:quote ?q }}",
        "",
    ),
    "someone votes both ways": (
        "INSERT { ?v hkg:votedAgainst ?p } WHERE {"
        f" {first('v', '?v hkg:votedFor ?any')} ?v hkg:votedFor ?p }}",
        "voting both for and against",
    ),
    "negative vote count": (
        f"INSERT {{ ?x hkg:votesAgainst -3 }} WHERE {first('x', '?x a hkg:Vote')}",
        "",
    ),
    "kind of event without hkg:Event": (
        "DELETE { ?x a hkg:Event } WHERE {"
        f" {first('x', '?x a hkg:Event ; a ?kind FILTER(?kind != hkg:Event)')} }}",
        "",
    ),
    "document digest malformed": (
        "DELETE { ?x hkg:sha256 ?d } INSERT { ?x hkg:sha256 'not-a-digest' } WHERE {"
        f" {first('x', '?x a hkg:Document')} ?x hkg:sha256 ?d }}",
        "",
    ),
}


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    return Graph().parse(GRAPH, format="turtle")


def validate(graph: Graph, tmp_path: Path) -> tuple[int, str]:
    path = tmp_path / "graph.ttl"
    graph.serialize(path, format="turtle")
    result = CliRunner().invoke(main, ["validate", str(path)])
    return result.exit_code, result.output


def test_mutations_seed_graph_conforms(seed_graph: Graph, tmp_path: Path) -> None:
    code, output = validate(seed_graph, tmp_path)
    assert code == EXIT_OK, output


def test_mutations_cover_every_fault_kind() -> None:
    assert len(FAULTS) >= 40


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_mutations_validate_exits_1(fault: str, seed_graph: Graph, tmp_path: Path) -> None:
    update, caught_by = FAULTS[fault]
    broken = Graph()
    for triple in seed_graph:
        broken.add(triple)
    broken.update(PREFIXES + update)
    assert set(broken) != set(seed_graph), "the fault changed nothing"
    code, output = validate(broken, tmp_path)
    assert code == EXIT_VIOLATIONS, output
    assert caught_by in output


def test_mutations_shapes_that_pyshacl_refuses_are_one_line_exit_2(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes"
    shapes.mkdir()
    (shapes / "s.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<urn:s> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:sparql [ sh:select"
        ' "SELECT $this WHERE { VALUES ?v { 1 } }" ] .\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", str(GRAPH), "--shapes", str(shapes)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "not valid SHACL" in lines[0], result.output
