"""What an activity's written time means on a given day: the one place that reads it.

A `time:` is local wall-clock time ("18:00-20:00"), the same on both sides of a clock change.
Three cases need a reading, and every output (pages, the calendar, JSON-LD, open data,
calendar files) takes it from here so that they agree:

- Overnight: "22:00-02:00" ends at 02:00 on the next day; it is listed on its start day.
- No end: "18:45" is a start alone. Pages say "from 18.45", JSON-LD and open data give no
  end; a calendar file needs an end and gives DEFAULT_DURATION.
- Clock changes, as RFC 5545 (3.3.5) reads local times and Python's zoneinfo does with
  fold=0: a time the spring change skips (03:00–03:59 on the last Sunday of March in Finland)
  is read with the offset before the gap, so an hour later on the clock (03:30 is 04:30); a
  time the autumn change repeats is its first occurrence (still summer time). `check` warns
  of both (clockcheck.py).

Subtracting two aware datetimes of the same tzinfo ignores their offsets: compare instants
in UTC (`exact`).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

from hyteguide.common.times import END_OF_DAY
from hyteguide.model import TimeRange

UTC = dt.UTC
# A calendar event needs an end, and a start alone ("18:45", an evening that begins then)
# gives none. One hour is what calendar apps give a new event by default, so subscribers
# see the length their app would have guessed; pages never show it.
DEFAULT_DURATION = dt.timedelta(hours=1)
DAY_MINUTES = 1440


def minutes(time: TimeRange) -> tuple[int, int]:
    """The time as [start, end) minutes from the midnight before its start: an end on the
    next day is past 1440, and a start alone is its first minute (it clashes with a time
    that covers its start)."""
    start = time.start.hour * 60 + time.start.minute
    end = time.end_minute
    return start, start + 1 if end is None else end


def overlaps(first: TimeRange, second: TimeRange, days_after: int = 0) -> bool:
    """Whether `second`, held days_after days after `first`, shares any minute with it (a
    time past midnight reaches into the next day's times)."""
    a_start, a_end = minutes(first)
    b_start, b_end = (m + days_after * DAY_MINUTES for m in minutes(second))
    return a_start < b_end and b_start < a_end


def local(day: dt.date, clock: dt.time, zone: ZoneInfo) -> dt.datetime:
    """A written wall-clock time on a day, with the zone, fold=0; 24:00 is the next
    midnight. Its fields are as written even when the clock skips them; its instant (in
    UTC) is RFC 5545's reading."""
    if clock == END_OF_DAY:
        return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone)
    return dt.datetime.combine(day, clock, zone)


def exact(moment: dt.datetime) -> dt.datetime:
    """The same instant with the wall-clock time really shown then (a skipped 03:30 becomes
    04:30; the first of two 03:30s keeps fold=0, the second gets fold=1)."""
    return moment.astimezone(UTC).astimezone(moment.tzinfo)


def instance(day: dt.date, time: TimeRange, zone: ZoneInfo, days: int = 1
             ) -> tuple[dt.datetime, dt.datetime]:
    """The exact start and end of the time held on day, as wall-clock times of the zone:
    skipped times read an hour later, repeated ones as the first, an overnight end on the
    next day, no end as start + DEFAULT_DURATION. A time of several days (`days`, a camp)
    ends on its last day. An end a clock change puts at or before the start (which `check`
    refuses) is taken as no end."""
    start = exact(local(day, time.start, zone))
    later = (start.astimezone(UTC) + DEFAULT_DURATION).astimezone(zone)
    if time.end is None:
        return start, later
    end_day = day + dt.timedelta(days=days - 1) if days > 1 \
        else day + dt.timedelta(days=1) if time.overnight else day
    end = exact(local(end_day, time.end, zone))
    if end.astimezone(UTC) <= start.astimezone(UTC):
        return start, later
    return start, end


def shown(day: dt.date, time: TimeRange, zone: ZoneInfo) -> TimeRange:
    """The time as a reader's clock shows it on day: the written one, but for a time a
    clock change skips (03:30 on the last Sunday of March is 04:30), and without an end
    when a clock change leaves none."""
    changed = _changed(day, time, zone)
    if not changed:
        return time
    start, end = instance(day, time, zone)
    begin = start.time().replace(fold=0)
    if time.end is None or _lost_end(day, time, zone):
        return TimeRange(begin)
    if time.end == END_OF_DAY:
        return TimeRange(begin, time.end)
    return TimeRange(begin, end.time().replace(fold=0))


def _lost_end(day: dt.date, time: TimeRange, zone: ZoneInfo) -> bool:
    """Whether a clock change puts the written end at or before the start."""
    assert time.end is not None
    end_day = day + dt.timedelta(days=1) if time.overnight else day
    return local(end_day, time.end, zone).astimezone(UTC) \
        <= local(day, time.start, zone).astimezone(UTC)


def _changed(day: dt.date, time: TimeRange, zone: ZoneInfo) -> bool:
    """Whether a clock change falls on the day or the next (all that can move a time)."""
    return bool(change_on(day, zone) or (time.overnight and change_on(
        day + dt.timedelta(days=1), zone)))


def skipped(moment: dt.datetime) -> bool:
    """Whether a local time (fields as written) does not exist: the clock jumps over it."""
    return exact(moment).replace(tzinfo=None, fold=0) != moment.replace(tzinfo=None, fold=0)


def repeated(moment: dt.datetime) -> bool:
    """Whether a local time happens twice: the clock goes back over it."""
    return not skipped(moment) and \
        moment.replace(fold=0).utcoffset() != moment.replace(fold=1).utcoffset()


@lru_cache(maxsize=4096)
def change_on(day: dt.date, zone: ZoneInfo) -> tuple[dt.time, dt.time] | None:
    """The clock change on a day, as the wall-clock times it goes from and to (03:00 and
    04:00 on a spring night in Finland, 04:00 and 03:00 in autumn), or None."""
    before = dt.datetime.combine(day, dt.time(), zone).utcoffset()
    after = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone).utcoffset()
    if before == after or before is None or after is None:
        return None
    start = dt.datetime.combine(day, dt.time(), zone).astimezone(UTC)
    for quarter in range(1, 24 * 4 + 1):  # zones change on the quarter hour at the finest
        moment = start + dt.timedelta(minutes=15 * quarter)
        if moment.astimezone(zone).utcoffset() != before:
            old = moment.astimezone(dt.timezone(before)).time()
            new = moment.astimezone(zone).time().replace(fold=0)
            return old, new
    return None


@lru_cache(maxsize=256)
def change_days(zone: ZoneInfo, year: int) -> tuple[dt.date, ...]:
    """The days of a year on which the zone's clocks change."""
    day, found = dt.date(year, 1, 1), []
    while day.year == year:
        if change_on(day, zone):
            found.append(day)
        day += dt.timedelta(days=1)
    return tuple(found)


def unambiguous(moment: dt.datetime) -> dt.datetime:
    """An exact moment as a calendar file should write it: in UTC when its wall-clock time
    happens twice (ical.js reads a repeated local time as the later one, RFC 5545 as the
    first), else as it is."""
    return moment.astimezone(UTC) if repeated(moment) else moment


def irregular(day: dt.date, time: TimeRange, zone: ZoneInfo) -> bool:
    """Whether a clock change skips or repeats the start or the end of the time on day:
    such an instance is not where a recurrence's written times put it in every reader, so a
    calendar file writes it as an event of its own (an override)."""
    if not _changed(day, time, zone):
        return False
    moments = [local(day, time.start, zone)]
    if time.end is not None:
        moments.append(local(day + dt.timedelta(days=1) if time.overnight else day,
                             time.end, zone))
    return any(skipped(m) or repeated(m) for m in moments)
