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
