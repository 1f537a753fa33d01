"""Run one SPARQL query on the embedded store in a child process that is killed when it
runs too long; the answer is serialized in the child, in the format asked for."""

from __future__ import annotations

import itertools
import multiprocessing
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from histkg.query import with_prefixes  # imported here, not in each query's child: 0.3 s


def syntax_message(message: str) -> str:
    """An Oxigraph syntax error with the line and column of the client's own query (the
    prefix lines histkg puts in front are not counted)."""
    from histkg.query import PROLOGUE, syntax_position

    position = syntax_position(message, PROLOGUE.count("\n"))
    if position is None:
        return message.splitlines()[0] if message else "syntax error"
    line, column, detail = position
    return f"line {line}, column {column}: {detail}"


def _run_query(
    store_dir: str, query: str, fmt: str, limit: int, max_rows: int, conn: Connection
) -> None:
    try:
        store = ox.Store.read_only(store_dir)
        text = with_prefixes(query)[0]
        results = store.query(text)
        if isinstance(results, ox.QuerySolutions | ox.QueryTriples):
            rows = sum(1 for _ in itertools.islice(results, max_rows + 1))
            if rows > max_rows:
                conn.send(("too-many-rows", b""))
                return
            results = store.query(text)  # counted: run again to serialize
        if isinstance(results, ox.QueryTriples):
            data = results.serialize(
                format=ox.RdfFormat.N_TRIPLES if fmt == "nt" else ox.RdfFormat.TURTLE
            )
        else:
            data = results.serialize(
                format={
                    "json": ox.QueryResultsFormat.JSON,
                    "xml": ox.QueryResultsFormat.XML,
                    "csv": ox.QueryResultsFormat.CSV,
                    "tsv": ox.QueryResultsFormat.TSV,
                }[fmt]
            )
        data = data or b""
        conn.send(("too-large", b"") if len(data) > limit else ("ok", data))
    except SyntaxError as exc:
        conn.send(("syntax", syntax_message(str(exc.msg or exc)).encode()))
    except Exception as exc:  # the child reports any failure to the parent
        conn.send(("error", str(exc).splitlines()[0].encode() if str(exc) else b"query failed"))


def run_query(
    store: Path, query: str, fmt: str, timeout: float, max_bytes: int, max_rows: int
) -> tuple[str, bytes]:
    """(status, data): "ok" with the answer, "timeout", "too-many-rows", "too-large",
    "syntax" with the message (line and column of the client's query) or "error"."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    worker = context.Process(
        target=_run_query,
        args=(str(store), query, fmt, max_bytes, max_rows, child),
    )
    worker.start()
    child.close()
    if not parent.poll(timeout):
        worker.kill()
        worker.join()
        return "timeout", b""
    status, data = parent.recv()
    worker.join()
    return str(status), bytes(data)
