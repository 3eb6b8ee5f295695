"""Stance and conditions of what a speaker says, from the SKOS cue lexicon plus rules.

Why per clause: one sentence often holds two positions ("we are ready to negotiate,
but they are the ones refusing"), so the content is cut into clauses (``claim_stance``)
and each clause gets at most one stance. The lexicon says *what* a cue signals; the rules here say
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
from dataclasses import dataclass

from stancegraph.graph.extract import folding, frames
from stancegraph.graph.extract.actors import Actor, gazetteer
from stancegraph.graph.extract.cues import cue_stance, topical
from stancegraph.graph.extract.lexicon import lexicon
from stancegraph.graph.extract.perspective import bloc, role
from stancegraph.graph.extract.preconditions import precondition, refused_outcome

# patterns of the hot paths, compiled once
_ONLY = re.compile(r"only")
_NOT_END = re.compile(r"\bnot\s+$")


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
    # what the other side must accept for talks is a term ("only once Moscow agrees to a truce")
    accepted = [a.end() for a in _ACCEPTED.finditer(clause) if not _CONDITION_BEFORE.search(clause, 0, a.start())]
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
    if (
        _ENDORSED <= set(conds) <= _PLAN_PRINCIPLES
        and stance in (None, "ready", "conditional")
        and role(speaker) == "third"
    ):
        stance, strong = "mediates", True  # a third party building peace on Kyiv's formula endorses a plan
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
    pledged = _pledged(found, clause)
    if pledged and demanded:
        # "Ukraine will stay outside blocs only if we receive guarantees": what comes before the
        # condition link is given, what follows it is demanded
        offers = tuple(sorted(set(offers) | (pledged & set(demanded))))
        demanded = tuple(c for c in demanded if c not in pledged)
    target = _target_name(clause, speaker)
    strength = (0.75 if weak else 0.9) if hit else 0.7
    contingent = stance == "refuses" and "counterpart-leadership" not in conds and bool(_CONTINGENT.search(clause))
    # readiness only as a wish or a denied refusal: it supports another stance of the occasion (occasion.py)
    denial = stance == "ready" and (frame == "desire" or (frame in ("refuse", None) and bool(_DENIAL.search(clause))))
    denial = denial and not _STATED_READY.search(clause)  # "we want it next year, and we are ready to work"
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
    r"(?:proposal|offer|plan|idea|initiative)s?\s+(?:for|of)\b"
    # "ready to accept an immediate 30-day ceasefire": the truce accepted is no term demanded
    r"|\b(?:accept|accepts|accepted|accepting|agree\s+to|agrees\s+to|agreed\s+to|agreeing\s+to)\s+(?:the\s+|an?\s+)?"
    r"(?=(?:[\w’'-]+\s+){0,3}?(?:ceasefire|cease-fire|truce)\b)",
    re.IGNORECASE,
)


#: the link of "A (only) if B": A is what the speaker gives, B what it demands
_ONLY_IF = re.compile(r"\b(?:only\s+)?(?:if|provided|on\s+condition)\b|\bonly\s+(?:when|once|after)\b", re.IGNORECASE)


def _pledged(found: dict[str, re.Match[str]], clause: str) -> set[str]:
    """The conditions named before an "only if" link when others follow it (the pledge, not the terms)."""
    link = _ONLY_IF.search(clause)
    if link is None:
        return set()
    before = {c for c, m in found.items() if m.end() <= link.start()}
    after = {c for c, m in found.items() if m.start() >= link.end()}
    return before - after if after else set()


#: an acceptance inside a condition clause ("only once Moscow agrees to ..."): what is accepted is demanded
_CONDITION_BEFORE = re.compile(
    r"\b(?:if|once|unless|until|provided(?:\s+that)?|when|after|as\s+soon\s+as)\s+(?:[\w’'-]+\s+){1,3}$",
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
    r"|\b(?:not|never|n[’']t)\s+(?:\w+\s+)?compromise\s+(?:on|over)\b"
    # "two demands it did not intend to bargain away", "our terms are non-negotiable"
    r"|\b(?:demands?|terms|conditions)\s+(?:that\s+|which\s+)?(?:[\w’'-]+\s+){0,2}(?:not|never|n[’']t)\s+(?:[\w’'-]+\s+){0,3}"
    r"(?:bargain|trade|negotiate|give)\s+(?:away|over)\b|\bnon-?negotiable\b",
    re.IGNORECASE,
)


_CONDITION_LINK = re.compile(
    r"\b(?:if|(?<!\bat\s)once|only|until|unless|provided|as\s+long\s+as|on\s+condition|as\s+soon\s+as)\b", re.IGNORECASE
)


#: a denied refusal: "has never refused talks", "did not reject dialogue" (occasion.byproducts)
_DENIAL = re.compile(
    r"\b(?:never|not|n[’']t)\s+(?:[\w’'-]+\s+)?(?:refus|reject|rul(?:e|ed|es|ing)\s+out|turn(?:ed)?\s+down)",
    re.IGNORECASE,
)


#: a plan a third party builds peace on, with the principles it names (not a term of its own: a withdrawal)
_ENDORSED, _PLAN_PRINCIPLES = {"peace-formula-basis"}, {"peace-formula-basis", "international-law"}

#: readiness stated outright beside a wish: the wish does not make the clause a mere denial
_STATED_READY = re.compile(r"\b(?:are|is|am|remain|remains|stand|stands)\s+(?:ready|willing|prepared)\s+to\b", re.I)

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
