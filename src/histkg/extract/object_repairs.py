"""A spaCy component, after the entity recognizer, that mends a double object and a lost
subject the small model gets wrong (the passive's repairs are :mod:`histkg.extract.repairs`).

- "At a session of the Politburo A denounced B": with no comma after the opening
  phrase, the model glues A to the body's name and leaves the verb without a subject; A
  becomes its subject (and a person, not part of the organization's name).
- "The king appointed A B Prime Minister", "named A B Minister of Health": the model
  reads the name as a compound of the title; the name becomes the verb's object and the
  title its predicate (``oprd``), as with "appointed him Prime Minister".
- "On 29 June 1931 a regiment under A attempted a coup", "On 15 June A, B and C were
  sentenced": with no comma after the date, the model makes the subject the object of
  "On" (the date its modifiers) and leaves the verb without a subject; the noun becomes the
  verb's subject and the date the object of "On".
- "the Senate proclaimed him Emperor": the model reads the pronoun as a compound of the
  title; the pronoun is the object, the title the predicate.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

NAMED_OBJECTS = "histkg_named_objects"

#: verbs that make someone something ("appointed A Premier"), in every inflection (the
#: lemmatizer runs later)
MAKING_VERBS = frozenset(
    f"{stem}{ending}"
    for stem in (
        "appoint",
        "elect",
        "re-elect",
        "nominate",
        "designate",
        "select",
        "proclaim",
        "declare",
        "crown",
        "install",
        "promote",
    )
    for ending in ("", "s", "ed", "ing")
) | frozenset(
    {
        "name",
        "names",
        "named",
        "naming",
        "make",
        "makes",
        "made",
        "making",
        "choose",
        "chooses",
        "chose",
        "chosen",
        "choosing",
        "declared",
        "promoted",
        "crowned",
    }
)


@cache
def _title_heads() -> frozenset[str]:
    """The last word of every office title of the lexicon ("Minister", "Premier")."""
    from histkg.lexicon import lexicon

    lex = lexicon()
    bare = {p.capitalize() for p in lex.posts_bare if " " not in p and "-" not in p}
    return frozenset(form.split()[-1] for form in lex.office_by_form()) | bare


@Language.component(NAMED_OBJECTS)
def named_objects(doc: Doc) -> Doc:
    """ "appointed A B Prime Minister": A B is the object, the title the predicate; "of
    the Politburo A denounced B": A is the subject; "On 29 June 1931 a regiment …
    attempted": the regiment is the subject."""
    _split_glued_subjects(doc)
    _split_dated_subjects(doc)
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.root.dep_ != "compound":
            continue
        title = ent.root.head
        verb = title.head
        if (
            title.i < ent.end
            or title.dep_ not in {"dobj", "oprd"}
            or verb.lower_ not in MAKING_VERBS
            or title.text not in _title_heads()
            or any(not t.is_title for t in doc[ent.end : title.i])
            or any(c.dep_ == "dobj" and c != title for c in verb.children)
        ):
            continue
        root = ent.root
        for token in ent:
            if token != root and token.head == title:
                token.head = root
        root.head, root.dep_ = verb, "dobj"
        title.dep_ = "oprd"
    _glued_pronoun_objects(doc)
    return doc


def _glued_pronoun_objects(doc: Doc) -> None:
    """ "the assembly proclaimed him Emperor": the model reads "him" as a
    compound of the title (and the title as a clause); the pronoun is the object, the
    title the predicate."""
    for token in doc:
        title = token.head
        verb = title.head
        if (
            token.lower_ in {"him", "her", "them"}
            and token.dep_ == "compound"
            and title.i == token.i + 1
            and title.dep_ in {"dobj", "oprd", "ccomp", "xcomp"}
            and verb.lower_ in MAKING_VERBS
            and title.text in _title_heads()
            and not any(c.dep_ == "dobj" and c != title for c in verb.children)
        ):
            token.head, token.dep_ = verb, "dobj"
            title.dep_ = "oprd"


@cache
def _body_heads() -> frozenset[str]:
    """The last word of every organization head and governing body ("Committee")."""
    from histkg.lexicon import lexicon

    lex = lexicon()
    return frozenset(name.split()[-1] for name in (*lex.org_heads, *lex.governing_bodies))


def _glued_subject(verb: Token) -> tuple[Token, Token] | None:
    """ "At a session of the Politburo A denounced B": a verb with no subject
    right after a prepositional phrase whose last noun the model glued to the body's
    name ("Politburo A"). The name's last word and the body's, if so."""
    if verb.tag_ not in {"VBD", "VBZ"} or verb.i == 0:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children):
        return None
    name = verb.doc[verb.i - 1]
    if name.tag_ != "NNP" or name.dep_ != "pobj" or name.head.dep_ != "prep":
        return None
    if verb not in list(name.head.ancestors)[:3]:
        return None
    heads = _body_heads()
    body = next(
        (c for c in reversed(list(name.children)) if c.dep_ == "compound" and c.text in heads),
        None,
    )
    if body is None or any(t.tag_ != "NNP" for t in verb.doc[body.i + 1 : name.i]):
        return None
    return name, body


def _split_glued_subjects(doc: Doc) -> None:
    for verb in doc:
        found = _glued_subject(verb)
        if found is None:
            continue
        name, body = found
        prep = name.head
        for token in doc[body.i + 1 : name.i]:
            token.head = name
        for child in list(name.children):
            if child.i < body.i or child == body:
                child.head = body
        body.head, body.dep_ = prep, "pobj"
        name.head, name.dep_ = verb, "nsubj"
        ents = [e for e in doc.ents if not (e.start <= name.i < e.end)]
        covering = next((e for e in doc.ents if e.start <= name.i < e.end), None)
        if covering is not None and covering.start <= body.i:
            ents.append(Span(doc, covering.start, body.i + 1, label=covering.label_))
        ents.append(Span(doc, body.i + 1, name.i + 1, label="PERSON"))
        doc.ents = sorted(ents, key=lambda e: e.start)


def _dated_subject(verb: Token) -> tuple[Token, Token, list[Token]] | None:
    """ "On 29 June 1931 a regiment … attempted": a finite verb with no subject whose
    opening time phrase's object is a noun (not a date) that the date's words modify.
    The preposition, the noun and the date's words, if so."""
    finite = verb.tag_ in {"VBD", "VBZ"} or (
        verb.tag_ == "VBN" and any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    )  # "On 15 June A, B and C were sentenced"
    if not finite or verb.dep_ not in {"ROOT", "conj"}:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children):
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.i < verb.i), None)
    if prep is None or prep.lower_ not in {"on", "in", "by", "during"}:
        return None
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ not in {"NOUN", "PROPN"} or noun.ent_type_ == "DATE":
        return None
    date = []
    for token in verb.doc[prep.i + 1 : noun.i]:
        if token.ent_type_ != "DATE":
            break
        date.append(token)
    if not date or any(t.head != noun and t.head not in date for t in date):
        return None
    return prep, noun, date


def _split_dated_subjects(doc: Doc) -> None:
    for verb in doc:
        found = _dated_subject(verb)
        if found is None:
            continue
        prep, noun, date = found
        root = next((t for t in date if t.pos_ == "PROPN"), date[-1])  # the month, or the year
        for token in date:
            if token != root:
                token.head = root
        root.head, root.dep_ = prep, "pobj"
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        noun.head, noun.dep_ = verb, "nsubjpass" if passive else "nsubj"
