"""Pages computed from several records: the public's credit-repair guide and the edition changes."""
from __future__ import annotations

import datetime as _dt

from tools.model import vocab
from tools.rules.repair import regimes_in_force

DIFF_SKIP = {"id", "source", "verified", "note"}


def _duration(value) -> str:
    from tools.site.pages import _duration_zh

    return _duration_zh(value) if value else ""


def repair_items(repo, as_of: _dt.date) -> list[dict]:
    """One item per adverse catalog entry and list regime: when, where, with what, at what cost, how fast."""
    items = []
    subjects = [r for r in repo.of_kind("catalog_entry") if r.data.get("nature") == "adverse"]
    subjects += repo.of_kind("list_regime")
    for rec in sorted(subjects, key=lambda r: (r.kind, r.title)):
        repair = rec.data.get("repair") or {}
        when = ""
        if repair.get("follows_repair_regime"):
            regimes = regimes_in_force(repo, rec.data.get("information_kind") or "", as_of)
            if regimes:
                reg = regimes[0]
                parts = []
                for sev, label in vocab.SEVERITIES.items():
                    p = (reg.data.get("periods") or {}).get(sev) or {}
                    if p.get("minimum"):
                        parts.append(f"{label}失信信息公示满{_duration(p['minimum'])}")
                    elif p.get("maximum"):
                        parts.append(f"{label}失信信息（最长公示{_duration(p['maximum'])}）")
                when = "；".join(parts) + f"（按{reg.title}）"
        elif repair.get("minimum_period"):
            when = f"公示或列入满{_duration(repair['minimum_period'])}后"
        judicial = (rec.kind == "list_regime" and rec.data.get("determined_by") == "judicial") or (
            set(rec.data.get("determination_documents") or []) == {"judgment"})
        items.append({
            "rec": rec, "kind": vocab.KINDS[rec.kind],
            "repairable": repair.get("repairable"), "judicial": judicial, "when": when,
            "channels": "、".join(vocab.REPAIR_CHANNELS.get(c, c) for c in repair.get("channels") or []),
            "materials": "、".join(vocab.REPAIR_MATERIALS.get(m, m) for m in repair.get("materials") or []),
            "free": repair.get("free_of_charge") is True,
            "days": repair.get("time_limit_working_days"),
            "description": repair.get("description") or "",
            "basis": repair.get("basis") or [],
        })
    return items


def _matches(old_items, new_items):
    """Pair entries of two editions by name (the same information item keeps its name across editions)."""
    old = {r.title: r for r in old_items}
    new = {r.title: r for r in new_items}
    added = [new[n] for n in sorted(new) if n not in old]
    removed = [old[n] for n in sorted(old) if n not in new]
    common = [(old[n], new[n]) for n in sorted(old) if n in new]
    return added, removed, common


def _field_changes(a, b) -> list[dict]:
    changes = []
    for key in sorted(set(a.data) | set(b.data)):
        if key in DIFF_SKIP:
            continue
        va, vb = a.data.get(key), b.data.get(key)
        if va != vb:
            changes.append({"field": key, "old": _show(va), "new": _show(vb)})
    return changes


def _show(value) -> str:
    if value is None:
        return "（无）"
    if isinstance(value, list):
        return "、".join(_show(v) for v in value)
    if isinstance(value, dict):
        if "doc" in value and "provision" in value:
            return f"{value['doc']}#{value['provision']}"
        return "；".join(f"{k}: {_show(v)}" for k, v in value.items())
    return str(value)


def edition_changes(repo) -> list[dict]:
    """For every catalog edition and measure list that supersedes another: ADD / DEL / MOD, field by field."""
    out = []
    for kind, member in (("catalog_edition", "catalog_entry"), ("measure_list", "measure")):
        for ed in sorted(repo.of_kind(kind), key=lambda r: r.id):
            prev = repo.get(ed.data.get("supersedes"), kind) if isinstance(ed.data.get("supersedes"), str) else None
            if prev is None:
                continue
            members = repo.of_kind(member)
            added, removed, common = _matches([r for r in members if r.group == prev.id],
                                              [r for r in members if r.group == ed.id])
            modified = [(a, b, _field_changes(a, b)) for a, b in common]
            out.append({"edition": ed, "previous": prev, "added": added, "removed": removed,
                        "modified": [m for m in modified if m[2]], "unchanged": sum(1 for m in modified if not m[2])})
    return out
