"""Read an infobox by its template, with the declarative tables of ``data/infobox.toml``.

An infobox is one of three kinds, decided by its keys and name (``infobox_kind``):

* **officeholder** (a person: Template:Infobox officeholder, person, military person) –
  the subject is a person; each numbered office group (``office``/``order``,
  ``term_start``/``term_end`` or a ``term`` range, ``predecessor``/``successor``, the
  heads served under) becomes a tenure, the death fields a death or execution, the
  party a membership, the birth name another name of the subject;
* **event** (a coup, trial, purge, a military conflict …) – the infobox describes an
  event: its date, place, outcome and the people in it;
* **org** (a party, faction or body) – leaders, members, ideology, parent party,
  country, seats, and a tenure for a ``leader_title``/``leader_name`` pair.

Keys are case/space/underscore-insensitive and numbered keys (``office2``,
``term_start3`` …) are matched by their base; an unknown key is warned once per article
(``W101``), never guessed. Every record carries the id of the rule that made it
(``infobox.<kind>.<field>``).
"""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from histkg.errors import CodedWarning
from histkg.extract.mentions import org_class
from histkg.extract.nlp import INITIAL_RE, is_name_token
from histkg.lexicon import lexicon
from histkg.model import (
    Article,
    Date,
    EventRecord,
    InfoboxField,
    Mention,
    OfficeRef,
    OrgFacts,
    Span,
    TenureRecord,
)
from histkg.parse.dates import MONTHS, find_dates

# --- tables -------------------------------------------------------------------------------


def fold_key(key: str) -> str:
    """``"Term Start3"``, ``"term_start3"`` and ``"termstart3"`` -> ``"termstart3"``."""
    return re.sub(r"[\s_-]+", "", key.strip().lower())


@dataclass(frozen=True)
class Tables:
    """``data/infobox.toml``, with every key table folded (see ``fold_key``)."""

    org: dict[str, dict[str, str]]
    event: dict[str, dict[str, str]]
    officeholder: dict[str, dict[str, str]]
    kind_keys: dict[str, frozenset[str]]
    placeholders: frozenset[str]
    office_words: tuple[str, ...]
    org_words: frozenset[str]
    no_holder: tuple[re.Pattern[str], ...]
    self_words: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    honorifics: tuple[str, ...]
    casualty_marks: tuple[str, ...]
    death_causes: dict[str, tuple[str, ...]]


@cache
def tables() -> Tables:
    text = resources.files("histkg").joinpath("data", "infobox.toml").read_text(encoding="utf-8")
    raw: dict[str, Any] = tomllib.loads(text)
    lex = lexicon()

    def folded(table: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        return {fold_key(k): v for k, v in table.items()}

    first_words = {o.split()[0] for office in lex.offices for o in office.forms if o[:1].isupper()}
    kinds = raw["kinds"]
    return Tables(
        org=folded(raw["keys"]),
        event=folded(raw["event_keys"]),
        officeholder=folded(raw["officeholder_keys"]),
        kind_keys={k: frozenset(fold_key(x) for x in kinds[k]) for k in ("officeholder", "event")},
        placeholders=frozenset(kinds["placeholder_titles"]),
        office_words=tuple(sorted(set(raw["offices"]["words"]) | first_words)),
        org_words=frozenset(raw["offices"]["org_words"])
        | frozenset(lex.org_heads)
        | frozenset(lex.party_words)
        | frozenset(w for b in lex.governing_bodies for w in b.split()),
        no_holder=tuple(re.compile(p) for p in raw["holders"]["none"]),
        self_words=frozenset(raw["holders"]["self"]),
        particles=frozenset(raw["person_names"]["particles"]),
        suffixes=frozenset(raw["person_names"]["suffixes"]),
        honorifics=tuple(
            sorted(
                set(raw["person_names"]["honorifics"]) | set(lex.honorifics),
                key=len,
                reverse=True,
            )
        ),
        casualty_marks=tuple(raw["person_names"]["casualty_marks"]),
        death_causes={k: tuple(v) for k, v in raw["death_causes"].items()},
    )


def lookup(table: dict[str, dict[str, str]], key: str) -> tuple[dict[str, str] | None, int, str]:
    """The rule for ``key``, the number of its group (0 when unnumbered) and its base.

    ``"Term Start3"`` -> (rule of ``term_start``, 3, ``"termstart"``); a key listed with
    its number (``seats1_title``) is found as it is.
    """
    k = fold_key(key)
    if k in table:
        return table[k], 0, k
    m = re.fullmatch(r"(?P<base>.*?[a-z])(?P<n>\d+)", k)
    if m and m.group("base") in table:
        return table[m.group("base")], int(m.group("n")), m.group("base")
    base = m.group("base") if m else k
    return None, int(m.group("n")) if m else 0, base


# --- kinds ---------------------------------------------------------------------------------


def event_class_of(title: str) -> str | None:
    """The event class an article title names ("1965 coup d'état attempt" -> CoupAttempt)."""
    words = re.findall(r"[\w'’-]+", title.lower())
    for word in reversed(words):
        if word in lexicon().event_titles:
            return lexicon().event_titles[word]
    return None


def _bases(article: Article) -> set[str]:
    out = set()
    for f in article.infobox:
        k = fold_key(f.key)
        out.add(k)
        out.add(re.sub(r"\d+$", "", k))
    return out


def infobox_name(article: Article) -> str | None:
    """The infobox's name: its name line, or, when that is a placeholder ("Infobox"), the
    value of a name key, else the article title."""
    if article.infobox_title is None:
        return None
    title = article.infobox_title.strip(" ,;")
    if title and title not in tables().placeholders:
        return title
    for f in article.infobox:
        rule, _n, _b = lookup(tables().event, f.key)
        if rule is not None and rule["kind"] == "name" and f.value.strip():
            return f.value.strip()
    return article.title


def infobox_kind(article: Article) -> str | None:
    """``officeholder``, ``event`` or ``org`` (None when there is no infobox)."""
    name = infobox_name(article)
    if name is None:
        return None
    bases = _bases(article)
    t = tables()
    if bases & t.kind_keys["officeholder"]:
        return "officeholder"
    if event_class_of(name) is not None or bases & t.kind_keys["event"]:
        return "event"
    return "org"


# --- values --------------------------------------------------------------------------------


def _unknown_key(path: str, field: InfoboxField) -> CodedWarning:
    return CodedWarning(
        "W101",
        path,
        field.line,
        f"infobox key '{field.key}' is not in the mapping table; value kept unmapped",
    )


class _Warner:
    """Coded warnings of one infobox; an unknown key is warned once per article."""

    def __init__(self, article: Article) -> None:
        self.path = str(article.path)
        self.warnings: list[CodedWarning] = []
        self._unknown: set[str] = set()

    def unknown(self, f: InfoboxField, base: str) -> None:
        if base not in self._unknown:
            self._unknown.add(base)
            self.warnings.append(_unknown_key(self.path, f))

    def __call__(self, code: str, f: InfoboxField, message: str) -> None:
        self.warnings.append(CodedWarning(code, self.path, f.line, message))


def _items(value: str, begin: int) -> list[tuple[str, int, int]]:
    """Split a comma/semicolon list, keeping each item's offsets."""
    out = []
    for m in re.finditer(r"[^,;]+", value):
        item = m.group(0).strip()
        if item:
            b = begin + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            out.append((item, b, b + len(item)))
    return out


def split_items(value: str, begin: int) -> list[tuple[str, int, int]]:
    """Split a list at commas, semicolons and ``<hr>``/``<br>`` outside brackets; strip
    icon residue ("* 20px") around items. Returns (item, begin, end) with offsets."""
    cuts: list[tuple[int, int]] = []
    depth = 0
    i = 0
    while i < len(value):
        c = value[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            tag = re.match(r"<\s*/?\s*(?:hr|br)\s*/?\s*>", value[i:], re.IGNORECASE)
            if tag:
                cuts.append((i, i + tag.end()))
                i += tag.end()
                continue
            if c in ",;":
                cuts.append((i, i + 1))
        i += 1
    out = []
    start = 0
    for b, e in [*cuts, (len(value), len(value))]:
        piece = value[start:b]
        start = e
        lead = re.match(r"[\s*•]*(?:\d+px\s*)?[\s*•]*", piece)
        skip = lead.end() if lead else 0
        item = piece[skip:].rstrip()
        if item:
            out.append(
                (item, begin + (b - len(piece)) + skip, begin + (b - len(piece)) + skip + len(item))
            )
    return out


def person_name(text: str) -> str | None:
    """``text`` cleaned to a person's name, or None when it does not look like one.

    Capitalised name words (any script, hyphens and apostrophes), initials ("P.",
    "A.H."), particles inside the name ("de", "van", "bin") and suffixes ("Jr.", "III");
    no word that heads an organization ("Junta", "Council"); honorifics before it, notes
    in brackets ("(acting)") and glued casualty marks ("KIA") go.
    """
    t = tables()
    lex = lexicon()
    text = re.sub(r"\s*\([^)]*\)\s*", " ", text).strip()  # "(acting)", "(as …)"
    for mark in t.casualty_marks:
        text = re.sub(rf"(?<=\w)\s*{re.escape(mark)}$", "", text)
    changed = True
    while changed:
        changed = False
        for h in t.honorifics:
            if text.startswith(h + " ") and len(text.split()) > len(h.split()) + 1:
                text = text[len(h) + 1 :].lstrip()
                changed = True
    tokens = text.split()
    if not 1 <= len(tokens) <= 7:
        return None
    names = 0
    for i, tok in enumerate(tokens):
        if tok in t.particles and 0 < i < len(tokens) - 1:
            continue
        if tok in t.suffixes and i > 1:
            continue
        if re.fullmatch(r"(?:[A-Z]\.){1,3}", tok) or INITIAL_RE.fullmatch(tok):
            continue
        if not is_name_token(tok):
            return None
        if tok in t.org_words:
            return None
        if tok in t.self_words:
            return None
        names += 1
    if names == 0:
        return None
    if len(tokens) == 1 and tokens[0] in lex.demonyms:
        return None
    return " ".join(tokens)


def looks_like_person(text: str) -> bool:
    tokens = text.split()
    return 2 <= len(tokens) <= 4 and all(is_name_token(t) for t in tokens)


def clean_subject(title: str) -> str:
    """The name line of a person's infobox without template residue ("| honorific-suffix
    = …"), honorifics before it and post-nominal letters after it ("GCB", "KBE")."""
    name = title.split("|")[0].strip()
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    tokens = name.split()
    while (
        len(tokens) > 2
        and re.fullmatch(r"[A-Z]{2,6}", tokens[-1])
        and not re.fullmatch(r"[IVX]+", tokens[-1])
    ):
        tokens.pop()
    name = " ".join(tokens)
    return person_name(name) or name


# --- dates ---------------------------------------------------------------------------------

_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_SEP = r"\s*(?:–|—|-|\bto\b|\buntil\b)\s*"


def _valid(year: int, month: int | None, day: int | None) -> Date | None:
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return None
    if month is None:
        return Date(f"{year:04d}")
    if day is None:
        return Date(f"{year:04d}-{month:02d}")
    return Date(f"{year:04d}-{month:02d}-{day:02d}")


def read_dates(text: str) -> tuple[list[Date], bool]:
    """The dates in an infobox value, in order, and whether an impossible one was seen.

    Reads ISO dates ("1903-04-17"), the prose forms of ``histkg.parse.dates`` and bare
    years; ranges give both ends: "4 March 1921 – 9 July 1923", "11–12 April 1909",
    "April 11–12, 1909", "30 April – 2 May 1909", "March–May 1932", "1921–24", "1921–1924".
    """
    found: list[tuple[int, int, Date | None]] = []

    def free(b: int, e: int) -> bool:
        return not any(fb < e and b < fe for fb, fe, _ in found)

    for m in re.finditer(rf"(?<![\d-])({_YEAR})-(\d\d)(?:-(\d\d))?(?![\d])", text):
        found.append(
            (
                m.start(),
                m.end(),
                _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None),
            )
        )
    ranges = [
        (  # 11–12 April 1909
            rf"\b(?P<d1>\d{{1,2}}){_SEP}(?P<d2>\d{{1,2}}) (?P<m2>{_MONTH}),? (?P<y2>{_YEAR})\b"
        ),
        (  # April 11–12, 1909
            rf"\b(?P<m2>{_MONTH}) (?P<d1>\d{{1,2}}){_SEP}(?P<d2>\d{{1,2}}),? (?P<y2>{_YEAR})\b"
        ),
        (  # 30 April – 2 May 1909
            rf"\b(?P<d1>\d{{1,2}}) (?P<m1>{_MONTH}){_SEP}(?P<d2>\d{{1,2}}) (?P<m2>{_MONTH}),? "
            rf"(?P<y2>{_YEAR})\b"
        ),
        (  # April 30 – May 2, 1909
            rf"\b(?P<m1>{_MONTH}) (?P<d1>\d{{1,2}}){_SEP}(?P<m2>{_MONTH}) (?P<d2>\d{{1,2}}),? "
            rf"(?P<y2>{_YEAR})\b"
        ),
        rf"\b(?P<m1>{_MONTH}){_SEP}(?P<m2>{_MONTH}),? (?P<y2>{_YEAR})\b",  # March–May 1932
        rf"(?<![\d-])(?P<y1>{_YEAR})[–-](?P<yy>\d\d)(?![\d])(?!\s*{_MONTH})",  # 1921–24
    ]
    for pattern in ranges:
        for m in re.finditer(pattern, text):
            if not free(m.start(), m.end()):
                continue
            g = m.groupdict()
            if g.get("yy"):
                y1 = int(g["y1"])
                y2 = y1 // 100 * 100 + int(g["yy"])
                first, second = _valid(y1, None, None), _valid(y2, None, None)
                if y2 < y1:
                    second = None
            else:
                month2 = MONTHS[g["m2"].rstrip(".")]
                month1 = MONTHS[g["m1"].rstrip(".")] if g.get("m1") else month2
                y = int(g["y2"])
                d1 = int(g["d1"]) if g.get("d1") else None
                d2 = int(g["d2"]) if g.get("d2") else None
                first, second = _valid(y, month1, d1), _valid(y, month2, d2)
            mid = m.start() + (m.end() - m.start()) // 2
            found.append((m.start(), mid, first))
            found.append((mid, m.end(), second))
    for d in find_dates(text, None):
        if free(d.begin, d.end):
            y, m_, d_ = ([int(p) for p in d.date.iso.split("-")] + [0, 0])[:3]
            found.append((d.begin, d.end, _valid(y, m_ or None, d_ or None)))
    for m in re.finditer(rf"(?<![\d-])({_YEAR})(?![\d])", text):
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), _valid(int(m.group(1)), None, None)))
    found.sort(key=lambda x: x[0])
    return [d for _b, _e, d in found if d is not None], any(d is None for _b, _e, d in found)


# --- offices -------------------------------------------------------------------------------

ORDINAL_RE = re.compile(r"\s*\d+(?:st|nd|rd|th)?\s*")  # "5th": a holder's number in office


def clean_office(label: str) -> str:
    """An office label as a reader would write it.

    A label run together with its link target keeps the part after the join: the join is
    a lower-case letter or closing bracket followed directly by a capital that starts an
    office word (``[offices] words``): "List of holders of XChairman of X" -> "Chairman of
    X". A leading ordinal ("23rd", the holder's number) and a trailing note in brackets go.
    """
    words = "|".join(re.escape(w) for w in tables().office_words)
    joins = list(re.finditer(rf"(?<=[a-z)\]])(?=(?:{words})\b)", label))
    if joins:
        label = label[joins[-1].start() :]
    label = re.sub(r"^\d+(?:st|nd|rd|th)\s+", "", label.strip())
    label = re.sub(r"\s*\([^)]*\)$", "", label)
    return label.strip(" ,;")


def _is_place(name: str, country: Mention | None) -> bool:
    lex = lexicon()
    if country is not None and name == country.text:
        return True
    if name in lex.demonyms.values() or name in lex.with_article:
        return True
    words = name.split()
    return (
        bool(words)
        and all(is_name_token(w) or w in {"of", "and"} for w in words)
        and not any(w in tables().org_words for w in words)
    )


def office_ref(
    label: str,
    span: Span,
    country: Mention | None,
    main_party: str | None,
) -> OfficeRef:
    """The office a cleaned label names: a lexicon office ("Prime Minister of X" -> Prime
    Minister, with X as its place or organization; a bare state office takes the
    article's country, a bare party office its main party, as the text reader does), else
    a post written as it stands."""
    lex = lexicon()
    doc = span.doc_id
    for form, office in sorted(lex.office_by_form().items(), key=lambda kv: -len(kv[0])):
        if label.lower() == form.lower():
            ref = OfficeRef(office.title, office.scope, phrase=label)
            if office.scope == "state":
                ref.place = country
            elif office.scope == "party" and main_party:
                ref.org = Mention("org", main_party, Span(doc, 0, 0), "PoliticalParty")
            elif office.scope == "body":
                break  # a bare "Chairman": a post
            return ref
        tail = re.match(rf"{re.escape(form)}\s+(?:of|for)\s+(?:the\s+)?(?P<rest>.+)$", label, re.I)
        if tail:
            rest = tail.group("rest").strip()
            b = span.begin + tail.start("rest")
            mention_span = Span(doc, b, b + len(rest)) if span.end > span.begin else span
            ref = OfficeRef(office.title, office.scope, phrase=label)
            if office.scope == "state" and _is_place(rest, country):
                ref.place = Mention("place", rest, mention_span)
            else:
                cls = org_class(rest)
                if office.scope == "party" and cls == "Organization":
                    cls = "PoliticalParty"
                ref.org = Mention("org", rest, mention_span, cls)
            return ref
    return OfficeRef(label, "post", phrase=label)


# --- organizations and events (existing templates) -----------------------------------------


def read_event_infobox(article: Article, cls: str) -> tuple[EventRecord, list[CodedWarning]]:
    """The event an infobox describes (a coup, a trial, a purge, a conflict …)."""
    name = infobox_name(article)
    assert name is not None
    t = tables()
    doc = article.doc_id
    warn = _Warner(article)
    title_at = article.text.find(name)
    span = Span(doc, max(0, title_at), max(0, title_at) + len(name) if title_at >= 0 else 0)
    event = EventRecord([cls], span, "infobox", name=name, rule="infobox.event")
    for f in article.infobox:
        rule, _n, base = lookup(t.event, f.key)
        if rule is None:
            warn.unknown(f, base)
            continue
        kind = rule["kind"]
        items = [(i, Span(doc, b, e)) for i, b, e in split_items(f.value, f.begin)]
        if kind == "date":
            dates, _bad = read_dates(f.value)
            if dates:
                event.date = dates[0]
            else:
                warn("W102", f, f"'{f.key}: {f.value}' is not a date")
        elif kind == "place" and items:
            event.place = Mention("place", items[0][0], items[0][1])
        elif kind == "outcome":
            event.outcome = f.value.strip()
        elif kind in {"agents", "affected", "participants"}:
            target = {
                "agents": event.agents,
                "affected": event.affected,
                "participants": event.participants,
            }[kind]
            for item, item_span in items:
                name_ = person_name(item)
                if name_ is not None and (kind == "participants" or looks_like_person(name_)):
                    target.append(Mention("person", name_, _sub(item, name_, item_span)))
                else:
                    warn("W102", f, f"'{item}' in '{f.key}' is not read as a person")
    if event.date is None:  # "1965 … coup": the title's year
        year = re.search(r"\b(1[0-9]{3}|20[0-9]{2})\b", name)
        if year:
            event.date = Date(year.group(1))
    return event, warn.warnings


def _sub(item: str, name: str, span: Span) -> Span:
    """The span of ``name`` inside ``item`` (whose span is ``span``), when it is there."""
    at = item.find(name)
    if at < 0:
        return span
    return Span(span.doc_id, span.begin + at, span.begin + at + len(name))


def read_infobox(article: Article) -> tuple[OrgFacts | None, list[CodedWarning]]:
    """Facts about the organization an infobox describes, and warnings for what was not
    mapped (None for a person's or an event's infobox)."""
    facts, _tenures, warnings = _read_org(article)
    return facts, warnings


def _read_org(
    article: Article,
) -> tuple[OrgFacts | None, list[TenureRecord], list[CodedWarning]]:
    if infobox_kind(article) != "org":
        return None, [], []
    name = infobox_name(article)
    assert name is not None
    lex = lexicon()
    t = tables()
    doc = article.doc_id
    title_at = article.text.find(
        name, max(0, article.infobox[0].begin - 200) if article.infobox else 0
    )
    subject = Mention("org", name, Span(doc, title_at, title_at + len(name)), org_class(name))
    facts = OrgFacts(subject)
    native_lang = ""
    seats_body: Mention | None = None
    titles: dict[int, InfoboxField] = {}
    named: dict[int, list[Mention]] = {}
    warn = _Warner(article)
    for f in article.infobox:
        rule, n, base = lookup(t.org, f.key)
        if rule is None:
            warn.unknown(f, base)
            continue
        kind = rule["kind"]
        items = []
        for item, b, e in _items(f.value, f.begin):
            if any(p.match(item) for p in lex.infobox_junk):
                warn("W103", f, f"markup '{item}' dropped from '{f.key}'")
                continue
            items.append((item, Span(doc, b, e)))
        if kind == "ignore":
            continue
        if kind == "persons":
            target = facts.leaders if rule.get("property") == "leader" else facts.members
            for item, span in items:
                if looks_like_person(item) or (len(item.split()) == 1 and is_name_token(item)):
                    target.append(Mention("person", item, span))
                    named.setdefault(n, []).append(target[-1])
                else:
                    warn("W102", f, f"'{item}' in '{f.key}' is not read as a person")
        elif kind == "leader_title":
            titles[n] = f
        elif kind == "literals":
            target_l = facts.ideology if rule.get("property") == "ideology" else facts.position
            target_l.extend(items)
        elif kind == "org":
            facts.parent.extend(
                Mention("org", item, span, org_class(item) if " " in item else "PoliticalParty")
                for item, span in items
            )
        elif kind == "place":
            facts.country.extend(Mention("place", item, span) for item, span in items)
        elif kind == "native_lang":
            native_lang = f.value.strip()
        elif kind == "seats_title":
            m = re.search(r"\bin\s+(?:the\s+)?(?P<body>.+)$", f.value)
            if m:
                b = f.begin + m.start("body")
                seats_body = Mention(
                    "org", m.group("body"), Span(doc, b, b + len(m.group("body"))), "GoverningBody"
                )
        elif kind == "seats_count":
            if f.value.strip().isdigit() and seats_body is not None:
                facts.seats.append((seats_body, int(f.value.strip()), Span(doc, f.begin, f.end)))
            else:
                warn("W102", f, f"'{f.key}: {f.value}' left unparsed")
    tenures = []
    for n, title_field in sorted(titles.items()):
        title = clean_office(title_field.value)
        if not title or n not in named:
            warn("W102", title_field, f"'{title_field.key}' names no leader; left unmapped")
            continue
        for holder in named[n]:
            office = OfficeRef(title, "body", org=subject, phrase=title)
            tenures.append(
                TenureRecord(
                    holder,
                    office,
                    Span(
                        doc,
                        min(title_field.begin, holder.span.begin),
                        max(title_field.end, holder.span.end),
                    ),
                    rule="infobox.org.leader_title",
                )
            )
    if native_lang:
        facts.alt_labels.append(("", native_lang, Span(doc, 0, 0)))  # language hint
    return facts, tenures, warn.warnings


# --- officeholders -------------------------------------------------------------------------


@dataclass
class _Group:
    """The fields of one numbered office group."""

    fields: dict[str, list[InfoboxField]] = field(default_factory=dict)
    served_under: list[tuple[InfoboxField, dict[str, str]]] = field(default_factory=list)

    def first(self, kind: str) -> InfoboxField | None:
        found = self.fields.get(kind)
        return found[0] if found else None


@dataclass
class InfoboxRecords:
    """Everything an infobox yields, whatever its kind."""

    kind: str | None = None
    subject: Mention | None = None
    org: OrgFacts | None = None
    event: EventRecord | None = None
    tenures: list[TenureRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    orgs: list[OrgFacts] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[tuple[Mention, Mention]] = field(default_factory=list)  # (alias, of whom)
    warnings: list[CodedWarning] = field(default_factory=list)

    def persons(self) -> list[Mention]:
        out = [m for m in self.mentions if m.kind == "person"]
        out += [t.holder for t in self.tenures]
        out += [p for t in self.tenures for p in (t.predecessor, t.successor) if p is not None]
        for ev in [*self.events, *([self.event] if self.event else [])]:
            out += [m for m in ev.agents + ev.affected + ev.participants if m.kind == "person"]
        if self.org is not None:
            out += self.org.leaders + self.org.members
        return out


class _OfficeholderReader:
    def __init__(self, article: Article, country: Mention | None, main_party: str | None) -> None:
        self.article = article
        self.doc = article.doc_id
        self.country = country
        self.main_party = main_party
        self.t = tables()
        self.warn = _Warner(article)
        self.out = InfoboxRecords(kind="officeholder")

    def span(self, f: InfoboxField) -> Span:
        return Span(self.doc, f.begin, f.end)

    def read(self) -> InfoboxRecords:
        a = self.article
        name = infobox_name(a) or a.title
        subject_name = clean_subject(name)
        at = a.text.find(name, max(0, a.infobox[0].begin - 300) if a.infobox else 0)
        at = max(at, 0)
        sub_at = a.text.find(subject_name, at)
        span = (
            Span(self.doc, sub_at, sub_at + len(subject_name))
            if sub_at >= 0
            else Span(self.doc, at, at + len(name))
        )
        self.subject = Mention("person", subject_name, span)
        self.out.subject = self.subject
        self.out.mentions.append(self.subject)
        groups: dict[int, _Group] = {}
        death: dict[str, InfoboxField] = {}
        for f in a.infobox:
            rule, n, base = lookup(self.t.officeholder, f.key)
            if rule is None:
                self.warn.unknown(f, base)
                continue
            kind = rule["kind"]
            if kind in {"office", "term_start", "term_end", "term", "predecessor", "successor"}:
                groups.setdefault(n, _Group()).fields.setdefault(kind, []).append(f)
            elif kind == "served_under":
                groups.setdefault(n, _Group()).served_under.append((f, rule))
            elif kind == "person":
                self._persons(f)
            elif kind == "birth_name":
                alias = person_name(f.value)
                if alias and alias != subject_name:
                    self.out.aliases.append(
                        (Mention("person", alias, _sub(f.value, alias, self.span(f))), self.subject)
                    )
                elif alias is None:
                    self.warn("W102", f, f"'{f.key}: {f.value}' is not read as a name")
            elif kind in {"death_date", "death_place", "death_cause"}:
                death.setdefault(kind, f)
            elif kind == "party":
                self._party(f)
        for n, group in sorted(groups.items()):
            self._group(n, group)
        if death:
            self._death(death)
        self.out.warnings = self.warn.warnings
        return self.out

    # --- fields ---

    def _persons(self, f: InfoboxField) -> list[Mention]:
        found = []
        for item, b, e in split_items(f.value, f.begin):
            name = person_name(item)
            if name is None:
                if not re.fullmatch(r"[\d\s]+(?:children|sons|daughters)?", item):
                    self.warn("W102", f, f"'{item}' in '{f.key}' is not read as a person")
                continue
            m = Mention("person", name, _sub(item, name, Span(self.doc, b, e)))
            found.append(m)
            self.out.mentions.append(m)
        return found

    def _party(self, f: InfoboxField) -> None:
        for item, b, e in split_items(f.value, f.begin):
            name = re.sub(r"\s*\([^)]*\)", "", item).strip()
            if (
                not name
                or not name[:1].isupper()
                or any(p.search(name) for p in self.t.no_holder)
                or any(p.match(name) for p in lexicon().infobox_junk)
            ):
                self.warn("W102", f, f"'{item}' in '{f.key}' is not read as a party")
                continue
            span = _sub(item, name, Span(self.doc, b, e))
            cls = org_class(name)
            party = Mention("org", name, span, cls if cls != "Organization" else "PoliticalParty")
            self.out.orgs.append(OrgFacts(party, members=[self.subject]))

    def _dates(self, f: InfoboxField | None) -> list[Date]:
        if f is None:
            return []
        dates, bad = read_dates(f.value)
        if bad:
            self.warn("W202", f, f"'{f.key}: {f.value}' holds an impossible date; left out")
        elif not dates and f.value.strip() and not re.search(r"(?i)present|incumbent", f.value):
            self.warn("W202", f, f"'{f.key}: {f.value}' is not understood as a date")
        return dates

    def _group(self, n: int, g: _Group) -> None:
        # "office" names the office; "order" too, unless it is only the holder's number
        lines = [f for f in g.fields.get("office", []) if not ORDINAL_RE.fullmatch(f.value)]
        lines.sort(key=lambda f: fold_key(f.key).startswith("order"))
        office_field = lines[0] if lines else None
        start_f, end_f, term_f = g.first("term_start"), g.first("term_end"), g.first("term")
        start = next(iter(self._dates(start_f)), None)
        end = next(iter(self._dates(end_f)), None)
        if term_f is not None:
            span_dates = self._dates(term_f)
            start = start or (span_dates[0] if span_dates else None)
            if len(span_dates) > 1:
                end = end or span_dates[1]
        used = [f for fs in g.fields.values() for f in fs]
        label = clean_office(office_field.value) if office_field is not None else ""
        if not label:
            said = [g.first(k) for k in ("term_start", "term_end", "term", "predecessor")]
            said += [g.first("successor")]
            where = next((f for f in said if f is not None), None)
            if where is not None:
                number = f" {n}" if n else ""
                self.warn("W102", where, f"term{number} has no office line; no tenure made")
            for role in ("predecessor", "successor"):
                for f in g.fields.get(role, []):
                    self._holders(f, role)
            for f, _rule in g.served_under:
                self._persons(f)
            return
        assert office_field is not None
        label_at = office_field.value.find(label)
        label_span = (
            Span(
                self.doc, office_field.begin + label_at, office_field.begin + label_at + len(label)
            )
            if label_at >= 0
            else self.span(office_field)
        )
        office = office_ref(label, label_span, self.country, self.main_party)
        evidence = Span(self.doc, min(f.begin for f in used), max(f.end for f in used))
        tenure = TenureRecord(
            self.subject, office, evidence, start=start, end=end, rule="infobox.officeholder.office"
        )
        self.out.tenures.append(tenure)
        for pf in g.fields.get("predecessor", []):
            tenure.predecessor = tenure.predecessor or self._holders(pf, "predecessor")
        for sf in g.fields.get("successor", []):
            tenure.successor = tenure.successor or self._holders(sf, "successor")
        for f, rule in g.served_under:
            for person in self._persons(f):
                title = rule.get("office")
                if not title:
                    continue
                ref = office_ref(title, Span(self.doc, 0, 0), self.country, self.main_party)
                if office.place is not None and office.scope == "state":
                    ref.place = office.place
                self.out.tenures.append(
                    TenureRecord(
                        person,
                        ref,
                        Span(self.doc, f.begin, f.end),
                        rule="infobox.officeholder.served_under",
                    )
                )

    def _holders(self, f: InfoboxField, role: str) -> Mention | None:
        """People in a predecessor/successor field; the first is the tenure's neighbour
        unless the field says the post was new or abolished. "X (as O)" and "(X as O)"
        also give X's tenure of O."""
        items = split_items(f.value, f.begin)
        no_holder = any(p.search(i) for i, _b, _e in items for p in self.t.no_holder)
        first: Mention | None = None
        for item, b, e in items:
            inner, ib = item, b
            wrapped = re.fullmatch(r"\((.*)\)", item)
            if wrapped:
                inner, ib = (
                    wrapped.group(1).strip(),
                    b + 1 + (len(wrapped.group(1)) - len(wrapped.group(1).lstrip())),
                )
            if any(p.search(inner) for p in self.t.no_holder):
                self.warn("W102", f, f"'{inner}' in '{f.key}' is not a person; no holder recorded")
                continue
            m = re.fullmatch(
                r"(?P<name>.+?)\s*\(\s*as\s+(?P<office>[^)]+)\)", inner
            ) or re.fullmatch(r"(?P<name>.+?)\s+as\s+(?P<office>.+)", inner)
            who_text = m.group("name") if m else inner
            person: Mention | None
            if who_text.strip() in self.t.self_words:
                person = self.subject
            else:
                name = person_name(who_text)
                if name is None:
                    self.warn("W102", f, f"'{inner}' in '{f.key}' is not read as a person")
                    continue
                person = Mention(
                    "person", name, _sub(inner, name, Span(self.doc, ib, ib + len(inner)))
                )
                self.out.mentions.append(person)
                if first is None:
                    first = person
            if m:
                label = clean_office(m.group("office"))
                at = ib + inner.find(m.group("office"))
                ref = office_ref(
                    label, Span(self.doc, at, at + len(label)), self.country, self.main_party
                )
                self.out.tenures.append(
                    TenureRecord(
                        person,
                        ref,
                        Span(self.doc, b, e),
                        rule=f"infobox.officeholder.{role}_office",
                    )
                )
        return None if no_holder else first

    def _death(self, death: dict[str, InfoboxField]) -> None:
        date_f = death.get("death_date")
        dates = self._dates(date_f)
        cause_f = death.get("death_cause")
        cls = "Death"
        if cause_f is not None:
            cause = cause_f.value.lower()
            for event_class, words in self.t.death_causes.items():
                if any(re.search(rf"\b{re.escape(w)}\b", cause) for w in words):
                    cls = event_class
        used = list(death.values())
        evidence = Span(self.doc, min(f.begin for f in used), max(f.end for f in used))
        rule = f"infobox.officeholder.{cls.lower()}"
        extra = []
        if not dates and date_f is None:  # a date template dropped from the box: the lead's
            lifespan = lifespan_death(self.article)
            if lifespan is not None:
                dates = [lifespan[0]]
                extra.append(lifespan[1])
                rule += "+lead_lifespan"
        event = EventRecord(
            [cls],
            evidence,
            "infobox",
            date=dates[0] if dates else None,
            affected=[self.subject],
            rule=rule,
            at=evidence.begin,
            extra_evidence=extra,
        )
        place_f = death.get("death_place")
        if place_f is not None:
            items = split_items(place_f.value, place_f.begin)
            if items:
                item, b, e = items[0]
                event.place = Mention("place", item, Span(self.doc, b, e))
        self.out.events.append(event)


def lifespan_death(article: Article) -> tuple[Date, Span] | None:
    """The death date in a biography's opening brackets, "Name (1 May 1901 – 2 June
    1980) was …": the date after the dash of the first bracket of the first paragraph
    that has a dash followed by a full date (and nothing but a date)."""
    if not article.blocks:
        return None
    block = article.blocks[0]
    text = article.text[block.begin : block.end]
    for m in re.finditer(r"\(([^()]*)\)", text[:600]):
        parts = re.split(r"\s*[–—]\s*|\s+-\s+", m.group(1))
        if len(parts) < 2:
            continue
        tail = parts[-1].strip()
        dates, bad = read_dates(tail)
        if len(dates) == 1 and not bad and re.fullmatch(r"[\w ,.]+", tail):
            at = block.begin + m.start(1) + m.group(1).rfind(tail)
            return dates[0], Span(article.doc_id, at, at + len(tail))
    return None


def read_officeholder_infobox(
    article: Article, country: Mention | None = None, main_party: str | None = None
) -> InfoboxRecords:
    """Tenures, death, memberships and the people of a person's infobox."""
    return _OfficeholderReader(article, country, main_party).read()


def read_box(
    article: Article, country: Mention | None = None, main_party: str | None = None
) -> InfoboxRecords:
    """Everything an infobox yields, read by its kind (see the module docstring)."""
    kind = infobox_kind(article)
    if kind == "officeholder":
        return read_officeholder_infobox(article, country, main_party)
    out = InfoboxRecords(kind=kind)
    if kind == "event":
        name = infobox_name(article)
        assert name is not None
        out.event, out.warnings = read_event_infobox(article, event_class_of(name) or "Event")
    elif kind == "org":
        out.org, out.tenures, out.warnings = _read_org(article)
        out.subject = out.org.subject if out.org else None
    return out


def box_country(article: Article) -> list[Mention]:
    """The country an organization's infobox names (for the article's default country)."""
    facts, _t, _w = _read_org(article)
    return facts.country if facts is not None else []


def infobox_person_names(article: Article) -> list[str]:
    """Full names of the people an infobox names (leaders, holders, predecessors …)."""
    names = [m.text for m in read_box(article).persons()]
    return list(dict.fromkeys(n for n in names if len(n.split()) > 1))  # in order, once
