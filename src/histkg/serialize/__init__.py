"""Deterministic serializations: the same graph gives the same bytes on every run."""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

from rdflib import Graph
from rdflib.plugins.serializers.nt import _nt_row

from histkg.context import build_context
from histkg.serialize.named import to_nquads, to_trig
from histkg.serialize.turtle import IndexedTurtle, bind

#: the names tests and other stages import from here
__all__ = [
    "IndexedTurtle",
    "RdfFormat",
    "_bind",
    "to_jsonld",
    "to_nquads",
    "to_ntriples",
    "to_trig",
    "to_turtle",
]
_bind = bind


class RdfFormat(Enum):
    """Output formats, with their file name and media type."""

    TURTLE = ("graph.ttl", "text/turtle")
    NTRIPLES = ("graph.nt", "application/n-triples")
    NQUADS = ("graph.nq", "application/n-quads")
    TRIG = ("graph.trig", "application/trig")
    JSONLD = ("graph.jsonld", "application/ld+json")

    @property
    def filename(self) -> str:
        return self.value[0]

    @property
    def media_type(self) -> str:
        return self.value[1]

    @classmethod
    def from_extension(cls, name: str) -> RdfFormat:
        """The format of a file name by its ending (``graph.ttl`` -> TURTLE)."""
        ending = name.rsplit(".", 1)[-1]
        for fmt in cls:
            if fmt.filename.rsplit(".", 1)[1] == ending:
                return fmt
        raise ValueError(
            f"unknown RDF file ending in {name!r}; use one of " + ", ".join(f.filename for f in cls)
        )


def to_turtle(graph: Graph) -> bytes:
    """Turtle, subjects and predicates sorted as rdflib's writer sorts them."""
    bind(graph)
    return IndexedTurtle(graph, graph.triples((None, None, None))).render()


def to_ntriples(graph: Graph) -> bytes:
    """N-Triples, one line per triple, lines sorted."""
    lines = sorted(_nt_row(t) for t in graph)
    return "".join(lines).encode("utf-8")


def _canonical(value: Any) -> Any:
    """Sort every JSON array (sets in JSON-LD) and object, recursively."""
    if isinstance(value, dict):
        return {k: _canonical(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def to_jsonld(graph: Graph) -> bytes:
    """JSON-LD compacted with histkg's context, keys and arrays sorted."""
    context = build_context()["@context"]
    raw = graph.serialize(format="json-ld", context=context, auto_compact=True)
    data = json.loads(raw)
    body = {k: v for k, v in data.items() if k != "@context"}
    if "@graph" in body:
        body["@graph"] = sorted(
            (_canonical(i) for i in body["@graph"]), key=lambda i: i.get("id", "")
        )
    else:
        body = _canonical(body)
    text = json.dumps({"@context": context, **body}, indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")
