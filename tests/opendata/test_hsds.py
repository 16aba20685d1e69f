"""The Open Referral HSDS 3.0 export: every exported record, JSON and CSV, validates against the
official HSDS 3.0 JSON schemas (tests/fixtures/hsds-3.0, resolved locally: nothing is fetched),
the CSV tables have the official fields and types, and the mapping of ids, schedules and the
vocabulary crosswalk is as documented."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import re
import uuid
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from hyteguide.content.load import load_content
from hyteguide.derive.guide import derive
from hyteguide.model import YSO_BASE
from hyteguide.opendata import hsds
from hyteguide.web.i18n import load_catalogue
from hyteguide.web.urls import Urls
from tests.conftest import BASE_URL, TODAY
from tests.helpers import ORG_HEAD, VOCABULARY_YAML, make_site, organisation

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "hsds-3.0"
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
SCHEMA_BASE = "https://hsds.invalid/schema/"  # never fetched: the registry holds every schema
FORMATS = Draft202012Validator.FORMAT_CHECKER


# -- the official schemas ------------------------------------------------------------------------

def _strict(schema: object) -> object:
    """The schema with `additionalProperties: false` on every object that lists properties, so
    that a misspelt or invented field fails too (the official schemas allow any extra field)."""
    if isinstance(schema, dict):
        found = {k: _strict(v) for k, v in schema.items()}
        if "properties" in found and found.get("type") == "object":
            found["additionalProperties"] = False
        return found
    if isinstance(schema, list):
        return [_strict(item) for item in schema]
    return schema


@cache
def registry(strict: bool) -> Registry:
    resources = []
    for path in sorted((FIXTURES / "schema").glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        schema = _strict(copy.deepcopy(schema)) if strict else schema
        resources.append((SCHEMA_BASE + path.name,
                          Resource.from_contents(schema, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


@cache
def validator(table: str, strict: bool = False) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"{SCHEMA_BASE}{table}.json"},
                                registry=registry(strict), format_checker=FORMATS)


def problems(record: dict, table: str) -> list[str]:
    """Why a record is not valid HSDS (official schema, then the strict one)."""
    return [f"{table}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
            for strict in (False, True) for e in validator(table, strict).iter_errors(record)]


@cache
def official() -> dict:
    return json.loads((FIXTURES / "datapackage.json").read_text(encoding="utf-8"))


def official_fields(table: str) -> list[dict]:
    resource = next(r for r in official()["resources"] if r["name"] == table)
    return resource["schema"]["fields"]


def test_the_format_checker_checks_uris_uuids_and_date_times():
    """Without rfc3986-validator and rfc3339-validator jsonschema would pass any 'uri' or
    'date-time' silently."""
    assert not FORMATS.conforms("not an address", "uri")
    assert not FORMATS.conforms("1234", "uuid")
    assert not FORMATS.conforms("2026-11-23", "date-time")
    assert FORMATS.conforms("https://example.org/a/", "uri")


def test_the_schemas_resolve_locally():
    """A $ref between the fixture files resolves from the registry (nothing is fetched)."""
    record = {"id": str(uuid.uuid4()), "name": "x", "status": "active",
              "schedules": [{"id": "not a uuid"}]}
    assert any("schedules/0/id" in p for p in problems(record, "service"))


def test_strict_schemas_reject_unknown_fields():
    record = {"id": str(uuid.uuid4()), "name": "x", "status": "active", "colour": "red"}
    assert validator("service").is_valid(record)
    assert not validator("service", strict=True).is_valid(record)


# -- the built example -------------------------------------------------------------------------

def package_file(built_site, lang: str, name: str) -> bytes:
    return (built_site.root / built_site.localised(hsds.FOLDER + name, lang)).read_bytes()


def csv_rows(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))
    return list(reader.fieldnames or []), list(reader)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("name", sorted(hsds.JSON_FILES))
def test_every_json_record_is_valid_hsds(built_site, lang, name):
    table = hsds.JSON_FILES[name][0]
    records = json.loads(package_file(built_site, lang, name))
    assert records, f"{name} is empty"
    found = [p for record in records for p in problems(record, table)]
    assert not found, "\n".join(found[:20])


TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d:[0-5]\d")


def typed(value: str, kind: str) -> object:
    """A CSV cell as JSON: numbers as numbers; dates and times are checked and stay text."""
    if kind == "number":
        number = float(value)
        return int(number) if number.is_integer() else number
    if kind == "date":
        dt.date.fromisoformat(value)
    elif kind == "time":
        assert TIME.fullmatch(value), value
    elif kind == "datetime":
        dt.datetime.fromisoformat(value)
    return value


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("table", sorted(hsds.TABLES))
def test_every_csv_row_is_valid_hsds(built_site, lang, table):
    """Each row, typed as the official data package says, validates against the table's
    schema, and its required cells are filled (as a Frictionless validator would check)."""
    fields = {f["name"]: f for f in official_fields(table)}
    header, rows = csv_rows(package_file(built_site, lang, hsds.TABLES[table][0]))
    assert header == list(fields)
    found = []
    for number, row in enumerate(rows, 2):
        record = {k: typed(v, fields[k]["type"]) for k, v in row.items() if v != ""}
        found += [f"line {number}: {p}" for p in problems(record, table)]
        found += [f"line {number}: {k} is required" for k, f in fields.items()
                  if f.get("constraints", {}).get("required") and row[k] == ""]
    assert not found, "\n".join(found[:20])


def test_the_example_fills_every_table(built_site):
    empty = [t for t in hsds.TABLES
             if not csv_rows(package_file(built_site, "fi", hsds.TABLES[t][0]))[1]]
    assert not empty


def test_the_descriptor_describes_the_tables_as_hsds_does(built_site):
    package = json.loads(package_file(built_site, "fi", "datapackage.json"))
    assert package["profile"] == "tabular-data-package"
    assert package["licenses"] == [{"name": "CC-BY-4.0",
                                    "path": "https://creativecommons.org/licenses/by/4.0/",
                                    "title": "Creative Commons Attribution 4.0 International "
                                             "(CC BY 4.0)"}]
    names = [r["name"] for r in package["resources"]]
    assert names == list(hsds.TABLES)
    paths = {r["name"]: r["path"] for r in official()["resources"]}
    for resource in package["resources"]:
        assert resource["path"] == paths[resource["name"]]
        assert (built_site.root / hsds.FOLDER / resource["path"]).is_file()
        mine = [(f["name"], f["type"], f.get("format"),
                 f.get("constraints", {}).get("required", False))
                for f in resource["schema"]["fields"]]
        theirs = [(f["name"], f["type"], f.get("format"),
                   f.get("constraints", {}).get("required", False))
                  for f in official_fields(resource["name"])]
        assert mine == theirs, resource["name"]
        assert resource["schema"]["primaryKey"] == "id"
        for key in resource["schema"].get("foreignKeys", []):
            assert key["reference"]["resource"] in names
            assert key["fields"] in {f["name"] for f in resource["schema"]["fields"]}


def all_rows(built_site, lang: str = "fi") -> dict[str, list[dict[str, str]]]:
    return {table: csv_rows(package_file(built_site, lang, hsds.TABLES[table][0]))[1]
            for table in hsds.TABLES}


def test_ids_are_unique_and_every_reference_resolves(built_site):
    rows = all_rows(built_site)
    ids = {table: [r["id"] for r in found] for table, found in rows.items()}
    for table, found in ids.items():
        assert len(found) == len(set(found)), table
        assert found == sorted(found), f"{table} is not sorted by id"
    dangling = [f"{table}.{name} {row[name]}" for table, keys in hsds.FOREIGN_KEYS.items()
                for name, target in keys.items() for row in rows[table]
                if row[name] and row[name] not in set(ids[target])]
    dangling += [f"attribute.link_id {row['link_id']}" for row in rows["attribute"]
                 if row["link_id"] not in set(ids[row["link_entity"]])]
    assert not dangling, dangling[:10]


def test_ids_are_the_uuid5_of_the_page_and_the_same_in_every_language(built_site,
                                                                     example_content):
    organisation = example_content.organisations[0]
    activity = next(a for o in example_content.organisations for a in o.activities)
    expected = {
        "organization": str(uuid.uuid5(uuid.NAMESPACE_URL,
                                       f"{BASE_URL}organisations/{organisation.slug}/")),
        "service": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{BASE_URL}activities/"
                                  f"{activity.organisation}/{activity.id}/")),
    }
    for table, row_id in expected.items():
        for lang in ("fi", "sv", "en"):
            assert row_id in {r["id"] for r in all_rows(built_site, lang)[table]}, (table, lang)


def test_texts_are_in_the_package_language(built_site, example_content):
    swedish = next(a for o in example_content.organisations for a in o.activities
                   if a.title.has("sv") and a.title.get("sv")[0] != a.title.default)
    names = {lang: {r["name"] for r in all_rows(built_site, lang)["service"]}
             for lang in ("fi", "sv")}
    assert swedish.title.default in names["fi"] and swedish.title.default not in names["sv"]
    assert swedish.title.get("sv")[0] in names["sv"]


def test_the_crosswalk_becomes_yso_taxonomy_terms(built_site, example_content):
    rows = all_rows(built_site)
    yso = {str(uuid.uuid5(uuid.NAMESPACE_URL, YSO_BASE))}
    assert [t["uri"] for t in rows["taxonomy"] if t["id"] in yso] == [YSO_BASE]
    terms = {t["term_uri"]: t for t in rows["taxonomy_term"] if t["taxonomy_id"] in yso}
    exercise = terms[YSO_BASE + "p916"]
    assert exercise["code"] == "p916" and exercise["name"] == "Liikunta"
    assert exercise["id"] == str(uuid.uuid5(uuid.NAMESPACE_URL, YSO_BASE + "p916"))
    tagged = {a["link_id"] for a in rows["attribute"] if a["taxonomy_term_id"] == exercise["id"]}
    expected = {str(uuid.uuid5(uuid.NAMESPACE_URL, f"{BASE_URL}activities/{a.key}/"))
                for o in example_content.organisations for a in o.activities
                if "liikunta" in a.themes}
    expected |= {str(uuid.uuid5(uuid.NAMESPACE_URL, f"{BASE_URL}organisations/{o.slug}/"))
                 for o in example_content.organisations if "liikunta" in o.themes}
    assert expected and tagged == expected


# -- the mapping, on a small site ----------------------------------------------------------------

def export(tmp_path: Path, *front_matter: str, files: dict[str, str] | None = None,
           today: dt.date = TODAY, lang: str = "fi") -> dict[str, list[dict]]:
    """The tables of the helpers' small site with an organisation of these front matter parts
    (each indented by 4 spaces, as ORG_HEAD is)."""
    text = "".join(part.rstrip(" ") for part in (ORG_HEAD, *front_matter))
    content = load_content(make_site(tmp_path, {"organisations/yhdistys.md": organisation(text),
                                                **(files or {})}), today)
    guide = derive(content, today)
    urls = Urls("https://example.org/guide/", content.site.languages)
    return hsds.tables(guide, urls, load_catalogue(TEMPLATES, lang), lang)


ACTIVITY = """\
    activities:
      - id: ryhma
        title: Ryhmä
        summary: Ryhmä.
        format: ryhma
        place: kirjasto
        schedule:
    """


def schedules(tables: dict[str, list[dict]]) -> list[dict]:
    """The activity's schedule rows, by dtstart and byday (their ids are hashes)."""
    found = [r for r in tables["schedule"] if "service_id" in r]
    return sorted(found, key=lambda r: (r.get("dtstart", ""), r.get("byday", ""),
                                        r.get("bymonthday", ""), r.get("opens_at", "")))


def test_every_other_week_with_two_times(tmp_path):
    tables = export(tmp_path, ACTIVITY, """\
          - weekly: [tue, thu]
            every: 2
            from: 2026-09-01
            until: 2026-12-15
            time: ["10:00-12:00", "18:00-24:00"]
    """)
    rows = schedules(tables)
    assert [(r["freq"], r["interval"], r["byday"], r["wkst"], r["dtstart"], r["until"],
             r["opens_at"], r["closes_at"]) for r in rows] == [
        ("WEEKLY", 2, "TU,TH", "MO", "2026-09-01", "2026-12-15", "10:00:00", "12:00:00"),
        ("WEEKLY", 2, "TU,TH", "MO", "2026-09-01", "2026-12-15", "18:00:00", "23:59:59")]
    assert rows[0]["description"] == "Joka toinen viikko tiistaisin ja torstaisin klo 10–12, " \
                                     "1.9.–15.12.2026."
    # the public holidays it skips and the time zone are said in words
    assert rows[0]["notes"] == "Ei juhlapyhinä. Kellonajat ovat paikallista aikaa " \
                               "(aikavyöhyke Europe/Helsinki)."
    [place] = [s for s in tables["service_at_location"]]
    assert all(r["service_at_location_id"] == place["id"] for r in rows)
    assert all(r["schedule_link"] == "https://example.org/guide/activities/yhdistys/ryhma/"
               for r in rows)


def test_monthly_days_and_weekdays_are_two_rows(tmp_path):
    rows = schedules(export(tmp_path, ACTIVITY, """\
          - monthly: [2nd mon, last fri, 15]
            time: "17:00-19:00"
            holidays: include
    """))
    assert [(r["freq"], r.get("byday"), r.get("bymonthday")) for r in rows] == [
        ("MONTHLY", None, "15"), ("MONTHLY", "2MO,-1FR", None)]
    assert all("interval" not in r and "dtstart" not in r for r in rows)
    assert rows[0]["notes"] == "Kellonajat ovat paikallista aikaa (aikavyöhyke Europe/Helsinki)."


def test_exceptions_extra_days_and_notes_are_written_in_words(tmp_path):
    rows = schedules(export(tmp_path, ACTIVITY, """\
          - weekly: [wed]
            from: 2026-11-04
            until: 2027-01-27
            time: "18:00-20:00"
            except: [2026-12-30, {from: 2027-01-04, until: 2027-01-10}]
            also: [2026-12-27]
            note: Kahvit omakustanteiset
    """))
    weekly = next(r for r in rows if r["byday"] == "WE" and r["dtstart"] == "2026-11-04")
    assert weekly["notes"] == ("Ei juhlapyhinä; ei 30.12.2026 ja 4.–10.1.2027; lisäksi 27.12.2026; "
                               "Kahvit omakustanteiset. Kellonajat ovat paikallista aikaa "
                               "(aikavyöhyke Europe/Helsinki).")
    extra = next(r for r in rows if r["dtstart"] == "2026-12-27")
    assert (extra["freq"], extra["byday"], extra["until"]) == ("WEEKLY", "SU", "2026-12-27")


def test_single_days_from_today_on_are_one_day_rules(tmp_path):
    rows = schedules(export(tmp_path, ACTIVITY, """\
          - date: [2026-10-01, 2026-12-03, 2026-12-10]
            time: "13:00-15:00"
            cancelled: [2026-12-10]
    """))
    assert [(r["freq"], r["byday"], r["dtstart"], r["until"], r["description"]) for r in rows] \
        == [("WEEKLY", "TH", "2026-12-03", "2026-12-03", "To 3.12.2026 klo 13–15.")]


def test_cancelled_dates_are_in_the_alert(tmp_path):
    tables = export(tmp_path, ACTIVITY, """\
          - weekly: [tue]
            time: "10:00-12:00"
            cancelled: [{date: 2026-12-01, note: Ohjaaja sairas}, 2026-12-08]
    """)
    [service] = tables["service"]
    assert service["alert"] == "Peruttu 1.12.2026 (Ohjaaja sairas) ja 8.12.2026."


def test_a_rule_hsds_cannot_express_is_given_in_words_and_as_rfc_5545(tmp_path):
    [row] = schedules(export(tmp_path, ACTIVITY, """\
          - rrule: FREQ=YEARLY;BYMONTH=6;BYDAY=1SA
            time: "12:00-16:00"
    """))
    assert not {"freq", "byday", "interval", "count"} & set(row)
    assert "toistosääntö (RFC 5545): FREQ=YEARLY;BYMONTH=6;BYDAY=1SA" in row["notes"]
    assert row["opens_at"] == "12:00:00"


def test_an_expert_monthly_rule_with_count(tmp_path):
    [row] = schedules(export(tmp_path, ACTIVITY, """\
          - rrule: FREQ=MONTHLY;INTERVAL=2;BYDAY=1WE;COUNT=4
            from: 2026-09-02
    """))
    assert (row["freq"], row["interval"], row["byday"], row["count"], row["dtstart"]) == \
        ("MONTHLY", 2, "1WE", 4, "2026-09-02")
    assert "opens_at" not in row  # no time: all day


def test_opening_hours_are_location_schedules_with_seasons(tmp_path):
    place = """\
name: Kirjasto
address: Katu 1
postal_code: "04200"
municipality: kerava
opening_hours:
  - {days: [mon, tue, wed], time: "10:00-20:00"}
  - {days: [sat], time: "10:00-16:00", from: 2026-09-01, until: 2027-05-31}
opening_hours_note: Suljettu juhlapyhinä.
"""
    tables = export(tmp_path, ACTIVITY, """\
          - weekly: [tue]
    """, files={"places/kirjasto.yaml": place})
    hours = sorted((r for r in tables["schedule"] if "location_id" in r),
                   key=lambda r: r["byday"])
    assert [(r["byday"], r["opens_at"], r["closes_at"], r.get("valid_from"), r.get("valid_to"))
            for r in hours] == [("MO,TU,WE", "10:00:00", "20:00:00", None, None),
                                ("SA", "10:00:00", "16:00:00", "2026-09-01", "2027-05-31")]
    assert hours[0]["notes"].startswith("Suljettu juhlapyhinä. Kellonajat")


def test_organisation_identifier_contacts_and_cost(tmp_path):
    tables = export(tmp_path, """\
    business_id: 1234567-1
    phone: "+358 40 000 0000"
    contacts:
      - role: Puheenjohtaja
        name: Maija Meikäläinen
        basis: role
        phone: "+358 40 111 1111"
    """, ACTIVITY.replace("        schedule:\n", "        cost: free\n"), """\
        languages: [fi, sv]
    """)
    [identifier] = tables["organization_identifier"]
    assert (identifier["identifier_scheme"], identifier["identifier_type"],
            identifier["identifier"]) == ("FI-PRO", "Y-tunnus", "1234567-1")
    [contact] = tables["contact"]
    assert (contact["name"], contact["title"]) == ("Maija Meikäläinen", "Puheenjohtaja")
    assert {p["number"] for p in tables["phone"]} == {"+358 40 000 0000", "+358 40 111 1111"}
    [cost] = tables["cost_option"]
    assert (cost["amount"], cost["currency"], cost["option"]) == (0, "EUR", "Maksuton")
    assert [(lang["name"], lang["code"]) for lang in
            sorted(tables["language"], key=lambda r: r["code"])] == [("suomi", "fi"),
                                                                    ("ruotsi", "sv")]


def test_ptv_and_lahella_codes_are_taxonomies_of_their_own(tmp_path):
    plain = "  aikuiset: {fi: Aikuiset, sv: Vuxna, en: Adults}"
    assert plain in VOCABULARY_YAML
    extended = VOCABULARY_YAML.replace(plain, plain[:-1] + ", ptv: [KR1], lahella: [Aikuiset], "
                                       "yso: 'yso:p5590'}")
    tables = export(tmp_path, ACTIVITY.replace("        schedule:\n", "        audiences: "
                                               "[aikuiset]\n"), files={"vocabulary.yaml": extended})
    taxonomies = {t["id"]: t for t in tables["taxonomy"]}
    by_taxonomy = {taxonomies[t["taxonomy_id"]]["name"]: t for t in tables["taxonomy_term"]
                   if t["code"] != "aikuiset" and t["code"] != "ryhma"}
    assert by_taxonomy["Palvelutietovarannon kohderyhmät"]["term_uri"] == \
        "http://uri.suomi.fi/codelist/ptv/ptvkohderyhmat/code/KR1"
    assert by_taxonomy["Lähellä.fi"]["code"] == "Aikuiset"
    assert by_taxonomy["YSO – Yleinen suomalainen ontologia"]["term_uri"] == YSO_BASE + "p5590"
    links = {a["taxonomy_term_id"] for a in tables["attribute"] if a["link_type"] == "audience"}
    assert links == {t["id"] for t in tables["taxonomy_term"] if t["name"] == "Aikuiset"}


# -- round trip: the official packages imported, built and exported again ----------------------

@pytest.mark.parametrize("source", ["hsds-3.0-example", "hsds-1.1-example-city"])
def test_an_imported_package_builds_and_exports_valid_hsds(tmp_path, source):
    """Issue 8's round trip: import (hyteguide import hsds), build, and every record of the
    export validates; each imported organisation and activity is in it."""
    from hyteguide.build.pipeline import build
    from hyteguide.content.load import load_content
    from tests.importers.test_hsds_import import FIXTURES as IMPORT_FIXTURES
    from tests.importers.test_hsds_import import guide, run

    content = guide(tmp_path)
    site_yaml = content / "site.yaml"  # keep old entries listed: the 3.0 example is from 2005
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace(
        "hide_after_months: 24\n", ""), encoding="utf-8")
    assert run(IMPORT_FIXTURES / source, content).ok
    output = tmp_path / "site"
    build(content, TEMPLATES, output, today=TODAY, base_url="https://example.org/guide/")
    imported = load_content(content, TODAY)
    folder = output / hsds.FOLDER
    found = []
    for name, (table, _) in hsds.JSON_FILES.items():
        records = json.loads((folder / name).read_bytes())
        found += [f"{name}: {p}" for record in records for p in problems(record, table)]
    for table, (file, _) in hsds.TABLES.items():
        fields = {f["name"]: f for f in official_fields(table)}
        _, rows = csv_rows((folder / file).read_bytes())
        for row in rows:
            record = {k: typed(v, fields[k]["type"]) for k, v in row.items() if v != ""}
            found += [f"{file}: {p}" for p in problems(record, table)]
    assert not found, "\n".join(found[:20])
    _, organisations = csv_rows((folder / hsds.TABLES["organization"][0]).read_bytes())
    _, services = csv_rows((folder / hsds.TABLES["service"][0]).read_bytes())
    assert len(organisations) == len(imported.organisations) > 0
    assert len(services) == sum(len(o.activities) for o in imported.organisations) > 0
    assert {o["name"] for o in organisations} == {o.name.default for o in imported.organisations}


@pytest.mark.parametrize("items", [[], [{}], [{"a": "ä\n\"</script>", "b": [1, 2.5, None]}],
                                   [{"x": "\u2028"}, "s", 3, [[]]]])
def test_a_list_made_an_item_at_a_time_is_the_same_json(items):
    from hyteguide.opendata.hsds import dumps, dumps_list
    assert dumps_list(iter(items)) == dumps(items)
