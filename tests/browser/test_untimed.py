"""An activity without a time (the example's food donations, held on Wednesdays at the youth
centre's opening hours) on the home page, the calendar and a later week drawn by its script:
its "see the time on the activity's page" wraps in its column, never under the title, and no
phone width scrolls sideways (issue 19: 117 pages of a real hobby directory did)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.browsing import assert_clean, assert_no_horizontal_scroll, visit

pytestmark = pytest.mark.browser

HELSINKI = dt.timezone(dt.timedelta(hours=2))
ON_BUILD_DAY = dt.datetime(2026, 11, 23, 9, 0, tzinfo=HELSINKI)  # conftest.TODAY
UNTIMED = "keravan-ruokapankki/lahjoitukset"
PAGES = ["", "calendar/", "calendar/2027-w02/"]  # the home page, this week, a drawn week

BOXES = """(key) => Array.from(document.querySelectorAll(`li[data-activity="${key}"]`))
    .filter(li => li.offsetParent !== null).map(li => {
        const note = li.querySelector('.occurrence__time--none').getBoundingClientRect();
        const title = li.querySelector('.occurrence__title').getBoundingClientRect();
        return {note: [note.left, note.top, note.right, note.bottom],
                title: [title.left, title.top, title.right, title.bottom],
                text: li.querySelector('.occurrence__time--none').textContent};
    })"""


def overlap(a: list[float], b: list[float]) -> bool:
    """Whether two boxes (left, top, right, bottom) share more than a pixel's edge."""
    return min(a[2], b[2]) - max(a[0], b[0]) > 1 and min(a[3], b[3]) - max(a[1], b[1]) > 1


@pytest.mark.parametrize("width", [320, 375, 390, 640, 1024])
@pytest.mark.parametrize("path", PAGES)
def test_an_activity_without_a_time_fits_its_column(browser, served_site, path, width):
    url = served_site.url + path
    with visit(browser, url, width=width, height=800, clock=ON_BUILD_DAY) as (page, record):
        if path.startswith("calendar/2027"):  # drawn by calendar.js from the week's data
            page.wait_for_selector(f'li[data-activity="{UNTIMED}"]', state="attached")
        found = page.evaluate(BOXES, UNTIMED)
        assert found, f"{url}: no occurrence of {UNTIMED} shown"
        for box in found:
            assert box["text"] == "Katso kellonaika toiminnan sivulta"
            assert not overlap(box["note"], box["title"]), (url, width, box)
        assert_no_horizontal_scroll(page)
        assert_clean(record)
