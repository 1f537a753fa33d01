"""Office labels of an infobox: cleaned as a reader would write them, and read as a
lexicon office with its place or organization, else a post."""

from __future__ import annotations

import re

from histkg.extract.infobox.tables import tables
from histkg.extract.mentions import org_class
from histkg.extract.nlp import is_name_token
from histkg.lexicon import lexicon
from histkg.model import Mention, OfficeRef, Span

ORDINAL_RE = re.compile(r"\s*\d+(?:st|nd|rd|th)?\s*")  # "5th": a holder's number in office


def clean_office(label: str) -> str:
    """An office label as a reader would write it.

    A label run together with its link target keeps the part after the join: the join is
    a lower-case letter or closing bracket followed directly by a capital that starts an
    office word (``[offices] words``): "List of holders of XChairman of X" -> "Chairman of
    X". A leading ordinal ("23rd", the holder's number) and a trailing note in brackets go.
    """
    words = "|".join(re.escape(w) for w in tables().office_words)
    joins = list(re.finditer(rf"(?<=[a-z)\]])(?=(?:{words})\b)", label))
    if joins:
        label = label[joins[-1].start() :]
    label = re.sub(r"^\d+(?:st|nd|rd|th)\s+", "", label.strip())
    label = re.sub(r"\s*\([^)]*\)$", "", label)
    return label.strip(" ,;")


def _is_place(name: str, country: Mention | None) -> bool:
    lex = lexicon()
    if country is not None and name == country.text:
        return True
    if name in lex.demonyms.values() or name in lex.with_article:
        return True
    words = name.split()
    return (
        bool(words)
        and all(is_name_token(w) or w in {"of", "and"} for w in words)
        and not any(w in tables().org_words for w in words)
    )


def office_ref(
    label: str,
    span: Span,
    country: Mention | None,
    main_party: str | None,
) -> OfficeRef:
    """The office a cleaned label names: a lexicon office ("Prime Minister of X" -> Prime
    Minister, with X as its place or organization; a bare state office takes the
    article's country, a bare party office its main party, as the text reader does), else
    a post written as it stands."""
    lex = lexicon()
    doc = span.doc_id
    for form, office in sorted(lex.office_by_form().items(), key=lambda kv: -len(kv[0])):
        if label.lower() == form.lower():
            ref = OfficeRef(office.title, office.scope, phrase=label)
            if office.scope == "state":
                ref.place = country
            elif office.scope == "party" and main_party:
                ref.org = Mention("org", main_party, Span(doc, 0, 0), "PoliticalParty")
            elif office.scope == "body":
                break  # a bare "Chairman": a post
            return ref
        tail = re.match(rf"{re.escape(form)}\s+(?:of|for)\s+(?:the\s+)?(?P<rest>.+)$", label, re.I)
        if tail:
            rest = tail.group("rest").strip()
            b = span.begin + tail.start("rest")
            mention_span = Span(doc, b, b + len(rest)) if span.end > span.begin else span
            ref = OfficeRef(office.title, office.scope, phrase=label)
            if office.scope == "state" and _is_place(rest, country):
                ref.place = Mention("place", rest, mention_span)
            else:
                cls = org_class(rest)
                if office.scope == "party" and cls == "Organization":
                    cls = "PoliticalParty"
                ref.org = Mention("org", rest, mention_span, cls)
            return ref
    return OfficeRef(label, "post", phrase=label)
