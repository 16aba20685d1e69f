"""QR codes for the print view: a printed page leads back to the live page.

`svg(url, label)` is an inline SVG element (no XML declaration, no fixed size: the stylesheet
prints it about 3 cm wide) made by segno at build time. The same URL and label always give the
same bytes, so builds stay byte-identical.
"""

from __future__ import annotations

from functools import lru_cache

import segno
from markupsafe import escape

ERROR_LEVEL = "m"  # 15 % of the code may be damaged (a fold, a pin, a coffee stain)
QUIET_ZONE = 4  # modules of white around the code, as the standard asks


@lru_cache(maxsize=4096)
def svg(url: str, label: str) -> str:
    """The QR code of url as an inline <svg> with role="img" and label as its text alternative.

    One module is one unit of the viewBox; the modules are one path of horizontal strokes."""
    code = segno.make_qr(url, error=ERROR_LEVEL, boost_error=False)
    element = code.svg_inline(scale=1, border=QUIET_ZONE, omitsize=True, svgclass="qr__code",
                              lineclass=None, dark="#000", light="#fff")
    opening = f'<svg role="img" aria-label="{escape(label)}" '
    if not element.startswith("<svg "):
        raise ValueError(f"unexpected SVG from segno: {element[:40]!r}")
    return opening + element[len("<svg "):]
