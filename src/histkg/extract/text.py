"""Read persons, tenures and events out of an article's running text.

Rules sit on top of the spaCy model (see :mod:`histkg.extract.nlp`); every record keeps
the span of the sentence that states it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from histkg.errors import CodedWarning
from histkg.extract.article_kind import about_a_work, event_of_person, focus_person, opens_a_life
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
from histkg.extract.offices import OfficeReader
from histkg.extract.rules import words
from histkg.extract.story import (
    Context,
    carry_later_clause_year,
    carry_previous_year,
    date_sentence,
    releases_from_custody,
    shootings_after_sentence,
)
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

BOUNDARY_RE = re.compile(
    r"(?:[:;]\s|,\s+but\s|\sbut\s|\swhile\s|\swhereas\s|,\s+who\s|,\s+whom\s|,\s+which\s)"
)
STORY_SECTIONS = words("story_sections")


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
        self.event_of_person = False  # "Trial of A": the article tells what A underwent
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

    def read(self, docs: list[Doc]) -> Extraction:
        sentences = [s for i, doc in enumerate(docs) for s in self.sentences(i, doc)]
        self.list_persons, self.after_list = read_lists(self.article, sentences)
        self.subject = self.subject or focus_person(self.article, sentences)
        if self.subject is not None:  # a biography: the title holds the subject's name
            title_words = set(re.findall(r"[\w'’-]+", self.article.title))
            self.biography = self.subject.text.split()[-1] in title_words and (
                self.person_infobox or opens_a_life(self.article, sentences, self.subject)
            )
        # "Trial of A", "Impeachment of A": an article about what happened to one person,
        # whose "he" opening a sentence with no nearer antecedent is that person
        self.event_of_person = (
            self.subject is not None
            and not self.biography
            and event_of_person(self.article.title, self.subject)
        )
        story = about_a_work(sentences)
        told: set[str] = set()
        for s in sentences:
            self.warnings += date_sentence(self.ctx, s, self.sentence_no, self.article)
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
        self.out.events = releases_from_custody(self.out.events)
        shootings_after_sentence(self.out.events)
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

    @staticmethod
    def _opening_meeting(s: Sentence, events: list[EventRecord]) -> EventRecord | None:
        """A dated meeting the sentence opens with ("At the party congress of March 1930,
        …"): the scene of what the sentence tells."""
        if not s.text.startswith("At "):
            return None
        for e in events:
            if e.types == ["Meeting"] and e.date is not None and e.at is not None:
                if e.at - s.begin < 40:
                    return e
        return None

    # --- one sentence -----------------------------------------------------------

    def _sentence(self, s: Sentence) -> None:
        tenures = self.tenure_reader.title_tenures(s)
        vote = self.assemblies.vote(s)
        meetings = self.assemblies.meetings(s)
        events: list[EventRecord] = []
        derived: list[
            EventRecord
        ] = []  # read beside the sentence's own ("A replaced B": B's removal)
        if s.parse is not None:
            start = len(self.out.events)
            events += self.grammar.read(s, s.parse, tenures)
            derived = self.out.events[start:]
            self.tenure_reader.read(s, s.parse, tenures)
            self.grammar.end_sentence(s, s.parse)
        self.assemblies.named_events(s, events, meetings)
        if meetings:  # "a session of the Senate was held": read once, as a session
            events = [
                e for e in events if not (e.rule == "meeting.noun" and e.types == ["Meeting"])
            ]
        if vote is not None:
            # a tallied vote is the one this sentence or the one before announced ("the
            # Politburo voted on the motion. It failed by 4 to 6"): one vote, the tallied
            announced = [e for e in events if e.rule == "vote.body"]
            events = [e for e in events if e.rule != "vote.body"]
            if announced and not vote.agents:  # "the board voted by 20 votes to 7 to …"
                vote.agents = list(announced[0].agents)
            prev = self.previous_sentence
            if prev is not None and prev.block == s.block:
                self.out.events = [
                    e
                    for e in self.out.events
                    if not (e.rule == "vote.body" and e.evidence.begin == prev.begin)
                ]
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
        opening = self._opening_meeting(s, events)
        for e in events:
            if opening is not None and e is not opening and e.date is None:
                # "At the Fourth Plenum in May 1927, A was rehabilitated": at the meeting
                e.date = opening.date
                e.part_of = e.part_of or opening
        for e in events:
            if e.date is None and e.types[0] in {"Vote", "Speech"}:
                recent = [
                    d
                    for b, n, d in self.ctx.full_dates
                    if b == s.block and self.sentence_no - n <= 2
                ]
                if recent:
                    e.date = recent[-1]
        carry_later_clause_year(s, self.article.text, events + derived)
        carry_previous_year(self.ctx, s, self.sentence_no, events + derived)
        self.out.events.extend(meetings + events)
        if s.parse is not None:
            self.faction_reader.read(s, s.parse)
