"""HSDS records → hyteguide content: organisations with their activities, and places.

organization → organisations/<slug>.md, service → an activity of its organisation (one per
place when it is held at several), location + address → places/<slug>.yaml, schedules →
schedule rules (hsds_schedule). Every value is checked with the content schema's own field
types before it is written; what cannot be mapped is noted on its record with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from hyteguide.common.problems import Problem
from hyteguide.content import model
from hyteguide.content.fields import INVALID, BusinessId, Context, Email, FieldType, Phone, Url
from hyteguide.content.load import _suggest_slug
from hyteguide.content.schema import OPENING_HOURS_ENTRY, SCHEDULE_RULE, Coordinates, shared_day
from hyteguide.content.yamlsource import Document, parse_yaml
from hyteguide.importers.hsds.content_files import Block, Flow, Quoted, dump
from hyteguide.importers.hsds.schedule import (
    opening_hours,
    parse_date,
    regular_rules,
    schedule_rule,
)
from hyteguide.importers.hsds.tables import Note, Package, Row
from hyteguide.importers.hsds.text import clean_text, first_sentence, markdown_text, one_line

DEFAULT_ROLE = {"fi": "Yhteyshenkilö", "sv": "Kontaktperson", "en": "Contact"}
PHONE_ROLE = {"fi": "Puhelin", "sv": "Telefon", "en": "Phone"}
NOT_RUNNING = {"inactive", "defunct"}
FINNISH_ID_WORDS = ("y-tunnus", "ytunnus", "business id", "business_id", "businessid",
                    "fo-nummer", "fi-pro", "fi-ytj")
ISO_639_2 = {"fin": "fi", "swe": "sv", "eng": "en", "rus": "ru", "ara": "ar", "som": "so",
             "ukr": "uk", "est": "et", "fas": "fa", "per": "fa", "tur": "tr", "deu": "de",
             "ger": "de", "fra": "fr", "fre": "fr", "spa": "es", "zho": "zh", "chi": "zh",
             "vie": "vi", "urd": "ur", "pol": "pl", "kur": "ku", "sme": "se"}
LINK_COLUMNS = {"id", "taxonomy_ids", "link_id", "link_type", "link_entity"}
_ADDRESS = "a place's address is the street address, postal code and municipality"
_AGES = "ages are not mapped: choose audiences from vocabulary.yaml"
# Why a column is not imported, when there is more to say than "no field for it".
WHY = {
    "alternate_name": "hyteguide has one name per entry",
    "tax_id": "not a Finnish business ID (Y-tunnus) with a valid check digit",
    "service.url": "an activity has no web address of its own ('online' is for activities held "
                   "online)",
    "accessibility.url": "a place has one web address, the location's",
    "phone.extension": "a phone number has no extension: add it in words where it helps",
    "phone.language": "a phone has no languages",
    "contact.name": "a person's name is not published without a basis: add 'name' and 'basis' "
                    "(role or consent) by hand if it may be shown",
    "fees_description": "the cost was taken from cost_option",
    "fees": "the cost was taken from cost_option",
    "cost_option.valid_from": "a cost has no validity dates",
    "cost_option.valid_to": "a cost has no validity dates",
    "minimum_age": _AGES,
    "maximum_age": _AGES,
    "eligibility_description": "eligibility is not mapped: choose audiences, or say it in the "
                               "description",
    "attention": _ADDRESS,
    "region": _ADDRESS,
    "state_province": _ADDRESS,
    "country": _ADDRESS,
}
UNMAPPED_TABLES = ("program", "funding", "service_area", "required_document", "eligibility",
                   "payment_accepted", "metadata", "meta_table_description", "taxonomy")


@dataclass(frozen=True)
class Defaults:
    """Choices the import makes where HSDS has no answer (command-line options)."""

    language: str  # the language HSDS texts are written in
    municipality: str | None = None  # for places whose city matches no term
    format: str | None = None  # for activities whose taxonomy names no format
    zone: str = "Europe/Helsinki"


@dataclass
class Record:
    """What became of one source record: where it went and what could not be mapped."""

    table: str
    id: str
    where: str
    status: str = "imported"
    targets: list[Any] = field(default_factory=list)  # PlaceDoc, OrgDoc or ActivityDoc
    notes: list[Note] = field(default_factory=list)
    located: list[str] = field(default_factory=list)  # file:line of targets, once written


@dataclass(eq=False)
class PlaceDoc:
    location: Row
    slug: str
    data: dict[str, Any]
    municipality: str | None = None  # a term id of the vocabulary


@dataclass(eq=False)
class ActivityDoc:
    service: Row
    location_id: str
    data: dict[str, Any]
    organisation: OrgDoc | None = None
    rules: list[model.ScheduleRule] = field(default_factory=list)  # as the schema read them

    @property
    def id(self) -> str:
        return self.data["id"]


@dataclass(eq=False)
class OrgDoc:
    row: Row
    slug: str
    data: dict[str, Any]
    body: Any = None
    activities: list[ActivityDoc] = field(default_factory=list)


def match_term(vocabulary: model.Vocabulary, group: str, text: str) -> str | None:
    """The id of the term whose id or any label is text (case and accents as written)."""
    wanted = text.strip().casefold()
    for term in vocabulary.group(group).values():
        if wanted == term.id.casefold() or any(wanted == label.casefold()
                                               for _, label in term.label.items):
            return term.id
    return None


class Mapper:
    """Maps a package to documents; `records` says what became of each source record."""

    def __init__(self, package: Package, vocabulary: model.Vocabulary,
                 languages: tuple[str, ...], defaults: Defaults):
        self.package, self.vocabulary = package, vocabulary
        self.languages, self.defaults = languages, defaults
        self.records: dict[tuple[str, str], Record] = {}
        self.used: dict[tuple[str, str], set[str]] = {}
        self.places: dict[str, PlaceDoc] = {}
        self.online: dict[str, str] = {}
        self.orgs: dict[str, OrgDoc] = {}
        self.by_service: dict[str, list[ActivityDoc]] = {}
        self.by_sal: dict[str, list[ActivityDoc]] = {}
        self.indexes: dict[tuple[str, str], dict[str, list[Row]]] = {}

    # -- bookkeeping ------------------------------------------------------------------------

    def record(self, row: Row) -> Record:
        key = (row.table, f"{row.key}@{row.line}")
        if key not in self.records:
            self.records[key] = Record(row.table, row.key, row.where)
        return self.records[key]

    def use(self, row: Row, *columns: str) -> None:
        self.used.setdefault((row.table, f"{row.key}@{row.line}"), set()).update(columns)

    def note(self, row: Row, name: str, value: str, why: str, kind: str = "not mapped") -> None:
        self.record(row).notes.append(Note(name, value, why, kind))
        self.use(row, name)

    def skip(self, row: Row, name: str, value: str, why: str) -> None:
        """The whole record is not imported."""
        self.record(row).status = "not imported"
        self.note(row, name, value, why)

    def target(self, row: Row, doc: Any) -> None:
        record = self.record(row)
        if all(doc is not known for known in record.targets):
            record.targets.append(doc)

    def text(self, value: str) -> Any:
        """A text in the import's language (a plain text when that is the site's first)."""
        if not value:
            return None
        return value if self.defaults.language == self.languages[0] \
            else {self.defaults.language: value}

    def markdown(self, text: str) -> Any:
        """Clean text (clean_text, once: never decode entities twice) as literal Markdown."""
        return self.text(Block(markdown_text(text))) if text else None

    def ours(self, words: dict[str, str]) -> Any:
        """A text of the importer's own (a default role), in every site language it has."""
        texts = {lang: words[lang] for lang in self.languages if lang in words}
        return texts[self.languages[0]] if list(texts) == [self.languages[0]] else texts

    def checked(self, row: Row, name: str, value: str, kind: FieldType) -> str | None:
        """value when the schema's field type accepts it; else a note with the schema's words."""
        if not value:
            return None
        problems = convert(kind, value, self.vocabulary, self.languages)
        if not problems:
            return value
        self.note(row, name, value, _words(problems[0]))
        return None

    # -- the whole package ------------------------------------------------------------------

    def run(self) -> tuple[list[OrgDoc], list[PlaceDoc]]:
        """Map everything; documents in a stable order."""
        self.map_locations()
        self.map_organisations()
        self.map_identifiers()
        self.map_services()
        self.map_taxonomies()
        phones = self.map_contacts()
        self.map_phones(phones)
        self.map_service_emails()
        self.map_languages()
        self.map_costs()
        self.map_schedules()
        self.map_regular_schedules()
        self.finish_organisations()
        self.report_unmapped()
        orgs = sorted(self.orgs.values(), key=lambda o: o.slug)
        return orgs, sorted(self.places.values(), key=lambda p: p.slug)

    # -- places -----------------------------------------------------------------------------

    def map_locations(self) -> None:
        taken: set[str] = set()
        for location in sorted(self.package.rows("location"), key=_name_order):
            self.use(location, "name", "location_type", "organization_id")
            if location.get("location_type").lower() == "virtual":
                self.map_virtual(location)
                continue
            address = self.address_of(location)
            if address is None:
                self.skip(location, "address", "", "no street address: a place needs one, so "
                          "activities held here get no place (write places/<slug>.yaml by hand "
                          "if people visit it)")
                continue
            name = one_line(location.get("name")) or _street(address)
            place = PlaceDoc(location, unique_slug(name, taken), {})
            self.fill_place(place, name, address)
            self.places[location.key] = place
            self.target(location, place)

    def map_virtual(self, location: Row) -> None:
        url = self.checked(location, "url", location.get("url"), Url())
        self.use(location, "url")
        self.record(location).status = "not imported"
        if url:
            self.online[location.key] = url
            self.note(location, "location_type", "virtual", "not a place: its url is the "
                      "'online' address of the activities held there", "warning")
        else:
            self.note(location, "location_type", "virtual", "not a place, and no url to give "
                      "its activities as 'online'")

    def address_of(self, location: Row) -> Row | None:
        """The street address of a location (a physical one, else a postal one), noting it."""
        rows = [r for table in ("address", "physical_address", "postal_address")
                for r in self.linked(table, "location_id", location)]
        rows.sort(key=lambda r: (r.table == "postal_address" or
                                 r.get("address_type").lower() not in ("", "physical"), r.line))
        chosen = next((r for r in rows if _street(r)), None)
        for row in rows:
            if row is not chosen:
                self.skip(row, "address_1", _street(row), "no street address" if chosen is None
                          else "the place already has an address")
        if chosen is None:
            return None
        self.use(chosen, "address_1", "address_2", "address_3", "address_4", "city",
                 "postal_code", "address_type")
        if chosen.table == "postal_address" or chosen.get("address_type").lower() == "postal":
            self.note(chosen, "address_type", chosen.get("address_type") or "postal",
                      "a postal address was used as the place's street address: check it",
                      "warning")
        return chosen

    def fill_place(self, place: PlaceDoc, name: str, address: Row) -> None:
        location = place.location
        self.target(address, place)
        place.municipality = self.municipality(address, location)
        data = place.data
        data["name"] = self.text(name)
        data["address"] = self.text(_street(address))
        data["postal_code"] = self.postal_code(address)
        data["municipality"] = place.municipality or one_line(address.get("city")) or None
        data["coordinates"] = self.coordinates(location)
        data["accessibility"], data["accessibility_note"] = self.accessibility(location, place)
        data["directions"] = self.text(one_line(location.get("transportation")))
        data["description"] = self.markdown(clean_text(location.get("description")))
        data["website"] = self.checked(location, "url", location.get("url"), Url())
        self.use(location, "transportation", "description", "url", "latitude", "longitude")

    def municipality(self, address: Row, location: Row) -> str | None:
        city = one_line(address.get("city"))
        found = match_term(self.vocabulary, "municipalities", city) if city else None
        if found:
            return found
        fallback = self.defaults.municipality
        if fallback:
            self.note(address, "city", city or "(empty)", f"matches no municipality in "
                      f"vocabulary.yaml: --municipality {fallback} was used", "warning")
            return fallback
        self.note(address, "city", city or "(empty)", "matches no municipality in "
                  "vocabulary.yaml: add the municipality there or pass --municipality "
                  "(check names the place)")
        return None

    def postal_code(self, address: Row) -> Quoted | None:
        code = address.get("postal_code")
        if code and re.fullmatch(r"\d{5}", code):
            return Quoted(code)
        if code:
            self.note(address, "postal_code", code, "not a Finnish postal code (five digits)")
        return None

    def coordinates(self, location: Row) -> Flow | None:
        lat, lon = location.get("latitude"), location.get("longitude")
        if not lat and not lon:
            return None
        problems = convert(Coordinates(), Flow([lat, lon]), self.vocabulary, self.languages) \
            if lat and lon else ["both latitude and longitude are needed"]
        if problems:
            self.note(location, "latitude", f"{lat}, {lon}", _words(problems[0]))
            return None
        return Flow([float(lat), float(lon)])

    def accessibility(self, location: Row, place: PlaceDoc) -> tuple[Any, Any]:
        terms: list[str] = []
        words: list[str] = []
        for row in [r for table in ("accessibility", "accessibility_for_disabilities")
                    for r in self.linked(table, "location_id", location)]:
            self.target(row, place)
            self.use(row, "description", "accessibility", "details")
            what = one_line(row.get("description") or row.get("accessibility"))
            term = match_term(self.vocabulary, "accessibility", what) if what else None
            terms += [term] if term else []
            if what and not term and re.fullmatch(r"\w+", what):
                what = what.replace("_", " ")  # a code such as disabled_parking
            parts = [w for w in ([] if term else [what]) + [one_line(row.get("details"))] if w]
            if parts:
                joint = " " if re.search(r"[.!?]$", parts[0]) else ": "
                words.append(joint.join(parts))
        return (Flow(dict.fromkeys(terms)) if terms else None,
                self.text(" ".join(words)) if words else None)

    # -- organisations ----------------------------------------------------------------------

    def map_organisations(self) -> None:
        taken: set[str] = set()
        for row in sorted(self.package.rows("organization"), key=_name_order):
            name = one_line(row.get("name"))
            if not name:
                self.note(row, "name", "", "no name: check names what to add")
            description = clean_text(row.get("description"))
            summary = first_sentence(description) if description else ""
            if not summary:
                self.note(row, "description", "", "no description for 'summary': check names "
                          "what to add")
            org = OrgDoc(row, unique_slug(name or row.get("alternate_name") or "organisation",
                                          taken), {
                "name": self.text(name),
                "summary": self.text(summary),
                "business_id": self.tax_id(row),
                "website": self.checked(row, "website", row.get("website"), Url())
                or self.checked(row, "url", row.get("url"), Url()),
                "email": self.checked(row, "email", row.get("email"), Email()),
            })
            if description and description != summary:
                org.body = self.markdown(description)
            self.use(row, "name", "description", "website", "url", "email")
            self.orgs[row.key] = org
            self.target(row, org)

    def tax_id(self, row: Row) -> str | None:
        value = row.get("tax_id")
        if value and not convert(BusinessId(), value, self.vocabulary, self.languages):
            self.use(row, "tax_id")
            return value
        return None

    def map_identifiers(self) -> None:
        for row in self.package.rows("organization_identifier"):
            org = self.orgs.get(row.get("organization_id"))
            value = row.get("identifier")
            self.use(row, "identifier", "identifier_scheme", "identifier_type")
            kind = f"{row.get('identifier_scheme')} {row.get('identifier_type')}".lower()
            if org is None:
                self.skip(row, "organization_id", row.get("organization_id"),
                          "not an imported organisation")
            elif not any(word in kind for word in FINNISH_ID_WORDS):
                self.skip(row, "identifier", value, f"'{kind.strip()}' is not a Finnish "
                          "business ID (Y-tunnus)")
            elif org.data.get("business_id"):
                self.skip(row, "identifier", value, "the organisation has a business ID already")
            elif self.checked(row, "identifier", value, BusinessId()):
                org.data["business_id"] = value
                self.target(row, org)
            else:
                self.record(row).status = "not imported"

    # -- activities -------------------------------------------------------------------------

    def map_services(self) -> None:
        sals: dict[str, list[Row]] = {}
        for sal in self.package.rows("service_at_location"):
            sals.setdefault(sal.get("service_id"), []).append(sal)
        for service in sorted(self.package.rows("service"), key=_name_order):
            org = self.orgs.get(service.get("organization_id"))
            status = service.get("status").lower()
            self.use(service, "status", "organization_id")
            if org is None:
                self.skip(service, "organization_id", service.get("organization_id"),
                          "not an imported organisation: the service was not imported")
            elif status in NOT_RUNNING:
                self.skip(service, "status", service.get("status"), "the service is not "
                          "running: not imported")
            else:
                if status not in ("", "active"):
                    self.note(service, "status", service.get("status"), "imported as running: "
                              "check before publishing", "warning")
                self.map_service(service, org, sals.get(service.key, []))
        for sal in self.package.rows("service_at_location"):
            if not self.record(sal).targets and self.record(sal).status == "imported":
                self.skip(sal, "service_id", sal.get("service_id"), "not an imported service")

    def map_service(self, service: Row, org: OrgDoc, sals: list[Row]) -> None:
        placed = [sal for sal in sals if sal.get("location_id") in self.places]
        online = next((self.online[s.get("location_id")] for s in sals
                       if s.get("location_id") in self.online), None)
        taken = {a.id for a in org.activities}
        made = []
        for sal in placed or [None]:
            place = self.places[sal.get("location_id")] if sal else None
            base = one_line(service.get("name")) or "activity"
            if len(placed) > 1:
                base = f"{base}-{place.slug}"
            made.append(ActivityDoc(service, sal.get("location_id") if sal else "",
                                    self.activity_data(service, sal, unique_slug(base, taken),
                                                       place, online), org))
        org.activities += made
        self.by_service[service.key] = made
        for activity in made:
            self.target(service, activity)
        for sal in sals:
            self.use(sal, "service_id", "location_id", "description")
            location = sal.get("location_id")
            if location not in self.places and location not in self.online:
                self.note(sal, "location_id", location, "no place was written for this "
                          "location: the activity has no place", "warning")
            own = [a for a in made if a.location_id == location]
            self.by_sal[sal.key] = own if len(made) > 1 and own else made
            for activity in self.by_sal[sal.key]:
                self.target(sal, activity)

    def activity_data(self, service: Row, sal: Row | None, slug: str, place: PlaceDoc | None,
                      online: str | None) -> dict[str, Any]:
        description = clean_text(service.get("description"))
        summary = first_sentence(description) if description else ""
        if not summary and sal and sal.get("description"):
            summary = first_sentence(clean_text(sal.get("description")))
        if not one_line(service.get("name")):
            self.note(service, "name", "", "no name for the activity's 'title': check names "
                      "what to add")
        if not summary:
            self.note(service, "description", "", "no description for 'summary': check names "
                      "what to add")
        self.use(service, "name", "description", "application_process")
        return {
            "id": slug,
            "title": self.text(one_line(service.get("name"))),
            "summary": self.text(summary),
            "format": None,
            "themes": None,
            "audiences": None,
            "place": place.slug if place else None,
            "online": online,
            "languages": None,
            "cost": None,
            "registration": self.text(one_line(service.get("application_process"))),
            "schedule": None,
            "description": self.markdown(description) if description != summary else None,
            "contacts": None,
        }

    def activities_for(self, row: Row) -> list[ActivityDoc]:
        """The activities a linked row (contact, phone, schedule, language) belongs to."""
        if row.get("service_at_location_id") in self.by_sal:
            return self.by_sal[row.get("service_at_location_id")]
        found = self.by_service.get(row.get("service_id"), [])
        narrowed = [a for a in found if a.location_id == row.get("location_id")]
        return narrowed if len(found) > 1 and narrowed else found

    def map_taxonomies(self) -> None:
        terms = {t.get("id"): t for t in self.package.rows("taxonomy_term")}
        taxonomies = {t.get("id"): t for t in self.package.rows("taxonomy")}
        for row in self.package.rows("attribute"):
            term = terms.get(row.get("taxonomy_term_id"))
            self.use(row, "value", "taxonomy_term_id")
            link = row.get("link_id")
            docs = self.by_service.get(link) or ([self.orgs[link]] if link in self.orgs else [])
            if not docs:
                self.skip(row, "link_id", link, "links to no imported service or organisation")
            elif term is None:
                self.skip(row, "taxonomy_term_id", row.get("taxonomy_term_id"),
                          "the taxonomy term is not in the package")
            else:
                self.classify(row, one_line(term.get("name")), docs)
        for row in self.package.rows("service_taxonomy"):
            taxonomy = taxonomies.get(row.get("taxonomy_id"))
            self.use(row, "taxonomy_detail")
            docs = self.by_service.get(row.get("service_id"), [])
            if not docs or taxonomy is None:
                self.skip(row, "taxonomy_id", row.get("taxonomy_id"), "links to no imported "
                          "service or to no taxonomy of the package")
            else:
                self.classify(row, one_line(taxonomy.get("name")), docs)
        for docs in self.by_service.values():
            service = docs[0].service
            for taxonomy_id in filter(None, map(str.strip,
                                                service.get("taxonomy_ids").split(","))):
                taxonomy = taxonomies.get(taxonomy_id)
                if taxonomy is None:
                    self.note(service, "taxonomy_ids", taxonomy_id, "not a taxonomy of the "
                              "package")
                else:
                    self.classify(service, one_line(taxonomy.get("name")), docs)

    def classify(self, row: Row, name: str, docs: list[Any]) -> None:
        """A taxonomy term as a format, theme or audience of activities (a theme or expertise
        of an organisation), if the vocabulary has a term of that id or label."""
        groups = (("formats", "format"), ("themes", "themes"), ("audiences", "audiences")) \
            if isinstance(docs[0], ActivityDoc) else (("themes", "themes"),
                                                      ("expertise", "expertise"))
        for group, key in groups:
            term = match_term(self.vocabulary, group, name)
            if term:
                for doc in docs:
                    _add_term(doc.data, key, term)
                    self.target(row, doc)
                return
        self.note(row, "taxonomy", name, "matches no " + " or ".join(g for g, _ in groups)
                  + " term in vocabulary.yaml")

    # -- contacts and phones ----------------------------------------------------------------

    def map_contacts(self) -> dict[str, list[Row]]:
        """Contacts of activities and organisations (role, email, phone; never a name);
        returns the phones not yet used, by the contact they belong to."""
        phones: dict[str, list[Row]] = {}
        for phone in self.package.rows("phone"):
            phones.setdefault(phone.get("contact_id"), []).append(phone)
        for row in self.package.rows("contact"):
            self.use(row, "title", "department", "email")
            contact = {"role": self.text(one_line(row.get("title") or row.get("department")))
                       or self.ours(DEFAULT_ROLE),
                       "email": self.checked(row, "email", row.get("email"), Email())}
            own = []
            for phone in phones.pop(row.get("id"), []) if row.get("id") else []:
                number = self.phone_number(phone)
                if number and not contact.get("phone"):
                    contact["phone"] = number
                    own.append(phone)
                elif number:
                    self.skip(phone, "number", number, "the contact has a phone already")
                else:
                    self.record(phone).status = "not imported"
            self.place_contact(row, contact)
            for phone in own:
                self.record(phone).targets = list(self.record(row).targets)
        return phones

    def place_contact(self, row: Row, contact: dict[str, Any]) -> None:
        if not contact.get("email") and not contact.get("phone"):
            self.skip(row, "email", row.get("email"), "neither a valid email nor a phone: the "
                      "contact was not imported")
            return
        activities = self.activities_for(row)
        org = self.orgs.get(row.get("organization_id")) or self.owner(row)
        targets: list[Any] = activities or ([org] if org else [])
        if not targets:
            self.skip(row, "organization_id", row.get("organization_id"),
                      "links to no imported organisation or service")
        for doc in targets:
            _add_contact(doc.data, contact)
            self.target(row, doc)

    def phone_number(self, phone: Row) -> Quoted | None:
        self.use(phone, "number", "type", "description")
        if phone.get("type").lower() in ("fax", "pager"):
            self.skip(phone, "type", phone.get("type"), "not a number to call: not imported")
            return None
        number = phone.get("number").strip("\"' ")
        checked = self.checked(phone, "number", number, Phone())
        return Quoted(checked) if checked else None

    def map_phones(self, phones: dict[str, list[Row]]) -> None:
        for phone in (p for rows in phones.values() for p in rows):
            number = self.phone_number(phone)
            if number is None:
                self.record(phone).status = "not imported"
                continue
            activities = self.activities_for(phone)
            place = self.places.get(phone.get("location_id"))
            org = self.orgs.get(phone.get("organization_id")) or self.owner(phone)
            if activities:
                role = one_line(phone.get("description"))
                contact = {"role": self.text(role) if 0 < len(role) <= 60
                           else self.ours(PHONE_ROLE), "phone": number}
                for activity in activities:
                    _add_contact(activity.data, contact)
                    self.target(phone, activity)
            elif place and not place.data.get("phone"):
                place.data["phone"] = number
                self.target(phone, place)
            elif org and not org.data.get("phone"):
                org.data["phone"] = number
                self.target(phone, org)
            elif org or place:
                self.skip(phone, "number", number, "the organisation (or place) has a phone "
                          "already")
            else:
                self.skip(phone, "number", number, "links to nothing that was imported")

    def owner(self, row: Row) -> OrgDoc | None:
        """The organisation of the location a row links to."""
        locations = self.linked("location", "id", row.get("location_id"))
        return self.orgs.get(locations[0].get("organization_id")) if locations else None

    def linked(self, table: str, column: str, target: Row | str) -> list[Row]:
        """The rows of table whose column names target (a row's id, or an id)."""
        key = target.get("id") if isinstance(target, Row) else target
        if (table, column) not in self.indexes:
            index: dict[str, list[Row]] = {}
            for row in self.package.rows(table):
                if row.get(column):
                    index.setdefault(row.get(column), []).append(row)
            self.indexes[table, column] = index
        return self.indexes[table, column].get(key, []) if key else []

    def map_service_emails(self) -> None:
        for activities in self.by_service.values():
            service = activities[0].service
            email = self.checked(service, "email", service.get("email"), Email())
            self.use(service, "email")
            if email:
                for activity in activities:
                    _add_contact(activity.data, {"role": self.ours(DEFAULT_ROLE), "email": email})

    # -- languages and costs ----------------------------------------------------------------

    def map_languages(self) -> None:
        for row in self.package.rows("language"):
            self.use(row, "language", "name", "code", "note")
            activities = self.activities_for(row)
            words = [w for w in (row.get("code"), row.get("name"), row.get("language")) if w]
            term = next(filter(None, (match_term(self.vocabulary, "languages",
                                                 ISO_639_2.get(w.lower(), w)) for w in words)),
                        None)
            if not activities:
                self.skip(row, "service_id", row.get("service_id"), "links to no imported "
                          "service (places have no languages)")
            elif term is None:
                self.skip(row, "language", " / ".join(words), "matches no language in "
                          "vocabulary.yaml: add it there to show it")
            else:
                for activity in activities:
                    _add_term(activity.data, "languages", term)
                    self.target(row, activity)
                if row.get("note"):
                    self.note(row, "note", row.get("note"), "a language has no note")

    def map_costs(self) -> None:
        options: dict[str, list[Row]] = {}
        for row in self.package.rows("cost_option"):
            options.setdefault(row.get("service_id"), []).append(row)
        for service_id, rows in options.items():
            if service_id not in self.by_service:
                for row in rows:
                    self.skip(row, "service_id", service_id, "links to no imported service")
        for service_id, activities in self.by_service.items():
            service = activities[0].service
            cost = self.cost(service, options.get(service_id, []))
            for activity in activities:
                activity.data["cost"] = cost

    def cost(self, service: Row, options: list[Row]) -> Any:
        """'free', or the price in words: cost_option rows, else fees_description or fees."""
        parts, free = [], True
        for row in options:
            self.use(row, "option", "amount", "currency", "amount_description")
            amount = row.get("amount")
            free = free and bool(re.fullmatch(r"0+(?:[.,]0+)?", amount))
            price = " ".join(w for w in (amount, row.get("currency").upper(),
                                         one_line(row.get("amount_description"))) if w)
            option = one_line(row.get("option"))
            parts.append(f"{option}: {price}" if option and price else option or price)
            for activity in self.by_service[service.key]:
                self.target(row, activity)
        if options:
            return "free" if free else self.text("; ".join(p for p in parts if p)) or None
        words = one_line(service.get("fees_description") or service.get("fees"))
        self.use(service, "fees_description" if service.get("fees_description") else "fees")
        if words.casefold() in ("free", "maksuton", "ilmainen", "avgiftsfri", "gratis"):
            return "free"
        return self.text(words)

    # -- schedules --------------------------------------------------------------------------

    def map_schedules(self) -> None:
        for row in self.package.rows("schedule"):
            rule, notes = schedule_rule(row, self.defaults.zone, self.text)
            self.record(row).notes.extend(notes)
            self.use(row, *row.values)
            if rule is None:
                self.dropped(row)
                continue
            self.attach(row, [rule])

    def dropped(self, row: Row) -> None:
        self.record(row).status = "not imported"
        for name in ("description", "notes"):
            if row.get(name):
                self.record(row).notes.append(Note(name, row.get(name), "the schedule was not "
                                                   "imported: write it as a rule"))

    def attach(self, row: Row, rules: list[dict[str, Any]]) -> None:
        """Rules to the activities (or else the place) a schedule row links to, each rule
        checked with the schema first."""
        activities = self.activities_for(row)
        place = self.places.get(row.get("location_id")) if _location_only(row) else None
        if not activities and not place:
            self.skip(row, "service_id", row.get("service_id") or row.get("location_id"),
                      "links to no imported service or place")
            return
        kept = [(rule, made) for rule, made in ((r, self.valid_rule(row, r))
                                                for r in map(_ordered_rule, rules)) if made]
        for activity in activities:
            for rule, made in kept:
                if any(shared_day(made, other) for other in activity.rules):
                    self.note(row, "schedule", _short(rule), f"{activity.id} has another rule "
                              "on the same days at overlapping times: not imported")
                    continue
                activity.rules.append(made)
                activity.data["schedule"] = [*(activity.data.get("schedule") or []), rule]
                self.target(row, activity)
        if not activities and kept:
            self.place_hours(row, place, [rule for rule, _ in kept])
        if not self.record(row).targets:
            self.record(row).status = "not imported"

    def valid_rule(self, row: Row, rule: dict[str, Any]) -> model.ScheduleRule | None:
        """The rule as the schema reads it, or None; the schema's words go in the report."""
        made, problems = read_value(SCHEDULE_RULE, rule, self.vocabulary, self.languages)
        for problem in problems:
            warning = problem.severity == "warning"
            why = _words(problem) + ("" if warning else ": the rule was not imported")
            self.record(row).notes.append(Note(problem.field or "schedule", _short(rule), why,
                                               "warning" if warning else "not mapped"))
        return None if made is INVALID else made

    def place_hours(self, row: Row, place: PlaceDoc, rules: list[dict[str, Any]]) -> None:
        for rule in rules:
            entries = opening_hours(rule)
            if entries is None or any(convert(OPENING_HOURS_ENTRY, entry, self.vocabulary,
                                              self.languages) for entry in entries):
                self.note(row, "freq", _short(rule), "a place's opening hours are weekly with "
                          "times: not imported")
                continue
            place.data["opening_hours"] = [*(place.data.get("opening_hours") or []), *entries]
            self.target(row, place)

    def map_regular_schedules(self) -> None:
        """HSDS 1.x: regular_schedule rows grouped by what they belong to, with the
        holiday_schedule rows of the same service or location."""
        groups: dict[tuple, tuple[list[Row], list[Row]]] = {}
        for table, index in (("regular_schedule", 0), ("holiday_schedule", 1)):
            for row in self.package.rows(table):
                key = tuple(id(a) for a in self.activities_for(row)) or \
                    ("place", row.get("location_id"))
                groups.setdefault(key, ([], []))[index].append(row)
        for regular, holidays in groups.values():
            rules, notes, unused = regular_rules(regular, holidays, self.defaults.zone)
            for row, note in notes:
                self.record(row).notes.append(note)
            rows = [row for row in regular + holidays if row not in unused]
            for row in regular + holidays:
                self.use(row, *row.values)
                if not rules or row in unused:
                    self.record(row).status = "not imported"
            if rules and rows:
                self.attach_group(rows, rules)

    def attach_group(self, rows: list[Row], rules: list[dict[str, Any]]) -> None:
        """The rules several rows made together go where the first row links to."""
        first = rows[0]
        self.attach(first, rules)
        for row in rows[1:]:
            self.record(row).targets = list(self.record(first).targets)
            self.record(row).status = self.record(first).status

    # -- the end ----------------------------------------------------------------------------

    def finish_organisations(self) -> None:
        owned: dict[str, set[str]] = {}
        for place in self.places.values():
            if place.municipality:
                owned.setdefault(place.location.get("organization_id"), set()).add(
                    place.municipality)
        places = {p.slug: p for p in self.places.values()}
        for org_id, org in self.orgs.items():
            found = set(owned.get(org_id, set()))
            found.update(places[a.data["place"]].municipality for a in org.activities
                         if a.data.get("place") and places[a.data["place"]].municipality)
            org.data["municipalities"] = Flow(sorted(found)) if found else self.no_place(org)
            org.data["reviewed"] = self.reviewed(org)
            for activity in org.activities:
                if not activity.data.get("format") and self.defaults.format:
                    activity.data["format"] = self.defaults.format
                elif not activity.data.get("format"):
                    self.note(activity.service, "format", "", "no format: pass --format or "
                              "write it (check names the activity)")
            if org.body is not None and self.defaults.language != self.languages[0]:
                org.data["body"], org.body = org.body, None
            org.data["activities"] = [a.data for a in org.activities] or None
            org.data = {k: org.data.get(k) for k in ORG_KEYS}
        for place in self.places.values():
            place.data = {k: place.data.get(k) for k in PLACE_KEYS}

    def no_place(self, org: OrgDoc) -> Flow | None:
        fallback = self.defaults.municipality
        if fallback:
            self.note(org.row, "municipalities", "", f"no place gives a municipality: "
                      f"--municipality {fallback} was used", "warning")
            return Flow([fallback])
        self.note(org.row, "municipalities", "", "no place gives a municipality: pass "
                  "--municipality or write it (check names the organisation)")
        return None

    def reviewed(self, org: OrgDoc) -> dt.date | None:
        """The oldest assured_date (when the information was last checked) of its services."""
        dates = []
        for activity in org.activities:
            value = activity.service.get("assured_date")
            if value and parse_date(value):
                dates.append(parse_date(value))
                self.use(activity.service, "assured_date")
        if dates:
            self.note(org.row, "reviewed", min(dates).isoformat(), "taken from the services' "
                      "assured_date (when they were last checked)", "warning")
        return min(dates) if dates else None

    def report_unmapped(self) -> None:
        """Every non-empty column no mapping used, and every record of the tables hyteguide
        has no counterpart for."""
        for table in UNMAPPED_TABLES:
            for row in self.package.rows(table):
                values = [v for k, v in row.values.items() if k not in LINK_COLUMNS
                          and not k.endswith("_id")]
                self.skip(row, "(record)", " | ".join(values[:2]), "hyteguide has no "
                          f"counterpart for {table} records")
        for rows in self.package.tables.values():
            for row in rows:
                record = self.record(row)
                if record.status == "imported" and not record.targets:
                    record.status = "not imported"
                    if not any(n.kind == "not mapped" for n in record.notes):
                        record.notes.append(Note("(record)", "", "links to nothing that was "
                                                 "imported"))
                if record.status == "imported":
                    self.unused(row)

    def unused(self, row: Row) -> None:
        used = self.used.get((row.table, f"{row.key}@{row.line}"), set())
        for column, value in row.values.items():
            if column not in used and column not in LINK_COLUMNS and not column.endswith("_id"):
                self.note(row, column, value, WHY.get(f"{row.table}.{column}") or WHY.get(
                    column, "hyteguide has no field for it"))


PLACE_KEYS = ("name", "address", "postal_code", "municipality", "coordinates", "accessibility",
              "accessibility_note", "opening_hours", "directions", "description", "website",
              "phone")
ORG_KEYS = ("name", "summary", "business_id", "website", "email", "phone", "municipalities",
            "themes", "contacts", "reviewed", "activities", "body")
RULE_KEYS = ("weekly", "every", "monthly", "date", "rrule", "time", "from", "until", "except",
             "also", "note")


def _location_only(row: Row) -> bool:
    """Whether a row is about a location itself (its opening hours), not a service there."""
    return not row.get("service_id") and not row.get("service_at_location_id")


def _ordered_rule(rule: dict[str, Any]) -> dict[str, Any]:
    return {key: rule[key] for key in RULE_KEYS if rule.get(key) is not None}


def _name_order(row: Row) -> tuple[str, str, int]:
    return (_suggest_slug(row.get("name")), row.get("id"), row.line)


def _street(row: Row) -> str:
    return ", ".join(one_line(row.get(f"address_{n}")) for n in range(1, 5)
                     if one_line(row.get(f"address_{n}")))


def _add_term(data: dict[str, Any], key: str, term: str) -> None:
    if key == "format":
        data["format"] = data.get("format") or term
    elif term not in (data.get(key) or []):
        data[key] = Flow([*(data.get(key) or []), term])


def _add_contact(data: dict[str, Any], contact: dict[str, Any]) -> None:
    contact = {k: v for k, v in contact.items() if v}
    contacts = data.get("contacts") or []
    for known in contacts:
        if all(known.get(k) == v for k, v in contact.items() if k != "role"):
            return  # the same email and phone under another role: nothing new
    data["contacts"] = [*contacts, contact]


def unique_slug(name: str, taken: set[str], limit: int = 60) -> str:
    """A file-name slug of name, not in taken (a suffix -2, -3 … on a clash); added to taken."""
    base = _suggest_slug(re.sub("['’]", "", name))
    if len(base) > limit:
        base = base[:limit].rsplit("-", 1)[0] or base[:limit]
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def read_value(kind: FieldType, value: Any, vocabulary: model.Vocabulary,
               languages: tuple[str, ...]) -> tuple[Any, list[Problem]]:
    """A value we would write, as the schema's field type reads it (INVALID or the typed value),
    and the problems it finds."""
    text = dump({"value": value})
    document, problems = parse_yaml("import", text)
    if document is None:
        return INVALID, problems
    node = document.root.value[0][1]
    problems = []
    context = Context(Document("import", document.root), problems, languages, vocabulary, {})
    try:
        result = kind.convert(node, context, "")
    except ValueError as err:  # e.g. urlsplit on "https://[x" (a crash of the Url type)
        result = INVALID
        problems.append(Problem("import", 1, 1, "bad-value", "", f"not valid ({err})"))
    if result is INVALID and not problems:
        problems.append(Problem("import", 1, 1, "bad-value", "", "not valid"))
    return result, problems


def convert(kind: FieldType, value: Any, vocabulary: model.Vocabulary,
            languages: tuple[str, ...]) -> list[Problem]:
    """The problems the schema finds with a value we would write (none: it is fine)."""
    return read_value(kind, value, vocabulary, languages)[1]


def _words(problem: Problem | str) -> str:
    if isinstance(problem, str):
        return problem
    return problem.message + (f" ({problem.hint})" if problem.hint else "")


def _short(rule: dict[str, Any]) -> str:
    """A rule on one line, for the report."""
    return " ".join(dump(rule).split())


