"""What a rule requires of its trigger (``requires`` in ``data/grammar.toml``): an object
or subject lemma, a governing verb, a phrase, a named office, a seat, a scope; and the
office complement several requirements and readers look at ("became Premier", "was
appointed ambassador", "the post of X").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from histkg.extract.expansion import lexicon_posts, office_words
from histkg.extract.hits import Hit
from histkg.extract.rules import lemmas_of, words
from histkg.extract.seats import names_seat
from histkg.extract.subjects import bare_title
from histkg.lexicon import lexicon

#: what one is removed from or elected to when no office is named
SCOPE_NOUNS = words("scope_nouns")
#: nouns that stand for an office in "confirmed in his post as X"
POST_NOUNS = words("post_nouns")
#: verbs whose person object is removed from the post they hold ("A dismissed B")
DISMISSING = words("dismissing")


def requirements(hit: Hit) -> bool:
    """Whether a rule's hit meets what the rule ``requires`` of its trigger (data/grammar.toml)."""
    req = hit.rule.requires
    trigger = hit.trigger
    if "object_lemma" in req:
        objects = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
        if not any(lemmas_of(o) & set(req["object_lemma"]) for o in objects):
            return False
    if "subject_lemma" in req:  # "the court tried A": a court's act, not "A tried B"
        subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
        if not any(
            lemmas_of(t) & set(req["subject_lemma"]) or (req.get("acronym") and _acronym(t))
            for t in subjects
        ):
            return False
    if "not_child" in req and any(c.lower_ in req["not_child"] for c in trigger.children):
        return False  # "hanged himself": not an execution
    if "not_joined" in req and _joined_with(trigger) & set(req["not_joined"]):
        return False  # "was shot and wounded": not a killing
    if "child" in req and not any(c.lower_ in req["child"] for c in _own_and_objects(trigger)):
        return False  # "joined the cabinet of A as minister": the parse may hang it on the object
    if req.get("counted") and not any(c.dep_ == "nummod" for c in trigger.children):
        return False  # "received ten years": a counted term, not "the years of his pension"
    if "governed_by" in req and governing_verb(trigger, set(req["governed_by"])) is None:
        return False  # "issued a directive", "a proclamation was signed"
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
    applies = not req.get("bare_child_for") or lemmas_of(trigger) & set(req["bare_child_for"])
    if (
        "bare_child" in req
        and applies
        and not any(
            c.lower_ in req["bare_child"] and not any(d.dep_ in {"det", "poss"} for d in c.children)
            for c in trigger.children
        )
    ):
        return False  # "was taken prisoner", not "took a prisoner"
    if "not_modifier" in req and any(
        c.dep_ in {"amod", "compound"} and lemmas_of(c) & set(req["not_modifier"])
        for c in trigger.children
    ):
        return False  # "the next general election": not yet held
    if "modifier" in req and not any(
        c.dep_ in {"amod", "compound"} and lemmas_of(c) & set(req["modifier"])
        for c in trigger.children
    ):
        return False  # "in any case": only a criminal or court case is a trial
    if req.get("bare") and any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in trigger.children
    ):
        return False  # "after the trial of B": B's, not the clause's subject's
    if req.get("named_office_noun") and not any(
        c.dep_ == "dobj" and c.lower_ in lexicon().office_nouns for c in trigger.children
    ):
        return False  # "gave up the presidency", not "gave up smoking"
    if req.get("led_body") and not any(
        c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.lower_ in {"ministry", "portfolio"})
        for c in trigger.children
    ):
        return False  # "took over the family business": no organization's name
    if "not_describing" in req and _described(trigger, set(req["not_describing"])):
        return False  # "formed a provisional government", "a government in exile"
    if req.get("led_post") and led_post(trigger) is None:
        return False  # "put at the head of the queue" is read only with a body named
    if req.get("body") and not names_seat(trigger):
        return False  # "joined the Communist Party": a party card, not a seat
    if req.get("office") and not _names_office(office_complement(trigger)):
        return False
    if any(
        c.dep_ == "prep" and c.lower_ in req.get("without_prep", ()) and not _at_the_post(c)
        for c in trigger.children
    ):
        return False  # "A replaced B with C": A is who replaced, not who succeeded
    if req.get("finite") and trigger.tag_ == "VBG":
        return False  # "became Premier, succeeding B": the participle is its head's matter
    if req.get("no_office") and _names_office(office_complement(trigger)):
        return False  # the rule that reads the named office has it
    scoped = set(req.get("scope_for", ()))
    if (
        scoped
        and lemmas_of(trigger) & scoped
        and not _has_scope(trigger)
        and not any(
            # "was suspended from office in May and dismissed in August": the scope is shared
            _has_scope(v)
            for v in [*([trigger.head] if trigger.dep_ == "conj" else []), *trigger.conjuncts]
            if v.pos_ == "VERB"
        )
    ):
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


def governing_verb(noun: Token, verbs: set[str]) -> Token | None:
    """The verb of ``verbs`` a noun is the object or passive subject of ("issued a
    directive", "the law was passed"), or that describes it as a participle ("the Code,
    promulgated on 3 August")."""
    if noun.dep_ in {"dobj", "nsubjpass"} and lemmas_of(noun.head) & verbs:
        return noun.head
    return next(
        (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and lemmas_of(c) & verbs),
        None,
    )


def _joined_with(verb: Token) -> set[str]:
    """The lemmas of the verbs joined to ``verb`` by "and" or "but" ("shot and wounded")."""
    joined = [c for c in verb.children if c.dep_ == "conj"]
    if verb.dep_ == "conj":
        joined.append(verb.head)
    return {lemma for v in joined for lemma in lemmas_of(v)}


def _phrase_lemma(verb: Token, wanted: set[str]) -> bool:
    """Whether a by-, before- or in-front-of-phrase of the verb holds one of ``wanted``
    ("shot by a firing squad", "shot before a firing squad")."""
    for child in verb.children:
        if child.dep_ in {"agent", "prep"} and child.lower_ in {"by", "before", "in"}:
            if any(lemmas_of(t) & wanted for t in child.subtree):
                return True
    return False


def _out_of(verb: Token, places: set[str]) -> bool:
    """ "fell from power", "forced out of office", "barred from holding office": a from- or
    out-of-phrase of the verb (one or two prepositions deep, or a gerund's object) whose
    object is one of ``places``."""
    for prep in verb.children:
        if prep.dep_ not in {"prep", "prt", "advmod"} or prep.lower_ not in {"from", "out"}:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and lemmas_of(obj) & places:
                return True
            if obj.dep_ == "prep" and obj.lower_ in {"of", "from"}:
                if any(o.dep_ == "pobj" and lemmas_of(o) & places for o in obj.children):
                    return True
            if obj.dep_ == "pcomp":  # "banned from holding public office"
                if any(o.dep_ == "dobj" and lemmas_of(o) & places for o in obj.children):
                    return True
    return False


#: "proclaimed himself president": who gives the office to themselves
REFLEXIVES = frozenset({"himself", "herself"})


def _at_the_post(prep: Token) -> bool:
    """ "succeeded at the ministry by B", "replaced A at the head of the party": a phrase
    that names the post itself, not a place ("replaced him at the club")."""
    return prep.lower_ == "at" and any(
        c.dep_ == "pobj"
        and lemmas_of(c) & (POST_NOUNS | words("post_places") | words("departments"))
        for c in prep.children
    )


def at_a_ministry(verb: Token) -> bool:
    """ "replaced A at the Labour Ministry", "succeeded at the ministry by B"."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "at"
        and any(o.dep_ == "pobj" and "ministry" in lemmas_of(o) for o in c.children)
        for c in verb.children
    )


@cache
def one_word_posts() -> frozenset[str]:
    """The posts of one word a bare title names ("regent", "premier", "governor")."""
    return frozenset(p for p in lexicon().posts_bare if " " not in p and "-" not in p)


def _described(verb: Token, lemmas: set[str]) -> bool:
    """Whether the verb's object, or a prepositional phrase on the verb or the object,
    carries one of ``lemmas`` ("a provisional government", "formed a government in exile")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    words = [c for o in objects for c in o.children if c.dep_ in {"amod", "compound"}]
    for head in [verb, *objects]:
        for prep in (c for c in head.children if c.dep_ == "prep"):
            words += [o for o in prep.children if o.dep_ == "pobj"]
    return any(lemmas_of(w) & lemmas or w.lower_ in lemmas for w in words)


#: nouns of a post over a body ("placed at the head of X", "put in charge of X", "given
#: command of X") and the kind of leading each says (data/offices.toml leading_titles)
LED_POSTS = {"head": "head", "charge": "head", "command": "command"}


def led_post(verb: Token) -> tuple[Token, str] | None:
    """The body a verb puts someone at the head of, and the kind of leading: "was placed at
    the head of X", "put A in charge of X", "was given command of X"."""
    nouns = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in {"command", "charge"}]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"at", "in"}:
            nouns += [o for o in prep.children if o.dep_ == "pobj" and o.lower_ in LED_POSTS]
    for noun in nouns:
        for of in noun.children:
            if of.dep_ == "prep" and of.lower_ == "of":
                body = next((o for o in of.children if o.dep_ == "pobj"), None)
                if body is not None and body.pos_ == "PROPN":  # a name, not "the queue"
                    return body, LED_POSTS[noun.lower_]
    return None


def at_a_department(verb: Token) -> str | None:
    """ "was succeeded at the Interior by B", "followed him at the Treasury": the
    department a ministry is called by (data/grammar.toml departments), capitalized."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "at":
            for o in c.children:
                if o.dep_ == "pobj" and o.text.istitle() and o.lower_ in words("departments"):
                    return o.text
    return None


def office_complement(verb: Token) -> Token | None:
    """The word that names the office a verb gives or takes: "became Premier", "was
    appointed ambassador", "served as minister", "elected to the post of", "removed from
    the office of"; the preposition itself when there is one."""
    for child in verb.children:
        if child.dep_ in {"attr", "oprd"} and child.pos_ in {"NOUN", "PROPN"}:
            return child
        if child.dep_ == "acomp" and child.lower_ in one_word_posts():
            return child  # "became regent": the tagger may call a bare title an adjective
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
    for child in verb.children:  # "replaced A with B as X": the as-phrase hung on B
        if child.dep_ == "prep" and child.lower_ == "with" and lemmas_of(verb) & {"replace"}:
            for obj in child.children:
                for gc in obj.children if obj.dep_ == "pobj" else ():
                    if gc.dep_ == "prep" and gc.lower_ == "as":
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
        t.text in words or t.lower_ in words or lemmas_of(t) & words or _named_portfolio(t)
        for t in complement.subtree
        if t.i not in owners
    )


def _named_portfolio(noun: Token) -> bool:
    """ "the Justice portfolio", "the trade and industry portfolio" (not "a portfolio of
    shares"): a minister's office, read by ``Offices.after``."""
    return noun.lower_ == "portfolio" and any(
        c.dep_ in {"compound", "amod", "nmod"} for c in noun.children
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
    children = list(verb.children)
    if (
        verb.dep_ == "conj"
        and any(c.dep_ == "auxpass" for c in children)
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in children)
    ):
        # "A moved …, and was dismissed by B": the subject it shares with its head
        children += [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(
        c.dep_ in {"dobj", "nsubjpass", "nsubj"}
        and (c.dep_ != "nsubj" or c.head is not verb)
        and (_is_person(c) or any(_is_person(a) for a in _named(c)))
        for c in children
    )


def _is_person(word: Token) -> bool:
    return word.ent_type_ == "PERSON" or word.lower_ in {"him", "her", "he", "she", "them"}


def _named(noun: Token) -> list[Token]:
    """The names an apposition gives a noun ("the deputy ministers A, B and C")."""
    return [c for c in noun.children if c.dep_ == "appos"]


def _own_and_objects(trigger: Token) -> list[Token]:
    """The trigger's children and its direct object's."""
    out = list(trigger.children)
    for obj in trigger.children:
        if obj.dep_ == "dobj":
            out += list(obj.children)
    return out


def _acronym(token: Token) -> bool:
    """A body named by its initials ("the NEC", "the MPR"), not a country's ("the US")."""
    return (
        token.pos_ == "PROPN"
        and 2 <= len(token.text) <= 6
        and token.text.isupper()
        and token.ent_type_ not in {"GPE", "LOC", "NORP", "PERSON"}
    )
