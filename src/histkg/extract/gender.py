"""Whether a person named in the text is a man or a woman, as far as the text says.

Used only as a veto: a pronoun never refers to someone of the other gender ("A was
defeated by B, and he succeeded her": "he" is not A when A is a woman). The gender comes
from a title before the name ("Queen", "Mrs") or from the given name, looked up in
``gender_guesser``'s lexicon of about 40,000 first names (Jörg Michael's ``gender.c``
data); only its firm answers count, never "mostly" or "androgynous". Nothing is stated
about anyone's gender in the graph.
"""

from __future__ import annotations

import re
from functools import cache

from histkg.extract.rules import words

#: the word just before a name, stripped of its full stop ("Mrs. A", "Queen A")
_TITLE_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")


def person_gender(name: str, text_before: str) -> str | None:
    """ "m", "f" or None (not known) for a person called ``name`` whose mention follows
    ``text_before``."""
    title = _TITLE_BEFORE.search(text_before[-20:])
    if title is not None:
        word = title.group(1).lower()
        if word in words("female_titles"):
            return "f"
        if word in words("male_titles"):
            return "m"
    given = name.split()[0] if name.split() else ""
    return _given_name_gender(given) if len(given) > 1 and given[0].isupper() else None


@cache
def _given_name_gender(given: str) -> str | None:
    return {"male": "m", "female": "f"}.get(_detector().get_gender(given.rstrip(".")))


@cache
def _detector():  # type: ignore[no-untyped-def]
    import gender_guesser.detector as detector  # type: ignore[import-untyped]

    return detector.Detector(case_sensitive=False)
