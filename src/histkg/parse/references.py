"""Parse one rendered citation (Wikipedia CS1 style) into a :class:`WorkRecord`.

>>> ref = "Novak, Jana (1988). Councils and Courts. Harbor Press. ISBN 978-0-306-40615-7."
>>> w = parse_reference(ref, Span("d", 0, 10))
>>> (w.creators, w.published.iso if w.published else None, w.title, w.isbn)
(['Novak, Jana'], '1988', 'Councils and Courts', ['978-0-306-40615-7'])
"""

from __future__ import annotations

import re

from histkg.model import Span, WorkRecord
from histkg.parse.dates import find_dates

_WS = r"[\s\u00a0]"
AUTHOR_YEAR_RE = re.compile(
    r"^(?P<authors>[^()\"“]+?)\s*\((?P<date>[^()]*\d{4}[^()]*)\)\.?\s*(?P<rest>.*)$", re.S
)
AUTHOR_INITIALS_RE = re.compile(
    r"^(?P<authors>[A-Z][\w'’-]+, (?:[A-Z]\.\s?){1,3})\s*(?P<rest>.*)$", re.S
)
QUOTED_RE = re.compile(r"^[\"“](?P<title>.+?)[\"”][.,]?\s*(?P<rest>.*)$", re.S)
ISBN_RE = re.compile(rf"ISBN{_WS}*(?P<id>(?:97[89][\s\u00a0-]?)?[\d][\d\s\u00a0-]{{7,14}}[\dXx])")
ISSN_RE = re.compile(rf"ISSN{_WS}*(?P<id>\d{{4}}-\d{{3}}[\dXx])")
JSTOR_RE = re.compile(rf"JSTOR{_WS}*(?P<id>\d+)")
URL_RE = re.compile(r"https?://[^\s\"<>]+")
ABBREVIATIONS = frozenset(
    {
        "St",
        "Mt",
        "Dr",
        "Jr",
        "Sr",
        "Co",
        "Inc",
        "Ltd",
        "Bros",
        "Univ",
        "Vol",
        "No",
        "ed",
        "eds",
        "pp",
        "p",
    }
)


def _split_sentence(text: str) -> tuple[str, str] | None:
    """Split ``text`` after its first full stop that ends a sentence, not an abbreviation."""
    for match in re.finditer(r"\.(?:\s+|$)", text):
        before = text[: match.start()]
        word = re.search(r"([\w]+)$", before)
        if not before.strip() or (
            word and (word.group(1) in ABBREVIATIONS or len(word.group(1)) == 1)
        ):
            continue
        return before.strip(), text[match.end() :]
    return None


def _title_and_rest(text: str) -> tuple[str, str]:
    quoted = QUOTED_RE.match(text)
    if quoted:
        return quoted.group("title").strip().rstrip("."), quoted.group("rest")
    lang = re.match(r"^(?P<title>.+?)\s*\(in [A-Z][a-z]+\)\.?\s*(?P<rest>.*)$", text, re.S)
    if lang:
        return lang.group("title").strip(), lang.group("rest")
    part = _split_sentence(text)
    if part:
        title, rest = part
        volume = re.search(r"-\s*(\d+)$", title)
        following = _split_sentence(rest)
        if volume and following:
            # "Title- 2. Subtitle." is a volume number and its subtitle.
            title = f"{title[: volume.start()].rstrip()} {volume.group(1)}: {following[0]}"
            rest = following[1]
        return title, rest
    return text.strip().rstrip("."), ""


def parse_reference(text: str, span: Span) -> WorkRecord | None:
    """Read authors, date, title, container, publisher and identifiers of a citation."""
    text = text.strip()
    creators: list[str] = []
    published = None
    rest = text
    author_year = AUTHOR_YEAR_RE.match(text)
    initials = AUTHOR_INITIALS_RE.match(text)
    if author_year and not author_year.group("authors").startswith(('"', "“")):
        creators = [a.strip() for a in re.split(r";\s*|\s+&\s+", author_year.group("authors"))]
        dates = find_dates(author_year.group("date"), None)
        published = dates[0].date if dates else None
        rest = author_year.group("rest")
    elif initials:
        creators = [initials.group("authors").strip()]
        rest = initials.group("rest")
    title, rest = _title_and_rest(rest)
    if not title:
        return None
    work = WorkRecord(span=span, title=title, creators=creators, published=published)
    work.isbn = [re.sub(r"[\s\u00a0]", "", m.group("id")) for m in ISBN_RE.finditer(text)]
    work.issn = [m.group("id") for m in ISSN_RE.finditer(text)]
    work.jstor = [m.group("id") for m in JSTOR_RE.finditer(text)]
    work.url = [m.group(0).rstrip(".,") for m in URL_RE.finditer(text)]
    # The next sentence names the journal/site (after a quoted title) or the publisher.
    next_part = _split_sentence(rest)
    if next_part:
        candidate = next_part[0]
        if not re.match(r"^(?:pp?\.|ISBN|ISSN|JSTOR|Retrieved|Archived|\d)", candidate):
            place_publisher = re.match(r"^(?P<place>[^:]{2,40}):\s*(?P<pub>.+)$", candidate)
            if place_publisher:
                work.publisher = place_publisher.group("pub").strip()
            elif '"' in text or "“" in text:
                work.container = candidate
            else:
                work.publisher = candidate
    return work
