"""Readable labels: a thing's fullest form, an office with what it belongs to, an event
told by its kind, who it happened to and when."""

from __future__ import annotations

import re

from histkg.model import Ref
from histkg.resolve.entities import Entities
from histkg.resolve.records import ResolvedEvent

#: how an event of a kind is named before "of <who>" / "by <who>"
_VERBS = {
    "Appointment": "Appointment",
    "Removal": "Removal",
    "Resignation": "Resignation",
    "Reinstatement": "Reinstatement",
    "Confirmation": "Confirmation",
    "Release": "Release",
    "Election": "Election",
    "Arrest": "Arrest",
    "Trial": "Trial",
    "Sentencing": "Sentencing",
    "Execution": "Execution",
    "Death": "Death",
}


class Labels:
    def __init__(self, entities: Entities) -> None:
        self.entities = entities
        self.ledger = entities.ledger

    def label(self, ref: Ref) -> str:
        forms = self.ledger.forms.get(ref)
        if not forms:
            if ref.key in self.ledger.key_surface:
                surface = self.ledger.key_surface[ref.key]
                return self.entities.corpus.acronyms.get(surface, surface)
            return ref.key.split(":", 1)[-1].split(">")[0]
        if ref.kind == "person":
            return self.entities.people.label(ref)
        candidates = (
            sorted(forms, key=lambda f: (-len(f.split()), f))
            if ref.kind != "office"
            else sorted(forms)
        )
        named = [c for c in candidates if not re.fullmatch(r"[A-Z]{2,6}", c)]
        return (named or candidates)[0]

    def office_label(self, ref: Ref) -> str:
        title, scope, org, place = self.entities.office_parts[ref]
        if scope == "post":
            return self.label(ref)
        if org is not None:
            return f"{title} of the {self.label(org)}"
        if place is not None:
            return f"{title} of {self.entities.lex.place_name(self.label(place))}"
        return title

    def event_label(self, ev: ResolvedEvent) -> str:
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
            issuer = ev.agents[0] if ev.agents else None
            if issuer is None:
                text = "Decree"
            elif issuer.kind == "person":  # "Decree of Anna Berg", "Decree of the Presidium"
                text = f"Decree of {self.label(issuer)}"
            else:
                text = f"Decree of the {self.label(issuer)}"
        elif kind == "Speech":
            by = ", ".join(self.label(r) for r in ev.agents)
            text = f"Speech by {by}" if by else "Speech"
        elif kind == "AssassinationAttempt":
            text = f"Attempt on the life of {who}" if who else "Assassination attempt"
        elif kind == "Expulsion" and who:
            text = f"Expulsion of {who}" + (
                f" from the {self.label(ev.organization)}" if ev.organization else ""
            )
        elif kind == "CoupAttempt":
            by = ", ".join(self.label(r) for r in ev.agents)
            text = f"Attempt to depose {who}" if who else f"Coup by {by}" if by else "Coup"
        else:
            verb = _VERBS.get(kind, kind)
            by = ", ".join(self.label(r) for r in ev.agents)
            if who:
                text = f"{verb} of {who}{office}"
            elif by:
                text = f"{verb} by {by}{office}"
            else:
                text = f"{verb}{org}"
        return text + when

    def short(self, ev: ResolvedEvent) -> str:
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
