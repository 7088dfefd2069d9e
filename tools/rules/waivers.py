"""Waivers: a reviewed exception to one rule for one record, with a reason, an approver and an expiry date.

A waived finding is still reported (and counted as waived); an expired waiver no longer applies and is itself an
error; a waiver that matches nothing is a warning, so stale exceptions get cleaned up.
"""
from __future__ import annotations

from tools.findings import ERROR, WARNING, Finding
from tools.rules.registry import INFRASTRUCTURE, REGISTRY, declare

declare("WAIVER-001", ERROR, "豁免已过期", rationale=INFRASTRUCTURE + "；例外必须定期复核")
declare("WAIVER-002", WARNING, "豁免没有对应任何问题", rationale=INFRASTRUCTURE + "；过时的例外应删除")
declare("WAIVER-003", ERROR, "豁免引用的规则或记录不存在", rationale=INFRASTRUCTURE)


def apply_waivers(repo, findings: list, as_of) -> list:
    """Mark waived findings in place; return the findings about the waivers themselves."""
    rec = repo.waivers
    if rec is None or not isinstance(rec.data.get("waivers"), list):
        return []
    out = []
    for i, w in enumerate(rec.data["waivers"]):
        if not isinstance(w, dict):
            continue
        rule_id, record_id, expires = w.get("rule"), w.get("record"), w.get("expires")
        here = rec.loc(("waivers", i))
        if rule_id not in REGISTRY or repo.get(record_id) is None:
            what = f"规则 {rule_id} " if rule_id not in REGISTRY else f"记录“{record_id}”"
            out.append(Finding("WAIVER-003", ERROR, here, f"豁免引用的{what}不存在"))
            continue
        if expires is None or isinstance(expires, str) or expires < as_of:
            out.append(Finding("WAIVER-001", ERROR, rec.loc(("waivers", i, "expires")),
                               f"对 {record_id} 的 {rule_id} 豁免已于 {expires} 到期：请复核后续期或删除", record_id))
            continue
        matched = 0
        for f in findings:
            if f.rule == rule_id and f.record == record_id and f.waiver is None:
                f.waiver = f"{w.get('reason')}（{w.get('approved_by')} 批准，{expires} 到期）"
                matched += 1
        if not matched:
            out.append(Finding("WAIVER-002", WARNING, here,
                               f"对 {record_id} 的 {rule_id} 豁免没有对应任何问题：请删除这条豁免", record_id))
    return out
