"""W3C SPARQL 1.1 conformance over HTTP: protocol, service description, query syntax.

The manifests are read with rdflib from ``../shared/w3c-rdf-tests/sparql/sparql11/``:

- ``protocol/manifest.ttl`` (34 ``mf:ProtocolTest``): each entry's HTTP exchange is in
  ``ht:requests`` (method, path, headers, body and its encoding, expected status class,
  boolean and format), run in order against our server. ``ut:graphData`` names the data
  files to load first, under the ``kasei.us`` graph IRIs the queries use (uploaded through
  our Graph Store endpoint; no network). :data:`PROTOCOL` keys every entry by name with
  what we assert beyond the manifest (the exact status); an entry missing there fails.
  The server has updates enabled with a token (the update tests need it).
- ``service-description/manifest.ttl`` (3 tests): the checks of the W3C validator
  (kasei/sparql11-sdvalidator), keyed by name in :data:`SERVICE_DESCRIPTION`.
- ``syntax-query/manifest.ttl``: every positive syntax test answers 200, every negative
  one 400 (never 500).

Run: ``.venv/bin/pytest tests/test_w3c_protocol.py -q``
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import rdflib
from rdflib import RDF, Namespace, URIRef
from rdflib.collection import Collection

from tests.sparql_support import PROTOCOL_DIR, TOKEN, W3C, ask_value, protocol_graphs, sparql_server

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
RESULT_TYPES = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
RDF_TYPES = {
    "text/turtle": "turtle",
    "application/rdf+xml": "xml",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "text/n3": "n3",
    "application/n-quads": "nquads",
    "application/trig": "trig",
}


def _manifest(path: Path) -> tuple[rdflib.Graph, list[URIRef]]:
    graph = rdflib.Graph().parse(path, format="turtle")
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    entries = list(Collection(graph, graph.value(manifest, MF.entries)))
    return graph, [URIRef(e) for e in entries]


def _name(entry: URIRef) -> str:
    return str(entry).rsplit("#", 1)[-1]


PROTOCOL_GRAPH, PROTOCOL_ENTRIES = _manifest(PROTOCOL_DIR / "manifest.ttl")
SD_GRAPH, SD_ENTRIES = _manifest(W3C / "service-description" / "manifest.ttl")
SYNTAX_GRAPH, SYNTAX_ENTRIES = _manifest(W3C / "syntax-query" / "manifest.ttl")

#: Every protocol test by name → the exact status of each of its requests (the manifest
#: only gives a class, 2xx/3xx or 4xx). An entry missing here fails the run.
PROTOCOL: dict[str, tuple[int, ...]] = {
    "query_post_form": (200,),
    "query_dataset_default_graphs_get": (200,),
    "query_dataset_default_graphs_post": (200,),
    "query_dataset_named_graphs_post": (200,),
    "query_dataset_named_graphs_get": (200,),
    "query_dataset_full": (200,),
    "query_multiple_dataset": (200,),
    "query_get": (200,),
    "query_content_type_select": (200,),
    "query_content_type_ask": (200,),
    "query_content_type_describe": (200,),
    "query_content_type_construct": (200,),
    "update_dataset_default_graph": (204, 200),
    "update_dataset_default_graphs": (204, 200),
    "update_dataset_named_graphs": (204, 200),
    "update_dataset_full": (204, 200),
    "update_post_form": (204,),
    "update_post_direct": (204,),
    "update_base_uri": (204, 200),
    "query_post_direct": (200,),
    "bad_query_method": (405,),
    "bad_multiple_queries": (400,),
    "bad_query_wrong_media_type": (415,),
    "bad_query_missing_form_type": (415,),
    "bad_query_missing_direct_type": (415,),
    "bad_query_non_utf8": (415,),
    "bad_query_syntax": (400,),
    "bad_update_get": (400,),
    "bad_multiple_updates": (400,),
    "bad_update_wrong_media_type": (415,),
    "bad_update_missing_form_type": (415,),
    "bad_update_non_utf8": (415,),
    "bad_update_syntax": (400,),
    "bad_update_dataset_conflict": (400,),
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("w3c") / "store"
    with sparql_server(path, allow_update=True, update_token=TOKEN, query_timeout=20.0, synthetic=0) as base:
        yield base


@pytest.fixture(scope="module")
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=30, follow_redirects=False) as c:
        yield c


def test_every_protocol_entry_is_implemented() -> None:
    names = [_name(e) for e in PROTOCOL_ENTRIES]
    assert len(names) == 34
    assert set(names) == set(PROTOCOL), f"not implemented: {set(names) - set(PROTOCOL)}"
    assert len(SD_ENTRIES) == 3


def _load_graph_data(client: httpx.Client, entry: URIRef) -> None:
    """Upload the entry's ut:graphData files under their graph IRIs (from local files)."""
    local = protocol_graphs()
    for data in PROTOCOL_GRAPH.objects(entry, UT.graphData):
        iri = str(PROTOCOL_GRAPH.value(data, rdflib.RDFS.label))
        file = local[iri]
        assert Path(str(PROTOCOL_GRAPH.value(data, UT.graph)).removeprefix("file://")).name == file.name
        r = client.put(
            "/store",
            params={"graph": iri},
            content=file.read_bytes(),
            headers={"content-type": "application/n-triples", "authorization": f"Bearer {TOKEN}"},
        )
        assert r.status_code in (201, 204), r.text


def _requests(entry: URIRef) -> list[rdflib.term.Node]:
    action = PROTOCOL_GRAPH.value(entry, MF.action)
    return list(Collection(PROTOCOL_GRAPH, PROTOCOL_GRAPH.value(action, HT.requests)))


def _send(client: httpx.Client, req: rdflib.term.Node) -> httpx.Response:
    g = PROTOCOL_GRAPH
    method = str(g.value(req, HT.methodName))
    path = str(g.value(req, HT.absolutePath))
    assert path.startswith("/sparql/")
    path = "/sparql" + path.removeprefix("/sparql/")
    headers = {"authorization": f"Bearer {TOKEN}"}
    list_node = g.value(req, HT.headers)
    for header in Collection(g, list_node) if list_node is not None else []:
        headers[str(g.value(header, HT.fieldName))] = str(g.value(header, HT.fieldValue))
    content = None
    body = g.value(req, HT.body)
    if body is not None:
        encoding = str(g.value(body, CNT.characterEncoding) or "UTF-8")
        content = str(g.value(body, CNT.chars)).encode(encoding.lower())
    return client.request(method, path, headers=headers, content=content)


def _status_ok(status: int, classes: set[str]) -> bool:
    return any(c.endswith(f"StatusCode{str(status)[0]}xx") for c in classes)


@pytest.mark.parametrize("entry", PROTOCOL_ENTRIES, ids=_name)
def test_protocol(client: httpx.Client, entry: URIRef) -> None:
    name = _name(entry)
    assert name in PROTOCOL, f"protocol test {name} has no implementation"
    g = PROTOCOL_GRAPH
    _load_graph_data(client, entry)
    for req, exact in zip(_requests(entry), PROTOCOL[name], strict=True):
        r = _send(client, req)
        resp = g.value(req, HT.resp)
        classes = {str(c) for c in g.objects(resp, MF.expectedStatus)}
        assert _status_ok(r.status_code, classes), f"{name}: {r.status_code} {r.text[:300]}"
        assert r.status_code == exact, f"{name}: {r.status_code} {r.text[:300]}"
        media = r.headers.get("content-type", "").split(";")[0].strip()
        if r.status_code >= 400:
            assert media == "application/json" and r.json()["error"]["status"] == r.status_code
        expected_format = g.value(resp, MF.expectedFormat)
        if expected_format is not None and str(expected_format) in ("boolean", "tabular"):
            assert media in RESULT_TYPES, f"{name}: {media}"
        if expected_format is not None and str(expected_format) == "RDF":
            assert media in RDF_TYPES, f"{name}: {media}"
            rdflib.Graph().parse(data=r.content, format=RDF_TYPES[media])
        expected_bool = g.value(resp, MF.expectedBoolean)
        if expected_bool is not None:
            assert ask_value(media, r.content) is expected_bool.toPython(), f"{name}: {r.text}"


# -- service description ----------------------------------------------------------------


def _description(server: str, accept: str) -> tuple[rdflib.Graph, str]:
    with httpx.Client(base_url=server) as c:
        r = c.get("/sparql", headers={"accept": accept})
    assert r.status_code == 200, r.text
    media = r.headers["content-type"].split(";")[0].strip()
    return rdflib.Graph().parse(data=r.content, format=RDF_TYPES[media]), media


def _returns_rdf(server: str) -> None:
    for accept, media in (
        ("text/turtle", "text/turtle"),
        ("application/rdf+xml", "application/rdf+xml"),
        ("application/ld+json", "application/ld+json"),
        ("*/*", "text/turtle"),
        ("application/n-triples", "application/n-triples"),
    ):
        graph, got = _description(server, accept)
        assert got == media and len(graph) > 5


def _has_endpoint_triple(server: str) -> None:
    graph, _ = _description(server, "text/turtle")
    services = list(graph.subjects(SD.endpoint, URIRef(server + "/sparql")))
    assert services
    service = services[0]
    assert (service, RDF.type, SD.Service) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Update) in graph  # this server allows updates
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph
    formats = set(graph.objects(service, SD.resultFormat))
    for f in (
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "RDF_XML",
        "N-Triples",
        "JSON-LD",
    ):
        assert URIRef("http://www.w3.org/ns/formats/" + f) in formats


def _conforms_to_schema(server: str) -> None:
    graph, _ = _description(server, "text/turtle")
    # required (validator): every sd:NamedGraph has an sd:name
    for named in graph.subjects(RDF.type, SD.NamedGraph):
        assert graph.value(named, SD.name) is not None
    # best practice (validator): datasets and graphs are typed, datasets have a graph
    for dataset in graph.objects(None, SD.defaultDataset):
        assert (dataset, RDF.type, SD.Dataset) in graph
        assert graph.value(dataset, SD.defaultGraph) is not None or graph.value(dataset, SD.namedGraph) is not None
    for g in graph.objects(None, SD.defaultGraph):
        assert (g, RDF.type, SD.Graph) in graph


SERVICE_DESCRIPTION: dict[str, Callable[[str], None]] = {
    "returns-rdf": _returns_rdf,
    "has-endpoint-triple": _has_endpoint_triple,
    "conforms-to-schema": _conforms_to_schema,
}


@pytest.mark.parametrize("entry", SD_ENTRIES, ids=_name)
def test_service_description(server: str, entry: URIRef) -> None:
    name = _name(entry)
    assert name in SERVICE_DESCRIPTION, f"service description test {name} has no implementation"
    SERVICE_DESCRIPTION[name](server)


# -- query syntax -------------------------------------------------------------------------


def _syntax_cases() -> list[Any]:
    cases = []
    for entry in SYNTAX_ENTRIES:
        kind = SYNTAX_GRAPH.value(entry, RDF.type)
        action = SYNTAX_GRAPH.value(entry, MF.action)
        file = W3C / "syntax-query" / urllib.parse.unquote(str(action).rsplit("/", 1)[-1])
        positive = str(kind).endswith("PositiveSyntaxTest11")
        assert positive or str(kind).endswith("NegativeSyntaxTest11")
        cases.append(pytest.param(file, positive, id=_name(entry)))
    return cases


SYNTAX_CASES = _syntax_cases()


def test_syntax_suite_size() -> None:
    assert len(SYNTAX_CASES) == 94  # 63 positive, 31 negative


@pytest.mark.parametrize(("file", "positive"), SYNTAX_CASES)
def test_query_syntax(client: httpx.Client, file: Path, positive: bool) -> None:
    r = client.post("/sparql", content=file.read_bytes(), headers={"content-type": "application/sparql-query"})
    assert r.status_code == (200 if positive else 400), f"{file.name}: {r.status_code} {r.text[:300]}"
