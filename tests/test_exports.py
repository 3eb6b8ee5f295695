"""Exports round-trip: what comes out parses back into the same graph (isomorphic)."""

from __future__ import annotations

import io
import json

import pytest
import rdflib
from pyoxigraph import RdfFormat, parse

from stancegraph.graph.exports import export_store
from stancegraph.graph.network import actor_network, write_network
from stancegraph.graph.store import GraphStore


def _quads(store: GraphStore) -> set[str]:
    return {str(q) for q in store.quads()}


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_dataset_exports_round_trip(seeds_store: GraphStore, tmp_path, fmt: str) -> None:
    buf = io.BytesIO()
    export_store(seeds_store, fmt, buf)
    other = GraphStore(tmp_path / "copy")
    other.load_rdf(buf.getvalue(), RdfFormat.N_QUADS if fmt == "nq" else RdfFormat.TRIG)
    assert _quads(other) == _quads(seeds_store)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "rdf"])
def test_triple_exports_carry_the_union(seeds_store: GraphStore, fmt: str) -> None:
    buf = io.BytesIO()
    export_store(seeds_store, fmt, buf)
    rdf_format = {"ttl": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES, "rdf": RdfFormat.RDF_XML}[fmt]
    exported = {str(t) for t in parse(buf.getvalue(), format=rdf_format)}
    union = {str(t) for t in seeds_store.raw.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert exported == union


def test_json_ld_export_is_compact_and_isomorphic(seeds_store: GraphStore) -> None:
    buf = io.BytesIO()
    export_store(seeds_store, "jsonld", buf)
    doc = json.loads(buf.getvalue())
    assert "@context" in doc
    ds = rdflib.Dataset()
    ds.parse(data=buf.getvalue(), format="json-ld")
    ref = rdflib.Dataset()
    ref.parse(data=seeds_store.raw.dump(format=RdfFormat.N_QUADS), format="nquads")
    assert len(ds) == len(ref)
    for ctx in ref.contexts():
        if len(ctx) == 0:
            continue
        mine = ds.graph(ctx.identifier)
        assert rdflib.compare.isomorphic(mine, ctx), ctx.identifier


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
