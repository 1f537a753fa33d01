"""A group followed by a list of its members: "Six officers were sentenced to death:"
and list items that each open with a name ("General A B, chief of …"). The names are the
group's, and the paragraph right after the list may go on about them ("They were shot").
"""

from __future__ import annotations

import re

from histkg.extract.mentions import Sentence
from histkg.extract.nlp import is_name_token
from histkg.lexicon import lexicon
from histkg.model import Article, Mention, Span

HONORIFICS = lexicon().honorifics
#: a list item that opens with a name: an optional rank, two or three words, then "," or ":"
OPENING_NAME_RE = re.compile(
    r"(?:(?:" + "|".join(sorted(HONORIFICS, key=len, reverse=True)) + r")\.?\s+)?"
    r"(?P<name>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,2})\s*[,:]"
)


def read_lists(
    article: Article, sentences: list[Sentence]
) -> tuple[dict[int, list[Mention]], dict[int, int]]:
    """The names of each list a paragraph ending in a colon introduces (by the intro's
    block), and for the block right after such a list, its intro. An item's opening name
    the model missed is added to the item's first sentence."""
    list_persons: dict[int, list[Mention]] = {}
    after_list: dict[int, int] = {}
    blocks = article.blocks
    text = article.text
    first_person: dict[int, Mention] = {}
    for s in sentences:
        for m in s.persons:
            first_person.setdefault(s.block, m)
    for b, block in enumerate(blocks):
        if block.is_list_item or not text[block.begin : block.end].rstrip().endswith(":"):
            continue
        items = []
        k = b + 1
        while k < len(blocks) and blocks[k].is_list_item:
            items.append(k)
            k += 1
        names: list[Mention] = []
        unnamed: list[int] = []
        for k_item in items:
            opener = first_person.get(k_item)
            lead = text[blocks[k_item].begin : opener.span.begin] if opener else ""
            if opener is not None and len(lead) <= 30 and not re.search(r"[,:;(]", lead):
                names.append(opener)  # "General A B, chief of …": the item opens with it
            else:
                unnamed.append(k_item)
        if len(names) < 2 or len(names) * 2 < len(items):
            continue
        for k_item in unnamed:  # in a list of people, an item's opening name is one
            found = opening_name(article, blocks[k_item].begin, blocks[k_item].end)
            if found is not None:
                first = next(x for x in sentences if x.block == k_item)
                first.persons = sorted([*first.persons, found], key=lambda m: m.span.begin)
                names.append(found)
        names.sort(key=lambda m: m.span.begin)
        list_persons[b] = names
        if k < len(blocks):
            after_list[k] = b
    return list_persons, after_list


def opening_name(article: Article, begin: int, end: int) -> Mention | None:
    """Two or three name words (after a rank) that open a list item and end at its first
    comma or colon: "Ivo Dahl, minister of the interior"."""
    opening = OPENING_NAME_RE.match(article.text[begin:end])
    if opening is None:
        return None
    name = opening.group("name")
    if not all(is_name_token(w) for w in name.split()) or name.split()[0] in HONORIFICS:
        return None
    b = begin + opening.start("name")
    return Mention("person", name, Span(article.doc_id, b, b + len(name)))
