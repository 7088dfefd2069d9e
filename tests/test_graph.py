"""The dependency graph and the questions asked of it: impact, why, the joint-sanction bundle, exports."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re

import pytest
from openpyxl import load_workbook

from conftest import ROOT, write
from tools.cli import main
from tools.export import export
from tools.graph.build import build_graph, dependency_graph
from tools.graph.queries import QueryError, impact, joint_sanctions, why
from tools.model.repository import load_repository
from tools.model.records import iter_citations
from tools.lint import lint
from tools.domain.levels import LEGAL
from tools.rules import all_rules

AS_OF = dt.date(2026, 11, 25)


def graph_of(root):
    repo, _ = load_repository(root)
    return repo, build_graph(repo, all_rules())


def test_every_edge_end_is_a_node_and_edges_are_typed(mini_repo):
    repo, g = graph_of(mini_repo)
    assert all(d.get("type") for _, _, d in g.edges(data=True))
    assert {n for n, d in g.nodes(data=True) if "kind" not in d} == set()  # no node made up by networkx
    kinds = {d["type"] for _, _, d in g.edges(data=True)}
    assert {"cites", "part_of", "triggers", "enforces", "issued_by"} <= kinds


def test_dangling_reference_adds_no_node(mini_repo):
    path = mini_repo / "sanction_lists/measures/list-2021/measure-a.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("[regime-a, entry-a]", "[regime-a, ghost]"),
                    encoding="utf-8")
    _, g = graph_of(mini_repo)
    assert "ghost" not in g


def test_impact_of_a_provision_is_exactly_its_citers_then_their_dependents(mini_repo):
    repo, g = graph_of(mini_repo)
    citers = {r.id for r in repo.records if any(c.get("doc") == "example-law" and c.get("provision") == "art-1"
                                                for _, c in iter_citations(r.data))}
    assert citers == {"entry-a", "regime-a"}
    result = impact(g, "example-law#art-1")
    direct = {d["id"] for d in result["dependents"] if not d["via"]}
    assert direct == citers
    # the measure falls with the list and the entry that trigger it
    measure = next(d for d in result["dependents"] if d["id"] == "measure-a")
    assert measure["via"] in (["regime-a"], ["entry-a"])
    assert {d["id"] for d in result["dependents"]} == {"entry-a", "regime-a", "measure-a"}


def test_impact_of_a_document_reaches_through_its_provisions(mini_repo):
    _, g = graph_of(mini_repo)
    ids = {d["id"] for d in impact(g, "example-law")["dependents"]}
    assert {"example-law#art-1", "example-law#art-2", "entry-a", "measure-a", "regime-a", "regime-penalty",
            "cat-2021", "list-2021"} == ids


def test_impact_of_unknown_target_is_a_usage_error(mini_repo, capsys):
    _, g = graph_of(mini_repo)
    with pytest.raises(QueryError):
        impact(g, "nope#art-1")
    assert main(["--root", str(mini_repo), "impact", "nope"]) == 2


def test_impact_json_shape(mini_repo, capsys):
    assert main(["--root", str(mini_repo), "impact", "example-law#art-2", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["target"] == "example-law#art-2"
    assert all(set(d) >= {"id", "kind", "path", "via"} for d in data["dependents"])


def test_why_on_a_real_measure_ends_at_documents_of_the_allowed_level():
    repo, g = graph_of(ROOT)
    for m in repo.of_kind("measure"):
        result = why(repo, g, all_rules(), m.id, AS_OF)
        levels = {b["level"] for b in result["basis"]}
        if m.data.get("category") == "restrictive":
            assert levels & LEGAL, f"{m.id} rests on no law, regulation or central policy"
        clause_ids = {c["id"] for c in result["clauses"]}
        assert {"task-9", "task-10", "task-11"} & clause_ids, m.id


def test_why_text_is_chinese_and_names_the_chain(capsys):
    assert main(["why", "market-entry-ban", "--as-of", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert "法律及政策依据" in out and "《中华人民共和国行政许可法》第七十八条" in out
    assert "四（四）9" in out


def test_joint_sanctions_for_a_list(mini_repo):
    repo, _ = graph_of(mini_repo)
    bundle = joint_sanctions(repo, "regime-a", AS_OF)
    assert [m["id"] for m in bundle["measures"]] == ["measure-a"]
    m = bundle["measures"][0]
    assert m["implementers"] == ["示例部门"] and m["matters"] == ["示例审批"]
    assert [(b["doc"], b["provision"]) for b in m["basis"]] == [("example-law", "art-2")]


def test_joint_sanctions_drop_measures_of_a_list_not_in_force(mini_repo):
    write(mini_repo, "sanction_lists/measures/list-2021/list.yml",
          (mini_repo / "sanction_lists/measures/list-2021/list.yml").read_text(encoding="utf-8")
          + "effective_to: 2025-12-31\n")
    repo, _ = graph_of(mini_repo)
    assert joint_sanctions(repo, "regime-a", AS_OF)["measures"] == []
    assert [m["id"] for m in joint_sanctions(repo, "regime-a", dt.date(2025, 6, 1))["measures"]] == ["measure-a"]


def test_query_cli_json_contract(mini_repo, capsys):
    assert main(["--root", str(mini_repo), "query", "--list", "regime-a", "--as-of", "2026-11-25",
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["list"] == "regime-a" and data["as_of"] == "2026-11-25"
    assert set(data["measures"][0]) >= {"id", "name", "category", "implementers", "matters", "basis"}


def test_real_bundle_for_dishonest_judgment_debtors():
    repo, _ = graph_of(ROOT)
    regime = repo.get("dishonest-judgment-debtors")
    bundle = joint_sanctions(repo, "dishonest-judgment-debtors", AS_OF)
    expected = set(regime.data.get("measures") or [])
    assert expected, "the real list names the measures that follow from it"
    assert {m["id"] for m in bundle["measures"]} == expected
    for m in bundle["measures"]:
        assert m["basis"], f"{m['id']} carries its legal basis in the bundle"


def test_export_round_trip_and_index(mini_repo, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")  # 2025-11-25
    repo, g = graph_of(mini_repo)
    out = tmp_path / "exports"
    index = export(repo, g, out, mini_repo)
    for f in index["files"]:
        data = (out / f["path"]).read_bytes()
        assert len(data) == f["bytes"] and hashlib.sha256(data).hexdigest() == f["sha256"]
    assert index["generated_at"] == "2025-11-25T00:00:00Z" and index["format_version"] == "2"
    # JSON round trip: the exported records are the records (dates as ISO strings)
    for kind in ("document", "catalog_entry", "measure", "list_regime"):
        exported = {r["id"]: r for r in json.loads((out / f"json/{kind}.json").read_text(encoding="utf-8"))["records"]}
        for rec in repo.of_kind(kind):
            got = {k: v for k, v in exported[rec.id].items() if not k.startswith("_")}
            assert got == json.loads(json.dumps(rec.data, default=lambda d: d.isoformat())), rec.id
    # CSV opens in Excel (BOM) and carries every record
    raw = (out / "csv/measure.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "id" and [r[0] for r in rows[1:]] == ["measure-a"]
    # the grade of evidence, in words, after 已核实 in every table
    grade = dict(zip(rows[0], rows[1]))["证据等级"]
    assert grade == "官方数据库文本的副本" and rows[0].index("证据等级") == rows[0].index("已核实") + 1
    wb = load_workbook(out / "benxi-credit.xlsx")
    assert "惩戒措施" in wb.sheetnames
    bundle = json.loads((out / "json/joint_sanctions.json").read_text(encoding="utf-8"))
    assert bundle["lists"][0]["measures"][0]["id"] == "measure-a"


def test_export_is_reproducible(mini_repo, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    repo, g = graph_of(mini_repo)
    a, b = tmp_path / "a", tmp_path / "b"
    export(repo, g, a, mini_repo)
    export(repo, g, b, mini_repo)
    for p in a.rglob("*"):
        if p.is_file():
            assert p.read_bytes() == (b / p.relative_to(a)).read_bytes(), p.name


# -- graph rules: a case each must flag and the clean fixture each must pass ----------------------------------
def rule_hits(repo, rule):
    return [(f.path, f.line) for f in lint(repo, AS_OF).findings if f.rule == rule]


@pytest.mark.parametrize("rule", ["GRAPH-001", "GRAPH-002", "GRAPH-003", "GRAPH-004"])
def test_graph_rules_pass_on_the_clean_fixture(mini_repo, rule):
    hits = rule_hits(mini_repo, rule)
    assert hits == [] or (rule == "GRAPH-003" and all(p.startswith("policies/benxi") for p, _ in hits))


def test_graph_001_supersession_cycle(mini_repo):
    src = (mini_repo / "catalogs/cat-2021/catalog.yml").read_text(encoding="utf-8")
    write(mini_repo, "catalogs/cat-2022/catalog.yml",
          src.replace("id: cat-2021", "id: cat-2022").replace("supersedes: null", "supersedes: cat-2021"))
    write(mini_repo, "catalogs/cat-2021/catalog.yml", src.replace("supersedes: null", "supersedes: cat-2022"))
    assert rule_hits(mini_repo, "GRAPH-001") == [("catalogs/cat-2021/catalog.yml", 1)]


def test_graph_002_measure_nothing_triggers(mini_repo):
    path = mini_repo / "sanction_lists/measures/list-2021/measure-a.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    targets: [regime-a, entry-a]\n", ""), encoding="utf-8")
    path = mini_repo / "sanction_lists/name_lists/regime-a.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("measures: [measure-a]\n", ""), encoding="utf-8")
    assert rule_hits(mini_repo, "GRAPH-002") == [("sanction_lists/measures/list-2021/measure-a.yml", 1)]


def test_graph_003_document_nothing_cites(mini_repo):
    src = (mini_repo / "policies/national/example-law.yml").read_text(encoding="utf-8")
    write(mini_repo, "policies/national/unused-law.yml", src.replace("id: example-law", "id: unused-law"))
    assert ("policies/national/unused-law.yml", 2) in rule_hits(mini_repo, "GRAPH-003")


def test_graph_004_whole_basis_gone(mini_repo):
    path = mini_repo / "policies/national/example-law.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: in_force", "status: repealed"), encoding="utf-8")
    hits = rule_hits(mini_repo, "GRAPH-004")
    assert ("sanction_lists/measures/list-2021/measure-a.yml", 1) in hits
    # the entry also cites the plan (in force), so part of its basis stands
    assert ("catalogs/cat-2021/entry-a.yml", 1) not in hits


def test_dependency_view_reverses_triggers(mini_repo):
    _, g = graph_of(mini_repo)
    dep = dependency_graph(g)
    assert dep.has_edge("measure-a", "regime-a") and not dep.has_edge("regime-a", "measure-a")


def test_drafts_stay_out_of_exports_and_query(mini_repo, tmp_path, capsys):
    """A draft (draft: true) is never exported and never answered by query: department systems would act on it."""
    from tools.export import export
    from tools.graph.build import build_graph

    measure = mini_repo / "sanction_lists/measures/list-2021/measure-a.yml"
    measure.write_text(measure.read_text(encoding="utf-8") + "draft: true\n", encoding="utf-8")
    regime = mini_repo / "sanction_lists/name_lists/regime-a.yml"
    regime.write_text(regime.read_text(encoding="utf-8") + "draft: true\n", encoding="utf-8")
    repo, _ = load_repository(mini_repo)
    export(repo, build_graph(repo), tmp_path / "out", mini_repo)
    measures = json.loads((tmp_path / "out/json/measure.json").read_text(encoding="utf-8"))["records"]
    assert measures == []
    assert "measure-a" not in (tmp_path / "out/csv/measure.csv").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "out/json/joint_sanctions.json").read_text(encoding="utf-8"))["lists"] == []
    assert main(["--root", str(mini_repo), "query", "--list", "regime-a"]) == 2
    assert "草稿" in capsys.readouterr().err


def test_why_labels_amended_and_not_yet_issued_documents(mini_repo, capsys):
    law = mini_repo / "policies/national/example-law.yml"
    text = law.read_text(encoding="utf-8")
    law.write_text(text.replace("status: in_force", "status: amended"), encoding="utf-8")
    assert main(["--root", str(mini_repo), "why", "measure-a", "--as-of", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert "已被修改" in out and "现行有效" not in out
    law.write_text(re.sub(r"(?m)^effective_from: .*$", "effective_from: null", text)
                   .replace("issued: 2020-01-01", "issued: 2027-03-01"), encoding="utf-8")
    assert main(["--root", str(mini_repo), "why", "measure-a", "--as-of", "2026-11-25"]) == 0
    assert "尚未印发（2027-03-01 印发）" in capsys.readouterr().out
