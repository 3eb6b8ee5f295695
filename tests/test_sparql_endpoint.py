"""The SPARQL endpoint as clients use it: conneg, format parameters, datasets, SPARQLWrapper, CORS.

A real uvicorn on 127.0.0.1 over a real on-disk store (W3C protocol graphs + a synthetic
graph of 400 items, see :mod:`tests.sparql_support`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from stancegraph.api.negotiation import negotiate, negotiate_graph, negotiate_results
from tests.sparql_support import EX, KASEI, SYNTHETIC_GRAPH, SYNTHETIC_SIZE, sparql_server

COUNT = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{SYNTHETIC_GRAPH}> {{ ?s <{EX}value> ?v }} }}"
CONSTRUCT = f"CONSTRUCT {{ ?s <{EX}value> ?v }} WHERE {{ ?s <{EX}value> ?v }} LIMIT 3"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path: Path = tmp_path_factory.mktemp("endpoint") / "store"
    with sparql_server(path, max_results=500, cors_origins=("https://example.org",)) as url:
        yield url


@pytest.fixture(scope="module")
def client(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, timeout=30) as c:
        yield c


# -- negotiation (pure) -------------------------------------------------------------------


def test_accept_q_values_and_wildcards() -> None:
    offers = ["text/turtle", "application/rdf+xml", "application/ld+json"]
    assert negotiate(None, offers) == "text/turtle"
    assert negotiate("*/*", offers) == "text/turtle"
    assert negotiate("application/rdf+xml;q=0.9, application/ld+json", offers) == "application/ld+json"
    assert negotiate("application/*;q=0.8, text/turtle;q=0.1", offers) == "application/rdf+xml"
    assert negotiate("text/*, text/turtle;q=0", offers) is None
    assert negotiate("text/html", offers) is None
    assert negotiate("text/html, */*;q=0.1", offers) == "text/turtle"


def test_results_and_graph_formats_are_chosen_separately() -> None:
    fmt = negotiate_results("text/csv")
    assert fmt is not None and fmt.media_type.startswith("text/csv")
    assert negotiate_graph("text/csv") is None
    graph = negotiate_graph("application/sparql-results+xml, application/rdf+xml;q=0.5")
    assert graph is not None and graph.media_type == "application/rdf+xml"
    # SPARQLWrapper's format parameters: short names and media types, repeated
    tsv = negotiate_results(None, ["tsv", "text/tab-separated-values"])
    assert tsv is not None and tsv.media_type.startswith("text/tab-separated-values")
    rdfxml = negotiate_graph(None, ["xml"])
    assert rdfxml is not None and rdfxml.media_type == "application/rdf+xml"
    assert negotiate_results(None, ["html"]) is None


# -- over HTTP --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        (None, "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/json", "application/sparql-results+json"),
        ("text/turtle;q=0.9, text/csv;q=0.5", "text/csv"),
    ],
)
def test_select_formats(client: httpx.Client, accept: str | None, media: str) -> None:
    headers = {"accept": accept} if accept else {}
    r = client.get("/sparql", params={"query": COUNT}, headers=headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media
    assert str(SYNTHETIC_SIZE) in r.text
    assert "Accept" in r.headers["vary"]


@pytest.mark.parametrize(
    "media",
    [
        "text/turtle",
        "application/n-triples",
        "application/n-quads",
        "application/trig",
        "application/ld+json",
        "application/rdf+xml",
        "text/n3",
    ],
)
def test_construct_formats(client: httpx.Client, media: str) -> None:
    r = client.post("/sparql", data={"query": CONSTRUCT}, headers={"accept": media})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media
    fmt = {"text/turtle": "turtle", "application/n-triples": "nt", "application/n-quads": "nquads",
           "application/trig": "trig", "application/ld+json": "json-ld", "application/rdf+xml": "xml",
           "text/n3": "n3"}[media]  # fmt: skip
    graph = rdflib.Dataset().parse(data=r.content, format=fmt) if media in ("application/n-quads",
        "application/trig") else rdflib.Graph().parse(data=r.content, format=fmt)  # fmt: skip
    assert len(graph) == 3


def test_format_is_chosen_by_result_type(client: httpx.Client) -> None:
    accept = "application/sparql-results+json, text/turtle;q=0.5"
    select = client.get("/sparql", params={"query": COUNT}, headers={"accept": accept})
    construct = client.get("/sparql", params={"query": CONSTRUCT}, headers={"accept": accept})
    assert select.headers["content-type"].startswith("application/sparql-results+json")
    assert construct.headers["content-type"].startswith("text/turtle")


def test_not_acceptable(client: httpx.Client) -> None:
    for query, accept in ((CONSTRUCT, "application/sparql-results+json"), (COUNT, "text/turtle"),
                          (COUNT, "text/html")):  # fmt: skip
        r = client.get("/sparql", params={"query": query}, headers={"accept": accept})
        assert r.status_code == 406, r.text
        assert r.json()["error"]["code"] == "not-acceptable"


def test_format_parameter_overrides_accept(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": COUNT, "format": "csv"}, headers={"accept": "application/json"})
    assert r.headers["content-type"].startswith("text/csv")
    r = client.get("/sparql", params={"query": CONSTRUCT, "output": "json-ld"})
    assert r.headers["content-type"].startswith("application/ld+json")
    r = client.get("/sparql", params={"query": CONSTRUCT, "results": "application/rdf+xml"})
    assert r.headers["content-type"].startswith("application/rdf+xml")


def test_union_default_graph_and_datasets(client: httpx.Client) -> None:
    def ask(query: str, **params: str | list[str]) -> bool:
        r = client.get("/sparql", params={"query": query, **params})
        assert r.status_code == 200, r.text
        return bool(r.json()["boolean"])

    doc1 = f"<{KASEI}data1.rdf> a ?type"
    assert ask(f"ASK {{ {doc1} }}")  # default graph = union of named graphs
    assert not ask(f"ASK FROM <{KASEI}data2.rdf> {{ {doc1} }}")  # FROM wins over the union
    assert ask(f"ASK FROM <{KASEI}data1.rdf> {{ {doc1} }}")
    assert not ask(f"ASK {{ {doc1} }}", **{"default-graph-uri": f"{KASEI}data2.rdf"})
    assert ask(f"ASK {{ GRAPH ?g {{ {doc1} }} }}", **{"named-graph-uri": f"{KASEI}data1.rdf"})
    assert not ask(f"ASK {{ GRAPH ?g {{ {doc1} }} }}", **{"named-graph-uri": f"{KASEI}data2.rdf"})


def test_bad_dataset_iri_and_missing_query(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad-input"
    r = client.post("/sparql", data={"default-graph-uri": "http://example.org/g"})
    assert r.status_code == 400


def test_syntax_error_is_400_with_the_parser_message(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
    assert r.status_code == 400
    error = r.json()["error"]
    assert error["code"] == "bad-query" and "error at 1:" in error["message"]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_sparqlwrapper_roundtrips(base: str) -> None:
    endpoint = base + "/sparql"
    for method in ("GET", POST):
        for fmt in (JSON, XML, CSV, TSV):
            w = SPARQLWrapper(endpoint, returnFormat=fmt)
            w.setMethod(method)
            w.setQuery(COUNT)
            result = w.query()
            assert result.response.status == 200
            body = result.convert()
            text = json.dumps(body) if fmt == JSON else body.toxml() if fmt == XML else body.decode()
            assert str(SYNTHETIC_SIZE) in text
        w = SPARQLWrapper(endpoint, returnFormat=JSON)
        w.setMethod(method)
        w.setQuery(f"ASK {{ <{KASEI}data1.rdf> ?p ?o }}")
        assert w.query().convert()["boolean"] is True
        for fmt in (TURTLE, RDFXML, JSONLD, N3, XML):
            w = SPARQLWrapper(endpoint, returnFormat=fmt)
            w.setMethod(method)
            w.setQuery(CONSTRUCT)
            converted = w.query().convert()
            graph = converted if isinstance(converted, rdflib.Graph) else rdflib.Graph().parse(
                data=converted, format="turtle" if fmt in (TURTLE, N3) else "json-ld")  # fmt: skip
            assert len(graph) == 3, fmt


def test_cors_preflight_and_simple_request(client: httpx.Client) -> None:
    r = client.options(
        "/sparql",
        headers={
            "origin": "https://example.org",
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type",
        },
    )
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == "https://example.org"
    assert "POST" in r.headers["access-control-allow-methods"]
    r = client.get("/sparql", params={"query": "ASK {}"}, headers={"origin": "https://example.org"})
    assert r.headers["access-control-allow-origin"] == "https://example.org"
    r = client.options("/sparql", headers={"origin": "https://evil.example", "access-control-request-method": "POST"})
    assert r.status_code == 400 and "access-control-allow-origin" not in r.headers


def test_service_description_conneg(client: httpx.Client, base: str) -> None:
    r = client.get("/sparql")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=r.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = graph.value(None, sd.endpoint, rdflib.URIRef(base + "/sparql"))
    assert service is not None
    assert (service, sd.supportedLanguage, sd.SPARQL11Update) not in graph  # read-only server
    r = client.get("/sparql", headers={"accept": "text/html"})
    assert r.status_code == 406 and r.json()["error"]["code"] == "not-acceptable"
