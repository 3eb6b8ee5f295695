"""Dates of statements in context: which date phrase, or which earlier occasion, dates a claim.

Why a pass over the whole article after attribution: the date a speaker said something is
often given elsewhere than in the attribution clause -- in a "Source:" line, in a sentence
that follows the quote ("He said this on Friday"), in a live blog's timestamps, in the
intro of a Q&A interview, or by the news day the report is set on. The pass walks the
sentences in order and keeps:

- each speaker's last occasion, so an undated "he said" stays on that speaker's day and
  "at that time"/"the following day" resolve against it;
- the *news day*: the last day a dated claim or a dated scene sentence ("The Kremlin
  picked up that theme on Wednesday") set; an undated past-tense report after it belongs
  to that day ("date implied by the Monday lede"); month-only dates are background and set
  no news day; a live blog's timestamp resets it to the page's date.

An explicit phrase in the attribution frame always wins; dates inside the content are
history ("talks held in March 2022"), except a leading "in a video statement on Sunday
that ..." the attribution left in the content. Present-tense standing positions ("the
Kremlin says") stay undated outside live blogs, leads and interviews. Nothing resolves
after publication (see :mod:`dates`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from stancegraph.graph.extract import folding
from stancegraph.graph.extract.date_index import DateIndex
from stancegraph.graph.extract.dates import DateExpr, apply_offset, find_dates
from stancegraph.graph.extract.dates_frame import frame_exprs, pick, sentence_exprs
from stancegraph.graph.extract.text import paragraphs
from stancegraph.graph.records import Article

if TYPE_CHECKING:
    from stancegraph.graph.extract.attribution import Claim
    from stancegraph.graph.extract.text import Paragraph, Sentence

_TIMESTAMP = re.compile(
    r"^[ \t]*\d{1,2}[:.]\d{2}[ \t]*(?:[ap]\.?m\.?|GMT|BST|CET|CEST|EET|EEST|UTC|ET|EST|EDT|MSK|local\s+time)?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_SOURCE = re.compile(r"^[ \t]*Sources?:[ \t]*(?P<body>.+)$", re.MULTILINE)
_ANAPHORA = re.compile(
    r"\b(?:said|stated|wrote|declared|announced|noted|informed|made\s+the\s+(?:remarks?|comments?))\s+"
    r"(?:this|so|these\s+words)\b(?!\s+(?:week|month|year|morning|evening|afternoon|weekend))|"
    r"\bThis\s+was\s+(?:said|stated|announced)|\b(?:These|The)\s+(?:remarks|comments|words)\s+"
    r"(?:were|came)\b",
    re.IGNORECASE,
)
_ABOUT_THIS = re.compile(r"\W*(?:About|Of|On)\s+(?:this|that)\b(?!\s+(?:day|week|month|year|occasion))")
_PRONOUN_START = re.compile(r"^\W*(?:(?:On|In|Late|Earlier|Later)\b[^,]{0,40},\s*)?(?:He|She)\b")
_LOOKBACK = 1200  # characters: how far back "the same day" looks for the date it points to
_NEWS_DAYS = 7  # a non-claim sentence sets the news day only for a date this close to publication


@dataclass
class _State:
    published: date | None
    occasion: dict[str, str | None] = field(default_factory=dict)
    news_day: str | None = None
    flashback: tuple[int, str] | None = None  # (paragraph, day) a claim dated before the news day told
    last_person: str | None = None
    names: dict[str, str] = field(default_factory=dict)  # surname -> actor key (persons seen)
    explicit: set[int] = field(default_factory=set)  # ids of claims dated by their own phrase
    para_date: tuple[int, str | None] | None = None  # (paragraph, date) a dated sentence set
    scene: str | None = None  # live blog: the day the author's own narration set, until a dated claim
    content_day: tuple[int, str | None] | None = None  # a recent day inside a claim's content, last resort
    first_day: str | None = None  # the first news day of the report
    vague: set[str] = field(default_factory=set)  # speakers whose last occasion the text dated vaguely

    exprs: list[DateExpr] = field(default_factory=list)  # every date phrase of the article, in order
    starts: list[int] = field(default_factory=list)

    def within(self, s: int, e: int) -> list[DateExpr]:
        """The article's date phrases lying inside [s, e) -- one regex pass per article, not per span."""
        out = []
        for x in self.exprs[bisect_left(self.starts, s) :]:
            if x.start >= e:
                break
            if x.end <= e:
                out.append(x)
        return out

    def set_news_day(self, value: str | None) -> None:
        self.news_day = value
        self.flashback = None
        if self.first_day is None and _recent(value, self.published):
            self.first_day = value


def _recent(value: str | None, published: date | None) -> bool:
    if value is None or len(value) != 10:
        return False
    return published is None or 0 <= (published - date.fromisoformat(value)).days <= _NEWS_DAYS


def _surname(name: str) -> str:
    parts = name.split()
    return parts[-1][:6] if parts else ""


def _sources(text: str, published: date | None) -> list[tuple[str, str]]:
    """'Source: X at a briefing on Tuesday; Y, ..., on Wednesday' -> [(segment, date)]."""
    out: list[tuple[str, str]] = []
    for m in _SOURCE.finditer(text):
        pos = m.start("body")
        for seg in m.group("body").split(";"):
            exprs = [x for x in find_dates(seg, published) if x.value]
            if exprs:
                out.append((seg, min(exprs, key=lambda x: (x.rank, x.start)).value or ""))
            pos += len(seg) + 1
    return out


def _source_date(c: Claim, sources: list[tuple[str, str]]) -> str | None:
    if c.actor is None or not sources:
        return None
    key = _surname(c.actor.name)
    if len(key) < 3:
        return None
    for seg, value in sources:
        words = seg.split()[:6]
        if any(w.startswith(key) for w in words):
            return value
    return None


def assign_dates(
    article: Article, claims: Iterable[Claim], paras: list[Paragraph] | None = None, index: DateIndex | None = None
) -> None:
    """Set ``date`` on every claim (in place), in the article's reading order.

    Call after attribution and before statements are merged by (speaker, date); pass the
    article's ``paragraphs`` and their :class:`DateIndex` when already at hand (the same
    paragraphs: the index is their date scan).
    """
    text = article.text
    published = article.published
    pub_s = published.isoformat() if published else None
    claims = list(claims)
    if not claims:
        return
    lowered = text.lower()
    low = lowered if folding.lowers(text, lowered) else None  # for _anaphora
    by_sent: dict[int, list[Claim]] = {}
    for c in claims:
        by_sent.setdefault(c.sentence.start, []).append(c)
    paras = paragraphs(article) if paras is None else paras
    last_prose = max((p.start for p in paras if p.kind == "prose"), default=0)
    stamps = [m.start() for m in _TIMESTAMP.finditer(text, 0, last_prose)]  # not a media player's "0:00" footer
    live = len(stamps) >= 2  # a live blog: entries under timestamps are the page's day
    qa = sum(1 for p in paras if text[_line_start(text, p.start) : p.start + 2].lstrip().startswith("Q:")) >= 2
    sources = _sources(text, published)
    st = _State(published)
    if index is None:
        index = DateIndex(text, [(p.start, p.end) for p in paras if p.kind == "prose"], published)
    st.exprs = index.all()
    st.starts = [x.start for x in st.exprs]
    history: list[Claim] = []
    waiting: list[Claim] = []
    lead_seen = False
    prev_end = 0
    for p in paras:
        if live and any(prev_end <= t < p.start for t in stamps):
            st.set_news_day(st.scene or pub_s)
        prev_end = p.end
        if p.kind != "prose":
            continue
        lead = not lead_seen
        lead_seen = True
        answer = qa and text[_line_start(text, p.start) : p.start + 2].lstrip().startswith("A:")
        done: list[Claim] = []
        for sent in p.sentences:
            here = sorted(by_sent.pop(sent.start, []), key=lambda c: (c.continuation, c.content[0] if c.content else 0))
            ana = not sent.quoted and (
                _anaphora(text, low, sent.start, sent.end) or _ABOUT_THIS.match(text, sent.start, sent.end)
            )
            if ana:
                _backfill(text, sent, st, history, published)
            if not here:
                if not sent.quoted:
                    _observe(text, sent, st, published)
                continue
            for c in here:
                if c.continuation:
                    c.date = _continued(c, done, st)
                else:
                    exprs = frame_exprs(text, c, st.within, lambda v: _recent(v, published))
                    chosen = pick(exprs, text)
                    c.date = _date_for(c, chosen, st, lead=lead, live=live or answer, pub=pub_s, sources=sources)
                    _remember(c, chosen, st)
                    if chosen is not None:
                        st.explicit.add(id(c))
                    history.append(c)
                    _content_day(text, c, st, published)
                if c.date is None and st.first_day is None and c.tense != "present" and id(c) not in st.explicit:
                    waiting.append(c)
                done.append(c)
        for c in done:
            if c.continuation and c.date is None:  # quoted sentences before their attribution
                c.date = _continued(c, done, st)
        if lead and st.news_day is None:  # the lede sets the report's day, even inside what is said
            _observe(text, None, st, published, span=(p.start, p.end), person=False)
    for c in waiting:  # undated reports before the first dated sentence: the report's day
        if c.date is None:
            c.date = st.first_day


#: the case-sensitive twin of _ANAPHORA (folding), for the lower-cased text
_ANAPHORA_TWIN = folding.folded(_ANAPHORA)


def _anaphora(text: str, low: str | None, start: int, end: int) -> bool:
    """Whether ``_ANAPHORA.search(text, start, end)`` finds a match ("said this", "These remarks
    came"): asked of the lower-cased text with the case-sensitive twin where ``folding`` proves
    the two find the same spans (``low`` is given only then), which is about three times faster."""
    if low is not None and _ANAPHORA_TWIN is not None:
        return _ANAPHORA_TWIN.search(low, start, end) is not None
    return _ANAPHORA.search(text, start, end) is not None


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _date_for(
    c: Claim, chosen: DateExpr | None, st: _State, *, lead: bool, live: bool, pub: str | None,
    sources: list[tuple[str, str]],
) -> str | None:  # fmt: skip
    key = c.actor.key if c.actor else ""
    if chosen is not None:
        if chosen.kind in ("day", "month"):
            return chosen.value
        if chosen.kind == "vague":
            return None
        base = _last_mentioned(st, chosen.start) or st.occasion.get(key) or st.news_day
        return base if chosen.kind == "context" else apply_offset(base, chosen.offset)
    if st.para_date is not None and st.para_date[0] == c.sentence.para:
        return st.para_date[1]
    src = _source_date(c, sources)
    if src is not None:
        return src
    if st.occasion.get(key) or key in st.vague:  # "in the summer ... Additionally, he demanded": unknown too
        return st.occasion.get(key)
    if c.tense != "present" and st.flashback and c.sentence.para <= st.flashback[0] + 1:
        return st.flashback[1]  # the reaction right after an earlier day's statement: that day
    if live:
        return st.news_day or pub
    if lead:
        return pub
    if c.tense != "present" and st.news_day:  # "has urged" reports recent news too
        return st.news_day
    if st.content_day is not None and st.content_day[0] == c.sentence.para:
        return st.content_day[1]
    return None


def _last_mentioned(st: _State, before: int) -> str | None:
    """The date the text named last before ``before``: what "the same day", "at the time" or
    "the following day" point back to -- the occasion just told, whoever's it was."""
    i = bisect_left(st.starts, before)
    for x in reversed(st.exprs[max(0, i - 8) : i]):
        if before - x.end > _LOOKBACK:
            break
        if x.kind in ("day", "month") and x.value:
            return x.value
    return None


def _remember(c: Claim, chosen: DateExpr | None, st: _State) -> None:
    if c.actor is None:
        return
    st.occasion[c.actor.key] = c.date
    if chosen is not None and chosen.kind == "vague":
        st.vague.add(c.actor.key)
    elif c.date is not None:
        st.vague.discard(c.actor.key)
    if chosen is not None and chosen.kind != "vague" and c.date is not None:
        st.para_date = (c.sentence.para, c.date)
        st.scene = None
        if len(c.date) == 10 and (st.news_day is None or c.date >= st.news_day):
            st.set_news_day(c.date)
        elif len(c.date) == 10:  # an earlier day: a flashback for the next paragraph, not the report's day
            st.flashback = (c.sentence.para, c.date)
    if c.actor.kind == "person":
        st.last_person = c.actor.key
        st.names[_surname(c.actor.name)] = c.actor.key


def _continued(c: Claim, done: list[Claim], st: _State) -> str | None:
    key = c.actor.key if c.actor else ""
    own = [o for o in done if not o.continuation and o.actor is not None and o.actor.key == key]
    # a quote's own attribution: in its sentence, else the nearest one after it ("'...,' he said on Friday")
    own.sort(key=lambda o: (o.sentence.start != c.sentence.start, o.sentence.start < c.sentence.start))
    for o in own:
        return o.date
    return st.occasion.get(key, c.date)


def _observe(
    text: str, sent: Sentence | None, st: _State, published: date | None,
    span: tuple[int, int] | None = None, person: bool = True,
) -> None:  # fmt: skip
    """A sentence nobody is said to say: a dated scene, or a person's dated occasion."""
    if sent is not None:
        span = (sent.start, sent.end)
    s, e = span or (0, 0)
    exprs = sentence_exprs(text, s, e, st.within, cut=person)
    chosen = pick([x for x in exprs if x.kind in ("day", "month")], text)
    if chosen is None:
        return
    if sent is not None:
        head = text[s : s + 80]
        who = st.last_person if _PRONOUN_START.match(head) else None
        if who is None:
            first = head.split()[:6]
            who = next((k for sn, k in st.names.items() if sn and any(w.startswith(sn) for w in first)), None)
        if who is not None:
            st.occasion[who] = chosen.value
        st.para_date = (sent.para, chosen.value)
    if chosen.kind == "day" and _recent(chosen.value, published):
        st.scene = chosen.value
        st.set_news_day(chosen.value)


def _content_day(text: str, c: Claim, st: _State, published: date | None) -> None:
    """A recent day told inside a claim ("..., changed course on Saturday"): the paragraph's day, last resort."""
    for cs, ce in c.content[:1]:
        days = [x for x in sentence_exprs(text, cs, ce, st.within, cut=False) if x.kind == "day"]
        if days and _recent(days[0].value, published):
            st.content_day = (c.sentence.para, days[0].value)


def _backfill(text: str, sent: Sentence, st: _State, history: list[Claim], published: date | None) -> None:
    """'He said this at a press conference on Friday': the date of the quote just before."""
    exprs = [x for x in sentence_exprs(text, sent.start, sent.end, st.within) if x.kind in ("day", "month")]
    chosen = pick(exprs, text)
    if chosen is None:
        return
    key = None
    para = sent.para
    for c in reversed(history):
        if c.actor is None or (key is not None and c.actor.key != key) or c.sentence.para < para - 1:
            break
        if id(c) in st.explicit:
            break
        key = c.actor.key
        c.date = chosen.value
    if key is not None:
        st.occasion[key] = chosen.value
