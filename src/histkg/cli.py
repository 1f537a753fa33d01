"""Command-line interface: a thin skin over :mod:`histkg`'s library API.

Exit codes: 0 ok, 1 SHACL violations, 2 input or usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from histkg.errors import EXIT_INPUT, EXIT_OK, EXIT_VIOLATIONS, KGError
from histkg.mint import DEFAULT_BASE


class HistkgError(click.ClickException):
    """A domain error shown as one line, with histkg's exit code."""

    def __init__(self, error: KGError) -> None:
        super().__init__(str(error))
        self.exit_code = error.exit_code  # type: ignore[misc]

    def show(self, file: object = None) -> None:
        click.echo(f"histkg: error: {self.format_message()}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="histkg")
def main() -> None:
    """Turn encyclopedia articles on political history into a validated RDF knowledge graph.

    \b
    Example:
      histkg build seeds/ --out output/
      histkg query queries/timeline.rq
    """


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Folder for graph.ttl, graph.jsonld, graph.nt, graph.nq, graph.trig, shacl-report.ttl.",
)
@click.option(
    "--base-iri",
    default=DEFAULT_BASE,
    show_default=True,
    help="Base under which resources are minted.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def build(inputs: tuple[Path, ...], out_dir: Path, base_iri: str, quiet: bool) -> None:
    """Build the graph of INPUTS (article files or folders; default seeds/).

    \b
    Example:
      histkg build seeds/ --out output/ --base-iri https://example.org/id/
    """
    from histkg.pipeline import build as run_build
    from histkg.pipeline import render, write_outputs
    from histkg.sources import article_paths

    if not base_iri.endswith(("/", "#")):
        raise click.UsageError("--base-iri must end with '/' or '#'")
    paths = list(inputs) or [Path("seeds")]
    try:
        files = article_paths(paths)
        show = not quiet and len(files) > 1 and sys.stderr.isatty()
        with click.progressbar(
            length=len(files), label="reading", file=sys.stderr, hidden=not show
        ) as bar:
            steps = {"n": 0}

            def tick() -> None:
                steps["n"] += 1
                if steps["n"] <= len(files):
                    bar.update(1)

            result = run_build(paths, base_iri=base_iri, progress=tick)
        written = write_outputs(render(result), out_dir)
    except KGError as exc:
        raise HistkgError(exc) from None
    if not quiet:
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        stats = ", ".join(f"{v} {k}" for k, v in result.stats.items())
        click.echo(f"built {stats}", err=True)
        click.echo(f"wrote {', '.join(str(p) for p in written)}", err=True)
    if not result.report.conforms:
        for violation in result.report.violations:
            click.echo(f"violation: {violation}", err=True)
        sys.exit(EXIT_VIOLATIONS)
    sys.exit(EXIT_OK)


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "--shapes",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder of SHACL shapes (default: histkg's own).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but violations.")
def validate(graph: Path, shapes: Path | None, quiet: bool) -> None:
    """Validate GRAPH (.ttl, .nt, .nq, .trig, .jsonld) against the SHACL shapes.

    \b
    Example:
      histkg validate output/graph.ttl
    """
    from histkg.query import load_graph
    from histkg.validate import load_shapes
    from histkg.validate import validate as run_validate

    try:
        data = load_graph(graph)
    except KGError as exc:
        raise HistkgError(exc) from None
    from rdflib import Graph

    merged = Graph()
    for s, p, o, _g in data.quads((None, None, None, None)):
        merged.add((s, p, o))
    report = run_validate(merged, load_shapes(shapes) if shapes else None)
    for violation in report.violations:
        click.echo(f"violation: {violation}", err=True)
    if not quiet:
        click.echo(
            f"{graph}: {'conforms' if report.conforms else f'{len(report.violations)} violations'}",
            err=True,
        )
    sys.exit(EXIT_OK if report.conforms else EXIT_VIOLATIONS)


@main.command()
@click.argument("query_file", type=click.Path(path_type=Path))
@click.option(
    "--graph",
    "graph_file",
    type=click.Path(path_type=Path),
    default=Path("output/graph.trig"),
    show_default=True,
    help="Graph file to query (named graphs are kept; default graph = union).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
def query(query_file: Path, graph_file: Path, fmt: str) -> None:
    """Run the SPARQL query in QUERY_FILE against a built graph.

    \b
    Example:
      histkg query queries/who-voted.rq --format csv
    """
    from histkg.query import FORMATTERS, load_graph, run_query

    if not query_file.is_file():
        raise click.BadParameter(f"{query_file}: no such query file", param_hint="QUERY_FILE")
    try:
        graph = load_graph(graph_file)
        result = run_query(graph, query_file.read_text(encoding="utf-8"), str(query_file))
    except KGError as exc:
        raise HistkgError(exc) from None
    click.echo(FORMATTERS[fmt](result), nl=False)


def run() -> None:  # pragma: no cover
    main()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

__all__ = ["EXIT_INPUT", "main"]
