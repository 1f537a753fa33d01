"""histkg's pipeline gives the words the same attributes and lemmas as the model's own
attribute ruler and lemmatizer, which it leaves out of ``nlp.pipe`` (see extract/nlp.py)."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from histkg.extract.attributes import COMPONENT, FastAttributes
from histkg.extract.nlp import LEMMATIZER, lemma, load_model

TEXTS = [
    "Georgy Malenkov was dismissed in 1955, and there were no trials; he ain't gonna"
    " stay, y'all gotta see. Nothin' was said.",
    "The Presidium met on 5 May 1962.  It had been convened by  Khrushchev,\nwho was"
    " later removed from his posts and retired.",
    "Is it true? It is, and they are found to have founded the party in 1903.",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def test_the_model_s_attribute_ruler_and_lemmatizer_do_not_run(nlp: Language) -> None:
    assert COMPONENT in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names
    assert LEMMATIZER not in nlp.pipe_names


@pytest.mark.parametrize("text", TEXTS)
def test_the_stand_in_sets_what_the_attribute_ruler_sets(nlp: Language, text: str) -> None:
    with nlp.select_pipes(disable=[COMPONENT, "ner"]):
        parsed = nlp(text)
    ruler, stand_in = (
        nlp.get_pipe("attribute_ruler"),
        FastAttributes(nlp.get_pipe("attribute_ruler")),
    )
    a = ruler(Doc(nlp.vocab).from_bytes(parsed.to_bytes()))
    b = stand_in(Doc(nlp.vocab).from_bytes(parsed.to_bytes()))
    attrs = [POS, MORPH, LEMMA, TAG, DEP, HEAD]
    assert (a.to_array(attrs) == b.to_array(attrs)).all()


@pytest.mark.parametrize("text", TEXTS)
def test_a_lemma_made_when_read_is_the_lemmatizer_s(nlp: Language, text: str) -> None:
    doc = nlp(text)
    full = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    nlp.get_pipe(LEMMATIZER)(full)  # what the model's pipeline would have set
    assert [lemma(t) for t in doc] == [t.lemma_ for t in full]
    assert [lemma(t) for t in full] == [t.lemma_ for t in full]
