"""An activity's age range in open data (issue 19, point 4): the plain JSON's `ages: {min, max}`,
the HSDS service's minimum_age and maximum_age with the range in words in its
eligibility_description, and schema.org's typicalAgeRange on the activity page's JSON-LD."""

from __future__ import annotations

import json
import re

import pytest

from tests.content.test_activity_ages import with_ages
from tests.content.test_activity_website import activity_page
from tests.helpers import ORGANISATION_MD
from tests.opendata.test_activity_website_export import exported


@pytest.mark.parametrize(("written", "ages", "minimum", "maximum", "words"), [
    ("7-12", {"min": 7, "max": 12}, 7, 12, "7–12-vuotiaille"),
    ("65-", {"min": 65, "max": None}, 65, None, "65 vuotta täyttäneille"),
    ("-6", {"min": None, "max": 6}, None, 6, "enintään 6-vuotiaille"),
    ("9", {"min": 9, "max": 9}, 9, 9, "9-vuotiaille"),
])
def test_the_range_is_exported(tmp_path, sources, written, ages, minimum, maximum, words):
    activity, service = exported(tmp_path, sources.templates, with_ages(written))
    assert activity["ages"] == ages
    assert (service.get("minimum_age"), service.get("maximum_age")) == (minimum, maximum)
    assert service["eligibility_description"] == words


def test_the_words_come_before_the_audiences(tmp_path, sources):
    organisation = with_ages("18-29").replace("    place: kirjasto\n",
                                              "    place: kirjasto\n    audiences: [aikuiset]\n")
    _, service = exported(tmp_path, sources.templates, organisation)
    assert service["eligibility_description"] == "18–29-vuotiaille, Aikuiset"


def test_without_a_range_nothing_is_said(tmp_path, sources):
    activity, service = exported(tmp_path, sources.templates, ORGANISATION_MD)
    assert "ages" not in activity
    assert "minimum_age" not in service and "maximum_age" not in service


def series(page: str) -> dict:
    """The EventSeries of an activity page's JSON-LD."""
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return next(node for node in json.loads(block)["@graph"] if node["@type"] == "EventSeries")


@pytest.mark.parametrize(("written", "typical"), [("7-12", "7-12"), ("65-", "65-"),
                                                  ("-6", "0-6")])
def test_json_ld_says_the_typical_age_range(tmp_path, sources, written, typical):
    page = activity_page(tmp_path, sources.templates, with_ages(written))
    assert series(page)["typicalAgeRange"] == typical


def test_json_ld_has_no_age_range_without_one(tmp_path, sources):
    assert "typicalAgeRange" not in series(activity_page(tmp_path, sources.templates,
                                                         ORGANISATION_MD))
