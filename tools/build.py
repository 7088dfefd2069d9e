"""`python -m tools build`: lint, graph, site. Publishes nothing unless every step succeeded.

The site is built into a temporary folder beside the target and swapped in only at the end, so a failed build
leaves the previous site/ untouched.
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def commit_info(root: Path) -> str:
    """Short commit id and commit date of the data, or a plain note outside a git checkout."""
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%h %cd", "--date=short"],
                             capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "（未知：不在 git 仓库中）"
    text = out.stdout.strip()
    return text if out.returncode == 0 and text else "（未知：不在 git 仓库中）"


def build(root: Path, site_dir: Path | None = None, as_of=None) -> int:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from tools.export import build_time, export
    from tools.graph.build import build_graph
    from tools.report.text import render
    from tools.rules.engine import lint
    from tools.rules.registry import all_rules
    from tools.site import state

    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site").resolve()
    # Reproducible: the data's own time (SOURCE_DATE_EPOCH, else the commit time) stands for "now" everywhere:
    # the default as-of date, MkDocs' sitemap dates, the export stamps.
    when = build_time(root)
    result = lint(root, as_of or when.date())
    if result.summary.errors:
        sys.stderr.write(render(result))
        sys.stderr.write("检查发现错误，未生成网站（site/ 保持不变）。\n")
        return 1
    drafts = sorted({f.path for f in result.findings if f.rule == "DRAFT-001"})
    if drafts:
        sys.stderr.write("以下记录仍是草稿（draft: true），未生成网站（site/ 保持不变）：\n" + "\n".join(drafts) + "\n")
        return 1
    print(result.summary.line_zh())
    rules = all_rules()
    graph = build_graph(result.repo, rules)
    print(f"依据关系图：{graph.number_of_nodes()} 个节点，{graph.number_of_edges()} 条边")

    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    state.PRELOADED = (result, rules, commit_info(root), graph)
    epoch_was = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(when.timestamp()))  # MkDocs dates its sitemap from it
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    cwd = os.getcwd()
    try:
        os.chdir(root)  # mkdocs.yml's relative paths (the jieba dictionary) are relative to the repository root
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp), strict=True)
        mkdocs_build(config)
        export(result.repo, graph, tmp / "exports", root)
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        sys.stderr.write(f"网站构建失败，site/ 保持不变：{exc}\n")
        return 1
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        os.chdir(cwd)
        state.PRELOADED = None
        if epoch_was is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
    old = None
    if site_dir.exists():
        old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
        site_dir.rename(old)
    tmp.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    print(f"网站已生成：{site_dir}")
    return 0
