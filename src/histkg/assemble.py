"""Statements -> an rdflib ``Dataset``: one named graph per document. The only place
that adds triples."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from histkg.mint import DEFAULT_BASE, mint
from histkg.model import Date, Iri, Precision, Ref, Statement, Text
from histkg.resolve import Resolution
from histkg.vocab import HKG, PREFIXES, SCHEMA, SKOS

DATE_TYPES = {Precision.DAY: XSD.date, Precision.MONTH: XSD.gYearMonth, Precision.YEAR: XSD.gYear}
INTEGER_PROPS = {"begin", "end", "votesFor", "votesAgainst", "seatCount"}


def _literal(value: Text | Date | int) -> Literal:
    if isinstance(value, Date):
        return Literal(value.iso, datatype=DATE_TYPES[value.precision])
    if isinstance(value, int):
        return Literal(value, datatype=XSD.nonNegativeInteger)
    if value.lang:
        return Literal(value.value, lang=value.lang)
    return Literal(value.value)  # xsd:string (RDF 1.1 simple literal)


def _predicate(prop: str) -> URIRef:
    if prop == "type":
        return RDF.type
    if prop == "label":
        return RDFS.label
    if prop == "altLabel":
        return SKOS.altLabel
    if prop == "owlSameAs":
        return OWL.sameAs
    if prop == "schemaSameAs":
        return URIRef(SCHEMA.sameAs)
    return URIRef(HKG[prop])


Triple = tuple[Node, Node, Node]


@dataclass
class Assembly:
    """The IRI of every resolved thing and each document graph's triples (each once, in
    the order first stated) by the graph's name; the rdflib ``Dataset`` of those graphs is
    made the first time it is asked for.

    A build's merged graph and its writers read the triples from here: filling a
    ``Dataset`` and asking its store for the quads again (it works out every triple's
    graphs as it hands it over) cost about as much as all of them (docs/benchmarks.md).
    """

    iris: dict[Ref, str]
    triples: dict[str, list[Triple]]

    @cached_property
    def dataset(self) -> Dataset:
        """One named graph per document, in the order the documents were first stated."""
        dataset = Dataset()
        for prefix, ns in PREFIXES.items():
            dataset.bind(prefix, ns, override=True, replace=True)
        for name, triples in self.triples.items():
            graph = dataset.graph(URIRef(name))
            for triple in triples:
                graph.add(triple)
        return dataset


def assemble(resolution: Resolution, base: str = DEFAULT_BASE) -> Assembly:
    """The triples of each document's graph (each once)."""
    refs: set[Ref] = set()
    for s in resolution.statements:
        refs.add(s.subject)
        if isinstance(s.value, Ref):
            refs.add(s.value)
        refs.add(Ref("document", s.doc))
    iris = mint(refs, resolution.names, base)
    stated: dict[str, dict[Triple, None]] = {}  # by document: its triples, each once
    terms: dict[object, Node] = {}  # one term per IRI or value: most recur many times
    for statement in resolution.statements:
        triples = stated.get(statement.doc)
        if triples is None:
            triples = stated[statement.doc] = {}
        triples[_triple(statement, iris, terms)] = None
    named = {iris[Ref("document", doc)]: list(triples) for doc, triples in stated.items()}
    return Assembly(iris, named)


def _triple(
    statement: Statement, iris: dict[Ref, str], terms: dict[object, Node]
) -> tuple[Node, Node, Node]:
    subject = terms.get(statement.subject)
    if subject is None:
        subject = terms[statement.subject] = URIRef(iris[statement.subject])
    value = statement.value
    key = (statement.prop == "type", value)
    obj = terms.get(key)
    if obj is None:
        if statement.prop == "type":
            assert isinstance(value, Text)
            obj = URIRef(HKG[value.value])
        elif isinstance(value, Ref):
            obj = URIRef(iris[value])
        elif isinstance(value, Iri):
            obj = URIRef(value.value)
        else:
            obj = _literal(value)
        terms[key] = obj
    prop = terms.get(statement.prop)
    if prop is None:
        prop = terms[statement.prop] = _predicate(statement.prop)
    return subject, prop, obj


def merged_graph(assembly: Assembly) -> Graph:
    """The union of every document's graph (each triple added once)."""
    merged = Graph()
    for prefix, ns in PREFIXES.items():
        merged.bind(prefix, ns, override=True, replace=True)
    union: dict[Triple, None] = {}
    for triples in assembly.triples.values():
        union.update(dict.fromkeys(triples))
    for triple in union:
        merged.add(triple)
    return merged
