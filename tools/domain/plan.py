"""The plan itself as the rules see it: its record, its clauses as the plan labels them (四（四）10), which
rules govern a kind of record, and the coverage table (every clause of 四 and 五（三）: a rule, or a reason).
"""
from __future__ import annotations

PLAN_DOC = "benxi-plan-2021"  # the id of the plan's own record in policies/benxi/


def plan_record(repo):
    return repo.get(PLAN_DOC, "document")


def clause_table(repo) -> dict:
    """label -> (position in the plan, provision dict) for every provision of the plan record."""
    out = {}
    for pid, (index, prov) in (repo.provisions.get(PLAN_DOC) or {}).items():
        label = prov.get("label")
        if isinstance(label, str):
            out.setdefault(label, (index, prov))
    return out


def clause_provision(repo, label: str | None):
    """The plan's provision a clause label names (四（四）10 -> the provision task-10), or None."""
    found = clause_table(repo).get(label) if label else None
    return found[1] if found else None


def in_coverage_scope(provision_id: str) -> bool:
    """The clauses every one of which must be enforced by a rule or explained: part 四 and 五（三）."""
    return provision_id == "part-4" or provision_id.startswith(("part-4-", "task-")) or provision_id == "part-5-3"


def enforcing(rules, label: str) -> list[str]:
    """Ids of the rules that cite a clause, sorted."""
    return sorted(r.id for r in rules if r.clause == label)


def clauses_for_kind(repo, rules, kind: str) -> list[dict]:
    """The plan clauses that govern a kind of record, in the plan's order, each with the rules that check it:
    [{"id": provision id, "label": 四（四）10, "title": …, "rules": [rule ids]}]."""
    table = clause_table(repo)
    found: dict = {}
    for r in rules:
        if r.clause and (not r.kinds or kind in r.kinds):
            index, prov = table.get(r.clause, (10**6, {}))
            entry = found.setdefault(r.clause, {"id": prov.get("id"), "label": prov.get("label", r.clause),
                                                "title": prov.get("title"), "rules": [], "_order": index})
            entry["rules"].append(r.id)
    ordered = sorted(found.values(), key=lambda c: c["_order"])
    return [{k: v for k, v in c.items() if k != "_order"} for c in ordered]


def coverage_rows(repo, rules, notes: dict) -> list[dict]:
    """Every clause of 四 and 五（三） in the plan's order: the rules that enforce it, or the reason it is left to
    people (``notes``: label -> {reason, related}), or neither ("missing")."""
    plan = plan_record(repo)
    out = []
    for prov in (plan.data.get("provisions") or []) if plan else []:
        pid = prov.get("id") if isinstance(prov, dict) else None
        if not (isinstance(pid, str) and in_coverage_scope(pid)):
            continue
        label = prov.get("label")
        enforced = enforcing(rules, label)
        note = notes.get(label) or {}
        out.append({"id": pid, "label": label, "title": prov.get("title") or "", "rules": enforced,
                    "related": [r for r in note.get("related", []) if r not in enforced],
                    "reason": note.get("reason") or "",
                    "status": "rule" if enforced else ("manual" if label in notes else "missing")})
    return out
