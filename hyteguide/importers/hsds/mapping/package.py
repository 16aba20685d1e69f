"""The whole HSDS package mapped: the parts in order (places first, so that services find
them; organisations finished last), then every column and table no part used, with the reason."""

from __future__ import annotations

from hyteguide.importers.hsds.mapping.activities import ActivityMapping
from hyteguide.importers.hsds.mapping.base import PERSONAL
from hyteguide.importers.hsds.mapping.contacts import ContactMapping
from hyteguide.importers.hsds.mapping.documents import OrgDoc, PlaceDoc
from hyteguide.importers.hsds.mapping.languages import LanguageMapping
from hyteguide.importers.hsds.mapping.organisations import OrganisationMapping
from hyteguide.importers.hsds.mapping.places import PlaceMapping
from hyteguide.importers.hsds.mapping.schedules import ScheduleMapping
from hyteguide.importers.hsds.tables import Note, Row

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


class Mapper(PlaceMapping, OrganisationMapping, ActivityMapping, ContactMapping, LanguageMapping,
             ScheduleMapping):
    """Maps a package to documents; `records` says what became of each source record."""

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
                    if not any(n.kind in ("not mapped", PERSONAL) for n in record.notes):
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
