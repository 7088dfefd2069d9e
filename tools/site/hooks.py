"""MkDocs hooks for ``mkdocs serve`` (``make serve``): the record pages generated from the YAML on every change
of a watched folder, so an editor sees a record's page live. ``python -m tools build`` does not use them: it
writes the pages itself and runs a plain MkDocs build.

Lint errors are logged as MkDocs warnings, so ``mkdocs build --strict`` run by hand still fails on them.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:  # mkdocs loads this file by path, and pops its own sys.path entry afterwards:
    sys.path.insert(0, str(ROOT))  # import the package now, while the path is in place

from tools.base.provenance import commit_info  # noqa: E402
from tools.lint import lint  # noqa: E402
from tools.model.repository import default_cache  # noqa: E402
from tools.report.text import line  # noqa: E402
from tools.site.pages import Site  # noqa: E402

log = logging.getLogger("mkdocs.plugins.benxi")


def on_files(files, config):
    root = Path(config.config_file_path).resolve().parent
    result = lint(root, cache=default_cache())
    for f in result.findings:
        if f.blocking:
            log.warning("lint: %s", line(f))
    site = Site(result.repo, result.rules, result.as_of, commit_info(root))
    for uri, content in sorted(site.pages().items()):
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, content=content))
    return files
