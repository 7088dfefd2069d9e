"""Reading department spreadsheets as they are made: a title row or two above the header, vertically merged cells
(one 信息类别 for several rows), dates typed as dates, header cells with line breaks. Gives each data row with its
Excel row number, so every problem names the sheet and the row people see.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path

HEADER_SEARCH_ROWS = 10  # a header further down than this is not a header
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary Excel format (.xls), also .et files saved that way


@dataclass
class Sheet:
    title: str
    header_row: int | None  # Excel row number of the header; None when no header was found
    columns: list           # header names, whitespace removed
    rows: list              # [(Excel row number, {column: value})], empty rows left out


def cell_text(value) -> str:
    """A cell as text: dates as 2027-12-31 (not 2027-12-31 00:00:00), whole numbers without .0."""
    if value is None:
        return ""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header_name(value) -> str:
    return re.sub(r"\s+", "", cell_text(value))


def open_workbook(path: Path):
    """The workbook, or ValueError with a message people can act on."""
    from openpyxl import load_workbook

    try:
        with open(path, "rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise ValueError(f"无法打开文件 {path.name}：{exc.strerror or exc}") from None
    if magic == _OLE_MAGIC or path.suffix.lower() in (".xls", ".et"):
        raise ValueError(f"{path.name} 是旧版 Excel 格式（.xls）：请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再导入")
    if path.suffix.lower() == ".csv":
        raise ValueError(f"{path.name} 是 CSV 文件：请在 Excel 或 WPS 中打开后“另存为”Excel 工作簿（.xlsx）再导入")
    try:
        return load_workbook(path, data_only=True)  # not read-only: merged ranges are needed
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValueError(f"无法读取工作簿 {path.name}：它不是 Excel 工作簿（.xlsx），或文件已损坏") from None


def _grid(ws) -> list[list]:
    grid = [list(row) for row in ws.iter_rows(values_only=True)]
    for merged in ws.merged_cells.ranges:
        top = grid[merged.min_row - 1][merged.min_col - 1] if merged.min_row - 1 < len(grid) else None
        for r in range(merged.min_row - 1, min(merged.max_row, len(grid))):
            row = grid[r]
            row.extend([None] * (merged.max_col - len(row)))
            for c in range(merged.min_col - 1, merged.max_col):
                row[c] = top
    return grid


def read_sheet(ws, key_column: str) -> Sheet:
    """The rows of a sheet under the first row (among the first few) that has ``key_column`` in it."""
    grid = _grid(ws)
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        names = [_header_name(v) for v in row]
        if key_column in names:
            break
    else:
        return Sheet(ws.title, None, [], [])
    rows = []
    for number, values in enumerate(grid[index + 1:], start=index + 2):
        if all(cell_text(v) == "" for v in values):
            continue
        rows.append((number, {name: cell_text(v) for name, v in zip(names, values) if name}))
    return Sheet(ws.title, index + 1, names, rows)
