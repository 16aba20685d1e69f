"""What a written time means on a given day (hyteguide/schedule/wallclock.py), and what `check` says
about times people really write: past midnight, a start alone, and clock-change nights
(hyteguide/content/timecheck.py). The outputs that read these are tested in
test_written_times.py."""

from __future__ import annotations

import datetime as dt
from textwrap import dedent, indent
from zoneinfo import ZoneInfo

import pytest

from hyteguide.content.load import load_content
from hyteguide.importers.hsds.tables import Note, Row
from hyteguide.importers.hsds.times import time_range
from hyteguide.model import TimeRange
from hyteguide.schedule.wallclock import (
    DEFAULT_DURATION,
    change_on,
    instance,
    irregular,
    overlaps,
    shown,
    unambiguous,
)
from tests.content.test_schema_schedule import HEAD, ORG, P
from tests.helpers import check, hints, make_site

ZONE = ZoneInfo("Europe/Helsinki")
UTC = dt.UTC
SPRING = dt.date(2027, 3, 28)  # clocks go from 03:00 to 04:00 (EET → EEST)
AUTUMN = dt.date(2027, 10, 31)  # clocks go back from 04:00 to 03:00 (EEST → EET)


def time(text: str) -> TimeRange:
    """"22:00-02:00" or "18:45" as the schema reads it (24:00 is dt.time.max)."""
    def clock(value: str) -> dt.time:
        return dt.time.max if value == "24:00" else dt.time.fromisoformat(value)
    start, _, end = text.partition("-")
    return TimeRange(clock(start), clock(end) if end else None)


def utc(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), UTC)


def z(text: str) -> dt.datetime:
    """A UTC instant written as ISO 8601 without the Z."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


def site(tmp_path, lines: str):
    return make_site(tmp_path, {ORG: HEAD + indent(dedent(lines), "    ") + "---\nKuvaus.\n"})


def warnings(root, today: dt.date | None = None) -> list[str]:
    return [w.format().split("\n")[0]
            for w in load_content(root, today).extra.get("warnings", [])]


# -- the reading ----------------------------------------------------------------------------

def test_the_clock_changes_are_found():
    assert change_on(SPRING, ZONE) == (dt.time(3), dt.time(4))
    assert change_on(AUTUMN, ZONE) == (dt.time(4), dt.time(3))
    assert change_on(SPRING - dt.timedelta(days=1), ZONE) is None


@pytest.mark.parametrize(("day", "written", "start", "end", "seen"), [
    # An ordinary day: as written.
    (dt.date(2027, 5, 4), "10:00-12:00", utc(dt.date(2027, 5, 4), 7), utc(dt.date(2027, 5, 4), 9),
     "10:00-12:00"),
    # Past midnight: the end is on the next day; 24:00 is the next midnight.
    (dt.date(2027, 5, 7), "22:00-02:00", utc(dt.date(2027, 5, 7), 19),
     utc(dt.date(2027, 5, 7), 23), "22:00-02:00"),
    (dt.date(2027, 5, 7), "22:00-24:00", utc(dt.date(2027, 5, 7), 19),
     utc(dt.date(2027, 5, 7), 21), "22:00-24:00"),
    # A start alone lasts DEFAULT_DURATION in calendar files, and is shown without an end.
    (dt.date(2027, 5, 4), "18:45", utc(dt.date(2027, 5, 4), 15, 45),
     utc(dt.date(2027, 5, 4), 15, 45) + DEFAULT_DURATION, "18:45"),
    # The spring gap: a skipped time is read with the offset before it (RFC 5545 3.3.5),
    # an hour later on the clock.
    (SPRING, "03:30-05:00", utc(SPRING, 1, 30), utc(SPRING, 2), "04:30-05:00"),
    (SPRING, "01:00-03:30", z("2027-03-27T23:00"), utc(SPRING, 1, 30), "01:00-04:30"),
    (SPRING - dt.timedelta(days=1), "22:00-03:30", z("2027-03-27T20:00"), utc(SPRING, 1, 30),
     "22:00-04:30"),
    (SPRING, "03:30", utc(SPRING, 1, 30), utc(SPRING, 2, 30), "04:30"),
    # The autumn repeat: a time that happens twice is the first (still summer time).
    (AUTUMN, "03:30-05:00", utc(AUTUMN, 0, 30), utc(AUTUMN, 3), "03:30-05:00"),
    (AUTUMN, "01:00-03:30", z("2027-10-30T22:00"), utc(AUTUMN, 0, 30), "01:00-03:30"),
])
def test_an_instance_is_read_as_rfc_5545_reads_it(day, written, start, end, seen):
    found_start, found_end = instance(day, time(written), ZONE)
    assert (found_start.astimezone(UTC), found_end.astimezone(UTC)) == (start, end)
    assert found_end.astimezone(UTC) > found_start.astimezone(UTC)
    assert shown(day, time(written), ZONE) == time(seen)


def test_a_clock_change_that_leaves_no_time_shows_a_start_alone():
    """03:30-04:30 on the spring night is 04:30-04:30: `check` refuses it; if it were ever
    built, every output would show the start alone rather than a time of zero length."""
    assert shown(SPRING, time("03:30-04:30"), ZONE) == time("04:30")
    start, end = instance(SPRING, time("03:30-04:30"), ZONE)
    assert end - start == DEFAULT_DURATION


def test_irregular_days_are_those_a_clock_change_moves_or_makes_ambiguous():
    assert irregular(SPRING, time("03:30-05:00"), ZONE)
    assert irregular(SPRING, time("03:30"), ZONE)
    assert irregular(SPRING - dt.timedelta(days=1), time("22:00-03:30"), ZONE)
    assert irregular(AUTUMN, time("01:00-03:30"), ZONE)
    assert not irregular(SPRING, time("10:00-12:00"), ZONE)
    assert not irregular(SPRING, time("01:00-05:00"), ZONE)  # longer or shorter, but as written
    assert not irregular(dt.date(2027, 5, 2), time("03:30-05:00"), ZONE)


def test_a_repeated_time_is_written_in_utc_where_readers_differ():
    """ical.js reads a TZID time the clock repeats as the later one, RFC 5545 as the first:
    such a moment is written in UTC; every other moment keeps the zone."""
    first, _ = instance(AUTUMN, time("03:30-05:00"), ZONE)
    assert unambiguous(first) == utc(AUTUMN, 0, 30) and unambiguous(first).tzinfo is UTC
    other, _ = instance(SPRING, time("03:30-05:00"), ZONE)
    assert unambiguous(other) is other and other.tzinfo is ZONE


@pytest.mark.parametrize(("first", "second", "days_after", "expected"), [
    ("10:00-12:00", "11:00-13:00", 0, True),
    ("10:00-12:00", "12:00-13:00", 0, False),
    ("22:00-02:00", "23:00-23:30", 0, True),
    ("22:00-02:00", "01:00-03:00", 1, True),  # the night reaches the next day's 01:00
    ("22:00-02:00", "02:00-03:00", 1, False),
    ("22:00-02:00", "10:00-12:00", 1, False),
    ("18:45", "18:00-19:00", 0, True),  # a start alone clashes with a time around it
    ("18:45", "18:45", 0, True),
    ("18:45", "19:00", 0, False),
])
def test_overlaps(first, second, days_after, expected):
    assert overlaps(time(first), time(second), days_after) is expected


# -- what check says ------------------------------------------------------------------------

def test_a_skipped_time_is_a_warning_with_its_reading(tmp_path):
    root = site(tmp_path, """\
        schedule:
          - weekly: sun
            time: "03:30-05:00"
            from: 2027-03-01
            until: 2027-04-30
            holidays: include
        """)
    assert warnings(root) == [
        f"{P}:12:15: warning[clock-change]: activities[0].schedule[0].time: clocks go from 03:00 "
        "to 04:00 on 2027-03-28, so 03:30 does not exist that day: '03:30-05:00' is read as "
        "04:30-05:00, an hour later on the clock"]
    [warning] = load_content(root).extra["warnings"]
    assert "add 2027-03-28 under 'except'" in warning.hint


def test_a_time_that_happens_twice_is_read_as_the_first(tmp_path):
    root = site(tmp_path, """\
        schedule:
          - weekly: sun
            time: "01:00-03:30"
            from: 2027-10-01
            until: 2027-11-30
        """)
    assert warnings(root) == [
        f"{P}:12:15: warning[clock-change]: activities[0].schedule[0].time: clocks go back from "
        "04:00 to 03:00 on 2027-10-31, so 03:30 happens twice that day: '01:00-03:30' is read "
        "with the first 03:30, before the clocks go back"]


def test_a_reading_that_leaves_no_time_is_an_error_with_the_fix(tmp_path):
    root = site(tmp_path, """\
        schedule:
          - date: [2027-03-21, 2027-03-28]
            time: "03:30-04:30"
        """)
    assert check(root) == [
        f"{P}:12:15: error[clock-change]: activities[0].schedule[0].time: clocks go from 03:00 "
        "to 04:00 on 2027-03-28, so '03:30-04:30' leaves no time on 2027-03-28: it would start "
        "at 04:30, which is not before its end at 04:30"]
    assert "add 2027-03-28 under 'except'" in hints(root)[0]
    fixed = site(tmp_path, """\
        schedule:
          - date: [2027-03-21]
            time: "03:30-04:30"
        """)
    assert check(fixed) == [] and warnings(fixed) == []


def test_an_overnight_end_in_the_gap_is_read_on_the_next_day(tmp_path):
    root = site(tmp_path, """\
        schedule:
          - weekly: sat
            time: "22:00-03:30"
            from: 2027-03-01
            until: 2027-04-30
            holidays: include
        """)
    assert warnings(root) == [
        f"{P}:12:15: warning[clock-change]: activities[0].schedule[0].time: clocks go from 03:00 "
        "to 04:00 on 2027-03-28, so 03:30 does not exist that day: '22:00-03:30' is read as "
        "22:00-04:30, an hour later on the clock"]


def test_a_rule_without_an_end_is_warned_whatever_the_day_naming_a_day_near_it(tmp_path):
    """Whether `check` warns never depends on the day it runs; the day it names is the
    first from then on, so an editor in 2026 is not sent to 2024."""
    root = site(tmp_path, """\
        schedule:
          - monthly: last sun
            time: "03:15"
            holidays: include
        """)
    for today, named in ((dt.date(2026, 10, 1), "2027-03-28"), (dt.date(2024, 1, 1),
                                                                "2024-03-31")):
        autumn, spring = sorted(warnings(root, today), key=lambda line: "exist" in line)
        assert f"on {named}, so 03:15 does not exist" in spring
        assert "(the same on 3 other days from 2024-03-31 to 2027-03-28)" in spring
        assert "so 03:15 happens twice" in autumn


def test_times_away_from_the_change_say_nothing(tmp_path):
    root = site(tmp_path, """\
        schedule:
          - weekly: sun
            time: ["01:00-02:30", "04:00-06:00", "22:00-02:00"]
            holidays: include
        """)
    assert check(root) == [] and warnings(root) == []


def test_an_overnight_time_overlapping_another_is_reported(tmp_path):
    assert check(site(tmp_path, """\
        schedule:
          - weekly: fri
            time: ["22:00-02:00", "23:00-23:30"]
        """)) == [
        f"{P}:12:15: error[overlapping-times]: activities[0].schedule[0].time: the times "
        "22:00-02:00 and 23:00-23:30 overlap"]


def test_a_night_running_into_the_rules_next_day_is_reported(tmp_path):
    assert check(site(tmp_path, """\
        schedule:
          - weekly: [fri, sat]
            time: ["20:00-08:00", "07:00-09:00"]
            from: 2027-01-01
            until: 2027-01-31
        """)) == [
        f"{P}:12:15: error[overlapping-times]: activities[0].schedule[0].time: '20:00-08:00' goes "
        "past midnight into '07:00-09:00' on the next day the rule is held (2027-01-09)"]
    # Held on Fridays only, the night never meets a Saturday morning.
    assert check(site(tmp_path, """\
        schedule:
          - weekly: [fri]
            time: ["20:00-08:00", "07:00-09:00"]
        """)) == []


def test_two_rules_overlapping_past_midnight_are_reported(tmp_path):
    assert check(site(tmp_path, """\
        schedule:
          - weekly: fri
            time: "22:00-02:00"
            from: 2027-01-01
          - weekly: sat
            time: "01:00-03:00"
            from: 2027-01-01
        """)) == [
        f"{P}:14:9: error[overlapping-rules]: activities[0].schedule[1]: rules 1 and 2 are both "
        "held on 2027-01-09 at overlapping times"]
    assert check(site(tmp_path, """\
        schedule:
          - weekly: fri
            time: "22:00-02:00"
          - weekly: sat
            time: "10:00-12:00"
        """)) == []


# -- HSDS import: the export's own times come back ------------------------------------------

@pytest.mark.parametrize(("opens", "closes", "activity", "expected", "why"), [
    ("18:45:00", "", True, "18:45", None),  # an activity's start alone (opendata/hsds)
    ("22:00:00", "02:00:00", True, "22:00-02:00", None),  # ends the next day
    ("18:45:00", "", False, None, "opens_at and closes_at go together: no time was written"),
    ("22:00:00", "02:00:00", False, "22:00-24:00",
     "goes past midnight: the time ends at 24:00"),  # opening hours end on their day
])
def test_hsds_times_are_read_as_the_schema_reads_them(opens, closes, activity, expected, why):
    notes: list[Note] = []
    row = Row("schedule", "schedules.csv", 2, {"opens_at": opens, "closes_at": closes})
    assert time_range(row, notes, "Europe/Helsinki", activity=activity) == expected
    assert [n.why for n in notes] == ([why] if why else [])
