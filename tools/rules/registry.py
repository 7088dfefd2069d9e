"""The rule registry: every check the lint can report, with its ID, severity, Chinese title and plan clause.

A rule is either a function over the loaded model (``@rule``) or a check performed while loading (``declare``):
both are listed, documented and reported the same way. ``clause`` cites a provision of the plan's own record
(``benxi-plan-2021#task-9``); infrastructure rules that keep files machine-readable cite none and say why.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from tools.findings import ERROR, WARNING

PLAN_DOC = "benxi-plan-2021"
INFRASTRUCTURE = "仓库基础规则：保证记录文件能被准确、安全地读取，不对应方案的具体条款"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    title: str  # one line, Chinese
    clause: str | None  # "benxi-plan-2021#task-1"
    check: Callable | None = None  # fn(repo, ctx) -> iterable of (record, path, message)
    rationale: str | None = None  # why a rule without a clause exists
    kinds: tuple = ()  # the record kinds it checks (for "why": which plan clauses govern a record)

    @property
    def clause_provision(self) -> str | None:
        return self.clause.split("#", 1)[1] if self.clause else None


REGISTRY: dict[str, Rule] = {}


def _register(r: Rule) -> Rule:
    if r.id in REGISTRY:
        raise ValueError(f"duplicate rule id {r.id}")
    if r.severity not in (ERROR, WARNING):
        raise ValueError(f"bad severity for {r.id}")
    if not r.clause and not r.rationale:
        raise ValueError(f"rule {r.id} needs a plan clause or a rationale")
    REGISTRY[r.id] = r
    return r


def clause(provision: str) -> str:
    return f"{PLAN_DOC}#{provision}"


def declare(rule_id, severity, title, clause_=None, rationale=None, kinds=()) -> Rule:
    """A rule checked while loading (no function of its own)."""
    return _register(Rule(rule_id, severity, title, clause_, None, rationale, tuple(kinds)))


def rule(rule_id, severity, title, clause_=None, rationale=None, kinds=()):
    """Decorator: a rule over the loaded model."""

    def wrap(fn):
        _register(Rule(rule_id, severity, title, clause_, fn, rationale, tuple(kinds)))
        return fn

    return wrap


def all_rules() -> list[Rule]:
    import tools.rules.builtin  # noqa: F401  (registers the rules on import)

    return [REGISTRY[k] for k in sorted(REGISTRY)]
