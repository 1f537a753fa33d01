"""Which spans of a parsed sentence name a person: the model's PERSON entities checked
against their context (a determiner, a place preposition, another name of a thing), names
after a title ("Premier Anna Berg") and names joined by a conjunction to a known one. The
names a sentence makes persons by what it says of them (in apposition to an office, the
subject of what only a person does) are :mod:`histkg.extract.role_names`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from histkg.extract.names import ROMAN_RE, is_name_word, is_particle
from histkg.extract.nlp import (
    STOP_NAME_TOKENS,
    TITLE_MODIFIERS,
    is_name_like,
    lemma,
    load_model,
    span_words,
    trim_title,
)
from histkg.extract.rules import lemmas_of
from histkg.lexicon import lexicon, name_words

POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})


#: verbs that give something another name: "also known as A", "nicknamed B"
NAMING_VERBS = frozenset({"know", "refer", "call", "abbreviate", "dub", "nickname", "style"})


def _is_another_name(root: Token) -> bool:
    """ "(also known as A, and unofficially as B)", "nicknamed C": a name given as another
    name of what was named before it, not a person of its own."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "as":
        verb = head.head
        for _ in range(3):
            if lemmas_of(verb) & NAMING_VERBS and verb.tag_ == "VBN":
                return True
            if verb.dep_ not in {"conj", "prep"} or verb.head == verb:
                break
            verb = verb.head
    return (
        root.dep_ in {"oprd", "dobj", "attr"}
        and head.tag_ == "VBN"
        and bool(lemmas_of(head) & NAMING_VERBS)
    )


def wrong_context(span: Span) -> str | None:
    """Why the words around ``span`` show it is not a person, or ``None``.

    A determiner before it ("the Bolshevik", "a Svan"), a preposition of place governing
    it ("in Normandy"), an acronym after it ("Service Unit (SU)"), or a coordination with
    a nationality ("Mingrelian or Svan").
    """
    nw = name_words()
    doc = span.doc
    root = span.root
    if span.start > 0:
        before = doc[span.start - 1]
        if before.text in {"'s", "’s"} or before.text.lower() in POSSESSIVES:
            return f"'{before.text} {span.text}' is something someone has"
        if before.text.lower() in nw.determiners and (
            before.text.lower() in {"a", "an", "the"} or before.dep_ in {"det", "nummod", "amod"}
        ):
            return f"'{before.text} {span.text}' names a kind or a group"
    for child in root.children:
        if child.i < span.start and child.dep_ == "det" and child.text.lower() in {"a", "an"}:
            return f"'{child.text} … {span.text}' names a kind or a group"
    # "moved on A, B and C": each name of a list of names has the place of the first
    # (where someone went; a list after "in" may be the parse's: "In A, B and C were …")
    listed = root
    while (
        listed.dep_ == "conj"
        and listed.head.i < listed.i
        and listed.head.pos_ == "PROPN"
        and listed.head.ent_type_ not in {"DATE", "TIME"}
    ):
        listed = listed.head
    if listed is not root and listed.head.text.lower() not in nw.way_prepositions:
        listed = root
    head = listed.head
    # "fled to A and later to B": the second preposition's verb is the first's
    goer = head.head
    while goer.pos_ in {"ADP", "ADV"} and goer.dep_ in {"conj", "prep"} and goer.head is not goer:
        goer = goer.head
    if (
        listed.dep_ == "pobj"
        and head.text.lower() in nw.place_prepositions
        and head.i < span.start
        and not any(t.text in {"'s", "’s"} for t in doc[span.end : span.end + 1])
    ):
        return f"'{head.text} … {span.text}' is a place"
    if (
        listed.dep_ == "pobj"
        and head.text.lower() in nw.way_prepositions
        and head.i < span.start
        and (lemma(goer) in nw.motion_verbs or lemma(goer) in nw.way_nouns)
        # "marched to the square, and on 3 May Colonel A …": a day, not a way
        and not any(t.ent_type_ in {"DATE", "TIME"} for t in listed.subtree)
    ):
        return f"'{goer.text} {head.text} … {span.text}' is where someone went"
    if (
        root.dep_ == "appos"
        and root.head.pos_ == "NOUN"
        and lemma(root.head) in nw.organization_nouns
        and len(span) == 1
    ):
        return f"'{root.head.text}, {span.text}' names an organization"
    if (
        root.dep_ == "pobj"
        and head.lower_ == "of"
        and head.i == span.start - 1  # not "the Governor of Velor Anna Berg", glued
        and head.head.lower_ in nw.territory_titles
    ):
        return f"'{head.head.text} of {span.text}' names a land or a town"
    if (
        root.dep_ == "pobj"
        and head.text.lower() in {"at", "near"}
        and head.i < span.start
        and lemma(head.head) in nw.dwelling_nouns
    ):
        return f"'{head.head.text} {head.text} … {span.text}' is a place"
    if span.end + 2 < len(doc) and doc[span.end].text == "(":
        inner = doc[span.end + 1].text
        if re.fullmatch(r"[A-Z]{2,6}", inner) and doc[span.end + 2].text == ")":
            initials = "".join(w[0] for w in span_words(span))
            if len(span) > 1 and initials in inner:
                return f"'{span.text} ({inner})' is an organization"
    if _is_another_name(root):
        return f"'{span.text}' is another name of something named before it"
    for other in root.conjuncts:
        if any(c.dep_ == "det" for c in other.children):
            continue  # "A, a Catholic catechist, and B": a noun phrase, not a nationality
        if other.ent_type_ == "NORP" or other.pos_ == "ADJ" or other.text in lexicon().demonyms:
            return f"'{span.text}' is listed with '{other.text}', a nationality or a quality"
    return None


def _name_span(ent: Span, ents: list[Span]) -> Span:
    """The name an entity holds, mended where the model cut or overran it: up to a
    possessive ("A B's Secret Speech" -> "A B"), across a particle ("A arap" + "B"), and
    across a transliterated initial the tokenizer split ("Ya" "." + "F. B")."""
    doc = ent.doc
    for token in ent[1:]:
        if token.text in {"'s", "’s"}:
            ent = doc[ent.start : token.i]
            break
    start = ent.start
    while (
        start >= 2
        and ent.label_ == "PERSON"
        and is_particle(doc[start - 1].text)
        and doc[start - 1].text.islower()
        and is_name_word(doc[start - 2].text)
        and doc[start - 2].ent_type_ in {"", "PERSON"}
        and not doc[start - 2].is_sent_start
    ):
        start -= 2  # "Cardoso" + "de" + "Mello": the model took the last word alone
    if start != ent.start:
        ent = Span(doc, start, ent.end, label=ent.label_)
    end = ent.end
    while (
        end + 1 < len(doc)
        and is_particle(doc[end].text)
        and is_name_word(doc[end + 1].text)
        and doc[end].ent_type_ in {"", "PERSON"}
    ):
        end += 2
    if end == ent.end and is_particle(ent[-1].text) and end < len(doc):
        if is_name_word(doc[end].text):
            end += 1
    if end < len(doc) and _regnal_number(doc[end]) and ent.label_ == "PERSON":
        end += 1  # "Konrad" + "II": the model left the regnal number out
    elif (
        end < len(doc)
        and ent.label_ == "PERSON"
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
        and doc[end].pos_ == "PROPN"
        and doc[end].is_title
        and doc[end].ent_type_ in {"GPE", "LOC", "NORP"}
    ):
        end += 1  # "Pierre Mendès" + "France": a surname the model took for a country
    if (
        end + 1 < len(doc)
        and re.fullmatch(r"[A-Z][a-z]?", doc[end - 1].text)
        and doc[end].text == "."
        and not doc[end - 1].whitespace_
    ):
        following = [e for e in ents if e.start == end + 1 and e.label_ == "PERSON"]
        if following:
            end = following[0].end
    return doc[ent.start : end]


#: tags of a clause's first word the model sometimes reads into the name after it
#: ("Following A's expulsion", "After B's arrest"): verbs, prepositions, adverbs
OPENER_TAGS = frozenset({"VBG", "VBN", "VBD", "IN", "RB", "WRB"})


def _opener_trimmed(span: Span) -> Span:
    """The name without a clause's opening word the model glued to it ("Following A")."""
    first = span[0]
    opens = first.is_sent_start or (first.i > 0 and first.doc[first.i - 1].is_punct)
    if len(span) > 1 and opens and first.tag_ in OPENER_TAGS and first.dep_ != "compound":
        return span[1:]
    return span


def _regnal_number(word: Token) -> bool:
    """ "II", "VIII", "I" (as a proper noun: not the pronoun) right after a name."""
    return (
        bool(ROMAN_RE.fullmatch(word.text))
        and word.text != ""
        # "Anton I was held …": the model reads "I" as the pronoun; right after a name
        # the model calls a person it is the numeral
        and (word.text != "I" or word.tag_ == "NNP" or word.doc[word.i - 1].ent_type_ == "PERSON")
        and word.i > 0
        and word.doc[word.i - 1].is_title
    )


def person_candidates(doc: Doc) -> Iterator[tuple[Span, str | None]]:
    """The model's (or the ruler's) PERSON entities that look like names, titles trimmed,
    each with the reason its context shows it is not a person (``None`` when none)."""
    ents = list(doc.ents)
    covered = -1
    for ent in ents:
        if ent.label_ != "PERSON" or ent.start < covered:
            continue
        span = _opener_trimmed(_name_span(ent, ents))
        covered = span.end
        if len(span) > 1 and span[-1].tag_ == "POS":  # "Anna Berg's speech"
            span = span[:-1]
        name = trim_title(span)
        if is_name_like(name):
            if span[0].text.lower() in {"the", "a", "an"}:
                yield name, f"'{span.text}' names a thing (the model read an article into it)"
            elif org_headed(name.text):
                yield name, f"'{name.text}' ends in an organization's head word"
            else:
                yield name, wrong_context(name)


def org_headed(name: str) -> bool:
    """ "Logistics Department", "Air Force": a name that ends in an organization's head word."""
    return any(name == h or name.endswith(f" {h}") for h in lexicon().org_heads)


def person_names(doc: Doc) -> Iterator[Span]:
    """The model's (or the ruler's) PERSON entities, titles trimmed, that look like names
    and stand where a name can."""
    for name, why in person_candidates(doc):
        if why is None:
            yield name


@cache
def _title_matcher() -> Any:
    """A PhraseMatcher for every office title and honorific (the names after them are
    read in :func:`_titled_matches`: a phrase matcher over the lexicon is far cheaper
    than a token-pattern matcher with a pattern per title)."""
    from spacy.matcher import PhraseMatcher

    nlp = load_model()
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    address = {t for t in name_words().titles if t[:1].isupper()} - TITLE_MODIFIERS
    forms = {f for o in lexicon().offices for f in o.forms} | lexicon().honorifics | address
    matcher.add("TITLED", [nlp.make_doc(form) for form in sorted(forms)])
    return matcher


def _titled_matches(doc: Doc) -> list[tuple[int, int, int]]:
    """(id, start, end) of a title followed by one to three capitalised words."""
    out = []
    for match_id, start, end in _title_matcher()(doc):
        for n in (1, 2, 3, 4):
            stop = end + n
            if stop > len(doc):
                break
            if n > 1 and _regnal_number(doc[stop - 1]):
                out.append((match_id, start, stop))  # "King Konrad II"
                break
            if n == 4 or not (doc[stop - 1].is_title and doc[stop - 1].is_alpha):
                break
            out.append((match_id, start, stop))
    return out


def titled_names(doc: Doc) -> Iterator[Span]:
    """Names the model missed but the text titles: "Premier Anna Berg", "General Berg".

    The longest match wins; the title words are trimmed off.
    """
    matches = sorted(_titled_matches(doc), key=lambda m: (m[1], -(m[2] - m[1])))
    last_end = -1
    for _id, start, end in matches:
        if start < last_end:
            continue
        name = trim_title(doc[start:end])
        # the name stops before a word that starts a new phrase ("Premier Berg In 1849")
        while len(name) > 1 and name[-1].text in STOP_NAME_TOKENS:
            name = name[:-1]
        if (
            name.start > start
            and is_name_like(name)
            and not any(
                t.ent_type_ in {"GPE", "ORG", "NORP"} and t.ent_iob_ == "B" and len(name) == 1
                for t in name
            )
        ):
            last_end = end
            yield name


def _untagged_names(doc: Doc) -> Iterator[Span]:
    """Proper-noun phrases of two or more words the model gave no entity ("Jan Moor"):
    a head proper noun with the proper-noun compounds right before it."""
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ or token.dep_ == "compound":
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == token:
            if doc[start - 1].pos_ != "PROPN" or doc[start - 1].ent_type_:
                break
            start -= 1
        if start < token.i:
            yield doc[start : token.i + 1]


def _joined_by_conjunction(root: Token) -> bool:
    """The list a name is in has "and" or "or", not only commas ("A, B Governorate")."""
    first = root.head if root.dep_ == "conj" else root
    return any(c.dep_ == "cc" for c in first.subtree)


def coordinated_named(doc: Doc) -> Iterator[Span]:
    """Names of two to four capitalized words the model calls an organization or leaves
    untagged, coordinated with a name it calls a person ("clerked for A B and C D", "C D
    and A B were shot", "with A B and C D"): people listed with a person are people, unless
    the name has an organization's head word ("A B and the Velor Bank")."""
    heads = set(lexicon().org_heads)
    spans = [e for e in doc.ents if e.label_ in {"ORG", "NORP"}]
    untagged = [s for s in _untagged_names(doc) if _joined_by_conjunction(s.root)]
    for ent in [*spans, *untagged]:
        while len(ent) > 1 and ent[-1].pos_ in {"CCONJ", "PUNCT"}:
            ent = ent[:-1]
        if not 2 <= len(ent) <= 4 or not all(t.is_title and t.is_alpha for t in ent):
            continue
        if ent.start > 0 and doc[ent.start - 1].lower_ in {"the", "a", "an", "of", "'s", "’s"}:
            continue  # "director of the General Staff and A B": a name takes no article
        root = ent.root
        partners = [c for c in root.children if c.dep_ == "conj"]
        if root.dep_ == "conj":
            partners.append(root.head)
        if not any(p.ent_type_ == "PERSON" and p.pos_ == "PROPN" for p in partners):
            continue
        if any(t.text in heads for t in ent) or not is_name_like(ent):
            continue
        yield ent
