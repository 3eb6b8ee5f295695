"""Blame by a cleft sentence: "it is not us who walked away from the table", "it was Kyiv that
refused to negotiate"; and its kin without a cleft, "it was not our decision to break off the talks".

Why apart from plain negation: in a cleft the "not" denies *who* did it, not *what* was
done. "It was not Russia that stopped the negotiations" says the talks were stopped -- by
the other side; read as a plain negation it would be Russia's readiness ("we never refused").
So before a cue, a cleft frame decides polarity and subject together: a denied cleft on the
speaker's own side gives the act to the other side (an accusation); an affirmed cleft names
the doer directly ("it was Kyiv, encouraged by Washington, that was refusing").
"""

from __future__ import annotations

import re

from stancegraph.graph.extract.actors import Actor
from stancegraph.graph.extract.perspective import subject_side

#: "it is not us who ", "It was not Russia that ", "it was Kyiv, not Moscow, that ", "it is they who "
_CLEFT = re.compile(
    r"\bit\s*(?:is|was|[’']s)\s+(?P<not>not\s+)?(?P<np>[\w’'-]+(?:\s+[\w’'-]+){0,3}?)"
    r"(?:\s*,[^,;]{1,60},)?\s+(?:who|that)\s+(?:[\w’'-]+\s+){0,2}$",
    re.IGNORECASE,
)
#: blame without a cleft: "it was not our decision to break off the talks", "it is Kyiv's choice to walk away"
_DECISION = re.compile(
    r"\bit\s*(?:is|was|[’']s)\s+(?P<not>not\s+|never\s+)?(?P<np>our|my|their|[\w’'-]+(?:\s+[\w’'-]+){0,2}?[’']s?)"
    r"\s+(?:own\s+)?(?:decision|choice|idea|initiative|doing|wish)\s+(?:to\s+)?$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"[’']s?$")
_SELF = re.compile(r"^(?:us|we|me|I|ourselves)$", re.IGNORECASE)


def cleft(pre: str, speaker: Actor) -> tuple[bool, str] | None:
    """(negated, side) of the act a cue names when the text before it is a cleft frame, else None.

    A denied cleft on the own side is the other side's act, affirmed; one on another party is
    left alone (who did it instead is not said)."""
    m = _CLEFT.search(pre) or _DECISION.search(pre)
    if m is None:
        return None
    np = _POSSESSIVE.sub("", m.group("np").strip())
    np = {"our": "we", "my": "I", "their": "they"}.get(np.lower(), np)
    side = "self" if _SELF.match(np) else subject_side(np + " ", speaker)
    if side not in ("self", "other"):
        return None
    if m.group("not"):
        return (False, "other") if side == "self" else None
    return False, side
