"""Each shape rejects a crafted violation, naming itself; the seed build conforms."""

from __future__ import annotations

import pytest
from rdflib import Graph

from histkg import BuildResult
from histkg.validate import validate

PREFIXES = """
@prefix hkg: <https://w3id.org/histkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/id/> .
ex:doc a hkg:Document ; hkg:title "T" ; hkg:sha256 "%s" .
ex:span a hkg:TextSpan ; hkg:document ex:doc ; hkg:begin "0"^^xsd:nonNegativeInteger ; hkg:end "3"^^xsd:nonNegativeInteger ; hkg:quote "abc" .
ex:p1 a hkg:Person ; rdfs:label "A"@en ; hkg:evidence ex:span .
ex:p2 a hkg:Person ; rdfs:label "B"@en ; hkg:evidence ex:span .
ex:office a hkg:Office ; rdfs:label "Premier"@en .
""" % ("0" * 64)

SHAPES = "https://w3id.org/histkg/shapes#"

CASES = {
    "person-without-label": (
        "ex:p3 a hkg:Person ; hkg:evidence ex:span .",
        "OneEnglishLabel",
    ),
    "tenure-end-before-start": (
        """ex:t a hkg:Tenure ; rdfs:label "t"@en ; hkg:holder ex:p1 ; hkg:office ex:office ;
           hkg:startDate "1958"^^xsd:gYear ; hkg:endDate "1957-06-29"^^xsd:date ; hkg:evidence ex:span .""",
        "EndNotBeforeStart",
    ),
    "tenure-without-holder": (
        """ex:t a hkg:Tenure ; rdfs:label "t"@en ; hkg:office ex:office ; hkg:evidence ex:span .""",
        "TenureShape",
    ),
    "event-without-evidence": (
        """ex:e a hkg:Event, hkg:Removal ; rdfs:label "e"@en ; hkg:affected ex:p1 .""",
        "HasEvidence",
    ),
    "event-subclass-without-event-type": (
        """ex:e a hkg:Removal ; rdfs:label "e"@en ; hkg:evidence ex:span .""",
        "EventSubclassShape",
    ),
    "event-date-not-a-date": (
        """ex:e a hkg:Event ; rdfs:label "e"@en ; hkg:evidence ex:span ; hkg:date "June" .""",
        "EventShape",
    ),
    "span-quote-length": (
        """ex:s2 a hkg:TextSpan ; hkg:document ex:doc ; hkg:begin "0"^^xsd:nonNegativeInteger ; hkg:end "10"^^xsd:nonNegativeInteger ; hkg:quote "abc" .""",
        "QuoteLengthMatchesOffsets",
    ),
    "span-begin-after-end": (
        """ex:s2 a hkg:TextSpan ; hkg:document ex:doc ; hkg:begin "5"^^xsd:nonNegativeInteger ; hkg:end "2"^^xsd:nonNegativeInteger ; hkg:quote "abc" .""",
        "TextSpanShape",
    ),
    "vote-more-voters-than-count": (
        """ex:v a hkg:Event, hkg:Vote ; rdfs:label "v"@en ; hkg:evidence ex:span ; hkg:votesFor "1"^^xsd:nonNegativeInteger ;
           hkg:votesAgainst "1"^^xsd:nonNegativeInteger ; hkg:votedFor ex:p1, ex:p2 .""",
        "NamedVotersWithinCounts",
    ),
    "vote-both-ways": (
        """ex:v a hkg:Event, hkg:Vote ; rdfs:label "v"@en ; hkg:evidence ex:span ;
           hkg:votedFor ex:p1 ; hkg:votedAgainst ex:p1 .""",
        "NoOneVotesBothWays",
    ),
    "document-bad-hash": (
        """ex:doc2 a hkg:Document ; hkg:title "T" ; hkg:sha256 "xyz" .""",
        "DocumentShape",
    ),
    "work-bad-issn": (
        """ex:w a hkg:Work ; hkg:title "W" ; hkg:issn "12-34" ; hkg:evidence ex:span .""",
        "WorkShape",
    ),
    "organization-leader-not-a-person": (
        """ex:o a hkg:Organization, hkg:Faction ; rdfs:label "O"@en ; hkg:leader ex:office .""",
        "OrganizationShape",
    ),
    "faction-not-organization": (
        """ex:f a hkg:Faction ; rdfs:label "F"@en .""",
        "FactionShape",
    ),
    "party-not-organization": (
        """ex:party a hkg:PoliticalParty ; rdfs:label "P"@en .""",
        "PoliticalPartyShape",
    ),
    "body-not-organization": (
        """ex:body a hkg:GoverningBody ; rdfs:label "B"@en .""",
        "GoverningBodyShape",
    ),
    "event-agent-not-person-or-organization": (
        """ex:e a hkg:Event, hkg:Arrest ; rdfs:label "e"@en ; hkg:evidence ex:span ; hkg:agent ex:office .""",
        "EventShape",
    ),
    "place-two-labels": (
        """ex:pl a hkg:Place ; rdfs:label "X"@en, "Y"@en .""",
        "OneEnglishLabel",
    ),
    "office-two-organizations": (
        """ex:o1 a hkg:Organization ; rdfs:label "O1"@en . ex:o2 a hkg:Organization ; rdfs:label "O2"@en .
           ex:office hkg:organization ex:o1, ex:o2 .""",
        "OfficeShape",
    ),
}


def test_shapes_fixture_base_conforms() -> None:
    report = validate(Graph().parse(data=PREFIXES, format="turtle"))
    assert report.conforms, report.violations


@pytest.mark.parametrize("case", sorted(CASES))
def test_shapes_reject_crafted_violation(case: str) -> None:
    extra, shape = CASES[case]
    report = validate(Graph().parse(data=PREFIXES + extra, format="turtle"))
    assert not report.conforms
    names = [f"{v.source_shape} {v.constraint}" for v in report.violations]
    assert any(shape in name for name in names), f"expected {shape} among {names}"
    assert all(v.message for v in report.violations)


def test_shapes_seed_build_conforms(seed_build: BuildResult) -> None:
    assert seed_build.report.conforms
    assert seed_build.report.violations == ()


def test_shapes_every_contract_class_has_a_shape() -> None:
    from rdflib import Namespace

    from histkg.validate import load_shapes
    from tests.test_vocab import CONTRACT_CLASSES

    sh = Namespace("http://www.w3.org/ns/shacl#")
    shapes = load_shapes()
    targeted = {str(o).split("#")[1] for o in shapes.objects(None, sh.targetClass)}
    assert set(CONTRACT_CLASSES) <= targeted
