"""A spaCy component that mends two parses of the passive the small model gets wrong.

"A was himself arrested": the model hangs A on the auxiliary "was" as an active subject
(and "himself" as its complement), so no rule sees A as the one arrested. "A was
arrested" with A labelled ``nsubj``: the verb's passive auxiliary says it is the passive
subject. The component runs after the parser and moves such subjects to the verb as
``nsubjpass``; every other token keeps the model's reading.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "histkg_passive_subjects"
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})


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
    return doc


def add_to(nlp: Language) -> None:
    """Put the component after the parser (once)."""
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="parser")
