"""Same answers in every store a publisher uses (issue 12): the seed build loaded into
Oxigraph (embedded and server), Virtuoso and Jena TDB2, every competency query asked of
each, solutions compared after normalising only what SPARQL says is equal
(``tests/solutions.py``). The stores run on loopback, on free ports, in temporary folders,
and are stopped by process id. How each is loaded: ``tests/interop.py``.

Without the Debian packages (not root) the Virtuoso and TDB2 tests skip and say why; with
``HISTKG_REQUIRE_STORES=1`` (``make test`` as root, as CI runs it) they fail instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from histkg.cli import main
from tests import interop, jena, virtuoso
from tests.conftest import ROOT
from tests.interop import require
from tests.solutions import canonical, differences, solutions

QUERIES = sorted((ROOT / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[virtuoso.Virtuoso]:
    require(virtuoso.available())
    server = virtuoso.start(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def oxigraph_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if interop.oxigraph_binary() is None:
        require("the oxigraph server (pip package 'oxigraph') is not installed; run make test")
    process, url = interop.start_oxigraph(tmp_path_factory.mktemp("oxigraph") / "db")
    try:
        yield url
    finally:
        interop.stop(process)


@pytest.fixture(scope="module")
def seed_virtuoso(virtuoso_server: virtuoso.Virtuoso, seed_output: Path) -> str:
    """Virtuoso loaded with the seed build; its SPARQL endpoint."""
    args = interop.virtuoso_load_args(seed_output, virtuoso_server)
    result = CliRunner().invoke(main, args, env={"HISTKG_PASSWORD": "dba"})
    assert result.exit_code == 0, result.output
    assert "note: Virtuoso has no default graph" in result.output
    return virtuoso_server.url + "/sparql"


@pytest.fixture(scope="module")
def seed_tdb2(seed_output: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A TDB2 database made from the seed build by tdb2.tdbloader."""
    require(jena.available())
    location = tmp_path_factory.mktemp("tdb2") / "db"
    interop.tdb2_load(seed_output, location)
    return location


@pytest.fixture(scope="module")
def seed_oxigraph(oxigraph_url: str, seed_output: Path) -> str:
    result = CliRunner().invoke(main, interop.oxigraph_load_args(seed_output, oxigraph_url))
    assert result.exit_code == 0, result.output
    return oxigraph_url + "/query"


def test_interop_every_query_same_solutions_in_four_stores(
    seed_output: Path,
    seed_oxigraph: str,
    seed_virtuoso: str,
    seed_tdb2: Path,
    tmp_path: Path,
) -> None:
    found: list[str] = []
    for path in QUERIES:
        text = path.read_text(encoding="utf-8")
        reference = solutions(interop.ask_embedded(seed_output, text, path.name))
        assert reference, f"{path.name} has no answer on the seed build"
        answers = {
            "Oxigraph server": solutions(interop.ask_http(seed_oxigraph, text)),
            "Virtuoso": solutions(interop.ask_http(seed_virtuoso, text)),
            "TDB2": solutions(interop.ask_tdb2(seed_tdb2, text, tmp_path)),
        }
        for store, got in answers.items():
            found += differences(store, path.name, reference, got)
    assert not found, "stores answer differently from embedded Oxigraph:\n" + "\n".join(found)


def test_interop_counts_equal_in_every_store(
    seed_output: Path, seed_oxigraph: str, seed_virtuoso: str, seed_tdb2: Path, tmp_path: Path
) -> None:
    quads = len(seed_output.read_text(encoding="utf-8").splitlines())
    triples = len(seed_output.with_suffix(".nt").read_text(encoding="utf-8").splitlines())
    for store, ask in {
        "Oxigraph server": lambda q: interop.ask_http(seed_oxigraph, q),
        "Virtuoso": lambda q: interop.ask_http(seed_virtuoso, q),
        "TDB2": lambda q: interop.ask_tdb2(seed_tdb2, q, tmp_path),
    }.items():
        assert interop.number(ask(interop.COUNT_QUADS)) == quads, store
        assert interop.number(ask(interop.COUNT_TRIPLES)) == triples, store


@pytest.mark.parametrize("store", ["Virtuoso", "TDB2"])
def test_interop_every_quad_comes_back(
    store: str, seed_output: Path, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """Each quad of graph.nq is in the store as written (up to a language tag's case)."""
    if store == "Virtuoso":
        answer = interop.ask_http(request.getfixturevalue("seed_virtuoso"), interop.ALL_QUADS)
    else:
        answer = interop.ask_tdb2(request.getfixturevalue("seed_tdb2"), interop.ALL_QUADS, tmp_path)
    got = solutions(answer)
    expected = solutions(interop.ask_embedded(seed_output, interop.ALL_QUADS))
    found = differences(store, "every quad", expected, got, limit=10)
    assert not found, "\n".join(found)


def test_interop_language_tag_case_is_the_one_normalisation_virtuoso_needs(
    seed_virtuoso: str,
) -> None:
    """Virtuoso lower-cases language tags (``ru-Latn`` comes back ``ru-latn``): equal terms in
    RDF 1.1, so the comparison folds case; a query that matches a tag must use LANGMATCHES."""
    query = 'SELECT ?o WHERE { ?s skos:altLabel ?o FILTER (LANGMATCHES(LANG(?o), "ru-Latn")) }'
    rows = interop.ask_http(seed_virtuoso, query)["results"]["bindings"]
    assert rows and {row["o"]["xml:lang"] for row in rows} == {"ru-latn"}
    assert canonical(rows[0]["o"])[2] == "@ru-latn"


def test_interop_readme_shows_the_commands_the_tests_run() -> None:
    """The README's "Load into …" sections hold the same commands as tests/interop.py and
    tests/virtuoso.py (with the README's folders and the stores' usual ports)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Loading into a triple store", 1)[1].split("\n## ", 1)[0]
    flat = section.replace("\\\n", " ")
    flat = " ".join(flat.split())
    sed = virtuoso.sed_command("/tmp/vdb", "1111", "8890")
    expressions = " ".join(f"-e '{e}'" for e in sed[2::2])
    assert f"sed {expressions} {virtuoso.INI} > /tmp/vdb/virtuoso.ini" in flat
    assert "virtuoso-t +foreground +configfile virtuoso.ini" in flat
    server = virtuoso.Virtuoso(Path("/tmp/vdb"), 1111, 8890, None)  # type: ignore[arg-type]
    args = interop.virtuoso_load_args(Path("output/graph.nq"), server)
    assert "HISTKG_PASSWORD=dba histkg " + " ".join(args) in flat
    oxigraph = interop.oxigraph_load_args(Path("output/graph.nq"), "http://127.0.0.1:7878")
    assert "histkg " + " ".join(oxigraph[:-1]) in flat  # -q: the test keeps quiet
    assert "tdb2.tdbloader --loc /tmp/tdb2 output/graph.nq output/graph.nt" in flat
    assert "tdb2.tdbquery --loc /tmp/tdb2 --results=json --query queries/votes.rq" in flat
