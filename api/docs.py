"""Interactive API documentation (Swagger UI) that works offline and under our CSP.

FastAPI's built-in ``/docs`` loads Swagger UI from a CDN and starts it with an inline
script: the first fails on machines without internet, the second is blocked by the
Content-Security-Policy the app sends. Here the Swagger UI files come from npm at set-up
(``api/web/vendor``, installed by scripts/setup.sh) and are served from
``/static/vendor/``; the page starts them with our own ``/static/docs.js``. When the
assets are not installed, ``/docs`` says so and links the OpenAPI document.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse

from stancegraph.errors import NotFoundError

router = APIRouter(include_in_schema=False)

_VENDOR = Path(str(files("stancegraph.api").joinpath("web", "vendor", "node_modules", "swagger-ui-dist")))
_ASSETS = {
    "swagger-ui.css": "text/css",
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui-standalone-preset.js": "text/javascript",
    "favicon-32x32.png": "image/png",
}
# Swagger UI sets inline style attributes while it renders; the page holds no article text.
_DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>stancegraph API</title>
<link rel="stylesheet" href="/static/vendor/swagger-ui.css">
<link rel="icon" href="/static/vendor/favicon-32x32.png"></head>
<body><div id="swagger-ui" data-openapi="/openapi.json"></div>
<script src="/static/vendor/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script></body></html>
"""
_MISSING = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>stancegraph API</title>
<link rel="stylesheet" href="/static/style.css"></head>
<body><main><h1>stancegraph API</h1>
<p>The interactive documentation needs the Swagger UI assets, which are installed by
<code>scripts/setup.sh</code> (npm). The API is described by the OpenAPI document at
<a href="/openapi.json">/openapi.json</a>.</p></main></body></html>
"""


def assets_installed() -> bool:
    return (_VENDOR / "swagger-ui-bundle.js").is_file()


@router.get("/docs")
async def docs() -> HTMLResponse:
    if not assets_installed():
        return HTMLResponse(_MISSING)
    return HTMLResponse(_PAGE, headers={"Content-Security-Policy": _DOCS_CSP})


@router.get("/static/vendor/{name}")
async def vendor_asset(name: str) -> FileResponse:
    if name not in _ASSETS or not assets_installed():
        raise NotFoundError(f"no vendor asset {name!r}")
    return FileResponse(_VENDOR / name, media_type=_ASSETS[name], headers={"Cache-Control": "public, max-age=86400"})
