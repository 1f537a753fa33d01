"""Readers: files -> :class:`~histkg.model.Article`.

Four formats are recognised:

* **sectioned**: a first line ``= Title =``, an optional infobox (a name line followed by
  ``- Key: Value`` lines), ``==Section==`` headings and ``- `` list items;
* **plain**: running text, optionally followed by a reference list;
* **wikitext** (files ending ``.wikitext``): MediaWiki source markup (``wikitext.py``);
* **MediaWiki XML** (``.xml``, ``.xml.bz2``): an export or dump, one article per page
  (``mediawiki.py``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from histkg.errors import CodedWarning, SourceError
from histkg.model import Article, WikiSite
from histkg.sources.mediawiki import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_DOCUMENT_BYTES,
    DumpReading,
    is_dump_name,
    looks_like_export,
    merge_site,
    read_dump,
    site_of,
    too_large,
)
from histkg.sources.plain import read_plain
from histkg.sources.sectioned import is_sectioned, read_sectioned
from histkg.sources.wikitext import MAX_BLOCK_CHARS, read_wikitext, split_blocks

#: File name endings read from a folder (and ``.xml.bz2``).
ARTICLE_SUFFIXES = (".txt", ".wiki", ".md", ".wikitext", ".xml")
#: The source and licence of the seed text formats (sectioned, plain) when neither the
#: input nor an option names them: the text histkg was first built for.
DEFAULT_SITE = WikiSite(
    name="Wikipedia",
    licence="https://creativecommons.org/licenses/by-sa/4.0/",
    licence_name="CC BY-SA 4.0",
)
#: The source of wikitext files when no option names their wiki.
UNKNOWN_WIKI = WikiSite(name="an unnamed MediaWiki wiki")


@dataclass
class SourceOptions:
    """What the command line says about the inputs.

    ``site`` names the wiki of ``.wikitext`` files and the dataset's source and licence;
    a dump's ``<siteinfo>`` fills in what it leaves empty.
    """

    site: WikiSite | None = None
    max_dump_bytes: int = DEFAULT_MAX_BYTES
    #: a larger document (file or dump page) is skipped with W808 ...
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
    #: ... or refused (SourceError) when strict
    strict: bool = False


@dataclass
class Sources:
    """The articles read from the inputs, the warnings of reading and the sites they
    come from (in input order, each once)."""

    articles: list[Article] = field(default_factory=list)
    warnings: list[CodedWarning] = field(default_factory=list)
    sites: list[WikiSite] = field(default_factory=list)


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


def wiki_option(value: str) -> WikiSite:
    """The wiki an option names: a host (``de.wikipedia.org``) or its article path
    (``https://de.wikipedia.org/wiki/``).

    Raises:
        ValueError: the value is no host or http(s) address.

    >>> wiki_option("fr.wikipedia.org").dbpedia_base
    'http://fr.dbpedia.org/resource/'
    """
    value = value.strip()
    if "://" not in value:
        if not value or "/" in value or "." not in value:
            raise ValueError("give the wiki's host (en.wikipedia.org) or its article address")
        value = f"https://{value}/wiki/"
    if not value.startswith(("http://", "https://")):
        raise ValueError("give an http or https address")
    if not value.endswith("/"):
        value += "/"
    return site_of("", value, "")


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


#: what flattening left of an interlanguage link before the linked name (":de:Anna Berg",
#: ":fr:Jean Roux"); the parser reads it as a list marker and the name is lost. The text
#: histkg reads (and quotes as evidence) is the file's without it
INTERLANGUAGE_RE = re.compile(r"(?<![\w:/]):[a-z]{2,3}(?:-[a-z]+)?:(?=[^\W\d_])")


def read_article(path: Path, site: WikiSite | None = None) -> Article:
    """Read one article file, detecting its format.

    Raises:
        SourceError: the file is missing, empty, binary or not UTF-8, or its infobox is malformed.
    """
    return read_document(path, site)[0]


def read_document(path: Path, site: WikiSite | None = None) -> tuple[Article, list[CodedWarning]]:
    """Read one article file with the warnings of reading it (wikitext only).

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
    if path.suffix.lower() == ".wikitext":
        return read_wikitext(path, text, sha, site=site)
    text = INTERLANGUAGE_RE.sub("", text)  # flattened text: ":de:Anna Berg" is "Anna Berg"
    article = read_sectioned(path, text, sha) if is_sectioned(text) else read_plain(path, text, sha)
    blocks, split = split_blocks(article.text, article.blocks)
    if not split:
        return article, []
    warning = CodedWarning(
        "W807",
        str(path),
        article.line_of(next(b.begin for b in article.blocks if b.end - b.begin > MAX_BLOCK_CHARS)),
        f"{split} paragraphs longer than {MAX_BLOCK_CHARS:,} characters (a line without"
        " breaks?) are read in pieces cut after a full stop",
    )
    return replace(article, blocks=blocks), [warning]


def read_sources(
    paths: list[Path],
    options: SourceOptions | None = None,
    progress: Callable[[], None] | None = None,
) -> Sources:
    """Read every file of ``paths`` (from :func:`article_paths`), each page of a dump as
    one article.

    Raises:
        SourceError: a file cannot be read, a dump is refused, or two documents would have
            the same name.
    """
    options = options or SourceOptions()
    out = Sources()
    owners: dict[str, str] = {}
    for path in paths:
        if is_dump_name(path):
            reading = DumpReading(max_document_bytes=options.max_document_bytes)
            found = list(
                read_dump(path, reading, max_bytes=options.max_dump_bytes, site_option=options.site)
            )
            out.warnings.extend(reading.warnings)
            site = reading.site or options.site or UNKNOWN_WIKI
        elif path.is_file() and path.stat().st_size > options.max_document_bytes:
            out.warnings.append(
                too_large(str(path), path.stat().st_size, options.max_document_bytes)
            )
            if progress:
                progress()
            continue
        else:
            wikitext = path.suffix.lower() == ".wikitext"
            site = UNKNOWN_WIKI if wikitext else DEFAULT_SITE
            if options.site is not None:
                site = merge_site(site, options.site)
            article, warnings = read_document(path, site if wikitext else None)
            found = [article]
            out.warnings.extend(warnings)
        for article in found:
            where = str(article.path)
            if article.doc_id in owners:
                raise SourceError(
                    where,
                    f"has the same name as {owners[article.doc_id]}; documents are named after"
                    " their file or page title, so rename or leave out one of them",
                )
            owners[article.doc_id] = where
            out.articles.append(article)
        if site not in out.sites:
            out.sites.append(site)
        if progress:
            progress()
    if options.strict:
        for warning in out.warnings:
            if warning.code == "W808":
                raise SourceError(
                    warning.path, warning.message.replace("; skipped", "") + " (--strict)"
                )
    return out


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
    if is_dump_name(path):
        return looks_like_export(path)
    return path.suffix.lower() in ARTICLE_SUFFIXES and path.stem.lower() not in NOT_ARTICLE_NAMES


def iter_articles(inputs: list[Path]) -> Iterator[Article]:
    """Read every article under ``inputs`` in a stable order."""
    for path in article_paths(inputs):
        yield read_article(path)
