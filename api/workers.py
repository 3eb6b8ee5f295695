"""Running user SPARQL with a real deadline: worker processes that are killed when late.

Why processes: pyoxigraph has no query timeout and a Python thread cannot be stopped, so
a runaway query abandoned in a thread keeps burning a core and holding a slot until it
ends (maybe never). :class:`ProcessQueryPool` runs each query in one of a few worker
processes; past the deadline the client gets 503 and the worker is SIGKILLed and
replaced, which really frees the CPU. The slots are the workers: a query waits for an
idle one until its deadline, then gets 503 (busy).

What the workers read: Oxigraph says "opening as read-only while another process writes
is undefined behavior", and indeed a read-only view of the live store fails (or hangs)
once the server's writes make RocksDB compact files away. So workers never open the live
store: they open a *checkpoint* of it (``Store.backup``: hard links on the same file
system, milliseconds), which no process ever writes. Each write of the web app
(:meth:`ProcessQueryPool.exclusive`) makes a new checkpoint and bumps the data
*generation*; every job names its checkpoint, so a worker reopens when it changes, sees
the write, and queries already running finish on the snapshot they started on.
Checkpoints no job uses any more are deleted, and so are the folders of servers that
died without cleaning up (:func:`remove_orphaned_checkpoints`, when a server starts).

Workers are plain subprocesses (``python -m stancegraph.api.workers``: nothing of the
server is inherited; ``multiprocessing`` spawn/forkserver would re-run the server's
``__main__``), started lazily on the first query, exchanging pickled jobs and replies on
their stdin/stdout; they stop by themselves when the server process goes away.
:class:`ThreadQueryPool` is the fallback for in-memory stores: same interface, but a
late query is only abandoned, not stopped.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from stancegraph.api.execution import QueryFailed, QueryJob, execute, is_store_io_error
from stancegraph.api.runner import StoreRunner
from stancegraph.errors import LimitError

log = logging.getLogger("stancegraph.api.workers")

Reply = tuple[str, Any, Any]
_OPEN_ATTEMPTS = 4


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def _answer(store: Any, job: QueryJob) -> Reply:
    try:
        return ("ok", *execute(store, job))
    except QueryFailed as exc:
        return ("error", exc.kind, exc.message)


def worker_main(parent: int) -> None:
    """Body of a worker process: answer QueryJobs read from stdin, replies on stdout."""
    from pyoxigraph import Store

    requests = Connection(os.dup(0), writable=False)
    replies = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)  # a stray print must not corrupt the reply stream
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    store: Store | None = None
    opened = ""
    while True:
        try:
            job: QueryJob = requests.recv()
        except (EOFError, OSError):
            return
        reply: Reply = ("error", "internal", "not run")
        for attempt in range(_OPEN_ATTEMPTS):
            try:
                if store is None or job.snapshot != opened:
                    store, opened = Store.read_only(job.snapshot), job.snapshot
                reply = _answer(store, job)
                break
            except Exception as exc:
                reply = ("error", "internal", f"{type(exc).__name__}: {exc}")
                if not is_store_io_error(exc):
                    break
                store = None
                time.sleep(0.02 * 2**attempt)
        try:
            replies.send(reply)
        except OSError:
            return


class _Worker:
    """One worker process and the two ends of its pipes."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "stancegraph.api.workers", str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            close_fds=True,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.requests = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self.replies = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        for conn in (self.requests, self.replies):
            with contextlib.suppress(Exception):
                conn.close()
        with contextlib.suppress(Exception):
            self.process.wait(timeout=5)


_PREFIX = ".sparql-snapshots-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def remove_orphaned_checkpoints(parent: Path) -> list[Path]:
    """Delete the checkpoint folders of servers that are gone (killed with -9, a crash).

    Each server names its folder ``.sparql-snapshots-<pid>-…`` and deletes it on a clean
    shutdown; one whose process no longer exists is left over and only takes disk space
    (hard links keep compacted-away store files alive). Folders of running servers, and
    folders that do not follow the naming, are left alone."""
    removed = []
    for path in parent.glob(f"{_PREFIX}*"):
        pid = path.name[len(_PREFIX) :].split("-", 1)[0]
        if path.is_dir() and pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


class ProcessQueryPool:
    """``size`` worker processes over checkpoints of the on-disk ``store`` (see the module doc)."""

    def __init__(self, store: Any, size: int) -> None:
        self.store = store
        self.size = max(1, size)
        self.generation = 0
        self._root: Path | None = None
        self._snapshot = ""
        self._in_use: dict[str, int] = {}
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()
        self._start_lock = asyncio.Lock()
        self._write_lock = asyncio.Lock()
        self._tasks: set[asyncio.Future[Any]] = set()
        self._closed = False

    def _checkpoint(self) -> str:
        """A new checkpoint of the store (hard links), for the next generation."""
        if self._root is None:
            parent = Path(self.store.path).resolve().parent
            remove_orphaned_checkpoints(parent)
            self._root = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-", dir=parent))
        target = self._root / f"g{self.generation}"
        self.store.raw.backup(str(target))
        return str(target)

    def _prune(self) -> None:
        for path, users in list(self._in_use.items()):
            if users == 0 and path != self._snapshot:
                del self._in_use[path]
                shutil.rmtree(path, ignore_errors=True)

    async def _started(self) -> asyncio.Queue[_Worker]:
        async with self._start_lock:
            if self._idle is None:
                loop = asyncio.get_running_loop()
                self._snapshot = await loop.run_in_executor(None, self._checkpoint)
                self._in_use[self._snapshot] = 0
                workers = await asyncio.gather(*(loop.run_in_executor(None, _Worker) for _ in range(self.size)))
                idle: asyncio.Queue[_Worker] = asyncio.Queue()
                for w in workers:
                    self._all.add(w)
                    idle.put_nowait(w)
                self._idle = idle
            return self._idle

    async def run(self, job: QueryJob, timeout: float) -> tuple[bytes, str]:
        """Run ``job`` in a worker; LimitError (503) when it is not done within ``timeout``."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        idle = await self._started()
        try:
            worker = await asyncio.wait_for(idle.get(), max(0.0, deadline - loop.time()))
        except TimeoutError as exc:
            raise LimitError("the server is busy: no query worker became free in time; retry later") from exc
        snapshot = self._snapshot
        self._in_use[snapshot] = self._in_use.get(snapshot, 0) + 1
        healthy = False
        try:
            worker.requests.send(replace(job, generation=self.generation, snapshot=snapshot))
            reply = await self._receive(worker, deadline, timeout)
            healthy = True
        finally:
            self._in_use[snapshot] -= 1
            self._prune()
            if healthy:
                idle.put_nowait(worker)
            else:
                self._replace(worker)
        if reply[0] == "ok":
            return reply[1], reply[2]
        raise QueryFailed(reply[1], reply[2])

    async def _receive(self, worker: _Worker, deadline: float, timeout: float) -> Reply:
        loop = asyncio.get_running_loop()
        ready: asyncio.Future[None] = loop.create_future()
        fd = worker.replies.fileno()

        def readable() -> None:
            if not ready.done():
                ready.set_result(None)

        loop.add_reader(fd, readable)
        try:
            await asyncio.wait_for(ready, max(0.0, deadline - loop.time()))
        except TimeoutError as exc:
            raise LimitError(
                f"the query ran past its {timeout:g} s deadline and was stopped",
                detail="make it more selective (LIMIT, more specific patterns) or ask for less",
            ) from exc
        finally:
            loop.remove_reader(fd)
            os.set_blocking(fd, True)  # uvloop makes watched fds non-blocking
        try:
            reply: Reply = await loop.run_in_executor(None, worker.replies.recv)
        except (EOFError, OSError) as exc:
            raise LimitError("the query could not be completed (its worker stopped); retry later") from exc
        return reply

    def _replace(self, worker: _Worker) -> None:
        """Kill a late or broken worker and start a fresh one in its place (off the loop)."""
        self._all.discard(worker)
        loop = asyncio.get_running_loop()

        def respawn() -> _Worker | None:
            worker.kill()
            return None if self._closed else _Worker()

        def done(fut: asyncio.Future[_Worker | None]) -> None:
            self._tasks.discard(fut)
            fresh = None if fut.cancelled() or fut.exception() else fut.result()
            if fresh is not None and self._idle is not None and not self._closed:
                self._all.add(fresh)
                self._idle.put_nowait(fresh)

        fut = loop.run_in_executor(None, respawn)
        self._tasks.add(fut)
        fut.add_done_callback(done)

    @contextlib.asynccontextmanager
    async def exclusive(self) -> AsyncIterator[None]:
        """One write at a time; afterwards a new checkpoint, which the next queries read."""
        async with self._write_lock:
            try:
                yield
            finally:
                if self._idle is not None:
                    self.generation += 1
                    snapshot = await asyncio.get_running_loop().run_in_executor(None, self._checkpoint)
                    self._in_use.setdefault(snapshot, 0)
                    self._snapshot = snapshot
                    self._prune()

    async def close(self) -> None:
        self._closed = True
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        for w in list(self._all):
            w.kill()
        self._all.clear()
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)


class ThreadQueryPool:
    """Queries in the runner's threads (in-memory stores): abandoned, not stopped, when late."""

    def __init__(self, store: Any, runner: StoreRunner) -> None:
        self.store = store
        self.runner = runner
        self.generation = 0
        self._write_lock = asyncio.Lock()

    async def run(self, job: QueryJob, timeout: float) -> tuple[bytes, str]:
        return await self.runner.run(execute, self.store.raw, job, timeout=timeout)

    @contextlib.asynccontextmanager
    async def exclusive(self) -> AsyncIterator[None]:
        async with self._write_lock:
            try:
                yield
            finally:
                self.generation += 1

    async def close(self) -> None:
        return None


QueryPool = ProcessQueryPool | ThreadQueryPool

if __name__ == "__main__":
    worker_main(int(sys.argv[1]))
