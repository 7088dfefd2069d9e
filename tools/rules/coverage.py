"""Plan coverage: every clause of 四 and 五（三） is enforced by a rule or explained as left to people.

The explanations live in ``coverage.yml`` beside this file, keyed by the clause as the plan labels it; a clause
with neither is an error of the repository itself, so coverage can never shrink silently. The table is computed
by tools.domain.plan.coverage_rows, which the command line and the site call too.
"""
from __future__ import annotations

from pathlib import Path

from tools.base.findings import ERROR
from tools.domain.plan import coverage_rows, plan_record
from tools.load.yaml_loader import load_bytes
from tools.rules.registry import rule

COVERAGE_FILE = Path(__file__).with_name("coverage.yml")


def explanations() -> dict:
    """clause label -> {reason, related}; the file is part of the tool and must be valid."""
    loaded = load_bytes(COVERAGE_FILE.read_bytes())
    if not loaded.ok:
        raise ValueError(f"{COVERAGE_FILE}: {loaded.problems}")
    return {item["clause"]: item for item in loaded.data.get("manual", [])}


@rule("META-002", ERROR, "方案第四部分和五（三）的每一项都须由规则检查，或写明为何留给人工",
      rationale="仓库自检：保证方案条款的覆盖面不会悄悄缩小")
def plan_coverage(repo, ctx):
    """仓库自检：方案第四部分和五（三）的每一项，要么有规则检查（规则的 clause 与该项的编号一致），要么在 tools/rules/coverage.yml 中写明为何留给人工；
    coverage.yml 说明的条款也必须在方案中存在。这样方案条款的覆盖面不会悄悄缩小。

    报错：
    ```yaml
    # 政策法规文件
    id: benxi-plan-2021
    provisions:
      - id: task-12
        label: 四（五）第12项  # 规则和 coverage.yml 写的是 四（五）12
        title: 加强信用信息安全管理
        summary: 公共信用信息的采集、归集、共享、公示和应用须遵循合法、正当、必要、最小化原则。
    ```

    通过：
    ```yaml
    # 政策法规文件
    id: benxi-plan-2021
    summary: 本溪市落实国办发〔2020〕49号意见的实施方案。  # 只改概述，条款及其编号不变
    ```
    """
    plan = plan_record(repo)
    if plan is None:
        return
    notes = explanations()
    order = {p.get("id"): i for i, p in enumerate(plan.data.get("provisions") or []) if isinstance(p, dict)}
    for row in coverage_rows(repo, ctx.rules, notes):
        if row["status"] == "missing":
            yield plan, ("provisions", order[row["id"]]), (f"方案条款“{row['label']}”既没有规则检查，也没有在 "
                                                            f"tools/rules/coverage.yml 中说明为何留给人工")
    labels = {p.get("label") for p in plan.data.get("provisions") or [] if isinstance(p, dict)}
    for label in notes:
        if label not in labels:
            yield plan, ("provisions",), f"tools/rules/coverage.yml 说明的条款“{label}”在方案中不存在"
