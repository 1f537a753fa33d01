"""The general-word lexicons in ``histkg/data/*.toml``, loaded once.

They name office titles, kinds of governing body, event verbs, demonyms and infobox
keys: general vocabulary, never a fact about a particular article.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


def _load(name: str) -> dict[str, Any]:
    text = resources.files("histkg").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True)
class OfficeTitle:
    title: str
    forms: tuple[str, ...]
    scope: str


@dataclass(frozen=True)
class Lexicon:
    offices: tuple[OfficeTitle, ...]
    posts_to: tuple[str, ...]
    posts_of: tuple[str, ...]
    posts_bare: tuple[str, ...]
    post_modifiers: tuple[str, ...]
    governing_bodies: tuple[str, ...]
    party_words: tuple[str, ...]
    faction_words: tuple[str, ...]
    meeting_of: tuple[str, ...]
    party_anaphora: tuple[str, ...]
    org_heads: tuple[str, ...]
    agencies: frozenset[str]
    honorifics: frozenset[str]
    place_heads: frozenset[str]
    person_role_words: frozenset[str]
    demonyms: dict[str, str]
    with_article: frozenset[str]
    not_the_state: frozenset[str]
    languages: dict[str, str]
    infobox_keys: dict[str, dict[str, str]]
    infobox_event_keys: dict[str, dict[str, str]]
    event_titles: dict[str, str]
    infobox_junk: tuple[re.Pattern[str], ...]
    election_adjectives: dict[str, str]
    office_nouns: dict[str, str]
    leading_titles: dict[str, str]
    body_heads: dict[str, str]
    led_nouns: dict[str, str]
    political_heads: frozenset[str]

    def office_by_form(self) -> dict[str, OfficeTitle]:
        return {form: office for office in self.offices for form in office.forms}

    def place_name(self, place: str) -> str:
        """``"Soviet Union"`` -> ``"the Soviet Union"`` where English writes an article."""
        return f"the {place}" if place in self.with_article else place


def _portfolio_offices(portfolios: list[str]) -> tuple[OfficeTitle, ...]:
    """ "Minister of Trade", "Trade Minister", "Minister for Trade" for each portfolio."""
    return tuple(
        OfficeTitle(
            f"Minister of {p}",
            (f"Minister of {p}", f"{p} Minister", f"Minister for {p}", f"{p} Ministers"),
            "state",
        )
        for p in portfolios
    )


@cache
def lexicon() -> Lexicon:
    """Load every lexicon file (cached)."""
    offices = _load("offices.toml")
    bodies = _load("bodies.toml")
    places = _load("places.toml")
    infobox = _load("infobox.toml")
    return Lexicon(
        offices=tuple(
            OfficeTitle(o["title"], tuple(o["forms"]), o["scope"]) for o in offices["office"]
        )
        + _portfolio_offices(offices["portfolios"]["names"]),
        posts_to=tuple(offices["posts"]["to"]),
        posts_of=tuple(offices["posts"]["of"]),
        posts_bare=tuple(offices["posts"]["bare"]),
        post_modifiers=tuple(offices["posts"]["modifiers"]),
        governing_bodies=tuple(bodies["governing_bodies"]),
        party_words=tuple(bodies["party_words"]),
        faction_words=tuple(bodies["faction_words"]),
        meeting_of=tuple(bodies["meeting_of"]),
        party_anaphora=tuple(bodies["party_anaphora"]),
        org_heads=tuple(bodies["org_heads"]),
        agencies=frozenset(bodies["agencies"]),
        honorifics=frozenset(bodies["honorifics"]),
        place_heads=frozenset(bodies["place_heads"]),
        person_role_words=frozenset(bodies["person_role_words"]),
        demonyms=dict(places["demonyms"]),
        with_article=frozenset(places["with_article"]),
        not_the_state=frozenset(places["not_the_state"]),
        languages=dict(places["languages"]),
        infobox_keys=dict(infobox["keys"]),
        infobox_event_keys=dict(infobox["event_keys"]),
        event_titles=dict(infobox["event_titles"]),
        infobox_junk=tuple(re.compile(p) for p in infobox["junk"]["patterns"]),
        election_adjectives=dict(offices["election_adjectives"]),
        office_nouns=dict(offices["office_nouns"]),
        leading_titles=dict(offices["leading_titles"]),
        body_heads=dict(offices["body_heads"]),
        led_nouns=dict(offices["led_nouns"]),
        political_heads=frozenset(offices["political_names"]["heads"]),
    )


@dataclass(frozen=True)
class NameWords:
    """How personal names are built (``histkg/data/names.toml``)."""

    months: frozenset[str]
    weekdays: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    titles: frozenset[str]
    family_first: frozenset[str]
    not_names: frozenset[str]
    not_person_heads: frozenset[str]
    determiners: frozenset[str]
    place_prepositions: frozenset[str]
    way_prepositions: frozenset[str]
    motion_verbs: frozenset[str]
    way_nouns: frozenset[str]
    dwelling_nouns: frozenset[str]
    organization_nouns: frozenset[str]
    territory_titles: frozenset[str]


@cache
def name_words() -> NameWords:
    """Load the name vocabulary (cached)."""
    data = _load("names.toml")
    return NameWords(**{key: frozenset(data[key]) for key in NameWords.__dataclass_fields__})


@cache
def _demonym_re() -> re.Pattern[str]:
    names = sorted(lexicon().demonyms, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def _not_the_state(text: str, end: int) -> bool:
    """Whether the word after a demonym makes it an empire's, a people's or a language's."""
    after = re.match(r"\s+([\w-]+)", text[end : end + 40])
    return after is not None and after.group(1) in lexicon().not_the_state


def lead_demonym(text: str) -> str | None:
    """The place of the demonym that describes an article's subject in its defining
    clause ("A was a Soviet politician", "B is a Chilean general"), if there is one."""
    clause = re.search(r"\b(?:is|was|were|are)\s+(?:an?|the)\s+(?P<rest>[^,.;()]{0,80})", text)
    if clause is None:
        return None
    rest = clause.group("rest")
    found = _demonym_re().search(rest)
    if found is None or _not_the_state(rest, found.end()):
        return None
    return lexicon().demonyms[found.group(0)]


def count_demonyms(text: str) -> tuple[dict[str, int], dict[str, int]]:
    """How often ``text`` names each country by its demonym ("Soviet", "North Korean";
    the longest form wins), and where it does first: (counts, first offsets)."""
    demonyms = lexicon().demonyms
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in _demonym_re().finditer(text):
        if _not_the_state(text, m.end()):
            continue  # "the Russian Empire", "of Polish descent"
        place = demonyms[m.group(0)]
        counts[place] = counts.get(place, 0) + 1
        first.setdefault(place, m.start())
    return counts, first
