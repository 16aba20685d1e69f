"""The model of an activity's schedule: its rules, their days of the month, excepted ranges and
cancelled days (part of model.py's classes, which re-exports them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: model.py imports this module
    from hyteguide.model import Text, TimeRange


@dataclass(frozen=True)
class MonthlyDay:
    """A day of the month: the Nth (or last: -1) weekday, or a day number when weekday is None."""

    ordinal: int
    weekday: int | None = None


@dataclass(frozen=True)
class DateRange:
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Cancellation:
    date: dt.date
    note: Text | None = None


@dataclass(frozen=True)
class ScheduleRule:
    """One rule of an activity's schedule: weekly, monthly or on given dates."""

    weekly: tuple[int, ...] = ()  # weekdays, Monday = 0
    every: int = 1
    monthly: tuple[MonthlyDay, ...] = ()
    dates: tuple[dt.date, ...] = ()
    times: tuple[TimeRange, ...] = ()
    start: dt.date | None = None  # `from`
    until: dt.date | None = None
    exceptions: tuple[DateRange, ...] = ()  # `except`
    cancelled: tuple[Cancellation, ...] = ()
    holidays: str | None = None  # skip | include; None: skip for recurring rules
    note: Text | None = None
    rrule: str | None = None  # an RFC 5545 RECUR value, upper case, without DTSTART and UNTIL
    also: tuple[dt.date, ...] = ()  # extra one-off days of a recurring rule

    @property
    def skips_holidays(self) -> bool:
        return self.holidays == "skip" or (self.holidays is None and self.kind != "dates")

    @property
    def kind(self) -> str:
        if self.rrule:
            return "rrule"
        return "weekly" if self.weekly else "monthly" if self.monthly else "dates"
