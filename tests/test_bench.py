"""The benchmark's corpus generator and its figures' shape (speed itself is printed by the benchmark, never asserted)."""
from __future__ import annotations

import datetime as dt

import yaml

from conftest import ROOT

from tools.bench import make_corpus
from tools.lint import lint


def test_synthetic_corpus_is_real_shaped_and_lints_without_errors(tmp_path):
    root = make_corpus(tmp_path / "corpus", 30)
    entries = sorted((root / "catalogs" / "catalog-bench").glob("bench-*.yml"))
    assert len(entries) == 30
    result = lint(root, dt.date(2026, 11, 25))
    assert result.summary.errors == 0  # clones are made from entries without waivers, so the corpus builds
    assert sum(1 for r in result.repo.of_kind("catalog_entry") if r.group == "catalog-bench") == 30


def test_plain_mkdocs_source_has_every_generated_page_and_no_hooks(tmp_path):
    """The benchmark's comparison build: the same generated pages, written out, with a hook-free configuration."""
    from tools.bench import write_plain_source

    root = make_corpus(tmp_path / "corpus", 5)
    config_file = write_plain_source(root, tmp_path / "plain", dt.date(2026, 11, 25))
    out = config_file.parent
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    assert config["hooks"] == [] and config["watch"] == []
    assert config["INHERIT"] == str((root / "mkdocs.yml").resolve())  # otherwise the same configuration
    assert yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))["INHERIT"] == str(ROOT / "mkdocs.yml")
    pages = {p.relative_to(out / "docs").as_posix() for p in (out / "docs").rglob("*.md")}
    assert any(p.endswith("bench-00004.md") or "bench-00004" in p for p in pages)
    assert "index.md" in pages


def test_decide_figures_run(tmp_path):
    from tools.bench import decide_figures, format_decide

    d = decide_figures(tmp_path, runs=1, batch=50)
    assert d["batch_rate"] > 0 and d["one_case_warm"] > 0 and d["batch_command"] > 0
    assert "个/秒" in format_decide(d)
