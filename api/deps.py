"""Dependencies of the web app as ``Annotated`` aliases (one place to see what a route gets)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from stancegraph.api.paging import StatementPages
from stancegraph.api.runner import StoreRunner
from stancegraph.graph.store import GraphStore
from stancegraph.settings import Settings


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


def get_runner(request: Request) -> StoreRunner:
    runner: StoreRunner = request.app.state.runner
    return runner


def get_pages(request: Request) -> StatementPages:
    pages: StatementPages = request.app.state.pages
    return pages


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[GraphStore, Depends(get_store)]
RunnerDep = Annotated[StoreRunner, Depends(get_runner)]
PagesDep = Annotated[StatementPages, Depends(get_pages)]
