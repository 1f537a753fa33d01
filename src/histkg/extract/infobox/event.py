"""The infobox of an event (a coup, a trial, a purge, a military conflict …): its date,
place, outcome and the people in it."""

from __future__ import annotations

import re

from histkg.errors import CodedWarning
from histkg.extract.infobox.dates import read_dates
from histkg.extract.infobox.records import Warner
from histkg.extract.infobox.tables import infobox_name, lookup, tables
from histkg.extract.infobox.values import looks_like_person, person_name, split_items, sub_span
from histkg.model import Article, Block, Date, EventRecord, InfoboxField, Mention, Span

#: the section name of a block made of an event infobox's result (see ``outcome_blocks``)
OUTCOME_SECTION = "infobox: result"


def _read_date(event: EventRecord, f: InfoboxField, warn: Warner) -> None:
    """The date of the event, or its start and end when the value is a range ("23–24
    February 1981", "1955–58"); a date that does not exist leaves the whole value out
    (``W202``) rather than keeping one end of it."""
    dates, bad = read_dates(f.value)
    if bad:
        warn("W202", f, f"'{f.key}: {f.value}' holds a date that does not exist; left out")
        return
    if not dates:
        warn("W202", f, f"'{f.key}: {f.value}' is not understood as a date")
        return
    start, end = dates[0], dates[-1]
    common = min(len(start.iso), len(end.iso))
    if end.iso[:common] < start.iso[:common]:
        warn("W202", f, f"'{f.key}: {f.value}' ends before it starts; left out")
        return
    event.date = start
    if end != start and not end.iso.startswith(start.iso):
        event.end = end


def read_event_infobox(article: Article, cls: str) -> tuple[EventRecord, list[CodedWarning]]:
    """The event an infobox describes (a coup, a trial, a purge, a conflict …)."""
    name = infobox_name(article)
    assert name is not None
    t = tables()
    doc = article.doc_id
    warn = Warner(article)
    title_at = article.text.find(name)
    span = Span(doc, max(0, title_at), max(0, title_at) + len(name) if title_at >= 0 else 0)
    event = EventRecord([cls], span, "infobox", name=name, rule="infobox.event")
    for f in article.infobox:
        rule, _n, base = lookup(t.event, f.key)
        if rule is None:
            warn.unknown(f, base)
            continue
        kind = rule["kind"]
        items = [(i, Span(doc, b, e)) for i, b, e in split_items(f.value, f.begin)]
        if kind == "date":
            _read_date(event, f, warn)
        elif kind == "place" and items:
            event.place = Mention("place", items[0][0], items[0][1])
        elif kind == "outcome":
            event.outcome = f.value.strip()
        elif kind in {"agents", "affected", "participants"}:
            target = {
                "agents": event.agents,
                "affected": event.affected,
                "participants": event.participants,
            }[kind]
            for item, item_span in items:
                name_ = person_name(item)
                if name_ is not None and (kind == "participants" or looks_like_person(name_)):
                    target.append(Mention("person", name_, sub_span(item, name_, item_span)))
                else:
                    warn("W102", f, f"'{item}' in '{f.key}' is not read as a person")
    if event.date is None:  # "1965 … coup": the title's year
        year = re.search(r"\b(1[0-9]{3}|20[0-9]{2})\b", name)
        if year:
            event.date = Date(year.group(1))
    return event, warn.warnings


def outcome_blocks(article: Article) -> tuple[Block, ...]:
    """The values of an event infobox's result keys ("Result: Overthrow of A. B becomes
    President") as blocks of text to read like the article's paragraphs: they state what
    the event brought about, in the present tense infoboxes use."""
    t = tables()
    out = []
    for f in article.infobox:
        rule, _n, _base = lookup(t.event, f.key)
        if rule is not None and rule["kind"] == "outcome" and f.end > f.begin:
            out.append(Block(f.begin, f.end, OUTCOME_SECTION))
    return tuple(out)
