"""Nothing in src/ may know a fact of the seed articles: no seed person, no seed date."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

SEED_NAMES = [
    "Malenkov",
    "Molotov",
    "Kaganovich",
    "Shepilov",
    "Khrushchev",
    "Khruschev",
    "Bulganin",
    "Voroshilov",
    "Pervukhin",
    "Saburov",
    "Mikoyan",
    "Suslov",
    "Kirichenko",
    "Zhukov",
    "Stalin",
    "Brezhnev",
    "Mao Zedong",
    "Anti-Party",
]
SEED_DATES = ["1956", "1957", "1958", "1961", "1976", "June 18", "June 22", "June 29"]
SOURCES = sorted(
    p
    for folder in ("src", "ontology", "shapes", "queries")
    for p in (ROOT / folder).rglob("*")
    if p.is_file() and p.suffix in {".py", ".toml", ".ttl", ".rq", ".jsonld"}
)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_real_not_toy_no_seed_facts_in_code_or_data(path: object) -> None:
    from pathlib import Path

    assert isinstance(path, Path)
    text = path.read_text(encoding="utf-8")
    for name in SEED_NAMES:
        assert name not in text, f"{path} names {name!r}"
    for date in SEED_DATES:
        assert not re.search(rf"(?<!\d){re.escape(date)}(?!\d)", text), f"{path} holds {date!r}"
