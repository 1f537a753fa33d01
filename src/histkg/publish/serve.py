"""Serve the static site with content negotiation, and a read-only SPARQL endpoint.

* ``/person/x`` (the thing) answers ``303 See Other`` to ``/person/x.html``, ``.ttl``,
  ``.jsonld`` or ``.nt`` after the ``Accept`` header (W3C "Cool URIs"), ``Vary: Accept``;
  ``406`` when none of those is acceptable;
* files of the site are served as they are; nothing outside the site folder is;
* ``/sparql`` runs SPARQL 1.1 queries (GET ``?query=``, POST form or
  ``application/sparql-query``) on the embedded store, each in a child process killed
  after ``timeout`` seconds (``503``), with caps on the size of the query (``413`` for a
  POST body, ``414`` for a GET URL), on the rows or triples of the answer and on its bytes
  (``413``: add a LIMIT); updates are refused (``403``).
"""

from __future__ import annotations

import errno
import http.server
import itertools
import multiprocessing
import posixpath
import re
import socket
from multiprocessing.connection import Connection
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pyoxigraph as ox

from histkg.errors import StoreError, UsageError
from histkg.query import with_prefixes  # imported here, not in each query's child: 0.3 s

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


class SiteHandler(http.server.BaseHTTPRequestHandler):
    site: Path
    store: Path | None
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
            query = parse_qs(parts.query).get("query", [""])[0]
            self.sparql(query)
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

    def sparql(self, query: str) -> None:
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
        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe(duplex=False)
        worker = context.Process(
            target=_run_query,
            args=(str(self.store), query, fmt, self.max_bytes, self.max_rows, child),
        )
        worker.start()
        child.close()
        if not parent.poll(self.timeout):
            worker.kill()
            worker.join()
            self.text(
                503,
                f"Service Unavailable: the query ran longer than {self.timeout:g} s and was stopped; narrow it",
            )
            return
        status, data = parent.recv()
        worker.join()
        if status == "ok":
            self.reply(
                200,
                data,
                f"{media}; charset=utf-8" if media.startswith("text/") else media,
                {"Vary": "Accept"},
            )
        elif status == "too-many-rows":
            self.text(
                413,
                f"Payload Too Large: the answer has more than {self.max_rows:,} rows or triples;"
                " add a LIMIT",
            )
        elif status == "too-large":
            self.text(
                413, f"Payload Too Large: the answer exceeds {self.max_bytes:,} bytes; add a LIMIT"
            )
        elif status == "syntax":
            self.text(400, f"Bad Request: SPARQL syntax error: {data.decode()}")
        else:
            self.text(500, f"Query failed: {data.decode()}")


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
) -> Server:
    """An HTTP server for ``site`` (call ``serve_forever`` on it)."""
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
