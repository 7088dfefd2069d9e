"""The public's credit-repair guide, computed from the entries, list regimes and repair regimes.

Who may repair, under which regime and with which time limit come from tools.domain.repair, the same functions
the repair rules use, so the guide cannot say something the lint does not.
"""
from __future__ import annotations

import datetime as _dt

from tools.domain import durations
from tools.domain.repair import is_judicial, regimes_in_force, repair_subjects, service_in_force
from tools.model import vocab


def repair_items(repo, as_of: _dt.date) -> list[dict]:
    """One item per adverse catalog entry and list regime: when, where, with what, at what cost, how fast."""
    items = []
    for rec in sorted(repair_subjects(repo), key=lambda r: (r.kind, r.title)):
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
                        parts.append(f"{label}失信信息公示满{durations.zh(p['minimum'])}")
                    elif p.get("maximum"):
                        parts.append(f"{label}失信信息（最长公示{durations.zh(p['maximum'])}）")
                when = "；".join(parts) + f"（按{reg.title}）"
        elif repair.get("minimum_period"):
            when = f"公示或列入满{durations.zh(repair['minimum_period'])}后"
        days, days_by = repair.get("time_limit_working_days"), ""
        if not days:
            reg = service_in_force(repo, rec, as_of)
            if reg is not None:
                days, days_by = reg.data["service"]["time_limit_working_days"], reg.title
        items.append({
            "rec": rec, "kind": vocab.KINDS[rec.kind],
            "repairable": repair.get("repairable"), "judicial": is_judicial(rec), "when": when,
            "channels": "、".join(vocab.REPAIR_CHANNELS.get(c, c) for c in repair.get("channels") or []),
            "materials": "、".join(vocab.REPAIR_MATERIALS.get(m, m) for m in repair.get("materials") or []),
            "free": repair.get("free_of_charge") is True,
            "days": days, "days_by": days_by,
            "description": repair.get("description") or "",
            "basis": repair.get("basis") or [],
        })
    return items
