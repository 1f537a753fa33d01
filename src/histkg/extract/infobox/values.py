"""Values of infobox fields: lists split into items with their offsets, person names,
the subject's name line."""

from __future__ import annotations

import re

from histkg.extract.infobox.tables import tables
from histkg.extract.nlp import INITIAL_RE, is_name_token
from histkg.lexicon import lexicon
from histkg.model import Span


def split_items(value: str, begin: int) -> list[tuple[str, int, int]]:
    """Split a list at commas, semicolons and ``<hr>``/``<br>`` outside brackets; strip
    icon residue ("* 20px") around items. Returns (item, begin, end) with offsets."""
    cuts: list[tuple[int, int]] = []
    depth = 0
    i = 0
    while i < len(value):
        c = value[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            tag = re.match(r"<\s*/?\s*(?:hr|br)\s*/?\s*>", value[i:], re.IGNORECASE)
            if tag:
                cuts.append((i, i + tag.end()))
                i += tag.end()
                continue
            if c in ",;":
                cuts.append((i, i + 1))
        i += 1
    out = []
    start = 0
    for b, e in [*cuts, (len(value), len(value))]:
        piece = value[start:b]
        start = e
        lead = re.match(r"[\s*•]*(?:\d+px\s*)?[\s*•]*", piece)
        skip = lead.end() if lead else 0
        item = piece[skip:].rstrip()
        if item:
            out.append(
                (item, begin + (b - len(piece)) + skip, begin + (b - len(piece)) + skip + len(item))
            )
    return out


def person_name(text: str) -> str | None:
    """``text`` cleaned to a person's name, or None when it does not look like one.

    Capitalised name words (any script, hyphens and apostrophes), initials ("P.",
    "A.H."), particles inside the name ("de", "van", "bin") and suffixes ("Jr.", "III");
    no word that heads an organization ("Junta", "Council"); honorifics before it, notes
    in brackets ("(acting)") and glued casualty marks ("KIA") go.
    """
    t = tables()
    lex = lexicon()
    text = re.sub(r"\s*\([^)]*\)\s*", " ", text).strip()  # "(acting)", "(as …)"
    for mark in t.casualty_marks:
        text = re.sub(rf"(?<=\w)\s*{re.escape(mark)}$", "", text)
    changed = True
    while changed:
        changed = False
        for h in t.honorifics:
            if text.startswith(h + " ") and len(text.split()) > len(h.split()) + 1:
                text = text[len(h) + 1 :].lstrip()
                changed = True
    tokens = text.split()
    if not 1 <= len(tokens) <= 7:
        return None
    names = 0
    for i, tok in enumerate(tokens):
        if tok in t.particles and 0 < i < len(tokens) - 1:
            continue
        if tok in t.suffixes and i > 1:
            continue
        if re.fullmatch(r"(?:[A-Z]\.){1,3}", tok) or INITIAL_RE.fullmatch(tok):
            continue
        if not is_name_token(tok):
            return None
        if tok in t.org_words:
            return None
        if tok in t.self_words:
            return None
        names += 1
    if names == 0:
        return None
    if len(tokens) == 1 and tokens[0] in lex.demonyms:
        return None
    return " ".join(tokens)


def looks_like_person(text: str) -> bool:
    tokens = text.split()
    return 2 <= len(tokens) <= 4 and all(is_name_token(t) for t in tokens)


def clean_subject(title: str) -> str:
    """The name line of a person's infobox without template residue ("| honorific-suffix
    = …"), honorifics before it and post-nominal letters after it ("GCB", "KBE")."""
    name = title.split("|")[0].strip()
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    tokens = name.split()
    while (
        len(tokens) > 2
        and re.fullmatch(r"[A-Z]{2,6}", tokens[-1])
        and not re.fullmatch(r"[IVX]+", tokens[-1])
    ):
        tokens.pop()
    name = " ".join(tokens)
    return person_name(name) or name


def sub_span(item: str, name: str, span: Span) -> Span:
    """The span of ``name`` inside ``item`` (whose span is ``span``), when it is there."""
    at = item.find(name)
    if at < 0:
        return span
    return Span(span.doc_id, span.begin + at, span.begin + at + len(name))
