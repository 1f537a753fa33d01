"""Read an infobox by its template, with the declarative tables of ``data/infobox.toml``.

An infobox is one of three kinds, decided by its keys and name (``infobox_kind``):

* **officeholder** (a person: Template:Infobox officeholder, person, military person) –
  the subject is a person; each numbered office group (``office``/``order``,
  ``term_start``/``term_end`` or a ``term`` range, ``predecessor``/``successor``, the
  heads served under) becomes a tenure, the death fields a death or execution, the
  party a membership, the birth name another name of the subject;
* **event** (a coup, trial, purge, a military conflict …) – the infobox describes an
  event: its date, place, outcome and the people in it;
* **org** (a party, faction or body) – leaders, members, ideology, parent party,
  country, seats, and a tenure for a ``leader_title``/``leader_name`` pair.

Keys are case/space/underscore-insensitive and numbered keys (``office2``,
``term_start3`` …) are matched by their base; an unknown key is warned once per article
(``W101``), never guessed. Every record carries the id of the rule that made it
(``infobox.<kind>.<field>``).

The parts: ``tables`` (the key tables and the kind of a box), ``values`` and ``dates``
(field values), ``offices`` (office labels), one reader per kind (``officeholder``,
``event``, ``org``) and ``records`` (what a reading yields).
"""

from __future__ import annotations

from histkg.extract.infobox.dates import lifespan_death, read_dates
from histkg.extract.infobox.event import OUTCOME_SECTION, outcome_blocks, read_event_infobox
from histkg.extract.infobox.officeholder import read_officeholder_infobox
from histkg.extract.infobox.offices import ORDINAL_RE, clean_office, office_ref
from histkg.extract.infobox.org import read_infobox, read_org
from histkg.extract.infobox.records import InfoboxRecords
from histkg.extract.infobox.tables import (
    Tables,
    event_class_of,
    fold_key,
    infobox_kind,
    infobox_name,
    lookup,
    tables,
)
from histkg.extract.infobox.values import (
    clean_subject,
    looks_like_person,
    person_name,
    split_items,
)
from histkg.model import Article, Mention

__all__ = [
    "ORDINAL_RE",
    "OUTCOME_SECTION",
    "InfoboxRecords",
    "Tables",
    "box_country",
    "clean_office",
    "clean_subject",
    "event_class_of",
    "fold_key",
    "infobox_kind",
    "infobox_name",
    "infobox_person_names",
    "lifespan_death",
    "looks_like_person",
    "lookup",
    "office_ref",
    "outcome_blocks",
    "person_name",
    "read_box",
    "read_dates",
    "read_event_infobox",
    "read_infobox",
    "read_officeholder_infobox",
    "split_items",
    "tables",
]


def read_box(
    article: Article, country: Mention | None = None, main_party: str | None = None
) -> InfoboxRecords:
    """Everything an infobox yields, read by its kind (see the module docstring)."""
    kind = infobox_kind(article)
    if kind == "officeholder":
        return read_officeholder_infobox(article, country, main_party)
    out = InfoboxRecords(kind=kind)
    if kind == "event":
        name = infobox_name(article)
        assert name is not None
        out.event, out.warnings = read_event_infobox(article, event_class_of(name) or "Event")
    elif kind == "org":
        out.org, out.tenures, out.warnings = read_org(article)
        out.subject = out.org.subject if out.org else None
    return out


def box_country(article: Article) -> list[Mention]:
    """The country an organization's infobox names (for the article's default country)."""
    facts, _t, _w = read_org(article)
    return facts.country if facts is not None else []


def infobox_person_names(article: Article) -> list[str]:
    """Full names of the people an infobox names (leaders, holders, predecessors …, the
    subject's birth name)."""
    box = read_box(article)
    names = [m.text for m in box.persons()] + [alias.text for alias, _ in box.aliases]
    return list(dict.fromkeys(n for n in names if len(n.split()) > 1))  # in order, once
