"""Interviews in question-and-answer form: the answers are the interviewee's words.

Why a separate pass: a Q/A transcript has no speech verbs at all ("A: We will negotiate
only on the basis of the formula"), and the questions often quote other parties ("Q:
Moscow says it is open to dialogue") without those being statements of the article. So
in an article whose paragraphs carry Q/A labels, question paragraphs yield nothing and
every sentence of an answer paragraph is the interviewee's.

The interviewee is the person the article says it interviews ("an interview with X",
"the agency spoke to X"; "She spoke to us" names no one and falls through) or, failing
that, the first person introduced in the prose before the first answer.
"""

from __future__ import annotations

import re
from datetime import date

from stancegraph.graph.extract.actors import Actor, ActorContext, interpret
from stancegraph.graph.extract.dates import best, find_dates
from stancegraph.graph.extract.text import Paragraph

# patterns of the hot paths, compiled once
_QA_LABEL = re.compile(r"\s*(Q|A|Question|Answer)(?:\s*\([^()\n]{0,160}\))?\s*[:.\-–—]\s+")
#: a transcript's speaker label: "Vladimir Putin: ...", "Moderator: ...", "Question (a reporter): ..."
_SPEAKER_LABEL = re.compile(r"\s*((?:[A-ZÀ-Þ][\w’'.-]*\s+){0,3}[A-ZÀ-Þ][\w’'.-]*)(?:\s*\([^()\n]{0,160}\))?\s*:\s+")
_PAREN = re.compile(r"\s*\([^()]*\)\s*")

_Q = re.compile(
    r"^(?:Q|Question|Interviewer|Moderator|Host|Presenter|Anchor|Journalist|Reporter|Correspondent)\s*[:.\-–—]?$",
    re.IGNORECASE,
)
_A = re.compile(r"^(?:A|Answer)\s*[:.\-–—]?$", re.IGNORECASE)
_WITH = re.compile(
    r"\b(?:(?:interview|conversation|Q&A|talk)\s+with|(?:spoke|talked|speaks|talks)\s+(?:to|with)|interviewed)"
    r"\s+(?P<np>(?:[A-Z][\w’'.-]* ){0,4}[A-Z][\w’'.-]*)",
)
_NAME_FIRST = re.compile(r"\s*(?P<np>(?:[A-Z][\w’'.-]* ){1,3}[A-Z][\w’'.-]*)\s*(?:,|\s+is\b|\s+was\b|\s+has\b)")


def _head(text: str, para: Paragraph) -> str:
    """The run-in label of a paragraph, without its parenthetical ("Question (a reporter):" -> "Question")."""
    line_start = text.rfind("\n", 0, para.start) + 1
    head = text[line_start : para.start].strip()
    if not head:
        m = _QA_LABEL.match(text, para.start, para.end) or _SPEAKER_LABEL.match(text, para.start, para.end)
        head = m.group(1) if m else ""
    return _PAREN.sub(" ", head).strip(" :")


def _named(head: str) -> str | None:
    """A speaker label that is a person's name ("Vladimir Putin"), the answering side of a transcript."""
    if not head or _Q.match(head) or _A.match(head) or len(head.split()) < 2:
        return None
    actor = interpret(head, ActorContext(when=None))
    return head if actor is not None and actor.kind == "person" else None


def label(text: str, para: Paragraph) -> str | None:
    """'q', 'a' or None: the run-in label of a paragraph ("Q:", "A:", "Question:", "Answer:"; in a
    transcript, "Moderator:" asks and a person's name answers)."""
    head = _head(text, para)
    if _Q.match(head):
        return "q"
    if _A.match(head) or _named(head):
        return "a"
    return None


def _answerers(text: str, paras: list[Paragraph]) -> set[str]:
    return {n for p in paras if p.kind == "prose" and (n := _named(_head(text, p)))}


def is_interview(text: str, paras: list[Paragraph]) -> bool:
    """At least two question and two answer paragraphs, and one person answering (a transcript
    with several named speakers is no interview of one guest)."""
    labels = [label(text, p) for p in paras if p.kind == "prose"]
    return labels.count("q") >= 2 and labels.count("a") >= 2 and len(_answerers(text, paras)) <= 1


def interviewee(text: str, paras: list[Paragraph], ctx: ActorContext) -> Actor | None:
    """Who answers: the person named in the answers' labels, or the person interviewed, from the
    title or the introduction."""
    for name in _answerers(text, paras):
        return interpret(name, ctx)
    first_answer = next((p.start for p in paras if p.kind == "prose" and label(text, p) == "a"), len(text))
    intro = text[:first_answer]
    for m in _WITH.finditer(intro):  # "an interview with X", "[the outlet] spoke to X"
        actor = interpret(m.group("np"), ctx)
        if actor is not None and actor.kind == "person":
            return actor
    for p in paras:
        if p.start >= first_answer:
            break
        if p.kind != "prose" or label(text, p) is not None:
            continue
        for s in p.sentences:
            n = _NAME_FIRST.match(text, s.start, s.end)
            if n:
                actor = interpret(n.group("np"), ctx)
                if actor is not None and actor.kind == "person":
                    return actor
    return None


#: the intro's sentence that tells when the interview took place
_OCCASION = re.compile(
    r"\b(?:(?:interview|conversation)\b[^.]{0,40}?\b(?:was|were)\s+(?:recorded|conducted|held|filmed|taped)|"
    r"(?:spoke|talked)\s+(?:to|with)|(?:conference|phone-in|briefing)\b[^.]{0,80}?\bheld)\b",
    re.IGNORECASE,
)


def interview_day(text: str, paras: list[Paragraph], published: date | None) -> str | None:
    """The day (or month) of the interview, from the intro ("The interview was recorded on
    Thursday", "She spoke to us on Friday"): the occasion of every answer."""
    first_answer = next((p.start for p in paras if p.kind == "prose" and label(text, p) == "a"), len(text))
    for p in paras:
        if p.start >= first_answer or p.kind != "prose":
            continue
        for s in p.sentences:
            if _OCCASION.search(text, s.start, s.end):
                when = best([x for x in find_dates(text[s.start : s.end], published) if x.kind in ("day", "month")])
                if when is not None:
                    return when.value
    return None
