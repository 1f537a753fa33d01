"""The pages that list: the home page, an index per class, the search index and the
timeline."""

from __future__ import annotations

import json
import unicodedata
from typing import TYPE_CHECKING

from rdflib import RDF, SKOS, Namespace, URIRef

from histkg.publish.dates import as_written, sort_key
from histkg.publish.timeline import Bar, Mark, render_svg
from histkg.vocab import HKG_IRI

if TYPE_CHECKING:
    from histkg.publish.site import SiteBuilder

HKG = Namespace(HKG_IRI)

#: Classes with an index page, in menu order: (class, plural, index path).
INDEXES = [
    ("Person", "People", "index/people.html"),
    ("Event", "Events", "index/events.html"),
    ("Office", "Offices", "index/offices.html"),
    ("Tenure", "Tenures", "index/tenures.html"),
    ("Organization", "Organizations", "index/organizations.html"),
    ("Place", "Places", "index/places.html"),
    ("Document", "Documents", "index/documents.html"),
    ("Work", "Cited works", "index/works.html"),
]
#: The site's menu: (name, path).
NAV = [(name, path) for _cls, name, path in INDEXES[:6]] + [("Timeline", "timeline.html")]
#: Letters Unicode does not decompose into a base letter and a mark.
FOLDS = str.maketrans(
    {"ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ı": "i", "ŀ": "l", "ß": "ss", "æ": "ae", "œ": "oe"}
)
#: Which hits the search box lists first: persons, then offices, bodies, places, events …
RANKS = {
    "Person": 0,
    "Office": 1,
    "Organization": 2,
    "PoliticalParty": 2,
    "Faction": 2,
    "GoverningBody": 2,
    "Place": 3,
    "Tenure": 6,
    "Work": 7,
    "Document": 8,
}
ROLES = (HKG.agent, HKG.affected, HKG.votedFor, HKG.votedAgainst, HKG.participant)


def fold(text: str) -> str:
    """Lower case without diacritics, as the search box compares: 'Gomułka' -> 'gomulka'.

    >>> fold("Gomułka Łódź Ærø")
    'gomulka lodz aero'
    """
    decomposed = unicodedata.normalize("NFD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.translate(FOLDS)


def indexes(b: SiteBuilder) -> None:
    """An index page per class and the home page."""
    counts = []
    events: list[dict[str, str]] = []
    for cls, plural, path in INDEXES:
        members = [p for p in b.pages.values() if (URIRef(p.iri), RDF.type, HKG[cls]) in b.g]
        items = []
        for member in members:
            node = URIRef(member.iri)
            date = b.g.value(node, HKG.date) or b.g.value(node, HKG.startDate)
            items.append((str(date) if (cls == "Event" and date) else "", b.label(node), member))
        items.sort(key=lambda i: (sort_key(i[0]), i[0], i[1]))
        rows = [
            {"text": label, "href": b.href(path, m.path + ".html"), "note": as_written(d)}
            for d, label, m in items
        ]
        b.files[path] = b.render("index.html", path, title=plural, items=rows)
        counts.append({"name": plural, "count": len(members), "href": path})
        if cls == "Event":
            events = [
                {"text": label, "href": m.path + ".html", "note": as_written(d) or "undated"}
                for d, label, m in items
            ]
    b.files["index.html"] = b.render(
        "index.html",
        "index.html",
        title="histkg: who held what, and what happened",
        intro=f"A knowledge graph of {len(b.g):,} facts read from {counts[-2]['count']} articles, every one traced to the sentence that states it.",
        counts=counts,
        items=events,
    )


def search_index(b: SiteBuilder) -> None:
    """search.json (label, kind, page) and search.js, the same entries with their folded
    names as a script every page loads: it works where fetching a file is blocked
    (``file://``)."""
    entries = []
    for p in b.pages.values():
        node = URIRef(p.iri)
        if (node, RDF.type, HKG.TextSpan) in b.g:
            continue
        label = b.label(node)
        names = sorted({fold(label)} | {fold(str(a)) for a in b.g.objects(node, SKOS.altLabel)})
        kind = (b.kinds(node) or ["Thing"])[0]
        rank = RANKS.get(kind, 4 if (node, RDF.type, HKG.Event) in b.g else 5)
        entries.append({"l": label, "t": kind, "u": p.path + ".html", "k": names, "r": rank})
    entries.sort(key=lambda e: (str(e["l"]), str(e["u"])))
    plain = [{"l": e["l"], "t": e["t"], "u": e["u"]} for e in entries]
    b.files["search.json"] = json.dumps(plain, ensure_ascii=False, indent=0).encode("utf-8")
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    b.files["search.js"] = f"window.histkgIndex = {data};\n".encode()


def timeline(b: SiteBuilder) -> None:
    """timeline.html: events on a time axis, tenures as bars per person, a person filter."""
    here = "timeline.html"
    marks = []
    names: dict[str, str] = {}  # a person's key in the filter -> name
    for event in b.g.subjects(RDF.type, HKG.Event):
        date = b.g.value(event, HKG.date) or b.g.value(event, HKG.startDate)
        if date is None or str(event) not in b.pages:
            continue
        people = set()
        for role in ROLES:
            for o in b.g.objects(event, role):
                if (o, RDF.type, HKG.Person) in b.g and str(o) in b.pages:
                    key = b.pages[str(o)].path.rsplit("/", 1)[-1]
                    people.add(key)
                    names[key] = b.label(o)
        marks.append(
            Mark(
                str(date),
                b.label(event),
                (b.kinds(event) or ["Event"])[0],
                b.href(here, b.pages[str(event)].path + ".html"),
                tuple(sorted(people)),
            )
        )
    bars = []
    for tenure in b.g.subjects(RDF.type, HKG.Tenure):
        holder = b.g.value(tenure, HKG.holder)
        office = b.g.value(tenure, HKG.office)
        if holder is None or office is None or str(tenure) not in b.pages:
            continue
        start, end = b.g.value(tenure, HKG.startDate), b.g.value(tenure, HKG.endDate)
        held = tuple(sorted(str(d) for d in b.g.objects(tenure, HKG.heldOn)))
        key = b.pages[str(holder)].path.rsplit("/", 1)[-1] if str(holder) in b.pages else ""
        bars.append(
            Bar(
                b.label(holder),
                b.label(office),
                str(start) if start else None,
                str(end) if end else None,
                held,
                b.href(here, b.pages[str(tenure)].path + ".html"),
                key,
            )
        )
        if key and (start or end or held):
            names[key] = b.label(holder)
    svg = render_svg(
        sorted(marks, key=lambda m: (sort_key(m.date), m.date, m.label, m.href)),
        sorted(bars, key=lambda b: (b.person, b.office, b.href)),
    )
    b.files[here] = b.render(
        "timeline.html",
        here,
        title="Timeline",
        intro="Events by date; below, the offices each person held, as far as the texts date them.",
        svg=svg,
        people=sorted(
            ({"key": k, "name": n} for k, n in names.items()), key=lambda p: (p["name"], p["key"])
        ),
    )
