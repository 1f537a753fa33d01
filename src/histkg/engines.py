"""Where per-document extraction runs: this process, worker processes, or a Dask cluster.

Extraction is split into units (:class:`histkg.extract.Unit`: the articles of one title
with the part of the corpus tables they read), each a pure function of its unit
(:func:`histkg.extract.extract_unit`). An engine runs the units that the cache does not
hold and returns their results in the order of the units, whatever order they finished in,
so the output is the same bytes for any engine and any number of workers. Resolution runs
once, afterwards, in the calling process.

* ``local`` with ``jobs=1``: in this process, unit by unit;
* ``local`` with ``jobs=N``: a pool of ``N`` worker processes, each loading the model once
  (in its initializer);
* ``dask``: tasks on ``dask.distributed``, a ``LocalCluster`` of ``jobs`` worker processes
  or the cluster whose scheduler ``scheduler`` names; each worker loads the model once, on
  its first task.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any

from histkg.cache import ExtractionCache, unit_key
from histkg.errors import StoreError, UsageError
from histkg.extract import (
    CorpusExtraction,
    CorpusPlan,
    DocumentResult,
    Unit,
    extract_unit,
    merge_results,
)

ENGINES = ("local", "dask")
#: seconds to wait for a Dask scheduler named by ``--scheduler``
CONNECT_TIMEOUT = 10


@dataclass(frozen=True)
class EngineOptions:
    """How extraction runs: ``engine`` (``local`` or ``dask``), ``jobs`` worker processes
    (local pool or LocalCluster; 0: as many as cores, fewer for a small corpus: see
    :func:`auto_jobs`), ``scheduler`` (a Dask scheduler's address, else a LocalCluster is
    started)."""

    engine: str = "local"
    jobs: int = 1
    scheduler: str | None = None


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


#: characters of text a worker should have to read before one is started for it: starting
#: a worker and loading its model takes about as long as reading this much
MIN_CHARS_PER_WORKER = 150_000


def auto_jobs(units: Sequence[Unit]) -> int:
    """As many workers as cores, but none with less than :data:`MIN_CHARS_PER_WORKER`."""
    chars = sum(len(a.text) for unit in units for a in unit.articles)
    return max(1, min(default_jobs(), chars // MIN_CHARS_PER_WORKER))


#: triples of a built graph below which validation stays in one process: a shard worker
#: parses the shapes again (about 0.3 s), more than it saves on a small graph
MIN_TRIPLES_PER_VALIDATOR = 20_000


def validation_jobs(options: EngineOptions, triples: int) -> int:
    """How many processes validate a built graph of ``triples`` triples: as many as the
    build's extraction workers (``--jobs``; with Dask, those of this machine, where the
    graph is), none with less than :data:`MIN_TRIPLES_PER_VALIDATOR` triples."""
    jobs = options.jobs if options.jobs > 0 else default_jobs()
    if options.engine == "dask":
        jobs = min(jobs, default_jobs()) if options.scheduler is None else default_jobs()
    return max(1, min(jobs, triples // MIN_TRIPLES_PER_VALIDATOR))


Progress = Callable[[int], None]


def run_units(
    units: Sequence[Unit], options: EngineOptions, progress: Progress | None = None
) -> list[list[DocumentResult]]:
    """The results of every unit, in the order of ``units``; ``progress(n)`` is called as
    each unit of ``n`` articles is done.

    Raises:
        UsageError: an unknown engine, or Dask not installed.
        StoreError: the Dask scheduler cannot be reached.
    """
    if not units:
        return []
    jobs = options.jobs if options.jobs > 0 else auto_jobs(units)
    if options.engine == "dask":
        return _run_dask(units, options.scheduler, jobs, progress)
    if options.engine != "local":
        raise UsageError(f"unknown engine {options.engine!r}; use one of {', '.join(ENGINES)}")
    if jobs <= 1 or len(units) == 1:
        return _run_here(units, progress)
    return _run_pool(units, min(jobs, len(units)), progress)


def longest_first(units: Sequence[Unit]) -> list[int]:
    """The units' indexes, the longest text first (ties in input order): the workers end
    closer together than in input order. Results are put back in input order."""
    size = [sum(len(a.text) for a in unit.articles) for unit in units]
    return sorted(range(len(units)), key=lambda i: (-size[i], i))


def _run_here(units: Sequence[Unit], progress: Progress | None) -> list[list[DocumentResult]]:
    out = []
    for unit in units:
        out.append(extract_unit(unit))
        if progress:
            progress(len(unit.articles))
    return out


def _load_model() -> None:
    """A worker's initializer: the model, loaded once per process."""
    from histkg.extract.nlp import load_model

    load_model()


def _context() -> Any:
    """Fork where it is safe and fast (Linux), else spawn."""
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


def _run_pool(
    units: Sequence[Unit], jobs: int, progress: Progress | None
) -> list[list[DocumentResult]]:
    results: list[list[DocumentResult] | None] = [None] * len(units)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_load_model)
    try:
        futures: dict[Future[list[DocumentResult]], int] = {
            pool.submit(extract_unit, units[i]): i for i in longest_first(units)
        }
        for future in as_completed(futures):
            i = futures[future]
            results[i] = future.result()
            if progress:
                progress(len(units[i].articles))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return [r for r in results if r is not None]


def _run_dask(
    units: Sequence[Unit], scheduler: str | None, jobs: int, progress: Progress | None
) -> list[list[DocumentResult]]:
    try:  # untyped: used through Any
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise UsageError(
            "--engine dask needs dask.distributed; install it with"
            " \"pip install 'dask[distributed]'\" (or use --engine local)"
        ) from None
    cluster = None
    try:
        if scheduler:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
        else:
            cluster = distributed.LocalCluster(
                n_workers=jobs,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            client = distributed.Client(cluster)
    except (OSError, TimeoutError) as exc:
        where = scheduler or "a LocalCluster"
        raise StoreError(
            f"{where}: cannot reach the Dask scheduler ({exc}); check the address"
            " (tcp://HOST:PORT) and that the scheduler runs"
        ) from None
    try:
        futures: list[Any] = [None] * len(units)
        for i in longest_first(units):
            futures[i] = client.submit(extract_unit, units[i], pure=False)
        index = {future.key: i for i, future in enumerate(futures)}
        for future in distributed.as_completed(futures):
            if progress:
                progress(len(units[index[future.key]].articles))
        gathered: list[list[DocumentResult]] = client.gather(futures)
        return gathered
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@dataclass
class ExtractionRun:
    """A corpus's extraction and how many documents were read or came from the cache."""

    corpus: CorpusExtraction
    extracted: int = 0
    reused: int = 0


def extract_plan(
    plan: CorpusPlan,
    options: EngineOptions,
    cache: ExtractionCache | None = None,
    progress: Progress | None = None,
) -> ExtractionRun:
    """Extract the units of ``plan`` that ``cache`` does not hold on the engine of
    ``options``, store their results, and merge all of them in input order."""
    keys = [unit_key(unit) for unit in plan.units] if cache is not None else []
    results: list[list[DocumentResult] | None] = [None] * len(plan.units)
    todo = []
    reused = 0
    for i, unit in enumerate(plan.units):
        found = cache.get(unit, keys[i]) if cache is not None else None
        if found is None:
            todo.append(i)
            continue
        results[i] = found
        reused += len(unit.articles)
        if progress:
            progress(len(unit.articles))
    fresh = run_units([plan.units[i] for i in todo], options, progress)
    for i, found in zip(todo, fresh, strict=True):
        for article, result in zip(plan.units[i].articles, found, strict=True):
            result.extraction.article = article  # not a copy back from a worker
        results[i] = found
        if cache is not None:
            cache.put(plan.units[i], keys[i], found)
    corpus = merge_results(plan, [r for r in results if r is not None])
    if cache is not None:
        corpus.warnings.extend(cache.warnings)
    return ExtractionRun(corpus, len(plan.articles) - reused, reused)
