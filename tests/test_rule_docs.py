"""Every rule documents its clause and shows a failing and a passing YAML example, and the examples are true:
each is run on the mini fixture (see rule_examples.py), the failing one must be reported, the passing one not."""
from __future__ import annotations

import pytest

from rule_examples import ILLUSTRATION, apply, findings_of, merge, parts, runnable
from tools.rules import all_rules

RULES = list(all_rules())
FAIL, PASS = "报错", "通过"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_is_documented(rule):
    assert rule.summary, f"{rule.id}: the documentation starts with the clause in short"
    if rule.clause:
        assert rule.summary.startswith(rule.clause), f"{rule.id}: the summary opens with {rule.clause}"
    assert set(rule.examples) == {FAIL, PASS}, f"{rule.id}: needs a 报错 and a 通过 example"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_examples_are_true(rule):
    failing, passing = rule.examples.get(FAIL), rule.examples.get(PASS)
    if failing is None or passing is None or not (runnable(failing) and runnable(passing)):
        pytest.skip(f"{rule.id}: an illustration ({ILLUSTRATION}), not run")
    assert findings_of(rule.id, failing), f"{rule.id}: the failing example is not reported"
    assert findings_of(rule.id, passing) == [], f"{rule.id}: the passing example is reported"


def test_illustrations_are_few():
    shown = sorted(r.id for r in RULES if any(not runnable(x) for x in r.examples.values()))
    assert shown == ["LAYOUT-001", "YAML-002", "YAML-013"], shown


def test_merge_and_parts():
    assert merge({"a": {"b": 1, "c": 2}, "d": [1]}, {"a": {"b": None, "e": 3}, "d": [2]}) == {"a": {"c": 2, "e": 3}, "d": [2]}
    assert parts("# 目录条目\nname: x\n---\n# 目录条目（原文）\nid: y\n") == [("目录条目", False, "name: x\n"),
                                                                         ("目录条目", True, "id: y\n")]
    files, touched = apply("# 惩戒措施\nid: measure-b\nname: 新措施\n")
    assert touched == {"sanction_lists/measures/list-2021/measure-b.yml"}
    assert "name: 新措施" in files["sanction_lists/measures/list-2021/measure-b.yml"]
    assert "rows:" in files["sanction_lists/measures/list-2021/measure-b.yml"], "the rest comes from the template"
