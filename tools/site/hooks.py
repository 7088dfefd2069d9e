"""MkDocs hooks: generate the record pages from the YAML at build time (nothing generated is committed).

``mkdocs serve`` re-runs this on every change of a watched YAML folder, so an editor sees a record's page live;
``mkdocs build --strict`` fails when the lint has errors, because each error is logged as a warning here.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:  # mkdocs loads this file by path, and pops its own sys.path entry afterwards:
    sys.path.insert(0, str(ROOT))  # import the package now, while the path is in place

from tools.build import commit_info  # noqa: E402
from tools.report.text import line  # noqa: E402
from tools.rules.engine import lint  # noqa: E402
from tools.rules.registry import all_rules  # noqa: E402
from tools.site import state  # noqa: E402
from tools.site.pages import Site  # noqa: E402

log = logging.getLogger("mkdocs.plugins.benxi")



def _prepare(root: Path):
    if state.PRELOADED is not None:  # set by `python -m tools build`
        return state.PRELOADED
    result = lint(root)
    for f in result.findings:
        if f.blocking:
            log.warning("lint: %s", line(f))
    return result, all_rules(), commit_info(root), None


def on_files(files, config):
    root = Path(config.config_file_path).resolve().parent
    result, rules, commit, graph = _prepare(root)
    site = Site(result.repo, rules, result.as_of, commit, graph)
    for uri, content in sorted(site.pages().items()):
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, content=content))
    return files
