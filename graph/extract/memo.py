"""Bounded memo tables for pure steps of the extraction, keyed by the text they read.

Why: news is syndicated and re-published, and one outlet's article repeats in another's
word for word, paragraph by paragraph; a worker that extracts thousands of articles
meets the same sentences and paragraphs again and again. A step whose result is a pure
function of a piece of text (plus a few named inputs) is therefore worth computing once
per distinct key. Each user of a :class:`Memo` states, where it builds its key, why the
key holds *everything* the step reads -- that is what makes the memo output-neutral.

Values must be immutable (tuples, frozen dataclasses) or copied by the caller on the way
out: a cached value is shared by every later hit.

The tables are bounded (oldest entry first out), so a long-running worker keeps a fixed
amount of memory however many articles it sees. Threads may share a table: a value is a
function of its key, so a race can only store the same value twice or evict one too many.

Steps cached with :func:`cached` (an ``lru_cache`` on a one-argument pure function) obey
the same switch as the tables.

The switch: with memos off, every :meth:`Memo.get` returns None and :meth:`Memo.put`
stores nothing, and every :func:`cached` function computes afresh -- every step then costs
what it costs on text never seen before. That is how to measure the cold cost (a corpus
that repeats sentences flatters the memos) and how to test that the memos are neutral
(``tests/test_extract_memo_guard.py``: the same records with memos off, cold, warm and in
another order). Turn it off or on

* for the process: ``set_enabled(False)`` / ``set_enabled(True)``; ``enabled()`` says which;
* for a block: ``with memos(False): ...`` (restores the previous setting);
* for a subprocess: the environment variable ``STANCEGRAPH_MEMO=0`` (or ``off``/``false``/
  ``no``), read once when this module is imported. A forked worker inherits the parent's
  setting; a spawned one reads the variable, or call ``set_enabled`` in its initializer.

Turning memos off does not clear them; turning them back on serves what was stored before.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_ENABLED = os.environ.get("STANCEGRAPH_MEMO", "1").strip().lower() not in {"0", "off", "false", "no"}


#: every table and cached function of the process, for :func:`clear_all`
_ALL: list[Memo[object] | Cached[object, object]] = []


def clear_all() -> None:
    """Empty every memo table and cached function (a cold start, for tests and benchmarks)."""
    for m in _ALL:
        m.cache_clear() if isinstance(m, Cached) else m.clear()


def enabled() -> bool:
    """Whether memos serve and store values (see the module docstring)."""
    return _ENABLED


def set_enabled(on: bool) -> None:
    """Turn every memo of the process on or off (off: nothing is served or stored)."""
    global _ENABLED
    _ENABLED = bool(on)


@contextmanager
def memos(on: bool) -> Iterator[None]:
    """Memos on or off inside the block; the previous setting is restored after it."""
    before = _ENABLED
    set_enabled(on)
    try:
        yield
    finally:
        set_enabled(before)


class Memo(Generic[V]):
    """A dict bounded to ``size`` entries that forgets the oldest insertion first."""

    __slots__ = ("_data", "_size")

    def __init__(self, size: int) -> None:
        self._data: dict[Hashable, V] = {}
        self._size = size
        _ALL.append(self)  # type: ignore[arg-type]

    def get(self, key: Hashable) -> V | None:
        """The value stored under ``key``, or None (always None while memos are off)."""
        return self._data.get(key) if _ENABLED else None

    def put(self, key: Hashable, value: V) -> None:
        """Store ``value`` under ``key``, dropping the oldest entry when the table is full."""
        if not _ENABLED:
            return
        data = self._data
        if len(data) >= self._size and key not in data:
            # another thread may evict at the same time: the bound then holds loosely, the values stay right
            with suppress(KeyError, RuntimeError, StopIteration):
                del data[next(iter(data))]
        data[key] = value

    def __len__(self) -> int:
        return len(self._data)

    def clear(self) -> None:
        self._data.clear()


class Cached(Generic[K, V]):
    """A one-argument pure function behind an ``lru_cache`` that obeys the switch."""

    __slots__ = ("__wrapped__", "_hit")

    def __init__(self, fn: Callable[[K], V], maxsize: int) -> None:
        self.__wrapped__ = fn
        self._hit = lru_cache(maxsize=maxsize)(fn)
        _ALL.append(self)  # type: ignore[arg-type]

    def __call__(self, arg: K) -> V:
        return self._hit(arg) if _ENABLED else self.__wrapped__(arg)

    def cache_clear(self) -> None:
        self._hit.cache_clear()

    def cache_info(self) -> object:
        return self._hit.cache_info()


def cached(maxsize: int) -> Callable[[Callable[[K], V]], Cached[K, V]]:
    """``functools.lru_cache(maxsize)`` for a one-argument pure function, under the switch."""

    def wrap(fn: Callable[[K], V]) -> Cached[K, V]:
        return Cached(fn, maxsize)

    return wrap
