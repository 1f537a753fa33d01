"""The order of the stages.

sources -> extract -> resolve -> mint/assemble -> validate -> serialize.
"""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph

from histkg.assemble import Assembly, assemble, merged_graph
from histkg.cache import ExtractionCache
from histkg.engines import EngineOptions, extract_plan, validation_jobs
from histkg.errors import CodedWarning, RefusedError
from histkg.extract import plan_corpus
from histkg.mint import DEFAULT_BASE
from histkg.model import Article, Text, WikiSite
from histkg.outdir import carry_over, new_staging, stage, swap_in, unwritable, write_files
from histkg.resolve import Resolution, resolve
from histkg.serialize import RdfFormat, to_jsonld, to_ntriples, to_turtle
from histkg.serialize.blocks import BlockCache
from histkg.serialize.named import graphs_of, nquads_of, trig_of, union_ntriples
from histkg.sources import SourceOptions, article_paths, read_sources
from histkg.validate import Report, validate
from histkg.validate.result_cache import ResultCache
from histkg.vocab import HKG

#: a document with at least this many words of prose and no tenure or event is reported
SILENT_DOCUMENT_WORDS = 200
#: a build that keeps less than this share of the triples of the graph it would replace
#: is refused (unless forced): its inputs are most likely not the ones meant
SHRINK_FLOOR = 0.5


@dataclass(frozen=True)
class DocumentSummary:
    """What a build read from one document."""

    path: str
    words: int  # words of prose (infobox and headings left out)
    persons: int
    tenures: int
    events: int

    def __str__(self) -> str:
        return (
            f"{self.path}: {self.persons} persons, {self.tenures} tenures, {self.events} events"
            f" ({self.words} words of prose)"
        )


@dataclass
class BuildResult:
    """Everything a build produced."""

    articles: list[Article]
    #: each document's graph: its triples, and the rdflib ``Dataset`` made when asked for
    assembly: Assembly
    graph: Graph
    report: Report
    warnings: list[CodedWarning] = field(default_factory=list)
    summaries: list[DocumentSummary] = field(default_factory=list)
    #: where the documents come from (source name, licence), each once, in input order
    sites: list[WikiSite] = field(default_factory=list)
    #: documents extracted by this build, and taken from the extraction cache
    extracted: int = 0
    reused: int = 0
    #: the cache folder of the build (its TriG blocks are written from there); None: none
    cache_dir: Path | None = None

    @property
    def dataset(self) -> Dataset:
        """One named graph per document (made the first time it is asked for)."""
        return self.assembly.dataset

    def count(self, cls: str) -> int:
        from rdflib import RDF

        return len(set(self.graph.subjects(RDF.type, HKG[cls])))

    @property
    def stats(self) -> dict[str, int]:
        return {
            "documents": len(self.articles),
            "triples": len(self.graph),
            "quads": sum(len(triples) for triples in self.assembly.triples.values()),
            "persons": self.count("Person"),
            "organizations": self.count("Organization"),
            "offices": self.count("Office"),
            "tenures": self.count("Tenure"),
            "events": self.count("Event"),
            "works": self.count("Work"),
            "warnings": len(self.warnings),
            "violations": len(self.report.violations),
        }


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the length of a build, and the objects
    that exist before it (modules, tables, the model once loaded) never scanned.

    A build makes millions of objects that live until it ends (parses, records, terms);
    the collector would walk them again and again, for about 4 % of a build's time,
    finding little. It is turned back on (and the objects unfrozen) when the block ends.
    """
    enabled = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


def build(
    inputs: list[Path] | None = None,
    base_iri: str = DEFAULT_BASE,
    progress: Callable[[int, int], None] | None = None,
    options: SourceOptions | None = None,
    engine: EngineOptions | None = None,
    cache_dir: Path | None = None,
) -> BuildResult:
    """Build the knowledge graph of the articles under ``inputs`` (default ``seeds/``).

    Args:
        inputs: article files or folders of them.
        base_iri: where resources are minted (``{base}{kind}/{slug}``).
        progress: ``progress(done, total)`` as documents are extracted.
        options: the wiki, source name and licence of the inputs, the size limits.
        engine: where extraction runs (:mod:`histkg.engines`; default: in this process).
        cache_dir: the folder of the extraction cache (:mod:`histkg.cache`) and of the SHACL
            results (:mod:`histkg.validate.result_cache`); None: no cache.

    Raises:
        SourceError: an input cannot be read (missing, empty, binary, not UTF-8, bad infobox).
    """
    paths = article_paths(inputs or [Path("seeds")])
    sources = read_sources(paths, options)
    articles = sources.articles
    plan = plan_corpus(articles)
    done = [0]

    def tick(n: int) -> None:
        done[0] += n
        if progress:
            progress(done[0], len(articles))

    cache = ExtractionCache(cache_dir) if cache_dir is not None else None
    engine_options = engine or EngineOptions()
    run = extract_plan(plan, engine_options, cache, tick)
    corpus = run.corpus
    resolution = resolve(corpus)
    assembly = assemble(resolution, base_iri)
    graph = merged_graph(assembly)
    results = ResultCache(cache_dir) if cache_dir is not None else None
    report = validate(graph, jobs=validation_jobs(engine_options, len(graph)), cache=results)
    summaries = summarize(articles, resolution)
    silent = [
        CodedWarning(
            "W701",
            summary.path,
            1,
            f"{summary.words} words of prose but no tenure and no event read: the rules"
            " may not know this kind of text (see docs/architecture.md, 'What histkg reads')",
        )
        for summary in summaries
        if summary.words >= SILENT_DOCUMENT_WORDS and not summary.tenures and not summary.events
    ]
    cached = results.warnings if results is not None else []
    warnings = sorted(sources.warnings + corpus.warnings + resolution.warnings + silent + cached)
    return BuildResult(
        articles,
        assembly,
        graph,
        report,
        warnings,
        summaries,
        sources.sites,
        extracted=run.extracted,
        reused=run.reused,
        cache_dir=cache_dir,
    )


def warning_lines(warnings: list[CodedWarning]) -> list[str]:
    """The warnings to print, one line each: repeats of one warning (same file, code and
    message, on other lines) counted on the line of the first, not printed one by one."""
    first: dict[tuple[str, str, str], CodedWarning] = {}
    count: dict[tuple[str, str, str], int] = {}
    for warning in warnings:
        key = (warning.path, warning.code, warning.message)
        first.setdefault(key, warning)
        count[key] = count.get(key, 0) + 1
    lines = []
    for key, warning in first.items():
        more = count[key] - 1
        lines.append(f"{warning} (and {more} more like it)" if more else str(warning))
    return lines


def summarize(articles: list[Article], resolution: Resolution) -> list[DocumentSummary]:
    """Persons, tenures and events each document states, in input order."""
    kinds: dict[str, dict[str, set[str]]] = {}
    for st in resolution.statements:
        if (
            st.prop == "type"
            and isinstance(st.value, Text)
            and st.value.value
            in {
                "Person",
                "Tenure",
                "Event",
            }
        ):
            kinds.setdefault(st.doc, {}).setdefault(st.value.value, set()).add(st.subject.key)
    out = []
    for article in articles:
        found = kinds.get(article.doc_id, {})
        words = sum(len(article.text[b.begin : b.end].split()) for b in article.blocks)
        out.append(
            DocumentSummary(
                str(article.path),
                words,
                len(found.get("Person", ())),
                len(found.get("Tenure", ())),
                len(found.get("Event", ())),
            )
        )
    return out


def render(result: BuildResult) -> dict[str, bytes]:
    """The bytes of every output file.

    N-Quads, TriG and N-Triples are written from the assembled triples of each document's
    graph, their rows made once (the merged graph is their union, as :func:`build` makes
    it: its N-Triples are their rows, each once, when the counts agree; else it is written
    itself); with a cache folder, TriG takes the blocks of unchanged graphs from it
    (:mod:`histkg.serialize.blocks`), and a bad entry's ``W811`` joins ``result.warnings``.
    """
    graphs = graphs_of(result.assembly.triples)
    blocks = BlockCache(result.cache_dir) if result.cache_dir is not None else None
    ntriples = union_ntriples(graphs)
    if ntriples.count(b"\n") != len(result.graph):
        ntriples = to_ntriples(result.graph)
    files = {
        RdfFormat.TURTLE.filename: to_turtle(result.graph),
        RdfFormat.NTRIPLES.filename: ntriples,
        RdfFormat.NQUADS.filename: nquads_of(graphs),
        RdfFormat.TRIG.filename: trig_of(graphs, blocks),
        RdfFormat.JSONLD.filename: to_jsonld(result.graph),
        "shacl-report.ttl": to_turtle(result.report.graph),
    }
    if blocks is not None and blocks.warnings:
        result.warnings = sorted(result.warnings + blocks.warnings)
    return files


def previous_triples(out_dir: Path) -> int | None:
    """How many triples the graph in ``out_dir`` has (its sorted N-Triples dump,
    ``graph.nt``, or a site's ``graph.nt.gz``); None when there is none."""
    import gzip

    for name, opener in (("graph.nt", open), ("graph.nt.gz", gzip.open)):
        path = out_dir / name
        if path.is_file():
            try:
                with opener(path, "rb") as handle:
                    return sum(1 for line in handle if line.strip())
            except (OSError, EOFError):
                return None
    return None


def check_replace(result: BuildResult, out_dir: Path) -> None:
    """Refuse to replace the graph in ``out_dir`` with one that has far fewer facts.

    Raises:
        RefusedError: the new graph has less than :data:`SHRINK_FLOOR` of the triples of
            the graph it would replace, or no person, organization, office, tenure, event
            or work at all while the old graph had more triples.
    """
    old = previous_triples(out_dir)
    if not old:
        return
    new = len(result.graph)
    stats = result.stats
    kinds = ("persons", "organizations", "offices", "tenures", "events", "works")
    facts = sum(stats[k] for k in kinds)
    if new >= old * SHRINK_FLOOR and (facts or new >= old):
        return
    names = [a.path.name for a in result.articles]
    read = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
    documents = f"{len(names)} document" + ("" if len(names) == 1 else "s")
    found = ", ".join(
        f"{stats[k]} {k if stats[k] != 1 else k[:-1]}" for k in ("persons", "tenures", "events")
    )
    raise RefusedError(
        f"{out_dir}: the new graph would replace {old:,} triples with {new:,}"
        f" ({100 * new // old} %): read {documents} ({read}), found {found};"
        " nothing written; check the inputs, or pass --force to replace it"
    )


def write_outputs(
    files: dict[str, bytes], out_dir: Path, store: Callable[[Path], object] | None = None
) -> list[Path]:
    """Replace ``out_dir`` with a folder holding ``files``, in one step.

    The files are written into a staging folder beside ``out_dir``; ``store(staging)``
    then adds the embedded store (from ``staging/graph.nq``); whatever else ``out_dir``
    holds (a site, a store not rebuilt) is carried over; the staging folder is then
    swapped in (:mod:`histkg.outdir`). A failure or a kill at any point leaves ``out_dir``
    as it was. Hold :func:`histkg.outdir.writer_lock` around it when other processes may
    write the same folder.

    Raises:
        OutputError: ``out_dir`` is a file, or its folder cannot be written.
    """
    staging = new_staging(out_dir)
    try:
        write_files(staging, files)
        stage("staged")
        if store is not None:
            store(staging)
        stage("stored")
        carry_over(out_dir, staging)
        stage("carried")
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise unwritable(out_dir, exc) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, out_dir)
    return [out_dir / name for name in files]


def replace_folder(files: dict[str, bytes], out_dir: Path) -> None:
    """Write ``files`` (relative path -> bytes) as the whole of ``out_dir``, in one step:
    into a staging folder first, then swapped in place of the old one.

    Raises:
        OutputError: ``out_dir`` is a file, or its folder cannot be written.
    """
    staging = new_staging(out_dir)
    try:
        write_files(staging, files)
        stage("staged")
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise unwritable(out_dir, exc) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, out_dir)


def inputs_date(files: list[Path]) -> str | None:
    """The build date from the inputs, so the site is reproducible: $SOURCE_DATE_EPOCH, else
    the date of the last commit that touched the inputs, else none."""
    import datetime
    import subprocess

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date().isoformat()
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", *map(str, files)],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None
