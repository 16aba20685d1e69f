"""Paging: long lists as numbered pages of a bounded size, at stable addresses.

A list's first page keeps the list's own path ('activities/'); page n is '<path><n>/'
('activities/2/'). Page sizes are fixed numbers of items, so a page weighs the same however
large the region grows: a bigger region has more pages, not bigger ones.

The calendar: the nearest week is HTML; a week whose occurrences fit on one page stays one
page, a longer week is split by day, each day paged. Later weeks are one page each, drawn by
their script from the week's data (calendardata.py). A split week's own path shows its first
listed day, the other days have a path of their own ('calendar/2026-12-01/',
'calendar/2026-12-01/2/'). The
home page previews today and the coming days: the first few occurrences, the day's total and
the calendar page the day starts on. A long handout is split by theme (handout_sections).

Lists sorted by name are sorted in each language's own order (titles are translated), so a
page holds different items in different languages; Localised values carry that to render.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from hyteguide.common.routes import handout_section, later_page
from hyteguide.derive.calendar import Calendar, CalendarWeek
from hyteguide.derive.guide import sort_key
from hyteguide.schedule.occurrences import Occurrence
from hyteguide.web.urls import calendar_data_path, calendar_path

WINDOW = 2  # numbered links shown either side of the current page


@dataclass(frozen=True)
class PageSizes:
    """How many items a page holds. At 3,000 organisations the heaviest page so made weighs
    about 23 KB gzipped with its stylesheet and scripts (bench/run.py's page weights), under
    half of the 50 KB limit, and so at any size: only the number of pages grows."""

    cards: int = 50  # a page of activities, organisations, places, partnerships, a term's lists
    calendar: int = 100  # occurrences of a calendar page (a whole week, or part of a day)
    handout: int = 50  # entries of a handout page (the A4 list for service counsellors)
    handout_split: int = 200  # a longer handout is split by theme (its pages are many)
    home_today: int = 10  # today's occurrences on the home page
    home_per_day: int = 3  # occurrences of each day of the coming week on the home page


SIZES = PageSizes()  # read when pages are made (tests set smaller ones)


@dataclass(frozen=True)
class PageLink:
    """A numbered link of a pagination: the page's number and path (None: a gap, '…')."""

    number: int | None
    path: str | None = None
    current: bool = False


@dataclass(frozen=True)
class Page:
    """One page of a list: its number (from 1), the paths of every page of the list, and which
    items it holds (start … end - 1, counted from 0, of total)."""

    number: int
    paths: tuple[str, ...]
    start: int
    end: int
    total: int
    anchor: str = ""  # the id of the list's heading: page links go to '#anchor'

    @property
    def count(self) -> int:
        """How many pages the list has."""
        return len(self.paths)

    @property
    def paged(self) -> bool:
        """Whether the list has more than one page (pagination is shown only then)."""
        return len(self.paths) > 1

    @property
    def path(self) -> str:
        return self.paths[self.number - 1]

    @property
    def previous(self) -> str | None:
        return self.paths[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.paths[self.number] if self.number < len(self.paths) else None

    @property
    def first_shown(self) -> int:
        """The number of the first item on the page, counted from 1 ('51–100 of 612')."""
        return self.start + 1 if self.total else 0

    def links(self) -> list[PageLink]:
        """The first and last page, and WINDOW pages either side of this one; a gap (number
        None) stands for the pages left out, unless it would hide a single page."""
        numbers = sorted({1, self.count, *range(max(1, self.number - WINDOW),
                                                min(self.count, self.number + WINDOW) + 1)})
        links: list[PageLink] = []
        for number in numbers:
            if links and number - links[-1].number == 2:
                links.append(self.link(number - 1))
            elif links and number - links[-1].number > 2:
                links.append(PageLink(None))
            links.append(self.link(number))
        return links

    def link(self, number: int) -> PageLink:
        return PageLink(number, self.paths[number - 1], number == self.number)


def page_paths(first: str, count: int, later: str | None = None) -> tuple[str, ...]:
    """The paths of count pages: first, then '<later>2/', '<later>3/', … (later: first)."""
    base = first if later is None else later
    return (first, *(later_page(base, n) for n in range(2, count + 1)))


def paginate(total: int, size: int, first: str, later: str | None = None,
             anchor: str = "") -> tuple[Page, ...]:
    """The pages of a list of total items, size a page; one (empty) page when total is 0."""
    count = max(1, math.ceil(total / size))
    paths = page_paths(first, count, later)
    return tuple(Page(n, paths, (n - 1) * size, min(n * size, total), total, anchor)
                 for n in range(1, count + 1))


def chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    """items in consecutive pieces of size; one empty piece for no items."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [items[:0]]


# -- values that differ by language ------------------------------------------------------------

@dataclass(frozen=True)
class Localised:
    """A page context value that differs by language: the renderer hands the template
    value(lang) instead (see render.Renderer.render_page)."""

    value: Callable[[str], Any]


class SortKeys:
    """Each item's sort key in a language, worked out once for all the lists it is in (an
    activity is in those of its themes, audiences, format and municipalities, and a handout).
    Items are known by identity: they are the guide's, alive as long as it is."""

    def __init__(self) -> None:
        self._known: dict[tuple[Callable[[Any, str], Any], str], dict[int, Any]] = {}

    def __call__(self, key: Callable[[Any, str], Any], lang: str) -> Callable[[Any], Any]:
        """item → key(item, lang), remembered."""
        known = self._known.setdefault((key, lang), {})

        def of(item: Any) -> Any:
            found = known.get(id(item))
            if found is None:
                found = known[id(item)] = key(item, lang)
            return found
        return of


class Ordered:
    """Items in a language's order, key(item, lang) (by_title, by_name), sorted once per
    language, on first use or by prepare(); ties keep the given order."""

    def __init__(self, items: Sequence[Any], key: Callable[[Any, str], Any],
                 keys: SortKeys | None = None):
        self.items = tuple(items)
        self.key = key
        self.keys = keys or SortKeys()
        self._sorted: dict[str, tuple[Any, ...]] = {}

    def __len__(self) -> int:
        return len(self.items)

    def __call__(self, lang: str) -> tuple[Any, ...]:
        if lang not in self._sorted:
            self._sorted[lang] = tuple(sorted(self.items, key=self.keys(self.key, lang)))
        return self._sorted[lang]

    def prepare(self, languages: Sequence[str]) -> None:
        """Sort now, in each language: a build sorts before its workers fork, so that no
        worker sorts again what another did (at 30,000 organisations, sorting each list page's
        list anew took half of the list pages' time)."""
        for lang in languages:
            self(lang)
        self.keys = SortKeys()  # the shared keys are no longer needed here

    def page(self, page: Page) -> Localised:
        """The items of one page, in each language."""
        return Localised(lambda lang: self(lang)[page.start:page.end])


def by_title(activity: Any, lang: str) -> str:
    """Alphabetical order of an activity's title in lang."""
    return sort_key(activity.title.get(lang)[0])


def by_name(target: Any, lang: str) -> str:
    """Alphabetical order of an organisation's, place's or partnership's name in lang."""
    return sort_key(target.name.get(lang)[0])


def grouped(items: Sequence[Any], group: Callable[[Any], Any]) -> list[tuple[Any, list[Any]]]:
    """Consecutive items of the same group(item) together: [(group, items), …]."""
    groups: list[tuple[Any, list[Any]]] = []
    for item in items:
        if not groups or groups[-1][0] != group(item):
            groups.append((group(item), []))
        groups[-1][1].append(item)
    return groups


@dataclass(frozen=True)
class HandoutSection:
    """A theme's part of a long handout ('' for the activities without a theme)."""

    theme: str
    activities: tuple[Any, ...]
    path: str


def handout_sections(activities: Sequence[Any], base: str,
                     themes: Sequence[str]) -> tuple[HandoutSection, ...]:
    """A municipality's activities by theme, in the vocabulary's order of themes, then those
    without a theme: '<base>themes/<theme>/', '<base>other/'."""
    of: dict[str, list[Any]] = {}
    for activity in activities:
        for theme in activity.themes or ("",):
            of.setdefault(theme, []).append(activity)
    order = [t for t in themes if t in of] + ([""] if "" in of else [])
    return tuple(HandoutSection(t, tuple(of[t]), handout_section(base, t)) for t in order)


# -- the calendar ------------------------------------------------------------------------------

@dataclass(frozen=True)
class CalendarPage:
    """One calendar page: the days it shows (a whole week, or one day, or part of it) and,
    for a day of a split week, which page of that day it is."""

    week: int  # the week's index in calendar.weeks
    days: tuple[tuple[dt.date, Sequence[Occurrence]], ...]
    page: Page | None = None  # a page of a day of a split week; None: the whole week

    @property
    def path(self) -> str:
        return self.page.path if self.page else ""

    @property
    def day(self) -> dt.date | None:
        """The day of a split week's page."""
        return self.days[0][0] if self.page else None


@dataclass(frozen=True)
class DayLink:
    """A day of a split week in its day navigation: its date, occurrences and first page."""

    day: dt.date
    count: int
    path: str


@dataclass(frozen=True)
class WeekLayout:
    """How one week of a calendar is paged: its path and pages, and for a split week the
    path of each day's first page."""

    week: CalendarWeek
    path: str
    pages: tuple[CalendarPage, ...]
    days: tuple[DayLink, ...] = ()  # empty: the week is one page
    data: str | None = None  # a later week: its data file, which its page's script draws

    @property
    def drawn(self) -> bool:
        """Whether the week's page is drawn by its script from the week's data."""
        return self.data is not None

    @property
    def split(self) -> bool:
        return bool(self.days)

    def day_path(self, day: dt.date) -> str:
        """The page a day of this week starts on (the week's page when it is not split)."""
        return next((d.path for d in self.days if d.day == day), self.path)


def week_path(calendar: Calendar, index: int) -> str:
    """The path of a week of a calendar: the current week at the calendar's own path."""
    return calendar_path(calendar.municipality, calendar.weeks[index].slug if index else None)


def week_layout(calendar: Calendar, index: int, size: int | None = None) -> WeekLayout:
    """The nearest week (the first) as HTML: on one page when its occurrences fit (size,
    default SIZES.calendar), else a page or more for each day. A later week is one page that
    its script draws from the week's data (calendardata.py)."""
    size = size or SIZES.calendar
    week = calendar.weeks[index]
    path = week_path(calendar, index)
    if index > 0:
        return WeekLayout(week, path, (CalendarPage(index, ()),),
                          data=calendar_data_path(calendar.municipality, week.slug))
    if len(week.occurrences) <= size:
        return WeekLayout(week, path, (CalendarPage(index, week.days),))
    pages: list[CalendarPage] = []
    links: list[DayLink] = []
    for position, (day, occurrences) in enumerate(week.days):
        own = calendar_path(calendar.municipality, day=day)
        first = path if position == 0 else own
        for page, part in zip(paginate(len(occurrences), size, first, own),
                              chunks(occurrences, size), strict=True):
            pages.append(CalendarPage(index, ((day, part),), page))
        links.append(DayLink(day, len(occurrences), first))
    return WeekLayout(week, path, tuple(pages), tuple(links))


def calendar_layout(calendar: Calendar, size: int | None = None) -> tuple[WeekLayout, ...]:
    """Every week of a calendar, paged."""
    return tuple(week_layout(calendar, i, size) for i in range(len(calendar.weeks)))


def day_path(layout: Sequence[WeekLayout], day: dt.date) -> str:
    """The page of a calendar a day starts on (the first week's page if it is not listed)."""
    for week in layout:
        if week.week.first <= day <= week.week.last:
            return week.day_path(day)
    return layout[0].path


@dataclass(frozen=True)
class DayPreview:
    """A bounded look at one day for the home page: the first occurrences, how many there are
    in all and the calendar page where they all are."""

    day: dt.date
    shown: Sequence[Occurrence]
    total: int
    path: str

    @property
    def more(self) -> bool:
        return self.total > len(self.shown)


def preview(day: dt.date, occurrences: Sequence[Occurrence], limit: int,
            layout: Sequence[WeekLayout]) -> DayPreview:
    return DayPreview(day, occurrences[:limit], len(occurrences), day_path(layout, day))
