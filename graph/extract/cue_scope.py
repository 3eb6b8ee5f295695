"""What around a cue decides whether it is a position taken at all, and what kind.

Why apart from the frames: the same cue ("refuse", "ready", "agreed") is a supposition in an
if-clause, a claim the speaker disputes in "the suggestion that ...", a demand in the complement
of "demanded that ...", a readiness awaited from another in "when he is ready", or the speaker's
own party to the talks in "agreed to have our respective teams negotiate". Whose act it is can
hang on the construction too: a verdict predicated of a thing ("their formula is an ultimatum")
is the speaker's judgement, not the act of the thing's owner; a subject named by a descriptor
("the Russian leader") has a side as a name does. These are constructions of English reported
speech, not wordings of the lexicon; ``frames`` and ``cues`` ask them before they read a cue's
stance.
"""

from __future__ import annotations

import re

from stancegraph.graph.extract.actors import Actor, gazetteer
from stancegraph.graph.extract.perspective import PREP_BEFORE, own_bloc

#: a cue inside the if-clause of a hypothetical ("more aid if Moscow refused to come to the table",
#: "if they say no"): a supposition, nobody's position
_PROTASIS = re.compile(r"\b(?:if|unless|in\s+case|whether)\b[^,;:]*$", re.IGNORECASE)
#: a cue inside an indirect question ("a refusal would show who is standing in the way of peace"):
#: who obstructs is left open, so nobody is accused
_OPEN_QUESTION = re.compile(
    r"\b(?:clear|show|shows|showed|reveal|reveals|revealed|see|know|tell|ask|asks|asked)\b[^.;]{0,30}?"
    r"\bwho\s+(?:[\w’'-]+\s+){0,2}$",
    re.IGNORECASE,
)


#: a cue inside the content of a claim noun ("the suggestion that the West was not interested in
#: peace was misguided", "rejected claims that Kyiv had refused"): somebody's claim, quoted to be
#: disputed, not the speaker's position (not "the fact that", which asserts it)
_CLAIM_CONTENT = re.compile(
    r"\b(?:suggestions?|claims?|allegations?|accusations?|assertions?|insinuations?|notion|narrative|myth|"
    r"rumou?rs?|charges?|speculation|illusion|impression|appearance|semblance)\s+(?:by\s+[^,;:]{1,40}\s+)?that\b[^.;:!?]*$",
    re.IGNORECASE,
)


#: the complement of the speaker's demand: "demanded that Kyiv withdraw and abandon ...", "insists
#: that Russia stop ..." -- the verbs in it name what the speaker wants done, not what a side did
DEMANDED = re.compile(
    r"\b(?:demand|demands|demanded|demanding|insist|insists|insisted|insisting)\s+that\b[^.;:!?]*$", re.IGNORECASE
)


#: the speaker's own negotiators after an agreement or readiness: "our respective teams", "my envoys"
_OWN_TEAM = re.compile(
    r"\b(?:our|my|their)\s+(?:respective\s+|own\s+)?(?:teams?|delegations?|negotiators?|representatives|envoys?)\b",
    re.IGNORECASE,
)
#: a readiness the speaker waits for: "when he is ready for peace", "once they are willing to talk"
_AWAITED = re.compile(
    r"\b(?:when|once|as\s+soon\s+as|whenever|until)\s+(?:he|she|they|the\s+[\w’'-]+|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
    r"\s+(?:is|are|gets?|becomes?|feels?|seems?)\s+(?:really\s+|truly\s+|finally\s+|actually\s+)?$"
)


def teams(clause: str, end: int, side: str) -> bool:
    """After an agreement or readiness, the negotiators of the speaker's side ("our respective teams"),
    or of both parties the speaker is one of ("the two leaders agreed to have their teams ...")."""
    m = _OWN_TEAM.search(clause, end)
    if m is None:
        return False
    if side == "unknown" and _TWO.search(clause, 0, end):
        side = "both"  # "the two had agreed ..."
    return side == "self" or (side == "both" and not m.group().lower().startswith("my"))


_TWO = re.compile(r"\b(?:the\s+two|both)\b", re.IGNORECASE)


def awaited(pre: str) -> bool:
    """The readiness before which ``pre`` ends is one the speaker waits for from a third person ("can
    come back when he is ready for peace"): an appeal to that party, not the speaker's own offer."""
    return _AWAITED.search(pre) is not None


#: a supposition the speaker says has come true before: "if they reject it, as they have done before"
_AS_BEFORE = re.compile(
    r"^[^,;.!?]{0,40},\s+as\s+(?:they|it|he|she|you)\s+(?:have|has|had|did|always\s+(?:do|did|have))\s+"
    r"(?:done\s+|so\s+)?(?:before|previously|in\s+the\s+past|so\s+often|many\s+times|more\s+than\s+once|already|"
    r"repeatedly|every\s+time)\b",
    re.IGNORECASE,
)


def hypothetical(pre: str, after: str = "") -> bool:
    """The text before a cue makes it a supposition, an open question or a claim put in dispute,
    not a position taken -- unless the text after it says the supposed act has happened before
    ("if Kyiv rejects it, as it has done before": an accusation of a past refusal)."""
    if _PROTASIS.search(pre):
        return _AS_BEFORE.match(after) is None
    return bool(_OPEN_QUESTION.search(pre) or _CLAIM_CONTENT.search(pre))


#: a hope whose subject is a step of the process, not a party: "our hope is that this meeting will",
#: "in the hope that small humanitarian steps can"
_HOPED_PROCESS = re.compile(
    r"\b(?:hope|hopes|hoped|hoping|wish|trust|expectation)\b(?:\s+is)?\s+that\s+(?!(?:we|i|our|my|they|he|she)\b)"
    r"(?:[\w’'-]+\s+){1,4}$",
    re.IGNORECASE,
)


def hoped_process(pre: str) -> bool:
    """``pre`` ends in a hope that a step of the process (a meeting, gestures, these talks) will open
    the way: said by a third party, the language of its offices, not its own readiness to negotiate."""
    return _HOPED_PROCESS.search(pre) is not None


#: a verdict on a proposal: "an ultimatum", "unacceptable", "a non-starter", "pointless"
_VERDICT = re.compile(
    r"(?:unacceptable|non-starters?|out\s+of\s+the\s+question|ultimatums?|diktats?|dictates?|pointless|meaningless|"
    r"worthless|useless|senseless|unrealistic|a\s+dead\s+end|off\s+the\s+table|"
    r"(?:respite|breather|pause|time-?out|break)\s+for)$",
    re.IGNORECASE,
)
#: the copula that predicates it of a subject: "Putin's words were \"ultimatum", "this is nothing but an"
_COPULA_END = re.compile(
    r"(?P<np>(?:[\w’'-]+\s+){1,3}?)(?:is|are|was|were|be|been|remains?|remained|amounts?\s+to)\s+[\"“‘']?\s*"
    r"(?:(?:an?|the|same|such|another|yet|more|new|pure|simply|just|merely|only|clearly|completely|absolutely|totally|"
    r"nothing\s+but)\s+[\"“‘']?)*(?:[a-z]+\s+)?$",
    re.IGNORECASE,
)
#: the verdict as the complement of a verb of judging: "described the plan as an ultimatum"
_DESCRIBED_AS = re.compile(
    r"\b(?:describ|call|consider|view|regard|dismiss|brand|label|characteri[sz]|denounc|reject)[a-z]*\s+"
    r"[^,;:.!?]{1,80}?\s+as\s+(?:[^,;:.!?]{1,40}?\s+and\s+)?[\"“‘']?"
    r"(?:(?:an?|the|same|such|yet\s+another|another|pure|simply|nothing\s+but)\s+)*"
    r"[\"“‘']?(?:[a-z]+\s+)?$",
    re.IGNORECASE,
)
_PERSONAL = re.compile(r"^(?:he|she|they|we|i|you)$", re.IGNORECASE)


def verdict(text: str, speaker: Actor) -> str | None:
    """'self' when ``text`` ends in a verdict on a thing ("Zelensky's formula was an ultimatum",
    "these terms are unacceptable"): the subject is what is judged, not who acts, and the judge is
    the speaker -- a rejection, not an accusation of the party the thing belongs to. None when the
    subject is an actor itself ("they are unrealistic") or no copula predicates the verdict."""
    v = _VERDICT.search(text.rstrip(" \"“”‘’'"))
    if v is None:
        return None
    if _DESCRIBED_AS.search(text, 0, v.start()):
        return "self"  # "described Zelensky's formula as an ultimatum": the describer's verdict
    c = _COPULA_END.search(text, 0, v.start())
    if c is None:
        return None
    np = c.group("np").strip(" \"“”‘’'")
    if not np or _PERSONAL.match(np.split()[-1]):
        return None
    if any(e >= len(np) for _s, e, _id in gazetteer().find(np)):
        return None  # "Moscow is unrealistic": the actor itself
    return "self"


#: a side named by a descriptor, not a name: "the Russian leader", "the Ukrainian side", "the Kremlin chief"
_DESCRIPTOR = re.compile(
    r"\b(?P<adj>russian|ukrainian|kremlin|russia[’']s|ukraine[’']s)\s+(?:leader|president|leadership|side|government|"
    r"delegation|authorities|regime|dictator|negotiators?|chief)\b",
    re.IGNORECASE,
)


def descriptor_side(pre: str, speaker: Actor) -> str | None:
    """The side of the last party ``pre`` names by a descriptor ("the Russian leader had once more
    shown he had no interest in talks") and not inside a prepositional phrase: 'self' or 'other'."""
    found = [m for m in _DESCRIPTOR.finditer(pre) if not PREP_BEFORE.search(pre[: m.start()].removesuffix("the "))]
    if not found:
        return None
    adj = found[-1].group("adj").lower()
    theirs = "ukraine" if adj.startswith("ukrain") else "russia"
    return "self" if own_bloc(speaker) == theirs else "other"
