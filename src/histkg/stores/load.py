"""Send a build's graphs to a Graph Store, and say exactly what was written when it fails.

The documents' named graphs go first, in IRI order, the merged graph (the default graph)
last. Virtuoso's Graph Store has no default graph and its queries read the union of all
graphs, so there the merged graph is not sent (``LoadReport.skipped_default``).

A graph larger than ``chunk`` triples goes in several requests: with ``replace`` the first
is a PUT and the rest POSTs, otherwise all are POSTs. A graph holds a set of triples and
histkg mints no blank nodes, so sending the same build again leaves the store as if it had
been sent once: after any failure, running the same command again finishes the job.

A store may keep part of a request it refuses (Virtuoso writes the triples it read before a
bad one, even on a PUT, after dropping the graph). So with ``replace`` each graph's triples
are first read back (GET); when a request of that graph fails after the store may have
touched it, the old triples are put back, and the error says the graph is as it was; when
even that fails, they are saved to a local file named in the error. Without ``replace``
the error says how many chunks of the graph went in.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass

from histkg.errors import StoreError
from histkg.stores.gsp import DEFAULT, EndpointError, GraphStore, graph_label


@dataclass
class LoadReport:
    """What a load sent."""

    triples: int = 0
    graphs: int = 0
    skipped_default: bool = False


@dataclass
class _Position:
    """Where a load stands: graphs done and the chunk of the current graph."""

    graphs_done: int = 0
    graphs_total: int = 0
    chunk: int = 0
    chunks: int = 0


def order(graphs: dict[str, list[str]]) -> list[str]:
    """Named graphs in IRI order, then the default graph."""
    return sorted(n for n in graphs if n != DEFAULT) + ([DEFAULT] if DEFAULT in graphs else [])


def _put_lines(client: GraphStore, graph: str, lines: list[str], chunk: int) -> None:
    """Replace ``graph`` by ``lines``: a PUT, then POSTs for the rest."""
    step = max(1, chunk)
    client.send("PUT", graph, "".join(lines[:step]))
    for i in range(step, len(lines), step):
        client.send("POST", graph, "".join(lines[i : i + step]))


def _restore(client: GraphStore, graph: str, backup: list[str], chunk: int) -> str:
    """Put ``backup`` back into ``graph``; what the graph holds afterwards, for the error."""
    try:
        if backup:
            _put_lines(client, graph, backup, chunk)
        else:
            client.delete(graph)
        return "is as it was"
    except StoreError:
        pass
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", prefix="histkg-backup-", suffix=".nt", delete=False
        ) as saved:
            saved.writelines(backup)
        kept = f"its former {len(backup):,} triples saved in {saved.name}"
    except OSError:
        kept = "its former triples lost"
    return f"may hold part of the new triples ({kept})"


def _written(graph: str, position: _Position, replace: bool, state: str) -> str:
    """What the store holds after a failure at ``position``; ``state`` is the graph's."""
    if position.graphs_done == 0 and state.endswith("as it was"):
        return "the store is as it was"
    before = position.graphs_done
    after = position.graphs_total - before - 1
    done = "replaced" if replace else "loaded"
    return f"{graph_label(graph)} {state}; {before} graphs before it {done}, {after} after not"


def _state(
    client: GraphStore,
    graph: str,
    position: _Position,
    replace: bool,
    unread: bool,
    backup: list[str] | None,
    chunk: int,
) -> str:
    """The failed graph's state, after putting its old triples back where that is needed."""
    if position.chunk == 0 and unread:
        return "is as it was"
    if replace and backup is not None:
        return _restore(client, graph, backup, chunk)
    taken = f"{position.chunk} of {position.chunks} requests"
    if replace:
        return f"may hold part of its triples ({taken} in)"
    kept = "" if unread else f" (maybe part of request {position.chunk + 1})"
    return f"got {taken}{kept}"


def load_graphs(
    client: GraphStore,
    graphs: dict[str, list[str]],
    replace: bool = False,
    chunk: int = 50_000,
    progress: Callable[[int], None] | None = None,
) -> LoadReport:
    """Send every graph; raises a StoreError that says what was written when one fails."""
    report = LoadReport()
    names = order(graphs)
    position = _Position(graphs_total=len(names))
    step = max(1, chunk)
    for name in names:
        if name == DEFAULT and report.graphs and client.product == "Virtuoso":
            report.skipped_default = True
            position.graphs_total -= 1
            continue
        lines = graphs[name]
        if not lines and not replace:
            report.graphs += 1
            position.graphs_done += 1
            continue
        backup = client.fetch(name) if replace else None
        position.chunk, position.chunks = 0, max(1, -(-len(lines) // step))
        try:
            for i in range(0, max(1, len(lines)), step):
                part = lines[i : i + step]
                client.send("PUT" if replace and i == 0 else "POST", name, "".join(part))
                position.chunk += 1
                report.triples += len(part)
                if progress:
                    progress(len(part))
        except StoreError as exc:
            unread = isinstance(exc, EndpointError) and exc.unread
            state = _state(client, name, position, replace, unread, backup, chunk)
            written = _written(name, position, replace, state)
            if not written.endswith("as it was"):
                written += "; run the command again"
            if isinstance(exc, EndpointError):
                raise StoreError(exc.line(written)) from None
            raise StoreError(f"{exc}; {written}") from None
        report.graphs += 1
        position.graphs_done += 1
    return report
