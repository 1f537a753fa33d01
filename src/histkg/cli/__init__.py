"""Command-line interface: a thin skin over :mod:`histkg`'s library API.

``app`` holds the ``histkg`` group and its single error path (one line on stderr, the
documented exit code, no traceback unless ``--debug``); the commands live in ``build``
(build, publish), ``graph`` (validate, query, load, serve) and ``evaluate``.
"""

from __future__ import annotations

from histkg.cli import build, evaluate, graph
from histkg.cli.app import main

__all__ = ["build", "evaluate", "graph", "main"]

if __name__ == "__main__":  # pragma: no cover
    main()
