"""SPARQL 1.1 Protocol endpoint at /sparql (read-only first cut; see issue 4 for the full endpoint)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat

from stancegraph.api.deps import RunnerDep, SettingsDep, StoreDep
from stancegraph.errors import QueryError

router = APIRouter(tags=["sparql"])


@router.api_route("/sparql", methods=["GET", "POST"])
async def sparql(request: Request, store: StoreDep, runner: RunnerDep, settings: SettingsDep) -> Response:
    if request.method == "GET":
        query = request.query_params.get("query")
    else:
        form = await request.form()
        raw = form.get("query")
        query = raw if isinstance(raw, str) else None
    if not query:
        raise QueryError("missing 'query' parameter")

    def run() -> tuple[bytes, str]:
        try:
            result = store.query(query, use_default_graph_as_union=settings.union_default_graph)
        except SyntaxError as exc:
            raise QueryError(f"the query does not parse: {exc}") from exc
        if isinstance(result, (QuerySolutions, QueryBoolean)):
            fmt = QueryResultsFormat.JSON
        else:
            fmt = RdfFormat.TURTLE  # type: ignore[assignment]
        return result.serialize(format=fmt) or b"", fmt.media_type

    body, media = await runner.run(run)
    return Response(body, media_type=media)
