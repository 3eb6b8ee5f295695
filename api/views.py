"""The HTML views: home, lists, and the page of every minted IRI (what /id/... serves to browsers).

Why server-side Jinja with autoescape: every string on these pages may come from an
article (names, headlines, quotes), so escaping is on for every template and every
value; links are built only from our own IRIs or from http(s) URLs. The pages load only
our own /static/style.css and /static/app.js, as the Content-Security-Policy demands
(no inline script or style, no CDN).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from importlib.resources import files
from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse, HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyoxigraph import NamedNode, Triple

from stancegraph import __version__
from stancegraph.api import params as check
from stancegraph.api.deps import PagesDep, RunnerDep, SettingsDep, StoreDep
from stancegraph.api.named import iri, select
from stancegraph.errors import NotFoundError
from stancegraph.graph import namespaces as ns
from stancegraph.graph.querying import store_stats
from stancegraph.graph.store import GraphStore

router = APIRouter(tags=["html"], include_in_schema=False)

WEB = files("stancegraph.api").joinpath("web")
_STATIC = re.compile(r"^[a-z0-9_-]{1,60}\.(css|js|svg)$")
_MEDIA = {"css": "text/css", "js": "text/javascript", "svg": "image/svg+xml"}
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'{}|\\^`]+$")


def page_url(value: object) -> str | None:
    """Where a link to this IRI should go: our page for minted IRIs, the URL for http(s) ones."""
    text = str(value or "")
    if text.startswith(ns.ID):
        return f"/doc/{text[len(ns.ID) :]}.html"
    if text.startswith(ns.ONTOLOGY_IRI):
        return "/ontology"
    if _SAFE_URL.match(text):
        return text
    return None


def short(value: object) -> str:
    """A prefixed name for an IRI (``sgid:actor/x``), else the text itself."""
    text = str(value or "")
    for prefix, base in (("sgid", ns.ID), *ns.PREFIXES.items()):
        if text.startswith(base) and len(text) > len(base):
            return f"{prefix}:{text[len(base) :]}"
    return text


def code_of(value: object) -> str:
    """The code of a stance or condition IRI (``.../stance/ready`` → ``ready``)."""
    text = str(value or "")
    return text.rsplit("/", 1)[-1] if "/id/" in text else text


def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(WEB.joinpath("templates"))),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["page"] = page_url
    env.filters["short"] = short
    env.filters["code"] = code_of
    env.globals["version"] = __version__
    return env


ENV = _env()


def render(name: str, status: int = 200, headers: dict[str, str] | None = None, **context: Any) -> HTMLResponse:
    """A template rendered with autoescape, as an HTML response."""
    return HTMLResponse(ENV.get_template(name).render(**context), status_code=status, headers=headers)


@router.get("/static/{name}")
async def static(name: str) -> FileResponse:
    """Our own CSS, JS and icon (a fixed folder, names checked: nothing else is reachable)."""
    m = _STATIC.match(name)
    path = WEB.joinpath("static").joinpath(name)
    if not m or not path.is_file():
        raise NotFoundError(f"no static file {name!r}")
    return FileResponse(str(path), media_type=_MEDIA[m.group(1)], headers={"Cache-Control": "public, max-age=3600"})


@router.get("/", response_class=HTMLResponse)
async def home(store: StoreDep, runner: RunnerDep, settings: SettingsDep) -> HTMLResponse:
    """Counts and the ways in: actors, statements, conditions, SPARQL, API docs, dumps."""
    stats = await runner.run(store_stats, store)
    actors = await runner.run(select, store, "actors", None, 15)
    return render("home.html", title="Home", stats=stats, actors=actors, license=settings.license_iri)


@router.get("/browse/actors", response_class=HTMLResponse)
async def actors_page(store: StoreDep, runner: RunnerDep) -> HTMLResponse:
    rows = await runner.run(select, store, "actors")
    return render("actors.html", title="Actors", actors=rows)


@router.get("/browse/conditions", response_class=HTMLResponse)
async def conditions_page(store: StoreDep, runner: RunnerDep) -> HTMLResponse:
    conditions = await runner.run(select, store, "conditions")
    stances = await runner.run(select, store, "stances")
    by_side = await runner.run(select, store, "conditions-by-side")
    return render(
        "conditions.html", title="Conditions and stances", conditions=conditions, stances=stances, by_side=by_side
    )


@router.get("/browse/statements", response_class=HTMLResponse)
async def statements_page(
    store: StoreDep,
    runner: RunnerDep,
    settings: SettingsDep,
    pages: PagesDep,
    cursor: str | None = Query(None),
) -> HTMLResponse:
    """All statements, one page at a time (the same keyset pages as the REST API)."""
    after = check.decode_cursor(cursor) if cursor else None
    size = settings.page_size
    rows = await runner.run(pages.page, store, {}, after, size)
    next_cursor = (
        check.encode_cursor(rows[size - 1]["dateKey"], rows[size - 1]["statement"]) if len(rows) > size else None
    )
    return render("statements.html", title="Statements", statements=rows[:size], next_cursor=next_cursor)


def _v(term: object) -> str:
    """The lexical value of any term (IRI, literal, blank node)."""
    return str(getattr(term, "value", term))


def _objects(triples: list[Triple], subject: str, predicate: str) -> list[Any]:
    return [t.object for t in triples if _v(t.subject) == subject and _v(t.predicate) == predicate]


def _first(triples: list[Triple], subject: str, predicate: str) -> str | None:
    values = _objects(triples, subject, predicate)
    return min(_v(v) for v in values) if values else None


def _name(triples: list[Triple], node: str) -> str:
    for p in (ns.SKOS + "prefLabel", ns.SCHEMA + "name", ns.RDFS + "label"):
        if value := _first(triples, node, p):
            return value
    return short(node)


def _labels(triples: list[Triple]) -> dict[str, str]:
    """Each node's name as :func:`_name` gives it, for all nodes at once (one pass, not one per row)."""
    order = {ns.SKOS + "prefLabel": 0, ns.SCHEMA + "name": 1, ns.RDFS + "label": 2}
    best: dict[str, tuple[int, str]] = {}
    for t in triples:
        rank = order.get(_v(t.predicate))
        if rank is None:
            continue
        node, value = _v(t.subject), _v(t.object)
        if node not in best or (rank, value) < best[node]:
            best[node] = (rank, value)
    return {node: value for node, (_, value) in best.items()}


def _table(triples: list[Triple], subject: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Outgoing and incoming triples of ``subject``, with labels, for the generic page."""
    labels = _labels(triples)
    out, inc = [], []
    for t in triples:
        if _v(t.subject) == subject:
            o = t.object
            label = labels.get(_v(o)) or short(_v(o)) if isinstance(o, NamedNode) else _v(o)
            out.append({"p": _v(t.predicate), "o": _v(o), "iri": isinstance(o, NamedNode), "label": label})
        elif isinstance(t.object, NamedNode) and _v(t.object) == subject:
            node = _v(t.subject)
            inc.append({"s": node, "p": _v(t.predicate), "label": labels.get(node) or short(node)})
    out.sort(key=lambda r: (r["p"], r["label"]))
    inc.sort(key=lambda r: (r["p"], r["label"]))
    return out, inc


def resource_context(store: GraphStore, path: str, triples: list[Triple]) -> tuple[str, dict[str, Any]]:
    """Template and data for the page of ``/id/{path}`` (runs in a store worker thread)."""
    value = ns.ID + path
    kind = path.split("/", 1)[0]
    out, inc = _table(triples, value)
    ctx: dict[str, Any] = {"iri": value, "path": path, "title": _name(triples, value), "out": out, "inc": inc}
    if kind == "actor" and path.count("/") == 1:
        node = NamedNode(value)
        ctx["actor"] = (select(store, "actors", {"actor": node}) or [{}])[0]
        ctx["statements"] = select(store, "actor-statements", {"actor": node})
        ctx["timeline"] = _timeline(select(store, "timeline", {"actor": node}))
        ctx["stances"] = Counter(r["stance"] for r in ctx["statements"]).most_common()
        ctx["conditions"] = Counter(c for r in ctx["statements"] for c in (r["conditions"] or "").split()).most_common()
        return "actor.html", ctx
    if kind == "statement":
        ctx["speaker"] = _first(triples, value, ns.SG + "speaker")
        ctx["speaker_name"] = _name(triples, ctx["speaker"] or "")
        ctx["target"] = _first(triples, value, ns.SG + "target")
        ctx["target_name"] = _name(triples, ctx["target"]) if ctx["target"] else None
        ctx["stance"] = code_of(_first(triples, value, ns.SG + "stance"))
        ctx["date"] = _first(triples, value, ns.SG + "dateSaid")
        ctx["conditions"] = sorted(code_of(_v(o)) for o in _objects(triples, value, ns.SG + "condition"))
        ctx["offers"] = sorted(code_of(_v(o)) for o in _objects(triples, value, ns.SG + "offers"))
        ctx["evidence"] = select(store, "statement-articles", {"statement": NamedNode(value)})
        return "statement.html", ctx
    if kind in ("condition", "stance") and path.count("/") == 1:
        code = path.split("/", 1)[1]
        ctx["kind"] = kind
        ctx["code"] = code
        ctx["definition"] = _first(triples, value, ns.SKOS + "definition")
        ctx["statements"] = select(store, "statements", {kind: iri(kind, code)}, 500)
        ctx["setters"] = (
            select(store, "condition-setters", {"condition": NamedNode(value)}) if kind == "condition" else []
        )
        return "concept.html", ctx
    return "resource.html", ctx


def _timeline(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    months: dict[str, dict[str, int]] = defaultdict(dict)
    for r in rows:
        months[r["month"]][r["stance"]] = int(r["statements"])
    top = max((sum(v.values()) for v in months.values()), default=1)
    return [
        {"month": m, "stances": sorted(v.items()), "total": sum(v.values()), "max": top}
        for m, v in sorted(months.items())
    ]


def ontology_context(triples: list[Triple]) -> dict[str, Any]:
    """Our classes, properties and concept schemes, with labels and comments, for ontology.html."""
    types: dict[str, set[str]] = defaultdict(set)
    for t in triples:
        if _v(t.predicate) == ns.RDF + "type":
            types[_v(t.subject)].add(_v(t.object))

    def entries(kinds: set[str], prefix: str) -> list[dict[str, Any]]:
        rows = []
        for node, ts in types.items():
            if node.startswith(prefix) and ts & kinds:
                rows.append(
                    {
                        "iri": node,
                        "name": short(node),
                        "label": _first(triples, node, ns.RDFS + "label")
                        or _first(triples, node, ns.SKOS + "prefLabel"),
                        "comment": _first(triples, node, ns.RDFS + "comment")
                        or _first(triples, node, ns.SKOS + "definition"),
                        "kinds": sorted(short(k) for k in ts),
                    }
                )
        return sorted(rows, key=lambda r: r["name"])

    owl = ns.OWL
    return {
        "title": "Ontology",
        "iri": ns.ONTOLOGY_IRI,
        "description": _first(triples, ns.ONTOLOGY_IRI, ns.DCTERMS + "description"),
        "classes": entries({owl + "Class", ns.RDFS + "Class"}, ns.SG),
        "properties": entries(
            {owl + "ObjectProperty", owl + "DatatypeProperty", owl + "AnnotationProperty", ns.RDF + "Property"}, ns.SG
        ),
        "stances": entries({ns.SKOS + "Concept"}, ns.ID + "stance/"),
        "conditions": entries({ns.SKOS + "Concept"}, ns.ID + "condition/"),
        "alternates": [
            {"type": t, "href": f"/ontology.{e}"}
            for e, t in (("ttl", "text/turtle"), ("jsonld", "application/ld+json"), ("nt", "application/n-triples"))
        ],
    }
