"""The calendar's later weeks: one JSON file a week for every language (calendardata.py), drawn
by the week's page (assets/calendar.js) into the same markup as the HTML week, with its
filters, notes and accessibility; without JavaScript the page says where the nearest days are.

What is drawn is checked against the guide (derive), not against the data file alone."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest

from hyteguide.content.load import load_content
from hyteguide.derive.guide import derive
from hyteguide.web.urls import calendar_data_path, calendar_path
from tests.browsing import assert_clean, axe_violations, describe, visit
from tests.conftest import SMALL_PAGES, TODAY, serve_folder

HELSINKI = dt.timezone(dt.timedelta(hours=2))
ON_BUILD_DAY = dt.datetime.combine(TODAY, dt.time(9), HELSINKI)
DRAWN = """() => Array.from(document.querySelectorAll('section[data-day] li[data-activity]'))
    .map(li => [li.dataset.activity, li.dataset.date, li.dataset.start || null,
                li.dataset.end || null, li.hasAttribute('data-cancelled')])"""


@pytest.fixture(scope="module")
def guide(example_content):
    return derive(example_content, TODAY)


def expected(week) -> list[list]:  # noqa: ANN001 - a CalendarWeek
    return [[o.activity.key, o.date.isoformat(),
             None if o.time is None else o.time.start.strftime("%H:%M"),
             None if o.time is None or o.time.end is None  # no time, or a start alone
             else "24:00" if o.time.end == dt.time.max else o.time.end.strftime("%H:%M"),
             o.cancelled] for o in week.occurrences]


def calendars(guide):  # noqa: ANN001
    return (guide.calendar, *guide.municipality_calendars.values())


# -- the files -----------------------------------------------------------------------------------

def test_every_later_week_of_every_calendar_has_one_data_file_and_no_html_days(built_site, guide):
    for calendar in calendars(guide):
        assert not (built_site.root / calendar_data_path(
            calendar.municipality, calendar.weeks[0].slug)).exists()  # the nearest is HTML
        for week in calendar.weeks[1:]:
            path = calendar_data_path(calendar.municipality, week.slug)
            data = json.loads((built_site.root / path).read_text(encoding="utf-8"))
            rows = [[data["activities"][a][0], day, *(data["times"][t][:2] if t is not None
                                                      else (None, None)), bool(cancelled)]
                    for day, _, occurrences in data["days"]
                    for a, t, cancelled, *_ in occurrences]
            assert rows == expected(week), path
            assert [d for d, _, _ in data["days"]] == [d.isoformat() for d, _ in week.days]
            for lang in built_site.languages:  # one file for every language, none per language
                if lang != built_site.languages[0]:
                    assert not (built_site.root / lang / path).exists()
                page = built_site.soup(built_site.localised(
                    calendar_path(calendar.municipality, week.slug), lang) + "index.html")
                assert not page.select("section[data-day]")
                assert page.select_one("[data-week-wait] a[href]") is not None


def test_the_data_is_the_same_in_every_build(built_site, second_build, guide):
    again = second_build.root
    week = guide.calendar.weeks[3]
    path = calendar_data_path(None, week.slug)
    assert (again / path).read_bytes() == (built_site.root / path).read_bytes()


# -- drawn in a browser ------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_later_week_is_drawn_as_the_guide_has_it(browser, served_site, built_site, guide,
                                                    axe_path, lang):
    week = guide.calendar.weeks[2]
    path = built_site.localised(calendar_path(None, week.slug), lang)
    with visit(browser, served_site.url + path, clock=ON_BUILD_DAY) as (page, record):
        page.wait_for_selector("[data-week-drawn]", state="attached")
        assert page.evaluate(DRAWN) == expected(week)
        assert not page.locator("[data-week-wait]").is_visible()
        assert page.locator("form[data-calendar-filter]").is_visible()
        days = page.locator("section[data-day] h2 time")
        assert days.count() == len(week.days)
        # every link leads to its activity's page in the page's language
        hrefs = page.evaluate("""() => Array.from(document.querySelectorAll(
            'section[data-day] .occurrence__title a')).map(a => a.href)""")
        for href, occurrence in zip(hrefs, week.occurrences, strict=True):
            key = occurrence.activity.key
            assert href == served_site.url + built_site.localised(f"activities/{key}/", lang)
        status = page.locator("[data-calendar-status]").inner_text()
        assert str(len(week.occurrences)) in status
        violations = axe_violations(page, axe_path)
        assert not violations, describe(violations)
        assert_clean(record)


@pytest.mark.browser
def test_a_drawn_week_is_filtered_like_an_html_week(browser, served_site, built_site, guide):
    week = guide.calendar.weeks[1]
    theme = next(t for o in week.occurrences for t in o.activity.themes)
    wanted = [row for row, o in zip(expected(week), week.occurrences, strict=True)
              if theme in o.activity.themes]
    url = served_site.url + calendar_path(None, week.slug) + f"?theme={theme}"
    with visit(browser, url, clock=ON_BUILD_DAY) as (page, record):
        page.wait_for_selector("[data-week-drawn]", state="attached")
        shown = page.evaluate(DRAWN.replace("li[data-activity]'))",
                                            "li[data-activity]')).filter(li => !li.hidden)"))
        assert shown == wanted and 0 < len(wanted) < len(week.occurrences)
        assert_clean(record)


@pytest.mark.browser
def test_texts_in_another_language_are_marked_and_labels_are_the_pages(browser, served_site,
                                                                        guide):
    """On a Swedish page an untranslated Finnish title is in <span lang="fi">, and the
    municipality is named in Swedish (Kervo), as on the HTML pages."""
    week = guide.calendar.weeks[1]
    with visit(browser, served_site.url + "sv/" + calendar_path("kerava", week.slug),
               clock=ON_BUILD_DAY) as (page, record):
        page.wait_for_selector("[data-week-drawn]", state="attached")
        meta = page.locator("section[data-day] .occurrence__meta").all_inner_texts()
        assert any(m.endswith(", Kervo") for m in meta)
        assert not any(m.endswith(", Kerava") or ", Kerava," in m for m in meta)
        spans = page.evaluate("""() => Array.from(document.querySelectorAll(
            'section[data-day] .occurrence__title span[lang]')).map(s => s.lang)""")
        assert set(spans) <= {"fi", "en"}
        assert_clean(record)


@pytest.mark.browser
def test_without_javascript_a_later_week_points_to_the_nearest_days(browser, served_site,
                                                                     built_site, guide):
    week = guide.calendar.weeks[4]
    url = served_site.url + calendar_path(None, week.slug)
    with visit(browser, url, context_options={"java_script_enabled": False}) as (page, record):
        notice = page.locator("[data-week-wait]")
        assert notice.is_visible()
        notice.locator("a").click()
        page.wait_for_url(served_site.url + "calendar/")
        assert page.locator("section[data-day] li[data-activity]").count() == \
            len(guide.calendar.weeks[0].occurrences)


@pytest.mark.browser
def test_a_week_whose_data_cannot_be_loaded_says_so(browser, served_site, guide):
    week = guide.calendar.weeks[1]
    url = served_site.url + calendar_path(None, week.slug)
    with visit(browser, url, clock=ON_BUILD_DAY) as (page, record):
        page.context.route("**/week.json", lambda route: route.abort())
        page.reload(wait_until="networkidle")
        assert page.locator("[data-week-failed]").is_visible()
        assert not page.locator("section[data-day]").count()


@pytest.mark.browser
def test_a_link_to_a_day_of_a_drawn_week_scrolls_to_it(browser, served_site, guide):
    """The home page links each coming day as <week>/#day-<date>: the day's section exists
    only once drawn, and then the page scrolls to it."""
    week = guide.calendar.weeks[1]
    day = week.days[-1][0].isoformat()
    url = served_site.url + calendar_path(None, week.slug) + f"#day-{day}"
    with visit(browser, url, clock=ON_BUILD_DAY) as (page, record):
        page.wait_for_selector("[data-week-drawn]", state="attached")
        top = page.evaluate(f"document.getElementById('day-{day}').getBoundingClientRect().top")
        assert page.evaluate("window.scrollY") > 0 and abs(top) < 5
        assert_clean(record)


# -- a long drawn day: a page-size of it, then all --------------------------------------------

@pytest.fixture(scope="module")
def served_paged(paged_site, tmp_path_factory):
    """The paged region (calendar page size SMALL_PAGES['calendar']) served."""
    with serve_folder(paged_site.root, tmp_path_factory.mktemp("www-paged")) as server:
        yield server


@pytest.mark.browser
def test_a_long_drawn_day_shows_a_page_size_and_then_all_of_it(browser, served_paged,
                                                               paged_site, paged_region):
    guide = derive(load_content(paged_region, TODAY), TODAY)
    size = SMALL_PAGES["calendar"]
    week = next(w for w in guide.calendar.weeks[1:] if max(len(d) for _, d in w.days) > size)
    day, occurrences = max(week.days, key=lambda pair: len(pair[1]))
    url = served_paged.url + calendar_path(None, week.slug)
    section = f"section[data-date='{day}']"
    with visit(browser, url, clock=ON_BUILD_DAY) as (page, record):
        page.wait_for_selector("[data-week-drawn]", state="attached")
        on_page = page.locator(f"{section} li[data-activity]")
        assert on_page.count() == size
        more = page.locator(f"{section} [data-day-more]")
        assert more.is_visible() and str(len(occurrences)) in more.inner_text()
        more.click()
        assert on_page.count() == len(occurrences)
        assert not more.is_visible()
        focused = page.evaluate("document.activeElement.closest('li').dataset.activity")
        assert focused == occurrences[size].activity.key  # the first of the rest
        keys = page.evaluate(f"""() => Array.from(document.querySelectorAll(
            "{section} li[data-activity]")).map(li => li.dataset.activity)""")
        assert keys == [o.activity.key for o in occurrences]
        assert_clean(record)


@pytest.mark.browser
def test_filters_on_a_long_drawn_day_cover_the_whole_day(browser, served_paged, paged_region):
    """The filter chooses among all of a day's items, then shows a page-size of those."""
    guide = derive(load_content(paged_region, TODAY), TODAY)
    size = SMALL_PAGES["calendar"]
    week = next(w for w in guide.calendar.weeks[1:] if max(len(d) for _, d in w.days) > size)
    day, occurrences = max(week.days, key=lambda pair: len(pair[1]))
    theme = Counter(t for o in occurrences for t in o.activity.themes).most_common(1)[0][0]
    wanted = [o.activity.key for o in occurrences if theme in o.activity.themes]
    url = served_paged.url + calendar_path(None, week.slug) + f"?theme={theme}"
    section = f"section[data-date='{day}']"
    with visit(browser, url, clock=ON_BUILD_DAY) as (page, record):
        page.wait_for_selector("[data-week-drawn]", state="attached")
        keys = page.evaluate(f"""() => Array.from(document.querySelectorAll(
            "{section} li[data-activity]")).filter(li => !li.hidden)
            .map(li => li.dataset.activity)""")
        assert keys == wanted[:size]
        more = page.locator(f"{section} [data-day-more]")
        assert more.is_visible() == (len(wanted) > size)
        assert_clean(record)
