"""Offices stated around a name that histkg once missed (issue 8): each reads a small
invented article and asserts the tenures read from it.

The sentences are written for these tests; none comes from the dev articles or the seeds.
"""

from __future__ import annotations

from pathlib import Path

from histkg.extract import extract_corpus
from histkg.model import Extraction
from histkg.sources import read_article
from tests.conftest import events, extract_text


def read(tmp_path: Path, *paragraphs: str, title: str = "Purge of the fleet") -> Extraction:
    """Extract an invented article (see ``tests.conftest.extract_text``)."""
    return extract_text(tmp_path, title, paragraphs, spaced=False)


def tenures(ex: Extraction) -> set[tuple[str, str, str, str, str]]:
    """(holder, office, start, end, year attested) of every tenure read."""
    return {
        (
            t.holder.text,
            t.office.title,
            t.start.iso if t.start else "",
            t.end.iso if t.end else "",
            t.attested.iso if t.attested else "",
        )
        for t in ex.tenures
    }


def test_a_name_the_model_calls_a_place_becomes_chief(tmp_path: Path) -> None:
    # the model tags "Emil Kranz" as a place; becoming chief of something makes it a person
    ex = read(tmp_path, "In 1936, Emil Kranz became chief of the Army General Staff.")
    assert ("Emil Kranz", "Chief of the Army General Staff", "1936", "", "") in tenures(ex)


def test_a_place_that_becomes_a_capital_is_no_person(tmp_path: Path) -> None:
    ex = read(tmp_path, "In 1921, Lower Velmar became the capital of the province.")
    assert not [m for m in ex.mentions if m.kind == "person"], ex.mentions


def test_offices_stacked_in_apposition_each_with_their_years(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The accused were named in March.",
        "Karl Brenner, navy minister (1931–1933), chief of the Naval General Staff (1938),"
        " was arrested in 1940.",
    )
    assert tenures(ex) == {
        ("Karl Brenner", "Minister of the Navy", "1931", "1933", ""),
        ("Karl Brenner", "Chief of the Naval General Staff", "", "", "1938"),
    }, tenures(ex)


def test_a_second_office_hung_on_the_first_offices_body(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "General Otto Falk, commander of the Eastern Army, chief of the Army General Staff"
        " (1935–1937) was dismissed in 1939.",
    )
    assert tenures(ex) == {
        ("Otto Falk", "Commander of the Eastern Army", "", "", ""),
        ("Otto Falk", "Chief of the Army General Staff", "1935", "1937", ""),
    }, tenures(ex)


def test_an_apposition_that_is_not_an_office_adds_none(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "General Otto Falk, commander of the Eastern Army, a unit of the reserve, was"
        " dismissed in 1939.",
    )
    assert tenures(ex) == {("Otto Falk", "Commander of the Eastern Army", "", "", "")}


def test_one_year_in_parentheses_after_an_office(tmp_path: Path) -> None:
    ex = read(tmp_path, "Otto Falk, navy minister (1936), was arrested in 1941.")
    assert tenures(ex) == {("Otto Falk", "Minister of the Navy", "", "", "1936")}, tenures(ex)


def test_two_offices_joined_by_and_are_two_tenures(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Otto Lenz was Governor of the Northern Province and Minister of the Interior.",
        "Anna Berg served as President of the Senate and Minister of Justice.",
    )
    assert {t[:2] for t in tenures(ex)} == {
        ("Otto Lenz", "Governor of the Northern Province"),
        ("Otto Lenz", "Minister of the Interior"),
        ("Anna Berg", "President of the Senate"),
        ("Anna Berg", "Minister of Justice"),
    }, tenures(ex)


def test_an_and_inside_a_bodys_name_stays_in_the_office(tmp_path: Path) -> None:
    ex = read(tmp_path, "Otto Lenz was director of the Office of Trade and Industry.")
    assert {t[:2] for t in tenures(ex)} == {
        ("Otto Lenz", "Director of the Office of Trade and Industry")
    }, tenures(ex)


def test_who_ordered_an_arrest_made_it(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In May 1950 Prime Minister Anton Kessel ordered the arrest of General Pavel Strom.",
    )
    assert ("Arrest", ("Anton Kessel",), ("Pavel Strom",), "1950-05") in events(ex), events(ex)


def test_an_order_to_arrest_is_no_arrest(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In May 1950 Prime Minister Anton Kessel ordered the police to arrest General Pavel Strom.",
    )
    assert not [e for e in events(ex) if e[0] == "Arrest"], events(ex)


def test_a_denied_order_is_no_arrest(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Prime Minister Anton Kessel denied that he had ordered the arrest of General Pavel Strom.",
    )
    assert not [e for e in events(ex) if e[0] == "Arrest"], events(ex)


def test_the_name_a_trial_is_of_is_a_person(tmp_path: Path) -> None:
    # the model calls "Ivo Marek" an organization here
    ex = read(tmp_path, "The trial of Ivo Marek began on 12 June 1950.")
    assert ("Trial", (), ("Ivo Marek",), "1950-06-12") in events(ex), events(ex)


def test_a_station_on_trial_is_no_person(tmp_path: Path) -> None:
    ex = read(tmp_path, "The trial of Radio Free Velor began on 12 June 1950.")
    assert not [m for m in ex.mentions if m.kind == "person"], ex.mentions


def test_who_proclaims_himself_president_takes_the_office(tmp_path: Path) -> None:
    ex = read(tmp_path, "In 1951, Colonel Emil Radek proclaimed himself president.")
    assert ("Appointment", (), ("Emil Radek",), "1951") in events(ex), events(ex)
    assert ("Emil Radek", "President", "1951", "", "") in tenures(ex), tenures(ex)


def test_declaring_oneself_innocent_takes_no_office(tmp_path: Path) -> None:
    ex = read(tmp_path, "In 1951, Colonel Emil Radek declared himself innocent.")
    assert not ex.tenures and not [e for e in events(ex) if e[0] == "Appointment"]


def test_an_office_keeps_the_name_the_text_gives_it(tmp_path: Path) -> None:
    from rdflib import Namespace
    from rdflib.namespace import RDF, SKOS

    from histkg.pipeline import build

    path = tmp_path / "article.txt"
    path.write_text(
        "= Purge of the fleet =\n\nOtto Lenz served as Minister of Internal Affairs from 1931"
        " to 1933.\n",
        "utf-8",
    )
    graph = build([path]).graph
    hkg = Namespace("https://w3id.org/histkg/ontology#")
    names = {
        str(o)
        for office in graph.subjects(RDF.type, hkg.Office)
        for o in graph.objects(office, SKOS.altLabel)
    }
    assert "Minister of Internal Affairs" in names, names


def test_joining_a_governing_body_is_a_seat_on_it(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Otto Lenz and Karl Brenner entered the Central Committee together in 1969.",
        "In 1971 Anna Berg was elected to the Politburo.",
    )
    assert {t[:3] for t in tenures(ex)} == {
        ("Otto Lenz", "Member of the Central Committee", "1969"),
        ("Karl Brenner", "Member of the Central Committee", "1969"),
        ("Anna Berg", "Member of the Politburo", "1971"),
    }, tenures(ex)


def test_joining_a_party_or_a_bodys_building_is_no_seat(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Otto Lenz joined the Communist Party in 1920.",
        "Karl Brenner entered the building of the Central Committee in 1969.",
    )
    assert not ex.tenures, tenures(ex)


def test_an_appointment_to_two_coordinated_offices_starts_two_tenures(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1950 Otto Lenz was appointed Minister of Justice and Minister of the Interior.",
    )
    assert tenures(ex) == {
        ("Otto Lenz", "Minister of Justice", "1950", "", ""),
        ("Otto Lenz", "Minister of the Interior", "1950", "", ""),
    }, tenures(ex)


def test_a_birth_name_that_opens_with_a_place_word_stays_whole(tmp_path: Path) -> None:
    # "Salvador" is also a place; the infobox's birth name says it is a given name here
    path = tmp_path / "article.txt"
    path.write_text(
        "= Salvador Brenner =\n\nSalvador Brenner\n- Birth Name: Salvador Tomas Brenner Ruiz\n"
        "- Office: Minister of Health\n\nSalvador Tomas Brenner Ruiz (3 May 1908 – 1 June 1973)"
        " was a Velorian physician and politician.\n",
        "utf-8",
    )
    ex = extract_corpus([read_article(path)]).extractions[0]
    names = {m.text for m in ex.mentions if m.kind == "person"}
    assert "Tomas Brenner Ruiz" not in names, names


def test_a_name_between_verb_and_title_is_the_object(tmp_path: Path) -> None:
    # the model reads "Otto Lenz Prime Minister" as one noun phrase
    ex = read(tmp_path, "The king appointed Otto Lenz Prime Minister in 1950.")
    assert ("Otto Lenz", "Prime Minister", "1950", "", "") in tenures(ex), tenures(ex)
    assert ("Appointment", (), ("Otto Lenz",), "1950") in events(ex), events(ex)


def test_a_post_he_held_until_read_as_a_second_predicate(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1950 Otto Lenz became Minister of Justice, a position he held until his arrest"
        " in 1953.",
    )
    assert ("Otto Lenz", "Minister of Justice", "1950", "1953", "") in tenures(ex), tenures(ex)


def test_a_seat_in_a_chamber_for_a_constituency(tmp_path: Path) -> None:
    ex = read(tmp_path, "In 1937 Anna Berg was elected to the Chamber of Deputies for Valdora.")
    assert (
        "Anna Berg",
        "Member of the Chamber of Deputies",
        "1937",
        "",
        "",
    ) in tenures(ex), tenures(ex)


def test_he_after_him_in_a_biography_is_its_subject(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Karl Brenner (1908–1973) was a Velorian politician. In 1937 Karl Brenner was"
        " elected to the Senate. Two years later President Otto Lenz named him Minister of"
        " Health. He entered the Cabinet in 1945.",
        title="Karl Brenner",
    )
    holders = {t[0] for t in tenures(ex) if t[1] == "Member of the Cabinet"}
    assert holders == {"Karl Brenner"}, tenures(ex)
    assert ("Appointment", ("Otto Lenz",), ("Karl Brenner",), "1939") in events(ex), events(ex)


def test_she_after_her_title_is_not_the_one_who_named_her(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1939 President Otto Lenz named her Minister of Health. She entered the Cabinet"
        " in 1945.",
    )
    assert "Otto Lenz" not in {t[0] for t in tenures(ex) if "Cabinet" in t[1]}, tenures(ex)


def test_he_after_him_elsewhere_is_not_read(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1939 President Otto Lenz named Karl Brenner Minister of Health. Lenz dismissed"
        " him in 1941. He entered the Cabinet in 1945.",
    )
    assert not [t for t in tenures(ex) if t[1] == "Member of the Cabinet"], tenures(ex)


def test_a_name_glued_to_a_bodys_name_is_the_subject(tmp_path: Path) -> None:
    # no comma after the opening phrase: the model reads "Politburo Otto Lenz" as one name
    ex = read(tmp_path, "At a session of the Politburo Otto Lenz resigned on 3 May 1950.")
    assert ("Resignation", (), ("Otto Lenz",), "1950-05-03") in events(ex), events(ex)


def test_a_speech_someone_made_is_theirs(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In May 1950 the Politburo met. At a session of the Politburo Otto Lenz attacked"
        " Anna Berg. He made a bitter speech against the minister.",
    )
    assert {e[1] for e in events(ex) if e[0] == "Speech"} == {("Otto Lenz",)}, events(ex)


def test_a_release_is_of_someone_held_before(tmp_path: Path) -> None:
    ex = read(tmp_path, "Otto Lenz was arrested in 1950. He was released from prison in 1956.")
    assert ("Release", (), ("Otto Lenz",), "1956") in events(ex), events(ex)
    ex = read(tmp_path, "Anton Hess was released by the club in 1999.")
    assert not events(ex), events(ex)


def test_a_title_set_before_a_name_as_its_apposition(tmp_path: Path) -> None:
    """ "the Minister of Finance, A,": A held the office then; not "the minister, A and two
    guards" read as the guards' office."""
    ex = read(
        tmp_path,
        "In 1966 the rebels shot the Minister of Finance, Anton Hess, and two guards.",
        "In 1972 the Velorian Prime Minister, General Otto Lenz, resigned.",
    )
    found = {(t[0], t[1], t[4]) for t in tenures(ex)}
    assert ("Anton Hess", "Minister of Finance", "1966") in found, found
    assert ("Otto Lenz", "Prime Minister", "1972") in found, found
    assert {office for holder, office, _ in found if holder == "Anton Hess"} == {
        "Minister of Finance"
    }, found


def test_an_office_named_by_its_holder_noun_or_a_possessive(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In April 1966 Anton Hess assumed the presidency.",
        "In 1974 Otto Lenz became the country's first Chancellor.",
    )
    found = {(t[0], t[1], t[2]) for t in tenures(ex)}
    assert ("Anton Hess", "President", "1966-04") in found, found
    assert ("Otto Lenz", "Chancellor", "1974") in found, found


def test_whom_a_replacement_removes(tmp_path: Path) -> None:
    """ "A replaced B as Premier", "elected A in place of B": B was removed from the office;
    "B resigned and was replaced by A": B's own verb says how it ended (no removal)."""
    ex = read(
        tmp_path,
        "Anton Hess replaced Otto Lenz as Prime Minister on 4 July 1953.",
        "On 21 October 1956 the plenum elected Karl Vogt First Secretary in place of Paul Arno.",
        "Max Ruhr resigned as Chief of Staff on 23 August 1973 and was replaced by Hans Roth.",
    )
    removals = {(e[2], e[3]) for e in events(ex) if e[0] == "Removal"}
    assert removals == {(("Otto Lenz",), "1953-07-04"), (("Paul Arno",), "1956-10-21")}, removals


def test_gapped_pairs_of_name_and_office(tmp_path: Path) -> None:
    """ "A became Minister of X, B Minister of Y and C Minister of Z": each pair; and
    "became Minister of X and Prime Minister B resigned": the title before B is B's."""
    ex = read(
        tmp_path,
        "In 1950 Anton Hess became Minister of Defence, Otto Lenz Minister of the Interior and"
        " Karl Vogt Minister of Finance.",
        "In 1951 Paul Arno became Minister of Defence and Prime Minister Max Ruhr resigned.",
    )
    found = {(t[0], t[1], t[2]) for t in tenures(ex)}
    assert {
        ("Anton Hess", "Minister of Defence", "1950"),
        ("Otto Lenz", "Minister of the Interior", "1950"),
        ("Karl Vogt", "Minister of Finance", "1950"),
    } <= found, found
    assert not any(h == "Paul Arno" and o == "Prime Minister" for h, o, _ in found), found


def test_a_plural_title_before_a_list_of_names_gives_each_the_office(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1939 the deputy ministers Paul Ritter, Hans Oberg and Karl Weiss were dismissed.",
    )
    held = {(h, o) for h, o, *_ in tenures(ex)}
    assert held == {
        ("Paul Ritter", "Deputy Minister"),
        ("Hans Oberg", "Deputy Minister"),
        ("Karl Weiss", "Deputy Minister"),
    }, tenures(ex)
    removals = [e for e in ex.events if "Removal" in e.types]
    assert [sorted(m.text for m in e.affected) for e in removals] == [
        ["Hans Oberg", "Karl Weiss", "Paul Ritter"]
    ], removals


def test_a_plural_lexicon_title_and_a_plural_noun_that_is_no_office(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1931 the senators Anna Berg and Eva Moll voted against the bill.",
        "In 1932 the generals Otto Lenz and Emil Radek met in the capital.",
    )
    held = {(h, o) for h, o, *_ in tenures(ex)}
    assert held == {("Anna Berg", "Senator"), ("Eva Moll", "Senator")}, tenures(ex)


def test_a_verb_of_leading_makes_its_subject_head_of_the_organization(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1938 Anna Berg headed the Ministry of Justice.",
        "Otto Lenz led the Liberal Party until 1950.",
        "The NKVD, headed by Anton Hess, arrested the editors.",
        "Emil Radek led the army into battle. Emil Radek led the team to victory in 1931.",
    )
    assert tenures(ex) == {
        ("Anna Berg", "Minister of Justice", "", "", "1938"),
        ("Otto Lenz", "Leader of the Liberal Party", "", "1950", ""),
        ("Anton Hess", "Head of NKVD", "", "", ""),
    }, tenures(ex)


def test_a_negated_verb_of_leading_or_a_group_named_elsewhere_states_no_tenure(
    tmp_path: Path,
) -> None:
    ex = read(
        tmp_path,
        "Anna Berg never headed the Ministry of Justice.",
        "The group, given that name by its enemies, was led by Otto Lenz and Karl Weiss.",
    )
    assert tenures(ex) == set(), tenures(ex)


def test_the_country_an_article_describes_its_subject_by_outvotes_an_empire(
    tmp_path: Path,
) -> None:
    """Demonyms of an empire, a descent or a language do not vote for the country whose
    offices the article's subject held; the defining sentence's demonym does."""
    ex = read(
        tmp_path,
        "Anton Hess (born 1901 in the Russian Empire) was a Soviet politician of Russian"
        " descent who wrote in the Russian language. The Soviet press praised him.",
        "In 1950 Anton Hess became Premier.",
        title="Anton Hess",
    )
    places = {(t.office.title, t.office.place.text if t.office.place else "") for t in ex.tenures}
    assert places == {("Premier", "Soviet Union")}, places


def test_a_hyphenated_title_is_read_whole(tmp_path: Path) -> None:
    """ "the vice-president, A," holds the vice-presidency, not the presidency."""
    ex = read(
        tmp_path,
        "The vice-president, Anna Berg, resigned in 1950.",
        "In 1951 Otto Lenz (then vice-president) was arrested.",
    )
    assert {(h, o) for h, o, *_ in tenures(ex)} == {
        ("Anna Berg", "Vice President"),
        ("Otto Lenz", "Vice President"),
    }, tenures(ex)


def test_a_body_headed_by_several_people_gives_each_of_them_a_tenure(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The Revolutionary Council was headed by General Anton Hess, Admiral Otto Lenz and"
        " Colonel Karl Weiss.",
        "In 1950 the State Council was chaired by Anna Berg.",
    )
    assert {(h, o) for h, o, *_ in tenures(ex)} == {
        ("Anton Hess", "Head of the Revolutionary Council"),
        ("Otto Lenz", "Head of the Revolutionary Council"),
        ("Karl Weiss", "Head of the Revolutionary Council"),
        ("Anna Berg", "Chairman of the State Council"),
    }, tenures(ex)


def test_a_state_title_of_a_body_in_lower_case_is_that_bodys_post(tmp_path: Path) -> None:
    """ "president of the football club" is no head of state; "of the republic" is."""
    ex = read(
        tmp_path,
        "In 1953 Anton Hess became the president of the supervisory council of the Farmers League.",
        "In 1950 Anna Berg became president of the republic.",
        "In 1951 Karl Weiss was elected president of the football club.",
    )
    assert {(h, o) for h, o, *_ in tenures(ex)} == {
        ("Anton Hess", "President of the supervisory council of the Farmers League"),
        ("Anna Berg", "President"),
        ("Karl Weiss", "President of the football club"),
    }, tenures(ex)


def test_a_second_as_phrase_of_a_holding_verb_has_its_own_dates(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Otto Lenz served as Minister of Finance from 1950 to 1953 and as Minister of Justice"
        " from 1953 to 1955.",
    )
    assert tenures(ex) == {
        ("Otto Lenz", "Minister of Finance", "1950", "1953", ""),
        ("Otto Lenz", "Minister of Justice", "1953", "1955", ""),
    }, tenures(ex)


def test_a_title_the_parse_sets_apart_from_the_name_after_it(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1955 the British prime minister Anthony Eden visited Moscow.",
        "In 1956 Secretary of the Central Committee Otto Lenz was arrested.",
        "In 1957 the Polish ambassador to the Soviet Union Karl Weiss was recalled.",
    )
    assert {(h, o) for h, o, *_ in tenures(ex)} == {
        ("Anthony Eden", "Prime Minister"),
        ("Otto Lenz", "Secretary of the Central Committee"),
        ("Karl Weiss", "Ambassador to the Soviet Union"),
    }, tenures(ex)


def test_an_office_said_of_one_person_is_not_the_title_of_the_next_name(
    tmp_path: Path,
) -> None:
    """A list flattened without punctuation: "A was sent as ambassador to Velor B became …"."""
    ex = read(
        tmp_path,
        "Otto Lenz went as envoy to Norway Karl Weiss became director of a plant.",
    )
    held = {(h, o) for h, o, *_ in tenures(ex)}
    assert not [h for h in held if h[0] == "Karl Weiss" and "Norway" in h[1]], held


def test_an_organization_in_a_list_of_names_is_no_person(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1971 the commander of the Air Force, Li Zuo, and Qiu Hui, director of the General"
        " Logistics Department, were dismissed from their posts.",
    )
    persons = {m.text for m in ex.mentions if m.kind == "person"}
    assert persons == {"Li Zuo", "Qiu Hui"}, persons


def test_a_titled_name_inside_a_larger_name_holds_no_office(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1950 the wounded were taken to the Justice Anna Berg General Hospital.",
        "The navy ordered two British Queen Elizabeth-class battleships in 1912.",
    )
    assert tenures(ex) == set(), tenures(ex)


def test_an_as_phrase_set_off_after_a_name_is_the_office_held_then(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Anton Hess, as Minister of Finance, signed the treaty in 1950.",
        "Anna Berg, as a young woman, moved to Paris.",
    )
    assert tenures(ex) == {("Anton Hess", "Minister of Finance", "", "", "1950")}, tenures(ex)


# --- offices of a region or a body (2026-12-03, evening) -------------------------------


def held(ex: Extraction) -> set[tuple[str, str]]:
    return {(t.holder.text, t.office.title) for t in ex.tenures}


def test_a_governing_body_before_a_title_owns_the_post(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Ivo Renner and Emil Bauer were Velorian politicians.",
        "Senate President Ivo Renner resigned in 1952. UFC President Emil Bauer spoke in 1953.",
    )
    found = held(ex)
    assert ("Ivo Renner", "Senate President") in found, found
    assert not any(holder == "Emil Bauer" for holder, _ in found), found  # not a body's


def test_a_region_before_an_apposed_title_makes_it_the_region_s(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Anton Hess, Otto Lenz and Karl Ostrov were Velorian politicians.",
        "The Western premier, Anton Hess, was arrested in 1951. The Northern Region governor,"
        " Otto Lenz, resigned in 1954. The Soviet premier, Karl Ostrov, fled.",
    )
    found = held(ex)
    assert ("Anton Hess", "Western Premier") in found, found
    assert ("Otto Lenz", "Northern Region Governor") in found, found
    # a demonym is the country's office, not a region's post
    assert not any(office.startswith("Soviet ") for _, office in found), found


def test_leader_stands_for_an_office_where_the_grammar_says_one_stands(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Anna Berg, Ivo Renner and Otto Lenz were Velorian politicians.",
        "In 1980 Ivo Renner succeeded Anna Berg as leader. The Labour leader, Otto Lenz,"
        " resigned in 1983.",
    )
    found = held(ex)
    assert ("Ivo Renner", "Leader") in found, found
    assert ("Otto Lenz", "Labour Leader") in found, found


def test_a_country_is_not_read_from_the_only_foreign_demonym(tmp_path: Path) -> None:
    """A Kenyan article that once says "Greek" does not make its premiers Greek: the
    demonyms of every state count, so the article's own outvotes the foreign one."""
    ex = read(
        tmp_path,
        "Anton Hess (1901–1966) was a Kenyan politician, the son of a Greek merchant. The"
        " Kenyan press praised him.",
        "In 1950 Anton Hess became Prime Minister.",
        title="Anton Hess",
    )
    places = {(t.office.title, t.office.place.text if t.office.place else "") for t in ex.tenures}
    assert places == {("Prime Minister", "Kenya")}, places


def test_a_title_set_before_a_name_keeps_its_first_word(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1961 the Deputy Prime Minister, Anton Hess, formed a rival government.",
        "The Lord President, Karl Ostrov, was suspended from office in May 1988.",
    )
    offices = {(h, o) for h, o, *_ in tenures(ex)}
    assert ("Anton Hess", "Prime Minister") not in offices, offices
    assert ("Anton Hess", "Deputy Prime Minister") in offices, offices
    assert ("Karl Ostrov", "President") not in offices, offices


def test_its_president_is_the_bodys_not_the_states(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "On 13 November 2000 the Congress censured its President, Anna Berg, by 64 votes to 51.",
    )
    assert {(h, o) for h, o, *_ in tenures(ex)} == {("Anna Berg", "President of the Congress")}


def test_a_portfolio_held_or_taken_is_its_ministers_office(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1985 Anton Hess held the labour and welfare portfolio.",
        "In 1959 Karl Ostrov took over the Justice portfolio.",
        "In 1987 Anna Berg was given a portfolio of shares.",
    )
    offices = {(h, o) for h, o, *_ in tenures(ex)}
    assert ("Anton Hess", "Minister of Labour and Welfare") in offices, offices
    assert ("Karl Ostrov", "Minister of Justice") in offices, offices
    assert not [o for h, o in offices if h == "Anna Berg"], offices


def test_a_post_with_its_modifiers_is_written_as_a_title(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1946 Otto Lenz became political secretary of the Labour League.",
        "In 1999 Anna Berg became Coordinating Minister for Public Welfare.",
    )
    offices = {(h, o) for h, o, *_ in tenures(ex)}
    assert ("Otto Lenz", "Political Secretary of the Labour League") in offices, offices
    assert ("Anna Berg", "Coordinating Minister for Public Welfare") in offices, offices


def test_a_relative_clause_on_a_noun_set_beside_a_name_is_the_names(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1987 the king appointed Anton Hess, a colonel who had once been Minister of Labour.",
        "The rebels freed Otto Lenz, a lawyer who was a friend of the king.",
    )
    offices = {(h, o) for h, o, *_ in tenures(ex)}
    assert ("Anton Hess", "Minister of Labour") in offices, offices
    assert not [o for h, o in offices if h == "Otto Lenz"], offices


def test_each_name_of_a_with_as_list_holds_its_own_office(tmp_path: Path) -> None:
    # the parse hangs the second pair on the first office; the first pair on the object
    ex = read(
        tmp_path,
        "In 1921 Anton Hess formed a government with Otto Lenz as Minister of Finance and"
        " Paul Weiss as Minister of War.",
    )
    holders = {(t[0], t[1]) for t in tenures(ex)}
    assert ("Otto Lenz", "Minister of Finance") in holders, holders
    assert ("Paul Weiss", "Minister of War") in holders, holders
    assert not [h for h in holders if h[0] == "Anton Hess" and "Minister of" in h[1]], holders


def test_a_cabinet_that_included_a_name_as_a_minister(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The new cabinet included Maria Klein as Minister of Trade.",
        "Anton Hess kept Otto Lenz as Minister of Finance.",
        "The list included Karl Ostrov as well as Ivo Renner.",
    )
    assert {(t[0], t[1]) for t in tenures(ex)} == {
        ("Maria Klein", "Minister of Trade"),
        ("Otto Lenz", "Minister of Finance"),
    }, tenures(ex)


def test_an_offices_dates_in_apposition_or_a_serving_participle(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Anton Hess, the Minister of Finance from 1920 to 1924, opposed the plan.",
        "Otto Lenz was the country's first President, serving from 1925 until 1931.",
        "Karl Ostrov was the longest-serving Prime Minister of Italy.",
    )
    assert {
        ("Anton Hess", "Minister of Finance", "1920", "1924", ""),
        ("Otto Lenz", "President", "1925", "1931", ""),
    } <= tenures(ex), tenures(ex)
    assert ("Karl Ostrov", "Prime Minister") in {(t[0], t[1]) for t in tenures(ex)}, tenures(ex)


def test_a_post_noun_phrase_cut_at_its_date_ends_before_it(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "Anton Hess was transferred to the post of ambassador to Mongolia in 1957.",
    )
    assert ("Anton Hess", "Ambassador to Mongolia", "1957", "", "") in tenures(ex), tenures(ex)


def test_a_party_which_was_led_by_a_name_and_titles_of_old_offices(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The Liberal Party, which was led by Anton Hess, won the election of 1920.",
        "Otto Lenz, the Lord Protector, died in 1658.",
        "Ivo Renner, a Supreme Court Justice, joined the defence in 1868.",
    )
    assert {(t[0], t[1]) for t in tenures(ex)} == {
        ("Anton Hess", "Leader of the Liberal Party"),
        ("Otto Lenz", "Lord Protector"),
        ("Ivo Renner", "Supreme Court Justice"),
    }, tenures(ex)


def test_the_president_of_a_body_after_a_name_is_the_bodys_post(tmp_path: Path) -> None:
    ex = read(tmp_path, "Ivo Renner, the President of the Senate, became acting head of state.")
    assert ("Ivo Renner", "President of the Senate") in {(t[0], t[1]) for t in tenures(ex)}, (
        tenures(ex)
    )
    assert ("Ivo Renner", "President") not in {(t[0], t[1]) for t in tenures(ex)}, tenures(ex)


def test_a_post_set_before_a_name_as_an_object_or_in_a_list(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In 1950 Colonel Ivo Renner arrested the Governor of Kessow, Otto Lenz.",
        "In 1971 Anton Hess, the head of the Air Staff, Karl Ostrov, the chief of the"
        " Naval Staff, and Paul Weiss were dismissed.",
    )
    assert ("Otto Lenz", "Governor of Kessow") in {(t[0], t[1]) for t in tenures(ex)}, tenures(ex)
    assert "Karl Ostrov" not in {t[0] for t in tenures(ex) if "Air Staff" in t[1]}, tenures(ex)
    arrested = [m.text for e in ex.events if e.types == ["Arrest"] for m in e.affected]
    assert arrested == ["Otto Lenz"], arrested


def test_a_with_phrase_the_parse_hangs_its_as_phrase_on_gives_the_post(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "The new government took office in 1983, with Robert Klein as Minister of State.",
        "The council met in March 1793, with John Miller as leader and Maria Costa,"
        " a lawyer, as his deputy.",
    )
    tenures = {(t.holder.text, t.office.title) for t in ex.tenures}
    assert {("Robert Klein", "Minister of State"), ("John Miller", "Leader")} <= tenures


def test_two_posts_joined_by_and_are_two_offices(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "John Miller, the Mayor of Kessow and Governor of Velor, won the election of 1989.",
    )
    offices = {(t.holder.text, t.office.title) for t in ex.tenures}
    assert {("John Miller", "Mayor of Kessow"), ("John Miller", "Governor of Velor")} <= offices
    assert ("John Miller", "Mayor of Kessow and Governor of Velor") not in offices, offices


def test_an_acting_or_interim_holder_holds_that_capacity_and_the_predecessor_the_office(
    tmp_path: Path,
) -> None:
    ex = read(
        tmp_path,
        "John Miller became President of Velor in 1985. He resigned in 1990, and Robert Klein"
        " took over as acting President.",
        "Maria Costa served first as a deputy prosecutor, then as acting prosecutor for Kessow.",
    )
    offices = {(t.holder.text, t.office.title) for t in ex.tenures}
    assert ("Robert Klein", "Acting President") in offices, offices
    assert ("Maria Costa", "Acting Prosecutor for Kessow") in offices, offices
    assert not [h for h, o in offices if h.endswith("Miller") and o.startswith("Acting")], offices


def test_who_leads_a_named_alliance_or_movement_is_its_leader_not_a_companys(
    tmp_path: Path,
) -> None:
    ex = read(
        tmp_path,
        "The National Liberation Front, which was led by John Miller, organised rallies in 1930.",
        "The Velor Mining Company, led by Robert Klein, went bankrupt in 1931.",
        "In 1932 Maria Costa led the National League in strikeouts.",
    )
    offices = {(t.holder.text, t.office.title) for t in ex.tenures}
    assert offices == {("John Miller", "Leader of the National Liberation Front")}, offices


def test_who_heads_a_regency_or_a_junta_holds_its_post(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "When the King died on 2 May 1921, the power went to a regency that was headed by"
        " his cousin, Prince Paul.",
        "In 1891 a junta in Kessow, headed by John Miller, raised an army.",
        "In 1892 a column headed by Robert Klein marched on the capital.",
    )
    offices = {(t.holder.text, t.office.title) for t in ex.tenures}
    assert {("Paul", "Regent"), ("John Miller", "Head of the Junta")} <= offices, offices
    assert not [h for h, _ in offices if h == "Robert Klein"], offices


def test_a_seat_named_before_a_clause_on_it_is_still_the_seat(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "In January 1880 John Miller was elected by the state assembly to the Senate, where"
        " he sat until 1886.",
    )
    offices = {(t.holder.text, t.office.title, t.start.iso if t.start else "") for t in ex.tenures}
    assert ("John Miller", "Member of the Senate", "1880-01") in offices, offices


def test_who_defeated_a_rival_for_a_post_was_elected_to_it(tmp_path: Path) -> None:
    ex = read(
        tmp_path,
        "On 15 May 1956 John Miller defeated Robert Klein for the vice-presidency.",
        "In 1987 Maria Costa beat Robert Klein for the deputy presidency.",
        "In 1988 John Miller defeated Robert Klein at chess.",
    )
    offices = {(t.holder.text, t.office.title, t.start.iso if t.start else "") for t in ex.tenures}
    assert offices == {
        ("John Miller", "Vice President", "1956-05-15"),
        ("Maria Costa", "Deputy President", "1987"),
    }, offices


def test_who_lost_an_election_to_a_rival_took_part_and_the_rival_won(tmp_path: Path) -> None:
    ex = read(tmp_path, "In 1994 John Miller lost the presidential election to Robert Klein.")
    elections = [e for e in ex.events if e.types == ["Election"]]
    assert [
        ([m.text for m in e.affected], [m.text for m in e.participants]) for e in elections
    ] == [(["Robert Klein"], ["John Miller"])], elections
