"""A real-shaped 双公示 feed with planted errors at known rows: for the tests and ``tools bench``.

Clean rows are made to pass every check (valid codes with their check characters, masked identity numbers,
fines above the simplified-procedure limits, 公示截止期 one year after the decision, published within a few days).
Every ``every``-th record carries one planted error, cycling through :data:`PLANTS`; :func:`generate` returns the
(row, column, rule) of each, rows numbered as the spreadsheet shows them (header 1, first record 2).
"""
from __future__ import annotations

import csv
import datetime as _dt
import random
from pathlib import Path

from tools.domain.codes import USCC_CHARS, with_id_check, with_uscc_check
from tools.model import shuanggongshi as sgs

AS_OF = _dt.date(2026, 11, 25)  # the as-of date the generated feeds are made for
FIRST_DAY = _dt.date(2025, 12, 1)  # decisions fall between these days (all within the holiday calendar)
DAYS = (_dt.date(2026, 10, 30) - FIRST_DAY).days

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰德文辉鹏宇"
_TRADE = ("商贸", "建材", "餐饮", "物流", "化工", "机械", "药业", "食品", "运输", "矿业", "电子", "建筑", "酒店", "超市")
_PLACES = ("平山区", "明山区", "溪湖区", "南芬区", "本溪县", "桓仁县")
_UNITS = (("本溪市市场监督管理局", "11210500MB1234567"), ("本溪市生态环境局", "11210500MB2345678"),
          ("本溪市应急管理局", "11210500MB3456789"), ("本溪市交通运输局", "11210500MB4567890"),
          ("本溪市城市管理综合行政执法局", "11210500MB5678901"), ("本溪市卫生健康委员会", "11210500MB6789012"))
_FACTS = ("经查，当事人在{place}经营场所内{what}，违反了{law}的规定，事实清楚，证据确凿。现场检查笔录、询问笔录、照片等证据在案。",
          "当事人于{day}在{place}{what}，经立案调查，上述行为违反了{law}的相关规定，依法应予处罚。")
_WHAT = ("销售超过保质期的食品", "未按规定设置安全警示标志", "超标排放大气污染物", "未取得许可擅自从事经营活动",
         "使用未经检验的特种设备", "违规占道经营", "未按规定进行危险废物申报登记")
_LAWS = ("《中华人民共和国食品安全法》第三十四条", "《中华人民共和国安全生产法》第三十五条",
         "《中华人民共和国大气污染防治法》第十八条", "《无证无照经营查处办法》第二条")
_TYPES_OF_ACT = ("食品安全", "安全生产", "环境保护", "市场秩序", "特种设备", "城市管理")


def _unit_codes():
    return [(name, with_uscc_check(code)) for name, code in _UNITS]


def _uscc(rnd: random.Random, prefix: str) -> str:
    body = prefix + "2105" + f"{rnd.randrange(100):02d}" + "".join(rnd.choice(USCC_CHARS) for _ in range(9))
    return with_uscc_check(body)


def _resident_id(rnd: random.Random) -> str:
    born = _dt.date(1960, 1, 1) + _dt.timedelta(days=rnd.randrange(15000))
    return with_id_check(f"2105{rnd.randrange(2, 6):02d}{born:%Y%m%d}{rnd.randrange(1000):03d}")


def _masked(full: str) -> str:
    return full[:6] + "********" + full[-4:]


def _iso(day: _dt.date) -> str:
    return day.isoformat()


def _add_years(day: _dt.date, years: int) -> _dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class _Maker:
    def __init__(self, kind: str, seed: int, procedure: bool, dates: bool):
        self.kind, self.rnd, self.procedure, self.dates = kind, random.Random(seed), procedure, dates
        self.units = _unit_codes()
        self.header = [c.name for c in sgs.COLUMNS[kind]]
        if procedure and kind == sgs.PENALTY:
            self.header.append("处罚程序")
        if dates:
            self.header.append("公示日期")
        self.n = 0

    def row(self) -> dict:
        rnd, kind = self.rnd, self.kind
        self.n += 1
        r = {h: "" for h in self.header}
        roll = rnd.random()
        subject = sgs.LEGAL if roll < 0.7 else sgs.INDIVIDUAL_BUSINESS if roll < 0.9 else sgs.NATURAL
        r[sgs.SUBJECT_TYPE] = subject
        person = rnd.choice(_SURNAMES) + rnd.choice(_GIVEN) + (rnd.choice(_GIVEN) if rnd.random() < 0.6 else "")
        place = rnd.choice(_PLACES)
        if subject == sgs.NATURAL:
            r[sgs.SUBJECT_NAME] = person
            r["证件类型"] = "身份证"
            r["证件号码"] = _masked(_resident_id(rnd))
        else:
            trade = rnd.choice(_TRADE)
            if subject == sgs.LEGAL:
                r[sgs.SUBJECT_NAME] = f"本溪{place[:2]}{rnd.choice(_SURNAMES)}{rnd.choice(_GIVEN)}{trade}有限公司"
                r[sgs.SUBJECT_USCC] = _uscc(rnd, "91")
            else:
                r[sgs.SUBJECT_NAME] = f"本溪市{place}{person}{trade}店"
                r[sgs.SUBJECT_USCC] = _uscc(rnd, "92")
            r["法定代表人"] = person
            r["法定代表人证件类型"] = "身份证"
            r["法定代表人证件号码"] = _masked(_resident_id(rnd))
        unit, unit_code = self.units[self.n % len(self.units)]
        decided = FIRST_DAY + _dt.timedelta(days=rnd.randrange(DAYS))
        r[sgs.SOURCE_UNIT], r[sgs.SOURCE_UNIT_CODE] = unit, unit_code
        if rnd.random() < 0.2:
            r["备注"] = "无"
        if kind == sgs.PENALTY:
            self._penalty(r, subject, decided, unit, unit_code, place)
        else:
            self._license(r, decided, unit, unit_code)
        if self.dates:
            r["公示日期"] = _iso(decided + _dt.timedelta(days=rnd.randrange(0, 4)))
        return r

    def _penalty(self, r, subject, decided, unit, unit_code, place):
        rnd = self.rnd
        r["行政处罚决定书文号"] = f"本{unit[3:5]}罚字〔{decided.year}〕{self.n:07d}号"
        r["违法行为类型"] = rnd.choice(_TYPES_OF_ACT)
        r["违法事实"] = rnd.choice(_FACTS).format(place=place, what=rnd.choice(_WHAT), law=rnd.choice(_LAWS),
                                              day=f"{decided.year}年{decided.month}月{decided.day}日")
        r["处罚依据"] = rnd.choice(_LAWS).replace("第", "第一百") if rnd.random() < 0.3 else rnd.choice(_LAWS)
        yuan = rnd.choice((500, 800, 1000, 2000) if subject == sgs.NATURAL else (5000, 10000, 20000, 50000, 100000))
        wan = f"{yuan / 10000:g}"
        roll = rnd.random()
        if roll < 0.75:
            r["处罚类别"], r["处罚内容"], r["罚款金额(万元)"] = "罚款", f"罚款{yuan}元", wan
        elif roll < 0.9:
            r["处罚类别"], r["处罚内容"] = "警告;罚款", f"警告，并处罚款{yuan}元"
            r["罚款金额(万元)"] = wan
        else:
            r["处罚类别"], r["处罚内容"] = "罚款;没收违法所得", f"罚款{yuan}元，没收违法所得3000元"
            r["罚款金额(万元)"], r["没收违法所得、没收非法财物的金额(万元)"] = wan, "0.3"
        r["处罚决定日期"] = _iso(decided)
        r["处罚有效期"] = _iso(decided + _dt.timedelta(days=7))
        r["公示截止期"] = _iso(_add_years(decided, 1))
        r["处罚机关"], r["处罚机关统一社会信用代码"] = unit, unit_code
        if self.procedure:
            r["处罚程序"] = "普通程序"

    def _license(self, r, decided, unit, unit_code):
        rnd = self.rnd
        r["行政许可决定文书名称"] = rnd.choice(("食品经营许可决定书", "排污许可决定书", "道路运输经营许可决定书"))
        r["行政许可决定文书号"] = f"本{unit[3:5]}许准字〔{decided.year}〕{self.n:07d}号"
        r["许可类别"] = rnd.choice(sgs.LICENSE_TYPES[:5])
        r["许可证书名称"] = "许可证"
        r["许可编号"] = f"JY{self.n:012d}"
        r["许可内容"] = "预包装食品（不含冷藏冷冻食品）销售"
        r["许可决定日期"] = _iso(decided)
        r["有效期自"] = _iso(decided)
        r["有效期至"] = _iso(_add_years(decided, 5)) if rnd.random() < 0.9 else "2099/12/31"
        r["许可机关"], r["许可机关统一社会信用代码"] = unit, unit_code
        r["当前状态"] = "有效"


def _days(day_text: str, n: int) -> str:
    return _iso(_dt.date.fromisoformat(day_text) + _dt.timedelta(days=n))


def _bad_uscc(code: str) -> str:
    last = USCC_CHARS[(USCC_CHARS.index(code[17]) + 1) % 31]
    return code[:17] + last


def _full_id(m: _Maker, r=None) -> str:
    return _resident_id(m.rnd)


def _wrong_id(m: _Maker, r=None) -> str:
    full = _resident_id(m.rnd)
    return full[:17] + ("0" if full[17] != "0" else "1")


def _natural(m, r):
    r[sgs.SUBJECT_TYPE] = sgs.NATURAL
    r[sgs.SUBJECT_USCC] = r["法定代表人"] = r["法定代表人证件类型"] = r["法定代表人证件号码"] = ""
    r["证件类型"] = "身份证"


def _set(col, value):
    def plant(m, r):
        r[col] = value(m, r) if callable(value) else value
    return plant


def _natural_with(col, value):
    def plant(m, r):
        _natural(m, r)
        r[col] = value(m, r) if callable(value) else value
        if r.get("罚款金额(万元)"):  # keep the fine above the natural person's simplified limit
            r["处罚类别"], r["处罚内容"], r["罚款金额(万元)"] = "罚款", "罚款1000元", "0.1"
    return plant


def _individual_no_code(m, r):
    r[sgs.SUBJECT_TYPE] = sgs.INDIVIDUAL_BUSINESS
    r[sgs.SUBJECT_USCC] = sgs.NO_USCC
    r[sgs.SUBJECT_REG_NO] = ""


def _warning_only(m, r):
    r["处罚类别"], r["处罚内容"], r["罚款金额(万元)"] = "警告", "警告", ""
    r["没收违法所得、没收非法财物的金额(万元)"] = ""


def _small_fine(m, r):
    _natural(m, r)
    r["证件号码"] = _masked(_resident_id(m.rnd))
    r["处罚类别"], r["处罚内容"], r["罚款金额(万元)"] = "罚款", "罚款100元", "0.01"
    r["没收违法所得、没收非法财物的金额(万元)"] = ""


def _fine_in_yuan(m, r):
    r["处罚类别"], r["处罚内容"], r["罚款金额(万元)"] = "罚款", "罚款5000元", "5000"
    r["没收违法所得、没收非法财物的金额(万元)"] = ""


def _fine_without_amount(m, r):
    r["处罚类别"], r["处罚内容"], r["罚款金额(万元)"] = "罚款", "罚款5000元", ""
    r["没收违法所得、没收非法财物的金额(万元)"] = ""


def _past_end(m, r):
    r["处罚决定日期"], r["处罚有效期"], r["公示截止期"] = "2024-06-03", "2024-06-10", "2025-06-03"
    if "公示日期" in r:
        r["公示日期"] = "2024-06-04"


def _future(m, r):
    r["处罚决定日期"] = r["处罚有效期"] = _days(AS_OF.isoformat(), 10)
    r["公示截止期"] = _iso(_add_years(AS_OF + _dt.timedelta(days=10), 1))
    if "公示日期" in r:
        r["公示日期"] = r["处罚决定日期"]


def _text_with_id(m, r):
    r["违法事实"] = r["违法事实"] + f"当事人身份证号码{_resident_id(m.rnd)}。"


def _late(m, r):
    r["公示日期"] = _days(r[sgs.DECISION_DATE[m.kind]], 30)


def _duplicate(m, r):
    r["行政处罚决定书文号"] = m.first_number


def _bad_subject_code(m, r):
    if not r[sgs.SUBJECT_USCC]:  # a natural person: made an organisation (its fine above the organisation's limit)
        r[sgs.SUBJECT_TYPE], r[sgs.SUBJECT_USCC] = sgs.LEGAL, _uscc(m.rnd, "91")
        r["证件类型"] = r["证件号码"] = ""
        if r.get("罚款金额(万元)"):
            r["处罚内容"], r["罚款金额(万元)"] = "罚款10000元", "1"
            r["处罚类别"] = "罚款"
    r[sgs.SUBJECT_USCC] = _bad_uscc(r[sgs.SUBJECT_USCC])


def _too_short(m, r):
    """Under the 2023 regime (3 months for every class): an end 20 days after the decision, long past (SGS-092 too)."""
    r["处罚决定日期"], r["处罚有效期"], r["公示截止期"] = "2026-01-14", "2026-01-21", "2026-02-03"
    if "公示日期" in r:
        r["公示日期"] = "2026-01-15"


def _short_unless_minor(m, r):
    """Under the 2026 regime (minor information has no minimum): an end 40 days after the decision, not yet past."""
    decided = AS_OF - _dt.timedelta(days=10)
    r["处罚决定日期"], r["处罚有效期"] = _iso(decided), _iso(decided + _dt.timedelta(days=7))
    r["公示截止期"] = _iso(decided + _dt.timedelta(days=40))
    if "公示日期" in r:
        r["公示日期"] = _iso(decided + _dt.timedelta(days=1))


def _unknown_subject(m, r):
    r[sgs.SUBJECT_TYPE] = "企业法人"


# (rule, column, mutation): one planted error each, on the column named; penalty feeds
PLANTS = [
    ("SGS-010", "违法事实", _set("违法事实", "")),
    ("SGS-020", sgs.SUBJECT_USCC, _bad_subject_code),
    ("SGS-021", "证件号码", _natural_with("证件号码", _wrong_id)),
    ("SGS-022", "处罚决定日期", lambda m, r: r.__setitem__("处罚决定日期", r["处罚决定日期"][:4] + "-02-30")),
    ("SGS-030", sgs.SUBJECT_TYPE, _unknown_subject),
    ("SGS-031", "处罚类别", _set("处罚类别", "罚金")),
    ("SGS-040", "罚款金额(万元)", _set("罚款金额(万元)", "-0.5")),
    ("SGS-050", sgs.SUBJECT_USCC, lambda m, r: (r.__setitem__(sgs.SUBJECT_TYPE, sgs.INDIVIDUAL_BUSINESS),
                                                r.__setitem__(sgs.SUBJECT_USCC, _uscc(m.rnd, "91")))),
    ("SGS-051", sgs.SUBJECT_REG_NO, _individual_no_code),
    ("SGS-060", "行政处罚决定书文号", _duplicate),
    ("SGS-070", "处罚决定日期", _future),
    ("SGS-071", "处罚有效期", lambda m, r: r.__setitem__("处罚有效期", _days(r["处罚决定日期"], -3))),
    ("SGS-080", "处罚类别", _warning_only),
    ("SGS-080", "罚款金额(万元)", _small_fine),
    ("SGS-090", "公示截止期", lambda m, r: r.__setitem__("公示截止期", _iso(_add_years(
        _dt.date.fromisoformat(r["处罚决定日期"]), 5)))),
    ("SGS-091", "公示截止期", _too_short),
    ("SGS-093", "公示截止期", _short_unless_minor),
    ("SGS-092", "公示截止期", _past_end),
    ("SGS-110", "证件号码", _natural_with("证件号码", _full_id)),
    ("SGS-110", "违法事实", _text_with_id),
    ("SGS-041", "罚款金额(万元)", _fine_in_yuan),
    ("SGS-013", "罚款金额(万元)", _fine_without_amount),
]
# findings a plant brings besides its own, necessarily (a 公示截止期 too short under the 2023 regime is long past)
ALSO = {"SGS-091": (("公示截止期", "SGS-092"),)}
DATE_PLANTS = [("SGS-100", "公示日期", _late)]
PROCEDURE_PLANTS = [("SGS-081", "处罚程序", _set("处罚程序", "简易程序"))]
LICENSE_PLANTS = [
    ("SGS-010", "许可内容", _set("许可内容", "")),
    ("SGS-032", "许可类别", _set("许可类别", "审批")),
    ("SGS-033", "当前状态", _set("当前状态", "正常")),
    ("SGS-071", "有效期至", lambda m, r: r.__setitem__("有效期至", _days(r["有效期自"], -1))),
    ("SGS-060", "行政许可决定文书号", lambda m, r: r.__setitem__("行政许可决定文书号", m.first_number)),
    ("SGS-020", "许可机关统一社会信用代码", lambda m, r: r.__setitem__(
        "许可机关统一社会信用代码", _bad_uscc(r["许可机关统一社会信用代码"]))),
]


def plants(kind: str, dates: bool = True, procedure: bool = False) -> list:
    if kind == sgs.LICENSE:
        return LICENSE_PLANTS + (DATE_PLANTS if dates else [])
    if procedure:  # a feed that carries the procedure: a small fine decided by the ordinary procedure is fine
        return [p for p in PLANTS if p[0] != "SGS-080"] + (DATE_PLANTS if dates else []) + PROCEDURE_PLANTS
    return PLANTS + (DATE_PLANTS if dates else [])


def rows(kind: str, n: int, every: int = 7, seed: int = 18, dates: bool = True, procedure: bool = False):
    """(header, iterator of rows as lists, planted list of (row, column, rule)): the planted list is filled as the
    iterator runs."""
    m = _Maker(kind, seed, procedure, dates)
    todo = plants(kind, dates, procedure)
    planted: list = []
    number_col = sgs.DECISION_NUMBER[kind]

    def gen():
        k = 0
        for i in range(n):
            r = m.row()
            if i == 0:
                m.first_number = r[number_col]
            elif every and i % every == 0:
                rule, col, plant = todo[k % len(todo)]
                k += 1
                plant(m, r)
                planted.append((i + 2, col, rule))
                planted.extend((i + 2, c, x) for c, x in ALSO.get(rule, ()))
            yield [r[h] for h in m.header]

    return m.header, gen(), planted


def write_csv(path: Path, kind: str, n: int, encoding: str = "utf-8", **kw) -> list:
    """Write a feed as CSV (``utf-8``, ``utf-8-sig`` with BOM, or ``gb18030``/``gbk`` as Chinese Excel saves it);
    returns the planted (row, column, rule)."""
    header, body, planted = rows(kind, n, **kw)
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(body)
    return planted


def write_xlsx(path: Path, kind: str, n: int, **kw) -> list:
    from openpyxl import Workbook

    header, body, planted = rows(kind, n, **kw)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("数据")
    ws.append(header)
    for r in body:
        ws.append(r)
    wb.save(path)
    return planted
