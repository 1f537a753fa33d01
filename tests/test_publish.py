"""The static site and its server: pages, per-resource RDF, VoID, content negotiation,
303s, 404/406, the SPARQL endpoint, and no path outside the site."""

from __future__ import annotations

import gzip
import json
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import RDF, Graph, URIRef

from histkg import BuildResult
from histkg.mint import DEFAULT_BASE
from tests.conftest import HKG, assert_isomorphic, make_site


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def get(
    url: str, accept: str | None = None, data: bytes | None = None, content_type: str | None = None
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data)
    if accept:
        request.add_header("Accept", accept)
    if content_type:
        request.add_header("Content-Type", content_type)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_publish_site_is_deterministic(
    seed_build: BuildResult, site_files: dict[str, bytes]
) -> None:
    again = make_site(seed_build)
    assert again == site_files


def test_publish_a_page_and_rdf_per_resource(
    seed_build: BuildResult, site_files: dict[str, bytes]
) -> None:
    g = seed_build.graph
    resources = {str(s) for s in g.subjects(RDF.type, None) if str(s).startswith(DEFAULT_BASE)}
    for iri in resources:
        path = urllib.parse.unquote(iri[len(DEFAULT_BASE) :])
        for ending in (".html", ".ttl", ".jsonld", ".nt"):
            assert path + ending in site_files, path + ending
    for iri in sorted(resources):  # each file holds exactly the triples about its resource
        path = urllib.parse.unquote(iri[len(DEFAULT_BASE) :])
        expected = Graph()
        for triple in g.triples((URIRef(iri), None, None)):
            expected.add(triple)
        assert_isomorphic(expected, Graph().parse(data=site_files[path + ".ttl"], format="turtle"))
        assert_isomorphic(
            expected, Graph().parse(data=site_files[path + ".jsonld"], format="json-ld")
        )
        assert_isomorphic(expected, Graph().parse(data=site_files[path + ".nt"], format="nt"))
        page = site_files[path + ".html"].decode("utf-8")
        assert '<script type="application/ld+json">' in page


def test_publish_person_page_content(site_files: dict[str, bytes]) -> None:
    page = site_files["person/georgy-malenkov.html"].decode("utf-8")
    assert "<h1>Georgy Malenkov</h1>" in page
    assert "Premier of the Soviet Union" in page
    assert "<mark>" in page and "Where the text says so" in page
    assert 'href="../document/000_439f4dd2e62f564d.html#c' in page
    assert "Referred to by" in page and "Expulsion of" in page


def test_publish_void_counts_and_dumps(
    seed_build: BuildResult, site_files: dict[str, bytes]
) -> None:
    void = Graph().parse(data=site_files["void.ttl"], format="turtle")
    triples = list(void.objects(None, URIRef("http://rdfs.org/ns/void#triples")))
    dataset = URIRef(DEFAULT_BASE + "dataset")
    assert int(void.value(dataset, URIRef("http://rdfs.org/ns/void#triples"))) == len(
        seed_build.graph
    )
    assert len(triples) > 10  # the dataset's and every property partition's
    assert site_files[".well-known/void"] == site_files["void.ttl"]
    assert (
        dataset,
        URIRef("http://purl.org/dc/terms/license"),
        URIRef("https://creativecommons.org/licenses/by-sa/4.0/"),
    ) in void
    dump = Graph().parse(data=gzip.decompress(site_files["graph.nt.gz"]), format="nt")
    assert len(dump) == len(seed_build.graph)
    assert b"<urlset" in site_files["sitemap.xml"]


def test_publish_search_index_and_timeline(site_files: dict[str, bytes]) -> None:
    index = json.loads(site_files["search.json"])
    assert {"l": "Georgy Malenkov", "t": "Person", "u": "person/georgy-malenkov.html"} in index
    timeline = site_files["timeline.html"].decode("utf-8")
    assert "<svg" in timeline and "Vote in the Presidium" in timeline
    assert 'class="tenure' in timeline and "Premier of the Soviet Union" in timeline


@pytest.mark.parametrize(
    ("accept", "ending"),
    [
        ("text/html", ".html"),
        ("text/turtle", ".ttl"),
        ("application/ld+json", ".jsonld"),
        ("application/n-triples", ".nt"),
        ("text/turtle;q=0.5, text/html;q=0.9", ".html"),
        (None, ".html"),
    ],
)
def test_publish_serve_303_by_accept(server: str, accept: str | None, ending: str) -> None:
    status, headers, _body = get(server + "/person/georgy-malenkov", accept)
    assert status == 303
    assert headers["Location"] == "/person/georgy-malenkov" + ending
    assert headers["Vary"] == "Accept"
    status, headers, body = get(server + headers["Location"])
    assert status == 200 and body


@pytest.mark.parametrize(
    ("path", "media"),
    [
        ("/person/georgy-malenkov.ttl", "text/turtle"),
        ("/person/georgy-malenkov.jsonld", "application/ld+json"),
        ("/person/georgy-malenkov.nt", "application/n-triples"),
        ("/index.html", "text/html"),
        ("/.well-known/void", "text/turtle"),
        ("/search.json", "application/json"),
    ],
)
def test_publish_serve_content_types(server: str, path: str, media: str) -> None:
    status, headers, _body = get(server + path)
    assert status == 200 and headers["Content-Type"].startswith(media)


def test_publish_serve_406_and_404(server: str) -> None:
    status, headers, _body = get(server + "/person/georgy-malenkov", "image/png")
    assert status == 406 and headers["Vary"] == "Accept"
    status, _h, body = get(server + "/person/nobody")
    assert status == 404 and b"Not found" in body


@pytest.mark.parametrize(
    "path",
    [
        "/../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/person/..%2f..%2f..%2fpyproject.toml",
        "/..%5c..%5cetc/passwd",
        "//etc/passwd",
        "/person/%00.html",
    ],
)
def test_publish_serve_never_leaves_the_site(server: str, path: str) -> None:
    status, _headers, body = get(server + path)
    assert status in (403, 404)
    assert b"root:" not in body and b"[project]" not in body


def sparql_json(server: str, query: str, method: str = "GET") -> tuple[int, bytes]:
    if method == "GET":
        status, _h, body = get(server + "/sparql?" + urllib.parse.urlencode({"query": query}))
    else:
        status, _h, body = get(
            server + "/sparql",
            "application/sparql-results+json",
            urllib.parse.urlencode({"query": query}).encode(),
            "application/x-www-form-urlencoded",
        )
    return status, body


def test_publish_sparql_select_ask_construct(server: str) -> None:
    status, body = sparql_json(server, "SELECT ?p WHERE { ?p a hkg:Person } ORDER BY ?p")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 16
    status, body = sparql_json(server, "ASK { ?v a hkg:Vote ; hkg:votesFor 7 }", method="POST")
    assert status == 200 and json.loads(body)["boolean"] is True
    status, headers, body = get(
        server + "/sparql",
        "text/turtle",
        b"CONSTRUCT { ?p a hkg:Person } WHERE { ?p a hkg:Person }",
        "application/sparql-query",
    )
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert len(Graph().parse(data=body, format="turtle")) == 16
    status, headers, body = get(
        server
        + "/sparql?"
        + urllib.parse.urlencode({"query": "SELECT ?p WHERE { ?p a hkg:Person } LIMIT 2"}),
        "text/csv",
    )
    assert (
        status == 200 and headers["Content-Type"].startswith("text/csv") and body.count(b"\n") == 3
    )


def test_publish_sparql_refuses_updates(server: str) -> None:
    status, _body = sparql_json(server, "INSERT DATA { <a:b> <a:c> <a:d> }")
    assert status == 403
    status, _h, _b = get(
        server + "/sparql",
        None,
        urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(),
        "application/x-www-form-urlencoded",
    )
    assert status == 403
    status, _h, _b = get(server + "/sparql", None, b"DROP ALL", "application/sparql-update")
    assert status == 403


def test_publish_sparql_timeout_size_limit_and_syntax(server: str) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    status, body = sparql_json(server, slow)
    assert status == 503 and b"stopped" in body
    status, body = sparql_json(server, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 413
    status, body = sparql_json(server, "SELECT WHERE {")
    assert status == 400 and b"syntax" in body


def test_publish_types_in_graph(seed_build: BuildResult) -> None:
    assert (None, RDF.type, URIRef(HKG + "Person")) in seed_build.graph
