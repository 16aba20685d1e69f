"""Values that once crashed `check` or `build` with a traceback (issue 21, points 1 and 2) are
located errors: file, line, column, field and a hint, and the build refuses them the same way."""

from __future__ import annotations

import datetime as dt

import pytest

from hyteguide.build.pipeline import build
from hyteguide.common.problems import ContentError, Problem
from tests.conftest import BASE_URL, TEMPLATES
from tests.helpers import (
    ORGANISATION_MD,
    PLACE_YAML,
    VOCABULARY_YAML,
    make_site,
    organisation,
    problems,
)

TIME = '\n        time: "10:00-11:00"'


def _organisation(rule: str, extra: str = "") -> str:
    """An organisation whose one activity has the schedule rule (its first line is file line
    11) and extra fields before `activities` (from line 5)."""
    return organisation(f"""\
name: Testi ry
summary: Testi.
municipalities: [kerava]
{extra}activities:
  - id: ryhma
    title: Ryhmä
    summary: Tule.
    format: ryhma
    schedule:
      - {rule}
""")


HUGE = "9" * 5000
CASES = {  # name: (file text, (line, field) of the one error, words of its message)
    "an ordinal inside 12345": (_organisation("monthly: 12 mon" + TIME),
                                (11, "activities[0].schedule[0].monthly[0]"), "day of the month"),
    "a superscript digit": (_organisation('monthly: "²"' + TIME),
                            (11, "activities[0].schedule[0].monthly[0]"), "day of the month"),
    "a day 23 as an ordinal": (_organisation("monthly: [1st mon, 23 tue]" + TIME),
                               (11, "activities[0].schedule[0].monthly[1]"), "day of the month"),
    "5,000 digits in every": (_organisation(f"weekly: [tue]\n        every: {HUGE}" + TIME),
                              (12, "activities[0].schedule[0].every"), "whole number"),
    "5,000 digits in monthly": (_organisation(f"monthly: {HUGE}" + TIME),
                                (11, "activities[0].schedule[0].monthly[0]"), "day of the month"),
    "5,000 digits in ages": (_organisation("weekly: [tue]" + TIME).replace(
        "    format: ryhma", f"    format: ryhma\n    ages: {HUGE}-"),
        (10, "activities[0].ages"), "age range"),
    "a first day in year 9999": (_organisation("weekly: [tue]\n        from: 9999-12-01" + TIME),
                                 (12, "activities[0].schedule[0].from"), "year"),
    "a cancelled day in year 9999": (
        _organisation("weekly: [tue]\n        cancelled: [9999-12-31]" + TIME),
        (12, "activities[0].schedule[0].cancelled[0]"), "year"),
    "a yearly rule from 9999": (
        _organisation('rrule: "FREQ=YEARLY"\n        from: 9999-06-01' + TIME),
        (12, "activities[0].schedule[0].from"), "year"),
    "1,000 levels of lists": (_organisation("weekly: [tue]" + TIME,
                                            "x: " + "[" * 1000 + "]" * 1000 + "\n"),
                              (5, ""), "nested more than"),
    "400 levels and a syntax error": (
        _organisation("weekly: [tue]" + TIME, "x: " + "[" * 400 + "\n"), (5, ""),
        "nested more than"),
    "a list as a key": (_organisation("weekly: [tue]" + TIME, "? [a, b]\n: c\n"), (5, ""),
                        "used as a key"),
    "a list as a language": (_organisation("weekly: [tue]" + TIME).replace(
        "summary: Testi.", "summary: {fi: a, ? [x]: b}"), (3, ""), "used as a key"),
}


def _only_problem(tmp_path, text: str) -> Problem:
    root = make_site(tmp_path, {"organisations/testi.md": text})
    [problem] = [p for p in problems(root) if p.severity == "error"]
    return problem


@pytest.mark.parametrize("name", CASES)
def test_check_locates_what_once_crashed(tmp_path, name):
    text, (line, field), words = CASES[name]
    problem = _only_problem(tmp_path, text)
    assert (problem.path, problem.line, problem.field) == (
        "content/organisations/testi.md", line, field), problem.format()
    assert words in problem.message and problem.hint, problem.format()
    assert len(problem.format()) < 2000  # a 5,000-digit value is not echoed whole


def test_the_build_refuses_what_check_refuses(tmp_path):
    """`check` and `build` agree: the value that passed check and crashed the nightly build
    (monthly: [1st mon, 23 tue]) stops both at the same place."""
    text = CASES["a day 23 as an ordinal"][0]
    root = make_site(tmp_path, {"organisations/testi.md": text})
    with pytest.raises(ContentError) as raised:
        build(root, TEMPLATES, tmp_path / "out", today=dt.date(2026, 12, 7), base_url=BASE_URL)
    assert [p.line for p in raised.value.problems] == [11]


@pytest.mark.parametrize("term_id", ["2026-w48", "2027-w01", "2026-12-08"])
def test_a_term_id_may_not_be_a_calendar_address(tmp_path, term_id):
    """A municipality '2026-w51' would have its calendar at the region's week 51: check says so
    at the vocabulary's line, before a build could fail on it."""
    root = make_site(tmp_path, {
        "vocabulary.yaml": VOCABULARY_YAML.replace("kerava:", f"{term_id}:"),
        "organisations/yhdistys.md": ORGANISATION_MD.replace("[kerava]", f"[{term_id}]"),
        "places/kirjasto.yaml": PLACE_YAML.replace("kerava", term_id)})
    [problem] = problems(root)
    assert (problem.path, problem.code, problem.field) == (
        "content/vocabulary.yaml", "bad-slug", f"municipalities.{term_id}")
    assert "calendar week or day" in problem.message


def test_a_message_shows_controls_and_clips_long_values():
    problem = Problem("x.md", 1, 1, "bad-value", "f", "'\x1b[31mred\u202e' " + "9" * 5000, "h")
    assert "\x1b" not in problem.message and "\\u001b" in problem.message
    assert "\u202e" not in problem.message and "\\u202e" in problem.message
    assert len(problem.message) == 600 and "9…9" in problem.message
    assert problem.message.startswith("'\\u001b[31mred\\u202e' 99")


@pytest.mark.parametrize("marker", ["---", "..."])
def test_a_marker_inside_the_front_matter_is_an_error_not_lost_fields(tmp_path, marker):
    """A '---' (or YAML's '...') among the fields would end the front matter there and publish
    the schedule as page text: check says so at the marker's line."""
    text = _organisation("weekly: [tue]" + TIME, f"{marker}\n")
    problem = _only_problem(tmp_path, text)
    assert (problem.line, problem.code) == (5, "front-matter"), problem.format()
    assert "line 6" in problem.message and "activities:" in problem.message


@pytest.mark.parametrize("markers", ["---\n---\n", "...\n---\n", "---\n\n...\n\n",
                                     "---\n----\n", "...\n***\n"])
def test_two_markers_inside_the_front_matter_are_an_error_too(tmp_path, markers):
    """Found by tests/e2e/test_fuzzed_front_matter.py: after a second end line, the fields that
    follow were taken for the body without a word."""
    text = _organisation("weekly: [tue]" + TIME, markers)
    problem = _only_problem(tmp_path, text)
    assert (problem.line, problem.code) == (5, "front-matter"), problem.format()
    assert "activities:" in problem.message


@pytest.mark.parametrize("body", ["Yhdistys toimii Keravalla.\n", "\n# Meistä\n\n---\n\nTekstiä.\n",
                                  "- Kahvia ja juttuseuraa\n- Peli-ilta: torstaisin\n",
                                  "Huom: kokoontumiset ovat maksuttomia.\n"])
def test_a_body_that_is_markdown_is_not_taken_for_fields(tmp_path, body):
    root = make_site(tmp_path, {"organisations/testi.md": _organisation(
        "weekly: [tue]" + TIME).replace("Kuvaus.\n", body)})
    assert [p for p in problems(root) if p.severity == "error"] == []


@pytest.mark.parametrize("escape", ["\\0", "\\x01", "\\e", "\\N", "\\x7f", "\\u009b", "\\uffff"])
def test_a_control_character_written_as_an_escape_is_located(tmp_path, escape):
    """YAML escapes make characters no HTML page may contain (the Nu checker refuses them):
    check names the text's line and field instead of letting them through to pages and CSV."""
    text = _organisation("weekly: [tue]" + TIME).replace("summary: Testi.",
                                                         f'summary: "Tes{escape}ti."')
    problem = _only_problem(tmp_path, text)
    assert (problem.line, problem.code, problem.field) == (3, "invalid-character", "summary")
    assert "control character" in problem.message and "U+" in problem.message


def test_a_control_character_in_the_body_is_located(tmp_path):
    text = _organisation("weekly: [tue]" + TIME).replace("Kuvaus.\n",
                                                         "Kuvaus.\n\nToinen\x00 rivi.\n")
    problem = _only_problem(tmp_path, text)
    assert (problem.line, problem.code) == (16, "invalid-character"), problem.format()
    assert "U+0000" in problem.message


def test_tabs_and_line_breaks_are_kept(tmp_path):
    text = _organisation("weekly: [tue]" + TIME).replace("summary: Testi.",
                                                         'summary: "Rivi\\nToinen\\trivi."')
    root = make_site(tmp_path, {"organisations/testi.md": text})
    assert [p for p in problems(root) if p.severity == "error"] == []


# -- what was accepted without a word (issue 21, point 9) ------------------------------------


def _warnings(root) -> list[Problem]:
    from hyteguide.content.load import load_content
    return list(load_content(root, dt.date(2026, 12, 7)).extra.get("warnings", ()))


@pytest.mark.parametrize("name", ['"\\u200b"', '"\\u200b\\u2060\\ufeff "', '"\\u3164"'])
def test_a_name_of_invisible_characters_is_an_error(tmp_path, name):
    text = _organisation("weekly: [tue]" + TIME).replace("name: Testi ry", f"name: {name}")
    problem = _only_problem(tmp_path, text)
    assert (problem.line, problem.code, problem.field) == (2, "invisible-text", "name")


@pytest.mark.parametrize("override", ["\\u202e", "\\u202d", "\\u202b"])
def test_a_direction_override_is_an_error(tmp_path, override):
    text = _organisation("weekly: [tue]" + TIME).replace(
        "name: Testi ry", f'name: "Testi {override}yr"')
    problem = _only_problem(tmp_path, text)
    assert (problem.code, problem.field) == ("invalid-character", "name")
    assert "direction override" in problem.message


def test_right_to_left_text_and_its_marks_are_kept(tmp_path):
    text = _organisation("weekly: [tue]" + TIME).replace(
        "summary: Testi.", 'summary: "مرحبا بكم \\u200f(Kerava)"')
    root = make_site(tmp_path, {"organisations/testi.md": text})
    assert [p for p in problems(root) if p.severity == "error"] == []


def test_a_review_date_in_the_future_is_a_warning(tmp_path):
    text = _organisation("weekly: [tue]" + TIME, "reviewed: 2030-01-01\n")
    root = make_site(tmp_path, {"organisations/testi.md": text})
    [warning] = _warnings(root)
    assert (warning.line, warning.code) == (5, "reviewed-future")


def test_a_list_of_more_than_a_thousand_items_is_an_error(tmp_path):
    days = ", ".join(f"2026-{1 + i // 28:02}-{1 + i % 28:02}" for i in range(336))
    many = ", ".join([days] * 3)  # 1,008 items (the same days again: the count comes first)
    text = _organisation(f"weekly: [tue]\n        cancelled: [{many}]" + TIME)
    problem = _only_problem(tmp_path, text)
    assert (problem.code, problem.field) == ("too-many", "activities[0].schedule[0].cancelled")
    assert "1,008 items" in problem.message
