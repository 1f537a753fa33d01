"""The names one article uses, learned in a first pass over its parsed blocks
(:class:`NameBook`), and the ruler that marks them in its text for the second pass.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from lemminflect import getAllLemmas
from spacy.language import Language
from spacy.tokens import Doc, Span

from histkg.extract.doc_table import doc_table
from histkg.extract.given_names import given_extended, given_named
from histkg.extract.names import name_of
from histkg.extract.nlp import (
    NOT_A_NAME_RE,
    PAREN_RE,
    STOP_NAME_TOKENS,
    is_name_token,
    lemma,
    single_word_ok,
    span_words,
    title_words,
)
from histkg.extract.person_spans import (
    coordinated_named,
    org_headed,
    person_names,
    titled_names,
)
from histkg.extract.role_names import acting_named, role_named
from histkg.extract.ruler import PhraseRuler
from histkg.extract.rules import grammar, lemmas_of
from histkg.lexicon import lexicon
from histkg.parse.dates import MONTHS


@dataclass
class NameBook:
    """The names learned from one article (or from the copies of one article) in a first
    pass. Names never travel from one article to another: a word one article uses as a
    name says nothing about the same word elsewhere ("May" the month, "Alice Springs")."""

    full_names: set[str] = field(default_factory=set)
    single_names: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    variants: dict[str, str] = field(default_factory=dict)
    not_persons: dict[str, str] = field(default_factory=dict)  # name -> why not
    #: last words of long names that are countries the article also names ("France" of
    #: "Pierre Mendès France"): alone, the word stays the place
    place_surnames: set[str] = field(default_factory=set)
    dropped: list[tuple[str, int, str, str]] = field(default_factory=list)  # doc, at, name, why
    _surnames: tuple[tuple[frozenset[str], ...], set[str]] | None = field(
        default=None, repr=False, compare=False
    )

    @property
    def surnames(self) -> set[str]:
        """Single words that name a person: short forms of full names and single names."""
        key = (
            frozenset(self.full_names),
            frozenset(self.single_names),
            frozenset(self.place_surnames),
        )
        if self._surnames is None or self._surnames[0] != key:
            self._surnames = (key, self._surnames_of())
        return set(self._surnames[1])

    def _surnames_of(self) -> set[str]:
        short = {
            form
            for n in self.full_names
            if (name := name_of(n.split())) is not None
            for form in name.short_forms()
            if " " not in form
        }
        names = short | {n.split()[-1] for n in self.full_names} | self.single_names
        return names - self.place_surnames

    def canonical_surname(self, token: str) -> str | None:
        if token in self.surnames:
            return token
        return self.variants.get(token)

    def drop(self, doc_id: str, at: int, name: str, why: str) -> None:
        self.dropped.append((doc_id, at, name, why))


def _is_biography(title: str, docs: list[Doc]) -> bool:
    """The article is about a person: its first sentence gives life dates or "born" right
    after the title, or says the title is a word for a person ("A B was a Ruritanian
    lawyer and politician")."""
    if not docs or not docs[0].text.strip():
        return False
    first = next(iter(docs[0].sents))
    text = first.text
    if re.search(r"\(\s*(?:born|b\.|c\.|died|d\.)\s", text):
        return True
    if re.search(r"\([^()]*\d[^()]*(?:–|-|—|to)\s*[^()]*\d[^()]*\)", text) and re.search(
        r"\b(?:was|is)\b", text
    ):
        head = text.split("(")[0]
        return all(w in head for w in title.split()[:1])
    return text.startswith(title) and _says_a_person(first)


def _says_a_person(sentence: Span) -> bool:
    """ "… was a Ruritanian lawyer and politician": the copula's complement is a word for
    a person (the word lists of rules.py), "a 1972 novel" or "a ship" is not."""
    root = sentence.root
    if lemma(root) != "be":
        return False
    attrs = [c for c in root.children if c.dep_ == "attr"]
    nouns = grammar().person_nouns
    return any(lemmas_of(a) & nouns for t in attrs for a in [t, *t.conjuncts])


def title_name(title: str, docs: list[Doc]) -> str | None:
    """The person a biography's title names, without its disambiguation ("A B
    (politician)" names A B): a biography's title is its subject's name even where the
    model misses it at the start of the first sentence."""
    name = PAREN_RE.sub("", title).strip()
    if " " not in name or name_of(name.split()) is None:
        return None
    return name if _is_biography(name, docs) else None


def harvest(docs: Iterable[Doc], title: str = "") -> NameBook:
    """First pass over one article: the person names and places the model found in it.

    A single word counts as a name when the article also uses it in a full name, or the
    model calls it a person twice, or once not at the start of a sentence.
    """
    book = NameBook()
    docs = list(docs)
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in {"GPE", "LOC"} and all(t.text[:1].isupper() for t in ent):
                book.places.add(ent.text[4:] if ent.text.startswith("the ") else ent.text)
    singles: dict[str, float] = defaultdict(float)
    for doc in docs:
        found = [
            *person_names(doc),
            *titled_names(doc),
            *role_named(doc),
            *acting_named(doc),
            *coordinated_named(doc),
            *given_named(doc),
            *given_extended(doc),
        ]
        for name in found:
            if len(name) > 1 and name[0].text in book.places:
                continue  # a place glued to a name ("Bavaria Hoffmann")
            if org_headed(name.text):
                continue  # "Air Force", "Logistics Department": an organization
            words = span_words(name)
            if all(w in title_words() for w in words):
                continue  # "the old King", "the Prince Regent": a title, not a name
            if len(words) > 1:
                book.full_names.add(name.text)
            else:
                singles[name.text] += 1 if name.start > name.sent.start else 0.5
    named = title_name(title, docs) if title else None
    if named is not None:
        book.full_names.add(named)
    elif title and name_of(title.split()) is not None and not _is_biography(title, docs):
        book.not_persons[title] = "the article's title, and the article is not a biography"
    book.full_names -= set(book.not_persons)
    full_short = {
        form
        for n in book.full_names
        if (parsed := name_of(n.split())) is not None
        for form in parsed.short_forms()
    } | {n.split()[-1] for n in book.full_names}
    book.single_names = {
        n for n, c in singles.items() if (c >= 1 or n in full_short) and n not in book.not_persons
    }
    known = book.single_names | set(singles) | {n.split()[-1] for n in book.full_names}
    book.full_names |= _owners_named(docs, known)
    book.single_names |= _given_names_alone(docs, book)
    # A single name that is also some place, and is never part of a full name, stays a place.
    book.single_names -= {n for n in book.single_names if n in book.places}
    countries = set(lexicon().demonyms.values())
    book.place_surnames = {
        n.split()[-1]
        for n in book.full_names
        if len(n.split()) >= 3 and n.split()[-1] in book.places and n.split()[-1] in countries
    }
    book.places -= book.surnames
    book.places -= book.full_names  # what the grammar shows a person is not also a place
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
        text
        for doc in docs
        for text in doc_table(doc).texts
        if len(text) >= 5 and is_name_token(text)
    }
    for text in sorted(candidates - book.surnames - book.places - STOP_NAME_TOKENS):
        variant = _close_match(text, surnames)
        if variant is not None:
            book.variants[text] = variant
    return book


def _given_names_alone(docs: list[Doc], book: NameBook) -> set[str]:
    """First words of full names the article uses alone, at least twice, for the one
    person it names in full with them: "Samorn" for "Samorn Kittipong" where a given name
    is how people are called (Thai, Ethiopian, Icelandic usage). Not a word that is also
    a surname, a place, a title or an English word."""
    openers: dict[str, set[str]] = defaultdict(set)
    for full in book.full_names:
        words = full.split()
        if len(words) >= 2:
            openers[words[0]].add(words[1])
    lasts = {full.split()[-1] for full in book.full_names}
    titles = title_words()
    candidates = {
        word: next(iter(nexts))
        for word, nexts in openers.items()
        if len(nexts) == 1
        and word not in lasts
        and word not in book.places
        and word not in titles
        and len(word) >= 3
        and is_name_token(word)
        and not getAllLemmas(word.lower())
    }
    alone: dict[str, int] = defaultdict(int)
    for doc in docs:  # one pass over the words: how often each is used on its own
        for t in doc:
            second = candidates.get(t.text)
            if second is None:
                continue
            if (t.i + 1 >= len(doc) or doc[t.i + 1].text != second) and (
                t.i == 0 or not doc[t.i - 1].is_title or doc[t.i - 1].is_sent_start
            ):
                alone[t.text] += 1
    return {word for word, count in alone.items() if count >= 2}


def _owners_named(docs: list[Doc], singles: set[str]) -> set[str]:
    """ "the Centre Union of Georgios Papandreou": a person the model glued into an
    organization's name after "of", when the article names that person alone elsewhere
    ("Papandreou was arrested")."""
    heads = {w for h in lexicon().org_heads for w in h.split()}
    out = set()
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ != "ORG" or " of " not in ent.text:
                continue
            tail = ent.text.rsplit(" of ", 1)[1].split()
            if not 2 <= len(tail) <= 4 or tail[-1] not in singles:
                continue
            if all(w[:1].isupper() and w not in heads and is_name_token(w) for w in tail):
                out.add(" ".join(tail))
    return out


def name_books(
    nlp: Language,
    docs: list[Doc],
    groups: list[str],
    titles: dict[str, str],
    known: dict[str, list[str]],
) -> tuple[list[Doc], dict[str, NameBook]]:
    """Learn the names of each article (``groups[i]`` is the article of ``docs[i]``) and
    mark them in its text with a ruler of its own (``extract/ruler.py``).

    ``titles`` gives each group's title, ``known`` full names from its infobox.
    """
    by_group: dict[str, list[int]] = defaultdict(list)
    for i, group in enumerate(groups):
        by_group[group].append(i)
    books: dict[str, NameBook] = {}
    out = list(docs)
    for group, indexes in by_group.items():
        book = harvest([docs[i] for i in indexes], titles.get(group, ""))
        book.full_names.update(known.get(group, []))
        for name in known.get(group, []):  # "Salvador …" from the infobox: a given name here
            book.places -= {name, name.split()[0]}
        for i in indexes:  # names listed among known people are people, not places
            for span in expand_coordinations(docs[i], book):
                if span.text in book.places:
                    book.places.discard(span.text)
                    book.single_names.add(span.text)
                elif len(span_words(span)) > 1 and not org_headed(span.text):
                    # "A, B and C D": the ruler marks C D wherever the article names it
                    book.full_names.add(span.text)
        if book.full_names or book.single_names or book.places or book.variants:
            ruler = corpus_ruler(nlp, book)
            for i in indexes:
                out[i] = ruler(docs[i])
        books[group] = book
    return out, books


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


def corpus_ruler(nlp: Language, book: NameBook) -> PhraseRuler:
    """A ruler that marks every name and place of one article, overriding the model."""
    patterns: list[tuple[str, str]] = []
    for name in sorted(book.full_names | book.surnames | set(book.variants)):
        patterns.append(("PERSON", name))
    for place in sorted(book.places):
        patterns.append(("GPE", place))
    return PhraseRuler(nlp, patterns)


def expand_coordinations(doc: Doc, book: NameBook) -> list[Span]:
    """Names in a list "A, B, C and D" where most items are known people are people too;
    an item is one to three name words ("Merz, Ivo Dahl and Lena Brod")."""
    texts = doc_table(doc).texts
    ok = [_coordinable(t) for t in texts]
    found: list[Span] = []
    i = 0
    n = len(doc)
    while i < n:
        if not ok[i] or (i > 0 and texts[i - 1] in {"-", "–"}):
            i += 1
            continue
        items: list[tuple[int, int]] = []
        j = i
        while j < n and ok[j]:
            end = j
            while end < n and ok[end] and end - j < 3:
                end += 1
            items.append((j, end))
            if end < n and texts[end] in {",", "and"}:
                j = end + 1
                if j < n and texts[j] == "and":
                    j += 1
                continue
            break
        if len(items) >= 3:
            known = [(b, e) for b, e in items if _known_item(doc[b:e], book)]
            if len(known) * 2 >= len(items):
                titles = title_words()
                for b, e in items:
                    while e - b > 1 and texts[b] in titles:
                        b += 1  # "Lieutenants A B": the name without its rank
                    if e - b > 1 and texts[b] in MONTHS and b > 0 and texts[b - 1].isdigit():
                        b += 1  # "On 24 September A, B and C": the date's month is no name
                    if (e - b == 1 and single_word_ok(doc[b])) or e - b > 1:
                        found.append(doc[b:e])
            i = items[-1][1]
        else:
            i += 1
    return found


@cache
def _coordinable(text: str) -> bool:
    """A word that can be (part of) an item of a list of names."""
    return is_name_token(text) and text not in STOP_NAME_TOKENS and not NOT_A_NAME_RE.search(text)


def _known_item(item: Span, book: NameBook) -> bool:
    return item.text in book.full_names or any(book.canonical_surname(t.text) for t in item)
