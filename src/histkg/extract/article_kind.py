"""What kind of article this is: whose life it tells, or which work's story.

A biography's pronouns refer to its subject (:func:`focus_person`, :func:`opens_a_life`);
an article about a novel or a film tells a story, not history (:func:`about_a_work`).
"""

from __future__ import annotations

import re
from collections import Counter

from histkg.extract.mentions import Sentence
from histkg.extract.nlp import lemma
from histkg.extract.rules import grammar, lemmas_of, words
from histkg.model import Article, Mention

WORK_NOUNS = words("work_nouns")
NON_FICTION = words("non_fiction")


def focus_person(article: Article, sentences: list[Sentence]) -> Mention | None:
    """The person an article is about: the one whose family name its title holds, else
    the one named clearly more often than anyone else (a pronoun with no nearer
    antecedent refers to them)."""
    counts: Counter[str] = Counter()
    first: dict[str, Mention] = {}
    for s in sentences:
        for m in s.persons:
            last = m.text.split()[-1]
            counts[last] += 1
            if len(m.text.split()) > len(first.get(last, m).text.split()) or last not in first:
                first[last] = m
    if not counts:
        return None
    exact = [m for s in sentences for m in s.persons if m.text == article.title]
    if exact:  # a biography: the title is the name
        return exact[0]
    title_words = set(re.findall(r"[\w'’-]+", article.title))
    titled = [last for last in counts if last in title_words]
    if len(titled) == 1:
        return first[titled[0]]
    ranked = counts.most_common(2)
    if ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return first[ranked[0][0]]
    return None


def event_of_person(title: str, subject: Mention) -> bool:
    """Whether a title names an event that happened to the article's person: "Trial of
    A B", "Impeachment of A B", "Assassination of A B" (a noun of ``person_events`` or
    ``title_events``, data/grammar.toml)."""
    found = re.match(r"(?:The\s+)?([A-Za-z]+)\s+of\s+(.+)$", title)
    if found is None:
        return False
    nouns = words("person_events") | words("title_events")
    return found.group(1).lower() in nouns and subject.text.split()[-1] in found.group(2)


def about_a_work(sentences: list[Sentence]) -> str | None:
    """The kind of work ("novel", "episode") an article opens by saying it is about:
    "A is a 1972 novel by B" (not "a documentary film")."""
    if not sentences or sentences[0].parse is None:
        return None
    root = sentences[0].parse.root
    if lemma(root) != "be":
        return None
    for attr in (c for c in root.children if c.dep_ == "attr"):
        modifiers = {c.lower_ for c in attr.children if c.dep_ in {"amod", "compound"}}
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in attr.children):
            continue  # "a series of trials": what the series is of
        if lemma(attr).lower() in WORK_NOUNS and not modifiers & NON_FICTION:
            return lemma(attr).lower()
    return None


def opens_a_life(article: Article, sentences: list[Sentence], subject: Mention | None) -> bool:
    """Whether the article opens as a life does: "A B (1901 – 1970) was …" or "A B was
    a Ruritanian politician" (a word for a person after the copula)."""
    if not sentences or subject is None:
        return False
    first = sentences[0]
    text = article.text
    named = [m for m in first.persons if m.text.split()[-1] == subject.text.split()[-1]]
    if not named:
        return False
    if re.match(r"\s*\(", text[named[0].span.end : named[0].span.end + 3]) and first.dates:
        return True
    if first.parse is None:
        return False
    root = first.parse.root
    attrs = [c for c in root.children if c.dep_ == "attr"]
    return lemma(root) == "be" and any(
        lemmas_of(a) & grammar().person_nouns for t in attrs for a in [t, *t.conjuncts]
    )
