"""``histkg load`` when a store refuses, fails mid-load or goes down, against a tiny
in-memory Graph Store on loopback that can be told to misbehave the way real stores do
(Virtuoso keeps the triples it read before a bad one, even on a PUT; its error pages are
HTML; it answers Basic credentials with a bare 401). Each failure is one line, exit 3,
naming the store and what to do, and says what the store holds afterwards."""

from __future__ import annotations

import http.server
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from histkg.cli import main

GRAPH = "https://w3id.org/histkg/id/document/d1"
OTHER = "https://w3id.org/histkg/id/document/d0"
VIRTUOSO_PAGE = (
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head><title>SPARQL Graph'
    " Protocol request failed</title></head><body><h1>HTTP/1.1 500 Request Failed</h1>"
    "<h3>Error {state}</h3>\n<xmp>{message}</xmp></body></html>"
)


class FakeStore(http.server.BaseHTTPRequestHandler):
    """A Graph Store in memory. ``fail_at``: the write request (1-based) answered with a
    Virtuoso-like 500 after keeping the first half of its triples; ``down_after``: requests
    after this many are cut off; ``status_plan``: statuses to answer first, unread."""

    graphs: ClassVar[dict[str, set[str]]] = {}
    log: ClassVar[list[tuple[str, str, str, str]]] = []
    writes: ClassVar[int] = 0
    fail_at: ClassVar[int | None] = None
    fail_state: ClassVar[str] = "37000"
    down_after: ClassVar[int | None] = None
    status_plan: ClassVar[list[int]] = []
    server_name: ClassVar[str] = "FakeStore/1"
    delay: ClassVar[float] = 0.0
    turtle_only: ClassVar[bool] = False
    want_digest: ClassVar[bool] = False

    def _graph(self) -> str:
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, True)
        return query["graph"][0] if "graph" in query else ""

    def _answer(self, status: int, body: str = "", kind: str = "text/plain") -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Server", FakeStore.server_name)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        if status == 401 and FakeStore.want_digest:
            self.send_header("WWW-Authenticate", 'Digest realm="SPARQL", nonce="abc", qop="auth"')
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length).decode("utf-8")
        kind = self.headers.get("Content-Type", "")
        auth = self.headers.get("Authorization", "")
        FakeStore.log.append((self.command, self._graph(), kind, auth))
        if FakeStore.down_after is not None and len(FakeStore.log) > FakeStore.down_after:
            self.close_connection = True
            self.connection.shutdown(2)
            return
        time.sleep(FakeStore.delay)
        if FakeStore.status_plan:
            status = FakeStore.status_plan.pop(0)
            page = body if status != 500 else ""
            self._answer(status, page)
            return
        if FakeStore.want_digest and not auth.startswith("Digest "):
            self._answer(401)
            return
        if FakeStore.turtle_only and self.command in ("PUT", "POST") and kind != "text/turtle":
            self._answer(415)
            return
        graph = FakeStore._store_graph(self._graph())
        if self.command == "GET":
            if graph is None:
                self._answer(404)
            else:
                self._answer(200, "".join(sorted(graph)), "application/n-triples")
            return
        if self.command == "DELETE":
            FakeStore.graphs.pop(self._graph(), None)
            self._answer(204)
            return
        lines = [line + "\n" for line in body.splitlines() if line.strip()]
        FakeStore.writes += 1
        failing = FakeStore.writes == FakeStore.fail_at
        if self.command == "PUT":
            FakeStore.graphs[self._graph()] = set()
        kept = lines[: len(lines) // 2] if failing else lines
        FakeStore.graphs.setdefault(self._graph(), set()).update(kept)
        if failing:
            message = "SP029: TURTLE RDF loader, line 2: The language identifier is too long"
            page = VIRTUOSO_PAGE.format(state=FakeStore.fail_state, message=message)
            self._answer(500, page, "text/html; charset=UTF-8")
            return
        self._answer(201)

    @staticmethod
    def _store_graph(name: str) -> set[str] | None:
        return FakeStore.graphs.get(name)

    do_GET = do_PUT = do_POST = do_DELETE = handle_any  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fake() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeStore)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeStore.graphs, FakeStore.log, FakeStore.writes = {}, [], 0
    FakeStore.fail_at = FakeStore.down_after = None
    FakeStore.fail_state, FakeStore.status_plan = "37000", []
    FakeStore.server_name, FakeStore.delay = "FakeStore/1", 0.0
    FakeStore.turtle_only = FakeStore.want_digest = False
    yield f"http://127.0.0.1:{server.server_address[1]}/store"
    server.shutdown()
    server.server_close()


def triples(name: str, count: int, word: str) -> list[str]:
    return [f'<http://ex/s{i:02d}> <http://ex/p> "{word} {i}" <{name}> .\n' for i in range(count)]


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(lines), encoding="utf-8")
    return path


def load(fake: str, graph: Path, *extra: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(
        main, ["load", str(graph), "--endpoint", fake, "--no-default-graph", "-q", *extra]
    )
    return result.exit_code, [line for line in result.output.splitlines() if line.strip()]


def as_set(lines: list[str]) -> set[str]:
    return {line.rsplit(" <", 1)[0] + " .\n" for line in lines}


def test_stores_replace_refused_mid_graph_puts_the_old_graph_back(
    fake: str, tmp_path: Path
) -> None:
    old = triples(GRAPH, 5, "old")
    assert load(fake, write(tmp_path / "old.nq", old), "--replace")[0] == 0
    before = set(FakeStore.graphs[GRAPH])
    new = triples(OTHER, 4, "new") + triples(GRAPH, 6, "new")
    FakeStore.fail_at = FakeStore.writes + 2 + 2  # OTHER in 2 requests, then GRAPH's second
    code, lines = load(fake, write(tmp_path / "new.nq", new), "--replace", "--chunk-triples", "2")
    assert code == 3 and len(lines) == 1, lines
    message = lines[0]
    assert message.startswith(f"histkg: error: {fake}: HTTP 500 on POST: ")
    assert "SP029" in message and f"<{GRAPH}> is as it was" in message
    assert "1 graphs before it replaced, 0 after not" in message
    assert FakeStore.graphs[GRAPH] == before
    assert FakeStore.graphs[OTHER] == as_set(triples(OTHER, 4, "new"))


def test_stores_replace_whose_restore_fails_saves_the_old_triples(
    fake: str, tmp_path: Path
) -> None:
    old = triples(GRAPH, 3, "old")
    assert load(fake, write(tmp_path / "old.nq", old), "--replace")[0] == 0
    FakeStore.fail_at = FakeStore.writes + 2
    FakeStore.down_after = len(FakeStore.log) + 3  # GET, PUT, the refused POST; then down
    new = triples(GRAPH, 6, "new")
    code, lines = load(
        fake, write(tmp_path / "new.nq", new), "--replace", "--chunk-triples", "2", "--retries", "0"
    )
    assert code == 3 and len(lines) == 1, lines
    assert f"<{GRAPH}> may hold part of the new triples (its former 3 triples saved in " in lines[0]
    saved = Path(lines[0].split("saved in ", 1)[1].split(")", 1)[0])
    try:
        assert set(saved.read_text(encoding="utf-8").splitlines(keepends=True)) == as_set(old)
    finally:
        saved.unlink()
    assert "run the command again" in lines[0]


def test_stores_append_refused_mid_graph_says_what_went_in_and_again_finishes(
    fake: str, tmp_path: Path
) -> None:
    new = write(tmp_path / "new.nq", triples(GRAPH, 6, "new"))
    FakeStore.fail_at = 2
    code, lines = load(fake, new, "--chunk-triples", "2")
    assert code == 3 and len(lines) == 1
    assert f"<{GRAPH}> got 1 of 3 requests (maybe part of request 2)" in lines[0]
    assert "run the command again" in lines[0]
    assert load(fake, new, "--chunk-triples", "2")[0] == 0
    assert FakeStore.graphs[GRAPH] == as_set(triples(GRAPH, 6, "new"))


def test_stores_refused_before_anything_is_written(fake: str, tmp_path: Path) -> None:
    FakeStore.status_plan = [404, 403]  # GET: no such graph yet; PUT: refused
    code, lines = load(fake, write(tmp_path / "new.nq", triples(GRAPH, 3, "new")), "--replace")
    assert code == 3 and len(lines) == 1
    assert "HTTP 403 on PUT" in lines[0] and lines[0].endswith("the store is as it was")


def test_stores_store_down_names_it_and_says_what_to_do(fake: str, tmp_path: Path) -> None:
    FakeStore.down_after = 0
    code, lines = load(fake, write(tmp_path / "g.nq", triples(GRAPH, 3, "x")), "--retries", "0")
    assert code == 3 and len(lines) == 1
    assert f"{fake}: cannot reach the endpoint on POST: ConnectionError" in lines[0]
    assert "check the URL and that the server runs" in lines[0]


def test_stores_slow_store_times_out_in_one_line(fake: str, tmp_path: Path) -> None:
    FakeStore.delay = 2.0
    graph = write(tmp_path / "g.nq", triples(GRAPH, 3, "x"))
    code, lines = load(fake, graph, "--retries", "0", "--timeout", "0.3")
    assert code == 3 and len(lines) == 1
    assert "no answer to POST within 0.3 s" in lines[0] and "--timeout" in lines[0]


def test_stores_415_resends_the_same_bytes_as_turtle(fake: str, tmp_path: Path) -> None:
    FakeStore.turtle_only = True
    assert load(fake, write(tmp_path / "g.nq", triples(GRAPH, 3, "x")))[0] == 0
    kinds = [kind for method, _g, kind, _a in FakeStore.log if method == "POST"]
    assert kinds == ["application/n-triples", "text/turtle"]
    assert FakeStore.graphs[GRAPH] == as_set(triples(GRAPH, 3, "x"))


def test_stores_digest_challenge_switches_basic_credentials(
    fake: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    FakeStore.want_digest = True
    monkeypatch.setenv("HISTKG_PASSWORD", "pw")
    code, lines = load(fake, write(tmp_path / "g.nq", triples(GRAPH, 2, "x")), "--user", "ann")
    assert code == 0, lines
    auths = [auth.split(" ")[0] for _m, _g, _k, auth in FakeStore.log]
    assert auths[0] == "Basic" and auths[-1] == "Digest"


def test_stores_virtuoso_gets_no_default_graph(fake: str, tmp_path: Path) -> None:
    FakeStore.server_name = "Virtuoso/07.20.3229 (Linux) x86_64-pc-linux-gnu"
    graph = write(tmp_path / "g.nq", triples(GRAPH, 2, "x") + triples(OTHER, 2, "y"))
    result = CliRunner().invoke(main, ["load", str(graph), "--endpoint", fake])
    assert result.exit_code == 0, result.output
    assert {g for _m, g, _k, _a in FakeStore.log} == {GRAPH, OTHER}
    assert "into " + fake + " (Virtuoso)" in result.output
    assert "note: Virtuoso has no default graph to load" in result.output


def test_stores_deterministic_500_is_not_retried_and_its_page_is_one_line(
    fake: str, tmp_path: Path
) -> None:
    FakeStore.fail_at = 1
    FakeStore.fail_state = "37000"
    code, lines = load(fake, write(tmp_path / "g.nq", triples(GRAPH, 4, "x")))
    assert code == 3 and len(lines) == 1
    assert len(FakeStore.log) == 1
    assert "SP029: TURTLE RDF loader, line 2" in lines[0]
    assert "<" not in lines[0].split("HTTP 500 on POST: ", 1)[1].split("; ")[0]


def test_stores_virtuoso_deadlock_is_retried(fake: str, tmp_path: Path) -> None:
    FakeStore.fail_at = 1
    FakeStore.fail_state = "40001"
    assert load(fake, write(tmp_path / "g.nq", triples(GRAPH, 4, "x")))[0] == 0
    assert len(FakeStore.log) == 2
    assert FakeStore.graphs[GRAPH] == as_set(triples(GRAPH, 4, "x"))


@pytest.mark.parametrize(
    ("kind", "body", "expected"),
    [
        (
            "text/html",
            VIRTUOSO_PAGE.format(state="42000", message="SQ110: denied (user ID = 7)"),
            "SQ110: denied",
        ),
        (
            "text/html",
            VIRTUOSO_PAGE.format(state="22023", message="a &quot;default&quot; param"),
            '22023: a "default" param',
        ),
        (
            "text/html",
            "<html><head><title>Oops</title></head><body><h1>500 Server Error</h1><p>Disk\n full</p></body></html>",
            "Disk full",
        ),
        ("application/json", '{"message": "graph is locked"}', "graph is locked"),
        ("text/plain", "Parse error at line 3:\n  bad IRI", "Parse error at line 3: bad IRI"),
        ("text/plain", "x" * 500, "x" * 107 + "..."),
        ("text/plain", "", ""),
    ],
)
def test_stores_reason_of_an_error_answer_is_one_short_line(
    kind: str, body: str, expected: str
) -> None:
    import requests

    from histkg.stores.answers import reason

    response = requests.Response()
    response.status_code = 500
    response.headers["Content-Type"] = kind
    response._content = body.encode("utf-8")
    response.encoding = "utf-8"
    assert reason(response) == expected
