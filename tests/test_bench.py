"""The benchmark's corpus generator and its figures' shape (speed itself is printed by the benchmark, never asserted)."""
from __future__ import annotations

import datetime as dt

from tools.bench import make_corpus
from tools.rules.engine import lint


def test_synthetic_corpus_is_real_shaped_and_lints_without_errors(tmp_path):
    root = make_corpus(tmp_path / "corpus", 30)
    entries = sorted((root / "catalogs" / "catalog-bench").glob("bench-*.yml"))
    assert len(entries) == 30
    result = lint(root, dt.date(2026, 11, 25))
    assert result.summary.errors == 0  # clones are made from entries without waivers, so the corpus builds
    assert sum(1 for r in result.repo.of_kind("catalog_entry") if r.group == "catalog-bench") == 30
