"""Resolution: mentions -> one thing per real entity, records -> statements.

Persons are merged by full name, surname and spelling variant; organizations by their
normalised name, acronym, demonym form ("Chinese Communist Party" = "Communist Party of
China") and, for governing bodies, by the body they belong to; tenures by holder and
office; events by kind, date and who took part. No IRIs are made here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from histkg.errors import CodedWarning
from histkg.extract import CorpusExtraction
from histkg.extract.mentions import body_regex
from histkg.lexicon import lexicon
from histkg.model import (
    Date,
    EventRecord,
    Extraction,
    Mention,
    OfficeRef,
    OrgFacts,
    Ref,
    Span,
    Statement,
    TenureRecord,
    Text,
    Value,
    WorkRecord,
)
from histkg.persons import PersonIndex

#: the rule id of facts read by the surface patterns of ``extract/text.py``
SURFACE_RULE = "text.surface"
ANAPHORA = {"party", "communist party", "the party", "the communist party"}


def norm(text: str) -> str:
    """Lower-case key of a name: no articles, possessives or extra spaces."""
    text = re.sub(r"['’]s$", "", text.strip())
    text = re.sub(r"\b(?:the|a|an|local)\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass
class ResolvedEvent:
    types: list[str]
    date: Date | None
    agents: list[Ref] = field(default_factory=list)
    affected: list[Ref] = field(default_factory=list)
    participants: list[Ref] = field(default_factory=list)
    organization: Ref | None = None
    place: Ref | None = None
    office: Ref | None = None
    name: str | None = None
    motion: str | None = None
    outcome: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    voted_for: list[Ref] = field(default_factory=list)
    voted_against: list[Ref] = field(default_factory=list)
    part_of: ResolvedEvent | None = None
    evidence: list[Span] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    key: str = ""
    rules: set[tuple[str, str]] = field(default_factory=set)  # (document, rule id)


@dataclass
class ResolvedTenure:
    holder: Ref
    office: Ref
    start: Date | None = None
    end: Date | None = None
    attested: set[Date] = field(default_factory=set)
    started_by: list[ResolvedEvent] = field(default_factory=list)
    ended_by: list[ResolvedEvent] = field(default_factory=list)
    predecessor: set[Ref] = field(default_factory=set)
    successor: set[Ref] = field(default_factory=set)
    evidence: list[Span] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    rules: set[tuple[str, str]] = field(default_factory=set)  # (document, rule id)


@dataclass
class Resolution:
    """Statements about every resolved thing, and a readable name for each."""

    statements: list[Statement]
    names: dict[Ref, str]
    warnings: list[CodedWarning]


def _compatible(a: Date | None, b: Date | None) -> bool:
    if a is None or b is None:
        return True
    return a.iso.startswith(b.iso) or b.iso.startswith(a.iso)


def _finer(a: Date | None, b: Date | None) -> Date | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if len(a.iso) >= len(b.iso) else b


class Resolver:
    def __init__(self, corpus: CorpusExtraction) -> None:
        self.corpus = corpus
        self.lex = lexicon()
        self.statements: list[Statement] = []
        self.names: dict[Ref, str] = {}
        self.warnings: list[CodedWarning] = []
        self.forms: dict[Ref, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.first_mention: dict[tuple[Ref, str], Span] = {}
        self.key_surface: dict[str, str] = {}
        self.spans: dict[Ref, Span] = {}
        self.people = PersonIndex(corpus)
        self._bodies_setup()

    # --- persons -----------------------------------------------------------------

    def person(self, mention: Mention, ex: Extraction | None = None) -> Ref:
        if ex is None:  # no article: the name as written is the person
            ref = Ref("person", mention.text.strip())
        else:
            ref = self.people.ref(mention, ex)
        self._seen(ref, mention.text.strip(), mention.span)
        return ref

    # --- organizations and places -------------------------------------------------

    def _bodies_setup(self) -> None:
        self.known_bodies: dict[str, list[str]] = defaultdict(list)

    def _demonym(self, name: str) -> str:
        for adjective in sorted(self.lex.demonyms, key=len, reverse=True):
            if name.startswith(adjective + " ") and len(name) > len(adjective) + 1:
                return f"{name[len(adjective) + 1 :]} of {self.lex.demonyms[adjective]}"
        return name

    def org_key(self, text: str, cls: str, ex: Extraction) -> str:
        text = re.sub(r"^(?:[Tt]he)\s+", "", text.strip())
        text = re.sub(r"['’]s$", "", text)
        if cls == "Faction" and ex.faction is not None:
            return "faction:" + norm(ex.faction.text)
        if text.lower() in ANAPHORA or norm(text) in ANAPHORA:
            if ex.main_party:
                return self.org_key(ex.main_party, "PoliticalParty", ex)
            return "party:" + norm(text)
        if re.fullmatch(r"[A-Z]{2,6}", text) and text in self.corpus.acronyms:
            full = self.corpus.acronyms[text]
            return self.org_key(
                full, "GoverningBody" if body_regex().fullmatch(full) else "PoliticalParty", ex
            )
        body = body_regex().fullmatch(text)
        if (
            body is not None
            and cls != "PoliticalParty"
            and not re.search(r"\bParty\b", body.group("body"))
        ):
            head = body.group("body").lower()
            qualifier = body.group("prefix") or re.sub(
                r"^\s*of\s+(?:the\s+)?", "", body.group("tail") or ""
            )
            if qualifier:
                return f"body:{head}>{self._qualifier_key(qualifier, ex)}"
            known = sorted(k for k in self.known_bodies[head])
            if known:
                return max(known, key=len)
            if ex.main_party:
                return f"body:{head}>{self.org_key(ex.main_party, 'PoliticalParty', ex)}"
            return f"body:{head}"
        if cls == "PoliticalParty" or re.search(r"\bParty\b", text):
            return "party:" + norm(self._demonym(text))
        return "org:" + norm(self._demonym(text))

    def _qualifier_key(self, qualifier: str, ex: Extraction) -> str:
        """Key of what a body belongs to: another body, a party, or else a country."""
        acronym = self.corpus.acronyms.get(qualifier, "")
        if body_regex().search(qualifier) or body_regex().fullmatch(acronym):
            key = self.org_key(qualifier, "GoverningBody", ex)
        elif re.search(r"\bParty\b", qualifier + " " + acronym):
            key = self.org_key(qualifier, "PoliticalParty", ex)
        else:
            key = "place:" + norm(qualifier)
        self.key_surface.setdefault(key, acronym or qualifier)
        return key

    def _parent(self, key: str, doc: str) -> Ref | None:
        """Link a body to what it belongs to; returns the parent organization, if any."""
        if not key.startswith("body:") or ">" not in key:
            return None
        parent_key = key.split(">", 1)[1]
        if parent_key.startswith("place:"):
            place = Ref("place", parent_key.split(":", 1)[1])
            self.forms[place][self.key_surface.get(parent_key, parent_key.split(":", 1)[1])].add(
                doc
            )
            self.add(place, "type", Text("Place"), doc)
            self.add(Ref("org", key), "country", place, doc)
            return None
        parent = Ref("org", parent_key)
        cls = "GoverningBody" if parent_key.startswith("body:") else "PoliticalParty"
        self.add(parent, "type", Text(cls), doc)
        self.add(parent, "type", Text("Organization"), doc)
        self.add(Ref("org", key), "parentOrganization", parent, doc)
        self._parent(parent_key, doc)
        return parent

    def org(self, mention: Mention, ex: Extraction) -> Ref:
        key = self.org_key(mention.text, mention.org_class, ex)
        ref = Ref("org", key)
        surface = re.sub(r"^(?:[Tt]he)\s+", "", mention.text.strip())
        if surface.lower() not in ANAPHORA and not re.fullmatch(r"(?i)the group|group", surface):
            self._seen(ref, surface, mention.span)
        else:
            self.first_mention.setdefault((ref, mention.span.doc_id), mention.span)
        cls = {"faction": "Faction", "party": "PoliticalParty", "body": "GoverningBody"}.get(
            key.split(":")[0], "Organization"
        )
        self.add(ref, "type", Text(cls), mention.span.doc_id)
        self.add(ref, "type", Text("Organization"), mention.span.doc_id)
        self._parent(key, mention.span.doc_id)
        return ref

    def place(self, mention: Mention) -> Ref:
        text = re.sub(r"^(?:[Tt]he)\s+", "", mention.text.strip())
        ref = Ref("place", norm(text))
        self._seen(ref, text, mention.span)
        self.add(ref, "type", Text("Place"), mention.span.doc_id)
        return ref

    def mention(self, m: Mention, ex: Extraction) -> Ref:
        if m.kind == "person":
            return self.person(m, ex)
        if m.kind == "org":
            return self.org(m, ex)
        return self.place(m)

    # --- bookkeeping --------------------------------------------------------------

    def _seen(self, ref: Ref, surface: str, span: Span) -> None:
        self.forms[ref][surface].add(span.doc_id)
        if span.end > span.begin:
            key = (ref, span.doc_id)
            if key not in self.first_mention or span.begin < self.first_mention[key].begin:
                self.first_mention[key] = span

    def add(self, subject: Ref, prop: str, value: Value, doc: str) -> None:
        self.statements.append(Statement(subject, prop, value, doc))

    def evidence(self, subject: Ref, span: Span) -> None:
        self.add(subject, "evidence", self.span_ref(span), span.doc_id)

    def span_ref(self, span: Span) -> Ref:
        ref = Ref("span", f"{span.doc_id}/{span.begin:07d}-{span.end:07d}")
        self.spans[ref] = span
        return ref

    def _emit_spans(self) -> None:
        texts = {ex.article.doc_id: ex.article.text for ex in self.corpus.extractions}
        for ref, span in sorted(self.spans.items()):
            doc = span.doc_id
            self.names[ref] = f"{doc}-{span.begin}-{span.end}"
            self.add(ref, "type", Text("TextSpan"), doc)
            self.add(ref, "document", Ref("document", doc), doc)
            self.add(ref, "begin", span.begin, doc)
            self.add(ref, "end", span.end, doc)
            self.add(ref, "quote", Text(texts[doc][span.begin : span.end]), doc)

    # --- offices ------------------------------------------------------------------

    def office(self, office: OfficeRef, ex: Extraction, evidence: Span | None = None) -> Ref:
        doc = ex.article.doc_id
        org = (
            self.org(office.org, ex)
            if office.org is not None and office.org.span.end > 0
            else (
                Ref("org", self.org_key(office.org.text, office.org.org_class, ex))
                if office.org is not None
                else None
            )
        )
        place = self.place(office.place) if office.place is not None else None
        if office.scope == "post":
            noun = office.title.split()[0].lower()
            anchor = org.key if org is not None else norm(office.title)
            key = f"post:{noun}|{anchor}" if org is not None else f"post:{anchor}"
            label = office.title
        else:
            anchor = org.key if org is not None else (place.key if place is not None else "")
            key = f"{office.scope}:{norm(office.title)}|{anchor}"
            label = office.title
        ref = Ref("office", key)
        self.forms[ref][label].add(doc)
        self.add(ref, "type", Text("Office"), doc)
        if org is not None:
            self.add(ref, "organization", org, doc)
            if office.org is not None and office.org.span.end == 0:
                self.add(org, "type", Text("PoliticalParty"), doc)
                self.add(org, "type", Text("Organization"), doc)
        if place is not None:
            self.add(ref, "place", place, doc)
        if evidence is not None:  # first mention: the sentence that names the office
            first = self.first_mention.get((ref, doc))
            if first is None or evidence.begin < first.begin:
                self.first_mention[(ref, doc)] = evidence
        self.office_parts[ref] = (office.title, office.scope, org, place)
        return ref

    # --- run -----------------------------------------------------------------------

    def run(self) -> Resolution:
        self.office_parts: dict[Ref, tuple[str, str, Ref | None, Ref | None]] = {}
        # learn fully qualified bodies first, so a bare "Presidium" finds its parent
        for ex in self.corpus.extractions:
            for m in ex.mentions:
                if m.kind == "org" and m.org_class == "GoverningBody":
                    key = self.org_key(m.text, m.org_class, ex)
                    head = key.split(":", 1)[1].split(">")[0]
                    if ">" in key:
                        self.known_bodies[head].append(key)
        events: list[ResolvedEvent] = []
        tenures: dict[tuple[Ref, Ref], ResolvedTenure] = {}
        for ex in self.corpus.extractions:
            self._document(ex)
            for m in ex.mentions:
                self.mention(m, ex)
            for alias, person in ex.aliases:  # another name (a birth name) of a person
                self._seen(self.person(person, ex), alias.text, alias.span)
            record_map: dict[int, ResolvedEvent] = {}
            for record in ex.events:
                self._event(record, ex, events, record_map)
            for record in ex.events:
                if record.part_of is not None and id(record.part_of) in record_map:
                    record_map[id(record)].part_of = record_map[id(record.part_of)]
            for t in ex.tenures:
                self._tenure(t, ex, tenures, record_map)
            for facts in ex.orgs:
                self._org_facts(facts, ex)
            for work in ex.works:
                self._work(work, ex)
        self._successions(tenures)
        self._emit_events(events)
        self._emit_tenures(tenures)
        self._emit_entities()
        self._emit_spans()
        return Resolution(self.statements, self.names, self.warnings)

    def _document(self, ex: Extraction) -> None:
        a = ex.article
        ref = Ref("document", a.doc_id)
        self.add(ref, "type", Text("Document"), a.doc_id)
        self.add(ref, "title", Text(a.title), a.doc_id)
        self.add(ref, "label", Text(f"{a.title} ({a.path.name})", "en"), a.doc_id)
        self.add(ref, "sha256", Text(a.sha256), a.doc_id)
        self.add(ref, "sourceFile", Text(a.path.name), a.doc_id)
        self.add(ref, "format", Text(a.format), a.doc_id)
        self.names[ref] = a.doc_id

    def _event(
        self,
        record: EventRecord,
        ex: Extraction,
        events: list[ResolvedEvent],
        record_map: dict[int, ResolvedEvent],
    ) -> None:
        def refs(mentions: list[Mention]) -> list[Ref]:
            return sorted({self.mention(m, ex) for m in mentions})

        ev = ResolvedEvent(
            types=list(record.types),
            date=record.date,
            agents=refs(record.agents),
            affected=refs(record.affected),
            participants=refs(record.participants),
            organization=self.mention(record.organization, ex) if record.organization else None,
            place=self.mention(record.place, ex) if record.place else None,
            office=self.office(record.office, ex, record.evidence) if record.office else None,
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
            if self._same_event(other, ev):
                self._merge_event(other, ev)
                record_map[id(record)] = other
                return
        events.append(ev)
        record_map[id(record)] = ev

    @staticmethod
    def _same_event(a: ResolvedEvent, b: ResolvedEvent) -> bool:
        if a.types[0] != b.types[0] or not _compatible(a.date, b.date):
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
        return bool(set(a.affected) & set(b.affected))

    @staticmethod
    def _merge_event(a: ResolvedEvent, b: ResolvedEvent) -> None:
        a.date = _finer(a.date, b.date)
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

    def _tenure(
        self,
        t: TenureRecord,
        ex: Extraction,
        tenures: dict[tuple[Ref, Ref], ResolvedTenure],
        record_map: dict[int, ResolvedEvent],
    ) -> None:
        holder = self.person(t.holder, ex)
        office = self.office(t.office, ex, t.evidence)
        key = (holder, office)
        rt = tenures.setdefault(key, ResolvedTenure(holder, office))
        for attr in ("start", "end"):
            new = getattr(t, attr)
            old = getattr(rt, attr)
            if new is not None and old is not None and not _compatible(new, old):
                self.warnings.append(
                    CodedWarning(
                        "W401",
                        str(ex.article.path),
                        ex.article.line_of(t.evidence.begin),
                        f"{attr} of {holder.key} as {office.key}: {old.iso} vs {new.iso};"
                        " kept the earlier source",
                    )
                )
                continue
            setattr(rt, attr, _finer(old, new))
        if t.attested is not None:
            rt.attested.add(t.attested)
        if t.predecessor is not None:
            rt.predecessor.add(self.person(t.predecessor, ex))
        if t.successor is not None:
            rt.successor.add(self.person(t.successor, ex))
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

    def _successions(self, tenures: dict[tuple[Ref, Ref], ResolvedTenure]) -> None:
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

    def _org_facts(self, facts: OrgFacts, ex: Extraction) -> None:
        doc = ex.article.doc_id
        subject = self.org(facts.subject, ex)
        for m in facts.leaders:
            leader = self.person(m, ex)
            self.add(subject, "leader", leader, doc)
            self.add(subject, "member", leader, doc)  # leader is a sub-property of member
        for m in facts.members:
            self.add(subject, "member", self.person(m, ex), doc)
        for text, _span in facts.ideology:
            self.add(subject, "ideology", Text(text, "en"), doc)
        for text, _span in facts.position:
            self.add(subject, "politicalPosition", Text(text, "en"), doc)
        for m in facts.parent:
            self.add(subject, "parentOrganization", self.org(m, ex), doc)
        for m in facts.country:
            self.add(subject, "country", self.place(m), doc)
        for body, count, _span in facts.seats:
            body_ref = self.org(body, ex)
            self.add(subject, "seatsIn", body_ref, doc)
            self.add(subject, "seatCount", count, doc)
        for text, lang, _span in facts.alt_labels:
            self.add(subject, "altLabel", Text(text, lang if lang != "und" else ""), doc)

    def _work(self, work: WorkRecord, ex: Extraction) -> None:
        doc = ex.article.doc_id
        first = work.creators[0].split(",")[0] if work.creators else ""
        key = norm(f"{first} {work.published.iso[:4] if work.published else ''} {work.title}")
        ref = Ref("work", key)
        self.names[ref] = " ".join(key.split()[:8])
        self.add(ref, "type", Text("Work"), doc)
        self.add(ref, "title", Text(work.title), doc)
        self.add(ref, "label", Text(work.title, "en"), doc)
        for c in work.creators:
            self.add(ref, "creatorName", Text(c), doc)
        if work.published is not None:
            self.add(ref, "published", work.published, doc)
        for prop in ("isbn", "issn", "jstor", "url"):
            for value in getattr(work, prop):
                self.add(ref, prop, Text(value), doc)
        if work.publisher:
            self.add(ref, "publisher", Text(work.publisher), doc)
        if work.container:
            self.add(ref, "containerTitle", Text(work.container), doc)
        self.evidence(ref, work.span)
        self.add(Ref("document", doc), "cites", ref, doc)

    # --- emitting -----------------------------------------------------------------

    def label(self, ref: Ref) -> str:
        forms = self.forms.get(ref)
        if not forms:
            if ref.key in self.key_surface:
                surface = self.key_surface[ref.key]
                return self.corpus.acronyms.get(surface, surface)
            return ref.key.split(":", 1)[-1].split(">")[0]
        if ref.kind == "person":
            return self.people.label(ref)
        candidates = (
            sorted(forms, key=lambda f: (-len(f.split()), f))
            if ref.kind != "office"
            else sorted(forms)
        )
        named = [c for c in candidates if not re.fullmatch(r"[A-Z]{2,6}", c)]
        return (named or candidates)[0]

    def office_label(self, ref: Ref) -> str:
        title, scope, org, place = self.office_parts[ref]
        if scope == "post":
            return self.label(ref)
        if org is not None:
            return f"{title} of the {self.label(org)}"
        if place is not None:
            return f"{title} of {self.lex.place_name(self.label(place))}"
        return title

    def _event_label(self, ev: ResolvedEvent) -> str:
        kind = ev.types[0]
        who = ", ".join(self.label(r) for r in ev.affected) if ev.affected else ""
        office = f" as {self.office_label(ev.office)}" if ev.office else ""
        org = f" of the {self.label(ev.organization)}" if ev.organization else ""
        when = f" ({ev.date.iso})" if ev.date else ""
        if ev.name:
            text = ev.name
        elif kind == "Vote":
            text = f"Vote in the {self.label(ev.organization)}" if ev.organization else "Vote"
        elif kind == "Decree":
            text = "Decree" + (f" of the {self.label(ev.agents[0])}" if ev.agents else "")
        elif kind == "Speech":
            text = "Speech by " + ", ".join(self.label(r) for r in ev.agents)
        elif kind == "Expulsion" and who:
            text = f"Expulsion of {who}" + (
                f" from the {self.label(ev.organization)}" if ev.organization else ""
            )
        elif kind == "CoupAttempt":
            by = ", ".join(self.label(r) for r in ev.agents)
            text = f"Attempt to depose {who}" if who else f"Coup by {by}" if by else "Coup"
        else:
            verb = {
                "Appointment": "Appointment",
                "Removal": "Removal",
                "Resignation": "Resignation",
                "Reinstatement": "Reinstatement",
                "Confirmation": "Confirmation",
                "Election": "Election",
                "Arrest": "Arrest",
                "Trial": "Trial",
                "Sentencing": "Sentencing",
                "Execution": "Execution",
                "Death": "Death",
            }.get(kind, kind)
            by = ", ".join(self.label(r) for r in ev.agents)
            if who:
                text = f"{verb} of {who}{office}"
            elif by:
                text = f"{verb} by {by}{office}"
            else:
                text = f"{verb}{org}"
        return text + when

    def _short(self, ev: ResolvedEvent) -> str:
        """A few words that tell this event from others of its kind on its date."""
        if ev.name:
            return ev.name
        collective = ev.types[0] in {"Vote", "Meeting", "Decree"}
        if collective and ev.organization is not None:
            return self.label(ev.organization)
        if ev.affected:
            return " ".join(self.label(r).split()[-1] for r in ev.affected[:4])
        if ev.organization is not None:
            return self.label(ev.organization)
        return " ".join(self.label(r) for r in ev.agents[:2])

    def _emit_events(self, events: list[ResolvedEvent]) -> None:
        for ev in events:
            label = self._event_label(ev)
            hint = re.sub(r"\s*\(\d{4}(?:-\d\d){0,2}\)$", "", label)
            ev.key = f"{ev.date.iso if ev.date else 'undated'}-{ev.types[0]}-{hint}"
        for ev in events:
            ref = Ref("event", ev.key)
            kind = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", ev.types[0])
            short = self._short(ev)
            if short.lower().startswith(kind.lower()):
                kind = ""
            self.names[ref] = f"{ev.date.iso if ev.date else 'undated'} {kind} {short}"
            for doc in ev.docs:
                for t in [*ev.types, "Event"]:
                    self.add(ref, "type", Text(t), doc)
                self.add(ref, "label", Text(self._event_label(ev), "en"), doc)
                if ev.date is not None:
                    self.add(ref, "date", ev.date, doc)
                for prop in ("agents", "affected", "voted_for", "voted_against"):
                    name = {
                        "agents": "agent",
                        "affected": "affected",
                        "voted_for": "votedFor",
                        "voted_against": "votedAgainst",
                    }[prop]
                    for r in getattr(ev, prop):
                        self.add(ref, name, r, doc)
                # participant is the super-property of the four roles: written out so
                # that queries need no reasoner
                roles = ev.participants + ev.agents + ev.affected + ev.voted_for + ev.voted_against
                for r in sorted(set(roles)):
                    self.add(ref, "participant", r, doc)
                if ev.organization is not None:
                    self.add(ref, "organization", ev.organization, doc)
                if ev.place is not None:
                    self.add(ref, "place", ev.place, doc)
                if ev.office is not None:
                    self.add(ref, "office", ev.office, doc)
                if ev.name:
                    self.add(ref, "name", Text(ev.name, "en"), doc)
                if ev.motion:
                    self.add(ref, "motion", Text(ev.motion), doc)
                if ev.outcome:
                    self.add(ref, "outcome", Text(ev.outcome), doc)
                if ev.votes_for is not None:
                    self.add(ref, "votesFor", ev.votes_for, doc)
                if ev.votes_against is not None:
                    self.add(ref, "votesAgainst", ev.votes_against, doc)
                if ev.part_of is not None:
                    self.add(ref, "partOf", Ref("event", ev.part_of.key), doc)
                for rule_doc, rule in sorted(ev.rules):
                    if rule_doc == doc:
                        self.add(ref, "extractedBy", Text(rule), doc)
            for span in ev.evidence:
                self.evidence(ref, span)

    def _emit_tenures(self, tenures: dict[tuple[Ref, Ref], ResolvedTenure]) -> None:
        for (holder, office), t in sorted(tenures.items()):
            ref = Ref("tenure", f"{holder.key}|{office.key}")
            self.names[ref] = f"{self.label(holder)} {self.office_label(office)}"
            for doc in t.docs:
                self.add(ref, "type", Text("Tenure"), doc)
                self.add(
                    ref,
                    "label",
                    Text(f"{self.label(holder)} as {self.office_label(office)}", "en"),
                    doc,
                )
                self.add(ref, "holder", holder, doc)
                self.add(ref, "office", office, doc)
                if t.start is not None:
                    self.add(ref, "startDate", t.start, doc)
                if t.end is not None:
                    self.add(ref, "endDate", t.end, doc)
                for d in sorted(t.attested):
                    if t.start is None or d.iso >= t.start.iso:
                        self.add(ref, "heldOn", d, doc)
                for ev in t.started_by:
                    self.add(ref, "startedBy", Ref("event", ev.key), doc)
                for ev in t.ended_by:
                    self.add(ref, "endedBy", Ref("event", ev.key), doc)
                for p in sorted(t.predecessor):
                    self.add(ref, "predecessor", p, doc)
                for p in sorted(t.successor):
                    self.add(ref, "successor", p, doc)
                for rule_doc, rule in sorted(t.rules):
                    if rule_doc == doc:
                        self.add(ref, "extractedBy", Text(rule), doc)
            for span in t.evidence:
                self.evidence(ref, span)

    def _emit_entities(self) -> None:
        # things only ever referred to by key (a parent body, an anaphoric "the Party")
        unnamed: dict[Ref, set[str]] = defaultdict(set)
        for st in self.statements:
            for r in (st.subject, st.value):
                if isinstance(r, Ref) and r.kind in {"org", "place"} and r not in self.forms:
                    unnamed[r].add(st.doc)
        for ref, docs_of in sorted(unnamed.items()):
            label = self.label(ref)
            self.names[ref] = label
            for doc in sorted(docs_of):
                self.add(ref, "label", Text(label, "en"), doc)
        for ref in sorted(self.forms):
            label = self.office_label(ref) if ref.kind == "office" else self.label(ref)
            self.names[ref] = label
            docs = sorted({d for ds in self.forms[ref].values() for d in ds})
            for doc in docs:
                self.add(ref, "label", Text(label, "en"), doc)
                if ref.kind == "person":
                    self.add(ref, "type", Text("Person"), doc)
            for form, form_docs in sorted(self.forms[ref].items()):
                if form != label and ref.kind != "office":
                    for doc in sorted(form_docs):
                        self.add(ref, "altLabel", Text(form, "en"), doc)
            parts = self.people.name_parts(ref) if ref.kind == "person" else None
            if parts is not None:
                for doc in docs:
                    self.add(ref, "givenName", Text(parts[0]), doc)
                    self.add(ref, "familyName", Text(parts[1]), doc)
        for (ref, _doc), span in sorted(self.first_mention.items()):
            self.evidence(ref, span)
        for ref in {s.subject for s in self.statements if s.subject.kind == "org"}:
            self.names.setdefault(ref, self.label(ref))


def resolve(corpus: CorpusExtraction) -> Resolution:
    """Merge the records of every article into statements about resolved things."""
    return Resolver(corpus).run()
