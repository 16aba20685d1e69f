"""Search documents: per language, what each activity, organisation, place, partnership table
and free page is found by (title, keywords, text) and what its result shows (search.files
writes them, with the index, for the browser)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from hyteguide.common.language import LanguageView
from hyteguide.common.routes import path_to
from hyteguide.derive import filters
from hyteguide.derive.guide import Guide
from hyteguide.model import Activity, Organisation, Page, Partnership, Place, Text
from hyteguide.search.text import fold, tokenize
from hyteguide.web.i18n import Catalogue
from hyteguide.web.markup import words_of
from hyteguide.web.urls import Urls, path_of

# (URL parameter, vocabulary group) of the search page's term filters, in the order shown
FACETS = tuple((f.name, f.group or "") for f in filters.term_filters("search"))
# The search page's age filter: a number field, its values each activity's range as written.
AGE_FACETS = tuple(f.name for f in filters.age_filters("search"))
# Links in the documents are relative to it; the search files sit beside it (search.files).
SEARCH_PAGE = path_to("search")
# Pieces of indexed text, each with the language it is written in (so stemmed in it).
Pieces = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SearchDocument:
    """One search result in one language, with what is indexed of it."""

    type: str  # organisation | activity | place | partnership | page
    url: str  # site-relative, in the document's language
    title: str
    title_lang: str
    summary: str
    summary_lang: str
    keywords: Pieces
    text: Pieces
    organisation: str | None = None
    where: str | None = None
    facets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    flags: tuple[str, ...] = ()
    next: tuple[tuple[str, str], ...] = ()  # (ISO date, the date and time in words)

    def indexed(self, name: str) -> Pieces:
        """A field of the index (title, keywords, text) as (text, its language) pieces."""
        if name == "title":
            return ((self.title, self.title_lang),)
        found: Pieces = getattr(self, name)
        return found

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
    """Texts of one language for search documents: what is shown in it, and what is indexed,
    as pieces in the language each is written in (a missing translation's fallback is in the
    site's first language; the vocabulary's labels and the yes/no facts' words are indexed in
    every site language, so that /fi/ finds `kervo` and /sv/ `kerava`)."""

    def __init__(self, guide: Guide, catalogue: Catalogue, urls: Urls,
                 catalogues: Mapping[str, Catalogue] | None = None):
        self.guide = guide
        self.lang = catalogue.lang
        self._ = catalogue
        self.urls = urls
        self.languages = tuple(guide.content.site.languages)
        self.catalogues = dict(catalogues or {self.lang: catalogue})
        self.view = LanguageView.of(self.lang, guide.content.vocabulary, urls, path_of)
        self.text = self.view.written  # (text, the language it is written in)
        self.plain = self.view.text
        self.label = self.view.label
        self.labels = self.view.labels

    def markdown(self, value: Text | None) -> tuple[str, str]:
        text, lang = self.text(value)
        return (words_of(text) if text else ""), lang

    def every(self, value: Text | str | None) -> list[tuple[str, str]]:
        """A text in every site language it has (a name in Finnish and Swedish)."""
        if value is None or isinstance(value, str):
            return [self.text(value)]
        return list(dict.fromkeys(value.get(lang) for lang in self.languages))

    def others(self, value: Text) -> list[tuple[str, str]]:
        """A title's translations besides the one shown (a Swedish name on /fi/)."""
        shown = self.text(value)
        return [piece for piece in self.every(value) if piece != shown]

    def all_labels(self, group: str, term_ids: Iterable[str]) -> list[tuple[str, str]]:
        """The labels of terms in every site language."""
        vocabulary = self.guide.content.vocabulary
        return [piece for term_id in term_ids
                for piece in self.every(vocabulary.term(group, term_id).label)]

    def flag_words(self, flags: Iterable[str]) -> list[tuple[str, str]]:
        """The words of yes/no facts (free, low threshold) in every language with a catalogue:
        the badge's label and the words people search it by (`maksuton`, `ilmainen`)."""
        return [(catalogue(key), lang) for flag in flags
                for lang, catalogue in self.catalogues.items()
                for key in (f"badge.{flag}", f"search.words_{flag}")]

    def url(self, target: object) -> str:
        """A link from the search page of this language."""
        return self.urls.relative(self.urls.localised(SEARCH_PAGE, self.lang),
                                  self.urls.localised(path_of(target), self.lang))


def _activity(activity: Activity, w: _Words) -> SearchDocument:
    guide = w.guide
    organisation = guide.organisation_of(activity)
    municipalities = guide.activity_municipalities[activity.key]
    places = [guide.place_by_slug[p] for p in activity.places]
    where = [w.plain(place.name) for place in places]
    where += w.labels("municipalities", municipalities)
    if activity.online:
        where.append(w._("activity.online"))
    title, title_lang = w.text(activity.title)
    summary, summary_lang = w.text(activity.summary)
    flags = filters.yeses(activity)
    keywords = [*w.others(activity.title), *w.every(organisation.name),
                *(piece for place in places for piece in w.every(place.name)),
                *w.all_labels("municipalities", municipalities),
                *w.all_labels("themes", activity.themes),
                *w.all_labels("audiences", activity.audiences),
                *w.all_labels("formats", (activity.format,)),
                *w.all_labels("languages", activity.languages), *w.flag_words(flags)]
    if activity.online:
        keywords.append((w._("activity.online"), w.lang))
    keywords += [w.text(place.address) for place in places]
    # When it is held, in words ("tiistaisin klo 10–12"), without the dates and exceptions
    # whose numbers would only add noise terms.
    when = [(w._.schedule(replace(rule, exceptions=(), also=(), start=None, until=None,
                                  holidays="include"), w.plain), w.lang)
            for rule in activity.schedule]
    text = [(summary, summary_lang), w.markdown(activity.description), *when]
    next_dates = tuple(
        (o.date.isoformat(), w._.date(o.date, "weekday")
         + (" " + w._.time_range(o.time) if o.time else ""))
        for o in guide.next_held.get(activity.key, ()))
    return SearchDocument(
        type="activity", url=w.url(activity), title=title, title_lang=title_lang,
        summary=summary, summary_lang=summary_lang, keywords=_pieces(keywords),
        text=_pieces(text), organisation=w.plain(organisation.name), where=", ".join(where),
        facets=_facets(activity, municipalities, guide), flags=flags, next=next_dates)


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
    keywords = [*w.others(organisation.name),
                *w.all_labels("municipalities", organisation.municipalities),
                *w.all_labels("themes", themes), *w.all_labels("expertise", organisation.expertise),
                *w.all_labels("audiences", audiences), *w.all_labels("formats", formats)]
    if organisation.address:
        keywords.append(w.text(organisation.address))
    text = [(summary, summary_lang), w.markdown(organisation.body),
            *(w.text(a.title) for a in activities)]
    return SearchDocument(
        type="organisation", url=w.url(organisation), title=title, title_lang=title_lang,
        summary=summary, summary_lang=summary_lang, keywords=_pieces(keywords),
        text=_pieces(text),
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
            w.text(place.accessibility_note), *(w.text(a.title) for a in activities)]
    keywords = [*w.others(place.name), w.text(place.address),
                *w.all_labels("municipalities", (place.municipality,))]
    return SearchDocument(
        type="place", url=w.url(place), title=title, title_lang=title_lang,
        summary=address, summary_lang=w.lang, keywords=_pieces(keywords),
        text=_pieces(text), where=municipality,
        facets={"municipality": (place.municipality,)})


def _partnership(partnership: Partnership, w: _Words) -> SearchDocument:
    title, title_lang = w.text(partnership.name)
    summary, summary_lang = w.text(partnership.summary)
    members = [w.text(w.guide.organisation_by_slug[m].name) for m in partnership.members
               if m in w.guide.organisation_by_slug]
    municipalities = tuple(partnership.municipalities)
    return SearchDocument(
        type="partnership", url=w.url(partnership), title=title, title_lang=title_lang,
        summary=summary, summary_lang=summary_lang,
        keywords=_pieces([*w.others(partnership.name), *members,
                          *w.all_labels("municipalities", municipalities)]),
        text=_pieces([(summary, summary_lang), w.markdown(partnership.body)]),
        where=", ".join(w.labels("municipalities", municipalities)),
        facets={"municipality": municipalities})


def _page(page: Page, w: _Words) -> SearchDocument:
    title, title_lang = w.text(page.title)
    summary, summary_lang = w.text(page.summary)
    return SearchDocument(
        type="page", url=w.url(page), title=title, title_lang=title_lang, summary=summary,
        summary_lang=summary_lang, keywords=(),
        text=_pieces([(summary, summary_lang), w.markdown(page.body)]))


def _pieces(pieces: Iterable[tuple[str, str]]) -> Pieces:
    """Pieces of text, without empty ones and with runs of one language joined (fewer, longer
    texts to stem; the same terms)."""
    joined: list[tuple[str, str]] = []
    for text, lang in pieces:
        if not text:
            continue
        if joined and joined[-1][1] == lang:
            joined[-1] = (joined[-1][0] + " " + text, lang)
        else:
            joined.append((text, lang))
    return tuple(joined)


def documents(guide: Guide, catalogue: Catalogue, urls: Urls,
              catalogues: Mapping[str, Catalogue] | None = None) -> list[SearchDocument]:
    """Every search document of one language, in a stable order: activities, organisations,
    places, partnership tables, free pages. catalogues: every site language's, whose words
    for the yes/no facts are indexed too (default: catalogue's alone)."""
    w = _Words(guide, catalogue, urls, catalogues)
    return [*(_activity(a, w) for a in guide.activities),
            *(_organisation(o, w) for o in guide.organisations),
            *(_place(p, w) for p in guide.places),
            *(_partnership(p, w) for p in guide.partnerships),
            *(_page(p, w) for p in sorted(guide.content.pages, key=lambda p: p.slug))]


# Legal forms that make no difference to a reader: "Klubitalo Kiviverstas ry" is the same name
# as its clubhouse "Klubitalo Kiviverstas".
_LEGAL_FORMS = frozenset({"ry", "rf", "sr", "rs", "oy", "ab"})


def _name_key(title: str) -> tuple[str, ...]:
    return tuple(word for word in (fold(w) for w in tokenize(title)) if word not in _LEGAL_FORMS)


def same_named(guide: Guide, docs: list[SearchDocument]) -> list[list[int]]:
    """Groups of near-identical results, as refs (positions in docs, as documents() orders
    them): an organisation first, then its activities and the places of its activities whose
    name is the same as its own (legal form and diacritics aside). A search shows a group once,
    the rest as lines under it (searchcore.js: group)."""
    activity_ref = {a.key: n for n, a in enumerate(guide.activities)}
    first_organisation = len(guide.activities)
    place_ref = {p.slug: first_organisation + len(guide.organisations) + n
                 for n, p in enumerate(guide.places)}
    found = []
    for n, organisation in enumerate(guide.organisations):
        ref = first_organisation + n
        name = _name_key(docs[ref].title)
        members = [activity_ref[a.key] for a in organisation.activities
                   if a.key in activity_ref and _name_key(docs[activity_ref[a.key]].title) == name]
        places = sorted({place_ref[p] for a in organisation.activities for p in a.places
                         if p in place_ref})
        members += [r for r in places if _name_key(docs[r].title) == name]
        if members:
            found.append([ref, *members])
    return found


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

