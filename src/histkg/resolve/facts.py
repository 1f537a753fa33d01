"""Statements read straight off a record: a document, an organization's facts, a cited
work."""

from __future__ import annotations

from histkg.model import Extraction, OrgFacts, Ref, Text, WorkRecord
from histkg.resolve.entities import Entities
from histkg.resolve.ledger import Ledger
from histkg.resolve.records import norm


def document(ledger: Ledger, ex: Extraction) -> None:
    a = ex.article
    ref = Ref("document", a.doc_id)
    ledger.add(ref, "type", Text("Document"), a.doc_id)
    ledger.add(ref, "title", Text(a.title), a.doc_id)
    ledger.add(ref, "label", Text(f"{a.title} ({a.path.name})", "en"), a.doc_id)
    ledger.add(ref, "sha256", Text(a.sha256), a.doc_id)
    ledger.add(ref, "sourceFile", Text(a.path.name), a.doc_id)
    ledger.add(ref, "format", Text(a.format), a.doc_id)
    ledger.names[ref] = a.doc_id


def org_facts(entities: Entities, facts: OrgFacts, ex: Extraction) -> None:
    add = entities.ledger.add
    doc = ex.article.doc_id
    subject = entities.org(facts.subject, ex)
    for m in facts.leaders:
        leader = entities.person(m, ex)
        add(subject, "leader", leader, doc)
        add(subject, "member", leader, doc)  # leader is a sub-property of member
    for m in facts.members:
        add(subject, "member", entities.person(m, ex), doc)
    for text, _span in facts.ideology:
        add(subject, "ideology", Text(text, "en"), doc)
    for text, _span in facts.position:
        add(subject, "politicalPosition", Text(text, "en"), doc)
    for m in facts.parent:
        add(subject, "parentOrganization", entities.org(m, ex), doc)
    for m in facts.country:
        add(subject, "country", entities.place(m), doc)
    for body, count, _span in facts.seats:
        body_ref = entities.org(body, ex)
        add(subject, "seatsIn", body_ref, doc)
        add(subject, "seatCount", count, doc)
    for text, lang, _span in facts.alt_labels:
        add(subject, "altLabel", Text(text, lang if lang != "und" else ""), doc)


def cited_work(ledger: Ledger, work: WorkRecord, ex: Extraction) -> None:
    doc = ex.article.doc_id
    first = work.creators[0].split(",")[0] if work.creators else ""
    key = norm(f"{first} {work.published.iso[:4] if work.published else ''} {work.title}")
    ref = Ref("work", key)
    ledger.names[ref] = " ".join(key.split()[:8])
    ledger.add(ref, "type", Text("Work"), doc)
    # one title per work: the first as written ("The X" and "X" are one work)
    title = ledger.key_surface.setdefault(f"work:{key}", work.title)
    ledger.add(ref, "title", Text(title), doc)
    ledger.add(ref, "label", Text(title, "en"), doc)
    for c in work.creators:
        ledger.add(ref, "creatorName", Text(c), doc)
    if work.published is not None:
        ledger.add(ref, "published", work.published, doc)
    for prop in ("isbn", "issn", "jstor", "url"):
        for value in getattr(work, prop):
            ledger.add(ref, prop, Text(value), doc)
    if work.publisher:
        ledger.add(ref, "publisher", Text(work.publisher), doc)
    if work.container:
        ledger.add(ref, "containerTitle", Text(work.container), doc)
    ledger.evidence(ref, work.span)
    ledger.add(Ref("document", doc), "cites", ref, doc)
