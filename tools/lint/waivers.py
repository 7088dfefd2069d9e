"""Applying waivers (waivers.yml) to findings: a pure function from findings to findings.

A waiver covers one rule on one record at one field: the findings whose field is that field or lies inside it
("." is the record itself). Anything else -- a new violation of the same rule elsewhere in the same record -- stays
unwaived. A waived finding is kept, marked with its waiver; WAIVER-001 (expired), WAIVER-002 (matches nothing)
and WAIVER-003 (unknown rule or record) are reported about the waivers themselves.
"""
from __future__ import annotations

import dataclasses

from tools.base.findings import Finding


def covers(scope, field) -> bool:
    """Whether a waiver's field covers a finding's field: the same, or inside it; "." is the record itself."""
    if not isinstance(scope, str) or field is None:
        return False
    if scope == ".":
        return field == ""
    return field == scope or field.startswith(scope + ".")


def apply_waivers(repo, findings: list, as_of, rules) -> tuple[list, list]:
    """(the findings with waived ones marked, the findings about the waivers)."""
    rec = repo.waivers
    if rec is None or not isinstance(rec.data.get("waivers"), list):
        return list(findings), []
    findings = list(findings)
    about: list = []
    for i, w in enumerate(rec.data["waivers"]):
        if not isinstance(w, dict):
            continue
        rule_id, record_id, expires, scope = w.get("rule"), w.get("record"), w.get("expires"), w.get("field")
        here = rec.loc(("waivers", i))
        if rule_id not in rules or repo.get(record_id) is None:
            what = f"规则 {rule_id} " if rule_id not in rules else f"记录“{record_id}”"
            about.append(Finding("WAIVER-003", None, here, f"豁免引用的{what}不存在"))
            continue
        if expires is None or isinstance(expires, str) or expires < as_of:
            about.append(Finding("WAIVER-001", None, rec.loc(("waivers", i, "expires")),
                                 f"对 {record_id} 的 {rule_id} 豁免已于 {expires} 到期：请复核后续期或删除", record_id))
            continue
        reason = f"{w.get('reason')}（{w.get('approved_by')} 批准，{expires} 到期）"
        matched = 0
        for j, f in enumerate(findings):
            if f.rule == rule_id and f.record == record_id and f.waiver is None and covers(scope, f.field):
                findings[j] = dataclasses.replace(f, waiver=reason)
                matched += 1
        if not matched:
            about.append(Finding("WAIVER-002", None, here,
                                 f"对 {record_id} 的 {rule_id} 豁免（字段 {scope}）没有对应任何问题：请删除这条豁免，"
                                 f"或改正 field（python -m tools lint --format json 列出每个问题的 field）", record_id))
    return findings, about
