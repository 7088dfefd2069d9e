"""`python -m tools build`: lint, graph, site, exports. Publishes nothing unless every step succeeded.

The pages are generated here and written out with the hand-written ones; a plain MkDocs build (a child
process, see tools.site.publish) renders them into a temporary folder beside the target, which replaces
site/ only at the end, so a failed build leaves the previous site/ untouched. Messages go to the ``out`` and
``err`` streams the caller gives.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from tools.api import write_site_api
from tools.base import gc_scope
from tools.base.provenance import build_time, commit_info
from tools.export import export
from tools.graph.build import build_graph
from tools.lint import lint
from tools.report.text import line, ordered, render
from tools.site import publish, search
from tools.site.pages import Site, page_uri


def build(root: Path, site_dir: Path | None = None, as_of=None, *, workers: int = 1, cache=None,
          out=None, err=None, api: bool = True) -> int:
    """``api``: also write the static API (api/v1/; off only for tools bench, which measures what it adds)."""
    out, err = out or sys.stdout, err or sys.stderr
    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site").resolve()
    # Reproducible: the data's own time (SOURCE_DATE_EPOCH, else the commit time) stands for "now" everywhere:
    # the default as-of date, MkDocs' sitemap dates, the export stamps.
    when = build_time(root)
    result = lint(root, as_of or when.date(), workers=workers, cache=cache)
    if result.summary.errors:
        err.write(render(result).text)
        errors = ordered(result.findings)[0]
        err.write(f"检查发现 {len(errors)} 个错误，未生成网站（site/ 保持不变）。需要改正的是：\n")
        err.write("".join(f"  {line(f)}\n" for f in errors))
        return 1
    drafts = sorted({f.path for f in result.findings if f.rule == "DRAFT-001"})
    if drafts:
        err.write("以下记录仍是草稿（draft: true），未生成网站（site/ 保持不变）：\n" + "\n".join(drafts) + "\n")
        return 1
    out.write(result.summary.line_zh() + "\n")
    warnings = ordered(result.findings)[1]
    shown = [f for f in warnings if f.rule != "VERIFY-001"]  # "not yet verified" is known and long: counted only
    out.write("".join(f"  {line(f)}\n" for f in shown))
    if len(shown) < len(warnings):
        out.write(f"  另有 {len(warnings) - len(shown)} 个“尚未逐项核实”的警告（VERIFY-001）：python -m tools lint 可逐条查看\n")
    config = root / publish.CONFIG
    if not config.is_file() or not (root / "docs").is_dir():
        err.write(f"仓库 {root} 没有网站配置（{publish.CONFIG} 和 docs/），无法生成网站。\n")
        return 1
    graph = build_graph(result.repo, result.rules)
    out.write(f"依据关系图：{graph.number_of_nodes()} 个节点，{graph.number_of_edges()} 条边\n")
    with gc_scope.paused():
        pages = Site(result.repo, result.rules, result.as_of, commit_info(root), graph).pages()
    try:
        keywords = _search_keywords(root, result.repo, pages)
    except search.TermsError as exc:
        err.write(f"{exc}\n未生成网站（site/ 保持不变）。\n")
        return 1

    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    tmp = work / "site"
    try:
        docs = publish.write_sources(pages, root / "docs", work / "docs")
        plain = publish.plain_config(work / publish.CONFIG, config, docs, tmp)
        mkdocs = publish.start_mkdocs(plain, cwd=root, epoch=int(when.timestamp()))
        try:  # the exports are written while MkDocs renders (it empties its site folder first: they wait beside it)
            export(result.repo, graph, work / "exports", root, when)
            if api:  # the static API for department systems (tools/api), likewise
                write_site_api(result.repo, work / "api", root, result.as_of, when, pages, publish.read_config(config))
        finally:
            _, mkdocs_err = mkdocs.communicate()
        if mkdocs.returncode != 0:
            err.write(f"网站构建失败，site/ 保持不变：\n{mkdocs_err[-4000:]}\n")
            return 1
        (work / "exports").rename(tmp / "exports")
        if api:
            (work / "api").rename(tmp / "api")
        outside = publish.unofficial_site_links(tmp)
        if outside:  # a public page may link only to official publishers (LINK-001 checks the hand-written ones)
            err.write("以下页面链接到非官方网站，未发布网站（site/ 保持不变）：\n"
                      + "".join(f"  {page}:{line}: {href}\n" for page, line, href in outside[:20]))
            return 1
        before, after = search.rewrite_index(tmp, keywords)
        publish.publishable(tmp)  # readable by a web server running as another user, whatever the umask
        old = None
        if site_dir.exists():
            old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
            site_dir.rename(old)
        tmp.rename(site_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        err.write(f"网站构建失败，site/ 保持不变：{exc}\n")
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out.write(f"网站已生成：{site_dir}（搜索索引 {after / 1000:.0f} KB，精简前 {before / 1000:.0f} KB）\n")
    for warning in deployment_warnings(publish.read_config(config)):
        err.write(f"提醒：{warning}\n")
    return 0


def _search_keywords(root: Path, repo, pages: dict) -> dict:
    """URL -> the words of the repository's search_terms.yml that lead to that page (checked: every page exists)."""
    terms = search.load_terms(root)
    if not terms:
        return {}
    hand_written = {p.relative_to(root / "docs").as_posix() for p in (root / "docs").rglob("*.md")}

    def record_uri(rid):
        rec = repo.get(rid)
        return page_uri(rec) if rec is not None else None

    return search.keyword_pages(terms, set(pages) | hand_written, record_uri)


def deployment_warnings(config: dict) -> list[str]:
    """What still has to be set before the site is published (mkdocs.yml: site_url, extra.publisher)."""
    out = []
    url = config.get("site_url")
    if not url:
        out.append("mkdocs.yml 没有 site_url：sitemap.xml 是空的。发布前请填写网站的正式地址。")
    elif (urlsplit(str(url)).hostname or "").endswith(".example"):  # RFC 2606: reserved, a placeholder
        out.append(f"mkdocs.yml 的 site_url（{url}）仍是占位地址：发布前请改为网站的正式地址。")
    publisher = (config.get("extra") or {}).get("publisher") or {}
    for key, label in (("name", "发布单位"), ("contact", "联系方式")):
        value = publisher.get(key)
        if not value or "待" in str(value):
            out.append(f"mkdocs.yml 的 extra.publisher.{key}（页脚的{label}）仍是占位：发布前请填写。")
    return out
