"""In a real browser (Chromium via Playwright): on a calendar page "Subscribe" follows the filter
to the feed of the chosen target group (assets/subscribe.js), says what it gives when no feed
matches, and goes back to the page's own feed; the folded help works from the keyboard and
passes axe. Without the browser or axe these tests skip locally and fail under CI (browsing.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.browsing import assert_clean, axe_violations, describe, visit
from tests.conftest import BASE_URL

pytestmark = pytest.mark.browser

ON_BUILD_DAY = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
CONTROL = """() => {
    const box = document.querySelector('main [data-subscribe]');
    return {what: box.querySelector('#subscribe-what').textContent,
            link: box.querySelector('a.button').getAttribute('href'),
            file: box.querySelector('a[download]').href,
            address: box.querySelector('#subscribe-address').value};
}"""


def feed(path: str) -> dict[str, str]:
    """What the control shows for the feed at a site path, but its words."""
    absolute = BASE_URL + path
    return {"link": "webcal://" + absolute.split("://", 1)[1], "address": absolute}


def choices(page) -> dict[str, int]:  # noqa: ANN001 - a Playwright Page
    counts = page.locator("main [data-subscribe]").get_attribute("data-choice-counts")
    return {k: int(n) for k, n in (pair.split("=") for pair in counts.split())}


def open_filters(page) -> None:  # noqa: ANN001
    form = page.locator("form[data-calendar-filter]")
    if not page.evaluate("document.querySelector('form[data-calendar-filter] details').open"):
        form.locator("summary").click()


def shown(page) -> dict[str, str]:  # noqa: ANN001
    return page.evaluate(CONTROL)


def assert_feed(page, path: str, served: str) -> None:  # noqa: ANN001
    """The control gives the feed at path: webcal: and address published, download served."""
    found = shown(page)
    assert {k: found[k] for k in ("link", "address")} == feed(path), found
    assert found["file"] == served + path, found


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_subscribe_follows_one_target_group_and_goes_back(browser, served_site, built_site,
                                                          lang):
    page_path = built_site.localised("calendar/kerava/", lang)
    with visit(browser, served_site.url + page_path, clock=ON_BUILD_DAY) as (page, record):
        served = served_site.url
        own = built_site.localised("municipalities/kerava/calendar.ics", lang)
        assert_feed(page, own, served)
        first_words = shown(page)["what"]
        counts = choices(page)
        boxes = page.locator("input[name=audience]")
        offered = [boxes.nth(i).get_attribute("value") for i in range(boxes.count())]
        audience = next(a for a in offered if a in counts and a != "kaikki")
        label = page.locator(f"input[name=audience][value='{audience}']").get_attribute(
            "data-label")
        open_filters(page)

        page.locator(f"input[name=audience][value='{audience}']").check()
        chosen = built_site.localised(f"municipalities/kerava/audiences/{audience}.ics", lang)
        assert_feed(page, chosen, served)
        words = shown(page)["what"]
        assert label in words and str(counts[audience]) in words and "Kerava" in words
        assert (built_site.root / chosen).is_file()
        assert page.request.get(shown(page)["file"]).status == 200

        other = next(a for a in offered if a != audience)
        page.locator(f"input[name=audience][value='{other}']").check()  # two groups: no feed
        assert_feed(page, own, served)
        words = shown(page)["what"]
        assert words != first_words and words.endswith(first_words), \
            "a choice without a feed says so, then what the button gives"

        page.locator("[data-filter-clear]").click()
        assert_feed(page, own, served)
        assert shown(page)["what"] == first_words
        assert_clean(record)


def test_subscribe_follows_the_choice_restored_from_the_address_also_in_a_drawn_week(
        browser, served_site, built_site):
    """A later week is drawn from its data before the filter starts; the region's calendar
    follows a target group to the group's own feed."""
    url = served_site.url + "calendar/2026-w49/?audience=ikaantyneet"
    with visit(browser, url, clock=ON_BUILD_DAY) as (page, record):
        page.wait_for_selector("[data-week-drawn]", state="attached")
        assert_feed(page, "audiences/ikaantyneet/calendar.ics", served_site.url)
        assert "Ikääntyneet" in shown(page)["what"]
        assert_clean(record)


def test_without_javascript_the_button_gives_the_pages_own_feed(browser, served_site,
                                                                 built_site):
    url = served_site.url + "sv/calendar/kerava/?audience=ikaantyneet"
    with visit(browser, url, context_options={"java_script_enabled": False}) as (page, record):
        found = page.locator("main [data-subscribe] a.button").get_attribute("href")
        assert found == feed("sv/municipalities/kerava/calendar.ics")["link"]
        assert_clean(record)


@pytest.mark.parametrize("path", ["", "calendar/kerava/", "sv/activities/"])
def test_the_help_opens_from_the_keyboard_and_passes_axe(browser, axe_path, served_site,
                                                         built_site, path):
    if path == "sv/activities/":  # an activity's page
        first = next(f for f in built_site.html_files()
                     if f.startswith("sv/activities/") and f.count("/") == 4)
        path = first.removesuffix("index.html")
    with visit(browser, served_site.url + path, clock=ON_BUILD_DAY) as (page, record):
        summary = page.locator("main details.subscribe__help summary")
        summary.focus()
        page.keyboard.press("Enter")
        address = page.locator("main #subscribe-address")
        assert address.is_visible()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id === 'subscribe-address'")
        assert address.input_value().startswith(BASE_URL)
        violations = axe_violations(page, axe_path)
        assert not violations, describe(violations)
        assert_clean(record)
