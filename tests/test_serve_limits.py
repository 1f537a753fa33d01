"""``histkg serve`` limits (issue 10): the size of a query, the rows of its answer, and a
client that sends half a request and hangs, which must not stop others being served."""

from __future__ import annotations

import socket
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_publish import get

ROWS = 5
QUERY_BYTES = 300


@pytest.fixture(scope="module")
def small_server(site_dir: Path, seed_output: Path) -> Iterator[str]:
    """A server with small caps: 5 rows, queries of 300 bytes."""
    from histkg.publish.serve import make_server
    from histkg.stores.oxigraph import store_for

    httpd = make_server(
        site_dir,
        store_for(seed_output),
        "127.0.0.1",
        0,
        timeout=5.0,
        max_bytes=200_000,
        max_rows=ROWS,
        max_query_bytes=QUERY_BYTES,
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def select(server: str, query: str) -> tuple[int, bytes]:
    url = server + "/sparql?" + urllib.parse.urlencode({"query": query})
    status, _headers, body = get(url, "application/sparql-results+json")
    return status, body


def test_serve_limits_rows(small_server: str) -> None:
    status, body = select(small_server, f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {ROWS}")
    assert status == 200 and body.count(b'"s"') >= ROWS
    status, body = select(small_server, f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {ROWS + 1}")
    assert status == 413 and b"more than 5 rows" in body
    status, body = select(small_server, "CONSTRUCT WHERE { ?s ?p ?o }")
    assert status == 413 and b"rows or triples" in body
    status, body = select(small_server, "ASK { ?s ?p ?o }")
    assert status == 200 and b"true" in body


def test_serve_limits_query_size(small_server: str) -> None:
    long_query = "SELECT * WHERE { ?s ?p ?o } LIMIT 1 #" + "x" * QUERY_BYTES
    status, _h, body = get(
        small_server + "/sparql", None, long_query.encode(), "application/sparql-query"
    )
    assert status == 413 and b"at most 300" in body
    status, _body = select(small_server, long_query)
    assert status == 414
    status, _h, _body = get(
        small_server + "/sparql",
        None,
        b"SELECT * WHERE { ?s ?p ?o } LIMIT 1",
        "application/sparql-query",
    )
    assert status == 200


def test_serve_limits_bad_content_length(small_server: str) -> None:
    host, port = small_server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n")
        answer = conn.recv(4096)
    assert answer.startswith(b"HTTP/1.0 400") or answer.startswith(b"HTTP/1.1 400")


def test_serve_limits_hanging_client_blocks_no_one(small_server: str) -> None:
    host, port = small_server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as hanging:
        hanging.sendall(b"GET /index.html HTTP/1.1\r\nHost: x\r\n")  # never finished
        status, _h, body = get(small_server + "/index.html")
        assert status == 200 and b"<html" in body
        status, _body = select(small_server, "ASK { ?s ?p ?o }")
        assert status == 200
