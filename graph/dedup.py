"""Near-duplicate articles: syndicated copies and rewrites of one report.

Why: the same wire story reaches the corpus through many outlets, verbatim or loosely
rewritten; the graph records ``sg:nearDuplicateOf`` so that counts of "how often was X
reported" do not multiply one report. Two signals, both over the body text (page
furniture excluded):

- word 3-gram *containment* (shared shingles over the smaller article's shingles), which
  stays high when one version is a shortened or padded copy of the other;
- *quote overlap*: the share of the smaller article's quoted words that occur in the other
  article's quotations (rewrites keep the quotes and rephrase the prose).

Thresholds are set so that different reports on the same topic (which share names and
stock phrases, but neither prose nor quotes) do not match. Pure and deterministic.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import Any

from stancegraph.graph.records import Article

_WORD = re.compile(r"[a-z0-9]+")
_QUOTE = re.compile(r"[“\"‘«]([^”\"’»]{20,}?)[”\"’»]")
SHINGLE_THRESHOLD = 0.2
QUOTE_THRESHOLD = 0.45
COMBINED_THRESHOLD = 0.1


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _WORD.findall(text)


def _shingles(words: list[str], n: int = 3) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _quote_words(text: str) -> set[str]:
    out: set[str] = set()
    for m in _QUOTE.finditer(text):
        out.update(w for w in _words(m.group(1)) if len(w) > 3)
    return out


def _containment(a: set[Any], b: set[Any]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def similarity(a: Article, b: Article) -> tuple[float, float]:
    """(shingle containment, quote-word overlap) of two articles' bodies."""
    sa, sb = _shingles(_words(a.body)), _shingles(_words(b.body))
    qa, qb = _quote_words(a.body), _quote_words(b.body)
    return _containment(sa, sb), _containment(qa, qb)


def is_near_duplicate(a: Article, b: Article) -> bool:
    shingle, quote = similarity(a, b)
    return shingle >= SHINGLE_THRESHOLD or (quote >= QUOTE_THRESHOLD and shingle >= COMBINED_THRESHOLD)


def near_duplicates(articles: Sequence[Article]) -> dict[str, str]:
    """Map each article id to the id of the earliest article it nearly duplicates.

    "Earlier" is by publication date (undated articles last), then by id, so the result
    does not depend on the input order.
    """
    order = sorted(articles, key=lambda a: (a.published or date.max, a.id))
    out: dict[str, str] = {}
    for i, art in enumerate(order):
        for prev in order[:i]:
            if prev.id in out:
                continue  # point at the original, not at another copy
            if is_near_duplicate(art, prev):
                out[art.id] = prev.id
                break
    return out
