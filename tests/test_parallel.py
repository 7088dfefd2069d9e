"""Parsing in a process pool gives exactly what the serial load gives: the same records, positions and findings."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.model import repository as repository_module
from tools.model.repository import load_repository

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
    serial = _snapshot(*load_repository(corpus))
    monkeypatch.setattr(repository_module, "_CHUNK", 7)  # many chunks: the order of results must hold
    pooled = _snapshot(*load_repository(corpus, workers=2, min_items=0))
    assert pooled[0] == serial[0]
    assert pooled[1] == serial[1]
    assert any(rule.startswith("YAML-") for rule, *_ in serial[1])  # the bad files were really there


def test_small_repositories_stay_serial(monkeypatch):
    def no_pool():
        raise AssertionError("a pool was started for a small repository")

    monkeypatch.setattr("tools.base.parallel.fork_context", no_pool)
    repo, _ = load_repository(REPO, workers=2)  # fewer files than the pool's threshold
    assert len(repo.records) > 100


def test_library_calls_are_serial_by_default(corpus, monkeypatch):
    def no_pool():
        raise AssertionError("a pool was started without workers= being asked for")

    monkeypatch.setattr("tools.base.parallel.fork_context", no_pool)
    repo, _ = load_repository(corpus, min_items=0)
    assert len(repo.records) > 100


def test_rules_in_a_pool_find_what_the_serial_run_finds(corpus, monkeypatch):
    import datetime as dt

    from tools.graph.build import graph_parts
    from tools.lint import run_rules
    from tools.rules import all_rules
    from tools.rules.context import Context

    repo, _ = load_repository(corpus)
    ctx = Context(as_of=dt.date(2026, 11, 25), parts=graph_parts(repo, all_rules()), rules=all_rules())
    serial = sorted((f.rule, f.path, f.line, f.column, f.message) for f in run_rules(repo, ctx))
    pooled = sorted((f.rule, f.path, f.line, f.column, f.message) for f in run_rules(repo, ctx, 2, min_items=0))
    assert pooled == serial and len(serial) > 100
