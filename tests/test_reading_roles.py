"""Who a role is: names the model cut, glued or hung on the wrong word, and the verb a
noun trigger's pattern hangs on (issue 8). Each reads a small invented article.

The sentences are written for these tests; none comes from the dev articles or the seeds.
"""

from __future__ import annotations

from pathlib import Path

from histkg.model import Extraction
from tests.conftest import events, extract_text


def read(tmp_path: Path, *paragraphs: str, title: str = "Velor purge") -> Extraction:
    """Extract an invented article (see ``tests.conftest.extract_text``)."""
    return extract_text(tmp_path, title, paragraphs, spaced=True)


def persons(ex: Extraction) -> set[str]:
    return {m.text for m in ex.mentions if m.kind == "person"}


def test_a_clause_opener_is_not_part_of_the_name_after_it(tmp_path: Path) -> None:
    # the model tags "Following Ritter's" as one person
    ex = read_plain(
        tmp_path,
        "Velor purge",
        "The arrest of Paul Ritter followed. Ritter was expelled from the party.\n"
        "Following Ritter's expulsion, Anton Hess took over as deputy minister.",
    )
    assert "Following Ritter" not in persons(ex), persons(ex)
    assert ("Expulsion", (), ("Ritter",), "") in events(ex), events(ex)


def test_an_untagged_name_listed_with_a_person_is_a_person(tmp_path: Path) -> None:
    ex = read(tmp_path, "Vera Holm was purged in 1952 along with Otto Falk and Jan Moor .")
    assert "Jan Moor" in persons(ex), persons(ex)


def test_a_place_listed_by_commas_after_a_name_stays_a_place(tmp_path: Path) -> None:
    ex = read(tmp_path, "Otto Falk was born in 1901 in Tarn Mill , Velor Governorate .")
    assert "Velor Governorate" not in persons(ex), persons(ex)


def test_a_name_hung_on_the_title_inside_the_subject_is_the_subject(tmp_path: Path) -> None:
    # the parser attaches "Emil Bauer" to "Minister", not to "successor"
    ex = read(
        tmp_path, "Her successor as Minister of Labour , Emil Bauer , was assassinated in 1950 ."
    )
    assert ("Death", (), ("Emil Bauer",), "1950") in events(ex), events(ex)


def test_a_coordinated_passive_parsed_as_a_complement_is_read(tmp_path: Path) -> None:
    # "and was exiled to …": the model makes "exiled" a complement of a subjectless "was"
    ex = read(
        tmp_path,
        "Lena Sand lost her seat on the Politburo in 1939 and was exiled to the provinces .",
    )
    assert ("Expulsion", (), ("Lena Sand",), "1939") in events(ex), events(ex)


def test_brought_before_a_court_is_a_trial(tmp_path: Path) -> None:
    ex = read(tmp_path, "Karl Ost was brought before the Supreme Court in 1950 .")
    assert ("Trial", (), ("Karl Ost",), "1950") in events(ex), events(ex)


def test_the_verb_of_a_noun_triggers_pattern_can_deny_it(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Anton Hess was never brought before a court .",
        "Anna Berg was not put on trial .",
        "Tomas Varga never stood trial .",
    )
    assert not [e for e in ex.events if e.types == ["Trial"]], events(ex)


def tenures(ex: Extraction) -> set[tuple[str, str]]:
    return {(t.holder.text, t.office.title.lower()) for t in ex.tenures}


def test_titles_with_for_general_and_in_chief(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1938 Anton Hess became People's Commissar for Internal Affairs.",
        "Anna Berg succeeded Otto Lenz as commander-in-chief in 1941.",
        "The Procurator-General, Ivo Renner, opened the case in 1942.",
    )
    found = tenures(ex)
    assert ("Anton Hess", "people's commissar for internal affairs") in found, found
    assert ("Anna Berg", "commander-in-chief") in found, found
    assert ("Ivo Renner", "procurator-general") in found, found


def test_a_for_phrase_of_time_is_no_part_of_a_title(tmp_path: Path) -> None:
    ex = read(tmp_path, "Anton Hess served as minister for ten years after 1938.")
    assert not any("ten years" in office for _holder, office in tenures(ex)), tenures(ex)


def test_formerly_before_an_apposed_office(tmp_path: Path) -> None:
    ex = read(tmp_path, "Paul Ritter, formerly ambassador to France, was arrested in 1943.")
    former = [t for t in ex.tenures if t.holder.text == "Paul Ritter"]
    assert [t.office.title for t in former] == ["Ambassador to France"], former
    assert former[0].former, former


def test_with_a_name_as_an_office(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Anna Berg met Felix Amsel and Otto Falk in 1949.",
        "The trial of Anna Berg opened in 1950 with Felix Amsel as prosecutor.",
        "Anna Berg left the country with Otto Falk as a companion.",
    )
    found = tenures(ex)
    assert ("Felix Amsel", "prosecutor") in found, found
    assert not [h for h, _o in found if h == "Otto Falk"], found


def test_a_service_before_a_post_noun_is_part_of_the_title(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Hugo Brandt and Otto Falk were born in 1901.",
        "The army commander, General Hugo Brandt, resigned in 1944.",
        "Lieutenant Commander Otto Falk was captured in 1942.",
    )
    found = tenures(ex)
    assert ("Hugo Brandt", "army commander") in found, found
    assert not [h for h, _o in found if h == "Otto Falk"], found  # a naval rank


def test_a_biographys_he_after_a_fronted_date_and_a_plural_subject(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Karl Weiss (4 May 1890 – 12 June 1938) was a Ruritanian politician.",
        "His rivals, led by Otto Lenz, feared that he would seize power. On 26 June 1937 he was"
        " arrested during a session of the Presidium.",
        title="Karl Weiss",
    )
    assert ("Arrest", (), ("Karl Weiss",), "1937-06-26") in events(ex), events(ex)


def test_a_fronted_name_keeps_the_pronoun_unread(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Karl Weiss (4 May 1890 – 12 June 1938) was a Ruritanian politician.",
        "Otto Lenz and Anna Berg met in 1936. With Anna Berg gone, he was arrested in 1937.",
        title="Karl Weiss",
    )
    assert not [e for e in ex.events if e.types == ["Arrest"]], events(ex)


def test_a_bodys_vote_is_dated_by_what_it_decided(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "On 15 March 1951 the National Assembly voted to nationalise the oil industry.",
        "The Central Committee voted unanimously to expel Anton Hess in 1952.",
    )
    votes = sorted((e.date.iso if e.date else "") for e in ex.events if e.types == ["Vote"])
    assert votes == ["1951-03-15", "1952"], events(ex)
    assert not [e for e in ex.events if e.types == ["Expulsion"]], events(ex)


def test_minutes_later_goes_on_in_the_year_before(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "On 25 December 1989 Anton Hess and Anna Berg were arrested. They were sentenced to"
        " death and shot by a firing squad minutes later.",
    )
    dated = {e.types[0]: e.date.iso if e.date else "" for e in ex.events}
    assert dated.get("Sentencing") == "1989" and dated.get("Execution") == "1989", events(ex)


def test_a_capitalized_definite_title_stands_for_its_one_holder(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1953 Shah Reza Amini dismissed Prime Minister Karl Ost. In 1960 the Shah died in Rome.",
    )
    assert ("Death", (), ("Reza Amini",), "1960") in events(ex), events(ex)


def test_a_definite_title_two_people_held_stands_for_no_one(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1953 King Otto Falk appointed Karl Ost. King Anton Hess followed him in 1955."
        " In 1960 the King died in Rome.",
    )
    assert not [e for e in ex.events if e.types == ["Death"]], events(ex)


def test_the_object_of_forced_is_who_resigns(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In July 1956 King Anton Hess forced Ivo Renner to resign as Prime Minister .",
    )
    found = events(ex)
    assert ("Resignation", (), ("Ivo Renner",), "1956-07") in found, found
    assert not any(e[2] == ("Anton Hess",) for e in found), found


def test_a_promise_to_resign_is_the_promiser_s(tmp_path: Path) -> None:
    # subject control: not the object
    ex = read(tmp_path, "In July 1956 Ivo Renner promised the voters to resign as mayor .")
    assert not any(("Anton Hess",) == e[2] for e in events(ex)), events(ex)
    assert all(e[2] != ("the voters",) for e in events(ex)), events(ex)


def test_both_defendants_are_the_two_tried_not_the_two_appointed(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Karl Ostrov and his wife Mara Ostrova were tried on 3 May 1950 .",
        "Ivo Renner and Anton Hess were appointed as their lawyers . The tribunal sentenced"
        " both defendants to death . The couple were shot in the yard .",
    )
    found = events(ex)
    pair = ("Karl Ostrov", "Mara Ostrova")
    assert any(e[0] == "Sentencing" and e[2] == pair for e in found), found
    assert any(e[0] == "Execution" and e[2] == pair for e in found), found
    lawyers = {"Ivo Renner", "Anton Hess"}
    assert not any(e[0] != "Appointment" and set(e[2]) & lawyers for e in found), found


def test_given_names_joined_before_one_surname_are_two_persons(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Karl Ostrov and Mara Ostrov were party leaders . Friedrich Engels wrote books .",
        "The trial of Karl and Mara Ostrov was held in 1955 . Marx and Friedrich Engels were"
        " arrested in 1956 .",
    )
    found = events(ex)
    assert ("Trial", (), ("Karl Ostrov", "Mara Ostrov"), "1955") in found, found
    assert "Marx Engels" not in persons(ex), persons(ex)


def test_a_family_name_said_alone_is_not_a_given_name(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Zhou Minghua and Wang Lihua were party leaders . Zhou spoke often .",
        "Zhou and Wang Lihua were arrested in 1976 .",
    )
    assert "Zhou Lihua" not in persons(ex), persons(ex)


def test_a_service_known_by_one_word_is_the_agent(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Anton Hess and Ivo Renner were Velorian politicians .",
        "Anton Hess was seized by the Gestapo in 1941 . Ivo Renner was arrested by NKVD officers"
        " in 1942 .",
    )
    found = events(ex)
    assert ("Arrest", ("Gestapo",), ("Anton Hess",), "1941") in found, found
    assert ("Arrest", ("NKVD",), ("Ivo Renner",), "1942") in found, found
    assert "Gestapo" not in persons(ex), persons(ex)


def plain(tmp_path: Path, *paragraphs: str) -> Extraction:
    """An invented article in ordinary punctuation."""
    return extract_text(tmp_path, "Velor purge", paragraphs, spaced=False)


def test_the_subject_of_a_causative_have_is_the_agent(tmp_path: Path) -> None:
    intro = "Emil Bauer and Otto Lenz were rivals."
    ex = plain(tmp_path, intro, "In 1950 Emil Bauer had Otto Lenz arrested.")
    assert ("Arrest", ("Emil Bauer",), ("Otto Lenz",), "1950") in events(ex), events(ex)
    ex = plain(tmp_path, intro, "Emil Bauer had arrested Otto Lenz in 1950.")  # pluperfect
    assert ("Arrest", ("Emil Bauer",), ("Otto Lenz",), "1950") in events(ex), events(ex)


def test_found_shot_dead_is_a_death(tmp_path: Path) -> None:
    ex = plain(tmp_path, "Anton Hess led the party.", "Anton Hess was found shot dead in 1951.")
    assert ("Death", (), ("Anton Hess",), "1951") in events(ex), events(ex)


def test_as_were_adds_the_subjects_of_the_ellipsis(tmp_path: Path) -> None:
    ex = plain(
        tmp_path,
        "Anton Hess, Jan Moor and Ivo Renner were party leaders.",
        "Anton Hess was shot at the prison in 1954, as were Jan Moor and Ivo Renner.",
    )
    assert ("Death", (), ("Anton Hess", "Jan Moor", "Ivo Renner"), "1954") in events(ex), events(ex)


def test_a_list_of_names_after_a_yearless_day_is_the_subject(tmp_path: Path) -> None:
    # the model makes the first name the object of "On" and leaves the verb no subject
    ex = plain(
        tmp_path,
        "In 1950 Anton Hess, Ivo Renner and Karl Ostrov were arrested.",
        "On 15 June Anton Hess, Ivo Renner and Karl Ostrov were sentenced to death.",
    )
    trio = ("Anton Hess", "Ivo Renner", "Karl Ostrov")
    assert ("Sentencing", (), trio, "1950-06-15") in events(ex), events(ex)


def test_the_four_are_the_four_members_listed_before(tmp_path: Path) -> None:
    ex = plain(
        tmp_path,
        "The Velor Clique was a faction of the Velorian Labour Party. Its members were Anton"
        " Hess, Ivo Renner, Karl Ostrov and Emil Bauer.",
        "In October 1960 all four were arrested by the police.",
    )
    four = ("Anton Hess", "Ivo Renner", "Karl Ostrov", "Emil Bauer")
    assert ("Arrest", (), four, "1960-10") in events(ex), events(ex)


def test_a_name_and_n_others_count_as_a_group_of_n_plus_one(tmp_path: Path) -> None:
    ex = plain(
        tmp_path,
        "Its members were Anton Hess, Ivo Renner, Karl Ostrov and Emil Bauer.",
        "In 1961 Anton Hess and three other officers were arrested. All four were convicted"
        " on 3 May 1961.",
    )
    convicted = [e for e in events(ex) if e[0] == "Sentencing"]
    assert convicted == [("Sentencing", (), ("Anton Hess",), "1961-05-03")], events(ex)


def test_they_after_a_fronted_participle_are_the_group_before(tmp_path: Path) -> None:
    ex = plain(
        tmp_path,
        "Anton Hess and Ivo Renner were party leaders.",
        "In 1950 Anton Hess and Ivo Renner were sentenced to death. Abandoned by the army, they"
        " were shot in June 1951.",
    )
    assert ("Execution", (), ("Anton Hess", "Ivo Renner"), "1951-06") in events(ex), events(ex)


def test_both_is_not_a_pair_named_in_another_paragraph(tmp_path: Path) -> None:
    ex = plain(
        tmp_path,
        "Anton Hess and Ivo Renner founded the Velorian Labour Party in 1920.",
        "In 1941 the cruisers Tarn and Velor were repaired, and both rejoined the fleet.",
    )
    assert not any(
        e[2] == ("Anton Hess", "Ivo Renner") and e[0] != "Appointment" for e in events(ex)
    ), events(ex)


def test_an_arrest_during_a_session_tells_of_the_session(tmp_path: Path) -> None:
    ex = plain(
        tmp_path,
        "Anton Hess led the Velorian Labour Party.",
        "On 3 May 1950 Anton Hess was arrested during a session of the Politburo.",
    )
    meetings = [(e.types[0], e.organization.text if e.organization else "") for e in ex.events]
    assert ("Meeting", "Politburo") in meetings, meetings


def test_a_person_glued_after_of_into_a_party_name_is_a_person(tmp_path: Path) -> None:
    ex = plain(
        tmp_path,
        "The coup came a month before elections that the Labour Union of Georgios Petrakis"
        " was expected to win. In July 1965 King Paul forced Petrakis to resign. His son"
        " Andreas Petrakis was arrested in 1967.",
    )
    assert "Georgios Petrakis" in persons(ex), persons(ex)
    ex = plain(tmp_path, "In 1950 the Academy of Fine Arts opened in the Palace of Tarn.")
    assert not persons(ex), persons(ex)


def test_an_object_pronoun_is_not_the_subject_of_its_causative_verb(tmp_path: Path) -> None:
    ex = read_plain(
        tmp_path,
        "Ivo Renner",
        "Ivo Renner (2 May 1901 – 4 April 1971) was a Velorian politician. Marcel Tarn was"
        " his rival.",
        "In 1934 the Resident-General, Marcel Tarn, had him arrested.",
    )
    arrests = [e for e in events(ex) if e[0] == "Arrest"]
    assert arrests and all(e[2] == ("Ivo Renner",) for e in arrests), events(ex)


def test_he_in_an_article_titled_by_what_one_person_underwent_is_that_person(
    tmp_path: Path,
) -> None:
    from tests.conftest import extract_text

    paragraphs = (
        "The trial of Anton Hess was a political trial held in Velor in 1950. The police"
        " suspected a clerk on the General Staff.",
        "He was arrested on 3 November 1949 by Major Otto Lenz.",
    )
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    titled = extract_text(tmp_path / "a", "Trial of Anton Hess", paragraphs, spaced=False)
    arrested = {m.text for e in titled.events if e.types == ["Arrest"] for m in e.affected}
    assert arrested == {"Anton Hess"}, arrested
    other = extract_text(tmp_path / "b", "Velorian trials", paragraphs, spaced=False)
    assert not [e for e in other.events if e.types == ["Arrest"] and e.affected]


def test_each_is_the_group_named_before_it(tmp_path: Path) -> None:
    from tests.conftest import extract_text

    ex = extract_text(
        tmp_path,
        "Velorian trials",
        (
            "Anton Hess and Otto Lenz were tried together in May 1961, and on 31 May 1961"
            " each was sentenced to twelve years of hard labour.",
            "Each member of the committee was arrested in 1952.",
        ),
        spaced=False,
    )
    sentenced = [sorted(m.text for m in e.affected) for e in ex.events if e.types == ["Sentencing"]]
    assert sentenced == [["Anton Hess", "Otto Lenz"]], sentenced
    assert not [e for e in ex.events if e.types == ["Arrest"]], [e.types for e in ex.events]


def test_a_participles_object_pronoun_is_the_one_named_before_not_the_subject(
    tmp_path: Path,
) -> None:
    ex = read_plain(
        tmp_path,
        "Velorian bombing",
        "A bomb exploded under the car of Prime Minister Anton Hess on 20 December 1973,"
        " killing him instantly.",
        "Otto Lenz fired at the car of Ivo Renner on 2 May 1975, killing him.",
    )
    assert {(e[0], e[1], e[2]) for e in events(ex) if e[0] == "Death"} == {
        ("Death", (), ("Anton Hess",)),
        ("Death", ("Otto Lenz",), ("Ivo Renner",)),
    }, events(ex)


def test_a_tally_after_a_verb_of_deciding_is_a_vote_not_an_elections_count(
    tmp_path: Path,
) -> None:
    ex = read_plain(
        tmp_path,
        "Velor assembly",
        "The Diet rejected the motion on 5 May 1891 by 200 votes to 150.",
        "On 3 March 1901 the Diet impeached Anton Hess by 120 votes to 40.",
        "On 9 June 1905 Otto Lenz beat Karl Ostrov by 90 votes to 80.",
        "An attempt to censure Otto Lenz failed in the Diet on 2 April 1907 by 61 votes to 70.",
    )
    votes = sorted(
        (e.date.iso if e.date else "", e.outcome or "", e.votes_for, e.votes_against)
        for e in ex.events
        if e.types == ["Vote"]
    )
    assert votes == [
        ("1891-05-05", "failed", 150, 200),
        ("1901-03-03", "passed", 120, 40),
        ("1907-04-02", "failed", 61, 70),
    ], votes


def test_the_new_king_is_the_latest_king_named(tmp_path: Path) -> None:
    ex = read_plain(
        tmp_path,
        "France",
        "Charles X became King of France in 1824. The new King was himself deposed by"
        " the people in July 1830.",
        "In 1832 the old King died.",
    )
    found = {(e[0], e[2]) for e in events(ex)}
    assert {("Removal", ("Charles X",)), ("Death", ("Charles X",))} <= found, events(ex)


def test_a_series_of_passives_and_a_passive_joined_to_an_active_verb_share_the_subject(
    tmp_path: Path,
) -> None:
    ex = read_plain(
        tmp_path,
        "Velor purge",
        "Anton Hess was arrested in 1950, tried in secret and executed in 1952.",
        "Otto Lenz became Prime Minister in 1935. He moved Velor towards Kessow, and was"
        " dismissed by the Regent in February 1939.",
    )
    found = {(e[0], e[2], e[3]) for e in events(ex)}
    assert {
        ("Execution", ("Anton Hess",), "1952"),
        ("Removal", ("Otto Lenz",), "1939-02"),
    } <= found, events(ex)


def test_an_agreement_object_joined_to_another_takes_the_date_between_them(
    tmp_path: Path,
) -> None:
    ex = read_plain(
        tmp_path,
        "Velor treaties",
        "Anton Hess signed a treaty of alliance with Velor in February 1936 and, on 12"
        " May 1936, an agreement with Kessow.",
        "The two governments signed a pact in 1938.",
    )
    agreements = sorted(
        (e.date.iso if e.date else "", tuple(m.text for m in e.participants))
        for e in ex.events
        if e.types == ["Agreement"]
    )
    assert agreements == [("1936-02", ("Anton Hess",)), ("1936-05-12", ("Anton Hess",))], agreements


def test_his_in_what_someone_brought_about_is_not_that_someone(tmp_path: Path) -> None:
    ex = read_plain(
        tmp_path,
        "Velor cabinet",
        "Ivo Renner became Prime Minister in 1950. In 1955 Anton Hess engineered his dismissal.",
        "In 1956 Otto Lenz announced his resignation.",
    )
    found = {(e[0], e[2]) for e in events(ex)}
    assert ("Removal", ("Anton Hess",)) not in found, events(ex)
    assert ("Resignation", ("Otto Lenz",)) in found, events(ex)


def test_an_object_pronoun_after_a_joined_verb_is_not_the_shared_subject(tmp_path: Path) -> None:
    ex = extract_text(
        tmp_path,
        "Velor murder",
        ("Colonel Anton Hess entered Otto Lenz's study on 7 May 1926 and stabbed him to death.",),
        spaced=False,
    )
    assert {(e[0], e[1], e[2]) for e in events(ex)} == {
        ("Death", ("Anton Hess",), ("Otto Lenz",))
    }, events(ex)


def test_a_successor_at_a_named_ministry_takes_the_ministers_office(tmp_path: Path) -> None:
    ex = read_plain(
        tmp_path,
        "Velor ministries",
        "Anton Hess was replaced at the War Ministry by Otto Lenz in 1931.",
        "Karl Ostrov was appointed Minister of the Treasury in 1920. Ostrov resigned on 2 May"
        " 1925 and was followed at the Treasury by Anna Berg.",
    )
    tenures = {(t.holder.text, t.office.title) for t in ex.tenures}
    assert ("Otto Lenz", "Minister of War") in tenures, tenures
    assert ("Anna Berg", "Minister of the Treasury") in tenures, tenures


def test_a_department_named_by_the_at_phrase_must_be_the_post_left(tmp_path: Path) -> None:
    ex = read_plain(
        tmp_path,
        "Velor treasury",
        "Karl Ostrov was appointed Governor of Kessow in 1920. Ostrov resigned on 2 May"
        " 1925 and was followed at the Treasury by Anna Berg.",
    )
    assert not [t for t in ex.tenures if t.holder.text == "Anna Berg"], ex.tenures


def test_names_listed_beside_an_event_noun_are_those_it_happens_to(tmp_path: Path) -> None:
    ex = read_plain(
        tmp_path,
        "Velor purge",
        "On 2 June 1931 the assembly ordered the arrest of forty members of the party, John"
        " Miller, Robert Klein and Maria Costa among them, and of the two ministers Karl"
        " Ostrov and Anna Berg.",
    )
    arrested = {m.text for e in ex.events if e.types == ["Arrest"] for m in e.affected}
    assert arrested == {"John Miller", "Robert Klein", "Maria Costa", "Karl Ostrov", "Anna Berg"}


def test_an_infinitive_clause_shares_its_subject_and_a_causative_its_date(
    tmp_path: Path,
) -> None:
    ex = read_plain(
        tmp_path,
        "Velor politics",
        "John Miller went on to win the general election of 1972.",
        "In May 1975 John Miller had Robert Klein arrested.",
    )
    found = events(ex)
    assert ("Election", (), ("John Miller",), "1972") in found, found
    assert ("Arrest", ("John Miller",), ("Robert Klein",), "1975-05") in found, found


def test_a_plural_title_predicate_is_each_ones_post(tmp_path: Path) -> None:
    ex = read_plain(
        tmp_path,
        "Velor consulate",
        "The council appointed John Miller and Robert Klein consuls in 1950.",
    )
    tenures = {(t.holder.text, t.office.title) for t in ex.tenures}
    assert tenures == {("John Miller", "Consul"), ("Robert Klein", "Consul")}, tenures


def test_a_title_before_a_name_set_beside_it_is_a_tenure(tmp_path: Path) -> None:
    ex = read_plain(
        tmp_path,
        "Velor empire",
        "The Emperor, Paul Weiss, refused to support the rising in 1922.",
        "The Governor of Kessow, John Miller, arrested the rebels in 1920.",
        "Ivo Renner became regent in March 1940.",
    )
    tenures = {(t.holder.text, t.office.title) for t in ex.tenures}
    assert {("Paul Weiss", "Emperor"), ("John Miller", "Governor of Kessow")} <= tenures
    assert ("Ivo Renner", "Regent") in tenures, tenures


def read_plain(tmp_path: Path, title: str, *paragraphs: str) -> Extraction:
    """Extract an invented article written as prose (``tests.conftest.extract_text``)."""
    return extract_text(tmp_path, title, paragraphs, spaced=False)


def test_who_takes_a_holders_place_takes_the_post(tmp_path: Path) -> None:
    ex = read_plain(
        tmp_path,
        "Velor governors",
        "Maria Costa became Governor of Kessow in 1940. She resigned in 1942 and Anna Berg"
        " took her place.",
        "In 1950 Anna Berg took her place at the table of the council.",
    )
    started = sorted(
        (t.holder.text, t.office.title, t.start.iso if t.start else "")
        for t in ex.tenures
        if t.start is not None
    )
    assert started == [
        ("Anna Berg", "Governor of Kessow", "1942"),
        ("Maria Costa", "Governor of Kessow", "1940"),
    ], started


def test_a_causatives_pronoun_leaves_the_next_he_unread_and_the_causer_is_the_agent(
    tmp_path: Path,
) -> None:
    ex = read_plain(
        tmp_path,
        "Ivo Renner",
        "Ivo Renner (1901 – 1970) was a Velorian politician.",
        "The governor, John Miller, had him detained in March 1930. After the strikes of 9"
        " April 1932 he was detained again the next day.",
        "In May 1941 John Miller had his rivals, among them Robert Klein, arrested.",
    )
    arrests = {(e[1], e[2], e[3]) for e in events(ex) if e[0] == "Arrest"}
    assert (("John Miller",), ("Robert Klein",), "1941-05") in arrests, arrests
    assert not [a for a in arrests if a[1] == ("John Miller",)], arrests


def test_a_pronoun_the_model_glues_to_a_title_is_the_one_made_that(tmp_path: Path) -> None:
    ex = read_plain(
        tmp_path,
        "Velor empire",
        "John Miller led the army. On 2 June 1810 the assembly proclaimed him Emperor of Velor.",
    )
    tenures = {(t.holder.text, t.office.title, t.start.iso if t.start else "") for t in ex.tenures}
    assert ("John Miller", "Emperor", "1810-06-02") in {
        (h, o.split(" of ")[0], d) for h, o, d in tenures
    }, tenures


def test_a_verdict_found_by_a_court_and_power_taken_by_succession(tmp_path: Path) -> None:
    ex = read_plain(
        tmp_path,
        "Velor court",
        "On 3 March 1931 the court found John Miller guilty of treason.",
        "On 9 May 1932 Robert Klein took power after the death of his father.",
    )
    found = {(e[0], e[2], e[3]) for e in events(ex)}
    assert ("Sentencing", ("John Miller",), "1931-03-03") in found, found
    assert ("Appointment", ("Robert Klein",), "1932-05-09") in found, found
    assert not [e for e in found if e[0] == "CoupAttempt"], found
