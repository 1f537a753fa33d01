"""The assembled triples of each document's graph (``assemble.Assembly``): the dataset made
from them when asked for, the merged graph and the writers all read the same triples, and a
build that is only written never fills an rdflib ``Dataset``."""

from __future__ import annotations

from rdflib import Graph

from histkg import BuildResult, build, render
from histkg.serialize import to_nquads, to_trig
from tests.conftest import SEEDS, assert_isomorphic


def test_assembly_dataset_holds_each_graphs_triples_once(seed_build: BuildResult) -> None:
    triples = seed_build.assembly.triples
    quads = {(s, p, o, str(g)) for s, p, o, g in seed_build.dataset.quads()}
    assert quads == {(s, p, o, name) for name, graph in triples.items() for s, p, o in graph}
    assert all(len(set(graph)) == len(graph) for graph in triples.values())
    assert seed_build.stats["quads"] == len(quads)


def test_assembly_merged_graph_is_the_union_of_the_documents_graphs(
    seed_build: BuildResult,
) -> None:
    union = Graph()
    for s, p, o, _g in seed_build.dataset.quads():
        union.add((s, p, o))
    assert_isomorphic(union, seed_build.graph)
    assert len(union) == len(seed_build.graph)


def test_assembly_writing_a_build_fills_no_dataset(seed_build: BuildResult) -> None:
    result = build([SEEDS])
    files = render(result)
    assert "dataset" not in vars(result.assembly)  # never made
    assert files["graph.nq"] == to_nquads(seed_build.dataset)
    assert files["graph.trig"] == to_trig(seed_build.dataset)
