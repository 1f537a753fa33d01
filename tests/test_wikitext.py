"""The wikitext reader: infobox templates, links, citations, sections, markup removed with
exact offsets, sameAs links to the wiki's articles, and bad input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from rdflib import OWL, RDFS, Graph, Literal, URIRef

from histkg import build
from histkg.cli import main
from histkg.extract.infobox import infobox_kind
from histkg.model import Article, Span, WikiSite
from histkg.parse.references import parse_reference
from histkg.pipeline import BuildResult
from histkg.publish.site import build_site
from histkg.resolve.links import title_iri
from histkg.serialize import to_trig
from histkg.sources import (
    DEFAULT_SITE,
    SourceOptions,
    article_paths,
    read_document,
    read_sources,
    wiki_option,
)
from histkg.sources.wikitext import (
    MAX_BLOCK_CHARS,
    clean,
    read_wikitext,
    render_date,
    title_from_stem,
)

HERE = Path(__file__).resolve().parent / "wikitext"
VAREK = HERE / "tomas_varek.wikitext"
HKG = "https://w3id.org/histkg/ontology#"
SCHEMA_SAME_AS = URIRef("http://schema.org/sameAs")
EN = wiki_option("en.wikipedia.org")


def read(text: str, name: str = "test_page.wikitext") -> tuple[Article, list[str]]:
    article, warnings = read_wikitext(Path(name), text, "0" * 64, site=EN)
    return article, [str(w) for w in warnings]


@pytest.fixture(scope="module")
def varek() -> Article:
    return read_document(VAREK, EN)[0]


# --- the reader ---------------------------------------------------------------------------


def test_wikitext_is_read_by_its_ending(varek: Article) -> None:
    assert varek.format == "wikitext"
    assert varek.title == "Tomas Varek"  # from the file name, spelled as the bold name
    assert varek.doc_id == "tomas_varek"
    assert varek.sha256 == hashlib.sha256(VAREK.read_bytes()).hexdigest()


def test_wikitext_infobox_parameters_become_fields_with_exact_offsets(varek: Article) -> None:
    fields = {f.key: f.value for f in varek.infobox}
    assert varek.infobox_title == "Tomas Varek"  # the name parameter
    assert fields["office"] == "Prime Minister of Ruritania"  # the link's shown text
    assert fields["successor"] == "Anna Melnik"  # a piped link
    assert fields["term_start"] == "2 March 1948"  # {{start date|1948|3|2}}
    assert fields["death_date"] == "30 January 1975"  # the death's date, not the birth's
    assert fields["spouse"] == "Lena Varek"  # {{plainlist|* …}}
    assert "website" not in fields  # an empty parameter is no field
    assert fields["office2"] == "Minister of Agriculture"  # from the embedded infobox
    assert fields["term_end2"] == "1948" and "embed" not in fields
    for f in varek.infobox:
        assert varek.text[f.begin : f.end] == f.value


def test_wikitext_lines_in_messages_are_lines_of_the_wikitext(varek: Article) -> None:
    lines = VAREK.read_text(encoding="utf-8").splitlines()
    for f in varek.infobox:
        assert lines[f.line - 1].startswith(f"| {f.key} "), f.key
    for block in varek.blocks:
        words = varek.text[block.begin : block.end].split()[:2]
        assert " ".join(words) in lines[varek.line_of(block.begin) - 1].replace("'''", "")
    first_citation = varek.reference_spans[0][0]
    assert "Councils and Courts" in lines[varek.line_of(first_citation) - 1]  # its <ref>
    assert varek.line_of(0) == 1


def test_wikitext_infobox_feeds_the_same_mappings_as_the_flattened_infobox(
    varek: Article,
) -> None:
    assert infobox_kind(varek) == "officeholder"


def test_wikitext_markup_is_removed(varek: Article) -> None:
    for markup in ("{{", "}}", "[[", "]]", "'''", "''", "<ref", "<!--", "{|", "|}", "wikitable"):
        assert markup not in varek.text, markup
    assert "Varek in 1950" not in varek.text  # a file's caption
    assert "Category" not in varek.text and "de:" not in varek.text
    assert "51%" not in varek.text  # tables are left out
    assert "Tomas Varek (12 April 1901 – 30 January 1975) was a Ruritanian politician" in (
        varek.text
    )  # the IPA template and its "; " are gone, {{snd}} is a dash, "[[Ruritania]]n" one word


def test_wikitext_sections_paragraphs_and_list_items(varek: Article) -> None:
    sections = [b.section for b in varek.blocks]
    assert sections[0] == ""  # the lead
    assert "Early life" in sections and "Premiership" in sections
    items = [varek.text[b.begin : b.end] for b in varek.blocks if b.is_list_item]
    assert items == ["Varek's government was the first of the Agrarians.", "It fell in 1953."]
    prose = " ".join(varek.text[b.begin : b.end] for b in varek.blocks)
    assert "Hale, Odile" not in prose  # citations are no prose


def test_wikitext_links_keep_their_target_and_exact_offsets(varek: Article) -> None:
    shown = {(varek.text[link.begin : link.end], link.target) for link in varek.links}
    assert ("Anna Melnik", "Anna Melnik (politician)") in shown  # infobox
    assert ("Melnik", "Anna Melnik (politician)") in shown  # prose, piped
    assert ("Karel Doubek", "Karel Doubek") in shown
    assert ("Ruritania", "Ruritania") in shown  # the link trail "n" is not in the link
    assert not any(t.startswith(("File:", "Category:", "De:")) for _s, t in shown)


def test_wikitext_refs_and_cite_templates_become_cited_works(varek: Article) -> None:
    works = [parse_reference(varek.text[b:e], Span("d", b, e)) for b, e in varek.reference_spans]
    assert len(works) == 2  # the named ref used twice is one citation
    book, article = works
    assert book is not None and article is not None
    assert (book.title, book.creators, book.isbn, book.publisher) == (
        "Councils and Courts",
        ["Hale, Odile"],
        ["978-0-306-40615-7"],
        "Harbor Press",
    )
    assert book.published is not None and book.published.iso == "1988"
    assert article.title == "The Agrarian Decade"
    assert article.creators == ["Brandt, Jonas", "Ortiz, Maria"]
    assert (article.issn, article.jstor, article.url) == (
        ["1234-5679"],
        ["20171129"],
        ["https://example.org/agrarian"],
    )
    assert article.container == "Ruritanian Studies"
    assert article.published is not None and article.published.iso == "1999"  # a year


def test_wikitext_title_from_a_file_name() -> None:
    assert title_from_stem("tomas_varek", "") == "Tomas Varek"
    assert title_from_stem("court_of_the_far_north", "") == "Court of the Far North"
    assert title_from_stem("Zenda", "") == "Zenda"
    assert title_from_stem("mcintyre_affair", "McIntyre affair") == "McIntyre affair"


def test_wikitext_date_templates() -> None:
    assert render_date(["1954", "7", "17", "df=y"]) == "17 July 1954"
    assert render_date(["1954", "7"]) == "July 1954"
    assert render_date(["1954"]) == "1954"


def test_wikitext_inline_templates_give_their_text() -> None:
    article, _ = read(
        "It sells {{vanchor|[[flat-pack furniture]]|F}} for {{USD|5}} ({{frac|2|1|2}} kg,"
        " {{convert|3|km}}){{sfn|Hale|1988}} in {{lang|ru|Москва}}{{snd}}since"
        " {{circa|1950}}. {{As of|2020|5}}, it is open.\n"
    )
    assert article.text.endswith(
        "It sells flat-pack furniture for US$5 (2 1/2 kg, 3 km) in Москва – since c. 1950."
        " As of May 2020, it is open.\n"
    )
    assert [x.target for x in article.links] == ["Flat-pack furniture"]


def test_wikitext_line_breaks_in_an_infobox_value() -> None:
    article, _ = read(
        "{{Infobox officeholder\n| office = Member of the [[Diet]]<br />for Zenda\n"
        "| deputy = Ana Berg<br/>Jon Lind<br>\n}}\nText.\n"
    )
    fields = {f.key: f.value for f in article.infobox}
    assert fields == {"office": "Member of the Diet for Zenda", "deputy": "Ana Berg, Jon Lind"}


def test_wikitext_a_colon_in_an_article_title_is_a_link() -> None:
    article, _ = read("A study of [[Star Wars: Episode IV|the film]] and [[wikt:coup|coups]].\n")
    assert [(article.text[x.begin : x.end], x.target) for x in article.links] == [
        ("the film", "Star Wars: Episode IV")
    ]  # the Wiktionary link is shown as text, but names no article here
    assert "coups" in article.text


def test_wikitext_template_that_never_closes_is_warned_and_the_rest_read() -> None:
    text = "Intro line.\n\n{{Infobox officeholder\n| name = X\n\nA [[Ruritania]]n spoke.\n"
    article, warnings = read(text)
    assert len(warnings) == 1 and " W802 " in warnings[0]
    assert warnings[0].startswith("test_page.wikitext:3:")
    assert "{{" not in article.text
    assert "A Ruritanian spoke." in article.text


def test_wikitext_a_huge_line_is_read_in_pieces() -> None:
    sentence = "Varek met [[Karel Doubek]] in Zenda. "
    article, warnings = read(sentence * 6000 + "\n")  # 198,000 characters of text, one line
    assert [w.split(" ", 2)[1] for w in warnings] == ["W807"]
    assert len(article.blocks) == 2
    for block in article.blocks:
        piece = article.text[block.begin : block.end]
        assert len(piece) <= MAX_BLOCK_CHARS
        assert piece.startswith("Varek met") and piece.endswith("Zenda.")
    assert len(article.links) == 6000


# --- exact offsets: cleaning only deletes -----------------------------------------------


@given(st.text(alphabet=" \n(),;-=abc", max_size=80))
def test_wikitext_cleaning_keeps_each_character_at_its_rendered_offset(text: str) -> None:
    cleaned, index = clean(text)
    assert len(index) == len(cleaned)
    assert all(cleaned[i] == text[index[i]] for i in range(len(cleaned)))
    assert index == sorted(set(index))
    assert "\n\n\n" not in cleaned and "  " not in cleaned


# --- sameAs and the dataset's source ---------------------------------------------------


@pytest.fixture(scope="module")
def linked() -> BuildResult:
    return build([VAREK], options=SourceOptions(site=EN))


def test_wikitext_linked_person_gets_wikipedia_and_dbpedia_iris(linked: BuildResult) -> None:
    g = linked.graph
    doubek = next(s for s in g.subjects(RDFS.label, Literal("Karel Doubek", lang="en")))
    assert set(g.objects(doubek, OWL.sameAs)) == {
        URIRef("http://dbpedia.org/resource/Karel_Doubek")
    }
    assert set(g.objects(doubek, SCHEMA_SAME_AS)) == {
        URIRef("https://en.wikipedia.org/wiki/Karel_Doubek")
    }
    melnik = [s for s, o in g.subject_objects(OWL.sameAs) if "Anna_Melnik" in str(o)]
    assert melnik and all("person/anna-melnik" in str(s) for s in melnik)


def test_wikitext_evidence_quotes_point_into_the_derived_text(linked: BuildResult) -> None:
    text = linked.articles[0].text
    g = linked.graph
    spans = list(g.subjects(URIRef(HKG + "quote"), None))
    assert spans
    for span in spans:
        begin = int(g.value(span, URIRef(HKG + "begin")))  # type: ignore[arg-type]
        end = int(g.value(span, URIRef(HKG + "end")))  # type: ignore[arg-type]
        assert text[begin:end] == str(g.value(span, URIRef(HKG + "quote")))


def test_wikitext_without_a_wiki_makes_no_sameas() -> None:
    sources = read_sources([VAREK])
    assert sources.articles[0].site is not None
    assert sources.articles[0].site.article_base == ""
    assert sources.sites[0].name == "an unnamed MediaWiki wiki"
    assert sources.sites[0].licence == ""  # not known, so not stated


def test_wikitext_wiki_option_for_other_wikis() -> None:
    de = wiki_option("https://de.wikipedia.org/wiki/")
    assert (de.lang, de.dbpedia_base, de.name) == (
        "de",
        "http://de.dbpedia.org/resource/",
        "Wikipedia",
    )
    other = wiki_option("https://wiki.example.org/w/")
    assert (other.article_base, other.dbpedia_base, other.licence) == (
        "https://wiki.example.org/w/",
        "",
        "",
    )
    assert (
        title_iri(de.dbpedia_base, "Horst Köhler") == "http://de.dbpedia.org/resource/Horst_Köhler"
    )
    assert title_iri("https://x.org/wiki/", "100% a?b") == "https://x.org/wiki/100%25_a%3Fb"
    with pytest.raises(ValueError):
        wiki_option("ftp://example.org/")


def test_wikitext_site_footer_and_void_name_the_source_and_licence(linked: BuildResult) -> None:
    site = WikiSite(
        name="Ruritanian Wiki",
        article_base="https://wiki.example.org/w/",
        licence="https://creativecommons.org/licenses/by/4.0/",
        licence_name="CC BY 4.0",
    )
    files = build_site(
        linked.graph, to_trig(linked.dataset), linked.articles, "https://x.org/", "0", None, [site]
    )
    assert b"from Ruritanian Wiki text (CC BY 4.0)" in files["index.html"]
    assert b"Wikipedia" not in files["index.html"]
    void = Graph().parse(data=files["void.ttl"], format="turtle")
    licence = URIRef("http://purl.org/dc/terms/license")
    assert set(void.objects(None, licence)) == {URIRef(site.licence)}
    default = build_site(
        linked.graph, to_trig(linked.dataset), linked.articles, "https://x.org/", "0", None
    )
    assert b"from Wikipedia text (CC BY-SA 4.0)" in default["index.html"]  # the seed default
    assert DEFAULT_SITE.licence_name == "CC BY-SA 4.0"


def test_wikitext_cli_options(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(main, ["build", str(VAREK), "--wiki", "not a wiki", "--out", str(tmp_path)])
    assert bad.exit_code == 2
    assert "--wiki" in bad.output and len(bad.output.strip().splitlines()) == 1
    bad = runner.invoke(main, ["build", str(VAREK), "--licence", "CC-BY", "--out", str(tmp_path)])
    assert bad.exit_code == 2 and "--licence" in bad.output


def test_wikitext_files_are_found_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a_b.wikitext").write_text("'''A B''' was here.\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("about\n", encoding="utf-8")
    assert [p.name for p in article_paths([tmp_path])] == ["a_b.wikitext"]
