"""Extraction: articles -> records (persons, organizations, tenures, events, works)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from histkg.errors import CodedWarning
from histkg.extract.infobox import (
    OUTCOME_SECTION,
    box_country,
    infobox_kind,
    infobox_person_names,
    outcome_blocks,
    read_box,
)
from histkg.extract.mentions import PARTY_RE, body_regex, org_class
from histkg.extract.namebook import NameBook, name_books
from histkg.extract.names import article_group
from histkg.extract.nlp import load_model, mask_native
from histkg.extract.text import ArticleReader
from histkg.extract.title_events import try_the_title_defendant
from histkg.lexicon import count_demonyms, lead_demonym
from histkg.model import Article, EventRecord, Extraction, Mention, Span
from histkg.parse.references import parse_reference


def initials(name: str) -> str:
    """``"Socialist Unity Party of Ruritania"`` -> ``"SUPR"``."""
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'-]*", name))


def acronym_table(articles: list[Article]) -> dict[str, str]:
    """Acronyms of the multi-word party and body names seen anywhere in the corpus."""
    table: dict[str, str] = {}
    for article in articles:
        for regex in (PARTY_RE, body_regex()):
            for m in regex.finditer(article.text):
                name = m.group(0)
                if len(name.split()) > 2:
                    table.setdefault(initials(name), name)
    return table


def _main_party(article: Article, acronyms: dict[str, str]) -> str | None:
    counts: Counter[str] = Counter()
    for m in PARTY_RE.finditer(article.text):
        name = m.group("name")
        if len(name.split()) > 2:
            counts[name] += 1
    for m in re.finditer(r"(?<![\w-])[A-Z]{2,6}(?![\w-])", article.text):
        if m.group(0) in acronyms and "Party" in acronyms[m.group(0)]:
            counts[acronyms[m.group(0)]] += 1
    if not counts:
        return None
    best = max(counts.values())
    return next(name for name in counts if counts[name] == best)


def _country(article: Article, facts_country: list[Mention]) -> Mention | None:
    if facts_country:
        return facts_country[0]
    counts, first = count_demonyms(article.text)
    if not counts:
        return None
    best = max(counts.values())
    place = min((p for p in counts if counts[p] == best), key=lambda p: first[p])
    lead = _lead_sentence(article)
    described = lead_demonym(lead) if lead else None
    if described is not None and described in counts:
        place = described  # "A was a Soviet politician": the subject's own country
    at = article.text.find(place)
    span = (
        Span(article.doc_id, at, at + len(place))
        if at >= 0
        else Span(article.doc_id, first[place], first[place])
    )
    return Mention("place", place, span)


def _lead_sentence(article: Article) -> str:
    """The first sentence of the article's prose (its defining sentence)."""
    prose = [b for b in article.blocks if not b.is_list_item]
    if not prose:
        return ""
    text = article.text[prose[0].begin : prose[0].end]
    end = re.search(r"[.!?](?:\s+[A-Z]|\s*$)", text)
    return text[: end.start() + 1] if end else text


def _dropped_names(article: Article, book: NameBook) -> list[CodedWarning]:
    """W601, once per name and reason in an article: a name the model read as a person
    that its context or the article shows is something else."""
    seen: set[tuple[str, str]] = set()
    out = []
    for doc_id, at, name, why in book.dropped:
        if doc_id != article.doc_id or (name, why) in seen:
            continue
        seen.add((name, why))
        out.append(
            CodedWarning("W601", str(article.path), article.line_of(at), f"not a person: {why}")
        )
    return out


@dataclass
class CorpusExtraction:
    """What extraction yields for a whole corpus."""

    extractions: list[Extraction]
    warnings: list[CodedWarning]
    acronyms: dict[str, str]


def _with_outcomes(article: Article) -> Article:
    """The article with its event infobox's result values as blocks to read."""
    if infobox_kind(article) != "event":
        return article
    extra = outcome_blocks(article)
    return replace(article, blocks=article.blocks + extra) if extra else article


def _date_outcomes(extraction: Extraction, box_event: EventRecord) -> None:
    """What an event infobox's result states happened when the event did: undated events
    read from the result take the infobox's date, and so do the tenures they begin or end."""
    if box_event.date is None:
        return
    blocks = [b for b in extraction.article.blocks if b.section == OUTCOME_SECTION]
    outcomes = [
        e
        for e in extraction.events
        if e.date is None and any(b.begin <= e.at < b.end for b in blocks)
    ]
    for event in outcomes:
        event.date = box_event.date
    for tenure in extraction.tenures:
        if tenure.started_by in outcomes and tenure.start is None:
            tenure.start = box_event.date
        if tenure.ended_by in outcomes and tenure.end is None:
            tenure.end = box_event.date


@dataclass(frozen=True)
class Unit:
    """One task of extraction: the articles of one group (copies of one article, which share
    their names; usually one article) and the part of the corpus tables they can read.

    Extraction of a unit is a pure function of the unit (:func:`extract_unit`), so units can
    run in any process, in any order, or come from a cache.
    """

    articles: tuple[Article, ...]
    #: the corpus's acronyms that occur in these articles (sorted by acronym)
    acronyms: tuple[tuple[str, str], ...]


@dataclass
class DocumentResult:
    """What extraction yields for one article: its records and its warnings."""

    extraction: Extraction
    warnings: list[CodedWarning]


@dataclass
class CorpusPlan:
    """The units of a corpus and the corpus-wide tables, made before extraction.

    ``units[i].articles[j]`` is article ``positions[i][j]`` of the corpus.
    """

    articles: list[Article]
    units: list[Unit]
    positions: list[tuple[int, ...]]
    acronyms: dict[str, str]


def plan_corpus(articles: list[Article]) -> CorpusPlan:
    """The cheap corpus-wide part of extraction: event infobox outcomes as blocks, the
    acronym table, and the articles grouped into units (in order of first appearance)."""
    articles = [_with_outcomes(a) for a in articles]
    acronyms = acronym_table(articles)
    groups: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        groups.setdefault(article_group(article.title), []).append(i)
    units = []
    for indexes in groups.values():
        runs: set[str] = set()
        for i in indexes:
            runs.update(re.findall(r"[A-Z]+", articles[i].text))
        table = tuple(sorted((k, acronyms[k]) for k in runs if k in acronyms))
        units.append(Unit(tuple(articles[i] for i in indexes), table))
    return CorpusPlan(articles, units, [tuple(ix) for ix in groups.values()], acronyms)


def merge_results(plan: CorpusPlan, results: list[list[DocumentResult]]) -> CorpusExtraction:
    """The results of every unit (``results[i]`` of ``plan.units[i]``) in input order."""
    ordered: list[DocumentResult | None] = [None] * len(plan.articles)
    for positions, found in zip(plan.positions, results, strict=True):
        for at, result in zip(positions, found, strict=True):
            ordered[at] = result
    done = [r for r in ordered if r is not None]
    warnings = [w for r in done for w in r.warnings]
    return CorpusExtraction([r.extraction for r in done], warnings, plan.acronyms)


def extract_corpus(
    articles: list[Article], progress: Callable[[int], None] | None = None
) -> CorpusExtraction:
    """Extract every article in this process, unit by unit (``progress(n)`` after each
    unit of ``n`` articles); :mod:`histkg.engines` runs the units elsewhere."""
    plan = plan_corpus(articles)
    results = []
    for unit in plan.units:
        results.append(extract_unit(unit))
        if progress:
            progress(len(unit.articles))
    return merge_results(plan, results)


def extract_unit(unit: Unit) -> list[DocumentResult]:
    """Run the model over the articles of a unit, learn their names, then apply the rules."""
    nlp = load_model()
    articles = list(unit.articles)
    texts = [mask_native(a.text[b.begin : b.end]) for a in articles for b in a.blocks]
    docs_flat: list[Doc] = list(nlp.pipe(texts, batch_size=32))
    # names are learned per article (copies of one article together), never corpus-wide
    groups = [article_group(a.title) for a in articles for _ in a.blocks]
    titles = {article_group(a.title): a.title for a in articles}
    known: dict[str, list[str]] = {}
    for article in articles:  # people the infoboxes name ("Leader: A B", "Target: C D")
        known.setdefault(article_group(article.title), []).extend(infobox_person_names(article))
    docs_flat, books = name_books(nlp, docs_flat, groups, titles, known)
    acronyms = dict(unit.acronyms)
    results: list[DocumentResult] = []
    cursor = 0
    for article in articles:
        docs = docs_flat[cursor : cursor + len(article.blocks)]
        cursor += len(article.blocks)
        book = books.get(article_group(article.title)) or NameBook()  # no prose, no names
        results.append(_extract_article(article, docs, book, acronyms))
    return results


def _extract_article(
    article: Article, docs: list[Doc], book: NameBook, acronyms: dict[str, str]
) -> DocumentResult:
    """The records and warnings of one article whose blocks the model has read."""
    warnings: list[CodedWarning] = []
    faction_names = []
    title_class = org_class(article.title)
    if title_class == "Faction":
        faction_names.append(article.title)
    main_party = _main_party(article, acronyms)
    country = _country(article, box_country(article))
    box = read_box(article, country, main_party)  # by template: org, event or person
    warnings.extend(box.warnings)
    facts = box.org
    reader = ArticleReader(article, book, main_party, country, faction_names, set(acronyms))
    reader.person_infobox = infobox_kind(article) == "officeholder"
    if facts is not None:
        reader.faction = facts.subject if facts.subject.org_class == "Faction" else None
    elif faction_names:
        at = article.text.find(article.title)
        reader.faction = Mention(
            "org", article.title, Span(article.doc_id, at, at + len(article.title)), "Faction"
        )
    extraction = reader.read(docs)
    if box.event is not None:
        _date_outcomes(extraction, box.event)
        extraction.events.insert(0, box.event)
    extraction.tenures[:0] = box.tenures  # the infobox's dates first: resolve keeps them
    extraction.events[:0] = box.events
    extraction.mentions += box.mentions
    extraction.orgs += box.orgs
    extraction.aliases += box.aliases
    persons = [m for m in extraction.mentions if m.kind == "person"]
    try_the_title_defendant(article, extraction.events, persons)  # "Berg trial": Berg's
    extraction.main_party = main_party
    extraction.faction = reader.faction
    warnings.extend(reader.warnings)
    warnings.extend(_dropped_names(article, book))
    if facts is not None:
        hint = [lang for text, lang, _ in facts.alt_labels if not text]
        facts.alt_labels = [a for a in facts.alt_labels if a[0]]
        if hint:
            for org in extraction.orgs:
                org.alt_labels = [
                    (t, hint[0] if lang == "und" else lang, sp) for t, lang, sp in org.alt_labels
                ]
        extraction.orgs.insert(0, facts)
    if reader.faction is not None:
        extraction.mentions.append(reader.faction)
    for begin, end in article.reference_spans:
        work = parse_reference(article.text[begin:end], Span(article.doc_id, begin, end))
        if work is None:
            warnings.append(
                CodedWarning(
                    "W301",
                    str(article.path),
                    article.line_of(begin),
                    "reference not understood; left out",
                )
            )
        else:
            extraction.works.append(work)
    return DocumentResult(extraction, warnings)
