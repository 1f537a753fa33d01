"""The records of resolution: merged events and tenures, the result, and the name key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from histkg.errors import CodedWarning
from histkg.model import Date, Ref, Span, Statement

#: the rule id of facts read by the surface patterns of ``extract/text.py``
SURFACE_RULE = "text.surface"


def norm(text: str) -> str:
    """Lower-case key of a name: no articles, possessives or extra spaces."""
    text = re.sub(r"['’]s$", "", text.strip())
    text = re.sub(r"\b(?:the|a|an|local)\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass
class ResolvedEvent:
    types: list[str]
    date: Date | None  # when it happened; its start when ``end`` is set
    end: Date | None = None  # the end of an event that lasted (hkg:startDate, hkg:endDate)
    agents: list[Ref] = field(default_factory=list)
    affected: list[Ref] = field(default_factory=list)
    participants: list[Ref] = field(default_factory=list)
    organization: Ref | None = None
    place: Ref | None = None
    office: Ref | None = None
    name: str | None = None
    motion: str | None = None
    outcome: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    voted_for: list[Ref] = field(default_factory=list)
    voted_against: list[Ref] = field(default_factory=list)
    part_of: ResolvedEvent | None = None
    evidence: list[Span] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    key: str = ""
    rules: set[tuple[str, str]] = field(default_factory=set)  # (document, rule id)


@dataclass
class ResolvedTenure:
    holder: Ref
    office: Ref
    start: Date | None = None
    end: Date | None = None
    attested: set[Date] = field(default_factory=set)
    started_by: list[ResolvedEvent] = field(default_factory=list)
    ended_by: list[ResolvedEvent] = field(default_factory=list)
    predecessor: set[Ref] = field(default_factory=set)
    successor: set[Ref] = field(default_factory=set)
    evidence: list[Span] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    rules: set[tuple[str, str]] = field(default_factory=set)  # (document, rule id)


@dataclass
class Resolution:
    """Statements about every resolved thing, and a readable name for each."""

    statements: list[Statement]
    names: dict[Ref, str]
    warnings: list[CodedWarning]
