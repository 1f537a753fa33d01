"""The ledger every part of resolution writes to: statements, names, and the forms and
first mention of each resolved thing."""

from __future__ import annotations

from collections import defaultdict

from histkg.errors import CodedWarning
from histkg.model import Ref, Span, Statement, Value
from histkg.resolve.records import Resolution


class Ledger:
    def __init__(self) -> None:
        self.statements: list[Statement] = []
        self.names: dict[Ref, str] = {}
        self.warnings: list[CodedWarning] = []
        #: every surface form of a thing, with the documents that use it
        self.forms: dict[Ref, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.first_mention: dict[tuple[Ref, str], Span] = {}
        #: how a thing known only by its key (a parent body, a country) was written
        self.key_surface: dict[str, str] = {}
        self.spans: dict[Ref, Span] = {}
        #: every span where a thing is named (for the links of wikitext articles)
        self.named_at: dict[Ref, set[Span]] = defaultdict(set)

    def seen(self, ref: Ref, surface: str, span: Span) -> None:
        self.forms[ref][surface].add(span.doc_id)
        self.named_at[ref].add(span)
        if span.end > span.begin:
            key = (ref, span.doc_id)
            if key not in self.first_mention or span.begin < self.first_mention[key].begin:
                self.first_mention[key] = span

    def add(self, subject: Ref, prop: str, value: Value, doc: str) -> None:
        self.statements.append(Statement(subject, prop, value, doc))

    def evidence(self, subject: Ref, span: Span) -> None:
        self.add(subject, "evidence", self.span_ref(span), span.doc_id)

    def span_ref(self, span: Span) -> Ref:
        ref = Ref("span", f"{span.doc_id}/{span.begin:07d}-{span.end:07d}")
        self.spans[ref] = span
        return ref

    def resolution(self) -> Resolution:
        return Resolution(self.statements, self.names, self.warnings)
