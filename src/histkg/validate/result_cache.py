"""The SHACL results of each focus node, kept between builds by the node's key.

The entries live beside the extraction cache (``--cache-dir``, else ``$HISTKG_CACHE_DIR``,
else ``$XDG_CACHE_HOME/histkg``, else ``~/.cache/histkg``), in one SQLite file,
``shacl-results.sqlite3``: a build looks up one entry per focus node (a hundred thousand
at a million triples), which one file per entry would make slow. Each entry is JSON naming
its format and its key, with the node's results (``validate/results.py``); it is written
in one transaction with the others of a build.

An entry that is not JSON, names another key or format, or whose results do not have
their shape is ignored with ``W810`` (counted), and the node validated again and its entry
replaced; a file that is not such a SQLite file is ignored with ``W810`` and replaced. An
entry is never trusted: only its results are read, and only as terms.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib.term import Node

from histkg.errors import CodedWarning
from histkg.validate.results import Result, decode

#: the layout of an entry; raised when it changes, so older entries are not read
FORMAT = "histkg-shacl-results/1"
#: the file, in the cache folder
FILE = "shacl-results.sqlite3"
#: keys asked of SQLite in one query (its limit on parameters is 32,766 or more)
CHUNK = 500
#: seconds to wait for another build that writes the file
TIMEOUT = 30.0
SCHEMA = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, entry BLOB NOT NULL)"


@dataclass
class ResultCache:
    """Entries in ``folder``; ``hits``, ``misses`` and ``warnings`` of this build."""

    folder: Path
    hits: int = 0
    misses: int = 0
    warnings: list[CodedWarning] = field(default_factory=list)
    _replace: bool = False  # the file is not ours: written anew

    @property
    def path(self) -> Path:
        return self.folder / FILE

    def get(self, keys: Sequence[str], shapes: Mapping[str, Node]) -> dict[str, list[Result]]:
        """The results of each key found (``shapes``: the blank nodes of the shapes by
        name); a bad entry is left out with ``W810``."""
        rows: list[tuple[Any, Any]] = []
        if self.path.is_file():
            try:
                with closing(sqlite3.connect(self.path, timeout=TIMEOUT)) as db:
                    for start in range(0, len(keys), CHUNK):
                        chunk = keys[start : start + CHUNK]
                        marks = ",".join("?" * len(chunk))
                        query = f"SELECT key, entry FROM results WHERE key IN ({marks})"
                        rows.extend(db.execute(query, chunk).fetchall())
            except sqlite3.Error as exc:
                self._unusable(exc)
                rows = []
        found: dict[str, list[Result]] = {}
        for key, raw in rows:
            try:
                found[key] = self._decode(key, raw, shapes)
            except (ValueError, TypeError, KeyError, RecursionError) as exc:
                self._ignore(str(exc))
        self.hits = len(found)
        self.misses = len(set(keys)) - len(found)
        return found

    def _decode(self, key: Any, raw: Any, shapes: Mapping[str, Node]) -> list[Result]:
        if not isinstance(raw, bytes):
            raise ValueError("an entry that is not bytes")
        entry = json.loads(raw.decode("utf-8"))
        if not isinstance(entry, dict) or set(entry) != {"format", "key", "results"}:
            raise ValueError("not an entry of the results cache")
        if entry["format"] != FORMAT:
            raise ValueError(f"not a {FORMAT} entry")
        if entry["key"] != key:
            raise ValueError("an entry of another key")
        results = entry["results"]
        if not isinstance(results, list):
            raise ValueError("results that are not a list")
        return [decode(result, shapes) for result in results]

    def put(self, entries: Mapping[str, list[Any]]) -> None:
        """Write ``entries`` (key -> encoded results) in one transaction (a folder or file
        that cannot be written is left alone: the cache only saves time)."""
        if not entries:
            return
        rows = [
            (
                key,
                json.dumps(
                    {"format": FORMAT, "key": key, "results": results},
                    ensure_ascii=False,
                    separators=(",", ":"),
                ).encode("utf-8"),
            )
            for key, results in sorted(entries.items())
        ]
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if self._replace:
                self.path.unlink(missing_ok=True)
            with closing(sqlite3.connect(self.path, timeout=TIMEOUT)) as db:
                with db:
                    db.execute(SCHEMA)
                    db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", rows)
        except (OSError, sqlite3.Error):
            return

    def _unusable(self, exc: sqlite3.Error) -> None:
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            why = "locked by another build for too long"
        else:
            self._replace = True
            why = f"not a results cache: {exc}"
        self.warnings.append(
            CodedWarning(
                "W810",
                str(self.path),
                1,
                f"SHACL results cache not read ({why:.120}); every node is validated",
            )
        )

    def _ignore(self, why: str) -> None:
        self.warnings.append(
            CodedWarning(
                "W810",
                str(self.path),
                1,
                f"SHACL results cache entry ignored ({why:.120}); the node is validated"
                " again and the entry replaced",
            )
        )
