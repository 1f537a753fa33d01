"""Map infobox fields onto the vocabulary with the declarative table ``data/infobox.toml``."""

from __future__ import annotations

import re

from histkg.errors import CodedWarning
from histkg.extract.mentions import org_class
from histkg.lexicon import lexicon
from histkg.model import Article, Mention, OrgFacts, Span


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


def read_infobox(article: Article) -> tuple[OrgFacts | None, list[CodedWarning]]:
    """Facts about the infobox's subject, and warnings for what was not mapped."""
    warnings: list[CodedWarning] = []
    if article.infobox_title is None:
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
            warnings.append(
                CodedWarning(
                    "W101",
                    path,
                    field.line,
                    f"infobox key '{field.key}' is not in the mapping table; value kept unmapped",
                )
            )
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
            target.extend(Mention("person", item, span) for item, span in items)
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
