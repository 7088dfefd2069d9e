"""Incremental lint: unchanged files come from the cache, changed ones are parsed again; a bad cache is ignored."""
from __future__ import annotations

import datetime as dt

import pytest

from tools.load import cache
from tools.load import repository as repository_module
from tools.rules.engine import lint

AS_OF = dt.date(2026, 11, 25)


@pytest.fixture
def cached(monkeypatch, tmp_path):
    monkeypatch.delenv("TOOLS_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "benxi-credit"


def _keys(result):
    return sorted((f.rule, f.path, f.line, f.message) for f in result.findings)


def test_relint_parses_only_the_changed_file(mini_repo, cached, monkeypatch):
    cold = lint(mini_repo, AS_OF)
    assert list(cached.glob("lint-*.pickle")), "the cache is written under $XDG_CACHE_HOME"
    parsed = []
    real = repository_module.parse_record
    monkeypatch.setattr(repository_module, "parse_record", lambda raw, rel, *a: parsed.append(rel) or real(raw, rel, *a))
    warm = lint(mini_repo, AS_OF)
    assert parsed == [] and _keys(warm) == _keys(cold)
    path = mini_repo / "sanction_lists/name_lists/regime-a.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("provision: art-1", "provision: art-99", 1),
                    encoding="utf-8")
    changed = lint(mini_repo, AS_OF)
    assert parsed == ["sanction_lists/name_lists/regime-a.yml"]
    assert "REF-002" in {f.rule for f in changed.findings}  # cross-record rules still see everything


def test_cached_findings_equal_uncached(mini_repo, cached, monkeypatch):
    (mini_repo / "catalogs/cat-2021/bad.yml").write_text("id: bad\nname: [x\n", encoding="utf-8")
    first = lint(mini_repo, AS_OF)
    second = lint(mini_repo, AS_OF)
    monkeypatch.setenv("TOOLS_NO_CACHE", "1")
    assert _keys(first) == _keys(second) == _keys(lint(mini_repo, AS_OF))


def test_corrupt_cache_is_ignored(mini_repo, cached):
    expected = _keys(lint(mini_repo, AS_OF))
    for p in cached.glob("lint-*.pickle"):
        p.write_bytes(b"not a pickle")
    assert _keys(lint(mini_repo, AS_OF)) == expected


def test_cache_is_invalidated_by_another_tool_version(mini_repo, cached, monkeypatch):
    lint(mini_repo, AS_OF)
    monkeypatch.setattr(cache, "_tool_version", lambda: "another")
    _, files = cache.load(mini_repo)
    assert files == {}
