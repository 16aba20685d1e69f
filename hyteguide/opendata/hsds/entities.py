"""Organisations → organizations (their Y-tunnus an organization_identifier), activities →
services (at their place and/or at a virtual location online, with costs, languages, service
areas), places → physical locations with an address, phone, contact and accessibility; the
contacts of each."""

from __future__ import annotations

from collections.abc import Iterable

from hyteguide.feeds.jsonldvalues import language_codes
from hyteguide.model import Activity, Organisation, Place
from hyteguide.opendata.hsds.context import Export, Tables, plain
from hyteguide.opendata.hsds.schedules import add_opening_hours, add_schedules
from hyteguide.opendata.hsds.schema import Row
from hyteguide.opendata.hsds.taxonomies import TAXONOMY_GROUPS, tag
from hyteguide.web.urls import path_of

COUNTRY = "FI"
CURRENCY = "EUR"


def add_organisation(organisation: Organisation, x: Export, t: Tables) -> None:
    """An organisation's rows: organization, its business ID, phone, contacts and themes."""
    org_id = t.add("organization", {
        "id": x.id(organisation), "name": x.view.optional(organisation.name),
        "description": x.view.optional(organisation.summary),
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
        tag(x, t, "organization", org_id, organisation, "themes", term_id)


def _contacts(owner: object, contacts: Iterable, link: Row, x: Export, t: Tables) -> None:
    for index, contact in enumerate(contacts, 1):
        contact_id = t.add("contact", {
            "id": x.id(owner, f"#contact-{index}"), **link, "name": contact.name,
            "title": x.view.optional(contact.role), "email": contact.email})
        if contact.phone:
            t.add("phone", {"id": x.id(owner, f"#contact-{index}-phone"),
                            "contact_id": contact_id, "number": contact.phone})


def _registration_details(activity: Activity, x: Export) -> tuple[str | None, str | None]:
    """When and where to register, in words ('Ilmoittautumisaika 1.–20.8.2026', …)."""
    say = x.catalogue
    period = say.registration_period(activity.registration_opens, activity.registration_closes)
    return (f"{say('activity.registration_period')} {period}" if period else None,
            f"{say('activity.register_online')}: {activity.registration_url}"
            if activity.registration_url else None)


def add_activity(activity: Activity, x: Export, t: Tables) -> None:
    """An activity's rows: service, its locations, schedules, cost, languages, areas, contacts
    and terms."""
    organisation = x.guide.organisation_of(activity)
    service_id = x.id(activity)
    registration = None
    if activity.registration is not None:
        registration = x.catalogue("activity.no_registration") if activity.no_registration \
            else x.view.optional(activity.registration)
    t.add("service", {
        "id": service_id, "organization_id": x.id(organisation),
        "name": x.view.optional(activity.title),
        "description": x.view.optional(activity.summary),
        # HSDS's "URL of the service": its own web page when it has one, else its page here.
        "url": activity.website or x.view.page_url(activity), "status": "active",
        "application_process": x.words(
            registration, *_registration_details(activity, x),
            x.catalogue("activity.low_threshold_text") if activity.low_threshold else None),
        "fees_description": _cost(activity, x),
        "eligibility_description": ", ".join(
            ([x.catalogue.ages(activity.ages)] if activity.ages else [])
            + [x.view.label("audiences", a) for a in activity.audiences]) or None,
        "minimum_age": activity.ages.min if activity.ages else None,
        "maximum_age": activity.ages.max if activity.ages else None,
        "assured_date": organisation.reviewed.isoformat() if organisation.reviewed else None,
        "alert": _alert(activity, x),
    })
    at_place = _locations(activity, service_id, x, t)
    add_schedules(activity, service_id, at_place, x, t)
    if activity.cost is not None:
        free = activity.is_free
        t.add("cost_option", {"id": x.id(activity, "#cost"), "service_id": service_id,
                              "option": _cost(activity, x) if free else None,
                              "amount": 0 if free else None, "currency": CURRENCY if free else None,
                              "amount_description":
                                  None if free else x.view.optional(activity.cost)})
    for term_id in activity.languages:
        codes = language_codes((term_id,))
        t.add("language", {"id": x.id(activity, f"#language-{term_id}"),
                           "service_id": service_id, "name": x.view.label("languages", term_id),
                           "code": codes[0] if codes else None})
    for municipality in x.guide.activity_municipalities[activity.key]:
        term = x.term("municipalities", municipality)
        t.add("service_area", {"id": x.id(activity, f"#area-{municipality}"),
                               "service_id": service_id, "name": x.view.label("municipalities",
                                                                         municipality),
                               "uri": x.view.page_url(term)})
    _contacts(activity, activity.contacts, {"service_id": service_id}, x, t)
    for group, _ in TAXONOMY_GROUPS:
        ids = (activity.format,) if group == "formats" else getattr(activity, group)
        for term_id in ids:
            tag(x, t, "service", service_id, activity, group, term_id)


def _cost(activity: Activity, x: Export) -> str | None:
    if activity.cost is None:
        return None
    return x.catalogue("activity.free") if activity.is_free else x.view.optional(activity.cost)


def _alert(activity: Activity, x: Export) -> str | None:
    """Upcoming cancelled dates (today to the horizon), with their notes, in words."""
    cancelled = [o for o in x.guide.occurrences_of.get(activity.key, ()) if o.cancelled]
    if not cancelled:
        return None
    days = [x.catalogue.date(o.date) + (f" ({x.view.optional(o.note)})" if o.note else "")
            for o in cancelled]
    return x.words(x.catalogue("opendata.cancelled", dates=x.catalogue.join(
        list(dict.fromkeys(days)))))


def _locations(activity: Activity, service_id: str, x: Export, t: Tables) -> str | None:
    """The service at its places (its own, then its rules': a summer term outdoors) and/or
    online; the id of the service at its own place."""
    at_place = None
    for slug in activity.places:
        place = x.guide.place_by_slug[slug]
        added = t.add("service_at_location", {
            "id": x.id(activity, "#at-" + place.slug), "service_id": service_id,
            "location_id": x.id(place)})
        at_place = at_place or (added if slug == activity.place else None)
    if activity.online:
        location_id = t.add("location", {
            "id": x.id(activity, "#online"), "location_type": "virtual", "url": activity.online,
            "name": f"{x.view.optional(activity.title)} ({x.catalogue('opendata.online')})"})
        t.add("service_at_location", {"id": x.id(activity, "#at-online"),
                                      "service_id": service_id, "location_id": location_id})
    return at_place


def add_place(place: Place, x: Export, t: Tables) -> None:
    """A place's rows: physical location, address, phone, contact, accessibility and hours."""
    location_id = t.add("location", {
        "id": x.id(place), "location_type": "physical", "url": x.view.page_url(place),
        "name": x.view.optional(place.name), "description": plain(place.description, x),
        "transportation": x.view.optional(place.directions),
        "latitude": place.coordinates[0] if place.coordinates else None,
        "longitude": place.coordinates[1] if place.coordinates else None})
    if place.postal_code:  # HSDS requires one: an address without it would not be valid
        t.add("address", {
            "id": x.id(place, "#address"), "location_id": location_id,
            "address_1": x.view.optional(place.address),
            "city": x.view.label("municipalities", place.municipality),
            # Finland has no states or provinces: the guide's region is the level every
            # address of the guide shares.
            "state_province": x.view.optional(x.guide.content.site.region),
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
                                "description": x.view.label("accessibility", term_id)})
    if place.accessibility_note:
        t.add("accessibility", {"id": x.id(place, "#accessibility"), "location_id": location_id,
                                "description": x.view.optional(place.accessibility_note)})
    add_opening_hours(place, location_id, x, t)
