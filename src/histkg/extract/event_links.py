"""What an event takes from the events and tenures read before it: the office a
predecessor left ("A resigned and was succeeded by B"), the tenure a succession ends ("A
became Premier after the resignation of B"), and the persons a plural "they" or a group
followed by a list stands for ("They were executed", "Three officers were shot:").

A mixin of ``EventReader``: it needs ``reader``, ``titled``, ``fillers`` and the events of
the sentence being read and of the one before (``in_sentence``, ``sentence_before``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from histkg.extract.expansion import expand
from histkg.extract.fillers import Fillers
from histkg.extract.hits import Hit
from histkg.extract.mentions import Sentence
from histkg.extract.nlp import lemma as nlp_lemma
from histkg.extract.story import CUSTODY  # events that make someone a defendant
from histkg.model import EventRecord, Mention, OfficeRef, TenureRecord

if TYPE_CHECKING:
    from histkg.extract.text import ArticleReader

TENURE_STARTS = frozenset({"Appointment", "Election"})
TENURE_ENDS = frozenset({"Removal", "Resignation"})


class EventLinks:
    """Successions and group references across the events of an article."""

    reader: ArticleReader
    titled: dict[int, TenureRecord]
    in_sentence: list[EventRecord]
    sentence_before: list[EventRecord]
    named_groups: list[tuple[int, list[Mention], int]]

    fillers: Callable[[Sentence, SpacySpan, list[Token]], Fillers]  # MentionReader's
    offset: Callable[[Sentence, SpacySpan, Token], int]
    _person_at: Callable[[Sentence, SpacySpan, Token], Mention | None]

    def _successions(self, s: Sentence, read: list[tuple[Hit, EventRecord]]) -> None:
        """ "A became Premier after the resignation of B": B held the office before A."""
        for hit, event in read:
            if event.types[0] not in TENURE_STARTS or event.office is None:
                continue
            for other_hit, other in read:
                if other.types[0] not in TENURE_ENDS | {"Death"} or other is event:
                    continue
                if (
                    not other.affected
                    or not (
                        _told_within(other_hit.trigger, hit.trigger)
                        or (  # "A became President again, but was overthrown in 1985"
                            other_hit.trigger.dep_ == "conj"
                            and other_hit.trigger.head == hit.trigger
                            and other.affected[:1] == event.affected[:1]
                        )
                    )
                ):
                    continue
                before = other.affected[0]
                titled = self.titled.get(before.span.begin)
                if titled is not None and titled.office.title != event.office.title:
                    continue
                same = bool(event.affected) and event.affected[0].text == before.text
                # "on A's death B became acting President": A held the office itself
                other.office = other.office or (event.office if same else event.office.in_full())
                for tenure in self.reader.out.tenures:
                    if tenure.started_by is event and not same:
                        tenure.predecessor = before
                left = event.office if same else event.office.in_full()
                ended = TenureRecord(before, left, self.reader.span(s), rule=hit.rule.id)
                ended.end, ended.ended_by = other.date, other
                if event.affected and not same:  # not "A became President, but was overthrown"
                    ended.successor = event.affected[0]
                self.reader.out.tenures.append(ended)

    def _office_left(self, s: Sentence, sent: SpacySpan, hit: Hit) -> OfficeRef | None:
        """The office a predecessor left: the title before their name, their resignation or
        removal from it in this sentence, else their last tenure read in the article."""
        role = hit.rule.requires.get("implied_from", "predecessor")
        predecessors = self.fillers(s, sent, hit.fillers(role)).persons
        if not predecessors:
            return None
        before = predecessors[0]
        # the post itself: who succeeds an acting holder does not act too
        titled = self.titled.get(before.span.begin)
        if titled is not None:
            return titled.office.in_full()
        surname = before.text.split()[-1]
        for other in reversed(self.in_sentence):
            if other.types[0] in TENURE_ENDS and other.office is not None:
                if any(m.text.split()[-1] == surname for m in other.affected):
                    return other.office.in_full()
        for tenure in reversed(self.reader.out.tenures):
            if tenure.holder.text.split()[-1] == surname and tenure.holder.text:
                return tenure.office.in_full()
        return None

    def _listed(self, s: Sentence) -> list[Mention]:
        """The names of the list a block's last sentence introduces with a colon."""
        block = self.reader.article.blocks[s.block]
        if s.end < len(self.reader.article.text[: block.end].rstrip()):
            return []  # not the block's last sentence
        return list(self.reader.list_persons.get(s.block, []))

    def _they(self, tokens: list[Token]) -> list[Mention]:
        """ "The court sentenced A, B and C to death; they were shot": a plural pronoun
        is the persons named together in an event earlier in the same sentence, or, when
        it opens the next sentence of the paragraph ("A and B were sentenced to death.
        They were shot in May."), in the one event of that sentence that named several."""
        pronouns = [t for t in tokens if t.lower_ in {"they", "them", "their"}]
        if not pronouns:
            return []
        listed = [e for e in self.in_sentence if len(e.affected) > 1]
        if listed:
            return list(listed[-1].affected)
        # "They were shot", "Abandoned by the army, they were shot": the main clause's subject
        opening = [
            t
            for t in pronouns
            if t.i == t.sent.start or (t.dep_ in {"nsubj", "nsubjpass"} and t.head == t.sent.root)
        ]
        before = [e for e in self.sentence_before if len(e.affected) > 1]
        groups = {tuple(m.text for m in e.affected) for e in before}
        return list(before[-1].affected) if opening and len(groups) == 1 else []

    def _coordinated(
        self, s: Sentence, sent: SpacySpan, before: int
    ) -> list[tuple[list[Mention], int]]:
        """The persons each coordination of ``sent`` before token ``before`` names, and
        how many it counts ("A and three other officers" counts four and names one), the
        nearest last."""
        out = []
        for head in sent:
            if head.i >= before or head.dep_ in {"conj", "appos"}:
                continue
            if not any(c.dep_ in {"conj", "appos"} for c in head.children):
                continue
            named: list[Mention] = []
            others = 0
            for t in expand([head]):
                m = self._person_at(s, sent, t)
                if m is not None and m not in named:
                    named.append(m)
                elif m is None and any(c.lower_ == "other" for c in t.children):
                    counts = [NUMBERS.get(c.lower_) for c in t.children if c.dep_ == "nummod"]
                    others += next((n for n in counts if n is not None), 0)
            if len(named) > 1 or (named and others):
                out.append((named, _distinct(named) + others))
        return out

    def remember_groups(self, s: Sentence, sent: SpacySpan) -> None:
        """Keep the persons a sentence names together, for a later "the four"."""
        for named, size in self._coordinated(s, sent, sent.end):
            self.named_groups.append((named[0].span.begin, named, size))

    def _counted(self, s: Sentence, sent: SpacySpan, tokens: list[Token]) -> list[Mention]:
        """ "The four were expelled", "all eight were convicted", "both were seized", "the
        two generals were shot": a definite group of N is the N persons named together
        last: coordinated earlier in this sentence (the nearest first), else in the latest
        event that named exactly N, or the latest list of N names ("Its members were A, B,
        C and D. In 1960 all four were arrested")."""
        for token in tokens:
            if token.lower_ == "each" and token.dep_ in {"nsubj", "nsubjpass"}:
                # "A and B were tried together, and each was sentenced": the group named last
                here = [named for named, _counted in self._coordinated(s, sent, token.i)]
                if here:
                    return here[-1]  # the nearest before "each"
                block = self.reader.article.blocks[s.block]
                before = [
                    list(e.affected)
                    for e in [*self.reader.out.events, *self.in_sentence]
                    if len(e.affected) > 1 and e.evidence.begin >= block.begin
                ]
                if before:
                    return before[-1]  # else the group the paragraph's last event named
                continue
            size = group_size(token)
            if size is None:
                continue
            at = self.offset(s, sent, token)
            for named, counted in reversed(self._coordinated(s, sent, token.i)):
                if counted == size:
                    return named
            events = [*self.reader.out.events, *self.in_sentence]
            candidates: list[tuple[int, list[Mention], int]] = [
                (event.evidence.begin, list(event.affected), _distinct(event.affected))
                for event in events
                if event.evidence.begin <= at and self._fits_group(token, event)
            ]
            if nlp_lemma(token) not in CUSTODY_NOUNS | {"couple"}:
                # a pair named in another paragraph is too weak a sign ("both" may be two
                # ships); a larger count ("all four") is not
                block = self.reader.article.blocks[s.block]
                candidates += [
                    group
                    for group in self.named_groups
                    if group[0] < at and (size > 2 or group[0] >= block.begin)
                ]
            for _begin, named, counted in sorted(candidates, key=lambda c: c[0], reverse=True):
                if counted == size:
                    return named  # "A and three other officers …; all four": A alone
        return []

    def _fits_group(self, token: Token, event: EventRecord) -> bool:
        """Whether the persons an earlier event affected can be the group a word names:
        "both defendants" are persons arrested, tried or sentenced (not two lawyers just
        appointed); "the couple" are two named as spouses ("A and his wife B")."""
        lemma = nlp_lemma(token)
        if lemma in CUSTODY_NOUNS:
            return bool(CUSTODY & set(event.types))
        if lemma == "couple":
            article = self.reader.article.text
            spans = sorted(m.span.begin for m in event.affected)
            between = article[spans[0] : spans[-1]] if len(spans) > 1 else ""
            return SPOUSE_RE.search(between) is not None
        return True


#: group nouns that name persons by what was done to them
CUSTODY_NOUNS = frozenset(
    {"defendant", "accused", "prisoner", "convict", "detainee", "condemned", "captive"}
)
#: a word that joins two names as a married pair
SPOUSE_RE = re.compile(r"\b(?:wife|husband|spouse|widow|widower|consort)\b", re.IGNORECASE)


def _distinct(persons: list[Mention]) -> int:
    """How many persons the names count: "Karl Ost" and "Mara Ost" are two, "A B" and
    "B" one."""
    names = {m.text for m in persons}
    return sum(
        1
        for name in names
        if not any(other != name and other.endswith(" " + name) for other in names)
    )


NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
DEFINITE = frozenset({"the", "all", "these", "those", "both"})


def group_size(token: Token) -> int | None:
    """How many a definite group word counts: "both" (2), "the couple" (2), "the four",
    "all eight", "the two generals", "both defendants"; None for anything else ("four
    officers were shot" is some four, not the four named before)."""
    if token.lower_ == "both":
        return 2
    determiners = {c.lower_ for c in token.children if c.dep_ in {"det", "predet"}}
    if not determiners & DEFINITE:
        return None
    if token.lower_ == "couple":
        return 2
    if token.pos_ == "NUM":
        return NUMBERS.get(token.lower_)
    if token.pos_ == "NOUN" and token.tag_ == "NNS":
        if "both" in determiners:
            return 2
        counts = [NUMBERS.get(c.lower_) for c in token.children if c.dep_ == "nummod"]
        return next((n for n in counts if n is not None), None)
    return None


def _told_within(end: Token, start: Token) -> bool:
    """Whether the end of a tenure is told inside the phrase of what started another: "after
    the resignation of B", "succeeded B, who was dismissed", "after B died", "B was relieved
    of the post; A succeeded him" (not a clause joined by "and": "A gave way to B; and C
    lost his post")."""
    if end.head == start and end.head != end:
        return end.dep_ in {"advcl", "ccomp"}  # "B was relieved of the post; A succeeded him"
    return end.head.head == start and end.head != start and end.dep_ != "conj"
