"""Reading cases for ``decide``: YAML or JSON (one case or a list) or JSON Lines (one case per line).

Each case comes back with where it was (a line, or an item of a list and its line), so that a message about a
bad case names its place; a file that cannot be read at all is one problem with its position.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from tools.load.yaml_loader import load_bytes


@dataclass(frozen=True)
class Item:
    where: str  # "第 3 行", "第 2 个案件（第 7 行）", or "" for a single case
    data: object = None
    problem: str | None = None  # why nothing could be read here


def _format(raw: bytes, name: str) -> str:
    if name.endswith(".jsonl"):
        return "jsonl"
    if name.endswith(".json"):
        return "json"
    if name.endswith((".yml", ".yaml")):
        return "yaml"
    lines = [x.strip() for x in raw.decode("utf-8", "replace").splitlines() if x.strip()]
    if len(lines) > 1 and all(x.startswith("{") and x.endswith("}") for x in lines):
        return "jsonl"
    return "json" if lines and lines[0][:1] in "[{" else "yaml"


def read_cases(raw: bytes, name: str = "-") -> tuple[list[Item], bool, str]:
    """(items, whether the input was a batch, its format: yaml | json | jsonl)."""
    fmt = _format(raw, name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [Item("", problem=f"输入不是 UTF-8 编码（第 {exc.start + 1} 个字节）")], False, fmt
    if fmt == "jsonl":
        items = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                items.append(Item(f"第 {n} 行", json.loads(line)))
            except json.JSONDecodeError as exc:
                items.append(Item(f"第 {n} 行", problem=f"不是合法的 JSON（第 {exc.colno} 列：{exc.msg}）"))
        return items, True, fmt
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            return [Item("", problem=f"不是合法的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）")], False, fmt
        if isinstance(data, list):
            return [Item(f"第 {i + 1} 个案件", d) for i, d in enumerate(data)], True, fmt
        return [Item("", data)], False, fmt
    loaded = load_bytes(raw, allow_list=True)
    if not loaded.ok:
        p = loaded.problems[0]
        return [Item("", problem=f"第 {p.line} 行第 {p.column} 列：{p.message}")], False, fmt
    if isinstance(loaded.data, list):
        return [Item(f"第 {i + 1} 个案件（第 {loaded.locs.get((i,), (0, 0))[0]} 行）", d)
                for i, d in enumerate(loaded.data)], True, fmt
    return [Item("", loaded.data)], False, fmt
