"""Guard of the memo tables (memo.py): they change no output on real articles.

Every memoized step states where it builds its key that the key holds everything the step
reads. A rule change that makes a step read something more (a wider context, another
speaker field, the text around a sentence) and forgets the key would make a memo serve a
value computed for other surroundings. This test catches that: the seeds and every dev set
(never a holdout) are extracted with the memos off (every step computed afresh), then with
them on from empty (cold), on again (warm: every step served from a memo), and once more in
reversed article order (warm, but each article meets memos filled by the ones after it);
the records must be the same, article by article.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from stancegraph.graph.articles import read_articles
from stancegraph.graph.extract import extract_statements, memo
from stancegraph.graph.records import Article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = (ROOT / ".." / "shared" / "seeds").resolve()
FIXTURES = ROOT / "tests" / "fixtures"


def _articles() -> list[Article]:
    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    for d in sorted(FIXTURES.glob("devset*")):  # development sets only, never holdout*
        paths += sorted(d.glob("*.txt"))
    return list(read_articles(paths))


def _records(arts: list[Article]) -> dict[str, list[dict[str, Any]]]:
    return {a.id + "|" + str(a.source): [s.to_record() for s in extract_statements(a)] for a in arts}


def test_memos_change_no_record_off_cold_warm_or_reordered() -> None:
    arts = _articles()
    if not arts:
        pytest.skip("no seeds and no dev sets")
    assert len({a.id + "|" + str(a.source) for a in arts}) == len(arts)
    try:
        with memo.memos(False):
            memo.clear_all()
            off = _records(arts)
            assert all(len(m) == 0 for m in memo._ALL if isinstance(m, memo.Memo)), "memos off must store nothing"
        with memo.memos(True):
            memo.clear_all()
            cold = _records(arts)
            warm = _records(arts)
            reordered = _records(arts[::-1])
    finally:
        memo.clear_all()
    assert sum(map(len, off.values())) > 0
    for key in off:
        assert cold[key] == off[key], f"{key}: memos on (cold) differ from memos off"
        assert warm[key] == off[key], f"{key}: memos on (warm) differ from memos off"
        assert reordered[key] == off[key], f"{key}: memos on (reversed order) differ from memos off"
