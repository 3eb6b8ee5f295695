"""Stage 3, to RDF: an article and its statements → quads in the article's named graph.

The mapping (the ontology in ontology/stancegraph.ttl documents each term)::

    <article>   a sg:Article, schema:NewsArticle ; dcterms:identifier ; schema:headline ;
                schema:url ; schema:publisher <publisher> ; schema:datePublished ;
                sg:contentHash ; schema:wordCount ; sg:nearDuplicateOf <article>? ;
                sg:shingleSketch ; sg:quoteSketch (dedup.py: to find later copies)
    <activity>  a sg:ExtractionRun, prov:Activity ; prov:used <article> ;
                prov:wasAssociatedWith <software> ; prov:startedAtTime ; prov:endedAtTime
    <statement> a sg:Statement, schema:Claim ; rdfs:label ; sg:speaker <actor> ;
                prov:wasAttributedTo <actor> ; sg:stance <concept> ; sg:condition <concept>* ;
                sg:offers <concept>* ; sg:target <actor>? ; sg:dateSaid xsd:date|xsd:gYearMonth ;
                sg:evidence <span>+ ; sg:reportedIn <article>+
    <span>      a sg:EvidenceSpan, oa:TextPositionSelector ; oa:start ; oa:end ; oa:exact ;
                sg:inArticle <article> ; sg:evidenceOf <statement> ; sg:confidence ;
                sg:method ; prov:wasGeneratedBy <activity>
    <actor>     a sg:Person|sg:Organization|sg:State|sg:Group|sg:AnonymousSource ;
                schema:name ; sg:affiliation <actor>? ; schema:description ; owl:sameAs wd:Q…

Everything an article attests goes into that article's named graph, so replacing the
graph replaces exactly what the article said, and a statement reported by several
articles is one node (its IRI hashes speaker, stance, date and conditions) with one
evidence span per report. Nothing here touches the store: this is a pure function.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from pyoxigraph import Literal, NamedNode, Quad

from stancegraph import __version__
from stancegraph.graph import dedup
from stancegraph.graph import namespaces as ns
from stancegraph.graph.actors import actor_type, curated_actor, resolve_name
from stancegraph.graph.dedup import Fingerprint
from stancegraph.graph.records import Article, Speaker, Statement

_A = NamedNode(ns.RDF + "type")


def _n(iri: str) -> NamedNode:
    return NamedNode(iri)


def _p(prefix: str, local: str) -> NamedNode:
    return NamedNode(prefix + local)


def _typed(value: str, datatype: str) -> Literal:
    return Literal(value, datatype=NamedNode(ns.XSD + datatype))


_DATE = re.compile(r"\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?")


def date_literal(value: str) -> Literal | None:
    """``YYYY-MM-DD`` → xsd:date, ``YYYY-MM`` → xsd:gYearMonth (month precision stays visible).

    Anything else is not a date we can state: None, and the statement stays undated.
    """
    if not _DATE.fullmatch(value):
        return None
    return _typed(value, "date" if len(value) == 10 else "gYearMonth")


_SAFE_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")


@dataclass(frozen=True)
class Provenance:
    """Who produced the statements and when (the extraction run)."""

    extractor_version: str
    started: datetime
    ended: datetime


def statement_iri(stmt: Statement) -> str:
    """The statement's IRI: speaker, stance, date and conditions, never the article."""
    return ns.statement_iri(speaker_iri(stmt.speaker), stmt.stance, stmt.date, stmt.conditions)


def speaker_iri(speaker: Speaker) -> str:
    if speaker.iri:
        return speaker.iri
    return resolve_name(speaker.name) or ns.minted_actor_iri(speaker.name, speaker.kind, speaker.affiliation)


def article_quads(
    article: Article,
    statements: Iterable[Statement],
    prov: Provenance,
    near_duplicate_of: str | None = None,
    fingerprint: Fingerprint | None = None,
) -> list[Quad]:
    """All quads of one article's named graph (``fingerprint`` is computed when not given)."""
    g = _n(ns.article_graph_iri(article.id))
    art = _n(ns.article_iri(article.id))
    out: list[Quad] = []

    def add(s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        out.append(Quad(s, p, o, g))

    add(art, _A, _p(ns.SG, "Article"))
    add(art, _A, _p(ns.SCHEMA, "NewsArticle"))
    add(art, _p(ns.DCTERMS, "identifier"), Literal(article.id))
    add(art, _p(ns.SG, "contentHash"), Literal(article.content_hash))
    add(art, _p(ns.SCHEMA, "wordCount"), _typed(str(len(article.body.split())), "integer"))
    if article.title:
        add(art, _p(ns.SCHEMA, "headline"), Literal(article.title))
    if article.url and _SAFE_URL.match(article.url):
        add(art, _p(ns.SCHEMA, "url"), _n(article.url))
    if article.publisher:
        pub = _n(f"{ns.ID}publisher/{ns.slugify(article.publisher)}")
        add(art, _p(ns.SCHEMA, "publisher"), pub)
        add(pub, _A, _p(ns.SCHEMA, "Organization"))
        add(pub, _p(ns.SCHEMA, "name"), Literal(article.publisher))
    if article.published:
        add(art, _p(ns.SCHEMA, "datePublished"), _typed(article.published.isoformat(), "date"))
    if near_duplicate_of:
        add(art, _p(ns.SG, "nearDuplicateOf"), _n(ns.article_iri(near_duplicate_of)))
    fp = fingerprint or dedup.fingerprint(article)
    add(art, _p(ns.SG, "shingleSketch"), _typed(dedup.encode_sketch(fp.shingles), "base64Binary"))
    add(art, _p(ns.SG, "quoteSketch"), _typed(dedup.encode_sketch(fp.quotes), "base64Binary"))

    act = _n(ns.activity_iri(article.id, article.content_hash, prov.extractor_version))
    software = _n(ns.software_iri(__version__))
    add(act, _A, _p(ns.SG, "ExtractionRun"))
    add(act, _A, _p(ns.PROV, "Activity"))
    add(act, _p(ns.PROV, "used"), art)
    add(act, _p(ns.PROV, "wasAssociatedWith"), software)
    add(act, _p(ns.SG, "extractorVersion"), Literal(prov.extractor_version))
    add(act, _p(ns.PROV, "startedAtTime"), _typed(prov.started.isoformat(), "dateTime"))
    add(act, _p(ns.PROV, "endedAtTime"), _typed(prov.ended.isoformat(), "dateTime"))
    add(software, _A, _p(ns.PROV, "SoftwareAgent"))
    add(software, _p(ns.SCHEMA, "name"), Literal(f"stancegraph {__version__}"))

    seen_actors: set[str] = set()
    seen_spans: set[str] = set()
    for stmt in statements:
        sp_iri = speaker_iri(stmt.speaker)
        st = _n(stmt.iri or ns.statement_iri(sp_iri, stmt.stance, stmt.date, stmt.conditions))
        _actor_quads(stmt.speaker, sp_iri, add, seen_actors)
        add(st, _A, _p(ns.SG, "Statement"))
        add(st, _A, _p(ns.SCHEMA, "Claim"))
        label = f"{stmt.speaker.name}: {stmt.stance}" + (f" ({stmt.date})" if stmt.date else "")
        add(st, _p(ns.RDFS, "label"), Literal(label, language="en"))
        add(st, _p(ns.SG, "speaker"), _n(sp_iri))
        add(st, _p(ns.PROV, "wasAttributedTo"), _n(sp_iri))
        add(st, _p(ns.SG, "stance"), _n(ns.stance_iri(stmt.stance)))
        for code in stmt.conditions:
            add(st, _p(ns.SG, "condition"), _n(ns.condition_iri(code)))
        for code in stmt.offers:
            add(st, _p(ns.SG, "offers"), _n(ns.condition_iri(code)))
        if stmt.target:
            target_iri = resolve_name(stmt.target) or ns.minted_actor_iri(stmt.target, "state", None)
            add(st, _p(ns.SG, "target"), _n(target_iri))
            if target_iri not in seen_actors and not resolve_name(stmt.target):
                _actor_quads(Speaker(stmt.target, "state"), target_iri, add, seen_actors)
        said = date_literal(stmt.date) if stmt.date else None
        if said is not None:
            add(st, _p(ns.SG, "dateSaid"), said)
        add(st, _p(ns.SG, "reportedIn"), art)
        for ev in (stmt.evidence, *stmt.extra_evidence):
            span = _n(ns.evidence_iri(article.id, ev.start, ev.end, st.value))
            if span.value in seen_spans:  # the same span twice: one report, stated once
                continue
            seen_spans.add(span.value)
            add(st, _p(ns.SG, "evidence"), span)
            add(span, _A, _p(ns.SG, "EvidenceSpan"))
            add(span, _A, _p(ns.OA, "TextPositionSelector"))
            add(span, _p(ns.OA, "start"), _typed(str(ev.start), "nonNegativeInteger"))
            add(span, _p(ns.OA, "end"), _typed(str(ev.end), "nonNegativeInteger"))
            add(span, _p(ns.OA, "exact"), Literal(ev.text))
            add(span, _p(ns.SG, "inArticle"), art)
            add(span, _p(ns.SG, "evidenceOf"), st)
            add(span, _p(ns.SG, "confidence"), _typed(f"{stmt.confidence:.3f}", "decimal"))
            add(span, _p(ns.SG, "method"), Literal(stmt.method))
            add(span, _p(ns.PROV, "wasGeneratedBy"), act)
    return _dedupe(out)


def _actor_quads(speaker: Speaker, iri: str, add, seen: set[str]) -> None:  # type: ignore[no-untyped-def]
    """What the article says about a speaker (curated facts live in the gazetteer graph)."""
    node = _n(iri)
    if iri in seen:
        if speaker.description:
            add(node, _p(ns.SCHEMA, "description"), Literal(speaker.description, language="en"))
        return
    seen.add(iri)
    curated = curated_actor(iri)  # the gazetteer's kind wins over the extractor's guess
    add(node, _A, _p(ns.SG, actor_type(curated.kind if curated else speaker.kind)))
    add(node, _p(ns.SCHEMA, "name"), Literal(speaker.name))
    if speaker.description:
        add(node, _p(ns.SCHEMA, "description"), Literal(speaker.description, language="en"))
    if speaker.role:
        add(node, _p(ns.SCHEMA, "jobTitle"), Literal(speaker.role, language="en"))
    if speaker.wikidata and re.fullmatch(r"Q[1-9][0-9]*", speaker.wikidata):
        add(node, _p(ns.OWL, "sameAs"), _n(ns.WD + speaker.wikidata))
    if speaker.affiliation:
        aff = resolve_name(speaker.affiliation) or ns.minted_actor_iri(speaker.affiliation, "state", None)
        if aff != iri:
            add(node, _p(ns.SG, "affiliation"), _n(aff))
            if not resolve_name(speaker.affiliation) and aff not in seen:
                seen.add(aff)
                add(_n(aff), _A, _p(ns.SG, "State"))
                add(_n(aff), _p(ns.SCHEMA, "name"), Literal(speaker.affiliation))


def _dedupe(quads: list[Quad]) -> list[Quad]:
    seen: set[Quad] = set()
    out = []
    for q in quads:
        if q not in seen:
            seen.add(q)
            out.append(q)
    return out


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
