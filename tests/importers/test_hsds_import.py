"""`hyteguide import hsds`: Open Referral HSDS packages → content that checks and builds.

The official HSDS 3.0 example package and the HSDS 1.1 "Example City" package (both CC BY-SA
4.0, copied into tests/fixtures/ with their licence notes) are imported into a content folder
with the example region's site.yaml and vocabulary.yaml, loaded, and built. Small packages
written here test the mapping of schedules, the tolerance of the reader and hostile input.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path
from textwrap import dedent

import pytest
import yaml
from bs4 import BeautifulSoup

from hyteguide import model
from hyteguide.build.pipeline import build
from hyteguide.cli.main import main
from hyteguide.content.load import load_content
from hyteguide.importers.hsds.command import HsdsError, ImportOptions, import_hsds
from hyteguide.importers.hsds.content_files import (
    Block,
    Flow,
    Quoted,
    dump,
    front_matter_file,
    verify,
)
from tests.conftest import CONTENT, TEMPLATES, TODAY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HSDS_30 = FIXTURES / "hsds-3.0-example"
EXAMPLE_CITY = FIXTURES / "hsds-1.1-example-city"
CHOICES = {"municipality": "kerava", "format": "ryhma", "language": "en", "today": TODAY}


def guide(tmp_path: Path) -> Path:
    """A content folder with the example region's site.yaml and vocabulary.yaml only."""
    content = tmp_path / "content"
    content.mkdir()
    for name in ("site.yaml", "vocabulary.yaml"):
        shutil.copy(CONTENT / name, content / name)
    return content


def run(source: Path, content: Path, **options):
    return import_hsds(source, content, ImportOptions(**{**CHOICES, **options}))


def record(result, table: str, record_id: str):
    return next(r for r in result.records if r.table == table and r.id == record_id)


def notes(result, table: str, record_id: str) -> dict[str, tuple[str, str, str]]:
    """field → (value, why, kind) of a record's notes."""
    return {n.field: (n.value, n.why, n.kind) for n in record(result, table, record_id).notes}


def package(tmp_path: Path, tables: dict[str, str], name: str = "package") -> Path:
    """A package folder of CSV files (dedented text), without datapackage.json."""
    folder = tmp_path / name
    folder.mkdir()
    for file, text in tables.items():
        (folder / file).write_text(dedent(text), encoding="utf-8")
    return folder


ORGANIZATIONS = """\
    id,name,description,email,website
    o1,Keravan Testiyhdistys ry,Yhdistys testaa. Toinen lause.,info@example.org,https://example.org
    """
SERVICES = """\
    id,organization_id,name,description,status
    s1,o1,Olohuone,Avoin kohtaamispaikka.,active
    """
LOCATIONS = """\
    id,organization_id,name
    l1,o1,Keravan kirjasto
    """
ADDRESSES = """\
    id,location_id,address_1,city,postal_code,address_type
    a1,l1,Paasikivenkatu 12,Kerava,04200,physical
    """
SAL = """\
    id,service_id,location_id
    sl1,s1,l1
    """
SCHEDULE_HEAD = ("id,service_id,freq,interval,byday,bymonthday,dtstart,valid_from,valid_to,"
                 "until,count,timezone,opens_at,closes_at\n")


def small(tmp_path: Path, schedules: str = "", **more: str) -> Path:
    """One organisation, one service at one place in Kerava, and the schedule rows given."""
    tables = {"organizations.csv": ORGANIZATIONS, "services.csv": SERVICES,
              "locations.csv": LOCATIONS, "addresses.csv": ADDRESSES,
              "service_at_location.csv": SAL, **more}
    if schedules:
        tables["schedules.csv"] = SCHEDULE_HEAD + dedent(schedules)
    return package(tmp_path, tables)


def activity_of(content: Path) -> model.Activity:
    (organisation,) = load_content(content, TODAY).organisations
    return organisation.activities[0]


# -- the official packages --------------------------------------------------------------------

def test_the_official_hsds_30_example_imports_checks_and_builds(tmp_path):
    content = guide(tmp_path)
    result = run(HSDS_30, content)
    assert result.counts == {"organisations": 1, "activities": 1, "places": 1}
    assert result.ok, result.text()
    loaded = load_content(content, TODAY)
    (organisation,) = loaded.organisations
    assert organisation.slug == "example-organization-inc"
    assert organisation.name.get("en") == ("Example Organization Inc.", "en")
    assert organisation.email == "email@example.com"
    assert organisation.municipalities == ("kerava",)
    (activity,) = organisation.activities
    assert activity.title.get("fi") == ("Community Counselling", "en")  # marked as English
    assert activity.place == "mycity-civic-center"
    assert activity.format == "ryhma"
    assert activity.cost.default == "Under 18s and Over 60s: 35 GBP per 1 hour session"
    (contact,) = activity.contacts
    assert (contact.role.default, contact.email, contact.phone, contact.name) == (
        "Reception Manager", "email@example.com", "+44 1234 234567", None)
    (place,) = loaded.places
    assert place.address.default == "1-30 Main Street, MyVillage" and place.coordinates is None
    output = tmp_path / "site"
    report = build(content, TEMPLATES, output, today=TODAY)
    assert "1 organisations, 1 activities, 1 places" in str(report)
    assert (output / "activities/example-organization-inc/community-counselling/index.html"
            ).is_file()


def test_the_30_examples_impossible_schedule_is_reported_not_written(tmp_path):
    """The example's schedule (until and count, a numeric time zone, byweekno, bymonthday with
    WEEKLY) is read without a crash, warned about, and left out: its weeks of the year
    (BYWEEKNO) are read as every week by Thunderbird, and it would never be held anyway."""
    result = run(HSDS_30, guide(tmp_path))
    found = notes(result, "schedule", "48102e86-bb50-41c4-8f1e-e269368c41d1")
    assert found["timezone"][2] == "warning" and "UTC+3" in found["timezone"][1]
    assert "both until and count" in found["count"][1]
    assert "does not allow it with freq WEEKLY" in found["bymonthday"][1]
    assert "BYWEEKNO is not read the same by calendar apps" in found["rrule"][1]
    assert record(result, "schedule", "48102e86-bb50-41c4-8f1e-e269368c41d1").status == \
        "not imported"
    assert activity_of(tmp_path / "content").schedule == ()


def test_the_example_city_11_package_imports_checks_and_builds(tmp_path):
    content = guide(tmp_path)
    result = run(EXAMPLE_CITY, content)
    assert result.counts == {"organisations": 10, "activities": 10, "places": 1}
    assert result.ok, result.text()
    loaded = load_content(content, TODAY)
    assert len(loaded.organisations) == 10 and len(loaded.places) == 1
    assert sum(len(o.activities) for o in loaded.organisations) == 10
    inactive = [r.id for r in result.records if r.table == "service"
                and r.status == "not imported"]
    assert len(inactive) == 3
    output = tmp_path / "site"
    build(content, TEMPLATES, output, today=TODAY)
    page = (output / "activities/sanctuary-example-city/never-homeless-helpline/index.html"
            ).read_text(encoding="utf-8")
    assert "Never Homeless Helpline" in page and "24.–26.12.2019" in page


def test_regular_schedules_become_a_weekly_rule_and_a_holiday_closure_an_exception(tmp_path):
    content = guide(tmp_path)
    run(EXAMPLE_CITY, content)
    organisation = next(o for o in load_content(content, TODAY).organisations
                        if o.slug == "sanctuary-example-city")
    (activity,) = organisation.activities
    (rule,) = activity.schedule
    assert rule.weekly == (0, 1, 2)  # weekday 1 = Monday (HSDS 1.1.1)
    assert rule.times == (model.TimeRange(dt.time(9), dt.time(17)),)
    assert rule.exceptions == (model.DateRange(dt.date(2019, 12, 24), dt.date(2019, 12, 26)),)
    assert activity.place == "sanctuary-on-5th-street"
    assert activity.languages == ("en",)


def test_the_report_says_where_each_record_went_and_what_was_not_mapped(tmp_path, capsys):
    content = guide(tmp_path)
    report = tmp_path / "report.json"
    status = main(["import", "hsds", str(EXAMPLE_CITY), "--content", str(content),
                   "--municipality", "kerava", "--format", "ryhma", "--language", "en",
                   "--report-json", str(report), "--today", TODAY.isoformat()])
    out = capsys.readouterr().out
    assert status == 0
    assert "organizations.csv:2 organization 1899600a-649c-11e6-8b77-86f30ca893d3 → " \
        "content/organisations/sanctuary-example-city.md:2" in out
    assert "not mapped: tax_status = 'nonprofit': hyteguide has no field for it" in out
    assert "not mapped: status = 'inactive': the service is not running" in out
    assert "hyteguide check after the import:\nNo problems found." in out
    data = json.loads(report.read_text(encoding="utf-8"))
    contact = next(r for r in data["records"] if r["table"] == "contact")
    assert contact["targets"] == ["content/organisations/sanctuary-example-city.md:10"]
    assert contact["notes"][0]["field"] == "name" and "basis" in contact["notes"][0]["why"]
    spanish = next(r for r in data["records"] if r["table"] == "language"
                   and r["status"] == "not imported")
    assert spanish["notes"][0]["value"] == "Spanish"
    funding = next(r for r in data["records"] if r["table"] == "funding")
    assert "no counterpart" in funding["notes"][0]["why"]
    assert data["check"]["errors"] == 0 and data["counts"]["organisations"] == 10
    lines = (content / "organisations/sanctuary-example-city.md").read_text().split("\n")
    assert lines[9] == "  - id: never-homeless-helpline"  # the line the report names


# -- files: never replaced unless asked, and deterministic ----------------------------------

def test_existing_files_are_kept_unless_overwrite_is_given(tmp_path):
    content = guide(tmp_path)
    first = run(EXAMPLE_CITY, content)
    assert len(first.files["written"]) == 11 and not first.files["kept"]
    edited = content / "organisations/sanctuary-example-city.md"
    edited.write_text(edited.read_text().replace("Sanctuary assists", "We help"))
    again = run(EXAMPLE_CITY, content)
    assert not again.files["written"] and not again.files["replaced"]
    assert len(again.files["kept"]) == 11
    assert "We help" in edited.read_text()
    assert "(kept the existing file)" in record(again, "organization",
                                                "1899600a-649c-11e6-8b77-86f30ca893d3").located[0]
    replaced = run(EXAMPLE_CITY, content, overwrite=True)
    assert "content/organisations/sanctuary-example-city.md" in replaced.files["replaced"]
    assert "We help" not in edited.read_text()


def test_the_same_package_gives_the_same_bytes(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one, two = guide(tmp_path / "a"), guide(tmp_path / "b")
    run(EXAMPLE_CITY, one)
    run(EXAMPLE_CITY, two)
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)


def test_a_folder_without_site_files_is_refused_unless_new(tmp_path, capsys):
    content = tmp_path / "content"
    with pytest.raises(HsdsError, match="no site.yaml or vocabulary.yaml"):
        run(EXAMPLE_CITY, content)
    assert not content.exists()
    assert main(["import", "hsds", str(EXAMPLE_CITY), "--content", str(content)]) == 1
    assert "pass --new" in capsys.readouterr().err
    result = import_hsds(EXAMPLE_CITY, content, ImportOptions(new=True, language="en",
                                                              today=TODAY))
    assert (content / "site.yaml").is_file() and (content / "vocabulary.yaml").is_file()
    # No municipality for organisations without places: check names each one.
    assert not result.ok
    assert {p.code for p in result.problems} == {"missing-field"}
    assert {p.field for p in result.problems} == {"municipalities"}
    assert len(result.problems) == 9
    fixed = import_hsds(EXAMPLE_CITY, content, ImportOptions(
        overwrite=True, language="en", municipality="new-york-city", format="toiminta",
        today=TODAY))
    assert fixed.ok, fixed.text()
    build(content, TEMPLATES, tmp_path / "site", today=TODAY)


def test_unknown_choices_are_refused_before_anything_is_written(tmp_path):
    content = guide(tmp_path)
    with pytest.raises(HsdsError, match="--municipality helsinki"):
        run(EXAMPLE_CITY, content, municipality="helsinki")
    with pytest.raises(HsdsError, match="--format workshop"):
        run(EXAMPLE_CITY, content, format="workshop")
    with pytest.raises(HsdsError, match="--language de"):
        run(EXAMPLE_CITY, content, language="de")
    assert sorted(p.name for p in content.iterdir()) == ["site.yaml", "vocabulary.yaml"]


def test_without_defaults_check_names_what_the_editor_must_add(tmp_path):
    """No --municipality and no --format: the files are written, and check says exactly what
    is missing (the import does not invent a municipality or a kind of activity)."""
    content = guide(tmp_path)
    result = import_hsds(HSDS_30, content, ImportOptions(language="en", today=TODAY))
    assert not result.ok
    found = {(p.path, p.code, p.field) for p in result.problems if p.severity == "error"}
    assert found == {
        ("content/places/mycity-civic-center.yaml", "unknown-term", "municipality"),
        ("content/organisations/example-organization-inc.md", "missing-field",
         "activities[0].format"),
        ("content/organisations/example-organization-inc.md", "missing-field", "municipalities"),
    }
    assert "pass --format" in notes(result, "service", "ac148810-d857-441c-9679-408f346de14b"
                                    )["format"][1]


# -- mapping ----------------------------------------------------------------------------------

def test_a_place_matches_its_municipality_by_any_label_and_keeps_its_address(tmp_path):
    source = small(tmp_path)
    content = guide(tmp_path)
    result = import_hsds(source, content, ImportOptions(today=TODAY, format="ryhma"))
    assert result.ok, result.text()
    (place,) = load_content(content, TODAY).places
    assert (place.slug, place.municipality, place.postal_code, place.address.default) == (
        "keravan-kirjasto", "kerava", "04200", "Paasikivenkatu 12")
    (organisation,) = load_content(content, TODAY).organisations
    assert organisation.municipalities == ("kerava",)  # from the place of its activity
    assert organisation.summary.default == "Yhdistys testaa."
    assert organisation.body.default.strip() == "Yhdistys testaa. Toinen lause."
    assert organisation.name.get("sv") == ("Keravan Testiyhdistys ry", "fi")


@pytest.mark.parametrize(("row", "expected"), [
    # weekly every other week, counted from dtstart
    ("r,s1,WEEKLY,2,TU,,2026-09-01,,,,,,18:00,19:30",
     {"weekly": (1,), "every": 2, "start": dt.date(2026, 9, 1), "times": ("18:00", "19:30")}),
    # monthly on the 2nd Tuesday and the last Friday; count 5 → the 5th day is `until`
    ("r,s1,MONTHLY,,\"2TU,-1FR\",,2026-09-01,,,,5,,9am,1pm",
     {"monthly": ((2, 1), (-1, 4)), "until": dt.date(2026, 11, 10), "times": ("09:00", "13:00")}),
    # until and count both: the earlier end wins
    ("r,s1,WEEKLY,,MO,,2026-09-07,,,2026-09-14,10,,,",
     {"weekly": (0,), "until": dt.date(2026, 9, 14)}),
    # valid_to before until
    ("r,s1,WEEKLY,,MO,,2026-09-07,,2026-10-01,2026-12-31,,,,",
     {"weekly": (0,), "until": dt.date(2026, 10, 1)}),
    # the 15th of each month
    ("r,s1,MONTHLY,,,15,2026-09-01,,,,,,10:00:00,12:00:00",
     {"monthly": ((15, None),), "times": ("10:00", "12:00")}),
    # the second-to-last Friday has no form of its own: an RFC 5545 rule
    ("r,s1,MONTHLY,,-2FR,,2026-09-01,,,,,,,", {"rrule": "FREQ=MONTHLY;BYDAY=-2FR"}),
    # no freq, one day
    ("r,s1,,,,,2026-12-03,,,,,,17:00,19:00", {"dates": (dt.date(2026, 12, 3),)}),
    # a numeric time zone is reported, the times stay as written
    ("r,s1,WEEKLY,,FR,,,,,,,+3,10:00,12:00", {"weekly": (4,), "times": ("10:00", "12:00")}),
])
def test_schedule_rows_become_the_schedule_forms(tmp_path, row, expected):
    content = guide(tmp_path)
    result = run(small(tmp_path, row + "\n"), content, language="fi")
    assert result.ok, result.text()
    (rule,) = activity_of(content).schedule
    for name, value in expected.items():
        if name == "times":
            assert [(t.start.strftime("%H:%M"), t.end.strftime("%H:%M")) for t in rule.times] \
                == [value]
        elif name == "monthly":
            assert tuple((m.ordinal, m.weekday) for m in rule.monthly) == value
        else:
            assert getattr(rule, name) == value


def test_counting_weeks_from_dtstart_survives_a_later_valid_from(tmp_path):
    """Every other week from dtstart, valid only from a later day: `from` stays dtstart (so
    the same weeks are held) and the days before valid_from are excepted."""
    content = guide(tmp_path)
    run(small(tmp_path, "r,s1,WEEKLY,2,TU,,2026-09-01,2026-09-10,,,,,,\n"), content)
    (rule,) = activity_of(content).schedule
    assert rule.start == dt.date(2026, 9, 1) and rule.every == 2
    assert rule.exceptions == (model.DateRange(dt.date(2026, 9, 1), dt.date(2026, 9, 9)),)


def test_tolerance_warnings_never_crashes(tmp_path):
    """Unknown columns and tables, until with count, numeric time zones, bad dates and times,
    missing optional tables: warnings and notes, never an exception."""
    source = package(tmp_path, {
        "organizations.csv": "id,name,description,favourite_colour\no1,Yhdistys ry,Kuvaus.,red\n",
        "services.csv": SERVICES,
        "schedules.csv": SCHEDULE_HEAD + dedent("""\
            r1,s1,WEEKLY,,TU,,2026-13-01,,,2026-12-01,4,3,10:00,12:00
            r2,s1,WEEKLY,x,TU,,,,,,,UTC+02:00,25:00,12:00
            r3,s1,FORTNIGHTLY,,,,,,,,,,,
            r4,s1,,,,,,,,,,,,
            r5,s1,WEEKLY,,"TU,XX",,2026-09-01,,,,,Europe/Stockholm,10:00Z,11:00Z
            """),
        "whatever.csv": "a,b\n1,2\n",
    })
    content = guide(tmp_path)
    result = run(source, content)
    warnings = {w.message for w in result.warnings}
    assert "unknown column(s) ignored: 'favourite_colour'" in warnings
    assert "not a table hyteguide knows: ignored" in warnings
    assert any(m.startswith("no location table") for m in warnings)
    assert any(m.startswith("no datapackage.json") for m in warnings)
    r1 = notes(result, "schedule", "r1")
    assert r1["dtstart"][0] == "2026-13-01" and r1["timezone"][2] == "warning"
    assert "count without dtstart" in r1["count"][1]
    r2 = notes(result, "schedule", "r2")
    assert "which weeks or months is unknown" in r2["interval"][1]
    assert notes(result, "schedule", "r3")["freq"][0] == "FORTNIGHTLY"
    assert "in words only" in notes(result, "schedule", "r4")["freq"][1]
    r5 = notes(result, "schedule", "r5")
    assert r5["byday"][0] == "XX" and "offset Z" in r5["opens_at"][1]
    assert r5["timezone"][0] == "Europe/Stockholm"
    (rule,) = activity_of(content).schedule  # only r5 could be mapped
    assert rule.weekly == (1,) and rule.times == (model.TimeRange(dt.time(10), dt.time(11)),)
    assert result.ok, result.text()


def test_reader_warnings_for_odd_files(tmp_path):
    source = package(tmp_path, {
        "organizations.csv": "id,name,description,name\n"
                             "o1,Yhdistys ry,Kuvaus.,x,extra\n"
                             "o1,Toinen ry,Kuvaus.,y\n"
                             ",Nimetön ry,Kuvaus.,z\n",
        "datapackage.json": '{"resources": [{"name": "organization", "path": "../../etc/x.csv"},'
                            ' {"name": "service", "path": "https://example.org/s.csv"},'
                            ' {"name": "secret_table", "path": "organizations.csv"}]}',
    })
    (source / "services.csv").write_bytes(SERVICES.replace("    ", "").encode("utf-8")
                                          .replace(b"Olohuone", b"Olohuone \xff"))
    result = run(source, guide(tmp_path))
    messages = [f"{w.where}: {w.message}" for w in result.warnings]
    assert any("column 'name' appears twice" in m for m in messages)
    assert any("1 value(s) more than the header" in m for m in messages)
    assert any("organizations.csv:3: the organization id 'o1' is used again" in m
               for m in messages)
    assert any("organizations.csv:4: a organization record without an id" in m
               for m in messages)
    assert any("'../../etc/x.csv' is outside the package" in m for m in messages)
    assert any("is not fetched" in m for m in messages)
    assert any("'secret_table' is not an HSDS table" in m for m in messages)
    assert any(m.startswith("services.csv: not UTF-8") for m in messages)
    assert result.counts["organisations"] == 2


def test_a_package_without_organisations_is_an_error(tmp_path):
    content = guide(tmp_path)
    with pytest.raises(HsdsError, match="no organizations table"):
        run(package(tmp_path, {"services.csv": SERVICES}), content)
    with pytest.raises(HsdsError, match="not a folder"):
        run(tmp_path / "nowhere", content)


def test_holiday_hours_and_location_hours_in_the_old_form(tmp_path):
    """HSDS 1.x: a holiday with other hours replaces the regular hours on those days; regular
    hours of a location without a service become the place's opening hours."""
    source = package(tmp_path, {
        "organizations.csv": ORGANIZATIONS, "services.csv": SERVICES,
        "locations.csv": LOCATIONS, "services_at_location.csv": SAL,
        "physical_addresses.csv": "id,location_id,address_1,city,postal_code\n"
                                  "a1,l1,Paasikivenkatu 12,Kervo,04200\n",
        "regular_schedules.csv": "id,service_id,location_id,weekday,opens_at,closes_at\n"
                                 "r1,s1,,Tuesday,10:00,14:00\nr2,s1,,4,10:00,14:00\n"
                                 "r3,,l1,1,09:00,20:00\nr4,,l1,9,09:00,20:00\n",
        "holiday_schedules.csv": "id,service_id,closed,opens_at,closes_at,start_date,end_date\n"
                                 "h1,s1,false,10:00,12:00,2026-12-01,2026-12-31\n"
                                 "h2,s1,TRUE,,,2026-10-20,\n",
    })
    content = guide(tmp_path)
    result = run(source, content)
    assert result.ok, result.text()
    regular, holiday = activity_of(content).schedule
    assert regular.weekly == (1, 3)
    assert regular.exceptions == (model.DateRange(dt.date(2026, 10, 20), dt.date(2026, 10, 20)),
                                  model.DateRange(dt.date(2026, 12, 1), dt.date(2026, 12, 31)))
    assert (holiday.weekly, holiday.start, holiday.until) == (
        (1, 3), dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert holiday.times == (model.TimeRange(dt.time(10), dt.time(12)),)
    (place,) = load_content(content, TODAY).places
    (hours,) = place.opening_hours
    assert hours.days == (0,) and hours.time == model.TimeRange(dt.time(9), dt.time(20))
    assert "not a weekday" in notes(result, "regular_schedule", "r4")["weekday"][1]


def test_a_service_at_two_places_becomes_two_activities(tmp_path):
    source = small(tmp_path, "r,s1,WEEKLY,,MO,,,,,,,,10:00,11:00\n", **{
        "locations.csv": LOCATIONS + "    l2,o1,Tuusulan kirjasto\n    l3,o1,Verkossa\n",
        "addresses.csv": ADDRESSES + "    a2,l2,Hyryläntie 1,Tuusula,04300,physical\n",
        "service_at_location.csv": SAL + "    sl2,s1,l2\n",
    })
    (source / "schedules.csv").write_text(
        "id,service_at_location_id,freq,byday,opens_at,closes_at\n"
        "r1,sl2,WEEKLY,WE,12:00,13:00\n", encoding="utf-8")
    content = guide(tmp_path)
    result = run(source, content)
    assert result.ok, result.text()
    (organisation,) = load_content(content, TODAY).organisations
    assert organisation.municipalities == ("kerava", "tuusula")
    by_id = {a.id: a for a in organisation.activities}
    assert sorted(by_id) == ["olohuone-keravan-kirjasto", "olohuone-tuusulan-kirjasto"]
    assert by_id["olohuone-keravan-kirjasto"].schedule == ()
    assert by_id["olohuone-tuusulan-kirjasto"].schedule[0].weekly == (2,)


def test_a_virtual_location_gives_the_online_address(tmp_path):
    source = small(tmp_path, **{
        "locations.csv": "id,location_type,url,name\nl1,virtual,https://meet.example.org/x,Net\n",
        "addresses.csv": "id,location_id,address_1\n",
    })
    content = guide(tmp_path)
    run(source, content)
    activity = activity_of(content)
    assert (activity.online, activity.place) == ("https://meet.example.org/x", None)


def test_a_web_address_without_https_is_imported_with_it_and_reported(tmp_path):
    """749 of 983 directory addresses were written 'www.example.org': imported with https://
    added, and each said in the report as a warning, never dropped silently (issue 19)."""
    organisations = ORGANIZATIONS.replace("https://example.org", "www.example.org")
    source = small(tmp_path, **{"organizations.csv": organisations})
    content = guide(tmp_path)
    result = run(source, content)
    (organisation,) = load_content(content, TODAY).organisations
    assert organisation.website == "https://www.example.org"
    value, why, kind = notes(result, "organization", "o1")["website"]
    assert (value, kind) == ("www.example.org", "warning")
    assert "read as https://www.example.org" in why
    [written] = [p for p in content.rglob("*") if p.is_file() and
                 "www.example.org" in p.read_text(encoding="utf-8")]
    assert "website: https://www.example.org" in written.read_text(encoding="utf-8")


@pytest.mark.parametrize(("identifier", "business_id"), [
    ("FI-PRO,Y-tunnus,1234567-1", "1234567-1"),
    ("FI-PRO,Y-tunnus,1234567-2", None),  # a wrong check digit
    ("GB-COH,Company number,1234567-1", None),
])
def test_business_id_from_a_finnish_identifier_only(tmp_path, identifier, business_id):
    source = small(tmp_path, **{"organization_identifiers.csv":
                                "id,organization_id,identifier_scheme,identifier_type,"
                                f"identifier\ni1,o1,{identifier}\n"})
    content = guide(tmp_path)
    result = run(source, content)
    (organisation,) = load_content(content, TODAY).organisations
    assert organisation.business_id == business_id
    if business_id is None:
        assert record(result, "organization_identifier", "i1").status == "not imported"


def test_costs_languages_contacts_and_taxonomy(tmp_path):
    source = small(tmp_path, **{
        "cost_options.csv": "id,service_id,option,amount,currency\nc1,s1,,0,EUR\n",
        "languages.csv": "id,service_id,name,code\nk1,s1,Swedish,swe\nk2,s1,Klingon,tlh\n",
        "contacts.csv": "id,service_id,name,title,email\nc1,s1,Maija Meikäläinen,Ohjaaja,"
                        "ohjaaja@example.org\nc2,s1,,,not-an-email\n",
        "phones.csv": "id,contact_id,service_id,number,type\np1,c1,,\"\"\"+358 40 123 4567\"\"\","
                      "voice\np2,,s1,+358 9 000,fax\n",
        "taxonomy_terms.csv": "id,name\nt1,Vertaistuki\nt2,Kohtaamispaikka\nt3,Unknown\n",
        "attributes.csv": "id,link_id,taxonomy_term_id\nx1,s1,t1\nx2,s1,t2\nx3,s1,t3\n",
    })
    content = guide(tmp_path)
    result = import_hsds(source, content, ImportOptions(today=TODAY))  # no --format needed
    assert result.ok, result.text()
    activity = activity_of(content)
    assert activity.cost == "free"
    assert activity.languages == ("sv",)
    assert (activity.format, activity.themes) == ("kohtaamispaikka", ("vertaistuki",))
    (contact,) = activity.contacts
    assert (contact.role.default, contact.email, contact.phone, contact.name) == (
        "Ohjaaja", "ohjaaja@example.org", None, None)  # a named person's mobile: left out
    assert "basis" in notes(result, "contact", "c1")["name"][1]
    assert notes(result, "phone", "p1")["number"][2] == "personal"
    assert record(result, "contact", "c2").status == "not imported"
    assert "not a number to call" in notes(result, "phone", "p2")["type"][1]
    assert notes(result, "language", "k2")["language"][0] == "tlh / Klingon"
    assert "matches no format" in notes(result, "attribute", "x3")["taxonomy"][1]


# -- hostile input ----------------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>Nimi",
    "no",
    "12:00",
    "2026-01-01",
    "- lista",
    "avain: arvo",
    "#kommentti",
    "&ankkuri *alias !!python/object:os.system",
    "---",
    '"lainaus\' ja \\ kenoviiva',
    "{{ 7*7 }} {% raw %}",
    "rivin\u2028vaihto\x85ja\x00NUL\x1b[31m\ufeffBOM\u202eRLO",
]
HOSTILE_BODY = ("Alku.\n---\nmalicious: true\n...\n<img src=x onerror=alert(1)>\n"
                "[klikkaa](javascript:alert(1)) <a href=\"javascript:alert(2)\">a</a>\n"
                "# otsikko\n<style>body{display:none}</style><script>alert(3)</script>\n"
                "<!-- kommentti --> &lt;script&gt;alert(4)&lt;/script&gt; <https://evil.example>")


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO(newline="")
    csv.writer(out).writerows([header, *rows])
    return out.getvalue()


def test_hostile_text_cannot_break_the_files_or_become_script(tmp_path):
    source = tmp_path / "package"
    source.mkdir()
    (source / "organizations.csv").write_text(csv_text(
        ["id", "name", "description"],
        [[f"o{n}", text, HOSTILE_BODY] for n, text in enumerate(HOSTILE)]), encoding="utf-8")
    (source / "services.csv").write_text(csv_text(
        ["id", "organization_id", "name", "description", "application_process"],
        [[f"s{n}", f"o{n}", text, HOSTILE_BODY, text] for n, text in enumerate(HOSTILE)]),
        encoding="utf-8")
    content = guide(tmp_path)
    result = run(source, content)
    assert result.counts["organisations"] == len(HOSTILE)
    assert result.ok, result.text()
    loaded = load_content(content, TODAY)
    names = {o.name.default for o in loaded.organisations}
    assert "Nimi" in names and "no" in names and "12:00" in names and "---" in names
    assert "rivin\nvaihto\nja" not in names and any(n.startswith("rivin") for n in names)
    assert not any("<" in n or "\x00" in n or "\u202e" in n for n in names)
    body = loaded.organisations[0].body.default
    assert "\\[klikkaa\\](javascript:alert(1)) a\n\\# otsikko" in body  # shown as written
    assert "&lt;script>alert(4)&lt;/script>" in body  # entities decoded once, then escaped
    for path in (content / "organisations").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert "<script" not in text and "<img" not in text and "<style" not in text
        assert "\nmalicious: true" not in text  # the description stays inside its block
        front, _, _ = text[4:].partition("\n---\n")
        assert yaml.safe_load(front)["municipalities"] == ["kerava"]
    output = tmp_path / "site"
    build(content, TEMPLATES, output, today=TODAY)
    pages = sorted(output.glob("**/organisations/*/index.html")) + sorted(
        output.glob("**/activities/*/*/index.html"))
    assert len(pages) == 2 * 3 * len(HOSTILE)
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if "/organisations/" in page.as_posix():
            assert "<script>alert(4)</script>" in soup.get_text()  # as text, not as markup
        for tag in soup.find_all(True):
            assert tag.name not in ("iframe", "object", "embed", "base"), tag
            own_qr = (tag.name == "img" and tag.get("class") == ["qr__code"]  # qr.py's
                      and re.fullmatch(r"data:image/png;base64,[A-Za-z0-9+/]+=*", tag["src"]))
            assert tag.name != "img" or tag["src"].endswith("assets/favicon.svg") or own_qr, tag
            assert not any(name.startswith("on") for name in tag.attrs), tag
            for name in ("href", "src", "action") if not own_qr else ():
                assert not str(tag.get(name, "")).strip().lower().startswith(
                    ("javascript:", "data:")), tag
            assert "evil.example" not in str(tag.get("href", "")), tag
            if tag.name in ("script", "style"):
                assert "alert" not in tag.text and "display:none" not in tag.text, tag


# -- the YAML writer --------------------------------------------------------------------------

RETYPED = ["no", "yes", "on", "null", "~", "y", "N", "kyllä", "ei", "12:00", "1:30:00",
           "2026-01-01", "1.5e3", "0x1f",
           "- x", "a: b", "a #b", "#a", "@a", "`a", "!a", "&a", "*a", "|a", ">a", "%a", "'a",
           '"a', "[a]", "{a}", "?a", ": a", " a", "a ", "", "a\nb", "tab\there", "nbsp\u00a0x",
           "\u2028", "---", "..."]


@pytest.mark.parametrize("text", RETYPED)
def test_texts_yaml_would_retype_are_quoted_and_read_back(text):
    data = {"value": text, "list": Flow([text, "a,b"])}
    written = dump(data)
    assert written.startswith('value: "'), written
    assert "a,b]" not in written  # a comma would split a [flow, list] item: block list
    verify("x.yaml", written, data)


def test_writer_forms_read_back_exactly():
    data = {"name": {"en": "Name"}, "phone": Quoted("+358 40 1"), "days": Flow(["mon", "tue"]),
            "date": dt.date(2026, 1, 2), "every": 2, "flag": True, "coordinates":
            Flow([60.4, 25.1]), "empty": {}, "list": [{"from": dt.date(2026, 1, 1),
                                                       "until": dt.date(2026, 1, 2)}],
            "text": Block("one\n\n---\n- two\n..."), "skipped": None}
    written = front_matter_file(data, "Body\n---\nmore")
    verify("x.md", written, data, "Body\n---\nmore", markdown=True)
    assert 'phone: "+358 40 1"\n' in written and "days: [mon, tue]\n" in written
    assert "date: 2026-01-02\n" in written and "coordinates: [60.4, 25.1]\n" in written
    assert "skipped" not in written
