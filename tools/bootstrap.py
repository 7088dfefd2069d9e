"""``python -m tools setup``: the project's virtual environment on Windows, Linux and macOS alike.

Runs with any Python 3.11+ and nothing else installed (standard library only; ``python -m tools setup`` is
handled before the command line is imported). Creates ``.venv``, installs the pinned requirements (the test set
with ``--dev``), installs this repository in editable mode (so ``python -m tools`` works from any folder with
the environment's Python) and, with ``--dev`` in a git checkout, the pre-commit hooks. A stamp in ``.venv``
holds the hash of the requirement files: nothing is reinstalled while they are unchanged. ``make build`` and
``make test`` call it too, so there is one way to set up, whatever the system.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIN_PYTHON = (3, 11)


def venv_python(venv: Path, windows: bool | None = None) -> Path:
    """The environment's interpreter: Scripts\\python.exe on Windows, bin/python elsewhere."""
    windows = os.name == "nt" if windows is None else windows
    return venv / ("Scripts/python.exe" if windows else "bin/python")


def requirement_files(root: Path, dev: bool) -> list[Path]:
    return [root / ("requirements-dev.txt" if dev else "requirements.txt")]


def stamp(root: Path, dev: bool) -> str:
    """What an installation was made from: the requirement files (and what they include) and pyproject.toml."""
    digest = hashlib.sha256()
    names = ["requirements.txt", "pyproject.toml"] + (["requirements-dev.txt"] if dev else [])
    for name in names:
        path = root / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"") + b"\0")
    return digest.hexdigest()


def plan(root: Path, venv: Path, dev: bool, windows: bool | None = None, hooks: bool = True) -> list[list[str]]:
    """The commands to run, in order (nothing is run here)."""
    py = str(venv_python(venv, windows))
    steps = []
    if not venv_python(venv, windows).exists():
        steps.append([sys.executable, "-m", "venv", str(venv)])
    pip = [py, "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
    for req in requirement_files(root, dev):
        steps.append(pip + ["-r", str(req)])
    steps.append(pip + ["--no-deps", "--editable", str(root)])
    if dev and hooks and (root / ".git").exists() and (root / ".pre-commit-config.yaml").is_file():
        steps.append([py, "-m", "pre_commit", "install"])
    return steps


def _stamp_file(venv: Path, dev: bool) -> Path:
    return venv / (".installed-dev" if dev else ".installed")


def up_to_date(root: Path, venv: Path, dev: bool) -> bool:
    f = _stamp_file(venv, dev)
    return venv_python(venv).exists() and f.is_file() and f.read_text(encoding="utf-8").strip() == stamp(root, dev)


def next_steps(venv: Path, windows: bool | None = None) -> str:
    windows = os.name == "nt" if windows is None else windows
    py = str(venv / "Scripts" / "python") if windows else f"{venv}/bin/python"
    activate = rf"{venv}\Scripts\activate" if windows else f"source {venv}/bin/activate"
    return (f"环境已就绪。之后可以（任意子文件夹中均可）：\n"
            f"  {py} -m tools lint        检查记录\n"
            f"  {py} -m tools build       检查、建图并生成网站\n"
            f"  {py} -m pytest -q         运行测试（需先 setup --dev）\n"
            f"  {py} -m mkdocs serve --no-strict   本地预览网站\n"
            f"或先激活环境（{activate}），再直接用 python -m tools …")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools setup", add_help=False,
                                     description="创建 .venv 并安装固定版本的依赖（Windows、Linux、macOS 通用）")
    parser.add_argument("-h", "--help", action="help", help="显示本帮助并退出")
    parser.add_argument("--dev", action="store_true", help="同时安装测试和 pre-commit 所需的依赖，并安装 pre-commit 钩子")
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv", help="虚拟环境的位置（默认：仓库根目录下的 .venv）")
    parser.add_argument("--no-hooks", action="store_true", help="不安装 pre-commit 钩子")
    parser.add_argument("--dry-run", action="store_true", help="只列出将要执行的命令")
    args = parser.parse_args(argv)
    if sys.version_info < MIN_PYTHON:
        print(f"需要 Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} 或更高版本（当前 {sys.version.split()[0]}）："
              f"请安装后用它运行 python -m tools setup", file=sys.stderr)
        return 2
    venv = args.venv.resolve()
    if up_to_date(ROOT, venv, args.dev) and not args.dry_run:
        print(f"{venv} 已是最新，无需安装")
        return 0
    for step in plan(ROOT, venv, args.dev, hooks=not args.no_hooks):
        print("运行：" + " ".join(step), flush=True)
        if args.dry_run:
            continue
        if subprocess.run(step, cwd=ROOT).returncode != 0:
            print(f"安装失败（上面一步的命令）：请检查网络或软件源设置后重新运行 python -m tools setup"
                  f"{' --dev' if args.dev else ''}", file=sys.stderr)
            return 2
    if not args.dry_run:
        _stamp_file(venv, args.dev).write_text(stamp(ROOT, args.dev) + "\n", encoding="utf-8")
        print(next_steps(venv))
    return 0


def missing_dependencies() -> list[str]:
    """The runtime libraries this Python cannot import (the system Python before setup, pre-commit's own one)."""
    import importlib.util

    return [name for name in ("yaml", "cerberus", "jinja2", "networkx") if importlib.util.find_spec(name) is None]


def relaunch(argv: list[str]) -> int | None:
    """Run the command again with the project's environment when this Python lacks the dependencies (None: no
    need). Used by ``python -m tools``, so that ``python -m tools lint`` works whichever Python starts it."""
    missing = missing_dependencies()
    if not missing:
        return None
    venv = ROOT / ".venv"
    py = venv_python(venv)
    if py.exists() and Path(sys.prefix).resolve() != venv.resolve():  # (the interpreter itself may be a link)
        path = os.pathsep.join(x for x in (str(ROOT), os.environ.get("PYTHONPATH", "")) if x)
        return subprocess.run([str(py), "-m", "tools", *argv], env={**os.environ, "PYTHONPATH": path}).returncode
    print(f"当前的 Python（{sys.executable}）缺少运行所需的库（{'、'.join(missing)}）。"
          f"请先在仓库根目录运行：python -m tools setup（Windows 也可用 py -m tools setup）", file=sys.stderr)
    return 2
