"""`python -m tools setup` and the relaunch: one supported set-up on Windows and Linux, and `python -m tools`
working whichever Python starts it and from any folder of the repository."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tools import bootstrap

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("windows,python", [(True, "Scripts/python.exe"), (False, "bin/python")])
def test_plan_uses_the_environment_python_of_each_system(tmp_path, windows, python):
    venv = tmp_path / "v"
    steps = bootstrap.plan(ROOT, venv, dev=False, windows=windows)
    assert steps[0] == [sys.executable, "-m", "venv", str(venv)]  # created with the Python that runs setup
    py = str(venv / python)
    assert steps[1][:3] == [py, "-m", "pip"] and steps[1][-2:] == ["-r", str(ROOT / "requirements.txt")]
    assert steps[2][0] == py and steps[2][-3:] == ["--no-deps", "--editable", str(ROOT)]
    assert len(steps) == 3  # no hooks without --dev
    assert not any("/bin/" in " ".join(s) for s in steps[1:] if windows)


def test_dev_plan_installs_the_test_set_and_the_hooks_in_a_checkout(tmp_path):
    steps = bootstrap.plan(ROOT, tmp_path / "v", dev=True, windows=False)
    assert steps[1][-1] == str(ROOT / "requirements-dev.txt")
    hooks = [s for s in steps if s[1:3] == ["-m", "pre_commit"]]
    assert hooks == ([[str(tmp_path / "v/bin/python"), "-m", "pre_commit", "install"]] if (ROOT / ".git").exists() else [])
    assert not [s for s in bootstrap.plan(ROOT, tmp_path / "v", dev=True, hooks=False) if "pre_commit" in s]


def test_pre_commit_is_pinned_for_the_hooks_setup_installs():
    dev = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    assert any(line.startswith("pre-commit==") for line in dev.splitlines())
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert ".venv/bin" not in config and "Scripts" not in config  # no system's path in the hooks


def test_stamp_changes_with_the_requirements(tmp_path):
    for name in ("requirements.txt", "requirements-dev.txt", "pyproject.toml"):
        (tmp_path / name).write_text(f"{name}\n", encoding="utf-8")
    before = bootstrap.stamp(tmp_path, dev=False)
    assert bootstrap.stamp(tmp_path, dev=True) != before
    (tmp_path / "requirements.txt").write_text("PyYAML==9\n", encoding="utf-8")
    assert bootstrap.stamp(tmp_path, dev=False) != before


def test_relaunch_without_dependencies_or_environment_says_what_to_run(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(bootstrap, "missing_dependencies", lambda: ["cerberus"])
    monkeypatch.setattr(bootstrap, "ROOT", tmp_path)  # no .venv there
    assert bootstrap.relaunch(["lint"]) == 2
    err = capsys.readouterr().err
    assert "缺少运行所需的库（cerberus）" in err and "python -m tools setup" in err


def test_relaunch_runs_the_command_with_the_project_environment(monkeypatch, tmp_path):
    monkeypatch.setattr(bootstrap, "missing_dependencies", lambda: ["yaml"])
    monkeypatch.setattr(bootstrap, "ROOT", tmp_path)
    py = bootstrap.venv_python(tmp_path / ".venv")
    py.parent.mkdir(parents=True)
    py.write_text("", encoding="utf-8")
    seen = {}

    def run(cmd, env):
        seen.update(cmd=cmd, path=env["PYTHONPATH"])
        return subprocess.CompletedProcess(cmd, 3)

    monkeypatch.setattr(bootstrap.subprocess, "run", run)
    assert bootstrap.relaunch(["lint", "--format", "json"]) == 3  # its exit code is passed on
    assert seen["cmd"] == [str(py), "-m", "tools", "lint", "--format", "json"]
    assert seen["path"].split(__import__("os").pathsep)[0] == str(tmp_path)
    monkeypatch.setattr(bootstrap, "missing_dependencies", lambda: [])
    assert bootstrap.relaunch(["lint"]) is None  # a Python with the libraries runs the command itself


def test_python_m_tools_works_from_a_subfolder_with_the_environment_python():
    out = subprocess.run([sys.executable, "-m", "tools", "rules"], cwd=ROOT / "tests" / "cases",
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "CAT-001" in out.stdout


@pytest.mark.slow
def test_setup_creates_an_environment_and_then_has_nothing_to_do(tmp_path):
    base = getattr(sys, "_base_executable", sys.executable)  # a Python without the project's libraries
    venv = tmp_path / "env"
    first = subprocess.run([base, "-m", "tools", "setup", "--venv", str(venv)], cwd=ROOT,
                           capture_output=True, text=True, timeout=900)
    assert first.returncode == 0, first.stderr[-2000:]
    assert "环境已就绪" in first.stdout
    py = bootstrap.venv_python(venv)
    lint = subprocess.run([str(py), "-m", "tools", "rules"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert lint.returncode == 0 and "CAT-001" in lint.stdout  # editable install: runs outside the repository too
    again = subprocess.run([base, "-m", "tools", "setup", "--venv", str(venv)], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "已是最新" in again.stdout
