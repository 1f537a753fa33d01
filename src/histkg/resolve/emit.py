"""Resolved events, tenures and things -> statements, each tagged with the document that
states it; every evidence span becomes a ``TextSpan`` with its quote."""

from __future__ import annotations

import re
from collections import defaultdict

from histkg.extract import CorpusExtraction
from histkg.model import Ref, Text
from histkg.resolve.labels import Labels
from histkg.resolve.ledger import Ledger
from histkg.resolve.records import ResolvedEvent, ResolvedTenure

#: event roles (attribute of ``ResolvedEvent``) and the properties that state them
_ROLES = {
    "agents": "agent",
    "affected": "affected",
    "voted_for": "votedFor",
    "voted_against": "votedAgainst",
}


def emit_events(labels: Labels, events: list[ResolvedEvent]) -> None:
    ledger = labels.ledger
    add = ledger.add
    used: set[str] = set()
    for ev in events:
        label = labels.event_label(ev)
        hint = re.sub(r"\s*\(\d{4}(?:-\d\d){0,2}\)$", "", label)
        key = f"{ev.date.iso if ev.date else 'undated'}-{ev.types[0]}-{hint}"
        if key in used:  # two events with one label (no one named) stay two events
            first = min(ev.evidence)
            key = f"{key}-{first.doc_id}-{first.begin}"
        used.add(key)
        ev.key = key
    for ev in events:
        ref = Ref("event", ev.key)
        kind = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", ev.types[0])
        short = labels.short(ev)
        if short.lower().startswith(kind.lower()):
            kind = ""
        ledger.names[ref] = f"{ev.date.iso if ev.date else 'undated'} {kind} {short}"
        for doc in ev.docs:
            for t in [*ev.types, "Event"]:
                add(ref, "type", Text(t), doc)
            add(ref, "label", Text(labels.event_label(ev), "en"), doc)
            if ev.date is not None and ev.end is not None:  # it lasted: both ends
                add(ref, "startDate", ev.date, doc)
                add(ref, "endDate", ev.end, doc)
            elif ev.date is not None:
                add(ref, "date", ev.date, doc)
            for attr, prop in _ROLES.items():
                for r in getattr(ev, attr):
                    add(ref, prop, r, doc)
            # participant is the super-property of the four roles: written out so
            # that queries need no reasoner
            roles = ev.participants + ev.agents + ev.affected + ev.voted_for + ev.voted_against
            for r in sorted(set(roles)):
                add(ref, "participant", r, doc)
            if ev.organization is not None:
                add(ref, "organization", ev.organization, doc)
            if ev.place is not None:
                add(ref, "place", ev.place, doc)
            if ev.office is not None:
                add(ref, "office", ev.office, doc)
            if ev.name:
                add(ref, "name", Text(ev.name, "en"), doc)
            if ev.motion:
                add(ref, "motion", Text(ev.motion), doc)
            if ev.outcome:
                add(ref, "outcome", Text(ev.outcome), doc)
            if ev.votes_for is not None:
                add(ref, "votesFor", ev.votes_for, doc)
            if ev.votes_against is not None:
                add(ref, "votesAgainst", ev.votes_against, doc)
            if ev.part_of is not None:
                add(ref, "partOf", Ref("event", ev.part_of.key), doc)
            for rule_doc, rule in sorted(ev.rules):
                if rule_doc == doc:
                    add(ref, "extractedBy", Text(rule), doc)
        for span in ev.evidence:
            ledger.evidence(ref, span)


def emit_tenures(labels: Labels, tenures: dict[tuple[Ref, Ref], ResolvedTenure]) -> None:
    ledger = labels.ledger
    add = ledger.add
    for (holder, office), t in sorted(tenures.items()):
        ref = Ref("tenure", f"{holder.key}|{office.key}")
        ledger.names[ref] = f"{labels.label(holder)} {labels.office_label(office)}"
        for doc in t.docs:
            add(ref, "type", Text("Tenure"), doc)
            add(
                ref,
                "label",
                Text(f"{labels.label(holder)} as {labels.office_label(office)}", "en"),
                doc,
            )
            add(ref, "holder", holder, doc)
            add(ref, "office", office, doc)
            if t.start is not None:
                add(ref, "startDate", t.start, doc)
            if t.end is not None:
                add(ref, "endDate", t.end, doc)
            for d in sorted(t.attested):
                if t.start is None or d.iso >= t.start.iso:
                    add(ref, "heldOn", d, doc)
            for ev in t.started_by:
                add(ref, "startedBy", Ref("event", ev.key), doc)
            for ev in t.ended_by:
                add(ref, "endedBy", Ref("event", ev.key), doc)
            for p in sorted(t.predecessor):
                add(ref, "predecessor", p, doc)
            for p in sorted(t.successor):
                add(ref, "successor", p, doc)
            for rule_doc, rule in sorted(t.rules):
                if rule_doc == doc:
                    add(ref, "extractedBy", Text(rule), doc)
        for span in t.evidence:
            ledger.evidence(ref, span)


def emit_entities(labels: Labels) -> None:
    ledger = labels.ledger
    add = ledger.add
    # things only ever referred to by key (a parent body, an anaphoric "the Party")
    unnamed: dict[Ref, set[str]] = defaultdict(set)
    for st in ledger.statements:
        for r in (st.subject, st.value):
            if isinstance(r, Ref) and r.kind in {"org", "place"} and r not in ledger.forms:
                unnamed[r].add(st.doc)
    for ref, docs_of in sorted(unnamed.items()):
        label = labels.label(ref)
        ledger.names[ref] = label
        for doc in sorted(docs_of):
            add(ref, "label", Text(label, "en"), doc)
    for ref in sorted(ledger.forms):
        label = labels.office_label(ref) if ref.kind == "office" else labels.label(ref)
        ledger.names[ref] = label
        docs = sorted({d for ds in ledger.forms[ref].values() for d in ds})
        for doc in docs:
            add(ref, "label", Text(label, "en"), doc)
            if ref.kind == "person":
                add(ref, "type", Text("Person"), doc)
        for form, form_docs in sorted(ledger.forms[ref].items()):
            if form != label:
                for doc in sorted(form_docs):
                    add(ref, "altLabel", Text(form, "en"), doc)
        parts = labels.entities.people.name_parts(ref) if ref.kind == "person" else None
        if parts is not None:
            for doc in docs:
                add(ref, "givenName", Text(parts[0]), doc)
                add(ref, "familyName", Text(parts[1]), doc)
    for (ref, _doc), span in sorted(ledger.first_mention.items()):
        ledger.evidence(ref, span)
    for ref in {s.subject for s in ledger.statements if s.subject.kind == "org"}:
        ledger.names.setdefault(ref, labels.label(ref))


def emit_spans(ledger: Ledger, corpus: CorpusExtraction) -> None:
    texts = {ex.article.doc_id: ex.article.text for ex in corpus.extractions}
    for ref, span in sorted(ledger.spans.items()):
        doc = span.doc_id
        ledger.names[ref] = f"{doc}-{span.begin}-{span.end}"
        ledger.add(ref, "type", Text("TextSpan"), doc)
        ledger.add(ref, "document", Ref("document", doc), doc)
        ledger.add(ref, "begin", span.begin, doc)
        ledger.add(ref, "end", span.end, doc)
        ledger.add(ref, "quote", Text(texts[doc][span.begin : span.end]), doc)
