"""Parsing in a process pool gives exactly what the serial load gives: the same records, positions and findings."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.load import repository as repository_module
from tools.load.repository import load_repository

REPO = Path(__file__).resolve().parent.parent
BAD = REPO / "tests" / "bad_input"


def _snapshot(repo, findings):
    records = [(r.path, r.kind, r.data, r.locs, r.tainted, r.flags, r.group) for r in repo.records]
    keys = sorted((f.rule, f.path, f.line, f.column, f.message, f.record) for f in findings)
    return records, keys


@pytest.fixture
def corpus(tmp_path):
    """The real records plus every bad-input file dropped into a catalog edition, so both paths meet errors."""
    root = tmp_path / "corpus"
    for top in ("policies", "catalogs", "sanction_lists", "procedures"):
        shutil.copytree(REPO / top, root / top)
    shutil.copy(REPO / "waivers.yml", root / "waivers.yml")
    target = root / "catalogs" / "catalog-national-2024"
    for p in sorted(BAD.glob("*.yml")):
        shutil.copy(p, target / p.name)
    return root


def test_pool_and_serial_load_agree(corpus, monkeypatch):
    serial = _snapshot(*load_repository(corpus, workers=1))
    monkeypatch.setattr(repository_module, "PARALLEL_MIN_FILES", 0)
    monkeypatch.setattr(repository_module, "_CHUNK", 7)  # many chunks: the order of results must hold
    pooled = _snapshot(*load_repository(corpus, workers=2))
    assert pooled[0] == serial[0]
    assert pooled[1] == serial[1]
    assert any(rule.startswith("YAML-") for rule, *_ in serial[1])  # the bad files were really there


def test_small_repositories_stay_serial(monkeypatch):
    def no_pool():
        raise AssertionError("a pool was started for a small repository")

    monkeypatch.setattr("tools.parallel.fork_context", no_pool)
    repo, _ = load_repository(REPO, workers=2)
    assert len(repo.records) > 100


def test_rules_in_a_pool_find_what_the_serial_run_finds(corpus, monkeypatch):
    import datetime as dt

    from tools.rules import engine

    repo, _ = load_repository(corpus, workers=1)
    ctx = engine.Context(as_of=dt.date(2026, 11, 25), repo=repo)
    serial = sorted((f.rule, f.path, f.line, f.column, f.message) for f in engine.run_rules(repo, ctx, workers=1))
    monkeypatch.setattr(engine, "PARALLEL_MIN_RECORDS", 0)
    pooled = sorted((f.rule, f.path, f.line, f.column, f.message) for f in engine.run_rules(repo, ctx, workers=2))
    assert pooled == serial and len(serial) > 100
