"""HSDS schedules → hyteguide schedule rules (and a place's opening hours).

HSDS 3.0 `schedule` rows are RFC 5545 parts (freq, interval, byday, …, dtstart, until, count)
with opening times; HSDS 1.x/2.x `regular_schedule` rows are a weekday with times and
`holiday_schedule` rows periods that are closed or have other hours. They become the forms of
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

from hyteguide.content.schema import WEEKDAY_ALIASES, WEEKDAYS
from hyteguide.importers.hsds.content_files import Flow, Quoted
from hyteguide.importers.hsds.tables import Note, Row
from hyteguide.importers.hsds.text import one_line

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ORDINAL_WORDS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", -1: "last"}
TRUE_WORDS = {"true", "1", "yes", "y", "t"}
Text = Callable[[str], Any]  # wraps a text in the import's language

_TIME = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2})(?:\.\d+)?)?\s*(am|pm)?\s*"
                   r"(z|utc|[+-]\d{1,2}(?::?\d{2})?)?", re.IGNORECASE)
_NOT_MAPPED = {
    "schedule_link": "a schedule rule has no web address",
    "attending_type": "a schedule rule has no field for how to attend",
}


def parse_date(value: str) -> dt.date | None:
    """A date from YYYY-MM-DD (a time after it, as in 2023-03-15T10:30Z, is ignored)."""
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?", value.strip())
    try:
        return dt.date.fromisoformat(match.group(1)) if match else None
    except ValueError:
        return None


def _date(row: Row, name: str, notes: list[Note]) -> dt.date | None:
    value = row.get(name)
    date = parse_date(value) if value else None
    if value and date is None:
        notes.append(Note(name, value, "not a date YYYY-MM-DD: ignored", "warning"))
    return date


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
        return dt.time.max, offset or ""
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
    if alone and alone[0] != dt.time.max:
        return Quoted(f"{alone[0]:%H:%M}")
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
        finish = dt.time.max
    if finish < begin and activity:
        return Quoted(f"{begin:%H:%M}-{finish:%H:%M}")  # ends the next day
    if finish < begin:
        notes.append(Note("closes_at", closes, "goes past midnight: the time ends at 24:00",
                          "warning"))
        finish = dt.time.max
    if finish == begin or begin == dt.time.max:
        notes.append(Note("closes_at", closes, "not after opens_at: no time was written"))
        return None
    last = "24:00" if finish == dt.time.max else f"{finish:%H:%M}"
    return Quoted(f"{begin:%H:%M}-{last}")


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
    if word.upper() in CODES:
        return CODES.index(word.upper())
    word = WEEKDAY_ALIASES.get(word, word)
    return WEEKDAYS.get(word)


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
        if self.wkst and self.wkst not in CODES:
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
        codes = ",".join(CODES[d] for d in days)
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
            return {"weekly": Flow(DAY_NAMES[d] for d in days)}
        if self.interval <= 8 and self.wkst in ("", "MO"):
            return {"weekly": Flow(DAY_NAMES[d] for d in days), "every": self.interval}
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
            parts.append("BYDAY=" + ",".join(f"{o or ''}{CODES[d]}" for o, d in days))
        if numbers:
            parts.append("BYMONTHDAY=" + ",".join(map(str, numbers)))
        self.recur = ";".join(parts)
        simple = self.interval == 1 and not (days and numbers) and all(
            o in ORDINAL_WORDS for o, _ in days) and all(n > 0 for n in numbers)
        if not simple:
            return {"rrule": self.recur}
        return {"monthly": Flow([*(f"{ORDINAL_WORDS[o]} {DAY_NAMES[d]}" for o, d in days
                                   if o is not None), *map(str, numbers)])}

    def other(self, freq: str) -> dict[str, Any]:
        parts = [f"FREQ={freq}"] + ([f"INTERVAL={self.interval}"] if self.interval > 1 else [])
        for name, values in (("BYDAY", [f"{o or ''}{CODES[d]}" for o, d in self.byday]),
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
    dates = {name: _date(row, name, notes)
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


# -- HSDS 1.x: regular_schedule and holiday_schedule -----------------------------------------

def regular_rules(regular: list[Row], holidays: list[Row], zone: str
                  ) -> tuple[list[dict[str, Any]], list[tuple[Row, Note]], list[Row]]:
    """Weekly rules from regular_schedule rows (days with the same hours share a rule), with
    holiday_schedule closures as `except` and other holiday hours as rules of their own; the
    notes on rows, and the rows that gave nothing."""
    found: list[tuple[Row, Note]] = []
    unused: list[Row] = []
    times_by_day: dict[int, set[str]] = {}
    for row in regular:
        notes: list[Note] = []
        day = weekday(row.get("weekday"))
        if day is None:
            notes.append(Note("weekday", row.get("weekday"), "not a weekday (1 = Monday … "
                              "7 = Sunday): this row was not imported"))
            unused.append(row)
        else:
            time = time_range(row, notes, zone)
            times_by_day.setdefault(day, set()).update([time] if time else [])
        found += [(row, note) for note in notes]
    by_times: dict[tuple[str, ...], list[int]] = {}
    for day, times in sorted(times_by_day.items()):
        by_times.setdefault(tuple(sorted(times)), []).append(day)
    rules = [{"weekly": Flow(DAY_NAMES[d] for d in days), "time": _times(times)}
             for times, days in sorted(by_times.items(), key=lambda item: item[1])]
    extra: list[dict[str, Any]] = []
    for row in holidays:
        notes = []
        added = _holiday(row, rules, notes, zone)
        if added is None:
            unused.append(row)
        extra += added or []
        found += [(row, note) for note in notes]
    for rule in rules:
        if "except" in rule and all(isinstance(x, dt.date) for x in rule["except"]):
            rule["except"] = Flow(rule["except"])
    return [{k: v for k, v in r.items() if v is not None} for r in rules + extra], found, unused


def _times(times: tuple[str, ...]) -> Any:
    if not times:
        return None
    return Quoted(times[0]) if len(times) == 1 else Flow(Quoted(t) for t in times)


def _holiday(row: Row, rules: list[dict[str, Any]], notes: list[Note], zone: str
             ) -> list[dict[str, Any]] | None:
    """Apply one holiday_schedule row to the weekly rules; return the rules it adds (None: the
    row changes nothing)."""
    start = _date(row, "start_date", notes)
    end = _date(row, "end_date", notes) or start
    if start is None or end is None or end < start:
        notes.append(Note("start_date", f"{row.get('start_date')}–{row.get('end_date')}",
                          "no valid period: this row was not imported"))
        return None
    closed = row.get("closed").lower() in TRUE_WORDS
    time = None if closed else time_range(row, notes, zone)
    if not closed and time is None:
        notes.append(Note("closed", row.get("closed") or "(empty)", "not closed and no other "
                          "hours: nothing to change"))
        return None
    if not rules and closed:
        notes.append(Note("closed", row.get("closed"), "there is no regular schedule to take "
                          "these days out of"))
        return None
    span: Any = start if start == end else {"from": start, "until": end}
    for rule in rules:
        rule.setdefault("except", []).append(span)
    if closed:
        return []
    if rules:
        return [{"weekly": rule["weekly"], "time": time, "from": start, "until": end}
                for rule in rules]
    days = [start + dt.timedelta(days=n) for n in range(min((end - start).days, 365) + 1)]
    return [{"date": Flow(days), "time": time}]


def opening_hours(rule: dict[str, Any]) -> list[dict[str, Any]] | None:
    """A weekly rule as a place's opening hours entries ({days, time, from, until}), or None
    when it has another form (opening hours are weekly, with one time range each)."""
    times = rule.get("time")
    if "weekly" not in rule or "every" in rule or "except" in rule or not times:
        return None
    return [{"days": rule["weekly"], "time": time, "from": rule.get("from"),
             "until": rule.get("until")}
            for time in (times if isinstance(times, list) else [times])]
