"""Shared fixtures: a small valid repository that tests copy and then break on purpose.

The whole suite runs with $XDG_CACHE_HOME in a temporary folder: the command line's content cache (on by
default there) never touches the user's real cache.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.site.publish import serve_config

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
PLAN = ROOT / "policies" / "benxi" / "benxi-plan-2021.yml"


def make_mini_repo(base: Path) -> Path:
    """A copy of tests/fixtures/mini plus the real plan record: lints clean (warnings aside)."""
    repo = base / "repo"
    shutil.copytree(MINI, repo)
    (repo / "policies" / "benxi").mkdir(parents=True)
    shutil.copy(PLAN, repo / "policies" / "benxi" / PLAN.name)
    return repo


@pytest.fixture
def mini_repo(tmp_path) -> Path:
    return make_mini_repo(tmp_path)


def write(repo: Path, rel: str, content) -> Path:
    """Write a file into a fixture repository (str is written as UTF-8, bytes as they are)."""
    path = repo / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def add_site_config(repo: Path) -> Path:
    """The project's site configuration (inherited) and hand-written pages, so that repo can be built into a site."""
    return serve_config(repo, ROOT / "mkdocs.yml")


@pytest.fixture
def site_repo(mini_repo) -> Path:
    """mini_repo plus the project's mkdocs.yml and hand-written pages, so that it can be built into a site."""
    return add_site_config(mini_repo)


@pytest.fixture(scope="session")
def _cache_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("xdg-cache")


@pytest.fixture(autouse=True)
def _private_cache(monkeypatch, _cache_home):
    """Keep every cache the tests cause out of the user's real ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(_cache_home))
    monkeypatch.delenv("TOOLS_NO_CACHE", raising=False)


SLOW_FIXTURES = {"site_repo", "site_repo_module", "built", "browser"}


def pytest_collection_modifyitems(items):
    """A test that builds a real site or drives a real browser is slow (`make test` runs it; `make test-fast`
    does not)."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def waive(repo: Path, rule: str, record: str, *fields: str) -> None:
    """Waive one rule on fields of a record (tests of what the site does with content a reviewer let through)."""
    path = repo / "waivers.yml"
    text = path.read_text(encoding="utf-8") if path.is_file() else "waivers:\n"
    for field in fields:
        text += (f"  - rule: {rule}\n    record: {record}\n    field: {field}\n    reason: 测试：检验网站对已放行内容的转义\n"
                 f"    approved_by: 测试\n    expires: 2099-12-31\n")
    path.write_text(text, encoding="utf-8")
