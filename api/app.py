"""The web application factory: ``create_app(settings)``.

One app = one store, opened once in the lifespan (the server process is the store's one
writer) and closed with it; every store call goes through the :class:`StoreRunner` so the
event loop never blocks. Tests build a fresh app and store each.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from stancegraph import __version__
from stancegraph.api.errors import install_error_handlers
from stancegraph.api.headers import SecurityHeaders
from stancegraph.api.paging import StatementPages
from stancegraph.api.runner import StoreRunner
from stancegraph.graph.store import GraphStore
from stancegraph.settings import Settings


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """A new app over ``store`` (or the on-disk store named by ``settings.store``)."""
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = store is None
        app.state.store = store if store is not None else GraphStore(settings.store)
        app.state.runner = StoreRunner(settings.query_workers, settings.max_concurrent_queries, settings.query_timeout)
        app.state.pages = StatementPages(settings.page_cache_entries)
        try:
            yield
        finally:
            app.state.runner.close()
            if own:
                app.state.store.flush()

    app = FastAPI(
        title="stancegraph",
        version=__version__,
        summary="Who said what about negotiating an end to the war in Ukraine: SPARQL 1.1 endpoint and API.",
        lifespan=lifespan,
        docs_url=None,  # served by api/docs.py: offline assets, CSP-clean
        redoc_url=None,
    )
    app.state.settings = settings
    install_error_handlers(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Accept", "Content-Type", "Authorization"],
            expose_headers=["Link", "Content-Type"],
        )

    app.add_middleware(SecurityHeaders)

    from stancegraph.api import docs, resources, rest, sparql

    app.include_router(sparql.router)
    app.include_router(rest.router)
    app.include_router(resources.router)
    app.include_router(docs.router)
    return app
