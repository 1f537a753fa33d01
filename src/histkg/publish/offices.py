"""An office's page: who held it, in order, with the gaps and overlaps between holders."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rdflib import RDF, Namespace, URIRef
from rdflib.term import Node

from histkg.publish.dates import as_written, compare, sort_key
from histkg.vocab import HKG_IRI

if TYPE_CHECKING:
    from histkg.publish.site import SiteBuilder

HKG = Namespace(HKG_IRI)


@dataclass
class Holding:
    """One tenure of an office, with the dates the texts give."""

    tenure: Node
    holder: Node | None
    start: str | None
    end: str | None
    held: tuple[str, ...]

    @property
    def first(self) -> str | None:
        """The earliest date the holder is known in office."""
        return self.start or (self.held[0] if self.held else None) or self.end

    @property
    def last(self) -> str | None:
        """The latest date the holder is known in office."""
        return self.end or (self.held[-1] if self.held else None) or self.start


def holdings(b: SiteBuilder, office: Node) -> tuple[list[Holding], list[Holding]]:
    """The tenures of an office: (dated, in time order; undated, by holder's name)."""
    found = []
    for tenure in b.g.subjects(HKG.office, office):
        if (tenure, RDF.type, HKG.Tenure) not in b.g:
            continue
        held = tuple(sorted((str(d) for d in b.g.objects(tenure, HKG.heldOn)), key=sort_key))
        found.append(
            Holding(
                tenure,
                b.g.value(tenure, HKG.holder),
                b.date(tenure, HKG.startDate),
                b.date(tenure, HKG.endDate),
                held,
            )
        )

    def name(h: Holding) -> str:
        return b.label(h.holder) if h.holder is not None else ""

    dated = sorted(
        (h for h in found if h.first),
        # a tenure that ends at a date comes before one that begins at it
        key=lambda h: (sort_key(h.first), 1 if h.start else 0, name(h), str(h.tenure)),
    )
    _follow_successions(b, dated)
    undated = sorted((h for h in found if not h.first), key=lambda h: (name(h), str(h.tenure)))
    return dated, undated


def _follow_successions(b: SiteBuilder, dated: list[Holding]) -> None:
    """Put a holder the texts name as another's predecessor right before them (in place)."""
    for _ in range(len(dated)):
        moved = False
        for i, h in enumerate(dated):
            before = set(b.g.objects(h.tenure, HKG.predecessor))
            for j in range(i + 1, len(dated)):
                if dated[j].holder in before:
                    dated.insert(i, dated.pop(j))
                    moved = True
                    break
            if moved:
                break
        if not moved:
            return


def between(a: Holding, c: Holding) -> dict[str, str] | None:
    """What lies between two holders in a row: a gap, an overlap, or nothing known."""
    if a.last and c.first and compare(c.first, a.last) == -1:
        return {
            "kind": "overlap",
            "text": f"overlap: the next holder is in office by {as_written(c.first)}, "
            f"the previous one still in {as_written(a.last)}",
        }
    if a.end and c.start and compare(a.end, c.start) == -1:
        return {
            "kind": "gap",
            "text": f"gap: no holder known from {as_written(a.end)} to {as_written(c.start)}",
        }
    if not (a.end and c.start):
        return {"kind": "unknown", "text": "the texts do not say when one left and the next came"}
    return None


def row(b: SiteBuilder, here: str, h: Holding) -> dict[str, Any]:
    """A holder's row: who, from, to, the dates the text says they held it, begin and end."""
    return {
        "holder": b.link(here, h.holder) if h.holder is not None else None,
        "tenure": b.page_of(here, h.tenure),
        "start": b.when(h.start) if h.start else None,
        "end": b.when(h.end) if h.end else None,
        "held": [b.when(d) for d in h.held],
        "began": b.links(here, b.g.objects(h.tenure, HKG.startedBy)),
        "ended": b.links(here, b.g.objects(h.tenure, HKG.endedBy)),
    }


def summary(b: SiteBuilder, node: URIRef, here: str) -> dict[str, Any]:
    """The holders of an office, in order, with what lies between them."""
    dated, undated = holdings(b, node)
    rows: list[dict[str, Any]] = []
    for i, h in enumerate(dated):
        if i:
            rows.append({"between": between(dated[i - 1], h)})
        rows.append(row(b, here, h))
    return {
        "holders": rows,
        "undated_holders": [row(b, here, h) for h in undated],
        "body": b.links(here, b.g.objects(node, HKG.organization)),
        "office_events": _events(b, node, here),
    }


def _events(b: SiteBuilder, node: URIRef, here: str) -> list[dict[str, Any]]:
    """Appointments, removals and the like that name this office, in date order."""
    found = []
    for event in set(b.g.subjects(HKG.office, node)):
        if (event, RDF.type, HKG.Event) not in b.g:
            continue
        date = b.date(event, HKG.date, HKG.startDate)
        found.append(
            (
                sort_key(date),
                b.label(event) + "\x00" + str(event),
                {"event": b.link(here, event), "when": b.when(date) if date else None},
            )
        )
    return [e for _k, _l, e in sorted(found, key=lambda f: (f[0], f[1]))]


def neighbours(b: SiteBuilder, tenure: Node) -> tuple[Node | None, Node | None]:
    """The holders before and after a tenure in its office's dated order (None at either end
    or when the tenure is undated)."""
    office = b.g.value(tenure, HKG.office)
    if office is None:
        return None, None
    dated, _undated = holdings(b, office)
    for i, h in enumerate(dated):
        if h.tenure == tenure:
            before = dated[i - 1].holder if i else None
            after = dated[i + 1].holder if i + 1 < len(dated) else None
            return before, after
    return None, None


def tenure_summary(b: SiteBuilder, node: URIRef, here: str) -> dict[str, Any]:
    """A tenure's page: who held which office when, and the holders before and after it."""
    office = b.g.value(node, HKG.office)
    holder = b.g.value(node, HKG.holder)
    held = tuple(sorted((str(d) for d in b.g.objects(node, HKG.heldOn)), key=sort_key))
    h = Holding(node, holder, b.date(node, HKG.startDate), b.date(node, HKG.endDate), held)
    previous, following = neighbours(b, node)
    return {
        "tenure_row": row(b, here, h),
        "office_link": b.link(here, office) if office is not None else None,
        "previous": b.link(here, previous) if previous is not None else None,
        "following": b.link(here, following) if following is not None else None,
    }
