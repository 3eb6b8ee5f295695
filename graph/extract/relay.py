"""Relayed reports: a source who tells what another party demanded keeps that party the speaker.

Why apart from attribution: whether a verb inside reported speech opens a second-hand
report ("a source said the Russian side had demanded that ...") is a decision about the
reported clause's own subject and tense, separate from finding who says a sentence.
"""

from __future__ import annotations

import re

from stancegraph.graph.extract.actors import Actor, ActorContext, interpret
from stancegraph.graph.extract.subjects import PRONOUNS, anaphor

#: a second-hand report keeps the original speaker: "a source said the Russian side had demanded that ..."
_RELAY_VERB = re.compile(r"^(?:demanded|insisted|proposed)$")
_RELAY_HAD = re.compile(r"^(?:told|said|assured|promised|demanded|insisted|proposed|offered|warned)$")
_RELAY_BETWEEN = re.compile(r"^\s*(?:(?:[^,.;:“”\"]{0,40}?\s)?that\s+)?$")

#: "the Russian side had demanded ...", relayed from the talks: the side's delegation at the table
SIDE = re.compile(r"^(?:the\s+)?(?P<adj>Russian|Ukrainian)\s+side$", re.IGNORECASE)


def relayed(text: str, between: str, ns: int, ne: int, vs: int, verb: str) -> bool:
    """Whether the reported clause is itself a report of what another party said (rules:relayed)."""
    aux = text[ne:vs]
    pluperfect = re.fullmatch(r"\s+had\s+", aux) is not None
    if not (_RELAY_VERB.match(verb) or (pluperfect and _RELAY_HAD.match(verb))):
        return False
    if re.fullmatch(r"\s*", aux) is None and not pluperfect:
        return False
    np = text[ns:ne].strip()
    return np.lower() not in PRONOUNS and anaphor(np) is None and _RELAY_BETWEEN.match(between) is not None


def relays(verb: str, np: str, aux: str, desc: str | None, ctx: ActorContext) -> bool:
    """A demand reported through a source ("According to a source, the Russian side demanded that
    ..."): the party that demanded is the speaker, the source only the channel (rules:relayed)."""
    if not _RELAY_VERB.match(verb) or re.fullmatch(r"\s*(?:had\s+)?", aux) is None:
        return False
    return np.strip().lower() not in PRONOUNS and anaphor(np) is None and interpret(np, ctx, desc) is not None


#: a person whose office is to speak for another ("the government spokesperson", "press secretary")
_MOUTHPIECE = re.compile(r"spokes(?:man|woman|person)|press\s+secretary", re.IGNORECASE)


def voiced(channel: Actor | None, person: Actor | None) -> bool:
    """ "X said ..., the Kremlin said": a person named as the subject of the clause's own speech
    verb is the speaker; the office, state or officials after it only report what the person said
    (rules:source-channel). So does a spokesperson: "Scholz called on Putin to ..., his spokesman
    said" is the chancellor's statement, relayed."""
    if channel is None or person is None or person.kind != "person" or channel.key == person.key:
        return False
    return channel.kind != "person" or mouthpiece(channel)


def mouthpiece(actor: Actor | None) -> bool:
    """A person whose office is to speak for another (a spokesperson, a press secretary)."""
    return actor is not None and any(_MOUTHPIECE.search(t or "") for t in (actor.role, actor.description))
