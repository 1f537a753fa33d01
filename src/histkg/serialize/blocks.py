"""Written TriG blocks, kept between builds by a key of their named graph's content.

A document's block of ``graph.trig`` is a function of its named graph alone (the graph's
name and triples; the prefixes and the writer's code are the same for every block), so a
rebuild in which one document changed writes one block and takes the others from here.

The key of a block is the sha256 of :data:`FORMAT`, :func:`writer_digest` (rdflib's version,
the writer's code, histkg's prefixes), the graph's name and its N-Triples rows, sorted.
The entries live beside the extraction cache in one SQLite file, :data:`FILE`; each is JSON
naming its format, key and graph, with the block and the block's sha256.

An entry is checked before its block is used: JSON of exactly those fields, its format, its
key, its graph's name, the sha256 of the block, and the block's first and last lines
(``<name> {`` and ``}``). One that fails is ignored with ``W811`` (counted), the block
written again and the entry replaced; a file that is no such database is ignored with
``W811`` and replaced. The check catches a corrupt, truncated or foreign entry; like every
cache that saves work, it cannot tell a block from one forged with a matching digest by
someone who can write the cache folder.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, ClassVar

from histkg.entry_file import EntryFile, entry_bytes
from histkg.vocab import PREFIXES

#: the layout of an entry and its key; raised when either changes
FORMAT = "histkg-trig-block/1"
#: the file, in the cache folder
FILE = "trig-blocks.sqlite3"
#: the code that writes a block, relative to this folder
WRITER_FILES = ("named.py", "turtle.py")
FIELDS = {"format", "key", "graph", "sha256", "block"}


@cache
def writer_digest() -> str:
    """The sha256 of what besides a graph shapes its block."""
    digest = hashlib.sha256(f"{FORMAT}\nrdflib={metadata.version('rdflib')}\n".encode())
    for name in WRITER_FILES:
        digest.update(hashlib.sha256((Path(__file__).parent / name).read_bytes()).digest())
    digest.update(json.dumps(sorted((p, str(n)) for p, n in PREFIXES.items())).encode())
    return digest.hexdigest()


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class BlockCache(EntryFile):
    """Entries in ``folder``; ``hits``, ``misses`` and ``warnings`` of this build."""

    FILE: ClassVar[str] = FILE
    TABLE: ClassVar[str] = "blocks"
    CODE: ClassVar[str] = "W811"
    WHAT: ClassVar[str] = "TriG block cache"
    KIND: ClassVar[str] = "block cache"
    WITHOUT_FILE: ClassVar[str] = "every block is written"
    WITHOUT_ENTRY: ClassVar[str] = "the block is written again and the entry replaced"

    def key(self, graph_name: str, rows: list[str]) -> str:
        """The key of the block of the graph ``graph_name`` whose rows are ``rows``."""
        text = "\n".join([writer_digest(), graph_name, *sorted(rows)])
        return _sha256(text)

    def get(self, keys: Mapping[str, str]) -> dict[str, str]:
        """The block of each graph (``keys``: graph name -> key) found and sound; an entry
        that is not is left out with ``W811``."""
        wanted = {key: name for name, key in keys.items()}
        found: dict[str, str] = {}
        for key, raw in self._read(sorted(wanted)):
            name = wanted.get(key)
            if name is None:
                continue
            try:
                found[name] = self._decode(key, name, raw)
            except (ValueError, TypeError, UnicodeDecodeError, RecursionError) as exc:
                self._ignore(str(exc))
        self.hits = len(found)
        self.misses = len(wanted) - len(found)
        return found

    def _decode(self, key: str, name: str, raw: Any) -> str:
        if not isinstance(raw, bytes):
            raise ValueError("an entry that is not bytes")
        entry = json.loads(raw.decode("utf-8"))
        if not isinstance(entry, dict) or set(entry) != FIELDS:
            raise ValueError("not an entry of the TriG block cache")
        if entry["format"] != FORMAT:
            raise ValueError(f"not a {FORMAT} entry")
        if entry["key"] != key or entry["graph"] != name:
            raise ValueError("an entry of another key")
        block = entry["block"]
        if not isinstance(block, str) or entry["sha256"] != _sha256(block):
            raise ValueError("a block that does not match its digest")
        if not (block.startswith(f"\n<{name}> {{\n") and block.endswith("\n}\n")):
            raise ValueError("not a TriG block of its graph")
        return block

    def put(self, entries: Mapping[str, tuple[str, str]]) -> None:
        """Write ``entries`` (key -> graph name and block) in one transaction."""
        self._write(
            (
                key,
                entry_bytes(
                    {
                        "format": FORMAT,
                        "key": key,
                        "graph": name,
                        "sha256": _sha256(block),
                        "block": block,
                    }
                ),
            )
            for key, (name, block) in sorted(entries.items())
        )
