"""Crash safety and one writer at a time (issue 10).

A real ``histkg build`` (and ``histkg publish``) process is killed with SIGKILL at each
named stage of its run (``HISTKG_PAUSE_AT``: it creates a marker file there and sleeps,
so the test kills it exactly there; no test depends on timing): the previous output
folder must be byte-identical, or, once the new folder was swapped in, be the complete new
output. Two writers into one folder: the second is refused with exit code 5 and one line.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from histkg import build, render, write_outputs
from histkg.errors import EXIT_BUSY
from histkg.outdir import STAGES, recover
from histkg.stores.oxigraph import STORE_DIR, write_store
from tests.conftest import ARTICLES, make_site

OLD_INPUT = ARTICLES / "varga_group.txt"
NEW_INPUT = ARTICLES / "ghana_coup_1974.txt"
#: how long to wait for a paused process to reach its stage (spaCy start-up included);
#: an upper bound for a stuck process, not a measured time
REACH_LIMIT_S = 300


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path -> bytes)."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A previous output folder: a build of another article with its store, a site
    folder and a file of the user's beside the graph files."""
    out = tmp_path_factory.mktemp("previous") / "out"
    result = build([OLD_INPUT])
    write_outputs(render(result), out, lambda s: write_store(s / "graph.nq", s / STORE_DIR))
    (out / "site").mkdir()
    (out / "site" / "index.html").write_text("<p>an earlier site</p>\n", encoding="utf-8")
    (out / "notes.txt").write_text("kept by the user\n", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def new_output(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The graph files an uninterrupted build of the new input writes."""
    return render(build([NEW_INPUT]))


def histkg(*args: str, cwd: Path, pause: str | None = None) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env.pop("HISTKG_PAUSE_AT", None)
    if pause is not None:
        env["HISTKG_PAUSE_AT"] = pause
        env["HISTKG_PAUSE_FILE"] = str(cwd / f"reached-{pause}")
    return subprocess.Popen(
        [sys.executable, "-m", "histkg", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@contextmanager
def paused(*args: str, cwd: Path, stage: str) -> Iterator[subprocess.Popen[str]]:
    """A histkg process stopped at ``stage``; SIGKILLed when the block ends."""
    proc = histkg(*args, cwd=cwd, pause=stage)
    marker = cwd / f"reached-{stage}"
    try:
        for _ in range(REACH_LIMIT_S * 10):
            if marker.exists() or proc.poll() is not None:
                break
            time.sleep(0.1)
        assert marker.exists(), (
            f"never reached {stage}: {proc.poll()} {proc.stderr and proc.stderr.read()}"
        )
        yield proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        marker.unlink(missing_ok=True)


def test_crash_stages_are_the_writer_stages() -> None:
    assert STAGES == ("built", "locked", "staged", "stored", "carried", "swapped")


def test_crash_build_killed_at_every_stage_leaves_previous_output(
    previous: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    before = snapshot(out)
    args = ("build", str(NEW_INPUT), "--out", "out", "--force")
    for stage in ("built", "locked", "staged", "stored", "carried"):
        with paused(*args, cwd=tmp_path, stage=stage):
            pass  # killed here (at "locked": holding the lock)
        assert snapshot(out) == before, stage
    assert any(".staging-" in p.name for p in tmp_path.iterdir())  # what the kills left
    # the next build is not stopped by a stale lock, clears what the killed ones left and
    # writes the new output whole
    done = histkg(*args, "-q", cwd=tmp_path)
    _stdout, stderr = done.communicate()
    assert done.returncode == 0, stderr
    assert sorted(p.name for p in tmp_path.iterdir() if ".staging-" in p.name) == []
    after = snapshot(out)
    assert after["notes.txt"] == before["notes.txt"]
    assert after["site/index.html"] == before["site/index.html"]
    assert after["graph.nq"] != before["graph.nq"]


def test_crash_build_killed_after_swap_leaves_new_output(
    previous: Path, new_output: dict[str, bytes], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    before = snapshot(out)
    with paused("build", str(NEW_INPUT), "--out", "out", "--force", cwd=tmp_path, stage="swapped"):
        pass
    after = snapshot(out)
    for name, data in new_output.items():
        assert after[name] == data, name
    assert after["notes.txt"] == before["notes.txt"]
    assert after["site/index.html"] == before["site/index.html"]
    assert (out / STORE_DIR / "store.source").is_file()


def test_crash_publish_killed_leaves_previous_site(tmp_path: Path) -> None:
    from histkg.pipeline import replace_folder

    site = tmp_path / "site"
    replace_folder(make_site(build([OLD_INPUT])), site)
    before = snapshot(site)
    for stage in ("built", "locked", "staged"):
        with paused(
            "publish", str(NEW_INPUT), "--out", "site", "--force", cwd=tmp_path, stage=stage
        ):
            pass
        assert snapshot(site) == before, stage


@pytest.mark.parametrize("command", ["build", "publish"])
def test_crash_second_writer_is_refused(command: str, previous: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    before = snapshot(out)
    args = (command, str(NEW_INPUT), "--out", "out", "--force")
    with paused(*args, cwd=tmp_path, stage="locked"):
        second = histkg(*args, cwd=tmp_path)
        _stdout, stderr = second.communicate()
        assert second.returncode == EXIT_BUSY
        lines = stderr.strip().splitlines()
        assert len(lines) == 1, stderr
        assert lines[0].startswith("histkg: error: out: another histkg build or publish")
        assert snapshot(out) == before


def test_crash_recover_puts_back_a_folder_set_aside(tmp_path: Path) -> None:
    """Where the swap takes two renames, a writer killed between them leaves the previous
    folder aside: the next writer puts it back and clears staging folders."""
    aside = tmp_path / ".out.old-1234"
    aside.mkdir()
    (aside / "graph.nq").write_bytes(b"<a> <b> <c> .\n")
    (tmp_path / ".out.staging-abc").mkdir()
    recover(tmp_path / "out")
    assert (tmp_path / "out" / "graph.nq").read_bytes() == b"<a> <b> <c> .\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
