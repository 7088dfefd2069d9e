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


def test_rules_coverage_prints_what_is_left_to_people_as_the_site_does(capsys):
    """The command line shows the same partial coverage as the site's coverage page (one computation)."""
    from tools.domain.plan import coverage_rows
    from tools.model.repository import load_repository
    from tools.rules.coverage import explanations

    assert main(["rules", "--coverage"]) == 0
    out = capsys.readouterr().out
    from pathlib import Path

    repo, _ = load_repository(Path(__file__).resolve().parent.parent)
    rows = coverage_rows(repo, all_rules(), explanations())
    partial = [r for r in rows if r["rules"] and r["reason"]]
    assert partial, "the real plan has clauses checked only in part"
    for row in partial:
        line = next(x for x in out.splitlines() if x.startswith(row["label"] + "\t"))
        assert "留给人工的部分：" + row["reason"] in line
    assert f"共 {len(rows)} 项" in out


def _subparsers():
    import argparse

    from tools.cli import _parser

    parser = _parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return parser, sub.choices


def test_every_argument_of_every_command_has_chinese_help():
    _, commands = _subparsers()
    missing = [f"{name} {a.option_strings or a.dest}" for name, sp in commands.items() for a in sp._actions
               if not a.help]
    assert missing == []


def test_help_and_errors_are_in_chinese_with_suggestions(capsys):
    import pytest

    with pytest.raises(SystemExit) as stop:
        main(["-h"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：python -m tools") and "选项:" in out and "显示本帮助并退出" in out
    assert "usage:" not in out and "options:" not in out and "show this help" not in out
    for argv, expected in ((["lnt"], "“lnt”不是可用的命令。您是否要运行 lint？"),
                           (["lint", "--fromat", "json"], "无法识别的参数：--fromat。您是否要用 --format？"),
                           (["lint", "--format", "xml"], "参数 --format 的值“xml”不可用。可选：text、json、github、sarif"),
                           ([], "缺少必需的参数：命令")):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 2
        err = capsys.readouterr().err
        assert expected in err and err.startswith("用法：") and "error:" not in err, err


def test_schema_check_and_graph_out_say_what_they_did(mini_repo, tmp_path, capsys):
    assert main(["--root", str(mini_repo), "schema", "--out", str(tmp_path / "s")]) == 0
    capsys.readouterr()
    assert main(["--root", str(mini_repo), "schema", "--check", "--out", str(tmp_path / "s")]) == 0
    assert "JSON Schema 与数据模型一致" in capsys.readouterr().out
    assert main(["--root", str(mini_repo), "graph", "--out", str(tmp_path / "g.json")]) == 0
    assert f"到 {tmp_path / 'g.json'}" in capsys.readouterr().out
