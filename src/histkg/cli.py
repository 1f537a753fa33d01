"""Command-line interface: a thin skin over :mod:`histkg`'s library API.

Exit codes: 0 ok, 1 SHACL violations, 2 input or usage error, 3 store or endpoint error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from histkg.errors import EXIT_OK, EXIT_VIOLATIONS, KGError, SourceError
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
    help="Folder for graph.ttl, .jsonld, .nt, .nq, .trig, shacl-report.ttl and store/.",
)
@click.option(
    "--base-iri",
    default=DEFAULT_BASE,
    show_default=True,
    help="Base under which resources are minted.",
)
@click.option("--no-store", is_flag=True, help="Do not build the embedded store (output/store/).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def build(
    inputs: tuple[Path, ...], out_dir: Path, base_iri: str, no_store: bool, quiet: bool
) -> None:
    """Build the graph of INPUTS (article files or folders; default seeds/).

    \b
    Example:
      histkg build seeds/ --out output/ --base-iri https://example.org/id/
    """
    from histkg.pipeline import build as run_build
    from histkg.pipeline import render, write_outputs
    from histkg.sources import article_paths
    from histkg.stores.oxigraph import STORE_DIR, write_store

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
        if not no_store:
            write_store(out_dir / "graph.nq", out_dir / STORE_DIR)
    except KGError as exc:
        raise HistkgError(exc) from None
    if not quiet:
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        for summary in result.summaries:
            click.echo(f"read {summary}", err=True)
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
    from rdflib import Graph

    from histkg.query import load_graph
    from histkg.validate import load_shapes
    from histkg.validate import validate as run_validate

    try:
        data = load_graph(graph)
    except KGError as exc:
        raise HistkgError(exc) from None
    merged = Graph()
    for s, p, o, _g in data.quads((None, None, None, None)):
        merged.add((s, p, o))
    report = run_validate(merged, load_shapes(shapes) if shapes else None)
    for violation in report.violations:
        click.echo(f"violation: {violation}", err=True)
    if not quiet:
        state = "conforms" if report.conforms else f"{len(report.violations)} violations"
        click.echo(f"{graph}: {state}", err=True)
    sys.exit(EXIT_OK if report.conforms else EXIT_VIOLATIONS)


@main.command()
@click.argument("query_file", type=click.Path(path_type=Path))
@click.option(
    "--graph",
    "graph_file",
    type=click.Path(path_type=Path),
    default=Path("output/graph.nq"),
    show_default=True,
    help="Built graph to query; its embedded store (store/ beside it) is rebuilt when it changed.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "xml"]),
    default="table",
    show_default=True,
    help="table, or a W3C SPARQL 1.1 results format.",
)
@click.option(
    "--engine",
    type=click.Choice(["oxigraph", "rdflib"]),
    default="oxigraph",
    show_default=True,
    help="oxigraph: the embedded store; rdflib: parse the file and query it in memory.",
)
def query(query_file: Path, graph_file: Path, fmt: str, engine: str) -> None:
    """Run the SPARQL query in QUERY_FILE ('-' reads standard input) against a built graph.

    The default graph is the merged graph; GRAPH ?g reaches each document's graph.

    \b
    Example:
      histkg query queries/votes.rq --format csv
    """
    from histkg import query as q

    if str(query_file) == "-":
        text = sys.stdin.read()
    elif not query_file.is_file():
        raise click.BadParameter(f"{query_file}: no such query file", param_hint="QUERY_FILE")
    else:
        text = query_file.read_text(encoding="utf-8")
    try:
        if engine == "oxigraph":
            output = q.format_oxigraph(q.query_file(graph_file, text, str(query_file)), fmt)
        else:
            output = q.format_rdflib(
                q.run_query(q.load_graph(graph_file), text, str(query_file)), fmt
            )
    except KGError as exc:
        raise HistkgError(exc) from None
    click.echo(output, nl=False)


@main.command()
@click.argument("graph", type=click.Path(path_type=Path), default=Path("output/graph.nq"))
@click.option("--endpoint", help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store")
@click.option(
    "--store",
    "store_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="A local Oxigraph folder instead.",
)
@click.option(
    "--replace", is_flag=True, help="PUT each graph (replace it) instead of POST (append)."
)
@click.option(
    "--default-graph/--no-default-graph",
    default=True,
    show_default=True,
    help="Also load the merged graph into the default graph.",
)
@click.option(
    "--user", envvar="HISTKG_USER", help="User name (or $HISTKG_USER; a netrc entry also works)."
)
@click.option(
    "--digest", is_flag=True, help="HTTP Digest instead of Basic authentication (Virtuoso)."
)
@click.option(
    "--password-env",
    default="HISTKG_PASSWORD",
    show_default=True,
    help="Environment variable that holds the password.",
)
@click.option(
    "--chunk-triples",
    default=50_000,
    show_default=True,
    help="Triples per request for large graphs.",
)
@click.option(
    "--retries",
    default=4,
    show_default=True,
    help="Retries, with back-off, on 5xx and connection errors.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def load(
    graph: Path,
    endpoint: str | None,
    store_dir: Path | None,
    replace: bool,
    default_graph: bool,
    user: str | None,
    digest: bool,
    password_env: str,
    chunk_triples: int,
    retries: int,
    quiet: bool,
) -> None:
    """Load GRAPH (default output/graph.nq) into a triple store: each document's named
    graph to its own graph IRI, and the merged graph to the default graph.

    Loading the same build twice leaves the store with the same triples.

    \b
    Example:
      histkg load output/graph.nq --endpoint http://127.0.0.1:7878/store --replace
      histkg load --store /tmp/oxigraph-db
    """
    import os

    from histkg.stores.gsp import GraphStore, load_graphs, split_graphs
    from histkg.stores.oxigraph import write_store

    if (endpoint is None) == (store_dir is None):
        raise click.UsageError("give exactly one of --endpoint URL or --store DIR")
    try:
        if store_dir is not None:
            write_store(graph, store_dir)
            if not quiet:
                click.echo(f"loaded {graph} into {store_dir}", err=True)
            return
        assert endpoint is not None
        graphs = split_graphs(graph, default_graph)
        password = os.environ.get(password_env) if user else None
        client = GraphStore(endpoint, user=user, password=password, retries=retries, digest=digest)
        total = sum(len(lines) for lines in graphs.values())
        with click.progressbar(
            length=total, label="loading", file=sys.stderr, hidden=quiet or not sys.stderr.isatty()
        ) as bar:
            sent = load_graphs(
                client, graphs, replace=replace, chunk=chunk_triples, progress=bar.update
            )
    except KGError as exc:
        raise HistkgError(exc) from None
    if not quiet:
        click.echo(f"loaded {sent} triples in {len(graphs)} graphs into {endpoint}", err=True)


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
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def publish(inputs: tuple[Path, ...], out_dir: Path, base_iri: str, quiet: bool) -> None:
    """Write the static linked-data site of INPUTS (default seeds/): a page per resource
    with its Turtle, JSON-LD and N-Triples, indexes, search, timeline, VoID, dumps, sitemap.

    \b
    Example:
      histkg publish seeds/ --out output/site/
      histkg serve --site output/site/
    """
    from histkg import __version__
    from histkg.pipeline import build as run_build
    from histkg.pipeline import inputs_date, replace_folder
    from histkg.publish.site import build_site
    from histkg.serialize import to_trig
    from histkg.sources import article_paths

    if not base_iri.endswith("/"):
        raise click.UsageError("--base-iri must end with '/'")
    paths = list(inputs) or [Path("seeds")]
    try:
        files = article_paths(paths)
        result = run_build(paths, base_iri=base_iri)
        site = build_site(
            result.graph,
            to_trig(result.dataset),
            result.articles,
            base_iri,
            __version__,
            inputs_date(files),
        )
        replace_folder(site, out_dir)
    except KGError as exc:
        raise HistkgError(exc) from None
    if not quiet:
        pages = sum(1 for name in site if name.endswith(".html"))
        click.echo(f"published {pages} pages, {len(site)} files to {out_dir}", err=True)


@main.command()
@click.option(
    "--site",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("output/site"),
    show_default=True,
    help="The folder written by 'histkg publish'.",
)
@click.option(
    "--graph",
    "graph_file",
    type=click.Path(path_type=Path),
    default=Path("output/graph.nq"),
    show_default=True,
    help="Graph whose embedded store answers /sparql.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to bind (loopback by default).",
)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--timeout", default=10.0, show_default=True, help="Seconds a SPARQL query may run.")
@click.option(
    "--max-bytes", default=10_000_000, show_default=True, help="Largest SPARQL answer served."
)
def serve(
    site: Path, graph_file: Path, host: str, port: int, timeout: float, max_bytes: int
) -> None:
    """Serve the published site with content negotiation and a read-only SPARQL endpoint
    at /sparql.

    \b
    Example:
      histkg serve --port 8000
      curl -H 'Accept: text/turtle' -L http://127.0.0.1:8000/person/georgy-malenkov
    """
    from histkg.publish.serve import make_server
    from histkg.stores.oxigraph import store_for

    if not (site / "index.html").is_file():
        raise click.UsageError(f"{site} holds no site; run 'histkg publish' first")
    try:
        store = store_for(graph_file) if graph_file.is_file() else None
    except KGError as exc:
        raise HistkgError(exc) from None
    server = make_server(site, store, host, port, timeout, max_bytes)
    click.echo(
        f"serving {site} at http://{host}:{server.server_address[1]}/ (Ctrl-C stops)", err=True
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command()
@click.argument("graph", metavar="BUILD_DIR_OR_GRAPH", type=click.Path(path_type=Path))
@click.argument(
    "golds", metavar="GOLD.json...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option(
    "--texts",
    type=click.Path(path_type=Path),
    help="Folder of the articles built from: check each evidence quote against its text.",
)
@click.option(
    "--json", "json_out", type=click.Path(path_type=Path), help="Also write every figure as JSON."
)
@click.option(
    "--by-rule",
    is_flag=True,
    help="Per extraction rule: tenures and events made, and how many fit gold.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print the figures only, not the items.")
def evaluate(
    graph: Path,
    golds: tuple[Path, ...],
    texts: Path | None,
    json_out: Path | None,
    by_rule: bool,
    quiet: bool,
) -> None:
    """Score a build (its folder, or a graph file) against hand-written gold files:
    precision, recall and F1 of persons, tenures and events, with the missing and
    spurious items. The gold format is described in docs/eval.md.

    \b
    Example:
      histkg build my-articles/purge.txt --out out/purge
      histkg evaluate out/purge gold/purge.json --texts my-articles
    """
    import json

    from histkg import evaluate as ev

    try:
        data = ev.load_output(graph)
        gold_files = [(path, ev.load_gold(path)) for path in golds]
        sources = ev.read_texts(texts) if texts is not None else None
        scores = [ev.evaluate(gold, data, sources) for _path, gold in gold_files]
        tallies = ev.by_rule(scores)
        avg = ev.average(scores)
        if json_out is not None:
            report = {
                "graph": str(graph),
                "golds": [
                    {"file": str(p), **s.as_dict()}
                    for (p, _g), s in zip(gold_files, scores, strict=True)
                ],
                "average": avg.as_dict(),
                "by_rule": [{**vars(t), "precision": t.precision} for t in tallies],
            }
            try:
                json_out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
            except OSError as exc:
                raise SourceError(
                    json_out, f"cannot write: {exc.strerror}; choose another --json path"
                ) from None
    except KGError as exc:
        raise HistkgError(exc) from None
    for (path, gold), score in zip(gold_files, scores, strict=True):
        click.echo(f"{path}: {gold.name}")
        click.echo(ev.format_score(score, items=not quiet))
    if len(scores) > 1:
        click.echo(f"macro average over {len(scores)} gold files (each file weighs the same):")
        click.echo(ev.format_average(avg))
    if by_rule:
        click.echo("by rule (hkg:extractedBy):")
        click.echo(ev.format_rules(tallies))


if __name__ == "__main__":  # pragma: no cover
    main()
