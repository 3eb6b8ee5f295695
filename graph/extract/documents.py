"""A document speaks for its author: "X's plan demands that ...", "X signed a decree that declares ...".

Why apart from attribution: a plan, decree, letter or proposal that demands, calls for or
declares something is its author's position, but the grammatical subject of the verb of
saying is the document. The author is either its possessor ("Putin's June proposal
demanded that ...", "his letter calls for ...") or the subject of the clause that signed,
issued or published it ("X signed a decree that declares ..."). Participles ("X signed a
decree declaring ...") already hang on the clause subject (rules:participle).
"""

from __future__ import annotations

import re

from stancegraph.graph.extract.subject_np import clause_subject

_DOC = (
    r"(?:plan|plans|proposal|proposals|decree|letter|paper|memorandum|initiative|formula|document|"
    r"communiqu[ée]|declaration|resolution|blueprint|roadmap|road\s+map|ultimatum|draft|framework)"
)
#: what a document says: only verbs a text can do (no "said", "told")
_DOC_VERB = (
    r"(?:demanded|demands|calls?\s+for|called\s+for|declared|declares|sets?\s+out|insisted|insists|proposed|"
    r"proposes|urged|urges|envisaged|envisages|required|requires|stipulated|stipulates|"
    r"(?:would\s+)?(?:require|demand|envisage))"
)
#: "Putin's June "peace proposal" demanded", "his letter calls for": possessor, up to four modifiers, document
_POSSESSED = re.compile(
    r"(?P<np>\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|(?:[A-ZÀ-Þ][\w’'.\-]+\s+){0,3}[A-ZÀ-Þ][\w’'\-]+[’']s?)\s+"
    r"(?:[“\"‘]?[\w\-]+[”\"’]?\s+){0,4}?[“\"‘]?(?:[\w\-]+\s+)?" + _DOC + r"[”\"’]?\s+(?P<verb>" + _DOC_VERB + r")\b"
)
#: "... signed a decree [putting into force a decision] that declares": the relative verb of a signed document
_ISSUED = re.compile(
    r"\b(?P<act>(?:has\s+|had\s+)?(?:signed|issued|published|sent|approved|adopted|unveiled|presented|released|"
    r"submitted|tabled))\s+(?:a|an|the|his|her|its|their)\s+(?:[\w“”\"‘’\-]+\s+){0,4}?"
    + _DOC
    + r"\b[^.;:?!]{0,120}?\b(?:that|which)\s+$"
)
_RELATIVE_VERB = re.compile(r"(?:" + _DOC_VERB + r")\b")
#: a document noun, case as in both patterns above: every match of either holds one, so a
#: sentence without one (nearly all) skips both scans -- the same answer, without the slow part
_ANY_DOC = re.compile(_DOC)


def document_hits(text: str, s0: int, s1: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(author span, verb span) for each document that speaks for its author in text[s0:s1]."""
    out: list[tuple[tuple[int, int], tuple[int, int]]] = []
    if _ANY_DOC.search(text, s0, s1) is None:
        return out
    for m in _POSSESSED.finditer(text, s0, s1):
        ns, ne = m.span("np")
        ne -= len(re.search(r"[’']s?$|$", text[ns:ne]).group())  # type: ignore[union-attr]
        out.append(((ns, ne), m.span("verb")))
    for v in _RELATIVE_VERB.finditer(text, s0, s1):
        issued = _ISSUED.search(text, s0, v.start())
        if issued is None or any(vs == v.start() for _np, (vs, _ve) in out):
            continue
        got = clause_subject(text, s0, issued.start("act"))
        if got is not None:
            out.append(((got[0], got[1]), v.span()))
    return sorted(out, key=lambda h: h[1][0])
