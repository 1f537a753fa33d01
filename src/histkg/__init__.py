"""histkg: encyclopedia articles on political history -> a validated RDF knowledge graph.

Library use::

    from pathlib import Path
    from histkg import build, render, write_outputs

    result = build([Path("seeds")])          # read, extract, resolve, assemble, validate
    print(result.stats, result.report.conforms)
    write_outputs(render(result), Path("output"))
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from histkg.pipeline import BuildResult, build, render, write_outputs
from histkg.validate import Report, validate

try:
    __version__ = version("histkg")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = ["BuildResult", "Report", "__version__", "build", "render", "validate", "write_outputs"]
