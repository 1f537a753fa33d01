"""The rule engine: event rules over the dependency parse, read from ``data/grammar.toml``.

A rule names a trigger (lemmas and parts of speech) and, per dependency pattern, the
role its matched token fills. :func:`read_events` runs every rule's patterns through
one spaCy ``DependencyMatcher`` per vocabulary and returns a :class:`Hit` per trigger,
after the grammar every rule shares: coordinated fillers, appositions, relative
pronouns, subjects shared by coordinated and controlled verbs, and the modality
(negated, attempted, alleged, hypothetical) of the trigger.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from histkg.extract.modality import RELATIVE_PRONOUNS, Modality, attempt_agents, modality
from histkg.extract.rules import Rule, grammar, lemmas_of, surface_forms, words

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
FUNCTION_WORDS = frozenset({"of", "the", "a", "an", "for", "and", "to", "in", "on", "at", "de"})
#: what one is removed from or elected to when no office is named
SCOPE_NOUNS = words("scope_nouns")
#: nouns that stand for an office in "confirmed in his post as X"
POST_NOUNS = words("post_nouns")
KINSHIP = words("kinship")
#: verbs whose person object is removed from the post they hold ("A dismissed B")
DISMISSING = words("dismissing")
#: how a verb without a subject hangs off the verb whose subject it shares:
#: "arrested and executed", "forced to resign", "Rehabilitated in 1936, he …",
#: "after being extradited, he …"
SHARING_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp"})
CLAUSE_DEPS = frozenset({"conj", "advcl", "ccomp", "relcl", "acl", "xcomp", "parataxis"})


def _pattern(rule: Rule, name: str | None) -> list[dict[str, Any]]:
    trigger: dict[str, Any] = {
        "LOWER": {"IN": surface_forms(rule.lemmas, rule.pos)},
        "POS": {"IN": list(rule.pos)},
    }
    if name is None:
        return [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": trigger}]
    spec = grammar().patterns[name]
    trigger.update(spec.get("trigger", {}))
    nodes = [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": trigger}]
    for node in spec["nodes"]:
        attrs = dict(node["RIGHT_ATTRS"])
        if "LEMMA" in attrs:  # lemmas in the data match every inflected form
            attrs["LOWER"] = {"IN": surface_forms(tuple(attrs.pop("LEMMA")["IN"]), ("VERB",))}
        nodes.append({"LEFT_ID": "trigger", **node, "RIGHT_ATTRS": attrs})
    return nodes


@dataclass(frozen=True)
class Matchers:
    """One DependencyMatcher per rule, and which rules a word form can trigger: a
    sentence runs only the matchers of the triggers it contains."""

    by_rule: dict[str, DependencyMatcher]
    keys: dict[int, tuple[Rule, str | None]]
    rules_of_form: dict[str, tuple[str, ...]]
    pos_of: dict[str, frozenset[str]]


@cache
def _matchers(vocab: Vocab) -> Matchers:
    by_rule: dict[str, DependencyMatcher] = {}
    keys: dict[int, tuple[Rule, str | None]] = {}
    forms: dict[str, list[str]] = {}
    for rule in grammar().rules:
        matcher = DependencyMatcher(vocab)
        for name in [None, *rule.roles]:
            key = f"{rule.id}|{name or ''}"
            matcher.add(key, [_pattern(rule, name)])
            keys[vocab.strings[key]] = (rule, name)
        by_rule[rule.id] = matcher
        for form in surface_forms(rule.lemmas, rule.pos):
            forms.setdefault(form, []).append(rule.id)
    pos_of = {rule.id: frozenset(rule.pos) for rule in grammar().rules}
    return Matchers(by_rule, keys, {f: tuple(ids) for f, ids in forms.items()}, pos_of)


def _matches(sent: Span) -> list[tuple[int, list[int]]]:
    m = _matchers(sent.doc.vocab)
    rule_ids = sorted(
        {r for t in sent for r in m.rules_of_form.get(t.lower_, ()) if t.pos_ in m.pos_of[r]}
    )
    if not rule_ids:
        return []
    # a DependencyMatcher copies a Span into a Doc of its own on every call: copy it once
    doc = sent.as_doc(copy_user_data=True)
    return [match for r in rule_ids for match in m.by_rule[r](doc)]


@dataclass
class Hit:
    """A rule's trigger in a sentence, the tokens that fill its roles, and its modality."""

    rule: Rule
    trigger: Token
    roles: dict[str, list[Token]] = field(default_factory=dict)
    modality: Modality = Modality.STATED
    event_class: str = ""
    outcome: str | None = None
    passive: bool = False
    partner: Hit | None = None  # the removal a coup brought about
    via: Hit | None = None  # the coup a removal was brought about by
    governor: Token | None = None  # the word that makes it an attempt ("plot", "tried")

    def fillers(self, role: str) -> list[Token]:
        return self.roles.get(role, [])


def read_events(sent: Span) -> list[Hit]:
    """Every rule's hits in one sentence, in trigger order."""
    g = grammar()
    keys = _matchers(sent.doc.vocab).keys
    by_trigger: dict[tuple[str, int], Hit] = {}
    names_of: dict[tuple[str, int], set[str]] = {}
    for match_id, token_ids in _matches(sent):
        rule, name = keys[match_id]
        spec_ids = ["trigger"] + (
            [n["RIGHT_ID"] for n in g.patterns[name]["nodes"]] if name else []
        )
        matched = {rid: sent[i] for rid, i in zip(spec_ids, token_ids, strict=True)}
        trigger = matched["trigger"]
        hit = by_trigger.setdefault((rule.id, trigger.i), Hit(rule, trigger))
        if name is not None:
            role = rule.roles[name]
            filler = matched["role"]
            if filler not in hit.roles.setdefault(role, []):
                hit.roles[role].append(filler)
            names_of.setdefault((rule.id, trigger.i), set()).add(name)
    hits = []
    for (rule_id, _i), hit in sorted(by_trigger.items(), key=lambda kv: kv[1].trigger.i):
        if not _requirements(hit):
            continue
        names = names_of.get((rule_id, hit.trigger.i), set())
        _drop_office_objects(hit)
        hit.passive = "passive_subject" in names or _is_passive(hit.trigger)
        _share_subject(hit, names)
        _governor_subject(hit)
        _nominal_roles(hit)
        for role, tokens in list(hit.roles.items()):
            hit.roles[role] = expand(tokens)
        undergoer = hit.rule.roles.get("passive_subject" if hit.passive else "object")
        if hit.trigger.pos_ == "VERB" and undergoer in hit.roles:
            # "arrested on 2 May, together with B": the with-phrase of the verb itself
            more = [t for t in _accompanying(hit.trigger) if t not in hit.roles[undergoer]]
            hit.roles[undergoer] += expand(more)
        hit.modality, hit.outcome, governor = modality(hit.trigger)
        hit.governor = governor
        hit.event_class = hit.rule.event_class
        if hit.modality is Modality.ATTEMPTED:
            hit.event_class = ""
            if lemmas_of(hit.trigger) & g.coup_verbs or hit.rule.event_class == "CoupAttempt":
                hit.event_class = g.attempt_class.get(hit.rule.event_class, "")
            if governor is not None and not hit.roles.get("agent"):
                hit.roles["agent"] = expand(attempt_agents(hit.trigger, governor))
        hits.append(hit)
    return _merge_coups(hits)


def _is_coup_word(token: Token) -> bool:
    """ "coup", "putsch"; also "d'état" of "coup d'état" and the coup a relative
    pronoun stands for ("the coup which removed A")."""
    coup = grammar().coup_nouns
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        token = token.head.head
    return bool(lemmas_of(token) & coup) or any(
        lemmas_of(t) & coup
        for t in (token.head, *token.children)
        if t.dep_ == "compound" or token.dep_ == "compound"
    )


def _merge_coups(hits: list[Hit]) -> list[Hit]:
    """A removal done by or during a coup ("a coup deposed A", "the coup which removed
    A", "A was overthrown in a coup led by B"): the coup is an event of its own whose
    target is the one removed, on the removal's date."""
    out = []
    for hit in hits:
        if hit.event_class == "CoupAttempt" and hit.trigger.pos_ != "VERB":
            governor = hit.trigger.head
            if governor.dep_ == "prep":
                governor = governor.head
            removal = next(
                (
                    h
                    for h in hits
                    if h.event_class == "Removal"
                    and (
                        h.trigger == governor
                        or any(
                            t == hit.trigger
                            or (
                                t.lower_ in RELATIVE_PRONOUNS
                                and t.head.dep_ == "relcl"
                                and t.head.head == hit.trigger
                            )
                            or t.head == hit.trigger
                            for t in h.fillers("agent")
                        )
                    )
                ),
                None,
            )
            if removal is not None:
                hit.partner, removal.via = removal, hit
                hit.roles.setdefault("affected", list(removal.fillers("affected")))
                if not [t for t in removal.fillers("agent") if not _is_coup_word(t)]:
                    # "deposed in a coup by B", "B led a coup that overthrew A": B deposed A
                    removal.roles["agent"] = list(hit.fillers("agent"))
        if hit.event_class == "Removal":
            hit.roles["agent"] = [t for t in hit.fillers("agent") if not _is_coup_word(t)]
        out.append(hit)
    return out


def _requirements(hit: Hit) -> bool:
    req = hit.rule.requires
    trigger = hit.trigger
    if "object_lemma" in req:
        objects = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
        if not any(lemmas_of(o) & set(req["object_lemma"]) for o in objects):
            return False
    if "child" in req and not any(c.lower_ in req["child"] for c in trigger.children):
        return False
    if "prep_object" in req and not any(  # "placed under arrest", "taken into custody"
        c.dep_ == "prep" and lemmas_of(o) & set(req["prep_object"].get(c.lower_, ()))
        for c in trigger.children
        for o in c.children
        if o.dep_ == "pobj"
    ):
        return False
    if req.get("office") and not _names_office(office_complement(trigger)):
        return False
    scoped = set(req.get("scope_for", ()))
    if scoped and lemmas_of(trigger) & scoped and not _has_scope(trigger):
        if not _dismisses_someone(trigger):
            return False  # "removed from the game", "elected player of the year"
    particles = req.get("particle", {})
    for verb in lemmas_of(trigger) & set(particles):
        if not any(c.dep_ == "prt" and c.lower_ in particles[verb] for c in trigger.children):
            return False
    return True


def office_complement(verb: Token) -> Token | None:
    """The word that names the office a verb gives or takes: "became Premier", "was
    appointed ambassador", "served as minister", "elected to the post of", "removed from
    the office of"; the preposition itself when there is one."""
    for child in verb.children:
        if child.dep_ in {"attr", "oprd"} and child.pos_ in {"NOUN", "PROPN"}:
            return child
        if child.dep_ == "prep" and child.lower_ in {"as", "to", "from"}:
            objects = [
                c for c in child.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}
            ]
            if objects:
                return child
    for child in verb.children:  # "confirmed in his post as X", "appointed to the office of X"
        if child.dep_ == "prep" and child.lower_ in {"in", "to"}:
            for post in child.children:
                if post.dep_ == "pobj" and lemmas_of(post) & POST_NOUNS:
                    for gc in post.children:
                        if gc.dep_ == "prep" and gc.lower_ in {"as", "of"}:
                            return gc
    arguments = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    arguments += [gc for c in verb.children if c.dep_ == "agent" for gc in c.children]
    for argument in arguments:  # "succeeded A as Minister", "succeeded by B as Premier"
        for gc in argument.children:
            if gc.dep_ == "prep" and gc.lower_ == "as":
                return gc
    if verb.dep_ == "dobj" and verb.pos_ == "NOUN":  # "won election as governor"
        return office_complement(verb.head) if verb.head.pos_ == "VERB" else None
    for child in verb.children:  # "appointed A B Minister": the object's title word
        if child.dep_ in {"dobj", "xcomp"} and child.pos_ in {"NOUN", "PROPN"}:
            if any(c.dep_ == "compound" for c in child.children) or _bare_title(child):
                return child  # "was … and appointed Minister of X": the bare title
    if verb.dep_ == "conj" and lemmas_of(verb) & {"succeed", "replace"}:
        # "resigned as Premier and was succeeded by B": the office of the verb before
        return office_complement(verb.head)
    return None


def _names_office(complement: Token | None) -> bool:
    """Whether the phrase an office verb takes has an office word in it ("became
    Premier", "as ambassador", "to the post of"), not "promoted to the first team"."""
    if complement is None:
        return False
    words = office_words() | lexicon_posts()
    owners = {o.i for t in complement.subtree if t.dep_ == "poss" for o in t.subtree}
    return any(  # not an owner's title: "named to the Rector's list"
        t.text in words or t.lower_ in words or lemmas_of(t) & words
        for t in complement.subtree
        if t.i not in owners
    )


def _has_scope(verb: Token) -> bool:
    """Whether a removal or an election is from or to a post: an office ("dismissed as
    minister"), power or a body ("removed from power", "elected to the Senate"), or a
    person the text titles ("dismissed Chief of Staff A")."""
    if _names_office(office_complement(verb)):
        return True
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"from", "to", "as", "of"}:
            # "of": "relieved of his command", "stripped of his posts"
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                if lemmas_of(obj) & SCOPE_NOUNS or obj.pos_ == "PROPN":
                    return True
        if child.dep_ in {"dobj", "nsubjpass"}:
            titles = [c for c in child.children if c.dep_ == "compound"] + [child]
            if any(t.text in office_words() for t in titles):
                return True
    return False


def _dismisses_someone(verb: Token) -> bool:
    """ "A dismissed B", "B was sacked": a verb of ``dismissing`` with a person as its
    object is a removal from whatever post B held, unless an as-phrase says what B is
    called ("dismissed B as a coward")."""
    if not lemmas_of(verb) & DISMISSING:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return False
    return any(
        c.dep_ in {"dobj", "nsubjpass"}
        and (c.ent_type_ == "PERSON" or c.lower_ in {"him", "her", "he", "she"})
        for c in verb.children
    )


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _share_subject(hit: Hit, names: set[str]) -> None:
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
        role = hit.rule.roles.get("passive_subject" if _is_passive(trigger) else "subject")
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
        head = head.head
        if head.pos_ == "ADP":  # "after being extradited": the preposition's verb
            head = head.head
        chain_passive = chain_passive or any(c.dep_ == "auxpass" for c in head.children)
        subjects = [c for c in head.children if c.dep_ in SUBJECTS]
        if not subjects:
            continue
        subject = subjects[0]
        head_passive = subject.dep_ == "nsubjpass"
        if trigger.dep_ == "conj" and participle and (head_passive or chain_passive):
            hit.passive = True  # "were vilified and deposed": one auxiliary for both
        if trigger.dep_ == "advcl" and participle:
            hit.passive = True  # "Rehabilitated in 1936, he …"
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


def _drop_office_objects(hit: Hit) -> None:
    """ "was rehabilitated and appointed Minister of Agriculture": a bare title as the
    object (no determiner, no name glued to it) is the office the verb gives, not the one
    it is given to."""
    role = hit.rule.roles.get("object")
    if role is None or role not in hit.roles:
        return
    kept = [t for t in hit.roles[role] if not _bare_title(t)]
    if kept:
        hit.roles[role] = kept
    else:
        del hit.roles[role]


def _bare_title(token: Token) -> bool:
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
        and verb.tag_ == "VBN"
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in verb.children
        )
        and any(c.dep_ == "auxpass" for c in verb.head.children)
    )


def _governor_subject(hit: Hit) -> None:
    """ "A led the party and won election": a pattern that reads a noun's role from the
    subject of its verb ("won_by", "staged_by") finds it through coordinated verbs."""
    trigger = hit.trigger
    if trigger.pos_ == "VERB" or trigger.dep_ != "dobj":
        return
    g = grammar()
    for name, role in hit.rule.roles.items():
        if hit.roles.get(role):
            continue
        verbs = [n for n in g.patterns[name]["nodes"] if n.get("RIGHT_ID") == "verb"]
        wanted = verbs[0]["RIGHT_ATTRS"].get("LEMMA", {}).get("IN") if verbs else None
        if not wanted or not lemmas_of(trigger.head) & set(wanted):
            continue
        verb = trigger.head
        while not any(c.dep_ == "nsubj" for c in verb.children) and verb.dep_ in {"conj", "xcomp"}:
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            hit.roles[role] = subjects[:1]


def _nominal_roles(hit: Hit) -> None:
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
        stack = [token]
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
            stack.extend(_accompanying(t))
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


def _accompanying(filler: Token) -> list[Token]:
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
    head = appos.head
    if appos.pos_ != "PROPN" or head.pos_ != "PROPN" or head.dep_ != "pobj":
        return False
    if any(c.dep_ in {"conj", "cc"} for c in [*appos.children, *head.children]):
        return False  # a list of names: "against A, B and C"
    nouns = grammar().person_nouns
    for ancestor in list(head.ancestors)[:6]:
        if ancestor.pos_ == "NOUN" and (
            lemmas_of(ancestor) & nouns
            or ancestor.text.capitalize() in office_words()
            or ancestor.dep_ in {"nsubj", "nsubjpass"}  # the clause's subject: who B is
        ):
            return True
    return False


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
