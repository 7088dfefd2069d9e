"""A compiled JSON-Schema validator that lets valid records skip cerberus.

cerberus stays the single source of the schemas and of the Chinese messages: a record the compiled validator
accepts is one cerberus accepts too (tested on every record and bad fixture), and only records it rejects are
handed to cerberus for the messages. The validators are compiled in memory when first needed (about 0.1 s for
all kinds); no generated code is written to or executed from disk.
"""
from __future__ import annotations

from tools.model.jsonschema import json_schema, schema_object
from tools.model.schemas import SCHEMAS

_validators: dict = {}  # kind -> compiled function: a memo of pure functions of the (constant) schemas


def _compile(kind: str):
    import fastjsonschema

    return fastjsonschema.compile(json_schema(kind, python=True))


def is_valid(kind: str, data) -> bool:
    fn = _validators.get(kind)
    if fn is None:
        if kind not in SCHEMAS:
            return False
        fn = _validators[kind] = _compile(kind)
    try:
        fn(data)
        return True
    except Exception:  # JsonSchemaValueException, or anything odd: let cerberus decide
        return False


def warm_up() -> None:
    """Compile every kind's validator now (before a process pool forks, so that workers inherit them)."""
    for kind in SCHEMAS:
        if kind not in _validators:
            _validators[kind] = _compile(kind)


def is_valid_against(name: str, schema: dict, data) -> bool:
    """The same fast path for a schema that is not a record kind's (``name`` keys the compiled function)."""
    fn = _validators.get(name)
    if fn is None:
        import fastjsonschema

        fn = _validators[name] = fastjsonschema.compile(schema_object(schema, python=True))
    try:
        fn(data)
        return True
    except Exception:
        return False
