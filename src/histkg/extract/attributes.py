"""The model's attribute ruler (part of speech, morphology and a few lemmas from the tags),
applied without its token ``Matcher``.

The ruler's patterns are single words, or two, tested on a word's tag, lower-cased form,
dependency label and whether it is space, each by a value, a list (``IN``, ``NOT_IN``)
or a regular expression. :class:`FastAttributes` finds the same matches by looking the
words up, then sets the same attributes in the same order as the ruler (later patterns
win), with spaCy's own setter; the ruler's ``Matcher`` took about a tenth of the model's
time. A model whose ruler holds patterns of another kind keeps its ruler.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

RULER = "attribute_ruler"
COMPONENT = "histkg_attributes"
#: what a pattern may test, and the column of :meth:`FastAttributes.__call__` it reads
COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}

Test = Callable[[Any], bool]


def _test(value: Any) -> Test | None:
    """A test of one attribute's value as the ``Matcher`` makes it; None: not supported."""
    if isinstance(value, bool):
        return lambda found: bool(found) is value
    if isinstance(value, str):
        return lambda found: bool(found == value)
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), *_ = value.items()
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(arg)
            return lambda found: found in allowed
        if op == "NOT_IN" and isinstance(arg, list):
            barred = frozenset(arg)
            return lambda found: found not in barred
        if op == "REGEX" and isinstance(arg, str):
            regex = re.compile(arg)
            return lambda found: regex.search(found) is not None
    return None


def _keys(spec: dict[str, Any]) -> tuple[int, list[Any]] | None:
    """The column and the values a word must have there to match ``spec`` (the most
    selective test that fixes them); None when no test fixes one."""
    for key in ("LOWER", "TAG", "DEP"):
        value = spec.get(key)
        if isinstance(value, str):
            return COLUMNS[key], [value]
        if isinstance(value, dict) and list(value) == ["IN"]:
            return COLUMNS[key], list(value["IN"])
    if isinstance(spec.get("IS_SPACE"), bool):
        return COLUMNS["IS_SPACE"], [int(spec["IS_SPACE"])]
    return None


class FastAttributes:
    """The attribute ruler ``ruler`` of a model, as a component (see the module's text)."""

    def __init__(self, ruler: Any) -> None:
        self.attrs = ruler.attrs
        self.indices = ruler.indices
        #: (attribute set id, tests of each word: (column, test) pairs)
        self.rules: list[tuple[int, list[list[tuple[int, Test]]]]] = []
        firsts: list[dict[str, Any]] = []
        for attr_id, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                words = []
                for spec in pattern:
                    tests = []
                    for key, value in spec.items():
                        test = _test(value)
                        if key not in COLUMNS or test is None:
                            raise ValueError(f"attribute ruler pattern not supported: {spec}")
                        tests.append((COLUMNS[key], test))
                    words.append(tests)
                if not words:
                    raise ValueError("empty attribute ruler pattern")
                firsts.append(pattern[0])
                self.rules.append((attr_id, words))
        #: the rules to try at a word, by the value its first word must have in one
        #: column (see :func:`_keys`); the rest are tried at every word
        self.by_value: list[dict[Any, list[int]]] = [{} for _ in COLUMNS]
        self.anywhere: list[int] = []
        self.alone: set[int] = set()  # found by their one test alone
        for i, first in enumerate(firsts):
            keys = _keys(first)
            if keys is None:
                self.anywhere.append(i)
                continue
            column, values = keys
            for value in values:
                self.by_value[column].setdefault(value, []).append(i)
            if len(self.rules[i][1]) == 1 and len(first) == 1:
                self.alone.add(i)

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        tags, lowers, deps, spaces = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).T.tolist()
        names = {h: strings[h] for h in {*tags, *lowers, *deps}}
        columns = (
            [names[h] for h in tags],
            [names[h] for h in lowers],
            [names[h] for h in deps],
            spaces,
        )
        n = len(tags)
        keyed = list(zip(self.by_value, columns, strict=True))
        rules, alone = self.rules, self.alone
        matches = []
        for start in range(n):
            found = [i for by_value, column in keyed for i in by_value.get(column[start], ())]
            for i in (*found, *self.anywhere):
                attr_id, words = rules[i]
                if i in alone:  # one word, and its one test is the value it was found by
                    matches.append((attr_id, start, start + 1))
                    continue
                end = start + len(words)
                if end <= n and all(
                    test(columns[column][start + k])
                    for k, tests in enumerate(words)
                    for column, test in tests
                ):
                    matches.append((attr_id, start, end))
        for attr_id, start, end in sorted(set(matches)):
            index = self.indices[attr_id]
            at = start + index if index >= 0 else end + index
            if not start <= at < end:
                raise ValueError(f"attribute ruler index {index} outside its match")
            set_token_attrs(doc[at], self.attrs[attr_id])
        return doc


@Language.factory(COMPONENT)
def _make(nlp: Language, name: str) -> FastAttributes:
    return FastAttributes(nlp.get_pipe(RULER))


def add_to(nlp: Language) -> None:
    """Put the component in place of the model's attribute ruler, when it can stand in."""
    if RULER not in nlp.pipe_names or COMPONENT in nlp.component_names:
        return
    try:
        FastAttributes(nlp.get_pipe(RULER))
    except ValueError:
        return  # a pattern of another kind: the ruler stays
    nlp.add_pipe(COMPONENT, after=RULER)
    nlp.disable_pipe(RULER)
