"""Render: the Guide → HTML pages per language (Jinja), plus sitemap, robots and assets.

Templates get ready data and a few display helpers (helpers.py); they hold no logic beyond
display. Which pages there are is the page catalogue's (catalogue.py, lists.py); where they
are, the route table's (routes.py, urls.py); the build's tasks are build/tasks.py's.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2

from hyteguide.build.cache import BuildCache, Output
from hyteguide.build.tasks import render_all
from hyteguide.common.language import LanguageView
from hyteguide.common.routes import path_to
from hyteguide.derive.guide import Guide
from hyteguide.editor.files import editor_files, has_editor
from hyteguide.editor.labels import labels
from hyteguide.feeds.jsonld import Context as LinkedDataContext
from hyteguide.feeds.jsonld import activity_data, place_data, script
from hyteguide.model import Activity, Place, Text
from hyteguide.pages import sitemap
from hyteguide.pages.calendardata import WeekData
from hyteguide.pages.catalogue import PageCatalogue
from hyteguide.pages.environment import make_environment
from hyteguide.pages.helpers import language_helpers, page_helpers
from hyteguide.pages.paging import Localised
from hyteguide.pages.spec import PageSpec
from hyteguide.schedule.occurrences import rolling_horizon
from hyteguide.search.files import SearchSizes
from hyteguide.web.assets import asset_data
from hyteguide.web.dependencies import record, record_objects
from hyteguide.web.i18n import load_catalogue
from hyteguide.web.sources import asset_files
from hyteguide.web.urls import Urls, path_of

__all__ = ["PageSpec", "Renderer", "make_environment", "static_files"]


@dataclass(frozen=True)
class Alternate:
    """A page's version in a language, as its head and language menu link it."""

    lang: str
    name: str
    href: str  # page-relative link
    absolute: str


class Renderer:
    """Renders every page of a Guide in every site language."""

    def __init__(self, guide: Guide, templates: Path, base_url: str | None = None,
                 changed: dict[str, dt.date] | None = None,
                 env: jinja2.Environment | None = None,
                 committed: dict[str, dt.datetime] | None = None,
                 editor_hosts: tuple[str, ...] = ()):
        self.guide = guide
        # The preview's host names: its form editor saves through the local backend.
        self.editor_hosts = editor_hosts
        self.site = guide.content.site
        self.languages = self.site.languages
        self.templates = templates
        self.urls = Urls(base_url or self.site.base_url, self.languages)
        self.env = env or make_environment(templates)  # the preview keeps one between builds
        self._language_helpers: dict[str, dict[str, Any]] = {}
        self.catalogues = {lang: load_catalogue(templates, lang) for lang in self.languages}
        self.search_sizes = SearchSizes()
        self.bytes_written = 0  # by render_all: the size of the site, for the build's report
        self.changed = changed or {}  # content file → date of its last commit (history.py)
        self.committed = committed or {}  # content file → instant of its last commit (feeds)
        self.page_catalogue = PageCatalogue(guide, self.catalogues, self.urls.base_url,
                                            self.changed)
        self.fragments: dict[tuple, tuple] = {}  # parts of pages rendered once (helpers.once)
        self.menu = tuple(sorted((p for p in guide.content.pages if p.menu is not None),
                                 key=lambda p: (p.menu, p.slug)))

    # -- what templates see (helpers.py) --------------------------------------------------------

    def language_helpers(self, lang: str) -> dict[str, Any]:
        """The helpers that are the same on every page of a language, made once."""
        if lang not in self._language_helpers:
            self._language_helpers[lang] = language_helpers(self, lang)
        return self._language_helpers[lang]

    def helpers(self, lang: str, here: str, rooted: bool = False) -> dict[str, Any]:
        """Everything a page's template sees besides its own data (helpers.page_helpers)."""
        return page_helpers(self, lang, here, rooted)

    def linked_data_script(self, target: object, lang: str, occurrences: Any = ()) -> str:
        """The schema.org JSON-LD script element of an activity or place page."""
        return script(self.linked_data(target, lang, occurrences))

    def linked_data(self, target: object, lang: str, occurrences: Any = ()) -> dict[str, Any]:
        """schema.org data of an activity (with the occurrences its page lists) or a place."""
        guide, urls = self.guide, self.urls
        record_objects(target)  # what it reads, for the build cache (dependencies.py)
        if isinstance(target, Activity):
            record(("day", target.key))
            record(("item", "activity_municipalities", target.key))
            record(("item", "place_by_slug", target.place))
            record_objects(guide.organisation_of(target))
            if target.place in guide.place_by_slug:
                record_objects(guide.place_by_slug[target.place])
        vocabulary = guide.content.vocabulary
        ctx = LinkedDataContext(
            lang, zoneinfo.ZoneInfo(self.site.timezone), vocabulary,
            LanguageView.of(lang, vocabulary, urls, path_of).page_url, guide.today,
            rolling_horizon(guide.today))
        if isinstance(target, Place):
            return place_data(target, ctx)
        if isinstance(target, Activity):
            place = guide.place_by_slug.get(target.place) if target.place else None
            return activity_data(target, guide.organisers_of(target), place,
                                 guide.activity_municipalities[target.key], occurrences, ctx,
                                 guide.place_by_slug)
        raise TypeError(f"no structured data for {target!r}")

    # -- pages ------------------------------------------------------------------------------

    def pages(self) -> Iterator[PageSpec]:
        """Every page of the site (catalogue.PageCatalogue)."""
        return self.page_catalogue.pages()

    def render_all(self, output: Output, cache: BuildCache | None = None) -> int:
        """Write every output file through output; return the count (build/tasks.py)."""
        return render_all(self, output, cache)

    @property
    def has_editor(self) -> bool:
        """Whether the site has the form editor (editor/files.py)."""
        return has_editor(self, bool(self.editor_hosts))

    def edit_url(self, target: Any) -> str | None:
        """The source file of a page on GitHub, opened for editing."""
        if not self.site.repository:
            return None
        return f"{self.site.repository.rstrip('/')}/edit/{quote(self.site.branch)}/" \
               f"{quote(target.source.path)}"

    def page_context(self, spec: PageSpec, lang: str) -> dict[str, Any]:
        """A page's own data as its template gets it in a language."""
        return {name: value.value(lang) if isinstance(value, Localised) else value
                for name, value in spec.context.items()}

    def render_page(self, spec: PageSpec, lang: str,
                    context: dict[str, Any] | None = None) -> str:
        """A page in a language: its template given the helpers, the page's own data
        (context, when it is at hand already) and what every page's head needs."""
        here = self.urls.localised(spec.path, lang)
        helpers = self.helpers(lang, here)
        catalogue = helpers["_"]
        title = spec.title
        if isinstance(title, str):
            title = catalogue(title)
        elif isinstance(title, Text):
            title = title.get(lang)[0]
        return self.env.get_template(spec.template).render({
            **helpers,
            "page_title": title,
            "page_path": spec.path,
            "canonical": self.urls.absolute(here),
            "alternates": self.alternates(spec.path, here),
            "listed": spec.listed,
            **(context if context is not None else self.page_context(spec, lang)),
        })

    def alternates(self, path: str, here: str) -> list[Alternate]:
        """The page at path in every language, linked from here."""
        return [Alternate(lang, self.catalogues[lang]("language_name"),
                          self.urls.relative(here, self.urls.localised(path, lang)),
                          self.urls.absolute(self.urls.localised(path, lang)))
                for lang in self.languages]

    def render_not_found(self) -> str:
        """The 404 page, in the default language with a word in each other: served at any
        address, it links from the site's root."""
        lang = self.site.default_language
        path = path_to("not_found")
        context = {**self.helpers(lang, path, rooted=True),
                   "page_title": self.catalogues[lang]("notfound.title"), "page_path": path,
                   "canonical": None, "alternates": [], "catalogues": self.catalogues}
        return self.env.get_template("404.html").render(context)

    def template_names(self, spec: PageSpec, lang: str) -> list[str]:
        """The names a page's template is given (for a hint at an undefined one)."""
        here = self.urls.localised(spec.path, lang)
        return [*self.helpers(lang, here), "page_title", "page_path", "canonical",
                "alternates", "listed", *spec.context]

    def sitemaps(self, specs: list[PageSpec]) -> dict[str, bytes]:
        """The sitemap index and its parts (sitemap.py): every listed page in every language."""
        urls = self.urls
        entries = (entry for spec in specs if spec.listed
                   for entry in sitemap.url_entries(spec.priority, [
                       urls.absolute(urls.localised(spec.path, lang)) for lang in self.languages]))
        return sitemap.files(entries, urls.absolute)

    def site_files(self, specs: list[PageSpec]) -> dict[str, Callable[[], bytes]]:
        """The files about the whole site: the 404 page, the sitemaps, robots.txt, .nojekyll."""
        sitemaps = self.sitemaps(specs)
        editor = editor_files(self, labels, self.editor_hosts) if self.has_editor else {}
        return {path_to("not_found"): lambda: self.render_not_found().encode("utf-8"),
                **{path: partial(bytes, data) for path, data in sitemaps.items()},
                path_to("robots"): partial(sitemap.robots, self.urls.absolute),
                ".nojekyll": lambda: b"", **editor}

    def week_data(self) -> WeekData:
        """The maker of the calendar's later weeks' data files (calendardata.py)."""
        return WeekData(self.guide, self.catalogues)

    def page_bytes(self, spec: PageSpec, lang: str) -> bytes:
        """A page's file in a language (the preview)."""
        return self.render_page(spec, lang).encode("utf-8")


def static_files(templates: Path) -> Iterator[tuple[str, bytes]]:
    """The site's own assets: templates/assets/** → assets/**."""
    for name, path in asset_files(templates):  # the region's over the defaults
        yield "assets/" + name, asset_data(name, path)
