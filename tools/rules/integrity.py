"""Integrity rules: ids, citations and references resolve; nothing rests on law that does not apply."""
from __future__ import annotations

import re

from tools.base.findings import ERROR, WARNING
from tools.domain.plan import PLAN_DOC, clause_provision
from tools.domain.validity import in_force, in_scope
from tools.model.records import REFERENCES, iter_path
from tools.model.vocab import KINDS
from tools.rules.registry import INFRASTRUCTURE, rule


@rule("ID-002", ERROR, "id 在整个仓库中重复", rationale=INFRASTRUCTURE + "；重复的 id 会让引用指向不明")
def duplicate_ids(repo, ctx):
    """每条记录的 id 在整个仓库中必须唯一，不论记录类型：引用只写 id，重复的 id 会让引用指向不明。

    报错：
    ```yaml
    # 政策法规文件（原文）
    id: benxi-plan-2021  # 新建文件时照抄了方案记录的 id
    title: 某条例（示例）
    doc_number: null
    issuer: [某机关]
    level: local_regulation
    jurisdiction: liaoning
    issued: 2020-01-01
    status: in_force
    source: 示例
    verified: true
    provisions:
      - id: art-1
        label: 第一条
        summary: 示例条款。
    ```

    通过：
    ```yaml
    # 政策法规文件（原文）
    id: some-regulation
    title: 某条例（示例）
    doc_number: null
    issuer: [某机关]
    level: local_regulation
    jurisdiction: liaoning
    issued: 2020-01-01
    status: in_force
    source: 示例
    verified: true
    provisions:
      - id: art-1
        label: 第一条
        summary: 示例条款。
    ```
    """
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
    """二（严格依法依规）：事关个人、企业等主体切身利益的失信行为记录、严重失信主体名单认定和失信惩戒，必须严格在法治轨道内运行。引用（basis 等）中的 doc 必须是 policies/ 中已有记录的文件 id：依据找不到，
    就无从核对。

    报错：
    ```yaml
    # 目录条目
    basis:
      - doc: no-such-law
        provision: art-1
    ```

    通过：
    ```yaml
    # 目录条目
    basis:
      - doc: example-law
        provision: art-1
    ```
    """
    for rec in repo.records:
        for path, cit in rec.citations:
            doc = cit.get("doc")
            if isinstance(doc, str) and repo.cited(cit)[0] is None:
                yield rec, path + ("doc",), f"引用的文件“{doc}”在 policies/ 中不存在：请先添加该文件的记录，或改正 id"


@rule("REF-002", ERROR, "引用的条款在文件中不存在", clause="二（严格依法依规）")
def citation_provisions(repo, ctx):
    """二（严格依法依规）：事关个人、企业等主体切身利益的失信行为记录、严重失信主体名单认定和失信惩戒，必须严格在法治轨道内运行。引用的条款 provision 必须是被引用文件的 provisions 中已有的条款 id。

    报错：
    ```yaml
    # 目录条目
    basis:
      - doc: example-law
        provision: art-9  # 该文件只收录了 art-1、art-2
    ```

    通过：
    ```yaml
    # 目录条目
    basis:
      - doc: example-law
        provision: art-1
    ```
    """
    for rec in repo.records:
        for path, cit in rec.citations:
            doc, prov = cit.get("doc"), cit.get("provision")
            target, found = repo.cited(cit)
            if target is not None and isinstance(prov, str) and found is None:
                yield rec, path + ("provision",), (f"文件“{doc}”（{target.title}）没有 id 为“{prov}”的条款："
                                                   f"请在该文件的 provisions 中添加，或改正条款 id")


@rule("REF-003", ERROR, "引用的记录不存在或类型不符", clause="五（三）")
def record_references(repo, ctx):
    """五（三）：在公共信用信息目录外违法违规记录、共享、公开信用信息，在失信惩戒措施清单外违法违规实施惩戒等行为，要依法依规追究相关单位和人员责任。
    记录之间的引用（名单制度的 measures、措施的 targets、条目的 collection.route、目录和清单版本的 document 等）必须指向仓库中存在且类型相符的记录；
    目录条目和惩戒措施所在的文件夹必须有目录版本 catalog.yml 或清单版本 list.yml，条目的信息类别 category 须在该目录版本中声明。

    报错：
    ```yaml
    # 严重失信主体名单制度
    measures: [measure-b]  # 清单中没有这项措施
    ```

    通过：
    ```yaml
    # 严重失信主体名单制度
    measures: [measure-a]
    ```
    """
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
    """二（严格依法依规）：事关个人、企业等主体切身利益的失信行为记录、严重失信主体名单认定和失信惩戒，必须严格在法治轨道内运行。在基准日有效的记录，不得引用在基准日已废止、已失效或尚未施行的文件；
    已失效（effective_to 早于基准日）或尚未生效的记录是历史或将来的记录，不在此列。

    报错：
    ```yaml
    # 政策法规文件
    id: some-old-law
    title: 某条例（示例）
    status: repealed
    effective_to: 2024-12-31
    ---
    # 目录条目
    basis:
      - doc: some-old-law
        provision: art-1
    ```

    通过：
    ```yaml
    # 政策法规文件
    id: some-old-law
    title: 某条例（示例）
    status: repealed
    effective_to: 2024-12-31
    ---
    # 目录条目
    effective_to: 2024-12-31  # 本条目同日失效，是历史记录
    basis:
      - doc: some-old-law
        provision: art-1
    ```
    """
    for rec in repo.records:
        if rec.kind == "document" or not in_scope(repo, rec, ctx.as_of):
            continue
        for path, cit in rec.citations:
            doc = repo.cited(cit)[0]
            if doc is None:
                continue
            why = in_force(doc.data, ctx.as_of)
            if why:
                yield rec, path + ("doc",), (f"引用的《{doc.title}》在基准日 {ctx.as_of} {why}：请改为引用现行有效的依据，"
                                             f"或为本记录设置 effective_to")


@rule("TIME-002", WARNING, "引用的文件已被修改，应核对是否引用现行版本（每条记录每个文件报告一次）", clause="二（严格依法依规）")
def citations_amended(repo, ctx):
    """二（严格依法依规）：事关个人、企业等主体切身利益的失信行为记录、严重失信主体名单认定和失信惩戒，必须严格在法治轨道内运行。引用的文件已被修改（status: amended）时，提示核对所引条款是否仍为现行内容；
    每条记录对每个文件只提示一次，已失效或尚未生效的记录不提示。

    报错：
    ```yaml
    # 政策法规文件
    id: some-law-2015
    title: 某条例（2015年版，示例）
    status: amended
    replaced_by: example-law
    ---
    # 目录条目
    basis:
      - doc: some-law-2015
        provision: art-1
    ```

    通过：
    ```yaml
    # 政策法规文件
    id: some-law-2015
    title: 某条例（2015年版，示例）
    status: amended
    replaced_by: example-law
    ---
    # 目录条目
    basis:
      - doc: example-law  # 引用现行版本
        provision: art-1
    ```
    """
    for rec in repo.records:
        if not in_scope(repo, rec, ctx.as_of):
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
    """二（严格依法依规）：事关个人、企业等主体切身利益的失信行为记录、严重失信主体名单认定和失信惩戒，必须严格在法治轨道内运行。记录（或政策法规文件中的某一条款）标为 verified: false（尚未逐项对照来源核实）
    时提示，并显示 note 中写明的未核实内容。

    报错：
    ```yaml
    # 目录条目
    verified: false
    note: 公示期限尚未对照目录原文核实
    ```

    通过：
    ```yaml
    # 目录条目
    verified: true
    ```
    """
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
    """二（严格依法依规）：事关个人、企业等主体切身利益的失信行为记录、严重失信主体名单认定和失信惩戒，必须严格在法治轨道内运行。法律、行政法规、地方性法规、司法解释和规章的条款，
    label 须写原文的官方条号（汉字数字的“第N条”，可带“第N款”“第N项”），以便准确核对所引条文。

    报错：
    ```yaml
    # 政策法规文件
    id: some-regulation
    title: 某条例（示例）
    level: local_regulation
    jurisdiction: liaoning
    provisions:
      - id: art-3
        label: 第3条
        summary: 示例条款。
    ```

    通过：
    ```yaml
    # 政策法规文件
    id: some-regulation
    title: 某条例（示例）
    level: local_regulation
    jurisdiction: liaoning
    provisions:
      - id: art-3
        label: 第三条
        summary: 示例条款。
    ```
    """
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
    """仓库自检：每条规则引用的方案条款（clause）必须与方案记录 benxi-plan-2021 中某一条款的编号（label）完全一致，保证每条规则都指向方案中真实存在的条款。

    报错：
    ```yaml
    # 政策法规文件
    id: benxi-plan-2021
    provisions:
      - id: part-2-1
        label: 二（一）  # 规则引用的是 二（严格依法依规）
        title: 严格依法依规
        summary: 凡涉及个人、企业等主体切身利益的失信行为记录、严重失信主体名单认定和失信惩戒，只能在法治轨道内进行。
    ```

    通过：
    ```yaml
    # 政策法规文件
    id: benxi-plan-2021
    summary: 本溪市落实国办发〔2020〕49号意见的实施方案。  # 只改概述，条款及其编号不变
    ```
    """
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
    """用 python -m tools new 新建的记录先是草稿（draft: true）：检查提示还有几处“（待填写）”，草稿中的其他问题只报为警告；删除 draft: true 之前网站不发布该记录。

    报错：
    ```yaml
    # 目录条目
    draft: true
    behavior: （待填写）
    ```

    通过：
    ```yaml
    # 目录条目
    behavior: 受到行政处罚
    ```
    """
    for rec in repo.records:
        if rec.data.get("draft") is True:
            todo = sum(1 for _ in _placeholders(rec.data))
            more = f"，还有 {todo} 处“（待填写）”" if todo else ""
            yield rec, ("draft",), f"本记录是草稿{more}：填完并检查无误后删除 draft: true"


def _placeholders(data):
    if isinstance(data, str):
        if TODO_MARK in data:
            yield data
    elif isinstance(data, dict):
        for v in data.values():
            yield from _placeholders(v)
    elif isinstance(data, list):
        for v in data:
            yield from _placeholders(v)


PLACEHOLDER_SOURCES = ("待补充", "待填写", "待核实", "todo", "tbd", "无", "暂无", "未知", "-", "—", "…", "...", "略", "见上")


def _placeholder_source(value) -> bool:
    return not isinstance(value, str) or not value.strip() or value.strip().strip("。.（）()").lower() in PLACEHOLDER_SOURCES


@rule("VERIFY-002", ERROR, "已核实的记录（verified: true）须写明实际读到的来源，不能为空或占位文字", clause="二（严格依法依规）")
def verified_needs_source(repo, ctx):
    """二（严格依法依规）：严格依法依规认定和公开失信信息，每一项事实都要有出处。只有对照来源逐项核实过，才能写
    verified: true；写了 verified: true 的记录，source 必须是实际读到的网址或文献，不能是空白或“待补充”“TODO”“无”之类的占位文字。

    报错：
    ```yaml
    # 目录条目
    verified: true
    source: 待补充
    ```

    通过：
    ```yaml
    # 目录条目
    verified: true
    source: 《示例法》第一条（测试夹具）
    ```
    """
    for rec in repo.records:
        if rec.data.get("verified") is True and _placeholder_source(rec.data.get("source")):
            yield rec, ("source",), (f"本记录写了 verified: true，但来源“{rec.data.get('source') or ''}”是空白或占位文字："
                                     "请写明实际读到的网址或文献，或把 verified 改为 false 并在 note 中说明")


def _template_leftovers(rec):
    """(path, what) of everything a draft template leaves to be replaced: "（待填写）" text, placeholder citations."""
    if rec.flags is not None and "template" not in rec.flags:
        return  # the raw file has neither mark: nothing to look at closely
    for path, text in rec.strings:
        if TODO_MARK in text:
            yield path, f"“{TODO_MARK}”"
    for path, cit in rec.citations:
        note = cit.get("note")
        if isinstance(note, str) and note.startswith(PLACEHOLDER_NOTE):
            yield path + ("note",), f"占位的依据（{cit.get('doc')} {cit.get('provision')}）"


TODO_MARK = "（待填写）"
PLACEHOLDER_NOTE = "（占位"


@rule("DRAFT-002", ERROR, "删除 draft: true 之后，草稿模板的“（待填写）”和占位依据不能留在记录中",
      rationale="编辑流程：python -m tools new 的模板用“（待填写）”和标明“占位”的依据提示要填写的内容，"
                "记录正式发布前必须换成实际内容")
def template_leftovers(repo, ctx):
    """python -m tools new 新建的草稿用“（待填写）”和注明“（占位……）”的依据标出要填写的地方；删除 draft: true 后这些占位
    内容若还在，记录就会带着假内容发布，所以报错。

    报错：
    ```yaml
    # 目录条目
    behavior: （待填写）
    ```

    通过：
    ```yaml
    # 目录条目
    behavior: 受到行政处罚
    ```
    """
    for rec in repo.records:
        if rec.data.get("draft") is True:
            continue
        for path, what in _template_leftovers(rec):
            yield rec, path, f"草稿模板的{what}还在记录中：请换成实际内容（本记录已不是草稿，会被发布）"
