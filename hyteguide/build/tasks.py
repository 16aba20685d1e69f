"""The build's tasks: every page in every language, and the whole-guide files (search, feeds,
open data of a language; the calendar's week data), made in worker processes (parallel.py).

Render.Renderer.render_all runs them; plan.py says which run and which come from the cache.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from itertools import chain
from typing import TYPE_CHECKING

from hyteguide.build.parallel import in_parallel, release_memory
from hyteguide.build.plan import Made, Plan
from hyteguide.feeds.ical import feeds
from hyteguide.opendata.exports import files as opendata_files
from hyteguide.pages.environment import problems_of_templates
from hyteguide.pages.spec import PageSpec, check_unique
from hyteguide.search.files import SearchSizes
from hyteguide.search.files import files as search_files
from hyteguide.search.files import kind_of as search_kind
from hyteguide.web.dependencies import recording
from hyteguide.web.memo import remembering

if TYPE_CHECKING:
    from hyteguide.build.cache import BuildCache, Output
    from hyteguide.build.render import Renderer


def render_all(renderer: Renderer, output: Output, cache: BuildCache | None = None) -> int:
    """Write every output file through output.put(site-relative path, bytes); return the
    count. Pages, feeds, search files and open data are rendered, and written, in worker
    processes (parallel.py). With a cache, what it has as it would be made now is linked
    from it (output.link) instead, and what is made is kept in it (buildcache.py). A template
    error ends the build as a problem (environment.TemplateProblem)."""
    specs = list(renderer.pages())
    check_unique(specs)
    renderer.page_catalogue.prepare()
    with problems_of_templates(renderer.templates):
        for name in sorted({spec.template for spec in specs}):
            renderer.env.get_template(name)  # compiled once, before the workers fork
    plan = Plan(renderer, specs, cache)
    tasks = Tasks(renderer, specs, cache, plan.today)

    def work(chunk: Sequence[tuple]) -> list[Made]:
        done = []
        for made, data in tasks.run(chunk, output):
            if data is not None:
                written = output.put(made.path, data)
                if cache is not None:
                    made = replace(made, blob=cache.store(data, written))
            done.append(made)
        return done

    # Two whole-guide tasks at once (as memory allows) only in a cached build, where most
    # pages are reused and those tasks are most of the work: after an edit at 3,000
    # organisations 83 → 70 s. Without a cache one runs beside the pages (4 % faster).
    at_once = None if cache is not None else 1
    count = 0
    for made in chain(in_parallel(work, plan.page_chunks(), heavy=plan.whole_chunks(),
                                  at_once=at_once),
                      plan.reuse(output)):
        count += 1
        renderer.bytes_written += made.length
        if made.search_size:
            renderer.search_sizes.files[made.path] = made.search_size
        plan.made(made)
    with problems_of_templates(renderer.templates):
        others = renderer.site_files(specs)
        for path, make in others.items():
            data = make()
            output.put(path, data)
            renderer.bytes_written += len(data)
    return count + len(others)


class Tasks:
    """Makes the output files of tasks, in whichever process runs them."""

    def __init__(self, renderer: Renderer, specs: Sequence[PageSpec],
                 cache: BuildCache | None, today: dict[str, bool]) -> None:
        self.renderer = renderer
        self.specs = specs  # the pages, by the number their tasks name them by
        self.cache = cache
        self.today = today  # the templates that name the build day (a cached build)

    def run(self, tasks: Sequence[tuple], output: Output | None = None
            ) -> Iterator[tuple[Made, bytes | None]]:
        """Output files of tasks, one at a time as they are made, each with what the build
        needs to know of it. Tasks: ("page", language, number in the list of specs),
        ("feeds", language), ("search", language), ("opendata", language) or
        ("calendar-data", first language). In a cached build a page the cache has as it would
        be made now is linked into output (its bytes None), and a page rendered comes with
        what its rendering read (dependencies.py). The large tasks give back their memory
        when they are done."""
        for task in tasks:
            kind, lang, *number = task
            if kind == "page":
                spec = self.specs[number[0]]
                names = partial(self.renderer.template_names, spec, lang)
                with problems_of_templates(self.renderer.templates, names):
                    yield self.page(task, spec, lang, output)
                continue
            yield from self.whole(task)

    def whole(self, task: tuple) -> Iterator[tuple[Made, bytes | None]]:
        """The files of a whole-guide task."""
        renderer, (kind, lang) = self.renderer, task
        guide, urls, catalogues = renderer.guide, renderer.urls, renderer.catalogues
        if kind == "calendar-data":  # one file a week for every language
            files: Iterable[tuple[str, bytes]] = renderer.week_data().files(guide.calendars)
        elif kind == "search":
            files = search_files(guide, urls, catalogues, (lang,))
        elif kind == "feeds":
            files = feeds(guide, urls, catalogues, (lang,), renderer.committed)
        else:  # not through the preview's export(): it keeps those, a build needs them once
            files = opendata_files(guide, urls, catalogues, lang, renderer.changed)
        # What the task works out from texts is remembered in a cached build (memo.py).
        with remembering(self.cache.memo_path(f"{kind}-{lang}") if self.cache else None):
            for path, data in files:
                yield Made(task, path, len(data), search_size=SearchSizes.measure(data)
                           if search_kind(path) else None), data
        release_memory()

    def page(self, task: tuple, spec: PageSpec, lang: str, output: Output | None
             ) -> tuple[Made, bytes | None]:
        """A page in a language: rendered, or in a cached build linked from the cache."""
        renderer, cache = self.renderer, self.cache
        path = renderer.urls.output_file(renderer.urls.localised(spec.path, lang))
        if cache is None:
            data = renderer.render_page(spec, lang).encode("utf-8")
            return Made(task, path, len(data)), data
        context = renderer.page_context(spec, lang)
        digest = cache.page_digest(spec, lang, context)
        blob = cache.reusable(spec.path, lang, digest)
        if blob is not None and output is not None:
            source = cache.blob_path(blob)
            output.link(path, source)
            return Made(task, path, os.stat(source).st_size, blob, reused=True), None
        with recording() as found:
            data = renderer.render_page(spec, lang, context).encode("utf-8")
        if self.today.get(spec.template):
            found.add(("today",))
        dependencies = tuple(sorted(found, key=repr))
        return Made(task, path, len(data), dependencies=dependencies,
                    key=cache.page_key(digest, dependencies)), data
