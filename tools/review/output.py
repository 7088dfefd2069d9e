"""The review's reports: text for the terminal, JSON (its keys are a contract), and the XLSX review sheet that a
department fills in (one row per provision; the decision and remark columns are left empty for people).

JSON: {"notice", "as_of", "measure_lists", "documents": [{"file", "error", "format", "provisions_read",
"provisions": [{"location", "text", "matched_measure", "matched_measure_name", "matched_measures", "findings": [{"type", "rule",
"severity", "message"}]}]}], "summary"}. ``documents``, ``file``, ``provisions``, ``location``, ``text``,
``matched_measure``, ``findings``, ``type``, ``rule``, ``severity`` and ``message`` do not change; keys may be added.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from pathlib import Path

from tools.review import NOTICE, Result
from tools.review.checks import TYPES

SEVERITY_ZH = {"error": "问题", "warning": "提示"}
DECISIONS = ["保留（符合要求）", "修改", "废止", "待研究"]
HEADERS = ["文件", "位置", "条文（个人信息已隐去）", "匹配的清单措施", "问题类型", "规则", "级别", "说明",
           "处理意见（由部门填写）", "备注（由部门填写）"]


def as_json(result: Result) -> dict:
    return {
        "notice": NOTICE,
        "as_of": result.as_of.isoformat(),
        "measure_lists": result.list_titles,
        "documents": [{
            "file": d.file, "error": d.error, "format": d.format, "provisions_read": d.provisions_read,
            "notes": d.notes,
            "provisions": [{"location": p.location, "text": p.text, "matched_measure": p.matched_measure,
                            "matched_measure_name": p.matched_name, "matched_measures": p.matched_all,
                            "findings": [f.as_dict() for f in p.findings]} for p in d.provisions],
        } for d in result.documents],
        "summary": summary(result),
    }


def summary(result: Result) -> dict:
    counts = Counter(f.type for d in result.documents for p in d.provisions for f in p.findings)
    return {"documents": len(result.documents), "unreadable": sum(1 for d in result.documents if d.error),
            "provisions": sum(len(d.provisions) for d in result.documents),
            "findings": sum(counts.values()), "by_type": {k: counts[k] for k in TYPES if counts[k]}}


def _type_zh(kind: str) -> str:
    return f"{TYPES[kind][3]}（{kind}）"


def as_text(result: Result) -> str:
    lines = [f"【说明】{NOTICE}",
             f"基准日 {result.as_of.isoformat()}；比对的清单：{'、'.join(result.list_titles) or '（本库没有现行的清单）'}", ""]
    for d in result.documents:
        if d.error:
            lines += [f"== {d.file}：无法读取 ==", f"  {d.error}", ""]
            continue
        lines.append(f"== {d.file}（共 {d.provisions_read} 条（段），涉及惩戒或名单的 {len(d.provisions)} 条，"
                     f"提示 {d.findings} 个）==")
        lines += [f"  注意：{n}" for n in d.notes]
        for p in d.provisions:
            text = p.text if len(p.text) <= 80 else p.text[:80] + "……"
            lines.append(f"{p.location}  {text}")
            if p.matched_measure:
                lines.append(f"  匹配的清单措施：{p.matched_name}（{p.matched_measure}）")
            for f in p.findings:
                lines.append(f"  {SEVERITY_ZH[f.severity]} [{f.rule}] {_type_zh(f.type)}：{f.message}")
            if not p.findings:
                lines.append("  未发现问题")
        lines.append("")
    s = summary(result)
    by = "，".join(f"{k} {v}" for k, v in s["by_type"].items())
    lines.append(f"共 {s['documents']} 个文件（无法读取 {s['unreadable']} 个），涉及惩戒或名单的条款 {s['provisions']} 条："
                 f"提示 {s['findings']} 个" + (f"（{by}）" if by else "") + "。以上均须人工确认。")
    return "\n".join(lines) + "\n"


def write_xlsx(result: Result, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "审查表"
    ws.append([f"说明：{NOTICE}"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    ws.row_dimensions[1].height = 48
    ws["A1"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.append(HEADERS)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for d in result.documents:
        if d.error:
            ws.append([d.file, "（无法读取）", "", "", "", "", "", d.error, None, None])
            continue
        for p in d.provisions:
            matched = f"{p.matched_name}（{p.matched_measure}）" if p.matched_measure else ""
            ws.append([d.file, p.location, p.text, matched,
                       "\n".join(_type_zh(f.type) for f in p.findings) or "未发现问题",
                       "\n".join(f.rule for f in p.findings), "\n".join(SEVERITY_ZH[f.severity] for f in p.findings),
                       "\n".join(f.message for f in p.findings), None, None])
    last = ws.max_row
    for row in ws.iter_rows(min_row=3, max_row=last):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for col, width in zip("ABCDEFGHIJ", (24, 18, 60, 24, 24, 12, 8, 80, 18, 24)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "C3"
    ws.auto_filter.ref = f"A2:J{max(last, 2)}"
    choice = DataValidation(type="list", formula1='"' + ",".join(DECISIONS) + '"', allow_blank=True)
    choice.add(f"I3:I{max(last, 3)}")
    ws.add_data_validation(choice)
    about = wb.create_sheet("说明")
    about.append(["说明", NOTICE])
    about.append(["基准日", result.as_of.isoformat()])
    about.append(["比对的清单", "、".join(result.list_titles)])
    about.append([])
    about.append(["问题类型", "含义", "规则", "方案条款"])
    for kind, (rule, _, clauses, name) in TYPES.items():
        about.append([kind, name, rule, "、".join(clauses)])
    about.column_dimensions["A"].width = 22
    about.column_dimensions["B"].width = 100
    _atomic(path, lambda tmp: wb.save(tmp))


def write_text(text: str, path: Path) -> None:
    _atomic(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def _atomic(path: Path, write) -> None:
    """The report appears whole or not at all."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".review-", suffix=path.suffix, dir=path.resolve().parent)
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a report is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render(result: Result, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(as_json(result), ensure_ascii=False, indent=2) + "\n"
    return as_text(result)
