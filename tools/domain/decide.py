"""Apply the rules to a case: is it public credit information, how long is it published, from when can it be
repaired, which measures follow a listing -- each conclusion with the articles behind it.

The answer's keys are a contract (see README, ``decide``); keys that do not apply to a case kind are None.
Everything is computed by the same domain functions the lint rules and the site use. A fact the repository does
not hold gives None and an entry in ``unknown`` with the reason; nothing is guessed. Drafts are never used.
"""
from __future__ import annotations

import datetime as _dt
from functools import lru_cache

from tools.domain import evidence, workdays
from tools.domain.citations import citations_info
from tools.domain.durations import Duration
from tools.domain.editions import is_current
from tools.domain.repair import is_judicial, regimes_in_force, service_in_force
from tools.domain.sanctions import measures_for_list
from tools.model import vocab
from tools.model.cases import check

# The lint rule and plan clause each kind of conclusion applies (tests check them against the rule registry).
EXCLUSION = ("CAT-004", "四（一）1")
INFORMATION = ("CAT-002", "四（一）1")
PERIODS = ("REPAIR-005", "四（六）14")
REPAIR = ("REPAIR-003", "四（六）14")
SERVICE = ("REPAIR-004", "四（六）15")
MEASURES = ("EMBED-001", "四（四）11")
LISTING = ("LIST-004", "四（三）8")
JUDICIAL = ("LIST-005", "四（三）8")
COUNTING = (None, None)  # how dates are counted: 民法典, not a clause of the plan
DEFAULT_INFORMATION_NAME = "行政处罚信息"  # the national base catalog's item for administrative penalties
EXCLUSION_FLAGS = {  # exclusion key -> how the case claims it
    "simplified_procedure": lambda c: c.get("procedure") == "simplified",
    "minor_corrected": lambda c: c.get("minor_corrected") is True,
    "first_offense_corrected": lambda c: c.get("first_offense_corrected") is True,
}
# 第36号令第八条至第十条: the general classes of penalty types, shown as a hint only (第十一条: a ministry's own
# standard prevails, and the repository holds none of those standards).
PENALTY_CLASS_HINTS = {
    "minor": ("警告", "通报批评"),
    "general": ("没收",),
    "serious": ("暂扣", "吊销", "降低资质等级", "限制生产经营", "责令停产停业", "责令关闭", "限制从业"),
}


class CaseError(ValueError):
    """The case names something the repository does not hold (an input error, not an unknown fact)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def _usable(rec) -> bool:
    return rec is not None and rec.data.get("draft") is not True


class Answer:
    """The answer being built: conclusions, their trace, the unknowns and the records used."""

    def __init__(self, repo, case: dict):
        self.repo, self.case = repo, case
        self.out = {"case": case["case"], "as_of": case["as_of"], "subject": case["subject"], "information": None,
                    "list": None, "public_credit_information": None, "excluded_by": None, "regime": None,
                    "publication": None, "repair": None, "measures": None, "removal": None,
                    "unknown": [], "trace": [], "unverified": [], "evidence": None}
        self._used: set = set()
        self._grades: list = []

    def unknown(self, field: str, reason: str) -> None:
        self.out["unknown"].append({"field": field, "reason": reason})

    def trace(self, conclusion: str, applied: tuple, citations) -> None:
        rule, clause = applied
        self.out["trace"].append({"conclusion": conclusion, "rule": rule, "plan_clause": clause,
                                  "citations": _trace_citations(self.repo, citations, self.case["as_of"])})

    def used(self, rec) -> None:
        """A record the answer rests on: its grade of evidence counts towards the answer's (the weakest), and an
        unverified one is listed with its grade."""
        if rec.path in self._used:
            return
        self._used.add(rec.path)
        grade = evidence.grade(rec.data)
        self._grades.append(grade)
        self.out["evidence"] = evidence.weakest(self._grades)
        if rec.data.get("verified") is not True:
            self.out["unverified"].append({"record": rec.id, "name": rec.title, "note": rec.data.get("note") or "",
                                           "evidence": grade, "kind": rec.kind})


def _trace_citations(repo, citations, as_of) -> list:
    """{doc, provision, label, title, evidence} of each citation: a fresh list of dicts shared between answers
    (read-only), remembered per list of citations (held by the memo, so its identity is not reused) and day."""
    if not citations:
        return []
    key = ("trace citations", id(citations), as_of)
    hit = repo.derived.get(key)
    if hit is None or hit[0] is not citations:
        hit = repo.derived[key] = (citations, [{"doc": c["doc"], "provision": c["provision"], "label": c["label"],
                                                "title": c["title"], "evidence": c["evidence"]}
                                               for c in citations_info(repo, citations, as_of)])
    return list(hit[1])


def _refs(infos) -> list:
    """{doc, provision, label, evidence} of resolved citations (citation_info): how an answer names its basis."""
    return [{"doc": c["doc"], "provision": c["provision"], "label": c["label"], "evidence": c["evidence"]}
            for c in infos]


def answer_case(repo, raw, today: _dt.date) -> tuple[dict | None, list]:
    """Check a case as given (tools.model.cases) and decide it: (answer, []) or (None, [(field, message), …])."""
    case, errors = check(raw, today)
    if errors:
        return None, errors
    try:
        return decide(repo, case), []
    except CaseError as exc:
        return None, [(exc.field, str(exc))]


def decide(repo, case: dict) -> dict:
    """The answer to one checked case (tools.model.cases.check). Raises CaseError for ids the repository lacks."""
    a = Answer(repo, case)
    kind = case["case"]
    if kind == "listing" or (kind == "repair" and "list" in case):
        _listing(a, case["listed_on"])
    else:
        _penalty(a, case["decided_on"])
    if kind == "repair" and a.out["repair"] is not None:
        _application(a)
    return a.out


# -- penalties and other adverse information ----------------------------------------------------------------------

def default_information(repo):
    """The item named 行政处罚信息 in the current national base catalog (the edition no other edition supersedes)."""
    return repo.memo("default_information", lambda: _default_information(repo))


def _default_information(repo):
    current = [e for e in repo.of_kind("catalog_edition") if e.data.get("scope") == "national_base" and _usable(e)
               and is_current(repo, e)]
    found = [r for r in repo.of_kind("catalog_entry") if _usable(r) and r.group in {e.id for e in current}
             and r.data.get("information_kind") == "administrative_penalty"
             and r.data.get("name") == DEFAULT_INFORMATION_NAME]
    return found[0] if len(found) == 1 else None


def _information(a: Answer):
    rid = a.case.get("information")
    if rid is None:
        entry = default_information(a.repo)
        if entry is None:
            raise CaseError("information", "仓库中找不到现行全国基础目录的“行政处罚信息”条目：请用 information 写明目录条目 id")
        return entry
    entry = a.repo.get(rid, "catalog_entry")
    if not _usable(entry):
        raise CaseError("information", f"仓库中没有 id 为“{rid}”的目录条目（草稿不能使用）")
    if entry.data.get("nature") != "adverse":
        raise CaseError("information", f"目录条目“{entry.title}”（{rid}）不是失信信息：没有公示期限和信用修复可算")
    return entry


def _penalty(a: Answer, decided_on: _dt.date) -> None:
    entry = _information(a)
    a.used(entry)
    a.out["information"] = entry.id
    if a.case["subject"] not in (entry.data.get("subjects") or []):
        a.unknown("public_credit_information",
                  f"目录条目“{entry.title}”的适用主体中没有{vocab.SUBJECTS[a.case['subject']]}，无法据此判断")
    elif _excluded(a, entry):
        return
    else:
        a.out["public_credit_information"] = True
        a.trace(f"属于公共信用信息（目录条目“{entry.title}”）", INFORMATION, entry.data.get("basis"))
    regime = _regime(a, entry, decided_on)
    period, severity = _period_of(a, entry, regime)
    _publication(a, regime, period, decided_on)
    _repair(a, entry, regime, period, severity)


def _excluded(a: Answer, entry) -> bool:
    declared = entry.data.get("penalty_exclusions") or {}
    for key, claimed in EXCLUSION_FLAGS.items():
        if not claimed(a.case):
            continue
        decl = declared.get(key) or {}
        if decl.get("excluded") is True:
            a.out["public_credit_information"] = False
            a.out["excluded_by"] = key
            a.trace(f"不纳入公共信用信息：{vocab.PENALTY_EXCLUSIONS[key]}（目录条目“{entry.title}”的排除声明）",
                    EXCLUSION, decl.get("basis"))
            return True
        a.trace(f"目录条目“{entry.title}”没有声明排除“{vocab.PENALTY_EXCLUSIONS[key]}”，照常纳入", EXCLUSION,
                entry.data.get("basis"))
    return False


def _regime(a: Answer, entry, decided_on: _dt.date):
    kind = entry.data.get("information_kind") or ""
    regimes = a.repo.memo(("regimes", kind, decided_on),
                          lambda: [r for r in regimes_in_force(a.repo, kind, decided_on) if _usable(r)])
    if not regimes:
        known = sorted((r for r in a.repo.of_kind("repair_regime") if kind in (r.data.get("information_kinds") or [])),
                       key=lambda r: str(r.data.get("effective_from")))
        since = f"本库收录的最早的是 {known[0].data.get('effective_from')} 起施行的“{known[0].title}”" if known else \
            f"本库没有适用于{vocab.INFORMATION_KINDS.get(kind, kind)}的修复制度"
        a.unknown("regime", f"决定日期 {decided_on} 没有施行中的公示与修复制度（{since}），公示期限无法确定")
        return None
    regime = regimes[0]
    a.used(regime)
    a.out["regime"] = regime.id
    a.trace(f"适用决定日期 {decided_on} 施行的“{regime.title}”", PERIODS, regime.data.get("basis"))
    return regime


def _period_of(a: Answer, entry, regime):
    """The regime's period for the case's severity, and that severity (None and an unknown when not known)."""
    if regime is None:
        return None, None
    periods = {k: v for k, v in (regime.data.get("periods") or {}).items() if isinstance(v, dict)}
    severity = a.case.get("severity") or entry.data.get("severity")
    if severity is None:
        distinct = {tuple(sorted((k, v) for k, v in p.items() if k in ("minimum", "maximum")))
                    for p in periods.values()}
        if len(distinct) == 1:  # the regime does not grade by severity: every class has the same period
            return next(iter(periods.values())), None
        a.unknown("severity", f"“{regime.title}”按失信程度规定不同的公示期限（{_classes(periods)}），输入没有写明 severity"
                  + _penalty_hint(a.case))
        return None, None
    if severity not in periods:
        a.unknown("severity", f"“{regime.title}”不设“{vocab.SEVERITIES.get(severity, severity)}”一档（只有"
                  f"{_classes(periods)}），该程度的公示期限无法确定")
        return None, severity
    return periods[severity], severity


def _classes(periods) -> str:
    return "、".join(vocab.SEVERITIES.get(k, k) for k in periods)


def _penalty_hint(case) -> str:
    types = [p.get("type", "") for p in case.get("penalties") or []]
    if not types:
        return ""
    hints = sorted({vocab.SEVERITIES[sev] for t in types for sev, words in PENALTY_CLASS_HINTS.items()
                    if any(w in t for w in words)})
    general = f"按第36号令第八条至第十条的一般分类，所列处罚种类对应：{'、'.join(hints)}失信信息；" if hints else ""
    return (f"。{general}但行业主管部门可以另定分类标准（第十一条），本库未收录这些标准，罚款的轻重还取决于各领域规定的"
            "数额标准，所以不据处罚种类推定程度，请确认后写明 severity")


def _publication(a: Answer, regime, period, starts_on: _dt.date) -> None:
    if regime is None:
        return
    start = regime.data.get("period_start") or {}
    starts = starts_on if start.get("from") == "decision_date" else None
    if starts is None:
        a.unknown("publication.starts", f"“{regime.title}”没有写明公示期从哪一天起算")
    pub = {"publish": None, "minimum": None, "maximum": None, "starts": starts, "earliest_end": None,
           "latest_end": None}
    a.out["publication"] = pub
    if period is None:
        return
    pub.update(publish=period.get("publish"), minimum=period.get("minimum"), maximum=period.get("maximum"))
    a.trace(f"公示期限：最短{_zh(pub['minimum'])}，最长{_zh(pub['maximum'])}"
            + ("；原则上不公示" if period.get("publish") is False else ""), PERIODS, regime.data.get("basis"))
    if starts is None:
        return
    a.trace(f"公示期自 {starts} 起算（{vocab.PERIOD_STARTS[start['from']]}）", PERIODS, start.get("basis"))
    _ends(a, pub, start.get("counting"))
    _across_regimes(a, regime, pub)


def _zh(value) -> str:
    d = Duration.parse(value)
    return d.zh() if d else "（无）"


@lru_cache(maxsize=65536)  # a pure function of a day and a period
def last_day(start: _dt.date, period: str) -> _dt.date:
    """The last day of a period counted from ``start`` (民法典第二百零一条、第二百零二条: the start day is not counted;
    months and years end on the corresponding day of the last month, or on its last day when there is none)."""
    return Duration.parse(period).add_to(start)


def _ends(a: Answer, pub: dict, counting) -> None:
    for key, bound in (("earliest_end", "minimum"), ("latest_end", "maximum")):
        if pub[bound]:
            pub[key] = last_day(pub["starts"], pub[bound])
    if pub["earliest_end"] or pub["latest_end"]:
        ends = "，".join(f"{label}的最后一日为 {pub[key]}" for key, label in (("earliest_end", "最短期限"),
                                                                          ("latest_end", "最长期限")) if pub[key])
        a.trace(f"开始的当日不计入，按月、年计算的到期月对应日为最后一日：{ends}", COUNTING, counting)
    if pub["earliest_end"]:
        try:
            holiday = workdays.is_holiday(pub["earliest_end"])
        except workdays.NotCovered:
            holiday = False
        if holiday:
            a.unknown("publication.earliest_end", f"最短期限的最后一日 {pub['earliest_end']} 是法定休假日；民法典第二百零三条"
                      "（顺延到休假日结束的次日）是否适用于公示期限，所读来源未说明，本答案未顺延")


def _across_regimes(a: Answer, regime, pub: dict) -> None:
    ends = regime.data.get("effective_to")
    if not isinstance(ends, _dt.date):
        return
    crossing = [key for key in ("earliest_end", "latest_end") if pub[key] and pub[key] > ends]
    if crossing:
        later = a.repo.memo(("regimes after", ends), lambda: sorted(
            (r for r in a.repo.of_kind("repair_regime") if _usable(r) and isinstance(r.data.get("effective_from"),
                                                                                      _dt.date)
             and r.data["effective_from"] > ends), key=lambda r: r.data["effective_from"]))
        nxt = f"，“{later[0].title}”自 {later[0].data['effective_from']} 起施行" if later else ""
        a.unknown("publication", f"公示期跨越制度变更：“{regime.title}”于 {ends} 失效{nxt}；所读来源没有载明新旧制度"
                  "怎样衔接，本答案按决定之日施行的制度计算")


def _repair(a: Answer, rec, regime, period, severity) -> None:
    repair = rec.data.get("repair")
    if not isinstance(repair, dict):
        a.unknown("repair", f"“{rec.title}”没有写明信用修复的规定")
        return
    out = {"repairable": repair.get("repairable"), "earliest": None,
           "channels": list(repair.get("channels") or []), "materials": list(repair.get("materials") or []),
           "free_of_charge": repair.get("free_of_charge"), "time_limit_working_days": None,
           "missing_materials": None, "can_apply": None, "result_due": None}
    a.out["repair"] = out
    if period is not None and out["repairable"] is True and "repairable" in period:
        out["repairable"] = period["repairable"]
    elif period is not None and out["repairable"] is True and regime is not None:
        out["repairable"] = None
        a.unknown("repair.repairable", f"“{regime.title}”没有写明{vocab.SEVERITIES.get(severity, '该档')}失信信息能否修复"
                  f"（见该制度记录的说明）")
    if out["repairable"] is False:
        a.trace("不可修复", REPAIR, repair.get("basis"))
        return
    earliest_end = (a.out["publication"] or {}).get("earliest_end")
    if earliest_end is not None:
        out["earliest"] = earliest_end + _dt.timedelta(days=1)
        a.trace(f"最短公示期限届满后可以申请修复：{out['earliest']} 起", REPAIR, repair.get("basis"))
    elif period is not None and not period.get("minimum"):
        a.unknown("repair.earliest", "该档失信信息没有最短公示期限，履行法定责任义务后即可申请修复；履行完毕的日期不在输入中")
    if out["channels"] or out["materials"]:
        a.trace("申请渠道：" + ("、".join(vocab.REPAIR_CHANNELS.get(c, c) for c in out["channels"]) or "未写明")
                + "；申请材料：" + ("、".join(vocab.REPAIR_MATERIALS.get(m, m) for m in out["materials"]) or "未写明"),
                REPAIR, repair.get("basis"))
    when = a.case.get("applied_on") or a.case["as_of"]
    days = repair.get("time_limit_working_days")
    by = a.repo.memo(("service", rec.id, when), lambda: service_in_force(a.repo, rec, when)) if not days else None
    if by is not None and _usable(by):
        days = by.data["service"]["time_limit_working_days"]
        a.used(by)
        a.trace(f"办理时限 {days} 个工作日，不收费（按 {when} 施行的“{by.title}”）", SERVICE, by.data["service"].get("basis"))
    elif days:
        a.trace(f"办理时限 {days} 个工作日" + ("，不收费" if out["free_of_charge"] else ""), SERVICE, repair.get("basis"))
    out["time_limit_working_days"] = days


# -- serious-dishonesty lists -------------------------------------------------------------------------------------

def _listing(a: Answer, listed_on: _dt.date) -> None:
    rid = a.case["list"]
    regime = a.repo.get(rid, "list_regime")
    if not _usable(regime):
        raise CaseError("list", f"仓库中没有 id 为“{rid}”的严重失信主体名单制度（草稿不能使用）")
    a.used(regime)
    a.out["list"] = regime.id
    matter = a.case.get("matter")
    measures = measures_for_list(a.repo, regime, a.case["as_of"], matter)
    a.out["measures"] = [{"measure": m["id"], "name": m["name"], "category": m["category"], "row": row["row"],
                          "content": row["content"], "implementers": row["implementers"], "matters": row["matters"],
                          "basis": _refs(row["basis"]),
                          "verified": m["verified"], "evidence": m["evidence"]}
                         for m in measures for row in m["rows"]]
    for m in measures:
        rec = a.repo.get(m["id"], "measure")
        a.used(rec)
        a.trace(f"适用惩戒措施“{m['name']}”" + (f"（业务事项含“{matter}”）" if matter else ""), MEASURES,
                [{"doc": b["doc"], "provision": b["provision"]} for b in m["basis"]])
    if not measures:
        a.trace(f"基准日 {a.case['as_of']} 没有适用于本名单" + (f"、业务事项含“{matter}”" if matter else "")
                + "的惩戒措施", MEASURES, [])
    period = regime.data.get("listing_period") or {}
    repair = regime.data.get("repair") if isinstance(regime.data.get("repair"), dict) else {}
    pub = {"publish": None, "minimum": repair.get("minimum_period"), "maximum": period.get("duration"),
           "starts": None, "earliest_end": None, "latest_end": None}
    a.out["publication"] = pub
    if not pub["maximum"]:
        a.unknown("publication.maximum", "名单制度没有写明以时长表示的列入期限" +
                  (f"：{period['description']}" if period.get("description") else ""))
    elif period.get("from") == "listing_date":
        pub["starts"] = listed_on
        a.trace(f"列入期限{_zh(pub['maximum'])}，自列入之日 {listed_on} 起算", LISTING, period.get("basis"))
        pub["latest_end"] = last_day(listed_on, pub["maximum"])
    else:
        a.unknown("publication.latest_end", _not_from_listing(period.get("from"), f"列入期限{_zh(pub['maximum'])}"))
    if pub["minimum"] and repair.get("minimum_period_from") == "listing_date":
        pub["earliest_end"] = last_day(listed_on, pub["minimum"])
    if pub["earliest_end"] or pub["latest_end"]:
        ends = "，".join(f"{label}的最后一日为 {pub[key]}" for key, label in (("earliest_end", "最短期限"),
                                                                          ("latest_end", "列入期限")) if pub[key])
        a.trace(f"开始的当日不计入，按月、年计算的到期月对应日为最后一日：{ends}", COUNTING, _counting(a.repo))
    removal = regime.data.get("removal") if isinstance(regime.data.get("removal"), dict) else None
    if removal:
        a.out["removal"] = {"description": removal.get("description"),
                            "basis": _refs(citations_info(a.repo, removal.get("basis"), a.case["as_of"]))}
    if is_judicial(regime):
        a.out["repair"] = {"repairable": None, "earliest": None, "channels": [], "materials": [],
                           "free_of_charge": None, "time_limit_working_days": None, "missing_materials": None,
                           "can_apply": None, "result_due": None}
        judicial = (regime.data.get("procedure") or {}).get("judicial") or {}
        a.trace("由人民法院认定，按司法程序删除，不适用行政的信用修复", JUDICIAL, judicial.get("basis"))
        a.unknown("repair.repairable", "本名单由人民法院认定，按司法程序删除，不适用行政的信用修复")
        return
    _repair(a, regime, None, None, None)
    if a.out["repair"] and a.out["repair"]["repairable"] is True and not pub["earliest_end"]:
        a.unknown("repair.earliest", "名单制度没有写明以时长表示的最短列入期限，最早可申请修复（提前移出）的日期无法计算"
                  if not pub["minimum"] else _not_from_listing(repair.get("minimum_period_from"),
                                                               f"最短期限{_zh(pub['minimum'])}"))


def _not_from_listing(start, what: str) -> str:
    if start is None:
        return f"{what}从哪一天起算，名单制度没有写明，无法计算日期"
    return f"{what}自{vocab.PERIOD_STARTS.get(start, start)}起算，输入中没有这个日期（只有列入日期），无法计算"


def _counting(repo) -> list:
    """The counting provisions the repair regimes cite (the same for every regime in the repository)."""
    for reg in sorted(repo.of_kind("repair_regime"), key=lambda r: str(r.data.get("effective_from"))):
        counting = (reg.data.get("period_start") or {}).get("counting")
        if counting:
            return counting
    return []


# -- an application for repair ------------------------------------------------------------------------------------

def _application(a: Answer) -> None:
    out, case = a.out["repair"], a.case
    given = case.get("materials") or []
    out["missing_materials"] = [m for m in out["materials"] if m not in given]
    applied = case["applied_on"]
    if out["repairable"] is False:
        out["can_apply"] = False
    elif out["repairable"] is True and out["earliest"] is not None:
        out["can_apply"] = applied >= out["earliest"]
        a.trace(f"申请日期 {applied} " + ("已到" if out["can_apply"] else "早于") + f"最早可申请的日期 {out['earliest']}",
                REPAIR, [])
    if out["missing_materials"]:
        a.trace("尚缺申请材料：" + "、".join(vocab.REPAIR_MATERIALS.get(m, m) for m in out["missing_materials"]), REPAIR, [])
    if out["can_apply"] and out["time_limit_working_days"]:
        try:
            out["result_due"] = workdays.add_working_days(applied, out["time_limit_working_days"])
        except workdays.NotCovered as exc:
            a.unknown("repair.result_due", exc.zh())
