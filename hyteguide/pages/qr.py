"""QR codes for the print view: a printed page leads back to the live page.

`img(url, label)` is an <img> element with the code as a small PNG inline (no fixed size: the
stylesheet prints it about 3 cm wide, each module a sharp square). The code is made by
zxing-cpp (its writer is Zint, in C: well under a millisecond a code, where pure-Python
encoders take 15 ms, i.e. half an hour for a region of 150,000 activities); the PNG is written
here from the module matrix, so it does not depend on the library's image writer. The same
URL and label always give the same bytes.
"""

from __future__ import annotations

import base64
import struct
import zlib
from functools import lru_cache

import zxingcpp
from markupsafe import escape

ERROR_LEVEL = "M"  # 15 % of the code may be damaged (a fold, a pin, a coffee stain)
QUIET_ZONE = 4  # modules of white around the code, as the standard asks


_DARK = bytes(1 if value < 128 else 0 for value in range(256))  # grey level → module
_BIT = bytes.maketrans(b"\x00\x01", b"10")  # module → its pixel's bit, as a digit


def matrix(url: str) -> tuple[bytes, int]:
    """The QR code of url as its modules row after row, 1 for dark (no quiet zone), and the
    number of modules a row."""
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level=ERROR_LEVEL)
    image = code.to_image(scale=1, add_quiet_zones=False)  # one grey byte a module
    _, width = image.shape  # (rows, modules a row)
    # zxing-cpp's Image has the buffer protocol, but its stub does not declare __buffer__.
    pixels = memoryview(image)  # type: ignore[arg-type]
    return pixels.tobytes().translate(_DARK), width


def png(url: str) -> bytes:
    """The QR code of url as a PNG of one pixel a module, quiet zone included: 1-bit grey,
    about 250 bytes (an SVG of the same code is 6 KB, on every activity and organisation page
    in every language)."""
    modules, width = matrix(url)
    size = width + 2 * QUIET_ZONE
    row_bytes = (size + 7) // 8
    margin = b"1" * QUIET_ZONE  # 1 is white in a grey PNG of one bit a pixel
    blank = b"\x00" + b"\xff" * row_bytes  # each row starts with its filter type, 0
    rows = [blank] * QUIET_ZONE
    for top in range(0, len(modules), width):
        bits = (margin + modules[top:top + width].translate(_BIT) + margin).ljust(
            row_bytes * 8, b"1")
        rows.append(b"\x00" + int(bits, 2).to_bytes(row_bytes, "big"))
    rows += [blank] * QUIET_ZONE
    header = struct.pack(">IIBBBBB", size, size, 1, 0, 0, 0, 0)  # 1 bit, grey, no interlace
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data)))


@lru_cache(maxsize=4096)
def img(url: str, label: str) -> str:
    """The QR code of url as an <img> with the PNG inline (a data: URL, so the page prints
    alone) and label as its text alternative. The stylesheet scales it without smoothing, one
    module a block of pixels, about 3 cm wide."""
    data = base64.b64encode(png(url)).decode("ascii")
    return (f'<img class="qr__code" alt="{escape(label)}" '
            f'src="data:image/png;base64,{data}">')
