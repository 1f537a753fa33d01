"""A seat on a governing body as the office an appointment or election gives: "entered
the Politburo", "joined the Central Committee in 1969", "was elected to the Senate" (the
member of the body the verb's object or to/into-phrase names)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from histkg.extract.mentions import Sentence, body_regex
from histkg.model import Article, Mention, OfficeRef, Span

#: the prepositions of a body one is elected or appointed to ("elected to", "brought into")
SEAT_PREPOSITIONS = frozenset({"to", "into", "onto"})

#: what may follow the body's name in the seat's phrase: the seat's constituency
#: ("the Chamber of Deputies for Valparaíso")
CONSTITUENCY_RE = re.compile(r"(?:\s+(?:for|from) [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})?\s*")


def seat_body(verb: Token) -> Token | None:
    """The noun that names what the verb puts its subject (or its object: "co-opted A
    into the Central Committee") on: its direct object or the object of a to/into-phrase."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ in {"PROPN", "NOUN"} and child.ent_type_ != "PERSON":
            return child
        if child.dep_ == "prep" and child.lower_ in SEAT_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in {"PROPN", "NOUN"}:
                    return obj
    return None


def names_seat(verb: Token) -> bool:
    """Whether the noun ``seat_body`` finds is a governing body's name ("the Politburo")."""
    body = seat_body(verb)
    if body is None:
        return False
    words = " ".join(t.text for t in body.subtree if t.dep_ != "det")
    named = body_regex().search(words)
    return (
        named is not None
        and named.start() == 0
        and CONSTITUENCY_RE.fullmatch(words[named.end() :]) is not None
    )


def seat(article: Article, s: Sentence, shift: int, verb: Token) -> OfficeRef | None:
    """The seat on the governing body ``verb`` puts its subject on, if the noun it takes
    names such a body and nothing else ("joined the Politburo's staff" is no seat).
    ``shift`` turns a token's ``idx`` into an offset in the article's text."""
    body = seat_body(verb)
    if body is None:
        return None
    begin = shift + body.left_edge.idx
    # "to the Senate, where he sat until 1880": the body's name, not the clause on it
    clauses = {"relcl", "acl", "appos", "punct"}
    kept = [t for c in body.children if c.dep_ not in clauses for t in c.subtree] + [body]
    last = max(kept, key=lambda t: t.i)
    end = shift + last.idx + len(last.text)
    text = article.text[begin:end]
    named = body_regex().search(text)
    if named is None or CONSTITUENCY_RE.fullmatch(text[named.end() :]) is None:
        return None
    lead = text[: named.start()]
    if lead.strip().lower() not in {"", "the"}:
        return None
    at = begin + named.start()
    org = next((o for o in s.orgs if o.span.begin == at), None)
    if org is None:
        org = Mention("org", named.group(0), Span(article.doc_id, at, begin + named.end()))
    return OfficeRef(f"Member of {lead}{named.group(0)}", "post", org=org, phrase=text)
