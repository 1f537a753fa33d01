"""Events (and the tenures they begin or end) from the grammar engine's hits.

:mod:`histkg.extract.grammar` says which token fills which role; this module turns
those tokens into the article's mentions (a person's name, "he" for the person the
text is about, "officials" for unnamed people, a party for "expelled from the
party"), dates the event from its own clause, and emits only what the sentence
states: a filler that names no person ("the plan was executed") or a negated,
alleged or hypothetical trigger yields nothing but a coded warning.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from histkg.errors import CodedWarning
from histkg.extract.event_dates import EventDating
from histkg.extract.event_links import TENURE_ENDS, TENURE_STARTS, EventLinks
from histkg.extract.event_offices import EventOffices
from histkg.extract.event_tenures import TENURE_HELD, EventTenures
from histkg.extract.expansion import dated_remnants, expand
from histkg.extract.fillers import MentionReader
from histkg.extract.grammar import read_events
from histkg.extract.hits import Hit
from histkg.extract.infobox import OUTCOME_SECTION
from histkg.extract.mentions import Sentence
from histkg.extract.modality import Modality
from histkg.extract.requirements import at_a_department, at_a_ministry
from histkg.extract.role_names import office_head_words
from histkg.extract.rules import lemmas_of, words
from histkg.extract.seats import seat
from histkg.lexicon import lexicon
from histkg.model import EventRecord, Mention, TenureRecord

if TYPE_CHECKING:
    from histkg.extract.text import ArticleReader

#: Classes whose event is only stated when someone it happened to is named (or a group).
NEEDS_AFFECTED = frozenset(
    {
        "Arrest",
        "Trial",
        "Sentencing",
        "Execution",
        "Death",
        "Expulsion",
        "Removal",
        "Resignation",
        "Appointment",
        "Election",
        "Reinstatement",
        "Release",
        "AssassinationAttempt",
    }
)
#: classes an unnamed group may undergo ("officials were arrested"); a death, an
#: appointment or an election needs a person the sentence names
GROUP_CLASSES = frozenset(
    {
        "Arrest",
        "Trial",
        "Sentencing",
        "Execution",
        "Expulsion",
        "Removal",
        "Reinstatement",
        "Decree",
    }
)
#: people whose unnamed deaths a political history states ("six generals were killed"),
#: unlike casualties ("civilians", "people", "victims")
POLITICAL_GROUPS = words("political_groups")
LIFE_OPEN_RE = re.compile(r"\s*\(")
DASH_RE = re.compile(r"[–—-]")
SUPPORTING = words("supporting")
OPPOSING = words("opposing")


#: words that make a coup one tried or carried out, not one planned or wished for
CARRIED_OUT = frozenset(
    {"attempt", "try", "stage", "launch", "lead", "mount", "carry", "execute", "undertake"}
    | {"organise", "organize", "instigate", "orchestrate"}
)


def _carried_out(hit: Hit) -> bool:
    """Whether a coup the hit reads was tried or done ("attempted to overthrow the
    government", "led a coup against the government"), not plotted, planned or wished
    ("plotted to overthrow", "planned a coup", "wanted to")."""
    if hit.modality == Modality.ATTEMPTED and hit.governor not in (None, hit.trigger):
        return bool(lemmas_of(hit.governor) & CARRIED_OUT)
    head = hit.trigger.head  # "led a coup", "staged a failed coup"
    return hit.trigger.pos_ != "NOUN" or head.pos_ != "VERB" or bool(lemmas_of(head) & CARRIED_OUT)


class EventReader(MentionReader, EventDating, EventLinks, EventOffices, EventTenures):
    """Reads one article's sentences with the grammar rules."""

    def __init__(self, reader: ArticleReader) -> None:
        super().__init__(reader)
        self.in_sentence: list[EventRecord] = []  # the events of the sentence being read
        self.sentence_before: list[EventRecord] = []  # of the one before, in its paragraph
        self.sentence_block = -1
        self.listed_events: dict[int, list[EventRecord]] = {}  # a list's intro block -> its events
        #: persons named together so far ("Its members were A, B, C and D"), by offset
        self.named_groups: list[tuple[int, list[Mention], int]] = []

    # --- one sentence ---------------------------------------------------------------

    def read(
        self, s: Sentence, sent: SpacySpan, titled: dict[int, TenureRecord] | None = None
    ) -> list[EventRecord]:
        """The events ``sent`` states; ``titled`` are the tenures its titles name
        ("Premier A"), by the offset of the name."""
        self.titled = titled or {}
        events: list[EventRecord] = self.life_dates(s) if s.index == 0 else []
        same_block = self.sentence_block == s.block
        self.sentence_before = self.in_sentence if same_block else []
        intro = self.reader.after_list.get(s.block)
        if intro is not None and s.index == 0:  # the paragraph after a list goes on about it
            self.sentence_before = self.listed_events.get(intro, [])
        self.sentence_block = s.block
        self.in_sentence = events
        read: list[tuple[Hit, EventRecord]] = []
        for hit in read_events(sent):
            event = self._event(s, sent, hit)
            if event is not None:
                events.append(event)
                read.append((hit, event))
        forestalled = self._forestalled(read)
        read = [(hit, e) for hit, e in read if id(e) not in forestalled]
        events[:] = [e for e in events if id(e) not in forestalled]
        # "A won the general election of 1962": the election A won, not a second one
        read_at = {event.at for hit, event in read if not hit.rule.requires.get("stands_alone")}
        alone = {id(event) for hit, event in read if hit.rule.requires.get("stands_alone")}
        events[:] = [e for e in events if id(e) not in alone or e.at not in read_at]
        if s.block in self.reader.list_persons:
            self.listed_events[s.block] = [e for e in events if len(e.affected) > 1]
        self._successions(s, read)
        return events

    @staticmethod
    def _forestalled(read: list[tuple[Hit, EventRecord]]) -> set[int]:
        """ "A hanged himself the night before his execution", "B died before his trial":
        what another death of the same person came before did not happen to them (the ids
        of those events)."""
        out = set()
        for hit, e in read:
            if not (
                hit.trigger.pos_ == "NOUN"
                and hit.trigger.dep_ == "pobj"
                and hit.trigger.head.lower_ == "before"
                and e.types[0] != "Death"
                and e.affected
            ):
                continue
            dead = {
                m.span.begin
                for _, o in read
                if o is not e and o.types[0] in {"Death", "Execution"}
                for m in o.affected
            }
            if all(m.span.begin in dead for m in e.affected):
                out.add(id(e))
        return out

    def end_sentence(self, s: Sentence, sent: SpacySpan) -> None:
        """After every reader has read ``sent``: who the next sentence's pronouns may mean."""
        self._track_subject(s, sent)
        if s.persons:
            self.last_named[s.block] = s.persons[-1]
        self.remember_groups(s, sent)

    def voters(self, s: Sentence, sent: SpacySpan) -> tuple[list[Mention], list[Mention]]:
        """Who voted which way in a sentence about a vote: the subjects of "supported",
        "backed", "voted for" and of "opposed", "voted against" ("A and B supported and
        C opposed")."""
        sides: dict[bool, list[Mention]] = {True: [], False: []}
        for token in sent:
            if token.pos_ != "VERB":
                continue
            lemmas = lemmas_of(token)
            preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
            if lemmas & SUPPORTING or ("vote" in lemmas and preps & {"for", "in"}):
                side = True
            elif lemmas & OPPOSING or ("vote" in lemmas and "against" in preps):
                side = False
            else:
                continue
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            named = self.fillers(s, sent, expand(subjects)).persons
            if not subjects:  # the parse lost the subject: the list of names right before
                named = self._list_before(s, sent, token)
            for m in named:
                if m not in sides[side]:
                    sides[side].append(m)
        return sides[True], sides[False]

    def _list_before(self, s: Sentence, sent: SpacySpan, verb: Token) -> list[Mention]:
        """The names listed right before ``verb`` ("…, C, D and E opposed"), joined only by
        commas and "and"."""
        text = self.reader.article.text
        cursor = self.offset(s, sent, verb)
        out: list[Mention] = []
        for m in sorted(s.persons, key=lambda p: -p.span.begin):
            if m.span.end > cursor:
                continue
            gap = text[m.span.end : cursor]
            if gap.strip() not in ({""} if not out else {",", "and", ", and"}):
                break
            out.insert(0, m)
            cursor = m.span.begin
        return out

    def life_dates(self, s: Sentence) -> list[EventRecord]:
        """ "A B (3 May 1901 – 2 June 1970) was …": the lead's life dates give the death of
        the person they follow (rule ``lead.life-dates``)."""
        text = self.reader.article.text
        out = []
        for m in s.persons[:1]:
            opening = LIFE_OPEN_RE.match(text, m.span.end)
            if opening is None:
                continue
            close = text.find(")", opening.end())
            if close < 0 or close - opening.end() > 300:
                continue
            inside = [d for d in s.dates if opening.end() <= d.begin < close and not d.relative]
            if not inside:
                continue
            last = inside[-1]
            dash_from = inside[-2].end if len(inside) > 1 else opening.end()
            if not DASH_RE.search(text, dash_from, last.begin) or len(inside) > 2:
                continue
            if text[last.end : close].strip(" ;,"):
                continue
            lead_in = text[opening.end() : inside[0].begin].rsplit(";", 1)[-1]
            if set(re.findall(r"[a-z]+", lead_in.lower())) & office_head_words():
                continue  # "A (Prime Minister 1920–1924)": an office's years, not a life's
            event = EventRecord(
                ["Death"],
                self.reader.span(s),
                text[last.begin : last.end],
                date=last.date,
                affected=[m],
                at=last.begin,
                rule="lead.life-dates",
            )
            out.append(event)
        return out

    def _warn(self, s: Sentence, sent: SpacySpan, hit: Hit, why: str) -> None:
        at = self.offset(s, sent, hit.trigger)
        self.reader.warnings.append(
            CodedWarning(
                "W501",
                str(self.reader.article.path),
                self.reader.article.line_of(at),
                f"'{hit.trigger.text}' ({hit.rule.id}) is {why}: not stated as a fact, left out",
            )
        )

    def _event(self, s: Sentence, sent: SpacySpan, hit: Hit) -> EventRecord | None:
        if s.in_quotes(self.offset(s, sent, hit.trigger)):
            return None
        cls = hit.event_class
        if hit.modality == Modality.NARRATIVE and self._in_outcome(s):
            hit.modality = Modality.STATED  # "Result: B becomes President": an infobox's tense
        if hit.modality not in {Modality.STATED, Modality.ATTEMPTED}:
            self._warn(s, sent, hit, hit.modality.value)
            return None
        if not cls:  # an attempt at something that is not itself an event class
            self._warn(s, sent, hit, "an attempt")
            return None
        affected = self.fillers(s, sent, hit.fillers("affected"))
        if not affected.persons:
            affected.persons = self._they(hit.fillers("affected"))
        if not affected.persons:
            affected.persons = self._counted(s, sent, hit.fillers("affected"))
        if not affected.persons and any(t.tag_ == "NNS" for t in affected.groups):
            affected.persons = self._listed(s)  # "Six officers were shot:" and a list
        if hit.rule.requires.get("full_name") and not all(
            len(m.text.split()) > 1 for m in affected.persons
        ):
            return None  # "the fall of Rabaul": a town the model took for a person
        agents = self.fillers(s, sent, hit.fillers("agent"))
        # "the trial began": stated, no one named; not "trials of the equipment began" or
        # "sea trials": a trial of something, or of a kind, is no court's
        occurs = bool(hit.fillers("occurrence")) and not any(
            c.dep_ in {"compound", "prep"} for c in hit.trigger.children
        )
        # "the general election of 7 March 1977": an event of its own, whoever took part
        occurs = occurs or bool(hit.rule.requires.get("stands_alone"))
        # "a string of political cases staged by A": who made them is stated, not whom
        made_by = bool(hit.rule.requires.get("agent_suffices") and agents.persons)
        # "A led a coup against the government": who staged it is named, whom it was
        # against is a body, not a person
        made_by = made_by or (
            cls == "CoupAttempt" and bool(agents.persons or agents.orgs) and _carried_out(hit)
        )
        if (
            (cls in NEEDS_AFFECTED or hit.fillers("affected"))
            and not occurs
            and not hit.partner
            and not made_by
        ):
            # the role names something that is not a person ("the plan was executed"); a
            # group without names ("officials were arrested") states only acts of power
            # a group without names counts only when it is one of politics ("officials
            # were arrested", "six generals were killed"), never "people" or "civilians"
            political = [  # plural: "a member of the network, B" is one person, unnamed here
                t for t in affected.groups if lemmas_of(t) & POLITICAL_GROUPS and t.tag_ == "NNS"
            ]
            if not affected.persons and not (political and cls in GROUP_CLASSES | {"Death"}):
                return None
            if not affected.persons and (
                lemmas_of(hit.trigger) & set(hit.rule.requires.get("named", []))
                or hit.trigger.dep_ == "relcl"  # "the graves of members who died": a kind
            ):
                return None
        if (
            cls == "CoupAttempt"
            and hit.partner is None
            and not (affected.persons or agents.persons or agents.orgs or agents.groups)
        ):
            self._date_topic(s, sent, hit)
            return None
        if cls == "Meeting" and not hit.rule.requires.get("dated_scene"):
            met = self.fillers(s, sent, hit.fillers("participant"))
            political = [t for t in met.groups if lemmas_of(t) & POLITICAL_GROUPS]
            if not met.persons or not (political or met.orgs):
                return None  # a session with a body or people in office, not two people
        if hit.rule.requires.get("dated_scene") and not self.dated_scene(s, sent, hit.trigger):
            return None  # "the party congress" in passing, not a congress that took place
        if cls == "Decree" and not (agents.persons or agents.orgs):
            if not (hit.rule.requires.get("agentless") and self.dated_alone(s, sent, hit)):
                return None  # a decree is stated with who issued it, or a dated law passed
        event = EventRecord(
            [cls],
            self.reader.span(s),
            hit.trigger.text,
            at=self.offset(s, sent, hit.trigger),
            rule=hit.rule.id,
        )
        event.affected = affected.persons
        event.agents = (
            agents.persons or agents.orgs[:1] or self.groups_org(s, sent, agents.groups)[:1]
        )
        event.participants = self.fillers(s, sent, hit.fillers("participant")).persons
        if hit.rule.requires.get("person_in") == "participant" and not event.participants:
            return None  # "the two governments signed a pact": no one named made it
        if hit.outcome:
            event.outcome = hit.outcome
        event.date = self.date(s, sent, hit)
        organization = self.fillers(s, sent, hit.fillers("organization"))
        if organization.orgs:
            event.organization = organization.orgs[0]
        # "the general election of 1948 (won with A as leader)": only "presidential" and the
        # like say an office of an election of its own
        alone = bool(hit.rule.requires.get("stands_alone"))
        # "formed a government with B as Minister of Finance": B's office, not the former's
        if cls in TENURE_STARTS | TENURE_ENDS | TENURE_HELD and not hit.rule.requires.get(
            "office_unnamed"
        ):
            office = self.office(s, sent, hit)
            adjectives = lexicon().election_adjectives
            if alone and not any(c.lower_ in adjectives for c in hit.trigger.children):
                office = None
            if office is not None:
                event.office = office
            elif cls in TENURE_ENDS:
                # "Premier A was forced to retire": the office is the title before the name
                titled = [
                    self.titled[m.span.begin] for m in event.affected if m.span.begin in self.titled
                ]
                if titled:
                    event.office = titled[0].office
        if (
            cls in TENURE_STARTS
            and event.office is None
            and not alone
            and not hit.rule.requires.get("office_unnamed")
        ):
            # "joined the Politburo", "was elected to the Central Committee": a seat on it
            event.office = seat(self.reader.article, s, s.begin - sent.start_char, hit.trigger)
        if (
            hit.rule.requires.get("body")
            or hit.rule.requires.get("led_body")
            or hit.rule.requires.get("led_post")
        ) and (event.office is None):
            return None
        if hit.rule.requires.get("implied_office") and event.office is None:
            event.office = self._office_left(s, sent, hit)
            if event.office is not None and at_a_ministry(hit.trigger):
                # "replaced A at the Labour Ministry": the post left must be a minister's
                event.office = event.office if "Minister" in event.office.title else None
            department = at_a_department(hit.trigger)
            if event.office is not None and department is not None:
                # "followed at the Treasury by B": the post left must be that department's
                event.office = event.office if department in event.office.title else None
        if (
            hit.rule.requires.get("office")
            or hit.rule.requires.get("implied_office")
            or hit.rule.requires.get("named_office_noun")
        ) and event.office is None:
            return None
        self.tenures_of(s, sent, hit, event)
        self.gapped_offices(s, sent, hit, event)
        self._dated_remnants(s, sent, hit, event)
        self.decree_of(s, sent, hit, event)
        return event

    def _dated_remnants(self, s: Sentence, sent: SpacySpan, hit: Hit, event: EventRecord) -> None:
        """ "A died on 21 April 2005 and B on 23 December 2005": B's own event, on B's date."""
        if hit.trigger.pos_ != "VERB" or not event.affected or event.office is not None:
            return
        for name, phrase in dated_remnants(hit.trigger):
            person = self._person_at(s, sent, name)
            offsets = {self.offset(s, sent, t) for t in phrase}
            dates = [d.date for d in s.dates if d.begin in offsets]
            if person is None or not dates or person in event.affected:
                continue
            self.reader.out.events.append(
                EventRecord(
                    list(event.types),
                    self.reader.span(s),
                    hit.trigger.text,
                    date=dates[0],
                    affected=[person],
                    agents=list(event.agents),
                    at=event.at,
                    rule=f"{hit.rule.id}.gapped",
                )
            )

    def _date_topic(self, s: Sentence, sent: SpacySpan, hit: Hit) -> None:
        """ "The X movement was an attempted coup by A. On 1 May 1923 they … in an abortive
        coup": a coup named again with no one in it is the coup the lead is about; its
        date dates that one when the lead gave none."""
        blocks = self.reader.article.blocks
        lead_end = blocks[0].end if blocks else 0
        topic = next(
            (
                e
                for e in self.reader.out.events
                if e.types[0] == "CoupAttempt" and e.evidence.begin < lead_end
            ),
            None,
        )
        if topic is None or topic.date is not None or hit.trigger.pos_ != "NOUN":
            return
        if blocks[s.block].section != blocks[0].section:
            return  # a coup in another section may be another one
        date = self.date(s, sent, hit)
        if date is not None:
            topic.date = date
            topic.extra_evidence.append(self.reader.span(s))

    def _in_outcome(self, s: Sentence) -> bool:
        """Whether ``s`` is in the result of the article's event infobox."""
        return self.reader.article.blocks[s.block].section == OUTCOME_SECTION
