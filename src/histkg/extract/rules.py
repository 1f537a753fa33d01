"""The rule data of ``data/grammar.toml``, loaded once, and the word forms it needs.

A rule names a trigger (lemmas and parts of speech), per dependency pattern the role
its matched token fills, its requirements and its example sentences; the file also
holds the patterns and the modality and group lexicons. Lemmas match every inflected
form (lemminflect), so a trigger is found even where the model's lemmatizer errs.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from lemminflect import getAllInflections, getAllInflectionsOOV, getAllLemmas
from spacy.tokens import Token

from histkg.extract.nlp import lemma as model_lemma


@dataclass(frozen=True)
class Example:
    """A sentence a rule must read, with the head word of each role's filler."""

    text: str
    roles: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Rule:
    """One record of ``data/grammar.toml``."""

    id: str
    event_class: str
    lemmas: tuple[str, ...]
    pos: tuple[str, ...]
    roles: dict[str, str]  # pattern name -> role
    requires: dict[str, Any]
    examples: tuple[Example, ...]
    negative: tuple[str, ...]


@dataclass(frozen=True)
class Grammar:
    """The patterns, rules and modality lexicon of ``data/grammar.toml``."""

    patterns: dict[str, dict[str, Any]]
    rules: tuple[Rule, ...]
    attempt: frozenset[str]
    failed: frozenset[str]
    allege: frozenset[str]
    hedges: frozenset[str]
    averted: frozenset[str]
    hypothetical: frozenset[str]
    noun_attempt: frozenset[str]
    attempt_class: dict[str, str]
    directive: frozenset[str]
    commanding: frozenset[str]
    coup_verbs: frozenset[str]
    attempt_makers: frozenset[str]
    group_nouns: frozenset[str]
    person_nouns: frozenset[str]
    coup_nouns: frozenset[str]

    def rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)


@cache
def grammar() -> Grammar:
    """Load ``data/grammar.toml`` once."""
    text = resources.files("histkg").joinpath("data", "grammar.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    rules = []
    for raw in data["rule"]:
        examples = tuple(
            Example(
                ex["text"],
                {k: tuple(v) for k, v in ex.items() if k != "text"},
            )
            for ex in raw.get("examples", [])
        )
        rules.append(
            Rule(
                raw["id"],
                raw["class"],
                tuple(raw["lemmas"]),
                tuple(raw["pos"]),
                dict(raw["roles"]),
                dict(raw.get("requires", {})),
                examples,
                tuple(raw.get("negative", [])),
            )
        )
    mod = data["modality"]
    return Grammar(
        patterns=data["pattern"],
        rules=tuple(rules),
        attempt=frozenset(mod["attempt"]),
        failed=frozenset(mod["failed"]),
        allege=frozenset(mod["allege"]),
        hedges=frozenset(mod["hedges"]),
        averted=frozenset(mod["averted"]),
        hypothetical=frozenset(mod["hypothetical"]),
        noun_attempt=frozenset(mod["noun_attempt"]),
        attempt_class=dict(mod["attempt_class"]),
        directive=frozenset(mod["directive"]),
        commanding=frozenset(mod["commanding"]),
        coup_verbs=frozenset(mod["coup_verbs"]),
        attempt_makers=frozenset(mod["attempt_makers"]),
        group_nouns=frozenset(data["groups"]["nouns"]),
        person_nouns=frozenset(data["groups"]["nouns"]) | frozenset(data["groups"]["occupations"]),
        coup_nouns=frozenset(data["coup"]["nouns"]),
    )


def surface_forms(lemmas: tuple[str, ...], pos: tuple[str, ...]) -> list[str]:
    """Every inflected form of ``lemmas`` (lemminflect), so a trigger is found even where
    the model's lemmatizer errs ("staged" -> "stag")."""
    forms = set(lemmas)
    for lemma in lemmas:
        for upos in pos:
            tag = "NOUN" if upos == "PROPN" else upos
            # a word lemminflect's lexicon lacks ("amnesty" as a verb): its rules for
            # words out of the lexicon
            inflections = getAllInflections(lemma, upos=tag) or getAllInflectionsOOV(
                lemma, upos=tag
            )
            for variants in inflections.values():
                forms.update(variants)
    return sorted(forms)


def lemmas_of(token: Token) -> frozenset[str]:
    """The model's lemma of ``token`` and every lemma lemminflect knows for its form."""
    return _lemmas(token.lower_, model_lemma(token).lower())


@cache
def _lemmas(form: str, lemma: str) -> frozenset[str]:
    out = {lemma, form}
    for variants in getAllLemmas(form).values():
        out.update(variants)
    return frozenset(out)


def words(name: str) -> frozenset[str]:
    """A word list of the ``[words]`` table of ``data/grammar.toml``."""
    return _words()[name]


@cache
def _words() -> dict[str, frozenset[str]]:
    text = resources.files("histkg").joinpath("data", "grammar.toml").read_text(encoding="utf-8")
    return {k: frozenset(v) for k, v in tomllib.loads(text)["words"].items()}
