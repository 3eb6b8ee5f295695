"""Guard of the memo tables (memo.py): they change no output on real articles.

Every memoized step states where it builds its key that the key holds everything the step
reads. A rule change that makes a step read something more (a wider context, another
speaker field, the text around a sentence) and forgets the key would make a memo serve a
value computed for other surroundings. This test catches that: the seeds and every dev set
(never a holdout) are extracted with the memos off (every step computed afresh), then with
them on from empty (cold), on again (warm: every step served from a memo), and once more in
reversed article order (warm, but each article meets memos filled by the ones after it);
the records must be the same, article by article. Last, every article is read again with
its body paragraphs in reversed order (the same sentences after other sentences, under
other speakers and dates: what a key that leaves out the surroundings would confuse), with
memos warm from the originals, and compared with the same variants read with memos off.
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


def _reversed_paragraphs(a: Article) -> Article:
    paras = [a.text[s:e] for s, e in a.body_regions]
    paras = [q for p in paras for q in p.split("\n\n") if q.strip()]
    text = "\n\n".join(paras[:1] + paras[1:][::-1])
    return Article(id=a.id + "~r", text=text, source=a.source, publisher=a.publisher, published=a.published)


def _records(arts: list[Article]) -> dict[str, list[dict[str, Any]]]:
    return {a.id + "|" + str(a.source): [s.to_record() for s in extract_statements(a)] for a in arts}


def test_memos_change_no_record_off_cold_warm_or_reordered() -> None:
    arts = _articles()
    if not arts:
        pytest.skip("no seeds and no dev sets")
    assert len({a.id + "|" + str(a.source) for a in arts}) == len(arts)
    variants = [_reversed_paragraphs(a) for a in arts]
    try:
        with memo.memos(False):
            memo.clear_all()
            off = _records(arts)
            off_variants = _records(variants)
            assert all(len(m) == 0 for m in memo._ALL if isinstance(m, memo.Memo)), "memos off must store nothing"
        with memo.memos(True):
            memo.clear_all()
            cold = _records(arts)
            warm = _records(arts)
            reordered = _records(arts[::-1])
            variants_warm = _records(variants)
    finally:
        memo.clear_all()
    assert sum(map(len, off.values())) > 0
    for key in off:
        assert cold[key] == off[key], f"{key}: memos on (cold) differ from memos off"
        assert warm[key] == off[key], f"{key}: memos on (warm) differ from memos off"
        assert reordered[key] == off[key], f"{key}: memos on (reversed order) differ from memos off"
    for key in off_variants:
        assert variants_warm[key] == off_variants[key], f"{key}: memos on (warm, paragraphs reversed) differ from off"
