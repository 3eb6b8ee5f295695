"""Stance and conditions of what a speaker says, from the SKOS cue lexicon plus rules.

Why per clause: one sentence often holds two positions ("we are ready to negotiate,
but they are the ones refusing"), so the content is cut into clauses and each clause
gets at most one stance. The lexicon says *what* a cue signals; the rules here say
*whose* position it is:

- a refusal whose subject is the other side ("Kyiv has refused talks", said by Putin)
  is an accusation;
- a readiness cue under negation ("not ready to talk") signals the concept named by
  ``sg:negatedAs`` (refuses); "not only ready" is no negation;
- an appeal whose addressee is the speaker's own side ("Ukraine should talk", said by
  a Ukrainian) is readiness, not an appeal;
- a condition counts as demanded when its clause carries a demand marker (only if,
  until, must, based on ...) or a stance; in a clause that offers something in return
  it is an offer, not a condition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from stancegraph.graph.extract import folding, frames, topic_context
from stancegraph.graph.extract.actors import Actor, gazetteer
from stancegraph.graph.extract.cues import cue_stance, topical
from stancegraph.graph.extract.lexicon import lexicon
from stancegraph.graph.extract.memo import Memo
from stancegraph.graph.extract.perspective import bloc, role
from stancegraph.graph.extract.preconditions import precondition, refused_outcome

# patterns of the hot paths, compiled once
_ONLY = re.compile(r"only")
_NOT_END = re.compile(r"\bnot\s+$")

_CLAUSE_SPLIT = re.compile(
    r";|\s[-–—]\s|—|,?\s+but\s+(?!also\b|only\b)|,?\s+and\s+that\s+|,\s+while\s+|,?\s+whereas\s+|,?\s+and\s+(?:said|says|added|adds|"
    r"stressed|noted|insisted|warned)\s+(?:that\s+)?|(?<=[.?!])\s+",
    re.IGNORECASE,
)


#: compositional frames read a clause before the whole-wording cues (False: only where no cue matched)
FRAMES_FIRST = True


@dataclass
class Unit:
    """One stance found in one clause, with its conditions and offers."""

    stance: str | None  # None: a clause that only demands conditions
    conditions: tuple[str, ...]
    offers: tuple[str, ...]
    start: int
    end: int
    strength: float
    target: str | None = None
    strong_marker: bool = False
    frame: str | None = None  # the compositional frame that read the stance, if any
    contingent: bool = False  # a refusal that names what would have to change ("no peace without X")
    unconditional: bool = False  # readiness "without preconditions": the occasion's terms are no conditions
    denial: bool = False  # readiness read off a denied refusal or a wish ("never refused talks", "wants peace")
    ordered: bool = False  # the terms are set by a precondition construction ("first X", "no Y without X")


def _target_name(clause: str, speaker: Actor) -> str | None:
    g = gazetteer()
    own = bloc(speaker.side)
    for _s, _e, eid in g.find(clause):
        e = g.entries[eid]
        if e.kind in ("state", "organization", "group") or e.kind == "person":
            side = e.affiliation or eid
            if bloc(side) != own and side in g.entries:
                return g.entries[side].name
    if own == "russia":
        return "Ukraine"
    if own == "ukraine":
        return "Russia"
    return None


def classify_clause(
    norm: str,
    start: int,
    end: int,
    speaker: Actor,
    direct: bool = False,
    carry: str | None = None,
    context: bool = False,
) -> list[Unit]:
    """The stances (or the bare demand) of one clause ``norm[start:end]``: compositional frame
    readings first (``frames``), whole-wording cues where no frame reads."""
    lex = lexicon()
    clause = norm[start:end]
    low = clause.lower()
    present = lex.present(low)
    if present is not None:  # a concept with no alternative worth trying (Hits.parts) cannot match
        tried = present.parts
        found = {
            code: m
            for code, c in lex.conditions.items()
            if id(c) in tried and (m := c.search(clause, low, present)) is not None
        }
    else:
        found = {code: m for code, c in lex.conditions.items() if (m := c.search(clause, low, present)) is not None}
    ban, leader = found.get("talks-ban-lifted"), found.get("counterpart-leadership")
    if ban is not None and leader is not None and leader.start() < ban.end() and ban.start() < leader.end():
        del found["counterpart-leadership"]  # "as long as the decree Zelensky signed remains": the ban, not him
    accepted = [a.end() for a in _ACCEPTED.finditer(clause)]
    # "ready to accept the proposal for a truce": what a speaker accepts is not what it demands
    conds = tuple(sorted(code for code, m in found.items() if not any(0 <= m.start() - a <= 40 for a in accepted)))
    if "victory" in conds and _DESCRIBED_SURRENDER.search(clause):
        conds = tuple(c for c in conds if c != "victory")  # another's terms described, not the speaker's
    readings = frames.read(clause, speaker, direct, carry) if FRAMES_FIRST else []
    second: frames.Reading | None = None
    frame: str | None = None
    weak = False
    if readings:
        stance: str | None = readings[0].stance
        frame = readings[0].frame
        hit = True
        second = readings[1] if len(readings) > 1 else None
        if readings[0].modal and conds:
            stance = None  # "Kyiv must renounce NATO": a demand (conditions), not an appeal
    else:
        stance, hit, weak = cue_stance(clause, low, speaker, present, direct, carry, context)
        if stance is None and not FRAMES_FIRST:
            readings = frames.read(clause, speaker, direct, carry)
            if readings:
                stance, frame, hit = readings[0].stance, readings[0].frame, True
                second = readings[1] if len(readings) > 1 else None
    if stance is None and not conds:
        return []
    marker = folding.search(lex.markers, clause, low) if lex.markers else None
    if marker and _ONLY.match(marker.group(), re.I) and _NOT_END.search(clause[: marker.start()]):
        marker = None
    offer = lex.offers is not None and folding.search(lex.offers, clause, low) is not None
    # "first X, then we talk", "no peace until X", "without X there is no Y": X is demanded
    ordered = bool(conds) and precondition(clause)
    strong = marker is not None or ordered
    if ordered and stance == "refuses" and set(conds) - {"counterpart-leadership"} and not refused_outcome(clause):
        stance = "conditional"  # a refusal that names its own exit is the speaker's terms
    if stance == "ready" and set(conds) == {"talks-format"} and not strong:
        conds = ()  # "ready for a meeting of leaders": the format on offer, not a demand
    if (stance == "ready" and conds) or (
        stance == "refuses"
        and set(conds) - {"counterpart-leadership"}  # "not while Putin is in charge" stays a refusal
        and strong
        and _demand_over_refusal(clause)
    ):
        stance = "conditional"
    if (
        stance == "accuses"
        and readings
        and readings[0].side != "other"
        and conds
        and strong
        and _demand_over_refusal(clause)
    ):
        stance = "conditional"  # "talks only make sense once X": the speaker's terms, not an accusation
    if stance == "refuses" and "talks-ban-lifted" in conds:
        stance, strong = "conditional", True  # "impossible: there is a decree forbidding them": its repeal is the term
    if stance == "refuses" and set(conds) - {"counterpart-leadership"} and _NO_COMPROMISE_ON.search(clause):
        stance, strong = "conditional", True  # "no compromises on our territorial integrity": the terms kept
    if stance == "ready" and strong and _CONDITION_LINK.search(clause):
        stance = "conditional"  # "we would talk once they leave": readiness on a stated condition
    unconditional = stance in ("ready", "conditional", None) and bool(_NO_PRECONDITIONS.search(clause))
    if unconditional:
        stance, conds = "ready", ()  # "ready to meet in any format and without preconditions"
    if stance == "mediates" and frame == "support" and conds and strong:
        stance = "conditional"  # a third party's support "on the basis of" named terms
    if stance == "urges" and conds and strong and _TOPIC_MODAL.search(clause):
        stance = None  # "any talks must start from X": the speaker's demand (conditional by assembly)
    if (
        stance is None
        and ("ceasefire" in conds or ("talks-format" in conds and bloc(speaker.side or speaker.key) != "west"))
        and strong
        and not ordered  # "no summit before the guns fall silent": its own terms for the next meeting
        and role(speaker) == "third"
        and topical(clause)
        and not _names_own(clause, speaker)
    ):
        # a third party's "the first step must be a truce", a non-aligned state's "only through direct
        # engagement between them": an appeal to the two sides, not its terms
        stance = "urges"
    if stance is None and not conds and not topical(clause):
        return []
    demanded = conds
    if stance in ("accuses", "urges", "mediates"):
        demanded = conds if strong else ()
    if stance == "refuses" and not strong:
        # what a refusal names is mostly what is refused; only who is at the table is a term
        # ("not while X is in charge", "no deal made without us")
        demanded = tuple(c for c in conds if c in ("counterpart-leadership", "talks-format"))
    offers: tuple[str, ...] = ()
    if offer:
        offers, demanded = demanded, ()
    target = _target_name(clause, speaker)
    strength = (0.75 if weak else 0.9) if hit else 0.7
    contingent = stance == "refuses" and "counterpart-leadership" not in conds and bool(_CONTINGENT.search(clause))
    # readiness only as a wish or a denied refusal: it supports another stance of the occasion (occasion.py)
    denial = stance == "ready" and (frame == "desire" or (frame in ("refuse", None) and bool(_DENIAL.search(clause))))
    first = Unit(
        stance, demanded, offers, start, end, strength, target, strong, frame, contingent, unconditional, denial
    )
    first.ordered = ordered
    units = [first]
    if second is not None:
        units.append(Unit(second.stance, (), (), start, end, 0.75, target, False, second.frame))
    return units


def _names_own(clause: str, speaker: Actor) -> bool:
    """The clause names the speaker's own bloc ("the EU has to be part of any settlement")."""
    own = bloc(speaker.side or speaker.key)
    g = gazetteer()
    return any(bloc(g.entries[eid].affiliation or eid) == own for _s, _e, eid in g.find(clause))


_ACCEPTED = re.compile(
    r"\b(?:accept|accepts|accepted|accepting|agree to|agrees to|agreed to|agreeing to|endorse[sd]?|"
    r"sign(?:ed)? up to)\s+(?:the |an? |its |their |this |that )?(?:[\w’'-]+\s+){0,3}?"
    r"(?:proposal|offer|plan|idea|initiative)s?\s+(?:for|of)\b",
    re.IGNORECASE,
)


#: "a demand for capitulation", "a list of demands for Russia's surrender": the speaker describes
#: (and rejects) the other side's terms; the victory named is not the speaker's own demand
_DESCRIBED_SURRENDER = re.compile(
    r"\b(?:demands?|calls?|ultimatums?)\s+(?:for|of)\s+(?:[\w’'-]+\s+){0,2}(?:capitulation|surrender)\b", re.IGNORECASE
)


_TOPIC_MODAL = re.compile(
    r"\b(?:talks|negotiations|deal|agreement|settlement|peace|document|accord|process)\s+"
    r"(?:must|should|has\s+to|have\s+to|needs?\s+to|can\s+only|will\s+have\s+to)\b",
    re.IGNORECASE,
)


#: what a speaker will not compromise on is what it demands, not what it refuses to discuss
_NO_COMPROMISE_ON = re.compile(
    r"\b(?:no|not\s+any)\s+(?:compromises?|concessions?|bargaining)\s+(?:on|over|about|regarding)\b"
    r"|\b(?:not|never|n[’']t)\s+(?:\w+\s+)?compromise\s+(?:on|over)\b",
    re.IGNORECASE,
)


_CONDITION_LINK = re.compile(
    r"\b(?:if|once|only|until|unless|provided|as\s+long\s+as|on\s+condition|as\s+soon\s+as)\b", re.IGNORECASE
)


#: a denied refusal: "has never refused talks", "did not reject dialogue" (occasion.byproducts)
_DENIAL = re.compile(
    r"\b(?:never|not|n[’']t)\s+(?:[\w’'-]+\s+)?(?:refus|reject|rul(?:e|ed|es|ing)\s+out|turn(?:ed)?\s+down)",
    re.IGNORECASE,
)


_NO_PRECONDITIONS = re.compile(r"\bwithout\s+(?:any\s+)?(?:pre-?)?conditions\b", re.IGNORECASE)


def _demand_over_refusal(clause: str) -> bool:
    """A refusal with "until"/"only after" is a conditional position ("no talks until they leave")."""
    return _REFUSAL_TERMS.search(clause) is not None


_REFUSAL_TERMS = re.compile(
    r"\b(?:until|only\s+(?:[\w’'-]+\s+){0,3}?(?:after|if|when|once)|unless|(?:as|so)\s+long\s+as|without)\b", re.I
)


#: a refusal that states its own exit: "no peace without X", "nothing to discuss until X", "not a
#: peace that lets X" (not "while X": a refusal while a state lasts stays a refusal in the gold)
_CONTINGENT = re.compile(
    r"\b(?:without|until|till|unless|(?:as|so)\s+long\s+as|before\s+(?:that|then|this))\b"
    r"|\b(?:peace|treaty|agreement|deal|settlement|accord)\s+(?:that|which|where|in\s+which|dictated|imposed)\b",
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
      or on it from ``lo`` (``clauses``), where the only look before ``lo`` is the lookbehind
      ``(?<=[.?!])`` of ``_CLAUSE_SPLIT``, which the blank (or the string start) before
      ``lo`` fails either way; ``lo > 0`` is in the key all the same. The units' offsets
      are stored relative to ``lo``;
    - of the speaker, only ``key``, ``side`` and ``curated``: the only attributes the reading
      reads (here and in frames, cues, perspective, blame -- keep :func:`_speaker_view` in step);
    - ``direct`` and ``context`` (a frozen dataclass: equal contexts read alike), and the
      module switch ``FRAMES_FIRST``; the lexicon and gazetteer are loaded once per process.

    Units are mutable: the memo keeps its own copies and every call gets fresh ones."""
    if not spans:
        return []
    # one region with the attribution frame blanked out, so that "Negotiations, he said,
    # are impossible" reads as one clause and offsets stay those of the article
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    chars = [" "] * (hi - lo)
    for s, e in spans:
        chars[s - lo : e - lo] = norm[s:e]
    region = "".join(chars)
    key = (region, lo > 0, _speaker_view(speaker), direct, context, FRAMES_FIRST)
    kept = _CLAIMS.get(key)
    if kept is None:
        masked = " " * lo + region
        kept = tuple(_moved(u, -lo) for u in _classify(masked, lo, hi, speaker, direct, context))
        _CLAIMS.put(key, kept)
    return [_moved(u, lo) for u in kept]


def _moved(u: Unit, d: int) -> Unit:
    """A fresh copy of a unit with its offsets moved by ``d`` (``dataclasses.replace``, inlined:
    every field of :class:`Unit` is passed)."""
    return Unit(
        u.stance, u.conditions, u.offers, u.start + d, u.end + d, u.strength, u.target, u.strong_marker,
        u.frame, u.contingent, u.unconditional, u.denial, u.ordered,
    )  # fmt: skip


#: claim readings, by (masked region, lo > 0, speaker view, direct, context, FRAMES_FIRST)
_CLAIMS: Memo[tuple[Unit, ...]] = Memo(8192)


def _speaker_view(speaker: Actor) -> tuple[str, str | None, bool]:
    """What the stance reading reads of a speaker (``speaker.key``, ``.side``, ``.curated``: through
    ``bloc``/``own_bloc``/``role``/``side_of``/``subject_side``), the memo key's share of it."""
    return speaker.key, speaker.side, speaker.curated


def _classify(
    masked: str, lo: int, hi: int, speaker: Actor, direct: bool, context: topic_context.Context | None
) -> list[Unit]:
    """:func:`classify` on the masked text (blanks up to ``lo``, the region up to ``hi``)."""
    units: list[Unit] = []
    carry: str | None = None
    for cs, ce in clauses(masked, lo, hi):
        units.extend(_in_context(masked, cs, ce, speaker, direct, carry, context))
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
