"""HSDS contacts and phones → contacts of activities and organisations, and the phone of a
place or organisation. A contact is a role with an email and a phone: a person's name is never
imported (it needs a basis to be published)."""

from __future__ import annotations

from typing import Any

from hyteguide.content.addresses import Email, Phone
from hyteguide.importers.hsds.content_files import Quoted
from hyteguide.importers.hsds.mapping.base import PERSONAL, MapperBase
from hyteguide.importers.hsds.mapping.documents import OrgDoc
from hyteguide.importers.hsds.personal import (
    is_mobile,
    is_role_address,
    looks_personal,
    names_person,
)
from hyteguide.importers.hsds.tables import Row
from hyteguide.importers.hsds.text import one_line

DEFAULT_ROLE = {"fi": "Yhteyshenkilö", "sv": "Kontaktperson", "en": "Contact"}
PHONE_ROLE = {"fi": "Puhelin", "sv": "Telefon", "en": "Phone"}
PERSONAL_WHY = ": personal data is not published without a basis (add it by hand with 'name' " \
    "and 'basis' if it may be shown)"


class ContactMapping(MapperBase):
    """Contacts, phones and service emails."""

    def map_contacts(self) -> dict[str, list[Row]]:
        """Contacts of activities and organisations (role, email, phone; never a name);
        returns the phones not yet used, by the contact they belong to."""
        phones: dict[str, list[Row]] = {}
        for phone in self.package.rows("phone"):
            phones.setdefault(phone.get("contact_id"), []).append(phone)
        for row in self.package.rows("contact"):
            self.use(row, "title", "department", "email")
            name = one_line(row.get("name"))
            for owner in filter(None, (row.get("organization_id"), row.get("service_id"))):
                self.people.setdefault(owner, []).extend([name] if name else [])
            email = self.contact_email(row, name)
            contact = {"role": self.text(one_line(row.get("title") or row.get("department")))
                       or self.ours(DEFAULT_ROLE), "email": email}
            named_address = bool(name and row.get("email") and email is None
                                 and self.left_out(row))
            own = []
            for phone in phones.pop(row.get("id"), []) if row.get("id") else []:
                number = self.phone_number(phone)
                if number and name and (named_address or is_mobile(number, phone.get("type"))):
                    self.personal(phone, "number", number, "the phone of a named contact "
                                  "person" + (" whose address names them" if named_address
                                              else ", a mobile number") + PERSONAL_WHY)
                    self.record(phone).status = "not imported"
                elif number and not contact.get("phone"):
                    contact["phone"] = number
                    own.append(phone)
                elif number:
                    self.skip(phone, "number", number, "the contact has a phone already")
                else:
                    self.record(phone).status = "not imported"
            self.place_contact(row, contact)
            for phone in own:
                self.record(phone).targets = list(self.record(row).targets)
        for org in self.orgs.values():
            if org.data.get("email") and self.names_a_contact(org.row, org.data["email"],
                                                               org.row.key):
                org.data["email"] = None
        return phones

    def names_a_contact(self, row: Row, email: str, *owners: str) -> bool:
        """Whether an organisation's or service's own address names one of its contact
        persons (then it is left out, and said)."""
        for name in (n for owner in owners for n in self.people.get(owner, [])):
            given_away = names_person(email, name)
            if given_away:
                self.personal(row, "email", email, f"the address names a contact person of "
                              f"the {row.table} ('{given_away}' is in their name)"
                              + PERSONAL_WHY)
                return True
        return False

    def contact_email(self, row: Row, name: str) -> str | None:
        """The contact's email, unless it names the contact person (then left out, said)."""
        email = self.checked(row, "email", row.get("email"), Email())
        given_away = names_person(email, name) if email and name else None
        if email and given_away:
            self.personal(row, "email", email, f"the address names the contact person (its "
                          f"'{given_away}' is in the name, which is not imported)"
                          + PERSONAL_WHY)
            return None
        if email and not name and looks_personal(email) and not is_role_address(email):
            self.note(row, "email", email, "looks like a person's address (first.last), but "
                      "the contact has no name to tell: imported; check it may be published",
                      "warning")
        return email

    def left_out(self, row: Row) -> bool:
        """Whether something of the row was left out as personal."""
        return any(n.kind == PERSONAL for n in self.record(row).notes)

    def place_contact(self, row: Row, contact: dict[str, Any]) -> None:
        if not contact.get("email") and not contact.get("phone"):
            if self.left_out(row):
                self.record(row).status = "not imported"  # (the note says why)
            else:
                self.skip(row, "email", row.get("email"), "neither a valid email nor a phone: "
                          "the contact was not imported")
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


    def map_service_emails(self) -> None:
        for activities in self.by_service.values():
            service = activities[0].service
            email = self.checked(service, "email", service.get("email"), Email())
            self.use(service, "email")
            if email and not self.names_a_contact(service, email, service.key,
                                                  service.get("organization_id")):
                for activity in activities:
                    _add_contact(activity.data, {"role": self.ours(DEFAULT_ROLE), "email": email})


def _add_contact(data: dict[str, Any], contact: dict[str, Any]) -> None:
    contact = {k: v for k, v in contact.items() if v}
    contacts = data.get("contacts") or []
    for known in contacts:
        if all(known.get(k) == v for k, v in contact.items() if k != "role"):
            return  # the same email and phone under another role: nothing new
    data["contacts"] = [*contacts, contact]
