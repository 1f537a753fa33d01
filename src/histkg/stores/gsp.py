"""A client of any SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph, Fuseki, GraphDB,
Virtuoso …), and the split of a build into the graphs it sends.

Each document's named graph goes to its own graph IRI (``?graph=IRI``), the merged graph to
the default graph (``?default``), as N-Triples (``application/n-triples``; on a 415 the same
bytes again as ``text/turtle``, of which N-Triples is a subset). Connection errors, 502–504
and 500s that are no deterministic refusal are retried with back-off; a Digest challenge
(Virtuoso's ``/sparql-graph-crud-auth``) switches Basic credentials to Digest. Every refusal
becomes one line naming the store, the request, the store's own reason and what to do
(:mod:`histkg.stores.answers`). How a build is sent is :mod:`histkg.stores.load`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph as ox
import requests
from requests.adapters import HTTPAdapter
from requests.auth import HTTPBasicAuth, HTTPDigestAuth
from requests.utils import get_netrc_auth
from urllib3.util.retry import Retry

from histkg.errors import SourceError, StoreError
from histkg.stores.answers import hint, product, reason, store_hint, transient
from histkg.stores.oxigraph import FORMATS

DEFAULT = ""  # key of the default graph
MESSAGE_CHARS = 300  # an error line is cut there (histkg.errors.one_line)
NTRIPLES = "application/n-triples"
TURTLE = "text/turtle"
#: Answers that refuse a request before the store reads its body.
REFUSED_UNREAD = frozenset({401, 403, 404, 405, 411, 413, 414, 415})
#: Virtuoso's messages of such refusals (no right to write; no default graph).
UNREAD_MESSAGES = ("SQ110", "SR619", '"default" param')


class EndpointError(StoreError):
    """A request that failed: ``head`` names the endpoint and the request, ``why`` is the
    store's own reason, ``advice`` what to do; ``unread`` when the store refused the request
    before reading its body (so it wrote nothing of it)."""

    def __init__(self, head: str, why: str, advice: str, unread: bool = False) -> None:
        self.head, self.why, self.advice, self.unread = head, why, advice, unread
        super().__init__(self.line())

    def line(self, tail: str = "", limit: int = MESSAGE_CHARS) -> str:
        """The message with ``tail`` after it, the store's reason cut to fit ``limit``."""
        rest = f"{self.advice}; {tail}" if tail else self.advice
        room = limit - len(self.head) - len(rest) - 4
        why = self.why
        if len(why) > room:
            why = why[: room - 3].rstrip() + "..." if room >= 24 else ""
        return f"{self.head}: {why}; {rest}" if why else f"{self.head}: {rest}"


def _safe(url: str) -> str:
    """The URL without any user:password part, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, ""))


def graph_label(name: str) -> str:
    return f"<{name}>" if name else "the default graph"


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
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.url = url
        self.timeout = timeout
        self.retries = retries
        self.sleep = sleep
        self.product: str | None = None
        self.content_type = NTRIPLES
        self.session = requests.Session()
        retry = Retry(  # connection and read errors; answers are retried in request()
            total=retries,
            connect=retries,
            read=retries,
            status=0,
            backoff_factor=0.5,
            allowed_methods=frozenset({"GET", "PUT", "POST", "DELETE"}),
            raise_on_status=False,
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.user = user
        self.credentials: tuple[str, str] | None = (user, password or "") if user else None
        if self.credentials is None:  # else requests reads ~/.netrc (or $NETRC) itself
            found = get_netrc_auth(url)
            self.credentials = (found[0], found[1]) if found else None
        if user and self.credentials is not None:
            self.session.auth = (
                HTTPDigestAuth(*self.credentials) if digest else HTTPBasicAuth(*self.credentials)
            )

    @property
    def name(self) -> str:
        """The endpoint for messages: its URL without credentials, and the store's name."""
        return f"{_safe(self.url)} ({self.product})" if self.product else _safe(self.url)

    def _digest_wanted(self, response: requests.Response) -> bool:
        """A Digest challenge to Basic (or netrc) credentials, or Virtuoso's bare 401 to
        them: switch them to Digest."""
        challenge = response.headers.get("WWW-Authenticate", "").lower()
        if (
            response.status_code != 401
            or not (challenge.startswith("digest") or product(response) == "Virtuoso")
            or self.credentials is None
            or isinstance(self.session.auth, HTTPDigestAuth)
        ):
            return False
        self.session.auth = HTTPDigestAuth(*self.credentials)
        return True

    def request(
        self, method: str, graph: str, body: str | None = None, accept: str | None = None
    ) -> requests.Response:
        """One request to the graph, retried as described above; any answer is returned."""
        params = {"graph": graph} if graph else {"default": ""}
        data = body.encode("utf-8") if body is not None else None
        attempt = 0
        while True:
            headers = {"Content-Type": self.content_type} if data is not None else {}
            if accept:
                headers["Accept"] = accept
            try:
                response = self.session.request(
                    method, self.url, params=params, data=data, headers=headers,
                    timeout=self.timeout,
                )  # fmt: skip
            except requests.exceptions.RequestException as exc:
                if isinstance(exc, requests.exceptions.Timeout) or "timed out" in str(exc):
                    raise EndpointError(
                        f"{self.name}: no answer to {method} within {self.timeout:g} s",
                        "",
                        "check that the server runs, raise --timeout or lower --chunk-triples",
                    ) from None
                raise EndpointError(
                    f"{self.name}: cannot reach the endpoint on {method}",
                    type(exc).__name__,
                    "check the URL and that the server runs",
                ) from None
            self.product = product(response) or self.product
            if self._digest_wanted(response):
                continue
            if response.status_code == 415 and data is not None and self.content_type != TURTLE:
                self.content_type = TURTLE
                continue
            if transient(response) and attempt < self.retries:
                self.sleep(min(8.0, 0.25 * 2**attempt))
                attempt += 1
                continue
            return response

    def refusal(self, response: requests.Response, method: str, graph: str) -> EndpointError:
        """The one-line error for an error answer."""
        known = store_hint(response, self.url, self.user)
        return EndpointError(
            f"{_safe(self.url)}: HTTP {response.status_code} on {method}",
            "" if known else reason(response),
            known or hint(response, self.url, self.user),
            response.status_code in REFUSED_UNREAD
            or any(text in (response.text or "") for text in UNREAD_MESSAGES),
        )

    def send(self, method: str, graph: str, body: str) -> None:
        """PUT or POST N-Triples to a graph; a StoreError when the store refuses them."""
        response = self.request(method, graph, body)
        if response.status_code >= 400:
            raise self.refusal(response, method, graph)

    def fetch(self, graph: str) -> list[str] | None:
        """The graph's triples as sorted N-Triples lines ([] when it does not exist), or
        None when the store will not say."""
        try:
            response = self.request("GET", graph, accept=f"{NTRIPLES}, {TURTLE};q=0.9")
        except StoreError:
            return None
        if response.status_code == 404:
            return []
        if response.status_code != 200:
            return None
        kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        fmt = {NTRIPLES: ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES}.get(
            kind, ox.RdfFormat.TURTLE
        )
        try:
            triples = ox.parse(response.content, format=fmt)
            return sorted({f"{t.subject} {t.predicate} {t.object} .\n" for t in triples})
        except SyntaxError:
            return None

    def delete(self, graph: str) -> None:
        response = self.request("DELETE", graph)
        if response.status_code >= 400 and response.status_code != 404:
            raise self.refusal(response, "DELETE", graph)
