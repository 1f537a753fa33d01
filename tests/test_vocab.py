"""The ontology declares the whole public contract; vocab.py and the context follow it."""

from __future__ import annotations

import json

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from histkg.context import context_json
from histkg.resources import context_path, ontology_path
from histkg.vocab import HKG, HKG_IRI

# The public vocabulary (../shared/ontology-terms.md); never renamed nor dropped.
CONTRACT_CLASSES = (
    "Person Organization PoliticalParty Faction GoverningBody Place Office Tenure Event Meeting "
    "Vote Speech Decree Appointment Removal Resignation Expulsion Reinstatement CoupAttempt Arrest "
    "Trial Sentencing Execution Death Agreement Election Document TextSpan Work"
).split()
CONTRACT_PROPERTIES = (
    "givenName familyName holder office organization startDate endDate date startedBy endedBy "
    "predecessor successor participant agent affected votedFor votedAgainst votesFor votesAgainst "
    "motion outcome partOf place member leader parentOrganization country ideology "
    "politicalPosition seatsIn seatCount evidence document begin end quote title sha256 cites "
    "creatorName published isbn issn jstor url"
).split()


def ontology() -> Graph:
    return Graph().parse(ontology_path())


def test_vocab_contract_terms_declared_with_label_and_comment() -> None:
    g = ontology()
    for name in CONTRACT_CLASSES:
        term = URIRef(HKG_IRI + name)
        assert (term, RDF.type, OWL.Class) in g, name
    for name in CONTRACT_PROPERTIES:
        term = URIRef(HKG_IRI + name)
        kinds = set(g.objects(term, RDF.type))
        assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}, name
    for name in CONTRACT_CLASSES + CONTRACT_PROPERTIES:
        term = URIRef(HKG_IRI + name)
        assert g.value(term, RDFS.label) is not None, name
        assert g.value(term, RDFS.comment) is not None, name


def test_vocab_alignments() -> None:
    g = ontology()
    skos_exact = URIRef("http://www.w3.org/2004/02/skos/core#exactMatch")
    assert (HKG.Person, RDFS.subClassOf, URIRef("http://schema.org/Person")) in g
    assert (HKG.Person, skos_exact, URIRef("http://www.wikidata.org/entity/Q5")) in g
    assert (HKG.Office, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Post")) in g
    assert (
        HKG.Event,
        RDFS.subClassOf,
        URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event"),
    ) in g
    assert (HKG.Event, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Activity")) in g
    for name in CONTRACT_CLASSES:
        assert list(g.objects(URIRef(HKG_IRI + name), RDFS.subClassOf)), f"{name} is not aligned"


def test_vocab_module_matches_ontology() -> None:
    g = ontology()
    declared = {
        str(s)[len(HKG_IRI) :]
        for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in g.subjects(RDF.type, t)
        if str(s).startswith(HKG_IRI)
    }
    assert declared == set(HKG.__annotations__), "regenerate src/histkg/vocab.py"


def test_vocab_closed_namespace_rejects_typos() -> None:
    import pytest

    with pytest.raises(AttributeError):
        _ = HKG.birthdate


def test_vocab_context_is_up_to_date() -> None:
    assert context_path().read_text(encoding="utf-8") == context_json(), (
        "ontology/context.jsonld is stale: run python -m histkg.context"
    )
    terms = json.loads(context_json())["@context"]
    assert terms["holder"] == {"@id": "hkg:holder", "@type": "@id"}
    assert set(CONTRACT_CLASSES + CONTRACT_PROPERTIES) <= set(terms)
