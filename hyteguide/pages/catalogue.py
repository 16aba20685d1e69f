"""The page catalogue: which pages the site has, each as a PageSpec (path, template, data).

It drives the build (every page in every language), the sitemap and the preview, which asks
it for the one page at a path (`page_at`, the inverse of the route table's paths).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from hyteguide.common import routes
from hyteguide.common.routes import path_to
from hyteguide.content.schema import GAP_REASONS
from hyteguide.derive.filters import Choices
from hyteguide.derive.guide import Guide
from hyteguide.derive.terms import ORGANISATION_TAXONOMIES, TAXONOMIES
from hyteguide.model import Activity, Organisation, Partnership, Place
from hyteguide.opendata.exports import page_context as opendata_context
from hyteguide.pages import paging
from hyteguide.pages.lists import Lists, calendar_pages
from hyteguide.pages.paging import WeekLayout, by_name, by_title, calendar_layout, preview
from hyteguide.pages.spec import PageSpec
from hyteguide.schedule.occurrences import listed_since
from hyteguide.search.documents import FACETS, facet_ids
from hyteguide.web.i18n import Catalogue
from hyteguide.web.urls import path_of

# Days after the build that the home page has ready for a reader who opens it later (its
# "today" and "the coming week" then follow the reader's day, assets/upcoming.js).
READER_DAYS = 7


class PageCatalogue(Lists):
    """Every page of a guide: its entries' own pages, the lists, and the site's fixed pages."""

    def __init__(self, guide: Guide, catalogues: dict[str, Catalogue], base_url: str,
                 changed: dict[str, dt.date] | None = None) -> None:
        super().__init__(guide, catalogues)
        self.site = guide.content.site
        self.base_url = base_url  # the site's published address (urls.Urls.base_url)
        self.changed = changed or {}  # content file → date of its last commit (history.py)

    def pages(self) -> Iterator[PageSpec]:
        """Every page, in the order the build makes them and the sitemap lists them."""
        guide = self.guide
        self.start_listing()
        layouts = {c.municipality: calendar_layout(c)
                   for c in guide.calendars}
        yield self.home_page(layouts[None])
        yield from self.list_pages(path_to("organisations"), "organisations.html",
                                   "organisations", self.ordered(guide.organisations, by_name),
                                   "nav.organisations", {"filters": Choices({"expertise": tuple(
                                       t for t, e in guide.taxonomies["expertise"].items()
                                       if e.organisations)}, frozenset())})
        yield from self.list_pages(path_to("activities"), "activities.html", "activities",
                                   self.ordered(guide.activities, by_title), "nav.activities")
        yield from self.place_list_pages()
        yield from self.list_pages(path_to("partnerships"), "partnerships.html", "partnerships",
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
            yield PageSpec(path_to("taxonomy", group=group), "taxonomy.html", {
                "group": group, "entries": list(entries.values()),
                "offers": group in ORGANISATION_TAXONOMIES}, title=f"nav.{group}")
            for entry in entries.values():
                yield from self.term_pages(group, entry)
        yield from self.fixed_pages()
        yield from calendar_pages(guide, layouts)
        yield from self.handout_pages()
        yield PageSpec(path_to("search"), "search.html", {
            "facets": FACETS, "facet_ids": facet_ids(guide)},
            title="search.title", priority="0.3")

    def fixed_pages(self) -> Iterator[PageSpec]:
        """The editors' pages, the accessibility statement and the privacy notice (made from
        site.yaml and linked from the footer of every page) and the open data page."""
        for free_page in self.guide.content.pages:
            yield PageSpec(path_of(free_page), "page.html", {"free_page": free_page},
                           title=free_page.title)
        yield PageSpec(path_to("accessibility"), "accessibility.html", {
            "statement": self.site.accessibility, "reasons": GAP_REASONS,
            "address": self.base_url}, title="accessibility.title", priority="0.3")
        yield PageSpec(path_to("privacy"), "privacy.html",
                       {"privacy": self.site.privacy}, title="privacy.title", priority="0.3")
        yield PageSpec(path_to("opendata"), "opendata.html", opendata_context(),
                       title="opendata.title", priority="0.3")

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


    def page_at(self, path: str) -> PageSpec | None:
        """The page of the organisation, activity, place or partnership at a language-neutral
        page path ('organisations/x/'), found at once without listing every page; None for
        any other path (routes.match is the inverse of the routes' paths)."""
        found = routes.match(path)
        if found is None:
            return None
        name, params = found
        guide = self.guide
        if name == "organisation" and params["slug"] in guide.organisation_by_slug:
            return self.organisation_page(guide.organisation_by_slug[params["slug"]])
        if name == "place" and params["slug"] in guide.place_by_slug:
            return self.place_page(guide.place_by_slug[params["slug"]])
        if name == "partnership":
            partnerships = [p for p in guide.partnerships if p.slug == params["slug"]]
            return self.partnership_page(partnerships[0]) if partnerships else None
        if name == "activity":
            organisation = guide.organisation_by_slug.get(params["organisation"])
            activities = [a for a in organisation.activities if a.id == params["id"]] \
                if organisation else []
            return self.activity_page(activities[0]) if activities else None
        return None
