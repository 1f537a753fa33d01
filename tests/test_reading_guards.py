"""Guards against wrong facts from general text (issue 8, item 10): each reads a small
invented article and asserts what is, and what is not, read from it.

The sentences are written for these tests; none comes from the dev articles or the seeds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from histkg.model import Extraction
from tests.conftest import extract_text

LIFE = "Anton Harwood ( 1758 – 1827 ) was a Ruritanian lawyer and politician ."


def read(tmp_path: Path, *paragraphs: str, title: str = "Anton Harwood") -> Extraction:
    """Extract an invented article (see ``tests.conftest.extract_text``)."""
    return extract_text(tmp_path, title, paragraphs, spaced=True)


def events(ex: Extraction) -> set[tuple[str, tuple[str, ...], str]]:
    """(class, affected, date) of every event read."""
    return {
        (e.types[0], tuple(m.text for m in e.affected), e.date.iso if e.date else "")
        for e in ex.events
    }


def tenures(ex: Extraction) -> set[tuple[str, str]]:
    return {(t.holder.text, t.office.title) for t in ex.tenures}


def test_an_object_pronoun_is_not_its_own_verbs_subject(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "In 1796 Tomas Varga appointed him as ambassador to Lusitania .")
    appointed = [e for e in ex.events if e.types == ["Appointment"]]
    assert [m.text for e in appointed for m in e.affected] == ["Anton Harwood"], events(ex)


def test_the_referent_of_a_subordinate_clause_goes_on(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "Tomas Varga travelled to Paris in 1790 . Although Harwood disliked him , he praised"
        " Renner in public . In 1796 the king appointed him as ambassador to Lusitania .",
    )
    appointed = [e for e in ex.events if e.types == ["Appointment"]]
    assert [m.text for e in appointed for m in e.affected] == ["Harwood"], events(ex)


def test_a_plot_section_is_a_story(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "= = Plot = =",
        "In the novel , King Olaf Brandt is arrested by his guards and executed .",
    )
    stated = [e for e in ex.events if e.rule != "lead.life-dates"]  # the lead's "( – 1827 )"
    assert not stated and not ex.tenures, (events(ex), tenures(ex))


def test_an_article_about_a_novel_is_a_story(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The Iron Crown is a 1972 novel by Anton Harwood .",
        "Its hero , Prince Olaf Brandt , is arrested in the second chapter and executed .",
        title="The Iron Crown",
    )
    assert not ex.events and not ex.tenures, (events(ex), tenures(ex))


def test_a_series_of_trials_is_no_work(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The Marsh trials were a series of trials held in Ruritania in 1951 .",
        "Tomas Varga was arrested in March 1951 .",
        title="Marsh trials",
    )
    assert ("Arrest", ("Tomas Varga",), "1951-03") in events(ex)


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("He died after 1810 , perhaps even after 1820 .", ""),
        ("He died before 1830 in exile .", ""),
        ("He died in 1827 in Boston .", "1827"),
    ],
)
def test_a_bound_does_not_date_an_event(tmp_path: Path, sentence: str, date: str) -> None:
    ex = read(tmp_path, LIFE, sentence)
    assert ("Death", ("Anton Harwood",), date) in events(ex), events(ex)


def test_a_relative_in_apposition_is_another_person(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "Harwood , who was survived by one daughter ( Maria Kessel ) and two sons , died in"
        " Boston in March 1827 .",
    )
    dead = {m.text for e in ex.events if e.types == ["Death"] for m in e.affected}
    assert "Maria Kessel" not in dead, events(ex)


def test_the_elder_of_a_family_is_not_named(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "The elder Harwood remarried after his divorce and died in 1790 .")
    assert ("Death", ("Harwood",), "1790") not in events(ex), events(ex)


@pytest.mark.parametrize(
    "sentence",
    [
        "He appeared in the television series Judge John Deed in 2002 .",
        "He had a small part in the episode “ President Evil ” in 2004 .",
        "He was named to the Dean 's list in 1776 .",
    ],
)
def test_titles_of_works_and_lists_are_no_offices(tmp_path: Path, sentence: str) -> None:
    ex = read(tmp_path, LIFE, sentence)
    assert not ex.tenures, tenures(ex)


def test_a_group_named_by_including(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "In 1799 the king executed several rivals , including Tomas Varga and Paul Marek .",
    )
    executed = {m.text for e in ex.events if e.types == ["Execution"] for m in e.affected}
    assert {"Tomas Varga", "Paul Marek"} <= executed, events(ex)


def test_she_is_not_the_subject_of_a_mans_life(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "He married Octavia Lind in 1780 . After public protests , he let her return from"
        " exile , but she was executed shortly after her return .",
    )
    executed = {m.text for e in ex.events if e.types == ["Execution"] for m in e.affected}
    assert "Anton Harwood" not in executed, events(ex)


@pytest.mark.parametrize(
    "sentence",
    [
        "As a young man , Harwood nearly died after a fall from his horse .",
        "The council declared Harwood an enemy , and it was their intent to execute him .",
    ],
)
def test_what_did_not_happen(tmp_path: Path, sentence: str) -> None:
    ex = read(tmp_path, LIFE, sentence)
    said = [e for e in ex.events if e.rule != "lead.life-dates"]  # the lead's "( – 1827 )"
    assert not [e for e in said if e.types[0] in {"Death", "Execution"}], events(ex)


def test_a_paragraph_about_someone_else(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "= = Sources = =",
        "Quintus Varro was the son of a merchant . He entered public life as a senator and"
        " wrote a history of Harwood 's career .",
    )
    assert ("Anton Harwood", "Senator") not in tenures(ex), tenures(ex)


def test_prisoners_of_war_are_no_arrest(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The Battle of Kessel was fought in 1805 between Ruritania and Borduria .",
        "Forty officers and 900 men were captured in the battle .",
        "General Tomas Varga was captured on the second day .",
        title="Battle of Kessel",
    )
    arrests = [e for e in ex.events if e.types == ["Arrest"]]
    assert [tuple(m.text for m in e.affected) for e in arrests] == [("Tomas Varga",)], events(ex)


def test_a_name_that_qualifies_a_thing_is_no_filler(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The 2009 final was a basketball game between two colleges .",
        "After a missed Kyle Brandt jump shot with ten seconds remaining , the team won .",
        title="2009 final",
    )
    assert not [e for e in ex.events if e.types == ["Death"]], events(ex)


def test_a_pronoun_never_refers_to_someone_of_the_other_gender(tmp_path: Path) -> None:
    ex = extract_text(
        tmp_path,
        "Ruritanian elections",
        [
            "In 1990 Maria Lindqvist was defeated by Tomas Weiss in the second round , and he"
            " succeeded her as President ."
        ],
        spaced=True,
    )
    appointed = [m.text for e in ex.events if e.types == ["Appointment"] for m in e.affected]
    assert "Maria Lindqvist" not in appointed, events(ex)
    assert ("Maria Lindqvist", "President") not in {
        (t.holder.text, t.office.title) for t in ex.tenures if t.start is not None
    }, tenures(ex)


def test_a_queen_is_not_he(tmp_path: Path) -> None:
    ex = extract_text(
        tmp_path,
        "Ruritanian crisis of 1801",
        ["In 1801 Queen Ilona Varga dissolved the assembly . In 1802 he was arrested ."],
        spaced=True,
    )
    arrested = [m.text for e in ex.events if e.types == ["Arrest"] for m in e.affected]
    assert not any("Ilona" in name for name in arrested), events(ex)


def test_he_after_an_object_pronoun_of_the_subjects_verb_is_not_the_subject(
    tmp_path: Path,
) -> None:
    ex = extract_text(
        tmp_path,
        "Velorian cabinet of 1931",
        [
            "In 1931 King Otto Lenz appointed him Minister of Labour , but he resigned within"
            " a year ."
        ],
        spaced=True,
    )
    resigned = [m.text for e in ex.events if e.types == ["Resignation"] for m in e.affected]
    assert "Otto Lenz" not in resigned, events(ex)


def test_a_death_that_ends_a_span_is_not_dated_by_its_start(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "Harwood governed the province from 1801 until his death .")
    assert ("Death", ("Harwood",), "1801") not in events(ex), events(ex)


def test_what_a_death_came_before_did_not_happen(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "Harwood hanged himself in his cell on 15 October 1826 , the night before his execution .",
        "Tomas Varga died in prison in March 1830 , two days before his trial .",
        "Ivo Renner was shot dead in 1834 , a week before the trial of Otto Lenz .",
    )
    kinds = {(e[0], e[1]) for e in events(ex)}
    assert ("Execution", ("Harwood",)) not in kinds, events(ex)
    assert ("Trial", ("Tomas Varga",)) not in kinds, events(ex)
    assert ("Death", ("Harwood",)) in kinds and ("Trial", ("Otto Lenz",)) in kinds, events(ex)


def test_a_claim_that_opens_the_sentence_covers_each_of_its_clauses(tmp_path: Path) -> None:
    ex = extract_text(
        tmp_path,
        "Velor plot",
        (
            "According to the indictment, Tomas Varga had served the secret police since 1790"
            " and had tried to overthrow the republic.",
            "Ivo Renner had served the secret police since 1790 and had tried to overthrow"
            " the republic.",
        ),
        spaced=False,
    )
    plotters = {m.text for e in ex.events for m in e.agents}
    assert plotters == {"Ivo Renner"}, events(ex)


def test_an_offices_years_in_parentheses_are_no_lifespan(tmp_path: Path) -> None:
    ex = extract_text(
        tmp_path,
        "Otto Lenz",
        ("Otto Lenz (Prime Minister 1920–1924) was a Velorian lawyer.",),
        spaced=False,
    )
    assert not [e for e in ex.events if e.types == ["Death"]], events(ex)


def test_a_coup_planned_or_wished_against_a_body_is_no_attempt(tmp_path: Path) -> None:
    ex = extract_text(
        tmp_path,
        "Velor plot",
        (
            "Ivo Renner planned a coup against the government in 1936.",
            "Otto Lenz wanted to overthrow the government.",
            "Karl Ostrov staged a failed coup against the government in July 1937.",
        ),
        spaced=False,
    )
    assert {m.text for e in ex.events for m in e.agents} == {"Karl Ostrov"}, events(ex)


def test_a_past_verb_the_model_tags_present_is_no_plot_summary(tmp_path: Path) -> None:
    ex = extract_text(
        tmp_path,
        "Velor purge",
        (
            "On 2 June 1793 the members decreed the arrest of Ivo Renner and Otto Lenz.",
            "In the novel, the judges proceed to the trial of Anna Berg.",
        ),
        spaced=False,
    )
    assert {(e.types[0], tuple(m.text for m in e.affected)) for e in ex.events} == {
        ("Arrest", ("Ivo Renner", "Otto Lenz"))
    }, events(ex)


def test_a_clause_of_time_is_stated_whatever_its_main_clause_asks_or_tries(
    tmp_path: Path,
) -> None:
    ex = extract_text(
        tmp_path,
        "Velor cabinet",
        (
            "When Ivo Renner resigned in June 1935, the Regent asked Anton Hess to form a cabinet.",
            "Expelled from the Velor Party in 1936, Otto Lenz tried to found his own movement.",
            "If Karl Ostrov were arrested, the army would revolt.",
            "He claimed that the crisis was over since Paul Weiss had been executed.",
        ),
        spaced=False,
    )
    assert {(e.types[0], tuple(m.text for m in e.affected)) for e in ex.events} == {
        ("Resignation", ("Ivo Renner",)),
        ("Expulsion", ("Otto Lenz",)),
    }, events(ex)


def test_a_bare_title_is_no_person(tmp_path: Path) -> None:
    ex = extract_text(
        tmp_path,
        "Velor regency",
        ("The old King died in 1792. The Prince Regent then sent Anton Hess abroad.",),
        spaced=False,
    )
    assert {m.text for m in ex.mentions if m.kind == "person"} == {"Anton Hess"}, ex.mentions


def test_a_death_some_years_away_or_charged_at_a_trial_takes_no_date_from_it(
    tmp_path: Path,
) -> None:
    ex = extract_text(
        tmp_path,
        "Otto Lenz",
        (
            "Otto Lenz (2 May 1890 – 6 June 1961) was a Velorian politician. His letters"
            " were printed in 1965, four years after his death.",
            "Ivo Renner was killed on 15 October 1987. A court opened the trial of ten people"
            " for Renner's murder on 11 October 2021.",
        ),
        spaced=False,
    )
    deaths = {(e[1], e[2]) for e in events(ex) if e[0] == "Death"}
    assert not {d for d in deaths if d[1] in {"1965", "2021", "2021-10-11"}}, deaths


def test_the_fall_of_a_single_name_is_no_removal(tmp_path: Path) -> None:
    # WikiText-2: a town the model takes for a person
    ex = read(
        tmp_path,
        "In the wake of the fall of Rabaul , the Catalinas of the squadron withdrew to"
        " Port Moresby in 1942 .",
        "After the fall of Anton Hess in July 1794 , Ivo Renner returned to Velor .",
        title="No. 9 Squadron",
    )
    removed = {e[1] for e in events(ex) if e[0] == "Removal"}
    assert removed == {("Anton Hess",)}, events(ex)


def test_a_law_providing_for_an_election_holds_none_and_condemned_as_is_no_sentence(
    tmp_path: Path,
) -> None:
    ex = extract_text(
        tmp_path,
        "Velor reform",
        (
            "In 1926 the assembly passed a reform providing for direct presidential elections.",
            "At the plenum of April 1927, Ivo Renner was posthumously condemned as a traitor.",
        ),
        spaced=False,
    )
    kinds = {e.types[0] for e in ex.events}
    assert not kinds & {"Election", "Sentencing"}, events(ex)
