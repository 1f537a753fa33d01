"""Reader for plain running text, with an optional trailing reference list."""

from __future__ import annotations

import re
from pathlib import Path

from histkg.model import Article, Block

_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
_DATE_IN_PARENS = r"\((?:\d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ (?:\d{1,2}, )?\d{4})\)"
#: Where a citation in a rendered reference list starts: "Surname, Given (1995)." or
#: "Surname, A. B. Title".
REF_START_RE = re.compile(
    rf"(?<![\w,])({_NAME}, (?:[A-Z][\w.'’-]*\.?(?: [A-Z][\w.'’-]*\.?){{0,3}}) {_DATE_IN_PARENS}\.?"
    rf"|{_NAME}, (?:[A-Z]\. ?){{1,3}}(?=\S))"
)
QUOTED_START_RE = re.compile(r"[\"“][^\"”]{3,200}[\"”][,.]")
SENTENCE_END_RE = re.compile(r"[.!?][\"”’)]*(?=\s)")
TITLE_RE = re.compile(r"^\s*(?:The |An? )?(.+?)(?:,| \(| is | was | were | are | refers )")


def _find_references(text: str) -> tuple[int, int, list[tuple[int, int]]]:
    """Return (prose end, references start, reference spans) of a plain article."""
    first = REF_START_RE.search(text)
    if first is None:
        return len(text.rstrip()), len(text), []
    ref_start = first.start()
    ends = [m.end() for m in SENTENCE_END_RE.finditer(text, 0, ref_start)]
    prose_end = ends[-1] if ends else 0
    tail = text[prose_end:ref_start]
    quoted = QUOTED_START_RE.search(tail)
    if quoted is not None:
        ref_start = prose_end + quoted.start()
    starts = [ref_start] + [m.start() for m in REF_START_RE.finditer(text, ref_start + 1)]
    spans: list[tuple[int, int]] = []
    end_of_text = len(text.rstrip())
    for i, start in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else end_of_text
        chunk = text[start:stop]
        stripped = chunk.rstrip()
        spans.append((start, start + len(stripped)))
    return prose_end, ref_start, spans


def read_plain(path: Path, text: str, sha256: str) -> Article:
    """Read running text: paragraphs separated by blank lines, references at the end."""
    prose_end, _, references = _find_references(text)
    blocks: list[Block] = []
    for match in re.finditer(r"\S(?:.*?\S)?(?=\s*(?:\n\s*\n|\Z))", text[:prose_end], re.S):
        blocks.append(Block(match.start(), match.end(), ""))
    first_line = text.strip().splitlines()[0] if text.strip() else ""
    title_match = TITLE_RE.match(first_line)
    title = title_match.group(1).strip() if title_match else path.stem
    return Article(
        path=path,
        text=text,
        sha256=sha256,
        format="plain",
        title=title,
        infobox_title=None,
        infobox=(),
        blocks=tuple(blocks),
        reference_spans=tuple(references),
    )
