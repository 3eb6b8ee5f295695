"""The date phrases of an article, found in one scan and served for any span of it.

Why: the walk over sentences (``assemble``) asks for the date phrases of every sentence
and attribution frame, and the dating pass (``dates_context``) for those of every
paragraph -- the same text scanned two or three times with the most expensive regex of the
extractor. Here every prose paragraph is scanned once; a span's phrases are then taken
from that scan, which gives exactly what ``find_dates(text[s:e], published, s)`` would,
provided the span's edges cut the scan nowhere it matters:

- no phrase found in the paragraph straddles the start or the end of the span;
- at each edge, the characters on both sides are not both word characters (a slice
  starts/ends a word there, so ``\\b`` would hold in the slice but not in the paragraph).

A regex attempt inside the span then reads the same characters and assertions in both
texts (the pattern has no lookbehind but ``\\b``; a phrase is never shorter than the
lookahead that opens it), so the leftmost-first scan finds the same matches. Any other
span falls back to scanning its slice.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date

from stancegraph.graph.extract import folding
from stancegraph.graph.extract.dates import _DATE_RE, DateExpr, _resolve, find_dates
from stancegraph.graph.extract.memo import Memo

#: where a phrase can begin: a word start (every alternative of ``_DATE_RE`` opens with ``\b``
#: and a word character); the full pattern is tried only there
_WORD_START = re.compile(r"\b(?=\w)")
_TWIN = folding.folded(_DATE_RE)


def scan(text: str, pos: int, endpos: int) -> list[re.Match[str]]:
    """``list(_DATE_RE.finditer(text, pos, endpos))``, trying the pattern at word starts only.

    The pattern cannot match elsewhere (it opens with ``\\b(?=\\d|<letters>)``) and cannot
    match the empty string, so the leftmost non-overlapping matches are the same.
    """
    out: list[re.Match[str]] = []
    match = _DATE_RE.match
    low = text.lower()
    if _TWIN is not None and folding.lowers(text, low):
        # the case-sensitive twin finds the same spans (folding); the pattern's own match is taken there
        for t in _TWIN.finditer(low, pos, endpos):
            m = match(text, t.start(), endpos)
            if m is None or m.end() != t.end():  # cannot happen; were it to, scan the slow way
                out = []
                break
            out.append(m)
        else:
            return out
    last = pos
    for w in _WORD_START.finditer(text, pos, endpos):
        p = w.start()
        if p < last:
            continue
        m = match(text, p, endpos)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


#: date phrase matches of a paragraph, by its text
_SCANS: Memo[tuple[re.Match[str], ...]] = Memo(8192)


def _paragraph_scan(para: str) -> tuple[re.Match[str], ...]:
    """``scan(para, 0, len(para))``, memoized by the paragraph's text (syndicated copies repeat
    paragraphs): the scan reads nothing but ``para`` and the compiled patterns, and the
    matches it returns are read only (their spans and groups, by ``_resolve``)."""
    # memo key: anything the step reads must be in the key (guard: tests/test_extract_memo_guard.py)
    found = _SCANS.get(para)
    if found is None:
        found = tuple(scan(para, 0, len(para)))
        _SCANS.put(para, found)
    return found


def _isword(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class DateIndex:
    """Every date phrase of an article's prose paragraphs, resolved against publication."""

    def __init__(self, text: str, spans: Sequence[tuple[int, int]], published: date | None) -> None:
        self.text = text
        self.published = published
        self.spans = list(spans)
        self.starts = [s for s, _ in self.spans]
        self.ordered = self.starts == sorted(self.starts)  # else every span falls back to a scan
        # per paragraph: (raw match spans, resolved phrases), offsets absolute
        self.raw: list[list[tuple[int, int]]] = []
        self.found: list[list[DateExpr]] = []
        for s, e in self.spans:
            para = text[s:e]  # the paragraph as its own string, as the dating pass always scanned it
            raw: list[tuple[int, int]] = []
            found: list[DateExpr] = []
            for m in _paragraph_scan(para):
                raw.append((m.start() + s, m.end() + s))
                x = _resolve(m, published)
                if x is not None:
                    found.append(DateExpr(x.kind, x.value, x.start + s, x.end + s, x.offset, x.scene))
            self.raw.append(raw)
            self.found.append(found)

    def all(self) -> list[DateExpr]:
        """The phrases of every paragraph, in text order (``find_dates`` per paragraph)."""
        return [x for found in self.found for x in found]

    def find(self, s: int, e: int) -> list[DateExpr]:
        """``find_dates(text[s:e], published, s)``, from the paragraph scan where it is the same."""
        i = bisect_right(self.starts, s) - 1 if self.ordered else -1
        if i >= 0 and e <= self.spans[i][1] and self._clean(i, s, e):
            return [x for x in self.found[i] if s <= x.start and x.end <= e]
        return find_dates(self.text[s:e], self.published, s)

    def _clean(self, i: int, s: int, e: int) -> bool:
        ps, pe = self.spans[i]
        text = self.text
        if s > ps and _isword(text[s - 1]) and _isword(text[s]):
            return False
        if e < pe and e > s and _isword(text[e - 1]) and _isword(text[e]):
            return False
        return not any(a < s < b or a < e < b for a, b in self.raw[i])
