"""An event's page: when, where and in which body, who took part grouped by role, and for a
vote its tally and who voted which way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import RDF, Namespace, URIRef

from histkg.publish.dates import sort_key
from histkg.vocab import HKG_IRI

if TYPE_CHECKING:
    from histkg.publish.site import SiteBuilder

HKG = Namespace(HKG_IRI)
GROUPS = (
    (HKG.agent, "Who did it", "agent"),
    (HKG.affected, "To whom it was done", "affected"),
    (HKG.votedFor, "Voted for", "voted for"),
    (HKG.votedAgainst, "Voted against", "voted against"),
    (HKG.participant, "Also taking part", "participant"),
)


def number(b: SiteBuilder, node: URIRef, prop: URIRef) -> int | None:
    value = b.g.value(node, prop)
    try:
        return int(str(value)) if value is not None else None
    except ValueError:
        return None


def summary(b: SiteBuilder, node: URIRef, here: str) -> dict[str, Any]:
    """Date as written, participants by role, the vote's tally and the related events."""
    placed: set[object] = set()
    groups = []
    for prop, title, role in GROUPS:
        members = [o for o in b.g.objects(node, prop) if o not in placed or prop != HKG.participant]
        if prop != HKG.participant:
            placed.update(members)
        if members:
            groups.append({"title": title, "role": role, "members": b.links(here, members)})
    date = b.date(node, HKG.date)
    start, end = b.date(node, HKG.startDate), b.date(node, HKG.endDate)
    tally = None
    if (node, RDF.type, HKG.Vote) in b.g:
        votes_for = number(b, node, HKG.votesFor)
        votes_against = number(b, node, HKG.votesAgainst)
        named_for = len(set(b.g.objects(node, HKG.votedFor)))
        named_against = len(set(b.g.objects(node, HKG.votedAgainst)))
        outcome = b.g.value(node, HKG.outcome)
        motion = b.g.value(node, HKG.motion)
        tally = {
            "for": votes_for,
            "against": votes_against,
            "named_for": named_for,
            "named_against": named_against,
            "outcome": str(outcome) if outcome is not None else "",
            "motion": str(motion) if motion is not None else "",
            "share": round(100 * votes_for / (votes_for + votes_against))
            if votes_for is not None and votes_against is not None and votes_for + votes_against
            else None,
        }
    parts = []
    for part in set(b.g.subjects(HKG.partOf, node)):
        when = b.date(part, HKG.date, HKG.startDate)
        parts.append((sort_key(when), b.label(part) + "\x00" + str(part), b.link(here, part)))
    tenures = []
    for prop, how in ((HKG.startedBy, "began"), (HKG.endedBy, "ended")):
        for tenure in sorted(set(b.g.subjects(prop, node)), key=str):
            tenures.append({"tenure": b.link(here, tenure), "how": how})
    return {
        "on": b.when(date) if date else None,
        "start": b.when(start) if start else None,
        "end": b.when(end) if end else None,
        "groups": groups,
        "tally": tally,
        "body": b.links(here, b.g.objects(node, HKG.organization)),
        "office_of": b.links(here, b.g.objects(node, HKG.office)),
        "part_of": b.links(here, b.g.objects(node, HKG.partOf)),
        "parts": [link for _k, _l, link in sorted(parts, key=lambda p: (p[0], p[1]))],
        "tenures": tenures,
    }
