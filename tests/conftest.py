"""Shared fixtures and helpers (defined once, here)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

from histkg import BuildResult, build
from histkg.mint import DEFAULT_BASE
from histkg.model import Extraction

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ARTICLES = Path(__file__).resolve().parent / "articles"
#: The development corpus and the reference scorer live beside the repository, not in it.
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
HKG = "https://w3id.org/histkg/ontology#"
PREFIXES = f"""
PREFIX hkg: <{HKG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    """Fail with the triples only in one graph or the other when they differ."""
    iso_expected, iso_actual = to_isomorphic(expected), to_isomorphic(actual)
    if iso_expected == iso_actual:
        return
    _both, only_expected, only_actual = graph_diff(iso_expected, iso_actual)
    lines = ["graphs differ"]
    lines += [f"  only in expected: {t}" for t in sorted(only_expected)[:40]]
    lines += [f"  only in actual:   {t}" for t in sorted(only_actual)[:40]]
    pytest.fail("\n".join(lines))


def extract_text(
    tmp_path: Path, title: str, paragraphs: tuple[str, ...], *, spaced: bool
) -> Extraction:
    """Extract one invented article: in WikiText's spaced format (`` = Title = `` and
    paragraphs, ``spaced``) or in the seeds' format (``= Title =``, blank-line paragraphs)."""
    from histkg.extract import extract_corpus
    from histkg.sources import read_article

    path = tmp_path / "article.txt"
    if spaced:
        text = f" = {title} = \n" + "".join(f" {p} \n" for p in paragraphs)
    else:
        text = f"= {title} =\n\n" + "\n\n".join(paragraphs) + "\n"
    path.write_text(text, "utf-8")
    return extract_corpus([read_article(path)]).extractions[0]


def events(ex: Extraction) -> set[tuple[str, tuple[str, ...], tuple[str, ...], str]]:
    """(class, agents, affected, date) of every event read."""
    return {
        (
            e.types[0],
            tuple(m.text for m in e.agents),
            tuple(m.text for m in e.affected),
            e.date.iso if e.date else "",
        )
        for e in ex.events
    }


def select(graph: Graph, query: str) -> list[tuple[str, ...]]:
    """Run a SELECT and return its rows as tuples of strings ('' for unbound)."""
    return [
        tuple("" if v is None else str(v) for v in row) for row in graph.query(PREFIXES + query)
    ]  # type: ignore[union-attr]


@pytest.fixture(scope="session", autouse=True)
def extraction_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The extraction cache of ``histkg build`` in a folder of the test session, never the
    user's (``HISTKG_CACHE_DIR``, inherited by commands the tests run)."""
    folder = tmp_path_factory.mktemp("histkg-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HISTKG_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def seed_build() -> BuildResult:
    """The build of the two seed articles (made once per test session)."""
    return build([SEEDS])


@pytest.fixture(scope="session")
def varga_build() -> BuildResult:
    """The build of the hand-written generalization article."""
    return build([ARTICLES / "varga_group.txt"])


@pytest.fixture(scope="session")
def seed_output(seed_build: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed build written to a fresh folder; returns its graph.nq."""
    from histkg import render, write_outputs

    out = tmp_path_factory.mktemp("seed-output")
    write_outputs(render(seed_build), out)
    return out / "graph.nq"


def make_site(result: BuildResult) -> dict[str, bytes]:
    """The static site of a build, with a pinned version and build date."""
    from histkg.publish.site import build_site
    from histkg.serialize import to_trig

    return build_site(
        result.graph, to_trig(result.dataset), result.articles, DEFAULT_BASE, "0.1.0", "2026-01-01"
    )


@pytest.fixture(scope="session")
def site_files(seed_build: BuildResult) -> dict[str, bytes]:
    """The static site of the seed build, in memory."""
    return make_site(seed_build)


@pytest.fixture(scope="session")
def site_dir(site_files: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site written to a folder."""
    from histkg.pipeline import replace_folder

    out = tmp_path_factory.mktemp("site") / "site"
    replace_folder(site_files, out)
    return out


@pytest.fixture(scope="session")
def server(site_dir: Path, seed_output: Path) -> Iterator[str]:
    """``histkg serve`` on a free loopback port (2 s query timeout, 200 kB answers)."""
    from histkg.publish.serve import make_server
    from histkg.stores.oxigraph import store_for

    httpd = make_server(
        site_dir,
        store_for(seed_output),
        "127.0.0.1",
        0,
        timeout=2.0,
        max_bytes=200_000,
        queries=ROOT / "queries",
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def dev_builds() -> dict[str, BuildResult]:
    """Each development article (../shared/corpus/dev/*.txt) built on its own, once."""
    if not DEV.is_dir():
        pytest.skip(f"{DEV} is absent: the development corpus is not in this checkout")
    return {path.stem: build([path]) for path in sorted(DEV.glob("*.txt"))}


@pytest.fixture(scope="session")
def ghana_build() -> BuildResult:
    """The build of the hand-written coup article."""
    return build([ARTICLES / "ghana_coup_1974.txt"])


@pytest.fixture
def write_article(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write an article file into a fresh folder and return its path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write
