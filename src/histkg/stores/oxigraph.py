"""The embedded store: an on-disk Oxigraph database kept beside the dumps.

``output/store/`` holds every document's named graph plus the merged graph as the
default graph (set semantics, as the Turtle/N-Triples dumps). ``store.source`` inside
the store's folder records which graph file and bytes it was built from, so a query
rebuilds it only when the graph changed; it is written into the new store before the
store is moved into place, so a store and its record are replaced together. (Oxigraph
leaves files of names it does not use alone.)
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
    """The graph file's name and the sha256 of its bytes."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(path, f"cannot read ({exc.strerror}); check its permissions") from None
    return f"{path.name} {hashlib.sha256(data).hexdigest()}\n"


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


def _reason(directory: Path, exc: OSError) -> str:
    """Why ``directory`` cannot be written: a file in the way, or the system's reason."""
    for folder in directory.parents:
        if folder.exists():
            if not folder.is_dir():
                return f"{folder} is a file, not a folder"
            break
    return exc.strerror or str(exc)


def write_store(graph_file: Path, directory: Path) -> Path:
    """(Re)build the store in ``directory`` from ``graph_file``, replacing it atomically.

    Raises:
        SourceError: ``graph_file`` is missing or cannot be parsed.
        StoreError: ``directory`` cannot be written.
    """
    if not graph_file.is_file():
        raise SourceError(graph_file, "no such graph file; run 'histkg build' first")
    if directory.exists() and not directory.is_dir():
        raise StoreError(f"{directory}: exists and is not a folder; choose another store folder")
    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}-", dir=directory.parent))
    except OSError as exc:
        raise StoreError(
            f"{directory}: cannot write the store ({_reason(directory, exc)}); choose another"
            " folder, or check its permissions and free space"
        ) from None
    try:
        store = ox.Store(str(staging / "db"))
        _load(store, graph_file)
        del store
        (staging / "db" / SOURCE_FILE).write_text(fingerprint(graph_file), encoding="utf-8")
        if directory.exists():
            shutil.rmtree(directory)
        (staging / "db").rename(directory)
    except OSError as exc:
        raise StoreError(
            f"{directory}: cannot write the store ({_reason(directory, exc)}); choose another"
            " folder, or check its permissions and free space"
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
    source = directory / SOURCE_FILE
    try:
        current = source.read_text(encoding="utf-8") if source.is_file() else ""
        fresh = directory.is_dir() and current == fingerprint(graph_file)
    except (OSError, UnicodeDecodeError):
        fresh = False
    if not fresh:
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
