"""Paragraphs, sentences and quotations inside an article's body regions.

Why offsets everywhere: evidence must satisfy ``article.text[start:end] == text``, so
nothing here copies or rewrites text; paragraphs, sentences and quotations are spans
of the unchanged article text, restricted to ``article.body_regions`` (page furniture
such as menus and "related posts" lists is never read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stancegraph.graph.extract.memo import Memo
from stancegraph.graph.records import Article

# patterns of the hot paths, compiled once
_ON_X_END = re.compile(r"\b(?:on|via|platform|network)\s+X\W*$")

_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "prof", "gov", "sen", "rep", "jr", "sr",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc",
    "u.s", "u.k", "u.n", "e.u", "inc", "co", "corp", "ltd", "approx", "est", "fig", "mt", "ft", "gov't",
}  # fmt: skip
_BOUNDARY = re.compile(r"[.!?…]+[\"”’']*(?=\s+[\"“‘'(\[]?[A-Z0-9À-Ý])|[\"”][.!?](?=\s+[\"“‘]?[A-Z0-9])")
_TAIL_TOKEN = re.compile(r"([\w.'’]+)[.!?…]*[\"”’']*$")
_TAIL_CHARS = "_.'’!?…\"”"  # with the word characters, every character _TAIL_TOKEN can match
_CLOSERS = tuple('.!?…"”’:)')
#: list markers of newsletters and channel roundups: typographic bullets, dashes, numbers, and the
#: emoji markers of Telegram digests ("▪️", "🔹", "➡️"; U+FE0F is the emoji presentation selector)
_BULLET = re.compile(r"\s*(?:[•●▪■◾◼◦‣⁃►▶→➡🔹🔸🔺🔻📌✅·*\-–—]\ufe0f?|\d{1,2}[.)])\s+")
#: a run-in label ("Details: ", "What the West says: ") -- but "Quote from X:" and "Peskov said:" attribute
_LABEL = re.compile(
    r"(?!Quote\b|Quoting\b|In the words\b)(?!(?!What\b|Why\b|How\b|Where\b)[^:\n]{0,50}\b(?:said|says|told|tells|"
    r"wrote|writes|added|adds|stated|"
    r"declared|posted|tweeted|insisted|stressed|warned|noted)\b)[A-Z][^:.!?“\"\n]{0,50}:\s+(?=[A-Z“\"‘])"
)
_DATELINE = re.compile(
    r"^[\W\d]*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Updated|Published|Posted)[,:]?\s*)?"
    r"(?:\d{1,2}\s+\w+\s+\d{4}|\w+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})[\s,]*(?:\d{1,2}:\d{2}(?:\s*[AP]M)?)?"
    r"(?:\s*\w{2,4})?\s*$",
    re.IGNORECASE,
)
_CREDIT = re.compile(r"\([^()]*/[^()]*\)\s*$|^(?:Photo|Image|Credit|Caption)\b|\bGetty Images\b")
_QUOTE_MARKS_DOUBLE = ("“", "”", '"', "«", "»", "„")


@dataclass
class Sentence:
    start: int
    end: int
    para: int
    index: int  # position in the article's sentence list
    quoted: bool = False  # begins inside a quotation or with one


@dataclass
class Paragraph:
    index: int
    start: int
    end: int
    kind: str  # "prose", "heading", "dateline", "caption"
    lead: bool = False
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)


def normalized(text: str) -> str:
    """The text with double quotation marks blanked (same length), for cue matching."""
    # str.replace per mark: several times faster than str.translate with a mapping, same result
    for mark in _QUOTE_MARKS_DOUBLE:
        if mark in text:
            text = text.replace(mark, " ")
    return text


_QUOTE_MARKS = re.compile('[“«„”»"‘’]')


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotations in ``text[start:end]`` (an unclosed one runs to the end)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    single_at: int | None = None
    for q in _QUOTE_MARKS.finditer(text, start, end):  # every other character leaves the state as it is
        i = q.start()
        ch = q.group()
        if ch in "“«„":
            if open_at is None:
                open_at = i
            elif i > open_at + 1 and (i + 1 >= end or not text[i + 1].isalnum()):
                spans.append((open_at, i + 1))  # a typo'd closing mark
                open_at = None
        elif ch in "”»":
            if open_at is not None:
                spans.append((open_at, i + 1))
                open_at = None
        elif ch == '"':
            if open_at is None:
                open_at = i
            else:
                spans.append((open_at, i + 1))
                open_at = None
        elif ch == "‘" and open_at is None and (i == start or not text[i - 1].isalnum()):
            single_at = i
        elif ch == "’" and single_at is not None and (i + 1 >= end or not text[i + 1].isalpha()):
            spans.append((single_at, i + 1))
            single_at = None
    if open_at is not None:
        spans.append((open_at, end))
    elif single_at is not None:
        spans.append((single_at, end))
    return spans


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    s = start
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.end()
        # the token before the boundary: only the run of word/stop/quote characters that ends
        # there can hold it, so the (end-anchored) search reads that run, not the whole sentence
        r = cut
        while r > s and (text[r - 1].isalnum() or text[r - 1] in _TAIL_CHARS):
            r -= 1
        word = _TAIL_TOKEN.search(text[r:cut])
        token = word.group(1).lower().rstrip(".") if word else ""
        platform = _ON_X_END.search(text[s:cut]) is not None
        if token in _ABBREV or (len(token) == 1 and token.isalpha() and not platform):
            continue  # "U.S.", "Donald J. Trump" -- but "in a post on X." ends a sentence
        out.append((s, cut))
        s = cut
        while s < end and text[s].isspace():
            s += 1
    if s < end and text[s:end].strip():
        out.append((s, end))
    return out


def _kind(line: str, next_line: str | None) -> str:
    stripped = line.strip()
    if _DATELINE.match(stripped):
        return "dateline"
    if _CREDIT.search(stripped) or (next_line is not None and next_line.strip().startswith(stripped)):
        return "caption"
    words = stripped.split()
    if not stripped.endswith(_CLOSERS) and len(words) < 25:  # (stripped: no trailing space)
        return "heading"
    if len(words) < 4:
        return "heading"
    return "prose"


def paragraphs(article: Article) -> list[Paragraph]:
    """The body paragraphs with their sentences and quotations; the first prose one is the lead."""
    text = article.text
    regions: list[tuple[int, int]] = []
    for rs, re_ in article.body_regions:  # a region holding several lines is several paragraphs
        pos = rs
        for line in text[rs:re_].split("\n"):
            ls, le = pos, pos + len(line)
            pos = le + 1
            while ls < le and text[ls].isspace():
                ls += 1
            while le > ls and text[le - 1].isspace():
                le -= 1
            if le > ls:
                regions.append((ls, le))
    out: list[Paragraph] = []
    n_sent = 0
    lead_seen = False
    for i, (s, e) in enumerate(regions):
        nxt = text[regions[i + 1][0] : regions[i + 1][1]] if i + 1 < len(regions) else None
        kind, body, quotes, sentences = _layout(text, s, e, nxt)
        para = Paragraph(len(out), s + body, e, kind)
        if kind == "prose":
            para.lead = not lead_seen
            lead_seen = True
            para.quotes = [(qs + s, qe + s) for qs, qe in quotes]
            for ss, se, quoted in sentences:
                para.sentences.append(Sentence(ss + s, se + s, para.index, n_sent, quoted))
                n_sent += 1
        out.append(para)
    return out


_Layout = tuple[str, int, tuple[tuple[int, int], ...], tuple[tuple[int, int, bool], ...]]
#: paragraph layouts by (line, whether the next line starts with it); offsets relative to the line
_LAYOUTS: Memo[_Layout] = Memo(8192)


def _layout(text: str, s: int, e: int, nxt: str | None) -> _Layout:
    """Of the line ``text[s:e]``: its kind, where its body starts past a bullet or label, and, for
    prose, its quotations and sentences (with whether each is quoted); offsets relative to ``s``.

    Memoized (syndicated copies repeat paragraphs). It reads only ``text[s:e]`` -- every regex
    runs with ``pos``/``endpos`` inside the line or on a slice of it, and ``quote_spans`` and
    ``_split_sentences`` look at no character outside ``[start, end)`` -- and, of the next
    line, only whether it starts with this one (``_kind``): the key is those two. (The one
    assertion that could look before ``s``, the ``\\b`` in ``_LABEL``'s second lookahead, is
    before a lower-case verb at ``s`` itself, where ``[A-Z]`` must match: it never decides.)"""
    line = text[s:e]
    # memo key: anything the step reads must be in the key (guard: tests/test_extract_memo_guard.py)
    key = (line, nxt is not None and nxt.strip().startswith(line.strip()))
    got = _LAYOUTS.get(key)
    if got is not None:
        return got
    kind = _kind(line, nxt)
    bullet = _BULLET.match(text, s, e) or _LABEL.match(text, s, e)
    body = bullet.end() if bullet else s
    quotes: list[tuple[int, int]] = []
    sentences: list[tuple[int, int, bool]] = []
    if kind == "prose":
        quotes = quote_spans(text, body, e)
        for ss, se in _split_sentences(text, body, e):
            quoted = any(qs <= ss < qe for qs, qe in quotes) or text[ss] in '“"‘«'
            sentences.append((ss - s, se - s, quoted))
    got = (kind, body - s, tuple((qs - s, qe - s) for qs, qe in quotes), tuple(sentences))
    _LAYOUTS.put(key, got)
    return got


#: Ukrainska Pravda style: "Source: Ramaphosa at the press conference" above "Quote: "..."" paragraphs
_SOURCE_LINE = re.compile(r"^[ \t]*Source:[ \t]*(?P<body>[^\n;]+)", re.MULTILINE)
_SOURCE_LEAD = re.compile(r"^(?:(?:a\s+|the\s+)?(?:joint\s+)?(?:statement|comments?|remarks|post)\s+(?:by|of|from)\s+)")
_QUOTE_LABEL = re.compile(r"[ \t]*Quote:[ \t]*(?=[“\"])")


def quote_label_source(text: str, start: int) -> tuple[int, int] | None:
    """For a paragraph opening "Quote: "..."", the span of who the last "Source:" line names.

    Why: the outlet puts the speaker on a line of its own and the words on another; the quote
    belongs to the source named last before it ("RIA Novosti, citing Peskov" -> Peskov; "Marchuk
    on the national telethon" -> Marchuk)."""
    if not _QUOTE_LABEL.match(text, start):
        return None
    last = None
    for m in _SOURCE_LINE.finditer(text, 0, start):
        last = m
    if last is None:
        return None
    s, body = last.start("body"), last.group("body")
    cite = re.search(r"\bciting\s+", body)
    if cite:
        s, body = s + cite.end(), body[cite.end() :]
    lead = _SOURCE_LEAD.match(body)
    if lead:
        s, body = s + lead.end(), body[lead.end() :]
    end = re.search(r",|\s+(?:at|on|in|during|after|before|following|who|via)\s", body)
    body = body[: end.start()] if end else body.rstrip(" .")
    return (s, s + len(body)) if body.strip() else None


def complement(start: int, end: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of [start, end) outside ``spans`` (a claim's frame: the sentence less what is said)."""
    out, pos = [], start
    for s, e in sorted(spans):
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    if pos < end:
        out.append((pos, end))
    return out
