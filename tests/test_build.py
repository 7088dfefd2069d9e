"""The main job: lint + graph + site. Publishes only when everything succeeded; YAML never becomes markup."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, waive, write
from tools.build import build

pytestmark = pytest.mark.slow

INJECTIONS = {
    "script": "<script>window.__pwned=1</script>",
    "img": '<img src=x onerror="window.__pwned=1">',
    "link": "[点我](javascript:window.__pwned=1)",
}


def _site_text(site):
    return "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_repository_lints_clean_as_json():
    out = subprocess.run([sys.executable, "-m", "tools", "lint", "--format", "json"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    report = json.loads(out.stdout)
    assert report["summary"]["errors"] == 0
    assert not [f for f in report["findings"] if f["severity"] == "error" and not f.get("waived")]


def test_build_writes_site_and_graph(site_repo, capsys):
    assert build(site_repo) == 0
    site = site_repo / "site"
    assert (site / "index.html").is_file()
    assert (site / "measures" / "list-2021" / "measure-a" / "index.html").is_file()
    graph = json.loads((site / "exports" / "graph.json").read_text(encoding="utf-8"))
    edges = {(e["source"], e["target"], e["type"]) for e in graph["edges"]}
    assert ("measure-a", "example-law#art-2", "cites") in edges
    assert ("regime-a", "measure-a", "triggers") in edges
    # the provision page carries a backlink to the record that cites it
    law = (site / "documents" / "example-law" / "index.html").read_text(encoding="utf-8")
    assert "被以下条目引用" in law and "示例限制措施" in law
    # the build's own words only: no lines from jieba (dictionary loading) or mkdocs' INFO log
    out, err = capsys.readouterr()
    assert not [x for x in (out + err).splitlines() if "Prefix dict" in x or "jieba" in x.lower() or "INFO" in x]


def test_lint_error_leaves_previous_site_untouched(site_repo, capsys):
    assert build(site_repo) == 0
    index = site_repo / "site" / "index.html"
    before = index.read_bytes()
    write(site_repo, "catalogs/cat-2021/entry-a.yml", "id: entry-a\nname: [坏的\n")
    assert build(site_repo) == 1
    assert index.read_bytes() == before
    assert not list(site_repo.glob(".site-build-*")), "no half-built folder is left behind"
    assert "YAML-001" in capsys.readouterr().err


def test_failing_mkdocs_build_leaves_previous_site(site_repo, capsys):
    assert build(site_repo) == 0
    index = site_repo / "site" / "index.html"
    before = index.read_bytes()
    # a hand-written page with a broken link makes the strict MkDocs build fail after the lint passed
    write(site_repo, "docs/contributing.md", "# 参与编辑\n\n[坏链接](no-such-page.md)\n")
    assert build(site_repo) == 1
    assert index.read_bytes() == before
    assert not list(site_repo.glob(".site-build-*"))


def test_yaml_strings_are_escaped_in_the_site(site_repo):
    path = site_repo / "sanction_lists/measures/list-2021/measure-a.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("name: 示例限制措施", f"name: '{INJECTIONS['script']}'")
    text = text.replace("content: 在一定期限内限制参加示例活动", f"content: '{INJECTIONS['img']}'")
    text = text.replace("source: 测试夹具", f"source: '{INJECTIONS['link']} javascript:alert(1)'")
    path.write_text(text, encoding="utf-8")
    assert build(site_repo) == 1, "markup in a record is an error (HTML-001)"
    waive(site_repo, "HTML-001", "measure-a", "name", "rows.0.content", "source")  # even if a reviewer lets it through:
    assert build(site_repo) == 0
    html = _site_text(site_repo / "site")
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html and "<img src=\"x\"" not in html
    assert 'href="javascript:' not in html.lower()
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html  # shown as text


def test_source_links_only_for_http_urls(site_repo):
    path = site_repo / "catalogs/cat-2021/entry-a.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "source: 测试夹具", "source: 见 https://www.gov.cn/a_b.htm（官方）及 data:text/html,x"), encoding="utf-8")
    waive(site_repo, "HTML-001", "entry-a", "source")  # a data: URL is an error; let through, it is still no link
    assert build(site_repo) == 0
    page = (site_repo / "site/catalogs/cat-2021/entry-a/index.html").read_text(encoding="utf-8")
    assert '<a href="https://www.gov.cn/a_b.htm" rel="noopener noreferrer" target="_blank">' in page
    assert 'href="data:' not in page


def test_mkdocs_build_strict_on_the_repository(tmp_path):
    out = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "s")],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    assert (tmp_path / "s" / "lists" / "migrant-wage-arrears-list" / "index.html").is_file()


def test_mkdocs_build_strict_fails_when_lint_has_errors(site_repo, tmp_path):
    write(site_repo, "sanction_lists/name_lists/regime-a.yml",
          (site_repo / "sanction_lists/name_lists/regime-a.yml").read_text(encoding="utf-8")
          .replace("domain: market_order", "domain: food_safety"))
    out = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "s")],
                         cwd=site_repo, capture_output=True, text=True, timeout=300)
    assert out.returncode != 0
    assert "LIST-001" in out.stderr  # an invented domain, reported under the rule that cites plan 四（三）6


def test_two_builds_of_the_same_commit_are_byte_identical(site_repo, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    a, b = tmp_path / "a", tmp_path / "b"
    assert build(site_repo, a) == 0
    assert build(site_repo, b) == 0
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    different = [str(p) for p in files_a if (a / p).read_bytes() != (b / p).read_bytes()]
    assert different == []
    assert "2025-11-25" in (a / "index.html").read_text(encoding="utf-8")  # the data's date, not the clock


def test_build_leaves_the_process_as_it_was(site_repo, capsys):
    """No environment change, no chdir, the garbage collector as it was, mkdocs.yml untouched, no hooks run."""
    import gc
    import os

    config = (site_repo / "mkdocs.yml").read_bytes()
    env, cwd, gc_on, frozen = dict(os.environ), os.getcwd(), gc.isenabled(), gc.get_freeze_count()
    assert build(site_repo) == 0
    assert dict(os.environ) == env
    assert os.getcwd() == cwd
    assert gc.isenabled() == gc_on and gc.get_freeze_count() == frozen
    assert (site_repo / "mkdocs.yml").read_bytes() == config
    assert "lint:" not in capsys.readouterr().err  # the hooks' log lines: the build does not run them


def test_library_lint_restores_the_garbage_collector(mini_repo):
    import gc

    from tools.lint import lint

    gc.disable()
    try:
        lint(mini_repo)
        assert not gc.isenabled(), "a paused collector stays paused"
    finally:
        gc.enable()
    lint(mini_repo)
    assert gc.isenabled() and gc.get_freeze_count() == 0
