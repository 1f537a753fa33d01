"""What a role's tokens name: persons (names, pronouns), organizations, groups.

``MentionReader`` maps the tokens the grammar engine found for a role onto the article's
mentions: the person whose name covers the token, "he" for the person the pronoun
rules allow (see ``resolve_pronoun``), "officials" for an unnamed group, "the group" for
the article's faction, "Chief of Staff A" for A, "A's government" for A.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from histkg.extract.grammar import PERSONAL_PRONOUNS, expand, filler_kind, office_words
from histkg.extract.mentions import Sentence
from histkg.extract.rules import lemmas_of, words
from histkg.lexicon import lexicon
from histkg.model import Mention, TenureRecord

if TYPE_CHECKING:
    from histkg.extract.text import ArticleReader

#: what a ruler rules: "overthrew A's government" removes A
RULE_NOUNS = words("rule_nouns")
GROUP_HEADS = words("group_heads")
LEADING_VERBS = words("leading_verbs")


@dataclass
class Fillers:
    """The mentions a role's tokens name."""

    persons: list[Mention] = field(default_factory=list)
    orgs: list[Mention] = field(default_factory=list)
    groups: list[Token] = field(default_factory=list)
    other: list[Token] = field(default_factory=list)


class MentionReader:
    """Maps role tokens onto one article's mentions, keeping who was talked of last."""

    def __init__(self, reader: ArticleReader) -> None:
        self.reader = reader
        self.last_subject: Mention | None = None
        self.last_subject_at = (-1, -1)  # (block, sentence number) that set it
        self.last_named: dict[int, Mention] = {}  # block -> the person named last in it
        self.titled: dict[int, TenureRecord] = {}

    # --- tokens to mentions -------------------------------------------------------

    def offset(self, s: Sentence, sent: SpacySpan, token: Token) -> int:
        return s.begin + token.idx - sent.start_char

    def _person_at(self, s: Sentence, sent: SpacySpan, token: Token) -> Mention | None:
        at = self.offset(s, sent, token)
        for m in s.persons:
            if m.span.begin <= at < m.span.end and not s.in_quotes(m.span.begin):
                return m
        return None

    def resolve_pronoun(self, s: Sentence, sent: SpacySpan, token: Token) -> Mention | None:
        """ "he", "his", "him": a single person who is the subject earlier in this sentence
        (not of the pronoun's own verb when the pronoun is its object: "A appointed him"),
        else the person a biography is about, else the previous sentence's single subject
        in the same paragraph, else none."""
        if token.lower_ not in PERSONAL_PRONOUNS or token.lower_ in {"they", "them", "their"}:
            return None
        own_verb = token.head if token.dep_ in {"dobj", "dative", "iobj"} else None
        if token.dep_ == "pobj" and token.head.dep_ in {"prep", "agent"}:
            own_verb = token.head.head
        for t in sent:
            if t.i >= token.i:
                break
            if t.dep_ in {"nsubj", "nsubjpass"} and t.head is not own_verb:
                if t.pos_ == "PRON":  # "He served …, when he was overthrown": the same one
                    if t.lower_ in {"he", "she"}:
                        return self.resolve_pronoun(s, sent, t)
                    continue
                found = self._subject_person(s, sent, t)
                if found is not None:
                    return found
        # the person named last before the pronoun, in this sentence or this paragraph
        at = self.offset(s, sent, token)
        before = [m for m in s.persons if m.span.end <= at]
        bound = {
            self.offset(s, sent, c)
            for c in (own_verb.children if own_verb is not None else [])
            if c.dep_ in {"nsubj", "nsubjpass"}
        }
        free = [
            m
            for m in before
            if not any(m.span.begin <= b < m.span.end for b in bound)
            and m.span.begin not in s.possessive  # "after A's downfall, he …": not A
            and not self._in_phrase(s, sent, m)  # "through the influence of King A, he …"
        ]
        if len({m.text.split()[-1] for m in free}) == 1:
            return free[-1]  # "Du Fu, …, but he was captured": the one person named before
        if len({m.text.split()[-1] for m in free}) > 1:
            return None  # two persons named before it: not safe to read
        recent = before[-1] if before else self.last_named.get(s.block)
        subject = self.reader.subject if self.reader.biography else None
        previous = self.last_subject
        if previous is not None and self.last_subject_at != (s.block, self.reader.sentence_no - 1):
            previous = None
        if previous is not None:
            return previous  # the subject of the sentence before goes on being talked of
        if subject is not None and token.i == sent.start and token.dep_ in {"nsubj", "nsubjpass"}:
            return subject  # "He …" opening a sentence of a biography
        if recent is None:
            return subject  # a biography's paragraph that opens with "He …"
        focus = self.reader.subject
        if focus is not None and _same_person(recent, focus):
            return focus  # the article's person, named last
        return None  # someone else was named last: the pronoun is not safe to read

    def _in_phrase(self, s: Sentence, sent: SpacySpan, m: Mention) -> bool:
        """Whether a name sits in a prepositional phrase ("an adviser to A", "through the
        influence of A"), where it is not what a later pronoun refers to."""
        inside = [t for t in sent if m.span.begin <= self.offset(s, sent, t) < m.span.end]
        if not inside:
            return False
        token = inside[-1]
        for ancestor in [token, *token.ancestors]:
            if ancestor.dep_ in {"prep", "agent"}:
                return True
            if ancestor.pos_ in {"VERB", "AUX"}:
                return False
        return False

    def _subject_person(self, s: Sentence, sent: SpacySpan, subject: Token) -> Mention | None:
        """The one person a subject names ("A", "One of them, A,"), none for "A and B"."""
        if any(c.dep_ == "conj" for c in subject.children):
            return None
        named = [self._person_at(s, sent, t) for t in expand([subject])]
        persons = [m for m in named if m is not None]
        return persons[0] if len(persons) == 1 else None

    def _track_subject(self, s: Sentence, sent: SpacySpan) -> None:
        """Remember the main clause's subject for the pronouns of the next sentences."""
        root = sent.root
        for child in root.children:
            if child.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            if child.pos_ == "PRON":
                if child.lower_ in {"they", "we"}:
                    self.last_subject = None
                elif self.last_subject is not None and self.last_subject_at == (
                    s.block,
                    self.reader.sentence_no - 1,
                ):
                    self.last_subject_at = (s.block, self.reader.sentence_no)  # "He …" goes on
                return
            if any(c.dep_ == "conj" for c in child.children):
                self.last_subject = None
                return
            found = self._subject_person(s, sent, child)
            if found is not None:
                self.last_subject = found
                self.last_subject_at = (s.block, self.reader.sentence_no)
            return

    def _named_within(self, s: Sentence, sent: SpacySpan, token: Token) -> Mention | None:
        """The person a title's or a group's own phrase names: "Chief of Staff A" (the
        name its of-phrase ends with), "a group … led by A"."""
        for child in token.subtree:
            if child.dep_ == "acl" and lemmas_of(child) & LEADING_VERBS:
                for by in child.children:
                    if by.dep_ == "agent":
                        for obj in by.children:
                            if obj.dep_ == "pobj":
                                return self._person_at(s, sent, obj)
        if token.text in office_words():
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return self._person_at(s, sent, obj)
        return None

    def fillers(self, s: Sentence, sent: SpacySpan, tokens: list[Token]) -> Fillers:
        out = Fillers()
        for token in tokens:
            if token.pos_ == "NOUN" and lemmas_of(token) & RULE_NOUNS:
                # "overthrew A's government": A
                owners = [c for c in token.children if c.dep_ == "poss"]
                if owners and self._person_at(s, sent, owners[0]) is not None:
                    token = owners[0]
            person = self._person_at(s, sent, token)
            if person is None and token.pos_ == "PRON":
                person = self.resolve_pronoun(s, sent, token)
            if person is None and (token.text in office_words() or token.lemma_ in GROUP_HEADS):
                # "dismissed Chief of Staff A", "a group of officers led by A"
                person = self._named_within(s, sent, token)
            if person is not None:
                if person not in out.persons:
                    out.persons.append(person)
                continue
            at = self.offset(s, sent, token)
            org = next((o for o in s.orgs if o.span.begin <= at < o.span.end), None)
            if org is None and self.reader.faction is not None and token.pos_ == "NOUN":
                # "the group", "a faction that …": the faction the article is about
                if token.text in lexicon().faction_words and not any(
                    c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
                    for c in token.children
                ):
                    org = self.reader.faction
            if org is not None:
                out.orgs.append(org)
            elif filler_kind(token) == "group":
                out.groups.append(token)
            else:
                out.other.append(token)
        return out

    # --- dates --------------------------------------------------------------------


def _same_person(a: Mention, b: Mention) -> bool:
    """Two mentions of one person in an article: the same name or the same family name."""
    return a.text == b.text or a.text.split()[-1] == b.text.split()[-1]
