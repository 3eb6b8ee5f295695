"""Running the shipped researcher queries (queries/*.rq) from the web app.

Why a helper: the REST API, the HTML views and the linked-data pages all answer from the
same named queries, so a researcher who copies a query from the catalogue gets exactly
the rows the API served. Parameters go in as pyoxigraph substitutions (never pasted into
the text), and a caller that needs only ``max_rows`` rows stops reading the solutions
there, so page size never changes the query text either.
"""

from __future__ import annotations

from functools import cache
from itertools import islice
from typing import Any

from pyoxigraph import Literal, NamedNode, Variable

from stancegraph.graph import namespaces as ns
from stancegraph.graph.querying import NamedQuery, named_query
from stancegraph.graph.store import GraphStore, _py

Term = NamedNode | Literal


@cache
def shipped(name: str) -> NamedQuery:
    """The query ``name`` of queries/, read once per process."""
    return named_query(name)


def select(
    store: GraphStore, name: str, params: dict[str, Term | None] | None = None, max_rows: int | None = None
) -> list[dict[str, Any]]:
    """Rows of the named query as dicts of Python values (IRIs and literals as strings).

    ``None`` parameters are left unbound (the query then applies no such filter).
    """
    query = shipped(name)
    subs = {Variable(k): v for k, v in (params or {}).items() if v is not None}
    unknown = {k.value for k in subs} - set(query.parameters)
    if unknown:
        raise ValueError(f"query {name!r} has no parameter {sorted(unknown)}")
    result = store.query(query.text, substitutions=subs or None, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    solutions = result if max_rows is None else islice(result, max_rows)
    return [{n: _py(sol[n]) for n in names} for sol in solutions]


def iri(kind: str, local: str) -> NamedNode:
    """``sgid:<kind>/<local>`` as a term, e.g. ``iri("stance", "ready")``."""
    return NamedNode(f"{ns.ID}{kind}/{local}")


def local_id(value: str | None, kind: str) -> str | None:
    """The local part of a minted IRI of ``kind`` (``.../id/actor/x`` → ``x``), else None."""
    prefix = f"{ns.ID}{kind}/"
    if value and value.startswith(prefix):
        return value[len(prefix) :]
    return None


def exists(store: GraphStore, value: str) -> bool:
    """True when the IRI is the subject or object of some quad, or names a graph."""
    node = NamedNode(value)
    raw = store.raw
    for _ in raw.quads_for_pattern(node, None, None, None):
        return True
    for _ in raw.quads_for_pattern(None, None, node, None):
        return True
    return bool(raw.contains_named_graph(node))
