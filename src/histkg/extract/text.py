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
from histkg.extract.events import EventReader
from histkg.extract.factions import FactionReader
from histkg.extract.mentions import (
    Sentence,
    _alternation,
    model_orgs,
    org_mentions,
    person_mentions,
    place_mentions,
)
from histkg.extract.nlp import NameBook
from histkg.extract.tenures import TenureReader
from histkg.lexicon import lexicon
from histkg.model import (
    Article,
    Date,
    EventRecord,
    Extraction,
    Mention,
    OfficeRef,
    Span,
    TenureRecord,
)
from histkg.parse.dates import DateMention, find_dates

BOUNDARY_RE = re.compile(
    r"(?:[:;]\s|,\s+but\s|\sbut\s|\swhile\s|\swhereas\s|,\s+who\s|,\s+whom\s|,\s+which\s)"
)
PRONOUN_RE = re.compile(r"^\s*(?:He|She)\b")
MEETING_RE = re.compile(
    r"(?P<anaphor>\b(?:that|this|the same)\s+)?"
    r"(?P<name>(?:(?:an?|the)\s+)?(?:(?:extraordinary|plenary|special|emergency|closed|secret|joint|"
    r"(?P<ordinal>\d+(?:st|nd|rd|th)))\s+)*(?P<kind>[Ss]ession|[Mm]eeting|[Pp]lenum|Congress|[Cc]onference)"
    r"\s+of\s+(?:the\s+)?(?P<body>[A-Z][\w-]*(?:\s+(?:of\s+|the\s+)*[A-Z][\w-]*)*))"
)
VOTE_COUNT_RE = re.compile(
    r"(?P<verb>won|passed|carried|was adopted|was approved|was rejected|failed|lost|was defeated)"
    r"\s+(?:with|by)\s+(?:a\s+vote\s+of\s+)?(?P<a>\d+|[a-z]+)\s*(?:to|-|–)\s*(?P<b>\d+|[a-z]+)(?:\s+votes?)?"
)
MOTION_RE = re.compile(
    r"(?:proposal|motion|resolution|bill|plan)\s+(?P<motion>to\s.+?)\s+(?=won|passed|carried|was|failed|lost)"
)
MOTION_ONLY_RE = re.compile(r"(?:proposal|motion|resolution|bill|plan)\s+(?P<motion>to\s[^.;]+)")
BODY_MET_RE = re.compile(r"\s+(?:(?:again|then|finally)\s+)?(?P<verb>met|convened|reconvened)\b")
PARTY_CONGRESS_RE = re.compile(r"\b(?P<ordinal>\d+(?:st|nd|rd|th))\s+Party\s+Congress\b")
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
NAMED_AGREEMENT_RE = re.compile(
    r"(?:[Tt]he\s+)?(?P<name>(?:[A-Z][\w-]*\s+)*(?:Agreement|Treaty|Pact|Accord)"
    r"(?:\s+(?:on|of|for|between|and|the)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*)"
)
NAMED_SPEECH_RE = re.compile(r"(?:[Tt]he\s+)?(?P<name>(?:[A-Z][\w-]*\s+)+Speech)")


@dataclass
class Context:
    """What the reader carries from sentence to sentence in one article."""

    focal_year: int | None = None
    years: list[tuple[int, int]] = field(default_factory=list)  # (sentence number, year)
    full_dates: list[tuple[int, int, Date]] = field(
        default_factory=list
    )  # (block, sentence number, date)
    scene: EventRecord | None = None
    scene_sentence: int = -10
    last_subject: Mention | None = None


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
        lex = lexicon()
        self.office_forms = lex.office_by_form()
        self.title_re = re.compile(
            rf"(?<![\w-])(?P<title>{_alternation(list(self.office_forms))})(?![\w-])"
        )
        self.title_re_any_case = re.compile(self.title_re.pattern, re.IGNORECASE)
        self.forms_by_case = {form.lower(): form for form in sorted(self.office_forms)}
        self.faction: Mention | None = None
        self.subject: Mention | None = None  # the person a biography is about
        self.previous_sentence: Sentence | None = None
        self.grammar = EventReader(self)
        self.tenure_reader = TenureReader(self)
        self.faction_reader = FactionReader(self)

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

    def read(self, docs: list[Doc]) -> Extraction:
        sentences = [s for i, doc in enumerate(docs) for s in self.sentences(i, doc)]
        self.subject = self.subject or focus_person(self.article, sentences)
        for s in sentences:
            self._dates(s)
            self.out.mentions.extend(s.persons + s.orgs + s.places)
            self._sentence(s)
            self.previous_sentence = s
            self.sentence_no += 1
        return self.out

    # --- helpers ---------------------------------------------------------------

    def span(self, s: Sentence) -> Span:
        return Span(self.article.doc_id, s.begin, s.end)

    def office(self, title_form: str, phrase_org: Mention | None = None) -> OfficeRef:
        office = self.office_forms[title_form]
        ref = OfficeRef(office.title, office.scope, phrase=title_form)
        if office.scope == "party" and self.main_party:
            ref.org = phrase_org or Mention(
                "org", self.main_party, Span(self.article.doc_id, 0, 0), "PoliticalParty"
            )
        elif office.scope == "body" and phrase_org is not None:
            ref.org = phrase_org
        elif office.scope == "state":
            ref.place = self.country
        return ref

    def _segment(self, s: Sentence, at: int) -> tuple[int, int]:
        """The stretch of ``s`` (offsets) around ``at`` bounded by clause breaks."""
        start, end = s.begin, s.end
        for m in BOUNDARY_RE.finditer(s.text):
            pos = s.begin + m.end()
            if pos <= at:
                start = max(start, pos)
            elif s.begin + m.start() >= at:
                end = min(end, s.begin + m.start())
        return start, end

    def _date_for(self, s: Sentence, start: int, end: int, trigger_at: int) -> Date | None:
        inside = [d for d in s.dates if start <= d.begin < end]
        after = [d for d in inside if d.begin >= trigger_at]
        if after:  # "X was expelled in 1848": the date follows its verb
            return after[0].date
        if inside:  # "In 1848, X was expelled": the nearest one before
            return inside[-1].date
        before = [d for d in s.dates if s.begin <= d.begin < trigger_at]
        return before[0].date if before else None

    def office_after(
        self, s: Sentence, at: int, end: int, *, any_case: bool = False
    ) -> tuple[OfficeRef, int] | None:
        """An office named right after ``at`` ("became Premier", "as ambassador to X");
        with ``any_case``, titles in lower case too ("president A", "vice-president")."""
        rest = self.article.text[at:end]
        lead = re.match(
            r"\s*(?:as\s+(?:the\s+|an?\s+)?|(?:to|from)\s+(?:the\s+)?(?:(?:post|office|position)\s+of\s+)?"
            r"|the\s+)?"
            r"(?:(?:new|acting|interim)\s+)?",
            rest,
        )
        pos = at + (lead.end() if lead else 0)
        rest = self.article.text[pos:end]
        title = (self.title_re_any_case if any_case else self.title_re).match(rest)
        lex = lexicon()
        if title:
            org = None
            tail = re.match(r"\s+of\s+(?:the\s+)?", rest[title.end() :])
            if tail:
                tail_at = pos + title.end() + tail.end()
                org = next((o for o in s.orgs if o.span.begin == tail_at), None)
            form = self.forms_by_case.get(title.group("title").lower(), title.group("title"))
            if not (tail and org is None and self.office_forms[form].scope == "body"):
                return self.office(form, org), pos + title.end()
            # "chairman of Gosplan": a body the text names but the model did not tag; the
            # post reading below keeps its name
        mods = rf"(?:(?:{_alternation(list(lex.post_modifiers))})[\s-]+)*"
        post = re.match(
            rf"(?P<noun>{mods}(?:{_alternation(list(lex.posts_to))}))\s+to\s+", rest, re.IGNORECASE
        )
        if post is None:
            post = re.match(
                rf"(?P<noun>{mods}(?:{_alternation(list(lex.posts_of))}))\s+of\s+",
                rest,
                re.IGNORECASE,
            )
        if post is None and any_case:
            # where the grammar says an office stands: "worked as a deputy prosecutor"
            bare = re.match(
                rf"(?P<noun>{mods}(?:{_alternation(list(lex.posts_bare))}))(?![\w-])",
                rest,
                re.IGNORECASE,
            )
            if bare is not None:
                noun = bare.group("noun")
                title_text = " ".join(w[0].upper() + w[1:].lower() for w in noun.split())
                return OfficeRef(title_text, "post", phrase=noun), pos + bare.end()
        if post is None:
            return None
        stop = end
        for m in s.persons:
            if m.span.begin > pos + post.end():
                stop = min(stop, m.span.begin)
        for d in s.dates:
            if d.begin > pos + post.end():
                stop = min(stop, d.begin)
        phrase = self.article.text[pos:stop]
        phrase = re.split(
            r"(?:\s+(?:In|On|At|After|During)\s|[,.;:]\s|[.;:]$|\s+(?:in|on)\s+(?=\d)|\s+and\s+(?=[a-z]))",
            phrase,
        )[0]
        phrase = re.sub(r"\s+(?:as well|too|instead|again)$", "", phrase.strip().rstrip("."))
        phrase_end = pos + len(phrase)
        noun = post.group("noun")
        words = phrase[len(noun) :].strip()
        title_text = noun[0].upper() + noun[1:].lower() + " " + words
        place = next((p for p in s.places if pos <= p.span.begin < phrase_end), None)
        org = next((o for o in s.orgs if pos <= o.span.begin < phrase_end), None)
        org_phrase = re.match(
            r"(?:of|to)\s+(?:the\s+|a\s+|an\s+)?(?P<org>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)", words
        )
        if org is None and org_phrase:
            b = phrase_end - len(phrase) + len(noun) + 1 + words.find(org_phrase.group("org"))
            org = Mention(
                "org",
                org_phrase.group("org"),
                Span(self.article.doc_id, b, b + len(org_phrase.group("org"))),
            )
            if org.text in {p.text for p in s.places}:
                org = None
        ref = OfficeRef(title_text, "post", org=org, place=place, phrase=phrase)
        return ref, phrase_end

    # --- one sentence -----------------------------------------------------------

    def _sentence(self, s: Sentence) -> None:
        claimed: list[tuple[int, int]] = []
        tenures = self._title_tenures(s)
        vote = self._vote(s, claimed)
        meetings = self._meetings(s)
        events: list[EventRecord] = []
        if s.parse is not None:
            events += self.grammar.read(s, s.parse, tenures)
            self.tenure_reader.read(s, s.parse, tenures)
        for coup in (e for e in events if "CoupAttempt" in e.types and not e.affected):
            # "A was overthrown in a coup led by B": the coup's target is the one removed
            removed = [e for e in events if "Removal" in e.types and e.affected]
            if removed:
                coup.affected = removed[0].affected[:1]
                coup.date = coup.date or removed[0].date
        self._named_events(s, events, meetings)
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
        self.out.events.extend(meetings + events)
        if s.parse is not None:
            self.faction_reader.read(s, s.parse)
        first = s.persons_in(s.begin, s.end)
        if first:
            self.ctx.last_subject = first[0]

    def _title_tenures(self, s: Sentence) -> dict[int, TenureRecord]:
        """ "Foreign Minister Anna Berg", "former Premiers A and B", "A, the Premier,"."""
        found: dict[int, TenureRecord] = {}
        previous: tuple[TenureRecord, bool] | None = None
        for m in s.persons:
            before = self.article.text[s.begin : m.span.begin]
            match = re.search(
                rf"(?:(?P<former>former|then|late|ex-)\s+)?(?P<title>{_alternation(list(self.office_forms))})\s+$",
                before,
            )
            tenure = None
            plural = False
            if match:
                title = match.group("title")
                plural = title.endswith("s") and self.office_forms[title].title != title
                tenure = TenureRecord(
                    m, self.office(title), self.span(s), former=bool(match.group("former"))
                )
            elif previous is not None and previous[1]:
                gap = self.article.text[previous[0].holder.span.end : m.span.begin]
                if gap in {" and ", ", ", ", and "}:
                    prev = previous[0]
                    tenure = TenureRecord(m, prev.office, prev.evidence, former=prev.former)
                    plural = True
            else:
                after = self.article.text[m.span.end : s.end]
                appo = re.match(
                    rf",\s+(?:the\s+)?(?:(?P<former>former)\s+)?(?P<title>{_alternation(list(self.office_forms))})(?:\s+of\s+(?:the\s+)?[A-Z][\w\s]*?)?,",
                    after,
                )
                if appo:
                    tenure = TenureRecord(
                        m,
                        self.office(appo.group("title")),
                        self.span(s),
                        former=bool(appo.group("former")),
                    )
            if tenure is not None:
                if not tenure.former:
                    tenure.attested = self._date_for(
                        s, *self._segment(s, m.span.begin), m.span.begin
                    )
                found[m.span.begin] = tenure
                self.out.tenures.append(tenure)
                previous = (tenure, plural)
            else:
                previous = None
        return found

    def _vote(self, s: Sentence, claimed: list[tuple[int, int]]) -> EventRecord | None:
        count = VOTE_COUNT_RE.search(s.text)
        if count is None:
            return None

        def number(word: str) -> int | None:
            return int(word) if word.isdigit() else NUMBER_WORDS.get(word)

        a, b = number(count.group("a")), number(count.group("b"))
        if a is None or b is None:
            return None
        verb = count.group("verb")
        passed = verb in {"won", "passed", "carried", "was adopted", "was approved"}
        vote = EventRecord(["Vote"], self.span(s), verb)
        vote.outcome = "passed" if passed else "failed"
        # the winning side has more votes, whatever order the text gives them in
        vote.votes_for, vote.votes_against = (
            (max(a, b), min(a, b)) if passed else (min(a, b), max(a, b))
        )
        if s.parse is not None:
            vote.voted_for, vote.voted_against = self.grammar.voters(s, s.parse)
        motion = MOTION_RE.search(s.text)
        ms = s
        prev = self.previous_sentence
        if motion is None and prev is not None and prev.block == s.block:
            # "The Politburo voted on the group's motion to X. The motion failed by 4 to 6 …"
            motion = MOTION_ONLY_RE.search(prev.text)
            if motion is not None:
                ms = prev
                vote.extra_evidence.append(self.span(prev))
        if motion:
            vote.motion = motion.group("motion")
            if ms is s:
                claimed.append((s.begin + motion.start(), s.begin + motion.end()))
            proposer = self._proposer(ms, ms.begin + motion.start())
            if proposer is not None:
                vote.agents.append(proposer)
            as_office = re.search(
                rf"\breplace\s+(?P<who>.+?)\s+as\s+(?P<title>{_alternation(list(self.office_forms))})",
                motion.group("motion"),
            )
            if as_office:
                holders = ms.persons_in(ms.begin + motion.start(), ms.begin + motion.end())
                if holders:
                    t = TenureRecord(
                        holders[0], self.office(as_office.group("title")), self.span(ms)
                    )
                    self.out.tenures.append(t)
        bodies = [o for o in s.orgs if o.org_class == "GoverningBody"]
        if not bodies and ms is not s:
            bodies = [o for o in ms.orgs if o.org_class == "GoverningBody"]
        if bodies:
            vote.organization = bodies[0]
        vote.participants = vote.voted_for + vote.voted_against
        claimed.append((s.begin + count.start(), s.begin + count.end()))
        return vote

    def _proposer(self, s: Sentence, at: int) -> Mention | None:
        """Whose motion it was: the possessor of the motion noun ("the group's proposal",
        "Berg's motion")."""
        if s.parse is None:
            return None
        sent = s.parse
        noun = next((t for t in sent if s.begin + t.idx - sent.start_char >= at), None)
        if noun is None:
            return None
        for owner in (c for c in noun.children if c.dep_ == "poss"):
            found = self.grammar.fillers(s, sent, [owner])
            if found.persons or found.orgs:
                return (found.persons or found.orgs)[0]
        return None

    def _meetings(self, s: Sentence) -> list[EventRecord]:
        out = []
        for m in MEETING_RE.finditer(s.text):
            if m.group("anaphor"):
                if self.ctx.scene is not None:
                    self.ctx.scene_sentence = self.sentence_no
                continue
            body_at = s.begin + m.start("body")
            org = next((o for o in s.orgs if o.span.begin <= body_at < o.span.end), None)
            if org is None:
                continue
            name = re.sub(r"^(?:an?|the)\s+", "", m.group("name"))
            end = s.begin + m.end()
            held = re.match(r"\s+(?:held\s+)?(?:on|in)\s+", self.article.text[end : s.end])
            held_date = None
            if held:
                held_date = next((d.date for d in s.dates if d.begin == end + held.end()), None)
            scene = re.search(r"(?:^|[,;]\s*)[Aa]t\s+$", s.text[: m.start()]) is not None
            if held_date is None and not m.group("ordinal") and not scene:
                continue  # a body named in passing, not a meeting that took place
            date = held_date
            if date is None:
                seg = self._segment(s, s.begin + m.start())
                date = self._date_for(s, seg[0], seg[1], s.begin + m.start())
            meeting = EventRecord(
                ["Meeting"], self.span(s), m.group("kind"), date=date, organization=org
            )
            meeting.name = name[0].upper() + name[1:]
            out.append(meeting)
            if scene:
                self.ctx.scene = meeting
                self.ctx.scene_sentence = self.sentence_no
        for org in (o for o in s.orgs if o.org_class == "GoverningBody"):
            # "the Politburo met on 5 May 1962": a meeting of that body
            met = BODY_MET_RE.match(self.article.text, org.span.end, s.end)
            if met is None:
                continue
            seg = self._segment(s, met.end())
            meeting = EventRecord(["Meeting"], self.span(s), met.group("verb"), organization=org)
            meeting.date = self._date_for(s, seg[0], seg[1], met.end())
            meeting.name = f"Meeting of the {org.text}"
            out.append(meeting)
        for m in PARTY_CONGRESS_RE.finditer(s.text):
            # "the 22nd Party Congress": a congress of the article's party
            if self.main_party is None:
                continue
            seg = self._segment(s, s.begin + m.start())
            party = Mention(
                "org", self.main_party, Span(self.article.doc_id, 0, 0), "PoliticalParty"
            )
            meeting = EventRecord(["Meeting"], self.span(s), "congress", organization=party)
            meeting.date = self._date_for(s, seg[0], seg[1], s.begin + m.start())
            meeting.name = f"{m.group('ordinal')} Congress of the {self.main_party}"
            out.append(meeting)
            if re.search(r"(?:^|[,;]\s*)[Aa]t\s+the\s+$", s.text[: m.start()]):
                self.ctx.scene = meeting
                self.ctx.scene_sentence = self.sentence_no
        return out

    def _named_events(
        self, s: Sentence, events: list[EventRecord], meetings: list[EventRecord]
    ) -> None:
        text = s.text
        for m in NAMED_SPEECH_RE.finditer(text) if "Speech" in text else []:
            b = s.begin + m.start("name")
            ev = EventRecord(["Speech"], self.span(s), "speech", name=m.group("name"))
            poss = [p for p in s.persons if p.span.begin < b and p.span.begin in s.possessive]
            subj = s.persons_in(s.begin, b)
            ev.agents = poss[:1] or subj[:1]
            seg = self._segment(s, b)
            ev.date = self._date_for(s, seg[0], seg[1], b)
            at = re.match(r"\s+(?:delivered|given|made)\s+(?:at|to|before)\s+", text[m.end() :])
            if at and meetings:
                ev.part_of = meetings[0]
            events.append(ev)
        for m in re.finditer(
            r"\b(?:made|gave|delivered)\s+(?:an?\s+)?(?:[\w-]+\s+)?speech\b", text
        ):
            b = s.begin + m.start()
            zone = text[: m.start()]
            subj = s.persons_in(s.begin, b)
            agent = subj[:1]
            if not agent and PRONOUN_RE.match(zone) and self.ctx.last_subject is not None:
                agent = [self.ctx.last_subject]
            if agent:
                ev = EventRecord(["Speech"], self.span(s), "speech", agents=agent)
                seg = self._segment(s, b)
                ev.date = self._date_for(s, seg[0], seg[1], b)
                events.append(ev)
        for m in NAMED_AGREEMENT_RE.finditer(text):
            name = m.group("name")
            if not re.search(r"\b(?:signed|concluded|agreed|ratified)\b", text):
                continue
            b = s.begin + m.start("name")
            ev = EventRecord(["Agreement"], self.span(s), "signed", name=name)
            ev.date = self._date_for(s, *self._segment(s, b), b)
            ev.participants = s.persons_in(s.begin, s.end)
            events.append(ev)
