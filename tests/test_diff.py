"""`python -m tools diff`: ADD / MOD / DEL between two editions or two git revisions, field by field."""
from __future__ import annotations

import json
import subprocess

from conftest import write
from tools.cli import main


def _second_edition(repo):
    cat = (repo / "catalogs/cat-2021/catalog.yml").read_text(encoding="utf-8")
    write(repo, "catalogs/cat-2022/catalog.yml",
          cat.replace("id: cat-2021", "id: cat-2022").replace("（2021年版）", "（2022年版）")
          .replace("supersedes: null", "supersedes: cat-2021"))
    entry = (repo / "catalogs/cat-2021/entry-a.yml").read_text(encoding="utf-8")
    # the same item (same name), with another behaviour and one more basis
    write(repo, "catalogs/cat-2022/entry-a-2022.yml",
          entry.replace("id: entry-a", "id: entry-a-2022").replace("behavior: 受到行政处罚", "behavior: 受到行政处罚或处分")
          .replace("basis:\n  - doc: example-law\n    provision: art-1\ncollection", "basis:\n  - doc: example-law\n    provision: art-1\n  - doc: benxi-plan-2021\n    provision: task-2\ncollection"))
    # a new item
    write(repo, "catalogs/cat-2022/entry-b.yml",
          entry.replace("id: entry-a", "id: entry-b").replace("name: 示例处罚信息", "name: 新增示例信息"))


def test_diff_two_editions_text_and_json(mini_repo, capsys):
    _second_edition(mini_repo)
    assert main(["--root", str(mini_repo), "diff", "cat-2021", "cat-2022"]) == 0
    out = capsys.readouterr().out
    assert "ADD 新增 新增示例信息（entry-b" in out
    assert "MOD 修改 示例处罚信息（entry-a-2022" in out
    assert "修改 behavior（对应的具体行为）：受到行政处罚 → 受到行政处罚或处分" in out
    # a citation reads as the document and its article, once (not also as a changed basis[1])
    assert "新增依据 《本溪市进一步完善失信约束制度构建诚信建设长效机制的实施方案》四（一）2" in out
    assert "basis[1]" not in out
    assert main(["--root", str(mini_repo), "diff", "cat-2021", "cat-2022", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in data["added"]] == ["entry-b"] and data["removed"] == []
    assert data["modified"][0]["citations_added"] == ["benxi-plan-2021#task-2"]
    assert data["modified"][0]["fields"] == [{
        "field": "behavior", "path": "behavior", "label": "对应的具体行为", "change": "modified", "change_zh": "修改",
        "old": "受到行政处罚", "new": "受到行政处罚或处分"}]
    # reversed: the new item is a deletion
    assert main(["--root", str(mini_repo), "diff", "cat-2022", "cat-2021", "--format", "json"]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)["removed"]] == ["entry-b"]


def test_diff_without_differences_exits_0(mini_repo, capsys):
    assert main(["--root", str(mini_repo), "diff", "cat-2021", "cat-2021"]) == 0
    assert "新增 0，删除 0，修改 0" in capsys.readouterr().out


def test_diff_of_unknown_or_mismatched_arguments_exits_2(mini_repo, capsys):
    assert main(["--root", str(mini_repo), "diff", "cat-2021", "list-2021"]) == 2
    assert main(["--root", str(mini_repo), "diff", "nope", "nada"]) == 2


def test_diff_two_git_revisions(mini_repo, capsys):
    git = ["git", "-C", str(mini_repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run(git + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "one"], check=True)
    _second_edition(mini_repo)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "two"], check=True)
    assert main(["--root", str(mini_repo), "diff", "HEAD~1", "HEAD", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted(r["id"] for r in data["added"]) == ["cat-2022", "entry-a-2022", "entry-b"]


def _record(kind, data):
    from tools.model.records import Record
    return Record(path="x.yml", kind=kind, data=data)


def test_nested_change_shows_its_path_not_the_whole_mapping():
    from tools.domain.changes import record_changes

    channels = ["信用中国网站", "省信用网站", "市信用网站", "认定部门"]
    old = {"id": "r", "repair": {"channels": channels, "period": "P1Y", "public": True}}
    new = {"id": "r", "repair": {"channels": channels[:2] + ["本溪市信用网站"] + channels[3:], "period": "P1Y",
                                 "public": False}}
    ch = record_changes(_record("list_regime", old), _record("list_regime", new))
    assert [(f["path"], f["change_zh"], f["old"], f["new"]) for f in ch["fields"]] == [
        ("repair.channels[2]", "修改", "市信用网站", "本溪市信用网站"),
        ("repair.public", "修改", "是", "否")]


def test_an_inserted_list_item_is_one_addition_not_every_later_item_changed():
    from tools.domain.changes import record_changes

    rows = [{"content": f"措施{i}"} for i in range(5)]
    old = {"id": "m", "rows": rows}
    new = {"id": "m", "rows": [{"content": "新措施"}] + rows}
    ch = record_changes(_record("measure", old), _record("measure", new))
    assert [(f["path"], f["change"], f["new"]) for f in ch["fields"]] == [("rows[0]", "added", "content: 新措施")]
    edited = {"id": "m", "rows": [{"content": "改过的措施"}] + rows[1:]}
    label = record_changes(_record("measure", old), _record("measure", edited))["fields"]
    assert [(f["path"], f["label"]) for f in label] == [("rows[0].content", "惩戒内容")]  # the row's field, named
    gone = record_changes(_record("measure", new), _record("measure", old))
    assert [(f["path"], f["change_zh"], f["old"]) for f in gone["fields"]] == [("rows[0]", "删除", "content: 新措施")]
