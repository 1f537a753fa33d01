"""What a score is made of: per category figures, missing and spurious items, averages
over several gold files, and tallies per extraction rule."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Category = Literal["persons", "tenures", "events"]
CATEGORIES: tuple[Category, ...] = ("persons", "tenures", "events")
NO_RULE = "(none)"


@dataclass(frozen=True)
class GoldItem:
    """A gold item the output does not state (``id`` is empty for persons)."""

    id: str
    text: str

    def __str__(self) -> str:
        return f"{self.id} {self.text}" if self.id else self.text


@dataclass(frozen=True)
class OutputItem:
    """An output node, described for a reader, with the rules that produced it."""

    node: str
    text: str
    rules: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class CategoryScore:
    """Precision, recall and F1 of one category, and what they are made of.

    ``output`` counts the category's nodes minus the neutral ones; it is ``correct`` (nodes
    that fit a gold item) plus ``duplicates`` (persons only: a second node for a gold
    person) plus ``spurious``. ``dates`` is, for tenures, start/end dates consistent with
    the gold over gold dates checked; for events, matched events whose date equals the
    gold date over matched events.
    """

    category: Category
    precision: float
    recall: float
    f1: float
    gold: int
    found: int
    output: int
    correct: int
    neutral: int
    missing: tuple[GoldItem, ...]
    spurious: tuple[OutputItem, ...]
    duplicates: tuple[OutputItem, ...] = ()
    dates: tuple[int, int] | None = None


@dataclass(frozen=True)
class RecallScore:
    """Organizations: recall only."""

    recall: float
    gold: int
    found: int
    output: int
    missing: tuple[GoldItem, ...]


@dataclass(frozen=True)
class FactionScore:
    """The mean of the faction checks (each 0..1)."""

    score: float
    checks: dict[str, float]


@dataclass(frozen=True)
class VoteScore:
    """How well a matched gold vote's details are stated."""

    event: str
    voted_for: float
    voted_against: float
    counts: float
    organization: float


@dataclass(frozen=True)
class ProvenanceScore:
    """Tenures and events with evidence, and quotes that equal the text at their offsets."""

    nodes: int
    with_evidence: int
    checked: int
    verified: int
    score: float


@dataclass(frozen=True)
class WorksScore:
    """Cited works found and identifiers matched."""

    works: int
    gold_works: int
    identifiers: tuple[int, int]
    score: float


@dataclass(frozen=True)
class NodeOutcome:
    """How one tenure or event node was judged, with the rules that produced it."""

    category: Category
    node: str
    rules: tuple[str, ...]
    verdict: Literal["correct", "neutral", "spurious"]


@dataclass(frozen=True)
class Score:
    """The scores of one graph against one gold file."""

    gold: str
    persons: CategoryScore
    tenures: CategoryScore
    events: CategoryScore
    organizations: RecallScore
    precision: float
    recall: float
    f1: float
    macro_f1: float
    provenance: ProvenanceScore
    faction: FactionScore | None = None
    votes: tuple[VoteScore, ...] = ()
    works: WorksScore | None = None
    outcomes: tuple[NodeOutcome, ...] = field(default=(), repr=False)

    def category(self, name: Category) -> CategoryScore:
        """The score of ``name`` (persons, tenures or events)."""
        return {"persons": self.persons, "tenures": self.tenures, "events": self.events}[name]

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON (missing and spurious items as strings)."""
        out: dict[str, Any] = {"gold": self.gold}
        for name in CATEGORIES:
            c = self.category(name)
            out[name] = {
                "precision": c.precision,
                "recall": c.recall,
                "f1": c.f1,
                "gold": c.gold,
                "found": c.found,
                "output": c.output,
                "correct": c.correct,
                "neutral": c.neutral,
                "missing": [str(m) for m in c.missing],
                "spurious": [str(s) for s in c.spurious],
                "duplicates": [str(s) for s in c.duplicates],
            }
            if c.dates is not None:
                out[name]["dates"] = list(c.dates)
        o = self.organizations
        out["organizations"] = {
            "recall": o.recall,
            "gold": o.gold,
            "found": o.found,
            "output": o.output,
            "missing": [str(m) for m in o.missing],
        }
        out["overall"] = {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "macro_f1": self.macro_f1,
        }
        out["provenance"] = vars(self.provenance)
        if self.faction is not None:
            out["faction"] = {"score": self.faction.score, "checks": self.faction.checks}
        if self.votes:
            out["votes"] = [vars(v) for v in self.votes]
        if self.works is not None:
            out["works"] = {**vars(self.works), "identifiers": list(self.works.identifiers)}
        return out


@dataclass(frozen=True)
class Average:
    """Means over several scores (each article weighs the same).

    ``categories[c]`` holds the mean P, R and F1 of category ``c`` over the scores whose
    gold has items of that category; ``macro_f1`` is the mean of the per-score macro-F1
    (itself the mean F1 over the categories with gold items).
    """

    count: int
    categories: dict[Category, tuple[float, float, float]]
    macro_f1: float
    organizations_recall: float

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        out: dict[str, Any] = {"count": self.count, "macro_f1": self.macro_f1}
        for name, (p, r, f) in self.categories.items():
            out[name] = {"precision": p, "recall": r, "f1": f}
        out["organizations"] = {"recall": self.organizations_recall}
        return out


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def average(scores: Sequence[Score]) -> Average:
    """The macro average of ``scores``: see :class:`Average`."""
    categories: dict[Category, tuple[float, float, float]] = {}
    for name in CATEGORIES:
        cs = [s.category(name) for s in scores if s.category(name).gold]
        categories[name] = (
            _mean([c.precision for c in cs]),
            _mean([c.recall for c in cs]),
            _mean([c.f1 for c in cs]),
        )
    orgs = [s.organizations.recall for s in scores if s.organizations.gold]
    return Average(len(scores), categories, _mean([s.macro_f1 for s in scores]), _mean(orgs))


@dataclass(frozen=True)
class RuleTally:
    """How many nodes of a category one rule produced, and how they were judged."""

    rule: str
    category: Category
    produced: int
    correct: int
    neutral: int
    spurious: int

    @property
    def precision(self) -> float:
        """Correct over produced-minus-neutral (1 when all were neutral)."""
        judged = self.produced - self.neutral
        return self.correct / judged if judged else 1.0


def by_rule(scores: Iterable[Score]) -> list[RuleTally]:
    """Per rule id (``hkg:extractedBy``; ``(none)`` without one), its tenures and events.

    A node produced by two rules counts for each.
    """
    tally: dict[tuple[Category, str], list[int]] = {}
    for score in scores:
        for outcome in score.outcomes:
            for rule in outcome.rules:
                counts = tally.setdefault((outcome.category, rule), [0, 0, 0, 0])
                counts[0] += 1
                counts[("produced", "correct", "neutral", "spurious").index(outcome.verdict)] += 1
    return [
        RuleTally(rule, category, *counts)
        for (category, rule), counts in sorted(tally.items(), key=lambda kv: (kv[0][0], kv[0][1]))
    ]
