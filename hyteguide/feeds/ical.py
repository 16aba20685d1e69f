"""iCalendar (RFC 5545) feeds: the region, each organisation, activity and feed term, per language.

Each recurring `Series` of an activity (occurrences.activity_series) is one VEVENT: DTSTART and
RRULE with UNTIL and EXDATE for days not held, or a single day (a `date` or an `also` day: no
RDATE, which many apps drop), and an overriding VEVENT with STATUS:CANCELLED for each
cancelled day of a recurrence, so calendar apps show what the site shows; a day a clock
change lengthens or shortens is an override too (icalseries.py says why). All times
are local to the site's time zone (TZID); the VTIMEZONE is made from zoneinfo (icaltimezone), its
onsets the local times before each change, as RFC 5545 requires. A feed publishes each
series from four weeks before the build's today (subscribers keep what was held) to its real
end: the rule's `until` (or last date), or a rolling year for a rule without one
(occurrences.published_end), with its exceptions and holidays as EXDATEs over that whole span.
Output depends only on the content, its git history and the build's today.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit

from hyteguide.common.language import LanguageView
from hyteguide.common.routes import path_to
from hyteguide.common.text import ical_text
from hyteguide.derive.feedscopes import CHOICE_PARAMETER, FeedChoice, feed_activities, feed_targets
from hyteguide.derive.guide import Guide, sort_key
from hyteguide.feeds import icaltext
from hyteguide.feeds.icalseries import (
    HISTORY,
    end_of,
    odd_days,
    recurrence_id,
    revision,
    rrule,
    single,
    split_first,
    start_of,
    uid,
)
from hyteguide.feeds.icaltimezone import vtimezone
from hyteguide.model import Activity, Cancellation, Organisation, Term, Text
from hyteguide.schedule.occurrences import Series, activity_series, published_end
from hyteguide.web.i18n import Catalogue
from hyteguide.web.urls import FEED_GROUPS, Urls, calendar_path, feed_path, path_of

PRODID = "-//hyteguide//hyteguide//EN"
REFRESH = "PT12H"  # how often subscribed calendar apps should fetch again (a DURATION)
UTC = dt.UTC
END = b"END:VCALENDAR\r\n"


def feed_window(guide: Guide) -> tuple[dt.date, dt.date]:
    """The days the feeds cover, both inclusive: from the last weeks (HISTORY) to the last
    day any activity's series reaches (its `until`, or a rolling year)."""
    end = max((published_end(a, guide.today) for a in guide.every_activity),
              default=guide.today)
    return guide.today - HISTORY, end


# -- events ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class EventContext:
    """What the events of one language need: the guide, its URLs and catalogue, the zone."""

    guide: Guide
    urls: Urls
    catalogue: Catalogue
    lang: str
    zone: zoneinfo.ZoneInfo
    dtstamp: dt.datetime
    host: str
    committed: dict[str, dt.datetime] = field(default_factory=dict)  # file → last commit

    @cached_property
    def view(self) -> LanguageView:
        """Texts, labels and page addresses in this language."""
        return LanguageView.of(self.lang, self.guide.content.vocabulary, self.urls, path_of)

    def text(self, value: Text | str | None) -> str:
        """A text in this language (LanguageView.text), cleaned for TEXT values."""
        return ical_text(self.view.text(value))

    def absolute(self, target: object) -> str:
        """The published URL of a page in this language."""
        return self.view.page_url(target)

    def label(self, group: str, term_id: str) -> str:
        """A vocabulary term's label in this language, cleaned for TEXT values."""
        return ical_text(self.view.label(group, term_id))


def location(activity: Activity, ctx: EventContext, at: str | None = None) -> str:
    """Place name, address, postal code and municipality (of the place `at`, a rule's, else
    the activity's); else the online link; else where the organisation acts."""
    slug = at or activity.place
    if slug:
        place = ctx.guide.place_by_slug[slug]
        town = ctx.label("municipalities", place.municipality)
        town = f"{place.postal_code} {town}" if place.postal_code else town
        named = (ctx.text(place.name),) if place.named else ()
        return ", ".join((*named, ctx.text(place.address), town))
    if activity.online:
        return ctx.text(activity.online)
    return ", ".join(ctx.label("municipalities", m)
                     for m in ctx.guide.activity_municipalities[activity.key])


def description(series: Series, ctx: EventContext) -> str:
    """Summary, organiser, the rule in words, cost, registration, online link and page URL."""
    activity, say = series.activity, ctx.catalogue
    lines = [ctx.text(activity.summary), "",
             say("activity.organiser", organisation=say.join(
                 [ctx.text(o.name) for o in ctx.guide.organisers_of(activity)])),
             f"{say('activity.when')}: {ical_text(say.schedule(series.rule, ctx.text))}"]
    if activity.cost is not None:
        cost = say("activity.free") if activity.is_free else ctx.text(activity.cost)
        lines.append(f"{say('activity.cost')}: {cost}")
    if activity.registration is not None:
        registration = say("activity.no_registration") if activity.no_registration \
            else ctx.text(activity.registration)
        lines.append(f"{say('activity.registration')}: {registration}")
    period = say.registration_period(activity.registration_opens, activity.registration_closes)
    if period:
        lines.append(f"{say('activity.registration_period')}: {period}")
    if activity.registration_url:
        lines.append(f"{say('activity.register_online')}: {activity.registration_url}")
    if activity.online:
        lines.append(f"{say('activity.online_link')}: {ctx.text(activity.online)}")
    lines += ["", ctx.absolute(activity)]
    return "\n".join(lines)


def _common(series: Series, ctx: EventContext, day: dt.date,
            end: dt.date | dt.datetime | None = None) -> list[icaltext.Property]:
    """Properties every VEVENT of a series has, for the occurrence on day (ending at `end`
    when given instead of that day's end)."""
    activity = series.activity
    properties = [("UID", "", icaltext.text(uid(series, ctx.host))),
                  ("DTSTAMP", *icaltext.date_value(ctx.dtstamp)),
                  ("DTSTART", *icaltext.date_value(start_of(series, day, ctx.zone))),
                  ("DTEND", *icaltext.date_value(end or end_of(series, day, ctx.zone))),
                  ("LOCATION", "", icaltext.text(location(activity, ctx, series.rule.place))),
                  ("URL", "", ctx.absolute(activity)),
                  *revision(ctx.committed.get(activity.source.path))]
    themes = sorted((ctx.label("themes", t) for t in activity.themes), key=sort_key)
    if themes:
        properties.append(("CATEGORIES", "", ",".join(icaltext.text(t) for t in themes)))
    slug = series.rule.place or activity.place
    place = ctx.guide.place_by_slug.get(slug) if slug else None
    if place and place.coordinates:
        latitude, longitude = place.coordinates
        properties.append(("GEO", "", f"{float(latitude)};{float(longitude)}"))
    return properties


def series_events(series: Series, ctx: EventContext) -> list[bytes]:
    """One VEVENT for the series, an overriding VEVENT for each day a clock change gives
    another real length (`odd_days`), and an overriding cancelled VEVENT per cancelled day of
    a recurrence; a cancelled single day is itself the cancelled VEVENT. Each as its lines."""
    title, text = ctx.text(series.activity.title), description(series, ctx)
    cancelled_word = ctx.catalogue("occurrence.cancelled")
    recur = rrule(series, ctx.zone)
    if recur is None and series.cancelled:
        return [_cancelled(series, ctx, series.cancelled[0], title, text, cancelled_word,
                           override=False)]
    if recur is not None and series.rule.days > 1 and series.time is not None:
        # A weekly weekend camp: each time spans nights a clock change may fall on, which
        # odd_days (one day's time) does not see; such series are rare, so each is its own.
        return [e for day in series.dates for e in series_events(single(series, day), ctx)]
    odd = odd_days(series, ctx.zone) if recur is not None else ()
    if odd and odd[0] == series.start:
        return [e for part in split_first(series) for e in series_events(part, ctx)]
    properties = [("SUMMARY", "", icaltext.text(title)), *_common(series, ctx, series.start)]
    if recur is not None:
        properties.append(("RRULE", "", recur.to_ical().decode()))
    if series.exdates:
        properties.append(("EXDATE", *icaltext.dates_value(
            [recurrence_id(series, d, ctx.zone) for d in series.exdates])))
    properties += [("DESCRIPTION", "", icaltext.text(text)), ("STATUS", "", "CONFIRMED")]
    cancelled = {c.date for c in series.cancelled}
    return [icaltext.component("VEVENT", properties, icaltext.EVENT_ORDER),
            *(_moved(series, ctx, day, title, text) for day in odd if day not in cancelled),
            *(_cancelled(series, ctx, c, title, text, cancelled_word, override=True)
              for c in series.cancelled)]


def _moved(series: Series, ctx: EventContext, day: dt.date, title: str, text: str) -> bytes:
    """An instance that keeps its written clock times although a clock change makes its real
    length differ from the series' first instance."""
    properties = [("SUMMARY", "", icaltext.text(title)), *_common(series, ctx, day),
                  ("RECURRENCE-ID", *icaltext.date_value(recurrence_id(series, day, ctx.zone))),
                  ("DESCRIPTION", "", icaltext.text(text)), ("STATUS", "", "CONFIRMED")]
    return icaltext.component("VEVENT", properties, icaltext.EVENT_ORDER)


def _cancelled(series: Series, ctx: EventContext, cancellation: Cancellation, title: str,
               text: str, word: str, override: bool) -> bytes:
    """A cancelled occurrence: STATUS:CANCELLED, the note first in DESCRIPTION."""
    properties = [("SUMMARY", "", icaltext.text(f"{word}: {title}")),
                  *_common(series, ctx, cancellation.date)]
    if override:
        properties.append(("RECURRENCE-ID", *icaltext.date_value(
            recurrence_id(series, cancellation.date, ctx.zone))))
    note = ctx.text(cancellation.note)
    properties += [("DESCRIPTION", "", icaltext.text(f"{word}{': ' + note if note else ''}"
                                                     f"\n\n{text}")),
                   ("STATUS", "", "CANCELLED")]
    return icaltext.component("VEVENT", properties, icaltext.EVENT_ORDER)


# -- calendars ------------------------------------------------------------------------------

def calendar(name: str, timezone: bytes, events: Iterable[bytes], page_url: str,
             tzid: str) -> bytes:
    """A whole VCALENDAR from its VTIMEZONE and VEVENTs, serialised beforehand (each is in
    many feeds); valid with no events too, since the VTIMEZONE is always there. The name is
    one line (a line break in NAME and X-WR-CALNAME is shown by few apps)."""
    name = icaltext.text(" ".join(name.split()))
    head = icaltext.component("VCALENDAR", [
        ("VERSION", "", "2.0"), ("PRODID", "", icaltext.text(PRODID)),
        ("CALSCALE", "", "GREGORIAN"), ("METHOD", "", "PUBLISH"), ("NAME", "", name),
        ("X-WR-CALNAME", "", name), ("X-WR-TIMEZONE", "", icaltext.text(tzid)),
        ("URL", "", page_url), ("REFRESH-INTERVAL", ";VALUE=DURATION", REFRESH),
        ("X-PUBLISHED-TTL", "", REFRESH)], icaltext.CALENDAR_ORDER)
    if not head.endswith(END):
        raise ValueError("a VCALENDAR ends with END:VCALENDAR")
    return head[: -len(END)] + timezone + b"".join(events) + END


@dataclass(frozen=True)
class Scope:
    """What one feed covers: its target (None = the region) and its activities."""

    target: object | None
    activities: tuple[Activity, ...]

    def name(self, ctx: EventContext) -> str:
        """The feed's name in the context's language (NAME, X-WR-CALNAME)."""
        site = ctx.text(ctx.guide.content.site.name)
        target = self.target
        if target is None:
            return site
        if isinstance(target, Activity):
            return f"{ctx.text(target.title)} – " \
                   f"{ctx.text(ctx.guide.organisation_of(target).name)}"
        if isinstance(target, Organisation):
            return f"{ctx.text(target.name)} – {site}"
        if isinstance(target, Term):
            return f"{ctx.text(target.label)} – {site}"
        if isinstance(target, FeedChoice):
            return f"{ctx.text(target.municipality.label)}, {ctx.text(target.term.label)} – " \
                   f"{site}"
        raise TypeError(f"no feed for {target!r}")


def scopes(guide: Guide) -> Iterator[Scope]:
    """The region, every organisation, activity, term of the feed groups, and municipality
    and audience that has activities (feedscopes.py: what each holds)."""
    for target in feed_targets(guide, FEED_GROUPS):
        yield Scope(target, feed_activities(guide, target))


class Feeds:
    """Makes the site's feeds, each on its own when asked (the preview) or all in turn; an
    activity's events are made once per language and shared by every feed that lists it."""

    def __init__(self, guide: Guide, urls: Urls, catalogues: dict[str, Catalogue],
                 committed: dict[str, dt.datetime] | None = None):
        self.guide, self.urls, self.catalogues = guide, urls, catalogues
        self.committed = committed or {}
        site = guide.content.site
        self.window = feed_window(guide)
        self.timezone = vtimezone(site.timezone, *self.window).to_ical()
        # The guide's host and path: two guides on one github.io account never share a UID.
        address = urlsplit(urls.base_url)
        self.host = (address.hostname or "localhost") + address.path.rstrip("/")
        self.dtstamp = dt.datetime.combine(guide.today, dt.time(), UTC)
        self.contexts: dict[str, EventContext] = {}
        self.events: dict[tuple[str, str], list[bytes]] = {}

    def path(self, scope: Scope, lang: str) -> str:
        """The site-relative path of a scope's feed in a language."""
        return self.urls.localised(feed_path(scope.target), lang)

    def context(self, lang: str) -> EventContext:
        if lang not in self.contexts:
            self.contexts[lang] = EventContext(
                self.guide, self.urls, self.catalogues[lang], lang,
                zoneinfo.ZoneInfo(self.guide.content.site.timezone), self.dtstamp, self.host,
                self.committed)
        return self.contexts[lang]

    def events_of(self, activity: Activity, lang: str) -> list[bytes]:
        """An activity's VEVENTs in a language, made once."""
        key = (activity.key, lang)
        if key not in self.events:
            ctx = self.context(lang)
            span = (self.guide.today - HISTORY, published_end(activity, self.guide.today))
            self.events[key] = [e for s in activity_series(activity, *span)
                                for e in series_events(s, ctx)]
        return self.events[key]

    def feed(self, scope: Scope, lang: str) -> bytes:
        """One feed: the scope's activities' events in a language."""
        site = self.guide.content.site
        page = self.urls.absolute(self.urls.localised(_page_of(scope.target), lang))
        chosen = (e for a in _in_order(scope.activities) for e in self.events_of(a, lang))
        return calendar(scope.name(self.context(lang)), self.timezone, chosen, page,
                        site.timezone)


def feeds(guide: Guide, urls: Urls, catalogues: dict[str, Catalogue],
          languages: tuple[str, ...] | None = None,
          committed: dict[str, dt.datetime] | None = None) -> Iterator[tuple[str, bytes]]:
    """Every feed of the site (or of languages) as (site-relative path, bytes), in a stable
    order; `committed` gives each content file's last commit (SEQUENCE, LAST-MODIFIED)."""
    maker = Feeds(guide, urls, catalogues, committed)
    for lang in languages or guide.content.site.languages:
        for scope in scopes(guide):
            yield maker.path(scope, lang), maker.feed(scope, lang)


def _in_order(activities: Iterable[Activity]) -> list[Activity]:
    return sorted(activities, key=lambda a: a.key)


def _page_of(target: object | None) -> str:
    """The page a feed is of: a choice's is its municipality's calendar, filtered."""
    if isinstance(target, FeedChoice):
        return f"{calendar_path(target.municipality.id)}?{CHOICE_PARAMETER}={target.term.id}"
    return path_to("calendar") if target is None else path_of(target)
