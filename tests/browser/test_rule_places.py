"""A rule's own place in a week calendar.js draws (the example's Sunday walk goes to Lake
Tuusula in January): the drawn occurrence names that place, the HTML the activity's own."""

from __future__ import annotations

import pytest

from tests.browser.test_untimed import ON_BUILD_DAY
from tests.browsing import assert_clean, visit

pytestmark = pytest.mark.browser

WALK = "keravan-terveysliikkujat/kavelykoulu"
META = """(key) => Array.from(document.querySelectorAll(`li[data-activity="${key}"]`))
    .map(li => [li.getAttribute('data-date'), li.querySelector('.occurrence__meta').textContent
                .replace(/\\s+/g, ' ').trim()])"""


def test_a_drawn_week_names_the_rules_place(browser, served_site):
    with visit(browser, served_site.url + "calendar/2027-w02/", width=1024, height=800,
               clock=ON_BUILD_DAY) as (page, record):
        page.wait_for_selector(f'li[data-activity="{WALK}"]', state="attached")
        shown = dict(page.evaluate(META, WALK))
        assert shown["2027-01-17"].endswith(
            "Tuusulanjärven rantareitin pysäköintialue, Tuusula"), shown
        assert_clean(record)


def test_the_html_week_names_the_activitys_own_place(browser, served_site):
    with visit(browser, served_site.url + "calendar/", width=1024, height=800,
               clock=ON_BUILD_DAY) as (page, record):
        shown = dict(page.evaluate(META, WALK))
        assert shown and all(v.endswith("Keravan pääkirjasto, Kerava") for v in shown.values())
        assert_clean(record)
