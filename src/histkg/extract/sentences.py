"""A spaCy component that keeps initials inside their sentence.

The model ends a sentence after "Yu." or "K." in "Yu. B. Novak and K. L. Vrba were
sentenced"; the sentence then loses its verb or its subjects. Before the parser runs,
a token that follows an initial and is itself an initial or a proper noun is marked as
not starting a sentence (the parser keeps such marks).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

INITIAL_RE = re.compile(r"^(?:[A-Z][a-z]?\.)+$")  # "F.", "V.I.", "Ya."
SHORT_RE = re.compile(r"^[A-Z][a-z]?$")  # "Ya" before a "." the tokenizer split off
NAME_TAGS = frozenset({"NNP", "NNPS"})
#: abbreviations that end sentences often and are no one's initials
NOT_INITIALS = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "U.S.S.R.", "D.C.", "A.D.", "B.C."})
COMPONENT = "histkg_initials"


def _is_initial(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.text in NOT_INITIALS:
        return False
    if INITIAL_RE.match(token.text):
        return True
    return (
        token.text == "."
        and i > 0
        and SHORT_RE.match(doc[i - 1].text) is not None
        and not doc[i - 1].whitespace_
    )


@Language.component(COMPONENT)
def keep_initials(doc: Doc) -> Doc:
    """Mark names after initials as inside the sentence ("K. L. Vrba")."""
    texts = [token.text for token in doc]
    for i in range(len(doc) - 1):
        if "." not in texts[i]:  # an initial, or the full stop after one, holds a "."
            continue
        following = doc[i + 1]
        if _is_initial(doc, i) and (
            INITIAL_RE.match(following.text) or following.tag_ in NAME_TAGS
        ):
            following.is_sent_start = False
    return doc


def add_to(nlp: Language) -> None:
    """Put the component before the parser (once)."""
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
