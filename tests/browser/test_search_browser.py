"""The search page in a real browser (Chromium via Playwright), as a visitor uses it: typing,
filters, the shareable URL, the keyboard, no JavaScript, hostile content and axe-core."""

from __future__ import annotations

import datetime as dt
import json
import re
import zoneinfo
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from tests.browsing import (
    assert_clean,
    assert_no_horizontal_scroll,
    axe_violations,
    describe,
    visit,
)
from tests.conftest import TEMPLATES, serve_folder
from tests.helpers import make_site, organisation

pytestmark = pytest.mark.browser

SEARCH_FILE = re.compile(r"/(manifest\.json|lunr\.min\.js|v-[0-9a-f]{12}/(\w+)\.json)$")
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


def search_files(urls: list[str]) -> list[str]:
    """The search files among urls: manifest.json, lunr.min.js, and the files the manifest
    names (i3, d0, facets, terms)."""
    found = (SEARCH_FILE.search(url) for url in urls)
    return [match.group(2) or match.group(1) for match in found if match]


def search_url(served_site, lang: str = "fi", query: str = "") -> str:
    prefix = "" if lang == "fi" else f"{lang}/"
    return f"{served_site.url}{prefix}search/" + (f"?{query}" if query else "")


def settle(page) -> None:  # noqa: ANN001 - a Playwright Page
    """Wait until the results for what was typed or chosen are shown. search.js marks the list
    aria-busy in the very event handler of the typing or choosing (and when it starts, for a
    query in the URL), and unmarks it once the results are shown: by the time Playwright's
    fill, check or key press returns, the list is marked."""
    page.wait_for_selector("[data-search-results]:not([aria-busy])", state="attached")


def requested_so_far(page, requested: list[str]) -> list[str]:  # noqa: ANN001
    """The requests the page has started until now (the URLs `requested` records): a request
    made now, by the page, is reported after every request the page started before it."""
    marker = "seen-so-far=" + str(len(requested))
    with page.expect_request(lambda request: request.url.endswith(marker)):
        page.evaluate("marker => { fetch(location.pathname + '?' + marker); }", marker)
    return [url for url in requested if not url.endswith(marker)]


def type_query(page, text: str) -> None:  # noqa: ANN001
    page.fill("#search-q", text)
    settle(page)


def titles(page) -> list[str]:  # noqa: ANN001
    return page.locator(".search-result__title").all_inner_texts()


def status(page) -> str:  # noqa: ANN001
    return page.locator("[data-search-status]").inner_text()


def params(page) -> dict[str, list[str]]:  # noqa: ANN001
    return parse_qs(urlsplit(page.evaluate("location.href")).query)  # page.url lags replaceState


def open_filters(page) -> None:  # noqa: ANN001
    """Open the filters after a search, and wait for their counts (fetched on opening)."""
    page.click(".search-filters summary")
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-search-filters] [data-count]')]"
        ".some(c => c.textContent)")
    page.wait_for_selector("[data-search-filters]:not([aria-busy])", state="attached")


def site_records(built_site, lang: str = "fi") -> list[dict]:  # noqa: ANN001
    """Each document of the built site with its filter values."""
    from tests.search.test_search import documents, facet_records

    return [{**doc, **record} for doc, record in zip(documents(built_site, lang),
                                                     facet_records(built_site, lang),
                                                     strict=True)]


def test_index_is_fetched_only_when_a_search_starts(browser, served_site):
    requested: list[str] = []
    with visit(browser, search_url(served_site)) as (page, record):
        page.on("request", lambda request: requested.append(request.url))
        page.wait_for_selector("[data-search-filters]:not([hidden])", state="attached")  # ready
        assert not search_files(requested_so_far(page, requested)), requested
        page.focus("#search-q")
        page.wait_for_function("() => document.activeElement.id === 'search-q'")
        assert not search_files(requested_so_far(page, requested)), "fetched on focus"
        type_query(page, "kävely")
        fetched = search_files(requested)
        assert fetched[:2] == ["lunr.min.js", "manifest.json"] or \
            fetched[:2] == ["manifest.json", "lunr.min.js"], fetched
        shards = [name for name in fetched if name.startswith("i")]
        parts = [name for name in fetched if name.startswith("d")]
        assert shards and parts, fetched
        assert len(fetched) == len(set(fetched)), fetched
        # only what this query needs: not every shard, no filters' values, no term list
        manifest = json.loads(page.evaluate("fetch('manifest.json').then(r => r.text())"))
        assert len(shards) < len(manifest["shards"]), fetched
        assert "facets" not in fetched and "terms" not in fetched, fetched
        assert titles(page)
        page.click(".search-filters summary")
        page.wait_for_function("() => document.querySelector('[data-search-filters] [data-count]')"
                               ".textContent")
        assert "facets" in search_files(requested)  # the counts, once the filters are open
        assert_clean(record)


def test_other_pages_never_fetch_the_index(browser, served_site):
    for path in ("", "activities/", "sv/"):
        with visit(browser, served_site.url + path) as (page, record):
            loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
            assert not search_files(loaded), loaded
            assert_clean(record)


@pytest.mark.parametrize("query,expected", [
    ("kesaleiri", "Nuorten kesäleiri"),  # without ä
    ("Kesäleirille", "Nuorten kesäleiri"),  # inflected
    ("kesälei", "Nuorten kesäleiri"),  # still typing
    ("kesleiri", "Nuorten kesäleiri"),  # misspelt: close matches
    ("liikuntaa", None),
    ("vertaistukiryhmät", None),
    ("kävelyryhmä", None),  # a compound the example does not use: its first part, kävely
    ("hyvinkäällä", None),
])
def test_finnish_queries_find_what_people_mean(browser, served_site, query, expected):
    with visit(browser, search_url(served_site)) as (page, record):
        type_query(page, query)
        found = titles(page)
        assert found, f"{query!r}: no results ({status(page)})"
        if expected:
            assert expected in found[:3], f"{query!r}: {found[:5]}"
        if query != "kesleiri":  # found exactly, not as a close match
            assert page.locator("[data-search-notice]").is_hidden(), query
        assert re.match(r"\d+ tulos", status(page)), status(page)
        assert params(page)["q"] == [query]
        assert_clean(record)


def test_a_misspelt_word_says_it_shows_close_matches(browser, served_site):
    with visit(browser, search_url(served_site)) as (page, record):
        type_query(page, "kesleiri")
        assert page.locator("[data-search-notice]").is_visible()
        assert "lähimmät" in page.locator("[data-search-notice]").inner_text()
        assert_clean(record)


@pytest.mark.parametrize("lang,query,expected", [
    ("sv", "sommarläger", "Sommarläger för unga"),
    ("sv", "motionen", None),
    ("en", "walking", None),
    ("en", "summer camps", "Summer camp for young people"),
])
def test_swedish_and_english_pages_search_their_own_language(browser, served_site, lang, query,
                                                             expected):
    with visit(browser, search_url(served_site, lang)) as (page, record):
        type_query(page, query)
        found = titles(page)
        assert found, f"{lang} {query!r}: no results ({status(page)})"
        if expected:
            assert expected in found[:3], found[:5]
        links = page.locator(".search-result__title a").evaluate_all(
            "links => links.map(a => a.href)")
        assert all(f"/hyteguide/{lang}/" in href for href in links), links[:3]
        assert_clean(record)


def test_swedish_definite_form_finds_the_base_form(browser, served_site):
    """Snowball leaves "föreningshuset" as it is; its term shortened finds "föreningshus"."""
    with visit(browser, search_url(served_site, "sv")) as (page, record):
        type_query(page, "föreningshuset")
        found = titles(page)
        assert found[0] == "Föreningshuset Kervo"
        assert {"Kervo föreningshus", "Träskända föreningshus"} <= set(found), found
        assert_clean(record)


@pytest.mark.parametrize("query", ["klo 10:30", "title:", "a~", "+", "-", "*", "~1", ":",
                                   "kävely^2", '"vertaistuki', "\\", "ä" * 300, "🙂", "   "])
def test_input_lunr_cannot_parse_still_searches_and_never_throws(browser, served_site, query):
    with visit(browser, search_url(served_site)) as (page, record):
        type_query(page, query)
        assert_clean(record)
        if query.strip():
            assert status(page), f"{query!r}: nothing said"


def test_words_not_found_together_show_results_for_some_words(browser, served_site):
    with visit(browser, search_url(served_site)) as (page, record):
        type_query(page, "kesäleiri")
        together = titles(page)
        assert page.locator("[data-search-notice]").is_hidden()
        type_query(page, "kesäleiri qwzxqwzx")
        assert titles(page)[0] == together[0]
        assert "Kaikki sanat eivät löytyneet" in page.locator("[data-search-notice]").inner_text()
        assert_clean(record)


def test_nothing_found_says_so_and_offers_the_browse_pages(browser, served_site):
    with visit(browser, search_url(served_site)) as (page, record):
        type_query(page, "qwzxqwzx")
        assert titles(page) == []
        assert "qwzxqwzx" in status(page)
        assert page.locator("[data-search-notice]").is_visible()
        browse = page.locator(".search-browse a")
        assert browse.count() >= 6 and browse.first.is_visible()
        assert_clean(record)


def test_results_show_type_organisation_place_and_next_date(browser, served_site):
    with visit(browser, search_url(served_site),
               clock=dt.datetime(2026, 11, 23, 9, tzinfo=HELSINKI)) as (page, record):
        type_query(page, "kesäleiri")
        first = page.locator(".search-result").first
        assert first.locator(".search-result__type").inner_text().lower() == "toiminta"
        assert "Mäntsälän Nuorisoseura Raitti ry" in first.locator(
            ".search-result__meta").inner_text()
        type_query(page, "kävely")
        nexts = page.locator(".search-result__next").all_inner_texts()
        assert nexts and all(n.startswith("Seuraava kerta: ") for n in nexts), nexts
        assert_clean(record)


def test_next_date_skips_days_already_past(browser, served_site):
    later = dt.datetime(2026, 12, 20, 9, tzinfo=HELSINKI)  # built for 2026-11-23
    with visit(browser, search_url(served_site, query="q=k%C3%A4vely"),
               clock=later) as (page, record):
        settle(page)
        for text in page.locator(".search-result__next").all_inner_texts():
            day, month = re.search(r"(\d+)\.(\d+)\.", text).groups()
            assert (int(month), int(day)) >= (12, 20) or int(month) < 11, text
        assert_clean(record)


def test_filters_narrow_results_live_in_the_url_and_are_restored(browser, served_site,
                                                                 built_site):
    documents = site_records(built_site)
    with visit(browser, search_url(served_site)) as (page, record):
        type_query(page, "vertaistuki")
        everything = len(titles(page)) + 0
        open_filters(page)
        box = page.locator("input[name=municipality][value=hyvinkaa]")
        count = int(re.search(r"\d+", box.locator("xpath=..").inner_text()).group())
        box.check()
        settle(page)
        narrowed = titles(page)
        assert narrowed and len(narrowed) == count
        assert count < everything or everything > 30
        by_title = {d["title"]: d for d in documents}
        for title in narrowed:
            assert "hyvinkaa" in by_title[title].get("municipality", []), title
        page.check("#search-free")
        settle(page)
        free = titles(page)
        assert free and all(by_title[t].get("free") for t in free)
        assert params(page) == {"q": ["vertaistuki"], "municipality": ["hyvinkaa"],
                                "free": ["1"]}
        shared = page.evaluate("location.href")
        assert_clean(record)
    with visit(browser, shared) as (page, record):
        settle(page)
        assert page.input_value("#search-q") == "vertaistuki"
        assert page.is_checked("input[name=municipality][value=hyvinkaa]")
        assert page.is_checked("#search-free")
        assert titles(page) == free
        assert_clean(record)


def test_filters_alone_list_everything_that_matches(browser, served_site):
    with visit(browser, search_url(served_site, query="audience=ikaantyneet&free=1")) as (
            page, record):
        settle(page)
        assert titles(page), status(page)
        assert page.locator("input[name=audience][value=ikaantyneet]").is_checked()
        assert_clean(record)


def test_an_activity_for_everyone_matches_any_audience(browser, served_site, built_site):
    documents = site_records(built_site)
    for_everyone = {d["title"] for d in documents if "kaikki" in d.get("audience", [])}
    assert for_everyone, "the example has no activity for everyone"
    with visit(browser, search_url(served_site, query="audience=nuoret")) as (page, record):
        settle(page)
        shown = set(titles(page))
        page.click(".search-filters summary")
        if page.is_visible("[data-search-more]"):
            page.click("[data-search-more]")  # shows more results without marking the list busy
            page.wait_for_function("n => document.querySelectorAll('.search-result').length > n",
                                   arg=page.locator(".search-result").count())
        settle(page)
        shown = set(titles(page))
        assert for_everyone <= shown, for_everyone - shown
        assert_clean(record)


def test_show_more_moves_focus_to_the_first_new_result(browser, served_site):
    with visit(browser, search_url(served_site, query="municipality=kerava")) as (page, record):
        settle(page)
        assert len(titles(page)) == 30
        page.click("[data-search-more]")
        page.wait_for_function("() => document.querySelectorAll('.search-result').length > 30")
        focused = page.evaluate("document.activeElement.closest('.search-result') === "
                                "document.querySelectorAll('.search-result')[30]")
        assert focused
        assert_clean(record)


def test_search_works_with_the_keyboard_alone(browser, served_site):
    with visit(browser, served_site.url) as (page, record):
        page.focus("#site-search-q")
        page.keyboard.type("kesäleiri")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/search/\?q="))
        settle(page)
        assert "Nuorten kesäleiri" in titles(page)
        page.focus("#search-q")
        page.keyboard.press("Tab")  # the search button
        page.keyboard.press("Tab")  # the filters' summary
        assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
        page.keyboard.press("Enter")
        assert page.locator("[data-search-filters]").evaluate("d => d.open")
        page.keyboard.press("Tab")
        page.keyboard.press("Space")
        settle(page)
        checked = page.evaluate("document.activeElement.checked")
        assert checked and len(params(page)) == 2, params(page)
        assert_clean(record)


def test_status_is_announced_politely(browser, served_site):
    with visit(browser, search_url(served_site, query="q=kesaleiri")) as (page, record):
        settle(page)
        live = page.locator("[data-search-status]")
        assert live.get_attribute("role") == "status"
        assert re.match(r"\d+ tulos", live.inner_text())
        label = page.locator("label[for=search-q]").inner_text()
        assert label.strip()
        assert_clean(record)


def test_without_javascript_search_offers_the_browse_pages(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site.url)
        page.fill("#site-search-q", "kävely")
        page.press("#site-search-q", "Enter")
        page.wait_for_url(re.compile(r"/search/\?q="))
        assert "JavaScript" in page.locator(".search-browse").inner_text()
        links = page.locator(".search-browse a").evaluate_all("a => a.map(x => x.href)")
        assert any(link.endswith("/activities/") for link in links), links
        assert page.locator("[data-search-filters]").is_hidden()
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_search_with_results_and_filters_open_passes_axe(browser, axe_path, served_site, lang):
    with visit(browser, search_url(served_site, lang, query="municipality=kerava")) as (
            page, record):
        settle(page)
        type_query(page, "a")
        page.click(".search-filters summary")
        type_query(page, {"fi": "kävely", "sv": "motion", "en": "walking"}[lang])
        assert titles(page)
        violations = axe_violations(page, axe_path)
        assert not violations, describe(violations)
        assert_clean(record)


def test_search_page_has_no_horizontal_scroll_at_320_px(browser, served_site):
    with visit(browser, search_url(served_site, query="q=vertaistuki"), width=320) as (
            page, record):
        settle(page)
        open_filters(page)
        assert_no_horizontal_scroll(page)
        assert_clean(record)


def test_hostile_titles_are_shown_as_text(browser, tmp_path):
    hostile = '<img src=x onerror="window.pwned=1">'
    content = make_site(tmp_path, {"organisations/pahis.md": organisation(
        f"name: 'Pahis {hostile} ry'\nsummary: '<script>window.pwned=2</script> kävely'\n"
        "municipalities: [kerava]\n")})
    from hyteguide.build.pipeline import build

    build(content, TEMPLATES, tmp_path / "site", today=dt.date(2026, 11, 23),
          base_url="https://example.github.io/hyteguide/")
    with serve_folder(tmp_path / "site", tmp_path / "www") as server:
        dialogs: list[str] = []
        url = f"{server.url}search/?q={quote('pahis')}"
        with visit(browser, url) as (page, record):
            page.on("dialog", lambda dialog: dialogs.append(dialog.message))
            settle(page)
            assert f"Pahis {hostile} ry" in titles(page)
            assert page.evaluate("window.pwned") is None
            assert page.locator(".search-results img, .search-results script").count() == 0
            assert not dialogs
            assert_clean(record)


# -- the header's search box on every other page ----------------------------------------------

def header_results(page) -> list[str]:  # noqa: ANN001
    page.wait_for_selector("[data-site-search-results]:not([hidden])")
    return page.locator(".site-search__result a").all_inner_texts()


@pytest.mark.parametrize("path", ["", "sv/organisations/", "activities/"])
def test_header_box_shows_first_results_as_you_type(browser, served_site, path):
    requested: list[str] = []
    with visit(browser, served_site.url + path) as (page, record):
        page.on("request", lambda request: requested.append(request.url))
        page.focus("#site-search-q")
        page.wait_for_function("() => document.activeElement.id === 'site-search-q'")
        assert not search_files(requested_so_far(page, requested)), "fetched before typing"
        page.keyboard.type("kesäleiri" if not path.startswith("sv/") else "sommarläger")
        found = header_results(page)
        assert 1 <= len(found) <= 5, found
        assert found[0] in ("Nuorten kesäleiri", "Sommarläger för unga"), found
        assert re.match(r"\d+ (tulos|resultat)", page.locator(
            "[data-site-search-status]").inner_text())
        all_link = page.locator(".site-search__all")
        assert "search/?q=" in all_link.get_attribute("href")
        page.locator(".site-search__result a").first.click()
        page.wait_for_load_state("load")
        assert "/activities/mantsalan-nuorisoseura-raitti/kesaleiri/" in page.url
        assert page.locator("h1").inner_text() in ("Nuorten kesäleiri", "Sommarläger för unga")
        assert_clean(record)


def test_header_box_works_from_the_404_page(browser, served_site):
    with visit(browser, served_site.url + "no/such/page/", expect_status=404) as (page, record):
        page.fill("#site-search-q", "kesäleiri")
        assert "Nuorten kesäleiri" in header_results(page)
        href = page.locator(".site-search__result a").first.evaluate("a => a.href")
        assert href.endswith("/hyteguide/activities/mantsalan-nuorisoseura-raitti/kesaleiri/")
        assert_clean(record)


def test_header_results_with_the_keyboard(browser, served_site):
    with visit(browser, served_site.url) as (page, record):
        page.focus("#site-search-q")
        page.keyboard.type("vertaistuki")
        found = header_results(page)
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.textContent") == found[0]
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.textContent") == found[1]
        page.keyboard.press("ArrowUp")
        page.keyboard.press("ArrowUp")
        assert page.evaluate("document.activeElement.id") == "site-search-q"
        page.keyboard.press("Escape")
        assert page.locator("[data-site-search-results]").is_hidden()
        assert page.evaluate("document.activeElement.id") == "site-search-q"
        assert_clean(record)


def test_header_results_open_pass_axe_and_fit_320_px(browser, axe_path, served_site):
    for width in (320, 1280):
        with visit(browser, served_site.url, width=width) as (page, record):
            page.fill("#site-search-q", "vertaistuki")
            header_results(page)
            violations = axe_violations(page, axe_path)
            assert not violations, describe(violations)
            assert_no_horizontal_scroll(page)
            assert_clean(record)


def test_hostile_titles_in_header_results_are_text(browser, tmp_path):
    hostile = '<img src=x onerror="window.pwned=1">'
    content = make_site(tmp_path, {"organisations/pahis.md": organisation(
        f"name: 'Pahis {hostile} ry'\nsummary: Testi.\nmunicipalities: [kerava]\n")})
    from hyteguide.build.pipeline import build

    build(content, TEMPLATES, tmp_path / "site", today=dt.date(2026, 11, 23),
          base_url="https://example.github.io/hyteguide/")
    with serve_folder(tmp_path / "site", tmp_path / "www") as server, \
            visit(browser, server.url) as (page, record):
        page.fill("#site-search-q", "pahis")
        assert f"Pahis {hostile} ry" in header_results(page)
        assert page.evaluate("window.pwned") is None
        assert page.locator(".site-search__results img").count() == 0
        assert_clean(record)
