"""Score a graph against a hand-written gold file: precision, recall and F1 per category.

The gold format is public (``docs/eval.md``): one JSON file per article listing the
persons, organizations, tenures and events the text states, plus *neutral* items that
are neither required nor wrong. Matching is by normalised label, never by IRI:

- a **key** matches a node when it occurs as a whole word sequence in one of the node's
  labels (``rdfs:label``, ``skos:altLabel``, ``skos:prefLabel``, ``givenName familyName``);
- an **office** alternative matches when each of its words starts a word of the label;
- a gold item is satisfied by at most one node, and a node satisfies at most one gold
  person or tenure, or as many gold events as the people it names (maximum bipartite
  matching), so one node cannot stand for two facts it does not state;
- a **date** is consistent when one is a prefix of the other (``1848-03`` agrees with
  ``1848-03-18`` and with ``1848``).

Precision counts every output node of a category that fits no gold and no neutral item;
an execution, death, arrest, trial, sentencing or election is never neutral.

Modules: ``gold`` (the format), ``matching`` (labels, keys, matching, P/R/F1), ``score``
(one graph against one gold), ``results`` (the figures, averages, per-rule tallies),
``report`` (text for a reader). ``histkg evaluate`` and ``bench/eval.py`` use this API::

    from histkg.evaluate import evaluate, load_output
    score = evaluate(Path("gold/purge.json"), load_output(Path("out/purge")))
    print(score.tenures.f1, [str(m) for m in score.tenures.missing])
"""

from histkg.evaluate.gold import (
    EVENT_CLASSES,
    Gold,
    GoldEvent,
    GoldFaction,
    GoldFormatError,
    GoldNamed,
    GoldTenure,
    GoldVote,
    GoldWorks,
    NeutralEvent,
    NeutralTenure,
    load_gold,
    parse_gold,
)
from histkg.evaluate.matching import dates_agree, has_key, has_words, max_matching, norm, prf
from histkg.evaluate.report import format_average, format_rules, format_score
from histkg.evaluate.results import (
    CATEGORIES,
    NO_RULE,
    Average,
    Category,
    CategoryScore,
    FactionScore,
    GoldItem,
    NodeOutcome,
    OutputItem,
    ProvenanceScore,
    RecallScore,
    RuleTally,
    Score,
    VoteScore,
    WorksScore,
    average,
    by_rule,
)
from histkg.evaluate.score import (
    EXTRACTED_BY,
    NEVER_NEUTRAL,
    evaluate,
    load_output,
    merged,
    read_texts,
)

__all__ = [
    "CATEGORIES",
    "EVENT_CLASSES",
    "EXTRACTED_BY",
    "NEVER_NEUTRAL",
    "NO_RULE",
    "Average",
    "Category",
    "CategoryScore",
    "FactionScore",
    "Gold",
    "GoldEvent",
    "GoldFaction",
    "GoldFormatError",
    "GoldItem",
    "GoldNamed",
    "GoldTenure",
    "GoldVote",
    "GoldWorks",
    "NeutralEvent",
    "NeutralTenure",
    "NodeOutcome",
    "OutputItem",
    "ProvenanceScore",
    "RecallScore",
    "RuleTally",
    "Score",
    "VoteScore",
    "WorksScore",
    "average",
    "by_rule",
    "dates_agree",
    "evaluate",
    "format_average",
    "format_rules",
    "format_score",
    "has_key",
    "has_words",
    "load_gold",
    "load_output",
    "max_matching",
    "merged",
    "norm",
    "parse_gold",
    "prf",
    "read_texts",
]
