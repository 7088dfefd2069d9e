"""Checking a feedback file (联合惩戒结果反馈) before a department system sends it: ``python -m tools feedback-check``.

A file is JSON (an array of records, or one record), JSON Lines (one record a line) or CSV (UTF-8, with or without
a BOM; the header row in Chinese -- 主体类别, 统一社会信用代码, … -- or with the field names; 主体类别 and 结果 may be
written in Chinese, 法人 or 已惩戒). Each record is checked against the feedback record's JSON Schema
(``schemas/feedback-record.schema.json``), field by field so that every problem names its row and field, then
against what a schema cannot say:

- the check character of a unified social credit code (GB 32100);
- no personal data (a full resident ID number, a mobile number …) in a free-text field;
- the list and the measure exist, are published, and the measure follows from that list on the day reported
  (``domain.sanctions.measures_for_list``); a row given is one of the rows that apply;
- the day reported is not after the day of the check.

Problems are values: (row, field, message). Row: the line in a CSV or JSON Lines file (the header is line 1), the
position (from 1) in a JSON array.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import json
from typing import NamedTuple

from tools.api.schemas import (FEEDBACK_CONDITIONS, FEEDBACK_FIELDS, FEEDBACK_ZH, RESULTS, feedback_record_schema)
from tools.model import vocab

FORMATS = ("json", "jsonl", "csv")
TYPE_ZH = {"string": "文本", "integer": "整数", "object": "对象", "array": "数组", "boolean": "true 或 false"}
# Chinese words accepted for coded fields in a CSV (what a person types in a spreadsheet)
CSV_WORDS = {"subject_type": {v: k for k, v in vocab.SUBJECTS.items()}, "result": {v: k for k, v in RESULTS.items()}}
FREE_TEXT = ("feedback_id", "subject_name", "matter", "department", "reason")


class Problem(NamedTuple):
    row: int  # line (CSV, JSON Lines) or position (JSON array); 0: the file as a whole
    field: str  # the field's name ("" for the whole record)
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "field": self.field, "field_zh": FEEDBACK_ZH.get(self.field, self.field),
                "message": self.message}


class Item(NamedTuple):
    row: int
    record: object  # the record as read (a dict when it could be read)


# -- reading ----------------------------------------------------------------------------------------------------
def detect(raw: bytes, name: str) -> str:
    """json, jsonl or csv: by the file's extension, else by its first character."""
    lower = name.lower()
    if lower.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if lower.endswith(".json"):
        return "json"
    if lower.endswith(".csv"):
        return "csv"
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"[":
        return "json"
    if head == b"{":
        return "jsonl" if len([x for x in raw.splitlines() if x.strip()]) > 1 else "json"
    return "csv"


def read(raw: bytes, fmt: str) -> tuple[list[Item], list[Problem]]:
    """The records of a file and the problems that kept some (or all) from being read."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], [Problem(0, "", f"文件不是 UTF-8 编码（第 {exc.start + 1} 个字节）：在 Excel 中请另存为“CSV UTF-8”")]
    if fmt == "json":
        return _read_json(text)
    if fmt == "jsonl":
        return _read_jsonl(text)
    return _read_csv(text)


def _read_json(text: str):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [Problem(0, "", f"不是合法的 JSON（第 {exc.lineno} 行第 {exc.colno} 列）：{exc.msg}")]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        return [], [Problem(0, "", "JSON 文件应是反馈记录的数组（或一条记录）")]
    return [Item(i, rec) for i, rec in enumerate(data, start=1)], []


def _read_jsonl(text: str):
    items, problems = [], []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(Item(n, json.loads(line)))
        except json.JSONDecodeError as exc:
            problems.append(Problem(n, "", f"这一行不是合法的 JSON（第 {exc.colno} 列）：{exc.msg}"))
    return items, problems


def _read_csv(text: str):
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return [], [Problem(0, "", "文件是空的")]
    except csv.Error as exc:
        return [], [Problem(1, "", f"表头无法读取：{exc}")]
    by_label = {zh: name for name, zh, *_ in FEEDBACK_FIELDS} | {name: name for name, *_ in FEEDBACK_FIELDS}
    columns, problems = [], []
    for label in header:
        name = by_label.get(label.strip())
        if name is None:
            problems.append(Problem(1, label, f"表头中有未知的列“{label}”：列名见反馈记录的字段表"))
        elif name in columns:
            problems.append(Problem(1, name, f"表头中“{label}”重复"))
        columns.append(name)
    if problems:
        return [], problems
    items = []
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(reader.line_num, "", f"这一行无法读取：{exc}"))
            break
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(columns):
            problems.append(Problem(reader.line_num, "", f"这一行有 {len(cells)} 列，表头只有 {len(columns)} 列"))
            continue
        record = {}
        for name, cell in zip(columns, cells):
            value = cell.strip()
            if not value:
                continue  # an empty cell: the field is not given
            if name == "row" and value.isdigit():
                value = int(value)
            record[name] = CSV_WORDS.get(name, {}).get(value, value)
        items.append(Item(reader.line_num, record))
    return items, problems


# -- checking ---------------------------------------------------------------------------------------------------
class Checker:
    """The feedback record's schema compiled field by field (fastjsonschema, as the records' fast path), and the
    repository the ids are checked against."""

    def __init__(self, repo, today: _dt.date):
        import fastjsonschema

        self.repo, self.today = repo, today
        self.fields = {name: (fastjsonschema.compile(schema), wrong) for name, _, schema, _, wrong in FEEDBACK_FIELDS}
        self.required = [name for name, _, _, req, _ in FEEDBACK_FIELDS if req]
        self.conditions = [(field, message, fastjsonschema.compile(schema))
                           for field, message, schema in FEEDBACK_CONDITIONS]
        self.whole = fastjsonschema.compile(_draft7(feedback_record_schema()))
        self._measures: dict = {}

    def check(self, item: Item) -> list[Problem]:
        rec, row = item.record, item.row
        if not isinstance(rec, dict):
            return [Problem(row, "", "反馈记录应是一个对象（键：值）")]
        out = [Problem(row, k, "未知的字段") for k in rec if k not in self.fields]
        out += [Problem(row, k, "缺少必填字段") for k in self.required if k not in rec]
        for name, value in rec.items():
            if name in self.fields:
                problem = self._field(name, value)
                if problem:
                    out.append(Problem(row, name, problem))
        bad = {p.field for p in out}
        for field, message, check in self.conditions:
            if not _passes(check, rec) and field not in bad:
                out.append(Problem(row, field, message))
        if not out and not _passes(self.whole, rec):  # the field-by-field checks are the schema, whole
            out.append(Problem(row, "", "不符合反馈记录的模式"))
        bad = {p.field for p in out}
        ok = {k for k in rec if k in self.fields and k not in bad}  # the fields that fit the schema
        return out + [Problem(row, f, m) for f, m in self._meaning(rec, ok)]

    def _field(self, name: str, value) -> str | None:
        import fastjsonschema

        validate, wrong = self.fields[name]
        try:
            validate(value)
            return None
        except fastjsonschema.JsonSchemaValueException as exc:
            rule, definition = exc.rule, exc.rule_definition
        if rule == "type":
            return f"应为{TYPE_ZH.get(definition, definition)}"
        if rule == "enum":
            words = {"subject_type": vocab.SUBJECTS, "result": RESULTS}.get(name, {})
            return "不是可选值之一：" + "、".join(f"{k}（{words.get(k, k)}）" for k in definition)
        if rule == "minLength":
            return "不能为空"
        if rule == "maxLength":
            return f"超过 {definition} 个字"
        if rule == "minimum":
            return f"不能小于 {definition}"
        if rule == "format":
            return "不是存在的日期"
        return wrong or f"不符合要求（{rule}）"

    def _meaning(self, rec: dict, ok: set) -> list[tuple[str, str]]:
        """What the schema cannot say, for the fields that fit the schema (``ok``)."""
        from tools.domain.sanctions import measures_for_list
        from tools.rules.safety import personal_data, uscc_valid

        out = []
        for name in ("uscc", "department_uscc"):
            if name in ok and not uscc_valid(rec[name]):
                out.append((name, "统一社会信用代码的校验位不对（GB 32100）：请核对"))
        for name in FREE_TEXT:
            found = personal_data(rec[name]) if name in ok else None
            if found:
                out.append((name, f"含有{found}：文字字段中不得出现证件号码或手机号码（主体用统一社会信用代码或脱敏证件号码标识）"))
        day = _dt.date.fromisoformat(rec["date"]) if "date" in ok else None
        if day is not None and day > self.today:
            out.append(("date", f"实施日期 {day} 晚于今天（{self.today}）"))
        regime = self.repo.get(rec["list"], "list_regime") if "list" in ok else None
        measure = self.repo.get(rec["measure"], "measure") if "measure" in ok else None
        if "list" in ok and (regime is None or regime.data.get("draft") is True):
            out.append(("list", f"没有 id 为“{rec['list']}”的名单（见 lists.json）"))
        if "measure" in ok and (measure is None or measure.data.get("draft") is True):
            out.append(("measure", f"没有 id 为“{rec['measure']}”的措施（见 measures.json）"))
        if day is None or any(f in ("list", "measure") for f, _ in out) or regime is None or measure is None:
            return out
        key = (regime.id, day)
        if key not in self._measures:
            self._measures[key] = {m["id"]: [r["row"] for r in m["rows"]]
                                   for m in measures_for_list(self.repo, regime, day)}
        rows = self._measures[key].get(measure.id)
        if rows is None:
            out.append(("measure", f"措施“{measure.title}”在 {day} 不是名单“{regime.title}”的惩戒措施"
                                   f"（见 lists/{regime.id}.json）"))
        elif "row" in ok and rec["row"] not in rows:
            out.append(("row", f"措施“{measure.title}”适用于该名单的行是 {'、'.join(map(str, rows))}，没有第 {rec['row']} 行"))
        return out


def _passes(validate, data) -> bool:
    try:
        validate(data)
        return True
    except Exception:  # JsonSchemaValueException: the schema says no
        return False


def _draft7(schema: dict) -> dict:
    """fastjsonschema reads draft 7; the feedback schema uses only keywords that mean the same in both drafts."""
    return {k: v for k, v in schema.items() if k != "$schema"}


def check_file(repo, raw: bytes, name: str, today: _dt.date, fmt: str | None = None) -> tuple[int, list[Problem]]:
    """(number of records read, every problem found) of one feedback file."""
    fmt = fmt or detect(raw, name)
    items, problems = read(raw, fmt)
    checker = Checker(repo, today)
    for item in items:
        problems.extend(checker.check(item))
    return len(items), sorted(problems, key=lambda p: (p.row, _order(p.field)))


def _order(field: str) -> int:
    names = [name for name, *_ in FEEDBACK_FIELDS]
    return names.index(field) if field in names else -1


def line(name: str, fmt: str, p: Problem) -> str:
    """One problem, in Chinese: where (row), which field, what is wrong."""
    where = name if not p.row else f"{name}：第 {p.row} {'条' if fmt == 'json' else '行'}"
    field = f"字段“{FEEDBACK_ZH[p.field]}”（{p.field}）：" if p.field in FEEDBACK_ZH else (
        f"“{p.field}”：" if p.field else "")
    return f"{where}：{field}{p.message}"
