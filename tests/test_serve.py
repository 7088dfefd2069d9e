"""`make serve` keeps previewing whatever the records contain: a YAML syntax error or a lint error never stops
the rebuild, and the errors are shown on the page of the record being edited (the MkDocs hooks, serve mode)."""
from __future__ import annotations

import pytest

from conftest import write

pytestmark = pytest.mark.slow


def _serve_build(site_repo, out):
    """What `mkdocs serve` does on each change, without the web server: startup as serve, then a build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(site_repo / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    return out


def _page(out, uri):
    return (out / uri / "index.html").read_text(encoding="utf-8")


def test_a_yaml_syntax_error_keeps_serving_and_shows_on_the_record_page(site_repo, tmp_path):
    path = site_repo / "sanction_lists/name_lists/regime-a.yml"
    write(site_repo, "sanction_lists/name_lists/regime-a.yml",
          path.read_text(encoding="utf-8").replace("domain: market_order", "domain： market_order"))
    out = _serve_build(site_repo, tmp_path / "s")  # does not raise (strict is off while serving)
    page = _page(out, "lists/regime-a")
    assert "这条记录暂时无法显示" in page and "YAML-001" in page and "全角冒号" in page
    problems = _page(out, "preview-problems")
    assert "sanction_lists/name_lists/regime-a.yml" in problems and "lists/regime-a/" in problems


def test_a_lint_error_is_shown_above_the_page_it_concerns(site_repo, tmp_path):
    path = site_repo / "sanction_lists/name_lists/regime-a.yml"
    write(site_repo, "sanction_lists/name_lists/regime-a.yml",
          path.read_text(encoding="utf-8").replace("domain: market_order", "domain: <b>food_safety</b>"))
    out = _serve_build(site_repo, tmp_path / "s")
    page = _page(out, "lists/regime-a")
    assert "预览：这条记录有" in page and "LIST-001" in page
    assert "<b>food_safety</b>" not in page  # the quoted value is escaped, like everything from YAML
    assert "示例名单" in page or "regime-a" in page  # and the record's own content is still there
    # pages without errors have no banner
    assert "预览：这条记录有" not in _page(out, "measures/list-2021/measure-a")


def test_a_clean_preview_says_so(site_repo, tmp_path):
    out = _serve_build(site_repo, tmp_path / "s")
    assert "没有错误" in _page(out, "preview-problems")
    assert "预览：这条记录有" not in _page(out, "lists/regime-a")
