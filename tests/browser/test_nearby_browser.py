"""'Nearest first' on the activities and places lists (assets/nearby.js) in a real browser, with
a fake position: the order by great-circle distance over every page of the list, the distances
in the page's language, restoring the order, a refused or failing position, the keyboard, no
requests elsewhere and axe-core after sorting. Also the coordinates the pages carry and the
OpenStreetMap links. (The calendar's: tests/browser/test_phone_first_screen.py.)"""

from __future__ import annotations

import math
import re

import pytest

from hyteguide.web.urls import path_of
from tests.browsing import assert_clean, axe_violations, describe, visit

pytestmark = pytest.mark.browser

HOME = {"latitude": 60.40, "longitude": 25.10}  # Kerava
GRANTED = {"geolocation": HOME, "permissions": ["geolocation"]}
STATUS = "[data-nearby-status]"
SORT = "[data-nearby-sort]"
RESTORE = "[data-nearby-restore]"
DISTANCE = {"fi": re.compile(r"^Etäisyys noin (\d+(?:,\d)?) km$"),
            "sv": re.compile(r"^Avstånd cirka (\d+(?:,\d)?) km$"),
            "en": re.compile(r"^About (\d+(?:\.\d)?) km away$")}


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    d_lat, d_lon = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    a = math.sin(d_lat / 2) ** 2 + \
        math.cos(math.radians(lat1)) * math.cos(math.radians(lat2)) * math.sin(d_lon / 2) ** 2
    return 2 * 6371.0088 * math.atan2(math.sqrt(a), math.sqrt(1 - a))


def prefix(lang: str) -> str:
    return "" if lang == "fi" else f"{lang}/"


def cards(page) -> list[dict]:  # noqa: ANN001 - a Playwright Page
    """The visible cards in their shown order: title, coordinates and the distance shown."""
    return page.evaluate("""() => Array.from(document.querySelectorAll('main .card'))
        .filter(card => card.offsetParent !== null)
        .map(card => {
            const shown = card.querySelector('.card__distance');
            return {title: card.querySelector('.card__title').textContent.trim(),
                    lat: card.dataset.lat === undefined ? null : Number(card.dataset.lat),
                    lon: card.dataset.lon === undefined ? null : Number(card.dataset.lon),
                    distance: shown ? shown.textContent.replace(/\\s+/g, ' ').trim() : null};
        })""")


def expected_order(original: list[dict]) -> list[str]:
    placed = [c for c in original if c["lat"] is not None]
    unplaced = [c for c in original if c["lat"] is None]
    placed.sort(key=lambda c: haversine(HOME["latitude"], HOME["longitude"], c["lat"], c["lon"]))
    return [c["title"] for c in placed + unplaced]


def kilometres(text: str, lang: str) -> float:
    found = DISTANCE[lang].match(text.replace("\u00a0", " ").replace("\u202f", " "))
    assert found, f"{text!r} is not a distance in {lang}"
    return float(found.group(1).replace(",", "."))


def sort_and_wait(page) -> None:  # noqa: ANN001
    page.click(SORT)
    page.wait_for_selector(f"{RESTORE}:not([hidden])")


def check_sorted(page, original: list[dict], lang: str) -> None:  # noqa: ANN001
    shown = cards(page)
    assert [c["title"] for c in shown] == expected_order(original)
    for card in shown:
        if card["lat"] is None:
            assert card["distance"] is None, card
            continue
        km = haversine(HOME["latitude"], HOME["longitude"], card["lat"], card["lon"])
        assert abs(kilometres(card["distance"], lang) - km) <= (0.051 if km < 10 else 0.51), card


# -- the pages as built -------------------------------------------------------------------------

def test_cards_carry_their_places_coordinates(built_site, example_content):
    places = {p.slug: p for p in example_content.places}
    soup = built_site.soup("activities/index.html")
    by_url = {built_site.base_url + path_of(a): a for o in example_content.organisations
              for a in o.activities}
    with_coordinates = 0
    for card in soup.select("main .card"):
        activity = by_url[built_site.resolve("activities/index.html",
                                             card.select_one(".card__title a")["href"])]
        place = places.get(activity.place) if activity.place else None
        if place and place.coordinates:
            assert (float(card["data-lat"]), float(card["data-lon"])) == place.coordinates
            with_coordinates += 1
        else:
            assert not card.has_attr("data-lat") and not card.has_attr("data-lon")
    assert 0 < with_coordinates < len(soup.select("main .card")), "the example needs both kinds"


def test_controls_are_hidden_in_the_html_and_only_on_the_lists_and_the_calendar(built_site):
    for lang in built_site.languages:
        for path in ("activities/", "places/", "calendar/"):
            soup = built_site.soup(built_site.localised(path, lang) + "index.html")
            controls = soup.select("[data-nearby]")
            assert len(controls) == 1 and controls[0].has_attr("hidden")
            assert controls[0].select_one("[role=status]") is not None
            script = soup.select_one('head script[src$="assets/nearby.js"]')
            if path == "calendar/":  # loaded by calendar.js when first asked for
                assert script is None and controls[0]["data-script"].endswith("nearby.js")
            else:
                assert script is not None
    users = [p for p in built_site.pages() if built_site.soup(p).select("[data-nearby]")]
    lists = [p for p in built_site.pages()  # with their later pages: activities/2/ …
             if re.fullmatch(r"(\w\w/)?(activities|places)/(\d+/)?index\.html", p)
             or re.fullmatch(r"(\w\w/)?calendar/.*index\.html", p)]
    assert sorted(users) == sorted(lists) and len(lists) >= 3 * len(built_site.languages)


def test_map_links_on_place_and_activity_pages(built_site, example_content):
    places = {p.slug: p for p in example_content.places}
    for place in example_content.places:
        soup = built_site.soup(path_of(place) + "index.html")
        links = soup.select("main a.map-link")
        if not place.coordinates:
            assert not links
            continue
        lat, lon = place.coordinates
        assert [a["href"] for a in links] == [
            f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"]
    for activity in (a for o in example_content.organisations for a in o.activities):
        for lang in built_site.languages:
            soup = built_site.soup(built_site.localised(path_of(activity), lang) + "index.html")
            links = soup.select("main a.map-link")
            place = places.get(activity.place) if activity.place else None
            if place and place.coordinates:
                assert len(links) == 1 and links[0]["href"].startswith(
                    f"https://www.openstreetmap.org/?mlat={place.coordinates[0]}&mlon=")
                assert links[0].get_text(strip=True)
            else:
                assert not links


def whole_list(built_site, lang: str) -> list[dict]:  # noqa: ANN001
    """The cards of every page of the activities list in order, as cards() reads them."""
    pages = sorted((p for p in built_site.pages() if re.fullmatch(
        re.escape(prefix(lang)) + r"activities/(\d+/)?index\.html", p)),
        key=lambda p: int(p.split("/")[-2]) if p.split("/")[-2].isdigit() else 1)
    assert len(pages) > 1, "the example's activities should fill more than one page"
    return [{"title": card.select_one(".card__title").get_text().strip(),
             "lat": float(card["data-lat"]) if card.has_attr("data-lat") else None,
             "lon": float(card["data-lon"]) if card.has_attr("data-lon") else None,
             "distance": None}
            for page in pages for card in built_site.soup(page).select("main .card")]


# -- in the browser -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_activities_sorted_by_distance_and_restored(browser, served_site, built_site, axe_path,
                                                    lang):
    url = f"{served_site.url}{prefix(lang)}activities/"
    with visit(browser, url, context_options=GRANTED) as (page, record):
        assert page.locator(SORT).is_visible()
        assert not page.locator(RESTORE).is_visible()
        original = cards(page)
        assert all(c["distance"] is None for c in original)
        sort_and_wait(page)
        every = whole_list(built_site, lang)  # every page's cards, not only this page's
        assert len(every) > len(original)
        check_sorted(page, every, lang)
        status = page.locator(STATUS).inner_text()
        assert status and page.locator(STATUS).get_attribute("role") == "status"
        violations = axe_violations(page, axe_path)
        assert not violations, describe(violations)

        page.click(RESTORE)
        assert [c["title"] for c in cards(page)] == [c["title"] for c in original]
        assert all(c["distance"] is None for c in cards(page))
        assert not page.locator(RESTORE).is_visible()
        assert page.evaluate("document.activeElement.hasAttribute('data-nearby-sort')")
        assert page.locator(STATUS).inner_text() not in ("", status)
        assert_clean(record)


def test_places_sorted_into_one_list_and_back(browser, served_site, axe_path):
    with visit(browser, served_site.url + "places/", context_options=GRANTED) as (page, record):
        original = cards(page)
        groups = page.locator("[data-nearby-group]")
        assert groups.count() > 1 and groups.first.is_visible()
        assert not page.locator("[data-nearby-sorted]").is_visible()
        sort_and_wait(page)
        assert page.locator("[data-nearby-sorted]").is_visible()
        assert all(not groups.nth(i).is_visible() for i in range(groups.count()))
        check_sorted(page, original, "fi")
        assert all(c["distance"] for c in cards(page))  # every example place has coordinates
        violations = axe_violations(page, axe_path)
        assert not violations, describe(violations)

        page.click(RESTORE)
        assert cards(page) == original
        assert groups.first.is_visible() and not page.locator("[data-nearby-sorted]").is_visible()
        assert_clean(record)


def test_keyboard_only(browser, served_site, built_site):
    with visit(browser, served_site.url + "activities/", context_options=GRANTED) as (page,
                                                                                      record):
        original = cards(page)
        page.locator(".browse-by a").last.focus()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.hasAttribute('data-nearby-sort')")
        page.keyboard.press("Enter")
        page.wait_for_selector(f"{RESTORE}:not([hidden])")
        check_sorted(page, whole_list(built_site, "fi"), "fi")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.hasAttribute('data-nearby-restore')")
        page.keyboard.press("Space")
        assert [c["title"] for c in cards(page)] == [c["title"] for c in original]
        assert page.evaluate("document.activeElement.hasAttribute('data-nearby-sort')")
        assert_clean(record)


def test_refused_permission_is_said_politely(browser, served_site):
    with visit(browser, served_site.url + "activities/",
               context_options={"permissions": []}) as (page, record):
        original = cards(page)
        page.click(SORT)
        page.wait_for_function(
            "() => document.querySelector('[data-nearby-status]').textContent.includes('lupaa')")
        assert "Et antanut lupaa sijaintiisi" in page.locator(STATUS).inner_text()
        assert cards(page) == original
        assert not page.locator(RESTORE).is_visible()
        assert_clean(record)


@pytest.mark.parametrize("code,words", [(2, "ei juuri nyt saatu"), (3, "kesti liian kauan")])
def test_unavailable_and_timeout_are_said(browser, served_site, code, words):
    with visit(browser, served_site.url + "activities/", context_options=GRANTED) as (page,
                                                                                      record):
        page.add_init_script(
            "navigator.geolocation.getCurrentPosition = (ok, fail) => "
            f"setTimeout(() => fail({{code: {code}, message: 'test'}}), 10);")
        page.reload(wait_until="load")
        original = cards(page)
        page.click(SORT)
        page.wait_for_function(
            f"() => document.querySelector('[data-nearby-status]').textContent.includes('{words}')")
        assert cards(page) == original
        assert_clean(record)


def test_position_is_asked_only_when_the_button_is_pressed(browser, served_site):
    with visit(browser, served_site.url + "places/", context_options=GRANTED) as (page, record):
        page.add_init_script("""
            window.__asked = 0;
            const real = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
            navigator.geolocation.getCurrentPosition = (...args) => {
                window.__asked += 1; return real(...args); };
            navigator.geolocation.watchPosition = () => { window.__asked += 100; return 0; };""")
        page.reload(wait_until="load")
        # nearby.js shows its controls last, once it has set everything up: it had its chance
        page.wait_for_selector("[data-nearby]", state="visible")
        assert page.evaluate("window.__asked") == 0
        sort_and_wait(page)
        assert page.evaluate("window.__asked") == 1
        assert_clean(record)


def test_no_button_without_geolocation_or_javascript(browser, served_site):
    url = served_site.url + "activities/"
    with visit(browser, url) as (page, record):
        page.add_init_script("delete Navigator.prototype.geolocation;")
        page.reload(wait_until="load")
        assert page.evaluate("!('geolocation' in navigator)")
        assert not page.locator(SORT).is_visible()
        assert_clean(record)
    with visit(browser, url, context_options={"java_script_enabled": False}) as (page, record):
        assert page.locator(SORT).count() == 1 and not page.locator(SORT).is_visible()
        assert not page.locator("[data-nearby]").is_visible()
        assert_clean(record)
