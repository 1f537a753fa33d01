"""The README's worked example is the real thing: its query is the file it names and its
answer is what that query prints on the committed output/ (issue 10, finding 12)."""

from __future__ import annotations

import re

from histkg import query as q
from tests.conftest import ROOT


def test_readme_expulsions_query_and_answer_are_current() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("histkg query queries/expulsions.rq", 1)[1]
    blocks = re.findall(r"```(\w+)\n(.*?)```", section, re.S)
    (lang, shown_query), (kind, shown_answer) = blocks[0], blocks[1]
    query = (ROOT / "queries" / "expulsions.rq").read_text(encoding="utf-8")
    assert (lang, shown_query) == ("sparql", query)
    graph = q.load_graph(ROOT / "output" / "graph.nq")
    answer = q.format_rdflib(q.run_query(graph, query, "expulsions.rq"), "table")
    assert kind == "text"
    assert shown_answer.splitlines() == [line.rstrip() for line in answer.splitlines()]


def test_readme_documents_every_exit_code() -> None:
    from histkg import errors

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    codes = {v for k, v in vars(errors).items() if k.startswith("EXIT_")}
    assert codes == {0, 1, 2, 3, 4, 5, 130}
    for code in codes:
        assert f"| `{code}` |" in readme, code
