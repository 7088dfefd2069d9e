"""Plan coverage: every clause of 四 and 五（三） is enforced by a rule or explained as left to people.

The explanations live in ``coverage.yml`` beside this file; a clause with neither is an error of the repository
itself, so coverage can never shrink silently.
"""
from __future__ import annotations

from pathlib import Path

from tools.findings import ERROR
from tools.load.yaml_loader import load_bytes
from tools.rules.registry import PLAN_DOC, REGISTRY, rule

COVERAGE_FILE = Path(__file__).with_name("coverage.yml")


def covered_clauses(provision_id: str) -> bool:
    return provision_id == "part-4" or provision_id.startswith(("part-4-", "task-")) or provision_id == "part-5-3"


def explanations() -> dict:
    """clause id -> {reason, related}; the file is part of the tool and must be valid."""
    loaded = load_bytes(COVERAGE_FILE.read_bytes())
    if not loaded.ok:
        raise ValueError(f"{COVERAGE_FILE}: {loaded.problems}")
    return {item["clause"]: item for item in loaded.data.get("manual", [])}


def enforcing(provision_id: str):
    return sorted(r.id for r in REGISTRY.values() if r.clause_provision == provision_id)


@rule("META-002", ERROR, "方案第四部分和五（三）的每一项都须由规则检查，或写明为何留给人工",
      rationale="仓库自检：保证方案条款的覆盖面不会悄悄缩小")
def plan_coverage(repo, ctx):
    plan = repo.get(PLAN_DOC, "document")
    if plan is None:
        return
    notes = explanations()
    for index, prov in enumerate(plan.data.get("provisions") or []):
        pid = prov.get("id") if isinstance(prov, dict) else None
        if isinstance(pid, str) and covered_clauses(pid) and not enforcing(pid) and pid not in notes:
            yield plan, ("provisions", index), (f"方案条款“{prov.get('label')}”既没有规则检查，也没有在 tools/rules/coverage.yml "
                                                f"中说明为何留给人工")
    for clause_id in notes:
        if repo.provision(PLAN_DOC, clause_id) is None:
            yield plan, ("provisions",), f"tools/rules/coverage.yml 说明的条款“{clause_id}”在方案中不存在"
