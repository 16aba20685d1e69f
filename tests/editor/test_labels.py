"""hyteguide/editor/labels/<lang>.yaml: every field of the schema has a label in fi, sv and en.

The form editor shows each field with its label and hint. A field added to the schema without
a label, or a label left over from a removed field, fails here, named (as the export test forces
a new field's export). The rest holds the files to the site's words and to each other: the same
concept has the site's word (templates/i18n), a hint in one language has its translations, and
the hints that point at another field (a name needs a basis) name it by its label.
"""

from __future__ import annotations

import dataclasses
import tomllib
from typing import Any

import pytest
import yaml

from hyteguide.content.fields import Date
from hyteguide.content.records import Field
from hyteguide.editor import labels as labelling
from hyteguide.editor.labels import LABELLED_RECORDS, gaps, labels
from tests.conftest import REPO, TEMPLATES

LANGUAGES = ("fi", "sv", "en")
LABELS = REPO / "hyteguide" / "editor" / "labels"

# The editor's label and the site's word for the same concept (templates/i18n/<lang>.yaml).
SITE_WORDS = {
    ("collections", "organisations", "label"): ("nav", "organisations"),
    ("collections", "places", "label"): ("nav", "places"),
    ("collections", "partnerships", "label"): ("nav", "partnerships"),
    ("records", "organisation", "business_id", "label"): ("organisation", "business_id"),
    ("records", "organisation", "expertise", "label"): ("nav", "expertise"),
    ("records", "activity", "format", "label"): ("activity", "format"),
    ("records", "activity", "audiences", "label"): ("nav", "audiences"),
    ("records", "activity", "themes", "label"): ("nav", "themes"),
    ("records", "activity", "languages", "label"): ("activity", "languages"),
    ("records", "activity", "cost", "label"): ("activity", "cost"),
    ("records", "activity", "registration", "label"): ("activity", "registration"),
    ("records", "activity", "low_threshold", "label"): ("activity", "low_threshold"),
    ("records", "activity", "drop_in", "label"): ("activity", "drop_in"),
    ("records", "place", "opening_hours", "label"): ("place", "opening_hours"),
    ("records", "place", "directions", "label"): ("place", "directions"),
    ("records", "place", "accessibility", "label"): ("place", "accessibility"),
    ("records", "partnership", "members", "label"): ("partnership", "members"),
    ("records", "partnership", "meetings", "label"): ("partnership", "meetings"),
    ("records", "organisation", "municipalities", "label"): ("nav", "municipalities"),
    ("keyword_or_text", "free"): ("badge", "free"),
    ("keyword_or_text", "none"): ("badge", "no_registration"),
}


def at(table: dict[str, Any], path: tuple[str, ...]) -> Any:
    for key in path:
        table = table[key]
    return table


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_field_has_a_label_and_none_is_left_over(lang):
    assert gaps(labels(lang)) == []


def test_a_missing_or_left_over_label_is_named():
    table = labels("fi")
    del table["records"]["contact"]["basis"]
    del table["records"]["activity"]["low_threshold"]["label"]
    table["records"]["place"]["floor"] = {"label": "Kerros"}
    table["choices"]["basis"].pop("consent")
    table["weekdays"]["sun"] = ""
    assert gaps(table) == [
        "records.activity.low_threshold.label: missing",
        "records.contact.basis: missing",
        "records.place.floor: not a field of a place (left over?)",
        "weekdays.sun: empty or not a text",
        "choices.basis.consent: missing",
    ]


def test_a_new_field_of_the_schema_needs_its_label(monkeypatch):
    contact = LABELLED_RECORDS["contact"]
    grown = dataclasses.replace(contact, fields=(*contact.fields, Field(
        "reviewed", Date(), False, "when the contact was last checked")))
    monkeypatch.setitem(LABELLED_RECORDS, "contact", grown)
    for lang in LANGUAGES:
        assert gaps(labels(lang)) == ["records.contact.reviewed: missing"]


def test_the_three_languages_have_the_same_keys_and_hints():
    def shape(table: Any, path: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
        if not isinstance(table, dict):
            return {path}
        return set().union(*(shape(value, (*path, key)) for key, value in table.items()))

    finnish = shape(labels("fi"))
    for lang in ("sv", "en"):
        assert shape(labels(lang)) ^ finnish == set(), lang


def test_swedish_and_english_are_translations_not_copies():
    def leaves(table: Any, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], str]:
        if not isinstance(table, dict):
            return {path: table}
        return {found: text for key, value in table.items()
                for found, text in leaves(value, (*path, key)).items()}

    finnish = leaves(labels("fi"))
    for lang in ("sv", "en"):
        other = leaves(labels(lang))
        assert sorted(path for path, text in finnish.items() if other[path] == text) == [], lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_concept_has_the_sites_word(lang):
    site = yaml.safe_load((TEMPLATES / "i18n" / f"{lang}.yaml").read_text("utf-8"))
    table = labels(lang)
    different = {path: (at(table, path), at(site, word)) for path, word in SITE_WORDS.items()
                 if at(table, path) != at(site, word)}
    assert different == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_contacts_privacy_rules_are_explained_at_the_fields(lang):
    contact = labels(lang)["records"]["contact"]
    basis = labels(lang)["choices"]["basis"]
    # A name points at its basis, the basis explains both choices, consent at its end day.
    assert contact["basis"]["label"] in contact["name"]["hint"]
    assert basis["role"] in contact["basis"]["hint"]
    assert basis["consent"] in contact["basis"]["hint"]
    for field in ("role", "name", "basis", "consent_until"):
        assert len(contact[field]["hint"]) > 80, field  # a sentence or more, not a word
    assert "30" in contact["consent_until"]["hint"]  # check's warning before consent ends
    # The every-nth-week hint names the field it counts from.
    rule = labels(lang)["records"]["schedule_rule"]
    assert rule["from"]["label"] in rule["every"]["hint"]


def test_labels_are_read_once_and_each_caller_gets_a_copy():
    first = labels("sv")
    first["records"]["contact"]["role"]["label"] = "changed"
    assert labels("sv")["records"]["contact"]["role"]["label"] != "changed"
    assert labelling._read("sv") is labelling._read("sv")
    with pytest.raises(ValueError, match="de"):
        labels("de")


def test_the_label_files_are_package_data():
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["hyteguide.editor"]
    package = REPO / "hyteguide" / "editor"
    shipped = {path for pattern in patterns for path in package.glob(pattern)}
    assert sorted(LABELS.glob("*.yaml")) == sorted(shipped)
    assert {path.stem for path in LABELS.glob("*.yaml")} == set(LANGUAGES)

