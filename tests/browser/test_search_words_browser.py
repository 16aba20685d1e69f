"""Issue 20, point 3 in a real browser: a resident's search on the example region, from typing
ordinary Finnish to switching language with the query and filters kept."""

from __future__ import annotations

import pytest

from tests.browser.test_search_browser import (
    params,
    search_url,
    settle,
    site_records,
    status,
    titles,
    type_query,
)
from tests.browsing import assert_clean, axe_violations, describe, visit

pytestmark = pytest.mark.browser


def all_titles(page) -> list[str]:  # noqa: ANN001
    """Every result's title, after showing them all."""
    while page.locator("[data-search-more]").is_visible():
        before = len(titles(page))
        page.click("[data-search-more]")
        page.wait_for_function(f"() => document.querySelectorAll('.search-result__title').length"
                               f" > {before}")
    return titles(page)


def test_resident_finds_loneliness_activities_and_switches_to_swedish(browser, served_site,
                                                                      built_site):
    """Type yksinäisyys: the loneliness theme's activities; then Svenska: the same query on the
    Swedish search page, with its results."""
    theme = [record["title"] for record in site_records(built_site, "fi")
             if record["type"] == "activity" and "yksinaisyys" in record.get("theme", ())]
    with visit(browser, search_url(served_site)) as (page, record):
        type_query(page, "yksinäisyys")
        found = all_titles(page) + page.locator(".search-result__also a").all_inner_texts()
        missing = [title for title in theme if title not in found]
        assert not missing, (len(theme), missing)
        assert page.locator("[data-search-notice]").is_hidden()  # found as typed, not fuzzed
        with page.expect_navigation():
            page.click("nav.languages a[hreflang=sv]")
        settle(page)
        assert page.evaluate("document.documentElement.lang") == "sv"
        assert page.input_value("#search-q") == "yksinäisyys"
        assert params(page)["q"] == ["yksinäisyys"]
        assert len(all_titles(page)) >= len(theme), status(page)
        assert_clean(record)


def test_switching_language_keeps_the_filters(browser, served_site):
    with visit(browser, search_url(served_site, query="q=kerava&free=1")) as (page, record):
        settle(page)
        assert titles(page)
        link = page.locator("nav.languages a[hreflang=en]")
        link.hover()
        assert link.get_attribute("href").endswith("/en/search/?q=kerava&free=1")
        with page.expect_navigation():
            link.click()
        settle(page)
        assert page.input_value("#search-q") == "kerava"
        assert page.is_checked("input[name=free]")
        assert titles(page)
        assert_clean(record)


def test_language_links_without_a_query_stay_as_they_are(browser, served_site):
    with visit(browser, served_site.url + "organisations/") as (page, record):
        link = page.locator("nav.languages a[hreflang=sv]")
        plain = link.get_attribute("href")
        link.hover()
        assert link.get_attribute("href").endswith("/sv/organisations/")
        assert "?" not in link.get_attribute("href") and plain
        assert_clean(record)


def test_same_named_results_are_one_with_lines_under_it(browser, axe_path, served_site):
    """Klubitalo Kiviverstas ry, its activity and its place: one result, the organisation,
    with links to the other two under it (each still reachable)."""
    with visit(browser, search_url(served_site)) as (page, record):
        type_query(page, "kiviverstas")
        found = titles(page)
        assert found[0] == "Klubitalo Kiviverstas ry"
        assert "Klubitalo Kiviverstas" not in found
        first = page.locator(".search-result").first
        lines = first.locator(".search-result__also a")
        assert lines.all_inner_texts() == ["Klubitalo Kiviverstas", "Klubitalo Kiviverstas"]
        hrefs = [lines.nth(i).get_attribute("href") for i in range(2)]
        assert "activities/" in hrefs[0] and "places/" in hrefs[1], hrefs
        violations = axe_violations(page, axe_path)
        assert not violations, describe(violations)
        lines.nth(1).click()
        page.wait_for_load_state()
        assert page.url.endswith("/places/klubitalo-kiviverstas/")
        assert_clean(record)


def test_calendar_filters_are_kept_when_switching_language(browser, served_site):
    """The calendar keeps its filters in the address too: Svenska opens the Swedish calendar
    with the same theme chosen."""
    with visit(browser, served_site.url + "calendar/?theme=yksinaisyys") as (page, record):
        box = "input[name=theme][value=yksinaisyys]"
        page.wait_for_selector(box)
        assert page.is_checked(box)
        with page.expect_navigation():
            page.click("nav.languages a[hreflang=sv]")
        assert "/sv/calendar/" in page.url and page.url.endswith("?theme=yksinaisyys")
        page.wait_for_selector(box)
        assert page.is_checked(box)
        assert_clean(record)
