"""Whole-wording stance cues of a clause (sg:pattern, labels, sg:weakPattern) and whose position they are.

Why apart from the frames: a cue names a concept outright ("rejected the offer", "a dead
end"); what remains to decide is the grammar around it -- negation before it, the side of
its subject (a refusal by the other side is an accusation), a third party's readiness is
mediation, and a supposition ("if they refuse") is nobody's position. ``stance`` reads
the frames first and falls back on these cues.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from stancegraph.graph.extract import blame, cue_scope, folding, frames
from stancegraph.graph.extract.actors import Actor
from stancegraph.graph.extract.anchor_scan import Hits
from stancegraph.graph.extract.lexicon import lexicon
from stancegraph.graph.extract.perspective import BELLIGERENTS as _BELLIGERENTS
from stancegraph.graph.extract.perspective import role
from stancegraph.graph.extract.perspective import subject_side as _subject_side

_NEGATOR = re.compile(
    r"(?:\bnot|n[’']t|\bnever|\bno|\bno\s+longer|\bhardly|\bzero|\bdeny|\bdenies|\bdenied)\s+(?:[\w’'-]+\s+){0,2}$",
    re.IGNORECASE,
)
_NOT_ONLY = re.compile(r"\bnot\s+only\s+$", re.IGNORECASE)
_NEGOTIATION = re.compile(
    r"\b(?:negotiat\w*|talks?|dialogue|peace|settlement|agreement|deal|end\s+(?:to\s+)?(?:the|this)\s+(?:war|conflict)|"
    r"war\s+(?:will|would|must|should)\s+(?:be\s+over|end)|ceasefire|truce)\b",
    re.IGNORECASE,
)

_OBLIGATION = re.compile(r"\b(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to)\b", re.IGNORECASE)

#: the parties to the war proper: an ally of one (Belarus hosting the 2022 talks) can still host
_PARTIES = _BELLIGERENTS | {"kremlin"}

_ORDER = ("mediates", "accuses", "urges", "refuses", "ready")  # the first concept found decides


def cue_stance(
    clause: str,
    low: str,
    speaker: Actor,
    present: Hits | None = None,
    direct: bool = False,
    carry: str | None = None,
    context: bool = False,
) -> tuple[str | None, bool, bool]:
    """The stance of a clause from whole-wording cues: (stance, hit, weak).

    ``direct``: quoted speech, where "he"/"a man who" is somebody else than the speaker.
    ``context``: the question or the sentence before sets the topic (topic_context), so the
    paraphrase cues count without a topic word and so do the bare answers (sg:contextPattern)."""
    lex = lexicon()

    def matches(table: Mapping[str, Any]) -> list[tuple[str, re.Match[str]]]:
        """The cues of one table that occur in the clause, in stance order."""
        out = []
        for code in _ORDER:
            c = table.get(code)
            m = c.search(clause, low, present) if c else None
            if m is not None:
                out.append((code, m))
        return out

    found = matches(lex.stances)
    weak = False
    if not found and (context or topical(clause)) and lex.weak:
        # paraphrases: cues that count only in a clause about negotiations
        found = matches(lex.weak)
        weak = bool(found)
    if not found and context and lex.context:
        # bare answers ("Not now.", "With whom?"): only where the context sets the topic
        found = matches(lex.context)
        weak = bool(found)
    for code, m in found:
        pre = clause[: m.start()]
        if cue_scope.hypothetical(pre, clause[m.end() : m.end() + 120]):
            continue  # "if they refuse", "would show who is blocking peace": a supposition
        negated = bool(_NEGATOR.search(pre)) and not _NOT_ONLY.search(pre)
        if code == "ready" and "precondition" in m.group().lower():
            negated = False
        if code in ("urges",):
            if negated:
                continue
            if _HAND_OVER.match(m.group()) and role(speaker) == "belligerent":
                continue  # "the ball is in their court", said by a side: rhetoric, no appeal to talk
            appeal = re.match(r"(?:urg|call|push|press|persuad|encourag|appeal|ask)", m.group(), re.I)
            party = frames.carried(pre, _subject_side(pre, speaker), carry)
            if party == "self" and not appeal and not _addressed(m.group(), speaker):
                return "ready", True, weak
            return "urges", True, weak
        if code == "refuses":
            cl = blame.cleft(pre, speaker)  # "it was not Russia that stopped the talks": theirs
            if negated and cl is None:
                continue
            side = cl[1] if cl else frames.carried(pre, _subject_side(pre, speaker), carry)
            if side == "unknown":  # "... show that it has rejected this path", "the Russian leader has no interest"
                side = frames.it_antecedent(pre, speaker) or cue_scope.descriptor_side(pre, speaker) or side
            if direct and side == "unknown" and frames.third_person(pre):
                side = "other"  # "He will agree to nothing," said of the enemy's leader
            side = frames.judge_side(m.group(), clause[m.end() : m.end() + 40], speaker, pre) or side
            return ("accuses" if side == "other" else "refuses"), True, weak
        if code == "ready":
            if frames.NEITHER.search(pre):
                continue  # "neither side appears ready for a compromise": an assessment of both
            side = frames.carried(pre, _subject_side(pre, speaker), carry)
            if negated:
                return ("accuses" if side == "other" else "refuses"), True, weak
            if cue_scope.awaited(pre):
                return "urges", True, weak  # "come back when he is ready for peace"
            if side == "other":
                if not _OBLIGATION.search(pre):
                    continue
                return "urges", True, weak  # "Kyiv should make clear it is open to talks"
            if offices(clause, m.end(), speaker):
                return "mediates", True, weak  # "Ankara stood ready to welcome the two sides"
            if role(speaker) == "third" and cue_scope.hoped_process(pre):
                return "mediates", True, weak  # a host's "hope that this meeting will open the way to a truce"
            return "ready", True, weak
        if code == "mediates":
            if negated or (speaker.curated and (speaker.side or speaker.key) in _PARTIES):
                continue  # a party to the war does not mediate (vocabulary: "as a third party")
            return "mediates", True, weak
        if negated and code != "accuses":
            continue
        return code, True, weak
    return None, False, weak


#: handing the next move to a party ("the ball is in Moscow's court")
_HAND_OVER = re.compile(r"ball\b", re.IGNORECASE)

#: readiness for others' talks: to help, to welcome/receive the sides, talks between the two
_FOR_OTHERS = re.compile(r"\b(?:help|assist|between|welcome|receive)\b", re.IGNORECASE)


def offices(clause: str, end: int, speaker: Actor) -> bool:
    """A third party's readiness whose object is the others' talks ("ready to host", "willing to
    help", "open to welcoming the two sides"): its offices, i.e. mediation, as the frames read it."""
    if role(speaker) != "third":
        return False
    tail = clause[end : end + 60]
    lex = lexicon()
    if _FOR_OTHERS.search(tail) or (lex.parties is not None and lex.parties.search(tail)):
        return True
    return any(lex.frame_name(c.lastgroup or "") == "mediate" for c in lex.frame_cues(tail))


_ADDRESSEE = re.compile(
    r"\b(?:they|them|both sides|the (?:two )?sides|the parties|all sides|the russians|the ukrainians)\b", re.IGNORECASE
)


def _addressed(cue: str, speaker: Actor) -> bool:
    """An appeal wording that names its addressee ("we hope they say yes", "we have to get Russia"):
    an appeal to that party whoever the subject is, not the speaker's own readiness."""
    return bool(_ADDRESSEE.search(cue)) or frames.side_of(cue, speaker) == "other"


def topical(clause: str) -> bool:
    """A clause about negotiations (the scheme's sg:topicPattern; a built-in list if none)."""
    topic = lexicon().topic
    return folding.search(topic or _NEGOTIATION, clause, clause.lower()) is not None
