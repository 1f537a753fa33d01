"""Closed namespace of the histkg ontology (a typo raises ``AttributeError``).

Kept in step with ``ontology/histkg.ttl`` by ``tests/test_vocab.py``.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

HKG_IRI = "https://w3id.org/histkg/ontology#"


class HKG(DefinedNamespace):
    """Classes and properties of ``hkg:``."""

    _NS = Namespace(HKG_IRI)
    _fail = True

    Agreement: URIRef
    Appointment: URIRef
    Arrest: URIRef
    AssassinationAttempt: URIRef
    Confirmation: URIRef
    CoupAttempt: URIRef
    Death: URIRef
    Decree: URIRef
    Document: URIRef
    Election: URIRef
    Event: URIRef
    Execution: URIRef
    Expulsion: URIRef
    Faction: URIRef
    GoverningBody: URIRef
    Meeting: URIRef
    Office: URIRef
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    PoliticalParty: URIRef
    Reinstatement: URIRef
    Release: URIRef
    Removal: URIRef
    Resignation: URIRef
    Sentencing: URIRef
    Speech: URIRef
    Tenure: URIRef
    TextSpan: URIRef
    Trial: URIRef
    Vote: URIRef
    Work: URIRef
    affected: URIRef
    agent: URIRef
    begin: URIRef
    cites: URIRef
    containerTitle: URIRef
    country: URIRef
    creatorName: URIRef
    date: URIRef
    document: URIRef
    end: URIRef
    endDate: URIRef
    endedBy: URIRef
    evidence: URIRef
    extractedBy: URIRef
    familyName: URIRef
    format: URIRef
    givenName: URIRef
    heldOn: URIRef
    holder: URIRef
    ideology: URIRef
    isbn: URIRef
    issn: URIRef
    jstor: URIRef
    leader: URIRef
    member: URIRef
    motion: URIRef
    name: URIRef
    office: URIRef
    organization: URIRef
    outcome: URIRef
    parentOrganization: URIRef
    partOf: URIRef
    participant: URIRef
    place: URIRef
    politicalPosition: URIRef
    predecessor: URIRef
    published: URIRef
    publisher: URIRef
    quote: URIRef
    seatCount: URIRef
    seatsIn: URIRef
    sha256: URIRef
    sourceFile: URIRef
    startDate: URIRef
    startedBy: URIRef
    successor: URIRef
    title: URIRef
    url: URIRef
    votedAgainst: URIRef
    votedFor: URIRef
    votesAgainst: URIRef
    votesFor: URIRef


SCHEMA = Namespace("http://schema.org/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")

#: Prefixes bound in every serialization.
PREFIXES: dict[str, str] = {
    "hkg": HKG_IRI,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
