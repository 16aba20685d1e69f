"""HSDS schedules → hyteguide schedule rules (and a place's opening hours).

HSDS 3.0 `schedule` rows are RFC 5545 parts (freq, interval, byday, …, dtstart, until, count)
with opening times (HSDS 1.x/2.x `regular_schedule` and `holiday_schedule` rows:
regular_schedule.py; times and dates as written: times.py). They become the forms of
the content schema: `weekly` (with `every`), `monthly`, `date`, or `rrule` for the rest; `until`
and `count` become `until`, `valid_from`/`valid_to` the rule's `from`/`until`. Times stay as
written, in local time: a time zone in the data is reported, never converted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from dateutil.rrule import rrulestr

from hyteguide.common.times import WEEKDAY_CODES, WEEKDAY_KEYS
from hyteguide.importers.hsds.content_files import Flow
from hyteguide.importers.hsds.tables import Note, Row
from hyteguide.importers.hsds.text import one_line
from hyteguide.importers.hsds.times import (
    row_date,
    time_range,
    weekday,
    zone_note,
)

ORDINAL_WORDS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", -1: "last"}

Text = Callable[[str], Any]  # wraps a text in the import's language


_NOT_MAPPED = {
    "schedule_link": "a schedule rule has no web address",
    "attending_type": "a schedule rule has no field for how to attend",
}


def _number(row: Row, name: str, low: int, high: int, notes: list[Note]) -> int | None:
    value = row.get(name)
    if not value:
        return None
    match = re.fullmatch(r"[+-]?([0-9]{1,6})(?:\.0*)?", value.strip())
    if not match or not low <= int(value.strip().split(".")[0]) <= high:
        notes.append(Note(name, value, f"not a whole number from {low} to {high}: ignored",
                          "warning"))
        return None
    return int(value.strip().split(".")[0])


def _byday(row: Row, notes: list[Note]) -> list[tuple[int | None, int]]:
    """byday parts as (ordinal or None, weekday): 'TH,FR' → [(None, 3), (None, 4)]."""
    found = []
    for part in filter(None, (p.strip() for p in row.get("byday").split(","))):
        match = re.fullmatch(r"([+-]?\d{1,2})?([A-Za-z]+)", part)
        day = weekday(match.group(2)) if match else None
        ordinal = int(match.group(1)) if match and match.group(1) else None
        if day is None or ordinal == 0:
            notes.append(Note("byday", part, "not a weekday such as MO or 2MO: ignored", "warning"))
            continue
        found.append((ordinal, day))
    return list(dict.fromkeys(found))


def _numbers(row: Row, name: str, limit: int, notes: list[Note]) -> list[int]:
    found = []
    for part in filter(None, (p.strip() for p in row.get(name).split(","))):
        if re.fullmatch(r"[+-]?\d{1,3}", part) and 0 < abs(int(part)) <= limit:
            found.append(int(part))
        else:
            notes.append(Note(name, part, f"not a number from -{limit} to {limit}: ignored",
                              "warning"))
    return list(dict.fromkeys(found))


class _Recurrence:
    """The RFC 5545 parts of a schedule row, read once, and the rule form they map to."""

    def __init__(self, row: Row, dtstart: dt.date | None, interval: int, notes: list[Note]):
        self.row, self.dtstart, self.interval, self.notes = row, dtstart, interval, notes
        self.byday = _byday(row, notes)
        self.bymonthday = _numbers(row, "bymonthday", 31, notes)
        self.byweekno = _numbers(row, "byweekno", 53, notes)
        self.byyearday = _numbers(row, "byyearday", 366, notes)
        self.wkst = row.get("wkst").upper()
        if self.wkst and self.wkst not in WEEKDAY_CODES:
            notes.append(Note("wkst", row.get("wkst"), "not a weekday code MO…SU: ignored",
                              "warning"))
            self.wkst = ""
        self.recur = ""  # the RFC 5545 value, for counting (COUNT → until)

    def ignore(self, name: str, why: str) -> None:
        if self.row.get(name):
            self.notes.append(Note(name, self.row.get(name), why, "warning"))

    def form(self, freq: str) -> dict[str, Any] | None:
        if freq == "WEEKLY":
            return self.weekly()
        if freq == "MONTHLY":
            return self.monthly()
        if freq in ("DAILY", "YEARLY"):
            return self.other(freq)
        self.notes.append(Note("freq", self.row.get("freq"), "not WEEKLY, MONTHLY, DAILY or "
                               "YEARLY: the schedule was not imported"))
        return None

    def weekly(self) -> dict[str, Any] | None:
        for name in ("bymonthday", "byyearday"):
            self.ignore(name, "RFC 5545 does not allow it with freq WEEKLY: ignored")
        if any(ordinal is not None for ordinal, _ in self.byday):
            self.ignore("byday", "a number before a weekday (2MO) means nothing with freq "
                        "WEEKLY: only the weekday was used")
        days = sorted({day for _, day in self.byday})
        if not days and self.dtstart:
            days = [self.dtstart.weekday()]
        if not days:
            self.notes.append(Note("freq", "WEEKLY", "neither byday nor dtstart says which "
                                   "weekday: the schedule was not imported"))
            return None
        codes = ",".join(WEEKDAY_CODES[d] for d in days)
        wkst = f";WKST={self.wkst or 'MO'}"
        if self.byweekno:
            if self.interval > 1:
                self.notes.append(Note("byweekno", self.row.get("byweekno"), "weeks of the year "
                                       "with an interval cannot be mapped: the schedule was not "
                                       "imported"))
                return None
            numbers = ",".join(map(str, self.byweekno))
            self.recur = f"FREQ=YEARLY;BYWEEKNO={numbers};BYDAY={codes}{wkst}"
            return {"rrule": self.recur}
        interval = f";INTERVAL={self.interval}" if self.interval > 1 else ""
        self.recur = f"FREQ=WEEKLY{interval};BYDAY={codes}{wkst}"
        if self.interval == 1:
            self.ignore("wkst", "has no effect on a rule held every week")
            return {"weekly": Flow(WEEKDAY_KEYS[d] for d in days)}
        if self.interval <= 8 and self.wkst in ("", "MO"):
            return {"weekly": Flow(WEEKDAY_KEYS[d] for d in days), "every": self.interval}
        return {"rrule": self.recur}

    def monthly(self) -> dict[str, Any] | None:
        for name in ("byweekno", "byyearday"):
            self.ignore(name, "RFC 5545 does not allow it with freq MONTHLY: ignored")
        days, numbers = self.byday, self.bymonthday
        if not days and not numbers and self.dtstart:
            numbers = [self.dtstart.day]
        if not days and not numbers:
            self.notes.append(Note("freq", "MONTHLY", "neither byday, bymonthday nor dtstart "
                                   "says which day: the schedule was not imported"))
            return None
        parts = ["FREQ=MONTHLY"] + ([f"INTERVAL={self.interval}"] if self.interval > 1 else [])
        if days:
            parts.append("BYDAY=" + ",".join(f"{o or ''}{WEEKDAY_CODES[d]}" for o, d in days))
        if numbers:
            parts.append("BYMONTHDAY=" + ",".join(map(str, numbers)))
        self.recur = ";".join(parts)
        simple = self.interval == 1 and not (days and numbers) and all(
            o in ORDINAL_WORDS for o, _ in days) and all(n > 0 for n in numbers)
        if not simple:
            return {"rrule": self.recur}
        return {"monthly": Flow([*(f"{ORDINAL_WORDS[o]} {WEEKDAY_KEYS[d]}" for o, d in days
                                   if o is not None), *map(str, numbers)])}

    def other(self, freq: str) -> dict[str, Any]:
        parts = [f"FREQ={freq}"] + ([f"INTERVAL={self.interval}"] if self.interval > 1 else [])
        for name, values in (("BYDAY", [f"{o or ''}{WEEKDAY_CODES[d]}" for o, d in self.byday]),
                             ("BYMONTHDAY", self.bymonthday), ("BYWEEKNO", self.byweekno),
                             ("BYYEARDAY", self.byyearday)):
            if values:
                parts.append(f"{name}={','.join(map(str, values))}")
        if self.wkst:
            parts.append(f"WKST={self.wkst}")
        self.recur = ";".join(parts)
        return {"rrule": self.recur}


def schedule_rule(row: Row, zone: str, text: Text) -> tuple[dict[str, Any] | None, list[Note]]:
    """An HSDS 3.0 schedule row as one schedule rule, or None; and what could not be mapped."""
    notes: list[Note] = []
    dates = {name: row_date(row, name, notes)
             for name in ("dtstart", "valid_from", "valid_to", "until")}
    count = _number(row, "count", 1, 9999, notes)
    interval = _number(row, "interval", 1, 999, notes) or 1
    zone_note(row, zone, notes)
    if row.get("interval") and interval == 1 and row.get("interval").strip() not in ("1", "1.0"):
        notes.append(Note("interval", row.get("interval"), "which weeks or months is unknown: "
                          "the schedule was not imported"))
        return None, notes
    for name, why in _NOT_MAPPED.items():
        if row.get(name):
            notes.append(Note(name, row.get(name), why))
    rule = _form(row, dates, interval, count, notes)
    if rule is None:
        return None, notes
    rule["time"] = time_range(row, notes, zone, activity=True)
    words = " ".join(one_line(row.get(name)) for name in ("description", "notes")
                     if one_line(row.get(name)))
    rule["note"] = text(words) if words else None
    return {k: v for k, v in rule.items() if v is not None}, notes


def _form(row: Row, dates: dict[str, dt.date | None], interval: int, count: int | None,
          notes: list[Note]) -> dict[str, Any] | None:
    """The rule's days (weekly, monthly, date or rrule) and its from, until and except."""
    dtstart, first, last = dates["dtstart"], dates["valid_from"], dates["valid_to"]
    freq = row.get("freq").upper()
    recurrence = _Recurrence(row, dtstart, interval, notes)
    if not freq and recurrence.byday and all(o is None for o, _ in recurrence.byday):
        notes.append(Note("freq", "", "no freq: taken as WEEKLY, since byday names weekdays",
                          "warning"))
        freq = "WEEKLY"
    if not freq:
        return _single_day(row, dtstart, first, last, notes)
    rule = recurrence.form(freq)
    if rule is None:
        return None
    anchor = dtstart or (first if interval > 1 else None)
    if interval > 1 and not dtstart:
        if not first:
            notes.append(Note("interval", str(interval), "repeating every few weeks or months "
                              "needs dtstart (which weeks?): the schedule was not imported"))
            return None
        notes.append(Note("interval", str(interval), "no dtstart: counted from valid_from",
                          "warning"))
    ends = [d for d in (dates["until"], last) if d]
    if count:
        end = _count_end(recurrence.recur, anchor, count, notes)
        if end is None:
            return None
        ends.append(end)
        if dates["until"]:
            notes.append(Note("count", str(count), "both until and count are given (RFC 5545 "
                              "allows one): the rule ends at whichever comes first", "warning"))
    return {**rule, **_bounds(anchor, first, interval > 1, min(ends) if ends else None)}


def _single_day(row: Row, dtstart: dt.date | None, first: dt.date | None, last: dt.date | None,
                notes: list[Note]) -> dict[str, Any] | None:
    day = dtstart or (first if first and first == last else None)
    if day is None:
        notes.append(Note("freq", "", "no freq and no dtstart: a schedule in words only cannot "
                          "be a rule; write it as one (weekly, monthly or date)"))
        return None
    for name in ("count", "interval", "bymonthday", "byweekno", "byyearday", "wkst"):
        if row.get(name):
            notes.append(Note(name, row.get(name), "no freq: the schedule is the single day "
                              "dtstart, so this is ignored", "warning"))
    return {"date": Flow([day])}


def _count_end(recur: str, anchor: dt.date | None, count: int, notes: list[Note]
               ) -> dt.date | None:
    """The day of the count-th occurrence, which becomes `until`."""
    if anchor is None:
        notes.append(Note("count", str(count), "count without dtstart: it cannot be known "
                          "when the rule ends, so the schedule was not imported"))
        return None
    start = dt.datetime.combine(anchor, dt.time())
    try:
        occurrences = list(rrulestr(f"{recur};COUNT={count}", dtstart=start))
    except (ValueError, TypeError, OverflowError) as err:
        notes.append(Note("count", str(count), f"the rule cannot be counted ({err}): the "
                          "schedule was not imported"))
        return None
    return occurrences[-1].date() if occurrences else anchor


def _bounds(anchor: dt.date | None, first: dt.date | None, counted: bool,
            end: dt.date | None) -> dict[str, Any]:
    """from/until; when weeks are counted from dtstart but the schedule is valid only later,
    `from` stays dtstart and the days before valid_from are excepted."""
    bounds: dict[str, Any] = {"from": max(filter(None, (anchor, first)), default=None),
                              "until": end}
    if counted and anchor and first and first > anchor:
        bounds["from"] = anchor
        bounds["except"] = [{"from": anchor, "until": first - dt.timedelta(days=1)}]
    return bounds


def opening_hours(rule: dict[str, Any]) -> list[dict[str, Any]] | None:
    """A weekly rule as a place's opening hours entries ({days, time, from, until}), or None
    when it has another form (opening hours are weekly, with one time range each)."""
    times = rule.get("time")
    if "weekly" not in rule or "every" in rule or "except" in rule or not times:
        return None
    return [{"days": rule["weekly"], "time": time, "from": rule.get("from"),
             "until": rule.get("until")}
            for time in (times if isinstance(times, list) else [times])]
