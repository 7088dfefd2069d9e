"""Waivers: a reviewed exception to one rule for one record, with a reason, an approver and an expiry date.

A waived finding is still reported (and counted as waived); an expired waiver no longer applies and is itself an
error; a waiver that matches nothing is a warning, so stale exceptions get cleaned up. These rules are reported
by the lint's finalisation (tools.lint.waivers), which applies the waivers.
"""
from __future__ import annotations

from tools.base.findings import ERROR, WARNING
from tools.rules.registry import INFRASTRUCTURE, declared

DECLARED = [
    declared("WAIVER-001", ERROR, "豁免已过期", rationale=INFRASTRUCTURE + "；例外必须定期复核", doc="""
        waivers.yml 中到期日（expires）早于基准日的豁免不再生效，并报错：例外必须定期复核，续期或删除。

        报错：
        ```yaml
        # waivers.yml
        waivers:
          - rule: VERIFY-001
            record: benxi-plan-2021
            field: verified
            reason: 方案原文未载文号，文号待查
            approved_by: 市信用办 张三
            expires: 2026-06-30
        ```

        通过：
        ```yaml
        # waivers.yml
        waivers:
          - rule: VERIFY-001
            record: benxi-plan-2021
            field: verified
            reason: 方案原文未载文号，文号待查
            approved_by: 市信用办 张三
            expires: 2027-06-30
        ```
        """),
    declared("WAIVER-002", WARNING, "豁免没有对应任何问题", rationale=INFRASTRUCTURE + "；过时的例外应删除", doc="""
        豁免的规则在所指记录上已不再报告任何问题时提示：问题已经解决，过时的例外应删除。

        报错：
        ```yaml
        # waivers.yml
        waivers:
          - rule: VERIFY-001
            record: entry-a  # 本条目已核实（verified: true），没有 VERIFY-001 的问题
            field: verified
            reason: 公示期限待核实
            approved_by: 市信用办 张三
            expires: 2027-06-30
        ```

        通过：
        ```yaml
        # 目录条目
        verified: false
        note: 公示期限尚未对照目录原文核实
        ---
        # waivers.yml
        waivers:
          - rule: VERIFY-001
            record: entry-a
            field: verified
            reason: 公示期限待核实
            approved_by: 市信用办 张三
            expires: 2027-06-30
        ```
        """),
    declared("WAIVER-003", ERROR, "豁免引用的规则或记录不存在", rationale=INFRASTRUCTURE, doc="""
        豁免写的规则编号或记录 id 在仓库中不存在时报错：每条豁免只针对一条真实的规则和一条真实的记录。

        报错：
        ```yaml
        # waivers.yml
        waivers:
          - rule: VERIFY-001
            record: benxi-plan-2012  # 应为 benxi-plan-2021
            field: verified
            reason: 方案原文未载文号，文号待查
            approved_by: 市信用办 张三
            expires: 2027-06-30
        ```

        通过：
        ```yaml
        # waivers.yml
        waivers:
          - rule: VERIFY-001
            record: benxi-plan-2021
            field: verified
            reason: 方案原文未载文号，文号待查
            approved_by: 市信用办 张三
            expires: 2027-06-30
        ```
        """),
]
