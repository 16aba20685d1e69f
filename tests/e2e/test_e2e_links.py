"""End to end: the built example served under a sub-path has no broken links.

The site is copied into www/hyteguide/ and served by http.server on 127.0.0.1, as GitHub Pages
serves a project site under /<repository>/. A crawl from the home page follows every internal
a[href], link[href], script[src], img[src] and form[action] (the header's search box) and expects
200 for each, and an element for every #fragment.
"""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass, field
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest
from bs4 import BeautifulSoup

from tests.conftest import BASE_URL, SUB_PATH, is_editor_page
from tests.helpers import read_sitemaps

REFERENCES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
              ("form", "action"))  # the header's search box is a GET form to the search page
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "webcal"}  # webcal: feed subscriptions


def fetch(url: str) -> tuple[int, str, bytes]:
    """(status, content type, body) of a GET; HTTP errors are answers, not exceptions."""
    try:
        with urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except HTTPError as err:
        with err:
            return err.code, err.headers.get_content_type(), err.read()


@dataclass
class Reference:
    page: str  # the URL of the page that has it
    tag: str
    raw: str  # as written in the page
    url: str  # resolved, absolute, on the local server when internal


@dataclass
class Crawl:
    origin: str
    status: dict[str, int] = field(default_factory=dict)  # URL without fragment → status
    pages: dict[str, BeautifulSoup] = field(default_factory=dict)  # HTML pages fetched
    references: list[Reference] = field(default_factory=list)

    def is_internal(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and \
            f"{parts.scheme}://{parts.netloc}" == self.origin


def references_of(soup: BeautifulSoup, page_url: str, base: str, server_site: str
                  ) -> list[Reference]:
    """Every reference of a page, resolved against base; published URLs mapped to the server."""
    found = []
    for tag, attribute in REFERENCES:
        for element in soup.find_all(tag):
            raw = element.get(attribute)
            if raw is None:
                continue
            url = urljoin(base, raw.strip())
            if url.startswith(BASE_URL):  # canonical and hreflang links are absolute
                url = server_site + url[len(BASE_URL):]
            found.append(Reference(page_url, tag, raw, url))
    return found


def crawl(start: str, origin: str, server_site: str, parse=None) -> Crawl:  # noqa: ANN001
    """Fetch everything reachable from start; parse(url, body) may return a cached soup."""
    result = Crawl(origin)
    queue = deque([start])
    while queue:
        url = queue.popleft()
        if url in result.status:
            continue
        status, kind, body = fetch(url)
        result.status[url] = status
        if status != 200 or kind != "text/html" or not urlsplit(url).path.startswith(SUB_PATH):
            continue
        soup = (parse and parse(url, body)) or BeautifulSoup(body.decode("utf-8"), "html.parser")
        result.pages[url] = soup
        for reference in references_of(soup, url, url, server_site):
            result.references.append(reference)
            if result.is_internal(reference.url):
                target = urldefrag(reference.url).url
                if target not in result.status:
                    queue.append(target)
    return result


@pytest.fixture(scope="module")
def crawled(served_site, built_site) -> Crawl:
    def parse(url: str, body: bytes) -> BeautifulSoup | None:
        """The session's parsed page when the server sent exactly that file."""
        relative = built_site.file_of(BASE_URL + url[len(served_site.url):])
        path = built_site.root / relative if relative else None
        if path and path.is_file() and path.read_bytes() == body:
            return built_site.soup(relative)
        return None

    return crawl(served_site.url, served_site.origin, served_site.url, parse)


def test_the_home_page_is_served(crawled, served_site):
    assert crawled.status[served_site.url] == 200
    assert len(crawled.pages) > 10


def test_every_internal_reference_returns_200(crawled):
    def status(reference: Reference) -> int | None:
        return crawled.status.get(urldefrag(reference.url).url)

    broken = [f"{r.page}: <{r.tag}> {r.raw!r} → {r.url} ({status(r)})"
              for r in crawled.references if crawled.is_internal(r.url) and status(r) != 200]
    assert not broken, f"{len(broken)} broken references:\n" + "\n".join(broken[:30])


def test_internal_references_stay_under_the_site_path(crawled):
    outside = [f"{r.page}: {r.raw!r} → {r.url}" for r in crawled.references
               if crawled.is_internal(r.url) and not urlsplit(r.url).path.startswith(SUB_PATH)]
    assert not outside, "\n".join(outside[:30])


def _has_anchor(soup: BeautifulSoup, fragment: str) -> bool:
    return soup.find(id=fragment) is not None or \
        soup.find("a", attrs={"name": fragment}) is not None


def _drawn_day(soup: BeautifulSoup, target: str, fragment: str) -> bool:
    """Whether a later calendar week, drawn by its script, will have the day's section: the
    day is in the week's data (the drawing itself is tested in test_calendar_drawn.py)."""
    root = soup.select_one("[data-week-data]")
    if root is None or not fragment.startswith("day-"):
        return False
    with urlopen(urljoin(target, root["data-week-data"])) as response:
        data = json.loads(response.read())
    return fragment.removeprefix("day-") in [day for day, _, _ in data["days"]]


def test_every_fragment_exists_on_its_target_page(crawled):
    missing = []
    drawn = 0
    for reference in crawled.references:
        target, fragment = urldefrag(reference.url)
        if not fragment or not crawled.is_internal(reference.url):
            continue
        if is_editor_page(urlsplit(target).path + "index.html"):
            continue  # the form editor's route to an entry (#/collections/…), not an anchor
        soup = crawled.pages.get(target)
        if soup is not None and _drawn_day(soup, target, fragment):
            drawn += 1
            continue
        if soup is None or not _has_anchor(soup, fragment):
            missing.append(f"{reference.page}: {reference.raw!r}: no id {fragment!r} on {target}")
    assert not missing, "\n".join(missing[:30])
    assert drawn  # the home page links days of the next week


def test_external_links_are_http_mailto_or_tel_only(crawled):
    """Besides the print view's QR code, drawn by the site (a data: image; test_qr.py)."""
    bad = [f"{r.page}: <{r.tag}> {r.raw!r}" for r in crawled.references
           if urlsplit(r.url).scheme.lower() not in EXTERNAL_SCHEMES
           and not (r.tag == "img" and r.raw.startswith("data:image/png;base64,"))]
    assert not bad, "\n".join(bad[:30])


def test_every_page_is_reachable_from_the_home_page(crawled, built_site, served_site,
                                                    example_content):
    reached = {built_site.file_of(BASE_URL + url[len(served_site.url):])
               for url in crawled.pages}
    unreached = set(built_site.pages()) - reached
    # a free page outside the footer menu may be linked from nowhere: the sitemap lists it
    unlisted = {built_site.localised(f"{p.slug}/index.html", lang)
                for p in example_content.pages if p.menu is None
                for lang in built_site.languages}
    assert not unreached - unlisted, \
        f"{len(unreached - unlisted)} pages not reachable: {sorted(unreached - unlisted)[:20]}"


def test_every_language_home_is_linked_from_the_home_page(crawled, built_site, served_site):
    home = crawled.pages[served_site.url]
    linked = {urldefrag(urljoin(served_site.url, a["href"])).url
              for a in home.find_all("a", href=True)}
    for lang in built_site.languages[1:]:
        assert f"{served_site.url}{lang}/" in linked, f"no link to the {lang} home page"


def test_every_sitemap_url_is_served(built_site, served_site):
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    bad = []
    for loc in (loc for part in read_sitemaps(built_site.root, BASE_URL)
                for loc in part.iter(f"{namespace}loc")):
        url = served_site.url + loc.text.strip()[len(BASE_URL):]
        status, kind, _ = fetch(url)
        if status != 200 or kind != "text/html":
            bad.append(f"{loc.text} → {status} {kind}")
    assert not bad, "\n".join(bad[:20])


def test_404_page_links_resolve_from_a_deep_path(served_site):
    status, kind, body = fetch(served_site.url + "404.html")
    assert status == 200 and kind == "text/html"
    soup = BeautifulSoup(body.decode("utf-8"), "html.parser")
    deep = served_site.url + "no/such/page/"
    references = references_of(soup, deep, deep, served_site.url)
    internal = [r for r in references if urlsplit(r.url).netloc == urlsplit(deep).netloc
                and not r.raw.startswith("#")]  # '#main' is on the 404 page itself
    assert any(r.tag == "link" for r in internal), "404.html links no stylesheet or icon"
    assert any(r.tag == "a" and urlsplit(r.url).path == SUB_PATH for r in internal), \
        "404.html has no link to the home page"
    broken = []
    for reference in internal:
        target = urldefrag(reference.url).url
        status, _, _ = fetch(target)
        if status != 200:
            broken.append(f"<{reference.tag}> {reference.raw!r} → {target} ({status})")
        elif not urlsplit(target).path.startswith(SUB_PATH):
            broken.append(f"<{reference.tag}> {reference.raw!r} leaves the site path")
    assert not broken, "\n".join(broken)
    bad = [r.raw for r in references if urlsplit(r.url).scheme.lower() not in EXTERNAL_SCHEMES]
    assert not bad


def test_missing_page_is_answered_with_the_404_page(served_site):
    """The local server behaves like GitHub Pages (a check of the test set-up itself)."""
    status, kind, body = fetch(served_site.url + "no/such/page/")
    assert status == 404 and kind == "text/html"
    assert b"<h1" in body
