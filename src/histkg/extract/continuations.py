"""What the rest of a clause says about a tenure that an appointment begins.

"A became Premier in 1923, a post he held until 1931", "A became Premier in 1923 and
remained in office until 1931", "… and ruled until 1931": the end of the tenure.
"A became Premier, succeeding B", "A was appointed Premier, replacing B": its predecessor.
Pure functions over the dependency parse: they return the words that say so, and the
caller reads dates and persons from them.
"""

from __future__ import annotations

from spacy.tokens import Token

from histkg.extract.rules import lemmas_of, words

#: verbs that go on with what a tenure began: "remained in office until", "ruled until"
CONTINUING = words("continuing")
POST_NOUNS = words("post_nouns")
UNTIL = frozenset({"until", "till", "to"})
SUCCEEDING = frozenset({"succeed", "replace"})


def until_phrases(trigger: Token, office: Token | None) -> list[Token]:
    """The "until …" prepositions that end the tenure ``trigger`` begins: on a verb of
    ``continuing`` joined to it with no subject of its own, or on a relative clause of a
    post noun in apposition to the office ("…, a post he held until 1931")."""
    holders: list[Token] = []
    for verb in trigger.children:
        if verb.dep_ == "conj" and lemmas_of(verb) & CONTINUING:
            if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
                holders.append(verb)
    # "…, a post he held until 1931": in apposition to the office, or hung by the parse
    # on the verb (or the verb it is joined to) as a loose noun phrase
    places = [office] if office is not None else []
    places += [trigger, trigger.head] if trigger.dep_ == "conj" else [trigger]
    for place in places:
        for appos in place.children:
            if appos.dep_ in {"appos", "npadvmod"} and lemmas_of(appos) & POST_NOUNS:
                holders += [c for c in appos.children if c.dep_ in {"relcl", "acl"}]
            elif (  # "became Minister, a post he held …": read as a second predicate
                appos.dep_ in {"attr", "oprd"}
                and office is not None
                and appos.i > office.i
                and place is not office
                and lemmas_of(appos) & POST_NOUNS
            ):
                holders += [c for c in appos.children if c.dep_ == "relcl"]
    return [
        prep
        for holder in holders
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ in UNTIL
    ]


def succeeding_objects(trigger: Token) -> list[Token]:
    """Whom the holder took over from, said by a participle on ``trigger``: "became
    Premier, succeeding B", "was appointed, replacing B"."""
    return [
        obj
        for verb in trigger.children
        if verb.dep_ in {"advcl", "xcomp", "conj"}
        and verb.tag_ == "VBG"
        and lemmas_of(verb) & SUCCEEDING
        for obj in verb.children
        if obj.dep_ == "dobj"
    ]
