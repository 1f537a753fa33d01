"""Property tests: minting, the readers and the serializers on arbitrary input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from histkg.errors import SourceError
from histkg.mint import mint, slugify
from histkg.model import Ref
from histkg.serialize import to_ntriples, to_turtle
from histkg.sources.plain import read_plain
from histkg.sources.sectioned import read_sectioned
from tests.conftest import assert_isomorphic

names = st.text(min_size=1, max_size=40)


@given(st.lists(names, min_size=1, max_size=30, unique=True))
def test_properties_mint_is_deterministic_and_injective(labels: list[str]) -> None:
    refs = {Ref("person", label): label for label in labels}
    first = mint(set(refs), refs)
    second = mint(set(reversed(list(refs))), refs)
    assert first == second
    assert len(set(first.values())) == len(refs)
    for iri in first.values():
        assert " " not in iri and URIRef(iri).n3().startswith("<")


@given(names)
def test_properties_slug_is_url_safe(label: str) -> None:
    slug = slugify(label)
    assert slug and all(c.isalnum() or c in "-_%" for c in slug)


@settings(max_examples=200)
@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_characters="\r\x00"), max_size=30), max_size=8
    )
)
def test_properties_infobox_reader_never_crashes(lines: list[str]) -> None:
    text = "= Title =\n\nBox\n" + "\n".join("- " + line for line in lines) + "\n\nSome text.\n"
    try:
        article = read_sectioned(Path("x.txt"), text, "0" * 64)
    except SourceError as exc:
        assert exc.line is not None and "colon" in exc.message
    else:
        for field in article.infobox:
            assert text[field.begin : field.end] == field.value


@settings(max_examples=100)
@given(st.text(max_size=300))
def test_properties_plain_reader_offsets_stay_in_the_text(text: str) -> None:
    if not text.strip():
        return
    article = read_plain(Path("x.txt"), text, "0" * 64)
    for block in article.blocks:
        assert 0 <= block.begin <= block.end <= len(text)
    for begin, end in article.reference_spans:
        assert 0 <= begin <= end <= len(text)


literal_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=50)


@settings(max_examples=100)
@given(st.lists(st.tuples(literal_text, st.sampled_from(["", "en", "ru", "ru-Latn"])), max_size=10))
def test_properties_serializers_round_trip_literals(values: list[tuple[str, str]]) -> None:
    g = Graph()
    for i, (value, lang) in enumerate(values):
        g.add(
            (
                URIRef(f"https://example.org/s{i}"),
                URIRef("https://example.org/p"),
                Literal(value, lang=lang or None),
            )
        )
    assert_isomorphic(g, Graph().parse(data=to_turtle(g), format="turtle"))
    assert_isomorphic(g, Graph().parse(data=to_ntriples(g), format="nt"))


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("Ceaușescu", True),
        ("Gomułka", True),
        ("Dubček", True),
        ("O'Brien", True),
        ("J.", True),
        ("CPSU", False),
        ("the", False),
        ("1957", False),
        ("Anti-", False),
    ],
)
def test_properties_name_tokens_in_any_script(token: str, expected: bool) -> None:
    from histkg.extract.nlp import is_name_token

    assert is_name_token(token) is expected
