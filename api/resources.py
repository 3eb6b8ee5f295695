"""Linked data: every IRI the graph mints dereferences, and the ontology is served.

``https://w3id.org/stancegraph/id/{path}`` is redirected (by w3id) to ``/id/{path}`` here,
which answers 303 See Other to the document in the format the client accepts:
``/doc/{path}.html|.ttl|.jsonld|.nt`` (the IRI names the thing, the document describes
it: the httpRange-14 rule). Every response lists all formats in ``Link: rel="alternate"``
headers; an IRI the store does not know is a 404 JSON error. The descriptions are
CONSTRUCT results serialized by pyoxigraph (:mod:`stancegraph.api.describe`).
"""

from __future__ import annotations

import re

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from pyoxigraph import Triple

from stancegraph.api import conneg, views, wellknown
from stancegraph.api.deps import RunnerDep, StoreDep
from stancegraph.api.describe import describe, iri_for, ontology_triples, serialize_triples
from stancegraph.api.named import exists
from stancegraph.errors import NotFoundError
from stancegraph.graph import namespaces as ns

router = APIRouter(tags=["linked data"])
router.include_router(views.router)
router.include_router(wellknown.router)

#: Paths the IRI scheme can produce (namespaces.py): slugs, hashes, versions.
_PATH = re.compile(r"^[a-z][a-z0-9-]*(/[A-Za-z0-9][A-Za-z0-9._-]*){1,4}$")
_DOC = re.compile(r"^(?P<path>.+)\.(?P<ext>html|ttl|jsonld|nt)$")


def _check_path(path: str) -> str:
    if not _PATH.match(path) or ".." in path:
        raise NotFoundError(f"no resource {ns.ID}{path[:200]}")
    return path


def _links(path: str) -> str:
    return conneg.alternates({f.ext: f"/doc/{path}.{f.ext}" for f in conneg.FORMATS})


@router.get(
    "/id/{path:path}",
    summary="Dereference a minted IRI (303 to its document)",
    status_code=303,
    responses={
        303: {"description": "See Other: the document in the negotiated format."},
        404: {"description": "The store knows no such IRI."},
    },
)
async def dereference(path: str, request: Request, store: StoreDep, runner: RunnerDep) -> Response:
    """Redirect ``/id/{path}`` to ``/doc/{path}.{ext}`` by the Accept header."""
    _check_path(path)
    fmt = conneg.choose(request.headers.get("accept"), default=conneg.TURTLE)
    if not await runner.run(exists, store, iri_for(path)):
        raise NotFoundError(f"no resource {iri_for(path)}")
    return RedirectResponse(f"/doc/{path}.{fmt.ext}", status_code=303, headers={"Vary": "Accept", "Link": _links(path)})


@router.get("/doc/{doc:path}", summary="The description of a minted IRI in one format")
async def document(doc: str, request: Request, store: StoreDep, runner: RunnerDep) -> Response:
    """The resource's CONSTRUCT description as HTML, Turtle, JSON-LD or N-Triples."""
    m = _DOC.match(doc)
    if not m:
        raise NotFoundError(f"no document /doc/{doc[:200]} (expected /doc/<path>.html|ttl|jsonld|nt)")
    path, fmt = _check_path(m.group("path")), conneg.BY_EXT[m.group("ext")]
    value = iri_for(path)
    triples = await runner.run(describe, store, value)
    if not triples:
        raise NotFoundError(f"no resource {value}")
    headers = {"Link": f'{_links(path)}, <{value}>; rel="describes"'}
    if fmt.rdf is None:
        template, ctx = await runner.run(views.resource_context, store, path, triples)
        return views.render(template, headers=headers, alternates=_alt_list(path), **ctx)
    body = serialize_triples(triples, fmt.rdf)
    return Response(body, media_type=fmt.media_type, headers=headers)


def _alt_list(path: str) -> list[dict[str, str]]:
    return [{"type": f.media_type, "href": f"/doc/{path}.{f.ext}"} for f in conneg.FORMATS if f.rdf is not None]


@router.get("/ontology", summary="The stancegraph ontology (Turtle, JSON-LD, N-Triples or HTML)")
async def ontology(request: Request) -> Response:
    """Classes, properties and the stance and condition schemes, by the Accept header."""
    fmt = conneg.choose(request.headers.get("accept"), default=conneg.TURTLE)
    triples = list(ontology_triples())
    links = conneg.alternates({f.ext: f"/ontology.{f.ext}" for f in conneg.FORMATS})
    headers = {"Vary": "Accept", "Link": links}
    return _ontology_response(triples, fmt, headers)


@router.get("/ontology.{ext}", summary="The ontology in one format")
async def ontology_doc(ext: str) -> Response:
    fmt = conneg.BY_EXT.get(ext)
    if fmt is None:
        raise NotFoundError(f"no ontology document .{ext[:20]} (html, ttl, jsonld, nt)")
    links = conneg.alternates({f.ext: f"/ontology.{f.ext}" for f in conneg.FORMATS})
    return _ontology_response(list(ontology_triples()), fmt, {"Link": links})


def _ontology_response(triples: list[Triple], fmt: conneg.Format, headers: dict[str, str]) -> Response:
    if fmt.rdf is None:
        return views.render("ontology.html", headers=headers, **views.ontology_context(triples))
    return Response(serialize_triples(triples, fmt.rdf), media_type=fmt.media_type, headers=headers)
