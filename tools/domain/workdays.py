"""Working days in mainland China: weekends and statutory holidays off, adjusted working weekends on.

The calendar is the maintained package ``chinesecalendar`` (pinned in requirements.txt), which holds the State
Council's annual holiday arrangements. A year it does not hold yet gives an answer of "unknown", never a guess.
"""
from __future__ import annotations

import datetime as _dt
from functools import lru_cache

import chinese_calendar

CALENDAR = f"chinesecalendar {getattr(chinese_calendar, '__version__', '')}".strip()


class NotCovered(ValueError):
    """The calendar holds no holiday arrangement for this year."""

    def __init__(self, year: int):
        super().__init__(year)
        self.year = year

    def zh(self) -> str:
        return (f"{self.year} 年的法定节假日安排尚未收录在所用的节假日日历（{CALENDAR}）中："
                "国务院通常在上一年年底公布，更新日历后才能按工作日计算")


def is_workday(day: _dt.date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        raise NotCovered(day.year) from None


@lru_cache(maxsize=8192)  # the calendar is fixed for a run: a pure function of the day
def is_holiday(day: _dt.date) -> bool:
    """A statutory holiday (not merely a weekend)."""
    try:
        holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        raise NotCovered(day.year) from None
    return bool(holiday and name)


def add_working_days(start: _dt.date, days: int) -> _dt.date:
    """The day on which ``days`` working days after ``start`` have passed (the start day itself not counted)."""
    day, left = start, days
    while left > 0:
        day += _dt.timedelta(days=1)
        if is_workday(day):
            left -= 1
    return day
