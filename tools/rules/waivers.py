"""Waivers: a reviewed exception to one rule for one record, with a reason, an approver and an expiry date.

A waived finding is still reported (and counted as waived); an expired waiver no longer applies and is itself an
error; a waiver that matches nothing is a warning, so stale exceptions get cleaned up. These rules are reported
by the lint's finalisation (tools.lint.waivers), which applies the waivers.
"""
from __future__ import annotations

from tools.base.findings import ERROR, WARNING
from tools.rules.registry import INFRASTRUCTURE, declared

DECLARED = [
    declared("WAIVER-001", ERROR, "豁免已过期", rationale=INFRASTRUCTURE + "；例外必须定期复核"),
    declared("WAIVER-002", WARNING, "豁免没有对应任何问题", rationale=INFRASTRUCTURE + "；过时的例外应删除"),
    declared("WAIVER-003", ERROR, "豁免引用的规则或记录不存在", rationale=INFRASTRUCTURE),
]
