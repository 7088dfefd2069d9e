"""Publishing safety rules: personal data never enters the repository; markup typed into text is flagged."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tools.load.files import scan_hints
from tools.rules.safety import _TAG

from tools.lint import lint
from tools.rules.safety import personal_data, resident_id_valid, uscc_valid

AS_OF = dt.date(2026, 11, 25)
ENTRY = "catalogs/cat-2021/entry-a.yml"


def _set_summary(repo, text):
    path = repo / ENTRY
    body = path.read_text(encoding="utf-8")
    path.write_text(body + f"summary: '{text}'\n", encoding="utf-8")
    return body.count("\n") + 1  # the line of the appended summary


def hits(repo, rule):
    return [(f.path, f.line, f.severity) for f in lint(repo, AS_OF).findings if f.rule == rule]


@pytest.mark.parametrize("text", [
    "例如张某，身份证号 11010519491231002X，已被列入名单",
    "联系电话 13912345678",
    "某公司（统一社会信用代码 91350100M000100Y43）",
    "联系电话 １３９１２３４５６７８（全角数字）",
    "ＪａｖａScript 之外：身份证号 １１０１０５１９４９１２３１００２X",
    "联系电话 +86 138 0013 8000",
    "联系电话 138-0013-8000",
    "联系电话 138 0013 8000",
    "联系电话 139　1234　5678（全角空格）",
    "身份证号 110105 19491231 002X（按段写）",
    "身份证号 1101 0519 4912 3100 2X",
])
def test_pii_001_flags_personal_data(mini_repo, text):
    line = _set_summary(mini_repo, text)
    assert hits(mini_repo, "PII-001") == [(ENTRY, line, "error")]


@pytest.mark.parametrize("text", [
    "依据第二百六十六条，自2021-07-21起施行",
    "编号 110105194912310021 的校验位不符，不是身份证号",  # 18 digits, wrong check digit
    "罚款 12345678901 元以下",  # 11 digits not starting with 1[3-9]
    "统一社会信用代码由18位字符组成",
])
def test_pii_001_passes_ordinary_text(mini_repo, text):
    _set_summary(mini_repo, text)
    assert hits(mini_repo, "PII-001") == []


_PIECES = st.sampled_from(["1", "3", "8", "0", "9", "X", "x", "１", "３", "８", "０", " ", "-", "－", "\u3000", "\u00a0",
                           "+86", "A", "M", "Y", "年", "第", "号", "2024-01-01", "，"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.sampled_from(["", "11010519491231002X", "91350100M000100Y43",
                                                         "13912345678", "１３９１２３４５６７８", "138 0013 8000",
                                                         "110105 19491231 002X", "1101 0519 4912 3100 2X"]))
def test_the_quick_look_never_hides_a_datum(pieces, datum):
    """find's quick look (a cheap regular expression) only skips texts in which the full scan finds nothing."""
    from tools.domain import personal_data as pd
    text = "".join(pieces[: len(pieces) // 2]) + datum + "".join(pieces[len(pieces) // 2:])
    assert pd.find(text) == pd.scan(text)


def test_check_digit_algorithms():
    assert resident_id_valid("11010519491231002X") and not resident_id_valid("110105194912310021")
    assert uscc_valid("91350100M000100Y43") and not uscc_valid("91350100M000100Y44")
    assert personal_data("无") is None


def test_html_001_rejects_markup(mini_repo):
    line = _set_summary(mini_repo, '<img src=x onerror="alert(1)">')
    assert hits(mini_repo, "HTML-001") == [(ENTRY, line, "error")]


def test_html_001_passes_plain_text_with_brackets(mini_repo):
    _set_summary(mini_repo, "期限（P3M）< 1 年，见《行政处罚法》第四十八条")
    assert hits(mini_repo, "HTML-001") == []


_PIECES = st.sampled_from(["1", "3", "9", "０", "１", "３", "９", "X", "A", "M", "<", "a", "img", " ", "：",
                           "javascript:", "JavaScript:", "data:text/html", "第", "条", "-", "\n", "+86", "\u3000",
                           "\u00a0", "－", "13800138000", "138 0013 8000"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_raw_text_hints_never_hide_a_match(text):
    """The loader's raw-byte hints let PII-001/HTML-001 skip records: they must cover every match."""
    flags = scan_hints(text.encode("utf-8"))
    if personal_data(text):
        assert "digits" in flags
    if _TAG.search(text):
        assert "markup" in flags


def test_raw_text_hints_skip_ordinary_records():
    assert scan_hints("id: x\nname: 行政处罚信息\ndate: 2021-12-16\n".encode("utf-8")) == set()
    assert scan_hints("电话 １３９".encode("utf-8")) == {"digits"}
    assert scan_hints(b"note: JAVASCRIPT:void") == {"markup"}
    assert scan_hints("behavior: （待填写）".encode("utf-8")) == {"template"}  # DRAFT-002 looks closely
    assert scan_hints("note: 第十五条未读到".encode("utf-8")) == {"reads"}  # EVID-003 looks closely


def test_no_message_repeats_personal_data(mini_repo):
    """PII-001 names the field; every other finding that quotes the text (VERIFY-001 repeats the note) masks
    it, in every format -- terminal, JSON, GitHub annotations, SARIF."""
    from tools.report import github, json_report, sarif, text

    path = mini_repo / ENTRY
    body = path.read_text(encoding="utf-8").replace("verified: true", "verified: false")
    path.write_text(body + "note: 当事人身份证号 110105 19491231 002X，电话 +86 138-0013-8000\n", encoding="utf-8")
    result = lint(mini_repo, AS_OF)
    assert {f.rule for f in result.findings if f.path == ENTRY} >= {"PII-001", "VERIFY-001"}
    verify = next(f for f in result.findings if f.rule == "VERIFY-001" and f.path == ENTRY)
    assert "〔居民身份证号码（110105…），已隐去〕" in verify.message and "〔手机号码（138…），已隐去〕" in verify.message
    for report in (text.render(result), json_report.render(result), github.render(result), sarif.render(result)):
        out = report.text + (report.step_summary or "")
        for secret in ("19491231", "002X", "0013-8000", "0013 8000"):
            assert secret not in out
