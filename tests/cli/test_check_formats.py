"""`hyteguide check --format github|json`: escaping, output, exit status, a PR-like change."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from textwrap import dedent

from hyteguide.cli.main import main
from hyteguide.common.problems import (
    Problem,
    escape_data,
    escape_property,
    format_github,
    format_json,
    format_report,
)
from tests.conftest import CONTENT, REPO
from tests.helpers import make_site, problems

ORG = "organisations/yhdistys.md"
P = "content/organisations/yhdistys.md"

# Two errors: an unknown field on line 4 and a bad email on line 6, column 8.
BROKEN = dedent("""\
    ---
    name: Yhdistys ry
    summary: Testi.
    sumary: Testi.
    municipalities: [kerava]
    email: toimisto(at)example
    ---
    Kuvaus.
    """)

# Only a warning: an event without its date (line 6, column 5).
WARNING_ONLY = dedent("""\
    ---
    name: Yhdistys
    summary: Testi.
    municipalities: [kerava]
    activities:
      - id: juhla
        title: Juhla
        summary: Testi.
        format: tapahtuma
    ---
    """)


# -- escaping ----------------------------------------------------------------------------------

def test_data_escapes_percent_cr_and_lf_but_not_colon_or_comma():
    assert escape_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"


def test_percent_is_escaped_first_so_escapes_are_not_doubled():
    assert escape_data("%0A") == "%250A"
    assert escape_property("%3A") == "%253A"


def test_property_also_escapes_colon_and_comma():
    assert escape_property("a:b,c%d\ne\rf") == "a%3Ab%2Cc%25d%0Ae%0Df"


def test_github_line_escapes_paths_titles_and_messages():
    problem = Problem("content/organisations/a,b:c.md", 12, 3, "bad-value", "times[0], end",
                      "50% of it:\nwrong, really", "fix: it\r\nnow")
    assert format_github([problem]) == (
        "::error file=content/organisations/a%2Cb%3Ac.md,line=12,col=3,"
        "title=bad-value%3A times[0]%2C end"
        "::50%25 of it:%0Awrong, really — hint: fix: it%0D%0Anow")


def test_github_line_without_field_or_hint_and_warning_level():
    error = Problem("content/site.yaml", 1, 1, "missing-file", "", "site.yaml is missing")
    warning = Problem("content/a.md", 2, 5, "missing-field", "activities[0]", "no date",
                      severity="warning")
    assert format_github([warning, error]).splitlines() == [
        "::warning file=content/a.md,line=2,col=5,title=missing-field%3A activities[0]::no date",
        "::error file=content/site.yaml,line=1,col=1,title=missing-file::site.yaml is missing",
    ]


def test_github_output_is_one_line_per_problem_and_empty_without_problems():
    many = [Problem("content/a.md", n, 1, "x", "f", "line one\nline two", "h\nh")
            for n in (1, 2, 3)]
    assert len(format_github(many).splitlines()) == 3
    assert format_github([]) == ""


def test_json_document_counts_and_sorts():
    b = Problem("content/b.md", 1, 1, "x", "f", "m", "h", severity="warning")
    a = Problem("content/a.md", 10, 2, "y", "", "50%\nm")
    document = json.loads(format_json([b, a, b]))
    assert document == {"errors": 1, "warnings": 1, "problems": [
        {"path": "content/a.md", "line": 10, "column": 2, "severity": "error", "code": "y",
         "field": "", "message": "50%\nm", "hint": ""},
        {"path": "content/b.md", "line": 1, "column": 1, "severity": "warning", "code": "x",
         "field": "f", "message": "m", "hint": "h"},
    ]}
    assert json.loads(format_json([])) == {"errors": 0, "warnings": 0, "problems": []}


# -- the command on a broken content folder -----------------------------------------------------

def test_github_format_on_a_broken_folder(tmp_path, capsys):
    root = make_site(tmp_path, {ORG: BROKEN})
    assert main(["check", "--content", str(root), "--format", "github"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"::error file={P},line=4,col=1,title=unknown-key%3A sumary::'sumary' is not a field "
        "of an organisation — hint: did you mean 'summary'?",
        f"::error file={P},line=6,col=8,title=bad-email%3A email::'toimisto(at)example' is not "
        "an email address — hint: write it as name@example.org",
    ]
    assert err.strip() == "2 error(s), 0 warning(s)"


def test_json_format_on_a_broken_folder(tmp_path, capsys):
    root = make_site(tmp_path, {ORG: BROKEN})
    assert main(["check", "--content", str(root), "--format", "json"]) == 1
    out, err = capsys.readouterr()
    document = json.loads(out)
    assert (document["errors"], document["warnings"]) == (2, 0)
    assert [(p["path"], p["line"], p["column"], p["code"], p["field"])
            for p in document["problems"]] == [(P, 4, 1, "unknown-key", "sumary"),
                                               (P, 6, 8, "bad-email", "email")]
    assert err.strip() == "2 error(s), 0 warning(s)"


def test_json_matches_the_text_report(tmp_path, capsys):
    root = make_site(tmp_path, {ORG: BROKEN})
    assert main(["check", "--content", str(root)]) == 1
    text_report = capsys.readouterr().err.rstrip("\n")
    assert main(["check", "--content", str(root), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    rebuilt = [Problem(p["path"], p["line"], p["column"], p["code"], p["field"], p["message"],
                       p["hint"], p["severity"]) for p in document["problems"]]
    assert rebuilt == problems(root)
    assert format_report(rebuilt) == text_report


def test_warnings_only_exit_zero_in_every_format(tmp_path, capsys):
    root = make_site(tmp_path, {ORG: WARNING_ONLY})
    assert main(["check", "--content", str(root), "--format", "github"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"::warning file={P},line=6,col=5,title=missing-field%3A activities[0]::an event needs "
        "a 'schedule' with its date — hint: add 'schedule: [{date: 2026-12-03}]'"]
    assert err.strip() == "0 error(s), 1 warning(s)"
    assert main(["check", "--content", str(root), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["errors"], document["warnings"]) == (0, 1)
    assert main(["check", "--content", str(root)]) == 0


def test_valid_folder_prints_nothing_to_annotate_and_exits_zero(tmp_path, capsys):
    root = make_site(tmp_path, {})
    assert main(["check", "--content", str(root), "--format", "github"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == "0 error(s), 0 warning(s)"
    assert main(["check", "--content", str(root), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"errors": 0, "warnings": 0, "problems": []}


def test_text_format_is_the_default_and_unchanged(tmp_path, capsys):
    root = make_site(tmp_path, {})
    assert main(["check", "--content", str(root), "--format", "text"]) == 0
    assert capsys.readouterr() == ("", "No problems found.\n")


# -- a pull-request-like change to the example region ---------------------------------------------

def test_a_broken_pull_request_is_annotated_on_the_changed_lines(tmp_path):
    shutil.copytree(CONTENT, tmp_path / "content")
    name = "keravan-olohuone.md"
    path = tmp_path / "content" / "organisations" / name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    email_index = next(i for i, line in enumerate(lines) if line.startswith("email: "))
    lines[email_index] = "email: toimisto(at)olohuone\n"
    reviewed_index = next(i for i, line in enumerate(lines) if line.startswith("reviewed: "))
    lines.insert(reviewed_index + 1, "sumary: Väärin kirjoitettu kenttä.\n")
    path.write_text("".join(lines), encoding="utf-8")
    email_line, unknown_line = email_index + 1, reviewed_index + 2
    assert email_line < unknown_line

    env = {**os.environ, "PYTHONUTF8": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run(
        [sys.executable, "-m", "hyteguide", "check", "--content", "content", "--format",
         "github"], cwd=tmp_path, env=env, capture_output=True, encoding="utf-8", timeout=120)
    assert result.returncode == 1, result.stderr
    file = f"content/organisations/{name}"
    assert result.stdout.splitlines() == [
        f"::error file={file},line={email_line},col=8,title=bad-email%3A email::"
        "'toimisto(at)olohuone' is not an email address — hint: write it as name@example.org",
        f"::error file={file},line={unknown_line},col=1,title=unknown-key%3A sumary::"
        "'sumary' is not a field of an organisation — hint: did you mean 'summary'?",
    ]
    assert result.stderr.strip() == "2 error(s), 0 warning(s)"
