"""Serious-dishonesty list regimes: domain, standard and procedure (plan 四（三）6–8)."""
from __future__ import annotations

from tools.base.findings import ERROR, WARNING
from tools.domain.levels import cited_documents, has_level, list_standard
from tools.model import vocab
from tools.rules.registry import declared, rule

DECLARED = [declared("LIST-001", ERROR, "名单的设列领域只能是国办发〔2020〕49号规定的四类之一，不得擅自增加或扩展",
                     clause="四（三）6", kinds=("list_regime",), doc="""
    四（三）6：严重失信主体名单只能针对四类严重违法失信行为的责任主体：严重危害人民群众身体健康和生命安全，
    严重破坏市场公平竞争秩序和社会正常秩序，拒不履行法定义务严重影响司法机关和行政机关公信力，拒不履行国防义务；
    设列名单的领域不得擅自增加或扩展。读取名单制度时检查其设列领域（domain）是这四类之一
    （health_safety、market_order、obligation_credibility、national_defense）。

    报错：
    ```yaml
    # 严重失信主体名单制度
    domain: environmental_protection
    ```

    通过：
    ```yaml
    # 严重失信主体名单制度
    domain: health_safety
    ```
    """)]

ADMIN_STEPS = ("notice", "objection", "decision")


def regimes(repo):
    return repo.of_kind("list_regime")


@rule("LIST-002", ERROR, "名单认定标准的依据层级：全国名单为法律、行政法规或党中央、国务院政策文件，省内名单为本省地方性法规，市级不得设列",
      clause="四（三）7", kinds=("list_regime",))
def standard_level(repo, ctx):
    """四（三）7：在全国范围内实施的名单，认定标准应当以法律、行政法规或党中央、国务院政策文件形式确定；
    在本省范围内实施的名单，认定标准应当由省级地方性法规规定。检查名单制度 standard_basis 所引文件的层级：
    全国性名单须引用法律、行政法规或党中央、国务院政策文件（地方性法规不够；只引用部门规章的过渡情形由 LIST-003 提示）；
    辽宁省的名单须引用本省的地方性法规；方案只规定了这两种名单，本溪市（jurisdiction: benxi）不得设列名单。

    报错：
    ```yaml
    # 严重失信主体名单制度
    jurisdiction: liaoning
    standard_basis:
      - doc: example-law
        provision: art-1
    ```

    通过：
    ```yaml
    # 政策法规文件
    id: some-regulation
    title: 辽宁省某条例（示例）
    level: local_regulation
    jurisdiction: liaoning
    form: regulation
    ---
    # 严重失信主体名单制度
    jurisdiction: liaoning
    standard_basis:
      - doc: some-regulation
        provision: art-1
    ```
    """
    for rec in regimes(repo):
        verdict, why = list_standard(repo, rec)
        if verdict == "wrong":
            yield rec, ("jurisdiction",) if rec.data.get("jurisdiction") == "benxi" else ("standard_basis",), why


@rule("LIST-003", WARNING, "全国性名单的认定标准只以部门规章确定（国办发〔2020〕49号允许的过渡情形，应推动上升为法律法规）",
      clause="四（三）7", kinds=("list_regime",))
def standard_departmental_only(repo, ctx):
    """四（三）7：在全国范围内实施的名单，认定标准应当以法律、行政法规或党中央、国务院政策文件形式确定。
    全国性名单的 standard_basis 只引用了部门规章、没有法律、法规或党中央、国务院政策文件时提示警告：
    这是国办发〔2020〕49号允许的过渡做法，应关注其认定标准是否已上升为法律、法规。

    报错：
    ```yaml
    # 政策法规文件
    id: some-rule
    title: 某部门规章（示例）
    level: departmental_rule
    form: rules
    ---
    # 严重失信主体名单制度
    jurisdiction: national
    standard_basis:
      - doc: some-rule
        provision: art-1
    ```

    通过：
    ```yaml
    # 严重失信主体名单制度
    jurisdiction: national
    standard_basis:
      - doc: example-law
        provision: art-1
    ```
    """
    for rec in regimes(repo):
        verdict, why = list_standard(repo, rec)
        if verdict == "transitional":
            yield rec, ("standard_basis",), why


@rule("LIST-004", ERROR, "行政机关认定的名单须有认定部门、事先告知、限时异议处理，决定书载明事由、依据、惩戒措施、移出条件和救济",
      clause="四（三）8", kinds=("list_regime",))
def administrative_procedure(repo, ctx):
    """四（三）8：作出认定决定前，应当告知当事人作出决定的事由、依据和依法享有的权利；当事人提出异议的，
    应当予以核实并在规定时限内反馈结果；列入名单应依托行政决定文书，载明事由、依据、失信惩戒措施提示、
    移出条件和程序、救济措施等。对行政机关认定（determined_by: administrative）的名单，检查 procedure 写明
    事先告知（notice）、异议处理（objection）和认定决定（decision）三个环节并各自引用规定它的条款，
    异议处理写明时限，决定书载明的事项（decision.contents）齐全。

    报错：
    ```yaml
    # 严重失信主体名单制度
    determined_by: administrative
    procedure:
      decision:
        contents: [reason, basis, measures]
    ```

    通过：
    ```yaml
    # 严重失信主体名单制度
    determined_by: administrative
    procedure:
      decision:
        contents: [reason, basis, measures, removal, remedies]
    ```
    """
    for rec in regimes(repo):
        if rec.data.get("determined_by") != "administrative":
            continue
        proc = rec.data.get("procedure") or {}
        for step, zh in (("notice", "事先告知当事人事由、依据和权利"), ("objection", "异议的核实和反馈"),
                         ("decision", "认定决定")):
            item = proc.get(step)
            if not isinstance(item, dict):
                yield rec, ("procedure",), f"缺少程序环节“{zh}”（procedure.{step}）"
            elif not cited_documents(repo, item.get("basis")):
                yield rec, ("procedure", step), f"程序环节“{zh}”须引用规定它的条款（procedure.{step}.basis）"
        objection = proc.get("objection")
        if isinstance(objection, dict) and not (objection.get("time_limit") or objection.get("time_limit_working_days")):
            yield rec, ("procedure", "objection"), "异议须在规定时限内核实反馈：请写明时限（time_limit 或 time_limit_working_days）"
        decision = proc.get("decision")
        if isinstance(decision, dict):
            missing = [zh for key, zh in vocab.DECISION_CONTENTS.items() if key not in (decision.get("contents") or [])]
            if missing:
                yield rec, ("procedure", "decision"), f"认定决定书须载明：{'、'.join(missing)}（decision.contents 中缺少）"


@rule("LIST-005", ERROR, "人民法院认定的名单按司法程序：引用规定该程序的司法规则，不虚构行政程序", clause="四（三）8", kinds=("list_regime",))
def judicial_procedure(repo, ctx):
    """四（三）8：名单按“谁认定、谁负责”原则依法依规认定；方案所列的事先告知、异议核实反馈和决定文书
    是行政机关认定的程序。人民法院认定（determined_by: judicial）的名单按司法程序：检查它在
    procedure.judicial.basis 中引用规定该程序的法律或司法解释，且不写 notice、objection、decision 等行政程序环节。

    报错：
    ```yaml
    # 严重失信主体名单制度
    determined_by: judicial
    procedure:
      notice:
        description: 事先告知
        basis:
          - doc: example-law
            provision: art-1
      objection: ~
      decision: ~
    ```

    通过：
    ```yaml
    # 严重失信主体名单制度
    determined_by: judicial
    procedure:
      notice: ~
      objection: ~
      decision: ~
      judicial:
        description: 按法律规定的司法程序认定
        basis:
          - doc: example-law
            provision: art-1
    ```
    """
    for rec in regimes(repo):
        if rec.data.get("determined_by") != "judicial":
            continue
        proc = rec.data.get("procedure") or {}
        judicial = proc.get("judicial")
        if not isinstance(judicial, dict) or not has_level(repo, judicial.get("basis"),
                                                            {"judicial_interpretation", "law"}):
            yield rec, ("procedure",), "法院认定的名单须在 procedure.judicial.basis 中引用规定其程序的法律或司法解释"
        for step in ADMIN_STEPS:
            if step in proc:
                yield rec, ("procedure", step), f"法院认定的名单不适用行政程序环节“{step}”：请只写 procedure.judicial"


@rule("LIST-006", ERROR, "名单的认定部门：行政机关认定的须是县级以上行业行政主管部门，人民法院认定的须是人民法院",
      clause="四（三）8", kinds=("list_regime",))
def determining_authority(repo, ctx):
    """四（三）8：按照“谁认定、谁负责”原则，县级以上行业行政主管部门依法依规按照认定标准认定并公布严重失信主体
    名单。检查名单制度的每个认定部门（authority）：行政机关认定（determined_by: administrative）的，部门类型（kind）
    须是行业行政主管部门（industry_authority），作出认定的最低一级（lowest_level）须在县级以上；人民法院认定
    （determined_by: judicial）的，部门类型须是人民法院（court）。

    报错：
    ```yaml
    # 严重失信主体名单制度
    determined_by: administrative
    authority:
      - name: 某镇人民政府
        lowest_level: township
        kind: government
    ```

    通过：
    ```yaml
    # 严重失信主体名单制度
    determined_by: administrative
    authority:
      - name: 县级以上地方市场监督管理部门
        lowest_level: county
        kind: industry_authority
    ```
    """
    for rec in regimes(repo):
        how = rec.data.get("determined_by")
        for i, body in enumerate(rec.data.get("authority") or []):
            if not isinstance(body, dict):
                continue
            name, kind, level = body.get("name"), body.get("kind"), body.get("lowest_level")
            kind_zh = vocab.AUTHORITY_KINDS.get(kind, kind)
            if how == "administrative":
                if kind in vocab.AUTHORITY_KINDS and kind != "industry_authority":
                    yield rec, ("authority", i, "kind"), (
                        f"本名单由行政机关认定，认定部门“{name}”却是{kind_zh}：方案四（三）8 要求由县级以上行业行政主管部门"
                        f"按“谁认定、谁负责”认定。请写明实际作出认定的行业行政主管部门（kind: industry_authority），"
                        f"或改正认定方式 determined_by；由法律、法规直接规定其他机关认定的，请在 waivers.yml 中登记并写明条款")
                if level in vocab.AUTHORITY_LEVELS and level not in vocab.COUNTY_OR_ABOVE:
                    yield rec, ("authority", i, "lowest_level"), (
                        f"认定部门“{name}”最低在{vocab.AUTHORITY_LEVELS[level]}作出认定：方案四（三）8 要求由县级以上"
                        f"行业行政主管部门认定。请把认定权限限于县级以上部门，并按来源写明最低一级（lowest_level）")
            elif how == "judicial" and kind in vocab.AUTHORITY_KINDS and kind != "court":
                yield rec, ("authority", i, "kind"), (
                    f"本名单由人民法院认定，认定部门“{name}”却是{kind_zh}：请写明作出认定的人民法院（kind: court），"
                    f"或改正认定方式 determined_by")
