"""What a case for ``decide`` is: the input contract (field names are fixed), checked with the same Chinese
messages as the records, dates read from YAML dates or ISO strings.

A case is checked against the schema of its kind; the checked case is a plain dict with dates as dates.
"""
from __future__ import annotations

import datetime as _dt

from tools.model import vocab
from tools.model.fast import is_valid_against
from tools.model.schemas import _f, enum, enums, ident, text
from tools.model.validate import problems

CASE_KINDS = {"penalty": "行政处罚", "listing": "列入严重失信主体名单", "repair": "申请信用修复"}
PROCEDURES = {"simplified": "简易程序", "ordinary": "普通程序"}
DATE_FIELDS = ("as_of", "decided_on", "listed_on", "applied_on")


def _date(zh, required=False):
    return _f(zh, type="date", required=required)


def _flag(zh):
    return _f(zh, type="boolean")


COMMON = {
    "case": enum("案件类型", CASE_KINDS, required=True),
    "as_of": _date("基准日（默认今天）"),
    "subject": enum("信用主体类型", vocab.SUBJECTS, required=True),
    "name": text("案件名称（可选，只用于显示）"),
}
PENALTY_FIELDS = {
    "decided_on": _date("处罚决定书作出日期"),
    "procedure": enum("处罚程序", PROCEDURES),
    "minor_corrected": _flag("违法行为轻微并主动消除或减轻危害后果"),
    "first_offense_corrected": _flag("初次违法且危害后果轻微并及时改正"),
    "severity": enum("失信程度", vocab.SEVERITIES),
    "information": ident("目录条目 id（默认现行全国基础目录的“行政处罚信息”）"),
    "penalties": _f("处罚种类和金额", type="list", schema={"type": "dict", "schema": {
        "type": text("处罚种类，如 警告、罚款、吊销许可证件", required=True),
        "amount_yuan": _f("罚款金额（元）", type="number", min=0),
    }}),
}
LISTING_FIELDS = {
    "list": ident("严重失信主体名单制度 id"),
    "listed_on": _date("列入日期"),
    "matter": text("办理的业务事项，如 政府采购"),
}
REPAIR_FIELDS = {
    "applied_on": _date("申请修复的日期", required=True),
    "materials": enums("提交的申请材料", vocab.REPAIR_MATERIALS, minlength=0),
}


def _required(fields: dict, *names) -> dict:
    return {k: ({**v, "required": True} if k in names else v) for k, v in fields.items()}


SCHEMAS = {
    "penalty": {**COMMON, **_required(PENALTY_FIELDS, "decided_on", "procedure")},
    "listing": {**COMMON, **_required(LISTING_FIELDS, "list", "listed_on")},
    "repair": {**COMMON, **PENALTY_FIELDS, **LISTING_FIELDS, **_required(REPAIR_FIELDS, "materials")},
}


def _as_date(value):
    """A date from a YAML date or an ISO string; None when it is neither (the schema then says so)."""
    if isinstance(value, _dt.datetime):
        return None
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def check(raw, today: _dt.date) -> tuple[dict | None, list[tuple[str, str]]]:
    """(the checked case, []) or (None, [(field, Chinese message), …])."""
    if not isinstance(raw, dict):
        return None, [("", "一个案件应是“字段: 值”的映射")]
    kind = raw.get("case")
    if not isinstance(kind, str) or kind not in SCHEMAS:
        choices = "、".join(f"{k}（{v}）" for k, v in CASE_KINDS.items())
        return None, [("case", f"字段“case”的取值“{kind}”不在允许范围内；可选：{choices}" if kind is not None
                       else f"缺少必填字段“case”；可选：{choices}")]
    case, errors = dict(raw), []
    for name in DATE_FIELDS:
        value = case.get(name)
        if name in case and (isinstance(value, _dt.datetime) or not isinstance(value, _dt.date)):
            parsed = _as_date(value)
            if parsed is None:
                errors.append((name, f"字段“{name}”的值“{case[name]}”不是存在的日期：请写成 YYYY-MM-DD"))
            else:
                case[name] = parsed
    if errors or not is_valid_against(f"case-{kind}", SCHEMAS[kind], case):  # cerberus only for its messages
        errors += [(".".join(str(p) for p in path), message)
                   for _rule, path, message in problems(f"case-{kind}", SCHEMAS[kind], case)
                   if not any(path and path[0] == name for name, _ in errors)]
    if errors:
        return None, errors
    case.setdefault("as_of", today)
    errors += _coherence(case)
    return (None, errors) if errors else (case, [])


def _coherence(case: dict) -> list[tuple[str, str]]:
    """What the schema cannot say: which fields a repair case needs, and dates in order."""
    out = []
    if case["case"] == "repair":
        on_list, on_info = "list" in case, "information" in case or "decided_on" in case
        if on_list == on_info:
            out.append(("list", "申请修复的案件须写明所修复的信息：information 和 decided_on（行政处罚等失信信息），"
                                "或 list 和 listed_on（严重失信主体名单），二者选一"))
        elif on_list and "listed_on" not in case:
            out.append(("listed_on", "缺少必填字段“listed_on”（列入名单的日期）"))
        elif on_info and "decided_on" not in case:
            out.append(("decided_on", "缺少必填字段“decided_on”（处罚决定书作出日期）"))
    start_field = "decided_on" if "decided_on" in case else "listed_on"
    start = case.get(start_field)
    if start is not None:
        for later in ("as_of", "applied_on"):
            if case.get(later) is not None and case[later] < start:
                out.append((later, f"{later} {case[later]} 早于 {start_field} {start}：基准日和申请日期不能早于决定或列入的日期"))
    return out
