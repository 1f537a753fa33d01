"""Generate the JSON-LD context from the ontology (``ontology/context.jsonld``)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from rdflib import OWL, RDF, Graph, URIRef

from histkg.resources import ontology_path
from histkg.vocab import HKG_IRI, PREFIXES

XSD = PREFIXES["xsd"]
SCHEMA_RANGE = URIRef("http://schema.org/rangeIncludes")


def build_context(ontology: Graph | None = None) -> dict[str, Any]:
    """A JSON-LD context: one term per class and property, typed where the range is one."""
    if ontology is None:
        context: dict[str, Any] = json.loads(_packaged_context())
        return context
    g = ontology
    terms: dict[str, Any] = {
        **{p: iri for p, iri in sorted(PREFIXES.items())},
        "id": "@id",
        "type": "@type",
        "label": {"@id": "rdfs:label", "@language": "en"},
        "altLabel": {"@id": "skos:altLabel"},
    }
    for cls in sorted(g.subjects(RDF.type, OWL.Class), key=str):
        if str(cls).startswith(HKG_IRI):
            name = str(cls)[len(HKG_IRI) :]
            terms[name] = f"hkg:{name}"
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in sorted(g.subjects(RDF.type, kind), key=str):
            if not str(prop).startswith(HKG_IRI):
                continue
            name = str(prop)[len(HKG_IRI) :]
            ranges = sorted(str(r) for r in g.objects(prop, SCHEMA_RANGE))
            if kind == OWL.ObjectProperty:
                terms[name] = {"@id": f"hkg:{name}", "@type": "@id"}
            elif ranges == [XSD + "nonNegativeInteger"]:
                terms[name] = {"@id": f"hkg:{name}", "@type": "xsd:nonNegativeInteger"}
            else:
                terms[name] = f"hkg:{name}"
    return {"@context": terms}


def context_json(ontology: Graph | None = None) -> str:
    """The context as the bytes written to ``ontology/context.jsonld``."""
    g = ontology if ontology is not None else Graph().parse(ontology_path())
    return json.dumps(build_context(g), indent=2, ensure_ascii=False) + "\n"


@cache
def _packaged_context() -> str:
    return json.dumps(build_context(Graph().parse(ontology_path())))


if __name__ == "__main__":  # python -m histkg.context  (regenerates the committed file)
    from histkg.resources import context_path

    context_path().write_text(context_json(), encoding="utf-8")
