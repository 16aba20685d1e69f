"""Open Referral HSDS 3.0: the guide as a tabular data package (CSV tables with datapackage.json)
and in HSDS's nested JSON form, one package per site language.

Organisations are organizations (with their Y-tunnus as an organization_identifier), activities
are services, places are physical locations (an online activity gets a virtual one), and the
vocabulary's themes, audiences and formats are taxonomy terms linked by attributes, together
with the YSO, PTV and Lähellä.fi codes of the vocabulary's crosswalk. A schedule rule becomes
one schedule row per recurrence and time of day (freq, interval, byday, bymonthday, dtstart,
until, count, opens_at, closes_at); a single day is a weekly rule with dtstart = until. What
HSDS cannot express (skipped public holidays, exceptions, the time zone, rules beyond WEEKLY
and MONTHLY) is written in words in `notes`, and upcoming cancellations in the service's
`alert`. Ids are UUIDs derived from the site's address and each object's path (Urls.stable_id),
so the same content gives the same bytes. Rows are sorted by id.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from hyteguide.content.model import (
    YSO_BASE,
    Activity,
    Organisation,
    Place,
    ScheduleRule,
    Term,
    Text,
    TimeRange,
)
from hyteguide.derive.guide import Guide
from hyteguide.feeds.jsonld import clock, language_codes
from hyteguide.pages.i18n import Catalogue
from hyteguide.pages.markup import words_of
from hyteguide.pages.urls import Urls, path_of
from hyteguide.schedule.occurrences import WEEKDAY_CODES, is_skipped, recurrences

FOLDER = "opendata/hsds/"  # language-neutral folder of the package (sv/opendata/hsds/, …)
HSDS_VERSION = "3.0.0"
COUNTRY = "FI"
CURRENCY = "EUR"
PTV = "http://uri.suomi.fi/codelist/ptv/"
LAHELLA = "https://www.lahella.fi/"
TAXONOMY_GROUPS = (("themes", "theme"), ("audiences", "audience"), ("formats", "format"))

# The tables written, as in HSDS 3.0's datapackage.json: file and fields in order. A field is
# `name`, `name:type` (string when no type) and `/format`; `!` marks a required field; `id`
# and `…_id` fields (but tax_id) are UUIDs.
TABLES = {
    "organization": ("organizations.csv", "id! name! alternate_name description! email/email "
                     "website/uri tax_status tax_id year_incorporated:number legal_status logo "
                     "uri/uri parent_organization_id"),
    "organization_identifier": ("organization_identifiers.csv", "id! organization_id! "
                                "identifier_scheme identifier_type! identifier!"),
    "service": ("services.csv", "id! organization_id! program_id name! alternate_name "
                "description url/uri email/email status! interpretation_services "
                "application_process fees_description wait_time fees accreditations "
                "eligibility_description minimum_age:number maximum_age:number "
                "assured_date:date assurer_email/email licenses alert last_modified:datetime"),
    "location": ("locations.csv", "id! location_type! url/uri organization_id name "
                 "alternate_name description transportation latitude:number longitude:number "
                 "external_identifier external_identifier_type"),
    "service_at_location": ("service_at_location.csv", "id! service_id! location_id! "
                            "description"),
    "address": ("addresses.csv", "id! location_id attention address_1! address_2 city! region "
                "state_province! postal_code! country! address_type!"),
    "contact": ("contacts.csv", "id! organization_id service_id service_at_location_id "
                "location_id name title department email/email"),
    "phone": ("phones.csv", "id! location_id service_id organization_id contact_id "
              "service_at_location_id number! extension:number type description"),
    "schedule": ("schedules.csv", "id! service_id location_id service_at_location_id "
                 "valid_from:date valid_to:date dtstart:date timezone:number until:date "
                 "count:number wkst freq interval:number byday byweekno bymonthday byyearday "
                 "description opens_at:time closes_at:time schedule_link/uri attending_type "
                 "notes"),
    "language": ("languages.csv", "id! service_id location_id phone_id name code note"),
    "accessibility": ("accessibility.csv", "id! location_id description details url/uri"),
    "cost_option": ("cost_options.csv", "id! service_id! valid_from:date valid_to:date option "
                    "currency amount:number amount_description"),
    "service_area": ("service_areas.csv", "id! service_id name description extent extent_type "
                     "uri"),
    "taxonomy": ("taxonomies.csv", "id! name! description! uri/uri version"),
    "taxonomy_term": ("taxonomy_terms.csv", "id! code name! description! parent_id taxonomy "
                      "language taxonomy_id term_uri/uri"),
    "attribute": ("attributes.csv", "id! link_id! taxonomy_term_id! link_type link_entity! "
                  "value"),
}

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """A field of a table: its name, Table Schema type and format, and whether it is required."""

    name: str
    type: str = "string"
    format: str | None = None
    required: bool = False

    @classmethod
    def parse(cls, spec: str) -> Column:
        required = spec.endswith("!")
        spec = spec.rstrip("!")
        spec, _, form = spec.partition("/")
        name, _, kind = spec.partition(":")
        if name == "id" or (name.endswith("_id") and name != "tax_id"):
            form = "uuid"
        return cls(name, kind or "string", form or None, required)

    def schema(self) -> dict[str, Any]:
        """The field as a Table Schema field descriptor."""
        found: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.format:
            found["format"] = self.format
        if self.required:
            found["constraints"] = {"required": True}
        return found


def columns(table: str) -> tuple[Column, ...]:
    """The fields of a table, in order."""
    return tuple(Column.parse(spec) for spec in TABLES[table][1].split())


_REQUIRED = {table: frozenset(c.name for c in columns(table) if c.required) for table in TABLES}

# Foreign keys of the tables written (to tables that are written).
FOREIGN_KEYS = {
    "organization_identifier": {"organization_id": "organization"},
    "service": {"organization_id": "organization"},
    "location": {"organization_id": "organization"},
    "service_at_location": {"service_id": "service", "location_id": "location"},
    "address": {"location_id": "location"},
    "contact": {"organization_id": "organization", "service_id": "service",
                "service_at_location_id": "service_at_location", "location_id": "location"},
    "phone": {"location_id": "location", "service_id": "service",
              "organization_id": "organization", "contact_id": "contact",
              "service_at_location_id": "service_at_location"},
    "schedule": {"service_id": "service", "location_id": "location",
                 "service_at_location_id": "service_at_location"},
    "language": {"service_id": "service", "location_id": "location", "phone_id": "phone"},
    "accessibility": {"location_id": "location"},
    "cost_option": {"service_id": "service"},
    "service_area": {"service_id": "service"},
    "taxonomy_term": {"taxonomy_id": "taxonomy", "parent_id": "taxonomy_term"},
    "attribute": {"taxonomy_term_id": "taxonomy_term"},
}


# -- the export's context ---------------------------------------------------------------------

@dataclass(frozen=True)
class Export:
    """What the mapping of one language needs: the guide, its addresses and interface texts."""

    guide: Guide
    urls: Urls
    catalogue: Catalogue
    lang: str

    def id(self, target: object, fragment: str = "") -> str:
        """The stable UUID of a model object's (or a path's) page, with an optional #part."""
        return self.urls.stable_id(path_of(target) + fragment)

    def text(self, value: Text | str | None) -> str | None:
        """A text in this language (falling back like the pages)."""
        if value is None:
            return None
        return value if isinstance(value, str) else value.get(self.lang)[0]

    def page(self, target: object) -> str:
        """The published address of a page in this language."""
        return self.urls.absolute(self.urls.localised(path_of(target), self.lang))

    def term(self, group: str, term_id: str) -> Term:
        return self.guide.content.vocabulary.term(group, term_id)

    def label(self, group: str, term_id: str) -> str:
        return self.term(group, term_id).label.get(self.lang)[0]

    def words(self, *parts: str | None) -> str | None:
        """Fragments of text as one sentence: '; '-joined, capitalised, ending with a full stop;
        None when there are none."""
        found = [p.strip() for p in parts if p and p.strip()]
        if not found:
            return None
        sentence = "; ".join(found)
        sentence = sentence[0].upper() + sentence[1:]
        return sentence if sentence.endswith((".", "!", "?")) else sentence + "."


def _plain(value: Text | None, x: Export) -> str | None:
    """A Markdown text in this language as plain words (sanitised first: no markup remains)."""
    text = x.text(value)
    return (words_of(text) or None) if text else None


# -- rows ---------------------------------------------------------------------------------------

@dataclass
class Tables:
    """The rows of every table, by id; the first row given an id is kept."""

    rows: dict[str, dict[str, Row]] = field(
        default_factory=lambda: {table: {} for table in TABLES})
    terms: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # made by _tag

    def add(self, table: str, row: Row) -> str:
        """Add a row (empty values are left out, but a required field stays, if only as "");
        return its id."""
        required = _REQUIRED[table]
        clean = {k: v for k, v in row.items()
                 if (v is not None and v != "") or (k in required and v == "")}
        self.rows[table].setdefault(clean["id"], clean)
        return clean["id"]

    def sorted(self) -> dict[str, list[Row]]:
        return {table: [rows[key] for key in sorted(rows)] for table, rows in self.rows.items()}


def _organisation(organisation: Organisation, x: Export, t: Tables) -> None:
    org_id = t.add("organization", {
        "id": x.id(organisation), "name": x.text(organisation.name),
        "description": x.text(organisation.summary),
        "email": organisation.email, "website": organisation.website,
        "uri": x.urls.absolute(path_of(organisation)),
    })
    if organisation.business_id:
        t.add("organization_identifier", {
            "id": x.id(organisation, "#business-id"), "organization_id": org_id,
            # org-id.guide's scheme of the Finnish Patent and Registration Office (Y-tunnus)
            "identifier_scheme": "FI-PRO",
            "identifier_type": x.catalogue("organisation.business_id"),
            "identifier": organisation.business_id})
    if organisation.phone:
        t.add("phone", {"id": x.id(organisation, "#phone"), "organization_id": org_id,
                        "number": organisation.phone})
    _contacts(organisation, organisation.contacts, {"organization_id": org_id}, x, t)
    for term_id in organisation.themes:
        _tag(x, t, "organization", org_id, organisation, "themes", term_id)


def _contacts(owner: object, contacts: Iterable, link: Row, x: Export, t: Tables) -> None:
    for index, contact in enumerate(contacts, 1):
        contact_id = t.add("contact", {
            "id": x.id(owner, f"#contact-{index}"), **link, "name": contact.name,
            "title": x.text(contact.role), "email": contact.email})
        if contact.phone:
            t.add("phone", {"id": x.id(owner, f"#contact-{index}-phone"),
                            "contact_id": contact_id, "number": contact.phone})


def _activity(activity: Activity, x: Export, t: Tables) -> None:
    organisation = x.guide.organisation_of(activity)
    service_id = x.id(activity)
    registration = None
    if activity.registration is not None:
        registration = x.catalogue("activity.no_registration") if activity.no_registration \
            else x.text(activity.registration)
    t.add("service", {
        "id": service_id, "organization_id": x.id(organisation),
        "name": x.text(activity.title),
        "description": x.text(activity.summary),
        "url": x.page(activity), "status": "active",
        "application_process": x.words(
            registration,
            x.catalogue("activity.low_threshold_text") if activity.low_threshold else None),
        "fees_description": _cost(activity, x),
        "eligibility_description": ", ".join(x.label("audiences", a)
                                             for a in activity.audiences) or None,
        "assured_date": organisation.reviewed.isoformat() if organisation.reviewed else None,
        "alert": _alert(activity, x),
    })
    at_place = _locations(activity, service_id, x, t)
    _schedules(activity, service_id, at_place, x, t)
    if activity.cost is not None:
        free = activity.is_free
        t.add("cost_option", {"id": x.id(activity, "#cost"), "service_id": service_id,
                              "option": _cost(activity, x) if free else None,
                              "amount": 0 if free else None, "currency": CURRENCY if free else None,
                              "amount_description": None if free else x.text(activity.cost)})
    for term_id in activity.languages:
        codes = language_codes((term_id,))
        t.add("language", {"id": x.id(activity, f"#language-{term_id}"),
                           "service_id": service_id, "name": x.label("languages", term_id),
                           "code": codes[0] if codes else None})
    for municipality in x.guide.activity_municipalities[activity.key]:
        term = x.term("municipalities", municipality)
        t.add("service_area", {"id": x.id(activity, f"#area-{municipality}"),
                               "service_id": service_id, "name": x.label("municipalities",
                                                                         municipality),
                               "uri": x.page(term)})
    _contacts(activity, activity.contacts, {"service_id": service_id}, x, t)
    for group, _ in TAXONOMY_GROUPS:
        ids = (activity.format,) if group == "formats" else getattr(activity, group)
        for term_id in ids:
            _tag(x, t, "service", service_id, activity, group, term_id)


def _cost(activity: Activity, x: Export) -> str | None:
    if activity.cost is None:
        return None
    return x.catalogue("activity.free") if activity.is_free else x.text(activity.cost)


def _alert(activity: Activity, x: Export) -> str | None:
    """Upcoming cancelled dates (today to the horizon), with their notes, in words."""
    cancelled = [o for o in x.guide.occurrences_of.get(activity.key, ()) if o.cancelled]
    if not cancelled:
        return None
    days = [x.catalogue.date(o.date) + (f" ({x.text(o.note)})" if o.note else "")
            for o in cancelled]
    return x.words(x.catalogue("opendata.cancelled", dates=x.catalogue.join(
        list(dict.fromkeys(days)))))


def _locations(activity: Activity, service_id: str, x: Export, t: Tables) -> str | None:
    """The service at its place and/or online; the id of the service at its place."""
    at_place = None
    if activity.place:
        place = x.guide.place_by_slug[activity.place]
        at_place = t.add("service_at_location", {
            "id": x.id(activity, "#at-" + place.slug), "service_id": service_id,
            "location_id": x.id(place)})
    if activity.online:
        location_id = t.add("location", {
            "id": x.id(activity, "#online"), "location_type": "virtual", "url": activity.online,
            "name": f"{x.text(activity.title)} ({x.catalogue('opendata.online')})"})
        t.add("service_at_location", {"id": x.id(activity, "#at-online"),
                                      "service_id": service_id, "location_id": location_id})
    return at_place


def _place(place: Place, x: Export, t: Tables) -> None:
    location_id = t.add("location", {
        "id": x.id(place), "location_type": "physical", "url": x.page(place),
        "name": x.text(place.name), "description": _plain(place.description, x),
        "transportation": x.text(place.directions),
        "latitude": place.coordinates[0] if place.coordinates else None,
        "longitude": place.coordinates[1] if place.coordinates else None})
    if place.postal_code:  # HSDS requires one: an address without it would not be valid
        t.add("address", {
            "id": x.id(place, "#address"), "location_id": location_id,
            "address_1": x.text(place.address),
            "city": x.label("municipalities", place.municipality),
            # Finland has no states or provinces: the guide's region is the level every
            # address of the guide shares.
            "state_province": x.text(x.guide.content.site.region),
            "postal_code": place.postal_code, "country": COUNTRY, "address_type": "physical"})
    if place.phone:
        t.add("phone", {"id": x.id(place, "#phone"), "location_id": location_id,
                        "number": place.phone})
    if place.email:
        t.add("contact", {"id": x.id(place, "#contact"), "location_id": location_id,
                          "email": place.email})
    for term_id in place.accessibility:
        t.add("accessibility", {"id": x.id(place, f"#accessibility-{term_id}"),
                                "location_id": location_id,
                                "description": x.label("accessibility", term_id)})
    if place.accessibility_note:
        t.add("accessibility", {"id": x.id(place, "#accessibility"), "location_id": location_id,
                                "description": x.text(place.accessibility_note)})
    _opening_hours(place, location_id, x, t)


def _opening_hours(place: Place, location_id: str, x: Export, t: Tables) -> None:
    notes = _zoned(x, x.words(x.text(place.opening_hours_note)))
    if isinstance(place.opening_hours, Text):  # in words only
        t.add("schedule", {"id": x.id(place, "#hours"), "location_id": location_id,
                           "description": x.text(place.opening_hours), "notes": notes})
        return
    for index, hours in enumerate(place.opening_hours, 1):
        t.add("schedule", {
            "id": x.id(place, f"#hours-{index}"), "location_id": location_id,
            "valid_from": _iso(hours.start), "valid_to": _iso(hours.until), "freq": "WEEKLY",
            "wkst": "MO", "byday": ",".join(WEEKDAY_CODES[d] for d in hours.days),
            "description": x.catalogue.opening_hours((hours,)),
            "opens_at": clock(hours.time.start), "closes_at": clock(hours.time.end),
            "notes": notes})


# -- schedules ----------------------------------------------------------------------------------

def _schedules(activity: Activity, service_id: str, at_place: str | None, x: Export,
               t: Tables) -> None:
    base = {"service_id": service_id, "service_at_location_id": at_place,
            "schedule_link": x.page(activity),
            "attending_type": x.words(
                x.catalogue("activity.online") if activity.online else None,
                x.catalogue("activity.drop_in_text") if activity.drop_in else None)}
    for number, rule in enumerate(activity.schedule, 1):
        if rule.kind != "dates":
            for part_number, part in enumerate(_parts(rule), 1):
                recur = recurrences(part)[0]
                fields = _recurrence(recur)
                unsaid = None if fields else x.catalogue("opendata.rrule", rule=recur)
                for time_number, time in enumerate(rule.times or (None,), 1):
                    t.add("schedule", {
                        "id": x.id(activity, f"#schedule-{number}-{part_number}-{time_number}"),
                        **base, **fields, "dtstart": _iso(rule.start), "until": _iso(rule.until),
                        "description": _rule_words(part, time, x), **_times(time),
                        "notes": _zoned(x, x.words(*_notes(rule, x), unsaid))})
        for day in _single_days(rule, x.guide.today):
            for time_number, time in enumerate(rule.times or (None,), 1):
                t.add("schedule", {
                    "id": x.id(activity, f"#schedule-{number}-{day.isoformat()}-{time_number}"),
                    **base, "freq": "WEEKLY", "wkst": "MO", "byday": WEEKDAY_CODES[day.weekday()],
                    "dtstart": day.isoformat(), "until": day.isoformat(),
                    "description": _day_words(day, time, x), **_times(time),
                    "notes": _zoned(x, x.words(x.text(rule.note)))})


def _parts(rule: ScheduleRule) -> list[ScheduleRule]:
    """The rule split so that each part is one RECUR value: a monthly rule with both day
    numbers and weekdays is two parts (occurrences.recurrences)."""
    if rule.kind != "monthly":
        return [rule]
    numbers = tuple(m for m in rule.monthly if m.weekday is None)
    weekdays = tuple(m for m in rule.monthly if m.weekday is not None)
    return [replace(rule, monthly=days) for days in (numbers, weekdays) if days]


# RECUR parts HSDS has a field for (with FREQ=WEEKLY or MONTHLY) and their field names.
_RECUR_FIELDS = {"INTERVAL": "interval", "BYDAY": "byday", "BYMONTHDAY": "bymonthday",
                 "WKST": "wkst", "COUNT": "count"}


def _recurrence(recur: str) -> Row:
    """HSDS fields of an RFC 5545 RECUR value, or {} when HSDS cannot express all of it (a
    FREQ other than WEEKLY or MONTHLY, BYMONTH, BYSETPOS, …): then it is given in words."""
    parts = dict(p.split("=", 1) for p in recur.split(";"))
    freq = parts.pop("FREQ")
    if freq not in ("WEEKLY", "MONTHLY") or set(parts) - set(_RECUR_FIELDS):
        return {}
    found: Row = {"freq": freq}
    for name, value in parts.items():
        found[_RECUR_FIELDS[name]] = int(value) if name in ("INTERVAL", "COUNT") else value
    return found


def _single_days(rule: ScheduleRule, today: dt.date) -> list[dt.date]:
    """The rule's single days from today on: its `date` days that are held, or the extra
    (`also`) days of a recurring rule within its from–until."""
    if rule.kind == "dates":
        days = [d for d in rule.dates if not is_skipped(rule, d)]
    else:
        days = [d for d in rule.also if (rule.start or d) <= d <= (rule.until or d)]
    cancelled = {c.date for c in rule.cancelled}
    return sorted({d for d in days if d >= today and d not in cancelled})


def _times(time: TimeRange | None) -> Row:
    """opens_at and closes_at (before opens_at when it is on the next day; none for a start
    alone, whose words say "from")."""
    if time is None:
        return {}
    if time.end is None:
        return {"opens_at": clock(time.start)}
    return {"opens_at": clock(time.start), "closes_at": clock(time.end)}


def _rule_words(rule: ScheduleRule, time: TimeRange | None, x: Export) -> str:
    """The recurring part of a rule at one time of day in words: its days, time and bounds,
    without what goes in the notes."""
    plain = replace(rule, times=(time,) if time else (), holidays="include", exceptions=(),
                    also=(), note=None)
    return x.words(x.catalogue.schedule(plain)) or ""


def _day_words(day: dt.date, time: TimeRange | None, x: Export) -> str:
    words = x.catalogue.date(day, "weekday")
    return x.words(words + (" " + x.catalogue.time_range(time) if time else "")) or ""


def _notes(rule: ScheduleRule, x: Export) -> list[str | None]:
    """What HSDS cannot say about a recurring rule, in words: skipped public holidays, excepted
    days and periods, extra days (also rows of their own) and the rule's note."""
    say = x.catalogue
    return [say("schedule.no_holidays") if rule.skips_holidays else None,
            say("schedule.except", dates=say.join([say.date_range(r) for r in rule.exceptions]))
            if rule.exceptions else None,
            say("schedule.also", dates=say.join([say.date(d) for d in rule.also]))
            if rule.also else None,
            x.text(rule.note)]


def _zoned(x: Export, sentence: str | None) -> str:
    """A note followed by the sentence on the time zone that every time is in."""
    zone = x.catalogue("opendata.timezone", zone=x.guide.content.site.timezone)
    return f"{sentence} {zone}" if sentence else zone


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# -- taxonomies ---------------------------------------------------------------------------------

def _tag(x: Export, t: Tables, entity: str, entity_id: str, owner: object, group: str,
         term_id: str) -> None:
    """Attributes linking an entity to a vocabulary term and to the term's crosswalk codes."""
    link_type = dict(TAXONOMY_GROUPS)[group]
    if (group, term_id) not in t.terms:
        term = x.term(group, term_id)
        t.terms[(group, term_id)] = [_own_term(term, x, t), *_crosswalk_terms(term, x, t)]
    for term_row_id in t.terms[(group, term_id)]:
        t.add("attribute", {"id": x.id(owner, f"#attribute-{term_row_id}"),
                            "link_id": entity_id, "taxonomy_term_id": term_row_id,
                            "link_type": link_type, "link_entity": entity})


def _own_term(term: Term, x: Export, t: Tables) -> str:
    """The guide's own taxonomy of the term's group and the term in it; the term's row id."""
    group_label = x.catalogue(f"nav.{term.group}")
    name = x.catalogue("opendata.taxonomy", site=x.text(x.guide.content.site.name),
                       group=group_label)
    taxonomy_id = t.add("taxonomy", {
        "id": x.id(f"{term.group}/"), "name": name, "uri": x.page(f"{term.group}/"),
        "description": x.catalogue("opendata.taxonomy_description", group=group_label)})
    label, written = term.label.get(x.lang)
    return t.add("taxonomy_term", {
        "id": x.id(term), "code": term.id, "name": label,
        "description": x.text(term.description) or label, "taxonomy": name,
        "taxonomy_id": taxonomy_id, "language": written, "term_uri": x.page(term)})


def _crosswalk_terms(term: Term, x: Export, t: Tables) -> list[str]:
    """Taxonomy term rows of the term's YSO, PTV and Lähellä.fi codes; their ids. External
    taxonomies and their terms get ids of their own URIs, the same in every guide."""
    found = []
    for uri in term.yso:
        found.append(_external_term(x, t, term, "yso", YSO_BASE, uri, uri.rsplit("/", 1)[1],
                                    uri))
    for code in term.ptv:
        codelist = PTV + ("ptvkohderyhmat" if code.startswith("KR") else "ptvserclass2")
        key = "ptv_groups" if code.startswith("KR") else "ptv_classes"
        uri = f"{codelist}/code/{code}"
        found.append(_external_term(x, t, term, key, codelist, uri, code, uri))
    for code in term.lahella:
        found.append(_external_term(x, t, term, "lahella", LAHELLA, f"{LAHELLA}#{code}", code,
                                    None))
    return found


def _external_term(x: Export, t: Tables, term: Term, key: str, taxonomy_uri: str,
                   identity: str, code: str, term_uri: str | None) -> str:
    """A term of an external taxonomy (key: yso, ptv_classes, ptv_groups or lahella), named
    with the label of the guide's term it matches."""
    description = "ptv_description" if key.startswith("ptv") else f"{key}_description"
    name = x.catalogue(f"opendata.{key}")
    taxonomy_id = t.add("taxonomy", {
        "id": _global_id(taxonomy_uri), "name": name, "uri": taxonomy_uri,
        "description": x.catalogue(f"opendata.{description}")})
    label, written = term.label.get(x.lang)
    return t.add("taxonomy_term", {
        "id": _global_id(identity), "code": code, "name": label,
        "description": x.catalogue("opendata.matched", term=label), "taxonomy": name,
        "taxonomy_id": taxonomy_id, "language": written, "term_uri": term_uri})


def _global_id(uri: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, uri))


# -- the package --------------------------------------------------------------------------------

def tables(guide: Guide, urls: Urls, catalogue: Catalogue, lang: str) -> dict[str, list[Row]]:
    """Every table's rows in a language, sorted by id: the listed organisations, their
    activities and the places."""
    x, t = Export(guide, urls, catalogue, lang), Tables()
    for organisation in guide.organisations:
        _organisation(organisation, x, t)
    for activity in guide.activities:
        _activity(activity, x, t)
    for place in guide.places:
        _place(place, x, t)
    return t.sorted()


def csv_bytes(table: str, rows: list[Row]) -> bytes:
    """A table as RFC 4180 CSV (UTF-8, CRLF, a header row, every field of the table)."""
    out = io.BytesIO()  # encoded as written: the table's text is not held twice
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text, lineterminator="\r\n")
    names = [c.name for c in columns(table)]
    writer.writerow(names)
    for row in rows:
        writer.writerow(["" if row.get(name) is None else row[name] for name in names])
    text.detach()
    return out.getvalue()


def descriptor(guide: Guide, urls: Urls, catalogue: Catalogue, lang: str) -> dict[str, Any]:
    """datapackage.json: a Tabular Data Package of the tables, with the site's data licence."""
    site, licence = guide.content.site, guide.content.site.data_licence
    text = Export(guide, urls, catalogue, lang).text
    return {
        "profile": "tabular-data-package",
        "name": "human_services_data",
        "title": f"{text(site.name)} – HSDS {HSDS_VERSION}",
        "description": text(site.description) or text(site.name),
        "version": HSDS_VERSION,
        "homepage": urls.absolute(urls.localised("opendata/", lang)),
        "licenses": [{k: v for k, v in (("name", licence.id), ("path", licence.url),
                                        ("title", licence.name)) if v}],
        "sources": [{"title": text(site.name), "path": urls.absolute(urls.localised("", lang))}],
        "resources": [_resource(table) for table in TABLES],
    }


def _resource(table: str) -> dict[str, Any]:
    keys = [{"fields": name, "reference": {"resource": target, "fields": "id"}}
            for name, target in FOREIGN_KEYS.get(table, {}).items()]
    return {"name": table, "path": TABLES[table][0], "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": [c.schema() for c in columns(table)], "primaryKey": "id",
                       **({"foreignKeys": keys} if keys else {})}}


# -- the JSON form ------------------------------------------------------------------------------

class _Index:
    """Rows by the value of a foreign key, for nesting."""

    def __init__(self, found: dict[str, list[Row]]):
        self.found = found
        self.by: dict[tuple[str, str], dict[str, list[Row]]] = {}

    def children(self, table: str, key: str, value: str) -> list[Row]:
        if (table, key) not in self.by:
            index: dict[str, list[Row]] = defaultdict(list)
            for row in self.found[table]:
                if key in row:
                    index[row[key]].append(row)
            self.by[(table, key)] = index
        return self.by[(table, key)].get(value, [])

    def one(self, table: str, row_id: str) -> Row:
        return self.children(table, "id", row_id)[0]


def _with(row: Row, **nested: Any) -> Row:
    return {**row, **{k: v for k, v in nested.items() if v not in (None, [])}}


def _attributes(ix: _Index, link_id: str) -> list[Row]:
    """An entity's attributes (their terms are in taxonomy_terms.json, once each)."""
    return ix.children("attribute", "link_id", link_id)


def _contacts_of(ix: _Index, key: str, value: str) -> list[Row]:
    return [_with(c, phones=ix.children("phone", "contact_id", c["id"]))
            for c in ix.children("contact", key, value)]


def location_json(ix: _Index, row: Row) -> Row:
    """A location with its addresses, phones, contacts, accessibility and opening hours."""
    location_id = row["id"]
    return _with(row, addresses=ix.children("address", "location_id", location_id),
                 phones=ix.children("phone", "location_id", location_id),
                 contacts=_contacts_of(ix, "location_id", location_id),
                 accessibility=ix.children("accessibility", "location_id", location_id),
                 schedules=ix.children("schedule", "location_id", location_id))


def organization_json(ix: _Index, row: Row) -> Row:
    """An organization with its identifiers, phones, contacts and attributes."""
    org_id = row["id"]
    return _with(row, organization_identifiers=ix.children("organization_identifier",
                                                           "organization_id", org_id),
                 phones=ix.children("phone", "organization_id", org_id),
                 contacts=_contacts_of(ix, "organization_id", org_id),
                 attributes=_attributes(ix, org_id))


def service_json(ix: _Index, row: Row) -> Row:
    """A service with its own details nested; its organization and locations are referred to
    by id (they are in organizations.json and locations.json, once each)."""
    service_id = row["id"]
    return _with(row, service_at_locations=ix.children("service_at_location", "service_id",
                                                       service_id),
                 schedules=ix.children("schedule", "service_id", service_id),
                 languages=ix.children("language", "service_id", service_id),
                 cost_options=ix.children("cost_option", "service_id", service_id),
                 service_areas=ix.children("service_area", "service_id", service_id),
                 contacts=_contacts_of(ix, "service_id", service_id),
                 attributes=_attributes(ix, service_id))


def dumps(data: Any) -> bytes:
    """Compact UTF-8 JSON with a final newline (json.loads and this give the same bytes back)."""
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def dumps_list(items: Iterable[Any]) -> bytes:
    """dumps() of a list, made an item at a time: the same bytes, without the whole list's
    records and its text in memory at once (services.json is 44 MB a language at 3,000
    organisations)."""
    out = io.BytesIO()  # its buffer becomes the bytes returned, without a copy
    out.write(b"[")
    for number, item in enumerate(items):
        if number:
            out.write(b",")
        out.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    out.write(b"]\n")
    return out.getvalue()


# The JSON form: file → (table, how a row is nested).
JSON_FILES = {"services.json": ("service", service_json),
              "organizations.json": ("organization", organization_json),
              "locations.json": ("location", location_json),
              "taxonomies.json": ("taxonomy", lambda ix, row: row),
              "taxonomy_terms.json": ("taxonomy_term", lambda ix, row: row)}


def files(guide: Guide, urls: Urls, catalogue: Catalogue, lang: str
          ) -> Iterator[tuple[str, bytes]]:
    """The package of a language as (site path, bytes): datapackage.json, the CSV tables, and
    the JSON form (services, organizations, locations, taxonomies and their terms, each a list
    of records; a record's children are nested, what others share is referred to by id). Each
    file is made when it is asked for, so only the rows and one file are held at a time."""
    found = tables(guide, urls, catalogue, lang)
    folder = urls.localised(FOLDER, lang)
    yield folder + "datapackage.json", dumps(descriptor(guide, urls, catalogue, lang))
    for table in TABLES:
        yield folder + TABLES[table][0], csv_bytes(table, found[table])
    ix = _Index(found)
    for name, (table, nest) in JSON_FILES.items():
        yield folder + name, dumps_list(nest(ix, row) for row in found[table])


def paths() -> list[str]:
    """The language-neutral paths of a package's files."""
    return [FOLDER + name for name in ("datapackage.json", *(TABLES[t][0] for t in TABLES),
                                       *JSON_FILES)]

