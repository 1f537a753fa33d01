"""histkg: encyclopedia articles on political history -> a validated RDF knowledge graph.

Library use::

    from pathlib import Path
    from histkg import build, render, write_outputs

    result = build([Path("seeds")])          # read, extract, resolve, assemble, validate
    print(result.stats, result.report.conforms)
    write_outputs(render(result), Path("output"))

The names are imported lazily, so ``histkg query`` starts without loading spaCy.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from histkg.pipeline import BuildResult, build, render, write_outputs
    from histkg.validate import Report, validate

try:
    __version__ = version("histkg")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = ["BuildResult", "Report", "__version__", "build", "render", "validate", "write_outputs"]

_LAZY = {
    "BuildResult": "histkg.pipeline",
    "build": "histkg.pipeline",
    "render": "histkg.pipeline",
    "write_outputs": "histkg.pipeline",
    "Report": "histkg.validate",
    "validate": "histkg.validate",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'histkg' has no attribute {name!r}")
