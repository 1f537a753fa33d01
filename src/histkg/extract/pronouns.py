"""Who "he", "his" and "him" refer to, keeping who was talked of last.

``PronounTracker`` follows the subjects of an article's sentences: a pronoun refers to a
single person who is the subject earlier in its sentence or of the sentence before, or, in
a biography, to its subject — never to someone the sentence itself names after the
pronoun, nor across a sentence about someone unnamed (see ``_resolve_pronoun``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from histkg.extract.clause_shapes import (
    GENDER,
    absolute,
    fronted_description,
    name_phrase,
    non_finite_adjunct,
    object_pronoun_between,
    opens,
)
from histkg.extract.expansion import PERSONAL_PRONOUNS, expand
from histkg.extract.given_names import person_gender
from histkg.extract.mentions import Sentence
from histkg.extract.modality import across_semicolon
from histkg.extract.nlp import lemma
from histkg.extract.rules import grammar, lemmas_of, words
from histkg.model import Mention, TenureRecord

if TYPE_CHECKING:
    from histkg.extract.text import ArticleReader

KINSHIP = words("kinship")
#: entity labels of a subject that is no one: "Berlin was …", "The treaty was …"
NOT_SOMEONE = frozenset(
    {"DATE", "EVENT", "FAC", "GPE", "LAW", "LOC", "NORP", "ORG", "PRODUCT", "WORK_OF_ART"}
)


#: verbs whose complement's subject is someone else than their own ("had him arrested",
#: "saw him shot", "let him go")
SMALL_CLAUSE_VERBS = frozenset({"have", "get", "make", "let", "see", "watch"})
#: "had him arrested", "got her removed"
CAUSATIVE_VERBS = frozenset({"have", "get"})


#: verbs of bringing something about for someone else: "A engineered his fall", "B
#: demanded his dismissal" (not "C announced his resignation": C's own)
BRINGING_ABOUT = frozenset(
    {"engineer", "orchestrate", "demand", "secure", "order", "arrange", "provoke", "instigate"}
    | {"urge", "seek", "plot", "cause", "precipitate", "request", "sanction", "approve"}
)


class PronounTracker:
    """Resolves personal pronouns in one article, sentence by sentence."""

    def __init__(self, reader: ArticleReader) -> None:
        self.reader = reader
        self.last_subject: Mention | None = None
        self.last_subject_at = (-1, -1)  # (block, sentence number) that set it
        self.last_named: dict[int, Mention] = {}  # block -> the person named last in it
        self.titled: dict[int, TenureRecord] = {}
        self.gender: str | None = None  # of a biography's subject, once counted
        self.last_end = -1  # where the sentence that set last_subject (or other_at) ends
        self.other_at = (-1, -1)  # (block, sentence) whose subject is someone unnamed or unknown
        self.object_pronoun_at = (-1, -1)  # (block, sentence) with "him"/"her" as an object

    # --- tokens to mentions -------------------------------------------------------

    def offset(self, s: Sentence, sent: SpacySpan, token: Token) -> int:
        return s.begin + token.idx - sent.start_char

    def _person_at(self, s: Sentence, sent: SpacySpan, token: Token) -> Mention | None:
        at = self.offset(s, sent, token)
        for m in s.persons:
            if m.span.begin <= at < m.span.end and not s.in_quotes(m.span.begin):
                return m
        return None

    def resolve_pronoun(self, s: Sentence, sent: SpacySpan, token: Token) -> Mention | None:
        """The person a pronoun refers to (see ``_resolve_pronoun``), never a biography's
        subject through a pronoun of the other gender ("she" in the life of a man)."""
        found = self._resolve_pronoun(s, sent, token)
        if found is not None and not self.fits(token, found):
            return None  # "A was defeated by B, and he …": not A, a woman
        if found is not None and token.dep_ in {"nsubj", "nsubjpass"}:
            at = self.offset(s, sent, token)
            if any(m.span.begin > at and _same_person(m, found) for m in s.persons):
                return None  # "he plotted to overthrow A": a subject pronoun is not A
        subject = self.reader.subject
        if found is None or subject is None or not _same_person(found, subject):
            return found
        gender = GENDER.get(token.lower_)
        return None if gender is not None and gender != self._subject_gender() else found

    def fits(self, pronoun: Token, m: Mention) -> bool:
        """Whether a pronoun's gender does not contradict what the text says of the person
        ("Queen A", a woman's given name): "he" is never a woman, "she" never a man."""
        wanted = GENDER.get(pronoun.lower_)
        if wanted is None:
            return True
        text = self.reader.article.text
        found = person_gender(m.text, text[max(m.span.begin - 20, 0) : m.span.begin])
        return found is None or found == wanted

    def _subject_gender(self) -> str | None:
        """ "m" or "f": the pronouns a biography mostly uses, which are its subject's."""
        if self.gender is None:
            counts = {"m": 0, "f": 0}
            for word in re.findall(r"[A-Za-z]+", self.reader.article.text):
                g = GENDER.get(word.lower())
                if g is not None:
                    counts[g] += 1
            self.gender = (
                "m"
                if counts["m"] > 2 * counts["f"]
                else "f"
                if counts["f"] > 2 * counts["m"]
                else ""
            )
        return self.gender or None

    def _resolve_pronoun(self, s: Sentence, sent: SpacySpan, token: Token) -> Mention | None:
        """ "he", "his", "him": a single person who is the subject earlier in this sentence
        (not of the pronoun's own verb when the pronoun is its object: "A appointed him"),
        else the person a biography is about, else the previous sentence's single subject
        in the same paragraph, else none."""
        if token.lower_ not in PERSONAL_PRONOUNS or token.lower_ in {"they", "them", "their"}:
            return None
        own_verb = token.head if token.dep_ in {"dobj", "dative", "iobj"} else None
        if token.dep_ == "pobj" and token.head.dep_ in {"prep", "agent"}:
            own_verb = token.head.head
        if (
            token.dep_ == "poss"
            and token.head.dep_ == "dobj"
            and lemmas_of(token.head.head) & BRINGING_ABOUT
        ):
            own_verb = token.head.head  # "A engineered his fall": not A's own
        # "A was chosen to succeed him": the subject that controls the pronoun's verb is
        # that verb's own subject, and an object pronoun is never its own verb's subject
        if (
            token.dep_ in {"nsubj", "nsubjpass"}
            and token.head.dep_ in {"ccomp", "xcomp"}
            and lemmas_of(token.head.head) & SMALL_CLAUSE_VERBS
        ):
            own_verb = token.head.head  # "A had him arrested": not A
        own_verbs = [own_verb] if own_verb is not None else []
        while (
            own_verbs
            and own_verbs[-1].dep_ == "conj"
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in own_verbs[-1].children)
        ):
            # "A entered B's study and stabbed him": the joined verb's subject is A's
            own_verbs.append(own_verbs[-1].head)
        while own_verbs and own_verbs[-1].dep_ in {"xcomp", "advcl"}:
            if own_verbs[-1].dep_ == "advcl" and own_verbs[-1].tag_ != "VBG":
                break
            # "A fired at B's car, killing him": the participle's subject is A's, so not A
            own_verbs.append(own_verbs[-1].head)
        for t in sent:
            if t.i >= token.i:
                break
            if t.dep_ in {"nsubj", "nsubjpass"} and t.head not in own_verbs:
                if fronted_description(t) or absolute(t.head):
                    continue  # "With A gone, he …": A is not he
                if t.pos_ == "PRON":  # "He served …, when he was overthrown": the same one
                    if t.lower_ in {"he", "she"} and GENDER[t.lower_] == GENDER.get(token.lower_):
                        return self.resolve_pronoun(s, sent, t)
                    continue
                found = self._subject_person(s, sent, t)
                if found is not None and not self.fits(token, found):
                    continue  # "A was defeated by B, and he …": a woman A is not "he"
                if (
                    found is not None
                    and token.dep_ == "poss"
                    and self._between(s, found, token, sent)
                ):
                    return None  # "A notes that B was praised long after his death": A or B
                if found is not None and self._another_subject(s, sent, t, token, found, own_verbs):
                    return None  # "A had B tried; he was sentenced": A or B
                if found is not None and object_pronoun_between(t, token):
                    return None  # "King A appointed him minister, but he resigned": not A
                if found is not None:
                    return found
                if self._someone_else(s, sent, t):
                    return None  # "another impostor appeared … but he, too, was killed"
        # the person named last before the pronoun, in this sentence or this paragraph
        at = self.offset(s, sent, token)
        before = [m for m in s.persons if m.span.end <= at]
        bound = {  # "the King, A B, appointed him": the subject and its apposition
            self.offset(s, sent, t)
            for verb in own_verbs
            for c in verb.children
            if c.dep_ in {"nsubj", "nsubjpass"}
            for t in [c, *(a for a in c.children if a.dep_ == "appos")]
        }
        # "a bomb exploded under the car of A, killing him": a participle's object is the
        # one named before, inside a phrase or not
        participle_object = (
            token.dep_ == "dobj" and token.head.tag_ == "VBG" and token.head.dep_ == "advcl"
        )
        free = [
            m
            for m in before
            if not any(m.span.begin <= b < m.span.end for b in bound)
            # "after A's downfall, he …": not A; but "entered A's study and shot him": A
            and (m.span.begin not in s.possessive or token.dep_ in {"dobj", "iobj", "dative"})
            # "through the influence of King A, he …": not A
            and (participle_object or not self._in_phrase(s, sent, m))
            and self.fits(token, m)
        ]
        if len({m.text.split()[-1] for m in free}) == 1:
            return free[-1]  # "A, …, but he was captured": the one person named before
        if len({m.text.split()[-1] for m in free}) > 1:
            return None  # two persons named before it: not safe to read
        unbound = [m for m in before if not any(m.span.begin <= b < m.span.end for b in bound)]
        recent = unbound[-1] if unbound else self.last_named.get(s.block)
        subject = (
            self.reader.subject if self.reader.biography or self.reader.event_of_person else None
        )
        previous = self.last_subject
        before_this = (s.block, self.reader.sentence_no - 1)
        same_paragraph = "\n" not in self.reader.article.text[max(self.last_end, 0) : s.begin]
        if previous is not None and (self.last_subject_at != before_this or not same_paragraph):
            previous = None
        if previous is not None and self.object_pronoun_at == before_this:
            # "B named him minister. He entered …": "he" may be either of them; a biography's
            # opening "He" is its subject, elsewhere it is not safe to read
            return subject if opens(token, sent) else None
        if previous is not None:
            return previous  # the subject of the sentence before goes on being talked of
        if self.other_at == before_this and same_paragraph and not before:
            return None  # the sentence before was about someone the article does not name
        if subject is not None and opens(token, sent):
            return subject  # "He …" (or "On 3 May he …") opening a sentence of a biography
        if recent is None:
            return subject  # a biography's paragraph that opens with "He …"
        focus = self.reader.subject
        if focus is not None and _same_person(recent, focus):
            return focus  # the article's person, named last
        return None  # someone else was named last: the pronoun is not safe to read

    def _another_subject(
        self,
        s: Sentence,
        sent: SpacySpan,
        first: Token,
        token: Token,
        found: Mention,
        own_verbs: list[Token],
    ) -> bool:
        """Whether another person is the subject of a clause between the subject ``first``
        (who is ``found``) and the pronoun ``token``, other than the subject of the
        pronoun's own verb ("A was questioned, and B moved him": "him" is A)."""
        for t in sent.doc[first.i + 1 : token.i]:
            if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ == "PROPN" and t.head not in own_verbs:
                other = self._subject_person(s, sent, t)
                if other is not None and not _same_person(other, found):
                    return True
        return False

    def _between(self, s: Sentence, found: Mention, token: Token, sent: SpacySpan) -> bool:
        """Whether someone other than ``found`` is named between it and ``token``."""
        at = self.offset(s, sent, token)
        return any(
            found.span.end <= m.span.begin and m.span.end <= at and not _same_person(m, found)
            for m in s.persons
        )

    def _in_phrase(self, s: Sentence, sent: SpacySpan, m: Mention) -> bool:
        """Whether a name sits in a prepositional phrase ("an adviser to A", "through the
        influence of A"), where it is not what a later pronoun refers to."""
        inside = [t for t in sent if m.span.begin <= self.offset(s, sent, t) < m.span.end]
        if not inside:
            return False
        token = inside[-1]
        for ancestor in [token, *token.ancestors]:
            if ancestor.dep_ in {"prep", "agent"}:
                return True
            if ancestor.pos_ in {"VERB", "AUX"}:
                if absolute(ancestor):
                    return True  # "With A gone, he …"
                if non_finite_adjunct(ancestor):
                    continue  # "faced with a motion accusing A, he …"
                return False
        return False

    def _subject_person(self, s: Sentence, sent: SpacySpan, subject: Token) -> Mention | None:
        """The one person a subject names ("A", "One of them, A,"), none for "A and B"."""
        if any(c.dep_ == "conj" for c in subject.children):
            return None
        named = [self._person_at(s, sent, t) for t in expand([subject])]
        persons = [m for m in named if m is not None]
        return persons[0] if len(persons) == 1 else None

    def _track_subject(self, s: Sentence, sent: SpacySpan) -> None:
        """Remember the main clause's subject for the pronouns of the next sentences."""
        root = sent.root
        main = [root, *(c for c in root.children if c.dep_ == "conj")]
        # "B had him arrested": the object of the causative, the complement's subject
        main += [
            c
            for v in main
            if lemmas_of(v) & CAUSATIVE_VERBS
            for c in v.children
            if c.dep_ in {"ccomp", "xcomp"} and c.tag_ == "VBN"
        ]
        if any(
            (c.lower_ in {"him", "her"} and c.dep_ in {"dobj", "dative", "nsubjpass", "nsubj"})
            or (c.dep_ in {"dobj", "oprd"} and any(p.lower_ == "her" for p in c.children))
            for verb in main
            for c in verb.children
        ):  # "B named him minister" ("named her minister" read as "her minister"): the next
            # "he" or "she" may be either
            self.object_pronoun_at = (s.block, self.reader.sentence_no)
        clauses = [
            root,
            *(c for c in root.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}),
            # "A was shot; B carried it out": the parser hangs the first on the second
            *(c for c in root.children if c.dep_ == "ccomp" and across_semicolon(c)),
        ]
        named = {
            found.text
            for verb in clauses
            for c in verb.children
            if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ != "PRON"
            for t in expand([c])  # "A and his aides were shot; B …": A and B both
            if (found := self._person_at(s, sent, t)) is not None
        }
        if len(named) > 1:  # "A recruited …, and B decided …": which one "he" is, is not said
            self.last_subject = None
            return
        for child in root.children:
            if child.dep_ not in {"nsubj", "nsubjpass"} or fronted_description(child):
                continue
            if child.pos_ == "PRON":
                if child.lower_ in {"they", "we"}:
                    self.last_subject = None
                    return
                referent = self.resolve_pronoun(s, sent, child)
                here = (s.block, self.reader.sentence_no)
                if referent is not None:  # "Although A was …, he …": A goes on being talked of
                    self.last_subject, self.last_subject_at, self.last_end = referent, here, _end(s)
                elif self.last_subject is not None and self.last_subject_at == (
                    s.block,
                    self.reader.sentence_no - 1,
                ):
                    self.last_subject_at, self.last_end = here, _end(s)  # "He …" goes on
                elif self.other_at == (s.block, self.reader.sentence_no - 1):
                    self.other_at, self.last_end = here, _end(s)  # so does someone unnamed
                return
            if any(c.dep_ == "conj" for c in child.children):
                self.last_subject = None
                return
            found = self._subject_person(s, sent, child)
            if found is not None:
                self.last_subject = found
                self.last_subject_at = (s.block, self.reader.sentence_no)
                self.last_end = _end(s)
            elif self._someone_else(s, sent, child):
                self.last_subject = None
                self.other_at, self.last_end = (s.block, self.reader.sentence_no), _end(s)
            return

    def _someone_else(self, s: Sentence, sent: SpacySpan, subject: Token) -> bool:
        """Whether a subject is someone who is not one of the article's persons: a name the
        model did not read as a person ("Varro … has"), a noun for a person ("another
        impostor appeared")."""
        if (
            subject.pos_ == "NOUN"
            and subject.tag_ == "NNS"
            and not any(c.dep_ == "conj" for c in subject.children)
        ):
            return False  # "his rivals feared …": many, never the "he" of the next sentence
        if subject.pos_ == "NOUN":  # "another impostor", "assistant coach A B" (A B unknown)
            return bool(lemmas_of(subject) & grammar().person_nouns) or any(
                c.dep_ == "appos" and c.pos_ == "PROPN" and not self._known(c)
                for c in subject.children
            )
        if subject.pos_ != "PROPN" or (
            subject.ent_type_ in NOT_SOMEONE and not self._called_someone(subject)
        ):
            return False
        phrase = name_phrase(subject)
        if self._known(subject):
            return False  # a person the article names, read as one elsewhere
        named = s.persons + s.orgs + s.places
        return not any(
            m.span.begin <= self.offset(s, sent, t) < m.span.end for t in phrase for m in named
        )

    def _known(self, name: Token) -> bool:
        """Whether a name (with its compounds) is one of the article's persons' surnames."""
        phrase = name_phrase(name)
        known = {m.text.split()[-1] for m in self.reader.out.mentions if m.kind == "person"}
        if self.reader.subject is not None:
            known.add(self.reader.subject.text.split()[-1])
        return any(t.text in known for t in phrase)

    def _called_someone(self, subject: Token) -> bool:
        """Whether the clause says its subject is a person: "Varro was the son of …"."""
        verb = subject.head
        return lemma(verb) == "be" and any(
            c.dep_ == "attr" and lemmas_of(c) & (grammar().person_nouns | KINSHIP)
            for c in verb.children
        )


def _end(s: Sentence) -> int:
    """Where a sentence's words end (its span runs on over the spaces and line breaks after)."""
    return s.begin + len(s.text.rstrip())


def _same_person(a: Mention, b: Mention) -> bool:
    """Two mentions of one person in an article: the same name or the same family name."""
    return a.text == b.text or a.text.split()[-1] == b.text.split()[-1]
