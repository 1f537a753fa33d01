"""What the readers look up token by token, read once per parsed ``Doc`` into plain lists.

A spaCy ``Token`` is a new Python object each time ``doc[i]`` or ``for t in doc`` makes
one; the readers walk every block several times (names, coordinations, rule triggers).
:func:`doc_table` reads each block's words and attributes once, as arrays, and keeps them
while the ``Doc`` lives. :func:`sentence_doc` copies a sentence into a ``Doc`` of its own
for a ``DependencyMatcher`` from those arrays, instead of ``Span.as_doc`` (which reads the
whole block again for each of its sentences).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any
from weakref import WeakKeyDictionary

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, MORPH, ORTH, POS, SPACY, TAG
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

#: what a sentence's copy keeps: all a DependencyMatcher's patterns and relations read
#: (words come from the text; no entities, vectors or user data: the patterns read none)
COPIED = (TAG, POS, MORPH, LEMMA, DEP, HEAD)


@dataclass(frozen=True)
class DocTable:
    """One parsed block, token by token: ``texts[i]`` is ``doc[i].text`` and so on."""

    texts: list[str]
    spaces: list[bool]
    idx: list[int]  # ``Token.idx``: where each word begins in the block's text
    lowers: list[int]  # hashes of the lower-cased forms (``Token.lower``)
    pos: list[str]  # ``Token.pos_``
    tags: list[int]  # ``Token.tag`` (the hash of ``tag_``)
    deps: list[int]  # ``Token.dep`` (the hash of ``dep_``)
    copied: Any  # numpy array of :data:`COPIED`, one row per token
    heads: Any  # numpy array: the index of each token's head


@cache
def label_hashes(strings: StringStore, labels: tuple[str, ...]) -> frozenset[int]:
    """The hashes of ``labels`` (``Token.dep`` or ``Token.tag`` values) in ``strings``."""
    return frozenset(strings.add(label) for label in labels)


_TABLES: WeakKeyDictionary[Doc, DocTable] = WeakKeyDictionary()


def doc_table(doc: Doc) -> DocTable:
    """The table of ``doc``, read on first use (the parse must not change afterwards)."""
    found = _TABLES.get(doc)
    if found is None:
        strings = doc.vocab.strings
        orth, space, lower, pos, idx = doc.to_array([ORTH, SPACY, LOWER, POS, IDX]).T.tolist()
        copied = doc.to_array(list(COPIED))
        offsets = copied[:, COPIED.index(HEAD)].astype(numpy.int64)
        pos_names = {p: strings[p] for p in set(pos)}
        found = DocTable(
            texts=[strings[h] for h in orth],
            spaces=[bool(n) for n in space],
            idx=idx,
            lowers=lower,
            pos=[pos_names[p] for p in pos],
            tags=copied[:, COPIED.index(TAG)].tolist(),
            deps=copied[:, COPIED.index(DEP)].tolist(),
            copied=copied,
            heads=numpy.arange(len(doc), dtype=numpy.int64) + offsets,
        )
        _TABLES[doc] = found
    return found


def sentence_doc(sent: Span) -> Doc:
    """A copy of ``sent`` as a ``Doc``, parsed as it is in its block; the same as
    ``sent.as_doc()`` for matching, read from the block's table. A sentence with a token
    whose head lies outside it (which ``as_doc`` re-attaches) is copied by ``as_doc``."""
    table = doc_table(sent.doc)
    start, end = sent.start, sent.end
    heads = table.heads[start:end]
    if len(heads) and (heads.min() < start or heads.max() >= end):
        return sent.as_doc()
    doc = Doc(sent.doc.vocab, words=table.texts[start:end], spaces=table.spaces[start:end])
    doc.from_array(list(COPIED), table.copied[start:end].copy())
    return doc
