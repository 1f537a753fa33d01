"""Constructions common in articles about coups, purges and careers that histkg once missed
(issue 8): each reads a small invented article and asserts what is read from it.

The sentences are written for these tests; none comes from the dev articles or the seeds.
"""

from __future__ import annotations

from pathlib import Path

from histkg.extract import extract_corpus
from histkg.model import Extraction
from histkg.sources import read_article
from tests.conftest import events, extract_text

# The model does not tag this name as a person where it opens the lead: the title does.
LIFE = (
    "Marek Tollan ( 4 May 1921 – 17 September 1989 ) was a Velorian army officer and politician ."
)


def read(tmp_path: Path, *paragraphs: str, title: str = "Marek Tollan") -> Extraction:
    """Extract an invented article (see ``tests.conftest.extract_text``)."""
    return extract_text(tmp_path, title, paragraphs, spaced=True)


def tenures(ex: Extraction) -> set[tuple[str, str, str, str]]:
    """(holder, office, start, end) of every tenure read."""
    return {
        (
            t.holder.text,
            t.office.title,
            t.start.iso if t.start else "",
            t.end.iso if t.end else "",
        )
        for t in ex.tenures
    }


def test_a_biography_title_names_its_subject(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "He served as the second President of Velor from 1966 to 1975 .")
    assert ("Marek Tollan", "President of Velor", "1966", "1975") in tenures(ex), tenures(ex)


def test_a_title_is_no_person_when_the_article_is_about_a_thing(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Marek Tollan is a steam locomotive built in 1921 .",
        "It served as a museum piece from 1966 to 1975 .",
    )
    assert not [m for m in ex.mentions if m.kind == "person"], ex.mentions


def test_a_name_the_model_calls_an_organization_resigns(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "Obafe Lindqvist resigned as Minister of Foreign Affairs in 1970 .")
    assert ("Resignation", (), ("Obafe Lindqvist",), "1970") in events(ex), events(ex)


def test_sworn_in_starts_a_tenure_on_its_date(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "Tollan was sworn in as President on 20 January 1966 .")
    assert ("Marek Tollan", "President", "1966-01-20", "") in {
        (t[0].replace("Tollan", "Marek Tollan") if t[0] == "Tollan" else t[0], *t[1:])
        for t in tenures(ex)
    }, tenures(ex)


def test_dismissing_a_person_removes_them(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "In July 1972 Tollan dismissed David Kestrel .")
    removals = {e for e in events(ex) if e[0] == "Removal"}
    assert removals == {("Removal", ("Tollan",), ("David Kestrel",), "1972-07")}, events(ex)


def test_dismissing_a_person_as_something_is_no_removal(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "In 1972 Tollan dismissed David Kestrel as a dreamer .")
    assert not [e for e in events(ex) if e[0] == "Removal"], events(ex)


def test_the_leader_of_those_who_overthrow_is_the_agent(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "Junior officers led by Major Tunde Farrow overthrew President Ilse Brandvold on"
        " 15 January 1966 .",
    )
    assert ("Removal", ("Tunde Farrow",), ("Ilse Brandvold",), "1966-01-15") in events(ex)


def test_the_government_of_a_person_is_that_person(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "In 1966 the army overthrew the government of Ilse Brandvold .")
    assert ("Removal", (), ("Ilse Brandvold",), "1966") in events(ex), events(ex)


def test_a_coup_by_someone_makes_them_the_remover(tmp_path: Path) -> None:
    ex = read(
        tmp_path, LIFE, "Ilse Brandvold was deposed in a bloodless coup by Colonel Tunde Farrow ."
    )
    assert ("Removal", ("Tunde Farrow",), ("Ilse Brandvold",), "") in events(ex), events(ex)


def test_along_with_shares_what_happened(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "In 1966 Ilse Brandvold was killed , along with the finance minister , Ivo Sundqvist .",
    )
    deaths = [e for e in ex.events if e.types == ["Death"] and e.rule != "lead.life-dates"]
    assert {m.text for e in deaths for m in e.affected} == {"Ilse Brandvold", "Ivo Sundqvist"}


def test_a_reflexive_does_not_hide_the_passive_subject(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "Tunde Farrow was himself assassinated on 13 February 1976 .")
    assert ("Death", (), ("Tunde Farrow",), "1976-02-13") in events(ex), events(ex)


def test_a_wish_to_become_is_no_appointment(tmp_path: Path) -> None:
    ex = read(
        tmp_path, LIFE, "Tunde Farrow had become obsessed with becoming the President of Velor ."
    )
    assert not [e for e in ex.events if e.types == ["Appointment"]], events(ex)


def test_a_group_from_a_named_faction_makes_the_faction_the_agent(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The Harvest affair was an attempted removal of Ilse Brandvold from power by senior"
        " figures from the Agrarian faction in 1962 .",
        title="Harvest affair",
    )
    assert ("CoupAttempt", ("Agrarian faction",), ("Ilse Brandvold",), "1962") in events(ex)


def test_a_participle_joined_to_a_gerund_shares_the_passive_subject(tmp_path: Path) -> None:
    ex = read(
        tmp_path, LIFE, "He was tried and found guilty of leading the mutiny and hanged in 1987 ."
    )
    assert ("Execution", (), ("Marek Tollan",), "1987") in events(ex), events(ex)


def test_an_apposition_with_former_is_a_past_tenure(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "Karl Weiss , a former Minister of Defence , was arrested in 1962 .")
    assert ("Karl Weiss", "Minister of Defence", "", "") in tenures(ex), tenures(ex)


def test_a_name_in_apposition_to_an_office_holds_it(tmp_path: Path) -> None:
    ex = read(
        tmp_path, LIFE, "In 1962 the ambassador to Britain , Pavel Dornik , sent two letters ."
    )
    assert ("Pavel Dornik", "Ambassador to Britain", "", "") in tenures(ex), tenures(ex)


def test_an_office_in_a_relative_clause_as_phrase(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "Mara Lind , who as Minister of Defence had opposed the revolt , was arrested in 1962 .",
    )
    assert ("Mara Lind", "Minister of Defence", "", "") in tenures(ex), tenures(ex)


def test_what_follows_an_appointment_ends_the_tenure(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "In 1950 Karl Weiss became Minister of Finance , a post he held until 1958 .",
        "Anna Berg became President in 1960 and ruled until 1968 .",
        "Ola Berg became Prime Minister in 1970 and ruled the country with an iron fist .",
    )
    found = tenures(ex)
    assert ("Karl Weiss", "Minister of Finance", "1950", "1958") in found, found
    assert ("Anna Berg", "President", "1960", "1968") in found, found
    assert ("Ola Berg", "Prime Minister", "1970", "") in found, found


def test_succeeding_someone_names_the_predecessor(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "In 1950 Anna Berg became Prime Minister , succeeding Karl Weiss .")
    assert ("Karl Weiss", "Prime Minister", "", "1950") in tenures(ex), tenures(ex)
    (started,) = [t for t in ex.tenures if t.holder.text == "Anna Berg"]
    assert started.predecessor is not None and started.predecessor.text == "Karl Weiss"


def test_a_series_of_passive_participles_shares_the_subject(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "In 1937 Tollan was defeated by a rival faction , arrested by the police , and later"
        " shot .",
    )
    kinds = {e[0] for e in events(ex) if e[2] == ("Marek Tollan",) or e[2] == ("Tollan",)}
    assert "Arrest" in kinds and kinds & {"Execution", "Death"}, events(ex)


def test_an_event_infobox_result_is_read_on_the_events_date(tmp_path: Path) -> None:
    path = tmp_path / "coup.txt"
    path.write_text(
        "= 1979 Velorian coup d'état =\n\n1979 Velorian coup d'état\n- Date: 2 May 1979\n"
        "- Result: Overthrow of Anna Berg. Karl Weiss becomes President of Veloria.\n\n"
        "The 1979 Velorian coup d'état was a military coup in Veloria.\n",
        "utf-8",
    )
    ex = extract_corpus([read_article(path)]).extractions[0]
    assert ("Karl Weiss", "President", "1979-05-02", "") in tenures(ex), tenures(ex)
    assert ("Removal", (), ("Anna Berg",), "1979-05-02") in events(ex), events(ex)


def test_the_present_tense_outside_an_infobox_result_is_no_history(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "In the novel , Karl Weiss becomes President of Veloria .")
    assert not [t for t in ex.tenures if t.holder.text == "Karl Weiss"], tenures(ex)


def test_a_coup_named_again_in_the_lead_dates_the_lead_coup(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The Harvest Movement was an attempted coup orchestrated by the leaders of the Labour"
        " Party of Veloria .",
        "In the early hours of 1 May 1923 , they killed six generals in an abortive coup .",
        title="Harvest Movement",
    )
    coups = {e for e in events(ex) if e[0] == "CoupAttempt"}
    assert coups == {("CoupAttempt", ("Labour Party of Veloria",), (), "1923-05-01")}, coups


def test_a_subject_pronoun_is_not_the_person_named_after_it(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "Tollan later joined a plot to overthrow the king .",
        "Ironically , he was involved in a plot to depose Tollan and was executed in 1950 .",
    )
    assert not [e for e in events(ex) if e[0] == "Execution" and "Tollan" in e[2][0]], events(ex)


def test_another_name_of_a_thing_is_no_person(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The Harvest Movement ( also known as Gerald Tomsk , and unofficially as Ivan Gorsk ) was"
        " an attempted coup in 1923 .",
        title="Harvest Movement",
    )
    names = {m.text for m in ex.mentions if m.kind == "person"}
    assert not names & {"Gerald Tomsk", "Ivan Gorsk"}, names


def test_a_name_listed_after_a_described_person_is_a_person(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "His parents were Karl Weiss , a Lutheran Catechist , and Madam Anna Berg .",
    )
    names = {m.text for m in ex.mentions if m.kind == "person"}
    assert "Anna Berg" in names, names


def test_years_in_parentheses_after_an_office_date_the_tenure(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "He was Minister of Finance ( 1950–53 ) and Prime Minister ( 1953–1958 ) .",
    )
    found = tenures(ex)
    assert ("Marek Tollan", "Minister of Finance", "1950", "1953") in found, found
    assert ("Marek Tollan", "Prime Minister", "1953", "1958") in found, found


def test_a_year_naming_an_election_dates_it(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "In the 1958 election , Tollan was elected President .")
    assert ("Election", (), ("Tollan",), "1958") in events(ex), events(ex)


def test_a_coup_described_by_a_participle_is_dated_by_it(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "He was deposed in a military coup led by Karl Weiss in 1966 .")
    assert ("Removal", ("Karl Weiss",), ("Marek Tollan",), "1966") in events(ex), events(ex)


def test_succeeded_after_a_resignation_takes_its_office_and_date(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "He resigned as Prime Minister on 3 May 1960 and was succeeded by Karl Weiss .",
    )
    assert ("Karl Weiss", "Prime Minister", "1960-05-03", "") in tenures(ex), tenures(ex)


def test_years_of_life_in_the_lead_give_the_death_year(tmp_path: Path) -> None:
    ex = read(tmp_path, "Ivo Renner ( 1758 – 1827 ) was a Ruritanian lawyer .", title="Ivo Renner")
    assert ("Death", (), ("Ivo Renner",), "1827") in events(ex), events(ex)


def test_more_ways_to_begin_end_and_hold_an_office(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "He took office as President on 1 June 1960 .",
        "In 1957 Karl Weiss was demoted to ambassador to Mongolia .",
        "Ivan Petrov remained Prime Minister until 1953 .",
        "Ivo Berg was relieved of his command in October 1957 .",
        "In 1938 Ola Berg was put on trial with twenty others .",
    )
    found = tenures(ex)
    assert ("Marek Tollan", "President", "1960-06-01", "") in found, found
    assert ("Karl Weiss", "Ambassador to Mongolia", "1957", "") in found, found
    assert ("Ivan Petrov", "Prime Minister", "", "1953") in found, found
    assert ("Removal", (), ("Ivo Berg",), "1957-10") in events(ex), events(ex)
    assert ("Trial", (), ("Ola Berg",), "1938") in events(ex), events(ex)


def test_a_verb_without_a_passive_shares_the_subject_of_a_passive(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "He was expelled from the party in 1968 and died in prison in 1969 .")
    assert ("Death", (), ("Marek Tollan",), "1969") in events(ex), events(ex)


def test_a_title_glued_after_the_name_keeps_all_its_words(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "In July 1976 Tollan appointed Karl Weiss Prime Minister .")
    assert ("Karl Weiss", "Prime Minister", "1976-07", "") in tenures(ex), tenures(ex)


def test_one_unnamed_member_is_no_group_event(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "In 1944 a member of the network was executed by the state .")
    assert not [e for e in ex.events if e.types[0] == "Execution"], events(ex)
    ex = read(tmp_path, LIFE, "In 1944 six members of the network were executed by the state .")
    assert [e for e in ex.events if e.types[0] == "Execution"], events(ex)


def test_together_with_on_a_coordinated_verb(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "He was expelled in 1932 and arrested on 2 December 1933 , together with Ola Lind .",
    )
    assert ("Arrest", (), ("Marek Tollan", "Ola Lind"), "1933-12-02") in events(ex), events(ex)


def test_dismissed_in_a_when_clause_ends_the_tenure_year(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "He had served as Prime Minister from 1925 to 1931 , when he was dismissed by Ivan Petrov .",
    )
    assert ("Removal", ("Ivan Petrov",), ("Marek Tollan",), "1931") in events(ex), events(ex)


def test_they_after_a_list_in_the_same_sentence(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "In 1934 the court sentenced Karl Weiss and Anna Berg to death ; they were shot in May .",
    )
    # shot after the court's sentence: their execution, in May of that year
    deaths = [e for e in events(ex) if e[0] in {"Death", "Execution"} and e[3] != "1989-09-17"]
    assert deaths == [("Execution", (), ("Karl Weiss", "Anna Berg"), "1934-05")], events(ex)


def test_a_list_of_participles_after_commas_shares_the_subject(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "In 1979 he was arrested , tried by a special court and executed on 16 June 1979 .",
    )
    assert ("Execution", (), ("Marek Tollan",), "1979-06-16") in events(ex), events(ex)


def test_a_coup_that_overthrew_someone_dates_and_leads_the_removal(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "On 13 January 1972 , Tollan led a bloodless coup that overthrew Prime Minister Karl Weiss .",
    )
    assert ("Removal", ("Tollan",), ("Karl Weiss",), "1972-01-13") in events(ex), events(ex)


def test_served_as_in_a_relative_clause_of_the_lead(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Marek Tollan ( 1921 – 1989 ) was a Velorian officer who served as Prime Minister of"
        " Velor from 1972 to 1978 .",
    )
    assert ("Marek Tollan", "Prime Minister", "1972", "1978") in tenures(ex), tenures(ex)


def test_a_causative_makes_its_object_undergo_the_verb(tmp_path: Path) -> None:
    ex = read(tmp_path, LIFE, "In 1962 he responded by having Karl Weiss removed as Vice Premier .")
    assert ("Removal", ("Karl Weiss",)) in {(e[0], e[2]) for e in events(ex)}, events(ex)


def test_a_chinese_name_is_short_for_its_family_name(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The Harvest Group was a faction led by Wang Lin in the early 1960s .",
        "Wang was arrested in May 1967 and died in prison two years later .",
        title="Harvest Group",
    )
    assert ("Arrest", (), ("Wang",), "1967-05") in events(ex), events(ex)
    assert ("Death", (), ("Wang",), "1969") in events(ex), events(ex)
    people = {m.text for m in ex.mentions if m.kind == "person"}
    assert "Lin" not in people, people


def test_a_bare_title_after_a_coordinated_passive_is_the_office(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        LIFE,
        "He was rehabilitated in 1979 and appointed Minister of Agriculture again in 1980 , a post"
        " he held until 1985 .",
    )
    assert ("Marek Tollan", "Minister of Agriculture", "1980", "1985") in tenures(ex), tenures(ex)


def test_a_title_is_dated_by_its_own_clause(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Ostrava is a city .",
        "In 1948 , President Karl Weiss moved the capital to a new city , founded in 1938 by"
        " former President Anna Berg .",
        title="Ostrava",
    )
    held = {(t.holder.text, t.attested.iso if t.attested else "") for t in ex.tenures}
    assert ("Karl Weiss", "1948") in held, held


def test_a_when_clause_after_until_is_dated_by_the_bound(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Karl Vogt served as minister of finance until 1970 , when he was dismissed .",
        title="Velorian junta",
    )
    assert ("Removal", (), ("Karl Vogt",), "1970") in events(ex), events(ex)


def test_a_participle_shares_the_date_of_its_clause(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "General Tomas Ruiz seized power in a coup on 4 July 1966 , deposing President"
        " Ernesto Vidal .",
        title="Velorian junta",
    )
    removals = [e for e in events(ex) if e[0] == "Removal"]
    assert removals == [("Removal", ("Tomas Ruiz",), ("Ernesto Vidal",), "1966-07-04")], removals


def test_a_light_verb_dates_its_noun_and_a_shared_subject_shares_it(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Jonas Weber was put on trial in 1972 and sentenced to life imprisonment .",
        "Karl Vogt was arrested in 1937 and later shot .",
        title="Velorian junta",
    )
    found = events(ex)
    assert ("Trial", (), ("Jonas Weber",), "1972") in found, found
    assert ("Sentencing", (), ("Jonas Weber",), "1972") in found, found
    later = [e for e in found if e[2] == ("Karl Vogt",) and e[0] != "Arrest"]
    assert later and all(e[3] == "" for e in later), found  # "later": not 1937


def test_the_coup_again_is_the_articles_coup(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The 1966 Velorian coup was a military coup in which junior officers seized the capital .",
        "The coup was led by Major Chukwu Nzeogu . In 1971 a coup by other officers failed .",
        title="1966 Velorian coup",
    )
    coups = {(e[1], e[3]) for e in events(ex) if e[0] == "CoupAttempt"}
    assert (("Chukwu Nzeogu",), "1966") in coups, coups
    assert not any(when == "1966" and who != ("Chukwu Nzeogu",) and who for who, when in coups)


def test_a_date_coordinated_with_a_date_is_in_the_clause(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The trial of Karl Vogt took place in the capital between March and May 1974 .",
        title="Velorian trials",
    )
    trials = [e for e in events(ex) if e[0] == "Trial"]
    assert trials and trials[0][3].startswith("1974"), trials


def test_a_gapped_clause_shares_the_verb(tmp_path: Path) -> None:
    """ "sentenced A to death and B to ten years": B was sentenced too, in the same year;
    "A was arrested in May and B in June": B's arrest is on another date, not May."""
    ex = read(
        tmp_path,
        "In 1951 Karl Vogt and Ivo Brandt were tried in the capital .",
        "The court sentenced Karl Vogt to death and Ivo Brandt to twenty years in prison .",
        "Paul Arno was arrested in May 1952 and Otto Feld in June .",
        title="Velorian trials",
    )
    found = events(ex)
    assert ("Sentencing", (), ("Karl Vogt", "Ivo Brandt"), "1951") in found, found
    arrests = [e for e in found if e[0] == "Arrest"]
    assert arrests == [("Arrest", (), ("Paul Arno",), "1952-05")], arrests


def test_shot_by_a_firing_squad_is_an_execution(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "On 2 May 1952 Karl Vogt was shot by a firing squad .",
        "In 1953 the rebel leader Anton Hess was shot dead by a sniper .",
        title="Velorian trials",
    )
    found = {(e[0], e[2]) for e in events(ex)}
    assert found == {("Execution", ("Karl Vogt",)), ("Death", ("Anton Hess",))}, found


def test_a_description_set_before_the_subject_keeps_the_pronouns(tmp_path: Path) -> None:
    """ "A veteran of the war, Tollan was …": the fronted noun describes Tollan, so the
    "he" of the sentences after it is still Tollan."""
    ex = read(
        tmp_path,
        LIFE,
        "A mechanic and union organiser from the north , Tollan joined the party in 1946 .",
        "He was arrested in 1952 and sentenced to four years in prison .",
    )
    found = {(e[0], e[2][0].split()[-1]) for e in events(ex) if e[2]}
    assert ("Arrest", "Tollan") in found and ("Sentencing", "Tollan") in found, found


def test_a_definite_group_counts_the_persons_named_together(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Karl Vogt , Paul Arno , Anna Berg and Hans Roth were arrested in 1977 .",
        "The four were expelled from the party in July 1977 .",
        "On 6 October 1978 the Premier called Anton Hess and Otto Lenz to a meeting , where"
        " both were seized .",
        "Four officers were shot in 1979 .",
        title="Velorian purge",
    )
    found = events(ex)
    four = ("Karl Vogt", "Paul Arno", "Anna Berg", "Hans Roth")
    assert ("Expulsion", (), four, "1977-07") in found, found
    assert ("Arrest", (), ("Anton Hess", "Otto Lenz"), "1978-10-06") in found, found
    assert not any(e[0] == "Death" and e[2] for e in found), found  # some four, unnamed


def test_shot_himself_is_a_death_and_proclaimed_himself_an_office(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "On 31 May 1937 Anton Hess shot himself .",
        "Otto Lenz proclaimed himself President of Velmark on 2 February 1971 .",
        title="Velorian purge",
    )
    found = {(e[0], e[2], e[3]) for e in events(ex)}
    assert ("Death", ("Anton Hess",), "1937-05-31") in found, found
    assert ("Appointment", ("Otto Lenz",), "1971-02-02") in found, found
    assert ("Otto Lenz", "President of Velmark", "1971-02-02", "") in tenures(ex), tenures(ex)


def test_a_court_tries_someone_in_the_active_voice(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In May 1931 a military tribunal tried Anton Hess and Otto Lenz for treason .",
        "Hess tried the door .",
        title="Velorian trials",
    )
    trials = [e for e in events(ex) if e[0] == "Trial"]
    assert trials == [("Trial", ("tribunal",), ("Anton Hess", "Otto Lenz"), "1931-05")] or (
        trials == [("Trial", (), ("Anton Hess", "Otto Lenz"), "1931-05")]
    ), trials


def test_a_date_run_into_the_subject_and_a_unit_under_a_leader(tmp_path: Path) -> None:
    """ "On 29 June 1973 a regiment under Colonel A attempted a coup" (no comma after the
    date: the model makes the subject the date's object); the unit acts for its leader."""
    ex = read(
        tmp_path,
        "On 29 June 1973 a tank regiment under Colonel Otto Lenz attempted a coup .",
        "In 1966 Anton Hess was abducted from his home by a party under Max Ruhr .",
        title="Velorian coup",
    )
    found = events(ex)
    assert ("CoupAttempt", ("Otto Lenz",), (), "1973-06-29") in found, found
    assert ("Arrest", ("Max Ruhr",), ("Anton Hess",), "1966") in found, found


def test_a_security_service_is_the_agent_of_an_arrest(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1937 Otto Lenz was arrested by the NKVD .",
        "In 1939 the State Security Service arrested Paul Arno .",
        title="Velorian purge",
    )
    found = events(ex)
    assert ("Arrest", ("NKVD",), ("Otto Lenz",), "1937") in found, found
    assert ("Arrest", ("State Security Service",), ("Paul Arno",), "1939") in found, found


def test_a_list_of_sentences_with_the_verb_left_out(tmp_path: Path) -> None:
    """ "A was sentenced to death, B and C to ten years each and D twelve years": each
    named person got a sentence; the judge or the victim of a by- or of-phrase did not."""
    ex = read(
        tmp_path,
        "On 15 June 1958 Anton Hess was sentenced to death , Otto Lenz and Karl Vogt to"
        " seventeen years each and Paul Arno eight years .",
        "In 1959 the court sentenced Max Ruhr to death for the murder of Hans Roth .",
        title="Velorian trials",
    )
    sentenced = {n for e in events(ex) if e[0] == "Sentencing" for n in e[2]}
    assert sentenced == {"Anton Hess", "Otto Lenz", "Karl Vogt", "Paul Arno", "Max Ruhr"}, events(
        ex
    )


def test_a_session_of_a_body_said_to_be_held_is_a_meeting(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "A plenum of the Central Committee was held in June 1930.",
        "In May 1931 an extraordinary session of the Supreme Soviet was convened.",
        "The Presidium of the Supreme Soviet was held in high regard.",
        "The 2nd Plenary Session of the 3rd Central Committee was held in August 1932.",
        title="Velorian purge",
    )
    meetings = sorted(
        (e.organization.text if e.organization else "", e.date.iso if e.date else "")
        for e in ex.events
        if "Meeting" in e.types
    )
    assert meetings == [
        ("Central Committee", "1930-06"),
        ("Central Committee", "1932-08"),
        ("Supreme Soviet", "1931-05"),
    ], meetings


def test_an_object_pronoun_of_a_controlled_verb_is_not_its_controller(tmp_path: Path) -> None:
    """ "B was chosen to succeed him": "him" is not B, who is the one succeeding."""
    ex = read(
        tmp_path,
        "Anton Hess was President until 1940. Otto Lenz was chosen to succeed him as"
        " President in 1940.",
        title="Velorian purge",
    )
    held = {
        (t.holder.text, t.start.iso if t.start else "", t.end.iso if t.end else "")
        for t in ex.tenures
    }
    assert ("Otto Lenz", "", "1940") not in held, held
    assert ("Otto Lenz", "1940", "") in held, held


def test_a_regnal_number_after_a_titled_name_is_part_of_the_name(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "King Konrad II was deposed in 1105. In 1106 Emperor Henry IV died.",
        title="Velorian succession",
    )
    found = events(ex)
    assert ("Removal", (), ("Konrad II",), "1105") in found, found
    assert ("Death", (), ("Henry IV",), "1106") in found, found


def test_a_pronoun_after_two_subjects_of_different_persons_is_not_read(tmp_path: Path) -> None:
    """ "A had B tried; he was sentenced": "he" may be A or B, so neither is sentenced."""
    ex = read(
        tmp_path,
        "Otto Lenz had Anton Hess tried for treason; he was sentenced to death in 1959.",
        title="Velorian purge",
    )
    sentenced = {n for e in events(ex) if e[0] == "Sentencing" for n in e[2]}
    assert "Otto Lenz" not in sentenced, events(ex)


def test_an_interlanguage_link_prefix_before_a_name_is_no_part_of_it(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1960 :de:Anton Hessler, a member of the court, was appointed chief prosecutor.",
        title="Velorian trials",
    )
    assert ("Appointment", (), ("Anton Hessler",), "1960") in events(ex), events(ex)


def test_an_object_pronoun_is_the_earlier_subject_not_its_own_verbs_subject(
    tmp_path: Path,
) -> None:
    """ "A was questioned, and B moved him to X": "him" is A (B is its verb's subject)."""
    ex = read(
        tmp_path,
        "In 1970 Anton Hess was being questioned over missing funds, and Otto Lenz had"
        " moved him to the post of Minister of Justice.",
        title="Velorian purge",
    )
    held = {(t.holder.text, t.office.title) for t in ex.tenures}
    assert ("Anton Hess", "Minister of Justice") in held, held


def test_a_name_coordinated_with_a_person_is_a_person(tmp_path: Path) -> None:
    """The model calls "Learned Hand" an organization; listed with a person, it is one."""
    ex = read(
        tmp_path,
        "In 1950 Anton Hess clerked for Learned Hand and Felix Frankfurter.",
        "In 1952 Karl Weiss and the Velor Bank were accused of fraud.",
        title="Anton Hess",
    )
    persons = {m.text for m in ex.mentions if m.kind == "person"}
    assert {"Learned Hand", "Felix Frankfurter", "Karl Weiss"} <= persons, persons
    assert not any("Bank" in p for p in persons), persons


def test_a_bare_trial_before_a_verdict_is_the_trial_of_the_one_sentenced(
    tmp_path: Path,
) -> None:
    ex = read(
        tmp_path,
        "After a short trial, Paul Arno was executed in 1964.",
        "After Otto Lenz's trial, Anton Hess was sentenced to death in 1966.",
        title="Velorian trials",
    )
    tried = {n for e in events(ex) if e[0] == "Trial" for n in e[2]}
    assert tried == {"Paul Arno", "Otto Lenz"}, events(ex)


def test_the_title_stands_for_its_one_holder_named_before(tmp_path: Path) -> None:
    """ "the president" is the one person the article said was president, if only one."""
    ex = read(
        tmp_path,
        "In 1950 Anton Hess became President. The president resigned in 1954.",
        title="Velorian crisis",
    )
    assert ("Resignation", (), ("Anton Hess",), "1954") in events(ex), events(ex)
    two = read(
        tmp_path,
        "In 1950 Anton Hess became President. In 1952 Otto Lenz became President.",
        "The president resigned in 1954.",
        title="Velorian crisis",
    )
    assert not [e for e in events(two) if e[0] == "Resignation"], events(two)


def test_a_participle_the_model_reads_as_a_complement_is_a_passive(tmp_path: Path) -> None:
    """ "A was exiled to Siberia": the model makes "exiled" a complement of "was"."""
    ex = read(tmp_path, "Otto Lenz was exiled to Siberia in 1932.", title="Velorian purge")
    assert ("Expulsion", (), ("Otto Lenz",), "1932") in events(ex), events(ex)
