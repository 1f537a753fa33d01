"""Whether a sentence states an event: negated, attempted, alleged or hypothetical.

The trigger's own words ("not", "allegedly", "would") and the words that govern it up
to its clause ("tried to", "an attempt to", "accused of", "ordered to") decide; an
attempt keeps the word that makes it one, so the attempt's maker and date can be read.
"""

from __future__ import annotations

from enum import Enum

from lemminflect import getInflection
from spacy.tokens import Token

from histkg.extract.rules import grammar, lemmas_of, words

RELATIVE_PRONOUNS = frozenset({"who", "whom", "that", "which"})
#: a phrase of time or circumstance sets its event in the background of the clause, it
#: is not what the clause's verb claims or attempts ("Following his arrest, he wrote …")
ADJUNCT_PREPOSITIONS = words("adjunct_prepositions")
NEAR_MISSES = words("near_misses")


class Modality(Enum):
    """How the sentence states an event."""

    STATED = "stated"
    NEGATED = "negated"
    ATTEMPTED = "attempted"
    ALLEGED = "alleged"
    HYPOTHETICAL = "hypothetical"
    NARRATIVE = "told in the present tense (a plot summary)"


def across_semicolon(token: Token) -> bool:
    """Whether a semicolon stands between a clause and the word the parser hangs it on."""
    head = token.head
    if token.dep_ not in {"ccomp", "conj", "advcl"} or head.pos_ not in {"VERB", "AUX"}:
        return False
    low, high = sorted((token.i, head.i))
    return any(t.text == ";" for t in token.doc[low + 1 : high])


def _ancestors_in_clause(token: Token) -> list[Token]:
    """The words that govern ``token`` up to its clause: controlling verbs ("tried to
    arrest"), nouns that take it as a complement ("an attempt to remove"), prepositions
    ("accused of plotting")."""
    g = grammar()
    out = []
    t = token
    if t.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        out.append(t.head)  # "a plot to oust A": the infinitive is the noun's content
        t = t.head
    while (
        t.head != t
        and not (t.dep_ == "prep" and t.lower_ in ADJUNCT_PREPOSITIONS)
        and t.dep_
        in {
            "xcomp",
            "acl",
            "pcomp",
            "pobj",
            "prep",
            "ccomp",
            "advcl",
            "dobj",
            "nsubj",
            "nsubjpass",
            "conj",
            "amod",
            "compound",
            "attr",
            "oprd",
            "acomp",
        }
    ):
        if across_semicolon(t):
            break  # "A was tried …; he was not executed": two sentences, not one clause
        if t.dep_ == "conj" and t.head.pos_ == t.pos_:
            # a coordinated verb shares its head's governors, not the head itself
            t = t.head
            continue
        t = t.head
        out.append(t)
        if t.dep_ in {"ROOT"} or len(out) > 6:
            break
        if t.pos_ in {"NOUN", "PROPN"} and not lemmas_of(t) & (g.attempt | g.allege):
            break  # "a justification for A's removal": the removal is presupposed
    return out


#: words that open a clause of time or cause, stated whatever its main clause attempts
TIME_MARKS = frozenset(
    {"when", "after", "before", "as", "while", "since", "once", "until", "because", "whereupon"}
)


def _time_adjunct(t: Token) -> bool:
    """A clause of time or cause ("When A resigned, …", "after B was arrested") or a
    fronted participle ("Expelled from the party, A tried to …"): what it tells happened,
    whatever the clause it hangs on wants or attempts."""
    if t.dep_ != "advcl":
        return False
    if any(c.dep_ in {"mark", "advmod"} and c.lower_ in TIME_MARKS for c in t.children):
        return True
    bare = not any(c.dep_ in {"mark", "nsubj", "nsubjpass", "aux", "auxpass"} for c in t.children)
    return bare and t.tag_ == "VBN" and t.i < t.head.i


def attempt_agents(trigger: Token, governor: Token) -> list[Token]:
    """Who made an attempt: "an attempt led by A", "A's plot", "A joined the plot",
    "A tried to …"."""
    g = grammar()
    path = [trigger, *_ancestors_in_clause(trigger)]
    path = path[: path.index(governor) + 1] if governor in path else path
    for t in path:
        for c in t.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and t.pos_ == "NOUN"):
                found = [gc for gc in c.children if gc.dep_ == "pobj"]
                if found:
                    return found
    poss = [c for c in governor.children if c.dep_ == "poss"]
    if poss:
        return poss
    subjects = [c for c in governor.children if c.dep_ == "nsubj"]
    if governor.pos_ == "VERB" and subjects:
        return subjects
    head = governor.head
    if governor.dep_ in {"dobj", "attr"} and lemmas_of(head) & g.attempt_makers:
        return [c for c in head.children if c.dep_ == "nsubj"]
    return []


def _past_form(verb: Token) -> bool:
    """Whether a verb the model tagged present is written as its past form ("the members
    decreed the arrest of A": "decreed" after a plural subject, read as present)."""
    text = verb.lower_
    if not text.endswith("ed"):
        return False
    return any(getInflection(lemma, "VBD") == (text,) for lemma in lemmas_of(verb))


def not_until(trigger: Token) -> Token | None:
    """ "A was not rehabilitated until May 1968": a negated verb with an "until"-phrase
    of a date states the event, on that date; the "until" preposition, if so."""
    if not any(c.dep_ == "neg" for c in trigger.children):
        return None
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in {"until", "till"}:
            if any(t.like_num and len(t.text) == 4 for t in prep.subtree):
                return prep  # a date with its year ("until early May" is not one)
    return None


def modality(trigger: Token) -> tuple[Modality, str | None, Token | None]:
    """Whether the sentence states the event, denies it, tells of an attempt (and the
    word that makes it one) or a claim."""
    g = grammar()
    children = list(trigger.children)
    if trigger.pos_ in {"VERB", "AUX"} and (
        (trigger.tag_ in {"VBZ", "VBP"} and not _past_form(trigger))
        or any(c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in children)
    ):
        # "Ezra resigns", "they are prosecuted": a story, not a history ("has been
        # arrested" is a past event)
        return Modality.NARRATIVE, None, None
    if trigger.pos_ in {"NOUN", "PROPN"}:
        verb = next((a for a in trigger.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if (
            verb is not None
            and verb.tag_ in {"VBZ", "VBP"}
            and verb.dep_ == "ROOT"
            and not _past_form(verb)
        ):
            return Modality.NARRATIVE, None, None  # "rumours of A's capture begin to spread"
    if (
        (any(c.dep_ == "neg" for c in children) and not_until(trigger) is None)
        or any(c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in children)
        or any(c.dep_ == "advmod" and c.lower_ in NEAR_MISSES for c in children)
    ):
        return Modality.NEGATED, None, None  # "was not arrested", "nearly died"
    if any(c.dep_ == "aux" and c.lower_ in g.hypothetical for c in children):
        return Modality.HYPOTHETICAL, None, None
    if any(c.dep_ == "advmod" and c.lower_ in g.hedges for c in children):
        return Modality.ALLEGED, None, None
    if trigger.pos_ != "VERB":
        amods = {c.lower_ for c in children if c.dep_ in {"amod", "compound"}}
        if amods & g.noun_attempt:
            failed = "failed" if amods & g.failed else None
            return Modality.ATTEMPTED, failed, trigger
    if (
        trigger.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        and trigger.dep_ in {"ROOT", "advcl", "ccomp"}
    ):
        # a bare "to"-infinitive is a purpose or a plan, not a deed
        return Modality.HYPOTHETICAL, None, None
    if _according(trigger):
        return Modality.ALLEGED, None, None
    adjunct = False  # above a clause of time or cause, only a claim still counts
    below = trigger
    for gov in _ancestors_in_clause(trigger):
        lemmas = lemmas_of(gov)
        gov_children = list(gov.children)
        adjunct = adjunct or _time_adjunct(below)
        below = gov
        if adjunct:
            # "When A resigned, B asked C to …": the when-clause is stated, whatever B
            # asks; "He claimed that …, since A had been executed": still a claim
            if lemmas & g.allege:
                return Modality.ALLEGED, None, None
            continue
        if any(c.dep_ == "neg" for c in gov_children) or lemmas & g.averted:
            return Modality.NEGATED, None, None  # "did not order A's arrest", "escaped arrest"
        if lemmas & g.allege or any(
            c.dep_ == "advmod" and c.lower_ in g.hedges for c in gov_children
        ):
            return Modality.ALLEGED, None, None
        # "was tried" is a trial; "was obsessed with", "was expected to" are wishes
        passive = "try" in lemmas and any(c.dep_ == "auxpass" for c in gov_children)
        if (lemmas & g.attempt and not passive) or gov.lower_ in g.noun_attempt:
            outcome = None
            words = lemmas | {c.lower_ for c in gov_children}
            words |= {t.lower_ for t in trigger.sent}
            if words & g.failed:
                outcome = "failed"
            return Modality.ATTEMPTED, outcome, gov
        if lemmas & g.commanding and trigger.pos_ == "NOUN" and trigger.head == gov:
            if trigger.dep_ == "dobj":
                continue  # "ordered the arrest of A": the arrest it caused
        if lemmas & g.directive:
            return Modality.HYPOTHETICAL, None, None
        if (
            any(c.dep_ == "aux" and c.lower_ in g.hypothetical for c in gov_children)
            and gov.pos_ == "VERB"
        ):
            return Modality.HYPOTHETICAL, None, None
        if gov.lower_ in {"if", "unless"}:
            return Modality.HYPOTHETICAL, None, None
    if _according(trigger):
        return Modality.ALLEGED, None, None
    return Modality.STATED, None, None


def _according(trigger: Token) -> bool:
    """ "according to the indictment": a claim, in the clause it hangs on; when it opens
    the sentence, in all of it ("According to B, A had served … and had plotted …")."""
    for c in trigger.sent:
        if c.lower_ == "according" and (
            c.head in (trigger, *_ancestors_in_clause(trigger))
            or (c.head == c.sent.root and c.i < trigger.i and c.i == c.sent.start)
        ):
            return True
    return False
