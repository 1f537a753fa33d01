"""The SHACL results cache (``validate/keys.py``, ``validate/result_cache.py``): a cold and a
warm cache give pySHACL's own report to the byte, on the seed build, the broken graphs of
``tests/test_mutations.py`` and the crafted violations of ``tests/test_shapes.py``; a node
whose triples or whose values' types changed is validated again, the others are not; a bad
entry or file is ignored with ``W810`` and replaced; shapes that read more than a node's
own triples and its values' types are validated without the cache."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef

import histkg.validate
from histkg.serialize import to_turtle
from histkg.validate import SH, load_shapes, validate
from histkg.validate.keys import bnode_names, unique
from histkg.validate.locality import not_local
from histkg.validate.result_cache import FILE, ResultCache
from histkg.validate.sparql import split_shapes
from tests.test_mutations import FAULTS, PREFIXES
from tests.test_shapes import CASES
from tests.test_shapes import PREFIXES as CASE_PREFIXES
from tests.test_validate_shards import seed_graph, shapes
from tests.test_validate_split import pyshacl_alone, serialized

HKG = "https://w3id.org/histkg/ontology#"
EX = "https://example.org/"


def copy(graph: Graph) -> Graph:
    """A copy of ``graph`` with its prefixes (they are part of every key: pySHACL writes
    nodes with the data's prefixes in its messages)."""
    out = Graph(bind_namespaces="none")
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace, override=True, replace=True)
    for triple in graph:
        out.add(triple)
    return out


def reference(data: Graph) -> bytes:
    """pySHACL's own report of ``data``, as histkg writes a report (pySHACL alone is given
    shapes of its own: it adds triples to the shapes it reads)."""
    return serialized(pyshacl_alone(data, load_shapes()))


def checked(data: Graph, folder: Path, jobs: int = 1, theirs: bytes | None = None) -> ResultCache:
    """Validate ``data`` with the cache in ``folder``: pySHACL's own report, to the byte."""
    results = ResultCache(folder)
    ours = validate(data, shapes(), jobs=jobs, cache=results)
    assert to_turtle(ours.graph) == (theirs if theirs is not None else reference(data))
    return results


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache holding the seed build's results."""
    folder = tmp_path_factory.mktemp("warm")
    first = checked(seed_graph(), folder)
    assert first.hits == 0 and first.misses > 100 and not first.warnings
    return folder


@pytest.mark.parametrize("jobs", [1, 2])
def test_validate_cache_seed_build_cold_and_warm_same_bytes(
    jobs: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs = reference(seed_graph())
    cold = checked(seed_graph(), tmp_path, jobs, theirs)
    assert cold.hits == 0 and cold.misses > 100
    passes: list[int] = []
    real = histkg.validate._in_place

    def counted(data: Graph, graph: Graph) -> Any:
        passes.append(1)
        return real(data, graph)

    monkeypatch.setattr(histkg.validate, "_in_place", counted)
    warm = checked(seed_graph(), tmp_path, jobs, theirs)
    assert (warm.hits, warm.misses) == (cold.misses, 0)
    assert not passes  # no pySHACL pass over the core shapes at all


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_validate_cache_broken_graph_same_bytes_changed_nodes_validated_again(
    fault: str, warm: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    shutil.copytree(warm, folder)
    broken = copy(seed_graph())
    broken.update(PREFIXES + FAULTS[fault][0])
    theirs = reference(broken)
    first = checked(broken, folder, 1, theirs)  # the seed's entries serve the untouched nodes
    assert first.hits > 100
    again = checked(broken, folder, 1, theirs)
    assert again.misses == 0 and again.hits == first.hits + first.misses


@pytest.mark.parametrize("case", sorted(CASES))
def test_validate_cache_crafted_violation_same_bytes(case: str, tmp_path: Path) -> None:
    data = Graph().parse(data=CASE_PREFIXES + CASES[case][0], format="turtle")
    theirs = reference(data)
    checked(data, tmp_path, 2, theirs)
    assert checked(data, tmp_path, 2, theirs).misses == 0


def test_validate_cache_a_changed_value_type_validates_the_nodes_that_point_at_it(
    warm: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    shutil.copytree(warm, folder)
    data = copy(seed_graph())
    tenure = sorted(data.subjects(RDF.type, URIRef(HKG + "Tenure")))[0]
    holder = data.value(tenure, URIRef(HKG + "holder"))
    assert holder is not None
    pointing = {s for s, _p in data.subject_predicates(holder)} | {holder}
    data.remove((holder, RDF.type, URIRef(HKG + "Person")))  # sh:class of the holder fails
    found = checked(data, folder)
    assert found.misses == len(pointing & focus_nodes(data))
    report = validate(data, shapes(), cache=ResultCache(folder))
    assert any(v.focus_node == str(tenure) for v in report.violations)


def focus_nodes(data: Graph) -> set[Any]:
    """The nodes of histkg's classes (each is the focus node of some shape)."""
    return {s for s, o in data.subject_objects(RDF.type) if str(o).startswith(HKG)}


def test_validate_cache_same_report_when_one_blank_shape_fails_in_two_shards(
    tmp_path: Path,
) -> None:
    """A blank property shape (with an ``sh:or`` list) named by results of two shards is
    written once, as pySHACL writes it (merging the shards' reports wrote it twice)."""
    data = copy(seed_graph())
    for tenure in sorted(data.subjects(RDF.type, URIRef(HKG + "Tenure"))):
        data.add((tenure, URIRef(HKG + "heldOn"), Literal("not a date")))
    theirs = reference(data)
    for jobs in (2, 3):
        assert to_turtle(validate(data, shapes(), jobs=jobs).graph) == theirs
    checked(data, tmp_path, 2, theirs)
    assert checked(data, tmp_path, 3, theirs).misses == 0


def test_validate_cache_bad_entries_and_files_ignored_with_w810(tmp_path: Path) -> None:
    theirs = reference(seed_graph())
    checked(seed_graph(), tmp_path, 1, theirs)
    path = tmp_path / FILE
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT key, entry FROM results ORDER BY key LIMIT 3").fetchall()
        db.execute("UPDATE results SET entry = ? WHERE key = ?", (b"{not json", rows[0][0]))
        db.execute("UPDATE results SET entry = ? WHERE key = ?", (rows[2][1], rows[1][0]))
        tampered = rows[2][1].replace(b'"results":[', b'"results":[[["x","s","no such shape"]],')
        db.execute("UPDATE results SET entry = ? WHERE key = ?", (tampered, rows[2][0]))
    db.close()
    found = checked(seed_graph(), tmp_path, 1, theirs)
    assert found.misses == 3 and len(found.warnings) == 3
    assert {w.code for w in found.warnings} == {"W810"}
    assert all("entry ignored" in w.message and "\n" not in w.message for w in found.warnings)
    assert checked(seed_graph(), tmp_path, 1, theirs).misses == 0  # the entries were replaced

    path.write_bytes(b"not a database at all" * 100)
    broken = checked(seed_graph(), tmp_path, 1, theirs)
    assert broken.hits == 0 and [w.code for w in broken.warnings] == ["W810"]
    assert "not a results cache" in broken.warnings[0].message
    assert checked(seed_graph(), tmp_path, 1, theirs).misses == 0  # the file was replaced


def test_validate_cache_names_of_shape_blank_nodes_are_stable() -> None:
    core = split_shapes(shapes())
    assert core is not None
    names = [set(bnode_names(load_shapes()).values()) for _ in range(2)]
    assert names[0] == names[1]
    once = unique(bnode_names(core[0]))
    sources = {o for o in core[0].objects(None, SH.property) if isinstance(o, BNode)}
    assert sources <= set(once.values())  # every blank property shape has a name of its own


def test_validate_cache_histkg_shapes_read_only_what_the_key_covers() -> None:
    core = split_shapes(shapes())
    assert core is not None and not_local(core[0]) is None


def _with(extra: str) -> Graph:
    graph = copy(shapes())
    graph.parse(data="@prefix sh: <http://www.w3.org/ns/shacl#> .\n" + extra, format="turtle")
    return graph


READS_MORE = {
    "objects of": "<https://example.org/S> sh:targetObjectsOf <https://example.org/p> .",
    "inverse path": """<https://example.org/S> sh:targetClass <https://example.org/C> ;
        sh:property [ sh:path [ sh:inversePath <https://example.org/p> ] ; sh:minCount 1 ] .""",
    "property of a value": """<https://example.org/S> sh:targetClass <https://example.org/C> ;
        sh:property [ sh:path <https://example.org/p> ;
            sh:or ( [ sh:property [ sh:path <https://example.org/q> ; sh:minCount 1 ] ] ) ] .""",
    "closed": """<https://example.org/S> sh:targetClass <https://example.org/C> ; sh:closed true .""",
}


@pytest.mark.parametrize("why", sorted(READS_MORE))
def test_validate_cache_not_used_for_shapes_that_read_more(why: str, tmp_path: Path) -> None:
    graph = _with(READS_MORE[why])
    split = split_shapes(graph)
    assert split is not None and not_local(split[0]) is not None
    data = copy(seed_graph())
    data.add((URIRef(f"{EX}x"), RDF.type, URIRef(f"{EX}C")))
    results = ResultCache(tmp_path)
    validate(data, graph, cache=results)
    assert results.hits == results.misses == 0 and not (tmp_path / FILE).exists()


def test_validate_cache_key_covers_the_data_subclasses(warm: Path, tmp_path: Path) -> None:
    """``sh:class`` follows the data's ``rdfs:subClassOf``: a new one changes every key."""
    folder = tmp_path / "cache"
    shutil.copytree(warm, folder)
    data = copy(seed_graph())
    data.add((URIRef(f"{EX}Minister"), RDFS.subClassOf, URIRef(HKG + "Person")))
    assert checked(data, folder).hits == 0
