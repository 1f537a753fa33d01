"""The parts of personal names, and the words around a name that show it is not one.

Every name here is invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from histkg.extract.names import is_name_word, parse_name
from histkg.extract.nlp import is_name_like, load_model
from histkg.extract.person_spans import wrong_context


@pytest.mark.parametrize(
    ("written", "name", "given", "family"),
    [
        ("General Ivo Marek", "Ivo Marek", "Ivo", "Marek"),
        ("Dr. Ivo Marek", "Ivo Marek", "Ivo", "Marek"),
        ("President Ivo Marek's", "Ivo Marek", "Ivo", "Marek"),
        ("A. P. Borodin", "A. P. Borodin", None, "Borodin"),
        ("Yu. K. Borodin", "Yu. K. Borodin", None, "Borodin"),
        ("V.I. Lomov", "V.I. Lomov", None, "Lomov"),
        ("Boris Kovach-Menev", "Boris Kovach-Menev", "Boris", "Kovach-Menev"),
        ("Rafael Orsino Jr.", "Rafael Orsino Jr.", "Rafael", "Orsino"),
        ("Rafael T. Orsino III", "Rafael T. Orsino III", "Rafael T.", "Orsino"),
        ("Rafael Tomas Orsino II", "Rafael Tomas Orsino II", "Rafael Tomas", "Orsino"),
        ("Joan Carla II", "Joan Carla II", None, None),
        ("Luis de Ocampo", "Luis de Ocampo", None, None),
        ("Kim Il-chol", "Kim Il-chol", "Il-chol", "Kim"),
        ("Park Sun Hee", "Park Sun Hee", "Sun Hee", "Park"),
        ("Kim Walters", "Kim Walters", "Kim", "Walters"),
    ],
)
def test_name_parts(written: str, name: str, given: str | None, family: str | None) -> None:
    parsed = parse_name(written)
    assert parsed is not None
    assert parsed.text == name
    assert parsed.given == given
    assert parsed.family == family


def test_regnal_number_is_not_a_surname() -> None:
    king = parse_name("Carlos Anselmo I")
    assert king is not None and king.regnal
    assert king.family is None and king.short_forms() == []


def test_family_name_first_from_use() -> None:
    """A known family name first and the article using it alone, or a given name of
    romanized syllables: no split by last word; a family name of both orders before a
    Western given name ("Kim Philby") is split as Western."""
    assert parse_name("Zhou Weiming").family_first  # type: ignore[union-attr]
    assert not parse_name("Kim Philby").family_first  # type: ignore[union-attr]
    assert not parse_name("Lee Harvey Oswald").family_first  # type: ignore[union-attr]
    assert not parse_name("Zhou Weiming", used_alone={"Weiming"}).family_first  # type: ignore[union-attr]
    by_use = parse_name("Zhou Weiming", used_alone={"Zhou"})
    assert by_use is not None and by_use.family == "Zhou" and by_use.short_forms() == ["Zhou"]


def test_short_forms_and_abbreviations() -> None:
    long = parse_name("Marta Luisa das Neves Oliva")
    assert long is not None
    assert "Oliva" in long.short_forms() and "das Neves Oliva" in long.short_forms()
    assert parse_name("Marta Oliva").abbreviates(long)  # type: ignore[union-attr]
    assert not parse_name("Luisa Oliva").abbreviates(long)  # type: ignore[union-attr]
    kim = parse_name("Kim Il-chol")
    assert parse_name("Kim").abbreviates(kim)  # type: ignore[arg-type,union-attr]
    assert not parse_name("Il-chol").abbreviates(kim)  # type: ignore[arg-type,union-attr]


@pytest.mark.parametrize("word", ["OrsinoKIA", "MkVII", "1950", "marek", "Marek,"])
def test_not_name_words(word: str) -> None:
    assert not is_name_word(word)


@pytest.mark.parametrize("word", ["Ceaușescu", "O'Malley", "al-Rashid", "Do-yun", "McAllan"])
def test_name_words(word: str) -> None:
    assert is_name_word(word)


def _span(text: str, words: str):  # type: ignore[no-untyped-def]
    doc = load_model()(text)
    start = text.index(words)
    span = doc.char_span(start, start + len(words))
    assert span is not None
    return span


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The council met in May and again in August.", "May"),
        ("The council met on Tuesday.", "Tuesday"),
        ("However, the plan failed.", "However"),
        ("Others stayed at home.", "Others"),
        ("They flew to Coral Springs.", "Coral Springs"),
    ],
)
def test_lexicon_says_not_a_name(text: str, words: str) -> None:
    span = _span(text, words)
    assert not is_name_like(span) or wrong_context(span) is not None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Tomas Reyes was an Old Zarovite and a printer.", "Zarovite"),
        ("The Zarovite was arrested.", "Zarovite"),
        ("The troops stayed in Vellmark for a year.", "Vellmark"),
        ("He was neither Brazilian nor Zarovite.", "Zarovite"),
        ("Anton Vell's Winter Letter was printed in 1950.", "Winter Letter"),
        ("The Harbour Guard Unit (HGU) took the port.", "Guard Unit"),
        ("That night the king flew to Porto Velho with his guards.", "Porto Velho"),
        ("In June the convicts were shipped off Vellmark Island.", "Vellmark Island"),
        ("He was kept under arrest in a villa at Dorn Vassel.", "Dorn Vassel"),
    ],
)
def test_context_says_not_a_person(text: str, words: str) -> None:
    assert wrong_context(_span(text, words)) is not None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Tomas Reyes was arrested in 1950.", "Tomas Reyes"),
        ("In 1950 the minister wrote to Tomas Reyes.", "Tomas Reyes"),
        ("The assassin fired a shot at Tomas Reyes.", "Tomas Reyes"),
        ("The court sentenced Tomas Reyes and Ana Vell to prison.", "Ana Vell"),
        ("It was the work of Tomas Reyes.", "Tomas Reyes"),
        ("In 1950 Reyes resigned.", "Reyes"),
    ],
)
def test_context_allows_a_person(text: str, words: str) -> None:
    span = _span(text, words)
    assert is_name_like(span)
    assert wrong_context(span) is None


def test_a_spanish_name_goes_by_its_first_surname_with_its_particles() -> None:
    from histkg.extract.names import name_of

    full = name_of("José María de la Cruz Ortega".split())
    short = name_of("De la Cruz".split())
    assert full is not None and short is not None
    assert "de la Cruz" in full.short_forms()
    assert short.abbreviates(full)
    other = name_of("Ana de la Cruz".split())
    assert other is not None and not other.abbreviates(full)  # another given name


def test_a_hyphenated_family_name_goes_by_its_last_part() -> None:
    full = parse_name("Tunde Adeyemi-Okoro")
    assert full is not None and "Okoro" in full.short_forms()
    assert parse_name("Okoro").abbreviates(full)  # type: ignore[union-attr]
    assert not parse_name("Adeyemi").abbreviates(full)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "tagged", "person"),
    [
        ("In 1950 Falk was succeeded at the ministry in May by Ivo Renner.", "Ivo Renner", True),
        ("In 1950 Christian Democracy won a majority.", "Christian Democracy", False),
        ("The money went to the Anna Berg Fund.", "Anna Berg", False),
        ("In 1950 Velor Renner won a majority.", "Velor Renner", False),
    ],
)
def test_a_name_the_model_calls_an_organization_is_a_person_by_its_given_name(
    sentence: str, tagged: str, person: bool
) -> None:
    from spacy.tokens import Span

    from histkg.extract.given_names import given_named

    doc = load_model()(sentence)
    start = next(t.i for t in doc if t.text == tagged.split()[0])
    doc.ents = [Span(doc, start, start + len(tagged.split()), label="ORG")]
    assert bool([s.text for s in given_named(doc)]) is person


def test_a_given_name_the_model_left_out_of_the_name_after_it(tmp_path: Path) -> None:
    names = persons_read(
        tmp_path,
        "Politics of Velor",
        "Mehmet Arslan was executed in 1950.",
        "The assembly met on 11 May Otto Lenz was elected President of Velor.",
    )
    assert "Mehmet Arslan" in names, names
    assert not [n for n in names if n.startswith("May ")], names


def test_places_in_a_list_where_someone_went_and_an_organizations_name_are_no_persons(
    tmp_path: Path,
) -> None:
    names = persons_read(
        tmp_path,
        "Velor coup",
        "The rebels marched on Barquisimeto, Maturín, Cumaná and Coro.",
        "Otto Lenz, the candidate of a new alliance, Unidad, won the vote of 1993.",
        "Otto Lenz fled to Caen and later to Lyon.",
        "The guards went over to the mutineers, and on 3 May General Karl Ostrov left the King.",
    )
    assert names == {"Otto Lenz", "Karl Ostrov"}, names


def test_a_regnal_one_the_model_reads_as_a_pronoun(tmp_path: Path) -> None:
    names = persons_read(
        tmp_path,
        "Velor monarchy",
        "The trial of Anton I was held in Velor in January 1649. Karl I died in 1700.",
    )
    assert names == {"Anton I", "Karl I"}, names


def persons_read(tmp_path: Path, title: str, *paragraphs: str) -> set[str]:
    """The person names read from an invented article (``tests.conftest.extract_text``)."""
    from tests.conftest import extract_text

    ex = extract_text(tmp_path, title, paragraphs, spaced=False)
    return {m.text for m in ex.mentions if m.kind == "person"}


def test_a_name_after_a_territorial_title_or_a_way_from_is_a_place(tmp_path: Path) -> None:
    persons = persons_read(
        tmp_path,
        "Velor provinces",
        "Miguel Duarte, the Governor of Pernambuco, was detained in 1964.",
        "Anna Berg, who had come from Caen, was arrested in 1920. Ivo Renner wrote to"
        " Anna Berg in 1921.",
        "The rallies were led by the former Governor of Bangkok John Miller.",
    )
    assert {"Miguel Duarte", "Anna Berg", "Ivo Renner"} <= persons, persons
    assert not persons & {"Pernambuco", "Caen"}, persons
    assert "John Miller" in persons, persons


def test_a_surname_that_is_a_country_stays_in_the_name_and_the_country_a_place(
    tmp_path: Path,
) -> None:
    persons = persons_read(
        tmp_path,
        "Velor cabinet",
        "Pierre Mendès France became Prime Minister of France in 1954. Mendès France"
        " resigned in 1955.",
    )
    assert persons == {"Pierre Mendès France", "Mendès France"}, persons


def test_a_compound_surname_the_model_cut_after_its_particle_is_whole(tmp_path: Path) -> None:
    persons = persons_read(
        tmp_path,
        "Velor economy",
        "The plan was devised by the Economy Minister, Maria Cardoso de Mello, in 1990.",
        "After the plan failed, Cardoso de Mello quit the cabinet in 1991.",
    )
    assert "Cardoso de Mello" in persons and "Mello" not in persons, persons
