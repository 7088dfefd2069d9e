"""The static API for department systems (api/v1): every file fits its schema, openapi.json is valid OpenAPI 3.1,
the answers are the domain's (a list's measures equal `query`), drafts never appear, builds are reproducible, the
documented example runs, v1 only grows, and feedback-check finds each planted error at its row and field."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, write
from tools.api import API_REVISION, API_VERSION, write_api
from tools.api.schemas import ENDPOINTS, FEEDBACK, FEEDBACK_FIELDS, PAYLOADS, schema_documents, strict
from tools.cli import main
from tools.model.repository import load_repository

AS_OF = dt.date(2026, 11, 29)
CONTRACT = Path(__file__).resolve().parent / "api_v1_contract.json"
EXAMPLE = ROOT / "docs" / "data-api" / "example.py"
PAGE = ROOT / "docs" / "data-api" / "index.md"
CHANGELOG = ROOT / "docs" / "data-api" / "changelog.md"


@pytest.fixture(scope="module")
def repo():
    return load_repository(ROOT)[0]


@pytest.fixture(scope="module")
def api(repo, tmp_path_factory) -> Path:
    """The real repository's API, written as the build writes it (without the site around it)."""
    out = tmp_path_factory.mktemp("api") / "v1"
    write_api(repo, out, ROOT, AS_OF)
    return out


def _load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _validator(schema: dict):
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


# -- every file against its schema -------------------------------------------------------------------------------
def test_every_file_validates_against_its_strict_schema(api):
    index = _load(api / "index.json")
    files = index["files"] + [{"path": "index.json", "schema": "schemas/index.schema.json"}]
    checked = set()
    for entry in files:
        if entry["schema"] is None:
            continue
        schema = strict(_load(api / entry["schema"]))
        errors = [f"{entry['path']} {list(e.absolute_path)}: {e.message[:300]}"
                  for e in _validator(schema).iter_errors(_load(api / entry["path"]))]
        assert errors == []
        checked.add(entry["schema"])
    assert checked == {f"schemas/{name}.schema.json" for name in PAYLOADS}  # every payload schema is used


def test_the_strict_check_can_fail(api):
    """Control: a key the schema does not name, or a wrong type, is caught (the validation is not vacuous)."""
    schema = strict(_load(api / "schemas/list.schema.json"))
    data = _load(api / "lists/dishonest-judgment-debtors.json")
    data["measures"][0]["rows"][0]["surprise"] = 1
    assert list(_validator(schema).iter_errors(data))
    data = _load(api / "lists/dishonest-judgment-debtors.json")
    data["list"]["authority"][0]["lowest_level"] = 3
    assert list(_validator(schema).iter_errors(data))


def test_every_schema_file_is_a_valid_json_schema(api):
    for name in [*PAYLOADS, *FEEDBACK]:
        schema = _load(api / f"schemas/{name}.schema.json")
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)


def test_index_lists_every_file_with_its_hash(api):
    index = _load(api / "index.json")
    on_disk = {p.relative_to(api).as_posix() for p in api.rglob("*") if p.is_file()} - {"index.json"}
    assert {f["path"] for f in index["files"]} == on_disk
    for f in index["files"]:
        data = (api / f["path"]).read_bytes()
        assert (f["bytes"], f["sha256"]) == (len(data), hashlib.sha256(data).hexdigest())
    assert index["api_version"] == API_VERSION and index["revision"] == API_REVISION
    assert index["as_of"] == AS_OF.isoformat() and re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", index["generated_at"])
    assert re.match(r"^[0-9a-f]{40}$", index["commit"])


# -- OpenAPI ------------------------------------------------------------------------------------------------------
def test_openapi_is_valid_and_describes_every_endpoint(api):
    from openapi_spec_validator import validate

    doc = _load(api / "openapi.json")
    validate(doc)
    assert doc["openapi"].startswith("3.1") and doc["info"]["version"] == API_REVISION
    assert {p[1:] for p in doc["paths"]} == set(ENDPOINTS) | {"schemas/{name}.schema.json"}
    # every file served matches one of the described paths, with the ids the parameters allow
    index = _load(api / "index.json")
    templates = {p: re.compile("^" + re.escape(p[1:]).replace(r"\{id\}", "(?P<id>[^/]+)")
                               .replace(r"\{name\}", "(?P<name>[^/]+)") + "$") for p in doc["paths"]}
    for f in index["files"] + [{"path": "index.json"}]:
        if f["path"] == "openapi.json":
            continue
        hits = [(p, t.match(f["path"])) for p, t in templates.items() if t.match(f["path"])]
        assert hits, f["path"]
        path, m = hits[0]
        params = doc["paths"][path]["get"].get("parameters") or []
        for p in params:
            assert m.group(p["name"]) in p["schema"]["enum"], f["path"]
    for name in ("FeedbackRecord", "FeedbackBatch", "ListDetail", "Matters"):
        assert name in doc["components"]["schemas"]


def test_openapi_validation_can_fail(api):
    """Control: the validator rejects a broken document."""
    from openapi_spec_validator import validate
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    doc = _load(api / "openapi.json")
    doc["paths"]["/lists/{id}.json"]["get"]["parameters"][0]["in"] = "nowhere"
    with pytest.raises(OpenAPIValidationError):
        validate(doc)
    doc = _load(api / "openapi.json")
    del doc["paths"]["/lists/{id}.json"]["get"]["parameters"]  # a path parameter nobody declares
    with pytest.raises(Exception, match="id"):
        validate(doc)


# -- the answers are the domain's ----------------------------------------------------------------------------------
def test_measures_of_dishonest_judgment_debtors_equal_query(api):
    out = subprocess.run([sys.executable, "-m", "tools", "query", "--list", "dishonest-judgment-debtors",
                          "--as-of", AS_OF.isoformat(), "--format", "json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    query = json.loads(out.stdout)
    detail = _load(api / "lists/dishonest-judgment-debtors.json")
    assert detail["measures"] == query["measures"]
    assert detail["list"]["measure_ids"] == [m["id"] for m in query["measures"]]
    assert detail["as_of"] == query["as_of"]
    assert len(query["measures"]) == 5


def test_matters_are_measures_for_list_by_matter(repo, api):
    from tools.domain.measures import rows
    from tools.domain.sanctions import measures_for_list

    matters = {m["matter"]: m["lists"] for m in _load(api / "matters.json")["matters"]}
    named = {x for m in repo.of_kind("measure") for r in rows(m) for x in r.data.get("matters") or []}
    assert set(matters) == named
    for matter, lists in matters.items():
        expected = [(r.id, measures_for_list(repo, r, AS_OF, matter))
                    for r in sorted(repo.of_kind("list_regime"), key=lambda r: r.id)]
        assert [(x["list"], x["measures"]) for x in lists] == [(i, ms) for i, ms in expected if ms], matter
    procurement = {x["list"] for x in matters["政府采购"]}
    assert procurement == {"government-procurement-serious-list", "market-regulation-serious-list"}


def test_measures_carry_every_row_with_types_duration_and_basis(repo, api):
    measures = {m["id"]: m for m in _load(api / "measures.json")["measures"]}
    assert set(measures) == {m.id for m in repo.of_kind("measure")}
    row = measures["restrict-government-procurement"]["rows"][0]
    assert row["lists"] == ["government-procurement-serious-list"]
    assert row["duration"] == {"minimum": "P1Y", "maximum": "P3Y"}
    assert row["implementer_types"] == ["public_body", "other"]
    assert ("government-procurement-law-2014", "art-77", "第七十七条") in {
        (b["doc"], b["provision"], b["label"]) for b in row["basis"]}
    for m in measures.values():
        assert _load(api / f"measures/{m['id']}.json")["measure"] == m


def test_lists_carry_authority_period_and_repair(api):
    lists = {x["id"]: x for x in _load(api / "lists.json")["lists"]}
    assert len(lists) == 10
    market = lists["market-regulation-serious-list"]
    assert market["listing_period"]["duration"] == "P3Y" and market["listing_period"]["from"] == "listing_date"
    assert market["listing_period"]["from_zh"] and market["authority"][0]["kind"]
    assert market["repair"]["minimum_period"] == "P1Y"
    assert lists["dishonest-judgment-debtors"]["repair"]["judicial"] is True
    assert lists["customs-serious-dishonest-enterprises"]["in_force"] is True


def test_repair_rules_are_the_calculators(repo, api):
    from tools.site.calculator import calculator_data

    calc = calculator_data(repo, AS_OF)
    data = _load(api / "repair.json")
    for kind, runs in calc["regime_in_force"].items():
        assert [[x["from"], x["regime"]] for x in data["regime_in_force"][kind]] == runs
    assert [r["id"] for r in data["regimes"]] == [r["id"] for r in calc["regimes"]]
    assert data["calendar"] == calc["calendar"]
    assert all(c["label"] for r in data["regimes"] for c in r["basis"])


def test_catalog_has_only_current_editions(repo, api):
    from tools.domain.editions import is_current

    editions = _load(api / "catalog.json")["editions"]
    assert {e["id"] for e in editions} == {e.id for e in repo.of_kind("catalog_edition") if is_current(repo, e)}
    assert "catalog-national-2024" in {e["id"] for e in editions}
    assert "catalog-national-2021" not in {e["id"] for e in editions}


# -- drafts ---------------------------------------------------------------------------------------------------------
def test_every_record_and_citation_carries_its_grade_of_evidence(repo, api):
    """The grade in the API is the record's (a row's or a provision's own where it states one): one truth with
    the site and ``stats``; reconstructed provisions are marked so a system can keep them from the public."""
    from tools.domain import evidence
    regimes = {x["id"]: x for x in _load(api / "lists.json")["lists"]}
    assert regimes and all(x["evidence"] == evidence.grade(repo.get(i, "list_regime").data) for i, x in regimes.items())
    for m in _load(api / "measures.json")["measures"]:
        rec = repo.get(m["id"], "measure")
        assert m["evidence"] == evidence.grade(rec.data)
        assert [r["evidence"] for r in m["rows"]] == [evidence.effective(r, rec) for r in rec.data["rows"]]
    for ed in _load(api / "catalog.json")["editions"]:
        assert ed["evidence"] == evidence.grade(repo.get(ed["id"], "catalog_edition").data)
        assert all(e["evidence"] == evidence.grade(repo.get(e["id"], "catalog_entry").data) for e in ed["entries"])
    cites = [c for x in regimes.values() for c in x["standard_basis"]]
    assert cites and all(c["evidence"] == evidence.effective(repo.provision(c["doc"], c["provision"]),
                                                             repo.get(c["doc"], "document")) for c in cites)
    graded = {c["evidence"] for m in _load(api / "measures.json")["measures"] for r in m["rows"] for c in r["basis"]}
    assert graded <= set(evidence.GRADES)
    assert _load(api / "vocabulary.json")["vocabularies"]["evidence"]["reconstructed"].startswith("推断重构")


def test_drafts_never_appear(mini_repo, tmp_path):
    base = mini_repo / "sanction_lists"
    regime = (base / "name_lists/regime-a.yml").read_text(encoding="utf-8")
    write(mini_repo, "sanction_lists/name_lists/regime-draft.yml",
          regime.replace("id: regime-a", "id: regime-draft").replace("示例严重失信主体名单", "草稿名单") + "draft: true\n")
    measure = (base / "measures/list-2021/measure-a.yml").read_text(encoding="utf-8")
    write(mini_repo, "sanction_lists/measures/list-2021/measure-draft.yml",
          measure.replace("id: measure-a", "id: measure-draft").replace("示例限制措施", "草稿措施")
          .replace("示例审批", "草稿事项") + "draft: true\n")
    entry = (mini_repo / "catalogs/cat-2021/entry-a.yml").read_text(encoding="utf-8")
    write(mini_repo, "catalogs/cat-2021/entry-draft.yml",
          re.sub(r"(?m)^id: entry-a$", "id: entry-draft", entry) + "draft: true\n")
    write_api(load_repository(mini_repo)[0], tmp_path / "v1", mini_repo, AS_OF)
    text = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "v1").rglob("*.json"))
    for word in ("regime-draft", "草稿名单", "measure-draft", "草稿措施", "草稿事项", "entry-draft"):
        assert word not in text, word
    for word in ("regime-a", "measure-a", "示例审批", "entry-a"):  # control: the published records are there
        assert word in text, word


# -- builds ---------------------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_build_writes_the_api_and_two_builds_are_byte_identical(site_repo, tmp_path, monkeypatch, capsys):
    from tools.build import build

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    a, b = tmp_path / "a", tmp_path / "b"
    assert build(site_repo, a) == 0
    assert build(site_repo, b) == 0
    files = sorted(p.relative_to(a / "api").as_posix() for p in (a / "api").rglob("*") if p.is_file())
    assert "v1/index.json" in files and "v1/openapi.json" in files and "v1/lists/regime-a.json" in files
    assert files == sorted(p.relative_to(b / "api").as_posix() for p in (b / "api").rglob("*") if p.is_file())
    assert [f for f in files if (a / "api" / f).read_bytes() != (b / "api" / f).read_bytes()] == []
    index = _load(a / "api/v1/index.json")
    assert index["generated_at"] == "2025-11-25T00:00:00Z" and index["as_of"] == "2025-11-25"
    openapi = _load(a / "api/v1/openapi.json")
    assert openapi["servers"][0]["url"] == "https://credit.benxi.example/api/v1"  # mkdocs.yml's site_url
    assert (a / "data-api/index.html").is_file() and (a / "data-api/example.py").is_file()


# -- the documentation ---------------------------------------------------------------------------------------------
def test_example_script_runs_on_the_static_files(api):
    out = subprocess.run([sys.executable, str(EXAMPLE), api.as_uri() + "/", "政府采购",
                          "government-procurement-serious-list"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "依法依规限制参加政府采购活动" in out.stdout and "P1Y至P3Y" in out.stdout and "第七十七条" in out.stdout
    measures = _load(api / "lists/government-procurement-serious-list.json")["measures"]
    guessed = next(m for m in measures if m["name"] == "依法依规限制参加政府采购活动")["evidence"] == "reconstructed"
    assert ("依法依规限制参加政府采购活动〔推断整理，待核实〕" in out.stdout) == guessed  # the grade is shown as it is
    default = subprocess.run([sys.executable, str(EXAMPLE), api.as_uri() + "/"], capture_output=True, text=True,
                             timeout=60)
    assert "企业信息公示暂行条例" in default.stdout  # 政府采购 for the market-regulation list


def test_the_page_shows_the_example_and_every_endpoint():
    page = PAGE.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, re.S)
    assert blocks and blocks[0] == EXAMPLE.read_text(encoding="utf-8")
    for path in ENDPOINTS:
        assert path in page, path
    for name, zh, *_ in FEEDBACK_FIELDS:
        assert f"| `{name}` | {zh} |" in page, name
    assert f"修订 {API_REVISION}" in CHANGELOG.read_text(encoding="utf-8")
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "data-api/index.md" in nav and "data-api/changelog.md" in nav


# -- v1 only grows ------------------------------------------------------------------------------------------------
def _types(node, defs, prefix, out):
    if "$ref" in node:
        return _types(defs[node["$ref"].split("/")[-1]], defs, prefix, out)
    alternatives = node.get("anyOf") or [node]
    kinds = set()
    for alt in alternatives:
        alt = defs[alt["$ref"].split("/")[-1]] if "$ref" in alt else alt
        t = alt.get("type", "const" if "const" in alt else "any")
        kinds |= set(t) if isinstance(t, list) else {t}
        for key, sub in (alt.get("properties") or {}).items():
            _types(sub, defs, f"{prefix}/{key}", out)
        if isinstance(alt.get("items"), dict):
            _types(alt["items"], defs, prefix + "/[]", out)
        if isinstance(alt.get("additionalProperties"), dict):
            _types(alt["additionalProperties"], defs, prefix + "/{}", out)
    out[prefix or "/"] = "|".join(sorted(kinds))


def contract() -> dict:
    """Every key path of every schema with its type(s), and the feedback record's required fields."""
    out = {}
    for name, doc in schema_documents().items():
        paths: dict = {}
        _types(doc, doc.get("$defs", {}), "", paths)
        out[name] = dict(sorted(paths.items()))
    out["feedback-record#required"] = sorted(FEEDBACK["feedback-record"]["required"])
    return out


def test_v1_only_grows():
    """The v1 contract (tests/api_v1_contract.json) holds: no key path is gone or has changed its type, and the
    feedback record requires nothing more. A failure here means a breaking change: make it in v2 (README, the
    site's 数据接口 page). After an additive change, regenerate the file (python tests/test_api.py) and add a
    revision to the changelog."""
    pinned = json.loads(CONTRACT.read_text(encoding="utf-8"))
    now = contract()
    broken = [f"{name}{path}: {kind} -> {now.get(name, {}).get(path, '（已删除）')}"
              for name, paths in pinned.items() if not name.endswith("#required")
              for path, kind in paths.items() if now.get(name, {}).get(path) != kind]
    assert broken == []
    assert set(now["feedback-record#required"]) <= set(pinned["feedback-record#required"])


# -- feedback-check ---------------------------------------------------------------------------------------------------
HEADER = "反馈编号,主体类别,主体名称,统一社会信用代码,脱敏证件号码,名单,措施,措施行,业务事项,实施部门,实施日期,结果,说明\n"
CLEAN = [
    "FB-1,法人,示例有限公司,91210500MA00000002,,market-regulation-serious-list,restrict-government-procurement,1,"
    "政府采购,本溪市财政局,2026-11-20,已惩戒,",
    "FB-2,自然人,张三,,210502********123X,dishonest-judgment-debtors,restrict-high-consumption,,旅游度假,"
    "某旅行社,2026-11-21,未惩戒,主体已履行义务",
]
# (the row's cells, the field the planted error is in)
PLANTED = [
    ("FB-3,法人,甲公司,91210500MA00000003,,market-regulation-serious-list,restrict-honors,,授予荣誉称号,某局,"
     "2026-11-01,sanctioned,", "uscc"),  # wrong check character
    ("FB-4,自然人,乙,,210502199001011234,dishonest-judgment-debtors,restrict-exit,,出境,某局,2026-11-01,已惩戒,",
     "masked_id"),  # a full resident ID number
    ("FB-5,公司,丙公司,91210500MA00000002,,market-regulation-serious-list,restrict-honors,,授予荣誉称号,某局,"
     "2026-11-01,已惩戒,", "subject_type"),  # not a subject type
    ("FB-6,法人,丁公司,91210500MA00000002,,no-such-list,restrict-honors,,授予荣誉称号,某局,2026-11-01,已惩戒,",
     "list"),  # no such list
    ("FB-7,法人,戊公司,91210500MA00000002,,market-regulation-serious-list,restrict-exit,,出境,某局,2026-11-01,已惩戒,",
     "measure"),  # the measure does not follow from that list
    ("FB-8,法人,己公司,91210500MA00000002,,market-regulation-serious-list,restrict-honors,,授予荣誉称号,某局,"
     "2026-02-30,已惩戒,", "date"),  # no such day
    ("FB-9,法人,庚公司,91210500MA00000002,,market-regulation-serious-list,restrict-honors,,授予荣誉称号,某局,"
     "2026-11-01,未惩戒,", "reason"),  # not sanctioned without a reason
    ("FB-10,法人,辛公司,91210500MA00000002,,market-regulation-serious-list,restrict-honors,,授予荣誉称号,"
     "联系人 13912345678,2026-11-01,已惩戒,", "department"),  # personal data in a free-text field
    ("FB-11,法人,壬公司,,210502********123X,market-regulation-serious-list,restrict-honors,,授予荣誉称号,某局,"
     "2026-11-01,已惩戒,", "uscc"),  # an organisation identified by a masked ID
    ("FB-12,法人,癸公司,91210500MA00000002,,market-regulation-serious-list,restrict-honors,,授予荣誉称号,某局,"
     "2027-01-05,已惩戒,", "date"),  # after the day of the check
    ("FB-13,法人,子公司,91210500MA00000002,,market-regulation-serious-list,restrict-government-procurement,0,政府采购,"
     "某局,2026-11-01,已惩戒,", "row"),  # row 0 targets another list
]


def _check(tmp_path, capsys, name: str, content, *extra) -> tuple[int, dict]:
    path = write(tmp_path, name, content)
    code = main(["--root", str(ROOT), "feedback-check", str(path), "--as-of", AS_OF.isoformat(), "--format", "json",
                 *extra])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else {}


def test_a_clean_csv_passes(tmp_path, capsys):
    code, report = _check(tmp_path, capsys, "ok.csv", HEADER + "\n".join(CLEAN) + "\n")
    assert (code, report["problems"], report["records"]) == (0, [], 2)


def test_each_planted_error_is_found_at_its_row_and_field(tmp_path, capsys):
    rows = CLEAN + [cells for cells, _ in PLANTED]
    code, report = _check(tmp_path, capsys, "bad.csv", ("\ufeff" + HEADER + "\n".join(rows) + "\n").encode("utf-8"))
    assert code == 1
    found = sorted((p["row"], p["field"]) for p in report["problems"])
    expected = sorted((len(CLEAN) + 2 + i, field) for i, (_, field) in enumerate(PLANTED))  # header is line 1
    assert found == expected
    assert all(re.search(r"[\u4e00-\u9fff]", p["message"]) and p["field_zh"] for p in report["problems"])


def test_the_text_report_names_row_and_field(tmp_path, capsys):
    path = write(tmp_path, "bad.csv", HEADER + PLANTED[0][0] + "\n")
    assert main(["--root", str(ROOT), "feedback-check", str(path), "--as-of", AS_OF.isoformat()]) == 1
    out = capsys.readouterr().out
    assert "bad.csv：第 2 行：字段“统一社会信用代码”（uscc）：统一社会信用代码的校验位不对" in out
    assert "共 1 条反馈（csv）：1 条有问题" in out


def _records(rows: list[str]) -> list[dict]:
    """The CSV rows as JSON records (as a department system would send them: codes, not Chinese words)."""
    import csv
    import io

    from tools.api.feedback import CSV_WORDS

    names = {zh: name for name, zh, *_ in FEEDBACK_FIELDS}
    reader = csv.DictReader(io.StringIO(HEADER + "\n".join(rows)))
    out = []
    for r in reader:
        rec = {names[k]: CSV_WORDS.get(names[k], {}).get(v, v) for k, v in r.items() if v}
        if rec.get("row", "").isdigit():
            rec["row"] = int(rec["row"])
        out.append(rec)
    return out


def test_json_and_json_lines_report_the_same_problems(tmp_path, capsys):
    records = _records(CLEAN + [cells for cells, _ in PLANTED])
    code, report = _check(tmp_path, capsys, "bad.json", json.dumps(records, ensure_ascii=False))
    assert code == 1
    assert sorted((p["row"], p["field"]) for p in report["problems"]) == sorted(
        (len(CLEAN) + 1 + i, f) for i, (_, f) in enumerate(PLANTED))  # position in the array, from 1
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
    code, report = _check(tmp_path, capsys, "bad.jsonl", lines)
    assert code == 1
    assert sorted((p["row"], p["field"]) for p in report["problems"]) == sorted(
        (len(CLEAN) + 1 + i, f) for i, (_, f) in enumerate(PLANTED))  # the line
    code, report = _check(tmp_path, capsys, "ok.jsonl", "\n".join(json.dumps(r, ensure_ascii=False)
                                                                   for r in _records(CLEAN)))
    assert (code, report["problems"]) == (0, [])


def test_the_schema_itself_agrees_with_feedback_check(api):
    """Each record feedback-check finds a schema-level problem in is invalid under the published schema (checked
    with jsonschema), and the clean records are valid: the command checks that schema, not another."""
    validator = _validator(_load(api / "schemas/feedback-record.schema.json"))
    for rec in _records(CLEAN):
        assert list(validator.iter_errors(rec)) == [], rec
    schema_level = {"masked_id", "subject_type", "reason"}
    for rec, (_, field) in zip(_records([cells for cells, _ in PLANTED]), PLANTED):
        if field in schema_level or rec.get("feedback_id") == "FB-11":
            assert list(validator.iter_errors(rec)), rec
    batch = _validator(_load(api / "schemas/feedback-batch.schema.json"))
    assert list(batch.iter_errors(_records(CLEAN))) == []


def test_unreadable_files(tmp_path, capsys):
    code, report = _check(tmp_path, capsys, "gbk.csv", HEADER.encode("gbk"))
    assert code == 1 and "UTF-8" in report["problems"][0]["message"]
    code, report = _check(tmp_path, capsys, "cols.csv", HEADER.replace("结果", "处理结果"))
    assert code == 1 and report["problems"][0]["row"] == 1 and "处理结果" in report["problems"][0]["message"]
    code, report = _check(tmp_path, capsys, "broken.json", "[{")
    assert code == 1 and "JSON" in report["problems"][0]["message"]
    code, report = _check(tmp_path, capsys, "unknown.json", json.dumps([{**_records(CLEAN)[0], "身份证": "x"}]))
    assert code == 1 and report["problems"][0]["field"] == "身份证"
    assert main(["--root", str(ROOT), "feedback-check", str(tmp_path / "missing.csv")]) == 2


# -- speed (printed by tools bench, never asserted) ---------------------------------------------------------------------
@pytest.mark.slow
def test_bench_prints_the_api_overhead(tmp_path):
    from tools.bench import api_figures, format_api

    figures = api_figures(tmp_path, runs=1, repo_root=_small_site(tmp_path))
    assert figures["with_api"] > 0 and figures["without_api"] > 0 and figures["generate"] > 0
    assert "数据接口" in format_api(figures)


def _small_site(tmp_path) -> Path:
    from conftest import add_site_config, make_mini_repo

    return add_site_config(make_mini_repo(tmp_path / "mini"))


if __name__ == "__main__":  # regenerate the v1 contract after an additive change: PYTHONPATH=. python tests/test_api.py
    CONTRACT.write_text(json.dumps(contract(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {CONTRACT}")
