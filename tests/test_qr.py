"""The print view's QR code (hyteguide/qr.py): it decodes, with an independent reader (zxing-cpp's
own reader; the code is written by Zint inside zxing-cpp), to the page's absolute published URL in
its language; it is byte-identical from build to build; it is hidden on screen and printed about
3 cm wide (Chromium with print media)."""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from browsing import assert_clean, axe_violations, describe, visit
from bs4 import BeautifulSoup
from PIL import Image

from hyteguide import qr
from hyteguide.urls import path_of

CAPTIONS = {"fi": "Lue lisää: {url}", "sv": "Läs mer: {url}", "en": "Read more: {url}"}
URL = "https://example.github.io/hyteguide/sv/activities/keravan-olohuone/olohuone/"
PX_PER_CM = 96 / 2.54  # CSS pixels


# -- reading an SVG back ------------------------------------------------------------------------

def modules(svg: str) -> list[list[bool]]:
    """The dark modules of a QR code SVG as qr.svg draws it: a viewBox of one unit per module
    (quiet zone included), a white square, then one path of rectangles one module high."""
    element = BeautifulSoup(svg, "html.parser").find("svg")
    _, _, width, height = (int(v) for v in element["viewbox"].split())
    grid = [[False] * width for _ in range(height)]
    white, dark = element.find_all("path")
    assert (white["fill"], white["d"]) == ("#fff", f"M0 0h{width}v{height}h-{width}z")
    assert dark["fill"] == "#000"
    runs = re.findall(r"M(\d+) (\d+)h(\d+)v1h-\3z", dark["d"])
    assert "".join(f"M{x} {y}h{w}v1h-{w}z" for x, y, w in runs) == dark["d"]
    for x, y, w in runs:
        for column in range(int(x), int(x) + int(w)):
            grid[int(y)][column] = True
    return grid


def image_of(grid: list[list[bool]], scale: int = 6) -> Image.Image:
    image = Image.new("L", (len(grid[0]) * scale, len(grid) * scale), 255)
    for row, line in enumerate(grid):
        for column, dark in enumerate(line):
            if dark:
                image.paste(0, (column * scale, row * scale,
                                (column + 1) * scale, (row + 1) * scale))
    return image


def decode(image: Image.Image) -> list[str]:
    return [found.text for found in zxingcpp.read_barcodes(image)
            if found.format == zxingcpp.BarcodeFormat.QRCode]


def decode_svg(svg: str) -> list[str]:
    return decode(image_of(modules(svg)))


# -- the function -------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    URL,
    "https://example.github.io/hyteguide/organisations/keravan-olohuone/",
    "https://opas.example.fi/en/activities/a-kilta/avoin-ryhma-ja-ohjaus-aamuisin-ja-iltaisin/",
])
def test_svg_decodes_to_its_url(url):
    assert decode_svg(qr.svg(url, "QR")) == [url]


def test_svg_is_deterministic_and_small():
    first = qr.svg(URL, "QR")
    qr.svg.cache_clear()
    second = qr.svg(URL, "QR")
    assert first == second
    assert len(first) < 5000
    assert first.startswith('<svg role="img" aria-label="QR" class="qr__code" viewBox=')
    assert "<?xml" not in first and "width=" not in first and "height=" not in first
    assert first.endswith("</svg>")


def test_svg_label_is_escaped():
    label = '<b>QR</b> & "koodi"'
    svg = qr.svg(URL, label)
    element = BeautifulSoup(svg, "html.parser").find("svg")
    assert element["aria-label"] == label and element["role"] == "img"
    assert "<b>" not in svg


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
            svg = figures[0].find("svg")
            assert svg["role"] == "img" and svg["aria-label"], page
            assert decode_svg(str(svg)) == [url], page
            caption = " ".join(figures[0].figcaption.get_text().split())
            assert caption == CAPTIONS[lang].format(url=url), page
            checked += 1
    assert checked == len(built_site.languages) * len(qr_pages(example_content)) > 30


def test_other_pages_have_no_qr_code(built_site):
    with_code = {p for p in built_site.pages() if built_site.soup(p).select(".print-qr")}
    pattern = re.compile(r"^([a-z]{2}/)?(organisations/[^/]+|activities/[^/]+/[^/]+)/index\.html$")
    assert with_code and all(pattern.match(p) for p in with_code), sorted(with_code)[:5]


def test_qr_codes_are_the_same_in_another_build(built_site, sources, tmp_path):
    output = tmp_path / "again"
    sources.build(output)
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
        box = page.locator(".print-qr svg").bounding_box()
        assert box is not None
        assert abs(box["width"] - 3 * PX_PER_CM) < 2 and abs(box["height"] - 3 * PX_PER_CM) < 2
        caption = " ".join(page.locator(".print-qr figcaption").inner_text().split())
        assert caption.endswith(published)
        shot = page.locator(".print-qr svg").screenshot()
        assert decode(Image.open(io.BytesIO(shot))) == [published]
        page.emulate_media(media="screen")
        assert not figure.is_visible()
        assert_clean(record)
