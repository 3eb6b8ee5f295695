"""The pipeline as stages with declared inputs and outputs; the CLI is a thin layer on top.

==========  =============================  ==============================================
stage       input                          output
==========  =============================  ==============================================
read        paths                          :class:`Article` (articles.read_articles)
extract     Article                        [:class:`Statement`] (extract.extract_statements)
dedup       [Article] (+ stored sketches)  {article id: id of the article it duplicates}
to_rdf      Article, [Statement]           [Quad] of the article's named graph (rdf.py)
load        {graph IRI: [Quad]}            the store (store.GraphStore.replace_graphs)
==========  =============================  ==============================================

Each stage is a pure function except ``load``; :func:`ingest` wires them and reads every
input before it writes anything, so a bad file stops the run with nothing changed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from pyoxigraph import NamedNode

from stancegraph.graph import dedup
from stancegraph.graph import namespaces as ns
from stancegraph.graph.articles import read_articles
from stancegraph.graph.rdf import Provenance, article_quads, now, speaker_iri, statement_iri
from stancegraph.graph.records import Article, Statement
from stancegraph.graph.store import GraphStore

Progress = Callable[[int], None]


def extractor_version() -> str:
    from stancegraph.graph.extract import EXTRACTOR_VERSION

    return str(EXTRACTOR_VERSION)


def extract(article: Article) -> list[Statement]:
    """Stage: one article → its statements, with each statement's graph IRI filled in."""
    from stancegraph.graph.extract import extract_statements

    return [replace(s, iri=statement_iri(s)) for s in extract_statements(article)]


def extract_many(
    articles: Sequence[Article], processes: int = 1, progress: Progress | None = None
) -> list[list[Statement]]:
    """Stage, in bulk: statements of each article, in order, on ``processes`` processes.

    The workers get the articles in chunks (a few per worker and round, so that pickling is
    not paid per article and the last round stays short) and start with the lexicon already
    compiled (:func:`~stancegraph.graph.extract.warm_up` before the fork, and as initializer)."""
    if processes <= 1 or len(articles) < 64:
        out = []
        for art in articles:
            out.append(extract(art))
            if progress:
                progress(1)
        return out
    from stancegraph.graph.extract import warm_up

    warm_up()  # before the fork: every worker inherits the compiled lexicon instead of compiling its own
    chunk = max(8, len(articles) // (processes * 8))
    results: list[list[Statement]] = []
    with ProcessPoolExecutor(max_workers=processes, initializer=warm_up) as pool:
        for stmts in pool.map(extract, articles, chunksize=chunk):
            results.append(stmts)
            if progress:
                progress(1)
    return results


def near_duplicates(articles: Sequence[Article], store: GraphStore | None = None) -> dict[str, str]:
    """Stage: which article nearly duplicates an earlier one (syndicated copies, rewrites).

    With ``store``, the originals already stored count too (by the sketches each article
    graph keeps), so a copy that arrives in a later run joins its original."""
    fresh = [dedup.fingerprint(a) for a in articles]
    known = stored_originals(store, {a.id for a in articles}) if store is not None else []
    return dedup.find_near_duplicates(fresh, known)


_STORED_ORIGINALS = """
SELECT ?id ?published ?shingles ?quotes WHERE {
  GRAPH ?g {
    ?a a sg:Article ; dcterms:identifier ?id ; sg:shingleSketch ?shingles ; sg:quoteSketch ?quotes .
    OPTIONAL { ?a schema:datePublished ?published }
    FILTER NOT EXISTS { ?a sg:nearDuplicateOf ?original }
  }
}"""

_STORED_STATEMENTS = """
SELECT DISTINCT ?g ?article ?statement ?speaker ?stance ?date WHERE {
  GRAPH ?g {
    ?statement sg:reportedIn ?article ; sg:speaker ?speaker ; sg:stance ?stance .
    OPTIONAL { ?statement sg:dateSaid ?date }
  }
} ORDER BY ?statement"""


def stored_originals(store: GraphStore, exclude: set[str]) -> list[dedup.Fingerprint]:
    """Fingerprints of the stored articles that are no copies, less those being re-ingested.

    A sketch that does not decode (edited by hand, say) leaves its article out of the
    comparison rather than failing the ingest."""
    out = []
    for row in store.select(_STORED_ORIGINALS):
        if row["id"] in exclude:
            continue
        try:
            shingles, quotes = dedup.decode_sketch(row["shingles"]), dedup.decode_sketch(row["quotes"])
            published = date.fromisoformat(row["published"]) if row["published"] else None
        except ValueError:
            continue
        out.append(dedup.Fingerprint(row["id"], published, shingles, quotes))
    return out


@dataclass(frozen=True)
class Anchor:
    """What :func:`consolidate` compares of an original's statement: its node and occasion."""

    iri: str
    speaker: str
    stance: str
    date: str | None


def _anchors(statements: Sequence[Statement]) -> list[Anchor]:
    return [Anchor(s.iri or "", speaker_iri(s.speaker), s.stance, s.date) for s in statements]


def stored_anchors(store: GraphStore, article_id: str) -> list[Anchor]:
    """The statements a stored article reports, as anchors a later copy can join."""
    rows = store.select(
        _STORED_STATEMENTS,
        {"g": NamedNode(ns.article_graph_iri(article_id)), "article": NamedNode(ns.article_iri(article_id))},
    )
    return [Anchor(r["statement"], r["speaker"], r["stance"].rsplit("/", 1)[-1], r["date"] or None) for r in rows]


def consolidate(
    articles: Sequence[Article],
    statements: Sequence[list[Statement]],
    duplicates: dict[str, str],
    stored: Callable[[str], list[Anchor]] | None = None,
) -> list[list[Statement]]:
    """Stage: a near-duplicate article's statements join the original's statement nodes.

    Statements already meet when speaker, stance, date and conditions agree (their IRIs
    are equal). A rewrite often words the same report a little differently, so the same
    statement comes out with one condition more or a date the copy leaves out; when the
    articles are known near-duplicates, a statement of the copy with the same speaker and
    stance as one of the original takes the original's IRI (one to one; equal or unknown
    dates first, then the same month): one node with two attestations, not two nodes.
    An original that is not among ``articles`` is read through ``stored`` (its anchors in
    the store), when given.
    """
    index = {art.id: n for n, art in enumerate(articles)}
    out = [list(stmts) for stmts in statements]
    for copy_id, original_id in duplicates.items():
        if copy_id not in index:
            continue
        if original_id in index:
            originals = _anchors(out[index[original_id]])
        elif stored is not None:
            originals = stored(original_id)
        else:
            continue
        copies = out[index[copy_id]]
        taken: dict[int, int] = {}  # copy position -> original position, one to one
        for loose in (False, True):  # exact (or unknown) dates first, then the same month
            for i, stmt in enumerate(copies):
                if i in taken:
                    continue
                for j, o in enumerate(originals):
                    if j in taken.values() or o.stance != stmt.stance:
                        continue
                    if o.speaker != speaker_iri(stmt.speaker):
                        continue
                    if _same_occasion(o.date, stmt.date, loose):
                        taken[i] = j
                        break
        merged = [_join(stmt, originals[taken[i]]) if i in taken else stmt for i, stmt in enumerate(copies)]
        out[index[copy_id]] = merged
    return out


def _join(copy: Statement, original: Anchor) -> Statement:
    """The copy's report of the original's statement: same node, same occasion.

    The node takes the original's date (even none): several copies may date an undated
    original differently, and a statement has one date (ontology/shapes.ttl)."""
    if not original.iri:
        return copy
    return replace(copy, iri=original.iri, date=original.date)


def _same_occasion(a: str | None, b: str | None, loose: bool) -> bool:
    """Dates that may name one occasion in two versions of a story: equal or one unknown;
    with ``loose``, also the same month (rewrites resolve "on Thursday" differently)."""
    return not a or not b or a == b or (loose and a[:7] == b[:7])


def extract_records(paths: Iterable[Path | str]) -> Iterator[Statement]:
    """``stancegraph extract``: every statement of every article, as records."""
    for article in read_articles(paths):
        yield from extract(article)


@dataclass
class IngestReport:
    """What an ingest did, for the CLI and for tests."""

    articles: int = 0
    ingested: int = 0
    unchanged: int = 0
    statements: int = 0
    quads_before: int = 0
    quads_after: int = 0
    duplicates: dict[str, str] = field(default_factory=dict)


def ingest(
    paths: Iterable[Path | str],
    store: GraphStore,
    *,
    force: bool = False,
    processes: int | None = None,
    progress: Progress | None = None,
    on_total: Callable[[int], None] | None = None,
) -> IngestReport:
    """Read, extract and load articles; an unchanged article (same text, same extractor) is skipped."""
    articles = list(read_articles(paths))  # every input is read (and validated) first
    by_id: dict[str, Article] = {}
    for art in articles:
        by_id[art.id] = art  # the last copy of an id wins, as a later file would
    articles = list(by_id.values())
    report = IngestReport(articles=len(articles), quads_before=len(store))
    version = extractor_version()
    todo = [
        a
        for a in articles
        if force or store.stored_hash(a.id) != a.content_hash or store.stored_extractor_version(a.id) != version
    ]
    report.unchanged = len(articles) - len(todo)
    if on_total:
        on_total(len(todo))
    dupes = near_duplicates(articles, store)
    report.duplicates = dupes
    started = now()
    n_proc = processes if processes is not None else min(os.cpu_count() or 1, 4)
    statements = consolidate(todo, extract_many(todo, n_proc, progress), dupes, lambda i: stored_anchors(store, i))
    prov = Provenance(extractor_version=version, started=started, ended=now())
    graphs = {
        ns.article_graph_iri(art.id): article_quads(art, stmts, prov, dupes.get(art.id))
        for art, stmts in zip(todo, statements, strict=True)
    }
    report.statements = sum(len(s) for s in statements)
    if graphs or len(store) == 0:
        store.load_reference_data()
    store.replace_graphs(graphs)
    report.ingested = len(graphs)
    report.quads_after = len(store)
    return report
