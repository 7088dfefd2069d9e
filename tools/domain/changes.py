"""What changed between two editions (or two revisions of the repository), record by record, field by field.

Used by ``python -m tools diff`` (text in tools.report.answers) and by the site's 版本变化 page. Records of two editions are paired by name (an
information item keeps its name across editions); records of two revisions are paired by id.
"""
from __future__ import annotations

import datetime as _dt
import subprocess
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

from tools.model.records import iter_citations

SKIP = {"id", "source", "verified", "note"}
GROUPS = {"catalog_edition": "catalog_entry", "measure_list": "measure"}


def _show(value) -> str:
    if value is None:
        return "（无）"
    if isinstance(value, (_dt.date,)):
        return value.isoformat()
    if isinstance(value, list):
        return "、".join(_show(v) for v in value)
    if isinstance(value, dict):
        if "doc" in value and "provision" in value:
            return f"{value['doc']}#{value['provision']}"
        return "；".join(f"{k}: {_show(v)}" for k, v in value.items())
    return str(value)


def _citations(rec) -> set[str]:
    return {f"{c.get('doc')}#{c.get('provision')}" for _, c in iter_citations(rec.data)}


def record_changes(a, b) -> dict:
    fields = []
    for key in sorted(set(a.data) | set(b.data)):
        if key in SKIP:
            continue
        va, vb = a.data.get(key), b.data.get(key)
        if va != vb:
            fields.append({"field": key, "old": _show(va), "new": _show(vb)})
    ca, cb = _citations(a), _citations(b)
    return {"fields": fields, "citations_added": sorted(cb - ca), "citations_removed": sorted(ca - cb)}


def compare(old_records, new_records, key) -> dict:
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
            changes = record_changes(old[k], new[k])
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
                     key=lambda r: r.title)
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
    result = compare(old_repo.records, new_repo.records, key=lambda r: r.id or r.path)
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
