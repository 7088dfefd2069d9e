"""The 双公示 feed audit (`python -m tools audit`): every planted error is found at its row and column, no clean row
gets a finding, in CSV (UTF-8, UTF-8 with BOM, GBK, GB18030) and XLSX; unusable input exits 2 with a Chinese
message and writes nothing; the reports carry what the office needs and never a full identity number or a
natural person's name."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT

from tools.audit import checks as C
from tools.audit import generate as g
from tools.audit.columns import resident_id_ok, uscc_ok
from tools.cli import main
from tools.domain import codes, feeds
from tools.domain.decide import last_day
from tools.domain.workdays import add_working_days
from tools.model import shuanggongshi as sgs
from tools.model.repository import load_repository

AS_OF = g.AS_OF.isoformat()


@pytest.fixture(scope="module")
def repo():
    return load_repository(ROOT)[0]


def audit(capsys, *args) -> tuple[int, str, str]:
    code = main(["audit", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def findings(capsys, path: Path, kind: str, *extra) -> tuple[int, dict]:
    code, out, err = audit(capsys, path, "--kind", kind, "--as-of", AS_OF, "--format", "json", *extra)
    assert code in (0, 1), err
    return code, json.loads(out)


def found_set(doc) -> set:
    return {(f["row"], f["column"], f["rule"]) for f in doc["findings"]}


# -- planted errors, every format ----------------------------------------------------------------------------------

@pytest.mark.parametrize("kind,fmt,kw", [
    ("penalty", "utf-8", {}),
    ("penalty", "utf-8-sig", {}),
    ("penalty", "gbk", {}),
    ("penalty", "gb18030", {"procedure": True}),
    ("penalty", "xlsx", {}),
    ("license", "utf-8", {}),
    ("license", "gbk", {}),
    ("license", "xlsx", {}),
])
def test_every_planted_error_is_found_at_its_row_and_column_and_nothing_else(tmp_path, capsys, kind, fmt, kw):
    path = tmp_path / ("feed.xlsx" if fmt == "xlsx" else "feed.csv")
    n = 320
    planted = g.write_xlsx(path, kind, n, every=7, **kw) if fmt == "xlsx" else \
        g.write_csv(path, kind, n, encoding=fmt, every=7, **kw)
    code, doc = findings(capsys, path, kind)
    assert code == 1
    found = found_set(doc)
    assert set(planted) - found == set()  # every planted error, at its row and column
    assert found - set(planted) == set()  # and no finding anywhere else: clean rows stay clean
    rules = {rule for _, _, rule in planted}
    assert len(rules) >= (20 if kind == "penalty" else 6)  # the plants cover the checks, not one or two
    assert doc["summary"]["records"] == n


def test_a_clean_feed_exits_0(tmp_path, capsys):
    path = tmp_path / "clean.csv"
    g.write_csv(path, "penalty", 300, every=0)
    code, doc = findings(capsys, path, "penalty")
    assert code == 0 and doc["findings"] == []
    assert doc["summary"]["rows_with_errors"] == 0 and doc["summary"]["late_rate"] == 0


def test_warnings_alone_exit_0(tmp_path, capsys):
    path = tmp_path / "warn.csv"
    header, body, _ = g.rows("penalty", 3, every=0)
    body = list(body)
    body[1][header.index("处罚类别")], body[1][header.index("处罚内容")] = "警告", "警告"
    body[1][header.index("罚款金额(万元)")] = ""
    _write(path, header, body)
    code, doc = findings(capsys, path, "penalty")
    assert code == 0 and [(f["row"], f["rule"], f["severity"]) for f in doc["findings"]] == [(3, "SGS-080", "warning")]


def _write(path: Path, header, body, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(body)


def test_rows_are_the_spreadsheet_rows_across_quoted_line_breaks_and_small_blocks(tmp_path, capsys):
    """A cell with line breaks is one spreadsheet row; blocks cut anywhere (64 KiB here) keep the numbering."""
    header, body, _ = g.rows("penalty", 600, every=0)
    body = list(body)
    fact = header.index("违法事实")
    for r in body[::5]:
        r[fact] = r[fact] + "\n（附件：现场照片\r\n、笔录，\"原件\"存档）"
    body[450][header.index("处罚决定日期")] = "2026-13-01"
    path = tmp_path / "multiline.csv"
    _write(path, header, body)
    code, doc = findings(capsys, path, "penalty", "--block-mb", "1")
    assert [(f["row"], f["rule"]) for f in doc["findings"]] == [(452, "SGS-022")]
    from tools.audit.engine import Options, audit as run_audit

    result = run_audit([path], Options("penalty", g.AS_OF, block_bytes=64 << 10), load_repository(ROOT)[0],
                       tmp_path / "work")
    assert [(f["row"], f["rule"]) for f in result.findings()] == [(452, "SGS-022")]


def test_a_missing_required_column_and_an_unknown_one_are_named_on_the_header_row(tmp_path, capsys):
    header, body, _ = g.rows("penalty", 5, every=0)
    body = list(body)
    drop = header.index("处罚依据")
    header = [h for i, h in enumerate(header) if i != drop] + ["经办人"]
    body = [[v for i, v in enumerate(r) if i != drop] + ["张三"] for r in body]
    path = tmp_path / "cols.csv"
    _write(path, header, body)
    code, doc = findings(capsys, path, "penalty")
    assert code == 1
    assert {(f["row"], f["column"], f["rule"]) for f in doc["findings"]} == {
        (1, "处罚依据", "SGS-001"), (1, "经办人", "SGS-002")}  # not one SGS-010 per row for the missing column


def test_headers_match_the_standard_in_full_or_half_width_and_short_names(tmp_path, capsys):
    header, body, _ = g.rows("penalty", 5, every=0)
    header = [h.replace("(", "（").replace(")", "）") for h in header]
    header[header.index("行政相对人代码_1（统一社会信用代码）")] = "统一社会信用代码"
    path = tmp_path / "fullwidth.csv"
    _write(path, header, list(body))
    code, doc = findings(capsys, path, "penalty")
    assert code == 0 and doc["findings"] == []


def test_duplicates_within_and_across_files_name_the_first_row(tmp_path, capsys):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    header, body, _ = g.rows("penalty", 5, every=0)
    body = list(body)
    number = header.index("行政处罚决定书文号")
    body[4][number] = body[1][number]  # row 6 repeats row 3
    _write(a, header, body)
    other = [list(r) for r in g.rows("penalty", 5, every=0, seed=99)[1]]
    for r in other:
        r[number] = "B-" + r[number]
    other[2][number] = body[2][number]  # b.csv row 4 repeats a.csv row 4
    _write(b, header, other)
    code, out, err = audit(capsys, a, b, "--kind", "penalty", "--as-of", AS_OF, "--format", "json")
    doc = json.loads(out)
    assert [(f["file"], f["row"], f["rule"], f["message"]) for f in doc["findings"]] == [
        ("a.csv", 6, "SGS-060", "行政处罚决定书文号与第 3 行重复"),
        ("b.csv", 4, "SGS-060", "行政处罚决定书文号与a.csv 第 4 行重复")]


def test_deadlines_per_source_unit(tmp_path, capsys):
    header, body, _ = g.rows("penalty", 40, every=0)
    body = list(body)
    unit, decided, published = (header.index(x) for x in ("数据来源单位", "处罚决定日期", "公示日期"))
    for r in body:
        r[published] = (dt.date.fromisoformat(r[decided]) + dt.timedelta(days=15)).isoformat()
    path = tmp_path / "late.csv"
    _write(path, header, body)
    _, doc = findings(capsys, path, "penalty")
    late_units = {f["unit"] for f in doc["findings"] if f["rule"] == "SGS-100"}
    assert "本溪市市场监督管理局" in late_units
    config = tmp_path / "deadlines.yml"
    config.write_text("default: 7\nunits:\n  本溪市市场监督管理局: 20  # 总局令第45号第九条\n", encoding="utf-8")
    _, doc = findings(capsys, path, "penalty", "--deadlines", config)
    assert "本溪市市场监督管理局" not in {f["unit"] for f in doc["findings"] if f["rule"] == "SGS-100"}
    units = {u["unit"]: u for u in doc["summary"]["units"]}
    assert units["本溪市市场监督管理局"]["late_rate"] == 0 and units["本溪市生态环境局"]["late_rate"] > 0


# -- what the rules mean: the domain's answers -------------------------------------------------------------------

def test_publication_window_follows_the_regime_in_force_on_the_decision_date(repo):
    w = feeds.publication_window(repo, dt.date(2024, 6, 3))  # 第58号令: 3 months to 3 years, every class
    assert (w.regime, w.earliest_end, w.latest_end, w.exact) == (
        "repair-regime-2023", last_day(dt.date(2024, 6, 3), "P3M"), last_day(dt.date(2024, 6, 3), "P3Y"), True)
    w = feeds.publication_window(repo, dt.date(2026, 5, 4))  # 第36号令: minor has no minimum
    assert (w.regime, w.minimum, w.maximum, w.exact) == ("repair-regime-2026", "P3M", "P3Y", False)
    assert feeds.publication_window(repo, dt.date(2018, 1, 1)) is None  # no regime: nothing to check against
    assert feeds.publication_deadline(dt.date(2026, 2, 13), 7) == add_working_days(dt.date(2026, 2, 13), 7)
    assert feeds.publication_deadline(dt.date(2031, 1, 1), 7) is None  # the calendar holds no such year


def test_the_catalog_entries_decide_exclusions_and_masking(repo):
    penalty, license_ = feeds.feed_entry(repo, "penalty"), feeds.feed_entry(repo, "license")
    assert penalty.id == "administrative-penalty-info-2024" and license_.id == "administrative-licensing-info-2024"
    assert feeds.excludes_simplified(penalty) is True
    assert feeds.full_id_numbers_published(penalty) is False  # its disclosure has a masking rule


def test_check_characters_one_implementation_for_one_code_and_a_column():
    assert codes.uscc_valid("91350100M000100Y43") and not codes.uscc_valid("91350100M000100Y44")
    assert codes.resident_id_valid("11010519491231002X") and not codes.resident_id_valid("110105194912310021")
    from tools.rules import safety

    assert safety.uscc_valid is codes.uscc_valid and safety.resident_id_valid is codes.resident_id_valid


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=codes.USCC_CHARS + "IOZSV-x ", min_size=0, max_size=20), min_size=1, max_size=30),
       st.lists(st.text(alphabet="0123456789Xx*", min_size=0, max_size=19), min_size=1, max_size=30))
def test_column_checks_agree_with_the_scalar_checks(usccs, ids):
    usccs = usccs + [codes.with_uscc_check("9121050" + "0" * 10), "91350100M000100Y43"]
    ids = ids + [codes.with_id_check("21050219900101123"), "11010519491231002X"]
    got = pl.DataFrame({"c": usccs}).select(uscc_ok("c").fill_null(False)).to_series().to_list()
    assert got == [codes.uscc_valid(s) for s in usccs]
    got = pl.DataFrame({"c": ids}).select(resident_id_ok("c").fill_null(False)).to_series().to_list()
    assert got == [codes.resident_id_valid(s) for s in ids]


# -- the rules: one place each, cited, documented ------------------------------------------------------------------

def test_every_rule_has_an_id_a_clause_and_a_basis_and_is_documented():
    rules = C.registry()
    assert all(re.match(r"^SGS-\d{3}$", r) for r in rules)
    plan = (ROOT / "policies" / "benxi" / "benxi-plan-2021.yml").read_text(encoding="utf-8")
    assert plan  # the clauses cited are the plan's (四（二）5, 四（二）4(2), 四（一）1)
    for r in rules.values():
        assert r.clause in ("四（二）5", "四（二）4(2)", "四（一）1") and r.basis and r.title and r.doc
        assert r.severity in ("error", "warning")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [r for r in rules if r not in readme] == []  # the README's table lists every rule


# -- outputs ---------------------------------------------------------------------------------------------------------

def _personal(tmp_path):
    """A feed whose natural persons carry full identity numbers, and the names and numbers in it."""
    header, body, _ = g.rows("penalty", 60, every=0)
    body = list(body)
    t, name, number = (header.index(x) for x in ("行政相对人类别", "行政相对人名称", "证件号码"))
    secrets = []
    for r in body:
        if r[t] == sgs.NATURAL:
            r[number] = codes.with_id_check(r[number][:6] + "19900101" + "123")
            secrets += [r[number], r[name]]
    path = tmp_path / "people.csv"
    _write(path, header, body)
    return path, secrets


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "xlsx"])
def test_reports_never_show_a_full_identity_number_or_a_persons_name(tmp_path, capsys, fmt):
    path, secrets = _personal(tmp_path)
    assert secrets
    out_file = tmp_path / f"report.{fmt}"
    units = tmp_path / "units"
    code, out, err = audit(capsys, path, "--kind", "penalty", "--as-of", AS_OF, "--format", fmt, "--out", out_file,
                           "--by-unit", units)
    assert code == 1 and out == "" and err == ""
    texts = [_text_of(out_file)] + [_text_of(p) for p in units.iterdir()]
    assert "SGS-110" in texts[0]
    for text in texts:
        assert [s for s in secrets if s in text] == []


def _text_of(path: Path) -> str:
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True)
        return "\n".join(str(v) for ws in wb.worksheets for r in ws.iter_rows(values_only=True) for v in r if v)
    return path.read_text(encoding="utf-8")


def test_json_report_shape_and_csv_for_excel(tmp_path, capsys):
    path = tmp_path / "feed.csv"
    g.write_csv(path, "penalty", 100, every=9)
    code, doc = findings(capsys, path, "penalty")
    assert set(doc) == {"summary", "findings"}
    assert set(doc["findings"][0]) >= {"row", "column", "rule", "severity", "message"}
    s = doc["summary"]
    assert {"records", "rows_with_errors", "error_rate", "late_rate", "units", "by_rule"} <= set(s)
    unit = s["units"][0]
    assert {"unit", "records", "rows_with_errors", "error_rate", "late_rate", "top_rules"} <= set(unit)
    assert sum(u["records"] for u in s["units"]) == 100
    out = tmp_path / "r.csv"
    audit(capsys, path, "--kind", "penalty", "--as-of", AS_OF, "--format", "csv", "--out", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "文件,行,列,规则,级别,说明,数据来源单位" in raw.decode("utf-8-sig")
    code, text, _ = audit(capsys, path, "--kind", "penalty", "--as-of", AS_OF)
    assert "feed.csv:" in text and "按数据来源单位" in text and "共检查 1 个文件、100 条记录" in text


def test_by_unit_workbooks_hold_each_units_own_rows_only(tmp_path, capsys):
    path = tmp_path / "feed.csv"
    planted = g.write_csv(path, "penalty", 120, every=5)
    units = tmp_path / "back"
    audit(capsys, path, "--kind", "penalty", "--as-of", AS_OF, "--format", "json", "--by-unit", units)
    _, doc = findings(capsys, path, "penalty")
    by_unit: dict = {}
    for f in doc["findings"]:
        by_unit.setdefault(f["unit"], set()).add(f["row"])
    from openpyxl import load_workbook

    assert sorted(p.stem for p in units.iterdir()) == sorted(u["unit"] for u in doc["summary"]["units"])
    for unit, rows in by_unit.items():
        wb = load_workbook(units / f"{unit}.xlsx", read_only=True)
        listed = {r[1] for r in wb["问题"].iter_rows(min_row=2, values_only=True)}
        data = {r[0] for r in wb["有问题的行"].iter_rows(min_row=2, values_only=True)}
        assert listed == rows and data == rows
    assert planted


def test_a_cell_that_looks_like_a_formula_stays_text_in_reports(tmp_path, capsys):
    header, body, _ = g.rows("penalty", 3, every=0)
    body = list(body)
    body[0][header.index("数据来源单位")] = "=HYPERLINK(\"http://x\")"
    body[0][header.index("处罚类别")] = "=1+1"
    path = tmp_path / "inject.csv"
    _write(path, header, body)
    out = tmp_path / "r.xlsx"
    audit(capsys, path, "--kind", "penalty", "--as-of", AS_OF, "--format", "xlsx", "--out", out)
    from openpyxl import load_workbook

    wb = load_workbook(out)
    assert all(c.data_type != "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    out = tmp_path / "r.csv"
    audit(capsys, path, "--kind", "penalty", "--as-of", AS_OF, "--format", "csv", "--out", out)
    assert ",=" not in out.read_text(encoding="utf-8-sig")


# -- unusable input: exit 2, a Chinese message, nothing written ---------------------------------------------------

def _bad_inputs(tmp_path: Path) -> dict:
    tmp_path.mkdir()
    good = tmp_path / "good.csv"
    g.write_csv(good, "penalty", 200, every=0)
    raw = good.read_bytes()
    text = raw.decode("utf-8")
    lines = text.splitlines(keepends=True)
    cases = {
        "truncated.csv": raw[: len(raw) // 2 - 7],
        "cut-in-a-character.csv": raw[: len(raw) // 2 + 1] if raw[len(raw) // 2] >= 0x80 else raw[: len(raw) // 2 - 1]
        + "罚".encode("utf-8")[:2],
        "unterminated-quote.csv": (lines[0] + lines[1] + lines[2][:40] + '"未完').encode("utf-8"),
        "binary.csv": bytes(range(256)) * 40,
        "binary-inside.csv": raw[:5000] + b"\x00\x00\x00" + raw[5000:],
        "wrong-encoding.csv": raw[:6000] + b"\xa6\xe6\xac\x46\xff\xfe\xfd" + raw[6000:],
        "mixed-encoding.csv": raw[:3000] + ("，罚款" * 10).encode("gbk") + raw[3000:],
        "utf16.csv": text[:3000].encode("utf-16"),
        "empty.csv": b"",
        "no-header.csv": "".join(lines[1:]).encode("utf-8"),
        "wide-row.csv": (lines[0] + lines[1] + lines[2].rstrip("\r\n") + ",多余" * 3000 + "\r\n").encode("utf-8"),
        "wide-header.csv": (",".join(f"列{i}" for i in range(5000)) + "\r\n").encode("utf-8"),
        "old-excel.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    from openpyxl import Workbook, load_workbook

    xlsx = tmp_path / "good.xlsx"
    g.write_xlsx(xlsx, "penalty", 30, every=0)
    wb = load_workbook(xlsx)
    wb.worksheets[0]["T6"] = "=0.1*2"
    wb.save(tmp_path / "formula.xlsx")
    wb = Workbook()
    wb.active.append(["a", "b"])
    wb.active.append([1, 2])
    wb.save(tmp_path / "sheet-without-header.xlsx")
    wb = Workbook()
    wb.active.append(["2026年本溪市行政处罚信息"])
    for r in csv.reader(lines[:4]):
        wb.active.append(r)
    wb.save(tmp_path / "title-row.xlsx")
    (tmp_path / "truncated.xlsx").write_bytes(xlsx.read_bytes()[:3000])
    (tmp_path / "zip-not-xlsx.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    long_line = tmp_path / "one-long-line.csv"
    long_line.write_bytes(lines[0].encode("utf-8") + b"x" * (5 << 20))
    return {p.name: p for p in tmp_path.iterdir() if p.name not in ("good.csv", "good.xlsx")}


def test_unusable_input_exits_2_with_a_chinese_message_and_writes_nothing(tmp_path, capsys):
    cases = _bad_inputs(tmp_path / "in")
    assert len(cases) >= 18
    for name, path in sorted(cases.items()):
        out, units = tmp_path / f"{name}.json", tmp_path / f"{name}-units"
        code, stdout, err = audit(capsys, path, "--kind", "penalty", "--as-of", AS_OF, "--format", "json", "--out", out,
                                  "--by-unit", units, "--block-mb", "1")
        assert code == 2, (name, err)
        assert err.startswith("无法检查：") and re.search(r"[\u4e00-\u9fff]{4}", err), (name, err)
        assert "Traceback" not in err and stdout == "", name
        assert not out.exists() and not units.exists(), name
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [], name  # no temporary left


def test_a_bad_second_file_stops_everything_before_any_report(tmp_path, capsys):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    g.write_csv(good, "penalty", 50, every=5)
    raw = good.read_bytes()
    bad.write_bytes(raw[: len(raw) - 30])
    code, stdout, err = audit(capsys, good, bad, "--kind", "penalty", "--as-of", AS_OF, "--format", "json")
    assert code == 2 and stdout == "" and "bad.csv" in err


def test_an_existing_report_is_kept_when_the_audit_fails(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01binary")
    out = tmp_path / "report.json"
    out.write_text("previous report", encoding="utf-8")
    code, _, _ = audit(capsys, bad, "--kind", "penalty", "--format", "json", "--out", out)
    assert code == 2 and out.read_text(encoding="utf-8") == "previous report"


def test_the_benchmark_figures_run_on_a_small_feed(tmp_path):
    from tools.audit.speed import figures, format_audit

    figs = figures(tmp_path, [300], runs=1)
    r = figs["sizes"][0]
    assert r["planted_found"] == r["planted"] == 2 and r["floor"] > 0 and r["peak_mib"] > 0
    assert "下限的" in format_audit(figs) and "固定开销" in format_audit(figs)


# -- the fast XLSX reader gives the frames of the careful one ---------------------------------------------------------

_CELL = st.one_of(st.none(), st.text(alphabet="甲乙 0123456789-Xa=", max_size=8), st.integers(-10**14, 10**14),
                  st.floats(-1e6, 1e6, allow_nan=False).map(lambda f: round(f, 3)), st.booleans(),
                  st.dates(dt.date(1950, 1, 1), dt.date(2060, 12, 31)),
                  st.datetimes(dt.datetime(1950, 1, 1), dt.datetime(2060, 12, 31)).map(lambda d: d.replace(microsecond=0)))


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2), st.lists(st.lists(_CELL, max_size=6), max_size=12), st.integers(1, 5))
def test_calamine_reads_the_frames_openpyxl_reads(tmp_path_factory, blank_columns, body, block):
    """python-calamine (the fast path) and openpyxl (the careful path) give the same rows, row numbers and texts,
    also when the first columns are empty (calamine's range then starts later) and rows are empty."""
    from openpyxl import Workbook

    from tools.audit.read import FeedError, Source, fast_xlsx_blocks, xlsx_blocks
    path = tmp_path_factory.mktemp("x") / "feed.xlsx"
    wb = Workbook()
    ws = wb.active
    width = 6 + blank_columns
    ws.append([None] * blank_columns + [f"列{i}" for i in range(6)])
    for r in body:
        ws.append([None] * blank_columns + r)
    wb.save(path)
    src = Source(path, "xlsx", None, [None] * blank_columns + [f"列{i}" for i in range(6)])
    assert len(src.header) == width

    def frames(reader):
        try:
            got = list(reader(src, block))
        except FeedError as exc:  # a cell written "=…" is a formula: both refuse it with the same words
            return str(exc)
        return pl.concat(got) if got else None

    slow, fast = frames(xlsx_blocks), frames(fast_xlsx_blocks)
    if isinstance(slow, str) or isinstance(fast, str):
        assert slow == fast
        return
    nonempty = lambda df: None if df is None else df.filter(~pl.all_horizontal([pl.col(c).is_null() for c in df.columns
                                                                                 if c != "__row"]))
    slow, fast = nonempty(slow), nonempty(fast)
    assert (slow is None or slow.height == 0) == (fast is None or fast.height == 0)
    if slow is not None and slow.height:
        assert fast.to_dicts() == slow.to_dicts()


def test_a_formula_anywhere_is_named_by_its_cell(tmp_path):
    from openpyxl import Workbook

    from tools.audit.read import FeedError, Source, fast_xlsx_blocks, has_formulas
    path = tmp_path / "f.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["甲", "乙"])
    ws.append(["1", "2"])
    ws.append(["3", "=A2*2"])
    wb.save(path)
    assert has_formulas(path)
    with pytest.raises(FeedError) as exc:
        list(fast_xlsx_blocks(Source(path, "xlsx", None, ["甲", "乙"])))
    assert "第 3 行“乙”是公式" in str(exc.value)
    ws["B3"] = "A2*2"
    wb.save(path)
    assert not has_formulas(path)
