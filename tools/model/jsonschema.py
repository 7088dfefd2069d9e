"""JSON Schemas generated from the cerberus schemas (one source of truth), for editors and fast validation.

Dates are described as the project means them: unquoted YYYY-MM-DD. The editor's YAML 1.2 language server reads
them as strings; the lint (YAML 1.1) reads them as dates and rejects the 1.1 traps (yes/no/on/off) itself.
"""
from __future__ import annotations

import json

from tools.model import vocab
from tools.model.schemas import SCHEMAS

DRAFT = "http://json-schema.org/draft-07/schema#"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_VOCABS = [getattr(vocab, name) for name in dir(vocab) if name.isupper() and isinstance(getattr(vocab, name), dict)]


def _labels(values):
    out = []
    for v in values:
        out.append(next((f"{v}：{voc[v]}" for voc in _VOCABS if v in voc and isinstance(voc[v], str)), v))
    return out


# The loader gives dates as datetime.date. For validating loaded records in Python, a date field accepts exactly
# what is none of the JSON types (so a quoted "2020-01-01" string still fails, as it does in cerberus).
_PY_DATE = {"not": {"type": ["string", "number", "boolean", "array", "object", "null"]}}


def _field(rules: dict, python: bool = False) -> dict:
    kind = rules.get("type")
    out: dict = {}
    zh = rules.get("meta", {}).get("zh")
    if zh:
        out["description"] = zh
    if kind == "string":
        out["type"] = "string"
        if rules.get("empty") is False:
            out["minLength"] = 1
        if "regex" in rules:
            out["pattern"] = rules["regex"]
        if "allowed" in rules:
            out["enum"] = list(rules["allowed"])
            out["enumDescriptions"] = _labels(rules["allowed"])
    elif kind == "date":
        if python:
            out.update(_PY_DATE) if not rules.get("nullable") else out.update(
                {"not": {"type": ["string", "number", "boolean", "array", "object"]}})
            return out
        out.update(type="string", pattern=DATE_PATTERN, format="date")
    elif kind == "boolean":
        out["type"] = "boolean"
    elif kind in ("integer", "number"):
        out["type"] = kind
        if "min" in rules:
            out["minimum"] = rules["min"]
    elif kind == "list":
        out["type"] = "array"
        if "minlength" in rules:
            out["minItems"] = rules["minlength"]
        if "schema" in rules:
            out["items"] = _field(rules["schema"], python)
    elif kind == "dict":
        out.update(_object(rules.get("schema", {}), python))
    if rules.get("nullable"):
        if "type" in out:
            out["type"] = [out["type"], "null"]
        if "enum" in out:
            out["enum"] = out["enum"] + [None]
    return out


def schema_object(schema: dict, python: bool = False) -> dict:
    """The JSON Schema of any cerberus schema (records' kinds, decide's cases)."""
    return {"$schema": DRAFT, **_object(schema, python)}


def _object(schema: dict, python: bool = False) -> dict:
    props = {name: _field(rules, python) for name, rules in schema.items()}
    out = {"type": "object", "properties": props, "additionalProperties": False}
    required = sorted(name for name, rules in schema.items() if rules.get("required"))
    if required:
        out["required"] = required
    deps = {}
    for name, rules in schema.items():
        excl = rules.get("excludes")
        if excl:
            excl = [excl] if isinstance(excl, str) else list(excl)
            deps[name] = {"not": {"anyOf": [{"required": [e]} for e in excl]}}
    if deps:
        out["dependencies"] = deps
    return out


def json_schema(kind: str, python: bool = False) -> dict:
    """The JSON Schema of a record kind; python=True for validating loaded records (dates as date objects)."""
    return {"$schema": DRAFT, "title": vocab.KINDS.get(kind, "豁免清单"), **_object(SCHEMAS[kind], python)}


def render_all() -> dict[str, str]:
    """file name -> JSON text for every record kind."""
    return {f"{kind}.schema.json": json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            for kind in SCHEMAS}
