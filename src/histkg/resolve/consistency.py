"""What the resolved statements cannot all say at once: a person dies only once.

A death the text seems to state ("he was shot in the chest") is left out when the
same person is later said to die, or to act, or to be appointed, elected, arrested or to
resign: the reading was wrong (he survived), and a coded warning ``W402`` names it. Acts
done to the dead (a posthumous rehabilitation, an expulsion, a trial in absentia) do not
count against a death.
"""

from __future__ import annotations

from collections import defaultdict

from histkg.errors import CodedWarning
from histkg.extract import CorpusExtraction
from histkg.model import Date, Ref
from histkg.resolve.merge import DEATHS, compatible
from histkg.resolve.records import ResolvedEvent, ResolvedTenure

#: what only the living undergo
ALIVE_KINDS = frozenset({"Appointment", "Election", "Arrest", "Resignation", "Death", "Execution"})


def _later(a: Date, b: Date) -> bool:
    """Whether ``a`` is surely after ``b`` (not the same time at a coarser precision)."""
    return not compatible(a, b) and a.iso > b.iso


def _alive_dates(events: list[ResolvedEvent]) -> dict[Ref, list[tuple[Date, int]]]:
    """Per person, the dates (and event ids) at which the text has them alive: acting, or
    undergoing what only the living undergo."""
    alive: dict[Ref, list[tuple[Date, int]]] = defaultdict(list)
    for e in events:
        if e.date is None:
            continue
        people = set(e.agents) | (set(e.affected) if e.types[0] in ALIVE_KINDS else set())
        for person in people:
            alive[person].append((e.date, id(e)))
    return alive


def one_death(
    events: list[ResolvedEvent],
    tenures: dict[tuple[Ref, Ref], ResolvedTenure],
    corpus: CorpusExtraction,
) -> list[CodedWarning]:
    """Leave out each dated death of one person that a later event of theirs contradicts;
    returns the warnings (W402)."""
    alive = _alive_dates(events)
    wrong = [
        e
        for e in events
        if e.types[0] in DEATHS
        and e.date is not None
        and len(e.affected) == 1
        and any(other != id(e) and _later(when, e.date) for when, other in alive[e.affected[0]])
    ]
    if not wrong:
        return []
    gone = {id(e) for e in wrong}
    events[:] = [e for e in events if id(e) not in gone]
    for e in events:
        if e.part_of is not None and id(e.part_of) in gone:
            e.part_of = None
    for t in tenures.values():
        t.started_by = [e for e in t.started_by if id(e) not in gone]
        t.ended_by = [e for e in t.ended_by if id(e) not in gone]
    articles = {ex.article.doc_id: ex.article for ex in corpus.extractions}
    warnings = []
    for e in wrong:
        where = e.evidence[0]
        article = articles[where.doc_id]
        assert e.date is not None
        warnings.append(
            CodedWarning(
                "W402",
                str(article.path),
                article.line_of(where.begin),
                f"a death of {e.affected[0].key} on {e.date.iso} left out: the person is"
                " said to live on after it",
            )
        )
    return warnings
