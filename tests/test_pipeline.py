"""Ingest end to end on a real on-disk store: idempotence, syndication merge, provenance."""

from __future__ import annotations

import shutil
from pathlib import Path

from stancegraph.graph import namespaces as ns
from stancegraph.graph.pipeline import ingest
from stancegraph.graph.store import GraphStore


def test_ingest_twice_changes_nothing(seeds_store: GraphStore, seeds_dir: Path) -> None:
    before = sorted(str(q) for q in seeds_store.quads())
    report = ingest([seeds_dir], seeds_store)
    assert report.ingested == 0 and report.unchanged == 5
    assert sorted(str(q) for q in seeds_store.quads()) == before


def test_forced_reingest_keeps_the_quad_count(seeds_store: GraphStore, seeds_dir: Path) -> None:
    n = len(seeds_store)
    report = ingest([seeds_dir], seeds_store, force=True, processes=1)
    assert report.ingested == 5
    assert len(seeds_store) == n


def test_one_graph_per_article_plus_reference_graphs(seeds_store: GraphStore) -> None:
    graphs = set(seeds_store.named_graphs())
    articles = {g for g in graphs if g.startswith(ns.ID + "graph/article/")}
    assert len(articles) == 5
    assert {ns.ONTOLOGY_GRAPH, ns.GAZETTEER_GRAPH} <= graphs
    assert seeds_store.default_graph_size() == 0


def test_syndicated_statement_is_one_node_with_two_reports(seeds_store: GraphStore) -> None:
    rows = seeds_store.select(
        """SELECT ?s (COUNT(DISTINCT ?art) AS ?n) WHERE {
             ?s a sg:Statement ; sg:speaker <https://w3id.org/stancegraph/id/actor/vladimir-putin> ;
                sg:stance <https://w3id.org/stancegraph/id/stance/ready> ;
                sg:dateSaid "2022-12-25"^^xsd:date ; sg:reportedIn ?art }
           GROUP BY ?s"""
    )
    assert len(rows) == 1, rows
    assert rows[0]["n"] == 2
    # each report keeps its own evidence, pointing into its own article
    spans = seeds_store.select(
        """SELECT ?s ?span ?art ?start ?end ?exact WHERE {
             ?s sg:evidence ?span . ?span sg:inArticle ?art ; oa:start ?start ; oa:end ?end ; oa:exact ?exact }""",
        {"s": __import__("pyoxigraph").NamedNode(rows[0]["s"])},
    )
    assert len({r["art"] for r in spans}) == 2


def test_near_duplicate_articles_are_linked(seeds_store: GraphStore) -> None:
    rows = seeds_store.select("SELECT ?a ?b WHERE { ?a sg:nearDuplicateOf ?b }")
    ids = {ns.article_iri("002_ee147a0f71bb926c"), ns.article_iri("003_ae65272d98bd0ae3")}
    assert any({r["a"], r["b"]} == ids for r in rows), rows


def test_every_statement_has_provenance(seeds_store: GraphStore, seeds_dir: Path) -> None:
    rows = seeds_store.select(
        """SELECT ?span ?id ?start ?end ?exact ?method ?conf ?run WHERE {
             ?s a sg:Statement ; sg:evidence ?span .
             ?span sg:inArticle ?art ; oa:start ?start ; oa:end ?end ; oa:exact ?exact ;
                   sg:method ?method ; sg:confidence ?conf ; prov:wasGeneratedBy ?run .
             ?art dcterms:identifier ?id .
             ?run a prov:Activity ; prov:used ?art ; prov:endedAtTime ?t }"""
    )
    n_statements = seeds_store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s a sg:Statement }")[0]["n"]
    assert n_statements >= 20
    assert len({r["span"] for r in rows}) >= n_statements
    texts = {p.stem: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    for r in rows:
        assert texts[r["id"]][r["start"] : r["end"]] == r["exact"]
        assert 0 <= r["conf"] <= 1 and r["method"]


def test_changed_article_replaces_its_graph(tmp_path: Path, seeds_dir: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for p in seeds_dir.glob("004_*"):
        shutil.copy(p, src / p.name)
    store = GraphStore(tmp_path / "runs")
    ingest([src], store, processes=1)
    art = next(src.glob("*.txt"))
    original = art.read_text(encoding="utf-8")
    # cut the article after its first paragraph: what it no longer says must disappear
    art.write_text(original.split("\n")[0] + "\n", encoding="utf-8")
    report = ingest([src], store, processes=1)
    assert report.ingested == 1
    n_after = store.select("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a sg:Statement }")[0]["n"]
    art.write_text(original, encoding="utf-8")
    ingest([src], store, processes=1)
    n_full = store.select("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a sg:Statement }")[0]["n"]
    assert n_after < n_full


def test_bad_input_loses_nothing(seeds_store: GraphStore, tmp_path: Path, seeds_dir: Path) -> None:
    import pytest

    from stancegraph.errors import MetadataError

    n = len(seeds_store)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "z.txt").write_text("Some text that is long enough to count as an article.", encoding="utf-8")
    (bad / "z.meta.json").write_text('{"published": "yesterday"}', encoding="utf-8")
    with pytest.raises(MetadataError):
        ingest([seeds_dir, bad], seeds_store, force=True)
    assert len(seeds_store) == n


def test_consolidate_joins_a_copy_to_the_original_one_to_one() -> None:
    from dataclasses import replace

    from stancegraph.graph.pipeline import consolidate
    from stancegraph.graph.rdf import statement_iri
    from stancegraph.graph.records import Article, Evidence, Speaker, Statement

    def stmt(art: str, name: str, stance: str, date: str | None, conds: tuple[str, ...] = ()) -> Statement:
        s = Statement(art, Speaker(name), stance, Evidence("x", 0, 1), date=date, conditions=conds, article_id=art)
        return replace(s, iri=statement_iri(s))

    arts = [Article("orig", "text one"), Article("copy", "text two")]
    original = [stmt("orig", "Ann Example", "ready", "2024-05-02"), stmt("orig", "Bo Sample", "accuses", "2024-05-02")]
    copy = [
        stmt("copy", "Ann Example", "ready", "2024-05-02", ("ceasefire",)),  # one condition more: same report
        stmt("copy", "Ann Example", "ready", "2024-05-20"),  # a second occasion: stays its own node
        stmt("copy", "Bo Sample", "accuses", "2024-05-03"),  # the rewrite resolved the weekday differently
        stmt("copy", "Cy Other", "urges", None),  # only in the copy
    ]
    out = consolidate(arts, [original, copy], {"copy": "orig"})
    assert out[0] == original
    assert [s.iri for s in out[1]] == [original[0].iri, copy[1].iri, original[1].iri, copy[3].iri]
    assert out[1][2].date == "2024-05-02"  # one node, one occasion: the original's date
    undated = [stmt("orig", "Dee Undated", "refuses", None)]
    copies = [
        [stmt("c1", "Dee Undated", "refuses", "2024-05-01")],
        [stmt("c2", "Dee Undated", "refuses", "2024-05-09")],
    ]
    arts3 = [Article("orig", "t"), Article("c1", "t"), Article("c2", "t")]
    joined = consolidate(arts3, [undated, *copies], {"c1": "orig", "c2": "orig"})
    assert {s.date for s in (joined[1][0], joined[2][0])} == {None}  # never two dates on one node
    assert consolidate(arts, [original, copy], {}) == [original, copy]


def test_the_seeds_store_conforms_to_the_shapes(seeds_store: GraphStore) -> None:
    from stancegraph.graph.validate import validate_store

    conforms, report = validate_store(seeds_store)
    assert conforms, report


def test_a_synthetic_corpus_with_many_rewrites_conforms(tmp_path: Path) -> None:
    """Recombined paragraphs make many near-duplicates: the joined graph still conforms."""
    import subprocess
    import sys

    from stancegraph.graph.validate import validate_store

    root = Path(__file__).resolve().parents[1]
    corpus = tmp_path / "corpus.jsonl"
    subprocess.run(
        [sys.executable, str(root / "bench" / "make_corpus.py"), "--n", "120", "--out", str(corpus)],
        check=True,
        capture_output=True,
    )
    store = GraphStore(tmp_path / "runs")
    report = ingest([corpus], store, processes=1)
    assert report.ingested == 120 and report.duplicates
    conforms, text = validate_store(store)
    assert conforms, text


def _statement_nodes(store: GraphStore) -> set[tuple[str, str]]:
    rows = store.select("SELECT DISTINCT ?s ?art WHERE { ?s a sg:Statement ; sg:reportedIn ?art }")
    return {(r["s"], r["art"]) for r in rows}


def test_a_copy_ingested_in_a_later_run_joins_its_stored_original(
    seeds_store: GraphStore, seeds_dir: Path, tmp_path: Path
) -> None:
    """Run 1 stores the original, run 2 brings the syndicated copy: the graph ends up as if
    both had come in one run (the link, and one statement node with two reports)."""
    first, second = tmp_path / "run1", tmp_path / "run2"
    for folder, stem in ((first, "002_ee147a0f71bb926c"), (second, "003_ae65272d98bd0ae3")):
        folder.mkdir()
        for suffix in (".txt", ".meta.json"):
            shutil.copy(seeds_dir / (stem + suffix), folder / (stem + suffix))
    store = GraphStore(tmp_path / "runs")
    assert ingest([first], store, processes=1).duplicates == {}
    report = ingest([second], store, processes=1)
    assert report.duplicates == {"003_ae65272d98bd0ae3": "002_ee147a0f71bb926c"}

    both = {ns.article_iri("002_ee147a0f71bb926c"), ns.article_iri("003_ae65272d98bd0ae3")}
    expected = {(s, a) for s, a in _statement_nodes(seeds_store) if a in both}
    assert _statement_nodes(store) == expected
    link = "SELECT ?a ?b WHERE { ?a sg:nearDuplicateOf ?b }"
    assert store.select(link) == [r for r in seeds_store.select(link) if r["a"] in both]


def test_a_stored_copy_is_never_taken_for_an_original(seeds_dir: Path, tmp_path: Path) -> None:
    """A third version joins the original, not the copy stored before it."""
    store = GraphStore(tmp_path / "runs")
    ingest([seeds_dir / "002_ee147a0f71bb926c.txt", seeds_dir / "003_ae65272d98bd0ae3.txt"], store, processes=1)
    third = tmp_path / "004_third_version.txt"
    third.write_text((seeds_dir / "003_ae65272d98bd0ae3.txt").read_text(encoding="utf-8"), encoding="utf-8")
    report = ingest([third], store, processes=1)
    assert report.duplicates == {"004_third_version": "002_ee147a0f71bb926c"}
