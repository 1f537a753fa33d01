"""The office an event gives or takes: the verb's complement ("appointed Minister of
Defence", "resigned as Premier"), an election's adjective ("the presidential election"),
and the offices coordinated with it ("named Premier and First Vice Chairman").

A mixin of ``EventReader``: it needs ``reader`` and ``offset``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from histkg.extract.expansion import office_words
from histkg.extract.hits import Hit
from histkg.extract.leading import led_office
from histkg.extract.mentions import Sentence
from histkg.extract.requirements import led_post, office_complement
from histkg.extract.role_names import office_head_words
from histkg.extract.rules import lemmas_of
from histkg.lexicon import lexicon
from histkg.model import OfficeRef

if TYPE_CHECKING:
    from histkg.extract.text import ArticleReader


#: words that make an office noun a lesser post ("the deputy presidency")
RANK_WORDS = frozenset({"deputy", "vice", "acting", "interim", "assistant"})


def _rank_of(noun: Token) -> str:
    """ "deputy" of "the deputy presidency", "Vice" of "vice-presidency" (which the
    tokenizer splits), title-cased; "" when there is none."""
    words = [c.lower_ for c in noun.children if c.dep_ in {"amod", "compound"}]
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and not doc[noun.i - 1].whitespace_:
        words.append(doc[noun.i - 2].lower_)
    ranks = [w for w in words if w in RANK_WORDS]
    return ranks[0].title() if ranks else ""


class EventOffices:
    """The offices of a hit's event."""

    reader: ArticleReader

    def offset(self, s: Sentence, sent: SpacySpan, token: Token) -> int:
        return s.begin + token.idx - sent.start_char

    def _plural_post(self, hit: Hit) -> OfficeRef | None:
        """ "appointed military governors for the regions, among them A, B and C": the post
        a plural object names is each one's."""
        if hit.trigger.pos_ != "VERB":
            return None
        for child in hit.trigger.children:
            # "appointed A and B consuls": the predicate (the tagger may call it a verb)
            predicate = child.dep_ == "oprd" and child.lower_ in self.reader.offices.singular_of
            if not predicate and (child.dep_ != "dobj" or child.tag_ != "NNS"):
                continue
            singular = self.reader.offices.singular_of.get(child.lower_)
            if singular is None:
                return None
            modifiers = lexicon().post_modifiers
            words = [c.text for c in child.children if c.dep_ == "amod" and c.lower_ in modifiers]
            title = " ".join(w[0].upper() + w[1:] for w in [*words, *singular.split()])
            return OfficeRef(title, "post", phrase=f"{' '.join(words)} {child.text}".strip())
        return None

    def office(self, s: Sentence, sent: SpacySpan, hit: Hit) -> OfficeRef | None:
        adjectives = lexicon().election_adjectives
        for child in hit.trigger.children:  # "the 1950 presidential election"
            title = adjectives.get(child.lower_) if child.dep_ in {"amod", "compound"} else None
            if title is not None:
                if title in self.reader.offices.office_forms:
                    return self.reader.offices.office(title, s=s, at=self.offset(s, sent, child))
                return OfficeRef(title, "post", phrase=child.text)
        if hit.rule.requires.get("office_noun"):  # "assumed the presidency"
            for child in hit.trigger.children:
                title = lexicon().office_nouns.get(child.lower_) if child.dep_ == "dobj" else None
                if title is None:
                    continue
                rank = [  # "won the deputy presidency": the deputy's post, not the head's
                    c.lower_
                    for c in child.children
                    if c.dep_ in {"amod", "compound"} and c.lower_ in RANK_WORDS
                ]
                if rank:
                    title = f"{rank[0].title()} {title}"
                    return OfficeRef(title, "post", phrase=f"{rank[0]} {child.text}")
                if title in self.reader.offices.office_forms:
                    return self.reader.offices.office(title, s=s, at=self.offset(s, sent, child))
                return OfficeRef(title, "post", phrase=child.text)
            return None
        if hit.rule.requires.get("office_for"):  # "defeated B for the vice-presidency"
            for prep in (c for c in hit.trigger.children if c.dep_ == "prep"):
                for noun in (o for o in prep.children if o.dep_ == "pobj"):
                    title = (
                        lexicon().office_nouns.get(noun.lower_) if prep.lower_ == "for" else None
                    )
                    if title is not None:
                        ranked = _rank_of(noun)
                        phrase = f"{ranked.lower()} {noun.text}" if ranked else noun.text
                        return OfficeRef(f"{ranked} {title}".strip(), "post", phrase=phrase)
            return None
        if hit.rule.requires.get("led_post"):  # "was put at the head of the Bureau"
            post = led_post(hit.trigger)
            if post is None:
                return None
            led = led_office(self.reader, s, sent, *post)
            if led is None:  # a body the model tagged no organization: its name as written
                body, kind = post
                words = [t for t in body.subtree if t.dep_ != "det"]
                begin, last = self.offset(s, sent, words[0]), words[-1]
                name = self.reader.article.text[begin : self.offset(s, sent, last) + len(last.text)]
                if all(w[:1].isupper() for w in name.split() if w not in {"of", "and", "the"}):
                    title = f"{lexicon().leading_titles[kind]} of the {name}"
                    led = OfficeRef(title, "post", phrase=name)
            return led
        if hit.rule.requires.get("led_body"):  # "took over the Ministry of Finance"
            bodies = [c for c in hit.trigger.children if c.dep_ == "dobj"]
            if not bodies:
                return None
            led = led_office(self.reader, s, sent, bodies[0], "head")
            if led is None and bodies[0].lower_ in {"ministry", "portfolio"}:
                # "took over the finance ministry": the minister's office of the portfolio
                begin = self.offset(s, sent, bodies[0].left_edge)
                end = self.offset(s, sent, bodies[0]) + len(bodies[0].text)
                found = self.reader.offices.after(s, begin, end, any_case=True)
                led = found[0] if found else None
            return led
        plural = self._plural_post(hit)
        if plural is not None:
            return plural
        complement = office_complement(hit.trigger)
        at_ministry = self._at_ministry(s, sent, hit.trigger) if complement is None else None
        if at_ministry is not None:
            return at_ministry
        if complement is None:
            # the parse missed it ("resigned as First Secretary and …" read as a clause):
            # an office title right after the verb still names it
            after = self.offset(s, sent, hit.trigger) + len(hit.trigger.text)
            if re.match(r"\s+(?:as|from)\s", self.reader.article.text[after : after + 6]):
                found = self.reader.offices.after(s, after, s.end)
                return found[0] if found else None
            return None
        begin = self.offset(s, sent, complement.left_edge)
        end = self.offset(s, sent, complement.right_edge) + len(complement.right_edge.text)
        reflexive = [c for c in complement.lefts if c.lower_ in {"himself", "herself"}]
        if reflexive:  # "proclaimed himself president": the office after the reflexive
            begin = self.offset(s, sent, reflexive[-1]) + len(reflexive[-1].text)
        elif complement.dep_ == "prep" and complement.lower_ == "of":
            begin = self.offset(s, sent, complement) + 2  # "the post of X": X
        elif complement.lower_ == "portfolio":  # "took over the Justice portfolio": all of it
            begin = self.offset(s, sent, complement.left_edge)
        elif complement.dep_ in {"dobj", "xcomp"}:  # "appointed A B Minister of X"
            begin = self.offset(s, sent, complement)
            glued = [c for c in complement.children if c.dep_ == "compound" and c.i < complement.i]
            while (
                complement.text in office_words()
                and glued
                and glued[-1].text in office_words()
                and glued[-1].ent_type_ != "PERSON"
            ):
                begin = self.offset(s, sent, glued.pop())  # "… A B Prime Minister": "Prime"
        found = self.reader.offices.after(s, begin, end, any_case=True)
        return found[0] if found else None

    def _at_ministry(self, s: Sentence, sent: SpacySpan, verb: Token) -> OfficeRef | None:
        """ "was succeeded at the War Ministry by B": the minister's office of the ministry
        the at-phrase names (a bare "at the ministry" names none: the post left is read)."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "at":
                continue
            for body in prep.children:
                if body.dep_ == "pobj" and "ministry" in lemmas_of(body):
                    return led_office(self.reader, s, sent, body, "head")
        return None

    def more_offices(
        self, s: Sentence, sent: SpacySpan, complement: Token | None
    ) -> list[OfficeRef]:
        """The offices coordinated with the one a verb gives ("was named Premier and
        First Vice Chairman of the party"): each conjunct headed by an office's word."""
        out: list[OfficeRef] = []
        if complement is None:
            return out
        for conj in (c for c in complement.children if c.dep_ == "conj"):
            if conj.lower_ not in office_head_words():
                continue
            after = conj.right_edge.i + 1
            if after < len(conj.doc) and conj.doc[after].ent_type_ == "PERSON":
                continue  # "became Minister of X and Prime Minister B resigned": B's title
            begin = self.offset(s, sent, conj.left_edge)
            # "Minister of Justice and Minister of the Interior": the parser may hang the
            # last conjunct's of-phrase on the first
            last = max(conj.right_edge, complement.right_edge, key=lambda t: t.i)
            end = self.offset(s, sent, last) + len(last.text)
            found = self.reader.offices.after(s, begin, end, any_case=True)
            if found is not None:
                out.append(found[0])
        return out
