"""Offices named in text, read from the office lexicon (``data/offices.toml``).

``OfficeReader.after`` reads the office a phrase starts with: a title of the lexicon
("Premier", "General Secretary", in any case where the grammar says an office
stands), a post noun and what names its scope ("ambassador to Japan", "director of a
plant"), or a bare post ("deputy prosecutor"). A title's scope gives its organization
(the article's party) or its country (the article's country).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from histkg.extract.mentions import Sentence, _alternation, body_regex
from histkg.lexicon import count_demonyms, lexicon
from histkg.model import Article, Mention, OfficeRef, Span

#: An ordinal before a title counts its holders ("the 34th President", "its second
#: Premier"): no part of the office. Where the lexicon has the ordinal in a title ("First
#: Secretary"), the title matches first.
ORDINAL_RE = re.compile(
    r"(?:\d+(?:st|nd|rd|th)|(?:[a-z]+-)?(?:first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|eleventh|twelfth|[a-z]+teenth|[a-z]+tieth)|last)\s+",
    re.IGNORECASE,
)


#: "president of the privy council", "chief of staff of the 2nd army": a body in lower case
#: after a state title makes the post that body's, not the country's
#: "the trade and industry portfolio", "the Home Affairs ministry": a portfolio held
PORTFOLIO_RE = re.compile(
    r"(?P<words>[A-Za-z]+(?:\s+(?:and|of)\s+[A-Za-z]+|\s+[A-Za-z]+){0,3}?)\s+(?:portfolio|ministry)\b"
)
_BODY_HEAD_RE = re.compile(
    r"(?:[\w-]+\s+){0,3}?(?:"
    + "|".join(
        re.escape(h.lower())
        for h in sorted({*lexicon().org_heads, *lexicon().governing_bodies}, key=len, reverse=True)
    )
    + r")(?![\w-])",
    re.IGNORECASE,
)


def plural_of(title: str) -> str:
    """ "Minister" -> "Ministers", "Chief of Staff" -> "Chiefs of Staff", "deputy" ->
    "deputies": the plural of a title's head noun (the word before "of", else the last)."""
    words = title.split(" ")
    at = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    head = words[at]
    if head.endswith("s"):
        return title  # "Premiers", "Ministers": already a plural, or no reliable one
    if re.search(r"[^aeiou]y$", head):
        head = head[:-1] + "ies"
    elif re.search(r"(?:s|sh|ch|x|z)$", head):
        head = head + "es"
    else:
        head = head + "s"
    words[at] = head
    return " ".join(words)


#: what a state title may be "of" in lower case and still be the state's ("president of
#: the republic", "head of state of the country")
STATE_RE = re.compile(
    r"(?:republic|country|nation|state|kingdom|federation|confederation|commonwealth|realm"
    r"|empire|principality|emirate|sultanate)(?![\w-])"
)


class OfficeReader:
    """Reads offices in one article's text."""

    def __init__(self, article: Article, main_party: str | None, country: Mention | None) -> None:
        self.article = article
        self.main_party = main_party
        self.country = country
        self.office_forms = lexicon().office_by_form()
        # the article's country counts as every office's only when its infobox says so
        first_block = article.blocks[0].begin if article.blocks else len(article.text)
        self.country_from_infobox = country is not None and country.span.begin < first_block
        self.country_dominant = country is not None and self._dominant(country.text)
        self.title_re = re.compile(
            rf"(?<![\w-])(?P<title>{_alternation(list(self.office_forms))})(?![\w-])"
        )
        self.title_re_any_case = re.compile(self.title_re.pattern, re.IGNORECASE)
        titles = _alternation(list(self.office_forms))
        # "former Premier A", "Foreign Minister B": a title right before a name
        self.title_before_name_re = re.compile(
            rf"(?:(?P<former>former|then|late|ex-)\s+)?(?P<title>{titles})\s+$"
        )
        # "A, the Premier,", "B, former Minister of Finance,": a title right after a name
        self.title_after_name_re = re.compile(
            rf",\s+(?:the\s+)?(?:(?P<former>former)\s+)?(?P<title>{titles})"
            rf"(?:\s+of\s+(?:the\s+)?[A-Z][\w\s]*?)?,"
        )
        # "the Minister of Finance, A,", "the Indian Prime Minister, General B,": a title
        # set before a name as its apposition (the parse often breaks this one)
        ranks = _alternation(sorted(lexicon().honorifics))
        # a word may stand before the title ("the Indian Prime Minister"), not one of the
        # title's own ("the Deputy Prime Minister" is not the Prime Minister, nor "the Lord
        # President" the President)
        own = _alternation(sorted({m.title() for m in lexicon().post_modifiers}))
        self.title_appos_before_re = re.compile(
            rf"(?<![\w-])the\s+(?:(?P<former>former|then)\s+)?(?:(?!(?:{own})\s)[A-Z][a-z]+\s+)?"
            rf"(?P<title>{titles})(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*"
            rf"(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*)?,\s+(?:(?:{ranks})\s+)*$"
        )
        self.forms_by_case = {form.lower(): form for form in sorted(self.office_forms)}
        # "the deputy ministers A, B and C", "Senators D and E": a plural title before names
        lex = lexicon()
        singulars = [*self.office_forms, *lex.posts_bare]
        self.singular_of = {plural_of(f).lower(): f for f in sorted(singulars) if plural_of(f) != f}
        mods = rf"(?:(?:{_alternation(list(lex.post_modifiers))})[\s-]+)*"
        self.plural_title_before_name_re = re.compile(
            rf"(?<![\w-])(?:(?P<former>former|then|late)\s+)?(?P<mods>{mods})"
            rf"(?P<title>{_alternation(list(self.singular_of))})\s+$",
            re.IGNORECASE,
        )

    def plural_title(self, s: Sentence, end: int) -> tuple[OfficeRef, bool] | None:
        """The office a plural title ending at ``end`` (right before a name) gives each
        name it lists ("the deputy ministers A, B and C"), and whether it says "former"."""
        before = self.article.text[s.begin : end]
        match = self.plural_title_before_name_re.search(before)
        if match is None:
            return None
        singular = self.singular_of[match.group("title").lower()]
        mods = match.group("mods")
        form = self.forms_by_case.get(singular.lower())
        if not mods and form is not None:
            ref = self.office(form, None, s, s.begin + match.start("title"))
        else:
            words = f"{mods}{singular}".split()
            title = " ".join(w[0].upper() + w[1:] for w in words)
            ref = OfficeRef(title, "post", phrase=match.group(0).strip())
        return ref, match.group("former") is not None

    def office(
        self,
        title_form: str,
        phrase_org: Mention | None = None,
        s: Sentence | None = None,
        at: int = -1,
    ) -> OfficeRef:
        """The office a lexicon title names; a state office's country comes from the text:
        "of X" or a demonym before the title ("Somali President"), else the article's
        country when its infobox names it or the sentence names it."""
        office = self.office_forms[title_form]
        ref = OfficeRef(office.title, office.scope, phrase=title_form)
        if office.scope == "party" and self.main_party:
            ref.org = phrase_org or Mention(
                "org", self.main_party, Span(self.article.doc_id, 0, 0), "PoliticalParty"
            )
        elif office.scope == "body" and phrase_org is not None:
            ref.org = phrase_org
        elif office.scope == "state":
            ref.place = self._country_of(s, at, title_form)
        return ref

    def _country_of(self, s: Sentence | None, at: int, title_form: str) -> Mention | None:
        text = self.article.text
        demonyms = lexicon().demonyms
        if s is not None and at >= 0:
            after = re.match(r"\s+of\s+(?:the\s+)?", text[at + len(title_form) : s.end])
            if after is not None:  # "President of the Philippines"
                b = at + len(title_form) + after.end()
                place = next((p for p in s.places if p.span.begin == b), None)
                if place is not None:
                    return place
            before = re.search(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+$", text[s.begin : at])
            if before is not None:  # "Somali President", "North Korean ambassador"
                words = before.group(1)
                for n in (2, 1):
                    key = " ".join(words.split()[-n:])
                    if key in demonyms:
                        b = (
                            at
                            - len(key)
                            - (len(text[s.begin : at]) - len(text[s.begin : at].rstrip()))
                        )
                        return Mention(
                            "place", demonyms[key], Span(self.article.doc_id, b, b + len(key))
                        )
        if self.country is None:
            return None
        if self.country_from_infobox or self.country_dominant:
            return self.country
        if s is not None and self._names_country(s.text):
            return self.country  # the sentence itself names the country
        return None

    def _dominant(self, place: str) -> bool:
        """Whether more than half of the article's demonyms name ``place``."""
        counts, _first = count_demonyms(self.article.text)
        total = sum(counts.values())
        return counts.get(place, 0) * 2 > total

    def _names_country(self, text: str) -> bool:
        assert self.country is not None
        place = self.country.text
        forms = [place] + [d for d, p in lexicon().demonyms.items() if p == place]
        return any(re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text) for f in forms)

    def _before_next_office(self, phrase: str, start: int) -> str:
        """ "Governor of the Northern Province and Minister of the Interior": the phrase up
        to an "and" that another office's title follows (a body's own "and", "Ministry of
        Trade and Industry", is kept)."""
        for joint in re.finditer(r"\s+and\s+(?:the\s+)?", phrase[start:]):
            after = phrase[start + joint.end() :]
            if self.title_re.match(after) or _post_word_re().match(after):
                return phrase[: start + joint.start()]
        return phrase

    def _portfolio(self, s: Sentence, pos: int, rest: str) -> tuple[OfficeRef, int] | None:
        """ "the trade and industry portfolio", "the Justice portfolio", "the Home Affairs
        ministry": the minister's office of a portfolio the lexicon knows (each part of
        one joined by "and")."""
        found = PORTFOLIO_RE.match(rest)
        if found is None:
            return None
        words = found.group("words")
        name = " ".join(w if w in {"and", "of"} else w[0].upper() + w[1:] for w in words.split())
        known = {
            f[len("Minister of ") :] for f in self.office_forms if f.startswith("Minister of ")
        }
        if not all(part in known for part in name.split(" and ")):
            return None
        title = f"Minister of {name}"
        form = self.forms_by_case.get(title.lower())
        end = pos + found.end()
        if form is not None:
            return self.office(form, None, s, pos), end
        ref = OfficeRef(title, "state", phrase=found.group(0))
        ref.place = self._country_of(s, -1, title)
        return ref, end

    def after(
        self, s: Sentence, at: int, end: int, *, any_case: bool = False, bare: bool | None = None
    ) -> tuple[OfficeRef, int] | None:
        """An office named right after ``at`` ("became Premier", "as ambassador to X");
        with ``any_case``, titles in lower case too ("president A", "vice-president");
        with ``bare`` (default: as ``any_case``), a post noun alone ("deputy prosecutor")."""
        read_bare = any_case if bare is None else bare
        hyphened = re.search(r"(?<![\w-])[A-Za-z]+-$", self.article.text[max(0, at - 20) : at])
        if hyphened and hyphened.group(0).lower() != "ex-":
            # "vice-president" read from its last word: the whole word is the title
            at -= len(hyphened.group(0))
        rest = self.article.text[at:end]
        lead = re.match(
            r"\s*(?:as\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+)?|(?:to|from)\s+(?:the\s+)?(?:(?:post|office|position)\s+of\s+)?"
            r"|the\s+|an?\s+)?"
            # "the country's first President", "the party's sole Vice Chairman"
            r"(?:(?:country|nation|state|republic|party|kingdom|government)['’]s\s+|its\s+)?"
            r"(?:(?:new|(?P<capacity>acting|interim)|sole|only|incumbent|outgoing|youngest|oldest"
            r"|longest[- ]serving|shortest[- ]serving)\s+)?",
            rest,
        )
        pos = at + (lead.end() if lead else 0)
        # "acting President", "interim prosecutor": held in that capacity, a title of its own
        capacity = lead.group("capacity") if lead else None
        rest = self.article.text[pos:end]
        title_re = self.title_re_any_case if any_case else self.title_re
        title = title_re.match(rest)
        ordinal = ORDINAL_RE.match(rest)
        if title is None and ordinal is not None:  # "the second President of X" counts holders
            title = title_re.match(rest[ordinal.end() :])
            if title is not None:
                pos += ordinal.end()
                rest = rest[ordinal.end() :]
        lex = lexicon()
        if title is None:
            held = self._portfolio(s, pos, rest)
            if held is not None:
                return held
        if title:
            org = None
            tail = re.match(r"\s+of\s+(?:the\s+)?", rest[title.end() :])
            if tail:
                tail_at = pos + title.end() + tail.end()
                org = next((o for o in s.orgs if o.span.begin == tail_at), None)
            form = self.forms_by_case.get(title.group("title").lower(), title.group("title"))
            scope = self.office_forms[form].scope
            of_place = tail is not None and any(p.span.begin == tail_at for p in s.places)
            after_of = rest[title.end() + tail.end() :] if tail else ""
            org_named = (
                tail is not None
                and not of_place
                and (
                    re.match(r"[A-Z]", after_of) is not None
                    or _BODY_HEAD_RE.match(after_of) is not None
                    # "president of the football club": a body in lower case, not the state
                    or (re.match(r"[a-z]", after_of) is not None and not STATE_RE.match(after_of))
                )
            )
            if not (tail and org is None and scope == "body") and not (
                scope == "state" and org_named
            ):
                office = self.office(form, org, s, pos)
                if capacity is not None:
                    office = replace(
                        office,
                        title=f"{capacity.capitalize()} {office.title}",
                        phrase=f"{capacity} {office.phrase}",
                    )
                return office, pos + title.end()
            # "chairman of Gosplan", "President of Harvard University": a body the title
            # belongs to; the post reading below keeps its name
            # "chairman of Gosplan": a body the text names but the model did not tag; the
            # post reading below keeps its name
        if capacity is not None and lead is not None:  # "acting prosecutor": kept in the post
            pos = at + lead.start("capacity")
            rest = self.article.text[pos:end]
        mods = rf"(?:(?:{_alternation(list(lex.post_modifiers))})[\s-]+)*"
        post = re.match(
            rf"(?P<noun>{mods}(?:{_alternation(list(lex.posts_to))}))\s+to\s+", rest, re.IGNORECASE
        )
        if post is None:
            # "commissar of X", "People's Commissar for Internal Affairs" (a "for" before a
            # name only: not "minister for ten years")
            post = re.match(
                rf"(?P<noun>{mods}(?:{_alternation(list(lex.posts_of))}))"
                r"\s+(?:of\s+|[Ff]or\s+(?=(?:the\s+)?[A-Z]))",
                rest,
                re.IGNORECASE,
            )
        if post is None and read_bare:
            # where the grammar says an office stands: "worked as a deputy prosecutor"
            alone = re.match(
                rf"(?P<noun>{mods}(?:{_alternation(list(lex.posts_bare))}))(?![\w'’-])",
                rest,
                re.IGNORECASE,
            )
            if alone is not None:
                noun = alone.group("noun")
                title_text = _title_case(noun)
                return OfficeRef(title_text, "post", phrase=noun), pos + alone.end()
        if post is None:
            return None
        stop = end
        for m in s.persons:
            if m.span.begin > pos + post.end():
                stop = min(stop, m.span.begin)
        for d in s.dates:
            if d.begin > pos + post.end():
                stop = min(stop, d.begin)
        phrase = self.article.text[pos:stop]
        phrase = re.split(
            r"(?:\s+(?:In|On|At|After|During)\s|[,.;:]\s|[.;:]$|\s*\(|\s+(?:in|on)\s+(?=\d)|\s+and\s+(?=[a-z])"
            r"|\s+(?:as|from|until|since|when|where|while|after|before)\s)",
            phrase,
        )[0]
        phrase = re.sub(r"\s+(?:as well|too|instead|again)$", "", phrase.strip().rstrip("."))
        # "ambassador to Peru in 1932", cut at the date: not "… Peru in"
        phrase = re.sub(r"\s+(?:in|on|at|by|during|from|since|until|of|to|for)$", "", phrase)
        phrase = self._before_next_office(phrase, len(post.group("noun")))
        phrase_end = pos + len(phrase)
        noun = post.group("noun")
        words = phrase[len(noun) :].strip()
        if noun.lower().split()[-1] == "member" and not body_regex().search(words):
            return None  # a member of a governing body holds a seat; of a club, nothing
        title_text = _title_case(noun) + " " + words
        place = next((p for p in s.places if pos <= p.span.begin < phrase_end), None)
        org = next((o for o in s.orgs if pos <= o.span.begin < phrase_end), None)
        org_phrase = re.match(
            r"(?:of|to)\s+(?:the\s+|a\s+|an\s+)?(?P<org>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)", words
        )
        if org is None and org_phrase:
            b = phrase_end - len(phrase) + len(noun) + 1 + words.find(org_phrase.group("org"))
            org = Mention(
                "org",
                org_phrase.group("org"),
                Span(self.article.doc_id, b, b + len(org_phrase.group("org"))),
            )
            if org.text in {p.text for p in s.places}:
                org = None
        ref = OfficeRef(title_text, "post", org=org, place=place, phrase=phrase)
        return ref, phrase_end


@cache
def _post_word_re() -> re.Pattern[str]:
    """A capitalized post that opens the words after an "and" ("… and Governor of B")."""
    lex = lexicon()
    posts = sorted({p for p in (*lex.posts_of, *lex.posts_bare) if " " not in p}, key=len)
    return re.compile(rf"(?:{'|'.join(p.capitalize() for p in reversed(posts))})\b")


def _title_case(noun: str) -> str:
    """ "political secretary" -> "Political Secretary", "delegate-general" ->
    "Delegate-General": a post written as a title."""
    return " ".join(
        "-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")) for w in noun.split()
    )
