"""The researcher queries on a synthetic store where every fact is restated many times.

Why: each article is a named graph and the default graph is their union, so a statement
reported by n articles states its speaker, stance, date and label n times, and an actor
named by m articles has m copies of its name. Queries written on 5 seed articles (n, m of 1
or 2) that join these patterns directly count copies and blow up as n·m·… on a real store
(47 s for ``conditions`` on 1000 articles). Here a few statements are reported by 40
articles and every speaker is named in every article, so a query that joins copies instead
of reading each fact once either returns duplicate rows and inflated counts (checked below
against counts computed in Python) or does not finish. Timings are left to
``bench/bench_queries.py``; nothing here measures time.

The store is built from generated records with :func:`graph.rdf.article_quads` (no
extractor), in memory, in well under a second.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from pyoxigraph import NamedNode

from stancegraph.graph import namespaces as ns
from stancegraph.graph.querying import catalog, named_query, store_stats
from stancegraph.graph.rdf import Provenance, article_quads, speaker_iri, statement_iri
from stancegraph.graph.records import CONDITIONS, STANCES, Article, Evidence, Speaker, Statement
from stancegraph.graph.store import GraphStore

ARTICLES = 60
HOT_REPORTS = 40  # the few statements every one of 40 articles reports
SIDES = ("Side Alpha", "Side Beta")


@dataclass
class Corpus:
    store: GraphStore
    statements: dict[str, Statement]  # IRI → record
    reports: dict[str, set[str]]  # IRI → article ids
    speakers: dict[str, Speaker]  # IRI → speaker


def _speakers() -> list[Speaker]:
    out = [Speaker(f"Person {i}", "person", affiliation=SIDES[i % 2]) for i in range(6)]
    out.append(Speaker("Loner", "person"))  # no side: grouped under "unknown"
    out.append(Speaker("Side Alpha", "state"))  # a state speaking for itself
    return out


def _statement(rng: random.Random, speaker: Speaker, n: int) -> Statement:
    dated = n % 5 != 0
    day = date(2023, 1 + n % 12, 1 + n % 27).isoformat() if n % 3 else f"2023-{1 + n % 12:02d}"
    return Statement(
        source="",
        speaker=speaker,
        stance=STANCES[n % len(STANCES)],
        evidence=Evidence(f"quote {n}", 0, 10),
        date=day if dated else None,
        conditions=tuple(sorted(rng.sample(CONDITIONS, n % 3))),
        target=SIDES[(n + 1) % 2] if n % 2 else None,
    )


def build(statements_per_article: int = 6, seed: int = 3) -> Corpus:
    rng = random.Random(seed)
    speakers = _speakers()
    pool = [_statement(rng, speakers[n % len(speakers)], n) for n in range(ARTICLES * statements_per_article)]
    hot = pool[:4]
    store = GraphStore(None)
    prov = Provenance("test-1", datetime(2024, 1, 1, tzinfo=UTC), datetime(2024, 1, 1, tzinfo=UTC))
    records: dict[str, Statement] = {}
    reports: dict[str, set[str]] = defaultdict(set)
    graphs = {}
    for a in range(ARTICLES):
        aid = f"{a:03d}_synthetic"
        article = Article(
            id=aid,
            text=f"Headline {a}\n\nBody of article {a}. " * 5,
            title=f"Headline {a}",
            publisher=f"Outlet {a % 4}",
            published=date(2024, 1, 1 + a % 28),
        )
        mine = pool[a * statements_per_article : (a + 1) * statements_per_article]
        if a < HOT_REPORTS:
            mine = [*mine, *hot]
        # every speaker is named in every article (m copies of each name)
        mine = [*mine, *(Statement("", sp, "urges", Evidence("x", 0, 1), date="2023-06-01") for sp in speakers)]
        stmts = [
            Statement(
                s.source,
                s.speaker,
                s.stance,
                Evidence(s.evidence.text, 20 + i * 11, 30 + i * 11),
                s.date,
                s.conditions,
                s.offers,
                s.target,
            )
            for i, s in enumerate(mine)
        ]
        for s in stmts:
            iri = statement_iri(s)
            records.setdefault(iri, s)
            reports[iri].add(aid)
        graphs[ns.article_graph_iri(aid)] = article_quads(article, stmts, prov)
    store.replace_graphs(graphs)
    by_iri = {}
    for s in records.values():
        by_iri[speaker_iri(s.speaker)] = s.speaker
    return Corpus(store, records, dict(reports), by_iri)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return build()


def rows(c: Corpus, name: str, **params: Any) -> list[dict[str, Any]]:
    return c.store.select(named_query(name).text, {k: NamedNode(v) for k, v in params.items()})


def speaker_of(c: Corpus, iri: str) -> str:
    return speaker_iri(c.statements[iri].speaker)


def test_the_store_restates_facts(corpus: Corpus) -> None:
    assert max(len(r) for r in corpus.reports.values()) >= HOT_REPORTS
    copies = corpus.store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s sg:speaker ?a }")[0]["n"]
    assert copies > 2 * len(corpus.statements)


def test_every_query_runs(corpus: Corpus) -> None:
    for q in catalog():
        assert isinstance(corpus.store.select(q.text), list), q.name


def test_statements_once_each_with_report_counts(corpus: Corpus) -> None:
    got = rows(corpus, "statements")
    assert len(got) == len({r["statement"] for r in got}) == len(corpus.statements)
    for r in got:
        assert r["articles"] == len(corpus.reports[r["statement"]]), r["statement"]
        expected = corpus.statements[r["statement"]]
        assert sorted((r["conditions"] or "").split()) == sorted(expected.conditions)
    keys = [(r["dateKey"], r["statement"]) for r in got]
    assert keys == sorted(keys)


def test_statement_filters(corpus: Corpus) -> None:
    speaker = next(iter(corpus.speakers))
    said = rows(corpus, "statements", speaker=speaker)
    assert len(said) == sum(1 for i in corpus.statements if speaker_of(corpus, i) == speaker)
    code = "russian-withdrawal"
    named = rows(corpus, "statements", condition=ns.condition_iri(code))
    assert len(named) == sum(1 for s in corpus.statements.values() if code in s.conditions)
    side = ns.minted_actor_iri("Side Alpha", "state", None)
    sided = rows(corpus, "statements", side=side)
    assert sided and all(r["speaker"] == side or r["speakerSide"] == side for r in sided)


def test_actors_count_statements_not_copies(corpus: Corpus) -> None:
    per_speaker = Counter(speaker_of(corpus, i) for i in corpus.statements)
    got = {r["actor"]: r for r in rows(corpus, "actors")}
    for iri, n in per_speaker.items():
        assert got[iri]["statements"] == n, iri
        assert got[iri]["name"] == corpus.speakers[iri].name
    one = next(iter(per_speaker))
    assert [r["statements"] for r in rows(corpus, "actors", actor=one)] == [per_speaker[one]]
    assert len(rows(corpus, "actor-statements", actor=one)) == per_speaker[one]


def test_conditions_and_stances_counts(corpus: Corpus) -> None:
    named = Counter(c for s in corpus.statements.values() for c in s.conditions)
    got = {r["code"]: r["statements"] for r in rows(corpus, "conditions")}
    for code, n in named.items():
        assert got[code] == n, code
    taken = Counter(s.stance for s in corpus.statements.values())
    assert {r["code"]: r["statements"] for r in rows(corpus, "stances") if r["statements"]} == dict(taken)
    by_side = rows(corpus, "conditions-by-side")
    assert len({(r["side"], r["code"]) for r in by_side}) == len(by_side), "one row per side and condition"
    assert {r["sideName"] for r in by_side if r["side"] == "unknown"} <= {"unknown"}


def test_timeline_and_stance_changes(corpus: Corpus) -> None:
    speaker = next(iter(corpus.speakers))
    mine = [s for i, s in corpus.statements.items() if speaker_of(corpus, i) == speaker and s.date]
    expected = Counter((s.date[:7], s.stance) for s in mine if s.date)
    got = {(r["month"], r["stance"]): r["statements"] for r in rows(corpus, "timeline", actor=speaker)}
    assert got == dict(expected)
    seq = rows(corpus, "stance-changes", actor=speaker)
    stances: dict[str, set[str]] = defaultdict(set)
    for s in mine:
        assert s.date
        stances[s.date].add(s.stance)
    assert [r["date"] for r in seq] == sorted(stances)
    for earlier, later in itertools.pairwise(seq):
        assert later["previousDate"] == earlier["date"]
        assert set(later["previousStances"].split()) == stances[earlier["date"]]
        assert later["changed"] == ("true" if stances[later["date"]] != stances[earlier["date"]] else "false")


def test_evidence_and_reports_once_each(corpus: Corpus) -> None:
    hot = max(corpus.reports, key=lambda i: len(corpus.reports[i]))
    spans = rows(corpus, "statement-articles", statement=hot)
    assert len(spans) == len(corpus.reports[hot]) == len({r["evidence"] for r in spans})
    assert all(r["publisher"] for r in spans)
    multi = {r["statement"]: r for r in rows(corpus, "multi-source-statements")}
    assert set(multi) == {i for i, arts in corpus.reports.items() if len(arts) >= 2}
    assert multi[hot]["articles"] == len(corpus.reports[hot])
    assert len(multi[hot]["sources"].split()) == len(corpus.reports[hot])


def test_pairs_setters_and_undated(corpus: Corpus) -> None:
    accusing = Counter(
        (speaker_of(corpus, i), s.target) for i, s in corpus.statements.items() if s.stance == "accuses" and s.target
    )
    assert sum(r["statements"] for r in rows(corpus, "accusations")) == sum(accusing.values())
    code = "russian-withdrawal"
    setters = rows(corpus, "condition-setters", condition=ns.condition_iri(code))
    assert sum(r["statements"] for r in setters) == sum(1 for s in corpus.statements.values() if code in s.conditions)
    undated = rows(corpus, "undated-statements")
    assert len(undated) == sum(1 for s in corpus.statements.values() if not s.date)


def test_store_stats_counts(corpus: Corpus) -> None:
    stats = store_stats(corpus.store)
    assert stats["counts"]["statements"] == len(corpus.statements)
    per_speaker = Counter(corpus.speakers[speaker_of(corpus, i)].name for i in corpus.statements)
    assert dict(stats["actors"]) == dict(per_speaker)
