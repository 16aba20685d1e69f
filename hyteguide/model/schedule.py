"""The model of an activity's schedule: its rules, their days of the month, excepted ranges and
cancelled days (part of model.py's classes, which re-exports them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: model.py imports this module
    from hyteguide.model.values import Text, TimeRange


@dataclass(frozen=True)
class MonthlyDay:
    """A day of the month: the Nth (or last: -1) weekday, or a day number when weekday is None."""

    ordinal: int
    weekday: int | None = None


@dataclass(frozen=True)
class DateRange:
    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    start: dt.date  # `from`
    end: dt.date  # `until`
    # (end of declared fields)


@dataclass(frozen=True)
class Cancellation:
    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    date: dt.date
    note: Text | None = None
    # (end of declared fields)


@dataclass(frozen=True)
class ScheduleRule:
    """One rule of an activity's schedule: weekly, monthly or on given dates."""

    # Declared in content/schema/ (tools/declare.py writes these lines from there):
    weekly: tuple[int, ...] = ()
    every: int = 1
    monthly: tuple[MonthlyDay, ...] = ()
    dates: tuple[dt.date, ...] = ()  # `date`
    rrule: str | None = None
    times: tuple[TimeRange, ...] = ()  # `time`
    days: int = 1
    start: dt.date | None = None  # `from`
    until: dt.date | None = None
    exceptions: tuple[DateRange, ...] = ()  # `except`
    also: tuple[dt.date, ...] = ()
    cancelled: tuple[Cancellation, ...] = ()
    holidays: str | None = None
    note: Text | None = None
    place: str | None = None
    # (end of declared fields)

    @property
    def skips_holidays(self) -> bool:
        return self.holidays == "skip" or (self.holidays is None and self.kind != "dates")

    @property
    def kind(self) -> str:
        if self.rrule:
            return "rrule"
        return "weekly" if self.weekly else "monthly" if self.monthly else "dates"
