"""Safety of the SPARQL endpoint: SSRF, deadlines that really stop queries, limits, writes.

Every test talks to a real uvicorn on 127.0.0.1 over a real on-disk store.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph
import pytest

from stancegraph.api.safety import forbidden_keywords
from tests.conftest import serve_app
from tests.sparql_support import EX, TOKEN, sparql_server, synthetic_quads

DEADLINE = 1.0
EXPLOSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
POINT = f"SELECT ?v WHERE {{ <{EX}item/7> <{EX}value> ?v }}"
AUTH = {"authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path: Path = tmp_path_factory.mktemp("safety") / "store"
    settings = {
        "allow_update": True,
        "update_token": TOKEN,
        "query_timeout": DEADLINE,
        "max_results": 100,
        "max_query_length": 5000,
        "max_upload_bytes": 20_000,
        "sparql_processes": 2,
    }
    with sparql_server(path, **settings) as url:
        yield url


@pytest.fixture(scope="module")
def client(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, timeout=30) as c:
        yield c


@pytest.fixture
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A TCP listener on 127.0.0.1 recording every connection it gets."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    received: list[bytes] = []

    def accept() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            conn.settimeout(1)
            try:
                received.append(conn.recv(1024) or b"<connected>")
            except OSError:
                received.append(b"<connected>")
            conn.close()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", received
    server.close()


def _error(r: httpx.Response, status: int, code: str | None = None) -> dict[str, object]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    error: dict[str, object] = r.json()["error"]
    assert error["status"] == status
    if code:
        assert error["code"] == code
    text = r.text
    assert "Traceback" not in text and "/tmp" not in text and "site-packages" not in text
    return error


# -- SERVICE and LOAD: refused before execution (SSRF) ------------------------------------


def test_listener_would_see_an_unguarded_service_call(listener: tuple[str, list[bytes]]) -> None:
    """Control: pyoxigraph itself does call out, so the listener would catch a leak."""
    url, received = listener
    with pytest.raises(Exception):  # noqa: B017 - the listener answers nothing useful
        list(pyoxigraph.Store().query(f"SELECT * {{ SERVICE <{url}/x> {{ ?s ?p ?o }} }}"))
    deadline = time.monotonic() + 2
    while not received and time.monotonic() < deadline:
        time.sleep(0.02)
    assert received


def test_service_and_load_are_refused(client: httpx.Client, listener: tuple[str, list[bytes]]) -> None:
    url, received = listener
    queries = [
        f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ {{ SELECT * {{ SeRvIcE <{url}/> {{ ?a ?b ?c }} }} }} }} }}",
        f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE # comment\n <{url}/> {{ ?a ?b ?c }} }} }}",
        f"PREFIX remote: <{url}/> SELECT * WHERE {{ SERVICE remote:sparql {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?svc {{ <{url}/> }} SERVICE ?svc {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o }}SERVICE<{url}/>{{}}",
        f"SELECT * WHERE {{ SERV\\u0049CE <{url}/> {{ ?s ?p ?o }} }}",
    ]
    for query in queries:
        for r in (client.get("/sparql", params={"query": query}), client.post("/sparql", data={"query": query})):
            error = _error(r, 400, "forbidden-query")
            assert "SERVICE" in str(error["message"])
    updates = [
        f"LOAD <{url}/data.ttl>",
        f"load silent <{url}/data.ttl> into graph <{EX}g>",
        f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}/> {{ ?s ?p ?o }} }}",
    ]
    for update in updates:
        r = client.post("/sparql", content=update, headers={"content-type": "application/sparql-update", **AUTH})
        _error(r, 400, "forbidden-query")
    time.sleep(0.3)
    assert received == []


def test_lexer_ignores_strings_comments_iris_and_names() -> None:
    harmless = [
        'SELECT * { ?s ?p "SERVICE <http://x> {}" }',
        "SELECT * { ?s ?p ?o } # SERVICE <http://x> {}",
        "SELECT ?service ?load { ?service <http://ex/service> ?load }",
        "PREFIX service: <http://ex/> SELECT * { service:load ?p ?o }",
        'SELECT * { ?s ?p \'customer service\'@en ; ?q """load\nSERVICE""" }',
    ]
    for query in harmless:
        assert not forbidden_keywords(query), query


# -- deadlines: the late query is stopped, the server keeps serving -----------------------


def _worker_cpu_seconds() -> float:
    """CPU time used so far by this process's SPARQL worker children (from /proc)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if b"stancegraph.api.workers" in cmdline and int(stat[1]) == os.getpid():
            total += (int(stat[11]) + int(stat[12])) / tick
    return total


def test_explosive_query_gets_503_and_is_stopped(client: httpx.Client) -> None:
    assert client.get("/sparql", params={"query": POINT}).status_code == 200  # workers up
    started = time.monotonic()
    r = client.get("/sparql", params={"query": EXPLOSIVE})
    elapsed = time.monotonic() - started
    error = _error(r, 503, "limit-exceeded")
    assert "deadline" in str(error["message"])
    assert elapsed < DEADLINE + 1.5
    started = time.monotonic()
    r = client.get("/sparql", params={"query": POINT})
    assert r.status_code == 200 and r.json()["results"]["bindings"][0]["v"]["value"] == "7"
    assert time.monotonic() - started < 0.5
    # the runaway worker was killed: no worker keeps burning CPU
    time.sleep(0.3)
    before = _worker_cpu_seconds()
    time.sleep(0.6)
    assert _worker_cpu_seconds() - before < 0.2


def test_concurrent_explosions_do_not_block_the_server(client: httpx.Client, base: str) -> None:
    results: list[int] = []

    def explode() -> None:
        with httpx.Client(base_url=base, timeout=30) as c:
            results.append(c.get("/sparql", params={"query": EXPLOSIVE}).status_code)

    threads = [threading.Thread(target=explode) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [503, 503, 503]
    assert client.get("/sparql", params={"query": POINT}).status_code == 200


def test_thread_fallback_for_in_memory_stores() -> None:
    """An in-memory store runs queries in threads: a late one is abandoned with 503."""
    from stancegraph.api.app import create_app
    from stancegraph.graph.store import GraphStore
    from stancegraph.settings import Settings

    store = GraphStore(None)
    store.raw.bulk_extend(synthetic_quads())
    query = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . VALUES ?x { 1 2 3 4 5 6 7 8 9 10 11 12 } }"
    with serve_app(create_app(Settings(query_timeout=0.3), store=store)) as url, httpx.Client(base_url=url) as c:
        started = time.monotonic()
        _error(c.get("/sparql", params={"query": query}), 503, "limit-exceeded")
        assert time.monotonic() - started < 1.5
        assert c.get("/sparql", params={"query": POINT}).status_code == 200


# -- size limits ----------------------------------------------------------------------------


def test_result_limit_is_an_explicit_error(client: httpx.Client) -> None:
    error = _error(client.get("/sparql", params={"query": "SELECT * { ?s ?p ?o }"}), 503, "too-many-results")
    assert "100" in str(error["message"])
    r = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"accept": "text/turtle"})
    _error(r, 503, "too-many-results")
    r = client.get("/sparql", params={"query": "SELECT * { ?s ?p ?o } LIMIT 100"}, headers={"accept": "text/csv"})
    assert r.status_code == 200 and r.text.count("\n") == 101


def test_query_length_limit(client: httpx.Client) -> None:
    long_query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 6000
    _error(client.post("/sparql", data={"query": long_query}), 413, "too-large")
    _error(client.post("/sparql", content=long_query * 10, headers={"content-type": "application/sparql-query"}), 413)


# -- writes: token, uploads, XML entities ---------------------------------------------------


def test_updates_need_the_token(client: httpx.Client) -> None:
    update = f"INSERT DATA {{ GRAPH <{EX}g/auth> {{ <{EX}a> <{EX}p> 1 }} }}"
    headers = {"content-type": "application/sparql-update"}
    r = client.post("/sparql", content=update, headers=headers)
    _error(r, 401, "unauthorized")
    assert r.headers["www-authenticate"] == "Bearer"
    _error(client.post("/sparql", content=update, headers={**headers, "authorization": "Bearer wrong"}), 403)
    _error(client.post("/sparql", content=update, headers={**headers, "authorization": f"Basic {TOKEN}"}), 401)
    assert client.post("/sparql", content=update, headers={**headers, **AUTH}).status_code == 204
    ask = client.get("/sparql", params={"query": f"ASK {{ <{EX}a> <{EX}p> 1 }}"})
    assert ask.json()["boolean"] is True  # the workers read the new checkpoint


def test_read_only_by_default(tmp_path: Path) -> None:
    with sparql_server(tmp_path / "store", synthetic=0) as url, httpx.Client(base_url=url) as c:
        update = "CLEAR ALL"
        r = c.post("/sparql", content=update, headers={"content-type": "application/sparql-update", **AUTH})
        _error(r, 403, "forbidden")
        _error(c.post("/sparql", data={"update": update}, headers=AUTH), 403)
        _error(c.put("/store", params={"graph": EX + "g"}, content=b"", headers=AUTH), 403)
        assert c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_graph_store_upload_cycle(client: httpx.Client) -> None:
    graph = EX + "g/upload"
    ttl = f'<{EX}u1> <{EX}p> "one" .'.encode()
    r = client.put("/store", params={"graph": graph}, content=ttl, headers={"content-type": "text/turtle", **AUTH})
    assert r.status_code == 201, r.text
    more = f'<{EX}u2> <{EX}p> "two" .'.encode()
    headers = {"content-type": "application/n-triples", **AUTH}
    assert client.post("/store", params={"graph": graph}, content=more, headers=headers).status_code == 204
    count = f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    assert client.get("/sparql", params={"query": count}).json()["results"]["bindings"][0]["n"]["value"] == "2"
    assert client.put("/store", params={"graph": graph}, content=ttl, headers=headers).status_code == 204
    assert client.get("/sparql", params={"query": count}).json()["results"]["bindings"][0]["n"]["value"] == "1"
    assert client.delete("/store", params={"graph": graph}, headers=AUTH).status_code == 204
    _error(client.delete("/store", params={"graph": graph}, headers=AUTH), 404)
    assert client.get("/sparql", params={"query": count}).json()["results"]["bindings"][0]["n"]["value"] == "0"
    bad = client.put(
        "/store", params={"graph": graph}, content=b"<a> <b>", headers={"content-type": "text/turtle", **AUTH}
    )
    _error(bad, 400, "bad-upload")
    _error(
        client.put("/store", params={"graph": graph}, content=ttl, headers={"content-type": "application/pdf", **AUTH}),
        415,
    )
    _error(
        client.put("/store", params={"graph": "no iri"}, content=ttl, headers={"content-type": "text/turtle", **AUTH}),
        400,
    )


def test_upload_size_limit(client: httpx.Client) -> None:
    big = b"".join(f"<{EX}s{i}> <{EX}p> {i} .\n".encode() for i in range(1000))
    assert len(big) > 20_000
    r = client.put("/store", params={"graph": EX + "g/big"}, content=big,
                   headers={"content-type": "application/n-triples", **AUTH})  # fmt: skip
    _error(r, 413, "too-large")


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">\n' for i in range(1, 10))
    + ']>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
    + '<rdf:Description rdf:about="http://example.org/s"><ex:p>&lol9;</ex:p></rdf:Description></rdf:RDF>'
).encode()


def test_rdf_xml_entities_are_refused_before_parsing(client: httpx.Client) -> None:
    headers = {"content-type": "application/rdf+xml", **AUTH}
    error = _error(client.put("/store", params={"graph": EX + "g/xml"}, content=BILLION_LAUGHS, headers=headers), 400)
    assert "DOCTYPE" in str(error["message"])
    utf16 = '<?xml version="1.0" encoding="UTF-16"?><rdf:RDF/>'.encode("utf-16")
    _error(client.put("/store", params={"graph": EX + "g/xml"}, content=utf16, headers=headers), 400)
    fine = (
        b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        b'xmlns:ex="http://example.org/"><rdf:Description rdf:about="http://example.org/x">'
        b"<ex:p>ok</ex:p></rdf:Description></rdf:RDF>"
    )
    assert client.put("/store", params={"graph": EX + "g/xml"}, content=fine, headers=headers).status_code == 201
    # the server is alive and has the good upload, not the bad one
    r = client.get("/sparql", params={"query": f"SELECT ?o {{ GRAPH <{EX}g/xml> {{ ?s ?p ?o }} }}"})
    assert [b["o"]["value"] for b in r.json()["results"]["bindings"]] == ["ok"]


def test_errors_are_json(client: httpx.Client) -> None:
    _error(client.put("/sparql", params={"query": "ASK {}"}), 405)
    _error(client.post("/sparql", content=b"ASK {}", headers={"content-type": "text/plain"}), 415)
    _error(client.post("/sparql", content=b"ASK {}"), 415)
    _error(client.get("/sparql", params={"update": "CLEAR ALL"}), 400)
    r = client.post("/sparql", content="ASK {}".encode("utf-16"), headers={"content-type": "application/sparql-query"})
    _error(r, 400, "bad-input")
