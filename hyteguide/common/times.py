"""Weekdays, clock times and RFC 5545 recurrence values: the one table and formatter of each.

Weekdays are numbered as Python numbers them (Monday = 0, `date.weekday()`), everywhere: the
content model, the catalogues' weekday lists, the outputs. A time of day is local wall-clock
time; the end of the day is `END_OF_DAY` (dt.time.max), written "24:00". What a written time
means on a given day (clock changes, overnight ends) is schedule/wallclock.py's.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

# RFC 5545 weekday codes (BYDAY, WKST), also HSDS's byday and wkst.
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# The weekdays as content files and the plain JSON export write them.
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# English names: messages to editors, and schema.org's DayOfWeek URLs.
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
END_OF_DAY = dt.time.max  # "24:00": an end at the next midnight


class ClockRange(Protocol):
    """A time of day as written (content.model.TimeRange): a start, and an end or none."""

    @property
    def start(self) -> dt.time: ...

    @property
    def end(self) -> dt.time | None: ...


def clock(value: dt.time) -> str:
    """A machine-readable HH:MM, with 24:00 for the end of the day."""
    return "24:00" if value == END_OF_DAY else f"{value:%H:%M}"


def written(time: ClockRange) -> str:
    """A time as an editor writes it: "03:30-04:30", "22:00-02:00", "18:45", "18:00-24:00"."""
    return clock(time.start) if time.end is None else f"{clock(time.start)}-{clock(time.end)}"


def clock_fields(time: ClockRange | None) -> dict[str, str]:
    """{"start": HH:MM, "end": HH:MM}: an end before the start is on the next day, a start
    alone has no "end", and no time gives {}."""
    if time is None:
        return {}
    if time.end is None:
        return {"start": clock(time.start)}
    return {"start": clock(time.start), "end": clock(time.end)}


def recur_parts(value: str) -> dict[str, str]:
    """The NAME=VALUE parts of an RFC 5545 RECUR value, in order: "FREQ=WEEKLY;BYDAY=TU" →
    {"FREQ": "WEEKLY", "BYDAY": "TU"}. (A value is checked when it is read: schema.py.)"""
    return dict(part.split("=", 1) for part in value.split(";") if "=" in part)


def byday(value: str) -> list[tuple[int | None, int]]:
    """A BYDAY value's days as (ordinal or None, weekday): "1TU,-1FR,SA" → [(1, 1), (-1, 4),
    (None, 5)]."""
    days = []
    for item in value.split(",") if value else ():
        ordinal, code = item[:-2], item[-2:]
        days.append((int(ordinal) if ordinal not in ("", "+") else None,
                     WEEKDAY_CODES.index(code)))
    return days
