"""The shapes real directories have (issue 19) on a phone: an activity with a registration link
and period and a time of several days, one with an age range, one run by two organisations,
one held at another place in January, the organisation that co-organises, and the handout of a
municipality with ages: nothing scrolls sideways at 320-390 px, and axe finds nothing."""

from __future__ import annotations

import pytest

from tests.browser.test_untimed import ON_BUILD_DAY
from tests.browsing import (
    assert_clean,
    assert_no_horizontal_scroll,
    axe_violations,
    describe,
    visit,
)

pytestmark = pytest.mark.browser

PAGES = [
    "activities/mantsalan-nuorisoseura-raitti/kesaleiri/",  # registration, 5 days
    "activities/mantsalan-nuorisoseura-raitti/teatterikerho/",  # ages 12-17
    "activities/keravan-ruokapankki/yhteisoateria/",  # two organisers
    "organisations/keravan-olohuone/",  # "run together with others"
    "activities/keravan-terveysliikkujat/kavelykoulu/",  # a rule at another place
    "sv/activities/hyvinkaan-seniorit/tuolijumppa/",  # ages 65-, in Swedish
    "handout/mantsala/",  # the age filter and ages on a handout
]


@pytest.mark.parametrize("width", [320, 375, 390])
@pytest.mark.parametrize("path", PAGES)
def test_real_shapes_fit_a_phone(browser, served_site, axe_path, path, width):
    url = served_site.url + path
    with visit(browser, url, width=width, height=800, clock=ON_BUILD_DAY) as (page, record):
        assert_no_horizontal_scroll(page)
        if width == 320:
            violations = axe_violations(page, axe_path)
            assert not violations, f"{url}: axe violations:\n{describe(violations)}"
        assert_clean(record)
