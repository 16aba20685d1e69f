"""Reading an Open Referral HSDS data package: CSV tables (and datapackage.json) → rows.

Tolerant of the real world: unknown columns and tables, missing optional tables, odd
encodings, duplicate ids and unsafe resource paths become warnings, never exceptions. Only a
package without an organizations table (nothing could be imported) is an error.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

# Every table hyteguide knows: resource name → (file names to look for, known columns). The
# columns are those of HSDS 1.1 and 3.0 together; datapackage.json may name more.
_ID_LINKS = "id organization_id service_id location_id service_at_location_id contact_id"
TABLES: dict[str, tuple[tuple[str, ...], str]] = {
    "organization": (("organizations.csv", "organization.csv"),
                     "id name alternate_name description email url website tax_status tax_id "
                     "year_incorporated legal_status logo uri parent_organization_id"),
    "organization_identifier": (("organization_identifiers.csv",),
                                "id organization_id identifier_scheme identifier_type "
                                "identifier"),
    "service": (("services.csv", "service.csv"),
                "id organization_id program_id name alternate_name description url email status "
                "interpretation_services application_process fees_description wait_time fees "
                "accreditations eligibility_description minimum_age maximum_age assured_date "
                "assurer_email licenses alert last_modified taxonomy_ids"),
    "location": (("locations.csv", "location.csv"),
                 "id location_type url organization_id name alternate_name description "
                 "transportation latitude longitude external_identifier "
                 "external_identifier_type"),
    "service_at_location": (("service_at_location.csv", "services_at_location.csv",
                             "services_at_locations.csv"),
                            "id service_id location_id description"),
    "address": (("addresses.csv",),
                "id location_id attention address_1 address_2 city region state_province "
                "postal_code country address_type"),
    "physical_address": (("physical_addresses.csv",),
                         "id location_id attention address_1 address_2 address_3 address_4 city "
                         "region state_province postal_code country"),
    "postal_address": (("postal_addresses.csv",),
                       "id location_id attention address_1 address_2 address_3 address_4 city "
                       "region state_province postal_code country"),
    "phone": (("phones.csv",),
              f"{_ID_LINKS} number extension type language description department"),
    "contact": (("contacts.csv",), f"{_ID_LINKS} name title department email"),
    "schedule": (("schedules.csv",),
                 f"{_ID_LINKS} valid_from valid_to dtstart timezone until count wkst freq "
                 "interval byday byweekno bymonthday byyearday description opens_at closes_at "
                 "schedule_link attending_type notes"),
    "regular_schedule": (("regular_schedules.csv",),
                         f"{_ID_LINKS} weekday opens_at closes_at"),
    "holiday_schedule": (("holiday_schedules.csv",),
                         f"{_ID_LINKS} closed opens_at closes_at start_date end_date"),
    "language": (("languages.csv",), "id service_id location_id phone_id language name code note"),
    "cost_option": (("cost_options.csv",),
                    "id service_id valid_from valid_to option currency amount "
                    "amount_description"),
    "accessibility": (("accessibility.csv",), "id location_id description details url"),
    "accessibility_for_disabilities": (("accessibility_for_disabilities.csv",),
                                       "id location_id accessibility details"),
    "taxonomy_term": (("taxonomy_terms.csv",),
                      "id code name description parent_id taxonomy language taxonomy_id "
                      "term_uri"),
    "attribute": (("attributes.csv",),
                  "id link_id taxonomy_term_id link_type link_entity value"),
    "service_taxonomy": (("services_taxonomy.csv", "service_taxonomy.csv"),
                         "id service_id taxonomy_id taxonomy_detail"),
    "taxonomy": (("taxonomies.csv", "taxonomy.csv"),
                 "id name description uri version parent_id parent_name vocabulary"),
    # Tables with no counterpart in hyteguide: their records are listed as not imported.
    "program": (("programs.csv",), "id organization_id name alternate_name description"),
    "funding": (("funding.csv",), "id organization_id service_id source"),
    "service_area": (("service_areas.csv",),
                     "id service_id name service_area description extent extent_type uri"),
    "required_document": (("required_documents.csv",), "id service_id document uri"),
    "eligibility": (("eligibility.csv",), "id service_id eligibility"),
    "payment_accepted": (("payments_accepted.csv",), "id service_id payment"),
    "metadata": (("metadata.csv",),
                 "id resource_id resource_type last_action_date last_action_type field_name "
                 "previous_value replacement_value updated_by"),
    "meta_table_description": (("meta_table_descriptions.csv",), "id name language "
                               "character_set"),
}
OLD_FORM_TABLES = ("regular_schedule", "holiday_schedule", "physical_address", "postal_address")
EXPECTED = {  # optional tables whose absence is worth a warning, per form
    "3.0": ("service", "location", "service_at_location", "address", "schedule"),
    "1.x": ("service", "location", "service_at_location", "physical_address",
            "regular_schedule"),
}


class HsdsError(Exception):
    """The package cannot be imported at all (no such folder, no organizations table)."""


@dataclass(frozen=True)
class Row:
    """One record of a table, with the file line it starts on."""

    table: str
    file: str
    line: int
    values: dict[str, str]

    def get(self, name: str) -> str:
        return self.values.get(name, "")

    @property
    def key(self) -> str:
        """The record's id, or its line when it has none."""
        return self.get("id") or f"line {self.line}"

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Note:
    """What became of one field of a record: not mapped (and why), or a warning."""

    field: str
    value: str
    why: str
    kind: str = "not mapped"  # or "warning"


@dataclass(frozen=True)
class Warning_:
    """Something odd about the package that did not stop the import."""

    where: str
    message: str


@dataclass
class Package:
    """The tables of an HSDS data package, keyed by resource name (singular)."""

    root: Path
    form: str  # "3.0" (the schedule table) or "1.x" (regular_schedule, holiday_schedule)
    title: str
    language: str  # meta_table_description's language, if any
    tables: dict[str, list[Row]] = field(default_factory=dict)
    warnings: list[Warning_] = field(default_factory=list)

    def rows(self, table: str) -> list[Row]:
        return self.tables.get(table, [])

    def by_id(self, table: str) -> dict[str, Row]:
        """Rows by id (the first of repeated ids: read_package keeps only that one in the
        tables others link to)."""
        return {row.get("id"): row for row in self.rows(table) if row.get("id")}


def read_package(path: Path) -> Package:
    """Read the tables of the package at path (a folder, or its datapackage.json)."""
    root = path.parent if path.is_file() else path
    if not root.is_dir():
        raise HsdsError(f"{path} is not a folder with an HSDS data package")
    warnings: list[Warning_] = []
    descriptor = _descriptor(root, warnings)
    files, declared = _resource_files(root, descriptor, warnings)
    tables = {name: _read_table(name, file, declared.get(name, ()), warnings)
              for name, file in sorted(files.items())}
    if "organization" not in tables:
        raise HsdsError(f"{root} has no organizations table (organizations.csv): nothing to "
                        "import")
    tables = {name: _unique(name, rows, warnings) for name, rows in tables.items()}
    form = "1.x" if any(name in tables for name in OLD_FORM_TABLES) else "3.0"
    for name in EXPECTED[form]:
        if name not in tables:
            warnings.append(Warning_(TABLES[name][0][0], f"no {name} table: "
                                     + _MISSING[name]))
    metas = tables.get("meta_table_description", [])
    return Package(root, form, str(descriptor.get("title") or ""),
                   metas[0].get("language") if metas else "", tables, warnings)


_MISSING = {
    "service": "organisations are imported without activities",
    "location": "activities get no place",
    "service_at_location": "activities are not linked to places",
    "address": "places have no address",
    "physical_address": "places have no address",
    "schedule": "activities get no schedule",
    "regular_schedule": "activities get no schedule",
}


def _descriptor(root: Path, warnings: list[Warning_]) -> dict:
    path = root / "datapackage.json"
    if not path.is_file():
        warnings.append(Warning_("datapackage.json", "no datapackage.json: tables are found by "
                                 "their usual file names"))
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as err:
        warnings.append(Warning_("datapackage.json", f"not readable JSON ({err}): tables are "
                                 "found by their usual file names"))
        return {}
    return data if isinstance(data, dict) else {}


def _resource_files(root: Path, descriptor: dict, warnings: list[Warning_]
                    ) -> tuple[dict[str, Path], dict[str, tuple[str, ...]]]:
    """Table name → CSV file, and the columns datapackage.json declares for each table."""
    files: dict[str, Path] = {}
    declared: dict[str, tuple[str, ...]] = {}
    resources = descriptor.get("resources")
    for resource in resources if isinstance(resources, list) else ():
        if not isinstance(resource, dict):
            continue
        name = str(resource.get("name") or "")
        if name not in TABLES:
            warnings.append(Warning_("datapackage.json", f"table '{name}' is not an HSDS table "
                                     "hyteguide knows: ignored"))
            continue
        file = _safe_path(root, resource.get("path"), warnings)
        if file is not None and file.is_file():
            files[name] = file
        schema = resource.get("schema")
        fields = schema.get("fields") if isinstance(schema, dict) else None
        declared[name] = tuple(str(f.get("name")) for f in fields or () if isinstance(f, dict))
    for name, (candidates, _) in TABLES.items():
        if name not in files:
            found = next((root / c for c in candidates if (root / c).is_file()), None)
            if found:
                files[name] = found
    used = {f.name for f in files.values()}
    for extra in sorted(root.glob("*.csv")):
        if extra.name not in used:
            warnings.append(Warning_(extra.name, "not a table hyteguide knows: ignored"))
    return files, declared


def _safe_path(root: Path, value: object, warnings: list[Warning_]) -> Path | None:
    """A resource path inside the package folder, or None (with a warning) for anything else."""
    if not isinstance(value, str) or not value:
        return None
    if "://" in value:
        warnings.append(Warning_("datapackage.json", f"'{value}' is not fetched: only files "
                                 "beside datapackage.json are read"))
        return None
    path = (root / value).resolve()
    if not path.is_relative_to(root.resolve()) or path.suffix.lower() != ".csv":
        warnings.append(Warning_("datapackage.json", f"'{value}' is outside the package or not "
                                 "a CSV file: ignored"))
        return None
    return path


def _read_table(name: str, path: Path, declared: tuple[str, ...],
                warnings: list[Warning_]) -> list[Row]:
    """The rows of one CSV file; unknown columns and malformed rows are warnings."""
    text = _decode(path, warnings)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[Row] = []
    header: list[str] | None = None
    line = 1
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = _header(name, path.name, record, declared, warnings)
                continue
            if len(record) > len(header):
                warnings.append(Warning_(f"{path.name}:{start}", f"{len(record) - len(header)} "
                                         "value(s) more than the header has columns: ignored"))
            values = {column: _clean(cell) for column, cell in zip(header, record, strict=False)
                      if column and _clean(cell)}
            rows.append(Row(name, path.name, start, values))
    except csv.Error as err:
        warnings.append(Warning_(f"{path.name}:{line}", f"the CSV cannot be read from here on "
                                 f"({err}): the rest of the file is ignored"))
    return rows


def _decode(path: Path, warnings: list[Warning_]) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        warnings.append(Warning_(path.name, f"not UTF-8 ({err.reason} at byte {err.start}): "
                                 "undecodable bytes were replaced by �"))
        return data.decode("utf-8-sig", errors="replace")


def _header(name: str, file: str, record: list[str], declared: tuple[str, ...],
            warnings: list[Warning_]) -> list[str]:
    """Column names (lower case); unknown and repeated ones are warned about and ignored."""
    known = set(TABLES[name][1].split()) | set(declared)
    header: list[str] = []
    unknown: list[str] = []
    for cell in record:
        column = "_".join(cell.strip().lower().split())
        if column in header:
            warnings.append(Warning_(file, f"column '{column}' appears twice: the first is used"))
            column = ""
        elif column not in known:
            unknown.append(column or "(no name)")
            column = ""
        header.append(column)
    if unknown:
        warnings.append(Warning_(file, "unknown column(s) ignored: "
                                 + ", ".join(f"'{c}'" for c in unknown)))
    return header


def _clean(cell: str) -> str:
    return unicodedata.normalize("NFC", cell).strip()


# Tables whose ids other tables link to: a repeated id there makes the links ambiguous. The
# ids of the other tables (language, schedules, costs …) are linked to by nothing, and real
# exports repeat them (a service's languages all with the service's id): each row is kept.
LINKED_TABLES = {"organization", "service", "location", "service_at_location", "contact",
                 "phone", "taxonomy_term", "taxonomy", "program"}


def _unique(name: str, rows: list[Row], warnings: list[Warning_]) -> list[Row]:
    """The rows without repeated ids (the first one is kept) in tables others link to; in the
    other tables every row is kept, with one warning. Missing ids are warned about."""
    seen: dict[str, Row] = {}
    kept: list[Row] = []
    repeated: list[Row] = []
    for row in rows:
        if not row.get("id"):
            warnings.append(Warning_(row.where, f"a {name} record without an id"))
        elif row.get("id") in seen and name not in LINKED_TABLES:
            repeated.append(row)
        elif row.get("id") in seen:
            warnings.append(Warning_(row.where, f"the {name} id '{row.get('id')}' is used again "
                                     f"(first on line {seen[row.get('id')].line}): this record "
                                     "is ignored"))
            continue
        else:
            seen[row.get("id")] = row
        kept.append(row)
    if repeated:
        first = repeated[0]
        warnings.append(Warning_(first.file, f"{len(repeated)} {name} record(s) repeat an id "
                                 f"(first '{first.get('id')}' on line {first.line}): nothing "
                                 f"links to {name} ids, so every record is imported"))
    return kept
