"""Reading a SPARQL 1.1 Protocol request: which operation, its text, its dataset, its format.

The three ways to send a query (https://www.w3.org/TR/sparql11-protocol/#query-operation):
``GET ?query=``, ``POST`` of an ``application/x-www-form-urlencoded`` form, and ``POST``
of the query itself as ``application/sparql-query``; updates
(https://www.w3.org/TR/sparql11-protocol/#update-operation) come only by ``POST`` (form
``update=`` or ``application/sparql-update``). Anything else is a client error, as the
protocol's negative tests require: two ``query`` (or ``update``) values, a ``query`` and an
``update`` together, a POST without a media type or with another one (415), a body that
is not UTF-8, an update by GET. ``GET`` without a query asks for the service description
(https://www.w3.org/TR/sparql11-service-description/#accessing).

The dataset parameters (``default-graph-uri``/``named-graph-uri`` for queries,
``using-graph-uri``/``using-named-graph-uri`` for updates) are read from the URL and, for
forms, from the body too; each must be an absolute IRI (checked by pyoxigraph's
``NamedNode``). Bodies are read with a byte limit, so an oversized body is refused (413)
without being buffered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl

from fastapi import Request
from pyoxigraph import NamedNode

from stancegraph.api.negotiation import FORMAT_PARAMS
from stancegraph.errors import InputError, QueryError, TooLargeError, UnsupportedMediaTypeError
from stancegraph.settings import Settings

FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"


@dataclass(frozen=True)
class Operation:
    """One protocol request: a query, an update, or a request for the service description."""

    kind: Literal["query", "update", "description"]
    text: str = ""
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    format_params: tuple[str, ...] = ()

    @property
    def has_dataset(self) -> bool:
        return self.default_graphs is not None or self.named_graphs is not None


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refusing (413) past ``limit`` bytes without buffering the rest."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise TooLargeError(f"the request body is {declared} bytes; the limit is {limit}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLargeError(f"the request body is over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def media_type(request: Request) -> tuple[str, str | None]:
    """The request's media type (lower case, no parameters) and its charset, if given."""
    raw = request.headers.get("content-type", "")
    main, *params = (p.strip() for p in raw.split(";"))
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return main.lower(), charset


def _utf8(data: bytes, charset: str | None) -> str:
    if charset not in (None, "utf-8", "utf8"):
        raise UnsupportedMediaTypeError(f"the body must be UTF-8 encoded, not {charset}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError("the request body is not valid UTF-8") from exc


def _iris(values: list[str], name: str) -> tuple[str, ...]:
    for value in values:
        try:
            NamedNode(value)
        except ValueError as exc:
            raise InputError(f"{name}: {value[:200]!r} is not an absolute IRI") from exc
    return tuple(values)


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise QueryError(f"the request has {len(values)} '{name}' parameters; send exactly one")
    return values[0] if values else None


def _operation(kind: Literal["query", "update"], text: str, params: dict[str, list[str]]) -> Operation:
    if not text.strip():
        raise QueryError(f"the {kind} is empty")
    prefix = "" if kind == "query" else "using-"
    default = params.get(f"{prefix}graph-uri" if kind == "update" else "default-graph-uri")
    named = params.get(f"{prefix}named-graph-uri")
    formats = tuple(v for name in FORMAT_PARAMS for v in params.get(name, []))
    return Operation(
        kind,
        text,
        _iris(default, "default graph") if default else None,
        _iris(named, "named graph") if named else None,
        formats,
    )


def _multi(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, value in pairs:
        out.setdefault(name, []).append(value)
    return out


async def parse_operation(request: Request, settings: Settings) -> Operation:
    """Read the operation of a GET or POST request to the endpoint (see the module doc)."""
    url_params = _multi(list(request.query_params.multi_items()))
    if request.method == "GET":
        if "update" in url_params:
            raise QueryError("updates must be sent by POST (SPARQL 1.1 Protocol §2.2)")
        query = _one(url_params, "query")
        if query is None:
            return Operation(
                "description", format_params=tuple(v for name in FORMAT_PARAMS for v in url_params.get(name, []))
            )
        return _operation("query", query, url_params)

    media, charset = media_type(request)
    if not media:
        raise UnsupportedMediaTypeError(f"a POST needs a Content-Type: {FORM}, {QUERY_TYPE} or {UPDATE_TYPE}")
    query_limit = settings.max_query_length * 4 + 1024
    if media == FORM:
        body = await read_body(request, max(query_limit * 3, settings.max_upload_bytes))
        text = _utf8(body, charset)
        try:
            pairs = parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
        except (UnicodeDecodeError, ValueError) as exc:
            raise InputError("the form body is not valid UTF-8 url-encoded data") from exc
        params = _multi(list(request.query_params.multi_items()) + pairs)
        query, update = _one(params, "query"), _one(params, "update")
        if query is not None and update is not None:
            raise QueryError("send either 'query' or 'update', not both")
        if query is not None:
            return _operation("query", query, params)
        if update is not None:
            return _operation("update", update, params)
        raise QueryError("the form has neither a 'query' nor an 'update' parameter")
    if media == QUERY_TYPE:
        if "query" in url_params or "update" in url_params:
            raise QueryError("with application/sparql-query the query is the body, not a parameter")
        return _operation("query", _utf8(await read_body(request, query_limit), charset), url_params)
    if media == UPDATE_TYPE:
        if "query" in url_params or "update" in url_params:
            raise QueryError("with application/sparql-update the update is the body, not a parameter")
        body = await read_body(request, settings.max_upload_bytes)
        return _operation("update", _utf8(body, charset), url_params)
    raise UnsupportedMediaTypeError(f"unsupported Content-Type {media!r}: use {FORM}, {QUERY_TYPE} or {UPDATE_TYPE}")
