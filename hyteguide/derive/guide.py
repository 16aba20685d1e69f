"""Derive: the ready data that templates show — indexes, relations and upcoming occurrences."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import islice
from operator import itemgetter
from zoneinfo import ZoneInfo

from hyteguide.content.load import is_stale
from hyteguide.content.model import (
    Activity,
    Content,
    DateRange,
    Organisation,
    Partnership,
    Place,
    Term,
)
from hyteguide.schedule.occurrences import Occurrence, activity_occurrences, next_occurrences

TAXONOMIES = ("municipalities", "themes", "audiences", "formats")
# Next dates an activity page lists, however far ahead. More than a reader needs on the day
# the site is built, so that a page read a few days later (its script hides past dates)
# still shows some.
UPCOMING_PER_ACTIVITY = 8
NEXT_HELD = 3  # next dates held (not cancelled) a search result or handout shows
_ALPHABET = str.maketrans({"å": "{", "ä": "|", "ö": "}", "Å": "{", "Ä": "|", "Ö": "}"})


@lru_cache(maxsize=1 << 16)  # asked for the same names on every derive and page
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
    """Everything the templates need, derived from the content.

    The lists and relations are made by derive(); occurrences, calendars and the indexes by
    term are made the first time they are asked for (and then kept), so that the preview
    does only the work the page asked for needs. derive() asks for all of them unless told
    to be lazy."""

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
    stale: frozenset[str] = frozenset()  # organisations checked review_after_months or more ago
    # Organisations checked hide_after_months or more ago: left out of every listing
    # (organisations, activities, occurrences, indexes) but their own pages are still built.
    unlisted: tuple[Organisation, ...] = ()
    occurrence_cache: OccurrenceCache | None = field(default=None, repr=False, compare=False)

    @cached_property
    def zone(self) -> ZoneInfo:
        """The site's time zone: the times of occurrences are as its clocks show them."""
        return ZoneInfo(self.content.site.timezone)

    @property
    def horizon(self) -> dt.date:
        """The last day of the calendar's window."""
        return self.today + dt.timedelta(weeks=self.content.site.horizon_weeks)

    @cached_property
    def every_organisation(self) -> tuple[Organisation, ...]:
        """Listed and unlisted organisations: each has its pages and feeds."""
        return tuple(sorted((*self.organisations, *self.unlisted),
                            key=lambda o: sort_key(o.name.default)))

    @cached_property
    def every_activity(self) -> tuple[Activity, ...]:
        """The activities of listed and unlisted organisations."""
        return self.activities + _activities(self.unlisted)

    @cached_property
    def activity_by_key(self) -> dict[str, Activity]:
        """Every activity (listed or not) by its key."""
        return {a.key: a for a in self.every_activity}

    @cached_property  # asked on every page: made once
    def hidden(self) -> frozenset[str]:
        """Slugs of the unlisted organisations."""
        return frozenset(o.slug for o in self.unlisted)

    @cached_property
    def keyed_occurrences(self) -> dict[str, list]:
        """(sort key, occurrence) pairs of every activity (listed or not) in the window."""
        cache = self.occurrence_cache
        expand = cache.of if cache else _keyed
        found = {a.key: expand(a, self.today, self.horizon, self.zone)
                 for a in self.every_activity}
        if cache:
            cache.keep(self.every_activity)
        return found

    @cached_property
    def occurrences_of(self) -> dict[str, tuple[Occurrence, ...]]:
        """Every activity's occurrences in the window, in order (cancelled ones included)."""
        return {key: tuple(o for _, o in pairs)
                for key, pairs in self.keyed_occurrences.items() if pairs}

    @cached_property
    def occurrences(self) -> tuple[Occurrence, ...]:
        """The listed activities' occurrences in the window, in order."""
        keyed = self.keyed_occurrences
        return tuple(o for _, o in sorted((pair for a in self.activities
                                           for pair in keyed[a.key]), key=itemgetter(0)))

    @cached_property
    def upcoming(self) -> Upcoming:
        """Each activity's next few occurrences from today on, however far ahead (cancelled
        ones included); made per activity when first asked for."""
        return Upcoming(self.every_activity, self.today, self.occurrence_cache, self.zone)

    @cached_property
    def next_held(self) -> NextHeld:
        """The next dates each activity is held (not cancelled), from `upcoming`."""
        return NextHeld(self.upcoming)

    @cached_property
    def taxonomies(self) -> dict[str, dict[str, TermIndex]]:
        """What is listed under each term of each taxonomy."""
        return _taxonomies(self.content, self.organisations, self.activities,
                           self.activity_municipalities)

    @cached_property
    def calendar(self) -> Calendar:
        """The region's calendar."""
        return calendar_weeks(None, self.occurrences, self.today, self.horizon)

    @cached_property
    def municipality_calendars(self) -> dict[str, Calendar]:
        """Each municipality's calendar, in vocabulary order."""
        in_municipality: dict[str, list[Occurrence]] = defaultdict(list)
        places = {a.key: tuple(dict.fromkeys(m)) for a in self.activities
                  for m in (self.activity_municipalities[a.key],)}
        for occurrence in self.occurrences:  # one pass, not one per municipality
            for municipality in places[occurrence.activity.key]:
                in_municipality[municipality].append(occurrence)
        return {m: calendar_weeks(m, in_municipality.get(m, []), self.today, self.horizon)
                for m in self.content.vocabulary.group("municipalities")}

    @property
    def calendars(self) -> tuple[Calendar, ...]:
        """The region's calendar, then each municipality's."""
        return (self.calendar, *self.municipality_calendars.values())

    @cached_property
    def calendar_filters(self) -> CalendarFilters:
        """What the calendar's filters offer."""
        return _calendar_filters(self.content, self.occurrences)

    def complete(self) -> Guide:
        """Make everything now (before a build forks its workers, which would each make it)."""
        for name in ("every_organisation", "every_activity", "hidden", "occurrences_of",
                     "occurrences", "taxonomies", "calendar", "municipality_calendars",
                     "calendar_filters"):
            getattr(self, name)
        self.upcoming.complete()
        self.next_held.complete()
        return self

    def organisation_of(self, activity: Activity) -> Organisation:
        return self.organisation_by_slug[activity.organisation]

    def on(self, day: dt.date) -> tuple[Occurrence, ...]:
        return tuple(o for o in self.occurrences if o.date == day)

    def between(self, first: dt.date, last: dt.date) -> tuple[Occurrence, ...]:
        return tuple(o for o in self.occurrences if first <= o.date <= last)


class _ByKey(Mapping[str, tuple[Occurrence, ...]]):
    """A mapping activity key → occurrences, each made when first asked for; only activities
    with at least one occurrence are in it (so `.get(key, ())` and `in` work as on a dict)."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys_in_order = tuple(keys)  # every activity's, with occurrences or not
        self._known = frozenset(self.keys_in_order)
        self._made: dict[str, tuple[Occurrence, ...]] = {}

    def _make(self, key: str) -> tuple[Occurrence, ...]:
        raise NotImplementedError

    def _found(self, key: str) -> tuple[Occurrence, ...]:
        if key not in self._made:
            self._made[key] = self._make(key)
        return self._made[key]

    def __getitem__(self, key: str) -> tuple[Occurrence, ...]:
        found = self._found(key) if key in self._known else ()
        if not found:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return (key for key in self.keys_in_order if self._found(key))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def complete(self) -> None:
        """Make every activity's now (before a build forks its workers)."""
        for key in self.keys_in_order:
            self._found(key)


class Upcoming(_ByKey):
    """Each activity's first UPCOMING_PER_ACTIVITY occurrences from today on."""

    def __init__(self, activities: Iterable[Activity], today: dt.date,
                 cache: OccurrenceCache | None = None, zone: ZoneInfo | None = None) -> None:
        self._activities = {a.key: a for a in activities}
        super().__init__(self._activities)
        self._today, self._cache, self._zone = today, cache, zone

    def _make(self, key: str) -> tuple[Occurrence, ...]:
        activity = self._activities[key]
        if self._cache:
            return self._cache.next_of(activity, self._today, self._zone)
        return tuple(next_occurrences(activity, self._today, UPCOMING_PER_ACTIVITY,
                                      zone=self._zone))


class NextHeld(_ByKey):
    """The first NEXT_HELD occurrences of each activity that are not cancelled."""

    def __init__(self, upcoming: Upcoming) -> None:
        super().__init__(upcoming.keys_in_order)
        self._upcoming = upcoming

    def _make(self, key: str) -> tuple[Occurrence, ...]:
        return tuple(islice((o for o in self._upcoming.get(key, ()) if not o.cancelled),
                            NEXT_HELD))


class OccurrenceCache:
    """Each activity's occurrences, kept between derives of the preview: an activity object
    the load cache reused (the same object, not an equal one) is not expanded again."""

    def __init__(self) -> None:
        self.known: dict[int, tuple[Activity, dt.date, dt.date, list]] = {}
        self.next_known: dict[int, tuple[Activity, dt.date, tuple[Occurrence, ...]]] = {}

    def next_of(self, activity: Activity, today: dt.date,
                zone: ZoneInfo | None = None) -> tuple[Occurrence, ...]:
        """The activity's next occurrences from today (derive.Upcoming), made once."""
        known = self.next_known.get(id(activity))
        if known and known[0] is activity and known[1] == today:
            return known[2]
        found = tuple(next_occurrences(activity, today, UPCOMING_PER_ACTIVITY, zone=zone))
        self.next_known[id(activity)] = (activity, today, found)
        return found

    def of(self, activity: Activity, start: dt.date, end: dt.date,
           zone: ZoneInfo | None = None) -> list:
        """(sort key, occurrence) pairs of the activity from start to end, in order."""
        known = self.known.get(id(activity))
        if known and known[0] is activity and known[1] == start and known[2] == end:
            return known[3]
        pairs = _keyed(activity, start, end, zone)
        self.known[id(activity)] = (activity, start, end, pairs)
        return pairs

    def keep(self, activities: Iterable[Activity]) -> None:
        """Forget activities no longer in the content."""
        alive = {id(a) for a in activities}
        self.known = {k: v for k, v in self.known.items() if k in alive}
        self.next_known = {k: v for k, v in self.next_known.items() if k in alive}


def _keyed(activity: Activity, start: dt.date, end: dt.date,
           zone: ZoneInfo | None = None) -> list:
    return [(o.sort_key, o) for o in activity_occurrences(activity, start, end, zone)]


def derive(content: Content, today: dt.date, cache: OccurrenceCache | None = None,
           lazy: bool = False) -> Guide:
    """Build the Guide: sorted lists, indexes by term, relations and occurrences. With lazy,
    what Guide makes on demand is left until asked for (the preview); with a cache, the
    occurrences of activities unchanged since the last derive are reused."""
    site = content.site
    every = sorted(content.organisations, key=lambda o: sort_key(o.name.default))
    hidden = {o.slug for o in every if site.hide_after_months and o.reviewed
              and is_stale(o.reviewed, today, site.hide_after_months)}
    organisations = tuple(o for o in every if o.slug not in hidden)
    places = tuple(sorted(content.places, key=lambda p: sort_key(p.name.default)))
    place_by_slug = {p.slug: p for p in places}
    organisation_by_slug = {o.slug: o for o in every}
    activities = _activities(organisations)
    municipalities = {a.key: _municipalities(a, organisation_by_slug, place_by_slug)
                      for o in every for a in o.activities}
    at_place: dict[str, list[Activity]] = defaultdict(list)
    for activity in activities:
        if activity.place:
            at_place[activity.place].append(activity)
    partnerships = tuple(sorted(content.partnerships, key=lambda p: sort_key(p.name.default)))
    partnerships_of: dict[str, list[Partnership]] = defaultdict(list)
    for partnership in partnerships:
        for member in partnership.members:
            partnerships_of[member].append(partnership)
    guide = Guide(
        content=content, today=today, organisations=organisations, activities=activities,
        places=places, partnerships=partnerships, organisation_by_slug=organisation_by_slug,
        place_by_slug=place_by_slug, activity_municipalities=municipalities,
        activities_at_place={k: tuple(v) for k, v in at_place.items()},
        partnerships_of={k: tuple(v) for k, v in partnerships_of.items()},
        stale=frozenset(o.slug for o in every if o.reviewed and is_stale(
            o.reviewed, today, site.review_after_months)),
        unlisted=tuple(o for o in every if o.slug in hidden),
        occurrence_cache=cache,
    )
    return guide if lazy else guide.complete()


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
