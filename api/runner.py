"""Store calls off the event loop, with a deadline and a bound on how many run at once.

Why: pyoxigraph calls are blocking and can run for seconds; an ``async def`` route that
calls the store directly stalls every other request (a single aggregate query drops a
server to ~19 req/s). Every store call of the web app goes through :class:`StoreRunner`,
which runs it in a worker thread, gives up waiting at the deadline (the client gets 503
with a JSON error saying so) and refuses new work with 503 when all slots stay busy.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from stancegraph.errors import LimitError

T = TypeVar("T")


class StoreRunner:
    """Runs blocking store calls in a bounded thread pool with a wall-clock deadline."""

    def __init__(self, workers: int = 4, max_concurrent: int = 8, timeout: float = 10.0) -> None:
        self.timeout = timeout
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="store")
        self._slots = asyncio.Semaphore(max(1, max_concurrent))

    async def run(self, fn: Callable[..., T], *args: Any, timeout: float | None = None, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` in a worker thread; LimitError past the deadline."""
        limit = self.timeout if timeout is None else timeout
        loop = asyncio.get_running_loop()
        try:
            await asyncio.wait_for(self._slots.acquire(), timeout=limit)
        except TimeoutError as exc:
            raise LimitError("the server is busy: no query slot became free in time; retry later") from exc
        try:
            future = loop.run_in_executor(self._pool, lambda: fn(*args, **kwargs))
            try:
                return await asyncio.wait_for(asyncio.shield(future), timeout=limit)
            except TimeoutError as exc:
                raise LimitError(f"the query ran past its {limit:g} s deadline and was abandoned") from exc
        finally:
            self._slots.release()

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
