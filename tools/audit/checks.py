"""The audit's checks, one place each: ID, severity, Chinese title, the plan clause and the law or standard behind it,
and the Polars expressions that find the rows breaking it.

A check is a function of the feed (:class:`Feed`: its kind, its columns, the facts of the run) that yields
``(column, mask, message)`` or :class:`Hit`: the column the finding points at, a boolean expression true on the
rows that break the check, the message (text, or a text expression over those rows), and optionally ``where``, a
cheap expression true on every row the mask could be true on: the engine then evaluates the mask only on those
rows (an identity number in free text is looked for only where there are 17 digits in a row); or ``distinct``,
when the mask depends on the column alone (an authority's code is checked once per distinct code). Messages never
contain a person's name or a full identity number. The checks of the header alone are declared here and carried out
by the engine (``tools.audit.engine``).

The facts a check may use besides the columns are computed once per batch by the engine (:data:`FACTS`):
``_type`` subject type, ``_decided`` decision date, ``_end`` 公示截止期, ``_published`` publication or submission date,
``_fine`` fine in 万元, ``_first_row``/``_first_file`` where a repeated decision number first appeared (the engine
remembers the first row of every number across blocks and files); from the domain, over the distinct decision
dates: ``_lo``/``_hi`` the earliest and latest allowed 公示截止期 under the repair regime in force, ``_exact``
whether the earliest binds every class, ``_regime`` its name, ``_max`` its longest period in Chinese; ``_deadline``
the last day to publish (working days per unit).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, NamedTuple

import polars as pl

from tools.audit.columns import (ID_IN_TEXT, amount, bad_date, blank, blank_text, date, masked, one_of, present,
                                 maybe_blank_text, resident_id_ok, text, uscc_ok)
from tools.base.findings import ERROR, WARNING
from tools.model import shuanggongshi as sgs

ANY = (sgs.PENALTY, sgs.LICENSE)
FREE_TEXT = (sgs.TEXT, sgs.NAME)  # kept as written by the engine (not stripped): see columns.normalized
STANDARD = "“双公示”数据标准（字段、必填项和代码，按 shared/reference/shuanggongshi.md 所记的公开实现）"


@dataclass(frozen=True)
class Check:
    id: str
    severity: str
    title: str  # one line, Chinese
    clause: str  # the plan clause, as the plan labels it
    basis: str  # the law, article or standard
    kinds: tuple = ANY
    find: Callable | None = None  # fn(feed) -> iterable of (column, mask, message); None: carried out by the engine
    doc: str = ""


@dataclass
class Feed:
    """What the checks may know about the feed being audited."""
    kind: str
    columns: set  # the standard's and the extra columns the feed carries (canonical names)
    missing: set = field(default_factory=set)  # required columns the header lacks
    as_of: object = None
    simplified_excluded: bool = True  # the catalog entry excludes simplified-procedure penalties
    id_numbers_published: bool = False  # the catalog entry's disclosure publishes full identity numbers
    facts: set = field(default_factory=set)  # the mapped facts the engine provides for this feed
    files: list = field(default_factory=list)  # the names of the files audited together
    file_index: int = 0  # which of them this is

    def has(self, name: str) -> bool:
        return name in self.columns

    def of(self, kind: str) -> list:
        return [c.name for c in sgs.columns(self.kind) if c.kind == kind and c.name in self.columns]


class Hit(NamedTuple):
    column: str
    mask: pl.Expr
    message: object  # str or pl.Expr
    where: pl.Expr | None = None  # a cheap superset of the mask: the mask is evaluated on these rows only
    distinct: bool = False  # the mask depends on ``column`` alone: evaluated once per distinct value


CHECKS: list = []


def check(rule_id, severity, title, clause, basis, kinds=ANY):
    def wrap(fn):
        CHECKS.append(Check(rule_id, severity, title, clause, basis, tuple(kinds), fn, (fn.__doc__ or "").strip()))
        return fn
    return wrap


def declared(rule_id, severity, title, clause, basis, kinds=ANY, doc=""):
    CHECKS.append(Check(rule_id, severity, title, clause, basis, tuple(kinds), None, doc))


_SEPARATORS = "；;、,，/\\s"  # between several penalty kinds in one cell


def _sequence_of(alternatives: str) -> str:
    """A regular expression for a cell holding only these kinds, one or more, separated (警告;罚款)."""
    return f"^(?:(?:{alternatives})(?:[{_SEPARATORS}]+|$))+$"


def _shown(expr: pl.Expr, n: int = 20) -> pl.Expr:
    """A cell's value as a message may show it: at most n characters."""
    return pl.when(expr.str.len_chars() > n).then(expr.str.slice(0, n) + "…").otherwise(expr)


def _number(expr: pl.Expr) -> pl.Expr:
    """A number as people write it: 100, 0.35 (not 100.0)."""
    r = expr.round(6)
    return pl.when(r == r.round(0)).then(r.cast(pl.Int64).cast(pl.String)).otherwise(r.cast(pl.String))


def _day(expr: pl.Expr) -> pl.Expr:
    return expr.dt.to_string("%Y-%m-%d")


def _id_shown(expr: pl.Expr) -> pl.Expr:
    """An identity number as a message may show it: the first six digits (the area code) only."""
    return expr.str.slice(0, 6) + "************"


def _cert_pairs(feed: Feed):
    for kind_col, number_col in (("证件类型", "证件号码"), ("法定代表人证件类型", "法定代表人证件号码")):
        if feed.has(number_col):
            kind = text(kind_col) if feed.has(kind_col) else pl.lit(None, pl.String)
            yield kind, number_col


# -- the header ---------------------------------------------------------------------------------------------------

declared("SGS-001", ERROR, "缺少“双公示”数据标准的必填列", "四（二）5", STANDARD,
         doc="表头中没有标准规定的必填列（如“处罚决定日期”）：指明缺少的列，位置为表头（第 1 行）；该列的逐行必填检查不再重复报告。")
declared("SGS-002", WARNING, "表头中有标准以外、本工具不认识的列", "四（二）5", STANDARD,
         doc="不认识的列照样读入但不检查；常见原因是列名写错（如“处罚决定曰期”）或用了旧标准的列名。")

# -- required fields ----------------------------------------------------------------------------------------------


@check("SGS-010", ERROR, "必填字段为空", "四（二）5", STANDARD)
def required(feed: Feed):
    """标准标明“必填”的字段（行政相对人名称、类别，决定书文号，决定日期，机关及其统一社会信用代码，数据来源单位等）不得为空。"""
    for col in sgs.columns(feed.kind):
        if col.required and feed.has(col.name):
            if col.kind in FREE_TEXT:  # spaces alone are blank too: looked for among the short texts only
                yield Hit(col.name, blank_text(col.name), f"必填字段“{col.name}”为空", where=maybe_blank_text(col.name))
            else:
                yield col.name, blank(col.name), f"必填字段“{col.name}”为空"


@check("SGS-011", ERROR, "法人及非法人组织、个体工商户须填写统一社会信用代码", "四（二）5", STANDARD)
def subject_code_required(feed: Feed):
    """行政相对人类别为法人及非法人组织或个体工商户的，须填写行政相对人代码_1（统一社会信用代码）；个体工商户没有统一社会信用代码的，
    填写 17 个 0 加 X，并填写工商注册号（SGS-051）。"""
    if sgs.SUBJECT_USCC not in feed.columns:
        return
    org = pl.col("_type").is_in([sgs.LEGAL, sgs.INDIVIDUAL_BUSINESS])
    yield sgs.SUBJECT_USCC, org & blank(sgs.SUBJECT_USCC), pl.format(
        "行政相对人类别为“{}”，未填写统一社会信用代码（个体工商户没有的，填写 {} 并填写工商注册号）", pl.col("_type"),
        pl.lit(sgs.NO_USCC))


@check("SGS-013", ERROR, "处罚类别含罚款的须填写罚款金额", "四（二）5", STANDARD, kinds=(sgs.PENALTY,))
def fine_amount_required(feed: Feed):
    """处罚类别含“罚款”的，“罚款金额（万元）”须填写（例如罚款 2,000 元填 0.2）。"""
    if feed.has("处罚类别") and feed.has("罚款金额(万元)"):
        yield "罚款金额(万元)", text("处罚类别").str.contains("罚款") & blank("罚款金额(万元)"), \
            "处罚类别含罚款，罚款金额（万元）为空"


# -- formats ------------------------------------------------------------------------------------------------------


@check("SGS-020", ERROR, "统一社会信用代码格式或校验位不正确", "四（二）5", "GB 32100-2015《法人和其他组织统一社会信用代码编码规则》")
def uscc_format(feed: Feed):
    """统一社会信用代码为 18 位（不用 I、O、Z、S、V），第 18 位是按 GB 32100 计算的校验码。个体工商户没有代码时填写的
    17 个 0 加 X 不在此列。"""
    for name in feed.of(sgs.USCC):
        c = text(name)
        message = pl.format("“{}”不是有效的统一社会信用代码：格式或第 18 位校验码不正确", _shown(c, 24))
        if name == sgs.SUBJECT_USCC:  # one per record: the engine checks it once for SGS-020 and SGS-050
            yield name, present(name) & (c != sgs.NO_USCC) & ~pl.col("_subject_code_ok"), message
        else:  # the authorities' and units' codes: a few distinct values
            yield Hit(name, present(name) & ~uscc_ok(name), message, distinct=True)


@check("SGS-021", ERROR, "居民身份证号码格式或校验位不正确", "四（二）5", "GB 11643-1999《公民身份号码》")
def resident_id_format(feed: Feed):
    """证件类型为身份证的，未脱敏的证件号码须为 18 位、第 18 位校验码正确（GB 11643）；已脱敏的号码（含 *）不检查。"""
    for kind, number in _cert_pairs(feed):
        is_id = kind.is_in(sgs.RESIDENT_ID_TYPES)
        unmasked = present(number) & ~masked(number)
        yield Hit(number, is_id & unmasked & ~resident_id_ok(number),
                  f"{number}不是有效的居民身份证号码：应为 18 位，第 18 位校验码按 GB 11643 计算", unmasked)


@check("SGS-022", ERROR, "日期不是有效的日期", "四（二）5", STANDARD)
def dates(feed: Feed):
    """日期字段须是存在的日期，写成 YYYY-MM-DD（也接受 YYYY/MM/DD、YYYYMMDD 和 YYYY年M月D日）。"""
    for name in feed.of(sgs.DATE):
        yield name, bad_date(name), pl.format("“{}”不是有效的日期（应写成 YYYY-MM-DD）", _shown(text(name)))


# -- controlled values -------------------------------------------------------------------------------------------


@check("SGS-030", ERROR, "行政相对人类别不在标准的取值中", "四（二）5", STANDARD)
def subject_type(feed: Feed):
    """行政相对人类别只能是：法人及非法人组织、自然人、个体工商户。"""
    if feed.has(sgs.SUBJECT_TYPE):
        yield sgs.SUBJECT_TYPE, present(sgs.SUBJECT_TYPE) & ~one_of(sgs.SUBJECT_TYPE, sgs.SUBJECT_TYPES), pl.format(
            "行政相对人类别“{}”不在标准的取值中（{}）", _shown(text(sgs.SUBJECT_TYPE)), pl.lit("、".join(sgs.SUBJECT_TYPES)))


@check("SGS-031", ERROR, "处罚类别不是行政处罚法规定的处罚种类", "四（二）5", "《行政处罚法》第九条", kinds=(sgs.PENALTY,))
def penalty_type(feed: Feed):
    """处罚类别按行政处罚法第九条的种类填写（警告、通报批评、罚款、没收违法所得、没收非法财物、暂扣许可证件、降低资质等级、
    吊销许可证件、限制开展生产经营活动、责令停产停业、责令关闭、限制从业、行政拘留），多个用分号分隔；其他种类写“其他-具体种类”。"""
    if not feed.has("处罚类别"):
        return
    ok = text("处罚类别").str.contains(_sequence_of("|".join(sorted(sgs.PENALTY_TYPES, key=len, reverse=True))
                                                    + f"|{sgs.OTHER}[^{_SEPARATORS}]*"))
    yield "处罚类别", present("处罚类别") & ~ok, pl.format("处罚类别“{}”含有行政处罚法第九条以外的种类", _shown(text("处罚类别")))


@check("SGS-032", ERROR, "许可类别不在标准的取值中", "四（二）5", STANDARD, kinds=(sgs.LICENSE,))
def license_type(feed: Feed):
    """许可类别只能是：普通、特许、认可、核准、登记、其他（其他须注明具体类别，如“其他-备案”）。"""
    if feed.has("许可类别"):
        c = text("许可类别")
        yield "许可类别", present("许可类别") & ~(one_of("许可类别", sgs.LICENSE_TYPES) | c.str.starts_with(sgs.OTHER)), \
            pl.format("许可类别“{}”不在标准的取值中（普通、特许、认可、核准、登记、其他）", _shown(c))


@check("SGS-033", ERROR, "许可的当前状态不在标准的取值中", "四（二）5", STANDARD, kinds=(sgs.LICENSE,))
def license_state(feed: Feed):
    """当前状态填写“有效”或“无效”（或代码 1 有效、2 无效）。"""
    if feed.has("当前状态"):
        yield "当前状态", present("当前状态") & ~one_of("当前状态", sgs.LICENSE_STATES), pl.format(
            "当前状态“{}”不在标准的取值中（有效、无效，或 1、2）", _shown(text("当前状态")))


@check("SGS-034", ERROR, "证件类型不在标准的取值中", "四（二）5", STANDARD)
def cert_type(feed: Feed):
    """证件类型填写身份证、护照、港澳居民来往内地通行证、台湾居民来往大陆通行证、外国人永久居留身份证（或代码 01 至 05），
    其他证件写“其他-证件名称”。"""
    allowed = list(sgs.CERT_TYPES) + list(sgs.CERT_TYPES.values()) + list(sgs.RESIDENT_ID_TYPES)
    for name in feed.of(sgs.CERT_TYPE):
        c = text(name)
        yield name, present(name) & ~(c.is_in(allowed) | c.str.starts_with(sgs.OTHER)), pl.format(
            "{}“{}”不在标准的取值中", pl.lit(name), _shown(c))


@check("SGS-035", ERROR, "处罚程序不是简易程序或普通程序", "四（一）1", "《行政处罚法》第五章第二节、第三节", kinds=(sgs.PENALTY,))
def procedure_value(feed: Feed):
    """数据带有“处罚程序”列时，取值为“简易程序”或“普通程序”。"""
    if feed.has("处罚程序"):
        yield "处罚程序", present("处罚程序") & ~one_of("处罚程序", sgs.PROCEDURES), pl.format(
            "处罚程序“{}”应为“简易程序”或“普通程序”", _shown(text("处罚程序")))


# -- amounts ------------------------------------------------------------------------------------------------------


@check("SGS-040", ERROR, "金额（万元）不是不小于 0 的数", "四（二）5", STANDARD, kinds=(sgs.PENALTY,))
def amounts(feed: Feed):
    """罚款金额、没收违法所得和非法财物的金额以万元为单位，填写不小于 0 的数字（罚款 2,000 元填 0.2），不带单位和千分位逗号。"""
    for name in feed.of(sgs.AMOUNT):
        c = text(name)
        negative = c.cast(pl.Float64, strict=False) < 0
        value = pl.col("_fine") if name == "罚款金额(万元)" else amount(name)  # the fine: parsed once by the engine
        yield name, present(name) & value.is_null(), pl.when(negative).then(
            pl.format("金额“{}”为负数", _shown(c))).otherwise(pl.format("金额“{}”不是数字（以万元为单位，只写数字）", _shown(c)))


_FINE_IN_TEXT = r"罚款(?:人民币)?\s*([0-9]+(?:\.[0-9]+)?)\s*(万)?元"


@check("SGS-041", WARNING, "罚款金额与处罚内容写明的罚款不一致（常见原因：以元为单位填写）", "四（二）5", STANDARD,
       kinds=(sgs.PENALTY,))
def fine_matches_content(feed: Feed):
    """处罚内容写明“罚款 X 元”时，罚款金额（万元）应为 X ÷ 10000；不一致的多半是以元为单位填写了金额。"""
    if not (feed.has("处罚内容") and feed.has("罚款金额(万元)")):
        return
    number = text("处罚内容").str.extract(_FINE_IN_TEXT, 1).cast(pl.Float64, strict=False)
    wan = pl.when(text("处罚内容").str.extract(_FINE_IN_TEXT, 2).is_not_null()).then(number).otherwise(number / 10000)
    # the content says the same whole amount in 元: nothing to look at
    written = (pl.col("_fine") * 10000).round(0).cast(pl.Int64).cast(pl.String) + "元"
    yield Hit("罚款金额(万元)", ((pl.col("_fine") - wan).abs() > 0.00005), pl.format(
        "罚款金额填写为 {} 万元，处罚内容写明的罚款折合 {} 万元", text("罚款金额(万元)"), _number(wan)),
        where=pl.col("_fine").is_not_null() & ~text("处罚内容").str.contains(written, literal=True))


# -- consistency --------------------------------------------------------------------------------------------------


@check("SGS-050", ERROR, "行政相对人类别与统一社会信用代码不一致", "四（二）5", "GB 32100-2015（第 1、2 位：登记管理部门和机构类别）")
def subject_matches_code(feed: Feed):
    """统一社会信用代码的第 1、2 位是登记管理部门和机构类别：个体工商户的代码以 92 开头，以 92 开头的代码不是法人及非法人组织的；
    自然人不填统一社会信用代码。"""
    if sgs.SUBJECT_USCC not in feed.columns:
        return
    c, t = text(sgs.SUBJECT_USCC), pl.col("_type")
    valid = pl.col("_subject_code_ok")  # uscc_ok(行政相对人代码_1), computed once by the engine
    wrong = (((t == sgs.INDIVIDUAL_BUSINESS) & valid & ~c.str.starts_with("92"))
             | ((t == sgs.LEGAL) & valid & c.str.starts_with("92"))
             | ((t == sgs.NATURAL) & present(sgs.SUBJECT_USCC)))
    message = (pl.when(t == sgs.INDIVIDUAL_BUSINESS).then(pl.lit("类别为个体工商户，统一社会信用代码却不以 92 开头"))
               .when(t == sgs.LEGAL).then(pl.lit("统一社会信用代码以 92 开头（个体工商户），类别却填为法人及非法人组织"))
               .otherwise(pl.lit("类别为自然人，却填写了统一社会信用代码")))
    yield sgs.SUBJECT_USCC, wrong, message


@check("SGS-051", ERROR, "没有统一社会信用代码的个体工商户须填写工商注册号", "四（二）5", STANDARD)
def individual_business_registration(feed: Feed):
    """个体工商户的统一社会信用代码空缺或写作 17 个 0 加 X 的，须填写行政相对人代码_2（工商注册号）。"""
    if not feed.has(sgs.SUBJECT_REG_NO):
        return
    code = text(sgs.SUBJECT_USCC) if feed.has(sgs.SUBJECT_USCC) else pl.lit(None, pl.String)
    no_code = code.is_null() | (code == sgs.NO_USCC)
    yield sgs.SUBJECT_REG_NO, (pl.col("_type") == sgs.INDIVIDUAL_BUSINESS) & no_code & blank(sgs.SUBJECT_REG_NO), \
        "个体工商户没有统一社会信用代码，也没有填写工商注册号"


@check("SGS-060", ERROR, "决定书文号在数据中重复", "四（二）5", STANDARD)
def duplicate_number(feed: Feed):
    """同一份数据（本次检查的全部文件）中，行政处罚决定书文号或行政许可决定文书号出现不止一次：第一次出现的行不报，之后每一行报告，
    并指明第一次出现在哪一行。一份决定书含多种处罚的，标准要求写成一条记录（处罚类别用分号分隔）。"""
    if "_first" in feed.facts:
        name = sgs.DECISION_NUMBER[feed.kind]
        other = pl.col("_first_file") != feed.file_index
        names = pl.col("_first_file").replace_strict(dict(enumerate(feed.files)), default="", return_dtype=pl.String)
        where = pl.when(other).then(names + " ").otherwise(pl.lit(""))
        yield name, pl.col("_first_row").is_not_null(), pl.format("{}与{}第 {} 行重复", pl.lit(name), where,
                                                                  pl.col("_first_row"))


# -- dates --------------------------------------------------------------------------------------------------------


@check("SGS-070", ERROR, "决定日期晚于基准日", "四（二）5", STANDARD)
def decided_in_future(feed: Feed):
    """处罚决定日期（许可决定日期）不能晚于检查的基准日（--as-of，默认今天）：尚未作出的决定不能公示。"""
    name = sgs.DECISION_DATE[feed.kind]
    if feed.has(name):
        yield name, pl.col("_decided") > pl.lit(feed.as_of), pl.format(
            "决定日期 {} 晚于基准日 {}", _day(pl.col("_decided")), pl.lit(str(feed.as_of)))


@check("SGS-071", ERROR, "日期先后不合理", "四（二）5", STANDARD)
def dates_in_order(feed: Feed):
    """处罚有效期不早于处罚决定日期；许可的有效期至不早于有效期自；公示（报送）日期不早于决定日期。"""
    d = pl.col("_decided")
    if feed.kind == sgs.PENALTY and feed.has("处罚有效期"):
        yield "处罚有效期", date("处罚有效期") < d, pl.format(
            "处罚有效期 {} 早于处罚决定日期 {}", _day(date("处罚有效期")), _day(d))
    if feed.kind == sgs.LICENSE and feed.has("有效期自") and feed.has("有效期至"):
        yield "有效期至", date("有效期至") < date("有效期自"), pl.format(
            "有效期至 {} 早于有效期自 {}", _day(date("有效期至")), _day(date("有效期自")))
    for name in ("公示日期", "报送日期"):
        if feed.has(name):
            yield name, date(name) < d, pl.format("{} {} 早于决定日期 {}", pl.lit(name), _day(date(name)), _day(d))


# -- what must not be published -----------------------------------------------------------------------------------


@check("SGS-080", WARNING, "可能是简易程序作出的处罚：简易程序的处罚信息不纳入公共信用信息", "四（一）1",
       "《行政处罚法》第五十一条", kinds=(sgs.PENALTY,))
def probably_simplified(feed: Feed):
    """只给予警告，或对自然人（含个体工商户）罚款 200 元以下、对法人及非法人组织罚款 3,000 元以下（可以加警告）的处罚，
    可以适用简易程序当场作出（行政处罚法第五十一条）；方案四（一）1 规定适用简易程序作出的处罚信息不纳入公共信用信息。
    数据没有“处罚程序”列时只能提示可能（警告），带有该列的按 SGS-081 确切检查。目录条目没有声明排除简易程序的，不检查。"""
    if not feed.simplified_excluded or not feed.has("处罚类别"):
        return
    kinds = text("处罚类别")
    only_warning = kinds.str.contains(_sequence_of("警告"))
    fine_and_warning = kinds.str.contains(_sequence_of("警告|罚款")) & kinds.str.contains("罚款", literal=True)
    t = pl.col("_type")
    limit = pl.when(t == sgs.LEGAL).then(3000.0).when(t.is_in([sgs.NATURAL, sgs.INDIVIDUAL_BUSINESS])).then(200.0)
    no_confiscation = blank("没收违法所得、没收非法财物的金额(万元)") if feed.has("没收违法所得、没收非法财物的金额(万元)") \
        else pl.lit(True)
    small_fine = fine_and_warning & no_confiscation & (pl.col("_fine") * 10000 <= limit)
    undecided = blank("处罚程序") if feed.has("处罚程序") else pl.lit(True)
    yield "处罚类别", undecided & only_warning, \
        "处罚只有警告，可能适用简易程序当场作出（行政处罚法第五十一条），简易程序的处罚信息不纳入公共信用信息（方案四（一）1）：请核实处罚程序"
    if feed.has("罚款金额(万元)"):
        yield Hit("罚款金额(万元)", undecided & ~only_warning & small_fine, where=pl.col("_fine") * 10000 <= limit,
                  message=pl.format(
            "对{}罚款 {} 元，在简易程序的限额（{} 元）以内，可能适用简易程序当场作出（行政处罚法第五十一条），"
            "简易程序的处罚信息不纳入公共信用信息（方案四（一）1）：请核实处罚程序",
            pl.col("_type"), _number(pl.col("_fine") * 10000), limit.cast(pl.Int64).cast(pl.String)))


@check("SGS-081", ERROR, "简易程序作出的处罚信息不得作为公共信用信息公示", "四（一）1", "《行政处罚法》第五十一条",
       kinds=(sgs.PENALTY,))
def simplified(feed: Feed):
    """数据带有“处罚程序”列且为“简易程序”的记录，按方案四（一）1 不纳入公共信用信息，不应出现在公示数据中。"""
    if feed.simplified_excluded and feed.has("处罚程序"):
        yield "处罚程序", text("处罚程序") == sgs.SIMPLIFIED, \
            "简易程序作出的处罚信息不纳入公共信用信息（方案四（一）1、行政处罚法第五十一条），不应公示"


# -- publication period and timeliness ----------------------------------------------------------------------------

_PERIODS = "《行政处罚法》第四十八条；决定日期施行的信用修复制度（procedures/repair_regimes/，如国家发展改革委令第58号、第36号）"


@check("SGS-090", ERROR, "公示截止期超过决定日期施行的修复制度的最长公示期限", "四（二）5", _PERIODS, kinds=(sgs.PENALTY,))
def publication_too_long(feed: Feed):
    """公示截止期不得晚于决定日期施行的修复制度规定的最长公示期限的最后一日（按民法典第二百零一条计算，与 decide 相同）。
    修复制度按失信程度分档的，取各档中最长的期限。"""
    if "_hi" in feed.facts and feed.has("公示截止期"):
        yield "公示截止期", pl.col("_end") > pl.col("_hi"), pl.format(
            "公示截止期 {} 晚于“{}”的最长公示期限（{}）的最后一日 {}", _day(pl.col("_end")), pl.col("_regime"),
            pl.col("_max"), _day(pl.col("_hi")))


@check("SGS-091", ERROR, "公示截止期早于决定日期施行的修复制度的最短公示期限", "四（二）5", _PERIODS, kinds=(sgs.PENALTY,))
def publication_too_short(feed: Feed):
    """公示截止期不得早于最短公示期限的最后一日：最短期限届满前不撤下，届满后经信用修复才可提前撤下。本规则用于各档都有最短期限的制度
    （如第58号令下的 3 个月）；有不设最短期限的档（第36号令的轻微失信信息）时见 SGS-093。"""
    if "_lo" in feed.facts and feed.has("公示截止期"):
        yield "公示截止期", pl.col("_exact") & (pl.col("_end") < pl.col("_lo")), pl.format(
            "公示截止期 {} 早于“{}”的最短公示期限的最后一日 {}", _day(pl.col("_end")), pl.col("_regime"), _day(pl.col("_lo")))


@check("SGS-093", WARNING, "公示截止期早于一般和严重失信信息的最短公示期限（只有轻微失信信息可以更短）", "四（二）5", _PERIODS,
       kinds=(sgs.PENALTY,))
def publication_short_unless_minor(feed: Feed):
    """决定日期施行的修复制度有不设最短期限的档（第36号令：轻微失信信息原则上不公示，确需公示的最长 3 个月）时，
    公示截止期早于其他各档最短期限的，只有轻微失信信息才可能如此；数据不载明失信程度，所以提示核实。"""
    if "_lo" in feed.facts and feed.has("公示截止期"):
        yield "公示截止期", ~pl.col("_exact") & (pl.col("_end") < pl.col("_lo")), pl.format(
            "公示截止期 {} 早于“{}”一般、严重失信信息的最短公示期限的最后一日 {}：只有轻微失信信息可以如此，请核实",
            _day(pl.col("_end")), pl.col("_regime"), _day(pl.col("_lo")))


@check("SGS-092", ERROR, "已过公示截止期的记录仍在公示数据中", "四（二）5", _PERIODS, kinds=(sgs.PENALTY,))
def past_publication(feed: Feed):
    """基准日已过公示截止期（未填写的，按决定日期施行的修复制度的最长期限）的记录应已撤下，不应仍在公示数据中。"""
    if "_hi" not in feed.facts:
        return
    end = pl.col("_end") if feed.has("公示截止期") else pl.lit(None, pl.Date)
    ends = pl.coalesce(end, pl.col("_hi"))
    column = "公示截止期" if feed.has("公示截止期") else sgs.DECISION_DATE[feed.kind]
    yield column, ends < pl.lit(feed.as_of), pl.when(end.is_not_null()).then(pl.format(
        "公示截止期 {} 已过（基准日 {}），该记录应已撤下", _day(end), pl.lit(str(feed.as_of)))).otherwise(pl.format(
            "按“{}”的最长公示期限应于 {} 撤下（基准日 {}）", pl.col("_regime"), _day(pl.col("_hi")), pl.lit(str(feed.as_of))))


@check("SGS-100", ERROR, "迟报：决定作出后超过规定的工作日才公示（报送）", "四（二）5",
       "公示时限（默认 7 个工作日，可按数据来源单位配置）；工作日按国务院节假日安排（tools/domain/workdays.py）")
def late(feed: Feed):
    """数据带有公示日期或报送日期时，不得晚于决定日期后第 N 个工作日（决定当日不计，默认 N = 7，可按数据来源单位配置）。
    节假日日历尚未收录的年份无法计算，不报告。"""
    if "_deadline" not in feed.facts:
        return
    name = "公示日期" if feed.has("公示日期") else "报送日期"
    yield name, pl.col("_published") > pl.col("_deadline"), pl.format(
        "{} {} 晚于决定日期 {} 后 {} 个工作日的期限 {}", pl.lit(name), _day(pl.col("_published")), _day(pl.col("_decided")),
        pl.col("_days").cast(pl.String), _day(pl.col("_deadline")))


# -- personal data ------------------------------------------------------------------------------------------------


@check("SGS-110", ERROR, "公示字段中有完整的居民身份证号码", "四（二）4(2)",
       "《行政处罚法》第五十条；《政府信息公开条例》第十五条、第三十七条；目录条目的公开属性（脱敏规则）")
def full_id_number(feed: Feed):
    """公开个人相关信息须进行必要的脱敏处理（方案四（二）4(2)）。目录条目的公开属性没有写明公开完整身份证号码的（现行条目写有脱敏规则），
    证件号码、法定代表人证件号码须脱敏（如 210502********123X），违法事实等文字中也不得出现完整的居民身份证号码。
    报告中号码只显示前 6 位。"""
    if feed.id_numbers_published:
        return
    for kind, number in _cert_pairs(feed):
        id_kind = kind.is_in(sgs.RESIDENT_ID_TYPES) | kind.is_null()
        unmasked = present(number) & ~masked(number)
        yield Hit(number, id_kind & unmasked & resident_id_ok(number), pl.format(
            "{}是完整的居民身份证号码（{}）：公开时须脱敏", pl.lit(number), _id_shown(text(number))), unmasked)
    for col in sgs.columns(feed.kind):
        if col.kind in (sgs.TEXT, sgs.NAME) and feed.has(col.name):
            found = text(col.name).str.extract(ID_IN_TEXT, 2)
            yield Hit(col.name, resident_id_ok(found), pl.format(
                "{}中有完整的居民身份证号码（{}）：公开时须脱敏", pl.lit(col.name), _id_shown(found)),
                text(col.name).str.contains("[0-9]{17}"))


def registry() -> dict:
    """{rule id: Check}, in ID order."""
    by_id = {}
    for c in CHECKS:
        if c.id in by_id:
            raise ValueError(f"duplicate audit rule {c.id}")
        by_id[c.id] = c
    return dict(sorted(by_id.items()))


FACTS = ("_type", "_decided", "_end", "_published", "_fine", "_unit", "_unit_code", "_subject_code_ok")
