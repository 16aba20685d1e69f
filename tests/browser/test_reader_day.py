"""The reader's today, not the build's (assets/upcoming.js): the home page shows the reader's
day and the six after it, and an activity page hides its dates already past, each with a note of
when the page was made; on the build day nothing changes. Checked in Chromium against the
guide (derive), with the page's clock set."""

from __future__ import annotations

import datetime as dt

import pytest

from hyteguide.derive.guide import derive
from tests.browsing import assert_clean, axe_violations, describe, visit
from tests.conftest import TODAY

pytestmark = pytest.mark.browser
HELSINKI = dt.timezone(dt.timedelta(hours=2))  # winter time, as the example's first weeks


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), HELSINKI)


@pytest.fixture(scope="module")
def guide(example_content):
    return derive(example_content, TODAY)


SHOWN_TODAY = """() => Array.from(document.querySelectorAll('.home-today li[data-activity]'))
    .filter(li => li.offsetParent !== null).map(li => li.dataset.date)"""
SHOWN_WEEK = """() => Array.from(document.querySelectorAll('[data-home-week-day]'))
    .filter(d => d.offsetParent !== null).map(d => d.dataset.homeWeekDay)"""


def week_days(guide, first: dt.date) -> list[str]:  # noqa: ANN001
    return [d.isoformat() for d in (first + dt.timedelta(days=n) for n in range(1, 7))
            if guide.on(d)]


def test_the_home_page_on_its_build_day_shows_the_build_day(browser, served_site, guide):
    with visit(browser, served_site.url, clock=at(TODAY)) as (page, record):
        assert set(page.evaluate(SHOWN_TODAY)) == {TODAY.isoformat()}
        assert page.evaluate(SHOWN_WEEK) == week_days(guide, TODAY)
        assert not page.locator("[data-home-built]").is_visible()
        assert_clean(record)


@pytest.mark.parametrize(("lang", "later"), [("fi", 3), ("sv", 6)])
def test_the_home_page_read_days_later_shows_the_readers_today(browser, served_site, built_site,
                                                               guide, axe_path, lang, later):
    day = TODAY + dt.timedelta(days=later)
    url = served_site.url + built_site.localised("", lang)
    with visit(browser, url, clock=at(day)) as (page, record):
        shown = page.evaluate(SHOWN_TODAY)
        expected = [o.date.isoformat() for o in guide.on(day)][:10]
        assert shown == expected and shown
        dates = page.evaluate("""() => Array.from(document.querySelectorAll(
            '#today-heading [data-home-day]')).filter(s => !s.hidden)
            .map(s => s.dataset.homeDay)""")
        assert dates == [day.isoformat()]
        assert page.evaluate(SHOWN_WEEK) == week_days(guide, day)
        note = page.locator("[data-home-built]")
        assert note.is_visible() and note.locator(f"time[datetime='{TODAY}']").count() == 1
        assert not page.locator("[data-home-week-until]").is_visible()
        violations = axe_violations(page, axe_path)
        assert not violations, describe(violations)
        assert_clean(record)


def test_the_home_page_read_over_a_week_later_sends_the_reader_to_the_calendar(
        browser, served_site):
    with visit(browser, served_site.url, clock=at(TODAY + dt.timedelta(days=9))) as (
            page, record):
        assert page.evaluate(SHOWN_TODAY) == []
        beyond = page.locator("[data-home-beyond]")
        assert beyond.is_visible() and beyond.locator("a").count() == 1
        assert not page.locator("[data-home-week-none]").is_visible()
        assert_clean(record)


def test_an_activity_page_read_later_hides_its_past_dates(browser, served_site, guide):
    activity, dates = next((a, [o.date for o in guide.upcoming[a.key]])
                           for a in guide.activities
                           if len({o.date for o in guide.upcoming.get(a.key, ())}) >= 4)
    later = dates[2]  # two dates are past, the third is today
    url = served_site.url + f"activities/{activity.key}/"
    with visit(browser, url, clock=at(later)) as (page, record):
        shown = page.evaluate("""() => Array.from(document.querySelectorAll(
            '[data-upcoming] li[data-date]')).filter(li => !li.hidden)
            .map(li => li.dataset.date)""")
        assert shown == [d.isoformat() for d in dates if d >= later]
        assert page.locator("[data-upcoming-built]").is_visible()
        assert not page.locator("[data-upcoming-none]").is_visible()
        assert_clean(record)
    with visit(browser, url, clock=at(dates[-1] + dt.timedelta(days=1))) as (page, record):
        assert page.locator("[data-upcoming-none]").is_visible()
    with visit(browser, url, clock=at(TODAY)) as (page, record):
        assert not page.locator("[data-upcoming-built]").is_visible()
        assert page.locator("[data-upcoming] li[data-date]:visible").count() == len(dates)


def test_a_summer_camp_seen_in_winter_lists_its_summer_days(built_site, guide):
    """Next dates however far ahead: some activity's first listed date is beyond the window."""
    horizon = guide.horizon
    far = [a for a in guide.activities
           if guide.upcoming.get(a.key) and guide.upcoming[a.key][0].date > horizon]
    assert far, "the example has an activity whose next date is beyond the calendar window"
    page = built_site.soup(f"activities/{far[0].key}/index.html")
    dates = [li["data-date"] for li in page.select("[data-upcoming] li[data-date]")]
    assert dates == [o.date.isoformat() for o in guide.upcoming[far[0].key]]
    assert "Tulevia kertoja ei ole tiedossa" not in page.select_one("main").get_text()
