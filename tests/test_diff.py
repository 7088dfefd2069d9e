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
    assert "ADD 新增示例信息（entry-b" in out
    assert "MOD 示例处罚信息（entry-a-2022" in out
    assert "behavior: 受到行政处罚 → 受到行政处罚或处分" in out
    assert "+ 依据 benxi-plan-2021#task-2" in out
    assert main(["--root", str(mini_repo), "diff", "cat-2021", "cat-2022", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in data["added"]] == ["entry-b"] and data["removed"] == []
    assert data["modified"][0]["citations_added"] == ["benxi-plan-2021#task-2"]
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
