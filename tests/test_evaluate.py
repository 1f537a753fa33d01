"""histkg.evaluate: agreement with the reference scorer on the dev set, and its rules on
tiny hand-made graphs (normalisation, keys, capacity, neutral items, duplicates)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef

from histkg import BuildResult
from histkg.cli import main
from histkg.errors import SourceError
from histkg.evaluate import (
    CATEGORIES,
    GoldFormatError,
    Score,
    by_rule,
    dates_agree,
    evaluate,
    has_key,
    has_words,
    load_gold,
    load_output,
    norm,
    parse_gold,
)
from histkg.serialize import to_trig
from tests.conftest import DEV, ROOT, SHARED

REFERENCE = SHARED / "tools" / "score.py"
SEEDS_GOLD = ROOT / "tests" / "gold" / "seeds.json"
DEV_STEMS = sorted(p.stem for p in DEV.glob("*.txt")) if DEV.is_dir() else ["(no dev corpus)"]

H = Namespace("https://w3id.org/histkg/ontology#")
ID = Namespace("https://example.org/id/")
XSD_DATE, XSD_YEAR = (URIRef(f"http://www.w3.org/2001/XMLSchema#{t}") for t in ("date", "gYear"))


# --- agreement with the reference scorer ---------------------------------------------------


def reference_score(gold: Path, graph_file: Path, texts: Path) -> dict[str, Any]:
    out = graph_file.with_suffix(".reference.json")
    cmd = [sys.executable, str(REFERENCE), str(gold), str(graph_file), "--json", str(out)]
    subprocess.run([*cmd, "--texts", str(texts)], check=True, capture_output=True, timeout=300)
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def assert_agrees(mine: Score, ref: dict[str, Any]) -> None:
    """Same P/R/F1, counts and missing items per category; same overall and organizations."""
    for name in CATEGORIES:
        c, r = mine.category(name), ref[name]
        assert (c.precision, c.recall, c.f1) == pytest.approx((r["p"], r["r"], r["f"])), name
        assert (c.found, c.gold, c.output) == (r["tp"], r["gold"], r["pred"]), name
        assert [str(m) for m in c.missing] == r["missing"], name
        assert c.correct + len(c.duplicates) + len(c.spurious) == c.output, name
        if len(r["spurious"]) < 15:  # the reference lists at most 15
            if name == "persons":  # ... as a set of normalised labels
                assert sorted({norm(s.text) for s in c.spurious}) == r["spurious"]
            else:
                assert len(c.spurious) == len(r["spurious"]), name
    assert f"{mine.tenures.dates[0]}/{mine.tenures.dates[1]}" == ref["tenures"]["dates"]  # type: ignore[index]
    assert f"{mine.events.dates[0]}/{mine.events.dates[1]}" == ref["events"]["exact_dates"]  # type: ignore[index]
    org = ref["organizations"]
    assert (mine.organizations.recall, mine.organizations.found) == (org["r"], org["tp"])
    assert [str(m) for m in mine.organizations.missing] == org["missing"]
    overall = ref["overall"]
    assert (mine.precision, mine.recall, mine.f1, mine.macro_f1) == pytest.approx(
        (overall["p"], overall["r"], overall["f"], overall["macro_f"])
    )
    if mine.faction is not None:
        assert mine.faction.score == pytest.approx(ref["faction"]["score"])
    assert (
        f"{mine.provenance.with_evidence}/{mine.provenance.nodes}"
        == (ref["provenance"]["with_evidence"])
    )


def check_against_reference(result: BuildResult, gold: Path, texts: Path, tmp: Path) -> None:
    if not REFERENCE.is_file():
        pytest.skip(f"{REFERENCE} is absent: the reference scorer is not in this checkout")
    graph_file = tmp / "graph.trig"
    graph_file.write_bytes(to_trig(result.dataset))
    mine = evaluate(gold, load_output(tmp), texts)
    assert_agrees(mine, reference_score(gold, graph_file, texts))
    in_memory = evaluate(gold, result.graph)
    for name in CATEGORIES:  # the benchmark scores the in-memory graph: same figures
        a, b = mine.category(name), in_memory.category(name)
        assert (a.precision, a.recall, a.f1) == (b.precision, b.recall, b.f1)


@pytest.mark.parametrize("stem", DEV_STEMS)
def test_agrees_with_the_reference_scorer_on_dev(
    stem: str, dev_builds: dict[str, BuildResult], tmp_path: Path
) -> None:
    check_against_reference(dev_builds[stem], DEV / "gold" / f"{stem}.json", DEV, tmp_path)


def test_agrees_with_the_reference_scorer_on_the_seeds(
    seed_build: BuildResult, tmp_path: Path
) -> None:
    check_against_reference(seed_build, SEEDS_GOLD, ROOT / "seeds", tmp_path)


def test_every_dev_gold_and_the_seed_gold_load() -> None:
    paths = [*sorted((DEV / "gold").glob("*.json")), SEEDS_GOLD]
    for path in paths:
        gold = load_gold(path)
        assert gold.persons and gold.tenures and gold.events, path


# --- normalisation and matching -----------------------------------------------------------


def test_norm_strips_accents_punctuation_and_transliterates() -> None:
    assert norm("Łukasz Ørsted-Đurić, Straße Işık") == "lukasz orsted-duric strasse isik"
    assert norm("Marxism–Leninism") == "marxism-leninism"
    assert norm("  Yassıada   trials ") == "yassiada trials"
    assert norm("People's Commissars") == "people s commissars"


def test_keys_match_whole_word_sequences() -> None:
    assert has_key(["georgy malenkov"], "Malenkov")
    assert not has_key(["malenkova"], "malenkov")
    assert has_key(["todorov-gorunya"], "gorunya")
    assert has_key(["lee sang-jo"], "Sang-jo")
    assert not has_key(["sang-jo lee"], "jo lee sang")
    assert has_key([norm("Ömer Altay Egesel")], "Omer Altay")
    assert not has_key([norm("Ömer Altay Egesel")], "Omer Altay Egeselo")


def test_office_words_match_word_starts() -> None:
    assert has_words(["minister of defence of the soviet union"], ["minister", "defen"])
    assert not has_words(["undefended minister"], ["defen", "minister"])
    assert has_words(["a b", "first secretary"], ["first", "secretary"])


def test_dates_agree_by_prefix() -> None:
    assert dates_agree("1957-06", ["1957-06-18"])
    assert dates_agree("1957-06", ["1957"])
    assert not dates_agree("1957-06", ["1957-07"])
    assert not dates_agree("1957", [])


# --- tiny graphs --------------------------------------------------------------------------


def person(g: Graph, key: str, label: str) -> URIRef:
    node = ID[f"person/{key}"]
    g.add((node, RDF.type, H.Person))
    g.add((node, RDFS.label, Literal(label, lang="en")))
    return node


def office(g: Graph, key: str, label: str) -> URIRef:
    node = ID[f"office/{key}"]
    g.add((node, RDF.type, H.Office))
    g.add((node, RDFS.label, Literal(label, lang="en")))
    return node


def tenure(g: Graph, key: str, holder: URIRef, post: URIRef, rule: str | None = None) -> URIRef:
    node = ID[f"tenure/{key}"]
    g.add((node, RDF.type, H.Tenure))
    g.add((node, H.holder, holder))
    g.add((node, H.office, post))
    if rule:
        g.add((node, H.extractedBy, Literal(rule)))
    return node


def event(
    g: Graph,
    key: str,
    cls: str,
    date: str | None = None,
    label: str | None = None,
    rule: str | None = None,
    **roles: list[URIRef],
) -> URIRef:
    node = ID[f"event/{key}"]
    g.add((node, RDF.type, H[cls]))
    g.add((node, RDF.type, H.Event))
    if date:
        g.add((node, H.date, Literal(date, datatype=XSD_YEAR if len(date) == 4 else XSD_DATE)))
    if label:
        g.add((node, RDFS.label, Literal(label, lang="en")))
    if rule:
        g.add((node, H.extractedBy, Literal(rule)))
    for role, fillers in roles.items():
        for filler in fillers:
            g.add((node, H[role], filler))
    return node


def gold(**parts: Any) -> dict[str, Any]:
    return {"persons": [], "tenures": [], "events": [], **parts}


def expulsion(gid: str, key: str) -> dict[str, Any]:
    return {"id": gid, "what": f"{key} expelled", "types": ["Expulsion"], "date": "1961",
            "affected": [key]}  # fmt: skip


def test_an_event_node_satisfies_as_many_gold_events_as_people_it_names() -> None:
    g = Graph()
    a, b = person(g, "a", "Anna Berg"), person(g, "b", "Karl Dorn")
    event(g, "e", "Expulsion", "1961", affected=[a, b])
    spec = gold(events=[expulsion("E1", "berg"), expulsion("E2", "dorn")])
    score = evaluate(spec, g)
    assert (score.events.found, score.events.correct, score.events.output) == (2, 1, 1)
    assert score.events.f1 == 1.0
    # one person named: the node cannot stand for a second, identical gold item
    g2 = Graph()
    event(g2, "e", "Expulsion", "1961", affected=[person(g2, "a", "Anna Berg")])
    score = evaluate(gold(events=[expulsion("E1", "berg"), expulsion("E2", "berg")]), g2)
    assert score.events.found == 1
    assert [str(m) for m in score.events.missing] == ["E2 berg expelled"]


def test_generic_event_class_counts_only_when_gold_names_no_specific_one() -> None:
    g = Graph()
    a = person(g, "a", "Anna Berg")
    node = ID["event/x"]
    g.add((node, RDF.type, H.Event))
    g.add((node, H.affected, a))
    specific = {"id": "E1", "what": "arrest", "types": ["Arrest", "Event"], "affected": ["berg"]}
    generic = {"id": "E1", "what": "something", "types": ["Event"], "affected": ["berg"]}
    assert evaluate(gold(events=[specific]), g).events.found == 0
    assert evaluate(gold(events=[generic]), g).events.found == 1


def test_neutral_items_are_not_spurious_but_never_for_arrests() -> None:
    g = Graph()
    a = person(g, "a", "Anna Berg")
    person(g, "t", "Tompson")
    event(g, "m", "Meeting", "1950", label="Plot meeting")
    event(g, "r", "Arrest", "1950", label="Plot arrest", affected=[a])
    event(g, "d", "Decree", "1951-03-02")
    tenure(g, "t", a, office(g, "o", "Chair of the Plot Committee"))
    spec = gold(
        persons=[{"name": "Anna Berg", "keys": ["berg"]}],
        neutral_persons=["tompson"],
        neutral_events=[{"label": ["plot"]}, {"date": "1951-03-02"}],
        neutral_tenures=[{"holder": "berg", "office": [["chair"]]}],
    )
    score = evaluate(spec, g)
    assert (score.persons.output, score.persons.neutral, score.persons.precision) == (1, 1, 1.0)
    assert score.events.neutral == 2
    assert [s.text for s in score.events.spurious] == ["Arrest 1950: Plot arrest"]
    assert (score.tenures.output, score.tenures.neutral) == (0, 1)


def test_a_second_node_for_a_gold_person_costs_precision_and_is_listed() -> None:
    g = Graph()
    person(g, "k1", "Nikita Khrushchev")
    person(g, "k2", "Khruschev")
    person(g, "x", "Mayo")
    spec = gold(persons=[{"name": "Nikita Khrushchev", "keys": ["khrushchev", "khruschev"]}])
    score = evaluate(spec, g)
    assert (score.persons.found, score.persons.correct, score.persons.output) == (1, 1, 3)
    assert [d.text for d in score.persons.duplicates] == ["Khruschev"]
    assert [s.text for s in score.persons.spurious] == ["Mayo"]
    assert score.persons.precision == pytest.approx(1 / 3)


def test_tenures_by_holder_and_office_words_with_dates() -> None:
    g = Graph()
    a = person(g, "a", "Anna Berg")
    t = tenure(g, "t", a, office(g, "o", "Minister of Defence of Ostland"), rule="tenure.title")
    g.add((t, H.startDate, Literal("1950-03-01", datatype=XSD_DATE)))
    tenure(g, "u", a, office(g, "p", "Premier of Ostland"), rule="tenure.title")
    tenure(g, "v", a, office(g, "q", "Ambassador to Mongolia"))
    spec = gold(
        tenures=[
            {"id": "T1", "holder": "berg", "office": [["defen", "minister"]], "start": "1950"},
            {"id": "T2", "holder": "berg", "office": [["ambassador", "mongolia"]], "end": "1960"},
        ]
    )
    score = evaluate(spec, g)
    assert (score.tenures.found, score.tenures.correct, score.tenures.output) == (2, 2, 3)
    assert score.tenures.dates == (1, 2)
    assert [s.text for s in score.tenures.spurious] == ["Anna Berg / Premier of Ostland"]
    tallies = {(t.rule, t.category): t for t in by_rule([score])}
    assert (tallies["tenure.title", "tenures"].correct, tallies["tenure.title", "tenures"].spurious) == (1, 1)  # fmt: skip
    assert tallies["(none)", "tenures"].produced == 1
    assert tallies["(none)", "tenures"].precision == 1.0


def test_declared_subclasses_of_event_classes_are_events() -> None:
    g = Graph()
    g.add((H.Purge, RDFS.subClassOf, H.Removal))
    g.add((ID["event/p"], RDF.type, H.Purge))
    assert evaluate(gold(), g).events.output == 1


def test_macro_f1_counts_only_categories_with_gold_items() -> None:
    g = Graph()
    person(g, "a", "Anna Berg")
    score = evaluate(gold(persons=[{"name": "Anna Berg", "keys": ["berg"]}]), g)
    assert score.macro_f1 == 1.0
    assert (score.events.precision, score.events.recall) == (1.0, 1.0)


# --- the gold format ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ([], "must be an object"),
        ({"note": "x"}, "no 'persons'"),
        ({"persons": [{"name": "A"}]}, "persons[0]: 'keys' is missing"),
        ({"persons": [{"name": "A", "keys": ["..."]}]}, "persons[0].keys[0]"),
        ({"tenures": [{"id": "T1", "holder": "a", "office": ["first"]}]}, "tenures[0].office[0]"),
        ({"events": [{"id": "E", "what": "w", "types": ["Coup"]}]}, "'Coup' is not one of"),
        ({"events": [{"id": "E", "what": "w", "types": ["Arrest"], "date": "May 1957"}]}, "ISO"),
        ({"neutral_events": [{}], "events": []}, "neutral_events[0]: needs a 'date'"),
    ],
)
def test_gold_format_errors_name_the_place(data: Any, where: str) -> None:
    with pytest.raises(GoldFormatError, match=None) as info:
        parse_gold(data)
    assert where in str(info.value)


def test_gold_file_errors_are_source_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"persons": [\n', encoding="utf-8")
    with pytest.raises(SourceError, match=r"bad\.json:2: not JSON"):
        load_gold(bad)
    with pytest.raises(SourceError, match="no such gold file"):
        load_gold(tmp_path / "none.json")


# --- the command --------------------------------------------------------------------------


@pytest.fixture
def tiny(tmp_path: Path) -> tuple[Path, Path, Path]:
    g = Graph()
    a = person(g, "a", "Anna Berg")
    person(g, "b", "Karl Dorn")
    event(g, "e", "Arrest", "1950-02-01", rule="arrest.verb", affected=[a])
    event(g, "f", "Death", "1951", affected=[a])
    graph_file = tmp_path / "graph.ttl"
    g.serialize(graph_file, format="turtle")
    one = tmp_path / "one.json"
    one.write_text(json.dumps(gold(
        article="One", persons=[{"name": "Anna Berg", "keys": ["berg"]}],
        events=[{"id": "E1", "what": "Berg arrested", "types": ["Arrest"], "date": "1950", "affected": ["berg"]}],
    )), encoding="utf-8")  # fmt: skip
    two = tmp_path / "two.json"
    two.write_text(json.dumps(gold(
        article="Two", persons=[{"name": "Karl Dorn", "keys": ["dorn"]}, {"name": "Eva Lind", "keys": ["lind"]}],
    )), encoding="utf-8")  # fmt: skip
    return graph_file, one, two


def test_cli_evaluate_prints_figures_items_average_and_rules(
    tiny: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    graph_file, one, two = tiny
    out = tmp_path / "scores.json"
    args = ["evaluate", str(graph_file), str(one), str(two), "--json", str(out), "--by-rule"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "spurious events (1):\n    Death 1951: " in result.output
    assert "missing persons (1):\n    Eva Lind" in result.output
    assert "macro average over 2 gold files" in result.output
    assert "arrest.verb" in result.output and "(none)" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [g["gold"] for g in data["golds"]] == ["One", "Two"]
    assert data["golds"][0]["events"]["precision"] == 0.5
    quiet = CliRunner().invoke(main, ["evaluate", str(graph_file), str(one), "-q"])
    assert "spurious" not in quiet.output and "events" in quiet.output


def test_cli_evaluate_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["evaluate", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "histkg evaluate" in result.output


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (None, "no such gold file"),
        ("{nope", "not JSON"),
        ('{"persons": 3}', "not in the gold format: persons: must be a list"),
    ],
)
def test_cli_evaluate_errors_are_one_line(
    tiny: tuple[Path, Path, Path], tmp_path: Path, content: str | None, fragment: str
) -> None:
    graph_file, _one, _two = tiny
    bad = tmp_path / "bad.json"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(graph_file), str(bad)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"histkg: error: {bad}")
    assert fragment in lines[0]
    assert "Traceback" not in result.output


def test_cli_evaluate_build_dir_without_graph(
    tmp_path: Path, tiny: tuple[Path, Path, Path]
) -> None:
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path / "empty"), str(tiny[1])])
    assert result.exit_code == 2
    assert "no such graph file or build folder" in result.output
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path / "empty"), str(tiny[1])])
    assert result.exit_code == 2
    assert "no graph.trig or graph.nq" in result.output
