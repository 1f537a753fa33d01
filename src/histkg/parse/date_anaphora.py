"""Months and years a text names by reference to a date said before it.

"later that month", "two months later", "that November" name a month; "shortly
afterwards", "soon afterwards", "a few days later" name no day or month at all, only a
time just after the last date said, so they give that date's year and nothing finer
(the year is what the text commits to; a more precise date would be invented).

>>> from histkg.model import Date
>>> text = "Otto Lenz fled in March 1950; later that month he was arrested."
>>> [d.date.iso for d in find_month_anaphora(text, [], [Date("1950-03")])]
['1950-03']
>>> from histkg.parse.dates import find_dates
>>> text = "A was taken in May 1646 and handed over the following January."
>>> [d.date.iso for d in find_month_anaphora(text, find_dates(text, None), [])]
['1647-01']
>>> text = "He was detained soon afterwards."
>>> [d.date.iso for d in find_vague_anaphora(text, [], Date("1950-03-04"))]
['1950']
"""

from __future__ import annotations

import re

from histkg.model import Date
from histkg.parse.dates import COUNTS, MONTHS, DateMention

_MONTH_NAMES = "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True))
_COUNT = r"a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}"

#: "later that month", "the same month", "the following month", "two months later"
MONTH_ANAPHOR_RE = re.compile(
    r"\b(?:(?P<same>that|the same|that same) month"
    r"|(?P<next>the (?:following|next) month)"
    rf"|(?P<n>{_COUNT}) months? (?P<dir>later|earlier))\b"
    r"(?! of\b| when\b| that\b)",
    re.IGNORECASE,
)

#: "that November", "later that November": a month of the year said last
THAT_MONTH_RE = re.compile(
    rf"\b(?<![Aa]fter )(?:[Tt]hat|[Tt]hat same) (?P<month>{_MONTH_NAMES})\b(?! ?\d)"
)

#: a short, unmeasured time after the last date said: its year only
VAGUE_ANAPHOR_RE = re.compile(
    r"\b(?:(?:shortly|soon|not long|immediately) (?:afterwards?|thereafter)"
    r"|(?:shortly|soon) after(?=\s*[,.;)]|\s*$)"
    r"|(?:(?:a few|several|some|two|three|four|five|six) )?(?:days|weeks) later"
    r"|within (?:(?:a few|two|three) )?(?:days|weeks)(?=\s*[,.;)]|\s*$))\b",
    re.IGNORECASE,
)


#: "the following January", "the next March": that month's first coming after the date
#: said last
NEXT_MONTH_RE = re.compile(rf"\b[Tt]he (?:following|next) (?P<month>{_MONTH_NAMES})\b(?! ?\d)")


def _free(found: list[DateMention], begin: int, end: int) -> bool:
    return not any(d.begin < end and begin < d.end for d in found)


def _shift(base: Date, months: int) -> Date:
    index = base.year * 12 + int(base.iso[5:7]) - 1 + months
    return Date(f"{index // 12:04d}-{index % 12 + 1:02d}")


def find_month_anaphora(text: str, found: list[DateMention], said: list[Date]) -> list[DateMention]:
    """Months ``text`` names by reference: to the last date of ``found`` (this text's
    dates) with a month before the phrase, else the last of ``said`` (the dates said
    before this text); "that November" needs only a year. A phrase with nothing to refer
    to is left out."""
    months_said = [d for d in said if len(d.iso) >= 7]
    before = months_said[-1] if months_said else None
    out: list[DateMention] = []
    for match in MONTH_ANAPHOR_RE.finditer(text):
        begin, end = match.span()
        if not _free(found, begin, end):
            continue
        months = [d.date for d in found if d.end <= begin and len(d.date.iso) >= 7]
        base = months[-1] if months else before
        if base is None or len(base.iso) < 7:
            continue
        shift = 0
        if match.group("next"):
            shift = 1
        elif match.group("n"):
            word = match.group("n").lower()
            count = 1 if word == "a" else COUNTS.get(word, int(word) if word.isdigit() else 0)
            shift = count if match.group("dir").lower() == "later" else -count
        out.append(DateMention(begin, end, _shift(base, shift), True))
    for match in THAT_MONTH_RE.finditer(text):
        begin, end = match.span()
        if not _free(found + out, begin, end):
            continue
        years = [d.date for d in found if d.end <= begin and not d.relative]
        base = years[-1] if years else (said[-1] if said else None)
        if base is None:
            continue
        month = MONTHS[match.group("month")]
        out.append(DateMention(begin, end, Date(f"{base.year:04d}-{month:02d}"), True))
    for match in NEXT_MONTH_RE.finditer(text):
        begin, end = match.span()
        if not _free(found + out, begin, end):
            continue
        months = [d.date for d in found if d.end <= begin and len(d.date.iso) >= 7]
        base = months[-1] if months else before
        if base is None or len(base.iso) < 7:
            continue
        month = MONTHS[match.group("month")]
        year = base.year if month > int(base.iso[5:7]) else base.year + 1
        out.append(DateMention(begin, end, Date(f"{year:04d}-{month:02d}"), True))
    return sorted(out, key=lambda d: d.begin)


def find_vague_anaphora(
    text: str, found: list[DateMention], before: Date | None
) -> list[DateMention]:
    """ "shortly afterwards", "a few days later": the year of the last date of ``found``
    before the phrase, else of ``before``."""
    out: list[DateMention] = []
    for match in VAGUE_ANAPHOR_RE.finditer(text):
        begin, end = match.span()
        if not _free(found, begin, end):
            continue
        prior = [d.date for d in found if d.end <= begin]
        base = prior[-1] if prior else before
        if base is None:
            continue
        out.append(DateMention(begin, end, Date(f"{base.year:04d}"), True))
    return out
