"""Validation in shards of focus nodes (``validate/shards.py``): the shards deal each focus
node of each shape out once; the report is pySHACL's own whole-graph report, to the byte
once serialized, on the crafted violations of ``tests/test_shapes.py`` (the seed build and
the broken graphs of ``tests/test_mutations.py``: ``tests/test_validate_split.py``); the
shapes run unsharded where the report could differ."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pyshacl.shapes_graph import ShapesGraph
from rdflib import RDF, RDFS, BNode, Graph, URIRef
from rdflib.compare import isomorphic

from histkg.cli import main
from histkg.engines import MIN_TRIPLES_PER_VALIDATOR, EngineOptions, validation_jobs
from histkg.errors import EXIT_VIOLATIONS, SourceError
from histkg.validate import SH, _in_place, load_shapes, run_split, validate
from histkg.validate.shards import TARGETS, Shards, run_shards, shard_shapes
from histkg.validate.sparql import split_shapes
from tests.test_mutations import FAULTS, GRAPH
from tests.test_mutations import PREFIXES as UPDATE_PREFIXES
from tests.test_shapes import CASES
from tests.test_shapes import PREFIXES as CASE_PREFIXES
from tests.test_validate_split import assert_same_report

EX = "https://example.org/"


@cache
def shapes() -> Graph:
    return load_shapes()


@cache
def seed_graph() -> Graph:
    return Graph().parse(GRAPH, format="turtle")


def broken(fault: str) -> Graph:
    graph = Graph()
    for triple in seed_graph():
        graph.add(triple)
    graph.update(UPDATE_PREFIXES + FAULTS[fault][0])
    return graph


def assert_same_as_pyshacl(data: Graph, jobs: int) -> None:
    assert_same_report(data, shapes(), jobs=(jobs,))


def test_validate_shards_deal_each_focus_node_of_each_shape_once() -> None:
    data = broken("person is also an event")  # a node targeted by several shapes
    core, _sparql = split_shapes(shapes()) or (shapes(), None)
    dealing = shard_shapes(data, core, 3)
    assert dealing is not None and len(dealing) == 3
    shards = dealing.graphs()
    copy = Graph()
    for triple in core:
        copy.add(triple)
    for shape in ShapesGraph(copy).shapes:  # pySHACL's own focus nodes (it adds to copy)
        expected = shape.focus_nodes(data)
        dealt = [set(shard.objects(shape.node, SH.targetNode)) for shard in shards]
        if not expected:
            continue
        assert set().union(*dealt) == set(expected), shape.node
        assert sum(len(d) for d in dealt) == len(expected), f"{shape.node} dealt twice"
    untargeted = {t for t in core if t[1] not in TARGETS}
    for shard in shards:
        assert {t for t in shard if t[1] not in TARGETS} == untargeted
        assert not set(shard.triples((None, SH.targetClass, None)))


@pytest.mark.parametrize("case", sorted(CASES))
def test_validate_shards_same_report_on_a_crafted_violation(case: str) -> None:
    data = Graph().parse(data=CASE_PREFIXES + CASES[case][0], format="turtle")
    assert not validate(data, shapes(), jobs=2).conforms
    assert_same_as_pyshacl(data, 2)


def test_validate_shards_in_process_same_as_forked() -> None:
    data = broken("second English label")
    core, sparql = split_shapes(shapes()) or (shapes(), None)
    here = run_split(data, core, sparql, 3, processes=False)
    forked = run_split(data, core, sparql, 3, processes=True)
    assert here[0] is forked[0] is False
    assert isomorphic(here[1], forked[1])


def _with(extra: list[tuple[object, object, object]]) -> Graph:
    graph = Graph()
    for triple in shapes():
        graph.add(triple)
    for triple in extra:
        graph.add(triple)  # type: ignore[arg-type]
    return graph


@pytest.mark.parametrize(
    "why",
    ["blank shape with a target", "shape that is a class", "SHACL rule", "blank focus node"],
)
def test_validate_shards_not_used_where_the_report_could_differ(why: str) -> None:
    data = Graph()
    for triple in seed_graph():
        data.add(triple)
    holder = BNode()
    person = URIRef("https://w3id.org/histkg/ontology#Person")
    extra: dict[str, list[tuple[object, object, object]]] = {
        "blank shape with a target": [(holder, SH.targetClass, person)],
        "shape that is a class": [(URIRef(f"{EX}Shape"), RDF.type, RDFS.Class)],
        "SHACL rule": [(URIRef(f"{EX}Shape"), SH.rule, holder)],
        "blank focus node": [],
    }
    if why == "blank focus node":
        data.add((BNode(), RDF.type, person))
    assert shard_shapes(seed_graph(), shapes(), 2) is not None
    assert shard_shapes(data, _with(extra[why]), 2) is None


ONE_SHAPE = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix hkg: <https://w3id.org/histkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/LabelShape> a sh:NodeShape ; sh:targetClass hkg:Person ;
    sh:property [ sh:path rdfs:label ; sh:minCount 1 ] .
"""


def test_validate_shards_at_most_one_per_focus_node() -> None:
    one = Graph().parse(data=ONE_SHAPE, format="turtle")
    data = Graph()
    for i in range(3):
        data.add((URIRef(f"{EX}p{i}"), RDF.type, URIRef("https://w3id.org/histkg/ontology#Person")))
    shards = shard_shapes(data, one, 5)
    assert shards is not None and len(shards) == 3  # not five: three focus nodes
    assert shard_shapes(data, one, 1) is None
    report = validate(data, one, jobs=5)
    assert len(report.violations) == 3
    assert report.violations == validate(data, one).violations


def test_validate_shards_jobs_follow_the_build_and_the_graph_size() -> None:
    big = 10 * MIN_TRIPLES_PER_VALIDATOR
    assert validation_jobs(EngineOptions(jobs=1), big) == 1
    assert validation_jobs(EngineOptions(jobs=2), big) == 2
    assert validation_jobs(EngineOptions(jobs=4), MIN_TRIPLES_PER_VALIDATOR - 1) == 1
    assert validation_jobs(EngineOptions(jobs=4), 2 * MIN_TRIPLES_PER_VALIDATOR) == 2


def test_validate_shards_cli_jobs_same_violations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import histkg.validate

    monkeypatch.setattr("histkg.engines.MIN_TRIPLES_PER_VALIDATOR", 1)  # shard a small graph
    runs: list[int] = []
    real = histkg.validate.run_shards

    def spy(data: Graph, shards: Shards, *args: Any, **kwargs: Any) -> Any:
        runs.append(len(shards))
        return real(data, shards, *args, **kwargs)

    monkeypatch.setattr(histkg.validate, "run_shards", spy)
    path = tmp_path / "graph.ttl"
    broken("cycle of three events").serialize(path, format="turtle")
    outputs = {}
    for jobs in ("1", "3"):
        # no results cache: the second run would take every node's results from it
        result = CliRunner().invoke(main, ["validate", str(path), "--jobs", jobs, "--no-cache"])
        assert result.exit_code == EXIT_VIOLATIONS, result.output
        outputs[jobs] = result.output
    assert outputs["1"] == outputs["3"]
    assert outputs["1"].count("violation: ") == 3
    assert runs == [3]  # --jobs 1 ran unsharded, --jobs 3 in three shards


def test_validate_shards_a_failed_worker_is_redone_here() -> None:
    """A worker killed (here by ``os._exit``) or raising an error that does not cross back
    (``SourceError`` does not unpickle) does not lose the shards nor change the error."""
    data = broken("second English label")
    core, _sparql = split_shapes(shapes()) or (shapes(), None)
    shards = shard_shapes(data, core, 2)
    assert shards is not None
    parent = os.getpid()

    def dies_in_a_worker(graph: Graph, shard: Graph) -> tuple[bool, Graph]:
        if os.getpid() != parent:
            os._exit(1)
        return _in_place(graph, shard)

    redone = run_shards(data, shards, dies_in_a_worker)
    expected = run_shards(data, shards, _in_place, processes=False)
    assert [ok for ok, _g in redone] == [ok for ok, _g in expected]
    assert not all(ok for ok, _g in redone)
    assert all(isomorphic(a, b) for (_x, a), (_y, b) in zip(redone, expected, strict=True))

    def refuses(graph: Graph, shard: Graph) -> tuple[bool, Graph]:
        raise SourceError("shapes", "the shapes are not valid SHACL: test; fix them")

    with pytest.raises(SourceError, match="not valid SHACL: test"):
        run_shards(data, shards, refuses)
