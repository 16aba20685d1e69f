"""Derive: schedule rules → dated occurrences, and the recurring series calendar apps read.

All dates and times are local to the site's time zone: a weekly 18:00 group is at 18:00 on
both sides of a clock change. Rules expand with dateutil's RFC 5545 engine; Finnish public
holidays come from the maintained `holidays` package.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from dateutil import rrule as du

from hyteguide.common.times import WEEKDAY_CODES
from hyteguide.model import Activity, Cancellation, ScheduleRule, Text, TimeRange
from hyteguide.schedule.wallclock import shown

# Rules without `from` are checked over a fixed span, so `check` never depends on the day.
REFERENCE_START = dt.date(2024, 1, 1)
CHECK_SPAN = dt.timedelta(days=4 * 366)
# How far ahead a rule without an end (no `until`) is published: its next dates on a page and
# its series in calendar files reach a rolling year from the build's day.
ROLLING_YEAR = dt.timedelta(days=366)
# Nothing is published further ahead than this, whatever a rule says (`until: 2099-12-31` would
# otherwise give every calendar file decades of holidays as EXDATEs and of time zone changes);
# each build moves it on, and subscribed calendars fetch again.
PUBLISHED_AHEAD = 2 * ROLLING_YEAR


@dataclass(frozen=True)
class Occurrence:
    """One dated time an activity is held (or was to be held, when cancelled)."""

    activity: Activity
    date: dt.date
    time: TimeRange | None = None
    cancelled: bool = False
    note: Text | None = None
    days: int = 1  # how many days in a row it lasts (a camp): listed on its first day
    place: str | None = None  # where it is held: its rule's place, else the activity's

    @property
    def last_date(self) -> dt.date:
        """The day it ends on (its time ends then; the date itself for one day)."""
        return self.date + dt.timedelta(days=self.days - 1)

    @property
    def sort_key(self) -> tuple:
        start = self.time.start if self.time else dt.time.min
        return (self.date, start, *self.activity.title_order)


@dataclass(frozen=True)
class Series:
    """One series of an activity, as one calendar event (VEVENT) shows it.

    `start` is the first day of the recurrence (DTSTART), `recurrence` its RRULE without
    UNTIL (`until` is the last day it yields), `exdates` the days the recurrence yields that
    are not held, `cancelled` held-but-cancelled days with their notes. A single day (from
    `date` or `also`) is a series of its own without recurrence: many calendar apps drop
    RDATEs (Outlook ignores an event with RDATE and no RRULE; Google hides RDATEs after UNTIL).
    """

    activity: Activity
    rule_index: int
    part_index: int
    time_index: int
    rule: ScheduleRule
    time: TimeRange | None
    start: dt.date
    recurrence: str | None
    until: dt.date | None
    exdates: tuple[dt.date, ...]
    cancelled: tuple[Cancellation, ...]

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """Every day the series is shown on (cancelled ones included), in order."""
        if not self.recurrence or self.until is None:
            return (self.start,)
        excluded = set(self.exdates)
        return tuple(d for d in _expand(self.recurrence, self.start, self.start, self.until)
                     if d not in excluded)


@lru_cache(maxsize=64)
def finnish_holidays(year: int) -> frozenset[dt.date]:
    """Finnish public holidays of a year (from the maintained `holidays` package)."""
    return frozenset(holidays.country_holidays("FI", years=year))


def is_holiday(day: dt.date) -> bool:
    return day in finnish_holidays(day.year)


def recurrences(rule: ScheduleRule) -> tuple[str, ...]:
    """The rule as RFC 5545 RECUR values; a monthly rule mixing day numbers and weekdays
    needs two (BYMONTHDAY and BYDAY together would mean days that are both)."""
    if rule.rrule:
        return (rule.rrule,)
    if rule.weekly:
        interval = f"INTERVAL={rule.every};" if rule.every > 1 else ""
        days = ",".join(WEEKDAY_CODES[d] for d in rule.weekly)
        return (f"FREQ=WEEKLY;{interval}BYDAY={days};WKST=MO",)
    numbers = [str(m.ordinal) for m in rule.monthly if m.weekday is None]
    weekdays = [f"{m.ordinal}{WEEKDAY_CODES[m.weekday]}" for m in rule.monthly
                if m.weekday is not None]
    return tuple(value for value in (
        "FREQ=MONTHLY;BYMONTHDAY=" + ",".join(numbers) if numbers else "",
        "FREQ=MONTHLY;BYDAY=" + ",".join(weekdays) if weekdays else "") if value)


@lru_cache(maxsize=4096)
def _parsed(recurrence: str, anchor: dt.date) -> du.rrulebase:
    """The recurrence from anchor, parsed once per pair (rrulestr may give a rule or a set)."""
    return du.rrulestr(recurrence, dtstart=dt.datetime.combine(anchor, dt.time()))


# Many activities share a recurrence and its span ("every Tuesday" from today for a year):
# each is expanded once (the expansion was most of the feeds' time).
@lru_cache(maxsize=8192)
def _expand(recurrence: str, anchor: dt.date, first: dt.date, last: dt.date
            ) -> tuple[dt.date, ...]:
    """Days a recurrence counted from anchor (its DTSTART) yields from first to last."""
    if first > last:
        return ()
    found = _parsed(recurrence, anchor).between(
        dt.datetime.combine(first, dt.time()), dt.datetime.combine(last, dt.time()), inc=True)
    return tuple(d.date() for d in found)


def _anchor(rule: ScheduleRule, first: dt.date) -> dt.date:
    """Where a rule's recurrence is counted from: `from` (every 2nd week, COUNT) or the window."""
    return rule.start or first


def _bounds(rule: ScheduleRule, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    first = max(start, rule.start) if rule.start else start
    last = min(end, rule.until) if rule.until else end
    return first, last


def recurring_dates(rule: ScheduleRule, start: dt.date, end: dt.date
                    ) -> list[tuple[dt.date, ...]]:
    """Per RECUR value, the days it yields from start to end within the rule's bounds,
    before exceptions and holidays."""
    first, last = _bounds(rule, start, end)
    return [_expand(value, _anchor(rule, first), first, last) for value in recurrences(rule)]


def is_skipped(rule: ScheduleRule, day: dt.date) -> bool:
    """Whether the rule's exceptions or holiday setting take a recurring day out."""
    if rule.skips_holidays and is_holiday(day):
        return True
    return any(x.start <= day <= x.end for x in rule.exceptions)


def rule_dates(rule: ScheduleRule, start: dt.date, end: dt.date) -> list[dt.date]:
    """The days a rule is held on from start to end (inclusive), exceptions applied."""
    first, last = _bounds(rule, start, end)
    if first > last:
        return []
    if rule.kind == "dates":
        days = {d for d in rule.dates if first <= d <= last and not is_skipped(rule, d)}
    else:
        days = {d for values in recurring_dates(rule, first, last) for d in values
                if not is_skipped(rule, d)}
        days.update(d for d in rule.also if first <= d <= last)
    return sorted(days)


def first_date(rule: ScheduleRule) -> dt.date | None:
    """The first day a rule is ever held, or None when it yields nothing at all."""
    start = rule.start or REFERENCE_START
    end = rule.until or start + CHECK_SPAN
    if rule.kind == "dates":
        held = [d for d in rule.dates if not is_skipped(rule, d)]
        return min(held) if held else None
    candidates = [d for d in rule.also if start <= d <= end]
    for value in recurrences(rule):
        for moment in _parsed(value, rule.start or start).xafter(
                dt.datetime.combine(start, dt.time()), inc=True):
            day = moment.date()
            if day > end:
                break
            if not is_skipped(rule, day):
                candidates.append(day)
                break
    return min(candidates) if candidates else None


def recurs_on(rule: ScheduleRule, day: dt.date) -> bool:
    """Whether the rule's recurrence (before exceptions) or its dates include a day."""
    if rule.kind == "dates":
        return day in rule.dates
    return day in rule.also or any(day in days for days in recurring_dates(rule, day, day))


def activity_occurrences(activity: Activity, start: dt.date, end: dt.date,
                         zone: ZoneInfo | None = None) -> list[Occurrence]:
    """Occurrences of an activity from start to end inclusive, cancellations marked. With
    the site's zone, each time is as the clock shows it that day (wallclock.shown: a time a
    clock change skips is an hour later); without, as written."""
    found: dict[tuple, Occurrence] = {}  # the same day and time from two rules: shown once
    for rule in activity.schedule:
        cancelled = {c.date: c for c in rule.cancelled}
        for day in rule_dates(rule, start, end):
            cancellation = cancelled.get(day)
            note = cancellation.note if cancellation else None
            for written in rule.times or (None,):
                time = shown(day, written, zone) if written and zone else written
                place = rule.place or activity.place
                found.setdefault((day, time, cancellation is not None, note, rule.days, place),
                                 Occurrence(activity, day, time, cancellation is not None, note,
                                            rule.days, place))
    return sorted(found.values(), key=lambda o: o.sort_key)


def rolling_horizon(today: dt.date) -> dt.date:
    """The last day a rule without an end is published to from today (a rolling year): the
    pages' structured data and its exceptions reach it."""
    return today + ROLLING_YEAR


def last_day(rule: ScheduleRule, start: dt.date) -> dt.date:
    """The last day a rule may be held on when published from start: its `until`, the last of
    its dates, or (for a rule without an end) a rolling year from start or from its `from`."""
    extra = max(rule.also, default=start)
    if rule.kind == "dates":
        return max(rule.dates, default=start)
    return max(rule.until or max(start, rule.start or start) + ROLLING_YEAR, extra)


def published_end(activity: Activity, start: dt.date) -> dt.date:
    """The last day any of the activity's rules may be held on, published from start: at most
    PUBLISHED_AHEAD from it."""
    end = max((last_day(rule, start) for rule in activity.schedule), default=start)
    return min(end, start + PUBLISHED_AHEAD)


def next_occurrences(activity: Activity, start: dt.date, count: int,
                     first_look: dt.timedelta = dt.timedelta(weeks=8),
                     zone: ZoneInfo | None = None) -> list[Occurrence]:
    """The activity's first `count` occurrences from start on (cancelled ones included),
    however far ahead they are: a June camp seen in December lists its June days. Looks a
    few weeks ahead first, and as far as the activity's last rule reaches only when that
    gave too few (most weekly groups need no more)."""
    end = published_end(activity, start)
    near = min(end, start + first_look)
    found = activity_occurrences(activity, start, near, zone)
    if len(found) < count and near < end:
        found = activity_occurrences(activity, start, end, zone)
    return found[:count]


LOOKBACK = dt.timedelta(days=62)


def listed_since(activity: Activity, today: dt.date, edited: dt.date | None = None) -> dt.date:
    """The first day the activity's next dates, listed from today, have been what they are
    (its page says its list was made then): the day after its last occurrence before today,
    or after its file's last change if that is later. Without an occurrence in the weeks
    before, the first day of today's month. The same on each day until another occurrence
    passes, so a page that lists the same dates comes out the same the next day."""
    past = activity_occurrences(activity, today - LOOKBACK, today - dt.timedelta(days=1))
    since = past[-1].date + dt.timedelta(days=1) if past else today.replace(day=1)
    if edited and edited > since:
        since = min(edited, today)
    return since


def activity_series(activity: Activity, start: dt.date, end: dt.date) -> list[Series]:
    """The activity's occurrences from start to end as recurring series, one per rule part
    and time of day; expanding them gives exactly `activity_occurrences`."""
    found: list[Series] = []
    claimed: set[tuple[dt.date, TimeRange | None]] = set()
    for rule_index, rule in enumerate(activity.schedule):
        held = rule_dates(rule, start, end)
        parts = [] if rule.kind == "dates" else recurring_dates(rule, start, end)
        for time_index, time in enumerate(rule.times or (None,)):
            # A day another rule (or part) already gives at this time is shown only once.
            todo = {d for d in held if (d, time) not in claimed}
            made: list[Series] = []
            for part_index, raw in enumerate(parts):
                kept = [d for d in raw if d in todo]
                if not kept:
                    continue
                todo.difference_update(kept)
                held_here = set(kept)
                made.append(Series(
                    activity, rule_index, part_index, time_index, rule, time, kept[0],
                    without_count(recurrences(rule)[part_index]), kept[-1],
                    tuple(d for d in raw if kept[0] < d < kept[-1] and d not in held_here), ()))
            made += [Series(activity, rule_index, len(parts), time_index, rule, time, day,
                            None, None, (), ()) for day in sorted(todo)]
            for series in made:
                shown = set(series.dates)
                found.append(replace(series, cancelled=tuple(
                    c for c in rule.cancelled if c.date in shown)))
                claimed.update((d, time) for d in shown)
    return found


def without_count(recurrence: str) -> str:
    """COUNT is replaced by the series' UNTIL, since the series starts inside the window."""
    return ";".join(p for p in recurrence.split(";") if not p.startswith("COUNT="))
