"""What an article's story carries from sentence to sentence: when its events happen and
who is held.

The reader keeps a :class:`Context` per article. Each sentence's dates are found with the
year, month and day the sentences before it said (:func:`date_sentence`); a sentence that
gives no time goes on the story of the one before (:func:`carry_previous_year`); and a
release is only a release from custody when the story put that person in custody before
(:func:`releases_from_custody`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from histkg.errors import CodedWarning
from histkg.extract.mentions import Sentence
from histkg.model import Article, Date, EventRecord
from histkg.parse.date_anaphora import find_month_anaphora, find_vague_anaphora
from histkg.parse.dates import DateMention, find_dates, find_day_anaphora


@dataclass
class Context:
    """What the reader carries from sentence to sentence in one article."""

    focal_year: int | None = None
    years: list[tuple[int, int]] = field(default_factory=list)  # (sentence number, year)
    full_dates: list[tuple[int, int, Date]] = field(
        default_factory=list
    )  # (block, sentence number, date)
    said: list[tuple[int, int, Date]] = field(
        default_factory=list
    )  # (block, sentence number, date): every date a later phrase may refer to
    #: (block, sentence number, year): the years a paragraph writes out, outside parentheses
    written_years: list[tuple[int, int, int]] = field(default_factory=list)
    #: sentence number -> (block, whether it tells its own time: a date or a word that
    #: places it elsewhere in time)
    timed: dict[int, tuple[int, bool]] = field(default_factory=dict)
    scene: EventRecord | None = None
    scene_sentence: int = -10


#: words that put a sentence's events at another time than the sentence before's
ELSEWHERE_IN_TIME_RE = re.compile(
    r"\b(?:later|earlier|eventually|subsequently|afterwards?|previously|formerly|before"
    r"|once|until|since|by then|in time|ultimately|finally|years|decades|months|age"
    r"|when|while|during|after|then|upon|on his|on her)\b",
    re.IGNORECASE,
)


#: a length of time ("twenty years in prison", "a 15-year sentence"), which says how long,
#: not when, unless "later", "earlier", "after" … follows it
DURATION_RE = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|twenty-five|thirty|forty|fifty)[- ](?:years?|months?)(?:['’]s?)?"
    r"(?!\s+(?:later|earlier|after|before|ago|into|on)\b)",
    re.IGNORECASE,
)


#: a short while after what the sentence before told ("minutes later", "that night",
#: "shortly afterwards"): the same year, not another time
SHORT_INTERVAL_RE = re.compile(
    r"\b(?:(?:a\s+few\s+|several\s+|some\s+)?(?:minutes|hours|moments)\s+later"
    r"|shortly\s+(?:after(?:wards?)?|thereafter)|soon\s+after(?:wards?)?"
    r"|the\s+same\s+(?:day|night|evening|morning|afternoon)"
    r"|that\s+(?:day|night|evening|morning|afternoon))\b",
    re.IGNORECASE,
)


#: "after a hearing of an hour", "after a brief trial": a step the sentence tells of, not
#: another time ("after a year in prison", "after the war" are)
AFTER_A_STEP_RE = re.compile(
    r"\bafter\s+an?\s+(?!(?:[\w-]+\s+){0,2}?(?:years?|months?|weeks?|decades?|days?"
    r"|time|while|period|spell|number)\b)",
    re.IGNORECASE,
)


def places_in_time(text: str) -> bool:
    """Whether a sentence says when its events were, relative to something else (a
    sentence's length, "twenty years in prison", does not; nor does a short while after
    the sentence before, "minutes later", or a step of its own, "after a hearing")."""
    text = SHORT_INTERVAL_RE.sub(" ", DURATION_RE.sub(" ", text))
    text = AFTER_A_STEP_RE.sub(" ", text)
    return ELSEWHERE_IN_TIME_RE.search(text) is not None


def date_sentence(
    ctx: Context, s: Sentence, sentence_no: int, article: Article
) -> list[CodedWarning]:
    """Set ``s.dates`` from its own words and what the story said before; record what it
    says for the sentences after it. Returns the warnings (a relative date with no year
    nearby)."""
    warnings = []
    recent = [y for n, y in ctx.years if sentence_no - n <= 3]
    # the article's main year; a year in parentheses only when it names no other
    focal = ctx.focal_year or next((y for _n, y in ctx.years), None)
    # a day and month without a year take the year their paragraph wrote out last, a few
    # sentences back ("On 1 November 1963 … . … on 4 November"); "that year" does not
    paragraph = [
        y for b, n, y in ctx.written_years if b == s.block and sentence_no - n <= PARAGRAPH_REACH
    ]
    context_year = recent[-1] if recent else focal
    day_year = paragraph[-1] if paragraph and not recent else None
    said = [d for b, n, d in ctx.said if b == s.block and sentence_no - n <= 3]
    # a month alone ("in July") takes the year its paragraph said last, else the year the
    # story said in the last sentences before, across a paragraph or section break
    month_year = said[-1].year if said else (recent[-1] if recent else None)
    local = find_dates(s.text, context_year, month_year, day_year)
    days = [d for b, n, d in ctx.full_dates if b == s.block and sentence_no - n <= 3]
    if not days and s.index == 0:
        # a paragraph that opens "The next day …": the day the paragraph before ended on
        days = [d for _b, n, d in ctx.full_dates if sentence_no - n <= 2]
    local += find_day_anaphora(s.text, local, days[-1] if days else None)
    local.sort(key=lambda d: d.begin)
    local += find_month_anaphora(s.text, local, said)
    local.sort(key=lambda d: d.begin)
    local += find_vague_anaphora(s.text, local, said[-1] if said else None)
    local.sort(key=lambda d: d.begin)
    for d in local:
        anchored = any(
            not o.relative and o.end <= d.begin for o in local
        )  # "On 2 May …, the same day"
        if (
            d.relative
            and not recent
            and not anchored
            and (day_year is None or d.date.year != day_year)
        ):
            warnings.append(
                CodedWarning(
                    "W201",
                    str(article.path),
                    article.line_of(s.begin + d.begin),
                    f"'{s.text[d.begin : d.end]}' has no year nearby; took {context_year},"
                    " the year of the article's main event",
                )
            )
    s.dates = [DateMention(s.begin + d.begin, s.begin + d.end, d.date, d.relative) for d in local]
    s.dates = _on_token_starts(s, s.dates)
    ctx.timed[sentence_no] = (s.block, bool(s.dates) or places_in_time(s.text))
    for d in s.dates:
        before = article.text[s.begin : d.begin]
        # not a lifespan or an office's years in parentheses: no time of the story
        in_parentheses = before.count("(") > before.count(")")
        if SINCE_RE.search(before):
            continue  # "the cabinet that had ruled since 1705": a bound, not the story's time
        if not d.relative:
            ctx.years.append((sentence_no, d.date.year))
            if not in_parentheses:
                ctx.written_years.append((s.block, sentence_no, d.date.year))
            if ctx.focal_year is None and not in_parentheses:
                ctx.focal_year = d.date.year
        backwards = s.text[d.begin - s.begin : d.end - s.begin].lower().endswith("earlier")
        if len(d.date.iso) == 10 and not backwards:  # "two days earlier" anchors nothing after
            ctx.full_dates.append((s.block, sentence_no, d.date))
        # a day its paragraph's year dated ("On 27 February …") goes on the story too
        by_paragraph = day_year is not None and d.date.year == day_year
        if (not d.relative or recent or by_paragraph) and not in_parentheses:
            ctx.said.append((s.block, sentence_no, d.date))
    return warnings


#: a date a "since" bounds: when something began, long before the story's time
SINCE_RE = re.compile(r"\b(?:since|ever since)\s+(?:(?:early|late|mid-?)\s*)?$", re.IGNORECASE)


#: how many sentences back a paragraph's written year still dates a day without one (a
#: flattened article is one long paragraph: its years do not reach across all of it)
PARAGRAPH_REACH = 6

#: a span of days written as one word: "3–4", "16-17"
DAY_SPAN_RE = re.compile(r"\d{1,2}[–-]\d{1,2}")


def _on_token_starts(s: Sentence, dates: list[DateMention]) -> list[DateMention]:
    """ "on 3–4 May 1955": a date read from inside a word ("4 May 1955" in "3–4") starts
    where that word starts, so the clause that holds the word holds the date; a span of
    days is said to the month ("the night of 16–17 April": not the one day)."""
    if s.parse is None:
        return dates
    starts = [
        (s.begin + t.idx - s.parse.start_char, len(t.text))
        for t in s.parse
        if DAY_SPAN_RE.fullmatch(t.text)
    ]
    out = []
    for d in dates:
        inside = next((b for b, n in starts if b < d.begin < b + n), None)
        if inside is None:
            out.append(d)
            continue
        date = Date(d.date.iso[:7]) if len(d.date.iso) == 10 else d.date
        out.append(DateMention(inside, d.end, date, d.relative))
    return out


def carry_previous_year(
    ctx: Context, s: Sentence, sentence_no: int, events: list[EventRecord]
) -> None:
    """A sentence with no date goes on the story of the ones before it: its undated events
    take the year of the last sentence of the paragraph that said one ("On 5 August 1948
    A was dismissed. B replaced him."), never its day, and only when nothing in the
    sentence, nor in those between, places it elsewhere in time."""
    if s.dates or places_in_time(s.text):
        return
    year = None
    for n in range(sentence_no - 1, sentence_no - 1 - CARRY_REACH, -1):
        block, timed = ctx.timed.get(n, (-1, True))
        if block != s.block:
            break
        said = [d for b, k, d in ctx.said if b == s.block and k == n]
        if said:
            year = said[-1].year
            break
        if timed:
            break  # "Years later, A …": what follows it is not the time before
    for e in events:
        if e.date is None and year is not None and not _about_the_present(s):
            e.date = Date(f"{year:04d}")


def carry_later_clause_year(s: Sentence, text: str, events: list[EventRecord]) -> None:
    """ "The court tried A and sentenced him to death; he was hanged on 3 May 1750":
    the undated events of clauses before a semicolon take the year of the first date
    after it, when nothing in the sentence places them elsewhere in time."""
    undated = [e for e in events if e.date is None and e.at is not None]
    if not undated or not s.dates or _about_the_present(s):
        return
    for e in undated:
        stop = text.find(";", e.at, s.end)
        if stop < 0:
            continue
        before = text[s.begin : stop]
        if any(d.begin < stop for d in s.dates) or places_in_time(before):
            continue
        after = [d for d in s.dates if d.begin > stop and not d.relative]
        if after and not places_in_time(text[stop : after[0].begin]):  # "; years later, in"
            e.date = Date(f"{after[0].date.year:04d}")


def _about_the_present(s: Sentence) -> bool:
    """Whether a sentence is about the present, not the story's next step ("The park honours
    A, who was executed by the Spaniards"): its events take no year from the sentences
    before."""
    return s.parse is not None and s.parse.root.tag_ in {"VBZ", "VBP"}


#: how many sentences back the story's year reaches over sentences that say no time
CARRY_REACH = 3


CUSTODY = frozenset({"Arrest", "Trial", "Sentencing"})


def releases_from_custody(events: list[EventRecord]) -> list[EventRecord]:
    """Releases of people the article put in custody before (arrested, tried or
    sentenced, by family name): "released" of anyone else is some other release."""
    held: set[str] = set()
    out = []
    for e in sorted(events, key=lambda e: e.evidence.begin):
        if CUSTODY & set(e.types):
            held.update(m.text.split()[-1] for m in e.affected)
        if e.types[0] == "Release":
            e.affected = [m for m in e.affected if m.text.split()[-1] in held]
            if not e.affected:
                continue
        out.append(e)
    return [e for e in events if e in out]


#: killings that are an execution's way when the state has sentenced the one killed
EXECUTION_WAYS = frozenset({"shot", "shoot", "shooting"})


def shootings_after_sentence(events: list[EventRecord]) -> None:
    """ "A and B were sentenced to death. Both were shot in May.": a shooting of people the
    article told of sentenced before is their execution, not some other death."""
    sentenced: set[str] = set()
    for e in sorted(events, key=lambda e: e.evidence.begin):
        if "Sentencing" in e.types:
            sentenced.update(m.text.split()[-1] for m in e.affected)
        elif (
            e.types == ["Death"]
            and e.trigger.lower() in EXECUTION_WAYS
            and e.affected
            and all(m.text.split()[-1] in sentenced for m in e.affected)
        ):
            e.types = ["Execution"]
