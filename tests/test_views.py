"""The HTML views over a real uvicorn: content of the pages and escaping of article text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from stancegraph.graph import namespaces as ns

from .conftest import run_cli
from .xss_support import ATTR, IMG, SPEAKER, add_hostile_statement, write_xss_article


@pytest.fixture
def xss_site(seeds_store_path: Path, tmp_path: Path, live_server: Callable[..., str]) -> Iterator[tuple[str, str]]:
    folder = write_xss_article(tmp_path / "xss")
    run_cli("ingest", "--store", str(seeds_store_path), str(folder))
    statement = add_hostile_statement(seeds_store_path, folder)
    yield live_server(), statement


def assert_escaped(html: str) -> None:
    assert "<script>alert" not in html and "<img src=x" not in html
    assert '"onmouseover=' not in html and "javascript:alert" not in html
    for script in html.split("<script")[1:]:
        assert script.startswith(' src="/static/app.js" defer></script>'), script[:80]
    assert " style=" not in html and " onclick=" not in html


def test_pages_escape_article_text(xss_site: tuple[str, str]) -> None:
    base, statement = xss_site
    sid = statement.rsplit("/", 1)[-1]
    with httpx.Client(base_url=base, timeout=30) as client:
        page = client.get(f"/doc/statement/{sid}.html").text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown as text
        assert "&#34;onmouseover=alert(2) x=&#34;" in page
        assert_escaped(page)
        actor = client.get("/actors").json()
        evil = next(a for a in actor if a["name"] == SPEAKER)
        for path in (
            evil["html"],
            "/browse/actors",
            "/browse/statements",
            "/",
            "/doc/condition/neutrality.html",
            f"/doc/article/{ns.digest('xss_article')}.html",
            "/doc/stance/ready.html",
        ):
            resp = client.get(path)
            assert resp.status_code == 200, path
            assert "default-src 'none'" in resp.headers["content-security-policy"]
            assert_escaped(resp.text)
        article = client.get(f"/doc/article/{ns.digest('xss_article')}.html").text
        assert "Headline &lt;script&gt;" in article
        assert IMG.replace("<", "&lt;").replace(">", "&gt;") in article
        assert ATTR.replace('"', "&#34;") in page


def test_home_actor_statement_and_condition_pages(live_server: Callable[..., str]) -> None:
    with httpx.Client(base_url=live_server(), timeout=30) as client:
        home = client.get("/").text
        for link in (
            'href="/browse/actors"',
            'href="/browse/statements"',
            'href="/browse/conditions"',
            'href="/sparql"',
            'href="/docs"',
        ):
            assert link in home
        assert "Vladimir Putin" in home and "statements" in home
        actor = client.get("/id/actor/vladimir-putin", headers={"Accept": "text/html"}, follow_redirects=True)
        assert actor.url.path == "/doc/actor/vladimir-putin.html"
        assert "<h1>Vladimir Putin</h1>" in actor.text and "2022-12-25" in actor.text and "Q7747" in actor.text
        items = client.get("/statements", params={"speaker": "vladimir-putin", "stance": "ready"}).json()["items"]
        st = next(s for s in items if s["date"] == "2022-12-25")
        page = client.get(st["html"]).text
        assert "002_ee147a0f71bb926c" in page and "003_ae65272d98bd0ae3" in page and "characters" in page
        assert "confidence" in page and "method" in page
        cond = client.get("/doc/condition/counterpart-leadership.html").text
        assert "Who set it" in cond and "Volodymyr Zelensky" in cond
        css = client.get("/static/style.css")
        assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
        assert client.get("/static/../app.py").status_code == 404
        assert client.get("/static/nope.js").status_code == 404
