"""iCalendar feeds: RFC 5545 form (folding, escaping; the VTIMEZONE: test_icaltimezone.py),
schedules as recurring events, and the independent check that the example's feeds give
exactly what the site shows.

Feeds are read back with `icalendar` and expanded with `recurring_ical_events` (neither is used
to make the expectations); the expected dates of the schedule cases are written by hand.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections import Counter

import icalendar
import pytest
import recurring_ical_events

from hyteguide.common.times import clock as written_clock
from hyteguide.content.load import load_content
from hyteguide.derive.feedscopes import FeedChoice
from hyteguide.derive.guide import Guide, derive
from hyteguide.feeds.ical import EventContext, calendar, series_events, vtimezone
from hyteguide.model import (
    Activity,
    Cancellation,
    DateRange,
    MonthlyDay,
    ScheduleRule,
    Text,
    TimeRange,
)
from hyteguide.preview.serve import content_type
from hyteguide.schedule.occurrences import activity_occurrences, activity_series, published_end
from hyteguide.schedule.wallclock import DEFAULT_DURATION
from hyteguide.web.i18n import Catalogue, load_catalogue
from hyteguide.web.urls import FEED_GROUPS, Urls, feed_path
from tests.conftest import BASE_URL, TODAY
from tests.helpers import make_site

TZ = "Europe/Helsinki"
HELSINKI = zoneinfo.ZoneInfo(TZ)
UTC = dt.UTC
MON, TUE, WED, THU, FRI, SAT = range(6)
YEAR_2027 = (dt.date(2027, 1, 1), dt.date(2027, 12, 31))

# (activity key, date, start "HH:MM" or None, end "HH:MM" or None, cancelled)
Shown = tuple[str, dt.date, str | None, str | None, bool]


# -- helpers ----------------------------------------------------------------------------------

def text(value: str) -> Text:
    return Text((("fi", value),))


def times(start: str, end: str) -> tuple[TimeRange, ...]:
    def parse(value: str) -> dt.time:
        return dt.time.max if value == "24:00" else dt.time.fromisoformat(value)

    return (TimeRange(parse(start), parse(end)),)


def activity(*rules: ScheduleRule, title: str = "Ryhmä") -> Activity:
    """An activity of the make_site organisation, at its place, with the given rules."""
    return Activity("yhdistys", "olohuone", text(title), text("Tiivistelmä."), "kohtaamispaikka",
                    themes=("vertaistuki",), place="kirjasto", cost="free",
                    registration="none", schedule=rules)


@pytest.fixture(scope="module")
def guide(tmp_path_factory) -> Guide:
    return derive(load_content(make_site(tmp_path_factory.mktemp("ical"))), TODAY)


@pytest.fixture(scope="module")
def catalogues(sources) -> dict[str, Catalogue]:
    return {lang: load_catalogue(sources.templates, lang) for lang in ("fi", "sv", "en")}


def feed(guide: Guide, catalogues: dict[str, Catalogue], subject: Activity,
         window: tuple[dt.date, dt.date], lang: str = "fi") -> bytes:
    """One activity's feed over a window, made as hyteguide.feeds.ical.feeds makes each feed."""
    first, last = window
    ctx = EventContext(guide, Urls(BASE_URL, ("fi", "sv", "en")), catalogues[lang], lang,
                       HELSINKI, dt.datetime.combine(first, dt.time(), UTC), "example.org")
    events = [e for s in activity_series(subject, first, last)
              for e in series_events(s, ctx)]
    return calendar("Testi", vtimezone(TZ, first, last).to_ical(), events, BASE_URL, TZ)


def clock(moment: dt.datetime, day: dt.date) -> str:
    return "24:00" if moment.date() > day and moment.time() == dt.time() else f"{moment:%H:%M}"


def activity_key(url: str) -> str:
    """'…/sv/activities/org/id/' → 'org/id'."""
    match = re.search(r"/activities/([a-z0-9-]+)/([a-z0-9-]+)/$", url)
    assert match, url
    return f"{match[1]}/{match[2]}"


def expand(data: bytes, first: dt.date, last: dt.date) -> list[Shown]:
    """The occurrences a calendar app shows from first to last inclusive."""
    parsed = icalendar.Calendar.from_ical(data)
    found = []
    for event in recurring_ical_events.of(parsed).between(first, last + dt.timedelta(days=1)):
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        key = activity_key(str(event["URL"]))
        cancelled = str(event.get("STATUS")) == "CANCELLED"
        if isinstance(start, dt.datetime):
            assert start.tzinfo is not None and str(start.tzinfo) == TZ
            day = start.date()
            found.append((key, day, f"{start:%H:%M}", clock(end, day), cancelled))
        else:
            assert end == start + dt.timedelta(days=1)
            found.append((key, start, None, None, cancelled))
    return sorted(found, key=str)


def in_feed(start: str | None, end: str | None) -> str | None:
    """The end a feed gives an occurrence the site shows from start to end: a start alone
    ("18:45", no end on pages) lasts wallclock.DEFAULT_DURATION in calendar files."""
    if start is None or end is not None:
        return end
    later = dt.datetime.combine(TODAY, dt.time.fromisoformat(start)) + DEFAULT_DURATION
    return f"{later:%H:%M}"


def shown_times(o) -> tuple[str | None, str | None]:  # noqa: ANN001 - an Occurrence
    """An occurrence's start and end as a feed gives them: a start alone with its default
    end."""
    if o.time is None:
        return None, None
    start = written_clock(o.time.start)
    return start, in_feed(start, written_clock(o.time.end) if o.time.end else None)


def shown_by_site(subject: Activity, window: tuple[dt.date, dt.date]) -> list[Shown]:
    """What the site's pages list for the activity (hyteguide.schedule.occurrences), with the end a
    feed gives a start alone."""
    return sorted(((o.activity.key, o.date, *shown_times(o), o.cancelled)
                   for o in activity_occurrences(subject, *window)), key=str)


def check(guide: Guide, catalogues: dict[str, Catalogue], subject: Activity,
          window: tuple[dt.date, dt.date], days: list[dt.date], start: str | None,
          end: str | None, cancelled: tuple[dt.date, ...] = ()) -> bytes:
    """The feed expands to exactly `days` (hand-written) and to what the site shows; nothing
    outside the window, even when a calendar app expands years around it."""
    data = feed(guide, catalogues, subject, window)
    expected = sorted(((subject.key, d, start, end, d in cancelled) for d in days), key=str)
    wide = (window[0] - dt.timedelta(days=800), window[1] + dt.timedelta(days=800))
    assert expand(data, *wide) == expected
    assert shown_by_site(subject, window) == expected
    return data


def unfolded(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def lines_of(data: bytes, name: str) -> list[str]:
    """The unfolded lines of a property in the VEVENTs (not in the VTIMEZONE)."""
    found, inside = [], False
    for line in unfolded(data):
        inside = {"BEGIN:VEVENT": True, "END:VEVENT": False}.get(line, inside)
        if inside and re.match(rf"{name}[;:]", line):
            found.append(line)
    return found


def weekdays(first: dt.date, last: dt.date, weekday: int, step: int = 7) -> list[dt.date]:
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    found = []
    while day <= last:
        found.append(day)
        day += dt.timedelta(days=step)
    return found


def nth_weekday(year: int, month: int, n: int, weekday: int) -> dt.date:
    """The nth (or last, n = -1) weekday of a month, by plain date arithmetic."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last = following - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


# -- RFC 5545 form ----------------------------------------------------------------------------

HOSTILE = ("Kahvi, pulla; ja \\ kenoviiva\nEND:VCALENDAR\r\nBEGIN:VEVENT\rUID:evil\x07"
           "\x00 – 😀 Ääliö")


def test_lines_are_folded_at_75_octets_with_crlf_and_never_split_a_character(guide, catalogues):
    title = "Ääliöiden 😀 vertaistukiryhmä – " * 12
    rule = ScheduleRule(weekly=(TUE,), times=times("10:00", "12:00"),
                        cancelled=(Cancellation(dt.date(2027, 2, 2), text("ö" * 200)),))
    data = feed(guide, catalogues, activity(rule, title=title), YEAR_2027)
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"") and b"\r" not in data.replace(b"\r\n", b"")
    physical = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in physical) <= 75
    assert sum(len(line) > 70 for line in physical) > 10  # long lines were folded
    for line in physical:
        line.decode("utf-8")  # each physical line is whole UTF-8: no character split
    summary = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]["SUMMARY"]
    assert str(summary) == title


def test_text_values_are_escaped(guide, catalogues):
    rule = ScheduleRule(dates=(dt.date(2027, 2, 2),), times=times("10:00", "12:00"))
    data = feed(guide, catalogues, activity(rule, title=HOSTILE), YEAR_2027)
    lines = data.split(b"\r\n")
    assert lines.count(b"END:VCALENDAR") == 1 and lines[-2] == b"END:VCALENDAR"
    assert lines.count(b"BEGIN:VEVENT") == 1
    assert not any(line.startswith(b"UID:evil") for line in lines)
    assert b"\x00" not in data and b"\x07" not in data
    (summary,) = lines_of(data, "SUMMARY")
    assert summary == ("SUMMARY:Kahvi\\, pulla\\; ja \\\\ kenoviiva\\nEND:VCALENDAR\\n"
                       "BEGIN:VEVENT\\nUID:evil – 😀 Ääliö")
    parsed = icalendar.Calendar.from_ical(data)
    (event,) = parsed.walk("VEVENT")
    assert str(event["SUMMARY"]) == ("Kahvi, pulla; ja \\ kenoviiva\nEND:VCALENDAR\n"
                                     "BEGIN:VEVENT\nUID:evil – 😀 Ääliö")
    assert str(event["UID"]) == "20270202T1000.olohuone.yhdistys@example.org"


def test_event_properties(guide, catalogues):
    rule = ScheduleRule(weekly=(TUE,), times=times("10:00", "12:00"),
                        start=dt.date(2027, 2, 2), until=dt.date(2027, 2, 23))
    data = feed(guide, catalogues, activity(rule), YEAR_2027, lang="sv")
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["URL"]) == BASE_URL + "sv/activities/yhdistys/olohuone/"
    assert str(event["LOCATION"]) == "Kervo huvudbibliotek, Paasikivenkatu 12, 04200 Kervo"
    assert event.categories == ["Kamratstöd"]
    assert event["DTSTAMP"].dt == dt.datetime(2027, 1, 1, tzinfo=UTC)
    description = str(event["DESCRIPTION"])
    for part in ("Tiivistelmä.", "Arrangör: Keravan Yhdistys ry", "När: tisdagar",
                 "Pris: Avgiftsfri", "Ingen anmälan behövs",
                 BASE_URL + "sv/activities/yhdistys/olohuone/"):
        assert part in description


def test_calendar_properties_and_an_empty_feed_is_valid(guide, catalogues):
    data = feed(guide, catalogues, activity(), YEAR_2027)
    parsed = icalendar.Calendar.from_ical(data)
    assert parsed.walk("VEVENT") == []
    assert len(parsed.walk("VTIMEZONE")) == 1  # RFC 5545: a calendar has one component or more
    for name, value in (("VERSION", "2.0"), ("CALSCALE", "GREGORIAN"), ("METHOD", "PUBLISH"),
                        ("NAME", "Testi"), ("X-WR-CALNAME", "Testi"), ("X-WR-TIMEZONE", TZ),
                        ("X-PUBLISHED-TTL", "PT12H")):
        assert str(parsed[name]) == value
    assert parsed["PRODID"]
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H" in unfolded(data)


def test_a_calendar_name_with_line_breaks_is_one_line():
    data = calendar("Kävely\nryhmä\r\n – Yhdistys", b"", [], BASE_URL, TZ)
    parsed = icalendar.Calendar.from_ical(data)
    assert str(parsed["NAME"]) == str(parsed["X-WR-CALNAME"]) == "Kävely ryhmä – Yhdistys"


# -- schedules as recurring events ------------------------------------------------------------

def test_weekly_group_stays_at_18_local_across_the_clock_changes(guide, catalogues):
    rule = ScheduleRule(weekly=(MON,), times=times("18:00", "19:30"),
                        start=dt.date(2027, 1, 4), until=dt.date(2027, 12, 27))
    holidays = [dt.date(2027, 3, 29), dt.date(2027, 12, 6)]  # Easter Monday, Independence Day
    days = [d for d in weekdays(*YEAR_2027, MON) if d not in holidays]
    data = check(guide, catalogues, activity(rule), YEAR_2027, days, "18:00", "19:30")
    (exdate,) = lines_of(data, "EXDATE")
    assert exdate == f"EXDATE;TZID={TZ}:20270329T180000,20271206T180000"
    (rrule,) = lines_of(data, "RRULE")
    assert "UNTIL=20271227T215959Z" in rrule  # the end of the last day (23:59:59), in UTC
    parsed = icalendar.Calendar.from_ical(data)
    for event in recurring_ical_events.of(parsed).between(*YEAR_2027):
        start = event["DTSTART"].dt
        summer = dt.date(2027, 3, 28) <= start.date() < dt.date(2027, 10, 31)
        assert (start.hour, start.astimezone(UTC).hour) == (18, 15 if summer else 16)


def test_fortnightly_keeps_its_weeks_when_the_first_day_is_a_holiday(guide, catalogues):
    rule = ScheduleRule(weekly=(WED,), every=2, times=times("10:00", "11:00"),
                        start=dt.date(2027, 1, 6), until=dt.date(2027, 3, 31))
    days = weekdays(dt.date(2027, 1, 20), dt.date(2027, 3, 31), WED, step=14)  # 6.1. Epiphany
    data = check(guide, catalogues, activity(rule), YEAR_2027, days, "10:00", "11:00")
    assert "INTERVAL=2" in lines_of(data, "RRULE")[0]


def test_second_monday_of_the_month(guide, catalogues):
    rule = ScheduleRule(monthly=(MonthlyDay(2, MON),), times=times("17:00", "19:00"))
    days = [nth_weekday(2027, m, 2, MON) for m in range(1, 13)]
    check(guide, catalogues, activity(rule), YEAR_2027, days, "17:00", "19:00")


def test_last_friday_skips_good_friday_and_midsummer_eve(guide, catalogues):
    rule = ScheduleRule(monthly=(MonthlyDay(-1, FRI),), times=times("12:00", "13:00"))
    skipped = [dt.date(2027, 3, 26), dt.date(2027, 6, 25)]
    days = [nth_weekday(2027, m, -1, FRI) for m in range(1, 13)]
    assert set(skipped) <= set(days)
    data = check(guide, catalogues, activity(rule), YEAR_2027,
                 [d for d in days if d not in skipped], "12:00", "13:00")
    assert lines_of(data, "EXDATE") == [f"EXDATE;TZID={TZ}:20270326T120000,20270625T120000"]


def test_summer_break(guide, catalogues):
    rule = ScheduleRule(weekly=(TUE,), times=times("09:00", "10:00"), start=dt.date(2027, 5, 1),
                        until=dt.date(2027, 9, 30),
                        exceptions=(DateRange(dt.date(2027, 6, 14), dt.date(2027, 8, 8)),))
    tuesdays = weekdays(dt.date(2027, 5, 1), dt.date(2027, 9, 30), TUE)
    days = [d for d in tuesdays if not dt.date(2027, 6, 14) <= d <= dt.date(2027, 8, 8)]
    data = check(guide, catalogues, activity(rule), YEAR_2027, days, "09:00", "10:00")
    assert len(lines_of(data, "EXDATE")[0].split(",")) == len(tuesdays) - len(days) == 8


def test_cancelled_day_is_an_override_with_status_cancelled(guide, catalogues):
    cancelled = dt.date(2027, 2, 18)
    rule = ScheduleRule(weekly=(THU,), times=times("14:00", "15:00"), start=dt.date(2027, 2, 4),
                        until=dt.date(2027, 3, 4),
                        cancelled=(Cancellation(cancelled, text("Ohjaaja on sairaana")),))
    days = weekdays(dt.date(2027, 2, 4), dt.date(2027, 3, 4), THU)
    data = check(guide, catalogues, activity(rule), YEAR_2027, days, "14:00", "15:00",
                 cancelled=(cancelled,))
    main, override = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(main["UID"]) == str(override["UID"])
    assert override["RECURRENCE-ID"].dt == dt.datetime(2027, 2, 18, 14, tzinfo=HELSINKI)
    assert str(override["STATUS"]) == "CANCELLED"
    assert "Ohjaaja on sairaana" in str(override["DESCRIPTION"])
    assert str(override["SUMMARY"]) == "Peruttu: Ryhmä"


def test_extra_days_are_events_of_their_own_also_before_the_first_recurring_day(guide,
                                                                             catalogues):
    extra = (dt.date(2027, 2, 1), dt.date(2027, 2, 11))  # a Monday before, a Thursday within
    rule = ScheduleRule(weekly=(TUE,), times=times("10:00", "12:00"), start=dt.date(2027, 2, 1),
                        until=dt.date(2027, 2, 23), also=extra)
    days = sorted([*weekdays(dt.date(2027, 2, 1), dt.date(2027, 2, 23), TUE), *extra])
    data = check(guide, catalogues, activity(rule), YEAR_2027, days, "10:00", "12:00")
    # No RDATE: Outlook ignores it without an RRULE, Google hides RDATEs after UNTIL.
    assert lines_of(data, "RDATE") == []
    assert lines_of(data, "DTSTART") == [f"DTSTART;TZID={TZ}:20270202T100000",
                                         f"DTSTART;TZID={TZ}:20270201T100000",
                                         f"DTSTART;TZID={TZ}:20270211T100000"]
    uids = [u.split(".")[0] for u in lines_of(data, "UID")]
    assert re.fullmatch(r"UID:[0-9a-f]{10}-1", uids[0])  # what the rule is, and its 1st time
    assert uids[1:] == ["UID:20270201T1000", "UID:20270211T1000"]  # a single day: day, time


@pytest.mark.parametrize("first, days", [
    (dt.date(2027, 1, 1), [10, 13, 16, 19, 22]),
    (dt.date(2027, 1, 15), [16, 19, 22]),  # the window starts mid-series: COUNT still holds
])
def test_raw_rrule_with_count_and_interval(guide, catalogues, first, days):
    rule = ScheduleRule(rrule="FREQ=DAILY;INTERVAL=3;COUNT=5", start=dt.date(2027, 1, 10),
                        times=times("10:00", "11:00"))
    window = (first, dt.date(2027, 12, 31))
    data = check(guide, catalogues, activity(rule), window,
                 [dt.date(2027, 1, d) for d in days], "10:00", "11:00")
    (rrule,) = lines_of(data, "RRULE")
    assert "COUNT" not in rrule and "UNTIL=20270122T215959Z" in rrule


def test_weekly_rule_across_the_year_end(guide, catalogues):
    window = (dt.date(2026, 12, 1), dt.date(2027, 1, 31))
    rule = ScheduleRule(weekly=(THU,), times=times("18:00", "20:00"),
                        start=dt.date(2026, 12, 10), until=dt.date(2027, 1, 14))
    days = [d for d in weekdays(dt.date(2026, 12, 10), dt.date(2027, 1, 14), THU)
            if d != dt.date(2026, 12, 24)]  # Christmas Eve
    check(guide, catalogues, activity(rule), window, days, "18:00", "20:00")


def test_all_day_monthly_rule_across_the_year_end(guide, catalogues):
    window = (dt.date(2026, 11, 23), dt.date(2027, 2, 28))
    rule = ScheduleRule(monthly=(MonthlyDay(1),), start=dt.date(2026, 12, 1))
    days = [dt.date(2026, 12, 1), dt.date(2027, 2, 1)]  # 1.1. is New Year's Day
    data = check(guide, catalogues, activity(rule), window, days, None, None)
    assert lines_of(data, "DTSTART") == ["DTSTART;VALUE=DATE:20261201"]
    assert lines_of(data, "EXDATE") == ["EXDATE;VALUE=DATE:20270101"]
    assert "UNTIL=20270201;" in lines_of(data, "RRULE")[0] + ";"


def test_all_day_dates_with_a_cancelled_one(guide, catalogues):
    days = [dt.date(2027, 5, 14), dt.date(2027, 5, 21), dt.date(2027, 6, 1)]
    rule = ScheduleRule(dates=tuple(days), cancelled=(Cancellation(days[1]),))
    data = check(guide, catalogues, activity(rule), YEAR_2027, days, None, None,
                 cancelled=(days[1],))
    assert lines_of(data, "RDATE") == [] and lines_of(data, "RECURRENCE-ID") == []
    assert lines_of(data, "STATUS") == ["STATUS:CONFIRMED", "STATUS:CANCELLED",
                                        "STATUS:CONFIRMED"]
    assert lines_of(data, "DTEND")[0] == "DTEND;VALUE=DATE:20270515"


def test_open_ended_rule_is_bounded_by_the_window(guide, catalogues):
    window = (TODAY, TODAY + dt.timedelta(weeks=12))
    rule = ScheduleRule(weekly=(MON,), times=times("18:00", "19:00"))
    days = weekdays(*window, MON)
    assert days[0] == TODAY and days[-1] == window[1]  # both ends are inclusive
    data = check(guide, catalogues, activity(rule), window, days, "18:00", "19:00")
    assert "UNTIL=20270215T215959Z" in lines_of(data, "RRULE")[0]


def test_an_evening_until_midnight_ends_at_the_next_day(guide, catalogues):
    rule = ScheduleRule(dates=(dt.date(2027, 5, 14), dt.date(2027, 5, 21)),
                        times=times("20:00", "24:00"))
    data = check(guide, catalogues, activity(rule), YEAR_2027,
                 [dt.date(2027, 5, 14), dt.date(2027, 5, 21)], "20:00", "24:00")
    assert lines_of(data, "DTEND") == [f"DTEND;TZID={TZ}:20270515T000000",
                                       f"DTEND;TZID={TZ}:20270522T000000"]
    assert lines_of(data, "RRULE") == []
    assert lines_of(data, "DTSTART") == [f"DTSTART;TZID={TZ}:20270514T200000",
                                         f"DTSTART;TZID={TZ}:20270521T200000"]


def test_several_times_and_monthly_parts_have_their_own_uids(guide, catalogues):
    rules = (ScheduleRule(weekly=(SAT,), times=(*times("10:00", "12:00"),
                                                *times("14:00", "16:00")),
                          start=dt.date(2027, 3, 1), until=dt.date(2027, 3, 31)),
             ScheduleRule(monthly=(MonthlyDay(15), MonthlyDay(1, MON)),
                          times=times("09:00", "10:00"), start=dt.date(2027, 3, 1),
                          until=dt.date(2027, 4, 30)))
    data = feed(guide, catalogues, activity(*rules), YEAR_2027)
    uids = [str(e["UID"]).split(".")[0] for e in icalendar.Calendar.from_ical(data).walk("VEVENT")]
    assert len(set(uids)) == 4 and [u[-2:] for u in uids] == ["-1", "-2", "-1", "-1"]
    subject = activity(*rules)
    assert expand(data, *YEAR_2027) == shown_by_site(subject, YEAR_2027)


# -- the preview serves feeds as text/calendar ------------------------------------------------

def test_preview_serves_ics_as_text_calendar():
    assert content_type("calendar/calendar.ics") == "text/calendar; charset=utf-8"
    assert content_type("organisations/x/calendar.ics") == "text/calendar; charset=utf-8"
    assert content_type("index.html") == "text/html; charset=utf-8"


# -- the example region: the feeds give exactly what the site shows ---------------------------

def feed_targets(content) -> list[object | None]:  # noqa: ANN001 - a model.Content
    return [None, *content.organisations, *(a for o in content.organisations
                                            for a in o.activities),
            *(term for group in FEED_GROUPS
              for term in content.vocabulary.group(group).values()),
            *choice_targets(content)]


def choice_targets(content) -> list[FeedChoice]:  # noqa: ANN001 - a model.Content
    """Each municipality and audience that a listed activity has together: a feed of their
    own (feedscopes.py); none for a pair without activities."""
    listed = derive(content, TODAY).activities
    vocabulary = content.vocabulary
    return [FeedChoice(m, a) for m in vocabulary.group("municipalities").values()
            for a in vocabulary.group("audiences").values()
            if any(m.id in municipalities_of(s, content) and a.id in s.audiences for s in listed)]


@pytest.fixture(scope="module")
def example_feeds(built_site, example_content) -> dict[tuple[str, object], bytes]:
    """(language, target) → the bytes of its feed in the built example."""
    urls = Urls(BASE_URL, example_content.site.languages)
    return {(lang, target): (built_site.root / urls.localised(feed_path(target), lang)
                             ).read_bytes()
            for lang in example_content.site.languages
            for target in feed_targets(example_content)}


@pytest.fixture(scope="module")
def expanded(example_feeds, example_content) -> dict[tuple[str, object], list[Shown]]:
    window = (TODAY, TODAY + dt.timedelta(weeks=example_content.site.horizon_weeks))
    return {key: expand(data, *window) for key, data in example_feeds.items()}


def test_every_feed_is_written_and_no_other(built_site, example_content, example_feeds):
    written = {f for f in built_site.files() if f.endswith(".ics")}
    urls = Urls(BASE_URL, example_content.site.languages)
    assert written == {urls.localised(feed_path(target), lang) for lang, target in example_feeds}


def test_feeds_have_unique_events(example_feeds):
    for data in example_feeds.values():
        events = icalendar.Calendar.from_ical(data).walk("VEVENT")
        ids = Counter((str(e["UID"]), e["RECURRENCE-ID"].to_ical() if "RECURRENCE-ID" in e
                       else None) for e in events)
        assert not [k for k, n in ids.items() if n > 1]


def in_scope(target: object | None, subject: Activity, content) -> bool:  # noqa: ANN001
    """Whether a feed's scope holds an activity, from the loaded content."""
    from hyteguide.model import Organisation, Term

    if target is None:
        return True
    if isinstance(target, Organisation):
        return subject.organisation == target.slug
    if isinstance(target, Activity):
        return subject.key == target.key
    if isinstance(target, FeedChoice):  # a municipality and an audience: in both
        return in_scope(target.municipality, subject, content) and \
            in_scope(target.term, subject, content)
    assert isinstance(target, Term)
    if target.group == "municipalities":
        return target.id in municipalities_of(subject, content)
    # a term's feed has the activities of its narrower terms too (an audience for
    # mielenterveyskuntoutujat is in the feed for aikuiset)
    return target.id in content.vocabulary.expand(target.group, getattr(subject, target.group))


def municipalities_of(subject: Activity, content) -> tuple[str, ...]:  # noqa: ANN001
    """Where an activity is: its places' municipalities (its own and its rules'), else its
    organisation's."""
    if subject.places:
        return tuple(p.municipality for p in content.places if p.slug in subject.places)
    return next(o.municipalities for o in content.organisations
                if o.slug == subject.organisation)


def test_feeds_match_the_derived_occurrences(expanded, example_content):
    """Every feed against hyteguide's own occurrences of the window (what the pages list)."""
    window_end = TODAY + dt.timedelta(weeks=example_content.site.horizon_weeks)
    guide = derive(example_content, TODAY)
    assert guide.occurrences and guide.occurrences[-1].date <= window_end
    everything = [(o.activity, (o.activity.key, o.date, *shown_times(o), o.cancelled))
                  for o in guide.occurrences]
    assert any(shown[4] for _, shown in everything), "the example has a cancelled occurrence"
    for (lang, target), found in expanded.items():
        expected = sorted((shown for subject, shown in everything
                           if in_scope(target, subject, example_content)), key=str)
        assert found == expected, (lang, target)


def page_occurrences(built_site, page: str) -> list[Shown]:  # noqa: ANN001
    """What a calendar page shows: its HTML days, or a later week's, drawn from its data."""
    return [(item["activity"], dt.date.fromisoformat(item["date"]), item["start"],
             in_feed(item["start"], item["end"]), item["cancelled"])
            for _, items in built_site.calendar_days(page) for item in items]


def calendar_pages(built_site, lang: str, municipality: str | None) -> list[str]:  # noqa: ANN001
    """The calendar pages of the region (or a municipality) in a language: the current week
    at calendar/, later weeks at calendar/<yyyy>-w<ww>/."""
    base = built_site.localised("calendar/" + (f"{municipality}/" if municipality else ""), lang)
    week = re.compile(re.escape(base) + r"(\d{4}-w\d\d/)?index\.html$")
    return [f for f in built_site.html_files() if week.fullmatch(f)]


def test_an_activitys_feed_carries_its_series_to_their_real_end(example_feeds, example_content):
    """Beyond the calendar's window: to each rule's `until` (or last date), or a rolling year
    for a rule without one, with holidays and exceptions skipped all the way, as a calendar
    app expands it (recurring-ical-events)."""
    beyond = 0
    for (lang, target), data in example_feeds.items():
        if lang != "fi" or not isinstance(target, Activity):
            continue
        end = published_end(target, TODAY)
        found = expand(data, TODAY, end + dt.timedelta(days=400))
        assert found == shown_by_site(target, (TODAY, end)), target.key
        horizon = TODAY + dt.timedelta(weeks=example_content.site.horizon_weeks)
        beyond += sum(1 for shown in found if shown[1] > horizon)
    assert beyond > 500


def test_feeds_match_the_calendar_pages(built_site, expanded, example_content):
    """The issue's Done-when: the region feed against every region calendar page, each
    municipality feed against its calendar pages, and organisation, activity, theme and
    audience feeds against the region pages filtered by the content."""
    activities = {a.key: a for o in example_content.organisations for a in o.activities}
    for lang in example_content.site.languages:
        region_pages = calendar_pages(built_site, lang, None)
        assert len(region_pages) > 10, "the calendar pages are missing"
        region = sorted({s for f in region_pages for s in page_occurrences(built_site, f)},
                        key=str)
        assert region, lang
        for (feed_lang, target), found in expanded.items():
            if feed_lang != lang:
                continue
            if getattr(target, "group", None) == "municipalities":
                pages = calendar_pages(built_site, lang, target.id)
                assert pages, target.id
                expected = sorted({s for f in pages for s in page_occurrences(built_site, f)},
                                  key=str)
            else:
                expected = [s for s in region
                            if in_scope(target, activities[s[0]], example_content)]
            assert found == expected, (lang, target)


def test_feeds_are_byte_identical_across_builds(built_site, second_build):
    """The session's second build (another process, hash seed and number of workers) with the
    same --today writes the same feeds."""
    output = second_build.root
    first = {f: (built_site.root / f).read_bytes() for f in built_site.files()
             if f.endswith(".ics")}
    second = {p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*.ics")}
    assert first and first == second


def test_a_second_strict_parser_reads_every_feed_alike(built_site, example_feeds, expanded):
    """allenporter's `ical` (a separate, pydantic-validated RFC 5545 implementation, used by
    Home Assistant) accepts every feed and gives the region feed's same occurrences."""
    from ical.calendar_stream import IcsCalendarStream

    zone = zoneinfo.ZoneInfo(TZ)
    first = dt.datetime.combine(TODAY, dt.time(), zone)
    for (lang, target), data in example_feeds.items():
        calendar_ = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
        if target is not None:
            continue
        found = []
        for event in calendar_.timeline_tz(zone).start_after(first - dt.timedelta(seconds=1)):
            start, end = event.dtstart, event.dtend
            if isinstance(start, dt.datetime) and start.date() > TODAY + dt.timedelta(weeks=12):
                break
            cancelled = str(event.status or "").endswith("CANCELLED")
            if isinstance(start, dt.datetime):
                found.append((activity_key(event.url), start.date(), f"{start:%H:%M}",
                              clock(end, start.date()), cancelled))
            else:
                found.append((activity_key(event.url), start, None, None, cancelled))
        assert sorted(found, key=str) == expanded[(lang, target)], lang
