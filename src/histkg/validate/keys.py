"""The cache key of each focus node's results: exactly what the core shapes read of it.

What a core shape reads (``validate/locality.py``): the focus node's own triples and the
``rdf:type`` triples of their objects, besides the data's ``rdfs:subClassOf`` triples and
prefixes (pySHACL writes a node with the data's prefixes in its generic messages). A
node's key is the sha256 of

* the context, the same for every node of a build (:func:`context`): the key format,
  pySHACL's and rdflib's versions, the digest of the core shapes (:func:`shapes_digest`),
  the data's ``rdfs:subClassOf`` triples and prefixes;
* the node, its own triples, and the types of their objects (:func:`node_keys`).

A node with a blank node among its objects has no key (blank node ids change from build
to build), and is validated on every build.

Blank nodes of the shapes (property shapes in brackets, ``sh:or`` lists) get names
(:func:`bnode_names`) from their content and the nodes that point at them, the same for
the same shapes in every build: the cache writes a result's source shape by that name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib import metadata

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.term import Node

#: the layout of a key; raised when what goes into it changes
FORMAT = "histkg-shacl-key/1"


def term(node: Node) -> str:
    """``node`` as text that no other term has (lengths before free text)."""
    if isinstance(node, URIRef):
        return f"<{len(node)}:{node}"
    if isinstance(node, Literal):
        text, datatype = str(node), str(node.datatype or "")
        return f'"{len(text)}:{text}{len(datatype)}:{datatype}@{node.language or ""}'
    return f"_{node}"


def _sha(lines: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def bnode_names(shapes: Graph) -> dict[Node, str]:
    """A name for each blank node of ``shapes``: the digest of its content (nested blank
    nodes by their content) and of the nodes pointing at it. Two blank nodes alike in
    both get the same name."""
    content: dict[Node, str] = {}

    def describe(node: Node, trail: frozenset[Node]) -> str:
        if not isinstance(node, BNode):
            return term(node)
        found = content.get(node)
        if found is not None:
            return found
        if node in trail:
            return "_cycle"
        inner = trail | {node}
        rows = sorted(f"{term(p)} {describe(o, inner)}" for p, o in shapes.predicate_objects(node))
        found = content[node] = "_" + _sha(rows)
        return found

    blanks = {n for triple in shapes for n in triple if isinstance(n, BNode)}
    names: dict[Node, str] = {}
    for node in blanks:
        into = sorted(
            f"{describe(s, frozenset())} {term(p)}" for s, p in shapes.subject_predicates(node)
        )
        names[node] = _sha([describe(node, frozenset()), *into])
    return names


def unique(names: dict[Node, str]) -> dict[str, Node]:
    """The blank node of each name that only one blank node has."""
    count: dict[str, int] = {}
    for name in names.values():
        count[name] = count.get(name, 0) + 1
    return {name: node for node, name in names.items() if count[name] == 1}


def shapes_digest(shapes: Graph, names: dict[Node, str]) -> str:
    """The digest of the shapes' triples, blank nodes written by their names."""

    def named(node: Node) -> str:
        return "_" + names[node] if isinstance(node, BNode) else term(node)

    return _sha(sorted(f"{named(s)} {named(p)} {named(o)}" for s, p, o in shapes))


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def context(data: Graph, shapes_hash: str) -> str:
    """What every node's key shares (module docstring)."""
    lines = [FORMAT, f"pyshacl={_version('pyshacl')}", f"rdflib={_version('rdflib')}", shapes_hash]
    lines += sorted(f"{term(s)} {term(o)}" for s, o in data.subject_objects(RDFS.subClassOf))
    lines += sorted(f"@{prefix} {namespace}" for prefix, namespace in data.namespaces())
    return _sha(lines)


def node_keys(data: Graph, nodes: Iterable[Node], shared: str) -> dict[Node, str | None]:
    """Each node's key (``None``: a node with a blank node among its objects)."""
    types: dict[Node, list[str]] = {}
    keys: dict[Node, str | None] = {}
    for node in nodes:
        rows: list[str] = []
        blank = False
        for p, o in data.predicate_objects(node):
            value = term(o)
            rows.append(f"{term(p)} {value}")
            if isinstance(o, BNode):
                blank = True
            elif isinstance(o, URIRef):
                kinds = types.get(o)
                if kinds is None:
                    kinds = types[o] = sorted(term(t) for t in data.objects(o, RDF.type))
                rows.extend(f"^{value} {kind}" for kind in kinds)
        if blank:
            keys[node] = None
            continue
        rows.sort()
        keys[node] = _sha([shared, term(node), *rows])
    return keys
