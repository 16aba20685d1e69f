"""Web addresses written by editors, made valid as a browser would request them."""

from __future__ import annotations

import re

_URL_PARTS = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*:)?(//[^/?#\\]*)?(.*)", re.DOTALL)
# After the scheme and host: what is not a URL code point (WHATWG), and a '%' that starts no escape.
_NOT_URL_CODE_POINT = re.compile(
    r"%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9!$&'()*+,\-./:;=?@_~%#\x80-\U0010ffff]")


def _percent_encoded(part: str) -> str:
    return _NOT_URL_CODE_POINT.sub(
        lambda m: "".join(f"%{byte:02X}" for byte in m.group(0).encode("utf-8")), part)


def valid_url(url: str) -> str:
    """An address from content as a valid URL, as a browser would request it: spaces, quotes,
    <, >, [, ], {, }, |, ^, `, backslashes, a second '#' and a '%' that starts no escape,
    after the scheme and host, percent-encoded. A valid URL is returned unchanged."""
    parts = _URL_PARTS.fullmatch(url)
    assert parts is not None  # the pattern matches every string
    scheme, host, rest = parts.groups()
    path, hash_, fragment = rest.partition("#")
    return (scheme or "") + (host or "") + _percent_encoded(path) + hash_ + \
        _percent_encoded(fragment.replace("#", "%23"))
