"""The public gold format: one JSON object per article, read into typed records and checked.

Every format error names the JSON path of the offending item (``tenures[2].office``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from histkg.errors import SourceError
from histkg.evaluate.matching import norm

#: Event classes of the public vocabulary; a class declared ``rdfs:subClassOf`` one of
#: them in the scored graph counts as an event class too.
EVENT_CLASSES = tuple(
    (
        "Event Meeting Vote Speech Decree Appointment Removal Resignation Expulsion Reinstatement"
        " CoupAttempt Arrest Trial Sentencing Execution Death Agreement Election"
    ).split()
)


class GoldFormatError(ValueError):
    """A gold document does not follow the format; ``where`` is the JSON path."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


@dataclass(frozen=True)
class GoldNamed:
    """A person or organization: a display name and the keys that identify it."""

    name: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class GoldTenure:
    """A stated office holding; ``office`` lists alternative word lists."""

    id: str
    holder: str
    office: tuple[tuple[str, ...], ...]
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class NeutralTenure:
    """Tenures of ``holder`` (with one of ``office``, or any) that are not spurious."""

    holder: str
    office: tuple[tuple[str, ...], ...] | None = None


@dataclass(frozen=True)
class GoldVote:
    """The voters, counts and body of a gold vote."""

    voted_for: tuple[str, ...]
    voted_against: tuple[str, ...]
    votes_for: int
    votes_against: int
    organization: tuple[str, ...]


@dataclass(frozen=True)
class GoldEvent:
    """A stated event: one of ``types``, with the role keys it must name."""

    id: str
    what: str
    types: tuple[str, ...]
    date: str | None = None
    agent: tuple[str, ...] = ()
    affected: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    agent_any: tuple[tuple[str, ...], ...] | None = None
    affected_any: tuple[tuple[str, ...], ...] | None = None
    vote: GoldVote | None = None


@dataclass(frozen=True)
class NeutralEvent:
    """Output events on ``date`` or with all of ``label`` in a label are not spurious."""

    date: str | None = None
    label: tuple[str, ...] | None = None


@dataclass(frozen=True)
class GoldFaction:
    """Checks on the node of the faction an article is about."""

    keys: tuple[str, ...]
    leaders: tuple[str, ...] | None = None
    members: tuple[str, ...] | None = None
    ideology: tuple[str, ...] | None = None
    ideology_forbidden: tuple[str, ...] | None = None
    political_position: str | None = None
    parent_organization: tuple[str, ...] | None = None
    country: tuple[str, ...] | None = None
    seats_in: tuple[str, ...] | None = None
    seat_count: str | None = None
    native_label_lang: str | None = None


@dataclass(frozen=True)
class GoldWorks:
    """Cited works: how many, and identifiers that must be found."""

    count: int
    isbn: tuple[str, ...] = ()
    issn: tuple[str, ...] = ()
    jstor: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gold:
    """One article's gold standard."""

    name: str
    persons: tuple[GoldNamed, ...] = ()
    neutral_persons: tuple[str, ...] = ()
    organizations: tuple[GoldNamed, ...] = ()
    tenures: tuple[GoldTenure, ...] = ()
    neutral_tenures: tuple[NeutralTenure, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    neutral_events: tuple[NeutralEvent, ...] = ()
    faction: GoldFaction | None = None
    works: GoldWorks | None = None


def _get(data: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in data:
        raise GoldFormatError(where, f"'{key}' is missing")
    return data[key]


def _object(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise GoldFormatError(where, "must be an object")
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise GoldFormatError(where, "must be a non-empty string")
    return value


def _key(value: Any, where: str) -> str:
    key = _text(value, where)
    if not norm(key):
        raise GoldFormatError(where, f"key {key!r} has no letters or digits")
    return key


def _keys(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise GoldFormatError(where, "must be a list of strings")
    return tuple(_key(v, f"{where}[{i}]") for i, v in enumerate(value))


def _alternatives(value: Any, where: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(value, list) or not value:
        raise GoldFormatError(where, 'must be a list of word lists, e.g. [["first", "secretary"]]')
    out = []
    for i, alt in enumerate(value):
        words = _keys(alt, f"{where}[{i}]")
        if not words:
            raise GoldFormatError(f"{where}[{i}]", "must name at least one word")
        out.append(words)
    return tuple(out)


def _date(value: Any, where: str) -> str:
    date = _text(value, where)
    if not re.fullmatch(r"-?\d{4}(?:-\d{2}(?:-\d{2})?)?", date):
        raise GoldFormatError(where, f"{date!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return date


def _count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise GoldFormatError(where, "must be a whole number")
    return value


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise GoldFormatError(key, "must be a list")
    return value


def _named(value: Any, where: str) -> GoldNamed:
    item = _object(value, where)
    name = _text(_get(item, "name", where), f"{where}.name")
    keys = _keys(_get(item, "keys", where), f"{where}.keys")
    if not keys:
        raise GoldFormatError(f"{where}.keys", "must hold at least one key")
    return GoldNamed(name, keys)


def _optional(item: Mapping[str, Any], key: str, where: str) -> tuple[str, ...] | None:
    return _keys(item[key], f"{where}.{key}") if key in item else None


def _any_of(item: Mapping[str, Any], key: str, where: str) -> tuple[tuple[str, ...], ...] | None:
    return _alternatives(item[key], f"{where}.{key}") if key in item else None


def _tenure(value: Any, where: str) -> GoldTenure:
    item = _object(value, where)
    return GoldTenure(
        id=_text(_get(item, "id", where), f"{where}.id"),
        holder=_key(_get(item, "holder", where), f"{where}.holder"),
        office=_alternatives(_get(item, "office", where), f"{where}.office"),
        start=_date(item["start"], f"{where}.start") if "start" in item else None,
        end=_date(item["end"], f"{where}.end") if "end" in item else None,
    )


def _neutral_tenure(value: Any, where: str) -> NeutralTenure:
    item = _object(value, where)
    return NeutralTenure(
        _key(_get(item, "holder", where), f"{where}.holder"), _any_of(item, "office", where)
    )


def _vote(item: Mapping[str, Any], where: str) -> GoldVote | None:
    if "votedFor" not in item:
        return None
    return GoldVote(
        voted_for=_keys(item["votedFor"], f"{where}.votedFor"),
        voted_against=_keys(_get(item, "votedAgainst", where), f"{where}.votedAgainst"),
        votes_for=_count(_get(item, "votesFor", where), f"{where}.votesFor"),
        votes_against=_count(_get(item, "votesAgainst", where), f"{where}.votesAgainst"),
        organization=_keys(_get(item, "organization", where), f"{where}.organization"),
    )


def _event(value: Any, where: str) -> GoldEvent:
    item = _object(value, where)
    types = _keys(_get(item, "types", where), f"{where}.types")
    if not types:
        raise GoldFormatError(f"{where}.types", "must name at least one hkg event class")
    unknown = [t for t in types if t not in EVENT_CLASSES]
    if unknown:
        raise GoldFormatError(
            f"{where}.types", f"{unknown[0]!r} is not one of {', '.join(EVENT_CLASSES)}"
        )
    return GoldEvent(
        id=_text(_get(item, "id", where), f"{where}.id"),
        what=_text(_get(item, "what", where), f"{where}.what"),
        types=types,
        date=_date(item["date"], f"{where}.date") if "date" in item else None,
        agent=_optional(item, "agent", where) or (),
        affected=_optional(item, "affected", where) or (),
        participants=_optional(item, "participants", where) or (),
        agent_any=_any_of(item, "agent_any", where),
        affected_any=_any_of(item, "affected_any", where),
        vote=_vote(item, where),
    )


def _neutral_event(value: Any, where: str) -> NeutralEvent:
    item = _object(value, where)
    if "date" not in item and "label" not in item:
        raise GoldFormatError(where, "needs a 'date' or a 'label' word list")
    return NeutralEvent(
        date=_date(item["date"], f"{where}.date") if "date" in item else None,
        label=_optional(item, "label", where),
    )


def _faction(value: Any) -> GoldFaction:
    item = _object(value, "faction")
    keys = _keys(_get(item, "keys", "faction"), "faction.keys")
    position = item.get("politicalPosition")
    count = item.get("seatCount")
    lang = item.get("native_label_lang")
    return GoldFaction(
        keys=keys,
        leaders=_optional(item, "leaders", "faction"),
        members=_optional(item, "members", "faction"),
        ideology=_optional(item, "ideology", "faction"),
        ideology_forbidden=_optional(item, "ideology_forbidden", "faction"),
        political_position=None
        if position is None
        else _text(position, "faction.politicalPosition"),
        parent_organization=_optional(item, "parentOrganization", "faction"),
        country=_optional(item, "country", "faction"),
        seats_in=_optional(item, "seatsIn", "faction"),
        seat_count=None if count is None else str(count),
        native_label_lang=None if lang is None else _text(lang, "faction.native_label_lang"),
    )


def _works(value: Any) -> GoldWorks:
    item = _object(value, "works")
    return GoldWorks(
        count=_count(_get(item, "count", "works"), "works.count"),
        isbn=_optional(item, "isbn", "works") or (),
        issn=_optional(item, "issn", "works") or (),
        jstor=_optional(item, "jstor", "works") or (),
    )


def parse_gold(data: Any, name: str = "gold") -> Gold:
    """A gold document (the parsed JSON) as a :class:`Gold`.

    Raises:
        GoldFormatError: the document does not follow the format.
    """
    doc = _object(data, "")
    if not any(k in doc for k in ("persons", "tenures", "events", "organizations")):
        raise GoldFormatError("", "no 'persons', 'organizations', 'tenures' or 'events' list")
    article = doc.get("article", name)
    return Gold(
        name=article if isinstance(article, str) and article else name,
        persons=tuple(_named(v, f"persons[{i}]") for i, v in enumerate(_list(doc, "persons"))),
        neutral_persons=_keys(doc.get("neutral_persons", []), "neutral_persons"),
        organizations=tuple(
            _named(v, f"organizations[{i}]") for i, v in enumerate(_list(doc, "organizations"))
        ),
        tenures=tuple(_tenure(v, f"tenures[{i}]") for i, v in enumerate(_list(doc, "tenures"))),
        neutral_tenures=tuple(
            _neutral_tenure(v, f"neutral_tenures[{i}]")
            for i, v in enumerate(_list(doc, "neutral_tenures"))
        ),
        events=tuple(_event(v, f"events[{i}]") for i, v in enumerate(_list(doc, "events"))),
        neutral_events=tuple(
            _neutral_event(v, f"neutral_events[{i}]")
            for i, v in enumerate(_list(doc, "neutral_events"))
        ),
        faction=_faction(doc["faction"]) if doc.get("faction") else None,
        works=_works(doc["works"]) if doc.get("works") else None,
    )


def load_gold(path: Path) -> Gold:
    """Read and check a gold file.

    Raises:
        SourceError: the file is missing, not JSON, or not in the gold format.
    """
    if not path.is_file():
        raise SourceError(path, "no such gold file; give the path of a gold .json file")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise SourceError(path, "not UTF-8 text; save the gold file as UTF-8") from None
    except json.JSONDecodeError as exc:
        raise SourceError(path, f"not JSON: {exc.msg}; fix the JSON", exc.lineno) from None
    try:
        return parse_gold(data, path.stem)
    except GoldFormatError as exc:
        raise SourceError(
            path, f"not in the gold format: {exc}; see the format in docs/eval.md"
        ) from None
