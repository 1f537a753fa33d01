"""Label normalisation, key and word matching, date agreement, maximum matching, P/R/F1."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from rdflib.term import Node

_TRANSLIT = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "ı": "i"}
)
_PUNCT_RE = re.compile(r"[^\w\- ]")
_SPACE_RE = re.compile(r"\s+")


def norm(text: str) -> str:
    """Lower case, accents and punctuation gone, dashes as hyphens, single spaces.

    >>> norm("Łódź – Ørsted's  Plan")
    'lodz - orsted s plan'
    """
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("–", "-").replace("—", "-")
    return _SPACE_RE.sub(" ", _PUNCT_RE.sub(" ", text)).strip()


@lru_cache(maxsize=4096)
def _key_pattern(key: str) -> re.Pattern[str]:
    return re.compile(r"(?:^|[^\w])" + re.escape(norm(key)) + r"(?:$|[^\w])")


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(r"(?:^|[^\w])" + re.escape(norm(word)))


def has_key(names: Iterable[str], key: str) -> bool:
    """Whether ``key`` occurs as a whole word sequence in one of the normalised ``names``.

    >>> has_key(["anna berg"], "Berg"), has_key(["bergism"], "berg")
    (True, False)
    """
    pattern = _key_pattern(key)
    return any(pattern.search(name) for name in names)


def has_words(names: Iterable[str], words: Sequence[str]) -> bool:
    """Whether one of the normalised ``names`` has a word starting with each of ``words``.

    >>> has_words(["minister of defence"], ["defen", "minister"])
    True
    """
    patterns = [_word_pattern(word) for word in words]
    return any(all(p.search(name) for p in patterns) for name in names)


def dates_agree(gold: str, found: Iterable[str]) -> bool:
    """Whether one of the ``found`` dates and ``gold`` are prefixes of each other.

    >>> dates_agree("1848-03", ["1848"]), dates_agree("1848-03", ["1848-04-01"])
    (True, False)
    """
    return any(d[:10].startswith(gold) or gold.startswith(d[:10]) for d in found)


def max_matching(
    candidates: Sequence[Sequence[Node]], capacity: Mapping[Node, int] | None = None
) -> dict[int, Node]:
    """A maximum matching of gold items to nodes (augmenting paths, in candidate order).

    ``candidates[i]`` lists the nodes gold item ``i`` may be satisfied by; a node
    satisfies at most ``capacity[node]`` items (default 1). Returns item index -> node.
    """
    capacity = capacity or {}
    slots = [[(n, c) for n in nodes for c in range(capacity.get(n, 1))] for nodes in candidates]
    owner: dict[tuple[Node, int], int] = {}

    def augment(item: int, seen: set[tuple[Node, int]]) -> bool:
        for slot in slots[item]:
            if slot in seen:
                continue
            seen.add(slot)
            if slot not in owner or augment(owner[slot], seen):
                owner[slot] = item
                return True
        return False

    for item in range(len(slots)):
        augment(item, set())
    return {item: node for (node, _), item in owner.items()}


def prf(found: int, gold: int, correct: int, output: int) -> tuple[float, float, float]:
    """Precision, recall, F1; recall is 1 without gold items, precision 1 when both are empty.

    >>> prf(3, 4, 3, 6)
    (0.5, 0.75, 0.6)
    """
    recall = found / gold if gold else 1.0
    precision = correct / output if output else (1.0 if gold == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
