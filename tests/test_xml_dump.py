"""MediaWiki XML exports and dumps: streamed page by page, redirects and other namespaces
skipped with a count, the wiki named by <siteinfo>, and bad input (truncated .bz2,
malformed XML, entities, size limit, another language)."""

from __future__ import annotations

import bz2
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner
from rdflib import OWL, Graph, URIRef

from histkg.cli import main
from histkg.errors import SourceError
from histkg.sources import SourceOptions, article_paths, read_sources
from histkg.sources.mediawiki import DumpReading, LimitedReader, read_dump

NS = "http://www.mediawiki.org/xml/export-0.10/"
LEAD = (
    "'''{name}''' (1901 {{{{snd}}}} 1975) was a [[Ruritania]]n politician. In 1948"
    " {name} succeeded [[Karel Doubek]] as [[Prime Minister of Ruritania|Prime Minister]]."
    "<ref>{{{{cite book |last=Hale |first=Odile |date=1988 |title=Councils and Courts"
    " |isbn=978-0-306-40615-7}}}}</ref>\n\n== Later life ==\nHe retired in 1953.\n"
)


def siteinfo(base: str = "https://en.wikipedia.org/wiki/Main_Page", name: str = "Wikipedia") -> str:
    return (
        f"<siteinfo><sitename>{name}</sitename><dbname>xxwiki</dbname><base>{base}</base>"
        "<namespaces><namespace key='0' case='first-letter' />"
        "<namespace key='6' case='first-letter'>Datei</namespace>"
        "<namespace key='10' case='first-letter'>Template</namespace></namespaces></siteinfo>"
    )


def page(title: str, text: str, ns: int = 0, redirect: str | None = None) -> str:
    extra = f"<redirect title='{escape(redirect)}' />" if redirect else ""
    return (
        f"<page><title>{escape(title)}</title><ns>{ns}</ns><id>1</id>{extra}"
        "<revision><id>2</id><text xml:space='preserve'>old revision</text></revision>"
        f"<revision><id>3</id><text xml:space='preserve'>{escape(text)}</text></revision></page>"
    )


def export(*pages: str, site: str | None = None) -> str:
    return (
        f"<mediawiki xmlns='{NS}' version='0.10' xml:lang='en'>"
        + (site if site is not None else siteinfo())
        + "".join(pages)
        + "</mediawiki>"
    )


PAGES = [
    page("Tomas Varek", LEAD.format(name="Tomas Varek")),
    page("Varek", "#REDIRECT [[Tomas Varek]]", redirect="Tomas Varek"),
    page("Template:Infobox officeholder", "{{{name}}}", ns=10),
    page("AC/DC Affair", LEAD.format(name="Jan Kral")),
]


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "ruwiki-export.xml"
    path.write_text(export(*PAGES), encoding="utf-8")
    return path


def read(path: Path, **kwargs: int) -> tuple[list[str], DumpReading]:
    reading = DumpReading()
    titles = [a.title for a in read_dump(path, reading, **kwargs)]
    return titles, reading


def codes(reading: DumpReading) -> list[str]:
    return [w.code for w in reading.warnings]


def test_xml_dump_reads_article_pages_and_counts_the_rest(dump: Path) -> None:
    titles, reading = read(dump)
    assert titles == ["Tomas Varek", "AC/DC Affair"]
    assert (reading.redirects, reading.other_namespaces) == (1, 1)
    [skipped] = [str(w) for w in reading.warnings]
    assert " W803 skipped 1 redirect and 1 page outside the article namespace" in skipped


def test_xml_dump_pages_are_documents_named_after_their_title(dump: Path) -> None:
    sources = read_sources([dump])
    first, second = sources.articles
    assert (first.doc_id, second.doc_id) == ("Tomas_Varek", "AC%2FDC_Affair")
    assert str(first.path) == f"{dump}#Tomas Varek"
    assert first.format == "wikitext"
    assert "old revision" not in first.text  # the last revision is read
    assert "Tomas Varek (1901 – 1975) was a Ruritanian politician." in first.text


def test_xml_dump_names_its_wiki(dump: Path) -> None:
    site = read_sources([dump]).sites[0]
    assert site.name == "Wikipedia"
    assert site.article_base == "https://en.wikipedia.org/wiki/"
    assert (site.lang, site.dbpedia_base) == ("en", "http://dbpedia.org/resource/")
    assert site.licence == "https://creativecommons.org/licenses/by-sa/4.0/"  # a Wikimedia wiki


def test_xml_dump_of_another_wiki_states_no_licence_unless_told(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(
        export(PAGES[0], site=siteinfo("https://wiki.example.org/w/Main", "Example Wiki")),
        encoding="utf-8",
    )
    site = read_sources([path]).sites[0]
    assert (site.name, site.article_base, site.dbpedia_base, site.licence) == (
        "Example Wiki",
        "https://wiki.example.org/w/",
        "",
        "",
    )
    told = read_sources([path], SourceOptions(site=None)).sites[0]
    assert told == site


def test_xml_dump_namespaces_of_the_wiki_hide_their_links(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    text = "[[Datei:Bild.jpg|mini|Ein Bild]] [[Karel Doubek]] spoke.\n"
    path.write_text(export(page("Rede", text)), encoding="utf-8")
    [article] = read_sources([path]).articles
    assert "Bild" not in article.text
    assert [x.target for x in article.links] == ["Karel Doubek"]


def test_xml_dump_bz2_is_read_like_the_xml(dump: Path, tmp_path: Path) -> None:
    packed = tmp_path / "ruwiki-export.xml.bz2"
    packed.write_bytes(bz2.compress(dump.read_bytes()))
    assert article_paths([tmp_path]) == sorted([dump, packed], key=lambda p: p.name)
    assert read(packed)[0] == read(dump)[0]


def test_xml_dump_is_streamed_page_by_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.xml.bz2"
    filler = "".join(page(f"Filler {i}", "Words. " * 2000) for i in range(40))
    path.write_bytes(bz2.compress(export(PAGES[0], filler).encode("utf-8")))
    total = len(bz2.decompress(path.read_bytes()))
    seen: list[int] = []
    original = LimitedReader.read

    def spy(self: LimitedReader, size: int = -1) -> bytes:
        data = original(self, size)
        seen.append(self.count)
        return data

    reading = DumpReading()
    monkeypatch.setattr(LimitedReader, "read", spy)
    first = next(read_dump(path, reading))
    assert first.title == "Tomas Varek"
    assert seen[-1] < total / 4  # the first page came before most of the file was read


def test_xml_dump_truncated_bz2_keeps_the_pages_before(tmp_path: Path) -> None:
    # bzip2 at level 1 packs 100 kB blocks: the first blocks decompress, the cut one cannot
    filler = "".join(page(f"Filler {i}", f"Filler number {i} was quiet. " * 400) for i in range(60))
    data = bz2.compress(export(PAGES[0], filler).encode("utf-8"), compresslevel=1)
    cut = tmp_path / "cut.xml.bz2"
    cut.write_bytes(data[: len(data) // 2])
    titles, reading = read(cut)
    assert titles[0] == "Tomas Varek" and 3 < len(titles) < 60
    [warning] = [w for w in reading.warnings if w.code == "W804"]
    assert "ends early or is corrupt" in warning.message
    assert f"page 'Filler {len(titles) - 1}'" in warning.message  # the page it broke off in
    assert f"{len(titles)} pages before it read" in warning.message
    assert "\n" not in str(warning)


def test_xml_dump_malformed_xml_names_the_page(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    broken = page("Broken Page", "text").replace("</text></revision></page>", "</txet>")
    path.write_text(export(PAGES[0], broken, PAGES[3]), encoding="utf-8")
    titles, reading = read(path)
    assert titles == ["Tomas Varek"]
    [warning] = [w for w in reading.warnings if w.code == "W804"]
    assert "malformed XML" in warning.message and "page 'Broken Page'" in warning.message
    assert f"line {warning.line}," in warning.message  # where the XML breaks
    untitled = tmp_path / "untitled.xml"
    broken = page("Lost", "text").replace("</title>", "</titel>")
    untitled.write_text(export(PAGES[0], broken), encoding="utf-8")
    _titles, reading = read(untitled)
    [warning] = [w for w in reading.warnings if w.code == "W804"]
    assert "the page after 'Tomas Varek'" in warning.message


def test_xml_dump_malformed_xml_does_not_stop_the_build(tmp_path: Path) -> None:
    good = tmp_path / "good.wikitext"
    good.write_text(LEAD.format(name="Jan Kral"), encoding="utf-8")
    (tmp_path / "bad.xml").write_text(export(PAGES[0]).replace("</mediawiki>", "<page>"))
    sources = read_sources(article_paths([tmp_path]))
    assert [a.title for a in sources.articles] == ["Tomas Varek", "Good"]
    assert "W804" in [w.code for w in sources.warnings]


def test_xml_dump_cli_builds_the_rest_and_warns_on_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text(export(PAGES[0]).replace("</mediawiki>", "<page><title>Cut"), encoding="utf-8")
    good = tmp_path / "jan_kral.wikitext"
    good.write_text(LEAD.format(name="Jan Kral"), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", str(bad), str(good), "--out", str(out), "--no-store"]
    )
    assert result.exit_code == 0, result.output
    [line] = [x for x in result.output.splitlines() if " W804 " in x]
    assert line.startswith(f"warning: {bad}:5: W804 malformed XML")  # the XML line of the break
    assert "in page 'Cut'" in line or "after 'Tomas Varek'" in line
    assert "read " + str(good) in result.output and f"read {bad}#Tomas Varek" in result.output
    assert (out / "graph.nq").is_file()


@pytest.mark.parametrize(
    "doctype",
    [
        f"<!DOCTYPE mediawiki [<!ENTITY x SYSTEM 'file:///{'etc/hostname'}'>]>",
        "<!DOCTYPE mediawiki [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;'>"
        "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;'>]>",
        "<!DOCTYPE mediawiki SYSTEM 'http://example.invalid/mediawiki.dtd'>",
    ],
    ids=["external-entity", "nested-entities", "external-dtd"],
)
def test_xml_dump_with_entities_is_refused(tmp_path: Path, doctype: str) -> None:
    path = tmp_path / "evil.xml"
    body = export(page("Entity", "Text &x; &c; here."))
    path.write_text("<?xml version='1.0'?>" + doctype + body, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read(path)
    message = caught.value.one_line()
    assert "refused" in message and "\n" not in str(caught.value)
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_xml_dump_stops_at_the_size_limit(dump: Path, tmp_path: Path) -> None:
    packed = tmp_path / "bomb.xml.bz2"
    filler = "".join(page(f"Filler {i}", "x" * 5000) for i in range(50))
    packed.write_bytes(bz2.compress(export(PAGES[0], filler).encode("utf-8")))
    titles, reading = read(packed, max_bytes=20_000)
    assert titles[0] == "Tomas Varek" and len(titles) <= 4  # 20,000 bytes hold 3 fillers
    [warning] = [w for w in reading.warnings if w.code == "W804"]
    assert "stopped after 20,000 bytes" in warning.message


def test_xml_dump_of_another_language_is_warned(tmp_path: Path) -> None:
    path = tmp_path / "dewiki.xml"
    path.write_text(
        export(PAGES[0], site=siteinfo("https://de.wikipedia.org/wiki/Hauptseite")),
        encoding="utf-8",
    )
    _titles, reading = read(path)
    assert "W805" in codes(reading)
    assert (
        reading.site is not None and reading.site.dbpedia_base == "http://de.dbpedia.org/resource/"
    )


def test_xml_file_that_is_no_export_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.xml"
    path.write_text("<rss><channel/></rss>", encoding="utf-8")
    with pytest.raises(SourceError, match="not a MediaWiki export"):
        read(path)
    (tmp_path / "a_b.wikitext").write_text("A B was here.\n", encoding="utf-8")
    assert [p.name for p in article_paths([tmp_path])] == ["a_b.wikitext"]  # not in a folder


def test_xml_dump_same_title_twice_is_refused(dump: Path, tmp_path: Path) -> None:
    other = tmp_path / "second.xml"
    other.write_text(export(PAGES[0]), encoding="utf-8")
    with pytest.raises(SourceError, match="same name"):
        read_sources([dump, other])


def test_xml_dump_build_is_the_same_under_any_hash_seed(dump: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("0", "4242"):
        out = tmp_path / f"out-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "histkg", "build", str(dump), "--out", str(out)]
        subprocess.run([*command, "--no-store", "-q"], check=True, env=env)
        outputs.append((out / "graph.nq").read_bytes())
    assert outputs[0] == outputs[1]
    assert b"http://dbpedia.org/resource/Karel_Doubek" in outputs[0]


def test_xml_dump_build_links_to_the_dumps_wiki_and_names_it(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(
        main, ["publish", str(dump), "--out", str(out), "--base-iri", "https://x.org/"]
    )
    assert result.exit_code == 0, result.output
    graph = Graph().parse(_nt(out), format="nt")
    targets = {str(o) for o in graph.objects(None, OWL.sameAs)}
    assert "http://dbpedia.org/resource/Karel_Doubek" in targets
    # the page's subject, its lead's bold name, is the page
    varek = URIRef("https://x.org/person/tomas-varek")
    assert set(graph.objects(varek, OWL.sameAs)) == {
        URIRef("http://dbpedia.org/resource/Tomas_Varek")
    }
    assert "Built by histkg" in (out / "index.html").read_text(encoding="utf-8")
    assert "from Wikipedia text (CC BY-SA 4.0)" in (out / "index.html").read_text(encoding="utf-8")
    void = Graph().parse(out / "void.ttl", format="turtle")
    source = URIRef("http://purl.org/dc/terms/source")
    assert URIRef("https://en.wikipedia.org/wiki/") in set(void.objects(None, source))


def _nt(site: Path) -> Path:
    import gzip

    path = site.parent / "graph.nt"
    path.write_bytes(gzip.decompress((site / "graph.nt.gz").read_bytes()))
    return path
