"""Wrong input never reaches a traceback nor replaces good output (issue 10).

Each command runs a table of wrong inputs; every case must exit with the documented code,
print exactly one line on stderr naming what is wrong, raise nothing past the CLI's error
path, and leave the previous output byte-identical. The numbered findings of issue 10
have their own tests below the tables.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import urllib.error
import urllib.request
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner, Result

from histkg.cli import main
from tests.conftest import ARTICLES, ROOT, SEEDS

BROKEN_TURTLE = '@prefix x: <http://x/> .\nx:a x:b x:c .\nx:a x:b "unterminated .\n'
NOT_UTF8_QUERY = b"SELECT ?x\nWHERE { ?x ?p \xe9 }\n"
#: a small article of a few facts: far fewer than the seed build it would replace
SMALL_ARTICLE = (
    "= Blue Faction =\n\nBlue Faction\n- Leader: Anna Berg\n\n"
    "The Blue Faction was a group led by Anna Berg.\n"
)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (or ``folder`` itself, a file) by relative path."""
    if folder.is_file():
        return {folder.name: folder.read_bytes()}
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def assert_one_line_error(result: Result, code: int, fragment: str) -> None:
    """Exit ``code``, one line on stderr holding ``fragment``, nothing raised past the CLI."""
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"raised {result.exception!r} past the error path: {result.output}"
    )
    assert result.exit_code == code, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("histkg: error: "), lines[0]
    assert fragment in lines[0], lines[0]
    assert "Traceback" not in result.output


@dataclass(frozen=True)
class Case:
    """One wrong input: the arguments (``{tmp}`` and the fixture paths are filled in),
    the exit code and a fragment of the message."""

    name: str
    args: list[str]
    code: int
    fragment: str
    files: dict[str, bytes | str] = field(default_factory=dict)  # written into {tmp} first

    def __str__(self) -> str:
        return self.name


def prepare(case: Case, tmp: Path, **paths: Path) -> list[str]:
    for name, content in case.files.items():
        target = tmp / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    values = {"tmp": str(tmp), **{k: str(v) for k, v in paths.items()}}
    return [arg.format(**values) for arg in case.args]


@pytest.fixture
def previous(seed_output: Path, tmp_path: Path) -> Path:
    """A copy of the seed build's output folder: what a wrong build must leave alone."""
    out = tmp_path / "out"
    shutil.copytree(seed_output.parent, out, ignore=shutil.ignore_patterns("store*"))
    return out


# --- build ---------------------------------------------------------------------------------

BUILD_CASES = [
    Case("missing input", ["build", "{tmp}/nowhere", "--out", "{out}"], 2, "no such file"),
    Case(
        "folder with only a README",
        ["build", "{tmp}/docs", "--out", "{out}"],
        2,
        "folder holds no articles (found README.md",
        {"docs/README.md": "# Notes\n\nRun make build. See Smith.\n"},
    ),
    Case(
        "folder with only a query",
        ["build", "{tmp}/q", "--out", "{out}"],
        2,
        "folder holds no articles (found expulsions.rq",
        {"q/expulsions.rq": "SELECT * WHERE { ?s ?p ?o }\n"},
    ),
    Case(
        "a query file named as input",
        ["build", "{tmp}/q.rq", "--out", "{out}"],
        2,
        "is not an article (a .rq file)",
        {"q.rq": "SELECT * WHERE { ?s ?p ?o }\n"},
    ),
    Case("empty article", ["build", "{tmp}/a.txt", "--out", "{out}"], 2, "empty", {"a.txt": b""}),
    Case(
        "article not UTF-8",
        ["build", "{tmp}/a.txt", "--out", "{out}"],
        2,
        "byte 0xe9 is not UTF-8",
        {"a.txt": b"Anna Berg led the \xe9 group.\n"},
    ),
    Case(
        "binary article",
        ["build", "{tmp}/a.txt", "--out", "{out}"],
        2,
        "binary file",
        {"a.txt": b"\x00\x01\x02"},
    ),
    Case(
        "--out onto a file",
        ["build", "{seeds}", "--out", "{out}/graph.ttl", "-q"],
        2,
        "exists and is not a folder",
    ),
    Case(
        "--out under a file",
        ["build", "{seeds}", "--out", "{out}/graph.ttl/sub", "-q"],
        2,
        "graph.ttl is a file, not a folder",
    ),
    Case(
        "bad --base-iri", ["build", "{seeds}", "--out", "{out}", "--base-iri", "x"], 2, "end with"
    ),
    Case("unknown option", ["build", "--outt", "{out}"], 2, "No such option"),
    Case(
        "far fewer facts",
        ["build", "{tmp}/small.txt", "--out", "{out}"],
        2,
        "nothing written",
        {"small.txt": SMALL_ARTICLE},
    ),
]


@pytest.mark.parametrize("case", BUILD_CASES, ids=str)
def test_build_wrong_input(case: Case, tmp_path: Path, previous: Path) -> None:
    args = prepare(case, tmp_path, out=previous, seeds=SEEDS)
    before = snapshot(previous)
    result = CliRunner().invoke(main, args)
    assert_one_line_error(result, case.code, case.fragment)
    assert snapshot(previous) == before


def test_build_interrupted_keeps_previous_output(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import histkg.pipeline

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(histkg.pipeline, "build", interrupted)
    before = snapshot(previous)
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(previous)])
    assert_one_line_error(result, 130, "interrupted")
    assert snapshot(previous) == before


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_build_into_read_only_folder(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(locked / "out")])
        assert_one_line_error(result, 2, "cannot write here (Permission denied)")
    finally:
        locked.chmod(0o755)


# --- query ---------------------------------------------------------------------------------

QUERY = str(ROOT / "queries" / "expulsions.rq")

QUERY_CASES = [
    Case(
        "missing query file", ["query", "{tmp}/none.rq", "--graph", "{graph}"], 2, "no such query"
    ),
    Case("query is a folder", ["query", "{tmp}", "--graph", "{graph}"], 2, "is a folder"),
    Case(
        "query not UTF-8",
        ["query", "{tmp}/q.rq", "--graph", "{graph}"],
        2,
        "q.rq:2: byte 0xe9 is not UTF-8",
        {"q.rq": NOT_UTF8_QUERY},
    ),
    Case(
        "empty query",
        ["query", "{tmp}/q.rq", "--graph", "{graph}"],
        2,
        "q.rq is empty: write a SPARQL query in it",
        {"q.rq": ""},
    ),
    Case(
        "comments only (rdflib)",
        ["query", "{tmp}/q.rq", "--graph", "{graph}", "--engine", "rdflib"],
        2,
        "is empty: write a SPARQL query in it",
        {"q.rq": "# who was expelled?\n\n"},
    ),
    Case(
        "syntax error",
        ["query", "{tmp}/q.rq", "--graph", "{graph}"],
        2,
        "q.rq:2:25: SPARQL syntax error",
        {"q.rq": "SELECT ?x\nWHERE { ?x ?p ?o . FOO }\n"},
    ),
    Case("missing graph", ["query", QUERY, "--graph", "{tmp}/none.nq"], 2, "no such graph file"),
    Case(
        "graph does not parse (oxigraph)",
        ["query", QUERY, "--graph", "{tmp}/bad.ttl"],
        2,
        "bad.ttl:3: cannot parse",
        {"bad.ttl": BROKEN_TURTLE},
    ),
    Case(
        "graph does not parse (rdflib)",
        ["query", QUERY, "--graph", "{tmp}/bad.ttl", "--engine", "rdflib"],
        2,
        "bad.ttl:3: cannot parse as turtle: newline found in string literal",
        {"bad.ttl": BROKEN_TURTLE},
    ),
    Case(
        "unknown graph ending",
        ["query", QUERY, "--graph", "{tmp}/g.xyz"],
        2,
        "unknown RDF file ending",
        {"g.xyz": "x"},
    ),
    Case("unknown format", ["query", QUERY, "--graph", "{graph}", "--format", "yaml"], 2, "yaml"),
]


@pytest.mark.parametrize("case", QUERY_CASES, ids=str)
def test_query_wrong_input(case: Case, tmp_path: Path, previous: Path) -> None:
    args = prepare(case, tmp_path, graph=previous / "graph.nq")
    before = snapshot(previous)
    result = CliRunner().invoke(main, args)
    assert_one_line_error(result, case.code, case.fragment)
    after = snapshot(previous)
    assert {k: v for k, v in after.items() if not k.startswith("store")} == before


def test_query_not_utf8_in_a_real_process_has_no_traceback(tmp_path: Path) -> None:
    """Finding 2, end to end: the installed command prints one line, not a traceback."""
    bad = tmp_path / "q.rq"
    bad.write_bytes(NOT_UTF8_QUERY)
    done = subprocess.run(
        [sys.executable, "-m", "histkg", "query", str(bad), "--graph", str(tmp_path / "g.nq")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"histkg: error: {bad}:2: byte 0xe9 is not UTF-8; re-save the query file as UTF-8"
    ]


# --- validate ------------------------------------------------------------------------------

VALIDATE_CASES = [
    Case("missing graph", ["validate", "{tmp}/none.ttl"], 2, "no such graph file"),
    Case("graph is a folder", ["validate", "{tmp}"], 2, "is a folder"),
    Case(
        "Turtle does not parse",
        ["validate", "{tmp}/bad.ttl"],
        2,
        "bad.ttl:3: cannot parse as turtle: newline found in string literal",
        {"bad.ttl": BROKEN_TURTLE},
    ),
    Case(
        "N-Triples not UTF-8",
        ["validate", "{tmp}/bad.nt"],
        2,
        "bad.nt:2: cannot parse as nt: byte 0xe9 is not UTF-8",
        {"bad.nt": b'<http://a> <http://b> "ok" .\n<http://a> <http://b> "\xe9" .\n'},
    ),
    Case(
        "JSON-LD does not parse",
        ["validate", "{tmp}/bad.jsonld"],
        2,
        "cannot parse as json-ld: Expecting value",
        {"bad.jsonld": '{"@id": '},
    ),
    Case("unknown ending", ["validate", "{tmp}/g.csv"], 2, "unknown RDF file", {"g.csv": "a,b"}),
    Case(
        "missing shapes folder",
        ["validate", "{graph}", "--shapes", "{tmp}/noshapes"],
        2,
        "no such shapes folder",
    ),
    Case(
        "shapes folder without shapes",
        ["validate", "{graph}", "--shapes", "{tmp}/shapes"],
        2,
        "holds no .ttl shapes",
        {"shapes/README.md": "none"},
    ),
    Case(
        "shapes do not parse",
        ["validate", "{graph}", "--shapes", "{tmp}/shapes"],
        2,
        "s.ttl:3: cannot parse the shapes as Turtle: newline found",
        {"shapes/s.ttl": BROKEN_TURTLE},
    ),
]


@pytest.mark.parametrize("case", VALIDATE_CASES, ids=str)
def test_validate_wrong_input(case: Case, tmp_path: Path, previous: Path) -> None:
    args = prepare(case, tmp_path, graph=previous / "graph.ttl")
    before = snapshot(tmp_path)
    result = CliRunner().invoke(main, args)
    assert_one_line_error(result, case.code, case.fragment)
    assert snapshot(tmp_path) == before


def test_validate_hint_names_no_option_it_lacks(tmp_path: Path) -> None:
    """Finding 7: validate takes its graph as an argument; its hint names no --graph."""
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "none.ttl")])
    assert_one_line_error(result, 2, "no such graph file")
    assert "--graph" not in result.stderr
    options = CliRunner().invoke(main, ["validate", "--help"]).output
    assert "--graph" not in options


# --- load ----------------------------------------------------------------------------------

LOAD_CASES = [
    Case("missing graph", ["load", "{tmp}/none.nq", "--store", "{store}"], 2, "no such graph"),
    Case(
        "graph does not parse",
        ["load", "{tmp}/bad.ttl", "--store", "{store}"],
        2,
        "bad.ttl:3: cannot parse",
        {"bad.ttl": BROKEN_TURTLE},
    ),
    Case(
        "graph does not parse (endpoint)",
        ["load", "{tmp}/bad.ttl", "--endpoint", "http://127.0.0.1:9/store"],
        2,
        "bad.ttl:3: cannot parse",
        {"bad.ttl": BROKEN_TURTLE},
    ),
    Case("--store onto a file", ["load", "{graph}", "--store", "{graph}"], 2, "is a file"),
    Case(
        "--store under a file",
        ["load", "{graph}", "--store", "{graph}/db"],
        3,
        "graph.nq is a file, not a folder",
    ),
    Case("no target", ["load", "{graph}"], 2, "exactly one of --endpoint"),
    Case(
        "two targets",
        ["load", "{graph}", "--store", "{store}", "--endpoint", "http://127.0.0.1:9/"],
        2,
        "exactly one of",
    ),
    Case(
        "zero chunk",
        ["load", "{graph}", "--store", "{store}", "--chunk-triples", "0"],
        2,
        "--chunk-triples",
    ),
    Case("negative retries", ["load", "{graph}", "--retries", "-1"], 2, "--retries"),
    Case("endpoint no URL", ["load", "{graph}", "--endpoint", "localhost:7878"], 2, "no http://"),
]


@pytest.mark.parametrize("case", LOAD_CASES, ids=str)
def test_load_wrong_input(case: Case, tmp_path: Path, previous: Path) -> None:
    from histkg.stores.oxigraph import write_store

    store = tmp_path / "db"
    write_store(previous / "graph.nq", store)
    args = prepare(case, tmp_path, graph=previous / "graph.nq", store=store)
    before, graphs = snapshot(store), snapshot(previous)
    result = CliRunner().invoke(main, args)
    assert_one_line_error(result, case.code, case.fragment)
    assert snapshot(store) == before
    assert snapshot(previous) == graphs


def test_load_store_source_goes_inside_the_store(tmp_path: Path, seed_output: Path) -> None:
    """Finding 9: 'load --store DIR' records its graph in DIR, not in DIR's parent."""
    parent = tmp_path / "stores"
    parent.mkdir()
    result = CliRunner().invoke(main, ["load", str(seed_output), "--store", str(parent / "db")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in parent.iterdir()) == ["db"]
    assert (parent / "db" / "store.source").read_text(encoding="utf-8").startswith("graph.nq ")


def test_embedded_store_is_rebuilt_only_when_the_graph_changes(
    tmp_path: Path, seed_output: Path
) -> None:
    from histkg.stores.oxigraph import store_for

    out = tmp_path / "out"
    shutil.copytree(seed_output.parent, out, ignore=shutil.ignore_patterns("store*"))
    store = store_for(out / "graph.nq")
    assert store == out / "store" and (store / "store.source").is_file()
    marker = store / "marker"
    marker.write_text("kept", encoding="utf-8")
    store_for(out / "graph.nq")
    assert marker.is_file(), "a fresh store is not rebuilt"
    with (out / "graph.nq").open("a", encoding="utf-8") as handle:
        handle.write("<http://a> <http://b> <http://c> <http://g> .\n")
    store_for(out / "graph.nq")
    assert not marker.exists(), "a changed graph rebuilds its store"


# --- serve ---------------------------------------------------------------------------------


@pytest.fixture
def no_serving(monkeypatch: pytest.MonkeyPatch) -> None:
    """A case that should fail must not start serving (and so never blocks the test)."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the server started serving")

    monkeypatch.setattr(http.server.ThreadingHTTPServer, "serve_forever", refuse)


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


SERVE_CASES = [
    Case("port out of range", ["serve", "--site", "{site}", "--port", "80000"], 2, "80000"),
    Case("port not a number", ["serve", "--site", "{site}", "--port", "http"], 2, "--port"),
    Case(
        "busy port",
        ["serve", "--site", "{site}", "--graph", "{tmp}/none.nq", "--port", "{port}"],
        3,
        "the port is already in use; stop the other server or pick another --port",
    ),
    Case(
        "address not on this machine",
        ["serve", "--site", "{site}", "--graph", "{tmp}/none.nq", "--host", "192.0.2.1"],
        3,
        "no such address on this machine",
    ),
    Case("no site", ["serve", "--site", "{tmp}"], 2, "holds no site; run 'histkg publish'"),
    Case("zero timeout", ["serve", "--site", "{site}", "--timeout", "0"], 2, "--timeout"),
    Case(
        "graph does not parse",
        ["serve", "--site", "{site}", "--graph", "{tmp}/bad.ttl"],
        2,
        "bad.ttl:3: cannot parse",
        {"bad.ttl": BROKEN_TURTLE},
    ),
]


@pytest.mark.parametrize("case", SERVE_CASES, ids=str)
@pytest.mark.usefixtures("no_serving")
def test_serve_wrong_input(case: Case, tmp_path: Path, site_dir: Path, busy_port: int) -> None:
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    args = prepare(case, tmp_path / "in", site=site, port=Path(str(busy_port)))
    before = snapshot(site)
    result = CliRunner().invoke(main, args)
    assert_one_line_error(result, case.code, case.fragment)
    assert snapshot(site) == before


def test_serve_sparql_errors_count_the_users_lines(server: str) -> None:
    """Finding 5: a syntax error's position is in the query the client sent."""
    query = "SELECT ?x\nWHERE { ?x ?p ?o . FOO }"
    with pytest.raises(urllib.error.HTTPError) as failed:
        urllib.request.urlopen(f"{server}/sparql?query={quote(query)}", timeout=30)
    assert failed.value.code == 400
    body = failed.value.read().decode("utf-8")
    assert "line 2, column 25:" in body, body
    assert "error at" not in body


# --- publish -------------------------------------------------------------------------------

PUBLISH_CASES = [
    Case("missing input", ["publish", "{tmp}/nowhere", "--out", "{site}"], 2, "no such file"),
    Case(
        "folder with only a README",
        ["publish", "{tmp}/docs", "--out", "{site}"],
        2,
        "folder holds no articles (found README.md",
        {"docs/README.md": "# Notes\n"},
    ),
    Case(
        "--out onto a file",
        ["publish", "{seeds}", "--out", "{site}/index.html", "-q"],
        2,
        "exists and is not a folder",
    ),
    Case("bad --base-iri", ["publish", "--base-iri", "https://x.org/id#"], 2, "must end with '/'"),
    Case(
        "far fewer facts",
        ["publish", "{tmp}/small.txt", "--out", "{site}"],
        2,
        "nothing written",
        {"small.txt": SMALL_ARTICLE},
    ),
]


@pytest.mark.parametrize("case", PUBLISH_CASES, ids=str)
def test_publish_wrong_input(case: Case, tmp_path: Path, site_dir: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    args = prepare(case, tmp_path / "in", site=site, seeds=SEEDS)
    before = snapshot(site)
    result = CliRunner().invoke(main, args)
    assert_one_line_error(result, case.code, case.fragment)
    assert snapshot(site) == before


# --- evaluate ------------------------------------------------------------------------------

GOLD = ROOT / "tests" / "gold" / "seeds.json"

EVALUATE_CASES = [
    Case("missing build", ["evaluate", "{tmp}/none", str(GOLD)], 2, "no such graph file"),
    Case("missing gold", ["evaluate", "{graph}", "{tmp}/none.json"], 2, "no such gold file"),
    Case(
        "gold not JSON",
        ["evaluate", "{graph}", "{tmp}/g.json"],
        2,
        "not JSON",
        {"g.json": "{nope"},
    ),
    Case("missing texts", ["evaluate", "{graph}", str(GOLD), "--texts", "{tmp}/no"], 2, "texts"),
    Case(
        "--json into a folder",
        ["evaluate", "{graph}", str(GOLD), "--json", "{tmp}", "-q"],
        2,
        "cannot write",
    ),
    Case("no gold", ["evaluate", "{graph}"], 2, "GOLD.json"),
]


@pytest.mark.parametrize("case", EVALUATE_CASES, ids=str)
def test_evaluate_wrong_input(case: Case, tmp_path: Path, previous: Path) -> None:
    args = prepare(case, tmp_path, graph=previous / "graph.nq")
    before = snapshot(previous)
    result = CliRunner().invoke(main, args)
    assert_one_line_error(result, case.code, case.fragment)
    assert snapshot(previous) == before


def test_every_command_has_a_table() -> None:
    tables = {"build", "query", "validate", "load", "serve", "publish", "evaluate"}
    assert set(main.commands) == tables  # type: ignore[attr-defined]


# --- the error path itself -------------------------------------------------------------------


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    from histkg.errors import SourceError

    result = CliRunner().invoke(main, ["--debug", "validate", str(tmp_path / "none.ttl")])
    assert isinstance(result.exception, SourceError)


def test_a_bug_is_one_line_with_exit_4(monkeypatch: pytest.MonkeyPatch, previous: Path) -> None:
    import histkg.query

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("a bug")

    monkeypatch.setattr(histkg.query, "load_graph", broken)
    result = CliRunner().invoke(main, ["validate", str(previous / "graph.ttl")])
    assert_one_line_error(result, 4, "internal error (ValueError: a bug); run again with --debug")


def test_library_warnings_become_coded_warnings(
    monkeypatch: pytest.MonkeyPatch, previous: Path
) -> None:
    """Finding 14: a library's raw warning (spaCy's W036 was one) is passed on as W901."""
    import histkg.query

    real = histkg.query.load_graph

    def warning_load(path: Path, graph_option: str | None = "--graph") -> object:
        warnings.warn(
            "[W036] The component 'entity_ruler' does not have any patterns defined.",
            UserWarning,
            stacklevel=1,
        )
        return real(path, graph_option)

    monkeypatch.setattr(histkg.query, "load_graph", warning_load)
    result = CliRunner().invoke(main, ["validate", str(previous / "graph.ttl"), "-q"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("warning: W901 "), result.stderr
    assert "The component 'entity_ruler' does not have any patterns defined" in lines[0]
    assert "UserWarning" not in result.stderr


def test_a_build_without_names_prints_no_library_warning(tmp_path: Path) -> None:
    """Finding 14 at the cause: an article without any name gives spaCy's name ruler no
    patterns, and no raw W036 (nor any library warning) is printed."""
    article = tmp_path / "notes.txt"
    article.write_text("Run the tool on a folder. It writes the files.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(article), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "W036" not in result.output and "W901" not in result.output, result.output


# --- findings with their own test ------------------------------------------------------------


def test_build_refuses_far_fewer_facts_unless_forced(tmp_path: Path, previous: Path) -> None:
    """Finding 1: refused with one line saying what was found; --force replaces it."""
    small = tmp_path / "small.txt"
    small.write_text(SMALL_ARTICLE, encoding="utf-8")
    before = snapshot(previous)
    result = CliRunner().invoke(main, ["build", str(small), "--out", str(previous)])
    assert_one_line_error(result, 2, f"{previous}: the new graph would replace")
    assert "read 1 document (small.txt)" in result.stderr
    assert "pass --force" in result.stderr
    assert snapshot(previous) == before
    forced = CliRunner().invoke(main, ["build", str(small), "--out", str(previous), "--force"])
    assert forced.exit_code == 0, forced.output
    assert snapshot(previous)["graph.nt"] != before["graph.nt"]


def test_build_summary_and_table_counts_are_singular(tmp_path: Path, previous: Path) -> None:
    """Finding 11: '1 document', '1 person', '(1 row)'."""
    small = tmp_path / "small.txt"
    small.write_text(SMALL_ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(small), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "built 1 document, " in result.stderr and "1 documents" not in result.stderr
    assert "1 person, " in result.stderr and "1 persons" not in result.stderr
    one = tmp_path / "one.rq"
    one.write_text("SELECT ?x WHERE { BIND(1 AS ?x) }\n", encoding="utf-8")
    table = CliRunner().invoke(main, ["query", str(one), "--graph", str(previous / "graph.nq")])
    assert table.output.endswith("(1 row)\n"), table.output


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv", "table"])
def test_query_results_end_with_a_newline(
    engine: str, fmt: str, tmp_path: Path, previous: Path
) -> None:
    """Finding 11: every result format ends its last line."""
    one = tmp_path / "one.rq"
    one.write_text("SELECT ?x WHERE { BIND(1 AS ?x) }\n", encoding="utf-8")
    graph = str(previous / "graph.nq")
    args = ["query", str(one), "--graph", graph, "--format", fmt, "--engine", engine]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("\n") and not result.stdout.endswith("\n\n")
    if fmt == "json":
        assert json.loads(result.stdout)["results"]["bindings"][0]["x"]["value"] == "1"


def test_crlf_article_reads_as_lf(tmp_path: Path) -> None:
    """Finding 13: CRLF line endings are normalised; no evidence quote keeps a '\\r'."""
    from histkg.pipeline import build
    from histkg.sources import read_article

    source = ARTICLES / "ghana_coup_1974.txt"
    lf = source.read_bytes().replace(b"\r\n", b"\n")
    crlf_file = tmp_path / "crlf" / source.name
    crlf_file.parent.mkdir()
    crlf_file.write_bytes(lf.replace(b"\n", b"\r\n"))
    lf_file = tmp_path / "lf" / source.name
    lf_file.parent.mkdir()
    lf_file.write_bytes(lf)
    crlf, plain = read_article(crlf_file), read_article(lf_file)
    assert "\r" not in crlf.text
    assert (crlf.text, crlf.blocks, crlf.infobox) == (plain.text, plain.blocks, plain.infobox)
    quotes = build([crlf_file]).graph.query(
        "SELECT ?q WHERE { ?s <https://w3id.org/histkg/ontology#quote> ?q }"
    )
    texts = [str(row[0]) for row in quotes]  # type: ignore[index]
    assert texts and not any("\r" in q for q in texts)
