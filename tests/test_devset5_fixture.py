"""Integrity checks for the fifth development set (tests/fixtures/devset5/, a rotated holdout).

These tests check that the gold file is well formed and consistent with its
articles; they never run the extractor.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from stancegraph.graph.records import ACTOR_KINDS, CONDITIONS, STANCES

HOLDOUT = Path(__file__).parent / "fixtures" / "devset5"
KEYS = {
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
}
# The only Wikidata ids the annotation guideline allows (used only where certain).
KNOWN_QIDS = {"Q7747", "Q3874799", "Q212", "Q159", "Q30"}
DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def _gold() -> list[dict]:
    lines = (HOLDOUT / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _articles() -> list[str]:
    return sorted(p.stem for p in HOLDOUT.glob("*.txt"))


def _meta(stem: str) -> dict:
    return json.loads((HOLDOUT / f"{stem}.meta.json").read_text(encoding="utf-8"))


def _text(stem: str) -> str:
    return (HOLDOUT / f"{stem}.txt").read_text(encoding="utf-8")


def _as_date(value: str) -> date:
    parts = [int(x) for x in value.split("-")]
    return date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)


def test_set_size():
    assert len(_articles()) == 15
    assert 80 <= len(_gold()) <= 100


@pytest.mark.parametrize("stem", _articles())
def test_article_has_meta_and_gold(stem):
    assert re.fullmatch(r"\d{3}_[a-z0-9_]+", stem)
    meta = _meta(stem)
    assert set(meta) >= {"url", "title", "publisher", "published"}
    assert meta["url"] is None
    assert meta["title"] and meta["publisher"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["published"])
    date.fromisoformat(meta["published"])
    assert "2022-01-01" <= meta["published"] <= "2025-12-31"
    assert 350 <= len(_text(stem).split()) <= 900
    assert any(g["article"] == stem for g in _gold()), f"{stem} has no gold statements"


def test_every_gold_line_is_well_formed():
    stems = set(_articles())
    for n, g in enumerate(_gold(), 1):
        where = f"gold line {n} ({g.get('article')})"
        assert set(g) == KEYS, where
        assert g["article"] in stems, where
        assert g["speaker"] and isinstance(g["speaker"], str), where
        assert isinstance(g["aliases"], list), where
        assert all(isinstance(a, str) and a for a in g["aliases"]), where
        assert g["kind"] in ACTOR_KINDS, where
        assert g["stance"] in STANCES, where
        assert isinstance(g["conditions"], list), where
        assert len(set(g["conditions"])) == len(g["conditions"]), where
        assert set(g["conditions"]) <= set(CONDITIONS), where
        assert isinstance(g["optional"], bool), where
        assert g["wikidata"] is None or g["wikidata"] in KNOWN_QIDS, where
        assert g["target"] is None or isinstance(g["target"], str), where
        assert g["note"] is None or isinstance(g["note"], str), where


def test_evidence_is_exact_substring():
    for n, g in enumerate(_gold(), 1):
        assert g["evidence"], f"gold line {n}: empty evidence"
        assert g["evidence"] in _text(g["article"]), f"gold line {n} ({g['article']}): {g['evidence']!r}"


def test_dates_well_formed_and_not_after_publication():
    for n, g in enumerate(_gold(), 1):
        if g["date"] is None:
            continue
        assert DATE_RE.match(g["date"]), f"gold line {n}: {g['date']!r}"
        said = _as_date(g["date"])  # raises on an impossible day
        published = date.fromisoformat(_meta(g["article"])["published"])
        assert said <= published, f"gold line {n} ({g['article']}): {g['date']} after {published}"


def test_wikidata_ids_consistent_per_speaker():
    qids: dict[str, set] = {}
    for g in _gold():
        if g["wikidata"]:
            qids.setdefault(g["wikidata"], set()).add(g["speaker"])
    for qid, names in qids.items():
        assert len(names) == 1, f"{qid} used for {names}"


def test_covers_every_stance_and_most_conditions():
    gold = _gold()
    assert {g["stance"] for g in gold} == set(STANCES)
    assert len({c for g in gold for c in g["conditions"]}) >= 15
