"""Search documents: per language, what each activity, organisation, place, partnership table
and free page is found by (title, keywords, text) and what its result shows (search.files
writes them, with the index, for the browser)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from hyteguide.common.language import LanguageView
from hyteguide.common.routes import path_to
from hyteguide.derive import filters
from hyteguide.derive.guide import Guide
from hyteguide.model import Activity, Organisation, Page, Partnership, Place, Text
from hyteguide.web.i18n import Catalogue
from hyteguide.web.markup import words_of
from hyteguide.web.urls import Urls, path_of

# (URL parameter, vocabulary group) of the search page's term filters, in the order shown
FACETS = tuple((f.name, f.group or "") for f in filters.term_filters("search"))
# The search page's age filter: a number field, its values each activity's range as written.
AGE_FACETS = tuple(f.name for f in filters.age_filters("search"))
# Links in the documents are relative to it; the search files sit beside it (search.files).
SEARCH_PAGE = path_to("search")


@dataclass(frozen=True)
class SearchDocument:
    """One search result in one language, with what is indexed of it."""

    type: str  # organisation | activity | place | partnership | page
    url: str  # site-relative, in the document's language
    title: str
    title_lang: str
    summary: str
    summary_lang: str
    keywords: str
    text: str
    organisation: str | None = None
    where: str | None = None
    facets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    flags: tuple[str, ...] = ()
    next: tuple[tuple[str, str], ...] = ()  # (ISO date, the date and time in words)

    def shown(self, lang: str) -> dict[str, Any]:
        """The JSON object the browser shows; languages only where they differ from lang. (The
        facet values are in the facet table; the flags, shown as badges, are here too.)"""
        data: dict[str, Any] = {"type": self.type, "url": self.url, "title": self.title}
        if self.title_lang != lang:
            data["title_lang"] = self.title_lang
        if self.summary:
            data["summary"] = self.summary
            if self.summary_lang != lang:
                data["summary_lang"] = self.summary_lang
        for key in ("organisation", "where"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        data.update({flag: True for flag in self.flags})
        if self.next:
            data["next"] = [list(pair) for pair in self.next]
        return data


class _Words:
    """Texts of one language for search documents."""

    def __init__(self, guide: Guide, catalogue: Catalogue, urls: Urls):
        self.guide = guide
        self.lang = catalogue.lang
        self._ = catalogue
        self.urls = urls
        self.view = LanguageView.of(self.lang, guide.content.vocabulary, urls, path_of)
        self.text = self.view.written  # (text, the language it is written in)
        self.plain = self.view.text
        self.label = self.view.label
        self.labels = self.view.labels

    def markdown(self, value: Text | None) -> str:
        return words_of(self.plain(value)) if value else ""

    def url(self, target: object) -> str:
        """A link from the search page of this language."""
        return self.urls.relative(self.urls.localised(SEARCH_PAGE, self.lang),
                                  self.urls.localised(path_of(target), self.lang))


def _activity(activity: Activity, w: _Words) -> SearchDocument:
    guide = w.guide
    organisation = guide.organisation_of(activity)
    municipalities = guide.activity_municipalities[activity.key]
    where = [w.plain(guide.place_by_slug[p].name) for p in activity.places]
    where += w.labels("municipalities", municipalities)
    if activity.online:
        where.append(w._("activity.online"))
    title, title_lang = w.text(activity.title)
    summary, summary_lang = w.text(activity.summary)
    keywords = [w.plain(organisation.name), *where,
                *w.labels("themes", activity.themes), *w.labels("audiences", activity.audiences),
                w.label("formats", activity.format), *w.labels("languages", activity.languages)]
    keywords += [w.plain(guide.place_by_slug[p].address) for p in activity.places]
    # When it is held, in words ("tiistaisin klo 10–12"), without the dates and exceptions
    # whose numbers would only add noise terms.
    when = [w._.schedule(replace(rule, exceptions=(), also=(), start=None, until=None,
                                 holidays="include"), w.plain) for rule in activity.schedule]
    text = [summary, w.markdown(activity.description), *when]
    next_dates = tuple(
        (o.date.isoformat(), w._.date(o.date, "weekday")
         + (" " + w._.time_range(o.time) if o.time else ""))
        for o in guide.next_held.get(activity.key, ()))
    return SearchDocument(
        type="activity", url=w.url(activity), title=title, title_lang=title_lang,
        summary=summary, summary_lang=summary_lang, keywords=" ".join(keywords),
        text=" ".join(text), organisation=w.plain(organisation.name), where=", ".join(where),
        facets=_facets(activity, municipalities, guide),
        flags=filters.yeses(activity), next=next_dates)


def _facets(activity: Activity, municipalities: tuple[str, ...], guide: Guide
            ) -> dict[str, tuple[str, ...]]:
    """An activity's values of the search page's filters: its terms with their broader terms
    (a filter for aikuiset finds an activity for mielenterveyskuntoutujat), its municipalities
    (the guide's), its age range as written."""
    vocabulary = guide.content.vocabulary
    return {f.name: f.expanded(activity, vocabulary) if f.field
            else vocabulary.expand("municipalities", municipalities)
            for f in (*filters.term_filters("search"), *filters.age_filters("search"))}


def _organisation(organisation: Organisation, w: _Words) -> SearchDocument:
    title, title_lang = w.text(organisation.name)
    summary, summary_lang = w.text(organisation.summary)
    activities = organisation.activities
    audiences = tuple(sorted({a for x in activities for a in x.audiences}))
    formats = tuple(sorted({x.format for x in activities}))
    themes = tuple(sorted({*organisation.themes, *(t for x in activities for t in x.themes)}))
    keywords = [*w.labels("municipalities", organisation.municipalities),
                *w.labels("themes", themes), *w.labels("expertise", organisation.expertise),
                *w.labels("audiences", audiences), *w.labels("formats", formats)]
    if organisation.address:
        keywords.append(w.plain(organisation.address))
    text = [summary, w.markdown(organisation.body),
            *(w.plain(a.title) for a in activities)]
    return SearchDocument(
        type="organisation", url=w.url(organisation), title=title, title_lang=title_lang,
        summary=summary, summary_lang=summary_lang, keywords=" ".join(keywords),
        text=" ".join(text),
        where=", ".join(w.labels("municipalities", organisation.municipalities)),
        facets={name: w.guide.content.vocabulary.expand(group, ids) for name, group, ids in (
            ("municipality", "municipalities", organisation.municipalities),
            ("audience", "audiences", audiences), ("theme", "themes", themes),
            ("format", "formats", formats), ("expertise", "expertise", organisation.expertise))})


def _place(place: Place, w: _Words) -> SearchDocument:
    title, title_lang = w.text(place.name)
    municipality = w.label("municipalities", place.municipality)
    address = w.plain(place.address)
    activities = w.guide.activities_at_place.get(place.slug, ())
    text = [w.markdown(place.description), w.markdown(place.directions),
            w.plain(place.accessibility_note), *(w.plain(a.title) for a in activities)]
    return SearchDocument(
        type="place", url=w.url(place), title=title, title_lang=title_lang,
        summary=address, summary_lang=w.lang, keywords=f"{address} {municipality}",
        text=" ".join(text), where=municipality,
        facets={"municipality": (place.municipality,)})


def _partnership(partnership: Partnership, w: _Words) -> SearchDocument:
    title, title_lang = w.text(partnership.name)
    summary, summary_lang = w.text(partnership.summary)
    members = [w.plain(w.guide.organisation_by_slug[m].name) for m in partnership.members
               if m in w.guide.organisation_by_slug]
    municipalities = tuple(partnership.municipalities)
    return SearchDocument(
        type="partnership", url=w.url(partnership), title=title, title_lang=title_lang,
        summary=summary, summary_lang=summary_lang,
        keywords=" ".join([*members, *w.labels("municipalities", municipalities)]),
        text=" ".join([summary, w.markdown(partnership.body)]),
        where=", ".join(w.labels("municipalities", municipalities)),
        facets={"municipality": municipalities})


def _page(page: Page, w: _Words) -> SearchDocument:
    title, title_lang = w.text(page.title)
    summary, summary_lang = w.text(page.summary)
    return SearchDocument(
        type="page", url=w.url(page), title=title, title_lang=title_lang, summary=summary,
        summary_lang=summary_lang, keywords="", text=" ".join([summary, w.markdown(page.body)]))


def documents(guide: Guide, catalogue: Catalogue, urls: Urls) -> list[SearchDocument]:
    """Every search document of one language, in a stable order: activities, organisations,
    places, partnership tables, free pages."""
    w = _Words(guide, catalogue, urls)
    return [*(_activity(a, w) for a in guide.activities),
            *(_organisation(o, w) for o in guide.organisations),
            *(_place(p, w) for p in guide.places),
            *(_partnership(p, w) for p in guide.partnerships),
            *(_page(p, w) for p in sorted(guide.content.pages, key=lambda p: p.slug))]


def facet_ids(guide: Guide) -> dict[str, tuple[str, ...]]:
    """The terms each filter of the search page offers: those some document has."""
    activities = guide.activities
    municipalities = {m for a in activities for m in guide.activity_municipalities[a.key]}
    municipalities |= {m for o in guide.organisations for m in o.municipalities}
    municipalities |= {p.municipality for p in guide.places}
    municipalities |= {m for p in guide.partnerships for m in p.municipalities}
    used = {"municipality": municipalities,
            "audience": {x for a in activities for x in a.audiences},
            "theme": {x for a in activities for x in a.themes}
            | {x for o in guide.organisations for x in o.themes},
            "format": {a.format for a in activities},
            "language": {x for a in activities for x in a.languages},
            "expertise": {x for o in guide.organisations for x in o.expertise}}
    vocabulary = guide.content.vocabulary  # a term's broader terms find it too: offered
    return {name: tuple(sorted(vocabulary.expand(group, sorted(used[name]))))
            for name, group in FACETS}

