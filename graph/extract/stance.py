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
from dataclasses import dataclass

from stancegraph.graph.extract.actors import Actor, gazetteer
from stancegraph.graph.extract.lexicon import lexicon

_CLAUSE_SPLIT = re.compile(
    r";|\s[-–—]\s|—|,?\s+but\s+(?!also\b|only\b)|,\s+while\s+|,?\s+whereas\s+|,?\s+and\s+(?:said|says|added|adds|"
    r"stressed|noted|insisted|warned)\s+(?:that\s+)?|(?<=[.?!])\s+",
    re.IGNORECASE,
)
_NEGATOR = re.compile(
    r"(?:\bnot|n[’']t|\bnever|\bno|\bno\s+longer|\bhardly|\bdeny|\bdenies|\bdenied)\s+(?:[\w’'-]+\s+){0,2}$",
    re.IGNORECASE,
)
_NOT_ONLY = re.compile(r"\bnot\s+only\s+$", re.IGNORECASE)
_NEGOTIATION = re.compile(
    r"\b(?:negotiat\w*|talks?|dialogue|peace|settlement|agreement|deal|end\s+(?:to\s+)?(?:the|this)\s+(?:war|conflict)|"
    r"war\s+(?:will|would|must|should)\s+(?:be\s+over|end)|ceasefire|truce)\b",
    re.IGNORECASE,
)
_OBLIGATION = re.compile(r"\b(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to)\b", re.IGNORECASE)
_BELLIGERENTS = {"russia", "ukraine"}
_SELF_WORDS = re.compile(r"\b(?:we|our|I|my)\b", re.IGNORECASE)
_OTHER_WORDS = re.compile(r"\b(?:they|their)\b", re.IGNORECASE)
_PREP_BEFORE = re.compile(
    r"\b(?:with|to|from|against|of|for|on|about|by|into|toward|towards|at|between|among|than|without)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_BLOCS = {
    "russia": "russia", "belarus": "russia", "kremlin": "russia",
    "ukraine": "ukraine",
    "united-states": "west", "european-union": "west", "nato": "west", "united-kingdom": "west", "germany": "west",
    "france": "west", "poland": "west", "italy": "west", "japan": "west", "west": "west", "g7": "west",
}  # fmt: skip


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


def bloc(side: str | None) -> str | None:
    if side is None:
        return None
    if side in _BLOCS:
        return _BLOCS[side]
    entry = gazetteer().entries.get(side)
    if entry and entry.affiliation:
        return _BLOCS.get(entry.affiliation, entry.affiliation)
    return side


def _subject_side(pre: str, speaker: Actor) -> str:
    """'self', 'other' or 'unknown': whose action the clause reports, from its subject."""
    g = gazetteer()
    last_name = None
    for s, _e, eid in g.find(pre):
        if not _PREP_BEFORE.search(pre[:s]):
            last_name = (s, eid)
    pron_self = [m.start() for m in _SELF_WORDS.finditer(pre) if not _PREP_BEFORE.search(pre[: m.start()])]
    pron_other = [m.start() for m in _OTHER_WORDS.finditer(pre) if not _PREP_BEFORE.search(pre[: m.start()])]
    cands: list[tuple[int, str]] = []
    if pron_self:
        cands.append((pron_self[-1], "self"))
    if pron_other:
        cands.append((pron_other[-1], "other"))
    if last_name:
        eid = last_name[1]
        e = g.entries[eid]
        own = bloc(speaker.side or (speaker.key if speaker.curated else None))
        theirs = bloc(e.affiliation or eid)
        if speaker.key == eid:
            side = "self"
        elif own is None or theirs is None:
            side = "other"  # a named party that is not the speaker
        else:
            side = "self" if own == theirs else "other"
        cands.append((last_name[0], side))
    if not cands:
        return "unknown"
    return max(cands)[1]


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


_ORDER = ("mediates", "accuses", "urges", "refuses", "ready")  # the first concept found decides


def classify_clause(norm: str, start: int, end: int, speaker: Actor) -> Unit | None:
    """The stance (or the bare demand) of one clause ``norm[start:end]``."""
    lex = lexicon()
    clause = norm[start:end]
    low = clause.lower()
    conds = tuple(sorted(code for code, c in lex.conditions.items() if c.search(clause, low)))
    found: list[tuple[str, re.Match[str]]] = []
    for code in _ORDER:
        c = lex.stances.get(code)
        m = c.search(clause, low) if c else None
        if m is not None:
            found.append((code, m))
    topical = _topical(clause)
    weak = False
    if not found and topical and lex.weak:
        # paraphrases: cues that count only in a clause about negotiations
        for code in _ORDER:
            c = lex.weak.get(code)
            m = c.search(clause, low) if c else None
            if m is not None:
                found.append((code, m))
        weak = bool(found)
    if not conds and not found and not topical:
        return None
    marker = lex.markers.search(clause) if lex.markers else None
    if marker and re.match(r"only", marker.group(), re.I) and re.search(r"\bnot\s+$", clause[: marker.start()]):
        marker = None
    offer = lex.offers is not None and lex.offers.search(clause) is not None
    stance: str | None = None
    hit: re.Match[str] | None = None
    target: str | None = None
    for code, m in found:
        pre = clause[: m.start()]
        negated = bool(_NEGATOR.search(pre)) and not _NOT_ONLY.search(pre)
        if code == "ready" and "precondition" in m.group().lower():
            negated = False
        if code in ("urges",):
            if negated:
                continue
            appeal = re.match(r"(?:urg|call|push|press|persuad|encourag|appeal|ask)", m.group(), re.I)
            party = _subject_side(pre, speaker)
            if party == "self" and not appeal:
                stance = "ready"
            else:
                stance = "urges"
        elif code == "refuses":
            if negated:
                continue
            side = _subject_side(pre, speaker)
            stance = "accuses" if side == "other" else "refuses"
        elif code == "ready":
            side = _subject_side(pre, speaker)
            if negated:
                stance = "accuses" if side == "other" else "refuses"
            elif side == "other":
                if not _OBLIGATION.search(pre):
                    continue
                stance = "urges"  # "Kyiv should make clear it is open to talks"
            else:
                stance = "ready"
        elif code == "mediates":
            if negated or (speaker.curated and bloc(speaker.side or speaker.key) in _BELLIGERENTS):
                continue  # a party to the war does not mediate (vocabulary: "as a third party")
            stance = "mediates"
        else:
            if negated and code != "accuses":
                continue
            stance = code
        hit = m
        break
    if stance is None and not conds:
        return None
    strong = marker is not None
    if (stance == "ready" and conds) or (
        stance == "refuses"
        and set(conds) - {"counterpart-leadership"}  # "not while Putin is in charge" stays a refusal
        and strong
        and _demand_over_refusal(clause)
    ):
        stance = "conditional"
    if stance == "ready" and strong and _CONDITION_LINK.search(clause):
        stance = "conditional"  # "we would talk once they leave": readiness on a stated condition
    if stance is None and not conds and not topical:
        return None
    demanded = conds
    if stance in ("accuses", "urges", "mediates"):
        demanded = conds if strong else ()
    if stance == "refuses" and not strong:
        # what a refusal names is mostly what is refused; only "while X is in charge" is a term
        demanded = tuple(c for c in conds if c == "counterpart-leadership")
    offers: tuple[str, ...] = ()
    if offer:
        offers, demanded = demanded, ()
    target = _target_name(clause, speaker)
    strength = (0.75 if weak else 0.9) if hit is not None else 0.7
    return Unit(stance, demanded, offers, start, end, strength, target, strong)


def _topical(clause: str) -> bool:
    """A clause about negotiations (the scheme's sg:topicPattern; a built-in list if none)."""
    topic = lexicon().topic
    return (topic or _NEGOTIATION).search(clause) is not None


_CONDITION_LINK = re.compile(
    r"\b(?:if|once|only|until|unless|provided|as\s+long\s+as|on\s+condition|as\s+soon\s+as)\b", re.IGNORECASE
)


def _demand_over_refusal(clause: str) -> bool:
    """A refusal with "until"/"only after" is a conditional position ("no talks until they leave")."""
    return _REFUSAL_TERMS.search(clause) is not None


_REFUSAL_TERMS = re.compile(r"\b(?:until|only\s+(?:after|if|when|once)|unless|(?:as|so)\s+long\s+as|without)\b", re.I)


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


def classify(norm: str, spans: list[tuple[int, int]], speaker: Actor) -> list[Unit]:
    """Every unit in a claim's content spans."""
    units: list[Unit] = []
    if not spans:
        return units
    # one region with the attribution frame blanked out, so that "Negotiations, he said,
    # are impossible" reads as one clause and offsets stay those of the article
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    chars = [" "] * (hi - lo)
    for s, e in spans:
        chars[s - lo : e - lo] = norm[s:e]
    masked = " " * lo + "".join(chars)
    for cs, ce in clauses(masked, lo, hi):
        u = classify_clause(masked, cs, ce, speaker)
        if u is not None:
            units.append(u)
    # "ready to talk, but the outcome must consider X": readiness with stated terms in the
    # same breath is a conditional position
    weak = [u for u in units if u.stance is None and not u.strong_marker and u.conditions]
    ready = [u for u in units if u.stance == "ready"]
    if weak and ready:
        ready[0].stance = "conditional"
        ready[0].conditions = tuple(sorted({c for u in weak + ready for c in u.conditions}))
    return [u for u in units if u.stance is not None or u.strong_marker]
