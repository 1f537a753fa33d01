"""Person–document links that a document's text does not support (issue 8, item 10).

A *person–document link* is a person node with at least one triple in a document's named
graph. The link is *unsupported* when the document's text contains neither the person's
label (its full name) nor its family name (``hkg:familyName``, else the last word of the
label), as a whole word. Alternative labels are not counted: they are the very forms a
wrong merge brings in ("May" on "Sonny Mayo").

The corpus is WikiText-2's raw test split, cut into one file per `` = Title = `` line
(62 files, CRLF removed), the way the earlier throughput benchmark fed it:

    .venv/bin/python bench/person_links.py                # split, build, measure
    .venv/bin/python bench/person_links.py --graph /tmp/w2/graph.nq --articles /tmp/w2-articles

With ``--json`` the figures and every unsupported link are written as JSON.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "wikitext2" / "wiki.test.raw"
HKG = "https://w3id.org/histkg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
PERSON = HKG + "Person"
TITLE_RE = re.compile(r"^ = ([^=].*) = $")
QUAD_RE = re.compile(
    r'^(<[^>]*>|_:\S+) <([^>]*)> (<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[\w-]+|\^\^<[^>]*>)?)'
    r" <([^>]*)> \.$"
)


def split_corpus(raw: Path, out: Path) -> list[Path]:
    """One file per article title line; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    lines = raw.read_bytes().decode("utf-8").replace("\r", "").split("\n")
    articles: list[list[str]] = []
    for line in lines:
        if TITLE_RE.match(line):
            articles.append([])
        if articles:
            articles[-1].append(line)
    paths = []
    for n, body in enumerate(articles):
        title = TITLE_RE.match(body[0]).group(1)  # type: ignore[union-attr]
        slug = re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")[:40]
        path = out / f"{n:02d}_{slug}.txt"
        path.write_text("\n".join(body).rstrip() + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _literal(term: str) -> str:
    body = term[1 : term.rindex('"')]
    return json.loads('"' + body + '"')


def measure(graph: Path, articles: Path) -> dict[str, object]:
    """Count person–document links and the unsupported ones in an N-Quads file."""
    persons: set[str] = set()
    labels: dict[str, set[str]] = defaultdict(set)
    family: dict[str, set[str]] = defaultdict(set)
    in_graph: dict[str, set[str]] = defaultdict(set)  # document graph -> persons
    source: dict[str, str] = {}
    for line in graph.read_text(encoding="utf-8").splitlines():
        m = QUAD_RE.match(line)
        if m is None:
            continue
        s, p, o, g = m.groups()
        if p == RDF_TYPE and o == f"<{PERSON}>":
            persons.add(s)
        elif p == LABEL and o.startswith('"'):
            labels[s].add(_literal(o))
        elif p == HKG + "familyName":
            family[s].add(_literal(o))
        elif p == HKG + "sourceFile":
            source[g] = _literal(o)
        for term in (s, o):
            if term.startswith("<"):
                in_graph[g].add(term)
    texts = {g: (articles / name).read_text(encoding="utf-8") for g, name in source.items()}
    links = 0
    bad: list[dict[str, str]] = []
    for g, terms in sorted(in_graph.items()):
        text = texts.get(g)
        if text is None:
            continue
        for person in sorted(terms & persons):
            links += 1
            names = set(labels[person]) | family[person]
            names |= {label.split()[-1] for label in labels[person] if label.split()}
            if not any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text) for n in names):
                bad.append(
                    {
                        "document": source[g],
                        "person": person.strip("<>").rsplit("/", 1)[-1],
                        "label": " | ".join(sorted(labels[person])),
                    }
                )
    return {
        "documents": len(texts),
        "persons": len(persons),
        "links": links,
        "unsupported": len(bad),
        "share": round(len(bad) / links, 4) if links else 0.0,
        "unsupported_links": bad,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="wiki.test.raw")
    parser.add_argument("--articles", type=Path, default=Path("/tmp/w2-articles"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/w2"), help="build folder")
    parser.add_argument("--graph", type=Path, help="measure this graph.nq; do not build")
    parser.add_argument("--json", type=Path, help="write figures and bad links here")
    args = parser.parse_args()
    graph = args.graph
    if graph is None:
        split_corpus(args.corpus, args.articles)
        histkg = Path(sys.executable).parent / "histkg"
        subprocess.run(
            [str(histkg), "build", str(args.articles), "--out", str(args.out), "--no-store", "-q"],
            check=True,
        )
        graph = args.out / "graph.nq"
    result = measure(graph, args.articles)
    print(
        f"{result['documents']} documents, {result['persons']} persons, "
        f"{result['links']} person-document links, {result['unsupported']} unsupported "
        f"({100 * float(result['share']):.1f} %)"  # type: ignore[arg-type]
    )
    for row in result["unsupported_links"]:  # type: ignore[attr-defined]
        print(f"  {row['document']}: {row['person']} ({row['label']})")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
