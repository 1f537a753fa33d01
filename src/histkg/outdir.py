"""Output folders that are replaced whole or not at all, by one writer at a time.

A build (or a publish) writes its files into a staging folder beside ``--out``
(``.output.staging-XXXX``), and swaps it with the previous folder in one step at the end:
a process killed at any point, even with SIGKILL, leaves either the previous folder or the
new one, never a mix. On Linux the swap is one ``renameat2(RENAME_EXCHANGE)`` call; where
that is missing it is two renames (previous folder aside, staging folder in its place),
and the next writer puts a previous folder left aside back if it was killed in between.
Staging folders of killed writers are removed by the next writer.

One writer at a time: once its graph is built, a writer takes an exclusive
``fcntl.flock`` on ``.output.lock`` beside the folder and holds it until the folder is
swapped in; a second writer into the same folder is refused with :class:`BusyError` (exit
code 5) when it comes to write, and changes nothing. The kernel releases the lock when
its process ends in any way (SIGKILL included), so a killed writer never leaves a stale
lock behind: the standard library does all this, no lock library is needed. (On a system
without ``fcntl`` the lock is skipped.)

For the crash tests, ``HISTKG_PAUSE_AT=STAGE`` makes a writer create the file named by
``HISTKG_PAUSE_FILE`` when it reaches ``STAGE`` and then sleep, so that a test can kill it
there: see :func:`stage`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from histkg.errors import BusyError, OutputError

#: the stages :func:`stage` knows, in the order a writer passes them
STAGES = ("built", "locked", "staged", "stored", "carried", "swapped")


def stage(name: str) -> None:
    """A named point of a writer: pause here when ``HISTKG_PAUSE_AT`` names it (tests)."""
    if os.environ.get("HISTKG_PAUSE_AT") != name:
        return
    marker = os.environ.get("HISTKG_PAUSE_FILE")
    if marker:
        Path(marker).write_text(f"{os.getpid()}\n", encoding="utf-8")
    time.sleep(float(os.environ.get("HISTKG_PAUSE_SECONDS", "120")))


def _side(out_dir: Path, what: str) -> Path:
    return out_dir.parent / f".{out_dir.name}.{what}"


def unwritable(out_dir: Path, exc: OSError) -> OutputError:
    """The one-line error of a folder that cannot be written, naming a file in the way."""
    reason = exc.strerror or type(exc).__name__
    for folder in out_dir.parents:  # a file where a folder should be
        if folder.exists():
            if not folder.is_dir():
                reason = f"{folder} is a file, not a folder"
            break
    return OutputError(
        f"{out_dir}: cannot write here ({reason}); choose another --out folder,"
        " or check its permissions and free space"
    )


def check_folder(out_dir: Path) -> None:
    """Raises OutputError when ``out_dir`` exists and is not a folder."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(
            f"{out_dir}: exists and is not a folder; choose another --out folder"
            " or move the file away"
        )


@contextlib.contextmanager
def writer_lock(out_dir: Path, command: str = "histkg") -> Iterator[None]:
    """Hold the lock of ``out_dir`` (``.NAME.lock`` beside it) while the block runs.

    Raises:
        BusyError: another process holds it (a build or publish into the same folder).
        OutputError: ``out_dir`` is a file, or the lock cannot be created.
    """
    check_folder(out_dir)
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    lock = _side(out_dir, "lock")
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock, "a+b")
    except OSError as exc:
        raise unwritable(out_dir, exc) from None
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BusyError(
                f"{out_dir}: another histkg build or publish is writing this folder (it holds"
                f" {lock}); wait for it to finish, or choose another --out folder"
            ) from None
        recover(out_dir)
        stage("locked")
        yield
    finally:
        handle.close()  # closing the file releases the lock


def recover(out_dir: Path) -> None:
    """Undo what a killed writer left: a previous folder set aside but not put back, and
    staging folders. Call it holding the lock."""
    parent = out_dir.parent
    if not parent.is_dir():
        return
    aside = sorted(parent.glob(f".{out_dir.name}.old-*"))
    if not out_dir.exists() and aside:  # killed between the two renames: put it back
        with contextlib.suppress(OSError):
            aside[-1].rename(out_dir)
    for leftover in [
        *parent.glob(f".{out_dir.name}.staging-*"),
        *parent.glob(f".{out_dir.name}.old-*"),
    ]:
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def new_staging(out_dir: Path) -> Path:
    """A fresh, empty staging folder beside ``out_dir`` (on the same file system)."""
    check_folder(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))
        staging.chmod(0o755)
    except OSError as exc:
        raise unwritable(out_dir, exc) from None
    return staging


def write_files(staging: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` (relative path -> bytes) under ``staging``."""
    for name, data in files.items():
        target = staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def carry_over(out_dir: Path, staging: Path) -> None:
    """Copy into ``staging`` what ``out_dir`` holds that the writer does not make (a site
    beside the graph files, a store it did not rebuild): hard links where the file
    system allows, copies elsewhere; the previous folder itself is not touched."""
    if not out_dir.is_dir():
        return

    def link(src: str, dst: str) -> object:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)
        return dst

    for entry in sorted(out_dir.iterdir()):
        target = staging / entry.name
        if target.exists() or target.is_symlink() or entry.name.endswith(".lock"):
            continue
        if ".staging-" in entry.name or ".old-" in entry.name:
            continue  # a nested writer's leftovers
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, target, symlinks=True, copy_function=link)
        elif entry.is_symlink():
            target.symlink_to(os.readlink(entry))
        else:
            link(str(entry), str(target))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2`` with ``RENAME_EXCHANGE``); False
    where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if done == 0:
        return True
    errno = ctypes.get_errno()
    if errno in {38, 22, 95}:  # ENOSYS, EINVAL, EOPNOTSUPP: not on this kernel or file system
        return False
    raise OSError(errno, os.strerror(errno), str(b))


def swap_in(staging: Path, out_dir: Path) -> None:
    """Put ``staging`` in the place of ``out_dir`` in one step and remove the previous
    folder. Call it holding the lock.

    Raises:
        OutputError: the folder cannot be replaced; the previous one is left in place.
    """
    try:
        if out_dir.is_dir() and _exchange(staging, out_dir):
            stage("swapped")
            shutil.rmtree(staging, ignore_errors=True)  # now the previous folder
            return
        aside = _side(out_dir, f"old-{os.getpid()}")
        moved = out_dir.exists()
        if moved:
            out_dir.rename(aside)
        try:
            staging.rename(out_dir)
        except OSError:
            if moved:  # put the previous folder back
                aside.rename(out_dir)
            raise
        stage("swapped")
        if moved:
            shutil.rmtree(aside, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise unwritable(out_dir, exc) from None
