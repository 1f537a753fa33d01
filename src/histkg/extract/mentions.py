"""Find the persons, organizations, places and dates named in one sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from histkg.extract.namebook import NameBook, expand_coordinations
from histkg.extract.nlp import span_words
from histkg.extract.person_spans import org_headed, person_candidates
from histkg.lexicon import lexicon
from histkg.model import Mention, Span
from histkg.parse.dates import DateMention

_CAP = r"[A-Z][\w'’-]*"
_TAIL = rf"(?: of (?:the )?{_CAP}(?: (?:of |the )*{_CAP})*)?"


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of ``words``, longest first (built once per word list)."""
    return _alternation_of(tuple(words))


@cache
def _alternation_of(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def agency_regex() -> re.Pattern[str]:
    """The organizations known by one word (``agencies`` of data/bodies.toml)."""
    return re.compile(rf"(?<![\w-])(?:{_alternation(sorted(lexicon().agencies))})(?![\w-])")


@cache
def body_regex() -> re.Pattern[str]:
    lex = lexicon()
    return re.compile(
        rf"(?<![\w-])(?:(?P<prefix>[A-Z]{{2,6}}) )?(?P<body>{_alternation(lex.governing_bodies)})"
        rf"(?P<tail>{_TAIL})(?![\w-])"
    )


PARTY_RE = re.compile(
    rf"(?<![\w-])(?P<name>(?:{_CAP} )*(?:Party|League of Communists){_TAIL})(?![\w-])"
)
#: "the Agrarian faction", "the Soviet-Korean faction", "the Left wing": a named faction
#: is capitalized words before a lower-case faction word, after "the"
NAMED_FACTION_RE = re.compile(
    rf"(?<=[Tt]he )(?P<name>(?:{_CAP} )*{_CAP} (?:faction|wing|clique|bloc|caucus))(?![\w-])"
)
ACRONYM_RE = re.compile(r"(?<![\w-])[A-Z]{2,6}(?![\w-])")


@dataclass
class Sentence:
    """One sentence with everything named in it (offsets into the article text)."""

    begin: int
    end: int
    text: str
    block: int
    index: int  # position in its block
    persons: list[Mention] = field(default_factory=list)
    possessive: set[int] = field(default_factory=set)  # begins of "X's" mentions
    quoted: list[tuple[int, int]] = field(default_factory=list)
    orgs: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    parse: SpacySpan | None = None  # the model's sentence (tokens, dependency parse)

    def local(self, offset: int) -> int:
        return offset - self.begin

    def in_quotes(self, offset: int) -> bool:
        return any(b <= offset < e for b, e in self.quoted)

    def persons_in(self, begin: int, end: int, *, roles: bool = True) -> list[Mention]:
        """Persons between two offsets; with ``roles``, leave out "X's" and quoted ones."""
        out = []
        for m in self.persons:
            if begin <= m.span.begin and m.span.end <= end:
                if roles and (m.span.begin in self.possessive or self.in_quotes(m.span.begin)):
                    continue
                out.append(m)
        return out

    def orgs_in(self, begin: int, end: int) -> list[Mention]:
        return [m for m in self.orgs if begin <= m.span.begin and m.span.end <= end]


def person_mentions(doc: Doc, book: NameBook, doc_id: str, base: int) -> list[tuple[Mention, bool]]:
    """(mention, possessive) for every person in a spaCy doc, titles trimmed.

    A single word is a person only when the article names someone so ("Berg" after
    "Anna Berg", or a name the model tags more than once); names the context or the
    article shows to be something else are recorded in ``book.dropped``.
    """
    spans = []
    surnames = book.surnames
    for name, why in person_candidates(doc):
        at = base + name.start_char
        if why is None and name.text in book.not_persons:
            why = book.not_persons[name.text]
        if why is None and name.text in lexicon().agencies:
            why = "an organization known by one word"
        if why is not None:
            book.drop(doc_id, at, name.text, why)
            continue
        if (
            len(span_words(name)) == 1
            and name.text not in surnames
            and name.text not in book.variants
        ):
            continue
        spans.append(name)
    taken = {(s.start, s.end) for s in spans}
    for extra in expand_coordinations(doc, book):
        if org_headed(extra.text):
            continue  # "the Air Force, A B and C D": an organization in the list
        if (
            not any(s.start <= extra.start < s.end for s in spans)
            and (extra.start, extra.end) not in taken
        ):
            spans.append(extra)
    out = []
    for s in sorted(spans, key=lambda s: s.start):
        possessive = s.end < len(doc) and doc[s.end].text in {"'s", "’s", "'"}
        out.append(
            (
                Mention("person", s.text, Span(doc_id, base + s.start_char, base + s.end_char)),
                possessive,
            )
        )
    for given, surname in _shared_surnames(doc, spans, book):
        full_name = f"{given.text} {surname}"
        given_at = Span(doc_id, base + given.idx, base + given.idx + len(given.text))
        out = [(m, p) for m, p in out if m.span != given_at]  # "Karl" alone is "Karl Ostrov"
        out.append((Mention("person", full_name, given_at), False))
    return sorted(out, key=lambda m: m[0].span.begin)


def _shared_surnames(doc: Doc, spans: list[SpacySpan], book: NameBook) -> list[tuple[Token, str]]:
    """ "Karl and Mara Ostrov": a given name joined by "and" to a full name shares its
    surname, when the article uses that word as a given name ("Karl Ostrov" elsewhere), so
    "Marx and Friedrich Engels" stays two names."""
    given_names = {n.split()[0] for n in book.full_names if len(n.split()) > 1}
    # "Zhang" of "Zhang Chunqiao" said alone is a family name: not "Zhang and Wang Hongwen"
    given_names -= book.single_names | book.surnames | set(book.variants)
    found = []
    for span in spans:
        words = span.text.split()
        i = span.start
        if len(words) < 2 or i < 2 or doc[i - 1].lower_ != "and":
            continue
        given = doc[i - 2]
        if not given.text[:1].isupper() or any(
            s.start <= given.i < s.end and len(s) > 1 for s in spans
        ):
            continue
        if f"{given.text} {words[-1]}" in book.full_names or (
            given.text in given_names and words[-1] not in given_names
        ):
            found.append((given, words[-1]))
    return found


def org_class(name: str) -> str:
    lex = lexicon()
    words = name.split()
    if words and words[-1] in lex.faction_words:
        return "Faction"
    if any(
        name.endswith(b) or name.startswith(b) or f" {b} " in f" {name} "
        for b in lex.governing_bodies
    ):
        if not re.search(r"\bParty\b", name.split(" of ")[0]):
            return "GoverningBody"
    if re.search(r"\b(?:Party|League of Communists)\b", name):
        return "PoliticalParty"
    if words and words[-1] in lex.faction_words:
        return "Faction"
    return "Organization"


def org_mentions(
    text: str, begin: int, doc_id: str, acronyms: set[str], faction_names: list[str]
) -> list[Mention]:
    """Governing bodies, parties, known acronyms and the article's faction in ``text``."""
    found: list[Mention] = []

    def add(b: int, e: int, cls: str) -> None:
        if any(m.span.begin - begin < e and b < m.span.end - begin for m in found):
            return
        found.append(Mention("org", text[b:e], Span(doc_id, begin + b, begin + e), cls))

    for m in body_regex().finditer(text):
        if re.search(r"\d(?:st|nd|rd|th)\s+$", text[: m.start()]):
            continue  # "the 20th Congress of X" is a meeting of X
        add(m.start(), m.end(), "GoverningBody")
    for m in PARTY_RE.finditer(text):
        add(m.start("name"), m.end("name"), "PoliticalParty")
    for name in faction_names:
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE):
            add(m.start(), m.end(), "Faction")
    for m in NAMED_FACTION_RE.finditer(text):
        add(m.start("name"), m.end("name"), "Faction")
    for m in re.finditer(r"(?<![\w-])the group(?![\w-])", text, re.IGNORECASE):
        if faction_names:
            add(m.start(), m.end(), "Faction")
    for m in ACRONYM_RE.finditer(text):
        if m.group(0) in acronyms:
            add(m.start(), m.end(), "PoliticalParty")
    for m in agency_regex().finditer(text):  # "arrested by the Gestapo", "NKVD officers"
        add(m.start(), m.end(), "Organization")
    return sorted(found, key=lambda m: m.span.begin)


def model_orgs(doc: Doc, doc_id: str, base: int) -> list[Mention]:
    """Organizations the model found whose head word is an organization word, or whose
    name is an acronym ("the NKVD", "the SAVAK")."""
    heads = lexicon().org_heads
    out = []
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        span = ent
        if span[0].text.lower() == "the":
            span = span[1:]
        if not span.text[:1].isupper() or "-" in span[0].text:
            continue
        text = span.text
        if len(span) < 2 and not (text.isupper() and len(text) > 1):
            continue  # one word: only an acronym ("the NKVD"), not "the Army"
        if len(span) > 1 and not any(text.endswith(h) for h in heads):
            continue
        out.append(
            Mention(
                "org",
                span.text,
                Span(doc_id, base + span.start_char, base + span.end_char),
                org_class(span.text),
            )
        )
    return out


def place_mentions(doc: Doc, doc_id: str, base: int) -> list[Mention]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in {"GPE", "LOC"}:
            continue
        span = ent[1:] if ent[0].text.lower() == "the" else ent
        if not span.text or not span.text[0].isupper():
            continue
        out.append(
            Mention("place", span.text, Span(doc_id, base + span.start_char, base + span.end_char))
        )
    return out
