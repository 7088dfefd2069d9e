"""`tools new` writes a lint-clean draft; `tools owners` generates CODEOWNERS from owners.yml."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml

from conftest import ROOT, write
from tools.build import build
from tools.cli import main
from tools.lint import lint

CASES = [
    ("document", ["--jurisdiction", "liaoning"], "policies/liaoning/new-doc.yml"),
    ("entry", ["--catalog", "cat-2021"], "catalogs/cat-2021/new-entry.yml"),
    ("measure", ["--list", "list-2021"], "sanction_lists/measures/list-2021/new-measure.yml"),
    ("list", [], "sanction_lists/name_lists/new-list.yml"),
]


@pytest.mark.parametrize("kind,extra,path", CASES)
def test_new_writes_a_draft_that_lints_without_errors(mini_repo, capsys, kind, extra, path):
    rid = path.rsplit("/", 1)[1][:-4]
    assert main(["--root", str(mini_repo), "new", kind, "--id", rid, "--name", "新建测试", *extra]) == 0
    assert (mini_repo / path).is_file()
    out = capsys.readouterr().out
    assert "DRAFT-001" in out and "Traceback" not in out
    result = lint(mini_repo, dt.date(2026, 11, 25))
    assert result.summary.errors == 0
    assert [f.rule for f in result.findings if f.path == path and f.rule == "DRAFT-001"] == ["DRAFT-001"]
    text = (mini_repo / path).read_text(encoding="utf-8")
    assert "draft: true" in text and "（待填写）" in text and "#" in text  # allowed values in comments
    # no choice is made for the editor: every vocabulary field is left to fill, none pre-filled with a guess
    data = yaml.safe_load(text)
    chosen = {"document": ["level", "form", "status"], "entry": ["information_kind", "provider_type", "nature"],
              "measure": ["category"], "list": ["domain", "jurisdiction", "determined_by"]}[kind]
    assert [data[k] for k in chosen] == ["（待填写）"] * len(chosen)
    if kind == "list":
        assert data["authority"][0]["lowest_level"] == data["authority"][0]["kind"] == "（待填写）"


def test_new_refuses_to_overwrite_or_guess(mini_repo, capsys):
    assert main(["--root", str(mini_repo), "new", "entry", "--id", "entry-a", "--name", "x", "--catalog", "cat-2021"]) == 2
    assert main(["--root", str(mini_repo), "new", "entry", "--id", "x", "--name", "x", "--catalog", "no-such"]) == 2
    assert main(["--root", str(mini_repo), "new", "measure", "--id", "x", "--name", "x"]) == 2
    assert main(["--root", str(mini_repo), "new", "list", "--id", "Bad_Id", "--name", "x"]) == 2


def test_build_does_not_publish_drafts(site_repo, capsys):
    assert main(["--root", str(site_repo), "new", "list", "--id", "draft-list", "--name", "草稿名单"]) == 0
    assert build(site_repo) == 1
    assert not (site_repo / "site").exists()
    assert "draft-list.yml" in capsys.readouterr().err


def test_owners_generated_and_drift_checked(mini_repo, capsys):
    write(mini_repo, "owners.yml", "default: ['@team/maintainers']\nrules:\n"
                                   "  - paths: ['/catalogs/*/entry-*', '/sanction_lists/name_lists/']\n"
                                   "    keywords: [示例部门]\n    reviewers: ['@team/example']\n")
    assert main(["--root", str(mini_repo), "owners"]) == 0
    text = (mini_repo / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert "* @team/maintainers" in text
    assert "/catalogs/*/entry-* @team/maintainers @team/example" in text
    assert "/sanction_lists/name_lists/ @team/maintainers @team/example" in text
    assert main(["--root", str(mini_repo), "owners", "--check"]) == 0
    # a new record under a pattern needs no regeneration: the check still passes
    assert main(["--root", str(mini_repo), "new", "entry", "--id", "entry-new", "--name", "新条目", "--catalog",
                 "cat-2021"]) == 0
    assert main(["--root", str(mini_repo), "owners", "--check"]) == 0
    write(mini_repo, "owners.yml", "default: ['@team/other']\n")
    assert main(["--root", str(mini_repo), "owners", "--check"]) == 1


def test_owners_suggest_names_records_no_pattern_covers(mini_repo, capsys):
    from tools.authoring.owners import reviewers_of

    mapping = {"default": ["@m"], "rules": [{"paths": ["/catalogs/*/entry-*"], "keywords": ["示例部门"],
                                             "reviewers": ["@x"]}]}
    assert reviewers_of(mapping, "catalogs/cat-2021/entry-a.yml") == ["@x"]
    assert reviewers_of(mapping, "catalogs/cat-2021/sub/entry-a.yml") == []
    write(mini_repo, "owners.yml", "default: ['@m']\nrules:\n  - paths: ['/catalogs/*/entry-*']\n"
                                   "    keywords: [示例部门]\n    reviewers: ['@x']\n")
    assert main(["--root", str(mini_repo), "owners", "--suggest"]) == 0
    out = capsys.readouterr().out
    assert "sanction_lists/name_lists/regime-a.yml：出现“示例部门”" in out and "catalogs/cat-2021/entry-a.yml：" not in out


def test_repository_codeowners_is_current(capsys):
    assert main(["--root", str(ROOT), "owners", "--check"]) == 0


@pytest.mark.parametrize("kind,extra,path", CASES)
def test_removing_draft_leaves_no_template_text_unreported(mini_repo, capsys, kind, extra, path):
    """Deleting draft: true without filling the template: every （待填写） and placeholder basis is a DRAFT-002 error."""
    rid = path.rsplit("/", 1)[1][:-4]
    assert main(["--root", str(mini_repo), "new", kind, "--id", rid, "--name", "新建测试", *extra]) == 0
    target = mini_repo / path
    target.write_text(target.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    found = [f for f in lint(mini_repo, dt.date(2026, 11, 25)).findings if f.path == path and f.rule == "DRAFT-002"]
    text = target.read_text(encoding="utf-8")
    in_values = sum(line.split("#", 1)[0].count("（待填写）") for line in text.splitlines())
    assert in_values and len(found) >= in_values
    assert all(f.severity == "error" for f in found)
    if "（占位" in text:
        assert any("占位的依据" in f.message for f in found)
