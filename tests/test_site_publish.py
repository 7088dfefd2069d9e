"""Ready to deploy, light and findable: what a build writes besides the pages (permissions, sitemap, footer,
heading ids, which pages load the diagram library) and the search index it ships (size, people's words, history
ranked lower). Timings and byte counts in a browser are in tests/test_site_search_browser.py and `tools bench`."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat

import pytest

from conftest import ROOT, add_site_config, make_mini_repo, write
from tools.build import build, deployment_warnings
from tools.site import publish, search


@pytest.fixture(scope="module")
def site_repo_module(tmp_path_factory):
    return add_site_config(make_mini_repo(tmp_path_factory.mktemp("repo")))


@pytest.fixture(scope="module")
def built(site_repo_module, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "site"
    assert build(site_repo_module, out) == 0
    return out


def _pages(site):
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


# -- ready to deploy -------------------------------------------------------------------------------------------
def test_site_is_readable_by_a_web_server_whatever_the_umask(site_repo):
    old = os.umask(0o077)  # a private umask: what the build must not pass on to the published files
    try:
        assert build(site_repo) == 0
    finally:
        os.umask(old)
    site = site_repo / "site"
    modes = {stat.S_IMODE(p.stat().st_mode) for p in [site, *site.rglob("*")] if p.is_dir()}
    assert modes == {0o755}
    modes = {stat.S_IMODE(p.stat().st_mode) for p in site.rglob("*") if p.is_file()}
    assert modes == {0o644}


def test_sitemap_is_filled_from_site_url(built):
    config = publish.read_config(ROOT / "mkdocs.yml")
    url = config["site_url"]
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert locs and all(loc.startswith(url) for loc in locs), locs[:3]
    assert f"<loc>{url}repair-guide/</loc>" in sitemap


def test_every_page_has_the_publisher_in_its_footer(built):
    publisher = publish.read_config(ROOT / "mkdocs.yml")["extra"]["publisher"]
    for rel, html in _pages(built).items():
        footer = html[html.find('<div class="md-copyright">'):]
        assert f"发布单位：{publisher['name']}" in footer, rel
        assert f"联系方式：{publisher['contact']}" in footer, rel


def test_placeholders_are_reported_until_they_are_set():
    placeholder = publish.read_config(ROOT / "mkdocs.yml")
    warnings = deployment_warnings(placeholder)
    assert any("site_url" in w for w in warnings)
    assert any("publisher.name" in w for w in warnings) and any("publisher.contact" in w for w in warnings)
    real = {"site_url": "https://xyxx.benxi.gov.cn/", "extra": {"publisher": {"name": "某办公室", "contact": "电话"}}}
    assert deployment_warnings(real) == []
    assert any("sitemap.xml 是空的" in w for w in deployment_warnings({}))


def test_read_config_follows_inherit_and_reads_python_tags_as_data(tmp_path):
    child = publish.write_config(tmp_path / "mkdocs.yml", ROOT / "mkdocs.yml", site_dir="/x")
    config = publish.read_config(child)
    assert config["site_dir"] == "/x" and config["theme"]["name"] == "material"
    assert config["theme"]["custom_dir"] == str(ROOT / "overrides")  # absolute: MkDocs resolves it from the child
    assert "toc" in str(config["markdown_extensions"])


def test_headings_have_readable_ids(built):
    for rel, html in _pages(built).items():
        ids = re.findall(r'<h[1-6][^>]* id="([^"]*)"', html)
        assert not [i for i in ids if re.fullmatch(r"_\d*", i)], (rel, ids)
    guide = (built / "repair-guide/index.html").read_text(encoding="utf-8")
    assert 'id="信用修复指南"' in guide


def test_diagram_library_only_on_pages_with_a_diagram(built):
    with_diagram = 0
    for rel, html in _pages(built).items():
        shows = 'class="mermaid"' in html
        with_diagram += shows
        assert ("mermaid.min.js" in html) == shows, rel
        assert "search-on-demand.js" in html, rel
    assert with_diagram > 0


# -- the search index ------------------------------------------------------------------------------------------
def test_search_index_is_small_utf8_and_without_boilerplate(built):
    raw = (built / "search/search_index.json").read_bytes()
    assert b"\\u" not in raw[raw.index(b'"docs"'):]  # Chinese as UTF-8, not \\uXXXX escapes (twice the bytes)
    index = json.loads(raw)
    assert index["docs"]
    for doc in index["docs"]:
        assert doc["title"].replace("\u200b", "") not in search.DROPPED_SECTIONS
        assert "<pre>" not in doc["text"] and "flowchart" not in doc["text"]
        assert len(doc["text"].replace("\u200b", "")) <= search.TEXT_CHARS + 1
    titles = {d["title"].replace("\u200b", "") for d in index["docs"]}
    assert "信用修复指南" in titles


def test_shape_index_keeps_titles_and_drops_repeated_paragraphs():
    boiler = "<p>本记录尚未核实</p>"
    index = {"config": {"fields": {"title": {"boost": 1000.0}}}, "docs": [
        {"location": f"p{i}/", "title": f"页{i}", "text": f"{boiler}<p>独有\u200b内容{i}</p><pre><code>x</code></pre>"}
        for i in range(3)] + [{"location": "p0/#_2", "title": "依据\u200b链", "text": "图"},
                              {"location": "long/", "title": "长", "text": "<p>" + "字" * 500 + "&amp;</p>"}]}
    shaped = search.shape_index(index, {"p1/": ["怎么修复", "老赖", "独有说法"]})
    docs = {d["location"]: d for d in shaped["docs"]}
    assert "p0/#_2" not in docs  # the diagram's section
    assert docs["p0/"]["text"] == "独有\u200b内容0"  # boilerplate (in every entry) and code gone
    assert docs["long/"]["text"] == "字" * search.TEXT_CHARS + "…"
    assert docs["p1/"]["keywords"] == "怎么修复 怎么修 老赖"  # the word, and the word Material's query looks up
    assert docs["p1/"]["keywords_shared"] == "独有说法 独有说"  # 独有 is a word of the index: other queries reach it
    assert "keywords" not in docs["p2/"] and "keywords_shared" not in docs["p2/"]
    assert shaped["config"]["fields"]["keywords"] == {"boost": search.KEYWORD_BOOST}
    assert shaped["config"]["fields"]["keywords_shared"] == {"boost": search.SHARED_KEYWORD_BOOST}
    assert "keywords" not in search.shape_index(index)["config"]["fields"]  # no words, no field
    assert shaped["config"]["fields"]["title"] == {"boost": 1000.0}


def test_search_terms_of_the_repository_all_lead_to_pages():
    from tools.lint import lint
    from tools.rules import all_rules
    from tools.site.pages import Site, page_uri

    terms = search.load_terms(ROOT)
    result = lint(ROOT, dt.date(2026, 11, 25))
    pages = set(Site(result.repo, all_rules(), result.as_of, "test").pages())
    pages |= {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    found = search.keyword_pages(terms, pages, lambda rid: page_uri(result.repo.get(rid)) if result.repo.get(rid) else None)
    assert "怎么修复" in found["repair-guide/"] and "黑名单" in found["lists/"]
    assert "老赖" in found["lists/dishonest-judgment-debtors/"]
    assert "限高" in found["measures/national-2021/restrict-high-consumption/"]


@pytest.mark.parametrize("text, message", [
    ("terms: [{means: 信用修复, words: [怎么修复], pages: [no-such-record]}]\n", "没有 id 为 no-such-record 的记录"),
    ("terms: [{means: 信用修复, words: [怎么修复], pages: [no-such-page.md]}]\n", "网站没有页面 no-such-page.md"),
    ("terms: [{means: 信用修复, words: [怎么 修复], pages: [repair-guide.md]}]\n", "不能有空格"),
    ("terms: [{means: 信用修复, pages: [repair-guide.md]}]\n", "words"),
    ("terms: [{means: 信用修复, words: [怎么修复], pages: [repair-guide.md], boost: 9}]\n", "只能有"),
    ("terms: {means: 信用修复}\n", "顶层"),
    ("terms: [坏的\n", "YAML"),
])
def test_bad_search_terms_stop_the_build_and_say_why(site_repo, capsys, text, message):
    write(site_repo, search.TERMS_FILE, text)
    assert build(site_repo) == 1
    assert message in capsys.readouterr().err
    assert not (site_repo / "site").exists()


def test_history_ranks_below_what_is_in_force():
    from tools.model.repository import load_repository

    repo, _ = load_repository(ROOT)
    day = dt.date(2026, 11, 25)
    assert search.page_boost(repo, repo.get("repair-regime-2026"), day) is None  # in force: Material's default
    assert search.page_boost(repo, repo.get("repair-regime-2019"), day) == search.HISTORY_SHARE
    assert search.page_boost(repo, repo.get("repair-regime-2023"), day) == search.HISTORY_SHARE
    assert search.page_boost(repo, repo.get("repair-regime-2023"), dt.date(2024, 1, 1)) is None
    superseded = [r for r in repo.of_kind("catalog_entry") if r.group == "catalog-national-2022"]
    assert superseded and all(search.page_boost(repo, r, day) == search.HISTORY_SHARE for r in superseded)
    assert search.page_boost(repo, repo.get("dishonest-judgment-debtors"), day, 4) == 4


def test_bench_prints_page_weights():
    from tools.bench import format_weights

    text = format_weights({"search_index": 545_000, "home": {"path": "", "bytes": 283_000, "requests": [("/", 1)] * 7,
                                                             "outside": []}, "record": None,
                           "diagram": {"path": "x/", "bytes": 3_036_000, "requests": [], "outside": []}})
    assert "首页 /：283 KB，7 个请求" in text and "搜索索引 545 KB" in text
    assert "记录页（无关系图）：本站没有这样的页面" in text and "3,036 KB" in text
    assert "未测：没有 Chromium" in format_weights({"search_index": None, "skipped": "没有 Chromium"})
