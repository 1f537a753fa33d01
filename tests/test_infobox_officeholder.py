"""Infoboxes read by their template: a person's officeholder infobox gives tenures with
their dates, predecessors and successors, the heads served under, the death, the party
and the birth name; keys are matched whatever their case, spacing or number.

Every infobox here is invented (people, offices and a country that do not exist).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from histkg import BuildResult, build
from histkg.errors import SourceError
from histkg.extract.infobox import (
    InfoboxRecords,
    clean_office,
    infobox_kind,
    lookup,
    person_name,
    read_box,
    read_dates,
    tables,
)
from histkg.model import Date, TenureRecord
from histkg.sources import read_article
from histkg.sources.sectioned import read_sectioned
from tests.conftest import select

WELLAND = """= Tomas Welland =

Sir Tomas Welland | honorific-suffix = KBE
- Birth Name: Tomas Aurel van der Welland
- Order: 7th
- Office: Register of ministers of NordmarkMinister of Foreign Affairs of Nordmark
- Term Start: 3 March 1931
- Term End: 18 September 1934
- Premier: Halvard Brenn
- Predecessor: Osric Lamm
- Successor: Post abolished, (Edda Vint as Foreign Relations Commissioner)
- Office2: Chairman of the State Harbour Board
- Term2: 2–19 May 1929
- Deputy2: Piet Strom, Ulla Karsk Jr.
- Predecessor2: Position established
- Successor2: Hendrik Marr (acting)
- Term Start3: 1925
- Term End3: 31 February 1926
- office_4: 12th Member of the Nordmark Rowing Assembly
- TERM 4: 1920–24
- Death Date: 1950-06-30
- Death Place: Velden, Nordmark
- Death Cause: Execution by hanging
- Party: National Harbour Party (1919–1940)
- Mascot: Heron
- Mascot2: Owl

Tomas Welland was a harbour engineer from the northern coast of Nordmark.
"""

KORVAN = """= Ilse Korvan =

Ilse Korvan
- Office: Governor of the Eastern Province
- Term: 1 April 1938 – 30 November 1940
- Predecessor: Provincial Defence Council
- Successor: Rudo Banner
- Death Place: Arnhavn
- Spouse: Mattis Korvan

Ilse Korvan (12 January 1890 – 5 May 1952) was a civil servant of Nordmark.
"""


def _article(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def welland(tmp_path_factory: pytest.TempPathFactory) -> InfoboxRecords:
    path = _article(tmp_path_factory.mktemp("welland"), "tomas_welland.txt", WELLAND)
    return read_box(read_article(path))


@pytest.fixture(scope="module")
def korvan(tmp_path_factory: pytest.TempPathFactory) -> InfoboxRecords:
    path = _article(tmp_path_factory.mktemp("korvan"), "ilse_korvan.txt", KORVAN)
    return read_box(read_article(path))


def _own(records: InfoboxRecords) -> dict[str, TenureRecord]:
    assert records.subject is not None
    return {
        t.office.title: t
        for t in records.tenures
        if t.holder is records.subject and t.rule == "infobox.officeholder.office"
    }


def _iso(d: Date | None) -> str:
    return d.iso if d is not None else ""


# --- the reader ----------------------------------------------------------------------------


def test_infobox_officeholder_kind_and_subject(welland: InfoboxRecords) -> None:
    assert welland.kind == "officeholder"
    assert welland.subject is not None
    assert welland.subject.kind == "person"
    assert welland.subject.text == "Tomas Welland", "template residue and honorific stripped"


def test_infobox_officeholder_one_tenure_per_office_with_dates(welland: InfoboxRecords) -> None:
    own = _own(welland)
    assert {title: (_iso(t.start), _iso(t.end)) for title, t in own.items()} == {
        "Minister of Foreign Affairs": ("1931-03-03", "1934-09-18"),
        "Chairman": ("1929-05-02", "1929-05-19"),  # "2–19 May 1929": a range gives both ends
        "Member of the Nordmark Rowing Assembly": ("1920", "1924"),  # "1920–24"
    }


def test_infobox_officeholder_offices_resolve_to_lexicon_titles(welland: InfoboxRecords) -> None:
    own = _own(welland)
    minister = own["Minister of Foreign Affairs"].office
    assert (minister.scope, minister.place and minister.place.text) == ("state", "Nordmark")
    chairman = own["Chairman"].office
    assert (chairman.scope, chairman.org and chairman.org.text) == ("body", "State Harbour Board")
    member = own["Member of the Nordmark Rowing Assembly"].office
    assert member.scope == "post", "an office not in the lexicon is a post written as it stands"


def test_infobox_officeholder_predecessor_and_successor(welland: InfoboxRecords) -> None:
    own = _own(welland)
    minister = own["Minister of Foreign Affairs"]
    assert minister.predecessor is not None and minister.predecessor.text == "Osric Lamm"
    assert minister.successor is None, "'Post abolished' in the field: no successor"
    chairman = own["Chairman"]
    assert chairman.predecessor is None
    assert chairman.successor is not None and chairman.successor.text == "Hendrik Marr"


def test_infobox_officeholder_person_as_office_gets_a_tenure(welland: InfoboxRecords) -> None:
    others = {
        (t.holder.text, t.office.title, t.rule)
        for t in welland.tenures
        if t.holder is not welland.subject
    }
    assert others == {
        ("Edda Vint", "Foreign Relations Commissioner", "infobox.officeholder.successor_office"),
        ("Halvard Brenn", "Premier", "infobox.officeholder.served_under"),
    }
    premier = next(t for t in welland.tenures if t.holder.text == "Halvard Brenn")
    assert premier.office.place is not None and premier.office.place.text == "Nordmark"


def test_infobox_officeholder_people_named_become_persons(welland: InfoboxRecords) -> None:
    persons = {m.text for m in welland.mentions if m.kind == "person"}
    assert persons == {
        "Tomas Welland",
        "Osric Lamm",
        "Edda Vint",
        "Halvard Brenn",
        "Piet Strom",
        "Ulla Karsk Jr.",
        "Hendrik Marr",
    }


def test_infobox_officeholder_death_cause_makes_an_execution(welland: InfoboxRecords) -> None:
    (death,) = welland.events
    assert death.types == ["Execution"]
    assert _iso(death.date) == "1950-06-30"
    assert [m.text for m in death.affected] == ["Tomas Welland"]
    assert death.place is not None and death.place.text == "Velden"
    assert death.rule == "infobox.officeholder.execution"


def test_infobox_officeholder_party_membership_and_birth_name(welland: InfoboxRecords) -> None:
    ((party, members),) = [(o.subject, o.members) for o in welland.orgs]
    assert (party.text, party.org_class) == ("National Harbour Party", "PoliticalParty")
    assert [m.text for m in members] == ["Tomas Welland"]
    assert [(a.text, p.text) for a, p in welland.aliases] == [
        ("Tomas Aurel van der Welland", "Tomas Welland")
    ]


def test_infobox_officeholder_every_record_names_its_rule(welland: InfoboxRecords) -> None:
    assert all(t.rule.startswith("infobox.officeholder.") for t in welland.tenures)
    assert all(e.rule.startswith("infobox.officeholder.") for e in welland.events)


def test_infobox_officeholder_warnings(welland: InfoboxRecords) -> None:
    got = sorted((w.code, w.line) for w in welland.warnings)
    assert got == [
        ("W101", 25),  # Mascot; Mascot2 is the same unknown key: warned once
        ("W102", 11),  # 'Post abolished' is no person
        ("W102", 15),  # 'Position established' is no person
        ("W102", 17),  # term 3 has no office line: no tenure
        ("W202", 18),  # 31 February does not exist: no end date, never an ill-typed one
    ]
    assert not any(t.end and t.end.iso.startswith("1926") for t in welland.tenures)


def test_infobox_officeholder_non_person_neighbour_is_warned(korvan: InfoboxRecords) -> None:
    (tenure,) = _own(korvan).values()
    assert tenure.predecessor is None, "a council is not a predecessor person"
    assert tenure.successor is not None and tenure.successor.text == "Rudo Banner"
    assert (_iso(tenure.start), _iso(tenure.end)) == ("1938-04-01", "1940-11-30")
    assert [(w.code, w.line) for w in korvan.warnings] == [("W102", 6)]


def test_infobox_officeholder_death_date_from_the_lead(korvan: InfoboxRecords) -> None:
    (death,) = korvan.events
    assert death.types == ["Death"]
    assert _iso(death.date) == "1952-05-05", "no death date in the box: the lead's lifespan"
    assert death.place is not None and death.place.text == "Arnhavn"


# --- the general rules ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "base", "number"),
    [
        ("Office", "office", 0),
        ("office3", "office", 3),
        ("Term Start12", "termstart", 12),
        ("term_end_2", "termend", 2),
        ("PrimeMinister4", "primeminister", 4),
        ("Seats1 Title", "seats1title", 0),
    ],
)
def test_infobox_keys_fold_case_space_underscore_and_number(
    key: str, base: str, number: int
) -> None:
    t = tables()
    rule, n, found = lookup({**t.officeholder, **t.org}, key)
    assert rule is not None and (found, n) == (base, number)


def test_infobox_unknown_key_is_not_guessed() -> None:
    rule, _n, base = lookup(tables().officeholder, "Favourite Colour3")
    assert rule is None and base == "favouritecolour"


@pytest.mark.parametrize(
    ("label", "clean"),
    [
        ("List of mayors of OstvikMayor of Ostvik", "Mayor of Ostvik"),
        ("Harbour Board (Nordmark)Chairman of the Harbour Board", "Chairman of the Harbour Board"),
        ("3rd Minister of Fisheries", "Minister of Fisheries"),
        ("Minister of Fisheries", "Minister of Fisheries"),
        ("McAllister Prize Committee member", "McAllister Prize Committee member"),
    ],
)
def test_infobox_office_label_run_together_with_its_link(label: str, clean: str) -> None:
    assert clean_office(label) == clean


@pytest.mark.parametrize(
    ("value", "dates"),
    [
        ("4 March 1921 – 9 July 1923", ["1921-03-04", "1923-07-09"]),
        ("11–12 April 1909", ["1909-04-11", "1909-04-12"]),
        ("April 11–12, 1909", ["1909-04-11", "1909-04-12"]),
        ("March–May 1932", ["1932-03", "1932-05"]),
        ("30 April – 2 May 1909", ["1909-04-30", "1909-05-02"]),
        ("April 30 – May 2, 1909", ["1909-04-30", "1909-05-02"]),
        ("1921–24", ["1921", "1924"]),
        ("1921–1924", ["1921", "1924"]),
        ("1903-04-17", ["1903-04-17"]),
        ("(1912–8 June 1930)", ["1912", "1930-06-08"]),
        ("1930 – present", ["1930"]),
    ],
)
def test_infobox_date_ranges_give_both_ends(value: str, dates: list[str]) -> None:
    found, bad = read_dates(value)
    assert [d.iso for d in found] == dates and not bad


@pytest.mark.parametrize("value", ["30 February 1921", "1921-13-02", "1921-02-30"])
def test_infobox_impossible_date_is_flagged_not_typed(value: str) -> None:
    found, bad = read_dates(value)
    assert bad and found == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Osric Lamm", "Osric Lamm"),
        ("Anneke van der Holt", "Anneke van der Holt"),
        ("R. T. Sollen III", "R. T. Sollen III"),
        ("General Bram Tolle", "Bram Tolle"),
        ("Ivo Starr (acting)", "Ivo Starr"),
        ("B.K. VossWIA", "B.K. Voss"),
        ("Loma", "Loma"),
        ("Position established", None),
        ("National Harbour Junta", None),
        ("Provincial Defence Council", None),
        ("Himself", None),
        ("4 children", None),
    ],
)
def test_infobox_person_names(text: str, name: str | None) -> None:
    assert person_name(text) == name


def test_infobox_kinds(tmp_path: Path) -> None:
    org = _article(
        tmp_path, "o.txt", "= Blue Circle =\n\nBlue Circle\n- Leader: Anna Berg\n\nText.\n"
    )
    event = _article(
        tmp_path,
        "e.txt",
        "= Ostvik mutiny =\n\nInfobox\n- Conflict: Ostvik mutiny\n- Date: 2 May 1917\n"
        "- Commander1: Jens Orr\n- Commander2: Luka Fenn, Tarro\n\nText.\n",
    )
    person = _article(tmp_path, "p.txt", "= Jens Orr =\n\nJens Orr\n- Spouse: Ada Orr\n\nText.\n")
    assert [infobox_kind(read_article(p)) for p in (org, event, person)] == [
        "org",
        "event",
        "officeholder",
    ]
    box = read_box(read_article(event))
    assert box.event is not None
    assert box.event.name == "Ostvik mutiny" and _iso(box.event.date) == "1917-05-02"
    assert [m.text for m in box.event.participants] == ["Jens Orr", "Luka Fenn", "Tarro"]


def test_infobox_org_leader_title_gives_a_tenure(tmp_path: Path) -> None:
    path = _article(
        tmp_path,
        "c.txt",
        "= Harbour Salvation Committee =\n\nHarbour Salvation Committee ,\n"
        "- Leader Title: Chairman\n- Leader Name: Sigrun Hale\n- Formation: 2 May 1917\n\nText.\n",
    )
    box = read_box(read_article(path))
    assert box.org is not None and box.org.subject.text == "Harbour Salvation Committee"
    ((holder, title, scope, org),) = [
        (t.holder.text, t.office.title, t.office.scope, t.office.org and t.office.org.text)
        for t in box.tenures
    ]
    assert (holder, title, scope, org) == (
        "Sigrun Hale",
        "Chairman",
        "body",
        "Harbour Salvation Committee",
    )


# --- through the whole pipeline ------------------------------------------------------------


@pytest.fixture(scope="module")
def welland_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    folder = tmp_path_factory.mktemp("welland-build")
    _article(folder, "tomas_welland.txt", WELLAND)
    _article(folder, "ilse_korvan.txt", KORVAN)
    return build([folder])


def test_infobox_officeholder_graph_conforms(welland_build: BuildResult) -> None:
    assert welland_build.report.conforms, welland_build.report.violations


def test_infobox_officeholder_graph_tenures(welland_build: BuildResult) -> None:
    rows = select(
        welland_build.graph,
        """SELECT ?office ?start ?end ?pred ?succ WHERE {
             ?t a hkg:Tenure ; hkg:holder/rdfs:label "Tomas Welland"@en ; hkg:office/rdfs:label ?office
             OPTIONAL { ?t hkg:startDate ?start } OPTIONAL { ?t hkg:endDate ?end }
             OPTIONAL { ?t hkg:predecessor/rdfs:label ?pred } OPTIONAL { ?t hkg:successor/rdfs:label ?succ } }""",
    )
    assert set(rows) == {
        ("Minister of Foreign Affairs of Nordmark", "1931-03-03", "1934-09-18", "Osric Lamm", ""),
        ("Chairman of the State Harbour Board", "1929-05-02", "1929-05-19", "", "Hendrik Marr"),
        ("Member of the Nordmark Rowing Assembly", "1920", "1924", "", ""),
    }


def test_infobox_officeholder_graph_persons_and_death(welland_build: BuildResult) -> None:
    g = welland_build.graph
    persons = {r[0] for r in select(g, "SELECT ?n WHERE { ?p a hkg:Person ; rdfs:label ?n }")}
    assert {
        "Halvard Brenn",
        "Piet Strom",
        "Ulla Karsk Jr.",
        "Edda Vint",
        "Mattis Korvan",
    } <= persons
    deaths = select(
        g,
        """SELECT ?kind ?who ?date WHERE { ?e a ?t ; hkg:affected/rdfs:label ?who ; hkg:date ?date .
             VALUES ?t { hkg:Death hkg:Execution } BIND(STRAFTER(STR(?t), "#") AS ?kind) }""",
    )
    assert set(deaths) == {
        ("Execution", "Tomas Welland", "1950-06-30"),
        ("Death", "Ilse Korvan", "1952-05-05"),
    }


def test_infobox_officeholder_graph_birth_name_and_party(welland_build: BuildResult) -> None:
    g = welland_build.graph
    alt = select(
        g,
        """SELECT ?alt WHERE { ?p a hkg:Person ; rdfs:label "Tomas Welland"@en ; skos:altLabel ?alt }""",
    )
    assert ("Tomas Aurel van der Welland",) in alt
    party = select(
        g,
        """SELECT ?party WHERE { ?o a hkg:PoliticalParty ; rdfs:label ?party ;
             hkg:member/rdfs:label "Tomas Welland"@en }""",
    )
    assert party == [("National Harbour Party",)]


# --- bad input -----------------------------------------------------------------------------

_KEYS = ["Office", "Order", "Term Start", "Term End", "Term", "Predecessor", "Successor"]
_KEYS += ["President", "Deputy", "Death Date", "Death Place", "Death Cause", "Party"]
_KEYS += ["Birth Name", "Leader Title", "Leader Name", "Commander", "Conflict", "Date"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_KEYS),
            st.sampled_from(["", "1", "2", "12"]),
            st.text(alphabet=st.characters(blacklist_characters="\r\n\x00"), max_size=40),
        ),
        min_size=1,
        max_size=10,
    )
)
def test_infobox_reader_never_crashes(fields: list[tuple[str, str, str]]) -> None:
    lines = [f"- {key}{n}: {value}" for key, n, value in fields if value.strip()]
    text = "= Anton Pell =\n\nAnton Pell\n" + "\n".join(lines) + "\n\nSome text.\n"
    try:
        article = read_sectioned(Path("x.txt"), text, "0" * 64)
    except SourceError:
        return
    box = read_box(article)
    for tenure in box.tenures:
        for d in (tenure.start, tenure.end):
            assert d is None or re.fullmatch(r"\d{4}(?:-\d\d){0,2}", d.iso)
    for w in box.warnings:
        assert w.code in {"W101", "W102", "W103", "W202"}
