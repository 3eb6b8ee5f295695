"""The actor network as a networkx graph, for Gephi, R (igraph) or pandas.

Nodes are actors (label, kind, side); a directed edge ``speaker → target`` sums the
statements the speaker made about or to the target, with one count per stance, so
"who accuses whom" or "who urges whom to talk" is an edge filter in Gephi.
"""

from __future__ import annotations

import csv
import io
from typing import IO

import networkx as nx

from stancegraph.errors import InputError
from stancegraph.graph.store import GraphStore

NETWORK_QUERY = """
SELECT ?speaker ?speakerName ?speakerKind ?speakerSide ?target ?targetName ?stance (COUNT(DISTINCT ?s) AS ?n)
WHERE {
  ?s a sg:Statement ; sg:speaker ?speaker ; sg:target ?target ; sg:stance ?st .
  BIND(STRAFTER(STR(?st), "/stance/") AS ?stance)
  OPTIONAL { ?speaker schema:name ?speakerName }
  OPTIONAL { ?speaker a ?cls . FILTER(STRSTARTS(STR(?cls), STR(sg:))) BIND(STRAFTER(STR(?cls), "#") AS ?speakerKind) }
  OPTIONAL { ?speaker sg:affiliation/schema:name ?speakerSide }
  OPTIONAL { ?target schema:name ?targetName }
}
GROUP BY ?speaker ?speakerName ?speakerKind ?speakerSide ?target ?targetName ?stance
"""


def actor_network(store: GraphStore) -> nx.MultiDiGraph:
    """Speaker → target edges, one per (speaker, target, stance), weighted by statements."""
    graph: nx.MultiDiGraph = nx.MultiDiGraph()
    for row in store.select(NETWORK_QUERY):
        sp, tg = row["speaker"], row["target"]
        if not graph.has_node(sp):
            graph.add_node(
                sp, label=row["speakerName"] or sp, kind=row["speakerKind"] or "", side=row["speakerSide"] or ""
            )
        elif row["speakerName"] and len(row["speakerName"]) > len(graph.nodes[sp]["label"]):
            graph.nodes[sp]["label"] = row["speakerName"]
        if not graph.has_node(tg):
            graph.add_node(tg, label=row["targetName"] or tg, kind="", side="")
        key = row["stance"]
        if graph.has_edge(sp, tg, key):
            graph.edges[sp, tg, key]["weight"] += int(row["n"])
        else:
            graph.add_edge(sp, tg, key=key, stance=key, weight=int(row["n"]))
    return graph


def write_network(graph: nx.MultiDiGraph, fmt: str, output: IO[bytes]) -> None:
    """Write the network as GraphML, GEXF or a CSV edge list."""
    fmt = fmt.lower()
    if fmt == "graphml":
        nx.write_graphml(graph, output)
    elif fmt == "gexf":
        nx.write_gexf(graph, output)
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(["source", "source_label", "target", "target_label", "stance", "weight"])
        for s, t, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["stance"])):
            writer.writerow([s, graph.nodes[s]["label"], t, graph.nodes[t]["label"], data["stance"], data["weight"]])
        output.write(buf.getvalue().encode("utf-8"))
    else:
        raise InputError(f"unknown network format {fmt!r} (graphml, gexf, csv)")
