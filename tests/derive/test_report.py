"""Freshness (site.yaml review_after_months) and the coordinator's to-do list (hyteguide report)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from hyteguide.cli.main import main
from hyteguide.content.load import load_content
from hyteguide.content.review import is_stale
from hyteguide.derive.guide import derive
from hyteguide.derive.report import csv_text, markdown, rows
from tests.conftest import BASE_URL, TEMPLATES
from tests.helpers import make_site, organisation

ORG = """\
    name: '=Testi ry'
    summary: Testi.
    municipalities: [kerava]
    reviewed: 2025-11-23
    activities:
      - id: ryhma
        title: Ryhmä
        summary: Tule.
        format: ryhma
        schedule:
          - weekly: [tue]
            time: "10:00-11:00"
    """


def test_is_stale_counts_calendar_months():
    assert not is_stale(dt.date(2025, 11, 24), dt.date(2026, 11, 23), 12)
    assert is_stale(dt.date(2025, 11, 23), dt.date(2026, 11, 23), 12)
    assert is_stale(dt.date(2025, 1, 31), dt.date(2026, 1, 31), 12)
    assert not is_stale(dt.date(2026, 1, 31), dt.date(2026, 2, 28), 1)


def test_check_warns_on_an_old_review_date_at_its_line(tmp_path):
    root = make_site(tmp_path, {"organisations/yhdistys.md": organisation(ORG)})
    content = load_content(root, dt.date(2026, 11, 23))
    [warning] = [p for p in content.extra["warnings"] if p.code == "stale-review"]
    assert (warning.path, warning.line, warning.col, warning.severity) == (
        "content/organisations/yhdistys.md", 5, 1, "warning")
    assert "2025-11-23" in warning.message and "12 months" in warning.message
    fresh = load_content(root, dt.date(2026, 11, 22))
    assert not [p for p in fresh.extra.get("warnings", []) if p.code == "stale-review"]


def test_the_limit_comes_from_site_yaml(tmp_path):
    root = make_site(tmp_path, {"organisations/yhdistys.md": organisation(ORG)})
    site = root / "site.yaml"
    site.write_text(site.read_text("utf-8") + "review_after_months: 6\n", encoding="utf-8")
    content = load_content(root, dt.date(2026, 5, 23))
    assert [p.code for p in content.extra["warnings"]] == ["stale-review"]


def test_pages_of_a_stale_organisation_say_so(tmp_path):
    from hyteguide.build.pipeline import build

    root = make_site(tmp_path, {"organisations/yhdistys.md": organisation(ORG)})
    out = tmp_path / "out"
    build(root, TEMPLATES, out, today=dt.date(2026, 12, 1), base_url=BASE_URL)
    for page in ("organisations/yhdistys/index.html", "activities/yhdistys/ryhma/index.html",
                 "sv/organisations/yhdistys/index.html"):
        html = (out / page).read_text("utf-8")
        assert 'class="notice notice--stale"' in html, page
    build(root, TEMPLATES, out, today=dt.date(2026, 11, 1), base_url=BASE_URL)
    assert "notice--stale" not in (out / "organisations/yhdistys/index.html").read_text("utf-8")


def test_report_rows_for_each_kind(tmp_path):
    vocabulary = (make_site(tmp_path / "v") / "vocabulary.yaml").read_text("utf-8")
    root = make_site(tmp_path, {
        "organisations/yhdistys.md": organisation(ORG),
        "organisations/hiljainen.md": organisation(
            "name: Hiljainen ry\nsummary: Ei toimintaa.\nmunicipalities: [kerava]\n"),
        "vocabulary.yaml": vocabulary.replace("kerava: {fi: Kerava, sv: Kervo}",
                                              "kerava: {fi: Kerava, sv: Kervo, bilingual: true}"),
    })
    content = load_content(root, dt.date(2026, 12, 1))
    guide = derive(content, dt.date(2026, 12, 1))
    found = rows(guide, content.extra["warnings"])
    kinds = [(r.kind, r.path.rsplit("/", 1)[-1], r.activity) for r in found]
    assert ("stale", "yhdistys.md", "") in kinds
    [stale] = [r for r in found if r.kind == "stale"]
    assert stale.line == 5  # the reviewed line, as check says
    assert ("no-review", "hiljainen.md", "") in kinds
    assert ("no-upcoming", "hiljainen.md", "") in kinds
    assert ("no-contact", "hiljainen.md", "") in kinds
    assert ("untranslated", "yhdistys.md", "Ryhmä") in kinds
    assert ("no-upcoming", "yhdistys.md", "") not in kinds
    text = markdown(guide, found)
    assert "## No upcoming activity (1)" in text
    table = list(csv.reader(io.StringIO(csv_text(found))))
    assert table[0] == ["kind", "path", "line", "organisation", "activity", "detail"]
    assert all(row[3] != "=Testi ry" for row in table[1:])  # never a spreadsheet formula
    assert any(row[3] == "'=Testi ry" for row in table[1:])


def test_report_command_writes_both_files(tmp_path, capsys):
    root = make_site(tmp_path, {"organisations/yhdistys.md": organisation(ORG)})
    out = tmp_path / "report"
    assert main(["report", "--content", str(root), "-o", str(out), "--today",
                 "2026-12-01"]) == 0
    assert (out / "report.md").read_text("utf-8").startswith("# To-do list for ")
    assert (out / "report.csv").read_text("utf-8").startswith("kind,path,line,")
    assert "items" in capsys.readouterr().err
    again = tmp_path / "again"
    main(["report", "--content", str(root), "-o", str(again), "--today", "2026-12-01"])
    assert (again / "report.csv").read_bytes() == (out / "report.csv").read_bytes()


def _with_site(root, extra: str) -> None:
    site = root / "site.yaml"
    site.write_text(site.read_text("utf-8") + extra, encoding="utf-8")


OLD = ORG.replace("name: '=Testi ry'", "name: Vanha ry").replace(
    "reviewed: 2025-11-23", "reviewed: 2024-06-01").replace("Ryhmä", "Unohtunut ryhmä")


def test_hide_after_months_must_exceed_review_after_months(tmp_path):
    from tests.helpers import check

    root = make_site(tmp_path)
    _with_site(root, "review_after_months: 12\nhide_after_months: 12\n")
    [problem] = check(root)
    assert problem.startswith("content/site.yaml:11:20: error[bad-value]: hide_after_months: ")
    assert "more than review_after_months (12)" in problem


def test_check_says_when_an_entry_is_hidden(tmp_path):
    root = make_site(tmp_path, {"organisations/vanha.md": organisation(OLD)})
    _with_site(root, "hide_after_months: 24\n")
    warnings = load_content(root, dt.date(2026, 6, 2)).extra["warnings"]
    assert [(p.code, p.line, p.field) for p in warnings] == [("hidden-stale", 5, "reviewed")]
    assert "left out of listings" in warnings[0].message
    warnings = load_content(root, dt.date(2026, 5, 31)).extra["warnings"]
    assert [p.code for p in warnings] == ["stale-review"]  # not yet 24 months


def test_without_hide_after_months_nothing_is_hidden(tmp_path):
    root = make_site(tmp_path, {"organisations/vanha.md": organisation(OLD)})
    guide = derive(load_content(root, dt.date(2030, 1, 1)), dt.date(2030, 1, 1))
    assert "vanha" in {o.slug for o in guide.organisations} and not guide.unlisted


def test_a_hidden_organisation_is_left_out_of_listings_but_keeps_its_pages(tmp_path):
    """Past hide_after_months: out of lists, term pages, the calendar, search, handouts, the
    sitemap and the region's feed; its own pages (bookmarks, printed QR codes) stay, marked and
    kept out of search engines, with their own feeds."""
    import json

    from hyteguide.build.pipeline import build

    root = make_site(tmp_path, {"organisations/vanha.md": organisation(OLD)})
    _with_site(root, "hide_after_months: 24\n")
    out = tmp_path / "out"
    build(root, TEMPLATES, out, today=dt.date(2026, 11, 23), base_url=BASE_URL)

    def read(path: str) -> str:
        if path.endswith("search/documents"):  # every part of the search's documents
            found = json.loads((out / path).with_name("manifest.json").read_text("utf-8"))
            parts = sorted((out / path).parent.joinpath(found["folder"]).glob("d*.json"))
            assert parts, path
            return "".join(part.read_text("utf-8") for part in parts)
        return (out / path).read_text("utf-8")

    for listing in ("index.html", "organisations/index.html", "activities/index.html",
                    "municipalities/kerava/index.html", "calendar/index.html",
                    "handout/kerava/index.html", "sitemap-1.xml", "calendar/calendar.ics",
                    "search/documents", "en/search/documents"):
        text = read(listing)
        assert "Vanha ry" not in text and "Unohtunut" not in text, listing
        assert "/vanha/" not in text, listing
    assert "Keravan Yhdistys ry" in read("organisations/index.html")  # the listed one stays
    for page in ("organisations/vanha/index.html", "activities/vanha/ryhma/index.html",
                 "sv/organisations/vanha/index.html"):
        html = read(page)
        assert '<meta name="robots" content="noindex">' in html, page
        assert 'class="notice notice--stale"' in html and "2024" in html, page
    assert "Vanha ry" in read("organisations/vanha/index.html")
    assert "Unohtunut ryhmä" in read("organisations/vanha/index.html")  # its own activities
    assert "BEGIN:VEVENT" in read("organisations/vanha/calendar.ics")
    assert "noindex" not in read("organisations/yhdistys/index.html")
    titles = re.findall(r'"title":"([^"]*)"', read("search/documents"))
    assert titles and "Vanha ry" not in titles


def test_report_lists_hidden_entries_and_other_warnings(tmp_path):
    root = make_site(tmp_path, {"organisations/vanha.md": organisation(OLD)})
    _with_site(root, "hide_after_months: 24\n")
    content = load_content(root, dt.date(2026, 11, 23))
    guide = derive(content, dt.date(2026, 11, 23))
    found = rows(guide, content.extra["warnings"])
    [hidden] = [r for r in found if r.kind == "hidden"]
    assert (hidden.path, hidden.line, hidden.organisation) == (
        "content/organisations/vanha.md", 5, "Vanha ry")
    assert not [r for r in found if r.kind == "stale"]
    assert "## Hidden from listings" in markdown(guide, found)
    assert ("no-contact", "Vanha ry") in {(r.kind, r.organisation) for r in found}


SWEDISH = """\
    name: Tusbyn yhdistys ry
    summary: {fi: Testi., sv: Test.}
    municipalities: [tuusula]
    reviewed: 2026-11-01
    activities:
      - id: kaffe
        title: Kahvila
        summary: Tule.
        format: ryhma
        languages: [sv, fi]
        schedule:
          - weekly: [tue]
            time: "10:00-11:00"
      - id: kerava
        title: {fi: Kirjastopiiri, sv: Bibliotekscirkel}
        summary: Keskustellaan.
        format: ryhma
        place: kirjasto
        languages: [fi]
        schedule:
          - weekly: [wed]
            time: "10:00-11:00"
      - id: svenska
        title: {fi: Lauluilta, sv: Sångkväll}
        summary: {fi: Laulamme., sv: Vi sjunger.}
        format: ryhma
        languages: [sv]
        schedule:
          - weekly: [thu]
            time: "18:00-19:00"
    """


def _report(tmp_path, files: dict[str, str]) -> list:
    root = make_site(tmp_path, files)
    content = load_content(root, dt.date(2026, 12, 1))
    return rows(derive(content, dt.date(2026, 12, 1)), content.extra.get("warnings", ()))


def test_an_activity_held_in_swedish_without_a_swedish_title_is_reported(tmp_path):
    """Swedish readers see the Swedish-speaking coffee group only in Finnish: listed at the
    activity's line, with the fix; the fully Swedish one and the Finnish-only one are not."""
    found = _report(tmp_path, {"organisations/tusby.md": organisation(SWEDISH)})
    [row] = [r for r in found if r.kind == "not-described"]
    assert (row.path, row.line, row.activity) == ("content/organisations/tusby.md", 7,
                                                  "Kahvila")
    assert "held in sv" in row.detail and "sv: …" in row.detail
    assert "## Held in a language it is not described in (1)" in markdown(
        derive(load_content(tmp_path / "content", dt.date(2026, 12, 1)),
               dt.date(2026, 12, 1)), found)
    assert not [r for r in found if r.kind == "untranslated"]  # no bilingual municipality


def test_an_activity_held_in_a_bilingual_municipality_is_reported(tmp_path):
    """The organisation works in Tuusula, but its reading circle meets at a library in Kerava,
    marked bilingual: the circle's summary lacks Swedish there. The coffee group's missing
    Swedish is reported once (as not described), not again as untranslated."""
    vocabulary = (make_site(tmp_path / "v") / "vocabulary.yaml").read_text("utf-8")
    found = _report(tmp_path, {
        "organisations/tusby.md": organisation(SWEDISH),
        "vocabulary.yaml": vocabulary.replace("kerava: {fi: Kerava, sv: Kervo}",
                                              "kerava: {fi: Kerava, sv: Kervo, bilingual: true}"),
    })
    untranslated = [(r.activity, r.detail) for r in found if r.kind == "untranslated"
                    and r.path.endswith("tusby.md")]
    assert untranslated == [("Kirjastopiiri", "title or summary has no sv text (kerava)")]
    assert [r.activity for r in found if r.kind == "not-described"] == ["Kahvila"]


def test_the_example_lists_its_activities_held_in_swedish(example_content):
    """The example region's activities held in Swedish with Finnish-only texts are listed."""
    guide = derive(example_content, dt.date(2026, 12, 7))
    held = [r for r in rows(guide) if r.kind == "not-described" and "held in sv" in r.detail]
    assert len(held) >= 4


def test_an_activity_whose_every_rule_has_ended_is_listed(tmp_path):
    """A season that is over (its next one not written yet) is in no calendar: the report
    lists it at its line; an activity that goes on, or has a date to come, is not listed."""
    ended = ORG.replace('time: "10:00-11:00"',
                        'time: "10:00-11:00"\n            from: 2025-01-01\n'
                        '            until: 2025-06-01')
    found = _report(tmp_path, {"organisations/yhdistys.md": organisation(ended)})
    [row] = [r for r in found if r.kind == "ended"]
    assert (row.path, row.line, row.activity) == ("content/organisations/yhdistys.md", 7, "Ryhmä")
    assert "after 2025-06-01" in row.detail
    going_on = _report(tmp_path / "on", {"organisations/yhdistys.md": organisation(ORG)})
    assert not [r for r in going_on if r.kind == "ended"]
