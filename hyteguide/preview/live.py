"""The preview's site, held in memory and made on request.

`hyteguide build` makes every file; the preview cannot, at regional scale, after every save
(3,000 organisations: tens of thousands of files). So a `LiveSite` is refreshed after each
change: the content is loaded again, but a file whose bytes are unchanged is not parsed again
(load.LoadCache), and derived again, lazily, with each unchanged activity's occurrences reused
(derive.OccurrenceCache). Each file is then made from the refreshed guide when the browser
asks for it, by the same functions the build uses, so what the preview shows is what a build
would write: there are no stale pages to track, and no dependency map that could be wrong.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hyteguide.build.pipeline import node_modules_of
from hyteguide.common.problems import Problem
from hyteguide.content.history import Commit, head, last_commits
from hyteguide.content.load import LoadCache, load_content, today_in
from hyteguide.derive.guide import Guide, OccurrenceCache, derive
from hyteguide.pages.render import Renderer, make_environment
from hyteguide.search.files import SEARCH_PAGE, VENDOR_FILES
from hyteguide.search.files import files as search_files

TEMPLATE_ENDINGS = (".html", ".xml")


@dataclass(frozen=True)
class Refresh:
    """What a refresh found: the content's warnings and how long each stage took."""

    warnings: tuple[Problem, ...]
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self, guide: Guide) -> str:
        content = guide.content
        return (f"Refreshed the preview for {guide.today.isoformat()} "
                f"({len(content.organisations)} organisations, {len(content.places)} places) in "
                + ", ".join(f"{name} {seconds:.3f} s" for name, seconds in self.timings.items()))


class LiveSite:
    """A site made on request from a content and a templates folder."""

    def __init__(self, content: Path, templates: Path, base_url: str,
                 today: dt.date | None = None):
        self.content, self.templates, self.base_url, self.today = \
            content, templates, base_url, today
        self.loads = LoadCache()
        self.occurrences = OccurrenceCache()
        self.env = make_environment(templates)  # compiled templates kept between refreshes
        self.history: tuple[str | None, dict[str, Commit]] = ("", {})
        self.renderer: Renderer | None = None
        self._made: dict[str, bytes] = {}

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
                            committed={path: c.instant for path, c in commits.items()})
        timings["templates"] = time.perf_counter() - start
        self.renderer, self._made = renderer, {}
        return Refresh(tuple(content.extra.get("warnings", ())), timings)

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
        if path.startswith("assets/"):
            return self.asset(path)
        if self.renderer is None:
            return None
        if path not in self._made:
            made = self.renderer.maker(path) or self.search_file(path)
            if made is None:
                return None
            self._made[path] = made() if callable(made) else made
        return self._made[path]

    def is_folder(self, path: str) -> bool:
        """Whether a path without its final slash names a page (for a redirect)."""
        return bool(self.renderer and path and not path.endswith("/")
                    and self.renderer.maker(f"{path}/index.html"))

    def search_file(self, path: str) -> bytes | None:
        """A search file: every search file of its language is made at its first request."""
        renderer = self.renderer
        for lang in renderer.languages:
            folder = renderer.urls.localised(SEARCH_PAGE, lang)
            if path.startswith(folder) and path != folder + "index.html":
                made = dict(search_files(renderer.guide, renderer.urls, renderer.catalogues,
                                         (lang,)))
                self._made.update(made)
                return made.get(path)
        return None

    def asset(self, path: str) -> bytes | None:
        """A file of templates/assets, or a browser library from node_modules."""
        name = path.removeprefix("assets/")
        vendor = {target: source for source, target in VENDOR_FILES.items()}
        if name.startswith("vendor/"):
            source = vendor.get(name.removeprefix("vendor/"))
            file = node_modules_of(self.templates) / source if source else None
        else:
            root = (self.templates / "assets").resolve()
            file = (root / name).resolve()
            if not file.is_relative_to(root) or any(
                    part.startswith(".") for part in file.relative_to(root).parts):
                return None
        try:
            return file.read_bytes() if file and file.is_file() else None
        except OSError:
            return None
