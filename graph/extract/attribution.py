"""Attribution: who says each sentence, and which part of it is what they say.

Why rules over the sentence: English news reporting attributes speech with a small
grammar -- ``SUBJ (aux) VERB (frame) that CONTENT``, ``"QUOTE," VERB SUBJ``,
``CONTENT, SUBJ VERB``, ``According to SUBJ, CONTENT``, ``SUBJ, who VERB that``,
``presented by SUBJ`` -- plus quotations that run on over sentences and paragraphs.
speech_hits.py finds those shapes; this module resolves each to a speaker and cuts
the sentence into what is said and its frame. A :class:`Claim` keeps offsets only:
the *content* spans (what is said, where stance cues are sought) and the *frame*
(everything else, where the date of saying is sought).
Sentences that nobody is said to say are the author's, and yield no claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stancegraph.graph.extract.actors import Actor, ActorContext, gazetteer, interpret
from stancegraph.graph.extract.relay import SIDE, mouthpiece, relays, voiced
from stancegraph.graph.extract.speech_hits import Hit, sentence_hits
from stancegraph.graph.extract.subject_np import FINITE as _FINITE
from stancegraph.graph.extract.subject_np import is_dateline, parenthetical
from stancegraph.graph.extract.subject_np import strip_span as _strip_span
from stancegraph.graph.extract.subjects import BARE_SOURCES, described_person, named_sources, title_anaphor
from stancegraph.graph.extract.subjects import FRONTED as _FRONTED
from stancegraph.graph.extract.subjects import PRONOUNS as _PRONOUNS
from stancegraph.graph.extract.subjects import anaphor as _anaphor
from stancegraph.graph.extract.text import Paragraph, Sentence, complement
from stancegraph.graph.extract.verbs import _INCLUDE_VERB, _NEGATING, _PRESENT, _TELL

# patterns of the hot paths, compiled once
_HAS_HAVE = re.compile(r"\b(?:has|have)\b")
_CONTENT_DELIMITER = re.compile(r"\s+that\s+|[,:;]\s*|\s(?=(?:he|she|they|it|we|I|there)\s)|\s*[“\"‘](?=\w)")
_THAT_OR_PUNCT = re.compile(r"\s*(?:that\s+|:\s*|,\s*)?")

_FRAME_START = re.compile(
    r"\s*(?:in|on|at|during|via|through|after|before|from|over|while|when|last|this|earlier|later|yesterday|"
    r"today|tonight|again|also|repeatedly|previously|afterwards|separately|publicly|recently|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|as\s+well)\b"
)
_EXTENSION = re.compile(r"\s*,\s*(?:and\s+)?(?:\w+ing|adding|saying|noting|stressing)\s+(?:that\s+)?")


#: "dismissed the offer" is a refusal, the verb's own content; "denied that ..." negates what follows
_HAS_OBJECT = re.compile(
    r"\s+(?:the|this|that|these|his|her|their|its|any|all|such)?\s*(?:[\w’'-]+\s+){0,3}?(?:offer|offers|proposals?|"
    r"plans?|idea|ideas|initiative|ultimatums?|demands?|terms|formula|conditions|calls?|invitation|talks|negotiations)\b"
)


@dataclass
class Claim:
    """An attributed piece of a sentence: who, what (content spans), and the frame around it."""

    actor: Actor | None
    sentence: Sentence
    content: list[tuple[int, int]]
    frame: list[tuple[int, int]]
    method: str
    verb: str = ""
    pronoun: str | None = None
    tense: str = "past"  # past, present, perfect
    negated: bool = False
    continuation: bool = False
    relay: bool = False  # an anonymous source relaying what another party does
    date: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


def _tense(verb: str, aux: str) -> str:
    if _HAS_HAVE.search(aux):
        return "perfect"
    first = verb.split()[0]
    if _PRESENT.match(first) or first in ("is", "are"):
        return "present"
    return "past"


def _content_start(text: str, pos: int, end: int, verb: str) -> int:
    """Where what is said starts after the verb: past a frame ("on Sunday, in an interview") and "that"."""
    if _TELL.match(verb):
        obj = re.match(
            r"\s+(?:the\s+)?[^,.;:“\"]{1,40}?(?=\s+(?:in|on|at|during|that|after|before|about|when)\b|[,.;:“\"]|$)",
            text[pos:end],
        )
        if obj:
            pos += obj.end()
    r = text[pos:end]
    if _FRAME_START.match(r):
        d = _CONTENT_DELIMITER.search(r)
        if d is None:
            return end
        if d.group().strip() in ("“", '"', "‘", ""):
            return pos + d.start()
        return pos + d.end()
    m = _THAT_OR_PUNCT.match(r)
    return pos + (m.end() if m else 0)


def _relays(text: str, h: Hit, ctx: ActorContext) -> bool:
    return relays(text[h.verb[0] : h.verb[1]], text[h.np[0] : h.np[1]], h.aux, h.desc, ctx)


def _is_person(actor: Actor | None) -> bool:
    return actor is not None and actor.kind == "person"


#: a person's own mouthpiece, named through the person ("his spokesman", "her office")
_PRINCIPALS_VOICE = re.compile(
    r"^(?:his|her)\s+(?:spokes(?:man|woman|person)|press\s+secretary|press\s+service|office)$", re.IGNORECASE
)

#: a named person's office ("Zelensky's office said in a statement ..."): the office issues the person's
#: statement, which is the person's (as a readout relayed by a spokesman is the leader's)
_PERSONS_OFFICE = re.compile(
    r"^(?P<owner>[A-ZÀ-Þ][\w’'\-]+(?:\s+[A-ZÀ-Þ][\w’'\-]+){0,2})[’']s?\s+(?:press\s+)?(?:office|service)$"
)

#: "China published a plan ..., but Ukraine's allies said ...": a clause joined by a conjunction before the
#: subject is the author's (or another's), not content that the subject's verb postposes
_COORDINATED_END = re.compile(r"(?:[,;]\s*|\s)(?:but|while|whereas|although|though|and|yet)\s*$|;\s*$")

#: "In his view, ...": the possessor is the pronoun's referent
_POSSESSIVE = {"his": "he", "her": "she", "their": "they"}


def _speaker(
    text: str, h: Hit, ctx: ActorContext, resolve_pronoun: object, sent_start: int = 0
) -> tuple[Actor | None, str | None]:
    """The actor a hit's noun phrase names, and the pronoun or anaphor it was resolved from."""
    np_text = text[h.np[0] : h.np[1]]
    pron = _POSSESSIVE.get(np_text.strip().lower(), np_text.strip().lower())
    anaphor = _anaphor(np_text)
    if pron == "it" and h.kind == "subject-verb" and parenthetical(text, h.verb[1], len(text)):
        # "Kyiv, it said, remained ready": the organisation that spoke last (rules:parenthetical)
        return (resolve_pronoun("its") if callable(resolve_pronoun) else None), "its"
    described = described_person(np_text)
    if pron in _PRONOUNS or anaphor:
        pronoun = anaphor or pron
        got = resolve_pronoun(pronoun) if callable(resolve_pronoun) else None
        if got is None and described and callable(resolve_pronoun):
            # "the diplomat noted" with no source quoted before: the person the description varies on
            return resolve_pronoun(described), described
        return got, pronoun
    if _PRINCIPALS_VOICE.match(np_text.strip()):
        # "X welcomed the outcome and urged ..., his spokesman said": the spokesman voices X, the
        # person the sentence names before, else the last person named
        g = gazetteer()
        named = [eid for _s, _e, eid in g.find(text[sent_start : h.np[0]]) if g.entries[eid].kind == "person"]
        if named:
            return g.actor(named[-1], ctx.when), None
        return (resolve_pronoun("he") if callable(resolve_pronoun) else None), "he"
    office = _PERSONS_OFFICE.match(np_text.strip())
    if office:
        owner = interpret(office.group("owner"), ctx)
        if _is_person(owner):
            return owner, None
    bare = BARE_SOURCES.match(np_text.strip())
    if bare:
        back = named_sources(text[sent_start : h.np[0]], bare.group("head"), ctx)
        if back is None and callable(resolve_pronoun):
            back = resolve_pronoun("same:" + bare.group("head").lower())
        if back is not None:
            return back, None
    side = SIDE.match(np_text.strip())
    if side and (h.kind == "relayed" or h.under):
        np_text = f"the {side.group('adj').capitalize()} delegation"
    actor = interpret(np_text, ctx, h.desc)
    # "Lukashenko hosted ... The dictator said": a gazetteer description of someone the article never
    # names yields to a fitting person it did name
    if (
        described
        and callable(resolve_pronoun)
        and actor is not None
        and actor.kind == "person"
        and actor.key not in ctx.mentioned
        and (back := resolve_pronoun(described)) is not None
    ):
        return back, described
    if described and callable(resolve_pronoun) and (actor is None or actor.kind == "anonymous"):
        # "The veteran diplomat said": elegant variation on a person named before -- unless a source
        # so described was quoted before ("a Russian diplomat said ... the Russian diplomat added")
        head = described.partition("@")[0].removeprefix("title:~")
        earlier = resolve_pronoun("same:" + head) if actor is not None else None
        back = None if earlier is not None else resolve_pronoun(described)
        if back is not None:
            return back, described
    title = title_anaphor(np_text) if actor is None else None
    if title and callable(resolve_pronoun):
        return resolve_pronoun(title), title
    return actor, None


#: the clause subject after a fronted "According to X," whose verb follows or is quoted
_PRINCIPAL = re.compile(
    r"\s*,\s*(?P<np>(?:the\s+)?(?:[A-ZÀ-Þ][\w’'-]*\s+){0,3}?[\w’'-]+)\s+(?=[“\"]|(?:has\s+|had\s+)?[a-z]+ed\b)"
)


def _principal_after(
    text: str, pos: int, end: int, ctx: ActorContext, resolve_pronoun: object, channel: Actor
) -> Actor | None:
    """The person a spokesperson's readout is about, named as the subject after the channel."""
    m = _PRINCIPAL.match(text, pos, end)
    if m is None:
        return None
    np = m.group("np")
    title = title_anaphor(np)
    got = resolve_pronoun(title) if title and callable(resolve_pronoun) else interpret(np, ctx)
    return got if _is_person(got) and got is not None and got.key != channel.key else None


def claims_in_sentence(
    text: str, sent: Sentence, para: Paragraph, ctx: ActorContext, resolve_pronoun: object
) -> list[Claim]:
    """The claims made in one sentence (possibly none: author text)."""
    quotes = para.quotes
    hits = sentence_hits(text, sent, quotes)  # memoized find_hits
    # a relayed report whose original speaker is unknown stays the reporter's
    hits = [h for h in hits if h.kind != "relayed" or interpret(text[h.np[0] : h.np[1]], ctx, h.desc) is not None]
    out: list[Claim] = []
    under = [h for h in hits if h.under]
    if under:
        # "According to the government, the chancellor urged ...": a person speaking through a
        # channel is the speaker (rules:source-channel); otherwise the channel's report stands
        people = [h for h in under if _is_person(_speaker(text, h, ctx, resolve_pronoun)[0]) or _relays(text, h, ctx)]
        hits = [h for h in hits if (h in people if h.under else not (people and h.kind == "according-to"))]
        for h in hits:
            if h.under and _relays(text, h, ctx):
                h.kind = "relayed"
    for i, h in enumerate(hits):
        actor, pronoun = _speaker(text, h, ctx, resolve_pronoun, sent.start)
        if h.inner and voiced(actor, got := _speaker(text, h.inner, ctx, resolve_pronoun, sent.start)[0]):
            actor, pronoun = got, None  # "X said ..., the Kremlin said": X speaks (rules:source-channel)
        if h.kind == "according-to" and actor is not None and mouthpiece(actor):
            # "According to the government spokesperson, the chancellor "urged ..."": the readout is
            # the principal's (rules:source-channel)
            actor = _principal_after(text, h.np[1], sent.end, ctx, resolve_pronoun, actor) or actor
        if actor is None:
            continue
        nxt = hits[i + 1].np[0] if i + 1 < len(hits) else sent.end
        content: list[tuple[int, int]] = []
        vs, ve = h.verb
        verb = text[vs:ve]
        if h.kind in ("subject-verb", "relative-who", "relayed", "document"):
            pre_s, pre_e = _strip_span(text, sent.start if i == 0 else hits[i - 1].verb[1], h.np[0])
            if (
                i == 0
                and h.kind == "subject-verb"
                and pre_e > pre_s
                and not _is_adverbial(text[pre_s:pre_e])
                and not is_dateline(text[pre_s:pre_e] + " -")
                and not _COORDINATED_END.search(text, pre_s, h.np[0])
            ):
                content.append((pre_s, pre_e))
            cs = vs if _INCLUDE_VERB.match(verb) else _content_start(text, ve, nxt, verb)
            a, b = _strip_span(text, cs, nxt)
            if b > a:
                content.append((a, b))
        elif h.kind == "verb-subject":
            lb = sent.start if i == 0 else hits[i - 1].verb[1]
            a, b = _strip_span(text, lb, vs)
            if b > a:
                content.append((a, b))
            ext = _EXTENSION.match(text, h.np[1], sent.end)
            if ext:
                a, b = _strip_span(text, ext.end(), sent.end)
                content.append((a, b))
        elif h.kind in ("according-to", "passive-by"):
            pieces = [(sent.start, vs), (h.np[1], sent.end)]
            if h.kind == "passive-by":
                # the frame runs from the verb to the next comma ("presented by X in the summer,")
                comma = text.find(",", h.np[1], sent.end)
                pieces = [(sent.start, vs), (comma + 1 if comma >= 0 else sent.end, sent.end)]
                back = text.rfind(",", sent.start, vs)
                if back >= 0:
                    pieces[0] = (sent.start, back)
            for a, b in pieces:
                a, b = _strip_span(text, a, b)
                if b - a > 2:
                    content.append((a, b))
        elif h.kind in ("quote-from", "view-of"):
            a, b = _strip_span(text, h.verb[1], sent.end)
            content.append((a, b))
        content = [(a, b) for a, b in content if b > a]
        if not content and not _INTRODUCES.match(text, ve, sent.end):
            continue  # (a verb that opens a quotation to come, "Asked about Crimea, he said:", stays a claim)
        frame = complement(sent.start, sent.end, content)
        out.append(
            Claim(
                actor=actor,
                sentence=sent,
                content=content,
                frame=frame,
                method=h.kind,
                verb=verb,
                pronoun=pronoun,
                tense=_tense(verb, h.aux),
                negated=bool(_NEGATING.match(verb)) and not _HAS_OBJECT.match(text, ve),
            )
        )
    return out


#: "Asked whether Kyiv would cede land, X said ...": the finite verb of the interviewer's question
#: belongs to the question, which frames the answer and is not its content
_ASKED_QUESTION = re.compile(
    r"^\s*(?:when\s+|after\s+being\s+|after\s+)?(?:asked|pressed|questioned|quizzed)\b[^,;]{0,60}?"
    r"\b(?:whether|if|how|what|when|why|who|which)\b.*$",
    re.IGNORECASE | re.DOTALL,
)


#: a verb of saying that ends its sentence with a colon: the quotation follows (the next paragraph)
_INTRODUCES = re.compile(r"\s*(?:on\s+\w+\s*)?:\s*$")


def _is_adverbial(text: str) -> bool:
    """A fronted adverbial ("On October 18, during a meeting with ...,", "Asked whether ...,") rather
    than content."""
    if not _FRONTED.match(text) or len(text.split()) > 20:
        return False
    return bool(_ASKED_QUESTION.match(text)) or not _FINITE.search(text)
