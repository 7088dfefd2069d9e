"""Cerberus schemas, one per record kind: the single source of field names, types and their Chinese meaning.

Every field carries ``meta: {"zh": …}``, the description a policy editor reads (site, messages, editor hints).
"""
from __future__ import annotations

import re

from tools.model import vocab

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
DURATION_PATTERN = r"^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$"


def short_zh(rule) -> str:
    """A field's Chinese name: its description up to the first explanation (信息类别（…） → 信息类别)."""
    zh = (rule.get("meta") or {}).get("zh") or ""
    return re.split(r"[（(：:，,]", zh, maxsplit=1)[0]


def fields_of(rule) -> dict:
    """The fields inside a mapping's rule, or inside the items of a list's rule ({} for anything else)."""
    inner = rule.get("schema") if isinstance(rule, dict) else None
    if not isinstance(inner, dict):
        return {}
    return fields_of(inner) if rule.get("type") == "list" else inner


def _f(zh: str, **rules) -> dict:
    rules["meta"] = {"zh": zh}
    return rules


def text(zh, required=False, **kw):
    return _f(zh, type="string", required=required, empty=False, **kw)


def ident(zh, required=False, nullable=False, **kw):
    return _f(zh, type="string", required=required, regex=ID_PATTERN, nullable=nullable, **kw)


def enum(zh, values: dict, required=False, meta_rule=None, **kw):
    out = _f(zh, type="string", required=required, allowed=list(values), **kw)
    if meta_rule:  # errors on this field are reported under that rule (it cites the plan clause)
        out["meta"]["rule"] = meta_rule
    return out


def texts(zh, required=False, minlength=1):
    return _f(zh, type="list", required=required, minlength=minlength,
              schema={"type": "string", "empty": False})


def enums(zh, values: dict, required=False, minlength=1):
    return _f(zh, type="list", required=required, minlength=minlength,
              schema={"type": "string", "allowed": list(values)})


def ids(zh, required=False, minlength=1):
    return _f(zh, type="list", required=required, minlength=minlength, schema={"type": "string", "regex": ID_PATTERN})


def date(zh, required=False):
    return _f(zh, type="date", required=required, nullable=True)


def duration(zh, required=False, nullable=True):
    return _f(zh, type="string", required=required, nullable=nullable, regex=DURATION_PATTERN)


CITATION = {
    "type": "dict",
    "schema": {
        "doc": ident("被引用文件的 id（policies/ 下的文件名）", required=True),
        "provision": ident("被引用条款的 id（该文件 provisions 中的 id）", required=True),
        "note": text("对本条引用的说明"),
    },
}


def basis(zh="法律、法规或政策依据：每项引用一条条款", required=False, minlength=1):
    return _f(zh, type="list", required=required, minlength=minlength, schema=CITATION)


SOURCE_FIELDS = {
    "source": text("事实的出处：网址或文献（所读到的来源）", required=True),
    "verified": _f("是否已逐项对照来源核实（仅当记录中的每一项事实都已核实时为 true）", type="boolean",
                   required=True),
    "evidence": enum("证据等级：事实读自何处。official 官方发布原文（在发布机关的网站上读到）；official_copy 官方数据库"
                     "文本的副本（写明路径和提交）；secondary 二手资料（新闻、解读、地方指南）；reconstructed 推断重构"
                     "（不作为事实）。verified: true 只能与 official 或 official_copy 同用", vocab.EVIDENCE),
    "note": text("说明，尤其是尚未核实的内容"),
    "draft": _f("草稿：尚未填完（检查把问题报为警告，网站在草稿清除前不发布）", type="boolean"),
}

VALIDITY_FIELDS = {
    "effective_from": date("生效日期（YYYY-MM-DD）"),
    "effective_to": date("失效日期（YYYY-MM-DD）"),
}

PROVISION = {
    "type": "dict",
    "schema": {
        "id": ident("条款 id：法律法规为 art-<阿拉伯数字>，政策文件为 sec-…", required=True),
        "label": text("官方条款编号，如 第二百六十六条、四、（六）；原文未编号或编号未读到时为 null（法律法规不允许）",
                      required=True, nullable=True),
        "title": text("条款标题（原文有标题时）"),
        "summary": text("条款要点（自撰摘要，不照抄原文）", required=True),
        "sanction_period": _f("本条允许的惩戒期限（如 一至二年：minimum P1Y、maximum P2Y）", type="dict", schema={
            "minimum": duration("下限"), "maximum": duration("上限")}),
        "verified": _f("本条是否已对照来源核实", type="boolean"),
        "evidence": enum("本条的证据等级（与文件的 evidence 不同时填写，如全文读自副本而本条只见于转载时写 secondary）",
                         vocab.EVIDENCE),
        "note": text("本条说明，尤其是尚未核实的内容"),
    },
}

DOCUMENT = {
    "id": ident("记录 id，与文件名一致", required=True),
    "title": text("文件的正式名称", required=True),
    "short_title": text("简称"),
    "doc_number": text("文号（没有或未查到时为 null）", required=True, nullable=True),
    "issuer": texts("制定或发布机关", required=True),
    "level": enum("效力层级", vocab.LEVELS, required=True),
    "jurisdiction": enum("适用地域", vocab.JURISDICTIONS, required=True),
    "form": enum("文件形式", vocab.DOCUMENT_FORMS),
    "issued": date("通过、签发或公布日期", required=True),
    **VALIDITY_FIELDS,
    "status": enum("效力状态", vocab.DOCUMENT_STATUS, required=True),
    "replaced_by": ident("取代本文件的文件 id", nullable=True),
    **SOURCE_FIELDS,
    "summary": text("文件概述（自撰）"),
    "provisions": _f("被引用的条款", type="list", required=True, minlength=1, schema=PROVISION),
}

CATEGORY = {
    "type": "dict",
    "schema": {
        "id": ident("类别 id", required=True),
        "name": text("类别名称", required=True),
        "note": text("说明"),
    },
}

CATALOG_EDITION = {
    "id": ident("目录版本 id，与所在文件夹名一致", required=True),
    "title": text("目录的正式名称（含版本）", required=True),
    "scope": enum("目录类型", vocab.CATALOG_SCOPES, required=True),
    "jurisdiction": enum("适用地域", vocab.JURISDICTIONS, required=True),
    "edition": text("版本，如 2021年版", required=True),
    "document": ident("印发本目录的文件 id", nullable=True),
    "supersedes": ident("本版本取代的目录版本 id", nullable=True),
    "complete": _f("本库是否收录了本版本的全部信息项（只有两版都完整时，网站才列出新增和删除）", type="boolean"),
    **VALIDITY_FIELDS,
    **SOURCE_FIELDS,
    "summary": text("概述（自撰）"),
    "categories": _f("信息类别", type="list", minlength=0, schema=CATEGORY),
}

SHARING_FIELD = _f("共享属性（方案四（一）2、四（二）4(1)）", type="dict", schema={
    "attribute": enum("共享类型", vocab.SHARING, required=True),
    "purpose": text("共享目的（按来源的文字说明）"),
    "purpose_kinds": enums("共享目的的类型（不得用于履行职责以外的用途）", vocab.SHARING_PURPOSES),
    "recipients": _f("共享对象：每项写名称（按来源）和类型", type="list", minlength=1, schema={
        "type": "dict", "schema": {
            "name": text("共享对象的名称（按来源）", required=True),
            "type": enum("共享对象的类型", vocab.RECIPIENT_TYPES, required=True),
            "basis": basis("向该对象提供的法律依据（类型为 other 时必填）"),
        }}),
    "basis": basis("共享依据"),
})

DISCLOSURE_FIELD = _f("公开属性（方案四（二）4(2)、5）", type="dict", schema={
    "attribute": enum("公开类型", vocab.DISCLOSURE, required=True),
    "channels": texts("公开渠道"),
    "masking": text("脱敏规则（公开自然人信息时必填）"),
    "consent": _f("公开是否以本人同意为据", type="boolean"),
    "basis": basis("公开依据"),
})

PERIOD_FIELD = _f("公示期限（ISO 8601 时长，如 P3M 表示三个月、P3Y 表示三年）", type="dict", nullable=True, schema={
    "minimum": duration("最短公示期限"),
    "maximum": duration("最长公示期限"),
    "follows_repair_regime": _f("期限按基准日施行的信用修复制度确定", type="boolean"),
    "description": text("说明"),
    "basis": basis(),
})

REPAIR_FIELD = _f("信用修复（方案四（六））", type="dict", schema={
    "repairable": _f("是否可以修复", type="boolean", required=True),
    "minimum_period": duration("最短公示期限届满后方可申请修复：最短期限"),
    "minimum_period_from": enum("最短期限从哪一天起算（名单）", vocab.PERIOD_STARTS),
    "follows_repair_regime": _f("最短期限按基准日施行的信用修复制度确定", type="boolean"),
    "channels": enums("申请渠道", vocab.REPAIR_CHANNELS),
    "materials": enums("申请材料", vocab.REPAIR_MATERIALS),
    "free_of_charge": _f("不收取任何费用", type="boolean"),
    "time_limit_working_days": _f("办理时限（工作日）", type="integer", min=1),
    "ends_sharing_and_publication": _f("修复后终止共享和公开", type="boolean"),
    "description": text("说明"),
    "basis": basis("修复规定的依据；不可修复时必须引用法律、法规或党中央、国务院政策文件"),
})

EXCLUSION = _f("排除声明", type="dict", schema={
    "excluded": _f("不纳入公共信用信息", type="boolean", required=True),
    "basis": basis("排除依据"),
})

CATALOG_ENTRY = {
    "id": ident("条目 id，与文件名一致", required=True),
    "name": text("信息名称", required=True),
    "category": ident("信息类别（所在目录版本 categories 中的 id）", required=True),
    "information_kind": enum("信息种类", vocab.INFORMATION_KINDS, required=True),
    "behavior": text("对应的具体行为"),
    "provider": texts("提供单位"),
    "provider_level": enum("提供单位层级", vocab.PROVIDER_LEVELS),
    "provider_type": enum("提供单位类型", vocab.PROVIDER_TYPES),
    "data_source": text("数据来源"),
    "nature": enum("性质分类", vocab.NATURES, required=True),
    "subjects": enums("适用主体", vocab.SUBJECTS, required=True),
    "basis": basis("纳入依据", required=True),
    "collection": _f("归集方式（方案四（二）3）：route 与 exemption 二选一", type="dict", schema={
        "route": ident("归集方式记录的 id（procedures/collection_routes/）", excludes="exemption"),
        "exemption": _f("不适用本市归集方式的理由", type="dict", excludes="route", schema={
            "reason": text("理由", required=True),
            "basis": basis("依据"),
        }),
        "basis": basis("归集义务的法律法规依据（第(7)项“其他法律法规要求报送”时必填）"),
    }),
    "penalty_exclusions": _f("三类行政处罚信息不纳入公共信用信息（方案四（一）1）", type="dict", schema={
        key: EXCLUSION for key in vocab.PENALTY_EXCLUSIONS}),
    "determination_documents": enums("可认定失信行为的文书类型（方案四（一）2）", vocab.DETERMINATION_DOCUMENTS),
    "determination_basis": basis("以“其他文书”认定时，规定其可作为认定依据的法律、法规或政策文件"),
    "severity": enum("失信程度", vocab.SEVERITIES),
    "confidentiality": enums("信息中含有的保密内容（如有）", vocab.CONFIDENTIALITY),
    "sharing": SHARING_FIELD,
    "disclosure": DISCLOSURE_FIELD,
    "publication_period": PERIOD_FIELD,
    "query": _f("查询使用权限和程序（方案四（五）12）", type="dict", schema={
        "authorized": _f("可以查询使用的单位或人：每项写名称（按来源）和类型", type="list", required=True, minlength=1,
                         schema={"type": "dict", "schema": {
                             "name": text("查询者的名称（按来源）", required=True),
                             "type": enum("查询者的类型", vocab.QUERY_TYPES, required=True),
                             "basis": basis("该查询者查询使用的法律依据（类型为 other 时必填）"),
                         }}),
        "purpose": text("查询使用目的（按来源的文字说明）", required=True),
        "purpose_kinds": enums("查询使用目的的类型", vocab.QUERY_PURPOSES),
        "procedure": text("查询使用程序：登记和审查制度"),
        "basis": basis(),
    }),
    "consent": _f("采集自然人信息的同意（方案四（五）13）", type="dict", schema={
        "required": _f("是否需要本人或监护人同意", type="boolean", required=True),
        "notice": enums("告知事项", vocab.CONSENT_NOTICE_ITEMS),
        "validity": duration("授权有效期（禁止一次授权终身）", nullable=False),
        "exemption_basis": basis("无需同意时，法律、法规的依据"),
    }),
    "repair": REPAIR_FIELD,
    "refines": ident("本条目细化的上级目录条目 id"),
    **VALIDITY_FIELDS,
    **SOURCE_FIELDS,
    "summary": text("说明（自撰）"),
}

MEASURE_LIST = {
    "id": ident("清单版本 id，与所在文件夹名一致", required=True),
    "title": text("清单的正式名称（含版本）", required=True),
    "scope": enum("清单类型", vocab.MEASURE_LIST_SCOPES, required=True),
    "jurisdiction": enum("适用地域", vocab.JURISDICTIONS, required=True),
    "edition": text("版本，如 2021年版", required=True),
    "document": ident("印发本清单的文件 id", nullable=True),
    "supersedes": ident("本版本取代的清单版本 id", nullable=True),
    "complete": _f("本库是否收录了本版本的全部措施（只有两版都完整时，网站才列出新增和删除）", type="boolean"),
    "measure_count": _f("来源公布的措施项数（用于核对）", type="integer", min=0),
    **VALIDITY_FIELDS,
    **SOURCE_FIELDS,
    "summary": text("概述（自撰）"),
}

ROW_FIELDS = {
    "content": text("惩戒内容"),
    "targets": _f("惩戒对象：名单制度或目录条目的 id", type="list", minlength=1,
                  schema={"type": "string", "regex": ID_PATTERN}),
    "target_description": text("惩戒对象的文字说明（按来源）"),
    "basis": basis("法律及政策依据"),
    "implementers": _f("实施主体：每项写名称（按来源）和类型（方案四（四）10：金融机构、信用服务机构、行业协会商会、新闻媒体"
                       "只能自主实施）", type="list", minlength=1, schema={"type": "dict", "schema": {
                           "name": text("实施主体的名称（按来源）", required=True),
                           "type": enum("实施主体的类型", vocab.IMPLEMENTER_TYPES, required=True),
                       }}),
    "matters": texts("适用的业务事项"),
    "duration": _f("惩戒期限", type="dict", schema={"minimum": duration("下限"), "maximum": duration("上限")}),
}

MEASURE = {
    "id": ident("措施 id，与文件名一致", required=True),
    "name": text("措施名称", required=True),
    "category": enum("措施类别", vocab.MEASURE_CATEGORIES, required=True),
    "summary": text("说明（自撰）"),
    "rows": _f("清单中的各行（每行有自己的内容、对象、依据和实施主体）", type="list", minlength=1,
               excludes=list(ROW_FIELDS),
               schema={"type": "dict", "schema": {**ROW_FIELDS, "note": text("本行说明"),
                                                  "verified": _f("本行是否已核实", type="boolean"),
                                                  "evidence": enum("本行的证据等级（与措施的 evidence 不同时填写）",
                                                                   vocab.EVIDENCE)}}),
    **ROW_FIELDS,
    **VALIDITY_FIELDS,
    **SOURCE_FIELDS,
}

STEP = _f("程序环节", type="dict", schema={
    "description": text("内容"),
    "contents": enums("决定书载明的事项", vocab.DECISION_CONTENTS),
    "time_limit": duration("时限（ISO 8601 时长）"),
    "time_limit_working_days": _f("时限（工作日）", type="integer", min=1),
    "basis": basis(),
})

LIST_REGIME = {
    "id": ident("名单制度 id，与文件名一致", required=True),
    "name": text("名单名称", required=True),
    "domain": enum("设列领域（只能是国办发〔2020〕49号规定的四类之一）", vocab.DOMAINS, required=True,
                   meta_rule="LIST-001"),
    "jurisdiction": enum("实施范围", vocab.JURISDICTIONS, required=True),
    "authority": _f("认定部门：每项写原文的认定部门名称、作出认定的最低层级和部门类型（方案四（三）8：县级以上行业行政主管部门）",
                    type="list", required=True, minlength=1, schema={"type": "dict", "schema": {
                        "name": text("认定部门的名称（按原文）", required=True),
                        "lowest_level": enum("作出认定的最低一级", vocab.AUTHORITY_LEVELS, required=True),
                        "kind": enum("部门类型", vocab.AUTHORITY_KINDS, required=True),
                    }}),
    "determined_by": enum("认定方式", vocab.DETERMINED_BY, required=True),
    "standard_basis": basis("认定标准的依据", required=True),
    "standard": text("认定标准（自撰概述）"),
    "procedure": _f("认定程序", type="dict", schema={
        "notice": STEP, "objection": STEP, "decision": STEP, "judicial": STEP,
    }),
    "listing_period": _f("列入期限", type="dict", schema={
        "duration": duration("期限（ISO 8601 时长）"),
        "from": enum("期限从哪一天起算", vocab.PERIOD_STARTS),
        "description": text("说明"),
        "basis": basis(),
    }),
    "removal": _f("移出条件和程序", type="dict", schema={
        "description": text("说明"),
        "basis": basis(),
    }),
    "repair": REPAIR_FIELD,
    "measures": _f("列入名单后适用的惩戒措施 id", type="list", minlength=1,
                   schema={"type": "string", "regex": ID_PATTERN}),
    "summary": text("说明（自撰）"),
    **VALIDITY_FIELDS,
    **SOURCE_FIELDS,
}

COLLECTION_ROUTE = {
    "id": ident("归集方式 id，与文件名一致", required=True),
    "name": text("归集方式名称", required=True),
    "destination": text("推送或报送到哪里", required=True),
    "applies_to": _f("适用条件（列出的每一项都须与条目相符；空表示不限）", type="dict", required=True, schema={
        "provider_levels": enums("提供单位层级", vocab.PROVIDER_LEVELS),
        "provider_types": enums("提供单位类型", vocab.PROVIDER_TYPES),
        "information_kinds": enums("信息种类", vocab.INFORMATION_KINDS),
    }),
    "requires_legal_basis": _f("使用本方式的条目须引用要求报送的法律法规", type="boolean"),
    "basis": basis("依据（方案四（二）3 的子项）", required=True),
    "summary": text("说明（自撰）"),
    **VALIDITY_FIELDS,
    **SOURCE_FIELDS,
}

SEVERITY_PERIOD = _f("公示期限", type="dict", schema={
    "minimum": duration("最短公示期限"),
    "maximum": duration("最长公示期限"),
    "repairable": _f("可否修复", type="boolean"),
    "publish": _f("是否公示（轻微失信信息原则上不公示）", type="boolean"),
})

REPAIR_REGIME = {
    "id": ident("修复制度 id，与文件名一致", required=True),
    "name": text("名称", required=True),
    "information_kinds": enums("适用的信息种类", vocab.INFORMATION_KINDS, required=True),
    "periods": _f("按失信程度的公示期限", type="dict", required=True, schema={
        key: SEVERITY_PERIOD for key in vocab.SEVERITIES}),
    "basis": basis("依据", required=True),
    "period_start": _f("公示期从哪一天起算，以及期间的计算方法", type="dict", schema={
        "from": enum("起算日", vocab.PERIOD_STARTS, required=True),
        "description": text("说明"),
        "basis": basis("规定起算日的条款"),
        "counting": basis("期间的计算方法（开始的当日不计入；按月、年计算的到期月对应日为最后一日）"),
    }),
    "service": _f("修复办理规则（办理时限等），适用于 applies_to 所列种类的失信信息条目", type="dict", schema={
        "applies_to": enums("适用的信息种类", vocab.INFORMATION_KINDS, required=True),
        "time_limit_working_days": _f("办理时限（工作日）", type="integer", min=1, required=True),
        "description": text("说明（自撰）"),
        "basis": basis("依据", required=True),
    }),
    "summary": text("说明（自撰）"),
    **VALIDITY_FIELDS,
    **SOURCE_FIELDS,
}

WAIVERS = {
    "waivers": _f("豁免清单", type="list", required=True, minlength=0, schema={"type": "dict", "schema": {
        "rule": _f("被豁免的规则 ID", type="string", required=True, regex=r"^[A-Z]+-\d{3}$"),
        "record": ident("被豁免的记录 id", required=True),
        "field": text("被豁免的字段（如 rows.0.implementers；“.” 表示整条记录）：只豁免该字段及其下的问题", required=True),
        "reason": text("豁免理由", required=True),
        "approved_by": text("批准人", required=True),
        "expires": _f("到期日期（YYYY-MM-DD）", type="date", required=True),
    }}),
}

SCHEMAS = {
    "document": DOCUMENT,
    "catalog_edition": CATALOG_EDITION,
    "catalog_entry": CATALOG_ENTRY,
    "measure_list": MEASURE_LIST,
    "measure": MEASURE,
    "list_regime": LIST_REGIME,
    "collection_route": COLLECTION_ROUTE,
    "repair_regime": REPAIR_REGIME,
    "waivers": WAIVERS,
}
