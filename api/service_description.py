"""The SPARQL 1.1 Service Description returned by ``GET /sparql`` without a query.

https://www.w3.org/TR/sparql11-service-description/#accessing: "SPARQL services made
available via the SPARQL Protocol should return a service description document at the
service endpoint when dereferenced using the HTTP GET operation without any query
parameter strings provided". The description says what a client can rely on: the
endpoint IRI (``sd:endpoint``, the URL the client used, or ``settings.public_url``), the
languages (``sd:SPARQL11Query``, plus ``sd:SPARQL11Update`` when updates are enabled),
every result format (``sd:resultFormat``, the W3C format IRIs pyoxigraph knows), the
``sd:UnionDefaultGraph`` feature when queries without a dataset see the union of the
named graphs, and the default dataset (``sd:defaultDataset``) with every named graph
(``sd:namedGraph``, by ``sd:name``: one per article plus the ontology and the gazetteer,
so a client can pick ``FROM NAMED`` graphs without a first query). It is built as pyoxigraph
triples and serialized by pyoxigraph in the negotiated RDF format (Turtle by default).
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import BlankNode, NamedNode, QueryResultsFormat, RdfFormat, Triple, serialize

from stancegraph.graph import namespaces as ns
from stancegraph.settings import Settings

SD = ns.SD
RDF_TYPE = NamedNode(ns.RDF + "type")

#: The formats the service description itself is offered in (Turtle first: the default).
DESCRIPTION_OFFERS = (
    "text/turtle",
    "application/rdf+xml",
    "application/ld+json",
    "application/n-triples",
    "text/n3",
    "application/x-turtle",
    "application/xml",
    "text/xml",
    "application/json",
    "text/plain",
)

RESULT_FORMATS = (
    QueryResultsFormat.JSON,
    QueryResultsFormat.XML,
    QueryResultsFormat.CSV,
    QueryResultsFormat.TSV,
)
GRAPH_FORMATS = (
    RdfFormat.TURTLE,
    RdfFormat.N_TRIPLES,
    RdfFormat.RDF_XML,
    RdfFormat.JSON_LD,
    RdfFormat.N_QUADS,
    RdfFormat.TRIG,
    RdfFormat.N3,
)
JSON_LD_IRI = "http://www.w3.org/ns/formats/JSON-LD"
INPUT_FORMATS = (RdfFormat.TURTLE, RdfFormat.N_TRIPLES, RdfFormat.RDF_XML, RdfFormat.JSON_LD)


def _sd(term: str) -> NamedNode:
    return NamedNode(SD + term)


def description(endpoint: str, settings: Settings, graphs: Iterable[str] = ()) -> list[Triple]:
    """The service description of the endpoint at ``endpoint``, with the named ``graphs``."""
    service, dataset, default_graph = BlankNode("service"), BlankNode("dataset"), BlankNode("defaultGraph")
    triples = [
        Triple(service, RDF_TYPE, _sd("Service")),
        Triple(service, _sd("endpoint"), NamedNode(endpoint)),
        Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        Triple(service, _sd("defaultEntailmentRegime"), NamedNode("http://www.w3.org/ns/entailment/Simple")),
        Triple(service, _sd("defaultDataset"), dataset),
        Triple(dataset, RDF_TYPE, _sd("Dataset")),
        Triple(dataset, _sd("defaultGraph"), default_graph),
        Triple(default_graph, RDF_TYPE, _sd("Graph")),
    ]
    for name in graphs:  # https://www.w3.org/TR/sparql11-service-description/#sd-NamedGraph
        named, graph = BlankNode(), BlankNode()
        triples += [
            Triple(dataset, _sd("namedGraph"), named),
            Triple(named, RDF_TYPE, _sd("NamedGraph")),
            Triple(named, _sd("name"), NamedNode(name)),
            Triple(named, _sd("graph"), graph),
            Triple(graph, RDF_TYPE, _sd("Graph")),
        ]
    if settings.union_default_graph:
        triples.append(Triple(service, _sd("feature"), _sd("UnionDefaultGraph")))
    if settings.allow_update and settings.update_token:
        triples.append(Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Update")))
        triples += [Triple(service, _sd("inputFormat"), _iri(f)) for f in INPUT_FORMATS]
    triples += [Triple(service, _sd("resultFormat"), _iri(f)) for f in (*RESULT_FORMATS, *GRAPH_FORMATS)]
    return triples


def _iri(fmt: QueryResultsFormat | RdfFormat) -> NamedNode:
    """The W3C format IRI (pyoxigraph names JSON-LD by a non-canonical IRI)."""
    return NamedNode(JSON_LD_IRI if fmt == RdfFormat.JSON_LD else fmt.iri)


def render(endpoint: str, settings: Settings, fmt: RdfFormat, graphs: Iterable[str] = ()) -> bytes:
    """The service description serialized by pyoxigraph in ``fmt``."""
    prefixes = {"sd": SD, "formats": "http://www.w3.org/ns/formats/", "rdf": ns.RDF}
    use_prefixes = fmt in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.N3, RdfFormat.RDF_XML)
    triples = description(endpoint, settings, graphs)
    return serialize(triples, format=fmt, prefixes=prefixes if use_prefixes else None) or b""
