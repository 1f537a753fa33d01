"""When an event took place, from the clause that states it.

In order: a date in the trigger's own clause; the removal's date for the coup that did
it; the date a "when"-clause hangs on, or the when-clause's own date; the clause of the
attempt or copula that governs the trigger, of the verb a noun trigger is the object or
subject of ("won election in 1964", "his arrest followed in 1954"), of the verb a
"after/following X" phrase hangs on; a meeting's date for what it decided; the date that
opens the sentence.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from histkg.extract.clause_dates import (
    LATER,
    ClauseDating,
    clause_of,
    shares_subject,
)
from histkg.extract.hits import Hit
from histkg.extract.mentions import Sentence
from histkg.extract.modality import not_until
from histkg.extract.requirements import governing_verb
from histkg.extract.rules import grammar, lemmas_of, words
from histkg.extract.subjects import causative_verb
from histkg.model import Date
from histkg.parse.dates import DateMention

MEETING_VERBS = words("meeting_verbs")
#: bodies a text may name by their common noun ("the junta", "the court")
INSTITUTIONS = words("institution_nouns")
#: verbs of a meeting taking place ("the congress opened on 4 March")
SCENE_VERBS = words("scene_verbs")
OCCUR_VERBS = words("occur_verbs") | SCENE_VERBS
TIME_PREPOSITIONS = words("time_prepositions")
LIGHT_VERBS = words("light_verbs")
BOUND_PREPOSITIONS = words("bound_prepositions")
VERDICT_NOUNS = words("verdict_nouns")


#: prepositions that put a noun's event before the clause's ("after his death, A was
#: arrested on 3 May"): only the clause's year is the event's
SEQUENCE = frozenset({"after", "following"})

#: verbs of a decision, dated by the infinitive that says what was decided
DECIDING = frozenset({"vote", "decide", "resolve"})


def _relative_clauses(noun: Token) -> list[Token]:
    """The relative clauses on an event noun: on the noun itself, or, as the parse may
    hang them, on its of-object when their pronoun is "which" ("the trial of A, which
    began on 3 May")."""
    if noun.pos_ != "NOUN":
        return []
    out = [c for c in noun.children if c.dep_ == "relcl"]
    for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (o for o in of.children if o.dep_ == "pobj"):
            out += [
                c
                for c in obj.children
                if c.dep_ == "relcl" and any(w.lower_ == "which" for w in c.children)
            ]
    return out


def _in_which_event(verb: Token) -> bool:
    """ "a coup in which A was killed", "the fighting during which B died": a clause on
    a noun of an upheaval (``[coup] nouns`` and ``upheavals`` of data/grammar.toml) that
    happened in it."""
    nouns = grammar().coup_nouns | words("upheavals")
    noun = verb.head
    if not lemmas_of(noun) & nouns and noun.lower_ not in nouns:
        return False
    if noun.dep_ == "dobj" and not lemmas_of(noun.head) & grammar().attempt_makers:
        return False  # "wrote a history of the coup in which …": not the coup's own clause
    if noun.dep_ not in {"dobj", "nsubj", "nsubjpass"}:
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in {"in", "during"}
        and any(o.lower_ == "which" for o in c.children)
        for c in verb.children
    )


def _controlling(trigger: Token) -> list[Token]:
    """The trigger and the verbs that govern it as an infinitive ("was chosen to succeed
    him", "was forced to resign")."""
    out = [trigger]
    while out[-1].dep_ == "xcomp" and out[-1].head != out[-1]:
        out.append(out[-1].head)
    return out


def _marked(verb: Token) -> bool:
    """Whether a clause opens with its own conjunction ("after seizing", "before leaving")."""
    return any(c.dep_ in {"mark", "advmod"} and c.i < verb.i for c in verb.children)


#: what says a short while ("shortly before", "two days before", "the night before")
SHORT_WHILE = frozenset(
    {"shortly", "just", "minute", "hour", "day", "night", "evening", "morning", "week", "eve"}
)


#: nouns and verbs of a charge: what they are "for" is what the accused is said to have done
CHARGING = frozenset(
    {"trial", "try", "charge", "convict", "sentence", "indict", "accuse", "prosecute"}
)


def _at_a_distance(trigger: Token) -> bool:
    """ "printed in 1965, four years after his death": a noun some time away from the
    clause, which does not date it."""
    if trigger.dep_ != "pobj" or trigger.head.lower_ not in {"after", "before"}:
        return False
    return any(
        c.dep_ == "npadvmod" and any(n.dep_ == "nummod" for n in c.children)
        for c in trigger.head.children
    )


def _charged_with(trigger: Token) -> bool:
    """ "the trial of ten people for A's murder", "convicted of B's killing": the deed
    charged, not done when the trial was."""
    prep = trigger.head
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj" or prep.lower_ not in {"for", "of", "with"}:
        return False
    for above in [prep.head, *prep.head.ancestors][:3]:  # "the trial of ten people for …"
        if lemmas_of(above) & CHARGING:
            return True
        if above.pos_ in {"VERB", "AUX"}:
            break
    return False


class EventDating(ClauseDating):
    """The date of a hit (a mixin of ``EventReader``: it needs ``offset``)."""

    #: every date of the sentence being dated, bounds included ("until 1974, when …"),
    #: set by :meth:`date`
    anchors: list[DateMention]

    def _bound(self, s: Sentence, sent: SpacySpan, begin: int, end: int) -> bool:
        """Whether the date at ``begin:end`` is a bound ("died after 1184", "by 1950"), not
        when: the date is the object of such a preposition itself (not of "by a decree")."""
        inside = [t for t in sent if begin <= self.offset(s, sent, t) < end]
        heads = [t for t in inside if t.head not in inside or t.head == t]
        return any(t.dep_ == "pobj" and t.head.lower_ in BOUND_PREPOSITIONS for t in heads[:1])

    def _describes_a_noun(self, s: Sentence, sent: SpacySpan, begin: int) -> bool:
        """Whether the date at ``begin`` stands in parentheses right after a noun or a
        name: a lifespan or an office's years ("A (1890–1950)", "war minister (1938)"),
        not when anything in the clause happened."""
        before = [t for t in sent if self.offset(s, sent, t) < begin]
        depth = 0
        for t in reversed(before):
            if t.text == ")":
                depth += 1
            elif t.text == "(":
                if depth == 0:
                    return t.i > sent.start and t.nbor(-1).pos_ in {"NOUN", "PROPN"}
                depth -= 1
        return False

    def dates_under(
        self,
        s: Sentence,
        sent: SpacySpan,
        token: Token,
        but: Token | None = None,
        relative: bool = False,
    ) -> list[Date]:
        """The dates in the phrase ``token`` heads, leaving out the phrase ``but`` heads:
        those written out, and with ``relative`` those that take their year from the text
        around ("on 13 August")."""
        offsets = {self.offset(s, sent, t) for t in token.subtree}
        if but is not None:
            offsets -= {self.offset(s, sent, t) for t in but.subtree}
        return [d.date for d in s.dates if d.begin in offsets and (relative or not d.relative)]

    def _dated_participle(self, s: Sentence, sent: SpacySpan, noun: Token) -> Token | None:
        """A participle describing ``noun`` that has a date of its own ("the Code,
        promulgated on 13 August"; not "held jointly with …")."""
        for c in noun.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and self.dates_under(s, sent, c, relative=True):
                return c
        return None

    def date(self, s: Sentence, sent: SpacySpan, hit: Hit) -> Date | None:
        bounds = [
            d
            for d in s.dates
            if self._bound(s, sent, d.begin, d.end) or self._describes_a_noun(s, sent, d.begin)
        ]
        self.anchors = s.dates  # "until 1974, when he was overthrown": a bound anchors a when
        if not bounds:
            return self._date(s, sent, hit)
        kept = s.dates
        s.dates = [d for d in s.dates if d not in bounds]
        try:
            return self._date(s, sent, hit)
        finally:
            s.dates = kept

    def _shortly_before(self, s: Sentence, sent: SpacySpan, trigger: Token) -> Date | None:
        """ "Two days before the election of 3 May 1950, A was arrested": the year of what
        came a short while after (not "Before his arrest in 1937, A had resigned")."""
        for prep in trigger.children:
            if prep.dep_ != "prep" or prep.lower_ != "before":
                continue
            if not any(
                c.dep_ in {"advmod", "npadvmod"} and lemmas_of(c) & SHORT_WHILE
                for c in prep.children
            ):
                continue
            dates = self.dates_under(s, sent, prep)
            if dates:
                return Date(dates[0].iso[:4])
        return None

    def _date(self, s: Sentence, sent: SpacySpan, hit: Hit, depth: int = 0) -> Date | None:
        trigger = hit.trigger
        until = not_until(trigger)
        if until is not None:  # "was not rehabilitated until May 1968": then
            inside = {self.offset(s, sent, t) for t in until.subtree}
            return next((d.date for d in self.anchors if d.begin in inside), None)
        if _at_a_distance(trigger) or _charged_with(trigger):
            return None  # "two years after his death", "tried for A's murder in 2021"
        own = {self.offset(s, sent, t) for t in self._clause_tokens(trigger)}
        dates = [d for d in s.dates if d.begin in own]
        if dates:
            after = [d for d in dates if d.begin > self.offset(s, sent, trigger)]
            return (after or dates)[0].date
        shortly = self._shortly_before(s, sent, trigger)
        if shortly is not None:
            return shortly
        for relative in _relative_clauses(trigger):
            # "A's trial, which opened on 3 May 1950, …": when it happened, said of it
            if lemmas_of(relative) & OCCUR_VERBS:
                inner = {self.offset(s, sent, t) for t in self._clause_tokens(relative)}
                dated = [d for d in s.dates if d.begin in inner]
                if dated:
                    return dated[0].date
        if trigger.dep_ == "pobj" and trigger.head.lower_ in {"until", "till"}:
            return None  # "governed from 1955 until his death": the end, not the clause's date
        if lemmas_of(trigger) & DECIDING:
            # "voted to expel A in 1952": the decision is dated by what it decided
            for child in trigger.children:
                if child.dep_ == "xcomp":
                    inner = {self.offset(s, sent, t) for t in child.subtree}
                    decided = [d for d in s.dates if d.begin in inner]
                    if decided:
                        return decided[0].date
        if hit.partner is not None and depth == 0:
            found = self._date(s, sent, hit.partner, 1)  # "overthrown in a coup": the same date
            if found is not None:
                return found
        if hit.via is not None and depth == 0:
            found = self._date(s, sent, hit.via, 1)  # "led a coup on 3 May that overthrew A"
            if found is not None:
                return found
        if trigger.dep_ == "conj" and lemmas_of(trigger) & {"succeed", "replace"}:
            # "resigned on 3 May and was succeeded by B": a succession is when the end was
            joined = {self.offset(s, sent, t) for t in self._clause_tokens(trigger.head)}
            dated = [d for d in s.dates if d.begin in joined]
            if dated:
                return dated[0].date
        named = self._named_day(s, sent, trigger)
        if named is not None:
            return named
        if trigger.dep_ in {"relcl", "advcl"} and any(
            c.dep_ == "advmod" and c.lower_ == "when" for c in trigger.children
        ):
            # "… until 1974, when he was overthrown": the date the clause hangs on
            at = self.offset(s, sent, trigger)
            earlier = [d for d in self.anchors if d.begin < at and not d.relative]
            return earlier[-1].date if earlier else None
        for child in (c for v in _controlling(trigger) for c in v.children):
            # "When A died in May 1921, the regency passed to B": the when-clause's date;
            # "When A was dismissed in 1953, B was chosen to succeed him": also of the verb
            # that governs the trigger; "was shot while resisting arrest in 1922": a
            # while-clause is the same time
            if child.dep_ == "advcl" and any(
                (c.dep_ == "advmod" and c.lower_ == "when")
                or (c.dep_ == "mark" and c.lower_ == "while")
                for c in child.children
            ):
                inner = {self.offset(s, sent, t) for t in self._clause_tokens(child)}
                inner_dates = [d for d in s.dates if d.begin in inner]
                if inner_dates:
                    return inner_dates[0].date
        if (
            trigger.dep_ == "relcl"
            and (
                any(c.dep_ == "advmod" and c.lower_ == "where" for c in trigger.children)
                or _in_which_event(trigger)
            )
            and not any(c.lower_ in LATER for c in trigger.children)
        ):
            # "On 30 June he flew to the hotel, where he arrested A": the visit's date
            outer = next((a for a in trigger.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            while outer is not None:  # "flew … and drove to B, where": up the coordination
                clause = {self.offset(s, sent, t) for t in self._clause_tokens(outer)}
                dates = [d for d in s.dates if d.begin in clause]
                if dates:
                    return dates[0].date
                outer = outer.head if outer.dep_ == "conj" else None
        for before in (c for c in trigger.children if c.dep_ == "ccomp" and c.i < trigger.i):
            # "The verdicts were delivered on 25 January: A was sentenced to death"
            if any(
                c.dep_ in {"nsubj", "nsubjpass"} and lemmas_of(c) & VERDICT_NOUNS
                for c in before.children
            ):
                inner = {self.offset(s, sent, t) for t in self._clause_tokens(before)}
                inner_dates = [d for d in s.dates if d.begin in inner]
                if inner_dates:
                    return inner_dates[0].date
        verb = None
        if hit.governor is not None and hit.governor != trigger:
            verb = hit.governor  # "an attempt … to remove A in 1932", "plotted in 1932 to …"
        elif trigger.dep_ == "attr" and lemmas_of(trigger.head) & {"be"}:
            verb = trigger.head  # "X was an attempted removal of A in 1936"
        elif (
            trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" and lemmas_of(trigger.head) & {"be"}
        ):
            verb = trigger.head  # "The trial of A was a secret trial held in June 1931"
        elif (
            trigger.pos_ in {"NOUN", "PROPN"}
            and trigger.dep_ in {"dobj", "nsubjpass"}
            and trigger.head.pos_ == "VERB"
        ):
            verb = trigger.head  # "won election in 1964", "the law was passed on 3 May"
        elif (causative := causative_verb(trigger)) is not None:
            verb = causative  # "In May 1911 A had B arrested": the causative's date
        elif (described := self._dated_participle(s, sent, trigger)) is not None:
            verb = described  # "The Code, promulgated on 13 August, …": the participle's date
        elif (
            trigger.pos_ == "NOUN"
            and trigger.dep_ == "pobj"
            and lemmas_of(trigger.head.head) & LIGHT_VERBS
        ):
            verb = trigger.head.head  # "was put on trial in 1972", "placed under arrest on 3 May"
        elif (
            trigger.pos_ == "NOUN"
            and trigger.dep_ == "pobj"
            and trigger.head.lower_ in TIME_PREPOSITIONS
        ):
            # "became Premier in 1955 after the resignation of A": the clause's date
            verb = trigger.head.head
        elif (
            trigger.pos_ in {"NOUN", "PROPN"}
            and trigger.dep_ == "nsubj"
            and lemmas_of(trigger.head) & OCCUR_VERBS
        ):
            verb = trigger.head  # "A's arrest followed in 1954"
        if verb is not None and verb is hit.governor and verb.pos_ == "NOUN":
            # "bombed the palace in 1962 in an attempt to kill A": the attempt's verb
            verb = next((a for a in verb.ancestors if a.pos_ in {"VERB", "AUX"}), verb)
        if verb is not None and verb.dep_ == "attr" and lemmas_of(verb.head) & {"be"}:
            verb = verb.head  # "X was an attempt … in 1932": the copula's clause holds both
        if verb is not None:
            clause = {self.offset(s, sent, t) for t in self._clause_tokens(verb)}
            dates = [d for d in s.dates if d.begin in clause]
            if dates and trigger.dep_ == "pobj" and trigger.head.lower_ in SEQUENCE:
                # "after his death, A was arrested on 6 October 1934": earlier, not that day
                return Date(dates[0].date.iso[:4])
            objects_before = [c for c in verb.children if c.dep_ == "dobj" and c.i < trigger.i]
            if dates and trigger.dep_ == "dobj" and objects_before:
                # "signed a treaty in January and, on 25 March, an agreement": the date
                # between the two objects is the second's
                since = self.offset(s, sent, objects_before[-1])
                between = [d for d in dates if since < d.begin < self.offset(s, sent, trigger)]
                if between:
                    return between[-1].date
            if dates:
                return dates[0].date
        # "In 1937 A was arrested and shot": a coordinated verb shares the date that
        # opens its head's clause
        head = trigger
        participle = False
        while (
            head.dep_ in {"conj", "xcomp"}
            or (head.dep_ == "advcl" and head.tag_ == "VBG" and not _marked(head))
        ) and head.head != head:
            # "seized power on 4 July, deposing A": a participle shares its head's date
            participle = participle or head.dep_ == "advcl"
            head = head.head
        if participle:
            clause = {self.offset(s, sent, t) for t in self._clause_tokens(head)}
            shared = [d for d in s.dates if d.begin in clause]
            if shared:
                return shared[-1].date
        if head != trigger or trigger.dep_ == "ROOT":
            # a meeting's date is that of what it decided ("met on 3 May and removed A")
            meeting = bool(lemmas_of(head) & MEETING_VERBS)
            clause = {
                self.offset(s, sent, t)
                for t in self._clause_tokens(head)
                if t.i < head.i or (head != trigger and meeting)
            }
            shared = [d for d in s.dates if d.begin in clause]
            if shared:
                return shared[-1].date
        if head != trigger and trigger.dep_ == "conj" and shares_subject(trigger):
            # "was tried in 1972 and sentenced to death": one subject, one year; not
            # "arrested in 1937 and later shot", not "arrested on 2 May and sentenced" (a
            # day or a month is the head's own)
            clause = {self.offset(s, sent, t) for t in self._clause_tokens(head)}
            shared = [d for d in s.dates if d.begin in clause]
            if shared and len(shared[0].date.iso) == 4:
                return shared[0].date
        if (
            head != trigger
            and trigger.dep_ == "conj"
            and any(c.dep_ in {"nsubj", "nsubjpass"} for c in trigger.children)
            and not any(c.dep_ == "advmod" and c.lower_ in LATER for c in trigger.children)
            and any(c.dep_ == "cc" and c.lower_ == "and" for c in trigger.head.children)
        ):
            # "A admitted in March 1955 that …, and B was rehabilitated": a clause joined
            # by "and" tells of the same time; only the year is sure
            clause = {self.offset(s, sent, t) for t in self._clause_tokens(head)}
            shared = [d for d in s.dates if d.begin in clause]
            if shared:
                return Date(shared[0].date.iso[:4])
        root = sent.root
        if root != trigger and not any(
            t.dep_ in {"relcl", "acl", "ccomp", "pcomp"} for t in [trigger, *trigger.ancestors]
        ):
            # "In 1941, A resigned and B was elected": the date that opens the sentence
            opening = {
                self.offset(s, sent, t)
                for t in self._clause_tokens(root)
                if t.i < root.i and not clause_of(t)[1]  # not "After his release in 1955, …"
            }
            dates = [d for d in s.dates if d.begin in opening]
            if dates:
                return dates[-1].date
        by_joined = self._year_of_joined_verb(s, sent, trigger)
        if by_joined is not None:
            return by_joined
        return self._year_of_enclosing_clause(s, sent, trigger)

    def dated_scene(self, s: Sentence, sent: SpacySpan, noun: Token) -> bool:
        """Whether a meeting's noun is dated as taking place: a date in its own phrase ("the
        congress of 4 March 1921"), or in the clause of a verb of its taking place ("the
        congress opened on 4 March", "a conference was held in May 1950")."""
        if self.dates_under(s, sent, noun):
            return True
        verb = noun.head
        takes_place = (noun.dep_ == "nsubj" and lemmas_of(verb) & SCENE_VERBS) or (
            noun.dep_ == "nsubjpass" and lemmas_of(verb) & {"hold", "convene", "call", "open"}
        )
        if not takes_place:
            return False
        return bool(self.dates_under(s, sent, verb, but=noun))

    def dated_alone(self, s: Sentence, sent: SpacySpan, hit: Hit) -> bool:
        """Whether a decree no one named issued (a passive, or a body named by its common
        noun: "the junta dissolved the parliament") has its date in its sentence ("A new
        press law was passed in March 1931", "On 25 March …, and the mutineers were
        amnestied"), not a date carried from the sentences before."""
        verb = hit.trigger
        if hit.trigger.pos_ in {"NOUN", "PROPN"}:
            governed = set(hit.rule.requires.get("governed_by", ()))
            verb = governing_verb(hit.trigger, governed) or hit.trigger.head
        participle = verb.dep_ == "acl" and verb.tag_ == "VBN"  # "The Code, promulgated on …"
        # "In 1950 the junta dissolved the parliament": a body named by its common noun
        unnamed_body = any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and lemmas_of(c) & INSTITUTIONS
            for c in verb.children
        )
        if not (participle or unnamed_body) and not any(c.dep_ == "auxpass" for c in verb.children):
            return False
        if self.dates_under(s, sent, verb):
            return self.date(s, sent, hit) is not None  # not a bound ("ruled until 1990")
        # a date this sentence gives, shared by a clause joined to its own
        return bool(s.dates) and verb.dep_ == "conj" and self.date(s, sent, hit) is not None
