"""The article's phrase ruler marks the same entities as spaCy's EntityRuler did."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.pipeline import EntityRuler

from histkg.extract.nlp import load_model
from histkg.extract.ruler import PhraseRuler

TEXT = (
    "Georgy Malenkov and Molotov met Kaganovich in Moscow. Later Malenkov went to "
    "Ust-Kamenogorsk, where Lazar Kaganovich Street runs; Georgia and Jordan were far. "
    "The Presidium of Georgia voted, and Jordan spoke."
)
PATTERNS = [
    ("PERSON", "Georgy Malenkov"),
    ("PERSON", "Jordan"),
    ("PERSON", "Kaganovich"),
    ("PERSON", "Lazar Kaganovich"),
    ("PERSON", "Malenkov"),
    ("PERSON", "Molotov"),
    ("GPE", "Georgia"),
    ("GPE", "Jordan"),  # the same words under two labels
    ("GPE", "Lazar Kaganovich Street"),  # overlaps a longer and a shorter person
    ("GPE", "Ust-Kamenogorsk"),
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def entities(doc: object) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.label_) for e in doc.ents]  # type: ignore[attr-defined]


def test_phrase_ruler_marks_what_the_entity_ruler_marks(nlp: Language) -> None:
    ruler = EntityRuler(nlp, overwrite_ents=True)
    ruler.add_patterns([{"label": label, "pattern": text} for label, text in PATTERNS])
    expected = entities(ruler(nlp(TEXT)))
    found = entities(PhraseRuler(nlp, PATTERNS)(nlp(TEXT)))
    assert found == expected
    assert (found[0][2], found[-1][2]) != ("", "")
    spans = {(s, e) for s, e, _label in found}
    doc = nlp(TEXT)
    street = next(i for i, t in enumerate(doc) if t.text == "Street")
    assert (street - 2, street + 1) in spans  # the longest match wins over the persons in it


def test_phrase_ruler_overrides_the_model(nlp: Language) -> None:
    doc = nlp("Kirichenko spoke in Moscow.")
    ruled = PhraseRuler(nlp, [("GPE", "Kirichenko"), ("PERSON", "Moscow")])(doc)
    assert [(e.text, e.label_) for e in ruled.ents] == [("Kirichenko", "GPE"), ("Moscow", "PERSON")]


def test_empty_phrase_ruler_leaves_the_doc(nlp: Language) -> None:
    doc = nlp("Moscow is a city.")
    before = entities(doc)
    assert len(PhraseRuler(nlp, [])) == 0
    assert entities(PhraseRuler(nlp, [])(doc)) == before
