"""Serve the static site with content negotiation, and a read-only SPARQL endpoint.

* ``/person/x`` (the thing) answers ``303 See Other`` to ``/person/x.html``, ``.ttl``,
  ``.jsonld`` or ``.nt`` after the ``Accept`` header (W3C "Cool URIs"), ``Vary: Accept``;
  ``406`` when none of those is acceptable;
* files of the site are served as they are; nothing outside the site folder is;
* ``/sparql`` runs SPARQL 1.1 queries (GET ``?query=``, POST form or
  ``application/sparql-query``) on the embedded store, each in a child process killed
  after ``timeout`` seconds (``503``), with caps on the size of the query (``413`` for a
  POST body, ``414`` for a GET URL), on the rows or triples of the answer and on its bytes
  (``413``: add a LIMIT); updates are refused (``403``); ``?format=csv`` (tsv, json,
  xml) downloads the answer in that format whatever the Accept header says;
* a browser (``Accept`` naming ``text/html`` before any result format) gets an HTML query
  page at ``/sparql`` instead: a form, the example queries, the answer as a table.
"""

from __future__ import annotations

import errno
import http.server
import posixpath
import re
import socket
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from histkg.errors import StoreError, UsageError
from histkg.publish import query_page
from histkg.publish.endpoint import run_query

RDF_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".ttl": "text/turtle; charset=utf-8",
    ".jsonld": "application/ld+json",
    ".nt": "application/n-triples",
}
OTHER_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".gz": "application/gzip",
    ".svg": "image/svg+xml",
}
NEGOTIABLE = [
    ("text/html", ".html"),
    ("application/xhtml+xml", ".html"),
    ("text/turtle", ".ttl"),
    ("application/ld+json", ".jsonld"),
    ("application/n-triples", ".nt"),
]
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
#: default caps of a SPARQL request: the query's size in bytes, the rows of its answer
MAX_QUERY_BYTES = 100_000
MAX_ROWS = 100_000
UPDATE_RE = re.compile(
    r"^\s*(?:(?:PREFIX|BASE)\s[^\n]*\n\s*)*(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.I,
)


def accepted(header: str | None) -> list[tuple[str, float]]:
    """Media ranges of an Accept header, best first."""
    if not header:
        return [("*/*", 1.0)]
    out = []
    for part in header.split(","):
        fields = part.strip().split(";")
        q = 1.0
        for field in fields[1:]:
            name, _, value = field.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if fields[0].strip():
            out.append((fields[0].strip().lower(), q))
    return sorted(out, key=lambda mq: -mq[1])


def negotiate(header: str | None) -> str | None:
    """The file ending to redirect to, or None (406)."""
    for media, q in accepted(header):
        if q <= 0:
            continue
        if media in ("*/*", "text/*"):
            return ".html"
        for offered, ending in NEGOTIABLE:
            if media == offered or (media.endswith("/*") and offered.startswith(media[:-1])):
                return ending
    return None


class SiteHandler(http.server.BaseHTTPRequestHandler):
    site: Path
    store: Path | None
    queries: Path | None = None  # the example queries of the query page (*.rq)
    base = ""  # the base IRI the site was published for
    timeout = 10.0  # seconds a query may run (also the socket timeout of a silent client)
    max_bytes = 10_000_000
    max_rows = MAX_ROWS
    max_query_bytes = MAX_QUERY_BYTES
    server_version = "histkg"

    def log_message(self, format: str, *args: object) -> None:
        pass

    # --- plumbing ---------------------------------------------------------------------

    def reply(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def text(self, status: int, message: str) -> None:
        self.reply(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def not_found(self) -> None:
        page = self.site / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found\n"
        self.reply(404, body, "text/html; charset=utf-8")

    def local(self, url_path: str) -> Path | None:
        """The file for a URL path, or None when it would leave the site folder."""
        path = posixpath.normpath(unquote(url_path))
        if "\x00" in path or any(part == ".." for part in path.split("/")):
            return None
        target = (self.site / path.lstrip("/")).resolve()
        if not target.is_relative_to(self.site.resolve()):
            return None
        return target

    # --- verbs ------------------------------------------------------------------------

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path == "/sparql":
            if len(parts.query) > self.max_query_bytes:
                self.text(
                    414,
                    f"URI Too Long: the query is longer than {self.max_query_bytes:,} bytes",
                )
                return
            params = parse_qs(parts.query)
            self.sparql(params.get("query", [""])[0], params.get("format", [""])[0])
            return
        path = parts.path
        if path.endswith("/"):
            path += "index.html"
        target = self.local(path)
        if target is None:
            self.text(403, "Forbidden: that path leaves the site")
            return
        if target.is_file():
            ending = target.suffix
            content_type = RDF_TYPES.get(ending) or OTHER_TYPES.get(
                ending, "application/octet-stream"
            )
            if path == "/.well-known/void":
                content_type = "text/turtle; charset=utf-8"
            self.reply(200, target.read_bytes(), content_type)
            return
        if target.with_name(target.name + ".html").is_file():
            negotiated = negotiate(self.headers.get("Accept"))
            if negotiated is None:
                offered = ", ".join(sorted({m for m, _e in NEGOTIABLE}))
                self.reply(
                    406,
                    f"Not Acceptable: this resource is offered as {offered}\n".encode(),
                    "text/plain; charset=utf-8",
                    {"Vary": "Accept"},
                )
                return
            self.reply(
                303,
                b"",
                "text/plain; charset=utf-8",
                {"Location": parts.path + negotiated, "Vary": "Accept"},
            )
            return
        self.not_found()

    def do_POST(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != "/sparql":
            self.text(405, "Method Not Allowed: the site is read-only")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            self.text(400, "Bad Request: Content-Length is not a number of bytes")
            return
        if length > self.max_query_bytes:
            self.close_connection = True  # the body is not read
            self.text(
                413,
                f"Payload Too Large: the query is {length:,} bytes; at most"
                f" {self.max_query_bytes:,} are read",
            )
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        if content_type == "application/sparql-update" or "update" in parse_qs(body):
            self.text(403, "Forbidden: this endpoint is read-only; SPARQL updates are refused")
            return
        if content_type == "application/sparql-query":
            query = body
        else:
            query = parse_qs(body).get("query", [""])[0]
        self.sparql(query)

    def do_PUT(self) -> None:
        self.text(405, "Method Not Allowed: the site is read-only")

    do_DELETE = do_PUT  # noqa: N815

    # --- SPARQL -------------------------------------------------------------------------

    def sparql(self, query: str, download: str = "") -> None:
        if not download and query_page.wants_html(accepted(self.headers.get("Accept"))):
            self.query_form(query)
            return
        if self.store is None:
            self.text(503, "No SPARQL store: build one with 'histkg build' first")
            return
        if not query.strip():
            self.text(400, "Bad Request: give a query (?query=… or a POST body)")
            return
        if UPDATE_RE.search(query):
            self.text(403, "Forbidden: this endpoint is read-only; SPARQL updates are refused")
            return
        fmt, media = "json", "application/sparql-results+json"
        is_graph = re.search(r"\b(?:CONSTRUCT|DESCRIBE)\b", query, re.I) is not None
        for accept, _q in accepted(self.headers.get("Accept")):
            if is_graph:
                if accept in ("application/n-triples", "text/turtle"):
                    fmt, media = (
                        ("nt", "application/n-triples")
                        if accept == "application/n-triples"
                        else ("ttl", "text/turtle")
                    )
                    break
                fmt, media = "ttl", "text/turtle"
            elif accept in RESULT_TYPES:
                fmt, media = RESULT_TYPES[accept], accept
                break
        if is_graph and fmt not in ("nt", "ttl"):
            fmt, media = "ttl", "text/turtle"
        if download in query_page.DOWNLOADS and not is_graph:
            media, fmt = query_page.DOWNLOADS[download]
        status, data = run_query(
            self.store, query, fmt, self.timeout, self.max_bytes, self.max_rows
        )
        if status == "ok":
            headers = {"Vary": "Accept"}
            if download in query_page.DOWNLOADS and not is_graph:
                headers["Content-Disposition"] = f'attachment; filename="results.{fmt}"'
            self.reply(
                200,
                data,
                f"{media}; charset=utf-8" if media.startswith("text/") else media,
                headers,
            )
            return
        code, message = self.failure(status, data)
        self.text(code, message)

    def failure(self, status: str, data: bytes) -> tuple[int, str]:
        """The HTTP status and message of a query that gave no answer."""
        if status == "timeout":
            return (
                503,
                f"Service Unavailable: the query ran longer than {self.timeout:g} s and was stopped; narrow it",
            )
        if status == "too-many-rows":
            return (
                413,
                f"Payload Too Large: the answer has more than {self.max_rows:,} rows or triples;"
                " add a LIMIT",
            )
        if status == "too-large":
            return (
                413,
                f"Payload Too Large: the answer exceeds {self.max_bytes:,} bytes; add a LIMIT",
            )
        if status == "syntax":
            return 400, f"Bad Request: SPARQL syntax error: {data.decode()}"
        return 500, f"Query failed: {data.decode()}"

    def query_form(self, query: str) -> None:
        """The HTML query page: the form, and the answer as a table (or the error)."""
        examples = query_page.load_examples(self.queries)
        html = "text/html; charset=utf-8"
        headers = {"Vary": "Accept"}

        def page(code: int, **answer: object) -> None:
            self.reply(code, query_page.render(query, examples, **answer), html, headers)  # type: ignore[arg-type]

        if not query.strip():
            page(200)
        elif self.store is None:
            page(503, error="No SPARQL store: build one with 'histkg build' first")
        elif UPDATE_RE.search(query):
            page(403, error="This endpoint is read-only; SPARQL updates are refused")
        else:
            is_graph = re.search(r"\b(?:CONSTRUCT|DESCRIBE)\b", query, re.I) is not None
            status, data = run_query(
                self.store,
                query,
                "ttl" if is_graph else "json",
                self.timeout,
                self.max_bytes,
                self.max_rows,
            )
            if status != "ok":
                code, message = self.failure(status, data)
                page(code, error=message.split(": ", 1)[-1], syntax=status == "syntax")
            elif is_graph:
                page(200, graph_text=data.decode("utf-8"))
            else:
                page(200, result=query_page.table(data, self.base))


class Server(http.server.ThreadingHTTPServer):
    """A thread per connection; a listen backlog for bursts of clients (the default of 5
    makes the sixth of fifty clients connecting at once wait for the SYN to be resent, a
    second or more)."""

    request_queue_size = 128


def make_server(
    site: Path,
    store: Path | None,
    host: str = "127.0.0.1",
    port: int = 8000,
    timeout: float = 10.0,
    max_bytes: int = 10_000_000,
    max_rows: int = MAX_ROWS,
    max_query_bytes: int = MAX_QUERY_BYTES,
    queries: Path | None = None,
) -> Server:
    """An HTTP server for ``site`` (call ``serve_forever`` on it); ``queries`` is a folder
    of ``*.rq`` files offered as examples on the query page."""
    handler = type(
        "Handler",
        (SiteHandler,),
        {
            "site": site.resolve(),
            "store": store,
            "timeout": timeout,
            "max_bytes": max_bytes,
            "max_rows": max_rows,
            "max_query_bytes": max_query_bytes,
            "queries": queries,
            "base": query_page.site_base(site),
        },
    )
    if not 0 <= port <= 65535:
        raise UsageError(
            f"port {port} is out of range; pick a --port from 0 (any free port) to 65535"
        )
    try:
        return Server((host, port), handler)
    except OSError as exc:
        raise StoreError(f"{host}:{port}: {_bind_reason(exc, port)}") from None


def _bind_reason(exc: OSError, port: int) -> str:
    """Why a server cannot listen on a port, and what to do."""
    if exc.errno == errno.EADDRINUSE:
        return "the port is already in use; stop the other server or pick another --port"
    if exc.errno == errno.EACCES:
        return f"not allowed to listen on port {port}; pick a --port above 1023"
    if exc.errno == errno.EADDRNOTAVAIL or isinstance(exc, socket.gaierror):
        return "no such address on this machine; check --host (127.0.0.1 is the default)"
    return f"cannot listen ({exc.strerror or exc}); check --host and --port"
