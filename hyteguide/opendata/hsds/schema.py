"""The tables of the HSDS 3.0 package and their fields (names, Table Schema types and formats,
required ones) and foreign keys, as in HSDS 3.0's datapackage.json."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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


REQUIRED = {table: frozenset(c.name for c in columns(table) if c.required) for table in TABLES}

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
