"""SHACL: the pipeline's output conforms to ontology/shapes.ttl, and broken data does not.

Graphs are built by the real mapping (rdf.article_quads, actors.gazetteer_quads,
store.ontology_quads) from hand-made records; broken data is either produced through the
mapping (a stance code outside the scheme, offsets the wrong way round, a confidence of
1.5) or made by editing the mapping's output (what the mapping cannot produce).
"""

from __future__ import annotations

import gc
import os
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, Graph, Literal, Namespace, URIRef

from stancegraph.graph import namespaces as ns
from stancegraph.graph.actors import gazetteer_quads
from stancegraph.graph.rdf import Provenance, article_quads
from stancegraph.graph.records import Article, Evidence, Speaker, Statement
from stancegraph.graph.store import GraphStore, ontology_quads
from stancegraph.graph.validate import _term, validate_graph, validate_store

ROOT = Path(__file__).resolve().parents[1]
SG = Namespace(ns.SG)
OA = Namespace(ns.OA)
PROV = Namespace(ns.PROV)
XSD = Namespace(ns.XSD)
SUMMARY = re.compile(r"^(\d+) violations? in (\d+) focus nodes?")

TEXT = (
    "Vladimir Putin said on Sunday that Russia was ready to negotiate with everyone involved. "
    "Kyiv residents said talks would only be possible once Russia withdraws from Ukrainian territory. "
    "US officials, speaking on condition of anonymity, urged Ukraine to signal openness to talks."
)
PROV_RUN = Provenance("test-1", datetime(2022, 12, 27, 8, tzinfo=UTC), datetime(2022, 12, 27, 8, 1, tzinfo=UTC))


def _span(text: str) -> Evidence:
    start = TEXT.index(text)
    return Evidence(text, start, start + len(text))


def article(n: int = 1) -> Article:
    return Article(
        id=f"shacl-test-{n}",
        text=TEXT,
        title="Putin says Russia ready to negotiate",
        url=f"https://example.org/news/{n}",
        publisher="Example Wire",
        published=date(2022, 12, 26),
    )


def statements(**changes: object) -> list[Statement]:
    """Three statements: a curated person, a group with conditions, an anonymous source."""
    putin = Statement(
        source="a",
        speaker=Speaker("Vladimir Putin", "person", wikidata="Q7747", affiliation="Russia", role="President"),
        stance="ready",
        evidence=_span("Russia was ready to negotiate with everyone involved"),
        date="2022-12-25",
        target="Ukraine",
        confidence=0.9,
    )
    residents = Statement(
        source="a",
        speaker=Speaker("Kyiv residents", "group", affiliation="Ukraine"),
        stance="conditional",
        evidence=_span("talks would only be possible once Russia withdraws from Ukrainian territory"),
        extra_evidence=(_span("Kyiv residents said talks"),),
        conditions=("russian-withdrawal",),
        offers=("neutrality",),
        date="2022-12",
        confidence=0.6,
    )
    officials = Statement(
        source="a",
        speaker=Speaker("US officials", "anonymous", affiliation="United States"),
        stance="urges",
        evidence=_span("urged Ukraine to signal openness to talks"),
        target="Ukraine",
        confidence=0.75,
    )
    from dataclasses import replace

    return [replace(putin, **changes), residents, officials]  # type: ignore[arg-type]


def good_quads() -> list[ox.Quad]:
    """Two articles (the second a near duplicate reporting Putin's statement again), gazetteer, ontology."""
    first = article_quads(article(1), statements(), PROV_RUN)
    second = article_quads(article(2), statements()[:1], PROV_RUN, near_duplicate_of=article(1).id)
    return [*first, *second, *gazetteer_quads(), *ontology_quads()]


def to_graph(quads: list[ox.Quad]) -> Graph:
    graph = Graph()
    for q in quads:
        graph.add((_term(q.subject), _term(q.predicate), _term(q.object)))
    return graph


def first_statement(graph: Graph, stance: str = "ready") -> URIRef:
    return next(s for s in graph.subjects(SG.stance, URIRef(ns.stance_iri(stance))) if isinstance(s, URIRef))


def first_span(graph: Graph, stance: str = "ready") -> URIRef:
    span = next(graph.objects(first_statement(graph, stance), SG.evidence))
    assert isinstance(span, URIRef)
    return span


def summary(report: str) -> tuple[int, int]:
    match = SUMMARY.match(report)
    assert match, f"the report does not start with its summary line:\n{report}"
    return int(match.group(1)), int(match.group(2))


# -- conforming data -------------------------------------------------------------------


def test_the_mappings_output_conforms() -> None:
    conforms, report = validate_graph(to_graph(good_quads()))
    assert conforms, report
    assert summary(report) == (0, 0)
    assert "conforms" in report.splitlines()[1]


def test_the_reference_data_alone_conforms() -> None:
    """The ontology, the two SKOS schemes and the gazetteer (every concept, actor and role spell)."""
    conforms, report = validate_graph(to_graph([*gazetteer_quads(), *ontology_quads()]))
    assert conforms, report


def test_the_ontology_is_added_when_the_graph_lacks_it() -> None:
    """validate_graph on one article graph alone still knows that an sg:Person is an sg:Actor."""
    minted = statements(speaker=Speaker("Jane Example", "person", affiliation="Freedonia"), target="Sylvania")[:1]
    graph = to_graph(article_quads(article(1), minted, PROV_RUN))
    assert (URIRef(ns.ONTOLOGY_IRI), RDF.type, OWL.Ontology) not in graph
    size = len(graph)
    conforms, report = validate_graph(graph)
    assert conforms, report
    assert len(graph) == size  # the caller's graph is not changed


# -- broken data, through the mapping ------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message", "value"),
    [
        ({"stance": "maybe"}, "The stance is not a concept of the stances scheme", "sgid:stance/maybe"),
        ({"conditions": ("world-peace",)}, "A condition is not a concept of the conditions scheme", None),
        ({"offers": ("ready",)}, "An offer (sg:offers) is not a concept of the conditions scheme", None),
        ({"confidence": 1.5}, "must lie between 0 and 1", '"1.500"^^xsd:decimal'),
        ({"confidence": -0.2}, "must lie between 0 and 1", None),
        (
            {"evidence": Evidence("ready", 40, 30)},
            "The start offset (oa:start) of an evidence span must be less than its end offset",
            '"40"^^xsd:nonNegativeInteger',
        ),
        ({"evidence": Evidence("", 30, 30)}, "one non-empty string", None),
        ({"method": ""}, "must name the extraction method", None),
    ],
    ids=lambda v: str(v)[:40],
)
def test_broken_records_are_reported(changes: dict[str, object], message: str, value: str | None) -> None:
    quads = [*article_quads(article(1), statements(**changes), PROV_RUN), *gazetteer_quads(), *ontology_quads()]
    conforms, report = validate_graph(to_graph(quads))
    assert not conforms
    violations, focus_nodes = summary(report)
    assert violations >= 1 and focus_nodes >= 1
    assert message in report, report
    assert "[" not in report and "]" not in report  # safe to print through rich
    if value is not None:
        assert f"(value: {value})" in report, report


# -- broken data, edited ------------------------------------------------------------------


def _no_speaker(g: Graph) -> None:
    st = first_statement(g)
    g.remove((st, SG.speaker, None))
    g.remove((st, PROV.wasAttributedTo, None))


def _two_stances(g: Graph) -> None:
    g.add((first_statement(g), SG.stance, URIRef(ns.stance_iri("refuses"))))


def _datetime_date(g: Graph) -> None:
    st = first_statement(g)
    g.set((st, SG.dateSaid, Literal("2022-12-25T10:00:00", datatype=XSD.dateTime)))


def _string_date(g: Graph) -> None:
    g.set((first_statement(g), SG.dateSaid, Literal("25 December 2022")))


def _impossible_day(g: Graph) -> None:
    g.set((first_statement(g), SG.dateSaid, Literal("2022-13-45", datatype=XSD.date)))


def _short_month(g: Graph) -> None:
    g.set((first_statement(g), SG.dateSaid, Literal("2022-1", datatype=XSD.gYearMonth)))


def _two_dates(g: Graph) -> None:
    g.add((first_statement(g), SG.dateSaid, Literal("2022-12-24", datatype=XSD.date)))


def _start_after_end(g: Graph) -> None:
    span = first_span(g)
    g.set((span, OA.start, Literal("90", datatype=XSD.nonNegativeInteger)))
    g.set((span, OA.end, Literal("9", datatype=XSD.nonNegativeInteger)))


def _negative_offset(g: Graph) -> None:
    g.set((first_span(g), OA.start, Literal("-3", datatype=XSD.integer)))


def _string_offset(g: Graph) -> None:
    g.set((first_span(g), OA.end, Literal("120")))


def _decimal_offset(g: Graph) -> None:
    g.set((first_span(g), OA.start, Literal("3.0", datatype=XSD.decimal)))


def _no_evidence(g: Graph) -> None:
    st = first_statement(g)
    for span in list(g.objects(st, SG.evidence)):
        g.remove((span, None, None))
    g.remove((st, SG.evidence, None))


def _speaker_not_an_actor(g: Graph) -> None:
    st = first_statement(g)
    g.set((st, SG.speaker, URIRef(ns.ID + "article/nobody")))
    g.set((st, PROV.wasAttributedTo, URIRef(ns.ID + "article/nobody")))


def _attribution_differs(g: Graph) -> None:
    g.set((first_statement(g), PROV.wasAttributedTo, URIRef(ns.actor_iri("ukraine"))))


def _bad_wikidata(g: Graph) -> None:
    g.add((URIRef(ns.actor_iri("vladimir-putin")), OWL.sameAs, URIRef("https://www.wikidata.org/wiki/Q7747")))


def _anonymous_with_wikidata(g: Graph) -> None:
    anon = next(g.subjects(RDF.type, SG.AnonymousSource))
    g.add((anon, OWL.sameAs, URIRef(ns.WD + "Q30")))


def _no_run(g: Graph) -> None:
    g.remove((first_span(g), PROV.wasGeneratedBy, None))


def _evidence_in_other_article(g: Graph) -> None:
    span = first_span(g, "urges")
    g.set((span, SG.inArticle, URIRef(ns.article_iri("shacl-test-2"))))


def _bracketed_text(g: Graph) -> None:
    g.set((first_span(g), OA.exact, Literal("")))
    g.set((first_span(g, "urges"), OA.end, Literal("[/bold] [red]not a number[/red]")))


def _bad_hash(g: Graph) -> None:
    art = URIRef(ns.article_iri("shacl-test-1"))
    g.set((art, SG.contentHash, Literal("not-a-hash")))


EDITS: list[tuple[Callable[[Graph], None], str]] = [
    (_no_speaker, "A statement must have exactly one speaker (sg:speaker)."),
    (_two_stances, "A statement must have exactly one stance (sg:stance)"),
    (_datetime_date, "must be a valid xsd:date (YYYY-MM-DD) or xsd:gYearMonth (YYYY-MM)"),
    (_string_date, "must be a valid xsd:date (YYYY-MM-DD) or xsd:gYearMonth (YYYY-MM)"),
    (_impossible_day, "must be a valid xsd:date (YYYY-MM-DD) or xsd:gYearMonth (YYYY-MM)"),
    (_short_month, "must be a valid xsd:date (YYYY-MM-DD) or xsd:gYearMonth (YYYY-MM)"),
    (_two_dates, "A statement has at most one date (sg:dateSaid)"),
    (_start_after_end, "must be less than its end offset (oa:end)"),
    (_negative_offset, "exactly one start offset (oa:start), a non-negative integer"),
    (_decimal_offset, "exactly one start offset (oa:start), a non-negative integer"),
    (_string_offset, "exactly one end offset (oa:end), a non-negative integer"),
    (_no_evidence, "A statement must rest on at least one evidence span (sg:evidence)."),
    (_speaker_not_an_actor, "The speaker of a statement must be an actor"),
    (_attribution_differs, "prov:wasAttributedTo must name the same actor as sg:speaker."),
    (_bad_wikidata, "must be a Wikidata item IRI"),
    (_anonymous_with_wikidata, "An anonymous source cannot be identified"),
    (_no_run, "generated by exactly one extraction run"),
    (_evidence_in_other_article, "Every article that reports the statement must hold one of its evidence spans"),
    (_bad_hash, "64 lower-case hex digits"),
    (_bracketed_text, "(/bold) (red)not a number(/red)"),
]


@pytest.mark.parametrize(("edit", "message"), EDITS, ids=[e.__name__.strip("_") for e, _ in EDITS])
def test_broken_graphs_are_reported(edit: Callable[[Graph], None], message: str) -> None:
    graph = to_graph(good_quads())
    edit(graph)
    conforms, report = validate_graph(graph)
    assert not conforms, report
    assert summary(report)[0] >= 1
    assert message in report, report
    assert "[" not in report and "]" not in report  # safe to print through rich


# -- the report ----------------------------------------------------------------------------


def test_report_groups_results_and_shows_three_examples() -> None:
    broken = [
        Statement(
            source="a",
            speaker=Speaker(f"Speaker {i}", "person"),
            stance="ready",
            evidence=Evidence(TEXT[i : i + 10], i, i + 10),
            confidence=1.5,
        )
        for i in range(5)
    ]
    graph = to_graph([*article_quads(article(1), broken, PROV_RUN), *ontology_quads()])
    conforms, report = validate_graph(graph)
    assert not conforms
    assert summary(report) == (5, 5)
    block = report.split("EvidenceSpan / sg:confidence", 1)[1]
    assert block.lstrip().startswith("x5")
    examples = [line for line in block.splitlines() if line.startswith("    - ")]
    assert len(examples) == 3 and all(line.startswith("    - sgid:evidence/") for line in examples)
    assert "... and 2 more" in block
    assert "[" not in report and "]" not in report  # rich would read brackets as markup


def test_warnings_do_not_fail_validation() -> None:
    """An actor typed both a person and a state (e.g. by an edited upload): reported, not fatal."""
    quads = [*article_quads(article(1), statements(), PROV_RUN), *gazetteer_quads(), *ontology_quads()]
    graph = to_graph(quads)
    graph.add((URIRef(ns.actor_iri("vladimir-putin")), RDF.type, SG.State))
    conforms, report = validate_graph(graph)
    assert conforms, report
    assert summary(report) == (0, 0)
    assert "warning" in report.splitlines()[0]
    assert "WARNING  Actor / rdf:type" in report and "sgid:actor/vladimir-putin" in report


# -- real stores and the real command -------------------------------------------------------


def _article_graphs(quads: list[ox.Quad]) -> dict[str, list[ox.Quad]]:
    graphs: dict[str, list[ox.Quad]] = {}
    for q in quads:
        graphs.setdefault(q.graph_name.value, []).append(q)  # type: ignore[union-attr]
    return graphs


def build_store(path: Path) -> None:
    store = GraphStore(path)
    store.load_reference_data()
    store.replace_graphs(
        _article_graphs(
            [
                *article_quads(article(1), statements(), PROV_RUN),
                *article_quads(article(2), statements()[:1], PROV_RUN, near_duplicate_of=article(1).id),
            ]
        )
    )
    del store
    gc.collect()  # release the store's lock before another process opens it


def test_validate_store_on_disk(tmp_path: Path) -> None:
    build_store(tmp_path / "store")
    store = GraphStore(tmp_path / "store", read_only=True)
    conforms, report = validate_store(store)
    assert conforms, report
    assert "checked 3 statements" in report  # Putin's, reported by both articles, is one node


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "250", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "stancegraph", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env=env,
    )


def test_cli_validate_exit_codes(tmp_path: Path) -> None:
    path = tmp_path / "store"
    build_store(path)
    ok = _cli("validate", "--store", str(path))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.startswith("0 violations in 0 focus nodes"), ok.stdout

    store = GraphStore(path)
    broken = statements(stance="maybe", confidence=1.5)[:1]
    store.replace_graphs(_article_graphs(article_quads(article(3), broken, PROV_RUN)))
    del store
    gc.collect()

    bad = _cli("validate", "--store", str(path))
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert summary(bad.stdout) == (2, 2), bad.stdout
    assert "The stance is not a concept of the stances scheme" in bad.stdout
    assert "sgid:stance/maybe" in bad.stdout
    assert "must lie between 0 and 1" in bad.stdout
