"""One speaker's occasion: which of its stance readings stand as statements of their own.

Why a separate step: the vocabulary counts one statement per speaker, occasion and
stance, and two stances on one occasion are two statements only when the speaker really
takes both ("we are ready; they are the ones refusing"). News reporting often adds, to a
position, a sentence that reads as a second stance but only supports the first:

- a denial of refusal ("Russia has never refused talks") or a wish ("everybody wants
  peace", "Kyiv wants an agreement") beside an accusation, a refusal or terms of the same
  speaker is the defence of that position, not an offer to talk; an explicit "we are
  ready" still is one (the vocabulary's own example: ready + accuses);
- what a third party's published plan "calls for" ("China published a position paper
  calling for a ceasefire and talks") is the plan it puts forward: mediation, not an appeal;
- who must be at the table, set as a precondition ("nothing about Ukraine will be signed
  without Ukraine") beside a refusal of the same speaker ("we will not accept any deal cooked
  up behind our backs") is the refusal's term, not a second, conditional position;
- a refusal of a qualified object ("we will not sign any paper that lets them off", "no
  talks with someone who has no right to sign") beside the same speaker's terms rejects
  only what breaks those terms: it restates the conditional position, not a refusal of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TypeVar

from stancegraph.graph.extract.actors import Actor
from stancegraph.graph.extract.perspective import role
from stancegraph.graph.extract.preconditions import refused_outcome
from stancegraph.graph.extract.stance import Unit

#: the attribution frame names a plan the speaker issues ("X published a 12-point position paper")
_PLAN = re.compile(
    r"\b(?:publish|publishes|published|issue|issues|issued|release|releases|released|unveil|unveils|unveiled|"
    r"present|presents|presented|put\s+forward|puts\s+forward|table|tabled)\s+(?:a|an|its|their|his|her)\s+"
    r"(?:[\w’'-]+\s+){0,3}(?:plan|paper|proposal|initiative|road\s?map|framework|common\s+understanding)\b",
    re.IGNORECASE,
)


@dataclass
class Group:
    """The units of one speaker, occasion and stance: one statement in the making."""

    actor: Actor
    date: str | None
    stance: str
    conditions: set[str]
    offers: set[str]
    evidence: tuple[int, int]
    extra: list[tuple[int, int]]
    confidence: float
    method: str
    target: str | None
    order: int
    denial: bool = False  # every unit is a denied refusal or a wish, no stated readiness


#: the refused object is restricted by a relative clause: "any paper that ...", "some 'formulas'
#: that ...", "no plan which ...", "with someone who ..."
_QUALIFIED = re.compile(
    r"\b(?:any|some|no)\s+[\"“‘']?(?:[\w’'-]+\s+){0,2}?[\w’'-]+[\"”’']?,?\s+(?:that|which|who)\b"
    r"|\b(?:someone|somebody|anyone|anybody)\s+(?:that|who)\b",
    re.IGNORECASE,
)


def byproducts(by_stance: dict[str, Group], text: str = "") -> list[Group]:
    """The groups of one occasion that only support another stance of the same speaker."""
    out: list[Group] = []
    ready = by_stance.get("ready")
    if ready is not None and ready.denial and set(by_stance) - {"ready", "urges", "mediates"}:
        out.append(ready)
    refusal = by_stance.get("refuses")
    if refusal is not None and "conditional" in by_stance and text:
        spans = [refusal.evidence, *refusal.extra]
        if all(_QUALIFIED.search(text, s, e) for s, e in spans):
            out.append(refusal)
    return out


def plan_voice(text: str, frame: list[tuple[int, int]], actor: Actor, units: list[Unit]) -> list[Unit]:
    """A third party's plan that "calls for" talks: the appeal is the plan it puts forward (mediates)."""
    if role(actor) != "third" or not any(_PLAN.search(text, s, e) for s, e in frame):
        return units
    return [replace(u, stance="mediates") if u.stance == "urges" else u for u in units]


_C = TypeVar("_C")


def refusal_terms(text: str, items: list[tuple[_C, Unit]]) -> list[tuple[_C, Unit]]:
    """One occasion's units with a who-is-at-the-table precondition folded into the refusal of an
    outcome beside it ("we will not accept any deal made behind our backs")."""
    refusal = next((u for _c, u in items if u.stance == "refuses" and refused_outcome(text[u.start : u.end])), None)
    if refusal is None:
        return items
    fold = [u for _c, u in items if u.stance is None and u.ordered and set(u.conditions) <= {"talks-format"}]
    if not fold:
        return items
    refusal.conditions = tuple(sorted({*refusal.conditions, *(c for u in fold for c in u.conditions)}))
    return [(c, u) for c, u in items if not any(u is f for f in fold)]
