"""A compiled JSON-Schema validator that lets valid records skip cerberus.

cerberus stays the single source of the schemas and of the Chinese messages: a record the compiled validator
accepts is one cerberus accepts too (tested on every record and bad fixture), and only records it rejects are
handed to cerberus for the messages. The generated validator code is cached per schema version, so a run does
not pay for compiling it.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from pathlib import Path

from tools.model.jsonschema import json_schema
from tools.model.schemas import SCHEMAS

_validators: dict = {}


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "benxi-credit"


def _load(kind: str):
    import fastjsonschema

    schema = json_schema(kind, python=True)
    digest = hashlib.sha256(json.dumps(schema, sort_keys=True).encode()).hexdigest()[:16]
    path = cache_dir() / f"validator-{kind}-{digest}.py"
    if not path.is_file():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(fastjsonschema.compile_to_code(schema), encoding="utf-8")
            tmp.replace(path)
        except OSError:
            return fastjsonschema.compile(schema)  # no writable cache: compile in memory
    try:
        spec = importlib.util.spec_from_file_location(f"_benxi_validator_{kind}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.validate
    except Exception:  # a corrupt cache file: ignore it
        return fastjsonschema.compile(schema)


def is_valid(kind: str, data) -> bool:
    fn = _validators.get(kind)
    if fn is None:
        fn = _validators[kind] = _load(kind) if kind in SCHEMAS else None
    if fn is None:
        return False
    try:
        fn(data)
        return True
    except Exception:  # JsonSchemaValueException, or anything odd: let cerberus decide
        return False


def warm_up() -> None:
    """Load every kind's validator now (before a process pool forks, so that workers inherit them)."""
    for kind in SCHEMAS:
        if kind not in _validators:
            _validators[kind] = _load(kind)
