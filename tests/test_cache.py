"""Incremental lint: unchanged files come from the cache, changed ones are parsed again; a bad, foreign or
tampered cache is ignored (never unpickled); library calls use no cache unless given one; stale entries go."""
from __future__ import annotations

import datetime as dt
import os
import pickle
import shutil
import stat

import pytest

from tools.cli import main
from tools.lint import lint
from tools.load import cache as cache_module
from tools.load.cache import MAGIC, ContentCache
from tools.model import repository as repository_module
from tools.model.repository import default_cache

AS_OF = dt.date(2026, 11, 25)


@pytest.fixture
def cache_dir(tmp_path):
    return tmp_path / "cache"


@pytest.fixture
def cache(cache_dir):
    return ContentCache(cache_dir, "test-version")


def _keys(result):
    return sorted((f.rule, f.path, f.line, f.message) for f in result.findings)


def test_relint_parses_only_the_changed_file(mini_repo, cache, cache_dir, monkeypatch):
    cold = lint(mini_repo, AS_OF, cache=cache)
    assert list(cache_dir.glob("lint-*.pickle")), "the cache is written where the caller said"
    parsed = []
    real = repository_module.parse_record
    monkeypatch.setattr(repository_module, "parse_record", lambda raw, rel, *a: parsed.append(rel) or real(raw, rel, *a))
    warm = lint(mini_repo, AS_OF, cache=cache)
    assert parsed == [] and _keys(warm) == _keys(cold)
    path = mini_repo / "sanction_lists/name_lists/regime-a.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("provision: art-1", "provision: art-99", 1),
                    encoding="utf-8")
    changed = lint(mini_repo, AS_OF, cache=cache)
    assert parsed == ["sanction_lists/name_lists/regime-a.yml"]
    assert "REF-002" in {f.rule for f in changed.findings}  # cross-record rules still see everything


def test_cached_findings_equal_uncached(mini_repo, cache):
    (mini_repo / "catalogs/cat-2021/bad.yml").write_text("id: bad\nname: [x\n", encoding="utf-8")
    first = lint(mini_repo, AS_OF, cache=cache)
    second = lint(mini_repo, AS_OF, cache=cache)
    assert _keys(first) == _keys(second) == _keys(lint(mini_repo, AS_OF))


def test_library_calls_use_no_cache(mini_repo, cache_dir, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_dir))
    lint(mini_repo, AS_OF)
    assert not cache_dir.exists()


def test_the_command_line_caches_under_xdg_cache_home(mini_repo, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert main(["--root", str(mini_repo), "lint", "--as-of", AS_OF.isoformat()]) == 0
    assert list((tmp_path / "xdg" / "benxi-credit").glob("lint-*.pickle"))
    key = tmp_path / "xdg" / "benxi-credit" / "key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600, "the secret is readable by its owner only"
    for off in (["--no-cache"], []):
        shutil.rmtree(tmp_path / "xdg", ignore_errors=True)
        if not off:
            monkeypatch.setenv("TOOLS_NO_CACHE", "1")
        assert main(["--root", str(mini_repo), "lint", *off]) == 0
        assert not (tmp_path / "xdg").exists()


def test_corrupt_cache_is_ignored(mini_repo, cache, cache_dir):
    expected = _keys(lint(mini_repo, AS_OF, cache=cache))
    for p in cache_dir.glob("lint-*.pickle"):
        p.write_bytes(b"not a pickle")
    assert _keys(lint(mini_repo, AS_OF, cache=cache)) == expected


class _Payload:
    """Unpickling this creates a marker file: proof that a cache file was unpickled."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_a_planted_cache_file_is_never_unpickled(mini_repo, cache, cache_dir, tmp_path):
    lint(mini_repo, AS_OF, cache=cache)
    [path] = cache_dir.glob("lint-*.pickle")
    marker = tmp_path / "pwned"
    payload = pickle.dumps({"x": _Payload(marker)})
    root_line = str(mini_repo.resolve()).encode() + b"\n"
    path.write_bytes(MAGIC + root_line + b"\0" * 32 + payload)  # right layout, wrong MAC
    assert cache.load(mini_repo) == {}
    assert not marker.exists()
    pickle.loads(payload)  # control: the payload is live
    assert marker.exists()


def test_cache_is_invalidated_by_another_tool_version(mini_repo, cache, cache_dir):
    lint(mini_repo, AS_OF, cache=cache)
    assert cache.load(mini_repo) != {}
    assert ContentCache(cache_dir, "another").load(mini_repo) == {}


def test_the_tool_version_covers_libraries_and_python(monkeypatch):
    from importlib import metadata

    before = repository_module.tool_version()
    real = metadata.version
    monkeypatch.setattr(metadata, "version", lambda d: "0.0" if d == "Cerberus" else real(d))
    assert repository_module.tool_version() != before


def test_entries_of_repositories_that_are_gone_are_pruned(mini_repo, cache, cache_dir, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(mini_repo, other)
    lint(other, AS_OF, cache=cache)
    lint(mini_repo, AS_OF, cache=cache)
    assert len(list(cache_dir.glob("lint-*.pickle"))) == 2
    (cache_dir / "lint-0123456789abcdef.pickle").write_bytes(b"an old-format cache file")
    shutil.rmtree(other)
    third = tmp_path / "third"
    shutil.copytree(mini_repo, third)
    lint(third, AS_OF, cache=cache)  # any save prunes
    assert sorted(p.name for p in cache_dir.glob("lint-*.pickle")) == sorted(
        cache._file(r).name for r in (mini_repo, third))


def test_a_cache_holds_only_the_current_files(mini_repo, cache):
    lint(mini_repo, AS_OF, cache=cache)
    entry = mini_repo / "catalogs/cat-2021/entry-a.yml"
    assert "catalogs/cat-2021/entry-a.yml" in cache.load(mini_repo)
    entry.rename(entry.with_name("entry-b.yml"))
    lint(mini_repo, AS_OF, cache=cache)
    stored = set(cache.load(mini_repo))
    assert "catalogs/cat-2021/entry-a.yml" not in stored
    assert stored == {p.relative_to(mini_repo).as_posix() for p in mini_repo.rglob("*.yml")
                      if p.name != "waivers.yml" and not p.relative_to(mini_repo).as_posix().startswith("docs/")}


def test_default_cache_lives_under_xdg_cache_home(tmp_path):
    c = default_cache({"XDG_CACHE_HOME": str(tmp_path)})
    assert c.directory == tmp_path / "benxi-credit"
    assert cache_module.default_directory({}) == cache_module.Path(os.path.expanduser("~")) / ".cache" / "benxi-credit"
