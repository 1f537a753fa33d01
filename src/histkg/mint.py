"""The only place that makes IRIs: ``{base}{kind}/{slug}``, stable across runs.

>>> slugify("Anna Berg")
'anna-berg'
>>> slugify("Coup d'état in Ñuñoa")
'coup-d-etat-in-nunoa'
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from urllib.parse import quote

from histkg.model import Ref

DEFAULT_BASE = "https://w3id.org/histkg/id/"

#: Path segment of each kind of thing.
KIND_PATHS = {
    "person": "person",
    "org": "organization",
    "place": "place",
    "office": "office",
    "tenure": "tenure",
    "event": "event",
    "document": "document",
    "span": "span",
    "work": "cited-work",
}


def slugify(text: str, max_words: int = 12) -> str:
    """Lower-case ASCII words joined by hyphens; other scripts kept, percent-encoded."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = unicodedata.normalize("NFC", folded).lower()
    words = re.findall(r"\w+", folded)
    slug = "-".join(words[:max_words]) or "x"
    return quote(slug, safe="-")


def mint(refs: set[Ref], names: dict[Ref, str], base: str = DEFAULT_BASE) -> dict[Ref, str]:
    """Give every ref an IRI; equal slugs of different refs get ``-2``, ``-3`` in key order."""
    by_slug: dict[str, list[Ref]] = defaultdict(list)
    for ref in sorted(refs):
        name = names.get(ref, ref.key)
        max_words = 40 if ref.kind == "span" else 12
        by_slug[f"{KIND_PATHS[ref.kind]}/{slugify(name, max_words)}"].append(ref)
    iris: dict[Ref, str] = {}
    for path, group in by_slug.items():
        for i, ref in enumerate(group):
            iris[ref] = f"{base}{path}" + (f"-{i + 1}" if i else "")
    return iris
