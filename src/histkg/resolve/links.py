"""``sameAs`` links of persons and organizations a wikitext article links: the article of
the wiki (``schema:sameAs``) and, for a Wikipedia, its DBpedia resource (``owl:sameAs``).

A thing gets them when one of its names in the text is the shown text of a ``[[link]]``
(or the linked title itself), and all such links of the thing name one title; a thing
linked to several titles gets none and ``W806``.
"""

from __future__ import annotations

import re

from histkg.errors import CodedWarning
from histkg.extract import CorpusExtraction
from histkg.model import Article, Iri, Link, Span, WikiSite
from histkg.resolve.ledger import Ledger

#: Characters a title keeps percent-encoded in an IRI; all others (letters of any script
#: too: DBpedia's resources are IRIs, "Horst_Köhler") are written as they are.
UNSAFE = re.compile(r'[%?#"<>\\^`{|}\x00-\x20\x7f]')


def title_iri(base: str, title: str) -> str:
    """The IRI of a page: ``title_iri("http://dbpedia.org/resource/", "Horst Köhler 100%")``
    -> ``"http://dbpedia.org/resource/Horst_Köhler_100%25"``."""
    name = title.replace(" ", "_")
    return base + UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode()), name)


def _bare(text: str) -> str:
    return re.sub(r"^the\s+", "", re.sub(r"\s+", " ", text.strip()), flags=re.I).casefold()


def _link_at(article: Article, span: Span) -> Link | None:
    for link in article.links:
        if link.begin > span.begin:
            break
        if span.end <= link.end:
            named = _bare(article.text[span.begin : span.end])
            shown = _bare(article.text[link.begin : link.end])
            if named and (named == shown or named == _bare(link.target)):
                return link
    return None


def same_as(ledger: Ledger, corpus: CorpusExtraction) -> None:
    """Add the ``sameAs`` statements of every linked person and organization."""
    articles = {ex.article.doc_id: ex.article for ex in corpus.extractions}
    for ref in sorted(ledger.named_at):
        if ref.kind not in ("person", "org"):
            continue
        found: dict[tuple[WikiSite, str], list[str]] = {}
        for span in sorted(ledger.named_at[ref]):
            article = articles.get(span.doc_id)
            if article is None or article.site is None or not article.site.article_base:
                continue
            link = _link_at(article, span)
            if link is not None:
                docs = found.setdefault((article.site, link.target), [])
                if span.doc_id not in docs:
                    docs.append(span.doc_id)
        if not found:
            continue
        if len({title for _site, title in found}) > 1:
            first = min(found.values())[0]
            titles = ", ".join(sorted({title for _site, title in found}))
            ledger.warnings.append(
                CodedWarning(
                    "W806",
                    str(articles[first].path),
                    1,
                    f"{ref.key!r} is linked to several articles ({titles}); no sameAs made",
                )
            )
            continue
        for (site, title), docs in found.items():
            for doc in docs:
                ledger.add(ref, "schemaSameAs", Iri(title_iri(site.article_base, title)), doc)
                if site.dbpedia_base:
                    ledger.add(ref, "owlSameAs", Iri(title_iri(site.dbpedia_base, title)), doc)
