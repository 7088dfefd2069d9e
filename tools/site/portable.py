"""Make another folder of records buildable with this repository's site configuration (benchmarks, tests)."""
from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent


def add_site_config(repo: Path) -> Path:
    """Copy mkdocs.yml (its hooks pointed at this checkout by absolute path) and the hand-written pages."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - tools/site/hooks.py", f"  - {REPO / 'tools' / 'site' / 'hooks.py'}")
    config = config.replace("  - tools/site\n", "")
    (repo / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "docs", repo / "docs")
    return repo


def write_plain_source(repo: Path, out: Path, as_of) -> Path:
    """The site's pages as plain files with a hook-free mkdocs.yml: what a plain ``mkdocs build`` of the same
    generated pages needs (the benchmark compares our build with it)."""
    from tools.build import commit_info
    from tools.rules.engine import lint
    from tools.rules.registry import all_rules
    from tools.site.pages import Site

    result = lint(repo, as_of)
    shutil.copytree(REPO / "docs", out / "docs")
    for uri, content in Site(result.repo, all_rules(), result.as_of, commit_info(repo)).pages().items():
        target = out / "docs" / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks:\n  - tools/site/hooks.py\n", "")
    config = config.replace("watch:\n  - policies\n  - catalogs\n  - sanction_lists\n  - procedures\n  - tools/site\n", "")
    config = config.replace("jieba_dict_user: docs/assets/jieba_user_dict.txt",
                            f"jieba_dict_user: {out / 'docs' / 'assets' / 'jieba_user_dict.txt'}")
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    return out
