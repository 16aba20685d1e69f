"""In a real browser (Chromium via Playwright): no errors, no axe violations, keyboard and small
screens work, and nothing is loaded from any host but the local server.

Needs /usr/bin/chromium (Debian package chromium), Playwright for Python and axe-core from
`npm ci`. Locally a missing piece skips these tests; under CI (env CI set) it fails them.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin

import pytest

from tests.browsing import (
    assert_clean,
    assert_no_horizontal_scroll,
    axe_violations,
    describe,
    visit,
)
from tests.conftest import TAXONOMY_GROUPS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def targets(example_content) -> dict[str, str]:
    """Language-neutral paths of one page of each kind in the example."""
    content = example_content
    organisation = next(o for o in sorted(content.organisations, key=lambda o: o.slug)
                        if o.activities)
    activity = organisation.activities[0]
    assert content.partnerships, "the example has no partnership table"
    assert content.pages, "the example has no free page"
    group = TAXONOMY_GROUPS[0]
    term = sorted(content.vocabulary.group(group))[0]
    return {
        "home": "",
        "organisation": f"organisations/{organisation.slug}/",
        "activity": f"activities/{organisation.slug}/{activity.id}/",
        "place": f"places/{sorted(p.slug for p in content.places)[0]}/",
        "partnership": f"partnerships/{sorted(p.slug for p in content.partnerships)[0]}/",
        "list": "activities/",
        "term": f"{group}/{term}/",
        "free": f"{sorted(p.slug for p in content.pages)[0]}/",
        "accessibility": "accessibility/",  # the statement and the notice, from site.yaml
        "privacy": "privacy/",
        "opendata": "opendata/",
        "404": "no/such/page/",  # the local server answers with 404.html, like GitHub Pages
        "organisations": "organisations/",
        "places": "places/",
        "partnerships": "partnerships/",
        "taxonomy": f"{group}/",
        "calendar": "calendar/",
        "calendar-municipality": f"calendar/{sorted(content.vocabulary.group(group))[0]}/",
        "handouts": "handout/",
        "handout": "handout/kerava/",
        "search": "search/",
        "expertise": "expertise/",  # the coordinators' view (issue 20, point 2)
        "expertise-term": "expertise/tilat/",
    }


def url_for(served_site, built_site, targets: dict[str, str], lang: str, kind: str) -> str:
    return served_site.url + built_site.localised(targets[kind], lang)


KINDS = ("home", "organisation", "activity", "place", "partnership", "list", "organisations",
         "places", "partnerships", "taxonomy", "term", "free", "calendar",
         "calendar-municipality", "handouts", "handout", "search", "accessibility", "privacy",
         "opendata", "expertise", "expertise-term")
# Every kind of page in every language (404.html exists once, in the default language).
CASES = [(lang, kind) for lang in ("fi", "sv", "en") for kind in KINDS] + [("fi", "404")]


@pytest.mark.parametrize("lang,kind", CASES, ids=[f"{lang}-{kind}" for lang, kind in CASES])
def test_page_loads_cleanly_and_passes_axe(browser, axe_path, served_site, built_site, targets,
                                           lang, kind):
    url = url_for(served_site, built_site, targets, lang, kind)
    status = 404 if kind == "404" else 200
    with visit(browser, url, expect_status=status) as (page, record):
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.evaluate("getComputedStyle(document.body).fontFamily"), "no stylesheet"
        sheets = page.evaluate("Array.from(document.styleSheets).map(s => s.href)")
        assert any(href and href.endswith("/assets/site.css") for href in sheets), sheets
        violations = axe_violations(page, axe_path)
        assert_clean(record)
        assert not violations, f"{url}: axe violations:\n{describe(violations)}"


@pytest.mark.parametrize("kind", ["home", "organisation", "activity", "404"])
def test_tab_focuses_a_visible_skip_link_and_enter_moves_to_main(browser, served_site,
                                                                  built_site, targets, kind):
    url = url_for(served_site, built_site, targets, "fi", kind)
    with visit(browser, url, expect_status=404 if kind == "404" else 200) as (page, record):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const a = document.activeElement, r = a.getBoundingClientRect(),
                  s = getComputedStyle(a);
            return {tag: a.tagName, href: a.getAttribute('href'), left: r.left, top: r.top,
                    right: r.right, bottom: r.bottom, width: r.width, height: r.height,
                    vw: document.documentElement.clientWidth, vh: window.innerHeight,
                    opacity: s.opacity, visibility: s.visibility, clip: s.clip,
                    clipPath: s.clipPath, text: a.textContent.trim()};
        }""")
        assert focused["tag"] == "A" and focused["href"] == "#main", focused
        assert focused["text"], "the skip link has no text"
        assert focused["width"] > 1 and focused["height"] > 1, focused
        assert focused["left"] >= 0 and focused["top"] >= 0, f"off screen: {focused}"
        assert focused["right"] <= focused["vw"] and focused["bottom"] <= focused["vh"], focused
        assert focused["opacity"] != "0" and focused["visibility"] == "visible", focused
        assert focused["clip"] in ("auto", "") and focused["clipPath"] == "none", focused

        page.keyboard.press("Enter")
        page.wait_for_function("() => location.hash === '#main'")
        in_main = page.evaluate("""() => {
            const a = document.activeElement;
            return a && a !== document.body && (a.id === 'main' || !!a.closest('#main'));
        }""")
        focus = page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
        assert in_main, f"Enter on the skip link did not move focus into main (focus: {focus})"
        assert_clean(record)


# Reflow (WCAG 1.4.10): 320 CSS pixels wide, and 1280 px at 200 % zoom (640 CSS pixels).
@pytest.mark.parametrize("width", [320, 640])
@pytest.mark.parametrize("kind", KINDS)
def test_no_horizontal_scroll_at_320_px_and_200_percent_zoom(browser, served_site, built_site,
                                                            targets, kind, width):
    url = url_for(served_site, built_site, targets, "fi", kind)
    with visit(browser, url, width=width, height=640) as (page, record):
        assert_no_horizontal_scroll(page)
        assert_clean(record)


# -- calendar pages (assets/calendar.js) ---------------------------------------------------------

HELSINKI = dt.timezone(dt.timedelta(hours=2))  # EET: no summer time in November–March
BUILT = dt.date(2026, 11, 23)  # conftest.TODAY, a Monday (ISO week 48)
ON_BUILD_DAY = dt.datetime(2026, 11, 23, 9, 0, tzinfo=HELSINKI)

VISIBLE_DAYS = """() => Array.from(document.querySelectorAll('section[data-day]'))
    .filter(s => s.offsetParent !== null).map(s => s.dataset.date)"""
VISIBLE_ITEMS = """() => Array.from(
    document.querySelectorAll('section[data-day] li[data-activity]'))
    .filter(li => li.offsetParent !== null).map(li => ({
        date: li.dataset.date, themes: li.dataset.themes.split(' ').filter(Boolean),
        audiences: li.dataset.audiences.split(' ').filter(Boolean), format: li.dataset.format,
        free: li.hasAttribute('data-free'), low: li.hasAttribute('data-low-threshold')}))"""


def calendar_url(served_site, built_site, lang: str = "fi", path: str = "calendar/") -> str:
    return served_site.url + built_site.localised(path, lang)


def open_filters(page) -> None:  # noqa: ANN001 - a Playwright Page
    form = page.locator("form[data-calendar-filter]")
    assert form.is_visible(), "the script did not reveal the filter form"
    if not page.evaluate("document.querySelector('form[data-calendar-filter] details').open"):
        form.locator("summary").click()
    assert form.locator("fieldset").first.is_visible()


def test_calendar_on_its_build_day_shows_every_day_and_no_note(browser, served_site, built_site):
    url = calendar_url(served_site, built_site)
    with visit(browser, url, clock=ON_BUILD_DAY) as (page, record):
        days = page.evaluate(VISIBLE_DAYS)
        assert days == [(BUILT + dt.timedelta(days=n)).isoformat() for n in range(7)]
        assert not page.locator("[data-stale]").is_visible()
        assert page.locator("form[data-calendar-filter]").is_visible()
        status = page.locator("[data-calendar-status]").inner_text()
        assert str(page.locator("section[data-day] li[data-activity]").count()) in status
        assert_clean(record)


def test_calendar_viewed_later_hides_past_days_and_says_when_it_was_built(
        browser, served_site, built_site):
    """Three days later, just after midnight in Helsinki (still the day before in UTC)."""
    later = dt.datetime(2026, 11, 25, 22, 30, tzinfo=dt.UTC)  # 26.11. 00:30 in Helsinki
    for lang in ("fi", "sv"):
        url = calendar_url(served_site, built_site, lang)
        with visit(browser, url, clock=later) as (page, record):
            days = page.evaluate(VISIBLE_DAYS)
            assert days == ["2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"], days
            note = page.locator("[data-stale]")
            assert note.is_visible()
            assert note.locator("time[datetime='2026-11-23']").is_visible()
            assert not note.locator("[data-stale-all]").is_visible()
            assert_clean(record)


def test_calendar_page_wholly_past_links_to_the_current_week(browser, served_site, built_site):
    url = calendar_url(served_site, built_site)
    with visit(browser, url, clock=dt.datetime(2026, 12, 2, 12, 0, tzinfo=HELSINKI)) as (
            page, record):
        assert page.evaluate(VISIBLE_DAYS) == []
        note = page.locator("[data-stale]")
        assert note.locator("[data-stale-all]").is_visible()
        link = note.locator("a[data-stale-link]")
        assert link.is_visible()
        link.click()
        page.wait_for_url("**/calendar/2026-w49/")
        page.wait_for_selector("[data-week-drawn]", state="attached")  # a later week: drawn
        assert page.evaluate(VISIBLE_DAYS) == ["2026-12-02", "2026-12-03", "2026-12-04",
                                               "2026-12-05", "2026-12-06"]
        assert_clean(record)


def test_calendar_week_viewed_later_drops_past_weeks_from_the_list_without_a_note(
        browser, served_site, built_site):
    url = calendar_url(served_site, built_site, path="calendar/2026-w50/")
    with visit(browser, url, clock=dt.datetime(2026, 12, 2, 12, 0, tzinfo=HELSINKI)) as (
            page, record):
        assert len(page.evaluate(VISIBLE_DAYS)) == 7
        assert not page.locator("[data-stale]").is_visible()
        weeks = page.locator(".week-list li")
        shown = [weeks.nth(i).get_attribute("data-week-first") for i in range(weeks.count())
                 if weeks.nth(i).is_visible()]
        assert shown[0] == "2026-11-30", "weeks wholly past are left out of the list"
        assert_clean(record)


def test_calendar_beyond_its_horizon_says_so(browser, served_site, built_site):
    url = calendar_url(served_site, built_site)
    with visit(browser, url, clock=dt.datetime(2027, 6, 1, 12, 0, tzinfo=HELSINKI)) as (
            page, record):
        assert page.evaluate(VISIBLE_DAYS) == []
        assert page.locator("[data-stale-beyond]").is_visible()
        assert not page.locator("a[data-stale-link]").is_visible()
        assert_clean(record)


def _pick(items: list[dict], key: str) -> str:
    """A value of a list attribute that some but not all visible occurrences have."""
    counts: dict[str, int] = {}
    for item in items:
        for value in item[key]:
            counts[value] = counts.get(value, 0) + 1
    return max((v for v, n in counts.items() if 0 < n < len(items)), key=lambda v: counts[v])


def test_calendar_filters_narrow_the_list_update_the_url_and_restore_from_it(
        browser, served_site, built_site):
    url = calendar_url(served_site, built_site, path="calendar/2026-w49/")
    with visit(browser, url, clock=ON_BUILD_DAY) as (page, record):
        everything = page.evaluate(VISIBLE_ITEMS)
        theme = _pick(everything, "themes")
        open_filters(page)
        page.locator(f"input[name=theme][value='{theme}']").check()
        themed = page.evaluate(VISIBLE_ITEMS)
        assert themed and len(themed) < len(everything)
        assert all(theme in item["themes"] for item in themed)
        assert len(themed) == sum(theme in item["themes"] for item in everything)
        assert sorted(page.evaluate(VISIBLE_DAYS)) == sorted({i["date"] for i in themed}), \
            "days left empty by the filter must be hidden"
        assert f"theme={theme}" in page.url
        assert str(len(themed)) in page.locator("[data-calendar-status]").inner_text()

        page.locator("input[name=free]").check()
        free = page.evaluate(VISIBLE_ITEMS)
        assert all(i["free"] and theme in i["themes"] for i in free)
        assert "free=1" in page.url and f"theme={theme}" in page.url
        shared = page.url
        next_week = page.locator("nav.week-pager a[rel=next]").get_attribute("href")
        assert next_week.endswith(shared[shared.index("?"):]), "filters are kept between weeks"
        assert_clean(record)

    with visit(browser, shared, clock=ON_BUILD_DAY) as (page, record):
        assert page.locator(f"input[name=theme][value='{theme}']").is_checked()
        assert page.locator("input[name=free]").is_checked()
        assert page.locator("form[data-calendar-filter] fieldset").first.is_visible()
        assert page.evaluate(VISIBLE_ITEMS) == free
        page.locator("[data-filter-clear]").click()
        assert page.evaluate(VISIBLE_ITEMS) == everything
        assert "?" not in page.url
        assert_clean(record)


def test_calendar_filter_matching_nothing_says_so(browser, served_site, built_site):
    url = calendar_url(served_site, built_site, path="calendar/mantsala/2026-w49/")
    with visit(browser, url, clock=ON_BUILD_DAY) as (page, record):
        boxes = page.locator("input[name=format]")
        values = [boxes.nth(i).get_attribute("value") for i in range(boxes.count())]
        shown = {i["format"] for i in page.evaluate(VISIBLE_ITEMS)}
        missing = next(v for v in values if v not in shown)
        page.goto(url + f"?format={missing}")
        assert page.evaluate(VISIBLE_ITEMS) == [] and page.evaluate(VISIBLE_DAYS) == []
        assert page.locator("[data-filter-none]").is_visible()
        assert_clean(record)


def test_calendar_audience_filter_keeps_activities_for_everyone(browser, served_site,
                                                                built_site):
    url = calendar_url(served_site, built_site, path="calendar/2026-w49/")
    with visit(browser, url + "?audience=ikaantyneet", clock=ON_BUILD_DAY) as (page, record):
        shown = page.evaluate(VISIBLE_ITEMS)
        assert any("kaikki" in i["audiences"] for i in shown), "'Kaikki' suits older people too"
        assert any("ikaantyneet" in i["audiences"] for i in shown)
        assert all({"kaikki", "ikaantyneet"} & set(i["audiences"]) for i in shown)
        assert_clean(record)


def _focused(page) -> dict:  # noqa: ANN001
    return page.evaluate("""() => {
        const a = document.activeElement, s = getComputedStyle(a);
        return {tag: a.tagName, name: a.getAttribute('name'), value: a.getAttribute('value'),
                checked: a.checked, outline: s.outlineStyle, width: s.outlineWidth,
                filter: !!a.closest('form[data-calendar-filter]')};
    }""")


def test_calendar_filters_work_with_the_keyboard_alone(browser, served_site, built_site):
    url = calendar_url(served_site, built_site, path="calendar/2026-w49/")
    with visit(browser, url, clock=ON_BUILD_DAY) as (page, record):
        everything = page.evaluate(VISIBLE_ITEMS)
        for _ in range(80):  # Tab through the page's links to the filter's summary
            page.keyboard.press("Tab")
            if _focused(page)["tag"] == "SUMMARY":
                break
        focus = _focused(page)
        assert focus["tag"] == "SUMMARY", focus
        assert focus["outline"] != "none" and focus["width"] != "0px", f"focus not visible: {focus}"
        page.keyboard.press("Enter")
        assert page.locator("form[data-calendar-filter] fieldset").first.is_visible()
        page.keyboard.press("Tab")
        focus = _focused(page)
        assert focus["tag"] == "INPUT" and focus["filter"], focus
        assert focus["outline"] != "none", f"focus not visible on a checkbox: {focus}"
        page.keyboard.press("Space")
        focus = _focused(page)
        assert focus["checked"], focus
        narrowed = page.evaluate(VISIBLE_ITEMS)
        key = {"audience": "audiences", "theme": "themes"}[focus["name"]]
        for_everyone = {"kaikki"} if key == "audiences" else set()  # suits any audience
        assert all({focus["value"], *for_everyone} & set(item[key]) for item in narrowed)
        assert f"{focus['name']}={focus['value']}" in page.url
        for _ in range(80):  # on to the clear button
            page.keyboard.press("Tab")
            if _focused(page)["tag"] == "BUTTON":
                break
        assert _focused(page)["tag"] == "BUTTON"
        page.keyboard.press("Enter")
        assert page.evaluate(VISIBLE_ITEMS) == everything
        assert_clean(record)


@pytest.mark.parametrize("lang,path", [("fi", "calendar/"), ("sv", "calendar/"),
                                       ("fi", "calendar/kerava/2026-w49/"),
                                       ("sv", "calendar/kerava/2026-w49/")])
def test_calendar_with_filters_open_passes_axe(browser, axe_path, served_site, built_site,
                                               lang, path):
    url = calendar_url(served_site, built_site, lang, path)
    with visit(browser, url, clock=dt.datetime(2026, 11, 25, 12, 0, tzinfo=HELSINKI)) as (
            page, record):
        assert page.evaluate("document.documentElement.lang") == lang
        open_filters(page)
        assert page.locator("[data-stale]").is_visible() == (path == "calendar/")
        violations = axe_violations(page, axe_path)
        assert_clean(record)
        assert not violations, f"{url}: axe violations:\n{describe(violations)}"


@pytest.mark.parametrize("path", ["calendar/", "calendar/jarvenpaa/2026-w53/"])
def test_calendar_has_no_horizontal_scroll_at_320_px(browser, served_site, built_site, path):
    url = calendar_url(served_site, built_site, path=path)
    with visit(browser, url, width=320, height=640,
               clock=dt.datetime(2026, 11, 25, 12, 0, tzinfo=HELSINKI)) as (page, record):
        open_filters(page)
        assert_no_horizontal_scroll(page)
        assert_clean(record)


# -- keyboard, focus and motion ------------------------------------------------------------------

def tab_to(page, selector: str, limit: int = 40) -> None:  # noqa: ANN001
    """Press Tab until the element matching selector has the focus (as a keyboard user would)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize("kind", ["activity", "calendar", "handout", "search"])
def test_language_switch_with_the_keyboard_keeps_the_page(browser, served_site, built_site,
                                                          targets, kind):
    url = url_for(served_site, built_site, targets, "fi", kind)
    with visit(browser, url) as (page, record):
        tab_to(page, '.languages a[hreflang="sv"]')
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.evaluate("document.documentElement.lang") == "sv"
        assert page.evaluate("location.href") == url_for(served_site, built_site, targets, "sv",
                                                         kind)
        assert_clean(record)


@pytest.mark.parametrize("kind", ["home", "activity", "handout", "calendar"])
def test_every_focus_stop_is_visible(browser, served_site, built_site, targets, kind):
    url = url_for(served_site, built_site, targets, "fi", kind)
    with visit(browser, url) as (page, record):
        for _ in range(30):
            page.keyboard.press("Tab")
            focus = page.evaluate("""() => {
                const e = document.activeElement, r = e.getBoundingClientRect();
                // a card's link draws its focus ring on ::after, which covers the card
                const styles = [getComputedStyle(e), getComputedStyle(e, '::after')];
                return {what: e.outerHTML.slice(0, 80),
                        outline: styles.some(s => s.outlineStyle !== 'none'
                                             && parseFloat(s.outlineWidth) >= 2),
                        shadow: styles.some(s => s.boxShadow !== 'none'),
                        seen: r.width > 0 && r.height > 0};
            }""")
            if focus["what"].startswith("<body"):
                break
            assert focus["seen"] and (focus["outline"] or focus["shadow"]), \
                f"{url}: no visible focus on {focus['what']}"
        assert_clean(record)


def test_reduced_motion_turns_off_smooth_scrolling_and_transitions(browser, served_site):
    with visit(browser, served_site.url) as (page, record):
        page.emulate_media(reduced_motion="reduce")
        moving = page.evaluate("""() => {
            const found = [];
            if (getComputedStyle(document.documentElement).scrollBehavior !== 'auto')
                found.push('html scroll-behavior');
            for (const e of document.querySelectorAll('*')) {
                const s = getComputedStyle(e);
                if (s.transitionDuration.split(',').some(d => parseFloat(d) > 0) ||
                    s.animationName !== 'none')
                    found.push(e.tagName.toLowerCase() + '.' + e.className);
            }
            return found.slice(0, 10);
        }""")
        assert moving == [], moving
        assert_clean(record)


def test_calendar_weeks_with_the_keyboard(browser, served_site, built_site):
    url = calendar_url(served_site, built_site)
    with visit(browser, url, clock=ON_BUILD_DAY) as (page, record):
        tab_to(page, "a[rel=next]", limit=200)
        week = page.evaluate("document.activeElement.getAttribute('href')")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.evaluate("location.href") == urljoin(url, week)
        tab_to(page, "a[rel=prev]", limit=200)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.evaluate("location.href") == url
        assert_clean(record)


def test_calendar_language_filter(browser, served_site, built_site):
    url = calendar_url(served_site, built_site) + "?language=sv"
    with visit(browser, url, clock=ON_BUILD_DAY) as (page, record):
        shown = page.evaluate("""() => Array.from(
            document.querySelectorAll('section[data-day] li[data-activity]'))
            .filter(li => li.offsetParent !== null).map(li => li.dataset.languages)""")
        assert shown and all("sv" in languages.split() for languages in shown), shown
        assert page.is_checked("input[name=language][value=sv]")
        assert_clean(record)
