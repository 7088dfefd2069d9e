"""`decide`: the staff-written case files, the input contract's errors, one truth with the lint and the catalog."""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from rule_examples import mini_files
from tools import casefiles
from tools.cli import main
from tools.domain import decide as decide_module
from tools.domain.decide import CaseError, decide
from tools.model.cases import check
from tools.model.repository import load_repository, load_texts
from tools.rules import all_rules

CASES = ROOT / "tests" / "cases"
TODAY = dt.date(2026, 11, 29)
PENALTY = {"case": "penalty", "as_of": "2026-11-29", "subject": "legal_person", "decided_on": "2025-03-01",
           "procedure": "ordinary", "severity": "general"}


@functools.lru_cache(maxsize=1)
def _real_repo():
    return load_repository(ROOT)[0]


@pytest.fixture(scope="module")
def repo():
    return _real_repo()


def answer(repo, **changes):
    case, errors = check({**PENALTY, **changes}, TODAY)
    assert errors == []
    return decide(repo, case)


# -- the case files ---------------------------------------------------------------------------------------------

FILES = casefiles.read([CASES])


def test_there_are_enough_case_files():
    assert len(FILES) >= 40
    assert not [c for c in FILES if c.problem], [(c.path, c.line, c.problem) for c in FILES if c.problem]


@pytest.mark.parametrize("case", FILES, ids=[f"{c.path.rsplit('/', 1)[-1]}:{c.line}" for c in FILES])
def test_case_file(repo, case):
    assert casefiles.run_one(repo, case, TODAY) == []


def test_check_command(tmp_path, capsys):
    assert main(["decide", "--check", str(CASES)]) == 0
    assert f"共 {len(FILES)} 个案件：相符 {len(FILES)} 个，不符 0 个" in capsys.readouterr().out
    wrong = tmp_path / "wrong.yml"
    wrong.write_text("- name: 故意写错的预期\n  input: {case: penalty, as_of: 2026-11-29, subject: legal_person, "
                     "decided_on: 2025-03-01, procedure: ordinary, severity: general}\n"
                     "  output: {regime: repair-regime-2019, publication: {earliest_end: 2025-06-02}}\n",
                     encoding="utf-8")
    assert main(["decide", "--check", str(wrong)]) == 1
    out = capsys.readouterr().out
    assert "不符" in out and "regime：应为 'repair-regime-2019'，实际为 'repair-regime-2023'" in out
    assert "publication.earliest_end：应为 '2025-06-02'，实际为 '2025-06-01'" in out


def test_differences_semantics():
    assert casefiles.differences({"a": {"b": 1}}, {"a": {"b": 1, "c": 2}, "d": 3}) == []
    assert casefiles.differences({"u": [{"field": "x"}]}, {"u": [{"field": "y", "r": 1}, {"field": "x", "r": 2}]}) == []
    assert casefiles.differences({"u": [{"field": "x"}, {"field": "x"}]}, {"u": [{"field": "x"}]}) != []
    assert casefiles.differences({"m": ["b", "a"]}, {"m": ["a", "b"]}) == []
    assert casefiles.differences({"d": dt.date(2025, 6, 1)}, {"d": dt.date(2025, 6, 1)}) == []
    assert casefiles.differences({"p": None}, {"p": {"x": 1}}) != []


# -- one truth ------------------------------------------------------------------------------------------------------

def test_every_trace_names_a_real_rule_and_its_clause(repo):
    rules = all_rules()
    for applied in (decide_module.EXCLUSION, decide_module.INFORMATION, decide_module.PERIODS, decide_module.REPAIR,
                    decide_module.SERVICE, decide_module.MEASURES, decide_module.LISTING, decide_module.JUDICIAL):
        rule, clause = applied
        assert rules[rule].clause == clause, rule
    for kw in ({}, {"procedure": "simplified"}, {"decided_on": "2026-05-01"}):
        for t in answer(repo, **kw)["trace"]:
            assert t["rule"] is None or all_rules()[t["rule"]].clause == t["plan_clause"]


def test_exclusions_come_from_the_catalog_declarations():
    files = mini_files()
    base = {"case": "penalty", "as_of": "2026-11-29", "subject": "legal_person", "decided_on": "2025-03-01",
            "procedure": "simplified", "information": "entry-a"}
    case, _ = check(base, TODAY)
    repo, _ = load_texts(files)
    first = decide(repo, case)
    assert (first["public_credit_information"], first["excluded_by"]) == (False, "simplified_procedure")
    files["catalogs/cat-2021/entry-a.yml"] = files["catalogs/cat-2021/entry-a.yml"].replace(
        "  simplified_procedure:\n    excluded: true", "  simplified_procedure:\n    excluded: false")
    repo, _ = load_texts(files)
    second = decide(repo, case)
    assert (second["public_credit_information"], second["excluded_by"]) == (True, None)


def test_drafts_are_never_used():
    files = mini_files()
    files["catalogs/cat-2021/entry-a.yml"] += "draft: true\n"
    repo, _ = load_texts(files)
    case, _ = check({**PENALTY, "information": "entry-a"}, TODAY)
    with pytest.raises(CaseError) as exc:
        decide(repo, case)
    assert exc.value.field == "information" and "草稿" in str(exc.value)


def test_the_answer_carries_the_weakest_grade_of_evidence_it_rests_on():
    files = mini_files()
    case, _ = check({**PENALTY, "information": "entry-a"}, TODAY)
    repo, _ = load_texts(files)
    first = decide(repo, case)
    assert first["evidence"] == "official_copy" and first["unverified"] == []
    assert {c["evidence"] for t in first["trace"] for c in t["citations"]} == {"official_copy"}
    files["catalogs/cat-2021/entry-a.yml"] = files["catalogs/cat-2021/entry-a.yml"].replace(
        "verified: true\nevidence: official_copy", "verified: false\nevidence: reconstructed")
    repo, _ = load_texts(files)
    second = decide(repo, case)
    assert second["evidence"] == "reconstructed"
    assert [(u["record"], u["evidence"]) for u in second["unverified"]] == [("entry-a", "reconstructed")]
    from tools.report.decision import text
    words = text(second)
    assert "推断重构" in words and "只能作为查找原文的线索" in words
    assert "只能作为查找原文的线索" not in text(first)


def test_the_guide_and_decide_use_the_same_periods(repo):
    from tools.site.guide import repair_items

    item = next(i for i in repair_items(repo, dt.date(2026, 11, 29)) if i["rec"].id == "administrative-penalty-info-2024")
    got = answer(repo, decided_on="2026-11-29")
    assert got["regime"] == "repair-regime-2026"
    assert "一般失信信息公示满3个月" in item["when"] and got["publication"]["minimum"] == "P3M"
    assert item["days"] == got["repair"]["time_limit_working_days"]


# -- bad input ------------------------------------------------------------------------------------------------------

BAD = [
    ({"information": "no-such-entry"}, "information", "no-such-entry"),
    ({"decided_on": "2025-02-30"}, "decided_on", "不是存在的日期"),
    ({"as_of": "2025-01-01"}, "as_of", "早于"),
    ({"severity": 3}, "severity", "应为文本"),
    ({"minor_corrected": "是"}, "minor_corrected", "应为布尔值"),
    ({"colour": "red"}, "colour", "未知字段"),
    ({"case": "lawsuit"}, "case", "不在允许范围内"),
]


@pytest.mark.parametrize("change,field,words", BAD, ids=[b[1] for b in BAD])
def test_bad_input_is_named_in_chinese(tmp_path, capsys, change, field, words):
    path = tmp_path / "case.json"
    path.write_text(json.dumps({**PENALTY, **change}, ensure_ascii=False), encoding="utf-8")
    assert main(["decide", str(path)]) == 1
    out, err = capsys.readouterr()
    assert f"字段“{field}”" in err and words in err, err
    assert "Traceback" not in err and out == ""


def test_a_batch_answers_every_good_line(tmp_path, capsys):
    path = tmp_path / "batch.jsonl"
    lines = [PENALTY, {**PENALTY, "list": "x"}, {**PENALTY, "decided_on": "2026-05-01"}, "not json"]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) if isinstance(x, dict) else x for x in lines) + "\n",
                    encoding="utf-8")
    assert main(["decide", "--format", "json", str(path)]) == 1
    out, err = capsys.readouterr()
    answers = [json.loads(x) for x in out.splitlines()]
    assert len(answers) == 4
    assert answers[0]["regime"] == "repair-regime-2023" and answers[2]["regime"] == "repair-regime-2026"
    assert "error" in answers[1] and "error" in answers[3]
    assert "第 2 行" in err and "字段“list”" in err and "第 4 行" in err and "不是合法的 JSON" in err


def test_yaml_batch_names_the_line(tmp_path, capsys):
    path = tmp_path / "batch.yml"
    path.write_text("- case: penalty\n  subject: legal_person\n  decided_on: 2025-03-01\n  procedure: ordinary\n"
                    "- case: penalty\n  subject: legal_person\n  decided_on: 2025-13-01\n  procedure: ordinary\n",
                    encoding="utf-8")
    assert main(["decide", str(path)]) == 1
    assert "第 2 个案件（第 5 行）" in capsys.readouterr().err


def test_stdin_and_text(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(PENALTY).encode())))
    assert main(["decide"]) == 0
    out = capsys.readouterr().out
    assert "最短期限的最后一日为 2025-06-01" in out and "《中华人民共和国民法典》第二百零一条" in out


def test_one_case_from_process_start_without_traceback():
    proc = subprocess.run([sys.executable, "-m", "tools", "decide", "--format", "json", "-"], cwd=ROOT,
                          input=json.dumps(PENALTY), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["repair"]["earliest"] == "2025-06-02"


keys = st.sampled_from(["case", "as_of", "subject", "decided_on", "procedure", "severity", "information", "list",
                        "listed_on", "matter", "applied_on", "materials", "penalties", "minor_corrected", "x"])
values = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=12),
                   st.sampled_from(["penalty", "listing", "repair", "2025-03-01", "2019-06-30", "ordinary",
                                    "general", "dishonest-judgment-debtors", "legal_person"]),
                   st.lists(st.sampled_from(["commitment", "identity", "x"]), max_size=3))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(keys, values, max_size=10))
def test_no_input_raises_anything_but_a_case_error(raw):
    repo = _real_repo()
    case, errors = check(raw, TODAY)
    assert (case is None) == bool(errors)
    if case is not None:
        try:
            json.dumps(decide(repo, case), default=str)
        except CaseError:
            pass


dates = st.dates(min_value=dt.date(2017, 1, 1), max_value=dt.date(2027, 12, 31))
LISTS = [p.stem for p in (ROOT / "sanction_lists" / "name_lists").glob("*.yml")]
ENTRIES = ["administrative-penalty-info-2024", "food-safety-violation-info-2024", "administrative-penalty-info"]


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(["penalty", "listing", "repair"]), start=dates, later=st.integers(0, 2000),
       severity=st.sampled_from([None, "minor", "general", "serious"]), procedure=st.sampled_from(["simplified", "ordinary"]),
       flags=st.tuples(st.booleans(), st.booleans()), info=st.sampled_from([None, *ENTRIES]),
       regime=st.sampled_from(LISTS), on_list=st.booleans(), matter=st.sampled_from([None, "政府采购", "招标"]),
       subject=st.sampled_from(["legal_person", "natural_person", "other_organization", "individual_business"]),
       materials=st.lists(st.sampled_from(["commitment", "identity", "performance_proof"]), unique=True))
def test_every_valid_case_is_answered(kind, start, later, severity, procedure, flags, info, regime, on_list, matter,
                                      subject, materials):
    raw = {"case": kind, "subject": subject, "as_of": start + dt.timedelta(days=later)}
    if kind == "listing" or (kind == "repair" and on_list):
        raw.update(list=regime, listed_on=start, **({"matter": matter} if matter else {}))
    else:
        raw.update(decided_on=start, procedure=procedure, minor_corrected=flags[0], first_offense_corrected=flags[1],
                   **({"severity": severity} if severity else {}), **({"information": info} if info else {}))
    if kind == "repair":
        raw.update(applied_on=start + dt.timedelta(days=later // 2), materials=materials)
    case, errors = check(raw, TODAY)
    assert errors == [], errors
    got = decide(_real_repo(), case)
    json.dumps(got, default=str)
    pub = got["publication"] or {}
    if pub.get("earliest_end") and pub.get("latest_end"):
        assert pub["starts"] < pub["earliest_end"] <= pub["latest_end"]
    if got["repair"] and got["repair"]["earliest"] and pub.get("earliest_end"):
        assert got["repair"]["earliest"] == pub["earliest_end"] + dt.timedelta(days=1)
    if kind == "repair" and got["repair"] and got["repair"]["can_apply"] is not None and got["repair"]["earliest"]:
        assert got["repair"]["can_apply"] == (case["applied_on"] >= got["repair"]["earliest"])


def test_the_compiled_check_agrees_with_cerberus():
    """check() lets the compiled JSON Schema accept a case before cerberus is asked: both must agree."""
    from tools.model.cases import SCHEMAS
    from tools.model.fast import is_valid_against
    from tools.model.validate import problems

    samples = [c.input for c in FILES] + [{**PENALTY, **change} for change, _, _ in BAD]
    samples += [{**PENALTY, "penalties": [{"type": "罚款", "amount_yuan": 5000}]},
                {**PENALTY, "penalties": [{"type": "罚款", "amount_yuan": -1}]}, {**PENALTY, "penalties": [{}]}]
    seen = 0
    for raw in samples:
        kind = raw.get("case")
        if kind not in SCHEMAS:
            continue
        case = {k: (dt.date.fromisoformat(v) if k in ("as_of", "decided_on", "listed_on", "applied_on")
                    and isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) and v[5:7] <= "12"
                    and v != "2025-02-30" else v) for k, v in raw.items()}
        fast = is_valid_against(f"case-{kind}", SCHEMAS[kind], case)
        assert fast == (not list(problems(f"case-{kind}", SCHEMAS[kind], case))), raw
        seen += 1
    assert seen > 90


def test_the_plan_clause_of_a_conclusion_is_not_cited_twice(repo):
    """A conclusion names the plan's clause it applies in its bracket; the same clause is not repeated among the
    articles behind it (it was, as 《本溪市…实施方案》四（六）14, right after 方案四（六）14)."""
    from tools.domain.plan import PLAN_DOC
    from tools.report.decision import text
    a = answer(repo, case="repair", information="administrative-penalty-info-2024", decided_on="2026-04-01",
               applied_on="2026-09-28", materials=["commitment"])
    doubled = [t for t in a["trace"] if any(c["doc"] == PLAN_DOC and c["label"] == t["plan_clause"]
                                            for c in t["citations"])]
    assert doubled, "the data cite the plan's own clause: the display must drop it"
    plan = repo.get(PLAN_DOC, "document").title
    for t in doubled:
        line = next(x for x in text(a).splitlines() if x.startswith(f"- {t['conclusion']}"))
        assert f"《{plan}》{t['plan_clause']}" not in line and f"方案{t['plan_clause']}" in line
