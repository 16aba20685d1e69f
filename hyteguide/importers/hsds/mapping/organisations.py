"""HSDS organizations (and organization_identifier rows) → organisations/<slug>.md, finished
at the end with the municipalities of their places and the date they were last checked."""

from __future__ import annotations

import datetime as dt

from hyteguide.content.addresses import BusinessId, Email, Url
from hyteguide.importers.hsds.content_files import Flow
from hyteguide.importers.hsds.mapping.base import MapperBase
from hyteguide.importers.hsds.mapping.checks import convert
from hyteguide.importers.hsds.mapping.documents import (
    ORG_KEYS,
    PLACE_KEYS,
    OrgDoc,
    name_order,
    unique_slug,
)
from hyteguide.importers.hsds.tables import Row
from hyteguide.importers.hsds.text import clean_text, first_sentence, one_line
from hyteguide.importers.hsds.times import parse_date

FINNISH_ID_WORDS = ("y-tunnus", "ytunnus", "business id", "business_id", "businessid",
                    "fo-nummer", "fi-pro", "fi-ytj")


class OrganisationMapping(MapperBase):
    """Organizations → organisations."""

    def map_organisations(self) -> None:
        taken: set[str] = set()
        for row in sorted(self.package.rows("organization"), key=name_order):
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


    def finish_organisations(self) -> None:
        owned: dict[str, set[str]] = {}
        for place in self.places.values():
            if place.municipality:
                owned.setdefault(place.location.get("organization_id"), set()).add(
                    place.municipality)
        places = {p.slug: p for p in self.places.values()}
        for org_id, org in self.orgs.items():
            found = set(owned.get(org_id, set()))
            found.update(municipality for a in org.activities if a.data.get("place")
                         and (municipality := places[a.data["place"]].municipality))
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
        dates: list[dt.date] = []
        for activity in org.activities:
            value = activity.service.get("assured_date")
            day = parse_date(value) if value else None
            if day:
                dates.append(day)
                self.use(activity.service, "assured_date")
        if dates:
            self.note(org.row, "reviewed", min(dates).isoformat(), "taken from the services' "
                      "assured_date (when they were last checked)", "warning")
        return min(dates) if dates else None
