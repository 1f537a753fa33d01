"""Read persons, tenures and events out of an article's running text.

Rules sit on top of the spaCy model (see :mod:`histkg.extract.nlp`); every record keeps
the span of the sentence that states it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from histkg.errors import CodedWarning
from histkg.extract.assemblies import AssemblyReader
from histkg.extract.events import EventReader
from histkg.extract.factions import FactionReader
from histkg.extract.lists import read_lists
from histkg.extract.mentions import (
    Sentence,
    model_orgs,
    org_mentions,
    person_mentions,
    place_mentions,
)
from histkg.extract.namebook import NameBook
from histkg.extract.nlp import lemma
from histkg.extract.offices import OfficeReader
from histkg.extract.rules import grammar, lemmas_of, words
from histkg.extract.tenures import TenureReader
from histkg.extract.title_events import date_the_title_event
from histkg.model import (
    Article,
    Date,
    EventRecord,
    Extraction,
    Mention,
    Span,
)
from histkg.parse.date_anaphora import find_month_anaphora, find_vague_anaphora
from histkg.parse.dates import DateMention, find_dates, find_day_anaphora

BOUNDARY_RE = re.compile(
    r"(?:[:;]\s|,\s+but\s|\sbut\s|\swhile\s|\swhereas\s|,\s+who\s|,\s+whom\s|,\s+which\s)"
)
PRONOUN_RE = re.compile(r"^\s*(?:He|She)\b")
STORY_SECTIONS = words("story_sections")
WORK_NOUNS = words("work_nouns")
NON_FICTION = words("non_fiction")


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
    scene: EventRecord | None = None
    scene_sentence: int = -10


#: words that put a sentence's events at another time than the sentence before's
ELSEWHERE_IN_TIME_RE = re.compile(
    r"\b(?:later|earlier|eventually|subsequently|afterwards?|previously|formerly|before"
    r"|once|until|since|by then|in time|ultimately|finally|years|decades|months|age"
    r"|when|while|during|after|then|upon|on his|on her)\b",
    re.IGNORECASE,
)


def _places_in_time(text: str) -> bool:
    """Whether a sentence says when its events were, relative to something else."""
    return ELSEWHERE_IN_TIME_RE.search(text) is not None


CUSTODY = frozenset({"Arrest", "Trial", "Sentencing"})


def _releases_from_custody(events: list[EventRecord]) -> list[EventRecord]:
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


def focus_person(article: Article, sentences: list[Sentence]) -> Mention | None:
    """The person an article is about: the one whose family name its title holds, else
    the one named clearly more often than anyone else (a pronoun with no nearer
    antecedent refers to them)."""
    counts: Counter[str] = Counter()
    first: dict[str, Mention] = {}
    for s in sentences:
        for m in s.persons:
            last = m.text.split()[-1]
            counts[last] += 1
            if len(m.text.split()) > len(first.get(last, m).text.split()) or last not in first:
                first[last] = m
    if not counts:
        return None
    exact = [m for s in sentences for m in s.persons if m.text == article.title]
    if exact:  # a biography: the title is the name
        return exact[0]
    title_words = set(re.findall(r"[\w'’-]+", article.title))
    titled = [last for last in counts if last in title_words]
    if len(titled) == 1:
        return first[titled[0]]
    ranked = counts.most_common(2)
    if ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return first[ranked[0][0]]
    return None


class ArticleReader:
    """Turns the sentences of one article into records."""

    def __init__(
        self,
        article: Article,
        book: NameBook,
        main_party: str | None,
        country: Mention | None,
        faction_names: list[str],
        acronyms: set[str],
    ) -> None:
        self.article = article
        self.book = book
        self.main_party = main_party
        self.country = country
        self.faction_names = faction_names
        self.acronyms = acronyms
        self.out = Extraction(article)
        self.warnings: list[CodedWarning] = []
        self.ctx = Context()
        self.sentence_no = 0
        self.offices = OfficeReader(article, main_party, country)
        self.faction: Mention | None = None
        self.subject: Mention | None = None  # the person a biography is about
        self.biography = False
        self.person_infobox = False  # set by the caller from the infobox's kind
        self.previous_sentence: Sentence | None = None
        self.list_persons: dict[int, list[Mention]] = {}  # see extract/lists.py
        self.after_list: dict[int, int] = {}
        self.grammar = EventReader(self)
        self.tenure_reader = TenureReader(self)
        self.faction_reader = FactionReader(self)
        self.assemblies = AssemblyReader(self)

    # --- sentences --------------------------------------------------------------

    def sentences(self, block_index: int, doc: Doc) -> list[Sentence]:
        block = self.article.blocks[block_index]
        doc_id = self.article.doc_id
        persons = person_mentions(doc, self.book, doc_id, block.begin)
        orgs_model = model_orgs(doc, doc_id, block.begin)
        places = place_mentions(doc, doc_id, block.begin)
        out = []
        titles = {t for t in (self.article.title, self.article.infobox_title) if t}
        inside_title = [
            (block.begin + m.start(), block.begin + m.end())
            for t in titles
            for m in re.finditer(re.escape(t), self.article.text[block.begin : block.end])
        ]
        # a name inside the article's own title ("the Wróbel faction") names the subject
        persons = [
            (m, p)
            for m, p in persons
            if not any(
                b <= m.span.begin and m.span.end <= e and (e - b) > len(m.text)
                for b, e in inside_title
            )
        ]
        for index, sent in enumerate(doc.sents):
            begin = block.begin + sent.start_char
            end = block.begin + sent.end_char
            text = self.article.text[begin:end]
            s = Sentence(begin, end, text, block_index, index, parse=sent)
            for m, possessive in persons:
                if begin <= m.span.begin < end:
                    s.persons.append(m)
                    if possessive:
                        s.possessive.add(m.span.begin)
            s.quoted = [
                (begin + q.start(), begin + q.end())
                for q in re.finditer(r"[\"“][^\"”]*[\"”]", text)
            ]
            s.orgs = org_mentions(text, begin, doc_id, self.acronyms, self.faction_names)
            if (
                self.main_party
            ):  # "rejoin the party", "expelled from the party": the article's party
                for hit in re.finditer(r"(?<![\w-])the party(?![\w-])", text):
                    b = begin + hit.start() + 4
                    if not any(o.span.begin <= b < o.span.end for o in s.orgs):
                        s.orgs.append(
                            Mention("org", "party", Span(doc_id, b, b + 5), "PoliticalParty")
                        )
            for m in orgs_model:
                if begin <= m.span.begin < end and not any(
                    o.span.begin < m.span.end and m.span.begin < o.span.end
                    for o in s.orgs + s.persons
                ):
                    s.orgs.append(m)
            s.orgs.sort(key=lambda m: m.span.begin)
            s.places = [
                p
                for p in places
                if begin <= p.span.begin < end
                and not any(o.span.begin <= p.span.begin < o.span.end for o in s.orgs + s.persons)
            ]
            out.append(s)
        return out

    def _dates(self, s: Sentence) -> None:
        recent = [y for n, y in self.ctx.years if self.sentence_no - n <= 3]
        context_year = recent[-1] if recent else self.ctx.focal_year
        local = find_dates(s.text, context_year)
        days = [d for b, n, d in self.ctx.full_dates if b == s.block and self.sentence_no - n <= 3]
        local += find_day_anaphora(s.text, local, days[-1] if days else None)
        local.sort(key=lambda d: d.begin)
        said = [d for b, n, d in self.ctx.said if b == s.block and self.sentence_no - n <= 3]
        local += find_month_anaphora(s.text, local, said)
        local.sort(key=lambda d: d.begin)
        local += find_vague_anaphora(s.text, local, said[-1] if said else None)
        local.sort(key=lambda d: d.begin)
        for d in local:
            if d.relative and not recent:
                self.warnings.append(
                    CodedWarning(
                        "W201",
                        str(self.article.path),
                        self.article.line_of(s.begin + d.begin),
                        f"'{s.text[d.begin : d.end]}' has no year nearby; took {context_year},"
                        " the year of the article's main event",
                    )
                )
        s.dates = [
            DateMention(s.begin + d.begin, s.begin + d.end, d.date, d.relative) for d in local
        ]
        for d in s.dates:
            if not d.relative:
                self.ctx.years.append((self.sentence_no, d.date.year))
                if self.ctx.focal_year is None:
                    self.ctx.focal_year = d.date.year
            if len(d.date.iso) == 10:
                self.ctx.full_dates.append((s.block, self.sentence_no, d.date))
            before = self.article.text[s.begin : d.begin]
            if (not d.relative or recent) and before.count("(") <= before.count(")"):
                # not a lifespan or an office's years in parentheses: no time of the story
                self.ctx.said.append((s.block, self.sentence_no, d.date))

    def read(self, docs: list[Doc]) -> Extraction:
        sentences = [s for i, doc in enumerate(docs) for s in self.sentences(i, doc)]
        self.list_persons, self.after_list = read_lists(self.article, sentences)
        self.subject = self.subject or focus_person(self.article, sentences)
        if self.subject is not None:  # a biography: the title holds the subject's name
            title_words = set(re.findall(r"[\w'’-]+", self.article.title))
            self.biography = self.subject.text.split()[-1] in title_words and (
                self.person_infobox or self._opens_a_life(sentences)
            )
        story = self._about_a_work(sentences)
        told: set[str] = set()
        for s in sentences:
            self._dates(s)
            self.out.mentions.extend(s.persons + s.orgs + s.places)
            section = self.article.blocks[s.block].section
            if story or set(re.findall(r"\w+", section.lower())) & STORY_SECTIONS:
                if (section if not story else "") not in told:  # a story's, not history's
                    told.add(section if not story else "")
                    self._warn_story(s, story, section)
            else:
                self._sentence(s)
            self.previous_sentence = s
            self.sentence_no += 1
        date_the_title_event(self.article, self.out.events)
        self.out.events = _releases_from_custody(self.out.events)
        self._unify_office_countries()
        return self.out

    def _unify_office_countries(self) -> None:
        """A state office the article names once with its country ("Premier of the Soviet
        Union", "Soviet Premier") is that office wherever the article names it bare."""
        offices = [t.office for t in self.out.tenures] + [
            e.office for e in self.out.events if e.office is not None
        ]
        placed: dict[str, Mention] = {}
        for office in offices:
            if office.scope == "state" and office.place is not None:
                placed.setdefault(office.title, office.place)
        for office in offices:
            if office.scope == "state" and office.place is None and office.title in placed:
                office.place = placed[office.title]

    def _about_a_work(self, sentences: list[Sentence]) -> str | None:
        """The kind of work ("novel", "episode") an article opens by saying it is about:
        "A is a 1972 novel by B" (not "a documentary film")."""
        if not sentences or sentences[0].parse is None:
            return None
        root = sentences[0].parse.root
        if lemma(root) != "be":
            return None
        for attr in (c for c in root.children if c.dep_ == "attr"):
            modifiers = {c.lower_ for c in attr.children if c.dep_ in {"amod", "compound"}}
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in attr.children):
                continue  # "a series of trials": what the series is of
            if lemma(attr).lower() in WORK_NOUNS and not modifiers & NON_FICTION:
                return lemma(attr).lower()
        return None

    def _warn_story(self, s: Sentence, work: str | None, section: str) -> None:
        why = f"the article is about a {work}" if work else f"the section '{section}' tells a story"
        self.warnings.append(
            CodedWarning(
                "W502",
                str(self.article.path),
                self.article.line_of(s.begin),
                f"{why}: no tenure or event read from it (a story's, not history's)",
            )
        )

    def _opens_a_life(self, sentences: list[Sentence]) -> bool:
        """Whether the article opens as a life does: "A B (1901 – 1970) was …" or "A B was
        a Ruritanian politician" (a word for a person after the copula)."""
        if not sentences or self.subject is None:
            return False
        first = sentences[0]
        text = self.article.text
        named = [m for m in first.persons if m.text.split()[-1] == self.subject.text.split()[-1]]
        if not named:
            return False
        if re.match(r"\s*\(", text[named[0].span.end : named[0].span.end + 3]) and first.dates:
            return True
        if first.parse is None:
            return False
        root = first.parse.root
        attrs = [c for c in root.children if c.dep_ == "attr"]
        return lemma(root) == "be" and any(
            lemmas_of(a) & grammar().person_nouns for t in attrs for a in [t, *t.conjuncts]
        )

    # --- helpers ---------------------------------------------------------------

    def span(self, s: Sentence) -> Span:
        return Span(self.article.doc_id, s.begin, s.end)

    def segment(self, s: Sentence, at: int) -> tuple[int, int]:
        """The stretch of ``s`` (offsets) around ``at`` bounded by clause breaks."""
        start, end = s.begin, s.end
        for m in BOUNDARY_RE.finditer(s.text):
            pos = s.begin + m.end()
            if pos <= at:
                start = max(start, pos)
            elif s.begin + m.start() >= at:
                end = min(end, s.begin + m.start())
        return start, end

    def date_for(self, s: Sentence, start: int, end: int, trigger_at: int) -> Date | None:
        inside = [d for d in s.dates if start <= d.begin < end]
        after = [d for d in inside if d.begin >= trigger_at]
        if after:  # "X was expelled in 1848": the date follows its verb
            return after[0].date
        if inside:  # "In 1848, X was expelled": the nearest one before
            return inside[-1].date
        before = [d for d in s.dates if s.begin <= d.begin < trigger_at]
        return before[0].date if before else None

    # --- one sentence -----------------------------------------------------------

    def _sentence(self, s: Sentence) -> None:
        tenures = self.tenure_reader.title_tenures(s)
        vote = self.assemblies.vote(s)
        meetings = self.assemblies.meetings(s)
        events: list[EventRecord] = []
        if s.parse is not None:
            events += self.grammar.read(s, s.parse, tenures)
            self.tenure_reader.read(s, s.parse, tenures)
            self.grammar.end_sentence(s, s.parse)
        self.assemblies.named_events(s, events, meetings)
        if vote is not None:
            events.append(vote)
        for e in events:
            if (
                self.ctx.scene is not None
                and self.sentence_no - self.ctx.scene_sentence <= 1
                and e.part_of is None
            ):
                if "Meeting" not in e.types and self.ctx.scene is not e:
                    e.part_of = self.ctx.scene
                    if e.date is None:
                        e.date = self.ctx.scene.date
        for e in events:
            if e.date is None and e.types[0] in {"Vote", "Speech"}:
                recent = [
                    d
                    for b, n, d in self.ctx.full_dates
                    if b == s.block and self.sentence_no - n <= 2
                ]
                if recent:
                    e.date = recent[-1]
        if not s.dates and not _places_in_time(s.text):
            # a sentence with no date goes on the story of the one before it: its events
            # take that sentence's year ("On 5 August 1948 A was dismissed. B replaced
            # him."), never its day, and only when nothing in the sentence says otherwise
            before = [d for b, n, d in self.ctx.said if b == s.block and n == self.sentence_no - 1]
            for e in events:
                if e.date is None and before:
                    e.date = Date(f"{before[-1].year:04d}")
        self.out.events.extend(meetings + events)
        if s.parse is not None:
            self.faction_reader.read(s, s.parse)
