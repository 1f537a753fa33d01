"""Readers: format detection, titles, infobox fields with lines, blocks and references."""

from __future__ import annotations

from pathlib import Path

import pytest

from histkg.errors import SourceError
from histkg.sources import article_paths, read_article
from tests.conftest import SEEDS

SECTIONED = sorted(SEEDS.glob("000_*.txt"))[0]
PLAIN = sorted(SEEDS.glob("001_*.txt"))[0]


def test_sources_detects_both_seed_formats() -> None:
    assert read_article(SECTIONED).format == "sectioned"
    assert read_article(PLAIN).format == "plain"


def test_sources_sectioned_title_and_infobox_lines() -> None:
    article = read_article(SECTIONED)
    assert article.title == "Anti-Party Group"
    assert article.infobox_title == "Anti-Party Group"
    keys = [(f.key, f.line) for f in article.infobox]
    assert keys[0] == ("Native Name Lang", 4)
    assert ("State", 13) in keys
    for field in article.infobox:
        assert article.text[field.begin : field.end] == field.value


def test_sources_sectioned_blocks_skip_see_also_and_keep_list_items() -> None:
    article = read_article(SECTIONED)
    sections = {b.section for b in article.blocks}
    assert "See also" not in sections
    items = [article.text[b.begin : b.end] for b in article.blocks if b.is_list_item]
    assert items[0] == "Molotov was sent as ambassador to Mongolia"
    assert len(items) == 4


def test_sources_plain_title_references_and_see_also_left_out() -> None:
    article = read_article(PLAIN)
    assert article.title == "Anti-Party Group"
    prose = article.text[article.blocks[-1].begin : article.blocks[-1].end]
    assert prose.endswith("was signed in October of that year.")
    refs = [article.text[b:e] for b, e in article.reference_spans]
    assert len(refs) == 8
    assert refs[1].startswith("Tompson, William J. (1995).")
    assert refs[-1].endswith("Archived from the original on 27 August 2006.")


def test_sources_sha256_is_of_the_file_bytes() -> None:
    import hashlib

    assert read_article(PLAIN).sha256 == hashlib.sha256(PLAIN.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        (b"", "file is empty", 1),
        (b"   \n\n", "file is empty", 1),
        (b"= T =\n\nsome text \xff\xfe here\n", "is not UTF-8", 3),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file", 3),
        (b"= T =\n\nBox\n- Leader: A\n- no colon here\n\nText.\n", "has no colon", 5),
    ],
)
def test_sources_bad_input_names_file_and_line(
    write_article: object, content: bytes, message: str, line: int
) -> None:
    path = write_article("bad.txt", content)  # type: ignore[operator]
    with pytest.raises(SourceError) as info:
        read_article(path)
    assert message in str(info.value)
    assert info.value.line == line
    assert str(info.value).startswith(f"{path}:{line}: ")
    assert "\n" not in str(info.value)


def test_sources_missing_path(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file or folder"):
        article_paths([tmp_path / "nope"])


def test_sources_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n")
    with pytest.raises(SourceError, match="folder holds no articles"):
        article_paths([tmp_path])


def test_sources_byte_order_mark_and_crlf(write_article: object) -> None:
    content = "\ufeff= Bom Title =\r\n\r\nBox\r\n- Leader: Anna Berg\r\n\r\nThe Bom Group was led by Anna Berg.\r\n"
    path = write_article("bom.txt", content.encode("utf-8"))  # type: ignore[operator]
    article = read_article(path)
    assert article.format == "sectioned" and article.title == "Bom Title"
    (field,) = article.infobox
    assert article.text[field.begin : field.end] == "Anna Berg" and field.line == 4
    assert (
        article.text[article.blocks[0].begin : article.blocks[0].end]
        == "The Bom Group was led by Anna Berg."
    )


def test_sources_two_inputs_with_one_name(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "x.txt").write_text("Some text.", encoding="utf-8")
    with pytest.raises(SourceError, match="same name"):
        article_paths([tmp_path / "a", tmp_path / "b"])
