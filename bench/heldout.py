"""Measure extraction on articles kept out of the rules' development: real encyclopedia
articles whose gold was written (``bench/heldout/gold/``, the format of the dev gold) from
their text alone, before histkg was run on them, by an annotator who saw no extraction.

Two sets: real articles read from ``../shared/corpus/wikitext/`` (never copied here),
gold in ``bench/heldout/gold/``; and eight articles written for this measurement, in the
dev corpus's format, by a writer kept blind to histkg's rules (``bench/heldout/written/``,
texts and gold side by side; see its README):

    .venv/bin/python bench/heldout.py [--set real|written|written3 … written10|all]

Each article is built on its own and scored with ``histkg.evaluate``; the figures are
printed per category (precision, recall, F1) with the macro-F1. Results and what was
learnt from them: docs/heldout.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "wikitext"
GOLD = ROOT / "bench" / "heldout" / "gold"
WRITTEN = ROOT / "bench" / "heldout" / "written"
#: the written sets, in the order they were made (each by a writer blind to histkg)
WRITTEN_SETS = {
    "written": WRITTEN,
    "written3": ROOT / "bench" / "heldout" / "written3",
    "written4": ROOT / "bench" / "heldout" / "written4",
    "written5": ROOT / "bench" / "heldout" / "written5",
    "written6": ROOT / "bench" / "heldout" / "written6",
    "written7": ROOT / "bench" / "heldout" / "written7",
    "written8": ROOT / "bench" / "heldout" / "written8",
    "written9": ROOT / "bench" / "heldout" / "written9",
    "written10": ROOT / "bench" / "heldout" / "written10",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of the articles")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--set", choices=["real", *WRITTEN_SETS, "all"], default="all")
    args = parser.parse_args()
    from histkg.evaluate import CATEGORIES, evaluate, load_gold
    from histkg.pipeline import build

    pairs: list[tuple[Path, Path]] = []
    if args.set in {"real", "all"}:
        for gold in sorted(GOLD.glob("*.json")):
            matches = sorted(args.corpus.glob(f"{gold.stem}.*"))
            if not matches:
                print(f"heldout: no article {gold.stem}.* in {args.corpus}", file=sys.stderr)
                return 2
            pairs.append((gold, matches[0]))
    for name, folder in WRITTEN_SETS.items():
        if args.set in {name, "all"}:
            for gold in sorted((folder / "gold").glob("*.json")):
                pairs.append((gold, folder / "texts" / f"{gold.stem}.txt"))
    figures: dict[str, dict[str, float]] = {}
    for gold, article in pairs:
        score = evaluate(load_gold(gold), build([article]).graph)
        row = {"macro_f1": round(score.macro_f1, 3)}
        for name in CATEGORIES:
            c = score.category(name)
            row |= {f"{name}_p": round(c.precision, 3), f"{name}_r": round(c.recall, 3)}
            row[f"{name}_f1"] = round(c.f1, 3)
        figures[gold.stem] = row
        cells = "  ".join(
            f"{n} {row[f'{n}_p']:.2f}/{row[f'{n}_r']:.2f}/{row[f'{n}_f1']:.2f}" for n in CATEGORIES
        )
        print(f"{gold.stem}: {cells}  macro-F1 {row['macro_f1']:.3f}")
    for set_name, folder in WRITTEN_SETS.items():
        written = [r for n, r in figures.items() if (folder / "gold" / f"{n}.json").exists()]
        if not written:
            continue
        means = {k: sum(r[k] for r in written) / len(written) for k in written[0]}
        cells = "  ".join(
            f"{n} {means[f'{n}_p']:.2f}/{means[f'{n}_r']:.2f}/{means[f'{n}_f1']:.2f}"
            for n in CATEGORIES
        )
        print(f"{set_name} set, mean of {len(written)}: {cells}  macro-F1 {means['macro_f1']:.3f}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
