"""The CLI contract: commands, exit codes, and no traceback for a user's mistake."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from tools.cli import main
from tools.rules import all_rules


def test_rules_lists_every_rule_with_its_clause(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out.splitlines()
    ids = [line.split("\t")[0] for line in out]
    assert ids == [r.id for r in all_rules()]
    ref = next(line for line in out if line.startswith("REF-003\t"))
    assert ref.endswith("\t方案五（三）"), "the clause as the plan writes it"


def test_graph_json_and_graphml(mini_repo, capsys, tmp_path):
    assert main(["--root", str(mini_repo), "graph"]) == 0
    data = json.loads(capsys.readouterr().out)
    kinds = {n["id"]: n["kind"] for n in data["nodes"]}
    assert kinds["measure-a"] == "measure" and kinds["example-law#art-1"] == "provision"
    out = tmp_path / "g.graphml"
    assert main(["--root", str(mini_repo), "graph", "--format", "graphml", "--out", str(out)]) == 0
    root = ET.parse(out).getroot()
    assert root.tag.endswith("graphml")


def test_nonexistent_path_is_a_usage_error(mini_repo, capsys):
    assert main(["--root", str(mini_repo), "lint", str(mini_repo / "nope.yml")]) == 2
    assert "路径不存在" in capsys.readouterr().err


def test_path_outside_repository_is_a_usage_error(mini_repo, tmp_path, capsys):
    outside = tmp_path / "elsewhere.yml"
    outside.write_text("id: x\n", encoding="utf-8")
    assert main(["--root", str(mini_repo), "lint", str(outside)]) == 2
    assert "不在仓库" in capsys.readouterr().err


def test_internal_failure_exits_2(mini_repo, capsys, monkeypatch):
    import tools.lint.engine as engine

    def boom(*a, **k):
        raise RuntimeError("simulated")

    monkeypatch.setattr(engine, "load_repository", boom)
    assert main(["--root", str(mini_repo), "lint"]) == 2
    assert "内部错误" in capsys.readouterr().err


def test_build_refuses_to_publish_with_errors(mini_repo, capsys):
    (mini_repo / "catalogs/cat-2021/entry-a.yml").write_text("id: entry-a\n", encoding="utf-8")
    assert main(["--root", str(mini_repo), "build"]) == 1
    assert not (mini_repo / "site").exists()
    assert "SCHEMA-002" in capsys.readouterr().err
