"""Pagination: long lists as numbered pages of a bounded size at stable addresses (paging.py).

First paging.py on its own; then a region written by bench/generate.py and built with small
page sizes (conftest.SMALL_PAGES), so that every kind of paging happens in it: the lists of
organisations, activities, places and partnerships, a term's two lists, calendar weeks split
by day and days split into pages, handouts split by theme and paged, and the home page's
previews. Page by page, in every language: every item is on exactly one page, in the
language's order; no page holds more than its size; the pagination is an accessible
navigation whose links resolve; titles carry the page number; the sitemap lists every page.
Last, a larger generated region built with the real sizes: no page weighs over the budget.
"""

from __future__ import annotations

import datetime as dt
import gzip
import math
import re
from pathlib import Path

import pytest

from hyteguide.content.load import load_content
from hyteguide.derive.guide import derive, sort_key
from hyteguide.pages import paging
from hyteguide.pages.paging import (
    Ordered,
    SortKeys,
    by_title,
    calendar_layout,
    handout_sections,
    page_paths,
    paginate,
)
from hyteguide.web.urls import calendar_data_path, calendar_path, path_of
from tests.conftest import (
    BASE_URL,
    REPO,
    SMALL_PAGES,
    TAXONOMY_GROUPS,
    TODAY,
    BuiltSite,
    generate_region,
    is_editor_page,
)
from tests.helpers import read_sitemaps

SIZES = paging.PageSizes(**SMALL_PAGES)
PAGE_WORD = {"fi": "sivu", "sv": "sida", "en": "page"}
# Bytes gzipped a page may weigh with its CSS and JS: the limit is 50 KB; this margin catches
# growth. A calendar day weighs about 35 KB: 2 KB of it is assets/lib/filters.js, the filter
# code the calendar, the handout and search share; 3.5 KB came with issue 20's first screen
# (each occurrence's badges and place coordinates, the date presets, the compact header's CSS;
# nearby.js is loaded only when asked for), and 1.5 KB with its search and print (langswitch.js
# on every page, the handout's print CSS): about 37 KB.
BUDGET = 38 * 1024
WEIGHED_ORGANISATIONS = 150  # enough that an unpaged list or week would be over the budget


# -- paging.py ---------------------------------------------------------------------------------

def test_paginate_keeps_the_first_path_and_numbers_the_rest():
    pages = paginate(101, 50, "activities/")
    assert [p.path for p in pages] == ["activities/", "activities/2/", "activities/3/"]
    assert [(p.start, p.end) for p in pages] == [(0, 50), (50, 100), (100, 101)]
    assert all(p.total == 101 and p.count == 3 and p.paged for p in pages)
    assert (pages[0].previous, pages[0].next) == (None, "activities/2/")
    assert (pages[2].previous, pages[2].next) == ("activities/2/", None)
    assert pages[1].first_shown == 51


def test_a_short_or_empty_list_is_one_page_without_pagination():
    for total in (0, 1, 50):
        (page,) = paginate(total, 50, "x/")
        assert page.path == "x/" and not page.paged and page.end == total
        assert [link.number for link in page.links()] == [1]


def test_later_pages_can_live_elsewhere_than_the_first():
    assert page_paths("calendar/2026-w49/", 3, "calendar/2026-11-30/") == (
        "calendar/2026-w49/", "calendar/2026-11-30/2/", "calendar/2026-11-30/3/")
    assert calendar_path("kerava", day=dt.date(2026, 12, 1)) == "calendar/kerava/2026-12-01/"


@pytest.mark.parametrize("number,shown", [
    (1, [1, 2, 3, None, 20]), (4, [1, 2, 3, 4, 5, 6, None, 20]),
    (10, [1, None, 8, 9, 10, 11, 12, None, 20]), (20, [1, None, 18, 19, 20]),
    (5, [1, 2, 3, 4, 5, 6, 7, None, 20])])
def test_links_show_the_ends_and_the_neighbours_and_hide_no_single_page(number, shown):
    page = paginate(20 * 10, 10, "x/")[number - 1]
    links = page.links()
    assert [link.number for link in links] == shown
    assert [link.number for link in links if link.current] == [number]
    assert all(link.path == page.paths[link.number - 1] for link in links if link.number)


def test_ordered_pages_partition_the_list_in_each_languages_order():
    class Item:
        def __init__(self, fi: str, sv: str):
            self.title = type("T", (), {"get": lambda _, lang: ({"fi": fi, "sv": sv}[lang],)})()

    items = [Item(f"ö{n}", f"a{n}") if n % 2 else Item(f"a{n}", f"ö{n}") for n in range(23)]
    ordered = Ordered(items, by_title)
    for lang in ("fi", "sv"):
        pages = paginate(len(ordered), 5, "x/")
        shown = [x for page in pages for x in ordered.page(page).value(lang)]
        assert shown == sorted(items, key=lambda x: sort_key(x.title.get(lang)[0]))


def test_lists_sharing_sort_keys_work_each_key_out_once_and_sort_before_use():
    asked = []

    def by_number(item, lang):
        asked.append((item, lang))
        return -item if lang == "sv" else item

    items = [object() for _ in range(3)]  # items are known by identity, not by equality
    numbers = {id(item): n for n, item in enumerate(items)}
    keys = SortKeys()
    whole = Ordered(items, lambda item, lang: by_number(numbers[id(item)], lang), keys)
    part = Ordered([items[2], items[0]], whole.key, keys)
    for ordered in (whole, part):
        ordered.prepare(("fi", "sv"))
    assert len(asked) == 6  # three items, two languages, for both lists
    assert whole("fi") == tuple(items) and whole("sv") == tuple(reversed(items))
    assert part("fi") == (items[0], items[2]) and part("sv") == (items[2], items[0])
    assert len(asked) == 6  # sorted already: nothing asked again


def test_handout_sections_follow_the_vocabulary_and_keep_the_unthemed():
    class Activity:
        def __init__(self, name: str, themes: tuple[str, ...]):
            self.name, self.themes = name, themes

    a, b, c = Activity("a", ("liikunta", "kulttuuri")), Activity("b", ()), Activity("c", ("x",))
    sections = handout_sections([a, b, c], "handout/k/", ["kulttuuri", "x", "liikunta"])
    assert [(s.theme, [x.name for x in s.activities], s.path) for s in sections] == [
        ("kulttuuri", ["a"], "handout/k/themes/kulttuuri/"), ("x", ["c"], "handout/k/themes/x/"),
        ("liikunta", ["a"], "handout/k/themes/liikunta/"), ("", ["b"], "handout/k/other/")]


def test_later_weeks_are_drawn_from_their_data(example_content):
    guide = derive(example_content, TODAY)
    layouts = calendar_layout(guide.calendar, 1)
    assert not layouts[0].drawn and layouts[0].data is None
    for index, (week, layout) in enumerate(zip(guide.calendar.weeks, layouts, strict=True)):
        if index:
            assert layout.drawn and layout.data == calendar_data_path(None, week.slug)
            assert [(p.week, p.days, p.page) for p in layout.pages] == [(index, (), None)]
            assert not layout.split and layout.path == calendar_path(None, week.slug)


def test_the_nearest_week_is_split_by_day_and_a_long_day_paged(example_content):
    guide = derive(example_content, TODAY)
    biggest = max(len(d) for _, d in guide.calendar.weeks[0].days)
    size = biggest - 1  # the biggest day needs two pages
    layouts = calendar_layout(guide.calendar, size)[:1]
    assert layouts[0].split
    for week, layout in zip(guide.calendar.weeks[:1], layouts, strict=True):
        shown = [o for page in layout.pages for _, day in page.days for o in day]
        assert shown == list(week.occurrences)
        assert all(sum(len(d) for _, d in page.days) <= size for page in layout.pages)
        if len(week.occurrences) <= size:
            assert len(layout.pages) == 1 and layout.pages[0].page is None and not layout.split
            continue
        assert [d.day for d in layout.days] == [day for day, _ in week.days]
        assert layout.days[0].path == layout.path  # the week's address shows its first day
        for link, (day, occurrences) in zip(layout.days, week.days, strict=True):
            assert link.count == len(occurrences)
            mine = [p for p in layout.pages if p.day == day]
            assert mine[0].path == link.path
            assert [p.page.number for p in mine] == list(range(1, len(mine) + 1))
            assert all(p.path == f"{calendar_path(day=day)}{p.page.number}/" for p in mine[1:])


# -- the paged region: helpers -----------------------------------------------------------------

@pytest.fixture(scope="module")
def guide(paged_region):
    return derive(load_content(paged_region, TODAY), TODAY)


def page_file(path: str) -> str:
    return path + "index.html"


def chain(site: BuiltSite, first: str, lang: str, later: str | None = None) -> list[str]:
    """The files of a list's pages as they are on disk: first, then later/2/, later/3/, …"""
    files = set(site.files())
    found = [site.localised(page_file(first), lang)]
    number = 2
    while site.localised(page_file(f"{later or first}{number}/"), lang) in files:
        found.append(site.localised(page_file(f"{later or first}{number}/"), lang))
        number += 1
    return found


def targets(site: BuiltSite, page: str, links) -> list[str]:  # noqa: ANN001 - bs4 tags
    return [site.file_of(site.resolve(page, a["href"])) for a in links]


def expected_files(site: BuiltSite, items, lang: str, key) -> list[str]:  # noqa: ANN001
    return [site.localised(page_file(path_of(x)), lang)
            for x in sorted(items, key=lambda x: key(x, lang))]


def cards(site: BuiltSite, page: str, within: str = "main") -> list[str]:
    return targets(site, page, site.soup(page).select(f"{within} .card__title a"))


def by_name_of(target, lang: str) -> str:  # noqa: ANN001
    return sort_key(target.name.get(lang)[0])


def title_of(target, lang: str) -> str:  # noqa: ANN001
    return sort_key(target.title.get(lang)[0])


# -- the paged region: lists ---------------------------------------------------------------------

LISTS = {"organisations/": ("organisations", by_name_of), "activities/": ("activities", title_of),
         "partnerships/": ("partnerships", by_name_of)}


@pytest.mark.parametrize("base", LISTS)
def test_each_item_of_a_list_is_on_exactly_one_page_in_the_languages_order(paged_site, guide,
                                                                             base):
    attribute, key = LISTS[base]
    items = getattr(guide, attribute)
    assert len(items) > SIZES.cards, "the region should page this list"
    for lang in paged_site.languages:
        pages = chain(paged_site, base, lang)
        assert len(pages) == math.ceil(len(items) / SIZES.cards), (base, lang)
        shown = [card for page in pages for card in cards(paged_site, page)]
        assert shown == expected_files(paged_site, items, lang, key), (base, lang)
        assert all(len(cards(paged_site, page)) <= SIZES.cards for page in pages)


def test_places_are_paged_by_municipality_then_name(paged_site, guide):
    vocabulary = guide.content.vocabulary

    def key(place, lang: str) -> tuple[str, str]:  # noqa: ANN001
        label = vocabulary.term("municipalities", place.municipality).label.get(lang)[0]
        return sort_key(label), sort_key(place.name.get(lang)[0])

    assert len(guide.places) > SIZES.cards
    for lang in paged_site.languages:
        pages = chain(paged_site, "places/", lang)
        shown = [card for page in pages for card in cards(paged_site, page, "[data-nearby-group]")]
        assert shown == expected_files(paged_site, guide.places, lang, key)
        for page in pages:  # each place under its own municipality's heading
            for section in paged_site.soup(page).select("[data-nearby-group]"):
                municipality = section.h2["id"].removeprefix("municipality-")
                for card in cards(paged_site, page, f"#{section.h2['id']} ~ ul"):
                    place = card.removesuffix("index.html").rstrip("/").rsplit("/", 1)[-1]
                    assert guide.place_by_slug[place].municipality == municipality


def test_term_pages_page_their_activities_and_organisations_apart(paged_site, guide):
    checked = 0
    for group in TAXONOMY_GROUPS:
        for term_id, entry in guide.taxonomies[group].items():
            base = f"{group}/{term_id}/"
            for lang in paged_site.languages[:2]:
                activity_pages = chain(paged_site, base, lang)
                organisation_pages = [activity_pages[0]] + chain(
                    paged_site, base, lang, f"{base}organisations/")[1:]
                assert len(activity_pages) == max(1, math.ceil(
                    len(entry.activities) / SIZES.cards)), (base, lang)
                assert len(organisation_pages) == max(1, math.ceil(
                    len(entry.organisations) / SIZES.cards)), (base, lang)
                assert [c for p in activity_pages for c in cards(
                    paged_site, p, "section[aria-labelledby=activities-heading]")] == \
                    expected_files(paged_site, entry.activities, lang, title_of)
                assert [c for p in organisation_pages for c in cards(
                    paged_site, p, "section[aria-labelledby=organisations-heading]")] == \
                    expected_files(paged_site, entry.organisations, lang, by_name_of)
                # a later page shows one list and links to the other on the term's page (a
                # term of organisations only, such as expertise, has no other)
                for page in (activity_pages[1:] + organisation_pages[1:]
                             if entry.activities else ()):
                    soup = paged_site.soup(page)
                    assert len(soup.select("main section[aria-labelledby]")) == 1, page
                    back = soup.select_one("main > p > a[href*='#']")
                    assert paged_site.file_of(paged_site.resolve(page, back["href"])) == \
                        activity_pages[0], page
                checked += len(activity_pages) > 1 and len(organisation_pages) > 1
    assert checked, "no term of the region has both lists paged"


# -- the paged region: the pagination navigation -------------------------------------------------

def paged_pages(site: BuiltSite) -> list[str]:
    """The pages with a pagination (a plain text search first: parsing every page is slow)."""
    return [page for page in site.pages() if '<nav class="pagination"' in site.read(page)
            and site.soup(page).select_one("nav.pagination")]


def number_of(link) -> int:  # noqa: ANN001 - a bs4 Tag
    return int(re.sub(r"\D", "", link.get_text()))


def test_every_paged_page_has_an_accessible_pagination(paged_site):
    pages = paged_pages(paged_site)
    kinds = {p.removeprefix(paged_site.lang_of(p) + "/").split("/")[0] for p in pages}
    assert {"activities", "organisations", "places", "partnerships", "themes", "calendar",
            "handout"} <= kinds, kinds
    files = set(paged_site.files())
    for page in pages:
        soup = paged_site.soup(page)
        lang = paged_site.lang_of(page)
        labels = [nav.get("aria-label") or nav.get("aria-labelledby") for nav in soup("nav")]
        assert all(labels) and len(labels) == len(set(labels)), (page, labels)
        for nav in soup.select("nav.pagination"):
            assert nav["aria-label"].strip(), page
            numbered = [a for a in nav.select("a") if a.select_one(".visually-hidden")]
            current = [a for a in nav.select("a[aria-current]")]
            assert len(current) == 1 and current[0]["aria-current"] == "page", page
            hidden = current[0].select_one(".visually-hidden").get_text(strip=True).lower()
            assert hidden == PAGE_WORD[lang], page
            numbers = [number_of(a) for a in numbered]
            assert numbers[0] == 1 and numbers == sorted(set(numbers)), (page, numbers)
            here, last = number_of(current[0]), numbers[-1]
            resolved = {number_of(a): paged_site.file_of(paged_site.resolve(page, a["href"]))
                        for a in numbered}
            assert all(target in files for target in resolved.values()), page
            steps = [a for a in nav.select("a") if a not in numbered]
            assert len(steps) == (here > 1) + (here < last), page
            for step in steps:  # previous and next: the neighbouring pages
                target = paged_site.file_of(paged_site.resolve(page, step["href"]))
                other = paged_site.soup(target).select(
                    f"nav.pagination[aria-label='{nav['aria-label']}'] a[aria-current]")
                assert other and number_of(other[0]) in (here - 1, here + 1), (page, target)
            assert resolved[here] == page, (page, resolved[here])


def test_titles_and_headings_carry_the_page_number(paged_site):
    for page in paged_pages(paged_site):
        soup = paged_site.soup(page)
        lang = paged_site.lang_of(page)
        for nav in soup.select("nav.pagination")[:1]:
            current = nav.select_one("a[aria-current]")
            count = max(number_of(a.parent) for a in nav.select("a > .visually-hidden"))
            words = soup.title.get_text(" ", strip=True).lower()
            number = number_of(current)
            assert f"{PAGE_WORD[lang]} {number}" in words and str(count) in words, (page, words)
            heading = soup.select_one(".heading-page")
            assert heading is not None and str(number) in heading.get_text(), page
    for lang in paged_site.languages:  # the pages of a list have titles of their own
        titles = [paged_site.soup(p).title.get_text() for p in chain(paged_site, "activities/",
                                                                     lang)]
        assert len(set(titles)) == len(titles)


def test_lists_on_one_page_have_no_pagination(paged_site, guide):
    short = next(e for e in guide.taxonomies["themes"].values()
                 if 0 < len(e.activities) <= SIZES.cards and len(e.organisations) <= SIZES.cards)
    page = page_file(path_of(short.term))
    soup = paged_site.soup(page)
    assert not soup.select("nav.pagination") and not soup.select(".heading-page")
    assert "sivu" not in soup.title.get_text().lower()


def test_every_link_of_the_paged_pages_resolves(paged_site):
    files = set(paged_site.files())
    for page in paged_pages(paged_site) + ["index.html"]:
        for link in paged_site.soup(page).select("a[href]"):
            href = link["href"]
            if href.startswith(("mailto:", "tel:", "webcal:", "https:", "http:")) and \
                    not href.startswith(BASE_URL):
                continue
            target = paged_site.file_of(paged_site.resolve(page, href))
            assert target in files, f"{page}: {href} → {target}"


def test_the_sitemap_lists_every_page(paged_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {paged_site.file_of(loc.text) for part in read_sitemaps(paged_site.root)
              for loc in part.iterfind("s:url/s:loc", ns)}
    pages = [p for p in paged_site.pages()
             if '<meta name="robots" content="noindex">' not in paged_site.read(p)]
    assert not set(pages) - listed
    paged = paged_pages(paged_site)  # every page of every paged list, indexed
    assert len(paged) > 100 and not set(paged) - listed


# -- the paged region: the calendar ----------------------------------------------------------------

def calendar_of(guide, scope: str | None):  # noqa: ANN001, ANN201
    return guide.calendar if scope is None else guide.municipality_calendars[scope]


def calendar_files(site: BuiltSite, guide, lang: str, scope: str | None) -> list[str]:  # noqa: ANN001
    """Every calendar page of a scope, in order: each week's pages, each day's pages."""
    return [site.localised(page_file(p.path or w.path), lang)
            for w in calendar_layout(calendar_of(guide, scope), SIZES.calendar) for p in w.pages]


def test_every_occurrence_is_on_exactly_one_calendar_page(paged_site, guide):
    site = paged_site
    split = paged_days = whole = 0
    files = set(site.files())
    for scope in (None, *guide.municipality_calendars):
        calendar = calendar_of(guide, scope)
        expected = [(o.activity.key, o.date.isoformat())
                    for w in calendar.weeks for o in w.occurrences]
        for lang in site.languages[:1 if scope else 2]:
            pages = calendar_files(site, guide, lang, scope)
            assert set(pages) <= files
            others = tuple(site.localised(calendar_path(m), lang)
                           for m in guide.municipality_calendars if m != scope)
            on_disk = {f for f in files if f.startswith(site.localised(
                calendar_path(scope), lang)) and f.endswith("index.html")
                and not f.startswith(others)}
            assert on_disk == set(pages), scope
            shown = [(item["activity"], item["date"]) for p in pages
                     for _, items in site.calendar_days(p) for item in items]
            assert shown == expected, (scope, lang)
            for page in pages:
                assert len(site.soup(page).select("main li[data-activity]")) <= SIZES.calendar
        for week in calendar_layout(calendar, SIZES.calendar):
            split += week.split
            whole += not week.split and not week.drawn
            paged_days += sum(1 for p in week.pages if p.page and p.page.number == 2)
    assert split and paged_days and whole, (split, paged_days, whole)


def test_a_split_week_links_its_days_with_their_counts(paged_site, guide):
    site = paged_site
    for week in calendar_layout(guide.calendar, SIZES.calendar):
        if not week.split:
            continue
        for lang in site.languages:
            for page in week.pages:
                file = site.localised(page_file(page.path), lang)
                soup = site.soup(file)
                items = soup.select("nav.calendar-day-nav li")
                assert [li["data-day-date"] for li in items] == \
                    [d.isoformat() for d, _ in week.week.days], file
                for li, (day, occurrences) in zip(items, week.week.days, strict=True):
                    assert str(len(occurrences)) in li.get_text(), file
                    a = li.a
                    target = site.file_of(site.resolve(file, a["href"]))
                    assert site.soup(target).select_one(
                        f"section[data-day][data-date='{day.isoformat()}']"), target
                    if day == page.day:
                        assert a["aria-current"] == ("page" if target == file else "true")
                    else:
                        assert not a.has_attr("aria-current")
                if page.page.paged:  # the day's pages, for the script that fetches them
                    root = soup.select_one("[data-calendar]")
                    urls = root["data-paged-urls"].split()
                    assert [site.file_of(site.resolve(file, u)) for u in urls] == \
                        [site.localised(page_file(p), lang) for p in page.page.paths]
                    assert root["data-paged-current"] == str(page.page.number)
                    assert soup.select_one("[data-paged-load][hidden] button[data-paged-all]")
                    scope = soup.select_one(".calendar-filter__scope").get_text()
                    assert str(page.page.total) in scope, file
        return
    pytest.fail("no split week")


# -- the paged region: handouts -------------------------------------------------------------------

def handout_entries(site: BuiltSite, pages: list[str]) -> list[str]:
    return [t for p in pages for t in targets(site, p, site.soup(p).select(
        "ol.handout__list .handout-entry__title a"))]


def test_long_handouts_are_split_by_theme_and_paged(paged_site, guide):
    vocabulary = guide.content.vocabulary
    split = whole = paged = 0
    for term_id, entry in guide.taxonomies["municipalities"].items():
        if not entry.activities:
            continue
        base = f"handout/{term_id}/"
        for lang in paged_site.languages:
            first = paged_site.localised(page_file(base), lang)
            if len(entry.activities) <= SIZES.handout_split:  # one list, paged
                whole += 1
                pages = chain(paged_site, base, lang)
                assert len(pages) == math.ceil(len(entry.activities) / SIZES.handout)
                assert handout_entries(paged_site, pages) == expected_files(
                    paged_site, entry.activities, lang, title_of)
                continue
            split += 1
            chooser = paged_site.soup(first).select("main ul.term-index a")
            themes = [t for t in vocabulary.group("themes")
                      if any(t in a.themes for a in entry.activities)]
            sections = [f"{base}themes/{t}/" for t in themes]
            if any(not a.themes for a in entry.activities):
                sections.append(f"{base}other/")
            assert targets(paged_site, first, chooser) == [
                paged_site.localised(page_file(s), lang) for s in sections]
            for section in sections:
                theme = section.split("/")[-2] if "/themes/" in section else ""
                mine = [a for a in entry.activities if (theme in a.themes if theme
                                                        else not a.themes)]
                pages = chain(paged_site, section, lang)
                assert len(pages) == math.ceil(len(mine) / SIZES.handout)
                assert handout_entries(paged_site, pages) == expected_files(
                    paged_site, mine, lang, title_of), section
                for number, page in enumerate(pages, start=1):
                    soup = paged_site.soup(page)
                    start = soup.select_one("ol.handout__list").get("start")
                    assert start == (str((number - 1) * SIZES.handout + 1) if number > 1
                                     else None), page
                    if len(pages) > 1:
                        paged += 1
                        root = soup.select_one("[data-handout]")
                        assert len(root["data-paged-urls"].split()) == len(pages)
                        assert str(len(mine)) in soup.select_one(
                            ".handout-filter__scope").get_text()
                        assert not soup.select("input[name=theme]"), page
    assert split and whole and paged, (split, whole, paged)


# -- the paged region: the home page -------------------------------------------------------------

def test_the_home_page_shows_a_bounded_preview_with_totals_and_links(paged_site, guide):
    day_total = {d: len(o) for w in guide.calendar.weeks for d, o in w.days}
    assert day_total[TODAY] > SIZES.home_today
    for lang in paged_site.languages:
        home = paged_site.localised("index.html", lang)
        soup = paged_site.soup(home)
        shown = soup.select_one(f".home-today div[data-home-day='{TODAY}']")  # the build day's
        assert not shown.has_attr("hidden")
        today = shown.select("li[data-activity]")
        assert [li["data-date"] for li in today] == [TODAY.isoformat()] * SIZES.home_today
        links = shown.select("a.more-link") + soup.select(".day-more a")
        assert str(day_total[TODAY]) in links[0].get_text()
        days = [TODAY] + [dt.date.fromisoformat(h.time["datetime"])
                          for h in soup.select(".home-week h3.day-heading")]
        # the days after, ready for a reader on a later day (assets/upcoming.js), are hidden
        later = soup.select(".home-today div[data-home-day]")[1:]
        assert len(later) == 6 and all(d.has_attr("hidden") for d in later)
        for day, link in zip(days, links, strict=True):
            target = paged_site.file_of(paged_site.resolve(home, link["href"]))
            # the day's section, or in a later week drawn by its script, the day in its data
            section = paged_site.soup(target).select_one(f"#day-{day.isoformat()}")
            drawn = paged_site.soup(target).select_one("[data-week-data]")
            assert section is not None or (drawn and day.isoformat() in [
                d for d, _ in paged_site.calendar_days(target)]), (home, link["href"])
            assert str(day_total[day]) in link.get_text()
        for heading in soup.select(".home-week h3.day-heading"):
            assert len(heading.find_next_sibling("ul").select("li")) <= SIZES.home_per_day


# -- page weight with the real page sizes ---------------------------------------------------------

def weight(site: Path, page: str, cache: dict[str, int]) -> int:
    """gzip(HTML) plus gzip of each local stylesheet and script the page loads."""
    html = (site / page).read_bytes()
    total = len(gzip.compress(html, 6))
    for ref in re.findall(rb'<(?:link rel="stylesheet" href|script src)="([^"]+)"', html):
        asset = (site / page).parent.joinpath(ref.decode()).resolve()
        if str(asset) not in cache:
            cache[str(asset)] = len(gzip.compress(asset.read_bytes(), 6))
        total += cache[str(asset)]
    return total


def fi_only(region: Path, target: Path) -> Path:
    """bench/run.py's copy of a region in Finnish only (as the benchmark weighs pages)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_run", REPO / "bench" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench.fi_only_copy(region, target)


def test_no_page_weighs_over_the_budget_with_the_real_page_sizes(tmp_path_factory, sources):
    root = tmp_path_factory.mktemp("weighed")
    region = fi_only(generate_region(root / "generated", WEIGHED_ORGANISATIONS), root / "fi")
    from hyteguide.build.pipeline import build

    build(region, sources.templates, root / "site", today=TODAY, base_url=BASE_URL)
    site = root / "site"
    cache: dict[str, int] = {}
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    weights = {page: weight(site, page, cache) for page in pages
               if page != "404.html" and not is_editor_page(page)}
    heaviest = sorted(weights.items(), key=lambda x: -x[1])[:5]
    assert heaviest[0][1] <= BUDGET, heaviest
    assert (site / "activities" / "2" / "index.html").is_file()
    assert any(re.fullmatch(r"calendar/\d{4}-\d\d-\d\d/index\.html", p) for p in weights)



# -- in a browser: the paged pages, their filters and fetching the other pages -------------------

HELSINKI = dt.timezone(dt.timedelta(hours=2))
ON_BUILD_DAY = dt.datetime(2026, 11, 23, 9, 0, tzinfo=HELSINKI)
SHOWN_ITEMS = """(selector) => Array.from(document.querySelectorAll(selector))
    .filter(e => e.offsetParent !== null).map(e => e.dataset.activity)"""


@pytest.fixture(scope="module")
def served_paged(paged_site, tmp_path_factory):
    from tests.conftest import serve_folder

    with serve_folder(paged_site.root, tmp_path_factory.mktemp("www-paged")) as server:
        yield server


@pytest.fixture(scope="module")
def paged_targets(guide) -> dict[str, str]:
    """Language-neutral paths of a page of each paged kind in the paged region."""
    term = next(e for e in guide.taxonomies["audiences"].values()
                if len(e.activities) > SIZES.cards and len(e.organisations) > SIZES.cards)
    week = next(w for w in calendar_layout(guide.calendar, SIZES.calendar) if w.split)
    day = next(p for p in week.pages if p.page.number == 2)
    split, whole = (next(e for e in guide.taxonomies["municipalities"].values()
                         if test(len(e.activities))) for test in (
        lambda n: n > SIZES.handout_split, lambda n: SIZES.handout < n <= SIZES.handout_split))
    section = handout_sections(split.activities, f"handout/{split.term.id}/", tuple(
        guide.content.vocabulary.group("themes")))
    longest = max(section, key=lambda s: len(s.activities))
    assert len(longest.activities) > SIZES.handout
    return {"home": "", "activities": "activities/2/", "places": "places/2/",
            "term": path_of(term.term), "term-activities": f"{path_of(term.term)}2/",
            "term-organisations": f"{path_of(term.term)}organisations/2/",
            "week": week.path, "day": day.path, "handout-themes": f"handout/{split.term.id}/",
            "handout-section": f"{longest.path}2/", "handout-paged": f"handout/{whole.term.id}/2/"}


@pytest.mark.browser
@pytest.mark.parametrize("kind", ["home", "activities", "places", "term", "term-activities",
                                  "term-organisations", "week", "day", "handout-themes",
                                  "handout-section", "handout-paged"])
def test_paged_pages_pass_axe_and_reflow(browser, axe_path, served_paged, paged_site,
                                         paged_targets, kind):
    from tests.browsing import (
        assert_clean,
        assert_no_horizontal_scroll,
        axe_violations,
        describe,
        visit,
    )

    url = served_paged.url + paged_targets[kind]
    with visit(browser, url, clock=ON_BUILD_DAY) as (page, record):
        violations = axe_violations(page, axe_path)
        assert not violations, f"{url}: axe violations:\n{describe(violations)}"
        assert_clean(record)
    with visit(browser, url, width=320, height=640, clock=ON_BUILD_DAY) as (page, record):
        assert_no_horizontal_scroll(page)
        assert_clean(record)


@pytest.mark.browser
def test_a_paged_days_filter_says_it_covers_the_page_until_the_day_is_fetched(
        browser, served_paged, paged_site, paged_targets, guide):
    from tests.browsing import assert_clean, visit

    path = paged_targets["day"]
    layout = next(w for w in calendar_layout(guide.calendar, SIZES.calendar)
                  if any(p.path == path for p in w.pages))
    mine = next(p for p in layout.pages if p.path == path)
    day = mine.day
    everything = [o for d, occurrences in guide.calendar.weeks[mine.week].days if d == day
                  for o in occurrences]
    here = {o.activity.key for _, part in mine.days for o in part}
    elsewhere = sorted({t for o in everything for t in o.activity.themes}
                       - {t for _, part in mine.days for o in part for t in o.activity.themes})
    theme = elsewhere[0] if elsewhere else None
    with visit(browser, served_paged.url + path, clock=ON_BUILD_DAY) as (page, record):
        status = page.locator("[data-calendar-status]")
        assert f"sivu {mine.page.number}/{mine.page.count}" in status.inner_text()
        assert set(page.evaluate(SHOWN_ITEMS, "li[data-activity]")) == here
        if theme:  # nothing on this page has it: the notice must not say there is none at all
            page.goto(served_paged.url + path + f"?theme={theme}")
            notice = page.locator("[data-filter-none]")
            assert notice.is_visible() and "tällä sivulla" not in notice.inner_text().lower()
            assert "muilla sivuilla" in notice.inner_text().lower()
        page.locator("[data-paged-all]").click()
        page.wait_for_function("() => document.querySelector('[data-paged-status]').textContent"
                               ".includes('Kaikki')")
        items = page.locator("section[data-day] li[data-activity]")
        assert items.count() == len(everything)
        assert [items.nth(i).get_attribute("data-activity") for i in range(items.count())] == \
            [o.activity.key for o in everything]
        assert "all=1" in page.url
        assert not page.locator("nav.pagination").is_visible()
        if theme:
            matching = [o.activity.key for o in everything if theme in o.activity.themes]
            assert page.evaluate(SHOWN_ITEMS, "li[data-activity]") == matching
            assert not page.locator("[data-filter-none]").is_visible()
            assert str(len(matching)) in status.inner_text()
        first = items.first.locator("a").first
        target = first.get_attribute("href")
        assert target.startswith(served_paged.url), target  # made absolute: pages differ in depth
        assert_clean(record)


@pytest.mark.browser
def test_a_paged_handout_fetches_its_other_pages_for_the_choices_and_the_printout(
        browser, served_paged, paged_site, paged_targets, guide):
    from tests.browsing import assert_clean, visit

    path = paged_targets["handout-section"]
    section = path.rsplit("/", 2)[0] + "/"
    municipality = section.split("/")[1]
    theme = section.split("/")[-2]
    activities = [a for a in guide.taxonomies["municipalities"][municipality].activities
                  if theme in a.themes]
    audience = sorted({x for a in activities for x in a.audiences})[0]
    url = served_paged.url + path + f"?audience={audience}"
    with visit(browser, url) as (page, record):
        assert "sivu 2/" in page.locator("[data-handout-status]").inner_text()
        links = page.locator("nav.pagination a")
        assert all(f"audience={audience}" in links.nth(i).get_attribute("href")
                   for i in range(links.count())), "the choices go along to the other pages"
        page.locator("[data-paged-all]").click()
        page.wait_for_function("() => document.querySelector('[data-paged-status]').textContent"
                               ".includes('Kaikki')")
        assert page.locator("ol.handout__list > li").count() == len(activities)
        assert page.locator("ol.handout__list").get_attribute("start") is None
        assert not page.locator("h1 .heading-page").is_visible()  # no "page 2/3": all here
        everyone = {t for t in guide.content.vocabulary.group("audiences")
                    if guide.content.vocabulary.term("audiences", t).everyone}
        matching = [a for a in activities if audience in a.audiences
                    or everyone & set(a.audiences)]
        shown = page.evaluate(SHOWN_ITEMS, "ol.handout__list > li")
        assert sorted(shown) == sorted(a.key for a in matching)
        assert "all=1" in page.url and f"audience={audience}" in page.url
        again = page.url
        assert_clean(record)
    with visit(browser, again) as (page, record):  # a shared address fetches them again
        page.wait_for_function("() => document.querySelector('[data-paged-status]').textContent"
                               ".includes('Kaikki')")
        assert sorted(page.evaluate(SHOWN_ITEMS, "ol.handout__list > li")) == \
            sorted(a.key for a in matching)
        assert_clean(record)


def test_an_organisation_named_like_a_page_number_is_refused(tmp_path, sources):
    """'organisations/2/' is the list's page 2: an organisation file '2.md' must not overwrite
    it (nor be overwritten)."""
    from hyteguide.build.pipeline import build
    from hyteguide.common.problems import ContentError
    from tests.helpers import ORGANISATION_MD, make_site

    content = make_site(tmp_path, {"organisations/2.md": ORGANISATION_MD.replace(
        "Keravan Yhdistys ry", "Toinen yhdistys ry")})
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paging, "SIZES", paging.PageSizes(cards=1))
        with pytest.raises(ContentError) as raised:
            build(content, sources.templates, tmp_path / "site", today=TODAY,
                  base_url=BASE_URL)
    assert "organisations/2.md:1:1: error[bad-slug]" in str(raised.value)
    assert not (tmp_path / "site").exists()
