"""`hyteguide import hsds` on the shapes of a real HSDS 1.x directory (issue 19, points 11 and
12): office hours stay on the place, languages repeated by id and outside the vocabulary, summaries
cut at a real sentence end, a reason for every row not imported, hints in the region's own terms."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from hyteguide import model
from hyteguide.content.load import load_content
from hyteguide.importers.hsds.command import ImportOptions, import_hsds
from hyteguide.importers.hsds.text import first_sentence
from tests.conftest import TODAY
from tests.importers.test_hsds_import import (
    EXAMPLE_CITY,
    csv_text,
    guide,
    notes,
    package,
    record,
    run,
)

SCHEDULE_TABLES = ("schedule", "regular_schedule", "holiday_schedule")


def directory(tmp_path, **tables: str):
    """A 1.x directory: a consulate (office hours) and an association's weekly group."""
    base = {
        "organizations.csv": csv_text(["id", "name", "description"], [
            ["o1", "Consulate of Example", "Passports and visas. Jr. staff welcome you."],
            ["o2", "Keravan Mielenterveysyhdistys ry", "Vertaistukea esim. ryhmissä. Tule!"]]),
        "services.csv": csv_text(["id", "organization_id", "name", "description"], [
            ["s1", "o1", "Passport services", "Passport renewal, e.g. for adults. Bring ID."],
            ["s2", "o2", "Vertaisryhmä", "Ryhmä kokoontuu mm. torstaisin. Tervetuloa."]]),
        "locations.csv": csv_text(["id", "organization_id", "name"], [
            ["l1", "o1", "Consulate office"], ["l2", "o2", "Keravan kirjasto"],
            ["l3", "o1", "Old office"]]),
        "physical_addresses.csv": csv_text(["id", "location_id", "address_1", "city",
                                            "postal_code"], [
            ["a1", "l1", "Kauppakaari 1", "Kerava", "04200"],
            ["a2", "l2", "Paasikivenkatu 12", "Kerava", "04200"]]),
        "services_at_location.csv": csv_text(["id", "service_id", "location_id"], [
            ["sl1", "s1", "l1"], ["sl2", "s2", "l2"]]),
    }
    return package(tmp_path, {**base, **tables})


REGULAR = ["id", "service_id", "location_id", "service_at_location_id", "weekday", "opens_at",
           "closes_at"]


def test_office_hours_of_a_location_stay_on_the_place_not_in_today(tmp_path):
    """Rows with a location_id and no service_at_location_id are the location's hours (even
    with the service_id beside them): the place's opening_hours, never the activity's times;
    rows of a service at a location (service_at_location_id) are the activity's sessions."""
    regular = [[f"r{d}", "s1", "l1", "", str(d), "09:00", "16:00"] for d in range(1, 6)]
    regular += [["g1", "", "", "sl2", "4", "18:00", "19:30"],  # the group's own session
                ["x1", "", "l3", "", "1", "10:00", "12:00"]]  # a location that is no place
    source = directory(tmp_path, **{
        "regular_schedules.csv": csv_text(REGULAR, regular),
        "holiday_schedules.csv": csv_text(
            ["id", "location_id", "closed", "start_date", "end_date"],
            [["h1", "l1", "true", "2026-12-24", "2026-12-26"]])})
    content = guide(tmp_path)
    result = run(source, content, language="en")
    assert result.ok, result.text()
    loaded = load_content(content, TODAY)
    consulate = next(o for o in loaded.organisations if o.slug == "consulate-of-example")
    assert consulate.activities[0].schedule == ()  # nothing in "Today"
    office = next(p for p in loaded.places if p.slug == "consulate-office")
    (hours,) = office.opening_hours
    assert hours.days == (0, 1, 2, 3, 4)
    assert hours.time == model.TimeRange(dt.time(9), dt.time(16))
    group = next(o for o in loaded.organisations if o.slug != "consulate-of-example")
    (rule,) = group.activities[0].schedule
    assert rule.weekly == (3,) and rule.times == (model.TimeRange(dt.time(18),
                                                                 dt.time(19, 30)),)
    assert record(result, "regular_schedule", "r3").located[0].endswith("consulate-office.yaml:1")
    assert "no exceptions" in notes(result, "holiday_schedule", "h1")["start_date"][1]
    assert "no imported place" in notes(result, "regular_schedule", "x1")["location_id"][1]


def test_a_services_rows_at_a_location_do_not_replace_its_own_hours(tmp_path):
    rows = [["own", "", "l1", "", "1", "09:00", "16:00"],
            ["svc", "s1", "l1", "", "1", "10:00", "12:00"]]
    content = guide(tmp_path)
    result = run(directory(tmp_path, **{"regular_schedules.csv": csv_text(REGULAR, rows)}),
                 content, language="en")
    office = next(p for p in load_content(content, TODAY).places if p.slug == "consulate-office")
    assert [(h.days, h.time.start) for h in office.opening_hours] == [((0,), dt.time(9))]
    assert "other opening hours already" in notes(result, "regular_schedule",
                                                  "svc")["location_id"][1]


def test_every_schedule_row_not_imported_says_why(tmp_path):
    """1,424 rows said 'not imported' and nothing else: each row of a group that was not
    imported names the field and what was wrong (its own, or its group's first row's)."""
    regular = [[f"n{d}", "", "l3", "", str(d), "09:00", "17:00"] for d in range(1, 4)]
    regular += [["b1", "", "", "sl2", "8", "10:00", "11:00"],
                ["b2", "s9", "", "", "2", "10:00", "11:00"],
                ["b3", "", "", "sl2", "2", "", ""]]
    source = directory(tmp_path, **{"regular_schedules.csv": csv_text(REGULAR, regular)})
    result = run(source, guide(tmp_path), language="en")
    failed = [r for r in result.records if r.table in SCHEDULE_TABLES
              and r.status == "not imported"]
    assert {r.id for r in failed} >= {"n1", "n2", "n3", "b1", "b2"}
    for found in failed:
        assert any(n.kind == "not mapped" and n.why for n in found.notes), found
    why = notes(result, "regular_schedule", "n2")["(record)"][1]
    assert "read together with regular_schedules.csv:2" in why and "no imported place" in why
    assert "not a weekday" in notes(result, "regular_schedule", "b1")["weekday"][1]
    assert "links to no imported service" in notes(result, "regular_schedule",
                                                    "b2")["service_id"][1]


def test_languages_repeated_by_id_are_all_kept(tmp_path):
    """A real export gave each service's language rows the service's id: 5,275 of 9,364 rows
    were dropped as repeated ids. Nothing links to a language id, so every row is read."""
    languages = csv_text(["id", "service_id", "language"], [
        ["s2", "s2", "Finnish"], ["s2", "s2", "Swedish"], ["s2", "s2", "Russian"],
        ["s2", "s2", "Arabic"]])
    content = guide(tmp_path)
    result = run(directory(tmp_path, **{"languages.csv": languages}), content, language="en")
    group = next(o for o in load_content(content, TODAY).organisations if o.slug != "consulate-"
                 "of-example")
    assert group.activities[0].languages == ("fi", "sv", "ru", "ar")
    (warning,) = [w for w in result.warnings if "repeat an id" in w.message]
    assert warning.message.startswith("3 language record(s)")


def test_languages_outside_the_vocabulary_go_into_the_new_vocabulary(tmp_path):
    languages = csv_text(["id", "service_id", "language"], [
        ["k1", "s1", "Spanish"], ["k2", "s1", "Haitian Creole"], ["k3", "s1", "spa"],
        ["k4", "s1", "Tok Pisin"], ["k5", "s2", "suomi"]])
    content = tmp_path / "new"
    result = import_hsds(directory(tmp_path, **{"languages.csv": languages}), content,
                         ImportOptions(new=True, language="en", today=TODAY))
    vocabulary = yaml.safe_load((content / "vocabulary.yaml").read_text(encoding="utf-8"))
    assert vocabulary["languages"]["es"] == {"fi": "espanja", "sv": "spanska", "en": "Spanish"}
    assert vocabulary["languages"]["ht"]["en"] == "Haitian Creole"
    assert vocabulary["languages"]["tok-pisin"] == "Tok Pisin"  # unknown here: as written
    consulate = next(o for o in load_content(content, TODAY).organisations
                     if o.slug == "consulate-of-example")
    assert consulate.activities[0].languages == ("es", "ht", "tok-pisin")
    assert all(r.status == "imported" for r in result.records if r.table == "language")


def test_a_language_missing_from_an_existing_vocabulary_says_what_to_add(tmp_path):
    languages = csv_text(["id", "service_id", "language"], [["k1", "s1", "Spanish"]])
    result = run(directory(tmp_path, **{"languages.csv": languages}), guide(tmp_path),
                 language="en")
    value, why, _ = notes(result, "language", "k1")["language"]
    assert value == "Spanish" and "es: {fi: espanja, sv: spanska, en: Spanish}" in why


@pytest.mark.parametrize(("text", "summary"), [
    ("Martin Luther King Jr. Center offers free tax help. Call us.",
     "Martin Luther King Jr. Center offers free tax help."),
    ("Dr. Smith sees walk-in patients. Bring ID.", "Dr. Smith sees walk-in patients."),
    ("Services for youth, e.g. tutoring and meals. Open daily.",
     "Services for youth, e.g. tutoring and meals."),
    ("Contact J. Smith for details. Thanks.", "Contact J. Smith for details."),
    ("Kerho kokoontuu esim. kirjastossa. Tervetuloa!", "Kerho kokoontuu esim. kirjastossa."),
    ("Ns. vertaisryhmä kokoontuu mm. torstaisin. Lisätietoja.",
     "Ns. vertaisryhmä kokoontuu mm. torstaisin."),
    ("Keravan Mielenterveysyhdistys ry. järjestää ryhmiä. Tule!",
     "Keravan Mielenterveysyhdistys ry. järjestää ryhmiä."),
    ("Ryhmä alkaa 1.9. klo 18. Tervetuloa mukaan!", "Ryhmä alkaa 1.9. klo 18."),
    ("Avoinna klo. 10–14 arkisin. Tervetuloa.", "Avoinna klo. 10–14 arkisin."),
    ("Vi träffas t.ex. på biblioteket. Välkommen!", "Vi träffas t.ex. på biblioteket."),
    ("Tule mukaan! Ryhmä on maksuton.", "Tule mukaan!"),
])
def test_a_summary_is_cut_at_a_real_sentence_end(text, summary):
    assert first_sentence(text) == summary


def test_hints_name_the_importing_regions_own_terms(tmp_path):
    """An import into a region without the example's terms: check's hints for a missing term
    name this region's terms, never the example region's kerava or kohtaamispaikka."""
    content = tmp_path / "content"
    result = import_hsds(EXAMPLE_CITY, content, ImportOptions(new=True, language="en",
                                                              today=TODAY))
    hints = [p.hint for p in result.problems]
    assert hints and all("kerava" not in h and "jarvenpaa" not in h for h in hints)
    assert "add 'municipalities: [new-york-city]'" in hints[0]
    assert "kerava" not in result.text() and "kohtaamispaikka" not in result.text()


def test_a_services_own_web_address_becomes_the_activitys_website(tmp_path):
    """Issue 19, point 5: 3,902 of 4,000 services' links could only go into the description.
    A service's `url` is the activity's `website`; a bare host gets https:// and a warning."""
    services = csv_text(["id", "organization_id", "name", "description", "url"], [
        ["s1", "o1", "Passport services", "Passport renewal. Bring ID.",
         "https://consulate.example.org/passports"],
        ["s2", "o2", "Vertaisryhmä", "Ryhmä kokoontuu torstaisin.", "www.kmy.example.org/ryhma"]])
    content = guide(tmp_path)
    result = run(directory(tmp_path, **{"services.csv": services}), content, language="en")
    sites = {a.title.default: a.website for o in load_content(content, TODAY).organisations
             for a in o.activities}
    assert sites == {"Passport services": "https://consulate.example.org/passports",
                     "Vertaisryhmä": "https://www.kmy.example.org/ryhma"}
    (value, _, kind) = notes(result, "service", "s2")["url"]
    assert (value, kind) == ("www.kmy.example.org/ryhma", "warning")
