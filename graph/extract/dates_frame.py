"""Which date phrases of a sentence can date its saying: the attribution frame, not the content.

Why apart from :mod:`dates_context`: that module walks an article and carries occasions
from sentence to sentence; this one answers the local question -- of the date phrases in
one sentence, which belong to the act of saying ("said on Friday", "In an interview
recorded last month, ...") and which do not (a wire dateline, a relative clause of
biography, an event planned for a day, history inside what is said).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from stancegraph.graph.extract.dates import DateExpr

if TYPE_CHECKING:
    from stancegraph.graph.extract.attribution import Claim

Within = Callable[[int, int], list[DateExpr]]  # the article's date phrases inside [s, e)

_DATELINE = re.compile(
    r"[A-ZÀ-Þ][A-ZÀ-Þ .,/'’-]{1,60},(?:\s+[A-Z][A-Za-z.'’ -]{1,30},)?"  # "ANCHORAGE, Alaska,"
    r"\s+(?:\w{3,9}\.?\s+\d{1,2}|\d{1,2}\s+\w{3,9})(?:,?\s+\d{4})?\s*"
    r"(?:\([^)]{1,30}\))?\s*[-–—]"
)
_CONTENT_HEAD = re.compile(
    r"\s*(?P<head>(?:in|on|at|during|late|early|earlier|later|last|this|after|before|via|yesterday|today|"
    r"the\s+(?:same|following|next|previous))\b"
    r"[^“”\"«»:;]{0,70}?)\s+that\b",
    re.IGNORECASE,
)
#: a day between the reporting verb's object and what the act asks or charges ("urged Russia and
#: Ukraine on Tuesday to ...", "called on Monday for ...", "accused Putin on Sunday of ...",
#: "signalled readiness on Friday to ..."): English puts the act's time after its object and before
#: the complement, so the day dates the saying; a word like "talks" or "to" before it would make
#: it the day of what is said ("urged talks on Friday", "to meet on Friday")
_VERB_OBJECT_DAY = re.compile(
    r"\s*(?:[a-z]+(?:ed|s)\s+(?:to|on|upon|with)\s+)?"  # the verb's own particle: "appealed to", "called on"
    r"(?:(?!(?:to|for|of|that|on|in|at|with|by|from|talks|negotiations|meeting|summit|visit|call|truce|ceasefire|"
    r"deal|election|vote|meet|hold|host|resume|start|begin|travel|fly|sign)\b)[\w’'.-]+\s+){0,6}?"
    r"(?P<day>yesterday|(?:(?:late|early|earlier|later)\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?)"
    r"\s+(?:to|for|of|that|against|any|an?|the|his|her|their)\b",
)
_FRONTED = re.compile(r"\W*(?:In|On|At|During|Speaking|Late|Earlier|Later|Last|Writing|[A-Z][a-z]{2,}ing)\b")
_ASIDE = re.compile(r"\b(?:who|which|whose|where)\b[^,;]*|\([^)]*\)")
_SPEAKING = re.compile(
    r"\b(?:sp[eo]ke|said|says|told|tells|wrote|talked|called|met|addressed|announced|spoken|declared|posted|"
    r"stated|insisted|warned|argued|claimed|noted|suggested|ruled)\b"
)
_SAID_THAT = re.compile(
    r"\b(?:said|says|told\s+\w+(?:\s+\w+)?|stated|wrote|added|announced|declared|insisted|warned|argued)\b"
    r"(?:\s+\w+){0,3}?\s+that\b"
)
_NOT_SAYING = re.compile(
    r"\b(?:(?:scheduled|planned|set|due|expected|slated|postponed|delayed|moved)\s+(?:for|on|to|until|till)?|"
    r"until|till|by|before|ahead\s+of|since|next)\s*$",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|«[^»]*(?:»|$)", re.MULTILINE)
_RECORDED = re.compile(r"\b(?:recorded|filmed|taped|conducted|given|held)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def pick(exprs: list[DateExpr], text: str) -> DateExpr | None:
    """The phrase dating the saying: a recorded-on date beats released-on; then a day, then a month."""
    if not exprs:
        return None
    recorded = [x for x in exprs if _RECORDED.search(text, max(0, x.start - 40), x.start)]
    pool = recorded or exprs
    return min(pool, key=lambda x: (x.rank, x.start))


def dateline_end(text: str, start: int, end: int) -> int:
    """Where a wire dateline ("KYIV, March 3 (Reuters) -") opening a sentence ends: its date is the filing day."""
    m = _DATELINE.match(text, start, end)
    return m.end() if m else start


def frame_exprs(
    text: str, c: Claim, within: Within, recent: Callable[[str | None], bool] | None = None
) -> list[DateExpr]:
    """Date phrases of the attribution frame (and a fronted lead-in), less biography and plans."""
    out: list[DateExpr] = []
    aside: list[DateExpr] = []
    skip_to = dateline_end(text, c.sentence.start, c.sentence.end)
    spans = list(c.frame)
    first = min((s for s, _ in c.frame), default=c.sentence.start)
    lead_in = text[skip_to:first]
    if first > skip_to and _FRONTED.match(lead_in) and not re.search(r"[“”\"«»]", lead_in):
        spans.append((skip_to, first))  # "In an interview recorded last month, ..., the pontiff said"
    for s, e in spans:
        s = max(s, skip_to)
        if e > s:
            for x in within(s, e):
                if _NOT_SAYING.search(text, max(s, x.start - 30), x.start):
                    continue
                (aside if _in_aside(text, x, s, e, c.verb) else out).append(x)
    if c.content and not c.continuation:
        cs, ce = c.content[0]
        m = _CONTENT_HEAD.match(text, cs, min(ce, cs + 120))
        if m:
            out.extend(within(m.start("head"), m.end("head")))
        elif not out:
            m = _VERB_OBJECT_DAY.match(text, cs, min(ce, cs + 120))
            if m:
                out.extend(x for x in within(m.start("day"), m.end("day")) if x.kind == "day")
    if not out and recent is not None:  # "X, who visited Washington on Tuesday, said there": that day
        out = [x for x in aside if x.kind == "day" and recent(x.value)]
    return out


def _in_aside(text: str, x: DateExpr, s: int, e: int, verb: str = "") -> bool:
    """A date inside a relative clause ("who fled Mariupol in April") is biography, unless it tells of
    speaking or the clause is the claim's own ("Lula, who last month proposed that ...")."""
    for m in _ASIDE.finditer(text, s, e):
        if m.start() <= x.start < m.end():
            own = bool(verb) and re.search(r"\b" + re.escape(verb.split()[0]) + r"\b", m.group()) is not None
            return not own and not _SPEAKING.search(m.group())
    return False


def sentence_exprs(text: str, s: int, e: int, within: Within, cut: bool = True) -> list[DateExpr]:
    """Date phrases of a stretch, before any quotation (and, with ``cut``, before a reported 'said that')."""
    s = dateline_end(text, s, e)
    m = _SAID_THAT.search(text, s, e) if cut else None
    stop = m.start() if m else e
    quotes = [q.span() for q in _QUOTED.finditer(text, s, stop)]
    out = within(s, stop)
    return [
        x
        for x in out
        if not _NOT_SAYING.search(text, max(s, x.start - 30), x.start) and not any(a <= x.start < b for a, b in quotes)
    ]
