"""The core shapes validated in shards of focus nodes, in forked worker processes.

A SHACL result is a function of a shape, a focus node and the data graph. So the focus
nodes of each shape can be dealt out to shards, and each shard validated by pySHACL
against the *whole* data graph with shapes whose targets are only that shard's nodes
(``sh:targetNode``, in place of the shape's own target declarations): the union of the
shards' results is the result set of one pySHACL run, whatever the shapes read (a value's
class, a person's labels stated by several documents). Each shard is dealt an equal share
of each shape's focus nodes, in IRI order, so the shards cost about the same.

The workers are forked from the process that holds the graph: they read it in place
(copy-on-write), nothing is copied or sent but the shard's number and the results.

Where this would not give pySHACL's own report, :func:`shard_shapes` returns ``None`` and
the shapes run in one pass: a shape with targets that is a blank node (pySHACL copies a
blank source shape, targets included, into its results), a shape that is also a class
(implicit class targets), SHACL-AF targets (``sh:target``) or rules, a blank or literal
focus node.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef
from rdflib.term import Node

SH = Namespace("http://www.w3.org/ns/shacl#")

#: SHACL Core's target declarations
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
#: what makes focus nodes outside the core declarations, or writes into the data
UNSHARDABLE = (SH.target, SH.rule)

#: one pass of pySHACL: (data, shapes) -> (conforms, report graph)
Runner = Callable[[Graph, Graph], tuple[bool, Graph]]


def focus_nodes(data: Graph, shapes: Graph, shape: Node) -> set[Node]:
    """The focus nodes of ``shape``'s SHACL Core target declarations in ``data``
    (a class target takes instances of its subclasses too, as pySHACL does)."""
    found: set[Node] = set(shapes.objects(shape, SH.targetNode))
    for cls in shapes.objects(shape, SH.targetClass):
        for sub in data.transitive_subjects(RDFS.subClassOf, cls):
            found.update(data.subjects(RDF.type, sub))
    for prop in shapes.objects(shape, SH.targetSubjectsOf):
        found.update(s for s, _o in data.subject_objects(prop))
    for prop in shapes.objects(shape, SH.targetObjectsOf):
        found.update(o for _s, o in data.subject_objects(prop))
    return found


@dataclass(frozen=True)
class Shards:
    """The shapes split into shards: ``count`` copies of them without their target
    declarations, shard ``i`` targeting the ``i``-th share of each shape's focus nodes.
    Each copy is made where it runs (:meth:`shapes`), in the worker when forked."""

    count: int
    base: tuple[tuple[Node, Node, Node], ...]  # the shapes without their targets
    namespaces: tuple[tuple[str, URIRef], ...]
    dealt: tuple[tuple[Node, tuple[Node, ...]], ...]  # shape, its focus nodes in IRI order

    def __len__(self) -> int:
        return self.count

    def shapes(self, index: int) -> Graph:
        """The shapes of shard ``index``."""
        shard = Graph(bind_namespaces="none")
        for prefix, namespace in self.namespaces:
            shard.bind(prefix, namespace, override=True, replace=True)
        for triple in self.base:
            shard.add(triple)
        target = SH.targetNode
        for holder, nodes in self.dealt:
            for node in nodes[index :: self.count]:
                shard.add((holder, target, node))
        return shard

    def graphs(self) -> list[Graph]:
        return [self.shapes(i) for i in range(self.count)]


def shape_targets(data: Graph, shapes: Graph) -> dict[Node, tuple[Node, ...]] | None:
    """Each shape with target declarations and its focus nodes in ``data``, in IRI order;
    ``None`` when dealing focus nodes out would not give pySHACL's own report (module
    docstring)."""
    if any(True for p in UNSHARDABLE for _ in shapes.triples((None, p, None))):
        return None
    for kind in (RDFS.Class, OWL.Class):
        if any(True for _ in shapes.subjects(RDF.type, kind)):
            return None
    holders = sorted({s for p in TARGETS for s in shapes.subjects(p, None)}, key=str)
    if any(not isinstance(h, URIRef) for h in holders):
        return None
    dealt: dict[Node, tuple[Node, ...]] = {}
    for holder in holders:
        nodes = focus_nodes(data, shapes, holder)
        if any(not isinstance(n, URIRef) for n in nodes):
            return None
        dealt[holder] = tuple(sorted(nodes, key=str))
    return dealt


def deal(shapes: Graph, dealt: dict[Node, tuple[Node, ...]], count: int) -> Shards:
    """``shapes`` in at most ``count`` shards (at least one, at most one per focus node)
    targeting the nodes of ``dealt``, each node of each shape in exactly one shard."""
    count = max(1, min(count, max((len(nodes) for nodes in dealt.values()), default=0)))
    return Shards(
        count,
        tuple((s, p, o) for s, p, o in shapes if not (p in TARGETS and s in dealt)),
        tuple((prefix, URIRef(str(ns))) for prefix, ns in shapes.namespaces()),
        tuple(dealt.items()),
    )


def shard_shapes(data: Graph, shapes: Graph, count: int) -> Shards | None:
    """``shapes`` in ``count`` shards (at most one per focus node) whose targets together
    are the focus nodes of ``shapes`` in ``data``, each node of each shape in exactly one
    shard; ``None`` when sharding would not give pySHACL's own report (module docstring)
    or there are fewer than two shards."""
    dealt = shape_targets(data, shapes) if count >= 2 else None
    if dealt is None:
        return None
    shards = deal(shapes, dealt, count)
    return shards if len(shards) >= 2 else None


#: the data graph, shards and runner the forked workers read (set before the fork)
_FORKED: tuple[Graph, Shards, Runner] | None = None


def _run_forked(index: int) -> tuple[bool, list[tuple[Node, Node, Node]]]:
    assert _FORKED is not None, "a shard worker runs only in a process forked by run_shards"
    data, shards, runner = _FORKED
    conforms, report = runner(data, shards.shapes(index))
    return conforms, list(report)


def can_fork() -> bool:
    """Shard workers need fork (they read the parent's graph in place): Linux."""
    return sys.platform.startswith("linux")


def run_shards(
    data: Graph,
    shards: Shards,
    runner: Runner,
    processes: bool = True,
    meanwhile: Callable[[], None] | None = None,
) -> list[tuple[bool, Graph]]:
    """Each shard's pySHACL run on ``data``, in shard order: in forked worker processes,
    one per shard (``processes``), else one after another here. ``meanwhile()`` runs in
    this process while the workers do theirs. When a worker fails (an error, or killed),
    the shards run again here, so an error is raised as in one process."""
    global _FORKED
    if not processes or not can_fork():
        out = [runner(data, shards.shapes(i)) for i in range(len(shards))]
        if meanwhile is not None:
            meanwhile()
        return out
    _FORKED = (data, shards, runner)
    pool = ProcessPoolExecutor(
        max_workers=len(shards), mp_context=multiprocessing.get_context("fork")
    )
    results: list[tuple[bool, list[tuple[Node, Node, Node]]]] | None
    try:
        futures = [pool.submit(_run_forked, i) for i in range(len(shards))]
        if meanwhile is not None:
            meanwhile()
        try:
            results = [future.result() for future in futures]
        except Exception:  # a worker raised (its error may not unpickle) or died
            results = None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _FORKED = None
    if results is None:  # here, in turn: the same error raised as it would be in one process
        return [runner(data, shards.shapes(i)) for i in range(len(shards))]
    return [(conforms, _graph(triples)) for conforms, triples in results]


def _graph(triples: Iterable[tuple[Node, Node, Node]]) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph
