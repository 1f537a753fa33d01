"""Records -> merged events and tenures.

Events merge by kind, compatible date and who took part (a vote, meeting, speech or
decree by its body, date or name); tenures by (holder, office), keeping the finer of two
compatible dates and warning ``W401`` when two sources disagree. Holders of one office
whose terms meet in a shared document become each other's predecessor and successor.
"""

from __future__ import annotations

from collections import defaultdict

from histkg.errors import CodedWarning
from histkg.model import Date, EventRecord, Extraction, Mention, Ref, TenureRecord
from histkg.resolve.entities import Entities
from histkg.resolve.records import SURFACE_RULE, ResolvedEvent, ResolvedTenure, norm


def compatible(a: Date | None, b: Date | None) -> bool:
    if a is None or b is None:
        return True
    return a.iso.startswith(b.iso) or b.iso.startswith(a.iso)


def finer(a: Date | None, b: Date | None) -> Date | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if len(a.iso) >= len(b.iso) else b


# --- events ---------------------------------------------------------------------------


def add_event(
    record: EventRecord,
    ex: Extraction,
    entities: Entities,
    events: list[ResolvedEvent],
    record_map: dict[int, ResolvedEvent],
) -> None:
    """Resolve ``record`` into ``events``: merged into the same event, else appended."""

    def refs(mentions: list[Mention]) -> list[Ref]:
        return sorted({entities.mention(m, ex) for m in mentions})

    ev = ResolvedEvent(
        types=list(record.types),
        date=record.date,
        end=record.end,
        agents=refs(record.agents),
        affected=refs(record.affected),
        participants=refs(record.participants),
        organization=entities.mention(record.organization, ex) if record.organization else None,
        place=entities.mention(record.place, ex) if record.place else None,
        office=entities.office(record.office, ex, record.evidence) if record.office else None,
        name=record.name,
        motion=record.motion,
        outcome=record.outcome,
        votes_for=record.votes_for,
        votes_against=record.votes_against,
        voted_for=refs(record.voted_for),
        voted_against=refs(record.voted_against),
        evidence=[record.evidence, *record.extra_evidence],
        docs=[ex.article.doc_id],
        rules={(ex.article.doc_id, record.rule or SURFACE_RULE)},
    )
    for other in events:
        if same_event(other, ev):
            merge_event(other, ev)
            record_map[id(record)] = other
            return
    events.append(ev)
    record_map[id(record)] = ev


#: kinds of one person's end of life: one may die only once ("led it until his death"
#: and "was hanged on 4 April" are one event)
DEATHS = frozenset({"Death", "Execution"})


def same_event(a: ResolvedEvent, b: ResolvedEvent) -> bool:
    if not compatible(a.date, b.date):
        return False
    if {a.types[0], b.types[0]} <= DEATHS and a.types[0] != b.types[0]:
        return len(a.affected) == 1 and a.affected == b.affected
    if a.types[0] != b.types[0]:
        return False
    kind = a.types[0]
    if kind == "Vote":
        return a.date == b.date and a.organization == b.organization
    if kind == "Meeting":  # an undated meeting of no named body is no one meeting
        return (
            a.organization == b.organization
            and (a.organization is not None or a.name is not None)
            and (
                (a.date == b.date and a.date is not None)
                or (a.name is not None and a.name == b.name)
            )
        )
    if kind == "Election" and not (a.affected or b.affected):
        # "the general election of 1948" told twice: one vote of the electorate, by date
        return a.date is not None and b.date is not None and a.office == b.office
    if kind == "Agreement":
        return a.name is not None and norm(a.name) == norm(b.name or "")
    if kind == "Speech":
        return a.agents == b.agents and (
            a.date == b.date or (a.name is not None and a.name == b.name)
        )
    if kind == "Decree":
        return a.date == b.date and a.agents == b.agents
    if kind == "CoupAttempt":  # "a coup led by B against A" and "B seized power"
        named_once = (
            (a.name is None) != (b.name is None) and a.date is not None and b.date is not None
        )
        return (
            named_once
            or bool(set(a.affected) & set(b.affected))
            or bool(set(a.agents) & set(b.agents))
        )
    if a.office is not None and b.office is not None and a.office != b.office:
        return False
    with_office = a if a.office is not None else b if b.office is not None else None
    without = b if with_office is a else a
    if with_office is not None and without.office is None:
        if with_office.date is None and without.date is not None:
            return False  # "became a director" (undated) is not "appointed by A in 1813"
        if (
            without.agents
            and not with_office.agents
            and not (with_office.date is not None and with_office.date == without.date)
        ):
            return False  # nor "appointed by A to a commission" ("became a director")
    if a.agents and b.agents and not set(a.agents) & set(b.agents):
        return False  # appointed by A and appointed by B are two appointments
    mine, theirs = set(a.affected), set(b.affected)
    if mine != theirs and (len(mine) > 1 or len(theirs) > 1) and not (a.date and a.date == b.date):
        return False  # "A, B and C were arrested" is not "B's arrest in May" unless dated alike
    return bool(mine & theirs)


def merge_event(a: ResolvedEvent, b: ResolvedEvent) -> None:
    if a.types[0] == "Death" and b.types[0] == "Execution":
        a.types = list(b.types)  # the execution says how the death came
    a.date = finer(a.date, b.date)
    if compatible(a.end, b.end):
        a.end = finer(a.end, b.end)
    for attr in ("agents", "affected", "participants", "voted_for", "voted_against"):
        merged = sorted(set(getattr(a, attr)) | set(getattr(b, attr)))
        setattr(a, attr, merged)
    for attr in (
        "organization",
        "place",
        "office",
        "name",
        "motion",
        "outcome",
        "votes_for",
        "votes_against",
    ):
        if getattr(a, attr) is None:
            setattr(a, attr, getattr(b, attr))
    a.evidence += [e for e in b.evidence if e not in a.evidence]
    a.docs += [d for d in b.docs if d not in a.docs]
    a.rules |= b.rules


# --- tenures --------------------------------------------------------------------------


def add_tenure(
    t: TenureRecord,
    ex: Extraction,
    entities: Entities,
    tenures: dict[tuple[Ref, Ref], ResolvedTenure],
    record_map: dict[int, ResolvedEvent],
) -> None:
    """Resolve ``t`` into the tenure of its holder and office in ``tenures``."""
    holder = entities.person(t.holder, ex)
    office = entities.office(t.office, ex, t.evidence)
    key = (holder, office)
    rt = tenures.setdefault(key, ResolvedTenure(holder, office))
    for attr in ("start", "end"):
        new = getattr(t, attr)
        old = getattr(rt, attr)
        if new is not None and old is not None and not compatible(new, old):
            entities.ledger.warnings.append(
                CodedWarning(
                    "W401",
                    str(ex.article.path),
                    ex.article.line_of(t.evidence.begin),
                    f"{attr} of {holder.key} as {office.key}: {old.iso} vs {new.iso};"
                    " kept the earlier source",
                )
            )
            continue
        setattr(rt, attr, finer(old, new))
    if t.attested is not None:
        rt.attested.add(t.attested)
    if t.predecessor is not None:
        rt.predecessor.add(entities.person(t.predecessor, ex))
    if t.successor is not None:
        rt.successor.add(entities.person(t.successor, ex))
    if t.started_by is not None and id(t.started_by) in record_map:
        ev = record_map[id(t.started_by)]
        if ev not in rt.started_by:
            rt.started_by.append(ev)
    if t.ended_by is not None and id(t.ended_by) in record_map:
        ev = record_map[id(t.ended_by)]
        if ev not in rt.ended_by:
            rt.ended_by.append(ev)
    if t.evidence not in rt.evidence:
        rt.evidence.append(t.evidence)
    rt.rules.add((ex.article.doc_id, t.rule or SURFACE_RULE))
    if ex.article.doc_id not in rt.docs:
        rt.docs.append(ex.article.doc_id)


def successions(tenures: dict[tuple[Ref, Ref], ResolvedTenure]) -> None:
    by_office: dict[Ref, list[ResolvedTenure]] = defaultdict(list)
    for t in tenures.values():
        by_office[t.office].append(t)
    for group in by_office.values():
        for before in group:
            for after in group:
                if before is after or before.end is None or after.start is None:
                    continue
                if before.end == after.start and set(before.docs) & set(after.docs):
                    before.successor.add(after.holder)
                    after.predecessor.add(before.holder)
