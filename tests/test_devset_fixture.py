"""Checks on the invented dev set (tests/fixtures/devset): the articles, their metadata and the gold.

The gold must stay scoreable by ../shared/tools/score.py and honest: every evidence string is an
exact substring of its article, every code is one of the vocabulary's, no date lies after the
article's publication, and Wikidata ids are given only for the few speakers we are certain of.
"""

from __future__ import annotations

import json
import re
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from stancegraph.graph.articles import read_articles
from stancegraph.graph.records import ACTOR_KINDS, CONDITIONS, STANCES

DEVSET = Path(__file__).parent / "fixtures" / "devset"
GOLD = DEVSET / "gold.jsonl"
VOCABULARY = Path(__file__).resolve().parents[2] / "shared" / "spec" / "vocabulary.md"

GOLD_KEYS = [
    "article",
    "speaker",
    "aliases",
    "wikidata",
    "kind",
    "affiliation",
    "date",
    "stance",
    "conditions",
    "target",
    "evidence",
    "optional",
    "note",
]
# The only Wikidata ids the gold may carry, and the speakers they belong to.
CERTAIN_QIDS = {
    "Q7747": "Vladimir Putin",
    "Q3874799": "Volodymyr Zelensky",
    "Q212": "Ukraine",
    "Q159": "Russia",
    "Q30": "United States",
}
DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(DEVSET.glob("*.txt"))}


def _meta(stem: str) -> dict:
    return json.loads((DEVSET / f"{stem}.meta.json").read_text(encoding="utf-8"))


def _vocabulary_codes() -> tuple[set[str], set[str]]:
    """Stance and condition codes from the vocabulary's tables (the records' tuples as fallback)."""
    if not VOCABULARY.exists():
        return set(STANCES), set(CONDITIONS)
    text = VOCABULARY.read_text(encoding="utf-8")
    stances_part = text.split("## Stances", 1)[1].split("## Conditions", 1)[0]
    conditions_part = text.split("## Conditions", 1)[1].split("##", 1)[0]
    code = re.compile(r"^\|\s*`([a-z0-9-]+)`\s*\|", re.MULTILINE)
    return set(code.findall(stances_part)), set(code.findall(conditions_part))


def test_twenty_articles_with_metadata() -> None:
    texts = _texts()
    assert len(texts) == 20
    for stem, text in texts.items():
        assert re.match(r"^\d{3}_[a-z0-9_]+$", stem), stem
        meta = _meta(stem)
        assert set(meta) == {"url", "title", "publisher", "published"}, stem
        assert meta["url"] is None
        assert meta["title"] and meta["publisher"]
        date.fromisoformat(meta["published"])
        words = len(text.split())
        assert 300 <= words <= 900, f"{stem}: {words} words"


def test_articles_read_through_the_reader() -> None:
    # the .txt files, not the folder: the folder also holds gold.jsonl, which is not a collection
    arts = list(read_articles(sorted(DEVSET.glob("*.txt"))))
    assert len(arts) == 20
    for art in arts:
        assert art.published is not None
        assert art.body_regions


def test_gold_rows_are_well_formed() -> None:
    stances, conditions = _vocabulary_codes()
    assert set(stances) == set(STANCES)
    assert set(conditions) == set(CONDITIONS)
    rows = _gold()
    assert len(rows) >= 100
    for n, row in enumerate(rows, 1):
        where = f"gold line {n} ({row.get('article')}, {row.get('speaker')})"
        assert list(row) == GOLD_KEYS, where
        assert row["stance"] in stances, where
        assert all(c in conditions for c in row["conditions"]), where
        assert len(set(row["conditions"])) == len(row["conditions"]), where
        assert row["kind"] in ACTOR_KINDS, where
        assert isinstance(row["aliases"], list), where
        assert isinstance(row["optional"], bool), where
        assert row["speaker"].strip(), where
        if row["wikidata"] is not None:
            assert CERTAIN_QIDS.get(row["wikidata"]) == row["speaker"], where
        if row["speaker"] in CERTAIN_QIDS.values():
            assert row["wikidata"] is not None, where


def test_every_evidence_is_an_exact_substring() -> None:
    texts = _texts()
    for row in _gold():
        assert row["article"] in texts, row["article"]
        assert row["evidence"] and row["evidence"] in texts[row["article"]], (row["article"], row["evidence"])


def test_dates_are_valid_and_never_after_publication() -> None:
    for row in _gold():
        d = row["date"]
        if d is None:
            continue
        assert DATE_RE.match(d), (row["article"], d)
        published = _meta(row["article"])["published"]
        if len(d) == 10:
            date.fromisoformat(d)
            assert d <= published, (row["article"], row["speaker"], d)
        else:
            assert d <= published[:7], (row["article"], row["speaker"], d)


def test_every_article_has_gold_and_the_mix_is_broad() -> None:
    rows = _gold()
    assert {r["article"] for r in rows} == set(_texts())
    assert {r["stance"] for r in rows} == set(STANCES)
    assert {"person", "state", "group", "anonymous", "organization"} <= {r["kind"] for r in rows}
    assert any(r["date"] and len(r["date"]) == 7 for r in rows)
    assert any(r["date"] is None for r in rows)
    assert any(r["optional"] for r in rows)


@pytest.mark.parametrize(
    ("a", "b", "lowest"),
    [
        ("006_zelensky_no_freeze_ukr", "007_zelensky_no_freeze_syndicated", 0.8),
        ("008_jeddah_meeting_wire", "009_jeddah_meeting_rewrite", 0.1),
    ],
)
def test_near_duplicate_pairs(a: str, b: str, lowest: float) -> None:
    texts = _texts()
    ratio = SequenceMatcher(None, texts[a], texts[b], autojunk=False).ratio()
    assert ratio >= lowest
    assert texts[a] != texts[b]
    gold = _gold()
    speakers_a = {(r["speaker"], r["stance"]) for r in gold if r["article"] == a and not r["optional"]}
    speakers_b = {(r["speaker"], r["stance"]) for r in gold if r["article"] == b and not r["optional"]}
    assert speakers_a == speakers_b
