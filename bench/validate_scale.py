"""SHACL validation of a large build the way histkg does it (issue 9, item 6).

For each size, one child process parses the synthetic graph of ``bench/bench.py`` once and
then validates it with :func:`histkg.validate.validate` at each ``--jobs`` given, in turn
(by default 2 then 1, side by side on the same graph), recording wall time and CPU time
(this process and its shard workers; with the one-minute load average after the run), and
whether the reports are the same bytes. On a shared machine a run rarely gets every core it
asks for, so each run also records its critical path: the CPU time of the longest chain of
work (this process's own, which includes the SPARQL half, or the busiest shard worker's),
what its wall time would be with a free core for each process. Then,
for the record, the two stages of the SPARQL half alone: copying the graph into Oxigraph
and pySHACL's pass over it.

    .venv/bin/python bench/validate_scale.py --sizes 10000 100000 1000000 \\
        --out bench/validate_scale.json

With ``--cache``, each ``--jobs`` validates with an empty SHACL results cache (cold), then
again with the cache it filled (warm), and records both and whether the reports are the
same bytes:

    .venv/bin/python bench/validate_scale.py --sizes 1000000 --jobs 2 --cache

The machine is shared: compare the runs of one child (same graph, run in turn) and the
CPU times, not wall times of different days.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench import generate  # noqa: E402

CHILD = r"""
import json, os, resource, sys, time
from pathlib import Path
from rdflib import Graph
import histkg.validate
from histkg.serialize import to_turtle
from histkg.validate import _run, load_shapes, validate
from histkg.validate.sparql import oxigraph_copy, split_shapes

path, jobs_list = sys.argv[1], [int(j) for j in sys.argv[2].split(",")]
cached = len(sys.argv) > 3 and sys.argv[3] == "cache"

# each pass of the core shapes (a shard worker's, or the one pass in this process) writes
# its CPU time to a file that forked workers inherit
passes = open(path + ".passes", "a+")
core_pass = histkg.validate._in_place


def timed_core_pass(data, shapes):
    start = time.process_time()
    out = core_pass(data, shapes)
    line = json.dumps({"pid": os.getpid(), "cpu_s": round(time.process_time() - start, 2)})
    os.write(passes.fileno(), (line + "\n").encode())
    return out


histkg.validate._in_place = timed_core_pass


def own_cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn):
    wall, used = time.perf_counter(), cpu()
    out = fn()
    return out, round(time.perf_counter() - wall, 2), round(cpu() - used, 2)


graph, parse_wall, _ = timed(lambda: Graph().parse(path, format="nt"))
shapes = load_shapes()
row = {"triples": len(graph), "parse_s": parse_wall, "runs": {}}
reports = {}
if cached:
    import tempfile
    from histkg.validate.result_cache import ResultCache

    for jobs in jobs_list:
        with tempfile.TemporaryDirectory() as folder:
            for state in ("cold", "warm"):
                results = ResultCache(Path(folder))
                run = lambda: validate(graph, shapes, jobs=jobs, cache=results)  # noqa: E731
                report, wall, used = timed(run)
                reports[(jobs, state)] = to_turtle(report.graph)
                row["runs"][f"{jobs} {state}"] = {
                    "wall_s": wall, "cpu_s": used, "conforms": report.conforms,
                    "hits": results.hits, "misses": results.misses,
                    "load_after": round(os.getloadavg()[0], 2),
                }
                print(json.dumps({"jobs": jobs, "cache": state, "wall_s": wall, "cpu_s": used}),
                      file=sys.stderr, flush=True)
    row["same_report_bytes"] = len(set(reports.values())) == 1
    print(json.dumps(row))
    sys.exit(0)
for jobs in jobs_list:
    passes.truncate(0)
    before = own_cpu()
    report, wall, used = timed(lambda: validate(graph, shapes, jobs=jobs))
    here = own_cpu() - before
    passes.seek(0)
    done = [json.loads(line) for line in passes.read().splitlines() if line]
    in_workers = [p["cpu_s"] for p in done if p["pid"] != os.getpid()]
    reports[jobs] = to_turtle(report.graph)
    row["runs"][str(jobs)] = {
        "wall_s": wall, "cpu_s": used, "conforms": report.conforms,
        "load_after": round(os.getloadavg()[0], 2),
        # the longest chain of work: this process's own, or the busiest worker's
        "this_process_cpu_s": round(here, 2),
        "core_pass_cpu_s": [p["cpu_s"] for p in done],
        "critical_path_cpu_s": round(max([here, *in_workers]), 2),
    }
    print(json.dumps({"jobs": jobs, "wall_s": wall, "cpu_s": used}), file=sys.stderr, flush=True)
row["same_report_bytes"] = len(set(reports.values())) == 1
_core, sparql = split_shapes(shapes)
store, wall, used = timed(lambda: oxigraph_copy(graph))
row["oxigraph_copy"] = {"wall_s": wall, "cpu_s": used}
_, wall, used = timed(lambda: _run(store, sparql, inplace=True))
row["sparql_pass"] = {"wall_s": wall, "cpu_s": used}
row["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
row["worker_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
print(json.dumps(row))
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[2, 1])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--cache", action="store_true", help="validate with an empty results cache, then again"
    )
    args = parser.parse_args()
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"synthetic-{size}.nt"
            generate(size, path)
            jobs = ",".join(str(j) for j in args.jobs)
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(path), jobs, "cache" if args.cache else ""],
                stdout=subprocess.PIPE,
                text=True,
                cwd=ROOT,
                check=True,
            )
            row = json.loads(done.stdout.strip().splitlines()[-1])
            print(json.dumps(row), flush=True)
            results[str(size)] = row
            if args.out is not None:
                args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
