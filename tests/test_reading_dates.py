"""Dates stated by reference to another ("the same evening", "the next day") and the
clauses they date (issue 8). The sentences are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from histkg.model import Extraction
from histkg.parse.dates import find_dates, find_day_anaphora
from tests.conftest import extract_text


def read(tmp_path: Path, *paragraphs: str, title: str = "Velorian coup") -> Extraction:
    """Extract an invented article (see ``tests.conftest.extract_text``)."""
    return extract_text(tmp_path, title, paragraphs, spaced=False)


def events(ex: Extraction) -> set[tuple[str, tuple[str, ...], str]]:
    return {
        (e.types[0], tuple(m.text for m in e.affected), e.date.iso if e.date else "")
        for e in ex.events
    }


def anaphora(text: str, before: str | None = None) -> list[str]:
    from histkg.model import Date

    base = Date(before) if before else None
    return [d.date.iso for d in find_day_anaphora(text, find_dates(text, None), base)]


def test_the_same_day_and_the_next_day_in_one_sentence() -> None:
    text = "The army struck on 31 March 1950; the same evening Lenz fled, and the next day Berg."
    assert anaphora(text) == ["1950-03-31", "1950-04-01"]


def test_at_once_is_the_day_told_before() -> None:
    assert anaphora("The general resigned at once.", "1950-12-31") == ["1950-12-31"]
    assert anaphora("He was immediately arrested.", "1950-12-31") == ["1950-12-31"]
    assert anaphora("Immediately after the war he fled.", "1950-12-31") == []


def test_a_day_from_the_sentences_before() -> None:
    assert anaphora("That night the minister was arrested.", "1950-12-31") == ["1950-12-31"]
    assert anaphora("He was shot the following morning.", "1950-12-31") == ["1951-01-01"]


def test_no_day_to_refer_to_gives_no_date() -> None:
    assert anaphora("The next day he fled.") == []
    assert anaphora("The next day he fled.", "1950-03") == []  # a month is not a day


def test_the_day_of_something_is_not_an_anaphor() -> None:
    assert anaphora("On 3 May 1950 he spoke; on the day of the vote he fled.") == []


def test_an_arrest_dated_the_same_evening(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "On 6 March 1950 the army seized the capital. Otto Lenz was arrested the same evening.",
    )
    assert ("Arrest", ("Otto Lenz",), "1950-03-06") in events(ex), events(ex)


def test_executed_the_following_day_after_a_passive(tmp_path: Path) -> None:
    ex = read(tmp_path, "Otto Lenz was arrested on 31 March 1950 and executed the following day.")
    assert events(ex) == {
        ("Arrest", ("Otto Lenz",), "1950-03-31"),
        ("Execution", ("Otto Lenz",), "1950-04-01"),
    }, events(ex)


def test_a_past_verb_with_an_object_after_a_passive_keeps_its_subject(tmp_path: Path) -> None:
    ex = read(tmp_path, "Otto Lenz was elected in 1950 and dismissed his rival Karl Brenner.")
    removals = {e for e in events(ex) if e[0] == "Removal"}
    assert ("Removal", ("Otto Lenz",), "") not in removals, events(ex)


def test_an_event_after_which_a_dated_clause_happened_keeps_only_its_year(
    tmp_path: Path,
) -> None:
    ex = read(
        tmp_path,
        "Anton Kessel led the party for years. After the death of Anton Kessel, Otto Lenz"
        " was arrested on 6 October 1976.",
    )
    assert ("Death", ("Anton Kessel",), "1976") in events(ex), events(ex)
    assert ("Arrest", ("Otto Lenz",), "1976-10-06") in events(ex), events(ex)


def test_a_negated_clause_after_a_semicolon_leaves_the_one_before(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Anton Kessel was tried by a military court for treason and was sentenced on"
        " 21 December 1953 to three years in prison; he was not executed.",
    )
    assert {e[0] for e in events(ex)} == {"Trial", "Sentencing"}, events(ex)


def test_what_happened_where_someone_went_is_dated_by_the_going(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In the early morning of 30 June 1934 Anton Kessel flew to Velmar and drove to the"
        " Grand Hotel, where he personally arrested Otto Lenz.",
    )
    assert ("Arrest", ("Otto Lenz",), "1934-06-30") in events(ex), events(ex)


def test_what_happened_later_where_someone_went_is_not(tmp_path: Path) -> None:
    ex = read(tmp_path, "In 1950 Otto Lenz moved to Velmar, where he was later arrested.")
    assert ("Arrest", ("Otto Lenz",), "") in events(ex), events(ex)


def test_him_after_two_clauses_with_two_subjects_is_not_read(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Anton Kessel and his aides were shot on 23 December 1953; General Otto Lenz"
        " commanded the firing squad. Karl Brenner succeeded him as Minister of Justice.",
    )
    holders = {t.holder.text for t in ex.tenures if t.office.title == "Minister of Justice"}
    assert "Otto Lenz" not in holders, holders


def test_who_was_killed_in_a_coup_died_on_its_day(tmp_path: Path) -> None:
    # the model calls "Emil Kranz" a place; being killed makes it a person
    ex = read(
        tmp_path, "On 29 July 1966 officers launched a counter-coup in which Emil Kranz was killed."
    )
    assert ("Death", ("Emil Kranz",), "1966-07-29") in events(ex), events(ex)


def test_a_coup_written_about_later_does_not_date_its_deaths(tmp_path: Path) -> None:
    ex = read(
        tmp_path, "In 1980 Otto Lenz wrote a history of the coup in which Anton Kessel was killed."
    )
    assert ("Death", ("Anton Kessel",), "") in events(ex), events(ex)


def test_the_day_after_something_dates_what_follows_not_that_thing() -> None:
    text = "On 2 April 2007 the coach resigned. The day after Lenz resigned the others met."
    assert anaphora(text) == []
    assert anaphora("The coach resigned on 2 April 2007 and Lenz left the day after.") == [
        "2007-04-03"
    ]


def test_sentences_after_a_colon_take_the_verdicts_date(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The verdicts were delivered on 25 January 1981: Anna Berg and Otto Lenz were"
        " sentenced to death.",
    )
    sentenced = {(name, e[2]) for e in events(ex) if e[0] == "Sentencing" for name in e[1]}
    assert sentenced == {("Anna Berg", "1981-01-25"), ("Otto Lenz", "1981-01-25")}, events(ex)


def test_taking_ones_own_life_is_a_death(tmp_path: Path) -> None:
    ex = read(tmp_path, "Anna Berg took her own life on 14 May 1991.")
    assert ("Death", ("Anna Berg",), "1991-05-14") in events(ex), events(ex)


def test_relative_years_capitalized_at_a_sentences_start() -> None:
    assert [d.date.iso for d in find_dates("Two years later he was shot.", 1937)] == ["1939"]
    assert [d.date.iso for d in find_dates("The following year he fled.", 1937)] == ["1938"]
    assert find_dates("He fled in the following years.", 1937) == []


def test_months_by_reference() -> None:
    from histkg.model import Date
    from histkg.parse.date_anaphora import find_month_anaphora

    def months(text: str, *said: str) -> list[str]:
        found = find_dates(text, None)
        return [d.date.iso for d in find_month_anaphora(text, found, [Date(x) for x in said])]

    assert months("Later that month he was arrested.", "1950-03-04") == ["1950-03"]
    assert months("He fled in May 1950 and was caught two months later.") == ["1950-07"]
    assert months("He was shot that November.", "1938") == ["1938-11"]
    assert months("Later that month he was arrested.", "1950") == []  # no month to refer to
    assert months("After that May he never returned.", "1950") == []


def test_a_short_unmeasured_time_after_gives_the_year_only() -> None:
    from histkg.model import Date
    from histkg.parse.date_anaphora import find_vague_anaphora

    def vague(text: str, said: str | None) -> list[str]:
        found = find_dates(text, None)
        base = Date(said) if said else None
        return [d.date.iso for d in find_vague_anaphora(text, found, base)]

    assert vague("His wife was detained shortly afterwards.", "1949-06-01") == ["1949"]
    assert vague("He was caught a few days later.", "1950-03") == ["1950"]
    assert vague("He was caught a few days later.", None) == []
    assert vague("He resigned soon after the coup.", "1950") == []  # after something named


def test_an_arrest_shortly_after_a_dated_one(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Otto Lenz was arrested on 6 October 1976. Karl Brenner was detained shortly afterwards.",
    )
    assert ("Arrest", ("Karl Brenner",), "1976") in events(ex), events(ex)


def test_not_until_states_the_event_then(tmp_path: Path) -> None:
    ex = read(tmp_path, "Otto Lenz was not rehabilitated until May 1968.")
    assert ("Reinstatement", ("Otto Lenz",), "1968-05") in events(ex), events(ex)
    ex = read(tmp_path, "Otto Lenz was never rehabilitated.")
    assert not events(ex), events(ex)


def test_an_undated_sentence_goes_on_the_year_before(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "On 5 August 1948 Anton Hess was dismissed. Otto Lenz was arrested. Karl Brenner was"
        " arrested.",
        "Emil Bauer was arrested.",
    )
    # the sentences after it that say no time go on its year, within the paragraph
    assert ("Arrest", ("Otto Lenz",), "1948") in events(ex), events(ex)
    assert ("Arrest", ("Karl Brenner",), "1948") in events(ex), events(ex)
    assert ("Arrest", ("Emil Bauer",), "") in events(ex), events(ex)


def test_a_later_event_does_not_take_the_year_before(tmp_path: Path) -> None:
    ex = read(tmp_path, "On 5 August 1948 Anton Hess was dismissed. Otto Lenz was later shot.")
    assert {e[2] for e in events(ex) if e[1] == ("Otto Lenz",)} == {""}, events(ex)


def test_a_clause_joined_by_and_takes_the_year(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Anton Hess admitted in March 1956 that the charges had been fabricated, and Otto"
        " Lenz was rehabilitated.",
    )
    assert ("Reinstatement", ("Otto Lenz",), "1956") in events(ex), events(ex)


def test_a_month_of_a_date_is_no_given_name(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The trial of Anton Hess, Karl Brenner and Otto Lenz opened on 16 September 1949. On"
        " 24 September Hess, Karl Brenner and Otto Lenz were sentenced to death.",
    )
    names = {m.text for m in ex.mentions if m.kind == "person"}
    assert "September Hess" not in names, names


def test_a_month_alone_takes_the_year_said_before_it(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "After Anton Hess died in March 1956 , Otto Lenz was readmitted to the party in August .",
        "Karl Vogt was arrested on 6 October 1950 . In December he was tried .",
    )
    found = events(ex)
    assert ("Reinstatement", ("Otto Lenz",), "1956-08") in found, found
    assert ("Trial", ("Karl Vogt",), "1950-12") in found, found


def test_a_clause_takes_the_year_of_the_clause_it_hangs_in(tmp_path: Path) -> None:
    """Across a semicolon and into a relative clause on a person: the year (the day may
    differ); not into a relative clause on a thing (see the test of a coup written about
    later)."""
    ex = read(
        tmp_path,
        "On 5 August 1948 Anton Hess was dismissed ; Otto Lenz replaced him as Minister of"
        " Finance .",
        "Hess was deposed on 25 November 1953 by Colonel Max Ruhr , who installed General"
        " Karl Feld as President .",
    )
    found = events(ex)
    assert ("Appointment", ("Otto Lenz",), "1948") in found, found
    assert ("Appointment", ("Karl Feld",), "1953") in found, found


def test_a_gapped_clause_with_its_own_date_is_its_own_event(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Karl Vogt died on 21 April 2005 and Paul Arno on 23 December 2005 .",
        "Anton Hess was arrested in May 1950 and Otto Lenz in June .",
    )
    found = events(ex)
    assert {
        ("Death", ("Karl Vogt",), "2005-04-21"),
        ("Death", ("Paul Arno",), "2005-12-23"),
        ("Arrest", ("Anton Hess",), "1950-05"),
        ("Arrest", ("Otto Lenz",), "1950-06"),
    } <= found, found


# --- dates the story or a neighbouring clause gives (2026-12-03, evening) --------------


def test_an_undated_verb_takes_the_year_of_the_verb_joined_to_it(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Ivo Renner and Karl Ostrov were party leaders.",
        "Ivo Renner was tried by a military tribunal and was sentenced on 3 March 1951 to ten"
        " years. Karl Ostrov was arrested soon after the verdict and shot in 1953.",
    )
    found = events(ex)
    assert ("Trial", ("Ivo Renner",), "1951") in found, found
    # "soon after the verdict" places the arrest apart from the shooting
    assert ("Arrest", ("Karl Ostrov",), "") in found, found


def test_a_when_clause_dates_the_infinitive_its_verb_governs(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Anton Hess, Karl Ostrov and Ivo Renner were party leaders. Anton Hess was Minister of"
        " Labour.",
        "When Anton Hess was dismissed on 4 June 1953, Ivo Renner was chosen to succeed him.",
    )
    dated = {(e.types[0], e.date.iso if e.date else "") for e in ex.events}
    assert ("Appointment", "1953-06-04") in dated, dated


def test_the_day_on_which_names_the_date_before_it(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Karl Ostrov and Anton Hess were party leaders. Karl Ostrov was arrested in 1950.",
        "Karl Ostrov was released on 6 July 1955, the day on which Anton Hess died.",
    )
    assert ("Death", ("Anton Hess",), "1955-07-06") in events(ex), events(ex)


def test_the_year_reaches_back_over_sentences_that_say_no_time(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Karl Ostrov and his wife Mara Ostrova were tried on 3 May 1950. Two army lawyers"
        " defended them. The tribunal sentenced both defendants to death.",
    )
    assert ("Sentencing", ("Karl Ostrov", "Mara Ostrova"), "1950") in events(ex), events(ex)


def test_the_year_does_not_reach_over_a_sentence_set_elsewhere_in_time(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Karl Ostrov was tried on 3 May 1950. Years later his son became a judge. Karl"
        " Ostrov was sentenced to death.",
    )
    assert ("Sentencing", ("Karl Ostrov",), "") in events(ex), events(ex)


def test_after_a_step_of_its_own_a_sentence_goes_on_the_story(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Karl Ostrov was tried on 3 May 1950. He was convicted after a hearing of two hours"
        " and shot minutes later.",
    )
    found = events(ex)
    assert ("Sentencing", ("Karl Ostrov",), "1950") in found, found


def test_a_sentence_about_the_present_is_not_in_the_story_s_year(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Karl Ostrov and Mara Ostrova were party leaders.",
        "The square was rebuilt in 2009. The park honours Karl Ostrov, who was executed by the"
        " army. Mara Ostrova was arrested by the police.",
    )
    found = events(ex)
    assert ("Execution", ("Karl Ostrov",), "") in found, found
    assert ("Arrest", ("Mara Ostrova",), "2009") in found, found  # a past tense goes on


def test_the_article_s_main_year_is_not_a_span_in_parentheses(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The Velor League was a faction of the Great Purge (1936–1938). It was founded in 1950 by"
        " Anton Hess and Ivo Renner.",
        "Hess wrote its programme. Renner led its youth wing. The two men quarrelled often. The"
        " league grew quickly. On 7 October Ivo Renner was arrested.",
    )
    assert ("Arrest", ("Ivo Renner",), "1950-10-07") in events(ex), events(ex)


def test_a_span_of_days_in_one_word_dates_its_clause_to_the_month(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Anton Hess and Ivo Renner were party leaders.",
        "Anton Hess and Ivo Renner were executed at Tarn on the night of 16–17 April 1954.",
    )
    assert ("Execution", ("Anton Hess", "Ivo Renner"), "1954-04") in events(ex), events(ex)


def test_a_bare_time_phrase_opening_a_sentence_dates_it(tmp_path: Path) -> None:
    # the model makes "day" the root and the clause a relative clause on it
    ex = read(
        tmp_path,
        "Anna Berg and Ivo Renner were Velorian politicians.",
        "On 23 July 2001 the assembly removed Anna Berg from office. The same day the assembly"
        " elected Ivo Renner Vice President.",
    )
    dated = {(e.types[0], e.date.iso if e.date else "") for e in ex.events}
    assert ("Election", "2001-07-23") in dated, dated


def test_what_opens_on_a_day_is_dated_to_that_day(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The trial of Anton Hess opened in Velor on 16 September 1949.",
        "The Fifth Congress of the Labour League opened in Lyon on 4 March 1921.",
    )
    found = events(ex)
    assert ("Trial", ("Anton Hess",), "1949-09-16") in found, found
    assert ("Meeting", (), "1921-03-04") in found, found


def test_a_law_passed_on_a_date_is_stated_without_who_passed_it(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The agrarian reform law was decreed on 9 September 1952. A press law was drafted.",
    )
    assert {e for e in events(ex) if e[0] == "Decree"} == {("Decree", (), "1952-09-09")}


def test_a_day_without_a_year_takes_the_year_its_paragraph_wrote_last(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The Velorian coup of 1931 overthrew the monarchy. On 3 May 1931 the army seized the"
        " palace.",
        "On 1 November 1950 the generals struck again. The cabinet met in the evening. The"
        " ministers were told to wait. No one resigned that week. On 4 November the generals"
        " appointed Anton Hess as Prime Minister.",
    )
    assert ("Appointment", ("Anton Hess",), "1950-11-04") in events(ex), events(ex)


def test_a_body_named_by_its_noun_issues_a_decree_only_when_the_sentence_dates_it(
    tmp_path: Path,
) -> None:
    ex = read(
        tmp_path,
        "In 1950 the junta dissolved the parliament.",
        "The council banned the party, and Anton Hess ruled Velor until 1990.",
    )
    assert {e for e in events(ex) if e[0] == "Decree"} == {("Decree", (), "1950")}, events(ex)


def test_a_while_clause_dates_the_verb_it_hangs_on(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Ivo Renner was shot dead by the police while resisting arrest in 1922.",
        "While visiting Lyon in 1924, Otto Lenz was shot dead by an anarchist.",
    )
    assert {("Death", ("Ivo Renner",), "1922"), ("Death", ("Otto Lenz",), "1924")} <= events(ex), (
        events(ex)
    )


def test_what_a_before_phrase_names_does_not_date_the_clause(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Before his arrest in 1937, Anton Hess had resigned as Minister of Finance.",
        "The five men were hanged in the prison yard before dawn on 13 July 1890.",
        "The five men were Otto Lenz, Ivo Renner, Karl Ostrov, Paul Weiss and Jan Hollar.",
    )
    resigned = [e for e in events(ex) if e[0] == "Resignation"]
    assert resigned == [("Resignation", ("Anton Hess",), "")], events(ex)
    assert not [e for e in events(ex) if e[2] == "1937"], events(ex)


def test_a_short_while_before_a_dated_event_gives_its_year(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Two days before the election of 3 May 1950, Anton Hess was arrested.",
        "Otto Lenz was arrested a week before the elections of June 1951.",
    )
    assert {("Arrest", ("Anton Hess",), "1950"), ("Arrest", ("Otto Lenz",), "1951")} <= events(
        ex
    ), events(ex)


def test_clauses_before_a_semicolon_take_the_year_of_the_date_after_it(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The High Court tried Ivo Renner and sentenced him to death; he was whipped in public"
        " and hanged at Kessow on 27 April 1792.",
    )
    assert {
        ("Trial", ("Ivo Renner",), "1792"),
        ("Sentencing", ("Ivo Renner",), "1792"),
        ("Execution", ("Ivo Renner",), "1792-04-27"),
    } <= events(ex), events(ex)


def test_a_month_alone_after_a_section_break_takes_the_storys_year(tmp_path: Path) -> None:
    ex = extract_text(
        tmp_path,
        "Impeachment of Anton Hess",
        (
            "Anton Hess was impeached in March 1868.",
            "==Aftermath==",
            "Karl Brandt became Attorney General in July.",
        ),
        spaced=False,
    )
    assert ("Appointment", ("Karl Brandt",), "1868-07") in events(ex), events(ex)


def test_days_counted_from_the_last_day_said() -> None:
    assert anaphora("The court ruled on 20 May 1993, and two days later the Senate voted.") == [
        "1993-05-22"
    ]
    assert anaphora("The court ruled on 20 May 1993; twenty-four hours later A resigned.") == [
        "1993-05-21"
    ]
    assert anaphora("A week later the Senate voted.", before="1993-05-20") == ["1993-05-27"]
    assert anaphora("Three days earlier he had fled.", before="1993-05-20") == ["1993-05-17"]
    assert anaphora("A few days later the Senate voted.", before="1993-05-20") == []


def test_the_same_day_as_a_date_earlier_in_the_sentence(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "On 2 May 1950 the council issued a decree dissolving the parliament, and the same day"
        " the Regent named Otto Lenz as Prime Minister.",
        "On 3 June 1951 Ivo Renner was arrested; that same day Karl Ostrov was dismissed as"
        " Minister of War.",
    )
    assert {
        ("Appointment", ("Otto Lenz",), "1950-05-02"),
        ("Removal", ("Karl Ostrov",), "1951-06-03"),
    } <= events(ex), events(ex)


def test_of_that_year_takes_the_year_written_before_it_in_the_sentence(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Ivo Renner lost his civil rights until 1913. Anton Hess left Velor in 1908 and was"
        " detained in Lisbon in June of that year.",
    )
    assert ("Arrest", ("Anton Hess",), "1908-06") in events(ex), events(ex)


def test_a_since_year_is_no_time_of_the_story(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Karl Ostrov ran the cabinet that had ruled Velor since 1705. He kept his seat."
        " Ostrov wanted an ally. His favourite, Otto Lenz, was killed near Tarn on 23 January.",
    )
    assert not [e for e in events(ex) if e[2].startswith("1705")], events(ex)


def test_a_day_its_paragraph_dated_goes_on_the_story(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The rising in Velor began in 1927. The army hesitated. Students marched. The radio"
        " fell silent. On 27 February the rebels fired on their prisoners. Otto Lenz and Karl"
        " Ostrov were among those killed.",
    )
    assert ("Death", ("Otto Lenz", "Karl Ostrov"), "1927") in events(ex), events(ex)


def test_before_a_court_is_a_place_not_a_time(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Anton Hess was tried before the supreme court in June 1927.",
        "Ivo Renner appeared before the Senate on 3 May 1930 and resigned.",
    )
    assert ("Trial", ("Anton Hess",), "1927-06") in events(ex), events(ex)


def test_a_meeting_the_sentence_opens_with_dates_what_it_tells(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The party met often. At the Fourth Plenum in May 1927 the earlier line was declared"
        " wrong, Anton Hess was rehabilitated, and Ivo Renner was criticised.",
        "At the congress of 1950 Karl Ostrov spoke; he was arrested in 1952.",
    )
    assert {
        ("Reinstatement", ("Anton Hess",), "1927-05"),
        ("Arrest", ("Karl Ostrov",), "1952"),
    } <= (events(ex)), events(ex)


def test_a_paragraph_opening_with_the_next_day_counts_from_the_one_before(
    tmp_path: Path,
) -> None:
    ex = read(
        tmp_path,
        "The plot began on 4 March 1733. Anton Hess resigned the same morning.",
        "The next day Otto Lenz was arrested. Karl Ostrov fled.",
    )
    assert ("Arrest", ("Otto Lenz",), "1733-03-05") in events(ex), events(ex)


def test_an_event_nouns_relative_clause_of_occurring_dates_it(tmp_path: Path) -> None:
    ex = extract_text(
        tmp_path,
        "Velor trials",
        (
            "The trial of John Miller, which began on 3 May 1950, lasted three weeks.",
            "Robert Klein's arrest, which took place on 4 June 1950, shocked the party.",
        ),
        spaced=False,
    )
    found = events(ex)
    assert {
        ("Trial", ("John Miller",), "1950-05-03"),
        ("Arrest", ("Robert Klein",), "1950-06-04"),
    } <= found, found


def test_the_following_month_named_is_its_next_coming(tmp_path: Path) -> None:
    ex = extract_text(
        tmp_path,
        "Velor custody",
        (
            "Defeated in the war, John Miller had surrendered to the rebels in May 1846 and was"
            " handed over to the assembly the following January.",
        ),
        spaced=False,
    )
    assert ("Arrest", ("John Miller",), "1847-01") in events(ex), events(ex)
