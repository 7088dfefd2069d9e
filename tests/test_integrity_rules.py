"""Integrity rules: each has a case it must flag (rule, path, line) and the clean fixture it must pass."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT, write
from tools.lint import lint

AS_OF = dt.date(2026, 11, 25)


def findings(repo, rule, as_of=AS_OF):
    return [(f.path, f.line) for f in lint(repo, as_of).findings if f.rule == rule]


def edit(repo, rel, old, new) -> int:
    """Replace the first occurrence of old in a fixture file; return the line where it starts."""
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return text.count("\n", 0, at) + 1


@pytest.mark.parametrize("rule", ["ID-002", "REF-001", "REF-002", "REF-003", "TIME-001", "TIME-002", "DOC-001",
                                  "META-001", "VERIFY-001"])
def test_clean_fixture_passes(mini_repo, rule):
    got = findings(mini_repo, rule)
    if rule == "VERIFY-001":  # the real plan record is honestly unverified; the fixture's own records are verified
        assert all(p.startswith("policies/benxi/") for p, _ in got)
    else:
        assert got == []


def test_id_002_duplicate_id_across_files(mini_repo):
    src = (mini_repo / "sanction_lists/name_lists/regime-a.yml").read_text(encoding="utf-8")
    write(mini_repo, "policies/national/regime-a.yml", "# 同名文件\n" + src)
    assert ("sanction_lists/name_lists/regime-a.yml", 1) in findings(mini_repo, "ID-002") or \
        ("policies/national/regime-a.yml", 2) in findings(mini_repo, "ID-002")


ENTRY = "catalogs/cat-2021/entry-a.yml"
MEASURE = "sanction_lists/measures/list-2021/measure-a.yml"
REGIME = "sanction_lists/name_lists/regime-a.yml"


def test_ref_001_missing_document(mini_repo):
    line = edit(mini_repo, ENTRY, "  - doc: example-law\n    provision: art-1", "  - doc: no-such-law\n    provision: art-1")
    assert findings(mini_repo, "REF-001") == [(ENTRY, line)]


def test_ref_002_missing_provision(mini_repo):
    line = edit(mini_repo, REGIME, "    provision: art-1", "    provision: art-99")
    assert findings(mini_repo, "REF-002") == [(REGIME, line)]


def test_ref_003_measure_targets_unknown_regime(mini_repo):
    line = edit(mini_repo, MEASURE, "[regime-a, entry-a]", "[regime-a, nobody]")
    assert findings(mini_repo, "REF-003") == [(MEASURE, line)]


def test_ref_003_reference_to_wrong_kind(mini_repo):
    line = edit(mini_repo, REGIME, "measures: [measure-a]", "measures: [entry-a]")
    got = [f for f in lint(mini_repo, AS_OF).findings if f.rule == "REF-003"]
    assert [(f.path, f.line) for f in got] == [(REGIME, line)]
    assert "目录条目" in got[0].message


def test_ref_003_entry_category_must_exist_in_its_edition(mini_repo):
    line = edit(mini_repo, ENTRY, "category: penalty", "category: licensing")
    assert findings(mini_repo, "REF-003") == [(ENTRY, line)]


def test_ref_003_entry_folder_without_edition(mini_repo):
    src = (mini_repo / "catalogs/cat-2021/entry-a.yml").read_text(encoding="utf-8")
    write(mini_repo, "catalogs/cat-2030/entry-b.yml", src.replace("id: entry-a", "id: entry-b"))
    assert ("catalogs/cat-2030/entry-b.yml", 1) in findings(mini_repo, "REF-003")


def _set_law(repo, **fields):
    path = repo / "policies/national/example-law.yml"
    text = path.read_text(encoding="utf-8")
    for key, value in fields.items():
        lines = [f"{key}: {value}" if ln.startswith(f"{key}:") else ln for ln in text.splitlines()]
        text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")


def first_doc_line(repo, rel, doc="example-law") -> int:
    text = (repo / rel).read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(f"- doc: {doc}")) + 1


CITING = [ENTRY, MEASURE, REGIME, "procedures/repair_regimes/regime-penalty.yml"]


def test_time_001_repealed_document(mini_repo):
    _set_law(mini_repo, status="repealed", effective_to="2025-12-31")
    got = findings(mini_repo, "TIME-001")
    assert (ENTRY, first_doc_line(mini_repo, ENTRY)) in got
    assert (MEASURE, first_doc_line(mini_repo, MEASURE)) in got


def test_time_001_not_yet_in_force_depends_on_as_of(mini_repo):
    _set_law(mini_repo, effective_from="2027-01-01")
    repair_regime = "procedures/repair_regimes/regime-penalty.yml"
    assert (repair_regime, first_doc_line(mini_repo, repair_regime)) in findings(mini_repo, "TIME-001")
    # the list regime's standard, and the catalog and list that publish the entry and the measure, rest on that law:
    # those records are not yet in being, so they are out of scope rather than in violation
    assert not {REGIME, ENTRY, MEASURE} & {path for path, _ in findings(mini_repo, "TIME-001")}
    assert findings(mini_repo, "TIME-001", as_of=dt.date(2027, 6, 1)) == []


def test_records_not_yet_in_being_are_out_of_scope():
    """lint --as-of a day before the 2021 catalog and list were issued: their records are future, not violations."""
    result = lint(ROOT, dt.date(2021, 7, 21))
    assert [f for f in result.findings if f.blocking] == []
    assert not [f for f in result.findings if f.rule == "TIME-001" and "catalog-national-2024" in f.path]


def test_time_001_historic_record_may_cite_old_law(mini_repo):
    _set_law(mini_repo, status="repealed", effective_to="2025-12-31")
    for rel in CITING:
        path = mini_repo / rel
        path.write_text(path.read_text(encoding="utf-8") + "effective_to: 2025-12-31\n", encoding="utf-8")
    assert findings(mini_repo, "TIME-001") == []


def test_time_002_amended_document_warns_once_per_record(mini_repo):
    _set_law(mini_repo, status="amended")
    got = [f for f in lint(mini_repo, AS_OF).findings if f.rule == "TIME-002"]
    assert sorted((f.path, f.line, f.severity) for f in got) == sorted(
        (rel, first_doc_line(mini_repo, rel), "warning") for rel in CITING)


def test_verify_001_unverified_record_and_provision(mini_repo):
    path = mini_repo / "policies/national/example-law.yml"
    text = path.read_text(encoding="utf-8").replace("verified: true", "verified: false\nnote: 日期未核实")
    text = text.replace("    summary: 示例条款二。", "    summary: 示例条款二。\n    verified: false")
    path.write_text(text, encoding="utf-8")
    got = [f for f in lint(mini_repo, AS_OF).findings if f.rule == "VERIFY-001" and "example-law" in f.path]
    assert [(f.line, f.severity) for f in got] == [(15, "warning"), (25, "warning")]
    assert "日期未核实" in got[0].message


def test_doc_001_law_provision_needs_article_label(mini_repo):
    path = mini_repo / "policies/national/example-law.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("label: 第二条", "label: 二"), encoding="utf-8")
    assert findings(mini_repo, "DOC-001") == [("policies/national/example-law.yml", 22)]


def test_doc_001_policy_document_may_use_its_own_numbering(mini_repo):
    path = mini_repo / "policies/national/example-law.yml"
    text = path.read_text(encoding="utf-8").replace("label: 第二条", "label: 四、（六）")
    path.write_text(text.replace("level: law", "level: central_policy"), encoding="utf-8")
    assert findings(mini_repo, "DOC-001") == []


def test_meta_001_rule_clause_missing_from_plan(mini_repo):
    path = mini_repo / "policies/benxi/benxi-plan-2021.yml"
    text = path.read_text(encoding="utf-8")
    assert "  - id: part-5-3\n    label: 五（三）\n" in text
    path.write_text(text.replace("    label: 五（三）\n", "    label: 五（三）（改）\n"), encoding="utf-8")
    got = [f for f in lint(mini_repo, AS_OF).findings if f.rule == "META-001"]
    assert got and all(f.path == "policies/benxi/benxi-plan-2021.yml" for f in got)
    assert any("REF-003" in f.message and "五（三）" in f.message for f in got)


def test_a_waiver_covers_only_its_field(mini_repo):
    """A waiver granted for one field does not hide a new violation of the same rule elsewhere in the record."""
    measure = mini_repo / "sanction_lists/measures/list-2021/measure-a.yml"
    text = measure.read_text(encoding="utf-8")
    measure.write_text(text.replace("      - doc: example-law\n        provision: art-2\n",
                                    "      - doc: example-law\n        provision: art-2\n      - doc: missing-law\n"
                                    "        provision: art-2\n"), encoding="utf-8")
    (mini_repo / "waivers.yml").write_text("waivers:\n  - rule: REF-001\n    record: measure-a\n    field: rows.0.basis.1\n"
                                           "    reason: 依据文件正在录入\n    approved_by: 张三\n    expires: 2027-06-30\n",
                                           encoding="utf-8")
    waived = [f for f in lint(mini_repo, AS_OF).findings if f.rule == "REF-001"]
    assert [(f.field, f.waiver is not None) for f in waived] == [("rows.0.basis.1.doc", True)]
    text = measure.read_text(encoding="utf-8")
    measure.write_text(text.replace("      - doc: missing-law\n        provision: art-2\n",
                                    "      - doc: missing-law\n        provision: art-2\n"
                                    "      - doc: another-missing-law\n        provision: art-1\n"), encoding="utf-8")
    found = [f for f in lint(mini_repo, AS_OF).findings if f.rule == "REF-001"]
    assert sorted((f.field, f.waiver is not None) for f in found) == [("rows.0.basis.1.doc", True),
                                                                      ("rows.0.basis.2.doc", False)]
