"""Scale of a build (issue 9): workers, corpus size, memory per worker, the cache.

On the 62 WikiText-2 test articles (split as in ``bench/person_links.py``) and on ten copies
of them (620 documents, each copy a file of its own):

- ``prepare``: write the articles, ``--copies`` times, to ``--articles``;
- ``run``: one build in this process, as ``histkg build`` makes it (extraction on
  ``--jobs`` workers, resolution, SHACL, every serialization, no store), and print one
  JSON line: wall seconds, documents extracted and reused, the peak memory of this
  process and of the largest worker (``getrusage``: the workers are this process's
  children, reaped when the pool closes);
- ``rebuild``: a build with a fresh cache, then one article changed (a sentence added), then
  the rebuild; prints both times and what the rebuild extracted.

``run --cache DIR`` builds with the cache in ``DIR`` (filled by an earlier build): a
rebuild alone, as compared tree against tree in docs/benchmarks.md.

The whole-process comparisons (``--jobs 1`` against a bare ``nlp.pipe``, ``--jobs 2``
against ``--jobs 1``) are timed from outside, as in ``bench/throughput.py``:

    .venv/bin/python bench/scale.py prepare --articles /tmp/w2
    .venv/bin/python bench/scale.py prepare --articles /tmp/w2x10 --copies 10
    .venv/bin/python bench/throughput.py --mode spacy --articles /tmp/w2
    .venv/bin/histkg build /tmp/w2 --out /tmp/o1 --no-store --quiet --no-cache --jobs 1
    .venv/bin/histkg build /tmp/w2 --out /tmp/o2 --no-store --quiet --no-cache --jobs 2
    .venv/bin/python bench/scale.py run --articles /tmp/w2x10 --jobs 2
    .venv/bin/python bench/scale.py rebuild --articles /tmp/w2 --jobs 2

Results and what they mean: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from person_links import CORPUS, split_corpus


def prepare(corpus: Path, folder: Path, copies: int) -> int:
    """The articles of ``corpus``, ``copies`` times (``c01_…``), in ``folder``."""
    with tempfile.TemporaryDirectory() as temp:
        paths = split_corpus(corpus, Path(temp))
        folder.mkdir(parents=True, exist_ok=True)
        for k in range(copies):
            for path in paths:
                name = path.name if copies == 1 else f"c{k + 1:02d}_{path.name}"
                shutil.copy(path, folder / name)
    return len(paths) * copies


#: the stages of ``histkg.pipeline.build`` timed by :func:`timed_stages`
STAGES = ("read_sources", "extract_plan", "resolve", "assemble", "merged_graph", "validate")


def timed_stages() -> dict[str, float]:
    """Wrap the stages the pipeline calls with timers; returns the seconds they add up to."""
    import histkg.pipeline as pipeline

    spent: dict[str, float] = {}

    def timer(name: str, fn: Any) -> Any:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = round(spent.get(name, 0.0) + time.perf_counter() - start, 2)

        return wrapped

    for name in STAGES:
        setattr(pipeline, name, timer(name, getattr(pipeline, name)))
    return spent


def one_build(articles: Path, out: Path, jobs: int, cache: Path | None) -> dict[str, Any]:
    """Build and write ``articles`` as ``histkg build --no-store`` does; its figures."""
    from histkg.engines import EngineOptions
    from histkg.pipeline import build, collector_paused, render, write_outputs

    spent = timed_stages()
    start = time.perf_counter()
    with collector_paused():
        result = build([articles], engine=EngineOptions(jobs=jobs), cache_dir=cache)
        rendered = time.perf_counter()
        files = render(result)
        spent["render"] = round(time.perf_counter() - rendered, 2)
    write_outputs(files, out)
    return {
        "documents": len(result.articles),
        "jobs": jobs,
        "seconds": round(time.perf_counter() - start, 2),
        "extracted": result.extracted,
        "reused": result.reused,
        "triples": len(result.graph),
        "stages": dict(spent),
    }


def peak_mib() -> dict[str, float]:
    """Peak resident memory of this process and of its largest child, MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"main_peak_mib": round(own), "worker_peak_mib": round(child)}


def rebuild(articles: Path, jobs: int) -> dict[str, object]:
    """First build with an empty cache, one article changed, the rebuild."""
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp) / "articles"
        shutil.copytree(articles, work)
        cache = Path(temp) / "cache"
        first = one_build(work, Path(temp) / "out", jobs, cache)
        changed = sorted(work.iterdir())[len(list(work.iterdir())) // 2]
        with changed.open("a", encoding="utf-8") as handle:
            handle.write("\nThe council met again in the spring.\n")
        second = one_build(work, Path(temp) / "out", jobs, cache)
    share = second["seconds"] / first["seconds"]
    return {"first": first, "rebuild": second, "share": round(share, 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["prepare", "run", "rebuild"])
    parser.add_argument("--articles", type=Path, required=True, help="folder of the articles")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="wiki.test.raw")
    parser.add_argument("--copies", type=int, default=1, help="copies of each article")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--cache", type=Path, help="run: the cache folder (default: none)")
    args = parser.parse_args()
    if args.mode == "prepare":
        n = prepare(args.corpus, args.articles, args.copies)
        print(f"wrote {n} articles to {args.articles}")
        return 0
    if args.mode == "run":
        with tempfile.TemporaryDirectory() as temp:
            figures = one_build(args.articles, Path(temp) / "out", args.jobs, args.cache)
        print(json.dumps(figures | peak_mib()))
        return 0
    print(json.dumps(rebuild(args.articles, args.jobs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
