"""Who led and who belonged to the faction an article is about, from the parse.

- "The group was led by A and B", "a faction led by A" -> leaders;
- "A and B joined the group", "the group of A, B and C", "its members included A",
  "leaders of the group – A, B" (an apposition to "leaders") -> members or leaders;
- "known as 'X'", "called 'X'" in the first sentence -> another name of the faction;
- a native-script name in parentheses in the first sentence -> a label in its language.

"The group"/"the faction" stands for the article's faction only when no other
organization is named by the phrase (no possessor, no of-phrase of its own).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from histkg.extract.expansion import expand
from histkg.extract.mentions import Sentence
from histkg.extract.rules import lemmas_of, words
from histkg.lexicon import lexicon
from histkg.model import Mention, OrgFacts, Span

if TYPE_CHECKING:
    from histkg.extract.text import ArticleReader

LEADING = words("leading")
JOINING = words("joining")
INCLUDING = words("including")
MEMBER_NOUNS = words("member_nouns")
NAMING = words("naming")
QUOTED_RE = re.compile(r"[\"“](?P<alias>[^\"”]+)[\"”]")
NATIVE_RE = re.compile(
    r"\((?:(?P<lang>[A-Z][a-z]+):\s*)?(?P<native>[^(),;]*[\u0400-\u04ff\u0370-\u03ff\u3040-\u9fff][^()]*?)"
    r"(?:,\s*romani[sz]ed:\s*(?P<rom>[^()]+?))?\)"
)


class FactionReader:
    """Reads the faction facts of one article's sentences."""

    def __init__(self, reader: ArticleReader) -> None:
        self.reader = reader

    def offset(self, s: Sentence, sent: SpacySpan, token: Token) -> int:
        return s.begin + token.idx - sent.start_char

    def _is_faction(self, s: Sentence, sent: SpacySpan, token: Token) -> bool:
        faction = self.reader.faction
        if faction is None:
            return False
        if token.lower_ in {"which", "that", "who"} and token.head.dep_ == "relcl":
            token = token.head.head
        at = self.offset(s, sent, token)
        named = next((o for o in s.orgs if o.span.begin <= at < o.span.end), None)
        if named is not None:
            return named.org_class == "Faction"
        return token.text in lexicon().faction_words and not any(
            c.dep_ == "poss"
            or (c.dep_ == "prep" and c.lower_ == "of" and not self._persons(s, sent, [c]))
            for c in token.children
        )

    def _persons(self, s: Sentence, sent: SpacySpan, tokens: list[Token]) -> list[Mention]:
        found: list[Mention] = []
        for token in expand(
            [t for tok in tokens for t in ([tok] if tok.dep_ != "prep" else list(tok.children))]
        ):
            at = self.offset(s, sent, token)
            m = next((p for p in s.persons if p.span.begin <= at < p.span.end), None)
            if m is not None and m not in found:
                found.append(m)
        return found

    def read(self, s: Sentence, sent: SpacySpan) -> None:
        if self.reader.faction is None:
            return
        facts = OrgFacts(self.reader.faction)
        for token in sent:
            self._leaders(s, sent, token, facts)
            self._members(s, sent, token, facts)
        if s.block == 0 and s.index == 0:
            self._names(s, sent, facts)
        if facts.leaders or facts.members or facts.alt_labels:
            self.reader.out.orgs.append(facts)

    def _by_agents(self, verb: Token) -> list[Token]:
        return [
            gc for c in verb.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"
        ]

    def _leaders(self, s: Sentence, sent: SpacySpan, token: Token, facts: OrgFacts) -> None:
        if token.pos_ != "VERB" or not lemmas_of(token) & LEADING:
            return
        subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
        if token.dep_ == "acl":  # "a faction led by A", "a group within the Party led by A"
            subjects = [token.head]
            noun = token.head
            while noun.dep_ in {"pobj", "prep"} and noun.head != noun:
                noun = noun.head
                subjects.append(noun)
            if noun.dep_ == "attr":  # "X was a group …": the copula's subject
                subjects += [c for c in noun.head.children if c.dep_ == "nsubj"]
        if any(self._is_faction(s, sent, t) for t in subjects):
            facts.leaders.extend(self._persons(s, sent, self._by_agents(token)))

    def _members(self, s: Sentence, sent: SpacySpan, token: Token, facts: OrgFacts) -> None:
        lemmas = lemmas_of(token)
        if token.pos_ == "VERB" and lemmas & JOINING and not lemmas & LEADING:
            objects = [c for c in token.children if c.dep_ == "dobj"]
            if any(self._is_faction(s, sent, o) for o in objects):  # "A and B joined the group"
                subjects = [c for c in token.children if c.dep_ == "nsubj"]
                facts.members.extend(self._persons(s, sent, subjects))
        elif lemmas & INCLUDING and token.pos_ in {"VERB", "AUX"}:
            # "its members included A and B"
            subjects = [
                c for c in token.children if c.dep_ == "nsubj" and lemmas_of(c) & MEMBER_NOUNS
            ]
            if subjects and self._belongs(s, sent, subjects[0]):
                objects = [c for c in token.children if c.dep_ in {"dobj", "attr"}]
                target = (
                    facts.leaders
                    if lemmas_of(subjects[0]) & {"leader", "founder"}
                    else facts.members
                )
                target.extend(self._persons(s, sent, objects))
        elif token.pos_ == "NOUN" and lemmas & MEMBER_NOUNS and self._belongs(s, sent, token):
            # "leaders of the group – A, B", "members of the faction, A and B,"
            named = [c for c in token.children if c.dep_ == "appos"]
            target = facts.leaders if lemmas & {"leader", "founder"} else facts.members
            target.extend(self._persons(s, sent, named))
        elif token.pos_ == "NOUN" and self._is_faction(s, sent, token):
            # "the group of A, B and C"
            of = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
            facts.members.extend(self._persons(s, sent, of))

    def _belongs(self, s: Sentence, sent: SpacySpan, noun: Token) -> bool:
        """ "members of the group", "its members", "the group's leaders"."""
        for c in noun.children:
            if c.dep_ == "poss" and (c.lower_ == "its" or self._is_faction(s, sent, c)):
                return True
            if c.dep_ == "prep" and c.lower_ == "of":
                if any(self._is_faction(s, sent, o) for o in c.children if o.dep_ == "pobj"):
                    return True
        return False

    def _names(self, s: Sentence, sent: SpacySpan, facts: OrgFacts) -> None:
        text = self.reader.article.text
        doc_id = self.reader.article.doc_id
        for token in sent:
            if token.pos_ != "VERB" or not lemmas_of(token) & NAMING:
                continue
            if not any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children):
                continue
            begin = self.offset(s, sent, token)
            end = self.offset(s, sent, token.right_edge) + len(token.right_edge.text)
            quoted = QUOTED_RE.search(text, begin, end)
            if quoted is not None:
                b = quoted.start("alias")
                facts.alt_labels.append(
                    (quoted.group("alias"), "en", Span(doc_id, b, quoted.end("alias")))
                )
        for m in NATIVE_RE.finditer(s.text):
            lang = lexicon().languages.get(m.group("lang") or "", "")
            b = s.begin + m.start("native")
            native = m.group("native").strip()
            facts.alt_labels.append((native, lang or "und", Span(doc_id, b, b + len(native))))
            if m.group("rom"):
                rb = s.begin + m.start("rom")
                rom = m.group("rom").strip()
                facts.alt_labels.append(
                    (rom, f"{lang}-Latn" if lang else "und-Latn", Span(doc_id, rb, rb + len(rom)))
                )
