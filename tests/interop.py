"""The stores of the interoperability test, each loaded the way its users load it.

* Oxigraph, embedded: ``histkg query`` (the store beside ``graph.nq``), the reference.
* Oxigraph server: ``oxigraph serve``, loaded with ``histkg load --endpoint …/store``.
* Virtuoso: loaded with ``histkg load`` over its Graph Store endpoint
  ``/sparql-graph-crud-auth`` (HTTP Digest, dba/dba), queried at ``/sparql``.
* Jena TDB2: loaded with its own bulk loader ``tdb2.tdbloader`` (how TDB2 databases are
  made; Debian has no Fuseki to load over HTTP): ``graph.nq`` (the documents' graphs) and
  ``graph.nt`` (the merged graph, into TDB2's default graph, which is no union unless
  ``tdb:unionDefaultGraph`` is set); queried with ``tdb2.tdbquery``.

Every query gets histkg's prefixes in front, as ``histkg query`` does.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from histkg.query import PROLOGUE, query_file
from tests import jena
from tests.solutions import over_http
from tests.virtuoso import Virtuoso, free_port

OXIGRAPH = Path(sys.executable).with_name("oxigraph")
DOCUMENTS = "https://w3id.org/histkg/id/document/"
#: Quads in the documents' graphs, and distinct triples in them (the merged graph).
COUNT_QUADS = (
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }"
    f' FILTER (STRSTARTS(STR(?g), "{DOCUMENTS}")) }}'
)
COUNT_TRIPLES = (
    "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o }"
    f' FILTER (STRSTARTS(STR(?g), "{DOCUMENTS}")) }} }}'
)
ALL_QUADS = (
    "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o }"
    f' FILTER (STRSTARTS(STR(?g), "{DOCUMENTS}")) }}'
)


def require(reason: str | None) -> None:
    """Skip (or fail, when ``HISTKG_REQUIRE_STORES=1``) when a store cannot run here."""
    import pytest

    if reason is None:
        return
    if os.environ.get("HISTKG_REQUIRE_STORES") == "1":
        pytest.fail(f"{reason}; HISTKG_REQUIRE_STORES=1 needs it")
    pytest.skip(reason)


def oxigraph_binary() -> str | None:
    return str(OXIGRAPH) if OXIGRAPH.exists() else shutil.which("oxigraph")


def start_oxigraph(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    """``oxigraph serve`` on a free loopback port; its process and base URL."""
    binary = oxigraph_binary()
    assert binary is not None
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(url + "/", timeout=1)
            return process, url
        except OSError:
            time.sleep(0.05)
    stop(process)
    raise RuntimeError("oxigraph server did not start")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a server by its process id."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def oxigraph_load_args(graph: Path, url: str) -> list[str]:
    return ["load", str(graph), "--endpoint", url + "/store", "--replace", "-q"]


def virtuoso_load_args(graph: Path, server: Virtuoso) -> list[str]:
    """``histkg load`` into Virtuoso (the password dba comes from $HISTKG_PASSWORD)."""
    endpoint = server.url + "/sparql-graph-crud-auth"
    return ["load", str(graph), "--endpoint", endpoint, "--user", "dba", "--digest", "--replace"]


def tdb2_load(graph: Path, location: Path) -> None:
    """``tdb2.tdbloader --loc DIR graph.nq graph.nt`` (a new database)."""
    merged = graph.with_suffix(".nt")
    result = jena.run("tdbloader", "--loc", str(location), str(graph), str(merged), timeout=900)
    if result.returncode != 0:
        raise RuntimeError(f"tdb2.tdbloader failed: {result.stderr[-1500:]}")


def ask_tdb2(location: Path, query: str, scratch: Path) -> dict[str, Any]:
    """``tdb2.tdbquery --loc DIR --results=json --query FILE``."""
    scratch.mkdir(parents=True, exist_ok=True)
    path = scratch / "query.rq"
    path.write_text(PROLOGUE + query, encoding="utf-8")
    result = jena.run(
        "tdbquery", "--loc", str(location), "--results=json", "--query", str(path), timeout=600
    )
    if result.returncode != 0:
        raise AssertionError(f"tdb2.tdbquery failed: {result.stderr[-1500:]}")
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def ask_embedded(graph: Path, query: str, name: str = "<query>") -> dict[str, Any]:
    """The embedded Oxigraph store's answer (``histkg query --format json``)."""
    results = query_file(graph, query, name)
    data: dict[str, Any] = json.loads(results.serialize(format=ox.QueryResultsFormat.JSON))
    return data


def ask_http(url: str, query: str) -> dict[str, Any]:
    return over_http(url, PROLOGUE + query)


def number(results: dict[str, Any]) -> int:
    """The single number of a COUNT answer."""
    return int(results["results"]["bindings"][0]["n"]["value"])
