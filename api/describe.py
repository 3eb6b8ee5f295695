"""What a minted IRI's document says: a CONSTRUCT over the store, serialized by pyoxigraph.

Why CONSTRUCT and not a hand-written serializer: the description is itself a SPARQL
result, so a client can reproduce it on the endpoint, and pyoxigraph does the escaping of
every format. Each kind of resource gets the triples a reader needs to make sense of it:

- everything: its outgoing triples with the labels of what they point to, and up to 500
  incoming triples with the labels of their subjects (who points here);
- a statement: also its evidence spans in full and the articles that report it;
- a named graph (``id/graph/...``): the triples of that graph.
"""

from __future__ import annotations

from functools import cache

from pyoxigraph import NamedNode, Quad, RdfFormat, Triple, Variable, serialize

from stancegraph.graph import namespaces as ns
from stancegraph.graph.store import GraphStore, ontology_quads

# Every article graph restates what it says about an actor or a statement, so a triple of
# the union can come once per graph: each part reads its triples DISTINCT first and only
# then looks up the labels of the (few) distinct nodes they point to.
GENERIC = """
CONSTRUCT {
  ?r ?p ?o . ?o rdfs:label ?ol . ?o schema:name ?on . ?o skos:prefLabel ?opl .
  ?s ?q ?r . ?s rdfs:label ?sl . ?s schema:name ?sn .
}
WHERE {
  { SELECT DISTINCT ?r ?p ?o ?ol ?on ?opl WHERE {
      { SELECT DISTINCT ?r ?p ?o WHERE { ?r ?p ?o } }
      OPTIONAL { ?o rdfs:label ?ol } OPTIONAL { ?o schema:name ?on } OPTIONAL { ?o skos:prefLabel ?opl } } }
  UNION
  { SELECT DISTINCT ?s ?q ?r ?sl ?sn WHERE {
      { SELECT DISTINCT ?s ?q ?r WHERE { ?s ?q ?r } LIMIT 500 }
      OPTIONAL { ?s rdfs:label ?sl } OPTIONAL { ?s schema:name ?sn } } }
}
"""

STATEMENT = """
CONSTRUCT {
  ?r ?p ?o . ?o rdfs:label ?ol . ?o schema:name ?on . ?o skos:prefLabel ?opl .
  ?span ?sp ?so .
  ?article ?ap ?ao . ?publisher schema:name ?pn .
}
WHERE {
  { SELECT DISTINCT ?r ?p ?o ?ol ?on ?opl WHERE {
      { SELECT DISTINCT ?r ?p ?o WHERE { ?r ?p ?o } }
      OPTIONAL { ?o rdfs:label ?ol } OPTIONAL { ?o schema:name ?on } OPTIONAL { ?o skos:prefLabel ?opl } } }
  UNION { SELECT DISTINCT ?r ?span ?sp ?so WHERE { ?r sg:evidence ?span . ?span ?sp ?so } }
  UNION { SELECT DISTINCT ?r ?article ?ap ?ao ?publisher ?pn WHERE {
      { SELECT DISTINCT ?r ?article WHERE { ?r sg:reportedIn ?article } }
      ?article ?ap ?ao
      OPTIONAL { ?article schema:publisher ?publisher . ?publisher schema:name ?pn } } }
}
"""

GRAPH = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?r { ?s ?p ?o } }"

#: Prefixes written into Turtle documents (JSON-LD and N-Triples stay expanded). Minted IRIs
#: stay whole: ``sgid:actor\/x`` would be valid Turtle but unreadable.
PREFIXES = {k: v for k, v in ns.PREFIXES.items() if k != "sgid"}


def iri_for(path: str) -> str:
    """The minted IRI that ``/id/{path}`` stands for."""
    return ns.ID + path


def describe(store: GraphStore, value: str) -> list[Triple]:
    """The triples of the resource's document (empty when the store knows nothing of it)."""
    kind = value[len(ns.ID) :].split("/", 1)[0] if value.startswith(ns.ID) else ""
    node = NamedNode(value)
    if kind == "graph":
        if not store.raw.contains_named_graph(node):
            return []
        result = store.query(GRAPH, substitutions={Variable("r"): node})
    else:
        query = STATEMENT if kind == "statement" else GENERIC
        result = store.query(query, substitutions={Variable("r"): node}, use_default_graph_as_union=True)
    return list(result)


def serialize_triples(triples: list[Triple], fmt: RdfFormat, extra_prefixes: dict[str, str] | None = None) -> bytes:
    """Triples in ``fmt`` by pyoxigraph's serializer (prefixes for Turtle).

    Sorted first, so each subject's triples are adjacent and Turtle groups them.
    """
    triples = sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    if fmt is RdfFormat.TURTLE:
        return serialize(triples, format=fmt, prefixes={**PREFIXES, **(extra_prefixes or {})}) or b""
    return serialize(triples, format=fmt) or b""


@cache
def ontology_triples() -> tuple[Triple, ...]:
    """The ontology files (classes, properties, stance and condition schemes), read once."""
    return tuple(_triple(q) for q in ontology_quads())


def _triple(q: Quad) -> Triple:
    return Triple(q.subject, q.predicate, q.object)
