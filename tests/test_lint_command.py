"""The lint command's contract, end to end: each output format from a real run, $GITHUB_STEP_SUMMARY written by
the command, path selection, --strict, --as-of. (The reporters themselves are tested on constructed results in
test_reporters.py.)

Most tests run on `known_repo`: the mini fixture made finding-free, then given exactly one error (REF-001 in
measure-a) and one warning (VERIFY-001 in entry-a), at known positions.
"""
from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tools.report import github

from conftest import write
from tools.cli import main
from tools.load import yaml_loader
from tools.lint import lint
from tools.rules import all_rules

ROOT = Path(__file__).resolve().parent.parent
AS_OF = datetime.date(2026, 11, 25)

MEASURE = "sanction_lists/measures/list-2021/measure-a.yml"
ENTRY = "catalogs/cat-2021/entry-a.yml"
MINI = ROOT / "tests" / "fixtures" / "mini"
N_FILES = len(list(MINI.rglob("*.yml"))) + 1  # the fixture's records plus the real plan


def _line_of(rel: str, needle: str) -> int:
    text = (MINI / rel).read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(needle)) + 1


# the known error: a second citation added after the row's valid one (so the measure keeps a legal basis)
ERR = ("REF-001", "error", MEASURE, _line_of(MEASURE, "    implementers:"), 9)  # "      - doc: missing-law"
WARN = ("VERIFY-001", "warning", ENTRY, _line_of(ENTRY, "\nverified: true\n") + 1, 1)  # "verified: false"

TEXT_LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>错误|警告) "
                       r"\[(?P<rule>[A-Z]+-\d{3})\] (?P<msg>\S.*)$")
GH_LINE = re.compile(r"^::(?P<kind>error|warning|notice) file=(?P<file>[^,]*),line=(?P<line>\d+),"
                     r"col=(?P<col>\d+),title=(?P<title>[^:]+)::(?P<msg>.*)$")


def edit(repo: Path, rel: str, old: str, new: str) -> None:
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} in {rel}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def run(repo: Path, *args: str, capsys) -> tuple[int, str, str]:
    code = main(["--root", str(repo), "lint", "--as-of", AS_OF.isoformat(), *args])
    out, err = capsys.readouterr()
    if not yaml_loader.LIBYAML:  # the CLI's one-line hint that the slow pure-Python parser is in use
        err = "\n".join(line for line in err.splitlines() if "libyaml" not in line)
    return code, out, err


def keys(findings) -> list:
    return sorted((f["rule"], f["severity"], f["path"], f["line"], f["column"]) for f in findings)


@pytest.fixture
def clean_repo(mini_repo: Path, monkeypatch) -> Path:
    """The mini repository with no finding at all (the plan's own 'verified: false' set to true)."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    plan = mini_repo / "policies" / "benxi" / "benxi-plan-2021.yml"
    plan.write_text(re.sub(r"(?m)^(\s*)verified: false\b", r"\1verified: true", plan.read_text(encoding="utf-8")),
                    encoding="utf-8")
    result = lint(mini_repo, as_of=AS_OF)
    assert [(f.rule, f.path, f.line) for f in result.findings] == []
    return mini_repo


@pytest.fixture
def known_repo(clean_repo: Path) -> Path:
    """Exactly one error and one warning."""
    edit(clean_repo, MEASURE, "    implementers:", "      - doc: missing-law\n        provision: art-2\n    implementers:")
    edit(clean_repo, ENTRY, "\nverified: true\n", "\nverified: false\n")
    result = lint(clean_repo, as_of=AS_OF)
    assert keys(f.as_dict() for f in result.findings) == sorted([ERR, WARN])
    return clean_repo


@pytest.fixture
def waived_repo(known_repo: Path) -> Path:
    """known_repo plus a valid waiver of its REF-001 error."""
    write(known_repo, "waivers.yml", "waivers:\n"
                                     "  - rule: REF-001\n"
                                     "    record: measure-a\n"
                                     "    field: rows.0.basis\n"
                                     "    reason: 依据文件正在录入\n"
                                     "    approved_by: 张三\n"
                                     "    expires: 2027-06-30\n")
    return known_repo


# --- text ---------------------------------------------------------------------------------------------------

def test_text_format(known_repo: Path, capsys):
    code, out, err = run(known_repo, capsys=capsys)
    assert code == 1 and err == ""
    lines = out.rstrip("\n").split("\n")
    assert len(lines) == 3, lines
    parsed = []
    for line in lines[:-1]:
        m = TEXT_LINE.match(line)
        assert m, line
        sev = {"错误": "error", "警告": "warning"}[m["sev"]]
        parsed.append((m["rule"], sev, m["path"], int(m["line"]), int(m["col"])))
    assert parsed == [ERR, WARN]  # errors first, then warnings
    assert "missing-law" in lines[0]
    summary = lines[-1]
    assert not TEXT_LINE.match(summary)
    assert summary.startswith(f"共检查 {N_FILES} 个文件、{N_FILES} 条记录")
    for tally in ("错误 1 个", "警告 1 个", "已豁免 0 个", "2026-11-25"):
        assert tally in summary, summary


def test_text_default_format_is_text(known_repo: Path, capsys):
    _, default, _ = run(known_repo, capsys=capsys)
    _, explicit, _ = run(known_repo, "--format", "text", capsys=capsys)
    assert default == explicit


def test_text_one_line_per_finding_with_line_break_in_value(known_repo: Path, capsys):
    edit(known_repo, MEASURE, "      - doc: missing-law\n", '      - doc: "bad\\r\\nid"\n')
    code, out, _ = run(known_repo, capsys=capsys)
    doc_lines = out.rstrip("\n").splitlines()
    _, js, _ = run(known_repo, "--format", "json", capsys=capsys)
    n = len(json.loads(js)["findings"])
    assert len(doc_lines) == n + 1
    assert all(TEXT_LINE.match(line) for line in doc_lines[:-1]), doc_lines


# --- json ---------------------------------------------------------------------------------------------------

def test_json_format(known_repo: Path, capsys):
    code, out, err = run(known_repo, "--format", "json", capsys=capsys)
    assert code == 1 and err == ""
    doc = json.loads(out)
    assert set(doc) == {"findings", "summary"}
    for f in doc["findings"]:
        assert {"rule", "severity", "path", "line", "column", "message"} <= set(f)
        assert isinstance(f["line"], int) and isinstance(f["column"], int)
        assert not os.path.isabs(f["path"]) and str(known_repo) not in f["path"]
        assert (known_repo / f["path"]).is_file()
        assert "waived" not in f
    assert keys(doc["findings"]) == sorted([ERR, WARN])
    by_rule = {f["rule"]: f for f in doc["findings"]}
    assert "missing-law" in by_rule["REF-001"]["message"]
    assert by_rule["REF-001"]["record"] == "measure-a"
    assert by_rule["VERIFY-001"]["record"] == "entry-a"
    s = doc["summary"]
    n = len(list(MINI.rglob("*.yml"))) + 1  # the fixture's records plus the real plan
    assert (s["files"], s["records"], s["errors"], s["warnings"], s["waived"]) == (n, n, 1, 1, 0)
    assert s["by_rule"] == {"REF-001": 1, "VERIFY-001": 1}
    assert s["as_of"] == "2026-11-25"


def test_json_waived_finding(waived_repo: Path, capsys):
    code, out, _ = run(waived_repo, "--format", "json", capsys=capsys)
    assert code == 0  # the only error is waived
    doc = json.loads(out)
    [ref] = [f for f in doc["findings"] if f["rule"] == "REF-001"]
    assert ref["waived"] is True and "依据文件正在录入" in ref["waiver_reason"]
    s = doc["summary"]
    assert (s["errors"], s["warnings"], s["waived"]) == (0, 1, 1)


# --- github -------------------------------------------------------------------------------------------------

def test_github_annotations(known_repo: Path, capsys, tmp_path: Path):
    code, out, err = run(known_repo, "--format", "github", capsys=capsys)
    assert code == 1 and err == ""
    _, js, _ = run(known_repo, "--format", "json", capsys=capsys)
    messages = {f["rule"]: f["message"] for f in json.loads(js)["findings"]}
    lines = out.rstrip("\n").split("\n")
    assert lines[:-1] == [
        f"::warning file={ENTRY},line={WARN[3]},col=1,title=VERIFY-001::{messages['VERIFY-001']}",
        f"::error file={MEASURE},line={ERR[3]},col=9,title=REF-001::{messages['REF-001']}",
    ]
    assert lines[-1].startswith(f"共检查 {N_FILES} 个文件") and not lines[-1].startswith("::")
    assert not any(tmp_path.rglob("*.md")), "no step summary without $GITHUB_STEP_SUMMARY"


def test_github_escapes_percent_and_line_breaks(known_repo: Path, capsys):
    edit(known_repo, MEASURE, "      - doc: missing-law\n", '      - doc: "50%\\r\\nx"\n')
    write(known_repo, "policies/national/50%,b.yml", (ROOT / "tests/fixtures/mini/policies/national/example-law.yml")
          .read_text(encoding="utf-8").replace("id: example-law", "id: 50%,b"))
    code, out, _ = run(known_repo, "--format", "github", capsys=capsys)
    assert code == 1
    lines = out.split("\n")
    annotations = [line for line in lines if line.startswith("::")]
    assert all(GH_LINE.match(a) for a in annotations), annotations
    assert all("\r" not in a for a in annotations)
    ref = [a for a in annotations if "title=REF-001" in a]
    assert ref and "“50%25 x”" in ref[0], ref  # the line break is folded into a space, the percent escaped
    assert github._data("a\r\nb%") == "a%0D%0Ab%25"
    odd_file = [a for a in annotations if "50%25%2Cb.yml" in a]
    assert odd_file and all("file=policies/national/50%25%2Cb.yml," in a for a in odd_file), annotations
    assert len(lines) == len(annotations) + 2  # + summary + the final empty string


def test_github_step_summary(known_repo: Path, capsys, tmp_path: Path, monkeypatch):
    target = tmp_path / "step_summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    code, out, _ = run(known_repo, "--format", "github", capsys=capsys)
    assert code == 1
    md = target.read_text(encoding="utf-8")
    assert md.startswith("earlier step\n"), "the summary is appended, not overwritten"
    lines = md.splitlines()
    assert out.rstrip("\n").split("\n")[-1] in lines  # the same summary line
    header = lines.index("| 级别 | 规则 | 位置 | 说明 |")
    assert re.fullmatch(r"\|(-{3,}\|){4}", lines[header + 1])
    rows = lines[header + 2:]
    assert len(rows) == 2
    assert rows[0].startswith(f"| 错误 | REF-001 | `{MEASURE}:{ERR[3]}` | ") and "missing-law" in rows[0]  # errors on top
    assert rows[1].startswith(f"| 警告 | VERIFY-001 | `{ENTRY}:{WARN[3]}` | ")
    assert all(r.endswith(" |") for r in rows)


def _cells(row: str) -> list:
    return [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]


def test_github_step_summary_escapes_pipe(known_repo: Path, capsys, tmp_path: Path, monkeypatch):
    target = tmp_path / "step_summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    edit(known_repo, MEASURE, "      - doc: missing-law\n", '      - doc: "a|b"\n')
    run(known_repo, "--format", "github", capsys=capsys)
    rows = [r for r in target.read_text(encoding="utf-8").splitlines() if r.startswith("| ") and "REF-001" in r]
    assert len(rows) == 1
    cells = _cells(rows[0])
    assert len(cells) == 4 and cells[1] == "REF-001" and "a\\|b" in cells[3], cells


def test_github_step_summary_one_row_per_finding_with_line_break(known_repo: Path, capsys, tmp_path: Path,
                                                                 monkeypatch):
    target = tmp_path / "step_summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    edit(known_repo, MEASURE, "      - doc: missing-law\n", '      - doc: "bad\\r\\nid"\n')
    run(known_repo, "--format", "github", capsys=capsys)
    lines = target.read_text(encoding="utf-8").splitlines()
    rows = lines[lines.index("| 级别 | 规则 | 位置 | 说明 |") + 2:]
    assert all(len(_cells(r)) == 4 for r in rows), rows


def test_github_waived_is_notice(waived_repo: Path, capsys, tmp_path: Path, monkeypatch):
    target = tmp_path / "step_summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    code, out, _ = run(waived_repo, "--format", "github", capsys=capsys)
    assert code == 0
    assert any(line.startswith(f"::notice file={MEASURE},line={ERR[3]},col=9,title=REF-001::") for line in out.split("\n"))
    assert not any(line.startswith("::error") for line in out.split("\n"))
    assert f"| 错误（已豁免） | REF-001 | `{MEASURE}:{ERR[3]}` |" in target.read_text(encoding="utf-8")


# --- sarif --------------------------------------------------------------------------------------------------

def test_sarif(known_repo: Path, capsys):
    code, out, err = run(known_repo, "--format", "sarif", capsys=capsys)
    assert code == 1 and err == ""
    doc = json.loads(out)
    assert doc["version"] == "2.1.0"
    assert "sarif" in doc["$schema"]
    [run_] = doc["runs"]
    rules = run_["tool"]["driver"]["rules"]
    registry = all_rules()
    assert [r["id"] for r in rules] == [r.id for r in registry]
    for entry, r in zip(rules, registry):
        assert entry["defaultConfiguration"]["level"] == ("error" if r.severity == "error" else "warning")
        assert entry["shortDescription"]["text"] == r.title
    results = run_["results"]
    got = []
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        assert not os.path.isabs(loc["artifactLocation"]["uri"])
        got.append((res["ruleId"], res["level"], loc["artifactLocation"]["uri"], loc["region"]["startLine"],
                    loc["region"]["startColumn"]))
        assert res["message"]["text"]
        assert "suppressions" not in res
    assert sorted(got) == sorted([ERR, WARN])


def test_sarif_waived_finding_is_suppressed(waived_repo: Path, capsys):
    code, out, _ = run(waived_repo, "--format", "sarif", capsys=capsys)
    assert code == 0
    results = json.loads(out)["runs"][0]["results"]
    by_rule = {r["ruleId"]: r for r in results}
    sup = by_rule["REF-001"]["suppressions"]
    assert len(sup) == 1 and sup[0]["kind"] in ("external", "inSource")
    assert "依据文件正在录入" in sup[0]["justification"]
    assert by_rule["REF-001"]["locations"][0]["physicalLocation"]["region"]["startLine"] == ERR[3]
    assert "suppressions" not in by_rule["VERIFY-001"]


# --- lint PATH ----------------------------------------------------------------------------------------------

REGIME_B = "sanction_lists/name_lists/measure-a.yml"  # B: a list regime that reuses A's id (A = MEASURE)


@pytest.fixture
def two_file_repo(known_repo: Path) -> Path:
    text = (known_repo / "sanction_lists/name_lists/regime-a.yml").read_text(encoding="utf-8")
    write(known_repo, REGIME_B, text.replace("id: regime-a\n", "id: measure-a\n"))
    full = lint(known_repo, as_of=AS_OF)
    assert ("REF-001", MEASURE) in {(f.rule, f.path) for f in full.findings}
    assert ("ID-002", REGIME_B, 1) in {(f.rule, f.path, f.line) for f in full.findings}
    return known_repo


def test_lint_path_limits_reporting_not_loading(two_file_repo: Path, capsys):
    # engine
    only_b = lint(two_file_repo, as_of=AS_OF, paths=[REGIME_B])
    assert {f.path for f in only_b.findings} == {REGIME_B}
    assert "REF-001" not in {f.rule for f in only_b.findings}
    assert ("ID-002", REGIME_B, 1) in {(f.rule, f.path, f.line) for f in only_b.findings}
    only_a = lint(two_file_repo, as_of=AS_OF, paths=[MEASURE])
    assert {(f.rule, f.path) for f in only_a.findings} == {("REF-001", MEASURE)}
    assert only_a.summary.records == only_b.summary.records == len(list(MINI.rglob("*.yml"))) + 2  # all loaded

    # CLI, with an absolute path
    code, out, _ = run(two_file_repo, "--format", "json", str(two_file_repo / REGIME_B), capsys=capsys)
    doc = json.loads(out)
    assert code == 1
    assert {(f["rule"], f["path"]) for f in doc["findings"]} == {("ID-002", REGIME_B)}
    assert doc["summary"]["errors"] == 1


def test_lint_folder_path(two_file_repo: Path, capsys):
    code, out, _ = run(two_file_repo, "--format", "json", str(two_file_repo / "catalogs"), capsys=capsys)
    doc = json.loads(out)
    assert {(f["rule"], f["path"]) for f in doc["findings"]} == {("VERIFY-001", ENTRY)}
    assert code == 0, "errors outside the selected paths do not fail the run"
    code, out, _ = run(two_file_repo, "--format", "json", str(two_file_repo), capsys=capsys)
    assert code == 1 and len(json.loads(out)["findings"]) == 3


def test_lint_path_outside_repo_or_missing_exits_2(known_repo: Path, tmp_path: Path, capsys):
    outside = tmp_path / "elsewhere.yml"
    outside.write_text("id: x\n", encoding="utf-8")
    code, out, err = run(known_repo, str(outside), capsys=capsys)
    assert code == 2 and out == "" and "Traceback" not in err
    code, out, err = run(known_repo, str(known_repo / "policies/nowhere.yml"), capsys=capsys)
    assert code == 2 and out == "" and "Traceback" not in err


# --- --strict and --as-of -----------------------------------------------------------------------------------

def test_strict_turns_warnings_into_failure(clean_repo: Path, capsys):
    assert run(clean_repo, capsys=capsys)[0] == 0
    assert run(clean_repo, "--strict", capsys=capsys)[0] == 0  # nothing at all: still 0
    edit(clean_repo, ENTRY, "\nverified: true\n", "\nverified: false\n")  # one warning, no error
    code, out, _ = run(clean_repo, "--format", "json", capsys=capsys)
    s = json.loads(out)["summary"]
    assert (code, s["errors"], s["warnings"]) == (0, 0, 1)
    assert run(clean_repo, "--strict", capsys=capsys)[0] == 1
    assert run(clean_repo, "--strict", "--format", "sarif", capsys=capsys)[0] == 1


def test_strict_ignores_waived_warnings(clean_repo: Path, capsys):
    edit(clean_repo, ENTRY, "\nverified: true\n", "\nverified: false\n")
    write(clean_repo, "waivers.yml", "waivers:\n  - rule: VERIFY-001\n    record: entry-a\n    field: verified\n    reason: 来源待补\n"
                                     "    approved_by: 张三\n    expires: 2027-01-31\n")
    assert run(clean_repo, "--strict", capsys=capsys)[0] == 0


BAD_DATES = ["2026-13-01", "2021-02-30", "yesterday", "", "2026/11/25"]


@pytest.mark.parametrize("value", BAD_DATES)
def test_bad_as_of_exits_2(known_repo: Path, value: str):
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    proc = subprocess.run([sys.executable, "-m", "tools", "--root", str(known_repo), "lint", "--as-of", value],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc
    assert proc.stdout == ""
    assert "--as-of" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("value", BAD_DATES[:2])
def test_bad_as_of_in_process(known_repo: Path, value: str, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--root", str(known_repo), "lint", "--as-of", value])
    assert exc.value.code == 2
    out, err = capsys.readouterr()
    assert out == "" and value in err


def test_as_of_changes_the_result(known_repo: Path, capsys):
    """--as-of is really used: a waiver that is valid on one day has expired on the next."""
    write(known_repo, "waivers.yml", "waivers:\n  - rule: REF-001\n    record: measure-a\n    field: rows.0.basis\n    reason: 待录入\n"
                                     "    approved_by: 张三\n    expires: 2026-11-25\n")
    code = main(["--root", str(known_repo), "lint", "--as-of", "2026-11-25", "--format", "json"])
    on_day = json.loads(capsys.readouterr()[0])
    code_next = main(["--root", str(known_repo), "lint", "--as-of", "2026-11-26", "--format", "json"])
    next_day = json.loads(capsys.readouterr()[0])
    assert code == 0 and on_day["summary"]["waived"] == 1
    assert code_next == 1 and "WAIVER-001" in next_day["summary"]["by_rule"]
