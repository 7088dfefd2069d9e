"""Case files written by staff (tests/cases/*.yml), in the style of OpenFisca's YAML tests.

Each file is a list of cases: ``name``, ``input`` (a case for ``decide``) and ``output`` (the expected answer,
or only part of it: dict keys are compared recursively, a list of dicts matches when each expected item matches a
different actual item, a list of plain values is compared as a set, dates as YYYY-MM-DD).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from tools.domain.decide import answer_case
from tools.load.yaml_loader import load_bytes
from tools.report.decision import plain


@dataclass(frozen=True)
class CaseFile:
    path: str
    line: int
    name: str
    input: object
    expected: object
    problem: str | None = None


def read(paths) -> list[CaseFile]:
    out = []
    files = []
    for p in map(Path, paths):
        files += sorted(p.glob("*.yml")) if p.is_dir() else [p]
    for f in files:
        loaded = load_bytes(f.read_bytes(), allow_list=True)
        if not loaded.ok or not isinstance(loaded.data, list):
            why = loaded.problems[0].message if loaded.problems else "案件文件应是一个列表"
            out.append(CaseFile(str(f), 1, "", None, None, why))
            continue
        for i, item in enumerate(loaded.data):
            line = loaded.locs.get((i,), (1, 1))[0]
            if not isinstance(item, dict) or not {"name", "input", "output"} <= set(item):
                out.append(CaseFile(str(f), line, str(item.get("name", "")) if isinstance(item, dict) else "",
                                    None, None, "每个案件须有 name、input 和 output"))
                continue
            out.append(CaseFile(str(f), line, str(item["name"]), item["input"], item["output"]))
    return out


def differences(expected, actual, where: str = "") -> list[str]:
    """What of ``expected`` the actual answer does not have (empty: it matches)."""
    expected, actual = plain(expected), plain(actual)
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where or '答案'}：应为映射，实际为 {actual!r}"]
        out = []
        for key, value in expected.items():
            if key not in actual:
                out.append(f"{where}{key}：答案中没有这个字段")
            else:
                out += differences(value, actual[key], f"{where}{key}.")
        return out
    if isinstance(expected, list) and expected and all(isinstance(x, dict) for x in expected):
        if not isinstance(actual, list):
            return [f"{where.rstrip('.')}：应为列表，实际为 {actual!r}"]
        left = list(actual)
        out = []
        for item in expected:
            hit = next((x for x in left if not differences(item, x)), None)
            if hit is None:
                out.append(f"{where.rstrip('.')}：没有与 {item} 相符的项")
            else:
                left.remove(hit)
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list) or sorted(map(str, expected)) != sorted(map(str, actual)):
            return [f"{where.rstrip('.')}：应为 {expected}，实际为 {actual}"]
        return []
    if expected != actual:
        return [f"{where.rstrip('.')}：应为 {expected!r}，实际为 {actual!r}"]
    return []


def run_one(repo, case: CaseFile, today: _dt.date) -> list[str]:
    """The differences between a case's expected and actual answer (or why it could not be run)."""
    if case.problem:
        return [case.problem]
    answer, errors = answer_case(repo, case.input, today)
    if errors:
        return [f"输入有误：{field}：{message}" for field, message in errors]
    return differences(case.expected, answer)
