"""ISO 8601 durations (P3M, P1Y6M, P15D): the one implementation of parsing, Chinese wording, comparison and
adding a period to a date.

The syntax is the schema's DURATION_PATTERN, so what the schema accepts is exactly what parses here.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from tools.model.schemas import DURATION_PATTERN
from tools.domain import numerals

_ISO = re.compile(DURATION_PATTERN)
_ZH_PART = re.compile(r"(\d+|[零〇一二两三四五六七八九十百]+)\s*(年|个月|月|周|星期|日|天)")
_ZH_UNITS = {"年": "years", "个月": "months", "月": "months", "周": "weeks", "星期": "weeks", "日": "days", "天": "days"}


@dataclass(frozen=True)
class Duration:
    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0

    @classmethod
    def parse(cls, value) -> "Duration | None":
        """P3M -> Duration(months=3); None for anything that is not an ISO 8601 duration of the schema's form."""
        return _parse(value) if isinstance(value, str) else None

    @classmethod
    def from_zh(cls, text) -> "Duration | None":
        """'3个月' -> P3M, '1年6个月' -> P1Y6M, '15天' -> P15D, '三年' -> P3Y; None when the text is not only such parts."""
        text = str(text or "").strip()
        parts = _ZH_PART.findall(text)
        if not parts or _ZH_PART.sub("", text).strip():
            return None
        amounts: dict = {}
        for n, unit in parts:
            field = _ZH_UNITS[unit]
            amounts[field] = amounts.get(field, 0) + (int(n) if n.isdigit() else numerals.from_zh(n))
        return cls(**amounts)

    def iso(self) -> str:
        parts = [f"{n}{u}" for n, u in zip((self.years, self.months, self.weeks, self.days), "YMWD") if n]
        return "P" + ("".join(parts) or "0D")

    def zh(self) -> str:
        """1年6个月, 3个月, 2周, 15日."""
        parts = [f"{n}{u}" for n, u in zip((self.years, self.months, self.weeks, self.days), ("年", "个月", "周", "日"))
                 if n]
        return "".join(parts) or "0日"

    def approx_days(self) -> int:
        """A length in days for comparing periods (a year counted as 365 days, a month as 30)."""
        return self.years * 365 + self.months * 30 + self.weeks * 7 + self.days

    def add_to(self, start: _dt.date) -> _dt.date:
        """The calendar date this period after ``start``: years and months first, landing on the month's last
        day when the day does not exist (2024-08-31 + P1M = 2024-09-30), then weeks and days."""
        return start + relativedelta(years=self.years, months=self.months, weeks=self.weeks, days=self.days)


@lru_cache(maxsize=4096)  # a pure function of a short string: the same few periods are parsed again and again
def _parse(value: str) -> Duration | None:
    m = _ISO.match(value)
    if not m:
        return None
    y, mo, w, d = (int(g[:-1]) if g else 0 for g in m.groups())
    return Duration(y, mo, w, d)


def zh(value) -> str:
    """A period written in Chinese for people: P3M -> 3个月. Text that is not a duration is shown as it is."""
    d = Duration.parse(value)
    if d is not None:
        return d.zh()
    return str(value) if value else ""


def approx_days(value) -> int | None:
    d = Duration.parse(value)
    return d.approx_days() if d is not None else None
