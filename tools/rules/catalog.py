"""Catalog rules: what may be recorded as public credit information, how it is collected, shared and published.

Plan 四（一）1–2, 四（二）3–5 and 四（五）12–13. Each function carries the clause it enforces.
"""
from __future__ import annotations

from tools.base.findings import ERROR
from tools.model import vocab
from tools.domain.levels import (LEGAL, STATUTE, TIER_ZH, cited_documents, cites, has_level,
                                 is_state_council_decision, levels_zh)
from tools.domain.plan import PLAN_DOC
from tools.rules.registry import rule

PLAN_REQUIRED_FIELDS = {  # 四（一）1: the seven things every catalog item must state
    "behavior": "具体行为", "provider": "提供单位", "data_source": "数据来源", "nature": "性质分类",
    "sharing": "共享属性", "disclosure": "公开属性", "publication_period": "公示期限",
}
EDITION_SCOPES = {"national_base": {"national"}, "provincial": {"liaoning"}, "provincial_supplementary": {"liaoning"},
                  "municipal_supplementary": {"benxi"}}
ROUTE_CLAUSES = [f"task-3-{i}" for i in range(1, 8)]
DOUBLE_PUBLICITY = ("administrative_licensing", "administrative_penalty")
# 四（二）4(1)、四（五）12: what gives a recipient or querier outside the state organs a legal basis
LAWFUL = LEGAL | {"judicial_interpretation"}
LAWFUL_ZH = "法律、法规、司法解释或党中央、国务院政策文件"
ADMINISTRATIVE_DETERMINATIONS = {"administrative_penalty", "administrative_ruling", "administrative_decision"}


def entries(repo):
    return repo.of_kind("catalog_entry")


def edition_of(repo, entry):
    return repo.get(entry.group, "catalog_edition")


def _period_stated(period) -> bool:
    return isinstance(period, dict) and bool(period.get("minimum") or period.get("maximum")
                                             or period.get("follows_repair_regime") is True)


# -- 四（一）1 ---------------------------------------------------------------------------------------------------
@rule("CAT-001", ERROR, "目录条目须写明具体行为、提供单位、数据来源、性质分类、共享属性、公开属性和公示期限", clause="四（一）1", kinds=("catalog_entry",))
def plan_fields(repo, ctx):
    """四（一）1：公共信用信息实行目录制管理，每项信息须明确对应的具体行为、提供单位、数据来源、性质分类、
    共享属性、公开属性、公示期限。本规则检查目录条目逐项填写了这七项内容；
    不公开（`disclosure.attribute: not_public`）的条目可将公示期限明确写为 `publication_period: null`。

    报错：
    ```yaml
    # 目录条目
    behavior: 受到行政处罚
    data_source: ~
    ```

    通过：
    ```yaml
    # 目录条目
    behavior: 受到行政处罚
    data_source: 行政处罚决定书
    ```
    """
    for rec in entries(repo):
        missing = [zh for key, zh in PLAN_REQUIRED_FIELDS.items() if rec.data.get(key) in (None, "", [], {})
                   and not (key == "publication_period" and key in rec.data and _not_public(rec))]
        if missing:
            yield rec, (), f"方案四（一）1 要求每个信息项写明：{'、'.join(missing)}（本条目缺少）"


def _not_public(rec) -> bool:
    return (rec.data.get("disclosure") or {}).get("attribute") == "not_public"


@rule("CAT-002", ERROR, "目录条目的纳入依据须有法律、法规或党中央、国务院政策文件（部门规章、规范性文件不足以单独作为依据）",
      clause="四（一）1", kinds=("catalog_entry",))
def entry_basis_level(repo, ctx):
    """四（一）1：各级行政机关进行公共信用信息管理，必须严格以法律、法规或者党中央、国务院政策文件为依据，
    实行目录制管理。本规则检查目录条目的纳入依据（`basis`）至少引用一条法律、法规或党中央、国务院政策文件的条款；
    只引用部门规章、规范性文件等的，不足以作为纳入依据。

    报错：
    ```yaml
    # 目录条目
    basis:
      - doc: benxi-plan-2021
        provision: task-1
    ```

    通过：
    ```yaml
    # 目录条目
    basis:
      - doc: example-law
        provision: art-1
    ```
    """
    for rec in entries(repo):
        basis = rec.data.get("basis") or []
        docs = cited_documents(repo, basis)
        if docs and not has_level(repo, basis, LEGAL):
            yield rec, ("basis",), (f"纳入依据只引用了{levels_zh(docs)}：方案四（一）1 要求以法律、法规或党中央、"
                                    f"国务院政策文件为依据，请补充相应层级的条款")


@rule("CAT-003", ERROR, "目录版本须是全国基础目录、辽宁省目录或省、市补充目录，且类型与地域相符", clause="四（一）1", kinds=("catalog_edition",))
def edition_scope(repo, ctx):
    """四（一）1：各级行政机关要严格按照全国公共信用信息基础目录和全省统一的《辽宁省公共信用信息目录》及省公共信用信息
    补充目录界定公共信用信息纳入范围。
    本规则检查目录版本的类型（`scope`）与适用地域（`jurisdiction`）相符：全国基础目录适用全国，省级目录和省级补充目录适用辽宁省，市级补充目录适用本溪市。

    报错：
    ```yaml
    # 公共信用信息目录版本
    scope: municipal_supplementary
    jurisdiction: liaoning
    ```

    通过：
    ```yaml
    # 公共信用信息目录版本
    scope: municipal_supplementary
    jurisdiction: benxi
    ```
    """
    for rec in repo.of_kind("catalog_edition"):
        scope, juris = rec.data.get("scope"), rec.data.get("jurisdiction")
        allowed = EDITION_SCOPES.get(scope)
        if allowed is not None and juris not in allowed:
            want = "、".join(vocab.JURISDICTIONS[j] for j in sorted(allowed))
            yield rec, ("jurisdiction",), (f"{vocab.CATALOG_SCOPES[scope]}的适用地域应为{want}，"
                                           f"而不是{vocab.JURISDICTIONS.get(juris, juris)}")


@rule("CAT-004", ERROR, "行政处罚信息条目须声明并依法排除三类不纳入的处罚信息", clause="四（一）1", kinds=("catalog_entry",))
def penalty_exclusions(repo, ctx):
    """四（一）1：适用简易程序作出的行政处罚信息，违法行为轻微且主动消除或者减轻危害后果的行政处罚信息，
    以及初次违法且危害后果轻微并主动消除或者减轻危害后果的行政处罚信息，不纳入公共信用信息。
    本规则检查行政处罚信息条目在 `penalty_exclusions` 中对这三类信息逐项声明排除（`excluded: true`），
    并引用方案四（一）1 或法律的条款作为排除依据。

    报错：
    ```yaml
    # 目录条目
    penalty_exclusions:
      minor_corrected:
        excluded: false
    ```

    通过：
    ```yaml
    # 目录条目
    penalty_exclusions:
      minor_corrected:
        excluded: true
        basis:
          - doc: benxi-plan-2021
            provision: task-1
    ```
    """
    for rec in entries(repo):
        if rec.data.get("information_kind") != "administrative_penalty":
            continue
        declared = rec.data.get("penalty_exclusions")
        if not isinstance(declared, dict):
            yield rec, (), ("行政处罚信息条目须在 penalty_exclusions 中逐项声明如何排除："
                            + "；".join(vocab.PENALTY_EXCLUSIONS.values()) + "（方案四（一）1）")
            continue
        for key, zh in vocab.PENALTY_EXCLUSIONS.items():
            item = declared.get(key)
            if not isinstance(item, dict):
                yield rec, ("penalty_exclusions",), f"缺少对“{zh}”的排除声明（penalty_exclusions.{key}）"
            elif item.get("excluded") is not True:
                yield rec, ("penalty_exclusions", key, "excluded"), f"本条目纳入了“{zh}”，方案四（一）1 规定此类信息不纳入公共信用信息"
            elif not (cites(item.get("basis"), PLAN_DOC, "task-1") or has_level(repo, item.get("basis"), {"law"})):
                yield rec, ("penalty_exclusions", key), (f"“{zh}”的排除声明须引用依据（方案四（一）1 或行政处罚法的条款），"
                                                         f"不能只写 excluded: true")


# -- 四（一）2 ---------------------------------------------------------------------------------------------------
@rule("DET-001", ERROR, "失信信息须写明认定失信行为的文书；其他文书须有法律、法规或党中央、国务院政策文件依据", clause="四（一）2", kinds=("catalog_entry",))
def determination(repo, ctx):
    """四（一）2：可认定失信行为的依据包括生效的司法裁判文书和仲裁文书、行政处罚和行政裁决等行政行为决定文书，
    以及法律、法规或者党中央、国务院政策文件规定可作为失信行为认定依据的其他文书。
    本规则检查失信信息条目（`nature: adverse`）在 `determination_documents` 中写明认定失信行为的文书；
    以“其他文书”（`other`）认定的，须在 `determination_basis` 中引用法律、法规或党中央、国务院政策文件。

    报错：
    ```yaml
    # 目录条目
    nature: adverse
    determination_documents: [administrative_penalty, other]
    determination_basis:
      - doc: benxi-plan-2021
        provision: task-2
    ```

    通过：
    ```yaml
    # 目录条目
    nature: adverse
    determination_documents: [administrative_penalty, other]
    determination_basis:
      - doc: example-law
        provision: art-1
    ```
    """
    for rec in entries(repo):
        if rec.data.get("nature") != "adverse":
            continue
        kinds = rec.data.get("determination_documents") or []
        if not kinds:
            yield rec, ("nature",), ("失信信息须在 determination_documents 中写明可认定失信行为的文书（生效裁判文书、仲裁文书、"
                                     "行政处罚和行政裁决等决定文书）")
        elif "other" in kinds and not has_level(repo, rec.data.get("determination_basis"), LEGAL):
            yield rec, ("determination_documents",), ("以“其他文书”认定失信行为的，须在 determination_basis 中引用规定其可作为"
                                                      "认定依据的法律、法规或党中央、国务院政策文件")


# -- 四（二）3 ---------------------------------------------------------------------------------------------------
@rule("ROUTE-001", ERROR, "方案四（二）3 的七种归集方式都有记录，且各自引用所依据的子项", clause="四（二）3", kinds=("collection_route",))
def routes_complete(repo, ctx):
    """四（二）3：公共信用信息提供单位应按照《辽宁省公共信用信息目录》如实采集信息，
    并按照第(1)至(7)项规定的路径推送至信用信息平台或者相应填报系统。
    本规则检查每条归集方式记录都引用方案四（二）3 中它所依据的子项（`task-3-1` 至 `task-3-7`），
    且七项路径都有对应的归集方式记录。

    报错：
    ```yaml
    # 公共信用信息归集方式
    id: route-5
    name: 公用企事业单位按约定推送
    basis:
      - doc: benxi-plan-2021
        provision: task-3
    ```

    通过：
    ```yaml
    # 公共信用信息归集方式
    id: route-5
    name: 公用企事业单位按约定推送
    basis:
      - doc: benxi-plan-2021
        provision: task-3-5
    ```
    """
    routes = repo.of_kind("collection_route")
    plan = repo.get(PLAN_DOC, "document")
    for route in routes:
        if not any(cites(route.data.get("basis"), PLAN_DOC, c) for c in ROUTE_CLAUSES):
            yield route, ("basis",), "归集方式须引用方案四（二）3 中它所依据的子项（benxi-plan-2021 的 task-3-1 至 task-3-7）"
    if plan is None:
        return
    for c in ROUTE_CLAUSES:
        if repo.provision(PLAN_DOC, c) is not None and not any(cites(r.data.get("basis"), PLAN_DOC, c) for r in routes):
            index = repo.provisions[PLAN_DOC][c][0]
            label = repo.provision(PLAN_DOC, c).get("label")
            yield plan, ("provisions", index), f"方案{label}规定的归集方式没有对应的记录（procedures/collection_routes/）"


def _route_mismatch(route, entry) -> list[str]:
    crit = route.data.get("applies_to") or {}
    out = []
    for key, field, voc in [("provider_levels", "provider_level", vocab.PROVIDER_LEVELS),
                            ("provider_types", "provider_type", vocab.PROVIDER_TYPES),
                            ("information_kinds", "information_kind", vocab.INFORMATION_KINDS)]:
        allowed = crit.get(key) or []
        value = entry.data.get(field)
        if allowed and value not in allowed:
            shown = voc.get(value, "未填写") if value else "未填写"
            out.append(f"{field} 为“{shown}”，而该方式只适用于{'、'.join(voc.get(a, a) for a in allowed)}")
    return out


@rule("ROUTE-002", ERROR, "辽宁、本溪目录条目须写明与提供单位层级和类型相符的归集方式；全国条目须说明不适用的理由和依据",
      clause="四（二）3", kinds=("catalog_entry",))
def entry_route(repo, ctx):
    """四（二）3：公共信用信息提供单位应按照《辽宁省公共信用信息目录》如实采集信息，
    并按照第(1)至(7)项规定的路径推送至信用信息平台或者相应填报系统。
    本规则检查辽宁省、本溪市目录的条目写明归集方式（`collection.route`），且该方式适用于条目的提供单位层级、
    提供单位类型和信息种类；按第(7)项“其他法律法规等要求报送的”方式报送的，
    须在 `collection.basis` 中引用要求报送的法律、法规或党中央、国务院政策文件的条款。
    全国目录的条目可以说明不适用本市归集方式的理由（`collection.exemption`），但须引用依据。

    报错：
    ```yaml
    # 公共信用信息目录版本
    scope: municipal_supplementary
    jurisdiction: benxi
    ---
    # 目录条目
    provider_level: county
    collection:
      route: route-2  # 市级提供单位向本级信用信息共享平台推送
      exemption: ~
    ```

    通过：
    ```yaml
    # 公共信用信息目录版本
    scope: municipal_supplementary
    jurisdiction: benxi
    ---
    # 目录条目
    provider_level: city
    collection:
      route: route-2  # 市级提供单位向本级信用信息共享平台推送
      exemption: ~
    ```
    """
    for rec in entries(repo):
        edition = edition_of(repo, rec)
        if edition is None:
            continue
        coll = rec.data.get("collection")
        local = edition.data.get("jurisdiction") in ("liaoning", "benxi")
        if not isinstance(coll, dict) or not (coll.get("route") or coll.get("exemption")):
            need = "写明归集方式（collection.route）" if local else "写明归集方式，或说明为何不适用本市归集方式（collection.exemption）"
            yield rec, (), f"方案四（二）3：本条目须{need}"
            continue
        if coll.get("exemption"):
            if local:
                yield rec, ("collection", "exemption"), "辽宁、本溪目录的条目不能免于归集方式，须写明 collection.route"
            elif not cited_documents(repo, coll["exemption"].get("basis")):
                yield rec, ("collection", "exemption"), "不适用归集方式的理由须有依据（collection.exemption.basis），不能只写文字说明"
            continue
        route = repo.get(coll.get("route"), "collection_route")
        if route is None:
            continue  # REF-003
        for problem in _route_mismatch(route, rec):
            yield rec, ("collection", "route"), f"归集方式“{route.title}”与本条目不符：{problem}"
        if route.data.get("requires_legal_basis") and not has_level(repo, coll.get("basis"), LEGAL):
            yield rec, ("collection", "route"), (f"使用“{route.title}”须在 collection.basis 中引用要求报送的法律、法规"
                                                 f"或党中央、国务院政策文件的条款")


# -- 四（二）4 ---------------------------------------------------------------------------------------------------
def _shared(rec):
    """The sharing declaration of an item that is shared (not `not_shared`), else None."""
    sharing = rec.data.get("sharing")
    if isinstance(sharing, dict) and sharing.get("attribute") not in (None, "not_shared"):
        return sharing
    return None


def _items(value) -> list[tuple[int, dict]]:
    """(index, item) for the well-formed {name, type} items of a list (others are the schema's business)."""
    return [(i, x) for i, x in enumerate(value or []) if isinstance(x, dict)] if isinstance(value, list) else []


def _lawful(repo, citations) -> bool:
    return has_level(repo, citations, LAWFUL)


@rule("SHARE-001", ERROR, "共享的信息须写明共享目的（文字说明和类型）、共享对象（名称和类型）和依据", clause="四（二）4(1)",
      kinds=("catalog_entry",))
def sharing_purpose(repo, ctx):
    """四（二）4(1)：社会信用主管部门和公共信用信息提供单位应当根据国家机关依法履行职责的需求，
    按照合法、必要的原则共享公共信用信息；通过共享获取的公共信用信息，不得用于履行职责以外的用途。
    本规则检查共享的条目（共享属性不是 `not_shared`）写明共享目的（`purpose` 文字说明和 `purpose_kinds` 类型）、
    共享对象（`recipients`，每项写名称 `name` 和类型 `type`）和共享依据（`basis`）。

    报错：
    ```yaml
    # 目录条目
    sharing:
      attribute: conditional
      purpose: ~
      purpose_kinds: ~
      recipients:
        - name: 因依法履行职责需要使用本信息的国家机关
          type: public_body
      basis: ~
    ```

    通过：
    ```yaml
    # 目录条目
    sharing:
      attribute: conditional
      purpose: 供国家机关依法履行职责时查询使用，不得用于履行职责以外的用途
      purpose_kinds: [performance_of_duties]
      recipients:
        - name: 因依法履行职责需要使用本信息的国家机关
          type: public_body
      basis:
        - doc: example-law
          provision: art-1
    ```
    """
    for rec in entries(repo):
        sharing = _shared(rec)
        if sharing is None:
            continue
        missing = [zh for key, zh in (("purpose", "共享目的（purpose）"), ("purpose_kinds", "共享目的的类型（purpose_kinds）"),
                                      ("recipients", "共享对象（recipients）")) if not sharing.get(key)]
        if not cited_documents(repo, sharing.get("basis")):
            missing.append("共享依据（basis）")
        if missing:
            yield rec, ("sharing",), (f"共享的信息须写明{'、'.join(missing)}（方案四（二）4(1)）：通过共享获取的信息"
                                      f"不得用于履行职责以外的用途，目的、对象和依据都要写清")


@rule("SHARE-004", ERROR, "只为国家机关依法履行职责共享：目的不得超出履行职责，平台和国家机关以外的共享对象须有法律依据",
      clause="四（二）4(1)", kinds=("catalog_entry",))
def sharing_within_duties(repo, ctx):
    """四（二）4(1)：社会信用主管部门和公共信用信息提供单位应当根据国家机关依法履行职责的需求，
    按照合法、必要的原则共享公共信用信息；通过共享获取的公共信用信息，不得用于履行职责以外的用途。
    本规则检查共享的条目：共享目的的类型（`sharing.purpose_kinds`）不得是“其他用途”（`other`，如招商引资、市场营销）；
    共享对象应是信用信息共享平台（`sharing_platform`）或国家机关和法律法规授权的组织（`public_body`），
    其他单位（`other`，如平台企业）只有在该对象的 `basis` 中引用法律、法规、司法解释或党中央、国务院政策文件，
    写明向其提供的规定时，才可列为共享对象；
    目的写“法律等明确规定的其他用途”（`legally_prescribed`）的，共享依据或共享对象的依据须引用这一层级的条款。

    报错：
    ```yaml
    # 目录条目
    sharing:
      attribute: conditional
      purpose: 提供给平台企业用于招商引资和精准营销
      purpose_kinds: [other]
      recipients:
        - name: 某互联网平台公司
          type: other
    ```

    通过：
    ```yaml
    # 目录条目
    sharing:
      attribute: conditional
      purpose: 供国家机关依法履行职责时查询使用；情节严重的，依法通报有关金融机构
      purpose_kinds: [performance_of_duties, legally_prescribed]
      recipients:
        - name: 市信用信息共享平台
          type: sharing_platform
        - name: 有关金融机构
          type: other
          basis:
            - doc: example-law
              provision: art-1
    ```
    """
    for rec in entries(repo):
        sharing = _shared(rec)
        if sharing is None:
            continue
        kinds = sharing.get("purpose_kinds") or []
        if "other" in kinds:
            yield rec, ("sharing", "purpose_kinds"), ("通过共享获取的公共信用信息不得用于履行职责以外的用途（方案四（二）4(1)）："
                                                      "共享目的不能是“其他用途”（如招商引资、市场营销），请删去该用途及相应的共享对象")
        recipients = _items(sharing.get("recipients"))
        for i, item in recipients:
            if item.get("type") == "other" and not _lawful(repo, item.get("basis")):
                yield rec, ("sharing", "recipients", i), (
                    f"共享对象“{item.get('name')}”不是信用信息共享平台或国家机关：方案四（二）4(1) 只允许根据国家机关依法履行职责的"
                    f"需求共享；确有{LAWFUL_ZH}规定向其提供的，请在该对象的 basis 中引用相应条款，否则删去该对象")
        if "legally_prescribed" in kinds and not (_lawful(repo, sharing.get("basis"))
                                                  or any(_lawful(repo, x.get("basis")) for _, x in recipients)):
            yield rec, ("sharing", "purpose_kinds"), (f"共享目的写了“法律等明确规定的其他用途”（legally_prescribed），"
                                                      f"请在 sharing.basis 或相应共享对象的 basis 中引用规定该用途的{LAWFUL_ZH}条款")


@rule("SHARE-005", ERROR, "行政机关认定的失信信息须共享至信用信息共享平台", clause="四（一）2", kinds=("catalog_entry",))
def adverse_to_platform(repo, ctx):
    """四（一）2：各级行政机关认定失信行为后应当如实记录失信信息，并及时将认定的失信信息共享至市信用信息共享平台。
    本规则检查行政机关认定的失信信息条目（`nature: adverse`，且提供单位类型为行政机关，或认定文书为行政处罚、行政裁决等
    行政行为决定文书）予以共享（共享属性不是 `not_shared`），并在共享对象中列出信用信息共享平台（`type: sharing_platform`）。
    人民法院认定的失信信息按方案四（二）3(4) 推送，由 ROUTE 规则检查。

    报错：
    ```yaml
    # 目录条目
    nature: adverse
    provider_type: administrative_agency
    sharing:
      recipients:
        - name: 国家机关
          type: public_body
    ```

    通过：
    ```yaml
    # 目录条目
    nature: adverse
    provider_type: administrative_agency
    sharing:
      recipients:
        - name: 市信用信息共享平台
          type: sharing_platform
        - name: 国家机关
          type: public_body
    ```
    """
    for rec in entries(repo):
        sharing = rec.data.get("sharing")
        if rec.data.get("nature") != "adverse" or not isinstance(sharing, dict) or not _determined_administratively(rec):
            continue  # a missing sharing declaration is CAT-001's
        if sharing.get("attribute") == "not_shared":
            yield rec, ("sharing", "attribute"), ("行政机关认定的失信信息须及时共享至市信用信息共享平台（方案四（一）2）："
                                                  "共享属性不能是不予共享（not_shared）")
        elif not any(x.get("type") == "sharing_platform" for _, x in _items(sharing.get("recipients"))):
            where = ("sharing", "recipients") if sharing.get("recipients") else ("sharing",)
            yield rec, where, ("行政机关认定的失信信息须及时共享至市信用信息共享平台（方案四（一）2）：请在 sharing.recipients 中"
                               "列出信用信息共享平台（type: sharing_platform）")


def _determined_administratively(rec) -> bool:
    return (rec.data.get("provider_type") == "administrative_agency"
            or bool(ADMINISTRATIVE_DETERMINATIONS & set(rec.data.get("determination_documents") or [])))


@rule("SHARE-002", ERROR, "涉及国家秘密、商业秘密和个人隐私的信息不得公开", clause="四（二）4(2)", kinds=("catalog_entry",))
def secrets_not_public(repo, ctx):
    """四（二）4(2)：公开信息不得侵犯国家秘密、商业秘密和个人隐私。
    本规则检查含有国家秘密、商业秘密或个人隐私（`confidentiality`）的条目，其公开属性不是社会公开（`public`），
    而是不公开或依申请公开。

    报错：
    ```yaml
    # 目录条目
    information_kind: contract_performance
    confidentiality: [trade_secret]
    disclosure:
      attribute: public
    ```

    通过：
    ```yaml
    # 目录条目
    information_kind: contract_performance
    confidentiality: [trade_secret]
    disclosure:
      attribute: conditional
    ```
    """
    for rec in entries(repo):
        secret = rec.data.get("confidentiality") or []
        if secret and (rec.data.get("disclosure") or {}).get("attribute") == "public":
            kinds = "、".join(vocab.CONFIDENTIALITY.get(s, s) for s in secret)
            yield rec, ("disclosure", "attribute"), f"本条目含{kinds}，不得社会公开：请改为不公开或依申请公开"


@rule("SHARE-003", ERROR, "公开自然人信息须有法律、法规或国务院决定、命令依据或本人同意，并须脱敏", clause="四（二）4(2)", kinds=("catalog_entry",))
def natural_person_disclosure(repo, ctx):
    """四（二）4(2)：公开个人相关信息的，必须有明确的法律、法规或者国务院决定、命令作为依据或经本人同意，
    并进行必要脱敏处理。本规则检查社会公开的自然人信息条目：`disclosure.basis` 引用法律、法规或国务院决定、命令，
    或以本人同意为据（`disclosure.consent` 与 `consent.required` 均为 true），并写明脱敏规则（`disclosure.masking`）。

    报错：
    ```yaml
    # 目录条目
    subjects: [natural_person]
    disclosure:
      attribute: public
      masking: 隐去身份证号码中间十位
      basis:
        - doc: benxi-plan-2021
          provision: task-4-2
    ```

    通过：
    ```yaml
    # 目录条目
    subjects: [natural_person]
    disclosure:
      attribute: public
      masking: 隐去身份证号码中间十位
      basis:
        - doc: example-law
          provision: art-1
    ```
    """
    for rec in entries(repo):
        disc = rec.data.get("disclosure") or {}
        if "natural_person" not in (rec.data.get("subjects") or []) or disc.get("attribute") != "public":
            continue
        docs = cited_documents(repo, disc.get("basis"))
        legal = any(d.data.get("level") in STATUTE or is_state_council_decision(d) for d in docs)
        consent = disc.get("consent") is True and (rec.data.get("consent") or {}).get("required") is True
        if not (legal or consent):
            yield rec, ("disclosure",), ("公开自然人信息须在 disclosure.basis 中引用法律、法规或国务院决定、命令，"
                                         "或以本人同意为据（disclosure.consent 与 consent.required 均为 true）；一般政策文件不足以作为依据")
        if not disc.get("masking"):
            yield rec, ("disclosure",), "公开自然人信息须写明脱敏规则（disclosure.masking）"


# -- 四（二）5 ---------------------------------------------------------------------------------------------------
@rule("PUB-001", ERROR, "行政许可、行政处罚信息须在信用网站公开（“双公示”）", clause="四（二）5", kinds=("catalog_entry",))
def double_publicity(repo, ctx):
    """四（二）5：全面落实行政许可和行政处罚等信用信息上网公开（“双公示”）制度，按照“应公示，尽公示”的原则，
    依据“双公示”数据标准在信用门户网站公示。
    本规则检查行政许可、行政处罚信息条目的公开属性为社会公开（`disclosure.attribute: public`）。

    报错：
    ```yaml
    # 目录条目
    information_kind: administrative_penalty
    disclosure:
      attribute: not_public
    ```

    通过：
    ```yaml
    # 目录条目
    information_kind: administrative_penalty
    disclosure:
      attribute: public
    ```
    """
    for rec in entries(repo):
        kind = rec.data.get("information_kind")
        if kind in DOUBLE_PUBLICITY and (rec.data.get("disclosure") or {}).get("attribute") != "public":
            yield rec, ("disclosure",), f"{vocab.INFORMATION_KINDS[kind]}按“双公示”制度应公尽公：disclosure.attribute 应为 public"


@rule("PUB-002", ERROR, "双公示信息写明公示期限，且与认定部门公开的期限一致", clause="四（二）5", kinds=("catalog_entry",))
def publication_consistent(repo, ctx):
    """四（二）5：信用中国（辽宁本溪）网站、国家企业信用信息公示系统（辽宁本溪）统一公开所归集的应当公开的公共信用信息，
    须与认定部门公开的内容、期限保持一致；行政许可、行政处罚信息实行“双公示”。
    本规则检查行政许可、行政处罚信息条目写明公示期限（`minimum`/`maximum`，或按信用修复制度确定：
    `follows_repair_regime: true`），细化上级条目（`refines`）的条目，其公示期限须与上级条目一致。

    报错：
    ```yaml
    # 目录条目
    information_kind: administrative_penalty
    publication_period:
      follows_repair_regime: false
      description: 按有关规定公示
    ```

    通过：
    ```yaml
    # 目录条目
    information_kind: administrative_penalty
    publication_period:
      follows_repair_regime: true
    ```
    """
    for rec in entries(repo):
        period = rec.data.get("publication_period")
        if rec.data.get("information_kind") in DOUBLE_PUBLICITY and not _period_stated(period):
            yield rec, ("publication_period",), ("双公示信息须写明公示期限（minimum/maximum），"
                                                 "或声明按信用修复制度确定（follows_repair_regime: true）")
        parent = repo.get(rec.data.get("refines"), "catalog_entry") if isinstance(rec.data.get("refines"), str) else None
        if parent is not None and _period_stated(period) and _period_stated(parent.data.get("publication_period")):
            mine, theirs = _period_key(period), _period_key(parent.data["publication_period"])
            if mine != theirs:
                yield rec, ("publication_period",), (f"公示期限与所细化的条目“{parent.title}”（{parent.path}）不一致："
                                                     f"信用网站公开的期限须与认定部门公开的期限保持一致")


def _period_key(p):
    return (p.get("minimum"), p.get("maximum"), p.get("follows_repair_regime") is True)


# -- 四（五）12–13 -----------------------------------------------------------------------------------------------
@rule("SEC-001", ERROR, "条目须写明谁可以查询使用、为了什么目的、依据什么，以及查询使用的登记和审查程序", clause="四（五）12",
      kinds=("catalog_entry",))
def query_permission(repo, ctx):
    """四（五）12：公共信用信息的采集、归集、共享、公示和应用，应当遵循合法、正当、必要、最小化原则；
    社会信用主管部门和有关部门要明确信息查询使用权限和程序，建立信息查询使用登记和审查制度。
    本规则检查目录条目在 `query` 中写明可以查询使用的单位或人（`authorized`，每项写名称和类型）、目的（`purpose` 文字说明和
    `purpose_kinds` 类型）、查询使用的登记和审查程序（`procedure`）和依据（`basis`）。

    报错：
    ```yaml
    # 目录条目
    query:
      authorized:
        - name: 示例部门
          type: public_body
      purpose: 履行监管职责
      purpose_kinds: [performance_of_duties]
      procedure: ~
      basis: ~
    ```

    通过：
    ```yaml
    # 目录条目
    query:
      authorized:
        - name: 示例部门
          type: public_body
      purpose: 履行监管职责
      purpose_kinds: [performance_of_duties]
      procedure: 查询使用须登记查询人、事由和依据，由信用主管部门审查
      basis:
        - doc: example-law
          provision: art-1
    ```
    """
    for rec in entries(repo):
        query = rec.data.get("query")
        if not isinstance(query, dict):
            yield rec, (), ("方案四（五）12 要求明确信息查询使用权限和程序：请填写 query 的 authorized（谁可以查询）、purpose 和 "
                            "purpose_kinds（目的）、procedure（登记和审查程序）和 basis（依据）")
            continue
        missing = [zh for key, zh in (("purpose_kinds", "查询使用目的的类型（purpose_kinds）"),
                                      ("procedure", "查询使用的登记和审查程序（procedure）")) if not query.get(key)]
        if not cited_documents(repo, query.get("basis")):
            missing.append("依据（basis，不能只写文字说明）")
        if missing:
            yield rec, ("query",), (f"方案四（五）12 要求明确信息查询使用权限和程序、建立查询使用登记和审查制度："
                                    f"请在 query 中写明{'、'.join(missing)}")


# 四（五）12: the purposes each kind of querier may have (合法、正当、必要、最小化).
QUERY_PURPOSES_OF = {
    "public_body": ("performance_of_duties", "legally_prescribed"),
    "subject_itself": ("own_information",),
    "public": ("public_information",),
    "authorized_party": ("authorized_use",),
    "other": ("performance_of_duties", "legally_prescribed"),
}


@rule("SEC-002", ERROR, "查询使用权限须合于最小化原则：社会公众只查公开的信息，其他查询者须有法律依据，目的限于履行职责或允许的用途",
      clause="四（五）12", kinds=("catalog_entry",))
def query_minimal(repo, ctx):
    """四（五）12：公共信用信息的采集、归集、共享、公示和应用，应当遵循合法、正当、必要、最小化原则；
    社会信用主管部门和有关部门要明确信息查询使用权限和程序。
    本规则检查 `query`：不公开（`disclosure.attribute: not_public`）的条目不得列社会公众（`type: public`）为查询者；
    其他查询者（`type: other`）须在该查询者的 `basis` 中引用法律、法规、司法解释或党中央、国务院政策文件；
    查询使用目的的类型（`purpose_kinds`）不得是“其他用途”（`other`），且须写明每类查询者的用途：国家机关为履行职责
    （`performance_of_duties`），信用主体本人为查询本人信息（`own_information`），社会公众为查阅依法公开的信息
    （`public_information`），经本人授权的查询者为在授权范围内使用（`authorized_use`），其他查询者为履行职责或法律等明确规定的
    用途（`legally_prescribed`，须引用规定该用途的条款）。“任何单位和个人、任何用途”因此不能通过。

    报错：
    ```yaml
    # 目录条目
    query:
      authorized:
        - name: 任何单位和个人
          type: other
      purpose: 不限
      purpose_kinds: [other]
    ```

    通过：
    ```yaml
    # 目录条目
    query:
      authorized:
        - name: 示例部门
          type: public_body
        - name: 社会公众（仅限公示期内依法公开的信息）
          type: public
      purpose: 示例部门为履行监管职责查询使用；社会公众查阅依法公开的内容
      purpose_kinds: [performance_of_duties, public_information]
    ```
    """
    for rec in entries(repo):
        query = rec.data.get("query")
        if not isinstance(query, dict):
            continue  # SEC-001
        kinds = query.get("purpose_kinds") or []
        disclosed = (rec.data.get("disclosure") or {}).get("attribute")
        queriers = _items(query.get("authorized"))
        for i, item in queriers:
            name, kind = item.get("name"), item.get("type")
            if kind == "public" and disclosed not in ("public", "conditional"):
                state = "不公开（disclosure.attribute: not_public）" if disclosed else "没有写明公开属性（disclosure.attribute）"
                yield rec, ("query", "authorized", i), (
                    f"本条目{state}，而社会公众只能查询依法公开的信息：请删去查询者“{name}”，或先依法确定公开属性")
            elif kind == "other" and not _lawful(repo, item.get("basis")):
                yield rec, ("query", "authorized", i), (
                    f"查询者“{name}”不是国家机关、信用主体本人、社会公众或经本人授权的查询者：须在该查询者的 basis 中引用"
                    f"允许其查询使用的{LAWFUL_ZH}条款，否则删去（方案四（五）12：合法、正当、必要、最小化原则）")
            if kinds and kind in QUERY_PURPOSES_OF and not set(QUERY_PURPOSES_OF[kind]) & set(kinds):
                want = " 或 ".join(f"{k}（{vocab.QUERY_PURPOSES[k]}）" for k in QUERY_PURPOSES_OF[kind])
                yield rec, ("query", "purpose_kinds"), (f"查询者“{name}”（{vocab.QUERY_TYPES[kind]}）的用途没有写明："
                                                        f"请在 query.purpose_kinds 中写 {want}")
        if "other" in kinds:
            yield rec, ("query", "purpose_kinds"), ("查询使用目的不能是“其他用途”：方案四（五）12 要求合法、正当、必要、最小化，"
                                                    "目的须是履行职责、查询本人信息、查阅依法公开的信息、在本人授权范围内使用，"
                                                    "或法律等明确规定的用途")
        if "legally_prescribed" in kinds and not (_lawful(repo, query.get("basis"))
                                                  or any(_lawful(repo, x.get("basis")) for _, x in queriers)):
            yield rec, ("query", "purpose_kinds"), (f"查询使用目的写了“法律等明确规定的其他用途”（legally_prescribed），"
                                                    f"请在 query.basis 或相应查询者的 basis 中引用规定该用途的{LAWFUL_ZH}条款")


NOTICE_ITEMS = list(vocab.CONSENT_NOTICE_ITEMS)


@rule("PRIV-001", ERROR, "采集自然人信息须经本人同意并告知法定事项，或有法律、法规规定的例外", clause="四（五）13", kinds=("catalog_entry",))
def natural_person_consent(repo, ctx):
    """四（五）13：采集自然人公共信用信息，应当征得本人或其监护人同意，并明确告知其采集信息的目的、内容、方式、
    用途和范围、享有的权利和承担的义务，法律法规另有规定的从其规定。
    本规则检查涉及自然人的条目写明 `consent`：需要同意的（`required: true`）在 `notice` 中列出全部七项告知事项；
    无需同意的（`required: false`）在 `exemption_basis` 中引用法律、法规的条款。

    报错：
    ```yaml
    # 目录条目
    subjects: [natural_person]
    consent:
      required: true
      notice: [purpose, content, use]
      validity: P1Y
      exemption_basis: ~
    ```

    通过：
    ```yaml
    # 目录条目
    subjects: [natural_person]
    consent:
      required: true
      notice: [purpose, content, method, use, scope, rights, obligations]
      validity: P1Y
      exemption_basis: ~
    ```
    """
    for rec in entries(repo):
        if "natural_person" not in (rec.data.get("subjects") or []):
            continue
        consent = rec.data.get("consent")
        if not isinstance(consent, dict):
            yield rec, ("subjects",), ("本条目涉及自然人：须在 consent 中写明采集须经本人同意并告知的事项，"
                                       "或写明无需同意的法律、法规依据（consent.required: false 与 exemption_basis）")
        elif consent.get("required") is True:
            missing = [vocab.CONSENT_NOTICE_ITEMS[k] for k in NOTICE_ITEMS if k not in (consent.get("notice") or [])]
            if missing:
                yield rec, ("consent",), f"征得同意时须告知：{'、'.join(missing)}（本条目未列出）"
        elif consent.get("required") is False and not has_level(repo, consent.get("exemption_basis"), STATUTE):
            yield rec, ("consent", "required"), (f"无需本人同意须有{TIER_ZH[STATUTE]}的规定：请在 consent.exemption_basis 中"
                                                 f"引用相应条款，不能只写 required: false")


@rule("PRIV-002", ERROR, "禁止一次授权终身：本人同意须有有效期", clause="四（五）13", kinds=("catalog_entry",))
def consent_expiry(repo, ctx):
    """四（五）13：禁止任何单位和个人未经授权、强制授权或一次授权终身收集使用个人信用信息。
    本规则检查需要本人同意的条目（`consent.required: true`）写明授权有效期（`consent.validity`，如 P1Y 表示一年）。

    报错：
    ```yaml
    # 目录条目
    consent:
      required: true
      notice: [purpose, content, method, use, scope, rights, obligations]
      exemption_basis: ~
    ```

    通过：
    ```yaml
    # 目录条目
    consent:
      required: true
      notice: [purpose, content, method, use, scope, rights, obligations]
      validity: P1Y
      exemption_basis: ~
    ```
    """
    for rec in entries(repo):
        consent = rec.data.get("consent")
        if isinstance(consent, dict) and consent.get("required") is True and not consent.get("validity"):
            yield rec, ("consent",), "授权须写明有效期（consent.validity，如 P1Y）：方案四（五）13 禁止一次授权终身"
