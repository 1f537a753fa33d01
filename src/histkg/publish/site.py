"""The static site: one page per resource at the path of its IRI under the base, with
the same resource as Turtle, JSON-LD and N-Triples beside it."""

from __future__ import annotations

import gzip
import html
import io
import json
import posixpath
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import unquote

import jinja2
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from histkg.model import Article, WikiSite
from histkg.publish.timeline import Bar, Mark, render_svg
from histkg.resources import ontology_path
from histkg.serialize import to_jsonld, to_ntriples, to_trig, to_turtle
from histkg.sources import DEFAULT_SITE
from histkg.vocab import HKG_IRI

HKG = Namespace(HKG_IRI)
SKOS_ALT = URIRef("http://www.w3.org/2004/02/skos/core#altLabel")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")


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
HIDDEN_FACTS = {RDF.type, RDFS.label, HKG.evidence}
SPECIFIC_FIRST = ["Person", "Tenure", "Office", "Document", "TextSpan", "Work", "Place"]


@dataclass
class Page:
    iri: str
    path: str  # relative path without extension, e.g. "person/georgy-malenkov"


def _env() -> jinja2.Environment:
    loader = jinja2.FunctionLoader(
        lambda name: (
            resources.files("histkg.publish")
            .joinpath("templates", name)
            .read_text(encoding="utf-8")
        )
    )
    return jinja2.Environment(loader=loader, autoescape=True, keep_trailing_newline=True)


class SiteBuilder:
    """Renders every file of the site into memory (path -> bytes)."""

    def __init__(
        self,
        graph: Graph,
        dataset_trig: bytes,
        articles: list[Article],
        base: str,
        version: str,
        build_date: str | None,
        sites: list[WikiSite] | None = None,
    ) -> None:
        self.g = graph
        self.sites = sites if sites is not None else [DEFAULT_SITE]
        self.trig = dataset_trig
        self.base = base
        self.version = version
        self.build_date = build_date
        self.env = _env()
        self.texts = {a.path.name: a.text for a in articles}  # by hkg:sourceFile
        self.onto = Graph().parse(ontology_path())
        self.pages: dict[str, Page] = {}
        for s in sorted(
            {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}, key=str
        ):
            if str(s).startswith(base):
                self.pages[str(s)] = Page(str(s), unquote(str(s)[len(base) :]))
        self.files: dict[str, bytes] = {}

    # --- helpers ---------------------------------------------------------------------

    def label(self, node: Node) -> str:
        for prop in (RDFS.label, HKG.title, HKG.quote):
            value = self.g.value(node, prop)
            if value is not None:
                return str(value)
        text = str(node)
        return text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    def kinds(self, node: Node) -> list[str]:
        names = sorted(
            str(t)[len(HKG_IRI) :]
            for t in self.g.objects(node, RDF.type)
            if str(t).startswith(HKG_IRI)
        )
        specific = [n for n in names if n not in {"Event", "Organization"}]
        return specific or names

    def prop_label(self, prop: Node) -> str:
        value = self.onto.value(prop, RDFS.label)
        if value is not None:
            return str(value)
        return {str(RDFS.label): "label", str(SKOS_ALT): "also called"}.get(
            str(prop), str(prop).rsplit("#", 1)[-1]
        )

    @staticmethod
    def href(from_path: str, to_path: str) -> str:
        return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")

    def link(self, here: str, node: Node) -> dict[str, str]:
        if isinstance(node, URIRef) and str(node) in self.pages:
            return {
                "text": self.label(node),
                "href": self.href(here, self.pages[str(node)].path + ".html"),
            }
        if isinstance(node, Literal):
            note = ""
            if node.datatype in (XSD.date, XSD.gYearMonth, XSD.gYear):
                note = {XSD.date: "day", XSD.gYearMonth: "month", XSD.gYear: "year"}[node.datatype]
            return {"text": str(node), "href": "", "note": note}
        return {"text": str(node), "href": str(node) if isinstance(node, URIRef) else ""}

    def root(self, here: str) -> str:
        depth = here.count("/")
        return "../" * depth

    def render(self, template: str, here: str, **context: Any) -> bytes:
        nav = [(name, path) for _cls, name, path in INDEXES[:6]] + [("Timeline", "timeline.html")]
        text = self.env.get_template(template).render(
            root=self.root(here),
            nav=nav,
            version=self.version,
            build_date=self.build_date,
            source_text=self.source_text(),
            alternates=context.pop("alternates", []),
            jsonld=context.pop("jsonld", ""),
            **context,
        )
        return text.encode("utf-8")

    def source_text(self) -> str:
        """'Wikipedia text (CC BY-SA 4.0)': the sources of the texts and their licences."""
        names = " and ".join(dict.fromkeys(site.name for site in self.sites))
        licences = ", ".join(
            dict.fromkeys(site.licence_name or "licence not stated" for site in self.sites)
        )
        return f"{names} text ({licences})"

    def context_of(self, doc: str, begin: int, end: int) -> tuple[str, str]:
        """The rest of the sentence around a span: (before, after)."""
        text = self.texts.get(doc, "")
        stop_at = text.rfind(". ", 0, begin)
        line_at = text.rfind("\n", 0, begin)
        start = max(stop_at + 2 if stop_at >= 0 else 0, line_at + 1, begin - 300, 0)
        start = min(start, begin)
        stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
        stop = min([*stops, end + 300, len(text)])
        if stop < len(text) and text[stop] == ".":
            stop += 1
        return text[start:begin], text[end:stop]

    # --- pages -----------------------------------------------------------------------

    def resource_page(self, page: Page) -> None:
        node = URIRef(page.iri)
        here = page.path + ".html"
        sub = Graph()
        for triple in self.g.triples((node, None, None)):
            sub.add(triple)
        name = posixpath.basename(page.path)
        self.files[page.path + ".ttl"] = to_turtle(sub)
        self.files[page.path + ".nt"] = to_ntriples(sub)
        jsonld = to_jsonld(sub)
        self.files[page.path + ".jsonld"] = jsonld
        facts: dict[Node, list[dict[str, str]]] = defaultdict(list)
        roles = {HKG.agent, HKG.affected, HKG.votedFor, HKG.votedAgainst, HKG.leader}
        in_a_role = {o for p, o in self.g.predicate_objects(node) if p in roles}
        for p, o in sorted(self.g.predicate_objects(node), key=lambda po: (str(po[0]), str(po[1]))):
            if p in HIDDEN_FACTS or (p in {HKG.participant, HKG.member} and o in in_a_role):
                continue  # participant/member are written out for queries; the role says more
            facts[p].append(self.link(here, o))
        evidence = []
        for span in sorted(self.g.objects(node, HKG.evidence), key=str):
            doc_node = self.g.value(span, HKG.document)
            begin, end = self.g.value(span, HKG.begin), self.g.value(span, HKG.end)
            quote = self.g.value(span, HKG.quote)
            if doc_node is None or begin is None or end is None or quote is None:
                continue
            source_file = self.g.value(doc_node, HKG.sourceFile)
            key = str(source_file) if source_file else ""
            before, after = self.context_of(key, int(str(begin)), int(str(end)))
            target = self.pages.get(str(doc_node))
            evidence.append(
                {
                    "before": before,
                    "quote": str(quote),
                    "after": after,
                    "begin": int(str(begin)),
                    "end": int(str(end)),
                    "document": self.label(doc_node),
                    "href": (self.href(here, target.path + ".html") + f"#c{int(str(begin))}")
                    if target
                    else "",
                }
            )
        incoming = []
        specific = {
            s for s, p in self.g.subject_predicates(node) if p not in {HKG.participant, HKG.member}
        }
        for s, p in sorted(
            self.g.subject_predicates(node), key=lambda sp: (self.label(sp[0]), str(sp[1]))
        ):
            if p in {HKG.evidence, HKG.document} or str(s) not in self.pages:
                continue
            if p in {HKG.participant, HKG.member} and s in specific:
                continue  # the more specific role (agent, affected, leader …) is listed
            link = self.link(here, s)
            incoming.append(
                {"text": link["text"], "href": link["href"], "property": self.prop_label(p)}
            )
        kinds = self.kinds(node)
        document_text = ""
        if "Document" in kinds:
            document_text = self.document_html(node)
        index_of = {cls: path for cls, _n, path in INDEXES}
        self.files[here] = self.render(
            "resource.html",
            here,
            title=self.label(node),
            iri=page.iri,
            name=name,
            kinds=[
                {
                    "name": k,
                    "href": index_of.get(k, index_of.get("Event" if k not in index_of else k, "")),
                }
                for k in kinds
            ],
            facts=[{"property": self.prop_label(p), "vals": v} for p, v in facts.items()],
            evidence=evidence,
            incoming=incoming,
            document_text=document_text,
            jsonld=jsonld.decode("utf-8").replace("</", "<\\/"),
            alternates=[
                {"type": "text/turtle", "href": name + ".ttl"},
                {"type": "application/ld+json", "href": name + ".jsonld"},
                {"type": "application/n-triples", "href": name + ".nt"},
            ],
        )

    def document_html(self, node: Node) -> str:
        file = self.g.value(node, HKG.sourceFile)
        text = self.texts.get(str(file), "") if file else ""
        starts = sorted(
            {
                int(str(b))
                for span in self.g.subjects(HKG.document, node)
                for b in [self.g.value(span, HKG.begin)]
                if b is not None
            }
        )
        out, last = [], 0
        for b in starts:
            out.append(html.escape(text[last:b]))
            out.append(f'<span id="c{b}"></span>')
            last = b
        out.append(html.escape(text[last:]))
        return "".join(out)

    def indexes(self) -> None:
        counts = []
        events: list[dict[str, str]] = []
        for cls, plural, path in INDEXES:
            members = [
                p for p in self.pages.values() if (URIRef(p.iri), RDF.type, HKG[cls]) in self.g
            ]
            items = []
            for member in members:
                node = URIRef(member.iri)
                date = self.g.value(node, HKG.date) or self.g.value(node, HKG.startDate)
                items.append(
                    (str(date) if (cls == "Event" and date) else "~", self.label(node), member)
                )
            items.sort(key=lambda i: (i[0], i[1]))
            self.files[path] = self.render(
                "index.html",
                path,
                title=plural,
                items=[
                    {
                        "text": label,
                        "href": self.href(path, m.path + ".html"),
                        "note": d if d != "~" else "",
                    }
                    for d, label, m in items
                ],
            )
            counts.append({"name": plural, "count": len(members), "href": path})
            if cls == "Event":
                events = [
                    {"text": label, "href": m.path + ".html", "note": d if d != "~" else "undated"}
                    for d, label, m in items
                ]
        self.files["index.html"] = self.render(
            "index.html",
            "index.html",
            title="histkg: who held what, and what happened",
            intro=f"A knowledge graph of {len(self.g):,} facts read from {counts[-2]['count']} articles, every one traced to the sentence that states it.",
            counts=counts,
            items=events,
        )
        search = sorted(
            (
                {
                    "l": self.label(URIRef(p.iri)),
                    "t": (self.kinds(URIRef(p.iri)) or ["Thing"])[0],
                    "u": p.path + ".html",
                }
                for p in self.pages.values()
                if (URIRef(p.iri), RDF.type, HKG.TextSpan) not in self.g
            ),
            key=lambda e: (e["l"], e["u"]),
        )
        self.files["search.json"] = json.dumps(search, ensure_ascii=False, indent=0).encode("utf-8")

    def timeline(self) -> None:
        here = "timeline.html"
        marks = []
        for event in self.g.subjects(RDF.type, HKG.Event):
            date = self.g.value(event, HKG.date) or self.g.value(event, HKG.startDate)
            if date is not None and str(event) in self.pages:
                marks.append(
                    Mark(
                        str(date),
                        self.label(event),
                        (self.kinds(event) or ["Event"])[0],
                        self.href(here, self.pages[str(event)].path + ".html"),
                    )
                )
        bars = []
        for tenure in self.g.subjects(RDF.type, HKG.Tenure):
            holder = self.g.value(tenure, HKG.holder)
            office = self.g.value(tenure, HKG.office)
            if holder is None or office is None or str(tenure) not in self.pages:
                continue
            start, end = self.g.value(tenure, HKG.startDate), self.g.value(tenure, HKG.endDate)
            held = tuple(sorted(str(d) for d in self.g.objects(tenure, HKG.heldOn)))
            bars.append(
                Bar(
                    self.label(holder),
                    self.label(office),
                    str(start) if start else None,
                    str(end) if end else None,
                    held,
                    self.href(here, self.pages[str(tenure)].path + ".html"),
                )
            )
        svg = render_svg(
            sorted(marks, key=lambda m: (m.date, m.label)),
            sorted(bars, key=lambda b: (b.person, b.office)),
        )
        self.files[here] = self.render(
            "index.html",
            here,
            title="Timeline",
            intro="Events by date; below, the offices each person held, as far as the texts date them.",
            svg=svg,
        )

    def void(self) -> None:
        g = Graph()
        for prefix, ns in (
            ("void", VOID),
            ("dcat", DCAT),
            ("dcterms", DCTERMS),
            ("foaf", FOAF),
            ("hkg", HKG),
        ):
            g.bind(prefix, ns)
        dataset = URIRef(self.base + "dataset")
        g.add((dataset, RDF.type, VOID.Dataset))
        g.add((dataset, RDF.type, DCAT.Dataset))
        g.add((dataset, DCTERMS.title, Literal("histkg knowledge graph", lang="en")))
        g.add(
            (
                dataset,
                DCTERMS.description,
                Literal(
                    "Persons, offices and events of political history, each fact traced to the sentence that states it.",
                    lang="en",
                ),
            )
        )
        for licence in dict.fromkeys(s.licence for s in self.sites if s.licence):
            g.add((dataset, DCTERMS.license, URIRef(licence)))
        for site in self.sites:
            if site.article_base:
                g.add((dataset, DCTERMS.source, URIRef(site.article_base)))
        g.add((dataset, DCTERMS.creator, Literal(f"histkg {self.version}")))
        if self.build_date:
            g.add((dataset, DCTERMS.modified, Literal(self.build_date, datatype=XSD.date)))
        g.add((dataset, VOID.triples, Literal(len(self.g), datatype=XSD.integer)))
        g.add((dataset, VOID.entities, Literal(len(self.pages), datatype=XSD.integer)))
        g.add((dataset, VOID.uriSpace, Literal(self.base)))
        g.add((dataset, VOID.sparqlEndpoint, URIRef(self.base + "sparql")))
        g.add((dataset, VOID.vocabulary, URIRef(HKG_IRI)))
        g.add((dataset, VOID.rootResource, URIRef(self.base + "index.html")))
        for name, media in (
            ("graph.nt.gz", "application/n-triples"),
            ("graph.trig.gz", "application/trig"),
        ):
            dump = URIRef(self.base + name)
            g.add((dataset, VOID.dataDump, dump))
            distribution = URIRef(self.base + name + "#distribution")
            g.add((dataset, DCAT.distribution, distribution))
            g.add((distribution, RDF.type, DCAT.Distribution))
            g.add((distribution, DCAT.downloadURL, dump))
            g.add((distribution, DCAT.mediaType, Literal(media)))
            g.add((distribution, DCAT.compressFormat, Literal("application/gzip")))
        for doc in sorted(self.g.subjects(RDF.type, HKG.Document), key=str):
            g.add((dataset, DCTERMS.source, doc))
        class_counts: dict[Node, int] = defaultdict(int)
        for _s, _p, cls in self.g.triples((None, RDF.type, None)):
            class_counts[cls] += 1
        for cls, n in sorted(class_counts.items(), key=lambda c: str(c[0])):
            part = URIRef(f"{self.base}dataset#class-{str(cls).rsplit('#', 1)[-1]}")
            g.add((dataset, VOID.classPartition, part))
            g.add((part, VOID["class"], cls))
            g.add((part, VOID.entities, Literal(n, datatype=XSD.integer)))
        prop_counts: dict[Node, int] = defaultdict(int)
        for _s, p, _o in self.g:
            prop_counts[p] += 1
        for prop, n in sorted(prop_counts.items(), key=lambda c: str(c[0])):
            part = URIRef(
                f"{self.base}dataset#property-{str(prop).rsplit('#', 1)[-1].rsplit('/', 1)[-1]}"
            )
            g.add((dataset, VOID.propertyPartition, part))
            g.add((part, VOID.property, prop))
            g.add((part, VOID.triples, Literal(n, datatype=XSD.integer)))
        data = to_turtle(g)
        self.files["void.ttl"] = data
        self.files[".well-known/void"] = data

    def dumps(self) -> None:
        for name, data in (("graph.nt.gz", to_ntriples(self.g)), ("graph.trig.gz", self.trig)):
            buffer = io.BytesIO()
            with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as gz:
                gz.write(data)
            self.files[name] = buffer.getvalue()

    def sitemap(self) -> None:
        urls = [self.base + "index.html", self.base + "timeline.html"]
        urls += [self.base + p for _c, _n, p in INDEXES]
        urls += [self.base + page.path + ".html" for page in self.pages.values()]
        body = "".join(f"  <url><loc>{html.escape(u)}</loc></url>\n" for u in sorted(urls))
        self.files["sitemap.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + body + "</urlset>\n"
        ).encode("utf-8")

    def build(self) -> dict[str, bytes]:
        for page in self.pages.values():
            self.resource_page(page)
        self.indexes()
        self.timeline()
        self.void()
        self.dumps()
        self.sitemap()
        self.files["style.css"] = (
            resources.files("histkg.publish").joinpath("templates", "style.css").read_bytes()
        )
        self.files["404.html"] = self.render(
            "index.html",
            "404.html",
            title="Not found",
            intro="Nothing is published at this address. Try the search box.",
        )
        return dict(sorted(self.files.items()))


def build_site(
    graph: Graph,
    trig: bytes,
    articles: list[Article],
    base: str,
    version: str,
    build_date: str | None,
    sites: list[WikiSite] | None = None,
) -> dict[str, bytes]:
    """Every file of the static site, by path relative to the site's root; ``sites`` name
    the source and licence of the texts (default: Wikipedia, CC BY-SA 4.0)."""
    return SiteBuilder(graph, trig, articles, base, version, build_date, sites).build()


__all__ = ["build_site", "to_trig"]
