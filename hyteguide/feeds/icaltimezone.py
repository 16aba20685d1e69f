"""The VTIMEZONE of the feeds, made from zoneinfo in the form calendar servers publish.

Each kind of change of the zone (to daylight or standard time, its offsets and name) over the
years a feed covers is one STANDARD or DAYLIGHT observance: where its onsets follow one yearly
rule (same month, same n-th or last weekday, same local time) a DTSTART and an RRULE, as
tzurl.org and calendar servers write Europe/Helsinki (`RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`);
otherwise one RDATE property per onset. Never a comma-separated RDATE list: Mozilla's ical.js
(Thunderbird, many web calendars) reads only its first value and, before it, assumes UTC.
Onsets are local times in the observance being replaced, as RFC 5545 requires.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from hyteguide.common.times import WEEKDAY_CODES

UTC = dt.UTC

Observance = TimezoneStandard | TimezoneDaylight  # a VTIMEZONE's STANDARD or DAYLIGHT part
Kind = tuple[bool, dt.timedelta, dt.timedelta, str]  # Transition.kind


@dataclass(frozen=True)
class Transition:
    """A change of a zone's UTC offset or name, at a UTC instant."""

    utc: dt.datetime
    offset_from: dt.timedelta
    offset_to: dt.timedelta
    name: str
    dst: bool

    @property
    def local_onset(self) -> dt.datetime:
        """The onset as RFC 5545 writes it: local time in the observance being replaced."""
        return (self.utc + self.offset_from).replace(tzinfo=None)

    @property
    def kind(self) -> Kind:
        """What one observance has in common: daylight or not, the offsets and the name."""
        return self.dst, self.offset_from, self.offset_to, self.name


@dataclass(frozen=True)
class YearlyRule:
    """Once a year: the n-th (or, for week -1, the last) weekday of a month at a local time."""

    month: int
    weekday: int
    week: int
    time: dt.time

    def rrule(self) -> dict[str, object]:
        """The RRULE parts (without UNTIL)."""
        return {"freq": "yearly", "bymonth": self.month,
                "byday": f"{self.week}{WEEKDAY_CODES[self.weekday]}"}


@dataclass(frozen=True)
class Run:
    """Onsets of one kind, and the yearly rule they follow (None for a single onset)."""

    onsets: tuple[Transition, ...]
    rule: YearlyRule | None


def _state(zone: zoneinfo.ZoneInfo, seconds: int) -> tuple[dt.timedelta, str, dt.timedelta]:
    """The offset, name and daylight saving (dst()) at an instant."""
    moment = dt.datetime.fromtimestamp(seconds, UTC).astimezone(zone)
    offset, name, saving = moment.utcoffset(), moment.tzname(), moment.dst()
    # A moment in a ZoneInfo zone has all three; None is for naive times and bare tzinfos.
    assert offset is not None and name is not None and saving is not None, zone.key
    return offset, name, saving


def _daylight(saving: dt.timedelta, saving_before: dt.timedelta) -> bool:
    """Whether a change is to DAYLIGHT: clocks put forward. tzdata gives Europe/Dublin's
    winter GMT and Morocco's Ramadan +00 a negative saving; as calendar servers publish them
    (tzdata's rearguard form), the reduced time is STANDARD and the time after it DAYLIGHT:
    readers such as dateutil take the DAYLIGHT observance for the one with the saving."""
    zero = dt.timedelta()
    return saving > zero or (saving == zero and saving_before < zero)


def _scan(zone: zoneinfo.ZoneInfo, first: dt.date, last: dt.date) -> list[Transition]:
    """Transitions from first to last (UTC days), found day by day and bisected to the second."""
    found = []
    step = 86400
    start = int(dt.datetime.combine(first, dt.time(), UTC).timestamp())
    end = int(dt.datetime.combine(last, dt.time(), UTC).timestamp())
    for low in range(start, end, step):
        before, after = _state(zone, low), _state(zone, low + step)
        if before == after:
            continue
        high = low + step
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (middle, high) if _state(zone, middle) == before else (low, middle)
        offset, name, saving = _state(zone, high)
        found.append(Transition(dt.datetime.fromtimestamp(high, UTC), before[0], offset, name,
                                _daylight(saving, before[2])))
    return found


def transitions(zone: zoneinfo.ZoneInfo, first: dt.date, last: dt.date) -> list[Transition]:
    """The zone's transitions in the years first..last, and the last one before them (so the
    observance in force on the first day is defined); none for a zone that never changed."""
    found = _scan(zone, dt.date(first.year, 1, 1), dt.date(last.year + 1, 1, 1))
    for year in range(first.year - 1, 1969, -1):
        earlier = _scan(zone, dt.date(year, 1, 1), dt.date(year + 1, 1, 1))
        if earlier:
            return earlier[-1:] + found
    return found


def _rules_of(onset: dt.datetime) -> set[YearlyRule]:
    """The yearly rules an onset fits: its n-th weekday of the month, and the last one when it
    falls in the month's last seven days."""
    day = onset.date()
    weekday, time = day.weekday(), onset.time()
    fits = {YearlyRule(day.month, weekday, (day.day - 1) // 7 + 1, time)}
    if (day + dt.timedelta(days=7)).month != day.month:
        fits.add(YearlyRule(day.month, weekday, -1, time))
    return fits


def _chosen(rules: set[YearlyRule]) -> YearlyRule:
    """One of the rules a run fits, always the same: the last weekday of the month rather than
    an n-th one when both fit (how the European and Australian rules are written)."""
    return min(rules, key=lambda r: (r.week != -1, r.week, r.month, r.weekday, r.time))


def runs(onsets: list[Transition]) -> list[Run]:
    """Onsets of one kind split into the longest runs of consecutive years that follow one
    yearly rule; an onset that fits no run with a neighbour is a run of its own, without one."""
    found: list[Run] = []
    members: list[Transition] = []
    fitting: set[YearlyRule] = set()
    for onset in onsets:
        rules = _rules_of(onset.local_onset)
        year = onset.local_onset.year
        if members and year == members[-1].local_onset.year + 1 and fitting & rules:
            members.append(onset)
            fitting &= rules
            continue
        if members:
            found.append(_run(members, fitting))
        members, fitting = [onset], rules
    if members:
        found.append(_run(members, fitting))
    return found


def _run(members: list[Transition], fitting: set[YearlyRule]) -> Run:
    """A run of onsets; a single onset has no yearly rule to follow."""
    return Run(tuple(members), _chosen(fitting) if len(members) > 1 else None)


def _observance(first: Transition) -> Observance:
    """A STANDARD or DAYLIGHT component from its first onset."""
    observance = TimezoneDaylight() if first.dst else TimezoneStandard()
    observance.add("dtstart", first.local_onset)
    return observance


def _with_offsets(observance: Observance, kind: Kind) -> Observance:
    """The component with the offsets and name its kind of change has."""
    _, offset_from, offset_to, name = kind
    observance.add("tzoffsetfrom", offset_from)
    observance.add("tzoffsetto", offset_to)
    observance.add("tzname", name)
    return observance


def observances(changes: list[Transition], last_year: int) -> list[Observance]:
    """STANDARD and DAYLIGHT components for the changes, ordered by their first onset: one per
    yearly run (an RRULE, with UNTIL when it stops before last_year), and per kind one for the
    onsets that follow no rule (DTSTART and an RDATE line for each onset, the first too:
    ical.js ignores a DTSTART beside RDATEs)."""
    kinds: dict[Kind, list[Transition]] = {}
    for change in changes:
        kinds.setdefault(change.kind, []).append(change)
    made: list[tuple[dt.datetime, Observance]] = []
    for kind, onsets in kinds.items():
        single: list[Transition] = []
        for run in runs(onsets):
            if run.rule is None:
                single += run.onsets
                continue
            observance = _observance(run.onsets[0])
            recur = run.rule.rrule()
            end = run.onsets[-1]
            if end.local_onset.year < last_year:
                # A day after the last onset (any instant before the next one would do), so
                # that readers comparing a UTC UNTIL with local onsets as if it were local
                # time (dateutil) keep the last one east of UTC too.
                recur["until"] = end.utc + dt.timedelta(days=1)
            observance.add("rrule", recur)
            made.append((run.onsets[0].utc, _with_offsets(observance, kind)))
        if single:
            observance = _observance(single[0])
            if len(single) > 1:
                for onset in single:
                    observance.add("rdate", onset.local_onset)
            made.append((single[0].utc, _with_offsets(observance, kind)))
    return [observance for _, observance in sorted(made, key=lambda m: m[0])]


def vtimezone(tzid: str, first: dt.date, last: dt.date) -> Timezone:
    """A VTIMEZONE right for every moment of the days first..last: the observance in force on
    the first day (from the last change before it) and every change up to the end of last's
    year."""
    zone = zoneinfo.ZoneInfo(tzid)
    timezone = Timezone()
    timezone.add("tzid", tzid)
    timezone.add("x-lic-location", tzid)
    changes = transitions(zone, first, last)
    if not changes:  # a fixed offset: one observance since 1970-01-01 00:00 local time
        offset, name, saving = _state(zone, int(dt.datetime.combine(first, dt.time(),
                                                                    UTC).timestamp()))
        changes = [Transition(dt.datetime(1970, 1, 1, tzinfo=UTC) - offset, offset, offset,
                              name, _daylight(saving, saving))]
    for observance in observances(changes, last.year):
        timezone.add_component(observance)
    return timezone
