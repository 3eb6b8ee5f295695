"""The SPARQL 1.1 endpoint at ``/sparql``: query, update and service description.

- Protocol (https://www.w3.org/TR/sparql11-protocol/): request forms in
  :mod:`~stancegraph.api.protocol`, content negotiation in
  :mod:`~stancegraph.api.negotiation`, the service description in
  :mod:`~stancegraph.api.service_description`.
- Safety: :mod:`~stancegraph.api.safety` refuses SERVICE/LOAD and oversized input before
  anything is parsed by the store; updates and uploads need ``allow_update`` and the bearer
  token (:mod:`~stancegraph.api.update`, :mod:`~stancegraph.api.upload`).
- Execution: :mod:`~stancegraph.api.workers` runs queries in worker processes over the
  on-disk store, killed at the deadline (503), and :mod:`~stancegraph.api.execution`
  serializes results with pyoxigraph within ``max_results`` (else an explicit error).

Without a dataset in the request or the query (``FROM``), the default graph is the union
of the named graphs when ``settings.union_default_graph`` is on (``sd:UnionDefaultGraph``).
Relative IRIs resolve against the endpoint URL (the service's base IRI).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI, Request, Response

from stancegraph.api.deps import RunnerDep, SettingsDep, StoreDep
from stancegraph.api.execution import QueryFailed, QueryJob
from stancegraph.api.negotiation import RESULTS_OFFERS, negotiate_graph, negotiate_results
from stancegraph.api.protocol import Operation, parse_operation
from stancegraph.api.safety import authorize, check_operation, has_dataset_clause
from stancegraph.api.service_description import DESCRIPTION_OFFERS, render
from stancegraph.api.update import add_using, run_update
from stancegraph.api.workers import ProcessQueryPool, QueryPool, ThreadQueryPool
from stancegraph.errors import NotAcceptableError, QueryError, ResultLimitError, StancegraphError
from stancegraph.graph import namespaces as ns
from stancegraph.settings import Settings

log = logging.getLogger("stancegraph.api.sparql")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """One query pool per app: worker processes for an on-disk store, threads otherwise."""
    store, settings = app.state.store, app.state.settings
    pool: QueryPool
    if store.path is not None and settings.sparql_processes > 0:
        pool = ProcessQueryPool(store, settings.sparql_processes)
    else:
        pool = ThreadQueryPool(store, app.state.runner)
    app.state.query_pool = pool
    try:
        yield
    finally:
        await pool.close()


router = APIRouter(lifespan=lifespan)  # tags per route: the included upload routes keep their own

from stancegraph.api import upload  # noqa: E402 - the upload routes share this router's lifespan

router.include_router(upload.router)


def endpoint_url(request: Request, settings: Settings) -> str:
    """The endpoint's IRI: ``public_url`` + /sparql, or the URL the client used."""
    if settings.public_url:
        return settings.public_url.rstrip("/") + "/sparql"
    return str(request.url.replace(query="", fragment="")).rstrip("?")


def _raise_failure(exc: QueryFailed, accept: str | None) -> None:
    if exc.kind == "syntax":
        raise QueryError(f"the query does not parse: {exc.message}") from exc
    if exc.kind == "not-acceptable":
        raise NotAcceptableError(f"{exc.message} (Accept: {(accept or '*/*')[:200]})") from exc
    if exc.kind == "too-many":
        raise ResultLimitError(
            exc.message, detail="add LIMIT and OFFSET to page through the results, or aggregate"
        ) from exc
    if exc.kind == "evaluation":
        raise QueryError(f"the query cannot be evaluated: {exc.message}") from exc
    log.error("query failed inside the store: %s", exc.message)
    raise StancegraphError("the query failed inside the store") from exc


async def _check(text: str, settings: Settings, what: str) -> None:
    """The safety checks; in a thread unless the text is short (the rdflib pass can take a while)."""
    if len(text) <= 2000 and not _MENTIONS.search(text):
        check_operation(text, settings, what=what)
    else:
        await asyncio.to_thread(check_operation, text, settings, what=what)


_MENTIONS = re.compile(r"service|load|\\[uU]", re.IGNORECASE)


async def _query(request: Request, op: Operation, settings: Settings, endpoint: str) -> Response:
    await _check(op.text, settings, "query")
    accept = request.headers.get("accept")
    results_format = negotiate_results(accept, op.format_params)
    graph_format = negotiate_graph(accept, op.format_params)
    if results_format is None and graph_format is None:
        raise NotAcceptableError(
            "no acceptable result format",
            detail="results: " + ", ".join(RESULTS_OFFERS[:4]) + "; graphs: text/turtle, application/n-triples, "
            "application/rdf+xml, application/ld+json, application/n-quads, application/trig, text/n3",
        )
    pool: QueryPool = request.app.state.query_pool
    job = QueryJob(
        query=op.text,
        base_iri=endpoint,
        default_graphs=op.default_graphs,
        named_graphs=op.named_graphs,
        union_default_graph=settings.union_default_graph and not has_dataset_clause(op.text),
        prefixes=ns.PREFIXES,
        results_format=results_format.media_type if results_format else None,
        graph_format=graph_format.media_type if graph_format else None,
        max_results=settings.max_results,
    )
    try:
        body, media = await pool.run(job, settings.query_timeout)
    except QueryFailed as exc:
        _raise_failure(exc, accept)
        raise
    return Response(body, media_type=media, headers={"Vary": "Accept"})


async def _update(request: Request, op: Operation, store: StoreDep, settings: Settings, endpoint: str) -> Response:
    authorize(request, settings)
    await _check(op.text, settings, "update")
    text = add_using(op.text, op.default_graphs, op.named_graphs)
    await run_update(store, request.app.state.query_pool, text, endpoint)
    return Response(status_code=204)


_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"description": "Query results, or the service description when there is no query."},
    204: {"description": "The update was applied."},
    400: {"description": "Malformed request, syntax error, or a refused SERVICE/LOAD."},
    401: {"description": "An update without the bearer token."},
    403: {"description": "Updates are disabled or the token is wrong."},
    406: {"description": "No acceptable format for this result type."},
    413: {"description": "Query or body over its size limit."},
    415: {"description": "POST with another media type than the protocol allows."},
    503: {"description": "Deadline passed, result over max_results, or no worker free."},
}


@router.get(
    "/sparql",
    operation_id="sparql_get",
    tags=["sparql"],
    summary="SPARQL 1.1 Protocol: query by GET, or the service description without a query",
    responses=_RESPONSES,
)
@router.post(
    "/sparql",
    operation_id="sparql_post",
    tags=["sparql"],
    summary="SPARQL 1.1 Protocol: query or update by POST (form, sparql-query, sparql-update)",
    responses=_RESPONSES,
)
async def sparql(request: Request, store: StoreDep, settings: SettingsDep, runner: RunnerDep) -> Response:
    """Run a SPARQL query or update, or describe the service (GET without a query)."""
    op = await parse_operation(request, settings)
    endpoint = endpoint_url(request, settings)
    if op.kind == "update":
        return await _update(request, op, store, settings, endpoint)
    if op.kind == "query":
        return await _query(request, op, settings, endpoint)
    fmt = negotiate_graph(request.headers.get("accept"), op.format_params, DESCRIPTION_OFFERS)
    if fmt is None:
        raise NotAcceptableError("the service description is available as " + ", ".join(DESCRIPTION_OFFERS[:5]))
    graphs = await runner.run(lambda: sorted(store.named_graphs()))
    body = render(endpoint, settings, fmt, graphs)
    return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})
