#!/usr/bin/env python3
"""Benchmark every query of queries/ and every REST endpoint on a realistic store.

What it measures: for each researcher query (queries/*.rq, run in-process over the union
of the graphs, parameterised ones with a representative value: the most active speaker,
the most often named condition, the most reported statement) and for each REST endpoint
and HTML page (through a real ``uvicorn`` on 127.0.0.1), the number of rows (or the HTTP
status and body size), and the median and 95th percentile latency in milliseconds over
``--runs`` runs. It also times ``store_stats`` (the home page and ``stancegraph stats``)
and the VoID description.

The store: ``--store DIR`` reuses an existing store; without it (or when DIR is missing)
the 1000-article corpus is generated (``bench/make_corpus.py``) and ingested by the real
CLI, which takes a few minutes. Not a test: it prints a table.

    .venv/bin/python bench/bench_queries.py --store /tmp/big
    .venv/bin/python bench/bench_queries.py --store /tmp/big --runs 20 --only conditions,stances
    .venv/bin/python bench/bench_queries.py --store /tmp/big --no-http --json /tmp/q.json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SLOW_MS = 3000.0  # past this, a case is run once only (the table says so)


@dataclass
class Row:
    kind: str
    name: str
    rows: str
    median_ms: float
    p95_ms: float
    runs: int


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[k]


def measure(kind: str, name: str, fn: Callable[[], str], runs: int, warmup: int) -> Row:
    """Time ``fn`` ``runs`` times after ``warmup`` untimed calls; a slow case runs once."""
    times: list[float] = []
    result = ""
    for i in range(warmup + runs):
        t0 = time.perf_counter()
        result = fn()
        ms = (time.perf_counter() - t0) * 1000
        if i >= warmup or ms > SLOW_MS:
            times.append(ms)
        if ms > SLOW_MS:
            break
    return Row(kind, name, result, statistics.median(times), percentile(times, 0.95), len(times))


def build_store(path: Path, n: int) -> None:
    corpus = Path(f"/tmp/corpus{n}.jsonl") if n != 1000 else Path("/tmp/corpus.jsonl")
    if not corpus.exists():
        print(f"generating {corpus} ({n} articles)", file=sys.stderr)
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "make_corpus.py"), "--n", str(n), "--out", str(corpus)], check=True
        )
    print(f"ingesting {corpus} into {path} (a few minutes)", file=sys.stderr)
    cli = Path(sys.executable).with_name("stancegraph")
    subprocess.run([str(cli), "ingest", "--store", str(path), str(corpus)], check=True)


def representative(store: Any) -> dict[str, str]:
    """Parameter values worth timing, found by scanning quads (no query involved)."""
    from pyoxigraph import NamedNode

    from stancegraph.graph import namespaces as ns

    def counts(pred: str, by_object: bool = True) -> Counter[str]:
        seen: set[tuple[str, str]] = set()
        for q in store.raw.quads_for_pattern(None, NamedNode(ns.SG + pred), None, None):
            seen.add((q.subject.value, q.object.value))
        return Counter(o if by_object else s for s, o in seen)

    speakers = counts("speaker")
    actor = speakers.most_common(1)[0][0]
    condition = counts("condition").most_common(1)[0][0]
    statement = counts("reportedIn", by_object=False).most_common(1)[0][0]
    affiliations: set[tuple[str, str]] = {
        (q.subject.value, q.object.value)
        for q in store.raw.quads_for_pattern(None, NamedNode(ns.SG + "affiliation"), None, None)
    }
    side_counts = Counter({o: 0 for _, o in affiliations})
    for s, o in affiliations:
        side_counts[o] += speakers.get(s, 0)
    side = side_counts.most_common(1)[0][0] if side_counts else actor
    targeted = counts("target").most_common(1)[0][0]
    return {"actor": actor, "condition": condition, "statement": statement, "side": side, "target": targeted}


QUERY_PARAMS = {
    "actor-statements": {"actor": "actor"},
    "stance-changes": {"actor": "actor"},
    "condition-setters": {"condition": "condition"},
}
EXTRA_QUERY_CASES = [  # (label, query, {param: representative key})
    ("actors(actor)", "actors", {"actor": "actor"}),
    ("timeline(actor)", "timeline", {"actor": "actor"}),
    ("statement-articles(statement)", "statement-articles", {"statement": "statement"}),
    ("statements(speaker)", "statements", {"speaker": "actor"}),
    ("statements(condition)", "statements", {"condition": "condition"}),
    ("statements(side)", "statements", {"side": "side"}),
]


def bench_queries(store_path: Path, runs: int, warmup: int, only: set[str] | None) -> tuple[list[Row], dict[str, str]]:
    from pyoxigraph import NamedNode, Variable

    from stancegraph.api.describe import describe
    from stancegraph.api.wellknown import void_triples
    from stancegraph.graph.querying import catalog, store_stats
    from stancegraph.graph.store import GraphStore, _py

    store = GraphStore(store_path, read_only=True)
    rep = representative(store)
    out: list[Row] = []

    def select_case(text: str, params: dict[str, str], max_rows: int | None = None) -> Callable[[], str]:
        bound = {Variable(k): NamedNode(rep[v]) for k, v in params.items()}

        def run() -> str:
            result = store.query(text, substitutions=bound or None, use_default_graph_as_union=True)
            names = [v.value for v in result.variables]
            return str(len([{n: _py(sol[n]) for n in names} for sol in islice(result, max_rows)]))

        return run

    cases: list[tuple[str, Callable[[], str]]] = []
    texts = {q.name: q.text for q in catalog()}
    for name, text in texts.items():
        cases.append((name, select_case(text, QUERY_PARAMS.get(name, {}))))
    for label, name, params in EXTRA_QUERY_CASES:
        cases.append((label, select_case(texts[name], params)))
    # what /statements reads: one page (51 rows) of the ordered solutions
    cases.append(("statements(page of 50)", select_case(texts["statements"], {}, 51)))
    # a researcher paging through 10 pages of 50: the query per page vs one cached sorted list
    # (a fresh cache each run, so every run pays the one cold read; api/paging.py)
    cases.append(("statements(10 pages, query each)", walk_pages(store, 0)))
    cases.append(("statements(10 pages, cached list)", walk_pages(store, 16)))
    cases.append(("store_stats", lambda: str(len(store_stats(store)["counts"]))))
    cases.append(("void_triples", lambda: str(len(void_triples(store, "http://127.0.0.1", "http://x/licence")))))
    cases.append(("describe(actor)", lambda: str(len(describe(store, rep["actor"])))))
    cases.append(("describe(statement)", lambda: str(len(describe(store, rep["statement"])))))
    cases.append(("describe(condition)", lambda: str(len(describe(store, rep["condition"])))))
    for label, fn in cases:
        if only and label not in only and label.split("(")[0] not in only:
            continue
        row = measure("query", label, fn, runs, warmup)
        print(f"  {label:34} {row.rows:>8} {row.median_ms:10.1f} {row.p95_ms:10.1f}", file=sys.stderr)
        out.append(row)
    return out, rep


def walk_pages(store: Any, entries: int, pages: int = 10, size: int = 50) -> Callable[[], str]:
    """Follow the keyset cursor through ``pages`` pages as /statements does."""
    from stancegraph.api.paging import StatementPages

    def run() -> str:
        walker, after, seen = StatementPages(entries), None, 0
        for _ in range(pages):
            rows = walker.page(store, {}, after, size)
            seen += len(rows[:size])
            if len(rows) <= size:
                break
            after = (rows[size - 1]["dateKey"], rows[size - 1]["statement"])
        return str(seen)

    return run


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def server(store_path: Path, timeout: float) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "STANCEGRAPH_QUERY_TIMEOUT": str(timeout)}
    cli = Path(sys.executable).with_name("stancegraph")
    proc = subprocess.Popen(
        [str(cli), "serve", "--store", str(store_path), "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/ontology.ttl", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def endpoints(rep: dict[str, str]) -> list[tuple[str, str, dict[str, str]]]:
    from stancegraph.graph import namespaces as ns

    def local(value: str) -> str:
        return value[len(ns.ID) :].split("/", 1)[1]

    actor, cond, stmt = local(rep["actor"]), local(rep["condition"]), local(rep["statement"])
    side = local(rep["side"])
    ttl = {"Accept": "text/turtle"}
    return [
        ("GET /actors", "/actors", {}),
        (f"GET /actors/{actor}", f"/actors/{actor}", {}),
        ("GET /statements", "/statements", {}),
        ("GET /statements?speaker", f"/statements?speaker={actor}", {}),
        ("GET /statements?side", f"/statements?side={side}", {}),
        ("GET /statements?condition", f"/statements?condition={cond}", {}),
        ("GET /statements?stance", "/statements?stance=ready", {}),
        ("GET /statements?since&until", "/statements?since=2023-01&until=2023-12-31", {}),
        ("GET /conditions", "/conditions", {}),
        ("GET /timeline", f"/timeline?actor={actor}", {}),
        ("GET / (home)", "/", {}),
        ("GET /browse/actors", "/browse/actors", {}),
        ("GET /browse/conditions", "/browse/conditions", {}),
        ("GET /browse/statements", "/browse/statements", {}),
        ("GET /.well-known/void", "/.well-known/void", ttl),
        ("GET /doc/actor (html)", f"/doc/actor/{actor}.html", {}),
        ("GET /doc/statement (html)", f"/doc/statement/{stmt}.html", {}),
        ("GET /doc/condition (html)", f"/doc/condition/{cond}.html", {}),
        ("GET /id/actor (turtle)", f"/id/actor/{actor}", ttl),
        ("GET /id/statement (turtle)", f"/id/statement/{stmt}", ttl),
    ]


def bench_http(
    store_path: Path, rep: dict[str, str], runs: int, warmup: int, timeout: float, only: set[str] | None
) -> list[Row]:
    import httpx

    out: list[Row] = []
    with server(store_path, timeout) as base, httpx.Client(base_url=base, timeout=timeout + 30) as client:
        for label, path, headers in endpoints(rep):
            if only and not any(o in label for o in only):
                continue

            def call(path: str = path, headers: dict[str, str] = headers) -> str:
                r = client.get(path, headers=headers, follow_redirects=True)
                return f"{r.status_code}/{len(r.content) // 1024}k"

            row = measure("http", label, call, runs, warmup)
            print(f"  {label:34} {row.rows:>8} {row.median_ms:10.1f} {row.p95_ms:10.1f}", file=sys.stderr)
            out.append(row)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, help="an existing store to reuse (built here when missing)")
    ap.add_argument("--articles", type=int, default=1000, help="corpus size when the store is built (1000)")
    ap.add_argument("--runs", type=int, default=10, help="timed runs per case (10)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs per case first (1)")
    ap.add_argument("--timeout", type=float, default=10.0, help="the server's query deadline, seconds (10)")
    ap.add_argument("--only", help="comma-separated case names (queries) or substrings (endpoints)")
    ap.add_argument("--no-http", action="store_true", help="skip the REST endpoints")
    ap.add_argument("--no-queries", action="store_true", help="skip the in-process queries")
    ap.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = ap.parse_args()

    store_path = args.store or Path(f"/tmp/stancegraph-bench-{args.articles}")
    if not store_path.exists():
        build_store(store_path, args.articles)
    only = set(args.only.split(",")) if args.only else None

    rows: list[Row] = []
    q_rows, rep = bench_queries(store_path, args.runs, args.warmup, only if not args.no_queries else {"-none-"})
    rows += q_rows
    if not args.no_http:
        rows += bench_http(store_path, rep, args.runs, args.warmup, args.timeout, only)

    from stancegraph.graph.store import GraphStore

    quads = len(GraphStore(store_path, read_only=True))
    print(f"\nstore {store_path}: {quads} quads; parameters: {json.dumps(rep)}")
    print(f"{'kind':6} {'name':34} {'rows':>9} {'median ms':>10} {'p95 ms':>10} {'runs':>5}")
    for r in rows:
        print(f"{r.kind:6} {r.name:34} {r.rows:>9} {r.median_ms:10.1f} {r.p95_ms:10.1f} {r.runs:5d}")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
