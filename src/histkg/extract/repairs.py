"""A spaCy component that mends parses of the passive the small model gets wrong.

It runs after the parser; every token it does not name keeps the model's reading.

- "A was himself arrested": the model hangs A on the auxiliary "was" as an active subject
  (and "himself" as its complement); A becomes the verb's ``nsubjpass``.
- "A was arrested" with A labelled ``nsubj``: the passive auxiliary says it is the
  passive subject; "A was exiled to Siberia" with the participle a complement of "was":
  the participle is the passive verb.
- "B had A arrested", "got A removed": the subject of a participle under a causative
  verb undergoes it (``nsubjpass``).
- "A was convicted of leading the revolt and shot": the model joins the bare participle
  "shot" to the gerund "leading", though a gerund and a participle are not alike; it is
  joined to the passive verb above the gerund instead.
- "A was defeated by B, arrested by the police, and shot": "arrested" is the next item of
  the series, not a reduced relative clause on B.
- "A was succeeded as minister by B": "by B" is the passive's agent, not a phrase on
  "minister".
- "A was dismissed on 3 May, was succeeded by B, and was expelled": the model makes the
  first verb a complement of the second; the three are a series headed by the first.
- "A was arrested on 3 May and executed the following day": the model tags "executed" a
  past tense with "the following day" its object; joined to a passive verb with no
  subject of its own, it is a participle of that passive and the day a time adverbial.

The second component, after the entity recognizer (a double object, a lost subject), is
:mod:`histkg.extract.object_repairs`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from histkg.extract.object_repairs import NAMED_OBJECTS

COMPONENT = "histkg_passive_subjects"
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})
#: "had A arrested", "got B removed": the participle's subject undergoes it
CAUSATIVES = frozenset({"have", "has", "had", "having", "get", "gets", "got", "getting", "gotten"})


@Language.component(COMPONENT)
def passive_subjects(doc: Doc) -> Doc:
    """Make the subject of a passive verb its ``nsubjpass``."""
    nsubj = doc.vocab.strings["nsubj"]
    # only tokens the parser made ``nsubj`` are looked at (nothing below makes one)
    for i in [i for i, dep in enumerate(doc.to_array("DEP").tolist()) if dep == nsubj]:
        token = doc[i]
        if token.dep_ != "nsubj":
            continue
        head = token.head
        if head.dep_ == "auxpass" and head.head.tag_ == "VBN":
            verb = head.head
            if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
                continue
            for child in list(head.children):
                if child.lower_ in REFLEXIVES:  # "was himself arrested"
                    child.head, child.dep_ = verb, "npadvmod"
            token.head, token.dep_ = verb, "nsubjpass"
        elif head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in head.children):
            if not any(c.dep_ == "nsubjpass" for c in head.children):
                token.dep_ = "nsubjpass"
        elif (
            head.tag_ in {"VBN", "VBD"}  # after "had A", a past form is a participle
            and head.dep_ in {"ccomp", "xcomp"}
            and head.head.lower_ in CAUSATIVES
        ):
            token.dep_ = "nsubjpass"  # "had A arrested": A is arrested
        elif head.lower_ in BE_FORMS and (participle := _complement_participle(head)):
            _raise_participle(head, participle)  # "A was exiled to Siberia"
            token.head, token.dep_ = participle, "nsubjpass"
    for sent in list(doc.sents):
        _fronted_time_noun(sent)  # "The same day the assembly elected A"
    ccomp = doc.vocab.strings["ccomp"]
    for i in [i for i, dep in enumerate(doc.to_array("DEP").tolist()) if dep == ccomp]:
        _series_from_complement(doc[i])  # "A was dismissed on 3 May, was succeeded by B, …"
    conj = doc.vocab.strings["conj"]
    for i in [i for i, dep in enumerate(doc.to_array("DEP").tolist()) if dep == conj]:
        be = doc[i]
        if be.lower_ in BE_FORMS and not any(c.dep_ == "nsubj" for c in be.children):
            if (participle := _complement_participle(be)) is not None:
                _raise_participle(be, participle)  # "A resigned and was exiled to B"
    vbn, vbd = doc.vocab.strings["VBN"], doc.vocab.strings["VBD"]
    # the two re-attachments below concern past forms only (a participle the model may
    # tag as a past tense after a gerund: "accused of leading it and dismissed")
    for i in [i for i, tag in enumerate(doc.to_array("TAG").tolist()) if tag in (vbn, vbd)]:
        token = doc[i]
        passive = _passive_above_gerund(token)
        if passive is not None:
            token.head = passive
            token.tag_ = "VBN"
            continue
        if _participle_of_passive(token):
            token.tag_ = "VBN"
            for obj in token.children:
                if obj.dep_ == "dobj" and obj.lower_ in TIME_NOUNS:
                    obj.dep_ = "npadvmod"
        if token.tag_ != "VBN":
            continue
        passive = _passive_in_series(token)
        if passive is not None:
            token.head, token.dep_ = passive, "conj"
        by = _stray_agent(token)
        if by is not None:
            by.head, by.dep_ = token, "agent"
    return doc


def _fronted_time_noun(sent: Span) -> None:
    """ "The same day the assembly elected A", "The next morning the police arrested B":
    the model makes the time noun the root and the clause a relative clause on it; the
    clause's verb is the root, the time phrase an adverbial of it."""
    noun = sent.root
    if noun.lower_ not in TIME_NOUNS or not noun.tag_.startswith("NN"):
        return
    if any(t.i > noun.i for t in noun.lefts) or noun.i - sent.start > 3:
        return
    verbs = [  # "the same day the assembly elected": a clause with a subject of its own
        c
        for c in noun.children
        if c.dep_ == "relcl" and any(d.dep_ in {"nsubj", "nsubjpass"} for d in c.children)
    ]
    verb = next((v for v in verbs if v.tag_.startswith("VB")), None)
    if verb is None or any(
        c.tag_ in {"WDT", "WP", "WRB"} or c.lower_ == "that" for c in verb.children
    ):
        return
    verb.head, verb.dep_ = verb, "ROOT"
    for child in list(noun.children):
        if child.dep_ == "punct" and child.i > verb.i:
            child.head = verb
    noun.head, noun.dep_ = verb, "npadvmod"


def _series_from_complement(first: Token) -> None:
    """ "A was dismissed as Prime Minister on 3 May, was succeeded by B, and was expelled":
    the model makes the first verb a complement of the second, which it leaves without a
    subject; a verb with a subject, a comma and then a subjectless verb with its own
    auxiliary are a series: the first heads it, the others are its conjuncts."""
    second = first.head
    if first.i > second.i or second.dep_ != "ROOT" or not second.tag_.startswith("VB"):
        return
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in first.children):
        return
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in second.children):
        return
    auxiliaries = [c for c in second.children if c.dep_ in {"aux", "auxpass"} and c.i < second.i]
    if not auxiliaries or first.right_edge.i + 1 >= auxiliaries[0].i:
        return
    if first.doc[first.right_edge.i + 1].text != "," or any(
        t.dep_ == "mark" for t in first.children
    ):
        return
    first.head, first.dep_ = first, "ROOT"
    for child in list(second.children):
        if child.dep_ in {"conj", "cc"} or (child.dep_ == "punct" and child.i > second.i):
            child.head = first
    second.head, second.dep_ = first, "conj"


#: nouns of a time that a bare noun phrase can name ("the following day", "that night");
#: compared in lower case (the lemmatizer runs after this component)
TIME_NOUNS = frozenset({"day", "night", "evening", "morning", "afternoon", "week", "month", "year"})


BE_FORMS = frozenset({"was", "were", "is", "are", "been", "be", "being"})


def _complement_participle(be: Token) -> Token | None:
    """ "A was exiled to Siberia": the model makes the participle a complement (``acomp``)
    of "was" and A its subject; a verb's participle there is the passive's verb."""
    for child in be.children:
        if child.dep_ == "acomp" and child.tag_ == "VBN":
            if not any(c.dep_ in {"nsubj", "nsubjpass", "auxpass"} for c in child.children):
                return child
    return None


def _raise_participle(be: Token, participle: Token) -> None:
    """Put the participle where "be" stood, "be" its passive auxiliary, the rest of "be"'s
    dependents (the subject aside, which the caller moves) on the participle."""
    root = be.head == be
    participle.head = participle if root else be.head
    participle.dep_ = be.dep_
    for child in list(be.children):
        if child != participle and child.dep_ not in {"nsubj"}:
            child.head = participle
    be.head, be.dep_ = participle, "auxpass"


def _participle_of_passive(token: Token) -> bool:
    """ "A was arrested and executed the following day": a past form joined to a passive
    verb, with no subject or auxiliary of its own, is a participle of that passive."""
    if token.tag_ != "VBD" or token.dep_ != "conj":
        return False
    head = token.head
    if head.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in head.children):
        return False
    own = {"nsubj", "nsubjpass", "aux", "auxpass"}
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return not any(c.dep_ in own for c in token.children) and all(
        o.lower_ in TIME_NOUNS for o in objects
    )


def _stray_agent(verb: Token) -> Token | None:
    """ "A was succeeded as minister by B": the model hangs "by B" on the as-phrase's
    noun; a passive verb without an agent of its own takes it."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(
        c.dep_ == "agent" for c in verb.children
    ):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for noun in prep.children:
                for by in noun.children:
                    if (
                        by.dep_ == "prep"
                        and by.lower_ == "by"
                        and any(o.dep_ == "pobj" and o.tag_ in {"NNP", "NNPS"} for o in by.children)
                    ):
                        return by
    return None


def _passive_in_series(token: Token) -> Token | None:
    """ "A was defeated by a faction, arrested by the police, and executed": the model
    reads "arrested" as a reduced relative on "faction" ("a faction arrested by …").
    After a comma, inside the by-phrase of a passive verb that a later participle is
    coordinated with, it is the next item of the series: that passive verb."""
    if token.dep_ != "acl" or token.tag_ != "VBN" or token.i == 0:
        return None
    if doc_text(token, -1) != "," or any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
        return None
    verb = token.head  # up through the by-phrase and its prepositions: "by A in the B,"
    for _ in range(6):
        if verb.dep_ not in {"pobj", "agent", "prep"} or verb.head == verb:
            return None
        verb = verb.head
        if verb.tag_.startswith("VB"):
            break
    if verb.tag_ != "VBN" or not any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return None
    later = [
        c
        for c in [*verb.children, *token.children]
        if c.dep_ == "conj" and c.i > token.i and c.tag_ == "VBN"
    ]
    return verb if later else None


def doc_text(token: Token, step: int) -> str:
    """The text of the token ``step`` places from ``token`` (empty past the ends)."""
    i = token.i + step
    return token.doc[i].text if 0 <= i < len(token.doc) else ""


def _passive_above_gerund(token: Token) -> Token | None:
    """For a bare past participle joined to a gerund ("… of leading X and hanged"), the
    passive verb the gerund depends on through prepositions and complements, if any."""
    if token.dep_ != "conj" or token.tag_ not in {"VBN", "VBD"} or token.head.tag_ != "VBG":
        return None
    if any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in token.children):
        return None
    up = token.head
    for _ in range(6):
        if up.dep_ not in {"pcomp", "prep", "pobj", "oprd", "acomp", "conj"} or up.head == up:
            return None
        up = up.head
        if up.tag_.startswith("VB") and any(c.dep_ == "auxpass" for c in up.children):
            return up
    return None


def add_to(nlp: Language) -> None:
    """Put the components after the parser and the entity recognizer (once)."""
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="parser")
    if NAMED_OBJECTS not in nlp.pipe_names and "ner" in nlp.pipe_names:
        nlp.add_pipe(NAMED_OBJECTS, after="ner")
