"""Statements -> an rdflib ``Dataset``: one named graph per document. The only place
that adds triples."""

from __future__ import annotations

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


def assemble(resolution: Resolution, base: str = DEFAULT_BASE) -> tuple[Dataset, dict[Ref, str]]:
    """Build the dataset; returns it with the IRI of every resolved thing."""
    refs: set[Ref] = set()
    for s in resolution.statements:
        refs.add(s.subject)
        if isinstance(s.value, Ref):
            refs.add(s.value)
        refs.add(Ref("document", s.doc))
    iris = mint(refs, resolution.names, base)
    dataset = Dataset()
    for prefix, ns in PREFIXES.items():
        dataset.bind(prefix, ns, override=True, replace=True)
    graphs: dict[str, Graph] = {}
    terms: dict[object, Node] = {}  # one term per IRI or value: most recur many times
    for statement in resolution.statements:
        graph = graphs.get(statement.doc)
        if graph is None:
            graph = dataset.graph(URIRef(iris[Ref("document", statement.doc)]))
            graphs[statement.doc] = graph
        graph.add(_triple(statement, iris, terms))
    return dataset, iris


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


def merged_graph(dataset: Dataset) -> Graph:
    """The union of every document's graph."""
    merged = Graph()
    for prefix, ns in PREFIXES.items():
        merged.bind(prefix, ns, override=True, replace=True)
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged
