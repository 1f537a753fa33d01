"""Measure extraction on articles kept out of the rules' development: real encyclopedia
articles whose gold was written (``bench/heldout/gold/``, the format of the dev gold) from
their text alone, before histkg was run on them, by an annotator who saw no extraction.

The articles are read from ``../shared/corpus/wikitext/`` (never copied here):

    .venv/bin/python bench/heldout.py

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of the articles")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    from histkg.evaluate import CATEGORIES, evaluate, load_gold
    from histkg.pipeline import build

    figures: dict[str, dict[str, float]] = {}
    for gold in sorted(GOLD.glob("*.json")):
        matches = sorted(args.corpus.glob(f"{gold.stem}.*"))
        if not matches:
            print(f"heldout: no article {gold.stem}.* in {args.corpus}", file=sys.stderr)
            return 2
        score = evaluate(load_gold(gold), build([matches[0]]).graph)
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
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
