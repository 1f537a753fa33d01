"""A judged sample of the events and tenures histkg states on general text (issue 8, item 10).

The 62 articles of WikiText-2's raw test split (cut the way ``bench/person_links.py`` cuts
them: one file per `` = Title = `` line, the WikiText tokenization `` @-@ ``, `` , `` kept)
are built together in one ``histkg.pipeline.build``. Every ``hkg:Tenure`` and every
instance of ``hkg:Event`` in the merged graph is listed with its class(es), label, date,
holder and office or roles, the rule that made it (``hkg:extractedBy``) and its evidence
(``hkg:evidence`` -> ``hkg:quote``). A deterministic sample of up to 60 events and 40
tenures (those whose key, below, hashes lowest: a seeded draw that stays put when other
facts come or go) is written as one markdown table per category, for a person to judge
each fact against its evidence sentence only:

    .venv/bin/python bench/wikitext_sample.py                  # -> docs/wikitext-sample.md

The verdict column starts empty. A verdict (``ok`` / ``wrong``) and its reason already
written in the output file are kept for the same fact, keyed by class + label + evidence
quote, so a re-run after a change of the extraction only asks for the new facts.
``--json`` also writes every fact (not only the sample) with its full evidence.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from person_links import CORPUS, split_corpus
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from histkg.pipeline import build
from histkg.vocab import HKG, HKG_IRI

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "wikitext-sample.md"
EVENTS, TENURES = 60, 40
QUOTE_CHARS = 200
SEED = 0
MAX_QUOTES = 3  # evidence sentences shown per fact (all count for its key)
KEY_RE = re.compile(r"<!-- k:([0-9a-f]{12}) -->")
#: Role properties shown in the fact column, in this order.
ROLES = (
    "holder",
    "office",
    "agent",
    "affected",
    "participant",
    "organization",
    "place",
    "predecessor",
    "successor",
    "votedFor",
    "votedAgainst",
    "outcome",
)
DATES = ("date", "startDate", "endDate", "heldOn")


@dataclass
class Fact:
    """One tenure or event of the merged graph, as a reader sees it."""

    iri: str
    category: str  # "event" or "tenure"
    classes: list[str]
    label: str
    dates: dict[str, str]
    roles: dict[str, list[str]]
    rules: list[str]
    quotes: list[str]
    documents: list[str]

    @property
    def key(self) -> str:
        text = "\x1f".join([",".join(self.classes), self.label, *self.quotes])
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _label(graph: Graph, node: URIRef | Literal) -> str:
    if isinstance(node, Literal):
        return str(node)
    label = graph.value(node, RDFS.label)
    return str(label) if label is not None else str(node).rsplit("/", 1)[-1]


def _local(iri: URIRef) -> str:
    return str(iri).removeprefix(HKG_IRI)


def facts(graph: Graph) -> list[Fact]:
    """Every tenure and event of the graph, sorted by IRI."""
    found = []
    for category, cls in (("event", HKG.Event), ("tenure", HKG.Tenure)):
        for node in sorted(set(graph.subjects(RDF.type, cls))):
            assert isinstance(node, URIRef)
            types = {_local(t) for t in graph.objects(node, RDF.type) if str(t).startswith(HKG_IRI)}
            classes = sorted(types - {"Event"}) or sorted(types)
            dates = {d: str(v) for d in DATES for v in graph.objects(node, HKG[d])}
            roles = {}
            for role in ROLES:
                values = sorted(_label(graph, v) for v in graph.objects(node, HKG[role]))  # type: ignore[arg-type]
                if values:
                    roles[role] = values
            quotes, documents = set(), set()
            for span in graph.objects(node, HKG.evidence):
                quote = graph.value(span, HKG.quote)
                if quote is not None:
                    quotes.add(" ".join(str(quote).split()))
                doc = graph.value(span, HKG.document)
                if doc is not None:
                    title = graph.value(doc, HKG.sourceFile) or graph.value(doc, HKG.title)
                    documents.add(str(title) if title is not None else _label(graph, doc))
            found.append(
                Fact(
                    iri=str(node),
                    category=category,
                    classes=classes,
                    label=str(graph.value(node, RDFS.label) or ""),
                    dates=dates,
                    roles=roles,
                    rules=sorted(str(r) for r in graph.objects(node, HKG.extractedBy)),
                    quotes=sorted(quotes),
                    documents=sorted(documents),
                )
            )
    return found


def sample(items: list[Fact], size: int) -> list[Fact]:
    """Up to ``size`` items, in IRI order: those whose keys hash lowest.

    A hash of the fact key is as good as a seeded random draw, and stable: a change of the
    extraction that adds or drops some facts leaves every other fact in or out of the sample
    as it was, so the verdicts already written stay in use.
    """
    ranked = sorted(
        items, key=lambda f: (hashlib.sha256(f"{SEED}:{f.key}".encode()).digest(), f.iri)
    )
    return sorted(ranked[:size], key=lambda f: f.iri)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def shorten(quote: str, words: list[str], limit: int = QUOTE_CHARS) -> str:
    """The quote cut to about ``limit`` characters, around the first of ``words`` it holds."""
    if len(quote) <= limit:
        return quote
    at = min((i for w in words if w and (i := quote.find(w)) >= 0), default=0)
    start = max(0, min(at - limit // 3, len(quote) - limit))
    end = start + limit
    return ("…" if start else "") + quote[start:end].strip() + ("…" if end < len(quote) else "")


def describe(fact: Fact) -> str:
    parts = [f"**{'/'.join(fact.classes)}** {fact.label}"]
    for role, values in fact.roles.items():
        parts.append(f"{role}: {'; '.join(values)}")
    for name, value in fact.dates.items():
        parts.append(f"{name}: {value}")
    if fact.documents:
        parts.append(f"in: {', '.join(fact.documents)}")
    return "<br>".join(_cell(p) for p in parts)


def _who(fact: Fact) -> list[str]:
    words = []
    for role in ("holder", "agent", "affected", "participant"):
        for name in fact.roles.get(role, []):
            words.extend([name, name.split()[-1]])
    return words


def read_verdicts(path: Path) -> dict[str, tuple[str, str]]:
    """Verdict and reason of every judged row of an earlier output, by fact key."""
    verdicts: dict[str, tuple[str, str]] = {}
    if not path.is_file():
        return verdicts
    for line in path.read_text(encoding="utf-8").splitlines():
        m = KEY_RE.search(line)
        if m is None or not line.startswith("|"):
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if len(cells) >= 6 and cells[-2]:
            verdicts[m.group(1)] = (cells[-2], cells[-1].replace("\\|", "|"))
    return verdicts


def table(rows: list[Fact], verdicts: dict[str, tuple[str, str]]) -> list[str]:
    lines = [
        "| # | fact (class, who, office/role, date) | rule | evidence sentence | verdict | why |",
        "|---|---|---|---|---|---|",
    ]
    for n, fact in enumerate(rows, 1):
        verdict, why = verdicts.get(fact.key, ("", ""))
        quote = " ⏎ ".join(shorten(q, _who(fact)) for q in fact.quotes[:MAX_QUOTES])
        if len(fact.quotes) > MAX_QUOTES:
            quote += f" ⏎ (and {len(fact.quotes) - MAX_QUOTES} more sentences)"
        lines.append(
            f"| {n} <!-- k:{fact.key} --> | {describe(fact)} | {_cell(', '.join(fact.rules))} "
            f"| {_cell(quote or '(no evidence)')} | {_cell(verdict)} | {_cell(why)} |"
        )
    return lines


def tally(rows: list[Fact], verdicts: dict[str, tuple[str, str]]) -> tuple[int, int, int]:
    """(judged, ok, wrong) of the rows."""
    seen = [verdicts[f.key][0].lower() for f in rows if f.key in verdicts]
    ok = sum(v == "ok" for v in seen)
    wrong = sum(v == "wrong" for v in seen)
    return ok + wrong, ok, wrong


def rule_tally(
    rows: list[Fact], verdicts: dict[str, tuple[str, str]]
) -> list[tuple[str, tuple[int, int]]]:
    """(rule, (wrong, judged)) over the judged rows, most wrong first."""
    judged: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for fact in rows:
        if fact.key not in verdicts or verdicts[fact.key][0].lower() not in ("ok", "wrong"):
            continue
        for rule in fact.rules or ["(none)"]:
            judged[rule] += 1
            wrong[rule] += verdicts[fact.key][0].lower() == "wrong"
    return sorted(
        ((r, (wrong[r], judged[r])) for r in judged), key=lambda x: (-x[1][0], -x[1][1], x[0])
    )


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="wiki.test.raw")
    parser.add_argument("--out", type=Path, default=OUT, help="markdown file (read and written)")
    parser.add_argument(
        "--verdicts",
        type=Path,
        action="append",
        default=[],
        help="also take verdicts from this earlier output (repeatable)",
    )
    parser.add_argument("--json", type=Path, help="also write every fact here as JSON")
    parser.add_argument("--events", type=int, default=EVENTS, help="event sample size")
    parser.add_argument("--tenures", type=int, default=TENURES, help="tenure sample size")
    parser.add_argument("--save-graph", type=Path, help="write the merged graph (N-Triples)")
    parser.add_argument("--graph", type=Path, help="read this merged graph; do not build")
    parser.add_argument("-q", "--quiet", action="store_true", help="print the totals only")
    args = parser.parse_args()

    commit = _git("log", "-1", "--oneline")  # before the build: the code that is imported
    dirty = _git("status", "--porcelain", "--", "src")
    with tempfile.TemporaryDirectory(prefix="wikitext-") as tmp:
        paths = split_corpus(args.corpus, Path(tmp))
        seconds = cpu = None
        if args.graph:
            graph = Graph().parse(args.graph, format="nt")
        else:
            started, cpu = time.perf_counter(), time.process_time()
            graph = build(paths).graph
            seconds = time.perf_counter() - started
            cpu = time.process_time() - cpu
        if args.save_graph:
            args.save_graph.parent.mkdir(parents=True, exist_ok=True)
            graph.serialize(args.save_graph, format="nt", encoding="utf-8")
        every = facts(graph)
    events = [f for f in every if f.category == "event"]
    tenures = [f for f in every if f.category == "tenure"]
    picked = {"event": sample(events, args.events), "tenure": sample(tenures, args.tenures)}
    verdicts: dict[str, tuple[str, str]] = {}
    for path in [*args.verdicts, args.out]:
        verdicts.update(read_verdicts(path))

    rules = Counter(r for f in every for r in f.rules or ["(none)"])
    lines = [
        "# WikiText sample: events and tenures judged against their evidence",
        "",
        "Issue 8, item 10: histkg fed general Wikipedia text (the "
        f"{len(paths)} WikiText-2 test articles, one build) should state facts its own evidence "
        "sentences support. Written by `bench/wikitext_sample.py`; the verdicts are a person's "
        "reading of the evidence sentence alone: a fact is `ok` only if the sentence states it "
        "(right class, right person in the right role, office right, the date if given "
        "consistent with the sentence). A re-run keeps the verdicts of facts it finds again "
        "(same class, label and evidence quote) and leaves new ones blank.",
        "",
        "How the verdicts were given: a pronoun counts as naming the person only when the "
        "surrounding paragraph makes the referent plain; a fact that is true but incomplete "
        "(a role, the office or the date missing) is `ok`, the loss noted; a fact merged from "
        "several sentences is `wrong` when one of them gives another person's event to its "
        "person; retirement counts as `Resignation` and capture in war as `Arrest` (the "
        "ontology's comments say so); fiction, plans, rumours, claims attributed to someone, "
        "sports senses and events without a named person are `wrong`.",
        "",
        f"- code: `{commit}`"
        + (
            " with uncommitted changes to "
            + ", ".join(f"`{line.split(maxsplit=1)[-1]}`" for line in dirty.splitlines())
            if dirty
            else ""
        )
        + f", run {datetime.date.today().isoformat()}",
        f"- build of {len(paths)} articles: "
        + (
            f"{seconds:.1f} s wall clock, {cpu:.1f} s CPU"
            if seconds is not None
            else "not timed (`--graph`)"
        )
        + " (`histkg.pipeline.build`, spaCy model load included)",
        f"- emitted: {len(events)} events, {len(tenures)} tenures; "
        f"sampled: {len(picked['event'])} events, {len(picked['tenure'])} tenures "
        "(the facts whose key hashes lowest, seed 0; see `sample()`)",
        "- rules (all emitted facts): " + ", ".join(f"`{r}` {n}" for r, n in rules.most_common()),
    ]
    summary = []
    for category, rows in picked.items():
        judged, ok, wrong = tally(rows, verdicts)
        share = f"{100 * ok / judged:.0f} % correct" if judged else "not judged"
        summary.append(
            f"{category}s: {len(rows)} sampled, {judged} judged, {ok} ok, {wrong} wrong, {share}"
        )
    for category, rows in (("event", events), ("tenure", tenures)):
        judged, ok, wrong = tally(rows, verdicts)
        if judged > len(picked[category]):
            summary.append(
                f"all {len(rows)} {category}s emitted: {judged} judged, {ok} ok, {wrong} wrong, "
                f"{100 * ok / judged:.0f} % correct"
            )
    lines += [f"- {s}" for s in summary]
    by_rule = rule_tally(every, verdicts)
    if by_rule:
        lines.append(
            "- wrong / judged by rule (every judged fact; a fact of several rules counts for "
            "each): " + ", ".join(f"`{r}` {w}/{n}" for r, (w, n) in by_rule)
        )
    for category, title in (("event", "Events"), ("tenure", "Tenures")):
        lines += ["", f"## {title}", "", *table(picked[category], verdicts)]
    sampled = {f.iri for rows in picked.values() for f in rows}
    others = [f for f in every if f.iri not in sampled]
    if others:
        lines += [
            "",
            "## Other facts (not in the sample)",
            "",
            "Events first, then tenures: every fact emitted is listed and judged, so that the"
            " figures for all emitted facts hold and verdicts carry over to later runs.",
            "",
            *table(others, verdicts),
        ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.json:
        args.json.write_text(
            json.dumps([asdict(f) | {"key": f.key} for f in every], indent=1, ensure_ascii=False)
            + "\n",
            encoding="utf-8",
        )

    print(f"{commit}{' +uncommitted src' if dirty else ''}")
    if seconds is not None:
        print(f"built {len(paths)} articles in {seconds:.1f} s wall clock, {cpu:.1f} s CPU")
    print(f"emitted {len(events)} events, {len(tenures)} tenures")
    for s in summary:
        print(s)
    if not args.quiet:
        print("rules: " + ", ".join(f"{r} {n}" for r, n in rules.most_common()))
        print(f"wrote {args.out}")


if __name__ == "__main__":
    sys.exit(main())
