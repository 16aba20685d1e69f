"""Issue 20, points 1 and 2 played as the product owner played them, in Chromium: a service
counsellor in Järvenpää picks Aikuiset + Mielenterveys + low threshold on the handout and in
search and finds the depression peer group (whose audience, Mielenterveyskuntoutujat, is
narrower than Aikuiset); a hyte coordinator finds the organisations offering premises in at
most three taps from the home page. At 320, 390 and 1366 px, in Finnish and Swedish, axe
clean."""

from __future__ import annotations

import pytest

from tests.browser.test_search_browser import open_filters, search_url, settle, titles
from tests.browsing import (
    assert_clean,
    assert_no_horizontal_scroll,
    axe_violations,
    describe,
    visit,
)

pytestmark = pytest.mark.browser

PEER_GROUP = "Masennuksesta toipuvien vertaisryhmä"


def shown_handout(page) -> list[str]:  # noqa: ANN001 - a Playwright Page
    return page.locator("[data-activity]:not([hidden]) h2").all_inner_texts()


@pytest.mark.parametrize(("lang", "width"), [("fi", 390), ("sv", 320), ("fi", 1366)])
def test_the_counsellors_handout_choice_keeps_the_depression_peer_group(
        browser, axe_path, served_site, lang, width):
    prefix = "" if lang == "fi" else f"{lang}/"
    with visit(browser, f"{served_site.url}{prefix}handout/jarvenpaa/", width=width) as (
            page, record):
        everything = shown_handout(page)
        assert PEER_GROUP in everything
        page.click('label[for="handout-audience-aikuiset"]')
        page.click('label[for="handout-theme-mielenterveys"]')
        page.click('label[for="handout-low-threshold"]')
        narrowed = shown_handout(page)
        assert PEER_GROUP in narrowed, narrowed
        assert 1 < len(narrowed) < len(everything)
        assert "audience=aikuiset" in page.evaluate("location.href")
        assert_no_horizontal_scroll(page)
        violations = axe_violations(page, axe_path)
        assert not violations, describe(violations)
        assert_clean(record)


@pytest.mark.parametrize(("lang", "width"), [("fi", 390), ("sv", 1366)])
def test_the_same_choice_in_search_finds_the_depression_peer_group(browser, axe_path,
                                                                   served_site, lang, width):
    with visit(browser, search_url(served_site, lang, "municipality=jarvenpaa"),
               width=width) as (page, record):
        settle(page)
        open_filters(page)
        for box in ("search-audience-aikuiset", "search-theme-mielenterveys",
                    "search-low-threshold"):
            page.click(f'label[for="{box}"]')
            settle(page)
        if page.is_visible("[data-search-more]"):
            page.click("[data-search-more]")
            page.wait_for_function("n => document.querySelectorAll('.search-result').length > n",
                                   arg=page.locator(".search-result").count())
        found = titles(page)
        assert PEER_GROUP in found, found
        violations = axe_violations(page, axe_path)
        assert not violations, describe(violations)
        assert_clean(record)


@pytest.mark.parametrize(("lang", "width", "name"), [
    ("fi", 390, "Tilat kumppanien käyttöön"), ("sv", 320, "Lokaler för samarbetspartner"),
    ("fi", 1366, "Tilat kumppanien käyttöön")])
def test_a_coordinator_finds_who_offers_premises_in_three_taps(browser, axe_path, served_site,
                                                               example_content, lang, width,
                                                               name):
    offering = {o.slug for o in example_content.organisations if "tilat" in o.expertise}
    prefix = "" if lang == "fi" else f"{lang}/"
    with visit(browser, f"{served_site.url}{prefix}", width=width) as (page, record):
        taps = 0
        if page.locator(".site-menu__toggle").is_visible():  # a phone: the menu is folded
            page.click(".site-menu__toggle")
            taps += 1
        page.click('.site-nav a[href$="organisations/"]')
        page.wait_for_load_state("load")
        page.click(f'label:has-text("{name}")')  # the expertise filter
        taps += 2
        assert taps <= 3
        cards = page.locator("li[data-organisation]:not([hidden]) .card__title a")
        slugs = {href.rstrip("/").rsplit("/", 1)[-1] for href in
                 cards.evaluate_all("links => links.map(a => a.getAttribute('href'))")}
        assert slugs == offering
        assert "expertise=tilat" in page.evaluate("location.href")
        assert str(len(offering)) in page.locator("[data-organisations-status]").inner_text()
        assert_no_horizontal_scroll(page)
        violations = axe_violations(page, axe_path)
        assert not violations, describe(violations)
        # the expertise view: the same organisations with their contacts, one tap away
        page.click('a[href$="expertise/"] >> nth=0')
        page.wait_for_load_state("load")
        section = page.locator("section.offers", has=page.locator(f'h2:has-text("{name}")'))
        assert section.locator("li.card").count() == len(offering)
        assert section.locator('a[href^="mailto:"]').count() >= 1
        assert_no_horizontal_scroll(page)
        violations = axe_violations(page, axe_path)
        assert not violations, describe(violations)
        assert_clean(record)


def test_the_expertise_filter_is_restored_from_the_url_and_cleared(browser, served_site):
    with visit(browser, served_site.url + "organisations/?expertise=tilat&expertise=tulkkaus"
               ) as (page, record):
        assert page.is_checked("#organisations-expertise-tilat")
        shown = page.locator("li[data-organisation]:not([hidden])").count()
        everything = page.locator("li[data-organisation]").count()
        assert 0 < shown < everything
        page.click("[data-organisations-clear]")
        assert page.locator("li[data-organisation]:not([hidden])").count() == everything
        assert page.evaluate("location.search") == ""
        assert_clean(record)


def test_without_javascript_the_organisation_list_links_the_expertise_view(browser,
                                                                           served_site):
    with visit(browser, served_site.url + "organisations/",
               context_options={"java_script_enabled": False}) as (page, record):
        assert page.locator("[data-organisations-filter]").is_hidden()
        page.click('main a[href$="expertise/"]')
        assert page.locator("section.offers").count() >= 5
