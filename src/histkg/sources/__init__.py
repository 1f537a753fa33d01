"""Readers: files -> :class:`~histkg.model.Article`.

Two formats are recognised automatically:

* **sectioned**: a first line ``= Title =``, an optional infobox (a name line followed by
  ``- Key: Value`` lines), ``==Section==`` headings and ``- `` list items;
* **plain**: running text, optionally followed by a reference list.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from histkg.errors import SourceError
from histkg.model import Article
from histkg.sources.plain import read_plain
from histkg.sources.sectioned import is_sectioned, read_sectioned

#: File name endings read from a folder.
ARTICLE_SUFFIXES = (".txt", ".wiki", ".md")
#: Files of a folder that are about the folder, not articles (compared without ending,
#: case-insensitively): a README.md beside the articles is not read as one.
NOT_ARTICLE_NAMES = frozenset(
    {"readme", "license", "licence", "changelog", "changes", "contributing", "authors", "notice"}
)
#: Endings of files that are certainly no article (queries, graphs, data), refused even
#: when named on the command line.
NOT_ARTICLE_SUFFIXES = frozenset(
    {".rq", ".sparql", ".ttl", ".nt", ".nq", ".trig", ".jsonld", ".json", ".rdf", ".owl", ".toml"}
)


def normalize_newlines(text: str) -> str:
    """Windows (CRLF) and old Mac (CR) line endings as LF.

    Every reader works on the normalized text, so evidence quotes and offsets are the
    same whichever line endings a file was saved with (its sha256 stays that of the bytes).
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(path: Path, data: bytes) -> str:
    """Decode UTF-8 bytes, failing with the line of the first bad byte; line endings are
    normalized to LF."""
    if not data.strip():
        raise SourceError(path, "file is empty; give it the text of an article", line=1)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise SourceError(path, "looks like a binary file (NUL byte); give a UTF-8 text file", line)
    try:
        return normalize_newlines(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(
            path,
            f"byte 0x{data[exc.start]:02x} is not UTF-8; re-save the file as UTF-8",
            line,
        ) from None


def read_article(path: Path) -> Article:
    """Read one article file, detecting its format.

    Raises:
        SourceError: the file is missing, empty, binary or not UTF-8, or its infobox is malformed.
    """
    if not path.exists():
        raise SourceError(path, "no such file or folder; check the path")
    if not path.is_file():
        raise SourceError(path, "not a regular file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(path, f"cannot read ({exc.strerror}); check its permissions") from None
    text = decode(path, data)
    sha = hashlib.sha256(data).hexdigest()
    if is_sectioned(text):
        return read_sectioned(path, text, sha)
    return read_plain(path, text, sha)


def article_paths(inputs: list[Path]) -> list[Path]:
    """Expand files and folders into the sorted list of article files.

    Raises:
        SourceError: a path is missing, or a folder holds no article files.
    """
    found: list[Path] = []
    for item in inputs:
        if not item.exists():
            raise SourceError(item, "no such file or folder; check the path")
        if item.is_dir():
            try:
                present = sorted(p for p in item.iterdir() if p.is_file())
            except OSError as exc:
                raise SourceError(
                    item, f"cannot list ({exc.strerror}); check its permissions"
                ) from None
            files = [p for p in present if is_article_name(p)]
            if not files:
                seen = ", ".join(p.name for p in present[:3]) + (
                    ", ..." if len(present) > 3 else ""
                )
                raise SourceError(
                    item,
                    f"folder holds no articles (found {seen or 'no files'}; articles are files"
                    f" ending {', '.join(ARTICLE_SUFFIXES)}, other than a README or LICENSE);"
                    " point at a folder of article files",
                )
            found.extend(files)
        elif item.suffix.lower() in NOT_ARTICLE_SUFFIXES:
            raise SourceError(
                item,
                f"is not an article (a {item.suffix} file); give article files ending "
                + ", ".join(ARTICLE_SUFFIXES),
            )
        else:
            found.append(item)
    unique = sorted(set(found), key=lambda p: (p.name, str(p)))
    stems: dict[str, Path] = {}
    for path in unique:
        if path.stem in stems:
            raise SourceError(
                path,
                f"has the same name as {stems[path.stem]}; documents are named after their file,"
                " so rename one of them",
            )
        stems[path.stem] = path
    return unique


def is_article_name(path: Path) -> bool:
    """Whether a file of a folder is read as an article: by its ending, and not a README."""
    return path.suffix.lower() in ARTICLE_SUFFIXES and path.stem.lower() not in NOT_ARTICLE_NAMES


def iter_articles(inputs: list[Path]) -> Iterator[Article]:
    """Read every article under ``inputs`` in a stable order."""
    for path in article_paths(inputs):
        yield read_article(path)
