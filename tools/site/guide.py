"""The public's credit-repair guide, computed from the entries, list regimes and repair regimes."""
from __future__ import annotations

import datetime as _dt

from tools.model import vocab
from tools.rules.repair import regimes_in_force, service_in_force



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
        days, days_by = repair.get("time_limit_working_days"), ""
        if not days:
            reg = service_in_force(repo, rec, as_of)
            if reg is not None:
                days, days_by = reg.data["service"]["time_limit_working_days"], reg.title
        judicial = (rec.kind == "list_regime" and rec.data.get("determined_by") == "judicial") or (
            set(rec.data.get("determination_documents") or []) == {"judgment"})
        items.append({
            "rec": rec, "kind": vocab.KINDS[rec.kind],
            "repairable": repair.get("repairable"), "judicial": judicial, "when": when,
            "channels": "、".join(vocab.REPAIR_CHANNELS.get(c, c) for c in repair.get("channels") or []),
            "materials": "、".join(vocab.REPAIR_MATERIALS.get(m, m) for m in repair.get("materials") or []),
            "free": repair.get("free_of_charge") is True,
            "days": days, "days_by": days_by,
            "description": repair.get("description") or "",
            "basis": repair.get("basis") or [],
        })
    return items
