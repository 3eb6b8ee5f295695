"""Case-insensitive cue regexes run as case-sensitive ones over the lower-cased text.

Why: Python's regex engine skips an alternative of a large alternation by its first
character only when that character is matched case-sensitively; under ``IGNORECASE``
it enters every alternative at every position. The lexicon's cue alternations (hundreds
of wordings) are therefore about three times faster when compiled without the flag and
run over ``text.lower()``. The answer is the same, position for position, when

- the pattern sets no inline flags and names no letter that ``IGNORECASE`` equates with
  another beyond its case (``_EXTRA_CASES``: i/ı, s/ſ, µ/μ ...); its letters are put in
  lower case (the same pattern under ``IGNORECASE``; escapes such as ``\\s`` are kept), and
- lower-casing the text changes no length and the text holds neither ``ı`` nor ``ſ``
  (the only characters ``IGNORECASE`` equates with an ASCII letter that ``str.lower``
  does not turn into it).

Then a character matches an element of the pattern under ``IGNORECASE`` exactly when its
lower-case form matches it without, so both regexes find the same spans. Callers get the
match of the original regex at the span found (a second, anchored attempt), so group
text keeps the article's case. Anything else runs the original regex.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re._casefix import _EXTRA_CASES

_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_MIXED_RANGE = re.compile(r"[A-Z]-[a-z]|[a-z]-[A-Z]")  # [A-z] would change meaning once lower-cased
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")
_SAFE_ESCAPES = frozenset("sSwWdDbB")
_FOLDED: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}


def _fold_pattern(pattern: str) -> str | None:
    """The pattern with its letters in lower case (the same under ``IGNORECASE``), or None."""
    for m in _ESCAPE.finditer(pattern):
        ch = m.group(1)
        if ch.isalnum() and ch not in _SAFE_ESCAPES:
            return None  # \x41, \N{...}, \1, \A ...: not worth reasoning about
    if _INLINE_FLAGS.search(_ESCAPE.sub("", pattern)) or _MIXED_RANGE.search(pattern):
        return None
    out: list[str] = []
    escaped = False
    for i, ch in enumerate(pattern):
        if ch == "P" and pattern[i - 2 : i] == "(?":  # (?P<name>...), (?P=name): syntax, not a letter
            out.append(ch)
            continue
        if escaped:
            out.append(ch)
            escaped = False
            continue
        escaped = ch == "\\"
        low = ch.lower() if ch.isalpha() else ch
        if len(low) != 1:
            return None
        if ch.isalpha() and not low.isascii() and (ord(low) in _EXTRA_CASES or ord(ch) in _EXTRA_CASES):
            return None  # (the ASCII letters' partners ı and ſ are kept out of the text instead: lowers)
        out.append(low)
    return "".join(out)


def folded(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """The case-sensitive twin of an ``IGNORECASE`` regex, or None where there is none."""
    hit = _FOLDED.get(id(rx))  # by id: hashing a Pattern hashes its whole compiled code
    if hit is not None and hit[0] is rx:
        return hit[1]
    twin = None
    pattern = _fold_pattern(rx.pattern) if rx.flags & re.IGNORECASE and not rx.flags & re.LOCALE else None
    if pattern is not None:
        try:
            twin = re.compile(pattern, rx.flags & ~re.IGNORECASE)
        except re.error:  # e.g. group names that differ only in case
            twin = None
    _FOLDED[id(rx)] = (rx, twin)  # the pattern is kept alive, so its id is not reused
    return twin


def lowers(text: str, low: str) -> bool:
    """Whether ``low`` (``text.lower()``) may stand in for ``text`` (see the module doc)."""
    return len(low) == len(text) and "ı" not in text and "ſ" not in text


def search(rx: re.Pattern[str], text: str, low: str | None, ok: bool | None = None) -> re.Match[str] | None:
    """``rx.search(text)``; ``low``: ``text.lower()`` if at hand, ``ok``: :func:`lowers` if known."""
    twin = folded(rx)
    if twin is None or low is None or not (lowers(text, low) if ok is None else ok):
        return rx.search(text)
    m = twin.search(low)
    return None if m is None else rx.match(text, m.start())


def match(rx: re.Pattern[str], text: str, low: str | None, pos: int, ok: bool | None = None) -> re.Match[str] | None:
    """``rx.match(text, pos)``, tried on ``low`` first (see :func:`search`)."""
    twin = folded(rx)
    if twin is None or low is None or not (lowers(text, low) if ok is None else ok):
        return rx.match(text, pos)
    return None if twin.match(low, pos) is None else rx.match(text, pos)


def spans(rx: re.Pattern[str], text: str, low: str | None = None) -> list[tuple[int, int]]:
    """``[m.span() for m in rx.finditer(text)]``."""
    twin = folded(rx)
    if low is None and twin is not None:
        low = text.lower()
    if twin is None or low is None or not lowers(text, low):
        return [m.span() for m in rx.finditer(text)]
    return [m.span() for m in twin.finditer(low)]


def finditer_if(rx: re.Pattern[str], needle: str, text: str, pos: int, endpos: int) -> Iterable[re.Match[str]]:
    """``rx.finditer(text, pos, endpos)``, skipped when ``needle`` -- a substring of every match
    of ``rx`` -- is not in ``text[pos:endpos]``: a substring test is far cheaper than the scan
    (a companion trick to folding: the same answer, found without the slow part)."""
    return rx.finditer(text, pos, endpos) if text.find(needle, pos, endpos) >= 0 else ()
