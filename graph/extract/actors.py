"""Actors: a noun phrase read as a speaker (gazetteer.py entries, metonyms, sources), or minted.

Why a gazetteer: the same person is spelt Zelensky/Zelenskyy/Zelenskiy across outlets and
is called "the Ukrainian president" or "the head of state" in running text; one curated
entry per actor gives every article the same IRI and a Wikidata id only where curated
(never guessed). Descriptions ("the Kremlin leader") resolve through the entries' role
periods, so "Ukraine's foreign minister" is Kuleba in 2023 and Sybiha in 2025. People
not in the gazetteer are minted from their name, kind and side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from stancegraph.graph.extract.gazetteer import Actor as Actor
from stancegraph.graph.extract.gazetteer import Entry as Entry
from stancegraph.graph.extract.gazetteer import Gazetteer as Gazetteer
from stancegraph.graph.extract.gazetteer import fold as fold
from stancegraph.graph.extract.gazetteer import gazetteer as gazetteer
from stancegraph.graph.extract.gazetteer import token_key as token_key

# the gazetteer types are re-exported: the extractor modules import them from here
from stancegraph.graph.extract.memo import cached
from stancegraph.graph.extract.surnames import gazetteer_namesake, minted_full_name
from stancegraph.graph.namespaces import minted_actor_iri

# patterns of the hot paths, compiled once
_WORD_TOKEN = re.compile(r"[\w.’']+")
_MEDIA_HEAD = re.compile(r"\b(?:media|newspaper|report|reports|outlet|agency|channel|website)\b")
_COORDINATOR = re.compile(r"\s(?:and|or|&)\s")
_PREPOSITION_TAIL = re.compile(r"\b(?:to|of|for|with|from|by|about|at|on|in)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}$")
_IN_AT_END = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")

# --- interpreting a noun phrase as an actor --------------------------------------------

NATIONALITY = {
    "us": "united-states", "u.s.": "united-states", "american": "united-states", "washington": "united-states",
    "white house": "united-states", "russian": "russia", "kremlin": "russia", "moscow": "russia",
    "ukrainian": "ukraine", "kyiv": "ukraine", "kiev": "ukraine", "bankova": "ukraine", "ukraine's": "ukraine",
    "government": None, "western": "west", "european": "european-union", "eu": "european-union",
    "nato": "nato", "chinese": "china", "turkish": "turkey", "british": "united-kingdom", "german": "germany",
    "french": "france", "russia's": "russia", "kremlin's": "russia",
    "saudi": "saudi-arabia", "riyadh": "saudi-arabia", "brazilian": "brazil", "indian": "india",
    "hungarian": "hungary", "belarusian": "belarus", "polish": "poland", "qatari": "qatar", "israeli": "israel",
    "italian": "italy", "japanese": "japan", "vatican": "vatican", "swiss": "switzerland",
    "emirati": "united-arab-emirates",
    "beijing": "china", "ankara": "turkey", "china's": "china", "turkey's": "turkey", "türkiye's": "turkey",
}  # fmt: skip
_MULTI_NATIONALITY = {"south african": "south-africa", "holy see": "vatican", "saudi arabian": "saudi-arabia"}
ORG_HEAD = re.compile(
    r"^(?:the\s+)?(?P<mod>(?:[\w’'.-]+\s+){1,4})(?:presidency|ministry|government|embassy|cabinet|parliament|"
    r"council|delegation|mission|administration|military|army|command|secretariat|commission|foreign\s+office|"
    r"presidential\s+office|office)$",
    re.IGNORECASE,
)
ANON_HEADS = re.compile(
    r"\b(?:sources?|officials?|diplomats?|insiders?|(?:people|person)\s+(?:familiar|close\s+to|briefed\s+on)|spokesm[ae]n|"
    r"spokeswom[ae]n|spokespersons?|aides?|advis[eo]rs?|representatives?|negotiators?|lawmakers?|"
    r"politicians?|analysts?|experts?|commanders?|soldiers?|servicem[ae]n|generals?)\b",
    re.IGNORECASE,
)
GROUP_HEADS = re.compile(
    r"\b(?:residents|people|Ukrainians|Russians|Americans|Europeans|citizens|partners|allies|backers|leaders|"
    r"countries|nations|governments|capitals|voters|protesters|troops|veterans|families|refugees|activists|"
    r"critics|members|states|locals|civilians|workers|students|women|men)\b",
    re.IGNORECASE,
)
_PLURAL_ANON = re.compile(
    r"\b(?:sources|officials|diplomats|insiders|people\s+(?:familiar|close\s+to|briefed\s+on))\b", re.IGNORECASE
)
_DETERMINERS = re.compile(
    r"^(?:(?:the|a|an|one\s+of|one|some|many|several|most|two|three|four|other|senior|top|high-ranking|highly\s+placed|"
    r"unnamed|anonymous)\s+)+",
    re.IGNORECASE,
)
_NOT_NAMES = {
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "There", "Here", "However", "But", "And",
    "Negotiations", "Talks", "Peace", "War", "Many", "Some", "Such", "Both", "All", "Any", "No", "One", "Two",
    "Other", "Another", "Asked", "According", "Speaking", "Details", "Source", "Quote", "Meanwhile", "Also",
    "About", "Let", "Nobody", "Everyone", "Everybody", "Third", "First", "Second", "Finally", "Then", "Now", "So",
    "In", "On", "At", "During", "After", "Before", "Earlier", "Later", "Last", "Next", "If", "When", "While",
    "As", "We", "I", "He", "She", "They", "You", "Our", "Their", "His", "Her", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Russian", "Ukrainian", "Western", "European",
    "American", "President", "Minister", "Foreign", "Prime", "Deputy", "Kremlin", "Defence", "Defense", "CNN",
    "Reuters", "AP", "AFP", "BBC", "Twitter", "Telegram", "Facebook", "X", "Crimea", "Donbas", "Donetsk",
    "Luhansk", "Zaporizhzhia", "Kherson", "Istanbul", "Turkey", "Europe", "Soviet", "Union", "Hague",
    "State", "Council", "Security", "Affairs", "Ministry", "Office", "House", "Department", "Assembly",
    "Parliament", "Commission", "Committee", "Nations", "Duma", "Rada", "Senate", "Congress", "Federation",
    "Several", "Others", "Few", "Most", "Neither", "Either", "Each", "Someone", "Somebody",
}  # fmt: skip
_TITLE_WORDS = {
    "president", "prime", "minister", "foreign", "deputy", "spokesman", "spokesperson", "spokeswoman", "director",
    "chancellor", "secretary", "general", "head", "adviser", "advisor", "aide", "envoy", "special", "vice",
    "leader", "chief", "ambassador", "senator", "pope", "premier", "king", "mr", "mrs", "ms", "dr", "sir",
    "commander", "colonel", "gen", "lt", "col", "sgt", "captain", "lieutenant", "mayor", "governor", "speaker",
    "chairman", "chair", "press", "secretary-general", "dictator", "cardinal", "crown", "prince", "congressman",
    "congresswoman", "representative", "rep", "sen", "lawmaker", "councillor", "councilman", "patriarch", "archbishop",
    "father", "bishop", "metropolitan", "rabbi", "imam", "reverend", "rev", "mufti",
}  # fmt: skip
_NAME_TOKEN = re.compile(r"(?:(?:al|el)-)?[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’'\-]+")  # "Majed al-Ansari"


def nationality(text: str) -> str | None:
    """The side a phrase names by adjective or metonym ("senior US officials" -> united-states)."""
    low = text.lower()
    for words, multi in _MULTI_NATIONALITY.items():
        if words in low:
            return multi
    for tok in _WORD_TOKEN.findall(low.replace("’", "'")):
        tok = tok.rstrip(".") if tok not in ("u.s.",) else tok
        side = NATIONALITY.get(tok)
        if side:
            return side
    return None


@dataclass
class ActorContext:
    """Per-article state for resolution: date, names seen, minted actors, the scene's side."""

    when: date | None
    mentioned: dict[str, int] = field(default_factory=dict)  # entry id -> last position
    minted: dict[str, Actor] = field(default_factory=dict)
    scene_side: str | None = None
    publisher: str = ""

    def side_name(self, side: str | None) -> str | None:
        g = gazetteer()
        return g.entries[side].name if side and side in g.entries else None


def _mint(
    name: str, kind: str, side: str | None, ctx: ActorContext, description: str | None = None, role: str | None = None
) -> Actor:
    aff = ctx.side_name(side)
    key = f"{kind}:{fold(name)}:{side or ''}"
    if key in ctx.minted:
        got = ctx.minted[key]
        return replace(got, description=got.description or description, role=got.role or role)
    actor = Actor(
        key=key, name=name, kind=kind, iri=minted_actor_iri(name, kind, aff), affiliation=aff, side=side,
        description=description, role=role,
    )  # fmt: skip
    ctx.minted[key] = actor
    return actor


_TITLE_IN = re.compile(
    r"\b(?:minister|president|chancellor|premier|spokes(?:man|woman|person)|secretary|envoy|ambassador|adviser|"
    r"advisor|aide|negotiator|head|chief|chairman|chairwoman|speaker|senator|congress(?:man|woman)|governor|mayor|"
    r"commander|general|director|leader|lawmaker|deputy|official)\b",
    re.IGNORECASE,
)


#: the description of a commentator: an analyst, or a researcher at a think tank or university
_EXPERT = re.compile(
    r"\b(?:analyst|(?:senior\s+|research\s+|visiting\s+)?fellow|professor|lecturer|researcher|scholar|historian|"
    r"economist|commentator|pollster|think[\s-]?tank)s?\b",
    re.IGNORECASE,
)


def _person_name(np: str) -> str | None:
    """A capitalised personal name at the end of a phrase ("Kremlin aide Ivan Petrov" -> "Ivan Petrov")."""
    toks = np.replace("’", "'").split()
    name: list[str] = []
    for tok in reversed(toks):
        clean = tok.strip(",.;:")
        if _NAME_TOKEN.fullmatch(clean) and clean not in _NOT_NAMES and clean.lower() not in _TITLE_WORDS:
            name.insert(0, clean)
        else:
            break
    if not name or len(name) > 3:
        return None
    return " ".join(name)


_COMMENTATORS = re.compile(
    r"\b(?:analysts?|experts?|observers?|commentators?|scholars?|historians?|economists?|pundits?|pollsters?)$",
    re.IGNORECASE,
)


_NAMED = r"(?:the\s+)?[A-ZÀ-Þ][\w’'-]*(?:\s+[A-ZÀ-Þ][\w’'-]*){0,2}"
#: "the leaders of France, Germany and Italy", "Foreign ministers from France, ... and the UK": the
#: holders of one office in several states, speaking together (a joint statement) -- a group
_LISTED_GROUP = re.compile(
    rf"^(?:[Tt]he\s+)?(?P<head>(?:[A-Za-z]+\s+){{0,2}}(?:leaders|ministers|heads\s+of\s+(?:state|government)|"
    rf"governments|presidents|envoys|diplomats|delegations|advisers|advisors))\s+(?:of|from)\s+"
    rf"(?P<list>(?:{_NAMED},\s+)*{_NAMED},?\s+and\s+{_NAMED})$"
)
_EUROPEAN = frozenset({
    "france", "germany", "britain", "uk", "united", "kingdom", "italy", "spain", "poland", "finland", "sweden",
    "denmark", "norway", "netherlands", "belgium", "austria", "portugal", "ireland", "greece", "czech", "republic",
    "slovakia", "hungary", "romania", "bulgaria", "estonia", "latvia", "lithuania", "croatia", "slovenia",
    "luxembourg", "malta", "cyprus",
})  # fmt: skip


def _listed_group_name(np: str) -> str | None:
    """The name of a group named by an office and the states holding it ("European" when all the
    states are), or None; a pure function of the phrase, read once by :func:`_phrase`."""
    m = _LISTED_GROUP.match(np)
    if m is None:
        return None
    states = [w.lower().strip(",") for w in re.split(r",\s*|\s+and\s+|\s+", m.group("list")) if w and w != "the"]
    head = m.group("head").lower()
    return f"European {head}" if all(w in _EUROPEAN for w in states) else _DETERMINERS.sub("", np)


def _listed_group(np: str, ctx: ActorContext, description: str | None) -> Actor | None:
    """A group named by an office and the states holding it; "European" when all the states are."""
    name = _listed_group_name(np)
    return None if name is None else _mint(name, "group", None, ctx, description)


@dataclass(frozen=True)
class _Phrase:
    """What :func:`interpret` reads off a noun phrase alone, before any article state.

    Why: the same subjects ("Putin", "the Kremlin", "a senior Ukrainian official") come back
    sentence after sentence and article after article, and the regex work on the phrase is
    most of the cost of interpreting it. Every field is a pure function of the phrase (the
    gazetteer and the patterns are fixed per process), so :func:`_phrase` is cached; the steps
    that read the article's state (the publisher, the date, the names mentioned, the minted
    actors, the scene's side) and the ``description`` stay in :func:`interpret`, in their order.
    """

    np: str  # stripped
    bare: str  # without leading determiners
    starts_det: bool
    lowered: str
    anon: bool  # ANON_HEADS in the phrase
    media: bool  # the outlet's own kind of head: no speaker
    listed: str | None  # the name of a group named by an office and the states holding it (_listed_group)
    dismissed: bool  # commentators, a coordination of names (or a media head): no speaker
    head: tuple[int, int, str] | None  # the named gazetteer actor that heads the phrase, if one does
    unknown: bool  # ends in a full name the gazetteer lacks: no description lookup
    indefinite: bool
    org: bool  # an organisation head ("the Russian foreign ministry") that is minted
    org_side: str | None
    anon_branch: bool  # an anonymous source ("a senior official")
    nat: str | None  # nationality(np)
    government: bool
    anon_name: str  # its minted name, without a side ...
    anon_name_sided: str  # ... and with one
    group_branch: bool
    residents: bool
    person: str | None  # a personal name not in the gazetteer, minted as a person
    person_nat: str | None
    person_title: str
    person_prefix: str  # the phrase before the person's name, as is (for _EXPERT)


# memo key: anything the step reads must be in the key (guard: tests/test_extract_memo_guard.py)
@cached(maxsize=8192)
def _phrase(np: str) -> _Phrase | None:
    """The article-independent reading of a subject noun phrase (None: empty or too long)."""
    g = gazetteer()
    np = np.strip(" ,;:\u00a0\t\n")
    if not np or len(np.split()) > 14:
        return None
    bare = _DETERMINERS.sub("", np)
    starts_det = bare != np
    lowered = np.lower()
    anon = ANON_HEADS.search(np) is not None
    media = _MEDIA_HEAD.search(lowered) is not None
    listed = _listed_group_name(np) if " and " in np else None
    names = list(g.find(np))
    dismissed = bool(
        _MEDIA_HEAD.search(lowered)
        or (not names and _COMMENTATORS.search(np))  # "Analysts said ...": commentators read the war
        or (len(names) >= 2 and _COORDINATOR.search(np))  # "Kyiv and its Western backers": no single speaker
    )
    # a named gazetteer actor that heads the phrase (last name in it, not inside "adviser to X")
    head = None
    if names:
        s, e, eid = names[-1]
        before = np[:s]
        tail = np[e:].strip()
        inside_pp = _PREPOSITION_TAIL.search(before)
        # "a diplomat in Moscow", "officials in Kyiv": a source's posting, not the place speaking
        posted = _IN_AT_END.search(before) and ANON_HEADS.search(before)
        if not tail and not (starts_det and inside_pp) and not posted:
            entry = g.entries[eid]
            prev = _person_name(before.strip())
            if prev and re.search(r"[’']s?$", prev):
                prev = None  # "Hungary's Viktor Orban", "Kyiv's Zelensky": a possessor, no first name
            # a different first name in front of a known surname is another person
            if not (
                entry.kind == "person" and prev and entry.first_name and prev.split()[-1][0] != entry.first_name[0]
            ):
                head = (s, e, eid)
    # a description that the gazetteer knows ("the Kremlin leader", "an adviser to Zelensky") -- unless
    # the phrase ends in a full name the gazetteer lacks ("former Secretary of State Henry Kissinger")
    unknown = not names and len((_person_name(np) or "").split()) >= 2
    indefinite = re.match(r"^(?:an?|one)\s", np, re.IGNORECASE) is not None
    org_m = ORG_HEAD.match(np)
    org_side = nationality(org_m.group("mod")) if org_m and not anon else None
    org = bool(org_m and not anon and (org_side is not None or re.search(r"[A-Z]", org_m.group("mod"))))
    anon_branch = bool(anon and (starts_det or _PLURAL_ANON.search(np) or not _person_name(np)))
    name = bare if not _PLURAL_ANON.search(np) else np if np.split()[0].istitle() else bare
    name = re.sub(r"\s+(?:involved|speaking|based|working|present|taking\s+part)\b.*$", "", name)
    # with a side, "a Ukrainian official familiar with the talks": the affiliation identifies
    sided = re.sub(r"\s+(?:familiar\s+with|briefed\s+on|with\s+knowledge\s+of)\b.*$", "", name)
    person = _person_name(np)
    return _Phrase(
        np, bare, starts_det, lowered, anon, media, listed, dismissed, head, unknown, indefinite, org, org_side,
        anon_branch,
        nationality(np), re.search(r"\bgovernment\b", lowered) is not None, _anon_name(name), _anon_name(sided),
        bool(GROUP_HEADS.search(np) and (starts_det or not person)), re.search(r"\bresidents\b", lowered) is not None,
        person if person and not starts_det else None,
        nationality(np.replace(person, "")) if person else None,
        np[: np.rfind(person)].strip(" ,") if person else "",
        np[: np.rfind(person)] if person else "",
    )  # fmt: skip


def _anon_name(name: str) -> str:
    """An anonymous source's minted name: no posting ("Several European diplomats in Rome"), no count."""
    posting = re.search(r"\s+(?:in|at)\s+.*$", name)
    name = name[: posting.start()] if posting and nationality(name[: posting.start()]) else name
    return re.sub(
        r"^(?:one\s+of|one|several|some|many|most|two|three|four|five|other|a\s+few)\s+", "", name, flags=re.I
    )


def interpret(np: str, ctx: ActorContext, description: str | None = None) -> Actor | None:
    """The actor a subject noun phrase names, or None when it names none we can use."""
    p = _phrase(np)
    if p is None:
        return None
    if ctx.publisher and ctx.publisher.lower() in p.lowered and not p.anon:
        return None  # the outlet itself ("according to CNN") is the author, not a speaker
    if p.media:
        return None
    if p.listed is not None:
        return _mint(p.listed, "group", None, ctx, description)  # _listed_group
    if p.dismissed:
        return None
    g = gazetteer()
    if p.head is not None:
        s, e, eid = p.head
        return g.actor(gazetteer_namesake(p.np[s:e], eid, ctx) or eid, ctx.when, description)
    cands = [] if p.unknown else g.by_description(p.np, ctx.when)
    if cands:
        mentioned = [c for c in cands if c in ctx.mentioned]
        if mentioned:
            pick = max(mentioned, key=lambda c: ctx.mentioned[c])
            return g.actor(pick, ctx.when, description or p.np)
        if len(cands) == 1 and not p.indefinite:
            return g.actor(cands[0], ctx.when, description or p.np)
    if p.org:
        return _mint(p.bare, "organization", p.org_side, ctx, description)
    if p.anon_branch:
        side = p.nat or (ctx.scene_side if p.government else None)
        return _mint(p.anon_name_sided if side is not None else p.anon_name, "anonymous", side, ctx, description)
    if p.group_branch:
        side = p.nat
        if p.residents and side is None:
            side = ctx.scene_side
        return _mint(p.bare, "group", side, ctx, description)
    if p.person is not None:
        if (earlier := minted_full_name(p.person, ctx)) is not None:
            return earlier  # "Kwatra" after "Vinay Kwatra": the person introduced (surnames.py)
        if _EXPERT.search(f"{p.person_prefix} {description or ''}"):
            return None  # "X, a senior fellow at a think tank": a commentator reading the war, no party to it
        side = p.person_nat or nationality(description or "") or ctx.scene_side
        # a person outside the gazetteer keeps the title that introduces them ("Deputy Prime Minister X",
        # "X, the chief negotiator"): later "the deputy prime minister" points back to them
        title = p.person_title or (description or "").strip(" ,")
        role = title if title and _TITLE_IN.search(title) else None
        return _mint(p.person, "person", side, ctx, description, role)
    return None
