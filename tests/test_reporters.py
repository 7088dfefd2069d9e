"""The reporters as pure functions, on constructed lint results: no repository is loaded, nothing is written."""
from __future__ import annotations

import datetime as dt
import json
import re

from tools.base.findings import ERROR, WARNING, Finding, Location, Summary
from tools.lint import LintResult
from tools.report import REPORTERS, Report, github
from tools.report.text import line
from tools.rules import all_rules

AS_OF = dt.date(2026, 11, 25)
ERR = Finding("REF-001", ERROR, Location("sanction_lists/measures/l/m.yml", 12, 9), "引用的文件“x”不存在", "m")
WARN = Finding("VERIFY-001", WARNING, Location("catalogs/c/e.yml", 30, 1), "本记录尚未核实", "e")
WAIVED = Finding("REF-002", ERROR, Location("catalogs/c/e.yml", 40, 5), "没有这个条款", "e", waiver="待录入（张三 批准）")


def result(*findings, files=7, records=7) -> LintResult:
    ordered = tuple(sorted(findings, key=Finding.sort_key))
    return LintResult(None, ordered, Summary.of(ordered, files, records), AS_OF, all_rules())


def test_every_reporter_returns_a_report_and_touches_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    for fmt, render in REPORTERS.items():
        out = render(result(ERR, WARN))
        assert isinstance(out, Report) and out.text.endswith("\n"), fmt
        assert (out.step_summary is not None) == (fmt == "github"), fmt
    assert not (tmp_path / "summary.md").exists(), "a reporter never writes; the command does"


def test_text_errors_first_then_warnings_then_waived_in_one_line():
    lines = REPORTERS["text"](result(WARN, WAIVED, ERR)).text.rstrip("\n").split("\n")
    assert lines[0] == "sanction_lists/measures/l/m.yml:12:9: 错误 [REF-001] 引用的文件“x”不存在"
    assert lines[1] == "catalogs/c/e.yml:30:1: 警告 [VERIFY-001] 本记录尚未核实"
    assert lines[2] == "已豁免 1 个问题（REF-002 1），不阻止合并；加 --show-waived 列出详情"
    assert lines[3] == ("共检查 7 个文件、7 条记录：错误 1 个，警告 1 个，已豁免 1 个"
                        "（REF-001 1，REF-002 1，VERIFY-001 1）（基准日 2026-11-25）")
    assert line(ERR) == lines[0]


def test_text_options():
    from tools.report import text

    shown = text.render(result(WARN, WAIVED, ERR), show_waived=True).text.split("\n")
    assert shown[2] == "catalogs/c/e.yml:40:5: 已豁免 [REF-002] 没有这个条款（豁免理由：待录入（张三 批准））"
    only = text.render(result(WARN, WAIVED, ERR), errors_only=True).text.rstrip("\n").split("\n")
    assert len(only) == 2 and only[0].startswith("sanction_lists/") and only[1].startswith("共检查")


def test_text_clean():
    assert REPORTERS["text"](result()).text == "共检查 7 个文件、7 条记录：错误 0 个，警告 0 个，已豁免 0 个（基准日 2026-11-25）\n"


def test_json_document():
    doc = json.loads(REPORTERS["json"](result(ERR, WAIVED)).text)
    assert doc["summary"] == {"files": 7, "records": 7, "errors": 1, "warnings": 0, "waived": 1,
                              "by_rule": {"REF-001": 1, "REF-002": 1}, "as_of": "2026-11-25"}
    assert doc["findings"][0] == {"rule": "REF-002", "severity": "error", "path": "catalogs/c/e.yml", "line": 40,
                                  "column": 5, "message": "没有这个条款", "record": "e", "waived": True,
                                  "waiver_reason": "待录入（张三 批准）"}
    assert "waived" not in doc["findings"][1]


def test_github_annotations_and_step_summary():
    out = github.render(result(ERR, WARN, WAIVED))
    lines = out.text.rstrip("\n").split("\n")
    assert lines[0] == "::warning file=catalogs/c/e.yml,line=30,col=1,title=VERIFY-001::本记录尚未核实"  # annotations by place
    assert lines[1] == "::notice file=catalogs/c/e.yml,line=40,col=5,title=REF-002::没有这个条款"
    assert lines[2].startswith("::error file=sanction_lists/measures/l/m.yml,line=12,col=9,title=REF-001::")
    assert lines[3].startswith("共检查 7 个文件")
    md = out.step_summary.splitlines()
    header = md.index("| 级别 | 规则 | 位置 | 说明 |")
    assert re.fullmatch(r"\|(-{3,}\|){4}", md[header + 1])
    assert md[header + 2].startswith("| 错误 | REF-001 | `sanction_lists/measures/l/m.yml:12` |"), "errors at the top"
    assert md[header + 3] == "| 警告 | VERIFY-001 | `catalogs/c/e.yml:30` | 本记录尚未核实 |"
    assert md[header + 4].startswith("| 错误（已豁免） | REF-002 |")
    assert lines[3] in md, "the same summary line"


def test_github_escapes():
    odd = Finding("REF-001", ERROR, Location("policies/national/50%,b.yml", 3, 1), "“50% x” a|b <i>", "x")
    out = github.render(result(odd))
    assert out.text.split("\n")[0] == ("::error file=policies/national/50%25%2Cb.yml,line=3,col=1,"
                                       "title=REF-001::“50%25 x” a|b <i>")
    row = [r for r in out.step_summary.splitlines() if r.startswith("| ") and "REF-001" in r][0]
    assert "a\\|b &lt;i&gt;" in row, row
    assert github._data("a\r\nb%") == "a%0D%0Ab%25"


def test_sarif_rules_results_and_suppressions():
    doc = json.loads(REPORTERS["sarif"](result(ERR, WAIVED)).text)
    assert doc["version"] == "2.1.0"
    [run] = doc["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in all_rules()]
    entry = rules[[r["id"] for r in rules].index("PROP-004")]
    assert entry["properties"] == {"clause": "四（四）10"}, "the clause as the plan writes it"
    assert entry["fullDescription"]["text"].endswith("依据方案四（四）10")
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert rules[by_rule["REF-001"]["ruleIndex"]]["id"] == "REF-001"
    assert by_rule["REF-001"]["locations"][0]["physicalLocation"]["region"] == {"startLine": 12, "startColumn": 9}
    assert "suppressions" not in by_rule["REF-001"]
    assert by_rule["REF-002"]["suppressions"] == [{"kind": "external", "justification": "待录入（张三 批准）"}]


def test_exit_code_policy_lives_on_the_summary():
    assert result().exit_code() == 0
    assert result(WARN).exit_code() == 0 and result(WARN).exit_code(strict=True) == 1
    assert result(ERR).exit_code() == 1
    assert result(WAIVED).exit_code(strict=True) == 0, "a waived finding fails nothing"
