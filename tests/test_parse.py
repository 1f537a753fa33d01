"""Value parsers: dates at the precision given, and citations."""

from __future__ import annotations

import pytest

from histkg.model import Span
from histkg.parse.dates import find_dates
from histkg.parse.references import parse_reference


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("On June 18, 1957, they met.", None, ["1957-06-18"]),
        ("by a June 29, 1957 decree", None, ["1957-06-29"]),
        ("on 19 June 2015", None, ["2015-06-19"]),
        ("in June 1957.", None, ["1957-06"]),
        ("In 1958, the premier", None, ["1958"]),
        ("held on June 22", 1957, ["1957-06-22"]),
        ("held on June 22", None, []),
        ("in October of that year", 1957, ["1957-10"]),
        ("the following year", 1961, ["1962"]),
        ("two years later", 1961, ["1963"]),
        ("a year earlier", 1961, ["1960"]),
        ("won with 7 to 4 votes", 1957, []),
        ("the 11 full members", 1957, []),
        ("pages 1958–1960", None, []),
    ],
)
def test_parse_dates(text: str, context: int | None, expected: list[str]) -> None:
    assert [d.date.iso for d in find_dates(text, context)] == expected


def test_parse_dates_marks_year_from_context_as_relative() -> None:
    (mention,) = find_dates("held on June 22", 1957)
    assert mention.relative is True
    assert mention.date.precision.value == "day"


def test_parse_reference_book() -> None:
    text = (
        "Tompson, William J. (1995). Khrushchev—a political life. New York City: "
        "St. Martin's Press. p.\u00a0179. ISBN\u00a0978-0-312-12365-9 – via Internet Archive."
    )
    work = parse_reference(text, Span("d", 0, len(text)))
    assert work is not None
    assert work.creators == ["Tompson, William J."]
    assert work.published is not None and work.published.iso == "1995"
    assert work.title == "Khrushchev—a political life"
    assert work.publisher == "St. Martin's Press"
    assert work.isbn == ["978-0-312-12365-9"]


def test_parse_reference_journal_with_issn_and_jstor() -> None:
    text = (
        'Kramer, Mark (1999). "Declassified Materials". Cahiers du Monde russe. '
        "40 (1/2): 271–306. ISSN\u00a01252-6576. JSTOR\u00a020171129."
    )
    work = parse_reference(text, Span("d", 0, len(text)))
    assert work is not None
    assert (work.title, work.container) == ("Declassified Materials", "Cahiers du Monde russe")
    assert (work.issn, work.jstor) == (["1252-6576"], ["20171129"])


def test_parse_reference_web_page_with_full_date() -> None:
    text = 'Siegelbaum, Lewis (19 June 2015). "A Page". Some Site. Retrieved 29 September 2020.'
    work = parse_reference(text, Span("d", 0, len(text)))
    assert work is not None
    assert work.published is not None and work.published.iso == "2015-06-19"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("He died on March 1 , 1827.", "1827-03-01"),  # a space before the comma
        ("It ended on 2 April , 1917.", "1917-04-02"),
        ("Nero died in AD 68.", "0068"),  # the first millennium, with its era
        ("The abbey burned in 766 A.D. and was rebuilt.", "0766"),
    ],
)
def test_parse_dates_spacing_and_first_millennium(text: str, iso: str) -> None:
    from histkg.parse.dates import find_dates

    assert [d.date.iso for d in find_dates(text, 1700)] == [iso]


def test_a_month_before_a_month_and_year_takes_that_year() -> None:
    from histkg.parse.dates import find_dates

    for text in ("between March and May 1974", "from March to May 1974", "March–May 1974"):
        found = [d.date.iso for d in find_dates(text, None)]
        assert found == ["1974-03", "1974-05"], (text, found)
    assert [d.date.iso for d in find_dates("in March 1974", None)] == ["1974-03"]
