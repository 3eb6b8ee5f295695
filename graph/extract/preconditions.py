"""Temporal and necessary preconditions: constructions that make a named term a demand.

Why a construction, not a cue: speakers set terms for talks or peace far more often by
ordering events than by a word like "condition" -- "first they leave, then we talk", "no
peace until they stand trial", "the next meeting should not happen before the guns fall
silent", "all it has to do is take its troops out", "without guarantees there is no
durable end". Each says: the talks (or the end of the war) come only after X. When X names
a condition of the lexicon (conditions.ttl), the clause is the speaker's conditional
position whatever verb carries it; a refusal worded that way ("no talks until X") states
its own exit, so it is conditional too (vocabulary: "willing ... only if stated conditions
are met"). The condition itself is read off X by the condition lexicon as everywhere.

A demand can also reach across clauses of one claim: "they will answer before a court, and that
has to be written into the deal" (the modal clause refers back to the term named before), and
"it would have to remove the reasons, which he blamed on NATO's expansion" (the relative clause
names what the demand before it is about).

What is *not* a precondition here: "without preconditions" (readiness, stance.py), "not
before" with nothing named, and a clause with no condition at all (the construction then
adds nothing).
"""

from __future__ import annotations

import re

from stancegraph.graph.extract import folding
from stancegraph.graph.extract.lexicon import lexicon

#: the construction, anywhere in one clause
_PRECONDITION = re.compile(
    # "First they leave", "But first, a ceasefire", "First let them leave our land"
    r"^\W*(?:(?:but|and|so)\s+)?first\b"
    # "Ceasefire first, a real one", "Guarantees first. Then we talk": a term put first, verbless
    r"|^\W*(?:(?:but|and|so)\s+)?(?:an?\s+|the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?\s+first\b(?!\s*\w)"
    # "let them cancel it first", "they must first cancel", "a ceasefire has to come first"
    r"|\b(?:must|should|has\s+to|have\s+to|had\s+to|need\s+to|needs\s+to|let\s+(?:them|him|it))\s+(?:[\w’'-]+\s+){0,4}?first\b"
    # "no peace until those responsible stand trial", "there is nothing to discuss until ..."
    r"|\b(?:no|nothing|not|never|n[’']t)\b[^.;:!?]{0,60}?\b(?:until|till|before)\s+(?!(?:that|then|this|now|long)\b)"
    # "Until it is cancelled, there is nothing to discuss"
    r"|^\W*(?:until|till|not\s+before)\b"
    # "All it has to do is take its troops out"
    r"|\ball\s+(?:[\w’'-]+\s+){1,2}(?:has|have|needs?|had)\s+to\s+do\s+is\b"
    # "only once a draft treaty has been agreed"
    r"|\bonly\s+(?:once|after)\b"
    # "a full ceasefire must begin before any negotiations", "a truce ahead of any talks"
    r"|\b(?:before|ahead\s+of|prior\s+to)\s+(?:any|the\s+start\s+of|the\s+opening\s+of|starting|holding|opening)\s+"
    r"(?:(?:peace|direct|further|formal|substantive)\s+)?(?:talks|negotiations|dialogue)\b",
    re.IGNORECASE,
)

#: "without X, no Y" / "no Y without X" / "Y is impossible without X": X is necessary
_WITHOUT = re.compile(r"\bwithout\s+(?!(?:any\s+)?(?:pre-?)?conditions\b|delay\b|waiting\b)", re.IGNORECASE)
_NO_Y = re.compile(
    r"\b(?:no|nothing|not\s+(?:be\s+)?possible|impossible|cannot|can[’']t|could\s+not|couldn[’']t|will\s+not|won[’']t"
    r"|would\s+not|wouldn[’']t"
    # "a ceasefire without guarantees is not acceptable", "peace without justice is only a pause"
    r"|not\s+(?:be\s+)?acceptable|unacceptable|(?:is|are|would\s+be|will\s+be)\s+(?:only|just|merely|nothing\s+but)\s+an?)\b",
    re.IGNORECASE,
)
#: "would not accept any agreement made without us": what is refused, not a term (the gold keeps it a refusal)
_REFUSED_OUTCOME = re.compile(
    r"\b(?:accept|recogni[sz]e)\s+(?:any\s+|the\s+|an?\s+)?(?:[\w’'-]+\s+){0,3}?(?:agreements?|deals?|outcomes?|decisions?)\b"
    r"|\bbe\s+bound\s+by\b",
    re.IGNORECASE,
)


def precondition(clause: str) -> bool:
    """The clause orders a term before the talks or the peace ("first X, then Y", "no Y until X",
    "not before X", "all it has to do is X", "without X, no Y")."""
    if _PRECONDITION.search(clause):
        return True
    if _WITHOUT.search(clause) is None or refused_outcome(clause):
        return False
    return _NO_Y.search(clause) is not None


def refused_outcome(clause: str) -> bool:
    """The clause refuses an outcome reached without the speaker ("will not accept any deal made
    without us", "will not be bound by it"): what it names is refused, the refusal stands."""
    return _REFUSED_OUTCOME.search(clause) is not None


#: a clause that demands what the clause before named: "..., and that has to be part of any deal"
_DEMAND_MODAL = r"(?:has\s+to|have\s+to|must|needs?\s+to|will\s+have\s+to|is\s+a\s+condition)\b"
_ANAPHORIC_DEMAND = re.compile(rf"(?:and\s+)?(?:that|this)\s+{_DEMAND_MODAL}", re.IGNORECASE)
_MODAL_START = re.compile(_DEMAND_MODAL, re.IGNORECASE)
_AND_THAT_BEFORE = re.compile(r"\band\s+that\s+$", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\bwhich\s+$", re.IGNORECASE)


def refers_back(text: str, start: int, end: int) -> bool:
    """The clause ``text[start:end]`` demands what the one before named ("they will answer before a
    court, and that has to be written into the deal"): the terms named there are demanded."""
    if _ANAPHORIC_DEMAND.match(text, start, end):
        return True
    return (
        bool(_MODAL_START.match(text, start, end))
        and _AND_THAT_BEFORE.search(text, max(0, start - 12), start) is not None
    )


def relative_after_demand(text: str, prev: tuple[int, int], start: int) -> bool:
    """The clause at ``start`` is a relative clause ("..., which he blamed on NATO's expansion") after a
    clause ``prev`` that carries a demand marker: what the relative clause names is demanded."""
    if _RELATIVE_BEFORE.search(text, max(0, start - 8), start) is None:
        return False
    lex = lexicon()
    clause = text[prev[0] : prev[1]]
    return lex.markers is not None and folding.search(lex.markers, clause, clause.lower()) is not None
