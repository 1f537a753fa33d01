"""Resolution: mentions -> one thing per real entity, records -> statements.

Persons are merged by full name, surname and spelling variant; organizations by their
normalised name, acronym, demonym form ("Chinese Communist Party" = "Communist Party of
China") and, for governing bodies, by the body they belong to; tenures by holder and
office; events by kind, date and who took part. No IRIs are made here.

The parts, in the order ``resolve`` uses them: ``entities`` (persons through
``persons``, organizations, places, offices), ``merge`` (events and tenures),
``consistency`` (a person dies once), ``facts`` (documents, organization facts, cited
works), ``labels`` and ``emit`` (statements); all of them write to one ``Ledger``.
"""

from __future__ import annotations

from histkg.extract import CorpusExtraction
from histkg.model import Ref
from histkg.resolve.consistency import one_death
from histkg.resolve.emit import emit_entities, emit_events, emit_spans, emit_tenures
from histkg.resolve.entities import ANAPHORA, Entities
from histkg.resolve.facts import cited_work, document, org_facts
from histkg.resolve.labels import Labels
from histkg.resolve.ledger import Ledger
from histkg.resolve.links import same_as
from histkg.resolve.merge import add_event, add_tenure, successions
from histkg.resolve.records import (
    SURFACE_RULE,
    Resolution,
    ResolvedEvent,
    ResolvedTenure,
    norm,
)

__all__ = [
    "ANAPHORA",
    "SURFACE_RULE",
    "Resolution",
    "ResolvedEvent",
    "ResolvedTenure",
    "norm",
    "resolve",
]


def resolve(corpus: CorpusExtraction) -> Resolution:
    """Merge the records of every article into statements about resolved things."""
    ledger = Ledger()
    entities = Entities(corpus, ledger)
    entities.learn_bodies()
    events: list[ResolvedEvent] = []
    tenures: dict[tuple[Ref, Ref], ResolvedTenure] = {}
    for ex in corpus.extractions:
        document(ledger, ex)
        for m in ex.mentions:
            entities.mention(m, ex)
        for alias, person in ex.aliases:  # another name (a birth name) of a person
            ledger.seen(entities.person(person, ex), alias.text, alias.span)
        record_map: dict[int, ResolvedEvent] = {}
        for record in ex.events:
            add_event(record, ex, entities, events, record_map)
        for record in ex.events:
            if record.part_of is not None and id(record.part_of) in record_map:
                record_map[id(record)].part_of = record_map[id(record.part_of)]
        for t in ex.tenures:
            add_tenure(t, ex, entities, tenures, record_map)
        for facts in ex.orgs:
            org_facts(entities, facts, ex)
        for work in ex.works:
            cited_work(ledger, work, ex)
    ledger.warnings += one_death(events, tenures, corpus)
    successions(tenures)
    labels = Labels(entities)
    emit_events(labels, events)
    emit_tenures(labels, tenures)
    emit_entities(labels)
    emit_spans(ledger, corpus)
    same_as(ledger, corpus)
    return ledger.resolution()
