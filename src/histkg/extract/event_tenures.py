"""The tenures an event begins or ends, and the decree it is part of.

An appointment or election to an office begins a tenure ("was appointed Minister of
Defence in 1950, a post he held until 1953"); a removal or resignation ends one; a
succession ends the predecessor's ("…, succeeding B"); "removed by a decree of the
Presidium" makes the event part of that decree.

A mixin of ``EventReader``: it needs ``reader``, ``offset``, ``fillers`` and
``more_offices``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from histkg.extract.continuations import succeeding_objects, until_phrases
from histkg.extract.event_links import TENURE_ENDS, TENURE_STARTS
from histkg.extract.fillers import Fillers
from histkg.extract.hits import Hit
from histkg.extract.mentions import Sentence
from histkg.extract.requirements import office_complement
from histkg.extract.role_names import office_head_words
from histkg.extract.rules import lemmas_of, words
from histkg.model import Date, EventRecord, Mention, OfficeRef, TenureRecord

if TYPE_CHECKING:
    from histkg.extract.text import ArticleReader

TENURE_HELD = frozenset({"Confirmation", "CoupAttempt"})  # the office its target held
DECREE_NOUNS = words("decree_nouns")


class EventTenures:
    """Tenures and decrees from one event hit."""

    reader: ArticleReader

    fillers: Callable[[Sentence, SpacySpan, list[Token]], Fillers]  # MentionReader's
    offset: Callable[[Sentence, SpacySpan, Token], int]
    more_offices: Callable[[Sentence, SpacySpan, Token | None], list[OfficeRef]]
    _person_at: Callable[[Sentence, SpacySpan, Token], Mention | None]
    dates_under: Callable[..., list[Date]]  # EventDating's

    def tenures_of(self, s: Sentence, sent: SpacySpan, hit: Hit, event: EventRecord) -> None:
        """An appointment or election to an office begins a tenure; a removal or
        resignation from one ends it; a succession ends the predecessor's."""
        office = event.office
        if office is None:
            return
        cls = event.types[0]
        predecessors = self.fillers(s, sent, hit.fillers("predecessor")).persons
        end = None
        if cls in TENURE_STARTS:
            # "…, succeeding B", "…, a post he held until 1931", "… and ruled until 1931"
            predecessors = (
                predecessors or self.fillers(s, sent, succeeding_objects(hit.trigger)).persons
            )
            complement = office_complement(hit.trigger)
            if complement is not None and complement.dep_ == "prep":
                complement = next((c for c in complement.children if c.dep_ == "pobj"), None)
            ends = [
                d
                for prep in until_phrases(hit.trigger, complement)
                for d in self.dates_under(s, sent, prep)
            ]
            end = ends[-1] if ends else None
            for extra in self.more_offices(s, sent, complement):  # "named Premier and B"
                for person in event.affected:
                    more = TenureRecord(person, extra, self.reader.span(s), rule=hit.rule.id)
                    more.start, more.started_by, more.end = event.date, event, end
                    self.reader.out.tenures.append(more)
        for person in event.affected:
            tenure = TenureRecord(person, office, self.reader.span(s), rule=hit.rule.id)
            if cls in TENURE_STARTS:
                tenure.start, tenure.started_by = event.date, event
                tenure.end = end
                if predecessors:
                    tenure.predecessor = predecessors[0]
            elif cls in TENURE_HELD:
                tenure.attested = event.date
            elif _to_office(hit.trigger):
                tenure.start = event.date  # "demoted to ambassador": the post taken up
            else:
                tenure.end, tenure.ended_by = event.date, event
            self.reader.out.tenures.append(tenure)
        if cls in TENURE_ENDS and _to_office(hit.trigger):
            event.office = None  # the removal was from another post than the one taken up
        replaced = not _ended_by_own_verb(hit.trigger) and (
            bool(lemmas_of(hit.trigger) & {"replace", "give"})  # "gave way to"
            or any(  # "elected A First Secretary in place of B"
                c.dep_ == "prep"
                and c.lower_ == "in"
                and any(o.lower_ == "place" for o in c.children)
                for c in hit.trigger.children
            )
        )
        for old in predecessors:
            # "B took over as acting President from A": A held the office itself
            before = TenureRecord(old, office.in_full(), self.reader.span(s), rule=hit.rule.id)
            before.end = event.date
            before.successor = event.affected[0] if event.affected else None
            self.reader.out.tenures.append(before)
            if replaced:
                # "A replaced B as Premier": B was removed from it (not "B resigned and was
                # replaced by A", where B's own verb says how the tenure ended)
                removal = EventRecord(
                    ["Removal"],
                    self.reader.span(s),
                    hit.trigger.text,
                    date=event.date,
                    affected=[old],
                    office=office,
                    at=event.at,
                    rule=f"{hit.rule.id}.replaced",
                )
                before.ended_by = removal
                self.reader.out.events.append(removal)

    def gapped_offices(self, s: Sentence, sent: SpacySpan, hit: Hit, event: EventRecord) -> None:
        """ "A became Minister of Defence, B Minister of the Interior and C Minister of
        Finance": the verb is left out after the first pair; the model reads each later
        name as a compound of its title. Each pair gets the event and tenure the first
        got, on its date."""
        if event.types[0] not in TENURE_STARTS or event.office is None:
            return
        heads = office_head_words()
        first = office_complement(hit.trigger)
        after = first.i if first is not None else hit.trigger.i
        remnants = [
            t
            for t in hit.trigger.subtree
            if t.i > after
            and t.lower_ in heads
            and t.pos_ in {"PROPN", "NOUN"}
            and _in_clause_of(t, hit.trigger)
        ]
        for title in remnants:
            names = [c for c in title.children if c.dep_ == "compound" and c.ent_type_ == "PERSON"]
            if not names:
                continue
            person = self._person_at(s, sent, names[-1])
            start = max(n.i for n in names) + 1
            begin = self.offset(s, sent, sent.doc[start])
            end = self.offset(s, sent, title.right_edge) + len(title.right_edge.text)
            found = self.reader.offices.after(s, begin, end, any_case=True)
            if person is None or found is None:
                continue
            office = found[0]
            more = EventRecord(
                list(event.types),
                self.reader.span(s),
                hit.trigger.text,
                date=event.date,
                affected=[person],
                agents=list(event.agents),
                office=office,
                at=event.at,
                rule=f"{hit.rule.id}.gapped",
            )
            tenure = TenureRecord(person, office, self.reader.span(s), rule=more.rule)
            tenure.start, tenure.started_by = event.date, more
            self.reader.out.events.append(more)
            self.reader.out.tenures.append(tenure)

    def decree_of(self, s: Sentence, sent: SpacySpan, hit: Hit, event: EventRecord) -> None:
        """ "removed by a decree of the Presidium": the event is part of that decree."""
        for child in hit.trigger.children:
            if child.dep_ not in {"agent", "prep"} or child.lower_ != "by":
                continue
            for noun in child.children:
                if noun.dep_ != "pobj" or not lemmas_of(noun) & DECREE_NOUNS:
                    continue
                decree = EventRecord(
                    ["Decree"],
                    self.reader.span(s),
                    noun.text,
                    date=event.date,
                    at=self.offset(s, sent, noun),
                    rule=f"{hit.rule.id}.by-decree",
                )
                issuers = [
                    gc
                    for c in noun.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for gc in c.children
                    if gc.dep_ == "pobj"
                ]
                # "a decree of the plenary session of the Federal Council": the first body named
                found = self.fillers(s, sent, issuers)
                if not found.orgs and not found.persons:
                    found = self.fillers(s, sent, [t for i in issuers for t in i.subtree])
                decree.agents = found.orgs[:1] or found.persons[:1]
                decree.organization = found.orgs[0] if found.orgs else None
                decree.affected = list(event.affected)
                event.part_of = decree
                if decree.agents:
                    event.agents = decree.agents[:1]
                event.organization = event.organization or decree.organization
                self.reader.out.events.append(decree)


def _to_office(trigger: Token) -> bool:
    """Whether a removal names the post it moves someone to ("demoted to ambassador"),
    not the one it ends."""
    complement = office_complement(trigger)
    return complement is not None and complement.dep_ == "prep" and complement.lower_ == "to"


def _in_clause_of(token: Token, verb: Token) -> bool:
    """Whether ``token`` hangs on ``verb`` with no other verb between them."""
    for ancestor in token.ancestors:
        if ancestor == verb:
            return True
        if ancestor.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _ended_by_own_verb(trigger: Token) -> bool:
    """ "B resigned and was replaced by A": the verb joined before the replacement says
    how B's tenure ended, and no removal is read from "replaced" (but "the unit was
    disbanded, and B was replaced by A" is one)."""
    return trigger.dep_ == "conj" and bool(lemmas_of(trigger.head) & words("own_endings"))
