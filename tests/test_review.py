"""python -m tools review: reading the three formats, splitting into provisions with Chinese locations, each finding
type on a provision it must flag and one it must pass, the JSON contract, the XLSX review sheet, personal data
masked, and bad input (one clear Chinese message per file naming it, the others still reviewed, never a traceback)."""
from __future__ import annotations

import datetime as _dt
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from review_render import write_docx, write_pdf, write_scanned_pdf
from tools.cli import main
from tools.model.repository import load_repository
from tools.review import Unreadable, match, review
from tools.review.checks import TYPES
from tools.review.read import Block, read
from tools.review.split import split

ROOT = Path(__file__).resolve().parent.parent
AS_OF = _dt.date(2026, 11, 29)


@pytest.fixture(scope="module")
def repo():
    return load_repository(ROOT)[0]


@pytest.fixture(scope="module")
def library(repo):
    return match.build(repo, AS_OF)


def _review(repo, library, tmp_path, text: str, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = review([path], repo, AS_OF, library=library).documents[0]
    assert doc.error is None
    return {p.location: p for p in doc.provisions}


def _types(provisions) -> dict:
    return {loc: sorted(f.type for f in p.findings) for loc, p in provisions.items() if p.findings}


# ---------------------------------------------------------------- splitting

def test_articles_paragraphs_and_items_are_named_as_laws_name_them():
    blocks = [Block(t) for t in ["关于印发某办法的通知", "第一章 总则", "第一条 为了规范，制定本办法。",
                                 "第二条 有下列情形之一的，列入名单：", "（一）甲；", "（二）乙。",
                                 "前款所列情形，由区局认定。", "第三条 本办法自印发之日起施行。"]]
    got = [(p.location, p.text[:5]) for p in split(blocks)]
    assert got == [("开头第一段", "关于印发某"), ("第一条", "第一条 为"), ("第二条第一款", "第二条 有"),
                   ("第二条第一款第一项", "（一）甲；"), ("第二条第一款第二项", "（二）乙。"), ("第二条第二款", "前款所列情"),
                   ("第三条", "第三条 本")]
    item = split(blocks)[3]
    assert "有下列情形之一的" in item.context[-1]  # an item knows its article's lead-in


def test_numbered_paragraphs_take_the_outline_as_location():
    blocks = [Block(t) for t in ["一、总体要求", "坚持依法依规。", "二、主要措施", "（一）重点监管",
                                 "1.对列入名单的企业，提高抽查比例。", "（1）第一种情形。", "2.对其从严审查。",
                                 "第二段正文。"]]
    got = [p.location for p in split(blocks)]
    assert got == ["一、", "二、（一）1.", "二、（一）1.（1）", "二、（一）2.", "二、（一）2.第二段"]


def test_a_table_row_is_located_by_table_and_row(tmp_path):
    path = write_docx(["第一条 正文。"], tmp_path / "t.docx", table=[["序号", "措施"], ["1", "限制高消费"]])
    provisions = split(read(path).blocks)
    assert [(p.location, p.text) for p in provisions][-1] == ("表1第2行", "1 | 限制高消费")


def test_text_wrapped_by_hand_and_gbk_and_markdown(tmp_path):
    (tmp_path / "gbk.txt").write_bytes("第一条 对列入名单的企业，\n限制其参加政府采购活动。\n第二条 施行。\n".encode("gbk"))
    assert [b.text for b in read(tmp_path / "gbk.txt").blocks] == ["第一条 对列入名单的企业，限制其参加政府采购活动。",
                                                                  "第二条 施行。"]
    (tmp_path / "a.md").write_text("# 标题\n\n## 第一章 总则\n\n第一条 **正文**。\n", encoding="utf-8")
    assert [b.text for b in read(tmp_path / "a.md").blocks] == ["标题", "第一章 总则", "第一条 正文。"]


def test_pdf_lines_are_joined_and_page_numbers_dropped(tmp_path):
    long = "第五条 依据《中华人民共和国政府采购法》第七十七条，对列入政府采购严重违法失信行为记录名单的供应商，在一至三年内禁止参加政府采购活动。"
    path = write_pdf(["第一章 总则", long, "第六条 本办法自印发之日起施行。"], tmp_path / "a.pdf")
    assert [b.text for b in read(path).blocks] == ["第一章 总则", long, "第六条 本办法自印发之日起施行。"]


# ---------------------------------------------------------------- each finding type: flagged and passed

CASES = {
    "outside_list": ("第一条 对列入失信被执行人名单的人员，降低其信用等级。",
                     "第一条 依据《中华人民共和国民事诉讼法》第二百六十六条，对失信被执行人限制出境。"),
    "no_legal_basis": ("第一条 对列入政府采购严重违法失信行为记录名单的供应商，三年内禁止参加政府采购活动。",
                       "第一条 依据《中华人民共和国政府采购法》第七十七条，对列入政府采购严重违法失信行为记录名单的供应商，"
                       "三年内禁止参加政府采购活动。"),
    "coerces_third_party": ("第一条 对失信被执行人，各银行应当停止发放贷款。",
                            "第一条 将失信被执行人名单推送至各银行，鼓励银行按照风险定价原则自主决定是否限制贷款。"),
    "unauthorized_list": ("第一条 乘车逃票三次以上的，列入公交乘车失信黑名单。",
                          "第一条 对被列入失信被执行人名单的被执行人，依据《中华人民共和国民事诉讼法》第二百六十六条，限制出境。"),
    "harsher_than_law": ("第一条 依据《中华人民共和国政府采购法》第七十七条，对列入政府采购严重违法失信行为记录名单的供应商，"
                         "五年内禁止参加政府采购活动。",
                         "第一条 依据《中华人民共和国政府采购法》第七十七条，对列入政府采购严重违法失信行为记录名单的供应商，"
                         "两年内禁止参加政府采购活动。"),
    "no_procedure": ("第一条 依据《辽宁省社会信用条例》，对拒不履行生效判决的，列入严重失信主体名单。",
                     "第一条 依据《辽宁省社会信用条例》，对拒不履行生效判决的，列入严重失信主体名单。\n"
                     "第二条 作出决定前告知当事人事由、依据和权利，当事人提出异议的予以核实；决定书载明移出条件和程序，"
                     "以及申请行政复议、提起行政诉讼的途径。"),
}


def test_every_finding_type_has_a_case():
    assert set(CASES) == set(TYPES)


@pytest.mark.parametrize("kind", list(CASES))
def test_flagged(kind, repo, library, tmp_path):
    found = _types(_review(repo, library, tmp_path, CASES[kind][0]))
    assert kind in found.get("第一条", []), found


@pytest.mark.parametrize("kind", list(CASES))
def test_passed(kind, repo, library, tmp_path):
    found = _types(_review(repo, library, tmp_path, CASES[kind][1]))
    assert all(kind not in v for v in found.values()), found


def test_messages_cite_the_plan_and_the_matched_measures_basis(repo, library, tmp_path):
    p = _review(repo, library, tmp_path, CASES["harsher_than_law"][0])["第一条"]
    assert p.matched_measure == "restrict-government-procurement"
    (f,) = p.findings
    assert (f.rule, f.severity) == ("REVIEW-005", "error")
    assert f.message.startswith("方案四（四）10（确保过惩相当）")
    assert "《中华人民共和国政府采购法》第七十七条" in f.message and "3年" in f.message


def test_relatives_make_a_matched_measure_harsher(repo, library, tmp_path):
    text = "第一条 对失信被执行人，其子女不得报考公务员。"
    assert "harsher_than_law" in _types(_review(repo, library, tmp_path, text))["第一条"]


def test_personal_data_is_masked_in_text_and_messages(repo, library, tmp_path):
    text = "第一条 将张某（身份证号码11010519491231002X，电话13800138000）列入文明养犬黑名单。"
    p = _review(repo, library, tmp_path, text)["第一条"]
    dumped = p.text + "".join(f.message for f in p.findings)
    assert "11010519491231002X" not in dumped and "13800138000" not in dumped
    assert "已隐去" in p.text


def test_terms_name_only_measures_and_lists_that_exist(repo):
    terms = match._terms(str(match.TERMS))
    assert set(terms["measures"]) <= {m.id for m in repo.of_kind("measure")}
    assert set(terms["lists"]) <= {r.id for r in repo.of_kind("list_regime")}


def test_citations_are_told_apart_by_level(library):
    assert match.cited_document(library, "中华人民共和国政府采购法")[1:] == ("law", False)
    assert match.cited_document(library, "政府采购法")[1:] == ("law", False)  # short title
    assert match.cited_document(library, "本溪市文明行为促进办法")[1:] == ("normative_document", True)
    assert match.cited_document(library, "某某省物业管理条例")[1:] == ("local_regulation", True)


# ---------------------------------------------------------------- the command: formats, reports, exit codes

COMPLIANT = "第一条 依据《中华人民共和国民事诉讼法》第二百六十六条，对失信被执行人限制出境。\n"
BAD = "第一条 对列入失信被执行人名单的人员，降低其信用等级。\n"


def test_three_formats_and_json_contract(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    write_docx([BAD.strip()], tmp_path / "b.docx")
    write_pdf([BAD.strip()], tmp_path / "c.pdf")
    files = [str(tmp_path / n) for n in ("a.txt", "b.docx", "c.pdf")]
    assert main(["review", *files, "--format", "json", "--as-of", "2026-11-29"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert "人工确认" in data["notice"]
    assert [d["file"] for d in data["documents"]] == files
    for d in data["documents"]:
        (p,) = d["provisions"]
        assert {"location", "text", "matched_measure", "findings"} <= set(p)
        assert p["location"] == "第一条" and p["matched_measure"] is None
        assert [set(f) for f in p["findings"]] == [{"type", "rule", "severity", "message"}] * 2
        assert [f["type"] for f in p["findings"]] == ["outside_list", "no_legal_basis"]


def test_text_report_says_it_is_advice_and_exit_0_without_findings(tmp_path, capsys):
    (tmp_path / "ok.txt").write_text(COMPLIANT, encoding="utf-8")
    assert main(["review", str(tmp_path / "ok.txt")]) == 0
    out = capsys.readouterr().out
    assert "供人工确认的建议" in out and "依法依规限制出境（restrict-exit）" in out and "未发现问题" in out


def test_xlsx_is_one_row_per_provision_with_empty_columns_for_people(tmp_path, capsys):
    from openpyxl import load_workbook

    (tmp_path / "a.txt").write_text(BAD + COMPLIANT.replace("第一条", "第二条"), encoding="utf-8")
    out = tmp_path / "审查表.xlsx"
    assert main(["review", str(tmp_path / "a.txt"), "--format", "xlsx", "--out", str(out)]) == 1
    assert "已写出审查报告" in capsys.readouterr().out
    ws = load_workbook(out)["审查表"]
    rows = list(ws.iter_rows(values_only=True))
    assert "人工确认" in rows[0][0]
    assert rows[1][8:] == ("处理意见（由部门填写）", "备注（由部门填写）")
    assert [(r[1], r[8], r[9]) for r in rows[2:]] == [("第一条", None, None), ("第二条", None, None)]
    assert "outside_list" in rows[2][4] and rows[3][4] == "未发现问题"


def test_xlsx_needs_out(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    assert main(["review", str(tmp_path / "a.txt"), "--format", "xlsx"]) == 2
    assert "--out" in capsys.readouterr().err


# ---------------------------------------------------------------- bad input

def _bad_files(tmp_path: Path) -> dict:
    """name -> (path, words the message must contain)."""
    out = {}

    def put(name, data: bytes, words):
        (tmp_path / name).write_bytes(data)
        out[name] = (tmp_path / name, words)

    put("empty.txt", b"", "空的")
    put("corrupt.docx", b"PK\x03\x04" + b"\x00" * 50, "损坏")
    put("not-zip.docx", b"hello, I am not a Word file", ".docx")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
    put("encrypted.docx", ole + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100, "密码")
    put("old.doc", ole, ".doc")
    put("old-as-docx.docx", ole + b"\x00" * 200, "旧版")
    put("slides.pptx", b"PK\x03\x04", "不支持")
    put("binary.txt", b"\x00\x01\x02\x03" * 100, "不是文本")
    put("latin.txt", bytes(range(0x80, 0x100)) * 3 + b"\xff", "编码")
    put("fake.pdf", b"not a pdf at all", "PDF")
    put("broken.pdf", b"%PDF-1.4\n1 0 obj garbage", "损坏")
    with (tmp_path / "big.txt").open("wb") as fh:
        fh.write("第一条 限制。\n".encode("utf-8"))
        fh.truncate(2 << 20)  # sparse: 2 MB on paper
    out["big.txt"] = (tmp_path / "big.txt", "过大")
    with zipfile.ZipFile(tmp_path / "no-body.docx", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    out["no-body.docx"] = (tmp_path / "no-body.docx", "正文")
    write_pdf(["第一条 对失信被执行人限制出境。"], tmp_path / "locked.pdf", password="secret")
    out["locked.pdf"] = (tmp_path / "locked.pdf", "密码")
    write_scanned_pdf(tmp_path / "scanned.pdf")
    out["scanned.pdf"] = (tmp_path / "scanned.pdf", "扫描件")
    out["missing.txt"] = (tmp_path / "missing.txt", "不存在")
    out["folder.txt"] = (tmp_path / "folder.txt", "不是文件")
    (tmp_path / "folder.txt").mkdir()
    return out


def test_every_bad_file_gets_its_own_clear_message(tmp_path):
    for name, (path, words) in _bad_files(tmp_path).items():
        with pytest.raises(Unreadable) as exc:
            read(path, max_bytes=1 << 20)
        assert words in str(exc.value), (name, str(exc.value))


def test_bad_files_are_named_and_the_good_one_is_still_reviewed(tmp_path, capsys):
    bad = _bad_files(tmp_path)
    (tmp_path / "good.txt").write_text(BAD, encoding="utf-8")
    files = [str(p) for p, _ in bad.values()] + [str(tmp_path / "good.txt")]
    code = main(["review", *files, "--max-mb", "1", "--format", "json"])
    captured = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in captured.err + captured.out
    for path, _ in bad.values():
        assert f"无法读取 {path}：" in captured.err
    data = json.loads(captured.out)
    good = next(d for d in data["documents"] if d["file"].endswith("good.txt"))
    assert good["error"] is None and good["provisions"][0]["findings"]


def test_exit_2_when_nothing_could_be_read(tmp_path, capsys):
    bad = _bad_files(tmp_path)
    assert main(["review", *[str(p) for p, _ in bad.values()]]) == 2
    err = capsys.readouterr().err
    assert "没有能读取的文件" in err and "Traceback" not in err


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(3 << 20)  # sparse: 3 MB on paper
    with pytest.raises(Unreadable, match="过大"):
        read(big, max_bytes=2 << 20)


def test_a_docx_that_expands_enormously_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/media/filler.bin", b"\x00" * (30 << 20))
    with pytest.raises(Unreadable, match="解压后过大"):
        read(path, max_bytes=1 << 20)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("第一二三条款项章、（）()1.。，；：列入黑名单限制不得银行应当曝光年内《》法子女\n ")),
               max_size=300))
def test_any_text_is_reviewed_without_failing(repo, library, tmp_path_factory, text):
    path = tmp_path_factory.mktemp("h") / "x.txt"
    path.write_text(text, encoding="utf-8")
    doc = review([path], repo, AS_OF, library=library).documents[0]
    assert doc.error is None or "文字" in doc.error or "空的" in doc.error
