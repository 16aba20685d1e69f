"""Calendar weeks: the window's occurrences as ISO weeks of days, for the region and each
municipality (derive.guide makes them; the calendar pages and paging show them)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from hyteguide.model import DateRange
from hyteguide.schedule.occurrences import Occurrence


@dataclass(frozen=True)
class CalendarWeek:
    """One ISO week of a calendar: its Monday and, in order, each of its days inside the
    window (today … horizon) with that day's occurrences (cancelled ones included)."""

    start: dt.date
    days: tuple[tuple[dt.date, tuple[Occurrence, ...]], ...]

    @property
    def end(self) -> dt.date:
        """The week's Sunday."""
        return self.start + dt.timedelta(days=6)

    @property
    def first(self) -> dt.date:
        """The first day listed (today in the current week, else the Monday)."""
        return self.days[0][0]

    @property
    def last(self) -> dt.date:
        """The last day listed (the horizon's end in the last week, else the Sunday)."""
        return self.days[-1][0]

    @property
    def span(self) -> DateRange:
        """The days listed, first to last."""
        return DateRange(self.first, self.last)

    @property
    def year(self) -> int:
        """The ISO year (2026 for the week of 28.12.2026–3.1.2027)."""
        return self.start.isocalendar()[0]

    @property
    def number(self) -> int:
        """The ISO week number, 1–53."""
        return self.start.isocalendar()[1]

    @property
    def slug(self) -> str:
        """The ISO week as in URLs: '2026-w49'."""
        return f"{self.year}-w{self.number:02}"

    @property
    def occurrences(self) -> tuple[Occurrence, ...]:
        """Every occurrence of the week, in order."""
        return tuple(o for _, day in self.days for o in day)


@dataclass(frozen=True)
class Calendar:
    """The day-by-day agenda of the whole region (municipality None) or of one municipality,
    as weeks from today's week to the horizon; weeks[0] is the current week."""

    municipality: str | None
    weeks: tuple[CalendarWeek, ...]



def calendar_weeks(municipality: str | None, occurrences: Iterable[Occurrence], first: dt.date,
                   last: dt.date) -> Calendar:
    """Sorted occurrences as ISO weeks of days from first to last (inclusive); every day is
    listed, also those with nothing on."""
    by_day: dict[dt.date, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        by_day[occurrence.date].append(occurrence)
    weeks = []
    monday = first - dt.timedelta(days=first.weekday())
    while monday <= last:
        days = (monday + dt.timedelta(days=n) for n in range(7))
        weeks.append(CalendarWeek(monday, tuple((d, tuple(by_day.get(d, ())))
                                                for d in days if first <= d <= last)))
        monday += dt.timedelta(weeks=1)
    return Calendar(municipality, tuple(weeks))
