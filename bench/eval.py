"""Measure extraction on the development corpus and on the seeds against hand-written gold.

Builds each dev article on its own (one ``histkg.pipeline.build([article])`` per file, the
spaCy model loaded once for the process), scores it with ``histkg.evaluate`` against
``gold/<stem>.json``, and scores the build of ``seeds/`` against ``tests/gold/seeds.json``.

    .venv/bin/python bench/eval.py --json bench/eval.json --markdown docs/eval.md

Averages (each article weighs the same, whatever its length):

- per category (persons, tenures, events): the mean over articles of that category's
  precision, recall and F1, over the articles whose gold has items of the category;
- macro-F1: the mean over articles of each article's macro-F1, itself the mean of the
  F1 of the categories its gold has items of (with items in all three categories in
  every dev gold, this equals the mean of the three category F1 means);
- seeds: the macro-F1 of the seed build (one build of both seed files, one gold).

``--check FLOOR.json`` exits 1 with one line per figure below its floor.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from histkg.evaluate import CATEGORIES, Average, Score, average, evaluate, load_gold

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
SEEDS = ROOT / "seeds"
SEEDS_GOLD = ROOT / "tests" / "gold" / "seeds.json"
BEGIN, END = "<!-- eval:begin (written by bench/eval.py) -->", "<!-- eval:end -->"
FIGURES = ("macro_f1", "persons_f1", "tenures_f1", "events_f1", "seeds_f1")


@dataclass(frozen=True)
class Evaluation:
    """The dev scores (article stem -> score), their average, and the seed score."""

    articles: dict[str, Score]
    average: Average
    seeds: Score
    seconds: dict[str, float]


def dev_articles(corpus: Path) -> list[tuple[Path, Path]]:
    """Each article of the corpus with its gold file; a missing gold is an error."""
    pairs = []
    for text in sorted(corpus.glob("*.txt")):
        gold = corpus / "gold" / f"{text.stem}.json"
        if not gold.is_file():
            raise SystemExit(f"eval: {gold}: no gold for {text.name}; add it or move the text")
        pairs.append((text, gold))
    if not pairs:
        raise SystemExit(f"eval: {corpus}: no *.txt articles; pass --corpus DIR")
    return pairs


def score_all(
    graphs: Mapping[str, Graph],
    golds: Mapping[str, Path],
    seed_graph: Graph,
    seeds_gold: Path = SEEDS_GOLD,
    seconds: dict[str, float] | None = None,
) -> Evaluation:
    """Score already built graphs (article stem -> graph) and the seed graph."""
    articles = {stem: evaluate(load_gold(golds[stem]), graphs[stem]) for stem in sorted(graphs)}
    seeds = evaluate(load_gold(seeds_gold), seed_graph)
    return Evaluation(articles, average(list(articles.values())), seeds, seconds or {})


def run(corpus: Path, seeds: Path, seeds_gold: Path, say: Callable[[str], None]) -> Evaluation:
    """Build every dev article on its own and the seeds, then score them."""
    from histkg.pipeline import build

    pairs = dev_articles(corpus)
    seconds: dict[str, float] = {}
    graphs = {}
    started = time.perf_counter()
    for i, (text, _gold) in enumerate(pairs, 1):
        t0 = time.perf_counter()
        graphs[text.stem] = build([text]).graph
        seconds[text.stem] = time.perf_counter() - t0
        say(f"[{i}/{len(pairs)}] {text.stem} {seconds[text.stem]:.1f} s")
    t0 = time.perf_counter()
    seed_graph = build([seeds]).graph
    seconds["seeds"] = time.perf_counter() - t0
    say(f"seeds {seconds['seeds']:.1f} s")
    golds = {text.stem: gold for text, gold in pairs}
    t0 = time.perf_counter()
    result = score_all(graphs, golds, seed_graph, seeds_gold)
    seconds["scoring"] = time.perf_counter() - t0
    seconds["total"] = time.perf_counter() - started
    return Evaluation(result.articles, result.average, result.seeds, seconds)


def figures(evaluation: Evaluation) -> dict[str, float]:
    """The gated figures: dev macro-F1, each category's mean F1, the seeds' macro-F1."""
    out = {"macro_f1": evaluation.average.macro_f1}
    for name in CATEGORIES:
        out[f"{name}_f1"] = evaluation.average.categories[name][2]
    out["seeds_f1"] = evaluation.seeds.macro_f1
    return out


def below_floor(found: Mapping[str, float], floor: Mapping[str, float], source: str) -> list[str]:
    """One line per figure below its floor (a floor naming an unknown figure is one too)."""
    lines = []
    for key, minimum in sorted(floor.items()):
        if key not in found:
            lines.append(f"eval: {source}: unknown figure {key!r}; use one of {', '.join(FIGURES)}")
        elif found[key] < minimum:
            lines.append(f"eval: {key} {found[key]:.4f} is below the floor {minimum} ({source})")
    return lines


def read_floor(path: Path) -> dict[str, float]:
    """The floor file: figure name -> minimum."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SystemExit(f"eval: {path}: cannot read the floor ({exc}); fix the file") from None
    if not isinstance(data, dict) or not all(isinstance(v, int | float) for v in data.values()):
        raise SystemExit(f"eval: {path}: the floor must map figure names to numbers")
    return {str(k): float(v) for k, v in data.items()}


# --- output ---------------------------------------------------------------------------------


def _prf(p: float, r: float, f: float) -> list[str]:
    return [f"{p:.2f}", f"{r:.2f}", f"{f:.2f}"]


def rows(evaluation: Evaluation) -> tuple[list[str], list[list[str]]]:
    """The table: one row per article, the macro average, and the seeds."""
    head = ["article"]
    for name in CATEGORIES:
        head += [f"{name} P", "R", "F1"]
    head.append("macro-F1")
    body = []
    for stem, score in evaluation.articles.items():
        row = [stem]
        for name in CATEGORIES:
            c = score.category(name)
            row += _prf(c.precision, c.recall, c.f1)
        body.append([*row, f"{score.macro_f1:.2f}"])
    avg = evaluation.average
    row = [f"macro average ({avg.count} articles)"]
    for name in CATEGORIES:
        row += _prf(*avg.categories[name])
    body.append([*row, f"{avg.macro_f1:.2f}"])
    row = ["seeds (tests/gold/seeds.json)"]
    for name in CATEGORIES:
        c = evaluation.seeds.category(name)
        row += _prf(c.precision, c.recall, c.f1)
    body.append([*row, f"{evaluation.seeds.macro_f1:.2f}"])
    return head, body


def text_table(evaluation: Evaluation) -> str:
    head, body = rows(evaluation)
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in [head, *body]
    ]
    lines.insert(1, "-" * len(lines[0]))
    lines.insert(len(lines) - 2, "-" * len(lines[0]))
    return "\n".join(lines)


def markdown(evaluation: Evaluation, today: str) -> str:
    """The generated section of docs/eval.md."""
    head, body = rows(evaluation)
    lines = [
        BEGIN,
        f"Last run: {today}, `make eval` (`bench/eval.py`); raw figures in `bench/eval.json`.",
        "",
        "| " + " | ".join(head) + " |",
        "|---" + "|---:" * (len(head) - 1) + "|",
    ]
    for row in body:
        cells = row if not row[0].startswith(("macro", "seeds")) else [f"**{c}**" for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "Gated figures (`bench/eval-floor.json`):", ""]
    lines += [f"- `{k}` {v:.3f}" for k, v in figures(evaluation).items()]
    total = evaluation.seconds.get("total")
    if total is not None:
        lines += ["", f"Building and scoring took {total:.0f} s."]
    lines.append(END)
    return "\n".join(lines) + "\n"


def write_markdown(path: Path, section: str) -> None:
    """Replace the generated section of ``path`` (or append it, or write a new file)."""
    old = path.read_text(encoding="utf-8") if path.is_file() else "# Evaluation\n\n"
    if BEGIN in old and END in old:
        start, stop = old.index(BEGIN), old.index(END) + len(END)
        new = old[:start] + section.rstrip("\n") + old[stop:]
    else:
        new = old.rstrip("\n") + "\n\n" + section
    path.write_text(new, encoding="utf-8")


def as_json(evaluation: Evaluation) -> dict[str, object]:
    return {
        "figures": figures(evaluation),
        "average": evaluation.average.as_dict(),
        "articles": {stem: s.as_dict() for stem, s in evaluation.articles.items()},
        "seeds": evaluation.seeds.as_dict(),
        "seconds": {k: round(v, 2) for k, v in evaluation.seconds.items()},
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=DEV, help="dev corpus folder (with gold/)")
    ap.add_argument("--seeds", type=Path, default=SEEDS, help="seed articles folder")
    ap.add_argument("--seeds-gold", type=Path, default=SEEDS_GOLD, help="gold of the seeds")
    ap.add_argument("--json", type=Path, help="write every figure and item as JSON")
    ap.add_argument("--markdown", type=Path, help="write the table into this Markdown file")
    ap.add_argument("--check", type=Path, help="floor file: exit 1 if a figure is below it")
    ap.add_argument("--quiet", "-q", action="store_true", help="no progress, no table")
    args = ap.parse_args(argv)

    def say(line: str) -> None:
        if not args.quiet:
            print(line, file=sys.stderr, flush=True)

    if not args.corpus.is_dir():
        print(f"eval: {args.corpus}: no such corpus folder; pass --corpus DIR", file=sys.stderr)
        return 2
    floor = read_floor(args.check) if args.check else None
    evaluation = run(args.corpus, args.seeds, args.seeds_gold, say)
    if not args.quiet:
        print(text_table(evaluation))
        print("gated: " + ", ".join(f"{k} {v:.3f}" for k, v in figures(evaluation).items()))
    say(f"took {evaluation.seconds['total']:.1f} s")
    if args.json:
        args.json.write_text(json.dumps(as_json(evaluation), indent=1, ensure_ascii=False) + "\n")
    if args.markdown:
        write_markdown(args.markdown, markdown(evaluation, datetime.date.today().isoformat()))
    if floor is not None:
        failures = below_floor(figures(evaluation), floor, str(args.check))
        for line in failures:
            print(line, file=sys.stderr)
        if failures:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
