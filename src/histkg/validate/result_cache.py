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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rdflib.term import Node

from histkg.entry_file import EntryFile, entry_bytes
from histkg.validate.results import Result, decode

#: the layout of an entry; raised when it changes, so older entries are not read
FORMAT = "histkg-shacl-results/1"
#: the file, in the cache folder
FILE = "shacl-results.sqlite3"


@dataclass
class ResultCache(EntryFile):
    """Entries in ``folder``; ``hits``, ``misses`` and ``warnings`` of this build."""

    FILE: ClassVar[str] = FILE
    TABLE: ClassVar[str] = "results"
    CODE: ClassVar[str] = "W810"
    WHAT: ClassVar[str] = "SHACL results cache"
    KIND: ClassVar[str] = "results cache"
    WITHOUT_FILE: ClassVar[str] = "every node is validated"
    WITHOUT_ENTRY: ClassVar[str] = "the node is validated again and the entry replaced"

    def get(self, keys: Sequence[str], shapes: Mapping[str, Node]) -> dict[str, list[Result]]:
        """The results of each key found (``shapes``: the blank nodes of the shapes by
        name); a bad entry is left out with ``W810``."""
        found: dict[str, list[Result]] = {}
        for key, raw in self._read(keys):
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
        """Write ``entries`` (key -> encoded results) in one transaction."""
        self._write(
            (key, entry_bytes({"format": FORMAT, "key": key, "results": results}))
            for key, results in sorted(entries.items())
        )
