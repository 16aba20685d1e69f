"""Checks of a schedule rule's times against the days it is held: clock-change nights, and
an overnight time that runs into the rule's own next day.

Like every check of the days a rule gives, these look at the rule's own span (`from` to
`until`; without them the fixed span of occurrences.first_date), never at the build day, so
`check` says the same whenever it is run. What a time means on a clock-change night is
wallclock.py's reading; here `check` says it to the editor.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import yaml

from hyteguide import model
from hyteguide.common.times import written
from hyteguide.content.fields import Context, node_of
from hyteguide.schedule.occurrences import CHECK_SPAN, REFERENCE_START, rule_dates
from hyteguide.schedule.wallclock import (
    change_days,
    change_on,
    local,
    overlaps,
    repeated,
    shown,
    skipped,
)

DAY = dt.timedelta(days=1)


def span(rule: model.ScheduleRule) -> tuple[dt.date, dt.date]:
    """The days a rule is checked over: its own, or a fixed span from `from` or 2024."""
    start = rule.start or REFERENCE_START
    if rule.kind == "dates":
        return min(rule.dates, default=start), max(rule.dates, default=start)
    end = rule.until or start + CHECK_SPAN
    return min([start, *rule.also]), max([end, *rule.also])


def _touches(time: model.TimeRange, change: tuple[dt.time, dt.time]) -> tuple[bool, bool]:
    """Whether the start, and the end, fall in the hour a change skips or repeats."""
    low, high = sorted(change)
    return low <= time.start < high, time.end is not None and low <= time.end < high


def check_clock_changes(rule: model.ScheduleRule, node: yaml.MappingNode, ctx: Context,
                        where: str) -> None:
    """A time that a clock change skips or repeats on a day the rule is held: a warning
    saying how it is read, or an error when that reading leaves no time at all."""
    if not rule.times:
        return
    zone = ZoneInfo(ctx.zone)
    first, last = span(rule)
    changes = [d for year in range(first.year, last.year + 2) for d in change_days(zone, year)
               if first <= d <= last + DAY]
    for time in rule.times:
        hits = [d for d in _days_moved(rule, time, changes, zone) if first <= d <= last]
        for forward in (True, False):  # skipped times in spring, repeated ones in autumn
            days = [d for d in hits if _change_of(d, time, zone)[1] == forward]
            if days:
                _report(rule, time, days, node, ctx, where, zone)


def _change_of(day: dt.date, time: model.TimeRange, zone: ZoneInfo) -> tuple[dt.date, bool]:
    """The day of the clock change that touches the time held on day, and whether the
    clocks go forward then."""
    change = change_on(day, zone)
    if not (change and any(_touches(time, change))):
        day += DAY
        change = change_on(day, zone)
    assert change is not None
    return day, change[1] > change[0]


def _days_moved(rule: model.ScheduleRule, time: model.TimeRange, changes: list[dt.date],
                zone: ZoneInfo) -> list[dt.date]:
    """The days the rule is held on that a clock change touches this time."""
    candidates = set()
    for change in changes:
        hour = change_on(change, zone)
        assert hour is not None
        start, end = _touches(time, hour)
        if start or (end and not time.overnight):
            candidates.add(change)
        if end and time.overnight:
            candidates.add(change - DAY)
    return [d for d in sorted(candidates) if rule_dates(rule, d, d)]


def _report(rule: model.ScheduleRule, time: model.TimeRange, days: list[dt.date],
            node: yaml.MappingNode, ctx: Context, where: str, zone: ZoneInfo) -> None:
    """One problem per time: the first day it happens from the check date on (else the last
    before it: a day the editor knows the rule by), and how many more there are."""
    ahead = [d for d in days if ctx.today is None or d >= ctx.today]
    day = ahead[0] if ahead else days[-1]
    text = written(time)
    moment = local(day, time.start, zone)
    change_day = _change_of(day, time, zone)[0]
    old, new = change_on(change_day, zone) or (dt.time(), dt.time())
    more = f" (the same on {len(days) - 1} other day{'s' if len(days) > 2 else ''} from " \
           f"{days[0]} to {days[-1]})" if len(days) > 1 else ""
    clocks = f"clocks go {'back ' if new < old else ''}from {old:%H:%M} to {new:%H:%M} on " \
             f"{change_day}"
    read = shown(day, time, zone)
    target = node_of(node, "time")
    at = f"{where}.time"
    if time.end is not None and read.end is None:
        ctx.error(target, at, "clock-change",
                  f"{clocks}, so '{text}' leaves no time on {day}{more}: it would start at "
                  f"{read.start:%H:%M}, which is not before its end at {time.end:%H:%M}",
                  f"add {day} under 'except' (or give that day a rule of its own with a time "
                  "the clock shows), or change the time")
        return
    if new > old:  # the spring change skips an hour: read an hour later on the clock
        gone = time.start if skipped(moment) else time.end
        assert gone is not None
        ctx.error(target, at, "clock-change",
                  f"{clocks}, so {gone:%H:%M} does not exist that day: '{text}' is read as "
                  f"{written(read)}, an hour later on the clock{more}",
                  f"if it is meant otherwise, add {day} under 'except' and give that day a "
                  "rule of its own (- date: …) with a time the clock shows",
                  severity="warning")
        return
    twice = time.start if repeated(moment) else time.end
    ctx.error(target, at, "clock-change",
              f"{clocks}, so {twice:%H:%M} happens twice that day: '{text}' is read "
              f"with the first {twice:%H:%M}, before the clocks go back{more}",
              "calendar apps and the site show the first one; if the later one is meant, say "
              "so in the rule's 'note', or add the day under 'except' and give it a rule of "
              "its own", severity="warning")


def check_overnight(rule: model.ScheduleRule, node: yaml.MappingNode, ctx: Context,
                    where: str) -> None:
    """An overnight time must not run into another of the rule's times on its next day."""
    pairs = [(a, b) for a in rule.times if a.overnight for b in rule.times
             if overlaps(a, b, days_after=1)]
    if not pairs:
        return
    first, last = span(rule)
    held = set(rule_dates(rule, first, last))
    day = next((d + DAY for d in sorted(held) if d + DAY in held), None)
    if day is None:
        return
    a, b = pairs[0]
    ctx.error(node_of(node, "time"), f"{where}.time", "overlapping-times",
              f"'{written(a)}' goes past midnight into '{written(b)}' on the next day the rule "
              f"is held ({day})", "end the night earlier, or correct the other time")
