"""Integrity rules: ids, citations and references resolve; nothing rests on law that does not apply."""
from __future__ import annotations

import re

from tools.base.findings import ERROR, WARNING
from tools.domain.plan import PLAN_DOC, clause_provision
from tools.domain.validity import in_force, valid_on
from tools.model.records import REFERENCES, iter_path
from tools.model.vocab import KINDS
from tools.rules.registry import INFRASTRUCTURE, rule


@rule("ID-002", ERROR, "id 在整个仓库中重复", rationale=INFRASTRUCTURE + "；重复的 id 会让引用指向不明")
def duplicate_ids(repo, ctx):
    first = {}
    for rec in repo.records:
        rid = rec.id
        if rid is None:
            continue
        if rid in first:
            yield rec, ("id",), f"id“{rid}”已被 {first[rid].path} 使用：id 必须在整个仓库中唯一"
        else:
            first[rid] = rec


@rule("REF-001", ERROR, "引用的文件不存在", clause="二（严格依法依规）")
def citation_documents(repo, ctx):
    for rec in repo.records:
        for path, cit in rec.citations:
            doc = cit.get("doc")
            if isinstance(doc, str) and repo.cited(cit)[0] is None:
                yield rec, path + ("doc",), f"引用的文件“{doc}”在 policies/ 中不存在：请先添加该文件的记录，或改正 id"


@rule("REF-002", ERROR, "引用的条款在文件中不存在", clause="二（严格依法依规）")
def citation_provisions(repo, ctx):
    for rec in repo.records:
        for path, cit in rec.citations:
            doc, prov = cit.get("doc"), cit.get("provision")
            target, found = repo.cited(cit)
            if target is not None and isinstance(prov, str) and found is None:
                yield rec, path + ("provision",), (f"文件“{doc}”（{target.title}）没有 id 为“{prov}”的条款："
                                                   f"请在该文件的 provisions 中添加，或改正条款 id")


@rule("REF-003", ERROR, "引用的记录不存在或类型不符", clause="五（三）")
def record_references(repo, ctx):
    for kind, pattern, targets in REFERENCES:
        allowed = "或".join(KINDS[t] for t in targets)
        for rec in repo.records:
            if rec.kind != kind:
                continue
            for path, value in iter_path(rec.data, pattern):
                if isinstance(value, str) and repo.get(value, targets) is None:
                    other = repo.get(value)
                    why = f"它是{KINDS.get(other.kind, other.kind)}" if other else "仓库中没有这条记录"
                    yield rec, path, f"“{path[0]}”引用的“{value}”应为{allowed}，但{why}"
    yield from _group_references(repo)


def _group_references(repo):
    """Entries and measures belong to the edition of their folder, which must exist; categories must be declared."""
    editions = {r.id: r for r in repo.of_kind("catalog_edition")}
    lists = {r.id: r for r in repo.of_kind("measure_list")}
    for rec in repo.records:
        if rec.kind == "catalog_entry":
            edition = editions.get(rec.group)
            if edition is None:
                yield rec, (), f"所在文件夹“{rec.group}”缺少目录版本文件 catalog.yml"
                continue
            cats = {c.get("id") for c in edition.data.get("categories") or [] if isinstance(c, dict)}
            cat = rec.data.get("category")
            if isinstance(cat, str) and cat not in cats:
                yield rec, ("category",), f"信息类别“{cat}”不在目录版本“{edition.id}”的 categories 中"
        elif rec.kind == "measure" and rec.group not in lists:
            yield rec, (), f"所在文件夹“{rec.group}”缺少清单版本文件 list.yml"


@rule("TIME-001", ERROR, "引用的文件在基准日不施行（已废止、已失效或尚未生效）", clause="二（严格依法依规）")
def citations_in_force(repo, ctx):
    for rec in repo.records:
        if rec.kind == "document" or _record_ended(rec, ctx.as_of):
            continue
        for path, cit in rec.citations:
            doc = repo.cited(cit)[0]
            if doc is None:
                continue
            why = in_force(doc.data, ctx.as_of)
            if why:
                yield rec, path + ("doc",), (f"引用的《{doc.title}》在基准日 {ctx.as_of} {why}：请改为引用现行有效的依据，"
                                             f"或为本记录设置 effective_to")


def _record_ended(rec, as_of):
    """A record not valid on as_of (ended before it, or starting after it) is history or future: citations of
    documents not in force on that date are expected there."""
    return not valid_on(rec.data, as_of)


@rule("TIME-002", WARNING, "引用的文件已被修改，应核对是否引用现行版本（每条记录每个文件报告一次）", clause="二（严格依法依规）")
def citations_amended(repo, ctx):
    for rec in repo.records:
        if _record_ended(rec, ctx.as_of):
            continue
        seen = set()
        for path, cit in rec.citations:
            doc = repo.cited(cit)[0]
            if doc is not None and doc.data.get("status") == "amended" and doc.id not in seen:
                seen.add(doc.id)
                newer = doc.data.get("replaced_by")
                hint = f"（现行版本：{newer}）" if newer else ""
                yield rec, path + ("doc",), f"引用的《{doc.title}》已被修改{hint}：请核对条款是否仍为现行内容"


@rule("VERIFY-001", WARNING, "记录尚未逐项核实（verified: false）", clause="二（严格依法依规）")
def unverified(repo, ctx):
    for rec in repo.records:
        if rec.data.get("verified") is False:
            note = rec.data.get("note")
            detail = f"：{note}" if isinstance(note, str) else "；请在 note 中写明哪些内容未核实"
            yield rec, ("verified",), f"本记录尚未对照来源逐项核实{detail}"
        if rec.kind == "document":
            for i, prov in enumerate(rec.data.get("provisions") or []):
                if isinstance(prov, dict) and prov.get("verified") is False:
                    note = prov.get("note")
                    detail = f"：{note}" if isinstance(note, str) else ""
                    name = prov.get("label") or prov.get("id")
                    yield rec, ("provisions", i, "verified"), f"条款“{name}”尚未核实{detail}"


LABELLED_LEVELS = ("law", "administrative_regulation", "local_regulation", "judicial_interpretation",
                   "departmental_rule", "local_government_rule")
ARTICLE_LABEL = re.compile(r"^第[零〇一二三四五六七八九十百千]+条(第[一二三四五六七八九十]+款)?(第[（(]?[一二三四五六七八九十]+[）)]?项)?$")


@rule("DOC-001", ERROR, "法律法规和规章的条款必须使用官方条号（第N条）", clause="二（严格依法依规）")
def article_labels(repo, ctx):
    for rec in repo.of_kind("document"):
        if rec.data.get("level") not in LABELLED_LEVELS:
            continue
        for i, prov in enumerate(rec.data.get("provisions") or []):
            if not isinstance(prov, dict):
                continue
            label = prov.get("label")
            if not isinstance(label, str) or not ARTICLE_LABEL.match(label):
                yield rec, ("provisions", i, "label"), (f"条款“{prov.get('id')}”的编号“{label}”不是官方条号：法律、法规和规章的条款"
                                                        f"应写作原文中的“第N条”（汉字数字，如 第二百六十六条、第四十八条第二款）")


@rule("META-001", ERROR, "规则引用的方案条款不存在", rationale="仓库自检：每条规则都必须指向方案中真实存在的条款")
def rule_clauses(repo, ctx):
    plan = repo.get(PLAN_DOC, "document")
    if plan is None:
        if repo.records:
            yield None, (), f"缺少方案本身的记录 {PLAN_DOC}：规则无法引用方案条款"
        return
    for r in ctx.rules:
        if r.clause and clause_provision(repo, r.clause) is None:
            yield plan, ("provisions",), f"规则 {r.id} 引用的方案条款“{r.clause}”在 {PLAN_DOC} 中不存在"


@rule("DRAFT-001", WARNING, "草稿记录：尚有待填写的内容，清除 draft: true 之前网站不会发布",
      rationale="编辑流程：用 python -m tools new 新建的记录先是草稿")
def drafts(repo, ctx):
    for rec in repo.records:
        if rec.data.get("draft") is True:
            todo = sum(1 for _ in _placeholders(rec.data))
            more = f"，还有 {todo} 处“（待填写）”" if todo else ""
            yield rec, ("draft",), f"本记录是草稿{more}：填完并检查无误后删除 draft: true"


def _placeholders(data):
    if isinstance(data, str):
        if "（待填写）" in data:
            yield data
    elif isinstance(data, dict):
        for v in data.values():
            yield from _placeholders(v)
    elif isinstance(data, list):
        for v in data:
            yield from _placeholders(v)
