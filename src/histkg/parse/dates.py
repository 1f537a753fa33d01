"""Find and normalise date phrases at the precision the text gives.

>>> [(d.date.iso, d.relative) for d in find_dates("On March 15, 1848, they met.", None)]
[('1848-03-15', False)]
>>> [d.date.iso for d in find_dates("held on March 9", 1848)]
['1848-03-09']
>>> [d.date.iso for d in find_dates("in October of that year", 1848)]
['1848-10']
>>> [d.date.iso for d in find_dates("He died on March 1 , 1827 in AD 68 style", 1822)]
['1827-03-01', '0068']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from histkg.model import Date

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sep", "Sept"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ]
    )
    for name in names
}
_M = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_Y = r"(?P<year>1[0-9]{3}|20[0-9]{2})"
# a year of the first millennium is read only with its era ("AD 68", "766 CE"); BC is
# left out (xsd:gYear's year 0 and negative years differ between stores)
_ERA = r"AD|A\.D\.|CE"
_Y_ANY = r"(?P<year>[1-9][0-9]{0,3})"
_D = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?"
_REL = (
    r"(?P<rel>(?:of |in )?(?:that|the same|the following|the next|the previous|the preceding) year"
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) years? (?:later|earlier))"
)

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("era_before", re.compile(rf"\b(?:{_ERA}) {_Y_ANY}\b")),
    ("era_after", re.compile(rf"\b{_Y_ANY} (?:AD\b|A\.D\.|CE\b)")),
    ("mdy", re.compile(rf"\b{_M} {_D}(?: ?,)? {_Y}\b")),
    ("dmy", re.compile(rf"\b{_D} {_M}(?: ?,)? {_Y}\b")),
    ("my", re.compile(rf"\b{_M}(?: ?,)? {_Y}\b")),
    ("m_rel", re.compile(rf"\b{_M} {_REL}")),
    ("md", re.compile(rf"\b{_M} {_D}\b(?! ?,? ?\d)")),
    ("dm", re.compile(rf"\b{_D} {_M}\b(?! ?,? ?\d)")),
    (
        "y",
        re.compile(
            rf"(?:(?<=\b[Ii]n )|(?<=\b[Oo]f )|(?<=\b[Bb]y )|(?<=\b[Ss]ince )|(?<=\b[Uu]ntil )"
            rf"|(?<=\b[Ff]rom )|(?<=\b[Bb]efore )|(?<=\b[Aa]fter )|(?<=\b[Dd]uring )|(?<=^)"
            rf"|(?<=\b[Ee]arly )|(?<=\b[Ll]ate )|(?<=\b[Mm]id-)|(?<=\bto )|(?<=\band )"
            rf"|(?<=\btill )|(?<=\bthrough )|(?<=\b[Bb]etween ))"
            rf"{_Y}(?![\d–-])"
        ),
    ),
    ("rel", re.compile(rf"\b{_REL}")),
)

_DIGIT_RE = re.compile(r"\d")


@dataclass(frozen=True)
class DateMention:
    begin: int
    end: int
    date: Date
    relative: bool  # the year came from context, not from the phrase


COUNTS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())
}


def _offset_for(rel: str) -> int:
    if "following" in rel or "next" in rel:
        return 1
    if "previous" in rel or "preceding" in rel:
        return -1
    words = rel.split()
    if words[-1] in {"later", "earlier"}:
        n = (
            1
            if words[0] == "a"
            else COUNTS.get(words[0], int(words[0]) if words[0].isdigit() else 0)
        )
        return n if words[-1] == "later" else -n
    return 0


def find_dates(text: str, context_year: int | None) -> list[DateMention]:
    """Every date phrase in ``text``, longest first where they overlap.

    Args:
        text: the text to search.
        context_year: the year to give phrases without one ("March 9", "that year");
            ``None`` leaves such phrases out.
    """
    if "year" not in text and _DIGIT_RE.search(text) is None:
        return []  # every pattern needs a digit, or "year" (the relative ones)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for _kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            begin, end = match.span()
            if any(b < end and begin < e for b, e in taken):
                continue
            groups = match.groupdict()
            relative = "year" not in groups or groups.get("year") is None
            if relative and context_year is None:
                continue
            year = int(groups["year"]) if not relative else context_year
            assert year is not None
            if groups.get("rel"):
                year += _offset_for(groups["rel"])
            month = MONTHS[groups["month"]] if groups.get("month") else None
            day = int(groups["day"]) if groups.get("day") else None
            if day is not None and not 1 <= day <= 31:
                continue
            if month is None:
                iso = f"{year:04d}"
            elif day is None:
                iso = f"{year:04d}-{month:02d}"
            else:
                iso = f"{year:04d}-{month:02d}-{day:02d}"
            taken.append((begin, end))
            found.append(DateMention(begin, end, Date(iso), relative))
    return sorted(found, key=lambda d: d.begin)
