"""Each activity's occurrences, made when first asked for: the next few from today on
(Upcoming, NextHeld) and, kept between derives of the preview, those in the window
(OccurrenceCache)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from zoneinfo import ZoneInfo

from hyteguide.model import Activity
from hyteguide.schedule.occurrences import Occurrence, activity_occurrences, next_occurrences

# Next dates an activity page lists, however far ahead. More than a reader needs on the day
# the site is built, so that a page read a few days later (its script hides past dates)
# still shows some.
UPCOMING_PER_ACTIVITY = 8
NEXT_HELD = 3  # next dates held (not cancelled) a search result or handout shows


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
        """The activity's next occurrences from today (Upcoming), made once."""
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
        pairs = keyed(activity, start, end, zone)
        self.known[id(activity)] = (activity, start, end, pairs)
        return pairs

    def keep(self, activities: Iterable[Activity]) -> None:
        """Forget activities no longer in the content."""
        alive = {id(a) for a in activities}
        self.known = {k: v for k, v in self.known.items() if k in alive}
        self.next_known = {k: v for k, v in self.next_known.items() if k in alive}



def keyed(activity: Activity, start: dt.date, end: dt.date,
           zone: ZoneInfo | None = None) -> list:
    return [(o.sort_key, o) for o in activity_occurrences(activity, start, end, zone)]
