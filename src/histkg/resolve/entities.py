"""Mentions -> things: persons, organizations, places and offices.

Persons go to ``PersonIndex`` (``persons.py``). Organizations are keyed by their
normalised name, acronym and demonym form ("Chinese Communist Party" = "Communist Party
of China"); a governing body by the body, party or country it belongs to, which a bare
"Presidium" takes from the fully qualified bodies of the corpus. An office is keyed by
its title and the organization or place it belongs to.
"""

from __future__ import annotations

import re
from collections import defaultdict

from histkg.extract import CorpusExtraction
from histkg.extract.mentions import body_regex
from histkg.extract.names import article_group
from histkg.lexicon import lexicon
from histkg.model import Extraction, Mention, OfficeRef, Ref, Span, Text
from histkg.resolve.ledger import Ledger
from histkg.resolve.persons import PersonIndex
from histkg.resolve.records import norm

ANAPHORA = {"party", "communist party", "the party", "the communist party"}


class Entities:
    def __init__(self, corpus: CorpusExtraction, ledger: Ledger) -> None:
        self.corpus = corpus
        self.ledger = ledger
        self.lex = lexicon()
        self.people = PersonIndex(corpus)
        #: qualified bodies by (article group, head): a bare "Senate" is the one its own
        #: article (or another version of it) names in full, never another article's
        self.known_bodies: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.office_parts: dict[Ref, tuple[str, str, Ref | None, Ref | None]] = {}

    def learn_bodies(self) -> None:
        """Learn the fully qualified bodies first, so a bare "Presidium" finds its parent."""
        for ex in self.corpus.extractions:
            for m in ex.mentions:
                if m.kind == "org" and m.org_class == "GoverningBody":
                    key = self.org_key(m.text, m.org_class, ex)
                    head = key.split(":", 1)[1].split(">")[0]
                    if ">" in key:
                        group = article_group(ex.article.title)
                        self.known_bodies[(group, head)].append(key)

    # --- persons -----------------------------------------------------------------

    def person(self, mention: Mention, ex: Extraction | None = None) -> Ref:
        if ex is None:  # no article: the name as written is the person
            ref = Ref("person", mention.text.strip())
        else:
            ref = self.people.ref(mention, ex)
        self.ledger.seen(ref, mention.text.strip(), mention.span)
        return ref

    # --- organizations and places -------------------------------------------------

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
            group = article_group(ex.article.title)
            known = sorted(k for k in self.known_bodies[(group, head)])
            if known:
                return max(known, key=len)
            if ex.main_party:
                return f"body:{head}>{self.org_key(ex.main_party, 'PoliticalParty', ex)}"
            # a bare "Senate" whose owner no text names is its own article's: the Roman
            # and the Philippine Senate are two bodies
            return f"body:{head}@{group}"
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
        self.ledger.key_surface.setdefault(key, acronym or qualifier)
        return key

    def _parent(self, key: str, doc: str) -> Ref | None:
        """Link a body to what it belongs to; returns the parent organization, if any."""
        if not key.startswith("body:") or ">" not in key:
            return None
        ledger = self.ledger
        parent_key = key.split(">", 1)[1]
        if parent_key.startswith("place:"):
            place = Ref("place", parent_key.split(":", 1)[1])
            surface = ledger.key_surface.get(parent_key, parent_key.split(":", 1)[1])
            ledger.forms[place][surface].add(doc)
            ledger.add(place, "type", Text("Place"), doc)
            ledger.add(Ref("org", key), "country", place, doc)
            return None
        parent = Ref("org", parent_key)
        cls = "GoverningBody" if parent_key.startswith("body:") else "PoliticalParty"
        ledger.add(parent, "type", Text(cls), doc)
        ledger.add(parent, "type", Text("Organization"), doc)
        ledger.add(Ref("org", key), "parentOrganization", parent, doc)
        self._parent(parent_key, doc)
        return parent

    def org(self, mention: Mention, ex: Extraction) -> Ref:
        key = self.org_key(mention.text, mention.org_class, ex)
        ref = Ref("org", key)
        surface = re.sub(r"^(?:[Tt]he)\s+", "", mention.text.strip())
        if surface.lower() not in ANAPHORA and not re.fullmatch(r"(?i)the group|group", surface):
            self.ledger.seen(ref, surface, mention.span)
        else:
            self.ledger.first_mention.setdefault((ref, mention.span.doc_id), mention.span)
        cls = {"faction": "Faction", "party": "PoliticalParty", "body": "GoverningBody"}.get(
            key.split(":")[0], "Organization"
        )
        self.ledger.add(ref, "type", Text(cls), mention.span.doc_id)
        self.ledger.add(ref, "type", Text("Organization"), mention.span.doc_id)
        self._parent(key, mention.span.doc_id)
        return ref

    def place(self, mention: Mention) -> Ref:
        text = re.sub(r"^(?:[Tt]he)\s+", "", mention.text.strip())
        ref = Ref("place", norm(text))
        self.ledger.seen(ref, text, mention.span)
        self.ledger.add(ref, "type", Text("Place"), mention.span.doc_id)
        return ref

    def mention(self, m: Mention, ex: Extraction) -> Ref:
        if m.kind == "person":
            return self.person(m, ex)
        if m.kind == "org":
            return self.org(m, ex)
        return self.place(m)

    # --- offices ------------------------------------------------------------------

    def office(self, office: OfficeRef, ex: Extraction, evidence: Span | None = None) -> Ref:
        ledger = self.ledger
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
        ledger.forms[ref][label].add(doc)
        if _office_name(office.phrase) and norm(office.phrase) != norm(label):
            # "Minister of Internal Affairs" read as Minister of the Interior: the source's name
            ledger.forms[ref][office.phrase.strip()].add(doc)
        ledger.add(ref, "type", Text("Office"), doc)
        if org is not None:
            ledger.add(ref, "organization", org, doc)
            if office.org is not None and office.org.span.end == 0:
                ledger.add(org, "type", Text("PoliticalParty"), doc)
                ledger.add(org, "type", Text("Organization"), doc)
        if place is not None:
            ledger.add(ref, "place", place, doc)
        if evidence is not None:  # first mention: the sentence that names the office
            first = ledger.first_mention.get((ref, doc))
            if first is None or evidence.begin < first.begin:
                ledger.first_mention[(ref, doc)] = evidence
        self.office_parts[ref] = (office.title, office.scope, org, place)
        return ref


def _office_name(phrase: str) -> bool:
    """Whether the words a text names an office with are a name of it ("Minister of
    Internal Affairs"), not a description ("the party's secretary for propaganda")."""
    words = phrase.split()
    return 2 <= len(words) <= 10 and all(
        w[:1].isupper() or w in {"of", "for", "the", "and", "on", "to"} for w in words
    )
