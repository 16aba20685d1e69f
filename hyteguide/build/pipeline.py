"""The build, top to bottom: load → derive → render → write."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from hyteguide.build.cache import BuildCache, code_fingerprint, content_files
from hyteguide.build.render import Renderer, static_files
from hyteguide.build.write import Staging, UnsafeOutput
from hyteguide.common.problems import Problem, format_report
from hyteguide.content.history import last_commits
from hyteguide.content.load import load_content, today_in
from hyteguide.derive.guide import derive
from hyteguide.editor.files import DECAP_TARGET, YAML_TARGET, has_editor
from hyteguide.editor.files import vendor_files as editor_vendor_files
from hyteguide.search.files import vendor_files
from hyteguide.web.sources import node_modules_candidates


def node_modules_of(templates: Path) -> Path:
    """Where the browser libraries are: the first node_modules with lunr in it, beside the
    templates folder, in the current folder, or hyteguide's defaults (sources.py)."""
    candidates = list(node_modules_candidates(templates))
    return next((folder for folder in candidates if (folder / "lunr").is_dir()), candidates[0])


@dataclass(frozen=True)
class BuildResult:
    """What a build did: its report (the text printed), and the content's warnings."""

    report: str
    warnings: tuple[Problem, ...] = ()

    def __str__(self) -> str:
        return self.report


def build(content_dir: Path, templates: Path, output: Path, today: dt.date | None = None,
          base_url: str | None = None, cache: Path | None = None) -> BuildResult:
    """Build the site into output atomically; return what it did. Raises ContentError.
    With a cache folder, reuse what it has that has not changed, and keep what is made for
    the next build (buildcache.py); the output is the same either way."""
    if cache is not None:
        _check_cache_folder(cache, content_dir, templates, output)
    timings = {}
    start = time.perf_counter()
    content = load_content(content_dir, today)  # consent expiry is checked against this date
    timings["load"] = time.perf_counter() - start
    today = today or today_in(content.site.timezone)

    start = time.perf_counter()
    guide = derive(content, today)
    timings["derive"] = time.perf_counter() - start

    start = time.perf_counter()
    commits = last_commits(content_dir)
    renderer = Renderer(guide, templates, base_url,
                        changed={path: c.day for path, c in commits.items()},
                        committed={path: c.instant for path, c in commits.items()})
    node_modules = node_modules_of(templates)
    assets = [*static_files(templates), *vendor_files(node_modules),
              *(editor_vendor_files(node_modules) if has_editor(renderer, False) else ())]
    build_cache = None
    if cache is not None:
        build_cache = BuildCache(cache, code_fingerprint(templates), renderer.urls.base_url,
                                 content_files(content_dir, guide, commits), guide,
                                 renderer.menu)
    staging = Staging(output)
    try:
        for path, data in assets:
            staging.put(path, data)
        count = len(assets) + renderer.render_all(staging, build_cache)
        size = sum(len(data) for _, data in assets) + renderer.bytes_written
        staging.commit()
    except BaseException:
        staging.discard()
        raise
    timings["render+write"] = time.perf_counter() - start
    if build_cache is not None:
        build_cache.save()

    warnings = content.extra.get("warnings", [])
    lines = [format_report(warnings)] if warnings else []
    activities = sum(len(o.activities) for o in content.organisations)
    lines.append(
        f"Built {count} files ({megabytes(size)}) into {output} for {today.isoformat()} "
        f"({len(content.organisations)} organisations, {activities} activities, "
        f"{len(content.places)} places, {len(content.site.languages)} languages) in "
        + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in timings.items()))
    if build_cache is not None:
        lines.append(build_cache.summary())
    lines.append(renderer.search_sizes.summary())
    # The form editor's code is the same size for any guide: not a share of each organisation.
    editor = sum(len(data) for path, data in assets if path.startswith(EDITOR_VENDOR))
    lines.append(capacity(size, len(content.organisations), len(content.site.languages),
                          editor))
    if size > PAGES_LIMIT:
        lines.append(too_large_for_pages(size, len(content.site.languages)))
    return BuildResult("\n".join(lines), tuple(warnings))


def _check_cache_folder(cache: Path, content_dir: Path, templates: Path, output: Path) -> None:
    """The cache folder must be apart from the content, the templates and the output (each
    build replaces the output; the others are read as the site's sources)."""
    folder = cache.resolve()
    for name, other in (("output", output), ("content", content_dir), ("templates", templates)):
        place = other.resolve()
        if folder == place or place in folder.parents or folder in place.parents:
            raise UnsafeOutput(f"the cache folder {cache} must be apart from the {name} folder "
                               f"{other}: choose another, such as .cache/hyteguide")


EDITOR_VENDOR = (DECAP_TARGET, YAML_TARGET)

# GitHub Pages refuses to publish a site larger than this ("Published GitHub Pages sites may be
# no larger than 1 GB": docs.github.com/en/pages/getting-started-with-github-pages/
# github-pages-limits); GitLab Pages has the same limit. Counted in decimal bytes, the lower
# reading.
PAGES_LIMIT = 1_000_000_000


def megabytes(size: int) -> str:
    """A size for people: 12.3 MB, 1.13 GB (decimal units, as hosting limits are given)."""
    return f"{size / 1e9:.2f} GB" if size >= 1e9 else f"{size / 1e6:.1f} MB"


def capacity(size: int, organisations: int, languages: int, fixed: int = 0) -> str:
    """The report's line on how many organisations like these (with their activities, places
    and share of the lists, calendar, search and open data) a site within GitHub Pages' limit
    holds; `fixed`: bytes any guide has whatever its size (the form editor's code)."""
    if not organisations or size <= fixed:
        return "Size per organisation: no organisations yet."
    each = (size - fixed) / organisations
    fits = (PAGES_LIMIT - fixed) * organisations // (size - fixed)
    return (f"Size per organisation: {each / 1e3:.0f} KB in {languages} "
            f"language{'s' if languages > 1 else ''}; GitHub Pages' 1 GB holds about "
            f"{fits:,} organisations like these.")


def too_large_for_pages(size: int, languages: int) -> str:
    """The report's note when the site is over GitHub Pages' size limit, with what to do."""
    fewer = (" (each language is a whole copy of the site)" if languages > 1 else "")
    return (f"note: the site is {megabytes(size)}; GitHub Pages publishes sites of at most "
            f"1 GB, so its deployment will fail. Publish it on a host without that limit "
            f"(any static host or object storage: the site is plain files; README, "
            f"'Publishing a large guide'), or make it smaller: fewer languages in "
            f"site.yaml{fewer}.")
