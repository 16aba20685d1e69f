"""`hyteguide import hsds` leaks no contact person (issue 19, point 9): an address that names
the dropped contact person, and that person's phone, are left out and reported; role and
shared addresses stay."""

from __future__ import annotations

import json

import pytest

from hyteguide.content.load import load_content
from hyteguide.importers.hsds.personal import is_mobile, looks_personal, names_person
from tests.conftest import TODAY
from tests.importers.test_hsds_import import csv_text, guide, notes, record, run, small


@pytest.mark.parametrize(("email", "name"), [
    ("jsmith@consulate-example.org", "John Smith"),  # first initial and surname (CEO)
    ("john.smith@example.org", "John Smith"),
    ("smith.john@example.org", "John Smith"),
    ("johnsmith@example.org", "John Smith"),
    ("smithj@example.org", "John Smith"),
    ("smith@example.org", "John Smith"),
    ("john@example.org", "John Smith"),
    ("j.smith+board@example.org", "John Smith"),
    ("matti.meikalainen@yhdistys.fi", "Matti Meikäläinen"),  # ä → a
    ("mmeikalainen@yhdistys.fi", "Matti Meikäläinen"),
    ("juha.maekinen@yhdistys.fi", "Juha Mäkinen"),  # ä → ae
    ("anna-liisa.maki-petaja@seura.fi", "Anna-Liisa Mäki-Petäjä"),  # hyphenated
    ("al.makipetaja@seura.fi", "Anna-Liisa Mäki-Petäjä"),
    ("petaja.anna@seura.fi", "Anna-Liisa Mäki-Petäjä"),
    ("sjoberg@forening.fi", "Åsa Sjöberg"),
    ("jdoe@clinic.example.org", "Dr. Jane Doe"),  # a title before the name
    ("jane.doe@clinic.example.org", "Jane Doe, PhD"),
    ("doe.jane@clinic.example.org", "Doe, Jane"),  # surname first
    ("wli@example.org", "Wei Li"),  # a two-letter surname
])
def test_an_address_that_names_the_person_is_recognised(email, name):
    assert names_person(email, name)


@pytest.mark.parametrize(("email", "name"), [
    ("info@example.org", "John Smith"),
    ("toimisto@yhdistys.fi", "Matti Meikäläinen"),
    ("office@clinic.example.org", "Dr. Jane Doe"),
    ("asiakaspalvelu@seura.fi", "Anna-Liisa Mäki-Petäjä"),
    ("ceo@example.org", "John Smith"),
    ("planning@example.org", "Ann Lee"),  # 'ann' inside a word is no name
    ("nuoret@yhdistys.fi", ""),  # no name: nothing to compare
])
def test_role_and_shared_addresses_are_not_a_persons(email, name):
    assert names_person(email, name) is None


def test_what_looks_personal_without_a_name_and_which_phones_are_mobiles():
    assert looks_personal("maija.virtanen@yhdistys.fi")
    assert not looks_personal("info.kerava@yhdistys.fi") and not looks_personal("info@x.fi")
    assert is_mobile("+358 40 123 4567") and is_mobile("050-123 4567")
    assert is_mobile("(305) 555-0100", "cell")
    assert not is_mobile("09 2748 0000") and not is_mobile("+1 305 555 0100", "voice")


CONTACTS = csv_text(["id", "organization_id", "service_id", "name", "title", "email"], [
    ["c1", "o1", "", "John Smith", "CEO", "jsmith@consulate-example.org"],
    ["c2", "", "s1", "Maija Meikäläinen", "Ohjaaja", "toimisto@yhdistys.fi"],
    ["c3", "", "s1", "Anna-Liisa Mäki-Petäjä", "Koordinaattori", "al.makipetaja@seura.fi"],
    ["c4", "", "s1", "", "Vapaaehtoinen", "maija.virtanen@yhdistys.fi"],
])
PHONES = csv_text(["id", "contact_id", "number", "type"], [
    ["p1", "c1", "+1 305 555 0100", "voice"],  # the CEO's: the contact is a named person
    ["p2", "c2", "09 2748 0000", "voice"],  # the office line of a role contact: kept
    ["p3", "c2", "+358 40 123 4567", "voice"],  # a named person's mobile: left out
    ["p4", "c3", "+358 9 123 456", "voice"],
])


def test_a_named_persons_address_and_phones_are_left_out_and_reported(tmp_path, capsys):
    organizations = csv_text(["id", "name", "description", "email"], [
        ["o1", "Keravan Testiyhdistys ry", "Yhdistys testaa.", "john.smith@example.org"]])
    services = csv_text(["id", "organization_id", "name", "description", "email"], [
        ["s1", "o1", "Olohuone", "Avoin kohtaamispaikka.", "a.makipetaja@seura.fi"]])
    source = small(tmp_path, **{"contacts.csv": CONTACTS, "phones.csv": PHONES,
                                "organizations.csv": organizations, "services.csv": services})
    content = guide(tmp_path)
    result = run(source, content, language="fi")
    assert result.ok, result.text()
    written = "".join(p.read_text(encoding="utf-8") for p in content.rglob("*.md"))
    for leaked in ("jsmith", "john.smith", "makipetaja", "555 0100", "40 123 4567", "Smith",
                   "Mäki-Petäjä", "Meikäläinen"):
        assert leaked not in written
    (organisation,) = load_content(content, TODAY).organisations
    assert organisation.email is None and organisation.contacts == ()
    (activity,) = organisation.activities
    assert [(c.role.default, c.email, c.phone) for c in activity.contacts] == [
        ("Ohjaaja", "toimisto@yhdistys.fi", "09 2748 0000"),
        ("Vapaaehtoinen", "maija.virtanen@yhdistys.fi", None)]
    assert record(result, "contact", "c1").status == "not imported"
    assert "names the contact person" in notes(result, "contact", "c1")["email"][1]
    assert notes(result, "contact", "c1")["email"][2] == "personal"
    assert record(result, "phone", "p1").status == "not imported"
    assert "whose address names them" in notes(result, "phone", "p1")["number"][1]
    assert "a mobile number" in notes(result, "phone", "p3")["number"][1]
    assert record(result, "phone", "p2").status == "imported"
    assert record(result, "contact", "c3").status == "not imported"
    assert "names a contact person" in notes(result, "organization", "o1")["email"][1]
    assert "names a contact person" in notes(result, "service", "s1")["email"][1]
    value, why, kind = notes(result, "contact", "c4")["email"]
    assert kind == "warning" and "no name to tell" in why
    report = result.text()
    assert "Left out as personal data (7:" in report
    assert "contacts.csv:2 contact c1: email = 'jsmith@consulate-example.org'" in report
    assert "phones.csv:4 phone p3: number = '+358 40 123 4567'" in report
    data = result.as_json()
    assert len(data["personal"]) == 7
    assert {"source": "phones.csv:2", "table": "phone", "id": "p1", "field": "number",
            "value": "+1 305 555 0100"} in data["personal"]
    json.dumps(data)
