"""Which records are one event (invented articles): a person dies once, an appointment by
someone is not an office taken without one, a general election told twice is one."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, RDFS, Namespace

from histkg import build

HKG = Namespace("https://w3id.org/histkg/ontology#")

ARTICLE = """= Karl Ostrov =

Karl Ostrov (2 May 1901 – 4 April 1951) was a Velorian politician. He founded the Velorian
Labour League and led it until his death. He was arrested in 1949, sentenced to death in 1950 and hanged
in Tarn on 4 April 1951.
"""


def test_a_death_and_an_execution_of_one_person_are_one_event(tmp_path: Path) -> None:
    (tmp_path / "ostrov.txt").write_text(ARTICLE, encoding="utf-8")
    graph = build([tmp_path]).graph
    ends = sorted(
        str(graph.value(e, RDFS.label))
        for kind in (HKG.Death, HKG.Execution)
        for e in set(graph.subjects(RDF.type, kind))
    )
    ends = sorted(set(ends))
    assert ends == ["Execution of Karl Ostrov (1951-04-04)"], ends


APPOINTMENTS = """= Ivo Renner =

Ivo Renner (2 May 1901 – 4 April 1971) was a Velorian banker. In 1931 he became a director
of the Velorian National Bank. He was then appointed by President Anton Hess to a commission
on war claims.
"""


def test_an_appointment_by_someone_is_not_an_office_taken_without_one(tmp_path: Path) -> None:
    (tmp_path / "renner.txt").write_text(APPOINTMENTS, encoding="utf-8")
    graph = build([tmp_path]).graph
    appointments = set(graph.subjects(RDF.type, HKG.Appointment))
    directed = [e for e in appointments if graph.value(e, HKG.office) is not None]
    assert directed, sorted(str(graph.value(e, RDFS.label)) for e in appointments)
    for e in directed:  # the directorship has no appointer
        assert graph.value(e, HKG.agent) is None, graph.value(e, RDFS.label)


ELECTIONS = """= Velor Labour League =

The Velor Labour League was a party of Velor. It won the general election of 18 April 1948
with Anna Berg as its leader. After the general election of 1948, the league formed a
government.
"""


def test_a_general_election_told_twice_is_one_event(tmp_path: Path) -> None:
    (tmp_path / "league.txt").write_text(ELECTIONS, encoding="utf-8")
    graph = build([tmp_path]).graph
    elections = set(graph.subjects(RDF.type, HKG.Election))
    assert len(elections) == 1, sorted(str(graph.value(e, RDFS.label)) for e in elections)


SURVIVED = """= Ruritanian crisis =

On 9 April 1960 Anton Hess was shot in the chest by Karl Brun. Hess was re-elected
Prime Minister in 1961. On 6 September 1966 Hess was assassinated by Otto Lenz. In 1990
Karl Brun was rehabilitated.
"""


def test_a_death_the_person_lives_on_after_is_left_out_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "crisis.txt").write_text(SURVIVED, encoding="utf-8")
    result = build([tmp_path])
    deaths = sorted(
        str(result.graph.value(e, RDFS.label))
        for e in set(result.graph.subjects(RDF.type, HKG.Death))
    )
    assert deaths == ["Death of Anton Hess (1966-09-06)"], deaths
    assert [w.code for w in result.warnings if w.code == "W402"] == ["W402"], result.warnings
