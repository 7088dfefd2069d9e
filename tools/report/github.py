"""GitHub Actions workflow commands (annotations), and the Markdown step summary (the command line writes it to
$GITHUB_STEP_SUMMARY when set).

GitHub shows only a limited number of annotations per step, so the full table goes to the step summary.
"""
import html

from tools.base.findings import SEVERITY_ZH
from tools.report.text import ordered, summary_line
from tools.report.output import Report


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def _cell(s: str) -> str:
    return html.escape(str(s), quote=False).replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def step_summary(result) -> str:
    s = result.summary
    out = ["## 信用规则检查结果", "", summary_line(result), ""]
    errors, warnings, waived = ordered(result.findings)
    if result.findings:
        out += ["| 级别 | 规则 | 位置 | 说明 |", "|---|---|---|---|"]
        for f in errors + warnings + waived:  # errors at the top
            level = SEVERITY_ZH[f.severity] + ("（已豁免）" if f.waiver is not None else "")
            out.append(f"| {level} | {f.rule} | `{_cell(f.path)}:{f.line}` | {_cell(f.message)} |")
    return "\n".join(out) + "\n"


def render(result):
    lines = []
    for f in result.findings:
        kind = "notice" if f.waiver is not None else f.severity
        props = f"file={_prop(f.path)},line={f.line},col={f.column},title={_prop(f.rule)}"
        lines.append(f"::{kind} {props}::{_data(f.message)}")
    lines.append(summary_line(result))
    return Report("\n".join(lines) + "\n", step_summary(result))

