"""Render: the Guide → HTML pages per language (Jinja), plus sitemap, robots and assets.

Templates get ready data and a few display helpers; they hold no logic beyond display.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from markupsafe import Markup, escape

from .derive import TAXONOMIES, Guide, sort_key
from .i18n import load_catalogue
from .ical import feeds
from .jsonld import Context as LinkedDataContext
from .jsonld import activity_data, place_data, script
from .markup import render_markdown
from .model import Activity, Place, Text
from .parallel import chunked, in_parallel
from .qr import svg as qr_svg
from .schema import GAP_REASONS
from .search import BROWSER_SCRIPTS, FACETS, SEARCH_PAGE, SearchSizes, facet_ids
from .search import files as search_files
from .search import kind_of as search_kind
from .urls import FEED_GROUPS, Urls, calendar_path, feed_path, path_of

# The accessibility statement and the privacy notice, made from site.yaml and linked from the
# footer of every page (their slugs are reserved in load.RESERVED_PAGE_SLUGS).
STATEMENT_PAGES = {"accessibility": "accessibility/", "privacy": "privacy/"}


REPORT_TEMPLATE = "vanhentunut-tieto.yml"  # .github/ISSUE_TEMPLATE/: outdated information


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
    """Autoescaping on, undefined names are errors, whitespace trimmed."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@lru_cache(maxsize=4096)
def _markdown(text: str) -> str:
    return render_markdown(text)


class Renderer:
    """Renders every page of a Guide in every site language."""

    def __init__(self, guide: Guide, templates: Path, base_url: str | None = None,
                 changed: dict[str, dt.date] | None = None):
        self.guide = guide
        self.site = guide.content.site
        self.languages = self.site.languages
        self.urls = Urls(base_url or self.site.base_url, self.languages)
        self.env = make_environment(templates)
        self.catalogues = {lang: load_catalogue(templates, lang) for lang in self.languages}
        self.search_sizes = SearchSizes()
        self._specs: list[PageSpec] = []  # the pages render_all hands to workers by number
        self.changed = changed or {}  # content file → date of its last commit (history.py)
        self.menu = tuple(sorted((p for p in guide.content.pages if p.menu is not None),
                                 key=lambda p: (p.menu, p.slug)))

    # -- helpers given to templates ---------------------------------------------------------

    def helpers(self, lang: str, here: str, rooted: bool = False) -> dict[str, Any]:
        catalogue = self.catalogues[lang]
        urls = self.urls

        def url(target: object, to_lang: str | None = None) -> str:
            full = urls.localised(path_of(target), to_lang or lang)
            return urls.rooted(full) if rooted else urls.relative(here, full)

        def feed_url(target: object = None, webcal: bool = False) -> str:
            full = urls.localised(feed_path(target), lang)
            if webcal:  # calendar apps subscribe to webcal: links; it needs the full address
                return "webcal://" + urls.absolute(full).split("://", 1)[1]
            return urls.rooted(full) if rooted else urls.relative(here, full)

        def asset(name: str) -> str:
            return url(f"assets/{name}", self.languages[0])

        def text(value: Text | str | None) -> str:
            if value is None:
                return ""
            return value if isinstance(value, str) else value.get(lang)[0]

        def t(value: Text | str | None) -> Markup:
            if value is None:
                return Markup("")
            if isinstance(value, str):
                return escape(value)
            shown, written = value.get(lang)
            if written == lang:
                return escape(shown)
            return Markup('<span lang="{}">{}</span>').format(written, shown)

        def md(value: Text | None) -> Markup:
            if value is None:
                return Markup("")
            shown, written = value.get(lang)
            attributes = Markup(f' lang="{written}"') if written != lang else Markup("")
            return Markup('<div class="prose"{}>\n{}\n</div>').format(
                attributes, Markup(_markdown(shown)))

        def term(group: str, term_id: str) -> Markup:
            return t(self.guide.content.vocabulary.term(group, term_id).label)

        def terms(group: str, ids: tuple[str, ...]) -> list:
            vocabulary = self.guide.content.vocabulary
            found = [vocabulary.term(group, i) for i in ids]
            return sorted(found, key=lambda x: sort_key(x.label.get(lang)[0]))

        def by_name(items: Any, attribute: str = "name") -> list:
            return sorted(items, key=lambda x: sort_key(getattr(x, attribute).get(lang)[0]))

        def for_everyone(activity: Any) -> bool:
            vocabulary = self.guide.content.vocabulary
            return any(vocabulary.term("audiences", a).everyone for a in activity.audiences)

        def report_url(target: Any) -> str | None:
            """A new issue in the content repository, prefilled for outdated information."""
            if not self.site.repository:
                return None
            name = target.title if isinstance(target, Activity) else target.name
            query = urlencode({"template": REPORT_TEMPLATE,
                               "title": f"{catalogue('entry.report_title')}: {text(name)}",
                               "page": urls.absolute(urls.localised(path_of(target), lang))})
            return f"{self.site.repository.rstrip('/')}/issues/new?{query}"

        def schedule(rule: Any) -> Markup:
            words = escape(catalogue.schedule(replace(rule, note=None)))
            return words + Markup("; ") + t(rule.note) if rule.note else words

        def absolute_url(target: object) -> str:
            """The published address of a page in this language (base_url + localised path)."""
            return urls.absolute(urls.localised(path_of(target), lang))

        def qr(target: object) -> Markup:
            """The QR code of a page's published address as inline SVG, for the print view."""
            return Markup(qr_svg(absolute_url(target), catalogue("qr.label")))

        def json_ld(target: object, occurrences: Any = ()) -> Markup:
            """The page's schema.org JSON-LD script element (see jsonld.py)."""
            return Markup(script(self.linked_data(target, lang, occurrences)))

        return {"_": catalogue, "url": url, "json_ld": json_ld,
                "feed_url": feed_url, "feed_groups": FEED_GROUPS,
                "absolute_url": absolute_url, "qr": qr,
                "for_everyone": for_everyone,
                "asset": asset, "t": t, "text": text, "md": md,
                "term": term, "terms": terms, "by_name": by_name, "schedule": schedule,
                "lang": lang, "search_scripts": BROWSER_SCRIPTS[lang],
                "edit_url": self.edit_url, "report_url": report_url,
                "last_changed": lambda target: self.changed.get(target.source.path)}

    def linked_data(self, target: object, lang: str, occurrences: Any = ()) -> dict[str, Any]:
        """schema.org data of an activity (with the occurrences its page lists) or a place."""
        guide, urls = self.guide, self.urls
        ctx = LinkedDataContext(
            lang, zoneinfo.ZoneInfo(self.site.timezone), guide.content.vocabulary,
            lambda x: urls.absolute(urls.localised(path_of(x), lang)), guide.today,
            guide.today + dt.timedelta(weeks=self.site.horizon_weeks))
        if isinstance(target, Place):
            return place_data(target, ctx)
        if isinstance(target, Activity):
            place = guide.place_by_slug.get(target.place) if target.place else None
            return activity_data(target, guide.organisation_of(target), place,
                                 guide.activity_municipalities[target.key], occurrences, ctx)
        raise TypeError(f"no structured data for {target!r}")

    # -- pages ------------------------------------------------------------------------------

    def pages(self) -> Iterator[PageSpec]:
        guide = self.guide
        week_end = guide.today + dt.timedelta(days=6)
        yield PageSpec("", "home.html", {
            "today_occurrences": guide.on(guide.today),
            "week_days": _by_day(guide.between(guide.today + dt.timedelta(days=1), week_end)),
            "week_end": week_end,
        }, priority="1.0")
        yield PageSpec("organisations/", "organisations.html",
                       {"organisations": guide.organisations}, title="nav.organisations")
        yield PageSpec("activities/", "activities.html", {"activities": guide.activities},
                       title="nav.activities")
        by_municipality: dict[str, list] = {}
        for place in guide.places:
            by_municipality.setdefault(place.municipality, []).append(place)
        yield PageSpec("places/", "places.html", {"places_by_municipality": by_municipality},
                       title="nav.places")
        yield PageSpec("partnerships/", "partnerships.html",
                       {"partnerships": guide.partnerships}, title="nav.partnerships")
        for organisation in guide.every_organisation:
            listed = organisation.slug not in guide.hidden
            yield PageSpec(path_of(organisation), "organisation.html", {
                "organisation": organisation,
                "partnerships": guide.partnerships_of.get(organisation.slug, ()),
            }, title=organisation.name, listed=listed)
            for activity in organisation.activities:
                yield PageSpec(path_of(activity), "activity.html", {
                    "activity": activity,
                    "organisation": organisation,
                    "place": guide.place_by_slug.get(activity.place) if activity.place else None,
                    "municipalities": guide.activity_municipalities[activity.key],
                    "upcoming": guide.upcoming.get(activity.key, ()),
                    "occurrences": guide.occurrences_of.get(activity.key, ()),
                }, title=activity.title, listed=listed)
        for place in guide.places:
            yield PageSpec(path_of(place), "place.html", {
                "place": place, "activities": guide.activities_at_place.get(place.slug, ()),
            }, title=place.name)
        for partnership in guide.partnerships:
            meetings = sorted(partnership.meetings, key=lambda m: m.date)
            yield PageSpec(path_of(partnership), "partnership.html", {
                "partnership": partnership,
                "members": [guide.organisation_by_slug[m] for m in partnership.members],
                "upcoming_meetings": [m for m in meetings if m.date >= guide.today],
                "past_meetings": [m for m in reversed(meetings) if m.date < guide.today],
            }, title=partnership.name)
        for group in TAXONOMIES:
            entries = guide.taxonomies[group]
            yield PageSpec(f"{group}/", "taxonomy.html", {"group": group,
                                                          "entries": list(entries.values())},
                           title=f"nav.{group}")
            for entry in entries.values():
                yield PageSpec(path_of(entry.term), "term.html", {"group": group, "entry": entry},
                               title=entry.term.label)
        for free_page in guide.content.pages:
            yield PageSpec(path_of(free_page), "page.html", {"free_page": free_page},
                           title=free_page.title)
        yield PageSpec(STATEMENT_PAGES["accessibility"], "accessibility.html", {
            "statement": self.site.accessibility, "reasons": GAP_REASONS,
            "address": self.urls.base_url}, title="accessibility.title", priority="0.3")
        yield PageSpec(STATEMENT_PAGES["privacy"], "privacy.html",
                       {"privacy": self.site.privacy}, title="privacy.title", priority="0.3")
        yield from calendar_pages(guide)
        yield from self.handout_pages()
        yield PageSpec(SEARCH_PAGE, "search.html", {
            "facets": FACETS, "facet_ids": facet_ids(guide)},
            title="search.title", priority="0.3")

    def handout_pages(self) -> Iterator[PageSpec]:
        """The handout (palvelutarjotin) for service counsellors: a page that lists the
        municipalities, and a printable list of each municipality's activities."""
        entries = [e for e in self.guide.taxonomies["municipalities"].values() if e.activities]
        yield PageSpec("handout/", "handouts.html", {"entries": entries},
                       title="handout.title", priority="0.3")
        for entry in entries:
            title = Text(tuple((lang, self.catalogues[lang]("handout.heading", municipality=(
                entry.term.label.get(lang)[0]))) for lang in self.languages))
            activities = entry.activities
            yield PageSpec(f"handout/{entry.term.id}/", "handout.html", {
                "entry": entry,
                "filters": {"audiences": sorted({x for a in activities for x in a.audiences}),
                            "themes": sorted({x for a in activities for x in a.themes}),
                            "languages": sorted({x for a in activities for x in a.languages}),
                            "free": any(a.is_free for a in activities),
                            "low_threshold": any(a.low_threshold for a in activities)},
            }, title=title, priority="0.2")

    def edit_url(self, target: Any) -> str | None:
        """The source file of a page on GitHub, opened for editing."""
        if not self.site.repository:
            return None
        return f"{self.site.repository.rstrip('/')}/edit/{quote(self.site.branch)}/" \
               f"{quote(target.source.path)}"

    def render_page(self, spec: PageSpec, lang: str) -> str:
        here = self.urls.localised(spec.path, lang)
        helpers = self.helpers(lang, here)
        catalogue = helpers["_"]
        title = spec.title
        if isinstance(title, str):
            title = catalogue(title)
        elif isinstance(title, Text):
            title = title.get(lang)[0]
        context = {
            **helpers,
            "guide": self.guide,
            "site": self.site,
            "menu": self.menu,
            "today": self.guide.today,
            "page_title": title,
            "page_path": spec.path,
            "canonical": self.urls.absolute(here),
            "alternates": self.alternates(spec.path, here),
            "listed": spec.listed,
            **spec.context,
        }
        return self.env.get_template(spec.template).render(context)

    def alternates(self, path: str, here: str) -> list[Alternate]:
        return [Alternate(lang, self.catalogues[lang]("language_name"),
                          self.urls.relative(here, self.urls.localised(path, lang)),
                          self.urls.absolute(self.urls.localised(path, lang)))
                for lang in self.languages]

    def render_not_found(self) -> str:
        lang = self.site.default_language
        context = {**self.helpers(lang, "404.html", rooted=True), "guide": self.guide,
                   "site": self.site, "menu": self.menu, "today": self.guide.today,
                   "page_title": self.catalogues[lang]("notfound.title"), "page_path": "404.html",
                   "canonical": None, "alternates": [], "catalogues": self.catalogues}
        return self.env.get_template("404.html").render(context)

    def render_all(self, put: Callable[[str, bytes], None]) -> int:
        """Hand every output file to put(site-relative path, bytes); return the count. Pages,
        feeds and search files are rendered, and put, in worker processes (parallel.py)."""
        specs = list(self.pages())
        for name in sorted({spec.template for spec in specs}):
            self.env.get_template(name)  # compiled once, before the workers fork
        self._specs = specs
        pages = [("page", lang, number) for lang in self.languages
                 for number in range(len(specs))]
        chunks = [*([("search", lang)] for lang in self.languages),  # the long ones first
                  *([("feeds", lang)] for lang in self.languages), *chunked(pages)]

        def work(chunk: Sequence[tuple]) -> list[tuple[str, tuple[int, int] | None]]:
            done = []
            for path, data in self.render_tasks(chunk):
                put(path, data)
                done.append((path, SearchSizes.measure(data) if search_kind(path) else None))
            return done

        count = 0
        for path, size in in_parallel(work, chunks):
            count += 1
            if size:
                self.search_sizes.files[path] = size
        others = [("404.html", self.render_not_found().encode("utf-8")),
                  ("sitemap.xml", self.sitemap(specs).encode("utf-8")),
                  ("robots.txt", (f"User-agent: *\nAllow: /\n\n"
                                  f"Sitemap: {self.urls.absolute('sitemap.xml')}\n").encode()),
                  (".nojekyll", b"")]
        for path, data in others:
            put(path, data)
        return count + len(others)

    def render_tasks(self, tasks: Sequence[tuple]) -> list[tuple[str, bytes]]:
        """Output files of tasks: ("page", language, number in the list of specs), ("feeds",
        language) or ("search", language)."""
        found: list[tuple[str, bytes]] = []
        for kind, lang, *number in tasks:
            if kind == "search":
                found += search_files(self.guide, self.urls, self.catalogues, (lang,))
            elif kind == "feeds":
                found += feeds(self.guide, self.urls, self.catalogues, (lang,))
            else:
                spec = self._specs[number[0]]
                path = self.urls.output_file(self.urls.localised(spec.path, lang))
                found.append((path, self.render_page(spec, lang).encode("utf-8")))
        return found

    def sitemap(self, specs: list[PageSpec]) -> str:
        context = {"entries": [
            (spec, [(lang, self.urls.absolute(self.urls.localised(spec.path, lang)))
                    for lang in self.languages]) for spec in specs if spec.listed]}
        return self.env.get_template("sitemap.xml").render(context)


def _by_day(occurrences: tuple) -> list[tuple[dt.date, list]]:
    days: dict[dt.date, list] = {}
    for occurrence in occurrences:
        days.setdefault(occurrence.date, []).append(occurrence)
    return list(days.items())


def calendar_pages(guide: Guide) -> Iterator[PageSpec]:
    """The calendar of the region and of each municipality: one page per ISO week, the
    current week at the calendar's own path (see urls.calendar_path)."""
    calendars = (guide.calendar, *guide.municipality_calendars.values())
    for calendar in calendars:
        weeks = calendar.weeks
        paths = [calendar_path(calendar.municipality, w.slug if i else None)
                 for i, w in enumerate(weeks)]
        term = (guide.content.vocabulary.term("municipalities", calendar.municipality)
                if calendar.municipality else None)
        for index, week in enumerate(weeks):
            yield PageSpec(paths[index], "calendar.html", {
                "calendar": calendar, "week": week, "municipality": term,
                "weeks": list(zip(weeks, paths, strict=True)),
                "previous": paths[index - 1] if index else None,
                "next": paths[index + 1] if index + 1 < len(paths) else None,
                "scopes": {c.municipality: calendar_path(c.municipality,
                                                         week.slug if index else None)
                           for c in calendars},
                "filters": guide.calendar_filters,
            }, title="calendar.title", priority="0.6" if index == 0 else "0.3")


def static_files(templates: Path) -> Iterator[tuple[str, bytes]]:
    """The site's own assets: templates/assets/** → assets/**."""
    root = templates / "assets"
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            yield "assets/" + path.relative_to(root).as_posix(), path.read_bytes()
