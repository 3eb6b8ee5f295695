"""Sentence subjects outside reported speech, and noun phrases that point back.

Why apart from attribution: an author sentence ("Oksana, 34, a nurse, was queuing for
water") names no speech, but who it is about decides whom a following "she said" means
and which occasion an undated quote belongs to; and a subject such as "Its foreign
ministry" or "the same diplomat" must be read against what came before.
"""

from __future__ import annotations

import re
from datetime import date

from stancegraph.graph.extract.actors import Actor, ActorContext, gazetteer, interpret
from stancegraph.graph.extract.text import Sentence

# patterns of the hot paths, compiled once
_OPTIONAL_FRONTED = re.compile(r"(?:[^,]{0,100},\s+){0,2}")
_REFLEXIVE_END = re.compile(r"\s+(?:himself|herself|itself|themselves)$")

FRONTED = re.compile(
    r"^\s*(?:on|in|at|during|earlier|later|last|this|however|additionally|meanwhile|also|separately|speaking|"
    r"asked|yesterday|today|after|before|following|the\s+following|the\s+next|still|now|then|moreover|"
    r"furthermore|instead|but|and|yet|since|when|as|writing|responding|commenting|in\s+response|details|"
    r"addressing|according|similarly|likewise|nevertheless|nonetheless|by\s+contrast|for\s+his\s+part|"
    r"for\s+her\s+part|for\s+its\s+part|\d)\b",
    re.IGNORECASE,
)
PRONOUNS = {"he", "she", "they", "we", "i"}
_INTRO = re.compile(
    r"(?P<name>(?:[A-ZÀ-Þ][\w’'\-]+\s+){0,2}[A-ZÀ-Þ][\w’'\-]+),\s+(?:\d{1,3},\s+)?(?:an?\s|the\s|\d|who\s|[a-z])"
)
_ITS = re.compile(r"^(?:its|their)\s+(?:[a-z-]+\s+){0,3}[a-z-]+$", re.IGNORECASE)
_SAME = re.compile(r"^(?:the\s+)?same\s+(?:[a-z-]+\s+){0,2}?(?P<head>[a-z]+)$", re.IGNORECASE)
#: "the source said", "the diplomat added": a bare definite source points back to the last one
_DEFINITE_SOURCE = re.compile(r"^the\s+(?P<head>source|person|diplomat|official|insider|people)$", re.IGNORECASE)
_PARTITIVE = re.compile(
    r"^(?:one|two|three|four|some|several|many|most|all|none|another|both)\s+of\s+(?:the|those|them|these)\b", re.I
)


#: "the statement said ...", "the readout added ...": the institution that issued it, named before
_ISSUED = re.compile(
    r"^the\s+(?:(?:joint|written|official|brief)\s+)?(?:statement|readout|communiqu[eé]|declaration|press\s+release)$",
    re.IGNORECASE,
)

#: "Several pointed out that ...", "Others said ...": some of the group just named
_BARE_QUANTIFIER = re.compile(r"^(?:several|others|some|many|most|a\s+few)$", re.IGNORECASE)

#: a second mention by title ("the chancellor", "the Kremlin spokesman", "the kingdom")
_TITLE_NP = re.compile(
    r"^the\s+(?:[\w’'-]+\s+){0,2}?(?P<head>chancellor|president|premier|prime\s+minister|minister|spokes(?:man|woman|person)|"
    r"pontiff|pope|secretary-general|secretary|envoy|ambassador|negotiator|senator|congress(?:man|woman)|governor|"
    r"mayor|crown\s+prince|king|emir|sultan|kingdom|emirate)$",
    re.IGNORECASE,
)


def title_anaphor(np: str) -> str | None:
    """ "the chancellor said" -> "title:chancellor" (resolved to the nearest person holding the title)."""
    m = _TITLE_NP.match(np.strip())
    return "title:" + re.sub(r"\s+", " ", m.group("head").lower()) if m else None


_APPOSITIVE = re.compile(
    r"(?P<np>(?:[\w’'.\-]+\s+){0,5}?[A-Z][\w’'.\-]+|[A-Z][\w’'.\-]*[’']s\s+(?:[a-z-]+\s+){0,2}[a-z-]+),\s+"
    r"(?P<desc>[^,“”\"]{3,120}),\s+(?:has\s+|had\s+|also\s+|never\s+|later\s+|then\s+|now\s+|once\s+|still\s+)?"
    r"(?:[a-z]+(?:ed|s)|went|sent|made|took|gave|held|met|came|left|kept|saw|spoke|put|set|got|stood|began|chose|"
    r"flew|ran|won|lost|sat|told)\b"
)
#: "a soldier who gave his name only as Serhiy", "a nurse identified only by her first name, Olha": the
#: vox-pop convention for a speaker who withholds the surname
_FIRST_NAME_ONLY = re.compile(
    r"\b(?:gave|giving|gives|give)\s+(?:his|her|their|only\s+(?:his|her|their))\s+(?:first\s+)?name\s+(?:only\s+)?as|"
    r"\b(?:identified|identifying\s+(?:himself|herself)|known|named)\s+only\s+(?:as|by\s+(?:his|her|their)\s+first\s+"
    r"name,?)|\bwho\s+(?:asked|wished|preferred)\s+to\s+be\s+(?:identified|named)\s+only\s+(?:as|by\s+(?:his|her)\s+"
    r"first\s+name,?)"
)
_GIVEN_NAME = re.compile(r"\s+(?P<name>[A-ZÀ-Þ][\w’'\-]+)\b")
#: "First in line was Viktor Orban.", "Next came Robert Fico.": a person introduced by an inverted copula
_INVERTED = re.compile(
    r"(?:First|Next|Then|Last|Second|Third|Also)(?:\s+in\s+line|\s+up)?\s+(?:was|came|is|comes)\s+"
    r"(?P<name>(?:[A-ZÀ-Þ][\w’'\-]+\s+){0,2}[A-ZÀ-Þ][\w’'\-]+)\s*[.,;]"
)


#: "Zelensky's tone", "Putin's position": a possessor whose stance the sentence describes
_TOPIC_OF = re.compile(
    r"^(?P<np>(?:[A-ZÀ-Þ][\w’'.-]*\s+){0,3}[A-ZÀ-Þ][\w.-]*)[’']s?\s+(?:own\s+)?(?:tone|position|stance|rhetoric|"
    r"message|view|views|attitude|mood|approach|line|comments|remarks|words|thinking|calculus)$"
)


#: "two officials said", "the officials who spoke to the paper": a bare count of sources, no affiliation
BARE_SOURCES = re.compile(
    r"^(?:the|two|three|four|several|both)\s+(?P<head>officials|diplomats|sources)(?:\s+who\s+[^,]{0,60})?$",
    re.IGNORECASE,
)


def named_sources(before: str, head: str, ctx: ActorContext) -> Actor | None:
    """The group of sources the sentence named before ("Senior U.S. officials have told X that ...,
    two officials said"): the bare count repeats it, the affiliation stays."""
    found = list(re.finditer(rf"(?:[A-Z][\w.’'-]*\s+){{1,3}}{head}\b", before))
    for m in reversed(found):
        actor = interpret(m.group(), ctx)
        if actor is not None and actor.kind == "anonymous" and actor.side is not None:
            return actor
    return None


def anaphor(np: str) -> str | None:
    """An NP that points back: "Its foreign ministry" (the organisation just named), "the same
    diplomat" (the anonymous source just quoted), "one of the people" (the group just named)."""
    np = np.strip()
    if _ITS.match(np):
        return "its"
    m = _SAME.match(np) or _DEFINITE_SOURCE.match(np)
    if m:
        return "same:" + m.group("head").lower()
    if _PARTITIVE.match(np) or _BARE_QUANTIFIER.match(np):
        return "they"
    if _ISSUED.match(np):
        return "its"
    return None


def sentence_subject(text: str, sent: Sentence, ctx: ActorContext) -> tuple[Actor | None, str | None, int]:
    """The sentence-initial subject of an author sentence (for pronouns and occasions).

    Returns (actor, pronoun, end of the subject) -- e.g. "The dictator revisited ..." -> Putin.
    """
    s = sent.start
    fr = _OPTIONAL_FRONTED.match(text[s : sent.end])
    if fr and fr.group() and not FRONTED.match(fr.group()):
        fr = None
    pos = s + (fr.end() if fr else 0)
    intro = _INTRO.match(text, pos, sent.end)
    comma = text.find(", ", s, min(sent.end, s + 40))
    if intro is None and comma > 0:  # "A few metres away, Mykola, 61, ..."
        intro = _INTRO.match(text, comma + 2, sent.end)
    if intro:  # "Oksana Petrenko, 45, a teacher, was buying bread": a person introduced (vox pops)
        actor = interpret(intro.group("name"), ctx)
        if actor is not None and actor.kind == "person":
            return actor, None, intro.end("name")
    only = _FIRST_NAME_ONLY.search(text, s, sent.end)
    given = _GIVEN_NAME.match(text, only.end(), sent.end) if only else None
    if given:
        actor = interpret(given.group("name"), ctx)
        if actor is not None and actor.kind == "person":
            return actor, None, given.end("name")
    inverted = _INVERTED.match(text, pos, sent.end)
    if inverted:
        actor = interpret(inverted.group("name"), ctx)
        if actor is not None and actor.kind == "person":
            return actor, None, inverted.end("name")
    appos = _APPOSITIVE.match(text, pos, sent.end)
    if appos:  # "Former president X, now deputy head of Y, went further": the person before the appositive
        actor = interpret(appos.group("np"), ctx, appos.group("desc"))
        if actor is not None and actor.kind == "person":
            return actor, None, appos.end("np")
    m = re.match(
        r"((?:[A-Za-z’'.\-]+\s+){0,5}?[A-Za-z’'.\-]+)\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:[a-z]+(?:ed|s)|went|sent|"
        r"made|took|gave|held|met|came|left|kept|saw|spoke|put|set|got|stood|began|chose)\b",
        text[pos : sent.end],
    )
    if not m:
        return None, None, pos
    np = _REFLEXIVE_END.sub("", m.group(1))
    topic = _TOPIC_OF.match(np)
    if topic:  # "Zelensky's tone has shifted": the person whose stance is described
        np = topic.group("np")
    if np.lower() in PRONOUNS:
        return None, np.lower(), pos + m.end(1)
    actor = interpret(np, ctx)
    if actor is None and title_anaphor(np):
        return None, title_anaphor(np), pos + m.end(1)
    if actor is not None and actor.kind in ("group", "anonymous") and not re.search(r"(?:ed|s)$", m.group()):
        return None, None, pos  # "Reporters went to Kyiv": a common noun before an irregular verb is no speaker
    return actor, None, pos + m.end(1)


def titled(
    head: str, pos: int, mentions: list[tuple[int, str, str]], people: list[tuple[int, Actor]], when: date | None
) -> Actor | None:
    """The nearest person before ``pos`` that a title fits ("the chancellor"), from the gazetteer
    mentions (position, kind, id) and the persons named so far; for "the kingdom", the nearest
    third state."""
    g = gazetteer()
    cands: list[tuple[int, Actor]] = [(p, a) for p, a in people if p < pos]
    cands += [(p, g.actor(eid, when)) for p, kind, eid in mentions if p < pos and kind in ("person", "state")]
    for _p, a in sorted(cands, key=lambda x: x[0], reverse=True):
        if head in ("kingdom", "emirate"):
            if a.kind == "state" and a.key not in ("russia", "ukraine"):
                return a
            continue
        titles = [a.role or "", a.description or ""]
        if a.key in g.entries:
            titles += g.entries[a.key].descriptions
        if a.kind == "person" and re.search(rf"\b{head}", " ".join(titles), re.IGNORECASE):
            return a
    return None
