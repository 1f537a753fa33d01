"""The dataset around the pages: its VoID/DCAT description, the dumps and the sitemap."""

from __future__ import annotations

import gzip
import html
import io
from collections import defaultdict
from typing import TYPE_CHECKING

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from histkg.publish.listings import INDEXES
from histkg.serialize import to_ntriples, to_turtle
from histkg.vocab import HKG_IRI

if TYPE_CHECKING:
    from histkg.publish.site import SiteBuilder

HKG = Namespace(HKG_IRI)
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")


def void(b: SiteBuilder) -> None:
    """The VoID/DCAT description of the dataset (void.ttl, .well-known/void)."""
    g = Graph()
    for prefix, ns in (
        ("void", VOID),
        ("dcat", DCAT),
        ("dcterms", DCTERMS),
        ("foaf", FOAF),
        ("hkg", HKG),
    ):
        g.bind(prefix, ns)
    dataset = URIRef(b.base + "dataset")
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
    for licence in dict.fromkeys(s.licence for s in b.sites if s.licence):
        g.add((dataset, DCTERMS.license, URIRef(licence)))
    for site in b.sites:
        if site.article_base:
            g.add((dataset, DCTERMS.source, URIRef(site.article_base)))
    g.add((dataset, DCTERMS.creator, Literal(f"histkg {b.version}")))
    if b.build_date:
        g.add((dataset, DCTERMS.modified, Literal(b.build_date, datatype=XSD.date)))
    g.add((dataset, VOID.triples, Literal(len(b.g), datatype=XSD.integer)))
    g.add((dataset, VOID.entities, Literal(len(b.pages), datatype=XSD.integer)))
    g.add((dataset, VOID.uriSpace, Literal(b.base)))
    g.add((dataset, VOID.sparqlEndpoint, URIRef(b.base + "sparql")))
    g.add((dataset, VOID.vocabulary, URIRef(HKG_IRI)))
    g.add((dataset, VOID.rootResource, URIRef(b.base + "index.html")))
    for name, media in (
        ("graph.nt.gz", "application/n-triples"),
        ("graph.trig.gz", "application/trig"),
    ):
        dump = URIRef(b.base + name)
        g.add((dataset, VOID.dataDump, dump))
        distribution = URIRef(b.base + name + "#distribution")
        g.add((dataset, DCAT.distribution, distribution))
        g.add((distribution, RDF.type, DCAT.Distribution))
        g.add((distribution, DCAT.downloadURL, dump))
        g.add((distribution, DCAT.mediaType, Literal(media)))
        g.add((distribution, DCAT.compressFormat, Literal("application/gzip")))
    for doc in sorted(b.g.subjects(RDF.type, HKG.Document), key=str):
        g.add((dataset, DCTERMS.source, doc))
    class_counts: dict[Node, int] = defaultdict(int)
    for _s, _p, cls in b.g.triples((None, RDF.type, None)):
        class_counts[cls] += 1
    for cls, n in sorted(class_counts.items(), key=lambda c: str(c[0])):
        part = URIRef(f"{b.base}dataset#class-{str(cls).rsplit('#', 1)[-1]}")
        g.add((dataset, VOID.classPartition, part))
        g.add((part, VOID["class"], cls))
        g.add((part, VOID.entities, Literal(n, datatype=XSD.integer)))
    prop_counts: dict[Node, int] = defaultdict(int)
    for _s, p, _o in b.g:
        prop_counts[p] += 1
    for prop, n in sorted(prop_counts.items(), key=lambda c: str(c[0])):
        part = URIRef(f"{b.base}dataset#property-{str(prop).rsplit('#', 1)[-1].rsplit('/', 1)[-1]}")
        g.add((dataset, VOID.propertyPartition, part))
        g.add((part, VOID.property, prop))
        g.add((part, VOID.triples, Literal(n, datatype=XSD.integer)))
    data = to_turtle(g)
    b.files["void.ttl"] = data
    b.files[".well-known/void"] = data


def dumps(b: SiteBuilder) -> None:
    """The whole graph gzipped, as N-Triples and as TriG (no timestamp in the gzip header)."""
    for name, data in (("graph.nt.gz", to_ntriples(b.g)), ("graph.trig.gz", b.trig)):
        buffer = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as gz:
            gz.write(data)
        b.files[name] = buffer.getvalue()


def sitemap(b: SiteBuilder) -> None:
    """sitemap.xml: every page, sorted."""
    urls = [b.base + "index.html", b.base + "timeline.html"]
    urls += [b.base + p for _c, _n, p in INDEXES]
    urls += [b.base + page.path + ".html" for page in b.pages.values()]
    body = "".join(f"  <url><loc>{html.escape(u)}</loc></url>\n" for u in sorted(urls))
    b.files["sitemap.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + body + "</urlset>\n"
    ).encode("utf-8")
