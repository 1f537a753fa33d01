"""The query page of ``histkg serve``: an HTML form at ``/sparql`` for a browser, with the
project's competency queries as examples, the answer as a table that links into the site,
CSV/JSON downloads, and a syntax error shown at its line and column."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from histkg.publish.dates import as_written
from histkg.publish.listings import NAV
from histkg.publish.site import _env

XSD = "http://www.w3.org/2001/XMLSchema#"
DATE_TYPES = {XSD + "date", XSD + "gYearMonth", XSD + "gYear"}
#: ``?format=`` of a download: (media type, file ending)
DOWNLOADS = {
    "csv": ("text/csv", "csv"),
    "tsv": ("text/tab-separated-values", "tsv"),
    "json": ("application/sparql-results+json", "json"),
    "xml": ("application/sparql-results+xml", "xml"),
}
HTML_TYPES = ("text/html", "application/xhtml+xml")
CLIENT_TYPES = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "text/turtle",
    "application/n-triples",
    "application/json",
)


@dataclass(frozen=True)
class Example:
    name: str  # the file's stem
    title: str  # its first comment line
    text: str


def load_examples(folder: Path | None) -> list[Example]:
    """The ``*.rq`` files of a folder, titled by their first comment ('Competency question:'
    taken off), sorted by name; none when there is no such folder."""
    if folder is None or not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = next((line for line in text.splitlines() if line.startswith("#")), "")
        title = re.sub(r"^#\s*(?:Competency question:\s*)?", "", first).strip() or path.stem
        out.append(Example(path.stem, title[:1].upper() + title[1:], text))
    return out


def site_base(site: Path) -> str:
    """The base IRI the site was published for (its VoID's ``void:uriSpace``), or ''."""
    void = site / "void.ttl"
    if not void.is_file():
        return ""
    match = re.search(r'void:uriSpace "([^"]+)"', void.read_text(encoding="utf-8"))
    return match.group(1) if match else ""


def wants_html(ranges: list[tuple[str, float]]) -> bool:
    """A browser asks for HTML by name, before any SPARQL result format; a client that
    sends no Accept header or ``*/*`` gets the W3C formats as before."""
    best_html = max((q for media, q in ranges if media in HTML_TYPES), default=0.0)
    best_other = max((q for media, q in ranges if media in CLIENT_TYPES), default=0.0)
    return best_html > 0 and best_html >= best_other


def cell(term: dict[str, str], base: str) -> dict[str, str]:
    """A result value: an IRI of the site links to its page; a date is written out."""
    value = term.get("value", "")
    if term.get("type") == "uri":
        if base and value.startswith(base) and len(value) > len(base):
            local = value[len(base) :]
            return {"text": local, "href": local + ".html", "title": value}
        return {"text": value, "href": value, "title": ""}
    if term.get("type") == "bnode":
        return {"text": "_:" + value, "href": "", "title": ""}
    datatype = term.get("datatype", "")
    if datatype in DATE_TYPES:
        return {"text": as_written(value), "href": "", "title": value}
    lang = term.get("xml:lang", "")
    return {"text": value, "href": "", "title": "", "lang": lang}


def table(data: bytes, base: str) -> dict[str, Any]:
    """Columns and rows of a SPARQL JSON answer (or the boolean of an ASK)."""
    answer = json.loads(data)
    if "boolean" in answer:
        return {"boolean": "yes" if answer["boolean"] else "no"}
    columns = list(answer.get("head", {}).get("vars", []))
    rows = [
        [cell(b[c], base) if c in b else None for c in columns]
        for b in answer.get("results", {}).get("bindings", [])
    ]
    return {"columns": columns, "rows": rows}


def error_lines(query: str, message: str) -> list[dict[str, Any]]:
    """The query's lines, numbered, the one a syntax error names marked with a caret."""
    match = re.search(r"line (\d+), column (\d+)", message)
    bad_line, column = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
    out = []
    for number, line in enumerate(query.splitlines(), 1):
        bad = number == bad_line
        out.append({"number": number, "text": line, "bad": bad, "caret": " " * (column - 1) + "^"})
    return out


def render(
    query: str,
    examples: list[Example],
    *,
    result: dict[str, Any] | None = None,
    graph_text: str = "",
    error: str = "",
    syntax: bool = False,
) -> bytes:
    """The page: the form, the examples, and the answer or the error."""
    downloads = []
    if query.strip() and (result is not None and "columns" in result):
        downloads = [
            {"name": name.upper(), "href": "sparql?" + urlencode({"query": query, "format": name})}
            for name in ("csv", "json")
        ]
    text = (
        _env()
        .get_template("query.html")
        .render(
            root="",
            nav=NAV,
            title="Ask the graph (SPARQL)",
            query=query,
            examples=[
                {"title": e.title, "name": e.name, "href": "sparql?" + urlencode({"query": e.text})}
                for e in examples
            ],
            result=result,
            graph_text=graph_text,
            error=error,
            lines=error_lines(query, error) if syntax else [],
            downloads=downloads,
        )
    )
    return text.encode("utf-8")
