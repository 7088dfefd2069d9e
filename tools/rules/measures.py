"""Sanction measures: list management, proportionality and embedding (plan 四（四）9–11)."""
from __future__ import annotations

from tools.base.findings import ERROR
from tools.domain.durations import approx_days
from tools.domain.levels import LEGAL, cited_documents, has_level
from tools.domain.measures import following_regimes, rows
from tools.model import vocab
from tools.rules.registry import rule

LIST_SCOPES = {"national_base": "national", "provincial_supplementary": "liaoning"}


@rule("MEAS-001", ERROR, "惩戒措施清单只能是全国基础清单或辽宁省补充清单", clause="四（四）9", kinds=("measure_list",))
def list_scope(repo, ctx):
    """四（四）9：失信惩戒措施实行清单管理，各级行政机关严格依据《辽宁省失信惩戒措施清单》（包括全国基础清单和
    省补充清单）执行。检查每个措施清单版本的类型与地域相符：全国基础清单（national_base）的地域为全国，
    省级补充清单（provincial_supplementary）的地域为辽宁省；没有市级的措施清单。

    报错：
    ```yaml
    # 失信惩戒措施清单版本
    scope: provincial_supplementary
    jurisdiction: benxi
    ```

    通过：
    ```yaml
    # 失信惩戒措施清单版本
    scope: provincial_supplementary
    jurisdiction: liaoning
    ```
    """
    for rec in repo.of_kind("measure_list"):
        scope, juris = rec.data.get("scope"), rec.data.get("jurisdiction")
        if LIST_SCOPES.get(scope) != juris:
            yield rec, ("jurisdiction",), ("惩戒措施实行清单管理，只能依据全国失信惩戒措施基础清单（全国）和辽宁省补充清单（辽宁省）："
                                           f"“{vocab.MEASURE_LIST_SCOPES.get(scope, scope)}”与地域“{vocab.JURISDICTIONS.get(juris, juris)}”不符")


@rule("MEAS-002", ERROR, "减损权益或增加义务的措施须直接援引法律、法规或党中央、国务院政策文件", clause="四（四）9", kinds=("measure",))
def restrictive_basis(repo, ctx):
    """四（四）9：对失信主体采取减损权益或增加义务的惩戒措施，必须基于具体的失信行为事实，直接援引法律、法规或者
    党中央、国务院政策文件为依据。检查减损权益或增加义务的措施（category: restrictive）的每一行：其 basis 中
    至少有一件法律、法规或党中央、国务院政策文件（可另附部门规章、司法解释等）。

    报错：
    ```yaml
    # 政策法规文件
    id: some-rule
    title: 某部门规章（示例）
    level: departmental_rule
    form: rules
    ---
    # 惩戒措施
    category: restrictive
    rows:
      - content: 在一定期限内限制参加示例活动
        targets: [regime-a, entry-a]
        basis:
          - doc: some-rule
            provision: art-1
        implementers:
          - name: 示例部门
            type: public_body
        matters: [示例审批]
    ```

    通过：
    ```yaml
    # 政策法规文件
    id: some-rule
    title: 某部门规章（示例）
    level: departmental_rule
    form: rules
    ---
    # 惩戒措施
    category: restrictive
    rows:
      - content: 在一定期限内限制参加示例活动
        targets: [regime-a, entry-a]
        basis:
          - doc: example-law
            provision: art-2
          - doc: some-rule
            provision: art-1
        implementers:
          - name: 示例部门
            type: public_body
        matters: [示例审批]
    ```
    """
    for rec in repo.of_kind("measure"):
        if rec.data.get("category") != "restrictive":
            continue
        for prefix, row in rows(rec):
            if not has_level(repo, row.get("basis"), LEGAL):
                docs = cited_documents(repo, row.get("basis"))
                what = "没有可解析的依据" if not docs else "的依据中没有法律、法规或党中央、国务院政策文件"
                yield rec, prefix + ("basis",) if row.get("basis") else prefix, (
                    f"减损权益或增加义务的措施{what}：须直接援引法律、法规或党中央、国务院政策文件的条款（可另附司法解释等）")


@rule("PROP-001", ERROR, "措施须写明适用的名单或失信信息（关联原则），且对象须是失信信息或名单", clause="四（四）10", kinds=("measure",))
def relevance(repo, ctx):
    """四（四）10：对失信主体采取惩戒措施应当遵循合法、关联、比例原则，惩戒措施应当与失信行为相关联。
    检查措施的每一行都在 targets 中写明所适用的名单制度或失信信息条目，且所列的目录条目是失信信息
    （nature: adverse），而不是守信、基础等其他信息。

    报错：
    ```yaml
    # 惩戒措施
    rows:
      - content: 在一定期限内限制参加示例活动
        basis:
          - doc: example-law
            provision: art-2
        implementers:
          - name: 示例部门
            type: public_body
        matters: [示例审批]
    ```

    通过：
    ```yaml
    # 惩戒措施
    rows:
      - content: 在一定期限内限制参加示例活动
        targets: [regime-a, entry-a]
        basis:
          - doc: example-law
            provision: art-2
        implementers:
          - name: 示例部门
            type: public_body
        matters: [示例审批]
    ```
    """
    for rec in repo.of_kind("measure"):
        for prefix, row in rows(rec):
            targets = row.get("targets") or []
            if not targets:
                yield rec, prefix, "须在 targets 中写明本措施适用的名单制度或失信信息条目：惩戒措施应当与失信行为相关联"
            for i, t in enumerate(targets):
                entry = repo.get(t, "catalog_entry")
                if entry is not None and entry.data.get("nature") != "adverse":
                    yield rec, prefix + ("targets", i), f"对象“{entry.title}”不是失信信息，不能作为惩戒对象"


@rule("PROP-002", ERROR, "减损权益或增加义务的措施只能以严重失信主体名单或严重失信信息为对象（防止小过重惩）",
      clause="四（四）10", kinds=("measure",))
def no_harsh_for_minor(repo, ctx):
    """四（四）10：惩戒措施应当与失信行为的性质、情节和社会影响程度相适应，防止小过重惩。减损权益或增加义务的
    措施（category: restrictive）的每一个对象（targets）须是严重失信主体名单制度，或失信程度为严重
    （severity: serious）的失信信息条目；轻微、一般或没有写明失信程度的目录条目，只能适用管理措施等其他措施。
    失信程度只能按条目自己的来源（所引条款、行业的失信程度分类标准）填写。

    报错：
    ```yaml
    # 惩戒措施
    category: restrictive
    ---
    # 目录条目
    severity: general
    ```

    通过：
    ```yaml
    # 惩戒措施
    category: restrictive
    ---
    # 目录条目
    severity: serious
    ```
    """
    for rec in repo.of_kind("measure"):
        if rec.data.get("category") != "restrictive":
            continue
        for prefix, row in rows(rec):
            for i, t in enumerate(row.get("targets") or []):
                entry = repo.get(t, "catalog_entry") if isinstance(t, str) else None
                if entry is None:
                    continue  # a serious-dishonesty list regime (or an id that the reference rules report)
                severity = entry.data.get("severity")
                if severity == "serious":
                    continue
                what = (f"是{vocab.SEVERITIES[severity]}失信信息" if severity in vocab.SEVERITIES
                        else "没有写明失信程度（severity）")
                yield rec, prefix + ("targets", i), (
                    f"“{entry.title}”{what}：减损权益或增加义务的措施只能以严重失信主体名单或严重失信信息为对象。"
                    f"若该信息的来源（所引条款或行业的失信程度分类标准）规定其为严重失信信息，请在条目中写明 "
                    f"severity: serious 并在 note 中注明出处；否则请从本行的 targets 中去掉它，或改用管理措施")


@rule("PROP-003", ERROR, "措施的期限不得超过所引条款允许的上限（不得在法定标准上加重惩戒）", clause="四（四）10", kinds=("measure",))
def duration_within_law(repo, ctx):
    """四（四）10：任何部门（单位）不得在法律法规或者党中央、国务院政策文件规定外增设惩戒措施，或在法定惩戒标准上
    加重惩戒。措施的一行写明了期限上限（duration.maximum），而所引条款规定了惩戒期限（sanction_period）的，
    检查该上限不超过所引条款中最长的上限。

    报错：
    ```yaml
    # 政策法规文件
    id: example-law
    provisions:
      - id: art-1
        label: 第一条
        summary: 示例条款一。
      - id: art-2
        label: 第二条
        summary: 示例条款二：一至二年内限制参加示例活动。
        sanction_period: {minimum: P1Y, maximum: P2Y}
    ---
    # 惩戒措施
    rows:
      - content: 三年内限制参加示例活动
        targets: [regime-a, entry-a]
        basis:
          - doc: example-law
            provision: art-2
        implementers:
          - name: 示例部门
            type: public_body
        matters: [示例审批]
        duration: {maximum: P3Y}
    ```

    通过：
    ```yaml
    # 政策法规文件
    id: example-law
    provisions:
      - id: art-1
        label: 第一条
        summary: 示例条款一。
      - id: art-2
        label: 第二条
        summary: 示例条款二：一至二年内限制参加示例活动。
        sanction_period: {minimum: P1Y, maximum: P2Y}
    ---
    # 惩戒措施
    rows:
      - content: 二年内限制参加示例活动
        targets: [regime-a, entry-a]
        basis:
          - doc: example-law
            provision: art-2
        implementers:
          - name: 示例部门
            type: public_body
        matters: [示例审批]
        duration: {maximum: P2Y}
    ```
    """
    for rec in repo.of_kind("measure"):
        for prefix, row in rows(rec):
            mine = approx_days((row.get("duration") or {}).get("maximum"))
            if mine is None:
                continue
            caps = []  # (days, label) of every cited provision that states a sanction period
            for cit in row.get("basis") or []:
                prov = repo.provision(cit.get("doc"), cit.get("provision")) if isinstance(cit, dict) else None
                cap = approx_days(((prov or {}).get("sanction_period") or {}).get("maximum"))
                if cap is not None:
                    caps.append((cap, f"《{repo.get(cit['doc']).title}》{prov.get('label')}（{prov['sanction_period']['maximum']}）"))
            if caps and mine > max(c for c, _ in caps):
                yield rec, prefix + ("duration", "maximum"), (
                    f"期限 {row['duration']['maximum']} 超过所引条款允许的上限：{'、'.join(label for _, label in caps)}")


@rule("PROP-004", ERROR, "金融机构、信用服务机构、行业协会商会、新闻媒体实施的措施只能是自主实施的措施，不得强制", clause="四（四）10", kinds=("measure",))
def voluntary_only(repo, ctx):
    """四（四）10：不得强制要求金融机构、信用服务机构、行业协会商会、新闻媒体等惩戒失信主体。实施主体
    （implementers）中有类型（type）为金融机构（financial_institution）、信用服务机构（credit_service）、
    行业协会商会（association）或新闻媒体（news_media）的措施，检查其类别是 voluntary（公共管理机构以外的组织
    自主实施的措施），而不是减损权益或增加义务的措施、管理措施。

    报错：
    ```yaml
    # 惩戒措施
    category: restrictive
    rows:
      - content: 从严审核贷款申请
        targets: [regime-a, entry-a]
        basis:
          - doc: example-law
            provision: art-2
        implementers:
          - name: 某商业银行
            type: financial_institution
        matters: [贷款审批]
    ```

    通过：
    ```yaml
    # 惩戒措施
    category: voluntary
    rows:
      - content: 从严审核贷款申请
        targets: [regime-a, entry-a]
        basis:
          - doc: example-law
            provision: art-2
        implementers:
          - name: 某商业银行
            type: financial_institution
        matters: [贷款审批]
    ```
    """
    for rec in repo.of_kind("measure"):
        if rec.data.get("category") == "voluntary":
            continue
        category = vocab.MEASURE_CATEGORIES.get(rec.data.get("category"), rec.data.get("category"))
        for prefix, row in rows(rec):
            for i, who in enumerate(row.get("implementers") or []):
                kind = who.get("type") if isinstance(who, dict) else None
                if kind in vocab.NOT_TO_BE_COMPELLED:
                    yield rec, prefix + ("implementers", i, "type"), (
                        f"“{who.get('name')}”是{vocab.IMPLEMENTER_TYPES[kind]}，不是公共管理机构：不得强制要求其惩戒失信主体，"
                        f"本措施不能是“{category}”。请把由它实施的内容改为 category: voluntary（自主实施的措施）的措施，"
                        f"或从本行的实施主体中去掉它")


@rule("EMBED-001", ERROR, "适用于名单的措施须写明实施部门和适用的业务事项，以便嵌入政务服务系统", clause="四（四）11", kinds=("measure",))
def embedding_fields(repo, ctx):
    """四（四）11：将信用联合惩戒对象信息和惩戒措施嵌入行政机关政务服务业务系统，实现自动比对应用和联合惩戒结果
    反馈。适用于严重失信主体名单的措施（名单的 measures 列出它，或它的 targets 含有名单），检查每一行都写明
    实施主体（implementers）和适用的业务事项（matters）。

    报错：
    ```yaml
    # 惩戒措施
    rows:
      - content: 在一定期限内限制参加示例活动
        targets: [regime-a, entry-a]
        basis:
          - doc: example-law
            provision: art-2
    ```

    通过：
    ```yaml
    # 惩戒措施
    rows:
      - content: 在一定期限内限制参加示例活动
        targets: [regime-a, entry-a]
        basis:
          - doc: example-law
            provision: art-2
        implementers:
          - name: 示例部门
            type: public_body
        matters: [示例审批]
    ```
    """
    for rec in repo.of_kind("measure"):
        named, targeted = following_regimes(repo, rec)
        if not (named or targeted):
            continue
        for prefix, row in rows(rec):
            missing = [zh for key, zh in (("implementers", "实施主体"), ("matters", "适用的业务事项")) if not row.get(key)]
            if missing:
                yield rec, prefix, f"本措施适用于严重失信主体名单，须写明{'、'.join(missing)}，联合惩戒才能嵌入业务系统自动比对"


@rule("EMBED-002", ERROR, "措施与名单的链接须双向一致：措施列出的名单须在名单的 measures 中，反之亦然", clause="四（四）11", kinds=("measure",))
def links_both_ways(repo, ctx):
    """四（四）11：将信用联合惩戒对象信息和惩戒措施嵌入行政机关政务服务业务系统，实现自动比对应用。检查措施与名单
    之间的链接双向一致：措施的 targets 列出某名单的，该名单的 measures 须列出此措施；名单的 measures 列出某措施的，
    该措施的 targets 须含有此名单。

    报错：
    ```yaml
    # 惩戒措施
    id: measure-b
    name: 示例第二项限制措施
    rows:
      - content: 在一定期限内限制参加示例活动
        targets: [regime-a, entry-a]
        basis:
          - doc: example-law
            provision: art-2
        implementers:
          - name: 示例部门
            type: public_body
        matters: [示例审批]
    ```

    通过：
    ```yaml
    # 惩戒措施
    id: measure-b
    name: 示例第二项限制措施
    rows:
      - content: 在一定期限内限制参加示例活动
        targets: [regime-a, entry-a]
        basis:
          - doc: example-law
            provision: art-2
        implementers:
          - name: 示例部门
            type: public_body
        matters: [示例审批]
    ---
    # 严重失信主体名单制度
    id: regime-a
    measures: [measure-a, measure-b]
    ```
    """
    for rec in repo.of_kind("measure"):
        named, targeted = following_regimes(repo, rec)
        for regime_id in sorted(targeted - named):
            yield rec, (), f"本措施以名单“{regime_id}”为对象，但该名单的 measures 中没有本措施"
    for regime in repo.of_kind("list_regime"):
        for i, mid in enumerate(regime.data.get("measures") or []):
            measure = repo.get(mid, "measure")
            if measure is not None and regime.id not in following_regimes(repo, measure)[1]:
                yield regime, ("measures", i), f"名单列出了措施“{measure.title}”，但该措施的 targets 中没有本名单"
