"""Search in people's words, page weight and phone width, in a real browser on the real site.

Debian's Chromium driven by Playwright (skipped with the reason where there is none, as in test_site_browser.py).
Weights are what a first visit transfers: a fresh browser context (nothing cached), every response body the
local server sends until the network is idle, counted by the server (tools.bench.SiteServer), uncompressed.
Requests to anything but the site are blocked and must not happen. Speed is never asserted here: `tools bench`
prints the same figures.
"""
from __future__ import annotations

import os

import pytest

from conftest import ROOT
from tools.bench import CHROMIUM, CHROMIUM_ARGS, PHONE_WIDTH, SiteServer, first_visit, sample_pages
from tools.build import build

pytestmark = pytest.mark.slow

PAGE_LIMIT = 400_000    # bytes of a first visit to a page without a diagram, everything included
INDEX_LIMIT = 600_000   # bytes of the search index, fetched when the search is first used
INDEX = "/search/search_index.json"
MERMAID = "/assets/vendor/mermaid/mermaid.min.js"
INPUT = "input.md-search__input"
META = ".md-search-result__meta"
# the words people type -> the page that must come first
PEOPLE_WORDS = [
    ("怎么修复", "repair-guide/"),
    ("如何修复", "repair-guide/"),
    ("黑名单", "lists/"),
    ("失信名单", "lists/"),
    ("老赖", "lists/dishonest-judgment-debtors/"),
    ("限高", "measures/national-2021/restrict-high-consumption/"),
    ("欠薪", "lists/migrant-wage-arrears-list/"),
]
# the official words still find their pages first (they did before the synonyms)
OFFICIAL_WORDS = [
    ("信用修复", "repair-guide/"),
    ("失信被执行人", "lists/dishonest-judgment-debtors/"),
    ("如何计算", "how-computed/"),
]


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("没有可用的 Chromium（/usr/bin/chromium）：请先运行 make browser（make test 会自动运行）；跳过真实浏览器测试")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("未安装 playwright（requirements-dev.txt）：跳过真实浏览器测试")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    assert build(ROOT, out) == 0
    server = SiteServer(out)
    yield out, server
    server.close()


class SearchBox:
    """Material's search on a phone-sized page; outside requests blocked and counted, console errors kept."""

    def __init__(self, browser, server):
        self.server, self.outside, self.errors = server, [], []
        self.context = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 800})
        self.page = p = self.context.new_page()
        p.route("**/*", lambda r: r.continue_() if r.request.url.startswith(server.base)
                else (self.outside.append(r.request.url), r.abort()))
        p.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        p.on("pageerror", lambda e: self.errors.append(str(e)))
        p.goto(server.base)
        p.click("label.md-header__button[for='__search']")
        p.wait_for_function(f"document.querySelector('{META}').textContent.includes('键入')", timeout=30000)

    def results(self, query) -> list[str]:
        """The result pages in order (URLs relative to the site, without the highlight query or the anchor)."""
        p = self.page
        p.fill(INPUT, "")
        p.keyboard.press("End")  # Material searches on key events
        p.wait_for_function(f"document.querySelector('{META}').textContent.includes('键入')")
        p.fill(INPUT, query)
        p.keyboard.press("End")
        p.wait_for_function(f"!document.querySelector('{META}').textContent.includes('键入')", timeout=15000)
        hrefs = [a.get_attribute("href") for a in p.query_selector_all(".md-search-result__item > a")]
        return [h.replace(self.server.base, "").split("?")[0].split("#")[0] for h in hrefs]

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def search_box(browser, real_site):
    box = SearchBox(browser, real_site[1])
    yield box
    box.close()


@pytest.mark.parametrize("query, first", PEOPLE_WORDS + OFFICIAL_WORDS)
def test_search_finds_the_page_people_mean_first(search_box, query, first):
    hits = search_box.results(query)
    assert hits and hits[0] == first, f"{query}: {hits[:5]}"
    assert search_box.outside == [] and search_box.errors == []


def test_search_ranks_the_regime_in_force_before_superseded_ones(search_box):
    hits = search_box.results("公示期限")
    current = "procedures/repair/repair-regime-2026/"
    assert current in hits, hits
    for old in ("procedures/repair/repair-regime-2019/", "procedures/repair/repair-regime-2023/"):
        assert old not in hits or hits.index(old) > hits.index(current), hits


def test_search_results_fit_a_phone(search_box):
    search_box.results("信用修复")
    assert search_box.page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def _paths(visit):
    return [path.split("?")[0] for path, _ in visit["requests"]]


def test_first_visits_are_light_and_stay_on_the_site(browser, real_site):
    site, server = real_site
    samples = sample_pages(site)
    plain = ["", "lists/", "measures/", "documents/", "repair-guide/", "how-computed/", "calculator/"] + (
        [samples["record"]] if samples["record"] else [])
    for path in plain:
        visit = first_visit(browser, server, path)
        requested = _paths(visit)
        assert visit["bytes"] <= PAGE_LIMIT, (path, visit["bytes"], visit["requests"])
        assert INDEX not in requested, f"/{path} fetched the search index before the search was used"
        assert MERMAID not in requested, f"/{path} has no diagram but loaded the diagram library"
        assert not [r for r in requested if "/workers/" in r], f"/{path} started the search worker"
        assert visit["outside"] == [] and visit["errors"] == [], (path, visit["outside"], visit["errors"])
        assert visit["scroll_width"] <= PHONE_WIDTH, (path, visit["scroll_width"])
    diagram = first_visit(browser, server, samples["diagram"])
    assert MERMAID in _paths(diagram) and INDEX not in _paths(diagram)
    assert diagram["outside"] == [] and diagram["errors"] == []


def test_search_index_comes_with_the_first_search_and_is_small(browser, real_site):
    site, server = real_site
    assert (site / INDEX.lstrip("/")).stat().st_size <= INDEX_LIMIT

    def open_search(page):
        page.click("label.md-header__button[for='__search']")
        page.wait_for_function(f"document.querySelector('{META}').textContent.includes('键入')", timeout=30000)

    visit = first_visit(browser, server, "", then=open_search)
    sizes = dict((path.split("?")[0], n) for path, n in visit["requests"])
    assert sizes.get(INDEX, 0) <= INDEX_LIMIT and INDEX in sizes
    assert visit["outside"] == [] and visit["errors"] == []
