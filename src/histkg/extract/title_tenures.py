"""Titles set before a name: "Chief of General Staff A", "ambassador to Japan B",
"the British prime minister C", "Secretary of the Central Committee D" (the title phrase the
name ends, in the name's own phrase or in one the parse set apart from it)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from histkg.extract.doc_table import doc_table
from histkg.extract.mentions import Sentence
from histkg.extract.nlp import lemma
from histkg.extract.rules import words
from histkg.extract.tenure_dates import TenureDating
from histkg.lexicon import lexicon
from histkg.model import Mention, OfficeRef, TenureRecord

if TYPE_CHECKING:
    from histkg.extract.text import ArticleReader

FORMER = words("former")
WORK_NOUNS = words("work_nouns")


class TitleReading(TenureDating):
    """Reads the tenures titles before names state (a part of ``TenureReader``)."""

    reader: ArticleReader

    def _titles(
        self, s: Sentence, sent: SpacySpan, titled: dict[int, TenureRecord]
    ) -> list[TenureRecord]:
        """ "Chief of General Staff A", "ambassador to Japan B", "president C": the title
        phrase that the name ends (the name's own noun phrase, left of it)."""
        out = []
        table = doc_table(sent.doc)
        for m in s.persons:
            if m.span.begin in titled:
                continue
            base = s.begin - sent.start_char  # self.offset(s, sent, t) without the token
            tokens = [
                sent.doc[i]
                for i in range(sent.start, sent.end)
                if m.span.begin <= base + table.idx[i] < m.span.end
            ]
            if not tokens:
                continue
            head = max(tokens, key=lambda t: len(list(t.subtree)))
            found, phrase = None, []
            for phrase in self._title_phrases(sent, head, tokens[0]):
                found = self._title_office(s, sent, m, head, tokens[0], phrase)
                if found is not None:
                    break
            if found is None:
                continue
            former = any(t.lower_ in FORMER for t in phrase)
            tenure = TenureRecord(
                m, found[0], self.reader.span(s), former=former, rule="tenure.title"
            )
            out.append(tenure)
        return out

    def _title_phrases(self, sent: SpacySpan, head: Token, first: Token) -> list[list[Token]]:
        """The phrases that may be a title the name starting at ``first`` ends, in turn:
        the name's own phrase ("president A B"), then a title the parse set apart from it
        ("the British prime minister A B", "Secretary of the Central Committee A B", "the
        ambassador to the Soviet Union A B")."""
        out = [[t for t in head.subtree if t.i < first.i]]
        if head.dep_ == "appos" and head.head.i == first.i - 1:
            out.append([t for t in head.head.subtree if t.i < first.i])
        elif (
            head.dep_ == "pobj"
            and head.head.lower_ in {"of", "to"}
            and any(t.i < first.i and t.dep_ != "det" for t in head.subtree)
        ):  # the name glued to the end of the of- or to-phrase, not the whole of it
            title_noun = head.head.head
            if (
                title_noun.pos_ in {"NOUN", "PROPN"}
                and title_noun.i < head.head.i
                and not _predicated(title_noun)
            ):
                out.append([t for t in title_noun.subtree if t.i < first.i])
        elif first.i > sent.start:
            top = sent.doc[first.i - 1]
            while top.head.i < first.i and top.head != top and top.head.right_edge.i == first.i - 1:
                top = top.head
            if not _predicated(top):
                out.append([t for t in top.subtree if t.i < first.i])
        return out

    def _title_office(
        self, s: Sentence, sent: SpacySpan, m: Mention, head: Token, first: Token, left: list[Token]
    ) -> tuple[OfficeRef, int] | None:
        """The office the phrase ``left`` names if it ends right before the name."""
        while left and (
            left[0].lower_ in {"the", "a", "an", "then", "former", "late"}
            or left[0].dep_ == "poss"
            or left[0].tag_ == "POS"
            or (len(left) > 1 and left[0].text in lexicon().demonyms)  # "the British …"
            or (len(left) > 2 and f"{left[0].text} {left[1].text}" in lexicon().demonyms)
            or left[0].like_num  # "In 1930 Secretary … A B" parsed as one phrase
        ):
            left = left[1:]
        if not left or left[-1].i != first.i - 1 or left[0].pos_ not in {"NOUN", "PROPN", "ADJ"}:
            return None
        begin = self.offset(s, sent, left[0])
        if self._names_a_work(s, begin):
            return None  # "the television series Judge Anna Lind": a work's title
        before = sent[left[0].i - sent.start - 1] if left[0].i > sent.start else None
        owners = [t for t in head.subtree if t.dep_ == "poss" and t.i < first.i]
        if any(
            t is not None and t.pos_ == "PROPN" and t.ent_type_ not in {"NORP", "PERSON"}
            for t in [before, *owners]
        ):
            return None  # "UFC President A", "DreamWorks' president B": a body's title
        found = self.reader.offices.after(s, begin, m.span.begin, any_case=True)
        text = self.reader.article.text
        if found is None or text[found[1] : m.span.begin].strip(" ()"):
            return None
        if re.match(r"\s*(?:@-@\s*|-)[a-z]", text[m.span.end : m.span.end + 6]):
            return None  # "the Queen Elizabeth-class battleships": a name used as a modifier
        run_on = re.match(r"(?:\s+[A-Z][\w'’-]*){1,3}", text[m.span.end : s.end])
        heads = lexicon().place_heads | set(lexicon().org_heads)
        if run_on and run_on.group(0).split()[-1] in heads:
            return None  # "Justice A B General Hospital": a building named after someone
        return found

    def _names_a_work(self, s: Sentence, begin: int) -> bool:
        """Whether the title and name from ``begin`` on are a work's title: "the television
        series Judge Anna Lind", the episode "President Zero" (a work noun right before)."""
        if s.parse is None:
            return False
        sent = s.parse
        before = [
            t
            for t in sent
            if s.begin + t.idx - sent.start_char < begin and not t.is_quote and not t.is_space
        ]
        return bool(before) and before[-1].pos_ == "NOUN" and lemma(before[-1]) in WORK_NOUNS


def _predicated(noun: Token) -> bool:
    """Whether a title is said of someone else in its clause ("A was posted as envoy to
    Norway B …", "A became minister of trade C …"): the complement of "as" or a copula,
    not a title set before the name that follows it."""
    return noun.dep_ in {"attr", "oprd"} or (noun.dep_ == "pobj" and noun.head.lower_ == "as")
