#!/usr/bin/env python3
"""Benchmark the SPARQL endpoint against the Oxigraph server, side by side, on 127.0.0.1.

What it measures: point lookups (one subject, one property) per second and their p50/p99
latency at 8 concurrent connections, for

1. our server (``python -m stancegraph serve``: FastAPI + uvicorn + query worker processes),
2. the Oxigraph server (``oxigraph serve-read-only``, the same data loaded with
   ``oxigraph load``),
3. both again while a heavy aggregate query (a cross join with GROUP BY, which never ends
   by itself) runs in the background against the same server, re-sent whenever it is
   stopped at the deadline.

The data: the seed articles ingested by the real CLI (when extraction works) plus a
synthetic graph generated directly as quads (``--items`` subjects, 3 triples each, spread
over 100 named graphs). Everything binds to 127.0.0.1; each phase is bounded in time and
requests, the whole run takes well under two minutes. Not a test: it prints a table.

    .venv/bin/python bench/bench_endpoint.py
    .venv/bin/python bench/bench_endpoint.py --items 200000 --seconds 8 --processes 4
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SEEDS = (ROOT / ".." / "shared" / "seeds").resolve()
EX = "http://example.org/bench/"
OXIGRAPH = Path(sys.executable).with_name("oxigraph")
HEAVY = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?a ?p ?c . ?d ?e ?f } GROUP BY ?p"  # a cross join: never finishes


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_store(path: Path, items: int) -> int:
    """Seeds through the real CLI (if it works), then synthetic quads; returns the quad count."""
    if SEEDS.is_dir():
        proc = subprocess.run(
            [sys.executable, "-m", "stancegraph", "ingest", "--store", str(path), str(SEEDS)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=300,
        )
        if proc.returncode != 0:
            print(f"(seeds not ingested: {proc.stderr.strip().splitlines()[-1:]})")
    code = f"""
import sys
from pyoxigraph import Literal, NamedNode, Quad
from stancegraph.graph.store import GraphStore
store = GraphStore(sys.argv[1])
ex, n = {EX!r}, int(sys.argv[2])
kind, value, label = NamedNode(ex + "Item"), NamedNode(ex + "value"), NamedNode(ex + "label")
rdf_type = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
batch = []
for i in range(n):
    s, g = NamedNode(f"{{ex}}item/{{i}}"), NamedNode(f"{{ex}}graph/{{i % 100}}")
    batch += [Quad(s, rdf_type, kind, g), Quad(s, value, Literal(i), g), Quad(s, label, Literal(f"item {{i}}"), g)]
    if len(batch) >= 300_000:
        store.raw.bulk_extend(batch)
        batch = []
store.raw.bulk_extend(batch)
store.flush()
print(len(store))
"""
    out = subprocess.run(
        [sys.executable, "-c", code, str(path), str(items)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return int(out.stdout.strip())


def oxigraph_copy(store: Path, target: Path) -> None:
    """Load the same data into a fresh Oxigraph store with ``oxigraph load``."""
    dump = target.with_suffix(".nq")
    code = (
        "import sys; from pyoxigraph import RdfFormat, Store; "
        "Store.read_only(sys.argv[1]).dump(sys.argv[2], format=RdfFormat.N_QUADS)"
    )
    subprocess.run([sys.executable, "-c", code, str(store), str(dump)], check=True)
    subprocess.run([str(OXIGRAPH), "load", "--location", str(target), "--file", str(dump)], check=True,
                   capture_output=True)  # fmt: skip
    dump.unlink()


@contextlib.contextmanager
def running(cmd: list[str], url: str, env: dict[str, str] | None = None) -> Iterator[str]:
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"{cmd[0]} did not start: {proc.stderr.read().decode()[-500:] if proc.stderr else ''}"
                )
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@dataclass
class Result:
    name: str
    requests: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def pct(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


class _Connection:
    """A minimal HTTP/1.1 keep-alive client: httpx costs more CPU than the servers on 2 cores."""

    def __init__(self, url: str) -> None:
        parts = urllib.parse.urlsplit(url)
        self.host, self.port, self.path = parts.hostname or "127.0.0.1", parts.port or 80, parts.path
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, query: str, accept: str) -> tuple[int, bytes]:
        """One GET; a kept-alive connection the server closed meanwhile is reopened once."""
        reused = self.writer is not None
        try:
            return await self._get(query, accept)
        except (asyncio.IncompleteReadError, ConnectionError):
            self.close()
            if not reused:
                raise
            return await self._get(query, accept)

    async def _get(self, query: str, accept: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        target = self.path + "?" + urllib.parse.urlencode({"query": query})
        self.writer.write(
            f"GET {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAccept: {accept}\r\n\r\n".encode()
        )
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        else:  # chunked
            chunks = []
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).strip(), 16)
                chunks.append(await self.reader.readexactly(size + 2))
                if size == 0:
                    break
            body = b"".join(c[:-2] for c in chunks)
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, body

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def _point_lookups(url: str, items: int, seconds: float, max_requests: int, concurrency: int) -> Result:
    latencies: list[float] = []
    first_error: list[str] = []
    errors = 0
    stop = time.monotonic() + seconds
    rng = random.Random(7)

    async def worker() -> None:
        nonlocal errors
        conn = _Connection(url)
        while time.monotonic() < stop and len(latencies) + errors < max_requests:
            query = f"SELECT ?v WHERE {{ <{EX}item/{rng.randrange(items)}> <{EX}value> ?v }}"
            started = time.perf_counter()
            try:
                status, body = await asyncio.wait_for(conn.get(query, "application/sparql-results+json"), 30)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
                conn.close()
                status, body = 0, repr(exc).encode()
            if status != 200 and not first_error:
                first_error.append(f"{status} {body[:200]!r}")
            if status == 200 and b'"v"' in body:
                latencies.append(time.perf_counter() - started)
            else:
                errors += 1
        conn.close()

    started = time.monotonic()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.monotonic() - started
    if first_error:
        print(f"  first error: {first_error[0]}")
    return Result("", len(latencies), errors, elapsed, latencies)


async def _heavy_loop(url: str, stop: asyncio.Event) -> int:
    """Keep one heavy aggregate query running against ``url`` until ``stop``; returns how many ran."""
    sent = 0

    async def one(client: httpx.AsyncClient) -> None:
        try:
            await client.get(url, params={"query": HEAVY})
        except httpx.HTTPError:
            await asyncio.sleep(0.2)

    async with httpx.AsyncClient(timeout=120) as client:
        while not stop.is_set():
            task = asyncio.ensure_future(one(client))
            sent += 1
            waiter = asyncio.ensure_future(stop.wait())
            done, _ = await asyncio.wait({task, waiter}, return_when="FIRST_COMPLETED")
            if task not in done:
                task.cancel()
            else:
                waiter.cancel()
            with contextlib.suppress(BaseException):
                await task
    return sent


async def measure(name: str, url: str, args: argparse.Namespace, heavy: bool) -> Result:
    stop = asyncio.Event()
    background = asyncio.ensure_future(_heavy_loop(url, stop)) if heavy else None
    if heavy:
        await asyncio.sleep(0.5)  # let the heavy query get going
    result = await _point_lookups(url, args.items, args.seconds, args.max_requests, args.concurrency)
    stop.set()
    if background is not None:
        await background
    result.name = name
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000, help="synthetic subjects (3 triples each)")
    parser.add_argument("--seconds", type=float, default=6.0, help="duration of each phase")
    parser.add_argument("--max-requests", type=int, default=15_000, help="most requests per phase")
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent connections")
    parser.add_argument("--processes", type=int, default=4, help="our query worker processes")
    parser.add_argument("--deadline", type=float, default=5.0, help="query deadline of both servers (s)")
    args = parser.parse_args()
    if not OXIGRAPH.exists():
        sys.exit(f"no Oxigraph server at {OXIGRAPH} (pip install oxigraph)")

    work = Path(tempfile.mkdtemp(prefix="bench-endpoint-"))
    try:
        t = time.monotonic()
        quads = build_store(work / "ours", args.items)
        oxigraph_copy(work / "ours", work / "oxigraph")
        print(f"data: {quads} quads (seeds + {args.items} synthetic items), built in {time.monotonic() - t:.1f} s")

        ours_port, oxi_port = free_port(), free_port()
        env = {
            **os.environ,
            "STANCEGRAPH_QUERY_TIMEOUT": str(args.deadline),
            "STANCEGRAPH_SPARQL_PROCESSES": str(args.processes),
            "STANCEGRAPH_MAX_CONCURRENT_QUERIES": str(max(8, args.concurrency)),
        }
        ours_cmd = [sys.executable, "-m", "stancegraph", "serve", "--store", str(work / "ours"),
                    "--host", "127.0.0.1", "--port", str(ours_port)]  # fmt: skip
        oxi_cmd = [str(OXIGRAPH), "serve-read-only", "--location", str(work / "oxigraph"),
                   "--bind", f"127.0.0.1:{oxi_port}", "--union-default-graph",
                   "--timeout-s", str(int(args.deadline))]  # fmt: skip
        results: list[Result] = []
        servers = {
            "stancegraph": (ours_cmd, f"http://127.0.0.1:{ours_port}/sparql", env),
            "oxigraph": (oxi_cmd, f"http://127.0.0.1:{oxi_port}/query", None),
        }
        for heavy in (False, True):
            for name, (cmd, url, server_env) in servers.items():
                # a fresh server per phase: a stopped heavy query or a worn-out server (Oxigraph's
                # serve-read-only failed with EAGAIN after ~16k requests here) never leaks into the next
                label = name + (" + heavy" if heavy else "")
                print(f"phase: {label} ...", flush=True)
                with running(cmd, url, server_env):
                    results.append(asyncio.run(measure(label, url, args, heavy)))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    cores = os.cpu_count()
    print(f"\npoint lookups, {args.concurrency} connections, {args.seconds:g} s per phase, {cores} cores, 127.0.0.1")
    print(f"{'server':<22}{'requests':>10}{'errors':>8}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}")
    for r in results:
        print(f"{r.name:<22}{r.requests:>10}{r.errors:>8}{r.rps:>10.0f}{r.pct(0.5):>10.2f}{r.pct(0.99):>10.2f}")
    by = {r.name: r for r in results}
    print("\nratios (stancegraph / oxigraph):")
    for suffix in ("", " + heavy"):
        a, b = by["stancegraph" + suffix], by["oxigraph" + suffix]
        label = "idle" if not suffix else "heavy"
        if not (b.rps and a.latencies and b.latencies):
            print(f"  {label:<6} (no successful requests on one side)")
            continue
        print(
            f"  {label:<6} req/s {a.rps / b.rps:5.2f}   p50 {a.pct(0.5) / b.pct(0.5):5.2f}   "
            f"p99 {a.pct(0.99) / b.pct(0.99):5.2f}"
        )
    idle, busy = by["stancegraph"], by["stancegraph + heavy"]
    if idle.rps:
        print(f"  stancegraph with a heavy query running keeps {busy.rps / idle.rps:.0%} of its idle throughput")


if __name__ == "__main__":
    main()
