"""Offices named in text, read from the office lexicon (``data/offices.toml``).

``OfficeReader.after`` reads the office a phrase starts with: a title of the lexicon
("Premier", "First Secretary of the Party", in any case where the grammar says an office
stands), a post noun and what names its scope ("ambassador to Japan", "director of a
plant"), or a bare post ("deputy prosecutor"). A title's scope gives its organization
(the article's party) or its country (the article's country).
"""

from __future__ import annotations

import re

from histkg.extract.mentions import Sentence, _alternation
from histkg.lexicon import lexicon
from histkg.model import Article, Mention, OfficeRef, Span


class OfficeReader:
    """Reads offices in one article's text."""

    def __init__(self, article: Article, main_party: str | None, country: Mention | None) -> None:
        self.article = article
        self.main_party = main_party
        self.country = country
        self.office_forms = lexicon().office_by_form()
        self.title_re = re.compile(
            rf"(?<![\w-])(?P<title>{_alternation(list(self.office_forms))})(?![\w-])"
        )
        self.title_re_any_case = re.compile(self.title_re.pattern, re.IGNORECASE)
        self.forms_by_case = {form.lower(): form for form in sorted(self.office_forms)}

    def office(self, title_form: str, phrase_org: Mention | None = None) -> OfficeRef:
        office = self.office_forms[title_form]
        ref = OfficeRef(office.title, office.scope, phrase=title_form)
        if office.scope == "party" and self.main_party:
            ref.org = phrase_org or Mention(
                "org", self.main_party, Span(self.article.doc_id, 0, 0), "PoliticalParty"
            )
        elif office.scope == "body" and phrase_org is not None:
            ref.org = phrase_org
        elif office.scope == "state":
            ref.place = self.country
        return ref

    def after(
        self, s: Sentence, at: int, end: int, *, any_case: bool = False
    ) -> tuple[OfficeRef, int] | None:
        """An office named right after ``at`` ("became Premier", "as ambassador to X");
        with ``any_case``, titles in lower case too ("president A", "vice-president")."""
        rest = self.article.text[at:end]
        lead = re.match(
            r"\s*(?:as\s+(?:the\s+|an?\s+)?|(?:to|from)\s+(?:the\s+)?(?:(?:post|office|position)\s+of\s+)?"
            r"|the\s+)?"
            r"(?:(?:new|acting|interim)\s+)?",
            rest,
        )
        pos = at + (lead.end() if lead else 0)
        rest = self.article.text[pos:end]
        title = (self.title_re_any_case if any_case else self.title_re).match(rest)
        lex = lexicon()
        if title:
            org = None
            tail = re.match(r"\s+of\s+(?:the\s+)?", rest[title.end() :])
            if tail:
                tail_at = pos + title.end() + tail.end()
                org = next((o for o in s.orgs if o.span.begin == tail_at), None)
            form = self.forms_by_case.get(title.group("title").lower(), title.group("title"))
            if not (tail and org is None and self.office_forms[form].scope == "body"):
                return self.office(form, org), pos + title.end()
            # "chairman of Gosplan": a body the text names but the model did not tag; the
            # post reading below keeps its name
        mods = rf"(?:(?:{_alternation(list(lex.post_modifiers))})[\s-]+)*"
        post = re.match(
            rf"(?P<noun>{mods}(?:{_alternation(list(lex.posts_to))}))\s+to\s+", rest, re.IGNORECASE
        )
        if post is None:
            post = re.match(
                rf"(?P<noun>{mods}(?:{_alternation(list(lex.posts_of))}))\s+of\s+",
                rest,
                re.IGNORECASE,
            )
        if post is None and any_case:
            # where the grammar says an office stands: "worked as a deputy prosecutor"
            bare = re.match(
                rf"(?P<noun>{mods}(?:{_alternation(list(lex.posts_bare))}))(?![\w-])",
                rest,
                re.IGNORECASE,
            )
            if bare is not None:
                noun = bare.group("noun")
                title_text = " ".join(w[0].upper() + w[1:].lower() for w in noun.split())
                return OfficeRef(title_text, "post", phrase=noun), pos + bare.end()
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
            r"(?:\s+(?:In|On|At|After|During)\s|[,.;:]\s|[.;:]$|\s+(?:in|on)\s+(?=\d)|\s+and\s+(?=[a-z]))",
            phrase,
        )[0]
        phrase = re.sub(r"\s+(?:as well|too|instead|again)$", "", phrase.strip().rstrip("."))
        phrase_end = pos + len(phrase)
        noun = post.group("noun")
        words = phrase[len(noun) :].strip()
        title_text = noun[0].upper() + noun[1:].lower() + " " + words
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
