"""What the rules mean for a published 双公示 record (方案四（二）5): which catalog entry governs it, whether it may be
published at all, how long it may stay published, by when it is due, and whether full identity numbers may be shown.

Every figure comes from the same places as ``decide``: the catalog entry's declarations, the repair regimes in force
on the decision date (``domain.repair.regimes_in_force``), the period arithmetic (``domain.decide.last_day``) and
the working-day calendar (``domain.workdays``). The feed audit (``tools.audit``) maps these functions over the
distinct values of a column; nothing here knows about files or engines.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from tools.domain import workdays
from tools.domain.decide import default_information, last_day
from tools.domain.durations import Duration
from tools.domain.editions import is_current
from tools.domain.repair import regimes_in_force
from tools.model import shuanggongshi as sgs

# 行政处罚法（2021）第五十一条: a fine up to 200 元 for a citizen, 3,000 元 for a legal person or other organisation,
# or a warning, may be decided on the spot (simplified procedure). A 个体工商户 is counted as a citizen: the Civil
# Code places it among natural persons (民法典第一编第二章“自然人”第四节，第五十四条：自然人从事工商业经营，经依法登记，为个体工商户).
# 第五十四条's wording was read only in secondary copies (legal Q&A datasets in public GitHub repositories found with
# the search tool), not in an official text: it is used here as a reading aid for grouping, never cited to users.
SIMPLIFIED_FINE_LIMIT_YUAN = {sgs.NATURAL: 200, sgs.INDIVIDUAL_BUSINESS: 200, sgs.LEGAL: 3000}
SIMPLIFIED_ALONE = ("警告",)  # a penalty that is only a warning
SIMPLIFIED_FINE = "罚款"
DEFAULT_DEADLINE_WORKING_DAYS = 7  # the common local rule: published within 7 working days of the decision
LICENSE_INFORMATION_NAME = "行政许可信息"
INFORMATION_KIND = {sgs.PENALTY: "administrative_penalty", sgs.LICENSE: "administrative_licensing"}


def feed_entry(repo, kind: str):
    """The catalog entry a feed's records are: 行政处罚信息 (as ``decide`` uses it) or 行政许可信息 of the current
    national base catalog; None when the repository holds no single such entry."""
    if kind == sgs.PENALTY:
        return default_information(repo)
    current = {e.id for e in repo.of_kind("catalog_edition") if e.data.get("scope") == "national_base"
               and e.data.get("draft") is not True and is_current(repo, e)}
    found = [r for r in repo.of_kind("catalog_entry") if r.group in current and r.data.get("draft") is not True
             and r.data.get("information_kind") == INFORMATION_KIND[kind]
             and r.data.get("name") == LICENSE_INFORMATION_NAME]
    return found[0] if len(found) == 1 else None


def excludes_simplified(entry) -> bool:
    """The entry declares that penalties decided by the simplified procedure are not public credit information
    (方案四（一）1, declared in the entry's penalty_exclusions)."""
    decl = ((entry.data.get("penalty_exclusions") or {}).get("simplified_procedure") or {}) if entry else {}
    return decl.get("excluded") is True


def full_id_numbers_published(entry) -> bool:
    """Whether the entry's disclosure lets full resident identity numbers be published: only a public entry that
    declares no masking rule. An entry with a masking rule (公开自然人信息时作必要的脱敏处理) or none at all: no."""
    disclosure = (entry.data.get("disclosure") or {}) if entry else {}
    return disclosure.get("attribute") == "public" and not disclosure.get("masking")


def simplified_fine_limit_yuan(subject_type: str) -> int | None:
    return SIMPLIFIED_FINE_LIMIT_YUAN.get(subject_type)


@dataclass(frozen=True)
class Window:
    """The publication window of a penalty decided on ``decided_on`` under the regime then in force: 公示截止期 may
    not be before ``earliest_end`` nor after ``latest_end``. ``exact``: every class of the regime has a minimum,
    so an end before ``earliest_end`` is wrong whatever the (unrecorded) class of the penalty."""
    regime: str
    title: str
    earliest_end: _dt.date | None
    latest_end: _dt.date | None
    exact: bool
    minimum: str | None
    maximum: str | None


def publication_window(repo, decided_on: _dt.date) -> Window | None:
    """The window under the repair regime in force on the decision date (as ``decide`` chooses it), over the
    classes of the regime: the shortest minimum of the classes that are published, the longest maximum of all."""
    regimes = [r for r in regimes_in_force(repo, INFORMATION_KIND[sgs.PENALTY], decided_on)
               if r.data.get("draft") is not True]
    if not regimes:
        return None
    regime = regimes[0]
    periods = [p for p in (regime.data.get("periods") or {}).values() if isinstance(p, dict)]
    minima = [p["minimum"] for p in periods if p.get("minimum") and p.get("publish") is not False]
    maxima = [p["maximum"] for p in periods if p.get("maximum")]
    shortest = min(minima, key=lambda d: Duration.parse(d).approx_days()) if minima else None
    longest = max(maxima, key=lambda d: Duration.parse(d).approx_days()) if maxima else None
    return Window(regime.id, regime.title,
                  last_day(decided_on, shortest) if shortest else None,
                  last_day(decided_on, longest) if longest else None,
                  bool(periods) and all(p.get("minimum") for p in periods), shortest, longest)


def publication_deadline(decided_on: _dt.date, working_days: int) -> _dt.date | None:
    """The last day to publish: ``working_days`` working days after the decision (the decision day not counted);
    None when the holiday calendar does not hold the years involved."""
    try:
        return workdays.add_working_days(decided_on, working_days)
    except workdays.NotCovered:
        return None
