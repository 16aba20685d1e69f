"""hyteguide.schema: schedule rules are checked as a whole — the days they give, not only
their fields. Each test writes one organisation file whose activity's `schedule:` starts on
line 10 (see test_fields.py for the file layout) and compares exact `file:line:col` lines."""

from __future__ import annotations

import datetime as dt
from textwrap import dedent, indent

import pytest
from helpers import check, hints, make_site

from hyteguide.load import load_content

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


def test_rrule_with_interval_or_count_needs_from(tmp_path):
    root = site(tmp_path, """\
        schedule:
          - rrule: FREQ=WEEKLY;INTERVAL=2;BYDAY=TU
        """)
    assert check(root) == [
        f"{P}:11:16: error[bad-schedule]: activities[0].schedule[0].rrule: a rule with "
        "INTERVAL or COUNT needs 'from': they count from the first day"]


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
    from hyteguide.occurrences import activity_occurrences

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
