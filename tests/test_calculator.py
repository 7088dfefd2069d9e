"""The calculator page's data is the domain's: every value the browser answers from is computed by the same
functions ``decide`` uses (the browser test then runs every case file through the page's script)."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import ROOT
from tools.domain import durations, workdays
from tools.domain.citations import citations_info
from tools.domain.decide import default_information
from tools.domain.repair import regimes_in_force, service_in_force
from tools.domain.sanctions import measures_for_list
from tools.model.repository import load_repository
from tools.site import calculator
from tools.site.calculator import PERIOD_KEYS, calculator_data

AS_OF = dt.date(2026, 11, 29)


@pytest.fixture(scope="module")
def repo():
    return load_repository(ROOT)[0]


@pytest.fixture(scope="module")
def data(repo):
    return calculator_data(repo, AS_OF)


def _on(timeline, day: dt.date):
    """The browser's reading of a timeline [[from, value], …]."""
    value = None
    for start, v in timeline:
        if start is None or start <= day.isoformat():
            value = v
    return value


def _days(first: dt.date, last: dt.date):
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


def _cites(data, refs):
    return [(data["citations"][i][0], data["citations"][i][1], data["citations"][i][2],
             data["documents"][data["citations"][i][0]]) for i in refs]


def _resolved(repo, citations):
    return [(c["doc"], c["provision"], c["label"], c["title"]) for c in citations_info(repo, citations, AS_OF)]


def test_the_regimes_are_the_records(repo, data):
    records = {r.id: r for r in repo.of_kind("repair_regime")}
    assert [r["id"] for r in data["regimes"]] == list(records)
    for reg in data["regimes"]:
        rec = records[reg["id"]].data
        assert reg["periods"] == {sev: {k: p[k] for k in PERIOD_KEYS if k in p} for sev, p in rec["periods"].items()}
        assert reg["periods"]["general"]["minimum"] == rec["periods"]["general"]["minimum"]
        assert (reg["from"], reg["to"]) == tuple(
            rec[k].isoformat() if rec.get(k) else None for k in ("effective_from", "effective_to"))
        assert reg["name"] == records[reg["id"]].title
        assert _cites(data, reg["basis"]) == _resolved(repo, rec.get("basis"))
        assert _cites(data, reg["start"]["counting"]) == _resolved(repo, rec["period_start"].get("counting"))
        service = rec.get("service")
        assert reg["service"] == (None if not service else {
            "days": service["time_limit_working_days"], "basis": reg["service"]["basis"]})


def test_the_regime_and_service_in_force_on_every_day_are_the_domain_functions(repo, data):
    entries = {e.data.get("information_kind"): e for e in repo.of_kind("catalog_entry")
               if e.data.get("nature") == "adverse"}
    assert set(data["regime_in_force"]) == set(entries)
    for day in _days(dt.date(2019, 1, 1), dt.date(2027, 12, 31)):
        for kind, entry in entries.items():
            regimes = regimes_in_force(repo, kind, day)
            assert _on(data["regime_in_force"][kind], day) == (regimes[0].id if regimes else None), (kind, day)
            by = service_in_force(repo, entry, day)
            assert _on(data["service_in_force"][kind], day) == (by.id if by else None), (kind, day)
    assert _on(data["regime_in_force"]["administrative_penalty"], dt.date(2025, 3, 1)) == "repair-regime-2023"
    assert _on(data["regime_in_force"]["administrative_penalty"], dt.date(2019, 6, 30)) is None


def test_the_measures_of_each_list_are_measures_for_list(repo, data):
    for item in data["lists"]:
        regime = repo.get(item["id"], "list_regime")
        for day in (dt.date(2020, 1, 1), dt.date(2025, 12, 1), AS_OF):
            expected = [(m["id"], row["row"], row["content"], row["implementers"], row["matters"],
                         [(b["doc"], b["provision"], b["label"], b["title"]) for b in row["basis"]])
                        for m in measures_for_list(repo, regime, day) for row in m["rows"]]
            rows = [data["rows"][i] for i in _on(item["measures"], day)]
            assert [(r["measure"], r["row"], r["content"], r["implementers"], r["matters"], _cites(data, r["basis"]))
                    for r in rows] == expected, (item["id"], day)
    market = next(x for x in data["lists"] if x["id"] == "market-regulation-serious-list")
    assert len({data["rows"][i]["measure"] for i in _on(market["measures"], AS_OF)}) == 6
    assert market["repair"]["minimum_period"] == "P1Y" and market["repair"]["time_limit_working_days"] == 15


def test_the_entries_and_the_default(repo, data):
    assert data["default_information"] == default_information(repo).id == "administrative-penalty-info-2024"
    entry = next(e for e in data["entries"] if e["id"] == "administrative-penalty-info-2024")
    rec = repo.get("administrative-penalty-info-2024").data
    assert entry["current"] and entry["subjects"] == rec["subjects"] and entry["kind"] == "administrative_penalty"
    assert entry["repair"]["materials"] == rec["repair"]["materials"]
    assert _cites(data, entry["exclusions"]["simplified_procedure"]["basis"]) == _resolved(
        repo, rec["penalty_exclusions"]["simplified_procedure"]["basis"])
    assert not next(e for e in data["entries"] if e["id"] == "administrative-penalty-info")["current"]


def test_the_calendar_is_the_domain_calendar_day_by_day(data):
    cal = data["calendar"]
    first, last = cal["years"]
    holidays = {f"{y}-{d[:2]}-{d[2:]}" for y, days in cal["holidays"].items() for d in days.split()}
    working = {f"{y}-{d[:2]}-{d[2:]}" for y, days in cal["working_weekends"].items() for d in days.split()}
    for day in _days(dt.date(first, 1, 1), dt.date(last, 12, 31)):
        key = day.isoformat()
        assert (key in holidays) == workdays.is_holiday(day), key
        browser_workday = key in working or (day.weekday() < 5 and key not in holidays)
        assert browser_workday == workdays.is_workday(day), key
    for year in (first - 1, last + 1):
        with pytest.raises(workdays.NotCovered):
            workdays.is_workday(dt.date(year, 6, 1))
    assert "2025-06-02" in holidays or "2025-06-01" in holidays  # 端午节 2025
    assert "2026-10-10" in working  # 国庆节调休上班
    assert cal["name"] == workdays.CALENDAR


def test_periods_are_named_by_the_domain(data):
    assert data["words"]["durations"] == {k: durations.zh(k) for k in data["words"]["durations"]}
    assert data["words"]["durations"]["P3M"] == "3个月"


def test_the_site_has_the_page_and_its_data(repo):
    from tools.rules import all_rules
    from tools.site.pages import Site

    pages = Site(repo, all_rules(), AS_OF, "test").pages()
    assert json.loads(pages[calculator.DATA]) == calculator_data(repo, AS_OF)
    page = pages[calculator.PAGE]
    assert 'title: 公示期限与信用修复计算' in page and '<script src="../assets/calculator.js"></script>' in page
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "calculator.md" in config and "calculator.js" not in config  # loaded by its page only
    assert (ROOT / "docs" / "assets" / "calculator.js").is_file()


def test_a_repository_without_regimes_or_lists_still_gets_data(mini_repo):
    repo = load_repository(mini_repo)[0]
    data = json.loads(json.dumps(calculator_data(repo, AS_OF)))
    assert data["calendar"]["years"] and isinstance(data["entries"], list)
