"""Reader for MediaWiki XML exports and dumps (``Special:Export`` files, ``pages-articles``
``.xml`` and ``.xml.bz2``).

The file is streamed: ``defusedxml``'s ``iterparse`` reads it element by element and each
``<page>`` is cleared once read, so memory holds one page at a time. The input is
untrusted: a document type declaration (and with it any entity, external or nested, the
"billion laughs") is refused before anything is expanded or fetched. A ``.bz2`` is
decompressed as it is read and stops at ``max_bytes`` of XML.

Pages of namespace 0 that are not redirects are read, each with the wikitext reader; the
others are counted (``W803``). A truncated ``.bz2`` or malformed XML ends the dump with
``W804`` naming the page it was in; the pages before it are kept.
"""

from __future__ import annotations

import bz2
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from histkg.errors import CodedWarning, SourceError
from histkg.model import Article, WikiSite
from histkg.sources.wikitext import HIDDEN_NAMESPACES, read_wikitext

#: Expanded bytes of XML read from one dump at most (a ``.bz2`` can expand a thousandfold).
DEFAULT_MAX_BYTES = 128 * 1024**3
#: a document larger than this (UTF-8 bytes) is skipped with W808: the largest Wikipedia
#: articles have about 1.5 MB of wikitext
DEFAULT_MAX_DOCUMENT_BYTES = 8 * 1024**2
#: Wikimedia's sites, whose text is CC BY-SA 4.0 (since June 2023; older revisions 3.0).
WIKIMEDIA_HOSTS = re.compile(
    r"(?:^|\.)(?:wikipedia|wiktionary|wikisource|wikiquote|wikibooks|wikinews|wikiversity"
    r"|wikivoyage|wikimedia|wikidata|mediawiki)\.org$"
)
CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"


def is_dump_name(path: Path) -> bool:
    """``.xml`` and ``.xml.bz2`` files are read as MediaWiki XML."""
    name = path.name.lower()
    return name.endswith((".xml", ".xml.bz2"))


def looks_like_export(path: Path) -> bool:
    """Whether a file's first kilobytes hold a ``<mediawiki`` element (a folder's other XML
    files, a sitemap or a feed, are no dump)."""
    try:
        opener = bz2.open if path.name.lower().endswith(".bz2") else open
        with opener(path, "rb") as handle:
            head = handle.read(4096)
    except (OSError, EOFError, ValueError):
        return True  # let the reader name what is wrong
    return b"<mediawiki" in head


def site_of(sitename: str, base: str, dbname: str) -> WikiSite:
    """The wiki a dump's ``<siteinfo>`` names: its article IRIs, language, DBpedia chapter
    (for a Wikipedia) and licence (for Wikimedia's sites).

    >>> s = site_of("Wikipedia", "https://de.wikipedia.org/wiki/Wikipedia:Hauptseite", "dewiki")
    >>> (s.article_base, s.lang, s.dbpedia_base)
    ('https://de.wikipedia.org/wiki/', 'de', 'http://de.dbpedia.org/resource/')
    """
    parts = urlsplit(base.strip())
    host = parts.hostname or ""
    path = parts.path
    article_base = ""
    if parts.scheme in ("http", "https") and host:
        folder = path.rsplit("/", 1)[0] + "/" if "/" in path else "/"
        article_base = f"{parts.scheme}://{host}{folder}"
    lang = ""
    match = re.fullmatch(r"([a-z]{2,3}(?:-[a-z]+)*)\.wikipedia\.org", host)
    if match:
        lang = match.group(1)
    elif dbname.endswith("wiki") and re.fullmatch(r"[a-z_]{2,12}wiki", dbname):
        lang = dbname.removesuffix("wiki").replace("_", "-")
    dbpedia = ""
    if match:
        dbpedia = (
            "http://dbpedia.org/resource/"
            if lang == "en"
            else f"http://{lang}.dbpedia.org/resource/"
        )
    wikimedia = bool(WIKIMEDIA_HOSTS.search(host))
    return WikiSite(
        name=sitename.strip() or ("Wikipedia" if match else host),
        article_base=article_base,
        lang=lang,
        dbpedia_base=dbpedia,
        licence=CC_BY_SA if wikimedia else "",
        licence_name="CC BY-SA 4.0" if wikimedia else "",
    )


class LimitedReader:
    """A binary stream that stops with :class:`SizeLimitError` after ``limit`` bytes."""

    def __init__(self, raw: IO[bytes], limit: int) -> None:
        self.raw = raw
        self.limit = limit
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        if self.count >= self.limit:
            raise SizeLimitError(self.limit)
        want = self.limit - self.count if size < 0 else min(size, self.limit - self.count)
        data = self.raw.read(want)
        self.count += len(data)
        return data


class SizeLimitError(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"{limit:,} bytes")
        self.limit = limit


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element: Element, name: str) -> Element | None:
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def _text(element: Element, name: str) -> str:
    child = _child(element, name)
    return (child.text or "") if child is not None else ""


@dataclass
class DumpReading:
    """What reading one dump yields besides its articles."""

    site: WikiSite | None = None
    warnings: list[CodedWarning] = field(default_factory=list)
    read: int = 0
    redirects: int = 0
    other_namespaces: int = 0
    first_title: str = ""
    last_title: str = ""  # the page being read (named when the file breaks off)
    previous_title: str = ""
    #: a page larger than this (UTF-8 bytes of its wikitext) is skipped with W808
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES

    def where(self) -> str:
        """The page being read, for a message: its title, or the page after the last one."""
        if self.last_title:
            return f"page {self.last_title!r}"
        if self.previous_title:
            return f"the page after {self.previous_title!r}"
        return "the first page"


def read_dump(
    path: Path,
    reading: DumpReading,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    site_option: WikiSite | None = None,
) -> Iterator[Article]:
    """Yield the articles of a MediaWiki XML file, one page at a time.

    Raises:
        SourceError: the file cannot be opened, is no MediaWiki XML, or declares a
            document type or entities (refused: nothing is expanded or fetched).
    """
    if not path.is_file():
        raise SourceError(path, "no such file; check the path")
    try:
        raw: IO[bytes] = (
            bz2.open(path, "rb") if path.name.lower().endswith(".bz2") else open(path, "rb")
        )
    except OSError as exc:
        raise SourceError(path, f"cannot read ({exc.strerror}); check its permissions") from None
    stream = LimitedReader(raw, max_bytes)
    try:
        yield from _pages(path, stream, reading, site_option)
    except SizeLimitError as exc:
        reading.warnings.append(
            CodedWarning(
                "W804",
                str(path),
                1,
                f"stopped after {exc.limit:,} bytes of XML (the size limit), after"
                f" {_count(reading.read, 'page')}; raise --max-dump-bytes to read further",
            )
        )
    except (EOFError, OSError) as exc:  # a truncated or corrupt .bz2
        reading.warnings.append(
            CodedWarning(
                "W804",
                str(path),
                1,
                f"the file ends early or is corrupt ({exc}) in {reading.where()};"
                f" {_count(reading.read, 'page')} before it read",
            )
        )
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else 1
        reading.warnings.append(
            CodedWarning(
                "W804",
                str(path),
                line,
                f"malformed XML ({exc}) in {reading.where()};"
                f" {_count(reading.read, 'page')} before it read",
            )
        )
    except DefusedXmlException as exc:
        raise SourceError(
            path,
            f"declares a document type or entities ({type(exc).__name__}); refused: histkg"
            " expands no entities and fetches nothing for untrusted XML; export the pages"
            " again without a DOCTYPE",
        ) from None
    finally:
        raw.close()
    if reading.redirects or reading.other_namespaces:
        reading.warnings.append(
            CodedWarning(
                "W803",
                str(path),
                1,
                f"skipped {_count(reading.redirects, 'redirect')} and"
                f" {_count(reading.other_namespaces, 'page')} outside the article namespace",
            )
        )
    if reading.site is not None and reading.site.lang and reading.site.lang != "en":
        reading.warnings.append(
            CodedWarning(
                "W805",
                str(path),
                1,
                f"the wiki's language is '{reading.site.lang}' (first page"
                f" {reading.first_title!r}); histkg's rules read English, so few facts are found",
            )
        )


def _pages(
    path: Path,
    stream: LimitedReader,
    reading: DumpReading,
    site_option: WikiSite | None,
) -> Iterator[Article]:
    hidden = set(HIDDEN_NAMESPACES)
    namespaces: set[str] = set()
    root: Element | None = None
    started = False
    for event, element in iterparse(stream, events=("start", "end"), forbid_dtd=True):
        tag = _local(element.tag)
        if event == "start":
            if root is None:
                root = element
                if tag != "mediawiki":
                    raise SourceError(
                        path,
                        f"is XML but not a MediaWiki export (root <{tag}>); give a"
                        " Special:Export file or a pages-articles dump",
                    )
            elif tag == "page":
                started = True
                reading.previous_title = reading.last_title or reading.previous_title
                reading.last_title = ""
            continue
        if tag == "siteinfo":
            found = site_of(
                _text(element, "sitename"), _text(element, "base"), _text(element, "dbname")
            )
            reading.site = found if site_option is None else merge_site(found, site_option)
            box = _child(element, "namespaces")
            for ns in box if box is not None else []:
                name = (ns.text or "").strip().lower()
                if not name:
                    continue
                if ns.get("key") in ("6", "14", "-2"):
                    hidden.add(name)
                else:
                    namespaces.add(name)
            element.clear()
        elif tag == "title" and started:
            reading.last_title = element.text or ""
            reading.first_title = reading.first_title or reading.last_title
        elif tag == "page":
            started = False
            article = _page(path, element, reading, frozenset(hidden), frozenset(namespaces))
            element.clear()
            if root is not None:
                root.clear()
            if article is not None:
                reading.read += 1
                yield article


def too_large(where: str, size: int, limit: int) -> CodedWarning:
    """W808: a document over the size limit, skipped."""
    return CodedWarning(
        "W808",
        where,
        1,
        f"document of {size:,} bytes is larger than --max-document-bytes ({limit:,}); skipped:"
        " split it, or raise the limit",
    )


def merge_site(found: WikiSite, option: WikiSite) -> WikiSite:
    """What the options say wins over what the input says, field by field."""
    return WikiSite(
        name=option.name or found.name,
        article_base=option.article_base or found.article_base,
        lang=option.lang or found.lang,
        dbpedia_base=option.dbpedia_base or found.dbpedia_base,
        licence=option.licence or found.licence,
        licence_name=option.licence_name or found.licence_name,
    )


def _page(
    path: Path,
    page: Element,
    reading: DumpReading,
    hidden: frozenset[str],
    namespaces: frozenset[str],
) -> Article | None:
    title = _text(page, "title").strip()
    ns = _text(page, "ns").strip() or "0"
    if _child(page, "redirect") is not None:
        reading.redirects += 1
        return None
    if ns != "0":
        reading.other_namespaces += 1
        return None
    revisions = [child for child in page if _local(child.tag) == "revision"]
    text = _text(revisions[-1], "text") if revisions else ""
    where = f"{path}#{title.replace('/', '%2F')}"
    if not text.strip():
        reading.warnings.append(CodedWarning("W803", where, 1, "page has no text; skipped"))
        return None
    if re.match(r"\s*#redirect\b", text, re.I):
        reading.redirects += 1
        return None
    data = text.encode("utf-8")
    if len(data) > reading.max_document_bytes:
        reading.warnings.append(too_large(where, len(data), reading.max_document_bytes))
        return None
    article, warnings = read_wikitext(
        Path(where),
        text.replace("\r\n", "\n").replace("\r", "\n"),
        hashlib.sha256(data).hexdigest(),
        title=title,
        name=re.sub(r"\s+", "_", title).replace("/", "%2F"),
        site=reading.site,
        hidden_namespaces=hidden,
        namespaces=namespaces,
        where=where,
    )
    reading.warnings.extend(warnings)
    return article
