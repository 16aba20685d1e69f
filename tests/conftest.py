"""Shared fixtures of the end-to-end tests: the example region built once, and a local server.

Paths are taken from the repository root (tests/..), never from the current directory.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

import pytest

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
TEMPLATES = REPO / "templates"
TODAY = dt.date(2026, 11, 23)
BASE_URL = "https://example.github.io/hyteguide/"
SUB_PATH = "/hyteguide/"  # the path part of BASE_URL, where the local server serves the site
TAXONOMY_GROUPS = ("municipalities", "themes", "audiences", "formats", "expertise")


# -- the built example ------------------------------------------------------------------------

def is_editor_page(path: str) -> bool:
    """Whether a site path is the form editor's page (admin/, sv/admin/ …): an application
    for editors, not a page readers read (its weight is Decap CMS's)."""
    return re.search(r"(^|/)admin/index\.html$", path) is not None


class BuiltSite:
    """A built output folder with helpers to map files, URLs and languages, and parsed pages."""

    def __init__(self, root: Path, languages: tuple[str, ...], base_url: str = BASE_URL):
        self.root = root
        self.languages = languages
        self.base_url = base_url
        self._soups: dict[str, object] = {}
        self._files: list[str] | None = None

    # files
    def files(self) -> list[str]:
        """Every output file, site-relative (listed once: the built site is not changed)."""
        if self._files is None:
            self._files = sorted(p.relative_to(self.root).as_posix()
                                 for p in self.root.rglob("*") if p.is_file())
        return list(self._files)

    def html_files(self) -> list[str]:
        return [f for f in self.files() if f.endswith(".html")]

    def pages(self) -> list[str]:
        """Every reader's page: the HTML files but 404.html and the form editor's pages (an
        application for editors, tested in tests/editor and tests/browser/test_editor.py)."""
        return [f for f in self.html_files() if f != "404.html" and not is_editor_page(f)]

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def soup(self, relative: str):  # noqa: ANN201 - a BeautifulSoup
        from bs4 import BeautifulSoup

        if relative not in self._soups:
            self._soups[relative] = BeautifulSoup(self.read(relative), "html.parser")
        return self._soups[relative]

    def calendar_days(self, relative: str) -> list[tuple[str, list[dict]]]:
        """The days a calendar page shows, with their occurrences' data attributes: from its
        HTML, or for a later week drawn by its script, from the week's data file
        (hyteguide/pages/calendardata.py; the browser tests check that the script draws exactly
        these). An occurrence: activity, date, start, end, cancelled, audiences, themes,
        format, languages, everyone, free, low_threshold."""
        soup = self.soup(relative)
        root = soup.select_one("[data-week-data]")
        if root is None:
            return [(section["data-date"], [{
                "activity": li["data-activity"], "date": li["data-date"],
                "start": li.get("data-start"), "end": li.get("data-end"),
                "cancelled": li.has_attr("data-cancelled"),
                "audiences": li["data-audiences"].split(), "themes": li["data-themes"].split(),
                "format": li["data-format"], "languages": li["data-languages"].split(),
                "everyone": li.has_attr("data-everyone"), "free": li.has_attr("data-free"),
                "low_threshold": li.has_attr("data-low-threshold")}
                for li in section.select("li[data-activity]")])
                for section in soup.select("main section[data-day]")]
        data = json.loads((self.root / self.lang_free(relative)).with_name(
            "week.json").read_text(encoding="utf-8"))
        days = []
        for day, _, rows in data["days"]:
            found = []
            for activity, time, cancelled, *_ in rows:  # (a note, and a span of days)
                row = data["activities"][activity]
                start, end = data["times"][time][:2] if time is not None else (None, None)
                found.append({
                    "activity": row[0], "date": day, "start": start, "end": end,
                    "cancelled": bool(cancelled), "audiences": row[6].split(),
                    "themes": row[7].split(), "format": row[8], "languages": row[9].split(),
                    "everyone": "e" in row[10], "free": "f" in row[10],
                    "low_threshold": "l" in row[10]})
            days.append((day, found))
        return days

    def lang_free(self, relative: str) -> str:
        """A site path without its language folder ('sv/calendar/x/' → 'calendar/x/')."""
        lang = self.lang_of(relative)
        return relative if lang == self.languages[0] else relative.removeprefix(f"{lang}/")

    # languages
    def lang_of(self, relative: str) -> str:
        first = relative.split("/", 1)[0]
        return first if first in self.languages[1:] else self.languages[0]

    def localised(self, path: str, lang: str) -> str:
        """Language-neutral path ('organisations/x/') → site path ('sv/organisations/x/')."""
        return path if lang == self.languages[0] else f"{lang}/{path}"

    # URLs
    def url_of(self, relative: str) -> str:
        """The published URL of an output file (index.html → its folder)."""
        if relative == "index.html":
            return self.base_url
        if relative.endswith("/index.html"):
            return self.base_url + relative[: -len("index.html")]
        return self.base_url + relative

    def file_of(self, url: str) -> str | None:
        """The output file that a published URL (fragment and query dropped) is served from."""
        parts = urlsplit(url)
        clean = f"{parts.scheme}://{parts.netloc}{parts.path}"
        if not clean.startswith(self.base_url):
            return None
        rest = clean[len(self.base_url):]
        if rest == "" or rest.endswith("/"):
            rest += "index.html"
        return rest

    def resolve(self, relative: str, href: str) -> str:
        """An href of the page at `relative`, as an absolute published URL."""
        return urljoin(self.url_of(relative), href)


@dataclass(frozen=True)
class Sources:
    """A snapshot of content/ and templates/, so one session sees one version of both."""

    content: Path
    templates: Path

    def build(self, output: Path, today: dt.date = TODAY, base_url: str = BASE_URL) -> str:
        from hyteguide.build.pipeline import build

        return build(self.content, self.templates, output, today=today, base_url=base_url)


@pytest.fixture(scope="session")
def sources(tmp_path_factory) -> Sources:
    """content/ and templates/ copied once per session (others may be editing the originals)."""
    root = tmp_path_factory.mktemp("sources")
    shutil.copytree(CONTENT, root / "content")
    shutil.copytree(TEMPLATES, root / "templates")
    return Sources(root / "content", root / "templates")


@pytest.fixture(scope="session")
def example_content(sources):
    """The example region loaded with hyteguide.content.load (the source of the expected pages)."""
    from hyteguide.content.load import load_content

    return load_content(sources.content)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, sources, example_content) -> BuiltSite:
    """The example region built once per session for TODAY under BASE_URL."""
    output = tmp_path_factory.mktemp("example") / "site"
    sources.build(output)
    return BuiltSite(output, example_content.site.languages)


class SecondBuild(NamedTuple):
    """The example built again: its output folder and the build's report (what it printed)."""

    root: Path
    report: str


def other_value(current: str | None, usual: str, instead: str) -> str:
    """usual, unless it is what this process already has (then instead)."""
    return instead if current == usual else usual


@pytest.fixture(scope="session")
def second_build(tmp_path_factory, sources) -> SecondBuild:
    """The example built again by the command in another process, with another hash seed and
    another number of workers than built_site: the one extra build that proves determinism
    (every test that compares two builds compares built_site with this one)."""
    from hyteguide.build.parallel import workers

    output = tmp_path_factory.mktemp("again") / "site"
    env = {**os.environ,
           "PYTHONHASHSEED": other_value(os.environ.get("PYTHONHASHSEED"), "4242", "4243"),
           "HYTEGUIDE_JOBS": other_value(str(workers()), "1", "2")}
    done = subprocess.run(
        [sys.executable, "-m", "hyteguide", "build", "--content", str(sources.content),
         "--templates", str(sources.templates), "-o", str(output), "--today", TODAY.isoformat(),
         "--base-url", BASE_URL], cwd=REPO, capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr
    return SecondBuild(output, done.stderr)


# -- a local server for the built site under a sub-path ------------------------------------------

class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves files quietly; like GitHub Pages, a missing path under the site gets its 404.html."""

    site_prefix = SUB_PATH

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / self.site_prefix.strip("/") / "404.html"
        if code == 404 and self.path.startswith(self.site_prefix) and not_found.is_file():
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class LocalServer:
    """A threaded http.server on 127.0.0.1 serving a folder; `url` is where the site is."""

    def __init__(self, www: Path):
        self.www = www
        handler = partial(_QuietHandler, directory=str(www))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.url = self.origin + SUB_PATH
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="test-http",
                                       daemon=True)

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


def serve_folder(site_root: Path, www: Path) -> LocalServer:
    """Copy a built site into www/hyteguide/ and return a server for www (use as a context)."""
    target = www / SUB_PATH.strip("/")
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(site_root, target)
    return LocalServer(www)


@pytest.fixture(scope="session")
def served_site(built_site, tmp_path_factory):
    """The built example served at http://127.0.0.1:PORT/hyteguide/ for the whole session."""
    www = tmp_path_factory.mktemp("www")
    with serve_folder(built_site.root, www) as server:
        yield server


# -- a real browser (see browsing.py) ---------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    from tests.browsing import CHROMIUM, CHROMIUM_ARGS, unavailable

    if not CHROMIUM.is_file():
        unavailable(f"{CHROMIUM} is missing: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright for Python is not installed: pip install -e '.[test]'")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                              headless=True)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


@pytest.fixture(scope="session")
def axe_path() -> Path:
    from tests.browsing import AXE, unavailable

    if not AXE.is_file():
        unavailable(f"{AXE.relative_to(REPO)} is missing: run npm ci")
    return AXE


# -- a region large enough to page: generated, built with small page sizes ---------------------

# Small page sizes (hyteguide.pages.paging.SIZES), so that a small region has every kind of paged
# list: lists and a term's two lists over several pages, calendar weeks split by day and days
# split into pages beside weeks on one page, handouts split by theme and paged beside handouts
# on one page, and the home page's previews of longer days.
SMALL_PAGES = dict(cards=7, calendar=20, handout=8, handout_split=30, home_today=4,
                   home_per_day=2)
PAGED_ORGANISATIONS = 40


def generate_region(target: Path, organisations: int) -> Path:
    """A region written by bench/generate.py (deterministic: seed 1, today TODAY)."""
    subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), "--organisations",
                    str(organisations), "--out", str(target), "--today", TODAY.isoformat()],
                   check=True, capture_output=True, timeout=300)
    return target


@pytest.fixture(scope="session")
def paged_region(tmp_path_factory) -> Path:
    return generate_region(tmp_path_factory.mktemp("paged") / "content", PAGED_ORGANISATIONS)


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory, sources, paged_region) -> BuiltSite:
    """The generated region built for TODAY with SMALL_PAGES."""
    from hyteguide.build.pipeline import build
    from hyteguide.content.load import load_content
    from hyteguide.pages import paging

    output = tmp_path_factory.mktemp("paged-site") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paging, "SIZES", paging.PageSizes(**SMALL_PAGES))
        build(paged_region, sources.templates, output, today=TODAY, base_url=BASE_URL)
    return BuiltSite(output, load_content(paged_region, TODAY).site.languages)
