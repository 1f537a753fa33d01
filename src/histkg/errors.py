"""Exceptions and coded warnings shared by every stage.

Every user-facing message names the file (and line where there is one), says what
went wrong and what to do about it, on one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: Exit codes of the command-line interface (documented in the README).
EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_INPUT = 2
EXIT_STORE = 3


class KGError(Exception):
    """Base class of every error histkg raises on purpose."""

    exit_code = EXIT_INPUT


class SourceError(KGError):
    """An input file cannot be read as an article."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class UsageError(KGError):
    """The command was called with arguments that cannot work."""


class QueryError(KGError):
    """A SPARQL query cannot be parsed or run."""


class StoreError(KGError):
    """A triple store cannot be written, opened or reached."""

    exit_code = 3


@dataclass(frozen=True, order=True)
class CodedWarning:
    """A coded warning: something was seen but not turned into a fact.

    Codes: ``W101`` unknown infobox key, ``W102`` infobox value left unparsed,
    ``W201`` relative date left unresolved, ``W202`` date phrase not understood,
    ``W301`` reference not parsed, ``W401`` facts from two documents disagree,
    ``W501`` an event the text does not state as a fact (negated, alleged, attempted,
    hypothetical) left out, ``W601`` a name the model read as a person that is not one,
    ``W701`` a document with prose but no tenure and no event.
    """

    code: str
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"
