"""The age filter in a browser (issue 19, point 4): a counsellor or a parent types an age ("for
my 9-year-old") into the calendar's, the handout's or the search page's number field and sees
the activities whose range includes it and those without a range; the age lives in the URL, is
restored, named above a printed handout, usable with the keyboard alone and clean under axe.

The example region has two ranges: the youth theatre club (mantsalan-nuorisoseura-raitti/
teatterikerho, `ages: 12-17`, Wednesdays until 9.12.) and the seniors' chair exercise
(hyvinkaan-seniorit/tuolijumppa, `ages: 65-`)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.test_browser import ON_BUILD_DAY, calendar_url, open_filters
from tests.browser.test_search_browser import settle, type_query
from tests.browsing import assert_clean, axe_violations, describe, visit

pytestmark = pytest.mark.browser

YOUTH = "mantsalan-nuorisoseura-raitti/teatterikerho"
SENIORS = "hyvinkaan-seniorit/tuolijumppa"

# The listed items a visitor sees: key and age range (null without one).
SEEN = """selector => Array.from(document.querySelectorAll(selector))
    .filter(item => item.offsetParent !== null)
    .map(item => [item.dataset.activity, item.getAttribute('data-ages')])"""
CALENDAR_ITEMS = "section[data-day] li[data-activity]"
HANDOUT_ITEMS = "li[data-activity]"


def within(ages: str | None, age: int) -> bool:
    """Whether an age is in a range as written ("12-17", "65-"), or there is no range."""
    if ages is None:
        return True
    low, _, high = ages.partition("-")
    return (not low or age >= int(low)) and (not high or age <= int(high))


def age_param(page) -> list[str]:  # noqa: ANN001 - a Playwright Page
    return parse_qs(urlsplit(page.evaluate("location.href")).query).get("age", [])


@pytest.mark.parametrize("path", ["calendar/", "calendar/2026-w49/"])  # HTML, drawn from data
def test_the_calendar_keeps_the_ages_typed_and_those_for_any_age(browser, served_site,
                                                                 built_site, path):
    url = calendar_url(served_site, built_site, path=path)
    with visit(browser, url, clock=ON_BUILD_DAY) as (page, record):
        everything = page.evaluate(SEEN, CALENDAR_ITEMS)
        assert {YOUTH, SENIORS} <= {key for key, _ in everything}, "the example's ranges"
        open_filters(page)
        page.fill("#filter-age", "9")  # as typed: the list follows each keystroke
        nine = page.evaluate(SEEN, CALENDAR_ITEMS)
        assert nine == [item for item in everything if within(item[1], 9)]
        assert {YOUTH, SENIORS}.isdisjoint(key for key, _ in nine) and nine
        assert age_param(page) == ["9"]
        page.fill("#filter-age", "70")
        assert {key for key, _ in page.evaluate(SEEN, CALENDAR_ITEMS)} & {YOUTH, SENIORS} == \
            {SENIORS}
        page.fill("#filter-age", "14")
        fourteen = page.evaluate(SEEN, CALENDAR_ITEMS)
        assert page.locator("[data-filter-active]").inner_text() == "(1)"
        shared = page.evaluate("location.href")
        assert_clean(record)
    with visit(browser, shared, clock=ON_BUILD_DAY) as (page, record):
        assert page.input_value("#filter-age") == "14"
        assert page.evaluate(SEEN, CALENDAR_ITEMS) == fourteen
        assert YOUTH in {key for key, _ in fourteen}
        page.click("[data-filter-clear]")
        assert page.input_value("#filter-age") == ""
        assert page.evaluate(SEEN, CALENDAR_ITEMS) == everything
        assert "age=" not in page.evaluate("location.href")
        assert_clean(record)


def test_what_is_not_an_age_filters_nothing(browser, served_site, built_site):
    url = calendar_url(served_site, built_site)
    with visit(browser, url + "?age=vauva", clock=ON_BUILD_DAY) as (page, record):
        everything = page.evaluate(SEEN, CALENDAR_ITEMS)
        assert page.input_value("#filter-age") == ""
        open_filters(page)
        page.fill("#filter-age", "200")  # above any age: no choice
        assert page.evaluate(SEEN, CALENDAR_ITEMS) == everything
        assert age_param(page) == []
        assert_clean(record)


def test_the_handout_with_the_keyboard_names_the_age_above_the_list(browser, served_site):
    with visit(browser, served_site.url + "handout/mantsala/") as (page, record):
        everything = page.evaluate(SEEN, HANDOUT_ITEMS)
        assert [YOUTH, "12-17"] in everything
        page.focus("[data-handout-print]")  # the button after the choices
        for _ in range(40):  # Tab (backwards) to the age field, as a keyboard user would
            if page.evaluate("document.activeElement.id") == "handout-age":
                break
            page.keyboard.press("Shift+Tab")
        assert page.evaluate("document.activeElement.id") == "handout-age"
        page.keyboard.type("9")
        nine = page.evaluate(SEEN, HANDOUT_ITEMS)
        assert nine == [item for item in everything if within(item[1], 9)] and nine
        assert page.locator("[data-handout-selection]").inner_text() == "9-vuotiaalle"
        page.keyboard.press("ArrowUp")  # a number field: up to 10, …
        page.keyboard.press("Backspace")
        page.keyboard.press("Backspace")
        page.keyboard.type("15")
        assert [YOUTH, "12-17"] in page.evaluate(SEEN, HANDOUT_ITEMS)
        assert age_param(page) == ["15"]
        assert page.locator("[data-handout-selection]").inner_text() == "15-vuotiaalle"
        assert_clean(record)


def test_the_search_page_keeps_the_ages_typed(browser, served_site):
    with visit(browser, served_site.url + "search/") as (page, record):
        type_query(page, "teatterikerho")
        titles = page.locator(".search-result__title").all_inner_texts()
        assert "Nuorten teatterikerho" in titles
        page.click(".search-filters summary")
        page.fill("#search-age", "9")
        settle(page)
        assert "Nuorten teatterikerho" not in \
            page.locator(".search-result__title").all_inner_texts()
        assert age_param(page) == ["9"]
        page.fill("#search-age", "13")
        settle(page)
        assert "Nuorten teatterikerho" in page.locator(".search-result__title").all_inner_texts()
        assert_clean(record)


@pytest.mark.parametrize("path", ["handout/mantsala/?age=14", "sv/handout/mantsala/?age=14",
                                  "search/?q=kerho&age=14"])
def test_the_age_field_is_labelled_and_passes_axe(browser, axe_path, served_site, path):
    with visit(browser, served_site.url + path) as (page, record):
        field = page.locator("input[name=age]")
        assert field.input_value() == "14"
        assert field.get_attribute("type") == "number"
        assert field.get_attribute("inputmode") == "numeric"
        label = page.locator(f"label[for={field.get_attribute('id')}]").text_content()
        assert label in ("Osallistujan ikä", "Deltagarens ålder")
        if path.startswith("search/"):
            settle(page)
            page.click(".search-filters summary")
        violations = axe_violations(page, axe_path)
        assert_clean(record)
        assert not violations, f"{path}: axe violations:\n{describe(violations)}"
