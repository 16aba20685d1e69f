"""End to end: hostile content in the open data exports stays data. The CSV tables parse as RFC
4180 with every hostile text intact in its own cell, the JSON files hold it as strings, and the
Atom feeds are well-formed XML that escapes it (no element comes from content)."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from hyteguide.build.pipeline import build
from hyteguide.feeds import atom
from hyteguide.opendata import exports as opendata
from hyteguide.opendata import hsds
from tests.conftest import TEMPLATES, TODAY
from tests.e2e.test_e2e_hostile import BASE_URL, PLAIN, hostile_files, q
from tests.helpers import make_site

# Texts that break naive CSV, XML and JSON writers: separators, quotes, line breaks, a formula,
# a CDATA end, line separators JSON allows raw but JavaScript did not, and a lone '&'. (A line
# break in a title breaks the iCalendar feeds' calendar name, so the line breaks are in the
# summary. Characters XML 1.0 cannot carry, such as \x07, never get this far: check refuses
# them, tests/content/test_hostile_values.py.)
TRICKY = 'Ryhmä "A", B; C =HYPERLINK("https://evil.example/") & <b>x</b> \u2028 ]]>'
TRICKY_SUMMARY = ("Yhteenveto, jossa \"lainaus\", \\ kenoviiva\tsarkain\r\nrivi 2\n"
                  "</summary><entry>")
TRICKY_ORG = f"""\
---
name: {q('Toinen "ry", <i>kursiivi</i>')}
summary: {q(TRICKY_SUMMARY)}
municipalities: [kerava]
reviewed: 2026-11-01
activities:
  - id: tricky
    title: {q(TRICKY)}
    summary: {q(TRICKY_SUMMARY)}
    format: ryhma
    place: kirjasto
    schedule:
      - weekly: [wed]
        time: "18:00-20:00"
        note: {q(TRICKY_SUMMARY)}
---
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile-data")
    content = make_site(root, {**hostile_files(), "organisations/toinen.md": TRICKY_ORG})
    output = root / "out"
    build(content, TEMPLATES, output, today=TODAY, base_url=BASE_URL)
    return output


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file, strict=True))


def cells(site: Path) -> set[str]:
    """Every cell of every CSV table of every language."""
    found = set()
    for lang in ("", "sv/", "en/"):
        for table in hsds.TABLES:
            rows = read_csv(site / f"{lang}{hsds.FOLDER}{hsds.TABLES[table][0]}")
            assert all(len(row) == len(rows[0]) for row in rows), table
            found.update(cell for row in rows for cell in row)
    return found


def test_csv_keeps_every_hostile_text_in_one_cell(site):
    found = cells(site)
    for key in ("org_name", "activity_title", "place_name", "contact_role", "activity_cost",
                "activity_registration", "theme_label"):
        assert any(PLAIN[key] in cell for cell in found), key
    assert TRICKY in found  # quotes, commas and a formula: one cell, as written
    assert any(TRICKY_SUMMARY in cell for cell in found)  # line breaks kept as written
    raw = (site / hsds.FOLDER / "services.csv").read_bytes()
    assert b'"Ryhm\xc3\xa4 ""A"", B; C =HYPERLINK(""https://evil.example/"")' in raw  # RFC 4180


def test_json_holds_hostile_text_as_strings(site):
    activities = json.loads((site / opendata.SHARED["activities"]).read_bytes())["activities"]
    titles = {a["title"]["fi"] for a in activities}
    assert TRICKY in titles and PLAIN["activity_title"] in titles
    services = json.loads((site / hsds.FOLDER / "services.json").read_bytes())
    assert {s["name"] for s in services} == titles


@pytest.mark.parametrize("lang", ["", "sv/", "en/"])
def test_feed_is_well_formed_and_escapes_content(site, lang):
    data = (site / f"{lang}{atom.FEED}").read_bytes()
    root = ET.fromstring(data)  # well-formed XML
    ns = {"a": atom.ATOM}
    tags = {element.tag for element in root.iter()}
    assert tags <= {f"{{{atom.ATOM}}}{name}" for name in (
        "feed", "id", "title", "subtitle", "link", "updated", "author", "name", "uri",
        "rights", "generator", "entry", "summary", "category")}, tags
    [entry] = root.findall("a:entry", ns)
    assert entry.findtext("a:title", namespaces=ns) == TRICKY
    assert TRICKY_SUMMARY.replace("\r\n", "\n") in entry.findtext("a:summary", namespaces=ns)
    assert b"<b>" not in data and b"</summary><entry>" not in data
    assert not feedparser.parse(data).bozo


def test_the_open_data_page_shows_no_content_markup(site):
    page = (site / "opendata" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page
    assert PLAIN["site_name"] not in page or "&lt;script&gt;" in page
