"""Run SPARQL over a built graph; results as a table, CSV or SPARQL JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.query import Result

from histkg.errors import QueryError, SourceError
from histkg.serialize import RdfFormat
from histkg.vocab import PREFIXES

PARSE_FORMATS = {
    RdfFormat.TURTLE: "turtle",
    RdfFormat.NTRIPLES: "nt",
    RdfFormat.NQUADS: "nquads",
    RdfFormat.TRIG: "trig",
    RdfFormat.JSONLD: "json-ld",
}


def load_graph(path: Path) -> Dataset:
    """Load a graph file; the default graph is the union of its named graphs."""
    if not path.is_file():
        raise SourceError(path, "no such graph file; run 'histkg build' first or pass --graph FILE")
    try:
        fmt = RdfFormat.from_extension(path.name)
    except ValueError as exc:
        raise SourceError(path, str(exc)) from None
    dataset = Dataset(default_union=True)
    try:
        dataset.parse(path, format=PARSE_FORMATS[fmt])
    except Exception as exc:  # rdflib raises many parser-specific types
        raise SourceError(
            path, f"cannot parse as {fmt.filename.rsplit('.', 1)[1]}: {exc}"
        ) from None
    return dataset


def run_query(graph: Graph, text: str, source: str = "<query>") -> Result:
    """Run a SPARQL query; histkg's prefixes are predeclared.

    Raises:
        QueryError: the query does not parse (with line and column) or fails.
    """
    try:
        return graph.query(text, initNs=PREFIXES)
    except Exception as exc:
        line = getattr(exc, "lineno", None)
        col = getattr(exc, "col", None)
        where = f"{source}:{line}:{col}" if line is not None else source
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise QueryError(f"{where}: SPARQL error: {message}; fix the query and run again") from None


def _term(value: Any) -> str:
    if value is None:
        return ""
    return str(value)


def rows(result: Result) -> tuple[list[str], list[list[Any]]]:
    if result.type == "ASK":
        return ["ask"], [[bool(result.askAnswer)]]
    names = [str(v) for v in (result.vars or [])]
    return names, [list(r) for r in result]  # type: ignore[arg-type]


def format_table(result: Result) -> str:
    names, data = rows(result)
    cells = [[_term(v) for v in row] for row in data]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    line = " | ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))
    sep = "-+-".join("-" * w for w in widths)
    body = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join([line, sep, *body, f"({len(cells)} rows)"]) + "\n"


def format_csv(result: Result) -> str:
    names, data = rows(result)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    for row in data:
        writer.writerow([_term(v) for v in row])
    return buffer.getvalue()


def _json_term(value: Any) -> dict[str, str]:
    if isinstance(value, URIRef):
        return {"type": "uri", "value": str(value)}
    if isinstance(value, BNode):
        return {"type": "bnode", "value": str(value)}
    assert isinstance(value, Literal)
    out = {"type": "literal", "value": str(value)}
    if value.language:
        out["xml:lang"] = value.language
    elif value.datatype is not None:
        out["datatype"] = str(value.datatype)
    return out


def format_json(result: Result) -> str:
    """W3C SPARQL 1.1 Query Results JSON."""
    if result.type == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.askAnswer)}, indent=2) + "\n"
    names = [str(v) for v in (result.vars or [])]
    bindings = []
    for row in result:
        values: list[Any] = list(row)  # type: ignore[arg-type]
        bindings.append(
            {n: _json_term(v) for n, v in zip(names, values, strict=True) if v is not None}
        )
    return (
        json.dumps(
            {"head": {"vars": names}, "results": {"bindings": bindings}},
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )


FORMATTERS = {"table": format_table, "csv": format_csv, "json": format_json}
