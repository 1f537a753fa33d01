"""The event an article is named after: "1931 Ruritanian coup attempt" took place in 1931,
"Berg trial" tried Berg. Pure functions over an article's extracted events."""

from __future__ import annotations

import re

from histkg.extract.infobox import event_class_of
from histkg.model import Article, Date, EventRecord, Mention

TITLE_YEAR_RE = re.compile(r"(?<!\d)(?:1\d{3}|20\d{2})(?!\d)")
#: "Berg trial", "Anna Berg trials": a trial named after its defendant
TITLE_TRIAL_RE = re.compile(r"^(?:[A-Z][\w'’-]*\s+)*(?P<surname>[A-Z][\w'’-]+)\s+trials?$")


def _the_articles_own(article: Article, event: EventRecord) -> bool:
    """The lead's event, or "the coup" again later: the article's own, not "a coup"."""
    lead_end = article.blocks[0].end if article.blocks else 0
    definite = re.search(
        r"\bthe\s+(?:[\w'’-]+\s+)?$",
        article.text[max(0, event.at - 40) : event.at],
        re.IGNORECASE,
    )
    return event.evidence.begin < lead_end or definite is not None


def date_the_title_event(article: Article, events: list[EventRecord]) -> None:
    """An article titled by an event and its year ("1931 Ruritanian coup attempt") is
    about that event: the lead's undated event of that kind took place that year."""
    kind = event_class_of(article.title)
    year = TITLE_YEAR_RE.search(article.title)
    if kind is None or year is None or not article.blocks:
        return
    for event in events:
        if kind in event.types and event.date is None and _the_articles_own(article, event):
            event.date = Date(year.group(0))


def try_the_title_defendant(
    article: Article, events: list[EventRecord], persons: list[Mention]
) -> None:
    """An article titled by a trial and its defendant's name ("Berg trial") is about that
    trial: the article's own trial with no one named in it tried the person of that name
    the article names first."""
    named = TITLE_TRIAL_RE.match(article.title.strip())
    if named is None or not article.blocks:
        return
    surname = named.group("surname")
    bearers = sorted(
        (m for m in persons if len(m.text.split()) > 1 and m.text.split()[-1] == surname),
        key=lambda m: m.span.begin,
    )
    if not bearers:
        return
    for event in events:
        if "Trial" in event.types and not event.affected and _the_articles_own(article, event):
            event.affected = [bearers[0]]
