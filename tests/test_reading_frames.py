"""Verb frames and series the model parses its own way (issue 8): each reads a small
invented article. The sentences are written for these tests; none comes from the dev
articles, the seeds or the held-out sets.
"""

from __future__ import annotations

from pathlib import Path

from histkg.model import Extraction
from tests.conftest import events, extract_text

LIFE = "Ivo Renner (2 May 1901 – 4 April 1971) was a Velorian politician. Anton Hess was his rival."


def read(tmp_path: Path, *paragraphs: str) -> Extraction:
    """An invented biography (see ``tests.conftest.extract_text``)."""
    return extract_text(tmp_path, "Ivo Renner", (LIFE, *paragraphs), spaced=False)


def test_a_series_of_passives_after_a_comma_shares_the_subject(tmp_path: Path) -> None:
    # the model makes "dismissed" a complement of "succeeded", which gets no subject
    ex = read(
        tmp_path,
        "Ivo Renner was dismissed as Prime Minister on 18 April 1955, was succeeded by Anton"
        " Hess, and was expelled from the party late that year.",
    )
    found = events(ex)
    assert ("Removal", (), ("Ivo Renner",), "1955-04-18") in found, found
    assert ("Appointment", (), ("Anton Hess",), "1955-04-18") in found, found
    assert ("Expulsion", (), ("Ivo Renner",), "1955") in found, found


def test_a_prefixed_verb_is_one_word(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Renner co-founded the Labour League in 1933 and was elected to the Senate in 1937. He"
        " was freed in 1940 but was re-arrested on 16 September 1941.",
    )
    found = {(e[0], e[3]) for e in events(ex)}
    assert ("Election", "1937") in found, found
    assert ("Arrest", "1941-09-16") in found, found


def test_an_as_phrase_hung_on_the_object_names_the_office_joined(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1959 Renner joined the cabinet of President Anton Hess as Minister of Labour.",
    )
    offices = {(e.types[0], e.office.title if e.office else "") for e in ex.events}
    assert ("Appointment", "Minister of Labour") in offices, offices


def test_among_them_lists_who_was_appointed_to_the_plural_post(tmp_path: Path) -> None:
    ex = extract_text(
        tmp_path,
        "Velor coup",
        (
            "Anton Hess, Ivo Renner, Karl Ostrov and Emil Bauer were Velorian officers.",
            "In 1966 Anton Hess appointed military governors for the regions, among them"
            " Colonel Ivo Renner in the North, Colonel Karl Ostrov in the East and Colonel Emil"
            " Bauer in the West.",
        ),
        spaced=False,
    )
    three = ("Ivo Renner", "Karl Ostrov", "Emil Bauer")
    assert ("Appointment", ("Anton Hess",), three, "1966") in events(ex), events(ex)
    held = {(t.holder.text, t.office.title) for t in ex.tenures}
    assert {(name, "Military Governor") for name in three} <= held, held


def test_replaced_a_with_b_appoints_b_not_the_one_who_replaced(tmp_path: Path) -> None:
    ex = extract_text(
        tmp_path,
        "Velor cabinet",
        (
            "Anna Berg and Ivo Renner were politicians. Karl Ostrov was king.",
            "In 1941 King Karl Ostrov replaced Anna Berg with Ivo Renner as Minister of Trade.",
        ),
        spaced=False,
    )
    found = events(ex)
    assert ("Appointment", ("Karl Ostrov",), ("Ivo Renner",), "1941") in found, found
    assert ("Removal", (), ("Anna Berg",), "1941") in found, found
    assert not any(e[0] == "Appointment" and "Karl Ostrov" in e[2] for e in found), found


def test_taking_office_starts_the_office_the_article_gave(tmp_path: Path) -> None:
    ex = read(
        tmp_path, "In 1962 Anton Hess was elected Prime Minister and took office on 1 July 1962."
    )
    offices = {
        (e.types[0], e.office.title if e.office else "", e.date.iso if e.date else "")
        for e in ex.events
    }
    assert ("Appointment", "Prime Minister", "1962-07-01") in offices, offices
    ex = read(tmp_path, "In 1962 a witness was sworn in by the judge.")
    assert not any(e.types[0] == "Appointment" for e in ex.events), events(ex)


def test_a_replacement_joined_to_another_clause_still_removes(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The brigade was dissolved in March 1950, and Anton Hess was replaced as Chief of Staff"
        " by Ivo Renner in May 1950.",
    )
    found = events(ex)
    assert ("Appointment", (), ("Ivo Renner",), "1950-05") in found, found
    assert ("Removal", (), ("Anton Hess",), "1950-05") in found, found


def test_a_resignation_joined_to_a_replacement_is_no_removal(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Anton Hess resigned as Chief of Staff in May 1950 and was replaced by Ivo Renner.",
    )
    found = events(ex)
    assert ("Appointment", (), ("Ivo Renner",), "1950-05") in found, found
    assert not [e for e in found if e[0] == "Removal"], found


def test_succeeded_at_the_ministry_is_the_ministers_post(tmp_path: Path) -> None:
    ex = extract_text(
        tmp_path,
        "Velorian cabinet of 1946",
        [
            "Anton Hess was appointed Minister of Trade in 1946. In 1950 Hess was succeeded at"
            " the ministry by Ivo Renner, and Renner was replaced at the club by Jan Moor."
        ],
        spaced=False,
    )
    offices = {
        (m.text, e.office.title if e.office else "")
        for e in ex.events
        if e.types == ["Appointment"] and e.date and e.date.iso == "1950"
        for m in e.affected
    }
    assert offices == {("Ivo Renner", "Minister of Trade")}, offices


def test_a_loss_in_a_clause_joined_to_a_succession_is_not_the_succession(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1987 the Minister of Trade, Anton Hess, gave way to Anna Berg; and Otto Lenz lost"
        " the defence portfolio to Karl Ostrov.",
    )
    held = {(t.holder.text, t.office.title) for t in ex.tenures}
    assert ("Anna Berg", "Minister of Trade") in held, held
    assert ("Otto Lenz", "Minister of Trade") not in held, held
    removed = {
        (m.text, e.office.title if e.office else "")
        for e in ex.events
        if e.types == ["Removal"]
        for m in e.affected
    }
    assert ("Anton Hess", "Minister of Trade") in removed, removed
    assert ("Otto Lenz", "Minister of Trade") not in removed, removed
