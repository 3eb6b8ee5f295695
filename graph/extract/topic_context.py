"""The topic a clause takes from its context: the question, the sentence before, an antecedent.

Why: speakers answer. "Asked whether Kyiv would accept the plan, she said: 'Not like
this.'"; "People abroad ask why we don't just negotiate. With whom?"; "There is a decree
forbidding them. Until it is cancelled, there is nothing to discuss." The clause holds a
stance cue but no word for talks, because the topic was set a sentence earlier. Reading
every clause as if it were about talks would turn any negative sentence into a refusal,
so the context is kept strict:

- it is the speaker's own sentence outside the quote (the question put, the sentence that
  introduces the quote) or the one sentence before, and it must name negotiations
  (sg:topicPattern);
- what the context licenses is (1) the bare answers of ``sg:contextPattern`` and the
  paraphrase cues of ``sg:weakPattern``, and (2) a referring "it" read as the object of
  negotiation named there (``sg:antecedentPattern``): the clause is read again with the
  pronoun replaced ("cancel it first" -> "cancel the decree first"), so the topic and the
  conditions follow from the antecedent through the ordinary lexicon (the decree ->
  talks-ban-lifted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from stancegraph.graph.extract.lexicon import lexicon
from stancegraph.graph.extract.memo import cached
from stancegraph.graph.extract.text import Sentence


@dataclass(frozen=True)
class Context:
    """What a claim's clauses take from around them."""

    antecedent: str | None  # "the decree": the object of negotiation a later "it" stands for


#: a referring "it": an object ("cancel it first", "go along with it", "reject it") or the subject
#: of a passive ("until it is cancelled"); not the expletive of "it is time", "it was Kyiv that"
_IT = re.compile(
    r"(?<![\w’'-])it(?=\s*(?:[,.;:!?”\"’]|$|\s+(?:first|done|through|up|down|off|out|now|again|either|too|as|and|or|but|"
    r"if|when|until|before|because|unless|with|at|in|on|for|to|is\s+(?:\w+ed|signed|lifted|withdrawn|done)|"
    r"was\s+(?:\w+ed|signed|lifted|withdrawn)|(?:has|had)\s+been|be\s+\w+ed)\b))",
    re.IGNORECASE,
)
#: "it" that is the subject of a copula with a predicate adjective or a cleft is no reference
_EXPLETIVE = re.compile(r"^\s+(?:is|was|'s|’s)\s+(?:time|clear|possible|impossible|up\s+to|not\s+us)\b", re.IGNORECASE)


def context_of(
    text: str, sentence: Sentence, content: list[tuple[int, int]], before: Sentence | None
) -> Context | None:
    """The context of a claim: its own sentence outside the content (the question put, the frame that
    introduces the quote) and the sentence before; None unless one of them is about negotiations."""
    content, question = answer(text, content)
    first = min((s for s, _ in content), default=sentence.start)
    spans = [(sentence.start, first)] if question is None else [question]
    if before is not None and before.end <= sentence.start:
        spans.insert(0, (before.start, before.end))
    found: Context | None = None
    for s, e in spans:
        here = _about_talks(text[s:e])
        if here is not None:
            found = here if here.antecedent or found is None else Context(found.antecedent)
    return found


#: a question put to the speaker, fronted: "Asked whether Kyiv would accept the plan, she said ..."
_QUESTION = re.compile(
    r"\W*(?:when\s+|after\s+being\s+|on\s+being\s+)?asked\s+(?:[\w’'-]+\s+){0,4}?(?:whether|if|about|what|how|why)\b",
    re.IGNORECASE,
)


def answer(text: str, content: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """The content without a fronted question put to the speaker, and the question's span: the
    question is the context of the answer, not part of what the speaker says."""
    if len(content) > 1 and _QUESTION.match(text, content[0][0], content[0][1]):
        return content[1:], content[0]
    return content, None


def next_clause(clause: str, context: Context | None) -> Context | None:
    """The context of the next clause of the same claim: the topic stays (or this clause sets it); the
    antecedent is what this clause names, none if it names none (another object may have come between)."""
    here = _about_talks(clause)
    if here is not None:
        return here
    return Context(None) if context is not None else None


# memo key: anything the step reads must be in the key (guard: tests/test_extract_memo_guard.py)
@cached(maxsize=8192)
def _about_talks(piece: str) -> Context | None:
    """A context when the piece names negotiations or an object of them, with its last such object.

    Memoized by the piece (syndicated copies repeat sentences): it reads nothing else but the
    lexicon, loaded once per process, and its answer is immutable (a frozen Context, or None)."""
    lex = lexicon()
    objects = _objects()
    last = None
    # every object match holds an antecedent match: without one (nearly always) the slow
    # determiner-led scan cannot find anything
    if objects is not None and lex.antecedents is not None and lex.antecedents.search(piece) is not None:
        for m in objects.finditer(piece):
            last = m
    if last is not None:
        return Context(last.group("obj").lower())
    words = lex.context_topic
    return Context(None) if words is not None and words.search(piece) else None


#: an object of negotiation is a noun phrase: "Zelensky's decree", "the plan", "a deal" (not "we offer")
_DETERMINER = r"(?:the|a|an|this|that|its|his|her|their|our|your|any|no|[\w’'-]+[’']s)\s+(?:[\w-]+\s+){0,3}?"


@lru_cache(maxsize=1)
def _objects() -> re.Pattern[str] | None:
    """The antecedents (sg:antecedentPattern) after a determiner."""
    rx = lexicon().antecedents
    return re.compile(rf"\b{_DETERMINER}(?P<obj>{rx.pattern})", re.IGNORECASE) if rx is not None else None


def resolved(clause: str, context: Context | None) -> str | None:
    """The clause with its first referring "it" replaced by the context's antecedent, if both exist."""
    if context is None or context.antecedent is None:
        return None
    for m in _IT.finditer(clause):
        if _EXPLETIVE.match(clause, m.end()):
            continue
        return f"{clause[: m.start()]}the {context.antecedent}{clause[m.end() :]}"
    return None
