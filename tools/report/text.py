"""``path:line:col: 级别 [RULE-ID] message`` and one summary line."""
from tools.base.findings import SEVERITY_ZH
from tools.report.output import Report


def line(f) -> str:
    waived = f"（已豁免：{f.waiver}）" if f.waiver is not None else ""
    return f"{f.path}:{f.line}:{f.column}: {SEVERITY_ZH[f.severity]} [{f.rule}] {f.message}{waived}"


def summary_line(result) -> str:
    return result.summary.line_zh() + f"（基准日 {result.as_of}）"


def render(result):
    return Report("\n".join([*(line(f) for f in result.findings), summary_line(result)]) + "\n")
