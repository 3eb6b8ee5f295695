"""Dataset-level linked data: VoID, the SPARQL examples, and the full dumps.

- ``/.well-known/void``: a void:Dataset with its endpoint, dumps, licence, vocabularies,
  URI space and triple count (computed from the store on each request);
- ``/.well-known/sparql-examples``: every query of queries/ in the SIB sparql-examples
  convention (sh:SPARQLExecutable + sh:SPARQLSelectExecutable, sh:select, rdfs:comment,
  schema:target), so tools that read that convention list them for our endpoint;
- ``/dump.nq`` and ``/dump.trig``: the whole dataset with its named graphs, streamed from
  the store's own serializer, with the licence in a ``Link: rel="license"`` header.

Everything is built as pyoxigraph triples and serialized by pyoxigraph.
"""

from __future__ import annotations

import asyncio
import queue
import re
import threading
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import StreamingResponse
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple

from stancegraph.api import conneg
from stancegraph.api.deps import RunnerDep, SettingsDep, StoreDep
from stancegraph.api.describe import serialize_triples
from stancegraph.errors import NotFoundError
from stancegraph.graph import namespaces as ns
from stancegraph.graph.querying import NamedQuery, catalog
from stancegraph.graph.store import GraphStore
from stancegraph.settings import Settings

router = APIRouter()  # tagged "linked data" by resources.router, which includes it

#: The SIB convention uses the https schema.org namespace for schema:target / keywords.
SCHEMA_HTTPS = "https://schema.org/"
RDF_FORMATS = (conneg.TURTLE, conneg.JSONLD, conneg.NTRIPLES)
DUMPS = {"nq": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG}


def base_url(request: Request, settings: Settings) -> str:
    """Public base URL of this server: the configured one, else the request's."""
    return (settings.public_url or str(request.base_url)).rstrip("/")


def _n(value: str) -> NamedNode:
    return NamedNode(value)


def _rdf_response(triples: list[Triple], request: Request, extra: dict[str, str] | None = None) -> Response:
    fmt = conneg.choose(request.headers.get("accept"), offered=RDF_FORMATS, default=conneg.TURTLE)
    assert fmt.rdf is not None
    headers = {"Vary": "Accept", **(extra or {})}
    body = serialize_triples(triples, fmt.rdf, {"sh": ns.SH, "foaf": ns.FOAF})
    return Response(body, media_type=fmt.media_type, headers=headers)


def void_triples(store: GraphStore, base: str, license_iri: str) -> list[Triple]:
    """The VoID description of the dataset served at ``base`` (runs in a store thread)."""
    ds = _n(f"{base}/.well-known/void#dataset")
    rdf_type, void, dct = _n(ns.RDF + "type"), ns.VOID, ns.DCTERMS
    t = [
        Triple(ds, rdf_type, _n(void + "Dataset")),
        Triple(ds, _n(dct + "title"), Literal("stancegraph", language="en")),
        Triple(
            ds,
            _n(dct + "description"),
            Literal(
                "Who said what about negotiating an end to the war in Ukraine: statements with speaker, date, "
                "stance, conditions and evidence, extracted from news articles.",
                language="en",
            ),
        ),
        Triple(ds, _n(dct + "license"), _n(license_iri)),
        Triple(ds, _n(void + "sparqlEndpoint"), _n(f"{base}/sparql")),
        Triple(ds, _n(void + "uriSpace"), Literal(ns.ID)),
        Triple(ds, _n(void + "triples"), Literal(str(len(store)), datatype=_n(ns.XSD + "integer"))),
        Triple(ds, _n(ns.FOAF + "homepage"), _n(f"{base}/")),
        Triple(ds, _n(void + "rootResource"), _n(ns.ONTOLOGY_IRI)),
        Triple(ds, _n(void + "exampleResource"), _n(ns.ID + "stance/ready")),
    ]
    for ext in DUMPS:
        t.append(Triple(ds, _n(void + "dataDump"), _n(f"{base}/dump.{ext}")))
    for vocab in (ns.ONTOLOGY_IRI, ns.SCHEMA, ns.PROV, ns.SKOS, ns.DCTERMS, ns.OA):
        t.append(Triple(ds, _n(void + "vocabulary"), _n(vocab)))
    for cls in ("Statement", "Article", "EvidenceSpan"):
        rows = store.select(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a sg:{cls} }}")
        part = _n(f"{base}/.well-known/void#{cls}")
        t += [
            Triple(ds, _n(void + "classPartition"), part),
            Triple(part, _n(void + "class"), _n(ns.SG + cls)),
            Triple(
                part, _n(void + "entities"), Literal(str(rows[0]["n"] if rows else 0), datatype=_n(ns.XSD + "integer"))
            ),
        ]
    return t


@router.get("/.well-known/void", summary="VoID description of the dataset")
async def void(request: Request, store: StoreDep, runner: RunnerDep, settings: SettingsDep) -> Response:
    triples = await runner.run(void_triples, store, base_url(request, settings), settings.license_iri)
    return _rdf_response(triples, request, {"Link": f'<{settings.license_iri}>; rel="license"'})


_FORM = re.compile(r"^\s*(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", re.IGNORECASE | re.MULTILINE)
_EXEC = {
    "SELECT": ("SPARQLSelectExecutable", "select"),
    "CONSTRUCT": ("SPARQLConstructExecutable", "construct"),
    "ASK": ("SPARQLAskExecutable", "ask"),
    "DESCRIBE": ("SPARQLDescribeExecutable", "describe"),
}


def example_text(query: NamedQuery) -> str:
    """The query as a standalone text: PREFIX lines for the prefixes it uses, then the body."""
    body = "\n".join(line for line in query.text.splitlines() if not line.startswith("#")).strip()
    prefixes = {"sgid": ns.ID, **ns.PREFIXES}
    used = [p for p in prefixes if re.search(rf"(?<![\w<]){re.escape(p)}:", body)]
    head = "".join(f"PREFIX {p}: <{prefixes[p]}>\n" for p in used)
    return head + "\n" + body + "\n"


def example_triples(base: str, queries: list[NamedQuery]) -> list[Triple]:
    """The queries as SHACL SPARQL executables, per the SIB sparql-examples convention."""
    sh, rdf_type = ns.SH, _n(ns.RDF + "type")
    prefixes_node = _n(f"{base}/.well-known/sparql-examples/prefixes")
    t: list[Triple] = []
    for p, value in {"sgid": ns.ID, **ns.PREFIXES}.items():
        decl = _n(f"{base}/.well-known/sparql-examples/prefixes#{p}")
        t += [
            Triple(prefixes_node, _n(sh + "declare"), decl),
            Triple(decl, _n(sh + "prefix"), Literal(p)),
            Triple(decl, _n(sh + "namespace"), Literal(value, datatype=_n(ns.XSD + "anyURI"))),
        ]
    for q in queries:
        node = _n(f"{base}/.well-known/sparql-examples/{q.name}")
        text = example_text(q)
        m = _FORM.search(text)
        cls, prop = _EXEC[m.group(1).upper() if m else "SELECT"]
        t += [
            Triple(node, rdf_type, _n(sh + "SPARQLExecutable")),
            Triple(node, rdf_type, _n(sh + cls)),
            Triple(node, _n(ns.RDFS + "label"), Literal(q.title, language="en")),
            Triple(node, _n(ns.RDFS + "comment"), Literal(q.description or q.title, language="en")),
            Triple(node, _n(sh + prop), Literal(text)),
            Triple(node, _n(sh + "prefixes"), prefixes_node),
            Triple(node, _n(SCHEMA_HTTPS + "target"), _n(f"{base}/sparql")),
        ]
        for param in q.parameters:
            t.append(Triple(node, _n(SCHEMA_HTTPS + "keywords"), Literal(f"parameter:{param}")))
    return t


@router.get("/.well-known/sparql-examples", summary="The researcher queries as SPARQL examples (SHACL)")
async def sparql_examples(request: Request, settings: SettingsDep) -> Response:
    return _rdf_response(example_triples(base_url(request, settings), catalog()), request)


@router.get("/.well-known/sparql-examples/{name}", summary="One SPARQL example")
async def sparql_example(name: str, request: Request, settings: SettingsDep) -> Response:
    found = [q for q in catalog() if q.name == name]
    if not found:
        raise NotFoundError(f"no SPARQL example {name[:80]!r}")
    return _rdf_response(example_triples(base_url(request, settings), found), request)


class _QueueWriter:
    """A file-like sink for the store's serializer that hands chunks to the response."""

    def __init__(self, chunks: queue.Queue[bytes | None], cancelled: threading.Event, size: int = 1 << 16) -> None:
        self._chunks, self._cancelled, self._size = chunks, cancelled, size
        self._buffer = bytearray()

    def write(self, data: bytes) -> int:
        self._buffer += data
        if len(self._buffer) >= self._size:
            self._put(bytes(self._buffer))
            self._buffer.clear()
        return len(data)

    def flush(self) -> None:
        if self._buffer:
            self._put(bytes(self._buffer))
            self._buffer.clear()

    def _put(self, chunk: bytes) -> None:
        while True:
            if self._cancelled.is_set():
                raise BrokenPipeError("the client went away")
            try:
                self._chunks.put(chunk, timeout=0.5)
                return
            except queue.Full:
                continue


@router.get("/dump.{ext}", summary="The whole dataset (N-Quads or TriG), streamed, with its licence")
async def dump(ext: str, store: StoreDep, runner: RunnerDep, settings: SettingsDep) -> StreamingResponse:
    """Every quad with its named graph, streamed as the store serializes it."""
    fmt = DUMPS.get(ext)
    if fmt is None:
        raise NotFoundError(f"no dump .{ext[:20]} (nq or trig)")
    chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=16)
    cancelled = threading.Event()
    notice = (f"# stancegraph dump; licence: <{settings.license_iri}>; vocabulary: <{ns.ONTOLOGY_IRI}>\n").encode()

    def produce() -> None:
        writer = _QueueWriter(chunks, cancelled)
        try:
            writer._put(notice)
            store.dump(writer, fmt)  # type: ignore[arg-type]
            writer.flush()
        finally:
            if not cancelled.is_set():
                chunks.put(None)

    task = asyncio.ensure_future(runner.run(produce, timeout=settings.dump_timeout))

    async def next_chunk() -> bytes | None:
        while True:
            try:
                return await asyncio.to_thread(chunks.get, True, 0.25)
            except queue.Empty:
                if task.done():
                    task.result()  # re-raises what stopped the dump
                    return None

    first = await next_chunk()  # errors before the first byte (busy server) still get a JSON answer

    async def stream() -> AsyncIterator[bytes]:
        try:
            chunk = first
            while chunk is not None:
                yield chunk
                chunk = await next_chunk()
            await task
        finally:
            cancelled.set()
            # a client that went away stops the dump (BrokenPipeError in the worker): not an error
            task.add_done_callback(lambda t: t.cancelled() or t.exception())

    headers: dict[str, Any] = {
        "Link": f'<{settings.license_iri}>; rel="license"',
        "Content-Disposition": f'attachment; filename="stancegraph.{ext}"',
    }
    return StreamingResponse(stream(), media_type=fmt.media_type, headers=headers)
