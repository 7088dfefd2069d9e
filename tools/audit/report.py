"""The audit's reports: text, JSON, CSV and XLSX, a summary per 数据来源单位, and one workbook per unit with its own
findings and rows. Every file is written whole or not at all (a temporary file or folder, then a rename).

Findings are streamed from the engine's spool, so a report of a million findings is never held in memory. Cells
that a spreadsheet would take for a formula (=, +, -, @ first) are written as text.
"""
from __future__ import annotations

import contextlib
import csv
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

from tools.audit.engine import Result
from tools.base.findings import ERROR, SEVERITY_ZH
from tools.model import shuanggongshi as sgs

XLSX_MAX_ROWS = 1_048_576
TOP_RULES = 5
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def _rate(n: int, d: int):
    return round(n / d, 6) if d else None


def _pct(x) -> str:
    return "—" if x is None else f"{x:.2%}"


def summary(result: Result) -> dict:
    units = []
    for t in sorted(result.units.values(), key=lambda t: (-t.error_rows, t.unit)):
        top = sorted(t.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_RULES]
        units.append({"unit": t.unit, "unit_code": t.code, "records": t.records, "rows_with_errors": t.error_rows,
                      "error_rate": _rate(t.error_rows, t.records), "late": t.late, "dated": t.dated,
                      "late_rate": _rate(t.late, t.dated),
                      "top_rules": [{"rule": r, "title": result.checks[r].title, "count": n} for r, n in top]})
    late = sum(t.late for t in result.units.values())
    dated = sum(t.dated for t in result.units.values())
    return {"kind": result.kind, "kind_zh": sgs.KINDS[result.kind], "as_of": result.as_of.isoformat(),
            "files": [os.path.basename(f) for f in result.files], "records": result.records,
            "rows_with_errors": result.error_rows, "error_rate": _rate(result.error_rows, result.records),
            "errors": result.errors, "warnings": result.warnings, "late": late, "dated": dated,
            "late_rate": _rate(late, dated), "by_rule": dict(sorted(result.by_rule.items())), "units": units}


def _public(result: Result, f: dict) -> dict:
    return {"file": os.path.basename(result.files[f["file"]]), "row": f["row"], "column": f["column"],
            "rule": f["rule"], "severity": f["severity"], "message": f["message"], "unit": f["unit"]}


# -- text -----------------------------------------------------------------------------------------------------------

def line(result: Result, f: dict) -> str:
    name = os.path.basename(result.files[f["file"]])
    return f"{name}:{f['row']}【{f['column']}】{SEVERITY_ZH[f['severity']]} [{f['rule']}] {f['message']}"


def summary_text(s: dict) -> str:
    out = ["", f"按数据来源单位（{s['kind_zh']}，基准日 {s['as_of']}）：",
           "数据来源单位\t记录数\t有错误的行\t错误率\t迟报率\t最常见的问题"]
    for u in s["units"]:
        top = "，".join(f"{r['rule']} {r['count']}" for r in u["top_rules"]) or "—"
        out.append(f"{u['unit']}\t{u['records']:,}\t{u['rows_with_errors']:,}\t{_pct(u['error_rate'])}\t"
                   f"{_pct(u['late_rate'])}\t{top}")
    tallies = "，".join(f"{r} {n}" for r, n in s["by_rule"].items())
    out.append(f"共检查 {len(s['files'])} 个文件、{s['records']:,} 条记录：有错误的行 {s['rows_with_errors']:,} 行"
               f"（{_pct(s['error_rate'])}），错误 {s['errors']:,} 个，警告 {s['warnings']:,} 个；迟报率 {_pct(s['late_rate'])}"
               + (f"（{tallies}）" if tallies else ""))
    return "\n".join(out) + "\n"


def write_text(result: Result, out) -> None:
    for f in result.findings():
        out.write(line(result, f) + "\n")
    out.write(summary_text(summary(result)))


def write_json(result: Result, out) -> None:
    out.write('{\n"summary": ' + json.dumps(summary(result), ensure_ascii=False, indent=2) + ',\n"findings": [')
    first = True
    for f in result.findings():
        out.write(("\n" if first else ",\n") + json.dumps(_public(result, f), ensure_ascii=False))
        first = False
    out.write("\n]\n}\n")


def _safe(v):
    """A value as a spreadsheet should show it: text starting with a formula character is kept as text."""
    if isinstance(v, str) and v.startswith(_FORMULA_START):
        return "'" + v
    return v


CSV_HEADER = ("文件", "行", "列", "规则", "级别", "说明", "数据来源单位")


def write_csv(result: Result, out) -> None:
    out.write("\ufeff")  # Excel opens UTF-8 CSV correctly only with a BOM
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(CSV_HEADER)
    for f in result.findings():
        p = _public(result, f)
        w.writerow([_safe(x) for x in (p["file"], p["row"], p["column"], p["rule"], SEVERITY_ZH[p["severity"]],
                                       p["message"], p["unit"])])


# -- XLSX -----------------------------------------------------------------------------------------------------------

class _Sheet:
    """A write-only sheet that continues on a new sheet past Excel's row limit; text is never taken for a formula."""

    def __init__(self, wb, title: str, header):
        self.wb, self.title, self.header, self.n, self.part = wb, title, list(header), 0, 1
        self.ws = self._new(title)

    def _new(self, title):
        from openpyxl.styles import Font

        ws = self.wb.create_sheet(title)
        ws.append([self._cell(ws, h, Font(bold=True)) for h in self.header])
        self.n = 1
        return ws

    @staticmethod
    def _cell(ws, value, font=None, fill=None):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(ws, value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        return cell

    def append(self, values, fill_columns=(), percent_columns=()) -> None:
        from openpyxl.styles import PatternFill

        if self.n >= XLSX_MAX_ROWS:
            self.part += 1
            self.ws = self._new(f"{self.title}（{self.part}）")
        fill = PatternFill("solid", fgColor="FFC7CE") if fill_columns else None
        cells = []
        for i, v in enumerate(values):
            if isinstance(v, str) and v.startswith("=") or i in fill_columns or i in percent_columns:
                cell = self._cell(self.ws, v, fill=fill if i in fill_columns else None)
                if i in percent_columns:
                    cell.number_format = "0.00%"
                cells.append(cell)
            else:
                cells.append(v)
        self.ws.append(cells)
        self.n += 1


def _summary_sheet(wb, s: dict, title="汇总") -> None:
    sh = _Sheet(wb, title, ("数据来源单位", "统一社会信用代码", "记录数", "有错误的行", "错误率", "迟报", "可判断时限的行", "迟报率",
                            "最常见的问题"))
    for u in s["units"]:
        top = "；".join(f"{r['rule']} {r['title']}（{r['count']}）" for r in u["top_rules"])
        sh.append([u["unit"], u["unit_code"], u["records"], u["rows_with_errors"], u["error_rate"], u["late"],
                   u["dated"], u["late_rate"], top], percent_columns=(4, 7))
    sh.append([])
    sh.append(["合计", "", s["records"], s["rows_with_errors"], s["error_rate"], s["late"], s["dated"], s["late_rate"],
               f"错误 {s['errors']} 个，警告 {s['warnings']} 个"], percent_columns=(4, 7))
    sh.append(["类别", s["kind_zh"], "基准日", s["as_of"], "文件", "、".join(s["files"])])


def _rules_sheet(wb, result: Result) -> None:
    sh = _Sheet(wb, "规则", ("规则", "级别", "说明", "方案条款", "依据"))
    for r in result.checks.values():
        if result.kind in r.kinds:
            sh.append([r.id, SEVERITY_ZH[r.severity], r.title, f"方案{r.clause}", r.basis])


def write_xlsx(result: Result, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    _summary_sheet(wb, summary(result))
    sh = _Sheet(wb, "问题", CSV_HEADER)
    for f in result.findings():
        p = _public(result, f)
        sh.append([p["file"], p["row"], p["column"], p["rule"], SEVERITY_ZH[p["severity"]], p["message"], p["unit"]])
    _rules_sheet(wb, result)
    wb.save(path)


def _file_name(unit: str, taken: set) -> str:
    base = _UNSAFE_NAME.sub("_", unit).strip(" .") or "未命名单位"
    base = base[:80]
    name, k = f"{base}.xlsx", 2
    while name in taken:
        name, k = f"{base}（{k}）.xlsx", k + 1
    taken.add(name)
    return name


def write_unit_workbooks(result: Result, folder: Path) -> list:
    """One workbook per 数据来源单位: its summary, its findings and its rows with findings (personal data masked,
    the cells with problems filled red). Written into ``folder`` (which must not hold files)."""
    from openpyxl import Workbook

    s = summary(result)
    spool = result.workdir / "by-unit"
    spool.mkdir(exist_ok=True)
    handles: dict = {}
    try:
        for f in result.findings():
            i = result.unit_index.get(f["unit"])
            if i is None:
                continue
            fh = handles.get(i)
            if fh is None:
                if len(handles) > 200:
                    for h in handles.values():
                        h.close()
                    handles.clear()
                fh = handles[i] = open(spool / f"{i}.csv", "a", encoding="utf-8", newline="")
            csv.writer(fh).writerow((f["file"], f["row"], f["column"], f["rule"], f["severity"], f["message"]))
    finally:
        for h in handles.values():
            h.close()
    columns = [c.name for c in sgs.columns(result.kind)]
    written, taken = [], set()
    for unit_summary in s["units"]:
        unit = unit_summary["unit"]
        i = result.unit_index[unit]
        wb = Workbook(write_only=True)
        own = {key: unit_summary[key] for key in ("records", "rows_with_errors", "error_rate", "late", "dated",
                                                   "late_rate")}
        _summary_sheet(wb, {**s, **own, **_unit_counts(spool / f"{i}.csv"), "units": [unit_summary]})
        sh = _Sheet(wb, "问题", ("文件", "行", "列", "规则", "级别", "说明"))
        problems: dict = {}
        for rec in _rows_of(spool / f"{i}.csv"):
            file, row, column, rule, severity, message = rec
            sh.append([os.path.basename(result.files[int(file)]), int(row), column, rule, SEVERITY_ZH[severity],
                       message])
            problems.setdefault(int(row), {}).setdefault(column, []).append(rule)
        rows_file = (result.rows_dir / f"{i}.csv") if result.rows_dir else None
        if rows_file is not None and rows_file.is_file():
            data = _Sheet(wb, "有问题的行", ["行"] + columns + ["问题"])
            for rec in _rows_of(rows_file):
                row = int(rec[0])
                cells = problems.get(row, {})
                marks = {1 + columns.index(c) for c in cells if c in columns}
                note = "；".join(f"{c}：{'、'.join(rules)}" for c, rules in cells.items())
                data.append([row] + [_safe(v) if v != "" else None for v in rec[1:]] + [note], marks)
        _rules_sheet(wb, result)
        name = _file_name(unit, taken)
        wb.save(folder / name)
        written.append(name)
    return written


def _rows_of(path: Path):
    if not path.is_file():
        return
    with open(path, encoding="utf-8", newline="") as fh:
        yield from csv.reader(fh)


def _unit_counts(path: Path) -> dict:
    errors = warnings = 0
    for rec in _rows_of(path):
        if rec[4] == ERROR:
            errors += 1
        else:
            warnings += 1
    return {"errors": errors, "warnings": warnings}


# -- writing whole files ---------------------------------------------------------------------------------------------

@contextlib.contextmanager
def atomic_file(path: Path):
    """A temporary path beside ``path``, renamed onto it when the block ends without an error (removed otherwise)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_folder(path: Path):
    """A temporary folder beside ``path``, renamed to it when the block ends without an error. ``path`` must not
    exist or be an empty folder."""
    path = Path(path)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or "."))
    try:
        yield tmp
        os.chmod(tmp, 0o755)
        if path.is_dir():
            path.rmdir()  # empty (checked before the audit); fails, and nothing is lost, if someone wrote meanwhile
        os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def render(result: Result, fmt: str, out_path: Path | None, stdout) -> None:
    """Write the report in a format, to a file (atomically) or to stdout (only once it is complete)."""
    if fmt == "xlsx":
        with atomic_file(out_path) as tmp:
            write_xlsx(result, tmp)
        return
    writer = {"text": write_text, "json": write_json, "csv": write_csv}[fmt]
    if out_path is not None:
        with atomic_file(out_path) as tmp:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                writer(result, fh)
        return
    spooled = result.workdir / f"report.{fmt}"
    with open(spooled, "w", encoding="utf-8", newline="") as fh:
        writer(result, fh)
    with open(spooled, encoding="utf-8", newline="") as fh:
        shutil.copyfileobj(fh, stdout)
