"""A rule's hit in a sentence: its trigger, the tokens filling its roles, its modality."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from histkg.extract.modality import Modality
from histkg.extract.rules import Rule


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
    verbs: list[Token] = field(default_factory=list)  # a pattern's verbs ("put" on trial)

    def fillers(self, role: str) -> list[Token]:
        return self.roles.get(role, [])
