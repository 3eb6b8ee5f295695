"""The subject noun phrase of a verb of saying, read leftwards from the verb.

Why apart from attribution: finding where the subject ends and what stands before it
(an auxiliary tail, an appositive, "X is a Y who", a fronted date, a conjunction) is its
own small grammar; ``attribution`` calls :func:`subject_left` for each verb it finds.
"""

from __future__ import annotations

import re

from stancegraph.graph.extract.subjects import FRONTED as _FRONTED
from stancegraph.graph.extract.subjects import PRONOUNS as _PRONOUNS

# patterns of the hot paths, compiled once
_QUOTE_OR_END = re.compile(r"[“”\"?!]")
_THAT = re.compile(r"\bthat\b")
_TRAILING_RELATIVE = re.compile(r",?\s+(?:who|which)\s*$")
_PARTICIPLE_START = re.compile(r"^\s*[a-z]+ing\s")
_LOWER_THEN_NAME = re.compile(r"^\s*(?!the\b|an?\b)[a-z]+\s+[A-Z]")
_CAPITAL = re.compile(r"[A-Z]")
_RELATIVE_START = re.compile(r"\s*(?:who|which|whose)\b")

_AUX_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|is|are|was|were|been|be|being|also|later|then|previously|repeatedly|again|once|"
    r"reportedly|allegedly|publicly|already|recently|earlier|ultimately|firmly|flatly|categorically|openly|"
    r"finally|now|still|even|further|himself|herself|themselves|itself|would|will|did|does|do|has\s+not|"
    r"in\s+recent\s+(?:weeks|days|months)|on\s+\w+day|last\s+\w+|this\s+week|separately|simply|just|"
    r"subsequently|initially|first|twice|explicitly|directly|personally|angrily|bluntly|quickly))+\s*$",
    re.IGNORECASE,
)


FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|did|does|do|may|might|wants?|"
    r"took|takes|made|went|said|says)\b"
)


_APPOS_START = re.compile(
    r"^\s*(?:an?\s|the\s|[a-z]|\d|(?:Deputy|Foreign|Prime|Vice|Defence|Defense|Special|Chief|Head|"
    r"Senior|Secretary|Minister|Director|Chairman|Spokesman|Spokeswoman|Spokesperson|Adviser|Advisor|Aide|"
    r"Ambassador|Envoy|Commander|General)\b|(?:[A-ZÀ-Þ][\w'-]*\s+){0,2}[A-ZÀ-Þ][\w-]*[’']s\s+[a-z])"
)


_IS_A = re.compile(r"^(?P<np>.+?)\s+(?:is|was)\s+(?P<desc>(?:an?|the)\s+.+?)(?:\s+who)?$")


_DATELINE = re.compile(r"^[^\"“”]{0,60}?\)\s*[-–—]+\s*|^\s*[A-Z][A-Z .'’-]{2,}\s*[-–—]+\s*")


_CONJ = re.compile(
    r".*\b(?:while|whereas|but|although|though|because|since|that(?=\s+(?:the|an?|his|her|its|their)\s))\s+",
    re.IGNORECASE,
)


#: a relative clause closed by a comma before the verb, commas inside it allowed
_CLOSED_RELATIVE = re.compile(r",\s+who\s+(?:not\s+)?[a-z]+\b[^“”\"]*,\s*$")  # "who spoke on condition of anonymity"
#: a capitalised name (with its titles) that ends a stretch of text
_TRAILING_NAME = re.compile(r"(?<![\w’'.-])(?:(?:[A-ZÀ-Þ][\w’'.-]*|of|bin|de|da|von|der)\s+){0,6}[A-ZÀ-Þ][\w’'.-]*$")


#: "an offer its officials": a noun with a reduced relative clause whose subject is possessed
_REDUCED_RELATIVE = re.compile(r"^\s*(?:an?|the)\s+[a-z]+\s+(?P<np>(?:its|their|his|her)\s+[a-z]+)\s*$")


def _segments(text: str, base: int) -> list[tuple[int, int]]:
    """Comma-separated segments of ``text`` (offsets absolute), ignoring commas in parentheses."""
    out, depth, s = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            out.append((base + s, base + i))
            s = i + 1
    out.append((base + s, base + len(text)))
    return out


_BAD_EDGE = re.compile(
    r"^(?:with|to|from|against|of|for|on|about|by|into|than|and|or|but|that|which|as|if|because|so)\b|"
    r"\b(?:and|or|but|that|which|the|a|an|of|to|with)$",
)


_DATE_LEAD = re.compile(
    r"^\s*(?:(?:(?:On|on|Last|last|This|this|Late|late|Early|early|Earlier|earlier)\s+)?(?:(?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}|(?:morning|evening|"
    r"week|month))|(?:In|in)\s+(?:(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)(?:\s+\d{4})?|\d{4}))"
    r"\s+(?=(?:the\s+)?[A-Z]|the\s+[a-z])"
)


#: a comma-separated date ("August 17", "17 August", "Friday") is no head noun an appositive hangs on
_DATE_SEGMENT = re.compile(
    r"^\s*(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s*$"
)


#: "He paused", "She smiled briefly": a pronoun and its own short predicate before ", then added"
_PRONOUN_ACTED = re.compile(r"\s*(?P<np>He|She|They|We|I)\s+[a-z]+(?:ed|t)\b(?:\s+[a-z]+){0,2}\s*$")
_SCARE_QUOTE = re.compile(r"[“\"]([^“”\"]*)[”\"]")


def _quotation_between(stretch: str) -> bool:
    """Whether a quotation stands between a clause's subject and its participle of saying (then the
    participle may report the quoted speaker); scare quotes of a few words ('a plan for a "political
    settlement", calling for ...') are part of the predicate."""
    if stretch.count('"') % 2 or stretch.count("“") != stretch.count("”"):
        return True
    return any(len(q.group(1)) > 30 for q in _SCARE_QUOTE.finditer(stretch))


_AGE_SEGMENT = re.compile(r"^\s*\d{1,3}\s*$")


def _np_ok(np: str) -> bool:
    np = np.strip()
    return (
        bool(np)
        and len(np.split()) <= 12
        and not FINITE.search(np)
        and not _QUOTE_OR_END.search(np)
        and not _BAD_EDGE.search(np)
    )


#: what follows a verb of saying in a parenthetical attribution ("X, the president wrote, was ..."):
#: a comma soon after the verb, with no "that" clause before it
_PARENTHETICAL_TAIL = re.compile(r"[^,.;:?!“”\"]{0,40}?,")


def parenthetical(text: str, verb_end: int, sent_end: int) -> bool:
    """Whether a verb of saying is closed by a comma, as in "X, the president wrote, was ...",
    "Kyiv, it said, remained ready": then the noun phrase right before the verb is its subject
    and the one before the first comma is what the sentence is about."""
    m = _PARENTHETICAL_TAIL.match(text, verb_end, sent_end)
    return m is not None and _THAT.search(m.group()) is None


_NAMED = r"(?:the\s+)?[A-ZÀ-Þ][\w’'-]*(?:\s+[A-ZÀ-Þ][\w’'-]*){0,2}"
#: "X and Y" closing a list of names
_LAST_OF_LIST = re.compile(rf"\s*{_NAMED},?\s+and\s+{_NAMED}\s*$")
#: "the leaders of France, Germany, " before the list's last two names: the office the list hangs on
_LIST_HEAD = re.compile(
    rf"(?:^|(?<=\s))(?:[Tt]he\s+)?(?:[A-Za-z]+\s+){{0,2}}(?:leaders|ministers|heads\s+of\s+(?:state|government)|"
    rf"governments|presidents|envoys|diplomats|delegations|advisers|advisors)\s+(?:of|from)\s+(?:{_NAMED},\s+)*{_NAMED},\s*$"
)

#: a whole list subject at the start of a clause, then (an appositive and) its own verb
_LISTED_NP = re.compile(
    rf"(?P<np>(?:[Tt]he\s+)?(?:[A-Za-z]+\s+){{0,2}}(?:leaders|ministers|heads\s+of\s+(?:state|government)|governments|"
    rf"presidents|envoys|diplomats|delegations|advisers|advisors)\s+(?:of|from)\s+(?:{_NAMED},\s+)+{_NAMED},?\s+and\s+"
    rf"{_NAMED})(?:,[^,“”\"]{{0,100}},)?\s+(?:[a-z]+\s+)?[a-z]+(?:ed|s)\b"
)

_TITLED = r"(?:[A-ZÀ-Þ][\w’'.-]*\s+){0,5}[A-ZÀ-Þ][\w’'.-]*"
#: a plural group whose members are listed, up to the list's last two members
_GROUP_INCLUDING = re.compile(
    rf"(?:^|(?<=\s))(?P<np>(?:[A-ZÀ-Þ][\w’'-]*\s+){{0,2}}(?:leaders|ministers|officials|governments|allies|"
    rf"countries|states|partners|diplomats|lawmakers))\s+(?:,\s*)?(?:including|such\s+as|among\s+them)\s+"
    rf"(?:{_TITLED},\s+)*(?:{_TITLED},\s*)?$"
)


def subject_left(text: str, lb: int, verb_start: int, inserted: bool = False) -> tuple[int, int, str | None] | None:
    """The subject that ends right before the verb: (np start, np end, appositive or None).

    A subject that ends a list of states ("the leaders of France, Germany and Italy said") is the
    whole list with the office it hangs on: the commas of a list are no appositive boundary."""
    got = _subject_left(text, lb, verb_start, inserted)
    if got is not None and " and " in text[got[0] : got[1]]:
        if _LAST_OF_LIST.match(text, got[0], got[1]):
            head = _LIST_HEAD.search(text, lb, got[0])
            if head is not None:
                return head.start(), got[1], got[2]
        # "European leaders including A, B and C said": the group the members are listed for
        group = _GROUP_INCLUDING.search(text, lb, got[0])
        if group is not None:
            return group.start("np"), group.end("np"), text[group.end("np") : got[1]].strip()
    return got


def _subject_left(text: str, lb: int, verb_start: int, inserted: bool = False) -> tuple[int, int, str | None] | None:
    """The subject that ends right before the verb: (np start, np end, appositive or None).

    ``inserted``: the verb is a parenthetical attribution (:func:`parenthetical`); a segment
    after a comma that runs up to the verb is its subject, not an appositive ("Zelensky's
    remarks, the president wrote, ..." -> the president; "X, the envoy, said" keeps X)."""
    left = text[lb:verb_start]
    closed = _CLOSED_RELATIVE.search(left)
    if closed:  # "X, the envoy, who has visited Kyiv, Moscow and Beijing, said": X before the clause
        return _subject_left(text, lb, lb + closed.start())
    aux = _AUX_TAIL.search(left)
    core_end = lb + (aux.start() if aux else len(left))
    core = text[lb:core_end]
    rel = _TRAILING_RELATIVE.search(core)
    if rel:
        core_end = lb + rel.start()
        core = text[lb:core_end]
    if not core.strip():
        return None
    if rel:
        name = _TRAILING_NAME.search(core)
        if name and not _np_ok(core.split(",")[-1]):
            # "represented by Foreign Minister Sergei Lavrov, who told ...": the name the clause hangs on
            return lb + name.start(), lb + name.end(), None
    segs = [(s, e) for s, e in _segments(core, lb) if text[s:e].strip()]
    if not segs:
        return None
    desc: str | None = None
    s, e = segs[-1]
    seg = text[s:e]
    if seg.strip().lower() in _PRONOUNS:
        return s, e, None
    m = _IS_A.match(seg.strip())
    if m and _np_ok(m.group("np")):
        off = s + (len(seg) - len(seg.lstrip()))
        return off, off + len(m.group("np")), m.group("desc")
    if len(segs) >= 3 and _DATE_SEGMENT.match(seg) and _PARTICIPLE_START.match(text[segs[-2][0] : segs[-2][1]]):
        # "X, speaking in Astana on Thursday, November 28, said": the date closes the participial appositive
        segs = segs[:-1]
        s, e = segs[-1]
        seg = text[s:e]
    participial = _PARTICIPLE_START.match(seg) is not None  # "X, hosting Zelensky, said"
    if (
        inserted
        and len(segs) >= 2
        and not participial
        and not _FRONTED.match(text[segs[-2][0] : segs[-2][1]])
        and not text[e:core_end].strip()
        and _np_ok(seg)
    ):
        off = s + (len(seg) - len(seg.lstrip()))
        return off, e, None
    if len(segs) >= 2 and _APPOS_START.match(seg) and (participial or not _LOWER_THEN_NAME.match(seg)):
        ps, pe = segs[-2]
        prev = text[ps:pe]
        if _AGE_SEGMENT.match(prev) and len(segs) >= 3:  # "X, 67, a retired engineer, said": the age is no head
            ps, pe = segs[-3]
            prev = text[ps:pe]
        pm = _IS_A.match(prev.strip())
        if pm and _np_ok(pm.group("np")):
            off = ps + (len(prev) - len(prev.lstrip()))
            return off, off + len(pm.group("np")), pm.group("desc")
        if (
            _np_ok(prev)
            and not _FRONTED.match(prev)
            and not _DATE_SEGMENT.match(prev)  # "On Saturday, August 17, the office said"
            and _CAPITAL.search(prev)
            and not _RELATIVE_START.match(prev)  # a relative clause is no head noun
        ):
            return ps, pe, seg.strip()
    if len(segs) >= 2 and _FRONTED.match(seg) and not FINITE.search(seg):
        # "SUBJ on Tuesday, at the ceremony, stated": the subject is before the adverbial
        ps, pe = segs[-2]
        cut = re.search(r"\s+(?:on|in|at|during|last|this|yesterday|today|earlier|later)\b", text[ps:pe])
        if cut:
            pe = ps + cut.start()
        lead = re.match(r"\s*(?:also|meanwhile|separately|however|but|and)\s+", text[ps:pe], re.IGNORECASE)
        if lead:
            ps += lead.end()
        prev = text[ps:pe]
        if _np_ok(prev) and not _FRONTED.match(prev) and re.search(r"[A-Z]", prev) and len(prev.split()) >= 2:
            return ps, pe, None
    dl = _DATELINE.match(seg)
    if dl:  # "MOSCOW, June 14 (Reuters) - The Kremlin said": the dateline is no part of the subject
        s += dl.end()
        seg = text[s:e]
    conj = _CONJ.match(seg)
    if conj:
        s += conj.end()
        seg = text[s:e]
    when = _DATE_LEAD.match(seg)
    if when:  # "On Saturday the Vatican said": a date without a comma in front of the subject
        s += when.end()
        seg = text[s:e]
    reduced = _REDUCED_RELATIVE.match(seg)
    if reduced:  # "..., an offer its officials repeated": the possessor's people are the subject
        s += reduced.start("np")
        seg = text[s:e]
    acted = _PRONOUN_ACTED.match(seg)
    if acted:  # "He paused, then added ...": the pronoun of an asyndetic first predicate
        return s + acted.start("np"), s + acted.end("np"), None
    fronted = _FRONTED.match(seg) and not re.match(r"^\s*(?:the\s+)?following", seg, re.I)
    if (not _np_ok(seg) or fronted) and seg.strip().lower() not in _PRONOUNS:
        return None
    return s, e, desc


def is_dateline(text: str) -> bool:
    """A dateline ("KYIV, March 3 (Reuters) -", "ISTANBUL (AP) —"): never a speaker, never content."""
    m = _DATELINE.match(text)
    return m is not None and not text[m.end() :].strip()


def strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:–—-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:–—-"):
        e -= 1
    return s, e


#: the subject that opens a clause: a capitalised name with its titles, or a pronoun
_CLAUSE_NP = re.compile(
    r"(?P<np>[Hh]e|[Ss]he|[Tt]hey|(?:(?:[A-ZÀ-Þ][\w’'.-]*|of|the|de|da|bin|von|der|foreign|prime|deputy|vice|special|"
    r"minister|president|spokes(?:man|woman|person)|press|secretary|adviser|advisor|aide|envoy|chief|leader|"
    r"ambassador|negotiator|chancellor|premier|head|policy|security|national|ministry|cabinet)\s+){0,7}"
    r"(?:(?:al|el)-)?[A-ZÀ-Þ][\w’'.-]*)"
    r"(?:\s*,\s+(?P<desc>(?:an?|the|[a-z]+ing|[A-ZÀ-Þ][\w-]*[’']s)\s[^,“”\"]{2,90}?),)?"
    r"(?:\s+(?:on\s+[A-Z][a-z]+day|last\s+[a-z]+|this\s+week|yesterday|today))?"
    r"(?:\s+(?:also|then|later|again|once\s+more|himself|herself|itself|themselves|not|never|often|still))*"
    r"\s+(?:has\s+|had\s+|have\s+|was\s+|were\s+|is\s+|are\s+|did\s+)?(?:not\s+)?(?!(?:and|or|but|nor)\b)[a-z]+\b"
)


def clause_subject(text: str, start: int, verb_start: int) -> tuple[int, int, str | None] | None:
    """The subject of the clause that a participle of saying hangs on: "[On Tuesday,] Lavrov went
    further, describing ..." -> Lavrov. Fronted adverbials ("In Rabat,", "However,") are skipped;
    the subject must be a name (with titles) or a pronoun, followed by its own verb."""
    pos = start
    while True:
        m = re.match(r"[\s•*–—-]*", text[pos:verb_start])
        pos += m.end() if m else 0
        seg = re.match(r"[^,“”\"]{0,60},\s+", text[pos:verb_start])
        if seg is None or not _FRONTED.match(seg.group()) or FINITE.search(seg.group()):
            break
        pos += seg.end()
    listed = _LISTED_NP.match(text, pos, verb_start)
    if listed:  # "The foreign ministers of France, Germany and Poland, meeting in Paris, issued ..., saying"
        return listed.start("np"), listed.end("np"), None
    m = _CLAUSE_NP.match(text, pos, verb_start)
    if m is None or _FRONTED.match(m.group("np")) or _quotation_between(text[m.end() : verb_start]):
        return None
    return m.start("np"), m.end("np"), m.group("desc")


#: a verb of saying coordinated with the clause's first predicate ("X did not confirm any details, but said")
_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:also\s+|later\s+|then\s+)?$")


def coordinated_subject(text: str, start: int, verb_start: int) -> tuple[int, int, str | None] | None:
    """The subject of a verb of saying that a coordination joins to the clause's first predicate:
    "Spokesman X did not confirm the details but said ..." -> X (the clause subject)."""
    if _COORDINATED.search(text, start, verb_start) is None:
        return None
    return clause_subject(text, start, verb_start)
