"""Deterministic serializations: the same graph gives the same bytes on every run."""

from __future__ import annotations

import json
from collections.abc import Iterable
from enum import Enum
from typing import Any

from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.plugins.serializers.nt import _nt_row
from rdflib.plugins.serializers.turtle import VERB, TurtleSerializer
from rdflib.term import Node

from histkg.context import build_context
from histkg.vocab import PREFIXES


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


def _bind(graph: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)


Triple = tuple[Node, Node, Node]


class IndexedTurtle(TurtleSerializer):
    """rdflib's Turtle writer, the same bytes out, made fast for whole graphs.

    rdflib's writer asks the store for each subject's triples and works out the prefixed
    name of an IRI every time it writes it; this one reads ``triples`` once into an index
    by subject and predicate, names each IRI once, and joins the text at the end. The
    order, nesting and spelling are rdflib's own code. ``namespaces`` is the graph whose
    prefixes name the IRIs (the graph itself, or an empty one with the same bindings).
    """

    def __init__(self, namespaces: Graph, triples: Iterable[Triple]) -> None:
        super().__init__(namespaces)
        self._triples = triples
        self._index: dict[Node, dict[Node, list[Node]]] = {}
        self._pnames: dict[tuple[Node, bool], str | None] = {}
        self._labels: dict[tuple[Node, bool], str] = {}
        self._out: list[str] = []

    def render(self) -> bytes:
        """The Turtle document (what ``Graph.serialize(format="turtle")`` writes)."""
        self.reset()
        self._out = []
        self.base = self.store.base
        self.preprocess()
        subjects = self.orderSubjects()
        self.startDocument()
        first = True
        for subject in subjects:
            if self.isDone(subject):
                continue
            if first:
                first = False
            if self.statement(subject) and not first:
                self.write("\n")
        self.endDocument()
        self._out.append("\n")
        self.base = None
        return "".join(self._out).encode(self.encoding, "replace")

    def write(self, text: str) -> None:
        self._out.append(text)

    def preprocess(self) -> None:
        """``preprocessTriple`` of each triple, with the names it would look up again
        skipped (a name already made has no effect the second time)."""
        index = self._index
        index.clear()
        pnames = self._pnames
        for triple in self._triples:
            s, p, o = triple
            index.setdefault(s, {}).setdefault(p, []).append(o)
            if self.base is not None or isinstance(p, BNode):
                self.preprocessTriple(triple)
                continue
            self._references[o] += 1
            self._subjects[s] = True
            if isinstance(s, URIRef) and (s, False) not in pnames:
                self.get_pname(s, False)
            if p not in self.keywords and (p, True) not in pnames:
                self.get_pname(p, True)
            if isinstance(o, Literal):
                if o.datatype is not None and (o.datatype, False) not in pnames:
                    self.get_pname(o.datatype, False)
            elif isinstance(o, URIRef) and (o, False) not in pnames:
                self.get_pname(o, False)

    def _bindings(self) -> int:
        return _count_bindings(self.store)

    def get_pname(self, uri: Node, gen_prefix: bool = True) -> str | None:
        if not isinstance(uri, URIRef):
            return None
        key = (uri, gen_prefix)
        try:
            return self._pnames[key]
        except KeyError:
            pass
        if gen_prefix:  # may bind a new prefix: names not found before may be found now
            before = self._bindings()
            name = super().get_pname(uri, gen_prefix)
            if self._bindings() != before:
                self._pnames.clear()
                self._labels.clear()
        else:
            name = super().get_pname(uri, gen_prefix)
        self._pnames[key] = name
        return name

    def label(self, node: Node, position: int) -> str:
        key = (node, position == VERB)
        text = self._labels.get(key)
        if text is None:
            text = self._labels[key] = super().label(node, position)
        return text

    def orderSubjects(self) -> list[Node]:  # noqa: N802 (rdflib's name)
        seen: set[Node] = set()
        subjects: list[Node] = []
        for class_iri in self.topClasses:
            members = [s for s in self._index if class_iri in self._index[s].get(RDF.type, ())]
            members.sort()  # type: ignore[call-arg]
            subjects.extend(members)
            for member in members:
                self._topLevels[member] = True
                seen.add(member)
        recursable = [
            (isinstance(subject, BNode), self._references[subject], subject)
            for subject in self._subjects
            if subject not in seen
        ]
        recursable.sort()
        subjects.extend(subject for (_bnode, _refs, subject) in recursable)
        return subjects

    def buildPredicateHash(self, subject: Node) -> dict[Node, list[Node]]:  # noqa: N802
        return {p: list(objects) for p, objects in self._index.get(subject, {}).items()}

    def _value(self, subject: Node, predicate: Node) -> Node | None:
        objects = self._index.get(subject, {}).get(predicate)
        return objects[0] if objects else None

    def isValidList(self, l_: Node) -> bool:  # noqa: N802
        if self._value(l_, RDF.first) is None:
            return False
        node: Node | None = l_
        while node:
            if node != RDF.nil and sum(map(len, self._index.get(node, {}).values())) != 2:
                return False
            node = self._value(node, RDF.rest)
        return True

    def doList(self, l_: Node) -> None:  # noqa: N802
        node: Node | None = l_
        while node:
            item = self._value(node, RDF.first)
            if item is not None:
                self.path(item, 2)  # OBJECT
                self.subjectDone(node)
            node = self._value(node, RDF.rest)


def to_turtle(graph: Graph) -> bytes:
    """Turtle, subjects and predicates sorted as rdflib's writer sorts them."""
    _bind(graph)
    return IndexedTurtle(graph, graph.triples((None, None, None))).render()


def to_ntriples(graph: Graph) -> bytes:
    """N-Triples, one line per triple, lines sorted."""
    lines = sorted(_nt_row(t) for t in graph)
    return "".join(lines).encode("utf-8")


def to_nquads(dataset: Dataset) -> bytes:
    """N-Quads of every named graph, lines sorted."""
    lines = []
    for s, p, o, g in dataset.quads((None, None, None, None)):
        if g is None or g == URIRef("urn:x-rdflib:default"):
            continue
        name = str(g)
        lines.append(_nt_row((s, p, o))[:-3] + f" <{name}> .\n")
    return "".join(sorted(lines)).encode("utf-8")


def _count_bindings(graph: Graph) -> int:
    return sum(1 for _ in graph.namespace_manager.namespaces())


def to_trig(dataset: Dataset) -> bytes:
    """TriG: prefixes, then each named graph (sorted by name) as sorted Turtle."""
    out = [f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())]
    triples: dict[str, list[Triple]] = {}  # every graph's triples in one pass over the quads
    for g in dataset.graphs():
        if str(g.identifier) != "urn:x-rdflib:default":
            triples[str(g.identifier)] = []
    for s, p, o, name in dataset.quads((None, None, None, None)):
        if name is not None and str(name) in triples:
            triples[str(name)].append((s, p, o))
    namespaces: Graph | None = None
    bound = 0
    for graph_name in sorted(triples):
        # each graph is named with a new graph's prefixes, as if written on its own: the
        # same graph serves again as long as writing bound no new prefix in it
        if namespaces is None or _count_bindings(namespaces) != bound:
            namespaces = Graph()
            _bind(namespaces)
            bound = _count_bindings(namespaces)
        body = IndexedTurtle(namespaces, triples[graph_name]).render().decode("utf-8")
        lines = body.splitlines()
        while lines and (lines[0].startswith("@prefix") or not lines[0].strip()):
            lines.pop(0)  # only the prefix block: a literal's own lines stay as they are
        statements = "\n".join(lines).strip("\n")  # no indentation: it would enter literals
        out.append(f"\n<{graph_name}> {{\n{statements}\n}}\n")
    return "".join(out).encode("utf-8")


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
