"""Dates in infobox values, ranges included ("11–12 April 1909", "1921–24"), and the
death date of a biography's opening brackets."""

from __future__ import annotations

import datetime
import re

from histkg.model import Article, Date, Span
from histkg.parse.dates import MONTHS, find_dates

_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_SEP = r"\s*(?:–|—|-|\bto\b|\buntil\b)\s*"


def _valid(year: int, month: int | None, day: int | None) -> Date | None:
    try:
        datetime.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        return None
    if month is None:
        return Date(f"{year:04d}")
    if day is None:
        return Date(f"{year:04d}-{month:02d}")
    return Date(f"{year:04d}-{month:02d}-{day:02d}")


def read_dates(text: str) -> tuple[list[Date], bool]:
    """The dates in an infobox value, in order, and whether an impossible one was seen.

    Reads ISO dates ("1903-04-17"), the prose forms of ``histkg.parse.dates`` and bare
    years; ranges give both ends: "4 March 1921 – 9 July 1923", "11–12 April 1909",
    "April 11–12, 1909", "30 April – 2 May 1909", "March–May 1932", "1921–24", "1921–1924".
    """
    found: list[tuple[int, int, Date | None]] = []

    def free(b: int, e: int) -> bool:
        return not any(fb < e and b < fe for fb, fe, _ in found)

    for m in re.finditer(rf"(?<![\d-])({_YEAR})-(\d\d)(?:-(\d\d))?(?![\d])", text):
        found.append(
            (
                m.start(),
                m.end(),
                _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None),
            )
        )
    ranges = [
        (  # 11–12 April 1909
            rf"\b(?P<d1>\d{{1,2}}){_SEP}(?P<d2>\d{{1,2}}) (?P<m2>{_MONTH}),? (?P<y2>{_YEAR})\b"
        ),
        (  # April 11–12, 1909
            rf"\b(?P<m2>{_MONTH}) (?P<d1>\d{{1,2}}){_SEP}(?P<d2>\d{{1,2}}),? (?P<y2>{_YEAR})\b"
        ),
        (  # 30 April – 2 May 1909
            rf"\b(?P<d1>\d{{1,2}}) (?P<m1>{_MONTH}){_SEP}(?P<d2>\d{{1,2}}) (?P<m2>{_MONTH}),? "
            rf"(?P<y2>{_YEAR})\b"
        ),
        (  # April 30 – May 2, 1909
            rf"\b(?P<m1>{_MONTH}) (?P<d1>\d{{1,2}}){_SEP}(?P<m2>{_MONTH}) (?P<d2>\d{{1,2}}),? "
            rf"(?P<y2>{_YEAR})\b"
        ),
        rf"\b(?P<m1>{_MONTH}){_SEP}(?P<m2>{_MONTH}),? (?P<y2>{_YEAR})\b",  # March–May 1932
        rf"(?<![\d-])(?P<y1>{_YEAR})[–-](?P<yy>\d\d)(?![\d])(?!\s*{_MONTH})",  # 1921–24
    ]
    for pattern in ranges:
        for m in re.finditer(pattern, text):
            if not free(m.start(), m.end()):
                continue
            g = m.groupdict()
            if g.get("yy"):
                y1 = int(g["y1"])
                y2 = y1 // 100 * 100 + int(g["yy"])
                first, second = _valid(y1, None, None), _valid(y2, None, None)
                if y2 < y1:
                    second = None
            else:
                month2 = MONTHS[g["m2"].rstrip(".")]
                month1 = MONTHS[g["m1"].rstrip(".")] if g.get("m1") else month2
                y = int(g["y2"])
                d1 = int(g["d1"]) if g.get("d1") else None
                d2 = int(g["d2"]) if g.get("d2") else None
                first, second = _valid(y, month1, d1), _valid(y, month2, d2)
            mid = m.start() + (m.end() - m.start()) // 2
            found.append((m.start(), mid, first))
            found.append((mid, m.end(), second))
    single = (  # a day that does not exist ("31 February 1901") is seen, and flagged
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?P<m>{_MONTH}),? (?P<y>{_YEAR})\b",
        rf"\b(?P<m>{_MONTH}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>{_YEAR})\b",
    )
    for pattern in single:
        for m in re.finditer(pattern, text):
            if free(m.start(), m.end()):
                month = MONTHS[m.group("m").rstrip(".")]
                found.append(
                    (m.start(), m.end(), _valid(int(m.group("y")), month, int(m.group("d"))))
                )
    for d in find_dates(text, None):
        if free(d.begin, d.end):
            y, m_, d_ = ([int(p) for p in d.date.iso.split("-")] + [0, 0])[:3]
            found.append((d.begin, d.end, _valid(y, m_ or None, d_ or None)))
    for m in re.finditer(rf"(?<![\d-])({_YEAR})(?![\d])", text):
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), _valid(int(m.group(1)), None, None)))
    found.sort(key=lambda x: x[0])
    return [d for _b, _e, d in found if d is not None], any(d is None for _b, _e, d in found)


def lifespan_death(article: Article) -> tuple[Date, Span] | None:
    """The death date in a biography's opening brackets, "Name (1 May 1901 – 2 June
    1980) was …": the date after the dash of the first bracket of the first paragraph
    that has a dash followed by a full date (and nothing but a date)."""
    if not article.blocks:
        return None
    block = article.blocks[0]
    text = article.text[block.begin : block.end]
    for m in re.finditer(r"\(([^()]*)\)", text[:600]):
        parts = re.split(r"\s*[–—]\s*|\s+-\s+", m.group(1))
        if len(parts) < 2:
            continue
        tail = parts[-1].strip()
        dates, bad = read_dates(tail)
        if len(dates) == 1 and not bad and re.fullmatch(r"[\w ,.]+", tail):
            at = block.begin + m.start(1) + m.group(1).rfind(tail)
            return dates[0], Span(article.doc_id, at, at + len(tail))
    return None
