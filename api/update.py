"""SPARQL 1.1 Update over the protocol, and the one way the web app writes the store.

https://www.w3.org/TR/sparql11-protocol/#update-operation. Updates are off unless
``settings.allow_update`` is set *and* the request carries the bearer token (checked by
the route with :func:`stancegraph.api.safety.authorize`); ``LOAD`` and ``SERVICE`` are
refused like in queries.

The protocol's ``using-graph-uri`` / ``using-named-graph-uri`` parameters
(https://www.w3.org/TR/sparql11-protocol/#update-dataset) have no pyoxigraph option, so
they become ``USING <iri>`` / ``USING NAMED <iri>`` clauses inserted before the ``WHERE``
of each ``DELETE``/``INSERT ... WHERE`` operation, found with the SPARQL lexer of
:mod:`~stancegraph.api.safety` (top level only, never in strings, IRIs or comments). The
IRIs are validated and written by pyoxigraph's ``NamedNode``, never pasted as raw text.
An update that has its own ``USING`` or ``WITH`` *and* such parameters is refused (400),
as the protocol requires.

Every write of the web app goes through :func:`write`: one writer at a time (the store's
writer lock), queries held off while it runs (the query pool's gate), the store flushed
after, and the pool's data generation bumped so workers reopen and see the new data.
Writes are not abandoned at a deadline: a pyoxigraph transaction cannot be cancelled,
and letting queries resume while it still runs would break the read-only workers' rule.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from pyoxigraph import NamedNode

from stancegraph.api.safety import tokens
from stancegraph.api.workers import QueryPool
from stancegraph.errors import QueryError, StoreError
from stancegraph.graph import namespaces as ns
from stancegraph.graph.store import GraphStore

T = TypeVar("T")


def add_using(update: str, default_graphs: tuple[str, ...] | None, named_graphs: tuple[str, ...] | None) -> str:
    """``update`` with the protocol's dataset as USING clauses (see the module doc)."""
    clause = " ".join(
        [f"USING {NamedNode(g)}" for g in default_graphs or ()]
        + [f"USING NAMED {NamedNode(g)}" for g in named_graphs or ()]
    )
    if not clause:
        return update
    depth, previous, inserts = 0, "", []
    for token in tokens(update):
        if token.kind in ("ws", "comment"):
            continue
        value = token.value.upper() if token.kind == "word" else token.value
        if token.kind == "other" and value == "{":
            depth += 1
        elif token.kind == "other" and value == "}":
            depth -= 1
        elif token.kind == "word" and depth == 0:
            if value in ("USING", "WITH"):
                raise QueryError(
                    f"the update has its own {value} clause and the request has using-graph-uri or "
                    "using-named-graph-uri parameters; use one or the other (SPARQL 1.1 Protocol §2.2.3)"
                )
            if value == "WHERE" and previous != "DELETE":
                inserts.append(token.start)
        previous = value if token.kind == "word" else ""
    for start in reversed(inserts):
        update = f"{update[:start]}{clause} {update[start:]}"
    return update


async def write(store: GraphStore, pool: QueryPool, fn: Callable[[], T]) -> T:
    """Run the write ``fn`` off the event loop, alone, then flush; workers see it next."""
    if store.read_only:
        raise StoreError("the store is open read-only")

    def locked() -> T:
        with store.writing():
            return fn()

    async with pool.exclusive():
        return await asyncio.get_running_loop().run_in_executor(None, locked)


async def run_update(store: GraphStore, pool: QueryPool, text: str, base_iri: str | None) -> None:
    """Execute a SPARQL update (already authorized, checked and rewritten)."""

    def apply() -> None:
        store.raw.update(text, base_iri=base_iri, prefixes=ns.PREFIXES)

    try:
        await write(store, pool, apply)
    except SyntaxError as exc:
        raise QueryError(f"the update does not parse: {exc}") from exc
    except (ValueError, RuntimeError) as exc:
        raise QueryError(f"the update could not be applied: {exc}") from exc
