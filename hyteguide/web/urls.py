"""URLs: one function for page-relative links, and absolute URLs only where required."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from functools import lru_cache
from urllib.parse import urlsplit

from hyteguide.common.routes import FEED_FILE, TAXONOMY_SECTIONS, WEEK_DATA_FILE, path_to
from hyteguide.derive.feedscopes import FeedChoice
from hyteguide.model import Activity, Organisation, Page, Partnership, Place, Term

SECTION_OF_GROUP = {group: group for group in TAXONOMY_SECTIONS}  # a term group's folder


def path_of(target: object) -> str:
    """The language-neutral path of a model object or of a path string ('' is the home page):
    its route's (routes.py) with the object's own parameters."""
    if isinstance(target, str):
        return target
    if isinstance(target, Organisation):
        return path_to("organisation", slug=target.slug)
    if isinstance(target, Activity):
        return path_to("activity", organisation=target.organisation, id=target.id)
    if isinstance(target, Place):
        return path_to("place", slug=target.slug)
    if isinstance(target, Partnership):
        return path_to("partnership", slug=target.slug)
    if isinstance(target, Page):
        return path_to("page", slug=target.slug)
    if isinstance(target, Term) and target.group in SECTION_OF_GROUP:
        return path_to("term", group=SECTION_OF_GROUP[target.group], id=target.id)
    raise TypeError(f"no page for {target!r}")


FEED_GROUPS = ("municipalities", "themes", "audiences")  # vocabulary groups with a feed


def feed_path(target: object | None) -> str:
    """The language-neutral path of an iCalendar feed: the whole region (None), an
    organisation, an activity, a term (municipality, theme, audience) or a municipality and
    an audience (feedscopes.FeedChoice: 'municipalities/kerava/audiences/ikaantyneet.ics')."""
    if target is None:
        return path_to("region_feed")
    if isinstance(target, FeedChoice):
        return path_to("choice_feed", municipality=target.municipality.id,
                       group=target.term.group, id=target.term.id)
    return path_of(target) + FEED_FILE


def calendar_path(municipality: str | None = None, week: str | None = None,
                  day: dt.date | None = None) -> str:
    """The language-neutral path of a calendar page: the whole region (municipality None) or
    a municipality id; the current week (week None) or a later ISO week ('2026-w49'); or, in
    a week too long for one page, one of its days ('2026-12-01', see paging.py)."""
    base = path_to("calendar")
    base = base if municipality is None else f"{base}{municipality}/"
    if day is not None:
        return f"{base}{day.isoformat()}/"
    return f"{base}{week}/" if week else base


def calendar_data_path(municipality: str | None, week: str) -> str:
    """The site path of a later week's data (calendardata.py): beside the week's page, one
    file for every language ('calendar/kerava/2026-w51/week.json')."""
    return calendar_path(municipality, week) + WEEK_DATA_FILE


class Urls:
    """Maps language-neutral paths to output files and links for one site."""

    def __init__(self, base_url: str, languages: tuple[str, ...]):
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.base_path = urlsplit(self.base_url).path or "/"
        self.languages = languages

    def localised(self, path: str, lang: str) -> str:
        """'sv/organisations/x/' for Swedish; the default language lives at the root."""
        return path if lang == self.languages[0] else f"{lang}/{path}"

    def split_language(self, path: str) -> tuple[str, str]:
        """A site path's language and its language-neutral path (the inverse of localised)."""
        for lang in self.languages[1:]:
            if path.startswith(lang + "/"):
                return lang, path.removeprefix(lang + "/")
        return self.languages[0], path

    @staticmethod
    def output_file(full_path: str) -> str:
        """The file that serves a path: directories get index.html."""
        return full_path + "index.html" if full_path == "" or full_path.endswith("/") else full_path

    @staticmethod
    @lru_cache(maxsize=65536)
    def relative(from_path: str, to_path: str) -> str:
        """A link from the page at from_path to to_path, both site-relative and normalised
        (no '.' or '..' segments, no doubled slashes): shared folders are left out, one '../'
        per folder of from_path's that to_path is not in. (posixpath.relpath gives the same,
        ten times slower: a site links from every page to dozens of others.)"""
        here = from_path.split("/")[:-1]  # the page's folders: its last part is a file or ''
        there = to_path.split("/")
        common = 0
        while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
            common += 1
        rel = "../" * (len(here) - common) + "/".join(there[common:])
        return rel or "./"

    def absolute(self, full_path: str) -> str:
        return self.base_url + full_path

    def stable_id(self, path: str) -> str:
        """A UUID for a path (and #fragment) of this site: the same path at the same address
        always gets the same id (uuid5 of the absolute URL)."""
        return url_uuid(self.base_url + path)

    def rooted(self, full_path: str) -> str:
        """Path from the server root: for 404.html, which is served at any depth."""
        return self.base_path + full_path


_URL_NAMESPACE = uuid.NAMESPACE_URL.bytes


@lru_cache(maxsize=65536)
def url_uuid(url: str) -> str:
    """str(uuid.uuid5(uuid.NAMESPACE_URL, url)), three times as fast: the open data and the
    feeds ask it for about 240,000 ids a language at 3,000 organisations, many of them again
    (an organisation's id in each of its services' rows)."""
    digest = bytearray(hashlib.sha1(_URL_NAMESPACE + url.encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # the RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
