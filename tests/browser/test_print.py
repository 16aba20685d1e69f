"""Printing for a client (issue 20, point 6), as a service counsellor does it in Chromium: the
handout of a municipality narrowed to a client's needs prints compactly (A4 pages counted in
the PDF), with the exact selection's address in short and a QR code that a phone reads back to
that very address; an organisation's or activity's printout has nothing of the site's frame
(no header, menus or footer, whose "Contact" a client would take for the organisation's);
and a label such as "Ilmoittautuminen" is never broken mid-word, on screen at 320 px or on
paper."""

from __future__ import annotations

import io
import math
import re

import pytest
import zxingcpp
from PIL import Image

from tests.browsing import assert_clean, visit
from tests.conftest import BASE_URL

HANDOUT = "handout/jarvenpaa/"
CHOICES = ("#handout-audience-aikuiset", "#handout-theme-mielenterveys",
           "#handout-low-threshold")
QUERY = "?audience=aikuiset&theme=mielenterveys&low_threshold=1"
SHORT_BASE = BASE_URL.split("://", 1)[1]
ENTRIES_A_PAGE = 6.5  # about eight, the first page shares its room with the list's heading


def pdf_pages(pdf: bytes) -> int:
    """The pages of a PDF as Chromium writes it (one /Type /Page object each)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def printed_code(page) -> list[str]:  # noqa: ANN001 - a Playwright Page
    """What a phone reads from the printed QR code: the code as drawn in print media, read by
    an independent reader (zxing-cpp)."""
    picture = Image.open(io.BytesIO(page.locator(".handout__qr img").screenshot()))
    return [found.text for found in zxingcpp.read_barcodes(picture.convert("L"))
            if found.format == zxingcpp.BarcodeFormat.QRCode]


def prefix(lang: str) -> str:
    return "" if lang == "fi" else f"{lang}/"


SHARP = {"device_scale_factor": 4}  # the code drawn as on paper, not at 96 dpi


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_counsellors_selection_prints_its_address_and_code(browser, served_site, lang):
    published = BASE_URL + prefix(lang) + HANDOUT
    with visit(browser, served_site.url + prefix(lang) + HANDOUT,
               context_options=SHARP) as (page, record):
        page.emulate_media(media="print")
        assert printed_code(page) == [published]  # the build's code of the whole list
        page.emulate_media(media="screen")
        everything = page.locator("[data-activity]").count()
        for choice in CHOICES:  # as the counsellor clicks them
            page.check(choice)
        shown = page.locator("[data-activity]:not([hidden])").count()
        assert 0 < shown < everything
        page.emulate_media(media="print")
        address = page.locator("[data-handout-address]")
        assert address.is_visible()
        assert address.inner_text() == SHORT_BASE + prefix(lang) + HANDOUT + QUERY
        assert printed_code(page) == [published + QUERY]
        assert page.locator("[data-handout-filter]").is_hidden()
        assert page.locator("[data-activity]:not([hidden])").count() == shown
        assert pdf_pages(page.pdf(format="A4")) <= math.ceil(shown / ENTRIES_A_PAGE)
        page.emulate_media(media="screen")
        page.uncheck(CHOICES[1])  # a choice taken back: the code follows
        page.emulate_media(media="print")
        assert printed_code(page) == [published + "?audience=aikuiset&low_threshold=1"]
        assert_clean(record)


@pytest.mark.browser
def test_a_shared_selection_prints_its_own_code(browser, served_site):
    url = served_site.url + "sv/" + HANDOUT + QUERY
    with visit(browser, url, context_options=SHARP) as (page, record):
        page.emulate_media(media="print")
        assert printed_code(page) == [BASE_URL + "sv/" + HANDOUT + QUERY]
        assert page.locator("[data-handout-address]").inner_text().endswith(QUERY)
        assert_clean(record)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_whole_list_prints_about_eight_entries_a_page(browser, served_site, lang):
    with visit(browser, served_site.url + prefix(lang) + HANDOUT) as (page, record):
        entries = page.locator("[data-activity]:not([hidden])").count()
        assert entries >= 20
        pages = pdf_pages(page.pdf(format="A4"))
        assert pages <= math.ceil(entries / ENTRIES_A_PAGE), (entries, pages)  # 26 → 4 (was 10)
        page.emulate_media(media="print")
        tallest = page.evaluate("""() => Math.max(...Array.from(
            document.querySelectorAll('[data-activity]'), (e) => e.offsetHeight))""")
        assert tallest < 297 / 6 * 96 / 25.4  # no entry near a sixth of the A4 page
        assert_clean(record)


# -- the site's frame on paper ---------------------------------------------------------------

FRAME = (".skip-link", ".site-header", ".site-nav", ".site-search", ".languages", ".breadcrumbs",
         ".site-footer", ".entry-meta__links")
ENTRY_PAGES = ("organisations/hyvinkaa-nurmijarvi-omaishoitajat/",
               "activities/hyvinkaa-nurmijarvi-omaishoitajat/kahvila/",
               "places/hyrylan-kirjasto/", "partnerships/keravan-kumppanuuspoyta/",
               "themes/ikaantyneet/", "municipalities/kerava/")


@pytest.mark.browser
@pytest.mark.parametrize("path", ENTRY_PAGES)
def test_entry_pages_print_nothing_of_the_site_frame(browser, served_site, built_site, path):
    footer = built_site.soup(path + "index.html").select_one(".site-footer address")
    contact = [element.get_text(strip=True) for element in footer.select("p, a")]
    assert len(contact) >= 3  # the guide's coordinators, their address, phone and e-mail
    with visit(browser, served_site.url + path) as (page, record):
        page.emulate_media(media="print")
        shown = page.evaluate("""(selectors) => selectors.filter((s) =>
            Array.from(document.querySelectorAll(s)).some((e) =>
                getComputedStyle(e).display !== 'none' && e.getClientRects().length))""",
                              list(FRAME))
        assert shown == [], path
        text = page.evaluate("document.body.innerText")
        for line in contact:  # the guide's own contact is nowhere on paper
            assert line not in text, (path, line)
        assert BASE_URL + path in text  # where the page is online: QR caption or address line
        assert page.locator("main h1").is_visible()
        assert_clean(record)


# -- labels whole ------------------------------------------------------------------------------

SPLIT_WORDS = """(selector) => {
    const split = [];
    for (const element of document.querySelectorAll(selector)) {
        const text = element.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) continue;
        for (const match of text.data.matchAll(/[^\\s]+/g)) {
            const range = document.createRange();
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            const tops = new Set(Array.from(range.getClientRects())
                .filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (tops.size > 1) split.push(match[0]);
        }
    }
    return split;
}"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("media", ["screen", "print"])
def test_fact_labels_are_never_broken_mid_word(browser, served_site, lang, media):
    for path in (HANDOUT, ENTRY_PAGES[1]):
        with visit(browser, served_site.url + prefix(lang) + path, width=320) as (page, record):
            page.emulate_media(media=media)
            labels = page.locator("main dt").all_inner_texts()
            if lang == "fi":
                assert "Ilmoittautuminen" in labels
            assert page.evaluate(SPLIT_WORDS, "main dt") == [], (path, media)
            assert_clean(record)
