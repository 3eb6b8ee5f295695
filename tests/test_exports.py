"""Exports round-trip: what comes out parses back into the same graph (isomorphic)."""

from __future__ import annotations

import io
import json

import pytest
import rdflib
import rdflib.compare
from pyoxigraph import RdfFormat

from stancegraph.graph.exports import export_store
from stancegraph.graph.network import actor_network, write_network
from stancegraph.graph.store import GraphStore


def assert_same_dataset(data: bytes, fmt: str, store: GraphStore) -> None:
    """Graph by graph isomorphism (the ontology's OWL lists and restrictions are blank nodes)."""
    mine = rdflib.Dataset()
    mine.parse(data=data, format=fmt)
    ref = rdflib.Dataset()
    ref.parse(data=store.raw.dump(format=RdfFormat.N_QUADS), format="nquads")
    ref_graphs = {g.identifier: g for g in ref.graphs() if len(g)}
    mine_graphs = {g.identifier: g for g in mine.graphs() if len(g)}
    assert set(mine_graphs) == set(ref_graphs)
    for name, graph in ref_graphs.items():
        assert rdflib.compare.isomorphic(mine_graphs[name], graph), name


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_dataset_exports_round_trip(seeds_store: GraphStore, tmp_path, fmt: str) -> None:
    buf = io.BytesIO()
    export_store(seeds_store, fmt, buf)
    other = GraphStore(tmp_path / "copy")
    other.load_rdf(buf.getvalue(), RdfFormat.N_QUADS if fmt == "nq" else RdfFormat.TRIG)
    assert len(other) == len(seeds_store)
    assert_same_dataset(buf.getvalue(), "nquads" if fmt == "nq" else "trig", seeds_store)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "rdf"])
def test_triple_exports_carry_the_union(seeds_store: GraphStore, fmt: str) -> None:
    buf = io.BytesIO()
    export_store(seeds_store, fmt, buf)
    exported = rdflib.Graph()
    exported.parse(data=buf.getvalue(), format={"ttl": "turtle", "nt": "nt", "rdf": "xml"}[fmt])
    union_nt = seeds_store.raw.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }").serialize(
        format=RdfFormat.N_TRIPLES
    )
    union = rdflib.Graph()
    union.parse(data=union_nt, format="nt")
    assert rdflib.compare.isomorphic(exported, union)


def test_json_ld_export_is_compact_and_isomorphic(seeds_store: GraphStore) -> None:
    buf = io.BytesIO()
    export_store(seeds_store, "jsonld", buf)
    doc = json.loads(buf.getvalue())
    assert "@context" in doc
    assert_same_dataset(buf.getvalue(), "json-ld", seeds_store)


def test_unknown_format_is_an_input_error(seeds_store: GraphStore) -> None:
    from stancegraph.errors import InputError

    with pytest.raises(InputError, match="unknown export format"):
        export_store(seeds_store, "docx", io.BytesIO())


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv"])
def test_actor_network_exports(seeds_store: GraphStore, fmt: str) -> None:
    graph = actor_network(seeds_store)
    assert graph.number_of_nodes() >= 4 and graph.number_of_edges() >= 4
    stances = {d["stance"] for _, _, d in graph.edges(data=True)}
    assert {"ready", "accuses"} <= stances
    buf = io.BytesIO()
    write_network(graph, fmt, buf)
    assert len(buf.getvalue()) > 100
    if fmt == "graphml":
        import networkx as nx

        back = nx.read_graphml(io.BytesIO(buf.getvalue()))
        assert back.number_of_edges() == graph.number_of_edges()
