"""What changed between two editions (or two revisions of the repository), record by record, field by field.

Used by ``python -m tools diff`` (text in tools.report.answers) and by the site's 版本变化 page. Records of two editions are paired by name (an
information item keeps its name across editions); records of two revisions are paired by id.
"""
from __future__ import annotations

import datetime as _dt
import difflib
import subprocess
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

from tools.domain.citations import cite_text, unresolved_text
from tools.model.records import iter_citations
from tools.model.schemas import SCHEMAS, fields_of, short_zh

SKIP = {"id", "source", "verified", "note"}
GROUPS = {"catalog_edition": "catalog_entry", "measure_list": "measure"}
CHANGE_ZH = {"added": "新增", "removed": "删除", "modified": "修改"}


def field_label(kind: str, path: list) -> str:
    """The Chinese name of the innermost named field on a path, from its schema (rows[0].content → 惩戒内容)."""
    fields, label = SCHEMAS.get(kind, {}), ""
    for step in path:
        if isinstance(step, int):
            continue  # fields_of already stepped into the list's items
        rule = fields.get(step)
        if not isinstance(rule, dict):
            break
        label = short_zh(rule) or label
        fields = fields_of(rule)
    return label


def path_text(path: list) -> str:
    """["repair", "channels", 2] → repair.channels[2]"""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _is_citation(value) -> bool:
    return isinstance(value, dict) and "doc" in value and "provision" in value


def _show(value, cite=None) -> str:
    if value is None:
        return "（无）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, _dt.date):
        return value.isoformat()
    if _is_citation(value):
        return cite(value["doc"], value["provision"]) if cite else f"{value['doc']}#{value['provision']}"
    if isinstance(value, list):
        return "、".join(_show(v, cite) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}: {_show(v, cite)}" for k, v in value.items())
    return str(value)


def _leaves(path, old, new):
    """(path, old, new) for every changed leaf: mappings by key, lists aligned (an insertion shows as one 新增,
    not as every later item changed), citations and plain values as leaves."""
    if old == new:
        return
    if isinstance(old, dict) and not _is_citation(old) or isinstance(new, dict) and not _is_citation(new):
        if (old is None or isinstance(old, dict)) and (new is None or isinstance(new, dict)):
            a, b = old or {}, new or {}
            for key in list(a) + [k for k in b if k not in a]:
                yield from _leaves(path + [key], a.get(key), b.get(key))
            return
    if isinstance(old, list) and isinstance(new, list):
        keys = lambda items: [repr(v) for v in items]  # noqa: E731
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, keys(old), keys(new), autojunk=False).get_opcodes():
            if op == "equal":
                continue
            if op == "replace" and i2 - i1 == j2 - j1:
                for k in range(i2 - i1):
                    yield from _leaves(path + [j1 + k], old[i1 + k], new[j1 + k])
                continue
            for k in range(i1, i2):
                yield path + [k], old[k], None
            for k in range(j1, j2):
                yield path + [k], None, new[k]
        return
    yield path, old, new


def _citations(rec) -> set[str]:
    return {f"{c.get('doc')}#{c.get('provision')}" for _, c in iter_citations(rec.data)}


def record_changes(a, b, cite=None) -> dict:
    """Field by field: each changed leaf with its path (repair.channels[2]), its Chinese name, 新增/删除/修改, and
    the two values as text (citations as 《…》第N条 when ``cite(doc, provision)`` is given)."""
    ca, cb = _citations(a), _citations(b)
    listed = (ca - cb) | (cb - ca)  # reported once, as 新增依据 / 删除依据

    def key_of(value):
        return f"{value['doc']}#{value['provision']}" if _is_citation(value) else None

    fields = []
    for key in [k for k in a.data if k not in SKIP] + [k for k in b.data if k not in a.data and k not in SKIP]:
        for path, old, new in _leaves([key], a.data.get(key), b.data.get(key)):
            if {key_of(old), key_of(new)} - {None} and {key_of(old), key_of(new)} - {None} <= listed:
                continue
            change = "added" if old is None else "removed" if new is None else "modified"
            fields.append({"field": key, "path": path_text(path), "label": field_label(b.kind, path),
                           "change": change, "change_zh": CHANGE_ZH[change],
                           "old": _show(old, cite), "new": _show(new, cite)})
    show = (lambda key: cite(*key.split("#", 1))) if cite else (lambda key: key)
    return {"fields": fields, "citations_added": sorted(cb - ca), "citations_removed": sorted(ca - cb),
            "citations_added_zh": [show(k) for k in sorted(cb - ca)],
            "citations_removed_zh": [show(k) for k in sorted(ca - cb)]}


def citer(*repos):
    """cite(doc, provision) → 《title》第N条 from the first repository that knows it, else doc#provision."""
    def cite(doc, prov):
        cit = {"doc": doc, "provision": prov}
        return next((t for repo in repos if (t := cite_text(repo, cit)) is not None), None) or unresolved_text(cit)
    return cite


def compare(old_records, new_records, key, cite=None) -> dict:
    """ADD / DEL / MOD between two sets of records paired by key(record)."""
    old = {key(r): r for r in old_records}
    new = {key(r): r for r in new_records}
    out = {"added": [], "removed": [], "modified": [], "unchanged": 0}
    for k in sorted(new):
        if k not in old:
            out["added"].append(new[k])
    for k in sorted(old):
        if k not in new:
            out["removed"].append(old[k])
        else:
            changes = record_changes(old[k], new[k], cite)
            if changes["fields"] or changes["citations_added"] or changes["citations_removed"]:
                out["modified"].append((old[k], new[k], changes))
            else:
                out["unchanged"] += 1
    return out


def compare_editions(repo, old_id, new_id) -> dict:
    old, new = repo.get(old_id), repo.get(new_id)
    for rid, rec in ((old_id, old), (new_id, new)):
        if rec is None or rec.kind not in GROUPS:
            raise ValueError(f"“{rid}”不是目录版本或清单版本的 id")
    if old.kind != new.kind:
        raise ValueError("两个版本的类型不同：只能比较两个目录版本，或两个清单版本")
    members = repo.of_kind(GROUPS[old.kind])
    result = compare([r for r in members if r.group == old.id], [r for r in members if r.group == new.id],
                     key=lambda r: r.title, cite=citer(repo))
    return {"old": old, "new": new, **result}


def edition_changes(repo) -> list[dict]:
    """Every edition that supersedes another, compared with it."""
    out = []
    for kind in GROUPS:
        for ed in sorted(repo.of_kind(kind), key=lambda r: r.id):
            prev = repo.get(ed.data.get("supersedes"), kind) if isinstance(ed.data.get("supersedes"), str) else None
            if prev is not None:
                out.append(compare_editions(repo, prev.id, ed.id))
    return out


def checkout(root, revision: str, into: Path) -> Path:
    """The record folders of a git revision, extracted into a folder (no work tree is touched)."""
    out = subprocess.run(["git", "-C", str(root), "archive", "--format=tar", revision, "--", "policies", "catalogs",
                          "sanction_lists", "procedures"], capture_output=True, timeout=120)
    if out.returncode != 0:
        raise ValueError(f"无法读取 git 版本“{revision}”：{out.stderr.decode('utf-8', 'replace').strip()}")
    with tarfile.open(fileobj=BytesIO(out.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into


def compare_revisions(root, old_rev, new_rev) -> dict:
    from tools.model.repository import load_repository

    with tempfile.TemporaryDirectory() as tmp:
        old_repo, _ = load_repository(checkout(root, old_rev, Path(tmp) / "old"))
        new_repo, _ = load_repository(checkout(root, new_rev, Path(tmp) / "new"))
    result = compare(old_repo.records, new_repo.records, key=lambda r: r.id or r.path, cite=citer(new_repo, old_repo))
    return {"old": old_rev, "new": new_rev, **result}


def as_json(result) -> dict:
    def ref(r):
        return {"id": r.id, "kind": r.kind, "name": r.title, "path": r.path}

    def label(x):
        return x if isinstance(x, str) else ref(x)

    return {"old": label(result["old"]), "new": label(result["new"]),
            "added": [ref(r) for r in result["added"]], "removed": [ref(r) for r in result["removed"]],
            "modified": [{**ref(b), **changes} for _a, b, changes in result["modified"]],
            "unchanged": result["unchanged"]}
