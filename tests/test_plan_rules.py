"""Every plan rule on real data: a fixture it must flag and a fixture it must pass, named after the rule ID.

Each file in tests/rule_fixtures/<RULE-ID>.yml edits a copy of the repository's own records (real-looking data,
not toys), held in memory: nothing is written to disk. The lines where the rule must report are marked in the edited text with a YAML comment
``# <- RULE-ID``; the test asserts that the rule's unwaived findings in the touched files are exactly there.
A pass case asserts that the rule reports nothing in the files it touches.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from tools.lint import check, lint
from tools.model.repository import load_texts

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
def real_files() -> dict:
    """The repository's record files and waivers, as text: each case edits a copy in memory."""
    files = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8")
             for d in DATA for p in sorted((ROOT / d).rglob("*.yml"))}
    files["waivers.yml"] = (ROOT / "waivers.yml").read_text(encoding="utf-8")
    return files


def _apply(files: dict, case: dict) -> set[str]:
    """Apply a case's operations to the files (in place); return the relative paths it touched."""
    touched = set()
    for op in case["ops"]:
        if "copy" in op:
            files[op["to"]] = files[op["copy"]]
            target = op["to"]
        elif "create" in op:
            files[op["create"]] = op["content"]
            target = op["create"]
        elif "delete" in op:
            del files[op["delete"]]
            continue
        else:
            target = op["edit"]
        text = files[target]
        for key in op.get("drop_keys", []):  # a top-level key and its indented block
            text, n = re.subn(rf"(?m)^{re.escape(key)}:.*\n(?:[ ].*\n)*", "", text)
            assert n == 1, f"{key} not found once in {target}"
        for old, new in op.get("replace", []):
            assert text.count(old) == 1, f"{old!r} must occur exactly once in {target}"
            text = text.replace(old, new)
        if op.get("append"):
            text += op["append"]
        files[target] = text
        touched.add(target)
    return touched


def _marked_lines(files: dict, rel: str, rule: str) -> set[int]:
    lines = files[rel].splitlines()
    return {i + 1 for i, line in enumerate(lines) if re.search(rf"#\s*<-\s*{re.escape(rule)}\b", line)}


@pytest.mark.parametrize("rule,kind,case", list(_cases()))
def test_rule_fixture(real_files, rule, kind, case):
    files = dict(real_files)
    touched = _apply(files, case)
    as_of = dt.date.fromisoformat(str(case.get("as_of", AS_OF)))
    repo, loaded = load_texts(files, root=str(ROOT))
    result = check(repo, loaded, as_of)
    got = {(f.path, f.line) for f in result.findings if f.rule == rule and f.waiver is None and f.path in touched}
    if kind == "flag":
        expected = {(rel, line) for rel in touched for line in _marked_lines(files, rel, rule)}
        assert expected, "a flag case must mark the line(s) where the rule reports"
        assert got == expected, [f.message for f in result.findings if f.rule == rule]
    else:
        assert got == set(), [f.message for f in result.findings if f.rule == rule]
    assert not [f for f in result.findings if f.rule.startswith(("YAML-", "SCHEMA-00"))
                and f.rule != "SCHEMA-001" and f.path in touched], "fixtures must stay well-formed"


def test_in_memory_fixtures_lint_like_the_files_on_disk(real_files):
    """Control for the in-memory cases: the unedited texts give exactly the findings of the repository on disk."""
    repo, loaded = load_texts(dict(real_files), root=str(ROOT))
    in_memory = check(repo, loaded, AS_OF)
    on_disk = lint(ROOT, AS_OF)
    assert [f.as_dict() for f in in_memory.findings] == [f.as_dict() for f in on_disk.findings]
    assert in_memory.summary == on_disk.summary


def test_the_repository_itself_passes_every_plan_rule():
    result = lint(ROOT, AS_OF)
    assert not [f for f in result.findings if f.blocking], [f.message for f in result.findings if f.blocking]
