"""Scores as text for a reader: the figures, the missing and spurious items, per-rule tallies."""

from __future__ import annotations

from collections.abc import Sequence

from histkg.evaluate.results import (
    CATEGORIES,
    Average,
    GoldItem,
    OutputItem,
    RuleTally,
    Score,
)


def _row(name: str, p: float | None, r: float, f: float | None, counts: str = "") -> str:
    def cell(x: float | None) -> str:
        return "    -" if x is None else f"{x:.3f}"

    return f"  {name:<14} {cell(p):>6} {cell(r):>6} {cell(f):>6}  {counts}".rstrip()


def format_score(score: Score, items: bool = True) -> str:
    """The figures of one score as text; with ``items``, the missing and spurious items too."""
    lines = [f"  {'':<14} {'P':>6} {'R':>6} {'F1':>6}  found/gold  correct/output"]
    for name in CATEGORIES:
        c = score.category(name)
        counts = f"{c.found:>5}/{c.gold:<5} {c.correct:>5}/{c.output}"
        lines.append(_row(name, c.precision, c.recall, c.f1, counts))
    o = score.organizations
    lines.append(_row("organizations", None, o.recall, None, f"{o.found:>5}/{o.gold}"))
    lines.append(
        f"  overall: micro P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f};"
        f" macro-F1 {score.macro_f1:.3f}"
    )
    t_dates, e_dates = score.tenures.dates or (0, 0), score.events.dates or (0, 0)
    lines.append(
        f"  tenure dates consistent {t_dates[0]}/{t_dates[1]};"
        f" matched events with the exact gold date {e_dates[0]}/{e_dates[1]}"
    )
    if score.faction is not None:
        failed = [k for k, v in score.faction.checks.items() if v < 1]
        lines.append(
            f"  faction {score.faction.score:.3f}"
            + (f" (short: {', '.join(failed)})" if failed else "")
        )
    for vote in score.votes:
        lines.append(
            f"  vote {vote.event}: voted for {vote.voted_for:.2f}, against"
            f" {vote.voted_against:.2f}, counts {vote.counts:.0f}, body {vote.organization:.0f}"
        )
    pv = score.provenance
    lines.append(
        f"  provenance: {pv.with_evidence}/{pv.nodes} with evidence,"
        f" {pv.verified}/{pv.checked} quotes verified"
    )
    if score.works is not None:
        w = score.works
        lines.append(
            f"  works {w.works}/{w.gold_works}, identifiers {w.identifiers[0]}/{w.identifiers[1]}"
        )
    if items:
        for name in CATEGORIES:
            c = score.category(name)
            lines += _items(f"missing {name}", c.missing)
            lines += _items(f"spurious {name}", c.spurious)
            lines += _items(f"duplicate {name}", c.duplicates)
        lines += _items("missing organizations", score.organizations.missing)
    return "\n".join(lines)


def _items(title: str, items: Sequence[GoldItem | OutputItem]) -> list[str]:
    if not items:
        return []
    return [f"  {title} ({len(items)}):", *(f"    {item}" for item in items)]


def format_average(avg: Average) -> str:
    """The macro average as text."""
    lines = [f"  {'':<14} {'P':>6} {'R':>6} {'F1':>6}"]
    lines += [_row(name, *avg.categories[name]) for name in CATEGORIES]
    lines.append(_row("organizations", None, avg.organizations_recall, None))
    lines.append(f"  macro-F1 {avg.macro_f1:.3f}")
    return "\n".join(lines)


def format_rules(tallies: Sequence[RuleTally]) -> str:
    """Per rule: nodes produced, correct, neutral, spurious and precision, as a table."""
    width = max([len("rule"), *(len(t.rule) for t in tallies)])
    lines = [f"  {'rule':<{width}}  category  produced  correct  neutral  spurious  precision"]
    lines += [
        f"  {t.rule:<{width}}  {t.category:<8}  {t.produced:>8}  {t.correct:>7}  {t.neutral:>7}"
        f"  {t.spurious:>8}  {t.precision:>9.3f}"
        for t in tallies
    ]
    return "\n".join(lines)
