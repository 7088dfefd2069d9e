"""Controlled vocabularies of the data model, with the Chinese label a reader sees for each value."""

LEVELS = {
    "law": "法律",
    "administrative_regulation": "行政法规",
    "central_policy": "党中央、国务院政策文件",
    "local_regulation": "地方性法规",
    "judicial_interpretation": "司法解释",
    "departmental_rule": "部门规章",
    "local_government_rule": "地方政府规章",
    "normative_document": "规范性文件",
}

JURISDICTIONS = {"national": "全国", "liaoning": "辽宁省", "benxi": "本溪市"}

DOCUMENT_STATUS = {"in_force": "现行有效", "amended": "已被修改", "repealed": "已废止", "expired": "已失效"}

DOCUMENT_FORMS = {
    "law": "法律", "regulation": "条例", "rules": "规定/办法", "interpretation": "司法解释", "decision": "决定",
    "order": "命令", "opinion": "意见", "notice": "通知", "plan": "方案", "catalog": "目录", "list": "清单",
    "other": "其他",
}

CATALOG_SCOPES = {
    "national_base": "全国公共信用信息基础目录",
    "provincial": "省级公共信用信息目录",
    "provincial_supplementary": "省级公共信用信息补充目录",
    "municipal_supplementary": "市级公共信用信息补充目录",
}

MEASURE_LIST_SCOPES = {
    "national_base": "全国失信惩戒措施基础清单",
    "provincial_supplementary": "省级失信惩戒措施补充清单",
}

NATURES = {"basic": "基础信息", "adverse": "失信信息", "positive": "守信信息", "other": "其他信息"}

SUBJECTS = {
    "legal_person": "法人",
    "natural_person": "自然人",
    "other_organization": "非法人组织",
    "individual_business": "个体工商户",
}

SHARING = {"unconditional": "无条件共享", "conditional": "有条件共享", "not_shared": "不予共享"}

DISCLOSURE = {"public": "社会公开", "conditional": "依申请或有条件公开", "not_public": "不公开"}

SEVERITIES = {"minor": "轻微", "general": "一般", "serious": "严重"}

DETERMINATION_DOCUMENTS = {
    "judgment": "生效的司法裁判文书",
    "arbitral_award": "仲裁文书",
    "administrative_penalty": "行政处罚决定文书",
    "administrative_ruling": "行政裁决决定文书",
    "administrative_decision": "其他行政行为决定文书",
    "other": "法律、法规或党中央、国务院政策文件规定的其他文书",
}

MEASURE_CATEGORIES = {
    "restrictive": "减损权益或增加义务的措施",
    "administrative": "管理措施",
    "voluntary": "公共管理机构以外的组织自主实施的措施",
}

DOMAINS = {
    "health_safety": "严重危害人民群众身体健康和生命安全",
    "market_order": "严重破坏市场公平竞争秩序和社会正常秩序",
    "obligation_credibility": "拒不履行法定义务严重影响司法机关和行政机关公信力",
    "national_defense": "拒不履行国防义务",
}

DETERMINED_BY = {"administrative": "行政机关认定", "judicial": "人民法院认定"}

KINDS = {
    "document": "政策法规文件",
    "catalog_edition": "公共信用信息目录版本",
    "catalog_entry": "目录条目",
    "measure_list": "失信惩戒措施清单版本",
    "measure": "惩戒措施",
    "list_regime": "严重失信主体名单制度",
}
