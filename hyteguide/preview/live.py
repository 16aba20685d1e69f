"""The preview's site, held in memory and made on request.

`hyteguide build` makes every file; the preview cannot, at regional scale, after every save
(3,000 organisations: tens of thousands of files). So a `LiveSite` is refreshed after each
change: the content is loaded again, but a file whose bytes are unchanged is not parsed again
(load.LoadCache), and derived again, lazily, with each unchanged activity's occurrences reused
(derive.upcoming.OccurrenceCache). Each file is then made from the refreshed guide when the browser
asks for it, by the same functions the build uses, so what the preview shows is what a build
would write: there are no stale pages to track, and no dependency map that could be wrong.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from hyteguide.build.pipeline import node_modules_of
from hyteguide.build.render import Renderer
from hyteguide.common.problems import Problem
from hyteguide.content.history import Commit, head, last_commits
from hyteguide.content.load import LoadCache, load_content, today_in
from hyteguide.derive.guide import Guide, derive
from hyteguide.derive.upcoming import OccurrenceCache
from hyteguide.editor.files import vendor_file as editor_vendor_file
from hyteguide.feeds.ical import Feeds, scopes
from hyteguide.opendata.exports import SHARED as OPENDATA_SHARED
from hyteguide.opendata.exports import files as opendata_files
from hyteguide.opendata.exports import language_paths as opendata_paths
from hyteguide.pages.environment import make_environment
from hyteguide.pages.spec import PageSpec
from hyteguide.search.files import SEARCH_PAGE, VENDOR_FILES
from hyteguide.search.files import files as search_files
from hyteguide.web.assets import asset_data
from hyteguide.web.sources import asset_file
from hyteguide.web.urls import calendar_data_path, feed_path

TEMPLATE_ENDINGS = (".html", ".xml")


@dataclass(frozen=True)
class Refresh:
    """What a refresh made and found: the guide, the content's warnings and how long each stage
    took."""

    guide: Guide
    warnings: tuple[Problem, ...]
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        guide, content = self.guide, self.guide.content
        return (f"Refreshed the preview for {guide.today.isoformat()} "
                f"({len(content.organisations)} organisations, {len(content.places)} places) in "
                + ", ".join(f"{name} {seconds:.3f} s" for name, seconds in self.timings.items()))


class LiveSite:
    """A site made on request from a content and a templates folder."""

    def __init__(self, content: Path, templates: Path, base_url: str,
                 today: dt.date | None = None, editor_hosts: tuple[str, ...] = ()):
        self.content, self.templates, self.base_url, self.today = \
            content, templates, base_url, today
        self.editor_hosts = editor_hosts  # names the form editor's local backend is used on
        self.loads = LoadCache()
        self.occurrences = OccurrenceCache()
        self.env = make_environment(templates)  # compiled templates kept between refreshes
        self.history: tuple[str | None, dict[str, Commit]] = ("", {})
        # The site served: one value, replaced whole by a refresh (which runs in a thread of its
        # own while requests are answered from the one before).
        self._site: tuple[Renderer | None, Makers | None, dict[str, bytes]] = (None, None, {})

    @property
    def renderer(self) -> Renderer | None:
        return self._site[0]

    @property
    def makers(self) -> Makers | None:
        return self._site[1]

    def refresh(self, changed: Iterable[str] = ()) -> Refresh:
        """Load and derive the content again; raises ContentError (and template syntax
        errors) like a build. Until the next good refresh the last good site is kept.
        `changed`: paths the file watcher saw change, read again whatever their stat says."""
        self.loads.dirty.update(os.path.abspath(path) for path in changed)
        timings = {}
        start = time.perf_counter()
        content = load_content(self.content, self.today, self.loads)
        timings["load"] = time.perf_counter() - start
        start = time.perf_counter()
        guide = derive(content, self.today or today_in(content.site.timezone),
                       self.occurrences, lazy=True)
        timings["derive"] = time.perf_counter() - start
        start = time.perf_counter()
        self.compile_templates()
        commits = self.commits()
        renderer = Renderer(guide, self.templates, self.base_url,
                            {path: c.day for path, c in commits.items()}, self.env,
                            committed={path: c.instant for path, c in commits.items()},
                            editor_hosts=self.editor_hosts)
        timings["templates"] = time.perf_counter() - start
        self._site = (renderer, Makers(renderer), {})
        return Refresh(guide, tuple(content.extra.get("warnings", ())), timings)

    def compile_templates(self) -> None:
        """Every page template, compiled now, so that a syntax error shows on every page;
        unchanged ones come from the environment's cache."""
        for name in self.env.list_templates():
            if name.endswith(TEMPLATE_ENDINGS) and not name.startswith("assets/"):
                self.env.get_template(name)

    def commits(self) -> dict[str, Commit]:
        """history.last_commits, run again only after a commit."""
        commit = head(self.content)
        if commit != self.history[0]:
            self.history = (commit, last_commits(self.content))
        return self.history[1]

    @property
    def guide(self) -> Guide | None:
        return self.renderer.guide if self.renderer else None

    def file(self, path: str) -> bytes | None:
        """The bytes a build would write at a site path ('' and 'x/' name index.html), or
        None. Template errors are raised, for the caller to show."""
        path = "index.html" if path in ("", "/") else path
        path = path + "index.html" if path.endswith("/") else path
        if path.startswith("assets/") and (asset := self.asset(path)) is not None:
            return asset  # else a file the build writes among the assets (the form shapes)
        renderer, makers, done = self._site  # one site throughout, whatever a refresh does
        if makers is None:
            return None
        if path not in done:
            made = makers.maker(path) or self.search_file(path, renderer, done)
            if made is None:
                return None
            done[path] = made() if callable(made) else made
        return done[path]

    def is_folder(self, path: str) -> bool:
        """Whether a path without its final slash names a page (for a redirect)."""
        makers = self.makers
        return bool(makers and path and not path.endswith("/")
                    and makers.maker(f"{path}/index.html"))

    def search_file(self, path: str, renderer: Renderer | None,
                    done: dict[str, bytes]) -> bytes | None:
        """A search file: every search file of its language is made at its first request (and
        kept in done, the site's made files)."""
        if renderer is None:
            return None
        for lang in renderer.languages:
            folder = renderer.urls.localised(SEARCH_PAGE, lang)
            if path.startswith(folder) and path != folder + "index.html":
                made = dict(search_files(renderer.guide, renderer.urls, renderer.catalogues,
                                         (lang,)))
                done.update(made)
                return made.get(path)
        return None

    def asset(self, path: str) -> bytes | None:
        """A file of templates/assets, or a browser library from node_modules."""
        name = path.removeprefix("assets/")
        vendor = {target: source for source, target in VENDOR_FILES.items()}
        editor = editor_vendor_file(node_modules_of(self.templates), path)
        if editor is not None:
            return editor
        if name.startswith("vendor/"):
            source = vendor.get(name.removeprefix("vendor/"))
            file = node_modules_of(self.templates) / source if source else None
        else:
            file = asset_file(self.templates, name)  # the region's, else the default
        try:
            return asset_data(name, file) if file and file.is_file() else None
        except OSError:
            return None


class Makers:
    """How to make each file of a renderer's site when the browser asks for it."""

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer
        self._routes: tuple[dict, dict] | None = None  # made by maker() when first needed
        self._exports: dict[str, dict[str, bytes]] = {}  # open data files by language

    def maker(self, path: str) -> Callable[[], bytes] | None:
        """How to make the file at a site path (a page, feed, open data or site file; not search
        files or assets), or None: the preview makes only what the browser asks for. An entry's
        own page is found at once (the route table's inverse); anything else after listing
        every page once (`routes`)."""
        renderer = self.renderer
        lang, neutral = renderer.urls.split_language(path)
        spec = renderer.page_catalogue.page_at(neutral.removesuffix("index.html"))
        if spec:
            return partial(renderer.page_bytes, spec, lang)
        if self._routes is None:
            specs = list(renderer.pages())
            shared = {path: partial(self.export_file, path, renderer.languages[0])
                      for path in OPENDATA_SHARED.values()}
            self._routes = self.routes(specs), {**renderer.site_files(specs), **shared,
                                                **self.week_data_files()}
        routes, site_files = self._routes
        if path in site_files:  # by their whole path (a language's editor page is one)
            return site_files[path]
        found = routes.get(neutral)
        return partial(found, lang) if found else None

    def routes(self, specs: list[PageSpec]) -> dict[str, Callable[[str], bytes]]:
        """Language-neutral file path → how to make it in a language: every page and feed."""
        renderer = self.renderer
        found: dict[str, Callable[[str], bytes]] = {
            renderer.urls.output_file(spec.path): partial(renderer.page_bytes, spec)
            for spec in specs}
        feeds_ = Feeds(renderer.guide, renderer.urls, renderer.catalogues, renderer.committed)
        found.update((feed_path(scope.target), partial(feeds_.feed, scope))
                     for scope in scopes(renderer.guide))
        found.update((path, partial(self.export_file, path)) for path in opendata_paths())
        return found

    def week_data_files(self) -> dict[str, Callable[[], bytes]]:
        """Each later week's data file by path, made when asked for."""
        maker = self.renderer.week_data()
        return {calendar_data_path(c.municipality, c.weeks[i].slug): partial(maker.data, c, i)
                for c in self.renderer.guide.calendars for i in range(1, len(c.weeks))}

    def export(self, lang: str) -> dict[str, bytes]:
        """Every open data file of a language (opendata.files), made once."""
        renderer = self.renderer
        if lang not in self._exports:
            self._exports[lang] = dict(opendata_files(renderer.guide, renderer.urls,
                                                      renderer.catalogues, lang,
                                                      renderer.changed))
        return self._exports[lang]

    def export_file(self, neutral: str, lang: str) -> bytes:
        """An open data file by its language-neutral path, in a language."""
        return self.export(lang)[self.renderer.urls.localised(neutral, lang)]
