"""Which cue anchors occur in a text, found in one regex scan.

:meth:`Concept.search <stancegraph.graph.extract.lexicon.Concept.search>` skips the
alternatives none of whose anchors (required literals) occur in the lower-cased clause.
Testing that per concept and per alternative costs one regex scan each; this module finds
every anchor of the whole lexicon that occurs in a text at once: a trie-shaped alternation
inside a lookahead reports, at each position, the longest anchor starting there, and every
other anchor starting at that position is a prefix of it (both are prefixes of the text
there), so closing the hits under "is a prefix of" gives exactly the set of anchors that
occur as substrings -- the same answer as the per-anchor substring tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


def _trie_regex(words: list[str]) -> str:
    """An alternation of ``words`` shaped as a trie; at each node longer continuations are
    tried before ending there, so the match at a position is the longest word starting there."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        end = "" in node
        if not alts:
            return ""
        body = "|".join(alts)
        if end:
            return "(?:" + body + ")?"
        return body if len(alts) == 1 else "(?:" + body + ")"

    return emit(trie)


@dataclass(frozen=True)
class Hits:
    """The anchors occurring in a text, and per owner (a concept's key) the indices of its
    alternatives to try: those with an anchor among them, sorted, plus those with no anchors."""

    anchors: frozenset[str]
    parts: dict[int, list[int]]


class AnchorScan:
    """All anchors of a set of owners' alternatives; :meth:`present` gives those in a text.

    ``owners``: (key, per-alternative anchors or None) -- an alternative with None is always tried.
    ``extra``: further anchors to report (e.g. a concept's own gate).
    """

    def __init__(self, owners: Sequence[tuple[int, Sequence[Sequence[str] | None]]], extra: Iterable[str] = ()) -> None:
        by_anchor: dict[str, list[tuple[int, int]]] = {}
        self.always: dict[int, list[int]] = {}
        for key, parts in owners:
            self.always[key] = [i for i, p in enumerate(parts) if p is None]
            for i, p in enumerate(parts):
                for a in p or ():
                    by_anchor.setdefault(a, []).append((key, i))
        vocab = sorted(set(by_anchor) | {w for w in extra if w})
        self.regex = re.compile("(?=(" + _trie_regex(vocab) + "))") if vocab else None
        self.closure = {w: frozenset(v for v in vocab if w.startswith(v)) for w in vocab}
        self.by_anchor = by_anchor
        self._memo: dict[frozenset[str], Hits] = {}

    def present(self, low: str) -> Hits:
        """The anchors that occur in ``low`` (a lower-cased text) as substrings, and the
        alternatives they make worth trying.

        The answer depends only on the longest anchors found at each position, a small set
        that recurs from clause to clause ("talk", "ready"), so it is computed once per such
        set and shared: callers must not modify the returned :class:`Hits`."""
        if self.regex is None:
            return Hits(frozenset(), {k: list(v) for k, v in self.always.items() if v})
        found = frozenset(self.regex.findall(low))  # one group: findall gives it without match objects
        hits = self._memo.get(found)
        if hits is None:
            hits = self._hits(found)
            if len(self._memo) >= 4096:
                self._memo.clear()
            self._memo[found] = hits
        return hits

    def _hits(self, found: frozenset[str]) -> Hits:
        parts: dict[int, list[int]] = {k: list(v) for k, v in self.always.items() if v}
        closure = self.closure
        out: set[str] = set()
        for w in found:
            out |= closure[w]
        sets: dict[int, set[int]] = {}
        by_anchor = self.by_anchor
        for a in out:
            for key, i in by_anchor.get(a, ()):
                sets.setdefault(key, set()).add(i)
        for key, idx in sets.items():
            parts[key] = sorted(idx.union(parts.get(key, ())))
        return Hits(frozenset(out), parts)
