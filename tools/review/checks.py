"""The six checks of a provision against the plan and the list in force. The finding types are a contract:

outside_list         四（四）9、五（三）  a sanction that no measure of the list matches
no_legal_basis       四（四）9           a restrictive sanction that cites no law, regulation or central policy
coerces_third_party  四（四）10          financial institutions, credit services, associations or media told to sanction
unauthorized_list    四（三）6、7、五（三） a list that is none of the repository's list regimes
harsher_than_law     四（四）10          longer than the matched measure's longest period, or extended to relatives
no_procedure         四（三）8           listing without notice, objection, a decision, removal or remedies

Messages cite the plan's clauses (their titles from the plan's record) and, where a measure matched, the measure
and the basis the repository records for it; they say nothing of law that the repository does not hold. Quoted
document text is masked for personal data.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from rapidfuzz import fuzz

from tools.domain.citations import citations_info
from tools.domain.durations import Duration
from tools.domain.levels import LEGAL, TIER_ZH, list_standard
from tools.domain.personal_data import mask
from tools.domain.plan import clause_provision
from tools.model import vocab
from tools.review.detect import read_provision
from tools.review.match import Library, cited_document, match_list, match_measure, only_by_others

ERROR, WARNING = "error", "warning"
# type -> (rule, severity, plan clauses, Chinese name)
TYPES = {
    "outside_list": ("REVIEW-001", ERROR, ("四（四）9", "五（三）"), "清单外的惩戒措施"),
    "no_legal_basis": ("REVIEW-002", ERROR, ("四（四）9",), "没有直接援引法律、法规或党中央、国务院政策文件"),
    "coerces_third_party": ("REVIEW-003", ERROR, ("四（四）10",), "强制要求金融机构等第三方实施惩戒"),
    "unauthorized_list": ("REVIEW-004", ERROR, ("四（三）6", "四（三）7", "五（三）"), "擅自设立的名单"),
    "harsher_than_law": ("REVIEW-005", ERROR, ("四（四）10",), "在法定标准上加重惩戒"),
    "no_procedure": ("REVIEW-006", WARNING, ("四（三）8",), "列入名单缺少告知、异议、决定等程序"),
}
# The parts of the listing procedure 四（三）8 requires, and how a document shows it has them.
PROCEDURE = [
    ("事先告知当事人作出决定的事由、依据和依法享有的权利", re.compile(r"告知")),
    ("当事人提出异议的予以核实并反馈", re.compile(r"异议|陈述|申辩|听证")),
    ("载明事由、依据、失信惩戒措施提示、移出条件和程序、救济措施的决定文书", re.compile(r"决定书|决定文书|书面决定|认定决定")),
    (vocab.DECISION_CONTENTS["removal"], re.compile(r"移出|退出名单|移除|提前退出")),
    (vocab.DECISION_CONTENTS["remedies"], re.compile(r"行政复议|行政诉讼|复议|诉讼|救济")),
]
# What a list's name says about its field (四（三）6): a hint for the message, never a decision.
_DOMAIN_WORDS = {
    "health_safety": r"食品|药品|疫苗|安全生产|特种设备|消防|医疗|卫生|环境|生态|危险化学品|交通安全事故",
    "market_order": r"税|政府采购|招标|投标|合同|价格|欺诈|证券|统计|海关|工资|市场",
    "obligation_credibility": r"被执行人|拒不履行|判决|裁定|欠薪|拖欠",
    "national_defense": r"兵役|国防|征集",
}
_COMMAND = re.compile(r"依法依规|依照有关规定|按照有关规定|依据有关法律法规")


@dataclass(frozen=True)
class Finding:
    type: str
    rule: str
    severity: str
    message: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Reviewed:
    location: str
    text: str  # masked
    matched_measure: str | None
    matched_name: str | None
    findings: list[Finding]
    matched_all: list[str]  # every measure its clauses match, in order (matched_measure is the first)


def _finding(kind: str, message: str) -> Finding:
    rule, severity, _, _ = TYPES[kind]
    return Finding(kind, rule, severity, mask(message))


def clause(repo, label: str) -> str:
    """方案四（四）9（失信惩戒措施实行清单管理）: the clause as the plan labels it, with its title when the
    plan's record is there."""
    prov = clause_provision(repo, label)
    title = prov.get("title") if isinstance(prov, dict) else None
    return f"方案{label}（{title}）" if title else f"方案{label}"


def _basis_text(repo, lib: Library, row: dict | None) -> str:
    infos = citations_info(repo, (row or {}).get("basis"), lib.as_of)
    return "、".join(f"《{i['title']}》{i['label'] or ''}" for i in infos)


def _quote(text: str, n: int = 40) -> str:
    text = text.strip()
    return text if len(text) <= n else text[:n] + "……"


def review_document(repo, lib: Library, provisions) -> list[Reviewed]:
    """The provisions that impose a sanction or set up or fill a list, each with its findings."""
    out = []
    whole = "".join(p.text for p in provisions)
    missing = [label for label, pattern in PROCEDURE if not pattern.search(whole)]
    placing = []
    lists_seen: set = set()
    for p in provisions:
        reading = read_provision(p.text, p.context)
        if not reading.relevant:
            continue
        matches = _matches(lib, reading)
        findings = _sanction_checks(repo, lib, reading, matches) if matches else []
        for mention in reading.lists:
            findings += _list_checks(repo, lib, reading, mention, lists_seen)
            if mention.placing and p not in placing:
                placing.append(p)
        found = [m.measure for _, m, _ in matches if m is not None]
        out.append((p, Reviewed(p.location, mask(p.text), found[0].id if found else None,
                                found[0].name if found else None, findings,
                                list(dict.fromkeys(m.id for m in found)))))
    if placing and missing:
        reviewed = next(r for p, r in out if p is placing[0])
        many = f"（共 {len(placing)} 处，首见于此）" if len(placing) > 1 else ""
        reviewed.findings.append(_finding("no_procedure", (
            f"{clause(repo, '四（三）8')}：作出列入名单的决定前应当告知当事人事由、依据和依法享有的权利，当事人提出异议的应当"
            f"核实并反馈；列入名单应当有载明事由、依据、失信惩戒措施提示、移出条件和程序、救济措施的决定文书。本文件规定了列入名单"
            f"{many}，但全文没有写明：{'；'.join(missing)}。如果程序规定在别的文件中，请在本文件中写明援引。")))
    return [r for _, r in out]


def _matches(lib: Library, reading) -> list:
    """[(clause, the measure it matches or None, the nearest measure when none matches)] for each sanction clause.
    A short clause without its object (依法予以限制) is matched with its whole sentence."""
    out = []
    for c in reading.clauses:
        found, near = match_measure(lib, [c.text])
        if found is None and len(c.text) <= 8 and c.text != c.sentence:
            found, near = match_measure(lib, [c.sentence])
        out.append((c, found, near))
    return out


def _sanction_checks(repo, lib, reading, matches) -> list[Finding]:
    out = []
    # a clause telling a third party to act is coerces_third_party's; a clause leaving the choice is no sanction
    unmatched = [(c, near) for c, found, near in matches if found is None and not c.told and not c.voluntary]
    if unmatched:
        quoted = "、".join(f"“{_quote(c.text, 30)}”" for c, _ in unmatched[:3])
        nearest = [n for _, n in unmatched if n is not None]
        near = (f"（最接近的是“{nearest[0].measure.name}”，相似度 {nearest[0].score:.0f}%，不足以认定为同一措施）"
                if len(unmatched) == 1 and nearest else "")
        out.append(_finding("outside_list", (
            f"{clause(repo, '四（四）9')}：失信惩戒措施实行清单管理；本条规定的{quoted}在现行的"
            f"{'、'.join('《' + t + '》' for t in lib.list_titles) or '失信惩戒措施清单'}中没有相应的措施{near}。"
            f"{clause(repo, '五（三）')}规定，在清单外违法违规实施惩戒措施的要追究责任：请删除，或改为清单中的措施并写明依据。")))
    found = [m for _, m, _ in matches if m is not None]
    imposed = [m for c, m, _ in matches if m is not None and not c.voluntary and not c.told]
    restrictive = [m for m in imposed if m.measure.category == "restrictive"]
    if (unmatched or restrictive) and not reading.voluntary:
        problem = _basis_problem(lib, reading)
        if problem:
            hints = []
            for m in restrictive:
                basis = _basis_text(repo, lib, m.row)
                if basis and m.measure.name not in "".join(hints):
                    hints.append(f"清单中“{m.measure.name}”一项，本库记录的依据是{basis}")
            hint = ("；".join(hints) + "，可核对后直接援引。") if hints else ""
            out.append(_finding("no_legal_basis", (
                f"{clause(repo, '四（四）9')}：对失信主体采取减损权益或增加义务的惩戒措施，必须基于具体的失信行为事实，直接援引"
                f"{TIER_ZH[LEGAL]}为依据；{problem}。{hint}")))
    out += _coercion(repo, reading, found, imposed)
    seen = set()
    for c, m, _ in matches:
        if m is not None:
            for f in _harsher(repo, lib, c, m):
                if f.message not in seen:
                    seen.add(f.message)
                    out.append(f)
    return out


def _basis_problem(lib: Library, reading) -> str | None:
    """Why the citations of a provision (its own and those above it) are no basis, or None when one is."""
    if not reading.citations:
        vague = any(_COMMAND.search(s) for s in reading.sanction)
        return "本条只写了“依法依规”等笼统说法，没有写明具体的法律、法规或政策文件" if vague else "本条及其上级条款没有援引任何文件"
    named = []
    for c in reading.citations:
        doc, level, guessed = cited_document(lib, c.title, c.number)
        if level in LEGAL:
            return None
        label = vocab.LEVELS.get(level, "其他文件")
        if guessed:
            named.append(f"“{c.title}”（本库未收录，按名称不能判断为{TIER_ZH[LEGAL]}）")
        else:
            named.append(f"《{doc.title}》（{label}）")
    return "本条只援引了" + "、".join(named)


def _coercion(repo, reading, found, imposed) -> list[Finding]:
    bodies = "、".join(vocab.IMPLEMENTER_TYPES[t] for t in vocab.NOT_TO_BE_COMPELLED)
    if reading.third_parties:
        told = "、".join(f"{t.words}（{vocab.IMPLEMENTER_TYPES[t.type]}）{t.act}" for t in reading.third_parties)
        voluntary = [m.measure.name for m in found if m.measure.category == "voluntary"]
        extra = (f"清单中相应的“{voluntary[0]}”属于“{vocab.MEASURE_CATEGORIES['voluntary']}”。" if voluntary else "")
        return [_finding("coerces_third_party", (
            f"{clause(repo, '四（四）10')}：不得强制要求{bodies}等惩戒失信主体；本条要求{told}。{extra}"
            f"可改为向其共享信息，由其依照章程或风险定价原则自主决定。"))]
    for m in imposed:
        types = only_by_others(m.measure)
        if types:
            who = "、".join(vocab.IMPLEMENTER_TYPES[t] for t in types)
            return [_finding("coerces_third_party", (
                f"{clause(repo, '四（四）10')}：不得强制要求{bodies}等惩戒失信主体；本条以规定的方式要求实施“"
                f"{m.measure.name}”，而清单中这项措施属于“{vocab.MEASURE_CATEGORIES.get(m.measure.category, '')}”，"
                f"由{who}自主实施。可改为向其共享信息，由其自主决定。"))]
    return []


def _harsher(repo, lib, c, found) -> list[Finding]:
    out = []
    row = found.row or {}
    maximum = Duration.parse((row.get("duration") or {}).get("maximum"))
    basis = _basis_text(repo, lib, row)
    where = f"（依据：{basis}）" if basis else ""
    if maximum is not None:
        longer = [(text, days) for text, days in c.periods if days is None or days > maximum.approx_days()]
        if longer:
            out.append(_finding("harsher_than_law", (
                f"{clause(repo, '四（四）10')}：不得在法定惩戒标准上加重惩戒；本条规定“{longer[0][0]}”，而清单中“"
                f"{found.measure.name}”（“{_quote(str(row.get('content') or ''), 30)}”）的期限最长为{maximum.zh()}{where}。")))
    described = str(row.get("content") or "") + str(row.get("target_description") or "")
    relatives = [r for r in c.relatives if r not in described]
    if relatives:
        target = row.get("target_description") or "失信主体本身"
        out.append(_finding("harsher_than_law", (
            f"{clause(repo, '四（四）10')}：惩戒措施应当与失信行为相关联，不得在法定惩戒标准上加重惩戒；本条把“"
            f"{found.measure.name}”延及“{'、'.join(relatives)}”，而清单中这项措施的适用对象是：{target}{where}。")))
    return out


def _list_checks(repo, lib, reading, mention, seen: set) -> list[Finding]:
    regime, generic = match_list(lib, mention.name)
    if regime is not None or generic or len(mention.name) < 3 or mention.name.endswith(("该名单", "上述名单")):
        return []
    if any(s.endswith(mention.name) or fuzz.ratio(s, mention.name) >= 70 for s in seen) or (seen and not mention.placing):
        return []  # the list already reported, or a later reference (列入黑名单的……) to one that was
    seen.add(mention.name)
    domains = "、".join(vocab.DOMAINS.values())
    _, why = list_standard(repo, _CityList())
    field_hint = "" if any(re.search(w, mention.name + mention.sentence) for w in _DOMAIN_WORDS.values()) else \
        "，按名称和上下文也看不出它属于上述四个领域"
    cited = [c.title for c in reading.citations if "条例" in c.title and re.search(r"省", c.title)]
    provincial = (f"本条援引了“{'、'.join(cited)}”：如果该名单确由省级地方性法规设立，请人工核对条款，并在本库中登记该名单制度。"
                  if cited else "")
    return [_finding("unauthorized_list", (
        f"{clause(repo, '四（三）6')}、{clause(repo, '四（三）7')}：严重失信主体名单只限于{domains}等领域，不得擅自增加或扩展；"
        f"在本省范围内实施的名单，其认定标准应当由省级地方性法规规定（{why}）。本条的“{mention.name}”不是本库记录的任何名单制度"
        f"{field_hint}。{clause(repo, '五（三）')}规定，不按标准和程序擅自认定严重失信主体名单的要追究责任。{provincial}"))]


class _CityList:
    """A list that a city department sets up in its own document, as tools.domain.levels.list_standard reads one."""
    id = None
    data = {"jurisdiction": "benxi", "standard_basis": []}
