"""The handout (palvelutarjotin) for service counsellors: a printable list per municipality,
narrowed by audience and theme in the browser, with the choices in the URL."""

from __future__ import annotations

import re

import pytest

from tests.browsing import (
    assert_clean,
    assert_no_horizontal_scroll,
    axe_violations,
    describe,
    visit,
)


@pytest.fixture(scope="module")
def guide(example_content):
    import datetime as dt

    from hyteguide.derive.guide import derive

    return derive(example_content, dt.date(2026, 11, 23))


def test_handout_index_links_every_municipality_with_activities(built_site, guide):
    for lang in built_site.languages:
        soup = built_site.soup(built_site.localised("handout/index.html", lang))
        links = {a["href"].strip("/").split("/")[-1] for a in soup.select("main .link-list a")}
        expected = {m for m, e in guide.taxonomies["municipalities"].items() if e.activities}
        assert links == expected, lang


def test_each_municipality_lists_its_activities_once_with_the_facts(built_site, guide):
    for municipality, entry in guide.taxonomies["municipalities"].items():
        for lang in built_site.languages:
            page = built_site.localised(f"handout/{municipality}/index.html", lang)
            soup = built_site.soup(page)
            items = soup.select("[data-activity]")
            assert sorted(i["data-activity"] for i in items) == sorted(
                a.key for a in entry.activities), page
            for item, activity in ((i, next(a for a in entry.activities
                                            if a.key == i["data-activity"])) for i in items):
                assert item.select_one("h2 a")["href"].endswith(
                    f"activities/{activity.organisation}/{activity.id}/")
                facts = [dt.get_text(strip=True) for dt in item.select("dt")]
                assert len(facts) >= 3, (page, facts)  # when, where, contact (+ cost, …)
                assert item.get("data-audiences", "").split() == list(  # with broader terms
                    guide.content.vocabulary.expand("audiences", activity.audiences))
                assert ("data-free" in item.attrs) == activity.is_free


def test_handout_page_names_its_municipality_and_source(built_site):
    soup = built_site.soup("handout/kerava/index.html")
    assert soup.h1.get_text(strip=True) == "Palvelutarjotin: Kerava"
    source = soup.select_one(".handout__source").get_text(" ", strip=True)
    assert "23.11.2026" in source
    assert source.endswith(" example.github.io/hyteguide/handout/kerava/")  # short: no https://
    code = soup.select_one("figure.handout__qr img.qr__code")  # the build's code of this address
    assert code["alt"] == "QR-koodi, joka vie tähän listaan verkossa samoin valinnoin"
    sv = built_site.soup("sv/handout/kerava/index.html")
    assert sv.h1.get_text(strip=True) == "Serviceutbud: Kervo"


def test_municipality_pages_and_home_link_to_the_handout(built_site):
    home = built_site.soup("index.html")
    assert home.select_one('a[href="handout/"]')
    term = built_site.soup("municipalities/kerava/index.html")
    assert term.select_one('a[href$="handout/kerava/"]')


# -- in a browser --------------------------------------------------------------------------------

def shown(page) -> list[str]:  # noqa: ANN001
    return page.locator("[data-activity]:not([hidden]) h2").all_inner_texts()


@pytest.mark.browser
def test_choices_narrow_the_list_live_in_the_url_and_are_restored(browser, served_site,
                                                                  built_site):
    url = served_site.url + "handout/kerava/"
    with visit(browser, url) as (page, record):
        everything = shown(page)
        page.check("#handout-audience-ikaantyneet")
        page.check("#handout-theme-liikunta")
        narrowed = shown(page)
        assert 0 < len(narrowed) < len(everything)
        soup = built_site.soup("handout/kerava/index.html")
        for title in narrowed:
            item = next(i for i in soup.select("[data-activity]")
                        if i.h2.get_text(strip=True) == title)
            assert "ikaantyneet" in item["data-audiences"].split() or "data-everyone" in item.attrs
            assert "liikunta" in item["data-themes"].split()
        assert re.search(r"audience=ikaantyneet&theme=liikunta$", page.evaluate("location.href"))
        assert page.locator("[data-handout-selection]").inner_text() == "Ikääntyneet, Liikunta"
        assert str(len(narrowed)) in page.locator("[data-handout-status]").inner_text()
        shared = page.evaluate("location.href")
        assert_clean(record)
    with visit(browser, shared) as (page, record):
        assert shown(page) == narrowed
        assert page.is_checked("#handout-theme-liikunta")
        assert_clean(record)


@pytest.mark.browser
def test_printing_hides_the_choices_and_shows_what_the_list_is_for(browser, served_site):
    url = served_site.url + "handout/kerava/?theme=liikunta"
    with visit(browser, url) as (page, record):
        page.emulate_media(media="print")
        assert page.locator("[data-handout-filter]").is_hidden()
        assert page.locator(".site-nav").is_hidden()
        assert page.locator(".site-search").is_hidden()
        assert page.locator(".handout__source").is_visible()
        assert page.locator("[data-handout-selection]").inner_text() == "Liikunta"
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
        assert_clean(record)


@pytest.mark.browser
def test_choice_matching_nothing_says_so(browser, served_site, built_site):
    soup = built_site.soup("handout/kerava/index.html")
    entries = [(set(i["data-audiences"].split()), set(i["data-themes"].split()),
                "data-everyone" in i.attrs) for i in soup.select("[data-activity]")]
    audiences = [b["value"] for b in soup.select("input[name=audience]")]
    themes = [b["value"] for b in soup.select("input[name=theme]")]
    audience, theme = next((a, t) for a in audiences for t in themes
                           if not any((a in aa or everyone) and t in tt
                                      for aa, tt, everyone in entries))
    with visit(browser, served_site.url + "handout/kerava/") as (page, record):
        page.check(f"#handout-audience-{audience}")
        page.check(f"#handout-theme-{theme}")
        assert shown(page) == []
        assert page.locator("[data-handout-none]").is_visible()
        page.click("[data-handout-clear]")
        assert page.locator("[data-handout-none]").is_hidden()
        assert len(shown(page)) == len(entries)
        assert page.evaluate("location.href").endswith("/handout/kerava/")
        assert_clean(record)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_handout_passes_axe(browser, axe_path, served_site, lang):
    prefix = "" if lang == "fi" else f"{lang}/"
    for path in ("handout/", "handout/kerava/?audience=nuoret"):
        with visit(browser, served_site.url + prefix + path) as (page, record):
            violations = axe_violations(page, axe_path)
            assert not violations, describe(violations)
            assert_clean(record)


@pytest.mark.browser
def test_handout_with_the_keyboard_and_at_320_px(browser, served_site):
    with visit(browser, served_site.url + "handout/kerava/", width=320) as (page, record):
        page.focus("#handout-audience-nuoret")
        page.keyboard.press("Space")
        page.wait_for_url(re.compile(r"audience=nuoret"))  # replaceState reaches page.url late
        assert page.is_checked("#handout-audience-nuoret")
        assert_no_horizontal_scroll(page)
        assert_clean(record)


@pytest.mark.browser
def test_language_choice_lists_activities_held_in_it(browser, served_site, built_site):
    soup = built_site.soup("handout/kerava/index.html")
    expected = sorted(i.h2.get_text(strip=True) for i in soup.select("[data-activity]")
                      if "sv" in i["data-languages"].split())
    assert expected
    with visit(browser, served_site.url + "handout/kerava/?language=sv") as (page, record):
        assert sorted(shown(page)) == expected
        assert_clean(record)
