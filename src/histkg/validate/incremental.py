"""Which focus nodes the core shapes must validate, given the results cache.

A node whose key (``validate/keys.py``) the cache holds takes its results from there; the
others are validated by pySHACL (``sh:targetNode``, in shards as any validation) and their
results stored under their keys. The cache is used only when every core shape reads no
more of a node than its key covers (``validate/locality.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph
from rdflib.term import Node

from histkg.validate.keys import bnode_names, context, node_keys, shapes_digest, unique
from histkg.validate.locality import not_local
from histkg.validate.result_cache import ResultCache
from histkg.validate.results import Result, encode


@dataclass(frozen=True)
class Plan:
    """Each focus node's key, the results the cache holds, the nodes left to validate."""

    keys: dict[Node, str | None]
    cached: dict[Node, list[Result]]
    todo: dict[Node, tuple[Node, ...]]  # shape -> its focus nodes to validate, in IRI order
    names: dict[Node, str]  # the blank nodes of the shapes that have a name of their own


def plan(
    data: Graph, core: Graph, dealt: dict[Node, tuple[Node, ...]], cache: ResultCache
) -> Plan | None:
    """What to validate of ``dealt`` (each shape's focus nodes); ``None`` when the shapes
    read more than a key covers."""
    if not_local(core) is not None:
        return None
    names = bnode_names(core)
    by_name = unique(names)
    shared = context(data, shapes_digest(core, names))
    nodes = sorted({n for targeted in dealt.values() for n in targeted}, key=str)
    keys = node_keys(data, nodes, shared)
    found = cache.get(sorted({k for k in keys.values() if k is not None}), by_name)
    cached = {n: found[k] for n, k in keys.items() if k is not None and k in found}
    todo = {shape: tuple(n for n in ns if n not in cached) for shape, ns in dealt.items()}
    named = {node: name for name, node in by_name.items()}
    return Plan(keys, cached, todo, named)


def remember(done: Plan, fresh: dict[Node, list[Result]], cache: ResultCache) -> None:
    """Store the results of each node validated now (none: an empty entry), except a
    node whose results name a blank node without a name of its own."""
    entries = {}
    for node, key in done.keys.items():
        if key is None or node in done.cached:
            continue
        try:
            entries[key] = [encode(result, done.names) for result in fresh.get(node, ())]
        except KeyError:
            continue
    cache.put(entries)
