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
"""

from __future__ import annotations

from collections.abc import Hashable
from contextlib import suppress
from typing import Generic, TypeVar

V = TypeVar("V")


class Memo(Generic[V]):
    """A dict bounded to ``size`` entries that forgets the oldest insertion first."""

    __slots__ = ("_data", "_size")

    def __init__(self, size: int) -> None:
        self._data: dict[Hashable, V] = {}
        self._size = size

    def get(self, key: Hashable) -> V | None:
        """The value stored under ``key``, or None."""
        return self._data.get(key)

    def put(self, key: Hashable, value: V) -> None:
        """Store ``value`` under ``key``, dropping the oldest entry when the table is full."""
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
