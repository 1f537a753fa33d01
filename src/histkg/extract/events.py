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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from histkg.errors import CodedWarning
from histkg.extract.grammar import (
    CLAUSE_DEPS,
    PERSONAL_PRONOUNS,
    Hit,
    expand,
    filler_kind,
    office_complement,
    office_words,
    read_events,
)
from histkg.extract.mentions import Sentence
from histkg.extract.modality import Modality
from histkg.extract.rules import lemmas_of, words
from histkg.lexicon import lexicon
from histkg.model import Date, EventRecord, Mention, OfficeRef, TenureRecord

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
    }
)
#: classes an unnamed group may undergo ("officials were arrested"); a death, an
#: appointment or an election needs a person the sentence names
GROUP_CLASSES = frozenset(
    {"Arrest", "Trial", "Sentencing", "Execution", "Expulsion", "Removal", "Reinstatement"}
)
#: people whose unnamed deaths a political history states ("six generals were killed"),
#: unlike casualties ("civilians", "people", "victims")
POLITICAL_GROUPS = words("political_groups")
TENURE_STARTS = frozenset({"Appointment", "Election"})
TENURE_ENDS = frozenset({"Removal", "Resignation"})
TENURE_HELD = frozenset({"Confirmation", "CoupAttempt"})  # the office its target held
LIFE_OPEN_RE = re.compile(r"\s*\(")
DASH_RE = re.compile(r"[–—-]")
MEETING_VERBS = words("meeting_verbs")
OCCUR_VERBS = words("occur_verbs")
LATER = words("later")
SUPPORTING = words("supporting")
OPPOSING = words("opposing")
#: what a ruler rules: "overthrew A's government" removes A
RULE_NOUNS = words("rule_nouns")
TIME_PREPOSITIONS = words("time_prepositions")
GROUP_HEADS = words("group_heads")
LEADING_VERBS = words("leading_verbs")
DECREE_NOUNS = words("decree_nouns")


@dataclass
class Fillers:
    """The mentions a role's tokens name."""

    persons: list[Mention] = field(default_factory=list)
    orgs: list[Mention] = field(default_factory=list)
    groups: list[Token] = field(default_factory=list)
    other: list[Token] = field(default_factory=list)


class EventReader:
    """Reads one article's sentences with the grammar rules."""

    def __init__(self, reader: ArticleReader) -> None:
        self.reader = reader
        self.last_subject: Mention | None = None
        self.last_subject_at = (-1, -1)  # (block, sentence number) that set it
        self.last_named: dict[int, Mention] = {}  # block -> the person named last in it
        self.titled: dict[int, TenureRecord] = {}

    # --- tokens to mentions -------------------------------------------------------

    def offset(self, s: Sentence, sent: SpacySpan, token: Token) -> int:
        return s.begin + token.idx - sent.start_char

    def _person_at(self, s: Sentence, sent: SpacySpan, token: Token) -> Mention | None:
        at = self.offset(s, sent, token)
        for m in s.persons:
            if m.span.begin <= at < m.span.end and not s.in_quotes(m.span.begin):
                return m
        return None

    def resolve_pronoun(self, s: Sentence, sent: SpacySpan, token: Token) -> Mention | None:
        """ "he", "his", "him": a single person who is the subject earlier in this sentence
        (not of the pronoun's own verb when the pronoun is its object: "A appointed him"),
        else the person a biography is about, else the previous sentence's single subject
        in the same paragraph, else none."""
        if token.lower_ not in PERSONAL_PRONOUNS or token.lower_ in {"they", "them", "their"}:
            return None
        own_verb = token.head if token.dep_ in {"dobj", "dative", "iobj"} else None
        if token.dep_ == "pobj" and token.head.dep_ in {"prep", "agent"}:
            own_verb = token.head.head
        for t in sent:
            if t.i >= token.i:
                break
            if t.dep_ in {"nsubj", "nsubjpass"} and t.head is not own_verb:
                if t.pos_ == "PRON":  # "He served …, when he was overthrown": the same one
                    if t.lower_ in {"he", "she"}:
                        return self.resolve_pronoun(s, sent, t)
                    continue
                found = self._subject_person(s, sent, t)
                if found is not None:
                    return found
        # the person named last before the pronoun, in this sentence or this paragraph
        at = self.offset(s, sent, token)
        before = [m for m in s.persons if m.span.end <= at]
        bound = {
            self.offset(s, sent, c)
            for c in (own_verb.children if own_verb is not None else [])
            if c.dep_ in {"nsubj", "nsubjpass"}
        }
        free = [
            m
            for m in before
            if not any(m.span.begin <= b < m.span.end for b in bound)
            and m.span.begin not in s.possessive  # "after A's downfall, he …": not A
        ]
        if len({m.text.split()[-1] for m in free}) == 1:
            return free[-1]  # "Du Fu, …, but he was captured": the one person named before
        if len({m.text.split()[-1] for m in free}) > 1:
            return None  # two persons named before it: not safe to read
        recent = before[-1] if before else self.last_named.get(s.block)
        subject = self.reader.subject if self.reader.biography else None
        previous = self.last_subject
        if previous is not None and self.last_subject_at != (s.block, self.reader.sentence_no - 1):
            previous = None
        if previous is not None:
            return previous  # the subject of the sentence before goes on being talked of
        if subject is not None and token.i == sent.start and token.dep_ in {"nsubj", "nsubjpass"}:
            return subject  # "He …" opening a sentence of a biography
        if recent is None:
            return subject  # a biography's paragraph that opens with "He …"
        focus = self.reader.subject
        if focus is not None and _same_person(recent, focus):
            return focus  # the article's person, named last
        return None  # someone else was named last: the pronoun is not safe to read

    def _subject_person(self, s: Sentence, sent: SpacySpan, subject: Token) -> Mention | None:
        """The one person a subject names ("A", "One of them, A,"), none for "A and B"."""
        if any(c.dep_ == "conj" for c in subject.children):
            return None
        named = [self._person_at(s, sent, t) for t in expand([subject])]
        persons = [m for m in named if m is not None]
        return persons[0] if len(persons) == 1 else None

    def _track_subject(self, s: Sentence, sent: SpacySpan) -> None:
        """Remember the main clause's subject for the pronouns of the next sentences."""
        root = sent.root
        for child in root.children:
            if child.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            if child.pos_ == "PRON":
                if child.lower_ in {"they", "we"}:
                    self.last_subject = None
                elif self.last_subject is not None and self.last_subject_at == (
                    s.block,
                    self.reader.sentence_no - 1,
                ):
                    self.last_subject_at = (s.block, self.reader.sentence_no)  # "He …" goes on
                return
            if any(c.dep_ == "conj" for c in child.children):
                self.last_subject = None
                return
            found = self._subject_person(s, sent, child)
            if found is not None:
                self.last_subject = found
                self.last_subject_at = (s.block, self.reader.sentence_no)
            return

    def _named_within(self, s: Sentence, sent: SpacySpan, token: Token) -> Mention | None:
        """The person a title's or a group's own phrase names: "Chief of Staff A" (the
        name its of-phrase ends with), "a group … led by A"."""
        for child in token.subtree:
            if child.dep_ == "acl" and lemmas_of(child) & LEADING_VERBS:
                for by in child.children:
                    if by.dep_ == "agent":
                        for obj in by.children:
                            if obj.dep_ == "pobj":
                                return self._person_at(s, sent, obj)
        if token.text in office_words():
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return self._person_at(s, sent, obj)
        return None

    def fillers(self, s: Sentence, sent: SpacySpan, tokens: list[Token]) -> Fillers:
        out = Fillers()
        for token in tokens:
            if token.pos_ == "NOUN" and lemmas_of(token) & RULE_NOUNS:
                # "overthrew A's government": A
                owners = [c for c in token.children if c.dep_ == "poss"]
                if owners and self._person_at(s, sent, owners[0]) is not None:
                    token = owners[0]
            person = self._person_at(s, sent, token)
            if person is None and token.pos_ == "PRON":
                person = self.resolve_pronoun(s, sent, token)
            if person is None and (token.text in office_words() or token.lemma_ in GROUP_HEADS):
                # "dismissed Chief of Staff A", "a group of officers led by A"
                person = self._named_within(s, sent, token)
            if person is not None:
                if person not in out.persons:
                    out.persons.append(person)
                continue
            at = self.offset(s, sent, token)
            org = next((o for o in s.orgs if o.span.begin <= at < o.span.end), None)
            if org is None and self.reader.faction is not None and token.pos_ == "NOUN":
                # "the group", "a faction that …": the faction the article is about
                if token.text in lexicon().faction_words and not any(
                    c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
                    for c in token.children
                ):
                    org = self.reader.faction
            if org is not None:
                out.orgs.append(org)
            elif filler_kind(token) == "group":
                out.groups.append(token)
            else:
                out.other.append(token)
        return out

    # --- dates --------------------------------------------------------------------

    def _clause_tokens(self, trigger: Token) -> list[Token]:
        """The trigger's own words: its subtree without the clauses hanging off it."""
        out = []
        stack = [trigger]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS)
        return out

    def date(self, s: Sentence, sent: SpacySpan, hit: Hit) -> Date | None:
        trigger = hit.trigger
        own = {self.offset(s, sent, t) for t in self._clause_tokens(trigger)}
        dates = [d for d in s.dates if d.begin in own]
        if dates:
            after = [d for d in dates if d.begin > self.offset(s, sent, trigger)]
            return (after or dates)[0].date
        if hit.partner is not None:  # "overthrown in a coup": the coup's date is the removal's
            return self.date(s, sent, hit.partner)
        if trigger.dep_ in {"relcl", "advcl"} and any(
            c.dep_ == "advmod" and c.lower_ == "when" for c in trigger.children
        ):
            # "… until 1974, when he was overthrown": the date the clause hangs on
            at = self.offset(s, sent, trigger)
            earlier = [d for d in s.dates if d.begin < at]
            return earlier[-1].date if earlier else None
        for child in trigger.children:
            # "When A died in May 1921, the regency passed to B": the when-clause's date
            if child.dep_ == "advcl" and any(
                c.dep_ == "advmod" and c.lower_ == "when" for c in child.children
            ):
                inner = {self.offset(s, sent, t) for t in self._clause_tokens(child)}
                inner_dates = [d for d in s.dates if d.begin in inner]
                if inner_dates:
                    return inner_dates[0].date
        verb = None
        if hit.governor is not None and hit.governor is not trigger:
            verb = hit.governor  # "an attempt … to remove A in 1932", "plotted in 1932 to …"
        elif trigger.dep_ == "attr" and lemmas_of(trigger.head) & {"be"}:
            verb = trigger.head  # "X was an attempted removal of A in 1936"
        elif trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB":
            verb = trigger.head  # "won election in 1964", "staged a coup on 3 May"
        elif (
            trigger.pos_ == "NOUN"
            and trigger.dep_ == "pobj"
            and trigger.head.lower_ in TIME_PREPOSITIONS
        ):
            # "became Premier in 1955 after the resignation of A": the clause's date
            verb = trigger.head.head
        elif (
            trigger.pos_ == "NOUN"
            and trigger.dep_ == "nsubj"
            and lemmas_of(trigger.head) & OCCUR_VERBS
        ):
            verb = trigger.head  # "A's arrest followed in 1954"
        if verb is not None and verb.dep_ == "attr" and lemmas_of(verb.head) & {"be"}:
            verb = verb.head  # "X was an attempt … in 1932": the copula's clause holds both
        if verb is not None:
            clause = {self.offset(s, sent, t) for t in self._clause_tokens(verb)}
            dates = [d for d in s.dates if d.begin in clause]
            if dates:
                return dates[0].date
        # "In 1937 A was arrested and shot": a coordinated verb shares the date that
        # opens its head's clause
        head = trigger
        while head.dep_ in {"conj", "xcomp"} and head.head is not head:
            head = head.head
        if head is not trigger or trigger.dep_ == "ROOT":
            # a meeting's date is that of what it decided ("met on 3 May and removed A")
            meeting = bool(lemmas_of(head) & MEETING_VERBS)
            clause = {
                self.offset(s, sent, t)
                for t in self._clause_tokens(head)
                if t.i < head.i or (head is not trigger and meeting)
            }
            shared = [d for d in s.dates if d.begin in clause]
            if shared:
                return shared[-1].date
        root = sent.root
        if root is not trigger and not any(
            t.dep_ in {"relcl", "acl", "ccomp", "pcomp"} for t in [trigger, *trigger.ancestors]
        ):
            # "In 1941, A resigned and B was elected": the date that opens the sentence
            opening = {self.offset(s, sent, t) for t in self._clause_tokens(root) if t.i < root.i}
            dates = [d for d in s.dates if d.begin in opening]
            if dates:
                return dates[-1].date
        return None

    # --- offices ------------------------------------------------------------------

    def office(self, s: Sentence, sent: SpacySpan, hit: Hit) -> OfficeRef | None:
        complement = office_complement(hit.trigger)
        if complement is None:
            # the parse missed it ("resigned as First Secretary and …" read as a clause):
            # an office title right after the verb still names it
            after = self.offset(s, sent, hit.trigger) + len(hit.trigger.text)
            if re.match(r"\s+(?:as|from)\s", self.reader.article.text[after : after + 6]):
                found = self.reader.offices.after(s, after, s.end)
                return found[0] if found else None
            return None
        begin = self.offset(s, sent, complement.left_edge)
        end = self.offset(s, sent, complement.right_edge) + len(complement.right_edge.text)
        if complement.dep_ in {"dobj", "xcomp"}:  # "appointed A B Minister of X"
            begin = self.offset(s, sent, complement)
        found = self.reader.offices.after(s, begin, end, any_case=True)
        return found[0] if found else None

    # --- one sentence ---------------------------------------------------------------

    def read(
        self, s: Sentence, sent: SpacySpan, titled: dict[int, TenureRecord] | None = None
    ) -> list[EventRecord]:
        """The events ``sent`` states; ``titled`` are the tenures its titles name
        ("Premier A"), by the offset of the name."""
        self.titled = titled or {}
        events: list[EventRecord] = self.life_dates(s) if s.index == 0 else []
        read: list[tuple[Hit, EventRecord]] = []
        for hit in read_events(sent):
            event = self._event(s, sent, hit)
            if event is not None:
                events.append(event)
                read.append((hit, event))
        self._successions(s, read)
        self._track_subject(s, sent)
        if s.persons:
            self.last_named[s.block] = s.persons[-1]
        return events

    def _successions(self, s: Sentence, read: list[tuple[Hit, EventRecord]]) -> None:
        """ "A became Premier after the resignation of B": B held the office before A."""
        for hit, event in read:
            if event.types[0] not in TENURE_STARTS or event.office is None:
                continue
            for other_hit, other in read:
                if other.types[0] not in TENURE_ENDS | {"Death"} or other is event:
                    continue
                if other_hit.trigger.head.head != hit.trigger or not other.affected:
                    continue
                before = other.affected[0]
                titled = self.titled.get(before.span.begin)
                if titled is not None and titled.office.title != event.office.title:
                    continue
                other.office = other.office or event.office
                for tenure in self.reader.out.tenures:
                    if tenure.started_by is event:
                        tenure.predecessor = before
                ended = TenureRecord(before, event.office, self.reader.span(s), rule=hit.rule.id)
                ended.end, ended.ended_by = other.date, other
                ended.successor = event.affected[0] if event.affected else None
                self.reader.out.tenures.append(ended)

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
        if hit.modality not in {Modality.STATED, Modality.ATTEMPTED}:
            self._warn(s, sent, hit, hit.modality.value)
            return None
        if not cls:  # an attempt at something that is not itself an event class
            self._warn(s, sent, hit, "an attempt")
            return None
        affected = self.fillers(s, sent, hit.fillers("affected"))
        agents = self.fillers(s, sent, hit.fillers("agent"))
        # "the trial began": stated, no one named; not "trials of the equipment began" or
        # "sea trials": a trial of something, or of a kind, is no court's
        occurs = bool(hit.fillers("occurrence")) and not any(
            c.dep_ in {"compound", "prep"} for c in hit.trigger.children
        )
        if (cls in NEEDS_AFFECTED or hit.fillers("affected")) and not occurs and not hit.partner:
            # the role names something that is not a person ("the plan was executed"); a
            # group without names ("officials were arrested") states only acts of power
            # a group without names counts only when it is one of politics ("officials
            # were arrested", "six generals were killed"), never "people" or "civilians"
            political = [t for t in affected.groups if lemmas_of(t) & POLITICAL_GROUPS]
            if not affected.persons and not (political and cls in GROUP_CLASSES | {"Death"}):
                return None
        if (
            cls == "CoupAttempt"
            and hit.partner is None
            and not (affected.persons or agents.persons or agents.orgs or agents.groups)
        ):
            return None
        if cls == "Meeting":
            met = self.fillers(s, sent, hit.fillers("participant"))
            political = [t for t in met.groups if lemmas_of(t) & POLITICAL_GROUPS]
            if not met.persons or not (political or met.orgs):
                return None  # a session with a body or people in office, not two people
        if cls == "Decree" and not (agents.persons or agents.orgs):
            return None  # a decree is stated with who issued it
        event = EventRecord(
            [cls],
            self.reader.span(s),
            hit.trigger.text,
            at=self.offset(s, sent, hit.trigger),
            rule=hit.rule.id,
        )
        event.affected = affected.persons
        event.agents = agents.persons or agents.orgs[:1]
        event.participants = self.fillers(s, sent, hit.fillers("participant")).persons
        if hit.outcome:
            event.outcome = hit.outcome
        event.date = self.date(s, sent, hit)
        organization = self.fillers(s, sent, hit.fillers("organization"))
        if organization.orgs:
            event.organization = organization.orgs[0]
        if cls in TENURE_STARTS | TENURE_ENDS | TENURE_HELD:
            office = self.office(s, sent, hit)
            if office is not None:
                event.office = office
            elif cls in TENURE_ENDS:
                # "Premier A was forced to retire": the office is the title before the name
                titled = [
                    self.titled[m.span.begin] for m in event.affected if m.span.begin in self.titled
                ]
                if titled:
                    event.office = titled[0].office
        if hit.rule.requires.get("office") and event.office is None:
            return None
        self._tenures(s, sent, hit, event)
        self._decree(s, sent, hit, event)
        return event

    def _tenures(self, s: Sentence, sent: SpacySpan, hit: Hit, event: EventRecord) -> None:
        """An appointment or election to an office begins a tenure; a removal or
        resignation from one ends it; a succession ends the predecessor's."""
        office = event.office
        if office is None:
            return
        cls = event.types[0]
        predecessors = self.fillers(s, sent, hit.fillers("predecessor")).persons
        for person in event.affected:
            tenure = TenureRecord(person, office, self.reader.span(s), rule=hit.rule.id)
            if cls in TENURE_STARTS:
                tenure.start, tenure.started_by = event.date, event
                if predecessors:
                    tenure.predecessor = predecessors[0]
            elif cls in TENURE_HELD:
                tenure.attested = event.date
            else:
                tenure.end, tenure.ended_by = event.date, event
            self.reader.out.tenures.append(tenure)
        for old in predecessors:
            before = TenureRecord(old, office, self.reader.span(s), rule=hit.rule.id)
            before.end = event.date
            before.successor = event.affected[0] if event.affected else None
            self.reader.out.tenures.append(before)

    def _decree(self, s: Sentence, sent: SpacySpan, hit: Hit, event: EventRecord) -> None:
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


def _same_person(a: Mention, b: Mention) -> bool:
    """Two mentions of one person in an article: the same name or the same family name."""
    return a.text == b.text or a.text.split()[-1] == b.text.split()[-1]
