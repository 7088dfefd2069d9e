"""What a provision says, read with patterns: whether it imposes a sanction or sets up or fills a list, whom it
asks to sanction, which documents it cites, which periods and which relatives it names.

Only the text is read here; what the repository knows (measures, lists, documents) is matched in ``match``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_SENTENCE = re.compile(r"[^。；;！？!?]+[。；;！？!?]?")
_CLAUSE = re.compile(r"[，,：:]")
# A concrete sanction: a right reduced or a duty added (方案四（四）9), or a management measure (重点监管).
_CONCRETE = re.compile(
    r"限制|限高|禁止(?!性)|禁入|不准|"
    r"不得[^，。；]{0,3}?(?:参加|参与|申请|享受|享有|担任|取得|进入|乘坐|报考|录用|聘用|招录|办理|获得|评为|列为|被推荐|"
    r"推荐|购买|出境|升学|复学|入学|入读|就读|承接|从事|作为|入住)|"
    r"不予(?:受理|办理|批准|审批|许可|核准|登记|发放|安排|录用|聘用|贷款|授信|评|推荐|享受|补贴|支持|通过|考虑|续贷|准入)|"
    r"取消[^，。；]{0,15}(?:资格|资质|称号|待遇|补贴|优惠)|暂停[^，。；]{0,12}(?:资格|办理|享受|业务|拨付|发放|供应|服务)|"
    r"停止[^，。；]{0,8}(?:享受|办理|拨付|发放|供应|服务|授信|贷款|信贷)|提前收回|抽贷|压贷|断贷|"
    r"纳入[^，。；]{0,8}(?:征信|信用报告)|撤销[^，。；]{0,10}(?:资格|称号|荣誉)|"
    r"收回[^，。；]{0,10}(?:资金|补贴|称号|荣誉)|从严审[查核批]|严格审[查核]|从严(?:管理|监管|控制|把关)|"
    r"不具备[^，。；]{0,6}资格|重点监管|重点检查|提高[^，。；]{0,10}(?:检查|抽查)[^，。；]{0,4}(?:比例|频次)|"
    r"加大[^，。；]{0,6}(?:检查|抽查|监管)[^，。；]{0,4}(?:力度|频次)?|"
    r"通报批评|予以通报|公开通报|曝光|公开谴责|点名批评|"
    r"降低[^，。；]{0,10}(?:等级|级别|评级|分值|信用分|分数)|降级|扣减[^，。；]{0,6}分|扣除[^，。；]{0,6}分|"
    r"一票否决|不再(?:享受|受理|办理|安排|接待|提供)|提高[^，。；]{0,8}(?:利率|费率|保证金)|"
    r"列为[^，。；]{0,8}(?:重点|监管)对象")
_GENERIC = re.compile(r"惩戒|失信约束|信用约束")
# Whom the sentence is about: a wrongdoer, not the authority's own staff or the public at large.
_TARGET = re.compile(r"失信|违法|违规|违反|名单|被执行人|拒不|欠缴|拖欠|逃票|逃费|闯红灯|不文明|当事人|"
                     r"受到[^，。；]{0,8}处罚|情节严重|屡次|累计|次以上|不良(?:记录|行为)|黑名单|未按(?:期|时|规定)")
# Sentences about the authority's own duties or the subject's rights, even with a word above.
_DUTY = re.compile(r"工作人员|不得(?:泄露|收取|超出|擅自|向申请|强制|用于|以任何形式|在[^，。；]{0,30}(?:外|之外)|"
                   r"增设|加重)|泄露|篡改|信用修复[^，。；]{0,12}(?:不得|不予)收|防止|杜绝|严禁[^，。；]{0,6}(?:泄露|滥用)|"
                   r"移出|届满|期满|自动修复")
# Phrases that leave the decision to the third party itself.
_VOLUNTARY = re.compile(r"鼓励|引导|倡导|自主|自愿|可以|可(?=[^以能]{0,1}[依按根参结])|作为[^，。；]{0,20}参考|"
                        r"供[^，。；]{0,6}参考|依照章程|按照章程|依据章程|风险定价")
_LIST = re.compile(r"黑名单|红黑榜|名单")
_LIST_VERB = re.compile(r"(列入|纳入|录入|记入|进入|确定为|认定为|列为|建立|设立|实行|公布|设定)")
_NAME_CUT = re.compile(r"[，。；：、（）()“”\"'‘’《》\s]|列入|纳入|录入|记入|进入|确定为|认定为|列为|建立|设立|实行|公布|"
                       r"设定|移出|退出|移除|将|的|予以")
_REFERENCE_AFTER = re.compile(r"^[”\"’]?(?:制度)?(?:的|期间|期限|满|之日|后|以来|内|中的|信息|管理期)")
_SETUP = re.compile(r"建立|设立|实行|制定|名单制度")
THIRD_PARTIES = {  # implementer type (tools.model.vocab.NOT_TO_BE_COMPELLED) -> how documents name them
    "financial_institution": r"金融机构|商业银行|银行业金融机构|各银行|银行|保险机构|保险公司|证券公司|小额贷款公司|信贷机构",
    "credit_service": r"信用服务机构|征信机构|信用评级机构|评级机构",
    "association": r"行业协会商会|行业协会|商会|协会",
    "news_media": r"新闻媒体|新闻单位|媒体|报社|电视台|广播电台|报纸|电视",
}
_THIRD = re.compile("|".join(f"(?P<{k}>{v})" for k, v in THIRD_PARTIES.items()))
ACTS = re.compile(r"不予|不得|限制|停止|取消|拒绝|提高|曝光|开除|除名|通报批评|公开谴责|警告|惩戒|从严|不再|暂停|"
                   r"收回|停贷|抽贷|压贷|降低|列入|一票否决|标注")
_CHANNEL = re.compile(r"(?:通过|经由|利用|借助|在|向|通报|推送|提供|告知|抄送|送|报送|共享)[^，。；]{0,4}$")
_CITATION = re.compile(r"《([^《》]{2,60})》\s*(第[一二三四五六七八九十百千零〇两0-9]+条(?:第[一二三四五六七八九十0-9]+款)?)?")
_DOC_NUMBER = re.compile(r"(?:国发|国办发|中办发|中发|国办函)\s*[〔\[［(（]\s*(\d{4})\s*[〕\]］)）]\s*(\d+)\s*号")
_PERIOD = re.compile(r"(?<![0-9])(?:(?:期限为|期限|为期)\s*)?(?P<n>[0-9]{1,2}|[一二两三四五六七八九十]+)\s*"
                     r"(?P<u>年|个月|月|日|天)(?P<w>内|以内|之内|期限|期间)?")
_FOREVER = re.compile(r"终身|永久|永远|长期")
RELATIVES = re.compile(r"子女|配偶|父母|近亲属|家庭成员|家属|亲属")
_DATE = re.compile(r"[0-9]{4}\s*年|[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日")


@dataclass
class ListMention:
    name: str  # as written, quotes removed (文明养犬黑名单)
    placing: bool  # the provision puts subjects on it or sets it up, rather than referring to those on it
    setup: bool  # it sets the list up (建立……名单制度)
    sentence: str


@dataclass
class ThirdParty:
    type: str  # financial_institution, credit_service, association, news_media
    words: str  # as written (各商业银行)
    act: str  # what it is told to do (不予, 曝光 …)
    sentence: str
    at: int = 0  # where it is named in the sentence


@dataclass
class Clause:
    text: str  # the part of a sentence between commas that holds a sanction word
    sentence: str  # the whole sentence
    voluntary: bool = False  # it, or a clause before it in its sentence, leaves the choice (鼓励, 可以 …)
    told: bool = False  # it is what a third party is told to do (coerces_third_party reports it)
    relatives: list[str] = field(default_factory=list)
    periods: list[tuple[str, int | None]] = field(default_factory=list)  # (as written, days; None = for life)


@dataclass
class Cited:
    title: str  # 《…》's text, or a document number (国办发〔2020〕49号)
    article: str | None  # 第四十八条 …, as written after the title
    number: tuple | None = None  # (prefix, year, no) for a document number


@dataclass
class Reading:
    sanction: list[str] = field(default_factory=list)  # the sentences that impose a concrete sanction
    clauses: list[Clause] = field(default_factory=list)  # their parts that name one sanction each
    triggers: list[str] = field(default_factory=list)  # the words that made them one (限制, 不予受理 …)
    voluntary: bool = False  # every sanction clause leaves the decision to the one who acts
    lists: list[ListMention] = field(default_factory=list)
    third_parties: list[ThirdParty] = field(default_factory=list)
    citations: list[Cited] = field(default_factory=list)  # in the provision and the text above it
    own_citations: list[Cited] = field(default_factory=list)  # in the provision itself

    @property
    def relevant(self) -> bool:
        return bool(self.sanction or self.lists)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def read_provision(text: str, context: list[str]) -> Reading:
    r = Reading()
    above = "".join(context[-2:])  # the nearest titles and the article's lead-in
    about = bool(_TARGET.search(above))
    for s in sentences(text):
        if _DUTY.search(s):
            continue
        hits = [m.group(0) for m in _CONCRETE.finditer(s)]
        if hits and (about or _TARGET.search(s)):
            r.sanction.append(s)
            r.triggers += [h for h in hits if h not in r.triggers]
            pieces = [c.strip() for c in _CLAUSE.split(s) if c.strip()]
            parts = [c for c in pieces if _CONCRETE.search(c)] or [s]
            rest = _periods("，".join(c for c in pieces if c not in parts))  # 期限为五年: for every sanction of it
            told = _third_parties(s)
            for c in parts:
                at = s.find(c)
                r.clauses.append(Clause(c, s, bool(_VOLUNTARY.search(s[:at + len(c)])),
                                        any(0 <= t.at <= at + len(c) - 1 for t in told),
                                        sorted(set(RELATIVES.findall(c))), _periods(c) or rest))
            r.third_parties += [t for t in told if t.type not in {x.type for x in r.third_parties}]
        r.lists += _lists(s)
    if r.clauses:
        r.voluntary = all(c.voluntary for c in r.clauses)
    r.own_citations = citations(text)
    r.citations = r.own_citations + [c for c in citations("".join(context)) if c not in r.own_citations]
    return r


def _lists(s: str) -> list[ListMention]:
    out = []
    for m in _LIST.finditer(s):
        before = re.sub(r"[“”\"‘’']", "", s[max(0, m.start() - 32):m.start()])
        cuts = list(_NAME_CUT.finditer(before))
        start = cuts[-1].end() if cuts else 0
        name = (before[start:] + m.group(0)).strip("“”\"' ")
        if any(x.name == name for x in out):
            continue
        after = s[m.end():]
        verbs = list(_LIST_VERB.finditer(before))
        verb = verbs[-1] if verbs else None
        referring = (verb is None or before[max(0, verb.start() - 2):verb.start()].endswith(("被", "已"))
                     or bool(_REFERENCE_AFTER.match(after)))
        setup = bool(_SETUP.search(before[verb.start():] + after[:4])) if verb else False
        out.append(ListMention(name, setup or not referring, setup, s))
    return out


def _third_parties(s: str) -> list[ThirdParty]:
    """The bodies that may not be compelled which a sentence tells to sanction: named as the one who acts (not
    the one sanctioned, not a channel the authority uses), followed by a sanction, with no word leaving them the
    choice up to the end of the clause that names the act."""
    out = []
    for m in _THIRD.finditer(s):
        before = s[:m.start()]
        if before.endswith(("对", "对各", "对相关")) or _CHANNEL.search(before):
            continue  # the third party is the one sanctioned, or a channel the authority uses
        act = ACTS.search(s[m.end():])
        if not act:
            continue
        end = re.search(r"[，,。；;]", s[m.end() + act.end():])
        upto = s[:m.end() + act.end() + (end.start() if end else len(s))]
        if _VOLUNTARY.search(upto):
            continue
        kind = next(k for k, v in m.groupdict().items() if v)
        if not any(t.type == kind for t in out):
            out.append(ThirdParty(kind, m.group(0), _act(s[m.end():], act), s, m.start()))
    return out


def _act(after: str, m) -> str:
    """The act as written: from the act's word to the end of its clause (不予发放贷款)."""
    rest = after[m.start():]
    end = re.search(r"[，,。；;、]", rest)
    return rest[:end.start()] if end else rest


def citations(text: str) -> list[Cited]:
    out = []
    for m in _CITATION.finditer(text):
        c = Cited(m.group(1).strip(), m.group(2))
        if c not in out:
            out.append(c)
    for m in _DOC_NUMBER.finditer(text):
        prefix = re.match(r"国发|国办发|中办发|中发|国办函", m.group(0)).group(0)
        c = Cited(f"{prefix}〔{m.group(1)}〕{m.group(2)}号", None, (prefix, m.group(1), m.group(2)))
        if c not in out:
            out.append(c)
    return out


def _periods(text: str) -> list[tuple[str, int | None]]:
    from tools.domain.durations import Duration

    out = []
    masked = _DATE.sub(lambda m: "＃" * len(m.group(0)), text)  # dates (2021年7月) are not periods
    for m in _PERIOD.finditer(masked):
        if not m.group("w") and not m.group(0).startswith(("期限", "为期")):
            continue
        d = Duration.from_zh(m.group("n") + m.group("u"))
        if d is not None:
            out.append((m.group(0), d.approx_days()))
    out += [(m.group(0), None) for m in _FOREVER.finditer(text)]
    return out
