"""Property tests: any bytes as a record file give findings and exit 0 or 1 — never an exception."""
from __future__ import annotations

import datetime as dt
import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINI, PLAN
from tools.cli import main
from tools.load.yaml_loader import load_bytes
from tools.lint import lint

YAMLISH = st.lists(st.sampled_from([
    "id: x\n", "name: 名\n", "- ", "  ", ": ", "[", "]", "{", "}", "&a ", "*a ", "!!python/object ", "'", '"',
    "\t", "---\n", "...\n", "# 注释\n", "2021-02-30", "yes", "P3M", "\r\n", "\ufeff", "\x00", "测试", "\n",
]), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=400), YAMLISH.map(lambda s: s.encode("utf-8"))))
def test_loader_never_raises(data):
    out = load_bytes(data)
    assert out.ok or out.problems
    for p in out.problems:
        assert p.rule.startswith("YAML-") and p.line >= 1 and p.column >= 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=300), YAMLISH.map(lambda s: s.encode("utf-8"))),
       where=st.sampled_from(["catalogs/cat-2021/fuzz.yml", "policies/national/fuzz.yml",
                              "sanction_lists/name_lists/fuzz.yml", "sanction_lists/measures/list-2021/fuzz.yml"]))
def test_lint_of_any_file_exits_0_or_1(tmp_path_factory, data, where, capsys):
    repo = tmp_path_factory.mktemp("fuzz") / "repo"
    shutil.copytree(MINI, repo)
    (repo / "policies/benxi").mkdir(parents=True)
    shutil.copy(PLAN, repo / "policies/benxi" / PLAN.name)
    (repo / where).write_bytes(data)
    result = lint(repo, dt.date(2026, 11, 25))
    assert all(f.rule and f.line >= 1 for f in result.findings)
    code = main(["--root", str(repo), "lint", "--format", "json"])
    out, err = capsys.readouterr()
    assert code in (0, 1) and "Traceback" not in out + err


_VALUES = st.recursive(st.one_of(st.text(max_size=3), st.integers(), st.none(), st.booleans(), st.dates()),
                       lambda inner: st.one_of(st.lists(inner, max_size=4),
                                               st.dictionaries(st.text(max_size=3), inner, max_size=4)),
                       max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_the_fast_string_walk_is_the_general_walk(data):
    """Record.strings (iter_strings, specialised for speed) gives what the general walk gives for strings."""
    from tools.model.records import _walk, iter_strings
    assert iter_strings(data) == _walk(data, (), lambda node: isinstance(node, str))
    assert iter_strings({"a": data}, ("p",)) == _walk({"a": data}, ("p",), lambda node: isinstance(node, str))
