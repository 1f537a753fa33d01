"""The infobox of an organization (a party, faction or body): leaders, members,
ideology, parent party, country, seats, and a tenure for each
``leader_title``/``leader_name`` pair."""

from __future__ import annotations

import re

from histkg.errors import CodedWarning
from histkg.extract.infobox.offices import clean_office
from histkg.extract.infobox.records import Warner
from histkg.extract.infobox.tables import infobox_kind, infobox_name, lookup, tables
from histkg.extract.infobox.values import looks_like_person
from histkg.extract.mentions import org_class
from histkg.extract.nlp import is_name_token
from histkg.lexicon import lexicon
from histkg.model import Article, InfoboxField, Mention, OfficeRef, OrgFacts, Span, TenureRecord


def _items(value: str, begin: int) -> list[tuple[str, int, int]]:
    """Split a comma/semicolon list, keeping each item's offsets."""
    out = []
    for m in re.finditer(r"[^,;]+", value):
        item = m.group(0).strip()
        if item:
            b = begin + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            out.append((item, b, b + len(item)))
    return out


def read_infobox(article: Article) -> tuple[OrgFacts | None, list[CodedWarning]]:
    """Facts about the organization an infobox describes, and warnings for what was not
    mapped (None for a person's or an event's infobox)."""
    facts, _tenures, warnings = read_org(article)
    return facts, warnings


def read_org(
    article: Article,
) -> tuple[OrgFacts | None, list[TenureRecord], list[CodedWarning]]:
    """The organization's facts, the tenures of its ``leader_title`` lines and the
    warnings (None and nothing when the infobox is not an organization's)."""
    if infobox_kind(article) != "org":
        return None, [], []
    name = infobox_name(article)
    assert name is not None
    lex = lexicon()
    t = tables()
    doc = article.doc_id
    title_at = article.text.find(
        name, max(0, article.infobox[0].begin - 200) if article.infobox else 0
    )
    subject = Mention("org", name, Span(doc, title_at, title_at + len(name)), org_class(name))
    facts = OrgFacts(subject)
    native_lang = ""
    seats_body: Mention | None = None
    titles: dict[int, InfoboxField] = {}
    named: dict[int, list[Mention]] = {}
    warn = Warner(article)
    for f in article.infobox:
        rule, n, base = lookup(t.org, f.key)
        if rule is None:
            warn.unknown(f, base)
            continue
        kind = rule["kind"]
        items = []
        for item, b, e in _items(f.value, f.begin):
            if any(p.match(item) for p in lex.infobox_junk):
                warn("W103", f, f"markup '{item}' dropped from '{f.key}'")
                continue
            items.append((item, Span(doc, b, e)))
        if kind == "ignore":
            continue
        if kind == "persons":
            target = facts.leaders if rule.get("property") == "leader" else facts.members
            for item, span in items:
                if looks_like_person(item) or (len(item.split()) == 1 and is_name_token(item)):
                    target.append(Mention("person", item, span))
                    named.setdefault(n, []).append(target[-1])
                else:
                    warn("W102", f, f"'{item}' in '{f.key}' is not read as a person")
        elif kind == "leader_title":
            titles[n] = f
        elif kind == "literals":
            target_l = facts.ideology if rule.get("property") == "ideology" else facts.position
            target_l.extend(items)
        elif kind == "org":
            facts.parent.extend(
                Mention("org", item, span, org_class(item) if " " in item else "PoliticalParty")
                for item, span in items
            )
        elif kind == "place":
            facts.country.extend(Mention("place", item, span) for item, span in items)
        elif kind == "native_lang":
            native_lang = f.value.strip()
        elif kind == "seats_title":
            m = re.search(r"\bin\s+(?:the\s+)?(?P<body>.+)$", f.value)
            if m:
                b = f.begin + m.start("body")
                seats_body = Mention(
                    "org", m.group("body"), Span(doc, b, b + len(m.group("body"))), "GoverningBody"
                )
        elif kind == "seats_count":
            if f.value.strip().isdigit() and seats_body is not None:
                facts.seats.append((seats_body, int(f.value.strip()), Span(doc, f.begin, f.end)))
            else:
                warn("W102", f, f"'{f.key}: {f.value}' left unparsed")
    tenures = []
    for n, title_field in sorted(titles.items()):
        title = clean_office(title_field.value)
        if not title or n not in named:
            warn("W102", title_field, f"'{title_field.key}' names no leader; left unmapped")
            continue
        for holder in named[n]:
            office = OfficeRef(title, "body", org=subject, phrase=title)
            tenures.append(
                TenureRecord(
                    holder,
                    office,
                    Span(
                        doc,
                        min(title_field.begin, holder.span.begin),
                        max(title_field.end, holder.span.end),
                    ),
                    rule="infobox.org.leader_title",
                )
            )
    if native_lang:
        facts.alt_labels.append(("", native_lang, Span(doc, 0, 0)))  # language hint
    return facts, tenures, warn.warnings
