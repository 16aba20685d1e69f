"""Dates, times of day, time zones and weekdays as HSDS data writes them, read for schedule
rules: 09:00, 9.00, 9am, 24:00 and times past midnight; a UTC offset or zone other than the
site's is reported, never converted (times stay as written, in local time)."""

from __future__ import annotations

import datetime as dt
import re

from hyteguide.common.times import END_OF_DAY, WEEKDAY_CODES, clock, written
from hyteguide.content.schema import WEEKDAY_ALIASES, WEEKDAYS
from hyteguide.importers.hsds.content_files import Quoted
from hyteguide.importers.hsds.tables import Note, Row
from hyteguide.model import TimeRange

_TIME = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2})(?:\.\d+)?)?\s*(am|pm)?\s*"
                   r"(z|utc|[+-]\d{1,2}(?::?\d{2})?)?", re.IGNORECASE)


def parse_date(value: str) -> dt.date | None:
    """A date from YYYY-MM-DD (a time after it, as in 2023-03-15T10:30Z, is ignored)."""
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?", value.strip())
    try:
        return dt.date.fromisoformat(match.group(1)) if match else None
    except ValueError:
        return None


def row_date(row: Row, name: str, notes: list[Note]) -> dt.date | None:
    """A row's date field, or None (with a warning when it is there but not a date)."""
    value = row.get(name)
    date = parse_date(value) if value else None
    if value and date is None:
        notes.append(Note(name, value, "not a date YYYY-MM-DD: ignored", "warning"))
    return date


def _clock(value: str) -> tuple[dt.time, str] | None:
    """(time, UTC offset as written or '') of 09:00, 9.00, 09:00:00, 9am, 09:00Z, 09:00-05:00."""
    match = _TIME.fullmatch(value.strip())
    if not match:
        return None
    hour, minute, _, half, offset = match.groups()
    hour, minute = int(hour), int(minute or 0)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.lower() == "pm" else 0)
    if (hour, minute) == (24, 0):
        return END_OF_DAY, offset or ""
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute), offset or ""


def time_range(row: Row, notes: list[Note], zone: str, activity: bool = False
               ) -> Quoted | None:
    """opens_at–closes_at as "HH:MM-HH:MM", or None (with a note saying why). An activity's
    time (schema.ACTIVITY_TIME) may be a start alone, and may end after midnight."""
    opens, closes = row.get("opens_at"), row.get("closes_at")
    if not opens and not closes:
        return None
    alone = _clock(opens) if activity and opens and not closes else None
    if alone and alone[0] != END_OF_DAY:
        return Quoted(clock(alone[0]))
    if not opens or not closes:
        given = "opens_at" if opens else "closes_at"
        notes.append(Note(given, opens or closes, "opens_at and closes_at go together: no time "
                          "was written"))
        return None
    start, end = _clock(opens), _clock(closes)
    for name, value, parsed in (("opens_at", opens, start), ("closes_at", closes, end)):
        if parsed is None:
            notes.append(Note(name, value, "not a time of day: no time was written"))
    if start is None or end is None:
        return None
    offsets = {o for o in (start[1], end[1]) if o}
    if offsets:
        notes.append(Note("opens_at", f"{opens}–{closes}", f"the UTC offset {', '.join(offsets)} "
                          f"is not used: times are kept as written, in local time ({zone})",
                          "warning"))
    begin, finish = start[0], end[0]
    if finish == dt.time(0, 0) and begin != finish:
        finish = END_OF_DAY
    if finish < begin and activity and begin != END_OF_DAY:
        return Quoted(written(TimeRange(begin, finish)))  # ends the next day
    if finish < begin and begin != END_OF_DAY:
        notes.append(Note("closes_at", closes, "goes past midnight: the time ends at 24:00",
                          "warning"))
        finish = END_OF_DAY
    if finish == begin or begin == END_OF_DAY:
        notes.append(Note("closes_at", closes, "not after opens_at: no time was written"))
        return None
    return Quoted(written(TimeRange(begin, finish)))


def zone_note(row: Row, zone: str, notes: list[Note]) -> None:
    """A warning for a time zone (numeric UTC offset or name) that is not the site's."""
    value = row.get("timezone")
    if not value or value == zone:
        return
    number = re.fullmatch(r"(?:utc|gmt)?\s*([+-]?\d{1,2}(?:\.\d+)?)(?::(\d{2}))?", value.lower())
    label = f"UTC{float(number.group(1)):+g}" if number else "a time zone"
    notes.append(Note("timezone", value, f"{label} is not used: times are kept as written, in "
                      f"local time ({zone})", "warning"))


def weekday(value: str) -> int | None:
    """Monday = 0 from 1…7 (HSDS 1.1: 1 = Monday), a name (Monday, ma, tue) or a code (MO)."""
    word = value.strip().lower()
    if word.isascii() and word.isdigit():
        return int(word) - 1 if 1 <= int(word) <= 7 else None
    if word.upper() in WEEKDAY_CODES:
        return WEEKDAY_CODES.index(word.upper())
    word = WEEKDAY_ALIASES.get(word, word)
    return WEEKDAYS.get(word)
