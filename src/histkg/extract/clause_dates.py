"""The words of a clause and the dates its neighbours give it: a verb joined to the
trigger, a time noun a clause hangs on ("the day on which"), the clauses the trigger's
clause stands in. The base of :class:`histkg.extract.event_dates.EventDating`."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from histkg.extract.grammar import CLAUSE_DEPS
from histkg.extract.mentions import Sentence
from histkg.extract.rules import lemmas_of, words
from histkg.model import Date

#: "before dawn on 13 July": a time of that day, unlike "before his arrest in 1937"
TIMES_OF_DAY = words("times_of_day")


def _before_another_time(token: Token) -> bool:
    """A "before"-phrase naming something other than a time of the same day: its dates
    are when that came, not when the clause's event did. Not "before" of place ("tried
    before the supreme court in June 1927": a court, a body, a crowd)."""
    if token.dep_ != "prep" or token.lower_ != "before":
        return False
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return not any(
        lemmas_of(c) & (TIMES_OF_DAY | BEFORE_WHOM) or c.pos_ == "PROPN" for c in objects
    )


#: what one appears "before": a court, a body, an audience (a place, not a time)
BEFORE_WHOM = words("before_whom")


#: adverbs that put a coordinated verb's event after its head's ("and later shot")
LATER = frozenset({"later", "subsequently", "eventually", "afterwards", "afterward", "finally"})


#: nouns of a span of time a clause can tell what happened in ("the day on which")
TIME_NOUNS = frozenset({"day", "night", "morning", "evening", "afternoon", "date"})

#: prepositions whose phrase sets a time apart from the clause's own
APART = frozenset({"after", "following", "before", "since", "prior"})


def clause_of(token: Token) -> tuple[Token, bool]:
    """The verb (or root) whose clause a date token stands in, and whether an "after",
    "before" … phrase sets it apart on the way there."""
    apart = False
    node = token
    while node.head != node:
        node = node.head
        if node.dep_ == "prep" and node.lower_ in APART:
            apart = True
        if node.pos_ in {"VERB", "AUX"} or node.dep_ in CLAUSE_DEPS:
            return node, apart
    return node, apart


def shares_subject(verb: Token) -> bool:
    """A coordinated verb with no subject of its own and no word that puts it later."""
    return not any(
        c.dep_ in {"nsubj", "nsubjpass"} or (c.dep_ == "advmod" and c.lower_ in LATER)
        for c in verb.children
    )


class ClauseDating:
    """Clause words and neighbours' dates (a mixin of ``EventReader``)."""

    def offset(self, s: Sentence, sent: SpacySpan, token: Token) -> int:
        return s.begin + token.idx - sent.start_char

    def _clause_tokens(self, trigger: Token) -> list[Token]:
        """The trigger's own words: its subtree without the clauses hanging off it."""
        out = []
        stack = [trigger]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(
                c
                for c in t.children
                if (c.dep_ not in CLAUSE_DEPS and not _before_another_time(c))
                # "Before his arrest in 1937, A had resigned": what came after, not when
                # "between March and May 1974": a date coordinated with a date is no clause
                or (c.dep_ == "conj" and c.ent_type_ == "DATE" and t.ent_type_ == "DATE")
                # "(deposed in) a coup led by B in 1966": a participle on a noun describes it
                or (t.pos_ == "NOUN" and c.dep_ == "acl" and c.tag_ == "VBN")
            )
        return out

    def _year_of_joined_verb(self, s: Sentence, sent: SpacySpan, trigger: Token) -> Date | None:
        """ "was tried by a military court and sentenced on 3 March 1951": an undated verb
        and the verb joined to it that shares its subject tell of one time; only the year
        is sure. Not "was arrested and later shot in 1941"."""
        if trigger.pos_ != "VERB" or any(
            (c.dep_ == "prep" and c.lower_ in APART) or (c.dep_ == "advmod" and c.lower_ in LATER)
            for c in trigger.children
        ):
            return None  # "was arrested soon after his execution and shot in 1941"
        for conj in trigger.children:
            if conj.dep_ != "conj" or conj.pos_ != "VERB" or not shares_subject(conj):
                continue
            if conj.left_edge.i == 0 or conj.doc[conj.left_edge.i - 1].lower_ != "and":
                continue  # "…, died on 1 May": a verb hung here by a comma may be another's
            clause = {self.offset(s, sent, t) for t in self._clause_tokens(conj)}
            dated = [d for d in s.dates if d.begin in clause and not d.relative]
            if dated:
                return Date(dated[0].date.iso[:4])
        return None

    def _named_day(self, s: Sentence, sent: SpacySpan, trigger: Token) -> Date | None:
        """ "on 6 July 1955, the day on which A died": a clause on a time noun that follows
        a date says what happened on that date."""
        noun = trigger.head
        if trigger.dep_ != "relcl" or noun.lower_ not in TIME_NOUNS:
            return None
        start = self.offset(s, sent, noun.left_edge)
        own = [d for d in s.dates if d.begin == start and d.relative]
        if own and noun.dep_ == "npadvmod":
            # "and the same day the Regent named A": the parse hangs the clause on the
            # day the phrase names
            return own[0].date
        text = s.text
        for d in s.dates:
            if d.relative or d.end > start:
                continue
            gap = text[d.end - s.begin : start - s.begin]
            if gap.strip() in {",", ""}:
                return d.date
        return None

    def _year_of_enclosing_clause(
        self, s: Sentence, sent: SpacySpan, trigger: Token
    ) -> Date | None:
        """The year of a clause the trigger's clause hangs in, when all such say one year:
        "deposed on 25 November 1973 by A, who installed B as President", "On 5 August
        1948 A was dismissed; B replaced him". Not a date a subordinate clause or an
        "after"/"before" phrase of its own gives ("after his release in 1955, he was
        rehabilitated"), nor when the trigger's clause puts itself later ("and later")."""
        if any(c.dep_ == "advmod" and c.lower_ in LATER for c in trigger.children):
            return None
        enclosing = {trigger}
        node = trigger
        while node.head != node:
            if node.dep_ in {"relcl", "acl"} and node.head.ent_type_ != "PERSON":
                break  # "a history of the coup in which A was killed": the coup's own time
            node = node.head
            enclosing.add(node)
        for head in list(enclosing):  # "A was dismissed on 5 May; B replaced him"
            for c in head.children:
                if c.dep_ in {"ccomp", "parataxis"} and c.i < trigger.i:
                    if any(t.text in {";", ":"} for t in sent.doc[c.right_edge.i : trigger.i]):
                        enclosing.add(c)
        years = set()
        for d in s.dates:
            first = next((t for t in sent if self.offset(s, sent, t) == d.begin), None)
            if first is None:
                continue
            clause, sequence = clause_of(first)
            if clause in enclosing and not sequence:
                years.add(d.date.iso[:4])
        return Date(years.pop()) if len(years) == 1 else None
