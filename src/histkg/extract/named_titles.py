"""Titles said around a name in the sentence's text: before it ("Foreign Minister A",
"former Premiers A and B", "Senate President C"), apposed before it ("the Minister of
Finance, A,") and after it ("A, the Premier,"); and the date such a title is said at."""

from __future__ import annotations

import re

from histkg.extract.grammar import CLAUSE_DEPS
from histkg.extract.mentions import Sentence
from histkg.extract.title_tenures import TitleReading
from histkg.lexicon import lexicon
from histkg.model import Date, Mention, OfficeRef, TenureRecord

#: capitalised words that open a sentence before a title, not a body that owns it
SENTENCE_WORDS = frozenset(
    {"the", "a", "an", "in", "on", "at", "then", "former", "later", "when", "after", "and"}
)


#: "the Governor of Zulia, " right before a name: a post phrase set before it
POST_APPOSITION_RE = re.compile(
    r"(?<![\w-])the\s+(?P<phrase>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){1,7}),\s+$"
)


class NamedTitles(TitleReading):
    """Reads titles around names (a part of ``TenureReader``)."""

    def title_tenures(self, s: Sentence) -> dict[int, TenureRecord]:
        """ "Foreign Minister Anna Berg", "former Premiers A and B", "A, the Premier,"."""
        found: dict[int, TenureRecord] = {}
        previous: tuple[TenureRecord, bool] | None = None
        for m in s.persons:
            if s.in_quotes(m.span.begin):
                previous = None  # the episode "President Zero"
                continue
            before = self.reader.article.text[s.begin : m.span.begin]
            match = self.reader.offices.title_before_name_re.search(before)
            if match and self._names_a_work(s, s.begin + match.start("title")):
                match = None  # "the television series Judge Anna Lind": a work's title
            tenure = None
            plural = False
            owner = (
                re.search(r"([A-Z][\w.'’&-]*)['’]?s?\s+$", before[: match.start()])
                if match
                else None
            )
            owned = None
            if (
                match
                and owner is not None
                and owner.group(1) not in lexicon().demonyms
                and owner.group(1).lower() not in SENTENCE_WORDS
            ):
                body = owner.group(1)
                if body in lexicon().governing_bodies and "s" not in owner.group(0)[len(body) :]:
                    # "Senate President A": the post of a governing body, no state's office
                    form = self.reader.offices.office_forms[match.group("title")]
                    owned = f"{body} {form.title}"
                else:
                    match = None  # "UFC President A", "Harvard's President B": a body's title
            if match and owned is not None:
                tenure = TenureRecord(
                    m,
                    OfficeRef(owned, "post", phrase=owned),
                    self.reader.span(s),
                    former=bool(match.group("former")),
                    rule="tenure.title-before-name",
                )
            elif match:
                title = match.group("title")
                plural = (
                    title.endswith("s") and self.reader.offices.office_forms[title].title != title
                )
                tenure = TenureRecord(
                    m,
                    self.reader.offices.office(title, None, s, s.begin + match.start("title")),
                    self.reader.span(s),
                    former=bool(match.group("former")),
                    rule="tenure.title-before-name",
                )
            elif plural_title := self.reader.offices.plural_title(s, m.span.begin):
                office, former = plural_title
                tenure = TenureRecord(
                    m, office, self.reader.span(s), former=former, rule="tenure.plural-title"
                )
                plural = True
            elif previous is not None and previous[1]:
                gap = self.reader.article.text[previous[0].holder.span.end : m.span.begin]
                if gap in {" and ", ", ", ", and "}:
                    prev = previous[0]
                    tenure = TenureRecord(
                        m, prev.office, prev.evidence, former=prev.former, rule=prev.rule
                    )
                    plural = True
            elif (before_appo := self.reader.offices.title_appos_before_re.search(before)) and (
                self._closes_apposition(s, m)
            ):
                title = before_appo.group("title")
                tenure = TenureRecord(
                    m,
                    self.reader.offices.office(
                        title, None, s, s.begin + before_appo.start("title")
                    ),
                    self.reader.span(s),
                    former=bool(before_appo.group("former")),
                    rule="tenure.title-apposition",
                )
            elif (post := self._post_apposition(s, m, before)) is not None:
                tenure = post
            else:
                after = self.reader.article.text[m.span.end : s.end]
                appo = self.reader.offices.title_after_name_re.match(after)
                if appo:
                    at = m.span.end + appo.start("title")
                    office = self.reader.offices.office(appo.group("title"), None, s, at)
                    read = self.reader.offices.after(s, at, s.end)
                    if read is not None and read[0].org is not None and office.scope == "state":
                        office = read[0]  # "A, the President of the Senate,": the body's post
                    tenure = TenureRecord(
                        m,
                        office,
                        self.reader.span(s),
                        former=bool(appo.group("former")),
                        rule="tenure.title-after-name",
                    )
                    dated = self._years_after(s, m.span.end + appo.end("title"))
                    tenure.start, tenure.end, tenure.attested = dated
            if tenure is not None:
                if not tenure.former and tenure.attested is None and tenure.start is None:
                    tenure.attested = self._clause_date(s, m.span.begin)
                found[m.span.begin] = tenure
                self.reader.out.tenures.append(tenure)
                previous = (tenure, plural)
            else:
                previous = None
        return found

    def _post_apposition(self, s: Sentence, m: Mention, before: str) -> TenureRecord | None:
        """ "arrested the Governor of Zulia, A,", "by the city's chief of police, B": a post
        the lexicon reads by its noun ("governor of", "chief of"), set before the name, the
        whole phrase between "the" and the comma."""
        found = POST_APPOSITION_RE.search(before)
        if found is None or not self._closes_apposition(s, m):
            return None
        begin, end = s.begin + found.start("phrase"), s.begin + found.end("phrase")
        if re.search(r"[A-Z][\w'’.-]*,\s*$", before[: found.start()]):
            return None  # "A, the chief of the Naval Staff, B": A's title, not B's
        read = self.reader.offices.after(s, begin, end, any_case=True, bare=False)
        if read is None or read[0].scope != "post" or read[1] < end - 1:
            return None
        if not re.search(r"\s(?:of|to|for)\s+(?:the\s+)?[A-Z]", found.group("phrase")):
            return None  # "the leader of the strikers": no named body or place
        return TenureRecord(m, read[0], self.reader.span(s), rule="tenure.post-apposition")

    def _closes_apposition(self, s: Sentence, m: Mention) -> bool:
        """Whether a name set after "the Minister of X," ends there: a comma, a clause's
        end or a verb follows it ("the Minister of Finance, A, was shot"), not more words
        of a list ("the minister, A and B")."""
        after = self.reader.article.text[m.span.end : s.end]
        return re.match(r"\s*(?:[,;.)]|$|\s(?:was|were|had|has|who)\b)", after) is not None

    def _clause_date(self, s: Sentence, at: int) -> Date | None:
        """When "President A" is said to hold the title: the date of the clause the name
        is in (not of a clause hanging off it: "…, created in 1938 by former President B"),
        else the date that opens the sentence; without a parse, the nearest date."""
        sent = s.parse
        if sent is None:
            return self.reader.date_for(s, *self.reader.segment(s, at), at)
        token = next((t for t in sent if self.offset(s, sent, t) >= at), None)
        verb = token
        while verb is not None and verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
            verb = verb.head
        if verb is None or verb.pos_ not in {"VERB", "AUX"}:
            return None
        clause, stack = [], [verb]
        while stack:
            t = stack.pop()
            clause.append(t)
            stack.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS)
        offsets = {self.offset(s, sent, t) for t in clause}
        dates = [d.date for d in s.dates if d.begin in offsets and not d.relative]
        if dates:
            return dates[0]
        root = sent.root
        opening = {self.offset(s, sent, t) for t in root.children if t.i < root.i}
        opening |= {
            self.offset(s, sent, t) for c in root.children if c.i < root.i for t in c.subtree
        }
        dates = [d.date for d in s.dates if d.begin in opening and not d.relative]
        return (
            dates[-1]
            if dates and not any(a.dep_ in {"relcl", "acl"} for a in [verb, *verb.ancestors])
            else None
        )
