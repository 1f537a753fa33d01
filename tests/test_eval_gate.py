"""The CI gate: the dev corpus figures of `make eval` may not drop below the committed floor
(bench/eval-floor.json; raise it as extraction improves, never lower it to pass)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from histkg import BuildResult
from tests.conftest import DEV, ROOT

FLOOR = ROOT / "bench" / "eval-floor.json"


def bench_eval() -> ModuleType:
    """bench/eval.py, the code behind `make eval` (the gate computes the same figures)."""
    spec = importlib.util.spec_from_file_location("histkg_bench_eval", ROOT / "bench" / "eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_dev_figures_are_not_below_the_floor(
    dev_builds: dict[str, BuildResult], seed_build: BuildResult
) -> None:
    bench = bench_eval()
    golds = {stem: DEV / "gold" / f"{stem}.json" for stem in dev_builds}
    graphs = {stem: result.graph for stem, result in dev_builds.items()}
    evaluation = bench.score_all(graphs, golds, seed_build.graph)
    found = bench.figures(evaluation)
    floor = bench.read_floor(FLOOR)
    assert set(floor) == set(bench.FIGURES), f"{FLOOR} must set exactly {bench.FIGURES}"
    print("figures: " + ", ".join(f"{k} {v:.4f}" for k, v in found.items()))
    failures = bench.below_floor(found, floor, str(FLOOR.relative_to(ROOT)))
    assert not failures, "\n".join([*failures, f"figures: {found}", bench.text_table(evaluation)])


def test_floor_is_a_committed_number_per_figure() -> None:
    bench = bench_eval()
    floor = bench.read_floor(FLOOR)
    assert all(0.0 <= v <= 1.0 for v in floor.values())
    assert all(round(v, 2) == v for v in floor.values()), "floors are rounded to 2 decimals"
    assert Path(FLOOR).read_text(encoding="utf-8").endswith("\n")
