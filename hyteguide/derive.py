"""Derive: the ready data that templates show — indexes, relations and upcoming occurrences."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from .load import is_stale
from .model import Activity, Content, DateRange, Organisation, Partnership, Place, Term
from .occurrences import Occurrence, activity_occurrences

TAXONOMIES = ("municipalities", "themes", "audiences", "formats")
UPCOMING_PER_ACTIVITY = 5
NEXT_HELD = 3  # next dates held (not cancelled) a search result or handout shows
_ALPHABET = str.maketrans({"å": "{", "ä": "|", "ö": "}", "Å": "{", "Ä": "|", "Ö": "}"})


def sort_key(text: str) -> str:
    """Finnish/Swedish alphabetical order: å, ä and ö come after z."""
    return unicodedata.normalize("NFC", text).casefold().translate(_ALPHABET)


@dataclass(frozen=True)
class TermIndex:
    """What is listed under one vocabulary term."""

    term: Term
    organisations: tuple[Organisation, ...]
    activities: tuple[Activity, ...]


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


@dataclass(frozen=True)
class CalendarFilters:
    """What the calendar's filter form offers: the term ids the window's activities use."""

    audiences: tuple[str, ...]
    themes: tuple[str, ...]
    formats: tuple[str, ...]
    languages: tuple[str, ...]  # languages the activities are held in
    free: bool
    low_threshold: bool


@dataclass(frozen=True)
class Guide:
    """Everything the templates need, derived once from the content."""

    content: Content
    today: dt.date
    organisations: tuple[Organisation, ...]
    activities: tuple[Activity, ...]
    places: tuple[Place, ...]
    partnerships: tuple[Partnership, ...]
    organisation_by_slug: dict[str, Organisation]
    place_by_slug: dict[str, Place]
    activity_municipalities: dict[str, tuple[str, ...]]
    activities_at_place: dict[str, tuple[Activity, ...]]
    partnerships_of: dict[str, tuple[Partnership, ...]]
    taxonomies: dict[str, dict[str, TermIndex]]
    occurrences: tuple[Occurrence, ...]
    upcoming: dict[str, tuple[Occurrence, ...]]
    calendar: Calendar
    municipality_calendars: dict[str, Calendar]
    calendar_filters: CalendarFilters
    stale: frozenset[str] = frozenset()  # organisations checked review_after_months or more ago
    next_held: dict[str, tuple[Occurrence, ...]] = field(default_factory=dict)  # not cancelled
    # Organisations checked hide_after_months or more ago: left out of every listing above
    # (organisations, activities, occurrences, indexes) but their own pages are still built.
    unlisted: tuple[Organisation, ...] = ()
    occurrences_of: dict[str, tuple[Occurrence, ...]] = field(default_factory=dict)  # all

    @cached_property
    def every_organisation(self) -> tuple[Organisation, ...]:
        """Listed and unlisted organisations: each has its pages and feeds."""
        return tuple(sorted((*self.organisations, *self.unlisted),
                            key=lambda o: sort_key(o.name.default)))

    @cached_property
    def every_activity(self) -> tuple[Activity, ...]:
        """The activities of listed and unlisted organisations."""
        return self.activities + _activities(self.unlisted)

    @cached_property  # asked on every page: made once
    def hidden(self) -> frozenset[str]:
        """Slugs of the unlisted organisations."""
        return frozenset(o.slug for o in self.unlisted)

    def organisation_of(self, activity: Activity) -> Organisation:
        return self.organisation_by_slug[activity.organisation]

    def on(self, day: dt.date) -> tuple[Occurrence, ...]:
        return tuple(o for o in self.occurrences if o.date == day)

    def between(self, first: dt.date, last: dt.date) -> tuple[Occurrence, ...]:
        return tuple(o for o in self.occurrences if first <= o.date <= last)


def derive(content: Content, today: dt.date) -> Guide:
    """Build the Guide: sorted lists, indexes by term, relations and occurrences."""
    site = content.site
    every = sorted(content.organisations, key=lambda o: sort_key(o.name.default))
    hidden = {o.slug for o in every if site.hide_after_months and o.reviewed
              and is_stale(o.reviewed, today, site.hide_after_months)}
    organisations = tuple(o for o in every if o.slug not in hidden)
    activities = _activities(organisations)
    places = tuple(sorted(content.places, key=lambda p: sort_key(p.name.default)))
    place_by_slug = {p.slug: p for p in places}
    organisation_by_slug = {o.slug: o for o in every}
    every_activity = _activities(every)
    municipalities = {a.key: _municipalities(a, organisation_by_slug, place_by_slug)
                      for a in every_activity}
    at_place: dict[str, list[Activity]] = defaultdict(list)
    for activity in activities:
        if activity.place:
            at_place[activity.place].append(activity)
    partnerships = tuple(sorted(content.partnerships, key=lambda p: sort_key(p.name.default)))
    partnerships_of: dict[str, list[Partnership]] = defaultdict(list)
    for partnership in partnerships:
        for member in partnership.members:
            partnerships_of[member].append(partnership)
    horizon = today + dt.timedelta(weeks=site.horizon_weeks)
    every_occurrence = sorted((o for a in every_activity
                               for o in activity_occurrences(a, today, horizon)),
                              key=lambda o: o.sort_key)
    occurrences = [o for o in every_occurrence if o.activity.organisation not in hidden]
    in_municipality: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:  # one pass, not one per municipality
        for municipality in dict.fromkeys(municipalities[occurrence.activity.key]):
            in_municipality[municipality].append(occurrence)
    occurrences_of: dict[str, list[Occurrence]] = defaultdict(list)
    upcoming: dict[str, list[Occurrence]] = defaultdict(list)
    held: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in every_occurrence:
        key = occurrence.activity.key
        occurrences_of[key].append(occurrence)
        if len(upcoming[key]) < UPCOMING_PER_ACTIVITY:
            upcoming[key].append(occurrence)
        if not occurrence.cancelled and len(held[key]) < NEXT_HELD:
            held[key].append(occurrence)
    return Guide(
        content=content, today=today, organisations=organisations, activities=activities,
        places=places, partnerships=partnerships, organisation_by_slug=organisation_by_slug,
        place_by_slug=place_by_slug, activity_municipalities=municipalities,
        activities_at_place={k: tuple(v) for k, v in at_place.items()},
        partnerships_of={k: tuple(v) for k, v in partnerships_of.items()},
        taxonomies=_taxonomies(content, organisations, activities, municipalities),
        occurrences=tuple(occurrences),
        upcoming={k: tuple(v) for k, v in upcoming.items()},
        calendar=calendar_weeks(None, occurrences, today, horizon),
        municipality_calendars={
            m: calendar_weeks(m, in_municipality.get(m, []), today, horizon)
            for m in content.vocabulary.group("municipalities")},
        calendar_filters=_calendar_filters(content, occurrences),
        stale=frozenset(o.slug for o in every if o.reviewed and is_stale(
            o.reviewed, today, site.review_after_months)),
        next_held={k: tuple(v) for k, v in held.items()},
        unlisted=tuple(o for o in every if o.slug in hidden),
        occurrences_of={k: tuple(v) for k, v in occurrences_of.items()},
    )


def _activities(organisations: Iterable[Organisation]) -> tuple[Activity, ...]:
    """The organisations' activities in alphabetical order of title."""
    return tuple(sorted((a for o in organisations for a in o.activities),
                        key=lambda a: (sort_key(a.title.default), a.key)))


def calendar_weeks(municipality: str | None, occurrences: list[Occurrence], first: dt.date,
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


def _calendar_filters(content: Content, occurrences: list[Occurrence]) -> CalendarFilters:
    """The terms and properties of the activities on the calendar, in vocabulary order."""
    activities = {o.activity.key: o.activity for o in occurrences}.values()
    used = {"audiences": {t for a in activities for t in a.audiences},
            "themes": {t for a in activities for t in a.themes},
            "formats": {a.format for a in activities},
            "languages": {t for a in activities for t in a.languages}}

    def ordered(group: str) -> tuple[str, ...]:
        return tuple(t for t in content.vocabulary.group(group) if t in used[group])

    return CalendarFilters(ordered("audiences"), ordered("themes"), ordered("formats"),
                           ordered("languages"), any(a.is_free for a in activities),
                           any(a.low_threshold for a in activities))


def _municipalities(activity: Activity, organisations: dict[str, Organisation],
                    places: dict[str, Place]) -> tuple[str, ...]:
    """Where an activity is: its place's municipality, else where its organisation acts."""
    if activity.place:
        return (places[activity.place].municipality,)
    return organisations[activity.organisation].municipalities


def _taxonomies(content: Content, organisations: tuple[Organisation, ...],
                activities: tuple[Activity, ...], municipalities: dict[str, tuple[str, ...]]
                ) -> dict[str, dict[str, TermIndex]]:
    terms_of_activity = {
        "municipalities": lambda a: municipalities[a.key],
        "themes": lambda a: a.themes,
        "audiences": lambda a: a.audiences,
        "formats": lambda a: (a.format,),
    }
    own_terms = {"municipalities": lambda o: o.municipalities, "themes": lambda o: o.themes}

    def terms_of_organisation(group: str, organisation: Organisation) -> set[str]:
        """An organisation's own terms and those of its activities."""
        own = set(own_terms.get(group, lambda o: ())(organisation))
        return own.union(*(terms_of_activity[group](a) for a in organisation.activities))

    # One pass over the organisations and activities per group, not one per term.
    result = {}
    for group in TAXONOMIES:
        organisations_of: dict[str, list[Organisation]] = defaultdict(list)
        activities_of: dict[str, list[Activity]] = defaultdict(list)
        for organisation in organisations:
            for term_id in terms_of_organisation(group, organisation):
                organisations_of[term_id].append(organisation)
        for activity in activities:
            for term_id in dict.fromkeys(terms_of_activity[group](activity)):
                activities_of[term_id].append(activity)
        result[group] = {
            term_id: TermIndex(term, tuple(organisations_of.get(term_id, ())),
                               tuple(activities_of.get(term_id, ())))
            for term_id, term in content.vocabulary.group(group).items()
        }
    return result
