"""Whether each result of the core shapes for a focus node depends only on that node's own
triples and the types of their objects: the condition of the result cache.

Read from pySHACL 0.40's evaluation of each constraint component (``constraints/core``):

* targets: ``sh:targetClass`` reads the node's ``rdf:type`` (and the data's
  ``rdfs:subClassOf``), ``sh:targetSubjectsOf`` its predicates, ``sh:targetNode`` nothing;
  ``sh:targetObjectsOf`` reads triples *into* the node and is refused;
* a node shape's value node is the node itself; a property shape whose path is one IRI
  has as value nodes the objects of the node's own triples with that predicate (any other
  path reaches further and is refused); ``sh:minCount``, ``sh:maxCount``,
  ``sh:uniqueLang``, ``sh:equals``, ``sh:disjoint``, ``sh:lessThan(OrEquals)`` count or
  compare those;
* ``sh:datatype``, ``sh:nodeKind``, ``sh:languageIn``, ``sh:pattern``, ``sh:in``,
  ``sh:hasValue``, the length and range constraints read the value term alone;
* ``sh:class`` reads the value's ``rdf:type`` and the data's ``rdfs:subClassOf``
  (``transitive_objects``);
* ``sh:or``, ``sh:and``, ``sh:xone``, ``sh:not``, ``sh:node`` validate other shapes on
  the same value nodes: allowed when those shapes read no further (a value's own
  properties, a ``sh:property`` under a value, are refused).

Anything else (SPARQL, ``sh:closed``, qualified shapes, an unknown parameter) is refused:
the shapes are then validated without the cache.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

SH = Namespace("http://www.w3.org/ns/shacl#")

#: what names, describes or selects a shape, read from the shapes alone
META = frozenset(
    {
        RDF.type,
        RDFS.label,
        RDFS.comment,
        SH.message,
        SH.severity,
        SH.deactivated,
        SH.name,
        SH.description,
        SH.order,
        SH.group,
        SH.defaultValue,
        SH.declare,
        SH.prefixes,
        SH.targetClass,
        SH.targetNode,
        SH.targetSubjectsOf,
    }
)
#: constraints on the value term alone
TERM = frozenset(
    {
        SH.datatype,
        SH.nodeKind,
        SH.languageIn,
        SH.pattern,
        SH.flags,
        SH["in"],
        SH.hasValue,
        SH.minLength,
        SH.maxLength,
        SH.minInclusive,
        SH.maxInclusive,
        SH.minExclusive,
        SH.maxExclusive,
    }
)
#: constraints of a property shape over the focus node's own values of its path
OWN_VALUES = frozenset(
    {
        SH.path,
        SH.minCount,
        SH.maxCount,
        SH.uniqueLang,
    }
)
#: constraints that compare the values of the node's own triples of two properties
PAIRS = frozenset({SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals})
#: constraints that validate other shapes on the same value nodes
NESTED_ONE = (SH.node, SH["not"])
NESTED_LIST = (SH["or"], SH["and"], SH.xone)


def not_local(shapes: Graph) -> str | None:
    """Why some core shape reads more of the data than a focus node's own triples and the
    types of their objects; ``None`` when none does."""
    if any(True for _ in shapes.triples((None, SH.targetObjectsOf, None))):
        return "sh:targetObjectsOf selects a node by the triples into it"
    targets = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf)
    holders = {s for p in targets for s in shapes.subjects(p, None)}
    for holder in sorted(holders, key=str):
        why = _reads_more(shapes, holder, 0, set())
        if why is not None:
            return f"{holder}: {why}"
    return None


def _reads_more(shapes: Graph, shape: Node, level: int, seen: set[tuple[Node, int]]) -> str | None:
    """Why ``shape`` evaluated on a node ``level`` steps from the focus node (0: the
    focus node, 1: one of its values) reads beyond that node's own triples (at level 0)
    or its types (at level 1); ``None`` if it does not."""
    if (shape, level) in seen:
        return None
    seen.add((shape, level))
    path = shapes.value(shape, SH.path)
    if path is not None and level > 0:
        return "a property shape on a value reads the value's own triples"
    if path is not None and not isinstance(path, URIRef):
        return "a property path other than one IRI reads beyond the node's own triples"
    values = level + 1 if path is not None else level
    for p, o in shapes.predicate_objects(shape):
        if p in META or p in TERM:
            continue
        if p in PAIRS:
            if level > 0:
                return f"{p} on a value compares the value's own triples"
            continue
        if p in OWN_VALUES:
            if path is None:
                return f"{p} on a node shape"
            continue
        if p == SH["class"]:
            if values > 1:
                return "sh:class of a value's value"
            continue
        nested: list[Node]
        if p == SH.property:
            nested = [o]
        elif p in NESTED_ONE:
            nested = [o]
        elif p in NESTED_LIST:
            nested = list(Collection(shapes, o))
        else:
            return f"{p} is not known to read only the node's own triples"
        for inner in nested:
            why = _reads_more(shapes, inner, values, seen)
            if why is not None:
                return why
    return None
