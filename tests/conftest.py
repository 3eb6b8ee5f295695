"""Shared fixtures: real on-disk stores and a real uvicorn server on 127.0.0.1.

No mocks of our own parts: every test that needs a graph gets a fresh on-disk Oxigraph
store (a copy of the seeds store, ingested once per session through the real CLI), and
every HTTP test talks to a real uvicorn server over a real socket.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared not found beside the repository (looked in {SHARED})")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


def run_cli(*args: str, check: bool = True, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the real ``stancegraph`` command (as ``python -m stancegraph``)."""
    proc = subprocess.run(
        [sys.executable, "-m", "stancegraph", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"stancegraph {' '.join(args)} exited {proc.returncode}:\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def seeds_store_template(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """The seeds ingested once per session by the real CLI into an on-disk store."""
    path = tmp_path_factory.mktemp("seeds-template") / "store"
    run_cli("ingest", "--store", str(path), str(seeds_dir))
    return path


@pytest.fixture
def seeds_store_path(seeds_store_template: Path, tmp_path: Path) -> Path:
    """A private copy of the seeds store for one test (writable, on disk)."""
    dest = tmp_path / "store"
    shutil.copytree(seeds_store_template, dest)
    return dest


@pytest.fixture
def seeds_store(seeds_store_path: Path):  # type: ignore[no-untyped-def]
    from stancegraph.graph.store import GraphStore

    return GraphStore(seeds_store_path)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve_app(app: object, port: int | None = None) -> Iterator[str]:
    """Run ``app`` on a real uvicorn server on 127.0.0.1 in a thread; yields its base URL."""
    port = port or free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")  # type: ignore[arg-type]
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


@pytest.fixture
def live_server(seeds_store_path: Path) -> Iterator[Callable[..., str]]:
    """Start the real app over a fresh copy of the seeds store: ``base = live_server(**settings)``."""
    from stancegraph.api.app import create_app
    from stancegraph.settings import Settings

    stack: list[object] = []

    def start(**overrides: object) -> str:
        settings = Settings(store=seeds_store_path).replace(**overrides)
        cm = serve_app(create_app(settings))
        base = cm.__enter__()
        stack.append(cm)
        return base

    yield start
    for cm in reversed(stack):
        cm.__exit__(None, None, None)  # type: ignore[attr-defined]
