"""Loading into real triple stores: the Oxigraph server over HTTP, a local Oxigraph
folder, and how the Graph Store client behaves on errors (a scripted local HTTP server)."""

from __future__ import annotations

import http.server
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from histkg.cli import main
from histkg.query import query_file, rows_oxigraph
from tests.conftest import ROOT

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
OXIGRAPH = Path(sys.executable).with_name("oxigraph")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """A real Oxigraph server on a free loopback port, stopped by its PID afterwards."""
    binary = OXIGRAPH if OXIGRAPH.exists() else shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server (PyPI package 'oxigraph') is not installed; run make test")
    port = free_port()
    process = subprocess.Popen(
        [str(binary), "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph server did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def sparql(url: str, query: str) -> list[tuple[str, ...]]:
    """Run a query through the SPARQL 1.1 Protocol; rows as N-Triples strings."""
    from histkg.query import PROLOGUE

    body = urllib.parse.urlencode({"query": PROLOGUE + query}).encode()
    request = urllib.request.Request(
        url + "/query", data=body, headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        data = json.load(response)
    names = data["head"]["vars"]
    return [tuple(term(b.get(n)) for n in names) for b in data["results"]["bindings"]]


def term(binding: dict[str, str] | None) -> str:
    if binding is None:
        return ""
    if binding["type"] == "uri":
        return f"<{binding['value']}>"
    value = binding["value"].replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if "xml:lang" in binding:
        return f'"{value}"@{binding["xml:lang"]}'
    if (
        binding.get("datatype", "http://www.w3.org/2001/XMLSchema#string")
        != "http://www.w3.org/2001/XMLSchema#string"
    ):
        return f'"{value}"^^<{binding["datatype"]}>'
    return f'"{value}"'


def count(url: str, where: str) -> int:
    return int(sparql(url, f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0][0].split('"')[1])


def test_stores_oxigraph_server_load_query_reload(oxigraph_server: str, seed_output: Path) -> None:
    runner = CliRunner()
    endpoint = oxigraph_server + "/store"
    result = runner.invoke(main, ["load", str(seed_output), "--endpoint", endpoint, "--replace"])
    assert result.exit_code == 0, result.output
    quads = len(seed_output.read_text(encoding="utf-8").splitlines())
    triples = len((seed_output.parent / "graph.nt").read_text(encoding="utf-8").splitlines())
    assert count(oxigraph_server, "GRAPH ?g { ?s ?p ?o }") == quads
    assert count(oxigraph_server, "?s ?p ?o") == triples
    for query in QUERIES:
        text = query.read_text(encoding="utf-8")
        over_http = sparql(oxigraph_server, text)
        embedded = rows_oxigraph(query_file(seed_output, text, query.name))[1]
        assert sorted(over_http) == sorted(embedded), query.name
    # appending the same build again, and replacing it, doubles nothing
    assert runner.invoke(main, ["load", str(seed_output), "--endpoint", endpoint]).exit_code == 0
    assert (
        runner.invoke(
            main,
            [
                "load",
                str(seed_output),
                "--endpoint",
                endpoint,
                "--replace",
                "--chunk-triples",
                "100",
            ],
        ).exit_code
        == 0
    )
    assert count(oxigraph_server, "GRAPH ?g { ?s ?p ?o }") == quads
    assert count(oxigraph_server, "?s ?p ?o") == triples


def test_stores_load_into_local_folder(tmp_path: Path, seed_output: Path) -> None:
    import pyoxigraph as ox

    target = tmp_path / "db"
    for _ in range(2):
        assert (
            CliRunner()
            .invoke(main, ["load", str(seed_output), "--store", str(target), "-q"])
            .exit_code
            == 0
        )
    store = ox.Store.read_only(str(target))
    quads = len(seed_output.read_text(encoding="utf-8").splitlines())
    named = sum(1 for q in store if isinstance(q.graph_name, ox.NamedNode))
    assert named == quads


class Scripted(http.server.BaseHTTPRequestHandler):
    """Answers each request with the next status of ``statuses``; records what it got."""

    statuses: ClassVar[list[int]] = []
    seen: ClassVar[list[tuple[str, str, str]]] = []

    def handle_any(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        self.rfile.read(length)
        Scripted.seen.append((self.command, self.path, self.headers.get("Authorization", "")))
        status = Scripted.statuses.pop(0) if Scripted.statuses else 204
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_POST = handle_any  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def scripted() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Scripted)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Scripted.statuses, Scripted.seen = [], []
    yield f"http://127.0.0.1:{server.server_address[1]}/store"
    server.shutdown()


def test_stores_retries_on_server_errors(scripted: str, seed_output: Path) -> None:
    Scripted.statuses = [503, 500]
    result = CliRunner().invoke(
        main, ["load", str(seed_output), "--endpoint", scripted, "--no-default-graph", "-q"]
    )
    assert result.exit_code == 0, result.output
    assert len(Scripted.seen) == 2 + 2  # two failures retried, then one request per document graph
    assert all(path.startswith("/store?graph=") for _m, path, _a in Scripted.seen)


@pytest.mark.parametrize(
    ("status", "hint"),
    [
        (401, "credentials"),
        (403, "refused"),
        (404, "no Graph Store here"),
        (413, "--chunk-triples"),
    ],
)
def test_stores_http_errors_one_line_exit_3(
    scripted: str, seed_output: Path, status: int, hint: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    Scripted.statuses = [status]
    monkeypatch.setenv("HISTKG_PASSWORD", "s3cret-pw")
    result = CliRunner().invoke(
        main, ["load", str(seed_output), "--endpoint", scripted, "--user", "ann"]
    )
    assert result.exit_code == 3
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and f"HTTP {status}" in lines[0] and hint in lines[0]
    assert "s3cret-pw" not in result.output
    assert Scripted.seen[0][2].startswith("Basic "), "credentials come from the environment"


def test_stores_unreachable_host(seed_output: Path) -> None:
    port = free_port()
    result = CliRunner().invoke(
        main,
        [
            "load",
            str(seed_output),
            "--endpoint",
            f"http://127.0.0.1:{port}/store",
            "--retries",
            "1",
        ],
    )
    assert result.exit_code == 3
    assert "cannot reach the endpoint" in result.output


def test_stores_needs_exactly_one_target(seed_output: Path) -> None:
    result = CliRunner().invoke(main, ["load", str(seed_output)])
    assert result.exit_code == 2 and "exactly one of --endpoint" in result.output


def test_stores_credentials_from_netrc(
    scripted: str, seed_output: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login ann password from-netrc\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    result = CliRunner().invoke(
        main, ["load", str(seed_output), "--endpoint", scripted, "--no-default-graph", "-q"]
    )
    assert result.exit_code == 0, result.output
    import base64

    expected = "Basic " + base64.b64encode(b"ann:from-netrc").decode()
    assert {auth for _m, _p, auth in Scripted.seen} == {expected}
    assert "from-netrc" not in result.output
