"""``histkg build`` and ``histkg publish``: articles to a graph, a graph to a site."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from histkg.cli.app import main, plural
from histkg.errors import EXIT_OK, EXIT_VIOLATIONS
from histkg.mint import DEFAULT_BASE

if TYPE_CHECKING:  # histkg.sources is imported when a command runs
    from histkg.sources import SourceOptions

FORCE_HELP = "Replace the previous output even with a graph of far fewer facts (or none)."
#: Licence IRIs whose short name the site's footer shows.
LICENCE_NAMES = {
    "https://creativecommons.org/licenses/by-sa/4.0/": "CC BY-SA 4.0",
    "https://creativecommons.org/licenses/by-sa/3.0/": "CC BY-SA 3.0",
    "https://creativecommons.org/licenses/by/4.0/": "CC BY 4.0",
    "https://creativecommons.org/publicdomain/zero/1.0/": "CC0 1.0",
    "https://www.gnu.org/licenses/fdl-1.3.html": "GFDL 1.3",
}
F = TypeVar("F", bound=Callable[..., Any])


def source_options(command: F) -> F:
    """--wiki, --source-name, --licence and --max-dump-bytes, shared by build and publish."""
    for option in reversed(
        [
            click.option(
                "--wiki",
                metavar="HOST|URL",
                help="The wiki .wikitext files come from (en.wikipedia.org, or its article"
                " address https://en.wikipedia.org/wiki/): linked persons and organizations get"
                " sameAs links to its articles (and DBpedia for a Wikipedia). A dump names its"
                " own wiki.",
            ),
            click.option(
                "--source-name",
                metavar="NAME",
                help="Name of the source of the texts, shown by the site and VoID (default:"
                " the dump's site name; 'Wikipedia' for the seed text formats).",
            ),
            click.option(
                "--licence",
                metavar="IRI",
                help="Licence of the texts, an IRI (default: CC BY-SA 4.0 for Wikimedia wikis"
                " and the seed text formats; none stated otherwise).",
            ),
            click.option(
                "--max-dump-bytes",
                type=click.IntRange(min=1),
                default=None,
                help="Stop reading an XML dump after this many bytes of XML"
                " (default 128 GiB; a .bz2 is counted expanded).",
            ),
        ]
    ):
        command = option(command)
    return command


def make_options(
    wiki: str | None,
    source_name: str | None,
    licence: str | None,
    max_dump_bytes: int | None,
) -> SourceOptions:
    """The :class:`SourceOptions` of the command line."""
    from histkg.model import WikiSite
    from histkg.sources import SourceOptions, wiki_option
    from histkg.sources.mediawiki import DEFAULT_MAX_BYTES, merge_site

    site = None
    if wiki is not None:
        try:
            site = wiki_option(wiki)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="'--wiki'") from None
    if licence is not None and not licence.startswith(("http://", "https://")):
        raise click.BadParameter("give the licence's IRI (https://…)", param_hint="'--licence'")
    if source_name is not None or licence is not None:
        given = WikiSite(
            name=(source_name or "").strip(),
            licence=licence or "",
            licence_name=LICENCE_NAMES.get(licence or "", licence or ""),
        )
        site = merge_site(site, given) if site is not None else given
    return SourceOptions(site=site, max_dump_bytes=max_dump_bytes or DEFAULT_MAX_BYTES)


def engine_options(command: F) -> F:
    """--jobs, --engine, --scheduler, --cache-dir, --no-cache, --max-document-bytes, --strict."""
    for option in reversed(
        [
            click.option(
                "--jobs",
                "-j",
                type=click.IntRange(min=1),
                default=None,
                help="Worker processes for extraction and SHACL validation (default: the"
                " number of cores, fewer for a small corpus). The output is the same for any"
                " number.",
            ),
            click.option(
                "--engine",
                type=click.Choice(["local", "dask"]),
                default="local",
                show_default=True,
                help="Run extraction in local worker processes, or as tasks on dask.distributed"
                " (a LocalCluster of --jobs workers, or the cluster of --scheduler).",
            ),
            click.option(
                "--scheduler",
                metavar="tcp://HOST:PORT",
                help="Address of a running Dask scheduler (with --engine dask).",
            ),
            click.option(
                "--cache-dir",
                type=click.Path(path_type=Path),
                default=None,
                help="Folder of the extraction cache (default: $HISTKG_CACHE_DIR, else"
                " $XDG_CACHE_HOME/histkg, else ~/.cache/histkg).",
            ),
            click.option(
                "--no-cache",
                is_flag=True,
                help="Extract every document again; read and write no cache.",
            ),
            click.option(
                "--max-document-bytes",
                type=click.IntRange(min=1),
                default=None,
                help="Skip a document larger than this many bytes with warning W808"
                " (default 8 MiB).",
            ),
            click.option(
                "--strict",
                is_flag=True,
                help="Fail (exit 2) on a document larger than --max-document-bytes instead of"
                " skipping it.",
            ),
        ]
    ):
        command = option(command)
    return command


class DocumentBar:
    """A progress bar over the documents extracted, with their rate and the time left;
    opened when the first document is done (the total is known then), shown only on a
    terminal."""

    def __init__(self, show: bool) -> None:
        self.show = show
        self.bar: Any = None
        self.started = 0.0
        self.first = 0

    def __call__(self, done: int, total: int) -> None:
        import time

        if not self.show or total < 2:
            return
        if self.bar is None:  # the rate counts from the first document done
            self.started = time.monotonic()
            self.first = done
            self.bar = click.progressbar(
                length=total,
                label="extracting",
                file=sys.stderr,
                show_eta=True,
                show_pos=True,
                item_show_func=lambda rate: rate,
            )
            self.bar.__enter__()
        elapsed = time.monotonic() - self.started
        rate = f"{(done - self.first) / elapsed:.1f} docs/s" if done > self.first else ""
        self.bar.update(done - self.bar.pos, rate)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


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
@source_options
@engine_options
def build(
    inputs: tuple[Path, ...],
    out_dir: Path,
    base_iri: str,
    no_store: bool,
    force: bool,
    quiet: bool,
    wiki: str | None,
    source_name: str | None,
    licence: str | None,
    max_dump_bytes: int | None,
    jobs: int | None,
    engine: str,
    scheduler: str | None,
    cache_dir: Path | None,
    no_cache: bool,
    max_document_bytes: int | None,
    strict: bool,
) -> None:
    """Build the graph of INPUTS (article files, .wikitext files, MediaWiki XML exports or
    dumps (.xml, .xml.bz2), or folders of them; default seeds/).

    A build that would replace a graph in --out with one of less than half its triples
    (or with no person, tenure or event at all) is refused unless --force is given.
    Extraction runs in --jobs worker processes (or on a Dask cluster with --engine dask)
    and its results are cached per document, so a rebuild reads only what changed.

    \b
    Example:
      histkg build seeds/ --out output/ --base-iri https://example.org/id/
      histkg build enwiki-pages-articles.xml.bz2 --out output/ --jobs 8
      histkg build articles/ --wiki en.wikipedia.org
      histkg build articles/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from histkg.cache import default_folder
    from histkg.engines import EngineOptions
    from histkg.outdir import stage, writer_lock
    from histkg.pipeline import build as run_build
    from histkg.pipeline import (
        check_replace,
        collector_paused,
        render,
        warning_lines,
        write_outputs,
    )
    from histkg.stores.oxigraph import STORE_DIR, write_store

    if not base_iri.endswith(("/", "#")):
        raise click.BadParameter("must end with '/' or '#'", param_hint="'--base-iri'")
    if scheduler is not None and engine != "dask":
        raise click.BadParameter("needs --engine dask", param_hint="'--scheduler'")
    options = make_options(wiki, source_name, licence, max_dump_bytes)
    if max_document_bytes is not None:
        options.max_document_bytes = max_document_bytes
    options.strict = strict
    paths = list(inputs) or [Path("seeds")]
    engine_options = EngineOptions(engine=engine, jobs=jobs or 0, scheduler=scheduler)
    folder = None if no_cache else (cache_dir or default_folder())

    bar = DocumentBar(not quiet and sys.stderr.isatty())
    try:
        with collector_paused():
            result = run_build(
                paths,
                base_iri=base_iri,
                progress=bar,
                options=options,
                engine=engine_options,
                cache_dir=folder,
            )
    finally:
        bar.close()
    stage("built")

    def store(staging: Path) -> None:
        write_store(staging / "graph.nq", staging / STORE_DIR)

    with writer_lock(out_dir):  # one writer at a time, from the check to the swap
        if not force:
            check_replace(result, out_dir)
        with collector_paused():
            rendered = render(result)
        written = write_outputs(rendered, out_dir, None if no_store else store)
    if not quiet:
        for line in warning_lines(result.warnings):
            click.echo(f"warning: {line}", err=True)
        for s in result.summaries:
            found = ", ".join(
                plural(n, noun)
                for n, noun in ((s.persons, "person"), (s.tenures, "tenure"), (s.events, "event"))
            )
            click.echo(f"read {s.path}: {found} ({plural(s.words, 'word')} of prose)", err=True)
        stats = ", ".join(plural(v, k.removesuffix("s")) for k, v in result.stats.items())
        click.echo(f"built {stats}", err=True)
        if folder is not None:
            click.echo(
                f"extracted {plural(result.extracted, 'document')},"
                f" {result.reused} from the cache in {folder}",
                err=True,
            )
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
@source_options
def publish(
    inputs: tuple[Path, ...],
    out_dir: Path,
    base_iri: str,
    force: bool,
    quiet: bool,
    wiki: str | None,
    source_name: str | None,
    licence: str | None,
    max_dump_bytes: int | None,
) -> None:
    """Write the static linked-data site of INPUTS (default seeds/): a page per resource
    with its Turtle, JSON-LD and N-Triples, indexes, search, timeline, VoID, dumps, sitemap.

    \b
    Example:
      histkg publish seeds/ --out output/site/
      histkg serve --site output/site/
    """
    from histkg import __version__
    from histkg.outdir import stage, writer_lock
    from histkg.pipeline import build as run_build
    from histkg.pipeline import check_replace, inputs_date, replace_folder
    from histkg.publish.site import build_site
    from histkg.serialize import to_trig
    from histkg.sources import article_paths

    if not base_iri.endswith("/"):
        raise click.BadParameter("must end with '/'", param_hint="'--base-iri'")
    options = make_options(wiki, source_name, licence, max_dump_bytes)
    paths = list(inputs) or [Path("seeds")]
    files = article_paths(paths)
    result = run_build(paths, base_iri=base_iri, options=options)
    stage("built")
    with writer_lock(out_dir):
        if not force:
            check_replace(result, out_dir)
        site = build_site(
            result.graph,
            to_trig(result.dataset),
            result.articles,
            base_iri,
            __version__,
            inputs_date(files),
            result.sites,
        )
        replace_folder(site, out_dir)
    if not quiet:
        pages = sum(1 for name in site if name.endswith(".html"))
        click.echo(
            f"published {plural(pages, 'page')}, {plural(len(site), 'file')} to {out_dir}",
            err=True,
        )
