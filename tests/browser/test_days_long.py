"""A time of several days (the example's winter night hike, Saturday 10 to Sunday 14) in the
calendar week the script draws and on the activity's page: when it runs ("la 16.1. klo 10 –
su 17.1. klo 14") wraps in its column, never under the title, and no width scrolls sideways
(issue 19, point 3)."""

from __future__ import annotations

import pytest

from tests.browser.test_untimed import ON_BUILD_DAY, overlap
from tests.browsing import assert_clean, assert_no_horizontal_scroll, visit

pytestmark = pytest.mark.browser

HIKE = "nurmijarven-luontoliikkujat/yoretki"
PAGES = ["calendar/2027-w02/", f"activities/{HIKE}/"]

BOXES = """(key) => Array.from(document.querySelectorAll(
        `li[data-activity="${key}"], .upcoming li.occurrence`))
    .filter(li => li.offsetParent !== null && li.querySelector('.occurrence__time--span'))
    .map(li => {
        const when = li.querySelector('.occurrence__time--span').getBoundingClientRect();
        const title = li.querySelector('.occurrence__title');
        const box = title ? title.getBoundingClientRect() : null;
        return {when: [when.left, when.top, when.right, when.bottom],
                title: box ? [box.left, box.top, box.right, box.bottom] : null,
                text: li.querySelector('.occurrence__time--span').textContent};
    })"""


@pytest.mark.parametrize("width", [320, 375, 390, 1024])
@pytest.mark.parametrize("path", PAGES)
def test_a_time_of_several_days_fits_its_column(browser, served_site, path, width):
    url = served_site.url + path
    with visit(browser, url, width=width, height=800, clock=ON_BUILD_DAY) as (page, record):
        if path.startswith("calendar/"):  # drawn by calendar.js from the week's data
            page.wait_for_selector(f'li[data-activity="{HIKE}"]', state="attached")
        found = page.evaluate(BOXES, HIKE)
        assert found, f"{url}: no time of several days shown"
        for box in found:
            assert box["text"] == "la 16.1. klo 10 – su 17.1. klo 14"
            assert box["title"] is None or not overlap(box["when"], box["title"]), (url, box)
        assert_no_horizontal_scroll(page)
        assert_clean(record)

