"""An organization's or faction's page: its leaders and members, the offices in it with their
holders and dates, the bodies above and below it, and what happened in it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rdflib import RDF, Namespace, URIRef
from rdflib.term import Node

from histkg.publish import offices
from histkg.publish.dates import sort_key
from histkg.vocab import HKG_IRI

if TYPE_CHECKING:
    from histkg.publish.site import SiteBuilder

HKG = Namespace(HKG_IRI)
ROLE_WORDS = {
    HKG.agent: "agent",
    HKG.affected: "affected",
    HKG.participant: "participant",
    HKG.organization: "held in it",
}


def summary(b: SiteBuilder, node: URIRef, here: str) -> dict[str, Any]:
    leaders = set(b.g.objects(node, HKG.leader))
    members = set(b.g.objects(node, HKG.member)) - leaders
    posts = []
    for office in sorted(set(b.g.subjects(HKG.organization, node)), key=str):
        if (office, RDF.type, HKG.Office) not in b.g:
            continue
        dated, undated = offices.holdings(b, office)
        posts.append(
            {
                "office": b.link(here, office),
                "holders": [offices.row(b, here, h) for h in dated + undated],
            }
        )
    happened: dict[Node, list[str]] = {}
    for prop, word in ROLE_WORDS.items():
        for event in b.g.subjects(prop, node):
            if (event, RDF.type, HKG.Event) in b.g:
                words = happened.setdefault(event, [])
                if prop != HKG.participant or not words:
                    words.append(word)
    events = []
    for event, words in happened.items():
        date = b.date(event, HKG.date, HKG.startDate)
        events.append(
            (
                sort_key(date),
                b.label(event) + "\x00" + str(event),
                {
                    "event": b.link(here, event),
                    "when": b.when(date) if date else None,
                    "roles": words,
                },
            )
        )
    seats = b.g.value(node, HKG.seatCount)
    return {
        "leaders": b.links(here, leaders),
        "members": b.links(here, members),
        "parents": b.links(here, b.g.objects(node, HKG.parentOrganization)),
        "children": b.links(here, b.g.subjects(HKG.parentOrganization, node)),
        "seats": {"count": str(seats), "in": b.links(here, b.g.objects(node, HKG.seatsIn))}
        if seats is not None
        else None,
        "posts": sorted(posts, key=lambda p: p["office"]["text"]),
        "org_events": [e for _k, _l, e in sorted(events, key=lambda e: (e[0], e[1]))],
    }
