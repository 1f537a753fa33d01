"""The parts of a personal name: titles, particles, initials, suffixes, name order.

Pure functions over words; the vocabulary is in ``histkg/data/names.toml``.

>>> parse_name("General A. P. Smirnov").text
'A. P. Smirnov'
>>> parse_name("Juan Carlos I").family is None
True
>>> parse_name("Charles de Gaulle").short_forms()
['de Gaulle', 'Gaulle']
>>> parse_name("Kim Il-sung").family_first
True
>>> parse_name("Anna Berg-Lund Jr.").family
'Berg-Lund'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from histkg.lexicon import name_words

#: "A.", "Ya.", "A.H.", "V.I." (two-letter initials transliterate one Cyrillic letter).
INITIALS_RE = re.compile(r"(?:[A-Z][a-z]?\.){1,3}")
ROMAN_RE = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
#: Letters run together with a capitalised tag ("SmithWIA"): residue of a table, not a name.
GLUED_RE = re.compile(r"[a-z][A-Z]{2,}")
ABBREVIATIONS = frozenset({"St.", "Mt.", "Ft.", "No.", "Co.", "Dr.", "Mr.", "Jr.", "Sr.", "Vs."})


def is_initial(word: str) -> bool:
    """An initial: "A.", "Ya.", "A.H." (a title abbreviation such as "Dr." is not)."""
    return bool(INITIALS_RE.fullmatch(word)) and word not in ABBREVIATIONS


def is_particle(word: str) -> bool:
    """A lower-case word inside a name: "de", "van", "bin", "al-"."""
    return word.lower() in name_words().particles and word[:1].islower()


def is_name_word(word: str) -> bool:
    """A capitalised word of letters in any script, hyphens and apostrophes inside
    ("Ceaușescu", "O'Brien", "Todorov-Gorunya", "Do-yong", "al-Rashid")."""
    if GLUED_RE.search(word):
        return False
    head = re.match(r"(?:al|el|ul|ad|ar|as|at|az|ibn|bin|d|l)['’-](?=\w)", word)
    rest = word[head.end() :] if head else word
    parts = [p for p in re.split(r"[-'’]", rest)]
    return (
        rest[:1].isupper()
        and all(part.isalpha() for part in parts)
        and any(c.islower() for c in rest)
    )


def is_suffix(word: str) -> bool:
    """A generational suffix or a regnal number: "Jr.", "III", "I"."""
    return word in name_words().suffixes or bool(ROMAN_RE.fullmatch(word))


def strip_titles(words: Sequence[str]) -> list[str]:
    """Drop titles and ranks before a name and a possessive after it."""
    titles = name_words().titles
    out = list(words)
    while len(out) > 1 and (out[0] in titles or out[0] in {"of", "the", "The"}):
        out.pop(0)
    while out and out[-1] in {"'s", "’s", "'", ","}:
        out.pop()
    if out:
        out[-1] = re.sub(r"['’]s?$", "", out[-1]) or out[-1]
    return out


@dataclass(frozen=True)
class PersonName:
    """A personal name cut into its parts."""

    words: tuple[str, ...]  # as written, titles stripped
    family_first: bool = False
    #: the article calls the person by the first word alone, never the last ("Samorn" of
    #: "Samorn Kittipong"): that word is a short form too
    by_first: bool = False

    @cached_property
    def text(self) -> str:
        return " ".join(self.words)

    @cached_property
    def core(self) -> tuple[str, ...]:
        """The words without a trailing suffix or regnal number."""
        words = list(self.words)
        while len(words) > 1 and is_suffix(words[-1]):
            words.pop()
        return tuple(words)

    @property
    def regnal(self) -> bool:
        """Ends in a regnal number ("Juan Carlos I", "Henry VIII"); a numeral after a name
        with an initial or three words is generational ("John Q. Adams III")."""
        if len(self.words) < 2 or not ROMAN_RE.fullmatch(self.words[-1]):
            return False
        before = self.words[:-1]
        generational = any(is_initial(w) for w in before) or len(before) >= 3
        return self.words[-1] == "I" or not generational

    @property
    def name_count(self) -> int:
        """Words that are names or initials (not particles or suffixes)."""
        return sum(1 for w in self.core if not is_particle(w))

    @property
    def is_full(self) -> bool:
        """At least two name words: can stand for a person across documents."""
        return self.name_count >= 2 and not (self.regnal and self.name_count < 2)

    @property
    def family(self) -> str | None:
        """The family name, when the name's structure makes it safe to tell."""
        core = self.core
        if self.regnal or len(core) < 2:
            return None
        if self.family_first:
            return core[0]
        if any(is_particle(w) for w in core) or is_initial(core[-1]):
            return None
        return core[-1]

    @property
    def given(self) -> str | None:
        core = self.core
        family = self.family
        if family is None:
            return None
        given = core[1:] if self.family_first else core[:-1]
        if not given or all(is_initial(w) for w in given):
            return None
        return " ".join(given)

    def short_forms(self) -> list[str]:
        """What the name may be shortened to in running text, longest first.

        Western order: the family name with its particles ("de Gaulle", "Gaulle"), the
        last words of a long name ("Oliveira Salazar") and the last part of a hyphenated
        family name ("Ironsi" of "Aguiyi-Ironsi"); family-name-first: the family name.
        """
        return list(self._short_forms)

    @cached_property
    def _short_forms(self) -> tuple[str, ...]:
        """:meth:`short_forms`, made once (resolution compares every pair of names)."""
        return tuple(self._make_short_forms())

    def _make_short_forms(self) -> list[str]:
        core = self.core
        if self.by_first and not self.family_first and len(core) >= 2 and not self.regnal:
            return [*self._western_forms(), core[0]]
        return self._western_forms()

    def _western_forms(self) -> list[str]:
        core = self.core
        if len(core) < 2 or self.regnal:
            return []
        if self.family_first:
            return [core[0]]
        forms = []
        for i in range(1, len(core)):
            tail = core[i:]
            if is_particle(tail[0]) and len(tail) > 1:
                forms.append(" ".join(tail))
            elif not is_particle(tail[0]) and not is_initial(tail[0]):
                forms.append(" ".join(tail))
        for i in range(1, len(core)):  # "José de la Cruz Ortega" goes by "de la Cruz"
            if is_particle(core[i]) and not is_particle(core[i - 1]):
                j = i
                while j < len(core) and is_particle(core[j]):
                    j += 1
                if j < len(core) - 1:
                    forms.append(" ".join(core[i : j + 1]))
        last = core[-1].split("-")
        if len(last) > 1 and len(last[-1]) > 2 and last[-1][:1].isupper():
            forms.append(last[-1])  # "Aguiyi-Ironsi" goes by "Ironsi"
        return forms

    def abbreviates(self, other: PersonName) -> bool:
        """``self`` is a shorter form of ``other``: "Marcelo Caetano" of "Marcelo José
        Caetano", "Caetano" or "de Gaulle" of a longer name, "Kim" of "Kim Il-sung",
        "Louis" of "Louis XVI"."""
        if other.regnal and not self.regnal:
            return self.words == other.words[:-1]
        if len(self.core) >= len(other.core) or self.core == other.core:
            return False
        forms = other._short_forms
        if self.text in forms or self.text[:1].lower() + self.text[1:] in forms:
            return True  # "De la Cruz" opening a sentence is "de la Cruz"
        mine, theirs = list(self.core), list(other.core)
        if other.family_first:
            return theirs[: len(mine)] == mine
        if len(mine) < 2 or mine[0] != theirs[0] or mine[-1] != theirs[-1]:
            return False
        it = iter(theirs)
        return all(any(w == t for t in it) for w in mine)


def name_of(words: Sequence[str], used_alone: Iterable[str] = ()) -> PersonName | None:
    """The name the words make up, titles stripped; ``None`` when they make none.

    ``used_alone``: words the article uses alone for some person (tells name order).
    """
    words = strip_titles(words)
    if not words:
        return None
    for i, word in enumerate(words):
        last = i == len(words) - 1
        if is_name_word(word) or is_initial(word):
            continue
        if is_particle(word) and 0 < i and not last:
            continue
        if is_suffix(word) and last and i > 0:
            continue
        if len(word) == 1 and word.isupper() and 0 < i and not last:  # "Harry S Truman"
            continue
        return None
    if is_initial(words[-1]):
        return None
    alone = set(used_alone)
    family_first = _family_first(words, alone)
    by_first = (
        not family_first
        and len(words) >= 2
        and words[0] in alone
        and words[-1] not in alone
        and not is_particle(words[0])
    )
    return PersonName(tuple(words), family_first, by_first)


def parse_name(text: str, used_alone: Iterable[str] = ()) -> PersonName | None:
    """:func:`name_of` over the words of ``text``."""
    return name_of(text.split(), used_alone)


#: one to three romanized Chinese syllables (pinyin or Wade–Giles-like): "Zedong", "Lin"
_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])"
_FINAL = (
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan"
    r"|ai|ei|ao|ou|an|en|er|ia|ie|in|iu|ua|uo|ui|un|ue|a|e|i|o|u)"
)
PINYIN_RE = re.compile(rf"(?i)(?:{_INITIAL}?{_FINAL}){{1,3}}")


def _family_first(words: Sequence[str], used_alone: set[str]) -> bool:
    """East Asian order: a known family name first, and a given name written as
    romanized syllables ("Do-yong", "Il Sung", "Zedong") or the article using the first
    word alone and never the last."""
    core = [w for w in words if not is_suffix(w)]
    if len(core) < 2 or len(core) > 3 or core[0] not in name_words().family_first:
        return False
    if core[0] in used_alone and core[-1] not in used_alone:
        return True
    given = core[1:]
    if len(given) == 1 and re.fullmatch(r"[A-Z][a-z]{1,6}-[a-z]{2,6}", given[0]):
        return True  # "Do-yong", "Il-sung"
    if len(given) == 1 and PINYIN_RE.fullmatch(given[0]) and core[-1] not in used_alone:
        return True  # "Zedong", "Xiaoping", "Lin": romanized syllables
    if len(given) == 2 and all(re.fullmatch(r"[A-Z][a-z]{1,4}", w) for w in given):
        return core[-1] not in used_alone  # "Kim Il Sung", "Park Chung Hee"
    return False


def name_key(name: PersonName) -> str:
    """The form two documents' names must share to be one person: the words as written,
    with a hyphen and a space told apart but case and spacing ignored."""
    return " ".join(w.casefold() for w in name.words)


def article_group(title: str) -> str:
    """Articles with one title are copies of one article: they share their names."""
    return " ".join(title.casefold().split())
