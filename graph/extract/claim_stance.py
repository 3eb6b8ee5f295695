"""A claim's content read for stances: blanked to one region, cut into clauses, each read in
its context (:func:`stance.classify_clause`), the readings combined -- and memoized.

Why apart from ``stance``: what a single clause signals is the lexicon and its rules
(``stance``); this is the walk over a claim's clauses (the side of the state a clause opens
with carries to a later "it", the topic carries to the next clause) and the memo of whole
claim readings, which syndicated copies repeat word for word.
"""

from __future__ import annotations

import re
from dataclasses import replace

from stancegraph.graph.extract import frames, stance, topic_context
from stancegraph.graph.extract.actors import Actor
from stancegraph.graph.extract.memo import Memo
from stancegraph.graph.extract.preconditions import refers_back, relative_after_demand
from stancegraph.graph.extract.stance import Unit, classify_clause

_CLAUSE_SPLIT = re.compile(
    r";|\s[-–—]\s|—|(?<!\bnothing)(?<!\banything)(?<!\ball),?\s+but\s+(?!also\b|only\b)|,?\s+and\s+that\s+|,\s+while\s+|[,”\"]\s*which\s+(?=(?-i:[A-Z])[\w’'-]+\s|(?:they|he|she|we)\s)|,?\s+whereas\s+|,?\s+and\s+(?:said|says|added|adds|"
    r"stressed|noted|insisted|warned)\s+(?:that\s+)?|(?<=[.?!])\s+",
    re.IGNORECASE,
)


def _in_context(
    norm: str, cs: int, ce: int, speaker: Actor, direct: bool, carry: str | None, context: topic_context.Context | None
) -> list[Unit]:
    """One clause read in its context: with a referring "it" replaced by the antecedent the sentence
    before names ("until it is cancelled" -> "until the decree is cancelled"), else as it stands."""
    sub = topic_context.resolved(norm[cs:ce], context)
    if sub is not None:
        again = classify_clause(norm[:cs] + sub, cs, cs + len(sub), speaker, direct, carry, True)
        plain = classify_clause(norm, cs, ce, speaker, direct, carry, True)
        gained = {c for u in again for c in u.conditions} - {c for u in plain for c in u.conditions}
        # the antecedent must add the terms or be what a whole-wording cue acts on ("get it done"); a
        # frame reading of any verb beside the inserted noun ("behind the plan") is no position
        if gained or any(u.stance is not None and u.frame is None for u in again):
            return [replace(u, start=cs, end=ce) for u in again]
    return classify_clause(norm, cs, ce, speaker, direct, carry, context is not None)


def clauses(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of ``norm[start:end]``, trimmed."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in _CLAUSE_SPLIT.finditer(norm, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    res = []
    for s, e in out:
        while s < e and (norm[s].isspace() or norm[s] in ",;:.'’‘"):
            s += 1
        while e > s and (norm[e - 1].isspace() or norm[e - 1] in ",;:'’‘"):
            e -= 1
        if e - s > 3:
            res.append((s, e))
    return res


def classify(
    norm: str,
    spans: list[tuple[int, int]],
    speaker: Actor,
    direct: bool = False,
    context: topic_context.Context | None = None,
) -> list[Unit]:
    """Every unit in a claim's content spans (``direct``: quoted speech; ``context``: the topic the
    question or the sentence before sets, and the object a referring "it" stands for).

    Memoized (``memo``): syndicated copies repeat whole claims. The key holds everything the
    reading depends on, so a hit returns what a fresh reading would:

    - the masked region ``masked[lo:hi]`` -- every regex of the reading runs on a slice of it
      or on it from ``lo`` (``clauses``). The only looks before ``lo``: the lookbehinds of
      ``_CLAUSE_SPLIT`` -- ``(?<=[.?!])``, which the blank (or the string start) before ``lo``
      fails either way, and ``(?<!\\bnothing)`` etc., whose words must lie in the region with a
      blank or the string start before them, a ``\\b`` either way -- and the windows of up to
      12 characters before a clause start that ``refers_back`` ("and that " before it) and
      ``relative_after_demand`` ("which " before it) search: what they can match lies in the
      region, and before ``lo`` they see only blanks (or the string start: the same for the
      ``\\b`` they open with). ``lo > 0`` is in the key all the same. The units' offsets are
      stored relative to ``lo``;
    - of the speaker, only ``key``, ``side``, ``curated`` and ``kind``: the only attributes the
      reading reads (here and in frames, cues, cue_scope, perspective, blame -- keep
      :func:`_speaker_view` in step);
    - ``direct`` and ``context`` (a frozen dataclass: equal contexts read alike), and the
      module switch ``FRAMES_FIRST``; the lexicon and gazetteer are loaded once per process.

    Units are mutable: the memo keeps its own copies and every call gets fresh ones."""
    if not spans:
        return []
    # one region with the attribution frame blanked out, so that "Negotiations, he said,
    # are impossible" reads as one clause and offsets stay those of the article
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    region = _blanked(norm, spans, lo)
    # memo key: anything the step reads must be in the key (guard: tests/test_extract_memo_guard.py)
    key = (region, lo > 0, _speaker_view(speaker), direct, context, stance.FRAMES_FIRST)
    kept = _CLAIMS.get(key)
    if kept is None:
        masked = " " * lo + region
        kept = tuple(_moved(u, -lo) for u in _classify(masked, lo, hi, speaker, direct, context))
        _CLAIMS.put(key, kept)
    return [_moved(u, lo) for u in kept]


def _blanked(norm: str, spans: list[tuple[int, int]], lo: int) -> str:
    """``norm[lo:hi]`` (``hi``: the spans' last end) with every character outside the spans blanked.

    Built from slices, left to right over the sorted spans (a character inside any span is the
    text's, so overlaps and order do not matter), instead of a list of single characters."""
    pieces: list[str] = []
    pos = lo
    for s, e in sorted(spans):
        if e <= pos:
            continue
        if s > pos:
            pieces.append(" " * (s - pos))
            pos = s
        pieces.append(norm[pos:e])
        pos = e
    return "".join(pieces)


def _moved(u: Unit, d: int) -> Unit:
    """A fresh copy of a unit with its offsets moved by ``d`` (``dataclasses.replace``, inlined:
    every field of :class:`Unit` is passed)."""
    return Unit(
        u.stance, u.conditions, u.offers, u.start + d, u.end + d, u.strength, u.target, u.strong_marker,
        u.frame, u.contingent, u.unconditional, u.denial, u.ordered,
    )  # fmt: skip


#: claim readings, by (masked region, lo > 0, speaker view, direct, context, stance.FRAMES_FIRST)
_CLAIMS: Memo[tuple[Unit, ...]] = Memo(8192)


def _speaker_view(speaker: Actor) -> tuple[str, str | None, bool, str]:
    """What the stance reading reads of a speaker (``speaker.key``, ``.side``, ``.curated``: through
    ``bloc``/``own_bloc``/``role``/``side_of``/``subject_side``; ``.kind``: frames.read, whether a
    reported "he"/"she" is the speaker), the memo key's share of it."""
    return speaker.key, speaker.side, speaker.curated, speaker.kind


def _classify(
    masked: str, lo: int, hi: int, speaker: Actor, direct: bool, context: topic_context.Context | None
) -> list[Unit]:
    """:func:`classify` on the masked text (blanks up to ``lo``, the region up to ``hi``)."""
    units: list[Unit] = []
    carry: str | None = None
    prev: tuple[int, int] | None = None
    for cs, ce in clauses(masked, lo, hi):
        if units and units[-1].stance is None and units[-1].conditions and refers_back(masked, cs, ce):
            units[-1].strong_marker = True  # "They will answer before a court, and that has to be written into it"
        here = _in_context(masked, cs, ce, speaker, direct, carry, context)
        if prev is not None and relative_after_demand(masked, prev, cs):
            for u in here:  # "it would have to remove the reasons, which he blamed on NATO's expansion"
                if u.stance is None and u.conditions:
                    u.strong_marker = True
        units.extend(here)
        prev = (cs, ce)
        carry = frames.state_subject(masked[cs:ce], speaker) or carry
        context = topic_context.next_clause(masked[cs:ce], context)
    # "ready to talk, but the outcome must consider X": readiness with stated terms in the
    # same breath is a conditional position
    weak = [u for u in units if u.stance is None and not u.strong_marker and u.conditions]
    ready = [u for u in units if u.stance == "ready"]
    if weak and ready:
        ready[0].stance = "conditional"
        ready[0].conditions = tuple(sorted({c for u in weak + ready for c in u.conditions}))
    # a bare mention of terms (no stance, no demand marker) is kept: it joins a conditional
    # position the speaker takes on the same occasion, and nothing else (assemble)
    return [u for u in units if u.stance is not None or u.strong_marker or (u.conditions and not u.offers)]
