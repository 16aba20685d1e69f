"""QR codes for the print view: a printed page leads back to the live page.

`svg(url, label)` is an inline SVG element (no XML declaration, no fixed size: the stylesheet
prints it about 3 cm wide). The code is made by zxing-cpp (its writer is Zint, in C: well under a
millisecond a code, where pure-Python encoders take 15 ms, i.e. half an hour for a region of
150,000 activities); the SVG is drawn here from the module matrix, so it does not depend on the
library's SVG writer. The same URL and label always give the same bytes.
"""

from __future__ import annotations

import re
from functools import lru_cache

import zxingcpp
from markupsafe import escape

ERROR_LEVEL = "M"  # 15 % of the code may be damaged (a fold, a pin, a coffee stain)
QUIET_ZONE = 4  # modules of white around the code, as the standard asks


_DARK = bytes(1 if value < 128 else 0 for value in range(256))  # grey level → module
_RUN = re.compile(b"\x01+")


def matrix(url: str) -> tuple[bytes, int]:
    """The QR code of url as its modules row after row, 1 for dark (no quiet zone), and the
    number of modules a row."""
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level=ERROR_LEVEL)
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))
    return image.tobytes().translate(_DARK), image.shape[1]


@lru_cache(maxsize=4096)
def svg(url: str, label: str) -> str:
    """The QR code of url as an inline <svg> with role="img" and label as its text alternative.

    One module is one unit of the viewBox; a white square, then each horizontal run of dark
    modules is a rectangle of one path."""
    modules, width = matrix(url)
    size = width + 2 * QUIET_ZONE
    # Rows never join: a run that would reach into the next row is split at the row's end.
    runs = []
    for run in _RUN.finditer(modules):
        start, end = run.span()
        while start < end:
            y, x = divmod(start, width)
            length = min(end - start, width - x)
            runs.append(f"M{x + QUIET_ZONE} {y + QUIET_ZONE}h{length}v1h-{length}z")
            start += length
    return (f'<svg role="img" aria-label="{escape(label)}" class="qr__code" '
            f'viewBox="0 0 {size} {size}" xmlns="http://www.w3.org/2000/svg">'
            f'<path fill="#fff" d="M0 0h{size}v{size}h-{size}z"/>'
            f'<path fill="#000" d="{"".join(runs)}"/></svg>')
