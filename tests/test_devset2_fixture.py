"""Consistency checks for the second development set (tests/fixtures/devset2/, a rotated holdout).

These tests check the fixture, not the extractor: every gold evidence is an
exact substring of its article, every code is in the controlled vocabulary
(shared/spec/vocabulary.md), dates are well-formed and never after the
article's publication date, and every article has gold lines unless the
README lists it as statement-free.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from stancegraph.graph import records

DEVSET2 = Path(__file__).parent / "fixtures" / "devset2"
GOLD = DEVSET2 / "gold.jsonl"
README = DEVSET2 / "README.md"

# The codes of shared/spec/vocabulary.md (tests/test_ontology.py checks them against it).
STANCES = set(records.STANCES)
CONDITIONS = set(records.CONDITIONS)
KINDS = {"person", "organization", "state", "group", "anonymous"}
# The only Wikidata ids the gold may carry, with the speaker each belongs to.
QIDS = {
    "Q7747": "Vladimir Putin",
    "Q3874799": "Volodymyr Zelensky",
    "Q212": "Ukraine",
    "Q159": "Russia",
    "Q30": "United States",
}
GOLD_KEYS = {
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
META_KEYS = {"url", "title", "publisher", "published"}
DATE_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")
STEM_RE = re.compile(r"^\d{3}_[a-z0-9_]+$")


def _gold() -> list[dict]:
    rows = []
    for n, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            row["_line"] = n
            rows.append(row)
    return rows


def _articles() -> list[str]:
    return sorted(p.stem for p in DEVSET2.glob("*.txt"))


def _text(stem: str) -> str:
    return (DEVSET2 / f"{stem}.txt").read_text(encoding="utf-8")


def _meta(stem: str) -> dict:
    return json.loads((DEVSET2 / f"{stem}.meta.json").read_text(encoding="utf-8"))


def _statement_free() -> set[str]:
    """Stems listed as bullets under '## Statement-free articles' in the README."""
    stems: set[str] = set()
    section = False
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line.strip() == "## Statement-free articles"
            continue
        match = re.match(r"^- `?(\d{3}_[a-z0-9_]+)`?\s*$", line.strip())
        if section and match:
            stems.add(match.group(1))
    return stems


GOLD_ROWS = _gold()


def _row_id(row: dict) -> str:
    return f"{row['article']}:{row['_line']}"


def test_articles_and_metadata() -> None:
    stems = _articles()
    assert len(stems) == 16
    for stem in stems:
        assert STEM_RE.match(stem), stem
        meta = _meta(stem)
        assert set(meta) == META_KEYS, stem
        assert meta["url"] is None, stem
        assert meta["title"] and meta["publisher"], stem
        assert re.match(r"^\d{4}-\d{2}-\d{2}$", meta["published"]), stem
        assert "2022-01-01" <= meta["published"] <= "2025-12-31", stem
        words = len(_text(stem).split())
        assert 350 <= words <= 900, f"{stem}: {words} words"
    assert sorted(p.name[: -len(".meta.json")] for p in DEVSET2.glob("*.meta.json")) == stems


def test_every_article_has_gold_or_is_statement_free() -> None:
    with_gold = {row["article"] for row in GOLD_ROWS}
    free = _statement_free()
    stems = set(_articles())
    assert with_gold <= stems, with_gold - stems
    assert free <= stems, free - stems
    assert not free & with_gold, free & with_gold
    assert stems == with_gold | free, stems - with_gold - free


def test_gold_size() -> None:
    required = [row for row in GOLD_ROWS if not row["optional"]]
    assert len(GOLD_ROWS) >= 90
    assert len(required) >= 80


@pytest.mark.parametrize("row", GOLD_ROWS, ids=_row_id)
def test_gold_row(row: dict) -> None:
    assert set(row) - {"_line"} == GOLD_KEYS
    assert isinstance(row["speaker"], str) and row["speaker"].strip()
    assert isinstance(row["aliases"], list)
    assert all(isinstance(a, str) and a.strip() for a in row["aliases"])
    assert row["kind"] in KINDS
    assert row["stance"] in STANCES
    assert isinstance(row["conditions"], list)
    assert set(row["conditions"]) <= CONDITIONS, set(row["conditions"]) - CONDITIONS
    assert len(set(row["conditions"])) == len(row["conditions"])
    assert isinstance(row["optional"], bool)
    assert row["target"] is None or isinstance(row["target"], str)
    assert row["note"] is None or isinstance(row["note"], str)
    assert row["affiliation"] is None or isinstance(row["affiliation"], str)
    if row["stance"] == "conditional":
        assert row["conditions"], "a conditional statement names its conditions"
    if row["wikidata"] is not None:
        assert QIDS.get(row["wikidata"]) == row["speaker"], row["wikidata"]


@pytest.mark.parametrize("row", GOLD_ROWS, ids=_row_id)
def test_evidence_is_exact_substring(row: dict) -> None:
    evidence = row["evidence"]
    assert isinstance(evidence, str) and evidence.strip() == evidence and evidence
    assert evidence in _text(row["article"])


@pytest.mark.parametrize("row", GOLD_ROWS, ids=_row_id)
def test_date_not_after_publication(row: dict) -> None:
    date = row["date"]
    if date is None:
        return
    assert DATE_RE.match(date), date
    published = _meta(row["article"])["published"]
    # a month-precision date must not start after the publication month
    assert date <= published[: len(date)], f"{date} after {published}"


def test_no_duplicate_gold() -> None:
    keys = [(r["article"], r["speaker"], r["stance"], r["evidence"]) for r in GOLD_ROWS]
    assert len(keys) == len(set(keys))
