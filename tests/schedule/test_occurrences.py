"""hyteguide.schedule.occurrences: schedule rules → dated occurrences, with model objects built
directly."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from hyteguide.model import (
    Activity,
    Cancellation,
    DateRange,
    MonthlyDay,
    ScheduleRule,
    Text,
    TimeRange,
)
from hyteguide.schedule.occurrences import (
    activity_occurrences,
    activity_series,
    first_date,
    is_holiday,
    listed_since,
    next_occurrences,
    recurs_on,
    rule_dates,
)

D = dt.date
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def T(start: str, end: str) -> TimeRange:  # noqa: N802
    return TimeRange(dt.time.fromisoformat(start), dt.time.fromisoformat(end))


def text(value: str) -> Text:
    return Text((("fi", value),))


def activity(*rules: ScheduleRule, title: str = "Ryhmä", id: str = "ryhma") -> Activity:  # noqa: A002
    return Activity("yhdistys", id, text(title), text("Kuvaus."), "ryhma", schedule=rules)


def weekdays_between(first: dt.date, last: dt.date, weekdays: set[int]) -> list[dt.date]:
    days = (first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    return [d for d in days if d.weekday() in weekdays]


# -- weekly -------------------------------------------------------------------------------------

def test_weekly_on_tuesdays_and_thursdays_between_bounds():
    rule = ScheduleRule(weekly=(TUE, THU), start=D(2026, 9, 1), until=D(2026, 9, 30))
    days = rule_dates(rule, D(2026, 8, 1), D(2026, 12, 31))
    assert days == [D(2026, 9, 1), D(2026, 9, 3), D(2026, 9, 8), D(2026, 9, 10),
                    D(2026, 9, 15), D(2026, 9, 17), D(2026, 9, 22), D(2026, 9, 24),
                    D(2026, 9, 29)]


def test_weekly_is_cut_by_the_window_too():
    rule = ScheduleRule(weekly=(TUE, THU), start=D(2026, 9, 1), until=D(2026, 9, 30))
    assert rule_dates(rule, D(2026, 9, 9), D(2026, 9, 17)) == \
        [D(2026, 9, 10), D(2026, 9, 15), D(2026, 9, 17)]


def test_window_bounds_are_inclusive():
    rule = ScheduleRule(weekly=(TUE,))
    assert rule_dates(rule, D(2026, 9, 1), D(2026, 9, 8)) == [D(2026, 9, 1), D(2026, 9, 8)]
    assert rule_dates(rule, D(2026, 9, 1), D(2026, 9, 1)) == [D(2026, 9, 1)]
    assert rule_dates(rule, D(2026, 9, 2), D(2026, 9, 7)) == []


def test_weekly_matches_a_plain_calendar_walk_outside_holidays():
    rule = ScheduleRule(weekly=(MON, WED, FRI), start=D(2026, 8, 10), until=D(2027, 6, 30))
    expected = [d for d in weekdays_between(D(2026, 8, 10), D(2027, 6, 30), {MON, WED, FRI})
                if not is_holiday(d)]
    assert rule_dates(rule, D(2026, 1, 1), D(2027, 12, 31)) == expected


def test_every_two_weeks_counts_from_the_start_date():
    rule = ScheduleRule(weekly=(WED,), every=2, start=D(2026, 9, 2))
    assert rule_dates(rule, D(2026, 8, 1), D(2026, 11, 30)) == [
        D(2026, 9, 2), D(2026, 9, 16), D(2026, 9, 30), D(2026, 10, 14), D(2026, 10, 28),
        D(2026, 11, 11), D(2026, 11, 25)]


@pytest.mark.parametrize("window_start", [
    D(2026, 9, 3), D(2026, 9, 10), D(2026, 9, 14), D(2026, 9, 16), D(2026, 9, 17),
    D(2026, 10, 1), D(2026, 10, 5), D(2026, 11, 11), D(2027, 3, 1),
])
def test_every_two_weeks_does_not_depend_on_the_build_date(window_start):
    rule = ScheduleRule(weekly=(WED,), every=2, start=D(2026, 9, 2))
    days = rule_dates(rule, window_start, window_start + dt.timedelta(weeks=12))
    assert days, window_start
    for day in days:
        assert (day - D(2026, 9, 2)).days % 14 == 0, (window_start, day)


def test_every_two_weeks_with_several_weekdays_keeps_them_in_the_same_week():
    rule = ScheduleRule(weekly=(MON, WED), every=2, start=D(2026, 9, 2))  # a Wednesday
    assert rule_dates(rule, D(2026, 8, 1), D(2026, 10, 1)) == [
        D(2026, 9, 2), D(2026, 9, 14), D(2026, 9, 16), D(2026, 9, 28), D(2026, 9, 30)]


def test_every_three_weeks():
    rule = ScheduleRule(weekly=(THU,), every=3, start=D(2026, 9, 3))
    assert rule_dates(rule, D(2026, 10, 1), D(2026, 11, 30)) == [
        D(2026, 10, 15), D(2026, 11, 5), D(2026, 11, 26)]


# -- monthly ------------------------------------------------------------------------------------

def test_monthly_second_monday():
    rule = ScheduleRule(monthly=(MonthlyDay(2, MON),))
    assert rule_dates(rule, D(2026, 9, 1), D(2026, 12, 31)) == [
        D(2026, 9, 14), D(2026, 10, 12), D(2026, 11, 9), D(2026, 12, 14)]


def test_monthly_last_friday_skips_christmas_day_and_good_friday():
    rule = ScheduleRule(monthly=(MonthlyDay(-1, FRI),))
    days = rule_dates(rule, D(2026, 10, 1), D(2027, 4, 30))
    assert days == [D(2026, 10, 30), D(2026, 11, 27), D(2027, 1, 29), D(2027, 2, 26),
                    D(2027, 4, 30)]  # 2026-12-25 and 2027-03-26 are holidays
    included = rule_dates(ScheduleRule(monthly=(MonthlyDay(-1, FRI),), holidays="include"),
                          D(2026, 10, 1), D(2027, 4, 30))
    assert D(2026, 12, 25) in included and D(2027, 3, 26) in included


def test_monthly_day_31_skips_months_without_one():
    rule = ScheduleRule(monthly=(MonthlyDay(31),), holidays="include")
    assert rule_dates(rule, D(2026, 1, 1), D(2026, 12, 31)) == [
        D(2026, 1, 31), D(2026, 3, 31), D(2026, 5, 31), D(2026, 7, 31), D(2026, 8, 31),
        D(2026, 10, 31), D(2026, 12, 31)]


def test_monthly_day_31_skips_all_saints_day_when_it_falls_on_the_31st():
    rule = ScheduleRule(monthly=(MonthlyDay(31),))
    assert D(2026, 10, 31) not in rule_dates(rule, D(2026, 1, 1), D(2026, 12, 31))


def test_monthly_fifth_weekday_only_in_months_that_have_one():
    rule = ScheduleRule(monthly=(MonthlyDay(5, THU),))
    assert rule_dates(rule, D(2026, 9, 1), D(2026, 12, 31)) == [D(2026, 10, 29), D(2026, 12, 31)]


def test_several_monthly_days_are_merged_in_order():
    rule = ScheduleRule(monthly=(MonthlyDay(-1, FRI), MonthlyDay(1, MON)))
    assert rule_dates(rule, D(2026, 9, 1), D(2026, 11, 30)) == [
        D(2026, 9, 7), D(2026, 9, 25), D(2026, 10, 5), D(2026, 10, 30), D(2026, 11, 2),
        D(2026, 11, 27)]


def test_monthly_window_starting_mid_month():
    rule = ScheduleRule(monthly=(MonthlyDay(2, MON),))
    assert rule_dates(rule, D(2026, 9, 15), D(2026, 10, 31)) == [D(2026, 10, 12)]
    assert rule_dates(rule, D(2026, 9, 14), D(2026, 9, 14)) == [D(2026, 9, 14)]


# -- exceptions and cancellations ---------------------------------------------------------------

def test_except_dates_and_ranges_are_removed():
    rule = ScheduleRule(weekly=(TUE,), start=D(2026, 9, 1), until=D(2026, 11, 3), exceptions=(
        DateRange(D(2026, 9, 8), D(2026, 9, 8)),
        DateRange(D(2026, 10, 12), D(2026, 10, 25))))
    assert rule_dates(rule, D(2026, 8, 1), D(2026, 12, 31)) == [
        D(2026, 9, 1), D(2026, 9, 15), D(2026, 9, 22), D(2026, 9, 29), D(2026, 10, 6),
        D(2026, 10, 27), D(2026, 11, 3)]


def test_except_range_bounds_are_inclusive():
    rule = ScheduleRule(weekly=(TUE,), exceptions=(DateRange(D(2026, 9, 8), D(2026, 9, 15)),))
    assert rule_dates(rule, D(2026, 9, 1), D(2026, 9, 22)) == [D(2026, 9, 1), D(2026, 9, 22)]


def test_except_applies_to_single_dates_too():
    rule = ScheduleRule(dates=(D(2026, 9, 1), D(2026, 9, 2)),
                        exceptions=(DateRange(D(2026, 9, 2), D(2026, 9, 2)),))
    assert rule_dates(rule, D(2026, 1, 1), D(2026, 12, 31)) == [D(2026, 9, 1)]


def test_cancelled_is_kept_and_marked_with_its_note():
    note = text("Ohjaaja sairastunut")
    rule = ScheduleRule(weekly=(TUE,), times=(T("10:00", "12:00"),),
                        cancelled=(Cancellation(D(2026, 9, 8), note),
                                   Cancellation(D(2026, 9, 22))))
    found = activity_occurrences(activity(rule), D(2026, 9, 1), D(2026, 9, 30))
    assert [(o.date, o.cancelled, o.note) for o in found] == [
        (D(2026, 9, 1), False, None),
        (D(2026, 9, 8), True, note),
        (D(2026, 9, 15), False, None),
        (D(2026, 9, 22), True, None),
        (D(2026, 9, 29), False, None),
    ]


def test_cancellation_on_a_day_the_rule_does_not_meet_adds_nothing():
    rule = ScheduleRule(weekly=(TUE,), cancelled=(Cancellation(D(2026, 9, 9)),))
    found = activity_occurrences(activity(rule), D(2026, 9, 1), D(2026, 9, 15))
    assert [(o.date, o.cancelled) for o in found] == [
        (D(2026, 9, 1), False), (D(2026, 9, 8), False), (D(2026, 9, 15), False)]


# -- Finnish public holidays --------------------------------------------------------------------

HOLIDAYS_ON_WEEKDAYS = [
    (D(2026, 12, 24), THU, "Christmas Eve"),
    (D(2027, 1, 6), WED, "Epiphany"),
    (D(2027, 3, 26), FRI, "Good Friday"),
    (D(2027, 3, 29), MON, "Easter Monday"),
    (D(2027, 5, 6), THU, "Ascension Day"),
    (D(2027, 6, 25), FRI, "Midsummer Eve"),
    (D(2027, 12, 6), MON, "Independence Day"),
]


@pytest.mark.parametrize(("day", "weekday", "name"), HOLIDAYS_ON_WEEKDAYS)
def test_weekly_skips_holidays_by_default(day, weekday, name):
    assert day.weekday() == weekday and is_holiday(day), name
    rule = ScheduleRule(weekly=(weekday,))
    window = (day - dt.timedelta(days=7), day + dt.timedelta(days=7))
    assert rule_dates(rule, *window) == [day - dt.timedelta(days=7), day + dt.timedelta(days=7)]


@pytest.mark.parametrize(("day", "weekday", "name"), HOLIDAYS_ON_WEEKDAYS)
def test_weekly_includes_holidays_when_asked(day, weekday, name):
    rule = ScheduleRule(weekly=(weekday,), holidays="include")
    window = (day - dt.timedelta(days=7), day + dt.timedelta(days=7))
    assert rule_dates(rule, *window) == [day - dt.timedelta(days=7), day,
                                         day + dt.timedelta(days=7)]


def test_independence_day_2026_is_a_sunday_and_ordinary_days_are_not_holidays():
    assert D(2026, 12, 6).weekday() == SUN and is_holiday(D(2026, 12, 6))
    assert not is_holiday(D(2026, 12, 23)) and not is_holiday(D(2026, 11, 24))


def test_monthly_skips_holidays_by_default():
    # the first Wednesday of January 2027 is Epiphany
    rule = ScheduleRule(monthly=(MonthlyDay(1, WED),))
    assert rule_dates(rule, D(2026, 12, 1), D(2027, 2, 28)) == [D(2026, 12, 2), D(2027, 2, 3)]
    rule = ScheduleRule(monthly=(MonthlyDay(1, WED),), holidays="include")
    assert rule_dates(rule, D(2026, 12, 1), D(2027, 2, 28)) == [
        D(2026, 12, 2), D(2027, 1, 6), D(2027, 2, 3)]


def test_single_dates_are_held_on_holidays():
    # Explicit dates include holidays unless the rule says `holidays: skip`.
    rule = ScheduleRule(dates=(D(2026, 12, 23), D(2026, 12, 24), D(2027, 6, 25)))
    assert not rule.skips_holidays
    assert rule_dates(rule, D(2026, 1, 1), D(2027, 12, 31)) == [
        D(2026, 12, 23), D(2026, 12, 24), D(2027, 6, 25)]
    assert rule_dates(replace(rule, holidays="skip"), D(2026, 1, 1), D(2027, 12, 31)) == [
        D(2026, 12, 23)]


def test_single_dates_respect_the_window():
    rule = ScheduleRule(dates=(D(2026, 9, 1), D(2026, 10, 1), D(2026, 11, 1)))
    assert rule_dates(rule, D(2026, 9, 2), D(2026, 11, 1)) == [D(2026, 10, 1), D(2026, 11, 1)]


# -- times, open ends, windows ------------------------------------------------------------------

def test_several_time_ranges_give_one_occurrence_each_sorted():
    rule = ScheduleRule(weekly=(TUE,), times=(T("17:00", "19:00"), T("10:00", "12:00")))
    found = activity_occurrences(activity(rule), D(2026, 9, 1), D(2026, 9, 8))
    assert [(o.date, o.time) for o in found] == [
        (D(2026, 9, 1), T("10:00", "12:00")), (D(2026, 9, 1), T("17:00", "19:00")),
        (D(2026, 9, 8), T("10:00", "12:00")), (D(2026, 9, 8), T("17:00", "19:00"))]


def test_occurrences_of_several_rules_are_merged_and_sorted():
    rules = (ScheduleRule(weekly=(THU,), times=(T("12:00", "13:00"),)),
             ScheduleRule(weekly=(TUE,), times=(T("18:00", "20:00"),)),
             ScheduleRule(dates=(D(2026, 9, 3),), times=(T("09:00", "10:00"),)))
    found = activity_occurrences(activity(*rules), D(2026, 9, 1), D(2026, 9, 7))
    assert [(o.date, o.time.start) for o in found] == [
        (D(2026, 9, 1), dt.time(18)), (D(2026, 9, 3), dt.time(9)), (D(2026, 9, 3), dt.time(12))]


def test_rule_without_times_gives_occurrences_without_time():
    found = activity_occurrences(activity(ScheduleRule(weekly=(TUE,))), D(2026, 9, 1),
                                 D(2026, 9, 1))
    assert len(found) == 1 and found[0].time is None and found[0].activity.id == "ryhma"


def test_open_end_is_bounded_by_the_window():
    rule = ScheduleRule(weekly=(TUE,), start=D(2026, 9, 1))
    days = rule_dates(rule, D(2026, 11, 1), D(2027, 2, 28))
    assert days[0] == D(2026, 11, 3) and days[-1] == D(2027, 2, 23)
    assert days == [d for d in weekdays_between(D(2026, 11, 1), D(2027, 2, 28), {TUE})
                    if not is_holiday(d)]


def test_open_start_is_bounded_by_the_window():
    rule = ScheduleRule(weekly=(TUE,), until=D(2026, 9, 15))
    assert rule_dates(rule, D(2026, 9, 1), D(2026, 12, 31)) == [
        D(2026, 9, 1), D(2026, 9, 8), D(2026, 9, 15)]


def test_rule_fully_before_the_window_gives_nothing():
    rule = ScheduleRule(weekly=(TUE, THU), start=D(2026, 1, 1), until=D(2026, 6, 30))
    assert rule_dates(rule, D(2026, 8, 1), D(2026, 12, 31)) == []
    assert activity_occurrences(activity(rule), D(2026, 8, 1), D(2026, 12, 31)) == []


def test_rule_fully_after_the_window_gives_nothing():
    rule = ScheduleRule(weekly=(TUE,), every=2, start=D(2027, 1, 5))
    assert rule_dates(rule, D(2026, 8, 1), D(2026, 12, 31)) == []
    dated = ScheduleRule(dates=(D(2027, 1, 5),))
    assert rule_dates(dated, D(2026, 8, 1), D(2026, 12, 31)) == []


def test_empty_window_gives_nothing():
    assert rule_dates(ScheduleRule(weekly=(TUE,)), D(2026, 9, 10), D(2026, 9, 1)) == []


def test_occurrence_sort_key_orders_by_date_time_then_title():
    a = activity(ScheduleRule(weekly=(TUE,), times=(T("10:00", "11:00"),)), title="Östen",
                 id="a")
    b = activity(ScheduleRule(weekly=(TUE,), times=(T("10:00", "11:00"),)), title="Aamu", id="b")
    c = activity(ScheduleRule(weekly=(TUE,)), title="Zeta", id="c")
    found = [o for act in (a, b, c) for o in activity_occurrences(act, D(2026, 9, 1),
                                                                  D(2026, 9, 1))]
    ordered = sorted(found, key=lambda o: o.sort_key)
    assert [o.activity.id for o in ordered] == ["c", "b", "a"]  # no time first, then titles


# -- raw RFC 5545 rules, extra days and year end -------------------------------------------------

def test_rrule_first_and_third_tuesday():
    rule = ScheduleRule(rrule="FREQ=MONTHLY;BYDAY=1TU,3TU")
    assert rule_dates(rule, D(2027, 1, 1), D(2027, 2, 28)) == [
        D(2027, 1, 5), D(2027, 1, 19), D(2027, 2, 2), D(2027, 2, 16)]


def test_rrule_last_weekday_of_the_month_with_setpos():
    rule = ScheduleRule(rrule="FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1")
    assert rule_dates(rule, D(2027, 1, 1), D(2027, 4, 30)) == [
        D(2027, 1, 29), D(2027, 2, 26), D(2027, 3, 31), D(2027, 4, 30)]


def test_rrule_interval_and_count_count_from_the_start_not_the_window():
    rule = ScheduleRule(rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=4", start=D(2026, 11, 4))
    assert rule_dates(rule, D(2026, 11, 20), D(2027, 3, 1)) == [D(2026, 12, 2), D(2026, 12, 16)]
    assert rule_dates(rule, D(2026, 1, 1), D(2027, 12, 31)) == [
        D(2026, 11, 4), D(2026, 11, 18), D(2026, 12, 2), D(2026, 12, 16)]


def test_rrule_skips_holidays_like_other_recurring_rules():
    rule = ScheduleRule(rrule="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=6")
    assert rule_dates(rule, D(2026, 1, 1), D(2030, 12, 31)) == []
    assert first_date(rule) is None
    assert rule_dates(replace(rule, holidays="include"), D(2026, 1, 1), D(2027, 12, 31)) == [
        D(2026, 12, 6), D(2027, 12, 6)]


def test_also_adds_days_even_on_holidays_and_outside_the_weekdays():
    rule = ScheduleRule(weekly=(TUE,), also=(D(2026, 12, 6), D(2026, 12, 10)))
    assert rule_dates(rule, D(2026, 12, 1), D(2026, 12, 15)) == [
        D(2026, 12, 1), D(2026, 12, 6), D(2026, 12, 8), D(2026, 12, 10), D(2026, 12, 15)]


def test_also_respects_the_rule_bounds_and_the_window():
    rule = ScheduleRule(weekly=(TUE,), until=D(2026, 12, 8), also=(D(2026, 12, 20),))
    assert rule_dates(rule, D(2026, 12, 1), D(2026, 12, 31)) == [D(2026, 12, 1), D(2026, 12, 8)]


def test_weekly_across_the_year_end_skips_new_year_and_epiphany():
    rule = ScheduleRule(weekly=(WED, FRI))
    assert rule_dates(rule, D(2026, 12, 28), D(2027, 1, 10)) == [
        D(2026, 12, 30), D(2027, 1, 8)]  # 1.1. Friday and 6.1. Wednesday are holidays


def test_every_two_weeks_across_the_year_end_keeps_its_rhythm():
    rule = ScheduleRule(weekly=(MON,), every=2, start=D(2026, 12, 14))
    assert rule_dates(rule, D(2026, 12, 1), D(2027, 1, 31)) == [
        D(2026, 12, 14), D(2026, 12, 28), D(2027, 1, 11), D(2027, 1, 25)]


def test_monthly_last_friday_across_the_year_end():
    rule = ScheduleRule(monthly=(MonthlyDay(-1, FRI),))
    # 25.12.2026 is the last Friday of December and Christmas Day: skipped.
    assert rule_dates(rule, D(2026, 11, 1), D(2027, 2, 28)) == [
        D(2026, 11, 27), D(2027, 1, 29), D(2027, 2, 26)]


def test_summer_break_range_leaves_out_june_to_august():
    rule = ScheduleRule(weekly=(THU,), exceptions=(DateRange(D(2027, 6, 1), D(2027, 8, 15)),))
    days = rule_dates(rule, D(2027, 5, 20), D(2027, 8, 31))
    assert days == [D(2027, 5, 20), D(2027, 5, 27), D(2027, 8, 19), D(2027, 8, 26)]


def test_times_stay_local_across_clock_changes():
    # Occurrences are local wall-clock times: 18:00 on both sides of the March and October
    # changes. Offsets are applied only where a moment in time is written (feeds, JSON-LD).
    group = activity(ScheduleRule(weekly=(SAT,), times=(T("18:00", "19:30"),)))
    found = activity_occurrences(group, D(2027, 3, 20), D(2027, 11, 6))
    assert {o.time for o in found} == {T("18:00", "19:30")}
    assert [o.date for o in found][:3] == [D(2027, 3, 20), D(2027, 3, 27), D(2027, 4, 3)]
    assert D(2027, 10, 30) in [o.date for o in found]


# -- helpers for checks ---------------------------------------------------------------------------

def test_first_date_of_open_rules_does_not_depend_on_today():
    assert first_date(ScheduleRule(weekly=(TUE,))) == D(2024, 1, 2)
    assert first_date(ScheduleRule(weekly=(TUE,), start=D(2026, 12, 3))) == D(2026, 12, 8)
    assert first_date(ScheduleRule(dates=(D(2026, 12, 6),), holidays="skip")) is None


def test_recurs_on_ignores_exceptions_but_respects_bounds():
    rule = ScheduleRule(weekly=(TUE,), start=D(2026, 9, 1), until=D(2026, 12, 18),
                        exceptions=(DateRange(D(2026, 12, 8), D(2026, 12, 8)),))
    assert recurs_on(rule, D(2026, 12, 8))
    assert not recurs_on(rule, D(2026, 12, 9))
    assert not recurs_on(rule, D(2026, 12, 22))


# -- series (what calendar feeds carry) ----------------------------------------------------------

SERIES_RULES = [
    ScheduleRule(weekly=(TUE, THU), times=(T("10:00", "12:00"), T("17:00", "19:00")),
                 exceptions=(DateRange(D(2026, 12, 21), D(2027, 1, 6)),),
                 cancelled=(Cancellation(D(2026, 12, 1), text("Ohjaaja sairas")),)),
    ScheduleRule(weekly=(MON,), every=2, start=D(2026, 11, 2), also=(D(2026, 12, 6),)),
    ScheduleRule(monthly=(MonthlyDay(2, MON), MonthlyDay(15)), times=(T("17:00", "19:00"),)),
    ScheduleRule(rrule="FREQ=MONTHLY;BYDAY=TU;BYSETPOS=-1;COUNT=3", start=D(2026, 10, 1)),
    ScheduleRule(dates=(D(2026, 12, 24), D(2027, 1, 2), D(2027, 2, 1))),
]


@pytest.mark.parametrize("rule", SERIES_RULES, ids=lambda r: r.kind)
def test_series_expand_to_exactly_the_occurrences(rule):
    group = activity(rule)
    start, end = D(2026, 11, 23), D(2027, 2, 15)
    expected = {(o.date, o.time, o.cancelled) for o in activity_occurrences(group, start, end)}
    series = activity_series(group, start, end)
    cancelled = {(c.date, s.time) for s in series for c in s.cancelled}
    found = {(d, s.time, (d, s.time) in cancelled) for s in series for d in s.dates}
    assert found == expected
    assert sum(len(s.dates) for s in series) == len(expected)  # nothing twice


def test_series_start_on_a_held_day_and_list_skipped_days_as_exdates():
    [series] = activity_series(activity(ScheduleRule(weekly=(MON,))), D(2027, 3, 22),
                               D(2027, 4, 12))
    assert series.start == D(2027, 3, 22) and series.until == D(2027, 4, 12)
    assert series.recurrence == "FREQ=WEEKLY;BYDAY=MO;WKST=MO"
    assert series.exdates == (D(2027, 3, 29),)  # Easter Monday


def test_series_of_a_monthly_rule_mixing_weekdays_and_day_numbers_are_two():
    rule = ScheduleRule(monthly=(MonthlyDay(2, MON), MonthlyDay(15)))
    found = activity_series(activity(rule), D(2027, 1, 1), D(2027, 3, 31))
    assert [s.recurrence for s in found] == ["FREQ=MONTHLY;BYMONTHDAY=15",
                                             "FREQ=MONTHLY;BYDAY=2MO"]


def test_series_drop_count_and_keep_the_rhythm():
    rule = ScheduleRule(rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=4", start=D(2026, 11, 4))
    [series] = activity_series(activity(rule), D(2026, 11, 20), D(2027, 3, 1))
    assert series.recurrence == "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"
    assert series.dates == (D(2026, 12, 2), D(2026, 12, 16))


def test_a_day_two_rules_give_at_the_same_time_is_in_one_series_only():
    rules = (ScheduleRule(weekly=(TUE,), times=(T("10:00", "12:00"),)),
             ScheduleRule(dates=(D(2026, 12, 1), D(2026, 12, 3)), times=(T("10:00", "12:00"),)))
    found = activity_series(activity(*rules), D(2026, 11, 30), D(2026, 12, 6))
    assert [s.dates for s in found] == [(D(2026, 12, 1),), (D(2026, 12, 3),)]


def test_nothing_is_published_further_ahead_than_two_years():
    """`until: 2099-12-31` (or a date decades ahead) would give every calendar file decades
    of holiday EXDATEs; what is published stops two years ahead and moves on with each build."""
    from hyteguide.schedule.occurrences import PUBLISHED_AHEAD, last_day, published_end

    start = dt.date(2026, 12, 6)
    far = ScheduleRule(weekly=(1,), start=dt.date(2026, 1, 1), until=dt.date(2099, 12, 31))
    once = ScheduleRule(dates=(dt.date(2090, 5, 1),))
    near = ScheduleRule(weekly=(1,), until=dt.date(2027, 5, 31))
    assert last_day(far, start) == dt.date(2099, 12, 31)
    assert published_end(activity(far), start) == start + PUBLISHED_AHEAD
    assert published_end(activity(once), start) == start + PUBLISHED_AHEAD
    assert published_end(activity(near), start) == dt.date(2027, 5, 31)
    assert published_end(activity(ScheduleRule(weekly=(1,))), start) == \
        start + dt.timedelta(days=366)


# -- since when a page's next dates have been the same ------------------------------------------

def test_a_list_of_next_dates_is_the_same_since_the_day_after_the_last_date_held():
    group = activity(ScheduleRule(weekly=(TUE,), start=D(2026, 9, 1)))
    wednesday, monday = D(2026, 12, 2), D(2026, 12, 7)
    since = listed_since(group, wednesday)
    assert since == D(2026, 12, 2)  # Tuesday 1 December was the last date held
    assert all(listed_since(group, day) == since
               for day in (wednesday, D(2026, 12, 5), monday, D(2026, 12, 8)))
    assert next_occurrences(group, since, 8) == next_occurrences(group, D(2026, 12, 8), 8)
    assert listed_since(group, D(2026, 12, 9)) == D(2026, 12, 9)


def test_a_later_edit_is_the_day_the_list_was_made():
    group = activity(ScheduleRule(weekly=(TUE,), start=D(2026, 9, 1)))
    assert listed_since(group, D(2026, 12, 7), edited=D(2026, 12, 4)) == D(2026, 12, 4)
    assert listed_since(group, D(2026, 12, 7), edited=D(2026, 11, 4)) == D(2026, 12, 2)
    assert listed_since(group, D(2026, 12, 7), edited=D(2027, 1, 1)) == D(2026, 12, 7)


def test_without_dates_in_the_weeks_before_the_list_is_of_this_month():
    camp = activity(ScheduleRule(dates=(D(2027, 6, 14), D(2027, 6, 15))))
    assert listed_since(camp, D(2026, 12, 6)) == D(2026, 12, 1)
    assert listed_since(camp, D(2026, 12, 31)) == D(2026, 12, 1)
