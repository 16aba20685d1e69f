"""Age ranges on activities (issue 19, point 4): `ages: 7-12`, `65-`, `-6` or `9`, as a hobby
directory's activities all had them, checked with errors that say what is wrong, and shown on
the activity page, the cards and the handout in each language's words."""

from __future__ import annotations

import pytest

from hyteguide.content.load import load_content
from hyteguide.model import AgeRange
from hyteguide.web.i18n import load_catalogue
from tests.content.test_activity_website import activity_page
from tests.helpers import ORGANISATION_MD, check, hints, make_site

P = "content/organisations/yhdistys.md"


def with_ages(written: str) -> str:
    """The helpers' organisation with `ages` on its activity (file line 13, value column 11)."""
    return ORGANISATION_MD.replace("    format: kohtaamispaikka\n",
                                   f"    format: kohtaamispaikka\n    ages: {written}\n")


def ages_of(tmp_path, written: str) -> AgeRange | None:
    root = make_site(tmp_path, {"organisations/yhdistys.md": with_ages(written)})
    assert check(root) == []
    return load_content(root).organisations[0].activities[0].ages


@pytest.mark.parametrize(("written", "expected"), [
    ("7-12", AgeRange(7, 12)),
    ("7–12", AgeRange(7, 12)),  # an en dash, as a word processor writes it
    ("7 – 12", AgeRange(7, 12)),
    ('"13-17"', AgeRange(13, 17)),
    ("65-", AgeRange(65, None)),
    ("65+", AgeRange(65, None)),  # how "65 and over" is often said
    ("-6", AgeRange(None, 6)),
    ("0-6", AgeRange(0, 6)),
    ("9", AgeRange(9, 9)),
    ("18-18", AgeRange(18, 18)),
])
def test_the_written_forms_load(tmp_path, written, expected):
    assert ages_of(tmp_path, written) == expected


def test_it_is_optional(tmp_path):
    assert load_content(make_site(tmp_path)).organisations[0].activities[0].ages is None


@pytest.mark.parametrize(("written", "message", "hint"), [
    ("12-7", "the age range '12-7' is reversed: it ends (7) before it starts (12)",
     "write '7-12'"),
    ("7-200", "200 is not an age (0–120 years)",
     "check the number; write whole years with a hyphen: '7-12', '65-' (65 and over), '-6' "
     "(up to 6) or '9'"),
    ("seitsemän", "'seitsemän' is not an age range",
     "write whole years with a hyphen: '7-12', '65-' (65 and over), '-6' (up to 6) or '9'"),
    ("7-12-vuotiaille", "'7-12-vuotiaille' is not an age range",
     "write whole years with a hyphen: '7-12', '65-' (65 and over), '-6' (up to 6) or '9'"),
    ('"–"', "'–' is not an age range",
     "write whole years with a hyphen: '7-12', '65-' (65 and over), '-6' (up to 6) or '9'"),
    ("7.5-12", "'7.5-12' is not an age range",
     "write whole years with a hyphen: '7-12', '65-' (65 and over), '-6' (up to 6) or '9'"),
])
def test_a_wrong_range_is_an_error_at_its_place(tmp_path, written, message, hint):
    root = make_site(tmp_path, {"organisations/yhdistys.md": with_ages(written)})
    assert check(root) == [f"{P}:13:11: error[bad-value]: activities[0].ages: {message}"]
    assert hints(root) == [hint]


def test_a_list_is_not_a_range(tmp_path):
    root = make_site(tmp_path, {"organisations/yhdistys.md": with_ages("[7, 12]")})
    [problem] = check(root)
    assert problem.startswith(f"{P}:13:11: error[wrong-type]: activities[0].ages: expected an "
                              "age range such as '7-12', found a list")


@pytest.mark.parametrize(("ages", "fi", "sv", "en"), [
    (AgeRange(7, 12), "7–12-vuotiaille", "för 7–12-åringar", "ages 7–12"),
    (AgeRange(65, None), "65 vuotta täyttäneille", "för 65 år och äldre", "ages 65+"),
    (AgeRange(None, 6), "enintään 6-vuotiaille", "för högst 6-åringar", "ages up to 6"),
    (AgeRange(0, 6), "0–6-vuotiaille", "för 0–6-åringar", "ages 0–6"),
    (AgeRange(9, 9), "9-vuotiaille", "för 9-åringar", "age 9"),
])
def test_each_language_says_whom_it_is_for(sources, ages, fi, sv, en):
    said = [load_catalogue(sources.templates, lang).ages(ages) for lang in ("fi", "sv", "en")]
    assert said == [fi, sv, en]


def test_the_range_as_written_and_as_schema_org_has_it():
    assert [r.written for r in (AgeRange(7, 12), AgeRange(65), AgeRange(None, 6),
                                AgeRange(9, 9))] == ["7-12", "65-", "-6", "9"]
    assert [r.typical for r in (AgeRange(7, 12), AgeRange(65), AgeRange(None, 6),
                                AgeRange(9, 9))] == ["7-12", "65-", "0-6", "9-9"]
    assert AgeRange(7, 12).includes(7) and AgeRange(7, 12).includes(12)
    assert not AgeRange(7, 12).includes(13) and AgeRange(65).includes(99)


def test_the_activity_page_shows_it_only_when_given(tmp_path, sources):
    page = activity_page(tmp_path / "with", sources.templates, with_ages("7-12"))
    assert "<dt>Ikä</dt>\n  <dd>7–12-vuotiaille</dd>" in page
    without = activity_page(tmp_path / "without", sources.templates, ORGANISATION_MD)
    assert "<dt>Ikä</dt>" not in without
