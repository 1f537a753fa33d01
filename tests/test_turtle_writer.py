"""The indexed Turtle writer gives rdflib's bytes: on the seed build and on graphs with
what the builds rarely hold (blank nodes, lists, long and odd literals, unbound and
clashing namespaces)."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from histkg import BuildResult
from histkg.serialize import IndexedTurtle, _bind, to_trig, to_turtle

EX = Namespace("http://example.org/ns#")
ID = Namespace("http://example.org/id/")
XSD_NS = Namespace("http://www.w3.org/2001/XMLSchema#")


def rdflib_turtle(graph: Graph) -> bytes:
    _bind(graph)
    return graph.serialize(format="turtle", encoding="utf-8")


def odd_graph() -> Graph:
    graph = Graph()
    person = ID["a"]
    graph.add((person, RDF.type, EX.Person))
    graph.add((person, RDFS.label, Literal('A "quoted" name\nover two lines', lang="en")))
    graph.add((person, EX.note, Literal("tab\there, back\\slash, ünïcødé")))
    graph.add((person, EX["count"], Literal(3, datatype=XSD_NS["integer"])))
    graph.add((person, EX.share, Literal("0.50", datatype=XSD_NS["decimal"])))
    graph.add((person, EX.flag, Literal(True)))
    graph.add((person, EX.born, Literal("1921", datatype=XSD_NS["gYear"])))
    graph.add((person, EX.odd, Literal("x", datatype=URIRef("http://other.example/dt#t"))))
    graph.add((person, URIRef("http://unbound.example/vocab/p"), ID["b"]))
    graph.add((person, EX["local.ending."], ID["c"]))
    graph.add((person, EX["with(paren)"], Literal("p")))
    inner = BNode("inner")
    graph.add((person, EX.span, inner))
    graph.add((inner, EX.begin, Literal(1)))
    graph.add((inner, EX.end, Literal(2)))
    shared = BNode("shared")
    graph.add((person, EX.seen, shared))
    graph.add((ID["b"], EX.seen, shared))
    graph.add((shared, EX.begin, Literal(5)))
    items = BNode("items")
    Collection(graph, items, [ID["b"], Literal("two"), ID["c"]])
    graph.add((person, EX.list, items))
    top = BNode("top")
    graph.add((top, RDF.type, EX.Report))
    graph.add((ID["cls"], RDF.type, RDFS.Class))
    graph.add((ID["b"], RDF.type, EX.Person))
    graph.add((ID["b"], EX.knows, person))
    return graph


def test_indexed_turtle_matches_rdflib_on_odd_graph() -> None:
    expected = rdflib_turtle(odd_graph())
    assert b"(" in expected and b"[" in expected and b'"""' in expected  # the cases are in
    assert to_turtle(odd_graph()) == expected


def test_indexed_turtle_matches_rdflib_on_seed_graph(seed_build: BuildResult) -> None:
    graph = Graph()
    for triple in seed_build.graph:
        graph.add(triple)
    assert to_turtle(graph) == rdflib_turtle(graph)


def test_indexed_turtle_matches_rdflib_on_shacl_report() -> None:
    report = Graph()
    result = BNode()
    report.add((BNode(), URIRef("http://www.w3.org/ns/shacl#result"), result))
    report.add((result, URIRef("http://www.w3.org/ns/shacl#focusNode"), ID["a"]))
    report.add((result, URIRef("http://www.w3.org/ns/shacl#resultMessage"), Literal("m")))
    assert to_turtle(report) == rdflib_turtle(report)


def trig_by_rdflib(dataset: Dataset) -> bytes:
    """Each named graph copied and written by rdflib (how TriG was written before)."""
    from histkg.vocab import PREFIXES

    out = [f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())]
    names = sorted(str(g.identifier) for g in dataset.graphs())
    for name in names:
        if name == "urn:x-rdflib:default":
            continue
        graph = Graph()
        _bind(graph)
        for triple in dataset.graph(URIRef(name)):
            graph.add(triple)
        lines = graph.serialize(format="turtle", encoding="utf-8").decode("utf-8").splitlines()
        while lines and (lines[0].startswith("@prefix") or not lines[0].strip()):
            lines.pop(0)
        statements = "\n".join(lines).strip("\n")
        out.append(f"\n<{name}> {{\n{statements}\n}}\n")
    return "".join(out).encode("utf-8")


@pytest.mark.parametrize("odd", [False, True])
def test_trig_in_one_pass_matches_graph_by_graph(seed_build: BuildResult, odd: bool) -> None:
    dataset = Dataset()
    if odd:
        for triple in odd_graph():
            dataset.graph(URIRef("http://example.org/doc/1")).add(triple)
        dataset.graph(URIRef("http://example.org/doc/0")).add((ID["z"], EX.p, ID["a"]))
    else:
        for quad in seed_build.dataset.quads((None, None, None, None)):
            dataset.add(quad)
    assert to_trig(dataset) == trig_by_rdflib(dataset)


def test_indexed_turtle_names_a_new_namespace_like_rdflib() -> None:
    graph = Graph(bind_namespaces="none")
    graph.add((ID["a"], URIRef("http://fresh.example/v#p"), URIRef("http://fresh.example/v#o")))
    graph.add((URIRef("http://fresh.example/v#s"), RDF.type, ID["t"]))
    fresh = Graph(bind_namespaces="none")
    for triple in graph:
        fresh.add(triple)
    expected = fresh.serialize(format="turtle", encoding="utf-8")
    assert b"ns1:" in expected  # rdflib made up a prefix for the predicate's namespace
    assert IndexedTurtle(graph, graph.triples((None, None, None))).render() == expected
