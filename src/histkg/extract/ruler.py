"""A component that marks one article's known names and places over the model's entities.

It does what spaCy's ``EntityRuler(overwrite_ents=True)`` does with phrase patterns, with
the same entities out, but builds faster: the ruler sends every pattern through the whole
pipeline (tagger, parser, NER) to make its ``Doc``, while a phrase pattern matched on the
words' text (``ORTH``) only needs the tokenizer. An article has hundreds of patterns and
each build makes one ruler per article.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span


class PhraseRuler:
    """Phrase patterns ``(label, text)``; a match becomes an entity of that label, replacing
    any entity of the model it overlaps (the longest match first, then the earliest)."""

    def __init__(self, nlp: Language, patterns: Iterable[tuple[str, str]]) -> None:
        pairs = list(patterns)
        self.matcher = PhraseMatcher(nlp.vocab)
        docs = [nlp.make_doc(text) for _label, text in pairs]
        for (label, _text), pattern in zip(pairs, docs, strict=True):
            self.matcher.add(label, [pattern])  # one at a time, as the EntityRuler adds them
        self.size = len(pairs)

    def __len__(self) -> int:
        return self.size

    def __call__(self, doc: Doc) -> Doc:
        if not self.size:
            return doc
        # built from a list as the EntityRuler builds it: ties sort in the set's order
        matched = [(key, start, end) for key, start, end in self.matcher(doc) if start != end]
        found = set(matched)
        matches = sorted(found, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
        entities = list(doc.ents)
        new_entities = []
        seen_tokens: set[int] = set()
        for key, start, end in matches:
            if start in seen_tokens or end - 1 in seen_tokens:
                continue
            new_entities.append(Span(doc, start, end, label=key))
            entities = [e for e in entities if not (e.start < end and e.end > start)]
            seen_tokens.update(range(start, end))
        doc.ents = entities + new_entities
        return doc
