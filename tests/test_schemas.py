"""Generated JSON Schemas: no drift from the cerberus schemas, and the same verdict on every record."""
from __future__ import annotations

import json
from pathlib import Path

import fastjsonschema
import pytest
import yaml

from conftest import MINI, ROOT
from tools.cli import main
from tools.load.layout import classify
from tools.model.repository import load_repository
from tools.load.yaml_loader import load_bytes
from tools.model.jsonschema import render_all
from tools.model.validate import validate

VALIDATORS = {name.removesuffix(".schema.json"): fastjsonschema.compile(json.loads(text))
              for name, text in render_all().items()}


from tools.export.files import _plain as _json  # the same JSON conversion the exports use


def _json_ok(kind, data) -> bool:
    try:
        VALIDATORS[kind](_json(data))
        return True
    except fastjsonschema.JsonSchemaException:
        return False


def test_committed_schemas_match_the_generator(capsys):
    assert main(["schema", "--check"]) == 0


def test_drift_is_detected(tmp_path, capsys):
    out = tmp_path / "schemas"
    assert main(["schema", "--out", str(out)]) == 0
    target = out / "measure.schema.json"
    target.write_text(target.read_text(encoding="utf-8").replace("措施名称", "措施名"), encoding="utf-8")
    assert main(["schema", "--out", str(out), "--check"]) == 1
    assert "measure.schema.json" in capsys.readouterr().err


def _cases():
    for root in (ROOT, MINI):
        repo, _ = load_repository(root)
        for rec in repo.records:
            yield pytest.param(rec.kind, rec.data, rec.tainted, id=f"{root.name}:{rec.path}")
    bad = Path(__file__).parent / "bad_input"
    manifest = yaml.safe_load((bad / "manifest.yml").read_text(encoding="utf-8"))
    for case in manifest:
        kind, _, _ = classify(case["place_at"])
        loaded = load_bytes((bad / case["file"]).read_bytes())
        if kind and loaded.ok:
            yield pytest.param(kind, loaded.data, loaded.tainted, id=f"bad:{case['file']}")


@pytest.mark.parametrize("kind,data,tainted", list(_cases()))
def test_json_schema_and_cerberus_agree(kind, data, tainted):
    if tainted:
        pytest.skip("the loader already reported a value of this file (a YAML trap); the schemas are not asked")
    problems = list(validate(kind, data))
    json_ok = _json_ok(kind, data)
    if json_ok and problems:
        # The one thing JSON (and the editor's YAML 1.2) cannot see: a quoted "2020-01-01" is text, not a date.
        assert all("日期" in message for _, _, message in problems), problems
    else:
        assert json_ok == (not problems), problems


@pytest.mark.parametrize("kind,data,tainted", list(_cases()))
def test_fast_validator_accepts_only_what_cerberus_accepts(kind, data, tainted):
    from tools.model.fast import is_valid

    if tainted:
        pytest.skip("the loader already reported a value of this file")
    cerberus_ok = not list(validate_with_cerberus(kind, data))
    assert is_valid(kind, data) == cerberus_ok


def validate_with_cerberus(kind, data):
    from tools.model.schemas import SCHEMAS
    from tools.model.validate import problems

    return list(problems(kind, SCHEMAS[kind], data))
