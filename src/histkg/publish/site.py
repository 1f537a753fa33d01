"""The static site: one page per resource at the path of its IRI under the base, with
the same resource as Turtle, JSON-LD and N-Triples beside it."""

from __future__ import annotations

import html
import posixpath
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import unquote

import jinja2
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from histkg.model import Article, WikiSite
from histkg.publish import dataset, events, listings, offices, organizations, people
from histkg.publish.dates import as_written, precision
from histkg.publish.listings import INDEXES
from histkg.resources import ontology_path
from histkg.serialize import to_jsonld, to_ntriples, to_trig, to_turtle
from histkg.sources import DEFAULT_SITE
from histkg.vocab import HKG_IRI

HKG = Namespace(HKG_IRI)
SKOS_ALT = URIRef("http://www.w3.org/2004/02/skos/core#altLabel")
HIDDEN_FACTS = {RDF.type, RDFS.label, HKG.evidence}
DATE_TYPES = (XSD.date, XSD.gYearMonth, XSD.gYear)


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
            if node.datatype in DATE_TYPES:
                return self.when(str(node))
            return {"text": str(node), "href": "", "note": "", "lang": node.language or ""}
        return {"text": str(node), "href": str(node) if isinstance(node, URIRef) else ""}

    @staticmethod
    def when(iso: str) -> dict[str, str]:
        """A date as written ('March 1848'), its ISO form and its precision."""
        return {"text": as_written(iso), "href": "", "iso": iso, "note": precision(iso)}

    def date(self, node: Node, *props: URIRef) -> str | None:
        """The first of ``props`` the node has, as its ISO string."""
        for prop in props:
            value = self.g.value(node, prop)
            if value is not None:
                return str(value)
        return None

    def links(self, here: str, nodes: Iterable[Node]) -> list[dict[str, str]]:
        """Links to nodes, sorted by their text."""
        found = [self.link(here, n) for n in set(nodes)]
        return sorted(found, key=lambda link: (link["text"], link["href"]))

    def page_of(self, here: str, node: Node) -> str:
        """The relative URL of a node's page, or ''."""
        page = self.pages.get(str(node))
        return self.href(here, page.path + ".html") if page else ""

    def evidence_of(self, node: Node, here: str) -> list[dict[str, Any]]:
        """The sentences that state facts about a node, the quoted words marked."""
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
        return evidence

    def root(self, here: str) -> str:
        depth = here.count("/")
        return "../" * depth

    def render(self, template: str, here: str, **context: Any) -> bytes:
        text = self.env.get_template(template).render(
            root=self.root(here),
            nav=listings.NAV,
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
        evidence = self.evidence_of(node, here)
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
        template, summary = self.summary(node, here)
        self.files[here] = self.render(
            template,
            here,
            **summary,
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

    def summary(self, node: URIRef, here: str) -> tuple[str, dict[str, Any]]:
        """The template of a page and what it shows above the facts, by the kind of thing."""
        for cls, template, make in (
            (HKG.Person, "person.html", people.summary),
            (HKG.Office, "office.html", offices.summary),
            (HKG.Tenure, "tenure.html", offices.tenure_summary),
            (HKG.Event, "event.html", events.summary),
            (HKG.Organization, "organization.html", organizations.summary),
        ):
            if (node, RDF.type, cls) in self.g:
                return template, make(self, node, here)
        return "resource.html", {}

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

    def build(self) -> dict[str, bytes]:
        for page in self.pages.values():
            self.resource_page(page)
        listings.indexes(self)
        listings.search_index(self)
        listings.timeline(self)
        dataset.void(self)
        dataset.dumps(self)
        dataset.sitemap(self)
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
