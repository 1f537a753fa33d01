"""The command group and its single error path.

Every command raises :class:`~histkg.errors.KGError` (or click's usage errors) for what a
user can fix; :meth:`HistkgGroup.main` turns each into one line on stderr and the exit
code documented in :mod:`histkg.errors` and the README. Nothing prints a traceback unless
``--debug`` is given (or ``HISTKG_DEBUG=1`` is set). Warnings of the libraries histkg uses
are passed on as histkg's own coded warning ``W901``, on one line.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from histkg.errors import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    KGError,
    one_line,
)


def plural(count: int, noun: str) -> str:
    """'1 row', '2 rows', '1,107 triples'; ``noun`` is the singular."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    """Print ``histkg: error: message`` as one line and exit with ``code``."""
    click.echo(f"histkg: error: {one_line(message)}", err=True)
    sys.exit(code)


def _library(filename: str) -> str:
    """The package a warning came from ('spacy' for .../site-packages/spacy/x.py)."""
    parts = Path(filename).parts
    for marker in ("site-packages", "dist-packages"):
        if marker in parts and parts.index(marker) + 1 < len(parts):
            return Path(parts[parts.index(marker) + 1]).stem
    return Path(filename).stem or "python"


def show_library_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: Any = None,
    line: str | None = None,
) -> None:
    """Print a library's warning as histkg's coded warning W901, on one line."""
    library = _library(filename)
    text = one_line(str(message))
    click.echo(f"warning: W901 {library}: {text} (a warning of the {library} library)", err=True)


class HistkgGroup(click.Group):
    """The ``histkg`` group: one place where every failure becomes one line."""

    debug = False

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        self.debug = os.environ.get("HISTKG_DEBUG", "") not in ("", "0")
        try:
            with warnings.catch_warnings():
                warnings.showwarning = show_library_warning
                rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except SystemExit:
            raise
        except Exception as exc:
            if self.debug or not standalone_mode:
                raise
            self.report(exc)
        except KeyboardInterrupt:
            if self.debug or not standalone_mode:
                raise
            fail("interrupted; run the command again", EXIT_INTERRUPTED)
        if not standalone_mode:
            return rv
        sys.exit(rv if isinstance(rv, int) else 0)

    @staticmethod
    def report(exc: Exception) -> NoReturn:
        """One line on stderr for ``exc``, then exit with its code."""
        if isinstance(exc, click.exceptions.Abort):
            fail("interrupted; run the command again", EXIT_INTERRUPTED)
        if isinstance(exc, click.UsageError):
            message = exc.format_message().rstrip(".")
            where = exc.ctx.command_path if exc.ctx is not None else "histkg"
            fail(f"{message}; see '{where} --help'", exc.exit_code)
        if isinstance(exc, click.ClickException):
            fail(exc.format_message(), exc.exit_code)
        if isinstance(exc, KGError):
            fail(exc.one_line(), exc.exit_code)
        if isinstance(exc, OSError):  # a file operation no command foresaw
            name = exc.filename if exc.filename is not None else "histkg"
            reason = exc.strerror or type(exc).__name__
            fail(f"{name}: {reason}; check the path, its permissions and free space")
        fail(
            f"internal error ({type(exc).__name__}: {exc}); run again with --debug for the"
            " traceback and report it",
            EXIT_INTERNAL,
        )


def _set_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and isinstance(ctx.command, HistkgGroup):
        ctx.command.debug = True


@click.group(cls=HistkgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="histkg")
@click.option(
    "--debug",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_set_debug,
    help="Show the traceback of an error (also HISTKG_DEBUG=1).",
)
def main() -> None:
    """Turn encyclopedia articles on political history into a validated RDF knowledge graph.

    Errors are one line on stderr; exit codes: 0 ok, 1 SHACL violations, 2 wrong input,
    output path or argument (nothing changed), 3 store, endpoint or server error,
    4 internal error (a bug: run with --debug and report it), 130 interrupted.

    \b
    Example:
      histkg build seeds/ --out output/
      histkg query queries/timeline.rq
    """
