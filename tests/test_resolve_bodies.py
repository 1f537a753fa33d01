"""Which mentions of a governing body are one body: a bare "the Senate" is the body its
own article names in full, never another article's (two invented articles)."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, RDFS, Namespace

from histkg import build

HKG = Namespace("https://w3id.org/histkg/ontology#")

ARTICLES = {
    "freedonia.txt": """= Sonia Mayfield =

Sonia Mayfield (born 12 March 1931) is a Freedonian politician. Mayfield was elected to the
Senate of Freedonia in 1970. The Senate met in Port Tarsis in 1971.
""",
    "tarsis.txt": """= Revolt of Tarsis =

The revolt of Tarsis broke out in the old republic in 68. The Senate proclaimed Marcus Tullo
Consul in 69. The Senate met again in 70.
""",
}


def test_a_bare_body_is_its_own_articles(tmp_path: Path) -> None:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    graph = build([tmp_path]).graph
    senates = {
        org: {str(d) for d in graph.objects(org, HKG.evidence)}
        for org in graph.subjects(RDF.type, HKG.Organization)
        if "Senate" in str(graph.value(org, RDFS.label))
    }
    for org, spans in senates.items():
        documents = {span.rsplit("/", 1)[-1].split("-")[0] for span in spans}
        assert len(documents) == 1, (org, sorted(spans))
    assert len(senates) >= 2, senates
