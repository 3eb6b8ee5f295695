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
are), ``assemble`` (the walk over an article and the merging into statements).
"""

from __future__ import annotations

from stancegraph.graph.records import Article, Statement

EXTRACTOR_VERSION = "rules-0.5.2"


def extract_statements(article: Article) -> list[Statement]:
    """The statements an article reports, in text order."""
    from stancegraph.graph.extract.assemble import extract

    return extract(article)


__all__ = ["EXTRACTOR_VERSION", "extract_statements"]
