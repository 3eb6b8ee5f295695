"""Compositional stance reading of a clause: topic x action frame x perspective x polarity.

Why compositional: the same position is worded in endless ways ("I appeal to both
governments to look for a path to peace", "we will keep working to bring both sides back
to the table"), so matching whole wordings fits the articles it was written from and
misses the next one. A clause is read instead as

1. a TOPIC term (``sg:topicPattern``: talks, negotiations, peace, a deal, the table ...);
2. an ACTION FRAME near it (``sg:frameCue`` of a stance concept, named by
   ``sg:frameName``): ready, refuse, appeal, mediate, accuse;
3. the PERSPECTIVE of the action -- its grammatical subject is the speaker's own side,
   the other side, both sides, or nobody named -- and its POLARITY (negation before it).

and the stance follows from the three (see :func:`_decide`): "they do not want talks"
(ready, negated, other side) accuses; "we never refused talks" (refuse, negated, own
side) is readiness; an appeal made to the own side is readiness; a third party's
readiness or offices are mediation, and a party to the war does not mediate. One clause
may hold two readings from two perspectives ("there is no basis for talks because Kyiv
shut the door": refuses + accuses). The wordings are data (ontology/stances.ttl); the
grammar of subject and negation is here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stancegraph.graph.extract import folding
from stancegraph.graph.extract.actors import Actor, gazetteer
from stancegraph.graph.extract.blame import cleft
from stancegraph.graph.extract.cue_scope import DEMANDED, awaited, descriptor_side, hypothetical, teams, verdict
from stancegraph.graph.extract.lexicon import lexicon
from stancegraph.graph.extract.perspective import PREP_BEFORE, bloc, own_bloc, role, subject_side

_NEGATOR = re.compile(
    r"(?:(?:\bnot|n[’']t|\bnever|\bno|\bno\s+longer|\bhardly|\bnor|\bwithout|\bzero)\s+(?:[\w’'-]+\s+){0,2}"
    # a negative subject: "nobody in this city will sign", "none of us would accept"
    r"|(?:\bnobody|\bno\s+one|\bnone\s+of\s+(?:us|them))\s+(?:[\w’'-]+\s+){0,4})$",
    re.IGNORECASE,
)
_NOT_ONLY = re.compile(r"\bnot\s+only\s+$", re.IGNORECASE)
#: "we see no readiness": the perceiver is not the one who is (not) ready
_PERCEIVE = re.compile(
    r"\b(?:see|sees|saw|seen|seeing|notice[sd]?|observe[sd]?|hear|heard|detect(?:s|ed)?|find|found)\s+(?:[\w’'-]+\s+){0,3}$",
    re.IGNORECASE,
)
_HOLDER_AFTER = re.compile(r"^\s*(?:[\w’'-]+\s+){0,2}?(?:on\s+the\s+part\s+of|on|from|in|of|by)\s+", re.IGNORECASE)
#: negation of a whole complement: "saw no sign that Kyiv was ready", "hard for us to accept"
NEITHER = re.compile(r"\bneither\s+(?:side|party|of\s+(?:the|them))\b", re.IGNORECASE)
#: "the two leaders agreed to ...": a summit's participants, the speaker among them
_LEADERS = re.compile(r"\b(?:two|both)\s+(?:leaders|presidents)\b", re.IGNORECASE)

_CLAUSAL_NEGATION = re.compile(
    r"(?:\b(?:no|not\s+any|little|without\s+any)\s+(?:sign|signs|indication|evidence|proof|hint)\s+(?:that|of)\b"
    r"|\bnothing\s+(?:\w+\s+)?to\s+(?:show|suggest|indicate|prove)\s+(?:that\s+)?"
    r"|\b(?:doubt|doubts|doubted|doubtful)\s+(?:that|whether|if)\b"
    r"|\b(?:hard|difficult|impossible)\s+(?:for\s+\w+\s+)?to\s+$)[^.;]*$",
    re.IGNORECASE,
)
#: the agent of a passive cue: "rejected by Kyiv"
_BY_AGENT = re.compile(r"^[”\"’]?\s+by\s+", re.IGNORECASE)
#: what follows a wish: "hope Russia will agree", "want Kyiv to talk" (an appeal to that party)
_COMPLEMENT = re.compile(
    r"^\s+(?:that\s+)?(?P<np>(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+(?:to|would|will|should|must|can|could)\b", re.IGNORECASE
)
_THIRD_PERSON = re.compile(r"\b(?:he|she|him|his|her)\b(?![^,;]*\b(?:we|I)\b)", re.IGNORECASE)
#: a third person described in quoted speech: "This is a man who does not want peace"
_THIRD_NP = re.compile(
    r"\b(?:a|the|this|that)\s+(?:man|person|leader|dictator|criminal|regime)\s+(?:who|that)\s+(?:[\w’'-]+\s+){0,3}$",
    re.IGNORECASE,
)
_NEG_AFTER = re.compile(r"\s+(?:no|none\s+of)\b", re.IGNORECASE)
#: "we are not the ones refusing (they are)": the refusal is the other side's
_NOT_THE_ONES = re.compile(r"\bnot\s+the\s+ones?\s+(?:who\s+(?:are\s+|is\s+|were\s+)?)?$", re.IGNORECASE)
_ADDRESSEE_SELF = re.compile(r"^\s+(?:us|me)\b", re.IGNORECASE)
#: a condition after a cue: "Russia could attend tomorrow if it withdrew"
_LINK_AFTER = re.compile(
    r"\b(?:if|(?<!\bat\s)once|unless|provided|as\s+soon\s+as|only\s+(?:if|after|when|once))\b", re.IGNORECASE
)
#: a permissive "let them talk" (not "let them cancel the decree first", "let them get X into a room")
_LET_TALK = re.compile(
    r"let\s+(?:them|the\s+politicians|the\s+leaders|the\s+presidents)\s+(?:sit\s+(?:down\s+)?(?:and\s+)?)?"
    r"(?:talk|negotiate|sit\b)",
    re.IGNORECASE,
)
_BEFORE, _AFTER = 40, 70  # how far a topic term may be from the cue (characters)

#: who finds something unacceptable: "would be unacceptable to Russia", "is unacceptable to us"
_JUDGE_AFTER = re.compile(r"^[”\"’]?\s+(?:to|for)\s+(?P<who>us|me|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})", re.UNICODE)
_EVALUATIVE = re.compile(r"(?:unacceptable|a\s+non-starter|out\s+of\s+the\s+question)$", re.IGNORECASE)


def judge_side(cue: str, after: str, speaker: Actor, pre: str = "") -> str | None:
    """The side of the one an evaluative cue names as judging ("unacceptable to Moscow"), if any:
    the one it is unacceptable to refuses, whatever the sentence's subject (the thing refused).
    With no judge named, a verdict predicated of a thing ("their formula is an ultimatum") is the
    speaker's own (:func:`verdict`)."""
    m = _JUDGE_AFTER.match(after) if _EVALUATIVE.search(cue) else None
    if m is None:
        return verdict(pre + cue, speaker)
    who = m.group("who")
    return "self" if who.lower() in ("us", "me") else side_of(who, speaker)


@dataclass(frozen=True)
class Reading:
    """One stance read off a clause: the concept, the frame that signals it and where."""

    stance: str
    frame: str
    start: int  # of the cue, relative to the clause
    end: int
    side: str
    modal: bool = False  # an appeal read off a modal ("Kyiv must ..."): with named conditions it is a demand


#: a clause whose subject is a bare "it" ("..., and that it had never intended to negotiate")
_IT_SUBJECT = re.compile(r"^\s*(?:that\s+|and\s+)?it\s+(?!is\b|was\b|would\s+be\b|will\s+be\b)", re.IGNORECASE)


def state_subject(clause: str, speaker: Actor) -> str | None:
    """The side ('self'/'other') of the state or organisation a clause opens with, for a later "it"."""
    g = gazetteer()
    for s, _e, eid in g.find(clause):
        if PREP_BEFORE.search(clause[:s]):
            continue
        if g.entries[eid].kind not in ("state", "organization"):
            return None
        return side_of(clause[s:], speaker)
    return None


def carried(pre: str, side: str, carry: str | None) -> str:
    """An unknown subject that is a bare "it" is the state the previous clause of the claim opened with."""
    if side == "unknown" and carry is not None and _IT_SUBJECT.match(pre):
        return carry
    return side


#: a subject of two coordinated names ("China and Brazil are ..."): the first one's side counts
_JOINT = re.compile(r"^\W*(?:[A-Z][\w’'.-]*\s+){1,3}and\s+(?:[A-Z][\w’'.-]*\s+){1,3}(?:are|were|have|will|would)\b")


def third_person(pre: str) -> bool:
    """In quoted speech, the subject before a cue is a third person ("he", "a man who"), not the speaker."""
    return bool(_THIRD_PERSON.search(pre) or _THIRD_NP.search(pre))


#: a bare "it" as the subject of a complement clause: "... the actions of the Kyiv regime show that it has"
_IT_AFTER = re.compile(r"\b(?:that|which|because|since|as)\s+it\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)


def it_antecedent(pre: str, speaker: Actor) -> str | None:
    """The side of the party a bare "it" before a cue stands for: the last one named before it, even
    inside a prepositional phrase ("the statements of the Kyiv regime show that it has rejected ...")."""
    if _IT_AFTER.search(pre) is None:
        return None
    found = [s0 for s0, _e, _id in gazetteer().find(pre)]
    return side_of(pre[found[-1] :], speaker) if found else None


#: a comparison with a negative subject: "no one wants peace more than Ukraine", "nobody is keener than we are"
_NOBODY_BEFORE = re.compile(r"\b(?:nobody|no\s+one|no\s+country|none)\s+(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)
_MORE_THAN = re.compile(
    r"[^.;!?]{0,40}?\b(?:more|better|keener|harder)\s+than\s+(?P<than>[^,.;!?]{1,40})", re.IGNORECASE
)


#: reported speech whose clause opens with "he"/"she": the speaker itself ("X said he would not ...")
_LOGOPHORIC = re.compile(r"^\W*(?:that\s+)?(?:he|she)\s+(?!is\s+a\b)", re.IGNORECASE)


#: a topic named only as what is set against the act: "wants war, not peace", "to swallow Ukraine, not negotiate"
_CONTRAST_NOT = re.compile(r",?\s+(?:and\s+)?(?:not|rather\s+than|instead\s+of)\s+(?:to\s+)?$", re.IGNORECASE)


def _contrasted(clause: str, end: int, topics: list[tuple[int, int]]) -> bool:
    """The first topic term after a cue at ``end`` is the negated half of a contrast: the cue's act
    is something else, the talks are what the subject does not want."""
    after = [ts for ts, _te in topics if ts >= end]
    if not after or any(ts < end and te > end - _BEFORE for ts, te in topics):
        return False
    return _CONTRAST_NOT.search(clause, end, after[0]) is not None


def _near_topic(topics: list[tuple[int, int]], s: int, e: int, after_only: bool = False) -> bool:
    for ts, te in topics:
        if ts < e and te > s:
            return True
        if ts >= e and ts - e <= _AFTER:
            return True
        if not after_only and te <= s and s - te <= _BEFORE:
            return True
    return False


def _negated(pre: str) -> bool:
    if _CLAUSAL_NEGATION.search(pre):
        return True
    return bool(_NEGATOR.search(pre)) and not _NOT_ONLY.search(pre)


def side_of(text: str, speaker: Actor) -> str | None:
    """The side of the first party named in ``text`` (relative to the speaker), or None."""
    own = own_bloc(speaker)
    g = gazetteer()
    for _s, _e, eid in g.find(text):
        if eid == speaker.key:
            return "self"
        e = g.entries[eid]
        theirs = bloc(e.affiliation or eid)
        return "self" if own is not None and own == theirs else "other"
    return None


def _holder(clause: str, end: int, speaker: Actor) -> str:
    """The side named right after a readiness noun ("readiness on the Russian side"), or 'other'."""
    m = _HOLDER_AFTER.match(clause, end)
    if m is None:
        return "other"
    return side_of(clause[m.end() : m.end() + 40], speaker) or "other"


def _decide(frame: str, neg: bool, side: str, who: str, modal: bool) -> str | None:
    """The stance of one action frame, from its polarity, its subject's side and the speaker's role."""
    third = who == "third"
    if frame in ("desire", "support"):
        if neg:
            return "accuses" if side == "other" else (None if side == "both" or third else "refuses")
        if side == "other" or (third and frame == "desire"):
            return None
        return "mediates" if third else "ready"
    if frame == "sincerity":
        return "accuses" if neg and side != "self" else None
    if frame == "ready":
        if neg:
            if side == "other":
                return "accuses"
            return None if side == "both" else "refuses"
        if side == "other":
            return None
        if third:
            return "mediates"
        return "ready"
    if frame == "refuse":
        if neg:
            return "ready" if side in ("self", "unknown") and not third else None
        if side == "other":
            return "accuses"
        return None if side == "both" else "refuses"
    if frame == "appeal":
        if neg:
            return None
        if modal:
            if side == "unknown":
                return None  # "any deal must include X": a demand, not an appeal
            if side == "self":
                return "urges" if third else "ready"
        return "urges"
    if frame == "mediate":
        if neg or who == "belligerent" or side == "other":
            return None
        return "mediates"
    if frame == "accuse":
        if neg or side == "self":
            return None
        return "accuses"
    return None


def read(clause: str, speaker: Actor, direct: bool = False, carry: str | None = None) -> list[Reading]:
    """The frame readings of a clause: the first (leftmost) one, plus one from another perspective.

    ``direct``: the clause is quoted speech, where "he"/"she" is somebody else than the speaker.
    ``carry``: the side of the state the claim's previous clause opened with (for a bare "it").
    """
    lex = lexicon()
    if lex.topic is None or not lex.frames:
        return []
    topics = folding.spans(lex.topic, clause)
    if not topics:
        return []
    who = role(speaker)
    cues: list[tuple[int, int, str, bool]] = []
    # a cue starting more than _BEFORE after the last topic term is near none (_near_topic)
    for m in lex.frame_cues(clause, stop=max(te for _ts, te in topics) + _BEFORE):
        group = m.lastgroup or ""
        name, modal = lex.frame_name(group), group == "modal"
        if modal:
            name = "appeal"
        if _near_topic(topics, m.start(), m.end(), after_only=modal):
            cues.append((m.start(), m.end(), name, modal))
    if not cues:
        return []
    names = list(gazetteer().find(clause))
    out: list[Reading] = []
    covered = -1
    for s, e, name, modal in cues:
        if s < covered:
            continue  # a cue inside a longer one already read ("rule out" in "not rule out")
        pre = clause[:s]
        if hypothetical(pre, clause[e : e + 120]):
            continue
        neg = _negated(pre)
        side = carried(pre, subject_side(pre, speaker, parties=True, names=names), carry)
        if side == "other" and _JOINT.search(pre) and side_of(pre, speaker) == "self":
            side = "self"  # "China and Brazil are willing to ...", said by a Chinese minister
        if direct and side == "unknown" and third_person(pre):
            side = "other"  # "He does not want peace," said of the enemy's leader
        elif not direct and side == "unknown" and speaker.kind == "person" and _LOGOPHORIC.match(pre):
            side = "self"  # "Zelensky said he would not allow Orban to negotiate for Ukraine": he is the speaker
        if side == "unknown":
            side = it_antecedent(pre, speaker) or descriptor_side(pre, speaker) or side
        if neg and _NOBODY_BEFORE.search(pre) and (more := _MORE_THAN.match(clause, e)) is not None:
            # "no one wants peace more than Ukraine": the compared party wants it most
            neg, side = False, side_of(more.group("than"), speaker) or "unknown"
        if name in ("ready", "support") and _NEG_AFTER.match(clause, e):
            neg = True  # "would accept no plan that ..."
        if name in ("ready", "support", "desire") and not neg and _contrasted(clause, e, topics):
            neg = True  # "he wants to swallow Ukraine, not negotiate with it"
        if name == "ready" and _PERCEIVE.search(pre):
            side = _holder(clause, e, speaker)
        by = _BY_AGENT.match(clause[e:])
        if by:  # a passive: its agent acts
            side = side_of(clause[e + by.end() : e + by.end() + 40], speaker) or side
        side = judge_side(clause[s:e], clause[e : e + 40], speaker, pre) or side
        if NEITHER.search(pre):
            neg, side = True, "both"  # "neither side appears ready": an assessment of both
        covered = e
        if name in ("refuse", "accuse") and DEMANDED.search(pre):
            continue  # "demanded that Ukraine withdraw ... and abandon X": what is demanded, no act reported
        if name == "appeal" and not modal and _ADDRESSEE_SELF.match(clause[e:]):
            continue  # "he is asking us to ...": another's demand, reported
        if name == "desire" and not neg:
            comp = _COMPLEMENT.match(clause[e:])
            party = subject_side(comp.group("np") + " ", speaker, parties=True) if comp else "unknown"
            if party in ("other", "both"):
                name, side = "appeal", party  # "we hope the Russians will agree": an appeal to them
        if name == "refuse" and _NOT_THE_ONES.search(pre):
            neg, side = False, "other"
        if name == "refuse" and (cl := cleft(pre, speaker)) is not None:
            neg, side = cl  # "it is not us who walked away from the table": theirs, affirmed
        stance = _decide(name, neg, side, who, modal)
        if stance == "mediates" and side == "both" and name != "mediate" and not _LEADERS.search(pre):
            continue  # "the two sides agreed to ...", "both sides are moving toward a deal": an assessment
        if stance == "urges" and who == "belligerent" and _LET_TALK.match(clause, s):
            stance = "ready"  # "let them talk", said by one side's people: consent to talks, no appeal
        if (
            stance == "ready"
            and who != "belligerent"
            and any(n == "mediate" and e <= cs <= e + 40 for cs, _ce, n, _m in cues)
        ):
            stance = "mediates"  # "willing to host", "ready to broaden its mediation"
        if stance == "mediates" and name in ("support", "ready") and teams(clause, e, side):
            stance = "ready"  # "we agreed to have our respective teams start negotiations": a party to the talks
        if name == "ready" and not neg and stance in ("ready", "mediates", None) and awaited(pre):
            stance = "urges"  # "he can come back when he is ready for peace": the move is the other's
        conditional = name in ("ready", "support", "desire") and _LINK_AFTER.search(clause, e) is not None
        if stance is None and side == "other" and not neg and conditional:
            stance = "ready"  # "they could attend tomorrow if they withdrew": the speaker's terms
        if stance is None:
            continue
        r = Reading(stance, name, s, e, side, modal)
        if not out:
            out.append(r)
        elif r.stance != out[0].stance and r.side != out[0].side and "accuses" in (r.stance, out[0].stance):
            out.append(r)
            break
    return out
