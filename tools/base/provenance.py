"""Where the data comes from: the git commit of the repository and the time that stands for "now" in a build.

Builds take their time from SOURCE_DATE_EPOCH or the commit, never the clock, so two builds of one commit are
byte-identical. Every function takes the repository root; none changes the environment or the directory.
"""
from __future__ import annotations

import datetime as _dt
import os
import subprocess

NOT_IN_GIT = "（未知：不在 git 仓库中）"


def _git(root, *args) -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    text = out.stdout.strip()
    return text if out.returncode == 0 and text else None


def commit_info(root) -> str:
    """Short commit id and commit date of the data, or a plain note outside a git checkout."""
    return _git(root, "log", "-1", "--format=%h %cd", "--date=short") or NOT_IN_GIT


def commit_id(root) -> str | None:
    return _git(root, "rev-parse", "HEAD")


def build_time(root, environ=None) -> _dt.datetime:
    """SOURCE_DATE_EPOCH if set (in ``environ``, default the process environment), else the time of the last
    commit; outside a git checkout (and only there), the start of today (UTC), so that builds of one day agree."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH") or _git(root, "log", "-1", "--format=%ct")
    if not epoch:
        today = _dt.datetime.now(tz=_dt.timezone.utc)
        return today.replace(hour=0, minute=0, second=0, microsecond=0)
    return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.timezone.utc)
