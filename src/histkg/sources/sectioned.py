"""Reader for the sectioned format (``= Title =``, infobox, ``==Section==``)."""

from __future__ import annotations

import re
from pathlib import Path

from histkg.errors import SourceError
from histkg.model import Article, Block, InfoboxField

TITLE_RE = re.compile(r"^=\s*([^=].*?)\s*=\s*$")
#: "==Section==", "== Section ==" and WikiText's spaced " = = Section = = ".
HEADING_RE = re.compile(r"^\s*(=(?: ?=){1,5})\s*([^=\s].*?)\s*=(?: ?=){1,5}\s*$")
INFOBOX_RE = re.compile(r"^- ([^:]+?)\s*:\s?(.*?)\s*$")

#: Sections that hold no running text about the subject.
NON_PROSE_SECTIONS = {
    "see also": "see_also",
    "references": "references",
    "notes": "references",
    "citations": "references",
    "sources": "references",
    "bibliography": "references",
    "further reading": "references",
    "external links": "references",
    "notes and references": "references",
}


def is_sectioned(text: str) -> bool:
    """True when the first non-blank line is a ``= Title =`` line."""
    for line in text.splitlines():
        line = line.strip().lstrip("\ufeff")  # a byte-order mark is not part of the title
        if line:
            return bool(TITLE_RE.match(line)) and not line.startswith("==")
    return False


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        out.append((pos, raw.rstrip("\r\n")))
        pos += len(raw)
    return out


def read_sectioned(path: Path, text: str, sha256: str) -> Article:
    """Split a sectioned article into title, infobox fields and text blocks."""
    lines = _lines_with_offsets(text)
    idx = 0
    while idx < len(lines) and not lines[idx][1].strip():
        idx += 1
    title_match = TITLE_RE.match(lines[idx][1].strip().lstrip("\ufeff"))
    assert title_match is not None  # guaranteed by is_sectioned
    title = title_match.group(1)
    idx += 1
    while idx < len(lines) and not lines[idx][1].strip():
        idx += 1

    infobox_title: str | None = None
    fields: list[InfoboxField] = []
    # An infobox is a name line directly followed by "- " lines, before any heading.
    if (
        idx + 1 < len(lines)
        and lines[idx][1].strip()
        and not lines[idx][1].startswith("- ")
        and not HEADING_RE.match(lines[idx][1])
        and lines[idx + 1][1].startswith("- ")
    ):
        infobox_title = lines[idx][1].strip()
        idx += 1
        while idx < len(lines) and lines[idx][1].startswith("- "):
            offset, line = lines[idx]
            match = INFOBOX_RE.match(line)
            if match is None:
                raise SourceError(
                    path,
                    f"infobox line {line!r} has no colon; write it as '- Key: Value'",
                    line=idx + 1,
                )
            value = match.group(2)
            begin = offset + match.start(2)
            fields.append(
                InfoboxField(match.group(1).strip(), value, idx + 1, begin, begin + len(value))
            )
            idx += 1

    blocks: list[Block] = []
    section = ""
    kind = "prose"
    para_start: int | None = None
    para_end = 0

    def close_paragraph() -> None:
        nonlocal para_start
        if para_start is not None and kind == "prose":
            blocks.append(Block(para_start, para_end, section))
        para_start = None

    references: list[tuple[int, int]] = []
    appendix_level: int | None = None  # the level of the non-prose section we are in
    for offset, line in lines[idx:]:
        heading = HEADING_RE.match(line)
        if heading:
            close_paragraph()
            section = heading.group(2)
            level = heading.group(1).count("=")
            if appendix_level is not None and level > appendix_level:
                continue  # "=== Books ===" under "== References ==": still the references
            kind = NON_PROSE_SECTIONS.get(section.strip().lower(), "prose")
            appendix_level = level if kind != "prose" else None
            continue
        if not line.strip():
            close_paragraph()
            continue
        if line.startswith(("- ", "* ")):
            close_paragraph()
            item_begin = offset + 2
            item_end = offset + len(line.rstrip())
            if not line[2:].strip():  # "- " alone: an empty item, no block
                continue
            if kind == "prose":
                blocks.append(Block(item_begin, item_end, section, is_list_item=True))
            elif kind == "references":
                references.append((item_begin, item_end))
            continue
        if kind == "references":
            references.append((offset, offset + len(line.rstrip())))
            continue
        if para_start is None:
            para_start = offset
        para_end = offset + len(line.rstrip())
    close_paragraph()
    return Article(
        path=path,
        text=text,
        sha256=sha256,
        format="sectioned",
        title=title,
        infobox_title=infobox_title,
        infobox=tuple(fields),
        blocks=tuple(blocks),
        reference_spans=tuple(references),
    )
