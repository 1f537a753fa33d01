"""The pages a historian reads (issue 11), as HTML: a person's career and chronology, an
office's holders in order, an event's participants by role and a vote's tally, an
organization's members and offices, the search index, the timeline's drawing, and the
query page of ``histkg serve`` with its content negotiation."""

from __future__ import annotations

import json
import re
import urllib.parse

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from histkg.mint import DEFAULT_BASE
from histkg.publish.dates import as_written, compare
from histkg.publish.listings import fold
from histkg.publish.offices import Holding, between
from histkg.publish.query_page import wants_html
from histkg.publish.serve import accepted
from histkg.publish.site import build_site
from histkg.publish.timeline import Bar, Mark, render_svg
from tests.conftest import HKG
from tests.test_publish import get


def page(site_files: dict[str, bytes], path: str) -> str:
    return site_files[path].decode("utf-8")


def section(html: str, start: str, end: str) -> str:
    return html.split(start, 1)[1].split(end, 1)[0]


def test_dates_are_written_at_their_precision() -> None:
    assert as_written("1957-06-18") == "18 June 1957"
    assert as_written("1957-06") == "June 1957"
    assert as_written("1949") == "1949"
    assert compare("1958", "1958-06") is None and compare("1957-12-31", "1958") == -1


def test_person_page_career_and_chronology(site_files: dict[str, bytes]) -> None:
    html = page(site_files, "person/nikolai-bulganin.html")
    career = section(html, '<table class="career">', "</table>")
    assert 'href="../office/premier-of-the-soviet-union.html"' in career
    assert '<time datetime="1958" title="year">1958</time>' in career  # the end, a year
    assert 'href="nikita-khrushchev.html">Nikita Khrushchev</a>' in career  # successor
    assert "Resignation of Nikolai Bulganin" in career  # how it ended, linked
    chronology = section(html, '<ol class="chronology">', "</ol>")
    assert '<time datetime="1957-06-18" title="day">18 June 1957</time>' in chronology
    assert '<span class="role">voted for</span>' in chronology
    assert '<span class="role">affected</span>' in chronology
    assert chronology.index("18 June 1957") < chronology.index("Resignation")
    assert '<details class="source"><summary>source</summary>' in chronology
    assert "<mark>" in chronology
    assert "Referred to by" in html  # what the page showed before is still there


def test_person_page_dates_never_padded(site_files: dict[str, bytes]) -> None:
    html = page(site_files, "person/nikita-khrushchev.html")
    assert "June 1957" in html and "1957-06-01" not in html
    assert "Attempt to depose Nikita Khrushchev" in section(html, 'class="chronology"', "</ol>")


def test_office_page_holders_in_order(site_files: dict[str, bytes]) -> None:
    html = page(site_files, "office/premier-of-the-soviet-union.html")
    dated = section(html, "Holders in order", "Holders the texts do not date")
    assert dated.index("Nikolai Bulganin") < dated.index("Nikita Khrushchev")
    undated = section(html, "Holders the texts do not date", "</table>")
    assert "Georgy Malenkov" in undated and "Vyacheslav Molotov" in undated
    assert "Appointment of Nikita Khrushchev" in dated


def test_office_gaps_and_overlaps() -> None:
    def holding(start: str | None, end: str | None) -> Holding:
        return Holding(URIRef("t"), None, start, end, ())

    gap = between(holding("1949", "1953"), holding("1955", None))
    assert gap is not None and gap["kind"] == "gap" and "1953" in gap["text"]
    overlap = between(holding("1949", "1956"), holding("1955", None))
    assert overlap is not None and overlap["kind"] == "overlap"
    assert between(holding("1949", "1958"), holding("1958", None)) is None  # handed over
    unknown = between(holding("1949", None), holding(None, "1960"))
    assert unknown is not None and unknown["kind"] == "unknown"


def test_event_page_roles_and_tally(site_files: dict[str, bytes]) -> None:
    html = page(site_files, "event/1957-06-18-vote-presidium-of-the-cpsu-central-committee.html")
    assert "<strong>7</strong> for · <strong>4</strong> against · passed" in html
    voted_for = section(html, "<h3>Voted for</h3>", "</section>")
    voted_against = section(html, "<h3>Voted against</h3>", "</section>")
    assert "Georgy Malenkov" in voted_for and "Nikita Khrushchev" not in voted_for
    assert "Nikita Khrushchev" in voted_against
    assert "<h3>Who did it</h3>" in html and "Anti-Party Group" in html
    assert "Also taking part" not in html  # everyone has a more specific role
    assert '<time datetime="1957-06-18" title="day">18 June 1957</time>' in html


def test_organization_page(site_files: dict[str, bytes]) -> None:
    html = page(site_files, "organization/anti-party-group.html")
    assert 'Part of <a href="communist-party-of-the-soviet-union.html">' in html
    people = section(html, "Leaders and members", "</ul>")
    assert people.count('<span class="role">leader</span>') == 4
    assert "Vote in the Presidium" in section(html, "What happened in it or to it", "</ol>")
    assert 'lang="ru"' in html  # the Russian names are marked as Russian


def test_search_index_embedded_and_folded(site_files: dict[str, bytes]) -> None:
    script = site_files["search.js"].decode("utf-8")
    assert script.startswith("window.histkgIndex = ")
    entries = json.loads(script[len("window.histkgIndex = ") :].rstrip().rstrip(";"))
    malenkov = next(e for e in entries if e["u"] == "person/georgy-malenkov.html")
    assert "malenkov" in malenkov["k"] and malenkov["r"] == 0
    assert fold("Gomułka") == "gomulka" and fold("Łódź") == "lodz"
    assert b'<script src="../search.js"></script>' in site_files["person/georgy-malenkov.html"]
    assert b"fetch(" not in site_files["person/georgy-malenkov.html"]


def test_links_out_to_the_same_person_elsewhere() -> None:
    g = Graph()
    person = URIRef(DEFAULT_BASE + "person/wladyslaw-gomulka")
    g.add((person, RDF.type, URIRef(HKG + "Person")))
    g.add((person, RDFS.label, Literal("Władysław Gomułka", lang="en")))
    g.add(
        (
            person,
            URIRef("http://schema.org/sameAs"),
            URIRef("https://en.wikipedia.org/wiki/W%C5%82adys%C5%82aw_Gomu%C5%82ka"),
        )
    )
    g.add((person, OWL.sameAs, URIRef("http://dbpedia.org/resource/Władysław_Gomułka")))
    files = build_site(g, b"", [], DEFAULT_BASE, "0", None)
    html = files["person/wladyslaw-gomulka.html"].decode("utf-8")
    out = section(html, '<p class="links-out">', "</p>")
    assert ">Wikipedia</a>" in out and ">DBpedia</a>" in out
    assert 'href="http://dbpedia.org/resource/Władysław_Gomułka"' in out
    assert "gomulka" in files["search.js"].decode("utf-8")
    assert "The texts name no office" in html


def test_timeline_draws_precision_and_open_ends() -> None:
    svg = render_svg(
        [
            Mark("1957-06-18", "A vote", "Vote", "a.html", ("x",)),
            Mark("1957-06", "A coup attempt " * 12, "CoupAttempt", "b.html", ()),
            Mark("1958", "A resignation", "Resignation", "c.html", ()),
        ],
        [
            Bar("Someone", "Premier", "1949", None, (), "t.html", "someone"),
            Bar("Someone Else", "Minister", None, "1961", (), "u.html", "else"),
        ],
    )
    assert svg.count("<circle") == 1 and svg.count('class="event span') == 2
    assert 'fill="url(#fade-right)"' in svg and 'fill="url(#fade-left)"' in svg
    assert 'class="imprecise"' in svg  # a start or end known to the year: a band across it
    assert "1949 – end not given" in svg and "…" in svg  # a long label cut, full on hover
    assert 'data-people="x"' in svg and 'data-people="someone"' in svg
    years = [int(y) for y in re.findall(r'class="year">(\d{4})<', svg)]
    assert min(years) <= 1949 and max(years) >= 1961


def test_accept_headers_choose_html_or_results() -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
    assert wants_html(accepted(browser))
    for client in (None, "*/*", "application/sparql-results+json", "text/csv", "text/turtle"):
        assert not wants_html(accepted(client)), client
    assert not wants_html(accepted("text/html;q=0.5, application/sparql-results+json"))


def test_query_page_form_and_answer(server: str) -> None:
    html_accept = "text/html,application/xhtml+xml,*/*;q=0.8"
    status, headers, body = get(server + "/sparql", html_accept)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    text = body.decode("utf-8")
    assert '<form class="query" method="get" action="sparql">' in text
    assert "Who held the office of Premier" in text and "In each vote" in text
    query = "SELECT ?p ?name WHERE { ?p a hkg:Person ; rdfs:label ?name } ORDER BY ?name"
    url = server + "/sparql?" + urllib.parse.urlencode({"query": query})
    status, headers, body = get(url, html_accept)
    text = body.decode("utf-8")
    assert status == 200 and '<table class="results">' in text
    assert '<a href="person/georgy-malenkov.html" title="' + DEFAULT_BASE in text
    assert "format=csv" in text and "format=json" in text
    status, headers, body = get(url, None)  # a client: the W3C JSON as before
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
    assert len(json.loads(body)["results"]["bindings"]) == 16
    status, headers, body = get(url + "&format=csv", html_accept)  # a download link
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert 'filename="results.csv"' in headers["Content-Disposition"]
    assert body.startswith(b"p,name\r\n")


def test_query_page_shows_errors_with_line_and_column(server: str) -> None:
    html_accept = "text/html"
    bad = "SELECT ?p\nWHERE {\n  ?p a hkg:Person .\n  FILTER(\n}"
    status, _h, body = get(
        server + "/sparql?" + urllib.parse.urlencode({"query": bad}), html_accept
    )
    text = body.decode("utf-8")
    assert status == 400 and "line 5, column" in text and 'class="bad"' in text
    status, _h, body = get(
        server + "/sparql?" + urllib.parse.urlencode({"query": "DROP ALL"}), html_accept
    )
    assert status == 403 and b"read-only" in body
    ask = "ASK { ?v a hkg:Vote }"
    status, _h, body = get(
        server + "/sparql?" + urllib.parse.urlencode({"query": ask}), html_accept
    )
    assert status == 200 and b'<p class="boolean">yes</p>' in body


def test_office_page_marks_a_gap_and_tenure_pages_link_the_next_holder() -> None:
    g = Graph()
    office = URIRef(DEFAULT_BASE + "office/chancellor")
    g.add((office, RDF.type, URIRef(HKG + "Office")))
    g.add((office, RDFS.label, Literal("Chancellor", lang="en")))
    for slug, name, start, end in (
        ("anna", "Anna Example", "1949", "1953-10"),
        ("boris", "Boris Example", "1955-02-01", None),
        ("carla", "Carla Example", "1950", "1951"),
    ):
        person = URIRef(DEFAULT_BASE + "person/" + slug)
        g.add((person, RDF.type, URIRef(HKG + "Person")))
        g.add((person, RDFS.label, Literal(name, lang="en")))
        tenure = URIRef(DEFAULT_BASE + "tenure/" + slug + "-chancellor")
        g.add((tenure, RDF.type, URIRef(HKG + "Tenure")))
        g.add((tenure, RDFS.label, Literal(name + " as Chancellor", lang="en")))
        g.add((tenure, URIRef(HKG + "holder"), person))
        g.add((tenure, URIRef(HKG + "office"), office))
        g.add((tenure, URIRef(HKG + "startDate"), Literal(start)))
        if end:
            g.add((tenure, URIRef(HKG + "endDate"), Literal(end)))
    files = build_site(g, b"", [], DEFAULT_BASE, "0", None)
    html = files["office/chancellor.html"].decode("utf-8")
    holders = section(html, "Holders in order", "</table>")
    assert holders.index("Anna") < holders.index("Carla") < holders.index("Boris")
    assert '<tr class="between overlap">' in holders  # Carla came while Anna was in office
    assert (
        '<tr class="between gap"><td colspan="5">gap: no holder known from 1951 to 1 February 1955'
        in holders
    )
    tenure = files["tenure/carla-chancellor.html"].decode("utf-8")
    assert '← before: <a href="../person/anna.html">Anna Example</a>' in tenure
    assert 'after: <a href="../person/boris.html">Boris Example</a> →' in tenure
    assert "1950" in tenure and "1951" in tenure
