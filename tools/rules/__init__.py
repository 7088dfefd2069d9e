"""The rules: every check the lint can report, each citing the clause of the plan it enforces.

``MODULES`` is the one list of rule modules; :func:`all_rules` reads their declarations into the registry.
A new rule goes into the module of its subject (or a new module added here), with a passing and a failing
fixture in tests/rule_fixtures/<RULE-ID>.yml.
"""
from __future__ import annotations

from functools import lru_cache

from tools.rules import (catalog, coverage, evidence, graph_rules, integrity, lists, loading, measure_lists, measures,
                         repair, safety, waivers)
from tools.rules.registry import Registry, collect

MODULES = (
    loading,  # checked while files are read and validated
    integrity,  # ids, citations, references, dates, drafts, the registry itself
    catalog,  # 四（一）1–2, 四（二）3–5, 四（五）12–13
    lists,  # 四（三）6–8
    measures,  # 四（四）9–11
    measure_lists,  # 四（四）9: every measure on law, the count of a list
    repair,  # 四（六）14–15
    safety,  # personal data and markup in text
    evidence,  # grades of evidence, verified against them, stale notes, links to official publishers only
    graph_rules,  # over the dependency graph
    waivers,  # reported while waivers are applied
    coverage,  # every clause enforced or explained
)


@lru_cache(maxsize=1)
def all_rules() -> Registry:
    """The registry of every rule in MODULES (read once; the declarations are constants)."""
    return collect(MODULES)
