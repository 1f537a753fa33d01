"""Every fact is traced to the text: spans quote the document exactly; named graphs per document."""

from __future__ import annotations

import hashlib

from rdflib import RDF, URIRef

from histkg import BuildResult
from tests.conftest import HKG, SEEDS, select


def test_provenance_quotes_equal_document_text(seed_build: BuildResult) -> None:
    texts = {a.doc_id: a.text for a in seed_build.articles}
    rows = select(
        seed_build.graph,
        "SELECT ?file ?b ?e ?q WHERE { ?s a hkg:TextSpan ; hkg:document/hkg:sourceFile ?file ; "
        "hkg:begin ?b ; hkg:end ?e ; hkg:quote ?q }",
    )
    assert len(rows) > 50
    for file, begin, end, quote in rows:
        assert texts[file.rsplit(".", 1)[0]][int(begin) : int(end)] == quote


def test_provenance_every_tenure_and_event_has_evidence(seed_build: BuildResult) -> None:
    rows = select(
        seed_build.graph,
        "SELECT ?x WHERE { { ?x a hkg:Tenure } UNION { ?x a hkg:Event } "
        "FILTER NOT EXISTS { ?x hkg:evidence ?s } }",
    )
    assert rows == []


def test_provenance_every_entity_has_a_first_mention(seed_build: BuildResult) -> None:
    rows = select(
        seed_build.graph,
        "SELECT ?x WHERE { { ?x a hkg:Person } UNION { ?x a hkg:Place } UNION { ?x a hkg:Office } "
        "FILTER NOT EXISTS { ?x hkg:evidence ?s } }",
    )
    assert rows == []


def test_provenance_document_hashes(seed_build: BuildResult) -> None:
    rows = select(
        seed_build.graph,
        "SELECT ?f ?h WHERE { ?d a hkg:Document ; hkg:sourceFile ?f ; hkg:sha256 ?h }",
    )
    assert len(rows) == 2
    for file, digest in rows:
        assert hashlib.sha256((SEEDS / file).read_bytes()).hexdigest() == digest


def test_provenance_a_fact_from_both_seeds_sits_in_both_named_graphs(
    seed_build: BuildResult,
) -> None:
    ds = seed_build.dataset
    votes = list(seed_build.graph.subjects(RDF.type, URIRef(HKG + "Vote")))
    assert len(votes) == 1
    graphs = {
        str(g) for _s, _p, _o, g in ds.quads((votes[0], RDF.type, URIRef(HKG + "Vote"), None))
    }
    documents = {str(d) for d in seed_build.graph.subjects(RDF.type, URIRef(HKG + "Document"))}
    assert graphs == documents
    evidence_docs = set()
    for span in seed_build.graph.objects(votes[0], URIRef(HKG + "evidence")):
        evidence_docs.add(str(seed_build.graph.value(span, URIRef(HKG + "document"))))
    assert evidence_docs == documents


def test_provenance_references_only_in_the_plain_seed_graph(seed_build: BuildResult) -> None:
    ds = seed_build.dataset
    works = set(seed_build.graph.subjects(RDF.type, URIRef(HKG + "Work")))
    graphs = {str(g) for w in works for _s, _p, _o, g in ds.quads((w, RDF.type, None, None))}
    assert len(graphs) == 1 and graphs.pop().endswith("001_8c46a87e43e84a85")


def test_provenance_no_blank_nodes(seed_build: BuildResult) -> None:
    from rdflib import BNode

    assert not any(isinstance(t, BNode) for triple in seed_build.graph for t in triple)
