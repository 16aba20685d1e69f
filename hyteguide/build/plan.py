"""Which of a build's tasks run, and which of their files come from the build cache.

Without a cache every task runs. With one (buildcache.py), a page in a language is reused when
the cache has it made from the same page data and the same dependencies; a whole-guide task
(search, feeds, open data of a language; the calendar's week data) when no content file
changed and the build day is the same. What runs is kept in the cache for the next build.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hyteguide.build.parallel import chunked
from hyteguide.web.dependencies import using_today

if TYPE_CHECKING:
    from hyteguide.build.cache import BuildCache, Output
    from hyteguide.build.render import Renderer
    from hyteguide.pages.spec import PageSpec


@dataclass(frozen=True)
class Made:
    """One output file, as a worker reports it to the build."""

    task: tuple
    path: str
    length: int
    blob: str | None = None  # its name in the cache (a cached build)
    dependencies: tuple | None = None  # what a page read, when it was rendered (cached build)
    key: bytes | None = None  # the fingerprint of all a rendered page was made from
    reused: bool = False  # linked from the cache, not made
    search_size: tuple[int, int] | None = None  # bytes raw and gzipped, of a search file


def _name(task: tuple) -> str:
    return f"{task[0]}/{task[1]}"


class Plan:
    """The tasks of one build (render.Renderer.render_all): which whole-guide tasks run and
    which are reused; every page goes to the workers, which reuse or render it."""

    def __init__(self, renderer: Renderer, specs: Sequence[PageSpec], cache: BuildCache | None):
        self.specs = specs
        self.cache = cache
        languages = renderer.languages
        whole = [*((kind, lang) for kind in ("search", "feeds", "opendata") for lang in languages),
                 ("calendar-data", languages[0])]
        # A page's languages one after another: what they share (its Markdown, its schedule's
        # dates) is then made once, in the same worker.
        self.pages = [("page", lang, n) for n in range(len(specs)) for lang in languages]
        self.reused_tasks: list[tuple[str, tuple]] = []
        self.kept: dict[str, list[tuple[str, str, Any]]] = {}
        self.whole: list[tuple] = []
        self.today: dict[str, bool] = {}
        if cache is None:
            self.whole = whole
            return
        self.today = using_today(renderer.env, sorted({spec.template for spec in specs}))
        for task in whole:
            files = cache.reusable_task(_name(task))
            if files is None:
                self.whole.append(task)
                self.kept[_name(task)] = []
            else:
                self.reused_tasks.append((_name(task), files))

    def page_chunks(self) -> list[Sequence[tuple]]:
        """The pages, in the chunks the workers take them in."""
        return chunked(self.pages)

    def whole_chunks(self) -> list[Sequence[tuple]]:
        """The whole-guide tasks that run, each a chunk of its own: they read all of the guide,
        so the workers run them one at a time (parallel.py)."""
        return [[task] for task in self.whole]

    def made(self, made: Made) -> None:
        """Keep a file a task made or reused in the cache, with what it was made from."""
        cache = self.cache
        if cache is None or made.blob is None:
            return
        if made.task[0] != "page":  # reused whole-guide files were kept as they were
            if not made.reused:
                self.kept[_name(made.task)].append((made.path, made.blob, made.search_size))
            return
        _, lang, number = made.task
        spec = self.specs[number]
        if made.reused:
            cache.keep_reused(spec.path, lang)
            return
        assert made.key is not None and made.dependencies is not None
        cache.keep_page(spec.path, lang, made.key, made.dependencies, made.blob)

    def reuse(self, output: Output) -> Iterator[Made]:
        """Link the reused whole-guide files into the output; keep what the tasks made for
        the next build."""
        cache = self.cache
        if cache is None:
            return
        for _, files in self.reused_tasks:
            for path, blob, size in files:
                source = cache.blob_path(blob)
                output.link(path, source)
                yield Made(("task",), path, os.stat(source).st_size, blob, reused=True,
                           search_size=tuple(size) if size else None)
        for name, made in self.kept.items():
            cache.keep_task(name, made)
