"""What the seed build must contain: persons, tenures, events, the faction, references.

The expectations are read off the seed articles by hand; nothing in src/ knows them.
"""

from __future__ import annotations

from collections import Counter

from histkg import BuildResult
from tests.conftest import select

PERSONS = {
    "Georgy Malenkov",
    "Vyacheslav Molotov",
    "Lazar Kaganovich",
    "Dmitri Shepilov",
    "Nikita Khrushchev",
    "Nikolai Bulganin",
    "Georgy Zhukov",
    "Joseph Stalin",
    "Leonid Brezhnev",
    "Mao Zedong",
    "Voroshilov",
    "Pervukhin",
    "Saburov",
    "Mikoyan",
    "Suslov",
    "Kirichenko",
}


def labels_of(build: BuildResult, cls: str) -> list[str]:
    rows = select(build.graph, f"SELECT ?l WHERE {{ ?x a hkg:{cls} ; rdfs:label ?l }}")
    return sorted(r[0] for r in rows)


def test_seed_graph_conforms(seed_build: BuildResult) -> None:
    assert seed_build.report.conforms, seed_build.report.violations


def test_seed_graph_persons_exactly_once(seed_build: BuildResult) -> None:
    labels = labels_of(seed_build, "Person")
    assert Counter(labels).most_common(1)[0][1] == 1, "a person has two nodes"
    assert set(labels) == PERSONS


def test_seed_graph_spelling_variant_is_an_alt_label(seed_build: BuildResult) -> None:
    rows = select(
        seed_build.graph,
        'SELECT ?alt WHERE { ?p rdfs:label "Nikita Khrushchev"@en ; skos:altLabel ?alt }',
    )
    assert {r[0] for r in rows} >= {"Khrushchev", "Khruschev"}


def test_seed_graph_given_and_family_names(seed_build: BuildResult) -> None:
    rows = select(
        seed_build.graph,
        'SELECT ?g ?f WHERE { ?p rdfs:label "Georgy Malenkov"@en ; hkg:givenName ?g ; hkg:familyName ?f }',
    )
    assert rows == [("Georgy", "Malenkov")]


def test_seed_graph_tenures(seed_build: BuildResult) -> None:
    rows = select(
        seed_build.graph,
        """SELECT ?who ?office WHERE { ?t a hkg:Tenure ; hkg:holder/rdfs:label ?who ;
                                       hkg:office/rdfs:label ?office }""",
    )
    tenures = set(rows)
    expected = {
        ("Georgy Malenkov", "Premier of the Soviet Union"),
        ("Vyacheslav Molotov", "Premier of the Soviet Union"),
        ("Lazar Kaganovich", "First Deputy Premier of the Soviet Union"),
        ("Dmitri Shepilov", "Minister of Foreign Affairs of the Soviet Union"),
        ("Nikolai Bulganin", "Premier of the Soviet Union"),
        ("Nikita Khrushchev", "Premier of the Soviet Union"),
        ("Nikita Khrushchev", "First Secretary of the Communist Party of the Soviet Union"),
        ("Georgy Zhukov", "Minister of Defence of the Soviet Union"),
        ("Vyacheslav Molotov", "Ambassador to Mongolia"),
        ("Georgy Malenkov", "Director of a hydroelectric plant in Kazakhstan"),
        ("Lazar Kaganovich", "Director of a small potash works in the Urals"),
    }
    assert expected <= tenures
    assert len(rows) == len(tenures), "a tenure has two nodes"
    shepilov = [o for who, o in tenures if who == "Dmitri Shepilov" and o.startswith("Head of")]
    assert len(shepilov) == 1, "both seeds' wording of Shepilov's post must give one tenure"


def test_seed_graph_premier_succession(seed_build: BuildResult) -> None:
    rows = select(
        seed_build.graph,
        """SELECT ?who ?start ?end ?pred ?succ WHERE {
             ?t hkg:office/rdfs:label "Premier of the Soviet Union"@en ; hkg:holder/rdfs:label ?who .
             OPTIONAL { ?t hkg:startDate ?start } OPTIONAL { ?t hkg:endDate ?end }
             OPTIONAL { ?t hkg:predecessor/rdfs:label ?pred } OPTIONAL { ?t hkg:successor/rdfs:label ?succ }
           }""",
    )
    by_who = {r[0]: r[1:] for r in rows}
    assert by_who["Nikolai Bulganin"] == ("", "1958", "", "Nikita Khrushchev")
    assert by_who["Nikita Khrushchev"] == ("1958", "", "Nikolai Bulganin", "")


def test_seed_graph_events_by_kind_and_date(seed_build: BuildResult) -> None:
    rows = select(
        seed_build.graph,
        """SELECT ?kind ?date WHERE { ?e a hkg:Event ; a ?t . FILTER(?t != hkg:Event)
             BIND(STRAFTER(STR(?t), "#") AS ?kind) OPTIONAL { ?e hkg:date ?date } }""",
    )
    events = Counter(rows)
    expected = [
        ("CoupAttempt", "1957-06"),
        ("Vote", "1957-06-18"),
        ("Meeting", "1957-06-22"),
        ("Decree", "1957-06-29"),
        ("Removal", "1957-06-29"),
        ("Resignation", "1958"),
        ("Appointment", "1958"),
        ("Expulsion", "1961"),
        ("Removal", "1961"),
        ("Reinstatement", "1976"),
        ("Agreement", "1957-10"),
        ("Meeting", "1956"),
        ("Speech", "1956"),
    ]
    for event in expected:
        assert events[event] == 1, f"{event} found {events[event]} times"
    assert events[("Appointment", "")] == 4


def test_seed_graph_vote(seed_build: BuildResult) -> None:
    g = seed_build.graph
    base = '?v a hkg:Vote ; hkg:date "1957-06-18"^^xsd:date'
    counts = select(
        g,
        f"SELECT ?f ?a ?o ?m WHERE {{ {base} ; hkg:votesFor ?f ; hkg:votesAgainst ?a ; hkg:outcome ?o ; hkg:motion ?m }}",
    )
    assert counts == [
        (
            "7",
            "4",
            "passed",
            "to replace Khrushchev as First Secretary with Premier Nikolai Bulganin",
        )
    ]
    voted_for = {
        r[0] for r in select(g, f"SELECT ?n WHERE {{ {base} ; hkg:votedFor/rdfs:label ?n }}")
    }
    against = {
        r[0] for r in select(g, f"SELECT ?n WHERE {{ {base} ; hkg:votedAgainst/rdfs:label ?n }}")
    }
    assert voted_for == {
        "Georgy Malenkov",
        "Vyacheslav Molotov",
        "Lazar Kaganovich",
        "Nikolai Bulganin",
        "Voroshilov",
        "Pervukhin",
        "Saburov",
    }
    assert against == {"Nikita Khrushchev", "Mikoyan", "Suslov", "Kirichenko"}
    body = select(g, f"SELECT ?b WHERE {{ {base} ; hkg:organization/rdfs:label ?b }}")
    assert body == [("Presidium of the CPSU Central Committee",)]


def test_seed_graph_roles(seed_build: BuildResult) -> None:
    g = seed_build.graph
    rows = select(
        g,
        """SELECT ?agent ?affected WHERE { ?e a hkg:Removal ; hkg:date "1961"^^xsd:gYear ;
                         hkg:agent/rdfs:label ?agent ; hkg:affected/rdfs:label ?affected }""",
    )
    assert rows == [("Nikita Khrushchev", "Georgy Zhukov")]
    rows = select(
        g,
        """SELECT ?agent ?affected ?org WHERE { ?e a hkg:Reinstatement ;
                         hkg:agent/rdfs:label ?agent ; hkg:affected/rdfs:label ?affected ;
                         hkg:organization/rdfs:label ?org }""",
    )
    assert rows == [("Leonid Brezhnev", "Dmitri Shepilov", "Communist Party of the Soviet Union")]
    rows = select(
        g,
        """SELECT ?agent ?affected ?outcome WHERE { ?e a hkg:CoupAttempt ;
                         hkg:agent/rdfs:label ?agent ; hkg:affected/rdfs:label ?affected ; hkg:outcome ?outcome }""",
    )
    assert rows == [("Anti-Party Group", "Nikita Khrushchev", "failed")]
    rows = select(g, """SELECT ?d WHERE { ?r a hkg:Removal ; hkg:partOf ?d . ?d a hkg:Decree }""")
    assert len(rows) == 1


def test_seed_graph_faction_infobox(seed_build: BuildResult) -> None:
    g = seed_build.graph
    faction = '?f a hkg:Faction ; rdfs:label "Anti-Party Group"@en'
    leaders = {
        r[0] for r in select(g, f"SELECT ?n WHERE {{ {faction} ; hkg:leader/rdfs:label ?n }}")
    }
    assert leaders == {
        "Georgy Malenkov",
        "Lazar Kaganovich",
        "Vyacheslav Molotov",
        "Dmitri Shepilov",
    }
    ideology = {r[0] for r in select(g, f"SELECT ?i WHERE {{ {faction} ; hkg:ideology ?i }}")}
    assert ideology == {
        "Communism",
        "Marxism–Leninism",
        "Stalinism",
        "Anti-revisionism",
        "Soviet patriotism",
    }
    assert "class=nowrap" not in ideology
    rows = select(
        g,
        f"""SELECT ?pos ?party ?country ?body ?seats WHERE {{ {faction} ;
        hkg:politicalPosition ?pos ; hkg:parentOrganization/rdfs:label ?party ; hkg:country/rdfs:label ?country ;
        hkg:seatsIn/rdfs:label ?body ; hkg:seatCount ?seats }}""",
    )
    assert rows == [
        ("Far-left", "Communist Party of the Soviet Union", "Soviet Union", "Politburo", "7")
    ]
    native = select(
        g, f'SELECT ?a WHERE {{ {faction} ; skos:altLabel ?a FILTER(LANG(?a) = "ru") }}'
    )
    assert len(native) == 2 and all("группа" in a[0].lower() for a in native)


def test_seed_graph_organizations_merged(seed_build: BuildResult) -> None:
    parties = labels_of(seed_build, "PoliticalParty")
    assert parties == ["Communist Party of China", "Communist Party of the Soviet Union"]
    bodies = labels_of(seed_build, "GoverningBody")
    assert bodies == [
        "Central Committee of the CPSU",
        "Politburo",
        "Presidium of the CPSU Central Committee",
    ]


def test_seed_graph_references(seed_build: BuildResult) -> None:
    g = seed_build.graph
    rows = select(
        g,
        """SELECT ?title ?creator ?year WHERE { ?d hkg:cites ?w . ?w hkg:title ?title .
                        OPTIONAL { ?w hkg:creatorName ?creator } OPTIONAL { ?w hkg:published ?year } }""",
    )
    assert len({r[0] for r in rows}) == 8
    assert (
        "Executive Power and Soviet Politics: The Rise and Decline of the Soviet State",
        "Huskey, Eugene",
        "1992",
    ) in rows
    ids = select(
        g, "SELECT ?i ?s ?j WHERE { ?w hkg:issn ?s ; hkg:jstor ?j . OPTIONAL { ?w hkg:isbn ?i } }"
    )
    assert ids == [("", "1252-6576", "20171129")]
    isbns = {r[0] for r in select(g, "SELECT ?i WHERE { ?w hkg:isbn ?i }")}
    assert isbns == {"978-0-312-12365-9", "978-1-56324-059-1", "5-264-00505-2"}


def test_seed_graph_coded_warnings(seed_build: BuildResult) -> None:
    codes = Counter(w.code for w in seed_build.warnings)
    assert codes["W103"] == 1  # class=nowrap dropped from the infobox, said out loud
    assert codes["W201"] == 2  # "that year" resolved from the article's main event
