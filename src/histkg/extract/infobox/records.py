"""What reading one infobox yields: its records, and its coded warnings."""

from __future__ import annotations

from dataclasses import dataclass, field

from histkg.errors import CodedWarning
from histkg.model import Article, EventRecord, InfoboxField, Mention, OrgFacts, TenureRecord


def _unknown_key(path: str, field: InfoboxField) -> CodedWarning:
    return CodedWarning(
        "W101",
        path,
        field.line,
        f"infobox key '{field.key}' is not in the mapping table; value kept unmapped",
    )


class Warner:
    """Coded warnings of one infobox; an unknown key is warned once per article."""

    def __init__(self, article: Article) -> None:
        self.path = str(article.path)
        self.warnings: list[CodedWarning] = []
        self._unknown: set[str] = set()

    def unknown(self, f: InfoboxField, base: str) -> None:
        if base not in self._unknown:
            self._unknown.add(base)
            self.warnings.append(_unknown_key(self.path, f))

    def __call__(self, code: str, f: InfoboxField, message: str) -> None:
        self.warnings.append(CodedWarning(code, self.path, f.line, message))


@dataclass
class InfoboxRecords:
    """Everything an infobox yields, whatever its kind."""

    kind: str | None = None
    subject: Mention | None = None
    org: OrgFacts | None = None
    event: EventRecord | None = None
    tenures: list[TenureRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    orgs: list[OrgFacts] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[tuple[Mention, Mention]] = field(default_factory=list)  # (alias, of whom)
    warnings: list[CodedWarning] = field(default_factory=list)

    def persons(self) -> list[Mention]:
        out = [m for m in self.mentions if m.kind == "person"]
        out += [t.holder for t in self.tenures]
        out += [p for t in self.tenures for p in (t.predecessor, t.successor) if p is not None]
        for ev in [*self.events, *([self.event] if self.event else [])]:
            out += [m for m in ev.agents + ev.affected + ev.participants if m.kind == "person"]
        if self.org is not None:
            out += self.org.leaders + self.org.members
        return out
