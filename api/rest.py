"""The researchers' REST API: /actors, /actors/{id}, /statements, /conditions, /timeline.

Each endpoint answers from one query of queries/ (see ``stancegraph queries``), so what the
API serves is what a researcher gets by running that query on the SPARQL endpoint. Every
parameter is validated first (:mod:`stancegraph.api.params`); /statements pages by keys (a
cursor on the (date, IRI) of the last row), so page 1000 costs what page 1 costs and rows
inserted meanwhile never shift a page.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from pyoxigraph import Literal

from stancegraph.api import params as check
from stancegraph.api.deps import PagesDep, RunnerDep, SettingsDep, StoreDep
from stancegraph.api.named import exists, iri, local_id, select
from stancegraph.api.rest_models import (
    Actor,
    ActorDetail,
    ActorRef,
    Condition,
    Count,
    Statement,
    StatementPage,
    Timeline,
    TimelinePoint,
)
from stancegraph.errors import InputError, NotFoundError
from stancegraph.graph import namespaces as ns
from stancegraph.graph.records import ACTOR_KINDS, CONDITIONS, STANCES
from stancegraph.graph.store import GraphStore

router = APIRouter(tags=["api"])

ActorId = Annotated[str, Path(description="Actor id: the last segment of its IRI.", examples=["vladimir-putin"])]


def actor_ref(value: str | None, name: str | None = None) -> ActorRef | None:
    if not value:
        return None
    return ActorRef(id=local_id(value, "actor"), iri=value, name=name)


def _actor(row: dict[str, Any]) -> Actor:
    aid = local_id(row["actor"], "actor") or row["actor"]
    return Actor(
        id=aid,
        iri=row["actor"],
        name=row.get("name"),
        kind=row.get("kind"),
        side=actor_ref(row.get("side"), row.get("sideName")),
        wikidata=row.get("wikidata"),
        description=row.get("description"),
        statements=int(row.get("statements") or 0),
        targeted=int(row.get("targeted") or 0),
        first_date=row.get("firstDate"),
        last_date=row.get("lastDate"),
        url=f"/actors/{aid}",
        html=f"/doc/actor/{aid}.html",
    )


def _statement(row: dict[str, Any]) -> Statement:
    sid = local_id(row["statement"], "statement") or row["statement"]
    return Statement(
        id=sid,
        iri=row["statement"],
        label=row.get("label"),
        date=row.get("date"),
        stance=local_id(row["stance"], "stance") or row["stance"],
        speaker=ActorRef(id=local_id(row["speaker"], "actor"), iri=row["speaker"], name=row.get("speakerName")),
        side=actor_ref(row.get("speakerSide"), row.get("speakerSideName")),
        conditions=sorted((row.get("conditions") or "").split()),
        target=actor_ref(row.get("target"), row.get("targetName")),
        articles=int(row.get("articles") or 0),
        html=f"/doc/statement/{sid}.html",
    )


def known_codes(store: GraphStore, kind: str) -> set[str]:
    """Codes of the shared vocabulary plus any the store's schemes or statements add."""
    base = set(STANCES if kind == "stance" else CONDITIONS)
    rows = select(store, "stances" if kind == "stance" else "conditions")
    return base | {r["code"] for r in rows if r.get("code")}


def resolve_actor(store: GraphStore, slug: str) -> str | None:
    """IRI of the actor with this id; for sides also a name slug ("russia" → the actor named Russia)."""
    direct = ns.actor_iri(slug)
    if exists(store, direct):
        return direct
    for row in select(store, "actors"):
        if row.get("name") and ns.slugify(row["name"]) == slug:
            return str(row["actor"])
    return None


async def _code_param(runner: RunnerDep, store: GraphStore, kind: str, value: str | None) -> str | None:
    if value is None:
        return None
    fixed = STANCES if kind == "stance" else CONDITIONS
    if value in fixed:
        return value
    known = await runner.run(known_codes, store, kind)
    return check.code(value, kind, known)


@router.get("/actors", response_model=list[Actor], summary="Actors with kind, side, Wikidata and counts")
async def list_actors(
    store: StoreDep,
    runner: RunnerDep,
    kind: Annotated[str | None, Query(description="Only actors of this kind.", examples=["person"])] = None,
) -> list[Actor]:
    """Every actor (query `actors`), most active speakers first."""
    if kind is not None and kind not in (*ACTOR_KINDS, "actor"):
        raise InputError(f"kind {kind!r} is not one of {', '.join((*ACTOR_KINDS, 'actor'))}")
    rows = await runner.run(select, store, "actors")
    return [_actor(r) for r in rows if kind is None or r.get("kind") == kind]


@router.get(
    "/actors/{actor_id}",
    response_model=ActorDetail,
    summary="One actor with its stances and conditions",
    responses={404: {"description": "No actor with this id."}},
)
async def get_actor(actor_id: ActorId, store: StoreDep, runner: RunnerDep) -> ActorDetail:
    """One actor (query `actors`) with counts per stance and condition (query `actor-statements`)."""
    check.slug(actor_id, "actor id")
    node = iri("actor", actor_id)
    rows = await runner.run(select, store, "actors", {"actor": node})
    if not rows:
        raise NotFoundError(f"no actor with id {actor_id!r}")
    said = await runner.run(select, store, "actor-statements", {"actor": node})
    stances = Counter(r["stance"] for r in said)
    conditions = Counter(c for r in said for c in (r.get("conditions") or "").split())
    base = _actor(rows[0])
    return ActorDetail(
        **base.model_dump(),
        stances=[Count(code=c, count=n) for c, n in stances.most_common()],
        conditions=[Count(code=c, count=n) for c, n in conditions.most_common()],
        statements_url=f"/statements?speaker={actor_id}",
        timeline_url=f"/timeline?actor={actor_id}",
    )


@router.get("/statements", response_model=StatementPage, summary="Statements, filtered, paginated by keys")
async def list_statements(
    request: Request,
    response: Response,
    store: StoreDep,
    runner: RunnerDep,
    settings: SettingsDep,
    pages: PagesDep,
    speaker: Annotated[str | None, Query(description="Speaker's actor id.", examples=["vladimir-putin"])] = None,
    side: Annotated[
        str | None, Query(description="Side (affiliation) as an actor id or name slug.", examples=["ukraine"])
    ] = None,
    stance: Annotated[str | None, Query(description="Stance code.", examples=["ready"])] = None,
    condition: Annotated[
        str | None, Query(description="A condition code it must name.", examples=["neutrality"])
    ] = None,
    since: Annotated[str | None, Query(description="Said on or after (YYYY-MM-DD or YYYY-MM).")] = None,
    until: Annotated[str | None, Query(description="Said on or before (YYYY-MM-DD or YYYY-MM).")] = None,
    source: Annotated[str | None, Query(description="Identifier of an article that reports it.")] = None,
    limit: Annotated[int | None, Query(ge=1, description="Page size (at most the server's max_page_size).")] = None,
    cursor: Annotated[str | None, Query(description="The next_cursor of the previous page.")] = None,
) -> StatementPage:
    """Statements (query `statements`) ordered by date then IRI; follow `next` for the next page."""
    size = limit or settings.page_size
    if size > settings.max_page_size:
        raise InputError(f"limit {size} is larger than the maximum page size {settings.max_page_size}")
    bound: dict[str, Any] = {}
    if speaker is not None:
        bound["speaker"] = iri("actor", check.slug(speaker, "speaker"))
    if side is not None:
        side_iri = await runner.run(resolve_actor, store, check.slug(side, "side"))
        if side_iri is None:
            raise InputError(f"side {side!r} is not a known actor id or name")
        bound["side"] = iri("actor", local_id(side_iri, "actor") or side)
    if (code := await _code_param(runner, store, "stance", stance)) is not None:
        bound["stance"] = iri("stance", code)
    if (code := await _code_param(runner, store, "condition", condition)) is not None:
        bound["condition"] = iri("condition", code)
    if since is not None:
        bound["since"] = Literal(check.iso_date(since, "since"))
    if until is not None:
        bound["until"] = Literal(check.iso_date(until, "until"))
    if since and until and since[: len(until)] > until[: len(since)]:
        raise InputError(f"since {since} is after until {until}")
    if source is not None:
        bound["source"] = Literal(check.source_id(source))
    after = check.decode_cursor(cursor) if cursor is not None else None
    rows = await runner.run(pages.page, store, bound, after, size)
    items = [_statement(r) for r in rows[:size]]
    next_cursor = next_url = None
    if len(rows) > size:
        last_row = rows[size - 1]
        next_cursor = check.encode_cursor(last_row["dateKey"], last_row["statement"])
        next_url = str(request.url.include_query_params(cursor=next_cursor, limit=size))
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    return StatementPage(items=items, limit=size, next_cursor=next_cursor, next=next_url)


@router.get("/conditions", response_model=list[Condition], summary="Condition codes with labels and counts")
async def list_conditions(store: StoreDep, runner: RunnerDep) -> list[Condition]:
    """Every condition code (query `conditions`), most often named first."""
    rows = await runner.run(select, store, "conditions")
    return [
        Condition(
            code=r["code"],
            iri=r["condition"],
            label=r.get("label"),
            definition=r.get("definition"),
            statements=int(r.get("statements") or 0),
            speakers=int(r.get("speakers") or 0),
            offered=int(r.get("offered") or 0),
            html=f"/doc/condition/{r['code']}.html",
        )
        for r in rows
    ]


@router.get(
    "/timeline",
    response_model=Timeline,
    summary="An actor's stances per month",
    responses={404: {"description": "No actor with this id."}},
)
async def timeline(
    store: StoreDep,
    runner: RunnerDep,
    actor: Annotated[str, Query(description="Actor id.", examples=["vladimir-putin"])],
) -> Timeline:
    """Dated statements of one actor counted per month and stance (query `timeline`)."""
    node = iri("actor", check.slug(actor, "actor"))
    rows = await runner.run(select, store, "actors", {"actor": node})
    if not rows:
        raise NotFoundError(f"no actor with id {actor!r}")
    points = await runner.run(select, store, "timeline", {"actor": node})
    return Timeline(
        actor=ActorRef(id=actor, iri=node.value, name=rows[0].get("name")),
        points=[TimelinePoint(month=p["month"], stance=p["stance"], statements=int(p["statements"])) for p in points],
    )
