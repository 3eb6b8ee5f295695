"""The HTML views in a real headless Chromium (Playwright): text, no console errors, no XSS.

Needs Debian's chromium (``apt-get install -y chromium``); skipped, with the reason, only
when no chromium binary is installed.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import run_cli
from .xss_support import SCRIPT, add_hostile_statement, write_xss_article

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no chromium installed (apt-get install -y chromium)"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def site(seeds_store_path: Path, tmp_path: Path, live_server: Callable[..., str]) -> tuple[str, str]:
    folder = write_xss_article(tmp_path / "xss")
    run_cli("ingest", "--store", str(seeds_store_path), str(folder))
    statement = add_hostile_statement(seeds_store_path, folder)
    return live_server(), statement.rsplit("/", 1)[-1]


class Watch:
    """Console errors, page errors, CSP violations, dialogs and failed requests of one page."""

    def __init__(self, page: Any) -> None:
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: m.type in ("error", "warning") and self.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url}"))
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"{r.status}: {r.url}"))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))


def open_page(browser: Any, url: str) -> tuple[Any, Watch]:
    page = browser.new_page()
    watch = Watch(page)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error('CSP ' + e.violatedDirective));"
    )
    resp = page.goto(url, wait_until="load")
    assert resp is not None and resp.status == 200, url
    return page, watch


def test_home_actor_and_statement_pages(browser: Any, site: tuple[str, str]) -> None:
    base, _ = site
    page, watch = open_page(browser, base + "/")
    assert "Who said what about negotiating" in page.inner_text("h1")
    assert page.locator(".count").count() >= 4
    page.click("text=All actors →")
    page.wait_for_url("**/browse/actors")
    page.fill("input.filter", "zelensky")
    visible = page.locator("#actors tbody tr:visible")
    assert visible.count() >= 1 and all("Zelensky" in t for t in visible.all_inner_texts()), "app.js ran under CSP"
    page.click("text=Volodymyr Zelensky")
    assert page.inner_text("h1") == "Volodymyr Zelensky"
    assert not watch.problems and not watch.dialogs, watch.problems + watch.dialogs
    page.close()

    page, watch = open_page(browser, base + "/id/actor/vladimir-putin")
    assert page.url.endswith("/doc/actor/vladimir-putin.html")
    assert page.inner_text("h1") == "Vladimir Putin"
    body = page.inner_text("main")
    assert "Over time" in body and "2022-12-25" in body and "ready" in body
    assert page.evaluate("getComputedStyle(document.querySelector('header.site')).display") == "flex", "CSS loaded"
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.screenshot(path="/tmp/stancegraph-actor.png", full_page=False)
    page.click("#actor-statements tbody tr >> text=evidence")
    page.wait_for_url("**/doc/statement/*.html")
    assert page.locator("figure.evidence blockquote").count() >= 1
    assert "confidence" in page.inner_text("main")
    assert not watch.problems and not watch.dialogs, watch.problems + watch.dialogs
    page.close()


def test_xss_payloads_do_not_execute(browser: Any, site: tuple[str, str]) -> None:
    base, sid = site
    page, watch = open_page(browser, f"{base}/doc/statement/{sid}.html")
    page.mouse.move(200, 300)
    for quote in page.locator("blockquote").all():
        quote.hover()
    assert SCRIPT in page.inner_text("main"), "the payload is shown as text"
    assert page.evaluate("[...document.scripts].map(s => s.src).every(s => s.endsWith('/static/app.js'))")
    assert page.evaluate("document.querySelectorAll('[onmouseover],[onerror],img').length") == 0
    page.click("h1 a")  # the hostile speaker's page
    page.wait_for_load_state("load")
    assert SCRIPT in page.inner_text("h1")
    assert not watch.dialogs, f"script ran: {watch.dialogs}"
    assert not watch.problems, watch.problems
    page.close()


def test_api_docs_render_offline_under_the_csp(browser: Any, live_server: Callable[..., str]) -> None:
    from stancegraph.api.docs import assets_installed

    if not assets_installed():
        pytest.skip("Swagger UI assets not installed (scripts/setup.sh runs npm ci in api/web/vendor)")
    base = live_server()
    page, watch = open_page(browser, f"{base}/docs")
    page.wait_for_selector("text=/statements", timeout=15000)
    assert page.locator(".opblock").count() >= 5  # one block per operation
    assert not [p for p in watch.problems if "CSP" in p or "pageerror" in p], watch.problems
    page.close()
