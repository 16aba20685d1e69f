"""The schema of an activity's schedule rules: their fields, and the rule checked as a whole
(the days it gives, its times, its exceptions and cancellations)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, ClassVar

import yaml

from hyteguide import model
from hyteguide.common.times import DAY_NAMES, written
from hyteguide.content.choices import Choice, Reference
from hyteguide.content.fields import (
    INVALID,
    LONGEST_NIGHT,
    Context,
    Date,
    FieldType,
    Int,
    TextField,
    TimeRangeField,
    node_of,
)
from hyteguide.content.records import (
    ChoiceOf,
    Field,
    ListOf,
    Mapped,
    Record,
    as_written,
    field_node,
    is_written,
    modelled,
)
from hyteguide.content.schema.common import (
    MonthlyDayField,
    Weekday,
    check_order,
)
from hyteguide.content.schema.rrule import RecurrenceRule
from hyteguide.content.timecheck import check_clock_changes, check_overnight
from hyteguide.schedule.occurrences import (
    CHECK_SPAN,
    REFERENCE_START,
    first_date,
    is_holiday,
    is_skipped,
    recurs_on,
    rule_dates,
)
from hyteguide.schedule.rrulecheck import start_problem
from hyteguide.schedule.wallclock import DEFAULT_DURATION, overlaps

ONE_DAY = dt.timedelta(days=1)


DATE_RANGE = modelled(Record("a date range", (
    Field("from", Date(), True, "first day", "2026-10-19", attr="start"),
    Field("until", Date(), True, "last day", "2026-10-23", attr="end"),
), (check_order("from", "until"),), label="{from: date, until: date}",
    model=model.DateRange))

EXCEPTION = ChoiceOf(Date(), DATE_RANGE, "date, or {from: date, until: date}")


def as_ranges(exceptions: tuple[dt.date | model.DateRange, ...]) -> tuple[model.DateRange, ...]:
    """Excepted days and ranges as ranges in date order (a day is a range of one day); the
    days stay dates until listed, so a day written twice is found."""
    ranges = (e if isinstance(e, model.DateRange) else model.DateRange(e, e) for e in exceptions)
    return tuple(sorted(ranges, key=lambda r: (r.start, r.end)))


def by_time(time: model.TimeRange) -> tuple[dt.time, int]:
    """How a rule's times are kept: by start, then end."""
    return time.order


def by_date(cancellation: model.Cancellation) -> dt.date:
    """How a rule's cancelled days are kept: in date order."""
    return cancellation.date

CANCELLATION_RECORD = Record("a cancellation", (
    Field("date", Date(), True, "the cancelled day", "2026-11-03"),
    Field("note", TextField(), False, "why, shown to readers", "Ohjaaja sairastunut"),
), label="date, or {date: date, note: text}", model=model.Cancellation)

CANCELLATION = ChoiceOf(Mapped(Date(), model.Cancellation),
                        modelled(CANCELLATION_RECORD),
                        CANCELLATION_RECORD.label)


def _check_rule(values: dict[str, Any], node: yaml.MappingNode, ctx: Context, where: str) -> None:
    kinds = [k for k in ("weekly", "monthly", "date", "rrule") if is_written(values, k)]
    if len(kinds) != 1:
        found = " and ".join(f"'{k}'" for k in kinds) if kinds else "none of them"
        ctx.error(node, where, "bad-schedule", "a schedule rule needs exactly one of 'weekly', "
                  f"'monthly', 'date' or 'rrule' ({found})",
                  "split it into separate rules, each starting with '- weekly:', '- monthly:' "
                  "or '- date:'")
        return
    if values["_failed"]:
        return  # the rest reads the rule's days: a value with an error has told what to fix
    if "every" in values and "weekly" not in values:
        ctx.error(field_node(values, "every"), f"{where}.every", "bad-schedule",
                  "'every' goes with 'weekly'",
                  "for every other week write 'weekly' and 'every: 2'")
    elif unanchored := start_problem(values, ctx.today):
        name, message, hint = unanchored
        ctx.error(field_node(values, name), f"{where}.{name}", "bad-schedule", message, hint)
    if "date" in values:
        for name in ("from", "until", "also"):
            if name in values:
                ctx.error(field_node(values, name), f"{where}.{name}", "bad-schedule",
                          f"'{name}' goes with 'weekly', 'monthly' or 'rrule'",
                          "list every day under 'date'")
    _check_times(values, ctx, where)
    _check_days_long(values, ctx, where)


def _check_days_long(values: dict[str, Any], ctx: Context, where: str) -> None:
    """A time that lasts several days must end before the rule's next time begins."""
    days = values.get("days", 1)
    if days == 1:
        return
    starts: list[int] = []  # days from the first start, of the starts a cycle gives
    cycle = None
    if "weekly" in values:
        starts, cycle = sorted(values["weekly"]), 7 * values.get("every", 1)
    elif "monthly" in values:
        starts, cycle = [0], 28  # the shortest month between two starts
    elif "date" in values:
        starts = sorted(d.toordinal() for d in values["date"])
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    if cycle is not None and starts:
        gaps.append(starts[0] + cycle - starts[-1])
    if gaps and days > min(gaps):
        ctx.error(field_node(values, "days"), f"{where}.days", "bad-schedule",
                  f"each time lasts {days} days, but the next one starts {min(gaps)} days "
                  "after it", f"write days: {min(gaps)} at most, or one rule for each time")


def _check_times(values: dict[str, Any], ctx: Context, where: str) -> None:
    if values.get("days", 1) == 1:  # with days, the end is on the last day, not the next
        _check_long_nights(values, ctx, where)
    times = sorted(values.get("time", ()), key=lambda t: t.order)
    for before, after in zip(times, times[1:], strict=False):
        if overlaps(before, after):
            ctx.error(field_node(values, "time"), f"{where}.time", "overlapping-times",
                      f"the times {_range(before)} and {_range(after)} overlap",
                      "merge them into one time range, or correct one of them")


def _check_long_nights(values: dict[str, Any], ctx: Context, where: str) -> None:
    """A time that ends the next day, more than LONGEST_NIGHT hours after it starts, is more
    likely its start and end the wrong way round (14:00-10:00)."""
    if "time" not in values:
        return
    node = field_node(values, "time")
    nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
    quiet = dataclasses.replace(ctx, problems=[])  # read again only to pair nodes and times
    for index, time_node in enumerate(nodes):
        time = ACTIVITY_TIME.convert(time_node, quiet, "")
        if not isinstance(time, model.TimeRange) or not time.overnight or time.end is None:
            continue
        hours = ((time.end_minute or 0) - time.start.hour * 60 - time.start.minute) / 60
        if hours > LONGEST_NIGHT:
            ctx.error(time_node, f"{where}.time[{index}]", "long-overnight",
                      f"'{time_node.value}' ends the next day, {hours:g} hours after it starts",
                      "if the start and the end are the wrong way round, write "
                      f"'{time.end:%H:%M}-{time.start:%H:%M}'", severity="warning")


def _range(time: model.TimeRange) -> str:
    return written(time)


def _check_days(rule: model.ScheduleRule, node: yaml.MappingNode, ctx: Context,
                where: str) -> None:
    """Exceptions, cancellations and extra days must fit the rule; the rule must be held."""
    excepted = {d for x in rule.exceptions for d in _days(x)}
    # An extra day inside an excepted range is held (one summer meeting in a summer break);
    # only a day both added and excepted on its own contradicts itself.
    excepted_alone = {x.start for x in rule.exceptions if x.start == x.end}
    for cancellation in rule.cancelled:
        day = cancellation.date
        item, at = _item(node, "cancelled", day, where)
        if day in excepted and day not in rule.also:
            ctx.error(item, at, "bad-schedule", f"{day} is both excepted and cancelled",
                      "keep it under 'cancelled' to show it as cancelled, or under 'except' "
                      "to leave it out")
        elif day not in rule.also and (not recurs_on(rule, day) or is_skipped(rule, day)):
            ctx.error(item, at, "not-held",
                      f"{day} ({DAY_NAMES[day.weekday()]}) is not a day this rule is held on",
                      _not_held_hint(rule, day))
    for day in rule.also:
        if day in excepted_alone:
            ctx.error(*_item(node, "also", day, where), "bad-schedule",
                      f"{day} is both an extra day and excepted", "remove it from one of them")
        elif (rule.start and day < rule.start) or (rule.until and day > rule.until):
            ctx.error(*_item(node, "also", day, where), "bad-schedule",
                      f"{day} is outside the rule's 'from'–'until' "
                      f"({rule.start or '…'}–{rule.until or '…'}), so it would never be shown",
                      "move 'from' or 'until' to include it, or give the day a rule of its own "
                      "(- date: …)")
    for exception in rule.exceptions:
        day = exception.start
        if day == exception.end and not recurs_on(rule, day):
            ctx.error(*_item(node, "except", day, where), "not-held",
                      f"{day} ({DAY_NAMES[day.weekday()]}) is not a day this rule is held on, "
                      "so excepting it changes nothing", _not_held_hint(rule, day),
                      severity="warning")
    if first_date(rule) is None:
        ctx.error(node, where, "never-held", "this rule is never held: "
                  "its days all fall outside 'from'–'until', in 'except' or on public holidays",
                  "check the days and the dates; to hold it on a holiday add 'holidays: include'")


def _item(node: yaml.MappingNode, name: str, day: dt.date, where: str) -> tuple[yaml.Node, str]:
    """The node and field path of the list item under `name` that names a day."""
    value = node_of(node, name)
    items = value.value if isinstance(value, yaml.SequenceNode) else [value]
    for index, item in enumerate(items):
        scalars = [v for k, v in item.value if k.value in ("date", "from")] \
            if isinstance(item, yaml.MappingNode) else [item]
        for scalar in scalars:
            if isinstance(scalar, yaml.ScalarNode) and scalar.value.strip() == day.isoformat():
                suffix = f"[{index}]" if isinstance(value, yaml.SequenceNode) else ""
                return scalar, f"{where}.{name}{suffix}"
    return value, f"{where}.{name}"


def _not_held_hint(rule: model.ScheduleRule, day: dt.date) -> str:
    if rule.skips_holidays and is_holiday(day):
        return f"{day} is a public holiday, which the rule skips; add it under 'also' to hold it"
    near = rule_dates(rule, day - dt.timedelta(days=45), day + dt.timedelta(days=45))
    before = [d for d in near if d < day][-1:]
    after = [d for d in near if d > day][:1]
    if not before + after:
        return "check the date against the rule's days and its 'from' and 'until'"
    return "the nearest days it is held: " + ", ".join(
        f"{d} ({DAY_NAMES[d.weekday()]})" for d in before + after)


def _days(span: model.DateRange) -> list[dt.date]:
    return [span.start + dt.timedelta(days=n) for n in range((span.end - span.start).days + 1)]


class ScheduleRuleField(FieldType):
    """A schedule rule: its fields, then the days it gives checked as a whole."""

    model_type: ClassVar[str] = "ScheduleRule"

    def __init__(self, record: Record):
        self.record = record
        self.label = record.label

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        values = self.record.convert(node, ctx, where)
        if values is INVALID:
            return INVALID
        rule = self.record.make(values)
        before = ctx.error_count
        _check_days(rule, values["_node"], ctx, where)
        check_overnight(rule, values["_node"], ctx, where)
        check_clock_changes(rule, values["_node"], ctx, where)
        return INVALID if ctx.error_count > before else rule


# An activity's time: past midnight ("22:00-02:00" ends the next day) or a start alone.
ACTIVITY_TIME = TimeRangeField(label='time range "HH:MM-HH:MM", or a start alone "HH:MM"',
                               overnight=True, open_end=True)
ACTIVITY_TIME_DOC = (
    "time of day, local time. An end before the start is on the next day (\"22:00-02:00\"). "
    "A start alone (\"18:45\") is shown as \"from 18.45\"; calendar files give it "
    f"{DEFAULT_DURATION / dt.timedelta(hours=1):g} hour(s). On the night clocks go forward, "
    "a time that does not exist (03:00–03:59 on the last Sunday of March) is read an hour "
    "later; on the night they go back, a time that happens twice (03:00–03:59 on the last "
    "Sunday of October) is the first one; `check` warns of both")


SCHEDULE_RULE = ScheduleRuleField(Record("a schedule rule", (
    Field("weekly", ListOf(Weekday(), order=as_written), False, "weekdays it is held on",
          "[tue, thu]"),
    Field("every", Int(1, 8), False, "with weekly and from: every Nth week counted from 'from' "
          "(2 = every second week from the first meeting; not odd or even week numbers, which "
          "shift after a 53-week year)", "2", skeleton=None, default="1"),
    Field("monthly", ListOf(MonthlyDayField()), False, "day of the month", "2nd mon",
          skeleton=None),
    Field("date", ListOf(Date(), order=as_written), False, "single days", "2026-12-03",
          attr="dates", skeleton=None),
    Field("rrule", RecurrenceRule(), False, "for experts: an RFC 5545 recurrence rule",
          "FREQ=MONTHLY;BYDAY=1TU,3TU", skeleton=None),
    Field("time", ListOf(ACTIVITY_TIME, order=by_time), False, ACTIVITY_TIME_DOC,
          '"10:00-14:00"', attr="times"),
    Field("days", Int(1, 31), False, "how many days in a row each time lasts (a camp from "
          "Monday to Friday: days: 5); its time starts on the first day and ends on the last",
          "5", skeleton=None, default="1"),
    Field("from", Date(), False, "first day the rule applies", "2026-08-15", attr="start"),
    Field("until", Date(), False, "last day the rule applies (empty: no end)", "2026-12-18"),
    Field("except", Mapped(ListOf(EXCEPTION), as_ranges, "tuple[DateRange, ...]"), False,
          "days or date ranges it is not held",
          "[2026-12-08, {from: 2026-10-19, until: 2026-10-23}]", attr="exceptions", skeleton=None),
    Field("also", ListOf(Date(), order=as_written), False, "extra single days of a recurring "
          "rule (held even inside an 'except' range)", "[2026-12-20]", skeleton=None),
    Field("cancelled", ListOf(CANCELLATION, order=by_date), False, "days shown as cancelled",
          "[2026-11-03]", skeleton=None),
    Field("holidays", Choice(("skip", "include"), label="skip or include"), False,
          "skip Finnish public holidays (default for weekly and monthly) or include them", "skip",
          skeleton=None),
    Field("note", TextField(), False, "a note shown with the schedule",
          "ota sisäkengät mukaan", skeleton=None),
    Field("place", Reference(kind="place", folder="places"), False,
          "where this rule's times are held, when not at the activity's own place (a summer "
          "term outdoors): the slug of a file in places/", "uimaranta", skeleton=None),
), (_check_rule, check_order("from", "until")), label="schedule rule",
    model=model.ScheduleRule))


def shared_day(a: model.ScheduleRule, b: model.ScheduleRule,
               today: dt.date | None = None) -> dt.date | None:
    """A day both rules hold at overlapping times, or None. The day named is the first from
    today (the check date) on, else the last before it: a day the editor knows the rules by,
    never the fixed span's start (REFERENCE_START) for rules without `from`."""
    same = not (a.times and b.times) or any(overlaps(x, y) for x in a.times for y in b.times)
    # A time past midnight reaches the other rule's times on the next day.
    a_first = any(overlaps(x, y, days_after=1) for x in a.times for y in b.times)
    b_first = any(overlaps(y, x, days_after=1) for x in a.times for y in b.times)
    if not (same or a_first or b_first):
        return None
    start = max(a.start or REFERENCE_START, b.start or REFERENCE_START)
    # An open rule reaches the span past today and past the other rule's listed days.
    open_end = max([max(start, today or start) + CHECK_SPAN, *a.dates, *a.also, *b.dates,
                    *b.also])
    end = min(a.until or open_end, b.until or open_end)
    held_a, held_b = set(rule_dates(a, start, end)), set(rule_dates(b, start, end))
    shared = sorted((held_a & held_b if same else set())
                    | {d + ONE_DAY for d in held_a if a_first and d + ONE_DAY in held_b}
                    | {d + ONE_DAY for d in held_b if b_first and d + ONE_DAY in held_a})
    ahead = [d for d in shared if today is None or d >= today]
    return ahead[0] if ahead else (shared[-1] if shared else None)
