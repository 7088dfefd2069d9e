"""The generated pages written out beside the hand-written ones, and a plain MkDocs build of them.

``tools build`` does not hand state to MkDocs through hooks: it writes every page into a folder and runs
``mkdocs build`` in a child process on a small configuration that inherits the repository's mkdocs.yml
(MkDocs' own ``INHERIT``) and only points it at that folder, with no hooks. The child process gets the build
time through its own environment (SOURCE_DATE_EPOCH) and runs in the repository root, so nothing in this
process -- environment, working directory, logging, jieba's dictionary -- is changed.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tools.domain.sources import html_links, leaves_for_unofficial
from tools.load.layout import RECORD_ROOTS

CONFIG = "mkdocs.yml"
HOOKS = Path(__file__).resolve().with_name("hooks.py")


def write_sources(pages: dict, hand_written: Path, out: Path) -> Path:
    """A docs folder: the hand-written pages (docs/) and every generated page (uri -> Markdown)."""
    shutil.copytree(hand_written, out)
    for uri, content in pages.items():
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    return out


class _Tolerant(yaml.SafeLoader):
    """mkdocs.yml as data: MkDocs' own tags (``!!python/name:``, ``!ENV`` …) read as None, nothing is executed."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict:
    """A MkDocs configuration file as plain data, following its INHERIT chain (the child's keys win, dictionaries
    merge), for the settings this tool reads itself (site_url, extra, theme.custom_dir). Never runs MkDocs."""
    path = Path(path).resolve()
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Tolerant) or {}
    parent = data.pop("INHERIT", None)
    if not parent:
        return data
    return _merged(read_config(path.parent / parent), data)


def _merged(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _theme_dir(parent: Path) -> dict:
    """The theme overrides of ``parent`` as an absolute path: MkDocs resolves a relative custom_dir against the
    configuration file that is built, which for an inheriting configuration is in another folder."""
    parent = Path(parent).resolve()
    custom = (read_config(parent).get("theme") or {}).get("custom_dir")
    return {"theme": {"custom_dir": str((parent.parent / custom).resolve())}} if isinstance(custom, str) else {}


def write_config(path: Path, parent: Path, **overrides) -> Path:
    """A MkDocs configuration that inherits ``parent`` and overrides some of its keys (the theme's overrides
    folder kept where ``parent`` has it)."""
    config = {"INHERIT": str(Path(parent).resolve()), **_theme_dir(parent), **overrides}
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=True), encoding="utf-8")
    return path


def plain_config(path: Path, parent: Path, docs_dir: Path, site_dir: Path) -> Path:
    """The configuration of a plain build of already generated pages: no hooks, nothing to watch."""
    return write_config(path, parent, docs_dir=str(Path(docs_dir).resolve()),
                        site_dir=str(Path(site_dir).resolve()), hooks=[], watch=[])


def unofficial_site_links(site_dir: Path) -> list[tuple[str, int, str]]:
    """(page, line, href) of every <a href> in the built site that leaves it for a domain that is not an official
    publisher's (tools/domain/official_domains.yml): the build publishes no such page."""
    site_dir = Path(site_dir)
    out = []
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8", errors="replace")
        for line, _, href in html_links(text, keep=leaves_for_unofficial):
            out.append((page.relative_to(site_dir).as_posix(), line, href))
    return out


def publishable(site_dir: Path) -> None:
    """Make a built site readable by a web server running as another user, whatever the umask: folders 0755,
    files 0644 (the build folder itself is private while it is written, see tools.build)."""
    site_dir = Path(site_dir)
    site_dir.chmod(0o755)
    for folder, dirs, files in os.walk(site_dir):
        for name in dirs:
            os.chmod(os.path.join(folder, name), 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)


def start_mkdocs(config: Path, cwd: Path, epoch: int | None = None) -> subprocess.Popen:
    """``mkdocs build --strict`` of a configuration, started in a child process (``cwd``: where relative paths in
    the configuration start, the repository root); the caller may work meanwhile, then ``communicate()``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # the banner about MkDocs 2 is not ours to print
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)  # MkDocs dates its sitemap from it
    # not --quiet: it would drop the warnings that --strict counts
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                            cwd=str(cwd), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run_mkdocs(config: Path, cwd: Path, epoch: int | None = None) -> subprocess.CompletedProcess:
    """The same build, waited for."""
    proc = start_mkdocs(config, cwd, epoch)
    out, err = proc.communicate()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def serve_config(repo: Path, site_config: Path) -> Path:
    """Make another folder of records previewable and buildable with a site configuration (benchmarks, tests):
    a mkdocs.yml inheriting ``site_config``, its hooks given by absolute path, and a copy of its hand-written
    pages."""
    repo = Path(repo)
    write_config(repo / CONFIG, site_config, hooks=[str(HOOKS)],
                 watch=[top for top in RECORD_ROOTS if (repo / top).is_dir()])
    shutil.copytree(Path(site_config).resolve().parent / "docs", repo / "docs")
    return repo
