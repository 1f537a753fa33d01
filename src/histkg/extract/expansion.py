"""What a role's word stands for: the names coordinated with it, in apposition to it,
listed with "along with", glued to a title ("appointed A B Minister"), and what kind of
filler it is (a person, a pronoun, a group, an organization).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from histkg.extract.modality import RELATIVE_PRONOUNS
from histkg.extract.rules import grammar, lemmas_of, words

FUNCTION_WORDS = frozenset({"of", "the", "a", "an", "for", "and", "to", "in", "on", "at", "de"})
KINSHIP = words("kinship")


def expand(tokens: list[Token]) -> list[Token]:
    """Coordinated fillers ("A, B and C"), appositions, and relative pronouns."""
    out: list[Token] = []
    for token in tokens:
        relative = token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl"
        if relative:  # "A, who died": A alone, not the names coordinated with A
            token = token.head.head
        names = [
            c
            for c in token.children
            if c.dep_ == "compound"
            and c.pos_ == "PROPN"
            and c.ent_type_ in {"PERSON", "ORG", ""}
            and c.text not in office_words()
        ]
        if not any(c.ent_type_ == "PERSON" for c in names) and len(names) < 2:
            names = []  # a lone untagged word ("Junior officers") is no name; two may be one
        if (
            names
            and token.ent_type_ != "PERSON"
            and (
                token.text in office_words()
                or token.text.capitalize() in office_words()
                or lemmas_of(token) & grammar().person_nouns
            )
        ):  # not "a missed Ivo Brandt jump shot": a name that only qualifies a thing
            # "appointed A B Minister": the name the title word was glued to
            token = names[-1]
        stack = [token, *_stray_first_item(token)]
        while stack:
            t = stack.pop(0)
            if t in out:
                continue
            out.append(t)
            if relative:
                continue
            stack.extend(
                c
                for c in t.children
                if c.dep_ == "conj" or (c.dep_ == "appos" and not _another_person(c))
            )
            stack.extend(accompanying(t))
            stack.extend(hung_too_low(t))
            if t.pos_ == "NOUN":  # "officials were arrested, including A and B": A, B
                holders = [t, t.head] if t.dep_ in {"nsubjpass", "dobj"} else [t]
                stack.extend(
                    gc
                    for h in holders
                    for c in h.children
                    if c.dep_ == "prep" and c.lower_ in {"including", "notably"}
                    for gc in c.children
                    if gc.dep_ == "pobj"
                )
    return out


def _stray_first_item(subject: Token) -> list[Token]:
    """ "Ross, Anna Berg and Ivo Dahl were tried": the parser may hang the list's first
    name on the verb (an adverb) and start the subject after the comma; a proper noun
    right before "," and the coordinated subject is the list's first item."""
    if subject.dep_ not in {"nsubj", "nsubjpass"} or not any(
        c.dep_ == "conj" for c in subject.children
    ):
        return []
    comma = subject.left_edge.i - 1
    if comma < 1 or subject.doc[comma].text != ",":
        return []
    first = subject.doc[comma - 1]
    stray = first.head == subject.head and first.dep_ in {"advmod", "npadvmod", "dep", "nmod"}
    return [first] if stray and first.pos_ == "PROPN" and first.left_edge == first else []


def accompanying(filler: Token) -> list[Token]:
    """Who undergoes the same as ``filler`` ("A was killed along with B", "A, together
    with B, was arrested", "arrested A along with B"): the with-phrase of "along with" or
    "together with" on the filler, or on its verb when the filler is what the verb does
    to someone (its object, its passive subject, the subject of a verb without object)."""
    holders = [filler]
    verb = filler.head
    if filler.pos_ in {"VERB", "AUX"}:
        pass  # the verb itself (a trigger): its own with-phrase
    elif filler.dep_ in {"dobj", "nsubjpass"} or (
        filler.dep_ == "nsubj" and not any(c.dep_ == "dobj" for c in verb.children)
    ):
        holders.append(verb)
    out = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep":
                continue
            with_ = [prep] if prep.lower_ == "with" else []
            if prep.lower_ == "along":
                with_ = [c for c in prep.children if c.dep_ == "prep" and c.lower_ == "with"]
            elif not any(c.lower_ in {"along", "together"} for c in prep.children):
                with_ = []
            out += [o for w in with_ for o in w.children if o.dep_ == "pobj"]
    return out


def as_were(verb: Token) -> list[Token]:
    """ "A was shot at the prison, as were B and C", "A resigned, as did B": the subjects
    of an "as"-clause of a bare auxiliary that stands for the verb."""
    out = []
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.lower_ not in {"was", "were", "did", "had"}:
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children):
            continue
        if any(c.pos_ == "VERB" for c in clause.children):
            continue  # "as was his custom to …", "as were planned": not the same deed
        out += [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return out


def among_them(verb: Token, fillers: list[Token]) -> list[Token]:
    """ "appointed military governors, among them A in the North, B in the East and C":
    the names an "among them" phrase on the verb lists, when the verb's filler is a
    plural noun."""
    if not any(t.tag_ == "NNS" for t in fillers):
        return []
    out: list[Token] = []
    for head in verb.children:
        if not any(
            c.dep_ == "prep"
            and c.lower_ == "among"
            and any(o.lower_ in {"them", "whom"} for o in c.children)
            for c in head.children
        ):
            continue
        out += [
            t
            for t in head.subtree
            if t.pos_ == "PROPN"
            and t.dep_ not in {"compound", "flat"}
            and t.ent_type_ in {"PERSON", ""}
            and t.is_title
        ]
    return out


def of_conjunct(noun: Token) -> list[Token]:
    """ "decreed the arrest of A, and of the ministers B and C": the names of a second
    of-phrase the parse joins to the verb that governs the event noun."""
    out: list[Token] = []
    if noun.dep_ != "dobj":
        return out
    for of in noun.head.children:
        if of.dep_ != "conj" or of.lower_ != "of" or of.i < noun.i:
            continue
        for obj in (c for c in of.children if c.dep_ == "pobj"):
            names = [obj] if obj.pos_ == "PROPN" else [c for c in obj.children if c.dep_ == "appos"]
            out += [t for t in names if t.pos_ == "PROPN" and t.is_title]
    return out


def gapped_remnants(verb: Token) -> list[Token]:
    """The people a gapped clause joins to a verb's undergoer ("sentenced A to death and
    B to ten years", "A was arrested in May and B in June"): nouns the parse coordinates
    with the verb itself, each followed by a phrase of its own (what the gap leaves of
    the repeated clause). Not when that phrase gives a time of its own ("… and B in
    June"): the remnant's event is another one, on another date."""
    out = []
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.pos_ not in {"PROPN", "NOUN"} or conj.i < verb.i:
            continue
        own = [c for c in verb.children if c.dep_ in {"prep", "npadvmod"} and c.i > conj.i]
        if own and not any(_tells_time(t) for c in own for t in c.subtree):
            out.append(conj)
    # "sentenced to death, B and C to ten years each and D twelve years": a name the
    # parse hangs anywhere in the verb's clause, right before the term it gets
    for name in verb.subtree:
        if name in out or name.i < verb.i or name.ent_type_ != "PERSON" or name.pos_ != "PROPN":
            continue
        if name.dep_ in {"compound", "flat"} or not _remnant_path(name, verb):
            continue
        following = name.doc[name.i + 1] if name.i + 1 < len(name.doc) else None
        if following is not None and (
            following.lower_ in {"to", "life"}
            or following.like_num
            or following.lower_ in NUMBER_WORDS
        ):
            out += [name, *(c for c in name.conjuncts if c.i < name.i and c not in out)]
    return out


def dated_remnants(verb: Token) -> list[tuple[Token, list[Token]]]:
    """ "A died on 21 April 2005 and B on 23 December 2005", "A was arrested in May and B
    in June": a name coordinated with the verb, followed by a time phrase of its own
    (which :func:`gapped_remnants` leaves out): the same event befell it, then. Each name
    with the words of its time phrase."""
    out = []
    children = sorted(verb.children, key=lambda c: c.i)
    for i, conj in enumerate(children):
        if conj.dep_ != "conj" or conj.pos_ != "PROPN" or conj.ent_type_ != "PERSON":
            continue
        if conj.i < verb.i:
            continue
        nxt = children[i + 1 : i + 2]
        if not nxt or nxt[0].dep_ not in {"prep", "npadvmod"}:
            continue
        words = list(nxt[0].subtree)
        if any(_tells_time(t) for t in words):
            out.append((conj, words))
    return out


NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    " sixteen seventeen eighteen nineteen twenty thirty forty fifty".split()
)


def _remnant_path(name: Token, verb: Token) -> bool:
    """Whether ``name`` hangs in ``verb``'s own clause, outside any by-, of- or
    with-phrase (the judge, a victim, a companion) and any other verb's clause."""
    for ancestor in name.ancestors:
        if ancestor == verb:
            return True
        if ancestor.pos_ in {"VERB", "AUX"} or (
            ancestor.dep_ in {"prep", "agent"} and ancestor.lower_ in {"by", "of", "with", "for"}
        ):
            return False
    return False


MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


def _tells_time(token: Token) -> bool:
    """A year or a month: the words that date a clause."""
    return (token.like_num and len(token.text) == 4) or token.lower_ in MONTHS


def _another_person(appos: Token) -> bool:
    """An apposition that names someone else: a relative ("A, his son B", "one daughter
    (C)"), a counted set ("three sons"), or a name the model hung on the wrong noun."""
    return (
        bool(lemmas_of(appos) & KINSHIP)
        or any(c.dep_ == "nummod" for c in appos.children)
        or _belongs_higher(appos)
    )


def _belongs_higher(appos: Token) -> bool:
    """ "the prefect responsible for the revolt against A, B, was dismissed": a name in
    apposition to a name at the end of a prepositional phrase, under a word for a person
    higher up, is that person's name (B is the prefect), not another name for A."""
    return _higher_holder(appos) is not None


def _higher_holder(appos: Token) -> Token | None:
    """The word for a person higher up that an apposition hung too low names (see
    ``_belongs_higher``)."""
    head = appos.head
    if appos.pos_ != "PROPN" or head.pos_ != "PROPN" or head.dep_ != "pobj":
        return None
    if any(c.dep_ in {"conj", "cc"} for c in [*appos.children, *head.children]):
        return None  # a list of names: "against A, B and C"
    nouns = grammar().person_nouns
    for ancestor in list(head.ancestors)[:6]:
        if ancestor.pos_ == "NOUN" and (
            lemmas_of(ancestor) & nouns
            or ancestor.text.capitalize() in office_words()
            or ancestor.dep_ in {"nsubj", "nsubjpass"}  # the clause's subject: who B is
        ):
            return ancestor
    return None


def hung_too_low(noun: Token) -> list[Token]:
    """Names in apposition deeper in a noun's phrase that name the noun itself ("her
    successor as Minister of Labour, A B, was shot": A B is the successor)."""
    if noun.pos_ != "NOUN":
        return []
    return [t for t in noun.subtree if t.dep_ == "appos" and _higher_holder(t) == noun]


@cache
def lexicon_posts() -> frozenset[str]:
    """The post nouns of the office lexicon ("ambassador", "prosecutor", "member")."""
    from histkg.lexicon import lexicon

    lex = lexicon()
    phrases = (*lex.posts_of, *lex.posts_to, *lex.posts_bare)
    return frozenset(p.split()[-1] for p in phrases if p.split()[-1] not in FUNCTION_WORDS)


@cache
def office_words() -> frozenset[str]:
    """Every word of every office title in the lexicon ("Minister", "Chief", "Staff")."""
    from histkg.lexicon import lexicon

    return frozenset(
        w
        for office in lexicon().offices
        for form in office.forms
        for w in form.split()
        if w.lower() not in FUNCTION_WORDS
    )


PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "they", "them", "their", "hers"})


def filler_kind(token: Token) -> str:
    """What a role's head word names: "person" (a PERSON entity or a name with one in its
    compounds), "pronoun", "group" (a noun for people: "officials"), "org", or "other"."""
    if token.ent_type_ == "PERSON" or any(
        c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in token.children
    ):
        return "person"
    if token.lower_ in PERSONAL_PRONOUNS:
        return "pronoun"
    if token.pos_ == "NOUN" and lemmas_of(token) & grammar().group_nouns:
        return "group"
    if token.ent_type_ in {"ORG", "NORP"}:
        return "org"
    if token.pos_ == "PROPN" and token.ent_type_ not in {"GPE", "LOC", "DATE", "FAC"}:
        return "name"
    return "other"
