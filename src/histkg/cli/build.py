"""``histkg build`` and ``histkg publish``: articles to a graph, a graph to a site."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from histkg.cli.app import main, plural
from histkg.errors import EXIT_OK, EXIT_VIOLATIONS
from histkg.mint import DEFAULT_BASE

FORCE_HELP = "Replace the previous output even with a graph of far fewer facts (or none)."


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Folder for graph.ttl, .jsonld, .nt, .nq, .trig, shacl-report.ttl and store/.",
)
@click.option(
    "--base-iri",
    default=DEFAULT_BASE,
    show_default=True,
    help="Base under which resources are minted.",
)
@click.option("--no-store", is_flag=True, help="Do not build the embedded store (output/store/).")
@click.option("--force", is_flag=True, help=FORCE_HELP)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def build(
    inputs: tuple[Path, ...],
    out_dir: Path,
    base_iri: str,
    no_store: bool,
    force: bool,
    quiet: bool,
) -> None:
    """Build the graph of INPUTS (article files or folders; default seeds/).

    A build that would replace a graph in --out with one of less than half its triples
    (or with no person, tenure or event at all) is refused unless --force is given.

    \b
    Example:
      histkg build seeds/ --out output/ --base-iri https://example.org/id/
    """
    from histkg.pipeline import build as run_build
    from histkg.pipeline import check_replace, collector_paused, render, write_outputs
    from histkg.sources import article_paths
    from histkg.stores.oxigraph import STORE_DIR, write_store

    if not base_iri.endswith(("/", "#")):
        raise click.BadParameter("must end with '/' or '#'", param_hint="'--base-iri'")
    paths = list(inputs) or [Path("seeds")]
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

        with collector_paused():
            result = run_build(paths, base_iri=base_iri, progress=tick)
    if not force:
        check_replace(result, out_dir)
    with collector_paused():
        rendered = render(result)
    written = write_outputs(rendered, out_dir)
    if not no_store:
        write_store(out_dir / "graph.nq", out_dir / STORE_DIR)
    if not quiet:
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        for s in result.summaries:
            found = ", ".join(
                plural(n, noun)
                for n, noun in ((s.persons, "person"), (s.tenures, "tenure"), (s.events, "event"))
            )
            click.echo(f"read {s.path}: {found} ({plural(s.words, 'word')} of prose)", err=True)
        stats = ", ".join(plural(v, k.removesuffix("s")) for k, v in result.stats.items())
        click.echo(f"built {stats}", err=True)
        click.echo(f"wrote {', '.join(str(p) for p in written)}", err=True)
    if not result.report.conforms:
        for violation in result.report.violations:
            click.echo(f"violation: {violation}", err=True)
        sys.exit(EXIT_VIOLATIONS)
    sys.exit(EXIT_OK)


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("output/site"),
    show_default=True,
    help="Folder for the static site.",
)
@click.option(
    "--base-iri", default=DEFAULT_BASE, show_default=True, help="Base the site will be served at."
)
@click.option("--force", is_flag=True, help=FORCE_HELP)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def publish(
    inputs: tuple[Path, ...], out_dir: Path, base_iri: str, force: bool, quiet: bool
) -> None:
    """Write the static linked-data site of INPUTS (default seeds/): a page per resource
    with its Turtle, JSON-LD and N-Triples, indexes, search, timeline, VoID, dumps, sitemap.

    \b
    Example:
      histkg publish seeds/ --out output/site/
      histkg serve --site output/site/
    """
    from histkg import __version__
    from histkg.pipeline import build as run_build
    from histkg.pipeline import check_replace, inputs_date, replace_folder
    from histkg.publish.site import build_site
    from histkg.serialize import to_trig
    from histkg.sources import article_paths

    if not base_iri.endswith("/"):
        raise click.BadParameter("must end with '/'", param_hint="'--base-iri'")
    paths = list(inputs) or [Path("seeds")]
    files = article_paths(paths)
    result = run_build(paths, base_iri=base_iri)
    if not force:
        check_replace(result, out_dir)
    site = build_site(
        result.graph,
        to_trig(result.dataset),
        result.articles,
        base_iri,
        __version__,
        inputs_date(files),
    )
    replace_folder(site, out_dir)
    if not quiet:
        pages = sum(1 for name in site if name.endswith(".html"))
        click.echo(
            f"published {plural(pages, 'page')}, {plural(len(site), 'file')} to {out_dir}",
            err=True,
        )
