"""Integrity of every evaluation set in tests/fixtures/ (dev sets and the blind holdout).

Each set is a folder of invented articles (``NNN_slug.txt`` + ``.meta.json``) and a
``gold.jsonl`` in the format of ../shared/gold/seeds.jsonl. These checks keep the gold
honest — every evidence is an exact substring of its article, every code exists, no date
lies after publication — and never run the extractor (bench/score_sets.py scores it).
"""

from __future__ import annotations

import json
import re
from datetime import date
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from stancegraph.graph.articles import read_articles
from stancegraph.graph.records import ACTOR_KINDS, CONDITIONS, STANCES

FIXTURES = Path(__file__).parent / "fixtures"
SETS = sorted(p.name for p in FIXTURES.iterdir() if (p / "gold.jsonl").is_file())
KEYS = {
    "article", "speaker", "aliases", "wikidata", "kind", "affiliation", "date",
    "stance", "conditions", "target", "evidence", "optional", "note",
}  # fmt: skip
# The only Wikidata ids the annotation guideline allows (used only where certain).
KNOWN_QIDS = {"Q7747", "Q3874799", "Q212", "Q159", "Q30"}
DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


@cache
def gold(name: str) -> tuple[dict[str, Any], ...]:
    lines = (FIXTURES / name / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines if line.strip())


@cache
def texts(name: str) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((FIXTURES / name).glob("*.txt"))}


def meta(name: str, stem: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name / f"{stem}.meta.json").read_text(encoding="utf-8"))
    return data


def statement_free(name: str) -> set[str]:
    """Stems listed under a '## Statement-free articles' heading of the set's README."""
    readme = FIXTURES / name / "README.md"
    out: set[str] = set()
    if not readme.is_file():
        return out
    inside = False
    for line in readme.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            inside = line.lower().startswith("## statement-free")
        elif inside and (m := re.match(r"^\s*[-*]\s*`?(\d{3}_[\w-]+)", line)):
            out.add(m.group(1))
    return out


def as_date(value: str) -> date:
    parts = [int(x) for x in value.split("-")]
    return date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)


def test_there_are_sets() -> None:
    assert "devset" in SETS and any(s.startswith("holdout") for s in SETS)


@pytest.mark.parametrize("name", SETS)
def test_articles_have_metadata_and_read(name: str) -> None:
    stems = texts(name)
    assert len(stems) >= 10
    for stem in stems:
        m = meta(name, stem)
        assert {"url", "title", "publisher", "published"} <= set(m), stem
        assert m["title"] and m["publisher"], stem
        assert "2022-01-01" <= date.fromisoformat(m["published"]).isoformat() <= "2025-12-31", stem
    arts = list(read_articles(sorted((FIXTURES / name).glob("*.txt"))))
    assert {a.id for a in arts} == set(stems)
    assert all(a.published is not None for a in arts)


@pytest.mark.parametrize("name", SETS)
def test_gold_rows_are_well_formed(name: str) -> None:
    stems = set(texts(name))
    qids: dict[str, set[str]] = {}
    for n, g in enumerate(gold(name), 1):
        where = f"{name} gold line {n} ({g.get('article')})"
        assert set(g) == KEYS, where
        assert g["article"] in stems, where
        assert isinstance(g["speaker"], str) and g["speaker"], where
        assert all(isinstance(a, str) and a for a in g["aliases"]), where
        assert g["kind"] in ACTOR_KINDS and g["stance"] in STANCES, where
        assert len(set(g["conditions"])) == len(g["conditions"]), where
        assert set(g["conditions"]) <= set(CONDITIONS), where
        assert isinstance(g["optional"], bool), where
        assert g["wikidata"] is None or g["wikidata"] in KNOWN_QIDS, where
        if g["wikidata"]:
            qids.setdefault(g["wikidata"], set()).add(g["speaker"])
    for qid, names in qids.items():
        assert len(names) <= 2, f"{name}: {qid} used for {names}"


@pytest.mark.parametrize("name", SETS)
def test_evidence_is_an_exact_substring(name: str) -> None:
    for n, g in enumerate(gold(name), 1):
        assert g["evidence"], f"{name} gold line {n}: empty evidence"
        assert g["evidence"] in texts(name)[g["article"]], f"{name} gold line {n}: {g['evidence']!r}"


@pytest.mark.parametrize("name", SETS)
def test_dates_are_valid_and_never_after_publication(name: str) -> None:
    for n, g in enumerate(gold(name), 1):
        if g["date"] is None:
            continue
        assert DATE.match(g["date"]), f"{name} gold line {n}: {g['date']!r}"
        published = date.fromisoformat(meta(name, g["article"])["published"])
        assert as_date(g["date"]) <= published, f"{name} gold line {n}: {g['date']} after {published}"


@pytest.mark.parametrize("name", SETS)
def test_every_article_has_gold_and_the_mix_is_broad(name: str) -> None:
    rows = gold(name)
    with_gold = {r["article"] for r in rows}
    assert set(texts(name)) - with_gold <= statement_free(name)
    assert {r["stance"] for r in rows} == set(STANCES)
    assert len({c for r in rows for c in r["conditions"]}) >= 10


@pytest.mark.parametrize(
    ("a", "b", "lowest"),
    [
        ("006_zelensky_no_freeze_ukr", "007_zelensky_no_freeze_syndicated", 0.8),
        ("008_jeddah_meeting_wire", "009_jeddah_meeting_rewrite", 0.1),
    ],
)
def test_devset_near_duplicate_pairs(a: str, b: str, lowest: float) -> None:
    """The dev set's syndicated copy and loose rewrite: similar texts, the same gold."""
    t = texts("devset")
    assert t[a] != t[b]
    assert SequenceMatcher(None, t[a], t[b], autojunk=False).ratio() >= lowest
    pairs = [
        {(r["speaker"], r["stance"]) for r in gold("devset") if r["article"] == x and not r["optional"]} for x in (a, b)
    ]
    assert pairs[0] == pairs[1]
