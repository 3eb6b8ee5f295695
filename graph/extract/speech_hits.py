"""The grammar of attribution: where a sentence names who says it, and with which verb.

Why a module of its own: the shapes English news uses to attribute speech --
``SUBJ (aux) VERB that ...``, ``"QUOTE," VERB SUBJ``, ``According to SUBJ, ...``,
``SUBJ, who VERB ...``, ``presented by SUBJ``, ``Quote from X:``, ``In X's view, ...`` --
are found here as :class:`Hit` spans (noun phrase, verb, kind); attribution.py turns
them into speakers and content spans.

Finding the hits reads only the sentence itself, the character before it and the
paragraph's quotations, while turning a hit into a claim reads the article's state (who was
named before, the pronouns). The first is therefore memoized by what it reads (syndicated
copies repeat sentences): :func:`sentence_hits`, which says why the key holds everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stancegraph.graph.extract import folding
from stancegraph.graph.extract.actors import ANON_HEADS
from stancegraph.graph.extract.documents import document_hits
from stancegraph.graph.extract.memo import Memo
from stancegraph.graph.extract.relay import relayed
from stancegraph.graph.extract.subject_np import clause_subject, coordinated_subject, parenthetical
from stancegraph.graph.extract.subject_np import strip_span as _strip_span
from stancegraph.graph.extract.subject_np import subject_left as _subject_left
from stancegraph.graph.extract.text import Sentence, quote_label_source
from stancegraph.graph.extract.verbs import _SAY_ONLY, _VERB_RE, speech_here

# patterns of the hot paths, compiled once
_COPULA_END = re.compile(r"\b(?:been|be|is|are|was|were|am)\s+$")
_WHO = re.compile(r"\bwho\b")
_CLOSING_END = re.compile(r"[,”\"’]\s*$")

#: "In the President's view, ...", "In the view of X, ...", "In his opinion, ...": a fronted holder of a view
_VIEW = re.compile(
    r"\s*In\s+(?:the\s+(?:view|opinion)\s+of\s+(?P<of>[^,“”\"]{2,60}?)|(?P<np>(?:the\s+)?[^,“”\"]{1,50}?)[’']s?"
    r"\s+(?:view|opinion|estimation|assessment)|(?P<pron>his|her|their|its)\s+(?:view|opinion))\s*,\s*"
)
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+")
_QUOTE_FROM = re.compile(r"\s*(?:Quote\s+from|Quoting|In\s+the\s+words\s+of)\s+(?P<np>[^:“\"]{2,80}):")
_PASSIVE = re.compile(
    r"\b(?:presented|put\s+forward|proposed|voiced|set\s+out|outlined|issued|expressed|stated|declared|demanded|"
    r"named|listed|announced|formulated|laid\s+out|made|advanced|floated|tabled)\s+by\s+"
)
_RIGHT_NP = re.compile(
    r"[^,.;:?!“”\"]{1,90}?(?=\s+(?:in|on|at|during|who|after|when|told|to|while|as|that|according|before|via|"
    r"from|late|earlier|last|this|yesterday|today)\b|[,.;:?!“”\"]|$)"
)
_APPOSITIVE_AFTER = re.compile(r",\s+(?P<desc>(?:an?|the)\s+[^,.;:“”\"]{3,100})")
_NAME_AFTER = re.compile(r"^,\s*(?P<name>(?:[A-ZÀ-Þ][\w’'\-]+\s+){0,3}[A-ZÀ-Þ][\w’'\-]+)\s*(?=[,.;]|$)")

_SOURCE_PP = re.compile(
    r"\s+(?:in|close\s+to|familiar\s+with|with\s+knowledge\s+of|inside|within|at|from)\s+(?:the\s+)?"
    r"(?:[A-Z][\w’'-]*\s+){0,3}[\w’'-]+(?=\s*[,.;:])"
)


#: the hits of a sentence, by what the scan reads (see sentence_hits); offsets relative to the sentence
_HITS: Memo[tuple[Hit, ...]] = Memo(8192)


#: a prepositional phrase read as a subject ("in a video posted on Telegram", "in a statement released
#: by his office"): the participle after it modifies its noun, so nobody is speaking there
_PP_PARTICIPLE = re.compile(
    r"(?:in|on|at|during|via|through|with|from|under)\s+(?:a|an|the|his|her|their|its)\b", re.IGNORECASE
)


def sentence_hits(text: str, sent: Sentence, quotes: list[tuple[int, int]]) -> list[Hit]:
    """The hits of ``text[sent.start:sent.end]`` in text order (fresh objects: callers change them).

    Memoized, because syndicated copies repeat sentences. Apart from the "Quote:" label (which
    reads the whole text before the sentence, and is looked up here first, unmemoized), the
    scan reads

    - ``text[s0:s1]`` (every regex runs with ``endpos = s1`` or on a slice inside the sentence);
    - ``text[s0 - 1]``, the one character before it: the ``\\b`` or ``(?<!\\w)`` that opens
      ``_ACCORDING``, ``_PASSIVE``, ``_VERB_RE``, ``_COORDINATED``, ``_ISSUED`` and
      ``_POSSESSED``, the ``(?<=\\s)`` that opens ``_LIST_HEAD`` and ``_GROUP_INCLUDING``
      (subject_np), and the "Russia-claimed" test on ``text[vs - 1]`` (no pattern has a wider
      lookbehind, and the only ``^`` -- ``_LIST_HEAD``'s and ``_GROUP_INCLUDING``'s, searched
      from inside the sentence -- matches at offset 0 of the text alone, which ``s0 > 0`` in
      the key tells);
    - the quotations, only through ``qs < pos < qe`` for positions ``s0 <= pos < s1`` and the
      ends ``s0 < qe <= vs < s1``: a quotation that ends by ``s0`` or starts at or after ``s1``
      plays no part, and one that starts before ``s0`` or ends after ``s1`` acts as one clipped
      to ``(s0 - 1, s1)``.

    The key is those, relative to ``s0`` (with whether ``s0 > 0``); offsets are stored relative
    to ``s0`` and shifted back."""
    s0, s1 = sent.start, sent.end
    if quote_label_source(text, s0) is not None:
        return find_hits(text, sent, quotes)
    clipped = tuple((max(qs, s0 - 1) - s0, min(qe, s1) - s0) for qs, qe in quotes if qe > s0 and qs < s1)
    # memo key: anything the step reads must be in the key (guard: tests/test_extract_memo_guard.py)
    key = (text[s0 - 1 : s1] if s0 > 0 else text[:s1], s0 > 0, clipped)
    kept = _HITS.get(key)
    if kept is None:
        kept = tuple(_shifted(h, -s0) for h in find_hits(text, sent, quotes))
        _HITS.put(key, kept)
    return [_shifted(h, s0) for h in kept]


def _shifted(h: Hit, d: int) -> Hit:
    """A copy of the hit with every offset moved by ``d``."""
    inner = _shifted(h.inner, d) if h.inner is not None else None
    return Hit((h.np[0] + d, h.np[1] + d), h.desc, (h.verb[0] + d, h.verb[1] + d), h.kind, h.aux, h.under, inner)


def _in_quote(pos: int, quotes: list[tuple[int, int]]) -> bool:
    return any(qs < pos < qe for qs, qe in quotes)


@dataclass
class Hit:
    """One attribution shape found in a sentence: the speaker's noun phrase, the verb, and the shape's kind."""

    np: tuple[int, int]
    desc: str | None
    verb: tuple[int, int]
    kind: str  # subject-verb, verb-subject, according-to, quote-from, view-of, relative-who, passive-by, relayed
    aux: str = ""
    under: bool = False  # a subject-verb after a fronted "According to X," (kept only for a person)
    inner: Hit | None = None  # the clause's own subject-verb before a postposed "..., the Kremlin said"


def find_hits(text: str, sent: Sentence, quotes: list[tuple[int, int]]) -> list[Hit]:
    """The attributions of one sentence, in text order (verbs inside quotations are the quoted speaker's)."""
    s0, s1 = sent.start, sent.end
    hits: list[Hit] = []
    label = quote_label_source(text, s0)
    if label is not None:  # "Source: X" ... "Quote: "..."" (rules:quote-from)
        colon = text.index(":", s0)
        return [Hit(label, None, (colon, colon + 1), "quote-from")]
    qf = _QUOTE_FROM.match(text, s0, s1)
    if qf:
        hits.append(Hit((qf.start("np"), qf.end("np")), None, (qf.end() - 1, qf.end()), "quote-from"))
        return hits
    vw = _VIEW.match(text, s0, s1)
    if vw:  # the whole sentence is the holder's view, as with "Quote from X:" (rules:view-of)
        group = next(g for g in ("of", "np", "pron") if vw.group(g))
        return [Hit(vw.span(group), None, vw.span(), "view-of")]
    for m in folding.finditer_if(_ACCORDING, "ccording", text, s0, s1):
        if _in_quote(m.start(), quotes):
            continue
        npm = _RIGHT_NP.match(text, m.end(), s1)
        if npm:
            end = npm.end()
            pp = _SOURCE_PP.match(text, end, s1) if ANON_HEADS.search(npm.group()) else None
            if pp and re.search(r"[A-Z]", pp.group()):  # "a source in the Ukrainian delegation"
                end = pp.end()
            hits.append(Hit((npm.start(), end), None, m.span(), "according-to"))
    for m in folding.finditer_if(_PASSIVE, "by", text, s0, s1):
        if _in_quote(m.start(), quotes):
            continue
        npm = _RIGHT_NP.match(text, m.end(), s1)
        if npm:
            hits.append(Hit((npm.start(), npm.end()), None, m.span(), "passive-by"))
    for (ns, ne), verb in document_hits(text, s0, s1):  # "X's plan demands ..." (rules:document)
        if not _in_quote(verb[0], quotes):
            hits.append(Hit((ns, ne), None, verb, "document"))
    last_end = s0
    for m in _VERB_RE.finditer(text, s0, s1):
        vs, ve = m.span()
        if _in_quote(vs, quotes) or any(h.verb[0] <= vs < h.verb[1] + 1 for h in hits):
            continue
        if vs > 0 and text[vs - 1] in "-‑":
            continue  # "Russia-claimed"
        if not speech_here(m.group(), text[s0:vs]):
            continue
        lb = max([last_end] + [qe for qs, qe in quotes if qe <= vs and qe > s0])
        progressive = _COPULA_END.search(text[s0:vs]) is not None
        if m.group().split()[0].endswith("ing") and not progressive:
            # "Lavrov went further, describing ...", "Blinken was cautious, telling reporters ...":
            # a participle of saying hangs on the clause subject (rules:participle)
            if not hits:
                got = clause_subject(text, s0, vs)
                if got is not None:
                    hits.append(Hit((got[0], got[1]), got[2], (vs, ve), "subject-verb"))
                    last_end = ve
            continue
        # "X did not confirm the details, but said ...": the clause subject (rules:coordinated)
        got = (coordinated_subject(text, s0, vs) if not hits else None) or _subject_left(
            text, lb, vs, parenthetical(text, ve, s1)
        )
        if got is None and lb > last_end and not hits:
            # a quotation inside the subject's appositive ("Brazil, whose president floated a
            # "peace club", said ..."): read the subject from before it
            wider = _subject_left(text, last_end, vs)
            if wider is not None and not _in_quote(wider[0], quotes) and wider[0] < lb:
                got = wider
        if got is not None:
            ns, ne, desc = got
            ns, ne = _strip_span(text, ns, ne)
            if _PP_PARTICIPLE.match(text, ns, ne) and m.group().endswith("ed"):
                continue  # "X, in a video posted on X, said ...": a participle on a noun, no verb of X's
            kind = "relative-who" if _WHO.search(text[ne:vs]) else "subject-verb"
            postposed = _CLOSING_END.search(text[max(s0, ns - 3) : ns]) is not None
            # "according to X" later in the sentence is no earlier verb; a fronted one leaves the subject open
            prior = [h for h in hits if h.verb[0] < vs]
            fronted = bool(prior) and all(h.kind == "according-to" for h in prior)
            if fronted:
                prior = []
            inner = None
            if postposed and _SAY_ONLY.match(m.group()):
                # "CONTENT, President Putin said": whatever was found before is part of the content
                inner = next((h for h in hits if h.kind == "subject-verb"), None)  # "X said ..." (relay.voiced)
                hits = [h for h in hits if h.kind in ("relative-who", "according-to", "passive-by")]
            elif prior and kind != "relative-who":
                # a verb inside what an earlier verb reports ("said Kyiv had refused") is reported
                # speech, not a new attribution -- unless a new clause starts ("..., while Kyiv says")
                between = text[prior[-1].verb[1] : ns]
                if not (
                    _SAY_ONLY.match(m.group()) and re.search(r"(?:\bwhile|\bwhereas|;|\bbut|,\s+and)\s*$", between)
                ):
                    if not relayed(text, between, ns, ne, vs, m.group()):
                        continue
                    kind = "relayed"
            aux = text[ne:vs]
            hits.append(Hit((ns, ne), desc, (vs, ve), kind, aux, fronted, inner))
            last_end = ve
            continue
        if not _SAY_ONLY.match(m.group()):
            continue
        before = text[lb:vs].rstrip()
        if before and not before.endswith((",", "”", '"', "’", "—", "–")) and text[lb:vs].strip():
            continue
        npm = _RIGHT_NP.match(text, ve, s1)
        if npm and npm.group().strip():
            ns, ne = _strip_span(text, npm.start(), npm.end())
            desc = None
            after = _NAME_AFTER.match(text[ne:s1])
            if after:
                desc = text[ns:ne]
                ns, ne = ne + after.start("name"), ne + after.end("name")
            elif appos := _APPOSITIVE_AFTER.match(text, ne, s1):  # "said Jane Roe, a fellow at ...,"
                desc = appos.group("desc")
            hits.append(Hit((ns, ne), desc, (vs, ve), "verb-subject"))
            last_end = ne
    hits.sort(key=lambda h: h.verb[0])
    if said := [h.verb[1] for h in hits if h.kind == "subject-verb"]:
        # "Lavrov said the conditions set out by Zelensky were ...": a passive agent inside what
        # a speaker reports names the thing reported on, not a second speaker (rules:passive-by)
        hits = [h for h in hits if not (h.kind == "passive-by" and h.verb[0] > said[0])]
    spoke = [h.verb[0] for h in hits if h.kind in ("subject-verb", "verb-subject", "relative-who")]
    if spoke:
        # "X told the meeting that ..., according to the ministry" (also "X, who has said ..., repeated
        # it, according to officials"): the ministry is the channel, X the speaker (rules:source-channel)
        hits = [h for h in hits if not (h.kind == "according-to" and h.verb[0] > spoke[0])]
    return hits
