"""``histkg validate``, ``query``, ``load`` and ``serve``: commands over a built graph."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from histkg.cli.app import main, plural
from histkg.errors import EXIT_OK, EXIT_VIOLATIONS


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "--shapes",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder of SHACL shapes (default: histkg's own).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to validate in (default: the number of cores, one for a small graph)."
    " The report is the same for any number.",
)
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder of the SHACL results cache, shared with `histkg build` (default:"
    " $HISTKG_CACHE_DIR, else $XDG_CACHE_HOME/histkg, else ~/.cache/histkg).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Validate every focus node again; read and write no cache.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but violations.")
def validate(
    graph: Path,
    shapes: Path | None,
    jobs: int | None,
    cache_dir: Path | None,
    no_cache: bool,
    quiet: bool,
) -> None:
    """Validate GRAPH (.ttl, .nt, .nq, .trig, .jsonld) against the SHACL shapes.

    The results of each focus node are kept in the cache by what the core shapes read
    of it, so validating a graph again checks only the nodes that changed; the report
    is the same with or without the cache.

    \b
    Example:
      histkg validate output/graph.ttl
      histkg validate big.nq --jobs 2 --no-cache
    """
    from rdflib import Graph

    from histkg.cache import default_folder
    from histkg.engines import EngineOptions, validation_jobs
    from histkg.pipeline import warning_lines
    from histkg.query import load_graph
    from histkg.validate import load_shapes
    from histkg.validate import validate as run_validate
    from histkg.validate.result_cache import ResultCache

    data = load_graph(graph, graph_option=None)
    shapes_graph = load_shapes(shapes) if shapes else None
    merged = Graph()
    for s, p, o, _g in data.quads((None, None, None, None)):
        merged.add((s, p, o))
    workers = validation_jobs(EngineOptions(jobs=jobs or 0), len(merged))
    cache = None if no_cache else ResultCache(cache_dir or default_folder())
    report = run_validate(merged, shapes_graph, jobs=workers, cache=cache)
    for violation in report.violations:
        click.echo(f"violation: {violation}", err=True)
    if cache is not None:
        for line in warning_lines(cache.warnings):
            click.echo(line, err=True)
    if not quiet:
        if cache is not None and cache.hits + cache.misses:
            click.echo(
                f"{graph}: results of {cache.hits} of {cache.hits + cache.misses} focus"
                f" nodes from the cache in {cache.folder}",
                err=True,
            )
        state = "conforms" if report.conforms else plural(len(report.violations), "violation")
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
    from histkg.errors import SourceError

    if str(query_file) == "-":
        try:
            text = q.check_query(sys.stdin.read(), "<stdin>")
        except UnicodeDecodeError:
            raise SourceError("<stdin>", "the query is not UTF-8; send UTF-8 text") from None
        source = "<stdin>"
    else:
        text, source = q.read_query(query_file), str(query_file)
    if engine == "oxigraph":
        output = q.format_oxigraph(q.query_file(graph_file, text, source), fmt)
    else:
        output = q.format_rdflib(q.run_query(q.load_graph(graph_file), text, source), fmt)
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
    "--digest",
    is_flag=True,
    help="HTTP Digest from the start (a Digest challenge or Virtuoso's 401 also switches to it).",
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
    type=click.IntRange(min=1),
    help="Triples per request for large graphs.",
)
@click.option(
    "--retries",
    default=4,
    show_default=True,
    type=click.IntRange(min=0),
    help="Retries, with back-off, on connection errors, 502-504 and 500s that may pass.",
)
@click.option(
    "--timeout",
    default=120.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds to wait for the store's answer to one request.",
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
    timeout: float,
    quiet: bool,
) -> None:
    """Load GRAPH (default output/graph.nq) into a triple store: each document's named
    graph to its own graph IRI, and the merged graph to the default graph.

    Loading the same build twice leaves the store with the same triples. Virtuoso has no
    default graph in its Graph Store (its queries read the union of all graphs): there the
    merged graph is not sent. When a request fails, the error says what the store holds; a
    replaced graph is put back as it was. A local store folder records the graph it was
    loaded from in DIR/store.source.

    \b
    Example:
      histkg load output/graph.nq --endpoint http://127.0.0.1:7878/store --replace
      histkg load --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --user dba --digest
      histkg load --store /tmp/oxigraph-db
    """
    import os

    from histkg.stores.gsp import GraphStore, split_graphs
    from histkg.stores.load import load_graphs
    from histkg.stores.oxigraph import write_store

    if (endpoint is None) == (store_dir is None):
        raise click.UsageError("give exactly one of --endpoint URL or --store DIR")
    if store_dir is not None:
        write_store(graph, store_dir)
        if not quiet:
            click.echo(f"loaded {graph} into {store_dir}", err=True)
        return
    assert endpoint is not None
    if not endpoint.startswith(("http://", "https://")):
        raise click.BadParameter(
            f"{endpoint!r} is no http:// or https:// URL", param_hint="'--endpoint'"
        )
    graphs = split_graphs(graph, default_graph)
    password = os.environ.get(password_env) if user else None
    client = GraphStore(
        endpoint, user=user, password=password, retries=retries, timeout=timeout, digest=digest
    )
    total = sum(len(lines) for lines in graphs.values())
    with click.progressbar(
        length=total, label="loading", file=sys.stderr, hidden=quiet or not sys.stderr.isatty()
    ) as bar:
        report = load_graphs(
            client, graphs, replace=replace, chunk=chunk_triples, progress=bar.update
        )
    if not quiet:
        click.echo(
            f"loaded {plural(report.triples, 'triple')} in {plural(report.graphs, 'graph')}"
            f" into {client.name}",
            err=True,
        )
        if report.skipped_default:
            click.echo(
                f"note: {client.product} has no default graph to load; its queries read the"
                " union of all graphs, so the merged graph was not sent",
                err=True,
            )


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
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds a SPARQL query may run.",
)
@click.option(
    "--max-bytes",
    default=10_000_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Largest SPARQL answer served.",
)
@click.option(
    "--max-rows",
    default=100_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Most rows (or triples) of a SPARQL answer served.",
)
@click.option(
    "--max-query-bytes",
    default=100_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Longest SPARQL query read.",
)
@click.option(
    "--queries",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("queries"),
    show_default=True,
    help="Folder of *.rq files offered as examples on the query page /sparql.",
)
def serve(
    site: Path,
    graph_file: Path,
    host: str,
    port: int,
    timeout: float,
    max_bytes: int,
    max_rows: int,
    max_query_bytes: int,
    queries: Path,
) -> None:
    """Serve the published site with content negotiation and a read-only SPARQL endpoint
    at /sparql (in a browser, a query form with the example queries).

    \b
    Example:
      histkg serve --port 8000
      curl -H 'Accept: text/turtle' -L http://127.0.0.1:8000/person/georgy-malenkov
    """
    from histkg.publish.serve import make_server
    from histkg.stores.oxigraph import store_for

    if not (site / "index.html").is_file():
        raise click.BadParameter(
            f"{site} holds no site; run 'histkg publish' first", param_hint="'--site'"
        )
    store = store_for(graph_file) if graph_file.is_file() else None
    server = make_server(
        site, store, host, port, timeout, max_bytes, max_rows, max_query_bytes, queries
    )
    click.echo(
        f"serving {site} at http://{host}:{server.server_address[1]}/ (Ctrl-C stops)", err=True
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
