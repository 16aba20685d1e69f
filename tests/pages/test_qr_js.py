"""The browser's QR encoder (templates/assets/lib/qr.js, the handout's code of the exact
selection): its codes, run in node, decode with an independent reader (zxing-cpp) to the very
text, over every size a URL can need and beyond; it picks the smallest version, as the build's
encoder (Zint in zxing-cpp) does; its SVG draws the same modules with the quiet zone."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
import zxingcpp
from PIL import Image

from hyteguide.pages import qr
from tests.browsing import unavailable
from tests.conftest import REPO
from tests.icaljs import NODE

LIBRARY = REPO / "templates" / "assets" / "lib" / "qr.js"
SELECTION = ("https://example.github.io/hyteguide/handout/jarvenpaa/"
             "?audience=aikuiset&theme=mielenterveys&low_threshold=1")
TEXTS = [
    "a",
    SELECTION,
    "https://example.github.io/hyteguide/sv/handout/jarvenpaa/?audience=aikuiset"
    "&audience=ikaantyneet&theme=mielenterveys&theme=liikunta&language=sv&age=9&free=1"
    "&low_threshold=1&all=1",
    "Järvenpää – Träskända €",  # UTF-8: two and three bytes a character
    *("x" * n for n in (14, 15, 60, 200, 400, 900, 1300, 2000, 2331)),  # versions 1 … 40
]


def encode(texts: list[str]) -> list[dict]:
    """Each text's code from qr.js in node: {version, rows ("0101…"), svg}."""
    if not NODE.exists():
        unavailable(f"{NODE} is missing: apt-get install nodejs")
    program = f"""
const qr = require({json.dumps(str(LIBRARY))});
const texts = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(JSON.stringify(texts.map((text) => {{
  const code = qr.matrix(text);
  return {{version: code.version,
          rows: code.dark.map((row) => row.map((dark) => (dark ? "1" : "0")).join("")),
          svg: qr.svg(text)}};
}})));"""
    done = subprocess.run([str(NODE), "-e", program], input=json.dumps(texts),
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def image(rows: list[str], scale: int = 4, quiet: int = 4) -> Image.Image:
    """The modules drawn black on white, with the quiet zone, `scale` pixels a module."""
    side = (len(rows) + 2 * quiet) * scale
    picture = Image.new("L", (side, side), 255)
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark == "1":
                left, top = (x + quiet) * scale, (y + quiet) * scale
                picture.paste(0, (left, top, left + scale, top + scale))
    return picture


@pytest.fixture(scope="module")
def codes() -> list[dict]:
    return encode(TEXTS)


def test_every_code_decodes_to_its_text(codes):
    for text, code in zip(TEXTS, codes, strict=True):
        found = [r.text for r in zxingcpp.read_barcodes(image(code["rows"]))
                 if r.format == zxingcpp.BarcodeFormat.QRCode]
        assert found == [text], (len(text.encode()), code["version"])
    assert {code["version"] for code in codes} >= {1, 2, 40}


def test_the_smallest_version_as_the_build_makes_it(codes):
    for text, code in zip(TEXTS[:3], codes[:3], strict=True):
        _, width = qr.matrix(text)  # zxing-cpp's writer: level M as well
        assert len(code["rows"]) == width == 17 + 4 * code["version"], text


def test_the_svg_draws_the_modules_in_their_quiet_zone(codes):
    code = codes[1]
    side = len(code["rows"]) + 8
    assert f'viewBox="0 0 {side} {side}"' in code["svg"]
    squares = set(re.findall(r"M(\d+) (\d+)h1v1h-1z", code["svg"]))
    assert squares == {(str(x + 4), str(y + 4)) for y, row in enumerate(code["rows"])
                       for x, dark in enumerate(row) if dark == "1"}
    assert "<script" not in code["svg"] and "href" not in code["svg"]
