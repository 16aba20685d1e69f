"""The print view's QR code (hyteguide/pages/qr.py), a small PNG inline: it decodes, with an
independent reader (zxing-cpp's own reader; the code is written by Zint inside zxing-cpp), to
the page's absolute published URL in its language; it is byte-identical from build to build; it
is hidden on screen and printed about 3 cm wide, sharp (Chromium with print media)."""

from __future__ import annotations

import base64
import io
import re

import pytest
import zxingcpp
from bs4 import BeautifulSoup
from PIL import Image

from hyteguide.pages import qr
from hyteguide.web.urls import path_of
from tests.browsing import assert_clean, axe_violations, describe, visit

CAPTIONS = {"fi": "Lue lisää: {url}", "sv": "Läs mer: {url}", "en": "Read more: {url}"}
URL = "https://example.github.io/hyteguide/sv/activities/keravan-olohuone/olohuone/"
PX_PER_CM = 96 / 2.54  # CSS pixels


# -- reading a code back -----------------------------------------------------------------------

def image_of(html: str) -> Image.Image:
    """The PNG of a QR code <img> as qr.img writes it (a data: URL), each module 6 pixels."""
    element = BeautifulSoup(html, "html.parser").find("img")
    prefix = "data:image/png;base64,"
    assert element["src"].startswith(prefix)
    image = Image.open(io.BytesIO(base64.b64decode(element["src"][len(prefix):])))
    assert image.mode == "1" and image.size[0] == image.size[1]
    return image.convert("L").resize((image.size[0] * 6, image.size[1] * 6), Image.NEAREST)


def decode(image: Image.Image) -> list[str]:
    return [found.text for found in zxingcpp.read_barcodes(image)
            if found.format == zxingcpp.BarcodeFormat.QRCode]


def decode_img(html: str) -> list[str]:
    return decode(image_of(html))


def test_the_code_has_its_quiet_zone():
    image = image_of(qr.img(URL, "QR"))
    width = image.size[0]
    margin = 4 * 6
    for x in range(width):
        for y in (*range(margin), *range(width - margin, width)):
            assert image.getpixel((x, y)) == 255 and image.getpixel((y, x)) == 255


# -- the function -------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    URL,
    "https://example.github.io/hyteguide/organisations/keravan-olohuone/",
    "https://opas.example.fi/en/activities/a-kilta/avoin-ryhma-ja-ohjaus-aamuisin-ja-iltaisin/",
])
def test_img_decodes_to_its_url(url):
    assert decode_img(qr.img(url, "QR")) == [url]


def test_img_is_deterministic_and_small():
    first = qr.img(URL, "QR")
    qr.img.cache_clear()
    second = qr.img(URL, "QR")
    assert first == second
    assert len(first) < 700  # an SVG of the same code was 6 KB
    assert first.startswith('<img class="qr__code" alt="QR" src="data:image/png;base64,')
    assert "width=" not in first and "height=" not in first


def test_img_label_is_escaped():
    label = '<b>QR</b> & "koodi"'
    html = qr.img(URL, label)
    element = BeautifulSoup(html, "html.parser").find("img")
    assert element["alt"] == label
    assert "<b>" not in html


# -- the built pages ----------------------------------------------------------------------------

def qr_pages(content) -> list[object]:  # noqa: ANN001 - the loaded Content
    return [item for organisation in content.organisations
            for item in (organisation, *organisation.activities)]


def test_every_organisation_and_activity_page_has_its_qr_code(built_site, example_content):
    checked = 0
    for lang in built_site.languages:
        for target in qr_pages(example_content):
            page = built_site.localised(path_of(target), lang) + "index.html"
            url = built_site.url_of(page)
            assert url.startswith(built_site.base_url) and url.endswith("/")
            soup = built_site.soup(page)
            figures = soup.select("main figure.print-qr")
            assert len(figures) == 1, page
            img = figures[0].find("img")
            assert img["alt"], page
            assert decode_img(str(img)) == [url], page
            caption = " ".join(figures[0].figcaption.get_text().split())
            assert caption == CAPTIONS[lang].format(url=url), page
            checked += 1
    assert checked == len(built_site.languages) * len(qr_pages(example_content)) > 30


def test_other_pages_have_no_qr_code(built_site):
    """Only organisations, activities and the handouts (the code of the list, whose choices
    the browser adds: tests/browser/test_print.py) have one."""
    with_code = {p for p in built_site.pages() if built_site.soup(p).select(".print-qr")}
    pattern = re.compile(r"^([a-z]{2}/)?(organisations/[^/]+|activities/[^/]+/[^/]+"
                         r"|handout/[^/]+(/[^/]+)*)/index\.html$")
    assert with_code and all(pattern.match(p) for p in with_code), sorted(with_code)[:5]


def test_qr_codes_are_the_same_in_another_build(built_site, second_build):
    output = second_build.root
    page = "en/organisations/keravan-olohuone/index.html"
    assert (output / page).read_bytes() == (built_site.root / page).read_bytes()


# -- in a browser: hidden on screen, printed --------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("path", ["organisations/keravan-olohuone/",
                                  "sv/activities/keravan-olohuone/olohuone/",
                                  "en/organisations/keravan-olohuone/"])
def test_qr_code_is_hidden_on_screen_and_printed(browser, served_site, built_site, axe_path,
                                                 path):
    published = built_site.base_url + path
    with visit(browser, served_site.url + path,
               context_options={"device_scale_factor": 3}) as (page, record):
        figure = page.locator(".print-qr")
        assert figure.count() == 1
        assert not figure.is_visible()
        assert page.evaluate("getComputedStyle(document.querySelector('.print-qr')).display") \
            == "none"
        violations = axe_violations(page, axe_path)
        assert not violations, describe(violations)

        page.emulate_media(media="print")
        assert figure.is_visible()
        box = page.locator(".print-qr img").bounding_box()
        assert box is not None
        assert abs(box["width"] - 3 * PX_PER_CM) < 2 and abs(box["height"] - 3 * PX_PER_CM) < 2
        caption = " ".join(page.locator(".print-qr figcaption").inner_text().split())
        assert caption.endswith(published)
        shot = page.locator(".print-qr img").screenshot()
        assert decode(Image.open(io.BytesIO(shot))) == [published]
        page.emulate_media(media="screen")
        assert not figure.is_visible()
        assert_clean(record)
