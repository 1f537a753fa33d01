"""SHACL validation of a built graph with histkg's shapes (pySHACL).

pySHACL patches rdflib globally while it loads shapes; everything it does stays inside
:func:`validate`, which parses shapes fresh on each call. The ``sh:sparql`` constraints
run in a second pySHACL pass whose queries Oxigraph answers (``validate/sparql.py``); with
``jobs`` above one, the other shapes run in shards of their focus nodes in forked worker
processes (``validate/shards.py``) while this process runs the SPARQL pass. Given a
results cache, the core shapes run only on the focus nodes whose results it does not hold
(``validate/incremental.py``); the report is the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

from histkg.errors import SourceError, one_line, parser_reason
from histkg.resources import shapes_dir
from histkg.validate.incremental import plan, remember
from histkg.validate.result_cache import ResultCache
from histkg.validate.results import Result, assemble, by_focus
from histkg.validate.shards import deal, run_shards, shape_targets
from histkg.validate.sparql import merge_reports, oxigraph_copy, split_shapes

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: which shape, on which node, and why."""

    source_shape: str
    focus_node: str
    path: str
    message: str
    constraint: str = ""  # the SPARQL constraint that fired, if any

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        rule = f" {self.constraint}" if self.constraint else ""
        return f"{self.focus_node}{where}: {self.message} [{self.source_shape}{rule}]"


@dataclass(frozen=True)
class Report:
    conforms: bool
    graph: Graph
    violations: tuple[Violation, ...]


def load_shapes(directory: Path | None = None) -> Graph:
    """Every ``*.ttl`` file of the shapes folder, as one graph.

    Raises:
        SourceError: the folder is missing or holds no ``.ttl`` file, or one does not parse.
    """
    folder = directory or shapes_dir()
    if not folder.is_dir():
        raise SourceError(folder, "no such shapes folder; check the path given to --shapes")
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise SourceError(folder, "holds no .ttl shapes file; point --shapes at SHACL shapes")
    shapes = Graph()
    for path in files:
        try:
            shapes.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises many parser-specific types
            reason, line = parser_reason(exc)
            raise SourceError(path, f"cannot parse the shapes as Turtle: {reason}", line) from None
    return shapes


def _shape_name(graph: Graph, node: Node | None) -> str:
    if isinstance(node, URIRef) or node is None:
        return str(node)
    # a blank property shape: name it by its path and the node shape that holds it
    for parent in graph.subjects(SH.property, node):
        path = graph.value(node, SH.path)
        return f"{parent} / {path}"
    return "(anonymous shape)"


def _run(data: Graph, shapes: Graph, inplace: bool) -> tuple[bool, Graph]:
    conforms, report_graph, text = shacl_validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=False,
        inplace=inplace,
    )
    if not isinstance(report_graph, Graph):  # pySHACL refused the shapes themselves
        raise SourceError(
            "shapes", f"the shapes are not valid SHACL: {one_line(str(text), 200)}; fix them"
        )
    return bool(conforms), report_graph


def _in_place(data: Graph, shapes: Graph) -> tuple[bool, Graph]:
    return _run(data, shapes, inplace=True)


def run_split(
    data: Graph,
    core: Graph,
    sparql: Graph | None,
    jobs: int,
    processes: bool = True,
    cache: ResultCache | None = None,
) -> tuple[bool, Graph]:
    """The core shapes on ``data`` (in shards of focus nodes when ``jobs`` > 1 and the
    shapes allow it, in forked processes if ``processes``; only on the nodes whose results
    ``cache`` does not hold), the ``sh:sparql`` shapes (if any) on an Oxigraph copy; one
    merged report."""
    found: list[tuple[bool, Graph]] = []

    def sparql_pass() -> None:
        if sparql is not None:
            found.append(_run(oxigraph_copy(data), sparql, inplace=True))

    parts = [run_core(data, core, jobs, processes, sparql_pass, cache)]
    parts.extend(found)
    conforms = all(ok for ok, _report in parts)
    report_graph = parts[0][1]
    for _ok, report in parts[1:]:
        report_graph = merge_reports(report_graph, report)
    return conforms, report_graph


def run_core(
    data: Graph,
    core: Graph,
    jobs: int,
    processes: bool,
    meanwhile: Callable[[], None],
    cache: ResultCache | None = None,
) -> tuple[bool, Graph]:
    """The core shapes' report: in one pySHACL pass, or in shards and from the cache,
    their results put together as one pass writes them (``validate/results.py``).
    ``meanwhile()`` runs while the shards do."""
    dealt = shape_targets(data, core) if jobs > 1 or cache is not None else None
    todo = None if dealt is None or cache is None else plan(data, core, dealt, cache)
    if todo is None and (dealt is None or len(deal(core, dealt, jobs)) < 2):
        one = _in_place(data, core)
        meanwhile()
        return one
    targets = dealt if todo is None else todo.todo
    assert targets is not None
    parts: list[tuple[bool, Graph]] = []
    if any(targets.values()):
        shards = deal(core, targets, jobs)
        many = processes and len(shards) > 1
        parts = run_shards(data, shards, _in_place, processes=many, meanwhile=meanwhile)
    else:
        meanwhile()
    fresh: dict[Node, list[Result]] = {}
    for _ok, report in parts:
        for node, results in by_focus(report).items():
            fresh.setdefault(node, []).extend(results)
    cached: dict[Node, list[Result]] = {}
    if todo is not None and cache is not None:
        remember(todo, fresh, cache)
        cached = todo.cached
    conforms = all(ok for ok, _report in parts) and not any(cached.values())
    every = [r for found in (fresh, cached) for results in found.values() for r in results]
    return conforms, assemble(conforms, every, core, data)


def validate(
    data: Graph, shapes: Graph | None = None, jobs: int = 1, cache: ResultCache | None = None
) -> Report:
    """Validate ``data`` against histkg's shapes, in ``jobs`` processes, the core shapes'
    results of each focus node taken from ``cache`` where it holds them (and stored there).

    Returns:
        A :class:`Report`; ``conforms`` is False when any violation was found. The same
        report for any ``jobs``.
    """
    shapes_graph = shapes if shapes is not None else load_shapes()
    # pySHACL copies the data graph first in advanced mode, in case a SHACL rule adds
    # triples to it; without rules nothing is written and the graph is read in place
    has_rules = any(True for _ in shapes_graph.triples((None, SH.rule, None)))
    split = None if has_rules else split_shapes(shapes_graph)
    if has_rules:
        conforms, report_graph = _run(data, shapes_graph, inplace=False)
    elif split is None:
        conforms, report_graph = run_split(data, shapes_graph, None, jobs, cache=cache)
    else:
        conforms, report_graph = run_split(data, *split, jobs, cache=cache)
    violations = []
    for result in report_graph.subjects(RDF.type, SH.ValidationResult):
        shape = report_graph.value(result, SH.sourceShape)
        focus = report_graph.value(result, SH.focusNode)
        path = report_graph.value(result, SH.resultPath)
        message = report_graph.value(result, SH.resultMessage)
        constraint = report_graph.value(result, SH.sourceConstraint)
        violations.append(
            Violation(
                _shape_name(shapes_graph, shape),
                str(focus),
                str(path) if path is not None else "",
                str(message) if isinstance(message, Literal) else "",
                str(constraint) if isinstance(constraint, URIRef) else "",
            )
        )
    report = Graph()
    report.bind("sh", SH)
    # blank nodes named by their content (RDF canonicalization), not at random: a report's
    # results are written in the same order by every run and any number of processes
    for triple in to_canonical_graph(report_graph):
        report.add(triple)
    return Report(bool(conforms), report, tuple(sorted(violations)))
