"""Excel round trip: a workbook in the departments' layout becomes draft entries; bad rows are named by row."""
from __future__ import annotations

import datetime as dt

import yaml
from openpyxl import Workbook, load_workbook

from tools.cli import main
from tools.lint import lint
from tools.authoring.xlsx import COLUMNS


def _workbook(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "目录"
    ws.append(COLUMNS)
    for row in rows:
        ws.append([row.get(c) for c in COLUMNS])
    wb.save(path)


GOOD = {"id": "imported-penalty", "信息类别": "行政处罚信息", "信息名称": "导入的处罚信息", "具体行为": "受到行政处罚",
        "提供单位": "示例部门、另一部门", "数据来源": "处罚决定书", "性质分类": "失信信息", "适用主体": "法人、自然人",
        "纳入依据": "《示例法（测试夹具）》第一条、第二条", "共享属性": "有条件共享", "公开属性": "社会公开",
        "公示期限": "3个月至1年"}


def test_import_good_and_bad_rows(mini_repo, tmp_path, capsys):
    book = tmp_path / "catalog.xlsx"
    _workbook(book, [
        GOOD,
        {**GOOD, "id": "no-basis", "纳入依据": ""},                       # row 3: required column empty
        {**GOOD, "id": "bad-category", "信息类别": "不存在的类别"},         # row 4
        {**GOOD, "id": "bad-basis", "纳入依据": "《不存在的法》第一条"},      # row 5
        {**GOOD, "id": "bad-period", "公示期限": "永久"},                   # row 6
        {**GOOD, "id": "Bad_ID"},                                          # row 7
        {**GOOD, "id": "bad-article", "纳入依据": "《示例法（测试夹具）》第九十九条"},  # row 8
    ])
    assert main(["--root", str(mini_repo), "import-xlsx", str(book), "--catalog", "cat-2021"]) == 1
    out, err = capsys.readouterr()
    for row in (3, 4, 5, 6, 7, 8):
        assert f"工作表“目录”第 {row} 行" in err, err
    assert "第 2 行" not in err and "Traceback" not in out + err
    data = yaml.safe_load((mini_repo / "catalogs/cat-2021/imported-penalty.yml").read_text(encoding="utf-8"))
    assert data["category"] == "penalty" and data["nature"] == "adverse"
    assert data["subjects"] == ["legal_person", "natural_person"]
    assert data["basis"] == [{"doc": "example-law", "provision": "art-1"}, {"doc": "example-law", "provision": "art-2"}]
    assert data["publication_period"] == {"minimum": "P3M", "maximum": "P1Y"} and data["draft"] is True
    result = lint(mini_repo, dt.date(2026, 11, 25))
    assert result.summary.errors == 0  # imported rows are drafts: what is missing is a warning


def test_export_writes_the_same_layout_back(mini_repo, tmp_path, capsys):
    book = tmp_path / "in.xlsx"
    _workbook(book, [GOOD])
    assert main(["--root", str(mini_repo), "import-xlsx", str(book), "--catalog", "cat-2021"]) == 0
    out = tmp_path / "out.xlsx"
    assert main(["--root", str(mini_repo), "export-xlsx", "--catalog", "cat-2021", "--out", str(out)]) == 0
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == COLUMNS
    exported = {r[0]: dict(zip(COLUMNS, r)) for r in rows[1:]}
    back = exported["imported-penalty"]
    for column in ("信息类别", "信息名称", "具体行为", "性质分类", "适用主体", "共享属性", "公开属性", "公示期限"):
        assert back[column] == GOOD[column], column
    assert back["纳入依据"] == "《示例法（测试夹具）》第一条《示例法（测试夹具）》第二条"
    # and the exported sheet imports again into a fresh edition folder without problems
    (mini_repo / "catalogs/cat-2021/imported-penalty.yml").unlink()
    assert main(["--root", str(mini_repo), "import-xlsx", str(out), "--catalog", "cat-2021"]) == 1  # entry-a exists
    assert "entry-a" in capsys.readouterr().err
    assert (mini_repo / "catalogs/cat-2021/imported-penalty.yml").is_file()


def test_import_of_a_file_that_is_not_a_workbook(mini_repo, tmp_path, capsys):
    bad = tmp_path / "not.xlsx"
    bad.write_bytes(b"not a zip")
    assert main(["--root", str(mini_repo), "import-xlsx", str(bad), "--catalog", "cat-2021"]) == 2
    assert "无法读取工作簿" in capsys.readouterr().err
