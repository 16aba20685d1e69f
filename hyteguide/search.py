"""Site search: per language, a prebuilt lunr index and the documents its results show.

For each site language the build writes two files beside that language's search page
(`search/`, `sv/search/`, …), fetched by `assets/search.js` only when a visitor starts to
search, in parallel:

- `index.json`: the stop words and a lunr 2.3.9 index (lunr.py, loaded in the browser by lunr.js
  with `lunr.Index.load`) over three fields: title (boost 10), keywords (3: organisation,
  place, municipality and the labels of themes, audiences, format, languages, expertise) and
  text (summary, description, schedule in words). Terms come from `searchtext`, which the
  browser mirrors; document refs are numbers, positions in the documents file, to keep the
  posting lists small. No term positions are stored (no highlighting), for the same reason.
- `documents.json`: what a result shows (type, title, link from the search page,
  organisation, place, next dates held) and the facet values it is filtered by. The filters'
  labels are in the search page's HTML.

Output depends only on the content and the build's today, so it is byte-identical for the same
input. The lunr.js and lunr-languages files come from node_modules (npm ci), never from here.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lunr.builder import Builder

from . import searchtext
from .derive import Guide
from .i18n import Catalogue
from .markup import plain_text, render_markdown
from .model import Activity, Organisation, Page, Partnership, Place, Text
from .urls import Urls, path_of

FIELDS = (("title", 10), ("keywords", 3), ("text", 1))
FACETS = (  # (URL parameter, vocabulary group), in the order the filters are shown
    ("municipality", "municipalities"), ("audience", "audiences"), ("theme", "themes"),
    ("format", "formats"), ("language", "languages"))
SEARCH_PAGE = "search/"  # the index and documents files sit beside each language's page

# node_modules path → site path under assets/vendor/. Only what the browser needs.
VENDOR_FILES = {
    "lunr/lunr.min.js": "lunr.min.js",
    "lunr/LICENSE": "lunr.LICENSE.txt",
    "lunr-languages/min/lunr.stemmer.support.min.js": "lunr.stemmer.support.min.js",
    "lunr-languages/min/lunr.fi.min.js": "lunr.fi.min.js",
    "lunr-languages/min/lunr.sv.min.js": "lunr.sv.min.js",
    "lunr-languages/LICENSE": "lunr-languages.LICENSE.txt",
}


# What the search page loads, in order, when a search starts (paths under assets/).
BROWSER_SCRIPTS = {
    "fi": ("vendor/lunr.min.js", "vendor/lunr.stemmer.support.min.js", "vendor/lunr.fi.min.js"),
    "sv": ("vendor/lunr.min.js", "vendor/lunr.stemmer.support.min.js", "vendor/lunr.sv.min.js"),
    "en": ("vendor/lunr.min.js",),
}


class MissingPackage(Exception):
    """A browser library is not installed in node_modules."""


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
        """The JSON object the browser shows; languages only where they differ from lang."""
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
        data.update({name: list(values) for name, values in self.facets.items() if values})
        data.update({flag: True for flag in self.flags})
        if self.next:
            data["next"] = [list(pair) for pair in self.next]
        return data


@dataclass
class SearchSizes:
    """Bytes written per language: raw and gzipped, index and documents."""

    files: dict[str, tuple[int, int]] = field(default_factory=dict)

    def add(self, path: str, data: bytes) -> None:
        self.files[path] = self.measure(data)

    @staticmethod
    def measure(data: bytes) -> tuple[int, int]:
        """Bytes raw and gzipped."""
        return len(data), len(gzip.compress(data, mtime=0))

    def summary(self) -> str:
        parts = []
        for path, (raw, packed) in self.files.items():
            parts.append(f"{path} {raw / 1024:.0f} KB ({packed / 1024:.0f} KB gzipped)")
        return "search: " + ", ".join(parts)


class _Words:
    """Texts of one language for search documents."""

    def __init__(self, guide: Guide, catalogue: Catalogue, urls: Urls):
        self.guide = guide
        self.lang = catalogue.lang
        self._ = catalogue
        self.urls = urls

    def text(self, value: Text | str | None) -> tuple[str, str]:
        if value is None:
            return "", self.lang
        if isinstance(value, str):
            return value, self.lang
        return value.get(self.lang)

    def plain(self, value: Text | str | None) -> str:
        return self.text(value)[0]

    def markdown(self, value: Text | None) -> str:
        return plain_text(render_markdown(self.plain(value))) if value else ""

    def label(self, group: str, term_id: str) -> str:
        return self.plain(self.guide.content.vocabulary.term(group, term_id).label)

    def labels(self, group: str, ids: tuple[str, ...]) -> list[str]:
        return [self.label(group, i) for i in ids]

    def url(self, target: object) -> str:
        """A link from the search page of this language."""
        return self.urls.relative(self.urls.localised(SEARCH_PAGE, self.lang),
                                  self.urls.localised(path_of(target), self.lang))


def _activity(activity: Activity, w: _Words) -> SearchDocument:
    guide = w.guide
    organisation = guide.organisation_of(activity)
    place = guide.place_by_slug.get(activity.place) if activity.place else None
    municipalities = guide.activity_municipalities[activity.key]
    where = [w.plain(place.name)] if place else []
    where += w.labels("municipalities", municipalities)
    if activity.online:
        where.append(w._("activity.online"))
    title, title_lang = w.text(activity.title)
    summary, summary_lang = w.text(activity.summary)
    keywords = [w.plain(organisation.name), *where,
                *w.labels("themes", activity.themes), *w.labels("audiences", activity.audiences),
                w.label("formats", activity.format), *w.labels("languages", activity.languages)]
    if place:
        keywords.append(w.plain(place.address))
    # When it is held, in words ("tiistaisin klo 10–12"), without the dates and exceptions
    # whose numbers would only add noise terms.
    when = [w._.schedule(replace(rule, exceptions=(), also=(), start=None, until=None,
                                 holidays="include"), w.plain) for rule in activity.schedule]
    text = [summary, w.markdown(activity.description), *when]
    next_dates = tuple(
        (o.date.isoformat(), w._.date(o.date, "weekday")
         + (" " + w._.time_range(o.time) if o.time else ""))
        for o in guide.next_held.get(activity.key, ()))
    flags = tuple(name for name, on in (("free", activity.is_free),
                                        ("low_threshold", activity.low_threshold)) if on)
    return SearchDocument(
        type="activity", url=w.url(activity), title=title, title_lang=title_lang,
        summary=summary, summary_lang=summary_lang, keywords=" ".join(keywords),
        text=" ".join(text), organisation=w.plain(organisation.name), where=", ".join(where),
        facets={"municipality": municipalities, "audience": activity.audiences,
                "theme": activity.themes, "format": (activity.format,),
                "language": activity.languages},
        flags=flags, next=next_dates)


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
        facets={"municipality": organisation.municipalities, "audience": audiences,
                "theme": themes, "format": formats})


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


def build_index(docs: list[SearchDocument], lang: str) -> dict[str, Any]:
    """The serialised lunr index of documents; refs are their positions."""
    builder = Builder()
    # Terms are made by searchtext.terms (cached) rather than token by token in the builder's
    # pipeline; the search pipeline the browser runs on queries is the same processing.
    builder.search_pipeline.add(*searchtext.pipeline_functions(lang))
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for ref, doc in enumerate(docs):
        builder.add({"ref": str(ref),
                     **{name: searchtext.terms(getattr(doc, name), lang) for name, _ in FIELDS}})
    return builder.build().serialize()


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
            "language": {x for a in activities for x in a.languages}}
    return {name: tuple(sorted(used[name])) for name, _ in FACETS}


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def paths(urls: Urls, languages: tuple[str, ...]) -> list[tuple[str, str]]:
    """(site path, language) of every search file: index.json and documents.json."""
    return [(urls.localised(SEARCH_PAGE + name, lang), lang) for lang in languages
            for name in ("index.json", "documents.json")]


def files(guide: Guide, urls: Urls, catalogues: dict[str, Catalogue],
          languages: tuple[str, ...] | None = None) -> Iterator[tuple[str, bytes]]:
    """search/index.json and documents.json for languages (default: every site language)."""
    for lang in languages or guide.content.site.languages:
        catalogue = catalogues[lang]
        docs = documents(guide, catalogue, urls)
        index = {"lang": lang, "stopwords": sorted(searchtext.stop_words(lang)),
                 "index": build_index(docs, lang)}
        shown = {"lang": lang, "built": guide.today.isoformat(),
                 "types": {t: catalogue(f"search.type_{t}") for t in
                           ("activity", "organisation", "place", "partnership", "page")},
                 "documents": [doc.shown(lang) for doc in docs]}
        for name, data in (("index.json", index), ("documents.json", shown)):
            yield urls.localised(SEARCH_PAGE + name, lang), _json(data)


def vendor_files(node_modules: Path) -> Iterator[tuple[str, bytes]]:
    """lunr.js and lunr-languages from node_modules → assets/vendor/; raises MissingPackage."""
    missing = [name for name in VENDOR_FILES if not (node_modules / name).is_file()]
    if missing:
        raise MissingPackage(
            f"{node_modules / missing[0]} is missing: the site search needs lunr and "
            f"lunr-languages from the npm registry; run `npm ci` in {node_modules.parent}")
    for name, target in VENDOR_FILES.items():
        yield f"assets/vendor/{target}", (node_modules / name).read_bytes()
