"""Derive: the ready data that templates show — the sorted lists and relations of the Guide,
and on demand its occurrences, calendars and indexes by term.

The parts live beside it: calendar weeks (derive.calendar), each activity's occurrences made
when first asked for (derive.upcoming) and the indexes by term (derive.terms)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import itemgetter
from zoneinfo import ZoneInfo

from hyteguide.content.review import is_stale
from hyteguide.derive.calendar import Calendar, calendar_weeks
from hyteguide.derive.filters import Choices, choices
from hyteguide.derive.terms import TermIndex, term_indexes
from hyteguide.derive.upcoming import NextHeld, OccurrenceCache, Upcoming, keyed
from hyteguide.model import Activity, Content, Organisation, Partnership, Place
from hyteguide.schedule.occurrences import Occurrence

_ALPHABET = str.maketrans({"å": "{", "ä": "|", "ö": "}", "Å": "{", "Ä": "|", "Ö": "}"})


@lru_cache(maxsize=1 << 16)  # asked for the same names on every derive and page
def sort_key(text: str) -> str:
    """Finnish/Swedish alphabetical order: å, ä and ö come after z."""
    return unicodedata.normalize("NFC", text).casefold().translate(_ALPHABET)


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
        expand = cache.of if cache else keyed
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
        return term_indexes(self.content, self.organisations, self.activities,
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
    def calendar_filters(self) -> Choices:
        """What the calendar's filters offer: the terms the window's activities use, in
        vocabulary order."""
        activities = {o.activity.key: o.activity for o in self.occurrences}.values()
        return choices("calendar", activities, self.content.vocabulary)

    def complete(self) -> Guide:
        """Make everything now (before a build forks its workers, which would each make it)."""
        for name in ("every_organisation", "every_activity", "hidden", "occurrences_of",
                     "occurrences", "taxonomies", "calendar", "municipality_calendars",
                     "calendar_filters", "co_organised"):
            getattr(self, name)
        self.upcoming.complete()
        self.next_held.complete()
        return self

    def organisation_of(self, activity: Activity) -> Organisation:
        return self.organisation_by_slug[activity.organisation]

    def organisers_of(self, activity: Activity) -> tuple[Organisation, ...]:
        """Its organisation, then the co-organisers (the guide's own organisations only)."""
        others = (self.organisation_by_slug.get(s) for s in activity.co_organisers
                  if s != activity.organisation)
        return (self.organisation_of(activity), *(o for o in others if o is not None))

    @cached_property
    def co_organised(self) -> dict[str, tuple[Activity, ...]]:
        """Organisation slug → the listed activities of others it runs together with them."""
        found: dict[str, list[Activity]] = defaultdict(list)
        for activity in self.activities:
            for organisation in self.organisers_of(activity)[1:]:
                found[organisation.slug].append(activity)
        return {slug: tuple(activities) for slug, activities in found.items()}

    def on(self, day: dt.date) -> tuple[Occurrence, ...]:
        return tuple(o for o in self.occurrences if o.date == day)

    def between(self, first: dt.date, last: dt.date) -> tuple[Occurrence, ...]:
        return tuple(o for o in self.occurrences if first <= o.date <= last)


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
        for place in activity.places:  # its own, and its rules' (a summer place)
            at_place[place].append(activity)
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


def _municipalities(activity: Activity, organisations: dict[str, Organisation],
                    places: dict[str, Place]) -> tuple[str, ...]:
    """Where an activity is: its places' municipalities (its own place first, then its rules'),
    else where its organisation acts."""
    if activity.places:
        return tuple(dict.fromkeys(places[p].municipality for p in activity.places))
    return organisations[activity.organisation].municipalities

