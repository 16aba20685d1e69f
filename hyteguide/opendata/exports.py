"""Open data: plain JSON files for reuse, and every export file of a language (HSDS, JSON, Atom).

The JSON files (organisations.json, activities.json, places.json, vocabulary.json, at the site's
root only) hold each entry once with its texts in every site language, its stable id (the same
UUID as in the HSDS package: Urls.stable_id) and the address of its page in every language;
activities.json also has the dates from today to the calendar's horizon. Keys are written in a
fixed order and lists sorted, so the same content and `today` give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from hyteguide.common.language import LanguageView
from hyteguide.common.routes import path_to
from hyteguide.common.times import WEEKDAY_KEYS, clock_fields
from hyteguide.derive.guide import Guide
from hyteguide.feeds import atom
from hyteguide.model import (
    Activity,
    Contact,
    Organisation,
    Place,
    ScheduleRule,
    Term,
    Text,
)
from hyteguide.opendata import hsds
from hyteguide.schedule.occurrences import Occurrence, recurrences
from hyteguide.web.i18n import Catalogue
from hyteguide.web.urls import SECTION_OF_GROUP, Urls, path_of

PAGE = path_to("opendata")  # the open data page, in every language
# Language-neutral: only at the site's root (the texts are in every language).
SHARED = {name: path_to("opendata_file", file=f"{name}.json")
          for name in ("organisations", "activities", "places", "vocabulary")}
CROSSWALK = ("yso", "ptv", "lahella")

Data = dict[str, Any]


class _Json:
    """Helpers of the plain JSON: texts per language, addresses per language, ids."""

    def __init__(self, guide: Guide, urls: Urls):
        self.guide, self.urls = guide, urls
        self.languages = guide.content.site.languages
        self.views = [LanguageView.of(lang, guide.content.vocabulary, urls, path_of)
                      for lang in self.languages]

    def text(self, value: Text | str | None) -> dict[str, str] | None:
        """{lang: text} for the languages it is written in; a plain string as it is."""
        if value is None:
            return None
        if isinstance(value, str):
            return {self.languages[0]: value}
        return dict(value.items)

    def urls_of(self, target: object) -> dict[str, str]:
        return {view.lang: view.page_url(target) for view in self.views}

    def id(self, target: object) -> str:
        return self.urls.stable_id(path_of(target))


def _clean(data: Data) -> Data:
    return {k: v for k, v in data.items() if v is not None and v != [] and v != {}}


def _keyword(value: str | Text | None, keyword: str, x: _Json) -> Any:
    """A field that is a keyword (free, none) or a text: the keyword as it is, else texts."""
    return value if value == keyword else x.text(value)


def _contact(contact: Contact, x: _Json) -> Data:
    return _clean({"role": x.text(contact.role), "name": contact.name, "email": contact.email,
                   "phone": contact.phone})


def organisation_data(organisation: Organisation, x: _Json) -> Data:
    """An organisation: names, contacts, terms and its activities' ids."""
    return _clean({
        "id": x.id(organisation), "slug": organisation.slug, "url": x.urls_of(organisation),
        "name": x.text(organisation.name), "summary": x.text(organisation.summary),
        "description_markdown": x.text(organisation.body),
        "business_id": organisation.business_id,
        "website": organisation.website, "email": organisation.email,
        "phone": organisation.phone, "address": x.text(organisation.address),
        "municipalities": list(organisation.municipalities),
        "themes": list(organisation.themes), "expertise": list(organisation.expertise),
        "contacts": [_contact(c, x) for c in organisation.contacts],
        "reviewed": organisation.reviewed.isoformat() if organisation.reviewed else None,
        "activities": [x.id(a) for a in organisation.activities],
    })


def rule_data(rule: ScheduleRule, x: _Json) -> Data:
    """A schedule rule as written, with its RFC 5545 recurrence(s)."""
    return _clean({
        "weekly": [WEEKDAY_KEYS[d] for d in rule.weekly] or None,
        "every": rule.every if rule.weekly and rule.every > 1 else None,
        "monthly": [m.ordinal if m.weekday is None else
                    f"{'last' if m.ordinal == -1 else m.ordinal} {WEEKDAY_KEYS[m.weekday]}"
                    for m in rule.monthly] or None,
        "dates": [d.isoformat() for d in rule.dates] or None,
        "rrule": list(recurrences(rule)) if rule.kind != "dates" else None,
        "times": [clock_fields(t) for t in rule.times],
        "days": rule.days if rule.days > 1 else None,  # each time lasts this many days
        "place": x.id(x.guide.place_by_slug[rule.place]) if rule.place else None,
        "from": rule.start.isoformat() if rule.start else None,
        "until": rule.until.isoformat() if rule.until else None,
        "except": [{"from": r.start.isoformat(), "until": r.end.isoformat()}
                   for r in rule.exceptions],
        "also": [d.isoformat() for d in rule.also],
        "cancelled": [_clean({"date": c.date.isoformat(), "note": x.text(c.note)})
                      for c in rule.cancelled],
        "holidays": "skip" if rule.skips_holidays else "include",
        "note": x.text(rule.note),
    })


def occurrence_data(occurrence: Occurrence, x: _Json) -> Data:
    """One dated time an activity is held, or was to be held when cancelled."""
    return _clean({"date": occurrence.date.isoformat(), **clock_fields(occurrence.time),
                   "cancelled": occurrence.cancelled or None, "note": x.text(occurrence.note)})


def activity_data(activity: Activity, x: _Json) -> Data:
    """An activity: texts, terms, where, cost, its schedule rules and its upcoming dates."""
    guide = x.guide
    return _clean({
        "id": x.id(activity), "organisation": x.id(guide.organisation_of(activity)),
        "key": activity.key, "url": x.urls_of(activity), "title": x.text(activity.title),
        "summary": x.text(activity.summary),
        "description_markdown": x.text(activity.description),
        "format": activity.format, "themes": list(activity.themes),
        "audiences": list(activity.audiences), "languages": list(activity.languages),
        # Whole years, both included; null for an open end ("65-": max null).
        "ages": {"min": activity.ages.min, "max": activity.ages.max} if activity.ages else None,
        "place": x.id(guide.place_by_slug[activity.place]) if activity.place else None,
        "municipalities": list(guide.activity_municipalities[activity.key]),
        "online": activity.online, "website": activity.website,
        "cost": _keyword(activity.cost, "free", x),
        "registration": _keyword(activity.registration, "none", x),
        "registration_url": activity.registration_url,
        "registration_opens": activity.registration_opens.isoformat()
        if activity.registration_opens else None,
        "registration_closes": activity.registration_closes.isoformat()
        if activity.registration_closes else None,
        "low_threshold": activity.low_threshold, "drop_in": activity.drop_in,
        "schedule": [rule_data(rule, x) for rule in activity.schedule],
        "upcoming": [occurrence_data(o, x) for o in guide.occurrences_of.get(activity.key, ())],
        "contacts": [_contact(c, x) for c in activity.contacts],
        "co_organisers": [x.id(o) for o in guide.organisers_of(activity)[1:]],
    })


def place_data(place: Place, x: _Json) -> Data:
    """A place: address, coordinates, accessibility and opening hours."""
    hours: Any = x.text(place.opening_hours) if isinstance(place.opening_hours, Text) else [
        _clean({"days": [WEEKDAY_KEYS[d] for d in h.days], **clock_fields(h.time),
                "from": h.start.isoformat() if h.start else None,
                "until": h.until.isoformat() if h.until else None})
        for h in place.opening_hours]
    return _clean({
        "id": x.id(place), "slug": place.slug, "url": x.urls_of(place),
        "name": x.text(place.name), "address": x.text(place.address),
        "postal_code": place.postal_code, "municipality": place.municipality,
        "coordinates": {"lat": place.coordinates[0], "lon": place.coordinates[1]}
        if place.coordinates else None,
        "accessibility": list(place.accessibility),
        "accessibility_note": x.text(place.accessibility_note),
        "opening_hours": hours, "opening_hours_note": x.text(place.opening_hours_note),
        "directions": x.text(place.directions),
        "description_markdown": x.text(place.description),
        "website": place.website, "phone": place.phone, "email": place.email,
    })


def term_data(term: Term, x: _Json) -> Data:
    """A vocabulary term: labels, its page (for groups that have pages), its broader terms of
    the same group (as SKOS broader: ids, as written) and its codes in other systems (the
    crosswalk). Entries' terms elsewhere are as written; a reader expands them with these."""
    url = x.urls_of(term) if term.group in SECTION_OF_GROUP else None  # groups with pages
    return _clean({"id": term.id, "label": x.text(term.label), "url": url,
                   "description": x.text(term.description),
                   "broader": list(term.broader) or None,
                   **{name: list(getattr(term, name)) or None for name in CROSSWALK}})


def _envelope(guide: Guide, urls: Urls, key: str, items: list[Data]) -> Data:
    """The file's data with the site and licence it comes from."""
    site = guide.content.site
    licence = site.data_licence
    return {"site": {"name": dict(site.name.items), "url": urls.base_url},
            "licence": _clean({"id": licence.id, "name": licence.name, "url": licence.url}),
            "generated_for": guide.today.isoformat(), key: items}


def shared_files(guide: Guide, urls: Urls) -> list[tuple[str, bytes]]:
    """The plain JSON files: organisations, activities (with their upcoming dates), places and
    the vocabulary with its crosswalk."""
    x = _Json(guide, urls)
    vocabulary = guide.content.vocabulary
    made = {
        "organisations": [organisation_data(o, x) for o in guide.organisations],
        "activities": [activity_data(a, x) for a in guide.activities],
        "places": [place_data(p, x) for p in guide.places],
        "vocabulary": [{"group": group, "terms": [term_data(t, x) for t in terms.values()]}
                       for group, terms in vocabulary.groups.items()],
    }
    for key in ("organisations", "activities", "places"):
        made[key].sort(key=lambda item: item["id"])
    return [(path, hsds.dumps(_envelope(guide, urls, name, made[name])))
            for name, path in SHARED.items()]


def files(guide: Guide, urls: Urls, catalogues: dict[str, Catalogue], lang: str,
          changed: dict[str, dt.date] | None = None) -> Iterator[tuple[str, bytes]]:
    """Every export file of a language as (site path, bytes), one at a time: its HSDS package
    and its Atom feed, and in the first language also the plain JSON files."""
    yield from hsds.files(guide, urls, catalogues[lang], lang)
    yield atom.feed(guide, urls, catalogues[lang], lang, changed or {})
    if lang == guide.content.site.languages[0]:
        yield from shared_files(guide, urls)


def page_context() -> dict[str, Any]:
    """What the open data page lists: the HSDS package's files, the shared JSON files and the
    feed (language-neutral paths)."""
    return {"hsds_folder": hsds.FOLDER, "tables": [hsds.TABLES[t][0] for t in hsds.TABLES],
            "json_form": list(hsds.JSON_FILES), "shared": SHARED, "feed": atom.FEED}


def language_paths() -> list[str]:
    """Language-neutral paths of the files made in every language."""
    return [*hsds.paths(), atom.FEED]

