"""The office phrases around a name that the tenure reader walks: offices coordinated or
stacked in apposition ("A, navy minister (…), chief of the General Staff (…)"), and the
relative pronoun that stands for a holder ("A, who as minister had …")."""

from __future__ import annotations

from spacy.tokens import Token

from histkg.extract.role_names import office_head_words


def coordinated_offices(phrase: Token) -> list[Token]:
    """An office phrase and the nouns coordinated with it, in text order, with the offices
    stacked after it in apposition ("A, navy minister (…), chief of the General Staff
    (…)"), which the parser may hang on the first office or on its last noun."""
    out = [phrase]
    stack = [phrase]
    while stack:
        head = stack.pop()
        children = list(head.children)
        for prep in (c for c in head.children if c.dep_ == "prep"):
            children += [
                a
                for p in prep.children
                if p.dep_ == "pobj"
                for a in p.children
                if a.dep_ == "appos" or (a.dep_ == "conj" and a.lower_ in office_head_words())
            ]
        for child in children:
            if child in out or child.pos_ not in {"NOUN", "PROPN"}:
                continue
            if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in child.children):
                continue  # "…, and the finance minister, B": another holder's
            after = child.right_edge.i + 1
            if after < len(child.doc) and child.doc[after].ent_type_ == "PERSON":
                continue  # "became Minister of X and Prime Minister B resigned": B's title
            stacked = child.dep_ == "appos" and child.lower_ in office_head_words()
            if child.dep_ == "conj" or stacked:
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def relative_subject(token: Token) -> bool:
    """ "who" as the subject of a relative clause ("A, who as minister had …")."""
    return (
        token.lower_ in {"who", "that"}
        and token.dep_ in {"nsubj", "nsubjpass"}
        and (token.head.dep_ == "relcl")
    )


def with_object_before(prep: Token) -> Token | None:
    """ "with A as prosecutor": the name of a with-phrase that ends right before "as"
    (the parse hangs both phrases on the verb, or the with-phrase on the verb's object:
    "formed a cabinet with A as Minister of Finance"). In "with A as X and B as Y" the
    parse joins B to X; B is the name before the second "as" all the same."""
    if prep.i == 0:
        return None
    last = prep.doc[prep.i - 1]
    if last.pos_ != "PROPN" or last.dep_ not in {"pobj", "conj"}:
        return None
    head = last
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "with":
        attached = head.head.head
        if attached == prep.head or (attached.dep_ == "dobj" and attached.head == prep.head):
            return last
        if prep.head == last:  # "…, with A as public prosecutor": the parse hangs it on A
            return last
    if (
        last.dep_ == "conj"
        and prep.head == last.head
        and head.dep_ == "pobj"
        and head.head.lower_ == "as"
        and with_object_before(head.head) is not None
    ):
        return last
    return None
