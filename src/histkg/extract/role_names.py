"""Names the model calls an organization or a place, or misses, where the sentence makes
them a person by what it says of them: a word for a person or an office set beside the
name ("the minister, A B"), the subject of what only a person does ("A B resigned", "A B
became chief of staff"), what a noun of an event happens to ("the trial of A B"). The
office head words these read are shared with the office readers.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Span, Token

from histkg.extract.doc_table import doc_table, label_hashes
from histkg.extract.nlp import (
    is_name_like,
    lemma,
)
from histkg.extract.rules import grammar, lemmas_of, words
from histkg.lexicon import lexicon


@cache
def office_heads() -> frozenset[str]:
    """The head word of every office title in the lexicon ("Minister" of "Minister of
    Defence" and "Prime Minister", "Chief" of "Chief of Staff")."""
    return frozenset(
        form.split(" of ")[0].split()[-1]
        for office in lexicon().offices
        for form in office.forms
        if form.strip()
    )


def role_named(doc: Doc) -> Iterator[Span]:
    """Names the model calls an organization or place right after a word for a person
    ("his rival Anders Dahl", "Lund's deputy Ola Berg") or in apposition to one ("the
    finance minister, Ola Berg")."""
    roles = lexicon().person_role_words
    nouns = grammar().person_nouns
    for ent in doc.ents:
        if ent.label_ in {"ORG", "GPE", "LOC", "NORP"} and ent.start > 0 and len(ent) >= 2:
            before = doc[ent.start - 1].text.lower()
            # "the finance minister, Ivo Berg": an apposition to a word for a person
            head = ent.root.head if ent.root.dep_ == "appos" else None
            called = head is not None and bool(lemmas_of(head) & nouns)
            # "Ivo Berg, then Minister of Defence,": an office in apposition to the name
            called = called or any(
                c.dep_ == "appos" and (c.text in office_heads() or bool(lemmas_of(c) & nouns))
                for c in ent.root.children
            )
            if (before in roles or called) and is_name_like(ent):
                yield ent


@cache
def office_head_words() -> frozenset[str]:
    """``office_heads`` in lower case ("minister", "chief", "commander")."""
    return frozenset(head.lower() for head in office_heads())


@cache
def title_head_words() -> frozenset[str]:
    """``office_head_words`` and the one-word posts a bare title names ("regent",
    "emperor"), in lower case."""
    return office_head_words() | {p for p in lexicon().posts_bare if " " not in p}


def _takes_office(verb: Token) -> bool:
    """ "became chief of the General Staff", "served as minister", "was appointed
    commander": a verb of ``office_verbs`` (data/grammar.toml) whose complement is an
    office's head word, which only a person can be."""
    if lemma(verb) not in words("office_verbs"):
        return False
    heads = title_head_words()
    for child in verb.children:
        if child.dep_ in {"attr", "oprd", "acomp"} and child.lower_ in heads:
            return True  # "acomp": "became regent", a bare title tagged an adjective
        if child.dep_ == "prep" and child.lower_ == "as":
            if any(c.dep_ == "pobj" and c.lower_ in heads for c in child.children):
                return True
    return False


def _reflexive(verb: Token) -> bool:
    """ "A B crowned himself emperor", "A B declared herself head of state": who does
    something to himself or herself is a person."""
    return any(
        t.lower_ in {"himself", "herself"} and t.dep_ in {"dobj", "nsubj"}
        for t in verb.subtree
        if t.head == verb or t.head.head == verb
    )


def _undergoes(root: Token) -> bool:
    """ "the trial of A B", "after A B's arrest": the name is the one a noun of
    ``person_events`` (data/grammar.toml) happens to (a two-word name only: "the trial of
    Radio Free Velor" tries a station)."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif root.dep_ != "poss":
        return False
    return head.pos_ == "NOUN" and lemma(head) in words("person_events")


def acting_named(doc: Doc) -> Iterator[Span]:
    """Names the model calls an organization or place where the sentence says the name
    does or undergoes what only a person does ("A B resigned", "A B was sworn in", "A B
    became chief of staff"): the subject of a verb in ``person_verbs`` or the passive
    subject of one in ``person_passives`` (data/grammar.toml), or the subject of a verb
    that puts it into an office (``_takes_office``), or what a noun of ``person_events``
    happens to ("the trial of A B", "A B's arrest")."""
    active, passive = words("person_verbs"), words("person_passives")
    heads = set(lexicon().org_heads)
    spans = [e for e in doc.ents if e.label_ in {"ORG", "GPE", "LOC", "NORP", "FAC"}]
    table, strings = doc_table(doc), doc.vocab.strings
    subjects = label_hashes(strings, ("nsubj", "nsubjpass"))
    nnp = strings.add("NNP")
    for i, (dep, tag) in enumerate(zip(table.deps, table.tags, strict=True)):
        if dep not in subjects or tag != nnp:
            continue
        token = doc[i]
        if not token.ent_type_:  # a name the model gave no entity at all
            glued = [c for c in token.lefts if c.dep_ == "compound" and not c.ent_type_]
            if glued and all(c.i < token.i for c in glued):
                spans.append(doc[glued[0].i : token.i + 1])
    for ent in spans:
        if not 2 <= len(ent) <= 4:
            continue
        root = ent.root
        verbs = active if root.dep_ == "nsubj" else passive if root.dep_ == "nsubjpass" else ()
        acts = lemma(root.head) in verbs
        acts = acts or (root.dep_ in {"nsubj", "nsubjpass"} and _takes_office(root.head))
        acts = acts or (len(ent) == 2 and _undergoes(root))
        acts = acts or (root.dep_ == "nsubj" and _reflexive(root.head))
        if not acts or not all(t.is_title and t.is_alpha for t in ent):
            continue
        if any(t.text in heads for t in ent) or not is_name_like(ent):
            continue
        yield ent
