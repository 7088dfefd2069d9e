"""The public's credit-repair guide, computed from the entries, list regimes and repair regimes.

Who may repair, under which regime and with which time limit come from tools.domain.repair, the same functions
the repair rules use, so the guide cannot say something the lint does not.
"""
from __future__ import annotations

import datetime as _dt

from tools.domain import durations
from tools.domain.editions import current_member
from tools.domain.repair import is_judicial, regimes_in_force, repair_subjects, service_in_force
from tools.model import vocab


# The kinds of adverse information people most often need to repair, first (the rest follow by name).
PRIORITY = ["administrative_penalty", "dishonest_judgment_debtor", "serious_dishonesty_list", "abnormal_operation",
            "administrative_levy", "contract_performance"]


def _order(rec):
    kind = rec.data.get("information_kind")
    return (PRIORITY.index(kind) if kind in PRIORITY else len(PRIORITY), rec.title)


def repair_sections(repo, as_of: _dt.date) -> dict:
    """The guide's sections: entries of the current catalogs (most needed first), the serious-dishonesty lists,
    and entries of superseded editions (history)."""
    items = repair_items(repo, as_of)
    entries = [i for i in items if i["rec"].kind == "catalog_entry"]
    current = sorted((i for i in entries if current_member(repo, i["rec"])), key=lambda i: _order(i["rec"]))
    history = sorted((i for i in entries if not current_member(repo, i["rec"])),
                     key=lambda i: (str(i["rec"].group), _order(i["rec"])))
    lists = sorted((i for i in items if i["rec"].kind == "list_regime"), key=lambda i: i["rec"].title)
    return {"current": current, "lists": lists, "history": history}


def _when_unknown(rec) -> str:
    """Why the guide cannot say from when repair may be requested."""
    return "所读规定没有写明最短公示期限或起算日，本站无法给出日期；请向认定单位咨询"


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
            start = repair.get("minimum_period_from")
            since = f"自{vocab.PERIOD_STARTS[start]}起" if start in vocab.PERIOD_STARTS else "公示或列入"
            when = f"{since}满{durations.zh(repair['minimum_period'])}后"
        if not when:
            when = _when_unknown(rec)
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
