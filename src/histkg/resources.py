"""Paths of the ontology and shapes shipped with histkg."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a packaged file (``ontology/histkg.ttl``, ``shapes/histkg-shapes.ttl`` …)."""
    ref = resources.files("histkg")
    for part in parts:
        ref = ref.joinpath(part)
    return Path(str(ref))


def ontology_path() -> Path:
    return resource_path("ontology", "histkg.ttl")


def context_path() -> Path:
    return resource_path("ontology", "context.jsonld")


def shapes_dir() -> Path:
    return resource_path("shapes")
