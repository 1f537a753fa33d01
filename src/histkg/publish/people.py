"""A person's page: the career table, the chronology of the events they took part in, the
bodies they belonged to and the links out to the same person elsewhere."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from rdflib import OWL, RDF, SKOS, Namespace, URIRef
from rdflib.term import Node

from histkg.publish.dates import sort_key
from histkg.publish.offices import neighbours
from histkg.vocab import HKG_IRI

if TYPE_CHECKING:
    from histkg.publish.site import SiteBuilder

HKG = Namespace(HKG_IRI)
#: The roles a person may have in an event, most specific first, with their words.
ROLES = (
    (HKG.agent, "agent"),
    (HKG.affected, "affected"),
    (HKG.votedFor, "voted for"),
    (HKG.votedAgainst, "voted against"),
    (HKG.participant, "participant"),
)
SAME_AS = (
    OWL.sameAs,
    URIRef("http://schema.org/sameAs"),
    URIRef("https://schema.org/sameAs"),
    SKOS.exactMatch,
)


def site_name(iri: str) -> str:
    """What a link out points into: 'Wikipedia', 'DBpedia', 'Wikidata' or the host.

    >>> site_name("https://en.wikipedia.org/wiki/Lajos_Kossuth")
    'Wikipedia'
    >>> site_name("http://www.wikidata.org/entity/Q188788")
    'Wikidata'
    """
    host = urlsplit(iri).hostname or iri
    for part, name in (
        ("wikipedia.org", "Wikipedia"),
        ("dbpedia.org", "DBpedia"),
        ("wikidata.org", "Wikidata"),
    ):
        if host == part or host.endswith("." + part):
            return name
    return host


def links_out(b: SiteBuilder, node: Node) -> list[dict[str, str]]:
    """The IRIs of the same thing in other datasets, labelled by site."""
    found = {str(o) for p in SAME_AS for o in b.g.objects(node, p) if isinstance(o, URIRef)}
    out = [{"site": site_name(iri), "href": iri} for iri in found]
    return sorted(out, key=lambda link: (link["site"], link["href"]))


def names_of(b: SiteBuilder, node: Node) -> list[str]:
    """The names a text may use for a person, longest first."""
    names = {str(b.label(node))} | {str(n) for n in b.g.objects(node, SKOS.altLabel)}
    names |= {str(n) for n in b.g.objects(node, HKG.familyName)}
    return sorted({n for n in names if len(n) > 2}, key=lambda n: (-len(n), n))


def pick_evidence(b: SiteBuilder, thing: Node, here: str, names: list[str]) -> list[dict[str, Any]]:
    """The distinct sentences of a thing's evidence, those that name the person first."""
    seen: dict[str, dict[str, Any]] = {}
    for e in b.evidence_of(thing, here):
        sentence = e["before"] + e["quote"] + e["after"]
        seen.setdefault(sentence, e)
    naming = [e for s, e in seen.items() if any(n in s for n in names)]
    return naming or list(seen.values())


def career(b: SiteBuilder, node: URIRef, here: str, names: list[str]) -> list[dict[str, Any]]:
    """A row per tenure: office, from, to, predecessor, successor, how it began and ended."""
    rows = []
    for tenure in set(b.g.subjects(HKG.holder, node)):
        if (tenure, RDF.type, HKG.Tenure) not in b.g:
            continue
        office = b.g.value(tenure, HKG.office)
        start, end = b.date(tenure, HKG.startDate), b.date(tenure, HKG.endDate)
        held = sorted((str(d) for d in b.g.objects(tenure, HKG.heldOn)), key=sort_key)
        before = b.links(here, b.g.objects(tenure, HKG.predecessor))
        after = b.links(here, b.g.objects(tenure, HKG.successor))
        previous, following = neighbours(b, tenure)
        if not before and previous is not None and previous != node:
            before = [{**b.link(here, previous), "note": "by dates"}]
        if not after and following is not None and following != node:
            after = [{**b.link(here, following), "note": "by dates"}]
        anchor = start or (held[0] if held else None) or end
        rows.append(
            (
                sort_key(anchor),
                b.label(office) if office is not None else "",
                {
                    "office": b.link(here, office) if office is not None else None,
                    "tenure": b.page_of(here, tenure),
                    "start": b.when(start) if start else None,
                    "end": b.when(end) if end else None,
                    "held": [b.when(d) for d in held],
                    "predecessor": before,
                    "successor": after,
                    "began": b.links(here, b.g.objects(tenure, HKG.startedBy)),
                    "ended": b.links(here, b.g.objects(tenure, HKG.endedBy)),
                    "evidence": pick_evidence(b, tenure, here, names)[:1],
                },
            )
        )
    return [r for _k, _o, r in sorted(rows, key=lambda r: (r[0], r[1], r[2]["tenure"]))]


def chronology(b: SiteBuilder, node: URIRef, here: str, names: list[str]) -> list[dict[str, Any]]:
    """Every event the person took part in, in date order, with their role in it."""
    roles: dict[Node, list[str]] = {}
    for prop, word in ROLES:
        for event in b.g.subjects(prop, node):
            if (event, RDF.type, HKG.Event) not in b.g:
                continue
            words = roles.setdefault(event, [])
            if prop != HKG.participant or not words:
                words.append(word)
    rows = []
    for event, words in roles.items():
        date = b.date(event, HKG.date, HKG.startDate)
        end = b.date(event, HKG.endDate) if b.g.value(event, HKG.date) is None else None
        rows.append(
            (
                sort_key(date),
                b.label(event) + "\x00" + str(event),
                {
                    "when": b.when(date) if date else None,
                    "until": b.when(end) if end else None,
                    "event": b.link(here, event),
                    "kinds": b.kinds(event),
                    "roles": words,
                    "evidence": pick_evidence(b, event, here, names)[:1],
                },
            )
        )
    return [r for _k, _l, r in sorted(rows, key=lambda r: (r[0], r[1]))]


def memberships(b: SiteBuilder, node: URIRef, here: str) -> list[dict[str, Any]]:
    """The bodies the person led or belonged to."""
    out = []
    for org in set(b.g.subjects(HKG.member, node)) | set(b.g.subjects(HKG.leader, node)):
        role = "leader" if (org, HKG.leader, node) in b.g else "member"
        out.append({"org": b.link(here, org), "role": role})
    return sorted(out, key=lambda m: (m["org"]["text"], m["org"]["href"], m["role"]))


def summary(b: SiteBuilder, node: URIRef, here: str) -> dict[str, Any]:
    names = names_of(b, node)
    return {
        "career": career(b, node, here, names),
        "chronology": chronology(b, node, here, names),
        "memberships": memberships(b, node, here),
        "links_out": links_out(b, node),
    }
