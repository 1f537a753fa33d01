"""rdflib's Turtle writer made fast for whole graphs (the same bytes out)."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.plugins.serializers.turtle import VERB, TurtleSerializer
from rdflib.term import Node

from histkg.vocab import PREFIXES


def bind(graph: Graph) -> None:
    """Bind histkg's prefixes in ``graph``."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)


def count_bindings(graph: Graph) -> int:
    """How many prefixes ``graph`` binds (a writer may bind new ones as it names IRIs)."""
    return sum(1 for _ in graph.namespace_manager.namespaces())


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
        return count_bindings(self.store)

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
