"""Problem reports: their format, order, de-duplication and did-you-mean hints."""

from __future__ import annotations

from pathlib import Path

import pytest

from hyteguide.common.problems import (
    ContentError,
    Problem,
    did_you_mean,
    format_report,
    relative_path,
)


def test_format_has_position_code_field_message_and_hint_line():
    problem = Problem("content/organisations/x.md", 7, 3, "unknown-key", "sumary",
                      "'sumary' is not a field of an organisation", "did you mean 'summary'?")
    assert problem.format() == (
        "content/organisations/x.md:7:3: error[unknown-key]: sumary: "
        "'sumary' is not a field of an organisation\n"
        "    hint: did you mean 'summary'?"
    )


def test_format_without_field_or_hint():
    problem = Problem("content/site.yaml", 1, 1, "missing-file", "", "site.yaml is missing")
    assert problem.format() == "content/site.yaml:1:1: error[missing-file]: site.yaml is missing"


def test_format_warning_severity():
    problem = Problem("content/organisations/x.md", 5, 5, "missing-field", "activities[0]",
                      "an event needs a 'schedule' with its date", "add it", severity="warning")
    assert problem.format().startswith(
        "content/organisations/x.md:5:5: warning[missing-field]: activities[0]: ")


def test_problems_sort_by_path_then_line_then_column_and_drop_duplicates():
    b2 = Problem("content/places/b.yaml", 2, 1, "x", "", "m")
    a10 = Problem("content/places/a.yaml", 10, 1, "x", "", "m")
    a2c5 = Problem("content/places/a.yaml", 2, 5, "x", "", "m")
    a2c1 = Problem("content/places/a.yaml", 2, 1, "x", "", "m")
    assert ContentError([b2, a10, a2c5, a2c1, b2]).problems == [a2c1, a2c5, a10, b2]


def test_lines_sort_as_numbers_not_text():
    p9 = Problem("content/a.md", 9, 1, "x", "", "m")
    p10 = Problem("content/a.md", 10, 1, "x", "", "m")
    assert ContentError([p10, p9]).problems == [p9, p10]


def test_report_counts_errors_and_warnings_apart():
    error = Problem("a", 1, 1, "x", "", "m")
    warning = Problem("a", 2, 1, "y", "", "m", severity="warning")
    assert format_report([error, warning]).endswith("1 error(s), 1 warning(s)")
    assert format_report([]) == "0 error(s), 0 warning(s)"


def test_content_error_carries_sorted_problems_and_report():
    late = Problem("content/b.md", 3, 1, "bad-date", "reviewed", "'x' is not a date", "YYYY-MM-DD")
    early = Problem("content/a.md", 1, 1, "front-matter", "", "not closed")
    err = ContentError([late, early, late])
    assert err.problems == [early, late]
    assert str(err).splitlines() == [
        "content/a.md:1:1: error[front-matter]: not closed",
        "content/b.md:3:1: error[bad-date]: reviewed: 'x' is not a date",
        "    hint: YYYY-MM-DD",
        "2 error(s), 0 warning(s)",
    ]


def test_format_report_counts_errors_and_warnings():
    report = format_report([
        Problem("a", 1, 1, "x", "", "m"),
        Problem("a", 2, 1, "y", "", "m", severity="warning"),
    ])
    assert report.splitlines()[-1] == "1 error(s), 1 warning(s)"


@pytest.mark.parametrize(("word", "choices", "hint"), [
    ("sumary", ["name", "summary", "website"], "did you mean 'summary'?"),
    ("vertaistukki", ["vertaistuki", "liikunta"], "did you mean 'vertaistuki'?"),
    ("kirjastoo", ["kirjasto", "uimahalli"], "did you mean 'kirjasto'?"),
    ("SUMMARY", ["summary", "name"], "did you mean 'summary'?"),
    ("xyz", ["summary", "name"], ""),
    ("anything", [], ""),
])
def test_did_you_mean(word, choices, hint):
    assert did_you_mean(word, choices) == hint


def test_did_you_mean_names_several_close_choices():
    hint = did_you_mean("tue", ["tue", "thu", "sat", "mon"])
    assert hint.startswith("did you mean 'tue'")


def test_relative_path_is_relative_to_parent_of_content_folder(tmp_path: Path):
    root = tmp_path / "content"
    assert relative_path(root / "organisations" / "x.md", root) == "content/organisations/x.md"
    assert relative_path(Path("/elsewhere/x.md"), root) == "/elsewhere/x.md"
