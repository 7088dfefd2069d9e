"""Grades of evidence and links to official publishers only: the model, the rules (EVID-001 to EVID-004,
LINK-001), ``stats``, the domain functions, and the site (grade on every record page, counts on the home page, no
live link to a non-official domain anywhere in a built site)."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import ROOT, write
from tools.build import build
from tools.cli import main
from tools.domain import evidence
from tools.domain.sources import html_links, is_official, markdown_links, official_domains, unofficial_links
from tools.lint import lint
from tools.model.repository import load_repository
from tools.model.vocab import EVIDENCE
from tools.rules import all_rules
from tools.site.pages import page_uri
from tools.site.publish import unofficial_site_links

AS_OF = dt.date(2026, 11, 25)
ENTRY = "catalogs/cat-2021/entry-a.yml"
LAW = "policies/national/example-law.yml"
MEASURE = "sanction_lists/measures/list-2021/measure-a.yml"


def found(repo, rule):
    return [(f.path, f.line) for f in lint(repo, AS_OF).findings if f.rule == rule]


def edit(repo, rel, old, new, count=1) -> int:
    """Replace old (which must occur count times) in a fixture file; return the line where the first starts."""
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, (rel, old)
    at = text.index(old)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text.count("\n", 0, at) + 1


def line_of(repo, rel, needle) -> int:
    text = (repo / rel).read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(needle)) + 1


# -- the model ------------------------------------------------------------------------------------------------

def test_every_kind_has_the_evidence_field_with_the_four_grades():
    from tools.model.schemas import PROVISION, SCHEMAS

    assert list(EVIDENCE) == ["official", "official_copy", "secondary", "reconstructed"]
    for kind, schema in SCHEMAS.items():
        if kind == "waivers":
            continue
        assert schema["evidence"]["allowed"] == list(EVIDENCE), kind
        assert schema["evidence"]["meta"]["zh"].startswith("证据等级"), kind
    assert PROVISION["schema"]["evidence"]["allowed"] == list(EVIDENCE)
    assert SCHEMAS["measure"]["rows"]["schema"]["schema"]["evidence"]["allowed"] == list(EVIDENCE)


def test_the_generated_json_schemas_carry_the_field():
    import json

    doc = json.loads((ROOT / "schemas" / "document.schema.json").read_text(encoding="utf-8"))
    text = json.dumps(doc, ensure_ascii=False)
    assert "official_copy" in text and "证据等级" in text


def test_an_unknown_grade_is_a_schema_error(mini_repo):
    line = edit(mini_repo, LAW, "evidence: official_copy\n", "evidence: official-ish\n")
    got = [f for f in lint(mini_repo, AS_OF).findings if f.path == LAW and f.rule.startswith("SCHEMA-")]
    assert [(f.line, f.severity) for f in got] == [(line, "error")]
    assert "official_copy（官方数据库文本的副本）" in got[0].message


def test_the_clean_fixture_is_graded_and_passes_every_evidence_rule(mini_repo):
    repo, _ = load_repository(mini_repo)
    assert all(evidence.grade(r.data) for r in repo.records), "every fixture record states its grade"
    for rule in ("EVID-001", "EVID-002", "EVID-003", "EVID-004", "LINK-001"):
        assert found(mini_repo, rule) == [], rule


# -- EVID-001: every record states its grade --------------------------------------------------------------------

def test_evid_001_a_record_without_a_grade(mini_repo):
    edit(mini_repo, ENTRY, "evidence: official_copy\n", "")
    got = [f for f in lint(mini_repo, AS_OF).findings if f.rule == "EVID-001"]
    assert [(f.path, f.line, f.record, f.field) for f in got] == [(ENTRY, 1, "entry-a", "evidence")]
    assert got[0].severity == all_rules()["EVID-001"].severity
    assert "official_copy" in got[0].message and "secondary" in got[0].message


def test_evid_001_is_an_error_now_that_every_record_is_graded():
    assert all_rules()["EVID-001"].severity == "error"
    repo, _ = load_repository(ROOT)
    assert [r.path for r in repo.records if evidence.grade(r.data) is None] == []


# -- EVID-002: verified only on an official text -----------------------------------------------------------------

def test_evid_002_verified_record_graded_secondary(mini_repo):
    edit(mini_repo, ENTRY, "evidence: official_copy\n", "evidence: secondary\n")
    assert found(mini_repo, "EVID-002") == [(ENTRY, line_of(mini_repo, ENTRY, "verified: true"))]


@pytest.mark.parametrize("grade", ["official", "official_copy"])
def test_evid_002_verified_record_on_an_official_text_passes(mini_repo, grade):
    edit(mini_repo, ENTRY, "evidence: official_copy\n", f"evidence: {grade}\n")
    assert found(mini_repo, "EVID-002") == []


def test_evid_002_unverified_secondary_and_reconstructed_pass(mini_repo):
    edit(mini_repo, ENTRY, "verified: true\nevidence: official_copy\n", "verified: false\nevidence: reconstructed\n")
    assert found(mini_repo, "EVID-002") == []


def test_evid_002_a_provision_and_a_row_with_their_own_lower_grade(mini_repo):
    edit(mini_repo, LAW, "    summary: 示例条款二。\n", "    summary: 示例条款二。\n    verified: true\n    evidence: secondary\n")
    edit(mini_repo, MEASURE, "    matters: [示例审批]\n", "    matters: [示例审批]\n    verified: true\n    evidence: reconstructed\n")
    assert found(mini_repo, "EVID-002") == [(LAW, line_of(mini_repo, LAW, "    verified: true")),
                                            (MEASURE, line_of(mini_repo, MEASURE, "    verified: true"))]


def test_evid_002_a_verified_provision_inherits_its_documents_grade(mini_repo):
    edit(mini_repo, LAW, "verified: true\nevidence: official_copy\n", "verified: false\nevidence: secondary\nnote: 转载\n")
    edit(mini_repo, LAW, "    summary: 示例条款二。\n", "    summary: 示例条款二。\n    verified: true\n")
    assert found(mini_repo, "EVID-002") == [(LAW, line_of(mini_repo, LAW, "    verified: true"))]


# -- EVID-003: stale "not read" notes ------------------------------------------------------------------------------

def _cite_note(repo, note):
    return edit(repo, ENTRY, "  - doc: example-law\n    provision: art-1\n",
                f"  - doc: example-law\n    provision: art-1\n    note: {note}\n") + 2


def test_evid_003_a_named_article_that_is_now_held(mini_repo):
    line = _cite_note(mini_repo, "第二条的原文未读到")
    got = [f for f in lint(mini_repo, AS_OF).findings if f.rule == "EVID-003"]
    assert [(f.path, f.line, f.severity) for f in got] == [(ENTRY, line, "warning")]
    assert "第二条" in got[0].message and "art-2" in got[0].message


def test_evid_003_an_article_the_document_does_not_hold_passes(mini_repo):
    _cite_note(mini_repo, "第九条的原文未读到")
    assert found(mini_repo, "EVID-003") == []


def test_evid_003_a_document_read_only_in_a_reprint_passes(mini_repo):
    edit(mini_repo, LAW, "verified: true\nevidence: official_copy\n", "verified: false\nevidence: secondary\nnote: 转载\n")
    _cite_note(mini_repo, "第二条的原文未读到")
    assert found(mini_repo, "EVID-003") == []


def test_evid_003_a_provision_graded_lower_than_its_document_passes(mini_repo):
    edit(mini_repo, LAW, "    summary: 示例条款二。\n", "    summary: 示例条款二。\n    evidence: secondary\n")
    _cite_note(mini_repo, "第二条的原文未读到")
    assert found(mini_repo, "EVID-003") == []


def test_evid_003_an_article_number_not_read_in_a_document_now_read_in_full(mini_repo):
    """No article named: the document named by its number (第9号令) is now read in full (official_copy)."""
    edit(mini_repo, LAW, "doc_number: null", "doc_number: 测试机关令第9号")
    line = edit(mini_repo, ENTRY, "verified: true\nevidence: official_copy\n",
                "verified: true\nevidence: official_copy\nnote: 据报道第9号令也规定了本项信息，其条号未读到。\n") + 2
    assert found(mini_repo, "EVID-003") == [(ENTRY, line)]


def test_evid_003_other_things_not_read_pass(mini_repo):
    edit(mini_repo, ENTRY, "verified: true\nevidence: official_copy\n",
         "verified: true\nevidence: official_copy\nnote: 全国目录中该条目的官方行未能读到：提供单位据示例法整理；施行日期未读到。\n")
    assert found(mini_repo, "EVID-003") == []


# -- EVID-004: official means an official URL --------------------------------------------------------------------

def test_evid_004_official_without_an_official_url(mini_repo):
    line = edit(mini_repo, ENTRY, "evidence: official_copy\n", "evidence: official\n")
    edit(mini_repo, ENTRY, "source: 测试夹具\n", "source: https://news.example.com/a.html （转载）\n")
    assert found(mini_repo, "EVID-004") == [(ENTRY, line)]


def test_evid_004_official_with_an_official_url_passes(mini_repo):
    edit(mini_repo, ENTRY, "evidence: official_copy\n", "evidence: official\n")
    edit(mini_repo, ENTRY, "source: 测试夹具\n", "source: https://www.gov.cn/zhengce/a.htm\n")
    assert found(mini_repo, "EVID-004") == []


def test_evid_004_a_provision_claiming_official(mini_repo):
    edit(mini_repo, LAW, "    summary: 示例条款二。\n", "    summary: 示例条款二。\n    evidence: official\n")
    assert found(mini_repo, "EVID-004") == [(LAW, line_of(mini_repo, LAW, "    evidence: official\n"))]


# -- LINK-001: hand-written public pages --------------------------------------------------------------------------

def test_link_001_a_page_linking_to_a_reprint(mini_repo):
    write(mini_repo, "docs/guide.md", "# 指南\n\n详见[解读](https://lawfirm.example.com/a.html)与"
                                      "[中国政府网](https://www.gov.cn/zhengce/)。\n")
    got = [f for f in lint(mini_repo, AS_OF).findings if f.rule == "LINK-001"]
    assert [(f.path, f.line, f.column, f.severity) for f in got] == [("docs/guide.md", 3, 8, "error")]
    assert "lawfirm.example.com" in got[0].message and got[0].record is None


def test_link_001_every_link_form_is_seen(mini_repo):
    write(mini_repo, "docs/forms.md", "<https://a.example.org/x>\n\n[r]: http://b.example.org/y\n\n"
                                      '<a href="//c.example.org/z">c</a>\n\n!!! note\n    [d](https://d.example.org/)\n')
    write(mini_repo, "overrides/partials/footer.html", '<footer><a href="https://e.example.org/">e</a></footer>\n')
    got = sorted((f.path, f.line) for f in lint(mini_repo, AS_OF).findings if f.rule == "LINK-001")
    assert got == [("docs/forms.md", 1), ("docs/forms.md", 3), ("docs/forms.md", 5), ("docs/forms.md", 8),
                   ("overrides/partials/footer.html", 1)]


def test_link_001_code_official_and_internal_links_pass(mini_repo):
    write(mini_repo, "docs/ok.md", "# 好\n\n[站内](lists/index.md)、[信用中国](https://www.creditchina.gov.cn/)\n\n"
                                   "`https://example.com/in-code`\n\n```console\n$ curl https://example.com/api/\n```\n\n"
                                   "转载（example.com，非官方）\n")
    write(mini_repo, "docs/assets/vendor/lib/README.md", "[upstream](https://github.com/x/y)\n")  # not published
    assert found(mini_repo, "LINK-001") == []


def test_link_001_the_repositorys_own_pages_pass():
    assert [(f.path, f.line) for f in lint(ROOT, AS_OF).findings if f.rule == "LINK-001"] == []


# -- domain: sources and grades ------------------------------------------------------------------------------------

def test_the_official_domain_list_is_one_data_file_in_the_domain_layer():
    assert (ROOT / "tools/domain/official_domains.yml").is_file()
    assert not (ROOT / "tools/site/official_domains.yml").exists(), "one copy of the list"
    assert {"gov.cn", "npc.gov.cn", "court.gov.cn"} <= set(official_domains())


@pytest.mark.parametrize("url,official", [
    ("https://www.gov.cn/zhengce/content/a.htm", True), ("http://flk.npc.gov.cn/detail", True),
    ("https://www.creditchina.gov.cn/", True), ("https://GOV.CN/x", True), ("//amr.nanyang.gov.cn/x", True),
    ("https://evilgov.cn/x", False), ("https://gov.cn.example.com/x", False), ("https://github.com/LawRefBook/Laws", False),
    ("ftp://www.gov.cn/x", False), ("javascript:alert(1)", False), ("lists/index.md", False), ("http://[::1", False),
])
def test_is_official(url, official):
    assert is_official(url) is official


def test_link_finders():
    md = "a [x](https://a.org/b \"t\") `[y](http://c.org)`\n```\n[z](http://d.org)\n```\n[r]: <http://e.org>\n"
    assert [(line, url) for line, _, url in markdown_links(md)] == [(1, "https://a.org/b"), (5, "http://e.org")]
    assert html_links("<p>\n<a class=x href='https://f.org/'>f</a><A HREF=\"/g\">") == [(2, 1, "https://f.org/"), (2, 39, "/g")]
    assert unofficial_links([(1, 1, "https://www.gov.cn/"), (2, 1, "../x/"), (3, 1, "https://a.org/")]) == [(3, 1, "https://a.org/")]


def test_grade_counts_and_share(mini_repo):
    repo, _ = load_repository(mini_repo)
    counts = evidence.counts(repo.records)
    assert list(counts) == [*EVIDENCE, None]
    assert sum(counts.values()) == len(repo.records)
    official, total = evidence.official_share(repo.records)
    assert (official, total) == (counts["official"] + counts["official_copy"], len(repo.records))
    assert evidence.names_official_url("见 https://www.gov.cn/a 与 https://x.org/b") is True
    assert evidence.names_official_url("https://x.org/b") is False
    assert evidence.names_copy("shared/reference/laws/行政法/行政处罚法(2021-01-22).md（LawRefBook/Laws 2f4c5c2）")


# -- stats ------------------------------------------------------------------------------------------------------------

def test_stats_prints_grades_and_the_official_share(mini_repo, capsys):
    edit(mini_repo, ENTRY, "verified: true\nevidence: official_copy\n", "verified: false\nevidence: secondary\nnote: 转载\n")
    edit(mini_repo, MEASURE, "verified: true\nevidence: official_copy\n", "verified: false\nevidence: reconstructed\nnote: 推断\n")
    plan = mini_repo / "policies/benxi/benxi-plan-2021.yml"
    plan.write_text(re.sub(r"(?m)^evidence: .*$", "evidence: official", plan.read_text(encoding="utf-8")), encoding="utf-8")
    repo, _ = load_repository(mini_repo)
    n = len(repo.records)
    assert main(["--root", str(mini_repo), "stats"]) == 0
    out = capsys.readouterr().out.splitlines()
    header = out.index("类型\tofficial\tofficial_copy\tsecondary\treconstructed\t未标明\t官方比例")
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in out[header + 1:] if "\t" in line}
    assert rows["合计"][:5] == ["1", str(n - 3), "1", "1", "0"]
    assert rows["目录条目"] == ["0", "0", "1", "0", "0", "0%"]
    assert rows["惩戒措施"] == ["0", "0", "0", "1", "0", "0%"]
    share = f"{(n - 2) / n:.0%}"
    assert out[-1] == f"读自官方原文或官方数据库文本的副本（official + official_copy）：{n - 2}/{n}（{share}）"


# -- the site ----------------------------------------------------------------------------------------------------------

def _page(site, rel) -> str:
    return (site / rel / "index.html").read_text(encoding="utf-8")


def test_site_shows_the_grade_on_every_record_page_and_counts_on_the_home_page(site_repo):
    edit(site_repo, MEASURE, "verified: true\nevidence: official_copy\n", "verified: false\nevidence: reconstructed\nnote: 推断\n")
    edit(site_repo, MEASURE, "    matters: [示例审批]\n", "    matters: [示例审批]\n    evidence: official_copy\n")
    edit(site_repo, LAW, "    summary: 示例条款二。\n", "    summary: 示例条款二。\n    evidence: secondary\n")
    edit(site_repo, ENTRY, "source: 测试夹具\n", "source: 测试夹具；https://news.example.com/a.html ；https://www.gov.cn/b.htm\n")
    assert build(site_repo) == 0
    site = site_repo / "site"
    repo, _ = load_repository(site_repo)
    for rec in repo.records:  # every record page says where its facts were read
        html = (site / page_uri(rec).replace("index.md", "").replace(".md", "/") / "index.html").read_text(encoding="utf-8")
        assert "证据等级：" in html, rec.id
    law = _page(site, "documents/example-law")
    assert '<p class="evidence evidence-official_copy"><strong>证据等级：官方数据库文本的副本。</strong>' in law
    assert "本项的证据等级：二手资料（新闻、解读、地方指南）。本项内容读自新闻报道" in law
    measure = _page(site, "measures/list-2021/measure-a")
    assert '<div class="admonition warning evidence evidence-reconstructed"><p class="admonition-title">证据等级：推断重构，不作为事实</p>' in measure
    assert "不是从原文读到的事实" in measure and "本项的证据等级：官方数据库文本的副本" in measure
    assert re.search(r'为什么有推断整理的内容、本库查过哪些地方：见<a href="(\.\./)+unread/">尚未读到原文的官方文件</a>',
                     measure)
    entry = _page(site, "catalogs/cat-2021/entry-a")
    assert "news.example.com（转载，非官方）" in entry and 'href="https://news.example.com' not in entry
    assert '<a href="https://www.gov.cn/b.htm"' in entry
    home = (site / "index.html").read_text(encoding="utf-8")
    n = len(repo.records)
    assert f"全部 {n} 条记录中，{n - 1} 条（{(n - 1) / n:.0%}）读自官方发布原文或官方数据库文本的副本" in home
    assert "<td>推断重构，不作为事实</td>" in home and "<td>1</td>" in home
    assert unofficial_site_links(site) == []


def test_a_citation_of_an_inferred_provision_says_so_wherever_it_is_shown(site_repo):
    """A provision graded reconstructed (its label and summary inferred, not read) is never cited as fact: the
    record page, the decision text and the calculator's data all carry the mark; a read provision carries none."""
    edit(site_repo, LAW, "    summary: 示例条款一。\n",
         "    summary: 示例条款一。\n    verified: false\n    evidence: reconstructed\n")
    assert build(site_repo) == 0
    entry = _page(site_repo / "site", "catalogs/cat-2021/entry-a")
    assert "第一条</a>〔推断：条款编号和内容未读到原文，请以原文为准〕" in entry
    law = _page(site_repo / "site", "documents/example-law")
    assert "第二条〔推断" not in law and "第二条</a>〔推断" not in entry
    assert "为什么有推断整理的内容" not in entry  # entry-a is read from an official copy: no reconstruction box
    repo, _ = load_repository(site_repo)
    from tools.domain.citations import citation_info
    from tools.domain.decide import decide
    from tools.model.cases import check
    from tools.report.decision import text
    assert citation_info(repo, {"doc": "example-law", "provision": "art-1"}, AS_OF)["evidence"] == "reconstructed"
    assert citation_info(repo, {"doc": "example-law", "provision": "art-2"}, AS_OF)["evidence"] == "official_copy"
    case, _ = check({"case": "penalty", "as_of": "2026-11-25", "subject": "legal_person", "decided_on": "2025-03-01",
                     "procedure": "ordinary", "severity": "general", "information": "entry-a"}, AS_OF)
    assert "《示例法（测试夹具）》第一条〔推断〕" in text(decide(repo, case))


def test_the_build_refuses_a_site_that_links_elsewhere(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p>x</p>\n<a href="https://www.gov.cn/">g</a>\n'
                                               '<a href="../b/">b</a><a href="https://reprint.example.com/x">r</a>\n',
                                               encoding="utf-8")
    assert unofficial_site_links(tmp_path) == [("a/index.html", 3, "https://reprint.example.com/x")]


def test_the_built_repository_site_links_only_to_official_publishers(tmp_path):
    """The decisive check: the real repository built, every <a href> of every page scanned."""
    out = tmp_path / "site"
    assert build(ROOT, out) == 0
    pages = list(out.rglob("*.html"))
    assert len(pages) > 100
    outside = []
    for page in pages:
        for line, _, href in html_links(page.read_text(encoding="utf-8")):
            if re.match(r"(?i)^(https?:)?//", href) and not is_official(href):
                outside.append((page.relative_to(out).as_posix(), line, href))
    assert outside == []
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "squidfunk" not in home
    # why so many records are reconstructed or secondary, and what was searched: one click from the home page
    assert 'href="unread/"' in home and "查过哪些地方" in (out / "unread" / "index.html").read_text(encoding="utf-8")
    assert "证据等级" in (out / "index.html").read_text(encoding="utf-8")
