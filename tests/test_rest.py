"""The REST API against a real uvicorn server over the seeds store."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

PUTIN = "vladimir-putin"


@pytest.fixture
def api(live_server: Callable[..., str]) -> httpx.Client:
    with httpx.Client(base_url=live_server(page_size=5, max_page_size=50), timeout=30) as client:
        yield client


def error(resp: httpx.Response, status: int) -> dict[str, object]:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()["error"]
    assert body["status"] == status and body["message"]
    return body


def test_actors_list_and_detail(api: httpx.Client) -> None:
    actors = api.get("/actors").json()
    putin = next(a for a in actors if a["id"] == PUTIN)
    assert putin["kind"] == "person" and putin["wikidata"] == "Q7747" and putin["side"]["id"] == "russia"
    assert putin["statements"] >= 6 and putin["html"] == f"/doc/actor/{PUTIN}.html"
    assert all(a["kind"] == "state" for a in api.get("/actors", params={"kind": "state"}).json())
    detail = api.get(f"/actors/{PUTIN}").json()
    assert detail["name"] == "Vladimir Putin"
    stances = {c["code"]: c["count"] for c in detail["stances"]}
    assert stances.get("ready", 0) >= 2 and sum(stances.values()) == detail["statements"]
    assert detail["statements_url"] == f"/statements?speaker={PUTIN}"


def test_unknown_actor_is_404_json(api: httpx.Client) -> None:
    assert error(api.get("/actors/no-such-actor"), 404)["code"] == "not-found"
    assert error(api.get("/timeline", params={"actor": "no-such-actor"}), 404)
    assert error(api.get("/actors/Not%20A%20Slug"), 400)


def test_statements_filters(api: httpx.Client) -> None:
    page = api.get("/statements", params={"speaker": PUTIN, "stance": "ready", "limit": 50}).json()
    assert page["items"] and all(s["stance"] == "ready" and s["speaker"]["id"] == PUTIN for s in page["items"])
    assert any(s["date"] == "2022-12-25" and s["articles"] == 2 for s in page["items"])
    dec = api.get("/statements", params={"since": "2022-12-01", "until": "2022-12-31", "limit": 50}).json()
    assert dec["items"] and all(s["date"].startswith("2022-12") for s in dec["items"])
    cond = api.get("/statements", params={"condition": "russian-withdrawal", "limit": 50}).json()["items"]
    assert cond and all("russian-withdrawal" in s["conditions"] for s in cond)
    side = api.get("/statements", params={"side": "ukraine", "limit": 50}).json()["items"]
    assert side and all(s["speaker"]["id"] == "ukraine" or (s["side"] or {}).get("id") == "ukraine" for s in side)
    src = api.get("/statements", params={"source": "004_490b98aef62dcad9", "limit": 50}).json()["items"]
    assert src and any(s["speaker"]["id"] == PUTIN for s in src)
    none = api.get("/statements", params={"speaker": PUTIN, "condition": "reparations"}).json()
    assert none == {"items": [], "limit": 5, "next_cursor": None, "next": None}


def test_statements_keyset_pagination(api: httpx.Client) -> None:
    everything = api.get("/statements", params={"limit": 50}).json()["items"]
    assert len(everything) >= 10
    seen, url, pages = [], "/statements", 0
    resp = api.get(url)
    while True:
        pages += 1
        body = resp.json()
        assert len(body["items"]) <= 5 and body["limit"] == 5
        seen += [s["iri"] for s in body["items"]]
        if not body["next"]:
            assert "link" not in resp.headers
            break
        assert resp.headers["link"] == f'<{body["next"]}>; rel="next"'
        assert "offset" not in body["next"] and body["next_cursor"] in body["next"]
        resp = api.get(body["next"])
    assert seen == [s["iri"] for s in everything] and pages == -(-len(everything) // 5)
    dated = [s["date"] for s in everything if s["date"]]
    assert dated == sorted(dated) and everything[-1]["date"] is None  # undated last


BAD_PARAMETERS = [
    ({"stance": "redy"}, "stance 'redy' is not a known code"),
    ({"condition": "world-peace"}, "condition 'world-peace' is not a known code"),
    ({"since": "2022-13-01"}, "not a valid date"),
    ({"until": "yesterday"}, "not an ISO date"),
    ({"since": "2023-01-01", "until": "2022-01-01"}, "after until"),
    ({"speaker": "Robert'); DROP"}, "not a valid id"),
    ({"side": "atlantis"}, "not a known actor"),
    ({"source": "../etc/passwd"}, "not a valid article identifier"),
    ({"limit": "51"}, "maximum page size"),
    ({"limit": "0"}, "limit"),
    ({"cursor": "bm90LWEtY3Vyc29y"}, "cursor is malformed"),
]


def test_statements_rejects_bad_parameters(api: httpx.Client) -> None:
    for params, needle in BAD_PARAMETERS:
        body = error(api.get("/statements", params=params), 400)
        assert needle in str(body["message"]) + str(body.get("detail", "")), (params, body)


def test_conditions_and_timeline(api: httpx.Client) -> None:
    conditions = {c["code"]: c for c in api.get("/conditions").json()}
    assert len(conditions) >= 20 and conditions["russian-withdrawal"]["statements"] >= 2
    assert conditions["borders-1991"]["label"] and conditions["borders-1991"]["html"].endswith("borders-1991.html")
    timeline = api.get("/timeline", params={"actor": PUTIN}).json()
    assert timeline["actor"]["name"] == "Vladimir Putin"
    points = {(p["month"], p["stance"]): p["statements"] for p in timeline["points"]}
    assert points.get(("2022-12", "ready"), 0) >= 1
    assert error(api.get("/timeline"), 400)


def test_openapi_documents_the_api(api: httpx.Client) -> None:
    spec = api.get("/openapi.json").json()
    for path in ("/actors", "/actors/{actor_id}", "/statements", "/conditions", "/timeline"):
        assert path in spec["paths"], path
    op = spec["paths"]["/statements"]["get"]
    assert {p["name"] for p in op["parameters"]} >= {
        "speaker",
        "side",
        "stance",
        "condition",
        "since",
        "until",
        "source",
        "limit",
        "cursor",
    }
    assert all(p.get("description") for p in op["parameters"])
    schemas = spec["components"]["schemas"]
    assert "example" in schemas["Statement"] and "example" in schemas["Actor"]
    assert api.get("/docs").status_code == 200
