"""The contract of the static API: a JSON Schema (draft 2020-12) for every payload and for a feedback record, and
the OpenAPI 3.1 document that describes every endpoint with the same schemas.

The schemas are written once, here, as data: each schema file (``schemas/<name>.schema.json``) is a payload's
schema with the shared definitions under ``$defs``; ``openapi.json`` carries the same definitions under
``components.schemas`` (only the ``$ref`` prefix differs).

Versioning (written down on the site's 数据接口 page): within ``v1`` a payload only gains keys, never loses or
changes one; ids are the records' ids. A consumer ignores keys it does not know, so the published payload schemas
allow extra keys; the tests validate every file against the *strict* form (``strict``: no key the schema does not
name), so the schemas always describe every key. A breaking change is made only in a new version (``v2``),
published beside ``v1``. The feedback record is input: its schema is strict as published.
"""
from __future__ import annotations

import copy

from tools.model import vocab
from tools.model.schemas import DURATION_PATTERN, ID_PATTERN

API_VERSION = "1"  # the path: api/v1/
API_REVISION = "1.1"  # additive revisions of v1 (the changelog page lists each)
DIALECT = "https://json-schema.org/draft/2020-12/schema"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
USCC_PATTERN = r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$"  # GB 32100 (the check character: feedback-check)
# A masked identifier: letters and digits with at least eight characters in a row masked by *, 8 to 32 characters
# (a resident ID shown as 210502********123X). A full resident ID number never fits.
MASKED_PATTERN = r"^(?=[0-9A-Za-z*]{8,32}$)[0-9A-Za-z]*\*{8,}[0-9A-Za-z]*$"
# Feedback results (联合惩戒结果反馈): what a department reports it did.
RESULTS = {"sanctioned": "已惩戒", "not_sanctioned": "未惩戒"}


# -- building blocks --------------------------------------------------------------------------------------------
def ref(name: str) -> dict:
    return {"$ref": f"#/$defs/{name}"}


def obj(props: dict, description: str | None = None, required=None, **extra) -> dict:
    """An object whose keys are always present (unless ``required`` says which are)."""
    out = {"type": "object", "properties": props, "required": sorted(props) if required is None else list(required)}
    if description:
        out["description"] = description
    return {**out, **extra}


def arr(items: dict, description: str | None = None) -> dict:
    return {"type": "array", "items": items, **({"description": description} if description else {})}


def text(description: str | None = None, null: bool = False) -> dict:
    return {"type": ["string", "null"] if null else "string", **({"description": description} if description else {})}


def nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def words(description: str) -> dict:
    """A map of codes to their Chinese words."""
    return {"type": "object", "additionalProperties": {"type": "string"}, "description": description}


BOOL = {"type": "boolean"}
INT = {"type": "integer"}
ID = {"type": "string", "pattern": ID_PATTERN, "description": "记录 id（即记录的文件名，稳定不变）"}
DATE = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
NDATE = {"type": ["string", "null"], "format": "date", "pattern": DATE_PATTERN}
BASIS = arr(ref("Citation"), "依据：每项一个条款")
EVIDENCE = {"type": ["string", "null"], "enum": [*vocab.EVIDENCE, None],
            "description": "证据等级：official 官方发布原文；official_copy 官方数据库文本的副本；secondary 二手资料；"
                           "reconstructed 推断重构（不作为事实）；null 未标明（中文见 vocabulary.json 的 evidence）"}

DEFS = {
    "Citation": obj({
        "doc": {**ID, "description": "文件 id"}, "provision": {**ID, "description": "条款 id"},
        "title": text("文件名称"), "doc_number": text("文号", null=True), "label": text("条号，如 第二十二条", null=True),
        "summary": text("条款要点（自撰摘要）", null=True), "level": text("效力层级代码", null=True),
        "level_zh": text("效力层级", null=True), "status": text("效力状态代码", null=True),
        "in_force": {**BOOL, "description": "在 as_of 当日是否施行"}, "state_zh": text("效力状态（按 as_of）"),
        "verified": {**BOOL, "description": "文件记录是否已逐项核实"},
        "evidence": {**EVIDENCE, "description": "所引条款的证据等级（条款自己写了的用条款的，否则用文件的）"}}, "引用的一个条款"),
    "DurationValue": {"type": ["string", "null"], "pattern": DURATION_PATTERN,
                      "description": "ISO 8601 时长，如 P3Y 表示三年、P6M 表示六个月"},
    "Duration": {"type": "object", "description": "期限（下限、上限；记录没有写的键不出现）",
                 "properties": {"minimum": ref("DurationValue"), "maximum": ref("DurationValue")}, "required": []},
    "Authority": obj({"name": text("认定部门（按原文）"), "lowest_level": text("作出认定的最低一级（代码）", null=True),
                      "lowest_level_zh": text(null=True), "kind": text("部门类型（代码）", null=True),
                      "kind_zh": text(null=True)}, "认定部门"),
    "RepairDeclaration": obj({
        "repairable": BOOL, "judicial": {**BOOL, "description": "由人民法院认定：按司法程序移出，不适用行政机关的信用修复"},
        "minimum_period": ref("DurationValue"), "minimum_period_zh": text(null=True),
        "minimum_period_from": text("最短期限的起算日（代码，见 vocabulary.json 的 period_starts）", null=True),
        "follows_repair_regime": {**BOOL, "description": "最短期限按基准日施行的修复制度确定（见 repair.json）"},
        "channels": arr(text()), "materials": arr(text()), "free_of_charge": {"type": ["boolean", "null"]},
        "time_limit_working_days": {"type": ["integer", "null"]}, "description": text(null=True), "basis": BASIS},
        "信用修复"),
    "ListRegime": obj({
        "id": ID, "name": text("名单名称"), "domain": text("设列领域（代码）"), "domain_zh": text(null=True),
        "jurisdiction": text("实施范围（代码）"), "jurisdiction_zh": text(null=True),
        "determined_by": text("认定方式（代码）"), "determined_by_zh": text(null=True),
        "authority": arr(ref("Authority")), "standard": text("认定标准（自撰概述）", null=True),
        "standard_basis": BASIS,
        "listing_period": nullable(obj({
            "duration": ref("DurationValue"), "duration_zh": text(null=True),
            "from": text("期限从哪一天起算（代码）", null=True), "from_zh": text("期限从哪一天起算", null=True),
            "description": text(null=True), "basis": BASIS}, "列入期限")),
        "removal": nullable(obj({"description": text(null=True), "basis": BASIS}, "移出条件和程序")),
        "repair": nullable(ref("RepairDeclaration")),
        "effective_from": NDATE, "effective_to": NDATE,
        "in_force": {**BOOL, "description": "名单制度在 as_of 当日是否已经设立且未终止"},
        "measure_ids": arr(ID, "在 as_of 当日列入后适用的惩戒措施 id（详见 lists/{id}.json）"),
        "verified": BOOL, "evidence": EVIDENCE, "page": text("网站上的页面（相对网站根目录）")}, "严重失信主体名单制度"),
    "JointRow": obj({
        "row": {**INT, "description": "措施记录中的第几行（从 0 起，与 query、decide 相同）"},
        "content": text("惩戒内容", null=True), "implementers": arr(text(), "实施主体"),
        "implementer_types": arr(text(null=True), "实施主体的类型（代码），与 implementers 顺序相同"),
        "matters": arr(text(), "适用的业务事项"), "basis": BASIS,
        "duration": nullable(ref("Duration")), "evidence": EVIDENCE}, "适用于该名单的一行"),
    "JointMeasure": obj({
        "id": ID, "name": text("措施名称"), "category": text("措施类别（代码）", null=True),
        "category_zh": text(null=True), "list": text("所属清单版本 id", null=True),
        "content": arr(text()), "implementers": arr(text()), "implementer_types": arr(text(null=True)),
        "matters": arr(text()), "basis": BASIS, "verified": BOOL, "evidence": EVIDENCE, "rows": arr(ref("JointRow"))},
        "列入名单后适用的一项措施（与 python -m tools query --format json 的 measures 相同）"),
    "MeasureRow": obj({
        "row": INT, "content": text(null=True), "target_description": text("惩戒对象（按来源）", null=True),
        "lists": arr(ID, "本行适用的名单 id"), "implementers": arr(text()),
        "implementer_types": arr(text(null=True)), "matters": arr(text()),
        "duration": nullable(ref("Duration")), "basis": BASIS, "evidence": EVIDENCE}, "措施的一行"),
    "Measure": obj({
        "id": ID, "name": text(), "category": text(null=True), "category_zh": text(null=True),
        "measure_list": text("清单版本 id", null=True), "measure_list_title": text(null=True),
        "current": {**BOOL, "description": "属于现行（未被取代的）清单版本"},
        "effective_from": NDATE, "effective_to": NDATE, "in_force": BOOL, "summary": text(null=True),
        "verified": BOOL, "evidence": EVIDENCE, "rows": arr(ref("MeasureRow")), "page": text()}, "失信惩戒措施"),
    "MatterList": obj({"list": ID, "name": text(), "measures": arr(ref("JointMeasure"))},
                      "办理该事项时要比对的名单，及主体在该名单上时适用的措施（只含适用于该事项的行）"),
    "PublicationPeriod": obj({"minimum": ref("DurationValue"), "maximum": ref("DurationValue"),
                              "follows_repair_regime": BOOL, "description": text(null=True), "basis": BASIS}),
    "CatalogEntry": obj({
        "id": ID, "name": text(), "category": text(null=True), "category_name": text(null=True),
        "information_kind": text(null=True), "information_kind_zh": text(null=True),
        "nature": text(null=True), "nature_zh": text(null=True), "subjects": arr(text()),
        "severity": text(null=True), "provider": arr(text()),
        "publication_period": nullable(ref("PublicationPeriod")), "repair": nullable(ref("RepairDeclaration")),
        "basis": BASIS, "effective_from": NDATE, "effective_to": NDATE, "verified": BOOL, "evidence": EVIDENCE,
        "page": text()}, "公共信用信息目录的一个信息项"),
    "CatalogEdition": obj({
        "id": ID, "title": text(), "scope": text(null=True), "scope_zh": text(null=True),
        "jurisdiction": text(null=True), "edition": text(null=True), "supersedes": text(null=True),
        "effective_from": NDATE, "effective_to": NDATE, "complete": BOOL, "verified": BOOL, "evidence": EVIDENCE,
        "categories": arr(obj({"id": text(), "name": text(null=True)})),
        "entries": arr(ref("CatalogEntry")), "page": text()}, "现行的目录版本"),
    "RepairRule": {"type": "object", "description": "修复规定（记录写了的键才出现）", "required": ["basis"],
                   "properties": {"repairable": BOOL, "channels": arr(text()), "materials": arr(text()),
                                  "free_of_charge": BOOL, "time_limit_working_days": INT,
                                  "minimum_period": ref("DurationValue"), "minimum_period_from": text(),
                                  "basis": BASIS}},
    "Timeline": arr(obj({"from": {**NDATE, "description": "自这一天起（null：此前一直）"},
                         "regime": text("修复制度 id（null：没有）", null=True)}),
                    "按日期：某日适用的是最后一个 from 不晚于该日的项"),
    "RepairRegime": obj({
        "id": ID, "name": text(), "information_kinds": arr(text()), "effective_from": NDATE, "effective_to": NDATE,
        "periods": {"type": "object", "description": "按失信程度（minor、general、serious）的公示期限",
                    "additionalProperties": {"type": "object", "required": [], "properties": {
                        "minimum": ref("DurationValue"), "maximum": ref("DurationValue"),
                        "publish": BOOL, "repairable": BOOL}}},
        "period_start": obj({"from": text(null=True), "from_zh": text(null=True), "basis": BASIS,
                             "counting": BASIS}),
        "basis": BASIS,
        "service": nullable(obj({"time_limit_working_days": {"type": ["integer", "null"]}, "basis": BASIS})),
        "verified": BOOL, "evidence": EVIDENCE}, "行政处罚等信息的公示与修复制度"),
    "RepairEntry": obj({
        "id": ID, "name": text(), "information_kind": text(), "subjects": arr(text()), "severity": text(null=True),
        "current": BOOL, "basis": BASIS,
        "exclusions": {"type": "object", "additionalProperties": obj({"excluded": BOOL, "basis": BASIS})},
        "repair": nullable(ref("RepairRule")), "verified": BOOL, "evidence": EVIDENCE}, "失信信息条目及其修复规定"),
    "RepairList": obj({
        "id": ID, "name": text(), "judicial": BOOL, "judicial_basis": BASIS,
        "listing_period": obj({"duration": ref("DurationValue"), "from": text(null=True),
                               "description": text(null=True), "basis": BASIS}),
        "removal": nullable(obj({"description": text(null=True), "basis": BASIS})),
        "repair": nullable(ref("RepairRule")), "verified": BOOL, "evidence": EVIDENCE}, "名单的列入期限、移出和修复"),
    "Calendar": obj({"name": text("节假日日历"), "years": nullable(arr(INT)),
                     "holidays": words("每年的法定节假日：MMDD，空格分隔"),
                     "working_weekends": words("每年调休上班的周末：MMDD，空格分隔")},
                    "工作日日历：一日是工作日，当且仅当它是调休上班的周末，或是不放假的周一至周五"),
    "FileEntry": obj({"path": text("相对 api/v1/ 的路径"), "bytes": INT,
                      "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                      "schema": text("该文件的 JSON Schema（相对 api/v1/）；模式文件本身为 null", null=True)}),
}


def _envelope(props: dict, title: str, description: str) -> dict:
    return obj({"api_version": {"const": API_VERSION, "description": "接口的主版本"},
                "as_of": {**DATE, "description": "这些答案所依据的日期（构建日）"}, **props}, description,
               title=title)


PAYLOADS = {
    "index": _envelope({
        "revision": text("v1 内的修订号（只增不改，见接口变更记录）"),
        "generated_at": text("构建时间（UTC，取自 SOURCE_DATE_EPOCH 或提交时间，同一提交两次构建相同）"),
        "commit": text("数据对应的 git 提交", null=True),
        "counts": {"type": "object", "additionalProperties": INT, "description": "各类条目数"},
        "files": arr(ref("FileEntry"), "本版本的全部文件（index.json 本身除外）及其 SHA-256")},
        "index", "入口：版本、提交、构建时间和每个文件的 SHA-256"),
    "lists": _envelope({"lists": arr(ref("ListRegime"))}, "lists", "全部严重失信主体名单制度"),
    "list": _envelope({"list": ref("ListRegime"), "measures": arr(ref("JointMeasure"))},
                      "list", "一个名单制度及列入后适用的措施"),
    "measures": _envelope({"measures": arr(ref("Measure"))}, "measures", "全部失信惩戒措施及其各行"),
    "measure": _envelope({"measure": ref("Measure")}, "measure", "一项失信惩戒措施"),
    "matters": _envelope({"matters": arr(obj({"matter": text("业务事项（按记录的写法）"),
                                              "lists": arr(ref("MatterList"))}))},
                         "matters", "业务事项 → 要比对的名单 → 适用的措施"),
    "repair": _envelope({
        "default_information": text("默认的行政处罚信息条目 id", null=True),
        "regimes": arr(ref("RepairRegime")),
        "regime_in_force": {"type": "object", "additionalProperties": ref("Timeline"),
                            "description": "信息种类 → 按日期施行的修复制度"},
        "service_in_force": {"type": "object", "additionalProperties": ref("Timeline"),
                             "description": "信息种类 → 按日期适用其办理时限的修复制度"},
        "entries": arr(ref("RepairEntry")), "lists": arr(ref("RepairList")),
        "counting": arr(ref("Citation"), "期间的计算方法（民法典）"), "calendar": ref("Calendar")},
        "repair", "按日期的公示期限和信用修复规则（网站计算器所用的数据）"),
    "catalog": _envelope({"editions": arr(ref("CatalogEdition"))}, "catalog", "现行公共信用信息目录版本及其信息项"),
    "vocabulary": _envelope({"vocabularies": {"type": "object", "additionalProperties": words("代码 → 中文")}},
                            "vocabulary", "各代码的中文含义"),
}

# Endpoints: path (relative to api/v1/) -> (payload schema, OpenAPI component, summary). {id}: a record id.
ENDPOINTS = {
    "index.json": ("index", "Index", "入口：版本、提交、构建时间、每个文件的 SHA-256"),
    "lists.json": ("lists", "Lists", "全部名单制度：认定部门、认定标准依据、列入期限、移出和修复、适用的措施"),
    "lists/{id}.json": ("list", "ListDetail", "一个名单制度，及列入后适用的措施（各行、实施主体、事项、期限、依据）"),
    "measures.json": ("measures", "Measures", "全部惩戒措施：每一行的内容、实施主体及类型、业务事项、期限和依据"),
    "measures/{id}.json": ("measure", "MeasureDetail", "一项惩戒措施"),
    "matters.json": ("matters", "Matters", "业务事项 → 要比对的名单 → 适用的措施及依据"),
    "repair.json": ("repair", "RepairRules", "按日期的公示期限与信用修复规则、工作日日历"),
    "catalog.json": ("catalog", "Catalog", "现行目录版本的信息项"),
    "vocabulary.json": ("vocabulary", "Vocabulary", "代码的中文含义"),
}


# -- the feedback record (联合惩戒结果反馈) ------------------------------------------------------------------------
# (field, Chinese header, schema, required, what a wrong pattern means)
FEEDBACK_FIELDS = [
    ("feedback_id", "反馈编号", {"type": "string", "minLength": 1, "maxLength": 64}, False, None),
    ("subject_type", "主体类别", {"type": "string", "enum": list(vocab.SUBJECTS)}, True, None),
    ("subject_name", "主体名称", {"type": "string", "minLength": 1, "maxLength": 200}, True, None),
    ("uscc", "统一社会信用代码", {"type": "string", "pattern": USCC_PATTERN}, False,
     "不是 18 位的统一社会信用代码（数字和大写字母，不含 I、O、Z、S、V）"),
    ("masked_id", "脱敏证件号码", {"type": "string", "pattern": MASKED_PATTERN}, False,
     "不是脱敏的证件号码：须有连续至少 8 位以 * 遮盖（如 210502********123X），只含字母、数字和 *，共 8 至 32 位；"
     "不得填写完整的身份证号码"),
    ("list", "名单", {"type": "string", "pattern": ID_PATTERN}, True, "不是名单 id（见 lists.json 的 id）"),
    ("measure", "措施", {"type": "string", "pattern": ID_PATTERN}, True, "不是措施 id（见 measures.json 的 id）"),
    ("row", "措施行", {"type": "integer", "minimum": 0}, False, None),
    ("matter", "业务事项", {"type": "string", "minLength": 1, "maxLength": 200}, True, None),
    ("department", "实施部门", {"type": "string", "minLength": 1, "maxLength": 200}, True, None),
    ("department_uscc", "实施部门统一社会信用代码", {"type": "string", "pattern": USCC_PATTERN}, False,
     "不是 18 位的统一社会信用代码"),
    ("division_code", "行政区划代码", {"type": "string", "pattern": r"^[0-9]{6}$"}, False, "不是 6 位数字的行政区划代码"),
    ("date", "实施日期", {"type": "string", "format": "date", "pattern": DATE_PATTERN}, True,
     "不是 YYYY-MM-DD 格式的日期"),
    ("result", "结果", {"type": "string", "enum": list(RESULTS)}, True, None),
    ("reason", "说明", {"type": "string", "minLength": 1, "maxLength": 1000}, False, None),
]
FEEDBACK_ZH = {name: zh for name, zh, *_ in FEEDBACK_FIELDS}
FEEDBACK_DESCRIPTIONS = {
    "feedback_id": "反馈编号（部门系统自定，可选）",
    "subject_type": "主体类别：" + "、".join(f"{k} {v}" for k, v in vocab.SUBJECTS.items()),
    "subject_name": "主体名称",
    "uscc": "统一社会信用代码（法人、非法人组织、个体工商户必填；校验位由 feedback-check 检查）",
    "masked_id": "脱敏证件号码（自然人必填，如 210502********123X）：绝不填写完整的居民身份证号码",
    "list": "主体所在的名单（lists.json 的 id）", "measure": "实施的措施（measures.json 的 id）",
    "row": "措施的第几行（可选，从 0 起）", "matter": "办理的业务事项（如 政府采购）",
    "department": "实施部门名称", "department_uscc": "实施部门的统一社会信用代码（可选）",
    "division_code": "实施部门所在的行政区划代码（可选，6 位）", "date": "实施（或决定不实施）的日期",
    "result": "结果：" + "、".join(f"{k} {v}" for k, v in RESULTS.items()),
    "reason": "说明（结果为 not_sanctioned 时必填：为何未实施）",
}
NATURAL = "natural_person"
# Rules across fields: (field the message is about, message, schema). Part of the schema (allOf) and checked one
# by one by feedback-check, so that each failure names its field.
FEEDBACK_CONDITIONS = [
    ("masked_id", "自然人须以脱敏证件号码标识（填写“脱敏证件号码”，不填统一社会信用代码）",
     {"if": {"properties": {"subject_type": {"const": NATURAL}}, "required": ["subject_type"]},
      "then": {"required": ["masked_id"], "not": {"required": ["uscc"]}}}),
    ("uscc", "法人、非法人组织和个体工商户须以统一社会信用代码标识（不填脱敏证件号码）",
     {"if": {"properties": {"subject_type": {"enum": [k for k in vocab.SUBJECTS if k != NATURAL]}},
             "required": ["subject_type"]},
      "then": {"required": ["uscc"], "not": {"required": ["masked_id"]}}}),
    ("reason", "结果为“未惩戒”时须填写说明",
     {"if": {"properties": {"result": {"const": "not_sanctioned"}}, "required": ["result"]},
      "then": {"required": ["reason"]}}),
]


def feedback_record_schema() -> dict:
    props = {name: {**schema, "title": zh, "description": FEEDBACK_DESCRIPTIONS[name]}
             for name, zh, schema, _, _ in FEEDBACK_FIELDS}
    return {"type": "object", "title": "联合惩戒结果反馈", "description": "部门系统比对后实施（或未实施）一项措施的记录",
            "properties": props, "required": [name for name, _, _, req, _ in FEEDBACK_FIELDS if req],
            "additionalProperties": False, "allOf": [c for _, _, c in FEEDBACK_CONDITIONS]}


FEEDBACK = {
    "feedback-record": feedback_record_schema(),
    "feedback-batch": {"type": "array", "title": "联合惩戒结果反馈（一批）", "items": ref("FeedbackRecord")},
}


# -- documents --------------------------------------------------------------------------------------------------
def _rewrite(node, prefix: str):
    if isinstance(node, dict):
        return {k: (prefix + v[len("#/$defs/"):] if k == "$ref" and isinstance(v, str) and v.startswith("#/$defs/")
                    else _rewrite(v, prefix)) for k, v in node.items()}
    if isinstance(node, list):
        return [_rewrite(v, prefix) for v in node]
    return node


def schema_documents() -> dict[str, dict]:
    """name -> the JSON Schema of that payload (or feedback), standalone (every shared definition under $defs)."""
    defs = {**DEFS, "FeedbackRecord": FEEDBACK["feedback-record"]}
    out = {}
    for name, schema in {**PAYLOADS, **FEEDBACK}.items():
        needed = _referenced(schema, defs)
        out[name] = {"$schema": DIALECT, **copy.deepcopy(schema),
                     **({"$defs": {k: copy.deepcopy(defs[k]) for k in sorted(needed)}} if needed else {})}
    return out


def _referenced(schema, defs: dict) -> set:
    """The names of the definitions a schema refers to, directly or through other definitions."""
    found: set = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            target = node.get("$ref")
            if isinstance(target, str) and target.startswith("#/$defs/"):
                name = target[len("#/$defs/"):]
                if name not in found:
                    found.add(name)
                    stack.append(defs[name])
            stack.extend(v for k, v in node.items() if k != "$ref")
        elif isinstance(node, list):
            stack.extend(node)
    return found


def schema_path(name: str) -> str:
    return f"schemas/{name}.schema.json"


def strict(schema):
    """The schema with no key allowed that it does not name (objects with properties and no additionalProperties
    get ``additionalProperties: false``): what the tests validate the payloads against."""
    if isinstance(schema, dict):
        out = {k: strict(v) for k, v in schema.items()}
        if "properties" in out and "additionalProperties" not in out:
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [strict(v) for v in schema]
    return schema


def openapi(ids: dict[str, list[str]], server: str) -> dict:
    """The OpenAPI 3.1 document of v1. ``ids``: the ids each {id} endpoint serves (lists, measures)."""
    prefix = "#/components/schemas/"
    components = {name: _rewrite(copy.deepcopy(s), prefix) for name, s in DEFS.items()}
    for path, (payload, component, _) in ENDPOINTS.items():
        components[component] = _rewrite(copy.deepcopy(PAYLOADS[payload]), prefix)
    components["FeedbackRecord"] = _rewrite(copy.deepcopy(FEEDBACK["feedback-record"]), prefix)
    components["FeedbackBatch"] = _rewrite(copy.deepcopy(FEEDBACK["feedback-batch"]), prefix)
    paths = {}
    for path, (payload, component, summary) in ENDPOINTS.items():
        op = {"operationId": "get" + component, "summary": summary, "tags": ["规则"],
              "responses": {"200": {"description": summary, "content": {"application/json": {
                  "schema": {"$ref": prefix + component}}}}}}
        if "{id}" in path:
            kind = path.split("/")[0]
            op["parameters"] = [{"name": "id", "in": "path", "required": True,
                                 "description": "记录 id（见 " + kind + ".json）",
                                 "schema": {"type": "string", "enum": sorted(ids.get(kind, []))}}]
            op["responses"]["404"] = {"description": "没有这个 id"}
        paths["/" + path] = {"get": op}
    paths["/schemas/{name}.schema.json"] = {"get": {
        "operationId": "getSchema", "summary": "一个载荷或反馈记录的 JSON Schema（draft 2020-12）", "tags": ["模式"],
        "parameters": [{"name": "name", "in": "path", "required": True, "schema": {
            "type": "string", "enum": sorted([*PAYLOADS, *FEEDBACK])}}],
        "responses": {"200": {"description": "JSON Schema", "content": {"application/schema+json": {
            "schema": {"type": "object"}}}}}}}
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": DIALECT,
        "info": {
            "title": "本溪市社会信用规则库 数据接口",
            "version": API_REVISION,
            "summary": "供政务服务系统自动比对：办理某业务事项要比对哪些名单、主体在名单上时适用哪些措施、由谁实施、依据和期限",
            "description": (
                "静态 JSON 文件，随网站一起构建（make build），任何网站服务器都可提供。只有 GET。\n\n"
                "版本：路径中的 v1 是主版本。v1 内只增加键、不删除或改变已有的键；id 是记录的 id，不会改变含义。"
                "不兼容的改变只在新的主版本（v2）中发布，v1 同时保留。调用方应忽略不认识的键。\n\n"
                "联合惩戒结果反馈：部门系统向信用平台报送的反馈记录的格式见 FeedbackRecord（schemas/feedback-record.schema.json），"
                "可用 python -m tools feedback-check 文件 在报送前检查。本接口本身不接收反馈。\n\n"
                "本接口只提供规则，不提供名单中的具体主体。"),
        },
        "servers": [{"url": server, "description": "本站"}],
        "tags": [{"name": "规则", "description": "名单、措施、业务事项、修复规则、目录"},
                 {"name": "模式", "description": "JSON Schema"}],
        "paths": paths,
        "components": {"schemas": components},
    }
