"""Reading a feed in bounded blocks: CSV (UTF-8 with or without BOM, GBK/GB18030 as Chinese Excel saves it) and
XLSX (the first sheet, streamed), each block a Polars frame of text columns with the spreadsheet row numbers.

CSV is cut into blocks of about ``block_bytes`` at a line break outside quotes (the parity of the quotes before a
line break tells: RFC 4180 doubles a quote inside a quoted field), and each block is parsed by Polars. Memory is
bounded by the block, never by the file: Polars' own streaming scan was measured to read ahead the whole file
(README, ``audit``). GBK and GB18030 never use a line break or a quote as a byte inside a character, so a block of
them is cut the same way and transcoded to UTF-8 alone.

Anything that makes the feed unusable raises :class:`FeedError` with a Chinese message (the command exits 2):
binary content, an unknown encoding, a file cut short, a row wider than the header or than a block, a sheet
without a header, formulas in cells.
"""
from __future__ import annotations

import codecs
import csv
import datetime as _dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from tools.model import shuanggongshi as sgs

ROW = "__row"  # the spreadsheet row number of each record (header 1, first record 2)
BLOCK_BYTES = 16 << 20
XLSX_BLOCK_ROWS = 20_000
MAX_COLUMNS = 200  # the standard has 30; a header wider than this is not a feed
SNIFF = 1 << 20


class FeedError(ValueError):
    """The file cannot be audited; the message says why, in Chinese, for the person who sent it."""


@dataclass
class Source:
    path: Path
    format: str  # csv | xlsx
    encoding: str | None  # csv: utf-8 | gb18030
    header: list  # the header cells as written


def _kind_of(path: Path, head: bytes) -> str:
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise FeedError(f"{path.name}：是旧版 Excel（.xls）文件，不能读取：请在 Excel 中另存为 .xlsx 或 CSV")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FeedError(f"{path.name}：是 UTF-16 编码的文本，不能读取：请另存为“CSV UTF-8（逗号分隔）”或 GBK 编码的 CSV")
    if not head:
        raise FeedError(f"{path.name}：文件是空的")
    if b"\x00" in head:
        raise FeedError(f"{path.name}：不是文本文件（含有二进制内容）：请提交 CSV 或 XLSX 文件")
    return "csv"


def _encoding(path: Path, head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        codecs.getincrementaldecoder("gb18030")().decode(head, final=False)
        return "gb18030"
    except UnicodeDecodeError:
        raise FeedError(f"{path.name}：无法识别文件编码（既不是 UTF-8，也不是 GBK/GB18030）：请另存为“CSV UTF-8（逗号分隔）”")


def open_feed(path: Path) -> Source:
    """Look at a file: its format, encoding and header (raises FeedError when it cannot be a feed)."""
    path = Path(path)
    if not path.is_file():
        raise FeedError(f"{path}：文件不存在")
    with open(path, "rb") as fh:
        head = fh.read(SNIFF)
    fmt = _kind_of(path, head)
    if fmt == "xlsx":
        return Source(path, "xlsx", None, _xlsx_header(path))
    encoding = _encoding(path, head)
    text = head.decode(encoding, errors="ignore").lstrip("\ufeff")
    first = text.split("\n", 1)[0] if "\n" in text else (text if len(head) < SNIFF else None)
    if first is None:
        raise FeedError(f"{path.name}：第 1 行超过 {SNIFF >> 20} MB，不是表头：文件不是“双公示”数据")
    header = next(csv.reader([first.rstrip("\r")]), [])
    _check_header(path, header)
    return Source(path, "csv", encoding, header)


def _check_header(path: Path, header: list) -> None:
    if len(header) > MAX_COLUMNS:
        raise FeedError(f"{path.name}：表头有 {len(header)} 列，远多于“双公示”数据标准的 30 列：不是可以检查的数据")
    known = [h for h in header
             if sgs.resolve_headers(sgs.PENALTY, [h])[0][0] or sgs.resolve_headers(sgs.LICENSE, [h])[0][0]]
    if len(known) < 2:
        raise FeedError(f"{path.name}：第 1 行不是“双公示”数据的表头（没有认出“行政相对人名称”“处罚决定日期”等列名）："
                        "请把标准的中文列名放在第 1 行")


# -- CSV ------------------------------------------------------------------------------------------------------------

def _frame(data: bytes, width: int, first_row: int, name: str) -> pl.DataFrame:
    cols = [f"c{i}" for i in range(width)]
    if data[:1] in (b"\r", b"\n", b"") and not data.strip(b"\r\n"):  # empty lines only: rows still counted
        n = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
        df = pl.DataFrame({c: pl.Series([None] * n, dtype=pl.String) for c in cols})
    else:
        try:
            df = pl.read_csv(data, has_header=False, new_columns=cols, infer_schema=False, quote_char='"',
                             raise_if_empty=False)
        except pl.exceptions.PolarsError:  # a short first record, a wide record, bad UTF-8: the exact slow path
            df = _frame_slowly(data, cols, first_row, name)
    return df.with_columns(pl.int_range(first_row, first_row + df.height, dtype=pl.Int64).alias(ROW))


def _frame_slowly(data: bytes, cols: list, first_row: int, name: str) -> pl.DataFrame:
    """A block Polars refused, read record by record: short records padded with blanks, a wide record or bad
    UTF-8 named by its row (only when something is unusual)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        row = first_row + data[: exc.start].count(b"\n")
        raise FeedError(f"{name}：第 {row} 行附近不是有效的 UTF-8 编码（文件中混有其他编码的内容）：请整体另存为一种编码") from None
    width, records, row = len(cols), [], first_row
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for rec in reader:
            if len(rec) > width:
                raise FeedError(f"{name}：第 {row} 行有 {len(rec)} 个字段，多于表头的 {width} 列（可能有未加引号的逗号）")
            records.append([v if v != "" else None for v in rec] + [None] * (width - len(rec)))
            row += 1
    except csv.Error:
        raise FeedError(f"{name}：第 {row} 行不能按 CSV 读取（引号不成对）") from None
    return pl.DataFrame(records, schema={c: pl.String for c in cols}, orient="row")


def csv_blocks(src: Source, block_bytes: int = BLOCK_BYTES):
    """Frames of at most about block_bytes each, columns c0…cN (text) and ROW."""
    width, name = len(src.header), src.path.name
    gbk = src.encoding == "gb18030"
    row = 2
    with open(src.path, "rb") as fh:
        first = fh.readline()  # the header (a header with a quoted line break is not a feed header)
        if first.startswith(codecs.BOM_UTF8):
            first = first[3:]
        carry, odd = b"", False
        while True:
            data = fh.read(block_bytes)
            if b"\x00" in data:
                raise FeedError(f"{name}：第 {row} 行之后含有二进制内容（NUL 字节）：文件已损坏或不是文本文件")
            buf = carry + data if carry else data
            if not data:
                break
            cut, odd_after = _last_break(buf, odd)
            if cut < 0:
                if len(buf) > 4 * block_bytes:
                    raise FeedError(f"{name}：第 {row} 行超过 {4 * block_bytes >> 20} MB：行过长，不是可以检查的数据")
                carry = buf
                continue
            chunk, carry = buf[: cut + 1], buf[cut + 1:]
            odd = odd_after
            if gbk:
                chunk = _transcode(chunk, name, row)
            df = _frame(chunk, width, row, name)
            row += df.height
            yield df
        if carry.strip(b"\r\n"):
            if (odd + carry.count(b'"')) % 2 == 1:
                raise FeedError(f"{name}：文件在第 {row} 行的引号内结束：文件不完整（可能被截断），请重新导出")
            chunk = _transcode(carry, name, row) if gbk else carry
            last = _last_record(chunk, name, row)
            if len(last) < width:
                raise FeedError(f"{name}：最后一行（第 {row} 行）只有 {len(last)} 个字段，表头有 {width} 列："
                                "文件不完整（可能被截断），请重新导出")
            yield _frame(chunk, width, row, name)


def _last_break(buf: bytes, odd: bool) -> tuple[int, bool]:
    """The last line break of buf outside quotes (given whether buf starts inside quotes), or -1."""
    end = len(buf)
    while True:
        k = buf.rfind(b"\n", 0, end)
        if k < 0:
            return -1, odd
        inside = (buf.count(b'"', 0, k) + odd) % 2 == 1
        if not inside:
            return k, False
        end = k


def _transcode(chunk: bytes, name: str, row: int) -> bytes:
    try:
        return chunk.decode("gb18030").encode("utf-8")
    except UnicodeDecodeError as exc:
        at = row + chunk[: exc.start].count(b"\n")
        raise FeedError(f"{name}：第 {at} 行附近不是有效的 GBK/GB18030 编码（文件中混有其他编码的内容）：请整体另存为一种编码") from None


def _last_record(chunk: bytes, name: str, row: int) -> list:
    try:
        text = chunk.decode("utf-8")
    except UnicodeDecodeError:
        raise FeedError(f"{name}：第 {row} 行不是有效的 UTF-8 编码：文件不完整（可能被截断），请重新导出") from None
    recs = list(csv.reader(io.StringIO(text)))
    return recs[-1] if recs else []


# -- XLSX -----------------------------------------------------------------------------------------------------------

def _workbook(path: Path):
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=False)
    except Exception:  # a zip that is not a workbook, or a damaged one: openpyxl raises many kinds
        raise FeedError(f"{path.name}：不是完整的 XLSX 工作簿（文件损坏或被截断）：请重新导出") from None


def _xlsx_header(path: Path) -> list:
    try:
        sheet = _calamine_sheet(path)
        first_row, first_col = sheet.start or (0, 0)
        found = [[] for _ in range(min(first_row, 6))]
        for r in sheet.iter_rows():
            if len(found) >= 6:
                break
            cells = [""] * first_col + ["" if v == "" else (_cell_text(v) or "") for v in r]
            while cells and not cells[-1].strip():
                cells.pop()
            found.append(cells)
    except FeedError:
        raise
    except Exception:
        raise FeedError(f"{path.name}：不是完整的 XLSX 工作簿（文件损坏或被截断）：请重新导出") from None
    header = found[0] if found else []
    if len(header) > MAX_COLUMNS:
        raise FeedError(f"{path.name}：表头有 {len(header)} 列，远多于“双公示”数据标准的 30 列：不是可以检查的数据")
    try:
        _check_header(path, header)
    except FeedError:
        for i, cells in enumerate(found[1:], start=2):
            try:
                _check_header(path, cells)
            except FeedError:
                continue
            raise FeedError(f"{path.name}：表头应在第 1 行，第 {i} 行才像表头：请删除表头上方的标题行") from None
        raise
    return header


# The first sheet of the workbook read last (calamine reads a sheet whole): the header is read when the feed is
# opened and the rows right after, so one workbook is read once; only one sheet is ever kept.
_LAST_SHEET: dict = {}


def _calamine_sheet(path: Path):
    from python_calamine import CalamineWorkbook

    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _LAST_SHEET:
        _LAST_SHEET.clear()
        _LAST_SHEET[key] = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    return _LAST_SHEET[key]


def _forget_sheet() -> None:
    _LAST_SHEET.clear()


def _cell_text(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, _dt.datetime):
        return v.date().isoformat() if v.time() == _dt.time(0) else v.isoformat(sep=" ")
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    if isinstance(v, bool):
        return "是" if v else "否"
    return str(v)


def xlsx_blocks(src: Source, block_rows: int = XLSX_BLOCK_ROWS):
    """The rows of the first sheet read cell by cell with openpyxl, which tells a formula from a value: the first
    formula met is refused with its row and column."""
    width, name = len(src.header), src.path.name
    wb = _workbook(src.path)

    def numbered():
        for row, r in enumerate(wb.worksheets[0].iter_rows(min_row=2), start=2):
            values = []
            for j, cell in enumerate(r):
                v = getattr(cell, "value", None)
                if v is None:
                    values.append(None)
                    continue
                if getattr(cell, "data_type", None) == "f" or (isinstance(v, str) and v.startswith("=")
                                                                and getattr(cell, "data_type", None) != "s"):
                    col = src.header[j] if j < width else f"第 {j + 1} 列"
                    raise FeedError(f"{name}：第 {row} 行“{col}”是公式，不是数据：请在 Excel 中把公式转换为数值（复制后“粘贴为值”）再提交")
                values.append(_cell_text(v))
            yield row, values

    try:
        yield from _xlsx_frames(numbered(), src, block_rows)
    except FeedError:
        raise
    except Exception:
        raise FeedError(f"{name}：XLSX 工作簿读到一半出错（文件损坏或被截断）：请重新导出") from None
    finally:
        wb.close()


def _xlsx_frames(numbered, src: Source, block_rows: int):
    """(spreadsheet row number, cell texts) of either XLSX reader, as frames of ``block_rows`` rows of exactly the
    header's width (empty cells past it dropped, a row with more filled cells refused)."""
    width, name = len(src.header), src.path.name
    cols = [f"c{i}" for i in range(width)]
    batch, rows = [], []
    for row, values in numbered:
        while len(values) > width and values[-1] is None:
            values.pop()
        if len(values) > width:
            raise FeedError(f"{name}：第 {row} 行有 {len(values)} 个单元格有内容，多于表头的 {width} 列")
        values += [None] * (width - len(values))
        batch.append(values)
        rows.append(row)
        if len(batch) >= block_rows:
            yield _xlsx_frame(batch, rows, cols)
            batch, rows = [], []
    if batch:
        yield _xlsx_frame(batch, rows, cols)


_FORMULA = re.compile(rb"<(?:[A-Za-z0-9_]+:)?f[\s>/]")  # a formula element of a worksheet (<f>, <f t=...>, <f/>)


def has_formulas(path: Path) -> bool:
    """Whether any worksheet of the workbook holds a formula: its XML streamed through in bounded chunks."""
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            with z.open(name) as fh:
                tail = b""
                while chunk := fh.read(1 << 22):
                    if _FORMULA.search(tail + chunk):
                        return True
                    tail = chunk[-16:]
    return False


def fast_xlsx_blocks(src: Source, block_rows: int = XLSX_BLOCK_ROWS):
    """``xlsx_blocks`` through calamine (Rust): the same frames, several times faster (tools bench). A workbook with a
    formula anywhere goes to ``xlsx_blocks``, which names the first formula cell (calamine reads cached values)."""
    try:
        if has_formulas(src.path):
            _forget_sheet()
            yield from xlsx_blocks(src, block_rows)
            return
        sheet = _calamine_sheet(src.path)
        _forget_sheet()  # held by this reader only, until its last row
        first_row, first_col = sheet.start or (0, 0)
        pad = [None] * first_col  # calamine's range starts at the first used cell, not at A1
        numbered = ((first_row + i + 1, pad + [None if v == "" else _cell_text(v) for v in r])  # spreadsheet rows
                    for i, r in enumerate(sheet.iter_rows()) if first_row + i + 1 >= 2)
        yield from _xlsx_frames(numbered, src, block_rows)
    except FeedError:
        raise
    except Exception:
        raise FeedError(f"{src.path.name}：XLSX 工作簿读到一半出错（文件损坏或被截断）：请重新导出") from None


def _xlsx_frame(batch, rows, cols) -> pl.DataFrame:
    data = {c: [r[i] for r in batch] for i, c in enumerate(cols)}
    df = pl.DataFrame(data, schema={c: pl.String for c in cols})
    return df.with_columns(pl.Series(ROW, rows, dtype=pl.Int64))


def blocks(src: Source, block_bytes: int = BLOCK_BYTES):
    return fast_xlsx_blocks(src) if src.format == "xlsx" else csv_blocks(src, block_bytes)
