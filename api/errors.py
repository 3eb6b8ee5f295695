"""One JSON error body for every error the web app returns.

Every error, whether raised by us (:mod:`stancegraph.errors`), by FastAPI's request
validation, or by Starlette's routing (404, 405), is answered as::

    {"error": {"status": 400, "code": "bad-query", "message": "...", "detail": "..."}}

Unexpected exceptions become a 500 with a generic message: internals (paths, stack
traces, store errors) are logged, never echoed back.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from stancegraph.errors import AuthError, StancegraphError

log = logging.getLogger("stancegraph.api")

_CODES = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    413: "too-large",
    415: "unsupported-media-type",
    422: "invalid-parameters",
    503: "unavailable",
}


def error_response(
    status: int, code: str, message: str, detail: str | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    body: dict[str, object] = {"status": status, "code": code, "message": message}
    if detail:
        body["detail"] = detail
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StancegraphError)
    async def _ours(request: Request, exc: StancegraphError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, AuthError) and exc.status == 401 else None
        if exc.status >= 500:
            log.warning("%s %s: %s", request.method, request.url.path, exc.message)
        return error_response(exc.status, exc.code, exc.message, exc.detail, headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        return error_response(
            exc.status_code, _CODES.get(exc.status_code, "error"), message, headers=getattr(exc, "headers", None)
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()) if p not in ('query', 'body', 'path'))}: {e.get('msg')}"
            for e in exc.errors()
        )
        return error_response(400, "invalid-parameters", "invalid request parameters", problems)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal-error", "internal server error")
