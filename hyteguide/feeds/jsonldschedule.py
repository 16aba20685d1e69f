"""schema.org Schedules of an activity's rules (its EventSeries' eventSchedule), and what of
them follows the build day (day_parts: the build cache compares it between days)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from hyteguide.feeds.jsonldvalues import DAY_URLS, Context, Data, clean, clock
from hyteguide.model import Activity, MonthlyDay, ScheduleRule, TimeRange
from hyteguide.schedule.occurrences import (
    is_skipped,
    recurring_dates,
    rolling_horizon,
    rule_dates,
)


@dataclass(frozen=True)
class _Pattern:
    """One part of a rule as a Schedule can say it, and which days it yields."""

    fields: Data
    matches: Callable[[dt.date], bool]


def _patterns(rule: ScheduleRule) -> list[_Pattern]:
    """The rule's recurring parts that schema.org's Schedule can express (none for rrule)."""
    if rule.kind == "weekly":
        return [_Pattern({"repeatFrequency": f"P{rule.every}W",
                          "byDay": [DAY_URLS[d] for d in rule.weekly]},
                         lambda day: day.weekday() in rule.weekly)]
    if rule.kind != "monthly":
        return []
    found = []
    numbers = [m.ordinal for m in rule.monthly if m.weekday is None]
    if numbers:
        found.append(_Pattern({"repeatFrequency": "P1M", "byMonthDay": numbers},
                              lambda day: day.day in numbers))
    for m in rule.monthly:
        if m.weekday is not None and 1 <= m.ordinal <= 5:  # 'last' has no byMonthWeek value
            found.append(_Pattern({"repeatFrequency": "P1M", "byDay": [DAY_URLS[m.weekday]],
                                   "byMonthWeek": [m.ordinal]}, _nth_weekday(m)))
    return found


def _nth_weekday(m: MonthlyDay) -> Callable[[dt.date], bool]:
    return lambda day: day.weekday() == m.weekday and (day.day - 1) // 7 + 1 == m.ordinal


def rule_day_parts(rule: ScheduleRule, today: dt.date, horizon: dt.date
                   ) -> tuple[tuple[dt.date, ...], tuple[dt.date, ...]]:
    """What of a rule's Schedules follows the build day: the days from today on that its
    recurrence yields but that are not held (exceptions, skipped holidays) or are cancelled,
    up to `until`, else the rolling year's end or the last exception or cancellation; and
    its single days (`dates`, `also`) from today on that are not cancelled."""
    not_held = _not_held_from(rule, today, horizon) if rule.kind in ("weekly", "monthly") \
        else ()
    # Exceptions take out listed dates, never extra (`also`) days.
    cancelled = {c.date for c in rule.cancelled}
    if rule.kind == "dates":
        singles = [d for d in rule.dates if not is_skipped(rule, d)]
    else:  # extra days are held on holidays and in breaks too, but only within the rule
        singles = [d for d in rule.also
                   if (rule.start or d) <= d <= (rule.until or d)]
    return not_held, tuple(d for d in sorted(set(singles)) if d >= today and d not in cancelled)


def day_parts(activity: Activity, today: dt.date) -> tuple:
    """What of an activity's structured data follows the build day (rule_day_parts of each
    rule, published a rolling year ahead): the build cache compares it between days."""
    horizon = rolling_horizon(today)
    return tuple(rule_day_parts(rule, today, horizon) for rule in activity.schedule)


@lru_cache(maxsize=1024)  # a page's languages come one after another (render.render_all)
def _not_held_from(rule: ScheduleRule, today: dt.date, horizon: dt.date
                   ) -> tuple[dt.date, ...]:
    first = max(rule.start or today, today)
    last = rule.until or max([horizon, *(x.end for x in rule.exceptions),
                              *(c.date for c in rule.cancelled)])
    if first > last:
        return ()
    recurring = {d for days in recurring_dates(rule, first, last) for d in days}
    skipped = recurring - set(rule_dates(rule, first, last))
    cancelled = {c.date for c in rule.cancelled if first <= c.date <= last}
    return tuple(sorted(skipped | cancelled))


def _times(rule: ScheduleRule) -> tuple[TimeRange | None, ...]:
    return rule.times or (None,)


def _time_fields(time: TimeRange | None) -> Data:
    """startTime and endTime (earlier than startTime when it is on the next day); a start
    alone has no endTime."""
    if time is None:
        return {}
    if time.end is None:
        return {"startTime": clock(time.start)}
    return {"startTime": clock(time.start), "endTime": clock(time.end)}


def rule_schedules(rule: ScheduleRule, ctx: Context) -> list[Data]:
    """A schedule rule as schema.org Schedules: one per recurring part and time of day
    (P1W/P2W/P1M with byDay, byMonthWeek or byMonthDay, from/until, exceptDate), and one per
    single day (`date`, `also`). Parts it cannot express (rrule, 'last fri') are left out."""
    zone = ctx.zone.key
    not_held, singles = rule_day_parts(rule, ctx.today, ctx.horizon)
    found: list[Data] = []
    for pattern in _patterns(rule):
        excepted = [d.isoformat() for d in not_held if pattern.matches(d)]
        for time in _times(rule):
            found.append(clean({
                "@type": "Schedule",
                **pattern.fields,
                "startDate": rule.start.isoformat() if rule.start else None,
                "endDate": rule.until.isoformat() if rule.until else None,
                **_time_fields(time),
                # a time of several days: how long each lasts (ISO 8601, as schema.org's)
                "duration": f"P{rule.days}D" if rule.days > 1 else None,
                "exceptDate": excepted,
                "scheduleTimezone": zone,
            }))
    last = dt.timedelta(days=rule.days - 1)  # a time of several days ends on its last day
    for day in singles:
        for time in _times(rule):
            found.append({"@type": "Schedule", "startDate": day.isoformat(),
                          "endDate": (day + last).isoformat(), **_time_fields(time),
                          "scheduleTimezone": zone})
    return found
