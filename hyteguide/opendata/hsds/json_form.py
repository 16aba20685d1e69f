"""The package in HSDS's nested JSON form: services, organizations, locations, taxonomies and
their terms, each a list of records; a record's children are nested, what others share is
referred to by id."""

from __future__ import annotations

import io
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from hyteguide.opendata.hsds.schema import Row


class Index:
    """Rows by the value of a foreign key, for nesting."""

    def __init__(self, found: dict[str, list[Row]]):
        self.found = found
        self.by: dict[tuple[str, str], dict[str, list[Row]]] = {}

    def children(self, table: str, key: str, value: str) -> list[Row]:
        """The rows of table whose key is value."""
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


def _attributes(ix: Index, link_id: str) -> list[Row]:
    """An entity's attributes (their terms are in taxonomy_terms.json, once each)."""
    return ix.children("attribute", "link_id", link_id)


def _contacts_of(ix: Index, key: str, value: str) -> list[Row]:
    return [_with(c, phones=ix.children("phone", "contact_id", c["id"]))
            for c in ix.children("contact", key, value)]


def location_json(ix: Index, row: Row) -> Row:
    """A location with its addresses, phones, contacts, accessibility and opening hours."""
    location_id = row["id"]
    return _with(row, addresses=ix.children("address", "location_id", location_id),
                 phones=ix.children("phone", "location_id", location_id),
                 contacts=_contacts_of(ix, "location_id", location_id),
                 accessibility=ix.children("accessibility", "location_id", location_id),
                 schedules=ix.children("schedule", "location_id", location_id))


def organization_json(ix: Index, row: Row) -> Row:
    """An organization with its identifiers, phones, contacts and attributes."""
    org_id = row["id"]
    return _with(row, organization_identifiers=ix.children("organization_identifier",
                                                           "organization_id", org_id),
                 phones=ix.children("phone", "organization_id", org_id),
                 contacts=_contacts_of(ix, "organization_id", org_id),
                 attributes=_attributes(ix, org_id))


def service_json(ix: Index, row: Row) -> Row:
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
