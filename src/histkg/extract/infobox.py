"""Map infobox fields onto the vocabulary with the declarative table ``data/infobox.toml``."""

from __future__ import annotations

import re

from histkg.errors import CodedWarning
from histkg.extract.mentions import org_class
from histkg.extract.nlp import is_name_token
from histkg.lexicon import lexicon
from histkg.model import Article, EventRecord, InfoboxField, Mention, OrgFacts, Span
from histkg.parse.dates import find_dates


def event_class_of(title: str) -> str | None:
    """The event class an article title names ("1965 coup d'état attempt" -> CoupAttempt)."""
    words = re.findall(r"[\w'’-]+", title.lower())
    for word in reversed(words):
        if word in lexicon().event_titles:
            return lexicon().event_titles[word]
    return None


def looks_like_person(text: str) -> bool:
    tokens = text.split()
    return 2 <= len(tokens) <= 4 and all(is_name_token(t) for t in tokens)


def normalise_key(key: str) -> str:
    """``"Seats1 Title"`` -> ``"seats1_title"``."""
    return re.sub(r"[\s_-]+", "_", key.strip().lower())


def _items(value: str, begin: int) -> list[tuple[str, int, int]]:
    """Split a comma/semicolon list, keeping each item's offsets."""
    out = []
    for m in re.finditer(r"[^,;]+", value):
        item = m.group(0).strip()
        if item:
            b = begin + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            out.append((item, b, b + len(item)))
    return out


def _unknown_key(path: str, field: InfoboxField) -> CodedWarning:
    return CodedWarning(
        "W101",
        path,
        field.line,
        f"infobox key '{field.key}' is not in the mapping table; value kept unmapped",
    )


def infobox_person_names(article: Article) -> list[str]:
    """Full names in the infobox fields that list people (leaders, organisers, targets)."""
    lex = lexicon()
    person_kinds = {"persons", "agents", "affected"}
    names = []
    for field in article.infobox:
        key = normalise_key(field.key)
        rule = lex.infobox_keys.get(key) or lex.infobox_event_keys.get(key)
        if rule is not None and rule["kind"] in person_kinds:
            names += [
                item for item, _b, _e in _items(field.value, field.begin) if looks_like_person(item)
            ]
    return names


def read_event_infobox(article: Article, cls: str) -> tuple[EventRecord, list[CodedWarning]]:
    """The event an infobox describes (a coup, a trial, a purge …)."""
    assert article.infobox_title is not None
    lex = lexicon()
    doc = article.doc_id
    path = str(article.path)
    warnings: list[CodedWarning] = []
    title_at = article.text.find(article.infobox_title)
    span = Span(doc, title_at, title_at + len(article.infobox_title))
    event = EventRecord([cls], span, "infobox", name=article.infobox_title)
    for field in article.infobox:
        rule = lex.infobox_event_keys.get(normalise_key(field.key))
        if rule is None:
            warnings.append(_unknown_key(path, field))
            continue
        kind = rule["kind"]
        items = [(i, Span(doc, b, e)) for i, b, e in _items(field.value, field.begin)]
        if kind == "date":
            dates = find_dates(field.value, None)
            if dates:
                event.date = dates[0].date
            else:
                warnings.append(
                    CodedWarning(
                        "W102", path, field.line, f"'{field.key}: {field.value}' is not a date"
                    )
                )
        elif kind == "place" and items:
            event.place = Mention("place", items[0][0], items[0][1])
        elif kind == "outcome":
            event.outcome = field.value.strip()
        elif kind in {"agents", "affected"}:
            target = event.agents if kind == "agents" else event.affected
            for item, item_span in items:
                if looks_like_person(item):
                    target.append(Mention("person", item, item_span))
                else:
                    warnings.append(
                        CodedWarning(
                            "W102",
                            path,
                            field.line,
                            f"'{item}' in '{field.key}' is not read as a person",
                        )
                    )
    if event.date is None:  # "1965 … coup": the title's year
        year = re.search(r"\b(1[0-9]{3}|20[0-9]{2})\b", article.infobox_title)
        if year:
            event.date = find_dates(f"in {year.group(1)}", None)[0].date
    return event, warnings


def read_infobox(article: Article) -> tuple[OrgFacts | None, list[CodedWarning]]:
    """Facts about the infobox's subject, and warnings for what was not mapped."""
    warnings: list[CodedWarning] = []
    if article.infobox_title is None or event_class_of(article.infobox_title) is not None:
        return None, warnings
    lex = lexicon()
    doc = article.doc_id
    title_at = article.text.find(
        article.infobox_title, max(0, article.infobox[0].begin - 200) if article.infobox else 0
    )
    subject = Mention(
        "org",
        article.infobox_title,
        Span(doc, title_at, title_at + len(article.infobox_title)),
        org_class(article.infobox_title),
    )
    facts = OrgFacts(subject)
    native_lang = ""
    seats_body: Mention | None = None
    path = str(article.path)
    for field in article.infobox:
        rule = lex.infobox_keys.get(normalise_key(field.key))
        if rule is None:
            warnings.append(_unknown_key(path, field))
            continue
        kind = rule["kind"]
        items = []
        for item, b, e in _items(field.value, field.begin):
            if any(p.match(item) for p in lex.infobox_junk):
                warnings.append(
                    CodedWarning(
                        "W103", path, field.line, f"markup '{item}' dropped from '{field.key}'"
                    )
                )
                continue
            items.append((item, Span(doc, b, e)))
        if kind == "ignore":
            continue
        if kind == "persons":
            target = facts.leaders if rule.get("property") == "leader" else facts.members
            for item, span in items:
                if looks_like_person(item) or (len(item.split()) == 1 and is_name_token(item)):
                    target.append(Mention("person", item, span))
                else:
                    warnings.append(
                        CodedWarning(
                            "W102",
                            path,
                            field.line,
                            f"'{item}' in '{field.key}' is not read as a person",
                        )
                    )
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
            native_lang = field.value.strip()
        elif kind == "seats_title":
            m = re.search(r"\bin\s+(?:the\s+)?(?P<body>.+)$", field.value)
            if m:
                b = field.begin + m.start("body")
                seats_body = Mention(
                    "org", m.group("body"), Span(doc, b, b + len(m.group("body"))), "GoverningBody"
                )
        elif kind == "seats_count":
            if field.value.strip().isdigit() and seats_body is not None:
                facts.seats.append(
                    (seats_body, int(field.value.strip()), Span(doc, field.begin, field.end))
                )
            else:
                warnings.append(
                    CodedWarning(
                        "W102", path, field.line, f"'{field.key}: {field.value}' left unparsed"
                    )
                )
    if native_lang:
        facts.alt_labels.append(
            ("", native_lang, Span(doc, 0, 0))
        )  # language hint for native names
    return facts, warnings
