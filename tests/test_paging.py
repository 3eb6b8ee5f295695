"""Statement pages cut from the cached sorted list equal the query's own keyset pages."""

from __future__ import annotations

from typing import Any

import pytest

from stancegraph.api.named import Term, iri
from stancegraph.api.paging import StatementPages
from stancegraph.graph import namespaces as ns
from stancegraph.graph.store import GraphStore

FILTERS: list[dict[str, Term]] = [
    {},
    {"speaker": iri("actor", "vladimir-putin")},
    {"stance": iri("stance", "ready")},
    {"side": iri("actor", "ukraine")},
]


def walk(pages: StatementPages, store: GraphStore, filters: dict[str, Term], size: int) -> list[list[Any]]:
    out, after = [], None
    while True:
        rows = pages.page(store, filters, after, size)
        out.append([r["statement"] for r in rows[:size]])
        if len(rows) <= size:
            return out
        after = (rows[size - 1]["dateKey"], rows[size - 1]["statement"])


@pytest.mark.parametrize("size", [1, 3, 7])
def test_cached_pages_equal_the_query_pages(seeds_store: GraphStore, size: int) -> None:
    cached, direct = StatementPages(4), StatementPages(0)
    for filters in FILTERS:
        got = walk(cached, seeds_store, filters, size)
        assert got == walk(direct, seeds_store, filters, size)
        assert sum(map(len, got)) == len(set().union(*map(set, got)))  # no row twice
    assert len(cached._lists) == 4  # one sorted list per filter set, bounded


def test_a_write_makes_the_next_page_read_afresh(seeds_store: GraphStore) -> None:
    pages = StatementPages(4)
    before = pages.page(seeds_store, {}, None, 100)
    article = next(g for g in seeds_store.named_graphs() if g.startswith(ns.ID + "graph/article/"))
    version = seeds_store.version
    assert seeds_store.remove_graph(article)
    assert seeds_store.version > version
    after = pages.page(seeds_store, {}, None, 100)
    assert after == StatementPages(0).page(seeds_store, {}, None, 100)
    assert after != before
