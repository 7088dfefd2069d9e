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

# Why an item is shared (方案四（二）4(1)：根据国家机关依法履行职责的需求共享，不得用于履行职责以外的用途).
SHARING_PURPOSES = {
    "performance_of_duties": "国家机关依法履行职责",
    "legally_prescribed": "法律、法规、司法解释或党中央、国务院政策文件明确规定的其他用途",
    "other": "其他用途（如招商引资、市场营销）",
}

# To whom an item is shared (方案四（一）2：失信信息共享至市信用信息共享平台；四（二）4(1)).
RECIPIENT_TYPES = {
    "sharing_platform": "信用信息共享平台",
    "public_body": "国家机关和法律法规授权的组织",
    "other": "其他单位（须有法律依据）",
}

# Who may query and use an item (方案四（五）12：明确信息查询使用权限和程序).
QUERY_TYPES = {
    "public_body": "国家机关（履行职责）",
    "subject_itself": "信用主体本人",
    "public": "社会公众（仅限依法公开的信息）",
    "authorized_party": "经本人授权的查询者",
    "other": "其他（须有法律依据）",
}

# For what an item may be queried and used (方案四（五）12：合法、正当、必要、最小化原则).
QUERY_PURPOSES = {
    "performance_of_duties": "国家机关依法履行职责",
    "own_information": "信用主体查询本人信息",
    "public_information": "查阅依法公开的信息",
    "authorized_use": "在本人授权的范围内使用",
    "legally_prescribed": "法律、法规、司法解释或党中央、国务院政策文件明确规定的其他用途",
    "other": "其他用途",
}

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

# The determining authority of a list regime (方案四（三）8：县级以上行业行政主管部门): the lowest level of government
# at which the body decides, and what kind of body it is.
AUTHORITY_LEVELS = {
    "national": "国务院有关部门",
    "provincial": "省级",
    "municipal": "设区的市级",
    "county": "县级",
    "township": "乡镇级",
}
COUNTY_OR_ABOVE = ("national", "provincial", "municipal", "county")

AUTHORITY_KINDS = {
    "industry_authority": "行业行政主管部门",
    "court": "人民法院",
    "government": "人民政府",
    "other": "其他",
}

# Who carries out a measure (方案四（四）10：不得强制要求金融机构、信用服务机构、行业协会商会、新闻媒体等惩戒失信主体).
IMPLEMENTER_TYPES = {
    "public_body": "公共管理机构",
    "financial_institution": "金融机构",
    "credit_service": "信用服务机构",
    "association": "行业协会商会",
    "news_media": "新闻媒体",
    "other": "其他",
}
# The bodies the plan says may not be compelled: their measures can only be voluntary.
NOT_TO_BE_COMPELLED = ("financial_institution", "credit_service", "association", "news_media")

KINDS = {
    "document": "政策法规文件",
    "catalog_edition": "公共信用信息目录版本",
    "catalog_entry": "目录条目",
    "measure_list": "失信惩戒措施清单版本",
    "measure": "惩戒措施",
    "list_regime": "严重失信主体名单制度",
    "collection_route": "公共信用信息归集方式",
    "repair_regime": "信用修复制度（公示期限）",
}

PROVIDER_LEVELS = {"national": "中央", "provincial": "省级", "city": "市级", "county": "县区级", "township": "乡（镇）级"}

PROVIDER_TYPES = {
    "administrative_agency": "行政机关（行业主管部门）",
    "court": "人民法院",
    "public_utility": "公用企事业单位",
    "credit_platform": "信用信息共享平台",
    "other": "其他单位",
}

ADMINISTRATIVE_ACTIONS = {
    "administrative_licensing": "行政许可",
    "administrative_penalty": "行政处罚",
    "administrative_coercion": "行政强制",
    "administrative_confirmation": "行政确认",
    "administrative_levy": "行政征收",
    "administrative_payment": "行政给付",
    "administrative_ruling": "行政裁决",
    "administrative_compensation": "行政补偿",
    "administrative_reward": "行政奖励",
    "administrative_inspection": "行政监督检查",
}

INFORMATION_KINDS = {
    "registration": "登记注册信息",
    "judicial_ruling": "司法裁判及执行信息",
    **ADMINISTRATIVE_ACTIONS,
    "dishonest_judgment_debtor": "失信被执行人信息",
    "false_litigation": "虚假诉讼信息",
    "qualification": "职称和职业资格信息",
    "abnormal_operation": "经营（活动）异常名录信息",
    "serious_dishonesty_list": "严重失信主体名单信息",
    "contract_performance": "合同履行信息",
    "credit_commitment": "信用承诺及履行情况信息",
    "credit_evaluation": "信用评价结果信息",
    "honor": "诚实守信相关荣誉信息",
    "voluntary": "自愿提供的信用信息",
    "other": "其他信息",
}

PENALTY_EXCLUSIONS = {
    "simplified_procedure": "适用简易程序作出的行政处罚信息",
    "minor_corrected": "违法行为轻微且主动消除或者减轻危害后果的行政处罚信息",
    "first_offense_corrected": "初次违法且危害后果轻微并主动消除或者减轻危害后果的行政处罚信息",
}

CONFIDENTIALITY = {"state_secret": "国家秘密", "trade_secret": "商业秘密", "privacy": "个人隐私"}

CONSENT_NOTICE_ITEMS = {
    "purpose": "采集目的", "content": "采集内容", "method": "采集方式", "use": "用途", "scope": "使用范围",
    "rights": "享有的权利", "obligations": "承担的义务",
}

PERIOD_STARTS = {"decision_date": "处罚决定书（认定失信行为的文书）作出之日", "listing_date": "列入名单（认定）之日",
                 "publication_date": "信息公布之日", "correction_date": "纠正失信行为之日"}

REPAIR_CHANNELS = {"credit_website": "信用网站（信用中国“一网通办”）", "service_window": "服务窗口",
                   "mobile": "移动终端", "determining_unit": "向认定单位申请"}

REPAIR_MATERIALS = {"commitment": "信用修复承诺书", "identity": "有效身份证件",
                    "performance_proof": "已履行法定义务或约定义务的材料", "other": "其他材料"}

DECISION_CONTENTS = {"reason": "事由", "basis": "依据", "measures": "失信惩戒措施提示",
                     "removal": "移出条件和程序", "remedies": "救济措施"}

# How a record's facts were read (its grade of evidence). `verified: true` is allowed only with the first two.
EVIDENCE = {
    "official": "官方发布原文",
    "official_copy": "官方数据库文本的副本",
    "secondary": "二手资料（新闻、解读、地方指南）",
    "reconstructed": "推断重构（不作为事实）",
}
# The grades that rest on an official text (read at the publisher, or a copy of an official database's text).
OFFICIAL_EVIDENCE = ("official", "official_copy")
