"""hyteguide.pages.sitemap: parts within the protocol's limits (50,000 URLs, 50 MB) under one index,
valid against the protocol's shape, escaped, and the same every time."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hyteguide.pages import sitemap

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "https://opas.example.fi/"


def links(n: int) -> list[str]:
    return [f"{BASE}{'' if lang == 'fi' else lang + '/'}activities/a/{n}/"
            for lang in ("fi", "sv", "en")]


def entries(count: int) -> list[str]:
    return [e for n in range(count) for e in sitemap.url_entries("0.5", links(n))]


def locs(part: bytes) -> list[str]:
    return [e.text for e in ET.fromstring(part).iter(f"{NS}loc")]


def test_a_page_is_one_url_per_language():
    """Language alternates are in each page's head (tested in test_e2e_build), not repeated."""
    urlset = ET.fromstring(sitemap.parts(sitemap.url_entries("0.5", links(1)))[0])
    found = list(urlset.iter(f"{NS}url"))
    assert [u.find(f"{NS}loc").text for u in found] == links(1)
    for url in found:
        assert url.find(f"{NS}priority").text == "0.5"
        assert [child.tag for child in url] == [f"{NS}loc", f"{NS}priority"]


def test_parts_keep_to_the_url_limit_in_order():
    made = sitemap.parts(entries(10), url_limit=7)
    assert [len(locs(part)) for part in made] == [7, 7, 7, 7, 2]
    assert [loc for part in made for loc in locs(part)] == [
        address for n in range(10) for address in links(n)]


def test_parts_keep_to_the_byte_limit():
    every = entries(50)
    limit = 5_000
    made = sitemap.parts(every, byte_limit=limit)
    assert len(made) > 1 and all(len(part) <= limit for part in made)
    assert sum(len(locs(part)) for part in made) == len(every)


def test_the_protocol_limits_are_the_defaults():
    assert (sitemap.URL_LIMIT, sitemap.BYTE_LIMIT) == (50_000, 52_428_800)
    made = sitemap.parts(entries(17_000))  # 51,000 URLs: over the limit, so two parts
    assert [len(locs(part)) for part in made] == [50_000, 1_000]


def test_the_index_lists_every_part_and_robots_names_it():
    files = sitemap.files(entries(10), lambda path: BASE + path)
    assert list(files) == ["sitemap.xml", "sitemap-1.xml"]
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == f"{NS}sitemapindex"
    assert [e.text for e in index.iter(f"{NS}loc")] == [BASE + "sitemap-1.xml"]
    assert sitemap.robots(lambda path: BASE + path).decode().splitlines()[-1] == \
        f"Sitemap: {BASE}sitemap.xml"


def test_no_pages_is_still_a_valid_sitemap():
    files = sitemap.files([], lambda path: BASE + path)
    assert ET.fromstring(files["sitemap-1.xml"]).tag == f"{NS}urlset"


def test_addresses_are_escaped():
    address = BASE + "a?x=1&y=<2>"
    made = sitemap.parts(sitemap.url_entries("0.5", [address]))
    assert b"&amp;" in made[0] and b"<2>" not in made[0]
    assert locs(made[0]) == [address]
