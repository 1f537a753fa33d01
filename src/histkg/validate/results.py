"""A validation report taken apart into its results, by focus node, and put back together
as one pySHACL run writes it.

pySHACL's report is a blank report node with ``sh:conforms`` and ``sh:result``s, each result
a blank node whose objects are terms of the data graph (``sh:focusNode``, ``sh:value``) or
of the shapes graph (``sh:sourceShape``, ``sh:resultPath`` …). A blank node of the shapes
graph (a property shape written in brackets) is copied into the report once, however many
results name it, under its own id, and the blank nodes inside it (an ``sh:or`` list) under
new ones (``clone_blank_node(keepid=True)``). Reports of several runs merged triple by
triple would hold one copy of such a shape per run; :func:`assemble` copies each once, as
one run does.

A result is kept as its (predicate, object) pairs; in the cache (:func:`encode`) a blank
node of the shapes graph is written by its name (:func:`histkg.validate.keys.bnode_names`),
which is the same for the same shapes in every build.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pyshacl.rdfutil.clone import clone_blank_node
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

SH = Namespace("http://www.w3.org/ns/shacl#")

#: one validation result: its predicates and objects, in a fixed order
Result = tuple[tuple[URIRef, Node], ...]


def by_focus(report: Graph) -> dict[Node, list[Result]]:
    """The results of a pySHACL report, by their ``sh:focusNode``."""
    out: dict[Node, list[Result]] = {}
    for result in report.objects(None, SH.result):
        pairs: list[tuple[URIRef, Node]] = []
        focus: Node | None = None
        for p, o in report.predicate_objects(result):
            if not isinstance(p, URIRef):
                raise ValueError(f"a report result with a predicate that is no IRI: {p!r}")
            pairs.append((p, o))
            if p == SH.focusNode:
                focus = o
        if focus is None:
            raise ValueError("a report result without sh:focusNode")
        out.setdefault(focus, []).append(tuple(sorted(pairs, key=_order)))
    return out


def _order(pair: tuple[URIRef, Node]) -> tuple[str, str, str]:
    p, o = pair
    return (str(p), type(o).__name__, str(o))


def assemble(conforms: bool, results: Iterable[Result], shapes: Graph, data: Graph) -> Graph:
    """A report holding ``results``, as pySHACL writes one: a blank node of the shapes
    (else of the data) copied once, under its own id."""
    report = Graph()
    node = BNode()
    report.add((node, RDF.type, SH.ValidationReport))
    report.add((node, SH.conforms, Literal(conforms)))
    copies: dict[Node, Node] = {}
    for pairs in results:
        result = BNode()
        report.add((node, SH.result, result))
        for p, o in pairs:
            if isinstance(o, BNode):
                copy = copies.get(o)
                if copy is None:
                    source = shapes if (o, None, None) in shapes else data
                    copy = copies[o] = clone_blank_node(source, o, report, keepid=True)
                o = copy
            report.add((result, p, o))
    return report


def encode(result: Result, names: Mapping[Node, str]) -> list[list[str | None]]:
    """``result`` as JSON: ``["i", iri]``, ``["l", text, datatype, language]`` or
    ``["s", name]`` (a blank node of the shapes) per object, after its predicate.

    Raises:
        KeyError: a blank node that is not one of the named blank nodes of the shapes.
    """
    out: list[list[str | None]] = []
    for p, o in result:
        if isinstance(o, Literal):
            datatype = None if o.datatype is None else str(o.datatype)
            out.append([str(p), "l", str(o), datatype, o.language])
        elif isinstance(o, URIRef):
            out.append([str(p), "i", str(o)])
        else:
            out.append([str(p), "s", names[o]])
    return out


def decode(value: Any, shapes: Mapping[str, Node]) -> Result:
    """A result written by :func:`encode`, checked; ``shapes`` names the blank nodes.

    Raises:
        ValueError: not the shape :func:`encode` writes, or a name no blank node has.
    """
    if not isinstance(value, list) or not value:
        raise ValueError("a result is not a list of pairs")
    pairs: list[tuple[URIRef, Node]] = []
    for item in value:
        if not isinstance(item, list) or not all(x is None or isinstance(x, str) for x in item):
            raise ValueError("a result's pair is not a list of strings")
        if len(item) == 3 and item[1] == "i" and item[0] and item[2]:
            pairs.append((URIRef(item[0]), URIRef(item[2])))
        elif len(item) == 5 and item[1] == "l" and item[0] and item[2] is not None:
            datatype = None if item[3] is None else URIRef(item[3])
            if datatype is not None and item[4] is not None:
                raise ValueError("a literal with both a datatype and a language")
            text = Literal(item[2], lang=item[4], datatype=datatype, normalize=False)
            pairs.append((URIRef(item[0]), text))
        elif len(item) == 3 and item[1] == "s" and item[0] and item[2] in shapes:
            pairs.append((URIRef(item[0]), shapes[item[2]]))
        else:
            raise ValueError("a result's pair is not an IRI, a literal or a shape of these shapes")
    if sum(1 for p, _o in pairs if p == SH.focusNode) != 1:
        raise ValueError("a result without exactly one sh:focusNode")
    return tuple(sorted(pairs, key=_order))
