"""MkDocs hooks for ``mkdocs serve`` (``make serve``): the record pages generated from the YAML on every change
of a watched folder, so an editor sees a record's page live. ``python -m tools build`` does not use them: it
writes the pages itself and runs a plain MkDocs build.

While serving, the preview never stops: a file with a syntax error, an unknown id or any lint error does not
abort the rebuild (the server would otherwise hold every request until the file is fixed): lint findings are
logged at INFO, and a record that cannot be read still has a page, so no link breaks. ``make serve`` also runs
``mkdocs serve --no-strict``, so that MkDocs' own warnings do not stop it either. The errors are shown
where the editor looks -- at the top of the page of the record being edited (a record that cannot be read gets a
page at its usual address saying why) and on the page 预览检查结果 -- and logged in Chinese in the terminal.
``mkdocs build --strict`` run by hand still fails on lint errors: there they are MkDocs warnings.
"""
from __future__ import annotations

import logging
import sys
from collections import defaultdict
from pathlib import Path

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:  # mkdocs loads this file by path, and pops its own sys.path entry afterwards:
    sys.path.insert(0, str(ROOT))  # import the package now, while the path is in place

from tools.base.provenance import commit_info  # noqa: E402
from tools.lint import lint  # noqa: E402
from tools.load.layout import classify  # noqa: E402
from tools.model.repository import default_cache  # noqa: E402
from tools.report.text import line  # noqa: E402
from tools.site.escape import md  # noqa: E402
from tools.site.pages import PAGE_URIS, Site, page_uri  # noqa: E402

log = logging.getLogger("mkdocs.plugins.benxi")
PROBLEMS_PAGE = "preview-problems.md"
_STATE = {"command": "build"}  # set by on_startup: "serve" or "build" (or "gh-deploy")


def on_startup(command, dirty):
    _STATE["command"] = command


def serving() -> bool:
    return _STATE["command"] == "serve"


def page_of(path: str, by_path: dict) -> str | None:
    """The page a finding about a file belongs on: its record's page, or where that page would be."""
    rec = by_path.get(path)
    if rec is not None and rec.id and rec.kind in PAGE_URIS:
        return page_uri(rec)
    kind, group, rid = classify(path)
    if kind in PAGE_URIS and rid:
        return PAGE_URIS[kind].format(id=rid, group=group)
    return None


def banner(findings) -> str:
    """The errors of one page, above its content (escaped: messages quote YAML values)."""
    items = "\n".join(f"    - 第 {f.line} 行 [{f.rule}] {md(f.message)}" for f in findings)
    return (f'!!! danger "预览：这条记录有 {len(findings)} 个错误（正式网站不会带着错误发布）"\n'
            f"    文件 `{findings[0].path}`。改正并保存后，本页会自动刷新。\n\n{items}\n\n")


def with_banner(content: str, text: str) -> str:
    """The banner right under the page's title (front matter and title stay first)."""
    lines = content.split("\n")
    at = next((i + 1 for i, x in enumerate(lines) if x.startswith("# ")), 0)
    return "\n".join(lines[:at] + ["", text] + lines[at:])


def unreadable_page(findings) -> str:
    return f"# 这条记录暂时无法显示\n\n{banner(findings)}"


def problems_page(by_page: dict, others: list) -> str:
    lines = ["# 预览检查结果", ""]
    total = sum(len(v) for v in by_page.values()) + len(others)
    if not total:
        return "# 预览检查结果\n\n没有错误。\n"
    lines.append(f"共 {total} 个错误（只在本地预览时显示）。")
    lines.append("")
    for uri, findings in sorted(by_page.items()):
        lines.append(f"- [{md(findings[0].path)}]({uri})：{len(findings)} 个错误")
    for f in others:
        lines.append(f"- {md(line(f))}")
    return "\n".join(lines) + "\n"


def _add(files, config, uri, content):
    existing = files.get_file_from_path(uri)
    if existing is not None:
        files.remove(existing)
    files.append(File.generated(config, uri, content=content))


def on_files(files, config):
    root = Path(config.config_file_path).resolve().parent
    try:
        result = lint(root, cache=default_cache())
        errors = [f for f in result.findings if f.blocking]
        pages = Site(result.repo, result.rules, result.as_of, commit_info(root)).pages()
        repo = result.repo
    except Exception as exc:  # the preview must keep running whatever the records contain
        if not serving():
            raise
        log.error("预览：生成记录页面时出错（%s）：%s", type(exc).__name__, exc)
        errors, pages, repo = [], {}, None
    by_page, others = defaultdict(list), []
    by_path = {r.path: r for r in repo.records} if repo is not None else {}
    for f in errors:
        if serving():
            log.info("检查发现错误：%s", line(f))
        else:
            log.warning("lint: %s", line(f))
        uri = page_of(f.path, by_path)
        (by_page[uri] if uri else others).append(f)
    for uri, content in sorted(pages.items()):
        if serving() and uri in by_page and uri.endswith(".md"):
            content = with_banner(content, banner(by_page[uri]))
        _add(files, config, uri, content)
    if serving():
        for uri, findings in by_page.items():
            if uri not in pages:
                _add(files, config, uri, unreadable_page(findings))
        _add(files, config, PROBLEMS_PAGE, problems_page(by_page, others))
        if errors:
            # INFO, not WARNING: with strict: true a warning would abort the rebuild and hold the server
            log.info("预览：共 %d 个错误，见页面“预览检查结果”（/%s）", len(errors), PROBLEMS_PAGE[:-3] + "/")
    return files
