"""``histkg load`` against a real Virtuoso (Debian's ``virtuoso-opensource``, on loopback):
the refusals users hit, each one line naming the store and what to do, and a failed load
that leaves the graph as it was or says what went in. Virtuoso may keep the triples it read
before one it cannot parse (a language tag longer than it takes), even on a PUT."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from histkg.cli import main
from tests import interop, virtuoso
from tests.interop import require

GRAPH = "https://w3id.org/histkg/id/document/vt"
LONG_TAG = "en-" + "-".join(["abcdefgh"] * 40)  # valid BCP 47; Virtuoso: "too long"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[virtuoso.Virtuoso]:
    require(virtuoso.available())
    running = virtuoso.start(tmp_path_factory.mktemp("virtuoso-errors"))
    try:
        yield running
    finally:
        running.stop()


def quads(words: list[str], tag_at: int | None = None) -> str:
    lines = []
    for i, word in enumerate(words):
        literal = f'"{word}"@{LONG_TAG}' if i == tag_at else f'"{word}"'
        lines.append(f"<http://ex/s{i:02d}> <http://ex/p> {literal} <{GRAPH}> .\n")
    return "".join(lines)


def load(
    server: virtuoso.Virtuoso, path: Path, *extra: str, password: str = "dba", auth: bool = True
) -> tuple[int, list[str]]:
    endpoint = server.url + ("/sparql-graph-crud-auth" if auth else "/sparql-graph-crud")
    args = ["load", str(path), "--endpoint", endpoint, "-q", *extra]
    result = CliRunner().invoke(main, args, env={"HISTKG_PASSWORD": password})
    return result.exit_code, [line for line in result.output.splitlines() if line.strip()]


def objects(server: virtuoso.Virtuoso) -> set[str]:
    answer = interop.ask_http(
        server.url + "/sparql", f"SELECT ?o WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}"
    )
    return {row["o"]["value"] for row in answer["results"]["bindings"]}


def test_virtuoso_basic_credentials_switch_to_digest(
    server: virtuoso.Virtuoso, tmp_path: Path
) -> None:
    path = tmp_path / "g.nq"
    path.write_text(quads(["a", "b"]), encoding="utf-8")
    code, lines = load(server, path, "--user", "dba", "--replace")  # no --digest
    assert code == 0, lines
    assert objects(server) == {"a", "b"}


def test_virtuoso_loading_twice_doubles_nothing(server: virtuoso.Virtuoso, tmp_path: Path) -> None:
    path = tmp_path / "g.nq"
    path.write_text(quads(["t1", "t2", "t3"]), encoding="utf-8")
    assert load(server, path, "--user", "dba", "--replace")[0] == 0
    assert load(server, path, "--user", "dba")[0] == 0  # appended again
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}"
    assert interop.number(interop.ask_http(server.url + "/sparql", count)) == 3


def test_virtuoso_wrong_password(server: virtuoso.Virtuoso, tmp_path: Path) -> None:
    path = tmp_path / "g.nq"
    path.write_text(quads(["a"]), encoding="utf-8")
    code, lines = load(server, path, "--user", "dba", "--digest", password="wrong")
    assert code == 3 and len(lines) == 1
    assert "HTTP 401 on POST: Virtuoso: refused these credentials" in lines[0]
    assert lines[0].endswith("the store is as it was") and "wrong" not in lines[0]


def test_virtuoso_anonymous_endpoint_is_read_only(
    server: virtuoso.Virtuoso, tmp_path: Path
) -> None:
    path = tmp_path / "g.nq"
    path.write_text(quads(["a"]), encoding="utf-8")
    code, lines = load(server, path, "--replace", auth=False)
    assert code == 3 and len(lines) == 1
    assert "HTTP 403 on PUT: Virtuoso SQ110: /sparql-graph-crud is read-only" in lines[0]
    assert "use /sparql-graph-crud-auth and --user" in lines[0]


def test_virtuoso_user_without_update_right_is_told_the_grant(
    server: virtuoso.Virtuoso, tmp_path: Path
) -> None:
    server.isql("DB.DBA.USER_CREATE('reader', 'readerpw');")
    path = tmp_path / "g.nq"
    path.write_text(quads(["r1", "r2"]), encoding="utf-8")
    code, lines = load(server, path, "--user", "reader", "--replace", password="readerpw")
    assert code == 3 and len(lines) == 1
    assert 'Virtuoso SQ110: "reader" may not write RDF' in lines[0]
    grant = lines[0].split("as dba run ", 1)[1].split(";", 1)[0]
    assert grant == 'GRANT SPARQL_UPDATE TO "reader"'
    server.isql(grant + ";")  # the advice works
    code, lines = load(server, path, "--user", "reader", "--replace", password="readerpw")
    assert code == 0, lines
    assert objects(server) == {"r1", "r2"}


def test_virtuoso_chunk_it_cannot_parse_replace_puts_the_graph_back(
    server: virtuoso.Virtuoso, tmp_path: Path
) -> None:
    old = tmp_path / "old.nq"
    old.write_text(quads(["o1", "o2", "o3"]), encoding="utf-8")
    assert load(server, old, "--user", "dba", "--replace")[0] == 0
    new = tmp_path / "new.nq"
    new.write_text(quads([f"n{i}" for i in range(6)], tag_at=3), encoding="utf-8")
    code, lines = load(server, new, "--user", "dba", "--replace", "--chunk-triples", "2")
    assert code == 3 and len(lines) == 1
    assert "HTTP 500 on POST: Virtuoso" in lines[0] and "cannot parse a triple" in lines[0]
    assert lines[0].endswith("the store is as it was")
    assert objects(server) == {"o1", "o2", "o3"}


def test_virtuoso_chunk_it_cannot_parse_append_says_what_went_in(
    server: virtuoso.Virtuoso, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.nq"
    empty.write_text(quads(["x"]), encoding="utf-8")
    assert load(server, empty, "--user", "dba", "--replace")[0] == 0
    new = tmp_path / "new.nq"
    new.write_text(quads([f"n{i}" for i in range(6)], tag_at=3), encoding="utf-8")
    code, lines = load(server, new, "--user", "dba", "--chunk-triples", "2")
    assert code == 3 and len(lines) == 1
    assert f"<{GRAPH}> got 1 of 3 requests (maybe part of request 2)" in lines[0]
    assert lines[0].endswith("run the command again")
    assert {"x", "n0", "n1"} <= objects(server) <= {"x", "n0", "n1", "n2", "n4", "n5"}


def test_virtuoso_has_no_default_graph_to_load(server: virtuoso.Virtuoso, tmp_path: Path) -> None:
    path = tmp_path / "g.nt"
    path.write_text('<http://ex/a> <http://ex/p> "a" .\n', encoding="utf-8")
    code, lines = load(server, path, "--user", "dba")
    assert code == 3 and len(lines) == 1
    assert "Virtuoso 22023: no default graph (its queries read all graphs)" in lines[0]
    assert "load graph.nq or graph.trig" in lines[0] and lines[0].endswith("as it was")
