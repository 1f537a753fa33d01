"""Answers of SPARQL stores as comparable multisets of solutions.

Every store's answer is read from the W3C SPARQL 1.1 JSON results format. Only what SPARQL
and RDF say is equal is normalised before comparing:

* numbers by value, not lexical form or type: ``"7"^^xsd:nonNegativeInteger`` (as written)
  equals ``"7"^^xsd:integer`` (as Oxigraph returns it), as SPARQL's ``=`` on numerics says;
* a language tag's case (RDF 1.1 Concepts §3.3: tags compare case-insensitively; Virtuoso
  returns ``ru-latn`` for ``ru-Latn``);
* a simple literal and the same ``xsd:string`` (one term in RDF 1.1);
* a blank node's label (scoped to one answer).

Anything else (a date's precision or type, a string, an IRI, a missing or extra solution,
a solution repeated) is a difference.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {
    XSD + name
    for name in (
        "integer decimal float double nonNegativeInteger positiveInteger negativeInteger"
        " nonPositiveInteger long int short byte unsignedLong unsignedInt unsignedShort"
        " unsignedByte"
    ).split()
}

Term = tuple[str, ...]
Solution = tuple[tuple[str, Term], ...]


def canonical(binding: dict[str, str]) -> Term:
    """A term of a JSON result, normalised as the module says."""
    kind = binding["type"]
    value = binding["value"]
    if kind == "uri":
        return ("iri", value)
    if kind == "bnode":
        return ("bnode",)
    if "xml:lang" in binding:
        return ("literal", value, "@" + binding["xml:lang"].lower())
    datatype = binding.get("datatype", XSD + "string")
    if datatype in NUMERIC:
        try:
            return ("number", str(Decimal(value).normalize()))
        except InvalidOperation:
            pass
    return ("literal", value, datatype)


def solutions(results: dict[str, Any]) -> Counter[Solution]:
    """The solutions of a JSON SELECT result (an ASK as one solution ``?ask``)."""
    if "boolean" in results:
        return Counter({(("ask", ("boolean", str(results["boolean"]).lower())),): 1})
    found: Counter[Solution] = Counter()
    for row in results["results"]["bindings"]:
        found[tuple(sorted((name, canonical(term)) for name, term in row.items()))] += 1
    return found


def show(solution: Solution, limit: int = 400) -> str:
    """A solution on one line: ``?name=term …``."""

    def term(t: Term) -> str:
        if t[0] == "iri":
            return f"<{t[1]}>"
        if t[0] == "number":
            return t[1]
        if t[0] == "literal":
            suffix = t[2] if t[2].startswith("@") else f"^^<{t[2]}>"
            return json.dumps(t[1], ensure_ascii=False) + ("" if t[2] == XSD + "string" else suffix)
        return "_:b"

    text = " ".join(f"?{name}={term(value)}" for name, value in solution)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def differences(
    store: str, query: str, expected: Counter[Solution], got: Counter[Solution], limit: int = 6
) -> list[str]:
    """One line per solution that ``store`` answers differently from the reference."""
    lines = []
    for solution in sorted(set(expected) | set(got)):
        want, have = expected[solution], got[solution]
        if want != have:
            lines.append(
                f"{store}: {query}: solution x{have} (reference x{want}): {show(solution)}"
            )
    if len(lines) > limit:
        lines = [*lines[:limit], f"{store}: {query}: … {len(lines) - limit} more differences"]
    return lines


def over_http(url: str, query: str, timeout: float = 120) -> dict[str, Any]:
    """A query's JSON results through the SPARQL 1.1 Protocol (form POST)."""
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(
        url, data=body, headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        cap = response.headers.get("X-SPARQL-MaxRows")
        data: dict[str, Any] = json.load(response)
    rows = len(data.get("results", {}).get("bindings", []))
    if cap is not None and rows >= int(cap):
        raise AssertionError(f"{url}: the answer was cut at the store's {cap} rows")
    return data


def from_file(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
