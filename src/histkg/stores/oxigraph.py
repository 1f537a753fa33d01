"""The embedded store: an on-disk Oxigraph database kept beside the dumps.

``output/store/`` holds every document's named graph plus the merged graph as the
default graph (set semantics, as the Turtle/N-Triples dumps). ``output/store.source``
records which graph file and bytes it was built from, so a query rebuilds it only when
the graph changed.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox

from histkg.errors import SourceError, StoreError

STORE_DIR = "store"
SOURCE_FILE = "store.source"

FORMATS = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ttl": ox.RdfFormat.TURTLE,
    ".jsonld": ox.RdfFormat.JSON_LD,
}

FILL_DEFAULT_GRAPH = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def fingerprint(path: Path) -> str:
    return f"{path.name} {hashlib.sha256(path.read_bytes()).hexdigest()}\n"


def _load(store: ox.Store, path: Path) -> None:
    fmt = FORMATS.get(path.suffix)
    if fmt is None:
        raise SourceError(path, "unknown RDF file ending; use .nq, .trig, .nt, .ttl or .jsonld")
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise SourceError(path, f"cannot parse: {exc.msg}", exc.lineno) from None
    if fmt in {ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG}:
        store.update(FILL_DEFAULT_GRAPH)  # the merged graph, for set semantics by default
    store.flush()


def write_store(graph_file: Path, directory: Path) -> Path:
    """(Re)build the store in ``directory`` from ``graph_file``, replacing it atomically."""
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}-", dir=directory.parent))
    try:
        store = ox.Store(str(staging / "db"))
        _load(store, graph_file)
        del store
        if directory.exists():
            shutil.rmtree(directory)
        (staging / "db").rename(directory)
        (directory.parent / SOURCE_FILE).write_text(fingerprint(graph_file), encoding="utf-8")
    except OSError as exc:
        raise StoreError(
            f"{directory}: cannot write the store ({exc}); check permissions and free space"
        ) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return directory


def store_for(graph_file: Path) -> Path:
    """The store beside ``graph_file``, rebuilt first if missing or older than the file."""
    if not graph_file.is_file():
        raise SourceError(
            graph_file, "no such graph file; run 'histkg build' first or pass --graph FILE"
        )
    directory = graph_file.parent / STORE_DIR
    source = graph_file.parent / SOURCE_FILE
    current = source.read_text(encoding="utf-8") if source.is_file() else ""
    if not directory.is_dir() or current != fingerprint(graph_file):
        write_store(graph_file, directory)
    return directory


def open_store(graph_file: Path) -> ox.Store:
    """Open the (fresh) store of ``graph_file`` read-only."""
    directory = store_for(graph_file)
    try:
        return ox.Store.read_only(str(directory))
    except OSError as exc:
        raise StoreError(
            f"{directory}: cannot open the store ({exc}); delete it and run again"
        ) from None
