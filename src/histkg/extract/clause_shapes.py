"""The shapes of clauses a pronoun's reading depends on: what stands before a subject
("With A gone, he …", "A veteran of the war, B …"), whether a pronoun opens its sentence,
whether another pronoun of its gender is an object before it, and the gender of pronouns."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token


def object_pronoun_between(first: Token, pronoun: Token) -> bool:
    """Whether a pronoun of the same gender as ``pronoun`` is an object of the verb whose
    subject is ``first``, and the pronoun the subject of a verb joined to it ("A appointed
    him …, but he resigned": "he" may be "him"; not "A resigned after B refused him …, but
    he was reinstated", nor "Although A disliked him, he …")."""
    gender = GENDER.get(pronoun.lower_)
    if not (pronoun.head.dep_ == "conj" and pronoun.head.head == first.head):
        return False  # "Although A disliked him, he praised B": the subordinate's subject
    return any(
        GENDER.get(t.lower_) == gender
        and t.dep_ in {"dobj", "dative", "iobj"}
        and t.head == first.head
        for t in pronoun.doc[first.i + 1 : pronoun.i]
    )


def fronted_description(subject: Token) -> bool:
    """ "A veteran of the war, Brenner was elected …": a noun phrase set before the
    subject and a comma describes that subject; the parser may make it a second subject
    (or an adverbial noun) of the same verb."""
    if subject.pos_ != "NOUN":
        return False
    return any(
        c.dep_ in {"nsubj", "nsubjpass"}
        and c.i > subject.i
        and c.pos_ in {"PROPN", "PRON"}
        and any(t.text == "," for t in subject.doc[subject.right_edge.i + 1 : c.i])
        for c in subject.head.children
    )


def name_phrase(name: Token) -> list[Token]:
    """A name's head word with the words compounded into it ("Jamal Meeks")."""
    return [t for t in name.subtree if t.dep_ in {"compound", "flat"} or t == name]


GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}


def absolute(verb: Token) -> bool:
    """An absolute phrase: a participle with a subject but no auxiliary, set before the
    clause it hangs on ("With A gone", "A having resigned")."""
    with_ = any(c.dep_ == "mark" and c.lower_ in {"with", "without"} for c in verb.children)
    return (
        verb.dep_ == "advcl"
        and (verb.tag_ in {"VBG", "VBN"} or with_)
        and verb.i < verb.head.i
        and not any(c.dep_ in {"aux", "auxpass"} and c.lower_ != "having" for c in verb.children)
    )


def non_finite_adjunct(verb: Token) -> bool:
    """A participle heading a phrase that hangs on something else ("A gone", "accusing
    A"): no auxiliary and no subject of its own, not the sentence's main verb."""
    return (
        verb.tag_ in {"VBG", "VBN"}
        and verb.dep_ in {"advcl", "acl", "pcomp", "pobj", "xcomp"}
        and not any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children)
    )


#: what may stand before a sentence's subject and still leave it the sentence's opening
#: ("On 26 June he was arrested", "In prison, he …")
FRONTED_DEPS = frozenset({"prep", "advmod", "npadvmod", "punct", "advcl"})


def opens(token: Token, sent: SpacySpan) -> bool:
    """Whether a pronoun is the main clause's subject with nothing before it but fronted
    adjuncts that name no one (a date, a place, "later")."""
    if token.dep_ not in {"nsubj", "nsubjpass"} or token.head != sent.root:
        return False
    for t in sent:
        if t.i >= token.i:
            return True
        if t.ent_type_ == "PERSON" or t.pos_ == "PRON":
            return False
        top = t
        while top.head != sent.root and top.head != top:
            top = top.head
        if top.head != sent.root or top.dep_ not in FRONTED_DEPS:
            return False
    return True
