"""The competency questions in queries/*.rq, answered on the seed build."""

from __future__ import annotations

from pathlib import Path

import pytest

from histkg import BuildResult
from histkg.query import format_csv, format_json, format_table, run_query
from tests.conftest import ROOT

QUERIES = ROOT / "queries"


def answer(build: BuildResult, name: str) -> list[dict[str, str]]:
    result = run_query(build.graph, (QUERIES / name).read_text(encoding="utf-8"), name)
    names = [str(v) for v in result.vars or []]
    return [
        {n: ("" if v is None else str(v)) for n, v in zip(names, row, strict=True)}  # type: ignore[arg-type]
        for row in result
    ]


def test_queries_votes_on_the_presidium_vote(seed_build: BuildResult) -> None:
    rows = [r for r in answer(seed_build, "votes.rq") if r["date"] == "1957-06-18"]
    voted_for = {r["name"] for r in rows if r["side"] == "for"}
    voted_against = {r["name"] for r in rows if r["side"] == "against"}
    assert len(voted_for) == 7
    assert len(voted_against) == 4
    assert not voted_for & voted_against
    assert "Nikolai Bulganin" in voted_for and "Nikita Khrushchev" in voted_against
    assert {(r["votesFor"], r["votesAgainst"]) for r in rows} == {("7", "4")}


def test_queries_offices_after_the_decree(seed_build: BuildResult) -> None:
    rows = answer(seed_build, "offices-after-decree.rq")
    given = {r["name"]: r["officeName"] for r in rows if r["decreeDate"] == "1957-06-29"}
    assert given == {
        "Georgy Malenkov": "Director of a hydroelectric plant in Kazakhstan",
        "Vyacheslav Molotov": "Ambassador to Mongolia",
        "Lazar Kaganovich": "Director of a small potash works in the Urals",
        "Dmitri Shepilov": "Head of the Economics Institute of the Kyrgyzstan Academy of Sciences",
    }


def test_queries_premiers(seed_build: BuildResult) -> None:
    rows = answer(seed_build, "premiers.rq")
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


def test_queries_expulsions(seed_build: BuildResult) -> None:
    rows = answer(seed_build, "expulsions.rq")
    assert {(r["name"], r["date"]) for r in rows} == {
        ("Vyacheslav Molotov", "1961"),
        ("Georgy Malenkov", "1961"),
        ("Lazar Kaganovich", "1961"),
        ("Dmitri Shepilov", "1961"),
    }
    assert {r["organizationName"] for r in rows} == {"Communist Party of the Soviet Union"}


def test_queries_timeline_in_date_order(seed_build: BuildResult) -> None:
    rows = answer(seed_build, "timeline.rq")
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated)
    assert rows[0]["date"] == "1956"
    undated = [i for i, r in enumerate(rows) if not r["date"]]
    assert undated == list(range(len(dated), len(rows))), "undated events come last"
    assert all(r["kind"] != "Event" and r["kind"] for r in rows)
    assert len({r["event"] for r in rows}) == seed_build.count("Event")


@pytest.mark.parametrize("query", sorted(p.name for p in QUERIES.glob("*.rq")))
def test_queries_every_query_answers(seed_build: BuildResult, query: str) -> None:
    assert answer(seed_build, query), f"{query} has no answer on the seed build"


def test_queries_formats(seed_build: BuildResult) -> None:
    text = (QUERIES / "expulsions.rq").read_text()
    table = format_table(run_query(seed_build.graph, text))
    assert table.splitlines()[-1] == "(4 rows)"
    csv_text = format_csv(run_query(seed_build.graph, text))
    assert csv_text.splitlines()[0] == "person,name,date,organizationName"
    import json

    data = json.loads(format_json(run_query(seed_build.graph, text)))
    assert data["head"]["vars"] == ["person", "name", "date", "organizationName"]
    first = data["results"]["bindings"][0]
    assert first["person"]["type"] == "uri"
    assert first["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#gYear"
    assert first["name"]["xml:lang"] == "en"


def test_queries_syntax_error_names_line_and_column(
    seed_build: BuildResult, tmp_path: Path
) -> None:
    from histkg.errors import QueryError

    with pytest.raises(QueryError, match=r"bad\.rq:\d+:\d+: SPARQL error"):
        run_query(seed_build.graph, "SELECT ?x WHERE {\n  ?x ?y \n", "bad.rq")
