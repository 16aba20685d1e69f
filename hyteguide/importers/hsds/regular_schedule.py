"""HSDS 1.x/2.x schedules → hyteguide schedule rules: `regular_schedule` rows (a weekday with
times) become weekly rules, days with the same hours sharing one; `holiday_schedule` rows
(periods closed or with other hours) become `except` periods and rules of their own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hyteguide.common.times import WEEKDAY_KEYS
from hyteguide.importers.hsds.content_files import Flow, Quoted
from hyteguide.importers.hsds.tables import Note, Row
from hyteguide.importers.hsds.times import row_date, time_range, weekday

TRUE_WORDS = {"true", "1", "yes", "y", "t"}


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
    rules = [{"weekly": Flow(WEEKDAY_KEYS[d] for d in days), "time": _times(times)}
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
    start = row_date(row, "start_date", notes)
    end = row_date(row, "end_date", notes) or start
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
