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

from histkg.extract.expansion import filler_kind, lexicon_posts, office_words
from histkg.extract.mentions import Sentence
from histkg.extract.nlp import lemma, title_words
from histkg.extract.pronouns import PronounTracker
from histkg.extract.rules import grammar, lemmas_of, words
from histkg.lexicon import lexicon
from histkg.model import Mention

if TYPE_CHECKING:
    pass

REFLEXIVES = frozenset({"himself", "herself"})
#: words that tell a holder's age or state, not which holder: "the old King", "the new
#: King" (the latest one named)
HOLDER_STATES = frozenset({"new", "old", "dying", "ailing", "aged", "young", "elderly"})
#: what a ruler rules: "overthrew A's government" removes A
RULE_NOUNS = words("rule_nouns")
GROUP_HEADS = words("group_heads")
LEADING_VERBS = words("leading_verbs")
RELATIVE_ADJECTIVES = words("relative_adjectives")
KINSHIP = words("kinship")
#: entity labels of a subject that is no one: "Berlin was …", "The treaty was …"
NOT_SOMEONE = frozenset(
    {"DATE", "EVENT", "FAC", "GPE", "LAW", "LOC", "NORP", "ORG", "PRODUCT", "WORK_OF_ART"}
)


@dataclass
class Fillers:
    """The mentions a role's tokens name."""

    persons: list[Mention] = field(default_factory=list)
    orgs: list[Mention] = field(default_factory=list)
    groups: list[Token] = field(default_factory=list)
    other: list[Token] = field(default_factory=list)


class MentionReader(PronounTracker):
    """Maps role tokens onto one article's mentions (persons, groups, organizations)."""

    def _named_within(self, s: Sentence, sent: SpacySpan, token: Token) -> Mention | None:
        """The person a title's or a group's own phrase names: "Chief of Staff A" (the
        name its of-phrase ends with), "a group … led by A", "a regiment under A"."""
        for child in token.children:  # "a regiment under Colonel A"
            if child.dep_ == "prep" and child.lower_ == "under" and lemma(token) in GROUP_HEADS:
                for obj in child.children:
                    if obj.dep_ == "pobj" and self._person_at(s, sent, obj) is not None:
                        return self._person_at(s, sent, obj)
        for child in token.subtree:
            if child.dep_ == "acl" and lemmas_of(child) & LEADING_VERBS:
                for by in child.children:
                    if by.dep_ == "agent":
                        for obj in by.children:
                            if obj.dep_ == "pobj":
                                return self._person_at(s, sent, obj)
        title = token.text in office_words()
        post = token.pos_ == "PROPN" and token.lower_ in lexicon_posts() and token.dep_ != "appos"
        if title or post:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        if obj.dep_ != "pobj":
                            continue
                        found = self._person_at(s, sent, obj) if title else None
                        if found is not None:
                            return found
                        for appos in (a for a in obj.children if a.dep_ == "appos"):
                            # "the Governor of Zulia, A": the parse hangs A on the place
                            found = self._person_at(s, sent, appos)
                            if found is not None:
                                return found
        return None

    def groups_org(self, s: Sentence, sent: SpacySpan, groups: list[Token]) -> list[Mention]:
        """The organization a group of people is named by ("the leaders of the A Party",
        "officers from the B Army"): who acts for it, for the agent of what they do."""
        out: list[Mention] = []
        for group in groups:
            for mod in group.children:  # "NKVD officers", "Gestapo agents"
                if mod.dep_ in {"compound", "nmod"} and mod.i < group.i:
                    at = self.offset(s, sent, mod)
                    org = next((o for o in s.orgs if o.span.begin <= at < o.span.end), None)
                    if org is not None and org not in out:
                        out.append(org)
            for prep in group.children:
                if prep.dep_ != "prep" or prep.lower_ not in {"of", "from", "within"}:
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    for token in [obj, *(c for c in obj.children if c.dep_ == "conj")]:
                        at = self.offset(s, sent, token)
                        org = next((o for o in s.orgs if o.span.begin <= at < o.span.end), None)
                        if org is not None and org not in out:
                            out.append(org)
        return out

    def _title_holder(self, noun: Token) -> Mention | None:
        """ "the president", "the prime minister's resignation": the one person the
        article has said held that office so far, if there is exactly one."""
        words = [c for c in noun.children if c.i < noun.i and c.dep_ not in {"det", "poss", "case"}]
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return None
        # "the old King", "the dying King": the one holder; "the new King": the latest
        age = [c for c in words if c.dep_ == "amod" and c.lower_ in HOLDER_STATES]
        newest = any(c.lower_ == "new" for c in age)
        words = [c for c in words if c not in age]
        if any(c.dep_ != "compound" for c in words):
            return None  # "the former president", "the next premier": not said which
        title = " ".join([*(c.lower_ for c in words), noun.lower_])
        holders: dict[str, Mention] = {}
        latest = None
        for tenure in self.reader.out.tenures:
            if tenure.office.title.lower() == title and tenure.holder.text:
                holders.setdefault(tenure.holder.text.split()[-1], tenure.holder)
                latest = tenure.holder
        if newest:
            return latest
        return next(iter(holders.values())) if len(holders) == 1 else None

    def fillers(self, s: Sentence, sent: SpacySpan, tokens: list[Token]) -> Fillers:
        out = Fillers()
        for token in tokens:
            if token.pos_ == "NOUN" and lemmas_of(token) & RULE_NOUNS:
                # "overthrew A's government", "the government of A": A
                owners = [c for c in token.children if c.dep_ == "poss"] + [
                    o
                    for c in token.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for o in c.children
                    if o.dep_ == "pobj"
                ]
                if owners and self._person_at(s, sent, owners[0]) is not None:
                    token = owners[0]
            if token.lower_ in REFLEXIVES:  # "he shot himself": the verb's own subject
                subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
                token = subjects[0] if subjects else token
            person = self._person_at(s, sent, token)
            if person is not None and any(
                c.dep_ == "amod" and c.lower_ in RELATIVE_ADJECTIVES for c in token.children
            ):
                person = None  # "the elder Brandt": which of the family is not said by name
            if person is None and token.pos_ == "PRON":
                person = self.resolve_pronoun(s, sent, token)
            if person is None and (
                token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.text in title_words())
            ):
                person = self._title_holder(token)  # "the president resigned", "the Shah"
            if person is None and (
                token.text in office_words()
                or (token.pos_ == "PROPN" and token.lower_ in lexicon_posts())
                or lemma(token) in GROUP_HEADS
                or (token.dep_ == "nsubj" and lemmas_of(token) & grammar().person_nouns)
            ):
                # "dismissed Chief of Staff A", "a group of officers led by A", "officers
                # led by A overthrew B" (who leads those who do it does it)
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
