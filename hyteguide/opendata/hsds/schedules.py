"""Schedule rules → HSDS schedule rows: one per recurrence and time of day (freq, interval,
byday, bymonthday, dtstart, until, count, opens_at, closes_at); a single day is a weekly rule
with dtstart = until. What HSDS cannot say (skipped public holidays, exceptions, the time zone,
rules beyond WEEKLY and MONTHLY) is written in words in `notes`. A place's opening hours too."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hyteguide.common.times import WEEKDAY_CODES, recur_parts
from hyteguide.feeds.jsonldvalues import clock
from hyteguide.model import Activity, Place, ScheduleRule, Text, TimeRange
from hyteguide.opendata.hsds.context import Export, Tables
from hyteguide.opendata.hsds.schema import Row
from hyteguide.schedule.occurrences import is_skipped, recurrences


def add_opening_hours(place: Place, location_id: str, x: Export, t: Tables) -> None:
    """A place's opening hours as weekly schedule rows of its location (or in words)."""
    notes = _zoned(x, x.words(x.view.optional(place.opening_hours_note)))
    if isinstance(place.opening_hours, Text):  # in words only
        t.add("schedule", {"id": x.id(place, "#hours"), "location_id": location_id,
                           "description": x.view.optional(place.opening_hours), "notes": notes})
        return
    for index, hours in enumerate(place.opening_hours, 1):
        t.add("schedule", {
            "id": x.id(place, f"#hours-{index}"), "location_id": location_id,
            "valid_from": _iso(hours.start), "valid_to": _iso(hours.until), "freq": "WEEKLY",
            "wkst": "MO", "byday": ",".join(WEEKDAY_CODES[d] for d in hours.days),
            "description": x.catalogue.opening_hours((hours,)),
            **_times(hours.time), "notes": notes})


def add_schedules(activity: Activity, service_id: str, at_place: str | None, x: Export,
                  t: Tables) -> None:
    """An activity's schedule rows: each rule's recurring parts at each time of day, and its
    single days from today on."""
    base = {"service_id": service_id, "service_at_location_id": at_place,
            "schedule_link": x.view.page_url(activity),
            "attending_type": x.words(
                x.catalogue("activity.online") if activity.online else None,
                x.catalogue("activity.drop_in_text") if activity.drop_in else None)}
    for number, rule in enumerate(activity.schedule, 1):
        if rule.kind != "dates":
            for part_number, part in enumerate(_parts(rule), 1):
                recur = recurrences(part)[0]
                fields = _recurrence(recur)
                unsaid = None if fields else x.catalogue("opendata.rrule", rule=recur)
                for time_number, time in enumerate(rule.times or (None,), 1):
                    t.add("schedule", {
                        "id": x.id(activity, f"#schedule-{number}-{part_number}-{time_number}"),
                        **base, **fields, "dtstart": _iso(rule.start), "until": _iso(rule.until),
                        "description": _rule_words(part, time, x), **_times(time),
                        "notes": _zoned(x, x.words(*_notes(rule, x), unsaid))})
        for day in _single_days(rule, x.guide.today):
            for time_number, time in enumerate(rule.times or (None,), 1):
                t.add("schedule", {
                    "id": x.id(activity, f"#schedule-{number}-{day.isoformat()}-{time_number}"),
                    **base, "freq": "WEEKLY", "wkst": "MO", "byday": WEEKDAY_CODES[day.weekday()],
                    "dtstart": day.isoformat(), "until": day.isoformat(),
                    "description": _day_words(day, time, x, rule.days), **_times(time),
                    "notes": _zoned(x, x.words(x.view.optional(rule.note)))})


def _parts(rule: ScheduleRule) -> list[ScheduleRule]:
    """The rule split so that each part is one RECUR value: a monthly rule with both day
    numbers and weekdays is two parts (occurrences.recurrences)."""
    if rule.kind != "monthly":
        return [rule]
    numbers = tuple(m for m in rule.monthly if m.weekday is None)
    weekdays = tuple(m for m in rule.monthly if m.weekday is not None)
    return [replace(rule, monthly=days) for days in (numbers, weekdays) if days]


# RECUR parts HSDS has a field for (with FREQ=WEEKLY or MONTHLY) and their field names.
_RECUR_FIELDS = {"INTERVAL": "interval", "BYDAY": "byday", "BYMONTHDAY": "bymonthday",
                 "WKST": "wkst", "COUNT": "count"}


def _recurrence(recur: str) -> Row:
    """HSDS fields of an RFC 5545 RECUR value, or {} when HSDS cannot express all of it (a
    FREQ other than WEEKLY or MONTHLY, BYMONTH, BYSETPOS, …): then it is given in words."""
    parts = recur_parts(recur)
    freq = parts.pop("FREQ")
    if freq not in ("WEEKLY", "MONTHLY") or set(parts) - set(_RECUR_FIELDS):
        return {}
    found: Row = {"freq": freq}
    for name, value in parts.items():
        found[_RECUR_FIELDS[name]] = int(value) if name in ("INTERVAL", "COUNT") else value
    return found


def _single_days(rule: ScheduleRule, today: dt.date) -> list[dt.date]:
    """The rule's single days from today on: its `date` days that are held, or the extra
    (`also`) days of a recurring rule within its from–until."""
    if rule.kind == "dates":
        days = [d for d in rule.dates if not is_skipped(rule, d)]
    else:
        days = [d for d in rule.also if (rule.start or d) <= d <= (rule.until or d)]
    cancelled = {c.date for c in rule.cancelled}
    return sorted({d for d in days if d >= today and d not in cancelled})


def _times(time: TimeRange | None) -> Row:
    """opens_at and closes_at (before opens_at when it is on the next day; none for a start
    alone, whose words say "from")."""
    if time is None:
        return {}
    if time.end is None:
        return {"opens_at": clock(time.start)}
    return {"opens_at": clock(time.start), "closes_at": clock(time.end)}


def _rule_words(rule: ScheduleRule, time: TimeRange | None, x: Export) -> str:
    """The recurring part of a rule at one time of day in words: its days, time and bounds,
    without what goes in the notes."""
    plain = replace(rule, times=(time,) if time else (), holidays="include", exceptions=(),
                    also=(), note=None)
    return x.words(x.catalogue.schedule(plain)) or ""


def _day_words(day: dt.date, time: TimeRange | None, x: Export, days: int = 1) -> str:
    if days > 1:  # a time of several days (a camp), from its first day to its last
        return x.words(x.catalogue.span(day, time, days)) or ""
    words = x.catalogue.date(day, "weekday")
    return x.words(words + (" " + x.catalogue.time_range(time) if time else "")) or ""


def _notes(rule: ScheduleRule, x: Export) -> list[str | None]:
    """What HSDS cannot say about a recurring rule, in words: skipped public holidays, excepted
    days and periods, extra days (also rows of their own) and the rule's note."""
    say = x.catalogue
    return [say("schedule.no_holidays") if rule.skips_holidays else None,
            say("schedule.except", dates=say.join([say.date_range(r) for r in rule.exceptions]))
            if rule.exceptions else None,
            say("schedule.also", dates=say.join([say.date(d) for d in rule.also]))
            if rule.also else None,
            x.view.optional(rule.note)]


def _zoned(x: Export, sentence: str | None) -> str:
    """A note followed by the sentence on the time zone that every time is in."""
    zone = x.catalogue("opendata.timezone", zone=x.guide.content.site.timezone)
    return f"{sentence} {zone}" if sentence else zone


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
