"""The build's report (hyteguide/build/pipeline.py): the site's size, and a note when it is too
large
for GitHub Pages, with what makes it smaller."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from hyteguide.build import pipeline
from tests.helpers import make_site

TODAY = dt.date(2026, 11, 22)


def test_the_report_gives_the_size_of_what_was_written(sources, tmp_path):
    content = make_site(tmp_path)
    report = str(pipeline.build(content, sources.templates, tmp_path / "site", today=TODAY))
    found = re.search(r"^Built (\d+) files \((\d+\.\d) MB\) into", report, re.M)
    assert found, report
    files = [p for p in (tmp_path / "site").rglob("*") if p.is_file()]
    assert int(found.group(1)) == len(files)
    written = sum(p.stat().st_size for p in files)
    assert found.group(2) == f"{written / 1e6:.1f}"
    assert "note:" not in report  # far below the limit


def test_a_site_over_the_pages_limit_gets_a_note_with_what_to_do(sources, tmp_path,
                                                                   monkeypatch):
    monkeypatch.setattr(pipeline, "PAGES_LIMIT", 1000)
    content = make_site(tmp_path)
    report = str(pipeline.build(content, sources.templates, tmp_path / "site", today=TODAY))
    note = report.splitlines()[-1]
    assert note.startswith("note: the site is ") and "GitHub Pages" in note, report
    assert "at most 1 GB" in note and "object storage" in note
    assert (tmp_path / "site" / "index.html").is_file()  # a note, not a failure


@pytest.mark.parametrize(("size", "shown"), [(0, "0.0 MB"), (45_200_000, "45.2 MB"),
                                             (1_134_000_000, "1.13 GB")])
def test_sizes_are_shown_in_decimal_units(size, shown):
    assert pipeline.megabytes(size) == shown


def test_the_note_names_languages_only_when_there_are_several():
    assert "each language" in pipeline.too_large_for_pages(2 * 10**9, 3)
    assert "each language" not in pipeline.too_large_for_pages(2 * 10**9, 1)


def test_the_report_says_how_many_organisations_like_these_fit_in_a_gigabyte(sources,
                                                                          tmp_path):
    content = make_site(tmp_path)
    report = str(pipeline.build(content, sources.templates, tmp_path / "site", today=TODAY))
    found = re.search(r"^Size per organisation: (\d+) KB in 3 languages; GitHub Pages' 1 GB "
                      r"holds about ([\d,]+) organisations like these\.$", report, re.M)
    assert found, report
    written = sum(p.stat().st_size for p in (tmp_path / "site").rglob("*") if p.is_file())
    organisations = len(list((content / "organisations").glob("*.md")))
    assert int(found.group(2).replace(",", "")) == 10**9 * organisations // written


@pytest.mark.parametrize(("size", "organisations", "fits"), [
    (2_180_000_000, 3000, "1,376"), (500_000, 1, "2,000"), (10**9, 7, "7")])
def test_capacity(size, organisations, fits):
    assert pipeline.capacity(size, organisations, 3).endswith(f"holds about {fits} "
                                                              "organisations like these.")
