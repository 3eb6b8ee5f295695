"""Evaluating one user query and serializing its result, with the result-size limit.

This module runs inside the query worker processes (and in threads for in-memory
stores), so it imports nothing but the standard library and pyoxigraph.

Why the detour through TSV / N-Triples: the result must be serialized by Oxigraph (never
row by row in Python) *and* must not exceed ``max_results`` rows or triples, silently
truncated or not. Oxigraph serializes into a writer we give it; those two formats put
exactly one solution (after a header line) or one triple on each line, so the writer can
count newlines and abort the serialization as soon as the limit is passed (the query is
not evaluated further). A result within the limit is then, if another format was asked
for, re-serialized by Oxigraph from that lossless intermediate (``parse_query_results`` /
``parse`` then ``serialize``).

The format was negotiated for both result types up front; the one used is picked by the
type of the result (https://www.w3.org/TR/sparql11-protocol/#query-success).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import IO, Any, cast

from pyoxigraph import (
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
    parse,
    parse_query_results,
    serialize,
)


@dataclass(frozen=True)
class QueryJob:
    """Everything a worker needs to run one query (picklable)."""

    query: str
    base_iri: str | None = None
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    union_default_graph: bool = False
    prefixes: dict[str, str] = field(default_factory=dict)
    results_format: str | None = None  # media type for SELECT/ASK; None: not acceptable
    graph_format: str | None = None  # media type for CONSTRUCT/DESCRIBE; None: not acceptable
    max_results: int = 10_000
    generation: int = 0  # data version (bumped by every write)
    snapshot: str = ""  # the store checkpoint to read; a worker reopens when it changes


class QueryFailed(Exception):
    """A query that could not be answered; ``kind`` says how (mapped to HTTP by the caller)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(kind, message)
        self.kind = kind
        self.message = message


class _TooMany(Exception):
    pass


class _LineBudget:
    """A writer for Oxigraph's serializers that aborts past ``limit`` lines."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.lines = 0
        self.data = bytearray()

    def write(self, chunk: bytes) -> int:
        self.lines += chunk.count(b"\n")
        if self.lines > self.limit:
            raise _TooMany
        self.data += chunk
        return len(chunk)

    def flush(self) -> None:
        pass


_UNKNOWN_FUNCTION = re.compile(r"custom function <([^>]+)> is not supported")


def is_store_io_error(exc: BaseException) -> bool:
    """An error of the storage layer (files, RocksDB), not of the query."""
    text = str(exc)
    return isinstance(exc, OSError) or any(s in text for s in ("IO error", "Corruption", "No such file"))


def _unsupported_function(*args: Any) -> None:
    """An extension function we do not implement: an expression error (SPARQL §17.6)."""
    return None


def _query_kwargs(job: QueryJob) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"base_iri": job.base_iri, "prefixes": job.prefixes}
    if job.default_graphs is not None or job.named_graphs is not None:
        kwargs["default_graph"] = [NamedNode(g) for g in job.default_graphs or ()]
        kwargs["named_graphs"] = [NamedNode(g) for g in job.named_graphs or ()]
    elif job.union_default_graph:
        kwargs["use_default_graph_as_union"] = True
    return kwargs


def _serialize(result: Any, job: QueryJob) -> tuple[bytes, str]:
    if isinstance(result, QueryBoolean):
        fmt = QueryResultsFormat.from_media_type(job.results_format or "")
        if fmt is None:
            raise QueryFailed("not-acceptable", "no acceptable format for an ASK result")
        return result.serialize(format=fmt) or b"", fmt.media_type
    if isinstance(result, QuerySolutions):
        fmt = QueryResultsFormat.from_media_type(job.results_format or "")
        if fmt is None:
            raise QueryFailed("not-acceptable", "no acceptable format for a SELECT result")
        budget = _LineBudget(job.max_results + 1)  # the header line
        result.serialize(cast(IO[bytes], budget), format=QueryResultsFormat.TSV)
        data = bytes(budget.data)
        if fmt != QueryResultsFormat.TSV:
            data = parse_query_results(data, format=QueryResultsFormat.TSV).serialize(format=fmt) or b""
        return data, fmt.media_type
    rdf = RdfFormat.from_media_type(job.graph_format or "")
    if rdf is None:
        raise QueryFailed("not-acceptable", "no acceptable format for a CONSTRUCT or DESCRIBE result")
    budget = _LineBudget(job.max_results)
    result.serialize(cast(IO[bytes], budget), format=RdfFormat.N_TRIPLES)
    data = bytes(budget.data)
    if rdf != RdfFormat.N_TRIPLES:
        prefixes = job.prefixes if rdf in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.N3, RdfFormat.RDF_XML) else None
        triples = parse(data, format=RdfFormat.N_TRIPLES)
        data = serialize(triples, format=rdf, prefixes=prefixes) or b""
    return data, rdf.media_type


def execute(store: Store, job: QueryJob) -> tuple[bytes, str]:
    """Run ``job`` on ``store``; the serialized body and its media type, or QueryFailed."""
    functions: dict[NamedNode, Any] = {}
    for _ in range(16):
        try:
            result = store.query(job.query, custom_functions=functions or None, **_query_kwargs(job))
            return _serialize(result, job)
        except SyntaxError as exc:
            raise QueryFailed("syntax", str(exc)) from exc
        except _TooMany as exc:
            raise QueryFailed("too-many", f"the result has more than {job.max_results} rows or triples") from exc
        except RuntimeError as exc:
            if is_store_io_error(exc):
                raise
            unknown = _UNKNOWN_FUNCTION.search(str(exc))
            if unknown is None:
                raise QueryFailed("evaluation", str(exc)) from exc
            functions[NamedNode(unknown.group(1))] = _unsupported_function
        except ValueError as exc:
            raise QueryFailed("evaluation", str(exc)) from exc
    raise QueryFailed("evaluation", "the query calls too many unsupported functions")
