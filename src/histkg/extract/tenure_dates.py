"""When a tenure the grammar states began and ended: "from A to B", "until B", "since A"
on the clause or the office phrase, and the years in parentheses after the office
("war minister (1938–1939)", "(1941–)", "(1944)").

A mixin of ``TenureReader``: it needs ``reader`` and ``offset``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from histkg.extract.mentions import Sentence
from histkg.extract.rules import lemmas_of
from histkg.model import Date

if TYPE_CHECKING:
    from histkg.extract.text import ArticleReader

#: participles that go on with the tenure their clause states ("…, serving until 1928")
SERVING = frozenset({"serve", "rule", "govern", "remain", "hold", "reign"})

#: what joins the two years of a range in parentheses ("1938–1939")
DASHES = frozenset({"–", "-", "—", "to"})

#: a year alone in parentheses, which the date finder leaves to its context ("(1944)")
LONE_YEAR_RE = re.compile(r"\s*(1[0-9]{3}|20[0-9]{2})\s*\)")


class TenureDating:
    """The start and end of a tenure from its sentence."""

    reader: ArticleReader

    def offset(self, s: Sentence, sent: SpacySpan, token: Token) -> int:
        return s.begin + token.idx - sent.start_char

    def _years_after(self, s: Sentence, at: int) -> tuple[Date | None, Date | None, Date | None]:
        """ "war minister (1938–1939)", "(1941–)", "(1944)" right after an office: its
        start and end, or the one year it is attested in."""
        text = self.reader.article.text
        opening = re.match(r"\s*\(", text[at : s.end])
        if opening is None:
            return None, None, None
        begin = at + opening.end()
        close = text.find(")", begin, min(s.end, begin + 40))
        if close < 0:
            return None, None, None
        inside = [d for d in s.dates if begin <= d.begin and d.end <= close and not d.relative]
        if not inside and (lone := LONE_YEAR_RE.match(text, begin, close + 1)):
            return None, None, Date(lone.group(1))
        if len(inside) == 2 and text[inside[0].end : inside[1].begin].strip() in DASHES:
            return inside[0].date, inside[1].date, None
        if len(inside) == 1 and not text[begin : inside[0].begin].strip():
            after = text[inside[0].end : close].strip()
            if after in DASHES:
                return inside[0].date, None, None
            if not after:
                return None, None, inside[0].date
        return None, None, None

    def _dates(
        self, s: Sentence, sent: SpacySpan, verb: Token, phrase: Token | None = None
    ) -> tuple[Date | None, Date | None]:
        """ "from A to B", "between A and B", "until B", "since A" on the clause, or on
        the office phrase where the parse hangs them there ("was Minister of Defence from
        1960 to 1964")."""
        start = end = None
        preps = list(verb.children)
        # "was the first President, serving from 1920 until 1928": the participle's span
        preps += [
            c
            for v in verb.children
            if v.dep_ == "advcl" and v.tag_ == "VBG" and lemmas_of(v) & SERVING
            for c in v.children
        ]
        if phrase is not None:
            preps += [c for t in [phrase, *of_chain(phrase)] for c in t.children]
        for child in preps:
            if child.dep_ != "prep":
                continue
            word = child.lower_
            dates = self._dates_in(s, sent, child)
            if not dates:
                continue
            if word == "between" and len(dates) < 2:
                continue  # "between A and B" with one of them unread: no start
            if word == "to" and not any(
                c.dep_ == "pobj" and (c.like_num or c.ent_type_ == "DATE") for c in child.children
            ):
                continue  # "ambassador to France (1962–1964)": a post's "to", not a bound
            if word in {"from", "between", "since"}:
                start = dates[0]
                if len(dates) > 1:
                    end = dates[-1]
            elif word in {"until", "till", "to"}:
                end = dates[-1]
        return start, end

    def _phrase_dates(
        self, s: Sentence, sent: SpacySpan, verb: Token, phrase: Token
    ) -> tuple[Date | None, Date | None]:
        """The clause's dates, else the office phrase's."""
        start, end = self._dates(s, sent, verb)
        if start is None and end is None:
            start, end = self._dates(s, sent, phrase, phrase)
        if start is None and end is None:
            start, end = self._parenthesized(s, sent, phrase)
        return start, end

    def _parenthesized(
        self, s: Sentence, sent: SpacySpan, phrase: Token
    ) -> tuple[Date | None, Date | None]:
        """ "Minister of Finance (1950–1953)", "(1950–)": the years in parentheses right
        after the office phrase."""
        within = list(phrase.subtree)  # in text order
        opening = next(
            (t for t in within if t.text == "(" and t.i > phrase.i and t.head in within), None
        )
        if opening is None:
            return None, None
        closing = next((t for t in opening.doc[opening.i + 1 :] if t.text == ")"), None)
        if closing is None or closing.i - opening.i > 6:
            return None, None
        begin, end = self.offset(s, sent, opening), self.offset(s, sent, closing)
        inside = [d for d in s.dates if begin < d.begin < end and not d.relative]
        text = self.reader.article.text
        if len(inside) == 2:
            return inside[0].date, inside[1].date
        if len(inside) == 1:
            after = text[inside[0].end : end].strip()
            if after in {"–", "-"}:
                return inside[0].date, None
        return None, None

    def _dates_in(self, s: Sentence, sent: SpacySpan, token: Token) -> list[Date]:
        offsets = {self.offset(s, sent, t) for t in token.subtree}
        return [d.date for d in s.dates if d.begin in offsets and not d.relative]


def of_chain(phrase: Token) -> list[Token]:
    """The nouns an office phrase runs on through ("Minister of Defence of Velor"):
    where the parse hangs a date phrase on the last of them."""
    out: list[Token] = []
    t = phrase
    while True:
        nxt = next(
            (
                o
                for c in t.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children
                if o.dep_ == "pobj"
            ),
            None,
        )
        if nxt is None or len(out) > 4:
            return out
        out.append(nxt)
        t = nxt
