"""The rule engine: event rules over the dependency parse, read from ``data/grammar.toml``.

A rule names a trigger (lemmas and parts of speech) and, per dependency pattern, the
role its matched token fills. :func:`read_events` runs every rule's patterns through
one spaCy ``DependencyMatcher`` per vocabulary and returns a :class:`Hit` per trigger,
after the grammar every rule shares: coordinated fillers, appositions and relative
pronouns (:mod:`histkg.extract.expansion`), subjects shared by coordinated and
controlled verbs (:mod:`histkg.extract.subjects`), and the modality (negated,
attempted, alleged, hypothetical) of the trigger (:mod:`histkg.extract.modality`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from histkg.extract.doc_table import doc_table, sentence_doc
from histkg.extract.expansion import (
    accompanying,
    expand,
    gapped_remnants,
    lexicon_posts,
    office_words,
)
from histkg.extract.hits import Hit
from histkg.extract.modality import RELATIVE_PRONOUNS, Modality, attempt_agents, modality
from histkg.extract.rules import Rule, grammar, lemmas_of, surface_forms, words
from histkg.extract.seats import names_seat
from histkg.extract.subjects import (
    bare_title,
    drop_office_objects,
    governor_subject,
    is_passive,
    nominal_roles,
    share_subject,
)

#: what one is removed from or elected to when no office is named
SCOPE_NOUNS = words("scope_nouns")
#: nouns that stand for an office in "confirmed in his post as X"
POST_NOUNS = words("post_nouns")
#: verbs whose person object is removed from the post they hold ("A dismissed B")
DISMISSING = words("dismissing")
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
    rules_of_hash: dict[int, tuple[str, ...]]  # by the hash of the word form
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
    by_hash = {vocab.strings.add(f): tuple(ids) for f, ids in forms.items()}
    return Matchers(by_rule, keys, by_hash, pos_of)


def _matches(sent: Span) -> list[tuple[int, list[int]]]:
    """The matches of the rules whose triggers a sentence holds. One DependencyMatcher per
    rule on a copy of the sentence is the fastest way measured (62 WikiText articles: 1.0 s;
    the same matchers on whole paragraphs 2.1 s; one matcher of every rule 5.9 s)."""
    m = _matchers(sent.doc.vocab)
    table = doc_table(sent.doc)
    start, end = sent.start, sent.end
    rule_ids = sorted(
        {
            r
            for lower, pos in zip(table.lowers[start:end], table.pos[start:end], strict=True)
            for r in m.rules_of_hash.get(lower, ())
            if pos in m.pos_of[r]
        }
    )
    if not rule_ids:
        return []
    # a DependencyMatcher copies a Span into a Doc of its own on every call: copy it once
    doc = sentence_doc(sent)
    return [match for r in rule_ids for match in m.by_rule[r](doc)]


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
            verb = matched.get("verb")
            if g.patterns[name].get("verb_states") and verb is not None and verb not in hit.verbs:
                hit.verbs.append(verb)
            names_of.setdefault((rule.id, trigger.i), set()).add(name)
    hits = []
    for (rule_id, _i), hit in sorted(by_trigger.items(), key=lambda kv: kv[1].trigger.i):
        if not _requirements(hit):
            continue
        names = names_of.get((rule_id, hit.trigger.i), set())
        drop_office_objects(hit)
        hit.passive = "passive_subject" in names or is_passive(hit.trigger)
        share_subject(hit, names)
        governor_subject(hit)
        nominal_roles(hit)
        for role, tokens in list(hit.roles.items()):
            hit.roles[role] = expand(tokens)
        needed = hit.rule.requires.get("needs_role")
        if needed and not hit.roles.get(needed):
            continue  # "A succeeded in …": no one succeeded
        undergoer = hit.rule.roles.get("passive_subject" if hit.passive else "object")
        if hit.trigger.pos_ == "VERB" and undergoer in hit.roles:
            # "arrested on 2 May, together with B": the with-phrase of the verb itself
            more = [t for t in accompanying(hit.trigger) if t not in hit.roles[undergoer]]
            more += [t for t in gapped_remnants(hit.trigger) if t not in hit.roles[undergoer]]
            hit.roles[undergoer] += expand(more)
        hit.modality, hit.outcome, governor = modality(hit.trigger)
        for verb in hit.verbs if hit.modality is Modality.STATED else ():
            # "A was never put on trial": the pattern's verb says whether it happened
            hit.modality, hit.outcome, governor = modality(verb)
            if hit.modality is not Modality.STATED:
                break
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
    if "subject_lemma" in req:  # "the court tried A": a court's act, not "A tried B"
        subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
        if not any(lemmas_of(t) & set(req["subject_lemma"]) for t in subjects):
            return False
    if "child" in req and not any(c.lower_ in req["child"] for c in trigger.children):
        return False
    if req.get("counted") and not any(c.dep_ == "nummod" for c in trigger.children):
        return False  # "received ten years": a counted term, not "the years of his pension"
    if "governed_by" in req and not (  # "issued a directive", "a proclamation was signed"
        trigger.dep_ in {"dobj", "nsubjpass"} and lemmas_of(trigger.head) & set(req["governed_by"])
    ):
        return False
    if "prep_object" in req and not any(  # "placed under arrest", "taken into custody"
        c.dep_ == "prep" and lemmas_of(o) & set(req["prep_object"].get(c.lower_, ()))
        for c in trigger.children
        for o in c.children
        if o.dep_ == "pobj"
    ):
        return False
    if "phrase_lemma" in req and not _phrase_lemma(trigger, set(req["phrase_lemma"])):
        return False  # "shot by a firing squad" is an execution …
    if "not_phrase_lemma" in req and _phrase_lemma(trigger, set(req["not_phrase_lemma"])):
        return False  # … and not a killing
    if "bare_child" in req and not any(
        c.lower_ in req["bare_child"] and not any(d.dep_ in {"det", "poss"} for d in c.children)
        for c in trigger.children
    ):
        return False  # "was taken prisoner", not "took a prisoner"
    if "modifier" in req and not any(
        c.dep_ in {"amod", "compound"} and lemmas_of(c) & set(req["modifier"])
        for c in trigger.children
    ):
        return False  # "in any case": only a criminal or court case is a trial
    if req.get("bare") and any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in trigger.children
    ):
        return False  # "after the trial of B": B's, not the clause's subject's
    if req.get("led_body") and not any(
        c.dep_ == "dobj" and c.pos_ == "PROPN" for c in trigger.children
    ):
        return False  # "took over the family business": no organization's name
    if req.get("body") and not names_seat(trigger):
        return False  # "joined the Communist Party": a party card, not a seat
    if req.get("office") and not _names_office(office_complement(trigger)):
        return False
    if any(c.dep_ == "prep" and c.lower_ in req.get("without_prep", ()) for c in trigger.children):
        return False  # "A replaced B with C": A is who replaced, not who succeeded
    if req.get("finite") and trigger.tag_ == "VBG":
        return False  # "became Premier, succeeding B": the participle is its head's matter
    if req.get("no_office") and _names_office(office_complement(trigger)):
        return False  # the rule that reads the named office has it
    scoped = set(req.get("scope_for", ()))
    if scoped and lemmas_of(trigger) & scoped and not _has_scope(trigger):
        if not _dismisses_someone(trigger):
            return False  # "removed from the game", "elected player of the year"
    particles = req.get("particle", {})
    for verb in lemmas_of(trigger) & set(particles):
        if not any(  # "stepped down" (the model reads "down" as a particle or an adverb)
            c.dep_ in {"prt", "advmod"} and c.lower_ in particles[verb] for c in trigger.children
        ):
            return False
    if "out_of" in req and not _out_of(trigger, set(req["out_of"])):
        return False
    return True


def _phrase_lemma(verb: Token, wanted: set[str]) -> bool:
    """Whether a by-, before- or in-front-of-phrase of the verb holds one of ``wanted``
    ("shot by a firing squad", "shot before a firing squad")."""
    for child in verb.children:
        if child.dep_ in {"agent", "prep"} and child.lower_ in {"by", "before", "in"}:
            if any(lemmas_of(t) & wanted for t in child.subtree):
                return True
    return False


def _out_of(verb: Token, places: set[str]) -> bool:
    """ "fell from power", "forced out of office": a from- or out-of-phrase of the verb
    (one or two prepositions deep) whose object is one of ``places``."""
    for prep in verb.children:
        if prep.dep_ not in {"prep", "prt", "advmod"} or prep.lower_ not in {"from", "out"}:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and lemmas_of(obj) & places:
                return True
            if obj.dep_ == "prep" and obj.lower_ in {"of", "from"}:
                if any(o.dep_ == "pobj" and lemmas_of(o) & places for o in obj.children):
                    return True
    return False


#: "proclaimed himself president": who gives the office to themselves
REFLEXIVES = frozenset({"himself", "herself"})


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
    reflexive = any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in verb.children)
    for child in verb.children:  # "proclaimed himself president": the reflexive's predicate
        if child.dep_ in {"ccomp", "xcomp", "oprd", "dobj"} and child.pos_ in {"NOUN", "PROPN"}:
            if reflexive or any(c.lower_ in REFLEXIVES for c in child.children):
                return child
        if child.dep_ == "dobj" and child.lower_ in REFLEXIVES:
            for title in child.children:  # the parse may hang the title on the reflexive
                if title.dep_ == "appos" and title.pos_ in {"NOUN", "PROPN"}:
                    return title
    for child in verb.children:  # "confirmed in his post as X", "appointed to the office of X"
        if child.dep_ == "prep" and child.lower_ in {"in", "to"}:
            for post in child.children:
                if post.dep_ == "pobj" and lemmas_of(post) & POST_NOUNS:
                    for gc in post.children:
                        if gc.dep_ == "prep" and gc.lower_ in {"as", "of"}:
                            return gc
    for child in verb.children:  # "took up the post of X", "was given the office of X"
        if child.dep_ == "dobj" and lemmas_of(child) & POST_NOUNS:
            for gc in child.children:
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
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    for child in verb.children:  # "appointed A B Minister": the object's title word
        if child.dep_ in {"dobj", "xcomp"} and child.pos_ in {"NOUN", "PROPN"}:
            if any(c.dep_ == "compound" for c in child.children) or bare_title(child):
                return child  # "was … and appointed Minister of X": the bare title
            if passive and child.dep_ == "dobj" and _names_office(child):
                return child  # "was appointed ambassador to X": a passive's object is the post
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
        c.dep_ in {"dobj", "nsubjpass"} and (_is_person(c) or any(_is_person(a) for a in _named(c)))
        for c in verb.children
    )


def _is_person(word: Token) -> bool:
    return word.ent_type_ == "PERSON" or word.lower_ in {"him", "her", "he", "she", "them"}


def _named(noun: Token) -> list[Token]:
    """The names an apposition gives a noun ("the deputy ministers A, B and C")."""
    return [c for c in noun.children if c.dep_ == "appos"]
