"""Sitemaps (sitemaps.org 0.9): every listed page in every language, in parts under one
sitemap index.

The protocol allows a sitemap at most 50,000 URLs and 50 MB (52,428,800 bytes, uncompressed);
search engines reject a larger one. So `sitemap.xml`, which robots.txt names, is always an
index, and the URLs are in parts `sitemap-1.xml`, `sitemap-2.xml`, … at the site's root (a
sitemap may list only URLs under its own folder), each filled up to those limits in page order.
The same pages give the same files. A page's language versions are named in its own head
(<link rel="alternate" hreflang>), which search engines read as they read the sitemap's
xhtml:link elements; the sitemaps do not repeat them, which makes them a fifth of the size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from markupsafe import escape

INDEX = "sitemap.xml"
URL_LIMIT = 50_000
BYTE_LIMIT = 52_428_800
_URLSET_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')
_URLSET_TAIL = "</urlset>\n"


def part_name(number: int) -> str:
    """The site path of the sitemap part numbered from 1."""
    return f"sitemap-{number}.xml"


def url_entries(priority: str, addresses: Iterable[str]) -> Iterator[str]:
    """A page's <url> elements, one per language version (its absolute addresses)."""
    for address in addresses:
        yield (f"  <url><loc>{escape(address)}</loc><priority>{priority}</priority></url>\n")


def parts(entries: Iterable[str], url_limit: int = URL_LIMIT,
          byte_limit: int = BYTE_LIMIT) -> list[bytes]:
    """The <url> entries as complete sitemaps, each within both limits, in order."""
    frame = len(_URLSET_HEAD.encode()) + len(_URLSET_TAIL.encode())
    found: list[bytes] = []
    current: list[bytes] = []
    size = frame
    for entry in entries:
        data = entry.encode("utf-8")
        if current and (len(current) >= url_limit or size + len(data) > byte_limit):
            found.append(_urlset(current))
            current, size = [], frame
        current.append(data)
        size += len(data)
    if current or not found:
        found.append(_urlset(current))
    return found


def _urlset(entries: list[bytes]) -> bytes:
    return _URLSET_HEAD.encode() + b"".join(entries) + _URLSET_TAIL.encode()


def index(addresses: Iterable[str]) -> bytes:
    """The sitemap index listing the parts at these absolute addresses."""
    listed = "".join(f"  <sitemap>\n    <loc>{escape(a)}</loc>\n  </sitemap>\n"
                     for a in addresses)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex '
            'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{listed}</sitemapindex>\n").encode()


def files(entries: Iterable[str], absolute: Callable[[str], str]) -> dict[str, bytes]:
    """The index and its parts by site path, given every <url> entry in order and how a site
    path becomes an absolute address."""
    made = {part_name(n): data for n, data in enumerate(parts(entries), start=1)}
    return {INDEX: index(absolute(path) for path in made), **made}


def robots(absolute: Callable[[str], str]) -> bytes:
    """robots.txt: everything may be crawled; the sitemap index is named."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute(INDEX)}\n".encode()
