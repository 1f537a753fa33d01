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
EXIT_INPUT = 2  # a wrong input, output path or argument; nothing was changed
EXIT_STORE = 3  # a store, endpoint or server that cannot be written, reached or started
EXIT_INTERNAL = 4  # a bug in histkg: run again with --debug and report the traceback
EXIT_BUSY = 5  # another build or publish is writing the same --out folder; nothing was changed
EXIT_INTERRUPTED = 130  # stopped with Ctrl-C (128 + SIGINT); outputs are left as they were


class KGError(Exception):
    """Base class of every error histkg raises on purpose.

    Its text is the whole message a user reads: one line naming the file or value, what
    is wrong and what to do.
    """

    exit_code = EXIT_INPUT

    def one_line(self) -> str:
        """The message on one line (a library's multi-line reason joined with '; ')."""
        return one_line(str(self))


def one_line(text: str, limit: int = 300) -> str:
    """``text`` on one line, at most ``limit`` characters."""
    joined = "; ".join(part.strip() for part in text.splitlines() if part.strip())
    return joined if len(joined) <= limit else joined[: limit - 3] + "..."


def parser_reason(exc: BaseException) -> tuple[str, int | None]:
    """A parser's reason for failing, on one line, and the line it names (if any).

    Knows rdflib's Turtle/TriG ``BadSyntax`` (whose text spans several lines and puts
    the reason on the second), ``UnicodeDecodeError`` and errors with a ``lineno``.
    """
    if isinstance(exc, UnicodeDecodeError):  # the object is a parser's chunk: no line
        bad = exc.object[exc.start : exc.start + 1]
        byte = f"byte 0x{bad[0]:02x}" if isinstance(bad, bytes) and bad else "a byte"
        return f"{byte} is not UTF-8; re-save the file as UTF-8", None
    why = getattr(exc, "_why", None)
    lines = getattr(exc, "lines", None)
    if isinstance(why, str) and isinstance(lines, int):
        return why, lines + 1
    lineno = getattr(exc, "lineno", None)
    return one_line(str(exc) or type(exc).__name__, 160), lineno if isinstance(
        lineno, int
    ) else None


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


class OutputError(KGError):
    """An output folder or file cannot be written (a file in the way, no permission, no
    space); whatever was there before is left as it was."""


class RefusedError(KGError):
    """A build would replace a graph with one that has far fewer facts; ``--force`` writes it."""


class QueryError(KGError):
    """A SPARQL query cannot be parsed or run."""


class StoreError(KGError):
    """A triple store cannot be written, opened or reached, or a server cannot start."""

    exit_code = EXIT_STORE


class BusyError(KGError):
    """Another histkg process is writing the same output folder (it holds its lock)."""

    exit_code = EXIT_BUSY


@dataclass(frozen=True, order=True)
class CodedWarning:
    """A coded warning: something was seen but not turned into a fact.

    Codes: ``W101`` unknown infobox key, ``W102`` infobox value left unparsed,
    ``W201`` relative date left unresolved, ``W202`` an infobox date that does not exist
    (31 February, a range that ends before it starts) or is not understood, left out whole,
    ``W301`` reference not parsed, ``W401`` facts from two documents disagree, ``W402`` a
    death left out because the person is said to live on after it,
    ``W501`` an event the text does not state as a fact (negated, alleged, attempted,
    hypothetical) left out, ``W502`` a story (a plot section, an article about a novel or
    a film) whose events and tenures are not read, ``W601`` a name the model read as a
    person that is not one,
    ``W701`` a document with prose but no tenure and no event, ``W802`` a wikitext template
    that never closes (the rest of its line is left out), ``W803`` pages of an XML dump
    skipped (redirects, other namespaces, no text: counted), ``W804`` an XML dump that breaks
    off (truncated ``.bz2``, malformed XML, the size limit): the pages before it are read,
    ``W805`` a dump of a wiki in another language than English, ``W806`` a person or
    organization linked to two different articles (no ``sameAs`` made), ``W807`` a
    paragraph too long for the language model, read in pieces, ``W808`` a document larger
    than ``--max-document-bytes``, skipped, ``W809`` an extraction cache entry that is
    corrupt or foreign, ignored and replaced, ``W810`` a SHACL results cache entry (or file)
    that is corrupt or foreign, ignored and replaced, ``W811`` a TriG block cache entry (or
    file) that is corrupt or foreign, ignored and replaced, ``W901`` a warning
    of a library histkg uses, passed on.
    """

    code: str
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"
