"""The public site in a real browser (Debian's Chromium driven by Playwright), at phone width.

Requests to anything but the local server are blocked and counted (must be zero), console errors fail the test,
and an injected <script> title must not run. The browser is a system package that `make test` installs through
its explicit `make browser` step (Debian: chromium and fonts-noto-cjk); a test never installs anything, and where
no browser is there the tests are skipped with that reason.
"""
from __future__ import annotations

import functools
import http.server
import os
import threading

import pytest

from conftest import ROOT, waive
from tools.build import build

CHROMIUM = "/usr/bin/chromium"
WIDTH = 375


pytestmark = pytest.mark.slow


def _ensure_browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("没有可用的 Chromium（/usr/bin/chromium）：请先运行 make browser（make test 会自动运行）；跳过真实浏览器测试")
    try:
        from playwright.sync_api import sync_playwright  # noqa: F401
    except ImportError:
        pytest.skip("未安装 playwright（requirements-dev.txt）：跳过真实浏览器测试")


@pytest.fixture(scope="module")
def browser():
    _ensure_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


class Server:
    def __init__(self, root):
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    assert build(ROOT, out) == 0
    server = Server(out)
    yield server
    server.close()


class Page:
    """A phone-sized page that blocks and counts outside requests and collects console errors."""

    def __init__(self, browser, base):
        self.base = base
        self.blocked, self.errors = [], []
        self.page = browser.new_page(viewport={"width": WIDTH, "height": 800})
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        if route.request.url.startswith(self.base):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def search(self, query):
        p = self.page
        p.goto(self.base)
        p.click("label.md-header__button[for='__search']")
        p.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('键入')")
        p.fill("input.md-search__input", query)
        p.keyboard.press("End")  # Material searches on key events
        p.wait_for_selector(".md-search-result__item > a", timeout=15000)
        return [a.get_attribute("href") for a in p.query_selector_all(".md-search-result__item > a")]


def test_browse_search_and_read_on_a_phone(browser, real_site, tmp_path):
    tab = Page(browser, real_site.base)
    p = tab.page
    p.goto(real_site.base)
    assert "本溪市社会信用规则库" in p.inner_text("h1")
    # follow links from the home page to a measure
    p.click("article a[href$='measures/']")
    p.click("article a[href*='market-entry-ban']")
    assert "市场或行业禁入" in p.inner_text("h1")
    # the diagram, drawn by the site's own mermaid: Material swaps the <pre> for a div with a closed shadow root
    p.wait_for_function("(() => { const d = document.querySelector('div.mermaid');"
                        " return d && d.getBoundingClientRect().height > 50; })()", timeout=20000)
    assert p.evaluate("document.documentElement.scrollWidth") <= WIDTH, "the page is wider than a phone"
    p.screenshot(path=str(tmp_path / "measure-375.png"), full_page=True)
    # Chinese search: the domain words stay whole
    hits = tab.search("失信被执行人")
    assert "lists/dishonest-judgment-debtors" in hits[0], hits[:3]
    p.click(".md-search-result__item > a")
    p.wait_for_url("**/dishonest-judgment-debtors/**")
    assert p.inner_text("h1").strip() == "失信被执行人名单"
    assert "repair-guide" in tab.search("信用修复")[0]
    assert "government-procurement" in tab.search("政府采购")[0]
    # the catalog table filters by category
    p.goto(real_site.base + "catalogs/catalog-national-2024/")
    total = p.locator("article table tbody tr:visible").count()
    p.select_option("select.benxi-filter", label="职称和职业信息")
    shown = p.locator("article table tbody tr:visible").count()
    assert 0 < shown < total
    p.screenshot(path=str(tmp_path / "home-375.png"))
    assert tab.blocked == [], f"requests outside the site: {tab.blocked}"
    assert tab.errors == [], tab.errors


def test_injected_markup_never_runs(browser, site_repo, tmp_path):
    path = site_repo / "sanction_lists/measures/list-2021/measure-a.yml"
    text = path.read_text(encoding="utf-8").replace(
        "name: 示例限制措施", "name: '</title><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">'")
    path.write_text(text.replace("content: 在一定期限内限制参加示例活动",
                                 "content: '[点我](javascript:window.__pwned=3)'"), encoding="utf-8")
    waive(site_repo, "HTML-001", "measure-a", "name", "rows.0.content")  # let through by a reviewer: still inert
    out = tmp_path / "site"
    assert build(site_repo, out) == 0
    server = Server(out)
    try:
        tab = Page(browser, server.base)
        tab.page.goto(server.base + "measures/list-2021/measure-a/")
        assert tab.page.evaluate("typeof window.__pwned") == "undefined"
        assert "<script>window.__pwned=1</script>" in tab.page.inner_text("h1")
        visible = tab.page.locator(".md-content p", has_text="点我")  # the injected link, shown as text in the body
        if visible.count():
            visible.first.click()
        assert tab.page.evaluate("typeof window.__pwned") == "undefined"
        assert tab.blocked == [] and tab.errors == []
    finally:
        server.close()
