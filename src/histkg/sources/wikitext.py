"""Reader for MediaWiki wikitext (``.wikitext`` files and the pages of XML dumps).

The wikitext is parsed with ``mwparserfromhell`` and rendered into a *derived plain text*
laid out like the sectioned format (``= Title =``, the infobox as ``- key: value`` lines,
``== Section ==`` headings, ``- `` list items, the cited works as a last ``== References ==``
section). That derived text is ``Article.text``: every evidence offset and quote points
into it, never into the wikitext. How it is made (see docs/architecture.md):

1. *render*: each node becomes its visible text. Links keep their shown text and record
   ``(begin, end, target)``; ``'''bold'''``/``''italic''`` lose their quotes; comments,
   files, categories, tables, unknown templates and ``<ref>`` tags are left out; a few
   inline templates give their text (dates, ``nowrap``, ``lang``, lists, dashes …);
   ``{{cite …}}`` templates become CS1-style citation lines.
2. *clean*: spaces are collapsed, emptied brackets and blank lines dropped. Cleaning only
   *deletes* characters and keeps, for each kept one, its position in the rendering, so
   link offsets are carried over exactly.
3. the cleaned text is read by the sectioned reader (title, infobox fields, blocks,
   references), and the links are attached.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import mwparserfromhell
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.nodes.extras import Parameter
from mwparserfromhell.wikicode import Wikicode

from histkg.errors import CodedWarning
from histkg.model import Article, Block, Link, WikiSite
from histkg.sources.sectioned import read_sectioned

#: Link prefixes whose links are not shown as text (files, categories) in any wiki; a
#: dump's ``<siteinfo>`` adds its own names of these namespaces.
HIDDEN_NAMESPACES = frozenset({"file", "image", "media", "category"})
#: Interwiki prefixes of the Wikimedia wikis (a link to another wiki names no article here).
INTERWIKI = frozenset(
    {
        "w", "wikipedia", "wikt", "wiktionary", "s", "wikisource", "q", "wikiquote", "b",
        "wikibooks", "n", "wikinews", "v", "wikiversity", "voy", "wikivoyage", "c", "commons",
        "d", "wikidata", "m", "meta", "mw", "species", "wikispecies", "foundation", "wmf",
        "phab", "doi", "user", "user talk", "talk", "template", "template talk", "help",
        "portal", "draft", "module", "special", "mediawiki", "wp", "project", "timedtext",
        "category talk", "file talk", "wikipedia talk", "portal talk",
    }
)  # fmt: skip
#: A language code as a link prefix ("de", "zh-yue", "simple"): an interlanguage link.
LANGUAGE = r"[a-z]{2,3}(?:-[a-z]{2,8})*|simple"


def is_interwiki(prefix: str) -> bool:
    """Whether a link prefix names a namespace or another wiki rather than an article."""
    return prefix in INTERWIKI or re.fullmatch(LANGUAGE, prefix) is not None


#: Tags whose content is no running text.
DROPPED_TAGS = frozenset(
    {
        "ref",
        "references",
        "math",
        "chem",
        "gallery",
        "score",
        "timeline",
        "graph",
        "syntaxhighlight",
        "source",
        "templatedata",
        "imagemap",
        "mapframe",
        "maplink",
        "noinclude",
        "includeonly",
        "table",
        "tr",
        "td",
        "th",
        "caption",
        "style",
        "script",
    }
)
#: Templates whose first unnamed parameter is their text.
FIRST_PARAM = frozenset(
    {
        "nowrap",
        "nobr",
        "small",
        "big",
        "midsize",
        "smaller",
        "larger",
        "abbr",
        "sc",
        "small caps",
        "nihongo",
        "flag",
        "flagcountry",
        "flag country",
        "flagu",
        "marriage",
        "married",
        "ill",
        "interlanguage link",
        "lang-rtl",
        "keypress",
        "var",
        "em",
        "strong",
        "angbr",
        "linktext",
        "vanchor",
        "visible anchor",
        "sic",
        "proper name",
        "noitalic",
        "nowrap begin",
    }
)
#: Templates whose second unnamed parameter is their text (the first is a language).
SECOND_PARAM = frozenset({"lang", "native name", "langx", "transliteration", "transl"})
#: Templates standing for a fixed text.
FIXED = {
    "ndash": "–",
    "mdash": "—",
    "snd": " – ",
    "spnd": " – ",
    "spaced ndash": " – ",
    "spaced en dash": " – ",
    "nbsp": " ",
    "en dash": "–",
    "endash": "–",
    "em dash": "—",
    "emdash": "—",
    "okina": "ʻ",
    "hsp": "",
    "'": "'",
    "!": "|",
    "=": "=",
    "·": " · ",
    "dot": " · ",
    "•": " • ",
}
#: Templates of a list whose unnamed parameters are the items.
LIST_PARAMS = frozenset(
    {"ubl", "unbulleted list", "ublist", "hlist", "bulleted list", "ordered list", "plainlist"}
)
#: Templates holding a wikitext list in their first parameter.
LIST_BODY = frozenset({"plainlist", "plain list", "flatlist", "flat list", "collapsible list"})
#: Date templates: unnamed parameters year, month, day (those of a death come first).
DATE_TEMPLATES = frozenset(
    {
        "birth date",
        "birth date and age",
        "bda",
        "death date",
        "death date and age",
        "dda",
        "start date",
        "end date",
        "start date and age",
        "end date and age",
        "birth year and age",
        "death year and age",
        "date",
        "dob",
    }
)
MONTHS = (
    "January February March April May June July August September October November December"
).split()
CITE_CONTAINERS = (
    "work",
    "journal",
    "newspaper",
    "website",
    "magazine",
    "periodical",
    "encyclopedia",
    "encyclopaedia",
    "series",
)
#: Paragraphs longer than this (in characters) are read in pieces: the language model
#: reads at most a million characters at once.
MAX_BLOCK_CHARS = 100_000
#: Sections at the end whose list items are citations.
REFERENCES_HEADING = "References"


def template_name(template: Template) -> str:
    """``{{Birth_date and age|…}}`` -> ``"birth date and age"``."""
    name = str(template.name)
    name = re.sub(r"<!--.*?-->", "", name, flags=re.S)
    name = re.sub(r"[\s_]+", " ", name).strip().lower()
    return name.removeprefix("template:").strip()


def normalize_title(title: str) -> str:
    """A link target as a page title: ``"angela_merkel#Early life"`` -> ``"Angela merkel"``."""
    title = title.split("#", 1)[0]
    title = re.sub(r"[\s_]+", " ", title).strip()
    return title[:1].upper() + title[1:]


def _positional(template: Template) -> list[str]:
    return [str(p.value) for p in template.params if not p.showkey]


def _param(template: Template, *names: str) -> str | None:
    for name in names:
        if template.has(name):
            value = str(template.get(name).value).strip()
            if value:
                return value
    return None


@dataclass
class Citation:
    """A ``{{cite …}}`` rendered as a CS1-style line (what ``parse_reference`` reads)."""

    text: str


@dataclass
class Rendering:
    """What rendering yields: the flat text, its links, citations and problems."""

    parts: list[str] = field(default_factory=list)
    size: int = 0
    links: list[tuple[int, int, str]] = field(default_factory=list)
    citations: list[tuple[str, int]] = field(default_factory=list)  # (line, wikitext offset)
    #: (rendered offset, wikitext offset) where the rendering of a line of wikitext begins
    marks: list[tuple[int, int]] = field(default_factory=list)
    source: int = 0  # wikitext offset of the line being rendered

    def mark(self, source: int) -> None:
        self.source = source
        self.marks.append((self.size, source))

    unclosed: list[str] = field(default_factory=list)  # text from a lone "{{" on

    #: index in ``parts`` of the ", " a ``<br>`` of an infobox value left, until the next
    #: words show whether it separates items or breaks one ("Member of X<br>for Y")
    pending_break: int | None = None

    def add(self, text: str) -> None:
        if text:
            if self.pending_break is not None and text.strip():
                if text.lstrip()[0].islower():
                    self.parts[self.pending_break] = "  "  # same length: offsets hold
                self.pending_break = None
            self.parts.append(text)
            self.size += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def text_ends_line(self) -> bool:
        """Whether what was rendered last ends a line (or nothing was rendered)."""
        for part in reversed(self.parts):
            stripped = part.rstrip(" ")
            if stripped:
                return stripped.endswith("\n")
        return True


class Renderer:
    """Renders wikitext nodes into a :class:`Rendering`."""

    def __init__(
        self,
        hidden_namespaces: frozenset[str] = HIDDEN_NAMESPACES,
        namespaces: frozenset[str] = frozenset(),
    ) -> None:
        self.hidden = hidden_namespaces
        self.namespaces = namespaces  # every other namespace's name, lower-case
        self.out = Rendering()
        self.inline = 0  # > 0 inside an infobox value or a heading: no line breaks

    # --- nodes -------------------------------------------------------------------------

    def nodes(self, code: Wikicode) -> None:
        for node in code.nodes:
            self.node(node)

    def node(self, node: Node) -> None:
        if isinstance(node, Text):
            self.text(str(node))
        elif isinstance(node, Wikilink):
            self.wikilink(node)
        elif isinstance(node, Template):
            self.template(node)
        elif isinstance(node, Tag):
            self.tag(node)
        elif isinstance(node, HTMLEntity):
            char = node.normalize()
            self.text(" " if char in "\u00a0\u2009\u202f" else char)
        elif isinstance(node, ExternalLink):
            if node.title is not None:
                self.nodes(node.title)
        elif isinstance(node, Heading):
            self.heading(node)
        elif isinstance(node, Comment | Argument):
            return

    def text(self, text: str) -> None:
        text = re.sub(r"\'{2,}", "", text.replace("\t", " ").replace("\u00a0", " "))
        if self.inline:
            text = text.replace("\n", " ")
        if "{{" in text:  # a template that never closes: mwparserfromhell left it as text
            start = text.index("{{")
            self.out.unclosed.append(text[start : start + 60].split("\n", 1)[0])
            end = text.find("\n", start)
            text = text[:start] + (text[end:] if end >= 0 else "")
        self.out.add(text.replace("}}", ""))

    def heading(self, node: Heading) -> None:
        level = max(2, min(6, node.level))
        self.out.add("\n\n" + "=" * level + " ")
        self.inline += 1
        self.nodes(node.title)
        self.inline -= 1
        self.out.add(" " + "=" * level + "\n\n")

    def wikilink(self, node: Wikilink) -> None:
        title = str(node.title).strip()
        shown = title.startswith(":")  # "[[:Category:X]]", "[[:ja:X]]" are shown as links
        title = title.lstrip(":").strip()
        prefix = title.split(":", 1)[0].strip().lower() if ":" in title else ""
        if prefix and not (
            prefix in self.hidden or prefix in self.namespaces or is_interwiki(prefix)
        ):
            prefix = ""  # a colon inside an article's title ("Star Wars: Episode IV")
        if prefix and not shown and (prefix in self.hidden or re.fullmatch(LANGUAGE, prefix)):
            return  # a file, a category or an interlanguage link: not shown in the text
        begin = self.out.size
        if node.text is not None:
            self.nodes(node.text)
        else:
            self.text(title[1:] if title.startswith("#") else title.split("#", 1)[0])
        target = normalize_title(title)
        if prefix or not target:
            return  # a page of another namespace or wiki: no article of this wiki
        self.out.links.append((begin, self.out.size, target))

    def tag(self, node: Tag) -> None:
        name = str(node.tag).strip().lower()
        if node.wiki_markup in ("*", "#"):
            if self.inline:
                self.out.add(", ")
            else:
                self.out.add("- " if self.out.text_ends_line() else "\n- ")
            return
        if node.wiki_markup in (";", ":"):
            return
        if name == "ref":
            if node.contents is not None:
                self.references(node.contents)
            return
        if name in DROPPED_TAGS or node.wiki_markup in ("{|",):
            return
        if name == "br":
            self.out.add(", " if self.inline else " ")
            if self.inline:
                self.out.pending_break = len(self.out.parts) - 1
            return
        if name == "hr":
            self.out.add("\n\n")
            return
        if node.contents is not None:
            self.nodes(node.contents)

    def references(self, contents: Wikicode) -> None:
        for template in contents.filter_templates(recursive=False):
            name = template_name(template)
            if name.startswith("cite") or name == "citation":
                line = cite_line(template, self)
                if line:
                    self.out.citations.append((line, self.out.source))

    def template(self, node: Template) -> None:
        name = template_name(node)
        positional = _positional(node)
        if name.startswith("cite ") or name == "citation":
            line = cite_line(node, self)
            if line:
                self.out.add(line)
            return
        if name in FIXED:
            self.out.add(FIXED[name])
        elif name in DATE_TEMPLATES:
            self.out.add(render_date(positional))
        elif name in ("circa", "c."):
            self.out.add("c. " + (positional[0].strip() if positional else ""))
        elif name == "as of" and positional:
            self.out.add("As of " + render_date(positional))
        elif name in ("usd", "us$") and positional:
            self.out.add("US$" + positional[0].strip())
        elif name == "frac" and positional:
            parts = [p.strip() for p in positional[:3]]
            self.out.add(
                f"{parts[0]} {parts[1]}/{parts[2]}" if len(parts) == 3 else "/".join(parts)
            )
        elif name == "convert" and len(positional) >= 2:
            self.out.add(f"{positional[0].strip()} {positional[1].strip()}")
        elif name in LIST_BODY and positional:
            self.inline += 1
            self.plain(positional[-1] if name == "collapsible list" else positional[0])
            self.inline -= 1
        elif name in LIST_PARAMS:
            items = [p for p in positional if p.strip()]
            for i, item in enumerate(items):
                if i:
                    self.out.add(", ")
                self.plain(item)
        elif name in FIRST_PARAM and positional:
            self.plain(positional[0])
        elif name in SECOND_PARAM and positional:
            self.plain(positional[1] if len(positional) > 1 else positional[0])
        elif name.startswith("lang-") and positional:
            self.plain(positional[0])
        elif name in ("quote", "blockquote", "cquote", "quotation"):
            text = _param(node, "text", "quote") or (positional[0] if positional else "")
            self.plain(text)
        # every other template (navigation, maintenance, footnotes …) shows no text here

    def plain(self, wikitext: str) -> None:
        """Render a parameter's wikitext (parsed again: it is a string of the template)."""
        self.nodes(mwparserfromhell.parse(wikitext))


def render_date(params: list[str]) -> str:
    """``["1954", "7", "17"]`` -> ``"17 July 1954"``; a month or a year alone as written."""
    numbers = [p.strip() for p in params if p.strip()]
    numbers = [p for p in numbers if re.fullmatch(r"\d{1,4}", p)][:3]
    if not numbers:
        return " ".join(p.strip() for p in params if "=" not in p).strip()
    year = numbers[0]
    month = int(numbers[1]) if len(numbers) > 1 else 0
    day = int(numbers[2]) if len(numbers) > 2 else 0
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{day} {MONTHS[month - 1]} {year}"
    if 1 <= month <= 12:
        return f"{MONTHS[month - 1]} {year}"
    return year


def _inline(renderer: Renderer, wikitext: str) -> str:
    """Plain text of a parameter value, on one line (no links recorded)."""
    sub = Renderer(renderer.hidden, renderer.namespaces)
    sub.inline = 1
    sub.plain(wikitext)
    return re.sub(r"\s+", " ", sub.out.text).strip()


def cite_line(template: Template, renderer: Renderer) -> str:
    """A citation template as one CS1-style line: ``Last, First (date). "Title". Work.
    Place: Publisher. ISBN …. ISSN …. JSTOR …. URL`` (what the reference parser reads)."""

    def get(*names: str) -> str:
        raw = _param(template, *names)
        return _inline(renderer, raw) if raw else ""

    authors = []
    for n in [""] + [str(i) for i in range(1, 10)]:
        last = get(f"last{n}", f"surname{n}")
        first = get(f"first{n}", f"given{n}")
        author = get(f"author{n}")
        if last:
            authors.append(f"{last}, {first}" if first else last)
        elif author:
            authors.append(author)
    if not authors and get("authors"):
        authors.append(get("authors"))
    title = get("title", "trans-title", "chapter", "script-title")
    if not title:
        return ""
    date = get("date", "year", "publication-date")
    if not re.search(r"\b\d{4}-\d\d-\d\d\b|(?<!\d)\d{1,2}(?!\d)", date):
        year = re.search(r"\b\d{4}\b", date)  # a work is dated by its year or its day
        date = year.group(0) if year else ""
    container = get(*CITE_CONTAINERS)
    publisher = get("publisher")
    place = get("location", "place", "publication-place")
    parts = []
    head = "; ".join(a.replace(";", ",") for a in authors)
    if head and date:
        parts.append(f"{head} ({date}).")
    quoted = bool(container) or "." in title or not (head and date)
    parts.append(f'"{title}".' if quoted else f"{title}.")
    if head and not date:
        parts.append(f"{head}.")
    if container:
        parts.append(container.rstrip(".") + ".")
    if publisher:
        parts.append(f"{place}: {publisher}." if place else f"{publisher}.")
    for key, label in (("isbn", "ISBN"), ("issn", "ISSN"), ("jstor", "JSTOR")):
        value = get(key, key.upper())
        if value:
            parts.append(f"{label} {value}.")
    url = (_param(template, "url") or "").strip()
    if url.startswith(("http://", "https://")):
        parts.append(url)
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


# --- cleaning: deletions only, with the position of every kept character ----------------


def _delete(text: str, index: list[int], spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """Remove ``text[b:e]`` for each span; ``index`` follows the kept characters."""
    if not spans:
        return text, index
    keep = [True] * len(text)
    for b, e in spans:
        for i in range(b, e):
            keep[i] = False
    chars = [c for c, k in zip(text, keep, strict=True) if k]
    kept = [p for p, k in zip(index, keep, strict=True) if k]
    return "".join(chars), kept


def _space_runs(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r" +", text):
        b, e = m.start(), m.end()
        before = text[b - 1] if b else "\n"
        after = text[e] if e < len(text) else "\n"
        if before in "\n(" or after in "\n.,;:!?)":
            spans.append((b, e))
        elif e - b > 1:
            spans.append((b + 1, e))
    return spans


def clean(text: str) -> tuple[str, list[int]]:
    """Collapse the spaces and blank lines rendering left; returns the cleaned text and,
    for each of its characters, its offset in ``text``."""
    index = list(range(len(text)))
    # separators left at the start or end of an infobox value, or doubled
    spans = [(m.start(2), m.end(2)) for m in re.finditer(r"(?m)^(- [\w -]{1,60}: *)([,; ]+)", text)]
    spans += [
        (m.start(1), m.end(1)) for m in re.finditer(r"(?m)^- [\w -]{1,60}: .*?([,; ]+)$", text)
    ]
    spans += [(m.start(), m.end() - 2) for m in re.finditer(r",(?: *,)+ ", text)]
    text, index = _delete(text, index, spans)
    # brackets left empty by a dropped template: "( ; born" -> "(born", "()" -> ""
    spans = [(m.start(), m.end()) for m in re.finditer(r" *\( *[;,]? *\)", text)]
    text, index = _delete(text, index, spans)
    spans = [(m.start(1), m.end(1)) for m in re.finditer(r"\(((?: *[;,])+ *)", text)]
    spans += [(m.start(1), m.end(1)) for m in re.finditer(r"((?: *[;,])+ *)\)", text)]
    text, index = _delete(text, index, spans)
    text, index = _delete(text, index, _space_runs(text))
    # list markers of emptied items, and lines of punctuation only
    spans = [(m.start(1), m.end(1)) for m in re.finditer(r"(?m)^(- ?|[,;.] ?)$", text)]
    text, index = _delete(text, index, spans)
    spans = [(m.start() + 2, m.end()) for m in re.finditer(r"\n{3,}", text)]
    spans.append((0, len(text) - len(text.lstrip("\n"))))
    text, index = _delete(text, index, spans)
    # headings of sections left empty (their text was all templates or tables), unless
    # subsections follow
    spans = []
    for m in re.finditer(r"(?m)^(==+) [^\n]* ==+\n+(?=(=*)[^=])?", text):
        following = m.group(2)
        if m.end() == len(text) or (following and len(following) <= len(m.group(1))):
            spans.append((m.start(), m.end()))
    text, index = _delete(text, index, spans)
    return text, index


# --- the article --------------------------------------------------------------------------


def title_from_stem(stem: str, bold: str) -> str:
    """A title for a file named after its article: ``angela_merkel`` -> ``Angela Merkel``
    (the article's own spelling when its first bold name is the same words)."""
    words = stem.replace("_", " ").strip()
    if bold and bold.casefold() == words.casefold():
        return bold
    if words != words.lower():
        return words
    small = {"of", "the", "for", "and", "in", "on", "a", "an", "at", "to", "by", "de", "von"}
    return " ".join(
        w if (w in small and i) else w[:1].upper() + w[1:] for i, w in enumerate(words.split())
    )


def _first_bold(wikitext: str) -> str:
    """The first bold words of the text (after the templates at its head)."""
    match = re.search(r"(?m)^(?![{|}<\s]).*?\'\'\'(?!\')(.+?)\'\'\'", wikitext)
    if match is None:
        return ""
    words = mwparserfromhell.parse(match.group(1)).strip_code()
    return re.sub(r"\s+", " ", words.replace("''", "")).strip()


def _infobox(code: Wikicode) -> Template | None:
    """The first ``{{Infobox …}}`` before the first heading."""
    for node in code.nodes:
        if isinstance(node, Heading):
            return None
        if isinstance(node, Template) and template_name(node).startswith("infobox"):
            return node
    return None


def read_wikitext(
    path: Path,
    wikitext: str,
    sha256: str,
    *,
    title: str = "",
    name: str = "",
    site: WikiSite | None = None,
    hidden_namespaces: frozenset[str] = HIDDEN_NAMESPACES,
    namespaces: frozenset[str] = frozenset(),
    where: str = "",
) -> tuple[Article, list[CodedWarning]]:
    """Read an article's wikitext into an :class:`Article` with its derived plain text.

    Args:
        path: the file (or, for a dump's page, ``dump#Title``), named in warnings.
        title: the page title (a dump names it); else it comes from the file name. When
            given, the lead's first bold name (the article's subject, by Wikipedia's
            convention) links to the page itself.
        name: the document id, when not the file's stem.
        site: the wiki, for the IRIs of the articles its links name.
    """
    # bold and italic quotes are removed as text: read as tags, one unbalanced pair in a
    # template parameter would make the whole template text
    code = mwparserfromhell.parse(wikitext, skip_style_tags=True)
    box = _infobox(code)
    page_title = title or title_from_stem(path.stem, _first_bold(wikitext))
    renderer = Renderer(hidden_namespaces, namespaces)
    out = renderer.out
    out.mark(0)
    out.add(f"= {page_title} =\n\n")
    starts = _node_starts(code)
    if box is not None:
        box_at = starts[id(box)]
        params, value_at = _box_params(box, box_at, wikitext)
        out.mark(box_at)
        fields = []
        box_name = ""
        seen: set[str] = set()
        for param in params:
            if not param.showkey:
                continue
            key = re.sub(r"\s+", " ", str(param.name)).strip()
            if not key or ":" in key or not str(param.value).strip():
                continue
            if key.lower() == "name" and not box_name:
                box_name = _inline(renderer, str(param.value))
                continue
            if key.lower() in seen or key.lower() in EMBED_KEYS:
                continue
            seen.add(key.lower())
            fields.append((key, param))
        out.add(f"{box_name or page_title}\n")
        for key, param in fields:
            start = out.size
            out.mark(value_at[id(param)])
            out.add(f"- {key}: ")
            value_start = out.size
            renderer.inline += 1
            renderer.nodes(param.value)
            renderer.inline -= 1
            if not out.text[value_start:].strip(" ,;"):
                del_to = start  # an emptied value: drop the line
                _truncate(out, del_to)
                continue
            out.add("\n")
        out.add("\n")
    for node in code.nodes:
        if node is box:
            continue
        at = starts[id(node)]
        if isinstance(node, Text):  # a mark at each of its lines
            for piece in str(node).splitlines(keepends=True):
                out.mark(at)
                renderer.text(piece)
                at += len(piece)
            continue
        out.mark(at)
        renderer.node(node)
    if out.citations:
        out.add(f"\n\n== {REFERENCES_HEADING} ==\n\n")
        cited: dict[str, int] = {}
        for line, at in out.citations:
            cited.setdefault(line, at)
        for line, at in cited.items():
            out.mark(at)
            out.add(f"- {line}\n")
    text, index = clean(out.text)
    line_map = _line_map(wikitext, out.marks, index)
    links = []
    for begin, end, target in out.links:
        b = bisect.bisect_left(index, begin)
        e = bisect.bisect_left(index, end)
        while b < e and text[b].isspace():
            b += 1
        while e > b and text[e - 1].isspace():
            e -= 1
        if e > b:
            links.append(Link(b, e, target))
    article = read_sectioned(path, text, sha256)
    if title and article.blocks:  # a page's title is known: its lead's bold name is it
        bold = _first_bold(wikitext)
        lead = article.blocks[0]
        at = text.find(bold, lead.begin, lead.end) if bold else -1
        if at >= 0:
            links.append(Link(at, at + len(bold), normalize_title(title)))
    blocks, split = split_blocks(text, article.blocks)
    article = replace(article, line_map=line_map)
    article = replace(
        article,
        infobox=tuple(replace(f, line=article.line_of(f.begin)) for f in article.infobox),
        blocks=blocks,
        format="wikitext",
        links=tuple(sorted(set(links))),
        site=site,
        name=name,
        page_title=page_title,
    )
    warnings = []
    if split:
        warnings.append(
            CodedWarning(
                "W807",
                where or str(path),
                1,
                f"{split} paragraphs longer than {MAX_BLOCK_CHARS:,} characters (a line without"
                " breaks?) are read in pieces cut after a full stop",
            )
        )
    if out.unclosed:
        at = wikitext.find(out.unclosed[0])
        warnings.append(
            CodedWarning(
                "W802",
                where or str(path),
                wikitext.count("\n", 0, at) + 1 if at >= 0 else 1,
                f"a template opened with '{{{{' never closes ({len(out.unclosed)} in all);"
                " the rest of its line is left out; close it with '}}'",
            )
        )
    return article, warnings


def split_blocks(text: str, blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], int]:
    """Blocks of at most :data:`MAX_BLOCK_CHARS`, a longer one cut after the last full stop
    (else space) before the limit; returns them and how many blocks were cut."""
    out: list[Block] = []
    split = 0
    for block in blocks:
        if block.end - block.begin <= MAX_BLOCK_CHARS:
            out.append(block)
            continue
        split += 1
        begin = block.begin
        while block.end - begin > MAX_BLOCK_CHARS:
            limit = begin + MAX_BLOCK_CHARS
            cut = text.rfind(". ", begin, limit)
            cut = cut + 1 if cut > begin else text.rfind(" ", begin, limit)
            if cut <= begin:
                cut = limit
            out.append(replace(block, begin=begin, end=cut))
            begin = cut
            while begin < block.end and text[begin].isspace():
                begin += 1
        if begin < block.end:
            out.append(replace(block, begin=begin))
    return tuple(out), split


def _truncate(out: Rendering, size: int) -> None:
    """Drop what was rendered after ``size`` characters (links and all)."""
    text = out.text[:size]
    out.parts = [text]
    out.size = size
    out.links = [link for link in out.links if link[1] <= size]
    out.marks = [mark for mark in out.marks if mark[0] < size]


def _node_starts(code: Wikicode) -> dict[int, int]:
    """The wikitext offset of each top-level node (the parse gives back the text exactly)."""
    starts = {}
    at = 0
    for node in code.nodes:
        starts[id(node)] = at
        at += len(str(node))
    return starts


#: Parameters of an embedded infobox that only say how it is drawn.
EMBED_KEYS = frozenset({"embed", "child", "subbox", "title", "titlestyle", "bodystyle"})


def _box_params(box: Template, at: int, wikitext: str) -> tuple[list[Parameter], dict[int, int]]:
    """The parameters of an infobox, followed by those of the infoboxes embedded in its
    values (``{{Infobox officeholder |embed=yes …}}`` in a collapsed section), with the
    wikitext offset of each value."""
    params = list(box.params)
    value_at = _value_starts(box, at)
    done = {id(box)}
    for param in box.params:
        for nested in param.value.filter_templates(recursive=True):
            if id(nested) in done or not template_name(nested).startswith("infobox"):
                continue
            done.add(id(nested))
            nested_at = wikitext.find(str(nested), at)
            params.extend(nested.params)
            value_at.update(_value_starts(nested, max(nested_at, at)))
    return params, value_at


def _value_starts(template: Template, at: int) -> dict[int, int]:
    """The wikitext offset of each parameter's value of a template that starts at ``at``."""
    out = {}
    at += 2 + len(str(template.name))
    for param in template.params:
        at += 1  # "|"
        out[id(param)] = at + (len(str(param.name)) + 1 if param.showkey else 0)
        at += len(str(param))
    return out


def _line_map(
    wikitext: str, marks: list[tuple[int, int]], index: list[int]
) -> tuple[tuple[int, int], ...]:
    """(offset in the derived text, line of the wikitext) where each rendered line begins."""
    breaks = [i for i, c in enumerate(wikitext) if c == "\n"]
    found: dict[int, int] = {}
    for rendered, source in marks:
        source = min(source, len(wikitext))
        while source < len(wikitext) and wikitext[source] in " \t|":
            source += 1  # a parameter's value starts after its spaces, maybe on a new line
        if source < len(wikitext) and wikitext[source] == "\n":
            source += 1
        found[bisect.bisect_left(index, rendered)] = bisect.bisect_left(breaks, source) + 1
    return tuple(sorted(found.items()))
