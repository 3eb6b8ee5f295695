"""How the lexicon's wordings become regular expressions, and what can gate them.

Why apart from the loader: the Turtle-friendly pattern syntax (``<gap>``, ``<w>``, spaces
as any whitespace), literal labels, and the literals any match must contain (anchors: a
cheap substring test before a regex runs) are the same for every scheme; ``lexicon``
reads the schemes and builds concepts from these pieces.
"""

from __future__ import annotations

import re
from re import _constants as _C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_GAP = r"[^.;!?]{0,60}?"
_WORDS = r"(?:\s+[\w’'-]+){0,3}?"


def pattern_to_regex(pattern: str) -> str:
    """Translate the Turtle-friendly pattern syntax into a Python regex.

    Spaces outside character classes become ``\\s+``; ``<gap>`` and ``<w>`` expand.
    Written without backslashes so patterns need no escaping in Turtle strings.
    """
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("<gap>", i):
            out.append(_GAP)
            i += 5
            continue
        if pattern.startswith("<w>", i):
            out.append(_WORDS)
            i += 3
            continue
        if ch == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        if ch == " " and not in_class:
            while i + 1 < len(pattern) and pattern[i + 1] == " ":
                i += 1
            out.append(r"\s+")
        elif ch == " ":
            out.append(r"\s")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def label_to_regex(label: str) -> str:
    """A literal phrase: escaped, whitespace-flexible, apostrophes either way."""
    words = [re.sub(r"\\?['’]", "['’]", re.escape(w)) for w in label.split()]
    return r"\s+".join(words)


def seq_anchors(items: Any) -> frozenset[str] | None:
    """The best anchor set of a parsed regex sequence: literals one of which must occur, or None."""
    cands: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 3:
            cands.append(frozenset(["".join(run)]))
        run.clear()

    for op, av in items:
        if op is _C.LITERAL:
            run.append(chr(av).lower())
            continue
        flush()
        sub: frozenset[str] | None = None
        if op is _C.SUBPATTERN:
            sub = seq_anchors(av[-1])
        elif op is _C.BRANCH:
            alts = [seq_anchors(b) for b in av[1]]
            sub = frozenset().union(*alts) if all(alts) else None  # type: ignore[arg-type]
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
            sub = seq_anchors(av[2])
        if sub:
            cands.append(sub)
    flush()
    if not cands:
        return None
    return min(cands, key=_anchor_cost)


#: words that occur in most sentences of war reporting: a poor gate, used only when nothing else is required
_COMMON = (
    "russia", "ukrain", "moscow", "kyiv", "kiev", "peace", "talk", "negotiat", "war", "they", "the", "will", "would",
    "with", "that", "and", "not", "our", "their", "this", "have", "has", "should", "must", "putin", "zelensk", "said",
    "for", "was", "were", "are", "kremlin", "west", "about", "after", "only", "all", "any",
)  # fmt: skip


def _anchor_cost(found: frozenset[str]) -> tuple[int, int]:
    common = sum(100 for a in found if any(a.startswith(w) for w in _COMMON))
    return common + len(found), -min(len(a) for a in found)


def anchors(pattern: str) -> tuple[str, ...] | None:
    """Required literals of a regex (see :class:`Concept`); None when none can be derived."""
    found = seq_anchors(_parser.parse(pattern, re.IGNORECASE))
    if not found:
        return None
    # a literal containing a shorter one adds nothing to a substring test
    keep = [a for a in found if not any(b != a and b in a for b in found)]
    return tuple(sorted(keep))


def ordered(parts: list[str]) -> list[str]:
    # longest first, so a longer wording wins over its prefix at the same position
    return sorted(set(parts), key=len, reverse=True)


def whole_words(alternation: str) -> str:
    return r"(?<![\w-])(?:" + alternation + r")(?![\w-])"


def compile_parts(parts: list[str]) -> re.Pattern[str] | None:
    if not parts:
        return None
    return re.compile(whole_words("|".join(ordered(parts))), re.IGNORECASE)


def literal_gate(found: tuple[str, ...] | None) -> re.Pattern[str] | None:
    """One literal alternation: a single C-level scan instead of a substring test per anchor."""
    return re.compile("|".join(re.escape(a) for a in found)) if found else None


LETTERS = "abcdefghijklmnopqrstuvwxyz"


def first_chars(items: Any) -> set[str] | None:
    """The lower-case letters a parsed regex can begin with (None: cannot tell)."""
    for op, av in items:
        if op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):
            continue
        if op is _C.LITERAL:
            return {chr(av).lower()}
        if op is _C.IN:
            out: set[str] = set()
            for iop, iav in av:
                if iop is _C.LITERAL:
                    out.add(chr(iav).lower())
                elif iop is _C.RANGE:
                    out |= {chr(c).lower() for c in range(iav[0], iav[1] + 1)}
                else:
                    return None
            return out
        if op is _C.SUBPATTERN:
            return first_chars(av[-1])
        if op is _C.BRANCH:
            acc: set[str] = set()
            for b in av[1]:
                f = first_chars(b)
                if f is None:
                    return None
                acc |= f
            return acc
        if op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
            return first_chars(av[2])
        return None
    return None
