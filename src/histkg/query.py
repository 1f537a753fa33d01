"""Run SPARQL over a built graph: the embedded Oxigraph store by default, rdflib on request.

Results are written in the W3C SPARQL 1.1 results formats (JSON, CSV, TSV, XML) by each
engine's own serializer, or as a readable table.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from histkg.errors import QueryError, SourceError, one_line, parser_reason
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


def with_prefixes(text: str) -> tuple[str, int]:
    """Predeclare histkg's prefixes; returns the query and how many lines were added.

    Trailing white space goes: Oxigraph places an error it meets there on the line after
    the query's last, where no user looks.
    """
    return PROLOGUE + text.rstrip(), PROLOGUE.count("\n")


def syntax_position(message: str, added_lines: int) -> tuple[int, int, str] | None:
    """Line, column and reason of an Oxigraph syntax error, in the user's own query.

    Oxigraph counts the ``added_lines`` prefix lines histkg puts in front of the query;
    they are taken off again. None when the message has no position.
    """
    first = message.splitlines()[0] if message else ""
    match = re.match(r"error at (\d+):(\d+): (.*)", first)
    if match is None:
        return None
    line = max(1, int(match.group(1)) - added_lines)
    detail = match.group(3)
    if len(detail) > 90:
        detail = detail[:87] + "..."
    return line, int(match.group(2)), detail


def _syntax_error(source: str, message: str, added_lines: int) -> QueryError:
    position = syntax_position(message, added_lines)
    if position is not None:
        line, column, detail = position
        return QueryError(
            f"{source}:{line}:{column}: SPARQL syntax error: {detail}; fix the query and run again"
        )
    first = message.splitlines()[0] if message else "syntax error"
    return QueryError(f"{source}: SPARQL error: {first}; fix the query and run again")


def is_blank_query(text: str) -> bool:
    """True when ``text`` holds nothing but white space and ``#`` comment lines."""
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def check_query(text: str, source: str) -> str:
    """``text`` itself, or a QueryError when it holds no query at all."""
    if is_blank_query(text):
        what = "the query on standard input" if source == "<stdin>" else f"the query file {source}"
        raise QueryError(f"{what} is empty: write a SPARQL query in it")
    return text


def read_query(path: Path) -> str:
    """The text of a query file, or one-line errors: missing, a folder, unreadable, not UTF-8,
    empty.

    Raises:
        SourceError: the file cannot be read as UTF-8 text.
        QueryError: it holds no query.
    """
    if not path.exists():
        raise SourceError(path, "no such query file; check the path")
    if path.is_dir():
        raise SourceError(path, "is a folder; give a query file (.rq)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(path, f"cannot read ({exc.strerror}); check its permissions") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(
            path,
            f"byte 0x{data[exc.start]:02x} is not UTF-8; re-save the query file as UTF-8",
            line,
        ) from None
    return check_query(text.lstrip("\ufeff"), str(path))


# --- the embedded store ------------------------------------------------------------


def run_store(store: ox.Store, text: str, source: str = "<query>") -> Any:
    """Run a query on an Oxigraph store (default graph = the merged graph)."""
    query, added = with_prefixes(check_query(text, source))
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


def _ended(text: str) -> str:
    """Text that ends with a line break, as every file and terminal output should."""
    return text if not text or text.endswith("\n") else text + "\n"


def format_oxigraph(results: Any, fmt: str) -> str:
    if isinstance(results, ox.QueryTriples):
        data = results.serialize(format=ox.RdfFormat.N_TRIPLES)
    elif fmt == "table":
        return table(*rows_oxigraph(results), plain=True)
    else:
        data = results.serialize(format=OX_RESULTS[fmt])
    return _ended((data or b"").decode("utf-8"))


# --- rdflib, the reference engine ----------------------------------------------------


def _bad_utf8_line(path: Path) -> int | None:
    """The line of the first byte of ``path`` that is not UTF-8."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return data[: exc.start].count(b"\n") + 1
    return None


def load_graph(path: Path, graph_option: str | None = "--graph") -> Dataset:
    """Load a graph file with rdflib; the default graph is the union of its named graphs.

    ``graph_option`` is the option a user passes another graph file with, named in the
    message when the file is missing (None when the file is an argument).
    """
    from rdflib import Dataset

    if not path.is_file():
        what = "is a folder, not a graph file" if path.is_dir() else "no such graph file"
        hint = f" or pass {graph_option} FILE" if graph_option else ""
        raise SourceError(path, f"{what}; check the path, run 'histkg build' first{hint}")
    parser = PARSE_FORMATS.get(path.suffix)
    if parser is None:
        raise SourceError(path, "unknown RDF file ending; use .nq, .trig, .nt, .ttl or .jsonld")
    dataset = Dataset(default_union=True)
    try:
        dataset.parse(path, format=parser)
    except Exception as exc:  # rdflib raises many parser-specific types
        reason, line = parser_reason(exc)
        if isinstance(exc, UnicodeDecodeError):
            line = _bad_utf8_line(path)
        raise SourceError(path, f"cannot parse as {parser}: {reason}", line) from None
    return dataset


def run_query(graph: Graph, text: str, source: str = "<query>") -> Result:
    """Run a SPARQL query with rdflib; histkg's prefixes are predeclared."""
    check_query(text, source)
    try:
        return graph.query(text, initNs=PREFIXES)
    except Exception as exc:
        line = getattr(exc, "lineno", None)
        col = getattr(exc, "col", None)
        where = f"{source}:{line}:{col}" if line is not None else source
        message = one_line(str(exc), 160) if str(exc) else type(exc).__name__
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
    if fmt == "tsv" and result.type == "SELECT":  # rdflib writes no TSV: terms as in Turtle
        names, rows = rows_rdflib(result)
        return "".join("\t".join(cells) + "\n" for cells in [[f"?{n}" for n in names], *rows])
    data = result.serialize(format=fmt)
    return _ended(data.decode("utf-8") if isinstance(data, bytes) else str(data))


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
    count = f"({len(cells)} row)" if len(cells) == 1 else f"({len(cells)} rows)"
    return "\n".join([head, sep, *body, count]) + "\n"
