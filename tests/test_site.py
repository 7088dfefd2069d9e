"""The generated site without a browser: self-contained, searchable in Chinese, every record page complete."""
from __future__ import annotations

import hashlib
import json
import re

import pytest

from conftest import ROOT, add_site_config, make_mini_repo
from tools.build import build

MERMAID_SHA256 = "d0830a6c05546e9edb8fe20a8f545f3e0dc7c4c3134d584bad9c13a99d7a71e0"


@pytest.fixture(scope="module")
def built(tmp_path_factory, request):
    site_repo = request.getfixturevalue("site_repo_module")
    out = tmp_path_factory.mktemp("out") / "site"
    assert build(site_repo, out) == 0
    return out


@pytest.fixture(scope="module")
def site_repo_module(tmp_path_factory):
    return add_site_config(make_mini_repo(tmp_path_factory.mktemp("repo")))


def test_vendored_mermaid_is_the_pinned_file():
    data = (ROOT / "docs/assets/vendor/mermaid/mermaid.min.js").read_bytes()
    assert hashlib.sha256(data).hexdigest() == MERMAID_SHA256


def test_nothing_is_loaded_from_outside_the_site(built):
    for page in built.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        html = re.sub(r'<link rel="canonical" href="[^"]*">', "", html)  # the page's public address: loads nothing
        for tag, attr in re.findall(r'<(script|link|img|iframe)\b[^>]*\b(?:src|href)="([^"]*)"', html):
            assert not re.match(r"(https?:)?//", attr), f"{page}: <{tag}> loads {attr}"
        assert "fonts.googleapis" not in html and "unpkg.com" not in html, page


def test_record_pages_carry_badge_why_and_diagram(built):
    html = (built / "documents/benxi-plan-2021/index.html").read_text(encoding="utf-8")
    # the plan record is unverified: the 核实情况 line shows, and why, in plain words, in a block the reader opens
    assert '<details class="verification"><summary>核实情况：本记录尚未对照来源逐项核实' in html
    measure = (built / "measures/list-2021/measure-a/index.html").read_text(encoding="utf-8")
    assert "依据链" in measure and '<pre class="mermaid">' in measure
    assert 'class="verification"' not in measure  # verified fixture records carry no 核实情况 block


def test_generated_pages_exist(built):
    for page in ["coverage", "repair-guide", "changes", "rules", "data-model", "procedures", "downloads"]:
        assert (built / page / "index.html").is_file(), page
    guide = (built / "repair-guide/index.html").read_text(encoding="utf-8")
    assert "示例处罚信息" in guide and "不收费" in guide


def test_search_index_segments_domain_words(built):
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(d["title"] + " " + d["text"] for d in index["docs"])
    tokens = set(re.split(index["config"]["separator"], text))
    assert "失信被执行人" in tokens or "失信" in tokens
    assert "信用修复" in tokens
    assert (built / "search/search_index.json").stat().st_size < 10 * 1024 * 1024


def test_record_pages_are_not_in_the_nav(built):
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', (built / "index.html").read_text(encoding="utf-8"),
                    re.S).group(0)
    assert "measure-a" not in nav and "entry-a" not in nav


def test_an_empty_edition_says_so_instead_of_an_empty_table():
    """The Liaoning and Benxi editions are honest placeholders: no categories, no entries, and the page says why."""
    import datetime as dt

    from tools.lint import lint
    from tools.rules import all_rules
    from tools.site.pages import Site

    result = lint(ROOT, dt.date(2026, 11, 25))
    pages = Site(result.repo, all_rules(), result.as_of, "test").pages()
    empty = pages["catalogs/catalog-benxi-supplementary/index.md"]
    assert "本版本尚无条目" in empty and "| 信息类别 |" not in empty and "## 信息类别" not in empty
    full = pages["catalogs/catalog-national-2024/index.md"]
    assert "本版本尚无条目" not in full and "| 信息类别 |" in full and "## 信息类别" in full


def test_repair_time_limits_from_the_regime_in_force_are_shown():
    """Entries without their own time limit show the one of the repair regime in force (36号 第十六条 from
    2026-04-01), named; before that date the guide says it was not found rather than guessing."""
    import datetime as dt

    from tools.rules import all_rules
    from tools.site.guide import repair_items
    from tools.site.pages import Site
    from tools.model.repository import load_repository

    repo, _ = load_repository(ROOT)
    now = {i["rec"].id: i for i in repair_items(repo, dt.date(2026, 11, 25))}
    assert now["administrative-penalty-info-2024"]["days"] == 10
    assert "第36号" in now["administrative-penalty-info-2024"]["days_by"]
    assert now["migrant-wage-arrears-list"]["days"] == 15 and now["migrant-wage-arrears-list"]["days_by"] == ""
    before = {i["rec"].id: i for i in repair_items(repo, dt.date(2025, 6, 1))}
    assert before["administrative-penalty-info-2024"]["days"] is None
    page = Site(repo, all_rules(), dt.date(2026, 11, 25), "test").pages()["procedures/repair/repair-regime-2026.md"]
    assert "## 修复办理" in page and "10 个工作日" in page
