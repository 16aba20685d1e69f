"""Derive: schedule rules → dated occurrences in the site's local time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays
from dateutil import rrule

from .model import Activity, ScheduleRule, Text, TimeRange


@dataclass(frozen=True)
class Occurrence:
    """One dated time an activity is held (or was to be held, when cancelled)."""

    activity: Activity
    date: dt.date
    time: TimeRange | None = None
    cancelled: bool = False
    note: Text | None = None

    @property
    def sort_key(self) -> tuple:
        start = self.time.start if self.time else dt.time.min
        return (self.date, start, self.activity.title.default.casefold(), self.activity.key)


@lru_cache(maxsize=64)
def finnish_holidays(year: int) -> frozenset[dt.date]:
    """Finnish public holidays of a year (from the maintained `holidays` package)."""
    return frozenset(holidays.country_holidays("FI", years=year))


def is_holiday(day: dt.date) -> bool:
    return day in finnish_holidays(day.year)


def rule_dates(rule: ScheduleRule, start: dt.date, end: dt.date) -> list[dt.date]:
    """The days a rule is held on from start to end (inclusive), exceptions applied."""
    first = max(start, rule.start) if rule.start else start
    last = min(end, rule.until) if rule.until else end
    if first > last:
        return []
    if rule.dates:
        days = [d for d in rule.dates if first <= d <= last]
    else:
        days = sorted(set().union(*(_recurrence(rule, r, first, last) for r in _rrules(rule))))
    if rule.holidays == "skip" and not rule.dates:
        days = [d for d in days if not is_holiday(d)]
    return [d for d in days if not any(x.start <= d <= x.end for x in rule.exceptions)]


def _rrules(rule: ScheduleRule) -> list[dict]:
    if rule.weekly:
        return [{"freq": rrule.WEEKLY, "interval": rule.every,
                 "byweekday": [rrule.weekdays[d] for d in rule.weekly]}]
    return [{"freq": rrule.MONTHLY, "bymonthday": m.ordinal} if m.weekday is None
            else {"freq": rrule.MONTHLY, "byweekday": rrule.weekdays[m.weekday](m.ordinal)}
            for m in rule.monthly]


def _recurrence(rule: ScheduleRule, spec: dict, first: dt.date, last: dt.date) -> set[dt.date]:
    # Every-N-weeks rules count their weeks from `from`, so they start there, not at the window.
    anchor = rule.start if rule.every > 1 and rule.start else first
    if spec["freq"] == rrule.WEEKLY and rule.every > 1:
        anchor -= dt.timedelta(days=anchor.weekday())  # count whole weeks from that Monday
    start = dt.datetime.combine(anchor, dt.time())
    until = dt.datetime.combine(last, dt.time())
    return {d.date() for d in rrule.rrule(dtstart=start, until=until, wkst=rrule.MO, **spec)
            if d.date() >= first}


def activity_occurrences(activity: Activity, start: dt.date, end: dt.date) -> list[Occurrence]:
    """Occurrences of an activity from start to end inclusive, cancellations marked."""
    found = []
    for rule in activity.schedule:
        cancelled = {c.date: c for c in rule.cancelled}
        for day in rule_dates(rule, start, end):
            cancellation = cancelled.get(day)
            for time in rule.times or (None,):
                found.append(Occurrence(activity, day, time, cancellation is not None,
                                        cancellation.note if cancellation else None))
    return sorted(set(found), key=lambda o: o.sort_key)
