"""Building a corpus at scale (issue 9): worker processes, the extraction cache, Dask,
the document size limit and counted warnings.

Every engine, number of workers and cache state must give the same output bytes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from histkg import BuildResult, build, render
from histkg.cache import ExtractionCache, unit_key
from histkg.cli import main
from histkg.codec import CodecError, decode, encode
from histkg.engines import EngineOptions, auto_jobs
from histkg.errors import CodedWarning
from histkg.extract import extract_corpus, plan_corpus
from histkg.model import EventRecord, Extraction, Mention, Span, TenureRecord
from histkg.pipeline import warning_lines
from histkg.sources import SourceOptions, article_paths, read_sources
from tests.conftest import ARTICLES, SEEDS

#: articles of the corpus the engines are compared on (with the seeds and a copy of one)
PICKED = ("varga_group.txt", "ghana_coup_1974.txt", "blue_faction_plain.txt")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds, three test articles and a second copy of one (same title: one unit)."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(SEEDS.iterdir()):
        shutil.copy(path, folder / path.name)
    for name in PICKED:
        shutil.copy(ARTICLES / name, folder / name)
    shutil.copy(ARTICLES / PICKED[0], folder / f"copy_{PICKED[0]}")
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path) -> dict[str, bytes]:
    """The output of the corpus built in this process, without a cache."""
    return render(build([corpus], engine=EngineOptions(jobs=1)))


def assert_same_output(result: BuildResult, expected: dict[str, bytes]) -> None:
    files = render(result)
    assert sorted(files) == sorted(expected)
    differ = [name for name in files if files[name] != expected[name]]
    assert not differ, f"output differs from the reference build in {differ}"


def test_scale_plan_groups_copies_and_keeps_input_order(corpus: Path) -> None:
    articles = read_sources(article_paths([corpus])).articles
    plan = plan_corpus(articles)
    assert len(plan.units) < len(articles)  # a copy shares its original's unit
    assert sorted(i for p in plan.positions for i in p) == list(range(len(articles)))
    assert any(len(unit.articles) == 2 for unit in plan.units)
    for unit in plan.units:  # only the acronyms its own text can read
        assert all(any(k in a.text for a in unit.articles) for k, _ in unit.acronyms)


def sharded_validation(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Validation in shards even on a small graph; the list gets each run's shard count."""
    import histkg.validate

    monkeypatch.setattr("histkg.engines.MIN_TRIPLES_PER_VALIDATOR", 1)
    runs: list[int] = []
    real = histkg.validate.run_shards

    def spy(data: Any, shards: list[Any], *args: Any, **kwargs: Any) -> Any:
        runs.append(len(shards))
        return real(data, shards, *args, **kwargs)

    monkeypatch.setattr(histkg.validate, "run_shards", spy)
    return runs


def test_scale_jobs_2_output_identical_to_jobs_1(
    corpus: Path, reference: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = sharded_validation(monkeypatch)  # SHACL in two forked processes too
    assert_same_output(build([corpus], engine=EngineOptions(jobs=2)), reference)
    assert runs == [2]


def test_scale_extract_corpus_equals_units(corpus: Path) -> None:
    """The one-process API gives the records the engines merge (input order kept)."""
    articles = read_sources(article_paths([corpus])).articles
    extracted = extract_corpus(articles)
    assert [e.article.path for e in extracted.extractions] == [a.path for a in articles]


def test_scale_cache_rebuild_reads_only_the_changed_document(
    corpus: Path, tmp_path: Path, reference: dict[str, bytes]
) -> None:
    cache = tmp_path / "cache"
    first = build([corpus], engine=EngineOptions(jobs=1), cache_dir=cache)
    assert (first.extracted, first.reused) == (len(first.articles), 0)
    assert_same_output(first, reference)
    again = build([corpus], engine=EngineOptions(jobs=1), cache_dir=cache)
    assert (again.extracted, again.reused) == (0, len(first.articles))
    assert_same_output(again, reference)

    changed = tmp_path / "changed"  # moved elsewhere: the entries still serve
    shutil.copytree(corpus, changed)
    moved = build([changed], engine=EngineOptions(jobs=1), cache_dir=cache)
    assert (moved.extracted, moved.reused) == (0, len(first.articles))
    target = changed / PICKED[1]
    target.write_text(
        target.read_text(encoding="utf-8") + "\nThe council met again in 1975.\n",
        encoding="utf-8",
    )
    fresh = render(build([changed], engine=EngineOptions(jobs=1)))
    rebuilt = build([changed], engine=EngineOptions(jobs=1), cache_dir=cache)
    assert (rebuilt.extracted, rebuilt.reused) == (1, len(first.articles) - 1)
    assert_same_output(rebuilt, fresh)


def test_scale_corrupt_or_foreign_cache_entry_is_ignored_with_w809(
    corpus: Path, tmp_path: Path, reference: dict[str, bytes]
) -> None:
    cache = tmp_path / "cache"
    build([corpus], engine=EngineOptions(jobs=1), cache_dir=cache)
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) >= 3
    entries[0].write_bytes(b'{"format": "histkg-extraction/1", "key": "x", "documents": [')
    foreign = json.loads(entries[2].read_text(encoding="utf-8"))
    entries[1].write_text(json.dumps(foreign), encoding="utf-8")  # another entry's content
    tampered = json.loads(entries[2].read_text(encoding="utf-8"))
    tampered["documents"][0]["warnings"] = [{"code": 1}]  # not a CodedWarning
    entries[2].write_text(json.dumps(tampered), encoding="utf-8")

    result = build([corpus], engine=EngineOptions(jobs=1), cache_dir=cache)
    ignored = [w for w in result.warnings if w.code == "W809"]
    assert len(ignored) == 3
    assert result.extracted >= 3
    assert all("cache entry ignored" in w.message and "\n" not in w.message for w in ignored)
    assert_same_output(result, reference)
    again = build([corpus], engine=EngineOptions(jobs=1), cache_dir=cache)  # entries replaced
    assert again.extracted == 0 and not [w for w in again.warnings if w.code == "W809"]


def test_scale_dask_local_cluster_output_identical(
    corpus: Path, reference: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    runs = sharded_validation(monkeypatch)
    result = build([corpus], engine=EngineOptions(engine="dask", jobs=2))
    assert_same_output(result, reference)
    assert runs == [2]


def test_scale_codec_keeps_shared_records_and_refuses_other_shapes() -> None:
    span = Span("doc", 0, 4)
    event = EventRecord(["Coup"], span, "coup")
    tenure = TenureRecord(Mention("person", "A B", span), _office(), span, started_by=event)
    data = json.loads(json.dumps(encode([event, tenure])))
    back_event, back_tenure = decode(data, tuple[EventRecord, TenureRecord])
    assert back_tenure.started_by is back_event  # identity kept: resolution relies on it
    assert back_event == event and back_tenure == tenure
    with pytest.raises(CodecError):
        decode({"code": "W1", "path": "p", "line": "1", "message": "m"}, CodedWarning)
    with pytest.raises(CodecError):
        decode({"$ref": 7}, EventRecord)
    with pytest.raises(CodecError):
        decode({"article": "x"}, Extraction)


def _office():  # type: ignore[no-untyped-def]
    from histkg.model import OfficeRef

    return OfficeRef("President", "state")


def test_scale_cache_key_changes_with_the_document(corpus: Path) -> None:
    articles = read_sources(article_paths([corpus])).articles
    plan = plan_corpus(articles)
    keys = {unit_key(unit) for unit in plan.units}
    assert len(keys) == len(plan.units)
    assert ExtractionCache(Path("unused")).path("ab" + "0" * 62).parent.name == "ab"


def test_scale_auto_jobs_starts_no_worker_for_a_small_corpus(corpus: Path) -> None:
    plan = plan_corpus(read_sources(article_paths([corpus])).articles)
    assert auto_jobs(plan.units) == 1


def test_scale_max_document_bytes_skips_with_w808_or_fails_when_strict(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ARTICLES / "varga_group.txt", folder / "small.txt")
    big = folder / "big.txt"
    big.write_text("= Big =\n\n" + "The council met. " * 400, encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    args = ["build", str(folder), "--out", str(out), "--no-store", "--no-cache"]
    result = runner.invoke(main, [*args, "--max-document-bytes", "5000"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "W808" in line]
    assert len(lines) == 1 and "big.txt" in lines[0] and "skipped" in lines[0]
    result = runner.invoke(main, [*args, "--max-document-bytes", "5000", "--strict", "--force"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "big.txt" in result.output
    assert "Traceback" not in result.output


def test_scale_long_plain_paragraph_read_in_pieces(tmp_path: Path) -> None:
    from histkg.sources.wikitext import MAX_BLOCK_CHARS

    path = tmp_path / "long.txt"
    sentence = "The council of the republic met in the capital. "
    path.write_text("= Long =\n\n" + sentence * (MAX_BLOCK_CHARS // len(sentence) + 50))
    sources = read_sources([path], SourceOptions())
    (article,) = sources.articles
    assert all(b.end - b.begin <= MAX_BLOCK_CHARS for b in article.blocks)
    assert [w.code for w in sources.warnings] == ["W807"]


def test_scale_repeated_warnings_are_counted_not_printed_one_by_one() -> None:
    same = [CodedWarning("W102", "a.txt", n, "value left unparsed") for n in range(1, 6)]
    other = CodedWarning("W101", "a.txt", 2, "unknown infobox key")
    lines = warning_lines([*same, other])
    assert lines == ["a.txt:1: W102 value left unparsed (and 4 more like it)", str(other)]


def test_scale_cli_jobs_and_cache(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["build", str(SEEDS), "--out", str(tmp_path / "o"), "--no-store"]
    cache = ["--cache-dir", str(tmp_path / "cache")]
    first = runner.invoke(main, [*args, *cache, "--jobs", "2"])
    assert first.exit_code == 0, first.output
    assert "extracted 2 documents, 0 from the cache" in first.output
    second = runner.invoke(main, [*args, *cache, "--jobs", "1"])
    assert "extracted 0 documents, 2 from the cache" in second.output
    wrong = runner.invoke(main, [*args, "--scheduler", "tcp://127.0.0.1:1"])
    assert wrong.exit_code == 2 and "--engine dask" in wrong.output


def test_scale_dask_unreachable_scheduler_is_one_line_exit_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    from histkg import engines

    monkeypatch.setattr(engines, "CONNECT_TIMEOUT", 2)
    out = tmp_path / "o"
    args = ["build", str(SEEDS), "--out", str(out), "--no-cache", "--engine", "dask"]
    result = CliRunner().invoke(main, [*args, "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 3, result.output
    assert "tcp://127.0.0.1:9" in result.output and "scheduler" in result.output
    assert not out.exists()
