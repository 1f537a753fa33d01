"""An article histkg has never seen (invented, sectioned format): what it must find in it."""

from __future__ import annotations

from collections import Counter

from histkg import BuildResult
from tests.conftest import select


def test_generalization_conforms(varga_build: BuildResult) -> None:
    assert varga_build.report.conforms, varga_build.report.violations


def test_generalization_persons(varga_build: BuildResult) -> None:
    rows = select(varga_build.graph, "SELECT ?l WHERE { ?p a hkg:Person ; rdfs:label ?l }")
    assert sorted(r[0] for r in rows) == sorted(
        [
            "Istvan Varga",
            "Pal Kertesz",
            "Janos Halmi",
            "Laszlo Bodnar",
            "Fekete",
            "Szabo",
            "Toth",
            "Nagy",
            "Kiss",
            "Farkas",
        ]
    )


def test_generalization_tenures(varga_build: BuildResult) -> None:
    rows = select(
        varga_build.graph,
        """SELECT ?who ?office ?start ?end WHERE { ?t a hkg:Tenure ; hkg:holder/rdfs:label ?who ;
             hkg:office/rdfs:label ?office OPTIONAL { ?t hkg:startDate ?start } OPTIONAL { ?t hkg:endDate ?end } }""",
    )
    assert set(rows) == {
        ("Janos Halmi", "General Secretary of the Hungarian Socialist Workers' Party", "", ""),
        ("Istvan Varga", "Prime Minister of Hungary", "", ""),
        ("Pal Kertesz", "Minister of the Interior of Hungary", "", ""),
        ("Laszlo Bodnar", "Prime Minister of Hungary", "", "1964"),
        ("Janos Halmi", "Prime Minister of Hungary", "1964", ""),
        ("Istvan Varga", "Ambassador to Cuba", "", ""),
    }


def test_generalization_events(varga_build: BuildResult) -> None:
    rows = select(
        varga_build.graph,
        """SELECT ?kind ?date ?who WHERE { ?e a hkg:Event ; a ?t . FILTER(?t != hkg:Event)
             BIND(STRAFTER(STR(?t), "#") AS ?kind) OPTIONAL { ?e hkg:date ?date }
             OPTIONAL { ?e hkg:affected/rdfs:label ?who } }""",
    )
    events = Counter(rows)
    for expected in [
        ("CoupAttempt", "1962-03", "Janos Halmi"),
        ("Vote", "1962-03-03", ""),
        ("Meeting", "1962-03-09", ""),
        ("Expulsion", "1963", "Istvan Varga"),
        ("Expulsion", "1963", "Pal Kertesz"),
        ("Arrest", "1963-05-02", "Pal Kertesz"),
        ("Sentencing", "1963", "Pal Kertesz"),  # the year of the arrest it is joined to
        ("Resignation", "1964", "Laszlo Bodnar"),
        ("Appointment", "1964", "Janos Halmi"),
        ("Appointment", "1964", "Istvan Varga"),  # the year of the sentence before
        ("Reinstatement", "1972", "Pal Kertesz"),
    ]:
        assert events[expected] == 1, expected
    assert len({r for r in rows}) == 11


def test_generalization_failed_vote(varga_build: BuildResult) -> None:
    g = varga_build.graph
    rows = select(
        g,
        """SELECT ?for ?against ?outcome ?body ?agent WHERE { ?v a hkg:Vote ; hkg:votesFor ?for ;
                      hkg:votesAgainst ?against ; hkg:outcome ?outcome ; hkg:organization/rdfs:label ?body ;
                      hkg:agent/rdfs:label ?agent }""",
    )
    assert rows == [("4", "6", "failed", "Politburo", "Varga Group")]
    voted_for = {r[0] for r in select(g, "SELECT ?n WHERE { ?v hkg:votedFor/rdfs:label ?n }")}
    assert voted_for == {"Istvan Varga", "Pal Kertesz", "Laszlo Bodnar", "Fekete"}
    against = {r[0] for r in select(g, "SELECT ?n WHERE { ?v hkg:votedAgainst/rdfs:label ?n }")}
    assert len(against) == 6 and "Janos Halmi" in against


def test_generalization_succession(varga_build: BuildResult) -> None:
    rows = select(
        varga_build.graph,
        """SELECT ?pred WHERE { ?t hkg:holder/rdfs:label "Janos Halmi"@en ;
             hkg:office/rdfs:label "Prime Minister of Hungary"@en ; hkg:predecessor/rdfs:label ?pred }""",
    )
    assert rows == [("Laszlo Bodnar",)]


def test_generalization_infobox(varga_build: BuildResult) -> None:
    rows = select(
        varga_build.graph,
        """SELECT ?party ?country WHERE { ?f a hkg:Faction ; hkg:parentOrganization/rdfs:label ?party ;
             hkg:country/rdfs:label ?country }""",
    )
    assert rows == [("Hungarian Socialist Workers' Party", "Hungary")]


# --- a coup, told differently (tests/articles/ghana_coup_1974.txt, invented people) ------


def test_generalization_coup_events(ghana_build: BuildResult) -> None:
    assert ghana_build.report.conforms, ghana_build.report.violations
    rows = select(
        ghana_build.graph,
        """SELECT ?kind ?date ?who WHERE { ?e a hkg:Event ; a ?t . FILTER(?t != hkg:Event)
             BIND(STRAFTER(STR(?t), "#") AS ?kind) OPTIONAL { ?e hkg:date ?date }
             OPTIONAL { ?e hkg:affected/rdfs:label ?who } }""",
    )
    assert set(rows) == {
        ("CoupAttempt", "1974-03-12", "Daniel Mensah"),
        ("Appointment", "1969", "Daniel Mensah"),
        ("Resignation", "1969", "Samuel Boateng"),
        ("Removal", "1972", "Kofi Owusu"),
        ("Arrest", "1972-06", "Kofi Owusu"),
        ("Arrest", "1974-03-13", "Kwame Asante"),
        ("Resignation", "1974-03-15", "Ama Sarpong"),
        ("Trial", "1974-05", "Kwame Asante"),
        ("Sentencing", "1974", "Kwame Asante"),  # the year of the verb joined to it
        ("Execution", "1974-07-02", "Kwame Asante"),
        ("Appointment", "1974", "Yaw Darko"),  # the year of the sentence before
        ("Release", "1975", "Kofi Owusu"),
        ("Reinstatement", "1979", "Kofi Owusu"),
    }


def test_generalization_coup_roles(ghana_build: BuildResult) -> None:
    rows = select(
        ghana_build.graph,
        """SELECT ?agent ?outcome WHERE { ?e a hkg:CoupAttempt ; hkg:agent/rdfs:label ?agent ;
             hkg:outcome ?outcome }""",
    )
    assert rows == [("Kwame Asante", "failed")]
    rows = select(
        ghana_build.graph,
        """SELECT ?agent WHERE { ?e a hkg:Removal ; hkg:agent/rdfs:label ?agent }""",
    )
    assert rows == [("Daniel Mensah",)], "'he dismissed' is the previous sentence's subject"


def test_generalization_coup_successions(ghana_build: BuildResult) -> None:
    rows = select(
        ghana_build.graph,
        """SELECT ?who ?office ?pred ?succ WHERE { ?t a hkg:Tenure ; hkg:holder/rdfs:label ?who ;
             hkg:office/rdfs:label ?office
             OPTIONAL { ?t hkg:predecessor/rdfs:label ?pred } OPTIONAL { ?t hkg:successor/rdfs:label ?succ } }""",
    )
    assert set(rows) == {
        ("Daniel Mensah", "President of Ghana", "Samuel Boateng", ""),
        ("Samuel Boateng", "President of Ghana", "", "Daniel Mensah"),
        ("Kofi Owusu", "Chief of the General Staff of Ghana", "", ""),
        ("Ama Sarpong", "Minister of Defence of Ghana", "", "Yaw Darko"),
        ("Yaw Darko", "Minister of Defence of Ghana", "Ama Sarpong", ""),
    }


# --- plain text, names with diacritics (tests/articles/wrobel_faction_plain.txt) -----------


def test_generalization_plain_text_with_diacritics() -> None:
    from histkg import build
    from tests.conftest import ARTICLES

    result = build([ARTICLES / "wrobel_faction_plain.txt"])
    assert result.report.conforms, result.report.violations
    g = result.graph
    persons = {r[0] for r in select(g, "SELECT ?l WHERE { ?p a hkg:Person ; rdfs:label ?l }")}
    assert persons == {"Zbigniew Wróbel", "Tadeusz Kałuża", "Józef Nowicki", "Edward Mazur"}
    leaders = {
        r[0] for r in select(g, "SELECT ?l WHERE { ?f a hkg:Faction ; hkg:leader/rdfs:label ?l }")
    }
    assert leaders == {"Zbigniew Wróbel", "Tadeusz Kałuża"}
    events = set(
        select(
            g,
            """SELECT ?kind ?date ?who ?office WHERE { ?e a hkg:Event ; a ?t . FILTER(?t != hkg:Event)
                 BIND(STRAFTER(STR(?t), "#") AS ?kind) OPTIONAL { ?e hkg:date ?date }
                 OPTIONAL { ?e hkg:affected/rdfs:label ?who } OPTIONAL { ?e hkg:office/rdfs:label ?office } }""",
        )
    )
    assert events == {
        ("Removal", "1956-10", "Zbigniew Wróbel", "Minister of the Interior of Poland"),
        ("Removal", "1957", "Tadeusz Kałuża", ""),
        ("Arrest", "1958", "Tadeusz Kałuża", ""),
        ("Death", "1960-05-03", "Zbigniew Wróbel", ""),
        (
            "Resignation",
            "1961",
            "Józef Nowicki",
            "First Secretary of the Polish United Workers' Party",
        ),
        ("Election", "1961", "Edward Mazur", "First Secretary of the Polish United Workers' Party"),
    }
    succession = select(
        g,
        """SELECT ?pred WHERE { ?t hkg:holder/rdfs:label "Edward Mazur"@en ; hkg:predecessor/rdfs:label ?pred }""",
    )
    assert succession == [("Józef Nowicki",)]


def test_generalization_served_replaced_and_congress() -> None:
    """tests/articles/blue_faction_plain.txt: "served as … from … to", "replaced … as", a party congress."""
    from histkg import build
    from tests.conftest import ARTICLES

    result = build([ARTICLES / "blue_faction_plain.txt"])
    assert result.report.conforms, result.report.violations
    rows = set(
        select(
            result.graph,
            """SELECT ?who ?office ?start ?end ?pred ?succ WHERE { ?t a hkg:Tenure ; hkg:holder/rdfs:label ?who ;
                 hkg:office/rdfs:label ?office OPTIONAL { ?t hkg:startDate ?start } OPTIONAL { ?t hkg:endDate ?end }
                 OPTIONAL { ?t hkg:predecessor/rdfs:label ?pred } OPTIONAL { ?t hkg:successor/rdfs:label ?succ } }""",
        )
    )
    assert rows == {
        ("Anna Berg", "Prime Minister", "1950", "1955", "", "Karl Weiss"),
        ("Karl Weiss", "Prime Minister", "1955", "", "Anna Berg", ""),
        ("Karl Weiss", "Minister of Finance", "", "1954", "", ""),
        ("Karl Weiss", "General Secretary of the Workers' Party of Freedonia", "1956", "", "", ""),
    }
    congress = select(
        result.graph,
        """SELECT ?name ?date WHERE { ?e a hkg:Election ; hkg:partOf ?m . ?m hkg:name ?name ; hkg:date ?date }""",
    )
    assert congress == [("3rd Congress of the Workers' Party of Freedonia", "1956")]


def test_generalization_successful_coup() -> None:
    """tests/articles/daravia_coup_1966.txt: "A was overthrown in a coup led by B", "B seized power
    and became Head of State", "A was arrested and later executed"."""
    from histkg import build
    from tests.conftest import ARTICLES

    result = build([ARTICLES / "daravia_coup_1966.txt"])
    assert result.report.conforms, result.report.violations
    events = set(
        select(
            result.graph,
            """SELECT ?kind ?date ?agent ?who WHERE { ?e a hkg:Event ; a ?t . FILTER(?t != hkg:Event)
                 BIND(STRAFTER(STR(?t), "#") AS ?kind) OPTIONAL { ?e hkg:date ?date }
                 OPTIONAL { ?e hkg:agent/rdfs:label ?agent } OPTIONAL { ?e hkg:affected/rdfs:label ?who } }""",
        )
    )
    assert events == {
        ("CoupAttempt", "1966-02-24", "Emeka Obi", "Tomas Adeyemi"),
        ("Removal", "1966-02-24", "Emeka Obi", "Tomas Adeyemi"),
        ("Appointment", "1966", "", "Emeka Obi"),  # the year of the sentence before
        ("Arrest", "", "", "Tomas Adeyemi"),
        ("Execution", "1966-05-09", "", "Tomas Adeyemi"),
    }


def test_generalization_event_infobox() -> None:
    """tests/articles/veltran_coup_attempt.txt: an infobox that describes a coup, not an organization."""
    from histkg import build
    from tests.conftest import ARTICLES

    result = build([ARTICLES / "veltran_coup_attempt.txt"])
    assert result.report.conforms, result.report.violations
    g = result.graph
    coups = select(
        g,
        """SELECT ?e ?name ?date ?target ?place ?outcome WHERE { ?e a hkg:CoupAttempt ; hkg:name ?name ;
             hkg:date ?date ; hkg:affected/rdfs:label ?target ; hkg:place/rdfs:label ?place ; hkg:outcome ?outcome }""",
    )
    assert len({r[0] for r in coups}) == 1, "the infobox's coup and the text's are one event"
    assert {r[1:] for r in coups} == {
        ("1971 Veltran coup d'état attempt", "1971-04-14", "Stefan Markov", "Bulgaria", "Failed")
    }
    organisers = {
        r[0]
        for r in select(g, "SELECT ?n WHERE { ?e a hkg:CoupAttempt ; hkg:agent/rdfs:label ?n }")
    }
    assert organisers == {"Ivan Dorev", "Petar Lazov"}
    persons = {r[0] for r in select(g, "SELECT ?n WHERE { ?p a hkg:Person ; rdfs:label ?n }")}
    assert persons == {"Ivan Dorev", "Petar Lazov", "Stefan Markov"}, (
        "no person made of the title's words"
    )
    assert not select(
        g,
        'SELECT ?o WHERE { ?o a hkg:Organization ; rdfs:label "1971 Veltran coup d\'état attempt"@en }',
    )
    deaths = select(g, "SELECT ?n WHERE { ?e a hkg:Death ; hkg:affected/rdfs:label ?n }")
    assert deaths == [("Petar Lazov",)]


def test_generalization_passive_succession_and_body_actions() -> None:
    """tests/articles/ostland_struggle_plain.txt: "A was succeeded by B as O", "the Politburo met …
    and removed X's rival C from the Politburo", "C's arrest followed in 1954"."""
    from histkg import build
    from tests.conftest import ARTICLES

    result = build([ARTICLES / "ostland_struggle_plain.txt"])
    assert result.report.conforms, result.report.violations
    g = result.graph
    tenures = set(
        select(
            g,
            """SELECT ?who ?pred ?succ WHERE { ?t a hkg:Tenure ; hkg:holder/rdfs:label ?who ;
                 OPTIONAL { ?t hkg:predecessor/rdfs:label ?pred } OPTIONAL { ?t hkg:successor/rdfs:label ?succ } }""",
        )
    )
    assert tenures == {("Jan Holm", "", "Erik Lund"), ("Erik Lund", "Jan Holm", "")}
    events = set(
        select(
            g,
            """SELECT ?kind ?date ?agent ?who WHERE { ?e a hkg:Event ; a ?t . FILTER(?t != hkg:Event)
                 BIND(STRAFTER(STR(?t), "#") AS ?kind) OPTIONAL { ?e hkg:date ?date }
                 OPTIONAL { ?e hkg:agent/rdfs:label ?agent } OPTIONAL { ?e hkg:affected/rdfs:label ?who } }""",
        )
    )
    assert events == {
        ("Death", "1953-03-03", "", "Jan Holm"),
        ("Meeting", "1953-03-12", "", ""),
        ("Removal", "1953-03-12", "Politburo", "Anders Dahl"),
        ("Arrest", "1954", "", "Anders Dahl"),
        ("Appointment", "1953", "", "Erik Lund"),  # "Holm was succeeded by Erik Lund as Premier"
    }
