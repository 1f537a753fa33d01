"""The competency questions in queries/*.rq, answered on the seed build by the embedded
Oxigraph store, and the same answers from rdflib's engine."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from histkg.errors import QueryError
from histkg.query import (
    format_oxigraph,
    load_graph,
    query_file,
    rows_oxigraph,
    rows_rdflib,
    run_query,
)
from tests.conftest import ROOT

QUERIES = ROOT / "queries"
ALL = sorted(p.name for p in QUERIES.glob("*.rq"))


INTEGER = "<http://www.w3.org/2001/XMLSchema#integer>"
NON_NEGATIVE = "<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>"


def same_value(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Oxigraph stores xsd:nonNegativeInteger as xsd:integer (same value): compare values."""
    return sorted(tuple(v.replace(NON_NEGATIVE, INTEGER) for v in row) for row in rows)


def plain(term: str) -> str:
    if term.startswith("<"):
        return term[1:-1]
    if term.startswith('"'):
        return term[1 : term.rindex('"')]
    return term


def answer(graph: Path, name: str) -> list[dict[str, str]]:
    names, rows = rows_oxigraph(
        query_file(graph, (QUERIES / name).read_text(encoding="utf-8"), name)
    )
    return [{n: plain(v) for n, v in zip(names, row, strict=True)} for row in rows]


def test_queries_votes_on_the_presidium_vote(seed_output: Path) -> None:
    rows = [r for r in answer(seed_output, "votes.rq") if r["date"] == "1957-06-18"]
    voted_for = {r["name"] for r in rows if r["side"] == "for"}
    voted_against = {r["name"] for r in rows if r["side"] == "against"}
    assert len(voted_for) == 7
    assert len(voted_against) == 4
    assert not voted_for & voted_against
    assert "Nikolai Bulganin" in voted_for and "Nikita Khrushchev" in voted_against
    assert {(r["votesFor"], r["votesAgainst"]) for r in rows} == {("7", "4")}


def test_queries_offices_after_the_decree(seed_output: Path) -> None:
    rows = answer(seed_output, "offices-after-decree.rq")
    given = {r["name"]: r["officeName"] for r in rows if r["decreeDate"] == "1957-06-29"}
    assert given == {
        "Georgy Malenkov": "Director of a hydroelectric plant in Kazakhstan",
        "Vyacheslav Molotov": "Ambassador to Mongolia",
        "Lazar Kaganovich": "Director of a small potash works in the Urals",
        "Dmitri Shepilov": "Head of the Economics Institute of the Kyrgyzstan Academy of Sciences",
    }


def test_queries_premiers(seed_output: Path) -> None:
    rows = answer(seed_output, "premiers.rq")
    by_name = {r["name"]: r for r in rows}
    assert set(by_name) == {
        "Georgy Malenkov",
        "Vyacheslav Molotov",
        "Nikolai Bulganin",
        "Nikita Khrushchev",
    }
    assert by_name["Nikita Khrushchev"]["start"] == "1958"
    assert by_name["Nikolai Bulganin"]["end"] == "1958"
    assert by_name["Georgy Malenkov"]["start"] == by_name["Georgy Malenkov"]["end"] == ""


def test_queries_expulsions(seed_output: Path) -> None:
    rows = answer(seed_output, "expulsions.rq")
    assert {(r["name"], r["date"]) for r in rows} == {
        ("Vyacheslav Molotov", "1961"),
        ("Georgy Malenkov", "1961"),
        ("Lazar Kaganovich", "1961"),
        ("Dmitri Shepilov", "1961"),
    }
    assert {r["organizationName"] for r in rows} == {"Communist Party of the Soviet Union"}


def test_queries_timeline_in_date_order(seed_output: Path) -> None:
    rows = answer(seed_output, "timeline.rq")
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated)
    assert rows[0]["date"] == "1956"
    undated = [i for i, r in enumerate(rows) if not r["date"]]
    assert undated == list(range(len(dated), len(rows))), "undated events come last"
    assert all(r["kind"] and r["kind"] != "Event" for r in rows)
    assert len(rows) == len({r["event"] for r in rows}) == 19


@pytest.mark.parametrize("query", ALL)
def test_queries_oxigraph_and_rdflib_agree(seed_output: Path, query: str) -> None:
    text = (QUERIES / query).read_text(encoding="utf-8")
    ox_names, ox_rows = rows_oxigraph(query_file(seed_output, text, query))
    rdf_names, rdf_rows = rows_rdflib(run_query(load_graph(seed_output), text, query))
    assert ox_names == rdf_names
    assert ox_rows, f"{query} has no answer on the seed build"
    assert same_value(ox_rows) == same_value(rdf_rows)


def test_queries_named_graphs_reachable(seed_output: Path) -> None:
    text = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    _names, rows = rows_oxigraph(query_file(seed_output, text))
    assert len(rows) == 2
    assert all(r[0].startswith("<https://w3id.org/histkg/id/document/") for r in rows)


def test_queries_w3c_result_formats(seed_output: Path) -> None:
    text = (QUERIES / "expulsions.rq").read_text()
    data = json.loads(format_oxigraph(query_file(seed_output, text), "json"))
    assert data["head"]["vars"] == ["person", "name", "date", "organizationName"]
    first = data["results"]["bindings"][0]
    assert first["person"]["type"] == "uri"
    assert first["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#gYear"
    assert first["name"]["xml:lang"] == "en"
    table = list(csv.reader(io.StringIO(format_oxigraph(query_file(seed_output, text), "csv"))))
    assert table[0] == ["person", "name", "date", "organizationName"] and len(table) == 5
    tsv = format_oxigraph(query_file(seed_output, text), "tsv").splitlines()
    assert tsv[0] == "?person\t?name\t?date\t?organizationName"
    assert '"1961"^^<http://www.w3.org/2001/XMLSchema#gYear>' in tsv[1]
    xml = format_oxigraph(query_file(seed_output, text), "xml")
    assert xml.startswith("<?xml") and "http://www.w3.org/2005/sparql-results#" in xml
    assert format_oxigraph(query_file(seed_output, text), "table").splitlines()[-1] == "(4 rows)"


def test_queries_syntax_error_names_line_and_column(seed_output: Path) -> None:
    # at the end of the last line, where the object is missing (not on the empty line after)
    with pytest.raises(QueryError, match=r"^bad\.rq:2:8: SPARQL syntax error"):
        query_file(seed_output, "SELECT ?x WHERE {\n  ?x ?y \n", "bad.rq")


def test_queries_store_rebuilt_when_the_graph_changes(tmp_path: Path, seed_output: Path) -> None:
    graph = tmp_path / "graph.nq"
    graph.write_bytes(seed_output.read_bytes())
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = rows_oxigraph(query_file(graph, count))[1][0][0]
    graph.write_bytes(
        seed_output.read_bytes()
        + b'<https://example.org/a> <https://example.org/b> "c" <https://example.org/g> .\n'
    )
    after = rows_oxigraph(query_file(graph, count))[1][0][0]
    assert int(plain(after)) == int(plain(before)) + 1
