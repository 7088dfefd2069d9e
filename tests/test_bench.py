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


def test_plain_mkdocs_source_has_every_generated_page_and_no_hooks(tmp_path):
    """The benchmark's comparison build: the same generated pages, written out, with a hook-free configuration."""
    from tools.site.portable import write_plain_source

    root = make_corpus(tmp_path / "corpus", 5)
    out = write_plain_source(root, tmp_path / "plain", dt.date(2026, 11, 25))
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks:" not in config and "watch:" not in config
    assert "theme:" in config and "plugins:" in config  # otherwise the same configuration
    pages = {p.relative_to(out / "docs").as_posix() for p in (out / "docs").rglob("*.md")}
    assert any(p.endswith("bench-00004.md") or "bench-00004" in p for p in pages)
    assert "index.md" in pages
