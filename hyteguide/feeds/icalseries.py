"""A series as calendar files give it: its instants (start_of, end_of, RRULE with UNTIL), and
what keeps a feed's events right for subscribers: stable identities, revisions, history, and
the days a clock change would make calendar apps show at the wrong hours.

- **UID.** An event's identity must survive edits that keep its rule: numbering rules by their
  position moved a UID from a monthly rule to a weekly one when a rule was inserted above it,
  and subscribed calendars showed the wrong series. A recurring series is named by what its
  rule is (its recurrence, and its `from` or `until` only when another rule of the activity
  recurs alike) and by the time's place in the rule, so a time changed from 10:00 to 10:30 is
  the same event, changed; a single day by its date and start time.
- **SEQUENCE and LAST-MODIFIED** come from the last commit of the activity's file (history.py):
  an app importing a changed file sees it is newer. Outside git there is no revision to give.
- **History.** Feeds keep the last weeks' events (HISTORY), so subscribers keep what was held.
- **Clock changes.** RFC 5545 gives every instance of a recurrence the exact duration of the
  first one, so a night group 01:00–05:00 whose first date is the spring change night (three
  real hours) would end at 04:00 on every later night. The days an offset change falls on are
  found here (odd_days), and ical.py writes each instance they make unlike the others as an
  override.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zoneinfo
from dataclasses import replace
from functools import lru_cache

from icalendar import vRecur

from hyteguide.feeds.icaltext import Property
from hyteguide.model import TimeRange
from hyteguide.schedule import wallclock
from hyteguide.schedule.occurrences import Series, recurrences, without_count
from hyteguide.schedule.wallclock import instance, irregular, unambiguous

UTC = dt.UTC
HISTORY = dt.timedelta(weeks=4)  # how far back a feed keeps events
# SEQUENCE counts minutes from here to the commit: it grows with every commit, and stays far
# below the 2**31 an INTEGER may hold (until the year 6000).
SEQUENCE_EPOCH = dt.datetime(2000, 1, 1, tzinfo=UTC)


def uid(series: Series, host: str) -> str:
    """The series' UID: stable across builds, languages and edits that keep its rule."""
    activity = series.activity
    if series.recurrence:
        name = f"{rule_key(series)}-{series.time_index + 1}"
    else:
        name = f"{series.start:%Y%m%d}" + (f"T{series.time.start:%H%M}" if series.time else "")
    return f"{name}.{activity.id}.{activity.organisation}@{host}"


def rule_key(series: Series) -> str:
    """A short name for what a recurring series' rule is (a digest of its recurrence). Rules
    of the activity with the same recurrence (an autumn and a spring term on Mondays) are told
    apart by their `from`, else by their `until`, and by their order only if both are the
    same: a term whose end moves keeps its name."""
    recurrence = series.recurrence or ""
    rules = series.activity.schedule
    places = [i for i, rule in enumerate(rules)
              if rule.kind != "dates" and recurrence in map(without_count, recurrences(rule))]
    alike = [rules[i] for i in places]
    words = [recurrence]
    if len(alike) > 1:
        rule = series.rule
        if len({r.start for r in alike}) == len(alike):
            words.append(f"from {rule.start}")
        elif len({r.until for r in alike}) == len(alike):
            words.append(f"until {rule.until}")
        else:
            words.append(f"rule {places.index(series.rule_index)}")
    return hashlib.blake2b("|".join(words).encode(), digest_size=5).hexdigest()


def revision(committed: dt.datetime | None) -> list[Property]:
    """SEQUENCE and LAST-MODIFIED of an event whose file was last committed then; none when
    that is not known (no git history)."""
    if committed is None:
        return []
    instant = committed.astimezone(UTC)
    minutes = int((instant - SEQUENCE_EPOCH).total_seconds() // 60)
    return [("SEQUENCE", "", str(max(minutes, 0))),
            ("LAST-MODIFIED", "", f"{instant:%Y%m%dT%H%M%S}Z")]


def change_days(zone: zoneinfo.ZoneInfo, first: dt.date, last: dt.date) -> list[dt.date]:
    """Days from first to last on which an instance (starting that day, ending by the end of
    the next) may span a change of the zone's clocks (wallclock.change_days): the day of each
    change and the day before it. Only these need a closer look."""
    found = {near for year in range(first.year, last.year + 2)
             for day in wallclock.change_days(zone, year)
             for near in (day - dt.timedelta(days=1), day)}
    return sorted(d for d in found if first <= d <= last)


def exact_length(start: dt.datetime, end: dt.datetime) -> dt.timedelta:
    """The real time between two zoned instants (Python subtracts wall clocks when both share
    a tzinfo, which is what a clock change breaks)."""
    return end.astimezone(UTC) - start.astimezone(UTC)


def wall_length(start: dt.datetime, end: dt.datetime) -> dt.timedelta:
    """The time between two zoned instants as the clock on the wall shows it."""
    return end.replace(tzinfo=None) - start.replace(tzinfo=None)


# -- the instants of a series --------------------------------------------------------------

def start_of(series: Series, day: dt.date, zone: zoneinfo.ZoneInfo) -> dt.date | dt.datetime:
    """An occurrence's exact start (wallclock.instance: a time a clock change skips is an
    hour later), as a local date-time with the zone, in UTC when that local time happens
    twice; the day for an all-day one. On a day wallclock.irregular names, this is not the
    written time the recurrence gives (recurrence_id)."""
    if series.time is None:
        return day
    return unambiguous(instance(day, series.time, zone)[0])


def end_of(series: Series, day: dt.date, zone: zoneinfo.ZoneInfo) -> dt.date | dt.datetime:
    """An occurrence's exact end, written as start_of is: 24:00 and an end before the start
    are on the next day, a start alone ends wallclock.DEFAULT_DURATION later."""
    days = series.rule.days  # a time of several days (a camp) ends on its last day
    if series.time is None:
        return day + dt.timedelta(days=days)
    return unambiguous(instance(day, series.time, zone, days)[1])


def recurrence_id(series: Series, day: dt.date, zone: zoneinfo.ZoneInfo
                  ) -> dt.date | dt.datetime:
    """The start the recurrence itself gives on a day, as RECURRENCE-ID and EXDATE name an
    instance: the written time of day (a reader resolves a time a clock change skips)."""
    if series.time is None:
        return day
    return dt.datetime.combine(day, series.time.start, zone)


def rrule(series: Series, zone: zoneinfo.ZoneInfo) -> vRecur | None:
    """The series' RRULE with UNTIL: for timed series the UTC instant of the end of the last
    day (UNTIL at the exact start of a last instance that a clock change moves loses that
    instance in ical.js), for all-day ones the last DATE."""
    if not series.recurrence or series.until is None:
        return None
    recur = vRecur.from_ical(series.recurrence)
    if series.time is None:
        recur["UNTIL"] = series.until
    else:
        midnight = dt.datetime.combine(series.until + dt.timedelta(days=1), dt.time(), zone)
        recur["UNTIL"] = midnight.astimezone(UTC) - dt.timedelta(seconds=1)
    return recur


def single(series: Series, day: dt.date) -> Series:
    """The series' instance on a day as a series of its own (no recurrence)."""
    return replace(series, start=day, recurrence=None, until=None, exdates=(), cancelled=tuple(
        c for c in series.cancelled if c.date == day))


def split_first(series: Series) -> list[Series]:
    """A recurring series whose first day a clock change lengthens or shortens, as that day
    on its own and the recurrence from the next day. The first instance's length is every
    instance's length: readers that count it in real time (RFC 5545, ical.js) and readers
    that count it on the clock (recurring-ical-events) would each get the later days wrong."""
    first, *later = series.dates
    alone = replace(series, recurrence=None, until=None, exdates=(), cancelled=tuple(
        c for c in series.cancelled if c.date == first))
    if not later:
        return [alone]
    rest = replace(series, start=later[0], exdates=tuple(d for d in series.exdates
                                                         if d > later[0]),
                   cancelled=tuple(c for c in series.cancelled if c.date != first))
    return [alone, rest]


def odd_days(series: Series, zone: zoneinfo.ZoneInfo) -> tuple[dt.date, ...]:
    """The days of a recurring timed series that a clock change makes unlike the others:
    the instance starts at another clock time than written (a skipped time), or lasts another
    time, in real time or on the clock. Calendar apps derive each instance from the first one
    (RFC 5545 by its real length, ical.js by adding that length on the clock, others by its
    clock length), so these are written as overrides with their own start and end; the first
    day, if it is one, as an event of its own (`split_first`)."""
    if series.time is None or series.until is None:
        return ()
    differ = [day for day in change_days(zone, series.start, series.until)
              if _odd_on(day, series.time, zone)]
    if not differ:  # most series: a day activity never spans the night's change
        return ()
    shown = set(series.dates)
    return tuple(day for day in differ if day in shown)


# Tens of thousands of series share a few times of day and the same change nights: each pair
# is looked at once.
@lru_cache(maxsize=4096)
def _odd_on(day: dt.date, time: TimeRange, zone: zoneinfo.ZoneInfo) -> bool:
    """Whether a time held on a day near a clock change is unlike the same time on a usual
    day (a week before): another real or clock length, or a start or end skipped or
    repeated."""
    usual = wall_length(*instance(day - dt.timedelta(weeks=1), time, zone))
    start, end = instance(day, time, zone)
    return exact_length(start, end) != usual or wall_length(start, end) != usual \
        or irregular(day, time, zone)
