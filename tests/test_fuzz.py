"""Fuzzing (issue 10): every reader, the date parsers, the name splitter, the infobox
readers and a whole build, on arbitrary input built from the pieces that matter to them.

Properties: nothing raises but histkg's own error type (``KGError``); no date becomes an
ill-typed literal; every offset (block, infobox value, reference, date mention, evidence
span) lies inside the text and quotes it exactly.

Two profiles: the default one runs in ``make test`` and CI (derandomized, a bounded number
of examples, no example database: the same examples on every run and machine);
``HISTKG_FUZZ=long`` runs many more random examples, outside CI (``docs/fuzzing.md``)::

    HISTKG_FUZZ=long .venv/bin/python -m pytest -q tests/test_fuzz.py
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import RDF, Literal

from histkg.assemble import DATE_TYPES, _literal
from histkg.errors import KGError, SourceError
from histkg.extract.infobox import read_box, read_dates
from histkg.extract.names import name_key, parse_name
from histkg.model import Article, Date
from histkg.parse.dates import find_dates
from histkg.sources import decode
from histkg.sources.plain import read_plain
from histkg.sources.sectioned import is_sectioned, read_sectioned
from histkg.vocab import HKG

LONG = os.environ.get("HISTKG_FUZZ", "") == "long"
#: examples per property in the long profile, as a multiple of the CI count
LONG_FACTOR = 40

settings.register_profile(
    "histkg-fuzz-ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "histkg-fuzz-long",
    derandomize=False,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_PROFILE = settings.get_profile("histkg-fuzz-long" if LONG else "histkg-fuzz-ci")


def fuzz(examples: int) -> settings:
    """The profile's settings with ``examples`` examples in CI (more in the long run)."""
    return settings(_PROFILE, max_examples=examples * (LONG_FACTOR if LONG else 1))


# --- what the inputs are made of --------------------------------------------------------

MONTH_WORDS = ["January", "Feb", "February", "Sept", "May", "Dec.", "december", "Jun"]
DATE_PIECES = [
    *MONTH_WORDS,
    "0",
    "1",
    "2",
    "9",
    "12",
    "29",
    "30",
    "31",
    "32",
    "00",
    "99",
    "1848",
    "1900",
    "1957",
    "2000",
    "2099",
    "0999",
    "68",
    "AD",
    "A.D.",
    "CE",
    "BC",
    "th",
    "st",
    " ",
    " ",
    ", ",
    "–",
    "—",
    "-",
    " to ",
    " until ",
    "in ",
    "of ",
    "between ",
    " and ",
    "that year",
    "the following year",
    "the previous year",
    "two years later",
    "99 years earlier",
    "(",
    ")",
    ".",
    "present",
]
NAME_PIECES = [
    "Anna",
    "Berg",
    "Lund",
    "de",
    "van",
    "der",
    "al-",
    "bin",
    "A.",
    "Ya.",
    "V.I.",
    "Dr.",
    "General",
    "President",
    "Jr.",
    "III",
    "I",
    "X",
    "Kim",
    "Il-sung",
    "O'Brien",
    "’s",
    "'s",
    "'",
    ",",
    "-",
    "Ceaușescu",
    "ΑΒΓ",
    "the",
    "of",
    "SmithWIA",
    "Do-yong",
    "S",
]
TEXT_PIECES = [
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    " ",
    "\ufeff",
    "\u2028",
    "\x0c",
    "\x85",
    "= ",
    " =",
    "==",
    "= = ",
    "- ",
    "* ",
    ": ",
    ":",
    "References",
    "Notes",
    "Plot",
    "Smith, J. (1990). A book.",
    "Berg, Anna (1995).",
    '"A title",',
    "The group was",
    " was arrested ",
    " was appointed Premier ",
    " on ",
    ".",
    "é",
    "中文",
    "\U0001f600",
]


def _joined(pieces: list[str], max_size: int) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(pieces), st.text(max_size=3))
    return st.lists(piece, max_size=max_size).map("".join)


date_text = _joined(DATE_PIECES, 14)
name_text = st.lists(st.sampled_from(NAME_PIECES) | st.text(max_size=4), max_size=6).map(" ".join)
article_text = _joined(TEXT_PIECES + DATE_PIECES[:20] + NAME_PIECES[:12], 60)

ISO_RE = re.compile(r"\d{4}(?:-\d\d){0,2}")


def assert_well_typed(date: Date) -> None:
    """The date is a valid xsd:date, xsd:gYearMonth or xsd:gYear of year 1 or later (rdflib
    checks only xsd:date, so the month and year forms are checked here)."""
    assert ISO_RE.fullmatch(date.iso), date
    year, month, day = [int(p) for p in date.iso.split("-")] + [1] * (3 - date.iso.count("-") - 1)
    assert year >= 1, date
    datetime.date(year, month, day)  # raises ValueError on 31 February or month 13
    literal = _literal(date)
    assert literal.ill_typed is not True, f"{date.iso} is an ill-typed {literal.datatype}"


def read_text(data: bytes) -> Article:
    """What ``read_article`` does with a file's bytes (the reader of each format)."""
    path = Path("fuzz.txt")
    text = decode(path, data)
    if is_sectioned(text):
        return read_sectioned(path, text, "0" * 64)
    return read_plain(path, text, "0" * 64)


def assert_offsets_inside(article: Article) -> None:
    text = article.text
    for block in article.blocks:
        assert 0 <= block.begin < block.end <= len(text), block
        quoted = text[block.begin : block.end]
        assert quoted.strip() and quoted == quoted.rstrip(), block
    for field in article.infobox:
        assert 0 <= field.begin <= field.end <= len(text), field
        assert text[field.begin : field.end] == field.value
        assert 1 <= field.line <= text.count("\n") + 1
    for begin, end in article.reference_spans:
        assert 0 <= begin <= end <= len(text)


# --- readers ------------------------------------------------------------------------------


@fuzz(300)
@given(article_text)
def test_fuzz_readers_only_raise_source_error_and_keep_offsets(text: str) -> None:
    try:
        article = read_text(text.encode("utf-8", "surrogatepass"))
    except SourceError as exc:
        assert exc.message and "\n" not in exc.one_line()
        return
    assert_offsets_inside(article)


@fuzz(150)
@given(st.binary(max_size=200))
def test_fuzz_readers_on_arbitrary_bytes(data: bytes) -> None:
    try:
        article = read_text(data)
    except SourceError as exc:
        assert exc.message
        return
    assert_offsets_inside(article)


@fuzz(300)
@given(
    st.lists(st.tuples(_joined(["Date", "Term", "Office", "x", " "], 3), date_text), max_size=6),
    _joined(TEXT_PIECES, 10),
)
@example([], "- ")  # found: an empty list item made a block that ends before it begins
def test_fuzz_infobox_lines(fields: list[tuple[str, str]], prose: str) -> None:
    lines = "".join(f"- {key}: {value}\n" for key, value in fields)
    text = f"= Fuzz coup =\n\nFuzz coup\n{lines}\n{prose}\n"
    try:
        article = read_text(text.encode("utf-8", "surrogatepass"))
    except SourceError:
        return
    assert_offsets_inside(article)


# --- dates ----------------------------------------------------------------------------------


@fuzz(400)
@given(date_text, st.none() | st.integers(min_value=1, max_value=2100))
@example("on 31 February 1848", None)  # found: an xsd:date of a day that does not exist
@example("in the previous year", 1)  # found: year 0
@example("0 January", 1)  # found (long run): day 0 taken for a missing day
def test_fuzz_find_dates(text: str, context_year: int | None) -> None:
    for mention in find_dates(text, context_year):
        assert 0 <= mention.begin < mention.end <= len(text)
        assert_well_typed(mention.date)


@fuzz(400)
@given(date_text)
@example("00 March 1901")  # found (long run): day 0 in the infobox reader
def test_fuzz_infobox_dates(text: str) -> None:
    dates, _bad = read_dates(text)
    for date in dates:
        assert_well_typed(date)


# --- names ------------------------------------------------------------------------------------


@fuzz(400)
@given(name_text, st.lists(st.sampled_from(NAME_PIECES), max_size=3))
def test_fuzz_name_splitter(text: str, used_alone: list[str]) -> None:
    name = parse_name(text, used_alone)
    if name is None:
        return
    assert name.words and all(w in text for w in name.words)
    family, given_ = name.family, name.given
    assert family is None or family in name.words
    assert given_ is None or all(w in name.words for w in given_.split())
    for form in name.short_forms():
        assert form and form in name.text
    assert name_key(name) == name_key(name)
    assert isinstance(name.abbreviates(name), bool)


# --- infobox readers -------------------------------------------------------------------------

BOX_KEYS = [
    "Date",
    "Location",
    "Perpetrators",
    "Target",
    "Result",
    "Commander",
    "Office",
    "Office2",
    "Term Start",
    "Term End",
    "Term",
    "Term2",
    "Predecessor",
    "Successor",
    "Death Date",
    "Party",
    "Leader",
    "Members",
    "Ideology",
    "Seats1 Title",
    "Seats1",
    "Mascot",
]
BOX_NAMES = ["1981 Fuzz coup attempt", "Anna Berg", "Fuzz Party", "Siege of Fuzz"]


@fuzz(300)
@given(
    st.sampled_from(BOX_NAMES),
    st.lists(
        st.tuples(
            st.sampled_from(BOX_KEYS),
            st.one_of(date_text, name_text, _joined(NAME_PIECES + DATE_PIECES + [", "], 8)),
        ),
        max_size=8,
    ),
)
def test_fuzz_infobox_readers(box_name: str, fields: list[tuple[str, str]]) -> None:
    lines = "".join(f"- {key}: {value}\n" for key, value in fields if value.strip())
    text = f"= {box_name} =\n\n{box_name}\n{lines}\nSome text.\n"
    try:
        article = read_text(text.encode("utf-8", "surrogatepass"))
        box = read_box(article)
    except KGError:
        return
    for tenure in box.tenures:
        for date in (tenure.start, tenure.end):
            if date is not None:
                assert_well_typed(date)
    for event in [*box.events, *([box.event] if box.event else [])]:
        for date in (event.date, event.end):
            if date is not None:
                assert_well_typed(date)
    for mention in box.persons():
        span = mention.span
        assert 0 <= span.begin <= span.end <= len(article.text)
    for warning in box.warnings:
        assert re.fullmatch(r"W\d{3}", warning.code)


# --- a whole build ------------------------------------------------------------------------------

SENTENCE_PIECES = [
    "Anna Berg",
    "Tomas Lund",
    "General Piet Strom",
    "the Fuzz Party",
    "the Central Committee",
    " was arrested",
    " was appointed Premier",
    " was removed from the post of Minister of Harbours",
    " resigned",
    " was expelled from the party",
    " was executed",
    " and ",
    ", ",
    " by ",
    " on ",
    " in ",
    "He",
    "She",
    " that year",
    ". ",
    ".\n\n",
    "\n== Aftermath ==\n",
    "(",
    ")",
]


@fuzz(12)
@given(
    st.lists(st.sampled_from(SENTENCE_PIECES) | date_text, max_size=30).map("".join),
    st.lists(st.tuples(st.sampled_from(BOX_KEYS), date_text | name_text), max_size=4),
)
def test_fuzz_build_literals_and_evidence(prose: str, fields: list[tuple[str, str]]) -> None:
    import tempfile

    from histkg import build

    lines = "".join(f"- {key}: {value}\n" for key, value in fields if value.strip())
    text = f"= 1981 Fuzz coup attempt =\n\n1981 Fuzz coup attempt\n{lines}\nIt failed. {prose}\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.txt"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            result = build([path])
        except KGError:
            return
    article_text_ = result.articles[0].text
    for _s, _p, o in result.graph:
        if isinstance(o, Literal) and o.datatype is not None:
            assert o.ill_typed is not True, o
            if o.datatype in DATE_TYPES.values():
                assert_well_typed(Date(str(o)))
    for span in result.graph.subjects(RDF.type, HKG.TextSpan):
        begin = result.graph.value(span, HKG.begin)
        end = result.graph.value(span, HKG.end)
        quote = result.graph.value(span, HKG.quote)
        assert isinstance(begin, Literal) and isinstance(end, Literal)
        b, e = int(begin), int(end)
        assert 0 <= b <= e <= len(article_text_)
        assert str(quote) == article_text_[b:e]
    assert result.report.conforms, result.report.violations[:3]


# --- found by fuzzing in the extraction code ----------------------------------------------


def test_fuzz_found_article_with_only_an_infobox(tmp_path: Path) -> None:
    from histkg import build

    path = tmp_path / "box.txt"
    path.write_text("= 1981 Fuzz coup =\n\n1981 Fuzz coup\n- Date: 1981\n", encoding="utf-8")
    result = build([path])
    assert len(result.articles) == 1
