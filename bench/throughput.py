"""Throughput of a build against the NLP it cannot do without (issue 8 target).

Two whole processes over the same 62 WikiText-2 test articles (split as in
``bench/person_links.py``):

- ``spacy``: the same model histkg loads, ``nlp.pipe`` over the same text blocks, nothing
  else — the floor of any build;
- ``histkg``: ``histkg build`` of the folder (extraction, resolution, assembly, SHACL,
  every serialization; no embedded store).

Run each under an external timer (``/usr/bin/time -v``, or any harness that times whole
processes in turn) and compare the medians; ``--mode prepare`` writes the articles once:

    .venv/bin/python bench/throughput.py --mode prepare --articles /tmp/w2
    .venv/bin/python bench/throughput.py --mode spacy --articles /tmp/w2
    .venv/bin/histkg build /tmp/w2 --out /tmp/w2-out --no-store --quiet

Results and what they mean: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from person_links import CORPUS, split_corpus


def blocks(folder: Path) -> list[str]:
    """The text blocks histkg itself feeds the model, read the same way."""
    from histkg.extract.nlp import mask_native
    from histkg.sources import article_paths, read_article

    texts = []
    for path in article_paths([folder]):
        article = read_article(path)
        texts += [mask_native(article.text[b.begin : b.end]) for b in article.blocks]
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=["prepare", "spacy"], required=True)
    parser.add_argument("--articles", type=Path, required=True, help="folder of the articles")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="wiki.test.raw")
    args = parser.parse_args()
    if args.mode == "prepare":
        paths = split_corpus(args.corpus, args.articles)
        print(f"wrote {len(paths)} articles to {args.articles}")
        return 0
    import spacy

    from histkg.extract.nlp import MODEL_NAMES

    for name in MODEL_NAMES:  # the model histkg loads, without histkg's own component
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    tokens = sum(len(doc) for doc in nlp.pipe(blocks(args.articles), batch_size=32))
    print(f"{tokens} tokens", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
