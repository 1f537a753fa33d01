"""One SQLite file of cache entries, key -> JSON bytes, shared by the caches that keep
many small entries between builds (the SHACL results by focus node, the TriG blocks by
named graph): one file, not one per entry, because a build looks up thousands at once.

A subclass names its file, table, warning code and what is done instead when the file or
an entry cannot be used; it decodes and checks its own entries. Reading asks for keys in
chunks; writing is one transaction; a file that is not such a database is ignored with the
subclass's warning and written anew; a folder or file that cannot be written is left alone
(a cache only saves time).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from histkg.errors import CodedWarning

#: keys asked of SQLite in one query (its limit on parameters is 32,766 or more)
CHUNK = 500
#: seconds to wait for another build that writes the file
TIMEOUT = 30.0


def entry_bytes(entry: dict[str, Any]) -> bytes:
    """An entry as stored: compact JSON, UTF-8."""
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass
class EntryFile:
    """Entries in ``folder``; ``hits``, ``misses`` and ``warnings`` of this build."""

    #: the file in the cache folder, its table, the warning code
    FILE: ClassVar[str]
    TABLE: ClassVar[str]
    CODE: ClassVar[str]
    #: "SHACL results cache", "results cache"; what happens without the file; without one
    #: entry
    WHAT: ClassVar[str]
    KIND: ClassVar[str]
    WITHOUT_FILE: ClassVar[str]
    WITHOUT_ENTRY: ClassVar[str]

    folder: Path
    hits: int = 0
    misses: int = 0
    warnings: list[CodedWarning] = field(default_factory=list)
    _replace: bool = False  # the file is not ours: written anew

    @property
    def path(self) -> Path:
        return self.folder / self.FILE

    def _read(self, keys: Sequence[str]) -> list[tuple[Any, Any]]:
        """The (key, entry) rows stored for ``keys``; none, with a warning, when the file
        cannot be read."""
        rows: list[tuple[Any, Any]] = []
        if not keys or not self.path.is_file():
            return rows
        try:
            with closing(sqlite3.connect(self.path, timeout=TIMEOUT)) as db:
                for start in range(0, len(keys), CHUNK):
                    chunk = keys[start : start + CHUNK]
                    marks = ",".join("?" * len(chunk))
                    query = f"SELECT key, entry FROM {self.TABLE} WHERE key IN ({marks})"
                    rows.extend(db.execute(query, chunk).fetchall())
        except sqlite3.Error as exc:
            self._unusable(exc)
            return []
        return rows

    def _write(self, rows: Iterable[tuple[str, bytes]]) -> None:
        """Store ``rows`` (key, entry bytes) in one transaction."""
        rows = list(rows)
        if not rows:
            return
        schema = (
            f"CREATE TABLE IF NOT EXISTS {self.TABLE} (key TEXT PRIMARY KEY, entry BLOB NOT NULL)"
        )
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if self._replace:
                self.path.unlink(missing_ok=True)
            with closing(sqlite3.connect(self.path, timeout=TIMEOUT)) as db:
                with db:
                    db.execute(schema)
                    db.executemany(f"INSERT OR REPLACE INTO {self.TABLE} VALUES (?, ?)", rows)
        except (OSError, sqlite3.Error):
            return

    def _unusable(self, exc: sqlite3.Error) -> None:
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            why = "locked by another build for too long"
        else:
            self._replace = True
            why = f"not a {self.KIND}: {exc}"
        message = f"{self.WHAT} not read ({why:.120}); {self.WITHOUT_FILE}"
        self.warnings.append(CodedWarning(self.CODE, str(self.path), 1, message))

    def _ignore(self, why: str) -> None:
        message = f"{self.WHAT} entry ignored ({why:.120}); {self.WITHOUT_ENTRY}"
        self.warnings.append(CodedWarning(self.CODE, str(self.path), 1, message))
