"""The calculator page (公示期限与信用修复计算): ``decide`` in the reader's browser.

``calculator_data`` gathers everything ``tools.domain.decide`` reads from the records, computed by the same
domain functions, into one JSON document that ``docs/assets/calculator.js`` answers cases from:

- which repair regime is in force, and which regime's service (time limit) applies, on any day: ``regimes_in_force``
  and ``service_in_force`` change only where a regime starts or ends, so they are evaluated at those days and
  written as timelines ``[[from, value], …]`` (``from`` null: since ever);
- the measures of each list on any day: ``measures_for_list`` likewise, evaluated where a measure or a measure
  list starts or ends;
- citations resolved once by ``citations_info`` (document title and article label);
- the working-day calendar (``workdays``) for every year it covers, checked day by day against the domain;
- the Chinese words, period names (``durations.zh``) and the rule and plan clause of each kind of conclusion.

The browser never needs Python; tests run every case file through the script and compare with ``decide``.
"""
from __future__ import annotations

import datetime as _dt
import json

from tools.domain import decide as _decide
from tools.domain import durations, evidence, workdays
from tools.domain.citations import citations_info
from tools.domain.decide import default_information
from tools.domain.editions import current_member
from tools.domain.plan import PLAN_DOC
from tools.domain.repair import is_judicial, regimes_in_force, service_in_force
from tools.domain.sanctions import measures_for_list
from tools.model import vocab
from tools.model.cases import CASE_KINDS, PROCEDURES
from tools.site.plain import Plain, evidence_words

PAGE = "calculator.md"
DATA = "assets/calculator-data.json"
PERIOD_KEYS = ("minimum", "maximum", "publish", "repairable")
REPAIR_KEYS = ("repairable", "channels", "materials", "free_of_charge", "time_limit_working_days",
               "minimum_period", "minimum_period_from")
# The rule and plan clause decide gives each kind of conclusion (same constants, so the traces agree).
APPLIED = {name.lower(): list(getattr(_decide, name)) for name in
           ("EXCLUSION", "INFORMATION", "PERIODS", "REPAIR", "SERVICE", "MEASURES", "LISTING", "JUDICIAL", "COUNTING")}


def pages(render, repo, as_of: _dt.date) -> dict[str, str]:
    """The page and its data file, for Site.pages()."""
    data = calculator_data(repo, as_of)
    page = render("calculator.md.j2", PAGE, calendar=data["calendar"]["name"])
    return {PAGE: page, DATA: json.dumps(data, ensure_ascii=False, separators=(",", ":"))}


def _usable(rec) -> bool:
    return rec is not None and rec.data.get("draft") is not True


def _iso(day) -> str | None:
    return day.isoformat() if isinstance(day, _dt.date) else None


class _Citations:
    """A table of resolved citations: records refer to them by index."""

    def __init__(self, repo, as_of):
        self.repo, self.as_of = repo, as_of
        self.table: list = []
        self.documents: dict = {}
        self._index: dict = {}

    def refs(self, citations) -> list[int]:
        out = []
        for c in citations_info(self.repo, citations, self.as_of) if citations else []:
            key = (c["doc"], c["provision"])
            if key not in self._index:
                self._index[key] = len(self.table)
                self.table.append([c["doc"], c["provision"], c["label"], c["evidence"]])
                self.documents[c["doc"]] = c["title"]
            out.append(self._index[key])
        return out


def _timeline(days, value_at) -> list:
    """[[from, value], …]: the value from each day on (the first from null: since ever), equal runs merged."""
    out: list = []
    for day in [None] + sorted(set(days)):
        value = value_at(day or _dt.date.min)
        if not out or out[-1][1] != value:
            out.append([_iso(day), value])
    return out


def _changes(records) -> list:
    """The days on which a record's validity (valid_on) may change: its start, and the day after its end."""
    days = []
    for rec in records:
        start, end = rec.data.get("effective_from"), rec.data.get("effective_to")
        if isinstance(start, _dt.date):
            days.append(start)
        if isinstance(end, _dt.date) and end < _dt.date.max:
            days.append(end + _dt.timedelta(days=1))
    return days


def _repair(rec, cites) -> dict | None:
    repair = rec.data.get("repair")
    if not isinstance(repair, dict):
        return None
    out = {k: repair[k] for k in REPAIR_KEYS if k in repair}
    out["basis"] = cites.refs(repair.get("basis"))
    return out


def calculator_data(repo, as_of: _dt.date) -> dict:
    """Everything the calculator page needs, as JSON-ready data (dates as YYYY-MM-DD)."""
    cites = _Citations(repo, as_of)
    regime_recs = [r for r in repo.of_kind("repair_regime") if _usable(r)]
    regime_days = _changes(repo.of_kind("repair_regime"))

    entry_recs = [r for r in repo.of_kind("catalog_entry") if _usable(r) and r.data.get("nature") == "adverse"]
    default = default_information(repo)
    entries = []
    for rec in entry_recs:
        d = rec.data
        declared = d.get("penalty_exclusions") if isinstance(d.get("penalty_exclusions"), dict) else {}
        entries.append({
            "id": rec.id, "name": rec.title, "kind": d.get("information_kind") or "",
            "subjects": list(d.get("subjects") or []), "severity": d.get("severity"),
            "basis": cites.refs(d.get("basis")),
            "exclusions": {key: {"excluded": (decl or {}).get("excluded") is True,
                                 "basis": cites.refs((decl or {}).get("basis"))}
                           for key, decl in declared.items() if key in _decide.EXCLUSION_FLAGS},
            "repair": _repair(rec, cites), "current": current_member(repo, rec), "verified": d.get("verified") is True,
            "evidence": evidence.grade(d)})

    # one entry of each kind stands for its kind: service_in_force reads only the entry's kind
    by_kind = {}
    for rec in entry_recs:
        by_kind.setdefault(rec.data.get("information_kind") or "", rec)

    def regime_on(kind):
        return lambda day: next((r.id for r in regimes_in_force(repo, kind, day) if _usable(r)), None)

    def service_on(rec):
        def value(day):
            by = service_in_force(repo, rec, day)
            return by.id if _usable(by) else None
        return value

    regimes = []
    for rec in regime_recs:
        d = rec.data
        start = d.get("period_start") if isinstance(d.get("period_start"), dict) else {}
        service = d.get("service") if isinstance(d.get("service"), dict) else None
        regimes.append({
            "id": rec.id, "name": rec.title, "kinds": list(d.get("information_kinds") or []),
            "from": _iso(d.get("effective_from")), "to": _iso(d.get("effective_to")),
            "periods": {sev: {k: p[k] for k in PERIOD_KEYS if k in p}
                        for sev, p in (d.get("periods") or {}).items() if isinstance(p, dict)},
            "start": {"from": start.get("from"), "basis": cites.refs(start.get("basis")),
                      "counting": cites.refs(start.get("counting"))},
            "basis": cites.refs(d.get("basis")),
            "service": {"days": service.get("time_limit_working_days"), "basis": cites.refs(service.get("basis"))}
            if service else None,
            "verified": d.get("verified") is True, "evidence": evidence.grade(d)})

    measure_days = _changes(list(repo.of_kind("measure")) + list(repo.of_kind("measure_list")))
    rows, row_index, measures = [], {}, {}

    def rows_on(regime):
        def value(day):
            out = []
            for m in measures_for_list(repo, regime, day):
                measures[m["id"]] = {"name": m["name"], "category": m["category"], "verified": m["verified"],
                                     "evidence": m["evidence"]}
                for row in m["rows"]:
                    key = (m["id"], row["row"])
                    if key not in row_index:
                        row_index[key] = len(rows)
                        rows.append({"measure": m["id"], "row": row["row"], "content": row["content"],
                                     "implementers": row["implementers"], "matters": row["matters"],
                                     "basis": cites.refs([{"doc": b["doc"], "provision": b["provision"]}
                                                          for b in row["basis"]])})
                    out.append(row_index[key])
            return out
        return value

    lists = []
    for rec in sorted((r for r in repo.of_kind("list_regime") if _usable(r)), key=lambda r: r.title):
        d = rec.data
        period = d.get("listing_period") if isinstance(d.get("listing_period"), dict) else {}
        removal = d.get("removal") if isinstance(d.get("removal"), dict) else None
        judicial = ((d.get("procedure") or {}).get("judicial") or {}) if isinstance(d.get("procedure"), dict) else {}
        lists.append({
            "id": rec.id, "name": rec.title,
            "period": {"duration": period.get("duration"), "from": period.get("from"),
                       "description": period.get("description"), "basis": cites.refs(period.get("basis"))},
            "repair": _repair(rec, cites), "judicial": is_judicial(rec),
            "judicial_basis": cites.refs(judicial.get("basis") if isinstance(judicial, dict) else None),
            "removal": {"description": removal.get("description"), "basis": cites.refs(removal.get("basis"))}
            if removal else None,
            "measures": _timeline(measure_days, rows_on(rec)),
            "verified": d.get("verified") is True, "evidence": evidence.grade(d)})

    used_durations = {v for r in regimes for p in r["periods"].values() for k, v in p.items()
                      if k in ("minimum", "maximum")}
    used_durations |= {v for x in lists for v in (x["period"]["duration"], (x["repair"] or {}).get("minimum_period"))}
    kinds = sorted(by_kind)
    # free text of the records that answers quote, as the public pages show it (no ids, paths or field names)
    plain = Plain(repo)
    texts = {x[k]["description"] for x in lists for k in ("period", "removal") if x[k] and x[k]["description"]}
    return {
        "as_of": as_of.isoformat(),
        "default_information": default.id if _usable(default) else None,
        "entries": entries,
        "regimes": regimes,
        "regime_in_force": {k: _timeline(regime_days, regime_on(k)) for k in kinds},
        "service_in_force": {k: _timeline(regime_days, service_on(by_kind[k])) for k in kinds},
        "lists": lists,
        "measures": measures,
        "rows": rows,
        "counting": cites.refs(_decide._counting(repo)),
        "citations": cites.table,
        "documents": cites.documents,
        "plain": {t: plain.text(t) for t in sorted(texts) if plain.text(t) != t},
        "applied": APPLIED,
        "exclusion_flags": list(_decide.EXCLUSION_FLAGS),
        "penalty_class_hints": {k: list(v) for k, v in _decide.PENALTY_CLASS_HINTS.items()},
        "words": {
            "case_kinds": CASE_KINDS, "evidence": {k: evidence_words(k)[0] for k in vocab.EVIDENCE},
            "inferred": evidence.INFERRED, "kinds": vocab.KINDS, "plan_doc": PLAN_DOC,
            "procedures": PROCEDURES, "subjects": vocab.SUBJECTS,
            "severities": vocab.SEVERITIES, "exclusions": vocab.PENALTY_EXCLUSIONS,
            "period_starts": vocab.PERIOD_STARTS, "channels": vocab.REPAIR_CHANNELS,
            "materials": vocab.REPAIR_MATERIALS,
            "information_kinds": {k: vocab.INFORMATION_KINDS.get(k, k) for k in kinds},
            "durations": {v: durations.zh(v) for v in sorted(x for x in used_durations if durations.Duration.parse(x))},
        },
        "calendar": calendar_data(as_of),
    }


def _covered(year: int) -> bool:
    try:
        workdays.is_workday(_dt.date(year, 1, 1))
        return True
    except workdays.NotCovered:
        return False


def calendar_data(as_of: _dt.date) -> dict:
    """The working-day calendar of every year the pinned calendar covers (a contiguous run of years): statutory
    holidays and working weekends as "MMDD" per year. In the browser a day is a working day when it is a working
    weekend, or a Monday to Friday that is not a holiday -- checked here against workdays for every day."""
    year = as_of.year
    while not _covered(year) and year > 1900:  # the calendar may end before the build's year
        year -= 1
    if not _covered(year):
        return {"name": workdays.CALENDAR, "years": None, "holidays": {}, "working_weekends": {}}
    first = last = year
    while _covered(first - 1):
        first -= 1
    while _covered(last + 1):
        last += 1
    holidays, working = {}, {}
    day = _dt.date(first, 1, 1)
    while day.year <= last:
        holiday, workday, weekend = workdays.is_holiday(day), workdays.is_workday(day), day.weekday() > 4
        if workday != ((weekend and workday) or (not weekend and not holiday)):
            raise ValueError(f"the calendar's rule does not hold on {day}: the browser would differ")
        if holiday:
            holidays.setdefault(str(day.year), []).append(day.strftime("%m%d"))
        if weekend and workday:
            working.setdefault(str(day.year), []).append(day.strftime("%m%d"))
        day += _dt.timedelta(days=1)
    join = lambda by_year: {y: " ".join(days) for y, days in by_year.items()}  # noqa: E731
    return {"name": workdays.CALENDAR, "years": [first, last], "holidays": join(holidays),
            "working_weekends": join(working)}
