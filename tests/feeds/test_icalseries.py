"""Feeds stay right for subscribers (hyteguide.feeds.icalseries and the events of
hyteguide.feeds.ical):
clock-change nights keep their written times in a reader that follows RFC 5545 to the letter,
series end at the end of their last day, UIDs survive edits that keep a rule, events carry
their revision, and feeds keep the last weeks."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import replace

import icalendar
import pytest
from dateutil import rrule as du

from hyteguide.content.load import load_content
from hyteguide.derive.guide import Guide, derive
from hyteguide.feeds.ical import Feeds
from hyteguide.feeds.icalseries import HISTORY, change_days, revision, uid
from hyteguide.model import Cancellation, MonthlyDay, ScheduleRule
from hyteguide.schedule.occurrences import activity_series
from hyteguide.web.i18n import Catalogue, load_catalogue
from hyteguide.web.urls import Urls
from tests.conftest import BASE_URL, TODAY
from tests.feeds.test_ical import activity, expand, feed, lines_of, times
from tests.helpers import make_site

TZ = "Europe/Helsinki"
HELSINKI = zoneinfo.ZoneInfo(TZ)
UTC = dt.UTC
SUN, MON, TUE, THU = 6, 0, 1, 3


@pytest.fixture(scope="module")
def guide(tmp_path_factory) -> Guide:
    return derive(load_content(make_site(tmp_path_factory.mktemp("icalseries"))), TODAY)


@pytest.fixture(scope="module")
def catalogues(sources) -> dict[str, Catalogue]:
    return {lang: load_catalogue(sources.templates, lang) for lang in ("fi", "sv", "en")}


def conformant(data: bytes, first: dt.date, last: dt.date) -> list[tuple[str, str, str]]:
    """Instances from first to last as RFC 5545 defines them, which ical.js (Thunderbird) and
    other strict readers follow: every instance lasts the exact (real) time the first one
    lasts, unless an override (RECURRENCE-ID) says otherwise; a local time resolves with
    fold=0 (a skipped time with the offset before the gap, a repeated one as its first).
    Each as (start, end, status) in local wall-clock time."""
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    overrides = {(str(e["UID"]), e["RECURRENCE-ID"].dt.replace(tzinfo=None)): e
                 for e in events if "RECURRENCE-ID" in e}
    found = []
    for event in (e for e in events if "RECURRENCE-ID" not in e):
        start = event["DTSTART"].dt
        start = start.replace(tzinfo=HELSINKI) if str(start.tzinfo) == TZ \
            else start.astimezone(HELSINKI)  # a time that happens twice is written in UTC
        length = event["DTEND"].dt.astimezone(UTC) - start.astimezone(UTC)
        starts = [start]
        if "RRULE" in event:
            rule = du.rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
            skipped = {d.dt.replace(tzinfo=None) for x in _list(event.get("EXDATE"))
                       for d in x.dts}
            starts = [s for s in rule if s.replace(tzinfo=None) not in skipped]
        for moment in starts:
            shown = overrides.get((str(event["UID"]), moment.replace(tzinfo=None)), event)
            if shown is event:
                begin, end = moment, (moment.astimezone(UTC) + length).astimezone(HELSINKI)
            else:
                begin = shown["DTSTART"].dt
                end = shown["DTEND"].dt
            if first <= begin.date() <= last:
                found.append((_wall(begin), _wall(end), str(shown["STATUS"])))
    return sorted(found)


def _list(value: object) -> list:
    return [] if value is None else value if isinstance(value, list) else [value]


def _wall(moment: dt.datetime) -> str:
    """A moment as the clock on the wall in Helsinki shows it."""
    return f"{moment.astimezone(HELSINKI).replace(tzinfo=None):%Y-%m-%d %H:%M}"


def sundays(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]


# -- clock-change nights (issue 17, point 2) --------------------------------------------------

def night_group(until: dt.date) -> ScheduleRule:
    """A night group every Sunday, holidays included (the spring change night of 2027 is
    Easter Sunday)."""
    return ScheduleRule(weekly=(SUN,), times=times("01:00", "05:00"), until=until,
                        holidays="include")


@pytest.mark.parametrize("first", [
    dt.date(2027, 3, 28),  # the spring change night is the feed's first instance: 3 real hours
    dt.date(2027, 10, 31),  # the autumn change night is the first: 5 real hours
    dt.date(2027, 3, 21),  # a usual night first, the change nights later
])
def test_night_group_keeps_its_written_times_on_every_night(guide, catalogues, first):
    last = dt.date(2027, 12, 31)
    subject = activity(night_group(last))
    window = (first, last)
    data = feed(guide, catalogues, subject, window)
    expected = [(f"{d} 01:00", f"{d} 05:00", "CONFIRMED") for d in sundays(first, last)]
    assert conformant(data, *window) == expected
    # The Python reader used elsewhere agrees (it counts wall-clock lengths).
    assert sorted((d, s, e) for _, d, s, e, _ in expand(data, *window)) == [
        (d, "01:00", "05:00") for d in sundays(first, last)]


def test_only_instances_a_clock_change_lengthens_or_shortens_are_overrides(guide, catalogues):
    window = (dt.date(2027, 1, 3), dt.date(2027, 12, 31))
    data = feed(guide, catalogues, activity(night_group(window[1])), window)
    assert lines_of(data, "RECURRENCE-ID") == [f"RECURRENCE-ID;TZID={TZ}:20270328T010000",
                                               f"RECURRENCE-ID;TZID={TZ}:20271031T010000"]
    # A day group never spans a change: no overrides, the same bytes as before this change.
    day = feed(guide, catalogues, activity(ScheduleRule(weekly=(SUN,), times=times(
        "10:00", "12:00"), until=window[1])), window)
    assert lines_of(day, "RECURRENCE-ID") == []


def test_first_instance_on_a_change_night_gives_the_usual_length(guide, catalogues):
    window = (dt.date(2027, 3, 28), dt.date(2027, 5, 31))
    data = feed(guide, catalogues, activity(night_group(window[1])), window)
    master = next(e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")
                  if "RRULE" in e)
    length = master["DTEND"].dt.astimezone(UTC) - master["DTSTART"].dt.astimezone(UTC)
    assert length == dt.timedelta(hours=4)  # what every usual night lasts


def test_a_cancelled_change_night_is_one_override_with_its_own_times(guide, catalogues):
    window = (dt.date(2027, 3, 7), dt.date(2027, 4, 30))
    rule = replace(night_group(window[1]), cancelled=(Cancellation(dt.date(2027, 3, 28)),))
    data = feed(guide, catalogues, activity(rule), window)
    shown = conformant(data, *window)
    assert ("2027-03-28 01:00", "2027-03-28 05:00", "CANCELLED") in shown
    assert len(lines_of(data, "RECURRENCE-ID")) == 1  # the cancellation is the only override


def test_change_days_are_each_change_and_the_day_before():
    assert change_days(HELSINKI, dt.date(2027, 1, 1), dt.date(2027, 12, 31)) == [
        dt.date(2027, 3, 27), dt.date(2027, 3, 28), dt.date(2027, 10, 30), dt.date(2027, 10, 31)]
    assert change_days(zoneinfo.ZoneInfo("UTC"), dt.date(2027, 1, 1), dt.date(2028, 1, 1)) == []


# -- the end of a series (point 3) ------------------------------------------------------------

def test_series_ends_at_the_end_of_its_last_day(guide, catalogues):
    # The last instance is at 03:15 on the autumn change night, a time that happens twice.
    rule = ScheduleRule(weekly=(SUN,), times=times("03:15", "03:45"),
                        start=dt.date(2027, 10, 3), until=dt.date(2027, 10, 31))
    window = (dt.date(2027, 10, 1), dt.date(2027, 11, 30))
    data = feed(guide, catalogues, activity(rule), window)
    (line,) = lines_of(data, "RRULE")
    assert "UNTIL=20271031T215959Z" in line  # 23:59:59 local, after the change (+02:00)
    days = sundays(dt.date(2027, 10, 3), dt.date(2027, 10, 31))
    assert [s[:10] for s, _, _ in conformant(data, *window)] == [str(d) for d in days]


# -- stable UIDs (point 5) -------------------------------------------------------------------

def uids_of(subject) -> dict[tuple, str]:
    """UID of each series, by what it is: (recurrence or day, time index)."""
    return {(s.recurrence or s.start, s.time_index): uid(s, "example.org")
            for s in activity_series(subject, dt.date(2027, 1, 1), dt.date(2027, 12, 31))}


MONDAYS = ScheduleRule(weekly=(MON,), times=times("10:00", "12:00"))
FIRST_TUESDAYS = ScheduleRule(monthly=(MonthlyDay(1, TUE),), times=times("18:00", "20:00"))


def test_inserting_a_rule_keeps_the_other_rules_uids():
    before = uids_of(activity(MONDAYS, FIRST_TUESDAYS))
    after = uids_of(activity(ScheduleRule(weekly=(THU,), times=times("12:00", "13:00")),
                             MONDAYS, FIRST_TUESDAYS))
    assert len(after) == 3 and set(before.items()) < set(after.items())
    assert len(set(after.values())) == 3


def test_a_changed_time_keeps_the_uid():
    later = replace(MONDAYS, times=times("10:30", "12:30"))
    assert list(uids_of(activity(MONDAYS)).values()) == list(uids_of(activity(later)).values())


def test_terms_with_the_same_days_have_their_own_uids_and_keep_them_when_one_ends_later():
    autumn = replace(MONDAYS, start=dt.date(2027, 8, 16), until=dt.date(2027, 12, 13))
    spring = replace(MONDAYS, start=dt.date(2027, 1, 11), until=dt.date(2027, 5, 24))
    first = [uid(s, "x") for s in activity_series(activity(spring, autumn), dt.date(2027, 1, 1),
                                                   dt.date(2027, 12, 31))]
    longer = replace(autumn, until=dt.date(2027, 12, 20))
    second = [uid(s, "x") for s in activity_series(activity(spring, longer),
                                                    dt.date(2027, 1, 1), dt.date(2027, 12, 31))]
    assert len(set(first)) == 2 and first == second


def test_single_days_are_named_by_day_and_start():
    rule = ScheduleRule(dates=(dt.date(2027, 5, 4),), times=(*times("10:00", "11:00"),
                                                             *times("14:00", "15:00")))
    assert sorted(uids_of(activity(rule)).values()) == [
        "20270504T1000.olohuone.yhdistys@example.org",
        "20270504T1400.olohuone.yhdistys@example.org"]


# -- revisions and history (point 5) ----------------------------------------------------------

def test_revision_grows_with_each_commit_even_on_the_same_day():
    morning = revision(dt.datetime(2027, 2, 1, 9, 12, tzinfo=UTC))
    afternoon = revision(dt.datetime(2027, 2, 1, 14, 30, tzinfo=UTC))
    assert morning[1] == ("LAST-MODIFIED", "", "20270201T091200Z")
    assert int(afternoon[0][2]) > int(morning[0][2]) > 0
    assert int(afternoon[0][2]) < 2**31  # an INTEGER
    assert revision(None) == []


def feed_of(guide, catalogues, subject, committed=None) -> bytes:  # noqa: ANN001
    maker = Feeds(guide, Urls(BASE_URL, ("fi", "sv", "en")), catalogues, committed)
    return b"".join(maker.events_of(subject, "fi"))


def test_events_carry_the_revision_of_their_file(guide, catalogues):
    subject = activity(MONDAYS)
    instant = dt.datetime(2026, 11, 30, 13, 5, 59, tzinfo=UTC)
    data = feed_of(guide, catalogues, subject, {subject.source.path: instant})
    sequence = int((instant - dt.datetime(2000, 1, 1, tzinfo=UTC)).total_seconds() // 60)
    assert re.findall(rb"SEQUENCE:(\d+)", data) == [str(sequence).encode()]
    assert re.findall(rb"LAST-MODIFIED:(\S+)", data) == [b"20261130T130559Z"]
    assert b"SEQUENCE" not in feed_of(guide, catalogues, subject)  # outside git: none


def test_feeds_keep_the_last_four_weeks(guide, catalogues):
    subject = activity(replace(MONDAYS, start=dt.date(2025, 1, 6)))
    data = feed_of(guide, catalogues, subject)
    (start,) = re.findall(rb"DTSTART;TZID=Europe/Helsinki:(\d{8})", data)
    first = dt.datetime.strptime(start.decode(), "%Y%m%d").date()
    assert dt.timedelta(weeks=4) == HISTORY
    assert TODAY - HISTORY <= first < TODAY - HISTORY + dt.timedelta(weeks=1)
    assert first.weekday() == MON


def test_a_first_day_whose_start_happens_twice_is_an_event_of_its_own(guide, catalogues):
    # 03:15 happens twice on the autumn change night: that instance is written in UTC, which
    # a recurrence must never start from (it would then keep UTC, an hour off all winter).
    rule = ScheduleRule(weekly=(SUN,), times=times("03:15", "03:45"), holidays="include",
                        until=dt.date(2027, 12, 31))
    window = (dt.date(2027, 10, 31), dt.date(2027, 12, 31))
    data = feed(guide, catalogues, activity(rule), window)
    masters = [e for e in icalendar.Calendar.from_ical(data).walk("VEVENT") if "RRULE" in e]
    assert [str(m["DTSTART"].dt.tzinfo) for m in masters] == [TZ]
    expected = [(f"{d} 03:15", f"{d} 03:45", "CONFIRMED")
                for d in sundays(window[0], window[1])]
    assert conformant(data, *window) == expected
