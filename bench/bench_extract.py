#!/usr/bin/env python3
"""Throughput of ``extract_statements`` on 1 and 2 processes (or any list), memos on and off, side by side.

    python bench/make_corpus.py --n 1000 --out /tmp/corpus.jsonl
    python bench/bench_extract.py --corpus /tmp/corpus.jsonl
    python bench/bench_extract.py --corpus /tmp/corpus.jsonl --processes 1,2,4,8 --repeat 3
    python bench/bench_extract.py --corpus /tmp/corpus.jsonl --memo off   # the cost on novel text only

``--memo on,off`` (the default) runs every process count twice: with the extractor's memo
tables on (``stancegraph.graph.extract.memo``: steps served from a table when the same
sentence or paragraph was seen before) and off (every step computed afresh, the cost on text
never seen). The header reports how often the corpus repeats its sentences (total vs
distinct), which is what the memo-on rows profit from.

Every worker reads the corpus itself (``stancegraph.graph.articles.read_articles``) and warms
the extractor up (imports, lexicons, models: one call on a few articles) before the clock
starts; all workers of a pool then meet at a barrier, and only after that is the corpus
sent to them, in chunks of article indices. The time measured is therefore extraction
plus the small cost of handing out chunks and collecting counts, not start-up or reading.
The 1-process row runs through the same pool machinery, so the speed-up compares like
with like.

``--extractor module:function`` (or ``path/to/file.py:function``) benchmarks another
callable with the same signature, e.g. a stand-in while the real extractor is written.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import multiprocessing as mp
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

# One thread per process: numeric libraries would otherwise use every core in every worker
# and the process scaling figures would mean nothing.
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "TOKENIZERS_PARALLELISM"):
    os.environ.setdefault(_var, "false" if _var == "TOKENIZERS_PARALLELISM" else "1")

DEFAULT_EXTRACTOR = "stancegraph.graph.extract:extract_statements"

# worker state (one copy per process)
_ARTICLES: list[Any] = []
_WORDS: list[int] = []
_EXTRACT: Callable[[Any], Sequence[Any]] | None = None
_BARRIER: Any = None


def _set_memo(on: bool | None) -> None:
    """Memos on/off in this process, emptied (each pool starts cold); None: leave as they are
    (an ``--extractor`` other than stancegraph's need not have memos)."""
    if on is None:
        return
    from stancegraph.graph.extract import memo

    memo.set_enabled(on)
    memo.clear_all()


def _has_memo() -> bool:
    """Whether this stancegraph has the memo switch (older revisions, benchmarked for comparison, do not)."""
    try:
        return importlib.util.find_spec("stancegraph.graph.extract.memo") is not None
    except ImportError:
        return False


def sentence_repetition(articles: Sequence[Any]) -> tuple[int, int]:
    """(sentences in all articles, distinct sentence texts among them), as the extractor splits them."""
    from stancegraph.graph.extract.text import paragraphs

    total = 0
    distinct: set[str] = set()
    for art in articles:
        for p in paragraphs(art):
            for sent in p.sentences:
                total += 1
                distinct.add(art.text[sent.start : sent.end].strip())
    return total, len(distinct)


def load_extractor(spec: str) -> Callable[[Any], Sequence[Any]]:
    """``module:function`` or ``file.py:function`` -> the callable; SystemExit when missing."""
    target, _, func = spec.rpartition(":")
    if not target:
        target, func = spec, "extract_statements"
    try:
        if target.endswith(".py"):
            path = Path(target)
            loader_spec = importlib.util.spec_from_file_location(path.stem, path)
            if loader_spec is None or loader_spec.loader is None:
                raise ImportError(f"cannot load {path}")
            module = importlib.util.module_from_spec(loader_spec)
            loader_spec.loader.exec_module(module)
        else:
            module = importlib.import_module(target)
    except ImportError as exc:
        raise SystemExit(f"extractor {spec!r} cannot be imported: {exc}") from exc
    fn = getattr(module, func, None)
    if not callable(fn):
        raise SystemExit(
            f"extractor {spec!r} does not exist yet ({target} has no callable {func!r}); "
            f"pass --extractor path/to/stand_in.py:extract_statements to benchmark a stand-in"
        )
    return fn


def load_articles(corpus: Sequence[Path | str], limit: int | None) -> list[Any]:
    from stancegraph.graph.articles import read_articles

    arts = []
    for art in read_articles(corpus):
        arts.append(art)
        if limit is not None and len(arts) >= limit:
            break
    return arts


def _init_worker(
    corpus: list[str], limit: int | None, extractor: str, warmup: int, barrier: Any, memo_on: bool | None
) -> None:
    global _EXTRACT, _BARRIER
    _set_memo(memo_on)  # before the warm-up: a forked worker would otherwise run on the parent's setting
    _ARTICLES[:] = load_articles(corpus, limit)
    _WORDS[:] = [len(a.text.split()) for a in _ARTICLES]
    _EXTRACT = load_extractor(extractor)
    for art in _ARTICLES[:warmup]:
        _EXTRACT(art)
    _BARRIER = barrier


def _meet(_: int) -> int:
    """Each worker takes exactly one of these: it returns once every worker is warm."""
    _BARRIER.wait()
    return os.getpid()


def _run_chunk(bounds: tuple[int, int], collect: bool) -> tuple[int, int, int, list[dict[str, Any]], list[str], float]:
    assert _EXTRACT is not None
    cpu0 = time.process_time()
    start, end = bounds
    n_statements = 0
    records: list[dict[str, Any]] = []
    errors: list[str] = []
    for i in range(start, end):
        try:
            stmts = _EXTRACT(_ARTICLES[i])
        except Exception as exc:  # an article that fails is counted, not fatal
            errors.append(f"{_ARTICLES[i].id}: {type(exc).__name__}: {exc}")
            continue
        n_statements += len(stmts)
        if collect:
            records.extend(s.to_record() for s in stmts)
    return end - start, sum(_WORDS[start:end]), n_statements, records, errors, time.process_time() - cpu0


def run_once(
    procs: int, n: int, args: argparse.Namespace, ctx: Any, collect: bool, memo_on: bool | None
) -> tuple[float, int, int, int, list[dict[str, Any]], list[str], float]:
    barrier = ctx.Barrier(procs)
    initargs = ([str(c) for c in args.corpus], args.limit, args.extractor, args.warmup, barrier, memo_on)
    with ctx.Pool(procs, initializer=_init_worker, initargs=initargs) as pool:
        pids = pool.map(_meet, range(procs), chunksize=1)
        assert len(set(pids)) == procs, "every worker must have warmed up"
        chunks = [(s, min(s + args.chunksize, n)) for s in range(0, n, args.chunksize)]
        t0 = time.perf_counter()
        results = pool.starmap(_run_chunk, [(c, collect) for c in chunks], chunksize=1)
        seconds = time.perf_counter() - t0
    arts = sum(r[0] for r in results)
    words = sum(r[1] for r in results)
    stmts = sum(r[2] for r in results)
    records = [rec for r in results for rec in r[3]]
    errors = [e for r in results for e in r[4]]
    cpu = sum(r[5] for r in results)  # CPU seconds the workers spent extracting (process_time)
    return seconds, arts, words, stmts, records, errors, cpu


def _load() -> float | None:
    """The 1-minute load average, where the platform has one: other work competing for the cores."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--corpus",
        type=Path,
        nargs="+",
        default=[Path("/tmp/corpus.jsonl")],
        help="JSONL corpus from make_corpus.py, or article files (default /tmp/corpus.jsonl)",
    )
    ap.add_argument("--make", type=int, default=1000, help="if the --corpus JSONL is missing, generate N articles")
    ap.add_argument("--processes", default="1,2", help="comma-separated process counts (default 1,2)")
    ap.add_argument("--chunksize", type=int, default=16, help="articles per task (default 16)")
    ap.add_argument(
        "--memo",
        default="on,off",
        help="comma-separated memo settings, rows for each (default on,off; off: the cost on novel text)",
    )
    ap.add_argument("--repeat", type=int, default=1, help="runs per process count; the fastest is reported")
    ap.add_argument("--warmup", type=int, default=5, help="articles each worker extracts before timing")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    ap.add_argument("--extractor", default=DEFAULT_EXTRACTOR, help=f"module:function (default {DEFAULT_EXTRACTOR})")
    ap.add_argument("--start-method", default=None, choices=["fork", "spawn", "forkserver"])
    ap.add_argument("--records", type=Path, default=None, help="write the 1st run's statements here (JSONL)")
    ap.add_argument("--json", type=Path, default=None, help="also write the table as JSON here")
    a = ap.parse_args(argv)

    procs_list = [int(p) for p in a.processes.split(",") if p.strip()]
    if not procs_list or min(procs_list) < 1:
        ap.error("--processes needs positive integers")
    memo_list = [m.strip().lower() for m in a.memo.split(",") if m.strip()]
    if not memo_list or set(memo_list) - {"on", "off"}:
        ap.error("--memo takes on, off or on,off")
    extract = load_extractor(a.extractor)  # fail early, in the parent, with a clear message
    if len(a.corpus) == 1 and a.corpus[0].suffix == ".jsonl" and not a.corpus[0].exists():
        from make_corpus import main as make_corpus  # type: ignore[import-not-found]

        make_corpus(["--n", str(a.make), "--out", str(a.corpus[0])])
    parent_articles = load_articles(a.corpus, a.limit)
    n = len(parent_articles)
    if n == 0:
        raise SystemExit(f"{a.corpus}: no articles")
    # warm up in the parent as well: lazily imported modules and resources are then loaded
    # before any fork, so every pool runs the very same code and data
    for art in parent_articles[: a.warmup]:
        extract(art)
    try:
        total, distinct = sentence_repetition(parent_articles)
    except ImportError:  # a stand-in extractor without stancegraph's sentence splitter
        total = distinct = 0
    del parent_articles
    stancegraph_memo = a.extractor.startswith("stancegraph.") and _has_memo()
    if not stancegraph_memo:  # another extractor, or a stancegraph without memo tables: one set of rows
        memo_list = ["-"]

    ctx = mp.get_context(a.start_method)
    cores = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    print(f"machine: {cores} logical cores ({usable} usable by this process); python {sys.version.split()[0]}")
    where = str(a.corpus[0]) + (f" and {len(a.corpus) - 1} more" if len(a.corpus) > 1 else "")
    print(f"corpus: {where} ({n} articles); extractor: {a.extractor}; chunksize {a.chunksize}; ", end="")
    print(f"start method {ctx.get_start_method()}; best of {a.repeat}")
    if distinct:
        print(
            f"sentences: {total:,} in all, {distinct:,} distinct: each distinct sentence comes "
            f"{total / distinct:.1f} times on average ({1 - distinct / total:.0%} are repeats, "
            "which memo-on rows read from memo tables; memo-off rows are the cost on novel text)"
        )
    load_before = _load()

    rows = []
    counts = set()
    base_rates: dict[str, float] = {}
    off_rates: dict[int, float] = {}
    plan = [(m, procs) for m in memo_list for procs in procs_list]
    for i, (memo_setting, procs) in enumerate(plan):
        memo_on = (memo_setting == "on") if stancegraph_memo else None
        runs = []
        for r in range(a.repeat):
            collect = a.records is not None and i == 0 and r == 0
            runs.append(run_once(procs, n, a, ctx, collect, memo_on))
            if collect:
                with a.records.open("w", encoding="utf-8") as fh:
                    for rec in runs[-1][4]:
                        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        seconds, arts, words, stmts, _, errors, cpu = min(runs, key=lambda x: x[0])
        counts.update(x[3] for x in runs)
        if errors:
            print(f"{procs} processes: {len(errors)} articles raised, e.g. {errors[0]}")
        rate = arts / seconds if seconds else float("inf")
        if memo_setting not in base_rates:
            base_rates[memo_setting] = rate * procs_list[0] if procs_list[0] != 1 else rate
        speedup = rate / base_rates[memo_setting]
        if memo_setting == "off":
            off_rates[procs] = rate
        rows.append(
            {
                "memo": memo_setting,
                "processes": procs,
                "articles": arts,
                "words": words,
                "seconds": round(seconds, 3),
                "articles_per_s": round(rate, 1),
                "words_per_s": round(words / seconds if seconds else float("inf")),
                "statements": stmts,
                "errors": len(errors),
                "speedup": round(speedup, 2),
                "efficiency": round(speedup / procs, 2),
                "cpu_ms_per_article": round(1000 * cpu / arts, 2) if arts else 0.0,
                "cpu_use": round(cpu / (seconds * procs), 2) if seconds else 0.0,
                "seconds_all_runs": [round(x[0], 3) for x in runs],
                "median_seconds": round(statistics.median(x[0] for x in runs), 3),
            }
        )
    for row in rows:  # articles/s over the memo-off row of the same process count, where there is one
        off = off_rates.get(row["processes"])
        row["vs_memo_off"] = round(row["articles_per_s"] / round(off, 1), 2) if off else "-"

    head = [
        "memo",
        "processes",
        "articles",
        "words",
        "seconds",
        "articles/s",
        "words/s",
        "statements",
        "speed-up",
        "efficiency",
        "cpu ms/article",
        "cpu use",
        "vs memo off",
    ]
    keys = [
        "memo",
        "processes",
        "articles",
        "words",
        "seconds",
        "articles_per_s",
        "words_per_s",
        "statements",
        "speedup",
        "efficiency",
        "cpu_ms_per_article",
        "cpu_use",
        "vs_memo_off",
    ]
    table = [head] + [[f"{r[k]:,}" if isinstance(r[k], int) else f"{r[k]}" for k in keys] for r in rows]
    widths = [max(len(row[c]) for row in table) for c in range(len(head))]
    for j, row in enumerate(table):
        print("  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)))
        if j == 0:
            print("  ".join("-" * w for w in widths))
    print(f"load average (1 min) before/after: {load_before} / {_load()}; cpu use below ~0.95 means the")
    print("workers waited for a core (other processes, or fewer cores than workers): compare cpu ms/article")
    if len(counts) > 1:
        print(f"WARNING: statement counts differ between runs ({sorted(counts)}): the extractor is not deterministic")
    if procs_list[0] != 1:
        print(f"(speed-up relative to {procs_list[0]} processes x ideal scaling; put 1 first for a real baseline)")
    print("speed-up: over the first process count with the same memo setting; vs memo off: articles/s over")
    print("the memo-off row with as many processes")
    if a.json:
        a.json.write_text(
            json.dumps(
                {
                    "cores": cores,
                    "usable_cores": usable,
                    "load": [load_before, _load()],
                    "sentences": {"total": total, "distinct": distinct},
                    "rows": rows,
                },
                indent=1,
            )
            + "\n"
        )
    if a.records:
        print(f"statements of the first run written to {a.records}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
