"""Person resolution: which mentions name the same person.

Inside one article (or the copies of one article: files with one title), a short form
("Berg", "de Gaulle", "Kim", "Anna Berg" for "Anna Maria Berg") joins the full name it
shortens when exactly one full name of that article fits; an ambiguous short form stays
a person of its own, unless the article's title is named after it ("Berg" in "Berg
trial"): then it is the one of those persons the article names first. A spelling variant
of a surname in the same article joins it.

Across articles, two persons are one only when they share a full name (two name words or
more, the same words) and no article would see two of its persons joined by it; a single
word ("May", "Mayo", "Augustus") never joins anything in another article.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from histkg.extract import CorpusExtraction
from histkg.extract.names import PersonName, article_group, name_key, parse_name
from histkg.model import Extraction, Mention, Ref

#: titles of articles about several people of one name: its surname alone is no one
FAMILY_WORDS = frozenset({"family", "dynasty", "house", "brothers", "sisters", "clan", "kings"})


def _clean(text: str) -> str:
    return " ".join(text.split())


def _parse(text: str, alone: set[str] | None = None) -> PersonName | None:
    """The name in ``text``; WikiText's spaced hyphen ("Do @-@ yong") read as a hyphen."""
    return parse_name(text.replace(" @-@ ", "-"), alone or set())


@dataclass
class _Local:
    """A person as one article knows them: every form it uses for them."""

    group: str
    canonical: str  # the article's fullest name for them
    forms: set[str] = field(default_factory=set)

    @property
    def id(self) -> tuple[str, str]:
        return (self.group, self.canonical)


def _order_free_key(name: PersonName) -> tuple[str, ...]:
    """A name's words in any order, without accents or case: "Hata Shunroku" and
    "Shunroku Hata", "Jirô Minami" and "Jirō Minami" have one key."""
    return tuple(
        sorted(
            "".join(
                c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c)
            ).casefold()
            for w in name.core
        )
    )


def _join_word_orders(fulls: dict[str, PersonName], canonical: dict[str, str]) -> None:
    """One article writing a name both family name first and last, or with and without
    its accents, names one person: their canonical forms become one (the first in
    order), so every form joins it. Only the same words, never a subset."""
    by_key: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for t, n in fulls.items():
        if len(n.core) >= 2 and canonical[t] == t:
            by_key[_order_free_key(n)].add(t)
    for same in by_key.values():
        if len(same) < 2:
            continue
        first = min(same)
        for t, target in canonical.items():
            if target in same:
                canonical[t] = first


def person_texts(ex: Extraction) -> list[str]:
    """Every text an extraction uses for a person."""
    texts = [m.text for m in ex.mentions if m.kind == "person"]
    for org in ex.orgs:
        texts += [m.text for m in org.leaders + org.members]
    for ev in ex.events:
        roles = ev.agents + ev.affected + ev.participants + ev.voted_for + ev.voted_against
        texts += [m.text for m in roles if m.kind == "person"]
    for t in ex.tenures:
        texts.append(t.holder.text)
        texts += [m.text for m in (t.predecessor, t.successor) if m is not None]
    texts += [person.text for _alias, person in getattr(ex, "aliases", [])]
    return [t for t in texts if t.strip()]


class PersonIndex:
    """Resolves person mentions to :class:`Ref` s, once for the whole corpus."""

    def __init__(self, corpus: CorpusExtraction) -> None:
        texts: dict[str, set[str]] = defaultdict(set)
        self.first: dict[str, dict[str, int]] = defaultdict(dict)  # text -> first place named
        for ex in corpus.extractions:
            group = article_group(ex.article.title)
            texts[group].update(_clean(t) for t in person_texts(ex))
            for m in ex.mentions:
                if m.kind == "person":
                    at = self.first[group].get(_clean(m.text), m.span.begin)
                    self.first[group][_clean(m.text)] = min(at, m.span.begin)
        self.local: dict[tuple[str, str], _Local] = {}  # (group, text) -> its person
        self.names: dict[tuple[str, str], PersonName | None] = {}
        self.alone: dict[str, set[str]] = {}
        for group in sorted(texts):
            self._group(group, sorted(texts[group]))
        self._join_across()

    # --- one article ------------------------------------------------------------------

    def _group(self, group: str, texts: list[str]) -> None:
        alone = {t for t in texts if len(t.split()) == 1}
        self.alone[group] = alone
        names = {t: _parse(t, alone) for t in texts}
        for t, n in names.items():
            if n is not None and n.by_first and not self._called_by_first(group, t, texts):
                names[t] = replace(n, by_first=False)
        self.names.update({(group, t): n for t, n in names.items()})
        fulls = {t: n for t, n in names.items() if n is not None and n.is_full}
        surnames = sorted(
            {f for n in fulls.values() for f in n.short_forms() if " " not in f}
            | {n.core[-1] for n in fulls.values()}
        )
        # the fullest form of each full name: the one longer name it abbreviates, if one
        canonical: dict[str, str] = {}
        for t, n in fulls.items():
            longer = {u for u, m in fulls.items() if n.abbreviates(m)}
            maximal = {u for u in longer if not any(fulls[u].abbreviates(fulls[v]) for v in longer)}
            canonical[t] = maximal.pop() if len(maximal) == 1 else t
        _join_word_orders(fulls, canonical)
        # "Louis" of "Louis XVI": a monarch's name is full within the article only (one
        # name and a number stand for no one across documents)
        regnal = {t: n for t, n in names.items() if n is not None and n.regnal and t not in fulls}
        within = fulls | regnal
        canonical |= {t: t for t in regnal}
        persons: dict[str, _Local] = {}
        for t in texts:
            name = names[t]
            if t in canonical:
                target = canonical[t]
            else:
                target = self._short_target(t, name, within, canonical, surnames)
                if target == t:  # "Berg" in "Berg trial": the first Berg the article names
                    target = self._title_name(group, t, name, fulls, canonical)
            local = persons.setdefault(target, _Local(group, target))
            local.forms.add(t)
            self.local[(group, t)] = local

    def _called_by_first(self, group: str, full: str, texts: list[str]) -> bool:
        """Whether the first word of ``full``, used alone, can only mean that person: no
        other name of the article opens with it, and the article names the person in
        full before it uses the word alone ("Samorn Kittipong … Samorn resigned"; not
        "William … William de Bayeux", two Williams), and no name ends with it."""
        first_word, last_word = full.split()[0], full.split()[-1]
        others = {u.split()[-1] for u in texts if len(u.split()) > 1 and u.split()[0] == first_word}
        if others != {last_word}:
            return False
        if any(len(u.split()) > 1 and u.split()[-1] == first_word for u in texts):
            return False  # "Anton" of "Anton Lenz" and of "Karl Anton": either of two
        named = self.first[group].get(full)
        alone = self.first[group].get(first_word)
        return named is not None and alone is not None and named < alone

    @staticmethod
    def _short_target(
        text: str,
        name: PersonName | None,
        fulls: dict[str, PersonName],
        canonical: dict[str, str],
        surnames: list[str],
    ) -> str:
        """The full name a short form stands for, when exactly one fits; else itself."""
        probe = name
        if name is not None and len(name.words) == 1 and text not in surnames:
            variant = _spelling_variant(text, surnames)
            if variant is not None:
                probe = PersonName((variant,))
        if probe is None:
            return text
        fits = {canonical[u] for u, m in fulls.items() if probe.abbreviates(m)}
        return fits.pop() if len(fits) == 1 else text

    def _title_name(
        self,
        group: str,
        text: str,
        name: PersonName | None,
        fulls: dict[str, PersonName],
        canonical: dict[str, str],
    ) -> str:
        """A surname the article's title is named after ("Berg" in "the Berg trial"),
        shared by several of its persons: the one the article names first, whom the
        title is about; not in an article about a family."""
        title = group.split()
        if name is None or len(name.words) != 1 or text.casefold() not in title:
            return text
        if set(title) & FAMILY_WORDS:
            return text
        # where each person is first named, by any of their full forms (the lead's "A B"
        # before the infobox's spouse "C B", though the lead's fullest form comes later)
        first: dict[str, int] = {}
        for u in fulls:
            at = self.first[group].get(u)
            if at is not None:
                first[canonical[u]] = min(at, first.get(canonical[u], at))
        fits = sorted(
            {canonical[u] for u, m in fulls.items() if name.abbreviates(m)},
            key=lambda u: (first.get(u, 1 << 60), u),
        )
        return fits[0] if fits and fits[0] in first else text

    # --- across articles ----------------------------------------------------------------

    def _join_across(self) -> None:
        """Union the article-local persons that share a full name."""
        locals_ = {loc.id: loc for loc in self.local.values()}
        parent = {i: i for i in locals_}

        def find(i: tuple[str, str]) -> tuple[str, str]:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        members: dict[tuple[str, str], set[tuple[str, str]]] = {i: {i} for i in locals_}
        by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for i, loc in sorted(locals_.items()):
            for form in sorted(loc.forms):
                name = self.names.get((loc.group, form))
                if name is not None and name.is_full:
                    by_key[name_key(name)].append(i)
        for ids in by_key.values():
            for other in ids[1:]:
                a, b = find(ids[0]), find(other)
                if a == b:
                    continue
                groups_a = Counter(g for g, _ in members[a])
                if any(groups_a[g] for g, _ in members[b]):
                    continue  # would join two persons one article tells apart
                parent[b] = a
                members[a] |= members.pop(b)
        self.ref_of: dict[tuple[str, str], Ref] = {}
        self.label_of: dict[Ref, str] = {}
        self.groups_of: dict[Ref, set[str]] = defaultdict(set)
        for root, members_of in sorted(members.items()):
            ids = sorted(members_of)
            label = self._label([locals_[i] for i in ids])
            name = self.names.get((root[0], label)) or _parse(label)
            key = label
            if name is None or not name.is_full or Ref("person", key) in self.label_of:
                key = f"{label}\u241f{root[0]}"  # a single word: this article's person only
            ref = Ref("person", key)
            self.label_of[ref] = label
            for i in ids:
                self.ref_of[i] = ref
                self.groups_of[ref].add(i[0])

    def _label(self, locals_: list[_Local]) -> str:
        """The full name most articles give as their fullest, then the longest."""
        counts = Counter(loc.canonical for loc in locals_)
        return min(counts, key=lambda c: (-counts[c], -len(c.split()), c))

    # --- lookups ----------------------------------------------------------------------

    def ref(self, mention: Mention, ex: Extraction) -> Ref:
        group = article_group(ex.article.title)
        text = _clean(mention.text)
        local = self.local.get((group, text))
        if local is None:  # a mention the index has not seen: its own person
            name = parse_name(text)
            return Ref(
                "person", text if name is not None and name.is_full else f"{text}\u241f{group}"
            )
        return self.ref_of[local.id]

    def label(self, ref: Ref) -> str:
        return self.label_of.get(ref, ref.key.split("\u241f")[0])

    def name_parts(self, ref: Ref) -> tuple[str, str] | None:
        """(given name, family name) when the name's structure and use make them safe:
        the family name is used alone for this person, or the name is family-name-first."""
        label = self.label(ref)
        alone: set[str] = set()
        for group in self.groups_of.get(ref, set()):
            alone |= self.alone.get(group, set())
        name = _parse(label, alone)
        if name is None or name.family is None or name.given is None:
            return None
        if name.family_first or name.family in alone:
            return name.given, name.family
        return None


def _spelling_variant(text: str, surnames: list[str]) -> str | None:
    """A surname of the article spelled nearly like ``text`` ("Tchaikovski" for
    "Tchaikovsky"): five letters or more, the same first two, ratio >= 0.85."""
    if len(text) < 5:
        return None
    for surname in surnames:
        if surname[:2] != text[:2] or abs(len(surname) - len(text)) > 2:
            continue
        if difflib.SequenceMatcher(None, text, surname).ratio() >= 0.85:
            return surname
    return None
