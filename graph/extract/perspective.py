"""Perspective: whose action a clause reports, relative to the speaker.

Why apart: both readings of a clause -- the whole-wording cues (``stance``) and the
compositional frames (``frames``) -- turn on the same question: is the grammatical
subject of the action the speaker's own side ("we", "Moscow" said by a Russian), the
other side, both sides together ("the two governments"), or nobody named? Sides are
blocs (Russia and Belarus; Ukraine; the West), read from the gazetteer's affiliations.
"""

from __future__ import annotations

import re

from stancegraph.graph.extract.actors import Actor, gazetteer, nationality
from stancegraph.graph.extract.lexicon import lexicon

BELLIGERENTS = {"russia", "ukraine"}
_SELF_WORDS = re.compile(r"\b(?:we|our|I|my)\b", re.IGNORECASE)
_OTHER_WORDS = re.compile(r"\b(?:they|their)\b", re.IGNORECASE)
PREP_BEFORE = re.compile(
    r"\b(?:with|to|from|against|of|for|on|about|by|into|toward|towards|at|between|among|than|without)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: "the Russians ignored the proposal": a people named for its state acts as that side in news about
#: talks (the gazetteer names states and persons, not peoples) --
#: and so do its officials as a body ("Russian officials were not interested in peace")
_PEOPLES = re.compile(
    r"\b(?P<people>Russian|Ukrainian)(?:s\b|\s+(?:officials|negotiators|diplomats|authorities|leaders|leadership|"
    r"troops|forces|military|team|government|regime)\b)"
)
_BLOCS = {
    "russia": "russia", "belarus": "russia", "kremlin": "russia",
    "ukraine": "ukraine",
    "united-states": "west", "european-union": "west", "nato": "west", "united-kingdom": "west", "germany": "west",
    "france": "west", "poland": "west", "italy": "west", "japan": "west", "west": "west", "g7": "west",
}  # fmt: skip


def bloc(side: str | None) -> str | None:
    if side is None:
        return None
    if side in _BLOCS:
        return _BLOCS[side]
    entry = gazetteer().entries.get(side)
    if entry and entry.affiliation:
        return _BLOCS.get(entry.affiliation, entry.affiliation)
    return side


def own_bloc(speaker: Actor) -> str | None:
    return bloc(speaker.side or (speaker.key if speaker.curated else None))


def role(speaker: Actor) -> str:
    """'belligerent', 'third' (a known party outside the war) or 'unknown'."""
    own = own_bloc(speaker)
    if own is None:
        return "unknown"
    return "belligerent" if own in BELLIGERENTS else "third"


def subject_side(
    pre: str, speaker: Actor, parties: bool = False, names: list[tuple[int, int, str]] | None = None
) -> str:
    """'self', 'other', 'both' (with ``parties``) or 'unknown': whose action the clause reports.

    ``names``: the gazetteer names of a text that ``pre`` is a prefix of (found once per clause).
    """
    g = gazetteer()
    last_name = None
    found = g.find(pre) if names is None else [n for n in names if n[1] <= len(pre)]
    for s, _e, eid in found:
        if not PREP_BEFORE.search(pre[:s]):
            last_name = (s, eid)
    for m in _PEOPLES.finditer(pre):
        people = nationality(m.group("people"))  # the one adjective table: "Russian" -> russia
        if people and (last_name is None or m.start() > last_name[0]) and not PREP_BEFORE.search(pre[: m.start()]):
            last_name = (m.start(), people)
    pron_self = [m.start() for m in _SELF_WORDS.finditer(pre) if not PREP_BEFORE.search(pre[: m.start()])]
    pron_other = [m.start() for m in _OTHER_WORDS.finditer(pre) if not PREP_BEFORE.search(pre[: m.start()])]
    cands: list[tuple[int, str]] = []
    if pron_self:
        cands.append((pron_self[-1], "self"))
    if pron_other:
        cands.append((pron_other[-1], "other"))
    if parties and lexicon().parties is not None:
        both = [m.start() for m in lexicon().parties.finditer(pre) if not PREP_BEFORE.search(pre[: m.start()])]  # type: ignore[union-attr]
        if both:
            cands.append((both[-1], "both"))
    if last_name:
        eid = last_name[1]
        e = g.entries[eid]
        own = own_bloc(speaker)
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
