"""Shared fixtures: a small valid repository that tests copy and then break on purpose."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.site.portable import add_site_config  # noqa: F401  (re-exported for the tests)

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


@pytest.fixture
def site_repo(mini_repo) -> Path:
    """mini_repo plus the project's mkdocs.yml and hand-written pages, so that it can be built into a site."""
    return add_site_config(mini_repo)


@pytest.fixture(autouse=True)
def _no_lint_cache(monkeypatch):
    """Tests lint many throw-away repositories: keep them out of the user's cache (test_cache.py opts in)."""
    monkeypatch.setenv("TOOLS_NO_CACHE", "1")
