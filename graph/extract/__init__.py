"""Extraction: articles -> statement records (who said what about negotiations, when).

The public contract is :func:`extract_statements`; it is pure and deterministic: the
only I/O is loading the lexicon (ontology/stances.ttl, conditions.ttl) and the
gazetteer (data/actors.json) once per process.

Modules, by concept: ``text`` (paragraphs, sentences, quotations), ``lexicon`` (SKOS
cues; ``lexicon_regex``: how wordings become regexes), ``actors`` (gazetteer, minting),
``attribution`` (who says which span; ``documents``: a plan or decree speaks for its
author), ``dates`` (when), ``perspective`` (whose side
acts), ``frames`` (compositional stance reading: topic x action frame x perspective x
polarity), ``preconditions`` (terms set by ordering events: "first X, then we talk"),
``blame`` (cleft sentences: "it is not us who ..."), ``topic_context`` (the topic a bare
answer or a referring "it" takes from the question or the sentence before), ``stance``
(what position, which conditions; ``cues``: whole-wording cues and whose position they
are; ``claim_stance``: a claim's content clause by clause), ``speech_hits`` (where a
sentence says who speaks), ``assemble`` (the walk over an article and the merging into
statements).

Speed without changing a byte of the output: ``date_index`` (one date scan per article,
served for every sentence and frame), ``folding`` (case-insensitive cue regexes run
case-sensitively over lower-cased text where that is provably the same), ``anchor_scan``
(which cue alternatives are worth trying in a clause), ``memo`` (bounded tables for steps
that are pure functions of a piece of text -- paragraph layout, date scan, attribution hits,
claim readings -- since syndicated copies repeat paragraphs word for word; each key holds
everything its step reads).
"""

from __future__ import annotations

from stancegraph.graph.records import Article, Statement

EXTRACTOR_VERSION = "rules-0.6.0"


def warm_up() -> None:
    """Load what extraction reads once per process: the compiled lexicon and the gazetteer.

    Compiling the lexicon takes about a second; a parent that calls this before it forks
    worker processes hands them the compiled lexicon for nothing, and a pool's initializer
    that calls it keeps the cost out of the first articles' time."""
    from stancegraph.graph.extract import assemble, dates_context  # noqa: F401  (their imports compile patterns)
    from stancegraph.graph.extract.actors import gazetteer
    from stancegraph.graph.extract.lexicon import lexicon

    lexicon()
    gazetteer()


def extract_statements(article: Article) -> list[Statement]:
    """The statements an article reports, in text order."""
    from stancegraph.graph.extract.assemble import extract

    return extract(article)


__all__ = ["EXTRACTOR_VERSION", "extract_statements", "warm_up"]
