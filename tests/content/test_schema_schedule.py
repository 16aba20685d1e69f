"""hyteguide.content.schema: schedule rules are checked as a whole — the days they give, not only
their fields. Each test writes one organisation file whose activity's `schedule:` starts on
line 10 (see test_fields.py for the file layout) and compares exact `file:line:col` lines."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from textwrap import dedent, indent

import pytest

from hyteguide.common.problems import ContentError
from hyteguide.content.load import load_content
from tests.helpers import check, hints, make_site

ORG = "organisations/yhdistys.md"
P = "content/organisations/yhdistys.md"
HEAD = dedent("""\
    ---
    name: Yhdistys
    summary: Testi.
    municipalities: [kerava]
    activities:
      - id: ryhma
        title: Ryhmä
        summary: Testi.
        format: ryhma
    """)


def schedule(lines: str) -> dict[str, str]:
    return {ORG: HEAD + indent(dedent(lines), "    ") + "---\nKuvaus.\n"}


def site(tmp_path, lines: str):
    return make_site(tmp_path, schedule(lines))


def rule_of(tmp_path, lines: str):
    [organisation] = load_content(site(tmp_path, lines)).organisations
    return organisation.activities[0].schedule


# -- rrule ----------------------------------------------------------------------------------------

def test_a_raw_rrule_loads_normalised(tmp_path):
    [rule] = rule_of(tmp_path, """\
        schedule:
          - rrule: "rrule:freq=monthly;byday=1tu,3tu;"
            time: "17:00-19:00"
        """)
    assert rule.rrule == "FREQ=MONTHLY;BYDAY=1TU,3TU" and rule.kind == "rrule"


@pytest.mark.parametrize(("value", "message", "hint"), [
    ("FREQ=WEEKLY;BYDAY=TU;UNTIL=20261218", "UNTIL does not go in 'rrule'",
     "write the last day as its own field 'until: YYYY-MM-DD'"),
    ("FREQ=DAILY;BYHOUR=10", "BYHOUR does not go in 'rrule'",
     'times of day go in the field \'time\', e.g. time: "18:00-19:30"'),
    ("FREQ=WEEKLY;BYDAYS=TU", "'BYDAYS' is not a rule part",
     "did you mean 'BYDAY' or 'BYYEARDAY' or 'BYMONTHDAY'?"),
    ("BYDAY=TU", "the rule needs FREQ",
     "start with FREQ=WEEKLY, FREQ=MONTHLY, FREQ=YEARLY or FREQ=DAILY"),
    ("FREQ=HOURLY", "'HOURLY' is not a valid value for FREQ",
     "write it as NAME=VALUE parts joined by ';', e.g. FREQ=MONTHLY;BYDAY=1TU,3TU"),
    ("FREQ=WEEKLY;BYDAY=XX", "'XX' is not a valid value for BYDAY",
     "write it as NAME=VALUE parts joined by ';', e.g. FREQ=MONTHLY;BYDAY=1TU,3TU"),
    ("FREQ=WEEKLY;FREQ=DAILY", "FREQ is given twice", "keep only one of them"),
    ("FREQ=WEEKLY;BYDAY", "'BYDAY' is not NAME=VALUE",
     "write it as NAME=VALUE parts joined by ';', e.g. FREQ=MONTHLY;BYDAY=1TU,3TU"),
])
def test_bad_rrules_are_explained(tmp_path, value, message, hint):
    root = site(tmp_path, f"""\
        schedule:
          - rrule: "{value}"
        """)
    assert check(root) == [
        f"{P}:11:16: error[bad-rrule]: activities[0].schedule[0].rrule: {message}"]
    assert hints(root) == [hint]


# -- rules counted from their first day (point 4 of issue 17) --------------------------------------

CHECKED_ON = dt.date(2027, 1, 10)  # a Sunday: every example day below is after it


def checked_on(root, today: dt.date = CHECKED_ON) -> list[tuple[str, str]]:
    """(first line, hint) of each problem of loading root as checked on `today`."""
    try:
        load_content(root, today)
    except ContentError as error:
        return [(p.format().split("\n", 1)[0], p.hint) for p in error.problems]
    return []


MOVES = ": without 'from' it would move with the day the site is built"
NEEDS_FROM = ": the rule needs 'from'"


@pytest.mark.parametrize(("rrule", "message", "hint"), [
    ("FREQ=WEEKLY", "FREQ=WEEKLY without BYDAY is held on the weekday of its first day" + MOVES,
     "add the weekday, e.g. FREQ=WEEKLY;BYDAY=TU (or write 'weekly: tue'); or add 'from:' with "
     "the first day it is held, e.g. 'from: 2027-01-10'"),
    ("FREQ=MONTHLY", "FREQ=MONTHLY without BYMONTHDAY or BYDAY is held on the date of its first "
     "day" + MOVES, "add the day, e.g. FREQ=MONTHLY;BYMONTHDAY=15 or FREQ=MONTHLY;BYDAY=1TU (or "
     "write 'monthly: 15' or 'monthly: 1st tue'); or add 'from:' with the first day it is held, "
     "e.g. 'from: 2027-01-10'"),
    ("FREQ=MONTHLY;BYMONTH=3,4", "FREQ=MONTHLY without BYMONTHDAY or BYDAY is held on the date "
     "of its first day" + MOVES, "add the day, e.g. FREQ=MONTHLY;BYMONTH=3,4;BYMONTHDAY=15 or "
     "FREQ=MONTHLY;BYMONTH=3,4;BYDAY=1TU (or write 'monthly: 15' or 'monthly: 1st tue'); or add "
     "'from:' with the first day it is held, e.g. 'from: 2027-03-10'"),
    ("FREQ=YEARLY", "FREQ=YEARLY without the day (BYMONTHDAY or BYDAY) is held on the date of its "
     "first day" + MOVES, "add the day, e.g. FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=15; or add 'from:' "
     "with the first day it is held, e.g. 'from: 2027-01-10'"),
    ("FREQ=YEARLY;BYMONTH=6", "FREQ=YEARLY without the day (BYMONTHDAY or BYDAY) is held on the "
     "date of its first day" + MOVES, "add the day, e.g. FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15; or "
     "add 'from:' with the first day it is held, e.g. 'from: 2027-06-10'"),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "with INTERVAL=2, the weeks it is held in are counted "
     "from its first day" + NEEDS_FROM,
     "add 'from:' with the first day it is held, e.g. 'from: 2027-01-12'"),
    ("FREQ=DAILY;INTERVAL=2", "with INTERVAL=2, the days it is held on are counted from its "
     "first day" + NEEDS_FROM,
     "add 'from:' with the first day it is held, e.g. 'from: 2027-01-10'"),
    ("FREQ=MONTHLY;INTERVAL=2;BYDAY=1WE", "with INTERVAL=2, the months it is held in are counted "
     "from its first day" + NEEDS_FROM,
     "add 'from:' with the first day it is held, e.g. 'from: 2027-02-03'"),
    ("FREQ=YEARLY;INTERVAL=2;BYMONTH=11;BYMONTHDAY=20", "with INTERVAL=2, the years it is held in "
     "are counted from its first day" + NEEDS_FROM,
     "add 'from:' with the first day it is held, e.g. 'from: 2027-11-20'"),
    ("FREQ=WEEKLY;BYDAY=TU;COUNT=5", "its COUNT=5 times are counted from its first day"
     + NEEDS_FROM, "add 'from:' with the first day it is held, e.g. 'from: 2027-01-12'"),
])
def test_a_rule_counted_from_its_first_day_needs_from(tmp_path, rrule, message, hint):
    """Without `from` such a rule was counted from the build day: built on a Monday a plain
    FREQ=WEEKLY was held on Mondays, built on a Wednesday on Wednesdays."""
    root = site(tmp_path, f"""\
        schedule:
          - rrule: "{rrule}"
        """)
    assert checked_on(root) == [
        (f"{P}:11:16: error[bad-schedule]: activities[0].schedule[0].rrule: {message}", hint)]


def test_every_other_week_needs_from(tmp_path):
    root = site(tmp_path, """\
        schedule:
          - weekly: [thu, tue]
            every: 2
        """)
    assert checked_on(root) == [(
        f"{P}:12:16: error[bad-schedule]: activities[0].schedule[0].every: 'every' needs 'from': "
        "weeks are counted from the first meeting",
        "add 'from:' with the date of the first meeting, e.g. 'from: 2027-01-12'")]


@pytest.mark.parametrize("rrule", [
    "FREQ=WEEKLY", "FREQ=MONTHLY;BYMONTH=3,4", "FREQ=YEARLY", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
    "FREQ=DAILY;INTERVAL=2", "FREQ=MONTHLY;INTERVAL=2;BYDAY=1WE", "FREQ=WEEKLY;BYDAY=TU;COUNT=5",
])
def test_with_from_the_same_rule_keeps_its_days_whatever_the_build_day(tmp_path, rrule):
    from hyteguide.schedule.occurrences import rule_dates

    [rule] = rule_of(tmp_path, f"""\
        schedule:
          - rrule: "{rrule}"
            from: 2027-01-04
            holidays: include
        """)
    year = rule_dates(rule, dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    assert year
    for build_day in (dt.date(2027, 3, 1), dt.date(2027, 3, 3), dt.date(2027, 3, 6)):
        assert rule_dates(rule, build_day, dt.date(2027, 12, 31)) == [
            d for d in year if d >= build_day]


@pytest.mark.parametrize("rrule", [
    "FREQ=WEEKLY;BYDAY=TU", "FREQ=MONTHLY;BYDAY=1TU,3TU", "FREQ=MONTHLY;BYMONTHDAY=15",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=15",
    "FREQ=YEARLY;BYMONTH=6;BYDAY=1SA", "FREQ=YEARLY;BYYEARDAY=100", "FREQ=DAILY",
    "FREQ=DAILY;BYDAY=MO,WE",
])
def test_a_rule_that_names_its_days_needs_no_from(tmp_path, rrule):
    assert checked_on(site(tmp_path, f"""\
        schedule:
          - rrule: "{rrule}"
        """)) == []


@pytest.mark.parametrize(("rrule", "message", "hint"), [
    # Thunderbird's reader (ical.js) expands it to every Monday of the year
    ("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "BYWEEKNO is not read the same by calendar apps "
     "(Thunderbird takes it as every week)", "name the month and day instead, e.g. "
     "FREQ=YEARLY;BYMONTH=5;BYDAY=3MO, or list the days under 'date'"),
    # dateutil: the 1st of every month; ical.js: of the first day's month only
    ("FREQ=YEARLY;BYMONTHDAY=1", "FREQ=YEARLY with BYDAY or BYMONTHDAY needs BYMONTH: calendar "
     "apps read it differently without (every month, or only the first day's month)",
     "add the month, e.g. FREQ=YEARLY;BYMONTHDAY=1;BYMONTH=5; for every month write "
     "FREQ=MONTHLY, for every week FREQ=WEEKLY"),
    ("FREQ=WEEKLY;BYDAY=1MO", "a numbered weekday (1MO) goes only with FREQ=MONTHLY or "
     "FREQ=YEARLY", "write BYDAY=MO (every week), or FREQ=MONTHLY;BYDAY=1MO (that weekday of "
     "each month)"),
    ("FREQ=WEEKLY;BYDAY=MO,FR;BYSETPOS=1", "BYSETPOS is not read the same by calendar apps with "
     "FREQ=WEEKLY", "remove BYSETPOS and list only the days it is held on in BYDAY"),
    ("FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS needs BYDAY or BYMONTHDAY to choose from",
     "e.g. FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 (the last weekday)"),
    ("FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY does not go with FREQ=WEEKLY",
     "for days of the month write FREQ=MONTHLY;BYMONTHDAY=1"),
    ("FREQ=MONTHLY;BYYEARDAY=100", "BYYEARDAY goes only with FREQ=YEARLY, and without other BY "
     "parts", "write FREQ=YEARLY;BYYEARDAY=…, or name the month and day: "
     "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=15"),
])
def test_a_rule_calendar_apps_read_differently_is_refused(tmp_path, rrule, message, hint):
    root = site(tmp_path, f"""\
        schedule:
          - rrule: "{rrule}"
            from: 2027-01-04
        """)
    assert checked_on(root) == [
        (f"{P}:11:16: error[bad-rrule]: activities[0].schedule[0].rrule: {message}", hint)]


def test_rrule_and_weekly_together(tmp_path):
    assert check(site(tmp_path, """\
        schedule:
          - rrule: FREQ=WEEKLY;BYDAY=TU
            weekly: tue
        """)) == [
        f"{P}:11:9: error[bad-schedule]: activities[0].schedule[0]: a schedule rule needs "
        "exactly one of 'weekly', 'monthly', 'date' or 'rrule' ('weekly' and 'rrule')"]


# -- days that do not fit the rule ----------------------------------------------------------------

def test_cancelled_day_the_rule_is_not_held_on(tmp_path):
    root = site(tmp_path, """\
        schedule:
          - weekly: tue
            cancelled: [2026-11-04]
        """)
    assert check(root) == [
        f"{P}:12:21: error[not-held]: activities[0].schedule[0].cancelled[0]: 2026-11-04 "
        "(Wednesday) is not a day this rule is held on"]
    assert hints(root) == [
        "the nearest days it is held: 2026-11-03 (Tuesday), 2026-11-10 (Tuesday)"]


def test_cancelled_day_in_the_off_week_of_a_fortnightly_rule(tmp_path):
    root = site(tmp_path, """\
        schedule:
          - weekly: tue
            every: 2
            from: 2026-11-03
            cancelled: [{date: 2026-11-10, note: Sairastuminen}]
        """)
    assert check(root) == [
        f"{P}:14:28: error[not-held]: activities[0].schedule[0].cancelled[0]: 2026-11-10 "
        "(Tuesday) is not a day this rule is held on"]
    assert hints(root) == [
        "the nearest days it is held: 2026-11-03 (Tuesday), 2026-11-17 (Tuesday)"]


def test_cancelled_public_holiday_that_the_rule_skips(tmp_path):
    root = site(tmp_path, """\
        schedule:
          - weekly: mon
            cancelled: [2027-12-06]
        """)
    assert check(root) == [
        f"{P}:12:21: error[not-held]: activities[0].schedule[0].cancelled[0]: 2027-12-06 "
        "(Monday) is not a day this rule is held on"]
    assert hints(root) == ["2027-12-06 is a public holiday, which the rule skips; add it "
                           "under 'also' to hold it"]


def test_a_cancelled_extra_day_on_a_public_holiday_is_held_so_it_can_be_cancelled(tmp_path):
    """'also' holds a day the rule would skip as a holiday; cancelling that day is valid."""
    root = site(tmp_path, """\
        schedule:
          - weekly: mon
            also: [2027-12-06]
            cancelled: [2027-12-06]
        """)
    assert check(root) == []
    from hyteguide.schedule.occurrences import activity_occurrences

    [activity] = load_content(root).organisations[0].activities
    [day] = activity_occurrences(activity, dt.date(2027, 12, 6), dt.date(2027, 12, 6))
    assert day.cancelled


def test_an_extra_day_outside_from_until_is_an_error(tmp_path):
    assert check(site(tmp_path, """\
        schedule:
          - weekly: tue
            from: 2026-09-01
            until: 2026-12-15
            also: [2026-12-17, 2026-08-20, 2026-10-01]
        """)) == [
        f"{P}:14:16: error[bad-schedule]: activities[0].schedule[0].also[0]: 2026-12-17 is "
        "outside the rule's 'from'–'until' (2026-09-01–2026-12-15), so it would never be shown",
        f"{P}:14:28: error[bad-schedule]: activities[0].schedule[0].also[1]: 2026-08-20 is "
        "outside the rule's 'from'–'until' (2026-09-01–2026-12-15), so it would never be shown"]


def test_a_day_both_excepted_and_cancelled(tmp_path):
    assert check(site(tmp_path, """\
        schedule:
          - weekly: tue
            except: [{from: 2026-12-21, until: 2027-01-06}]
            cancelled: [2026-12-22]
        """)) == [
        f"{P}:13:21: error[bad-schedule]: activities[0].schedule[0].cancelled[0]: 2026-12-22 is "
        "both excepted and cancelled"]


def test_an_extra_day_that_is_also_excepted(tmp_path):
    assert check(site(tmp_path, """\
        schedule:
          - weekly: tue
            also: [2026-12-20]
            except: [2026-12-20]
        """)) == [
        f"{P}:12:16: error[bad-schedule]: activities[0].schedule[0].also[0]: 2026-12-20 is both an "
        "extra day and excepted"]


SUMMER_MEETING = """\
    schedule:
      - weekly: tue
        time: "18:00-19:30"
        except: [{from: 2027-06-01, until: 2027-08-15}]
        also: [2027-07-13]
    """


def test_an_extra_day_inside_an_excepted_break_is_held_on_every_output(tmp_path):
    """A summer break with one summer meeting: `check` accepts it, and the activity's page (its
    dates, its rule in words and its JSON-LD), the calendar's data and the calendar file all
    hold the group on that Tuesday and on no other day of the break."""
    import json

    import icalendar
    import recurring_ical_events

    from hyteguide.build.pipeline import build

    root = site(tmp_path, SUMMER_MEETING)
    assert checked_on(root) == []
    out = tmp_path / "site"
    build(root, Path(__file__).resolve().parents[2] / "templates", out, today=dt.date(2027, 6, 1))
    page = (out / "activities/yhdistys/ryhma/index.html").read_text(encoding="utf-8")
    assert re.findall(r'<time datetime="(2027-0[6-8]-\d\d)">', page)[:2] == [
        "2027-07-13", "2027-08-17"]
    assert "tiistaisin klo 18–19.30, ei juhlapyhinä; ei 1.6.–15.8.2027; lisäksi 13.7.2027" in page
    assert "2027-07-13T18:00:00+03:00" in re.findall(r'"startDate":"([^"]+)"', page)
    week = json.loads((out / "calendar/2027-w28/week.json").read_text(encoding="utf-8"))
    assert [day for day, _, entries in week["days"] if entries] == ["2027-07-13"]
    feed = icalendar.Calendar.from_ical((out / "activities/yhdistys/ryhma/calendar.ics")
                                        .read_bytes())
    held = recurring_ical_events.of(feed).between(dt.date(2027, 6, 1), dt.date(2027, 9, 1))
    assert sorted(f"{e['DTSTART'].dt:%Y-%m-%d %H:%M}" for e in held) == [
        "2027-07-13 18:00", "2027-08-17 18:00", "2027-08-24 18:00", "2027-08-31 18:00"]


def test_an_extra_day_inside_an_excepted_break_may_be_cancelled(tmp_path):
    root = site(tmp_path, SUMMER_MEETING.replace(
        "also: [2027-07-13]", "also: [2027-07-13]\n        cancelled: [2027-07-13]"))
    assert checked_on(root) == []


def test_also_with_single_dates(tmp_path):
    assert check(site(tmp_path, """\
        schedule:
          - date: 2026-12-03
            also: 2026-12-04
        """)) == [
        f"{P}:12:15: error[bad-schedule]: activities[0].schedule[0].also: 'also' goes with "
        "'weekly', 'monthly' or 'rrule'"]


def test_excepting_a_day_the_rule_is_not_held_on_is_a_warning(tmp_path):
    content = load_content(site(tmp_path, """\
        schedule:
          - weekly: tue
            except: [2026-12-09]
        """))
    [warning] = content.extra["warnings"]
    assert warning.format().split("\n")[0] == (
        f"{P}:12:18: warning[not-held]: activities[0].schedule[0].except[0]: 2026-12-09 "
        "(Wednesday) is not a day this rule is held on, so excepting it changes nothing")
    assert content.organisations[0].activities[0].schedule[0].weekly == (1,)


# -- rules that are never held ------------------------------------------------------------

@pytest.mark.parametrize("lines", [
    # Independence Day 2026 only, and single dates may skip holidays when asked
    """\
    schedule:
      - date: 2026-12-06
        holidays: skip
    """,
    # every Tuesday of the range is in the break
    """\
    schedule:
      - weekly: tue
        from: 2026-12-01
        until: 2026-12-31
        except: [{from: 2026-11-30, until: 2027-01-06}]
    """,
    # a Wednesday rule inside a Monday-to-Tuesday range
    """\
    schedule:
      - weekly: wed
        from: 2026-11-30
        until: 2026-12-01
    """,
    # 30 February
    """\
    schedule:
      - rrule: FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30
    """,
])
def test_a_rule_that_is_never_held(tmp_path, lines):
    root = site(tmp_path, lines)
    assert check(root) == [
        f"{P}:11:9: error[never-held]: activities[0].schedule[0]: this rule is never held: its "
        "days all fall outside 'from'–'until', in 'except' or on public holidays"]


def test_a_holiday_only_rule_is_held_when_holidays_are_included(tmp_path):
    [rule] = rule_of(tmp_path, """\
        schedule:
          - date: 2026-12-06
        """)
    assert rule.dates == (dt.date(2026, 12, 6),)


# -- overlapping nonsense -------------------------------------------------------------------

def test_overlapping_times_in_one_rule(tmp_path):
    assert check(site(tmp_path, """\
        schedule:
          - weekly: tue
            time: ["10:00-12:00", "11:30-13:00"]
        """)) == [
        f"{P}:12:15: error[overlapping-times]: activities[0].schedule[0].time: the times "
        "10:00-12:00 and 11:30-13:00 overlap"]


def test_the_same_time_twice(tmp_path):
    assert check(site(tmp_path, """\
        schedule:
          - weekly: tue
            time: ["10:00-12:00", "10-12"]
        """)) == [
        f"{P}:12:15: error[overlapping-times]: activities[0].schedule[0].time: the times "
        "10:00-12:00 and 10:00-12:00 overlap"]


def test_back_to_back_times_are_fine(tmp_path):
    [rule] = rule_of(tmp_path, """\
        schedule:
          - weekly: tue
            time: ["10:00-12:00", "12:00-14:00"]
        """)
    assert len(rule.times) == 2


def test_two_rules_held_on_the_same_day_at_overlapping_times(tmp_path):
    root = site(tmp_path, """\
        schedule:
          - weekly: tue
            time: "10:00-12:00"
          - date: [2026-12-01, 2026-12-02]
            time: "11:00-13:00"
        """)
    assert check(root) == [
        f"{P}:13:9: error[overlapping-rules]: activities[0].schedule[1]: rules 1 and 2 are both "
        "held on 2026-12-01 at overlapping times"]
    assert hints(root) == ["remove the repeated days from one rule (an extra day of a recurring "
                           "rule goes under 'also')"]


SPRING_2027 = """\
    schedule:
      - weekly: tue
        time: "10:00-12:00"
        until: 2027-06-01
      - monthly: 1st tue
        time: "11:00-13:00"
        until: 2027-05-31
    """


@pytest.mark.parametrize(("lines", "today", "day"), [
    # neither rule has 'from': the first shared day from the check date on (not 2024-01-02)
    (SPRING_2027, dt.date(2027, 1, 10), "2027-02-02"),
    # checked after both ended: their last shared day
    (SPRING_2027, dt.date(2027, 9, 1), "2027-05-04"),
    # both rules from 2027, checked in 2026
    ("""\
    schedule:
      - weekly: tue
        time: "10:00-12:00"
        from: 2027-01-05
      - monthly: 1st tue
        time: "11:00-13:00"
        from: 2027-02-10
    """, dt.date(2026, 12, 1), "2027-03-02"),
    # an open rule and a day years ahead (past the fixed span counted from 2024)
    ("""\
    schedule:
      - weekly: tue
        time: "10:00-12:00"
      - date: 2029-03-06
        time: "11:00-13:00"
    """, dt.date(2027, 1, 10), "2029-03-06"),
])
def test_overlapping_rules_name_a_day_in_their_own_range(tmp_path, lines, today, day):
    line = 13 if "- date:" in lines else 14  # the second rule's line
    assert checked_on(site(tmp_path, lines), today) == [(
        f"{P}:{line}:9: error[overlapping-rules]: activities[0].schedule[1]: rules 1 and 2 are "
        f"both held on {day} at overlapping times", "remove the repeated days from one rule (an "
        "extra day of a recurring rule goes under 'also')")]


def test_two_rules_on_the_same_weekday_in_different_terms_are_fine(tmp_path):
    rules = rule_of(tmp_path, """\
        schedule:
          - weekly: tue
            time: "10:00-12:00"
            until: 2026-12-18
          - weekly: tue
            time: "10:00-12:00"
            from: 2027-01-07
        """)
    assert len(rules) == 2


def test_two_rules_on_the_same_day_at_different_times_are_fine(tmp_path):
    rules = rule_of(tmp_path, """\
        schedule:
          - weekly: tue
            time: "10:00-12:00"
          - monthly: 1st tue
            time: "17:00-19:00"
        """)
    assert len(rules) == 2


def test_repeated_weekday_is_reported(tmp_path):
    assert check(site(tmp_path, """\
        schedule:
          - weekly: [tue, ti]
        """)) == [
        f"{P}:11:23: error[duplicate-value]: activities[0].schedule[0].weekly[1]: 'ti' is listed "
        "twice"]


def test_every_problem_of_a_file_is_reported_at_once(tmp_path):
    lines = check(site(tmp_path, """\
        schedule:
          - weekly: tue
            cancelled: [2026-11-04]
          - rrule: FREQ=WEEKLY;BYDAYS=TU
          - date: 2026-02-30
        """))
    assert [line.split(": ")[1] for line in lines] == [
        "error[not-held]", "error[bad-rrule]", "error[bad-date]"]
