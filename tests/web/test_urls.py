"""hyteguide.web.urls: page-relative links, language prefixes, output files and absolute URLs.

hypothesis is not installed in this project, so resolution is checked exhaustively over every
pair of a table of realistic site paths instead of with generated paths.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from urllib.parse import urljoin

import pytest

from hyteguide.model import Activity, Organisation, Page, Partnership, Place, Term, Text
from hyteguide.web.urls import Urls, path_of, url_uuid

BASES = ["https://h/base/", "https://h/", "https://h/a/b/c/"]
LANGUAGES = ("fi", "sv", "en")

# Every kind of page and file a site has, in each language, at every depth.
NEUTRAL = ["", "organisations/", "organisations/keravan-olohuone/",
           "activities/keravan-olohuone/olohuone/", "places/keravan-kirjasto/",
           "partnerships/hyte-poyta/", "themes/", "themes/vertaistuki/", "tietoa/"]
SITE_PATHS = sorted({p if lang == "fi" else f"{lang}/{p}" for p in NEUTRAL for lang in LANGUAGES}
                    | {"404.html", "sitemap.xml", "robots.txt", "assets/style.css",
                       "assets/js/search.js", "assets/fonts/x.woff2", "sv/index.html",
                       "organisations/keravan-olohuone/index.html", "data/search-fi.json"})


def _possible(from_path: str, to_path: str) -> bool:
    """A file and a folder cannot share a name: 'a/b' (file) and 'a/b/...' never coexist."""
    def clash(file: str, other: str) -> bool:
        return not file.endswith("/") and file != "" and other.startswith(file + "/")
    return not (clash(from_path, to_path) or clash(to_path, from_path))


PAIRS = [(a, b) for a, b in itertools.product(SITE_PATHS, repeat=2) if _possible(a, b)]


@pytest.mark.parametrize("base", BASES)
def test_every_relative_link_resolves_to_its_target(base):
    wrong = [(a, b, Urls.relative(a, b)) for a, b in PAIRS
             if urljoin(base + a, Urls.relative(a, b)) != base + b]
    assert wrong == []
    assert len(PAIRS) > 1000


def test_relative_links_never_start_with_a_slash_or_a_scheme():
    for a, b in PAIRS:
        rel = Urls.relative(a, b)
        assert rel and not rel.startswith("/") and ":" not in rel.split("/")[0], (a, b, rel)


@pytest.mark.parametrize(("from_path", "to_path", "expected"), [
    ("", "", "./"),
    ("", "organisations/", "organisations/"),
    ("", "organisations/x/", "organisations/x/"),
    ("organisations/x/", "", "../../"),
    ("organisations/x/", "organisations/x/", "./"),
    ("organisations/x/", "organisations/", "../"),
    ("organisations/x/", "organisations/y/", "../y/"),
    ("activities/x/ryhma/", "organisations/x/", "../../../organisations/x/"),
    ("activities/x/ryhma/", "", "../../../"),
    ("", "sv/", "sv/"),
    ("sv/", "", "../"),
    ("sv/", "sv/", "./"),
    ("sv/organisations/x/", "organisations/x/", "../../../organisations/x/"),
    ("organisations/x/", "sv/organisations/x/", "../../sv/organisations/x/"),
    ("en/activities/x/ryhma/", "sv/activities/x/ryhma/", "../../../../sv/activities/x/ryhma/"),
    ("", "assets/style.css", "assets/style.css"),
    ("sv/", "assets/style.css", "../assets/style.css"),
    ("activities/x/ryhma/", "assets/style.css", "../../../assets/style.css"),
    ("en/activities/x/ryhma/", "assets/js/a.js", "../../../../assets/js/a.js"),
    ("404.html", "", "./"),
    ("404.html", "assets/style.css", "assets/style.css"),
    ("organisations/x/index.html", "organisations/x/", "./"),
    ("organisations/x/index.html", "", "../../"),
])
def test_relative_table(from_path, to_path, expected):
    assert Urls.relative(from_path, to_path) == expected
    assert urljoin("https://h/base/" + from_path, expected) == "https://h/base/" + to_path


def test_links_to_folders_keep_their_trailing_slash():
    for a, b in PAIRS:
        if b == "" or b.endswith("/"):
            assert Urls.relative(a, b).endswith("/"), (a, b)


@pytest.mark.parametrize(("path", "lang", "expected"), [
    ("", "fi", ""),
    ("", "sv", "sv/"),
    ("", "en", "en/"),
    ("organisations/x/", "fi", "organisations/x/"),
    ("organisations/x/", "sv", "sv/organisations/x/"),
    ("activities/x/y/", "en", "en/activities/x/y/"),
])
def test_localised(path, lang, expected):
    assert Urls("https://h/base/", LANGUAGES).localised(path, lang) == expected


def test_localised_follows_the_sites_first_language():
    urls = Urls("https://h/", ("sv", "fi"))
    assert urls.localised("places/", "sv") == "places/"
    assert urls.localised("places/", "fi") == "fi/places/"


@pytest.mark.parametrize(("full_path", "expected"), [
    ("", "index.html"),
    ("sv/", "sv/index.html"),
    ("organisations/x/", "organisations/x/index.html"),
    ("en/activities/x/y/", "en/activities/x/y/index.html"),
    ("404.html", "404.html"),
    ("sitemap.xml", "sitemap.xml"),
    ("assets/style.css", "assets/style.css"),
])
def test_output_file(full_path, expected):
    assert Urls.output_file(full_path) == expected


@pytest.mark.parametrize(("base", "full_path", "absolute", "rooted"), [
    ("https://h/base/", "", "https://h/base/", "/base/"),
    ("https://h/base", "sv/", "https://h/base/sv/", "/base/sv/"),
    ("https://h/base/", "organisations/x/", "https://h/base/organisations/x/",
     "/base/organisations/x/"),
    ("https://h/", "assets/style.css", "https://h/assets/style.css", "/assets/style.css"),
    ("https://h", "404.html", "https://h/404.html", "/404.html"),
    ("https://example.github.io/hyteguide/", "en/", "https://example.github.io/hyteguide/en/",
     "/hyteguide/en/"),
])
def test_absolute_and_rooted(base, full_path, absolute, rooted):
    urls = Urls(base, LANGUAGES)
    assert urls.absolute(full_path) == absolute
    assert urls.rooted(full_path) == rooted
    # a rooted path resolves to the absolute URL from any page of the site, at any depth
    for page in ("", "404.html", "organisations/x/", "sv/activities/a/b/", "no/such/page/"):
        assert urljoin(urls.absolute(page), urls.rooted(full_path)) == absolute


def test_every_site_path_round_trips_through_output_file():
    for path in SITE_PATHS:
        file = Urls.output_file(path)
        assert not file.endswith("/")
        assert file == path or file == path + "index.html"


# -- path_of ------------------------------------------------------------------------------------

def _text(value: str) -> Text:
    return Text((("fi", value),))


ORGANISATION = Organisation("keravan-olohuone", _text("Keravan Olohuone ry"), _text("S."),
                            ("kerava",))
ACTIVITY = Activity("keravan-olohuone", "olohuone", _text("Olohuone"), _text("S."),
                    "kohtaamispaikka")
PLACE = Place("keravan-kirjasto", _text("Keravan kirjasto"), _text("Paasikivenkatu 12"), "kerava")
PARTNERSHIP = Partnership("hyte-poyta", _text("Hyte-pöytä"), ("keravan-olohuone",))
PAGE = Page("tietoa", _text("Tietoa"))


@pytest.mark.parametrize(("target", "expected"), [
    (ORGANISATION, "organisations/keravan-olohuone/"),
    (ACTIVITY, "activities/keravan-olohuone/olohuone/"),
    (PLACE, "places/keravan-kirjasto/"),
    (PARTNERSHIP, "partnerships/hyte-poyta/"),
    (PAGE, "tietoa/"),
    (Term("municipalities", "kerava", _text("Kerava")), "municipalities/kerava/"),
    (Term("themes", "vertaistuki", _text("Vertaistuki")), "themes/vertaistuki/"),
    (Term("audiences", "aikuiset", _text("Aikuiset")), "audiences/aikuiset/"),
    (Term("formats", "ryhma", _text("Ryhmä")), "formats/ryhma/"),
    (Term("expertise", "tilat", _text("Tilat")), "expertise/tilat/"),  # issue 20, point 2
    ("", ""),
    ("organisations/", "organisations/"),
    ("assets/style.css", "assets/style.css"),
])
def test_path_of(target, expected):
    assert path_of(target) == expected


@pytest.mark.parametrize("target", [
    Term("languages", "fi", _text("suomi")),
    Term("accessibility", "wheelchair", _text("Esteetön")),
    dt.date(2026, 1, 1),
    None,
    42,
])
def test_path_of_refuses_things_without_a_page(target):
    with pytest.raises(TypeError):
        path_of(target)


def test_path_of_every_model_page_is_a_folder_and_resolves():
    urls = Urls("https://h/base/", LANGUAGES)
    targets = [ORGANISATION, ACTIVITY, PLACE, PARTNERSHIP, PAGE,
               Term("themes", "vertaistuki", _text("V"))]
    for target, lang, here in itertools.product(targets, LANGUAGES, SITE_PATHS):
        full = urls.localised(path_of(target), lang)
        assert full.endswith("/")
        assert urljoin(urls.absolute(here), urls.relative(here, full)) == urls.absolute(full)


@pytest.mark.parametrize("url", [
    "https://example.github.io/hyteguide/",
    "https://example.github.io/hyteguide/activities/yhdistys/kavely/#2026-12-07T1800",
    "https://esimerkki.fi/sv/organisationer/förening-åäö/",
    "https://esimerkki.fi/😀/" + "x" * 300,
    "",
])
def test_a_urls_uuid_is_its_uuid5(url):
    """The open data's and the feeds' ids are uuid5 of the page's address (RFC 4122), made by
    hand for speed: the same ids as the standard library's."""
    assert url_uuid(url) == str(uuid.uuid5(uuid.NAMESPACE_URL, url))
