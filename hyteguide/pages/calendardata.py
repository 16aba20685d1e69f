"""The calendar's later weeks as compact data that the week's page draws (assets/calendar.js).

A region's calendar lists every occurrence of twelve weeks, in the region's calendar and its
municipality's, in every language: written out as HTML that is most of a large site (at 3,000
organisations, 78,000 occurrences and 570 MB). So only the nearest week is HTML (what a reader
without JavaScript gets, paged as paging.py says); each later week of each calendar is one
JSON file, the same for every language, which the week's page fetches and draws with the same
markup, filters and notes as the HTML week.

The file (version 1):

    {"v": 1, "languages": ["fi", "sv", "en"], "page_size": 100,
     "activities": [[key, title, organisation, place, municipalities, online, audiences,
                     themes, format, languages, flags], …],
     "municipalities": {id: label, …},
     "coordinates": [[latitude, longitude] or null, …],
     "times": [[start, end, words], …],
     "days": [[date, words, [[activity, time, cancelled, note(, span)], …]], …]}

A text is a string when it is written only in the site's first language, else a list of
[language, text] pairs, the first of them the fallback (model.Text.get). `place` is the place's
name or null, `municipalities` ids (labels in "municipalities"), `online` 0 or 1, the term lists
space-separated ids as the HTML's data attributes have them, `flags` letters: e for everyone,
f free, l low threshold (the calendar's filters, in derive/filters.py's order and letters), then
r when registration is needed (a badge only). "coordinates" holds each activity's place's
[latitude, longitude] or null, in the order of "activities" (nearest first, nearby.js).
`time` is an index into "times" or null (all day); a time's start and
end are HH:MM (24:00 at midnight; the end is before the start when it is on the next day,
and null for a start alone), its words the time range in each language; a day's words
are its date in the long style. An occurrence of several days (a camp) has a fifth item, when
it runs in words ("ma 14.6. klo 9 – pe 18.6. klo 16"), shown instead of its time; it is listed
on its first day. An occurrence at its rule's own place (a summer term outdoors) has a sixth,
[place name, municipality id(, latitude, longitude)] (the fifth null when it lasts one day).
Every formatted word comes from the catalogues, as on the HTML pages. `page_size` is how many
of a day's occurrences the page shows before "show all" (the HTML week's page size,
paging.SIZES.calendar): a region's day may have a thousand.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from hyteguide.common.times import clock
from hyteguide.derive.calendar import Calendar
from hyteguide.derive.filters import week_values
from hyteguide.derive.guide import Guide
from hyteguide.model import Activity, Text, TimeRange
from hyteguide.pages import paging
from hyteguide.schedule.occurrences import Occurrence
from hyteguide.web.i18n import Catalogue
from hyteguide.web.urls import calendar_data_path

VERSION = 1
REGISTRATION_LETTER = "r"  # in an activity's flags: registration needed (a badge, no filter)


def needs_registration(activity: Activity) -> bool:
    """Whether a reader must register beforehand (the calendar's badge)."""
    return bool(activity.registration_url) or (
        activity.registration is not None and not activity.no_registration)


class WeekData:
    """Makes the data files of one guide's calendars, in the languages of its catalogues."""

    def __init__(self, guide: Guide, catalogues: dict[str, Catalogue]) -> None:
        self.guide = guide
        self.catalogues = catalogues
        self.languages = tuple(catalogues)
        self.vocabulary = guide.content.vocabulary
        self.rows: dict[str, list[Any]] = {}  # each activity's row, the same in every week


    def text(self, value: Text) -> Any:
        """A text as the file writes it: a string, or [language, text] pairs."""
        if len(value.items) == 1 and value.items[0][0] == self.languages[0]:
            return value.items[0][1]
        return [list(item) for item in value.items]

    def words(self, say: Any) -> Any:
        """What say(catalogue) gives in each language, as a text."""
        return self.text(Text(tuple((lang, say(self.catalogues[lang]))
                                    for lang in self.languages)))

    def activity(self, activity: Activity) -> list[Any]:
        """An activity's row in the "activities" table (made once, for every week)."""
        if activity.key not in self.rows:
            self.rows[activity.key] = self._row(activity)
        return self.rows[activity.key]

    def _row(self, activity: Activity) -> list[Any]:
        guide = self.guide
        place = guide.place_by_slug.get(activity.place) if activity.place else None
        return [activity.key, self.text(activity.title),
                self.text(guide.organisation_of(activity).name),
                self.text(place.name) if place else None,
                [place.municipality] if place else list(
                    guide.activity_municipalities[activity.key]),
                1 if activity.online else 0, *self.values(activity)]

    def values(self, activity: Activity) -> list[Any]:
        """The filters' values (derive/filters.week_values) with the letter r added to the
        flags when registration is needed: the badges' third (macros.occurrence_badges)."""
        values = week_values(activity, self.vocabulary)
        if needs_registration(activity):
            values[4] += REGISTRATION_LETTER
        return values

    def week(self, calendar: Calendar, index: int) -> dict[str, Any]:
        """The data of one week of a calendar."""
        week = calendar.weeks[index]
        activities: dict[str, int] = {}
        times: dict[TimeRange, int] = {}
        rows: list[list[Any]] = []
        made: list[list[Any]] = []
        for day, occurrences in week.days:
            made.append([day.isoformat(), self.words(lambda c, d=day: c.date(d, "long")),
                         [self.occurrence(o, activities, rows, times) for o in occurrences]])
        municipalities = sorted({m for row in rows for m in row[4]} | {
            o[5][1] for _, _, day in made for o in day if len(o) > 5})
        return {
            "v": VERSION, "languages": list(self.languages), "page_size": paging.SIZES.calendar,
            "activities": rows,
            "municipalities": {m: self.text(self.vocabulary.term("municipalities", m).label)
                               for m in municipalities},
            "coordinates": [self.coordinates(row[0]) for row in rows],
            "times": [[clock(t.start), None if t.end is None else clock(t.end),
                       self.words(lambda c, t=t: c.time_range(t))] for t in times],
            "days": made,
        }

    def coordinates(self, key: str) -> list[float] | None:
        """The activity's place's [latitude, longitude] ("nearest first"), or None."""
        activity = self.guide.activity_by_key[key]
        place = self.guide.place_by_slug.get(activity.place) if activity.place else None
        return list(place.coordinates) if place and place.coordinates else None

    def occurrence(self, occurrence: Occurrence, activities: dict[str, int],
                   rows: list[list[Any]], times: dict[TimeRange, int]) -> list[Any]:
        activity = occurrence.activity
        if activity.key not in activities:
            activities[activity.key] = len(rows)
            rows.append(self.activity(activity))
        time = None
        if occurrence.time is not None:
            time = times.setdefault(occurrence.time, len(times))
        note = self.text(occurrence.note) if occurrence.note else None
        row = [activities[activity.key], time, 1 if occurrence.cancelled else 0, note]
        if occurrence.days > 1:
            row.append(self.words(lambda c: c.span(occurrence.date, occurrence.time,
                                                   occurrence.days)))
        if occurrence.place and occurrence.place != activity.place:  # its rule's place
            place = self.guide.place_by_slug[occurrence.place]
            row += [None] * (5 - len(row))
            row.append([self.text(place.name), place.municipality,
                        *(place.coordinates or ())])
        return row

    def files(self, calendars: tuple[Calendar, ...]) -> Iterator[tuple[str, bytes]]:
        """Every drawn week of the calendars (all but the first of each) as (path, bytes)."""
        for calendar in calendars:
            for index in range(1, len(calendar.weeks)):
                yield self.file(calendar, index)

    def file(self, calendar: Calendar, index: int) -> tuple[str, bytes]:
        """One week's file: its site path and bytes."""
        path = calendar_data_path(calendar.municipality, calendar.weeks[index].slug)
        return path, self.data(calendar, index)

    def data(self, calendar: Calendar, index: int) -> bytes:
        """One week's file's bytes."""
        return json.dumps(self.week(calendar, index), ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")
