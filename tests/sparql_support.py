"""Helpers for the SPARQL endpoint tests: real on-disk stores, a real uvicorn, the W3C data.

The stores are built here (not from the seeds) so the endpoint tests do not depend on
extraction: the W3C protocol data files are loaded under the graph names the protocol
manifest uses (``http://kasei.us/2009/09/sparql/data/dataN.rdf``, no network), plus a
small synthetic graph for counting and explosive queries.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat

from tests.conftest import SHARED, serve_app

W3C = SHARED / "w3c-rdf-tests" / "sparql" / "sparql11"
PROTOCOL_DIR = W3C / "protocol"
KASEI = "http://kasei.us/2009/09/sparql/data/"
TOKEN = "s3cret-token-for-tests"
EX = "http://example.org/"
SYNTHETIC_GRAPH = EX + "graph/synthetic"
SYNTHETIC_SIZE = 400


def protocol_graphs() -> dict[str, Path]:
    """Graph IRI → local file for the W3C protocol data (data1.nt ... data3.nt)."""
    return {f"{KASEI}data{i}.rdf": PROTOCOL_DIR / f"data{i}.nt" for i in (1, 2, 3)}


def synthetic_quads(n: int = SYNTHETIC_SIZE) -> list[Quad]:
    g = NamedNode(SYNTHETIC_GRAPH)
    quads = []
    for i in range(n):
        s = NamedNode(f"{EX}item/{i}")
        quads.append(Quad(s, NamedNode(EX + "value"), Literal(i), g))
        quads.append(Quad(s, NamedNode(EX + "label"), Literal(f"item {i}", language="en"), g))
    return quads


def build_store(path: Path, *, synthetic: int = SYNTHETIC_SIZE) -> Any:
    """A fresh on-disk GraphStore with the W3C protocol graphs and the synthetic graph."""
    from stancegraph.graph.store import GraphStore

    store = GraphStore(path)
    for iri, file in protocol_graphs().items():
        store.load_rdf(file.read_bytes(), RdfFormat.N_TRIPLES, graph=iri)
    if synthetic:
        store.raw.bulk_extend(synthetic_quads(synthetic))
    store.flush()
    return store


@contextmanager
def sparql_server(path: Path, **overrides: Any) -> Iterator[str]:
    """A real uvicorn on 127.0.0.1 serving the app over a fresh store at ``path``."""
    from stancegraph.api.app import create_app
    from stancegraph.settings import Settings

    synthetic = overrides.pop("synthetic", SYNTHETIC_SIZE)
    store = build_store(path, synthetic=synthetic)
    settings = Settings(store=path).replace(**overrides)
    with serve_app(create_app(settings, store=store)) as base:
        yield base


def ask_value(content_type: str, body: bytes) -> bool:
    """The boolean of an ASK result in any SPARQL results format."""
    from pyoxigraph import QueryResultsFormat, parse_query_results

    fmt = QueryResultsFormat.from_media_type(content_type)
    assert fmt is not None, f"not a SPARQL results type: {content_type}"
    return bool(parse_query_results(body, format=fmt))
