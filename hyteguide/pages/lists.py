"""The pages of lists: cards paged (organisations, activities, places, partnerships), a term's
page, the handouts for service counsellors and the calendar's weeks.

A list's items are in each language's own order (paging.Ordered); the lists of one listing of
the pages share their sort keys, and are sorted before the workers fork (`prepare`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from typing import Any

from hyteguide.common.routes import path_to
from hyteguide.derive.guide import Guide, sort_key
from hyteguide.derive.terms import ORGANISATION_TAXONOMIES, TermIndex
from hyteguide.model import Activity, Place, Term, Text, Vocabulary
from hyteguide.pages import paging
from hyteguide.pages.paging import (
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
)
from hyteguide.pages.spec import PageSpec
from hyteguide.web.i18n import Catalogue
from hyteguide.web.urls import path_of


class Lists:
    """Makes the PageSpecs of a guide's lists, in the languages of its catalogues."""

    def __init__(self, guide: Guide, catalogues: dict[str, Catalogue]) -> None:
        self.guide = guide
        self.catalogues = catalogues
        self.languages = guide.content.site.languages
        self._sort_keys = SortKeys()  # the sort keys of the lists of one listing (ordered())
        self._orders: list[Ordered] = []

    def ordered(self, items: Sequence[Any], key: Callable[[Any, str], Any]) -> Ordered:
        """items in each language's order (paging.Ordered), with the sort keys shared by all
        the lists of the pages being listed; `prepare` sorts them all before forking."""
        made = Ordered(items, key, self._sort_keys)
        self._orders.append(made)
        return made

    def start_listing(self) -> None:
        """Forget the lists of an earlier listing of the pages: a new one starts."""
        self._sort_keys, self._orders = SortKeys(), []

    def prepare(self) -> None:
        """Sort every list of the last listing in every language (before the workers fork, so
        that they share the sorted lists), then let the sort keys go."""
        for ordered in self._orders:
            ordered.prepare(self.languages)
        self.start_listing()

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
                   title: str, extra: Mapping[str, Any] | None = None) -> Iterator[PageSpec]:
        """A list of cards at path, SIZES.cards a page (paging.py): the page is given as `page`,
        its items (in the language's order) as `name`, with what extra adds to every page."""
        for page in paginate(len(items), paging.SIZES.cards, path):
            yield PageSpec(page.path, template, {**(extra or {}), "page": page,
                                                 name: items.page(page)},
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
        for page in paginate(len(ordered), paging.SIZES.cards, path_to("places")):
            yield PageSpec(page.path, "places.html", {
                "page": page, "places_by_municipality": Localised(partial(groups, page=page))},
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
                "offers": group in ORGANISATION_TAXONOMIES,  # organisations only, with contacts
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
        yield PageSpec(path_to("handouts"), "handouts.html", {"entries": entries},
                       title="handout.title", priority="0.3")
        for entry in entries:
            base = path_to("handout", municipality=entry.term.id)
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
        filters = handout_filters(activities, self.guide.content.vocabulary,
                                  themes=theme is None)
        title = self.handout_title(entry, theme)
        for page in paginate(len(ordered), paging.SIZES.handout, path):
            yield PageSpec(page.path, "handout.html", {
                "entry": entry, "theme": theme, "page": page, "filters": filters, "heading": title,
                "activities": ordered.page(page),
            }, title=self.paged_title(title, page), priority="0.2")


def handout_filters(activities: Sequence[Activity], vocabulary: Vocabulary,
                    themes: bool = True) -> dict[str, Any]:
    """What a handout's choices offer: the audiences, themes and languages its activities have
    with their broader terms (which the filters match too, derive/filters.py), and whether any
    is free or low-threshold or has an age range."""
    def used(group: str, field: str) -> list[str]:
        return sorted(vocabulary.expand(group, sorted({x for a in activities
                                                       for x in getattr(a, field)})))

    return {"audiences": used("audiences", "audiences"),
            "themes": used("themes", "themes") if themes else [],
            "languages": used("languages", "languages"),
            "free": any(a.is_free for a in activities),
            "low_threshold": any(a.low_threshold for a in activities),
            "age": any(a.ages for a in activities)}


def calendar_pages(guide: Guide,
                   layouts: Mapping[str | None, Sequence[WeekLayout]] | None = None
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
        presets = date_presets(layout)
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
                    "filters": guide.calendar_filters, "presets": presets,
                }, title="calendar.title",
                    priority="0.6" if index == 0 and page.path in ("", week.path) else "0.3")


def date_presets(layout: Sequence[WeekLayout]) -> tuple[tuple[str, str, str | None], ...]:
    """The calendar's date presets as (name, path, anchor): today and this weekend (their days
    in the current week: a split week's day pages, else the week's day headings), next week,
    and all weeks (the list of weeks). The build's today: calendar.js hides days already past."""
    if not layout:
        return ()
    current = layout[0]

    def day(date: dt.date) -> tuple[str, str | None]:
        path = current.day_path(date)
        return path, None if current.split else f"day-{date.isoformat()}"

    listed = [d for d, _ in current.week.days]
    found: list[tuple[str, str, str | None]] = [("today", *day(listed[0]))]
    weekend = [d for d in listed if d.weekday() >= 5]
    if weekend:
        found.append(("weekend", *day(weekend[0])))
    if len(layout) > 1:
        found.append(("next_week", layout[1].path, None))
    found.append(("all", current.path, "weeks-heading"))
    return tuple(found)
