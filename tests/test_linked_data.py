"""Linked data against a real uvicorn: dereferencing, documents, ontology, VoID, examples, dumps."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from pyoxigraph import Dataset, NamedNode, RdfFormat, Store, parse

from stancegraph.graph import namespaces as ns

PUTIN = "actor/vladimir-putin"
LICENSE = "https://example.org/licence/test"
FORMATS = {
    "text/html": "html",
    "text/turtle": "ttl",
    "application/ld+json": "jsonld",
    "application/n-triples": "nt",
}


@pytest.fixture
def ld(live_server: Callable[..., str]) -> httpx.Client:
    with httpx.Client(base_url=live_server(license_iri=LICENSE), timeout=30) as client:
        yield client


def triples(resp: httpx.Response, fmt: RdfFormat) -> list:  # type: ignore[type-arg]
    assert resp.status_code == 200, resp.text
    return list(parse(resp.content, format=fmt, base_iri="https://w3id.org/stancegraph/"))


def ready_statement(ld: httpx.Client) -> str:
    items = ld.get("/statements", params={"speaker": "vladimir-putin", "stance": "ready", "limit": 100}).json()
    return next(s["id"] for s in items["items"] if s["date"] == "2022-12-25")


REDIRECTS = [
    *FORMATS.items(),
    ("*/*", "ttl"),
    ("", "ttl"),
    ("text/html,*/*;q=0.8", "html"),
    ("application/ld+json;q=0.5, text/turtle;q=0.9", "ttl"),
    ("application/json", "jsonld"),
]


def test_iri_redirects_by_accept(ld: httpx.Client) -> None:
    for accept, ext in REDIRECTS:
        resp = ld.get(f"/id/{PUTIN}", headers={"Accept": accept}, follow_redirects=False)
        assert resp.status_code == 303, accept
        assert resp.headers["location"] == f"/doc/{PUTIN}.{ext}", accept
        assert "Accept" in resp.headers["vary"]
        links = resp.headers["link"]
        for media, e in FORMATS.items():
            assert f'</doc/{PUTIN}.{e}>; rel="alternate"; type="{media}"' in links


def test_unknown_iri_is_404_json(ld: httpx.Client) -> None:
    for path in (
        "/id/actor/nobody-at-all",
        "/id/statement/0000000000000000",
        "/doc/actor/nobody.ttl",
        "/id/../etc/passwd",
        "/doc/actor/x.exe",
    ):
        resp = ld.get(path, headers={"Accept": "text/turtle"}, follow_redirects=False)
        assert resp.status_code == 404, path
        assert resp.json()["error"]["code"] == "not-found"
    resp = ld.get(f"/id/{PUTIN}", headers={"Accept": "image/png"}, follow_redirects=False)
    assert resp.status_code == 406 and resp.json()["error"]["status"] == 406


def test_documents_in_every_format_say_the_same(ld: httpx.Client) -> None:
    subject = NamedNode(ns.ID + PUTIN)
    graphs = {}
    for media, fmt in (
        ("text/turtle", RdfFormat.TURTLE),
        ("application/ld+json", RdfFormat.JSON_LD),
        ("application/n-triples", RdfFormat.N_TRIPLES),
    ):
        resp = ld.get(f"/id/{PUTIN}", headers={"Accept": media}, follow_redirects=True)
        assert resp.headers["content-type"].startswith(media)
        assert f'<{ns.ID}{PUTIN}>; rel="describes"' in resp.headers["link"]
        graphs[media] = set(triples(resp, fmt))
    assert graphs["text/turtle"] == graphs["application/ld+json"] == graphs["application/n-triples"]
    got = graphs["text/turtle"]
    assert any(
        t.subject == subject and t.predicate.value == ns.OWL + "sameAs" and t.object.value.endswith("Q7747")
        for t in got
    )
    assert any(t.predicate.value == ns.SG + "speaker" and t.object == subject for t in got), "who points here"


def test_statement_document_has_evidence_and_articles(ld: httpx.Client) -> None:
    sid = ready_statement(ld)
    got = triples(ld.get(f"/doc/statement/{sid}.ttl"), RdfFormat.TURTLE)
    exact = [t.object.value for t in got if t.predicate.value == ns.OA + "exact"]
    starts = [t for t in got if t.predicate.value == ns.OA + "start"]
    headlines = [t.object.value for t in got if t.predicate.value == ns.SCHEMA + "headline"]
    assert len(exact) >= 2 and len(starts) == len(exact) and len(headlines) == 2
    assert any("ready" in e.lower() for e in exact)


def test_vocabulary_iris_dereference(ld: httpx.Client) -> None:
    for path in ("condition/borders-1991", "stance/ready", "scheme/conditions"):
        resp = ld.get(f"/id/{path}", headers={"Accept": "text/turtle"}, follow_redirects=True)
        got = triples(resp, RdfFormat.TURTLE)
        assert any(t.subject.value == ns.ID + path for t in got), path


def test_every_minted_subject_dereferences(ld: httpx.Client) -> None:
    """One IRI of each kind the graph mints (actors, articles, graphs, spans, runs...) has a document."""
    dump = ld.get("/dump.nq").content
    kinds: dict[str, str] = {}
    for q in parse(dump, format=RdfFormat.N_QUADS):
        for term in (q.subject, q.graph_name):
            value = getattr(term, "value", "")
            if value.startswith(ns.ID):
                kinds.setdefault(value[len(ns.ID) :].split("/")[0], value)
    assert {"actor", "article", "statement", "evidence", "activity", "graph", "software", "publisher"} <= set(kinds)
    for iri in kinds.values():
        path = iri[len(ns.ID) :]
        resp = ld.get(f"/id/{path}", headers={"Accept": "application/n-triples"}, follow_redirects=True)
        assert resp.status_code == 200 and triples(resp, RdfFormat.N_TRIPLES), iri
        html = ld.get(f"/doc/{path}.html")
        assert html.status_code == 200 and html.headers["content-type"].startswith("text/html"), iri


def test_ontology(ld: httpx.Client) -> None:
    got = triples(ld.get("/ontology", headers={"Accept": "text/turtle"}), RdfFormat.TURTLE)
    assert any(t.subject.value == ns.ONTOLOGY_IRI and t.object.value == ns.OWL + "Ontology" for t in got)
    assert any(t.subject.value == ns.SG + "Statement" for t in got)
    html = ld.get("/ontology", headers={"Accept": "text/html"})
    assert html.headers["content-type"].startswith("text/html") and "sg:Statement" in html.text
    assert ld.get("/ontology.jsonld").headers["content-type"].startswith("application/ld+json")


def test_void(ld: httpx.Client) -> None:
    resp = ld.get("/.well-known/void")
    got = triples(resp, RdfFormat.TURTLE)
    assert f'<{LICENSE}>; rel="license"' in resp.headers["link"]
    ds = next(t.subject for t in got if t.object.value == ns.VOID + "Dataset")
    props: dict[str, list[str]] = {}
    for t in got:
        if t.subject == ds:
            props.setdefault(t.predicate.value.split("#")[-1].split("/")[-1], []).append(t.object.value)
    base = str(ld.base_url).rstrip("/")
    assert props["sparqlEndpoint"] == [f"{base}/sparql"]
    assert set(props["dataDump"]) == {f"{base}/dump.nq", f"{base}/dump.trig"}
    assert props["license"] == [LICENSE] and props["uriSpace"] == [ns.ID]
    assert ns.ONTOLOGY_IRI in props["vocabulary"]
    dump_size = sum(1 for _ in parse(ld.get("/dump.nq").content, format=RdfFormat.N_QUADS))
    assert int(props["triples"][0]) == dump_size > 1000


def test_sparql_examples(ld: httpx.Client) -> None:
    from stancegraph.graph.querying import catalog

    got = triples(ld.get("/.well-known/sparql-examples"), RdfFormat.TURTLE)
    sh = "http://www.w3.org/ns/shacl#"
    examples = {t.subject.value for t in got if t.object.value == sh + "SPARQLExecutable"}
    assert len(examples) == len(catalog()) >= 10
    selects = {t.subject.value for t in got if t.object.value == sh + "SPARQLSelectExecutable"}
    assert selects == examples
    by_name = {q.name: q for q in catalog()}
    store = Store()  # every example runs as-is (it declares its prefixes)
    for t in got:
        name = t.subject.value.rsplit("/", 1)[-1]
        if t.predicate.value == sh + "select":
            list(store.query(t.object.value))
        if t.predicate.value == "http://www.w3.org/2000/01/rdf-schema#comment":
            assert t.object.value == by_name[name].description
        if t.predicate.value == "https://schema.org/target":
            assert t.object.value.endswith("/sparql")
    one = ld.get("/.well-known/sparql-examples/actor-statements")
    assert one.status_code == 200 and "/.well-known/sparql-examples/actor-statements>" in one.text
    assert ld.get("/.well-known/sparql-examples/nope").status_code == 404


@pytest.mark.parametrize(("ext", "fmt"), [("nq", RdfFormat.N_QUADS), ("trig", RdfFormat.TRIG)])
def test_dumps_keep_named_graphs_and_licence(ld: httpx.Client, ext: str, fmt: RdfFormat) -> None:
    with ld.stream("GET", f"/dump.{ext}") as resp:
        assert resp.status_code == 200
        assert resp.headers["content-type"].startswith(fmt.media_type)
        assert f'<{LICENSE}>; rel="license"' in resp.headers["link"]
        assert "content-length" not in resp.headers  # streamed
        body = resp.read()
    assert LICENSE in body.decode()[:300]
    dataset = Dataset(parse(body, format=fmt))
    graphs = {q.graph_name.value for q in dataset if hasattr(q.graph_name, "value")}
    assert ns.GAZETTEER_GRAPH in graphs and sum(g.startswith(ns.ID + "graph/article/") for g in graphs) == 5
    assert ld.get("/dump.xml").status_code == 404


def test_service_description_names_every_graph_and_they_can_be_queried(ld: httpx.Client) -> None:
    """sd:namedGraph lists the article graphs and the reference graphs; FROM NAMED works on them."""
    sd = "http://www.w3.org/ns/sparql-service-description#"
    described = triples(ld.get("/sparql", headers={"accept": "application/n-triples"}), RdfFormat.N_TRIPLES)
    names = {t.object.value for t in described if t.predicate == NamedNode(sd + "name")}
    articles = {n for n in names if n.startswith(ns.ID + "graph/article/")}
    assert len(articles) == 5 and {ns.ONTOLOGY_GRAPH, ns.GAZETTEER_GRAPH} <= names
    named = sum(1 for t in described if t.predicate == NamedNode(sd + "namedGraph"))
    assert named == len(names)
    one = sorted(articles)[0]
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{one}> {{ ?s ?p ?o }} }}"
    resp = ld.get("/sparql", params={"query": query, "named-graph-uri": one}, headers={"accept": "text/csv"})
    assert resp.status_code == 200 and int(resp.text.split()[-1]) > 10
