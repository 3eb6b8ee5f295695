"""Graph uploads: a small subset of the SPARQL 1.1 Graph Store HTTP Protocol at ``/store``.

https://www.w3.org/TR/sparql11-http-rdf-update/ (indirect graph identification):
``PUT /store?graph=IRI`` replaces the graph, ``POST`` adds to it, ``DELETE`` drops it;
``?default`` addresses the default graph. The body is one RDF graph in a format pyoxigraph
reads (Turtle, N-Triples, RDF/XML, JSON-LD, N3), named by ``Content-Type``.

Like SPARQL Update, uploads need ``allow_update`` and the bearer token. The body is read
with the ``max_upload_bytes`` limit (413), RDF/XML is checked for DOCTYPE/ENTITY
declarations *before* it reaches the parser (billion laughs), and the whole payload is
parsed before anything is written, so a bad upload never costs data already stored.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, parse

from stancegraph.api.deps import RunnerDep, SettingsDep, StoreDep
from stancegraph.api.protocol import media_type, read_body
from stancegraph.api.safety import authorize, check_rdf_xml
from stancegraph.api.update import write
from stancegraph.errors import InputError, NotFoundError, UnsupportedMediaTypeError, UploadError

router = APIRouter(tags=["graph store"])

GRAPH_TYPES = (RdfFormat.TURTLE, RdfFormat.N_TRIPLES, RdfFormat.RDF_XML, RdfFormat.JSON_LD, RdfFormat.N3)


def _target(request: Request) -> NamedNode | DefaultGraph:
    params = request.query_params
    graphs = params.getlist("graph")
    if "default" in params and not graphs:
        return DefaultGraph()
    if len(graphs) != 1 or "default" in params:
        raise InputError("name exactly one graph: ?graph=<absolute IRI> or ?default")
    try:
        return NamedNode(graphs[0])
    except ValueError as exc:
        raise InputError(f"graph: {graphs[0][:200]!r} is not an absolute IRI") from exc


def _parse(body: bytes, fmt: RdfFormat, target: NamedNode | DefaultGraph, base: str) -> list[Quad]:
    try:
        quads = [
            Quad(q.subject, q.predicate, q.object, target) if isinstance(q.graph_name, DefaultGraph) else q
            for q in parse(body, format=fmt, base_iri=base)
        ]
    except SyntaxError as exc:
        raise UploadError(f"the {fmt.name} payload does not parse: {exc}") from exc
    if any(q.graph_name != target for q in quads):
        raise UploadError("the payload names graphs; send one graph (Turtle, N-Triples, RDF/XML, JSON-LD)")
    return quads


@router.put("/store", operation_id="graph_store_put", summary="Replace a graph (token needed)")
@router.post("/store", operation_id="graph_store_post", summary="Add to a graph (token needed)")
@router.delete("/store", operation_id="graph_store_delete", summary="Drop a graph (token needed)")
async def graph_store(request: Request, store: StoreDep, runner: RunnerDep, settings: SettingsDep) -> Response:
    """SPARQL 1.1 Graph Store HTTP Protocol (PUT, POST, DELETE) for one graph; needs the token."""
    authorize(request, settings)
    target = _target(request)
    pool = request.app.state.query_pool
    raw = store.raw

    if request.method == "DELETE":

        def drop() -> bool:
            if isinstance(target, DefaultGraph):
                raw.clear_graph(target)
                return True
            if not raw.contains_named_graph(target):
                return False
            raw.remove_graph(target)
            return True

        if not await write(store, pool, drop):
            raise NotFoundError(f"no graph {target}")
        return Response(status_code=204)

    media, _ = media_type(request)
    fmt = RdfFormat.from_media_type(media) if media else None
    if fmt not in GRAPH_TYPES:
        raise UnsupportedMediaTypeError("send one RDF graph as " + ", ".join(f.media_type for f in GRAPH_TYPES))
    assert fmt is not None
    body = await read_body(request, settings.max_upload_bytes)
    if fmt == RdfFormat.RDF_XML:
        check_rdf_xml(body)
    base = target.value if isinstance(target, NamedNode) else str(request.url.replace(query=""))
    quads = await runner.run(_parse, body, fmt, target, base)
    replace = request.method == "PUT"

    def store_quads() -> bool:
        existed = isinstance(target, DefaultGraph) or raw.contains_named_graph(target)
        if replace and existed:
            if isinstance(target, DefaultGraph):
                raw.clear_graph(target)
            else:
                raw.remove_graph(target)
        if quads:
            raw.bulk_extend(quads)
        return existed

    existed = await write(store, pool, store_quads)
    return Response(status_code=204 if existed else 201)
