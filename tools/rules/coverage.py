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
