"""Load graphs into any SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph, Fuseki,
GraphDB, Virtuoso …).

Each document's named graph goes to its own graph IRI (``?graph=IRI``), the merged
graph to the default graph (``?default``). Requests carry N-Triples in chunks; with
``replace`` the first chunk of each graph is a PUT and the rest POSTs, otherwise all are
POSTs. A graph holds a set of triples and histkg mints no blank nodes, so loading the
same build twice leaves the store unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph as ox
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from histkg.errors import SourceError, StoreError
from histkg.stores.oxigraph import FORMATS

DEFAULT = ""  # key of the default graph

HINTS = {
    401: "the endpoint wants credentials: pass --user and set the password variable,"
    " or add a netrc entry",
    403: "the endpoint refused these credentials or this operation; check the account's rights",
    404: "no Graph Store here; check the URL (Oxigraph: /store, Fuseki: /DATASET/data)",
    405: "the endpoint does not accept this method; check the Graph Store URL",
    413: "request too large for the endpoint; lower --chunk-triples",
}


def _safe(url: str) -> str:
    """The URL without any user:password part, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, ""))


def split_graphs(path: Path, include_default: bool = True) -> dict[str, list[str]]:
    """N-Triples lines per graph IRI (``DEFAULT`` for the merged graph), sorted."""
    if not path.is_file():
        raise SourceError(path, "no such graph file; run 'histkg build' first")
    fmt = FORMATS.get(path.suffix)
    if fmt is None:
        raise SourceError(path, "unknown RDF file ending; use .nq, .trig, .nt, .ttl or .jsonld")
    graphs: dict[str, set[str]] = {}
    try:
        for quad in ox.parse(path=str(path), format=fmt):
            line = f"{quad.subject} {quad.predicate} {quad.object} .\n"
            name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else DEFAULT
            graphs.setdefault(name, set()).add(line)
    except SyntaxError as exc:
        raise SourceError(path, f"cannot parse: {exc.msg}", exc.lineno) from None
    if include_default:
        merged = set().union(*graphs.values()) if graphs else set()
        graphs[DEFAULT] = merged
    elif DEFAULT in graphs and len(graphs) > 1:
        del graphs[DEFAULT]
    return {name: sorted(lines) for name, lines in sorted(graphs.items())}


class GraphStore:
    """A Graph Store Protocol endpoint, with retries and one-line errors."""

    def __init__(
        self,
        url: str,
        user: str | None = None,
        password: str | None = None,
        retries: int = 4,
        timeout: float = 60.0,
        digest: bool = False,
    ) -> None:
        self.url = url
        self.timeout = timeout
        self.session = requests.Session()
        retry = Retry(
            total=retries,
            connect=retries,
            read=retries,
            status=retries,
            backoff_factor=0.5,
            status_forcelist=(500, 502, 503, 504),
            allowed_methods=frozenset({"GET", "PUT", "POST", "DELETE"}),
            raise_on_status=False,
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        if user:  # else requests reads ~/.netrc (or $NETRC) for the host
            if digest:
                self.session.auth = requests.auth.HTTPDigestAuth(user, password or "")
            else:
                self.session.auth = (user, password or "")

    def send(self, method: str, graph: str, body: str) -> None:
        params = {"graph": graph} if graph else {"default": ""}
        try:
            response = self.session.request(
                method,
                self.url,
                params=params,
                data=body.encode("utf-8"),
                headers={"Content-Type": "application/n-triples"},
                timeout=self.timeout,
            )
        except requests.exceptions.RequestException as exc:
            reason = type(exc).__name__
            raise StoreError(
                f"{_safe(self.url)}: cannot reach the endpoint ({reason});"
                " check the URL and that the server runs"
            ) from None
        if response.status_code >= 400:
            hint = HINTS.get(response.status_code, "the endpoint refused the data")
            raise StoreError(f"{_safe(self.url)}: HTTP {response.status_code} on {method}: {hint}")


def load_graphs(
    client: GraphStore,
    graphs: dict[str, list[str]],
    replace: bool = False,
    chunk: int = 50_000,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Send every graph; returns the number of triples sent."""
    sent = 0
    for name, lines in graphs.items():
        if not lines and replace:
            client.send("PUT", name, "")
        for i in range(0, len(lines), max(1, chunk)):
            part = lines[i : i + chunk]
            method = "PUT" if replace and i == 0 else "POST"
            client.send(method, name, "".join(part))
            sent += len(part)
            if progress:
                progress(len(part))
    return sent
