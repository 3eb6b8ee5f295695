"""Keyset pages of the shipped ``statements`` query, cut from one cached sorted list.

Why: the query must read and sort every statement that passes the filters before it can
return the first row after a cursor, so each page cost as much as the whole list (0.6 s
at 10,000 statements), and a researcher paging through paid that on every page. The
rows of one filter set are kept per *store version* (:attr:`GraphStore.version`, bumped
by every write), so a page never mixes data from before and after a write: the next
request after a write reads afresh. Rows are those of the query itself; a page is the
slice after the cursor's (date key, IRI), exactly what the query's own cursor filter
selects. Past the query's row limit the query is run with the cursor, as before.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections import OrderedDict
from typing import Any

from pyoxigraph import Literal

from stancegraph.api.named import Term, select, shipped
from stancegraph.graph.store import GraphStore

QUERY = "statements"
Row = dict[str, Any]


def _row_limit() -> int | None:
    found = re.search(r"\bLIMIT\s+(\d+)\s*$", shipped(QUERY).text, re.IGNORECASE)
    return int(found.group(1)) if found else None


def _key(row: Row) -> tuple[str, str]:
    return (str(row["dateKey"]), str(row["statement"]))


class StatementPages:
    """Pages of statements for one store, with an LRU of ``entries`` filter sets (0: off)."""

    def __init__(self, entries: int) -> None:
        self.entries = max(0, entries)
        self._lists: OrderedDict[tuple[Any, ...], list[Row]] = OrderedDict()
        self._lock = threading.Lock()

    def page(self, store: GraphStore, filters: dict[str, Term], after: tuple[str, str] | None, size: int) -> list[Row]:
        """Up to ``size + 1`` rows after ``after`` (blocking: call it through the runner)."""
        if self.entries == 0:
            return self._query(store, filters, after, size)
        rows = self._rows(store, filters)
        start = bisect_right(rows, after, key=_key) if after else 0
        limit = _row_limit()
        if limit is not None and len(rows) >= limit and start + size + 1 > len(rows):
            return self._query(store, filters, after, size)  # the list was cut at the row limit
        return rows[start : start + size + 1]

    def _rows(self, store: GraphStore, filters: dict[str, Term]) -> list[Row]:
        version = store.version  # read before the query: a write during it makes the key stale
        key = (version, tuple(sorted((name, str(term)) for name, term in filters.items())))
        with self._lock:
            if key in self._lists:
                self._lists.move_to_end(key)
                return self._lists[key]
        rows = select(store, QUERY, dict(filters))
        with self._lock:
            self._lists[key] = rows
            for old in [k for k in self._lists if k[0] != store.version]:
                del self._lists[old]
            while len(self._lists) > self.entries:
                self._lists.popitem(last=False)
        return rows

    @staticmethod
    def _query(store: GraphStore, filters: dict[str, Term], after: tuple[str, str] | None, size: int) -> list[Row]:
        bound: dict[str, Term | None] = dict(filters)
        if after:
            bound["afterKey"], bound["afterIri"] = Literal(after[0]), Literal(after[1])
        return select(store, QUERY, bound, max_rows=size + 1)
