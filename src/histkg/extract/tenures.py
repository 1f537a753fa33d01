"""Tenures the grammar of a sentence states without an event.

- apposition: "A, the Minister of Defence,", "A, a member of the Board,", "A (chairman
  of Gosplan)", "his wife (then vice-president) A";
- copula: "A was a secretary of the regional committee in 1910", "From 1901 to 1904, A
  was a member of the Central Committee";
- holding verbs: "A served as / held the post of / occupied the position of X from 1950
  to 1953", "A headed X".

The office phrase itself is read from the lexicon (``OfficeReader.after``);
the parse says who holds it and which dates ("from … to …", "until …") bound it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from histkg.extract.doc_table import doc_table, label_hashes
from histkg.extract.expansion import expand
from histkg.extract.leading import leading_verb, led_tenures
from histkg.extract.mentions import Sentence
from histkg.extract.named_titles import SENTENCE_WORDS, NamedTitles
from histkg.extract.office_phrases import (
    coordinated_offices,
    relative_subject,
    with_object_before,
)
from histkg.extract.role_names import title_head_words
from histkg.extract.rules import lemmas_of, words
from histkg.lexicon import lexicon
from histkg.model import Mention, OfficeRef, TenureRecord

if TYPE_CHECKING:
    from histkg.extract.text import ArticleReader

#: verbs whose object or as-phrase is an office held: "served as", "held the post of"
HOLDING_VERBS = words("holding_verbs")
#: nouns that stand for the office in "held the post of X"
POST_NOUNS = words("post_nouns")
#: verbs whose as-phrase is not an office held ("regarded as", "known as", "sent as")
NOT_HOLDING = words("not_holding")
FORMER = words("former")
#: verbs whose as-phrase is the office their object holds ("included A as Minister")
OBJECT_HOLDING = words("object_holding")
#: verbs whose complement is what their subject is: "was Premier", "remained Premier"
COPULAS = frozenset({"be", "remain", "stay"})
#: one or two capitalised words before an office: a region's or body's ("Western premier")
SCOPE_RE = re.compile(r"(?:[A-Z]\w*(?:-[A-Z]\w*)*\s+){1,2}(?=[a-z])")
DETERMINERS_RE = re.compile(
    r"(?:(?:the|a|an|then|later|also|its|his|her|their|former|formerly|previously|onetime|one-time|erstwhile|longtime|long-time)\s+)*(?:(?:the\s+)?(?:country|nation|state|party|government)['’]s\s+)?",
    re.IGNORECASE,
)


class TenureReader(NamedTitles):
    """Reads the tenures of one article's sentences."""

    def __init__(self, reader: ArticleReader) -> None:
        self.reader = reader

    def _person(self, s: Sentence, sent: SpacySpan, token: Token) -> Mention | None:
        at = self.offset(s, sent, token)
        for m in s.persons:
            if m.span.begin <= at < m.span.end:
                return m
        if token.lower_ in {"he", "she"}:
            return self.reader.grammar.resolve_pronoun(s, sent, token)
        return None

    def _office(self, s: Sentence, sent: SpacySpan, phrase: Token) -> TenureRecord | None:
        """The office the phrase headed by ``phrase`` names, from its first word."""
        left = phrase.left_edge
        begin = self.offset(s, sent, left)
        end = self.offset(s, sent, phrase.right_edge) + len(phrase.right_edge.text)
        text = self.reader.article.text
        lead = DETERMINERS_RE.match(text, begin, end)
        at = lead.end() if lead else begin
        found = self.reader.offices.after(s, at, end, any_case=True) or self._scoped(s, at, end)
        if found is None:
            return None
        office, office_end = found
        if office_end <= self.offset(s, sent, phrase):
            return None  # "the emperor's brother": the office is not what the phrase names
        if office.scope == "state" and any(
            c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in phrase.children
        ):
            # "Congress censured its President, A": the body's post, not the state's
            bodies = [o for o in s.orgs if o.span.end <= begin]
            if not bodies or office.org is not None:
                return None
            body = bodies[-1]
            the = "" if body.text.startswith(("the ", "The ")) else "the "
            title = f"{office.title} of {the}{body.text}"
            office = OfficeRef(title, "post", org=body, phrase=title)
        holder = Mention("person", "", self.reader.span(s))  # filled in by the caller
        record = TenureRecord(holder, office, self.reader.span(s), rule="")
        record.start, record.end, record.attested = self._years_after(s, office_end)
        return record

    def _scoped(self, s: Sentence, at: int, end: int) -> tuple[OfficeRef, int] | None:
        """ "the Western premier, A", "the Northern Region governor, B": an office of a
        region or body the capitalised words before it name (a post of its own, not the
        country's office); not a demonym's ("the Soviet premier") nor a place's."""
        scope = SCOPE_RE.match(self.reader.article.text, at, end)
        if scope is None:
            return None
        words = scope.group(0).split()
        lex = lexicon()
        places = {p.text for p in s.places}
        if any(w in lex.demonyms or w in places or w.lower() in SENTENCE_WORDS for w in words):
            return None
        found = self.reader.offices.after(s, scope.end(), end, any_case=True)
        if found is None or found[0].org is not None:
            return None
        title = f"{' '.join(words)} {found[0].title}"
        return OfficeRef(title, "post", phrase=title), found[1]

    def read(
        self, s: Sentence, sent: SpacySpan, titled: dict[int, TenureRecord]
    ) -> list[TenureRecord]:
        out: list[TenureRecord] = self._titles(s, sent, titled)
        table, doc = doc_table(sent.doc), sent.doc
        wanted = label_hashes(doc.vocab.strings, ("appos", "attr", "prep"))
        for i in range(sent.start, sent.end):
            if table.deps[i] not in wanted and table.pos[i] != "VERB":
                continue  # none of the four below
            token = doc[i]
            if token.dep_ == "appos":
                out += self._apposition(s, sent, token, titled)
            elif token.dep_ == "attr" and lemmas_of(token.head) & COPULAS:
                out += self._copula(s, sent, token)
            elif token.pos_ == "VERB" and lemmas_of(token) & HOLDING_VERBS:
                out += self._holding(s, sent, token)
            elif token.pos_ == "VERB" and (kind := leading_verb(token)):
                out += led_tenures(self, s, sent, token, kind)
            elif (
                token.dep_ == "prep"
                and token.lower_ == "as"
                and (
                    token.head.pos_ in {"VERB", "AUX"}
                    or relative_subject(token.head)
                    or _set_off(token)  # "A, as Minister of Finance, signed …"
                    or with_object_before(token) is not None  # "with A as X and B as Y"
                )
            ):
                out += self._as_adjunct(s, sent, token)
        for tenure in out:
            self.reader.out.tenures.append(tenure)
        return out

    def _apposition(
        self, s: Sentence, sent: SpacySpan, token: Token, titled: dict[int, TenureRecord]
    ) -> list[TenureRecord]:
        holder, phrase = self._person(s, sent, token.head), token
        phrases = coordinated_offices(phrase)  # "A, war minister and governor of B,"
        office_noun = token.head.pos_ == "NOUN" or token.head.lower_ in title_head_words()
        if holder is None and office_noun:
            # "the ambassador to Britain, Pavel Dornik,": the name is the apposition (and
            # "the prime minister, A, and the finance minister, B": B is the second's)
            holder, phrase = self._person(s, sent, token), token.head
            phrases = [phrase]
        if holder is None or holder.span.begin in titled:
            return []
        out = []
        for office_phrase in phrases:
            tenure = self._office(s, sent, office_phrase)
            if tenure is None:
                if office_phrase == phrase:
                    return []
                continue
            tenure.holder = holder
            tenure.former = any(c.lower_ in FORMER for c in office_phrase.children)
            if tenure.start is None and tenure.end is None:
                # "A, the Minister of Finance from 1920 to 1924,": on the office phrase, or
                # where the parse hangs it, on the name after the apposition
                tenure.start, tenure.end = self._dates(s, sent, office_phrase, office_phrase)
                if tenure.start is None and tenure.end is None and phrase.head.i < phrase.i:
                    tenure.start, tenure.end = self._dates(s, sent, phrase.head)
            tenure.rule = "tenure.apposition"
            out.append(tenure)
        return out

    def _copula(self, s: Sentence, sent: SpacySpan, token: Token) -> list[TenureRecord]:
        verb = token.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects or any(c.dep_ == "neg" for c in verb.children):
            return []
        if (
            verb.dep_ == "relcl"
            and verb.head.dep_ == "appos"
            and verb.head.pos_ == "NOUN"
            and all(c.lower_ in {"who", "that"} for c in subjects)
        ):
            # "A, a colonel who had once been Minister of Labour,": the name the noun is
            # set beside
            subjects = [verb.head.head]
        holders = [m for m in (self._person(s, sent, t) for t in expand(subjects)) if m is not None]
        if len(holders) != 1:
            return []
        out = []
        phrases = expand([token])
        phrases += [p for p in coordinated_offices(token) if p not in phrases]
        for phrase in phrases:
            tenure = self._office(s, sent, phrase)
            if tenure is None:
                continue
            tenure.holder = holders[0]
            start, end = self._phrase_dates(s, sent, verb, phrase)
            if start is not None or end is not None:
                tenure.start, tenure.end = start, end
            tenure.former = any(c.lower_ in FORMER for c in phrase.children)
            tenure.rule = "tenure.copula"
            out.append(tenure)
        return out

    def _as_adjunct(self, s: Sentence, sent: SpacySpan, prep: Token) -> list[TenureRecord]:
        """ "As Attorney General, A played a role", "A, as chief of the naval staff, led …":
        the office its subject held then."""
        verb = prep.head
        if relative_subject(verb):  # "A, who as chief of staff had opposed it,"
            verb = verb.head
        if _set_off(prep):  # "A, as Minister of Finance, signed …": the name's own phrase
            holder = self._person(s, sent, prep.head)
            if holder is None:
                return []
            out = []
            for phrase in (c for c in prep.children if c.dep_ == "pobj"):
                tenure = self._office(s, sent, phrase)
                if tenure is not None:
                    tenure.holder, tenure.rule = holder, "tenure.as-adjunct"
                    if tenure.start is None and tenure.end is None:
                        tenure.attested = self._clause_date(s, self.offset(s, sent, prep))
                    out.append(tenure)
            return out
        if lemmas_of(verb) & (HOLDING_VERBS | NOT_HOLDING):
            return []  # "served as" is read above; "was regarded as", "known as" are not
        subjects = [
            c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and not relative_subject(c)
        ]
        accompanied = with_object_before(prep)
        if accompanied is not None:  # "the trial opened with A as prosecutor": A's office
            subjects = [accompanied]
        elif lemmas_of(verb) & OBJECT_HOLDING:  # "the cabinet included A as Minister"
            subjects = [c for c in verb.children if c.dep_ == "dobj"]
        if not subjects and verb.dep_ == "relcl":
            subjects = [verb.head]
        holders = [m for m in (self._person(s, sent, t) for t in expand(subjects)) if m is not None]
        if len(holders) != 1:
            return []
        out = []
        for phrase in (c for c in prep.children if c.dep_ == "pobj"):
            tenure = self._office(s, sent, phrase)
            if tenure is None:
                continue
            tenure.holder = holders[0]
            tenure.rule = "tenure.as-adjunct"
            out.append(tenure)
        return out

    def _holding(self, s: Sentence, sent: SpacySpan, verb: Token) -> list[TenureRecord]:
        if any(c.dep_ == "neg" for c in verb.children):
            return []
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and not relative_subject(c)]
        if not subjects and verb.dep_ in {"conj", "relcl"}:
            subjects = (
                [verb.head]
                if verb.dep_ == "relcl"
                else [c for c in verb.head.children if c.dep_ == "nsubj"]
            )
        if not subjects and verb.tag_ == "VBG" and verb.dep_ in {"pcomp", "advcl"}:
            # "After serving as ambassador, he became …": the gerund's subject is the clause's
            main = verb.head.head if verb.dep_ == "pcomp" else verb.head
            subjects = [c for c in main.children if c.dep_ == "nsubj"]
        if verb.dep_ == "relcl" and subjects == [verb.head] and verb.head.dep_ == "attr":
            # "A was an officer who served as X": the copula's subject is the officer
            subjects = [c for c in verb.head.head.children if c.dep_ == "nsubj"] or subjects
        holders = [m for m in (self._person(s, sent, t) for t in expand(subjects)) if m is not None]
        if len(holders) != 1:
            return []
        phrases: list[Token] = []
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                phrases += [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ == "dobj" and lemmas_of(child) & {"portfolio", "ministry"}:
                phrases.append(child)  # "held the labour and welfare portfolio"
            elif child.dep_ == "dobj" and lemmas_of(child) & POST_NOUNS:
                # "held the post of X": the office is the of-phrase
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        phrases += [c for c in prep.children if c.dep_ == "pobj"]
        out = []
        for phrase in expand(phrases):
            tenure = self._office(s, sent, phrase)
            if tenure is None:
                continue
            tenure.holder = holders[0]
            start, end = self._phrase_dates(s, sent, verb, phrase)
            if start is not None or end is not None:
                tenure.start, tenure.end = start, end
            tenure.rule = "tenure.holding-verb"
            out.append(tenure)
        for again in (c for c in verb.children if c.dep_ == "conj" and c.lower_ == "as"):
            # "served as A from 1950 to 1953 and as B from 1953 to 1955": B's own dates
            for phrase in expand([c for c in again.children if c.dep_ == "pobj"]):
                tenure = self._office(s, sent, phrase)
                if tenure is None:
                    continue
                tenure.holder = holders[0]
                start, end = self._dates(s, sent, again)
                if start is not None or end is not None:
                    tenure.start, tenure.end = start, end
                tenure.rule = "tenure.holding-verb"
                out.append(tenure)
        return out


def _set_off(prep: Token) -> bool:
    """ "A, as Minister of Finance, …": an as-phrase between commas right after a name."""
    head = prep.head
    if head.pos_ != "PROPN" or prep.i < 2:
        return False
    doc = prep.doc
    return (
        doc[prep.i - 1].text == ","
        and doc[prep.right_edge.i + 1 : prep.right_edge.i + 2].text == ","
    )
