"""The mapping tables of ``data/infobox.toml``, and the kind of an infobox.

Keys are case/space/underscore-insensitive (``fold_key``) and numbered keys
(``office2``, ``term_start3`` …) are matched by their base (``lookup``). An infobox is an
``officeholder``, ``event`` or ``org`` box, decided by its keys and name
(``infobox_kind``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from histkg.lexicon import lexicon
from histkg.model import Article


def fold_key(key: str) -> str:
    """``"Term Start3"``, ``"term_start3"`` and ``"termstart3"`` -> ``"termstart3"``."""
    return re.sub(r"[\s_-]+", "", key.strip().lower())


@dataclass(frozen=True)
class Tables:
    """``data/infobox.toml``, with every key table folded (see ``fold_key``)."""

    org: dict[str, dict[str, str]]
    event: dict[str, dict[str, str]]
    officeholder: dict[str, dict[str, str]]
    kind_keys: dict[str, frozenset[str]]
    placeholders: frozenset[str]
    office_words: tuple[str, ...]
    org_words: frozenset[str]
    no_holder: tuple[re.Pattern[str], ...]
    self_words: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    honorifics: tuple[str, ...]
    casualty_marks: tuple[str, ...]
    death_causes: dict[str, tuple[str, ...]]


@cache
def tables() -> Tables:
    text = resources.files("histkg").joinpath("data", "infobox.toml").read_text(encoding="utf-8")
    raw: dict[str, Any] = tomllib.loads(text)
    lex = lexicon()

    def folded(table: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        return {fold_key(k): v for k, v in table.items()}

    first_words = {o.split()[0] for office in lex.offices for o in office.forms if o[:1].isupper()}
    kinds = raw["kinds"]
    return Tables(
        org=folded(raw["keys"]),
        event=folded(raw["event_keys"]),
        officeholder=folded(raw["officeholder_keys"]),
        kind_keys={k: frozenset(fold_key(x) for x in kinds[k]) for k in ("officeholder", "event")},
        placeholders=frozenset(kinds["placeholder_titles"]),
        office_words=tuple(sorted(set(raw["offices"]["words"]) | first_words)),
        org_words=frozenset(raw["offices"]["org_words"])
        | frozenset(lex.org_heads)
        | frozenset(lex.party_words)
        | frozenset(w for b in lex.governing_bodies for w in b.split()),
        no_holder=tuple(re.compile(p) for p in raw["holders"]["none"]),
        self_words=frozenset(raw["holders"]["self"]),
        particles=frozenset(raw["person_names"]["particles"]),
        suffixes=frozenset(raw["person_names"]["suffixes"]),
        honorifics=tuple(
            sorted(
                set(raw["person_names"]["honorifics"]) | set(lex.honorifics),
                key=len,
                reverse=True,
            )
        ),
        casualty_marks=tuple(raw["person_names"]["casualty_marks"]),
        death_causes={k: tuple(v) for k, v in raw["death_causes"].items()},
    )


def lookup(table: dict[str, dict[str, str]], key: str) -> tuple[dict[str, str] | None, int, str]:
    """The rule for ``key``, the number of its group (0 when unnumbered) and its base.

    ``"Term Start3"`` -> (rule of ``term_start``, 3, ``"termstart"``); a key listed with
    its number (``seats1_title``) is found as it is.
    """
    k = fold_key(key)
    if k in table:
        return table[k], 0, k
    m = re.fullmatch(r"(?P<base>.*?[a-z])(?P<n>\d+)", k)
    if m and m.group("base") in table:
        return table[m.group("base")], int(m.group("n")), m.group("base")
    base = m.group("base") if m else k
    return None, int(m.group("n")) if m else 0, base


# --- kinds ---------------------------------------------------------------------------------


def event_class_of(title: str) -> str | None:
    """The event class an article title names ("1965 coup d'état attempt" -> CoupAttempt)."""
    words = re.findall(r"[\w'’-]+", title.lower())
    for word in reversed(words):
        if word in lexicon().event_titles:
            return lexicon().event_titles[word]
    return None


def _bases(article: Article) -> set[str]:
    out = set()
    for f in article.infobox:
        k = fold_key(f.key)
        out.add(k)
        out.add(re.sub(r"\d+$", "", k))
    return out


def infobox_name(article: Article) -> str | None:
    """The infobox's name: its name line, or, when that is a placeholder ("Infobox"), the
    value of a name key, else the article title."""
    if article.infobox_title is None:
        return None
    title = article.infobox_title.strip(" ,;")
    if title and title not in tables().placeholders:
        return title
    for f in article.infobox:
        rule, _n, _b = lookup(tables().event, f.key)
        if rule is not None and rule["kind"] == "name" and f.value.strip():
            return f.value.strip()
    return article.title


def infobox_kind(article: Article) -> str | None:
    """``officeholder``, ``event`` or ``org`` (None when there is no infobox)."""
    name = infobox_name(article)
    if name is None:
        return None
    bases = _bases(article)
    t = tables()
    if bases & t.kind_keys["officeholder"]:
        return "officeholder"
    if event_class_of(name) is not None or bases & t.kind_keys["event"]:
        return "event"
    return "org"
