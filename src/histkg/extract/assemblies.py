"""Votes, meetings, speeches and agreements: what bodies and people do together.

Votes are found by their tally ("passed by nine votes to three"), who voted which way by the
verbs they are subjects of (``EventReader.voters``), the motion by its head noun
("proposal to …") and its proposer by the noun's possessor. Meetings are named sessions
of a body ("the plenary session of the Senate"), numbered congresses and bodies that
meet; a meeting opened with "At …" is the scene of the next sentence's events. Named
speeches and agreements are read by their capitalised names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from histkg.extract.mentions import Sentence, _alternation
from histkg.extract.rules import lemmas_of
from histkg.model import Date, EventRecord, Mention, Span, TenureRecord

if TYPE_CHECKING:
    from histkg.extract.text import ArticleReader

MEETING_RE = re.compile(
    r"(?P<anaphor>\b(?:that|this|the same)\s+)?"
    r"(?P<name>(?:(?:an?|the)\s+)?(?:(?:[Ee]xtraordinary|[Pp]lenary|[Ss]pecial|[Ee]mergency|[Cc]losed"
    r"|[Ss]ecret|[Jj]oint|(?P<ordinal>\d+(?:st|nd|rd|th)))\s+)*"
    r"(?P<kind>[Ss]ession|[Mm]eeting|[Pp]lenum|Congress|[Cc]onference)"
    # "of the 3rd Central Committee": a body numbered by its convocation
    r"\s+of\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?"
    r"(?P<body>[A-Z][\w-]*(?:\s+(?:of\s+|the\s+)*[A-Z][\w-]*)*))"
)
#: a meeting's kind word holds one of these: a sentence without any holds no meeting
MEETING_KINDS = ("ession", "eeting", "lenum", "Congress", "onference")
VOTE_COUNT_RE = re.compile(
    r"(?P<verb>won|passed|carried|was adopted|was approved|was rejected|failed|lost|was defeated)"
    r"\s+(?:with|by)\s+(?:a\s+vote\s+of\s+)?(?P<a>\d+|[a-z]+)\s*(?:to|-|–)\s*(?P<b>\d+|[a-z]+)(?:\s+votes?)?"
)
#: "rejected the motion on 3 May by 200 votes to 150", "impeached her by 90 votes to 12":
#: a tally after any verb of deciding; the verb the parse hangs the "by" on
VOTE_BY_RE = re.compile(
    r"\b(?:with|by)\s+(?:a\s+(?:vote|margin)\s+of\s+)?(?P<a>\d+)\s+votes?\s+"
    r"(?:to|against)\s+(?P<b>\d+)\b"
)
#: verbs whose tally says the motion failed
FAILING = frozenset({"reject", "defeat", "fail", "lose", "refuse", "acquit"})
#: verbs of a body's decision a tally may follow (not "elected", "beat B by N votes to M":
#: an election's count); "defeated" only in the passive ("the cabinet was defeated by …")
TALLIED = frozenset(
    {"reject", "adopt", "pass", "carry", "approve", "impeach", "censure", "declare", "expel"}
    | {"vote", "acquit", "convict", "ratify", "endorse", "dismiss", "remove", "suspend"}
    | {"overturn", "override", "decide", "resolve", "defeat"}
    | {"fail"}  # "the motion failed in the House on 7 May by 108 votes to 57"
)
MOTION_RE = re.compile(
    r"(?:proposal|motion|resolution|bill|plan)\s+(?P<motion>to\s.+?)\s+(?=won|passed|carried|was|failed|lost)"
)
MOTION_ONLY_RE = re.compile(r"(?:proposal|motion|resolution|bill|plan)\s+(?P<motion>to\s[^.;]+)")
#: "a plenum of the Central Committee was held (on …)", "… convened in May": the meeting
#: the sentence names took place
HELD_RE = re.compile(
    r"\s+(?:(?:was|were)\s+(?:held|convened|called|summoned|opened)|met|convened|opened)\b"
    r"(?:\s+(?:on|in)\s+)?"
)
BODY_MET_RE = re.compile(r"\s+(?:(?:again|then|finally)\s+)?(?P<verb>met|convened|reconvened)\b")
PARTY_CONGRESS_RE = re.compile(r"\b(?P<ordinal>\d+(?:st|nd|rd|th))\s+Party\s+Congress\b")
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
NAMED_AGREEMENT_RE = re.compile(
    r"(?:[Tt]he\s+)?(?P<name>(?:[A-Z][\w-]*\s+)*(?:Agreement|Treaty|Pact|Accord)"
    r"(?:\s+(?:on|of|for|between|and|the)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*)"
)
NAMED_SPEECH_RE = re.compile(r"(?:[Tt]he\s+)?(?P<name>(?:[A-Z][\w-]*\s+)+Speech)")


class AssemblyReader:
    """Reads the votes, meetings, speeches and agreements of one article."""

    def __init__(self, reader: ArticleReader) -> None:
        self.reader = reader

    def _tally_verb(self, s: Sentence) -> tuple[str, bool, int, int, Date | None] | None:
        """The verb a tally "by N votes to M" hangs on, whether the motion passed, the two
        counts and the verb's date ("the Diet rejected the motion on 5 May 1890 by 200
        votes to 150")."""
        count = VOTE_BY_RE.search(s.text)
        if count is None or s.parse is None:
            return None
        sent = s.parse
        at = s.begin + count.start()
        by = next((t for t in sent if s.begin + t.idx - sent.start_char == at), None)
        verb = by.head if by is not None else None
        while verb is not None and verb.pos_ != "VERB" and verb.head is not verb:
            verb = verb.head
        if verb is None or verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBN"}:
            return None
        if any(c.dep_ == "neg" for c in verb.children) or not lemmas_of(verb) & TALLIED:
            return None
        if "defeat" in lemmas_of(verb) and not any(c.dep_ == "auxpass" for c in verb.children):
            return None  # "B beat A by N votes": an election
        a, b = int(count.group("a")), int(count.group("b"))
        verb_at = s.begin + verb.idx - sent.start_char
        clause = [t for t in verb.subtree]
        start = s.begin + clause[0].idx - sent.start_char
        end = s.begin + clause[-1].idx - sent.start_char + len(clause[-1].text)
        date = self.reader.date_for(s, start, end, verb_at)
        return verb.text, not (lemmas_of(verb) & FAILING), a, b, date

    def vote(self, s: Sentence) -> EventRecord | None:
        count = VOTE_COUNT_RE.search(s.text)
        if count is None:
            tally = self._tally_verb(s)
            if tally is None:
                return None
            verb, passed, a, b, date = tally
        else:

            def number(word: str) -> int | None:
                return int(word) if word.isdigit() else NUMBER_WORDS.get(word)

            first, second = number(count.group("a")), number(count.group("b"))
            if first is None or second is None:
                return None
            a, b, date = first, second, None
            verb = count.group("verb")
            passed = verb in {"won", "passed", "carried", "was adopted", "was approved"}
        vote = EventRecord(["Vote"], self.reader.span(s), verb, rule="vote.tally")
        vote.date = date
        vote.outcome = "passed" if passed else "failed"
        # the winning side has more votes, whatever order the text gives them in
        vote.votes_for, vote.votes_against = (
            (max(a, b), min(a, b)) if passed else (min(a, b), max(a, b))
        )
        if s.parse is not None:
            vote.voted_for, vote.voted_against = self.reader.grammar.voters(s, s.parse)
        motion = MOTION_RE.search(s.text)
        ms = s
        prev = self.reader.previous_sentence
        if motion is None and prev is not None and prev.block == s.block:
            # "The Politburo voted on the group's motion to X. The motion failed by 4 to 6 …"
            motion = MOTION_ONLY_RE.search(prev.text)
            if motion is not None:
                ms = prev
                vote.extra_evidence.append(self.reader.span(prev))
        if motion:
            vote.motion = motion.group("motion")
            proposer = self._proposer(ms, ms.begin + motion.start())
            if proposer is not None:
                vote.agents.append(proposer)
            as_office = re.search(
                rf"\breplace\s+(?P<who>.+?)\s+as\s+(?P<title>{_alternation(list(self.reader.offices.office_forms))})",
                motion.group("motion"),
            )
            if as_office:
                holders = ms.persons_in(ms.begin + motion.start(), ms.begin + motion.end())
                if holders:
                    t = TenureRecord(
                        holders[0],
                        self.reader.offices.office(as_office.group("title")),
                        self.reader.span(ms),
                        rule="vote.proposer-office",
                    )
                    self.reader.out.tenures.append(t)
        bodies = [o for o in s.orgs if o.org_class == "GoverningBody"]
        if not bodies and ms is not s:
            bodies = [o for o in ms.orgs if o.org_class == "GoverningBody"]
        if bodies:
            vote.organization = bodies[0]
        vote.participants = vote.voted_for + vote.voted_against
        return vote

    def _proposer(self, s: Sentence, at: int) -> Mention | None:
        """Whose motion it was: the possessor of the motion noun ("the group's proposal",
        "Berg's motion")."""
        if s.parse is None:
            return None
        sent = s.parse
        noun = next((t for t in sent if s.begin + t.idx - sent.start_char >= at), None)
        if noun is None:
            return None
        for owner in (c for c in noun.children if c.dep_ == "poss"):
            found = self.reader.grammar.fillers(s, sent, [owner])
            if found.persons or found.orgs:
                return (found.persons or found.orgs)[0]
        return None

    def meetings(self, s: Sentence) -> list[EventRecord]:
        out = []
        text = s.text
        kinds = any(k in text for k in MEETING_KINDS)
        for m in MEETING_RE.finditer(text) if kinds else ():
            if m.group("anaphor"):
                if self.reader.ctx.scene is not None:
                    self.reader.ctx.scene_sentence = self.reader.sentence_no
                continue
            body_at = s.begin + m.start("body")
            org = next((o for o in s.orgs if o.span.begin <= body_at < o.span.end), None)
            if org is None:
                continue
            name = re.sub(r"^(?:an?|the)\s+", "", m.group("name"))
            end = s.begin + m.end()
            after = self.reader.article.text[end : s.end]
            held = re.match(r"\s+(?:held\s+)?(?:on|in)\s+", after)
            held_date = None
            if held:
                held_date = next((d.date for d in s.dates if d.begin == end + held.end()), None)
            took_place = HELD_RE.match(after)
            if took_place and held_date is None:
                at = end + took_place.end()
                held_date = next((d.date for d in s.dates if d.begin == at), None)
            # "At a session of the Politburo A …", "arrested during a session of B"
            scene = (
                re.search(r"(?:(?:^|[,;]\s*)[Aa]t|\bduring)\s+$", s.text[: m.start()]) is not None
            )
            if held_date is None and not m.group("ordinal") and not scene and not took_place:
                continue  # a body named in passing, not a meeting that took place
            date = held_date
            if date is None:
                seg = self.reader.segment(s, s.begin + m.start())
                date = self.reader.date_for(s, seg[0], seg[1], s.begin + m.start())
            meeting = EventRecord(
                ["Meeting"],
                self.reader.span(s),
                m.group("kind"),
                date=date,
                organization=org,
                rule="meeting.session-of",
            )
            meeting.name = name[0].upper() + name[1:]
            out.append(meeting)
            if scene:
                self.reader.ctx.scene = meeting
                self.reader.ctx.scene_sentence = self.reader.sentence_no
        for org in (o for o in s.orgs if o.org_class == "GoverningBody"):
            # "the Politburo met on 5 May 1962": a meeting of that body
            met = BODY_MET_RE.match(self.reader.article.text, org.span.end, s.end)
            if met is None:
                continue
            seg = self.reader.segment(s, met.end())
            meeting = EventRecord(
                ["Meeting"],
                self.reader.span(s),
                met.group("verb"),
                organization=org,
                rule="meeting.body-met",
            )
            meeting.date = self.reader.date_for(s, seg[0], seg[1], met.end())
            meeting.name = f"Meeting of the {org.text}"
            out.append(meeting)
        for m in PARTY_CONGRESS_RE.finditer(s.text):
            # "the 22nd Party Congress": a congress of the article's party
            if self.reader.main_party is None:
                continue
            seg = self.reader.segment(s, s.begin + m.start())
            party = Mention(
                "org",
                self.reader.main_party,
                Span(self.reader.article.doc_id, 0, 0),
                "PoliticalParty",
            )
            meeting = EventRecord(
                ["Meeting"],
                self.reader.span(s),
                "congress",
                organization=party,
                rule="meeting.party-congress",
            )
            meeting.date = self.reader.date_for(s, seg[0], seg[1], s.begin + m.start())
            meeting.name = f"{m.group('ordinal')} Congress of the {self.reader.main_party}"
            out.append(meeting)
            if re.search(r"(?:^|[,;]\s*)[Aa]t\s+the\s+$", s.text[: m.start()]):
                self.reader.ctx.scene = meeting
                self.reader.ctx.scene_sentence = self.reader.sentence_no
        return out

    def named_events(
        self, s: Sentence, events: list[EventRecord], meetings: list[EventRecord]
    ) -> None:
        text = s.text
        for m in NAMED_SPEECH_RE.finditer(text) if "Speech" in text else []:
            b = s.begin + m.start("name")
            ev = EventRecord(
                ["Speech"], self.reader.span(s), "speech", name=m.group("name"), rule="speech.named"
            )
            poss = [p for p in s.persons if p.span.begin < b and p.span.begin in s.possessive]
            subj = s.persons_in(s.begin, b)
            ev.agents = poss[:1] or subj[:1]
            seg = self.reader.segment(s, b)
            ev.date = self.reader.date_for(s, seg[0], seg[1], b)
            at = re.match(r"\s+(?:delivered|given|made)\s+(?:at|to|before)\s+", text[m.end() :])
            if at and meetings:
                ev.part_of = meetings[0]
            events.append(ev)
        agreed = any(k in text for k in ("Agreement", "Treaty", "Pact", "Accord"))
        for m in NAMED_AGREEMENT_RE.finditer(text) if agreed else ():
            name = m.group("name")
            if not re.search(r"\b(?:signed|concluded|agreed|ratified)\b", text):
                continue
            b = s.begin + m.start("name")
            ev = EventRecord(
                ["Agreement"], self.reader.span(s), "signed", name=name, rule="agreement.named"
            )
            ev.date = self.reader.date_for(s, *self.reader.segment(s, b), b)
            ev.participants = s.persons_in(s.begin, s.end)
            events.append(ev)
