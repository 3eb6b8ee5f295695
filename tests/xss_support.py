"""A store with hostile article text, for the escaping tests of the HTML views.

Two ways in, as in production: an article with script and attribute-breaking payloads in
its title, publisher and body goes through the real CLI ingest, and hand-made statements
(speaker name, description, evidence) go through the real RDF mapping into the store.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path

from stancegraph.graph import namespaces as ns

SCRIPT = "<script>alert(1)</script>"
ATTR = '"onmouseover=alert(2) x="'
IMG = "<img src=x onerror=alert(3)>"
ARTICLE_ID = "xss_article"
SPEAKER = f"Evil {SCRIPT} Speaker"


def write_xss_article(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = (
        f"Talks {SCRIPT} news\n\n"
        f"Vladimir Putin said on Monday that Russia is ready to negotiate with Ukraine {ATTR} {SCRIPT}.\n\n"
        f"Analysts {IMG} were not convinced.\n"
    )
    (folder / f"{ARTICLE_ID}.txt").write_text(text, encoding="utf-8")
    meta = {
        "title": f"Headline {SCRIPT} {ATTR}",
        "publisher": f"Publisher {IMG}",
        "published": "2023-05-01",
        "url": "javascript:alert(4)",
    }
    (folder / f"{ARTICLE_ID}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def add_hostile_statement(store_path: Path, folder: Path) -> str:
    """Hand-made statement with payloads in speaker name, description and evidence; returns its IRI."""
    from stancegraph.graph.articles import read_articles
    from stancegraph.graph.rdf import Provenance, article_quads, now, statement_iri
    from stancegraph.graph.records import Evidence, Speaker, Statement
    from stancegraph.graph.store import GraphStore

    article = next(iter(read_articles([folder])))
    start = article.text.index("Russia is ready")
    end = article.text.index("\n", start)
    speaker = Speaker(SPEAKER, "person", None, "Russia", description=f"a man who says {ATTR}")
    stmt = Statement(
        article.source,
        speaker,
        "ready",
        Evidence(article.text[start:end], start, end),
        "2023-05-01",
        ("neutrality",),
        (),
        "Ukraine",
        0.9,
        f"rules {SCRIPT}",
        article.id,
    )
    store = GraphStore(store_path)
    try:
        existing = list(store.quads(ns.article_graph_iri(article.id)))
        prov = Provenance("test", now(), now())
        quads = [*existing, *article_quads(article, [stmt], prov)]
        store.replace_graphs({ns.article_graph_iri(article.id): quads})
    finally:
        store.flush()
        del store
        gc.collect()  # release the store's lock before the server opens it
    return statement_iri(stmt)
