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
    among_them,
    as_were,
    expand,
    gapped_remnants,
    of_conjunct,
)
from histkg.extract.hits import Hit
from histkg.extract.modality import RELATIVE_PRONOUNS, Modality, attempt_agents, modality
from histkg.extract.requirements import requirements
from histkg.extract.rules import Rule, grammar, lemmas_of, surface_forms, words
from histkg.extract.subjects import (
    causative_agent,
    drop_bare_nouns,
    drop_office_objects,
    governor_subject,
    is_passive,
    nominal_roles,
    share_subject,
)

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
        if not requirements(hit):
            continue
        names = names_of.get((rule_id, hit.trigger.i), set())
        drop_office_objects(hit)
        drop_bare_nouns(hit)
        hit.passive = "passive_subject" in names or is_passive(hit.trigger)
        share_subject(hit, names)
        causative_agent(hit)
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
            more += [t for t in as_were(hit.trigger) if t not in hit.roles[undergoer]]
            listed = among_them(hit.trigger, hit.roles[undergoer])
            more += [t for t in listed if t not in hit.roles[undergoer]]
            hit.roles[undergoer] += expand(more)
        noun_undergoer = hit.rule.roles.get("of_object")
        if (
            hit.trigger.pos_ == "NOUN"
            and noun_undergoer in hit.roles
            and hit.trigger.head.pos_ == "VERB"
        ):
            # "decreed the arrest of forty deputies, A, B and C among them": the list hangs
            # on the verb that governs the noun
            listed = among_them(hit.trigger.head, hit.roles[noun_undergoer])
            listed += of_conjunct(hit.trigger)  # "… and of the ministers B and C"
            hit.roles[noun_undergoer] += expand(
                [t for t in listed if t not in hit.roles[noun_undergoer]]
            )
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
            elif hit.rule.event_class == "Death" and _made_attempt(hit.trigger, governor):
                hit.event_class = g.attempt_class.get("Death", "")  # "an attempt on his life"
            if governor is not None and not hit.roles.get("agent"):
                hit.roles["agent"] = expand(attempt_agents(hit.trigger, governor))
        hits.append(hit)
    return _merge_coups(hits)


def _made_attempt(trigger: Token, governor: Token | None) -> bool:
    """Whether a killing is said to have been attempted, not only planned: "an
    assassination attempt", "tried to kill A" (not "plotted to kill A")."""
    made = words("made_attempts")
    return (governor is not None and bool(lemmas_of(governor) & made)) or any(
        lemmas_of(t) & made
        for t in (trigger.head, *trigger.children)
        if t.dep_ == "compound" or trigger.dep_ == "compound"
    )


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
