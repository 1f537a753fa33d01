"""SHACL-SPARQL constraints evaluated by Oxigraph, the rest of the shapes by pySHACL.

pySHACL answers a ``sh:sparql`` constraint with rdflib's SPARQL engine, once per focus node,
and that is most of its time on a built graph. The shapes are split in two: the core
constraints run on the rdflib graph as before; the shapes that carry ``sh:sparql`` run,
with only their targets and their SPARQL constraints, on an ``oxrdflib`` graph whose
queries Oxigraph evaluates natively (pre-bound ``$this`` becomes Oxigraph's
``substitutions``, which is SHACL's pre-binding). Both runs are pySHACL's own, so the
merged report is the one pySHACL alone would give (``tests/test_validate_split.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

SH = Namespace("http://www.w3.org/ns/shacl#")

#: what a shape keeps in the SPARQL half: what selects its focus nodes and shapes its results
KEPT = frozenset(
    {
        RDF.type,
        SH.targetClass,
        SH.targetNode,
        SH.targetSubjectsOf,
        SH.targetObjectsOf,
        SH.severity,
        SH.deactivated,
        SH.message,
        SH.sparql,
        SH.path,
    }
)
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def _describe(source: Graph, node: Node, into: Graph, seen: set[Node]) -> None:
    """Copy ``node``'s triples, following blank nodes and ``sh:prefixes`` declarations."""
    if node in seen:
        return
    seen.add(node)
    for s, p, o in source.triples((node, None, None)):
        into.add((s, p, o))
        if isinstance(o, BNode) or p == SH.prefixes:
            _describe(source, o, into, seen)


def split_shapes(shapes: Graph) -> tuple[Graph, Graph] | None:
    """The shapes without their ``sh:sparql`` constraints, and the shapes that carry one
    with only their targets and those constraints; ``None`` when the split would not give
    pySHACL's own report (no SPARQL constraint, or one on a shape without a target of its
    own, reached only through another shape)."""
    holders = sorted(set(shapes.subjects(SH.sparql, None)), key=str)
    if not holders:
        return None
    if any(not any(shapes.value(h, t) is not None for t in TARGETS) for h in holders):
        return None
    core, sparql = Graph(), Graph()
    for graph in (core, sparql):  # messages name nodes with the shapes' prefixes
        for prefix, namespace in shapes.namespaces():
            graph.bind(prefix, namespace, override=True, replace=True)
    for triple in shapes.triples((None, None, None)):
        if triple[1] != SH.sparql:
            core.add(triple)
    seen: set[Node] = set()
    for holder in holders:
        for s, p, o in shapes.triples((holder, None, None)):
            if p not in KEPT:
                continue
            sparql.add((s, p, o))
            if isinstance(o, BNode) or p == SH.sparql:
                _describe(shapes, o, sparql, seen)
    return core, sparql


def _ox_term(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    raise TypeError(f"not an RDF term: {node!r}")


class CountingStore(OxigraphStore):
    """An ``OxigraphStore`` that counts its triples with Oxigraph's own count.

    oxrdflib counts a graph with a SPARQL ``COUNT(DISTINCT ...)`` over every triple, and
    pySHACL asks three times, only to see that the graph is not empty (``if impl``): 2.2 of
    the 3 s of the SPARQL pass at 100k triples. Every triple of the copy is in its default
    graph, so the store's number of quads is the number of triples.
    """

    def __init__(self, store: ox.Store) -> None:
        super().__init__(store=store)
        self._quads = store

    def __len__(self, context: Graph | None = None) -> int:
        return len(self._quads)


def oxigraph_copy(data: Graph) -> Graph:
    """``data`` in an Oxigraph store behind rdflib's Graph API (each term converted once)."""
    cache: dict[Node, ox.NamedNode | ox.BlankNode | ox.Literal] = {}

    def term(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        found = cache.get(node)
        if found is None:
            found = cache[node] = _ox_term(node)
        return found

    store = ox.Store()
    store.bulk_extend(
        ox.Quad(term(s), term(p), term(o))  # type: ignore[arg-type]
        for s, p, o in data
    )
    return Graph(store=CountingStore(store), identifier=DATASET_DEFAULT_GRAPH_ID)


def merge_reports(first: Graph, second: Graph) -> Graph:
    """One validation report holding the results of both."""
    merged = Graph()
    report = first.value(predicate=RDF.type, object=SH.ValidationReport)
    other = second.value(predicate=RDF.type, object=SH.ValidationReport)
    if report is None or other is None:
        raise ValueError("pySHACL gave a report graph without a sh:ValidationReport")
    conforms = all(
        bool(value.toPython())
        for graph, node in ((first, report), (second, other))
        for value in graph.objects(node, SH.conforms)
        if isinstance(value, Literal)
    )
    for s, p, o in _triples(first):
        if not (s == report and p == SH.conforms):
            merged.add((s, p, o))
    merged.add((report, SH.conforms, Literal(conforms)))
    for s, p, o in _triples(second):
        if s != other:
            merged.add((s, p, o))
        elif p == SH.result:
            merged.add((report, p, o))
    return merged


def _triples(graph: Graph) -> Iterable[tuple[Node, Node, Node]]:
    return graph.triples((None, None, None))
