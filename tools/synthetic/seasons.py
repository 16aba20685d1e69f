"""The year around the generator's `today`: terms, school breaks, the weeks near today, and
the days a rule is really held, from hyteguide's own schedule engine.

The generator picks cancellations, excepted days and extra days among the days a rule is held,
so that `hyteguide check` accepts them; asking hyteguide.schedule (the engine `check` and every
output use, with Finnish holidays from the `holidays` package) keeps the two in step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from hyteguide.model import DateRange, MonthlyDay, ScheduleRule
from hyteguide.schedule.occurrences import rule_dates

DAY = dt.timedelta(days=1)
Span = tuple[dt.date, dt.date]


@dataclass(frozen=True)
class Seasons:
    """The operating year (autumn of `year` to summer of `year + 1`) that holds `today`."""

    today: dt.date
    year: int
    terms: tuple[Span, Span, Span]  # autumn, spring, the next autumn
    autumn_break: Span
    winter_break: Span
    christmas_break: Span
    summer_break: Span
    near: Span  # where cancellations and excepted days are picked: three weeks back, 8 ahead

    @classmethod
    def around(cls, today: dt.date) -> Seasons:
        year = today.year if today.month >= 7 else today.year - 1
        return cls(
            today, year,
            ((dt.date(year, 8, 10), dt.date(year, 12, 18)),
             (dt.date(year + 1, 1, 8), dt.date(year + 1, 5, 31)),
             (dt.date(year + 1, 8, 10), dt.date(year + 1, 12, 18))),
            (dt.date.fromisocalendar(year, 42, 1), dt.date.fromisocalendar(year, 42, 5)),
            (dt.date.fromisocalendar(year + 1, 8, 1), dt.date.fromisocalendar(year + 1, 8, 5)),
            (dt.date(year, 12, 21), dt.date(year + 1, 1, 6)),
            (dt.date(year + 1, 6, 1), dt.date(year + 1, 8, 9)),
            (today - 21 * DAY, today + 56 * DAY))

    def current_terms(self) -> tuple[Span, Span]:
        """The term today is in (or the next one) and the one after it."""
        index = next(i for i, (_, end) in enumerate(self.terms) if end >= self.today)
        return self.terms[index], self.terms[min(index + 1, len(self.terms) - 1)]


def next_weekday(day: dt.date, weekday: int) -> dt.date:
    """`day` itself or the first day after it that is `weekday` (Monday = 0)."""
    return day + DAY * ((weekday - day.weekday()) % 7)


def weekly_held(days: Sequence[int], first: dt.date, last: dt.date, *, every: int = 1,
                start: dt.date | None = None, until: dt.date | None = None,
                breaks: Sequence[Span] = (), holidays: bool = False) -> list[dt.date]:
    """The days from first to last that a weekly rule is held on: its weekdays (every
    `every` weeks counted from `start`'s week) within from–until, outside the breaks, and
    not on public holidays unless `holidays` (holidays: include)."""
    if not days:
        return []
    rule = ScheduleRule(weekly=tuple(days), every=every, start=start, until=until,
                        exceptions=tuple(DateRange(a, b) for a, b in breaks),
                        holidays="include" if holidays else "skip")
    return rule_dates(rule, first, last)


def monthly_held(specs: Sequence[tuple[int, int | None]], first: dt.date, last: dt.date, *,
                 start: dt.date | None = None, until: dt.date | None = None,
                 holidays: bool = False) -> list[dt.date]:
    """The days from first to last that a monthly rule is held on: each (ordinal, weekday)
    is the Nth (or last: -1) weekday of a month, or day number `ordinal` when weekday is None."""
    rule = ScheduleRule(monthly=tuple(MonthlyDay(o, w) for o, w in specs), start=start,
                        until=until, holidays="include" if holidays else "skip")
    return rule_dates(rule, first, last)
