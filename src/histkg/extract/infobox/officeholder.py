"""The infobox of a person (Template:Infobox officeholder, person, military person).

Each numbered office group (``office``/``order``, ``term_start``/``term_end`` or a
``term`` range, ``predecessor``/``successor``, the heads served under) becomes a tenure,
the death fields a death or execution, the party a membership, the birth name another
name of the subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from histkg.extract.infobox.dates import lifespan_death, read_dates
from histkg.extract.infobox.offices import ORDINAL_RE, clean_office, office_ref
from histkg.extract.infobox.records import InfoboxRecords, Warner
from histkg.extract.infobox.tables import fold_key, infobox_name, lookup, tables
from histkg.extract.infobox.values import clean_subject, person_name, split_items, sub_span
from histkg.extract.mentions import org_class
from histkg.lexicon import lexicon
from histkg.model import (
    Article,
    Date,
    EventRecord,
    InfoboxField,
    Mention,
    OrgFacts,
    Span,
    TenureRecord,
)


@dataclass
class _Group:
    """The fields of one numbered office group."""

    fields: dict[str, list[InfoboxField]] = field(default_factory=dict)
    served_under: list[tuple[InfoboxField, dict[str, str]]] = field(default_factory=list)

    def first(self, kind: str) -> InfoboxField | None:
        found = self.fields.get(kind)
        return found[0] if found else None


class _OfficeholderReader:
    def __init__(self, article: Article, country: Mention | None, main_party: str | None) -> None:
        self.article = article
        self.doc = article.doc_id
        self.country = country
        self.main_party = main_party
        self.t = tables()
        self.warn = Warner(article)
        self.out = InfoboxRecords(kind="officeholder")

    def span(self, f: InfoboxField) -> Span:
        return Span(self.doc, f.begin, f.end)

    def read(self) -> InfoboxRecords:
        a = self.article
        name = infobox_name(a) or a.title
        subject_name = clean_subject(name)
        at = a.text.find(name, max(0, a.infobox[0].begin - 300) if a.infobox else 0)
        at = max(at, 0)
        sub_at = a.text.find(subject_name, at)
        span = (
            Span(self.doc, sub_at, sub_at + len(subject_name))
            if sub_at >= 0
            else Span(self.doc, at, at + len(name))
        )
        self.subject = Mention("person", subject_name, span)
        self.out.subject = self.subject
        self.out.mentions.append(self.subject)
        groups: dict[int, _Group] = {}
        death: dict[str, InfoboxField] = {}
        for f in a.infobox:
            rule, n, base = lookup(self.t.officeholder, f.key)
            if rule is None:
                self.warn.unknown(f, base)
                continue
            kind = rule["kind"]
            if kind in {"office", "term_start", "term_end", "term", "predecessor", "successor"}:
                groups.setdefault(n, _Group()).fields.setdefault(kind, []).append(f)
            elif kind == "served_under":
                groups.setdefault(n, _Group()).served_under.append((f, rule))
            elif kind == "person":
                self._persons(f)
            elif kind == "birth_name":
                alias = person_name(f.value)
                if alias and alias != subject_name:
                    self.out.aliases.append(
                        (
                            Mention("person", alias, sub_span(f.value, alias, self.span(f))),
                            self.subject,
                        )
                    )
                elif alias is None:
                    self.warn("W102", f, f"'{f.key}: {f.value}' is not read as a name")
            elif kind in {"death_date", "death_place", "death_cause"}:
                death.setdefault(kind, f)
            elif kind == "party":
                self._party(f)
        for n, group in sorted(groups.items()):
            self._group(n, group)
        if death:
            self._death(death)
        self.out.warnings = self.warn.warnings
        return self.out

    # --- fields ---

    def _persons(self, f: InfoboxField) -> list[Mention]:
        found = []
        for item, b, e in split_items(f.value, f.begin):
            name = person_name(item)
            if name is None:
                if not re.fullmatch(r"[\d\s]+(?:children|sons|daughters)?", item):
                    self.warn("W102", f, f"'{item}' in '{f.key}' is not read as a person")
                continue
            m = Mention("person", name, sub_span(item, name, Span(self.doc, b, e)))
            found.append(m)
            self.out.mentions.append(m)
        return found

    def _party(self, f: InfoboxField) -> None:
        for item, b, e in split_items(f.value, f.begin):
            name = re.sub(r"\s*\([^)]*\)", "", item).strip()
            if (
                not name
                or not name[:1].isupper()
                or any(p.search(name) for p in self.t.no_holder)
                or any(p.match(name) for p in lexicon().infobox_junk)
            ):
                self.warn("W102", f, f"'{item}' in '{f.key}' is not read as a party")
                continue
            span = sub_span(item, name, Span(self.doc, b, e))
            cls = org_class(name)
            party = Mention("org", name, span, cls if cls != "Organization" else "PoliticalParty")
            self.out.orgs.append(OrgFacts(party, members=[self.subject]))

    def _dates(self, f: InfoboxField | None) -> list[Date]:
        if f is None:
            return []
        dates, bad = read_dates(f.value)
        if bad:
            self.warn("W202", f, f"'{f.key}: {f.value}' holds an impossible date; left out")
        elif not dates and f.value.strip() and not re.search(r"(?i)present|incumbent", f.value):
            self.warn("W202", f, f"'{f.key}: {f.value}' is not understood as a date")
        return dates

    def _group(self, n: int, g: _Group) -> None:
        # "office" names the office; "order" too, unless it is only the holder's number
        lines = [f for f in g.fields.get("office", []) if not ORDINAL_RE.fullmatch(f.value)]
        lines.sort(key=lambda f: fold_key(f.key).startswith("order"))
        office_field = lines[0] if lines else None
        start_f, end_f, term_f = g.first("term_start"), g.first("term_end"), g.first("term")
        start = next(iter(self._dates(start_f)), None)
        end = next(iter(self._dates(end_f)), None)
        if term_f is not None:
            span_dates = self._dates(term_f)
            start = start or (span_dates[0] if span_dates else None)
            if len(span_dates) > 1:
                end = end or span_dates[1]
        used = [f for fs in g.fields.values() for f in fs]
        label = clean_office(office_field.value) if office_field is not None else ""
        if not label:
            said = [g.first(k) for k in ("term_start", "term_end", "term", "predecessor")]
            said += [g.first("successor")]
            where = next((f for f in said if f is not None), None)
            if where is not None:
                number = f" {n}" if n else ""
                self.warn("W102", where, f"term{number} has no office line; no tenure made")
            for role in ("predecessor", "successor"):
                for f in g.fields.get(role, []):
                    self._holders(f, role)
            for f, _rule in g.served_under:
                self._persons(f)
            return
        assert office_field is not None
        label_at = office_field.value.find(label)
        label_span = (
            Span(
                self.doc, office_field.begin + label_at, office_field.begin + label_at + len(label)
            )
            if label_at >= 0
            else self.span(office_field)
        )
        office = office_ref(label, label_span, self.country, self.main_party)
        evidence = Span(self.doc, min(f.begin for f in used), max(f.end for f in used))
        tenure = TenureRecord(
            self.subject, office, evidence, start=start, end=end, rule="infobox.officeholder.office"
        )
        self.out.tenures.append(tenure)
        for pf in g.fields.get("predecessor", []):
            tenure.predecessor = tenure.predecessor or self._holders(pf, "predecessor")
        for sf in g.fields.get("successor", []):
            tenure.successor = tenure.successor or self._holders(sf, "successor")
        for f, rule in g.served_under:
            for person in self._persons(f):
                title = rule.get("office")
                if not title:
                    continue
                ref = office_ref(title, Span(self.doc, 0, 0), self.country, self.main_party)
                if office.place is not None and office.scope == "state":
                    ref.place = office.place
                self.out.tenures.append(
                    TenureRecord(
                        person,
                        ref,
                        Span(self.doc, f.begin, f.end),
                        rule="infobox.officeholder.served_under",
                    )
                )

    def _holders(self, f: InfoboxField, role: str) -> Mention | None:
        """People in a predecessor/successor field; the first is the tenure's neighbour
        unless the field says the post was new or abolished. "X (as O)" and "(X as O)"
        also give X's tenure of O."""
        items = split_items(f.value, f.begin)
        no_holder = any(p.search(i) for i, _b, _e in items for p in self.t.no_holder)
        first: Mention | None = None
        for item, b, e in items:
            inner, ib = item, b
            wrapped = re.fullmatch(r"\((.*)\)", item)
            if wrapped:
                inner, ib = (
                    wrapped.group(1).strip(),
                    b + 1 + (len(wrapped.group(1)) - len(wrapped.group(1).lstrip())),
                )
            if any(p.search(inner) for p in self.t.no_holder):
                self.warn("W102", f, f"'{inner}' in '{f.key}' is not a person; no holder recorded")
                continue
            m = re.fullmatch(
                r"(?P<name>.+?)\s*\(\s*as\s+(?P<office>[^)]+)\)", inner
            ) or re.fullmatch(r"(?P<name>.+?)\s+as\s+(?P<office>.+)", inner)
            who_text = m.group("name") if m else inner
            person: Mention | None
            if who_text.strip() in self.t.self_words:
                person = self.subject
            else:
                name = person_name(who_text)
                if name is None:
                    self.warn("W102", f, f"'{inner}' in '{f.key}' is not read as a person")
                    continue
                person = Mention(
                    "person", name, sub_span(inner, name, Span(self.doc, ib, ib + len(inner)))
                )
                self.out.mentions.append(person)
                if first is None:
                    first = person
            if m:
                label = clean_office(m.group("office"))
                at = ib + inner.find(m.group("office"))
                ref = office_ref(
                    label, Span(self.doc, at, at + len(label)), self.country, self.main_party
                )
                self.out.tenures.append(
                    TenureRecord(
                        person,
                        ref,
                        Span(self.doc, b, e),
                        rule=f"infobox.officeholder.{role}_office",
                    )
                )
        return None if no_holder else first

    def _death(self, death: dict[str, InfoboxField]) -> None:
        date_f = death.get("death_date")
        dates = self._dates(date_f)
        cause_f = death.get("death_cause")
        cls = "Death"
        if cause_f is not None:
            cause = cause_f.value.lower()
            for event_class, words in self.t.death_causes.items():
                if any(re.search(rf"\b{re.escape(w)}\b", cause) for w in words):
                    cls = event_class
        used = list(death.values())
        evidence = Span(self.doc, min(f.begin for f in used), max(f.end for f in used))
        rule = f"infobox.officeholder.{cls.lower()}"
        extra = []
        if not dates and date_f is None:  # a date template dropped from the box: the lead's
            lifespan = lifespan_death(self.article)
            if lifespan is not None:
                dates = [lifespan[0]]
                extra.append(lifespan[1])
                rule += "+lead_lifespan"
        event = EventRecord(
            [cls],
            evidence,
            "infobox",
            date=dates[0] if dates else None,
            affected=[self.subject],
            rule=rule,
            at=evidence.begin,
            extra_evidence=extra,
        )
        place_f = death.get("death_place")
        if place_f is not None:
            items = split_items(place_f.value, place_f.begin)
            if items:
                item, b, e = items[0]
                event.place = Mention("place", item, Span(self.doc, b, e))
        self.out.events.append(event)


def read_officeholder_infobox(
    article: Article, country: Mention | None = None, main_party: str | None = None
) -> InfoboxRecords:
    """Tenures, death, memberships and the people of a person's infobox."""
    return _OfficeholderReader(article, country, main_party).read()
