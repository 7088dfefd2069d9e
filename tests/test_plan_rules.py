"""Every plan rule on real data: a fixture it must flag and a fixture it must pass, named after the rule ID.

Each file in tests/rule_fixtures/<RULE-ID>.yml edits a copy of the repository's own records (real-looking data,
not toys). The lines where the rule must report are marked in the edited text with a YAML comment
``# <- RULE-ID``; the test asserts that the rule's unwaived findings in the touched files are exactly there.
A pass case asserts that the rule reports nothing in the files it touches.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from tools.lint import lint

FIXTURES = Path(__file__).resolve().parent / "rule_fixtures"
DATA = ("policies", "catalogs", "sanction_lists", "procedures")
AS_OF = dt.date(2026, 11, 25)


def _cases():
    for path in sorted(FIXTURES.glob("*.yml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert spec["rule"] == path.stem, f"{path.name} must be named after its rule"
        for kind in ("flag", "pass"):
            assert spec.get(kind), f"{path.name} needs a {kind} case"
            for i, case in enumerate(spec[kind]):
                yield pytest.param(spec["rule"], kind, case, id=f"{spec['rule']}-{kind}-{i}")


@pytest.fixture(scope="module")
def real_copy(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("real")
    for d in DATA:
        shutil.copytree(ROOT / d, base / d)
    shutil.copy(ROOT / "waivers.yml", base / "waivers.yml")
    return base


def _apply(repo: Path, case: dict) -> set[str]:
    """Apply a case's operations; return the relative paths it touched."""
    touched = set()
    for op in case["ops"]:
        if "copy" in op:
            shutil.copy(repo / op["copy"], repo / op["to"])
            target = op["to"]
        elif "create" in op:
            (repo / op["create"]).parent.mkdir(parents=True, exist_ok=True)
            (repo / op["create"]).write_text(op["content"], encoding="utf-8")
            target = op["create"]
        elif "delete" in op:
            (repo / op["delete"]).unlink()
            continue
        else:
            target = op["edit"]
        path = repo / target
        text = path.read_text(encoding="utf-8")
        for key in op.get("drop_keys", []):  # a top-level key and its indented block
            text, n = re.subn(rf"(?m)^{re.escape(key)}:.*\n(?:[ ].*\n)*", "", text)
            assert n == 1, f"{key} not found once in {target}"
        for old, new in op.get("replace", []):
            assert text.count(old) == 1, f"{old!r} must occur exactly once in {target}"
            text = text.replace(old, new)
        if op.get("append"):
            text += op["append"]
        path.write_text(text, encoding="utf-8")
        touched.add(target)
    return touched


def _marked_lines(repo: Path, rel: str, rule: str) -> set[int]:
    lines = (repo / rel).read_text(encoding="utf-8").splitlines()
    return {i + 1 for i, line in enumerate(lines) if re.search(rf"#\s*<-\s*{re.escape(rule)}\b", line)}


@pytest.mark.parametrize("rule,kind,case", list(_cases()))
def test_rule_fixture(real_copy, tmp_path, rule, kind, case):
    repo = tmp_path / "repo"
    shutil.copytree(real_copy, repo)
    touched = _apply(repo, case)
    as_of = dt.date.fromisoformat(str(case.get("as_of", AS_OF)))
    result = lint(repo, as_of)
    got = {(f.path, f.line) for f in result.findings if f.rule == rule and f.waiver is None and f.path in touched}
    if kind == "flag":
        expected = {(rel, line) for rel in touched for line in _marked_lines(repo, rel, rule)}
        assert expected, "a flag case must mark the line(s) where the rule reports"
        assert got == expected, [f.message for f in result.findings if f.rule == rule]
    else:
        assert got == set(), [f.message for f in result.findings if f.rule == rule]
    assert not [f for f in result.findings if f.rule.startswith(("YAML-", "SCHEMA-00"))
                and f.rule != "SCHEMA-001" and f.path in touched], "fixtures must stay well-formed"


def test_the_repository_itself_passes_every_plan_rule():
    result = lint(ROOT, AS_OF)
    assert not [f for f in result.findings if f.blocking], [f.message for f in result.findings if f.blocking]
