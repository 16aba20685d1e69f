"""The content schema: every field editors may write, its type, and cross-field checks.

This is the single source of truth for validation and for the editor's field reference.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Any

import yaml
from dateutil.rrule import rrulestr

from hyteguide.common.problems import did_you_mean
from hyteguide.content import model
from hyteguide.content.fields import (
    INVALID,
    SLUG_PATTERN,
    TERM_PATTERN,
    Bool,
    BusinessId,
    Choice,
    Context,
    Date,
    Email,
    Field,
    FieldType,
    Int,
    ListOf,
    Phone,
    Record,
    Reference,
    Str,
    Term,
    TextField,
    TimeRangeField,
    Url,
    field_node,
    model_values,
    node_of,
)
from hyteguide.schedule.occurrences import (
    CHECK_SPAN,
    REFERENCE_START,
    first_date,
    is_holiday,
    is_skipped,
    recurs_on,
    rule_dates,
)
from hyteguide.schedule.rrulecheck import misread, parts_of, start_problem
from hyteguide.schedule.timecheck import check_clock_changes, check_overnight
from hyteguide.schedule.wallclock import DEFAULT_DURATION, overlaps, written

ONE_DAY = dt.timedelta(days=1)

SUPPORTED_LANGUAGES = ("fi", "sv", "en")
VOCABULARY_GROUPS = ("municipalities", "themes", "audiences", "formats", "expertise", "languages",
                     "accessibility")

WEEKDAYS = {
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
    "ma": 0, "ti": 1, "ke": 2, "to": 3, "pe": 4, "la": 5, "su": 6,
}
WEEKDAY_ALIASES = {
    "monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu", "friday": "fri",
    "saturday": "sat", "sunday": "sun", "tues": "tue", "thur": "thu", "thurs": "thu",
    "maanantai": "ma", "tiistai": "ti", "keskiviikko": "ke", "torstai": "to", "perjantai": "pe",
    "lauantai": "la", "sunnuntai": "su", "mån": "mon", "tis": "tue", "ons": "wed", "tor": "thu",
    "fre": "fri", "lör": "sat", "sön": "sun",
}
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINALS = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "last": -1, "first": 1,
            "second": 2, "third": 3, "fourth": 4, "fifth": 5}


class Weekday(FieldType):
    label = "weekday mon…sun (or ma…su)"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a weekday")
        if value is INVALID:
            return value
        word = value.lower()
        if word in WEEKDAYS:
            return WEEKDAYS[word]
        if word in WEEKDAY_ALIASES:
            return WEEKDAYS[WEEKDAY_ALIASES[word]]
        return ctx.error(node, where, "bad-value", f"'{value}' is not a weekday",
                         did_you_mean(word, list(WEEKDAYS)[:7])
                         or "write mon, tue, wed, thu, fri, sat or sun")


class MonthlyDayField(FieldType):
    label = "'2nd mon', 'last fri' or a day of the month 1…31"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a day of the month such as '2nd mon'")
        if value is INVALID:
            return value
        words = value.lower().replace(".", " ").split()
        if len(words) == 1 and words[0].isdigit() and 1 <= int(words[0]) <= 31:
            return model.MonthlyDay(int(words[0]))
        hint = "write the week and the weekday: '1st mon', '2nd tue', '3rd wed', '4th thu' or " \
               "'last fri', or a day of the month 1…31"
        if len(words) == 2:
            ordinal = ORDINALS.get(words[0]) or (int(words[0]) if words[0] in "12345" else None)
            day = WEEKDAYS.get(WEEKDAY_ALIASES.get(words[1], words[1]))
            if ordinal and day is not None:
                return model.MonthlyDay(ordinal, day)
        return ctx.error(node, where, "bad-value", f"'{value}' is not a day of the month", hint)


class Coordinates(FieldType):
    label = "[latitude, longitude]"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        hint = "write [latitude, longitude] in decimal degrees, for example [60.4037, 25.1050]"
        items = node.value if isinstance(node, yaml.SequenceNode) else None
        if isinstance(node, yaml.MappingNode):
            pairs = {k.value: v for k, v in node.value}
            items = [pairs.get("lat"), pairs.get("lon")] if set(pairs) == {"lat", "lon"} else None
        if not items or len(items) != 2 or not all(isinstance(i, yaml.ScalarNode) for i in items):
            return ctx.error(node, where, "wrong-type", "expected [latitude, longitude]", hint)
        try:
            lat, lon = (float(i.value) for i in items)
        except ValueError:
            return ctx.error(node, where, "bad-value", "coordinates must be numbers", hint)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return ctx.error(node, where, "bad-value", f"({lat}, {lon}) are not coordinates", hint)
        if lat < lon and 19 < lat < 32 and 59 < lon < 71:
            return ctx.error(node, where, "bad-value", "latitude and longitude are swapped",
                             f"write [{lon}, {lat}]")
        return (lat, lon)


class KeywordOrText(FieldType):
    """A fixed keyword (such as `free`) or a text."""

    def __init__(self, keyword: str, *more: str):
        self.keywords = (keyword, *more)
        self.keyword = keyword
        self.label = " or ".join(f"'{k}'" for k in self.keywords) + " or a text"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.value.strip() in self.keywords:
            return node.value.strip()
        return TextField().convert(node, ctx, where)


class ChoiceOf(FieldType):
    """The first of several types that a node's shape fits (a date, or a {from, until} range)."""

    def __init__(self, scalar: FieldType, mapping: FieldType, label: str):
        self.scalar_type, self.mapping_type, self.label = scalar, mapping, label

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        kind = self.mapping_type if isinstance(node, yaml.MappingNode) else self.scalar_type
        return kind.convert(node, ctx, where)


class Mapped(FieldType):
    """A type whose converted value is passed through `make` (e.g. into a model object)."""

    def __init__(self, inner: FieldType, make: Any):
        self.inner, self.make = inner, make
        self.label = inner.label

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.inner.convert(node, ctx, where)
        return INVALID if value is INVALID else self.make(value)


def _build(cls: Any) -> Any:
    return lambda values: cls(**model_values(values))


def _check_order(start: str, end: str, code: str = "date-order") -> Any:
    def check(values: dict[str, Any], node: yaml.MappingNode, ctx: Context, where: str) -> None:
        if start in values and end in values and values[end] < values[start]:
            ctx.error(field_node(values, end), f"{where}.{end}" if where else end, code,
                      f"'{end}' ({values[end]}) is before '{start}' ({values[start]})",
                      f"check both dates; '{end}' must be on or after '{start}'")
    return check


DATE_RANGE = Mapped(Record("a date range", (
    Field("from", Date(), True, "first day", "2026-10-19"),
    Field("until", Date(), True, "last day", "2026-10-23"),
), (_check_order("from", "until"),), label="{from: date, until: date}"),
    lambda v: model.DateRange(v["from"], v["until"]))

EXCEPTION = ChoiceOf(Date(), DATE_RANGE, "date, or {from: date, until: date}")

CANCELLATION_RECORD = Record("a cancellation", (
    Field("date", Date(), True, "the cancelled day", "2026-11-03"),
    Field("note", TextField(), False, "why, shown to readers", "Ohjaaja sairastunut"),
), label="date, or {date: date, note: text}")

CANCELLATION = ChoiceOf(Mapped(Date(), model.Cancellation),
                        Mapped(CANCELLATION_RECORD, _build(model.Cancellation)),
                        CANCELLATION_RECORD.label)


RRULE_PARTS = {
    "FREQ": r"DAILY|WEEKLY|MONTHLY|YEARLY",
    "INTERVAL": r"[1-9]\d{0,2}",
    "COUNT": r"[1-9]\d{0,3}",
    "BYDAY": r"([+-]?[1-5]?\d?)?(MO|TU|WE|TH|FR|SA|SU)(,([+-]?[1-5]?\d?)?(MO|TU|WE|TH|FR|SA|SU))*",
    "BYMONTHDAY": r"[+-]?\d{1,2}(,[+-]?\d{1,2})*",
    "BYYEARDAY": r"[+-]?\d{1,3}(,[+-]?\d{1,3})*",
    "BYWEEKNO": r"[+-]?\d{1,2}(,[+-]?\d{1,2})*",
    "BYMONTH": r"\d{1,2}(,\d{1,2})*",
    "BYSETPOS": r"[+-]?\d{1,3}(,[+-]?\d{1,3})*",
    "WKST": r"MO|TU|WE|TH|FR|SA|SU",
}
RRULE_MOVED = {
    "UNTIL": "write the last day as its own field 'until: YYYY-MM-DD'",
    "DTSTART": "write the first day as its own field 'from: YYYY-MM-DD'",
    "BYHOUR": "times of day go in the field 'time', e.g. time: \"18:00-19:30\"",
    "BYMINUTE": "times of day go in the field 'time', e.g. time: \"18:00-19:30\"",
    "BYSECOND": "times of day go in the field 'time', e.g. time: \"18:00-19:30\"",
}


class RecurrenceRule(FieldType):
    """An RFC 5545 RRULE value for experts, e.g. FREQ=MONTHLY;BYDAY=1TU,3TU."""

    label = "RFC 5545 rule, e.g. FREQ=MONTHLY;BYDAY=1TU,3TU"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "an RFC 5545 rule such as FREQ=WEEKLY;BYDAY=TU")
        if value is INVALID:
            return value
        text = value.upper().removeprefix("RRULE:").strip().strip(";")
        hint = "write it as NAME=VALUE parts joined by ';', e.g. FREQ=MONTHLY;BYDAY=1TU,3TU"
        parts: dict[str, str] = {}
        for part in text.split(";"):
            name, equals, part_value = part.strip().partition("=")
            if not equals or not name or not part_value:
                return ctx.error(node, where, "bad-rrule", f"'{part}' is not NAME=VALUE", hint)
            if name in RRULE_MOVED:
                return ctx.error(node, where, "bad-rrule", f"{name} does not go in 'rrule'",
                                 RRULE_MOVED[name])
            if name not in RRULE_PARTS:
                return ctx.error(node, where, "bad-rrule", f"'{name}' is not a rule part",
                                 did_you_mean(name, RRULE_PARTS) or
                                 "parts: " + ", ".join(RRULE_PARTS))
            if name in parts:
                return ctx.error(node, where, "bad-rrule", f"{name} is given twice",
                                 "keep only one of them")
            if not re.fullmatch(RRULE_PARTS[name], part_value):
                return ctx.error(node, where, "bad-rrule",
                                 f"'{part_value}' is not a valid value for {name}", hint)
            parts[name] = part_value
        if "FREQ" not in parts:
            return ctx.error(node, where, "bad-rrule", "the rule needs FREQ",
                             "start with FREQ=WEEKLY, FREQ=MONTHLY, FREQ=YEARLY or FREQ=DAILY")
        normalised = ";".join([f"FREQ={parts.pop('FREQ')}", *(f"{k}={v}" for k, v in
                                                              parts.items())])
        try:
            rrulestr(normalised, dtstart=dt.datetime(2024, 1, 1))
        except (ValueError, TypeError) as error:
            return ctx.error(node, where, "bad-rrule", f"the rule is not valid: {error}", hint)
        if problem := misread(parts_of(normalised)):
            return ctx.error(node, where, "bad-rrule", *problem)
        return normalised


def _check_rule(values: dict[str, Any], node: yaml.MappingNode, ctx: Context, where: str) -> None:
    kinds = [k for k in ("weekly", "monthly", "date", "rrule") if k in values]
    if len(kinds) != 1:
        found = " and ".join(f"'{k}'" for k in kinds) if kinds else "none of them"
        ctx.error(node, where, "bad-schedule", "a schedule rule needs exactly one of 'weekly', "
                  f"'monthly', 'date' or 'rrule' ({found})",
                  "split it into separate rules, each starting with '- weekly:', '- monthly:' "
                  "or '- date:'")
        return
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


def _check_times(values: dict[str, Any], ctx: Context, where: str) -> None:
    times = sorted(values.get("time", ()), key=lambda t: t.order)
    for before, after in zip(times, times[1:], strict=False):
        if overlaps(before, after):
            ctx.error(field_node(values, "time"), f"{where}.time", "overlapping-times",
                      f"the times {_range(before)} and {_range(after)} overlap",
                      "merge them into one time range, or correct one of them")


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


def _make_rule(values: dict[str, Any]) -> model.ScheduleRule:
    v = model_values(values)
    times = v.get("time", ())
    return model.ScheduleRule(
        weekly=tuple(sorted(v.get("weekly", ()))),
        every=v.get("every", 1),
        monthly=v.get("monthly", ()),
        dates=tuple(sorted(v.get("date", ()))),
        times=tuple(sorted(times, key=lambda t: t.order)),
        start=v.get("from"),
        until=v.get("until"),
        exceptions=tuple(sorted((e if isinstance(e, model.DateRange) else model.DateRange(e, e)
                                 for e in v.get("except", ())), key=lambda r: (r.start, r.end))),
        cancelled=tuple(sorted(v.get("cancelled", ()), key=lambda c: c.date)),
        holidays=v.get("holidays"),
        note=v.get("note"),
        rrule=v.get("rrule"),
        also=tuple(sorted(v.get("also", ()))),
    )


class ScheduleRuleField(FieldType):
    """A schedule rule: its fields, then the days it gives checked as a whole."""

    def __init__(self, record: Record):
        self.record = record
        self.label = record.label

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        values = self.record.convert(node, ctx, where)
        if values is INVALID:
            return INVALID
        rule = _make_rule(values)
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
    Field("weekly", ListOf(Weekday()), False, "weekdays it is held on", "[tue, thu]"),
    Field("every", Int(1, 8), False, "with weekly and from: every Nth week counted from 'from' "
          "(2 = every second week from the first meeting; not odd or even week numbers, which "
          "shift after a 53-week year)", "2"),
    Field("monthly", ListOf(MonthlyDayField()), False, "day of the month", "2nd mon"),
    Field("date", ListOf(Date()), False, "single days", "2026-12-03"),
    Field("rrule", RecurrenceRule(), False, "for experts: an RFC 5545 recurrence rule",
          "FREQ=MONTHLY;BYDAY=1TU,3TU"),
    Field("time", ListOf(ACTIVITY_TIME), False, ACTIVITY_TIME_DOC, '"10:00-14:00"'),
    Field("from", Date(), False, "first day the rule applies", "2026-08-15"),
    Field("until", Date(), False, "last day the rule applies (empty: no end)", "2026-12-18"),
    Field("except", ListOf(EXCEPTION), False, "days or date ranges it is not held",
          "[2026-12-08, {from: 2026-10-19, until: 2026-10-23}]"),
    Field("also", ListOf(Date()), False, "extra single days of a recurring rule (held even "
          "inside an 'except' range)",
          "[2026-12-20]"),
    Field("cancelled", ListOf(CANCELLATION), False, "days shown as cancelled", "[2026-11-03]"),
    Field("holidays", Choice(("skip", "include"), label="skip or include"), False,
          "skip Finnish public holidays (default for weekly and monthly) or include them", "skip"),
    Field("note", TextField(), False, "a note shown with the schedule",
          "ota sisäkengät mukaan"),
), (_check_rule, _check_order("from", "until")), label="schedule rule"))


CONSENT_WARNING_DAYS = 30  # warn this many days before a consent ends, so editors renew in time


def _check_contact_basis(values: dict[str, Any], node: yaml.MappingNode, ctx: Context,
                         where: str) -> None:
    """A named person needs a lawful basis (GDPR): a public role, or consent that has not ended.

    "Ended" is relative to the build/check date (ctx.today), never silently to the wall clock.
    """
    def path(name: str) -> str:
        return f"{where}.{name}" if where else name

    basis, until = values.get("basis"), values.get("consent_until")
    if "name" not in values:
        for name in ("basis", "consent_until"):
            if name in values:
                ctx.error(field_node(values, name), path(name), "unused-basis",
                          f"'{name}' is given but the contact names no person",
                          "a role-based contact needs no basis: remove 'basis' and "
                          "'consent_until'", severity="warning")
        return
    if basis is None:
        ctx.error(field_node(values, "name"), path("name"), "named-contact-basis",
                  "a named contact person needs a 'basis' for publishing the name",
                  "use a role-based contact (remove 'name' and keep 'role' with the shared "
                  "email or phone), or add 'basis: role' if the person is named because of a "
                  "public role such as chair, or 'basis: consent' with 'consent_until: "
                  "YYYY-MM-DD' if the person has agreed to it")
        return
    if basis == "role":
        if until is not None:
            ctx.error(field_node(values, "consent_until"), path("consent_until"), "unused-basis",
                      "'consent_until' is only used with 'basis: consent'",
                      "remove 'consent_until', or write 'basis: consent' if the name is "
                      "published by consent", severity="warning")
        return
    if until is None:
        ctx.error(field_node(values, "basis"), path("consent_until"), "missing-field",
                  "'basis: consent' needs 'consent_until', the last day the name may be shown",
                  "add 'consent_until: YYYY-MM-DD' with the date the person agreed to, "
                  "or remove the name and keep the role")
        return
    if ctx.today is None:
        return
    if until < ctx.today:
        ctx.error(field_node(values, "consent_until"), path("consent_until"), "consent-expired",
                  f"the consent to show '{values['name']}' ended on {until.isoformat()} "
                  f"(checked on {ctx.today.isoformat()})",
                  "ask the person to renew the consent and update 'consent_until', or remove "
                  "the name and keep the role")
    elif (until - ctx.today).days <= CONSENT_WARNING_DAYS:
        days = (until - ctx.today).days
        ctx.error(field_node(values, "consent_until"), path("consent_until"), "consent-expiring",
                  f"the consent to show '{values['name']}' ends on {until.isoformat()}, "
                  f"in {days} day{'s' if days != 1 else ''}",
                  "ask the person to renew the consent and update 'consent_until', or remove "
                  "the name before then", severity="warning")


CONTACT = Mapped(Record("a contact", (
    Field("role", TextField(), True, "the role, so the contact outlives a person",
          "Toiminnanjohtaja"),
    Field("name", Str(label="name"), False, "a person's name, only with 'basis'",
          "Maija Meikäläinen"),
    Field("email", Email(), False, "email address", "info@example.org"),
    Field("phone", Phone(), False, "phone number, in quotes", '"+358 40 123 4567"'),
    Field("basis", Choice(("role", "consent"), label="role or consent",
                          hint="write 'role' (named for a public role, e.g. chair) or 'consent' "
                          "(the person agreed; add 'consent_until')"), False,
          "why the name may be shown: role (a public role such as chair) or consent", "role"),
    Field("consent_until", Date(), False, "with 'basis: consent': the last day the name is shown",
          "2027-06-30"),
), (_check_contact_basis,), label="contact {role, name, email, phone, basis, consent_until}"),
    _build(model.Contact))

SLUG = Str(label="id (a-z, 0-9, -)", pattern=SLUG_PATTERN, code="bad-slug",
           pattern_hint="use lowercase letters a-z, digits and hyphens, e.g. 'olohuone'")


def _check_event_has_schedule(values: dict[str, Any], node: yaml.MappingNode, ctx: Context,
                           where: str) -> None:
    if values.get("format") == "tapahtuma" and not values.get("schedule"):
        ctx.error(node, where, "missing-field", "an event needs a 'schedule' with its date",
                  "add 'schedule: [{date: 2026-12-03}]'", severity="warning")


def _check_rules_overlap(values: dict[str, Any], node: yaml.MappingNode, ctx: Context,
                         where: str) -> None:
    """Two rules of one activity must not give the same day at overlapping times."""
    rules = values.get("schedule", ())
    schedule_node = field_node(values, "schedule")
    nodes = schedule_node.value if isinstance(schedule_node, yaml.SequenceNode) else [schedule_node]
    for j, later in enumerate(rules):
        for i, earlier in enumerate(rules[:j]):
            day = shared_day(earlier, later, ctx.today)
            if day:
                ctx.error(nodes[j], f"{where}.schedule[{j}]", "overlapping-rules",
                          f"rules {i + 1} and {j + 1} are both held on {day} at overlapping "
                          "times", "remove the repeated days from one rule (an extra day of a "
                          "recurring rule goes under 'also')")
                return


def _check_sensitive_contacts(values: dict[str, Any], node: yaml.MappingNode, ctx: Context,
                              where: str) -> None:
    """No named contact person on an activity for a sensitive audience (vocabulary
    `sensitive: true`), whatever the basis: the name can reveal who takes part."""
    if ctx.vocabulary is None:
        return
    audiences = ctx.vocabulary.group("audiences")
    sensitive = [audiences[a] for a in values.get("audiences", ())
                 if a in audiences and audiences[a].sensitive]
    if not sensitive:
        return
    contacts_node = field_node(values, "contacts")
    nodes = contacts_node.value if isinstance(contacts_node, yaml.SequenceNode) \
        else [contacts_node]
    label = sensitive[0].label.get(ctx.default_language)[0]
    prefix = f"{where}.contacts" if where else "contacts"
    for index, (contact, contact_node) in enumerate(zip(values.get("contacts", ()), nodes,
                                                        strict=False)):
        if contact.name:
            ctx.error(node_of(contact_node, "name"), f"{prefix}[{index}].name",
                      "sensitive-named-contact",
                      f"no named contact person on an activity for '{label}' (a sensitive "
                      "audience): naming a person on a group for, e.g., people recovering from "
                      "substance use can reveal who takes part, or make the contact person a "
                      "target",
                      "remove 'name' (and 'basis', 'consent_until') and use a role, e.g. "
                      "'role: Vertaisohjaaja', with the organisation's shared email or phone")


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


ACTIVITY_RECORD = Record("an activity", (
    Field("id", SLUG, True, "short id, unique within the organisation file", "olohuone"),
    Field("title", TextField(), True, "name of the activity", "Olohuone"),
    Field("summary", TextField(), True, "one sentence: what, for whom", "Avoin kohtaamispaikka."),
    Field("format", Term(group="formats"), True, "kind of activity (vocabulary 'formats')",
          "kohtaamispaikka"),
    Field("themes", ListOf(Term(group="themes")), False, "themes (vocabulary 'themes')",
          "[mielenterveys]"),
    Field("audiences", ListOf(Term(group="audiences")), False,
          "target groups (vocabulary 'audiences')", "[aikuiset]"),
    Field("place", Reference(kind="place", folder="places"), False,
          "where: the slug of a file in places/", "keravan-kirjasto"),
    Field("online", Url(), False, "web address, if held online", "https://meet.example.org/x"),
    Field("languages", ListOf(Term(group="languages")), False,
          "languages it is held in (vocabulary 'languages')", "[fi, sv]"),
    Field("cost", KeywordOrText("free"), False, "'free' or the price in words", "free"),
    Field("registration", KeywordOrText("none"), False, "'none' or how to register", "none"),
    Field("low_threshold", Bool(), False, "free, no referral or registration needed", "true"),
    Field("drop_in", Bool(), False, "come and go during the hours (a drop-in, not a session "
          "from start to end)", "true"),
    Field("schedule", ListOf(SCHEDULE_RULE), False, "when it is held", "- weekly: [tue]"),
    Field("description", TextField(markdown=True), False, "longer description (Markdown)", "|"),
    Field("contacts", ListOf(CONTACT), False, "contacts for this activity", "- role: Ohjaaja"),
), (_check_event_has_schedule, _check_rules_overlap, _check_sensitive_contacts),
    label="activity")


ORGANISATION = Record("an organisation", (
    Field("name", TextField(), True, "official name", "Keravan Olohuone ry"),
    Field("summary", TextField(), True, "one sentence on what it does", "Kohtaamispaikka …"),
    Field("business_id", BusinessId(), False, "Y-tunnus, checked", "1234567-1"),
    Field("website", Url(), False, "web address", "https://olohuone.example.org"),
    Field("email", Email(), False, "general email", "toimisto@olohuone.example.org"),
    Field("phone", Phone(), False, "general phone, in quotes", '"+358 40 000 0000"'),
    Field("address", TextField(), False, "postal or visiting address", "Kauppakaari 1, Kerava"),
    Field("municipalities", ListOf(Term(group="municipalities"), min_items=1), True,
          "municipalities where it acts", "[kerava, jarvenpaa]"),
    Field("themes", ListOf(Term(group="themes")), False, "themes", "[mielenterveys]"),
    Field("expertise", ListOf(Term(group="expertise")), False, "what it offers partners",
          "[kokemusasiantuntijuus]"),
    Field("contacts", ListOf(CONTACT), False, "contacts by role", "- role: Toiminnanjohtaja"),
    Field("reviewed", Date(), False, "date the entry was last checked", "2026-09-15"),
    Field("activities", ListOf(ACTIVITY_RECORD), False, "activities it runs", "- id: …"),
    Field("body", TextField(markdown=True), False,
          "the description below the front matter, in other languages: {sv: …, en: …}", "{sv: |}"),
), label="organisation")

def _make_hours(values: dict[str, Any]) -> model.OpeningHours:
    v = model_values(values)
    return model.OpeningHours(tuple(sorted(v["days"])), v["time"], v.get("from"), v.get("until"))


OPENING_HOURS_ENTRY = Mapped(Record("opening hours", (
    Field("days", ListOf(Weekday(), min_items=1), True, "weekdays", "[mon, tue, wed, thu]"),
    Field("time", TimeRangeField(), True, "opening time, local time", '"10:00-20:00"'),
    Field("from", Date(), False, "first day, for seasonal hours", "2026-09-01"),
    Field("until", Date(), False, "last day, for seasonal hours", "2027-04-30"),
), (_check_order("from", "until"),), label="{days, time, from, until}"), _make_hours)


class OpeningHoursField(FieldType):
    """Opening hours as a list of {days, time} entries, or (older form) in words."""

    label = "list of {days: [mon, tue], time: \"10:00-20:00\"}, or words"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        structured = isinstance(node, yaml.SequenceNode) or (
            isinstance(node, yaml.MappingNode) and any(k.value == "days" for k, _ in node.value))
        if isinstance(node, yaml.MappingNode) and structured:  # one entry without its '- '
            node = yaml.SequenceNode("tag:yaml.org,2002:seq", [node], node.start_mark,
                                     node.end_mark)
        if structured:
            return ListOf(OPENING_HOURS_ENTRY).convert(node, ctx, where)
        return TextField().convert(node, ctx, where)


def _check_hours_note(values: dict[str, Any], node: yaml.MappingNode, ctx: Context,
                      where: str) -> None:
    if isinstance(values.get("opening_hours"), model.Text) and "opening_hours_note" in values:
        ctx.error(field_node(values, "opening_hours"), "opening_hours", "bad-value",
                  "opening hours are given in words twice",
                  "write the days and times under 'opening_hours' as a list and the words "
                  "under 'opening_hours_note'")


PLACE = Record("a place", (
    Field("name", TextField(), True, "name of the place", "Keravan pääkirjasto"),
    Field("address", TextField(), True, "street address", "Paasikivenkatu 12"),
    Field("postal_code", Str(label="postal code", pattern=r"\d{5}",
                             pattern_hint='five digits in quotes, e.g. "04200"'), False,
          "postal code, in quotes", '"04200"'),
    Field("municipality", Term(group="municipalities"), True, "municipality", "kerava"),
    Field("coordinates", Coordinates(), False, "[latitude, longitude]", "[60.4037, 25.1050]"),
    Field("accessibility", ListOf(Term(group="accessibility")), False,
          "accessibility features (vocabulary 'accessibility')", "[wheelchair, induction_loop]"),
    Field("accessibility_note", TextField(), False, "accessibility in words",
          "Sisäänkäynti pihan puolelta."),
    Field("opening_hours", OpeningHoursField(), False, "opening hours: days and times",
          '- {days: [mon, tue, wed, thu, fri], time: "09:00-16:00"}'),
    Field("opening_hours_note", TextField(), False, "opening hours: more in words",
          "Suljettu juhlapyhinä."),
    Field("directions", TextField(), False, "how to get there", "Bussit 1 ja 2."),
    Field("description", TextField(markdown=True), False, "description (Markdown)", "|"),
    Field("website", Url(), False, "web address", "https://example.org"),
    Field("phone", Phone(), False, "phone, in quotes", '"+358 9 123 4567"'),
    Field("email", Email(), False, "email", "info@example.org"),
), (_check_hours_note,), label="place")

MEETING = Mapped(Record("a meeting", (
    Field("date", Date(), True, "date", "2026-12-03"),
    Field("time", ACTIVITY_TIME, False, "time (as an activity's: \"18:00\" has no end)",
          '"13:00-15:00"'),
    Field("place", Reference(kind="place", folder="places"), False, "place slug",
          "keravan-kirjasto"),
    Field("note", TextField(), False, "agenda or note", "Teemana yksinäisyys"),
), label="meeting {date, time, place, note}"), _build(model.Meeting))

PARTNERSHIP = Record("a partnership table", (
    Field("name", TextField(), True, "name", "Keravan kumppanuuspöytä"),
    Field("summary", TextField(), False, "one sentence", "Järjestöjen ja kaupungin yhteistyö."),
    Field("members", ListOf(Reference(kind="organisation", folder="organisations"), min_items=1),
          True, "member organisations (slugs of files in organisations/)", "[keravan-olohuone]"),
    Field("municipalities", ListOf(Term(group="municipalities")), False, "municipalities",
          "[kerava]"),
    Field("themes", ListOf(Term(group="themes")), False, "themes", "[osallisuus]"),
    Field("meetings", ListOf(ChoiceOf(Mapped(Date(), model.Meeting), MEETING,
                                      "date, or {date, time, place, note}")), False,
          "meeting dates", "[2026-09-10, 2026-12-03]"),
    Field("contacts", ListOf(CONTACT), False, "contacts", "- role: Koordinaattori"),
    Field("body", TextField(markdown=True), False, "the purpose in other languages", "{sv: |}"),
), label="partnership")

PAGE = Record("a page", (
    Field("title", TextField(), True, "page title", "Tietoa oppaasta"),
    Field("summary", TextField(), False, "one sentence for lists and search", "…"),
    Field("menu", Int(0, 99), False, "position in the footer menu (leave out: not in the menu)",
          "1"),
    Field("body", TextField(markdown=True), False, "the text in other languages", "{sv: |}"),
), label="page")


def _check_languages(values: dict[str, Any], node: yaml.MappingNode, ctx: Context,
                     where: str) -> None:
    for lang in values.get("languages", ()):
        if lang not in SUPPORTED_LANGUAGES:
            ctx.error(field_node(values, "languages"), "languages", "unknown-language",
                      f"there is no interface catalogue for '{lang}'",
                      "languages: " + ", ".join(SUPPORTED_LANGUAGES))
    timezone = values.get("timezone")
    if timezone:
        try:
            zoneinfo.ZoneInfo(timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            ctx.error(field_node(values, "timezone"), "timezone", "bad-value",
                      f"'{timezone}' is not a time zone", "write Europe/Helsinki")
    hide, review = values.get("hide_after_months"), values.get("review_after_months", 12)
    if hide is not None and hide <= review:
        ctx.error(field_node(values, "hide_after_months"), "hide_after_months", "bad-value",
                  f"hide_after_months ({hide}) must be more than review_after_months ({review}):"
                  " entries are first marked as possibly out of date, hidden only later",
                  f"write hide_after_months: {review * 2}")
    base_url = values.get("base_url", "")
    if base_url and not base_url.endswith("/"):
        ctx.error(field_node(values, "base_url"), "base_url", "bad-url",
                  "base_url must end with '/'", f"write {base_url}/")


SITE_CONTACT = Mapped(Record("the site contact", (
    Field("name", TextField(), False, "who maintains the guide", "Hyvinvointialueen hyte-tiimi"),
    Field("email", Email(), False, "email for feedback", "hyte@example.org"),
    Field("phone", Phone(), False, "phone", '"+358 9 123 4567"'),
    Field("address", TextField(), False, "postal address", "Sibeliuksenkatu 11, Järvenpää"),
), label="contact"), _build(model.SiteContact))


# The success criteria of WCAG 2.1 (levels A, AA and AAA), the standard the statement is about.
WCAG_21_CRITERIA = frozenset(
    f"{principle}.{guideline}.{n}"
    for principle, guideline, count in (
        (1, 1, 1), (1, 2, 9), (1, 3, 6), (1, 4, 13), (2, 1, 4), (2, 2, 6), (2, 3, 3), (2, 4, 10),
        (2, 5, 6), (3, 1, 6), (3, 2, 5), (3, 3, 6), (4, 1, 3))
    for n in range(1, count + 1))


class WcagCriterion(FieldType):
    """The number of a WCAG 2.1 success criterion, e.g. 2.4.4."""

    label = "WCAG 2.1 success criterion, e.g. 2.4.4"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a WCAG success criterion such as 2.4.4")
        if value is INVALID:
            return value
        if value in WCAG_21_CRITERIA:
            return value
        number = re.sub(r"^(?:wcag|sc)\s*(?:2\.[012]\s+)?", "", value, flags=re.IGNORECASE)
        if number != value and number in WCAG_21_CRITERIA:
            return ctx.error(node, where, "bad-value", f"'{value}' is not a criterion number",
                             f"write only the number: {number}")
        if re.fullmatch(r"\d\.\d{1,2}\.\d{1,2}", value):
            return ctx.error(node, where, "bad-value",
                             f"'{value}' is not a success criterion of WCAG 2.1",
                             did_you_mean(value, WCAG_21_CRITERIA)
                             or "see the numbers at https://www.w3.org/TR/WCAG21/")
        return ctx.error(node, where, "bad-value", f"'{value}' is not a criterion number",
                         "write the number of the success criterion, for example 2.4.4")


class LocalisedUrl(FieldType):
    """A web address, or one per language: {fi: https://…, sv: https://…}."""

    label = "web address, or {fi: https://…, sv: https://…}"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            value = Url().convert(node, ctx, where)
            return INVALID if value is INVALID else model.Text(((ctx.default_language, value),))
        text = TextField().convert(node, ctx, where)
        if text is INVALID:
            return INVALID
        checked = {key.value: Url().convert(value, ctx, f"{where}.{key.value}")
                   for key, value in node.value}
        if any(value is INVALID for value in checked.values()):
            return INVALID
        return model.Text(tuple((lang, checked[lang]) for lang in text.languages))


def _check_any(*names: str) -> Any:
    """At least one of the fields must be given."""
    def check(values: dict[str, Any], node: yaml.MappingNode, ctx: Context, where: str) -> None:
        if not any(name in values for name in names):
            listed = " or ".join(f"'{name}'" for name in names)
            ctx.error(node, where, "missing-field", f"give at least one of {listed}",
                      f"add for example '{names[0]}: …'")
    return check


GAP_REASONS = ("non-compliance", "disproportionate-burden", "out-of-scope")

KNOWN_GAP = Mapped(Record("a known gap", (
    Field("text", TextField(), True, "what is not accessible, why, and what to do instead",
          "Osa järjestöjen tiedoista on vain suomeksi."),
    Field("wcag", ListOf(WcagCriterion()), False, "the WCAG 2.1 success criteria it fails",
          "[3.1.2]"),
    Field("reason", Choice(GAP_REASONS, label="non-compliance, disproportionate-burden or "
                           "out-of-scope", hint="non-compliance: the content fails the "
                           "requirements; disproportionate-burden: fixing it is exempted as an "
                           "unreasonable burden; out-of-scope: the law does not cover it"),
          False, "why it is not accessible (default non-compliance)", "non-compliance"),
    Field("fix_by", Date(), False, "when it will be fixed, if known", "2027-06-30"),
), label="{text, wcag, reason, fix_by}"), _build(model.KnownGap))

FEEDBACK = Mapped(Record("the accessibility feedback channel", (
    Field("email", Email(), False, "email for accessibility feedback", "hyte@example.org"),
    Field("url", Url(), False, "web address of a feedback form", "https://example.org/palaute"),
), (_check_any("email", "url"),), label="{email, url}"), _build(model.Feedback))

AUTHORITY = Mapped(Record("the supervisory authority", (
    Field("name", TextField(), True, "name of the authority",
          "Liikenne- ja viestintävirasto Traficom"),
    Field("unit", TextField(), False, "the unit that handles complaints",
          "Digitaalisen esteettömyyden ja saavutettavuuden valvontayksikkö"),
    Field("url", LocalisedUrl(), False, "its web address, or one per language",
          "https://www.saavutettavuusvaatimukset.fi/"),
    Field("email", Email(), False, "its email", "saavutettavuus@traficom.fi"),
    Field("phone", Phone(), False, "its phone, in quotes", '"029 534 5000"'),
), (_check_any("url", "email", "phone"),), label="{name, unit, url, email, phone}"),
    _build(model.Authority))

ACCESSIBILITY = Mapped(Record("the accessibility statement", (
    Field("status", Choice(("fully", "partially", "not"), label="fully, partially or not",
                           hint="fully: the site meets every WCAG 2.1 level A and AA "
                           "requirement; partially: it meets most of them (list the rest "
                           "under known_gaps); not: it fails most of them"), True,
          "how the site meets WCAG 2.1 level AA: fully, partially or not", "partially"),
    Field("assessed", Date(), True, "when the statement was prepared or last updated",
          "2026-11-22"),
    Field("method", KeywordOrText("self-assessment", "third-party"), False,
          "how accessibility was assessed: self-assessment, third-party, or in words",
          "self-assessment"),
    Field("known_gaps", ListOf(KNOWN_GAP), False, "content that is not accessible",
          "- text: Osa tiedoista on vain suomeksi."),
    Field("feedback", FEEDBACK, False, "where to give feedback (default: the site contact)",
          "{email: hyte@example.org}"),
    Field("response_days", Int(1, 14, hint="the Act on the Provision of Digital Services "
                               "(306/2019) requires a reply within two weeks: 14 at most"),
          False, "days within which feedback is answered (default 14)", "14"),
    Field("authority", AUTHORITY, False,
          "the supervisory authority (default: Traficom, the Finnish authority since 2025)",
          "{name: …, url: https://…}"),
), label="accessibility statement"), _build(model.AccessibilityStatement))

PRIVACY = Mapped(Record("the privacy notice", (
    Field("controller", TextField(), False, "who is responsible for the data (default: publisher)",
          "Keski-Uudenmaan hyvinvointialue"),
    Field("contact", Email(), False, "email for privacy questions (default: the site contact)",
          "tietosuoja@example.org"),
    Field("host", TextField(), False, "who hosts the site", "GitHub Pages (GitHub Inc.)"),
    Field("host_logs", TextField(), False, "what the host logs about visitors, in words",
          "IP-osoitteet palvelimen lokeissa tietoturvaa varten"),
    Field("host_policy", Url(), False, "the host's privacy statement",
          "https://docs.github.com/en/site-policy/privacy-policies/"
          "github-general-privacy-statement"),
    Field("retention", TextField(), False, "how long feedback messages are kept",
          "Viestit poistetaan vuoden kuluttua asian käsittelystä."),
), label="privacy notice"), _build(model.Privacy))

# Licences of open data by SPDX id: (name, address).
LICENCES = {
    "CC-BY-4.0": ("Creative Commons Attribution 4.0 International (CC BY 4.0)",
                  "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
                     "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC0-1.0": ("CC0 1.0 Universal (public domain dedication)",
                "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODbL-1.0": ("Open Data Commons Open Database License (ODbL) 1.0",
                 "https://opendatacommons.org/licenses/odbl/1-0/"),
}
_LICENCE_RECORD = Record("a data licence", (
    Field("name", Str(label="name"), True, "the licence's name", "Nimeä 4.0 Kansainvälinen"),
    Field("url", Url(), True, "the licence's address", "https://creativecommons.org/licenses/"
          "by/4.0/deed.fi"),
    Field("id", Str(label="SPDX id", pattern=r"[A-Za-z0-9.+-]+",
                    pattern_hint="letters, digits, '.', '+' and '-', e.g. CC-BY-4.0"), False,
          "its SPDX identifier, if it has one", "CC-BY-4.0"),
), label="{name, url, id}")
DATA_LICENCE = ChoiceOf(
    Mapped(Choice(tuple(LICENCES), label=" or ".join(LICENCES),
                  hint="write one of these ids, or {name: …, url: https://…} for another "
                  "licence"), lambda spdx: model.DataLicence(spdx, *LICENCES[spdx])),
    Mapped(_LICENCE_RECORD, lambda v: model.DataLicence(v.get("id"), v["name"], v["url"])),
    "CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, ODbL-1.0, or {name, url, id}")

SITE = Record("site.yaml", (
    Field("name", TextField(), True, "name of the guide", "Keski-Uudenmaan hyte-opas"),
    Field("region", TextField(), True, "region the guide covers", "Keski-Uusimaa"),
    Field("description", TextField(), False, "one sentence for the home page and search engines",
          "…"),
    Field("publisher", TextField(), False, "who publishes the guide", "Keski-Uudenmaan hva"),
    Field("base_url", Url(), True, "the published address, ending with /",
          "https://example.github.io/hyteguide/"),
    Field("languages", ListOf(Str(label="language code"), min_items=1), True,
          "site languages, default first", "[fi, sv, en]"),
    Field("timezone", Str(label="time zone"), False, "time zone of all times", "Europe/Helsinki"),
    Field("contact", SITE_CONTACT, True, "contact for feedback", "{email: hyte@example.org}"),
    Field("repository", Url(), False, "the content repository (for edit links)",
          "https://github.com/example/hyteguide"),
    Field("branch", Str(label="branch"), False, "the repository's branch that is published "
          "(for edit links; default main)", "main"),
    Field("horizon_weeks", Int(1, 104), False, "how many weeks ahead the calendar shows", "12"),
    Field("review_after_months", Int(1, 120), False, "how old an organisation's 'reviewed' may "
          "get before check warns and its pages say the information may be out of date", "12"),
    Field("hide_after_months", Int(1, 240), False, "how old 'reviewed' may get before the "
          "organisation and its activities are left out of listings, calendar and search (their "
          "own pages stay, marked); not set: never", "24"),
    Field("accessibility", ACCESSIBILITY, False,
          "the accessibility statement (page accessibility/)", "{status: partially, …}"),
    Field("privacy", PRIVACY, False, "the privacy notice (page privacy/)", "{host: …}"),
    Field("data_licence", DATA_LICENCE, False, "the licence of the open data (page opendata/); "
          "default CC-BY-4.0", "CC-BY-4.0"),
), (_check_languages,), label="site")


class TermEntry(FieldType):
    """A vocabulary term: a label, or labels per language plus more keys."""

    label = "label, or {fi: …, sv: …, en: …, sensitive: true, yso: …}"

    def __init__(self, group: str):
        self.group = group

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        term_id = where.rsplit(".", 1)[-1]
        if not re.fullmatch(TERM_PATTERN, term_id):
            return ctx.error(node, where, "bad-slug", f"'{term_id}' is not a valid term id",
                             "use lowercase letters a-z, digits, '-' and '_'")
        if not isinstance(node, yaml.MappingNode):
            label = TextField().convert(node, ctx, where)
            return INVALID if label is INVALID else model.Term(self.group, term_id, label)
        label_pairs = [(k, v) for k, v in node.value if k.value in ctx.languages]
        other = yaml.MappingNode(node.tag, [(k, v) for k, v in node.value
                                            if k.value not in ctx.languages], node.start_mark)
        values = TERM_PROPERTIES.convert(other, ctx, where)
        labels = TextField().convert(yaml.MappingNode(node.tag, label_pairs, node.start_mark), ctx,
                                     where) if label_pairs else None
        if values is INVALID or labels is INVALID:
            return INVALID
        if labels is None or not labels.has(ctx.default_language):
            return ctx.error(node, where, "missing-field",
                             f"term '{term_id}' needs a label in {ctx.default_language}",
                             f"add '{ctx.default_language}: …'")
        return model.Term(self.group, term_id, labels, **model_values(values))


_YSO = re.compile(r"(?:https?://(?:www\.)?yso\.fi/onto/yso/|yso:)?(p[1-9]\d*)")
PTV_CODE = r"(?:P|KR)[1-9]\d*(?:\.[1-9]\d*)*"
_PTV_URI = re.compile(r"http://uri\.suomi\.fi/codelist/ptv/(?:ptvserclass2|ptvkohderyhmat)/code/"
                      rf"({PTV_CODE})")


class YsoConcept(FieldType):
    """A concept of YSO, the General Finnish Ontology, as its URI (http://www.yso.fi/onto/yso/p…).
    The short forms 'yso:p916' (Linked Events) and 'p916' are written out in full."""

    label = "YSO concept URI http://www.yso.fi/onto/yso/p…"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a YSO concept URI")
        if value is INVALID:
            return value
        found = _YSO.fullmatch(value)
        if found:
            return model.YSO_BASE + found.group(1)
        return ctx.error(node, where, "bad-code", f"'{value}' is not a YSO concept",
                         "copy the concept's URI from finto.fi/yso, e.g. "
                         "http://www.yso.fi/onto/yso/p916 (liikunta); leave the code out if "
                         "there is no matching concept")


class PtvCode(FieldType):
    """A code of the national service catalogue (Palvelutietovaranto): a service class such as
    P27.1 (codelist ptvserclass2) or a target group such as KR1 (ptvkohderyhmat)."""

    label = "PTV service class (P…) or target group (KR…) code"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a PTV code such as P27.1 or KR1")
        if value is INVALID:
            return value
        found = _PTV_URI.fullmatch(value)
        code = found.group(1) if found else value.upper()
        if re.fullmatch(PTV_CODE, code):
            return code
        return ctx.error(node, where, "bad-code", f"'{value}' is not a PTV code",
                         "write the code of a service class (P27.1) or of a target group (KR1) "
                         "from the codelists ptvserclass2 and ptvkohderyhmat at koodistot.suomi.fi")


class LahellaCode(FieldType):
    """A theme or format of Lähellä.fi, as that service names or numbers it: one short line."""

    label = "Lähellä.fi theme or format (one short line)"

    def convert(self, node: yaml.Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where, "a Lähellä.fi theme or format")
        if value is INVALID:
            return value
        if value and len(value) <= 80 and value.isprintable():
            return value
        return ctx.error(node, where, "bad-code", f"'{value[:40]}' is not a Lähellä.fi code",
                         "write the theme or format as Lähellä.fi shows it, on one line of at "
                         "most 80 characters")


TERM_PROPERTIES = Record("a vocabulary term", (
    Field("sensitive", Bool(), False, "no named contact people on activities for this audience",
          "true"),
    Field("description", TextField(), False, "what the term means", "…"),
    Field("everyone", Bool(), False,
          "an audience that means everyone: its activities match any audience filter", "true"),
    Field("bilingual", Bool(), False, "a municipality with two official languages: the report "
          "lists entries there that lack a text in a site language", "true"),
    Field("yso", ListOf(YsoConcept()), False, "the same concept in YSO (used by Linked Events; "
          "exports and linked data use it)", "http://www.yso.fi/onto/yso/p916"),
    Field("ptv", ListOf(PtvCode()), False, "the national service catalogue's service class or "
          "target group", "P27.1"),
    Field("lahella", ListOf(LahellaCode()), False, "the Lähellä.fi theme or format",
          "Liikunta ja ulkoilu"),
), label="term properties")


VOCABULARY = Record("vocabulary.yaml", tuple(
    Field(group, Record(f"the vocabulary group '{group}'", (), extra=TermEntry(group)),
          group in ("municipalities", "themes", "audiences", "formats", "languages"),
          f"terms of '{group}'", "liikunta: {fi: Liikunta, sv: Motion, en: Exercise}")
    for group in VOCABULARY_GROUPS), label="vocabulary")
