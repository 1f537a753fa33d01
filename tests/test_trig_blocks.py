"""The TriG block cache (``serialize/blocks.py``) and the one-pass named graphs of
``serialize/named.py``: the same bytes as rdflib's rows and as a TriG written without the
cache, cold and warm; only a changed graph is written again; a bad entry or file is ignored
with ``W811`` and replaced."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.plugins.serializers.nt import _nt_row

import histkg.serialize.named as named
from histkg import BuildResult, render
from histkg.serialize import RdfFormat, to_nquads, to_ntriples, to_trig
from histkg.serialize.blocks import FILE, BlockCache
from histkg.serialize.named import named_graphs, union_ntriples
from histkg.vocab import PREFIXES

EX = "https://example.org/"


def rdflib_nquads(dataset: Dataset) -> bytes:
    """N-Quads as histkg wrote them before the one-pass rows: rdflib's row per quad."""
    lines = [
        _nt_row((s, p, o))[:-3] + f" <{g}> .\n"
        for s, p, o, g in dataset.quads((None, None, None, None))
        if g is not None
    ]
    return "".join(sorted(lines)).encode("utf-8")


def small_dataset() -> Dataset:
    """Three named graphs sharing terms, with a language tag, a datatype and a line break."""
    dataset = Dataset()
    for prefix, ns in PREFIXES.items():
        dataset.bind(prefix, ns, override=True, replace=True)
    shared = URIRef(EX + "shared")
    for k in range(3):
        graph = dataset.graph(URIRef(f"{EX}doc/{k}"))
        graph.add((shared, URIRef(EX + "label"), Literal(f"Doc {k}", lang="en")))
        graph.add((shared, RDF.type, URIRef(EX + "Thing")))  # in every graph
        graph.add((URIRef(f"{EX}n{k}"), URIRef(EX + "next"), shared))
        graph.add((URIRef(f"{EX}n{k}"), URIRef(EX + "note"), Literal(f'two\nlines "{k}"')))
        graph.add((URIRef(f"{EX}n{k}"), URIRef(EX + "count"), Literal(k)))
    return dataset


def counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the graphs whose block is written (not taken from the cache)."""
    written: list[str] = []
    real = named.trig_block

    def spy(namespaces: object, graph_name: str, triples: list[object]) -> str:
        written.append(graph_name)
        return real(namespaces, graph_name, triples)  # type: ignore[arg-type]

    monkeypatch.setattr(named, "trig_block", spy)
    return written


def test_trig_blocks_rows_are_rdflibs_rows(seed_build: BuildResult) -> None:
    assert to_nquads(seed_build.dataset) == rdflib_nquads(seed_build.dataset)
    dataset = small_dataset()
    assert to_nquads(dataset) == rdflib_nquads(dataset)


def test_trig_blocks_union_of_the_rows_is_the_merged_graphs_ntriples(
    seed_build: BuildResult,
) -> None:
    union = union_ntriples(named_graphs(seed_build.dataset))
    assert union == to_ntriples(seed_build.graph)
    dataset = small_dataset()  # a triple in three graphs is written once
    merged = Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    assert len(merged) < sum(1 for _ in dataset.quads((None, None, None, None)))
    assert union_ntriples(named_graphs(dataset)) == to_ntriples(merged)


def test_trig_blocks_cold_and_warm_same_bytes_as_without_cache(
    seed_build: BuildResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = to_trig(seed_build.dataset)
    written = counting(monkeypatch)
    cold = BlockCache(tmp_path)
    assert to_trig(seed_build.dataset, cold) == plain
    graphs = len(named_graphs(seed_build.dataset).triples)
    assert (cold.hits, cold.misses, len(written)) == (0, graphs, graphs)
    written.clear()
    warm = BlockCache(tmp_path)
    assert to_trig(seed_build.dataset, warm) == plain
    assert (warm.hits, warm.misses, written, warm.warnings) == (graphs, 0, [], [])


def test_trig_blocks_render_with_a_cache_folder_same_files(
    seed_build: BuildResult, tmp_path: Path
) -> None:
    plain = render(seed_build)
    cached = BuildResult(**{**vars(seed_build), "cache_dir": tmp_path})
    assert render(cached) == plain  # cold
    assert (tmp_path / FILE).is_file()
    assert render(cached) == plain  # warm


def test_trig_blocks_only_a_changed_graph_is_written_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dataset = small_dataset()
    to_trig(dataset, BlockCache(tmp_path))
    dataset.graph(URIRef(f"{EX}doc/1")).add((URIRef(EX + "n1"), URIRef(EX + "x"), Literal(1)))
    plain = to_trig(dataset)
    written = counting(monkeypatch)
    assert to_trig(dataset, BlockCache(tmp_path)) == plain
    assert written == [f"{EX}doc/1"]


def test_trig_blocks_key_is_the_graph_content_in_any_order(tmp_path: Path) -> None:
    cache = BlockCache(tmp_path)
    rows = ["<a> <b> <c>", '<a> <b> "c"']
    assert cache.key("g", rows) == cache.key("g", rows[::-1])
    assert cache.key("g", rows) != cache.key("h", rows)
    assert cache.key("g", rows) != cache.key("g", rows[:1])


def entries(folder: Path) -> list[tuple[str, bytes]]:
    with sqlite3.connect(folder / FILE) as db:
        return sorted(db.execute("SELECT key, entry FROM blocks").fetchall())


def overwrite(folder: Path, key: str, entry: bytes) -> None:
    with sqlite3.connect(folder / FILE) as db:
        db.execute("UPDATE blocks SET entry = ? WHERE key = ?", (entry, key))


def test_trig_blocks_bad_entries_ignored_with_w811_and_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dataset = small_dataset()
    plain = to_trig(dataset)
    to_trig(dataset, BlockCache(tmp_path))
    (k0, e0), (k1, _e1), (k2, e2) = entries(tmp_path)
    overwrite(tmp_path, k0, e0[: len(e0) // 2])  # cut short: not JSON
    overwrite(tmp_path, k1, e2)  # another graph's entry
    tampered = json.loads(e2)
    tampered["block"] = tampered["block"].replace("Doc", "Dog")  # digest no longer matches
    overwrite(tmp_path, k2, json.dumps(tampered).encode())
    written = counting(monkeypatch)
    cache = BlockCache(tmp_path)
    assert to_trig(dataset, cache) == plain
    assert len(written) == 3 and cache.hits == 0
    assert [w.code for w in cache.warnings] == ["W811"] * 3
    assert all("entry ignored" in w.message and "\n" not in w.message for w in cache.warnings)
    again = BlockCache(tmp_path)
    assert to_trig(dataset, again) == plain
    assert (again.hits, again.warnings) == (3, [])


def test_trig_blocks_forged_block_with_its_digest_must_still_be_its_graphs(
    tmp_path: Path,
) -> None:
    dataset = small_dataset()
    plain = to_trig(dataset)
    to_trig(dataset, BlockCache(tmp_path))
    key, raw = entries(tmp_path)[0]
    forged = json.loads(raw)
    forged["block"] = "\n<https://example.org/other> {\n}\n"
    forged["sha256"] = hashlib.sha256(forged["block"].encode()).hexdigest()
    overwrite(tmp_path, key, json.dumps(forged).encode())
    cache = BlockCache(tmp_path)
    assert to_trig(dataset, cache) == plain
    assert [w.code for w in cache.warnings] == ["W811"]


def test_trig_blocks_a_file_that_is_no_database_is_ignored_and_replaced(
    tmp_path: Path,
) -> None:
    dataset = small_dataset()
    plain = to_trig(dataset)
    (tmp_path / FILE).write_bytes(b"not a database at all" * 100)
    cache = BlockCache(tmp_path)
    assert to_trig(dataset, cache) == plain
    assert [w.code for w in cache.warnings] == ["W811"]
    assert "not read" in cache.warnings[0].message
    again = BlockCache(tmp_path)
    assert to_trig(dataset, again) == plain
    assert (again.hits, again.warnings) == (3, [])


def test_trig_blocks_render_passes_w811_on(seed_build: BuildResult, tmp_path: Path) -> None:
    (tmp_path / FILE).write_bytes(b"garbage")
    result = BuildResult(**{**vars(seed_build), "cache_dir": tmp_path, "warnings": []})
    files = render(result)
    assert files[RdfFormat.TRIG.filename] == to_trig(seed_build.dataset)
    assert [w.code for w in result.warnings] == ["W811"]
