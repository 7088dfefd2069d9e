"""Run a rule's documented examples: each example is applied to the mini fixture in memory and linted.

An example (in a rule's docstring, under 报错： or 通过：) is one or more parts separated by a line ``---``.
Each part starts with a comment naming what it is:

* ``# 目录条目`` (any label of tools.model.vocab.KINDS): the part's fields are merged into a valid record of that
  kind -- dicts deeply, lists and values replaced, ``~`` (null) removing a field. A part whose ``id`` is that of
  another fixture record is merged into that record instead; a new ``id`` adds a record beside the template.
* ``# 目录条目（原文）``: the part is the whole text of that record's file (for the YAML rules).
* ``# waivers.yml``: the part is the whole waivers file.
* ``# docs/page.md`` (any path under docs/ or overrides/): the part is the whole text of a hand-written page; the
  example is then linted in a temporary folder that holds the pages (LINK-001 reads them from disk).
* ``# 示意``: an illustration only, never run (for what a text example cannot show: encodings, sizes, paths).

The failing example must make the rule report on a file it touched; the passing one must not.
"""
from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import yaml

from tools.lint import check
from tools.model.repository import load_texts
from tools.model.vocab import KINDS

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
PLAN = "policies/benxi/benxi-plan-2021.yml"
AS_OF = dt.date(2026, 11, 25)
TEMPLATES = {
    "document": "policies/national/example-law.yml",
    "catalog_edition": "catalogs/cat-2021/catalog.yml",
    "catalog_entry": "catalogs/cat-2021/entry-a.yml",
    "measure_list": "sanction_lists/measures/list-2021/list.yml",
    "measure": "sanction_lists/measures/list-2021/measure-a.yml",
    "list_regime": "sanction_lists/name_lists/regime-a.yml",
    "collection_route": "procedures/collection_routes/route-1.yml",
    "repair_regime": "procedures/repair_regimes/regime-penalty.yml",
}
BY_LABEL = {label: kind for kind, label in KINDS.items()}
ILLUSTRATION = "示意"
PAGES = ("docs/", "overrides/")  # hand-written pages: files on disk, not records
_HEADER = re.compile(r"^#\s*(\S+?)(（原文）)?\s*(?:[:：].*)?$")


def mini_files() -> dict:
    files = {p.relative_to(MINI).as_posix(): p.read_text(encoding="utf-8") for p in MINI.rglob("*.yml")}
    files[PLAN] = (ROOT / PLAN).read_text(encoding="utf-8")
    return files


def merge(base, change):
    """change deep-merged into base: dicts merged, None removes a key, anything else replaces."""
    if not isinstance(base, dict) or not isinstance(change, dict):
        return change
    out = dict(base)
    for key, value in change.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = merge(base.get(key), value)
    return out


def parts(example: str) -> list[tuple[str, bool, str]]:
    """(header word, raw?, body) for each part of an example."""
    out = []
    for chunk in re.split(r"(?m)^---\s*$", example):
        lines = chunk.strip("\n").split("\n")
        m = _HEADER.match(lines[0].strip()) if lines and lines[0].strip() else None
        if m is None:
            raise ValueError(f"an example part must start with a comment naming what it is: {lines[:1]}")
        out.append((m.group(1), bool(m.group(2)), "\n".join(lines[1:]) + "\n"))
    return out


def runnable(example: str) -> bool:
    return all(word != ILLUSTRATION for word, _, _ in parts(example))


def _path_of(files: dict, kind: str, rid) -> str:
    template = TEMPLATES[kind]
    if rid is None:
        return template
    for rel, text in files.items():
        if re.search(rf"(?m)^id: {re.escape(str(rid))}\s*$", text):
            return rel
    return str(Path(template).with_name(f"{rid}.yml"))


def apply(example: str) -> tuple[dict, set]:
    """The mini fixture's files with the example applied, and the paths it touched."""
    files = mini_files()
    touched = set()
    for word, raw, body in parts(example):
        if word == "waivers.yml" or word.startswith(PAGES):
            files[word] = body
            touched.add(word)
            continue
        kind = BY_LABEL.get(word)
        if kind is None:
            raise ValueError(f"unknown part header {word!r}: use a record kind label, waivers.yml or {ILLUSTRATION}")
        if raw:
            files[TEMPLATES[kind]] = body
            touched.add(TEMPLATES[kind])
            continue
        change = yaml.safe_load(body) or {}
        rel = _path_of(files, kind, change.get("id"))
        base = yaml.safe_load(files.get(rel) or files[TEMPLATES[kind]])
        files[rel] = yaml.safe_dump(merge(base, change), allow_unicode=True, sort_keys=False)
        touched.add(rel)
    return files, touched


def findings_of(rule_id: str, example: str) -> list:
    """The rule's findings on the files the example touched."""
    files, touched = apply(example)
    pages = {rel: files.pop(rel) for rel in list(files) if rel.startswith(PAGES)}
    with tempfile.TemporaryDirectory() as root:
        for rel, text in pages.items():
            (Path(root) / rel).parent.mkdir(parents=True, exist_ok=True)
            (Path(root) / rel).write_text(text, encoding="utf-8")
        repo, loaded = load_texts(files, root=root if pages else "<memory>")
        result = check(repo, loaded, AS_OF)
    return [f for f in result.findings if f.rule == rule_id and f.path in touched]
