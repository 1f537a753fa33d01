"""Tenures said by a verb of leading: "A headed the State Planning Commission", "B chaired
the Central Committee from 1931 to 1935", "the secret police, headed by C, …".

The verb's object (or, for a participle, the noun it describes) must be an organization
the sentence names (``Sentence.orgs``): a march, a team or an army led into battle is no
office, so "lead" counts only for a party, a faction, a governing body or a ministry. The
office is the organization's head, titled by the verb (``data/offices.toml``
[leading_titles]: "Head of X", "Chairman of X", "Commander of X"; a party's head is its
"Leader"), or by the organization's own head noun ([body_heads]: "headed the Ministry of
Justice" is the Minister of Justice).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from histkg.extract.expansion import expand
from histkg.extract.mentions import Sentence
from histkg.extract.rules import lemmas_of
from histkg.lexicon import lexicon
from histkg.model import Mention, OfficeRef, Span, TenureRecord

if TYPE_CHECKING:
    from histkg.extract.tenures import TenureReader
    from histkg.extract.text import ArticleReader

#: "Ministry of Justice", "Commissariat of Foreign Affairs and Trade": a [body_heads] noun
#: and the capitalized words of its of-phrase
BODY_RE = re.compile(
    rf"(?:{'|'.join(sorted(lexicon().body_heads))}) of (?:the )?[A-Z][\w'’-]*"
    r"(?: (?:and |of |for |the )*[A-Z][\w'’-]*)*"
)

#: organizations "lead" makes someone the head of (not an army, a team or a march)
LED_CLASSES = frozenset({"PoliticalParty", "Faction", "GoverningBody"})


def leading_verb(verb: Token) -> str | None:
    """The verb of leading ``verb`` is ("head", "chair", …), if it is one."""
    found = sorted(lemmas_of(verb) & set(lexicon().leading_titles))
    return found[0] if found else None


def led_tenures(
    tenures: TenureReader, s: Sentence, sent: SpacySpan, verb: Token, kind: str
) -> list[TenureRecord]:
    """ "A headed X" (the subject heads the object) and "X, headed by A" (the participle's
    by-agent heads the noun it describes)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    agents = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "X, headed by A,"
        bodies, heads = [verb.head], agents
    elif verb.dep_ == "relcl" and any(  # "X, which was led by A,"
        c.dep_ == "nsubjpass" and c.lower_ in {"which", "that"} for c in verb.children
    ):
        bodies, heads = [verb.head], agents
    elif any(c.dep_ == "nsubjpass" for c in verb.children):  # "X was headed by A and B"
        bodies, heads = [c for c in verb.children if c.dep_ == "nsubjpass"], agents
    else:  # "A headed X"
        bodies = [c for c in verb.children if c.dep_ == "dobj"]
        heads = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(bodies) != 1 or len(heads) != 1:
        return []
    office = led_office(tenures.reader, s, sent, bodies[0], kind)
    if office is None:
        return []
    out: list[TenureRecord] = []
    for head in expand(heads):  # "headed by A, B and C": each of them
        holder = tenures._person(s, sent, head)
        if holder is None or any(t.holder is holder for t in out):
            continue
        tenure = TenureRecord(holder, office, tenures.reader.span(s), rule=f"tenure.led-{kind}")
        if verb.dep_ not in {"acl", "relcl"}:  # "headed X from 1931 to 1935", "In 1938 A headed X"
            tenure.start, tenure.end = tenures._dates(s, sent, verb)
            if tenure.start is None and tenure.end is None:
                tenure.attested = tenures._clause_date(s, tenures.offset(s, sent, verb))
        out.append(tenure)
    return out


def led_office(
    reader: ArticleReader, s: Sentence, sent: SpacySpan, body: Token, kind: str
) -> OfficeRef | None:
    """The office of whoever heads the organization the noun ``body`` names, if it names
    one ("the State Planning Commission", "the Ministry of Justice")."""
    base = s.begin - sent.start_char  # a token's idx to an offset in the article
    org = _org_at(s, base + body.idx, base + body.left_edge.idx)
    if org is None:
        org = _ministry(reader, s, base, body)
    title = lexicon().led_nouns.get(body.lower_) if body.pos_ == "NOUN" else None
    if org is None and title is not None:  # "a regency headed by A": the Regent
        return OfficeRef(title, "post", phrase=body.text)
    return None if org is None else _office(reader, s, org, kind)


def _org_at(s: Sentence, head_at: int, left_at: int) -> Mention | None:
    """The organization the sentence names whose name holds the noun at ``head_at`` and
    begins its phrase (after a determiner): "the Ministry of Justice", not "a branch of
    the Ministry"."""
    for org in s.orgs:
        if org.span.begin <= head_at < org.span.end and org.span.begin >= left_at:
            return org
    return None


def _ministry(reader: ArticleReader, s: Sentence, base: int, body: Token) -> Mention | None:
    """ "the Ministry of Justice" where the model tagged no organization: a [body_heads]
    noun and a capitalized of-phrase."""
    words = [t for t in body.subtree if t.dep_ != "det" or t.i > body.i]
    if not words or words[0].text not in lexicon().body_heads:
        return None
    begin = base + words[0].idx
    end = base + words[-1].idx + len(words[-1].text)
    text = reader.article.text[begin:end]
    if not BODY_RE.fullmatch(text):
        return None
    return Mention("org", text, Span(reader.article.doc_id, begin, end))


def _political_name(name: str) -> bool:
    """Whether a name is a political organization's by its head noun (the word before an
    of-phrase, else the last): "led" makes someone its leader."""
    head = re.split(r"\s+(?:of|for)\s+", name)[0].split()[-1]
    return head in lexicon().political_heads  # data/offices.toml [political_names]


def _office(reader: ArticleReader, s: Sentence, org: Mention, kind: str) -> OfficeRef | None:
    lex = lexicon()
    offices = reader.offices
    first, _, rest = org.text.partition(" ")
    front, _, last = re.sub(r"^(?:the|The)\s+", "", org.text).rpartition(" ")
    if front and last in lex.body_heads:  # "the War Ministry": the War Minister's office
        form = offices.forms_by_case.get(f"{front} {lex.body_heads[last]}".lower())
        if form is not None:
            return offices.office(form, None, s, org.span.begin)
    if first in lex.body_heads and rest.startswith("of "):
        title = f"{lex.body_heads[first]} {rest}"  # "Ministry of Justice" -> "Minister of …"
        if title.lower() in offices.forms_by_case:
            return offices.office(offices.forms_by_case[title.lower()], None, s, org.span.begin)
        return OfficeRef(title, "post", org=org, phrase=org.text)
    if kind == "lead" and org.org_class not in LED_CLASSES and not _political_name(org.text):
        return None
    if not re.search(r"(?<![\w-])[A-Z]", re.sub(r"^(?:the|a|an)\s+", "", org.text, flags=re.I)):
        return None  # "the group": a noun for an organization named elsewhere, not a name
    political = org.org_class == "PoliticalParty" or _political_name(org.text)
    noun = "Leader" if kind == "lead" and political else None
    noun = noun or lex.leading_titles[kind]
    name = re.sub(r"^The ", "the ", org.text)  # "The Liberal Party, which …" opens a sentence
    the = "" if name.startswith("the ") or name.isupper() else "the "
    title = f"{noun} of {the}{name}"
    form = offices.forms_by_case.get(title.lower())
    if form is not None:  # "chaired the Council of Ministers": a title of the lexicon
        return offices.office(form, None, s, org.span.begin)
    return OfficeRef(title, "post", org=org, phrase=org.text)
