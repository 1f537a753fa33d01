"""Who a verb's roles are when the parse does not hang them on the verb itself: subjects
shared by coordinated and controlled verbs ("was arrested and executed", "was forced to
resign"), the subject of the verb that governs a noun ("A staged a coup"), possessors of
nominal triggers ("A's arrest of B"), and a bare title that is the office, not a person.
"""

from __future__ import annotations

from spacy.tokens import Token

from histkg.extract.expansion import office_words
from histkg.extract.hits import Hit
from histkg.extract.rules import grammar, lemmas_of

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: how a verb without a subject hangs off the verb whose subject it shares:
#: "arrested and executed", "forced to resign", "Rehabilitated in 1936, he …",
#: "after being extradited, he …"
SHARING_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp"})


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def share_subject(hit: Hit, names: set[str]) -> None:
    """A verb without a subject of its own takes the one of the verb it is joined to
    ("was arrested and executed") or that controls it ("was forced to resign")."""
    trigger = hit.trigger
    if trigger.pos_ != "VERB":
        return
    if (
        trigger.dep_ == "conj"
        and trigger.head.pos_ in {"PROPN", "NOUN"}
        and trigger.head.dep_ == "ROOT"
    ):
        # "A and six officers were tried", parsed as a verb joined to the name: the name
        # is one of the subjects
        role = hit.rule.roles.get("passive_subject" if is_passive(trigger) else "subject")
        if role:
            hit.roles.setdefault(role, []).insert(0, trigger.head)
    if any(c.dep_ in SUBJECTS for c in trigger.children):
        return
    own_aux = any(c.dep_ in {"aux", "auxpass"} for c in trigger.children)
    participle = trigger.tag_ in {"VBN", "VBD"} and not own_aux
    head = trigger
    chain_passive = False
    while head.dep_ in SHARING_DEPS and head.head != head:
        if head.dep_ in {"advcl", "pcomp"} and head != trigger and not _bare_participle(head):
            break  # "arrested, tried and executed": a bare participle in a series goes on
        controlled = head.dep_ == "xcomp"
        head = head.head
        if head.pos_ == "ADP":  # "after being extradited": the preposition's verb
            head = head.head
        chain_passive = chain_passive or any(c.dep_ == "auxpass" for c in head.children)
        subjects = [c for c in head.children if c.dep_ in SUBJECTS]
        controller = _object_controller(head) if controlled else None
        if controller is not None:
            subjects = [controller]  # "forced A to resign": A resigns, not who forced him
        if not subjects:
            continue
        subject = subjects[0]
        head_passive = subject.dep_ == "nsubjpass"
        if trigger.dep_ == "conj" and participle and (head_passive or chain_passive):
            hit.passive = True  # "were vilified and deposed": one auxiliary for both
        if trigger.dep_ == "advcl" and participle:
            hit.passive = True  # "Rehabilitated in 1936, he …"
        if trigger.dep_ == "xcomp" and participle and head_passive and controller is None:
            hit.passive = True  # "was found shot dead": the participle is what befell him
        joined = any(
            c.dep_ == "cc" and trigger.head.i < c.i < trigger.i for c in trigger.head.children
        )
        if hit.passive and joined and "passive_subject" not in hit.rule.roles:
            # "was expelled and died": a verb with no passive shares the subject
            hit.passive = False
            role = hit.rule.roles.get("subject")
        elif hit.passive:
            role = hit.rule.roles.get("passive_subject")
        else:
            # "was forced to resign": the subject of the controlling verb acts
            role = hit.rule.roles.get("subject")
        if role and not hit.roles.get(role):
            hit.roles[role] = [subject]
        return


#: verbs whose object, not their subject, does what the infinitive says ("promised A to
#: resign" is the promiser's own resignation)
SUBJECT_CONTROL = frozenset({"promise", "vow", "threaten"})


def _object_controller(verb: Token) -> Token | None:
    """The object of an active verb of object control: "forced A to resign", "asked the
    Senate to remove B", "ordered the guards to arrest C"."""
    if is_passive(verb) or lemmas_of(verb) & SUBJECT_CONTROL:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return objects[0] if objects else None


#: "had A arrested", "got B removed": the subject of the causative verb brings it about
CAUSATIVES = frozenset({"have", "get"})


def causative_agent(hit: Hit) -> None:
    """ "In 1950 A had B arrested": the subject of "had" is the agent of the arrest."""
    trigger = hit.trigger
    role = hit.rule.roles.get("by_agent")
    if role is None or hit.roles.get(role) or trigger.tag_ not in {"VBN", "VBD"}:
        return
    head = causative_verb(trigger)
    if head is None:
        return
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    if subjects:
        hit.roles[role] = subjects[:1]


def causative_verb(trigger: Token) -> Token | None:
    """The "had" of "A had B arrested" (the participle its complement, or, as the parse
    may have it, a participle on the object: "had his rivals, among them B, arrested")."""
    head = trigger.head
    if trigger.dep_ in {"ccomp", "xcomp"} and lemmas_of(head) & CAUSATIVES:
        if any(c.dep_ == "nsubjpass" for c in trigger.children):
            return head  # not "had arrested B": a pluperfect
        return None
    if (
        trigger.dep_ == "acl"
        and trigger.tag_ == "VBN"
        and head.dep_ in {"dobj", "dep", "appos"}
        and lemmas_of(head.head) & CAUSATIVES
        and head.i < trigger.i
    ):
        return head.head
    return None


def drop_office_objects(hit: Hit) -> None:
    """ "was rehabilitated and appointed Minister of Agriculture": a bare title as the
    object (no determiner, no name glued to it) is the office the verb gives, not the one
    it is given to."""
    role = hit.rule.roles.get("object")
    if role is None or role not in hit.roles:
        return
    kept = [t for t in hit.roles[role] if not bare_title(t)]
    if kept:
        hit.roles[role] = kept
    else:
        del hit.roles[role]


def drop_bare_nouns(hit: Hit) -> None:
    """ "were wounded and taken prisoner": the rule's bare noun (``requires.bare_child``)
    says what they were made and fills no role (unless a name is glued to it: "took A
    hostage")."""
    bare = set(hit.rule.requires.get("bare_child", ()))
    for role in list(hit.roles) if bare else ():
        kept = [
            t
            for t in hit.roles[role]
            if t.lower_ not in bare or any(c.pos_ == "PROPN" for c in t.children)
        ]
        if kept:
            hit.roles[role] = kept
        else:
            del hit.roles[role]


def bare_title(token: Token) -> bool:
    """An object that is an office title alone: no determiner, no name glued to it
    ("appointed Minister of Agriculture", not "dismissed the Minister", not "appointed
    A B Minister")."""
    return (
        token.dep_ == "dobj"
        and (token.text in office_words() or token.text.capitalize() in office_words())
        and not any(c.dep_ in {"det", "poss"} for c in token.children)
        and not any(
            c.dep_ == "compound" and c.pos_ == "PROPN" and c.text not in office_words()
            for c in token.children
        )
        # "dismissed Chief of the General Staff A": a title that ends in a name is a person
        and not any(t.ent_type_ == "PERSON" for t in token.subtree)
    )


def _bare_participle(verb: Token) -> bool:
    """A past participle with no subject or auxiliary of its own, after a comma, joined to
    a passive verb: an item of a series ("was arrested, tried and executed")."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in {"VBN", "VBD"}  # the model tags "tried" in a series as a past
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in verb.children
        )
        and any(c.dep_ == "auxpass" for c in verb.head.children)
    )


def governor_subject(hit: Hit) -> None:
    """ "A led the party and won election": a pattern that reads a noun's role from the
    subject of its verb ("won_by", "staged_by") finds it through coordinated verbs."""
    trigger = hit.trigger
    if trigger.pos_ == "VERB" or trigger.dep_ != "dobj":
        return
    g = grammar()
    for name, role in hit.rule.roles.items():
        if any(t.pos_ != "NUM" for t in hit.roles.get(role, ())):
            continue  # "the election of 1972": a year is no one's
        verbs = [n for n in g.patterns[name]["nodes"] if n.get("RIGHT_ID") == "verb"]
        wanted = verbs[0]["RIGHT_ATTRS"].get("LEMMA", {}).get("IN") if verbs else None
        if not wanted or not lemmas_of(trigger.head) & set(wanted):
            continue
        verb = trigger.head
        while not any(c.dep_ == "nsubj" for c in verb.children) and (
            verb.dep_ in {"conj", "xcomp"} or _infinitive_clause(verb)
        ):
            verb = verb.head  # "A went on to win the election": the parse may say advcl
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            hit.roles[role] = subjects[:1]


def _infinitive_clause(verb: Token) -> bool:
    """ "went on to win", "resigned to protest": an infinitive clause shares its subject."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def nominal_roles(hit: Hit) -> None:
    """ "A's arrest of B": with an of-object, the possessor is the agent."""
    if hit.trigger.pos_ == "VERB":
        return
    poss = [c for c in hit.trigger.children if c.dep_ == "poss"]
    of = [
        gc
        for c in hit.trigger.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for gc in c.children
        if gc.dep_ == "pobj"
    ]
    if poss and of:
        hit.roles["affected"] = of
        hit.roles["agent"] = poss
