"""The rule registry itself: complete declarations, real plan clauses, and a test for every rule."""
from __future__ import annotations

import re

from conftest import ROOT
from tools.base.findings import ERROR, WARNING
from tools.model.repository import load_repository
from tools.domain.plan import clause_provision
from tools.rules import all_rules


def test_every_rule_is_fully_declared():
    for r in all_rules():
        assert re.fullmatch(r"[A-Z]+-\d{3}", r.id), r.id
        assert r.severity in (ERROR, WARNING)
        assert r.title and re.search(r"[\u4e00-\u9fff]", r.title), f"{r.id} needs a Chinese title"
        assert r.clause or r.rationale, f"{r.id} needs a plan clause or a rationale"


def test_every_clause_is_a_provision_of_the_plan_as_the_plan_labels_it():
    repo, _ = load_repository(ROOT)
    for r in all_rules():
        if r.clause:
            assert "#" not in r.clause and not r.clause.startswith(("task-", "part-")), r.clause
            assert clause_provision(repo, r.clause) is not None, f"{r.id} cites missing clause {r.clause}"


def test_every_rule_has_a_test_that_names_it():
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*")
                       if p.is_file() and p.suffix in (".py", ".yml") and p.name != "test_registry.py")
    missing = [r.id for r in all_rules() if r.id not in corpus]
    assert not missing, f"rules without a test: {missing}"
