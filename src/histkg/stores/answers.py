"""What a store's HTTP answer says: which store it is, its reason on one line, what to do.

Stores answer a refusal with an HTML page (Virtuoso: ``<h3>Error 42000</h3><xmp>SQ110:
SECURITY: Permission denied …</xmp>``), plain text or JSON. :func:`reason` turns any of them
into one short line; :func:`hint` adds what the user can do, knowing the quirks of the store
named in the ``Server`` header.
"""

from __future__ import annotations

import html
import json
import re

import requests

#: Products recognised from the ``Server`` header (first match wins).
PRODUCTS = (
    ("virtuoso", "Virtuoso"),
    ("oxigraph", "Oxigraph"),
    ("fuseki", "Fuseki"),
    ("jetty", "Fuseki"),
    ("graphdb", "GraphDB"),
)

HINTS = {
    401: "the endpoint wants credentials: pass --user and set the password variable,"
    " or add a netrc entry",
    403: "the endpoint refused these credentials or this operation; check the account's rights",
    404: "no Graph Store here; check the URL (Oxigraph: /store, Fuseki: /DATASET/data,"
    " Virtuoso: /sparql-graph-crud-auth)",
    405: "the endpoint does not accept this method; check the Graph Store URL",
    413: "request too large for the endpoint; lower --chunk-triples",
    415: "the endpoint takes neither N-Triples nor Turtle; check the Graph Store URL",
}

REASON_CHARS = 110


def product(response: requests.Response) -> str | None:
    """The store that answered ('Virtuoso', 'Oxigraph', …), from its ``Server`` header."""
    server = response.headers.get("Server", "").lower()
    for needle, name in PRODUCTS:
        if needle in server:
            return name
    return None


def sql_state(text: str) -> str | None:
    """Virtuoso's SQL state of an error page ('42000' of ``<h3>Error 42000</h3>``)."""
    match = re.search(r"\bError ([0-9A-Z]{5})\b", text)
    return match.group(1) if match else None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def reason(response: requests.Response, limit: int = REASON_CHARS) -> str:
    """The store's own reason for an error answer, on one line ('' when it gives none)."""
    try:
        text = response.text or ""
    except (UnicodeDecodeError, LookupError):  # a body in no known encoding
        return ""
    text = text.strip()
    if not text:
        return ""
    kind = response.headers.get("Content-Type", "").lower()
    if "json" in kind:
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if isinstance(data, dict):
            for key in ("message", "error", "detail"):
                if isinstance(data.get(key), str):
                    text = data[key]
                    break
    elif "<" in text and re.search(r"<(html|body|h\d|p|title|xmp|pre)\b", text, re.I):
        text = _page_reason(text)
    line = _squash(re.sub(r"\s*\(user ID = \d+\)", "", html.unescape(text)))
    return line if len(line) <= limit else line[: limit - 3].rstrip() + "..."


def _page_reason(page: str) -> str:
    """The message of an HTML error page: Virtuoso's ``<xmp>`` (its SQL message), else the
    body's text without the title and status heading it repeats."""
    match = re.search(r"<(xmp|pre)[^>]*>(.*?)</\1>", page, re.S | re.I)
    if match:
        state = sql_state(page)
        message = match.group(2)
        return (
            message
            if state is None or re.search(r"\b[A-Z]{2}\d{3}\b", message)
            else f"{state}: {message}"
        )
    body = re.search(r"<body[^>]*>(.*)</body>", page, re.S | re.I)
    text = body.group(1) if body else page
    text = re.sub(r"<(script|style|title)[^>]*>.*?</\1>", " ", text, flags=re.S | re.I)
    text = re.sub(r"<h1[^>]*>\s*(HTTP/[\d.]+ )?\d{3}[^<]*</h1>", " ", text, flags=re.I)
    return re.sub(r"<[^>]+>", " ", text)


def transient(response: requests.Response) -> bool:
    """True when sending the same request again may work (a 502–504, a 500 that is no
    deterministic refusal: Virtuoso's deadlocks, SQL state class 40, are retried)."""
    if response.status_code in (502, 503, 504):
        return True
    if response.status_code != 500:
        return False
    state = sql_state(response.text or "")
    return state is None or state.startswith("40")


def hint(response: requests.Response, url: str, user: str | None) -> str:
    """What the user can do about an error answer."""
    status = response.status_code
    known = store_hint(response, url, user)
    if known:
        return known
    if status == 401 and not user:
        challenge = response.headers.get("WWW-Authenticate", "")
        if challenge.lower().startswith("digest"):
            return "the endpoint wants Digest credentials: pass --user and set the password"
    if status == 401 and user:
        return "the endpoint refused these credentials; check the user and password"
    if status >= 500:
        return "the store failed on this request; see its log"
    return HINTS.get(status, "the endpoint refused the data")


def store_code(text: str) -> str | None:
    """Virtuoso's own code of an error page ('SQ110', 'SP029'), else its SQL state."""
    match = re.search(r"\b(S[A-Z]\d{3})\b", text)
    return match.group(1) if match else sql_state(text)


def store_hint(response: requests.Response, url: str, user: str | None) -> str | None:
    """What a refusal peculiar to the store that answered means and what to do (Virtuoso's
    refusals that users hit), or None."""
    if product(response) != "Virtuoso":
        return None
    status = response.status_code
    text = response.text or ""
    code = store_code(text)
    tag = f"Virtuoso {code}" if code else "Virtuoso"
    who = f'"{user}"' if user else "the user"
    if code in ("SQ110", "SR619") or (status == 403 and "ermission" in text):
        if not url.rstrip("/").endswith("-auth"):
            return f"{tag}: /sparql-graph-crud is read-only; use /sparql-graph-crud-auth and --user"
        if code == "SR619":
            return (
                f"{tag}: {who} may not write this graph; as dba run"
                f" DB.DBA.RDF_GRAPH_USER_PERMS_SET('GRAPH', '{user or 'USER'}', 3)"
            )
        return f"{tag}: {who} may not write RDF; as dba run GRANT SPARQL_UPDATE TO {who}"
    if '"default" param' in text:
        return f"{tag}: no default graph (its queries read all graphs); load graph.nq or graph.trig"
    if code == "SP029" or "RDF loader" in text or "unsupported type" in text:
        return f"{tag}: cannot parse a triple here (see docs/stores.md for its limits)"
    if code in ("SR325", "SR483") or "after image" in text:
        return f"{tag}: transaction too large; lower --chunk-triples"
    if status == 401 and user:
        return f"{tag}: refused these credentials; check the user and password"
    return None
