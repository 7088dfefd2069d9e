"""The calculator page (公示期限与信用修复计算) in a real browser: its script gives decide's answers.

Every case of tests/cases runs through ``window.benxiCalculate`` in the page built from the real repository and
must match the case's expected output and decide's own answer; the form, filled in at phone width, shows the
earliest repair date. The browser fixtures are those of test_site_browser (Debian's Chromium through
Playwright; requests outside the local server blocked and counted; console errors fail).
"""
from __future__ import annotations

import datetime as _dt
import re

import pytest

from conftest import ROOT
from test_site_browser import WIDTH, Page, Server, browser  # noqa: F401  (browser: a fixture)
from tools.build import build
from tools.casefiles import differences, read
from tools.domain.decide import answer_case
from tools.model.repository import load_repository
from tools.report.decision import plain
from tools.model.vocab import KINDS
from tools.site.plain import evidence_words

pytestmark = pytest.mark.slow

CASES = read([ROOT / "tests" / "cases"])
MAIN_KEYS = ("case", "as_of", "subject", "information", "list", "public_credit_information", "excluded_by", "regime",
             "publication", "repair", "measures", "removal", "unknown", "trace", "evidence")


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    assert build(ROOT, out) == 0
    server = Server(out)
    yield server
    server.close()


@pytest.fixture(scope="module")
def calculator(browser, real_site):  # noqa: F811
    tab = Page(browser, real_site.base)
    tab.page.goto(real_site.base + "calculator/")
    tab.page.wait_for_function("window.benxiReady !== undefined")
    tab.page.evaluate("window.benxiReady")
    yield tab
    tab.page.close()


def _plain(text: str) -> bool:
    """No ids, field names, vocabulary keys or null/undefined in what the reader sees (ASCII words are all such)."""
    words = re.findall(r"[A-Za-z_]{3,}", text)
    assert words == [], words
    return True


def _in_browser(tab, inputs: list) -> list:
    return tab.page.evaluate("inputs => inputs.map(c => window.benxiCalculate(c))", [plain(i) for i in inputs])


def test_every_case_file_gives_the_expected_answer_in_the_browser(calculator):
    assert len(CASES) >= 90 and not [c for c in CASES if c.problem]
    answers = _in_browser(calculator, [c.input for c in CASES])
    wrong = {f"{c.path}:{c.line} {c.name}": differences(c.expected, a) for c, a in zip(CASES, answers)}
    assert {k: v for k, v in wrong.items() if v} == {}
    assert calculator.blocked == [] and calculator.errors == []


def test_the_browser_agrees_with_decide_on_every_case(calculator):
    repo, _ = load_repository(ROOT)
    answers = _in_browser(calculator, [c.input for c in CASES])
    for case, js in zip(CASES, answers):
        expected, errors = answer_case(repo, case.input, _dt.date.today())
        assert not errors, (case.name, errors)
        expected = plain(expected)
        for key in MAIN_KEYS:
            assert js[key] == expected[key], (case.name, key)
        # the records used that are not yet verified: the same, in the same order (the page shows their names)
        assert [(u["record"], u["evidence"], u["kind"]) for u in js["unverified"]] == \
            [(u["record"], u["evidence"], u["kind"]) for u in expected["unverified"]], case.name


def test_bad_input_is_refused_not_guessed(calculator):
    bad = [{"case": "penalty", "subject": "legal_person", "procedure": "ordinary"},  # no decision date
           {"case": "penalty", "subject": "legal_person", "procedure": "ordinary", "decided_on": "2025-02-30"},
           {"case": "listing", "subject": "legal_person", "list": "no-such-list", "listed_on": "2025-01-01"},
           {"case": "penalty", "subject": "legal_person", "procedure": "ordinary", "decided_on": "2025-03-01",
            "as_of": "2025-01-01"},
           {"case": "penalty", "subject": "legal_person", "procedure": "ordinary", "decided_on": "2025-03-01",
            "severity": "high"}]
    answers = _in_browser(calculator, bad)
    assert [[e["field"] for e in a.get("errors", [])] for a in answers] == [
        ["decided_on"], ["decided_on"], ["list"], ["as_of"], ["severity"]]


def test_the_form_shows_the_earliest_repair_date_on_a_phone(browser, real_site, tmp_path):  # noqa: F811
    tab = Page(browser, real_site.base)
    p = tab.page
    p.goto(real_site.base + "calculator/")
    assert p.inner_text("h1").strip() == "公示期限与信用修复计算"
    p.wait_for_selector("select[name=information] option", state="attached")  # filled from the data file
    p.check("input[name=case][value=penalty]")
    p.fill("input[name=decided_on]", "2025-03-01")
    p.check("input[name=procedure][value=ordinary]")
    p.select_option("select[name=severity]", "general")
    p.click("button[type=submit]")
    result = p.locator("[data-result]")
    result.get_by_text("2025-06-02").first.wait_for()
    text = result.inner_text()
    assert "最早可以申请信用修复" in text and "2025-06-02" in text
    assert "《中华人民共和国民法典》第二百零一条" in text and "不收费" in text
    assert "无法确定的事项" in text and "法定休假日" in text  # 2025-06-01 is in the 端午节 holiday
    assert _plain(text)
    # each unverified record is named with its grade in plain words; a reconstructed one is said to be no fact
    expected, _ = answer_case(load_repository(ROOT)[0], {"case": "penalty", "subject": "legal_person",
                                                         "decided_on": "2025-03-01", "procedure": "ordinary",
                                                         "severity": "general"}, _dt.date.today())
    guessed = [f"{KINDS[u['kind']]}“{u['name']}”" for u in expected["unverified"] if u["evidence"] == "reconstructed"]
    for u in expected["unverified"]:
        assert f"{KINDS[u['kind']]}“{u['name']}”——证据等级：{evidence_words(u['evidence'])[0]}" in text
    warning = result.locator(".benxi-warning")
    assert warning.count() == (1 if guessed else 0)
    if guessed:  # the warning comes first, before the figures, and names each inferred record with what it is
        assert all(name in warning.inner_text() for name in guessed) and "不能作为办事或认定的依据" in warning.inner_text()
        assert warning.bounding_box()["y"] < result.locator("dl.benxi-facts").bounding_box()["y"]
        assert warning.locator("a").get_attribute("href").endswith("/unread/")
    assert p.evaluate("document.documentElement.scrollWidth") <= WIDTH, "the page is wider than a phone"
    p.screenshot(path=str(tmp_path / "calculator-375.png"), full_page=True)
    # a listing: the measures, and a repair application
    p.check("input[name=case][value=listing]")
    assert p.locator("input[name=decided_on]").is_hidden() and p.locator("select[name=list]").is_visible()
    p.select_option("select[name=list]", label="市场监督管理严重违法失信名单")
    p.fill("input[name=listed_on]", "2024-02-29")
    p.click("button[type=submit]")
    result.get_by_text("2027-02-28").first.wait_for()
    assert "适用的惩戒措施（6 项）" in result.inner_text() and _plain(result.inner_text())
    p.check("input[name=case][value=repair]")
    p.check("input[name=target][value=information]")
    p.fill("input[name=decided_on]", "2026-04-01")
    p.fill("input[name=applied_on]", "2026-09-28")
    p.check("input[name=materials][value=commitment]")
    p.click("button[type=submit]")
    result.get_by_text("2026-10-16").first.wait_for()
    text = result.inner_text()
    assert _plain(text)
    facts = dict(zip(result.locator("dt").all_inner_texts(), result.locator("dd").all_inner_texts()))
    assert facts["现在能否申请"] == "可以申请" and facts["最迟答复日期"] == "2026-10-16"
    assert facts["尚缺材料"] == "有效身份证件、已履行法定义务或约定义务的材料"
    assert p.evaluate("document.documentElement.scrollWidth") <= WIDTH
    assert tab.blocked == [], f"requests outside the site: {tab.blocked}"
    assert tab.errors == [], tab.errors
