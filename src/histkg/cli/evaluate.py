"""``histkg evaluate``: score a build against hand-written gold files."""

from __future__ import annotations

from pathlib import Path

import click

from histkg.cli.app import main
from histkg.errors import OutputError


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
            raise OutputError(
                f"{json_out}: cannot write ({exc.strerror}); choose another --json path"
            ) from None
    for (path, gold), score in zip(gold_files, scores, strict=True):
        click.echo(f"{path}: {gold.name}")
        click.echo(ev.format_score(score, items=not quiet))
    if len(scores) > 1:
        click.echo(f"macro average over {len(scores)} gold files (each file weighs the same):")
        click.echo(ev.format_average(avg))
    if by_rule:
        click.echo("by rule (hkg:extractedBy):")
        click.echo(ev.format_rules(tallies))
