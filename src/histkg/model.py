"""Plain data passed between stages (no rdflib before ``assemble``)."""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path


class Precision(Enum):
    """How much of a date the text gives."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, order=True)
class Date:
    """A calendar date at the precision the text gives (ISO 8601 prefix)."""

    iso: str  # "1848", "1848-03" or "1848-03-15"

    @property
    def precision(self) -> Precision:
        return {4: Precision.YEAR, 7: Precision.MONTH}.get(len(self.iso), Precision.DAY)

    @property
    def year(self) -> int:
        return int(self.iso[:4])


@dataclass(frozen=True)
class InfoboxField:
    """One ``- Key: Value`` line of an infobox."""

    key: str
    value: str
    line: int
    begin: int  # offset of the value in the article text
    end: int


@dataclass(frozen=True)
class Block:
    """A stretch of running text (a paragraph or a list item) to read for facts."""

    begin: int
    end: int
    section: str
    is_list_item: bool = False


@dataclass(frozen=True, order=True)
class Link:
    """A ``[[link]]`` of a wikitext article: ``text[begin:end]`` shows it, ``target`` is the
    title of the article it links (underscores as spaces, first letter upper-case, no
    ``#section``)."""

    begin: int
    end: int
    target: str


@dataclass(frozen=True)
class WikiSite:
    """The wiki (and dataset) a document comes from: from a dump's ``<siteinfo>`` or from
    options of ``histkg build`` / ``publish``.

    ``article_base`` + a title with underscores is the article's IRI (empty: the wiki is not
    known, so no ``sameAs`` links are made); ``dbpedia_base`` is the DBpedia chapter of a
    Wikipedia language edition (empty for any other wiki). ``licence`` is an IRI (empty:
    not known).
    """

    name: str
    article_base: str = ""
    lang: str = ""
    dbpedia_base: str = ""
    licence: str = ""
    licence_name: str = ""


@dataclass(frozen=True)
class Article:
    """One source document as read from its file (or from a page of an XML dump)."""

    path: Path
    text: str
    sha256: str
    format: str  # "sectioned", "plain" or "wikitext"
    title: str
    infobox_title: str | None
    infobox: tuple[InfoboxField, ...]
    blocks: tuple[Block, ...]
    reference_spans: tuple[tuple[int, int], ...] = ()
    #: the ``[[links]]`` of a wikitext article, offsets into ``text``
    links: tuple[Link, ...] = ()
    #: the wiki it comes from, when the input or an option names one
    site: WikiSite | None = None
    #: the document's id when it is not the file's name (a page of an XML dump)
    name: str = ""
    #: the wikitext page title, when there is one (dump page or option)
    page_title: str = ""
    #: for a text derived from a source (wikitext): (offset in ``text``, line of the source)
    #: where each rendered source line begins, sorted; messages name the source's lines
    line_map: tuple[tuple[int, int], ...] = ()

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset (in the source file, when the text
        is derived from one)."""
        if self.line_map:
            i = bisect.bisect_right(self.line_map, (offset, sys.maxsize)) - 1
            return self.line_map[i][1] if i >= 0 else 1
        return self.text.count("\n", 0, offset) + 1

    @property
    def doc_id(self) -> str:
        return self.name or self.path.stem


@dataclass(frozen=True, order=True)
class Span:
    """Evidence: ``text[begin:end]`` of one document."""

    doc_id: str
    begin: int
    end: int


# --- extraction records -------------------------------------------------------


@dataclass
class Mention:
    """A name in the text that refers to an entity."""

    kind: str  # person | org | place
    text: str
    span: Span
    org_class: str = (
        "Organization"  # for orgs: Organization, PoliticalParty, Faction, GoverningBody
    )


@dataclass
class OfficeRef:
    """An office as named in the text, before resolution."""

    title: str  # canonical title from the lexicon, or the phrase as written
    scope: str  # "state", "party", "post"
    org: Mention | None = None
    place: Mention | None = None
    phrase: str = ""

    def in_full(self) -> OfficeRef:
        """The office itself, not held in an acting or interim capacity: the post a
        predecessor or successor of an acting holder held ("Acting President" -> "President")."""
        capacity, _, title = self.title.partition(" ")
        if capacity not in {"Acting", "Interim"} or not title:
            return self
        phrase = re.sub(r"^(?:acting|interim)\s+", "", self.phrase, flags=re.IGNORECASE)
        return replace(self, title=title, phrase=phrase)


@dataclass
class TenureRecord:
    holder: Mention
    office: OfficeRef
    evidence: Span
    start: Date | None = None
    end: Date | None = None
    attested: Date | None = None
    former: bool = False
    started_by: EventRecord | None = None
    ended_by: EventRecord | None = None
    predecessor: Mention | None = None
    successor: Mention | None = None
    rule: str = ""  # id of the rule that read it (provenance: hkg:extractedBy)


@dataclass
class EventRecord:
    types: list[str]
    evidence: Span
    trigger: str
    date: Date | None = None  # when it happened; its start when ``end`` is set
    end: Date | None = None  # the last day of an event that lasted ("23–24 May 1901")
    agents: list[Mention] = field(default_factory=list)
    affected: list[Mention] = field(default_factory=list)
    participants: list[Mention] = field(default_factory=list)
    organization: Mention | None = None
    place: Mention | None = None
    office: OfficeRef | None = None
    name: str | None = None
    motion: str | None = None
    outcome: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    voted_for: list[Mention] = field(default_factory=list)
    voted_against: list[Mention] = field(default_factory=list)
    part_of: EventRecord | None = None
    extra_evidence: list[Span] = field(default_factory=list)
    at: int = 0  # offset of the trigger word
    rule: str = ""  # id of the rule that read it (provenance: hkg:extractedBy)


@dataclass
class OrgFacts:
    """Facts about an organization from an infobox or the text."""

    subject: Mention
    leaders: list[Mention] = field(default_factory=list)
    members: list[Mention] = field(default_factory=list)
    ideology: list[tuple[str, Span]] = field(default_factory=list)
    position: list[tuple[str, Span]] = field(default_factory=list)
    parent: list[Mention] = field(default_factory=list)
    country: list[Mention] = field(default_factory=list)
    seats: list[tuple[Mention, int, Span]] = field(default_factory=list)
    alt_labels: list[tuple[str, str, Span]] = field(default_factory=list)  # text, lang, span


@dataclass
class WorkRecord:
    """A cited work parsed from a reference list."""

    span: Span
    title: str
    creators: list[str] = field(default_factory=list)
    published: Date | None = None
    isbn: list[str] = field(default_factory=list)
    issn: list[str] = field(default_factory=list)
    jstor: list[str] = field(default_factory=list)
    url: list[str] = field(default_factory=list)
    publisher: str | None = None
    container: str | None = None


@dataclass
class Extraction:
    """Everything read from one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    tenures: list[TenureRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    orgs: list[OrgFacts] = field(default_factory=list)
    works: list[WorkRecord] = field(default_factory=list)
    main_party: str | None = None
    faction: Mention | None = None
    aliases: list[tuple[Mention, Mention]] = field(
        default_factory=list
    )  # (another name, the person it names): an infobox's birth name


# --- resolved statements (input of ``mint`` and ``assemble``) -----------------


@dataclass(frozen=True, order=True)
class Ref:
    """A resolved thing: ``kind`` is person, org, place, office, tenure, event, document,
    span or work; ``key`` identifies it within its kind."""

    kind: str
    key: str


@dataclass(frozen=True, order=True)
class Text:
    """A string literal, with a language tag or none (plain ``xsd:string``)."""

    value: str
    lang: str = ""


@dataclass(frozen=True, order=True)
class Iri:
    """An IRI outside the graph's base (a Wikipedia article, a DBpedia resource)."""

    value: str


Value = Ref | Text | Date | int | Iri


@dataclass(frozen=True)
class Statement:
    """One fact, as stated by one document."""

    subject: Ref
    prop: str  # a term of the histkg vocabulary, "type", "label" or "altLabel"
    value: Value
    doc: str
