"""Issue 20, points 4 and 5 in a real browser at phone sizes: the header's share of the first
screen, an activity's key facts (when, where, price, registration) within it, the calendar's
date presets and free/low-threshold filters first, its free/registration badges in HTML and
drawn weeks, and "nearest first" over every page of a list and within the calendar's days."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.browser.test_nearby_browser import GRANTED, HOME, RESTORE, SORT, haversine
from tests.browsing import assert_clean, axe_violations, describe, visit
from tests.conftest import TODAY

pytestmark = pytest.mark.browser

NOON = dt.datetime.combine(TODAY, dt.time(12), tzinfo=dt.UTC)  # the build's day
PHONES = [(390, 844), (320, 640)]
LABELS = {"fi": ("Milloin", "Missä", "Hinta", "Ilmoittautuminen"),
          "sv": ("När", "Var", "Pris", "Anmälan")}


def prefix(lang: str) -> str:
    return "" if lang == "fi" else f"{lang}/"


@pytest.mark.parametrize("width,height", PHONES)
def test_header_is_a_small_share_and_its_menu_opens_with_the_keyboard(browser, served_site,
                                                                      width, height):
    with visit(browser, served_site.url, width=width, height=height) as (page, record):
        share = page.evaluate("document.querySelector('.site-header').offsetHeight") / height
        assert share <= (0.15 if width >= 390 else 0.17), share
        assert not page.locator(".site-nav").is_visible()
        page.focus(".site-menu__toggle")
        page.keyboard.press("Enter")
        assert page.locator(".site-nav a").first.is_visible()
        assert page.locator('.languages a[hreflang="sv"]').is_visible()
        assert_clean(record)


def test_wide_screens_show_the_menu_without_a_toggle(browser, served_site):
    with visit(browser, served_site.url, width=1366, height=768) as (page, record):
        assert page.locator(".site-nav a").first.is_visible()
        assert not page.locator(".site-menu__toggle").is_visible()
        assert page.evaluate("document.querySelector('.site-header').offsetHeight") <= 0.16 * 768
        assert_clean(record)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_key_facts_are_in_the_first_screen(browser, served_site, built_site, axe_path, lang):
    depth = 3 + (lang != "fi")  # (sv/)activities/organisation/activity/index.html
    paths = sorted(p for p in built_site.pages()
                   if p.startswith(prefix(lang) + "activities/") and p.count("/") == depth)
    assert len(paths) > 50
    with visit(browser, served_site.url + paths[0][:-len("index.html")], width=390,
               height=844) as (page, record):
        for path in paths[::5]:
            page.goto(served_site.url + path[:-len("index.html")])
            bottoms = page.evaluate("""(labels) => labels.map(l => {
                const dt = Array.from(document.querySelectorAll('main .key-facts dt'))
                    .find(x => x.textContent.trim() === l);
                return dt ? dt.nextElementSibling.getBoundingClientRect().top : null; })""",
                                    list(LABELS[lang]))
            when, where = bottoms[0], bottoms[1]
            assert when is not None and where is not None, path
            assert all(y is None or y < 844 for y in bottoms), (path, bottoms)
        violations = axe_violations(page, axe_path)
        assert not violations, describe(violations)
        # pages left quickly abort their icon's request: only errors count here
        assert not record.console_errors and not record.foreign, record


@pytest.mark.parametrize("width,height", PHONES)
def test_calendar_offers_dates_and_free_first_with_badges(browser, served_site, axe_path,
                                                         width, height):
    with visit(browser, served_site.url + "calendar/", width=width, height=height,
               clock=NOON) as (page, record):
        order = page.evaluate("""() => Array.from(document.querySelectorAll(
            '.calendar-presets a, .calendar-filter input, .calendar-scopes a'))
            .filter(e => e.offsetParent !== null).slice(0, 6)
            .map(e => e.dataset.preset || e.name)""")
        assert order[:3] == ["today", "weekend", "next_week"], order
        assert order[4:6] == ["free", "low_threshold"], order
        free = page.locator(".calendar-filter input[name=free]")
        assert free.bounding_box()["y"] < 2 * height
        assert page.locator(".calendar-day .occurrence__badges li").count() > 10
        free.check()
        shown = page.locator(".calendar-day li.occurrence:visible")
        assert shown.count() > 0
        assert all("Maksuton" in shown.nth(i).inner_text() for i in range(shown.count()))
        assert "free=1" in page.locator('[data-preset="next_week"]').get_attribute("href")
        violations = axe_violations(page, axe_path)
        assert not violations, describe(violations)
        assert_clean(record)


def test_drawn_week_has_badges_and_coordinates(browser, served_site, built_site):
    later = built_site.soup("calendar/index.html").select(".week-list a")[1]["href"]
    with visit(browser, served_site.url + "calendar/" + later, width=390, height=844,
               clock=NOON) as (page, record):
        page.wait_for_selector("[data-week-drawn]", state="attached")
        badges = page.locator(".calendar-day .occurrence__badges li")
        assert badges.count() > 0
        assert set(badges.all_inner_texts()) <= {"Maksuton", "Matala kynnys",
                                                 "Ilmoittautuminen ennakkoon"}
        assert page.locator(".calendar-day li[data-lat]").count() > 0
        assert_clean(record)


def distances(page) -> list[float]:  # noqa: ANN001
    return page.evaluate("""() => Array.from(document.querySelectorAll('main .card'))
        .filter(c => c.dataset.lat !== undefined).map(c => [Number(c.dataset.lat),
                                                            Number(c.dataset.lon)])""")


def test_nearest_first_sorts_every_page_of_the_list(browser, served_site, built_site):
    total = len(built_site.soup("activities/index.html").select("main .card")) + sum(
        len(built_site.soup(p).select("main .card")) for p in built_site.pages()
        if p.startswith("activities/") and p.split("/")[1].isdigit())
    with visit(browser, served_site.url + "activities/", width=390, height=844,
               context_options=GRANTED) as (page, record):
        on_page = page.locator("main .card").count()
        assert on_page < total
        page.click(SORT)
        page.wait_for_selector(f"{RESTORE}:not([hidden])")
        assert page.locator("main .card").count() == total
        km = [haversine(HOME["latitude"], HOME["longitude"], lat, lon)
              for lat, lon in distances(page)]
        assert km == sorted(km) and len(km) > on_page // 2
        page.click(RESTORE)
        assert page.locator("main .card").count() == on_page
        assert_clean(record)


DAYS = """() => Array.from(document.querySelectorAll('[data-day]')).map(
    d => Array.from(d.querySelectorAll('li.occurrence')).filter(o => !o.hidden).map(
        o => [o.querySelector('.occurrence__title').textContent.trim(),
              o.dataset.lat ? Number(o.dataset.lat) : null,
              o.dataset.lon ? Number(o.dataset.lon) : null]))"""


def check_days_sorted(days: list[list]) -> None:
    for day in days:
        placed = [haversine(HOME["latitude"], HOME["longitude"], lat, lon)
                  for _, lat, lon in day if lat is not None]
        assert placed == sorted(placed)
        assert [lat is None for _, lat, _ in day] == sorted(lat is None for _, lat, _ in day)


@pytest.mark.parametrize("drawn", [False, True])
def test_nearest_first_in_the_calendar_sorts_each_day(browser, served_site, built_site, drawn):
    path = built_site.soup("calendar/index.html").select(".week-list a")[1]["href"] \
        if drawn else ""
    with visit(browser, served_site.url + "calendar/" + path, width=390, height=844,
               clock=NOON, context_options=GRANTED) as (page, record):
        if drawn:
            page.wait_for_selector("[data-week-drawn]", state="attached")
        original = page.evaluate(DAYS)
        page.click(SORT)
        page.wait_for_selector(f"{RESTORE}:not([hidden])")
        days = page.evaluate(DAYS)
        assert sum(1 for d in days for _, lat, _ in d if lat is not None) > 10
        assert days != original and [sorted(d) for d in days] == [sorted(d) for d in original]
        check_days_sorted(days)
        assert page.locator(".calendar-day .card__distance").count() > 10
        page.check(".calendar-filter input[name=free]")  # still sorted after filtering
        filtered = page.evaluate(DAYS)
        assert 0 < sum(map(len, filtered)) < sum(map(len, days))
        check_days_sorted(filtered)
        page.uncheck(".calendar-filter input[name=free]")
        page.click(RESTORE)
        assert page.evaluate(DAYS) == original
        assert page.locator(".calendar-day .card__distance").count() == 0
        assert_clean(record)


@pytest.mark.parametrize("later,today,weekend", [(0, "2026-11-23", "2026-11-28"),
                                                 (2, "2026-11-25", "2026-11-28"),
                                                 (6, "2026-11-29", "2026-11-29")])
def test_date_presets_follow_the_readers_day(browser, served_site, later, today, weekend):
    clock = NOON + dt.timedelta(days=later)
    with visit(browser, served_site.url + "calendar/", width=390, height=844,
               clock=clock) as (page, record):
        links = page.evaluate("""() => Object.fromEntries(Array.from(
            document.querySelectorAll('a[data-preset]')).map(a => [a.dataset.preset,
                                                                    a.getAttribute('href')]))""")
        assert links["today"].endswith(f"#day-{today}"), links
        assert links["weekend"].endswith(f"#day-{weekend}"), links
        assert "#" not in links["next_week"] and links["all"].endswith("#weeks-heading")
        page.click('a[data-preset="weekend"]')
        assert page.evaluate("location.hash") == f"#day-{weekend}"
        assert_clean(record)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_on_the_smallest_phone_the_key_facts_end_within_the_first_screen(browser, served_site,
                                                                        built_site, lang):
    """At 320 x 640 the whole key-facts block (when, where, price, registration) ends within
    the first screen on nearly every activity page (a very long registration text may not)."""
    depth = 3 + (lang != "fi")
    paths = sorted(p for p in built_site.pages()
                   if p.startswith(prefix(lang) + "activities/") and p.count("/") == depth)
    with visit(browser, served_site.url + paths[0][:-len("index.html")], width=320,
               height=640) as (page, _):
        ends = []
        for path in paths[::3]:
            page.goto(served_site.url + path[:-len("index.html")])
            ends.append(page.evaluate(
                "() => document.querySelector('main .key-facts').getBoundingClientRect().bottom"))
    within = sum(1 for end in ends if end <= 640)
    assert within >= 0.9 * len(ends), (within, len(ends), sorted(ends)[-5:])
