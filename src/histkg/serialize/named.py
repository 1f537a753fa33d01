"""N-Quads and TriG: the named graphs of a dataset, read in one pass over its quads.

Both files are functions of each named graph's triples. :func:`named_graphs` reads the
quads once into each graph's triples and its N-Triples rows (each term written once, however
often it recurs); N-Quads sorts the rows with their graph's name, TriG writes each graph as
a block of Turtle, or takes the block from a :class:`~histkg.serialize.blocks.BlockCache`
under a key of the graph's name and rows (the same bytes either way).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Dataset, Graph, Literal
from rdflib.plugins.serializers.nt import _quoteLiteral
from rdflib.term import Node

from histkg.serialize.blocks import BlockCache
from histkg.serialize.turtle import IndexedTurtle, Triple, bind, count_bindings
from histkg.vocab import PREFIXES

#: the name rdflib gives a dataset's default graph (histkg writes nothing into it)
DEFAULT_GRAPH = "urn:x-rdflib:default"


@dataclass
class NamedGraphs:
    """Each named graph's triples and N-Triples rows (a row without its ``" .\\n"``), by
    the graph's name, in the order the dataset holds them."""

    triples: dict[str, list[Triple]] = field(default_factory=dict)
    rows: dict[str, list[str]] = field(default_factory=dict)


def named_graphs(dataset: Dataset) -> NamedGraphs:
    """The triples and rows of every named graph of ``dataset`` (empty ones included)."""
    triples: dict[str, list[Triple]] = {}
    for graph in dataset.graphs():
        name = str(graph.identifier)
        if name != DEFAULT_GRAPH:
            triples[name] = []
    for s, p, o, context in dataset.quads((None, None, None, None)):
        if context is not None and str(context) in triples:
            triples[str(context)].append((s, p, o))
    return graphs_of(triples)


def graphs_of(triples: dict[str, list[Triple]]) -> NamedGraphs:
    """The rows of each graph of ``triples`` (graph name -> its triples, each once)."""
    # a term's text by the term's id: the graphs hold every term while this runs, and
    # each entry keeps its term, so no id is reused; hashing rdflib's terms costs more
    written: dict[int, tuple[Node, str]] = {}

    def text(term: Node, literal: bool) -> str:
        known = written.get(id(term))
        if known is None:
            spelled = _quoteLiteral(term) if literal else term.n3()  # type: ignore[arg-type]
            known = written[id(term)] = (term, spelled)
        return known[1]

    rows = {
        name: [
            f"{text(s, False)} {text(p, False)} {text(o, isinstance(o, Literal))}"
            for s, p, o in graph
        ]
        for name, graph in triples.items()
    }
    return NamedGraphs(triples, rows)


def to_nquads(dataset: Dataset) -> bytes:
    """N-Quads of every named graph, lines sorted."""
    return nquads_of(named_graphs(dataset))


def nquads_of(graphs: NamedGraphs) -> bytes:
    """N-Quads of the named graphs ``graphs``, lines sorted."""
    lines = [f"{row} <{name}> .\n" for name, rows in graphs.rows.items() for row in rows]
    return "".join(sorted(lines)).encode("utf-8")


def union_ntriples(graphs: NamedGraphs) -> bytes:
    """N-Triples of the union of the named graphs (each triple once), lines sorted: what
    :func:`histkg.serialize.to_ntriples` writes of the merged graph."""
    lines = {f"{row} .\n" for rows in graphs.rows.values() for row in rows}
    return "".join(sorted(lines)).encode("utf-8")


def to_trig(dataset: Dataset, cache: BlockCache | None = None) -> bytes:
    """TriG: prefixes, then each named graph (sorted by name) as sorted Turtle (``cache``:
    see :func:`trig_of`)."""
    return trig_of(named_graphs(dataset), cache)


def trig_of(graphs: NamedGraphs, cache: BlockCache | None = None) -> bytes:
    """TriG of the named graphs ``graphs``; a graph whose block ``cache`` holds is not
    written again, and the blocks written are stored there."""
    out = [f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())]
    keys = {name: cache.key(name, graphs.rows[name]) for name in graphs.rows} if cache else {}
    found = cache.get(keys) if cache is not None else {}
    fresh: dict[str, tuple[str, str]] = {}
    namespaces: Graph | None = None
    bound = 0
    for graph_name in sorted(graphs.triples):
        block = found.get(graph_name)
        if block is None:
            # each graph is named with a new graph's prefixes, as if written on its own:
            # the same graph serves again as long as writing bound no new prefix in it
            if namespaces is None or count_bindings(namespaces) != bound:
                namespaces = Graph()
                bind(namespaces)
                bound = count_bindings(namespaces)
            block = trig_block(namespaces, graph_name, graphs.triples[graph_name])
            if graph_name in keys:
                fresh[keys[graph_name]] = (graph_name, block)
        out.append(block)
    if cache is not None:
        cache.put(fresh)
    return "".join(out).encode("utf-8")


def trig_block(namespaces: Graph, graph_name: str, triples: list[Triple]) -> str:
    """One named graph as TriG writes it: ``\\n<name> {\\n`` its Turtle ``\\n}\\n``."""
    body = IndexedTurtle(namespaces, triples).render().decode("utf-8")
    lines = body.splitlines()
    while lines and (lines[0].startswith("@prefix") or not lines[0].strip()):
        lines.pop(0)  # only the prefix block: a literal's own lines stay as they are
    statements = "\n".join(lines).strip("\n")  # no indentation: it would enter literals
    return f"\n<{graph_name}> {{\n{statements}\n}}\n"
