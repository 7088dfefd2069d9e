"""``path:line:col: 级别 [RULE-ID] message`` -- errors first, then warnings, waived findings summed up in one
line (listed only on request) -- and one summary line."""
from tools.base.findings import ERROR, SEVERITY_ZH
from tools.report.output import Report


def line(f) -> str:
    if f.waiver is not None:
        return f"{f.path}:{f.line}:{f.column}: 已豁免 [{f.rule}] {f.message}（豁免理由：{f.waiver}）"
    return f"{f.path}:{f.line}:{f.column}: {SEVERITY_ZH[f.severity]} [{f.rule}] {f.message}"


def summary_line(result) -> str:
    return result.summary.line_zh() + f"（基准日 {result.as_of}）"


def ordered(findings) -> tuple[list, list, list]:
    """(unwaived errors, unwaived warnings, waived), each in path/line order."""
    errors = [f for f in findings if f.waiver is None and f.severity == ERROR]
    warnings = [f for f in findings if f.waiver is None and f.severity != ERROR]
    return errors, warnings, [f for f in findings if f.waiver is not None]


def waived_line(waived) -> str:
    by_rule: dict = {}
    for f in waived:
        by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    tallies = "，".join(f"{rule} {n}" for rule, n in sorted(by_rule.items()))
    return f"已豁免 {len(waived)} 个问题（{tallies}），不阻止合并；加 --show-waived 列出详情"


def render(result, errors_only: bool = False, show_waived: bool = False):
    errors, warnings, waived = ordered(result.findings)
    lines = [line(f) for f in errors]
    if not errors_only:
        lines += [line(f) for f in warnings]
        if waived:
            lines += [line(f) for f in waived] if show_waived else [waived_line(waived)]
    lines.append(summary_line(result))
    return Report("\n".join(lines) + "\n")
