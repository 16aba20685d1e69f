"""The package of one language: every table's rows, the CSV tables with datapackage.json (a
Tabular Data Package) and the JSON form, as (site path, bytes)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from hyteguide.common.routes import path_to
from hyteguide.derive.guide import Guide
from hyteguide.opendata.hsds.context import Export, Tables
from hyteguide.opendata.hsds.entities import add_activity, add_organisation, add_place
from hyteguide.opendata.hsds.json_form import JSON_FILES, Index, dumps, dumps_list
from hyteguide.opendata.hsds.schema import FOREIGN_KEYS, TABLES, Row, columns
from hyteguide.web.i18n import Catalogue
from hyteguide.web.urls import Urls

FOLDER = path_to("hsds_file", file="")  # the package's folder (sv/opendata/hsds/, …)
HSDS_VERSION = "3.0.0"


def tables(guide: Guide, urls: Urls, catalogue: Catalogue, lang: str) -> dict[str, list[Row]]:
    """Every table's rows in a language, sorted by id: the listed organisations, their
    activities and the places."""
    x, t = Export.of(guide, urls, catalogue, lang), Tables()
    for organisation in guide.organisations:
        add_organisation(organisation, x, t)
    for activity in guide.activities:
        add_activity(activity, x, t)
    for place in guide.places:
        add_place(place, x, t)
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
    text = Export.of(guide, urls, catalogue, lang).view.optional
    return {
        "profile": "tabular-data-package",
        "name": "human_services_data",
        "title": f"{text(site.name)} – HSDS {HSDS_VERSION}",
        "description": text(site.description) or text(site.name),
        "version": HSDS_VERSION,
        "homepage": urls.absolute(urls.localised(path_to("opendata"), lang)),
        "licenses": [{k: v for k, v in (("name", licence.id), ("path", licence.url),
                                        ("title", licence.name)) if v}],
        "sources": [{"title": text(site.name),
                     "path": urls.absolute(urls.localised(path_to("home"), lang))}],
        "resources": [_resource(table) for table in TABLES],
    }


def _resource(table: str) -> dict[str, Any]:
    keys = [{"fields": name, "reference": {"resource": target, "fields": "id"}}
            for name, target in FOREIGN_KEYS.get(table, {}).items()]
    return {"name": table, "path": TABLES[table][0], "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": [c.schema() for c in columns(table)], "primaryKey": "id",
                       **({"foreignKeys": keys} if keys else {})}}


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
    ix = Index(found)
    for name, (table, nest) in JSON_FILES.items():
        yield folder + name, dumps_list(nest(ix, row) for row in found[table])


def paths() -> list[str]:
    """The language-neutral paths of a package's files."""
    return [FOLDER + name for name in ("datapackage.json", *(TABLES[t][0] for t in TABLES),
                                       *JSON_FILES)]
