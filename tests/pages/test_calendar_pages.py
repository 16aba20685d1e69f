"""Calendar pages: the day-by-day agenda of the region and of each municipality, one page per ISO
week from today's week to the horizon, in every language; built HTML parsed with BeautifulSoup.

Expected pages and days are computed here from the dates alone; expected occurrences come from
`guide.occurrences` of the derive stage (the same source as the activity pages).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest

from hyteguide.build.pipeline import build
from hyteguide.derive.guide import derive
from tests.conftest import TODAY, BuiltSite
from tests.helpers import SITE_YAML, make_site

FILTER_ATTRIBUTES = ("data-audiences", "data-themes", "data-format", "data-free",
                     "data-low-threshold")
WEEK_WORD = {"fi": "viikko", "sv": "vecka", "en": "week"}


# -- what the pages should be -------------------------------------------------------------------

def window(today: dt.date, horizon_weeks: int) -> list[dt.date]:
    """Every day of the calendar: today … today + horizon_weeks weeks, inclusive."""
    last = today + dt.timedelta(weeks=horizon_weeks)
    return [today + dt.timedelta(days=n) for n in range((last - today).days + 1)]


def expected_weeks(today: dt.date, horizon_weeks: int) -> list[tuple[str, list[dt.date]]]:
    """(path below the calendar's folder, days) per week: '' for today's week, then
    '2026-w49/' … for each later ISO week up to the horizon."""
    weeks: dict[tuple[int, int], list[dt.date]] = {}
    for day in window(today, horizon_weeks):
        weeks.setdefault(day.isocalendar()[:2], []).append(day)
    return [("" if i == 0 else f"{year}-w{week:02}/", days)
            for i, ((year, week), days) in enumerate(sorted(weeks.items()))]


def scopes(content) -> list[str | None]:  # noqa: ANN001 - a model.Content
    return [None, *content.vocabulary.group("municipalities")]


def folder(scope: str | None) -> str:
    return "calendar/" if scope is None else f"calendar/{scope}/"


@pytest.fixture(scope="module")
def guide(example_content):
    return derive(example_content, TODAY)


@pytest.fixture(scope="module")
def weeks(example_content) -> list[tuple[str, list[dt.date]]]:
    return expected_weeks(TODAY, example_content.site.horizon_weeks)


@pytest.fixture(scope="module")
def calendar_pages(built_site, example_content, weeks) -> list[tuple[str, str, str | None, int]]:
    """(file, lang, municipality or None, week index) of every calendar page."""
    return [(built_site.localised(folder(scope) + path + "index.html", lang), lang, scope, index)
            for lang in built_site.languages for scope in scopes(example_content)
            for index, (path, _) in enumerate(weeks)]


def expected_keys(occurrences) -> list[tuple]:  # noqa: ANN001
    return [(o.activity.key, o.date.isoformat(),
             f"{o.time.start:%H:%M}" if o.time else None,
             None if o.time is None or o.time.end is None  # no time, or a start alone
             else "24:00" if o.time.end == dt.time.max else f"{o.time.end:%H:%M}",
             o.cancelled) for o in occurrences]


# -- derive ---------------------------------------------------------------------------------

def test_derived_weeks_cover_the_window_once_in_order(guide, example_content):
    days = window(TODAY, example_content.site.horizon_weeks)
    for calendar in (guide.calendar, *guide.municipality_calendars.values()):
        listed = [day for week in calendar.weeks for day, _ in week.days]
        assert listed == days
        for week in calendar.weeks:
            assert week.start.weekday() == 0 and all(
                day.isocalendar()[:2] == week.start.isocalendar()[:2] for day, _ in week.days)
    assert list(guide.municipality_calendars) == list(
        example_content.vocabulary.group("municipalities"))


def test_derived_weeks_hold_exactly_the_guides_occurrences(guide):
    assert tuple(o for w in guide.calendar.weeks for o in w.occurrences) == guide.occurrences
    for municipality, calendar in guide.municipality_calendars.items():
        mine = tuple(o for o in guide.occurrences
                     if municipality in guide.activity_municipalities[o.activity.key])
        assert tuple(o for w in calendar.weeks for o in w.occurrences) == mine


def test_filters_offer_the_terms_used_on_the_calendar(guide):
    activities = {o.activity for o in guide.occurrences}
    filters = guide.calendar_filters
    assert set(filters.audiences) == {t for a in activities for t in a.audiences}
    assert set(filters.themes) == {t for a in activities for t in a.themes}
    assert set(filters.formats) == {a.format for a in activities}
    assert filters.free == any(a.is_free for a in activities)
    assert filters.low_threshold == any(a.low_threshold for a in activities)


# -- the pages ------------------------------------------------------------------------------

def test_the_example_spans_a_year_end_with_an_iso_week_53(weeks):
    """The other checks mean more when weeks cross a year and week 53 exists (2026 has one)."""
    paths = [path for path, _ in weeks]
    assert paths[0] == "" and paths[1] == "2026-w49/" and "2026-w53/" in paths
    assert "2027-w01/" in paths


def test_calendar_pages_exist_for_the_region_and_every_municipality(built_site, example_content,
                                                                    weeks):
    files = set(built_site.files())
    for lang in built_site.languages:
        for scope in scopes(example_content):
            for path, _ in weeks:
                assert built_site.localised(folder(scope) + path + "index.html", lang) in files
    written = {f for f in files if re.search(r"(^|/)calendar/.*index\.html$", f)}
    assert len(written) == len(built_site.languages) * len(scopes(example_content)) * len(weeks)


def test_weeks_cover_exactly_the_horizon_and_list_every_day_once_in_order(
        built_site, example_content, weeks):
    days = [d.isoformat() for d in window(TODAY, example_content.site.horizon_weeks)]
    for lang in built_site.languages:
        for scope in scopes(example_content):
            listed = []
            for path, week_days in weeks:
                page = built_site.localised(folder(scope) + path + "index.html", lang)
                on_page = [day for day, _ in built_site.calendar_days(page)]
                assert on_page == [d.isoformat() for d in week_days], page
                listed.extend(on_page)
            assert listed == days


def test_each_day_has_a_heading_with_its_date(built_site, calendar_pages):
    for page, _, _, _ in calendar_pages[:30]:
        for section in built_site.soup(page).select("main section[data-day]"):
            heading = section.find(["h2", "h3"])
            assert heading is not None, page
            time = heading.find("time")
            assert time is not None and time["datetime"] == section["data-date"], page


def test_each_page_lists_the_guides_occurrences_of_its_days(built_site, guide, calendar_pages):
    """HTML weeks and drawn weeks alike (a drawn week through its data)."""
    drawn = 0
    for page, _, scope, _ in calendar_pages:
        soup = built_site.soup(page)
        drawn += soup.select_one("[data-week-data]") is not None
        for date, items in built_site.calendar_days(page):
            day = dt.date.fromisoformat(date)
            expected = [o for o in guide.on(day)
                        if scope is None or scope in guide.activity_municipalities[o.activity.key]]
            shown = [(i["activity"], i["date"], i["start"], i["end"], i["cancelled"])
                     for i in items]
            assert shown == expected_keys(expected), f"{page} {day}"
        for section in soup.select("main section[data-day]"):
            if not section.select("li[data-activity]"):
                assert section.select_one(".calendar-day__none"), f"{page}: no 'nothing'"
        assert not soup.select("main li[data-activity]:not(section[data-day] li)"), page
    assert drawn


def test_municipality_pages_show_only_that_municipalitys_activities(built_site, guide,
                                                                    calendar_pages):
    for page, _, scope, _ in calendar_pages:
        if scope is None:
            continue
        for _, items in built_site.calendar_days(page):
            for item in items:
                assert scope in guide.activity_municipalities[item["activity"]], page


def test_the_example_has_cancelled_and_empty_days_on_its_calendar(built_site, calendar_pages):
    """Cancelled occurrences stay on the calendar, marked; some municipality day is empty."""
    cancelled = empty = 0
    for page, lang, _, _ in calendar_pages:
        if lang != built_site.languages[0]:
            continue
        soup = built_site.soup(page)
        for li in soup.select("li[data-cancelled]"):
            assert "occurrence--cancelled" in li["class"] and li.select_one(".flag")
            cancelled += 1
        empty += len(soup.select(".calendar-day__none"))
    assert cancelled and empty


def test_filter_attributes_match_the_activity(built_site, guide, calendar_pages):
    activities = {a.key: a for a in guide.activities}
    vocabulary = guide.content.vocabulary
    checked = 0
    for page, _, _, _ in calendar_pages:
        for _, items in built_site.calendar_days(page):
            for item in items:
                activity = activities[item["activity"]]
                # the terms as written, then their broader terms (a filter for aikuiset keeps
                # an activity for mielenterveyskuntoutujat)
                assert item["audiences"] == list(vocabulary.expand("audiences",
                                                                   activity.audiences))
                assert item["themes"] == list(vocabulary.expand("themes", activity.themes))
                assert item["format"] == activity.format
                assert item["languages"] == list(activity.languages)
                assert item["free"] == activity.is_free
                assert item["low_threshold"] == activity.low_threshold
                checked += 1
    assert checked


def test_the_home_page_carries_the_filter_attributes_too_and_activity_pages_do_not(
        built_site, targets_activity):
    """An activity's own list of dates is not filtered: its items have dates, not terms."""
    items = built_site.soup("index.html").select("li[data-activity]")
    assert items and all(all(li.has_attr(a) for a in FILTER_ATTRIBUTES[:3]) for li in items)
    items = built_site.soup(targets_activity).select("li[data-activity]")
    assert items and not any(li.has_attr(a) for li in items for a in FILTER_ATTRIBUTES[:3])


@pytest.fixture(scope="module")
def targets_activity(guide) -> str:
    activity = next(o.activity for o in guide.occurrences)
    return f"activities/{activity.organisation}/{activity.id}/index.html"


def test_filter_form_offers_the_derived_terms_and_is_hidden_without_javascript(
        built_site, guide, calendar_pages):
    filters = guide.calendar_filters
    for page, _, _, _ in calendar_pages[:: len(calendar_pages) // 10]:
        soup = built_site.soup(page)
        form = soup.select_one("form[data-calendar-filter]")
        assert form is not None and form.has_attr("hidden"), page
        for name, group in (("audience", "audiences"), ("theme", "themes"),
                            ("format", "formats")):
            values = {i["value"] for i in form.select(f"input[name={name}]")}
            assert values == set(getattr(filters, group)), (page, name)
        for box in form.select("input"):
            # checkboxes, and the age field (a number: issue 19)
            assert box["type"] == ("number" if box["name"] == "age" else "checkbox")
            label = form.select_one(f"label[for='{box['id']}']")
            assert label is not None and label.get_text(strip=True), (page, box["id"])
        assert len(form.select("fieldset > legend")) == len(form.select("fieldset"))
        assert soup.select_one("[data-stale]").has_attr("hidden")
        status = soup.select_one("[data-calendar-status]")
        assert status is not None and status.get("role") == "status"


def test_the_script_is_our_own_deferred_asset(built_site, calendar_pages):
    for page, _, _, _ in calendar_pages[:5]:
        scripts = built_site.soup(page).find_all("script")
        assert len(scripts) >= 1
        own = [s for s in scripts if s.get("src", "").endswith("assets/calendar.js")]
        assert len(own) == 1 and own[0].has_attr("defer") and not own[0].string, page
        assert built_site.resolve(page, own[0]["src"]) == built_site.base_url + \
            "assets/calendar.js"
        root = built_site.soup(page).select_one("[data-calendar]")
        assert root["data-timezone"] == "Europe/Helsinki"
        assert root["data-built"] == TODAY.isoformat()
    script = (built_site.root / "assets" / "calendar.js").read_text(encoding="utf-8")
    assert "http://" not in script and "https://" not in script and "import " not in script


def resolve_file(built_site, page: str, href: str) -> str | None:  # noqa: ANN001
    return built_site.file_of(built_site.resolve(page, href))


def test_week_navigation(built_site, weeks, calendar_pages):
    paths = [path for path, _ in weeks]
    files = set(built_site.files())
    for page, lang, scope, index in calendar_pages:
        soup = built_site.soup(page)
        here = built_site.localised(folder(scope), lang)

        def target(href: str, page: str = page) -> str:
            found = resolve_file(built_site, page, href)
            assert found in files, f"{page}: {href} → {found}"
            return found

        # previous and next week, at the top and again at the bottom
        for nav in soup.select("nav.week-pager, nav.calendar-weeks"):
            previous = nav.select_one("a[rel=prev]")
            following = nav.select_one("a[rel=next]")
            if index == 0:
                assert previous is None, page
            else:
                assert target(previous["href"]) == here + paths[index - 1] + "index.html"
            if index == len(paths) - 1:
                assert following is None, page
            else:
                assert target(following["href"]) == here + paths[index + 1] + "index.html"
        # every week, in order, the page itself marked current
        items = soup.select("nav.calendar-weeks ol.week-list a")
        assert [target(a["href"]) for a in items] == [here + p + "index.html" for p in paths]
        assert [a.has_attr("aria-current") for a in items] == \
            [i == index for i in range(len(paths))], page
        assert WEEK_WORD[lang] in items[index].get_text(" ", strip=True).lower()


def test_region_and_municipality_navigation_keeps_the_week(built_site, example_content, weeks,
                                                           calendar_pages):
    for page, lang, _, index in calendar_pages:
        links = built_site.soup(page).select("nav.calendar-scopes a")
        targets = [resolve_file(built_site, page, a["href"]) for a in links]
        expected = {built_site.localised(folder(s) + weeks[index][0] + "index.html", lang)
                    for s in scopes(example_content)}
        assert set(targets) == expected and len(targets) == len(expected), page
        current = [t for a, t in zip(links, targets, strict=True) if a.has_attr("aria-current")]
        assert current == [page]


def test_breadcrumbs_and_main_navigation(built_site, calendar_pages):
    files = set(built_site.files())
    for page, lang, _, _ in calendar_pages:
        soup = built_site.soup(page)
        crumbs = soup.select("nav.breadcrumbs a")
        assert all(resolve_file(built_site, page, a["href"]) in files for a in crumbs), page
        nav = soup.select_one("nav.site-nav a[aria-current]")
        assert nav is not None, page
        assert resolve_file(built_site, page, nav["href"]) == \
            built_site.localised("calendar/index.html", lang)


def test_each_page_links_its_feed(built_site, calendar_pages):
    for page, lang, scope, _ in calendar_pages:
        subscribe = built_site.soup(page).select_one("main .subscribe")
        assert subscribe is not None, page
        feed = "calendar/calendar.ics" if scope is None else f"municipalities/{scope}/calendar.ics"
        hrefs = [a["href"] for a in subscribe.select("a")]
        assert any(h.startswith("webcal://") and h.endswith(built_site.localised(feed, lang))
                   for h in hrefs), (page, hrefs)
        assert built_site.localised(feed, lang) in {
            resolve_file(built_site, page, h) for h in hrefs if not h.startswith("webcal:")}


def test_pages_are_in_their_language(built_site, calendar_pages):
    titles = {}
    for page, lang, _, _ in calendar_pages:
        soup = built_site.soup(page)
        assert soup.html["lang"] == lang
        heading = soup.h1.get_text(" ", strip=True).lower()
        assert WEEK_WORD[lang] in heading, page
        title = soup.title.get_text(strip=True)
        assert title not in titles, f"{page} has the title of {titles.get(title)}"
        titles[title] = page


def test_home_page_links_the_calendar_and_the_region_feed_and_keeps_today_and_week(
        built_site):
    for lang in built_site.languages:
        page = built_site.localised("index.html", lang)
        soup = built_site.soup(page)
        targets = {resolve_file(built_site, page, a["href"]) for a in soup.select("main a[href]")}
        assert built_site.localised("calendar/index.html", lang) in targets
        assert built_site.localised("calendar/calendar.ics", lang) in targets
        assert soup.select_one("#today-heading") and soup.select_one("#week-heading")


def test_calendar_pages_are_byte_identical_across_two_builds(built_site, second_build):
    again = second_build.root
    for path in sorted(built_site.root.rglob("*")):
        relative = path.relative_to(built_site.root).as_posix()
        if path.is_file() and re.search(r"(^|/)calendar/", relative):
            assert (again / relative).read_bytes() == path.read_bytes(), relative
    assert (again / "assets" / "calendar.js").read_bytes() == \
        (built_site.root / "assets" / "calendar.js").read_bytes()


# -- horizon_weeks ------------------------------------------------------------------------------

@pytest.mark.parametrize("today", [dt.date(2026, 11, 23), dt.date(2026, 11, 26),
                                   dt.date(2026, 11, 29)], ids=["monday", "thursday", "sunday"])
def test_a_two_week_horizon_gives_two_or_three_week_pages(tmp_path, sources, today):
    content = make_site(tmp_path, {"site.yaml": SITE_YAML + "horizon_weeks: 2\n"})
    templates = tmp_path / "templates"
    shutil.copytree(sources.templates, templates)
    output = tmp_path / "site"
    build(content, templates, output, today=today, base_url="https://example.org/guide/")
    expected = expected_weeks(today, 2)
    assert 2 <= len(expected) <= 3
    for lang_prefix in ("", "sv/", "en/"):
        for scope in ("calendar", "calendar/kerava", "calendar/tuusula"):
            base = output / lang_prefix / scope
            pages = sorted(p.parent.name for p in base.glob("*/index.html")
                           if re.fullmatch(r"\d{4}-w\d\d", p.parent.name))
            pages = ["."] * (base / "index.html").is_file() + pages
            assert pages == ["." if not path else path.rstrip("/")
                             for path, _ in expected], (lang_prefix, scope, pages)
    site = BuiltSite(output, ("fi", "sv", "en"), "https://example.org/guide/")
    listed = [day for path, _ in expected
              for day, _ in site.calendar_days(f"calendar/{path}index.html")]
    assert listed == [d.isoformat() for d in window(today, 2)]

    def activities(scope: str) -> set[str]:
        return {item["activity"] for path, _ in expected
                for _, items in site.calendar_days(f"calendar/{scope}/{path}index.html")
                for item in items}
    assert "yhdistys/olohuone" in activities("kerava")  # weekly on Tuesdays at Kerava
    assert "yhdistys/olohuone" not in activities("tuusula")
