"""Render: the Guide → HTML pages per language (Jinja), plus sitemap, robots and assets.

Templates get ready data and a few display helpers; they hold no logic beyond display.
"""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2

from hyteguide.build.cache import BuildCache, Output
from hyteguide.build.dependencies import RecordingEnvironment, record, record_objects, recording
from hyteguide.build.memo import remembering
from hyteguide.build.parallel import in_parallel, release_memory
from hyteguide.build.plan import Made, Plan
from hyteguide.common.problems import ContentError, Problem
from hyteguide.content.model import Activity, Organisation, Partnership, Place, Term, Text
from hyteguide.content.schema import GAP_REASONS
from hyteguide.derive import paging
from hyteguide.derive.guide import TAXONOMIES, Guide, TermIndex, sort_key
from hyteguide.derive.paging import (
    Localised,
    Ordered,
    Page,
    SortKeys,
    WeekLayout,
    by_name,
    by_title,
    calendar_layout,
    grouped,
    handout_sections,
    paginate,
    preview,
)
from hyteguide.feeds.ical import Feeds, feeds, scopes
from hyteguide.feeds.jsonld import Context as LinkedDataContext
from hyteguide.feeds.jsonld import activity_data, place_data, script
from hyteguide.opendata.exports import PAGE as OPENDATA_PAGE
from hyteguide.opendata.exports import SHARED as OPENDATA_SHARED
from hyteguide.opendata.exports import files as opendata_files
from hyteguide.opendata.exports import language_paths as opendata_paths
from hyteguide.opendata.exports import page_context as opendata_context
from hyteguide.pages import sitemap
from hyteguide.pages.calendardata import WeekData
from hyteguide.pages.helpers import language_helpers, page_helpers
from hyteguide.pages.i18n import load_catalogue
from hyteguide.pages.urls import Urls, calendar_data_path, feed_path, path_of
from hyteguide.schedule.occurrences import ROLLING_YEAR, listed_since
from hyteguide.search.files import FACETS, SEARCH_PAGE, SearchSizes, facet_ids
from hyteguide.search.files import files as search_files
from hyteguide.search.files import kind_of as search_kind

# Days after the build that the home page has ready for a reader who opens it later (its
# "today" and "the coming week" then follow the reader's day, assets/upcoming.js).
READER_DAYS = 7

# The accessibility statement and the privacy notice, made from site.yaml and linked from the
# footer of every page (their slugs are reserved in load.RESERVED_PAGE_SLUGS).
STATEMENT_PAGES = {"accessibility": "accessibility/", "privacy": "privacy/"}


@dataclass(frozen=True)
class PageSpec:
    """One page to render in every language: its path, template and own context."""

    path: str
    template: str
    context: dict[str, Any]
    title: Text | str | None = None
    priority: str = "0.5"
    listed: bool = True  # False: kept out of the sitemap and search engines (noindex)


@dataclass(frozen=True)
class Alternate:
    lang: str
    name: str
    href: str  # page-relative link
    absolute: str


def make_environment(templates: Path) -> jinja2.Environment:
    """Autoescaping on, undefined names are errors, whitespace trimmed; what templates read is
    recorded when a cached build asks (dependencies.RecordingEnvironment)."""
    return RecordingEnvironment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class Renderer:
    """Renders every page of a Guide in every site language."""

    def __init__(self, guide: Guide, templates: Path, base_url: str | None = None,
                 changed: dict[str, dt.date] | None = None,
                 env: jinja2.Environment | None = None,
                 committed: dict[str, dt.datetime] | None = None):
        self.guide = guide
        self.site = guide.content.site
        self.languages = self.site.languages
        self.urls = Urls(base_url or self.site.base_url, self.languages)
        self.env = env or make_environment(templates)  # the preview keeps one between builds
        self._language_helpers: dict[str, dict[str, Any]] = {}
        self.catalogues = {lang: load_catalogue(templates, lang) for lang in self.languages}
        self.search_sizes = SearchSizes()
        self.bytes_written = 0  # by render_all: the size of the site, for the build's report
        self._specs: list[PageSpec] = []  # the pages render_all hands to workers by number
        self._routes: tuple[dict, dict] | None = None  # made by maker() when first needed
        self._exports: dict[str, dict[str, bytes]] = {}  # open data files by language (maker)
        self.changed = changed or {}  # content file → date of its last commit (history.py)
        self.committed = committed or {}  # content file → instant of its last commit (feeds)
        self.cache: BuildCache | None = None  # a cached build's (render_all)
        self.fragments: dict[tuple, tuple] = {}  # parts of pages rendered once (helpers.once)
        self._today: dict[str, bool] = {}
        self._sort_keys = SortKeys()  # the sort keys of the lists of pages() (ordered())
        self._orders: list[Ordered] = []
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
        ctx = LinkedDataContext(
            lang, zoneinfo.ZoneInfo(self.site.timezone), guide.content.vocabulary,
            lambda x: urls.absolute(urls.localised(path_of(x), lang)), guide.today,
            guide.today + ROLLING_YEAR)
        if isinstance(target, Place):
            return place_data(target, ctx)
        if isinstance(target, Activity):
            place = guide.place_by_slug.get(target.place) if target.place else None
            return activity_data(target, guide.organisation_of(target), place,
                                 guide.activity_municipalities[target.key], occurrences, ctx)
        raise TypeError(f"no structured data for {target!r}")

    # -- pages ------------------------------------------------------------------------------

    def ordered(self, items: Sequence[Any], key: Callable[[Any, str], Any]) -> Ordered:
        """items in each language's order (paging.Ordered), with the sort keys shared by all
        the lists of the pages being listed; render_all sorts them all before forking."""
        made = Ordered(items, key, self._sort_keys)
        self._orders.append(made)
        return made

    def pages(self) -> Iterator[PageSpec]:
        guide = self.guide
        self._sort_keys, self._orders = SortKeys(), []
        layouts = {c.municipality: calendar_layout(c)
                   for c in guide.calendars}
        yield self.home_page(layouts[None])
        yield from self.list_pages("organisations/", "organisations.html", "organisations",
                                   self.ordered(guide.organisations, by_name), "nav.organisations")
        yield from self.list_pages("activities/", "activities.html", "activities",
                                   self.ordered(guide.activities, by_title), "nav.activities")
        yield from self.place_list_pages()
        yield from self.list_pages("partnerships/", "partnerships.html", "partnerships",
                                   self.ordered(guide.partnerships, by_name), "nav.partnerships")
        for organisation in guide.every_organisation:
            yield self.organisation_page(organisation)
            for activity in organisation.activities:
                yield self.activity_page(activity)
        for place in guide.places:
            yield self.place_page(place)
        for partnership in guide.partnerships:
            yield self.partnership_page(partnership)
        for group in TAXONOMIES:
            entries = guide.taxonomies[group]
            yield PageSpec(f"{group}/", "taxonomy.html", {"group": group,
                                                          "entries": list(entries.values())},
                           title=f"nav.{group}")
            for entry in entries.values():
                yield from self.term_pages(group, entry)
        for free_page in guide.content.pages:
            yield PageSpec(path_of(free_page), "page.html", {"free_page": free_page},
                           title=free_page.title)
        yield PageSpec(STATEMENT_PAGES["accessibility"], "accessibility.html", {
            "statement": self.site.accessibility, "reasons": GAP_REASONS,
            "address": self.urls.base_url}, title="accessibility.title", priority="0.3")
        yield PageSpec(STATEMENT_PAGES["privacy"], "privacy.html",
                       {"privacy": self.site.privacy}, title="privacy.title", priority="0.3")
        yield PageSpec(OPENDATA_PAGE, "opendata.html", opendata_context(), title="opendata.title",
                       priority="0.3")
        yield from calendar_pages(guide, layouts)
        yield from self.handout_pages()
        yield PageSpec(SEARCH_PAGE, "search.html", {
            "facets": FACETS, "facet_ids": facet_ids(guide)},
            title="search.title", priority="0.3")

    def organisation_page(self, organisation: Organisation) -> PageSpec:
        guide = self.guide
        return PageSpec(path_of(organisation), "organisation.html", {
            "organisation": organisation,
            "partnerships": guide.partnerships_of.get(organisation.slug, ()),
        }, title=organisation.name, listed=organisation.slug not in guide.hidden)

    def activity_page(self, activity: Activity) -> PageSpec:
        guide = self.guide
        return PageSpec(path_of(activity), "activity.html", {
            "activity": activity,
            "organisation": guide.organisation_of(activity),
            "place": guide.place_by_slug.get(activity.place) if activity.place else None,
            "municipalities": guide.activity_municipalities[activity.key],
            "upcoming": guide.upcoming.get(activity.key, ()),
            "listed_since": listed_since(activity, guide.today,
                                         self.changed.get(activity.source.path)),
        }, title=activity.title, listed=activity.organisation not in guide.hidden)

    def place_page(self, place: Place) -> PageSpec:
        return PageSpec(path_of(place), "place.html", {
            "place": place, "activities": self.guide.activities_at_place.get(place.slug, ()),
        }, title=place.name)

    def partnership_page(self, partnership: Partnership) -> PageSpec:
        guide = self.guide
        meetings = sorted(partnership.meetings, key=lambda m: m.date)
        return PageSpec(path_of(partnership), "partnership.html", {
            "partnership": partnership,
            "members": [guide.organisation_by_slug[m] for m in partnership.members],
            "upcoming_meetings": [m for m in meetings if m.date >= guide.today],
            "past_meetings": [m for m in reversed(meetings) if m.date < guide.today],
        }, title=partnership.name)

    def home_page(self, layout: Sequence[WeekLayout]) -> PageSpec:
        """The home page: a bounded number of a day's occurrences and of each of the six days
        after it, each day with its total and a link to the calendar page where they all are.
        It has them for the build day and the six days after (and the week after those), so
        that assets/upcoming.js shows the reader's today when the page is read days later."""
        today = self.guide.today
        on = {day: occurrences for week in layout for day, occurrences in week.week.days}
        days = [today + dt.timedelta(days=n) for n in range(READER_DAYS)]
        coming = [today + dt.timedelta(days=n) for n in range(1, READER_DAYS + 6)]
        return PageSpec("", "home.html", {
            "today_previews": [preview(day, on.get(day, ()), paging.SIZES.home_today, layout)
                               for day in days],
            "week_days": [preview(day, on[day], paging.SIZES.home_per_day, layout)
                          for day in coming if on.get(day)],
            "week_end": today + dt.timedelta(days=6),
        }, priority="1.0")

    def paged_title(self, title: Text | str | None, page: Page) -> Text | str | None:
        """A page's title with its number ('Toiminnat, sivu 2/303') when its list is paged;
        title: a catalogue key or a Text."""
        if not page.paged:
            return title

        def words(lang: str) -> str:
            catalogue = self.catalogues[lang]
            name = catalogue(title) if isinstance(title, str) else \
                title.get(lang)[0] if title else ""
            return catalogue("pagination.title", title=name, n=page.number, count=page.count)
        return Text(tuple((lang, words(lang)) for lang in self.languages))

    def list_pages(self, path: str, template: str, name: str, items: Ordered,
                   title: str) -> Iterator[PageSpec]:
        """A list of cards at path, SIZES.cards a page (paging.py): the page is given as `page`,
        its items (in the language's order) as `name`."""
        for page in paginate(len(items), paging.SIZES.cards, path):
            yield PageSpec(page.path, template, {"page": page, name: items.page(page)},
                           title=self.paged_title(title, page),
                           priority="0.5" if page.number == 1 else "0.3")

    def place_list_pages(self) -> Iterator[PageSpec]:
        """The places, by municipality then name, SIZES.cards a page; each page shows its
        places under their municipalities' headings."""
        vocabulary = self.guide.content.vocabulary

        def order(place: Place, lang: str) -> tuple[str, str]:
            municipality = vocabulary.term("municipalities", place.municipality).label
            return sort_key(municipality.get(lang)[0]), sort_key(place.name.get(lang)[0])

        def groups(lang: str, page: Page) -> list[tuple[Term, list[Place]]]:
            return [(vocabulary.term("municipalities", m), places) for m, places in grouped(
                ordered(lang)[page.start:page.end], lambda place: place.municipality)]

        ordered = self.ordered(self.guide.places, order)
        for page in paginate(len(ordered), paging.SIZES.cards, "places/"):
            yield PageSpec(page.path, "places.html", {
                "page": page, "places_by_municipality": Localised(
                    lambda lang, page=page: groups(lang, page))},
                title=self.paged_title("nav.places", page),
                priority="0.5" if page.number == 1 else "0.3")

    def term_pages(self, group: str, entry: TermIndex) -> Iterator[PageSpec]:
        """A term's page lists its activities and organisations, SIZES.cards each; when either
        list is longer, its later pages are of their own: '<term>/2/' (activities) and
        '<term>/organisations/2/' (organisations)."""
        base = path_of(entry.term)
        activities = self.ordered(entry.activities, by_title)
        organisations = self.ordered(entry.organisations, by_name)
        size = paging.SIZES.cards
        activity_pages = paginate(len(activities), size, base, anchor="activities-heading")
        organisation_pages = paginate(len(organisations), size, base, f"{base}organisations/",
                                      anchor="organisations-heading")
        label = entry.term.label
        of_organisations = Text(tuple((lang, self.catalogues[lang](
            "term.organisations_title", term=label.get(lang)[0])) for lang in self.languages))

        def spec(page: Page, title: Text, activity_page: Page | None,
                 organisation_page: Page | None) -> PageSpec:
            return PageSpec(page.path, "term.html", {
                "group": group, "entry": entry, "page": page,
                "activities_page": activity_page, "organisations_page": organisation_page,
                "activities": activities.page(activity_page) if activity_page else (),
                "organisations": organisations.page(organisation_page)
                if organisation_page else ()}, title=self.paged_title(title, page),
                priority="0.5" if page.number == 1 else "0.3")

        first = activity_pages[0] if activity_pages[0].paged else organisation_pages[0]
        yield spec(first, label, activity_pages[0], organisation_pages[0])
        for page in activity_pages[1:]:
            yield spec(page, label, page, None)
        for page in organisation_pages[1:]:
            yield spec(page, of_organisations, None, page)

    def handout_pages(self) -> Iterator[PageSpec]:
        """The handout (palvelutarjotin) for service counsellors: a page that lists the
        municipalities, and a printable list of each municipality's activities, paged
        (SIZES.handout a page). A list of many pages (over SIZES.handout_split activities) is
        split by theme first, each theme's list paged: an activity is under each of its themes,
        those without one under 'other' (paging.handout_sections)."""
        entries = [e for e in self.guide.taxonomies["municipalities"].values() if e.activities]
        yield PageSpec("handout/", "handouts.html", {"entries": entries},
                       title="handout.title", priority="0.3")
        for entry in entries:
            base = f"handout/{entry.term.id}/"
            if len(entry.activities) <= paging.SIZES.handout_split:
                yield from self.handout_list(entry, None, entry.activities, base)
                continue
            sections = handout_sections(entry.activities, base, tuple(
                self.guide.content.vocabulary.group("themes")))
            yield PageSpec(base, "handout_themes.html", {"entry": entry, "sections": sections},
                           title=self.handout_title(entry, None), priority="0.2")
            for section in sections:
                yield from self.handout_list(entry, section.theme, section.activities,
                                             section.path)

    def handout_title(self, entry: TermIndex, theme: str | None) -> Text:
        """'Palvelutarjotin: Kerava', and of a theme's list 'Palvelutarjotin: Kerava – Liikunta'
        (theme '': the activities without a theme)."""
        def words(lang: str) -> str:
            catalogue = self.catalogues[lang]
            title = catalogue("handout.heading", municipality=entry.term.label.get(lang)[0])
            if theme is None:
                return title
            name = self.guide.content.vocabulary.term("themes", theme).label.get(lang)[0] \
                if theme else catalogue("handout.other")
            return catalogue("handout.section_title", handout=title, theme=name)
        return Text(tuple((lang, words(lang)) for lang in self.languages))

    def handout_list(self, entry: TermIndex, theme: str | None, activities: Sequence[Activity],
                     path: str) -> Iterator[PageSpec]:
        """The printable list of a municipality's activities (all of them when theme is None; of
        one theme, or those without one when theme is ''), SIZES.handout a page; the filters
        offer what the whole list has (not the theme, in a theme's list)."""
        ordered = self.ordered(activities, by_title)
        filters = _filters(activities, themes=theme is None)
        title = self.handout_title(entry, theme)
        for page in paginate(len(ordered), paging.SIZES.handout, path):
            yield PageSpec(page.path, "handout.html", {
                "entry": entry, "theme": theme, "page": page, "filters": filters, "heading": title,
                "activities": ordered.page(page),
            }, title=self.paged_title(title, page), priority="0.2")

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
        return [Alternate(lang, self.catalogues[lang]("language_name"),
                          self.urls.relative(here, self.urls.localised(path, lang)),
                          self.urls.absolute(self.urls.localised(path, lang)))
                for lang in self.languages]

    def render_not_found(self) -> str:
        lang = self.site.default_language
        context = {**self.helpers(lang, "404.html", rooted=True),
                   "page_title": self.catalogues[lang]("notfound.title"), "page_path": "404.html",
                   "canonical": None, "alternates": [], "catalogues": self.catalogues}
        return self.env.get_template("404.html").render(context)

    def render_all(self, output: Output, cache: BuildCache | None = None) -> int:
        """Write every output file through output.put(site-relative path, bytes); return the
        count. Pages, feeds, search files and open data are rendered, and written, in worker
        processes (parallel.py). With a cache, what it has as it would be made now is linked
        from it (output.link) instead, and what is made is kept in it (buildcache.py)."""
        specs = list(self.pages())
        _check_unique(specs)
        for ordered in self._orders:
            ordered.prepare(self.languages)
        self._sort_keys, self._orders = SortKeys(), []
        for name in sorted({spec.template for spec in specs}):
            self.env.get_template(name)  # compiled once, before the workers fork
        self._specs = specs
        plan = Plan(self, specs, cache)
        self.cache = cache
        self._today = plan.today  # the templates that name the build day

        def work(chunk: Sequence[tuple]) -> list[Made]:
            done = []
            for made, data in self.render_tasks(chunk, output):
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
            self.bytes_written += made.length
            if made.search_size:
                self.search_sizes.files[made.path] = made.search_size
            plan.made(made)
        others = self.site_files(specs)
        for path, make in others.items():
            data = make()
            output.put(path, data)
            self.bytes_written += len(data)
        return count + len(others)

    def render_tasks(self, tasks: Sequence[tuple], output: Output | None = None
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
                yield self._page(task, self._specs[number[0]], lang, output)
                continue
            if kind == "calendar-data":  # one file a week for every language
                files: Iterable[tuple[str, bytes]] = self.week_data().files(self.guide.calendars)
            elif kind == "search":
                files = search_files(self.guide, self.urls, self.catalogues, (lang,))
            elif kind == "feeds":
                files = feeds(self.guide, self.urls, self.catalogues, (lang,), self.committed)
            else:  # not through export(): the preview keeps those, a build needs them once
                files = opendata_files(self.guide, self.urls, self.catalogues, lang,
                                       self.changed)
            # What the task works out from texts is remembered in a cached build (memo.py).
            with remembering(self.cache.memo_path(f"{kind}-{lang}") if self.cache else None):
                for path, data in files:
                    yield Made(task, path, len(data), search_size=SearchSizes.measure(data)
                               if search_kind(path) else None), data
            release_memory()

    def _page(self, task: tuple, spec: PageSpec, lang: str, output: Output | None
              ) -> tuple[Made, bytes | None]:
        path = self.urls.output_file(self.urls.localised(spec.path, lang))
        cache = self.cache
        if cache is None:
            data = self.render_page(spec, lang).encode("utf-8")
            return Made(task, path, len(data)), data
        context = self.page_context(spec, lang)
        digest = cache.page_digest(spec, lang, context)
        blob = cache.reusable(spec.path, lang, digest)
        if blob is not None and output is not None:
            source = cache.blob_path(blob)
            output.link(path, source)
            return Made(task, path, os.stat(source).st_size, blob, reused=True), None
        with recording() as found:
            data = self.render_page(spec, lang, context).encode("utf-8")
        if self._today.get(spec.template):
            found.add(("today",))
        dependencies = tuple(sorted(found, key=repr))
        return Made(task, path, len(data), dependencies=dependencies,
                    key=cache.page_key(digest, dependencies)), data

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
        return {"404.html": lambda: self.render_not_found().encode("utf-8"),
                **{path: partial(bytes, data) for path, data in sitemaps.items()},
                "robots.txt": partial(sitemap.robots, self.urls.absolute),
                ".nojekyll": lambda: b""}

    def week_data(self) -> WeekData:
        """The maker of the calendar's later weeks' data files (calendardata.py)."""
        return WeekData(self.guide, self.catalogues)

    def week_data_files(self) -> dict[str, Callable[[], bytes]]:
        """Each later week's data file by path, made when asked for (the preview)."""
        maker = self.week_data()
        return {calendar_data_path(c.municipality, c.weeks[i].slug): partial(maker.data, c, i)
                for c in self.guide.calendars for i in range(1, len(c.weeks))}

    def maker(self, path: str) -> Callable[[], bytes] | None:
        """How to make the file at a site path (a page, feed, open data or site file; not search
        files or assets), or None: the preview makes only what the browser asks for. An entry's own
        page is found at once; anything else after listing every page once (`routes`)."""
        lang, neutral = self.split_language(path)
        spec = self._object_spec(neutral.split("/"))
        if spec:
            return partial(self.page_bytes, spec, lang)
        if self._routes is None:
            specs = list(self.pages())
            shared = {path: partial(self.export_file, path, self.languages[0])
                      for path in OPENDATA_SHARED.values()}
            self._routes = self.routes(specs), {**self.site_files(specs), **shared,
                                                **self.week_data_files()}
        routes, site_files = self._routes
        if lang == self.languages[0] and neutral in site_files:
            return site_files[neutral]
        found = routes.get(neutral)
        return partial(found, lang) if found else None

    def split_language(self, path: str) -> tuple[str, str]:
        """A site path's language and its language-neutral path."""
        for lang in self.languages[1:]:
            if path.startswith(lang + "/"):
                return lang, path.removeprefix(lang + "/")
        return self.languages[0], path

    def routes(self, specs: list[PageSpec]) -> dict[str, Callable[[str], bytes]]:
        """Language-neutral file path → how to make it in a language: every page and feed."""
        found: dict[str, Callable[[str], bytes]] = {
            self.urls.output_file(spec.path): partial(self.page_bytes, spec) for spec in specs}
        feeds_ = Feeds(self.guide, self.urls, self.catalogues, self.committed)
        found.update((feed_path(scope.target), partial(feeds_.feed, scope))
                     for scope in scopes(self.guide))
        found.update((path, partial(self.export_file, path)) for path in opendata_paths())
        return found

    def export(self, lang: str) -> dict[str, bytes]:
        """Every open data file of a language (opendata.files), made once."""
        if lang not in self._exports:
            self._exports[lang] = dict(opendata_files(self.guide, self.urls, self.catalogues,
                                                      lang, self.changed))
        return self._exports[lang]

    def export_file(self, neutral: str, lang: str) -> bytes:
        """An open data file by its language-neutral path, in a language."""
        return self.export(lang)[self.urls.localised(neutral, lang)]

    def _object_spec(self, parts: list[str]) -> PageSpec | None:
        """The page of the organisation, activity, place or partnership whose language-neutral
        file path is parts ('organisations', slug, 'index.html'), found directly."""
        guide = self.guide
        if len(parts) == 3 and parts[2] == "index.html":
            kind, slug = parts[:2]
            if kind == "organisations" and slug in guide.organisation_by_slug:
                return self.organisation_page(guide.organisation_by_slug[slug])
            if kind == "places" and slug in guide.place_by_slug:
                return self.place_page(guide.place_by_slug[slug])
            if kind == "partnerships":
                found = [p for p in guide.partnerships if p.slug == slug]
                return self.partnership_page(found[0]) if found else None
        if len(parts) == 4 and parts[0] == "activities" and parts[3] == "index.html":
            organisation = guide.organisation_by_slug.get(parts[1])
            found = [a for a in organisation.activities if a.id == parts[2]] \
                if organisation else []
            return self.activity_page(found[0]) if found else None
        return None

    def page_bytes(self, spec: PageSpec, lang: str) -> bytes:
        return self.render_page(spec, lang).encode("utf-8")


def _check_unique(specs: Sequence[PageSpec]) -> None:
    """Two pages at one path would overwrite each other: an organisation or place whose file
    name is only a number ('2.md') would take the address of a list's page ('organisations/2/')."""
    seen: set[str] = set()
    problems = []
    for spec in specs:
        if spec.path in seen:
            target = spec.context.get("organisation") or spec.context.get("place")
            problems.append(Problem(
                target.source.path if target else spec.path, 1, 1, "duplicate-slug", "",
                f"its page '{spec.path}' is also the address of a page of a list",
                "rename the file: a name that is only a number is a page number"))
        seen.add(spec.path)
    if problems:
        raise ContentError(problems)


def _filters(activities: Sequence[Activity], themes: bool = True) -> dict[str, Any]:
    """What a handout's choices offer: the audiences, themes and languages its activities have,
    and whether any is free or low-threshold."""
    return {"audiences": sorted({x for a in activities for x in a.audiences}),
            "themes": sorted({x for a in activities for x in a.themes}) if themes else [],
            "languages": sorted({x for a in activities for x in a.languages}),
            "free": any(a.is_free for a in activities),
            "low_threshold": any(a.low_threshold for a in activities)}


def calendar_pages(guide: Guide, layouts: dict[str | None, Sequence[WeekLayout]] | None = None
                   ) -> Iterator[PageSpec]:
    """The calendar of the region and of each municipality: a page per ISO week, the current
    week at the calendar's own path (see urls.calendar_path); a week longer than a page is
    split by day, each day paged (see paging.week_layout)."""
    layouts = layouts or {c.municipality: calendar_layout(c) for c in guide.calendars}
    for calendar in guide.calendars:
        layout = layouts[calendar.municipality]
        term = (guide.content.vocabulary.term("municipalities", calendar.municipality)
                if calendar.municipality else None)
        weeks = [(week.week, week.path) for week in layout]
        for index, week in enumerate(layout):
            for page in week.pages:
                yield PageSpec(page.path or week.path, "calendar.html", {
                    "calendar": calendar, "week": week.week, "municipality": term,
                    "weeks": weeks, "week_path": week.path, "day_links": week.days,
                    "days": page.days, "day": page.day, "page": page.page, "data": week.data,
                    "previous": layout[index - 1].path if index else None,
                    "next": layout[index + 1].path if index + 1 < len(layout) else None,
                    "scopes": {scope: other[index].day_path(page.day) if page.day
                               else other[index].path for scope, other in layouts.items()},
                    "filters": guide.calendar_filters,
                }, title="calendar.title",
                    priority="0.6" if index == 0 and page.path in ("", week.path) else "0.3")


def static_files(templates: Path) -> Iterator[tuple[str, bytes]]:
    """The site's own assets: templates/assets/** → assets/**."""
    root = templates / "assets"
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            yield "assets/" + path.relative_to(root).as_posix(), path.read_bytes()
