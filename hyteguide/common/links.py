"""Web addresses written by editors, made valid as a browser would request them, and refused
where the host a browser would go to is not a plain web host."""

from __future__ import annotations

import re

_URL_PARTS = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*:)?(//[^/?#\\]*)?(.*)", re.DOTALL)
# After the scheme and host: what is not a URL code point (WHATWG), and a '%' that starts no escape.
_NOT_URL_CODE_POINT = re.compile(
    r"%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9!$&'()*+,\-./:;=?@_~%#\x80-\U0010ffff]")
# Schemes whose addresses a browser reads with '\' as '/' (WHATWG URL, "special" schemes).
_SPECIAL = re.compile(r"(?:https?|ftp|wss?|file):", re.IGNORECASE)
# A host name: labels of letters, digits and inner hyphens (any script: IDNs as written), the
# last one of letters only, two or more. So no IP address, in any notation (0x7f.1, 2130706433),
# and no empty label ('https://../').
_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
_HOST = re.compile(rf"(?:{_LABEL}\.)+[^\W\d_]{{2,}}\.?")


def _percent_encoded(part: str) -> str:
    return _NOT_URL_CODE_POINT.sub(
        lambda m: "".join(f"%{byte:02X}" for byte in m.group(0).encode("utf-8")), part)


def as_browsers_read(url: str) -> str:
    """The address as a browser reads it before parsing (WHATWG URL): leading and trailing
    spaces and controls dropped, tabs and line breaks removed, and in an http(s) address each
    '\\' before the query a '/' ('https://example.org\\@evil.example/' goes to example.org)."""
    url = re.sub(r"[\t\n\r]", "", url.strip("".join(map(chr, range(0x21)))))
    if _SPECIAL.match(url):
        end = next((i for i, char in enumerate(url) if char in "?#"), len(url))
        url = url[:end].replace("\\", "/") + url[end:]
    return url


def valid_url(url: str) -> str:
    """An address from content as a valid URL, as a browser would request it: read as a browser
    reads it (as_browsers_read), then spaces, quotes, <, >, [, ], {, }, |, ^, `, backslashes, a
    second '#' and a '%' that starts no escape, after the scheme and host, percent-encoded. A
    valid URL is returned unchanged."""
    parts = _URL_PARTS.fullmatch(as_browsers_read(url))
    assert parts is not None  # the pattern matches every string
    scheme, host, rest = parts.groups()
    path, hash_, fragment = rest.partition("#")
    return (scheme or "") + (host or "") + _percent_encoded(path) + hash_ + \
        _percent_encoded(fragment.replace("#", "%23"))


def web_host_problem(url: str) -> str | None:
    """Why an http(s) address, as a browser reads it, does not go to a plain web host (a user
    name or password before the host, a port out of range, an IP address or a malformed host),
    or None. Other addresses (mailto:, tel:, relative ones) have no host to check: None."""
    url = as_browsers_read(url)
    found = re.match(r"(https?):(//)?([^/?#]*)", url, re.IGNORECASE)
    if not found:
        return None
    authority = found.group(3)
    if "@" in authority:
        return "it has a user name or password before the host (a link can hide its real host " \
               "that way)"
    host, _, port = authority.rpartition(":") if re.search(r":\d*$", authority) \
        else (authority, "", "")
    if port and not (port.isascii() and port.isdigit() and 1 <= int(port[:6]) <= 65535):
        return f"its port '{port[:8]}' is not a port number (1–65535)"
    if not _HOST.fullmatch(host):
        return f"'{host[:60]}' is not a web host name such as www.example.org"
    return None
