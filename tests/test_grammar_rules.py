"""Every example sentence of ``data/grammar.toml`` is a test of its rule.

A positive example must yield a stated event of the rule's class whose roles are filled
by the listed head words; a negative one must yield no stated event of that class with
a person-like filler. The sentences were written for the rule file, not taken from the
articles histkg is measured on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph
from spacy.language import Language

from histkg.extract.expansion import filler_kind
from histkg.extract.grammar import read_events
from histkg.extract.hits import Hit
from histkg.extract.modality import Modality
from histkg.extract.nlp import load_model
from histkg.extract.rules import grammar

POSITIVE = [
    pytest.param(rule, example, id=f"{rule.id}:{example.text[:40]}")
    for rule in grammar().rules
    for example in rule.examples
]
NEGATIVE = [
    pytest.param(rule, text, id=f"{rule.id}:not:{text[:40]}")
    for rule in grammar().rules
    for text in rule.negative
]
ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "histkg.ttl"
PERSON_LIKE = {"person", "pronoun", "group", "name"}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def hits(nlp: Language, text: str) -> list[Hit]:
    return [hit for sent in nlp(text).sents for hit in read_events(sent)]


def describe(found: list[Hit]) -> str:
    return "; ".join(
        f"{h.rule.id} {h.event_class or '-'} {h.modality.value} "
        + str({role: [t.text for t in tokens] for role, tokens in h.roles.items()})
        for h in found
    )


def stated(hit: Hit) -> bool:
    # a coup attempt is what an attempt at a coup states, an assassination attempt what an
    # attempt on a life states
    return hit.modality is Modality.STATED or (
        hit.modality is Modality.ATTEMPTED
        and hit.event_class in {"CoupAttempt", "AssassinationAttempt"}
    )


@pytest.mark.parametrize(("rule", "example"), POSITIVE)
def test_rule_reads_its_example(nlp: Language, rule, example) -> None:  # type: ignore[no-untyped-def]
    found = hits(nlp, example.text)
    ok = [
        h
        for h in found
        if h.event_class == rule.event_class
        and stated(h)
        and all(
            set(words) <= {t.text for t in h.fillers(role)} for role, words in example.roles.items()
        )
    ]
    assert ok, (
        f"{example.text!r}: expected {rule.event_class} {example.roles}, got {describe(found)}"
    )


@pytest.mark.parametrize(("rule", "text"), NEGATIVE)
def test_rule_rejects_its_counterexample(nlp: Language, rule, text: str) -> None:  # type: ignore[no-untyped-def]
    found = hits(nlp, text)
    wrong = [
        h
        for h in found
        if h.event_class == rule.event_class
        and h.modality is Modality.STATED
        and any(
            filler_kind(t) in PERSON_LIKE for t in h.fillers("affected") + h.fillers("participant")
        )
    ]
    assert not wrong, f"{text!r} states no {rule.event_class}, got {describe(wrong)}"


def test_every_rule_has_examples_both_ways() -> None:
    for rule in grammar().rules:
        assert rule.examples, f"{rule.id} has no example"
        assert rule.negative, f"{rule.id} has no counterexample"


def test_rules_name_known_patterns_and_classes() -> None:
    g = grammar()
    ontology = Graph().parse(ONTOLOGY)
    classes = {str(c).split("#")[-1] for c in ontology.subjects(RDF.type, OWL.Class)}
    for rule in g.rules:
        assert set(rule.roles) <= set(g.patterns), rule.id
        assert rule.event_class in classes, rule.id
    assert len({r.id for r in g.rules}) == len(g.rules)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The colonels plotted to overthrow President Anna Berg.", Modality.ATTEMPTED),
        ("Anna Berg was not arrested.", Modality.NEGATED),
        ("Anna Berg was allegedly arrested in 1950.", Modality.ALLEGED),
        ("He was accused of having arrested Anna Berg.", Modality.ALLEGED),
        ("The court would have sentenced Anna Berg.", Modality.HYPOTHETICAL),
        ("The president ordered the police to arrest Anna Berg.", Modality.HYPOTHETICAL),
        ("According to the government, Anna Berg was arrested.", Modality.ALLEGED),
        ("Anna Berg denied that she had been arrested.", Modality.ALLEGED),
        ("Anna Berg was arrested in 1950.", Modality.STATED),
    ],
)
def test_modality(nlp: Language, text: str, modality: Modality) -> None:
    found = [
        h for h in hits(nlp, text) if h.rule.event_class in {"Arrest", "Removal", "Sentencing"}
    ]
    assert found, text
    assert found[0].modality is modality, describe(found)


def test_failed_attempt_is_a_coup_attempt_with_its_maker(nlp: Language) -> None:
    found = hits(nlp, "In 1932 an attempt led by Anton Hess to remove King Karl failed.")
    coups = [h for h in found if h.event_class == "CoupAttempt"]
    assert coups, describe(found)
    assert [t.text for t in coups[0].fillers("agent")] == ["Hess"]
    assert [t.text for t in coups[0].fillers("affected")] == ["Karl"]
    assert coups[0].outcome == "failed"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("A planned purge of Anton Hess never came.", Modality.ATTEMPTED),
        ("The failed removal of President Anna Berg weakened the army.", Modality.ATTEMPTED),
        ("Ivo Renner plotted to oust President Anna Berg in 1966.", Modality.ATTEMPTED),
    ],
)
def test_modality_of_plans_and_failures(nlp: Language, text: str, modality: Modality) -> None:
    found = [h for h in hits(nlp, text) if h.rule.event_class == "Removal"]
    assert found, text
    assert found[0].modality is modality, describe(found)
