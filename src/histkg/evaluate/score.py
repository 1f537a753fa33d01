"""Scoring one graph against one gold: persons, organizations, tenures, events, the
faction, provenance and works, read through the public ``hkg:`` vocabulary only."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.term import Node

from histkg.errors import SourceError
from histkg.evaluate.gold import (
    EVENT_CLASSES,
    Gold,
    GoldEvent,
    GoldFaction,
    GoldVote,
    GoldWorks,
    load_gold,
    parse_gold,
)
from histkg.evaluate.matching import dates_agree, has_key, has_words, max_matching, norm, prf
from histkg.evaluate.results import (
    NO_RULE,
    Category,
    CategoryScore,
    FactionScore,
    GoldItem,
    NodeOutcome,
    OutputItem,
    ProvenanceScore,
    RecallScore,
    Score,
    VoteScore,
    WorksScore,
)
from histkg.vocab import HKG, HKG_IRI, SKOS

#: Output events of these classes are never excused by a neutral item.
NEVER_NEUTRAL = frozenset({"Execution", "Death", "Arrest", "Trial", "Sentencing", "Election"})
ORGANIZATION_CLASSES = ("Organization", "PoliticalParty", "Faction", "GoverningBody")
#: Roles whose distinct fillers give an event node's capacity.
ROLES = ("agent", "affected", "participant", "votedFor", "votedAgainst")
#: The rule that produced a tenure or event (a literal rule id on the node; optional).
EXTRACTED_BY = HKG.extractedBy


def _hkg(name: str) -> URIRef:
    return URIRef(HKG_IRI + name)


class _View:
    """The public hkg: vocabulary of a graph, as the scorer needs it."""

    def __init__(self, graph: Graph) -> None:
        self.g = graph
        classes: set[Node] = {_hkg(c) for c in EVENT_CLASSES}
        grown = True
        while grown:
            grown = False
            for sub, _, sup in graph.triples((None, RDFS.subClassOf, None)):
                if sup in classes and sub not in classes:
                    classes.add(sub)
                    grown = True
        self.event_classes = classes
        self._names: dict[Node, list[str]] = {}

    def names(self, node: Node) -> list[str]:
        """The node's normalised labels (labels, alt and preferred labels, given + family)."""
        if node not in self._names:
            g = self.g
            out = [
                norm(str(o))
                for p in (RDFS.label, SKOS.altLabel, SKOS.prefLabel)
                for o in g.objects(node, p)
            ]
            given = " ".join(str(o) for o in g.objects(node, _hkg("givenName")))
            family = " ".join(str(o) for o in g.objects(node, _hkg("familyName")))
            if given or family:
                out.append(norm(f"{given} {family}"))
            self._names[node] = out
        return self._names[node]

    def label(self, node: Node) -> str:
        """A label to show a reader: the first rdfs:label, else any name, else the IRI."""
        labels = sorted(str(o) for o in self.g.objects(node, RDFS.label))
        if labels:
            return labels[0]
        names = self.names(node)
        return names[0] if names else str(node)

    def of_type(self, *classes: str) -> set[Node]:
        return {s for c in classes for s in self.g.subjects(RDF.type, _hkg(c))}

    def events(self) -> set[Node]:
        return {s for c in self.event_classes for s in self.g.subjects(RDF.type, c)}

    def types(self, node: Node) -> set[str]:
        return {
            str(t)[len(HKG_IRI) :]
            for t in self.g.objects(node, RDF.type)
            if str(t).startswith(HKG_IRI)
        }

    def values(self, node: Node, *props: str) -> list[str]:
        return [str(o) for p in props for o in self.g.objects(node, _hkg(p))]

    def fillers(self, node: Node, *props: str) -> list[Node]:
        return [o for p in props for o in self.g.objects(node, _hkg(p))]

    def role_names(self, node: Node, *props: str) -> list[str]:
        return [name for o in self.fillers(node, *props) for name in self.names(o)]

    def role_labels(self, node: Node, prop: str) -> str:
        return ", ".join(sorted(self.label(o) for o in self.fillers(node, prop))) or "?"

    def rules(self, node: Node) -> tuple[str, ...]:
        return tuple(sorted(str(o) for o in self.g.objects(node, EXTRACTED_BY))) or (NO_RULE,)


def _sorted(nodes: Iterable[Node]) -> list[Node]:
    return sorted(nodes, key=str)


def _outcomes(
    category: Category, view: _View, nodes: Iterable[Node], correct: set[Node], neutral: set[Node]
) -> Iterator[NodeOutcome]:
    for n in _sorted(nodes):
        verdict: Literal["correct", "neutral", "spurious"] = (
            "correct" if n in correct else "neutral" if n in neutral else "spurious"
        )
        yield NodeOutcome(category, str(n), view.rules(n), verdict)


def _score_persons(gold: Gold, view: _View) -> CategoryScore:
    names = {n: view.names(n) for n in view.of_type("Person")}
    candidates = [
        _sorted(n for n, ns in names.items() if any(has_key(ns, k) for k in gp.keys))
        for gp in gold.persons
    ]
    matching = max_matching(candidates)
    matched = set(matching.values())
    fits_gold = {n for nodes in candidates for n in nodes}
    neutral = {
        n
        for n, ns in names.items()
        if n not in matched and any(has_key(ns, k) for k in gold.neutral_persons)
    }
    output = len(names) - len(neutral)
    p, r, f = prf(len(matching), len(gold.persons), len(matched), output)
    missing = tuple(GoldItem("", gp.name) for i, gp in enumerate(gold.persons) if i not in matching)

    def items(nodes: Iterable[Node]) -> tuple[OutputItem, ...]:
        return tuple(OutputItem(str(n), view.label(n)) for n in _sorted(nodes))

    return CategoryScore(
        category="persons",
        precision=p,
        recall=r,
        f1=f,
        gold=len(gold.persons),
        found=len(matching),
        output=output,
        correct=len(matched),
        neutral=len(neutral),
        missing=missing,
        spurious=items(n for n in names if n not in fits_gold and n not in neutral),
        duplicates=items(fits_gold - matched - neutral),
    )


def _score_tenures(gold: Gold, view: _View) -> tuple[CategoryScore, list[NodeOutcome]]:
    tenures = view.of_type("Tenure")
    info = {t: (view.role_names(t, "holder"), view.role_names(t, "office")) for t in tenures}

    def fits(holder: str, office: tuple[tuple[str, ...], ...] | None, t: Node) -> bool:
        holders, offices = info[t]
        return has_key(holders, holder) and (
            office is None or any(has_words(offices, alt) for alt in office)
        )

    candidates = [
        _sorted(t for t in tenures if fits(gt.holder, gt.office, t)) for gt in gold.tenures
    ]
    matching = max_matching(candidates)
    correct = {t for nodes in candidates for t in nodes}
    neutral = {
        t
        for t in tenures
        if t not in correct and any(fits(nt.holder, nt.office, t) for nt in gold.neutral_tenures)
    }
    dates_ok = dates_checked = 0
    missing = []
    for i, gt in enumerate(gold.tenures):
        if i not in matching:
            missing.append(GoldItem(gt.id, f"{gt.holder}: {' '.join(gt.office[0])}"))
            continue
        for wanted, prop in ((gt.start, "startDate"), (gt.end, "endDate")):
            if wanted is not None:
                dates_checked += 1
                dates_ok += dates_agree(wanted, view.values(matching[i], prop))
    output = len(tenures) - len(neutral)
    p, r, f = prf(len(matching), len(gold.tenures), len(correct), output)
    spurious = tuple(
        OutputItem(
            str(t),
            f"{view.role_labels(t, 'holder')} / {view.role_labels(t, 'office')}",
            view.rules(t),
        )
        for t in _sorted(tenures - correct - neutral)
    )
    score = CategoryScore(
        category="tenures",
        precision=p,
        recall=r,
        f1=f,
        gold=len(gold.tenures),
        found=len(matching),
        output=output,
        correct=len(correct),
        neutral=len(neutral),
        missing=tuple(missing),
        spurious=spurious,
        dates=(dates_ok, dates_checked),
    )
    return score, list(_outcomes("tenures", view, tenures, correct, neutral))


@dataclass(frozen=True)
class _EventInfo:
    types: set[str]
    dates: list[str]
    agent: list[str]
    affected: list[str]
    everyone: list[str]
    names: list[str]


def _fits_event(ge: GoldEvent, e: _EventInfo) -> bool:
    wanted = set(ge.types) - {"Event"} or {"Event"}  # generic only when no specific class
    if not wanted & e.types:
        return False
    if ge.date is not None and not dates_agree(ge.date, e.dates):
        return False
    if not all(has_key(e.agent, k) for k in ge.agent):
        return False
    if not all(has_key(e.affected, k) for k in ge.affected):
        return False
    if ge.agent_any is not None and not any(
        all(has_key(e.agent, k) for k in alt) for alt in ge.agent_any
    ):
        return False
    if ge.affected_any is not None and not any(
        all(has_key(e.affected, k) for k in alt) for alt in ge.affected_any
    ):
        return False
    return all(has_key(e.everyone, k) for k in ge.participants)


def _vote_score(ge: GoldEvent, vote: GoldVote, node: Node, view: _View) -> VoteScore:
    voted_for = view.role_names(node, "votedFor")
    against = view.role_names(node, "votedAgainst")
    counts_for = {int(v) for v in view.values(node, "votesFor") if v.isdigit()}
    counts_against = {int(v) for v in view.values(node, "votesAgainst") if v.isdigit()}

    def share(names: list[str], keys: tuple[str, ...]) -> float:
        return sum(has_key(names, k) for k in keys) / len(keys) if keys else 1.0

    return VoteScore(
        event=ge.id,
        voted_for=share(voted_for, vote.voted_for),
        voted_against=share(against, vote.voted_against),
        counts=float(vote.votes_for in counts_for and vote.votes_against in counts_against),
        organization=float(
            any(has_key(view.role_names(node, "organization"), k) for k in vote.organization)
        ),
    )


def _score_events(
    gold: Gold, view: _View
) -> tuple[CategoryScore, tuple[VoteScore, ...], list[NodeOutcome]]:
    events = view.events()
    info = {
        e: _EventInfo(
            types=view.types(e),
            dates=view.values(e, "date", "startDate"),
            agent=view.role_names(e, "agent"),
            affected=view.role_names(e, "affected"),
            everyone=view.role_names(e, *ROLES),
            names=view.names(e),
        )
        for e in events
    }
    candidates = [_sorted(e for e in events if _fits_event(ge, info[e])) for ge in gold.events]
    capacity = {e: max(1, len(set(view.fillers(e, *ROLES)))) for e in events}
    matching = max_matching(candidates, capacity)
    correct = {e for nodes in candidates for e in nodes}
    neutral = set()
    for e in events - correct:
        if info[e].types & NEVER_NEUTRAL:
            continue
        days = {d[:10] for d in info[e].dates}
        if any(
            (ne.date is not None and ne.date in days)
            or (ne.label is not None and has_words(info[e].names, ne.label))
            for ne in gold.neutral_events
        ):
            neutral.add(e)
    exact = 0
    votes = []
    missing = []
    for j, ge in enumerate(gold.events):
        if j not in matching:
            missing.append(GoldItem(ge.id, ge.what))
            continue
        node = matching[j]
        if ge.date is not None and ge.date in {d[:10] for d in info[node].dates}:
            exact += 1
        if ge.vote is not None:
            votes.append(_vote_score(ge, ge.vote, node, view))
    output = len(events) - len(neutral)
    p, r, f = prf(len(matching), len(gold.events), len(correct), output)

    def describe(e: Node) -> str:
        kinds = ", ".join(sorted(info[e].types - {"Event"}) or ["Event"])
        when = " ".join(sorted(info[e].dates)) or "undated"
        return f"{kinds} {when}: {view.label(e)}"

    spurious = tuple(
        OutputItem(str(e), describe(e), view.rules(e)) for e in _sorted(events - correct - neutral)
    )
    score = CategoryScore(
        category="events",
        precision=p,
        recall=r,
        f1=f,
        gold=len(gold.events),
        found=len(matching),
        output=output,
        correct=len(correct),
        neutral=len(neutral),
        missing=tuple(missing),
        spurious=spurious,
        dates=(exact, len(matching)),
    )
    return score, tuple(votes), list(_outcomes("events", view, events, correct, neutral))


def _score_organizations(gold: Gold, view: _View) -> tuple[RecallScore, dict[Node, list[str]]]:
    names = {n: view.names(n) for n in view.of_type(*ORGANIZATION_CLASSES)}
    missing = tuple(
        GoldItem("", go.name)
        for go in gold.organizations
        if not any(has_key(ns, k) for ns in names.values() for k in go.keys)
    )
    found = len(gold.organizations) - len(missing)
    recall = found / len(gold.organizations) if gold.organizations else 1.0
    return RecallScore(recall, len(gold.organizations), found, len(names), missing), names


def _score_faction(fx: GoldFaction, view: _View, orgs: dict[Node, list[str]]) -> FactionScore:
    faction = _hkg("Faction")
    nodes = [n for n, ns in orgs.items() if any(has_key(ns, k) for k in fx.keys)]
    nodes.sort(key=lambda n: ((n, RDF.type, faction) not in view.g, str(n)))  # typed first
    if not nodes:
        wanted = [
            ("leaders", fx.leaders),
            ("members", fx.members),
            ("ideology", fx.ideology),
            ("ideology_clean", fx.ideology_forbidden),
            ("politicalPosition", fx.political_position),
            ("parentOrganization", fx.parent_organization),
            ("country", fx.country),
            ("seatsIn", fx.seats_in),
            ("seatCount", fx.seat_count),
            ("native_label", fx.native_label_lang),
        ]
        checks = {name: 0.0 for name, value in wanted if value is not None}
        checks["typed_Faction"] = 0.0
        return FactionScore(0.0, checks)
    node = nodes[0]

    def share(names: list[str], keys: tuple[str, ...]) -> float:
        return sum(has_key(names, k) for k in keys) / len(keys) if keys else 1.0

    leaders = view.role_names(node, "leader")
    ideology = [norm(v) for v in view.values(node, "ideology")]
    checks = {}
    if fx.leaders is not None:
        checks["leaders"] = share(leaders, fx.leaders)
    if fx.members is not None:
        checks["members"] = share(view.role_names(node, "member") + leaders, fx.members)
    if fx.ideology is not None:
        found = sum(norm(i) in ideology for i in fx.ideology)  # whole values, not keys
        checks["ideology"] = found / len(fx.ideology) if fx.ideology else 1.0
    if fx.ideology_forbidden is not None:
        bad = any(norm(x) in i for i in ideology for x in fx.ideology_forbidden)
        checks["ideology_clean"] = float(not bad)
    if fx.political_position is not None:
        positions = [norm(v) for v in view.values(node, "politicalPosition")]
        checks["politicalPosition"] = float(norm(fx.political_position) in positions)
    for keys, prop in (
        (fx.parent_organization, "parentOrganization"),
        (fx.country, "country"),
        (fx.seats_in, "seatsIn"),
    ):
        if keys is not None:
            checks[prop] = float(any(has_key(view.role_names(node, prop), k) for k in keys))
    if fx.seat_count is not None:
        checks["seatCount"] = float(fx.seat_count in view.values(node, "seatCount"))
    if fx.native_label_lang is not None:
        langs = {
            o.language
            for p in (RDFS.label, SKOS.altLabel)
            for o in view.g.objects(node, p)
            if isinstance(o, RdfLiteral)
        }
        checks["native_label"] = float(fx.native_label_lang in langs)
    checks["typed_Faction"] = float((node, RDF.type, faction) in view.g)
    return FactionScore(sum(checks.values()) / len(checks), checks)


def read_texts(texts: Path) -> dict[str, str]:
    """The article files in a folder, by the sha256 of their bytes (as documents record it)."""
    if not texts.is_dir():
        raise SourceError(texts, "no such folder of article texts; give the folder built from")
    out = {}
    for path in sorted(texts.iterdir()):
        if path.is_file():
            data = path.read_bytes()
            out[hashlib.sha256(data).hexdigest()] = data.decode("utf-8", errors="replace")
    return out


def _score_provenance(
    view: _View, nodes: Sequence[Node], texts: dict[str, str] | None
) -> ProvenanceScore:
    g = view.g
    with_evidence = checked = verified = 0
    for node in nodes:
        spans = list(g.objects(node, _hkg("evidence")))
        with_evidence += bool(spans)
        for span in spans:
            doc = next(iter(view.fillers(span, "document")), None)
            sha = next(iter(view.values(doc, "sha256")), "") if doc is not None else ""
            begin, end = view.values(span, "begin"), view.values(span, "end")
            quote = view.values(span, "quote")
            if texts and sha in texts and begin and end and quote:
                checked += 1
                verified += texts[sha][int(begin[0]) : int(end[0])] == quote[0]
    found = with_evidence / len(nodes) if nodes else 0.0
    quotes = verified / checked if checked else (0.0 if texts else 1.0)
    return ProvenanceScore(len(nodes), with_evidence, checked, verified, found * quotes)


def _score_works(gw: GoldWorks, view: _View) -> WorksScore:
    works = view.of_type("Work")

    def ids(prop: str) -> set[str]:
        return {re.sub(r"[^0-9xX]", "", v).upper() for w in works for v in view.values(w, prop)}

    def clean(value: str) -> str:
        return re.sub(r"[^0-9xX]", "", value).upper()

    isbn, issn, jstor = ids("isbn"), ids("issn"), ids("jstor")
    hits = (
        sum(clean(x) in isbn for x in gw.isbn)
        + sum(clean(x) in issn for x in gw.issn)
        + sum(clean(x) in jstor for x in gw.jstor)
    )
    wanted = len(gw.isbn) + len(gw.issn) + len(gw.jstor)
    found = min(1.0, len(works) / gw.count) if gw.count else 1.0
    score = 0.5 * found + 0.5 * (hits / wanted if wanted else 1.0)
    return WorksScore(len(works), gw.count, (hits, wanted), score)


def load_output(path: Path) -> Dataset:
    """The graph of a histkg output folder (its graph.trig, else graph.nq) or of an RDF file.

    Raises:
        SourceError: nothing to read, or the file cannot be parsed.
    """
    from histkg.query import load_graph

    if path.is_dir():
        found = [path / name for name in ("graph.trig", "graph.nq") if (path / name).is_file()]
        if not found:
            raise SourceError(path, "no graph.trig or graph.nq here; run 'histkg build --out DIR'")
        path = found[0]
    elif not path.is_file():
        raise SourceError(path, "no such graph file or build folder; run 'histkg build' first")
    return load_graph(path)


def merged(graph: Graph | Dataset) -> Graph:
    """A plain graph of every triple, from every named graph of a dataset."""
    if not isinstance(graph, Dataset):
        return graph
    out = Graph()
    for s, p, o, _g in graph.quads((None, None, None, None)):
        out.add((s, p, o))
    return out


def evaluate(
    gold: Gold | Mapping[str, Any] | Path,
    graph: Graph | Dataset,
    texts: Path | dict[str, str] | None = None,
) -> Score:
    """Score ``graph`` against ``gold`` (a :class:`Gold`, the parsed JSON, or a file path).

    ``texts`` is the folder of article files the graph was built from (or sha256 -> text);
    with it, each evidence quote is checked against the text at its offsets.

    Raises:
        SourceError: the gold file or the texts folder cannot be read.
        GoldFormatError: a gold mapping does not follow the format.
    """
    if isinstance(gold, Path):
        gold = load_gold(gold)
    elif not isinstance(gold, Gold):
        gold = parse_gold(gold)
    if isinstance(texts, Path):
        texts = read_texts(texts)
    view = _View(merged(graph))
    persons = _score_persons(gold, view)
    tenures, tenure_outcomes = _score_tenures(gold, view)
    events, votes, event_outcomes = _score_events(gold, view)
    organizations, orgs = _score_organizations(gold, view)
    categories = (persons, tenures, events)
    p, r, f = prf(
        sum(c.found for c in categories),
        sum(c.gold for c in categories),
        sum(c.correct for c in categories),
        sum(c.output for c in categories),
    )
    scored = [c.f1 for c in categories if c.gold]
    need = _sorted(view.of_type("Tenure")) + _sorted(view.events())
    return Score(
        gold=gold.name,
        persons=persons,
        tenures=tenures,
        events=events,
        organizations=organizations,
        precision=p,
        recall=r,
        f1=f,
        macro_f1=sum(scored) / len(scored) if scored else 0.0,
        provenance=_score_provenance(view, need, texts),
        faction=_score_faction(gold.faction, view, orgs) if gold.faction else None,
        votes=votes,
        works=_score_works(gold.works, view) if gold.works else None,
        outcomes=tuple(tenure_outcomes + event_outcomes),
    )
