"""schema.org JSON-LD for activity and place pages, as plain dicts, and a safe script writer.

An activity page describes the activity as an `EventSeries` with its `eventSchedule` (one
`Schedule` per rule part and time of day that schema.org can express, to the rule's real end)
and an `Event` for each of its next few dates (EVENTS_LISTED): the series is what is stored,
the events only what a search engine shows as dates. Events carry what an event needs on its
own (name, time, status, place, organiser); the rest is the series'. A place page is a
`Place` with its opening hours, never Events. Keys are written in a fixed order, so the same
content gives byte-identical markup.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from hyteguide.content.model import (
    YSO_BASE,
    Activity,
    MonthlyDay,
    OpeningHours,
    Organisation,
    Place,
    ScheduleRule,
    Term,
    Text,
    TimeRange,
    Vocabulary,
)
from hyteguide.schedule.occurrences import (
    ROLLING_YEAR,
    Occurrence,
    is_skipped,
    recurring_dates,
    rule_dates,
)
from hyteguide.schedule.wallclock import instance

SCHEMA = "https://schema.org"
DAY_URLS = tuple(f"{SCHEMA}/{day}" for day in (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
COUNTRY = "FI"
# Terms of the 'languages' vocabulary whose id is not itself a language code: Easy Finnish
# (selkosuomi) is Finnish, and Finnish Sign Language has the ISO 639-3 code 'fse'.
LANGUAGE_CODES = {"selkokieli": "fi", "viittomakieli": "fse"}
_LANGUAGE_ID = re.compile(r"[a-z]{2,3}")
# Characters that could end the script element or a JavaScript string, as JSON escapes.
# str.replace per character: str.translate with a table is 50 times slower on long texts.
_SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                   ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))

Data = dict[str, Any]
EVENTS_LISTED = 3  # Events besides the series: the next dates (cancelled ones included)
# What an Event repeats of its series, nodes with an @id (place, organiser) as references to
# the series' own; the rest (description, audience, …) only the series has.
EVENT_SHARES = ("eventAttendanceMode", "location", "organizer")


@dataclass(frozen=True)
class Context:
    """What every builder needs: the page language, the site's zone, labels and page URLs.

    `page_url` gives the absolute URL of a model object's page in `lang`; `today` and
    `horizon` the last day a rule without `until` is published to (a rolling year).
    """

    lang: str
    zone: ZoneInfo
    vocabulary: Vocabulary
    page_url: Callable[[object], str]
    today: dt.date
    horizon: dt.date


# -- writing ------------------------------------------------------------------------------------

def dumps(data: Data) -> str:
    """JSON that is safe inside a <script> element: <, >, &, U+2028 and U+2029 escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in _SCRIPT_ESCAPES:
        text = text.replace(character, escaped)
    return text


def script(data: Data) -> str:
    """A complete <script type="application/ld+json"> element for data."""
    return f'<script type="application/ld+json">{dumps(data)}</script>'


# -- small values -------------------------------------------------------------------------------

def _text(value: Text | None, ctx: Context) -> str | None:
    return None if value is None else value.get(ctx.lang)[0]


def _label(group: str, term_id: str, ctx: Context) -> str:
    return ctx.vocabulary.term(group, term_id).label.get(ctx.lang)[0]


def _one_or_many(items: list[Any]) -> Any:
    return items[0] if len(items) == 1 else items


def _clean(data: Data) -> Data:
    """data without None values and empty lists (the order of the rest is kept)."""
    return {k: v for k, v in data.items() if v is not None and v != []}


def clock(value: dt.time) -> str:
    """A schema.org Time (hh:mm:ss); the end of the day (24:00) is 23:59:59."""
    return "23:59:59" if value == dt.time.max else f"{value:%H:%M:%S}"


def language_codes(term_ids: Iterable[str]) -> list[str]:
    """BCP 47 codes of 'languages' vocabulary terms, in order, without repeats; terms that
    are not a language code (and have no code in LANGUAGE_CODES) are left out."""
    codes: list[str] = []
    for term_id in term_ids:
        code = LANGUAGE_CODES.get(term_id) or (
            term_id if _LANGUAGE_ID.fullmatch(term_id) else None)
        if code and code not in codes:
            codes.append(code)
    return codes


# -- places, organisations ----------------------------------------------------------------------

def postal_address(place: Place, ctx: Context) -> Data:
    """A PostalAddress: street, postal code, municipality, country."""
    return _clean({
        "@type": "PostalAddress",
        "streetAddress": _text(place.address, ctx),
        "postalCode": place.postal_code,
        "addressLocality": _label("municipalities", place.municipality, ctx),
        "addressCountry": COUNTRY,
    })


def _geo(place: Place) -> Data | None:
    if not place.coordinates:
        return None
    latitude, longitude = place.coordinates
    return {"@type": "GeoCoordinates", "latitude": latitude, "longitude": longitude}


def place_location(place: Place, ctx: Context) -> Data:
    """A Place as an event's location: name, address, coordinates and its page (the same node
    as the place page's Place)."""
    return _clean({
        "@type": "Place",
        "@id": ctx.page_url(place) + "#place",
        "name": _text(place.name, ctx),
        "address": postal_address(place, ctx),
        "geo": _geo(place),
        "url": ctx.page_url(place),
    })


def opening_hours_specification(hours: OpeningHours) -> Data:
    """One OpeningHoursSpecification: days of the week, opens, closes, season."""
    return _clean({
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": [DAY_URLS[d] for d in hours.days],
        "opens": clock(hours.time.start),
        "closes": clock(hours.time.end),
        "validFrom": hours.start.isoformat() if hours.start else None,
        "validThrough": hours.until.isoformat() if hours.until else None,
    })


def place_data(place: Place, ctx: Context) -> Data:
    """The JSON-LD of a place page: a Place with address, geo, contacts and opening hours."""
    features = [{"@type": "LocationFeatureSpecification",
                 "name": _label("accessibility", term_id, ctx), "value": True}
                for term_id in place.accessibility]
    return _clean({
        "@context": SCHEMA,
        "@type": "Place",
        "@id": ctx.page_url(place) + "#place",
        "name": _text(place.name, ctx),
        "url": ctx.page_url(place),
        "address": postal_address(place, ctx),
        "geo": _geo(place),
        "telephone": place.phone,
        "sameAs": place.website,
        "amenityFeature": features,
        "openingHoursSpecification": [opening_hours_specification(h)
                                      for h in place.opening_hours],
    })


def organizer(organisation: Organisation, ctx: Context) -> Data:
    """The organising Organization: its name and its page in the guide."""
    return _clean({
        "@type": "Organization",
        "@id": ctx.page_url(organisation) + "#organisation",
        "name": _text(organisation.name, ctx),
        "url": ctx.page_url(organisation),
        "sameAs": organisation.website,
    })


# -- activities ---------------------------------------------------------------------------------

def attendance_mode(activity: Activity) -> str | None:
    """Offline (a place), Online (a web address) or Mixed (both); None when neither."""
    if activity.place and activity.online:
        return f"{SCHEMA}/MixedEventAttendanceMode"
    if activity.online:
        return f"{SCHEMA}/OnlineEventAttendanceMode"
    if activity.place:
        return f"{SCHEMA}/OfflineEventAttendanceMode"
    return None


def location(activity: Activity, place: Place | None, municipalities: tuple[str, ...],
             ctx: Context) -> Any:
    """The Place and/or VirtualLocation; without either, the municipalities it is held in."""
    found: list[Data] = []
    if place is not None:
        found.append(place_location(place, ctx))
    if activity.online:
        found.append({"@type": "VirtualLocation", "url": activity.online})
    if not found:
        for term_id in municipalities:
            name = _label("municipalities", term_id, ctx)
            found.append({"@type": "Place", "name": name, "address": {
                "@type": "PostalAddress", "addressLocality": name, "addressCountry": COUNTRY}})
    return _one_or_many(found) if found else None


def audience(term: Term, ctx: Context) -> Data:
    """An Audience, the same as its YSO concept(s) when the vocabulary names them."""
    return _clean({"@type": "Audience", "audienceType": term.label.get(ctx.lang)[0],
                   "sameAs": _one_or_many(list(term.yso)) if term.yso else None})


def keywords(activity: Activity, ctx: Context) -> list[Data]:
    """The activity's themes and format as DefinedTerms of the guide's vocabulary, each
    followed by the YSO concepts the vocabulary matches it with (DefinedTerms whose @id is
    the concept's URI); terms missing from the vocabulary are left out."""
    found: list[Data] = []
    seen: set[str] = set()
    for group, term_id in [*(("themes", t) for t in activity.themes),
                           ("formats", activity.format)]:
        term = ctx.vocabulary.group(group).get(term_id)
        if term is None:
            continue
        found.append({"@type": "DefinedTerm", "name": term.label.get(ctx.lang)[0],
                      "termCode": term.id, "url": ctx.page_url(term)})
        for uri in term.yso:
            if uri not in seen:
                seen.add(uri)
                found.append({"@type": "DefinedTerm", "@id": uri,
                              "termCode": uri.rsplit("/", 1)[1], "inDefinedTermSet": YSO_BASE})
    return found


def _shared(activity: Activity, organisation: Organisation, place: Place | None,
            municipalities: tuple[str, ...], ctx: Context) -> Data:
    """The properties the series and each of its events have in common."""
    audiences = [audience(ctx.vocabulary.term("audiences", a), ctx) for a in activity.audiences]
    languages = language_codes(activity.languages)
    return {
        "name": _text(activity.title, ctx),
        "description": _text(activity.summary, ctx),
        "url": ctx.page_url(activity),
        "eventAttendanceMode": attendance_mode(activity),
        "location": location(activity, place, municipalities, ctx),
        "organizer": organizer(organisation, ctx),
        "isAccessibleForFree": activity.is_free if activity.cost is not None else None,
        "inLanguage": _one_or_many(languages) if languages else None,
        "audience": _one_or_many(audiences) if audiences else None,
        "keywords": keywords(activity, ctx),
    }


def event(occurrence: Occurrence, shared: Data, series_id: str, ctx: Context) -> Data:
    """One occurrence as an Event: local start and end with their UTC offsets (a date when
    it has no time; no end for a start alone; an end past midnight on the next day), as
    wallclock.instance reads them, scheduled or cancelled."""
    day, time = occurrence.date, occurrence.time
    end: str | None
    if time is None:
        start = end = day.isoformat()
        anchor = day.isoformat()
    else:
        begin, finish = instance(day, time, ctx.zone)
        start = begin.isoformat()
        end = None if time.end is None else finish.isoformat()
        anchor = f"{day.isoformat()}T{time.start:%H%M}"
    status = "EventCancelled" if occurrence.cancelled else "EventScheduled"
    return _clean({
        "@type": "Event",
        "@id": f"{shared['url']}#{anchor}",
        **{k: shared[k] for k in ("name", "url")},
        "startDate": start,
        "endDate": end,
        "eventStatus": f"{SCHEMA}/{status}",
        **{k: _reference(shared[k]) for k in EVENT_SHARES},
        "superEvent": {"@id": series_id},
    })


def _reference(value: Any) -> Any:
    """A node the series describes in full, as a reference to it by its @id (a place, the
    organiser); nodes without an @id (an online or a municipality location) as they are."""
    if isinstance(value, list):
        return [_reference(item) for item in value]
    if isinstance(value, dict) and "@id" in value:
        return {"@id": value["@id"]}
    return value


def activity_data(activity: Activity, organisation: Organisation, place: Place | None,
                  municipalities: tuple[str, ...], occurrences: Iterable[Occurrence],
                  ctx: Context) -> Data:
    """The JSON-LD of an activity page: the EventSeries with its eventSchedule, then an Event
    for each of the first EVENTS_LISTED of occurrences (pass the next dates the page lists)."""
    shared = _shared(activity, organisation, place, municipalities, ctx)
    series_id = shared["url"] + "#series"
    schedules = [s for rule in activity.schedule for s in rule_schedules(rule, ctx)]
    series = _clean({"@type": "EventSeries", "@id": series_id, **shared,
                     "eventSchedule": schedules})
    own = [o for o in occurrences if o.activity.key == activity.key]
    events = [event(o, shared, series_id, ctx) for o in own[:EVENTS_LISTED]]
    return {"@context": SCHEMA, "@graph": [series, *events]}


# -- schedules ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Pattern:
    """One part of a rule as a Schedule can say it, and which days it yields."""

    fields: Data
    matches: Callable[[dt.date], bool]


def _patterns(rule: ScheduleRule) -> list[_Pattern]:
    """The rule's recurring parts that schema.org's Schedule can express (none for rrule)."""
    if rule.kind == "weekly":
        return [_Pattern({"repeatFrequency": f"P{rule.every}W",
                          "byDay": [DAY_URLS[d] for d in rule.weekly]},
                         lambda day: day.weekday() in rule.weekly)]
    if rule.kind != "monthly":
        return []
    found = []
    numbers = [m.ordinal for m in rule.monthly if m.weekday is None]
    if numbers:
        found.append(_Pattern({"repeatFrequency": "P1M", "byMonthDay": numbers},
                              lambda day: day.day in numbers))
    for m in rule.monthly:
        if m.weekday is not None and 1 <= m.ordinal <= 5:  # 'last' has no byMonthWeek value
            found.append(_Pattern({"repeatFrequency": "P1M", "byDay": [DAY_URLS[m.weekday]],
                                   "byMonthWeek": [m.ordinal]}, _nth_weekday(m)))
    return found


def _nth_weekday(m: MonthlyDay) -> Callable[[dt.date], bool]:
    return lambda day: day.weekday() == m.weekday and (day.day - 1) // 7 + 1 == m.ordinal


def rule_day_parts(rule: ScheduleRule, today: dt.date, horizon: dt.date
                   ) -> tuple[tuple[dt.date, ...], tuple[dt.date, ...]]:
    """What of a rule's Schedules follows the build day: the days from today on that its
    recurrence yields but that are not held (exceptions, skipped holidays) or are cancelled,
    up to `until`, else the rolling year's end or the last exception or cancellation; and
    its single days (`dates`, `also`) from today on that are not cancelled."""
    not_held = _not_held_from(rule, today, horizon) if rule.kind in ("weekly", "monthly") \
        else ()
    # Exceptions take out listed dates, never extra (`also`) days.
    cancelled = {c.date for c in rule.cancelled}
    if rule.kind == "dates":
        singles = [d for d in rule.dates if not is_skipped(rule, d)]
    else:  # extra days are held on holidays and in breaks too, but only within the rule
        singles = [d for d in rule.also
                   if (rule.start or d) <= d <= (rule.until or d)]
    return not_held, tuple(d for d in sorted(set(singles)) if d >= today and d not in cancelled)


def day_parts(activity: Activity, today: dt.date) -> tuple:
    """What of an activity's structured data follows the build day (rule_day_parts of each
    rule, published a rolling year ahead): the build cache compares it between days."""
    horizon = today + ROLLING_YEAR
    return tuple(rule_day_parts(rule, today, horizon) for rule in activity.schedule)


@lru_cache(maxsize=1024)  # a page's languages come one after another (render.render_all)
def _not_held_from(rule: ScheduleRule, today: dt.date, horizon: dt.date
                   ) -> tuple[dt.date, ...]:
    first = max(rule.start or today, today)
    last = rule.until or max([horizon, *(x.end for x in rule.exceptions),
                              *(c.date for c in rule.cancelled)])
    if first > last:
        return ()
    recurring = {d for days in recurring_dates(rule, first, last) for d in days}
    skipped = recurring - set(rule_dates(rule, first, last))
    cancelled = {c.date for c in rule.cancelled if first <= c.date <= last}
    return tuple(sorted(skipped | cancelled))


def _times(rule: ScheduleRule) -> tuple[TimeRange | None, ...]:
    return rule.times or (None,)


def _time_fields(time: TimeRange | None) -> Data:
    """startTime and endTime (earlier than startTime when it is on the next day); a start
    alone has no endTime."""
    if time is None:
        return {}
    if time.end is None:
        return {"startTime": clock(time.start)}
    return {"startTime": clock(time.start), "endTime": clock(time.end)}


def rule_schedules(rule: ScheduleRule, ctx: Context) -> list[Data]:
    """A schedule rule as schema.org Schedules: one per recurring part and time of day
    (P1W/P2W/P1M with byDay, byMonthWeek or byMonthDay, from/until, exceptDate), and one per
    single day (`date`, `also`). Parts it cannot express (rrule, 'last fri') are left out."""
    zone = ctx.zone.key
    not_held, singles = rule_day_parts(rule, ctx.today, ctx.horizon)
    found: list[Data] = []
    for pattern in _patterns(rule):
        excepted = [d.isoformat() for d in not_held if pattern.matches(d)]
        for time in _times(rule):
            found.append(_clean({
                "@type": "Schedule",
                **pattern.fields,
                "startDate": rule.start.isoformat() if rule.start else None,
                "endDate": rule.until.isoformat() if rule.until else None,
                **_time_fields(time),
                "exceptDate": excepted,
                "scheduleTimezone": zone,
            }))
    for day in singles:
        for time in _times(rule):
            found.append({"@type": "Schedule", "startDate": day.isoformat(),
                          "endDate": day.isoformat(), **_time_fields(time),
                          "scheduleTimezone": zone})
    return found

