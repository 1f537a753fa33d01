"""The command line: help with examples, exit codes, one-line errors, no half-written output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from histkg.cli import main
from tests.conftest import ROOT, SEEDS

COMMANDS = ["build", "validate", "query", "load", "publish", "serve"]


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_help_has_an_example(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and f"histkg {command}" in result.output


def test_cli_commands_are_documented_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"histkg {command}" in readme


def test_cli_build_validate_query(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(SEEDS), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert (out / "graph.trig").is_file()
    result = runner.invoke(main, ["validate", str(out / "graph.ttl")])
    assert result.exit_code == 0
    assert "conforms" in result.output
    query = ROOT / "queries" / "expulsions.rq"
    result = runner.invoke(
        main, ["query", str(query), "--graph", str(out / "graph.trig"), "--format", "csv"]
    )
    assert result.exit_code == 0
    assert result.output.count("\n") == 5


def test_cli_base_iri(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        ["build", str(SEEDS), "--out", str(out), "-q", "--base-iri", "https://example.org/kg/"],
    )
    assert result.exit_code == 0
    text = (out / "graph.nt").read_text(encoding="utf-8")
    assert "<https://example.org/kg/person/georgy-malenkov>" in text
    assert "w3id.org/histkg/id/" not in text


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "file is empty"),
        (b"\xff\xfe\x00\x01", "binary file"),
        (b"Plain text with a bad byte \xe9 here.", "is not UTF-8"),
        (b"= T =\n\nBox\n- Leader A\n\nText.\n", "has no colon"),
    ],
)
def test_cli_bad_input_one_line_exit_2_no_output(
    tmp_path: Path, content: bytes, fragment: str
) -> None:
    article = tmp_path / "bad.txt"
    article.write_bytes(content)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(article), "--out", str(out)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and fragment in lines[0] and str(article) in lines[0]
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["bad.txt"], "no staging folder left behind"


def test_cli_bad_input_keeps_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(SEEDS), "--out", str(out), "-q"]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert runner.invoke(main, ["build", str(SEEDS), str(bad), "--out", str(out)]).exit_code == 2
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_cli_missing_path_and_empty_folder(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(tmp_path / "missing"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "no such file or folder" in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(main, ["build", str(empty), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "folder holds no articles" in result.output


def test_cli_unknown_infobox_key_is_a_coded_warning(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "= Blue Faction =\n\nBlue Faction\n- Leader: Anna Berg\n- Mascot: Owl\n\n"
        "The Blue Faction was a group led by Anna Berg.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["build", str(article), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert f"{article}:5: W101 infobox key 'Mascot'" in result.output


def test_cli_validate_reports_violations_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix hkg: <https://w3id.org/histkg/ontology#> .\n<https://example.org/p> a hkg:Person .\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "violation:" in result.output


def test_cli_query_errors(tmp_path: Path, seed_output: Path) -> None:
    runner = CliRunner()
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE {", encoding="utf-8")
    result = runner.invoke(main, ["query", str(bad), "--graph", str(seed_output)])
    assert result.exit_code == 2 and f"{bad}:1:18: SPARQL syntax error" in result.output
    result = runner.invoke(main, ["query", str(bad), "--graph", str(tmp_path / "none.trig")])
    assert result.exit_code == 2 and "no such graph file" in result.output


def test_cli_build_reports_each_document_and_silent_ones(tmp_path: Path) -> None:
    """A document with prose but no tenure and no event gets W701; every document gets
    a summary line."""
    folder = tmp_path / "in"
    folder.mkdir()
    prose = " ".join(["The river flows past the old mill and the meadow."] * 30)
    (folder / "river.txt").write_text(f"= River =\n\n{prose}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "out")])
    assert "W701" in result.output, result.output
    assert "river.txt: 0 persons, 0 tenures, 0 events" in result.output, result.output


def test_cli_validate_reads_its_results_cache(tmp_path: Path) -> None:
    """A second validation of the same graph takes every node's results from the cache
    and reports the same violations; a corrupt cache file is a W810 warning, not trusted."""
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix hkg: <https://w3id.org/histkg/ontology#> .\n"
        "<https://example.org/p> a hkg:Person .\n",
        encoding="utf-8",
    )
    cache = tmp_path / "cache"
    args = ["validate", str(bad), "--cache-dir", str(cache)]
    first = CliRunner().invoke(main, args)
    second = CliRunner().invoke(main, args)
    assert first.exit_code == second.exit_code == 1
    violations = [line for line in first.output.splitlines() if line.startswith("violation:")]
    assert violations
    assert violations == [x for x in second.output.splitlines() if x.startswith("violation:")]
    counted = re.search(r"results of 0 of (\d+) focus nodes from the cache", first.output)
    assert counted, first.output
    nodes = counted.group(1)
    assert f"results of {nodes} of {nodes} focus nodes from the cache" in second.output
    (cache / "shacl-results.sqlite3").write_bytes(b"not a database")
    third = CliRunner().invoke(main, args)
    assert third.exit_code == 1 and "W810" in third.output, third.output
    assert violations == [x for x in third.output.splitlines() if x.startswith("violation:")]
    uncached = CliRunner().invoke(main, [*args, "--no-cache"])
    assert "from the cache" not in uncached.output
