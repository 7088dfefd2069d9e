"""The 双公示 data standard as data: the columns of an administrative penalty or licensing feed, which are required,
what kind of value each holds, and the controlled values (方案四（二）5: “依据‘双公示’数据标准”).

The official notice of the standard was not read (shared/reference/shuanggongshi.md): the field lists, their order
and the 必填 marks are those of public implementations of it (a Django model and two Java entities name the same
columns, e.g. ``行政相对人代码_1(统一社会信用代码)``). Headers are matched after NFKC normalisation without spaces, so
full-width and half-width brackets are the same column; each column may also carry its short name as an alias
(``统一社会信用代码``). Columns outside the standard that a feed may carry and the audit understands are ``EXTRA``.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

PENALTY, LICENSE = "penalty", "license"
KINDS = {PENALTY: "行政处罚", LICENSE: "行政许可"}

# kinds of value
TEXT, NAME, USCC, CODE, ID_NUMBER, CERT_TYPE, DATE, AMOUNT, ENUM = (
    "text", "name", "uscc", "code", "id_number", "cert_type", "date", "amount", "enum")


@dataclass(frozen=True)
class Column:
    name: str  # the header as the standard writes it
    kind: str = TEXT
    required: bool = False
    aliases: tuple = ()
    personal: bool = False  # may hold a natural person's name or identity number (never echoed in messages)


def header_key(text) -> str:
    """How a header is compared: NFKC (full-width brackets and letters as ASCII), no spaces, BOM or line breaks."""
    text = unicodedata.normalize("NFKC", str(text or "")).replace("\ufeff", "")
    return "".join(text.split())


SUBJECT_TYPES = ("法人及非法人组织", "自然人", "个体工商户")
LEGAL, NATURAL, INDIVIDUAL_BUSINESS = SUBJECT_TYPES
# 证件类型: the standard's codes and names (shuanggongshi.md); a feed may write either, or 其他-… for another kind
CERT_TYPES = {"01": "身份证", "02": "护照", "03": "港澳居民来往内地通行证", "04": "台湾居民来往大陆通行证",
              "05": "外国人永久居留身份证"}
RESIDENT_ID_TYPES = ("身份证", "01", "居民身份证")
# 处罚类别: the kinds of administrative penalty of 行政处罚法（2021）第九条; several joined by ；;、 or ,;
# “其他” names the kind after it (其他-责令改正) as the standard asks for “其他”
PENALTY_TYPES = ("警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级",
                 "吊销许可证件", "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "行政拘留",
                 # the 1996/2017 law's wording, still written by older systems
                 "暂扣或者吊销许可证", "暂扣或者吊销执照", "暂扣许可证", "吊销许可证", "暂扣执照", "吊销执照")
OTHER = "其他"
LICENSE_TYPES = ("普通", "特许", "认可", "核准", "登记", "其他")
LICENSE_STATES = ("有效", "无效", "1", "2")  # 当前状态: 1 有效, 2 无效
PROCEDURES = ("简易程序", "普通程序")
SIMPLIFIED = "简易程序"
LONG_TERM = "2099-12-31"  # 有效期至 2099/12/31 means long-term
# A 个体工商户 without a unified social credit code writes seventeen 0s and an X and gives its 工商注册号.
NO_USCC = "00000000000000000X"

SUBJECT_COLUMNS = (
    Column("行政相对人名称", NAME, True, personal=True),
    Column("行政相对人类别", ENUM, True),
    Column("行政相对人代码_1(统一社会信用代码)", USCC, aliases=("统一社会信用代码", "行政相对人代码_1")),
    Column("行政相对人代码_2(工商注册号)", CODE, aliases=("工商注册号", "行政相对人代码_2")),
    Column("行政相对人代码_3(组织机构代码)", CODE, aliases=("组织机构代码", "行政相对人代码_3")),
    Column("行政相对人代码_4(税务登记号)", CODE, aliases=("税务登记号", "税务登记码", "行政相对人代码_4")),
    Column("行政相对人代码_5(事业单位证书号)", CODE, aliases=("事业单位证书号", "行政相对人代码_5")),
    Column("行政相对人代码_6(社会组织登记证号)", CODE, aliases=("社会组织登记证号", "行政相对人代码_6")),
    Column("法定代表人", NAME, personal=True, aliases=("法定代表人(负责人)",)),
    Column("法定代表人证件类型", CERT_TYPE),
    Column("法定代表人证件号码", ID_NUMBER, personal=True, aliases=("法定代表人身份证号",)),
    Column("证件类型", CERT_TYPE),
    Column("证件号码", ID_NUMBER, personal=True),
)
SOURCE_COLUMNS = (
    Column("数据来源单位", TEXT, True),
    Column("数据来源单位统一社会信用代码", USCC, True),
    Column("备注", TEXT),
)
PENALTY_COLUMNS = SUBJECT_COLUMNS + (
    Column("行政处罚决定书文号", CODE, True),
    Column("违法行为类型", TEXT, True),
    Column("违法事实", TEXT, True),
    Column("处罚依据", TEXT, True),
    Column("处罚类别", ENUM, True),
    Column("处罚内容", TEXT, True),
    Column("罚款金额(万元)", AMOUNT, aliases=("罚款金额",)),
    Column("没收违法所得、没收非法财物的金额(万元)", AMOUNT, aliases=("没收违法所得、没收非法财物的金额",)),
    Column("暂扣或吊销证照名称及编号", TEXT),
    Column("处罚决定日期", DATE, True),
    Column("处罚有效期", DATE, True),
    Column("公示截止期", DATE),
    Column("处罚机关", TEXT, True),
    Column("处罚机关统一社会信用代码", USCC, True),
) + SOURCE_COLUMNS
LICENSE_COLUMNS = SUBJECT_COLUMNS + (
    Column("行政许可决定文书名称", TEXT, True),
    Column("行政许可决定文书号", CODE, True),
    Column("许可类别", ENUM, True),
    Column("许可证书名称", TEXT),
    Column("许可编号", CODE),
    Column("许可内容", TEXT, True),
    Column("许可决定日期", DATE, True),
    Column("有效期自", DATE, True),
    Column("有效期至", DATE, True),
    Column("许可机关", TEXT, True),
    Column("许可机关统一社会信用代码", USCC, True),
    Column("当前状态", ENUM, True),
) + SOURCE_COLUMNS
# Columns outside the standard that the audit understands when a feed carries them.
EXTRA = (
    Column("处罚程序", ENUM, aliases=("适用程序", "程序类型")),  # 简易程序 | 普通程序 (penalties)
    Column("公示日期", DATE, aliases=("公开日期", "上网公示日期", "发布日期")),
    Column("报送日期", DATE, aliases=("上报日期", "提交日期", "归集日期")),
)
COLUMNS = {PENALTY: PENALTY_COLUMNS, LICENSE: LICENSE_COLUMNS}
# per kind: the decision number, the decision date, the deciding authority and its code
DECISION_NUMBER = {PENALTY: "行政处罚决定书文号", LICENSE: "行政许可决定文书号"}
DECISION_DATE = {PENALTY: "处罚决定日期", LICENSE: "许可决定日期"}
AUTHORITY = {PENALTY: "处罚机关", LICENSE: "许可机关"}
SOURCE_UNIT, SOURCE_UNIT_CODE = "数据来源单位", "数据来源单位统一社会信用代码"
SUBJECT_NAME, SUBJECT_TYPE, SUBJECT_USCC, SUBJECT_REG_NO = (
    "行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)", "行政相对人代码_2(工商注册号)")


def columns(kind: str) -> tuple:
    """The standard's columns of a kind, then the extra columns the audit understands for it."""
    extra = tuple(c for c in EXTRA if kind == PENALTY or c.name != "处罚程序")
    return COLUMNS[kind] + extra


def resolve_headers(kind: str, headers) -> tuple[list, list, list]:
    """Match a header row to the standard: ([canonical name or None per header], missing required names,
    unknown headers as written). A column given twice keeps its first occurrence; the second is unknown."""
    by_key = {}
    for col in columns(kind):
        for name in (col.name,) + col.aliases:
            by_key.setdefault(header_key(name), col.name)
    resolved, seen, unknown = [], set(), []
    for h in headers:
        name = by_key.get(header_key(h))
        if name is None or name in seen:
            resolved.append(None)
            if header_key(h):
                unknown.append(str(h))
            continue
        seen.add(name)
        resolved.append(name)
    missing = [c.name for c in COLUMNS[kind] if c.required and c.name not in seen]
    return resolved, missing, unknown


def column(kind: str, name: str) -> Column:
    for c in columns(kind):
        if c.name == name:
            return c
    raise KeyError(name)
