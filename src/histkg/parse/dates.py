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

import datetime
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
    r"(?!\w)"  # "in the following years" names no year
)

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("era_before", re.compile(rf"\b(?:{_ERA}) {_Y_ANY}\b")),
    ("era_after", re.compile(rf"\b{_Y_ANY} (?:AD\b|A\.D\.|CE\b)")),
    ("mdy", re.compile(rf"\b{_M} {_D}(?: ?,)? {_Y}\b")),
    ("dmy", re.compile(rf"\b{_D} {_M}(?: ?,)? {_Y}\b")),
    ("my", re.compile(rf"\b{_M}(?: ?,)? {_Y}\b")),
    # "between March and May 1974", "March–May 1974": the first month takes the year after
    (
        "m_before_my",
        re.compile(
            rf"\b{_M}(?=\s?(?:[–-]|to|and|until|till)\s?(?:"
            + "|".join(sorted(MONTHS, key=len, reverse=True))
            + rf")\.?(?: ?,)? {_Y}\b)"
        ),
    ),
    ("m_rel", re.compile(rf"\b{_M} {_REL}")),
    ("md", re.compile(rf"\b{_M} {_D}\b(?! ?,? ?\d)")),
    (
        "y",
        re.compile(  # the lookahead first: most places fail there, before the lookbehinds
            r"(?=1[0-9]{3}|20[0-9]{2})"
            rf"(?:(?<=\b[Ii]n )|(?<=\b[Oo]f )|(?<=\b[Bb]y )|(?<=\b[Ss]ince )|(?<=\b[Uu]ntil )"
            rf"|(?<=\b[Ff]rom )|(?<=\b[Bb]efore )|(?<=\b[Aa]fter )|(?<=\b[Dd]uring )|(?<=^)"
            rf"|(?<=\b[Ee]arly )|(?<=\b[Ll]ate )|(?<=\b[Mm]id-)|(?<=\bto )|(?<=\band )"
            rf"|(?<=\btill )|(?<=\bthrough )|(?<=\b[Bb]etween ))"
            rf"{_Y}(?![\d–-])"
        ),
    ),
    # "readmitted in August", "by early March": a month alone, in the year said last
    (
        "m_alone",
        re.compile(
            rf"(?:(?<=\b[Ii]n )|(?<=\b[Bb]y )|(?<=\b[Uu]ntil )|(?<=\b[Ee]arly )|(?<=\b[Ll]ate )"
            rf"|(?<=\b[Mm]id-)|(?<=\b[Ii]n early )|(?<=\b[Ii]n late ))"
            rf"{_M}(?![\w-]| ?,? ?\d| of\b)"
        ),
    ),
    ("dm", re.compile(rf"\b{_D} {_M}\b(?! ?,? ?\d)")),
    ("rel", re.compile(rf"\b{_REL}", re.IGNORECASE)),  # "Two years later", "The next year"
    # "the 1923 election", "the 1848 revolution": a year naming an event it modifies
    (
        "y_of_event",
        re.compile(
            rf"(?<=\b[Tt]he ){_Y}(?= (?:general |presidential |parliamentary |legislative )?"
            r"(?:elections?|coup|putsch|congress|plenum|session|purge|trials?|revolution"
            r"|uprising|revolt|rebellion|referendum|crisis|convention|conference)\b)"
        ),
    ),
    # "(1921–1923)", "(1921–23)", "(1921–)": a span of years in parentheses
    (
        "range_start",
        re.compile(
            rf"(?:(?<=\()|(?<=\( )){_Y}(?=\s?[–-]\s?(?:1[0-9]{{3}}|20[0-9]{{2}}|[0-9]{{2}})?\s?\))"
        ),
    ),
    ("range_end", re.compile(rf"(?:(?<=\d[–-])|(?<=\d [–-] )){_Y}(?=\s?\))")),
    ("range_end_short", re.compile(r"(?<=(?P<century>\d\d)\d\d[–-])(?P<yy>\d\d)(?=\s?\))")),
)

_DIGIT_RE = re.compile(r"\d")
_MONTH_RE = re.compile(r"\b" + _M)


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
    rel = rel.lower()
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


def _exists(year: int, month: int | None, day: int | None) -> bool:
    try:
        datetime.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        return False
    return True


def find_dates(
    text: str,
    context_year: int | None,
    recent_year: int | None = None,
    day_year: int | None = None,
) -> list[DateMention]:
    """Every date phrase in ``text``, longest first where they overlap.

    Args:
        text: the text to search.
        context_year: the year to give phrases without one ("March 9", "that year");
            ``None`` leaves such phrases out.
        recent_year: the year a month alone ("in August") takes when ``text`` says no
            year before it: one said in the last sentences, never an article's main year.
        day_year: the year a day and month without one ("on 4 November") takes instead of
            ``context_year``: one its paragraph wrote out a few sentences before.
    """
    if "year" not in text and _DIGIT_RE.search(text) is None:
        if recent_year is None or _MONTH_RE.search(text) is None:
            return []  # every pattern needs a digit, "year" (the relative ones) or a month
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    # every year written out, wherever its pattern comes in the order: "left in 1908 and
    # was detained in June of that year" (the relative phrase is matched first)
    matches = [(kind, list(pattern.finditer(text))) for kind, pattern in PATTERNS]
    written = sorted(
        (m.end(), int(m.group("year")))
        for _kind, found_here in matches
        for m in found_here
        if "year" in m.re.groupindex and m.group("year")
    )
    for _kind, found_here in matches:
        for match in found_here:
            begin, end = match.span()
            if any(b < end and begin < e for b, e in taken):
                continue
            groups = match.groupdict()
            if groups.get("yy"):  # "(1921–23)": the century of the start
                groups["year"] = groups["century"] + groups["yy"]
            relative = "year" not in groups or groups.get("year") is None
            # "arrested in May 1937 and died two years later": the year said last before
            # the phrase in this text, else the context's
            prior = [year for at, year in written if at <= begin]
            fallback = recent_year if _kind == "m_alone" else context_year
            if _kind in {"md", "dm"} and day_year is not None:
                fallback = day_year
            base = prior[-1] if prior else fallback
            if relative and base is None:
                continue
            year = int(groups["year"]) if not relative else base
            assert year is not None
            if groups.get("rel"):
                year += _offset_for(groups["rel"])
            month = MONTHS[groups["month"]] if groups.get("month") else None
            day = int(groups["day"]) if groups.get("day") else None
            if year < 1 or not _exists(year, month, day):  # 31 February, year 0: no date
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


#: a day named by reference to one said before ("the same evening", "that night", "the
#: next day"); the next/following ones are the day after
DAY_ANAPHOR_RE = re.compile(
    r"\b(?:(?P<same>(?:the same|that same|that) (?:day|evening|night|morning|afternoon)"
    # "A resigned at once": on the day the sentence before told of (not "immediately after")
    r"|at once|immediately(?!\s+(?:after|before|following|upon|on|in|to)\b))"
    r"|(?P<next>the (?:next|following) (?:day|morning|evening|night)"
    r"|the day after(?=\s*[,.;)]|\s*$)))\b"
    r"(?! of\b| when\b| that\b)",
    re.IGNORECASE,
)


def find_day_anaphora(
    text: str, found: list[DateMention], before: Date | None
) -> list[DateMention]:
    """Days ``text`` names by reference to a day said before: the last full date of
    ``found`` (this text's dates) before the phrase, else ``before`` (the last full date
    of the sentences before it). A phrase with no full date to refer to is left out.

    >>> text = "Varga was shot on 3 May 1950; his aide fled the next day."
    >>> [x.date.iso for x in find_day_anaphora(text, find_dates(text, None), None)]
    ['1950-05-04']
    """
    out: list[DateMention] = []
    for match in DAY_ANAPHOR_RE.finditer(text):
        begin, end = match.span()
        if any(d.begin < end and begin < d.end for d in found):
            continue
        days = [d.date for d in found if d.end <= begin and len(d.date.iso) == 10]
        base = days[-1] if days else before
        if base is None or len(base.iso) != 10:
            continue
        day = datetime.date.fromisoformat(base.iso)
        if match.group("next"):
            day += datetime.timedelta(days=1)
        out.append(DateMention(begin, end, Date(day.isoformat()), True))
    for match in DAYS_LATER_RE.finditer(text):
        begin, end = match.span()
        if any(d.begin < end and begin < d.end for d in [*found, *out]):
            continue
        days = [d.date for d in found if d.end <= begin and len(d.date.iso) == 10]
        base = days[-1] if days else before
        if base is None or len(base.iso) != 10:
            continue
        count = COUNTS.get(match.group("n").lower()) or int(match.group("n"))
        unit = match.group("unit").lower().rstrip("s")
        span = {"day": count, "week": 7 * count, "hour": count // 24}[unit]
        sign = -1 if match.group("dir").lower() == "earlier" else 1
        day = datetime.date.fromisoformat(base.iso) + datetime.timedelta(days=sign * span)
        out.append(DateMention(begin, end, Date(day.isoformat()), True))
    out.sort(key=lambda d: d.begin)
    return out


#: how many, in words ("two days later")
COUNTS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
} | {"a": 1, "an": 1, "twenty-four": 24, "forty-eight": 48, "fourteen": 14}

#: "two days later", "a week later", "twenty-four hours later", "three days earlier": a
#: day counted from the last day said
DAYS_LATER_RE = re.compile(
    r"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen"
    r"|twenty-four|forty-eight|\d{1,2})\s+(?P<unit>days?|weeks?|hours?)\s+"
    r"(?P<dir>later|afterwards|earlier)\b",
    re.IGNORECASE,
)
