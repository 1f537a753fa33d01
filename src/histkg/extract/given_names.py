"""What a given name says: that a name is a person's, and whether a person named in the
text is a man or a woman, as far as the text says.

The gender is used only as a veto: a pronoun never refers to someone of the other gender ("A was
defeated by B, and he succeeded her": "he" is not A when A is a woman). The gender comes
from a title before the name ("Queen", "Mrs") or from the given name, looked up in
``gender_guesser``'s lexicon of about 40,000 first names (Jörg Michael's ``gender.c``
data); only its firm answers count, never "mostly" or "androgynous". Nothing is stated
about anyone's gender in the graph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from lemminflect import getAllLemmas
from spacy.tokens import Doc, Span

from histkg.extract.nlp import is_name_like, title_words
from histkg.extract.person_spans import org_headed
from histkg.extract.rules import words
from histkg.parse.dates import MONTHS

#: the word just before a name, stripped of its full stop ("Mrs. A", "Queen A")
_TITLE_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")


def person_gender(name: str, text_before: str) -> str | None:
    """ "m", "f" or None (not known) for a person called ``name`` whose mention follows
    ``text_before``."""
    title = _TITLE_BEFORE.search(text_before[-20:])
    if title is not None:
        word = title.group(1).lower()
        if word in words("female_titles"):
            return "f"
        if word in words("male_titles"):
            return "m"
    given = name.split()[0] if name.split() else ""
    return _given_name_gender(given) if len(given) > 1 and given[0].isupper() else None


@cache
def _given_name_gender(given: str) -> str | None:
    return {"male": "m", "female": "f"}.get(_detector().get_gender(given.rstrip(".")))


@cache
def _detector():  # type: ignore[no-untyped-def]
    import gender_guesser.detector as detector  # type: ignore[import-untyped]

    return detector.Detector(case_sensitive=False)


def is_given_name(word: str) -> bool:
    """Whether a capitalized word is firmly a man's or a woman's given name."""
    return len(word) > 1 and word[0].isupper() and _given_name_gender(word) is not None


def given_named(doc: Doc) -> Iterator[Span]:
    """Names of two or three capitalized words the model calls an organization that open
    with a given name ("replaced at the ministry by Ivo Renner", tagged ORG) and close with
    a word that is no English word (lemminflect's dictionary: not "Christian Democracy"):
    a person's, unless a word of it heads an organization's name ("Anna Renner Bank")."""
    for ent in doc.ents:
        if ent.label_ != "ORG" or not 2 <= len(ent) <= 3:
            continue
        if not all(t.is_title and t.is_alpha and t.tag_ == "NNP" for t in ent):
            continue
        if ent.start > 0 and doc[ent.start - 1].lower_ in {"the", "a", "an"}:
            continue  # "the Anna Berg Foundation": a name takes no article
        if getAllLemmas(ent[-1].lower_):
            continue  # "Christian Democracy", "Victoria Station": an English word closes it
        if is_given_name(ent[0].text) and not org_headed(ent.text) and is_name_like(ent):
            yield ent


def given_extended(doc: Doc) -> Iterator[Span]:
    """A person's name the model began one word late: a firm given name right before a
    PERSON entity, joined to it as a compound ("Mehmet" + "Arslan", only "Arslan" tagged)."""
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start == 0:
            continue
        before = doc[ent.start - 1]
        if (
            before.ent_type_ == ""
            and before.dep_ == "compound"
            and ent.start <= before.head.i < ent.end
            and before.is_title
            and before.is_alpha
            and before.tag_ == "NNP"
            and before.text not in title_words()  # "Prince", "Marshal": titles, not names
            and before.text not in MONTHS  # "on 3 June Karl Ostrov was elected"
            and is_given_name(before.text)
        ):
            span = doc[before.i : ent.end]
            if is_name_like(span):
                yield span
