"""schema.org JSON-LD for activity and place pages, as plain dicts, and a safe script writer.

An activity page describes the activity as an `EventSeries` with its `eventSchedule` (one
`Schedule` per rule part and time of day that schema.org can express, to the rule's real end)
and an `Event` for each of its next few dates (EVENTS_LISTED): the series is what is stored,
the events only what a search engine shows as dates. Events carry what an event needs on its
own (name, time, status, place, organiser); the rest is the series'. A place page is a
`Place` with its opening hours, never Events. Keys are written in a fixed order, so the same
content gives byte-identical markup. The Schedules are made in jsonldschedule, the values
the builders share (and the HSDS export uses) are in jsonldvalues.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from hyteguide.feeds.jsonldschedule import rule_schedules
from hyteguide.feeds.jsonldvalues import (
    COUNTRY,
    DAY_URLS,
    SCHEMA,
    Context,
    Data,
    clean,
    clock,
    language_codes,
    one_or_many,
)
from hyteguide.model import (
    YSO_BASE,
    Activity,
    OpeningHours,
    Organisation,
    Place,
    Term,
    Text,
)
from hyteguide.schedule.occurrences import Occurrence
from hyteguide.schedule.wallclock import instance

# Characters that could end the script element or a JavaScript string, as JSON escapes.
# str.replace per character: str.translate with a table is 50 times slower on long texts.
_SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                   ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))

EVENTS_LISTED = 3  # Events besides the series: the next dates (cancelled ones included)
# What an Event repeats of its series, nodes with an @id (place, organiser) as references to
# the series' own; the rest (description, audience, …) only the series has.
EVENT_SHARES = ("eventAttendanceMode", "location", "organizer")


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
    return ctx.view.optional(value)


def _label(group: str, term_id: str, ctx: Context) -> str:
    return ctx.view.label(group, term_id)


# -- places, organisations ----------------------------------------------------------------------

def postal_address(place: Place, ctx: Context) -> Data:
    """A PostalAddress: street, postal code, municipality, country."""
    return clean({
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
    return clean({
        "@type": "Place",
        "@id": ctx.page_url(place) + "#place",
        "name": _text(place.name, ctx),
        "address": postal_address(place, ctx),
        "geo": _geo(place),
        "url": ctx.page_url(place),
    })


def opening_hours_specification(hours: OpeningHours) -> Data:
    """One OpeningHoursSpecification: days of the week, opens, closes, season."""
    return clean({
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": [DAY_URLS[d] for d in hours.days],
        "opens": clock(hours.time.start),
        # A start alone has no closing time (as a Schedule has no endTime then).
        "closes": clock(hours.time.end) if hours.time.end is not None else None,
        "validFrom": hours.start.isoformat() if hours.start else None,
        "validThrough": hours.until.isoformat() if hours.until else None,
    })


def place_data(place: Place, ctx: Context) -> Data:
    """The JSON-LD of a place page: a Place with address, geo, contacts and opening hours."""
    features = [{"@type": "LocationFeatureSpecification",
                 "name": _label("accessibility", term_id, ctx), "value": True}
                for term_id in place.accessibility]
    return clean({
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
    return clean({
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
    return one_or_many(found) if found else None


def audience(term: Term, ctx: Context) -> Data:
    """An Audience, the same as its YSO concept(s) when the vocabulary names them."""
    return clean({"@type": "Audience", "audienceType": ctx.view.text(term.label),
                   "sameAs": one_or_many(list(term.yso)) if term.yso else None})


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
        found.append({"@type": "DefinedTerm", "name": ctx.view.text(term.label),
                      "termCode": term.id, "url": ctx.page_url(term)})
        for uri in term.yso:
            if uri not in seen:
                seen.add(uri)
                found.append({"@type": "DefinedTerm", "@id": uri,
                              "termCode": uri.rsplit("/", 1)[1], "inDefinedTermSet": YSO_BASE})
    return found


def _shared(activity: Activity, organisers: tuple[Organisation, ...], place: Place | None,
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
        "organizer": one_or_many([organizer(o, ctx) for o in organisers]),
        "isAccessibleForFree": activity.is_free if activity.cost is not None else None,
        "inLanguage": one_or_many(languages) if languages else None,
        "audience": one_or_many(audiences) if audiences else None,
        # schema.org's form: "7-12", "65-" (and over); "up to 6" is "0-6".
        "typicalAgeRange": activity.ages.typical if activity.ages else None,
        "keywords": keywords(activity, ctx),
    }


def event(occurrence: Occurrence, shared: Data, series_id: str, ctx: Context,
          at: Place | None = None) -> Data:
    """One occurrence as an Event: local start and end with their UTC offsets (a date when
    it has no time; no end for a start alone; an end past midnight on the next day), as
    wallclock.instance reads them, scheduled or cancelled."""
    day, time = occurrence.date, occurrence.time
    end: str | None
    if time is None:
        start, end = day.isoformat(), occurrence.last_date.isoformat()
        anchor = day.isoformat()
    else:
        begin, finish = instance(day, time, ctx.zone, occurrence.days)
        start = begin.isoformat()
        end = None if time.end is None else finish.isoformat()
        anchor = f"{day.isoformat()}T{time.start:%H%M}"
    status = "EventCancelled" if occurrence.cancelled else "EventScheduled"
    # At its rule's own place (a summer term outdoors): that place, described in full.
    own = {"location": location(occurrence.activity, at, (), ctx)} if at else {}
    return clean({
        "@type": "Event",
        "@id": f"{shared['url']}#{anchor}",
        **{k: shared[k] for k in ("name", "url")},
        "startDate": start,
        "endDate": end,
        "eventStatus": f"{SCHEMA}/{status}",
        **{k: _reference(shared[k]) for k in EVENT_SHARES},
        **own,
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


def activity_data(activity: Activity, organisers: tuple[Organisation, ...], place: Place | None,
                  municipalities: tuple[str, ...], occurrences: Iterable[Occurrence],
                  ctx: Context, places: dict[str, Place] | None = None) -> Data:
    """The JSON-LD of an activity page: the EventSeries with its eventSchedule, then an Event
    for each of the first EVENTS_LISTED of occurrences (pass the next dates the page lists)."""
    shared = _shared(activity, organisers, place, municipalities, ctx)
    series_id = shared["url"] + "#series"
    schedules = [s for rule in activity.schedule for s in rule_schedules(rule, ctx)]
    series = clean({"@type": "EventSeries", "@id": series_id, **shared,
                     "eventSchedule": schedules})
    own = [o for o in occurrences if o.activity.key == activity.key]
    events = [event(o, shared, series_id, ctx, (places or {}).get(o.place or "")
                    if o.place != activity.place else None) for o in own[:EVENTS_LISTED]]
    return {"@context": SCHEMA, "@graph": [series, *events]}
