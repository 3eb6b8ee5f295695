"""The researchers' queries (queries/*.rq) on the seeds store, checked against the gold facts.

Expectations come from ../shared/gold/seeds.jsonl and are stated loosely enough to survive
small extraction changes (counts as lower bounds, rows looked up by their key), but each
one fails if the fact it names disappears.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import Literal, NamedNode

from stancegraph.graph import namespaces as ns
from stancegraph.graph.querying import catalog, named_query
from stancegraph.graph.store import GraphStore

from .conftest import run_cli

PUTIN = ns.actor_iri("vladimir-putin")
ZELENSKY = ns.actor_iri("volodymyr-zelensky")
UKRAINE = ns.actor_iri("ukraine")
RUSSIA = ns.actor_iri("russia")
EXPECTED = {
    "actor-statements",
    "condition-setters",
    "conditions-by-side",
    "multi-source-statements",
    "stance-changes",
    "accusations",
    "undated-statements",
    "statement-articles",
    "actors",
    "statements",
    "conditions",
    "timeline",
    "near-duplicates",
    "stances",
}


def rows(store: GraphStore, name: str, **params: Any) -> list[dict[str, Any]]:
    return store.select(named_query(name).text, params)


def by(rows_: list[dict[str, Any]], **match: Any) -> list[dict[str, Any]]:
    return [r for r in rows_ if all(r.get(k) == v for k, v in match.items())]


def putin_ready_1225(store: GraphStore) -> dict[str, Any]:
    found = by(rows(store, "actor-statements", actor=NamedNode(PUTIN)), stance="ready", date="2022-12-25")
    assert found, "Putin's 'ready' of 2022-12-25 is missing"
    return found[0]


def test_catalogue_headers_and_bounds() -> None:
    queries = {q.name: q for q in catalog()}
    assert set(queries) >= EXPECTED
    for q in queries.values():
        assert q.title and q.title != q.name, q.name
        assert len(q.description) > 30, q.name
        body = "\n".join(line for line in q.text.splitlines() if not line.startswith("#"))
        assert re.search(r"\bLIMIT\s+\d+\s*$", body.strip()), f"{q.name}: no final LIMIT"
        for param in q.parameters:
            assert q.parameter_help[param], f"{q.name}: parameter {param} has no help"
            assert re.search(rf"\?{param}\b", body), f"{q.name}: parameter {param} is not a variable of the query"
            assert "{" + param + "}" not in body, f"{q.name}: {param} looks like a string template"


def test_every_query_parses_and_runs(seeds_store: GraphStore) -> None:
    for q in catalog():
        result = seeds_store.select(q.text)
        assert isinstance(result, list), q.name
    # the unbound-parameter form of the list queries returns data
    for name in ("actors", "statements", "conditions", "stances", "timeline", "actor-statements", "statement-articles"):
        assert rows(seeds_store, name), f"{name} returned nothing on the seeds"


def test_actor_statements_over_time(seeds_store: GraphStore) -> None:
    said = rows(seeds_store, "actor-statements", actor=NamedNode(PUTIN))
    assert len(said) >= 6
    assert {r["actor"] for r in said} == {PUTIN}
    assert putin_ready_1225(seeds_store)["articles"] == 2  # seeds 002 and 003 are one story
    dated = [r["date"] for r in said if r["date"]]
    assert dated == sorted(dated), "oldest first"
    assert said[-1]["date"] is None or all(r["date"] for r in said), "undated statements come last"
    assert by(said, stance="conditional", date="2024-10-18"), "the Istanbul-basis statement of 18 October 2024"
    istanbul = [r for r in said if "istanbul-basis" in (r["conditions"] or "")]
    assert istanbul


def test_who_set_a_condition(seeds_store: GraphStore) -> None:
    setters = rows(seeds_store, "condition-setters", condition=NamedNode(ns.condition_iri("counterpart-leadership")))
    zelensky = by(setters, speaker=ZELENSKY)
    assert zelensky and zelensky[0]["sideName"] == "Ukraine"
    assert "refuses" in zelensky[0]["stances"]
    withdrawal = rows(seeds_store, "condition-setters", condition=NamedNode(ns.condition_iri("russian-withdrawal")))
    assert len({r["speaker"] for r in withdrawal}) >= 3  # Popova, Polischuk, Ukraine, Yermak...
    assert all(r["condition"] == ns.condition_iri("russian-withdrawal") for r in withdrawal)


def test_conditions_by_side(seeds_store: GraphStore) -> None:
    table = rows(seeds_store, "conditions-by-side")
    ukraine = by(table, side=UKRAINE, code="russian-withdrawal")
    assert ukraine and ukraine[0]["statements"] >= 2
    russia = {r["code"] for r in by(table, side=RUSSIA)}
    assert {"istanbul-basis", "battlefield-realities"} & russia


def test_statements_reported_by_several_outlets(seeds_store: GraphStore) -> None:
    multi = rows(seeds_store, "multi-source-statements")
    ready = putin_ready_1225(seeds_store)
    row = by(multi, statement=ready["statement"])
    assert row and row[0]["articles"] >= 2
    assert {"002_ee147a0f71bb926c", "003_ae65272d98bd0ae3"} <= set(row[0]["sources"].split())
    assert all(r["articles"] >= 2 for r in multi)


def test_stance_changes(seeds_store: GraphStore) -> None:
    seq = rows(seeds_store, "stance-changes", actor=NamedNode(PUTIN))
    dates = [r["date"] for r in seq]
    assert dates == sorted(dates) and len(dates) == len(set(dates))
    day = by(seq, date="2022-12-25")
    assert day and "ready" in day[0]["stances"].split()
    assert seq[0]["previousDate"] is None
    for earlier, later in itertools.pairwise(seq):
        assert later["previousDate"] == earlier["date"]
        assert later["previousStances"].split() and later["changed"] in ("true", "false")
        if set(later["stances"].split()) != set(earlier["stances"].split()):
            assert later["changed"] == "true", later
    autumn_2024 = [r for r in seq if r["date"].startswith("2024-10")]
    assert any("conditional" in r["stances"].split() for r in autumn_2024)
    assert any(r["changed"] == "true" for r in seq)


def test_who_accuses_whom(seeds_store: GraphStore) -> None:
    pairs = rows(seeds_store, "accusations")
    assert by(pairs, accuser=PUTIN, accused=UKRAINE)
    assert any(r["accused"] == RUSSIA for r in pairs)  # Podolyak, Burns, Ukraine say Russia is not serious
    assert all(r["example"] for r in pairs)


def test_undated_statements(seeds_store: GraphStore) -> None:
    undated = rows(seeds_store, "undated-statements")
    assert by(undated, speaker=ZELENSKY, stance="refuses")
    dated = {r["statement"] for r in rows(seeds_store, "actor-statements", actor=NamedNode(PUTIN)) if r["date"]}
    assert not dated & {r["statement"] for r in undated}


def test_articles_per_statement_with_evidence(seeds_store: GraphStore, seeds_dir: Path) -> None:
    from stancegraph.graph.articles import read_articles

    texts = {a.id: a.text for a in read_articles([seeds_dir])}
    every = rows(seeds_store, "statement-articles")
    assert len({r["statement"] for r in every}) >= 20
    for r in every:
        assert texts[r["identifier"]][r["start"] : r["end"]] == r["exact"], "offsets index the article text"
        assert r["headline"] and r["method"] and 0 < r["confidence"] <= 1
    ready = putin_ready_1225(seeds_store)
    spans = rows(seeds_store, "statement-articles", statement=NamedNode(ready["statement"]))
    assert {r["statement"] for r in spans} == {ready["statement"]}
    assert any("ready" in r["exact"].lower() for r in spans)
    assert {r["identifier"] for r in spans} == {"002_ee147a0f71bb926c", "003_ae65272d98bd0ae3"}


def test_actors(seeds_store: GraphStore) -> None:
    actors = {r["actor"]: r for r in rows(seeds_store, "actors")}
    putin = actors[PUTIN]
    assert (putin["kind"], putin["wikidata"], putin["side"]) == ("person", "Q7747", RUSSIA)
    assert putin["statements"] >= 6 and putin["firstDate"] <= "2022-12-25" <= putin["lastDate"]
    assert actors[ZELENSKY]["wikidata"] == "Q3874799" and actors[ZELENSKY]["sideName"] == "Ukraine"
    assert actors[UKRAINE]["targeted"] >= 5
    one = rows(seeds_store, "actors", actor=NamedNode(ZELENSKY))
    assert [r["actor"] for r in one] == [ZELENSKY]


def test_statements_filters_and_keyset(seeds_store: GraphStore) -> None:
    all_rows = rows(seeds_store, "statements")
    keys = [(r["dateKey"], r["statement"]) for r in all_rows]
    assert keys == sorted(keys) and len(keys) == len(set(keys))
    ready = rows(seeds_store, "statements", speaker=NamedNode(PUTIN), stance=NamedNode(ns.stance_iri("ready")))
    assert (
        ready and {r["speaker"] for r in ready} == {PUTIN} and {r["stance"] for r in ready} == {ns.stance_iri("ready")}
    )
    dec = rows(seeds_store, "statements", since=Literal("2022-12-01"), until=Literal("2022-12-31"))
    assert dec and all(r["date"].startswith("2022-12") for r in dec)
    assert any(r["date"] == "2022-12" for r in dec), "month-precision dates overlap the range"
    withdrawal = rows(seeds_store, "statements", condition=NamedNode(ns.condition_iri("russian-withdrawal")))
    assert withdrawal and all("russian-withdrawal" in r["conditions"].split() for r in withdrawal)
    assert any(len(r["conditions"].split()) > 1 for r in withdrawal), "the other conditions are still listed"
    side = rows(seeds_store, "statements", side=NamedNode(UKRAINE))
    assert side and all(r["speaker"] == UKRAINE or r["speakerSide"] == UKRAINE for r in side)
    source = rows(seeds_store, "statements", source=Literal("004_490b98aef62dcad9"))
    assert source and PUTIN in {r["speaker"] for r in source} and len(source) < len(all_rows)
    # keyset: the rows after the 5th are exactly the tail
    k, s = keys[4]
    tail = rows(seeds_store, "statements", afterKey=Literal(k), afterIri=Literal(s))
    assert [(r["dateKey"], r["statement"]) for r in tail] == keys[5:]


def test_conditions_and_stances(seeds_store: GraphStore) -> None:
    from stancegraph.graph.records import CONDITIONS, STANCES

    conditions = {r["code"]: r for r in rows(seeds_store, "conditions")}
    assert set(CONDITIONS) <= set(conditions)
    assert conditions["russian-withdrawal"]["statements"] >= 2 and conditions["russian-withdrawal"]["label"]
    assert conditions["reparations"]["statements"] == 0
    stances = {r["code"]: r for r in rows(seeds_store, "stances")}
    assert set(STANCES) <= set(stances) and stances["accuses"]["statements"] >= 3


def test_timeline(seeds_store: GraphStore) -> None:
    points = rows(seeds_store, "timeline", actor=NamedNode(PUTIN))
    dec = by(points, month="2022-12", stance="ready")
    assert dec and dec[0]["statements"] >= 1
    assert by(points, month="2024-10", stance="conditional")
    assert [p["month"] for p in points] == sorted(p["month"] for p in points)


def test_near_duplicates(seeds_store: GraphStore) -> None:
    pairs = rows(seeds_store, "near-duplicates")
    ids = {frozenset((r["identifier"], r["originalIdentifier"])) for r in pairs}
    assert frozenset(("002_ee147a0f71bb926c", "003_ae65272d98bd0ae3")) in ids
    row = next(r for r in pairs if r["identifier"] in ("002_ee147a0f71bb926c", "003_ae65272d98bd0ae3"))
    assert row["sharedStatements"] >= 2


@pytest.mark.parametrize("fmt", ["csv", "table"])
def test_cli_query_with_param(seeds_store_path: Path, fmt: str) -> None:
    proc = run_cli(
        "query",
        "actor-statements",
        "--store",
        str(seeds_store_path),
        "--format",
        fmt,
        "--param",
        "actor=sgid:actor/vladimir-putin",
    )
    assert "2022-12-25" in proc.stdout and "ready" in proc.stdout
    assert "zelensky" not in proc.stdout.lower()


def test_cli_queries_lists_catalogue() -> None:
    proc = run_cli("queries")
    for name in EXPECTED:
        assert name in proc.stdout
    assert "parameters" in proc.stdout and "actor" in proc.stdout
