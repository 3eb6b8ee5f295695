"""Sentence subjects outside reported speech, and noun phrases that point back.

Why apart from attribution: an author sentence ("Oksana, 34, a nurse, was queuing for
water") names no speech, but who it is about decides whom a following "she said" means
and which occasion an undated quote belongs to; and a subject such as "Its foreign
ministry" or "the same diplomat" must be read against what came before.
"""

from __future__ import annotations

import re
from datetime import date

from stancegraph.graph.extract.actors import NATIONALITY, Actor, ActorContext, gazetteer, interpret, nationality
from stancegraph.graph.extract.text import Sentence

# patterns of the hot paths, compiled once
_OPTIONAL_FRONTED = re.compile(r"(?:[^,]{0,100},\s+){0,2}")
_REFLEXIVE_END = re.compile(r"\s+(?:himself|herself|itself|themselves)$")

FRONTED = re.compile(
    r"^\s*(?:on|in|at|during|earlier|later|last|this|however|additionally|meanwhile|also|separately|speaking|"
    r"asked|pressed|questioned|quizzed|posting|appearing|talking|testifying|yesterday|today|after|before|following|the\s+following|the\s+next|still|now|then|moreover|"
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


#: the head nouns of a definite description that refers back to a person ("elegant variation": "the
#: veteran diplomat", "the former comedian", "the 72-year-old"), each with the roles it fits -- a
#: role class checked against what is known of the person; None: anyone named (a biographical noun)
_CLERGY = r"cardinal|cleric|prelate|bishop|priest|patriarch|pope|pontiff|church|vatican|holy\s+see|papal|metropolitan"
_ROLE_CLASSES: dict[str, str | None] = {
    "diplomat": r"foreign|diplomat|envoy|ambassador|negotiat|emissary|secretary\s+of\s+state",
    "envoy": r"envoy|ambassador|negotiat|emissary|diplomat|representative|adviser|advisor|foreign",
    "emissary": r"envoy|ambassador|negotiat|emissary|diplomat|representative|adviser|advisor",
    "negotiator": r"negotiat|envoy|delegation|head|adviser|advisor|foreign|minister",
    "ambassador": r"ambassador|envoy|representative",
    "leader": r"president|prime\s+minister|premier|chancellor|leader|king|head\s+of\s+(?:state|government)|ruler|"
    r"dictator|chief|emir|crown\s+prince|pope|pontiff|chairman|secretary-general",
    "ruler": r"president|leader|king|ruler|dictator|autocrat|emir",
    "strongman": r"president|leader|ruler|dictator|autocrat",
    "autocrat": r"president|leader|ruler|dictator|autocrat",
    "dictator": r"president|leader|ruler|dictator|autocrat",
    "despot": r"president|leader|ruler|dictator|autocrat",
    "politician": r".",
    "official": r"minister|spokes|adviser|advisor|aide|head|chief|secretary|envoy|ambassador|deputy|official|"
    r"director|negotiat|representative|commissioner|governor|mayor",
    "aide": r"aide|adviser|advisor|head\s+of\s+the\s+president|chief\s+of\s+staff|secretary|spokes",
    "adviser": r"aide|adviser|advisor|head\s+of\s+the\s+president|chief\s+of\s+staff|secretary",
    "advisor": r"aide|adviser|advisor|head\s+of\s+the\s+president|chief\s+of\s+staff|secretary",
    "lawmaker": r"lawmaker|legislator|\bmp\b|member\s+of\s+parliament|deputy|senator|congress|parliament|rada|duma",
    "legislator": r"lawmaker|legislator|\bmp\b|member\s+of\s+parliament|deputy|senator|congress|parliament|rada|duma",
    "mp": r"lawmaker|legislator|\bmp\b|member\s+of\s+parliament|deputy|parliament|rada|duma",
    "parliamentarian": r"lawmaker|legislator|\bmp\b|member\s+of\s+parliament|deputy|parliament|rada|duma",
    "commander": r"commander|general|chief\s+of\s+(?:the\s+)?(?:general\s+)?staff|military|army|armed\s+forces|officer",
    "general": r"commander|general|chief\s+of\s+(?:the\s+)?(?:general\s+)?staff|military|army|armed\s+forces",
    "spokesman": r"spokes|press\s+secretary",
    "spokeswoman": r"spokes|press\s+secretary",
    "spokesperson": r"spokes|press\s+secretary",
    "cardinal": _CLERGY, "cleric": _CLERGY, "prelate": _CLERGY, "archbishop": _CLERGY, "bishop": _CLERGY,
    "priest": _CLERGY, "patriarch": _CLERGY,
    "billionaire": None, "tycoon": None, "oligarch": None, "entrepreneur": None, "republican": None,
    "democrat": None, "comedian": None, "actor": None, "veteran": None, "man": None, "woman": None,
}  # fmt: skip
#: ordinary occupations of people in vox pops: never a curated public figure
_VOX = (
    r"nurse|teacher|pensioner|retiree|farmer|soldier|volunteer|engineer|student|doctor|driver|mother|father|"
    r"grandmother|grandfather|widow|shopkeeper|miner|worker|resident|refugee|medic|infantryman|serviceman|"
    r"servicewoman|paratrooper|sniper|fighter|conscript|mobilised\s+man|mobilized\s+man"
)
#: a nationality noun as a back-reference ("Kallas visited Kyiv. The Estonian said ..."): the person
#: named before whose roles, present or past, belong to that country
_DEMONYMS: dict[str, str] = {
    "estonian": r"estonia", "latvian": r"latvia", "lithuanian": r"lithuania", "finn": r"finland|finnish",
    "pole": r"poland|polish", "briton": r"britain|british|united\s+kingdom|\buk\b", "frenchman": r"france|french",
    "frenchwoman": r"france|french", "german": r"germany|german", "hungarian": r"hungary|hungarian",
    "american": r"united\s+states|american|\bu\.?s\.?\b", "turk": r"turkey|t[üu]rkiye|turkish",
    "dane": r"denmark|danish",
    "swede": r"sweden|swedish", "norwegian": r"norway|norwegian", "dutchman": r"netherlands|dutch",
    "italian": r"italy|italian", "slovak": r"slovakia|slovak", "czech": r"czech", "romanian": r"romania",
    "belarusian": r"belarus", "ukrainian": r"ukrain", "russian": r"russia|kremlin", "spaniard": r"spain|spanish",
    "brazilian": r"brazil", "indian": r"india", "saudi": r"saudi",
}  # fmt: skip
_DESCRIBED = re.compile(
    r"^(?:\d{1,2}[:.]\d{2}\s+(?:[ap]\.?m\.?\s+)?)?the\s+(?P<mods>(?:[\w’'.-]+\s+){0,3}?)(?:(?P<age>\d{1,3}-year-old)(?:\s+(?P<vox>"
    + _VOX
    + r"))?|"
    r"(?P<head>" + "|".join([*_ROLE_CLASSES, *_DEMONYMS]) + r")|(?P<vox2>" + _VOX + r"))$",
    re.IGNORECASE,
)


#: "the head of the Russian Foreign Ministry", "the chief of Ukraine's defence ministry", "the head of Russian
#: diplomacy": translated wire copy names a minister by the ministry they run
_MINISTRY_HEAD = re.compile(
    r"^the\s+(?:head|chief)\s+of\s+(?:the\s+)?(?P<mods>(?:[\w’'.-]+\s+){0,2}?)(?:(?P<foreign>foreign\s+(?:ministry|office|"
    r"affairs\s+ministry)|ministry\s+of\s+foreign\s+affairs|diplomacy|state\s+department)|(?P<defence>defen[cs]e\s+ministry|"
    r"ministry\s+of\s+defen[cs]e|pentagon))$",
    re.IGNORECASE,
)
_MINISTER_OF = {
    "foreign": r"foreign\s+(?:affairs|minister|secretary)|secretary\s+of\s+state|top\s+diplomat",
    "defence": r"defen[cs]e\s+minister|minister\s+of\s+defen[cs]e|secretary\s+of\s+defen[cs]e|defen[cs]e\s+secretary",
}


def described_person(np: str) -> str | None:
    """ "the veteran diplomat" -> "title:~diplomat": a definite description with a person noun at its
    head, resolved (``titled``) to the person it varies on -- the most recent one named whom it fits.

    Pure in the phrase: the side it names rides along ("the Russian diplomat" -> "~diplomat@russia").
    """
    np = re.sub(r"\s+", " ", np.strip())
    ministry = _MINISTRY_HEAD.match(np)
    if ministry:
        side = nationality(ministry.group("mods") or "")
        head = "~minister-of-" + ("foreign" if ministry.group("foreign") else "defence")
        return f"title:{head}@{side}" if side else f"title:{head}"
    m = _DESCRIBED.match(np)
    if m is None:
        return None
    mods = m.group("mods") or ""
    if re.search(
        r"\b(?:other|another|same|new|next|first|second|two|three|few|former\s+(?:president|leader))\b", mods, re.I
    ):
        return None  # "the other official", "the same diplomat" (anaphor()), "the new envoy": someone else
    if m.group("vox") or m.group("vox2"):
        head = "~vox"
    elif m.group("age") or re.search(r"\b(?:former|retired|ex-?|onetime|one-time)\b", mods, re.I):
        head = "~anyone"  # "the retired general", "the former economy minister": a past the roles may not record
    else:
        head = "~" + m.group("head").lower()
    side = nationality(mods)
    return f"title:{head}@{side}" if side else f"title:{head}"


#: one office, several titles: "the premier" is the prime minister, "the pontiff" the pope
_TITLE_SYNONYMS = {
    "premier": r"premier|prime\s+minister|head\s+of\s+government",
    "prime minister": r"prime\s+minister|premier",
    "pontiff": r"pontiff|pope",
    "pope": r"pope|pontiff",
}


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
        r"made|took|gave|held|met|came|left|kept|saw|spoke|put|set|got|stood|began|chose|had)\b",
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
    minted_before = set(ctx.minted)
    actor = interpret(np, ctx)
    if (actor is None or (actor.kind == "anonymous" and actor.key not in minted_before)) and (
        described := described_person(np)
    ):
        return None, described, pos + m.end(1)  # "The veteran diplomat flew on to Ankara": the person named before
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
    if head.startswith("~"):
        return _described(head[1:], pos, mentions, people, when)
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
        if a.kind == "person" and re.search(rf"\b(?:{_TITLE_SYNONYMS.get(head, head)})", " ".join(titles), re.I):
            return a
    return None


#: how far back a description looks for the person it varies on (a few paragraphs)
_DESCRIBED_REACH = 1500


def _titles(a: Actor) -> list[str]:
    g = gazetteer()
    titles = [a.role or "", a.description or ""]
    if a.key in g.entries:
        titles += g.entries[a.key].descriptions
    return [t.strip() for t in titles if t.strip()]


#: the nationality nouns whose side a person's gazetteer side shows directly ("the Ukrainian" ->
#: ukraine), read from the one adjective table; other nouns are checked against the person's roles
_NATION_SIDE = {noun: NATIONALITY[noun] for noun in ("ukrainian", "russian", "belarusian", "american")}


def _career(a: Actor) -> str:
    """All a person's roles, past ones included ("the Estonian" is Kallas, once Estonia's prime minister)."""
    g = gazetteer()
    past = [role for role, _f, _t in g.entries[a.key].roles] if a.key in g.entries else []
    return " ".join([*_titles(a), *past, a.affiliation or ""])


def _roles(a: Actor) -> str:
    return " ".join(_titles(a))


def _described(
    spec: str, pos: int, mentions: list[tuple[int, str, str]], people: list[tuple[int, Actor]], when: date | None
) -> Actor | None:
    """The person a description varies on: the most recent one named within a few paragraphs whose
    side matches the side the description names and whose known roles fit its role class; a
    biographical noun ("the former comedian", "the 72-year-old") fits anyone, an ordinary occupation
    ("the 45-year-old nurse") only someone the gazetteer does not know (a vox-pop speaker)."""
    g = gazetteer()
    head, _, side = spec.partition("@")
    cands: list[tuple[int, int, Actor]] = [(p, 1, a) for p, a in people if pos - _DESCRIBED_REACH <= p < pos]
    cands += [
        (p, 0, g.actor(eid, when))
        for p, kind, eid in mentions
        if pos - _DESCRIBED_REACH <= p < pos and kind == "person"
    ]
    # the subjects and speakers first (a sentence's subject is the likeliest antecedent: "Trump spoke
    # with Putin. The Republican said ..."), then any person named
    for _p, _r, a in sorted(cands, key=lambda x: (x[1], x[0]), reverse=True):
        if a.kind != "person":
            continue
        if side and a.side is not None and a.side != side:
            continue
        if head == "vox":
            if a.curated:
                continue
            return a
        if head in _DEMONYMS:
            if a.side == _NATION_SIDE.get(head) or re.search(_DEMONYMS[head], _career(a), re.IGNORECASE):
                return a
            continue
        fits = _MINISTER_OF.get(head.removeprefix("minister-of-"), _ROLE_CLASSES.get(head))
        if fits is None:
            return a
        known = _roles(a)
        if not known.strip() and not a.curated:
            return a  # nothing known of the person to check the description against
        if head in _BELOW_LEADER and any(_LEADER_TITLE.search(t) for t in _titles(a)):
            continue  # "the official", "the aide": never the head of state or government
        if re.search(fits, known, re.IGNORECASE):
            return a
    return None


#: heads that name someone below the top of a state: an official, aide or spokesman
_BELOW_LEADER = frozenset({"official", "aide", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson"})
_LEADER_TITLE = re.compile(
    r"^(?:the\s+)?(?:[\w’'-]+\s+){0,2}(?:president|leader|prime\s+minister|premier|chancellor|head\s+of\s+state|king|"
    r"dictator|autocrat|ruler)$|^(?:president|prime\s+minister|premier|chancellor|head\s+of\s+state)\s+of\b",
    re.IGNORECASE,
)
