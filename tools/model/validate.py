"""Schema validation with cerberus; each error becomes a Chinese finding at the line of the offending field."""
from __future__ import annotations

import unicodedata

import cerberus
import cerberus.errors as ce

from tools.model import vocab
from tools.model.schemas import DURATION_PATTERN, ID_PATTERN, SCHEMAS

_TYPE_ZH = {"string": "文本", "list": "列表", "dict": "映射（键: 值）", "date": "日期（YYYY-MM-DD）",
            "boolean": "布尔值（true/false）", "integer": "整数"}
# every fixed vocabulary (name -> Chinese label), so that "allowed values" messages show the Chinese beside each key
_VOCABS = [getattr(vocab, name) for name in dir(vocab)
           if name.isupper() and isinstance(getattr(vocab, name), dict)
           and all(isinstance(v, str) for v in getattr(vocab, name).values())]

_validators: dict = {}


def _validator(name: str, schema: dict) -> cerberus.Validator:
    v = _validators.get(name)
    if v is None:
        v = _validators[name] = cerberus.Validator(schema, allow_unknown=False)
    return v


def _choices(allowed) -> str:
    """The allowed values with their Chinese labels, taken from the vocabulary the field uses (the one whose keys
    are exactly, or else include, the allowed values)."""
    keys = set(allowed)
    voc = next((v for v in _VOCABS if set(v) == keys), None) or next((v for v in _VOCABS if keys <= set(v)), {})
    return "、".join(f"{a}（{voc[a]}）" if a in voc else str(a) for a in allowed)


def _type_name(value) -> str:
    if isinstance(value, bool):
        return "布尔值"
    if isinstance(value, (int, float)):
        return "数字"
    if isinstance(value, str):
        return "文本"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "映射"
    if value is None:
        return "空值 null"
    return type(value).__name__


def _non_ascii_hint(value: str) -> str:
    odd = [ch for ch in value if ord(ch) > 126 or unicodedata.category(ch) in ("Cf", "Cc", "Zs")]
    if not odd:
        return ""
    shown = "、".join(f"“{ch}”(U+{ord(ch):04X} {unicodedata.name(ch, '不可见字符')})" for ch in odd[:3])
    return f"；其中含非 ASCII 或不可见字符：{shown}"


def _leaves(errors):
    for err in errors:
        if err.is_group_error and err.child_errors:
            yield from _leaves(err.child_errors)
        else:
            yield err


def _message(err, allowed_fields) -> tuple[str, str]:
    """(rule id, Chinese message) for one cerberus leaf error."""
    field = err.field
    if isinstance(field, int):  # an item of a list: name the list and the item
        names = [p for p in err.document_path if isinstance(p, str)]
        field = f"{names[-1] if names else ''}[{field + 1}]"
    code = err.code
    value = err.value
    if code == ce.UNKNOWN_FIELD.code:
        hint = f"；允许的字段：{'、'.join(allowed_fields)}" if allowed_fields else ""
        return "SCHEMA-001", f"未知字段“{field}”（是否拼写有误？）{hint}"
    if code == ce.REQUIRED_FIELD.code:
        return "SCHEMA-002", f"缺少必填字段“{field}”"
    if code == ce.BAD_TYPE.code:
        want = _TYPE_ZH.get(err.constraint, str(err.constraint))
        extra = "（日期请写成不加引号的 YYYY-MM-DD）" if err.constraint == "date" and isinstance(value, str) else ""
        return "SCHEMA-003", f"字段“{field}”应为{want}，实际是{_type_name(value)}{extra}"
    if code == ce.NOT_NULLABLE.code:
        return "SCHEMA-003", f"字段“{field}”不能为空值 null"
    if code == ce.EMPTY_NOT_ALLOWED.code:
        return "SCHEMA-003", f"字段“{field}”不能为空"
    if code == ce.MIN_LENGTH.code:
        return "SCHEMA-003", f"字段“{field}”至少需要 {err.constraint} 项"
    if code == ce.MIN_VALUE.code:
        return "SCHEMA-003", f"字段“{field}”不能小于 {err.constraint}"
    if code in (ce.UNALLOWED_VALUE.code, ce.UNALLOWED_VALUES.code):
        bad = value if code == ce.UNALLOWED_VALUE.code else "、".join(map(str, value))
        choices = _choices(err.constraint)
        return "SCHEMA-004", f"字段“{field}”的取值“{bad}”不在允许范围内；可选：{choices}"
    if code == ce.REGEX_MISMATCH.code:
        if err.constraint == ID_PATTERN:
            return "ID-003", (f"“{value}”不是合法的 id：只能用小写 ASCII 字母、数字、点、下划线和连字符，"
                              f"且以字母或数字开头{_non_ascii_hint(value)}")
        if err.constraint == DURATION_PATTERN:
            return "SCHEMA-005", f"“{value}”不是 ISO 8601 时长：请写 P3M（三个月）、P1Y（一年）、P1Y6M、P15D 等"
        return "SCHEMA-004", f"字段“{field}”的值“{value}”格式不符"
    if code == ce.EXCLUDES_FIELD.code:
        other = "、".join(err.constraint) if isinstance(err.constraint, list) else err.constraint
        hint = "：有 rows 时，内容、对象、依据等写在各行里" if field == "rows" or "rows" in str(other) else "：二者只能写一个"
        return "SCHEMA-006", f"字段“{field}”不能与 {other} 同时出现{hint}"
    return "SCHEMA-003", f"字段“{field}”不符合要求（{err.rule}）"


def _field_schema(schema, path) -> dict:
    """The cerberus rules of the field at a document path (list indexes skipped), or {}."""
    rules = {}
    for part in path:
        if isinstance(part, int):
            inner = rules.get("schema", {})
            rules = inner if inner.get("type") else rules
            schema = inner.get("schema", schema) if isinstance(inner.get("schema"), dict) else schema
            continue
        rules = schema.get(part, {}) if isinstance(schema, dict) else {}
        inner = rules.get("schema", {})
        schema = inner.get("schema", inner) if inner.get("type") == "dict" else inner
    return rules


def _allowed_fields(schema, path):
    """The field names allowed beside the last element of path (for "unknown field" messages)."""
    if len(path) <= 1:
        return list(schema)
    parent = _field_schema(schema, path[:-1])
    inner = parent.get("schema")
    return list(inner) if parent.get("type") == "dict" and isinstance(inner, dict) else []


def validate(kind: str, data: dict, tainted=frozenset()):
    """Yield (rule id, document path, message) for every schema problem of one record."""
    from tools.model.fast import is_valid

    if is_valid(kind, data):  # the compiled validator accepts: cerberus would too
        return
    yield from problems(kind, SCHEMAS[kind], data, tainted)


def problems(name: str, schema: dict, data, tainted=frozenset()):
    """(rule id, document path, Chinese message) for every way data breaks a cerberus schema (named for reuse)."""
    v = _validator(name, schema)
    if v.validate(data):
        return
    for err in _leaves(v._errors):
        path = tuple(err.document_path)
        if any(path[:i] in tainted for i in range(1, len(path) + 1)):
            continue  # the loader already said what is wrong with this value
        allowed = _allowed_fields(schema, path) if err.code == ce.UNKNOWN_FIELD.code else ()
        rule, message = _message(err, allowed)
        override = _field_schema(schema, path).get("meta", {}).get("rule")
        yield override or rule, path, message
