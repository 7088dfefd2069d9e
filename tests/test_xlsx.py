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
    capsys.readouterr()
    assert main(["--root", str(mini_repo), "import-xlsx", str(out), "--catalog", "cat-2021"]) == 0
    assert "新增 1 条，更新 0 条，未变 1 条" in capsys.readouterr().out  # entry-a is there as it was
    assert (mini_repo / "catalogs/cat-2021/imported-penalty.yml").is_file()


def test_import_of_a_file_that_is_not_a_workbook(mini_repo, tmp_path, capsys):
    bad = tmp_path / "not.xlsx"
    bad.write_bytes(b"not a zip")
    assert main(["--root", str(mini_repo), "import-xlsx", str(bad), "--catalog", "cat-2021"]) == 2
    assert "无法读取工作簿" in capsys.readouterr().err


def _department_book(path, rows, sheet="行政处罚", title="某部门公共信用信息目录（2021年）", merge_category=True):
    """A sheet as departments make it: a merged title row, the header under it, no id column, 信息类别 merged
    down over the rows of one category, Chinese sheet name."""
    columns = [c for c in COLUMNS if c != "id"]
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    ws.append(columns)
    for i, row in enumerate(rows):
        ws.append([row.get(c) if (c != "信息类别" or i == 0 or not merge_category) else None for c in columns])
    if merge_category and len(rows) > 1:
        ws.merge_cells(start_row=3, start_column=1, end_row=2 + len(rows), end_column=1)
    wb.save(path)


DEPT = {k: v for k, v in GOOD.items() if k != "id"}


def test_department_sheet_title_row_merged_cells_chinese_sheet_name(mini_repo, tmp_path, capsys):
    book = tmp_path / "部门目录.xlsx"
    _department_book(book, [{**DEPT, "信息名称": "重大税收违法失信信息"},
                            {**DEPT, "信息名称": "欠缴社会保险费信息", "纳入依据": "《示例法（测试夹具）》第2条"}])
    assert main(["--root", str(mini_repo), "import-xlsx", str(book), "--catalog", "cat-2021"]) == 0, capsys.readouterr()
    out = capsys.readouterr().out
    # ids are readable pinyin of the names (the sheet name is not used)
    first = yaml.safe_load((mini_repo / "catalogs/cat-2021/zhong-da-shui-shou-wei-fa-shi-xin-xin-xi.yml").read_text("utf-8"))
    second = yaml.safe_load((mini_repo / "catalogs/cat-2021/qian-jiao-she-hui-bao-xian-fei-xin-xi.yml").read_text("utf-8"))
    assert "新增 2 条" in out
    # the merged 信息类别 applies to both rows
    assert first["category"] == second["category"] == "penalty"
    # an article written in Arabic numerals is read as the records write it
    assert second["basis"] == [{"doc": "example-law", "provision": "art-2"}]
    assert lint(mini_repo, dt.date(2026, 11, 25)).summary.errors == 0


def test_export_sheet_named_mu_lu_imports_without_an_id_column(mini_repo, tmp_path, capsys):
    out = tmp_path / "out.xlsx"
    assert main(["--root", str(mini_repo), "export-xlsx", "--catalog", "cat-2021", "--out", str(out)]) == 0
    wb = load_workbook(out)
    wb.active.delete_cols(1)  # the id column removed, as a department might
    wb.save(out)
    capsys.readouterr()
    # the sheet 目录 repeats entry-a as it is: recognised by its name, nothing written, nothing refused
    assert main(["--root", str(mini_repo), "import-xlsx", str(out), "--catalog", "cat-2021"]) == 0
    assert "新增 0 条，更新 0 条，未变 1 条，0 行未能导入" in capsys.readouterr().out


def test_date_cell_and_old_excel_and_duplicates_get_clear_messages(mini_repo, tmp_path, capsys):
    book = tmp_path / "book.xlsx"
    _department_book(book, [{**DEPT, "公示期限": dt.datetime(2027, 12, 31)},
                            {**DEPT, "信息名称": "另一项"}, {**DEPT, "信息名称": "另一项"},
                            {**DEPT, "信息名称": "示例处罚信息", "具体行为": "别的行为"}], merge_category=False)
    assert main(["--root", str(mini_repo), "import-xlsx", str(book), "--catalog", "cat-2021"]) == 1
    err = capsys.readouterr().err
    assert "第 3 行：公示期限应写期限的长度" in err and "2027-12-31”" in err and "00:00:00" not in err
    assert "第 5 行：信息名称“另一项”与工作表“行政处罚”第 4 行重复" in err
    # the same name as an existing entry: not imported as a second entry; --update is offered
    assert "第 6 行：条目 entry-a" in err and "--update" in err
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 512)
    assert main(["--root", str(mini_repo), "import-xlsx", str(xls), "--catalog", "cat-2021"]) == 2
    err = capsys.readouterr().err
    assert "旧版 Excel 格式（.xls）" in err and "另存为" in err


def test_update_changes_only_what_the_sheet_says_and_keeps_the_rest(mini_repo, tmp_path, capsys):
    path = mini_repo / "catalogs/cat-2021/entry-a.yml"
    path.write_text("# 一条注释，更新后仍在\n" + path.read_text("utf-8").replace("verified: false", "verified: true"),
                    encoding="utf-8")
    before = yaml.safe_load(path.read_text("utf-8"))
    out = tmp_path / "out.xlsx"
    assert main(["--root", str(mini_repo), "export-xlsx", "--catalog", "cat-2021", "--out", str(out)]) == 0
    wb = load_workbook(out)
    ws = wb.active
    behaviour = COLUMNS.index("具体行为") + 1
    ws.cell(row=2, column=behaviour, value="受到行政处罚或者行政处分")
    wb.save(out)
    capsys.readouterr()
    assert main(["--root", str(mini_repo), "import-xlsx", str(out), "--catalog", "cat-2021"]) == 1
    assert "具体行为与它不同" in capsys.readouterr().err
    assert yaml.safe_load(path.read_text("utf-8")) == before  # nothing written without --update
    assert main(["--root", str(mini_repo), "import-xlsx", str(out), "--catalog", "cat-2021", "--update"]) == 0
    text = capsys.readouterr().out
    assert "已更新：catalogs/cat-2021/entry-a.yml（具体行为）；已改为未核实" in text
    assert "证据等级仍为“官方数据库文本的副本”" in text and "请确认" in text  # the facts changed, the grade did not
    after_text = path.read_text("utf-8")
    after = yaml.safe_load(after_text)
    assert after_text.startswith("# 一条注释，更新后仍在")
    assert after["behavior"] == "受到行政处罚或者行政处分" and after["verified"] is False
    assert {k: v for k, v in after.items() if k not in ("behavior", "verified")} == \
        {k: v for k, v in before.items() if k not in ("behavior", "verified")}
    assert lint(mini_repo, dt.date(2026, 11, 25)).summary.errors == 0


def test_the_grade_of_evidence_goes_out_and_comes_back_in_words(mini_repo, tmp_path, capsys):
    out = tmp_path / "out.xlsx"
    assert main(["--root", str(mini_repo), "export-xlsx", "--catalog", "cat-2021", "--out", str(out)]) == 0
    wb = load_workbook(out)
    ws = wb.active
    grade = COLUMNS.index("证据等级") + 1
    assert ws.cell(row=2, column=grade).value == "官方数据库文本的副本"
    ws.cell(row=2, column=grade, value="推断重构（不作为事实）")
    for changes in ({"信息名称": "新的信息", "证据等级": "secondary"}, {"信息名称": "第三条", "证据等级": "听说的"}):
        row = {**GOOD, "id": None, **changes}
        ws.append([row.get(c) for c in COLUMNS])
    wb.save(out)
    capsys.readouterr()
    assert main(["--root", str(mini_repo), "import-xlsx", str(out), "--catalog", "cat-2021", "--update"]) == 1
    text, err = capsys.readouterr()
    entry = yaml.safe_load((mini_repo / "catalogs/cat-2021/entry-a.yml").read_text("utf-8"))
    assert entry["evidence"] == "reconstructed" and entry["verified"] is False
    assert "（证据等级）" in text and "证据等级仍为" not in text  # the sheet stated the grade: nothing to confirm
    new = [p for p in (mini_repo / "catalogs/cat-2021").glob("*.yml")
           if yaml.safe_load(p.read_text("utf-8")).get("name") == "新的信息"]
    assert len(new) == 1 and yaml.safe_load(new[0].read_text("utf-8"))["evidence"] == "secondary"
    assert "第 4 行" in err and "证据等级“听说的”应为" in err
