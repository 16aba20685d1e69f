"""What the HSDS import makes: documents of places, organisations and activities (their
data in the order of the content files), and a record of what became of each source row."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from hyteguide import model
from hyteguide.content.slugs import suggest_slug
from hyteguide.importers.hsds.content_files import Flow
from hyteguide.importers.hsds.tables import Note, Row


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
    """A place to write as places/<slug>.yaml, from a location and its address."""

    location: Row
    slug: str
    data: dict[str, Any]
    municipality: str | None = None  # a term id of the vocabulary


@dataclass(eq=False)
class ActivityDoc:
    """An activity of an organisation, from a service (at one of its locations)."""

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
    """An organisation to write as organisations/<slug>.md, with its activities."""

    row: Row
    slug: str
    data: dict[str, Any]
    body: Any = None
    activities: list[ActivityDoc] = field(default_factory=list)


PLACE_KEYS = ("name", "address", "postal_code", "municipality", "coordinates", "accessibility",
              "accessibility_note", "opening_hours", "directions", "description", "website",
              "phone")
ORG_KEYS = ("name", "summary", "business_id", "website", "email", "phone", "municipalities",
            "themes", "contacts", "reviewed", "activities", "body")


def name_order(row: Row) -> tuple[str, str, int]:
    """Rows in the order of their names' slugs (then id and line): slugs are given in it."""
    return (suggest_slug(row.get("name")), row.get("id"), row.line)


def add_term(data: dict[str, Any], key: str, term: str) -> None:
    """A vocabulary term added to a document's data: the one format, or one more of a list."""
    if key == "format":
        data["format"] = data.get("format") or term
    elif term not in (data.get(key) or []):
        data[key] = Flow([*(data.get(key) or []), term])


def unique_slug(name: str, taken: set[str], limit: int = 60) -> str:
    """A file-name slug of name, not in taken (a suffix -2, -3 … on a clash); added to taken."""
    base = suggest_slug(re.sub("['’]", "", name))
    if len(base) > limit:
        base = base[:limit].rsplit("-", 1)[0] or base[:limit]
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug
