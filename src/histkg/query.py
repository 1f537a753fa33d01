"""Run SPARQL over a built graph: the embedded Oxigraph store by default, rdflib on request.

Results are written in the W3C SPARQL 1.1 results formats (JSON, CSV, TSV, XML) by each
engine's own serializer, or as a readable table.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from histkg.errors import QueryError, SourceError
from histkg.stores.oxigraph import open_store
from histkg.vocab import PREFIXES

if TYPE_CHECKING:
    from rdflib import Dataset, Graph
    from rdflib.query import Result

FORMATS = ("table", "csv", "tsv", "json", "xml")
ENGINES = ("oxigraph", "rdflib")
OX_RESULTS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
PARSE_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
}
PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items()))

Rows = tuple[list[str], list[tuple[str, ...]]]


def _with_prefixes(text: str) -> tuple[str, int]:
    """Predeclare histkg's prefixes; returns the query and how many lines were added."""
    return PROLOGUE + text, PROLOGUE.count("\n")


def _syntax_error(source: str, message: str, added_lines: int) -> QueryError:
    first = message.splitlines()[0] if message else "syntax error"
    match = re.match(r"error at (\d+):(\d+): (.*)", first)
    if match:
        line = int(match.group(1)) - added_lines
        detail = match.group(3)
        if len(detail) > 90:
            detail = detail[:87] + "..."
        return QueryError(
            f"{source}:{line}:{match.group(2)}: SPARQL syntax error: {detail};"
            " fix the query and run again"
        )
    return QueryError(f"{source}: SPARQL error: {first}; fix the query and run again")


# --- the embedded store ------------------------------------------------------------


def run_store(store: ox.Store, text: str, source: str = "<query>") -> Any:
    """Run a query on an Oxigraph store (default graph = the merged graph)."""
    query, added = _with_prefixes(text)
    try:
        return store.query(query)
    except SyntaxError as exc:
        raise _syntax_error(source, exc.msg or str(exc), added) from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"{source}: SPARQL error: {exc}") from None


def query_file(graph_file: Path, text: str, source: str = "<query>") -> Any:
    """Open (building if needed) the store beside ``graph_file`` and run ``text`` on it."""
    return run_store(open_store(graph_file), text, source)


def rows_oxigraph(results: Any) -> Rows:
    """Variables and rows as N-Triples term strings ('' when unbound)."""
    if isinstance(results, ox.QueryBoolean):
        return ["ask"], [(str(bool(results)).lower(),)]
    if isinstance(results, ox.QueryTriples):
        return ["s", "p", "o"], sorted(
            (str(t.subject), str(t.predicate), str(t.object)) for t in results
        )
    names = [v.value for v in results.variables]
    return names, [tuple("" if s[n] is None else str(s[n]) for n in names) for s in results]


def format_oxigraph(results: Any, fmt: str) -> str:
    if isinstance(results, ox.QueryTriples):
        data = results.serialize(format=ox.RdfFormat.N_TRIPLES)
    elif fmt == "table":
        return table(*rows_oxigraph(results), plain=True)
    else:
        data = results.serialize(format=OX_RESULTS[fmt])
    return (data or b"").decode("utf-8")


# --- rdflib, the reference engine ----------------------------------------------------


def load_graph(path: Path) -> Dataset:
    """Load a graph file with rdflib; the default graph is the union of its named graphs."""
    from rdflib import Dataset

    if not path.is_file():
        raise SourceError(path, "no such graph file; run 'histkg build' first or pass --graph FILE")
    parser = PARSE_FORMATS.get(path.suffix)
    if parser is None:
        raise SourceError(path, "unknown RDF file ending; use .nq, .trig, .nt, .ttl or .jsonld")
    dataset = Dataset(default_union=True)
    try:
        dataset.parse(path, format=parser)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise SourceError(path, f"cannot parse as {parser}: {str(exc).splitlines()[0]}") from None
    return dataset


def run_query(graph: Graph, text: str, source: str = "<query>") -> Result:
    """Run a SPARQL query with rdflib; histkg's prefixes are predeclared."""
    try:
        return graph.query(text, initNs=PREFIXES)
    except Exception as exc:
        line = getattr(exc, "lineno", None)
        col = getattr(exc, "col", None)
        where = f"{source}:{line}:{col}" if line is not None else source
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise QueryError(f"{where}: SPARQL error: {message}; fix the query and run again") from None


def rows_rdflib(result: Result) -> Rows:
    if result.type == "ASK":
        return ["ask"], [(str(bool(result.askAnswer)).lower(),)]
    if result.type == "CONSTRUCT" or result.type == "DESCRIBE":
        return ["s", "p", "o"], sorted(tuple(t.n3() for t in triple) for triple in result)  # type: ignore[union-attr]
    names = [str(v) for v in (result.vars or [])]
    rows = []
    for row in result:
        values: list[Any] = list(row)  # type: ignore[arg-type]
        rows.append(tuple("" if v is None else v.n3() for v in values))
    return names, rows


def format_rdflib(result: Result, fmt: str) -> str:
    if fmt == "table":
        return table(*rows_rdflib(result), plain=True)
    data = result.serialize(format=fmt)
    return data.decode("utf-8") if isinstance(data, bytes) else str(data)


# --- the table -------------------------------------------------------------------------


def _plain(term: str) -> str:
    """A term as a reader wants it: an IRI without brackets, a literal's text."""
    if term.startswith("<") and term.endswith(">"):
        return term[1:-1]
    match = re.match(r'^"(.*)"(?:@[\w-]+|\^\^<[^>]*>)?$', term, re.S)
    if match:
        return match.group(1).replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")
    return term


def table(names: list[str], rows: list[tuple[str, ...]], plain: bool = False) -> str:
    cells = [[_plain(v) if plain else v for v in row] for row in rows]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    head = " | ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))
    sep = "-+-".join("-" * w for w in widths)
    body = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join([head, sep, *body, f"({len(cells)} rows)"]) + "\n"
